-- Issue 20: every call that reaches /mcp is counted, with an outcome per reason (the outcome column already holds
-- up to 20 characters: the new names such as UNKNOWN_OPERATION fit, old rows keep CLIENT_ERROR), and each call
-- row may carry an anonymous client label, so the console can tell whether a search was followed by an execute.
-- The label is a salted hash of the client's network address and User-Agent: never anything of the token.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
ALTER TABLE call_metric ADD COLUMN client_ref VARCHAR(20);
CREATE INDEX call_metric_client ON call_metric (client_ref, called_at);
-- the recent-calls log pages backwards through the newest rows
CREATE INDEX call_metric_newest ON call_metric (called_at, id);
