-- (SQLite) Service-level reminders (80 %) and escalations (100 %) per stage, each
-- claimed once: the unique index holds one row per ticket, disposition (0 for the
-- office stage), stage and level, and the job inserts it with ON CONFLICT DO NOTHING
-- in the transaction that queues the messages, so two processes never both send it.
-- `sent` is 0 when the reminder was claimed without sending because the stage was
-- already past its deadline (its escalation says more).
CREATE TABLE aspiration_sla_alerts (
    id             INTEGER PRIMARY KEY,
    aspiration_id  BIGINT NOT NULL REFERENCES aspirations(id),
    disposition_id BIGINT NOT NULL,   -- aspiration_dispositions.id, 0 for the office stage
    stage          TEXT   NOT NULL,   -- office | opd_response | opd_done
    level          TEXT   NOT NULL,   -- reminder | escalation
    sent           BIGINT NOT NULL,
    at             BIGINT NOT NULL
);
CREATE UNIQUE INDEX aspiration_sla_alerts_once ON aspiration_sla_alerts(aspiration_id, disposition_id, stage, level);
CREATE INDEX aspiration_sla_alerts_disposition ON aspiration_sla_alerts(disposition_id, stage, level);
