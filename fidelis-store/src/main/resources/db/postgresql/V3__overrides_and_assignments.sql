-- Manual overrides (io.fidelis.store.Overrides): append-only.
CREATE SEQUENCE override_ids START 1;

CREATE TABLE overrides (
    override_id BIGINT NOT NULL PRIMARY KEY,
    customer_id VARCHAR COLLATE "C" NOT NULL,
    tier VARCHAR,
    stage VARCHAR,
    reason VARCHAR NOT NULL,
    author VARCHAR NOT NULL,
    effective_from DATE,
    expires_on DATE NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);

CREATE INDEX overrides_by_customer ON overrides (customer_id);

-- Strategies' assignments (io.fidelis.store.StrategyAssignments).
CREATE SEQUENCE assignment_set_ids START 1;

CREATE TABLE assignment_sets (
    set_id BIGINT NOT NULL PRIMARY KEY,
    strategy_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    run_id BIGINT,
    assigned_on DATE,
    seed BIGINT,
    treatment_share DOUBLE PRECISION,
    file_name VARCHAR,
    file_sha256 VARCHAR,
    input_fingerprint VARCHAR NOT NULL,
    code_version VARCHAR NOT NULL,
    treatment BIGINT NOT NULL,
    control BIGINT NOT NULL,
    replaces BIGINT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE assignments (
    set_id BIGINT NOT NULL REFERENCES assignment_sets (set_id) DEFERRABLE INITIALLY DEFERRED,
    customer_id VARCHAR COLLATE "C" NOT NULL,
    arm VARCHAR NOT NULL,
    assigned_on DATE,
    stratum VARCHAR,
    PRIMARY KEY (set_id, customer_id)
);
