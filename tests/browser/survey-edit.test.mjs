// 问卷设计 in Chromium: the supervisor starts a survey from the SERVQUAL template on
// /office/surveys, adds a multiple-choice question at the end, moves it up, publishes the
// survey and finds it 未开始 or 进行中 in the list; the pages fit a phone. Screenshots
// office-surveys.png, office-survey-edit.png.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { sql, sqlValue } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const made = [];
after(() => {
    if (!made.length) return;
    const ids = made.join(', ');
    sql(`DELETE FROM survey_question WHERE survey_id IN (${ids}); DELETE FROM survey_building WHERE survey_id IN (${ids});
         DELETE FROM survey WHERE id IN (${ids});`);
});

test('the supervisor builds a survey from the template, adds a question and publishes it', async () => {
    await as('supervisor', async (page) => {
        await loginAs(page, 'office', 'supervisor');
        await page.goto(`${BASE}/office/surveys`);
        await page.locator('select[name="template"]').selectOption('servqual');
        await submit(page, page.getByRole('button', { name: '新建' }), '/office/survey-edit');
        const id = Number(new URL(page.url()).searchParams.get('id'));
        made.push(id);
        assert.match(await page.locator('[data-saved]').innerText(), /已新建问卷草稿/);
        const rows = page.locator('li.survey-question');
        const before = await rows.count();
        assert.ok(before >= 18, `the template's questions are listed (${before})`);
        assert.equal(await page.locator('li.survey-question[data-dimension="empathy"]').count() > 0, true);

        await page.locator('details.survey-add summary').click();
        const add = page.locator('form[data-form="question_add"]');
        await add.locator('select[name="type"]').selectOption('multiple');
        await add.locator('textarea[name="text"]').fill('您希望物业增加哪些便民服务？');
        await add.locator('textarea[name="choices"]').fill('代收快递\n家政保洁\n家电维修\n老人关怀');
        await add.locator('select[name="area"]').selectOption('service');
        await add.locator('input[name="required"]').uncheck();
        await submit(page, add.getByRole('button', { name: '添加' }), '/office/survey-edit');
        assert.equal(await rows.count(), before + 1);
        const last = rows.last();
        assert.equal(await last.getAttribute('data-position'), String(before + 1));
        assert.match(await last.innerText(), /您希望物业增加哪些便民服务？[\s\S]*代收快递[\s\S]*老人关怀/);
        await submit(page, last.getByRole('button', { name: '上移' }), '/office/survey-edit');
        assert.match(await rows.nth(before - 1).innerText(), /便民服务/, 'moved up one place');
        assert.deepEqual(sql(`SELECT position FROM survey_question WHERE survey_id = ${id} ORDER BY position`).map(([p]) => Number(p)),
            Array.from({ length: before + 1 }, (_, i) => i + 1));
        await screenshot(page, 'office-survey-edit.png');

        await submit(page, page.getByRole('button', { name: '发布问卷' }), '/office/survey-edit');
        assert.match(await page.locator('[data-saved]').innerText(), /问卷已发布/);
        assert.equal(sqlValue(`SELECT state FROM survey WHERE id = ${id}`), 'published');
        await page.goto(`${BASE}/office/surveys`);
        const row = page.locator(`[data-survey-id="${id}"]`);
        assert.match(await row.getAttribute('data-phase'), /^(scheduled|open)$/);
        assert.match(await row.innerText(), /全小区/);
        await screenshot(page, 'office-surveys.png');
    });
});

test('the survey pages fit a phone', async () => {
    await as('supervisor on a phone', async (page) => {
        await loginAs(page, 'office', 'supervisor');
        await page.goto(`${BASE}/office/surveys`);
        let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the list does not scroll sideways (${overflow}px)`);
        await page.locator('select[name="template"]').selectOption('servqual');
        await submit(page, page.getByRole('button', { name: '新建' }), '/office/survey-edit');
        made.push(Number(new URL(page.url()).searchParams.get('id')));
        await page.locator('details.survey-add summary').click();
        overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the edit page does not scroll sideways (${overflow}px)`);
    }, PHONE);
});
