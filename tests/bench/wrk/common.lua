-- tests/bench/wrk/common.lua: what every script of tests/bench/run.mjs shares, loaded
-- with dofile by each script (in each of wrk's Lua states). Every answer whose status is
-- not BENCH_EXPECT counts as unexpected; done() sums the threads' counts and prints one
-- line for run.mjs to read:
--   BENCH {"requests":N,"expected":N,"unexpected":N,"first_unexpected":S,...,"p99_us":N}
local threads = {}
local thread_count = 0

-- Numbers the threads, so that POST scripts make keys and texts no other thread makes.
function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_no", thread_count)
    table.insert(threads, thread)
end

function bench_init()
    expected_status = tonumber(os.getenv("BENCH_EXPECT") or "200")
    good = 0
    bad = 0
    first_bad = 0
end

function urlencode(s)
    return (s:gsub("[^%w%-%._~]", function(c)
        return string.format("%%%02X", string.byte(c))
    end))
end

function response(status, headers, body)
    if status == expected_status then
        good = good + 1
    else
        bad = bad + 1
        if first_bad == 0 then
            first_bad = status
        end
    end
end

function done(summary, latency, requests)
    local g, b, fb = 0, 0, 0
    for _, t in ipairs(threads) do
        g = g + (t:get("good") or 0)
        b = b + (t:get("bad") or 0)
        if fb == 0 then
            fb = t:get("first_bad") or 0
        end
    end
    local e = summary.errors
    io.write(string.format(
        'BENCH {"requests":%d,"duration_us":%d,"expected":%d,"unexpected":%d,"first_unexpected":%d,' ..
            '"socket_errors":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
        summary.requests, summary.duration, g, b, fb, e.connect + e.read + e.write + e.timeout,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
