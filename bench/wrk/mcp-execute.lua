-- (b) via MCP: the same upstream call through the `execute` tool on /mcp (stateless JSON-RPC POST).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = dir .. "?.lua;" .. package.path
local bench = require("report")

wrk.method = "POST"
wrk.path = "/mcp"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["X-Api-Key"] = "bench-key"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"execute",' ..
           '"arguments":{"operationId":"AffiliateService_ListAffiliates","body":{}}}}'

bench.install(function(status, body)
  -- the upstream's list must have come through (HTTP 200 upstream, first affiliate present)
  return bench.mcp_ok(status, body, "mayachen")
end)
