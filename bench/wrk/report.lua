-- Shared part of the wrk scripts of bench/run.sh: counts bad answers per thread (checked in the
-- response() hook) and prints one machine-readable line at the end:
--   BENCH_RESULT {"requests":..., "latency_us":{"p50":...}, ...}
-- A script sets `expect(status, body) -> ok, reason` and the request it sends, then calls bench.install().
local bench = {}
local threads = {}
local counter = 1

function bench.install(expect)
  function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
  end

  function init(args)
    bad = 0
    bad_status = 0
    bad_rpc = 0
    bad_tool = 0
    bad_body = 0
  end

  function response(status, headers, body)
    local ok, reason = expect(status, body)
    if not ok then
      bad = bad + 1
      if reason == "status" then bad_status = bad_status + 1
      elseif reason == "rpc" then bad_rpc = bad_rpc + 1
      elseif reason == "tool" then bad_tool = bad_tool + 1
      else bad_body = bad_body + 1 end
    end
  end

  function done(summary, latency, requests)
    local b, bs, br, bt, bb = 0, 0, 0, 0, 0
    for _, t in ipairs(threads) do
      b = b + (t:get("bad") or 0)
      bs = bs + (t:get("bad_status") or 0)
      br = br + (t:get("bad_rpc") or 0)
      bt = bt + (t:get("bad_tool") or 0)
      bb = bb + (t:get("bad_body") or 0)
    end
    local e = summary.errors
    local function p(q) return latency:percentile(q) end
    io.write(string.format(
      'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,' ..
      '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"http_status_errors":%d,' ..
      '"bad_answers":%d,"bad":{"status":%d,"rpc_error":%d,"tool_error":%d,"body":%d},' ..
      '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"p999":%d,"max":%d}}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.timeout, e.status,
      b, bs, br, bt, bb,
      latency.min, latency.mean, latency.stdev, p(50), p(90), p(95), p(99), p(99.9), latency.max))
  end
end

-- JSON-RPC answer of our MCP server: HTTP 200, a result (no "error" member), and no tool error.
function bench.mcp_ok(status, body, must_contain)
  if status ~= 200 then return false, "status" end
  if body == nil then return false, "body" end
  local head = body:sub(1, 64)
  if head:find('"error"', 1, true) then return false, "rpc" end
  if not head:find('"result"', 1, true) then return false, "body" end
  if body:find('"isError":true', 1, true) then return false, "tool" end
  if must_contain and not body:find(must_contain, 1, true) then return false, "body" end
  return true
end

return bench
