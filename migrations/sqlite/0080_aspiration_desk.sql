-- (sqlite) The staff desk. Who works on a ticket now (assignee_id, a staff member whose area
-- holds the ticket's KIM, set by "Ambil" or a colleague; assigned_at when). A folded copy of
-- the ticket's text for word search (search_text: lower case, accents removed, computed in
-- Rust on write; rows stored before this are filled by the feature's data upgrade, and read
-- as LOWER(body) until then). The ticket's sequence number alone ("000002", "2") is looked
-- up through aspirations_seq. Each person's own saved queue filters (query: the queue's
-- query string, re-checked on every use).
ALTER TABLE aspirations ADD COLUMN assignee_id BIGINT;
ALTER TABLE aspirations ADD COLUMN assigned_at BIGINT;
ALTER TABLE aspirations ADD COLUMN search_text TEXT;
CREATE INDEX aspirations_assignee ON aspirations(assignee_id, id);
CREATE INDEX aspirations_seq ON aspirations(seq, year);
-- Rows the data upgrade has still to fold (empty once it has run).
CREATE INDEX aspirations_unfolded ON aspirations(id) WHERE search_text IS NULL;
CREATE TABLE aspiration_saved_views (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    name       TEXT   NOT NULL,
    query      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX aspiration_saved_views_user ON aspiration_saved_views(user_id, id);
