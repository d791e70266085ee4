-- Private invitations to a published training for registered UMKM whose sector or
-- needs match it (and who agreed to the registry and to programme news). The unique
-- key is the claim: each person is invited at most once per training, however often
-- the offer is pressed or by how many processes. Erasure deletes a person's rows.
CREATE TABLE training_invitations (
    id          BIGSERIAL PRIMARY KEY,
    training_id BIGINT NOT NULL REFERENCES trainings(id),
    user_id     BIGINT NOT NULL,
    invited_by  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (training_id, user_id)
);
CREATE INDEX training_invitations_user ON training_invitations(user_id);
