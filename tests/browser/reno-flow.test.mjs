// The decoration issue's end-to-end check (issue 8, "Done when"): the whole procedure in
// Chromium through the real pages, one browser (own profile, own cookies) per person, for a
// fresh household of the demo community and its demo staff:
//   the resident applies at /portal/renovation with a plan (PDF); the inspector (inspector,
//   赵刚) returns it asking for the company's licence; the resident sees the reason and
//   resubmits with the licence; the manager (manager) approves with a deposit and a pass fee;
//   the cashier (cashier) takes the charge bill at /office/payment; the inspector issues the
//   permit (the unit is 装修中 in the archive), a worker pass, records a patrol with a
//   violation notice, re-checks it rectified and deducts from the deposit with a reason; the
//   resident asks for acceptance; the inspector fails it with defects; the resident asks
//   again; the inspector passes it and takes the pass back; the cashier refunds; the case is
//   已结案, the unit back to 已入住, and the unit's 收费账户 shows the deposit bill, its
//   payment, the refund bill (with the deductions' total) and the refund.
// The database is only written to make the household (makeHousehold) and read to check.
// Screenshots reno-flow-01-apply.png ... reno-flow-12-account.png.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeHousehold, sql, sqlValue, uniqueSuffix } from '../http/lib.mjs';
import { localDate, PDF } from '../http/reno-fixtures-apply.mjs';
import { idNumber } from '../http/reno-fixtures-pass.mjs';
import { as, BASE, loginAs, makePng, PHONE, screenshot, submit } from './lib.mjs';

const RUN = uniqueSuffix().slice(-6);

// The amounts of this case, in fen; what the refund must come to is computed here.
const WORKERS = 2;
const DEPOSIT = 300000; // ¥3000.00
const PASS_FEE = 5000; // ¥50.00 a worker
const DEDUCTION = 35050; // ¥350.50
const CHARGE = DEPOSIT + WORKERS * PASS_FEE;
const REFUND = DEPOSIT - DEDUCTION + WORKERS * PASS_FEE; // no pass lost
const yuan = (fen) => (fen / 100).toFixed(2);

const money = '/office/renovation-money';
const patrol = '/office/renovation-patrol';
const passes = '/office/renovation-passes';
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

test('decoration from application to refund, and the unit account shows it', { timeout: 300000 }, async () => {
    const h = makeHousehold('reno-flow');
    const unit = h.units[0];
    const company = `安居装饰${RUN}`;
    const steps = (id) => sql(`SELECT action FROM renovation_step WHERE renovation_id = ${id} ORDER BY id`).map((r) => r[0]);
    let id;

    // 1. The resident applies on a phone with the plan only.
    await as('resident applies', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/renovation`);
        await page.getByRole('link', { name: '申请装修' }).click();
        await page.waitForURL(/\/portal\/renovation\?new=1$/);
        await page.locator('input[name="company"]').fill(company);
        await page.locator('input[name="foreman"]').fill('周师傅');
        await page.locator('input[name="foreman_phone"]').fill('13912345678');
        await page.locator('input[name="planned_start"]').fill(localDate(0));
        await page.locator('input[name="planned_end"]').fill(localDate(60));
        await page.getByLabel('墙面').check();
        await page.getByLabel('厨卫').check();
        await page.locator('textarea[name="description"]').fill('厨房、卫生间重新铺砖，客厅墙面刷漆');
        await page.locator('input[name="workers"]').fill(String(WORKERS));
        await page.locator('input[name="plan"]').setInputFiles({ name: '平面图.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.locator('input[name="no_structural"]').check();
        await screenshot(page, 'reno-flow-01-apply.png');
        await submit(page, page.getByRole('button', { name: '提交申请' }), '/portal/renovation');
        await page.locator('[data-saved="apply"]').waitFor();
        const c = page.locator('.reno-case');
        assert.equal(await c.getAttribute('data-state'), 'submitted');
        id = Number(await c.getAttribute('data-renovation-id'));
        assert.deepEqual(await page.locator('.reno-files-list li').evaluateAll((els) => els.map((e) => e.dataset.kind)), ['plan']);
    }, PHONE);
    assert.equal(sqlValue(`SELECT unit_id FROM renovation WHERE id = ${id}`), String(unit.id));

    // 2. The inspector finds it among the pending cases and returns it for the licence.
    await as('inspector returns', async (page) => {
        await loginAs(page, 'office', 'inspector');
        await page.goto(`${BASE}/office/renovations?state=pending`);
        await page.locator(`tr[data-renovation-id="${id}"] a`).first().click();
        await page.waitForURL(new RegExp(`/office/renovation\\?id=${id}$`));
        await page.getByLabel('施工图纸').check();
        await page.getByLabel('退回补充').check();
        await page.locator('textarea[name="note"]').fill('请补充装修公司营业执照和资质证书');
        await screenshot(page, 'reno-flow-02-review.png');
        await submit(page, page.getByRole('button', { name: '提交审核结果' }), '/office/renovation');
        await page.locator('[data-saved="return"]').waitFor();
    });

    // 3. The resident reads the reason and resubmits with the licence.
    await as('resident resubmits', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/renovation`);
        await page.locator(`li[data-renovation-id="${id}"] a`).click();
        await page.waitForURL(new RegExp(`/portal/renovation\\?id=${id}$`));
        assert.equal(await page.locator('.reno-case').getAttribute('data-state'), 'returned');
        assert.equal(await text(page.locator('[data-reason="return"] [data-reason-note]')), '请补充装修公司营业执照和资质证书');
        await screenshot(page, 'reno-flow-03-returned.png');
        const form = page.locator('form[data-form="resubmit"]');
        assert.equal(await form.locator('input[name="company"]').inputValue(), company);
        await form.locator('input[name="licence"]').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: makePng(200, 140) });
        await submit(page, form.getByRole('button', { name: '重新提交' }), '/portal/renovation');
        await page.locator('[data-saved="resubmit"]').waitFor();
        assert.equal(await page.locator('.reno-case').getAttribute('data-state'), 'submitted');
        const kinds = await page.locator('.reno-files-list li').evaluateAll((els) => els.map((e) => e.dataset.kind).sort());
        assert.deepEqual(kinds, ['licence', 'plan']);
    }, PHONE);

    // 4. The manager approves with the deposit and the pass fee: the charge bill.
    await as('manager approves', async (page) => {
        await loginAs(page, 'office', 'manager');
        await page.goto(`${BASE}/office/renovation?id=${id}`);
        await page.locator('.reno-tabs').getByRole('link', { name: '审批与收费' }).click();
        await page.waitForURL((u) => u.pathname === money);
        const form = page.locator('form[data-form="approve"]');
        for (const box of await form.locator('input[name="checklist"]').all()) await box.check();
        await page.getByLabel('装修保证金（元，1–100000）').fill(yuan(DEPOSIT));
        await page.getByLabel('出入证押金（元/张，按施工人数收取）').fill(yuan(PASS_FEE));
        await page.locator('#reno-note').fill('同意施工，按许可时间作业');
        await submit(page, form.getByRole('button', { name: '审批通过' }), money);
        await page.locator('[data-saved="approve"]').waitFor();
        assert.equal(await page.locator('[data-section="charge"]').getAttribute('data-paid'), 'unpaid');
        assert.equal(await text(page.locator('[data-charge-amount]')), `¥${yuan(CHARGE)}`);
        await screenshot(page, 'reno-flow-04-approved.png');
    });
    const chargeBill = Number(sqlValue(`SELECT charge_bill_id FROM renovation WHERE id = ${id}`));

    // 5. The cashier takes the charge bill at the payment page.
    await as('cashier takes the deposit', async (page) => {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}${money}?id=${id}`);
        await page.locator('[data-pay-link]').click();
        await page.waitForURL((u) => u.pathname === '/office/payment');
        assert.equal(await page.locator(`input[name="bill"][value="${chargeBill}"]`).isChecked(), true);
        await page.getByLabel('收款金额（元）').fill(yuan(CHARGE));
        await page.locator('input[name="payer"]').fill(`业主${RUN}`);
        await submit(page, page.getByRole('button', { name: '确认收款并打印收据' }), '/office/payment');
        await screenshot(page, 'reno-flow-05-paid.png');
        await page.goto(`${BASE}${money}?id=${id}`);
        assert.equal(await page.locator('[data-section="charge"]').getAttribute('data-paid'), 'paid');
    });

    // 6. The inspector issues the permit (the unit is 装修中 in the archive) and a pass;
    //    patrols, finds a violation with a notice, re-checks it rectified and deducts.
    let unitPage;
    let notice;
    await as('inspector on site', async (page) => {
        await loginAs(page, 'office', 'inspector');
        await page.goto(`${BASE}${money}?id=${id}`);
        await submit(page, page.getByRole('button', { name: '发放许可证' }), money);
        await page.locator('[data-saved="permit"]').waitFor();
        const permitNo = await page.locator('[data-section="permit"]').getAttribute('data-permit-no');
        assert.match(permitNo, /^ZX\d{4}-\d{4}$/);
        await page.locator('[data-permit-link]').click();
        await page.waitForURL((u) => u.pathname === '/office/renovation-permit');
        const permit = await text(page.locator('article[data-page="office-renovation-permit"]'));
        for (const want of ['装修许可证', permitNo, unit.code, company, '周师傅']) assert.ok(permit.includes(want), `the permit shows ${want}`);
        await screenshot(page, 'reno-flow-06-permit.png');

        // The archive (房屋档案): the unit found by its code.
        await page.goto(`${BASE}/office/units`);
        await page.getByLabel('搜索').fill(unit.code);
        await page.getByLabel('搜索').press('Enter');
        await page.waitForURL((u) => u.pathname === '/office/units' && u.searchParams.get('q') === unit.code);
        await page.getByRole('link', { name: unit.code, exact: true }).click();
        await page.waitForURL((u) => u.pathname === '/office/unit');
        unitPage = page.url();
        assert.equal(await page.locator('article[data-page="office-unit"]').getAttribute('data-state'), 'renovating');
        assert.equal(await text(page.locator('h1 .unit-state')), '装修中');

        // A worker pass.
        await page.goto(`${BASE}${passes}?id=${id}`);
        const issue = page.locator('form[data-form="issue"]');
        await issue.locator('input[name="name"]').fill('王建国');
        await issue.locator('input[name="id_number"]').fill(idNumber());
        await issue.locator('input[name="phone"]').fill('13700001234');
        await submit(page, issue.getByRole('button', { name: '发放' }), passes);
        await page.locator('[data-saved="issue"]').waitFor();
        const pass = page.locator('.reno-pass-row[data-state="issued"]');
        assert.equal(await pass.count(), 1);
        assert.match(await text(pass), /王建国/);
        assert.match(await text(pass), /3201\*{10}\d{3}[\dX]/);

        // A patrol that finds a violation, with a photo and a notice.
        await page.goto(`${BASE}${patrol}?id=${id}`);
        await page.getByText('记录一次巡查').click();
        await page.getByLabel('发现违章').check();
        await page.getByLabel('巡查情况').fill('楼道堆放水泥袋和碎砖，影响通行');
        await page.locator('#patrol-photo').setInputFiles({ name: '楼道.png', mimeType: 'image/png', buffer: makePng(64, 48) });
        await page.locator('#patrol-rule').fill('装修垃圾未按规定堆放');
        await page.locator('#patrol-detail').fill('楼道堆放水泥袋和碎砖');
        await submit(page, page.getByRole('button', { name: '保存巡查记录' }), patrol);
        await page.locator('[data-saved="patrol"]').waitFor();
        const open = page.locator('.reno-violation[data-state="open"]');
        notice = await open.getAttribute('data-notice-no');
        assert.match(notice, /^WZ\d{4}-\d{4}$/);
        await screenshot(page, 'reno-flow-07-violation.png');

        // Re-checked: rectified.
        await open.getByText('复查', { exact: true }).click();
        await open.getByLabel('已整改，关闭').check();
        await open.getByLabel('复查情况').fill('垃圾已清运，楼道已清扫');
        await submit(page, open.getByRole('button', { name: '保存复查结果' }), patrol);
        assert.equal(await page.locator(`.reno-violation[data-notice-no="${notice}"]`).getAttribute('data-state'), 'rectified');

        // A deduction with its reason, for that notice.
        await page.getByText('从保证金扣款').click();
        await page.getByLabel('扣款金额（元）').fill(yuan(DEDUCTION));
        await page.getByLabel('扣款原因').fill(`楼道清运费${RUN}`);
        await page.getByLabel('对应的违章通知书（可不选）').selectOption({ label: `${notice} 装修垃圾未按规定堆放` });
        await submit(page, page.getByRole('button', { name: '记录扣款' }), patrol);
        await page.locator('[data-saved="deduct"]').waitFor();
        assert.equal(await text(page.locator('[data-deducted-total]')), yuan(DEDUCTION));
        assert.equal(await text(page.locator('[data-deposit-left]')), yuan(DEPOSIT - DEDUCTION));
        await screenshot(page, 'reno-flow-08-deduction.png');
    });
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${unit.id}`), 'renovating');

    // 7. The resident asks for acceptance.
    const askAcceptance = async (page) => {
        await page.goto(`${BASE}/portal/renovation?id=${id}`);
        assert.equal(await page.locator('.reno-case').getAttribute('data-state'), 'permitted');
        await submit(page, page.getByRole('button', { name: '申请竣工验收' }), '/portal/renovation');
        await page.locator('[data-saved="request_acceptance"]').waitFor();
        assert.equal(await page.locator('.reno-case').getAttribute('data-state'), 'inspecting');
    };
    await as('resident asks for acceptance', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await askAcceptance(page);
    }, PHONE);

    // 8. The inspector fails it with defects.
    const defects = `阳台推拉门未安装到位；卫生间闭水试验未做${RUN}`;
    await as('inspector fails the acceptance', async (page) => {
        await loginAs(page, 'office', 'inspector');
        await page.goto(`${BASE}${patrol}?id=${id}`);
        await page.getByRole('radio', { name: '不通过' }).check();
        await page.getByLabel('需整改的问题（不通过时必填）').fill(defects);
        await submit(page, page.getByRole('button', { name: '保存验收结果' }), patrol);
        assert.equal(await page.locator('.reno-patrol').getAttribute('data-state'), 'permitted');
    });

    // 9. The resident sees the defects and asks again.
    await as('resident asks again', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/renovation?id=${id}`);
        assert.equal(await text(page.locator('[data-step="acceptance_fail"] .event-text')), defects);
        await screenshot(page, 'reno-flow-09-defects.png');
        await askAcceptance(page);
    }, PHONE);

    // 10. The inspector passes it and takes the pass back.
    await as('inspector accepts', async (page) => {
        await loginAs(page, 'office', 'inspector');
        await page.goto(`${BASE}${patrol}?id=${id}`);
        await page.getByRole('radio', { name: '验收通过' }).check();
        await submit(page, page.getByRole('button', { name: '保存验收结果' }), patrol);
        assert.equal(await page.locator('.reno-patrol').getAttribute('data-state'), 'accepted');
        await page.locator('.reno-tabs').getByRole('link', { name: '出入证' }).click();
        await page.waitForURL((u) => u.pathname === passes);
        await submit(page, page.locator('.reno-pass-row[data-state="issued"]').getByRole('button', { name: '收回' }), passes);
        await page.locator('[data-saved="return"]').waitFor();
        assert.equal(await page.locator('.reno-pass-row[data-state="returned"]').count(), 1);
        assert.equal(await page.locator('.reno-pass-row[data-state="issued"]').count(), 0);
    });

    // 11. The cashier refunds: deposit less the deduction plus the pass money.
    await as('cashier refunds', async (page) => {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}${money}?id=${id}`);
        const statement = page.locator('[data-section="statement"]');
        assert.equal(await text(statement.locator('[data-deductions]')), `−${yuan(DEDUCTION)}`);
        assert.equal(await text(statement.locator('[data-refund]')), `¥${yuan(REFUND)}`);
        assert.match(await text(statement.locator('[data-deduction]')), new RegExp(`楼道清运费${RUN}`));
        await submit(page, page.getByRole('button', { name: `确认退款 ¥${yuan(REFUND)}` }), money);
        await page.locator('[data-saved="refund"]').waitFor();
        assert.equal(await page.locator('.reno-head').getAttribute('data-state'), 'closed');
        assert.equal(await text(page.locator('.reno-head [data-state-name]')), '已结案');
        await screenshot(page, 'reno-flow-10-refunded.png');
        await page.locator('[data-refund-receipt]').click();
        await page.waitForURL((u) => u.pathname === '/office/payment');
        assert.match(await text(page.locator('h1')), /退款凭证/);
        await screenshot(page, 'reno-flow-11-refund-receipt.png');

        // 12. The unit: back to 已入住, and its fee account.
        await page.goto(unitPage);
        const article = page.locator('article[data-page="office-unit"]');
        assert.equal(await article.getAttribute('data-state'), 'occupied');
        assert.equal(await text(page.locator('h1 .unit-state')), '已入住');
        const account = page.locator('[data-fee-account]');
        const rows = await account.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
            kind: tr.dataset.kind, change: Number(tr.dataset.changeFen), text: tr.innerText.replace(/\s+/g, ' ') })));
        assert.deepEqual(rows.map((r) => [r.kind, r.change]), [
            ['bill', CHARGE], // 装修保证金 + 出入证押金
            ['payment', -CHARGE], // the cashier's payment
            ['bill', -REFUND], // the refund bill of negative lines
            ['refund', REFUND], // the refund paid out
        ], JSON.stringify(rows));
        assert.match(rows[0].text, /装修保证金/);
        assert.match(rows[0].text, /装修出入证押金/);
        assert.match(rows[2].text, new RegExp(`装修保证金退还：押金 ${yuan(DEPOSIT)} 元，扣除 ${yuan(DEDUCTION)} 元`));
        assert.match(rows[2].text, new RegExp(`装修出入证押金退还：共 ${WORKERS} 张，遗失 0 张`));
        assert.match(rows[3].text, /退款/);
        assert.equal(await account.getAttribute('data-balance-fen'), '0');
        assert.equal(await account.getAttribute('data-owed-fen'), '0');
        await screenshot(page, 'reno-flow-12-account.png');
    });

    // What the clicks left behind.
    assert.deepEqual(sql(`SELECT state, refund_fen, deposit_fen, pass_fee_fen, workers FROM renovation WHERE id = ${id}`)[0],
        ['closed', String(REFUND), String(DEPOSIT), String(PASS_FEE), String(WORKERS)]);
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${unit.id}`), 'occupied');
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM renovation_deduction WHERE renovation_id = ${id}`), String(DEDUCTION));
    assert.equal(sqlValue(`SELECT amount_fen FROM payment WHERE id = (SELECT refund_payment_id FROM renovation WHERE id = ${id})`),
        String(-REFUND));
    const want = ['submit', 'return', 'resubmit', 'approve', 'permit', 'request_acceptance', 'acceptance_fail',
        'request_acceptance', 'acceptance_pass', 'refund'];
    const got = steps(id);
    let i = 0;
    for (const s of got) if (s === want[i]) i++;
    assert.equal(i, want.length, `the steps ${JSON.stringify(got)} include ${JSON.stringify(want)} in order`);
});
