-- A person is counted once per poll and per survey by a keyed fingerprint (HMAC of the
-- user id under a secret in `settings`, see src/platform/fingerprint.rs), not by their
-- Telegram id: so an answer given again after erasure replaces the old one, and group
-- members who never started the bot leave counts, not ids (issue 23 items 5 and 10).

-- poll_votes.voter now holds the fingerprint (always negative; rows written before this
-- migration are rekeyed at start-up). user_id: the voter's id while they are a member
-- (for /datasaya); NULL for people who never started the bot, and once erased.
ALTER TABLE poll_votes ADD COLUMN user_id BIGINT;
UPDATE poll_votes SET user_id = voter WHERE voter > 0 AND voter IN (SELECT id FROM users);
CREATE INDEX poll_votes_user ON poll_votes(user_id);

-- survey_responses.respondent: the fingerprint, kept after erasure (user_id NULL), one
-- response per survey and fingerprint. NULL only on rows not yet rekeyed at start-up.
ALTER TABLE survey_responses ADD COLUMN respondent BIGINT;
CREATE UNIQUE INDEX survey_responses_respondent ON survey_responses(survey_id, respondent);
