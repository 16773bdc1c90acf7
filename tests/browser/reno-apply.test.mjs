// 装修申请与审核 in a real browser: a resident applies on a phone with a plan, the decoration
// inspector returns it for more documents on the 概况 tab, and the resident sees why.
// Screenshots: portal-renovation-apply-phone, office-renovation.
import assert from 'node:assert/strict';
import { test, after } from 'node:test';

import { as, BASE, loginAs, makePng, PHONE, screenshot, submit } from './lib.mjs';
import { household, localDate, PDF, staffWith } from '../http/reno-fixtures-apply.mjs';

const cleanups = [];
after(() => {
    for (const c of cleanups) c(); // the cases before the staff who reviewed them
});

test('a resident applies on a phone; the inspector returns it and the resident sees the reason', async () => {
    const h = await household('reno-apply-b');
    cleanups.push(h.cleanup);
    const inspector = await staffWith(['inspector'], 'rab');
    cleanups.push(() => inspector.staff.drop());
    let id;
    await as('resident', async (page) => {
        await loginAs(page, 'portal', h.household.owner.login);
        await page.goto(`${BASE}/portal/renovation`);
        await page.getByRole('link', { name: '申请装修' }).click();
        await page.waitForURL(/\/portal\/renovation\?new=1$/);
        await page.locator('input[name="company"]').fill('安居装饰');
        await page.locator('input[name="foreman"]').fill('刘师傅');
        await page.locator('input[name="foreman_phone"]').fill('13912345678');
        await page.locator('input[name="planned_start"]').fill(localDate(3));
        await page.locator('input[name="planned_end"]').fill(localDate(45));
        await page.getByLabel('墙面').check();
        await page.getByLabel('厨卫').check();
        await page.locator('textarea[name="description"]').fill('厨房、卫生间重新铺砖，客厅墙面刷漆');
        await page.locator('input[name="workers"]').fill('4');
        await page.locator('input[name="plan"]').setInputFiles({ name: '平面图.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.locator('input[name="licence"]').setInputFiles({ name: '执照.png', mimeType: 'image/png', buffer: makePng(200, 140) });
        await page.locator('input[name="no_structural"]').check();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no sideways scrolling on a phone: scrollWidth ${width}`);
        await screenshot(page, 'portal-renovation-apply-phone.png');
        await submit(page, page.getByRole('button', { name: '提交申请' }), '/portal/renovation');
        assert.equal(await page.locator('[data-saved]').getAttribute('data-saved'), 'apply');
        const c = page.locator('.reno-case');
        assert.equal(await c.getAttribute('data-state'), 'submitted');
        id = Number(await c.getAttribute('data-renovation-id'));
        assert.equal(await page.locator('[data-scope]').innerText(), '墙面、厨卫');
        assert.equal(await page.locator('.reno-files-list li').count(), 2);
        assert.equal(await page.locator('[data-step="submit"]').count(), 1);
    }, PHONE);

    await as('inspector', async (page) => {
        await loginAs(page, 'office', inspector.staff.login);
        await page.goto(`${BASE}/office/renovations?state=pending`);
        await page.locator(`tr[data-renovation-id="${id}"] a`).click();
        await page.waitForURL(new RegExp(`/office/renovation\\?id=${id}$`));
        assert.equal(await page.locator('[data-page="office-renovation"]').getAttribute('data-state'), 'submitted');
        await page.getByLabel('申请资料齐全').check();
        await page.getByLabel('施工图纸').check();
        await page.getByLabel('退回补充').check();
        await page.locator('textarea[name="note"]').fill('请补充装修公司资质证书');
        await screenshot(page, 'office-renovation.png');
        await submit(page, page.getByRole('button', { name: '提交审核结果' }), '/office/renovation');
        assert.equal(await page.locator('[data-saved]').getAttribute('data-saved'), 'return');
        assert.equal(await page.locator('[data-step="return"]').count(), 1);
    });

    await as('resident', async (page) => {
        await loginAs(page, 'portal', h.household.owner.login);
        await page.goto(`${BASE}/portal/renovation?id=${id}`);
        assert.equal(await page.locator('.reno-case').getAttribute('data-state'), 'returned');
        assert.equal(await page.locator('[data-reason="return"] [data-reason-note]').innerText(), '请补充装修公司资质证书');
        assert.equal(await page.locator('form[data-form="resubmit"] input[name="foreman"]').inputValue(), '刘师傅');
    }, PHONE);
});
