-- (PostgreSQL) Staff may undo a status change for a minute ("Urungkan"). The undo is a history
-- row of its own that names the row it takes back, so the card can say "corrected"
-- instead of showing a backward move as if the resident had reopened the ticket.
ALTER TABLE aspiration_status_log ADD COLUMN undoes BIGINT;
