// tests/bench/plans.mjs: the query plans of the pages the benchmark loads, on the data of
// tests/bench/generate.mjs. Each read page of the benchmark runs once as plain CGI (the
// built program of $WUYE_STATE, signed in as the users $WUYE_STATE/bench.json names) with
// WUYE_SQL_TRACE set, so the statements are exactly those the page ran, values included
// (cgi-bin/core/db_trace.h). For each SELECT it prints MariaDB's EXPLAIN: the worst access
// (a full scan, type ALL or a full index scan, of a table with more than 1,000 rows is
// marked SCAN), the largest rows estimate of one access (how many rows the page reads at
// least), and whether it sorts. The session's own statement is listed once; the lists a page
// process keeps between requests (core/refcache.h) show too, as in any first request.
//
//   WUYE_STATE=var/bench node tests/bench/plans.mjs [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { env, runCgi, signIn } from '../http/lib.mjs';

const bench = JSON.parse(readFileSync(path.join(env.WUYE_STATE, 'bench.json'), 'utf8'));

function sql(text) {
    const out = execFileSync('mariadb', ['--no-defaults', '-S', env.WUYE_DB_SOCKET, '-u', env.WUYE_DB_USER,
        `-p${env.WUYE_DB_PASSWORD}`, '--default-character-set=utf8mb4', env.WUYE_DB_NAME, '-B'],
    { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
    const [head, ...rows] = out.split('\n').filter((l) => l !== '');
    const names = (head || '').split('\t');
    return rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i], v === 'NULL' ? null : v])));
}

// --- the statements each page runs ------------------------------------------------------------

const staff = await signIn('staff', bench.staff_login);
const resident = await signIn('resident', bench.resident_login);
const PAGES = [
    ['resident home', 'portal/home', '', resident],
    ['resident tickets', 'portal/tickets', '', resident],
    ['resident ticket', 'portal/ticket', `id=${bench.resident_ticket_id}`, resident],
    ['staff queue', 'office/tickets', '', staff],
    ['staff overdue', 'office/tickets', 'overdue=1', staff],
    ['staff search', 'office/tickets', `q=${encodeURIComponent(bench.search_text)}`, staff],
    ['staff ticket', 'office/ticket', `id=${bench.staff_ticket_id}`, staff],
    ['units grid', 'office/units', `building=${bench.building_id}`, staff],
    ['arrears', 'office/arrears', '', staff],
    ['analysis', 'office/analysis', `month=${encodeURIComponent(bench.analysis_month)}`, staff],
];
const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-plans-'));
const ran = [];
const seen = new Set();
try {
    PAGES.forEach(([page, program, query, jar], i) => {
        const trace = path.join(dir, `${i}.sql`);
        const r = runCgi(program, {
            WUYE_SQL_TRACE: trace, REQUEST_METHOD: 'GET', QUERY_STRING: query, SCRIPT_NAME: `/${program}`,
            REQUEST_URI: `/${program}${query ? `?${query}` : ''}`, HTTP_COOKIE: jar.header(`/${program}`),
        });
        if (!/^Status: 200/.test(r.head)) throw new Error(`${program}?${query} answered ${r.head.split('\n')[0]}`);
        for (const line of readFileSync(trace, 'utf8').split('\n').filter(Boolean)) {
            const tab = line.indexOf('\t');
            const [name, text] = [line.slice(0, tab), line.slice(tab + 1)];
            if (!/^\s*SELECT/i.test(text) || (name.startsWith('auth_session') && seen.has(name))) continue;
            seen.add(name);
            ran.push([page, name, text]);
        }
    });
} finally {
    rmSync(dir, { recursive: true, force: true });
}

// --- plans -------------------------------------------------------------------------------------

const sizes = Object.fromEntries(sql(`SELECT table_name, table_rows FROM information_schema.tables
    WHERE table_schema = DATABASE()`).map((r) => [r.table_name || r.TABLE_NAME, Number(r.table_rows || r.TABLE_ROWS)]));
const results = [];
for (const [page, name, text] of ran) {
    let rows;
    try {
        rows = sql(`EXPLAIN ${text}`);
    } catch (e) {
        results.push({ page, name, error: String(e.stderr || e.message).split('\n')[0] });
        continue;
    }
    let examined = 0;
    const scans = [];
    const accesses = [];
    for (const r of rows) {
        const n = parseInt(r.rows || '0', 10) || 0;
        examined = Math.max(examined, n);
        const table = r.table || '';
        const real = table.replace(/^<.*>$/, '');
        const big = (sizes[real] ?? 0) > 1000;
        const sorts = /filesort|temporary/i.test(r.Extra || '') ? '+sort' : '';
        accesses.push(`${table}:${r.type}${r.key ? `(${r.key})` : ''}${n > 1 ? `~${n}` : ''}${sorts}`);
        if (big && (r.type === 'ALL' || r.type === 'index')) scans.push(`${table} ${r.type} ~${n} rows`);
    }
    results.push({ page, name, scans, examined, plan: accesses.join(' '), extra: rows.map((r) => r.Extra).filter(Boolean) });
}

if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
} else {
    console.log(`query plans (${new Date().toISOString().slice(0, 10)}, scale ${bench.scale}, community ${bench.community_id}, ` +
        `${bench.counts?.ticket ?? '?'} tickets)`);
    console.log(`${'page'.padEnd(17)} ${'statement'.padEnd(28)} ${'verdict'.padEnd(7)} ${'max rows'.padStart(10)}  plan (table:access(key)~rows)`);
    for (const r of results) {
        const verdict = r.error ? 'ERROR' : r.scans.length ? 'SCAN' : 'index';
        console.log(`${r.page.padEnd(17)} ${r.name.padEnd(28)} ${verdict.padEnd(7)} ${String(r.error ? '' : r.examined).padStart(10)}  ${r.error || r.plan}`);
        if (r.scans?.length) console.log(`${''.padEnd(51)}full scan: ${r.scans.join('; ')}`);
    }
    const bad = results.filter((r) => r.error || r.scans.length).length;
    console.log(`${results.length} statements, ${bad} with a full scan of a big table or an error`);
}
