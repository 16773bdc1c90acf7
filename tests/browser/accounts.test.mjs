// Resident accounts in a real browser: the front desk prints an activation slip from the
// person page (screenshot as printed), and the resident types the code on
// /portal/activate (screenshot) and lands on the home page of their unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { q, sql, sqlValue, uniqueSuffix } from '../http/lib.mjs';
import { BASE, loginAs, openBrowser, PHONE, screenshot, submit } from './lib.mjs';

test('the front desk prints a slip; the resident activates with it and sees their home', async () => {
    const run = uniqueSuffix().slice(-6).toUpperCase();
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(`B${run}`)}, ${q(`浏览楼${run}`)}, 3)`);
    const buildingId = Number(sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(`B${run}`)}`));
    const unitCode = `B${run}-1-201`;
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
         VALUES (1, ${buildingId}, ${q(unitCode)}, 2, 96.50, 'occupied')`);
    const unitId = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(unitCode)}`));
    const name = `陈静${run}`;
    sql(`INSERT INTO person (community_id, name, phone) VALUES (1, ${q(name)}, '13912345678')`);
    const personId = Number(sqlValue(`SELECT MAX(id) FROM person WHERE name = ${q(name)}`));
    sql(`INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) VALUES (1, ${unitId}, ${personId}, 'owner', '2024-05-01')`);

    const office = await openBrowser();
    let code;
    try {
        await loginAs(office.page, 'office', 'frontdesk');
        await office.page.goto(`${BASE}/office/person?id=${personId}`);
        assert.equal(await office.page.locator('[data-account-status]').innerText(), '未开通');
        const [answer] = await Promise.all([
            office.page.waitForResponse((r) => r.request().method() === 'POST'),
            office.page.getByRole('button', { name: '生成激活码' }).click(),
        ]);
        assert.equal(answer.status(), 200, 'the slip is the POST answer');
        await office.page.waitForLoadState('load');
        code = (await office.page.locator('[data-code]').innerText()).trim();
        assert.match(code, /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
        assert.ok(!office.page.url().includes(code.slice(0, 5)), 'the code is not in the URL');
        await office.page.emulateMedia({ media: 'print' });
        await screenshot(office.page, 'office-activation-slip.png');
        await office.page.emulateMedia({ media: 'screen' });
        assert.deepEqual(office.problems, []);
    } finally {
        await office.context.close();
    }

    const resident = await openBrowser(PHONE);
    try {
        const { page } = resident;
        await page.goto(`${BASE}/portal/login`);
        await Promise.all([page.waitForURL(`${BASE}/portal/activate`), page.getByRole('link', { name: '首次登录？使用激活码' }).click()]);
        await screenshot(page, 'portal-activate.png');
        const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
        await page.locator('input[name="code"]').pressSequentially(code.toLowerCase(), { delay: 5 });
        await page.locator('input[name="phone"]').fill(phone);
        await page.locator('input[name="password"]').fill('browser-pass-1');
        await page.locator('input[name="password2"]').fill('browser-pass-1');
        await submit(page, page.getByRole('button', { name: '激活并登录' }), '/portal/home');
        assert.equal(await page.locator(`[data-unit="${unitCode}"]`).count(), 1, 'the home page shows the unit');
        assert.deepEqual(resident.problems, []);
    } finally {
        await resident.context.close();
    }
});
