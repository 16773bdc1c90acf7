-- tests/bench/wrk/post-payment.lua: POST /office/payment?unit=CODE, a counter payment of
-- BENCH_AMOUNT yuan on one bill each time. The page makes a fresh form key per form and
-- answers 409 to a key already used, but takes any unused 32 hex digits (it keeps no
-- list of the keys it issued), so each request makes its own: the run's 8-digit
-- BENCH_TAG, the thread and a counter. The keys never repeat, and the run counts its
-- payments in the database by the prefix.
-- Environment: BENCH_COOKIE, BENCH_CSRF, BENCH_BILL (bill id), BENCH_AMOUNT (0.01),
-- BENCH_TAG (8 hex digits), BENCH_EXPECT (303).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
    bench_init()
    cookie = os.getenv("BENCH_COOKIE")
    form = "csrf=" .. urlencode(os.getenv("BENCH_CSRF") or "") .. "&bill=" .. (os.getenv("BENCH_BILL") or "") ..
        "&amount=" .. (os.getenv("BENCH_AMOUNT") or "0.01") .. "&method=cash&payer="
    tag = os.getenv("BENCH_TAG") or "00000000"
    n = 0
end

function request()
    n = n + 1
    local key = string.format("%s%08x%016x", tag, thread_no, n)
    return wrk.format("POST", nil, {
        ["Cookie"] = cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, form .. "&form_key=" .. key)
end
