// The billing run (出账) over HTTP, in a community of its own so that nothing else bills
// it: every line of every bill is computed here independently from the rows the test made
// (areas, rates with a change of price, vacant units, tiered water, parking leases, paid
// repairs) and compared with what the run stored; a second run and five simultaneous runs
// make nothing twice; one-off bills; and what the page refuses.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, fieldErrors, errorStatus, q, signIn, sql, sqlValue, STAFF, textOf, uniqueSuffix } from './lib.mjs';

const tag = uniqueSuffix().slice(-6).toUpperCase();
let community;
let units; // code -> {id, area_c, state, type}
let items; // code -> id
let cashier, desk, tech; // jars
let ticketIds = [];

// Staff of the test community holding role, signed in (the demo password).
async function staffIn(role) {
    const login = `bill-${role}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`出账${role}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = ${q(role)};`);
    return signIn('staff', login);
}

// ROUND(q * p / 10000), halves away from zero, on integers.
function amount(qc, pe4) {
    const x = BigInt(qc) * BigInt(pe4);
    return Number(x >= 0n ? (x + 5000n) / 10000n : -((-x + 5000n) / 10000n));
}

function tiered(usage, r) {
    let e6 = 0n;
    const u = BigInt(usage);
    const t2 = BigInt(r.t2 || 0), t3 = BigInt(r.t3 || 0);
    const firstEnd = t2 > 0n ? t2 : t3 > 0n ? t3 : u;
    e6 += (u < firstEnd ? u : firstEnd) * BigInt(r.p);
    if (t2 > 0n && u > t2) {
        const end2 = t3 > t2 ? t3 : u;
        e6 += ((u < end2 ? u : end2) - t2) * BigInt(r.p2);
    }
    if (t3 > 0n && u > t3) e6 += (u - t3) * BigInt(r.p3);
    return Number((e6 + 5000n) / 10000n);
}

const RATES = {
    mgmt: [{ from: '2025-01-01', p: 25000, vacant: 17500 }, { from: '2025-06-01', p: 28000, vacant: 19600 }],
    garbage: [{ from: '2025-01-01', p: 100000 }],
    water: [{ from: '2025-01-01', p: 34500, t2: 2000, p2: 46000, t3: 3000, p3: 70000 }],
};

function rateOn(code, period) {
    return RATES[code].filter((r) => r.from <= `${period}-01`).at(-1);
}

before(async () => {
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`BT${tag}`)}, ${q(`出账测试${tag}`)}, 'Asia/Shanghai')`);
    community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`BT${tag}`)}`));
    const c = community;
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (${c}, 'A', 'A栋', 6);
         SET @b = LAST_INSERT_ID();
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state) VALUES
           (${c}, @b, 'A-1-101', 1, 89.50, 'residence', 'occupied'),
           (${c}, @b, 'A-1-102', 1, 120.33, 'residence', 'vacant'),
           (${c}, @b, 'A-1-103', 1, 0.05, 'residence', 'unsold'),
           (${c}, @b, 'A-1-104', 1, 45.25, 'shop', 'occupied'),
           (${c}, @b, 'A-1-105', 1, 12.00, 'parking', 'occupied');
         INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort) VALUES
           (${c}, 'mgmt', '物业管理费', 'area', '', 'residence,shop', 10),
           (${c}, 'garbage', '垃圾清运费', 'fixed', '', 'residence', 20),
           (${c}, 'water', '水费', 'metered', '吨', 'residence,shop', 30),
           (${c}, 'parking', '车位费', 'parking', '', 'parking', 40),
           (${c}, 'repair', '有偿维修费', 'oneoff', '', 'residence,shop', 50),
           (${c}, 'fund', '维修资金', 'oneoff', '', 'residence,shop', 60),
           (${c}, 'old', '停用项目', 'fixed', '', 'residence', 70);
         UPDATE fee_item SET active = 0 WHERE community_id = ${c} AND code = 'old';`);
    units = Object.fromEntries(sql(`SELECT code, id, ROUND(area_m2 * 100), state, type FROM unit WHERE community_id = ${c}`)
        .map(([code, id, area, state, type]) => [code, { id: Number(id), area: Number(area), state, type }]));
    items = Object.fromEntries(sql(`SELECT code, id FROM fee_item WHERE community_id = ${c}`).map(([k, v]) => [k, Number(v)]));
    const rate = (code, r) => `(${c}, ${items[code]}, ${q(r.from)}, ${r.p}, ${r.vacant ?? 'NULL'}, ${r.t2 ?? 'NULL'},
        ${r.p2 ?? 'NULL'}, ${r.t3 ?? 'NULL'}, ${r.p3 ?? 'NULL'})`;
    sql(`INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, tier2_from_c,
           tier2_price_e4, tier3_from_c, tier3_price_e4) VALUES
           ${[...RATES.mgmt.map((r) => rate('mgmt', r)), rate('garbage', RATES.garbage[0]), rate('water', RATES.water[0]),
        rate('old', { from: '2025-01-01', p: 999900 })].join(', ')}`);
    // Water: 101 starts in April, uses 21.50 t in May (tier 2) and 35.25 t in June (tier 3);
    // 102 has only a first reading (nothing to bill).
    sql(`INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at) VALUES
           (${c}, ${units['A-1-101'].id}, ${items.water}, '2025-04', 100000, NULL, 0, '2025-04-25 02:00:00'),
           (${c}, ${units['A-1-101'].id}, ${items.water}, '2025-05', 102150, 100000, 2150, '2025-05-25 02:00:00'),
           (${c}, ${units['A-1-101'].id}, ${items.water}, '2025-06', 105675, 102150, 3525, '2025-06-25 02:00:00'),
           (${c}, ${units['A-1-102'].id}, ${items.water}, '2025-05', 5000, NULL, 0, '2025-05-25 02:00:00');
         INSERT INTO parking_lease (community_id, unit_id, space_code, start_date, end_date, fee_fen) VALUES
           (${c}, ${units['A-1-105'].id}, 'P-01', '2025-01-01', '2025-12-31', 25000),
           (${c}, ${units['A-1-101'].id}, 'P-02', '2025-03-01', '2025-05-15', 30000);
         INSERT INTO ticket_category (community_id, kind, code, name) VALUES (${c}, 'repair', 'water', '水电');
         SET @cat = LAST_INSERT_ID();
         SET @by = (SELECT id FROM staff WHERE login = ${q(STAFF)});
         INSERT INTO ticket (community_id, code, kind, category_id, location, unit_id, description, channel,
           created_by_kind, created_by_id, status, created_at, updated_at, completed_at, charge_fen) VALUES
           (${c}, ${q(`R${tag}1`)}, 'repair', @cat, 'home', ${units['A-1-104'].id}, '换龙头', 'phone', 'staff', @by,
            'closed', '2025-05-18 01:00:00', '2025-05-20 01:00:00', '2025-05-20 01:00:00', 8050),
           (${c}, ${q(`R${tag}2`)}, 'repair', @cat, 'home', ${units['A-1-101'].id}, '修门锁', 'phone', 'staff', @by,
            'completed', '2025-05-31 15:00:00', '2025-05-31 16:30:00', '2025-05-31 16:30:00', 12000),
           (${c}, ${q(`R${tag}3`)}, 'repair', @cat, 'home', ${units['A-1-102'].id}, '未完成', 'phone', 'staff', @by,
            'in_progress', '2025-05-10 01:00:00', '2025-05-10 01:00:00', NULL, 5000);`);
    ticketIds = sql(`SELECT id FROM ticket WHERE community_id = ${c} ORDER BY code`).map(([id]) => Number(id));
    cashier = await staffIn('cashier');
    desk = await staffIn('frontdesk');
    tech = await staffIn('technician');
});

// The lines a run for period must make for each unit, computed from the rows above.
function expectedLines(period, { lateWaterMay = false } = {}) {
    const out = {};
    const add = (code, line) => (out[code] ||= []).push(line);
    for (const [code, u] of Object.entries(units)) {
        if (u.type === 'parking') continue;
        if (u.area > 0) {
            const r = rateOn('mgmt', period);
            const p = ['vacant', 'unsold'].includes(u.state) ? r.vacant : r.p;
            add(code, { item: 'mgmt', q: u.area, p, amount: amount(u.area, p) });
        }
        if (u.type === 'residence') add(code, { item: 'garbage', q: 100, p: 100000, amount: 1000 });
    }
    const w = rateOn('water', period);
    if (period === '2025-05') add('A-1-101', { item: 'water', q: 2150, p: w.p, amount: tiered(2150, w) });
    if (period === '2025-06') {
        add('A-1-101', { item: 'water', q: 3525, p: w.p, amount: tiered(3525, w) });
        if (lateWaterMay) add('A-1-104', { item: 'water', q: 1200, p: w.p, amount: tiered(1200, w) });
    }
    add('A-1-105', { item: 'parking', q: 100, p: 25000 * 100, amount: 25000 });
    if (period === '2025-05') {
        add('A-1-101', { item: 'parking', q: 100, p: 30000 * 100, amount: 30000 });
        // R1 completed 20 May; R2 at 00:30 on 1 June Shanghai time: not May's.
        add('A-1-104', { item: 'repair', q: null, p: null, amount: 8050 });
    }
    if (period === '2025-06') add('A-1-101', { item: 'repair', q: null, p: null, amount: 12000 });
    return out;
}

function storedLines(period) {
    const rows = sql(`SELECT u.code, f.code, l.quantity_c, l.price_e4, l.amount_fen FROM bill_line l
        JOIN bill b ON b.id = l.bill_id JOIN unit u ON u.id = b.unit_id LEFT JOIN fee_item f ON f.id = l.fee_item_id
        WHERE b.community_id = ${community} AND b.period = ${q(period)} AND b.kind = 'period' ORDER BY u.code, l.id`);
    const out = {};
    for (const [code, item, qc, p, a] of rows) {
        (out[code] ||= []).push({ item, q: qc === null ? null : Number(qc), p: p === null ? null : Number(p), amount: Number(a) });
    }
    return out;
}

const byItem = (lines) => [...lines].sort((a, b) => a.item.localeCompare(b.item));

function assertPeriod(period, opts) {
    const want = expectedLines(period, opts);
    const got = storedLines(period);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${period}: the units billed`);
    for (const code of Object.keys(want)) assert.deepEqual(byItem(got[code]), byItem(want[code]), `${period} ${code}`);
    // Every bill is the sum of its lines; one bill per unit and month.
    const bad = sql(`SELECT b.id FROM bill b WHERE b.community_id = ${community} AND b.amount_fen <>
        (SELECT COALESCE(SUM(l.amount_fen), 0) FROM bill_line l WHERE l.bill_id = b.id)`);
    assert.deepEqual(bad, [], 'bill amount = sum of its lines');
    const twice = sql(`SELECT unit_id FROM bill WHERE community_id = ${community} AND kind = 'period'
        GROUP BY unit_id, period HAVING COUNT(*) > 1`);
    assert.deepEqual(twice, [], 'one bill per unit and month');
}

async function runBilling(jar, period) {
    const page = await fetchPage('/office/billing', { jar });
    assert.equal(page.status, 200);
    return fetchPage('/office/billing', { jar, form: { csrf: csrfFrom(page.body, '/office/billing'), action: 'run', period } });
}

test('a run bills every unit with the rate of the month, vacancy, tiers, leases and paid repairs', async () => {
    const res = await runBilling(cashier, '2025-05');
    assert.equal(res.status, 303);
    assert.match(res.location, /^\/office\/billing\?period=2025-05&run=\d+$/);
    assertPeriod('2025-05');
    const page = await fetchPage(res.location, { jar: cashier });
    const text = textOf(page.body);
    const bills = Object.keys(expectedLines('2025-05')).length;
    assert.match(text, new RegExp(`已为 2025-05 生成 ${bills} 张账单`));
    const total = Object.values(expectedLines('2025-05')).flat().reduce((s, l) => s + l.amount, 0);
    assert.match(page.body, new RegExp(`data-period="2025-05" data-amount-fen="${total}" data-paid-fen="0"`));
    assert.equal(Number(sqlValue(`SELECT total_fen FROM billing_run WHERE id = ${res.location.split('run=')[1]}`)), total);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'billing_run' AND object_id =
        ${res.location.split('run=')[1]}`)), 1, 'the run is audited');
});

test('a second run of the same month adds nothing; a late reading goes on the next bill', async () => {
    const before = sqlValue(`SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.community_id = ${community}`);
    // A May reading for the shop entered after May was billed.
    sql(`INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
         VALUES (${community}, ${units['A-1-104'].id}, ${items.water}, '2025-05', 1200, 0, 1200, '2025-06-02 02:00:00')`);
    const res = await runBilling(cashier, '2025-05');
    assert.equal(res.status, 303);
    const page = await fetchPage(res.location, { jar: cashier });
    assert.match(page.body, /data-run-bills="0"/);
    assert.match(textOf(page.body), /2025-05 没有新的账单/);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.community_id = ${community}`), before);
    assertPeriod('2025-05');
    assert.equal((await runBilling(cashier, '2025-06')).status, 303);
    assertPeriod('2025-06', { lateWaterMay: true });
    assertPeriod('2025-05');
});

test('five runs of one month at the same moment make each bill once', async () => {
    const jars = await Promise.all([cashier, cashier, cashier, cashier, cashier]);
    const pages = await Promise.all(jars.map((jar) => fetchPage('/office/billing', { jar })));
    const results = await Promise.all(pages.map((p, i) => fetchPage('/office/billing', {
        jar: jars[i], form: { csrf: csrfFrom(p.body, '/office/billing'), action: 'run', period: '2025-07' },
    })));
    for (const r of results) assert.equal(r.status, 303);
    const made = sql(`SELECT bills_created FROM billing_run WHERE community_id = ${community} AND period = '2025-07'`)
        .map(([n]) => Number(n));
    assert.equal(made.length, 5);
    const billed = Object.keys(expectedLines('2025-07')).length;
    assert.equal(made.reduce((s, n) => s + n, 0), billed, 'the bills were made once between them');
    assertPeriod('2025-07');
});

test('a one-off bill at the counter: one line, due today, for a one-off item only', async () => {
    const page = await fetchPage('/office/billing', { jar: desk });
    assert.match(page.body, /name="item"/);
    assert.doesNotMatch(page.body, /name="action" value="run"/, 'the front desk is not offered the run');
    const csrf = csrfFrom(page.body, '/office/billing');
    const res = await fetchPage('/office/billing', {
        jar: desk, form: { csrf, action: 'oneoff', unit: 'A-1-102', item: 'fund', amount: '1234.56', description: '专项维修资金首期' },
    });
    assert.equal(res.status, 303);
    const id = Number(/^\/office\/bill\?id=(\d+)$/.exec(res.location)[1]);
    const [[kind, amountFen, unitId, periodKey, lines]] = sql(`SELECT kind, amount_fen, unit_id, period_key,
        (SELECT COUNT(*) FROM bill_line WHERE bill_id = b.id) FROM bill b WHERE id = ${id} AND community_id = ${community}`);
    assert.deepEqual([kind, Number(amountFen), Number(unitId), periodKey, Number(lines)],
        ['oneoff', 123456, units['A-1-102'].id, null, 1]);
    assert.equal(sqlValue(`SELECT description FROM bill_line WHERE bill_id = ${id}`), '专项维修资金首期');

    const count = () => sqlValue(`SELECT COUNT(*) FROM bill WHERE community_id = ${community}`);
    const n = count();
    for (const [form, field] of [
        [{ unit: 'A-9-999', item: 'fund', amount: '10' }, 'unit'],
        [{ unit: 'A-1-101', item: 'mgmt', amount: '10' }, 'item'],
        [{ unit: 'A-1-101', item: 'fund', amount: '10.001' }, 'amount'],
        [{ unit: 'A-1-101', item: 'fund', amount: '0' }, 'amount'],
        [{ unit: '1-1-101 OR 1', item: 'fund', amount: '10' }, 'unit'],
    ]) {
        const r = await fetchPage('/office/billing', { jar: desk, form: { csrf, action: 'oneoff', ...form } });
        assert.equal(r.status, 422, JSON.stringify(form));
        assert.ok(field in fieldErrors(r.body), `${JSON.stringify(form)}: error on ${field}`);
    }
    assert.equal(count(), n, 'nothing written');
});

test('what the billing page refuses', async () => {
    const page = await fetchPage('/office/billing', { jar: cashier });
    const csrf = csrfFrom(page.body, '/office/billing');
    const runs = () => sqlValue(`SELECT COUNT(*) FROM billing_run WHERE community_id = ${community}`);
    const n = runs();
    for (const period of ['2025-13', '25-05', '', '2999-01']) {
        const r = await fetchPage('/office/billing', { jar: cashier, form: { csrf, action: 'run', period } });
        assert.equal(r.status, 422, period);
        assert.deepEqual(Object.keys(fieldErrors(r.body)), ['period']);
    }
    const dpage = await fetchPage('/office/billing', { jar: desk });
    const r403 = await fetchPage('/office/billing', {
        jar: desk, form: { csrf: csrfFrom(dpage.body, '/office/billing'), action: 'run', period: '2025-08' },
    });
    assert.equal(r403.status, 403, 'the front desk may not run the billing');
    assert.equal((await fetchPage('/office/billing', { jar: cashier, form: { action: 'run', period: '2025-08' } })).status, 403,
        'no csrf');
    assert.equal(runs(), n, 'nothing written');
    assert.equal((await fetchPage('/office/billing', { jar: tech })).status, 403, 'a technician sees no bills');
    const bad = await fetchPage('/office/billing?period=2025-5', { jar: cashier });
    assert.equal(bad.status, 400);
    assert.equal(errorStatus(bad.body), 400);
    // Another community's staff see none of these bills.
    const demo = await signIn('staff', 'manager');
    const other = await fetchPage('/office/billing?period=2025-05', { jar: demo });
    assert.equal(other.status, 200);
    assert.doesNotMatch(other.body, /data-unit-code="A-1-10/);
    assert.ok(ticketIds.length === 3);
});
