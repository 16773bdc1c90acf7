// Fixtures of the decoration money tests (审批与收费, 许可证, 退款): a community of the test's
// own with staff of given roles, a fresh unit with a submitted case made by SQL (until the
// application pages exist), and the case's passes and deductions written as the pass and
// patrol parts would. Every helper makes new rows; nothing is shared between tests.
import { randomBytes } from 'node:crypto';

import { csrfFrom, fetchPage, inputValue, q, signIn, sql, sqlValue, STAFF, uniqueSuffix } from './lib.mjs';

// A community of its own (no reno_* fee items yet: the money part adds them) with one
// building and an office phone: {id, code, phone}.
export function makeCommunity(tag = 'RM') {
    const code = `${tag}${uniqueSuffix().slice(-8).toUpperCase()}`.slice(0, 20);
    const phone = '025-8888 6666';
    sql(`INSERT INTO community (code, name, time_zone, phone) VALUES (${q(code)}, ${q(`装修收费${code.slice(-6)}`)}, 'Asia/Shanghai', ${q(phone)});
         SET @c = LAST_INSERT_ID();
         INSERT INTO building (community_id, code, name, floors) VALUES (@c, 'A', 'A栋', 6);`);
    return { id: Number(sqlValue(`SELECT id FROM community WHERE code = ${q(code)}`)), code, phone };
}

// A staff member of community with roles (codes), the demo password: {login, id}.
export function staffWith(community, roles, tag = 'rm') {
    const login = `${tag}-${roles.join('-')}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`装修${login.slice(-5)}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         SET @s = LAST_INSERT_ID();
         ${roles.map((r) => `INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT @s, id, ${community} FROM role WHERE code = ${q(r)};`).join('\n')}`);
    return { login, id: Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`)) };
}

// The same, signed in over HTTP: {login, id, jar}.
export async function staffIn(community, roles, tag = 'rm') {
    const s = staffWith(community, roles, tag);
    return { ...s, jar: await signIn('staff', s.login) };
}

// The planned dates of the cases made here, from the day the tests run (a permit may not
// start over 30 days back): start in 9 days, end 89 days later.
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
export const PLANNED = { start: day(9), end: day(98) };

// A fresh occupied unit of community with a submitted case of `workers` workers:
// {unitId, unitCode, id} (id: the case).
export function makeCase(community, { workers = 4, unitState = 'occupied' } = {}) {
    const unitCode = `A-1-${randomBytes(3).toString('hex').toUpperCase()}`;
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
           VALUES (${community}, (SELECT MIN(id) FROM building WHERE community_id = ${community}), ${q(unitCode)}, 1, 90.00, ${q(unitState)});
         SET @u = LAST_INSERT_ID();
         INSERT INTO renovation (community_id, unit_id, state, source, applicant_name, applicant_phone, company, foreman,
           foreman_phone, planned_start, planned_end, scope, description, no_structural, workers, created_at, updated_at)
           VALUES (${community}, @u, 'submitted', 'counter', '钱业主', '13900001111', '金螳螂家装', '周师傅', '13900002222',
           ${q(PLANNED.start)}, ${q(PLANNED.end)}, 'walls,floors,lines', '全屋翻新', 1, ${workers}, NOW(), NOW());
         SET @r = LAST_INSERT_ID();
         INSERT INTO renovation_step (renovation_id, action, from_state, to_state, at) VALUES (@r, 'submit', '', 'submitted', NOW());`);
    const unitId = Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${community} AND code = ${q(unitCode)}`));
    const id = Number(sqlValue(`SELECT MAX(id) FROM renovation WHERE unit_id = ${unitId}`));
    return { unitId, unitCode, id };
}

// The case row as the tests check it.
export function caseRow(id) {
    const [state, version, deposit, passFee, bill, permit, prior, refundBill, refundPayment, refundFen] = sql(
        `SELECT state, version, deposit_fen, pass_fee_fen, charge_bill_id, permit_no, prior_unit_state, refund_bill_id,
           refund_payment_id, refund_fen FROM renovation WHERE id = ${id}`)[0];
    const n = (v) => (v === null || v === 'NULL' ? null : Number(v));
    return { state, version: Number(version), deposit: n(deposit), passFee: n(passFee), bill: n(bill),
        permit: permit === 'NULL' ? null : permit, prior, refundBill: n(refundBill), refundPayment: n(refundPayment),
        refundFen: n(refundFen) };
}

// The money tab: {status, body, csrf, version, formKey}.
export async function openMoney(jar, id) {
    const page = await fetchPage(`/office/renovation-money?id=${id}`, { jar });
    const out = { status: page.status, body: page.body };
    if (page.status === 200) {
        out.csrf = csrfFrom(page.body);
        out.version = Number(/data-version="(\d+)"/.exec(page.body)[1]);
        out.formKey = inputValue(page.body, 'form_key');
    }
    return out;
}

// Posts action with fields to the money tab of case id, from a freshly opened page unless
// `page` is given; answers the response.
export async function postMoney(jar, id, action, fields = {}, page) {
    const p = page || await openMoney(jar, id);
    const form = new URLSearchParams({ csrf: p.csrf, action, version: String(p.version) });
    if (action === 'refund' && p.formKey) form.set('form_key', p.formKey);
    for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) { form.delete(k); for (const x of v) form.append(k, x); } else form.set(k, String(v));
    }
    return fetchPage(`/office/renovation-money?id=${id}`, { jar, method: 'POST', body: form.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

// Pays `yuan` on bill at the payment page as the cashier.
export async function payBill(jar, unitCode, bill, yuan) {
    const page = await fetchPage(`/office/payment?unit=${encodeURIComponent(unitCode)}`, { jar });
    const form = new URLSearchParams({ csrf: csrfFrom(page.body, `/office/payment?unit=${unitCode}`),
        form_key: inputValue(page.body, 'form_key'), bill: String(bill), amount: yuan, method: 'cash', payer: '钱业主' });
    return fetchPage(`/office/payment?unit=${encodeURIComponent(unitCode)}`, { jar, method: 'POST', body: form.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

// Passes of case id in the given states (e.g. ['returned', 'lost']), issued by staffId.
export function addPasses(community, id, staffId, states) {
    for (const state of states) {
        const no = `CR${randomBytes(4).toString('hex').toUpperCase()}`;
        sql(`INSERT INTO renovation_pass (renovation_id, community_id, pass_no, name, id_masked, valid_from, valid_to,
               state, issued_by, issued_at, closed_by, closed_at)
             VALUES (${id}, ${community}, ${q(no)}, '施工员', '3201**********1234', ${q(PLANNED.start)}, ${q(PLANNED.end)}, ${q(state)},
               ${staffId}, NOW(), ${state === 'issued' ? 'NULL' : staffId}, ${state === 'issued' ? 'NULL' : 'NOW()'})`);
    }
}

// A deduction of fen from the deposit of case id with reason.
export function addDeduction(id, staffId, fen, reason) {
    sql(`INSERT INTO renovation_deduction (renovation_id, amount_fen, reason, staff_id, at)
         VALUES (${id}, ${fen}, ${q(reason)}, ${staffId}, NOW())`);
}
