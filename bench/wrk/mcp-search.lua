-- (c) `search` over MCP on the bundled Trackdesk description (no upstream call).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = dir .. "?.lua;" .. package.path
local bench = require("report")

local query = os.getenv("BENCH_SEARCH_QUERY") or "approved conversions last week"

wrk.method = "POST"
wrk.path = "/mcp"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["X-Api-Key"] = "bench-key"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search",' ..
           '"arguments":{"query":"' .. query:gsub('[\\"]', '') .. '"}}}'

bench.install(function(status, body)
  return bench.mcp_ok(status, body, "ConversionsService")
end)
