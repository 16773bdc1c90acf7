// The money of 收费 stays right after any sequence of operations: in a community of its
// own, a seeded random sequence of billing runs, one-off bills, payments (partial, exact
// and too large, over one or several bills), reversals, refused second reversals and
// replayed forms runs through the pages, while this test keeps its own account of every
// bill and payment (allocation oldest bill first, as the rules say). After every step the
// database must agree with that account: each bill's paid amount, each bill the sum of its
// lines, the lines' and allocations' sums, each unit's debt = bills - payments + reversals,
// and the receipt numbers one gapless sequence. WUYE_FEE_SEED replays a sequence.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, inputValue, q, signIn, sql, sqlValue, seededRandom, STAFF, uniqueSuffix } from './lib.mjs';

const seed = Number(process.env.WUYE_FEE_SEED || Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.WUYE_FEE_STEPS || 150);
const tag = uniqueSuffix().slice(-6).toUpperCase();
let community;
let jar;
const UNITS = ['C-1-101', 'C-1-102', 'C-1-201', 'C-1-202'];

const random = seededRandom(seed);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[int(0, list.length - 1)];
const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

// The test's own account.
const bills = new Map(); // id -> {unit, period, amount, paid}
const payments = new Map(); // id -> {unit, amount, allocs: Map(billId -> fen), reversed, kind}
const replays = []; // successful payment forms, to send again

before(async () => {
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`FI${tag}`)}, ${q(`收费不变量${tag}`)}, 'Asia/Shanghai')`);
    community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`FI${tag}`)}`));
    const c = community;
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (${c}, 'C', 'C栋', 2);
         SET @b = LAST_INSERT_ID();
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state) VALUES
           ${UNITS.map((u, i) => `(${c}, @b, ${q(u)}, ${u[4]}, ${[88.5, 101.25, 66.05, 140][i]}, 'residence', 'occupied')`).join(', ')};
         INSERT INTO fee_item (community_id, code, name, kind, unit_types, sort) VALUES
           (${c}, 'mgmt', '物业管理费', 'area', 'residence', 10), (${c}, 'garbage', '垃圾费', 'fixed', 'residence', 20),
           (${c}, 'fund', '维修资金', 'oneoff', 'residence', 30);
         INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4)
           SELECT ${c}, id, '2020-01-01', IF(code = 'mgmt', 23300, 150000) FROM fee_item WHERE community_id = ${c};
         INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(`fi-cashier-${tag}`)}, '不变量收费员', ${c}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${c} FROM role r WHERE r.code = 'cashier';`);
    jar = await signIn('staff', `fi-cashier-${tag}`);
});

function unitId(code) {
    return Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${community} AND code = ${q(code)}`));
}

// The bills in the database that the account does not know yet (made by a run or a one-off).
function learnBills() {
    for (const [id, code, period, amount] of sql(`SELECT b.id, u.code, b.period, b.amount_fen FROM bill b
            JOIN unit u ON u.id = b.unit_id WHERE b.community_id = ${community} ORDER BY b.id`)) {
        if (!bills.has(Number(id))) bills.set(Number(id), { unit: code, period, amount: Number(amount), paid: 0 });
    }
}

const owedOf = (b) => b.amount - b.paid;
const openBills = (unit) => [...bills.entries()].filter(([, b]) => b.unit === unit && owedOf(b) > 0);

// Spreads amount over the chosen bills, oldest month first, then by id.
function allocate(ids, amount) {
    const order = ids.map((id) => [id, bills.get(id)]).sort(([ia, a], [ib, b]) =>
        a.period.localeCompare(b.period) || ia - ib);
    const allocs = new Map();
    let left = amount;
    for (const [id, b] of order) {
        const take = Math.min(left, owedOf(b));
        if (take > 0) allocs.set(id, take);
        left -= take;
    }
    assert.equal(left, 0, 'the account never overpays');
    return allocs;
}

function check(step) {
    const where = `step ${step} (WUYE_FEE_SEED=${seed})`;
    const db = new Map(sql(`SELECT b.id, b.amount_fen, b.paid_fen,
            (SELECT COALESCE(SUM(amount_fen), 0) FROM bill_line l WHERE l.bill_id = b.id),
            (SELECT COALESCE(SUM(paid_fen), 0) FROM bill_line l WHERE l.bill_id = b.id),
            (SELECT COALESCE(SUM(amount_fen), 0) FROM payment_alloc a WHERE a.bill_id = b.id)
          FROM bill b WHERE b.community_id = ${community}`).map((r) => [Number(r[0]), r.slice(1).map(Number)]));
    assert.equal(db.size, bills.size, `${where}: the bills`);
    for (const [id, b] of bills) {
        const [amount, paid, lines, linesPaid, allocs] = db.get(id);
        assert.deepEqual({ amount, paid }, { amount: b.amount, paid: b.paid }, `${where}: bill ${id}`);
        assert.equal(lines, amount, `${where}: bill ${id} is the sum of its lines`);
        assert.equal(linesPaid, paid, `${where}: bill ${id} paid = its lines' paid`);
        assert.equal(allocs, paid, `${where}: bill ${id} paid = its allocations`);
    }
    for (const unit of UNITS) {
        const mine = [...bills.values()].filter((b) => b.unit === unit);
        const billed = mine.reduce((s, b) => s + b.amount, 0);
        const paidIn = [...payments.values()].filter((p) => p.unit === unit).reduce((s, p) => s + p.amount, 0);
        const owed = mine.reduce((s, b) => s + owedOf(b), 0);
        assert.equal(owed, billed - paidIn, `${where}: the account itself, ${unit}`);
        const [dbBilled, dbOwed, dbPaid] = sql(`SELECT
              (SELECT COALESCE(SUM(amount_fen), 0) FROM bill WHERE unit_id = u.id),
              (SELECT COALESCE(SUM(amount_fen - paid_fen), 0) FROM bill WHERE unit_id = u.id),
              (SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE unit_id = u.id)
            FROM unit u WHERE u.id = ${unitId(unit)}`)[0].map(Number);
        assert.deepEqual({ dbBilled, dbOwed, dbPaid }, { dbBilled: billed, dbOwed: owed, dbPaid: paidIn }, `${where}: ${unit}`);
        assert.equal(dbOwed, dbBilled - dbPaid, `${where}: ${unit} owes bills - payments + reversals`);
    }
    const numbers = sql(`SELECT receipt_no FROM payment WHERE community_id = ${community} ORDER BY receipt_no`)
        .map(([n]) => Number(n.split('-')[1]));
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${where}: receipt numbers without gaps or repeats`);
    assert.equal(numbers.length, payments.size, `${where}: one receipt per payment and reversal`);
}

async function billingRun(period) {
    const page = await fetchPage('/office/billing', { jar });
    const res = await fetchPage('/office/billing', { jar, form: { csrf: csrfFrom(page.body, '/office/billing'), action: 'run', period } });
    assert.equal(res.status, 303, `run ${period}`);
    learnBills();
}

async function oneOff() {
    const page = await fetchPage('/office/billing', { jar });
    const amount = int(1, 80000);
    const res = await fetchPage('/office/billing', {
        jar, form: { csrf: csrfFrom(page.body, '/office/billing'), action: 'oneoff', unit: pick(UNITS), item: 'fund', amount: yuan(amount) },
    });
    assert.equal(res.status, 303, 'one-off bill');
    learnBills();
    assert.equal(bills.get(Number(res.location.split('=')[1])).amount, amount);
}

async function pay() {
    const withDebt = UNITS.filter((u) => openBills(u).length);
    if (!withDebt.length) return;
    const unit = pick(withDebt);
    const open = openBills(unit);
    const chosen = open.filter(() => random() < 0.6);
    if (!chosen.length) chosen.push(pick(open));
    const ids = chosen.map(([id]) => id);
    const owed = chosen.reduce((s, [, b]) => s + owedOf(b), 0);
    const r = random();
    const amount = r < 0.7 ? int(1, owed) : r < 0.85 ? owed : owed + int(1, 1000);
    const path = `/office/payment?unit=${encodeURIComponent(unit)}`;
    const page = await fetchPage(path, { jar });
    assert.equal(page.status, 200);
    const form = new URLSearchParams({ csrf: csrfFrom(page.body, path), form_key: inputValue(page.body, 'form_key'),
        amount: yuan(amount), method: pick(['cash', 'card', 'transfer', 'wechat', 'alipay']) });
    for (const id of ids) form.append('bill', String(id));
    const res = await fetchPage(path, { jar, form });
    if (amount > owed) {
        assert.equal(res.status, 422, `paying ${amount} of ${owed} is refused`);
        return;
    }
    assert.equal(res.status, 303, `paying ${amount} of ${owed} for bills ${ids}: ${res.body?.slice(0, 300)}`);
    const id = Number(res.location.split('=')[1]);
    const allocs = allocate(ids, amount);
    for (const [billId, fen] of allocs) bills.get(billId).paid += fen;
    payments.set(id, { unit, amount, allocs, reversed: false, kind: 'payment' });
    replays.push({ path, form });
}

async function reverse({ refused = false } = {}) {
    const candidates = [...payments.entries()].filter(([, p]) =>
        refused ? p.reversed || p.kind === 'reversal' : !p.reversed && p.kind === 'payment');
    if (!candidates.length) return;
    const [id, p] = pick(candidates);
    const path = `/office/payment?id=${id}`;
    const page = await fetchPage(path, { jar });
    assert.equal(page.status, 200);
    const res = await fetchPage(path, { jar, form: { csrf: csrfFrom(page.body), action: 'reverse', reason: '收款金额有误，冲正重收' } });
    if (refused) {
        assert.equal(res.status, 409, `reversing ${p.kind} ${id} again is refused`);
        return;
    }
    assert.equal(res.status, 303, `reversing ${id}`);
    const rid = Number(res.location.split('=')[1]);
    p.reversed = true;
    const allocs = new Map();
    for (const [billId, fen] of p.allocs) {
        bills.get(billId).paid -= fen;
        allocs.set(billId, -fen);
    }
    payments.set(rid, { unit: p.unit, amount: -p.amount, allocs, reversed: false, kind: 'reversal' });
}

async function replay() {
    if (!replays.length) return;
    const { path, form } = pick(replays);
    const res = await fetchPage(path, { jar, form });
    assert.equal(res.status, 409, 'a replayed payment form takes nothing');
}

test(`a random sequence of ${STEPS} fee operations keeps every sum right (seed ${seed})`, async () => {
    let month = 0;
    const nextPeriod = () => {
        const y = 2023 + Math.floor(month / 12);
        const m = (month % 12) + 1;
        month++;
        return `${y}-${String(m).padStart(2, '0')}`;
    };
    await billingRun(nextPeriod());
    check(0);
    const counts = {};
    for (let step = 1; step <= STEPS; step++) {
        const r = random();
        const op = r < 0.1 ? 'run' : r < 0.18 ? 'oneoff' : r < 0.68 ? 'pay' : r < 0.84 ? 'reverse' : r < 0.92 ? 'refused' : 'replay';
        counts[op] = (counts[op] || 0) + 1;
        if (op === 'run') await billingRun(nextPeriod());
        else if (op === 'oneoff') await oneOff();
        else if (op === 'pay') await pay();
        else if (op === 'reverse') await reverse();
        else if (op === 'refused') await reverse({ refused: true });
        else await replay();
        check(step);
    }
    assert.ok(payments.size > 10, `payments were made (${JSON.stringify(counts)})`);
});
