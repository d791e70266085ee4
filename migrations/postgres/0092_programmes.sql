-- (PostgreSQL) Programmes for UMKM (issue 29): capital aid, mentoring, certification, NIB, KUR,
-- exhibitions … offered by the office or an agency (OPD), applied for in chat,
-- selected in the console or chat, followed up by a survey. Times are Unix seconds.
CREATE TABLE programmes (
    id              BIGSERIAL PRIMARY KEY,
    area_path       TEXT   NOT NULL,          -- where it is offered (covers the applicants' kelurahan)
    agency_id       BIGINT REFERENCES agencies(id),  -- the organising OPD; NULL: the office itself
    organiser       TEXT   NOT NULL,          -- the organiser's name as residents read it
    name            TEXT   NOT NULL,
    kind            TEXT   NOT NULL,          -- 'modal' | 'pendampingan' | 'sertifikasi' | 'nib' | 'kur' | 'pameran'
    description     TEXT   NOT NULL,
    sectors         TEXT   NOT NULL DEFAULT '',  -- umkm sector codes joined by ','; '' = any
    scales          TEXT   NOT NULL DEFAULT '',  -- umkm scale codes joined by ','; '' = any
    kecamatan       TEXT   NOT NULL DEFAULT '',  -- a kecamatan name inside area_path; '' = any
    nib_required    BIGINT NOT NULL DEFAULT 0,
    group_min       BIGINT NOT NULL DEFAULT 0,   -- 0: individuals; N: groups of at least N members
    quota           BIGINT NOT NULL,
    accepted        BIGINT NOT NULL DEFAULT 0,   -- recipients so far; never above quota (conditional UPDATE)
    opens_at        BIGINT NOT NULL,
    closes_at       BIGINT NOT NULL,
    selection       TEXT   NOT NULL,             -- 'review' | 'first_come'
    questions       TEXT   NOT NULL DEFAULT '[]',  -- JSON: surveys' questions (kind, prompt, options)
    follow_up_days  BIGINT NOT NULL DEFAULT 0,   -- 0: no follow-up survey
    follow_up_survey BIGINT,                     -- the survey sent to recipients, once sent
    created_by      BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX programmes_open ON programmes(closes_at);

-- One application per person (the lead, for a group) and programme. The business
-- columns are a snapshot for the report and are kept after erasure; names are not.
CREATE TABLE programme_applications (
    id            BIGSERIAL PRIMARY KEY,
    programme_id  BIGINT NOT NULL REFERENCES programmes(id),
    number        TEXT   NOT NULL UNIQUE,     -- 'PRG-2026-000123'
    user_id       BIGINT,                     -- the applicant (group lead); NULL after erasure
    is_group      BIGINT NOT NULL DEFAULT 0,
    join_code     TEXT   UNIQUE,              -- members join a group with it
    members       BIGINT NOT NULL DEFAULT 1,  -- count kept after a member's erasure
    status        TEXT   NOT NULL,            -- 'forming' | 'submitted' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn'
    seq           BIGINT NOT NULL,            -- order of completion (waitlist, first come)
    sector        TEXT   NOT NULL,
    scale         TEXT   NOT NULL,
    kecamatan     TEXT   NOT NULL,
    kelurahan     TEXT   NOT NULL,
    has_nib       BIGINT NOT NULL DEFAULT 0,
    business_name TEXT,                       -- NULL after erasure
    owner_name    TEXT,                       -- NULL after erasure
    answers       TEXT   NOT NULL DEFAULT '[]',  -- JSON list of answers, in question order
    reason        TEXT,                       -- given with a rejection
    note          TEXT,                       -- staff's note, never shown to the applicant
    decided_by    BIGINT,
    decided_at    BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX programme_applications_person ON programme_applications(programme_id, user_id);
CREATE INDEX programme_applications_list ON programme_applications(programme_id, status, seq);

-- Members of a group application (the lead included), each with their own consent.
CREATE TABLE programme_members (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES programme_applications(id),
    user_id        BIGINT,                    -- NULL after erasure
    consent_at     BIGINT NOT NULL,
    joined_at      BIGINT NOT NULL
);
CREATE UNIQUE INDEX programme_members_one ON programme_members(application_id, user_id);

-- The per-year sequence behind application numbers.
CREATE TABLE programme_numbers (
    year BIGINT PRIMARY KEY,
    last BIGINT NOT NULL
);

-- Who was told about a programme (once each).
CREATE TABLE programme_invitations (
    id           BIGSERIAL PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX programme_invitations_one ON programme_invitations(programme_id, user_id);
