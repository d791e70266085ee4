-- The console shows a new invite on the page its form redirects to, found by this
-- random reference (not the code), so a reload shows the same invite and makes none.
ALTER TABLE invites ADD COLUMN page_ref TEXT;
