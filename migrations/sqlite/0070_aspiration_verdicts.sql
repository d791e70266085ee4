-- (SQLite) The resident's verdict on a done ticket ("Apakah masalahnya sudah beres?"): one
-- row per time the ticket became `selesai` (a ticket reopened and closed again is asked
-- again). `outcome` stays NULL while waiting; it is claimed once, conditionally, by the
-- resident's answer or by the job that closes it as `unrated` after 10 days, so two
-- processes never both decide. `reminded_at` is the job's once-only reminder claim.
-- `comment` is the resident's own words: /datasaya shows it, erasure removes it.
CREATE TABLE aspiration_verdicts (
    id            INTEGER PRIMARY KEY,
    aspiration_id BIGINT NOT NULL REFERENCES aspirations(id),
    asked_at      BIGINT NOT NULL,
    outcome       TEXT,            -- NULL (waiting) | 'rated' | 'not_solved' | 'unrated' | 'replaced'
    score         BIGINT,          -- 1-5 when rated
    comment       TEXT,
    answered_at   BIGINT,
    reminded_at   BIGINT
);
CREATE INDEX aspiration_verdicts_ticket ON aspiration_verdicts(aspiration_id, id);
CREATE INDEX aspiration_verdicts_waiting ON aspiration_verdicts(asked_at) WHERE outcome IS NULL;
