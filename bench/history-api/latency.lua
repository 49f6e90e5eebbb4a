-- wrk script: prints the latency percentiles of the run, the request rate and the answers that
-- were not 200 (counted in each thread), on one line that run.sh collects.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	non200 = 0
end

function response(status, headers, body)
	if status ~= 200 then
		non200 = non200 + 1
	end
end

function done(summary, latency, requests)
	local bad = 0
	for _, thread in ipairs(threads) do
		bad = bad + thread:get("non200")
	end
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f req/s (%d requests, %d not 200, %d socket errors)\n",
		latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, summary.requests / (summary.duration / 1e6), summary.requests, bad, errors))
end
