-- (SQLite) Areas carry their official Kemendagri code (kode wilayah): '16.71' for a
-- kota/kabupaten, '16.71.04' for a kecamatan, '16.71.04.1001' for a kelurahan/desa.
-- NULL for areas made by hand (a CSV without codes). Unique where present, so an
-- official import finds the area it made before and a re-run changes nothing.
ALTER TABLE areas ADD COLUMN code TEXT;
CREATE UNIQUE INDEX areas_code ON areas (code);
