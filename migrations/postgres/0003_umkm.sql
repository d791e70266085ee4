-- UMKM registry (PostgreSQL; kept in step with migrations/sqlite). One row per
-- business owner (user_id is unique): re-running /umkm edits it, withdrawal deletes it.
-- Erasing a user erases their registration with them (ON DELETE CASCADE).
CREATE TABLE umkm_registrations (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    owner_name    TEXT   NOT NULL,
    business_name TEXT   NOT NULL,
    sector        TEXT   NOT NULL,   -- umkm::Sector code: 'kuliner', 'fashion', ...
    scale         TEXT   NOT NULL,   -- 'mikro' | 'kecil' | 'menengah'
    kelurahan_id  BIGINT NOT NULL REFERENCES areas(id),
    kim_id        BIGINT NOT NULL REFERENCES kims(id),  -- the owner's KIM when saved
    phone         TEXT   NOT NULL,   -- '+628...'
    nib           TEXT,              -- 13 digits, or NULL
    needs         TEXT   NOT NULL,   -- Need codes joined by ','; match one with
                                     -- (',' || needs || ',') LIKE '%,modal,%'
    description   TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX umkm_registrations_kim ON umkm_registrations(kim_id, created_at);
