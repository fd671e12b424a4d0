-- Several services on one store share what they used to keep in each process's memory.
-- The dashboard's sessions (Spring Session JDBC's tables for PostgreSQL, named after the service's other tables): a
-- session begun on one service works on every other, and one ended on any (signing out, a password changed or reset)
-- ends on all. Expired sessions are deleted by the services themselves, every minute. SESSION_ID is not the bearer
-- token: the token also carries a secret of which only a hash is kept in the attributes.
CREATE TABLE service_sessions (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100),
    CONSTRAINT service_sessions_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX service_sessions_ix1 ON service_sessions (session_id);
CREATE INDEX service_sessions_ix2 ON service_sessions (expiry_time);
CREATE INDEX service_sessions_ix3 ON service_sessions (principal_name);

CREATE TABLE service_sessions_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BYTEA NOT NULL,
    CONSTRAINT service_sessions_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT service_sessions_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES service_sessions (primary_id) ON DELETE CASCADE
);

-- Wrong passwords in a row by name (a hash of it), for names of users and of nobody alike, so that the answers do not
-- tell whether a user exists. Rows quiet for the lock window are purged.
CREATE TABLE service_signin_failures (
    name_key VARCHAR(100) NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure TIMESTAMP NOT NULL
);

CREATE INDEX service_signin_failures_last ON service_signin_failures (last_failure);
