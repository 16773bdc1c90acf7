// 我的账单 over HTTP: a resident of a household of our own sees the amount owed now (the
// database's sum), their home's bills newest first with states, lines and payments
// (receipt numbers), twelve to a page; another unit's bill, even their own second home's,
// is 404.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { addMonths, dropCashier, dropUnits, insertBill, overdueBill, owedAll, pay, shanghaiToday, thisMonth } from './fee-fixtures.mjs';
import { fetchPage, makeHousehold, signIn, sqlValue, textOf } from './lib.mjs';

const cur = thisMonth();
let h;
let jar;
let home; // the bills of the current unit, newest first: [{id, period}]
let partial;
let paid;
let payment;
let otherBill; // of the household's second unit

before(async () => {
    h = makeHousehold('bills');
    const unit = h.units[0].id;
    // 14 bills: this month (not yet due) and the 13 months before.
    const made = [];
    made.push({ ...insertBill(unit, cur, shanghaiToday(20), [{ item: 'mgmt', amount: 22000 }, { item: 'garbage', amount: 1000 }]), period: cur });
    for (let i = 1; i <= 13; i++) {
        const period = addMonths(cur, -i);
        made.push({ ...overdueBill(unit, period, [{ item: 'mgmt', amount: 22000, description: `物业管理费 ${period} 88㎡` }, { item: 'garbage', amount: 1000 }]), period });
    }
    partial = made[1];
    paid = made[2];
    payment = pay(unit, [
        { billId: paid.id, lineId: paid.lines[0].id, amount: 22000 },
        { billId: paid.id, lineId: paid.lines[1].id, amount: 1000 },
        { billId: partial.id, lineId: partial.lines[0].id, amount: 5000 },
    ], `${cur}-01 10:00`, 'alipay');
    home = made;
    otherBill = overdueBill(h.units[1].id, addMonths(cur, -1), [{ item: 'mgmt', amount: 16500 }]);
    jar = await signIn('resident', h.owner.login);
});

after(() => {
    if (h) {
        dropUnits(h.units.map((u) => u.id), { keepUnits: true });
        h.drop();
    }
    dropCashier();
});

function bills(html) {
    return [...html.matchAll(/<li data-bill-id="(\d+)" data-state="(\w+)" data-amount-fen="(\d+)" data-paid-fen="(\d+)" data-owed-fen="(-?\d+)">/g)]
        .map((m) => ({ id: Number(m[1]), state: m[2], amount: Number(m[3]), paid: Number(m[4]), owed: Number(m[5]) }));
}

test('the amount owed now and the bills newest first, twelve to a page', async () => {
    const r = await fetchPage('/portal/bills', { jar });
    assert.equal(r.status, 200);
    const owed = Number(/class="owed-box[^"]*" data-owed-fen="(-?\d+)"/.exec(r.body)[1]);
    assert.equal(owed, owedAll(h.units[0].id), 'owed is the database\'s sum over every bill of the home');
    assert.equal(owed, 14 * 23000 - 28000);
    assert.match(textOf(r.body), new RegExp(`当前待缴 ¥${(owed / 100).toFixed(2)}`));
    const first = bills(r.body);
    assert.equal(first.length, 12);
    const second = bills((await fetchPage('/portal/bills?page=2', { jar })).body);
    assert.deepEqual([...first, ...second].map((b) => b.id), home.map((b) => b.id), 'all 14, newest period first');
    const byId = Object.fromEntries(first.map((b) => [b.id, b]));
    assert.equal(byId[paid.id].state, 'paid');
    assert.equal(byId[partial.id].state, 'partial');
    assert.equal(byId[partial.id].owed, 18000);
    assert.equal(byId[home[0].id].state, 'unpaid');
    const text = textOf(r.body);
    assert.match(text, /已缴清/);
    assert.match(text, /部分缴纳/);
    assert.match(text, /未缴/);
    assert.ok(!first.some((b) => b.id === otherBill.id), 'the second home\'s bill is not listed');
});

test('the home page shows what the home owes and links to the bills', async () => {
    const r = await fetchPage('/portal/home', { jar });
    assert.equal(r.status, 200);
    const owed = Number(/data-section="my-fees" data-owed-fen="(-?\d+)"/.exec(r.body)[1]);
    assert.equal(owed, owedAll(h.units[0].id));
    assert.match(textOf(r.body), new RegExp(`目前待缴 ¥${(owed / 100).toFixed(2)}`));
    assert.match(r.body, /href="\/portal\/bills"/);
});

test('one bill with its lines and the payments on it; another unit\'s bill is 404', async () => {
    const r = await fetchPage(`/portal/bills?id=${paid.id}`, { jar });
    assert.equal(r.status, 200);
    assert.deepEqual(bills(r.body).map((b) => b.id), [paid.id]);
    const text = textOf(r.body);
    assert.match(text, new RegExp(`物业管理费 ${paid.period} 88㎡`), 'its lines');
    assert.match(text, new RegExp(`收据号 ${payment.receipt}`), 'the payment\'s receipt number');
    assert.match(text, /支付宝 ¥230\.00/, 'method and the amount on this bill');
    const part = textOf((await fetchPage(`/portal/bills?id=${partial.id}`, { jar })).body);
    assert.match(part, /支付宝 ¥50\.00/, 'the same payment shows its share of the other bill');

    const mine2 = await fetchPage(`/portal/bills?id=${otherBill.id}`, { jar });
    assert.equal(mine2.status, 404, 'a bill of the household\'s other unit');
    const demo = sqlValue("SELECT MAX(b.id) FROM bill b JOIN unit u ON u.id = b.unit_id WHERE u.code = '1-1-102'");
    if (demo) assert.equal((await fetchPage(`/portal/bills?id=${demo}`, { jar })).status, 404, 'a neighbour\'s bill');
    const staff = await signIn('staff', 'cashier');
    const asStaff = await fetchPage('/portal/bills', { jar: staff });
    assert.equal(asStaff.status, 303, 'the page is for residents');
});
