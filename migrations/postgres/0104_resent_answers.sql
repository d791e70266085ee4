-- How many of an update's answers a takeover sent again although the handling it
-- took over may already have sent them (their journal entry was still "pending":
-- the send had started, Telegram's answer was not recorded). Each is a resident
-- possibly answered twice; kept after the update is finished, for the fault suite
-- and an operator's count.
ALTER TABLE processed_updates ADD COLUMN resent_answers BIGINT NOT NULL DEFAULT 0;
