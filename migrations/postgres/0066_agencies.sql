-- (PostgreSQL) Agencies (OPD: the dinas and badan of a kota) that act on aspirations, the routing
-- rules that suggest one per category (optionally per kecamatan) at triage, and the
-- agency an officer's grant or invite is for.
CREATE TABLE agencies (
    id         BIGSERIAL PRIMARY KEY,
    kota       TEXT   NOT NULL,                -- the kota's area name, e.g. 'Kota Palembang'
    code       TEXT   NOT NULL,                -- upper case, e.g. 'PUPR'
    name       TEXT   NOT NULL,
    short_name TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX agencies_kota_code ON agencies(kota, code);

CREATE TABLE agency_routes (
    id         BIGSERIAL PRIMARY KEY,
    kota       TEXT   NOT NULL,
    category   TEXT   NOT NULL,
    kecamatan  TEXT   NOT NULL DEFAULT '',     -- '' = the whole kota
    agency_id  BIGINT NOT NULL REFERENCES agencies(id),
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX agency_routes_rule ON agency_routes(kota, category, kecamatan);

ALTER TABLE grants ADD COLUMN agency_id BIGINT REFERENCES agencies(id);
ALTER TABLE invites ADD COLUMN agency_id BIGINT REFERENCES agencies(id);
