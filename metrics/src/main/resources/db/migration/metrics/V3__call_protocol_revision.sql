-- The MCP protocol revision each call was served under (e.g. 2026-07-28, 2025-06-18), so the console can show
-- when an old revision is no longer used. NULL for calls recorded before this column existed.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE call_metric ADD COLUMN protocol_revision VARCHAR(20);
