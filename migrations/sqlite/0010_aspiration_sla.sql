-- (SQLite) Service levels on aspirations: when a ticket was flagged overdue (no first response
-- within KIMBOT_SLA_WORKING_DAYS working days; set once, by whichever process wins the
-- conditional UPDATE) and when its resident reopened it after closing (once per ticket).
ALTER TABLE aspirations ADD COLUMN overdue_at BIGINT;
ALTER TABLE aspirations ADD COLUMN reopened_at BIGINT;
