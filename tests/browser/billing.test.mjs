// 出账 in Chromium: the cashier runs this month's billing for the demo community from the
// form (or is told the month is already billed), looks at October's bills of building 1,
// and opens a one-off bill (临时收费) for 1-1-101 that lands on the bill's page; at phone
// width the page does not scroll sideways. Screenshots office-billing.png,
// office-billing-mobile.png.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { sqlValue } from '../http/lib.mjs';
import { BASE, loginAs, openBrowser, PHONE, screenshot, submit } from './lib.mjs';

test('the cashier bills the month, reads a month\'s bills and makes a one-off bill', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}/office/billing`);
        const period = await page.locator('input[name="period"]').inputValue();
        assert.match(period, /^\d{4}-\d{2}$/, 'the form offers the current month');
        await submit(page, page.getByRole('button', { name: '生成账单' }), '/office/billing');
        const notice = page.locator('[data-run-bills]');
        assert.match(await notice.innerText(), new RegExp(`(已为 ${period} 生成 \\d+ 张账单|${period} 没有新的账单)`));
        const bills = Number(sqlValue(`SELECT COUNT(*) FROM bill WHERE community_id = 1 AND period = '${period}' AND kind = 'period'`));
        assert.ok(bills > 300, 'the demo community is billed for the month');

        await page.goto(`${BASE}/office/billing?period=2026-10`);
        await page.locator('select[name="building"]').selectOption('1');
        await page.getByRole('button', { name: '查看' }).click();
        await page.waitForURL((u) => u.searchParams.get('building') === '1');
        const first = page.locator('tr[data-unit-code="1-1-101"]');
        assert.match(await first.innerText(), /张伟/);
        assert.equal(await page.locator('tr[data-unit-code^="2-"]').count(), 0, 'only building 1');
        await screenshot(page, 'office-billing.png');

        await page.goto(`${BASE}/office/billing`);
        await page.locator('input[name="unit"]').fill('1-1-101');
        await page.locator('select[name="item"]').selectOption('fund');
        await page.locator('input[name="amount"]').fill('300');
        await page.locator('input[name="description"]').fill('专项维修资金补缴');
        await submit(page, page.getByRole('button', { name: '开单' }), '/office/bill');
        const id = Number(new URL(page.url()).searchParams.get('id'));
        assert.equal(sqlValue(`SELECT amount_fen FROM bill WHERE id = ${id} AND kind = 'oneoff'`), '30000');
        assert.match(await page.locator('main').innerText(), /专项维修资金补缴/);
        assert.deepEqual(problems, []);
    } finally {
        await context.close();
    }
});

test('the billing page fits a phone', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}/office/billing?period=2026-10&building=1`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
        await screenshot(page, 'office-billing-mobile.png');
        assert.deepEqual(problems, []);
    } finally {
        await context.close();
    }
});
