-- A feed URL is unique per area, not globally: staff of one area adding a URL that
-- another area already has must not learn that (issue 16 item 9), and two areas may
-- well follow the same city feed. Mirrors migrations/sqlite/0015.
ALTER TABLE feeds DROP CONSTRAINT feeds_url_key;
ALTER TABLE feeds ADD CONSTRAINT feeds_url_area_key UNIQUE (url, area_id);
