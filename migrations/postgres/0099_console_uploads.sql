-- A CSV uploaded on a console page (areas or agencies), kept between its preview and
-- its import so "Impor" applies exactly the file previewed; then its row report.
-- No person is named in it; rows older than a day are deleted on the next upload.
CREATE TABLE console_uploads (
    token      TEXT   PRIMARY KEY,
    kind       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    body       TEXT   NOT NULL,
    applied_at BIGINT,
    report     TEXT
);
