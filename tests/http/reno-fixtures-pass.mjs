// tests/http/reno-fixtures-pass.mjs: decoration cases, patrols, violations and staff made
// with SQL (rows of schema/0011_renovation.sql) for the worker-pass and inspector's-day
// tests, each on a fresh unit of its own so the tests run in any order and again.
import { randomBytes } from 'node:crypto';
import { q, sql, sqlValue, STAFF, uniqueSuffix } from './lib.mjs';

// The local date (Asia/Shanghai, UTC+8 all year) `days` from today, YYYY-MM-DD.
export function shanghaiDate(days = 0) {
    return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

// A staff member of community `community` holding `roles` there (the demo password).
export function staffWith(roles, community = 1, tag = 'rp') {
    const login = `${tag}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, department_id, password_hash)
           SELECT ${q(login)}, ${q(`巡查${login.slice(-6)}`)}, ${community}, NULL, password_hash
           FROM staff WHERE login = ${q(STAFF)};
         SET @s = LAST_INSERT_ID();
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT @s, r.id, ${community} FROM role r WHERE r.code IN (${roles.map(q).join(', ')});`);
    return { login, id: Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`)) };
}

// A community of its own with one building, for the "another community's" checks.
export function makeCommunity() {
    const tag = randomBytes(4).toString('hex').toUpperCase();
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`RP${tag}`)}, ${q(`出入证测试${tag}`)}, 'Asia/Shanghai');
         SET @c = LAST_INSERT_ID();
         INSERT INTO building (community_id, code, name, floors) VALUES (@c, 'A', 'A栋', 6);`);
    return Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`RP${tag}`)}`));
}

// A case on a fresh unit: state (default permitted), workers, the permit's dates (default
// from 10 days ago to 60 days on). Answers {id, unitId, unitCode, permitNo, from, to}.
export function makeCase({ state = 'permitted', workers = 3, from = shanghaiDate(-10), to = shanghaiDate(60),
    community = 1, company = '安居装饰有限公司' } = {}) {
    const room = randomBytes(3).toString('hex').toUpperCase();
    const unitCode = `3-R4-${room}`;
    const permitNo = `ZXT${room}`;
    const building = community === 1 ? `(SELECT id FROM building WHERE community_id = 1 AND code = '3')`
        : `(SELECT MIN(id) FROM building WHERE community_id = ${community})`;
    const permitted = !['submitted', 'returned', 'approved', 'refused', 'withdrawn'].includes(state);
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
           VALUES (${community}, ${building}, ${q(unitCode)}, 9, 90.00, ${permitted ? "'renovating'" : "'occupied'"});
         SET @u = LAST_INSERT_ID();
         INSERT INTO renovation (community_id, unit_id, state, source, applicant_name, applicant_phone, company,
           foreman, foreman_phone, planned_start, planned_end, scope, no_structural, workers, deposit_fen,
           pass_fee_fen, permit_no, permit_from, permit_to, prior_unit_state, created_at, updated_at)
         VALUES (${community}, @u, ${q(state)}, 'counter', '测试业主', '13800009999', ${q(company)}, '李工',
           '13800008888', ${q(from)}, ${q(to)}, 'walls,floors', 1, ${workers}, 200000, 5000,
           ${permitted ? q(permitNo) : 'NULL'}, ${permitted ? q(from) : 'NULL'}, ${permitted ? q(to) : 'NULL'},
           ${permitted ? "'occupied'" : 'NULL'}, UTC_TIMESTAMP(), UTC_TIMESTAMP());`);
    const unitId = Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${community} AND code = ${q(unitCode)}`));
    const id = Number(sqlValue(`SELECT id FROM renovation WHERE unit_id = ${unitId}`));
    return { id, unitId, unitCode, permitNo, from, to, community };
}

// A patrol of case c on the local date `daysAgo` days back, by staff member staffId.
export function addPatrol(c, daysAgo, staffId, result = 'ok') {
    sql(`INSERT INTO renovation_patrol (renovation_id, community_id, patrol_date, staff_id, result, findings, created_at)
         VALUES (${c.id}, ${c.community}, ${q(shanghaiDate(-daysAgo))}, ${staffId}, ${q(result)}, '现场正常', UTC_TIMESTAMP())`);
}

// A violation notice of case c with deadline `days` from today (negative: past), state open.
export function addViolation(c, days, staffId, state = 'open') {
    const no = `WZT${randomBytes(3).toString('hex').toUpperCase()}`;
    sql(`INSERT INTO renovation_violation (renovation_id, community_id, notice_no, rule, detail, deadline, state,
           issued_by, issued_at)
         VALUES (${c.id}, ${c.community}, ${q(no)}, '擅自拆改承重墙', '', ${q(shanghaiDate(days))}, ${q(state)},
           ${staffId}, UTC_TIMESTAMP())`);
    return { id: Number(sqlValue(`SELECT id FROM renovation_violation WHERE notice_no = ${q(no)}`)), no };
}

// A valid 18-character ID number (check digit by ISO 7064 MOD 11-2) born on birth (YYYYMMDD).
export function idNumber(area = '320102', birth = '19880512', seq = String(100 + Math.floor(Math.random() * 899))) {
    const body = `${area}${birth}${seq}`;
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
    return body + '10X98765432'[sum % 11];
}

// The same number with its check character changed to a wrong one.
export function wrongCheck(id) {
    const good = id[17];
    return id.slice(0, 17) + (good === '0' ? '1' : '0');
}
