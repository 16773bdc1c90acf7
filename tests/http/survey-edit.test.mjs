// 问卷设计 over HTTP: /office/surveys (list, new from the SERVQUAL template or blank, copy)
// and /office/survey-edit?id=N (settings, questions kept at positions 1..n, publishing).
// Questions cannot change once the survey has any response; other communities' surveys
// are not found; a technician may look at the list but not design. Every test makes the
// surveys it works on and removes them at the end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { csrfFrom, errorStatus, fetchPage, fieldErrors, q, signIn, sql, sqlValue, textOf, uniqueSuffix } from './lib.mjs';

let editor; // 刘洋, supervisor: designs surveys
let tech; // 陈强, technician: sees the list only
const made = [];
let otherCommunity;

before(async () => {
    editor = await signIn('staff', 'supervisor');
    tech = await signIn('staff', 'tech');
});

after(() => {
    if (!made.length) return;
    const ids = made.join(', ');
    sql(`DELETE FROM survey_response WHERE survey_id IN (${ids});
         DELETE FROM survey_question WHERE survey_id IN (${ids});
         DELETE FROM survey_building WHERE survey_id IN (${ids});
         UPDATE survey SET copied_from = NULL WHERE id IN (${ids});
         DELETE FROM survey WHERE id IN (${ids});`);
    if (otherCommunity) sql(`DELETE FROM community WHERE id = ${otherCommunity}`);
});

async function csrfOf(jar) {
    const page = await fetchPage('/office/surveys', { jar });
    assert.equal(page.status, 200, page.body.slice(0, 500));
    return csrfFrom(page.body, '/office/logout');
}

// POSTs fields (an array repeats its field) to path as jar, with a fresh csrf token.
async function post(jar, path, fields) {
    const form = new URLSearchParams();
    form.append('csrf', await csrfOf(jar));
    for (const [k, v] of Object.entries(fields)) for (const one of [].concat(v)) form.append(k, String(one));
    return fetchPage(path, { jar, form });
}

async function newSurvey(template = 'servqual') {
    const res = await post(editor, '/office/surveys', { action: 'new', template });
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    const m = /^\/office\/survey-edit\?id=(\d+)&saved=created$/.exec(res.location);
    assert.ok(m, `leads to the edit page: ${res.location}`);
    made.push(Number(m[1]));
    return Number(m[1]);
}

const edit = (id, fields, jar = editor) => post(jar, `/office/survey-edit?id=${id}`, fields);

// The mariadb client's batch output writes a newline in a value as \n.
const unbatch = (s) => s.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', 0: '\0' })[c] ?? c);

function questions(id) {
    return sql(`SELECT id, position, type, text, COALESCE(choices, ''), COALESCE(area, ''), COALESCE(dimension, ''), required
                FROM survey_question WHERE survey_id = ${id} ORDER BY position`)
        .map(([qid, position, type, text, choices, area, dimension, required]) =>
            ({ id: Number(qid), position: Number(position), type, text: unbatch(text), choices: unbatch(choices), area, dimension, required: required === '1' }));
}

const settings = (over = {}) => ({
    action: 'settings', title: '测试问卷', intro: '第一段\n\n第二段', opens_at: '2031-03-01T09:00',
    closes_at: '2031-03-31T18:00', audience: 'community', target_pct: 85, ...over,
});

const question = (over = {}) => ({ action: 'question_add', type: 'rating', text: '测试题', required: 1, ...over });

test('a survey from the template has the SERVQUAL rating questions, an NPS question, a choice and a comment', async () => {
    const id = await newSurvey('servqual');
    const [state, audience, span, target] = sql(`SELECT state, audience, TIMESTAMPDIFF(DAY, opens_at, closes_at), target_pct FROM survey WHERE id = ${id}`)[0];
    assert.deepEqual([state, audience, span], ['draft', 'community', '30'], 'a draft for the whole community, open for 30 days');
    assert.ok(Number(target) >= 50);
    const qs = questions(id);
    assert.deepEqual(qs.map((x) => x.position), qs.map((_, i) => i + 1), 'positions 1..n');
    const ratings = qs.filter((x) => x.type === 'rating');
    assert.ok(ratings.length >= 15 && ratings.length <= 20, `15-20 rating questions (${ratings.length})`);
    for (const r of ratings) {
        assert.ok(r.area && r.dimension && r.required, `rating question "${r.text}" has an area, a dimension and is required`);
    }
    assert.deepEqual([...new Set(ratings.map((r) => r.dimension))].sort(),
        ['assurance', 'empathy', 'reliability', 'responsiveness', 'tangibles']);
    assert.ok(new Set(ratings.map((r) => r.area)).size >= 6, 'the ratings cover the service areas');
    const nps = qs.filter((x) => x.type === 'nps');
    assert.equal(nps.length, 1);
    assert.match(nps[0].text, /推荐/);
    const single = qs.find((x) => x.type === 'single');
    assert.ok(single && single.choices.split('\n').length >= 2, 'a single-choice question with its choices');
    const comment = qs.find((x) => x.type === 'long');
    assert.ok(comment && !comment.required, 'an optional free comment');

    const page = await fetchPage(`/office/survey-edit?id=${id}&saved=created`, { jar: editor });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /已新建问卷草稿/);
    assert.match(page.body, /<textarea name="intro"[^>]*>尊敬的业主、住户：\n\n/, 'the introduction keeps its paragraphs');
    const list = await fetchPage('/office/surveys', { jar: editor });
    assert.match(list.body, new RegExp(`data-survey-id="${id}" data-phase="draft"`));
});

test('settings: bad periods, audiences and targets answer 422 and change nothing; good ones are saved', async () => {
    const id = await newSurvey('blank');
    const before = sql(`SELECT title, opens_at, closes_at, audience, target_pct FROM survey WHERE id = ${id}`)[0];
    const refused = [
        [{ closes_at: '2031-02-01T09:00' }, 'closes_at'],
        [{ closes_at: '2031-03-01T09:00' }, 'closes_at'],
        [{ audience: 'buildings' }, 'building'],
        [{ audience: 'buildings', building: 'Z9' }, 'building'],
        [{ audience: 'ticket_households' }, 'ticket_from'],
        [{ audience: 'ticket_households', ticket_from: '2031-02-01', ticket_to: '2031-01-01' }, 'ticket_to'],
        [{ target_pct: 30 }, 'target_pct'],
        [{ target_pct: 101 }, 'target_pct'],
        [{ title: '' }, 'title'],
        [{ opens_at: '2031-02-30T09:00' }, 'opens_at'],
    ];
    for (const [over, field] of refused) {
        const res = await edit(id, settings({ title: '不应保存', ...over }));
        assert.equal(res.status, 422, `${JSON.stringify(over)}: ${res.status}`);
        const errors = fieldErrors(res.body);
        assert.ok(errors[field], `${JSON.stringify(over)} marks ${field}: ${JSON.stringify(errors)}`);
        if (over.title === undefined) assert.match(res.body, /value="不应保存"/, 'the typed title is kept');
    }
    assert.deepEqual(sql(`SELECT title, opens_at, closes_at, audience, target_pct FROM survey WHERE id = ${id}`)[0], before);

    let res = await edit(id, settings({ audience: 'buildings', building: ['1', '2'] }));
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    assert.equal(res.location, `/office/survey-edit?id=${id}&saved=settings`);
    assert.deepEqual(sql(`SELECT title, intro, DATE_FORMAT(opens_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(closes_at, '%Y-%m-%d %H:%i'), audience, target_pct
                          FROM survey WHERE id = ${id}`)[0].map(unbatch),
    ['测试问卷', '第一段\n\n第二段', '2031-03-01 01:00', '2031-03-31 10:00', 'buildings', '85'], 'times stored in UTC');
    assert.deepEqual(sql(`SELECT b.code FROM survey_building sb JOIN building b ON b.id = sb.building_id WHERE sb.survey_id = ${id} ORDER BY b.code`).flat(), ['1', '2']);
    res = await edit(id, settings({ audience: 'ticket_households', ticket_from: '2031-01-01', ticket_to: '2031-02-28' }));
    assert.equal(res.status, 303);
    assert.deepEqual(sql(`SELECT audience, ticket_from, ticket_to FROM survey WHERE id = ${id}`)[0], ['ticket_households', '2031-01-01', '2031-02-28']);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM survey_building WHERE survey_id = ${id}`), '0', 'the buildings went with the audience');
    const page = await fetchPage(res.location, { jar: editor });
    assert.match(textOf(page.body), /已保存问卷设置/);
});

test('questions: added at the end, changed, moved and removed keep positions 1..n; bad questions answer 422', async () => {
    const id = await newSurvey('blank');
    for (const text of ['甲', '乙', '丙']) assert.equal((await edit(id, question({ text }))).status, 303);
    let qs = questions(id);
    assert.deepEqual(qs.map((x) => [x.position, x.text]), [[1, '甲'], [2, '乙'], [3, '丙']]);

    let res = await edit(id, { action: 'question_move', question: qs[2].id, dir: 'up' });
    assert.equal(res.status, 303);
    assert.deepEqual(questions(id).map((x) => x.text), ['甲', '丙', '乙']);
    res = await edit(id, { action: 'question_move', question: qs[0].id, dir: 'up' });
    assert.equal(res.status, 409, 'the first question cannot move up');
    res = await edit(id, { action: 'question_remove', question: qs[0].id });
    assert.equal(res.status, 303);
    qs = questions(id);
    assert.deepEqual(qs.map((x) => [x.position, x.text]), [[1, '丙'], [2, '乙']]);

    res = await edit(id, question({ action: 'question_update', question: qs[1].id, type: 'single', text: '您多久来一次服务中心',
        choices: '每周\r\n\r\n  每月  \r\n很少', area: 'service', dimension: '', required: [] }));
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    const changed = questions(id)[1];
    assert.deepEqual([changed.position, changed.type, changed.text, changed.choices, changed.area, changed.dimension, changed.required],
        [2, 'single', '您多久来一次服务中心', '每周\n每月\n很少', 'service', '', false]);

    const before = JSON.stringify(questions(id));
    for (const [over, field] of [
        [{ type: 'single', choices: '' }, 'choices'],
        [{ type: 'multiple', choices: '只有一个' }, 'choices'],
        [{ type: 'rating', choices: '甲\n乙' }, 'choices'],
        [{ text: '' }, 'text'],
        [{ type: 'essay' }, 'type'],
        [{ area: 'parking' }, 'area'],
    ]) {
        res = await edit(id, question({ text: '新题', ...over }));
        assert.equal(res.status, 422, `${JSON.stringify(over)}: ${res.status}`);
        assert.ok(fieldErrors(res.body)[field], `${JSON.stringify(over)} marks ${field}: ${JSON.stringify(fieldErrors(res.body))}`);
    }
    assert.equal(JSON.stringify(questions(id)), before, 'nothing written');
    res = await edit(id, { action: 'question_remove', question: 999999999 });
    assert.equal(res.status, 404);
});

test('publishing needs a question (409) and a period still to come (422); then residents can see it', async () => {
    const id = await newSurvey('blank');
    let res = await edit(id, { action: 'publish' });
    assert.equal(res.status, 409, 'no question: a conflict with the state of the survey');
    assert.match(textOf(res.body), /至少添加一道题/);
    assert.equal((await edit(id, question())).status, 303);
    assert.equal((await edit(id, settings({ opens_at: '2020-01-01T09:00', closes_at: '2020-02-01T09:00' }))).status, 303);
    res = await edit(id, { action: 'publish' });
    assert.equal(res.status, 422, 'a period already over');
    assert.match(textOf(res.body), /结束时间已过/);
    assert.equal(sqlValue(`SELECT state FROM survey WHERE id = ${id}`), 'draft');
    assert.equal((await edit(id, settings())).status, 303);
    res = await edit(id, { action: 'publish' });
    assert.equal(res.status, 303);
    assert.equal(sqlValue(`SELECT state FROM survey WHERE id = ${id}`), 'published');
    assert.equal((await edit(id, { action: 'publish' })).status, 409, 'published once');
    const list = await fetchPage('/office/surveys', { jar: editor });
    assert.match(list.body, new RegExp(`data-survey-id="${id}" data-phase="scheduled"`), '未开始 until it opens');
});

test('once a household answered, the questions and the audience stay (409) while the title may change; a copy may change', async () => {
    const id = await newSurvey('servqual');
    assert.equal((await edit(id, { action: 'publish' })).status, 303);
    sql(`INSERT INTO survey_response (survey_id, community_id, unit_id, channel, current_key, submitted_at)
         SELECT ${id}, 1, id, 'portal', NULL, UTC_TIMESTAMP() FROM unit WHERE community_id = 1 AND code = '1-1-101'`);
    const before = JSON.stringify(questions(id));
    const [first, second] = questions(id);
    for (const fields of [
        question(),
        question({ action: 'question_update', question: first.id, text: '改过的题' }),
        { action: 'question_move', question: second.id, dir: 'up' },
        { action: 'question_remove', question: first.id },
        settings({ audience: 'buildings', building: '1' }),
    ]) {
        const res = await edit(id, fields);
        assert.equal(res.status, 409, `${fields.action}: ${res.status}`);
        assert.equal(errorStatus(res.body), 409);
        assert.match(textOf(res.body), /复制/, 'the page says to copy it');
    }
    assert.equal(JSON.stringify(questions(id)), before, 'nothing changed');
    assert.equal(sqlValue(`SELECT audience FROM survey WHERE id = ${id}`), 'community');

    const page = await fetchPage(`/office/survey-edit?id=${id}`, { jar: editor });
    assert.match(page.body, /data-answered="1"/);
    assert.doesNotMatch(page.body, /data-form="question_add"/, 'no question forms');
    assert.match(textOf(page.body), /复制为新问卷/);
    const res = await edit(id, settings({ title: '改名后的问卷' }));
    assert.equal(res.status, 303, 'the title and the period may still change');
    assert.equal(sqlValue(`SELECT title FROM survey WHERE id = ${id}`), '改名后的问卷');

    const copy = await post(editor, '/office/surveys', { action: 'copy', id });
    assert.equal(copy.status, 303);
    const copyId = Number(/id=(\d+)&saved=copied$/.exec(copy.location)[1]);
    made.push(copyId);
    assert.deepEqual(sql(`SELECT state, copied_from, title, audience FROM survey WHERE id = ${copyId}`)[0], ['draft', String(id), '改名后的问卷', 'community']);
    const strip = (qs) => qs.map(({ id: _id, ...rest }) => rest);
    assert.deepEqual(strip(questions(copyId)), strip(questions(id)), 'the same questions');
    assert.equal((await edit(copyId, { action: 'question_remove', question: questions(copyId)[0].id })).status, 303, 'the copy can change');
});

test('a technician sees the list but may not design; another community\'s survey is not found', async () => {
    const id = await newSurvey('blank');
    const list = await fetchPage('/office/surveys', { jar: tech });
    assert.equal(list.status, 200);
    assert.match(list.body, new RegExp(`data-survey-id="${id}"`));
    assert.doesNotMatch(list.body, /data-form="new"/);
    assert.equal((await fetchPage(`/office/survey-edit?id=${id}`, { jar: tech })).status, 403);
    assert.equal((await post(tech, '/office/surveys', { action: 'new', template: 'servqual' })).status, 403);
    assert.equal((await post(tech, '/office/surveys', { action: 'copy', id })).status, 403);
    assert.equal((await edit(id, question(), tech)).status, 403);
    assert.equal(questions(id).length, 0);

    const tag = uniqueSuffix();
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`SV${tag}`.slice(0, 20))}, ${q(`问卷测试${tag}`)}, 'Asia/Shanghai')`);
    otherCommunity = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`SV${tag}`.slice(0, 20))}`));
    sql(`INSERT INTO survey (community_id, title, intro, opens_at, closes_at, created_by, created_at, updated_at)
         SELECT ${otherCommunity}, '别的小区', '', UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 DAY, id, UTC_TIMESTAMP(), UTC_TIMESTAMP()
         FROM staff WHERE login = 'supervisor'`);
    const other = Number(sqlValue(`SELECT id FROM survey WHERE community_id = ${otherCommunity}`));
    made.push(other);
    assert.equal((await fetchPage(`/office/survey-edit?id=${other}`, { jar: editor })).status, 404);
    assert.equal((await edit(other, settings())).status, 404);
    assert.equal((await edit(other, { action: 'publish' })).status, 404);
    assert.equal((await post(editor, '/office/surveys', { action: 'copy', id: other })).status, 404);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM survey WHERE copied_from = ${other}`), '0');
});
