-- (SQLite) A delivery names its subject generically: the id of the row (a ticket, a
-- fact-check request …) of the feature that declared its event. Deliveries queued
-- before keep sending: their subject is copied over. The old per-feature columns
-- stay for the history; nothing writes them any more.
ALTER TABLE webhook_deliveries ADD COLUMN subject_id BIGINT;
UPDATE webhook_deliveries SET subject_id = COALESCE(aspiration_id, fact_check_id);
