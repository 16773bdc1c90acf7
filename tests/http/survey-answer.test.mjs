// tests/http/survey-answer.test.mjs: answering a survey (满意度调查) in the portal and
// through the personal link /form/survey?t=TOKEN, and the front desk's link slips.
// Each test makes its own survey (SQL, audience building 3) and household (makeHousehold).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
    csrfFrom, env, errorStatus, fetchPage, fieldErrors, inputValue, makeHousehold, q, RESIDENT, signIn, sql,
    sqlValue, STAFF, textOf, unescapeHtml,
} from './lib.mjs';

const key = readFileSync(path.join(env.WUYE_STATE, 'secret', 'session.key'));
const mac = (text) => createHmac('sha256', key).update(`csrf:${text}`).digest('base64url');
// A token as survey_token_make makes it, and the csrf of a /form/ page bound to it.
const tokenFor = (surveyId, unitId, expires) => `${surveyId}.${unitId}.${expires}.${mac(`survey:${surveyId}:${unitId}:${expires}`)}`;
const formCsrf = (token) => mac(`tok:${token}`);

// Surveys go first: their responses point at the households' units and accounts.
const made = [];
const households = [];
after(() => {
    for (const m of [...made, ...households]) m.drop();
});

// A published survey of community 1 for building 3, open since yesterday until closeDays
// from now, with one question of each type (rating and nps required). Answers {id, closes
// (unix), qs: {rating, nps, single, multiple, short, long} question ids, drop()}.
function makeSurvey({ closeDays = 10, openDays = -1, state = 'published', title = '测试满意度调查' } = {}) {
    sql(`SET @by = (SELECT id FROM staff WHERE login = ${q(STAFF)});
         INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, created_by, created_at, updated_at)
           VALUES (1, ${q(title)}, '请您抽空填写。\n谢谢！', ${q(state)},
             UTC_TIMESTAMP() + INTERVAL ${openDays * 86400} SECOND,
             DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL ${closeDays * 86400} SECOND, '%Y-%m-%d %H:%i:00'),
             'buildings', @by, UTC_TIMESTAMP(), UTC_TIMESTAMP());
         SET @s = LAST_INSERT_ID();
         INSERT INTO survey_building (survey_id, building_id) SELECT @s, id FROM building WHERE community_id = 1 AND code = '3';
         INSERT INTO survey_question (survey_id, position, type, text, choices, area, required) VALUES
           (@s, 1, 'rating', '您对客服的服务态度是否满意？', NULL, 'service', 1),
           (@s, 2, 'nps', '您有多大可能向亲友推荐我们的物业服务？', NULL, NULL, 1),
           (@s, 3, 'single', '您最常用哪种方式联系我们？', '电话\n前台\n网上', NULL, 0),
           (@s, 4, 'multiple', '您希望我们改进哪些方面？', '保洁\n绿化\n保安\n电梯', NULL, 0),
           (@s, 5, 'short', '一句话评价', NULL, NULL, 0),
           (@s, 6, 'long', '其他意见和建议', NULL, NULL, 0);`);
    const id = Number(sqlValue(`SELECT MAX(id) FROM survey WHERE community_id = 1 AND title = ${q(title)}`));
    const ids = sql(`SELECT type, id FROM survey_question WHERE survey_id = ${id}`);
    const qs = Object.fromEntries(ids.map(([type, qid]) => [type, Number(qid)]));
    const closes = Number(sqlValue(`SELECT UNIX_TIMESTAMP(closes_at) FROM survey WHERE id = ${id}`));
    const s = {
        id, qs, closes,
        drop: () => sql(`DELETE a FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ${id};
            DELETE FROM survey_response WHERE survey_id = ${id}; DELETE FROM survey_question WHERE survey_id = ${id};
            DELETE FROM survey_building WHERE survey_id = ${id}; DELETE FROM survey WHERE id = ${id};`),
    };
    made.push(s);
    return s;
}

function household() {
    const h = makeHousehold('survey');
    households.push(h);
    return h;
}

const responses = (s) => sql(`SELECT id, unit_id, COALESCE(account_id, null), channel, COALESCE(current_key, null)
    FROM survey_response WHERE survey_id = ${s.id} ORDER BY id`);
const answersOf = (responseId) => sql(`SELECT question_id, COALESCE(value_int, null), COALESCE(choice, null),
    COALESCE(value_text, null) FROM survey_answer WHERE response_id = ${responseId} ORDER BY question_id, choice`);
const answerCount = (s) => Number(sqlValue(`SELECT COUNT(*) FROM survey_answer a JOIN survey_response r
    ON r.id = a.response_id WHERE r.survey_id = ${s.id}`));

// The body of a full, valid submission (pairs, so that multiple choice repeats its name).
function goodAnswers(s, csrf, { rating = '4', nps = '9' } = {}) {
    return [['csrf', csrf], [`q${s.qs.rating}`, rating], [`q${s.qs.nps}`, nps], [`q${s.qs.single}`, '2'],
        [`q${s.qs.multiple}`, '1'], [`q${s.qs.multiple}`, '4'], [`q${s.qs.short}`, '服务很好'],
        [`q${s.qs.long}`, '电梯偶尔有异响，\r\n希望尽快检修。']];
}

let staffJar;
before(async () => {
    staffJar = await signIn('staff', STAFF);
});

// The slip of unit `code` on the slips page: its absolute URL.
async function slipUrl(s, code) {
    const page = await fetchPage(`/office/survey-links?id=${s.id}&building=3`, { jar: staffJar });
    assert.equal(page.status, 200);
    const re = new RegExp(`data-unit-code="${code}"[\\s\\S]*?data-url>([^<]+)<`);
    const m = re.exec(page.body);
    assert.ok(m, `a slip for ${code}`);
    return unescapeHtml(m[1]);
}

test('a resident answers in the portal: every answer stored as given, the page says when it was submitted', async () => {
    const s = makeSurvey();
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const list = await fetchPage('/portal/surveys', { jar });
    assert.equal(list.status, 200);
    assert.match(list.body, new RegExp(`data-survey-id="${s.id}" data-answered="no"`));
    assert.match(textOf(list.body), /未填写/);
    const form = await fetchPage(`/portal/survey?id=${s.id}`, { jar });
    assert.equal(form.status, 200);
    for (const type of ['rating', 'nps', 'single', 'multiple', 'short', 'long']) {
        assert.match(form.body, new RegExp(`data-question-id="${s.qs[type]}" data-type="${type}"`));
    }
    assert.equal((form.body.match(new RegExp(`name="q${s.qs.rating}"`, 'g')) || []).length, 5, 'five rating radios');
    assert.equal((form.body.match(new RegExp(`name="q${s.qs.nps}"`, 'g')) || []).length, 11, 'eleven NPS radios');
    assert.match(textOf(form.body), /很不满意[\s\S]*很满意/);
    const res = await fetchPage(`/portal/survey?id=${s.id}`, { jar, form: goodAnswers(s, csrfFrom(form.body, `/portal/survey?id=${s.id}`)) });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/portal/survey?id=${s.id}&done=1`);
    const rows = responses(s);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].slice(1), [String(h.units[0].id), String(h.owner.id), 'portal', '1']);
    assert.deepEqual(answersOf(rows[0][0]), [
        [String(s.qs.rating), '4', null, null],
        [String(s.qs.nps), '9', null, null],
        [String(s.qs.single), null, '2', null],
        [String(s.qs.multiple), null, '1', null],
        [String(s.qs.multiple), null, '4', null],
        [String(s.qs.short), null, null, '服务很好'],
        [String(s.qs.long), null, null, '电梯偶尔有异响，\\n希望尽快检修。'],
    ].sort((a, b) => Number(a[0]) - Number(b[0])));
    const after1 = await fetchPage(res.location, { jar });
    assert.match(textOf(after1.body), /感谢您的参与/);
    assert.match(textOf(after1.body), /已于 \d{4}-\d\d-\d\d \d\d:\d\d 提交，可修改至 \d{4}-\d\d-\d\d \d\d:\d\d/);
    assert.match(after1.body, new RegExp(`name="q${s.qs.rating}" value="4" checked`), 'the answer is pre-filled');
    assert.match(after1.body, new RegExp(`name="q${s.qs.multiple}" value="4" checked`));
    assert.equal(inputValue(after1.body, `q${s.qs.short}`), '服务很好');
    const again = await fetchPage('/portal/surveys', { jar });
    assert.match(again.body, new RegExp(`data-survey-id="${s.id}" data-answered="yes"`));
    assert.match(textOf(again.body), /已填写/);
});

test('a second submission replaces the first: the old response is kept out of force, one in force', async () => {
    const s = makeSurvey();
    const h = household();
    const owner = await signIn('resident', h.owner.login);
    const family = await signIn('resident', h.family.login);
    const url = `/portal/survey?id=${s.id}`;
    let page = await fetchPage(url, { jar: owner });
    assert.equal((await fetchPage(url, { jar: owner, form: goodAnswers(s, csrfFrom(page.body, url)) })).status, 303);
    page = await fetchPage(url, { jar: family });
    assert.match(textOf(page.body), /已于 .* 提交/, 'the family member sees the household\'s answers');
    const res = await fetchPage(url, { jar: family, form: [['csrf', csrfFrom(page.body, url)], [`q${s.qs.rating}`, '2'], [`q${s.qs.nps}`, '3']] });
    assert.equal(res.status, 303);
    const rows = responses(s);
    assert.equal(rows.length, 2);
    assert.equal(rows[0][4], null, 'the first response is no longer in force');
    assert.deepEqual(rows[1].slice(1), [String(h.units[0].id), String(h.family.id), 'portal', '1']);
    assert.equal(answersOf(rows[0][0]).length, 7, 'the first response keeps its answers');
    assert.deepEqual(answersOf(rows[1][0]), [[String(s.qs.rating), '2', null, null], [String(s.qs.nps), '3', null, null]]);
});

test('answers outside the allowed values: 422, each question marked, what was typed kept, nothing written', async () => {
    const s = makeSurvey();
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const url = `/portal/survey?id=${s.id}`;
    const csrf = csrfFrom((await fetchPage(url, { jar })).body, url);
    const cases = [
        [[`q${s.qs.rating}`, '6'], [`q${s.qs.nps}`, '11']],
        [[`q${s.qs.rating}`, '0'], [`q${s.qs.nps}`, '-1']],
        [[`q${s.qs.rating}`, '4'], [`q${s.qs.rating}`, '5'], [`q${s.qs.nps}`, 'x']],
    ];
    for (const bad of cases) {
        const res = await fetchPage(url, { jar, form: [['csrf', csrf], ...bad] });
        assert.equal(res.status, 422, JSON.stringify(bad));
        assert.deepEqual(Object.keys(fieldErrors(res.body)).sort(), [`q${s.qs.nps}`, `q${s.qs.rating}`].sort());
        assert.match(res.body, new RegExp(`class="survey-question has-error" data-question-id="${s.qs.rating}"`));
    }
    const typed = 'x'.repeat(301);
    const res = await fetchPage(url, {
        jar,
        form: [['csrf', csrf], [`q${s.qs.rating}`, '5'], [`q${s.qs.single}`, '4'], [`q${s.qs.multiple}`, '2'],
            [`q${s.qs.multiple}`, '2'], [`q${s.qs.short}`, typed], [`q${s.qs.long}`, '长'.repeat(2001)]],
    });
    assert.equal(res.status, 422);
    const errors = fieldErrors(res.body);
    assert.deepEqual(Object.keys(errors).sort(), ['nps', 'single', 'multiple', 'short', 'long'].map((t) => `q${s.qs[t]}`).sort());
    assert.match(errors[`q${s.qs.nps}`], /必答/);
    assert.match(errors[`q${s.qs.short}`], /300/);
    assert.match(errors[`q${s.qs.long}`], /2000/);
    assert.match(res.body, new RegExp(`name="q${s.qs.rating}" value="5" checked`), 'the rating typed is kept');
    assert.equal(inputValue(res.body, `q${s.qs.short}`), typed, 'the text typed is kept');
    assert.match(res.body, /长{2001}<\/textarea>/);
    assert.equal(responses(s).length, 0);
    assert.equal(answerCount(s), 0);
});

test('a household outside the audience gets 404, a draft or another community\'s id too', async () => {
    const s = makeSurvey();
    const draft = makeSurvey({ state: 'draft', title: '草稿调查' });
    const jar = await signIn('resident', RESIDENT); // 1-1-101: building 1, not in the audience
    for (const id of [s.id, 999999999]) {
        const page = await fetchPage(`/portal/survey?id=${id}`, { jar });
        assert.equal(page.status, 404);
        assert.equal(errorStatus(page.body), 404);
    }
    const list = await fetchPage('/portal/surveys', { jar });
    assert.doesNotMatch(list.body, new RegExp(`data-survey-id="${s.id}"`));
    const h = household();
    const own = await signIn('resident', h.owner.login);
    const page = await fetchPage(`/portal/survey?id=${draft.id}`, { jar: own });
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /data-question-id/, 'a draft shows no questions');
    assert.doesNotMatch((await fetchPage('/portal/surveys', { jar: own })).body, new RegExp(`data-survey-id="${draft.id}"`));
});

test('each household is offered the surveys of its audience: the community, its building, its tickets in the period', async () => {
    const [all, bldg, tickets] = [makeSurvey({ title: '全体调查' }), makeSurvey({ title: '楼栋调查' }),
        makeSurvey({ title: '报修户调查' })];
    sql(`UPDATE survey SET audience = 'community' WHERE id = ${all.id};
         DELETE FROM survey_building WHERE survey_id = ${tickets.id};
         UPDATE survey SET audience = 'ticket_households', ticket_from = '2000-01-01', ticket_to = '2037-12-31'
           WHERE id = ${tickets.id}`);
    // 1-1-101 (building 1) has the demo's tickets; the new household lives in building 3 with none.
    const h = household();
    const offered = async (jar) => {
        const ids = async (page) => [...(await fetchPage(page, { jar })).body.matchAll(/data-survey-id="(\d+)"/g)]
            .map((m) => Number(m[1])).filter((id) => [all.id, bldg.id, tickets.id].includes(id)).sort();
        const [list, home] = [await ids('/portal/surveys'), await ids('/portal/home')];
        assert.deepEqual(home, list, 'home offers what the list offers (all open, none answered)');
        return list;
    };
    assert.deepEqual(await offered(await signIn('resident', RESIDENT)), [all.id, tickets.id].sort());
    assert.deepEqual(await offered(await signIn('resident', h.owner.login)), [all.id, bldg.id].sort());
    // A household that moved out is asked by none.
    sql(`UPDATE occupancy SET until = '2025-01-01' WHERE unit_id = ${h.units[0].id}`);
    assert.deepEqual(await offered(await signIn('resident', h.owner.login)), []);
});

test('a closed survey accepts nothing: the page says it closed, a POST answers 409 and writes nothing', async () => {
    const s = makeSurvey();
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const url = `/portal/survey?id=${s.id}`;
    const csrf = csrfFrom((await fetchPage(url, { jar })).body, url);
    sql(`UPDATE survey SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = ${s.id}`);
    const page = await fetchPage(url, { jar });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /已于 .* 截止/);
    assert.doesNotMatch(page.body, /提交问卷/);
    const res = await fetchPage(url, { jar, form: goodAnswers(s, csrf) });
    assert.equal(res.status, 409);
    assert.equal(errorStatus(res.body), 409);
    assert.equal(responses(s).length, 0);
    const list = await fetchPage('/portal/surveys', { jar });
    assert.match(textOf(list.body), /已结束/);
});

test('the link from the slips page answers for its household without a login; the same form, channel link', async () => {
    const s = makeSurvey();
    const h = household();
    const url = await slipUrl(s, h.units[0].code);
    const link = new URL(url);
    assert.equal(link.pathname, '/form/survey');
    assert.equal(link.searchParams.get('t'), tokenFor(s.id, h.units[0].id, s.closes), 'the token is the one survey_token_make makes');
    const page = await fetchPage(link.pathname + link.search);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`data-question-id="${s.qs.nps}" data-type="nps"`));
    assert.match(textOf(page.body), new RegExp(`房号 ${h.units[0].code}`));
    assert.doesNotMatch(page.body, /class="nav"/, 'no signed-in navigation');
    const action = unescapeHtml(/<form method="post" action="([^"]+)"/.exec(page.body)[1]);
    const res = await fetchPage(action, { form: goodAnswers(s, csrfFrom(page.body, action), { rating: '5', nps: '10' }) });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${link.pathname}${link.search}&done=1`);
    const rows = responses(s);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0].slice(1), [String(h.units[0].id), null, 'link', '1']);
    assert.equal(answersOf(rows[0][0])[0][1], '5');
    const done = await fetchPage(res.location);
    assert.match(textOf(done.body), /感谢您的参与/);
    // The resident sees the household's answer in the portal.
    const jar = await signIn('resident', h.owner.login);
    assert.match((await fetchPage(`/portal/survey?id=${s.id}`, { jar })).body, new RegExp(`name="q${s.qs.nps}" value="10" checked`));
});

test('forged, another household\'s, expired and voided links answer 403 with a clear page and write nothing', async () => {
    const s = makeSurvey();
    const h = household();
    const good = tokenFor(s.id, h.units[0].id, s.closes);
    const other = Number(sqlValue(`SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id WHERE b.code = '3'
        AND u.id <> ${h.units[0].id} AND EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL) LIMIT 1`));
    const last = good.slice(-1);
    const cases = {
        forged: [good.slice(0, -1) + (last === 'A' ? 'B' : 'A'), /链接无效/],
        'another household': [good.replace(`.${h.units[0].id}.`, `.${other}.`), /链接无效/],
        malformed: ['abc', /链接无效/],
        expired: [tokenFor(s.id, h.units[0].id, Math.floor(Date.now() / 1000) - 60), /链接已过期/],
        'made for an earlier close': [tokenFor(s.id, h.units[0].id, s.closes - 86400), /截止时间已经调整/],
        'a unit outside the audience': [tokenFor(s.id, Number(sqlValue("SELECT id FROM unit WHERE code = '1-1-101'")), s.closes), /不在本次调查范围/],
    };
    for (const [name, [token, message]] of Object.entries(cases)) {
        const url = `/form/survey?t=${encodeURIComponent(token)}`;
        const page = await fetchPage(url);
        assert.equal(page.status, 403, name);
        assert.equal(errorStatus(page.body), 403, name);
        assert.match(textOf(page.body), message, name);
        const res = await fetchPage(url, { form: goodAnswers(s, formCsrf(token)) });
        assert.equal(res.status, 403, `${name}: POST`);
        assert.match(textOf(res.body), message, `${name}: POST`);
    }
    // Moving the close date voids the links already printed.
    sql(`UPDATE survey SET closes_at = closes_at + INTERVAL 1 DAY WHERE id = ${s.id}`);
    const moved = await fetchPage(`/form/survey?t=${good}`);
    assert.equal(moved.status, 403);
    assert.match(textOf(moved.body), /截止时间已经调整/);
    assert.equal(responses(s).length, 0);
    assert.equal(answerCount(s), 0);
});

test('a POST to /form/survey without its csrf answers 403 and writes nothing', async () => {
    const s = makeSurvey();
    const h = household();
    const token = tokenFor(s.id, h.units[0].id, s.closes);
    const url = `/form/survey?t=${token}`;
    const body = goodAnswers(s, '').filter(([k]) => k !== 'csrf');
    assert.equal((await fetchPage(url, { form: body })).status, 403);
    assert.equal((await fetchPage(url, { form: [['csrf', formCsrf(`${token}x`)], ...body] })).status, 403);
    assert.equal(responses(s).length, 0);
    assert.equal((await fetchPage(url, { form: goodAnswers(s, formCsrf(token)) })).status, 303, 'with its csrf it saves');
});

test('the slips page: one slip per household of the audience with its QR code; drafts 409, technicians 403', async () => {
    const s = makeSurvey();
    const h = household();
    const page = await fetchPage(`/office/survey-links?id=${s.id}&building=3`, { jar: staffJar });
    assert.equal(page.status, 200);
    const occupied = Number(sqlValue(`SELECT COUNT(*) FROM unit u JOIN building b ON b.id = u.building_id
        WHERE b.community_id = 1 AND b.code = '3' AND EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL)`));
    assert.equal((page.body.match(/class="link-slip"/g) || []).length, occupied);
    assert.equal((page.body.match(/<svg\b/g) || []).length, occupied, 'a QR code on each slip');
    assert.match(page.body, new RegExp(`data-unit-code="${h.units[1].code}"`));
    assert.match(textOf(page.body), /修改调查的截止时间，已发出的链接全部作废/);
    const draft = makeSurvey({ state: 'draft', title: '草稿调查' });
    assert.equal((await fetchPage(`/office/survey-links?id=${draft.id}`, { jar: staffJar })).status, 409);
    const tech = await signIn('staff', 'tech');
    assert.equal((await fetchPage(`/office/survey-links?id=${s.id}`, { jar: tech })).status, 403);
});
