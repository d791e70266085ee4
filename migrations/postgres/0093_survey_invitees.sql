-- (PostgreSQL) Surveys to named people (issue 29): another feature (a programme's follow-up to its
-- recipients) invites these users privately; only they may answer. `named` marks such
-- a survey, whose reach is this list rather than a KIM, an area or a training.
ALTER TABLE surveys ADD COLUMN named BIGINT NOT NULL DEFAULT 0;

CREATE TABLE survey_invitees (
    id         BIGSERIAL PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES surveys(id),
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX survey_invitees_one ON survey_invitees(survey_id, user_id);
