-- tests/bench/wrk/get.lua: GET one page, with a session cookie when BENCH_COOKIE
-- ("name=value") is set; BENCH_EXPECT is the status every answer must have (200).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
    bench_init()
    local cookie = os.getenv("BENCH_COOKIE")
    if cookie and cookie ~= "" then
        wrk.headers["Cookie"] = cookie
    end
end
