-- Surveys (/survei): a few questions asked of residents in private chat.
-- A survey reaches one KIM (coordinators) or an area (staff); answers are saved one
-- question at a time, so a resident resumes where they stopped, and one response per
-- resident is submitted. Results never carry a user id out of the database.
CREATE TABLE surveys (
    id         BIGSERIAL PRIMARY KEY,
    title      TEXT   NOT NULL,
    author_id  BIGINT NOT NULL,                 -- 0 once the author erased their data
    kim_id     BIGINT REFERENCES kims(id),      -- reach: one KIM
    area_id    BIGINT REFERENCES areas(id),     -- reach: a kecamatan or kota
    training_id BIGINT REFERENCES trainings(id),-- reach: its registered participants (feedback form)
    area_path  TEXT   NOT NULL,                 -- path of the reach (who oversees it)
    reach_name TEXT   NOT NULL,                 -- as shown to the author and in reports
    status     TEXT   NOT NULL,                 -- open | closed | recalled
    closes_at  BIGINT NOT NULL,
    sent_count BIGINT NOT NULL DEFAULT 0,       -- invitations queued
    created_at BIGINT NOT NULL,
    ended_at   BIGINT,                          -- closed early or recalled
    ended_by   BIGINT                           -- who closed or recalled it (0 once erased)
);
CREATE INDEX surveys_status ON surveys(status, closes_at);

CREATE TABLE survey_questions (
    id        BIGSERIAL PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES surveys(id),
    position  BIGINT NOT NULL,                  -- 1..10
    kind      TEXT   NOT NULL,                  -- choice | scale | text
    prompt    TEXT   NOT NULL,
    options   TEXT   NOT NULL DEFAULT '',       -- choice: one option per line
    UNIQUE (survey_id, position)
);

CREATE TABLE survey_responses (
    id           BIGSERIAL PRIMARY KEY,
    survey_id    BIGINT NOT NULL REFERENCES surveys(id),
    user_id      BIGINT,                        -- NULL once the resident erased their data
    area_path    TEXT   NOT NULL,               -- the resident's kelurahan (results by kecamatan)
    started_at   BIGINT NOT NULL,
    submitted_at BIGINT,                        -- NULL: still answering
    UNIQUE (survey_id, user_id)
);

CREATE TABLE survey_answers (
    response_id BIGINT NOT NULL REFERENCES survey_responses(id),
    question_id BIGINT NOT NULL REFERENCES survey_questions(id),
    choice      BIGINT,                         -- option index (choice) or 1..5 (scale)
    answer      TEXT,                           -- short text
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (response_id, question_id)
);
