// 临时出入证 and 巡查日程 in a real browser: the decoration inspector issues a worker pass
// with a photo on the 出入证 tab, prints the card (front and back, masked ID, photo), and
// opens the day's list on a phone. Screenshots: office-renovation-pass (print media),
// office-renovation-due (phone).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { as, BASE, loginAs, makePng, PHONE, screenshot, submit } from './lib.mjs';
import { addPatrol, addViolation, idNumber, makeCase, staffWith } from '../http/reno-fixtures-pass.mjs';

const inspector = staffWith(['inspector'], 1, 'rpb');

test('the inspector issues a pass with a photo and prints the card', async () => {
    const c = makeCase({ workers: 4 });
    const full = idNumber('320102', '19850315');
    await as('inspector', async (page) => {
        await loginAs(page, 'office', inspector.login);
        await page.goto(`${BASE}/office/renovation-passes?id=${c.id}`);
        assert.equal(await page.locator('[data-passes-left]').getAttribute('data-passes-left'), '4');
        await page.locator('input[name="name"]').fill('王五');
        await page.locator('input[name="id_number"]').fill(full);
        await page.locator('input[name="phone"]').fill('13912345678');
        await page.locator('input[name="photo"]').setInputFiles({ name: 'wang.png', mimeType: 'image/png', buffer: makePng(120, 160) });
        await submit(page, page.getByRole('button', { name: '发放' }), '/office/renovation-passes');
        assert.equal(await page.locator('[data-saved]').getAttribute('data-saved'), 'issue');
        const row = page.locator('.reno-pass-row').first();
        assert.equal(await row.getAttribute('data-state'), 'issued');
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(`${full.slice(0, 4)}**********${full.slice(14)}`) && !text.includes(full));
        assert.equal(await page.locator('[data-passes-left]').getAttribute('data-passes-left'), '3');

        await row.getByRole('link', { name: '打印' }).click();
        await page.waitForURL(/\/office\/renovation-pass\?id=\d+$/);
        await page.locator('.reno-card-photo img').waitFor();
        assert.ok(await page.locator('.reno-card-photo img').evaluate((img) => img.complete && img.naturalWidth === 120),
            'the photo is served to the inspector');
        assert.equal(await page.locator('[data-id-masked]').innerText(), `${full.slice(0, 4)}**********${full.slice(14)}`);
        assert.ok((await page.locator('.reno-card-back').innerText()).includes('出入小区请佩戴本证'));
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.nav').first().isVisible().catch(() => false), false, 'no navigation on paper');
        const box = await page.locator('.reno-card-front').boundingBox();
        // 85.6 mm at 96 px per inch, give or take a border.
        assert.ok(Math.abs(box.width - (85.6 / 25.4) * 96) < 4, `a card of ID-1 width: ${box.width}px`);
        await screenshot(page, 'office-renovation-pass.png');
    });
});

test('the inspector\'s day on a phone: overdue violations first, then the sites due, no sideways scrolling', async () => {
    const late = makeCase(), site = makeCase({ state: 'inspecting' }), recent = makeCase();
    const v = addViolation(late, -2, inspector.id);
    addPatrol(site, 9, inspector.id);
    addPatrol(recent, 1, inspector.id);
    await as('inspector', async (page) => {
        await loginAs(page, 'office', inspector.login);
        await page.goto(`${BASE}/office/renovation-due`);
        const first = page.locator('.reno-due-row').first();
        assert.equal(await first.getAttribute('data-overdue'), 'yes');
        assert.ok(await page.locator(`[data-notice-no="${v.no}"]`).count() === 1);
        const siteRow = page.locator(`#sites [data-renovation-id="${site.id}"]`);
        assert.equal(await siteRow.getAttribute('data-days'), '9');
        assert.equal(await siteRow.locator('[data-inspecting]').count(), 1);
        assert.equal(await page.locator(`#sites [data-renovation-id="${recent.id}"]`).count(), 0);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no sideways scrolling: ${width}px`);
        await screenshot(page, 'office-renovation-due.png');
        await siteRow.locator('a').click();
        await page.waitForURL(`${BASE}/office/renovation-patrol?id=${site.id}`);
    }, PHONE, /renovation-patrol/);
});
