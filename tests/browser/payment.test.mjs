// Taking a payment at the counter in Chromium, as the cashier 孙丽 would: find the unit by
// its code, keep both bills ticked, choose 微信, name the payer, take it; the receipt (收据)
// is then shown and screenshotted as print media at about A5 width, with the staff
// navigation and the reverse form left off the paper. Then the bill page and the day's
// settlement (日清) show the payment. At phone width the payment form fits the screen.
// Screenshots office-receipt.png, office-bill.png, office-settlement.png,
// office-payment-mobile.png.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';

import { q, sql, sqlValue } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

// A unit of our own with an owner and two bills (Aug: 物业管理费 + 垃圾清运费, Sep: 物业管理费).
function makeUnitWithBills() {
    const code = `3-B-${randomBytes(3).toString('hex').toUpperCase()}`;
    sql(`SET @b = (SELECT id FROM building WHERE community_id = 1 AND code = '3');
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, state) VALUES (1, @b, ${q(code)}, 2, 88.00, 'occupied');
         SET @u = LAST_INSERT_ID();
         INSERT INTO person (community_id, name) VALUES (1, '陈静');
         INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) VALUES (1, @u, LAST_INSERT_ID(), 'owner', '2024-01-01');
         SET @mgmt = (SELECT id FROM fee_item WHERE community_id = 1 AND code = 'mgmt');
         SET @garbage = (SELECT id FROM fee_item WHERE community_id = 1 AND code = 'garbage');
         INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (1, @u, 'period', '2032-08', '2032-08', 25640, '2032-08-31', NOW());
         SET @b1 = LAST_INSERT_ID();
         INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, price_e4, amount_fen) VALUES
           (1, @b1, @mgmt, '物业管理费 88.00㎡ × 2.80', 8800, 28000, 24640), (1, @b1, @garbage, '生活垃圾清运费', NULL, NULL, 1000);
         INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (1, @u, 'period', '2032-09', '2032-09', 24640, '2032-09-30', NOW());
         INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, price_e4, amount_fen) VALUES
           (1, LAST_INSERT_ID(), @mgmt, '物业管理费 88.00㎡ × 2.80', 8800, 28000, 24640);`);
    const unitId = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(code)}`));
    const bills = sql(`SELECT id FROM bill WHERE unit_id = ${unitId} ORDER BY period`).map((r) => Number(r[0]));
    return { code, unitId, bills };
}

test('the cashier takes a payment; the receipt prints; the bill and the day show it', async () => {
    const u = makeUnitWithBills();
    await as('cashier', async (page) => {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}/office/payment`);
        await page.getByLabel('房号').fill(u.code);
        await Promise.all([
            page.waitForURL((url) => url.pathname === '/office/payment' && url.searchParams.get('unit') === u.code),
            page.getByRole('button', { name: '查找账单' }).click(),
        ]);
        assert.equal(await page.locator('[data-owners]').innerText(), '陈静');
        const boxes = page.locator('input[type="checkbox"][name="bill"]');
        assert.equal(await boxes.count(), 2);
        for (let i = 0; i < 2; i++) assert.ok(await boxes.nth(i).isChecked(), 'ticked by default');
        assert.equal(await page.getByLabel('收款金额（元）').inputValue(), '502.80');
        await page.getByLabel('收款方式').selectOption('wechat');
        await page.getByLabel('交款人（可不填）').fill('陈静');
        await submit(page, page.getByRole('button', { name: '确认收款并打印收据' }), '/office/payment');
        const slip = page.locator('article[data-page="office-receipt"]');
        const no = await slip.getAttribute('data-receipt-no');
        assert.match(no, /^SJ\d{4}-\d{6}$/);
        const text = (await slip.innerText()).replace(/\s+/g, ' ');
        for (const want of ['蓝山花园', u.code, '陈静', '2032-08', '2032-09', '物业管理费', '生活垃圾清运费', '502.80',
            '伍佰零贰元捌角', '微信', '孙丽']) {
            assert.ok(text.includes(want), `the receipt shows ${want}: ${text}`);
        }
        assert.equal(sqlValue(`SELECT SUM(paid_fen) FROM bill WHERE unit_id = ${u.unitId}`), '50280');

        // On paper: about A5 wide, no navigation, no tools, no reverse form.
        await page.setViewportSize({ width: 560, height: 794 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header.top, .top').first().isVisible(), false, 'no navigation on paper');
        assert.equal(await page.locator('.slip-tools').isVisible(), false, 'no tools on paper');
        assert.equal(await page.locator('details.action').isVisible(), false, 'no reverse form on paper');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 560, `the slip fits A5 width: ${width}`);
        await screenshot(page, 'office-receipt.png');
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1280, height: 800 });

        await page.goto(`${BASE}/office/bill?id=${u.bills[0]}`);
        const bill = page.locator('article[data-page="office-bill"]');
        assert.equal(await bill.getAttribute('data-state'), 'paid');
        await page.getByRole('link', { name: no }).waitFor();
        await screenshot(page, 'office-bill.png');

        await page.goto(`${BASE}/office/settlement`);
        const row = page.locator('table.settle-entries tr', { hasText: no });
        assert.equal(await row.count(), 1, 'the payment is in the day');
        assert.match(await row.innerText(), /微信/);
        await screenshot(page, 'office-settlement.png');
    });
});

test('at phone width the payment form fits the screen', async () => {
    const u = makeUnitWithBills();
    await as('cashier (phone)', async (page) => {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}/office/payment?unit=${encodeURIComponent(u.code)}`);
        await page.locator('form[data-form="payment"]').waitFor();
        const widths = await page.evaluate(() => ({
            doc: document.documentElement.scrollWidth, view: window.innerWidth,
        }));
        assert.ok(widths.doc <= widths.view, `no horizontal page scroll at 390px: ${JSON.stringify(widths)}`);
        await screenshot(page, 'office-payment-mobile.png');
    }, PHONE);
});
