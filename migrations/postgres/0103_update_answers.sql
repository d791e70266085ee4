-- The answers an unfinished update has had so far (a JSON array of the messages
-- Telegram returned, in order): a later delivery that takes the update over gives
-- those answers again from here instead of sending them twice. Cleared when the
-- update is marked finished.
ALTER TABLE processed_updates ADD COLUMN answers TEXT;
