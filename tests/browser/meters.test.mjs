// 抄表 and 收费项目与标准 clicked through in Chromium:
//   (a) the front desk opens the reading sheet of a building of our own, types this
//       month's readings, one of them lower than last month's: the sheet comes back with
//       the values kept and a checkbox to confirm it; ticked, the sheet is saved and shows
//       the usage of each unit. At phone width the page does not scroll sideways.
//   (b) the manager adds a rate to a fee item of our own through the form on 收费项目与标准
//       and sees it listed with its price as entered.
// Screenshots office-meters.png, office-meters-confirm.png, office-meters-mobile.png,
// office-fees.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { q, sql, sqlValue, uniqueSuffix } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const run = uniqueSuffix();
let BUILDING;
const ITEM = `bw_${run}`.slice(0, 20);
const FEE = `bf_${run}`.slice(0, 20);
const unit = (room) => `${BUILDING}-1-${room}`;

before(() => {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    do {
        BUILDING = `B${Array.from({ length: 3 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`;
    } while (Number(sqlValue(`SELECT COUNT(*) FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`)));
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(BUILDING)}, ${q(`${BUILDING}栋`)}, 2)`);
    const b = sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`);
    for (const [room, floor] of [['101', 1], ['102', 1], ['201', 2], ['202', 2]]) {
        sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
             VALUES (1, ${b}, ${q(unit(room))}, ${floor}, 90.00, 'residence', 'occupied')`);
    }
    sql(`INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort)
           VALUES (1, ${q(ITEM)}, '冷水费', 'metered', '吨', 'residence', 990),
                  (1, ${q(FEE)}, '电梯运行费', 'fixed', '', 'residence', 991);`);
    sql(`INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
         SELECT 1, u.id, f.id, '2025-12', 20000 + u.floor * 100, NULL, 0, NOW()
         FROM unit u JOIN fee_item f ON f.community_id = 1 AND f.code = ${q(ITEM)}
         WHERE u.community_id = 1 AND u.building_id = ${b}`);
});


test('(a) the front desk enters a reading sheet; a lower reading is confirmed with its checkbox', async () => {
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await page.goto(`${BASE}/office/meters`);
        await page.locator('select[name="building"]').first().selectOption(BUILDING);
        await page.locator('select[name="item"]').first().selectOption(ITEM);
        await page.locator('form[data-form="choose"] input[name="period"]').fill('2026-01');
        await Promise.all([
            page.waitForURL((u) => u.searchParams.get('building') === BUILDING && u.searchParams.get('period') === '2026-01'),
            page.getByRole('button', { name: '打开抄表单' }).click(),
        ]);
        const codes = await page.locator('tr[data-unit-code]').evaluateAll((rows) => rows.map((r) => r.dataset.unitCode));
        assert.deepEqual(codes, ['101', '102', '201', '202'].map(unit));
        const input = (room) => page.getByLabel(`${unit(room)} 新读数`);
        await input('101').fill('215.5'); // last 201.00: usage 14.50
        await input('102').fill('209');
        await input('201').fill('12'); // last 202.00: lower, a new meter
        const [refused] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST'),
            page.getByRole('button', { name: '保存读数' }).click(),
        ]);
        assert.equal(refused.status(), 422);
        await page.waitForLoadState('load');
        const error = page.locator(`p.field-error[data-field="reading"][data-unit-code="${unit('201')}"]`);
        assert.match(await error.innerText(), /低于上次读数 202\.00/);
        assert.equal(await input('101').inputValue(), '215.5', 'the values typed are kept');
        await screenshot(page, 'office-meters-confirm.png');
        await page.locator(`tr[data-unit-code="${unit('201')}"]`).getByLabel('确认无误').check();
        await submit(page, page.getByRole('button', { name: '保存读数' }), '/office/meters');
        assert.match(await page.locator('[data-done]').innerText(), /已保存 3 条读数/);
        const usage = await page.locator('tr[data-unit-code]').evaluateAll((rows) =>
            rows.map((r) => [r.dataset.unitCode, r.dataset.usageC]));
        assert.deepEqual(usage, [[unit('101'), '1450'], [unit('102'), '800'], [unit('201'), '1200'], [unit('202'), '']]);
        await screenshot(page, 'office-meters.png');
    }, {}, /422/);

    await as('frontdesk (phone)', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await page.goto(`${BASE}/office/meters?building=${BUILDING}&item=${ITEM}&period=2026-01`);
        await page.locator('tr[data-unit-code]').first().waitFor();
        const widths = await page.evaluate(() => ({
            doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth,
        }));
        assert.ok(widths.doc <= widths.view && widths.body <= widths.view,
            `no horizontal page scroll at 390px: ${JSON.stringify(widths)}`);
        await screenshot(page, 'office-meters-mobile.png');
    }, PHONE);
});

test('(b) the manager adds a rate on 收费项目与标准 and sees it in force', async () => {
    await as('manager', async (page) => {
        await loginAs(page, 'office', 'manager');
        await page.goto(`${BASE}/office/fees`);
        const form = page.locator('form[data-form="rate"]');
        await form.getByLabel('收费项目').selectOption(FEE);
        await form.getByLabel('起始日期').fill('2025-01-01');
        await form.getByLabel('单价（元，最多 4 位小数）').fill('0.5375');
        await form.getByLabel('备注（如物价备案文号）').fill('业主大会决议');
        await submit(page, form.getByRole('button', { name: '保存收费标准' }), '/office/fees');
        assert.match(await page.locator('[data-saved="rate"]').innerText(), new RegExp(`已保存 ${FEE} 自 2025-01-01`));
        const row = page.locator(`section[data-item-code="${FEE}"] tr[data-current="1"]`);
        assert.match(await row.innerText(), /0\.5375 元\/户·月/);
        await screenshot(page, 'office-fees.png');
    });
});
