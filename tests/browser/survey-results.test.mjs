// Survey results in a real browser, in a community of its own: the supervisor reads the
// figures and the SVG charts (coloured by the style sheet: the CSP allows nothing inline),
// turns a low score into a complaint from its "转为工单" form, and prints the page (no
// forms, the charts kept). Screenshots office-survey-results.png and
// office-survey-results-print.png; on a phone the page fits 390 px.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { q, sql, sqlValue, STAFF, uniqueSuffix } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const tag = uniqueSuffix().slice(-6).toUpperCase();
let community, surveyId, login;

before(() => {
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`SB${tag}`)}, ${q(`调查浏览${tag}`)}, 'Asia/Shanghai')`);
    const c = community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`SB${tag}`)}`));
    login = `srb-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, '调查主管', ${c}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${c} FROM role r WHERE r.code = 'supervisor';
         INSERT INTO ticket_category (community_id, kind, code, name, sort) VALUES
           (${c}, 'complaint', 'sanitation', '环境卫生', 1), (${c}, 'suggestion', 'service', '服务改进', 1);`);
    const staff = Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`));
    for (const b of ['A', 'B']) {
        sql(`INSERT INTO building (community_id, code, name, floors) VALUES (${c}, ${q(b)}, ${q(`${b}栋`)}, 6)`);
        for (let i = 1; i <= 6; i++) {
            sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
                   SELECT ${c}, id, ${q(`${b}-1-${100 + i}`)}, 1, 90, 'residence', 'occupied' FROM building
                   WHERE community_id = ${c} AND code = ${q(b)};
                 SET @u = LAST_INSERT_ID();
                 INSERT INTO person (community_id, name) VALUES (${c}, ${q(`住户${b}${i}`)});
                 INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) VALUES (${c}, @u, LAST_INSERT_ID(), 'owner', '2024-01-01');`);
        }
    }
    sql(`INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, target_pct, created_by,
           created_at, updated_at) VALUES (${c}, ${q(`年度满意度调查${tag}`)}, '', 'published', '2030-06-01 00:00:00',
           '2030-07-01 00:00:00', 'community', 85, ${staff}, '2030-05-20 00:00:00', '2030-05-20 00:00:00')`);
    surveyId = Number(sqlValue(`SELECT id FROM survey WHERE community_id = ${c}`));
    const question = (pos, type, text, extra = '') => `(${surveyId}, ${pos}, ${q(type)}, ${q(text)}, ${extra || 'NULL, NULL, NULL'})`;
    sql(`INSERT INTO survey_question (survey_id, position, type, text, choices, area, dimension) VALUES
           ${question(1, 'rating', '客服人员的服务态度', "NULL, 'service', 'empathy'")},
           ${question(2, 'rating', '公共区域的清洁', "NULL, 'cleaning', 'tangibles'")},
           ${question(3, 'nps', '您有多大可能向亲友推荐本物业')},
           ${question(4, 'multiple', '最希望改进的方面', "'停车\n绿化\n电梯\n收费透明', NULL, NULL")},
           ${question(5, 'long', '其他意见和建议')}`);
    const ids = sql(`SELECT id FROM survey_question WHERE survey_id = ${surveyId} ORDER BY position`).map(([id]) => Number(id));
    const answers = [
        [5, 4, 10, [1, 3], '电梯经常坏，希望尽快修好'], [4, 2, 6, [1], '楼道里堆放杂物没人清理'], [5, 5, 9, [2], ''],
        [3, 4, 8, [3, 4], '希望公布收费明细'], [4, 1, 2, [], '垃圾桶周围很脏'], [5, 4, 9, [1, 2], ''],
        [2, 3, 5, [4], '客服电话经常打不通'], [4, 5, 10, [3], '保安很负责'], [5, 4, 7, [1], ''],
    ];
    const units = sql(`SELECT id FROM unit WHERE community_id = ${c} ORDER BY code`).map(([id]) => Number(id));
    sql(answers.map((a, i) => {
        const rows = [`(@r, ${ids[0]}, ${a[0]}, NULL, NULL)`, `(@r, ${ids[1]}, ${a[1]}, NULL, NULL)`,
            `(@r, ${ids[2]}, ${a[2]}, NULL, NULL)`, ...a[3].map((ch) => `(@r, ${ids[3]}, NULL, ${ch}, NULL)`)];
        if (a[4]) rows.push(`(@r, ${ids[4]}, NULL, NULL, ${q(a[4])})`);
        return `INSERT INTO survey_response (survey_id, community_id, unit_id, channel, submitted_at)
                  VALUES (${surveyId}, ${c}, ${units[i]}, 'link', '2030-06-${String(2 + i).padStart(2, '0')} 03:00:00');
                SET @r = LAST_INSERT_ID();
                INSERT INTO survey_answer (response_id, question_id, value_int, choice, value_text) VALUES ${rows.join(', ')};`;
    }).join('\n'));
});

test('the supervisor reads the results, makes a complaint from a low score, and prints', async () => {
    await as('supervisor', async (page) => {
        await loginAs(page, 'office', login);
        await page.goto(`${BASE}/office/survey?id=${surveyId}`);
        assert.ok((await page.locator('h1').innerText()).includes(`年度满意度调查${tag}`));
        assert.equal(await page.locator('[data-figure="responses"]').getAttribute('data-value'), '9');
        assert.equal(await page.locator('[data-figure="response-rate"]').getAttribute('data-value'), '750');

        // The charts are drawn and coloured by wuye.css (a 5 is good, a 1 poor).
        const five = page.locator('svg[data-chart^="question-"] g[data-bar="5"] rect.chart-bar').first();
        const box = await five.boundingBox();
        assert.ok(box && box.width > 20, `the bar of the 5s is drawn (${box?.width} px)`);
        assert.equal(await five.evaluate((el) => getComputedStyle(el).fill), 'rgb(6, 118, 71)');
        const one = page.locator('svg[data-chart^="question-"] g[data-bar="1"] rect.chart-bar').nth(1);
        assert.equal(await one.evaluate((el) => getComputedStyle(el).fill), 'rgb(180, 35, 24)');
        assert.ok(await page.locator('svg[data-chart="areas"]').isVisible(), 'the chart of the service areas');

        // A low score of cleaning: open its form, make it a complaint.
        const low = page.locator('[data-list="low-scores"] li[data-score="1"]');
        await low.locator('summary').click();
        const text = low.locator('textarea[name="text"]');
        assert.match(await text.inputValue(), /公共区域的清洁[\s\S]*1 分/);
        await submit(page, low.getByRole('button', { name: '登记工单' }), '/office/survey');
        const made = page.locator('[data-made-ticket]');
        assert.match(await made.innerText(), /已登记工单 TS\d{8}-\d{4}/);
        const code = await made.getAttribute('data-made-ticket');
        assert.equal(sqlValue(`SELECT c.code FROM ticket t JOIN ticket_category c ON c.id = t.category_id
            WHERE t.code = ${q(code)} AND t.community_id = ${community}`), 'sanitation');
        assert.equal(await page.locator('[data-list="low-scores"] li[data-score="1"] [data-ticket-code]').innerText(),
            `已转为工单 ${code}`);

        // The comments search narrows the list.
        await page.locator('#comment-q').fill('电梯');
        await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: '搜索' }).click()]);
        assert.equal(await page.locator('[data-list="comments"] [data-comment]').count(), 1);
        await page.goto(`${BASE}/office/survey?id=${surveyId}`);
        await screenshot(page, 'office-survey-results.png');

        // Printed: no forms nor navigation, the charts and tables kept.
        await page.emulateMedia({ media: 'print' });
        for (const sel of ['header.top', '.comment-search', '.survey-make-ticket', '.survey-tools']) {
            assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
        }
        assert.ok(await page.locator('svg[data-chart^="question-"]').first().isVisible(), 'the charts are printed');
        assert.ok(await page.locator('[data-figure="buildings"]').isVisible(), 'the tables are printed');
        await screenshot(page, 'office-survey-results-print.png');
    });
});

test('on a phone (390x844) the results fit the width', async () => {
    await as('supervisor on a phone', async (page) => {
        await loginAs(page, 'office', login);
        await page.goto(`${BASE}/office/survey?id=${surveyId}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no horizontal scroll: scrollWidth ${width} <= 390`);
    }, PHONE);
});
