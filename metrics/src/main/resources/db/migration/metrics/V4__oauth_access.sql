-- OAuth sign-in (issue 15): how each call proved who it is, and the sign-ins on the OAuth page.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Independent of the other migrations.

-- 'HEADER' (X-Api-Key) or 'OAUTH' (Bearer token); NULL for rows written before this migration.
ALTER TABLE call_metric ADD COLUMN auth_kind VARCHAR(10);

-- One row per submitted sign-in form: when, and whether the personal access token was accepted.
-- No tenant, client, address or token: only counts are shown.
CREATE SEQUENCE oauth_sign_in_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE oauth_sign_in (
    id           BIGINT    NOT NULL PRIMARY KEY,
    signed_in_at TIMESTAMP NOT NULL,
    succeeded    BOOLEAN   NOT NULL
);
CREATE INDEX oauth_sign_in_at ON oauth_sign_in (signed_in_at);
