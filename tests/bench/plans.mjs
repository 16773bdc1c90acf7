// tests/bench/plans.mjs: the query plans of the pages the benchmark loads, on the data of
// tests/bench/generate.mjs. The statements are read from the domain sources themselves
// (gcc -E expands their macros; DB_STMT("name", "..." "...") gives name and text), so the
// plans are of the code as it is; the values of their parameters come from
// $WUYE_STATE/bench.json. For each statement it prints MariaDB's EXPLAIN: the worst access
// (a full scan, type ALL or a full index scan, of a table with more than 1,000 rows is
// marked SCAN), the largest rows estimate of one access (how many rows the page reads at
// least: a ref on community_id alone reads the whole community), and whether it sorts.
//
//   WUYE_STATE=var/bench node tests/bench/plans.mjs [--json]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { env, repoRoot } from '../http/lib.mjs';

const bench = JSON.parse(readFileSync(path.join(env.WUYE_STATE, 'bench.json'), 'utf8'));

function sql(text) {
    const out = execFileSync('mariadb', ['--no-defaults', '-S', env.WUYE_DB_SOCKET, '-u', env.WUYE_DB_USER,
        `-p${env.WUYE_DB_PASSWORD}`, '--default-character-set=utf8mb4', env.WUYE_DB_NAME, '-B'],
    { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
    const [head, ...rows] = out.split('\n').filter((l) => l !== '');
    const names = (head || '').split('\t');
    return rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i], v === 'NULL' ? null : v])));
}
const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const one = (text) => Object.values(sql(text)[0] || {})[0];

// --- the statements, from the sources ------------------------------------------------------

const statements = new Map();
for (const file of ['ticket_list', 'ticket', 'archive', 'arrears', 'analysis', 'household', 'notice_resident',
    'survey_answer']) {
    const src = execFileSync('gcc', ['-E', '-P', `-I${path.join(repoRoot, 'cgi-bin')}`,
        `-I${path.join(repoRoot, 'cgi-bin', 'core')}`, `-I${path.join(env.WUYE_STATE, 'build')}`,
        '-I/usr/include/mariadb', path.join(repoRoot, 'cgi-bin', 'domain', `${file}.c`)], { encoding: 'utf8' });
    const re = /\{\s*"([a-z0-9_]+)"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*(?:\(\(void \*\)0\)|NULL|0)\s*,\s*0\s*\}/g;
    for (const m of src.matchAll(re)) {
        statements.set(m[1], [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => JSON.parse(`"${x[1]}"`)).join(''));
    }
}

// Puts the values in place of the ? marks (outside quoted strings).
function bind(text, values) {
    let i = 0;
    let out = '';
    let quote = null;
    for (const ch of text) {
        if (quote) {
            if (ch === quote) quote = null;
            out += ch;
        } else if (ch === "'" || ch === '"') {
            quote = ch;
            out += ch;
        } else if (ch === '?') {
            if (i >= values.length) throw new Error(`too few values for: ${text.slice(0, 80)}`);
            const v = values[i++];
            out += typeof v === 'number' ? String(v) : q(v);
        } else out += ch;
    }
    if (i !== values.length) throw new Error(`${values.length} values for ${i} marks: ${text.slice(0, 80)}`);
    return out;
}

// --- the values -------------------------------------------------------------------------------

const c = bench.community_id;
const [account, unit] = Object.values(sql(`SELECT id, COALESCE(current_unit_id, 0) FROM account
    WHERE login_email = ${q(bench.resident_login)}`)[0]).map(Number);
const now = Number(one('SELECT UNIX_TIMESTAMP()'));
const today = one("SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m-%d')");
const [from, to] = Object.values(sql(`SELECT UNIX_TIMESTAMP(${q(`${bench.analysis_month}-01`)} - INTERVAL 8 HOUR),
    UNIX_TIMESTAMP(${q(`${bench.analysis_month}-01`)} + INTERVAL 1 MONTH - INTERVAL 8 HOUR)`)[0]).map(Number);

// ticket_list's parameters (see where_args in ticket_list.c), then LIMIT and OFFSET.
function listArgs({ account: acc = 0, unit: u = 0, status = '', overdue = 0, query = '' } = {}, paged = true) {
    const like = `%${query.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    const a = [acc, c, acc, u, u, acc, u, u, status, status, status, status, '', '', 0, 0, 0, 0, 0, 0,
        overdue, now, 0, now, now, 0, query, query, query, query, like];
    return paged ? [...a, 20, 0] : a;
}

const PLANS = [
    ['resident home', 'ticket_home', [account, account, unit, unit, 5]],
    ['resident home', 'household_unit', [account]],
    ['resident home', 'household_members', [account]],
    ['resident home', 'notice_resident_unread', [account, now, now, 5]],
    ['resident home', 'survey_household_list', [unit, now, c, now, now, now]],
    ['resident tickets', 'ticket_list_count', listArgs({ account, unit }, false)],
    ['resident tickets', 'ticket_list_newest', listArgs({ account, unit })],
    ['resident ticket', 'ticket_load_resident', [account, bench.resident_ticket_id]],
    ['resident ticket', 'ticket_events', [bench.resident_ticket_id, 1]],
    ['staff queue', 'ticket_list_count', listArgs({}, false)],
    ['staff queue', 'ticket_list_newest', listArgs({})],
    ['staff overdue', 'ticket_list_count', listArgs({ overdue: 1 }, false)],
    ['staff overdue', 'ticket_list_newest', listArgs({ overdue: 1 })],
    ['staff overdue', 'ticket_list_due', listArgs({ overdue: 1 })],
    ['staff search', 'ticket_list_count', listArgs({ query: bench.search_text }, false)],
    ['staff search', 'ticket_list_newest', listArgs({ query: bench.search_text })],
    ['staff ticket', 'ticket_load', [bench.staff_ticket_id, c]],
    ['staff ticket', 'ticket_events', [bench.staff_ticket_id, 0]],
    ['units grid', 'archive_buildings', [c]],
    ['units grid', 'archive_units_grid', [bench.building_id, c, c, 3000]],
    ['arrears', 'arrears_list', [c, today, '', '', '', '', '', '']],
    ['analysis', 'analysis_month', [c, from, to, c, from - (to - from), from, c, from, to]],
];

// --- plans -------------------------------------------------------------------------------------

const sizes = Object.fromEntries(sql(`SELECT table_name, table_rows FROM information_schema.tables
    WHERE table_schema = DATABASE()`).map((r) => [r.table_name || r.TABLE_NAME, Number(r.table_rows || r.TABLE_ROWS)]));
const results = [];
for (const [page, name, values] of PLANS) {
    const text = statements.get(name);
    if (!text) {
        results.push({ page, name, error: 'statement not found in the sources' });
        continue;
    }
    let rows;
    try {
        rows = sql(`EXPLAIN ${bind(text, values)}`);
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
    console.log(`query plans (${new Date().toISOString().slice(0, 10)}, scale ${bench.scale}, community ${c}, ` +
        `${bench.counts?.ticket ?? '?'} tickets)`);
    console.log(`${'page'.padEnd(17)} ${'statement'.padEnd(24)} ${'verdict'.padEnd(7)} ${'max rows'.padStart(10)}  plan (table:access(key)~rows)`);
    for (const r of results) {
        const verdict = r.error ? 'ERROR' : r.scans.length ? 'SCAN' : 'index';
        console.log(`${r.page.padEnd(17)} ${r.name.padEnd(24)} ${verdict.padEnd(7)} ${String(r.error ? '' : r.examined).padStart(10)}  ${r.error || r.plan}`);
        if (r.scans?.length) console.log(`${''.padEnd(51)}full scan: ${r.scans.join('; ')}`);
    }
    const bad = results.filter((r) => r.error || r.scans.length).length;
    console.log(`${results.length} statements, ${bad} with a full scan of a big table or an error`);
}
