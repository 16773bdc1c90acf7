// tests/bench/billing.mjs: how long the billing run takes for a community of N units
// (default 5,000), and that a second run of the same month adds nothing. It makes a
// community of its own in a running stack (deploy/up; WUYE_STATE names it): buildings of
// 100 units each with areas, some vacant, fee items with rates, water readings for every
// unit and parking leases for a fifth of them; then runs the build's wuye-billing twice and
// prints the figures. The community stays (it is named BENCH-...), so a later run of the
// bench makes another.
//
//   node tests/bench/billing.mjs [UNITS]
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { env, q, sql, sqlValue, uniqueSuffix } from '../http/lib.mjs';

const N = Number(process.argv[2] || 5000);
const tag = uniqueSuffix().slice(-8).toUpperCase();
const t0 = Date.now();
sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`BENCH-${tag}`)}, ${q(`出账基准${tag}`)}, 'Asia/Shanghai')`);
const c = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`BENCH-${tag}`)}`));
const buildings = Math.ceil(N / 100);
sql(`SET SESSION max_recursive_iterations = 1000000;
     INSERT INTO building (community_id, code, name, floors)
       WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${buildings})
       SELECT ${c}, CONCAT('B', n), CONCAT(n, '栋'), 25 FROM s;
     INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
       WITH RECURSIVE s (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${N - 1})
       SELECT ${c}, b.id, CONCAT('B', 1 + n DIV 100, '-1-', 1 + (n MOD 100) DIV 4, LPAD(1 + n MOD 4, 2, '0')),
              1 + (n MOD 100) DIV 4, 60 + (n * 37) MOD 90 + (n MOD 100) / 100,
              IF(n MOD 50 = 49, 'shop', 'residence'), IF(n MOD 10 = 3, 'vacant', 'occupied')
       FROM s JOIN building b ON b.community_id = ${c} AND b.code = CONCAT('B', 1 + n DIV 100);
     INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort) VALUES
       (${c}, 'mgmt', '物业管理费', 'area', '', 'residence,shop', 10),
       (${c}, 'garbage', '垃圾清运费', 'fixed', '', 'residence', 20),
       (${c}, 'water', '水费', 'metered', '吨', 'residence,shop', 30),
       (${c}, 'power', '公摊电费', 'metered', '度', 'residence,shop', 40),
       (${c}, 'parking', '车位费', 'parking', '', 'parking', 50),
       (${c}, 'repair', '有偿维修费', 'oneoff', '', 'residence,shop', 60);
     INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, tier2_from_c, tier2_price_e4,
                           tier3_from_c, tier3_price_e4)
       SELECT ${c}, id, '2025-01-01', CASE code WHEN 'mgmt' THEN 25000 WHEN 'garbage' THEN 100000 WHEN 'water' THEN 34500
              WHEN 'power' THEN 5380 ELSE 0 END, IF(code = 'mgmt', 17500, NULL), IF(code = 'water', 2000, NULL),
              IF(code = 'water', 46000, NULL), IF(code = 'water', 3000, NULL), IF(code = 'water', 70000, NULL)
       FROM fee_item WHERE community_id = ${c};
     INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
       SELECT ${c}, u.id, f.id, '2026-09', 100000 + u.id MOD 5000, NULL, 0, '2026-09-25 02:00:00'
       FROM unit u JOIN fee_item f ON f.community_id = ${c} AND f.kind = 'metered' WHERE u.community_id = ${c};
     INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
       SELECT ${c}, u.id, f.id, '2026-10', 100000 + u.id MOD 5000 + 500 + u.id MOD 4000, 100000 + u.id MOD 5000,
              500 + u.id MOD 4000, '2026-10-25 02:00:00'
       FROM unit u JOIN fee_item f ON f.community_id = ${c} AND f.kind = 'metered' WHERE u.community_id = ${c};
     INSERT INTO parking_lease (community_id, unit_id, space_code, start_date, end_date, fee_fen)
       SELECT ${c}, u.id, CONCAT('P', u.id), '2026-01-01', '2026-12-31', 30000 FROM unit u
       WHERE u.community_id = ${c} AND u.id MOD 5 = 0;`);
const setupMs = Date.now() - t0;

const program = path.join(env.WUYE_STATE, 'build', 'cgi-bin', 'jobs', 'wuye-billing');
const run = () => {
    const start = process.hrtime.bigint();
    const out = execFileSync(program, [`--community=${c}`, '--period=2026-10'], {
        env: { ...process.env, WUYE_CONFIG: path.join(env.WUYE_STATE, 'wuye.conf') }, encoding: 'utf8',
    });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, out: out.trim() };
};
const first = run();
const second = run();
const [bills, lines, total] = sql(`SELECT COUNT(DISTINCT b.id), COUNT(*), SUM(l.amount_fen) FROM bill b
    JOIN bill_line l ON l.bill_id = b.id WHERE b.community_id = ${c}`)[0].map(Number);
const mismatched = Number(sqlValue(`SELECT COUNT(*) FROM bill b WHERE b.community_id = ${c} AND b.amount_fen <>
    (SELECT SUM(amount_fen) FROM bill_line l WHERE l.bill_id = b.id)`));

console.log(`billing run benchmark (${new Date().toISOString().slice(0, 10)}, community ${c}, ${N} units; set-up ${setupMs} ms)`);
console.log(`  first run : ${first.ms.toFixed(0).padStart(6)} ms  ${first.out}`);
console.log(`  second run: ${second.ms.toFixed(0).padStart(6)} ms  ${second.out}`);
console.log(`  stored    : ${bills} bills, ${lines} lines, ${(total / 100).toFixed(2)} yuan; bills not equal to their lines: ${mismatched}`);
const ok = first.ms < 10000 && / 0 bills, 0 lines/.test(second.out) && bills === N && mismatched === 0;
console.log(`  target    : ${N} units billed in under 10 s, nothing added by the second run: ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;
