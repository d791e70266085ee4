-- (PostgreSQL) Staff web console: one-time login links sent by /dasbor and the sessions they
-- open. Only SHA-256 hashes of the secrets are stored, so a copy of the database opens
-- no session. Times are Unix seconds (UTC).
CREATE TABLE console_logins (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT                          -- set once, by the request that wins
);
CREATE TABLE console_sessions (
    id_hash      TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL,
    csrf         TEXT   NOT NULL,              -- sent back in every form
    lang         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,              -- idle expiry counts from here
    ended_at     BIGINT                        -- logout, or role revoked
);
CREATE INDEX console_sessions_user ON console_sessions(user_id);
CREATE INDEX aspirations_console_kim ON aspirations(kim_id, id);
