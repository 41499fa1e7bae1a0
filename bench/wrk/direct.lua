-- (a) direct: the upstream operation itself (AffiliateService_ListAffiliates on the local nginx).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = dir .. "?.lua;" .. package.path
local bench = require("report")

wrk.method = "POST"
wrk.path = "/api/node/affiliates/v1"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-Api-Key"] = "bench-key"
wrk.body = "{}"

bench.install(function(status, body)
  if status ~= 200 then return false, "status" end
  if not body or not body:find('"publicId":"mayachen"', 1, true) then return false, "body" end
  return true
end)
