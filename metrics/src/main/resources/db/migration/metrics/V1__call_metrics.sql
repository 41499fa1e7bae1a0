-- Call metrics: one row per tool call, plus per-minute and per-hour rollups that keep the dashboard fast.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

CREATE SEQUENCE call_metric_seq START WITH 500 INCREMENT BY 500;

CREATE TABLE call_metric (
    id             BIGINT       NOT NULL PRIMARY KEY,
    called_at      TIMESTAMP    NOT NULL,
    tenant         VARCHAR(100) NOT NULL,
    tool           VARCHAR(20)  NOT NULL,
    operation_id   VARCHAR(200),
    outcome        VARCHAR(20)  NOT NULL,
    http_status    INTEGER      NOT NULL,
    latency_micros BIGINT       NOT NULL,
    response_bytes BIGINT       NOT NULL,
    result_count   INTEGER,
    truncated      BOOLEAN      NOT NULL,
    query_text     VARCHAR(500)
);
CREATE INDEX call_metric_called_at ON call_metric (called_at);
-- the "searches with no or few results" page
CREATE INDEX call_metric_search_results ON call_metric (tool, result_count, called_at);

-- One row per (period, tenant, tool, operation, outcome, status, latency bucket). The latency bucket makes
-- the rows a histogram, so percentiles come from sums instead of sorting raw rows.
CREATE SEQUENCE call_rollup_seq START WITH 100 INCREMENT BY 100;

CREATE TABLE call_rollup (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    resolution_minutes   INTEGER      NOT NULL,
    bucket_start         TIMESTAMP    NOT NULL,
    tenant               VARCHAR(100) NOT NULL,
    tool                 VARCHAR(20)  NOT NULL,
    operation_id         VARCHAR(200) NOT NULL,
    outcome              VARCHAR(20)  NOT NULL,
    http_status          INTEGER      NOT NULL,
    latency_bucket       INTEGER      NOT NULL,
    calls                BIGINT       NOT NULL,
    latency_micros_total BIGINT       NOT NULL,
    response_bytes_total BIGINT       NOT NULL,
    truncated_calls      BIGINT       NOT NULL,
    zero_result_calls    BIGINT       NOT NULL,
    low_result_calls     BIGINT       NOT NULL,
    row_version          INTEGER      NOT NULL,
    CONSTRAINT call_rollup_key UNIQUE (resolution_minutes, bucket_start, tenant, tool, operation_id,
                                       outcome, http_status, latency_bucket)
);
CREATE INDEX call_rollup_tenant ON call_rollup (resolution_minutes, tenant, bucket_start);

-- Rows the recorder had to drop (queue full, database unavailable), written once the database answers again.
CREATE SEQUENCE recording_loss_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE recording_loss (
    id          BIGINT    NOT NULL PRIMARY KEY,
    reported_at TIMESTAMP NOT NULL,
    lost_rows   BIGINT    NOT NULL
);
CREATE INDEX recording_loss_reported_at ON recording_loss (reported_at);

-- What the MCP endpoint reported when it loaded its operation catalog.
CREATE SEQUENCE catalog_load_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE catalog_load (
    id              BIGINT        NOT NULL PRIMARY KEY,
    loaded_at       TIMESTAMP     NOT NULL,
    spec_source     VARCHAR(1000) NOT NULL,
    operation_count INTEGER       NOT NULL
);

-- Values the recorder must keep stable across restarts, such as the salt of tenant hashes.
CREATE TABLE metrics_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
