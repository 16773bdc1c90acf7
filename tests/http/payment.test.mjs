// Payments at the counter over HTTP: the payment form and its receipt (收据), partial
// payments spread oldest first, what is refused (overpaying, a replayed form, another
// unit's or community's bill, missing csrf, wrong method, roles), two cashiers racing for
// the same bill, reversals (冲正), the bill page, and the daily settlement (日清) with its
// close and second-person check. Every test makes its own units and bills by SQL; closing
// a day is done by cashiers made here, never by the demo cashier.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';

import {
    csrfFrom, fetchPage, fieldErrors, inputValue, q, raw, signIn, sql, sqlValue, STAFF, textOf, uniqueSuffix,
} from './lib.mjs';

const run = uniqueSuffix().slice(-6).toUpperCase();
let cashier; // 孙丽, the demo cashier
let manager;
let front; // 王芳, frontdesk: may pay, may not reverse
let tech; // technician: neither

// A staff member of our own with role (the demo password), answering {login, id}.
function staffWith(role, community = 1) {
    const login = `pay-${role}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`收款${login.slice(-5)}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = ${q(role)};`);
    return { login, id: Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`)) };
}

// A unit of our own in building 3 of community 1 with an owner, answering {id, code, owner}.
function makeUnit(community = 1) {
    const code = `3-P-${randomBytes(3).toString('hex').toUpperCase()}`;
    const owner = `户主${randomBytes(2).toString('hex')}`;
    sql(`SET @b = (SELECT id FROM building WHERE community_id = ${community} ORDER BY id LIMIT 1);
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
           VALUES (${community}, @b, ${q(code)}, 1, 80.00, 'occupied');
         SET @u = LAST_INSERT_ID();
         INSERT INTO person (community_id, name) VALUES (${community}, ${q(owner)});
         INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
           VALUES (${community}, @u, LAST_INSERT_ID(), 'owner', '2024-01-01');`);
    const id = Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${community} AND code = ${q(code)}`));
    return { id, code, owner };
}

// A period bill of unit with lines [[item code, description, fen], ...]: {id, lines: [ids]}.
function makeBill(unit, period, lines, community = 1) {
    const total = lines.reduce((s, l) => s + l[2], 0);
    sql(`INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (${community}, ${unit.id}, 'period', ${q(period)}, ${q(period)}, ${total}, '2026-01-31', NOW());
         SET @bill = LAST_INSERT_ID();
         ${lines.map(([item, desc, fen]) => `INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, amount_fen)
           VALUES (${community}, @bill, (SELECT id FROM fee_item WHERE community_id = ${community} AND code = ${q(item)}),
           ${q(desc)}, ${fen});`).join('\n')}`);
    const id = Number(sqlValue(`SELECT MAX(id) FROM bill WHERE unit_id = ${unit.id} AND period = ${q(period)}`));
    const lineIds = sql(`SELECT id FROM bill_line WHERE bill_id = ${id} ORDER BY id`).map((r) => Number(r[0]));
    return { id, lines: lineIds };
}

// The payment form of unit: {status, body, csrf, formKey}.
async function openForm(jar, code) {
    const page = await fetchPage(`/office/payment?unit=${encodeURIComponent(code)}`, { jar });
    const out = { status: page.status, body: page.body };
    if (page.status === 200 && /data-form="payment"/.test(page.body)) {
        out.csrf = csrfFrom(page.body, `/office/payment?unit=${code}`);
        out.formKey = inputValue(page.body, 'form_key');
    }
    return out;
}

// Posts a payment (bills: ids; amount: yuan text), opening a fresh form unless given one.
async function pay(jar, code, { bills, amount, method = 'cash', payer = '', csrf = true }, form) {
    const f = form || await openForm(jar, code);
    const body = new URLSearchParams();
    if (csrf) body.append('csrf', f.csrf);
    body.append('form_key', f.formKey);
    for (const b of bills) body.append('bill', String(b));
    body.append('amount', amount);
    body.append('method', method);
    body.append('payer', payer);
    return fetchPage(`/office/payment?unit=${encodeURIComponent(code)}`, { jar, form: body });
}

function paymentId(res) {
    assert.equal(res.status, 303, `303 after a payment, got ${res.status}: ${textOf(res.body).slice(0, 300)}`);
    const m = /^\/office\/payment\?id=(\d+)$/.exec(res.location);
    assert.ok(m, `redirect to the receipt: ${res.location}`);
    return Number(m[1]);
}

function receiptNo(id) {
    return sqlValue(`SELECT receipt_no FROM payment WHERE id = ${id}`);
}

function seq(no) {
    const m = /^SJ(\d{4})-(\d{6})$/.exec(no);
    assert.ok(m, `receipt number SJyyyy-nnnnnn: ${no}`);
    return Number(m[2]);
}

function counts() {
    return sql(`SELECT (SELECT COUNT(*) FROM payment), (SELECT COUNT(*) FROM payment_alloc),
        (SELECT COALESCE(SUM(next_no), 0) FROM receipt_counter), (SELECT COUNT(*) FROM audit_log)`)[0].join('/');
}

function paid(billId) {
    return Number(sqlValue(`SELECT paid_fen FROM bill WHERE id = ${billId}`));
}

function linePaid(lineId) {
    return Number(sqlValue(`SELECT paid_fen FROM bill_line WHERE id = ${lineId}`));
}

// Reverses payment id as jar with reason: the answer.
async function reverse(jar, id, reason = '收错房号，退回重收') {
    const page = await fetchPage(`/office/payment?id=${id}`, { jar });
    assert.equal(page.status, 200);
    return fetchPage(`/office/payment?id=${id}`, {
        jar, form: { csrf: csrfFrom(page.body, '/office/logout'), action: 'reverse', reason },
    });
}

before(async () => {
    [cashier, manager, front, tech] = await Promise.all([
        signIn('staff', 'cashier'), signIn('staff', 'manager'), signIn('staff', STAFF), signIn('staff', 'tech'),
    ]);
});

test('the search form, an unknown unit 404, and the form of a unit with its open bills', async () => {
    const search = await fetchPage('/office/payment', { jar: cashier });
    assert.equal(search.status, 200);
    assert.match(search.body, /name="unit"/);
    const unknown = await fetchPage('/office/payment?unit=9-9-999999', { jar: cashier });
    assert.equal(unknown.status, 404);
    assert.ok(fieldErrors(unknown.body).unit, 'the search form says the unit is unknown');
    assert.equal((await fetchPage('/office/payment?unit=nonsense', { jar: cashier })).status, 422);

    const u = makeUnit();
    const older = makeBill(u, '2031-01', [['mgmt', '物业管理费 80㎡', 20000], ['garbage', '垃圾清运费', 1000]]);
    const newer = makeBill(u, '2031-02', [['mgmt', '物业管理费 80㎡', 20000]]);
    const paidOff = makeBill(u, '2030-12', [['mgmt', '物业管理费', 5000]]);
    sql(`UPDATE bill SET paid_fen = amount_fen WHERE id = ${paidOff.id}; UPDATE bill_line SET paid_fen = amount_fen WHERE bill_id = ${paidOff.id}`);
    const f = await openForm(cashier, u.code);
    assert.equal(f.status, 200);
    assert.match(textOf(f.body), new RegExp(u.owner), 'the owner from the archive');
    assert.match(f.formKey, /^[0-9a-f]{32}$/);
    const boxes = [...f.body.matchAll(/<input type="checkbox" name="bill" value="(\d+)"[^>]*>/g)];
    assert.deepEqual(boxes.map((m) => Number(m[1])), [older.id, newer.id], 'open bills only, oldest first');
    assert.ok(boxes.every((m) => / checked/.test(m[0])), 'all ticked');
    assert.equal(inputValue(f.body, 'amount'), '410.00', 'the amount owed by default');
    assert.match(f.body, /<option value="wechat"/);
    const again = await openForm(cashier, u.code);
    assert.notEqual(again.formKey, f.formKey, 'a fresh form key each time the form is shown');
    assert.equal((await fetchPage(`/office/payment?unit=${u.code}`, { jar: tech })).status, 403);
});

test('a partial payment then the rest: lines and bill paid, consecutive receipt numbers, the receipt', async () => {
    const u = makeUnit();
    const b = makeBill(u, '2031-03', [['mgmt', '物业管理费', 10000], ['garbage', '垃圾清运费', 2345]]);
    const first = paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '50', payer: '张先生' }));
    assert.equal(paid(b.id), 5000);
    assert.equal(linePaid(b.lines[0]), 5000);
    assert.equal(linePaid(b.lines[1]), 0);
    const second = paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '73.45', method: 'wechat' }));
    assert.equal(paid(b.id), 12345);
    assert.equal(linePaid(b.lines[0]), 10000);
    assert.equal(linePaid(b.lines[1]), 2345);
    assert.equal(seq(receiptNo(second)), seq(receiptNo(first)) + 1, 'consecutive receipt numbers');
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM payment_alloc WHERE payment_id = ${second}`), '7345');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'payment_take' AND object_id = ${second}`), '1');

    const r = await fetchPage(`/office/payment?id=${first}`, { jar: cashier });
    assert.equal(r.status, 200);
    assert.match(r.body, new RegExp(`data-receipt-no="${receiptNo(first)}"`));
    const text = textOf(r.body);
    for (const want of ['蓝山花园', '收据', u.code, '张先生', '2031-03', '物业管理费', '50.00', '伍拾元整', '现金', '孙丽', '打印']) {
        assert.ok(text.includes(want), `the receipt shows ${want}`);
    }
    const r2 = textOf((await fetchPage(`/office/payment?id=${second}`, { jar: cashier })).body);
    assert.ok(r2.includes('柒拾叁元肆角伍分') && r2.includes('微信') && r2.includes('垃圾清运费'), 'second receipt');
    const after = await openForm(cashier, u.code);
    assert.match(after.body, /data-no-bills/, 'nothing left to pay');
});

test('a payment over several bills goes to the oldest period first, line by line', async () => {
    const u = makeUnit();
    const later = makeBill(u, '2031-05', [['mgmt', '物业管理费', 10000]]); // made first: the lower id
    const earlier = makeBill(u, '2031-04', [['mgmt', '物业管理费', 6000], ['garbage', '垃圾清运费', 1000]]);
    const id = paymentId(await pay(cashier, u.code, { bills: [later.id, earlier.id], amount: '90.00' }));
    assert.equal(paid(earlier.id), 7000);
    assert.equal(linePaid(earlier.lines[0]), 6000);
    assert.equal(linePaid(earlier.lines[1]), 1000);
    assert.equal(paid(later.id), 2000);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM payment_alloc WHERE payment_id = ${id}`), '3');
    // The unit owes bills minus payments.
    assert.equal(sqlValue(`SELECT SUM(amount_fen - paid_fen) FROM bill WHERE unit_id = ${u.id}`), '8000');
});

test('overpaying, nothing, a bad amount and no bill are 422 and write nothing', async () => {
    const u = makeUnit();
    const b = makeBill(u, '2031-06', [['mgmt', '物业管理费', 10000]]);
    const before = counts();
    const over = await pay(cashier, u.code, { bills: [b.id], amount: '100.01', payer: '李四' });
    assert.equal(over.status, 422);
    assert.ok(fieldErrors(over.body).amount, 'the amount is at fault');
    assert.equal(inputValue(over.body, 'amount'), '100.01', 'the value kept');
    assert.equal(inputValue(over.body, 'payer'), '李四');
    for (const amount of ['0', '-5', '1.234', 'abc', '']) {
        const r = await pay(cashier, u.code, { bills: [b.id], amount });
        assert.equal(r.status, 422, `amount "${amount}"`);
        assert.ok(fieldErrors(r.body).amount, `amount "${amount}" is at fault`);
    }
    const none = await pay(cashier, u.code, { bills: [], amount: '10' });
    assert.equal(none.status, 422);
    assert.ok(fieldErrors(none.body).bill);
    assert.equal(counts(), before, 'no payment, allocation, receipt number or audit row');
    assert.equal(paid(b.id), 0);
});

test('a replayed form 409, no csrf 403, a wrong method 405, bills of another unit 422 or community 404', async () => {
    const u = makeUnit();
    const other = makeUnit();
    const b = makeBill(u, '2031-07', [['mgmt', '物业管理费', 10000]]);
    const ob = makeBill(other, '2031-07', [['mgmt', '物业管理费', 10000]]);
    const f = await openForm(cashier, u.code);
    paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '10' }, f));
    let before = counts();
    const replay = await pay(cashier, u.code, { bills: [b.id], amount: '10' }, f);
    assert.equal(replay.status, 409, 'the same form twice');
    assert.equal(counts(), before);
    assert.equal(paid(b.id), 1000);

    const noCsrf = await pay(cashier, u.code, { bills: [b.id], amount: '10', csrf: false });
    assert.equal(noCsrf.status, 403);
    const put = await raw({ method: 'PUT', path: `/office/payment?unit=${u.code}`, jar: cashier, body: 'x' });
    assert.equal(put.status, 405);
    assert.equal((await fetchPage(`/office/bill?id=${b.id}`, { jar: cashier, form: { csrf: f.csrf } })).status, 405);

    before = counts();
    const mixed = await pay(cashier, u.code, { bills: [b.id, ob.id], amount: '10' });
    assert.equal(mixed.status, 422);
    assert.ok(fieldErrors(mixed.body).bill, 'the bill of another unit is at fault');
    const unknown = await pay(cashier, u.code, { bills: [999999999], amount: '10' });
    assert.equal(unknown.status, 404);
    const badKey = await pay(cashier, u.code, { bills: [b.id], amount: '10' }, { csrf: f.csrf, formKey: 'x'.repeat(32) });
    assert.equal(badKey.status, 400);

    const code = `PX${run}`;
    sql(`INSERT INTO community (code, name) VALUES (${q(code)}, ${q(`外小区${run}`)});
         INSERT INTO building (community_id, code, name) VALUES (LAST_INSERT_ID(), '1', '1栋');`);
    const cid = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(code)}`));
    sql(`INSERT INTO fee_item (community_id, code, name, kind) VALUES (${cid}, 'mgmt', '物业费', 'area')`);
    const far = makeUnit(cid);
    const fb = makeBill(far, '2031-07', [['mgmt', '物业费', 5000]], cid);
    const foreign = await pay(cashier, u.code, { bills: [fb.id], amount: '10' });
    assert.equal(foreign.status, 404);
    assert.equal((await fetchPage(`/office/bill?id=${fb.id}`, { jar: cashier })).status, 404);
    assert.equal((await fetchPage(`/office/payment?unit=${far.code}`, { jar: cashier })).status, 404);
    assert.equal(counts(), before, 'nothing written by any of them');
    assert.equal(paid(fb.id), 0);
});

test('CONCURRENCY: ten payments of the full amount of one bill at once: one is taken, never overpaid', async () => {
    const u = makeUnit();
    const b = makeBill(u, '2031-08', [['mgmt', '物业管理费', 30000], ['garbage', '垃圾清运费', 1000]]);
    const second = staffWith('cashier');
    const other = await signIn('staff', second.login);
    const jars = [cashier, other, manager, cashier, other, manager, cashier, other, manager, cashier];
    const forms = await Promise.all(jars.map((jar) => openForm(jar, u.code)));
    const results = await Promise.all(jars.map((jar, i) => pay(jar, u.code, { bills: [b.id], amount: '310.00' }, forms[i])));
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 303).length, 1, `exactly one taken: ${statuses}`);
    assert.ok(statuses.every((s) => s === 303 || s === 422 || s === 409), `the rest refused: ${statuses}`);
    assert.equal(paid(b.id), 31000, 'paid once');
    assert.equal(sqlValue(`SELECT SUM(paid_fen) FROM bill_line WHERE bill_id = ${b.id}`), '31000');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM payment WHERE unit_id = ${u.id}`), '1');
});

test('CONCURRENCY: ten payments of different bills at once all get distinct numbers; the sequence has no holes', async () => {
    const second = staffWith('cashier');
    const other = await signIn('staff', second.login);
    const units = Array.from({ length: 10 }, () => makeUnit());
    const bills = units.map((u) => makeBill(u, '2031-09', [['mgmt', '物业管理费', 12300]]));
    const jars = units.map((_, i) => [cashier, other, manager][i % 3]);
    const forms = await Promise.all(units.map((u, i) => openForm(jars[i], u.code)));
    const results = await Promise.all(units.map((u, i) => pay(jars[i], u.code, { bills: [bills[i].id], amount: '123' }, forms[i])));
    const ids = results.map(paymentId);
    const numbers = ids.map((id) => receiptNo(id));
    assert.equal(new Set(numbers).size, 10, 'distinct receipt numbers');
    const year = numbers[0].slice(2, 6);
    const all = sql(`SELECT receipt_no FROM payment WHERE community_id = 1 AND receipt_no LIKE ${q(`SJ${year}-%`)}`)
        .map((r) => seq(r[0])).sort((a, b) => a - b);
    assert.deepEqual(all, all.map((_, i) => i + 1), 'the year\'s receipt numbers run 1..N without holes');
    assert.equal(Number(sqlValue(`SELECT next_no FROM receipt_counter WHERE community_id = 1 AND year = ${year}`)), all.length + 1);
    for (const b of bills) assert.equal(paid(b.id), 12300);
});

test('reversal: frontdesk may pay but not reverse; a reversal restores what is owed, once', async () => {
    const u = makeUnit();
    const b = makeBill(u, '2031-10', [['mgmt', '物业管理费', 8000], ['garbage', '垃圾清运费', 2000]]);
    const id = paymentId(await pay(front, u.code, { bills: [b.id], amount: '100', method: 'alipay' }));
    assert.equal(paid(b.id), 10000);
    const page = await fetchPage(`/office/payment?id=${id}`, { jar: front });
    assert.doesNotMatch(page.body, /data-action="reverse"/, 'no reverse form for frontdesk');
    const before = counts();
    assert.equal((await reverse(front, id)).status, 403);
    assert.equal(counts(), before);

    const short = await reverse(cashier, id, 'x');
    assert.equal(short.status, 422);
    assert.ok(fieldErrors(short.body).reason);
    assert.equal(counts(), before);

    const res = await reverse(cashier, id, '重复收款');
    const rid = paymentId(res);
    assert.equal(paid(b.id), 0, 'owed again');
    assert.equal(linePaid(b.lines[0]), 0);
    assert.equal(linePaid(b.lines[1]), 0);
    const [kind, amount, reverses, note] = sql(`SELECT kind, amount_fen, reverses_id, note FROM payment WHERE id = ${rid}`)[0];
    assert.deepEqual([kind, amount, Number(reverses), note], ['reversal', '-10000', id, '重复收款']);
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM payment_alloc WHERE payment_id = ${rid}`), '-10000');
    assert.equal(seq(receiptNo(rid)) > seq(receiptNo(id)), true, 'its own receipt number');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'payment_reverse' AND object_id = ${rid}`), '1');

    const orig = await fetchPage(`/office/payment?id=${id}`, { jar: cashier });
    assert.match(textOf(orig.body), new RegExp(`已冲正.*${receiptNo(rid)}`));
    assert.match(orig.body, /data-state="reversed"/);
    const red = await fetchPage(`/office/payment?id=${rid}`, { jar: cashier });
    assert.match(textOf(red.body), /红字/);
    assert.match(textOf(red.body), /负壹佰元整/);
    assert.match(textOf(red.body), new RegExp(receiptNo(id)));

    const n = counts();
    assert.equal((await reverse(manager, id)).status, 409, 'a second reversal');
    assert.equal((await reverse(manager, rid)).status, 409, 'reversing a reversal');
    assert.equal(counts(), n);
    assert.equal(sqlValue(`SELECT SUM(amount_fen - paid_fen) FROM bill WHERE unit_id = ${u.id}`),
        sqlValue(`SELECT (SELECT SUM(amount_fen) FROM bill WHERE unit_id = ${u.id}) - (SELECT SUM(amount_fen) FROM payment WHERE unit_id = ${u.id})`),
        'owed = bills - payments (reversals negative)');
    // Paid again after the reversal.
    paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '100' }));
    assert.equal(paid(b.id), 10000);
});

test('the bill page: lines, total, paid, owed, every payment and reversal; who may see it', async () => {
    const u = makeUnit();
    const b = makeBill(u, '2031-11', [['mgmt', '物业管理费 80㎡', 16000], ['garbage', '垃圾清运费', 1000]]);
    sql(`UPDATE bill_line SET quantity_c = 8000, price_e4 = 20000 WHERE id = ${b.lines[0]}`);
    const p1 = paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '50' }));
    const r1 = paymentId(await reverse(cashier, p1, '金额有误'));
    const p2 = paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '60' }));
    const page = await fetchPage(`/office/bill?id=${b.id}`, { jar: cashier });
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    for (const want of [u.code, '2031-11', '物业管理费', '80', '2.00', '160.00', '垃圾清运费', '170.00', '60.00', '110.00', '孙丽']) {
        assert.ok(text.includes(want), `the bill page shows ${want}`);
    }
    assert.match(page.body, /data-owed="110.00"/);
    assert.match(page.body, /data-total="170.00"/);
    for (const id of [p1, r1, p2]) {
        assert.match(page.body, new RegExp(`href="/office/payment\\?id=${id}">${receiptNo(id)}<`));
    }
    assert.match(page.body, new RegExp(`href="/office/payment\\?unit=${u.code}"[^>]*data-pay-link`));
    assert.equal((await fetchPage(`/office/bill?id=${b.id}`, { jar: tech })).status, 403);
    assert.equal((await fetchPage('/office/bill?id=999999999', { jar: cashier })).status, 404);
    assert.equal((await fetchPage(`/office/payment?id=${p1}`, { jar: tech })).status, 403);
});

test('settlement: the day lists and sums by method; closed it takes nothing; checked by another person', async () => {
    const mine = staffWith('cashier');
    const me = await signIn('staff', mine.login);
    const u = makeUnit();
    const b = makeBill(u, '2031-12', [['mgmt', '物业管理费', 50000]]);
    const p1 = paymentId(await pay(me, u.code, { bills: [b.id], amount: '100', method: 'cash' }));
    const p2 = paymentId(await pay(me, u.code, { bills: [b.id], amount: '25.50', method: 'wechat' }));
    const p3 = paymentId(await pay(me, u.code, { bills: [b.id], amount: '30', method: 'cash' }));
    paymentId(await reverse(me, p3, '收错金额'));

    const day = await fetchPage('/office/settlement', { jar: me });
    assert.equal(day.status, 200);
    assert.match(day.body, /data-state="open"/);
    assert.match(day.body, /<tr data-method="cash"><td>现金<\/td><td class="num">3<\/td><td class="num" data-sum>100.00</);
    assert.match(day.body, /<tr data-method="wechat"><td>微信<\/td><td class="num">1<\/td><td class="num" data-sum>25.50</);
    assert.match(day.body, /data-grand-total>125.50</);
    for (const id of [p1, p2, p3]) assert.match(day.body, new RegExp(receiptNo(id)));
    const today = /data-day="(\d{4}-\d\d-\d\d)"/.exec(day.body)[1];

    // Checking an open day, and one's own day, are refused.
    const other = await signIn('staff', staffWith('cashier').login);
    const otherView = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`, { jar: other });
    assert.equal(otherView.status, 200);
    const checkOpen = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`, {
        jar: other, form: { csrf: csrfFrom(otherView.body, '/office/logout'), action: 'check', note: '' },
    });
    assert.equal(checkOpen.status, 409);
    const csrf = csrfFrom(day.body, '/office/logout');
    assert.equal((await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`,
        { jar: other, form: { csrf: csrfFrom(otherView.body, '/office/logout'), action: 'close' } })).status, 403,
    'closing another cashier\'s day');

    const close = await fetchPage(`/office/settlement?day=${today}`, { jar: me, form: { csrf, action: 'close' } });
    assert.equal(close.status, 303);
    const [closedCount, closedTotal] = sql(`SELECT closed_count, closed_total_fen FROM settlement
        WHERE staff_id = ${mine.id} AND day = ${q(today)} AND closed_at IS NOT NULL`)[0];
    assert.deepEqual([closedCount, closedTotal], ['4', '12550']);
    assert.equal((await fetchPage(`/office/settlement?day=${today}`, { jar: me, form: { csrf, action: 'close' } })).status, 409);

    const before = counts();
    const refused = await pay(me, u.code, { bills: [b.id], amount: '1' });
    assert.equal(refused.status, 409);
    assert.match(textOf(refused.body), /今日已日清/);
    assert.equal((await reverse(me, p1)).status, 409);
    assert.equal(counts(), before);

    const own = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`,
        { jar: me, form: { csrf, action: 'check', note: '自己复核' } });
    assert.equal(own.status, 403);
    const check = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`, {
        jar: manager, form: { csrf: csrfFrom((await fetchPage('/office/settlement', { jar: manager })).body, '/office/logout'), action: 'check', note: '现金已点清' },
    });
    assert.equal(check.status, 303);
    assert.equal(Number(sqlValue(`SELECT checked_by FROM settlement WHERE staff_id = ${mine.id} AND day = ${q(today)}`)),
        Number(sqlValue("SELECT id FROM staff WHERE login = 'manager'")));
    const again = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`, {
        jar: other, form: { csrf: csrfFrom(otherView.body, '/office/logout'), action: 'check', note: '' },
    });
    assert.equal(again.status, 409, 'checked once');
    const shown = await fetchPage(`/office/settlement?day=${today}&staff=${mine.id}`, { jar: manager });
    assert.match(shown.body, /data-state="checked"/);
    assert.match(textOf(shown.body), /现金已点清/);
    assert.match(shown.body, new RegExp(`data-staff-id="${mine.id}" data-day="${today}" data-state="checked"`), 'in the recent days');

    // Another person's payments still go in: the demo cashier's day stays open.
    paymentId(await pay(cashier, u.code, { bills: [b.id], amount: '1' }));
    assert.equal((await fetchPage(`/office/settlement?staff=${mine.id}`, { jar: tech })).status, 403);
    assert.equal((await fetchPage('/office/settlement?staff=999999999', { jar: manager })).status, 404);
});
