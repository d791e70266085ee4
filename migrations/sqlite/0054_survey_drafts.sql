-- A survey draft its author chose to keep when leaving the builder with /batal (one
-- per author; "Buat survei baru" offers it back). Deleted when taken up, discarded,
-- or when the author erases their data.
CREATE TABLE survey_drafts (
    author_id BIGINT PRIMARY KEY,
    draft     TEXT   NOT NULL,                  -- JSON of surveys::model::Draft
    saved_at  BIGINT NOT NULL
);
