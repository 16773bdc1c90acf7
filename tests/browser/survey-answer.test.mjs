// tests/browser/survey-answer.test.mjs: a resident fills a survey on a phone through the
// portal, and someone fills it on a phone through a link printed on the front desk's slips.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { makeHousehold, q, sql, sqlValue, STAFF } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const dropped = [];
after(() => {
    for (const d of dropped) d();
});

// A published survey for building 3, open now, with a rating, an NPS, a multiple choice and
// a comment question; answers {id, qs: type -> question id}.
function makeSurvey() {
    const title = `业主满意度调查 ${Date.now() % 100000}`;
    sql(`SET @by = (SELECT id FROM staff WHERE login = ${q(STAFF)});
         INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, created_by, created_at, updated_at)
           VALUES (1, ${q(title)}, '为了更好地为您服务，请花两分钟填写这份问卷。', 'published', UTC_TIMESTAMP() - INTERVAL 1 DAY,
             DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 14 DAY, '%Y-%m-%d %H:%i:00'), 'buildings', @by, UTC_TIMESTAMP(), UTC_TIMESTAMP());
         SET @s = LAST_INSERT_ID();
         INSERT INTO survey_building (survey_id, building_id) SELECT @s, id FROM building WHERE community_id = 1 AND code = '3';
         INSERT INTO survey_question (survey_id, position, type, text, choices, area, required) VALUES
           (@s, 1, 'rating', '您对保洁服务是否满意？', NULL, 'cleaning', 1),
           (@s, 2, 'nps', '您有多大可能向亲友推荐我们的物业服务？', NULL, NULL, 1),
           (@s, 3, 'multiple', '您希望我们改进哪些方面？', '保洁\n绿化\n保安\n电梯', NULL, 0),
           (@s, 4, 'long', '其他意见和建议', NULL, NULL, 0);`);
    const id = Number(sqlValue(`SELECT MAX(id) FROM survey WHERE title = ${q(title)}`));
    const qs = Object.fromEntries(sql(`SELECT type, id FROM survey_question WHERE survey_id = ${id}`).map(([t, i]) => [t, Number(i)]));
    dropped.unshift(() => sql(`DELETE a FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ${id};
        DELETE FROM survey_response WHERE survey_id = ${id}; DELETE FROM survey_question WHERE survey_id = ${id};
        DELETE FROM survey_building WHERE survey_id = ${id}; DELETE FROM survey WHERE id = ${id};`));
    return { id, qs };
}

function household() {
    const h = makeHousehold('survey-b');
    dropped.push(h.drop);
    return h;
}

// Fills the form: a required question left out first (the page keeps what was typed and
// marks it), then completed.
async function fill(page, s, shot) {
    await page.locator(`[data-question-id="${s.qs.rating}"] label`).filter({ hasText: '4 满意' }).click();
    await page.locator(`[data-question-id="${s.qs.multiple}"] label`, { hasText: '电梯' }).click();
    await page.locator(`textarea[name="q${s.qs.long}"]`).fill('电梯偶尔有异响，希望尽快检修。');
    const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: '提交问卷' }).click(),
    ]);
    assert.equal(refused.status(), 422);
    await page.waitForLoadState('load');
    assert.match(await page.locator(`.field-error[data-field="q${s.qs.nps}"]`).innerText(), /必答/);
    assert.equal(await page.locator(`textarea[name="q${s.qs.long}"]`).inputValue(), '电梯偶尔有异响，希望尽快检修。');
    assert.ok(await page.locator(`input[name="q${s.qs.rating}"][value="4"]`).isChecked());
    await page.locator(`[data-question-id="${s.qs.nps}"] label`).filter({ hasText: /^\s*9\s*$/ }).click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (page ${width} px wide)`);
    await screenshot(page, shot);
    await submit(page, page.getByRole('button', { name: '提交问卷' }), (u) => u.pathname === new URL(page.url()).pathname);
    assert.match(await page.locator('main').innerText(), /感谢您的参与/);
    assert.match(await page.locator('main').innerText(), /已于 .* 提交，可修改至/);
}

test('a resident fills the survey on a phone through the portal', async () => {
    const s = makeSurvey();
    const h = household();
    await as('the resident', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/surveys`);
        await page.locator(`[data-survey-id="${s.id}"] a`).click();
        await page.waitForURL((u) => u.pathname === '/portal/survey');
        await fill(page, s, 'portal-survey-phone.png');
    }, PHONE, /422/);
    const rows = sql(`SELECT channel, account_id FROM survey_response WHERE survey_id = ${s.id} AND current_key = 1`);
    assert.deepEqual(rows, [['portal', String(h.owner.id)]]);
    assert.equal(sqlValue(`SELECT value_int FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
        WHERE r.survey_id = ${s.id} AND a.question_id = ${s.qs.nps}`), '9');
});

test('the front desk prints the slips; a neighbour fills the survey through the link on a phone', async () => {
    const s = makeSurvey();
    const h = household();
    let url;
    await as('the front desk', async (page) => {
        await loginAs(page, 'office', STAFF);
        await page.goto(`${BASE}/office/survey-links?id=${s.id}&building=3`);
        const slip = page.locator(`[data-unit-code="${h.units[1].code}"]`);
        assert.equal(await slip.locator('svg').count(), 1, 'the slip has its QR code');
        url = (await slip.locator('[data-url]').innerText()).trim();
        await page.emulateMedia({ media: 'print' });
        await screenshot(page, 'office-survey-links.png');
    });
    assert.match(url, /\/form\/survey\?t=/);
    await as('the neighbour', async (page) => {
        await page.goto(url);
        assert.match(await page.locator('main').innerText(), new RegExp(h.units[1].code));
        await fill(page, s, 'form-survey-phone.png');
    }, PHONE, /422/);
    const rows = sql(`SELECT channel, account_id, unit_id FROM survey_response WHERE survey_id = ${s.id} AND current_key = 1`);
    assert.deepEqual(rows, [['link', null, String(h.units[1].id)]]);
});
