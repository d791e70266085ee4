-- (postgres) The staff desk. Internal notes on a ticket: staff write them for each other,
-- the resident never receives them. `author` is the staff member (erasure of that
-- person sets it to the erased user; erasure of the resident takes their name out of
-- the notes' text, see aspirations/personal.rs).
CREATE TABLE aspiration_notes (
    id            BIGSERIAL PRIMARY KEY,
    aspiration_id BIGINT NOT NULL REFERENCES aspirations(id),
    author        BIGINT NOT NULL,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX aspiration_notes_ticket ON aspiration_notes(aspiration_id, id);

-- Canned replies ("balasan siap") of one kota (the first part of its KIMs' area
-- paths), with variables {nama} {tiket} {kategori} {kim} filled when used.
CREATE TABLE aspiration_canned_replies (
    id         BIGSERIAL PRIMARY KEY,
    kota       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX canned_replies_kota ON aspiration_canned_replies(kota, title);
