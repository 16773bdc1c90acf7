// 欠费 over HTTP: the arrears list of a building of our own (owed on overdue bills only, age
// from the oldest such bill, buckets, filters by building, age and reason), follow-up notes
// and what they refuse (422, 403), the unit's fee account whose balance is the database's
// sum, the printable 缴费通知单 (exactly the building's units in arrears; a GET writes
// nothing, the POST records one note per unit), and 收费报表 recomputed from SQL rows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
    addMonths, dropCashier, makeFeeBuilding, monthsBetween, overdueBill, owedAll, owedOverdue, pay, reverse,
    insertBill, shanghaiToday, thisMonth,
} from './fee-fixtures.mjs';
import { csrfFrom, fetchPage, fieldErrors, q, signIn, sql, sqlValue, textOf } from './lib.mjs';

const cur = thisMonth();
const year = cur.slice(0, 4);
let b; // our building
let U; // {a, b, c, d, e, f}: its units
let cashier;
let expected; // unit code -> {owed, age}

before(async () => {
    b = makeFeeBuilding(6, 'arr');
    const [ua, ub, uc, ud, ue, uf] = b.units;
    U = { a: ua, b: ub, c: uc, d: ud, e: ue, f: uf };
    overdueBill(ua.id, addMonths(cur, -2), [{ item: 'mgmt', amount: 20000 }, { item: 'garbage', amount: 1000 }]);
    overdueBill(ua.id, addMonths(cur, -1), [{ item: 'mgmt', amount: 20000 }]);
    overdueBill(ub.id, addMonths(cur, -5), [{ item: 'mgmt', amount: 15000 }]);
    overdueBill(uc.id, addMonths(cur, -14), [{ item: 'mgmt', amount: 12345 }]);
    overdueBill(uc.id, addMonths(cur, -13), [{ item: 'garbage', amount: 1000 }]);
    const dPaid = overdueBill(ud.id, addMonths(cur, -8), [{ item: 'mgmt', amount: 20000 }]);
    const dPart = overdueBill(ud.id, addMonths(cur, -1), [{ item: 'mgmt', amount: 20000 }, { item: 'garbage', amount: 1000 }]);
    // D paid the older bill in full and part of the newer one at 03:00 on the 1st of this
    // month in Shanghai, which is still last month in UTC.
    pay(ud.id, [{ billId: dPaid.id, lineId: dPaid.lines[0].id, amount: 20000 },
        { billId: dPart.id, lineId: dPart.lines[0].id, amount: 5000 }], `${cur}-01 03:00`, 'wechat');
    // E: a paid bill and one not yet due: not in arrears.
    const ePaid = overdueBill(ue.id, addMonths(cur, -3), [{ item: 'garbage', amount: 1000 }]);
    pay(ue.id, [{ billId: ePaid.id, lineId: ePaid.lines[0].id, amount: 1000 }], `${addMonths(cur, -2)}-10 09:00`);
    insertBill(ue.id, cur, shanghaiToday(20), [{ item: 'mgmt', amount: 9999 }]);
    // F paid, then the payment was reversed (冲正) the next month: owes it again.
    const fBill = overdueBill(uf.id, addMonths(cur, -9), [{ item: 'mgmt', amount: 30000 }]);
    const fPay = pay(uf.id, [{ billId: fBill.id, lineId: fBill.lines[0].id, amount: 30000 }], `${addMonths(cur, -8)}-20 10:00`, 'card');
    reverse(fPay, `${addMonths(cur, -7)}-05 09:00`);
    expected = {
        [ua.code]: { owed: 41000, age: 2 },
        [ub.code]: { owed: 15000, age: 5 },
        [uc.code]: { owed: 13345, age: 14 },
        [ud.code]: { owed: 16000, age: 1 },
        [uf.code]: { owed: 30000, age: 9 },
    };
    cashier = await signIn('staff', 'cashier');
});

after(() => {
    b?.drop();
    dropCashier();
});

// The rows of the arrears list: {code: {owed, age, reason}}.
function listRows(html) {
    const out = {};
    const re = /<tr data-unit-code="([^"]+)" data-owed-fen="(-?\d+)" data-age="(\d+)" data-reason="([^"]*)">/g;
    for (let m; (m = re.exec(html));) out[m[1]] = { owed: Number(m[2]), age: Number(m[3]), reason: m[4] };
    return out;
}

async function list(query, jar = cashier) {
    const r = await fetchPage(`/office/arrears?${new URLSearchParams(query)}`, { jar });
    assert.equal(r.status, 200, r.body.slice(0, 500));
    return r;
}

test('the list shows the building\'s units in arrears with owed, age and totals by bucket', async () => {
    for (const u of Object.values(U)) {
        if (expected[u.code]) assert.equal(owedOverdue(u.id), expected[u.code].owed, `the database agrees on ${u.code}`);
    }
    const r = await list({ building: b.code });
    const rows = listRows(r.body);
    assert.deepEqual(Object.keys(rows).sort(), Object.keys(expected).sort(), 'exactly the units with overdue open bills');
    for (const [code, e] of Object.entries(expected)) {
        assert.equal(rows[code].owed, e.owed, `${code} owed`);
        assert.equal(rows[code].age, e.age, `${code} age`);
    }
    assert.match(r.body, new RegExp(`data-total-units="5" data-total-owed-fen="${41000 + 15000 + 13345 + 16000 + 30000}"`));
    const buckets = [...r.body.matchAll(/<tr data-bucket="(\d)"><th>[^<]*<\/th><td data-value="(\d+)"[^>]*>\d+<\/td><td data-value="(-?\d+)"/g)]
        .map((m) => [Number(m[2]), Number(m[3])]);
    assert.deepEqual(buckets, [[2, 41000 + 16000], [1, 15000], [1, 30000], [1, 13345]], '0-3, 4-6, 7-12, over 12 months');
    assert.ok(!rows[U.e.code], 'a unit with only paid and not-yet-due bills is not in arrears');
    assert.match(textOf(r.body), new RegExp(`${U.a.owner}`), 'the owner is named');
});

test('the age filter keeps units at least that many months behind', async () => {
    const want = { 1: ['a', 'b', 'c', 'd', 'f'], 3: ['b', 'c', 'f'], 6: ['c', 'f'], 12: ['c'] };
    for (const [age, keys] of Object.entries(want)) {
        const rows = listRows((await list({ building: b.code, age })).body);
        assert.deepEqual(Object.keys(rows).sort(), keys.map((k) => U[k].code).sort(), `age >= ${age}`);
    }
    const bad = await fetchPage(`/office/arrears?age=5`, { jar: cashier });
    assert.equal(bad.status, 400, 'an age not offered is refused');
});

test('notes: a reason filters the list, a promise shows, wrong notes are 422 and write nothing', async () => {
    const detail = await list({ unit: U.a.code });
    const csrf = csrfFrom(detail.body, '/office/arrears');
    const notes = () => Number(sqlValue(`SELECT COUNT(*) FROM arrears_note WHERE unit_id = ${U.a.id}`));
    const post = (form) => fetchPage('/office/arrears', { jar: cashier, form: { csrf, action: 'note', unit: U.a.code, ...form } });

    const yesterday = shanghaiToday(-1);
    let r = await post({ kind: 'promise', promise_date: yesterday, text: '' });
    assert.equal(r.status, 422);
    assert.ok(fieldErrors(r.body).promise_date, 'a promise in the past is refused at its field');
    r = await post({ kind: 'reason', reason: '' });
    assert.equal(r.status, 422);
    assert.ok(fieldErrors(r.body).reason, 'a reason note needs its reason');
    r = await post({ kind: 'call', text: '' });
    assert.equal(r.status, 422);
    assert.ok(fieldErrors(r.body).text, 'a call needs what was said');
    assert.match(r.body, /name="kind"[\s\S]*value="call" selected/, 'the form keeps the kind chosen');
    assert.equal(notes(), 0, 'nothing written by refused notes');

    r = await post({ kind: 'reason', reason: 'hardship', text: '下岗，暂时困难' });
    assert.equal(r.status, 303);
    assert.equal(r.location, `/office/arrears?unit=${U.a.code}`);
    const promise = shanghaiToday(10);
    r = await post({ kind: 'promise', promise_date: promise, text: '月底前缴清' });
    assert.equal(r.status, 303);
    assert.deepEqual(sql(`SELECT kind, COALESCE(reason, ''), COALESCE(DATE_FORMAT(promise_date, '%Y-%m-%d'), '')
        FROM arrears_note WHERE unit_id = ${U.a.id} ORDER BY id`), [['reason', 'hardship', ''], ['promise', '', promise]]);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'arrears_note' AND object_id = ${U.a.id}`)), 2);

    const rows = listRows((await list({ building: b.code, reason: 'hardship' })).body);
    assert.deepEqual(Object.keys(rows), [U.a.code], 'only the unit whose latest reason is hardship');
    const all = await list({ building: b.code });
    const rowHtml = all.body.slice(all.body.indexOf(`data-unit-code="${U.a.code}"`)).split('</tr>')[0];
    assert.match(textOf(rowHtml), /经济困难/);
    assert.match(textOf(rowHtml), new RegExp(`${promise}`));
    assert.match(textOf(rowHtml), /承诺缴费：月底前缴清/, 'the latest follow-up');

    const page = await list({ unit: U.a.code });
    const kinds = [...page.body.matchAll(/<li data-note-id="\d+" data-kind="([a-z]+)">/g)].map((m) => m[1]);
    assert.deepEqual(kinds, ['promise', 'reason'], 'the unit\'s notes newest first');
    const bills = [...page.body.matchAll(/<tr data-bill-id="\d+" data-owed-fen="(\d+)">/g)].map((m) => Number(m[1]));
    assert.deepEqual(bills, [21000, 20000], 'its overdue bills, oldest first');
});

test('a technician may not see arrears nor add notes; an unknown unit is 404', async () => {
    const tech = await signIn('staff', 'tech');
    const get = await fetchPage('/office/arrears', { jar: tech });
    assert.equal(get.status, 403);
    const home = await fetchPage('/office/home', { jar: tech });
    const csrf = csrfFrom(home.body);
    const post = await fetchPage('/office/arrears', {
        jar: tech, form: { csrf, action: 'note', unit: U.b.code, kind: 'reminder', text: '' },
    });
    assert.equal(post.status, 403);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM arrears_note WHERE unit_id = ${U.b.id}`)), 0);
    const missing = await fetchPage('/office/arrears?unit=9-9-999999', { jar: cashier });
    assert.equal(missing.status, 404);
});

test('the unit\'s fee account: a ledger whose running balance ends at the database\'s sum', async () => {
    for (const u of [U.d, U.f, U.e]) {
        const r = await fetchPage(`/office/unit?id=${u.id}`, { jar: cashier });
        assert.equal(r.status, 200);
        const m = /data-fee-account data-balance-fen="(-?\d+)" data-owed-fen="(-?\d+)"/.exec(r.body);
        assert.ok(m, 'the unit page has its fee account');
        assert.equal(Number(m[1]), owedAll(u.id), `${u.code}: the balance is SUM(amount - paid)`);
        const entries = [...r.body.matchAll(/<tr data-kind="(bill|payment|reversal)" data-id="\d+" data-change-fen="(-?\d+)" data-balance-fen="(-?\d+)">/g)]
            .map((x) => ({ kind: x[1], change: Number(x[2]), balance: Number(x[3]) }));
        let running = 0;
        for (const e of entries) {
            running += e.change;
            assert.equal(e.balance, running, 'each row\'s balance follows from the ones before');
        }
        assert.equal(running, owedAll(u.id));
        if (u === U.f) {
            assert.deepEqual(entries.map((e) => [e.kind, e.change]), [['bill', 30000], ['payment', -30000], ['reversal', 30000]]);
            assert.match(r.body, new RegExp(`href="/office/payment\\?unit=${u.code}"`), 'a link to take a payment');
        }
    }
    const tech = await signIn('staff', 'tech');
    const r = await fetchPage(`/office/unit?id=${U.d.id}`, { jar: tech });
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.body, /data-fee-account/, 'not shown to a role without FEE_VIEW');
});

test('缴费通知单: exactly the building\'s units in arrears; GET writes nothing, POST records one notice each', async () => {
    const before = Number(sqlValue('SELECT COUNT(*) FROM arrears_note'));
    const r = await list({ notice: '1', building: b.code });
    const notices = [...r.body.matchAll(/<article class="slip payment-notice" data-unit-code="([^"]+)" data-owed-fen="(\d+)">/g)]
        .map((m) => [m[1], Number(m[2])]);
    const fromDb = sql(`SELECT u.code, SUM(bl.amount_fen - bl.paid_fen) FROM bill bl JOIN unit u ON u.id = bl.unit_id
        WHERE u.building_id = ${b.id} AND bl.due_date < ${q(shanghaiToday())} AND bl.amount_fen > bl.paid_fen
        GROUP BY u.code ORDER BY u.code`).map(([c, o]) => [c, Number(o)]);
    assert.deepEqual(notices, fromDb, 'one notice per unit in arrears, with its total');
    const text = textOf(r.body);
    const due = shanghaiToday(14);
    assert.ok(text.includes(`请于 ${due.slice(0, 4)}年${due.slice(5, 7)}月${due.slice(8, 10)}日 前`), 'due in 14 days');
    assert.match(text, /0571-88880000|物业服务中心/);
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM arrears_note')), before, 'printing writes nothing');

    const one = await list({ notice: '1', unit: U.c.code });
    assert.equal([...one.body.matchAll(/class="slip payment-notice"/g)].length, 1);
    assert.match(textOf(one.body), new RegExp(`${addMonths(cur, -14)}.*${addMonths(cur, -13)}`), 'each unpaid bill by period');

    const csrf = csrfFrom(r.body, '/office/arrears');
    const post = await fetchPage('/office/arrears', { jar: cashier, form: { csrf, action: 'notices', building: b.code, unit: '' } });
    assert.equal(post.status, 303);
    const noted = sql(`SELECT u.code FROM arrears_note n JOIN unit u ON u.id = n.unit_id WHERE n.kind = 'notice'
        AND u.building_id = ${b.id} ORDER BY u.code`).map((x) => x[0]);
    assert.deepEqual(noted, fromDb.map((x) => x[0]));
});

test('收费报表: collection rates, arrears buckets and income by item match the SQL rows', async () => {
    const r = await fetchPage(`/office/fee-report?year=${year}`, { jar: cashier });
    assert.equal(r.status, 200);
    const part = (name) => r.body.slice(r.body.indexOf(`data-part="${name}"`)).split('</section>')[0];
    const cells = (html, rowAttr) => {
        const out = {};
        for (const row of html.matchAll(new RegExp(`<tr[^>]*${rowAttr}="([^"]*)">([\\s\\S]*?)</tr>`, 'g'))) {
            for (const c of row[2].matchAll(/data-month="(\w+)" data-value="(-?\d+)"/g)) out[`${row[1]}/${c[1]}`] = Number(c[2]);
        }
        return out;
    };
    // Collection rate: period bills of each month of the year, paid/amount in per-mille.
    const sums = {};
    const add = (key, amount, paid) => {
        sums[key] ??= [0, 0];
        sums[key][0] += amount;
        sums[key][1] += paid;
    };
    for (const [code, month, amount, paid] of sql(`SELECT bl.code, CAST(SUBSTRING(b.period, 6, 2) AS UNSIGNED),
            SUM(b.amount_fen), SUM(b.paid_fen) FROM bill b JOIN unit u ON u.id = b.unit_id JOIN building bl ON bl.id = u.building_id
            WHERE b.community_id = 1 AND b.kind = 'period' AND b.period LIKE '${year}-%' GROUP BY bl.code, 2`)) {
        for (const k of [`${code}/${month}`, `${code}/year`, `/${month}`, '/year']) add(k, Number(amount), Number(paid));
    }
    const permille = ([amount, paid]) => (amount > 0 ? Math.round((Math.max(paid, 0) * 1000) / amount) : -1);
    const shown = cells(part('collection'), 'data-building');
    const want = {};
    for (const key of Object.keys(shown)) want[key] = sums[key] ? permille(sums[key]) : -1;
    assert.deepEqual(shown, want);
    assert.ok(Object.keys(shown).some((k) => k.startsWith(`${b.code}/`)) || !Object.keys(sums).some((k) => k.startsWith(`${b.code}/`)),
        'our building is listed when it has bills this year');
    assert.match(part('collection'), /below-target/, 'months under 95% are marked');

    // Arrears by age bucket, computed from each unit's oldest overdue open bill.
    const buckets = [[0, 0], [0, 0], [0, 0], [0, 0]];
    for (const [oldest, owed] of sql(`SELECT MIN(period), SUM(amount_fen - paid_fen) FROM bill WHERE community_id = 1
            AND due_date < ${q(shanghaiToday())} AND amount_fen > paid_fen GROUP BY unit_id`)) {
        const age = Math.max(0, monthsBetween(oldest, cur));
        const i = age <= 3 ? 0 : age <= 6 ? 1 : age <= 12 ? 2 : 3;
        buckets[i][0] += 1;
        buckets[i][1] += Number(owed);
    }
    const shownBuckets = [...part('arrears').matchAll(/<tr data-bucket="\d"><th>[^<]*<\/th><td[^>]*data-value="(\d+)"[^>]*>\d+<\/td><td[^>]*data-value="(-?\d+)"/g)]
        .map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(shownBuckets, buckets);

    // Income: allocations by fee item and the Shanghai month the money was taken.
    const income = {};
    for (const [item, takenUtc, amount] of sql(`SELECT COALESCE(l.fee_item_id, 0), DATE_FORMAT(p.taken_at, '%Y-%m-%dT%H:%i:%sZ'),
            pa.amount_fen FROM payment p JOIN payment_alloc pa ON pa.payment_id = p.id JOIN bill_line l ON l.id = pa.bill_line_id
            WHERE p.community_id = 1 AND p.taken_at >= '${Number(year) - 1}-12-31' AND p.taken_at < '${Number(year) + 1}-01-02'`)) {
        const local = new Date(Date.parse(takenUtc) + 8 * 3600 * 1000).toISOString();
        if (local.slice(0, 4) !== year) continue;
        const month = Number(local.slice(5, 7));
        for (const k of [`${item}/${month}`, `${item}/year`, `total/${month}`, 'total/year']) income[k] = (income[k] || 0) + Number(amount);
    }
    const shownIncome = cells(part('income'), 'data-item');
    const wantIncome = {};
    for (const key of Object.keys(shownIncome)) wantIncome[key] = income[key] || 0;
    assert.deepEqual(shownIncome, wantIncome);
    const mgmt = sqlValue("SELECT id FROM fee_item WHERE community_id = 1 AND code = 'mgmt'");
    const month = String(Number(cur.slice(5, 7)));
    assert.ok(shownIncome[`${mgmt}/${month}`] >= 20000 + 5000, 'D\'s payment at 03:00 on the 1st (Shanghai) counts in this month');

    const csv = await fetchPage(`/office/fee-report?year=${year}&format=csv`, { jar: cashier });
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'], /text\/csv/);
    assert.match(csv.body, new RegExp(`${b.code}测试楼`));
});
