// tests/http/reno-fixtures-patrol.mjs: decoration cases, staff, tickets and photos made with
// SQL (rows of schema/0011_renovation.sql) for the patrol, violation, deduction and
// acceptance tests; each case on a fresh unit of its own, so the tests run in any order
// and again on the same stack.
import { randomBytes } from 'node:crypto';
import { insertTickets, q, sql, sqlValue, STAFF, uniqueSuffix } from './lib.mjs';

// The local date (Asia/Shanghai, UTC+8 all year) `days` from today, YYYY-MM-DD.
export function localDate(days = 0) {
    return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

// A staff member of `community` holding `roles` there, with the demo password.
export function patrolStaff(roles, community = 1) {
    const login = `rpt-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, department_id, password_hash)
           SELECT ${q(login)}, ${q(`巡查员${login.slice(-5)}`)}, ${community}, NULL, password_hash
           FROM staff WHERE login = ${q(STAFF)};
         SET @s = LAST_INSERT_ID();
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT @s, r.id, ${community} FROM role r WHERE r.code IN (${roles.map(q).join(', ')});`);
    return { login, id: Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`)) };
}

// A community of its own with one building.
export function otherCommunity() {
    const tag = randomBytes(4).toString('hex').toUpperCase();
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`PT${tag}`)}, ${q(`巡查测试${tag}`)}, 'Asia/Shanghai');
         INSERT INTO building (community_id, code, name, floors) VALUES (LAST_INSERT_ID(), 'A', 'A栋', 6);`);
    return Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`PT${tag}`)}`));
}

// A case on a fresh unit in `state` (default permitted, with a permit since 10 days ago),
// deposit and pass fee in fen. Answers {id, unitCode, permitNo, from, deposit}.
export function patrolCase({ state = 'permitted', deposit = 200000, passFee = 5000, community = 1,
    from = localDate(-10) } = {}) {
    const room = randomBytes(3).toString('hex').toUpperCase();
    const unitCode = `3-P5-${room}`;
    const permitNo = `ZXP${room}`;
    const building = community === 1 ? `(SELECT id FROM building WHERE community_id = 1 AND code = '3')`
        : `(SELECT MIN(id) FROM building WHERE community_id = ${community})`;
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
           VALUES (${community}, ${building}, ${q(unitCode)}, 5, 95.00, 'renovating');
         INSERT INTO renovation (community_id, unit_id, state, source, applicant_name, applicant_phone, company,
           foreman, foreman_phone, planned_start, planned_end, scope, no_structural, workers, deposit_fen,
           pass_fee_fen, permit_no, permit_from, permit_to, prior_unit_state, created_at, updated_at)
         VALUES (${community}, LAST_INSERT_ID(), ${q(state)}, 'counter', '巡查业主', '13800007777', '宏图装饰有限公司',
           '赵工', '13800006666', ${q(from)}, ${q(localDate(60))}, 'walls,lines', 1, 2, ${deposit}, ${passFee},
           ${q(permitNo)}, ${q(from)}, ${q(localDate(60))}, 'occupied', UTC_TIMESTAMP(), UTC_TIMESTAMP());`);
    const id = Number(sqlValue(`SELECT r.id FROM renovation r JOIN unit u ON u.id = r.unit_id
        WHERE u.community_id = ${community} AND u.code = ${q(unitCode)}`));
    return { id, unitCode, permitNo, from, deposit, community };
}

// A complaint ticket of community 1 in `category` (noise, decoration, parking, ...): {id, code}.
export function complaintTicket(category) {
    const t = insertTickets([{ kind: 'complaint', category, place: '3栋', created: `${localDate()} 09:00`,
        status: 'accepted' }], 'reno-patrol');
    return { id: t.ids[0], code: t.codes[0] };
}

// A 1x1 PNG and the start of a JPEG: images by their content.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
