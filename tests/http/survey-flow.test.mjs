// The survey from end to end, as the "done when" asks: the manager makes a
// survey from the SERVQUAL template and publishes it to the demo community; 张伟
// (13800000001, 1-1-101) answers in the portal; the household of 1-1-102 answers through
// the personal link printed on the front desk's slips, with no login; a second answer of
// 张伟 replaces his first. The results page's figures are then recomputed here from the
// answers stored in the database (responses in force only) and compared cell by cell.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { CookieJar, csrfFrom, fetchPage, RESIDENT, seededRandom, signIn, sql, sqlValue, unescapeHtml } from './lib.mjs';

let manager, desk, resident;
let surveyId;
let questions; // [{id, type, required, choices}]

// mulberry32, seeded: the answers differ from run to run but can be replayed.
const seed = Number(process.env.WUYE_SURVEY_SEED || Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

before(async () => {
    manager = await signIn('staff', 'manager');
    desk = await signIn('staff', 'frontdesk');
    resident = await signIn('resident', RESIDENT);
});

// A full set of answers for the form: field name -> values.
function answers(comment) {
    const form = [];
    for (const q of questions) {
        const name = `q${q.id}`;
        if (q.type === 'rating') form.push([name, String(int(1, 5))]);
        else if (q.type === 'nps') form.push([name, String(int(0, 10))]);
        else if (q.type === 'single') form.push([name, String(int(1, q.choices))]);
        else if (q.type === 'multiple') {
            for (let c = 1; c <= q.choices; c++) if (random() < 0.5) form.push([name, String(c)]);
        } else if (q.type === 'long' || q.type === 'short') form.push([name, comment]);
    }
    return form;
}

async function submit(path, jar, form) {
    const page = await fetchPage(path, { jar });
    assert.equal(page.status, 200, `${path}: ${page.body.slice(0, 300)}`);
    const body = new URLSearchParams([['csrf', csrfFrom(page.body)], ...form]);
    return fetchPage(path, { jar, form: body });
}

test('the manager makes a survey from the template and publishes it to the community', async () => {
    const list = await fetchPage('/office/surveys', { jar: manager });
    const made = await fetchPage('/office/surveys', {
        jar: manager, form: { csrf: csrfFrom(list.body, '/office/surveys'), action: 'new', template: 'servqual' },
    });
    assert.equal(made.status, 303);
    surveyId = Number(/id=(\d+)/.exec(made.location)[1]);
    const edit = await fetchPage(`/office/survey-edit?id=${surveyId}`, { jar: manager });
    const published = await fetchPage(`/office/survey-edit?id=${surveyId}`, {
        jar: manager, form: { csrf: csrfFrom(edit.body, `/office/survey-edit?id=${surveyId}`), action: 'publish' },
    });
    assert.equal(published.status, 303);
    assert.equal(sqlValue(`SELECT state FROM survey WHERE id = ${surveyId}`), 'published');
    assert.equal(sqlValue(`SELECT audience FROM survey WHERE id = ${surveyId}`), 'community');
    questions = sql(`SELECT id, type, required, choices FROM survey_question WHERE survey_id = ${surveyId} ORDER BY position`)
        .map(([id, type, required, choices]) => ({
            id: Number(id), type, required: required === '1',
            choices: choices ? choices.split(/\\n|\n/).filter((c) => c.trim()).length : 0,
        }));
    const dims = sql(`SELECT DISTINCT dimension FROM survey_question WHERE survey_id = ${surveyId} AND dimension IS NOT NULL`);
    assert.equal(dims.length, 5, 'the five SERVQUAL dimensions');
    assert.ok(questions.some((q) => q.type === 'nps') && questions.some((q) => q.type === 'long'));
});

test('张伟 answers in the portal, and answers again: the second replaces the first', async () => {
    const path = `/portal/survey?id=${surveyId}`;
    const list = await fetchPage('/portal/surveys', { jar: resident });
    assert.match(list.body, new RegExp(`/portal/survey\\?id=${surveyId}"`), 'the survey is offered to the household');
    const offered = new RegExp(`data-section="my-surveys"[\\s\\S]*/portal/survey\\?id=${surveyId}"`);
    assert.match((await fetchPage('/portal/home', { jar: resident })).body, offered, 'home invites the household');
    let res = await submit(path, resident, answers('第一次填写'));
    assert.equal(res.status, 303, res.body?.slice(0, 500));
    res = await submit(path, resident, answers('电梯经常停运，希望尽快检修'));
    assert.equal(res.status, 303);
    assert.doesNotMatch((await fetchPage('/portal/home', { jar: resident })).body, offered, 'answered: no longer on home');
    const unit = sqlValue("SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101'");
    const rows = sql(`SELECT channel, current_key FROM survey_response WHERE survey_id = ${surveyId} AND unit_id = ${unit} ORDER BY id`);
    assert.deepEqual(rows, [['portal', null], ['portal', '1']], 'one response in force, the first kept');
});

test('the household of 1-1-102 answers through its link from the front desk\'s slips, with no login', async () => {
    const slips = await fetchPage(`/office/survey-links?id=${surveyId}&building=1`, { jar: desk });
    assert.equal(slips.status, 200);
    const slip = /<article class="link-slip" data-unit-code="1-1-102">[\s\S]*?data-url>([^<]+)</.exec(slips.body);
    assert.ok(slip, 'a slip for 1-1-102');
    const url = new URL(unescapeHtml(slip[1]));
    assert.equal(url.pathname, '/form/survey');
    const res = await submit(`${url.pathname}${url.search}`, new CookieJar(), answers('垃圾清运要及时'));
    assert.equal(res.status, 303, res.body?.slice(0, 500));
    const [[channel, account]] = sql(`SELECT r.channel, r.account_id FROM survey_response r JOIN unit u ON u.id = r.unit_id
        WHERE r.survey_id = ${surveyId} AND u.code = '1-1-102' AND r.current_key = 1`);
    assert.deepEqual([channel, account], ['link', null]);
});

// Rounded halves up: n/d in per-mille, and sum/count in hundredths.
const perMille = (n, d) => Math.floor((2000 * n + d) / (2 * d));
const hundredths = (sum, count) => Math.floor((200 * sum + count) / (2 * count));

function cell(html, questionId, figure) {
    const attrs = questionId === null ? `data-figure="${figure}" data-value="(-?\\d+)"`
        : `data-question-id="${questionId}" data-figure="${figure}" data-value="(-?\\d+)"`;
    const m = new RegExp(attrs).exec(html);
    assert.ok(m, `a cell ${figure} of question ${questionId}`);
    return Number(m[1]);
}

test('the results page shows what the stored answers say', async () => {
    const page = await fetchPage(`/office/survey?id=${surveyId}`, { jar: manager });
    assert.equal(page.status, 200);
    const html = page.body;
    const stored = sql(`SELECT a.question_id, a.value_int, a.choice, a.value_text FROM survey_answer a
        JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ${surveyId} AND r.current_key = 1`);
    const households = Number(sqlValue(`SELECT COUNT(*) FROM unit u WHERE u.community_id = 1 AND EXISTS
        (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL)`));
    assert.equal(cell(html, null, 'households'), households);
    assert.equal(cell(html, null, 'responses'), 2);
    assert.equal(cell(html, null, 'response-rate'), perMille(2, households));

    let allSum = 0, allCount = 0, allHigh = 0;
    for (const q of questions) {
        const mine = stored.filter(([id]) => Number(id) === q.id);
        if (q.type === 'rating') {
            const values = mine.map(([, v]) => Number(v));
            const sum = values.reduce((s, v) => s + v, 0);
            const high = values.filter((v) => v >= 4).length;
            allSum += sum, allCount += values.length, allHigh += high;
            assert.equal(cell(html, q.id, 'count'), 2);
            assert.equal(cell(html, q.id, 'mean'), hundredths(sum, 2), `mean of ${q.id}`);
            assert.equal(cell(html, q.id, 'satisfaction'), perMille(high, 2), `satisfaction of ${q.id}`);
            for (let v = 1; v <= 5; v++) assert.equal(cell(html, q.id, `count-${v}`), values.filter((x) => x === v).length);
        } else if (q.type === 'nps') {
            const values = mine.map(([, v]) => Number(v));
            const p = values.filter((v) => v >= 9).length, d = values.filter((v) => v <= 6).length;
            const diff = p - d;
            const nps = Math.sign(diff) * Math.floor((200 * Math.abs(diff) + values.length) / (2 * values.length));
            assert.equal(cell(html, q.id, 'promoters'), p);
            assert.equal(cell(html, q.id, 'detractors'), d);
            assert.equal(cell(html, q.id, 'nps'), nps, `NPS of ${q.id}`);
        } else if (q.type === 'single') {
            for (let c = 1; c <= q.choices; c++) {
                assert.equal(cell(html, q.id, `choice-${c}`), mine.filter(([, , ch]) => Number(ch) === c).length);
            }
        } else if (q.type === 'long') {
            assert.equal(cell(html, q.id, 'count'), 2);
        }
    }
    assert.equal(cell(html, null, 'overall-count'), allCount);
    assert.equal(cell(html, null, 'overall-mean'), hundredths(allSum, allCount));
    assert.equal(cell(html, null, 'overall-satisfaction'), perMille(allHigh, allCount));
    assert.match(html, /电梯经常停运，希望尽快检修/);
    assert.match(html, /垃圾清运要及时/);
    assert.doesNotMatch(html, /第一次填写/, 'the replaced answer does not count');
});
