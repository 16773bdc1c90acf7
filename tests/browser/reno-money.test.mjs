// 审批与收费 in the browser: the manager approves a decoration application with the deposit,
// the cashier takes it at the payment page, the inspector issues the permit and prints the
// 装修许可证 for the door (print media), and after acceptance the cashier pays the deposit
// back on a phone; the money tab fits 390 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { sql, sqlValue } from '../http/lib.mjs';
import { addDeduction, addPasses, makeCase, makeCommunity, staffWith } from '../http/reno-fixtures-money.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const community = makeCommunity('RB');
const manager = staffWith(community.id, ['manager'], 'rbm');
const cashier = staffWith(community.id, ['cashier'], 'rbc');
const inspector = staffWith(community.id, ['inspector'], 'rbi');
const path = '/office/renovation-money';

test('approve, take the deposit, print the permit, refund the deposit', async () => {
    const c = makeCase(community.id, { workers: 2 });
    await as('manager', async (page) => {
        await loginAs(page, 'office', manager.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        assert.equal(await page.locator('.reno-tabs a[aria-current="page"]').innerText(), '审批与收费');
        await page.getByLabel('装修保证金（元，1–100000）').fill('2500');
        await submit(page, page.getByRole('button', { name: '审批通过' }), path);
        await page.locator('[data-saved="approve"]').waitFor();
        assert.equal(await page.locator('[data-section="charge"]').getAttribute('data-paid'), 'unpaid');
        assert.match(await page.locator('[data-charge-amount]').innerText(), /2600\.00/);
    });
    const bill = sqlValue(`SELECT charge_bill_id FROM renovation WHERE id = ${c.id}`);
    await as('cashier', async (page) => {
        await loginAs(page, 'office', cashier.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        await page.locator('[data-pay-link]').click();
        await page.waitForURL((u) => u.pathname === '/office/payment');
        assert.equal(await page.locator(`input[name="bill"][value="${bill}"]`).isChecked(), true);
        await submit(page, page.getByRole('button', { name: /收款/ }).last(), '/office/payment');
    });
    await as('inspector', async (page) => {
        await loginAs(page, 'office', inspector.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        await submit(page, page.getByRole('button', { name: '发放许可证' }), path);
        await page.locator('[data-saved="permit"]').waitFor();
        const no = await page.locator('[data-section="permit"]').getAttribute('data-permit-no');
        assert.match(no, /^ZX\d{4}-\d{4}$/);
        await page.locator('[data-permit-link]').click();
        await page.waitForURL((u) => u.pathname === '/office/renovation-permit');
        const text = (await page.locator('article[data-page="office-renovation-permit"]').innerText()).replace(/\s+/g, ' ');
        for (const want of ['装修许可证', no, c.unitCode, '周师傅', '8:00–12:00', community.phone]) {
            assert.ok(text.includes(want), `the permit shows ${want}`);
        }
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.top').first().isVisible(), false, 'no navigation on paper');
        assert.equal(await page.locator('.slip-tools').isVisible(), false, 'no tools on paper');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 794, `the permit fits A4 width: ${width}`);
        await screenshot(page, 'office-renovation-permit.png');
    });
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'renovating');

    // Acceptance and passes are other pages': written here as they would leave them.
    sql(`UPDATE renovation SET state = 'accepted', version = version + 1 WHERE id = ${c.id}`);
    addPasses(community.id, c.id, inspector.id, ['returned', 'lost']);
    addDeduction(c.id, inspector.id, 20000, '楼道堆放装修垃圾');
    await as('cashier on a phone', async (page) => {
        await loginAs(page, 'office', cashier.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        assert.match(await page.locator('[data-refund]').innerText(), /2350\.00/);
        await submit(page, page.getByRole('button', { name: /确认退款/ }), path);
        await page.locator('[data-saved="refund"]').waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no sideways scrolling: ${width}`);
        await screenshot(page, 'office-renovation-money.png');
        await page.locator('[data-refund-receipt]').click();
        await page.waitForURL((u) => u.pathname === '/office/payment');
        assert.match(await page.locator('h1').innerText(), /退款凭证/);
    }, PHONE);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${c.id}`), 'closed');
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'occupied');
});
