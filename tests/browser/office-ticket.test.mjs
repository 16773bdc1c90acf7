// The back office's requests in a real browser: the front desk takes a phone complaint
// through the intake form, dispatches it, finds it in the queue and opens its printable
// slip 派工单. Screenshots of each page; no console errors; the phone-sized queue and
// form do not scroll sideways.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, loginAs, openBrowser, PHONE, screenshot, submit } from './lib.mjs';

test('the front desk takes a phone complaint, dispatches it, finds it in the queue and prints the slip', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await loginAs(page, 'office', 'frontdesk');
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '登记' }).click();
        await page.waitForURL(`${BASE}/office/new-ticket`);
        await page.getByRole('navigation', { name: '工单类型' }).getByRole('link', { name: '投诉' }).click();
        await page.waitForURL(`${BASE}/office/new-ticket?kind=complaint`);
        assert.equal(await page.locator('select[name="channel"]').inputValue(), 'phone', 'channel: 电话 by default');
        await page.locator('select[name="category"]').selectOption({ label: '环境卫生（保洁部）' });
        await page.locator('input[name="reporter_name"]').fill('张伟');
        await page.locator('input[name="reporter_phone"]').fill('13800000001');
        await page.locator('input[name="unit"]').fill('1-1-101');
        const description = '业主来电：1栋1单元楼道垃圾两天没有清运，气味很大。';
        await page.locator('textarea[name="description"]').fill(description);
        await screenshot(page, 'office-new-ticket.png');
        await submit(page, page.getByRole('button', { name: '登记', exact: true }), '/office/ticket');

        const root = page.locator('[data-ticket-id]').first();
        assert.match(await root.getAttribute('data-ticket-code'), /^TS\d{8}-\d{4}$/);
        assert.equal(await root.getAttribute('data-status'), 'accepted');
        assert.equal(await root.getAttribute('data-kind'), 'complaint');
        const code = await root.getAttribute('data-ticket-code');
        assert.equal((await page.locator('[data-owner]').innerText()).trim(), '王芳', '首问负责: 王芳');
        assert.ok((await page.locator('main').innerText()).includes(description));

        // The dispatch form is unfolded for an accepted ticket.
        const dispatch = page.locator('form[data-action="dispatch"]');
        await dispatch.locator('select[name="dept"]').selectOption({ label: '保洁部' });
        await submit(page, dispatch.getByRole('button', { name: '派工' }), '/office/ticket');
        assert.equal(await page.locator('[data-ticket-id]').first().getAttribute('data-status'), 'dispatched');
        assert.equal((await page.locator('[data-department]').innerText()).trim(), '保洁部');
        assert.ok((await page.locator('.timeline').innerText()).includes('派至 保洁部'));
        await screenshot(page, 'office-ticket.png');

        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
        await page.waitForURL(`${BASE}/office/tickets`);
        const row = page.locator(`tr[data-ticket-id="${await root.getAttribute('data-ticket-id')}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-status'), 'dispatched');
        assert.ok((await row.innerText()).includes(code));
        await screenshot(page, 'office-tickets.png');

        await row.getByRole('link', { name: code }).click();
        await page.waitForURL(/\/office\/ticket\?id=\d+$/);
        await page.getByRole('link', { name: '打印派工单' }).click();
        await page.waitForURL(/print=1$/);
        const slip = await page.locator('main').innerText();
        for (const words of ['派工单', code, '1-1-101', '保洁部', '维修人员签字', '业主签字']) {
            assert.ok(slip.includes(words), `the slip says ${words}`);
        }
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header.top').isVisible(), false, 'no header on paper');
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
        await screenshot(page, 'office-slip.png');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('on a phone (390x844) the queue, the intake form and a ticket fit the width', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await loginAs(page, 'office', 'supervisor');
        for (const p of ['/office/tickets', '/office/new-ticket', '/office/callbacks']) {
            await page.goto(`${BASE}${p}`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 390, `${p} does not scroll sideways (scrollWidth ${width})`);
        }
        await page.goto(`${BASE}/office/tickets`);
        const first = page.locator('tr[data-ticket-id] a').first();
        if (await first.count()) {
            await first.click();
            await page.waitForURL(/\/office\/ticket\?id=\d+$/);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 390, `a ticket does not scroll sideways (scrollWidth ${width})`);
            await screenshot(page, 'office-ticket-mobile.png');
        }
        await page.goto(`${BASE}/office/tickets`);
        await screenshot(page, 'office-tickets-mobile.png');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
