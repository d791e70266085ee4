-- A KIM retired from the console: no longer offered by /start, /gantikim or any
-- picker; kept (with its history) for what already names it.
ALTER TABLE kims ADD COLUMN retired_at BIGINT;
