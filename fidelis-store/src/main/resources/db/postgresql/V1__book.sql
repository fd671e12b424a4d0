-- The book: the six contract tables as io.fidelis.store.sql.StoredTable describes them, with their natural keys, and
-- the import log. Text is compared and sorted in code point order (COLLATE "C"), as DuckDB does, so that both stores
-- stream customers in the same order.

CREATE TABLE customers (
    customer_id VARCHAR COLLATE "C",
    name VARCHAR COLLATE "C",
    industry VARCHAR COLLATE "C",
    region VARCHAR COLLATE "C",
    size VARCHAR COLLATE "C",
    group_id VARCHAR COLLATE "C",
    onboarded_on DATE,
    closed_on DATE,
    close_reason VARCHAR COLLATE "C",
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL,
    PRIMARY KEY (customer_id)
);

CREATE TABLE loans (
    loan_id VARCHAR COLLATE "C",
    customer_id VARCHAR COLLATE "C",
    product VARCHAR COLLATE "C",
    amount DECIMAL(18,4),
    currency VARCHAR COLLATE "C",
    annual_rate DECIMAL(18,8),
    start_date DATE,
    maturity_date DATE,
    status VARCHAR COLLATE "C",
    status_date DATE,
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL,
    PRIMARY KEY (loan_id)
);

CREATE TABLE installments (
    loan_id VARCHAR COLLATE "C",
    installment_no INTEGER,
    due_date DATE,
    due_amount DECIMAL(18,4),
    paid_date DATE,
    paid_amount DECIMAL(18,4),
    customer_id VARCHAR COLLATE "C" NOT NULL,
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL,
    PRIMARY KEY (loan_id, installment_no)
);

CREATE TABLE complaints (
    complaint_id VARCHAR COLLATE "C",
    customer_id VARCHAR COLLATE "C",
    received_on DATE,
    category VARCHAR COLLATE "C",
    severity VARCHAR COLLATE "C",
    resolved_on DATE,
    escalated BOOLEAN,
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL,
    PRIMARY KEY (complaint_id)
);

CREATE TABLE surveys (
    customer_id VARCHAR COLLATE "C",
    surveyed_on DATE,
    satisfaction INTEGER,
    nps INTEGER,
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL,
    PRIMARY KEY (customer_id, surveyed_on)
);

CREATE TABLE interactions (
    customer_id VARCHAR COLLATE "C",
    occurred_on DATE,
    type VARCHAR COLLATE "C",
    channel VARCHAR COLLATE "C",
    import_id BIGINT NOT NULL,
    src_file VARCHAR COLLATE "C" NOT NULL,
    src_line BIGINT NOT NULL
);

CREATE INDEX loans_by_customer ON loans (customer_id, loan_id);
CREATE INDEX installments_by_customer ON installments (customer_id, loan_id, installment_no);
CREATE INDEX complaints_by_customer ON complaints (customer_id, received_on);
CREATE INDEX interactions_by_customer ON interactions (customer_id, occurred_on);

CREATE TABLE import_log (
    import_id BIGINT NOT NULL PRIMARY KEY,
    imported_at TIMESTAMP NOT NULL,
    source VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    max_errors BIGINT NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    rows_inserted BIGINT NOT NULL,
    rows_updated BIGINT NOT NULL,
    rejects_file VARCHAR,
    fingerprint VARCHAR NOT NULL
);

CREATE TABLE import_files (
    import_id BIGINT NOT NULL REFERENCES import_log (import_id),
    table_name VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    encoding VARCHAR,
    delimiter VARCHAR
);

CREATE TABLE import_tables (
    import_id BIGINT NOT NULL REFERENCES import_log (import_id),
    table_name VARCHAR NOT NULL,
    files INTEGER NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    rows_accepted BIGINT NOT NULL,
    rows_inserted BIGINT NOT NULL,
    rows_updated BIGINT NOT NULL
);
