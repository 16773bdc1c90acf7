#!/usr/bin/env node
// tests/bench/run.mjs: the load benchmark of issue 7 (tests/bench/run is its command).
// It starts a private stack (deploy/up; WUYE_STATE=var/bench, WUYE_PORT=8190 unless set),
// fills it with tests/bench/generate.mjs when $WUYE_STATE/bench.json is missing (the data
// stays for later runs; another scale needs another WUYE_STATE), signs in the users that
// bench.json names, and loads each page with wrk from a second process on loopback, one
// page at a time (line 6: the staff queue while residents post tickets beside it), for a
// fixed time at a fixed concurrency. Every answer must have the
// page's status (200 for a GET, 303 for a POST); anything else counts as an error. It
// prints one table (requests/s, p50, p99, errors, requests/s as a share of /form/ping in
// the same run), checks that every new-ticket and payment POST the page answered made
// exactly one row, prints the memory of the page processes and of MariaDB, and writes the
// same text to $WUYE_STATE/bench-result.txt. The stack is stopped at the end (deploy/down),
// unless --reuse.
//
//   tests/bench/run [--scale=0.1] [--duration=10] [--connections=16] [--threads=2]
//                   [--rounds=1] [--reuse] [--generate] [--only=REGEX] [--template-reload]
//
// --reuse        use the stack already running for WUYE_STATE; neither start nor stop it
// --generate     run the generator even though bench.json exists (it refuses a stack that
//                has its data already)
// --only=REGEX   only the lines whose page matches (ping always runs: it is the base)
// --rounds=N     run the read lines (1-4) N times in turn, each round with its own line 2, and
//                show for each line the round of its median share of line 2 (and every
//                round's share): on a shared machine one round can land in another tenant's
//                burst. The POST lines and line 6 run once.
// --template-reload  keep deploy/up's template_reload=1 (development); by default the
//                bench folder's settings.conf freezes the template cache, as in production
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
    appendFileSync, closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

// --- options ------------------------------------------------------------------------------

const opts = { scale: 0.1, duration: 10, connections: 16, threads: 2, reuse: false, generate: false, only: null,
    templateReload: false, rounds: 1 };
for (const arg of process.argv.slice(2)) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const number = (min, max) => {
        const v = Number(m[2]);
        if (!(v >= min && v <= max)) usage(`${arg}: a number from ${min} to ${max}`);
        return v;
    };
    if (!m) usage(`unknown argument ${arg}`);
    else if (m[1] === 'scale') opts.scale = number(0.0001, 10);
    else if (m[1] === 'duration') opts.duration = Math.round(number(1, 3600));
    else if (m[1] === 'connections') opts.connections = Math.round(number(1, 1000));
    else if (m[1] === 'threads') opts.threads = Math.round(number(1, 64));
    else if (m[1] === 'rounds') opts.rounds = Math.round(number(1, 15));
    else if (m[1] === 'reuse' && m[2] === undefined) opts.reuse = true;
    else if (m[1] === 'generate' && m[2] === undefined) opts.generate = true;
    else if (m[1] === 'template-reload' && m[2] === undefined) opts.templateReload = true;
    else if (m[1] === 'only' && m[2]) opts.only = new RegExp(m[2]);
    else usage(`unknown argument ${arg}`);
}
opts.threads = Math.min(opts.threads, opts.connections);

function usage(message) {
    console.error(`tests/bench/run: ${message}\n` +
        'usage: tests/bench/run [--scale=0.1] [--duration=10] [--connections=16] [--threads=2] [--reuse] ' +
        '[--generate] [--only=REGEX] [--template-reload]');
    process.exit(2);
}

// The stack of the benchmark: its own folder and port, whatever the shell has for others.
const STATE = path.resolve(process.env.WUYE_STATE || path.join(repoRoot, 'var', 'bench'));
// With --reuse the stack already runs: its port is in its env file unless WUYE_PORT says.
const envPort = () => {
    const file = path.join(STATE, 'env');
    const m = existsSync(file) ? /^WUYE_PORT=(\d+)$/m.exec(readFileSync(file, 'utf8')) : null;
    return m ? m[1] : null;
};
const PORT = process.env.WUYE_PORT || (opts.reuse && envPort()) || '8190';
for (const name of ['WUYE_URL', 'WUYE_DB_SOCKET', 'WUYE_DB_NAME', 'WUYE_DB_USER', 'WUYE_DB_PASSWORD']) {
    delete process.env[name];
}
process.env.WUYE_STATE = STATE;
process.env.WUYE_PORT = PORT;
const BASE = `http://127.0.0.1:${PORT}`;

const say = (s) => console.error(`==> bench: ${s}`);
const die = (s) => {
    console.error(`bench: ${s}`);
    process.exit(1);
};

// --- wrk ----------------------------------------------------------------------------------

function haveWrk() {
    return spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;
}
if (!haveWrk()) {
    say('installing wrk (apt-get install -y wrk)');
    const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
    if (!apt(['install', '-y', 'wrk'])) {
        apt(['update']);
        if (!apt(['install', '-y', 'wrk'])) die('could not install wrk with apt-get');
    }
}

// --- the stack ----------------------------------------------------------------------------

// The bench's data (2.3 GB at 0.1, over 20 GB at 1) is read through MariaDB's buffer pool:
// give it room, as production would (deploy/up's default of 64M is for development).
process.env.WUYE_DB_BUFFER_POOL ||= opts.scale >= 0.5 ? '8G' : '2G';
// And a redo log that lets the POST lines' commits go on while MariaDB writes pages back.
process.env.WUYE_DB_REDO_LOG ||= '1G';

function deploy(script) {
    const log = path.join(STATE, 'log', `bench-${script}.log`);
    say(`deploy/${script} for ${STATE} on port ${PORT} (log: ${log})`);
    const r = spawnSync('bash', [path.join(repoRoot, 'deploy', script)], { encoding: 'utf8', env: process.env });
    try {
        writeFileSync(log, (r.stdout || '') + (r.stderr || ''));
    } catch {
        /* the log folder does not exist when up failed early */
    }
    if (r.status !== 0) {
        console.error(`${r.stdout}${r.stderr}`.split('\n').slice(-25).join('\n'));
        die(`deploy/${script} failed`);
    }
}

// A benchmark measures the production setting: templates loaded once, not checked for
// changes on every request (deploy/up writes template_reload=1 for development).
function freezeTemplates() {
    const file = path.join(STATE, 'settings.conf');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (/^\s*template_reload\s*=/m.test(text)) return;
    appendFileSync(file, '# tests/bench/run: production setting, the template cache is frozen\ntemplate_reload=0\n');
}

let stackStarted = false;
function stopStack() {
    if (stackStarted) {
        stackStarted = false;
        deploy('down');
    }
}
process.on('exit', () => {
    if (stackStarted) spawnSync('bash', [path.join(repoRoot, 'deploy', 'down')], { stdio: 'ignore', env: process.env });
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

if (opts.reuse) {
    if (!existsSync(path.join(STATE, 'env'))) die(`--reuse: no running stack in ${STATE} (no env file)`);
} else {
    if (!opts.templateReload) {
        execFileSync('mkdir', ['-p', STATE]);
        freezeTemplates();
    }
    stackStarted = true;
    deploy('up');
}

// lib.mjs reads $WUYE_STATE/env when it is imported: only now does it exist.
const lib = await import('../http/lib.mjs');
const { sql, sqlValue, q, signIn, fetchPage, csrfFrom } = lib;

// --- the data -----------------------------------------------------------------------------

const benchFile = path.join(STATE, 'bench.json');
function readBench() {
    try {
        return JSON.parse(readFileSync(benchFile, 'utf8'));
    } catch {
        return null;
    }
}
let bench = readBench();
if (bench && !opts.generate && Number(bench.scale) !== opts.scale) {
    die(`${STATE} holds data of scale ${bench.scale}: run with --scale=${bench.scale}, or give another ` +
        `WUYE_STATE (or stop this one with deploy/down and remove it) for scale ${opts.scale}`);
}
if (opts.generate || !bench) {
    const generator = path.join(here, 'generate.mjs');
    if (!existsSync(generator)) {
        die(`${benchFile} ${bench ? `is of scale ${bench.scale}` : 'is missing'} and there is no ${generator} to make it`);
    }
    say(`generating the data: node tests/bench/generate.mjs --scale=${opts.scale}`);
    const r = spawnSync('node', [generator, `--scale=${opts.scale}`], { stdio: ['ignore', 'inherit', 'inherit'],
        env: process.env });
    if (r.status !== 0) die('the generator failed');
    bench = readBench();
    if (!bench) die(`the generator wrote no readable ${benchFile}`);
}
for (const key of ['community_id', 'staff_login', 'resident_login', 'resident_ticket_id', 'staff_ticket_id',
    'building_id', 'analysis_month', 'search_text', 'payment_unit', 'post_residents']) {
    if (bench[key] === undefined || bench[key] === null || bench[key] === '') die(`${benchFile} has no ${key}`);
}
if (!Array.isArray(bench.post_residents) || bench.post_residents.length === 0) {
    die(`${benchFile}: post_residents is not a list of logins`);
}

// --- signing in ---------------------------------------------------------------------------

say(`signing in ${bench.staff_login}, ${bench.resident_login} and the residents who post`);
const staffJar = await signIn('staff', bench.staff_login);
const residentJar = await signIn('resident', bench.resident_login);
// The POSTs add tickets: keep them out of the community whose pages are measured (BENCH-0001),
// or every run would make the next run's queue and search longer. They go to the residents of
// the last generated community (BENCH-0200 at full size; not a community billing.mjs made,
// BENCH-<tag>, which has no residents), which no read line looks at.
const postCommunity = Number(sqlValue(`SELECT id FROM community WHERE code REGEXP '^BENCH-[0-9]+$'
    AND id <> ${Number(bench.community_id)} ORDER BY code DESC LIMIT 1`)) || Number(bench.community_id);
const posters = sql(`SELECT a.login_email FROM account a JOIN unit u ON u.id = a.current_unit_id
    WHERE u.community_id = ${postCommunity} AND a.login_email LIKE 'bench-resident-%' AND a.disabled = 0
    ORDER BY a.id LIMIT ${bench.post_residents.length}`).map((row) => row[0])
    .filter((login) => login !== bench.resident_login);
if (posters.length === 0) die(`community ${postCommunity} has no resident to post as`);
const postJars = [];
for (let i = 0; i < posters.length; i += 4) {
    // A few at a time: each login hashes the password (scrypt) in a page process.
    postJars.push(...await Promise.all(posters.slice(i, i + 4).map((login) => signIn('resident', login))));
}

// The session cookie is re-issued when it was last seen over 60 s ago, and wrk keeps
// sending the old one: every request would then pay for a new cookie. One request with the
// jar just before each line takes the fresh cookie, so a line of under 60 s never does.
async function refresh(jar, page) {
    const r = await fetchPage(page, { jar });
    if (r.status !== 200) die(`GET ${page} answered ${r.status} to a signed-in user`);
    return r;
}

// The new-ticket form: each session's token, and a repair category of the community.
const category = sqlValue(`SELECT code FROM ticket_category WHERE community_id = ${postCommunity}
    AND kind = 'repair' AND active = 1 ORDER BY sort, id LIMIT 1`);
if (!category) die(`community ${postCommunity} has no repair category`);
const ticketSessions = [];
for (const jar of postJars) {
    const page = await refresh(jar, '/portal/new-ticket');
    ticketSessions.push({ jar, csrf: csrfFrom(page.body, '/portal/new-ticket') });
}

// The payment: the open bill of payment_unit with the most owed; 0.01 yuan a request.
const payPath = `/office/payment?unit=${encodeURIComponent(bench.payment_unit)}`;
const payPage = await refresh(staffJar, payPath);
const payCsrf = csrfFrom(payPage.body);
const [billRow] = sql(`SELECT b.id, b.amount_fen - b.paid_fen FROM bill b JOIN unit u ON u.id = b.unit_id
    WHERE u.community_id = ${Number(bench.community_id)} AND u.code = ${q(bench.payment_unit)}
      AND b.amount_fen > b.paid_fen ORDER BY b.amount_fen - b.paid_fen DESC, b.id LIMIT 1`);
if (!billRow) die(`unit ${bench.payment_unit} of community ${bench.community_id} has no open bill to pay`);
const [billId, billOwed] = billRow.map(Number);

// --- memory -------------------------------------------------------------------------------

function procStatus(pid) {
    try {
        const text = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text) || [])[1] || 0);
        return { pid, rss: kb('VmRSS'), hwm: kb('VmHWM') };
    } catch {
        return null;
    }
}

function readPid(file) {
    try {
        return Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
        return 0;
    }
}

// The processes of page AREA/PAGE: the children of its multiwatch, whose pid spawn-fcgi
// wrote to run/AREA-PAGE.pid.
function pageProcesses(page) {
    const watch = readPid(path.join(STATE, 'run', `${page.replace('/', '-')}.pid`));
    if (!watch) return [];
    const pids = [];
    try {
        for (const task of readdirSync(`/proc/${watch}/task`)) {
            const kids = readFileSync(`/proc/${watch}/task/${task}/children`, 'utf8').trim();
            if (kids) pids.push(...kids.split(/\s+/).map(Number));
        }
    } catch {
        return [];
    }
    return pids.map(procStatus).filter(Boolean);
}

const mb = (kb) => (kb / 1024).toFixed(1);

// --- the lines ----------------------------------------------------------------------------

const tag = randomBytes(4).toString('hex'); // marks this run's tickets and payments
const cookieOf = (jar, p) => jar.header(p);
const lines = [
    { no: 1, page: 'static /static/css/wuye.css', path: '/static/css/wuye.css', script: 'get.lua' },
    { no: 2, page: 'form/ping', path: '/form/ping', script: 'get.lua', base: true },
    { no: 3, page: 'portal/home', path: '/portal/home', resident: true },
    { no: 3, page: 'portal/tickets', path: '/portal/tickets', resident: true },
    { no: 3, page: 'portal/ticket', path: `/portal/ticket?id=${bench.resident_ticket_id}`, resident: true },
    { no: 4, page: 'office/tickets', path: '/office/tickets', staff: true },
    { no: 4, page: 'office/tickets overdue', path: '/office/tickets?overdue=1', staff: true },
    { no: 4, page: 'office/tickets search', path: `/office/tickets?q=${encodeURIComponent(bench.search_text)}`, staff: true },
    { no: 4, page: 'office/ticket', path: `/office/ticket?id=${bench.staff_ticket_id}`, staff: true },
    { no: 4, page: 'office/units', path: `/office/units?building=${bench.building_id}`, staff: true },
    { no: 4, page: 'office/arrears', path: '/office/arrears', staff: true },
    { no: 4, page: 'office/analysis', path: `/office/analysis?month=${encodeURIComponent(bench.analysis_month)}`, staff: true },
    { no: 5, page: 'portal/new-ticket POST', path: '/portal/new-ticket', script: 'post-ticket.lua', expect: 303, tickets: true },
    { no: 5, page: 'office/payment POST', path: payPath, script: 'post-payment.lua', expect: 303, payment: true },
    // Line 6: a read while residents post tickets (the new-ticket line again, beside it):
    // what MariaDB's query cache keeps is dropped by every write to a table it read.
    { no: 6, page: 'office/tickets while tickets are posted', path: '/office/tickets', staff: true, besidePosts: true },
].filter((l) => l.base || !opts.only || opts.only.test(l.page));

// The program serving a line: "office/tickets" for "office/tickets overdue".
const programOf = (l) => (l.path.startsWith('/static/') ? null : l.path.slice(1).split('?')[0]);

function runWrk(line, env) {
    return new Promise((resolve) => {
        const args = ['-t', String(opts.threads), '-c', String(opts.connections), '-d', `${opts.duration}s`,
            '--timeout', '10s', '--latency', '-s', path.join(here, 'wrk', line.script || 'get.lua'), BASE + line.path];
        const child = spawn('wrk', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => {
            const m = /^BENCH (\{.*\})$/m.exec(out);
            if (code !== 0 || !m) die(`wrk failed for ${line.page} (exit ${code}):\n${out}${err}`);
            resolve({ ...JSON.parse(m[1]), wrkOutput: out });
        });
    });
}

// Every page once from a few connections at a time before the memory is read, so that
// the processes have their templates and database connection: what grows after that is
// growth. The POST lines warm up with their form page, which writes nothing.
for (const l of lines) {
    const jar = l.resident ? residentJar : l.staff || l.payment ? staffJar : l.tickets ? postJars[0] : null;
    const warm = l.tickets ? '/portal/new-ticket' : l.path;
    for (let round = 0; round < 3; round++) {
        await Promise.all([0, 1, 2, 3].map(() => (jar ? fetchPage(warm, { jar }) : fetchPage(warm))));
    }
}
const memBefore = new Map();
for (const l of lines) {
    const p = programOf(l);
    if (p && !memBefore.has(p)) memBefore.set(p, pageProcesses(p));
}
const maxTicketBefore = Number(sqlValue('SELECT COALESCE(MAX(id), 0) FROM ticket'));

const appLog = path.join(STATE, 'log', 'app.log');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function fileSize(file) {
    try {
        return statSync(file).size;
    } catch {
        return 0;
    }
}
// Request lines of app.log from byte offset on for page, method and status.
function countLogged(offset, page, method, status) {
    const fd = openSync(appLog, 'r');
    try {
        const size = fstatSync(fd).size;
        const chunk = Buffer.alloc(Math.max(0, size - offset));
        readSync(fd, chunk, 0, chunk.length, offset);
        const want = ` page=${page} method=${method} status=${status} `;
        let n = 0;
        for (const l of chunk.toString('utf8').split('\n')) if (l.includes(want)) n++;
        return n;
    } finally {
        closeSync(fd);
    }
}

// The environment of the new-ticket POSTs: each session's cookie and token, a unique tag.
async function ticketEnv(ticketTag) {
    for (const s of ticketSessions) await refresh(s.jar, '/portal/home');
    return {
        BENCH_EXPECT: '303',
        BENCH_SESSIONS: ticketSessions.map((s) => `${cookieOf(s.jar, '/portal/new-ticket')}\t${s.csrf}`).join('\n'),
        BENCH_FORM: new URLSearchParams({ kind: 'repair', category, location: 'home', place: '', phone: '',
            preferred_time: '' }).toString(),
        BENCH_TAG: `压测 ${ticketTag}`,
    };
}
const postLine = { page: 'portal/new-ticket POST', path: '/portal/new-ticket', script: 'post-ticket.lua' };

const loadAtStart = os.loadavg()[0];
const results = [];
// A line that writes nothing may run again in a later round.
const repeatable = (line) => !line.expect && !line.besidePosts;
for (let round = 0; round < opts.rounds; round++) for (const line of lines) {
    if (round > 0 && !repeatable(line)) continue;
    const env = { BENCH_EXPECT: String(line.expect || 200), BENCH_TAG: tag };
    if (line.resident) {
        await refresh(residentJar, line.path);
        env.BENCH_COOKIE = cookieOf(residentJar, line.path);
    } else if (line.staff) {
        await refresh(staffJar, line.path);
        env.BENCH_COOKIE = cookieOf(staffJar, line.path);
    } else if (line.tickets) {
        Object.assign(env, await ticketEnv(tag));
    } else if (line.payment) {
        await refresh(staffJar, line.path);
        env.BENCH_COOKIE = cookieOf(staffJar, line.path);
        env.BENCH_CSRF = payCsrf;
        env.BENCH_BILL = String(billId);
        env.BENCH_AMOUNT = '0.01';
    }
    say(`${opts.rounds > 1 ? `round ${round + 1}, ` : ''}line ${line.no}: ${line.page} ` +
        `(${opts.duration} s, ${opts.connections} connections)`);
    const logFrom = fileSize(appLog);
    const beside = line.besidePosts ? runWrk(postLine, await ticketEnv(`${tag}b`)) : null;
    const r = await runWrk(line, env);
    if (beside) r.beside = await beside;
    // wrk stops with up to one request per connection under way, which the page still
    // finishes: wait for those, then count what the page itself logged.
    await sleep(1000);
    if (line.expect === 303) r.served303 = countLogged(logFrom, programOf(line), 'POST', 303);
    if (beside) r.beside.served303 = countLogged(logFrom, programOf(postLine), 'POST', 303);
    results.push({ line, r, round });
}

// --- checks after the run -----------------------------------------------------------------

const checks = [];
for (const { line, r } of results) {
    // Every 303 the page logged must be one ticket or payment of this run, and wrk saw all
    // of them but the requests under way when it stopped (at most one per connection).
    const seen = `${r.expected} answered 303 to wrk (+${r.served303 - r.expected} under way at the end), ` +
        `${r.served303} logged by the page`;
    const inFlightOk = r.served303 >= r.expected && r.served303 - r.expected <= opts.connections;
    if (line.tickets) {
        const [made, distinct] = sql(`SELECT COUNT(*), COUNT(DISTINCT description) FROM ticket
            WHERE id > ${maxTicketBefore} AND description LIKE ${q(`压测 ${tag} %`)}`)[0].map(Number);
        const ok = inFlightOk && made === r.served303 && distinct === made;
        checks.push(`new-ticket: ${seen}, ${made} tickets made, ${distinct} distinct: ` +
            `${ok ? 'none lost or duplicated' : 'MISMATCH'}`);
        line.checkFailed = !ok;
    }
    if (line.besidePosts) {
        const b = r.beside;
        const made = Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE id > ${maxTicketBefore}
            AND description LIKE ${q(`压测 ${tag}b %`)}`));
        const ok = b.served303 >= b.expected && b.served303 - b.expected <= opts.connections && made === b.served303;
        checks.push(`line 6: beside it, ${(b.requests / (b.duration_us / 1e6)).toFixed(0)} new tickets/s ` +
            `(${b.expected} answered 303 to wrk, ${b.served303} logged by the page, ${made} made: ` +
            `${ok ? 'none lost or duplicated' : 'MISMATCH'}; ` +
            `${b.unexpected + b.socket_errors} errors)`);
        line.checkFailed = !ok || b.unexpected + b.socket_errors > 0;
    }
    if (line.payment) {
        const made = Number(sqlValue(`SELECT COUNT(*) FROM payment WHERE form_key LIKE ${q(`${tag}%`)}`));
        const ok = inFlightOk && made === r.served303;
        const note = billOwed < r.requests ? `; bill ${billId} owed only ${billOwed} fen` : '';
        checks.push(`payment: ${seen}, ${made} payments stored: ${ok ? 'none lost or duplicated' : 'MISMATCH'}${note}`);
        line.checkFailed = !ok;
    }
}

// The POST lines' tickets would stay open and come due hours later all at once: the
// time-limit sweep then escalates thousands a minute, in the middle of a later run (6,699 in
// one minute of the 06:58 UTC run on 2026-11-23, during the queue's lines). Once counted they
// are closed (all runs' of the community the read lines do not measure; the first time this
// closes the pile of earlier runs).
sql(`UPDATE ticket SET status = 'closed', next_due = NULL, completed_at = COALESCE(completed_at, NOW()),
       closed_at = NOW()
     WHERE community_id = ${postCommunity} AND description LIKE '压测 %'
       AND status IN ('new', 'accepted', 'dispatched', 'in_progress', 'waiting')`);

const memAfter = new Map();
for (const p of memBefore.keys()) memAfter.set(p, pageProcesses(p));
const dbPid = readPid(path.join(STATE, 'run', 'mysqld.pid'));
const db = procStatus(dbPid);

// --- the report ---------------------------------------------------------------------------

const loadAtEnd = os.loadavg()[0];
const rpsOf = (r) => r.requests / (r.duration_us / 1e6);
// Each round's share of its own line 2; per line, the round of the median share.
const baseRps = new Map(results.filter((x) => x.line.base).map((x) => [x.round, rpsOf(x.r)]));
const shareOf = (x) => rpsOf(x.r) / baseRps.get(x.round);
const shown = lines.map((line) => {
    const runs = results.filter((x) => x.line === line).sort((a, b) => shareOf(a) - shareOf(b));
    return { line, runs, median: runs[Math.floor((runs.length - 1) / 2)] };
});
const counts = bench.counts || {};
const countText = Object.entries(counts).map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`).join(', ');
const out = [];
const now = new Date();
out.push(`wuye load benchmark, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${STATE}`);
out.push(`data: scale ${bench.scale}${bench.generated_at ? ` (generated ${bench.generated_at})` : ''}; ${countText || 'no counts'}`);
out.push(`load: wrk on loopback, ${opts.connections} connections, ${opts.threads} threads, ${opts.duration} s per line` +
    `${opts.rounds > 1 ? `, the read lines in ${opts.rounds} rounds (each shown from its round of median share)` : ''}; ` +
    `${process.env.WUYE_PROCS || 2} processes per page; template cache ${opts.templateReload ? 'reloading' : 'frozen'}`);
out.push(`machine: ${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} before the load, ` +
    `${loadAtEnd.toFixed(2)} at the end (other work on the machine skews the figures)`);
out.push('');
const header = ['', 'page', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of line 2'];
if (opts.rounds > 1) header.push('rounds');
const percent = (x) => `${(100 * shareOf(x)).toFixed(0)}%`;
const rows = shown.map(({ line, runs, median }) => {
    const r = median.r;
    const errors = runs.reduce((n, x) => n + x.r.unexpected + x.r.socket_errors, 0);
    const first = runs.map((x) => x.r.first_unexpected).find(Boolean);
    const row = [String(line.no), line.page, rpsOf(r).toFixed(0), (r.p50_us / 1000).toFixed(2),
        (r.p99_us / 1000).toFixed(2), errors ? `${errors}${first ? ` (${first})` : ''}` : '0', percent(median)];
    if (opts.rounds > 1) row.push([...runs].sort((a, b) => a.round - b.round).map(percent).join(' '));
    return row;
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] || '').length)));
const fmt = (row) => row.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : (c || '').padStart(widths[i]))).join('  ');
out.push(fmt(header));
out.push(fmt(widths.map((w) => '-'.repeat(w))));
for (const row of rows) out.push(fmt(row));
out.push('');
out.push('errors: answers whose status was not 200 (GET) or 303 (POST), with the first such status, and socket errors');
for (const c of checks) out.push(c);
out.push('');

// Memory: the peak (VmHWM) of every process of the pages run, RSS before and after.
let peak = { hwm: 0 };
let growth = null;
const memLines = [];
for (const [p, after] of memAfter) {
    const before = memBefore.get(p) || [];
    for (const a of after) {
        if (a.hwm > peak.hwm) peak = { ...a, page: p };
        const b = before.find((x) => x.pid === a.pid);
        if (b && (!growth || a.rss - b.rss > growth.after - growth.before)) growth = { page: p, pid: a.pid, before: b.rss, after: a.rss };
    }
    const restarted = after.filter((a) => !before.some((b) => b.pid === a.pid)).length;
    memLines.push(`  ${p.padEnd(18)} ${after.map((a) => `${mb(a.rss)}`).join('/')} MB now, ` +
        `peak ${mb(Math.max(0, ...after.map((a) => a.hwm)))} MB` + (restarted ? `, ${restarted} restarted during the run` : ''));
}
out.push(`memory: page process peak ${mb(peak.hwm)} MB (VmHWM, ${peak.page || '-'} pid ${peak.pid || '-'}); ` +
    `mariadbd ${db ? `${mb(db.hwm)} MB peak, ${mb(db.rss)} MB now` : 'not found'}`);
if (growth) {
    out.push(`growth: ${growth.page} pid ${growth.pid}: ${mb(growth.before)} MB before the run, ${mb(growth.after)} MB after ` +
        '(the largest growth of any page process)');
}
out.push('page processes (RSS of each, and the peak):');
out.push(...memLines);
const text = out.join('\n') + '\n';
process.stdout.write(text);
writeFileSync(path.join(STATE, 'bench-result.txt'), text);
say(`written to ${path.join(STATE, 'bench-result.txt')}`);

if (!opts.reuse) stopStack();
const failed = results.some(({ line, r }) => r.unexpected + r.socket_errors > 0 || line.checkFailed);
process.exitCode = failed ? 1 : 0;
