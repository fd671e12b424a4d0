-- The service's users, API tokens, audit log and policy versions (io.fidelis.store.jdbc: the same portable tables the
-- stores create themselves on DuckDB). Numbers are MAX + 1 under the store's lock, the primary key as the guard.
CREATE TABLE service_users (
    user_name VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    role VARCHAR(16) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE service_tokens (
    token_sha256 VARCHAR(80) NOT NULL PRIMARY KEY,
    user_name VARCHAR(64) NOT NULL,
    label VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE audit_log (
    entry_id BIGINT NOT NULL PRIMARY KEY,
    acted_at TIMESTAMP NOT NULL,
    actor VARCHAR(64) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(200) NOT NULL,
    detail VARCHAR(2000) NOT NULL
);

-- Append-only for every user of the database, not only for the code: updates, deletes and truncation are refused.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE policy_versions (
    version_id BIGINT NOT NULL PRIMARY KEY,
    policy_id VARCHAR(100) NOT NULL,
    policy_version VARCHAR(100) NOT NULL,
    sha256 VARCHAR(80) NOT NULL,
    yaml VARCHAR NOT NULL,
    state VARCHAR(16) NOT NULL,
    proposed_by VARCHAR(64) NOT NULL,
    proposed_at TIMESTAMP NOT NULL,
    decided_by VARCHAR(64),
    decided_at TIMESTAMP
);
