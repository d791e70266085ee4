-- (SQLite) Ringkasan counts the UMKM registry of a scope by sector and need in one
-- pass over this index, without reading the registrations themselves.
CREATE INDEX umkm_registrations_summary ON umkm_registrations(kim_id, sector, needs);
