-- wrk script: POSTs one fixed JSON body to the URL given on the command line and prints one
-- machine-readable RESULT line at the end (run.sh parses it).
--   WRK_BODY     the request body (required)
--   WRK_HEADERS  extra headers, "name: value" pairs separated by "|" (optional)
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or error("WRK_BODY is not set")
wrk.headers["Content-Type"] = "application/json"
for pair in string.gmatch(os.getenv("WRK_HEADERS") or "", "[^|]+") do
  local name, value = string.match(pair, "^%s*([^:]+):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end

-- A non-2xx answer is an error wrk counts in summary.errors.status; nothing else is needed.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_us=%.1f p99_us=%.1f mean_us=%.1f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency.mean, e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
