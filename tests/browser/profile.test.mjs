// A resident with two units opens 我的资料 in a real browser: the household's contacts, the
// units with the current one marked; they switch to the other unit with a click. Screenshots
// on a desktop and a phone.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { makeHousehold, sql } from '../http/lib.mjs';
import { BASE, loginAs, openBrowser, PHONE, screenshot, submit } from './lib.mjs';

const h = makeHousehold('browser-profile');
sql(`UPDATE person SET phone = '13911112222', emergency_contact = '王五 13933334444' WHERE id = ${h.family.personId}`);
after(() => h.drop());

test('the profile fits a phone', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/profile`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the page fits the phone: scrollWidth ${width}`);
        await screenshot(page, 'portal-profile-phone.png');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('the profile of a resident with two units, and switching between them', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await loginAs(page, 'portal', h.owner.login);
        await page.getByRole('link', { name: '我的资料' }).click();
        await page.waitForURL(`${BASE}/portal/profile`);
        const text = await page.locator('main').innerText();
        for (const words of [h.owner.login, h.units[0].code, h.units[1].code, '13911112222', '王五 13933334444', '修改密码']) {
            assert.ok(text.includes(words), `the page says ${words}`);
        }
        assert.equal(await page.locator('[data-current="1"]').getAttribute('data-unit-code'), h.units[0].code);
        await screenshot(page, 'portal-profile.png');

        await submit(page, page.locator(`[data-unit-code="${h.units[1].code}"]`).getByRole('button', { name: '切换到此房屋' }),
            '/portal/profile');
        assert.equal(await page.locator('[data-current="1"]').getAttribute('data-unit-code'), h.units[1].code);
        assert.ok((await page.locator('.notice').innerText()).includes('已保存'));
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
