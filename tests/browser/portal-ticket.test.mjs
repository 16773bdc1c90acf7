// A resident reports a leak through the form in a real browser (Chromium through
// playwright-core), on a phone-sized screen: 报修 · 水电 · 户内, a description and a photo;
// the ticket's page then shows it with the photo's thumbnail. Screenshots of both pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, loginAs, makePng, openBrowser, PHONE, screenshot } from './lib.mjs';

test('a resident reports a leak with a photo on a phone and sees the ticket', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await loginAs(page, 'portal', '13800000001', 'wuye-demo-1');
        // Home offers the way in.
        await page.getByRole('link', { name: '我要报修/投诉' }).click();
        await page.waitForURL(`${BASE}/portal/new-ticket`);
        await page.getByLabel('报修').check();
        await page.locator('select[name="category"]').selectOption({ label: '水电' });
        await page.getByLabel('户内（我家）').check();
        await page.locator('input[name="place"]').fill('卫生间');
        const description = `卫生间洗手盆下水管接口漏水，地面有积水（浏览器测试 ${Date.now()}）`;
        await page.locator('textarea[name="description"]').fill(description);
        await page.locator('input[name="preferred_time"]').fill('2030-06-01T14:30');
        await page.locator('input[name="photo"]').setInputFiles({ name: '漏水.png', mimeType: 'image/png', buffer: makePng(240, 180) });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the form fits the phone: scrollWidth ${width}`);
        await screenshot(page, 'portal-new-ticket.png');

        const [answer] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/portal/new-ticket'),
            page.getByRole('button', { name: '提交' }).click(),
        ]);
        assert.equal(answer.status(), 303, 'the form is accepted');
        await page.waitForURL(/\/portal\/ticket\?id=\d+$/);
        const root = page.locator('[data-ticket-code]');
        assert.match(await root.getAttribute('data-ticket-code'), /^BX\d{8}-\d{4}$/);
        assert.equal(await root.getAttribute('data-status'), 'new');
        assert.equal(await root.getAttribute('data-kind'), 'repair');
        const text = await page.locator('main').innerText();
        // The preferred time comes back as typed: read and shown in the community's zone.
        for (const words of [description, '水电', '待受理', '1-1-101', '卫生间', '2030-06-01 14:30']) assert.ok(text.includes(words), `the page says ${words}`);
        // The thumbnail really loads (through /portal/photo and nginx).
        const img = page.locator('.photos img').first();
        await img.waitFor({ state: 'visible' });
        await page.waitForFunction(() => {
            const i = document.querySelector('.photos img');
            return i && i.complete && i.naturalWidth > 0;
        });
        assert.equal(await img.evaluate((i) => i.naturalWidth), 240);
        const after = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(after <= 390, `the ticket page fits the phone: scrollWidth ${after}`);
        await screenshot(page, 'portal-ticket.png');

        // It is in the list.
        await page.getByRole('link', { name: '我的工单' }).first().click();
        await page.waitForURL(`${BASE}/portal/tickets`);
        assert.ok((await page.locator('.ticket-list').innerText()).includes('水电'));
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
