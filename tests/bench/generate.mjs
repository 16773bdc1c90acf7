// tests/bench/generate.mjs: fills a running stack (deploy/up; WUYE_STATE names it) with a
// large property company for the benchmark, in bulk SQL only: 200 communities BENCH-0001...
// with 200,000 units, 500,000 people, 2,000,000 tickets and about 10,000,000 timeline events
// over 5 years, 12,000,000 monthly bills with 24,000,000 lines, 5,000,000 payments, 100,000
// survey responses and a few notices per community, all at --scale=1; --scale=0.1 (the
// default) is a tenth of that. The demo community stays as it is.
//
// Every row is computed from its position (ids are given explicitly: base + arithmetic), so
// that related rows find each other without joins: unit g has bills g*60+m, its owner is
// person g*3+1, and so on (ids have gaps, as AUTO_INCREMENT may). Randomness is CRC32 of
// the position and a salt, so a run is repeatable. Statements are INSERT ... SELECT over
// MariaDB's SEQUENCE tables (seq_0_to_N) and small helper tables bench_*, in batches of
// whole communities (so that receipt and ticket numbers, numbered by window functions, are
// complete per community and day). The rules the schema states hold: a bill is the sum of
// its lines, paid totals are the sums of their allocations, each payment pays whole bills,
// receipt numbers have no gaps per community and year, one response in force per household.
// At the end: ANALYZE TABLE, a consistency check (--check, on by default up to --scale=0.2),
// and $WUYE_STATE/bench.json for the load harness.
//
//   WUYE_STATE=var/bench node tests/bench/generate.mjs [--scale=0.1] [--check|--no-check]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { env } from '../http/lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a ? a.slice(name.length + 3) : dflt;
};
const SCALE = Number(opt('scale', '0.1'));
if (!(SCALE > 0 && SCALE <= 2)) throw new Error('--scale is a number in (0, 2]');
const CHECK = args.includes('--check') || (!args.includes('--no-check') && SCALE <= 0.2);

// --- the database --------------------------------------------------------------------------

const SESSION = `SET SESSION unique_checks = 0; SET SESSION foreign_key_checks = 0;
SET SESSION max_recursive_iterations = 100000000; SET SESSION tmp_table_size = 268435456;
SET SESSION max_heap_table_size = 268435456; SET SESSION sort_buffer_size = 16777216;
SET SESSION group_concat_max_len = 1000000;\n`;

// Runs SQL text (statements separated by ;) in one client session with the bulk-load
// settings; answers the rows of the last result as arrays of strings (NULL as null).
function sql(text, { root = false } = {}) {
    const cmd = ['--no-defaults', '-S', env.WUYE_DB_SOCKET, '--default-character-set=utf8mb4', '-N', '-B'];
    if (root) cmd.push('-u', 'root');
    else cmd.push('-u', env.WUYE_DB_USER, `-p${env.WUYE_DB_PASSWORD}`);
    cmd.push(env.WUYE_DB_NAME);
    let out;
    try {
        out = execFileSync('mariadb', cmd, {
            input: (root ? '' : SESSION) + text, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'],
        });
    } catch (e) {
        console.error(String(e.stderr || e.message).slice(-6000));
        process.exit(1);
    }
    return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map((c) => (c === 'NULL' ? null : c)));
}
const value = (text) => {
    const r = sql(text);
    return r.length ? r[0][0] : null;
};
const num = (text) => Number(value(text) ?? 0);

const t0 = Date.now();
let lap = Date.now();
const done = [];
// Prints a table's rows added and the seconds taken since the last step.
function step(table, rows) {
    const s = (Date.now() - lap) / 1000;
    lap = Date.now();
    done.push({ table, rows, s });
    console.log(`  ${table.padEnd(22)} ${String(rows).padStart(11)} rows ${s.toFixed(1).padStart(7)} s`);
}

// A number in [0, 1) from an SQL expression and a salt: CRC32 of both.
const H = (expr, salt) => `(CRC32(CONCAT(${expr}, '/${salt}')) / 4294967296)`;
const lit = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const elt = (idx, list) => `ELT(1 + (${idx}), ${list.map(lit).join(', ')})`;

if (num("SELECT COUNT(*) FROM community WHERE code = 'BENCH-0001'") > 0) {
    console.error('generate: this stack already has BENCH-0001; start from a fresh WUYE_STATE');
    process.exit(2);
}

// --- sizes -----------------------------------------------------------------------------------

const C = Math.max(2, Math.round(200 * SCALE));
const N1 = Math.max(100, Math.round(1000 * SCALE)); // units of BENCH-0001
const NO = Math.floor((Math.round(200000 * SCALE) - N1) / (C - 1)); // units of each other one
const U = N1 + (C - 1) * NO;
const T = Math.round(2000000 * SCALE);
const RESPONSES = Math.round(100000 * SCALE);
const MONTHS = 60;
const KOF = (g) => `IF(${g} < ${N1}, 1, 2 + (${g} - ${N1}) DIV ${NO})`; // community index of unit g
const JOF = (g) => `IF(${g} < ${N1}, ${g}, (${g} - ${N1}) MOD ${NO})`; // its index in the community
const U0 = (k) => `IF(${k} = 1, 0, ${N1} + (${k} - 2) * ${NO})`; // first unit of community k
const nb = (n) => Math.ceil(n / 100); // buildings of 100 units (25 floors, 4 a floor)

const now = value("SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s')");
const NOW = lit(now);
const M0 = value(`SELECT DATE_FORMAT(${NOW} - INTERVAL ${MONTHS} MONTH, '%Y-%m-01')`); // first billed month
const TSTART = value(`SELECT DATE_FORMAT(${NOW} - INTERVAL 5 YEAR, '%Y-%m-%d %H:%i:%s')`);
const SPAN = num(`SELECT TIMESTAMPDIFF(SECOND, ${lit(TSTART)}, ${NOW})`);
const DAY0 = value(`SELECT DATE(${lit(M0)}) - INTERVAL 1 DAY`);
const NDAYS = num(`SELECT DATEDIFF(${NOW}, ${lit(DAY0)}) + 3`);

console.log(`generate: scale ${SCALE}: ${C} communities, ${U} units (BENCH-0001 ${N1}, the others ${NO}), ` +
    `${T} tickets, bills ${M0.slice(0, 7)} on; now ${now} UTC`);

// --- global settings for the load (root), put back at the end ---------------------------------

let restore = null;
try {
    // (a redo log smaller than its buffer, as deploy/up starts it, cannot be set again while running)
    const [bp, lf, fl] = sql(`SELECT @@innodb_buffer_pool_size, GREATEST(@@innodb_log_file_size, @@innodb_log_buffer_size),
        @@innodb_flush_log_at_trx_commit`, { root: true })[0];
    sql(`SET GLOBAL innodb_buffer_pool_size = ${Math.max(Number(bp), 2 * 1024 ** 3)};
         SET GLOBAL innodb_log_file_size = ${Math.max(Number(lf), 1024 ** 3)};
         SET GLOBAL innodb_flush_log_at_trx_commit = 2;`, { root: true });
    restore = `SET GLOBAL innodb_buffer_pool_size = ${bp}; SET GLOBAL innodb_log_file_size = ${lf};
               SET GLOBAL innodb_flush_log_at_trx_commit = ${fl};`;
    process.on('exit', () => {
        if (restore) sql(restore, { root: true });
    });
    console.log('  (for the load: buffer pool 2 GB, redo log 1 GB, flush at commit 2; put back at the end)');
} catch {
    console.log('  (no root access to the server: loading with its own settings)');
}

// --- the demo's templates ---------------------------------------------------------------------

const base = {};
for (const t of ['community', 'building', 'unit', 'person', 'account', 'department', 'staff', 'ticket_category',
    'ticket', 'ticket_event', 'fee_item', 'billing_run', 'bill', 'bill_line', 'payment', 'settlement', 'survey',
    'survey_response', 'notice']) {
    base[t] = num(`SELECT COALESCE(MAX(id), 0) FROM ${t}`);
}
// The stack's every-minute SLA sweep adds events while the tickets load (minutes at full
// scale): move the table's next id past the range the generator writes with explicit ids.
sql(`ALTER TABLE ticket_event AUTO_INCREMENT = ${base.ticket_event + Math.round(2000000 * SCALE) * 8 + 100}`);
const residentHash = value("SELECT password_hash FROM account WHERE login_phone = '13800000001'");
const staffHash = value("SELECT password_hash FROM staff WHERE login = 'frontdesk'");
const demoDepts = sql('SELECT code, name FROM department WHERE community_id = 1 ORDER BY id');
const demoCats = sql(`SELECT c.kind, c.code, c.name, COALESCE(d.code, ''), c.sort FROM ticket_category c
    LEFT JOIN department d ON d.id = c.department_id WHERE c.community_id = 1 ORDER BY c.id`);
const demoItems = sql('SELECT code FROM fee_item WHERE community_id = 1 ORDER BY id').map((r) => r[0]);
const mgmtRates = sql(`SELECT r.valid_from, r.price_e4, COALESCE(r.vacant_price_e4, r.price_e4) FROM fee_rate r
    JOIN fee_item f ON f.id = r.fee_item_id WHERE f.community_id = 1 AND f.code = 'mgmt' ORDER BY r.valid_from`);
const garbagePrice = num(`SELECT r.price_e4 FROM fee_rate r JOIN fee_item f ON f.id = r.fee_item_id
    WHERE f.community_id = 1 AND f.code = 'garbage' ORDER BY r.valid_from DESC LIMIT 1`);
if (!residentHash || !staffHash || demoCats.length === 0 || mgmtRates.length < 1 || mgmtRates.length > 2 ||
    !demoItems.includes('garbage')) {
    throw new Error('generate: the demo community (id 1) is missing or not as expected');
}
// The first mgmt rate is moved back to before the first billed month; a second one stays.
const mgmtChange = mgmtRates.length === 2 ? mgmtRates[1][0] : '9999-12-31';
const [mgmtOld, mgmtOldVacant] = [Number(mgmtRates[0][1]), Number(mgmtRates[0][2])];
const [mgmtNew, mgmtNewVacant] = mgmtRates.length === 2 ? [Number(mgmtRates[1][1]), Number(mgmtRates[1][2])]
    : [mgmtOld, mgmtOldVacant];
const ITEMS = demoItems.length;
const item = (code) => demoItems.indexOf(code);
const DEPTS = demoDepts.length;
const dept = (code) => demoDepts.findIndex((d) => d[0] === code);
const CATS = demoCats.length;
const STAFF = 4; // per community: desk (all office roles), two technicians, a cashier
const deskOf = (k) => `(${base.staff} + (${k} - 1) * ${STAFF} + 1)`;
const techOf = (k, h) => `(${base.staff} + (${k} - 1) * ${STAFF} + 2 + (${h} < 0.5))`;
const cashierOf = (k) => `(${base.staff} + (${k} - 1) * ${STAFF} + 4)`;

// Batches of whole communities of about `rowsPerUnit * units <= target` rows.
function batches(rowsPerUnit, target = 2000000) {
    const out = [];
    let k = 1;
    while (k <= C) {
        let k2 = k;
        let units = k === 1 ? N1 : NO;
        while (k2 < C && (units + NO) * rowsPerUnit <= target) {
            k2++;
            units += NO;
        }
        const g0 = k === 1 ? 0 : N1 + (k - 2) * NO;
        const g1 = N1 + (k2 - 1) * NO; // exclusive
        out.push({ k0: k, k1: k2, g0, g1 });
        k = k2 + 1;
    }
    return out;
}

console.log('tables:');

// --- helper tables ----------------------------------------------------------------------------

sql(`DROP TABLE IF EXISTS bench_c, bench_u, bench_m, bench_t, bench_path, bench_pinfo;
CREATE TABLE bench_c (k INT PRIMARY KEY, id BIGINT UNSIGNED, n INT, u0 INT, nb INT, b0 INT) ENGINE=InnoDB;
CREATE TABLE bench_m (m INT PRIMARY KEY, period CHAR(7), first DATE, created DATETIME, new_rate TINYINT) ENGINE=InnoDB;
INSERT INTO bench_c
  SELECT seq, ${base.community} + seq, IF(seq = 1, ${N1}, ${NO}), IF(seq = 1, 0, ${N1} + (seq - 2) * ${NO}),
         IF(seq = 1, ${nb(N1)}, ${nb(NO)}), IF(seq = 1, 0, ${nb(N1)} + (seq - 2) * ${nb(NO)})
  FROM seq_1_to_${C};
INSERT INTO bench_m
  SELECT seq, DATE_FORMAT(${lit(M0)} + INTERVAL seq MONTH, '%Y-%m'), ${lit(M0)} + INTERVAL seq MONTH,
         TIMESTAMP(LAST_DAY(${lit(M0)} + INTERVAL seq MONTH) - INTERVAL 5 DAY, '02:00:00'),
         ${lit(M0)} + INTERVAL seq MONTH >= ${lit(mgmtChange)}
  FROM seq_0_to_${MONTHS - 1};`);

// --- communities, buildings, units ------------------------------------------------------------

sql(`INSERT INTO community (id, code, name, address, time_zone, phone, created_at)
  SELECT id, CONCAT('BENCH-', LPAD(k, 4, '0')), CONCAT('基准小区', LPAD(k, 4, '0')),
         CONCAT('杭州市余杭区基准路 ', k, ' 号'), 'Asia/Shanghai', CONCAT('0571-8', LPAD(k, 7, '0')), ${lit(TSTART)}
  FROM bench_c ORDER BY k;`);
step('community', C);

sql(`INSERT INTO building (id, community_id, code, name, floors, created_at)
  SELECT ${base.building} + c.b0 + s.seq + 1, c.id, s.seq + 1, CONCAT(s.seq + 1, '栋'),
         LEAST(25, CEIL((c.n - s.seq * 100) / 4)), ${lit(TSTART)}
  FROM bench_c c JOIN seq_0_to_${Math.max(nb(N1), nb(NO))} s ON s.seq < c.nb ORDER BY c.k, s.seq;`);
step('building', num(`SELECT COUNT(*) FROM building WHERE id > ${base.building}`));

const unitState = (h) => `CASE WHEN ${h} < 0.88 THEN 'occupied' WHEN ${h} < 0.94 THEN 'vacant'
    WHEN ${h} < 0.98 THEN 'rented' ELSE 'renovating' END`;
for (const b of batches(1, 1000000)) {
    sql(`INSERT INTO unit (id, community_id, building_id, code, floor, area_m2, type, state, created_at)
      SELECT ${base.unit} + g + 1, c.id, ${base.building} + c.b0 + j DIV 100 + 1,
             CONCAT(j DIV 100 + 1, '-1-', 1 + (j MOD 100) DIV 4, LPAD(1 + j MOD 4, 2, '0')), 1 + (j MOD 100) DIV 4,
             (6000 + FLOOR(${H('g', 'area')} * 9000)) / 100, IF(j MOD 100 IN (0, 1), 'shop', 'residence'),
             ${unitState(H('g', 'state'))}, ${lit(TSTART)}
      FROM (SELECT seq AS g, ${KOF('seq')} AS k, ${JOF('seq')} AS j FROM seq_${b.g0}_to_${b.g1 - 1}) x
      JOIN bench_c c ON c.k = x.k ORDER BY g;`);
}
step('unit', U);

// Per unit: what the bills, payments and tickets need.
sql(`CREATE TABLE bench_u (g INT PRIMARY KEY, unit_id BIGINT UNSIGNED, k INT, community_id BIGINT UNSIGNED,
  area_c BIGINT, area_m2 DECIMAL(10,2), vacant TINYINT, state VARCHAR(12), mgmt_old BIGINT, mgmt_new BIGINT,
  garbage BIGINT, pay_k INT, stop_m INT) ENGINE=InnoDB;
INSERT INTO bench_u
  SELECT g, id, ${KOF('g')}, community_id, area_c, area_m2, vacant, state,
         ROUND(area_c * IF(vacant, ${mgmtOldVacant}, ${mgmtOld}) / 10000),
         ROUND(area_c * IF(vacant, ${mgmtNewVacant}, ${mgmtNew}) / 10000), ROUND(100 * ${garbagePrice} / 10000),
         ELT(1 + FLOOR(${H('g', 'payk')} * 20), 1,1,1, 2,2,2,2,2, 3,3,3,3,3,3,3, 6,6,6,6,6),
         IF(${H('g', 'arrears')} < 0.05, 24 + FLOOR(${H('g', 'stop')} * 36), ${MONTHS})
  FROM (SELECT id - ${base.unit} - 1 AS g, id, community_id, CAST(ROUND(area_m2 * 100) AS SIGNED) AS area_c,
               area_m2, state IN ('vacant', 'unsold') AS vacant, state
        FROM unit WHERE id > ${base.unit}) x ORDER BY g;`);

// --- people, occupancy, accounts ---------------------------------------------------------------

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹'.split('');
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
    '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '晓东', '文', '婷', '斌', '宇', '浩'];
const nameOf = (p) => `CONCAT(${elt(`${p} MOD ${SURNAMES.length}`, SURNAMES)}, ${elt(`(${p} DIV 7) MOD ${GIVEN.length}`, GIVEN)})`;
const phoneOf = (p) => `CONCAT('13', LPAD(${p} MOD 1000000000, 9, '0'))`;
// person index: g*3 + slot (0 owner, 1 family or tenant living there, 2 the previous owner)
const ownerSince = `IF(${H('g', 'prev')} < 0.6, ${lit(TSTART)} + INTERVAL FLOOR(${H('g', 'since')} * 1500) DAY,
    '2012-01-01' + INTERVAL FLOOR(${H('g', 'since')} * 3000) DAY)`;
for (const b of batches(3, 1500000)) {
    sql(`INSERT INTO person (id, community_id, name, phone, id_number, birthday, created_at)
      SELECT ${base.person} + u.g * 3 + s.seq + 1, u.community_id, ${nameOf('(u.g * 3 + s.seq)')},
             ${phoneOf('(u.g * 3 + s.seq)')}, '', '1960-01-01' + INTERVAL FLOOR(${H('u.g * 3 + s.seq', 'born')} * 14000) DAY,
             ${lit(TSTART)}
      FROM bench_u u JOIN seq_0_to_2 s
      WHERE u.g >= ${b.g0} AND u.g < ${b.g1}
        AND (s.seq = 0 OR (s.seq = 1 AND u.state IN ('occupied', 'rented')) OR (s.seq = 2 AND ${H('u.g', 'prev')} < 0.6))
      ORDER BY u.g, s.seq;
    INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, until, share_pct, lease_start, lease_end,
                           rent_fen, created_at)
      SELECT u.community_id, u.unit_id, ${base.person} + u.g * 3 + s.seq + 1,
             CASE s.seq WHEN 0 THEN 'owner' WHEN 2 THEN 'owner' ELSE IF(u.state = 'rented', 'tenant', 'family') END,
             CASE s.seq WHEN 2 THEN '2008-01-01' + INTERVAL FLOOR(${H('u.g', 'psince')} * 1000) DAY
                        WHEN 1 THEN IF(u.state = 'rented', DATE(${NOW} - INTERVAL FLOOR(30 + ${H('u.g', 'lease')} * 600) DAY), x.since)
                        ELSE x.since END,
             IF(s.seq = 2, x.since, NULL), IF(s.seq = 1, NULL, 100.00),
             IF(s.seq = 1 AND u.state = 'rented', DATE(${NOW} - INTERVAL FLOOR(30 + ${H('u.g', 'lease')} * 600) DAY), NULL),
             IF(s.seq = 1 AND u.state = 'rented', DATE(${NOW} - INTERVAL FLOOR(30 + ${H('u.g', 'lease')} * 600) DAY) + INTERVAL 2 YEAR, NULL),
             IF(s.seq = 1 AND u.state = 'rented', 300000 + FLOOR(${H('u.g', 'rent')} * 40) * 10000, NULL), ${lit(TSTART)}
      FROM (SELECT g, DATE(${ownerSince}) AS since FROM bench_u WHERE g >= ${b.g0} AND g < ${b.g1}) x
      JOIN bench_u u ON u.g = x.g JOIN seq_0_to_2 s
      WHERE (s.seq = 0 OR (s.seq = 1 AND u.state IN ('occupied', 'rented')) OR (s.seq = 2 AND ${H('u.g', 'prev')} < 0.6))
      ORDER BY u.g, s.seq;`);
}
step('person', num(`SELECT COUNT(*) FROM person WHERE id > ${base.person}`));
step('occupancy', num(`SELECT COUNT(*) FROM occupancy WHERE community_id > ${base.community}`));

sql(`INSERT INTO account (id, community_id, person_id, login_email, password_hash, current_unit_id, created_at)
  SELECT ${base.account} + g + 1, community_id, ${base.person} + g * 3 + 1,
         CONCAT('bench-resident-', g + 1, '@example.test'), ${lit(residentHash)}, unit_id, ${lit(TSTART)}
  FROM bench_u ORDER BY g;`);
step('account', U);

// --- departments, staff, categories, time limits, calendars -----------------------------------

sql(`INSERT INTO department (id, community_id, code, name)
  SELECT ${base.department} + (c.k - 1) * ${DEPTS} + s.seq + 1, c.id,
         ${elt('s.seq', demoDepts.map((d) => d[0]))}, ${elt('s.seq', demoDepts.map((d) => d[1]))}
  FROM bench_c c JOIN seq_0_to_${DEPTS - 1} s ORDER BY c.k, s.seq;`);
step('department', C * DEPTS);

const deptId = (k, code) => `(${base.department} + (${k} - 1) * ${DEPTS} + ${dept(code) + 1})`;
sql(`INSERT INTO staff (id, login, name, phone, community_id, department_id, password_hash, created_at)
  SELECT ${base.staff} + (c.k - 1) * ${STAFF} + s.seq + 1,
         CASE s.seq WHEN 0 THEN CONCAT('bench-staff-', LPAD(c.k, 4, '0'))
                    WHEN 3 THEN CONCAT('bench-cashier-', LPAD(c.k, 4, '0'))
                    ELSE CONCAT('bench-tech-', LPAD(c.k, 4, '0'), '-', s.seq) END,
         ${nameOf('(c.k * 4 + s.seq + 17)')}, CONCAT('139', LPAD(c.k * 10 + s.seq, 8, '0')), c.id,
         CASE s.seq WHEN 0 THEN ${deptId('c.k', 'service')} WHEN 3 THEN ${deptId('c.k', 'office')}
                    ELSE ${deptId('c.k', 'engineering')} END, ${lit(staffHash)}, ${lit(TSTART)}
  FROM bench_c c JOIN seq_0_to_${STAFF - 1} s ORDER BY c.k, s.seq;
INSERT INTO staff_role (staff_id, role_id, community_id)
  SELECT ${base.staff} + (c.k - 1) * ${STAFF} + s.seq + 1, r.id, c.id
  FROM bench_c c JOIN seq_0_to_${STAFF - 1} s JOIN role r
    ON (s.seq = 0 AND r.code IN ('frontdesk', 'supervisor', 'cashier', 'manager'))
    OR (s.seq IN (1, 2) AND r.code = 'technician') OR (s.seq = 3 AND r.code = 'cashier');`);
step('staff', C * STAFF);
step('staff_role', num(`SELECT COUNT(*) FROM staff_role WHERE community_id > ${base.community}`));

sql(`INSERT INTO ticket_category (id, community_id, kind, code, name, department_id, sort)
  SELECT ${base.ticket_category} + (c.k - 1) * ${CATS} + s.seq + 1, c.id,
         ${elt('s.seq', demoCats.map((x) => x[0]))}, ${elt('s.seq', demoCats.map((x) => x[1]))},
         ${elt('s.seq', demoCats.map((x) => x[2]))},
         ${base.department} + (c.k - 1) * ${DEPTS} + ${elt('s.seq', demoCats.map((x) => String(dept(x[3]) + 1)))},
         ${elt('s.seq', demoCats.map((x) => x[4]))}
  FROM bench_c c JOIN seq_0_to_${CATS - 1} s ORDER BY c.k, s.seq;
INSERT INTO sla_policy (community_id, kind, severity, respond_minutes, onsite_minutes, resolve_minutes, clock,
                        manager_after_minutes)
  SELECT c.id, p.kind, p.severity, p.respond_minutes, p.onsite_minutes, p.resolve_minutes, p.clock, p.manager_after_minutes
  FROM bench_c c JOIN sla_policy p ON p.community_id = 1 ORDER BY c.k, p.id;
INSERT INTO work_hours (community_id, weekday, start_minute, end_minute)
  SELECT c.id, w.weekday, w.start_minute, w.end_minute FROM bench_c c JOIN work_hours w ON w.community_id = 1;
INSERT INTO work_holiday (community_id, day, name, working)
  SELECT c.id, w.day, w.name, w.working FROM bench_c c JOIN work_holiday w ON w.community_id = 1;`);
step('ticket_category', C * CATS);
step('sla_policy', num(`SELECT COUNT(*) FROM sla_policy WHERE community_id > ${base.community}`));

// --- fee items and rates ----------------------------------------------------------------------

sql(`INSERT INTO fee_item (id, community_id, code, name, kind, unit_label, unit_types, active, sort, created_at)
  SELECT ${base.fee_item} + (c.k - 1) * ${ITEMS} + x.i + 1, c.id, x.code, x.name, x.kind, x.unit_label, x.unit_types,
         x.active, x.sort, ${lit(TSTART)}
  FROM bench_c c JOIN (SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, f.* FROM fee_item f WHERE community_id = 1) x
  ORDER BY c.k, x.i;
INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, tier2_from_c, tier2_price_e4,
                      tier3_from_c, tier3_price_e4, note, created_at)
  SELECT c.id, ${base.fee_item} + (c.k - 1) * ${ITEMS} + x.i + 1,
         IF(r.valid_from = (SELECT MIN(valid_from) FROM fee_rate r2 WHERE r2.fee_item_id = r.fee_item_id),
            ${lit(M0)} - INTERVAL 1 YEAR, r.valid_from),
         r.price_e4, r.vacant_price_e4, r.tier2_from_c, r.tier2_price_e4, r.tier3_from_c, r.tier3_price_e4, r.note,
         ${lit(TSTART)}
  FROM bench_c c JOIN (SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, id FROM fee_item WHERE community_id = 1) x
  JOIN fee_rate r ON r.fee_item_id = x.id ORDER BY c.k, x.i, r.valid_from;`);
step('fee_item', C * ITEMS);
step('fee_rate', num(`SELECT COUNT(*) FROM fee_rate WHERE community_id > ${base.community}`));

// --- tickets and their timelines ----------------------------------------------------------------

// A path is a ticket's life: its events as [type, actor, minutes after creation, status after].
// Actors: r the household, s the desk, t a technician, y the system. Minutes -1: the
// resolution promise plus 10 (the sweep's 'overdue'). Times are scaled per ticket.
const PATHS = {
    r_new: [['created', 'r', 0, 'new']],
    r_acc: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted']],
    r_disp: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched']],
    r_prog: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['started', 't', 120, 'in_progress']],
    r_wait: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['waiting', 's', 60, 'waiting']],
    r_comp: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['completed', 't', 300, 'completed']],
    s_acc: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted']],
    s_disp: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted'], ['dispatched', 's', 20, 'dispatched']],
    s_comp: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted'], ['dispatched', 's', 20, 'dispatched'],
        ['completed', 't', 240, 'completed']],
    r_over_acc: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['overdue', 'y', -1, 'accepted']],
    r_over_disp: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['overdue', 'y', -1, 'dispatched']],
    s_over_disp: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted'], ['dispatched', 's', 20, 'dispatched'],
        ['overdue', 'y', -1, 'dispatched']],
    r_wd: [['created', 'r', 0, 'new'], ['withdrawn', 'r', 30, 'withdrawn']],
    r_rep: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['completed', 't', 300, 'completed'], ['callback', 's', 1500, 'completed'], ['closed', 's', 1510, 'closed']],
    r_rep_st: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['started', 't', 120, 'in_progress'], ['completed', 't', 300, 'completed'], ['callback', 's', 1500, 'completed'],
        ['closed', 's', 1510, 'closed']],
    r_rep_rated: [['created', 'r', 0, 'new'], ['accepted', 's', 20, 'accepted'], ['dispatched', 's', 40, 'dispatched'],
        ['completed', 't', 300, 'completed'], ['rated', 'r', 400, 'completed'], ['callback', 's', 1500, 'completed'],
        ['closed', 's', 1510, 'closed']],
    r_oth: [['created', 'r', 0, 'new'], ['accepted', 's', 60, 'accepted'], ['completed', 's', 600, 'completed'],
        ['callback', 's', 1500, 'completed'], ['closed', 's', 1510, 'closed']],
    r_oth_rated: [['created', 'r', 0, 'new'], ['accepted', 's', 60, 'accepted'], ['completed', 's', 600, 'completed'],
        ['rated', 'r', 700, 'completed'], ['callback', 's', 1500, 'completed'], ['closed', 's', 1510, 'closed']],
    s_rep: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted'], ['dispatched', 's', 20, 'dispatched'],
        ['completed', 't', 240, 'completed'], ['callback', 's', 1440, 'completed'], ['closed', 's', 1450, 'closed']],
    s_oth: [['created', 's', 0, 'new'], ['accepted', 's', 0, 'accepted'], ['completed', 's', 60, 'completed'],
        ['callback', 's', 1440, 'completed'], ['closed', 's', 1450, 'closed']],
};
const PUBLIC = (type) => !['note', 'escalated', 'overdue', 'callback'].includes(type);
const TEXTS = {
    accepted: '', dispatched: '', started: '', waiting: '请补充一张现场照片，谢谢。', completed: '已处理完毕。',
    callback: '回访：业主表示满意。', closed: '', withdrawn: '问题已自行解决，不需要了。', rated: '', created: '',
    overdue: '办结时限已过', reply: '',
};
const pathIds = Object.keys(PATHS);
const P = (name) => pathIds.indexOf(name) + 1;
const pathRows = [];
const infoRows = [];
for (const [name, steps] of Object.entries(PATHS)) {
    const id = P(name);
    const at = (type) => steps.find((s) => s[0] === type)?.[2] ?? 'NULL';
    let lastPublic = 0;
    steps.forEach((s, i) => {
        pathRows.push(`(${id}, ${i + 1}, '${s[0]}', '${s[1]}', ${s[2]}, '${s[3]}', ${PUBLIC(s[0]) ? 1 : 0}, ${lit(
            s[0] === 'accepted' && s[1] === 's' && name.startsWith('s_') ? '首问受理' : TEXTS[s[0]])})`);
        if (PUBLIC(s[0])) lastPublic = i + 1;
    });
    const staffAnswer = steps.filter((s) => s[1] !== 'r' && s[1] !== 'y' &&
        ['accepted', 'dispatched', 'started', 'completed', 'reply'].includes(s[0])).map((s) => s[2]);
    infoRows.push(`(${id}, '${steps[steps.length - 1][3]}', ${steps.length}, ${lastPublic}, ${steps[steps.length - 1][2]},
        ${staffAnswer.length ? Math.min(...staffAnswer) : 'NULL'}, ${at('started')}, ${at('completed')}, ${at('closed')},
        ${at('waiting')}, ${at('callback') !== 'NULL' ? 1 : 0}, ${at('rated') !== 'NULL' ? 1 : 0},
        ${at('dispatched') !== 'NULL' ? 1 : 0}, ${at('overdue') !== 'NULL' ? 1 : 0}, ${at('accepted') !== 'NULL' ? 1 : 0})`);
}
sql(`CREATE TABLE bench_path (path INT, step INT, type VARCHAR(12), actor CHAR(1), min INT, status_after VARCHAR(12),
  public TINYINT, text VARCHAR(100), PRIMARY KEY (path, step)) ENGINE=InnoDB;
CREATE TABLE bench_pinfo (path INT PRIMARY KEY, status VARCHAR(12), steps INT, last_public INT, last_min INT,
  respond_min INT, started_min INT, completed_min INT, closed_min INT, waiting_min INT, callback TINYINT,
  rated TINYINT, dispatched TINYINT, overdue TINYINT, accepted TINYINT) ENGINE=InnoDB;
INSERT INTO bench_path VALUES ${pathRows.join(',\n')};
INSERT INTO bench_pinfo VALUES ${infoRows.join(',\n')};`);

// Category buckets: repairs most often, praise least; 200 buckets over the demo's order.
const KIND_WEIGHT = { repair: 8, complaint: 3, suggestion: 2, inquiry: 3, praise: 2.5 };
const totalWeight = demoCats.reduce((s, c) => s + KIND_WEIGHT[c[0]], 0);
let bucket = '';
demoCats.forEach((c, i) => {
    const want = Math.round((200 * demoCats.slice(0, i + 1).reduce((s, x) => s + KIND_WEIGHT[x[0]], 0)) / totalWeight);
    while (bucket.length < want) bucket += String.fromCharCode(65 + i);
});
const OBJECTS = ['水龙头', '马桶', '窗户', '门锁', '电梯', '路灯', '楼道灯', '下水道', '地漏', '空调外机', '暖气片', '电表',
    '水表', '门禁', '对讲机', '垃圾桶', '草坪', '车位', '井盖', '防盗门', '阳台', '外墙', '屋顶', '消防栓', '监控',
    '快递柜', '健身器材', '游乐设施', '排风扇', '信报箱'];
const PROBLEMS = ['坏了', '漏水', '有异响', '无法使用', '需要维修', '很脏', '不亮了', '堵塞', '松动了', '有裂缝'];
const TAILS = ['，麻烦尽快处理。', '，请安排师傅上门看看。', '，已经好几天了，希望尽快解决。', '，谢谢！', '，影响正常生活。'];
const PLACES = ['地下车库B1', '小区东门', '中心花园', '健身广场', '南门岗亭', '儿童游乐区', '垃圾分类点', '会所'];

const tsql = (nExpr) => `${lit(TSTART)} + INTERVAL FLOOR(${nExpr} * ${SPAN} / ${T}) SECOND`;
// Ticket n: its unit (a tenth of tickets go to the 1% of units whose index ends in 07: the
// busy households), its category, creator, and its path by age.
sql(`CREATE TABLE bench_t (n INT PRIMARY KEY, g INT, k INT, created DATETIME, ci INT, kind VARCHAR(12),
  severity VARCHAR(8), common TINYINT, creator CHAR(1), path INT, fm INT, obj INT, tech BIGINT UNSIGNED) ENGINE=InnoDB;`);
const ageMin = `TIMESTAMPDIFF(MINUTE, created, ${NOW})`;
const pathExpr = `CASE
  WHEN ${ageMin} < 4320 THEN IF(creator = 's',
       ELT(1 + FLOOR(${H('n', 'po')} * 3), ${P('s_acc')}, ${P('s_disp')}, ${P('s_comp')}),
       ELT(1 + FLOOR(${H('n', 'po')} * 20), ${[...Array(4).fill(P('r_new')), ...Array(4).fill(P('r_acc')),
        ...Array(4).fill(P('r_disp')), ...Array(3).fill(P('r_prog')), ...Array(2).fill(P('r_wait')),
        ...Array(3).fill(P('r_comp'))].join(', ')}))
  WHEN ${ageMin} BETWEEN 10080 AND 172800 AND kind IN ('repair', 'complaint') AND severity = 'normal'
       AND ${H('n', 'over')} < 0.1
    THEN IF(creator = 's', ${P('s_over_disp')}, IF(${H('n', 'po')} < 0.5, ${P('r_over_acc')}, ${P('r_over_disp')}))
  WHEN creator = 'r' AND ${H('n', 'wd')} < 0.03 THEN ${P('r_wd')}
  WHEN creator = 's' THEN IF(kind = 'repair', ${P('s_rep')}, ${P('s_oth')})
  WHEN kind = 'repair' THEN IF(severity = 'urgent', ${P('r_rep_st')},
       ELT(1 + FLOOR(${H('n', 'pc')} * 4), ${P('r_rep')}, ${P('r_rep')}, ${P('r_rep_st')}, ${P('r_rep_rated')}))
  ELSE IF(${H('n', 'pc')} < 0.25, ${P('r_oth_rated')}, ${P('r_oth')}) END`;
// n ranges that begin at a local midnight, so that each batch numbers whole days.
function ticketBatches(target = 400000) {
    const out = [];
    const startMs = Date.parse(`${TSTART.replace(' ', 'T')}Z`);
    let lo = 0;
    while (lo < T) {
        let hi = Math.min(T, lo + target);
        if (hi < T) {
            const tHi = startMs + Math.floor((hi * SPAN) / T) * 1000;
            const local = new Date(tHi + 8 * 3600 * 1000);
            const midnightUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - 8 * 3600 * 1000;
            const b = Math.floor((midnightUtc - startMs) / 1000);
            hi = Math.min(T, Number((BigInt(b) * BigInt(T) + BigInt(SPAN) - 1n) / BigInt(SPAN)));
        }
        out.push([lo, hi]);
        lo = hi;
    }
    return out;
}
for (const [lo, hi] of ticketBatches(1000000)) {
    sql(`INSERT INTO bench_t
      SELECT n, g, k, created, ci, kind, severity, common, creator, ${pathExpr}, fm, obj, tech FROM (
        SELECT n, g, ${KOF('g')} AS k, created, ci, ${elt('ci', demoCats.map((c) => c[0]))} AS kind,
               IF(${elt('ci', demoCats.map((c) => c[0]))} = 'repair' AND ${H('n', 'sev')} < 0.05, 'urgent',
                  IF(${H('n', 'sev')} > 0.99, 'major', 'normal')) AS severity,
               ${H('n', 'loc')} < 0.15 AS common, IF(${H('n', 'who')} < 0.6, 'r', 's') AS creator,
               500 + FLOOR(${H('n', 'fm')} * 1000) AS fm, FLOOR(${H('n', 'obj')} * ${OBJECTS.length}) AS obj,
               ${techOf(KOF('g'), H('n', 'tech'))} AS tech
        FROM (SELECT seq AS n,
                     IF(${H('seq', 'busy')} < 0.1, LEAST(${U - 1}, 100 * FLOOR(${H('seq', 'unit')} * ${Math.ceil(U / 100)}) + 7),
                        FLOOR(${H('seq', 'unit')} * ${U})) AS g,
                     ${tsql('seq')} AS created,
                     ASCII(SUBSTR(${lit(bucket)}, 1 + FLOOR(${H('seq', 'cat')} * ${bucket.length}), 1)) - 65 AS ci
              FROM seq_${lo}_to_${hi - 1}) a) b;`);
}
// Urgent tickets move ten times as fast (their promises are counted in minutes).
sql(`UPDATE bench_t SET fm = GREATEST(50, fm DIV 10) WHERE severity = 'urgent';
     UPDATE bench_t b JOIN bench_pinfo p ON p.path = b.path
       SET b.fm = LEAST(b.fm, FLOOR(TIMESTAMPDIFF(MINUTE, b.created, ${NOW}) * 1000 / (p.last_min + 60)))
     WHERE b.created > ${NOW} - INTERVAL 4 DAY;`);

const FAR = "TIMESTAMP'9999-12-31 00:00:00'";
const mins = (x) => `(${x} * b.fm DIV 1000)`; // a path's minutes for this ticket
const at = (x) => `b.created + INTERVAL ${mins(x)} MINUTE`;
const due = (col) => `IF(d.${col} IS NULL, NULL, b.created + INTERVAL d.${col} MINUTE)`;
const tid = (n) => `(${base.ticket} + ${n} + 1)`;
const eid = (n, s) => `(${base.ticket_event} + ${n} * 8 + ${s})`;
for (const [lo, hi] of ticketBatches(400000)) {
    sql(`INSERT INTO ticket (id, community_id, code, kind, category_id, location, unit_id, place, description, channel,
        severity, reporter_account_id, reporter_name, reporter_phone, created_by_kind, created_by_id, owner_staff_id,
        department_id, assignee_staff_id, status, resume_status, created_at, updated_at, respond_due, onsite_due,
        resolve_due, responded_at, onsite_at, completed_at, closed_at, waiting_since, next_due, breached,
        escalation_level, charge_fen, callback_done, rating, last_event_id, last_public_event_id)
      SELECT ${tid('b.n')}, ${base.community} + b.k,
             CONCAT(${elt("FIELD(b.kind, 'repair', 'complaint', 'suggestion', 'inquiry', 'praise') - 1",
                    ['BX', 'TS', 'JY', 'ZX', 'BY'])}, DATE_FORMAT(b.created + INTERVAL 8 HOUR, '%Y%m%d'), '-',
                    LPAD(ROW_NUMBER() OVER (PARTITION BY b.k, b.kind, DATE(b.created + INTERVAL 8 HOUR) ORDER BY b.n), 4, '0')),
             b.kind, ${base.ticket_category} + (b.k - 1) * ${CATS} + b.ci + 1, IF(b.common, 'common', 'home'),
             IF(b.common, NULL, ${base.unit} + b.g + 1), IF(b.common, ${elt(`b.n MOD ${PLACES.length}`, PLACES)}, ''),
             CONCAT(IF(b.common, ${elt(`b.n MOD ${PLACES.length}`, PLACES)}, '家里'), '的', ${elt('b.obj', OBJECTS)},
                    ${elt(`(b.n DIV 3) MOD ${PROBLEMS.length}`, PROBLEMS)}, ${elt(`(b.n DIV 7) MOD ${TAILS.length}`, TAILS)}),
             IF(b.creator = 'r', 'web', IF(b.n MOD 5 = 0, 'visit', 'phone')), b.severity,
             IF(b.creator = 'r', ${base.account} + b.g + 1, NULL), ${nameOf('(b.g * 3)')}, ${phoneOf('(b.g * 3)')},
             IF(b.creator = 'r', 'resident', 'staff'), IF(b.creator = 'r', ${base.account} + b.g + 1, ${deskOf('b.k')}),
             IF(p.accepted, ${deskOf('b.k')}, NULL),
             ${base.department} + (b.k - 1) * ${DEPTS} + ${elt('b.ci', demoCats.map((c) => String(dept(c[3]) + 1)))},
             IF(p.dispatched, b.tech, NULL), p.status, IF(p.status = 'waiting', 'accepted', NULL), b.created,
             IF(p.overdue, b.created + INTERVAL d.resolve_minutes + 10 MINUTE, ${at('p.last_min')}),
             ${due('respond_minutes')}, ${due('onsite_minutes')}, ${due('resolve_minutes')},
             IF(p.respond_min IS NULL, NULL, ${at('p.respond_min')}),
             CASE WHEN p.started_min IS NOT NULL THEN ${at('p.started_min')}
                  WHEN p.completed_min IS NOT NULL AND b.kind = 'repair' THEN ${at('p.completed_min')} END,
             IF(p.completed_min IS NULL, NULL, ${at('p.completed_min')}), IF(p.closed_min IS NULL, NULL, ${at('p.closed_min')}),
             IF(p.status = 'waiting', ${at('p.waiting_min')}, NULL),
             IF(p.status IN ('new', 'accepted', 'dispatched', 'in_progress'), NULLIF(LEAST(
                 IF(p.respond_min IS NULL AND d.respond_minutes IS NOT NULL, b.created + INTERVAL d.respond_minutes MINUTE, ${FAR}),
                 IF(p.started_min IS NULL AND b.kind = 'repair' AND d.onsite_minutes IS NOT NULL, b.created + INTERVAL d.onsite_minutes MINUTE, ${FAR}),
                 IF(d.resolve_minutes IS NOT NULL, b.created + INTERVAL d.resolve_minutes MINUTE, ${FAR})), ${FAR}), NULL),
             IF(p.overdue, 4, 0), 0, 0, p.callback, IF(p.rated, 3 + FLOOR(${H('b.n', 'score')} * 3), NULL),
             ${eid('b.n', 'p.steps')}, ${eid('b.n', 'p.last_public')}
      FROM bench_t b JOIN bench_pinfo p ON p.path = b.path
      JOIN sla_policy_default d ON d.kind = b.kind AND d.severity = b.severity
      WHERE b.n >= ${lo} AND b.n < ${hi} ORDER BY b.n;`);
}
step('ticket', T);
// The text search's character pairs (schema/0014_ticket_gram.sql), in the key's order so the
// pages are appended rather than split; the descriptions are at most 64 characters here.
for (const [lo, hi] of ticketBatches(1000000)) {
    sql(`INSERT IGNORE INTO ticket_gram (community_id, gram, ticket_id)
      SELECT t.community_id, SUBSTRING(LOWER(t.description), s.seq, 2) AS g, t.id
      FROM ticket t JOIN seq_1_to_64 s IGNORE INDEX (PRIMARY) ON s.seq < CHAR_LENGTH(t.description)
      WHERE t.id BETWEEN ${tid(lo)} AND ${tid(hi - 1)} ORDER BY t.community_id, g, t.id;`);
}
step('ticket_gram', num(`SELECT COUNT(*) FROM ticket_gram WHERE ticket_id > ${base.ticket}`));
sql(`INSERT INTO ticket_counter (community_id, prefix, day, last_number)
  SELECT community_id, LEFT(code, 2), STR_TO_DATE(SUBSTR(code, 3, 8), '%Y%m%d'), MAX(CAST(SUBSTR(code, 12) AS UNSIGNED))
  FROM ticket WHERE id > ${base.ticket} GROUP BY community_id, LEFT(code, 2), SUBSTR(code, 3, 8);`);
step('ticket_counter', num(`SELECT COUNT(*) FROM ticket_counter WHERE community_id > ${base.community}`));

for (const [lo, hi] of ticketBatches(300000)) {
    sql(`INSERT INTO ticket_event (id, ticket_id, community_id, type, actor_kind, actor_id, at, public, text, department_id,
        assignee_staff_id, score, reached, charge_fen, clock, status_after)
      SELECT ${eid('b.n', 's.step')}, ${tid('b.n')}, ${base.community} + b.k, s.type,
             ELT(FIELD(s.actor, 'r', 's', 't', 'y'), 'resident', 'staff', 'staff', 'system'),
             CASE s.actor WHEN 'r' THEN ${base.account} + b.g + 1 WHEN 's' THEN ${deskOf('b.k')} WHEN 't' THEN b.tech END,
             IF(s.min < 0, b.created + INTERVAL d.resolve_minutes + 10 MINUTE, ${at('s.min')}), s.public, s.text,
             IF(s.type = 'dispatched', ${base.department} + (b.k - 1) * ${DEPTS} +
                ${elt('b.ci', demoCats.map((c) => String(dept(c[3]) + 1)))}, NULL),
             IF(s.type = 'dispatched', b.tech, NULL),
             CASE s.type WHEN 'rated' THEN 3 + FLOOR(${H('b.n', 'score')} * 3) WHEN 'callback' THEN 3 + FLOOR(${H('b.n', 'cb')} * 3) END,
             IF(s.type = 'callback', 1, NULL), IF(s.type = 'completed', 0, NULL), IF(s.type = 'overdue', 'resolve', NULL),
             s.status_after
      FROM bench_t b JOIN bench_path s ON s.path = b.path
      JOIN sla_policy_default d ON d.kind = b.kind AND d.severity = b.severity
      WHERE b.n >= ${lo} AND b.n < ${hi} ORDER BY b.n, s.step;`);
}
step('ticket_event', num(`SELECT COUNT(*) FROM ticket_event WHERE id > ${base.ticket_event}`));

// What a household has read: everything of its own tickets older than two weeks.
sql(`INSERT INTO ticket_seen (account_id, ticket_id, last_event_id)
  SELECT reporter_account_id, id, last_public_event_id FROM ticket
  WHERE id > ${base.ticket} AND reporter_account_id IS NOT NULL AND created_at < ${NOW} - INTERVAL 14 DAY
  ORDER BY reporter_account_id, id;`);
step('ticket_seen', num(`SELECT COUNT(*) FROM ticket_seen t JOIN account a ON a.id = t.account_id WHERE a.id > ${base.account}`));

// --- bills, payments ------------------------------------------------------------------------------

// Unit g pays its bills in chunks of pay_k months, the chunk [cs, cs + pay_k) some days
// after its last bill was made, unless that is still to come or the unit stopped paying.
const cs = (m) => `(${m} - ${m} MOD u.pay_k)`;
const ce = (m) => `(${cs(m)} + u.pay_k - 1)`;
const takenAt = (m) => `(TIMESTAMP(LAST_DAY(${lit(M0)} + INTERVAL ${ce(m)} MONTH) - INTERVAL 4 DAY, '00:30:00')
    + INTERVAL FLOOR(${H(`u.g * 60 + ${cs(m)}`, 'payday')} * 20) DAY + INTERVAL FLOOR(${H(`u.g * 60 + ${cs(m)}`, 'paymin')} * 540) MINUTE)`;
const paid = (m) => `(${ce(m)} < LEAST(${MONTHS}, u.stop_m) AND ${takenAt(m)} <= ${NOW})`;
const billId = (m) => `(${base.bill} + u.g * ${MONTHS} + ${m} + 1)`;
const payId = (m) => `(${base.payment} + u.g * ${MONTHS} + ${cs(m)} + 1)`;
const mgmtAmount = 'IF(mm.new_rate, u.mgmt_new, u.mgmt_old)';
const cashierSlot = (m) => `(${H(`u.g * 60 + ${cs(m)}`, 'cashier')} < 0.5)`; // 1: the cashier, 0: the desk
const settlementId = (m) => `(${base.settlement} + ((u.k - 1) * 2 + ${cashierSlot(m)}) * ${NDAYS} +
    DATEDIFF(DATE(${takenAt(m)}), ${lit(DAY0)}) + 1)`;

sql(`INSERT INTO billing_run (id, community_id, period, source, started_at, finished_at, bills_created, lines_created,
      total_fen)
  SELECT ${base.billing_run} + (c.k - 1) * ${MONTHS} + mm.m + 1, c.id, mm.period, 'job', mm.created,
         mm.created + INTERVAL 1 MINUTE, c.n, c.n * 2, IF(mm.new_rate, x.t_new, x.t_old)
  FROM bench_c c JOIN (SELECT k, SUM(mgmt_old + garbage) t_old, SUM(mgmt_new + garbage) t_new FROM bench_u GROUP BY k) x
    ON x.k = c.k
  JOIN bench_m mm ORDER BY c.k, mm.m;`);
step('billing_run', C * MONTHS);

for (const b of batches(MONTHS * 2, 2400000)) {
    sql(`INSERT INTO bill (id, community_id, unit_id, kind, period, period_key, run_id, amount_fen, paid_fen, due_date,
        created_at)
      SELECT ${billId('mm.m')}, u.community_id, u.unit_id, 'period', mm.period, mm.period,
             ${base.billing_run} + (u.k - 1) * ${MONTHS} + mm.m + 1, ${mgmtAmount} + u.garbage,
             IF(${paid('mm.m')}, ${mgmtAmount} + u.garbage, 0), LAST_DAY(mm.first), mm.created
      FROM bench_u u JOIN bench_m mm WHERE u.g >= ${b.g0} AND u.g < ${b.g1} ORDER BY u.g, mm.m;
    INSERT INTO bill_line (id, community_id, bill_id, fee_item_id, description, quantity_c, price_e4, amount_fen, paid_fen)
      SELECT ${base.bill_line} + (u.g * ${MONTHS} + mm.m) * 2 + i.seq + 1, u.community_id, ${billId('mm.m')},
             ${base.fee_item} + (u.k - 1) * ${ITEMS} + IF(i.seq = 0, ${item('mgmt') + 1}, ${item('garbage') + 1}),
             IF(i.seq = 0, CONCAT(mm.period, ' 月 · ', u.area_m2, '㎡'), CONCAT(mm.period, ' 月 · 每户')),
             IF(i.seq = 0, u.area_c, 100),
             IF(i.seq = 0, IF(mm.new_rate, IF(u.vacant, ${mgmtNewVacant}, ${mgmtNew}), IF(u.vacant, ${mgmtOldVacant}, ${mgmtOld})),
                ${garbagePrice}),
             IF(i.seq = 0, ${mgmtAmount}, u.garbage), IF(${paid('mm.m')}, IF(i.seq = 0, ${mgmtAmount}, u.garbage), 0)
      FROM bench_u u JOIN bench_m mm JOIN seq_0_to_1 i WHERE u.g >= ${b.g0} AND u.g < ${b.g1} ORDER BY u.g, mm.m, i.seq;`);
}
step('bill', U * MONTHS);
step('bill_line', U * MONTHS * 2);

// A payment per paid chunk; receipts numbered per community and local year in the order taken.
for (const b of batches(30, 3000000)) {
    sql(`INSERT INTO payment (id, community_id, unit_id, receipt_no, kind, method, amount_fen, payer, staff_id,
        settlement_id, taken_at)
      SELECT id, community_id, unit_id,
             CONCAT('SJ', YEAR(taken_at + INTERVAL 8 HOUR), '-', LPAD(ROW_NUMBER() OVER (
                 PARTITION BY community_id, YEAR(taken_at + INTERVAL 8 HOUR) ORDER BY taken_at, id), 6, '0')),
             'payment', method, amount_fen, payer, staff_id, settlement_id, taken_at
      FROM (SELECT ${payId('mm.m')} AS id, u.community_id, u.unit_id,
                   ${elt(`FLOOR(${H('u.g * 60 + mm.m', 'method')} * 5)`, ['cash', 'wechat', 'alipay', 'card', 'transfer'])} AS method,
                   (SELECT SUM(${mgmtAmount.replace(/mm\./g, 'm2.')} + u.garbage) FROM bench_m m2
                    WHERE m2.m BETWEEN mm.m AND mm.m + u.pay_k - 1) AS amount_fen,
                   ${nameOf('(u.g * 3)')} AS payer, IF(${cashierSlot('mm.m')}, ${cashierOf('u.k')}, ${deskOf('u.k')}) AS staff_id,
                   ${settlementId('mm.m')} AS settlement_id, ${takenAt('mm.m')} AS taken_at
            FROM bench_u u JOIN bench_m mm
            WHERE u.g >= ${b.g0} AND u.g < ${b.g1} AND mm.m MOD u.pay_k = 0 AND ${paid('mm.m')}) x
      ORDER BY id;`);
}
step('payment', num(`SELECT COUNT(*) FROM payment WHERE id > ${base.payment}`));

for (const b of batches(MONTHS * 2, 3000000)) {
    sql(`INSERT INTO payment_alloc (payment_id, bill_line_id, bill_id, amount_fen)
      SELECT ${payId('mm.m')}, ${base.bill_line} + (u.g * ${MONTHS} + mm.m) * 2 + i.seq + 1, ${billId('mm.m')},
             IF(i.seq = 0, ${mgmtAmount}, u.garbage)
      FROM bench_u u JOIN bench_m mm JOIN seq_0_to_1 i
      WHERE u.g >= ${b.g0} AND u.g < ${b.g1} AND ${paid('mm.m')} ORDER BY u.g, mm.m, i.seq;`);
}
step('payment_alloc', num(`SELECT COUNT(*) FROM payment_alloc WHERE payment_id > ${base.payment}`));

// 日清: each cashier's day, closed at 18:00 local and checked by the other one, but today's.
sql(`INSERT INTO settlement (id, community_id, staff_id, day, closed_at, closed_count, closed_total_fen, checked_by,
      checked_at, check_note)
  SELECT settlement_id, community_id, staff_id, DATE(MIN(taken_at) + INTERVAL 8 HOUR),
         IF(closed, TIMESTAMP(DATE(MIN(taken_at) + INTERVAL 8 HOUR), '10:00:00'), NULL),
         IF(closed, COUNT(*), NULL), IF(closed, SUM(amount_fen), NULL),
         IF(closed, ${base.staff} + (community_id - ${base.community} - 1) * ${STAFF} + 1 +
            IF(staff_id = ${base.staff} + (community_id - ${base.community} - 1) * ${STAFF} + 1, 3, 0), NULL),
         IF(closed, TIMESTAMP(DATE(MIN(taken_at) + INTERVAL 8 HOUR), '11:00:00'), NULL), IF(closed, '现金与系统相符', '')
  FROM (SELECT p.*, DATE(taken_at + INTERVAL 8 HOUR) < DATE(${NOW} + INTERVAL 8 HOUR) AS closed FROM payment p
        WHERE id > ${base.payment}) x
  GROUP BY settlement_id, community_id, staff_id, closed ORDER BY settlement_id;
INSERT INTO receipt_counter (community_id, year, next_no)
  SELECT community_id, CAST(SUBSTR(receipt_no, 3, 4) AS UNSIGNED), COUNT(*) + 1 FROM payment
  WHERE community_id > ${base.community} GROUP BY community_id, SUBSTR(receipt_no, 3, 4);`);
step('settlement', num(`SELECT COUNT(*) FROM settlement WHERE id > ${base.settlement}`));

// --- surveys ------------------------------------------------------------------------------------------

const SURVEYS = [
    ['上一年度顾客满意度调查', `${lit(M0)} + INTERVAL 19 MONTH`, `${lit(M0)} + INTERVAL 20 MONTH - INTERVAL 8 HOUR`],
    ['今年上半年顾客满意度调查', `${NOW} - INTERVAL 170 DAY`, `${NOW} - INTERVAL 140 DAY`],
    ['物业服务意见征询', `${NOW} - INTERVAL 10 DAY`, `${NOW} + INTERVAL 20 DAY`],
];
const demoSurvey = num("SELECT MIN(id) FROM survey WHERE community_id = 1");
const perSurvey = (n) => Math.max(1, Math.min(Math.floor(n * 0.8), Math.round((RESPONSES * n) / U / SURVEYS.length)));
const R1 = perSurvey(N1);
const RO = perSurvey(NO);
const RMAX = Math.max(R1, RO) * 2; // room for the replaced responses
sql(`INSERT INTO survey (id, community_id, title, intro, state, opens_at, closes_at, audience, target_pct, created_by,
      created_at, updated_at)
  SELECT ${base.survey} + (c.k - 1) * ${SURVEYS.length} + s.seq + 1, c.id, ${elt('s.seq', SURVEYS.map((x) => x[0]))},
         '尊敬的业主：为了解您对物业服务的意见，请花几分钟填写本问卷。谢谢！', 'published',
         CASE s.seq ${SURVEYS.map((x, i) => `WHEN ${i} THEN ${x[1]}`).join(' ')} END,
         CASE s.seq ${SURVEYS.map((x, i) => `WHEN ${i} THEN ${x[2]}`).join(' ')} END,
         'community', 90, ${deskOf('c.k')},
         CASE s.seq ${SURVEYS.map((x, i) => `WHEN ${i} THEN ${x[1]} - INTERVAL 3 DAY`).join(' ')} END,
         CASE s.seq ${SURVEYS.map((x, i) => `WHEN ${i} THEN ${x[1]} - INTERVAL 3 DAY`).join(' ')} END
  FROM bench_c c JOIN seq_0_to_${SURVEYS.length - 1} s ORDER BY c.k, s.seq;
INSERT INTO survey_question (survey_id, position, type, text, choices, area, dimension, required)
  SELECT v.id, q.position, q.type, q.text, q.choices, q.area, q.dimension, q.required
  FROM survey v JOIN survey_question q ON q.survey_id = ${demoSurvey} WHERE v.id > ${base.survey}
  ORDER BY v.id, q.position;
INSERT INTO survey_response (id, survey_id, community_id, unit_id, account_id, channel, current_key, submitted_at)
  SELECT ${base.survey_response} + ((c.k - 1) * ${SURVEYS.length} + v.seq) * ${RMAX} + r.seq * 2 + o.seq + 1,
         ${base.survey} + (c.k - 1) * ${SURVEYS.length} + v.seq + 1, c.id,
         ${base.unit} + c.u0 + r.seq * (c.n DIV IF(c.k = 1, ${R1}, ${RO})) + 1,
         IF(${H('c.k * 100000 + r.seq', 'chan')} < 0.7, ${base.account} + c.u0 + r.seq * (c.n DIV IF(c.k = 1, ${R1}, ${RO})) + 1, NULL),
         IF(${H('c.k * 100000 + r.seq', 'chan')} < 0.7, 'portal', 'link'), IF(o.seq = 1, 1, NULL),
         LEAST(${NOW}, CASE v.seq ${SURVEYS.map((x, i) => `WHEN ${i} THEN ${x[1]}`).join(' ')} END
               + INTERVAL FLOOR(${H('c.k * 100000 + r.seq', 'when')} * 400) HOUR + INTERVAL o.seq HOUR)
  FROM bench_c c JOIN seq_0_to_${SURVEYS.length - 1} v JOIN seq_0_to_${Math.max(R1, RO) - 1} r JOIN seq_0_to_1 o
  WHERE r.seq < IF(c.k = 1, ${R1}, ${RO}) AND (o.seq = 1 OR r.seq MOD 40 = 3)
  ORDER BY 1;
INSERT INTO survey_answer (response_id, question_id, value_int, value_text)
  SELECT r.id, q.id,
         CASE q.type WHEN 'rating' THEN
              CASE WHEN (r.unit_id * 7 + q.position * 13 + r.survey_id) MOD 23 = 0 THEN 1
                   WHEN (r.unit_id * 5 + q.position * 11 + r.survey_id) MOD 17 = 0 THEN 2
                   ELSE 3 + (r.unit_id + q.position * 2 + r.survey_id) MOD 3 END
              WHEN 'nps' THEN (r.unit_id * 7 + r.survey_id) MOD 11 END,
         IF(q.type IN ('long', 'short'), ${elt('(r.unit_id DIV 5) MOD 4', ['地下车库灯光太暗，希望增加照明。', '快递柜不够用。',
        '绿化修剪很及时，辛苦了！', '希望电梯维保时提前通知。'])}, NULL)
  FROM survey_response r JOIN survey_question q ON q.survey_id = r.survey_id
  WHERE r.id > ${base.survey_response} AND q.type IN ('rating', 'nps', 'long', 'short')
    AND (q.type IN ('rating', 'nps') OR r.unit_id MOD 5 = 0)
  ORDER BY r.id, q.position;`);
step('survey', C * SURVEYS.length);
step('survey_question', num(`SELECT COUNT(*) FROM survey_question WHERE survey_id > ${base.survey}`));
step('survey_response', num(`SELECT COUNT(*) FROM survey_response WHERE id > ${base.survey_response}`));
step('survey_answer', num(`SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
    WHERE r.id > ${base.survey_response}`));

// --- notices ------------------------------------------------------------------------------------------

const NOTICES = [
    ['1栋停水通知', '因二次供水水箱清洗消毒，1 栋明日 09:00 至 13:00 停水，请提前储水。', 'urgent', 'buildings',
        `${NOW} - INTERVAL 1 HOUR`, `${NOW} + INTERVAL 1 DAY`],
    ['关于开展小区消防演练的通知', '物业服务中心定于本周六 15:00 在中心广场开展消防演练，欢迎参加。\n\n消防知识可参阅 https://www.119.gov.cn/ 。',
        'normal', 'community', `${NOW} - INTERVAL 2 DAY`, `${NOW} + INTERVAL 6 DAY`],
    ['电梯年度检验通知', '特种设备检验机构将对小区全部电梯进行年度检验，各栋电梯将轮流暂停使用约 1 小时。', 'normal', 'community',
        `${NOW} - INTERVAL 30 DAY`, `${NOW} - INTERVAL 20 DAY`],
    ['物业费缴纳提醒', '请各位业主及时缴纳本季度物业服务费，可在服务中心或线上缴纳。', 'normal', 'community',
        `${NOW} - INTERVAL 5 DAY`, 'NULL'],
];
sql(`INSERT INTO notice (id, community_id, title, body, importance, audience, state, publish_at, expires_at, created_by,
      created_at, updated_at)
  SELECT ${base.notice} + (c.k - 1) * ${NOTICES.length} + s.seq + 1, c.id, ${elt('s.seq', NOTICES.map((x) => x[0]))},
         ${elt('s.seq', NOTICES.map((x) => x[1]))}, ${elt('s.seq', NOTICES.map((x) => x[2]))},
         ${elt('s.seq', NOTICES.map((x) => x[3]))}, 'published',
         CASE s.seq ${NOTICES.map((x, i) => `WHEN ${i} THEN ${x[4]}`).join(' ')} END,
         CASE s.seq ${NOTICES.map((x, i) => `WHEN ${i} THEN ${x[5]}`).join(' ')} END, ${deskOf('c.k')},
         CASE s.seq ${NOTICES.map((x, i) => `WHEN ${i} THEN ${x[4]} - INTERVAL 1 HOUR`).join(' ')} END,
         CASE s.seq ${NOTICES.map((x, i) => `WHEN ${i} THEN ${x[4]}`).join(' ')} END
  FROM bench_c c JOIN seq_0_to_${NOTICES.length - 1} s ORDER BY c.k, s.seq;
INSERT INTO notice_building (notice_id, building_id)
  SELECT n.id, b.id FROM notice n JOIN building b ON b.community_id = n.community_id AND b.code = '1'
  WHERE n.id > ${base.notice} AND n.audience = 'buildings';
INSERT INTO notice_read (notice_id, account_id, unit_id, read_at)
  SELECT n.id, a.id, a.current_unit_id, n.publish_at + INTERVAL 1 HOUR
  FROM notice n JOIN account a ON a.community_id = n.community_id
  WHERE n.id > ${base.notice} AND n.audience = 'community' AND ${H('a.id * 7 + n.id', 'read')} < 0.3
  ORDER BY n.id, a.id;`);
step('notice', C * NOTICES.length);
step('notice_read', num(`SELECT COUNT(*) FROM notice_read WHERE notice_id > ${base.notice}`));

sql('DROP TABLE IF EXISTS bench_c, bench_u, bench_m, bench_t, bench_path, bench_pinfo;');

// --- statistics, checks, bench.json ------------------------------------------------------------------

sql(`ANALYZE TABLE unit, person, occupancy, account, ticket, ticket_event, ticket_seen, bill, bill_line, payment,
     payment_alloc, settlement, survey_response, survey_answer, notice_read;`);
step('(analyze)', 0);

if (CHECK) {
    const checks = {
        'bills not equal to their lines': `SELECT COUNT(*) FROM bill b WHERE b.id > ${base.bill} AND b.amount_fen <>
            (SELECT SUM(amount_fen) FROM bill_line l WHERE l.bill_id = b.id)`,
        'bills whose paid is not their allocations': `SELECT COUNT(*) FROM bill b WHERE b.id > ${base.bill} AND b.paid_fen <>
            (SELECT COALESCE(SUM(amount_fen), 0) FROM payment_alloc a WHERE a.bill_id = b.id)`,
        'lines whose paid is not their allocations': `SELECT COUNT(*) FROM bill_line l WHERE l.id > ${base.bill_line} AND
            l.paid_fen <> (SELECT COALESCE(SUM(amount_fen), 0) FROM payment_alloc a WHERE a.bill_line_id = l.id)`,
        'payments not equal to their allocations': `SELECT COUNT(*) FROM payment p WHERE p.id > ${base.payment} AND
            p.amount_fen <> (SELECT SUM(amount_fen) FROM payment_alloc a WHERE a.payment_id = p.id)`,
        'bills partly paid': `SELECT COUNT(*) FROM bill WHERE id > ${base.bill} AND paid_fen NOT IN (0, amount_fen)`,
        'receipt gaps': `SELECT COUNT(*) FROM (SELECT community_id, LEFT(receipt_no, 6) y, COUNT(*) n,
            MAX(CAST(SUBSTR(receipt_no, 8) AS UNSIGNED)) mx FROM payment WHERE id > ${base.payment}
            GROUP BY community_id, LEFT(receipt_no, 6) HAVING n <> mx) x`,
        'payments outside their cashier day': `SELECT COUNT(*) FROM payment p JOIN settlement s ON s.id = p.settlement_id
            WHERE p.id > ${base.payment} AND (s.staff_id <> p.staff_id OR s.day <> DATE(p.taken_at + INTERVAL 8 HOUR))`,
        'payments without a settlement': `SELECT COUNT(*) FROM payment p LEFT JOIN settlement s ON s.id = p.settlement_id
            WHERE p.id > ${base.payment} AND s.id IS NULL`,
        'payments in the future': `SELECT COUNT(*) FROM payment WHERE id > ${base.payment} AND taken_at > ${NOW}`,
        'tickets whose last event is not theirs': `SELECT COUNT(*) FROM ticket t LEFT JOIN ticket_event e ON e.id = t.last_event_id
            WHERE t.id > ${base.ticket} AND (e.ticket_id IS NULL OR e.ticket_id <> t.id OR e.status_after <> t.status)`,
        // (the every-minute sweep adds 'overdue' and 'escalated' events (actor 'system', at the real
        // time) to open tickets while this runs: they are its own, not the generator's)
        'events in the future or before their ticket': `SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
            WHERE e.id > ${base.ticket_event} AND e.id <= ${base.ticket_event + T * 8 + 8} AND (e.at > ${NOW} OR e.at < t.created_at)
              AND NOT (e.type IN ('overdue', 'escalated') AND e.actor_kind = 'system' AND e.at > ${NOW})`,
        'events out of order': `SELECT COUNT(*) FROM ticket_event e JOIN ticket_event f ON f.ticket_id = e.ticket_id AND f.id = e.id + 1
            WHERE e.id > ${base.ticket_event} AND f.id <= ${base.ticket_event + T * 8 + 8} AND f.at < e.at`,
        'duplicate ticket codes': `SELECT COUNT(*) - COUNT(DISTINCT community_id, code) FROM ticket WHERE id > ${base.ticket}`,
        'units with two responses in force': `SELECT COUNT(*) FROM (SELECT survey_id, unit_id FROM survey_response
            WHERE current_key = 1 GROUP BY survey_id, unit_id HAVING COUNT(*) > 1) x`,
        'units without a current owner': `SELECT COUNT(*) FROM unit u WHERE u.id > ${base.unit} AND NOT EXISTS (SELECT 1
            FROM occupancy o WHERE o.unit_id = u.id AND o.relation = 'owner' AND o.until IS NULL)`,
    };
    let bad = 0;
    for (const [what, q] of Object.entries(checks)) {
        const n = num(q);
        if (n !== 0) {
            bad++;
            console.log(`  CHECK FAILED: ${what}: ${n}`);
        }
    }
    step(`(checks: ${bad ? `${bad} failed` : 'all hold'})`, Object.keys(checks).length);
    if (bad) process.exitCode = 1;
}

// The figures the load harness uses, all in BENCH-0001.
const c1 = base.community + 1;
const [household, householdUnit] = sql(`SELECT a.login_email, t.unit_id FROM ticket t JOIN account a
    ON a.current_unit_id = t.unit_id WHERE t.community_id = ${c1} AND t.unit_id IS NOT NULL
    GROUP BY t.unit_id, a.login_email ORDER BY COUNT(*) DESC, t.unit_id LIMIT 1`)[0];
const residentTicket = num(`SELECT e.ticket_id FROM ticket t JOIN ticket_event e ON e.ticket_id = t.id
    WHERE t.unit_id = ${householdUnit} GROUP BY e.ticket_id ORDER BY COUNT(*) DESC, e.ticket_id DESC LIMIT 1`);
const staffTicket = num(`SELECT e.ticket_id FROM ticket_event e WHERE e.community_id = ${c1}
    AND e.ticket_id > (SELECT MAX(id) - 2000 FROM ticket WHERE community_id = ${c1})
    GROUP BY e.ticket_id ORDER BY COUNT(*) DESC, e.ticket_id DESC LIMIT 1`);
const building = num(`SELECT building_id FROM unit WHERE community_id = ${c1} GROUP BY building_id
    ORDER BY COUNT(*) DESC, building_id LIMIT 1`);
const month = value(`SELECT DATE_FORMAT(completed_at + INTERVAL 8 HOUR, '%Y-%m') m FROM ticket
    WHERE community_id = ${c1} AND completed_at IS NOT NULL AND completed_at < DATE_FORMAT(${NOW}, '%Y-%m-01')
    GROUP BY m ORDER BY COUNT(*) DESC, m DESC LIMIT 1`);
const words = OBJECTS.map((w) => [w, num(`SELECT COUNT(*) FROM ticket WHERE community_id = ${c1} AND description LIKE '%${w}%'`)]);
const target = 300 * Math.max(SCALE, 0.1);
const [searchText] = words.sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target))[0];
const paymentUnit = value(`SELECT u.code FROM bill b JOIN unit u ON u.id = b.unit_id WHERE b.community_id = ${c1}
    AND b.paid_fen < b.amount_fen GROUP BY u.id, u.code ORDER BY COUNT(*) DESC, u.id LIMIT 1`);
const postResidents = sql(`SELECT login_email FROM account WHERE community_id = ${c1} AND login_email <> ${lit(household)}
    ORDER BY id LIMIT 50`).map((r) => r[0]);

const counts = {};
for (const t of ['community', 'building', 'unit', 'person', 'occupancy', 'account', 'staff', 'staff_role', 'department',
    'ticket_category', 'sla_policy', 'ticket', 'ticket_event', 'ticket_counter', 'ticket_seen', 'fee_item', 'fee_rate',
    'billing_run', 'bill', 'bill_line', 'payment', 'payment_alloc', 'settlement', 'receipt_counter', 'survey',
    'survey_question', 'survey_response', 'survey_answer', 'notice', 'notice_read']) {
    counts[t] = num(`SELECT COUNT(*) FROM ${t}`);
}
const bench = {
    scale: SCALE,
    generated_at: new Date().toISOString(),
    counts,
    community_id: c1,
    staff_login: 'bench-staff-0001',
    resident_login: household,
    resident_ticket_id: residentTicket,
    staff_ticket_id: staffTicket,
    building_id: building,
    analysis_month: month,
    search_text: searchText,
    payment_unit: paymentUnit,
    post_residents: postResidents,
};
writeFileSync(path.join(env.WUYE_STATE, 'bench.json'), `${JSON.stringify(bench, null, 2)}\n`);
step('(bench.json)', 0);

const total = (Date.now() - t0) / 1000;
console.log(`generate: done in ${total.toFixed(0)} s; ${path.join(env.WUYE_STATE, 'bench.json')}: ` +
    `${household}, ticket ${residentTicket}, search '${searchText}' (${words.find((w) => w[0] === searchText)[1]} tickets), ` +
    `month ${month}, unit ${paymentUnit}`);
