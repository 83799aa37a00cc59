-- POSTs one application to /api/evaluations, as a client evaluating applications one at a time would.
-- Usage (loopback only, bounded duration):
--   wrk -t2 -c16 -d20s --latency -s bench/wrk-evaluate.lua 'http://127.0.0.1:8080/api/evaluations?lang=en'
-- The application is samples/green-textile-factory.json unless PE_SAMPLE names another file.
local path = os.getenv("PE_SAMPLE") or "samples/green-textile-factory.json"
local f = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d, p50 %.1f ms, p99 %.1f ms\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
