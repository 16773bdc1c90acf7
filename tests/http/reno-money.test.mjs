// Decoration money over HTTP (审批与收费, 装修许可证, 退款): the permit is refused without
// approval and without a paid deposit, approval is the approvers' and checks its amounts
// (422, nothing written), the permit makes the unit renovating, and the refund pays back
// the deposit less deductions and the unreturned passes exactly once — through the fee
// module, so the unit's account shows it — and closes the case for good. Every test makes
// its own unit and case in a community of its own.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, fieldErrors, sql, sqlValue, textOf } from './lib.mjs';
import {
    PLANNED, addDeduction, addPasses, caseRow, makeCase, makeCommunity, openMoney, payBill, postMoney, staffIn,
} from './reno-fixtures-money.mjs';

let community;
let manager; // approves (the default renovation_approve_roles)
let inspector; // issues the permit
let cashier; // takes the deposit and pays the refund
let front; // frontdesk: sees cases, may not approve

before(async () => {
    community = makeCommunity();
    manager = await staffIn(community.id, ['manager']);
    inspector = await staffIn(community.id, ['inspector']);
    cashier = await staffIn(community.id, ['cashier']);
    front = await staffIn(community.id, ['frontdesk']);
});

const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

// Approves case c (deposit and pass fee in yuan) as the manager; answers the response.
function approve(c, deposit = '2000', passFee = '50', extra = {}) {
    return postMoney(manager.jar, c.id, 'approve', { checklist: ['documents', 'licence', 'structure'], deposit,
        pass_fee: passFee, note: '同意施工', ...extra });
}

// A case approved, paid and permitted: the case with its charge bill id.
async function permittedCase(opts = {}) {
    const c = makeCase(community.id, opts);
    assert.equal((await approve(c, opts.deposit || '2000')).status, 303);
    const row = caseRow(c.id);
    const amount = Number(sqlValue(`SELECT amount_fen FROM bill WHERE id = ${row.bill}`));
    assert.equal((await payBill(cashier.jar, c.unitCode, row.bill, yuan(amount))).status, 303);
    assert.equal((await postMoney(inspector.jar, c.id, 'permit')).status, 303);
    return { ...c, bill: row.bill, charged: amount };
}

// A permitted case moved to accepted as the patrol part's acceptance would.
async function acceptedCase(opts = {}) {
    const c = await permittedCase(opts);
    sql(`UPDATE renovation SET state = 'accepted', version = version + 1 WHERE id = ${c.id}`);
    return c;
}

test('the permit needs approval and a paid deposit; approval is for approvers with sane amounts', async () => {
    const c = makeCase(community.id, { workers: 3 });
    const start = caseRow(c.id);
    assert.equal(start.state, 'submitted');

    // No permit before approval.
    let res = await postMoney(inspector.jar, c.id, 'permit');
    assert.equal(res.status, 409);
    // A frontdesk clerk may not approve.
    res = await postMoney(front.jar, c.id, 'approve', { deposit: '2000', pass_fee: '50' });
    assert.equal(res.status, 403);

    // Bad amounts: 422 with the form kept and nothing written.
    for (const [deposit, passFee, field] of [['abc', '50', 'deposit'], ['0', '50', 'deposit'],
        ['100000.01', '50', 'deposit'], ['2000', '-1', 'pass_fee'], ['2000', '1000.01', 'pass_fee'], ['', '50', 'deposit']]) {
        res = await approve(c, deposit, passFee);
        assert.equal(res.status, 422, `deposit ${deposit} pass ${passFee}`);
        assert.ok(fieldErrors(res.body)[field], `an error next to ${field} for ${deposit}/${passFee}`);
        assert.match(res.body, /data-form="approve"/);
    }
    assert.deepEqual(caseRow(c.id), start, 'nothing written by refused approvals');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM bill WHERE unit_id = ${c.unitId}`), '0');

    // A stale form is 409.
    const page = await openMoney(manager.jar, c.id);
    sql(`UPDATE renovation SET version = version + 1 WHERE id = ${c.id}`);
    res = await postMoney(manager.jar, c.id, 'approve', { deposit: '2000', pass_fee: '50' }, page);
    assert.equal(res.status, 409);

    // Approval: the one-off charge bill of the deposit and three passes.
    res = await approve(c, '3000', '50');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location || res.location, `/office/renovation-money?id=${c.id}&saved=approve`);
    const row = caseRow(c.id);
    assert.equal(row.state, 'approved');
    assert.equal(row.deposit, 300000);
    assert.equal(row.passFee, 5000);
    const [kind, amount, paid] = sql(`SELECT kind, amount_fen, paid_fen FROM bill WHERE id = ${row.bill}`)[0];
    assert.equal(kind, 'oneoff');
    assert.equal(Number(amount), 300000 + 3 * 5000);
    assert.equal(paid, '0');
    const lines = sql(`SELECT f.code, l.amount_fen FROM bill_line l JOIN fee_item f ON f.id = l.fee_item_id
                       WHERE l.bill_id = ${row.bill} ORDER BY l.id`);
    assert.deepEqual(lines, [['reno_deposit', '300000'], ['reno_pass', '15000']]);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM fee_item WHERE community_id = ${community.id} AND kind = 'oneoff'
                           AND code IN ('reno_deposit', 'reno_pass')`), '2', 'the fee items exist for a new community');
    assert.equal(sqlValue(`SELECT checklist FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'approve'`),
        'documents,licence,structure');
    let tab = await fetchPage(`/office/renovation-money?id=${c.id}&saved=approve`, { jar: manager.jar });
    assert.match(tab.body, /data-saved="approve"/);
    assert.match(tab.body, /data-paid="unpaid"/);
    assert.match(tab.body, new RegExp(`href="/office/bill\\?id=${row.bill}"`));

    // Approved but unpaid, then part paid: no permit, and the page says why.
    res = await postMoney(inspector.jar, c.id, 'permit');
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /押金未缴清/);
    assert.equal((await payBill(cashier.jar, c.unitCode, row.bill, '1000')).status, 303);
    res = await postMoney(inspector.jar, c.id, 'permit');
    assert.equal(res.status, 409);
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'occupied');
    res = await fetchPage(`/office/renovation-permit?id=${c.id}`, { jar: inspector.jar });
    assert.equal(res.status, 409, 'no printable permit before it is issued');

    // Paid in full: the permit is issued and the unit is renovating.
    assert.equal((await payBill(cashier.jar, c.unitCode, row.bill, '2150')).status, 303);
    res = await postMoney(inspector.jar, c.id, 'permit');
    assert.equal(res.status, 303);
    const after = caseRow(c.id);
    assert.equal(after.state, 'permitted');
    assert.match(after.permit, /^ZX\d{4}-\d{4}$/);
    assert.equal(after.prior, 'occupied');
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'renovating');
    assert.equal(sqlValue(`SELECT DATE_FORMAT(permit_to, '%Y-%m-%d') FROM renovation WHERE id = ${c.id}`), PLANNED.end);
    tab = await fetchPage(`/office/renovation-money?id=${c.id}`, { jar: inspector.jar });
    assert.match(tab.body, /data-paid="paid"/);
    assert.match(tab.body, new RegExp(`data-permit-no="${after.permit}"`));
    const print = await fetchPage(`/office/renovation-permit?id=${c.id}`, { jar: inspector.jar });
    assert.equal(print.status, 200);
    const text = textOf(print.body);
    for (const want of [after.permit, c.unitCode, '金螳螂家装', '周师傅', '13900002222', `${PLANNED.start} 至 ${PLANNED.end}`,
        '8:00–12:00', community.phone, '装修垃圾']) assert.ok(text.includes(want), `the permit shows ${want}`);
});

test('the refund pays back the deposit less deductions and the lost passes, closes the case and shows on the account', async () => {
    const c = await acceptedCase({ workers: 4 });
    addPasses(community.id, c.id, inspector.id, ['returned', 'returned', 'returned', 'issued']);
    addDeduction(c.id, inspector.id, 30000, '楼道堆放装修垃圾');
    addDeduction(c.id, inspector.id, 15050, '非施工时间电钻作业');

    // A pass still out blocks the refund.
    let res = await postMoney(cashier.jar, c.id, 'refund');
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /出入证未交回/);
    sql(`UPDATE renovation_pass SET state = 'lost', closed_by = ${inspector.id}, closed_at = NOW()
         WHERE renovation_id = ${c.id} AND state = 'issued'`);
    // Only the cashier pays refunds.
    assert.equal((await postMoney(manager.jar, c.id, 'refund')).status, 403);

    const expected = 200000 - 45050 + 5000 * (4 - 1);
    const page = await openMoney(cashier.jar, c.id);
    assert.match(page.body, new RegExp(`data-refund-fen="${expected}"`));
    assert.match(page.body, /楼道堆放装修垃圾/);
    assert.match(page.body, /非施工时间电钻作业/);
    res = await postMoney(cashier.jar, c.id, 'refund', { method: 'transfer' }, page);
    assert.equal(res.status, 303);

    const row = caseRow(c.id);
    assert.equal(row.state, 'closed');
    assert.equal(row.refundFen, expected);
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'occupied', 'the unit state is restored');
    const [kind, amount, receipt, method] = sql(`SELECT kind, amount_fen, receipt_no, method FROM payment WHERE id = ${row.refundPayment}`)[0];
    assert.equal(kind, 'refund');
    assert.equal(Number(amount), -expected);
    assert.match(receipt, /^SJ\d{4}-\d{6}$/);
    assert.equal(method, 'transfer');
    const [billAmount, billPaid] = sql(`SELECT amount_fen, paid_fen FROM bill WHERE id = ${row.refundBill}`)[0];
    assert.equal(Number(billAmount), -expected);
    assert.equal(Number(billPaid), -expected);
    assert.deepEqual(sql(`SELECT amount_fen FROM bill_line WHERE bill_id = ${row.refundBill} ORDER BY id`),
        [[String(-(200000 - 45050))], [String(-15000)]]);
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM payment_alloc WHERE payment_id = ${row.refundPayment}`), String(-expected));
    assert.equal(sqlValue(`SELECT SUM(amount_fen - paid_fen) FROM bill WHERE unit_id = ${c.unitId}`), '0');

    // The tab shows the closing and the receipt; the receipt is a refund voucher in words.
    const tab = await fetchPage(`/office/renovation-money?id=${c.id}&saved=refund`, { jar: cashier.jar });
    assert.match(tab.body, /data-saved="refund"/);
    assert.match(tab.body, new RegExp(`data-refund-receipt[^>]*>${receipt}<`));
    const voucher = await fetchPage(`/office/payment?id=${row.refundPayment}`, { jar: cashier.jar });
    assert.equal(voucher.status, 200);
    assert.match(voucher.body, /退款凭证/);
    assert.match(voucher.body, /data-kind="refund"/);
    assert.match(voucher.body, new RegExp(`data-total="${yuan(expected)}"`));
    assert.match(textOf(voucher.body), /壹仟陆佰玖拾玖元伍角/);
    assert.doesNotMatch(voucher.body, /data-action="reverse"/, 'no reversal form on a refund');

    // A refund cannot be reversed.
    const rev = await fetchPage(`/office/payment?id=${row.refundPayment}`, { jar: cashier.jar, method: 'POST',
        form: { csrf: page.csrf, action: 'reverse', reason: '试图冲正退款' } });
    assert.equal(rev.status, 409);

    // The unit's fee account: the deposit bill, its payment, the refund with the deductions.
    const unit = await fetchPage(`/office/unit?id=${c.unitId}`, { jar: cashier.jar });
    const ledger = textOf(unit.body);
    assert.match(ledger, /装修保证金（/);
    assert.match(ledger, /收款 SJ/);
    assert.match(ledger, new RegExp(`退款 ${receipt}`));
    assert.match(ledger, /扣除 450\.50 元/);
    assert.match(unit.body, /data-balance-fen="0"/);

    // The cashier's day lists the refund.
    const day = await fetchPage('/office/settlement', { jar: cashier.jar });
    assert.match(day.body, new RegExp(`data-payment-id="${row.refundPayment}" data-kind="refund"`));
    assert.match(textOf(day.body), /退款/);
});

test('a refund never exceeds the deposit, even when the deductions do', async () => {
    const c = await acceptedCase({ workers: 2 });
    addPasses(community.id, c.id, inspector.id, ['returned', 'returned']);
    addDeduction(c.id, inspector.id, 150000, '破坏公共部位');
    addDeduction(c.id, inspector.id, 80000, '私改燃气管道');
    assert.equal((await postMoney(cashier.jar, c.id, 'refund')).status, 303);
    const row = caseRow(c.id);
    assert.equal(row.refundFen, 2 * 5000, 'only the passes come back');
    assert.ok(row.refundFen <= c.charged);
    assert.deepEqual(sql(`SELECT amount_fen FROM bill_line WHERE bill_id = ${row.refundBill}`), [['-10000']]);
});

test('ten refunds at once: one is paid, the others are refused, the amounts stay', async () => {
    const c = await acceptedCase({ workers: 1 });
    addPasses(community.id, c.id, inspector.id, ['returned']);
    const pages = [];
    for (let i = 0; i < 10; i++) pages.push(await openMoney(cashier.jar, c.id));
    const results = await Promise.all(pages.map((p) => postMoney(cashier.jar, c.id, 'refund', {}, p)));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [303, ...Array(9).fill(409)]);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM payment WHERE unit_id = ${c.unitId} AND kind = 'refund'`), '1');
    const row = caseRow(c.id);
    assert.equal(row.refundFen, 200000 + 5000);
    assert.equal(sqlValue(`SELECT amount_fen FROM payment WHERE id = ${row.refundPayment}`), String(-(200000 + 5000)));
    assert.equal(sqlValue(`SELECT COUNT(*) FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'refund'`), '1');
});

test('a closed case answers 409 to every change, and a replayed refund form is 409', async () => {
    const c = await acceptedCase({ workers: 1 });
    addPasses(community.id, c.id, inspector.id, ['lost']);
    const page = await openMoney(cashier.jar, c.id);
    assert.equal((await postMoney(cashier.jar, c.id, 'refund', {}, page)).status, 303);
    const closed = caseRow(c.id);
    assert.equal(closed.refundFen, 200000);
    const replay = await postMoney(cashier.jar, c.id, 'refund', {}, page);
    assert.equal(replay.status, 409);
    const fresh = await openMoney(manager.jar, c.id);
    assert.doesNotMatch(fresh.body, /data-form="(approve|permit|refund)"/);
    // Each with the current version of the closed case.
    const as = async (who) => ({ ...(await openMoney(who.jar, c.id)), formKey: page.formKey.replace(/^./, 'f') });
    assert.equal((await postMoney(manager.jar, c.id, 'approve', { deposit: '2000', pass_fee: '50' }, await as(manager))).status, 409);
    assert.equal((await postMoney(inspector.jar, c.id, 'permit', {}, await as(inspector))).status, 409);
    assert.equal((await postMoney(cashier.jar, c.id, 'refund', {}, await as(cashier))).status, 409);
    assert.deepEqual(caseRow(c.id), closed);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM payment WHERE unit_id = ${c.unitId} AND kind = 'refund'`), '1');
});

// Reverses payment id at the payment page as jar: the answer.
async function reversePayment(jar, id, reason = '押金收错，冲正重收') {
    const page = await fetchPage(`/office/payment?id=${id}`, { jar });
    assert.equal(page.status, 200);
    return fetchPage(`/office/payment?id=${id}`, { jar, method: 'POST',
        form: { csrf: csrfFrom(page.body, '/office/logout'), action: 'reverse', reason } });
}

// The payment that paid the case's charge bill.
const chargePayment = (c) => Number(sqlValue(`SELECT MIN(payment_id) FROM payment_alloc WHERE bill_id = ${c.bill}`));

const moneyCounts = (c) => sql(`SELECT (SELECT COUNT(*) FROM payment WHERE unit_id = ${c.unitId}),
    (SELECT COUNT(*) FROM payment_alloc WHERE bill_id = ${c.bill}), (SELECT paid_fen FROM bill WHERE id = ${c.bill}),
    (SELECT state FROM unit WHERE id = ${c.unitId})`)[0].join('/');

test('the deposit payment cannot be reversed once the permit is issued, nor after the refund; before the permit it can', async () => {
    // Permitted: the deposit guarantees the work; reversing it would leave a valid permit unpaid.
    const permitted = await permittedCase({ workers: 1 });
    let before = moneyCounts(permitted);
    let res = await reversePayment(cashier.jar, chargePayment(permitted));
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /装修押金.*不能冲正/);
    assert.equal(moneyCounts(permitted), before, 'nothing written');
    assert.equal(caseRow(permitted.id).state, 'permitted');

    // Closed (refunded): reversing would pay the deposit out a second time.
    const closed = await acceptedCase({ workers: 1 });
    addPasses(community.id, closed.id, inspector.id, ['returned']);
    assert.equal((await postMoney(cashier.jar, closed.id, 'refund')).status, 303);
    before = moneyCounts(closed);
    const dayBefore = sqlValue(`SELECT COUNT(*) FROM payment WHERE staff_id = ${cashier.id}`);
    res = await reversePayment(cashier.jar, chargePayment(closed));
    assert.equal(res.status, 409);
    assert.equal(moneyCounts(closed), before, 'nothing written');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM payment WHERE staff_id = ${cashier.id}`), dayBefore);
    assert.equal(sqlValue(`SELECT amount_fen - paid_fen FROM bill WHERE id = ${closed.bill}`), '0', 'the charge stays paid');
    assert.equal(caseRow(closed.id).state, 'closed');

    // Approved, paid, no permit yet: a wrongly taken deposit may still be reversed.
    const approved = makeCase(community.id, { workers: 1 });
    assert.equal((await approve(approved)).status, 303);
    const bill = caseRow(approved.id).bill;
    assert.equal((await payBill(cashier.jar, approved.unitCode, bill, '2050')).status, 303);
    res = await reversePayment(cashier.jar, chargePayment({ bill }));
    assert.equal(res.status, 303);
    assert.equal(sqlValue(`SELECT paid_fen FROM bill WHERE id = ${bill}`), '0', 'owing again');
    assert.equal((await postMoney(inspector.jar, approved.id, 'permit')).status, 409, 'and no permit without it');
});

test('the refund restores the unit only while it is renovating: a change in the archive meanwhile stays', async () => {
    // Rented while the work went on: still rented after the refund.
    const rented = await acceptedCase({ workers: 1 });
    addPasses(community.id, rented.id, inspector.id, ['returned']);
    sql(`UPDATE unit SET state = 'rented' WHERE id = ${rented.unitId}`);
    assert.equal((await postMoney(cashier.jar, rented.id, 'refund')).status, 303);
    assert.equal(caseRow(rented.id).state, 'closed');
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${rented.unitId}`), 'rented');

    // Already renovating at the permit: occupied after the refund, not renovating for ever.
    const again = await acceptedCase({ workers: 1, unitState: 'renovating' });
    assert.equal(caseRow(again.id).prior, 'renovating');
    addPasses(community.id, again.id, inspector.id, ['returned']);
    assert.equal((await postMoney(cashier.jar, again.id, 'refund')).status, 303);
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${again.unitId}`), 'occupied');
});
