-- Revoking API tokens and changing passwords (io.fidelis.store.jdbc, which brings a DuckDB workspace's tables to the
-- same shape on first use). Tokens get numbers, by which an admin lists and revokes them (never by their hash); those
-- made before are numbered in the order they were made.
ALTER TABLE service_tokens ADD COLUMN token_id BIGINT;
ALTER TABLE service_tokens ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE service_tokens ADD COLUMN revoked_by VARCHAR(64);

UPDATE service_tokens SET token_id = numbered.id
FROM (SELECT token_sha256, ROW_NUMBER() OVER (ORDER BY created_at, token_sha256) AS id FROM service_tokens) numbered
WHERE service_tokens.token_sha256 = numbered.token_sha256;

ALTER TABLE service_tokens ALTER COLUMN token_id SET NOT NULL;
CREATE UNIQUE INDEX service_tokens_token_id ON service_tokens (token_id);

-- When a user's password was last changed: sessions that began before it end, on every service of the database.
ALTER TABLE service_users ADD COLUMN password_changed_at TIMESTAMP;
