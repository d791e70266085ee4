-- A claimed update is finished once handled: a claim left unfinished (the process
-- died while handling it) may be taken over by a later delivery of the update.
-- Rows from before this migration were handled.
ALTER TABLE processed_updates ADD COLUMN done BIGINT NOT NULL DEFAULT 1;
