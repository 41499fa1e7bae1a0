-- Which server instance served each call (MCP_INSTANCE_NAME, by default the host name), so that the console
-- of a cluster can show every instance's share. Rows written before this column have none.
ALTER TABLE call_metric ADD COLUMN instance VARCHAR(100);
