-- (PostgreSQL) Webhooks for cek fakta: a delivery is about an aspiration or about a
-- fact-check request (`factcheck.verdict`), so `aspiration_id` may be NULL and
-- `fact_check_id` names the request.
ALTER TABLE webhook_deliveries ALTER COLUMN aspiration_id DROP NOT NULL;
ALTER TABLE webhook_deliveries ADD COLUMN fact_check_id BIGINT REFERENCES fact_checks(id);
