-- tests/bench/wrk/post-ticket.lua: POST /portal/new-ticket as several residents in turn,
-- each request with its session's cookie and form token (the token is bound to the
-- session, so one fetched before the run serves all of that session's POSTs), and a
-- description no other request has ("<BENCH_TAG> <thread>-<n>"), so that the run can
-- check in the database that every 303 made exactly one ticket.
-- Environment: BENCH_SESSIONS (lines "cookie<TAB>csrf"), BENCH_FORM (the rest of the
-- urlencoded body: kind, category, location ...), BENCH_TAG, BENCH_EXPECT (303).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
    bench_init()
    sessions = {}
    for line in (os.getenv("BENCH_SESSIONS") or ""):gmatch("[^\n]+") do
        local cookie, csrf = line:match("^([^\t]+)\t(.+)$")
        table.insert(sessions, { cookie = cookie, csrf = urlencode(csrf) })
    end
    form = os.getenv("BENCH_FORM") or ""
    tag = os.getenv("BENCH_TAG") or "bench"
    n = 0
end

function request()
    n = n + 1
    -- The threads start at different sessions and each walks through all of them.
    local s = sessions[(n + thread_no * 7) % #sessions + 1]
    local body = "csrf=" .. s.csrf .. "&" .. form .. "&description=" ..
        urlencode(tag .. " " .. thread_no .. "-" .. n)
    return wrk.format("POST", nil, {
        ["Cookie"] = s.cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
end
