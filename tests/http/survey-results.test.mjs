// Survey results (/office/survey?id=N) over HTTP, in a community of its own: buildings,
// households (units with someone living there now), a previous survey and a survey with
// every question type, answered by ~20 households plus replaced responses that must not
// count. Every figure is recomputed here from the rows the test inserted and compared with
// the page's data-value cells and with the CSV; comment search, anonymity, tickets made
// from a response (and a second time: 409), and who may see it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, errorStatus, fetchPage, fieldErrors, q, signIn, sql, sqlValue, STAFF, textOf, uniqueSuffix } from './lib.mjs';

const tag = uniqueSuffix().slice(-6).toUpperCase();
let community, surveyId, previousId, supervisorId;
let supervisor, tech;
const units = {}; // code -> {id, building}
const buildings = { A: 'A栋', B: 'B栋', C: 'C栋' };
const households = { A: [], B: [], C: [] }; // unit codes with someone living there now
const people = []; // names of the residents (must never appear)
let questions; // [{id, position, type, text, choices, area, dimension}]
let responses; // [{id, unit, building, current, date, answers: {position: value | [choices] | text}}]
let previousResponses;

// A staff member of the test community holding role, signed in.
async function staffIn(role) {
    const login = `sr-${role}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`调查${role}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = ${q(role)};`);
    return { jar: await signIn('staff', login), id: Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`)) };
}

// A deterministic sequence, so a failure can be replayed.
function generator(seed) {
    let x = seed;
    return (n) => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return x % n;
    };
}

const QUESTIONS = [
    { type: 'rating', text: '客服人员的服务态度', area: 'service', dimension: 'empathy' },
    { type: 'rating', text: '报修后维修是否及时', area: 'engineering', dimension: 'responsiveness' },
    { type: 'rating', text: '公共区域的清洁', area: 'cleaning', dimension: 'tangibles' },
    { type: 'rating', text: '夜间保安巡逻', area: 'security', dimension: 'assurance' },
    { type: 'rating', text: '维修质量', area: 'engineering', dimension: 'reliability' },
    { type: 'rating', text: '总体印象' },
    { type: 'nps', text: '您有多大可能向亲友推荐本物业' },
    { type: 'single', text: '您的年龄段', choices: ['30岁以下', '30-50岁', '50岁以上'] },
    { type: 'multiple', text: '最希望改进的方面', choices: ['停车', '绿化', '电梯', '收费透明'] },
    { type: 'short', text: '一句话评价' },
    { type: 'long', text: '其他意见和建议' },
];

const COMMENTS = ['电梯经常坏，希望尽快修好', '保洁很认真', '停车位太少', '希望电梯多保养', '100%满意',
    '绿化不错', '快递柜不够用', '夜里有噪音', '电梯按钮失灵', '门禁卡常失效'];

// Inserts a survey with its questions; answers its id and the questions as stored.
function insertSurvey(title, opens, closes, qs, target) {
    sql(`INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, target_pct, created_by,
           created_at, updated_at) VALUES (${community}, ${q(title)}, '', 'published', ${q(opens)}, ${q(closes)},
           'community', ${target}, ${supervisorId}, ${q(opens)}, ${q(opens)})`);
    const id = Number(sqlValue(`SELECT id FROM survey WHERE community_id = ${community} AND title = ${q(title)}`));
    sql(`INSERT INTO survey_question (survey_id, position, type, text, choices, area, dimension, required) VALUES
         ${qs.map((x, i) => `(${id}, ${i + 1}, ${q(x.type)}, ${q(x.text)}, ${x.choices ? q(x.choices.join('\n')) : 'NULL'},
           ${x.area ? q(x.area) : 'NULL'}, ${x.dimension ? q(x.dimension) : 'NULL'}, 0)`).join(',\n')}`);
    const stored = sql(`SELECT id, position FROM survey_question WHERE survey_id = ${id} ORDER BY position`)
        .map(([qid, position], i) => ({ ...qs[i], id: Number(qid), position: Number(position) }));
    return { id, questions: stored };
}

// Inserts responses ({unit, current, at, answers}) of survey id; fills in their ids.
function insertResponses(id, qs, list) {
    const statements = list.map((r) => {
        const rows = [];
        for (const x of qs) {
            const v = r.answers[x.position];
            if (v === undefined) continue;
            if (x.type === 'rating' || x.type === 'nps') rows.push(`(@r, ${x.id}, ${v}, NULL, NULL)`);
            else if (x.type === 'single') rows.push(`(@r, ${x.id}, NULL, ${v}, NULL)`);
            else if (x.type === 'multiple') for (const c of v) rows.push(`(@r, ${x.id}, NULL, ${c}, NULL)`);
            else rows.push(`(@r, ${x.id}, NULL, NULL, ${q(v)})`);
        }
        return `INSERT INTO survey_response (survey_id, community_id, unit_id, account_id, channel, current_key, submitted_at)
                  VALUES (${id}, ${community}, ${units[r.unit].id}, NULL, 'link', ${r.current ? 1 : 'NULL'}, ${q(r.at)});
                SET @r = LAST_INSERT_ID();
                ${rows.length ? `INSERT INTO survey_answer (response_id, question_id, value_int, choice, value_text)
                  VALUES ${rows.join(', ')};` : ''}`;
    });
    sql(statements.join('\n'));
    for (const r of list) {
        r.id = Number(sqlValue(`SELECT id FROM survey_response WHERE survey_id = ${id} AND unit_id = ${units[r.unit].id}
            AND submitted_at = ${q(r.at)}`));
        r.building = units[r.unit].building;
    }
}

before(async () => {
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`SR${tag}`)}, ${q(`调查测试${tag}`)}, 'Asia/Shanghai')`);
    community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`SR${tag}`)}`));
    const c = community;
    // A: 9 households, one empty unit and one whose residents moved out; B: 8; C: 4.
    const plan = { A: 11, B: 8, C: 4 };
    for (const [b, count] of Object.entries(plan)) {
        sql(`INSERT INTO building (community_id, code, name, floors) VALUES (${c}, ${q(b)}, ${q(buildings[b])}, 6)`);
        const bid = Number(sqlValue(`SELECT id FROM building WHERE community_id = ${c} AND code = ${q(b)}`));
        for (let i = 1; i <= count; i++) {
            const code = `${b}-1-${100 + i}`;
            sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
                 VALUES (${c}, ${bid}, ${q(code)}, 1, 90, 'residence', 'occupied')`);
            units[code] = { id: Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${c} AND code = ${q(code)}`)), building: b };
            if (b === 'A' && i === 10) continue; // empty
            const name = `住户${tag}${b}${i}`;
            people.push(name);
            const until = b === 'A' && i === 11 ? q('2029-12-31') : 'NULL'; // moved out
            sql(`INSERT INTO person (community_id, name) VALUES (${c}, ${q(name)});
                 INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, until)
                 VALUES (${c}, ${units[code].id}, LAST_INSERT_ID(), 'owner', '2024-01-01', ${until})`);
            if (until === 'NULL') households[b].push(code);
        }
    }
    sql(`INSERT INTO ticket_category (community_id, kind, code, name, sort) VALUES
           (${c}, 'complaint', 'attitude', '服务态度', 6), (${c}, 'complaint', 'sanitation', '环境卫生', 1),
           (${c}, 'suggestion', 'service', '服务改进', 1), (${c}, 'suggestion', 'environment', '环境绿化', 3)`);
    const sup = await staffIn('supervisor');
    supervisor = sup.jar;
    supervisorId = sup.id;
    tech = (await staffIn('technician')).jar;

    // The previous survey (closed before the current one opened): 2 questions, 6 responses.
    const prev = insertSurvey(`上半年调查${tag}`, '2030-01-01 00:00:00', '2030-02-01 00:00:00',
        [{ type: 'rating', text: '总体满意度', area: 'service' }, { type: 'nps', text: '推荐意愿' }], 90);
    previousId = prev.id;
    previousResponses = ['A-1-101', 'A-1-102', 'B-1-101', 'B-1-102', 'C-1-101', 'C-1-102'].map((unit, i) => ({
        unit, current: true, at: `2030-01-1${i} 04:00:00`, answers: { 1: [5, 4, 3, 2, 4, 5][i], 2: [10, 9, 6, 3, 8, 7][i] },
    }));
    insertResponses(prev.id, prev.questions, previousResponses);
    previousResponses.questions = prev.questions;

    const cur = insertSurvey(`下半年调查${tag}`, '2030-06-01 00:00:00', '2030-07-01 00:00:00', QUESTIONS, 80);
    surveyId = cur.id;
    questions = cur.questions;
    const rnd = generator(20300601);
    const answered = [...households.A, ...households.B.slice(0, 6), ...households.C.slice(0, 3)];
    responses = answered.map((unit, i) => {
        const answers = {};
        for (const x of questions) {
            if (x.position === 4 && i % 5 === 0) continue; // optional, skipped
            if (x.type === 'rating') answers[x.position] = 1 + rnd(5);
            if (x.type === 'nps') answers[x.position] = rnd(11);
            if (x.type === 'single' && i % 7 !== 3) answers[x.position] = 1 + rnd(3);
            if (x.type === 'multiple' && i % 4 !== 1) {
                const chosen = [1, 2, 3, 4].filter(() => rnd(2) === 1);
                if (chosen.length) answers[x.position] = chosen;
            }
            if (x.type === 'short' && i % 2 === 0) answers[x.position] = COMMENTS[i % COMMENTS.length];
            if (x.type === 'long' && i % 3 === 1) answers[x.position] = `第${i}户：${COMMENTS[(i + 3) % COMMENTS.length]}`;
        }
        const day = String(1 + (i % 28)).padStart(2, '0');
        return { unit, current: true, at: `2030-06-${day} 04:${String(i).padStart(2, '0')}:00`, answers };
    });
    // Replaced responses: earlier submissions of three households, all 1s and 0s; must not count.
    const replaced = [answered[0], answered[9], answered[15]].map((unit, i) => ({
        unit, current: false, at: `2030-06-0${i + 1} 01:00:00`,
        answers: { 1: 1, 2: 1, 3: 1, 5: 1, 6: 1, 7: 0, 8: 1, 9: [1], 10: '作废的旧答卷意见' },
    }));
    insertResponses(surveyId, questions, [...replaced, ...responses]);
});

// --- the figures, computed here -----------------------------------------------------------

const perMille = (part, whole) => (whole > 0 ? Math.floor((part * 2000 + whole) / (2 * whole)) : 0);
const hundredths = (sum, n) => (n > 0 ? Math.floor((sum * 200 + n) / (2 * n)) : 0);
function npsOf(values) {
    const n = values.length;
    if (!n) return 0;
    const x = (values.filter((v) => v >= 9).length - values.filter((v) => v <= 6).length) * 100;
    return Math.sign(x) * Math.floor((Math.abs(x) * 2 + n) / (2 * n));
}
function ratingFigures(values) {
    const sum = values.reduce((s, v) => s + v, 0);
    return { count: values.length, mean: hundredths(sum, values.length), satisfaction: perMille(values.filter((v) => v >= 4).length, values.length) };
}
const valuesOf = (list, position) => list.map((r) => r.answers[position]).filter((v) => v !== undefined);

// --- reading the page ----------------------------------------------------------------------

// data-value of the element with data-question-id=qid (or none) and data-figure=figure.
function figure(html, figureName, qid) {
    const re = qid === undefined
        ? new RegExp(`<[a-z]+\\b[^>]*\\bdata-figure="${figureName}"[^>]*\\bdata-value="(-?\\d+)"`)
        : new RegExp(`<[a-z]+\\b[^>]*\\bdata-question-id="${qid}"[^>]*\\bdata-figure="${figureName}"[^>]*\\bdata-value="(-?\\d+)"`);
    const m = re.exec(html);
    assert.ok(m, `a cell ${figureName}${qid === undefined ? '' : ` of question ${qid}`}`);
    return Number(m[1]);
}

// The inside of the <tr> carrying attribute.
function row(html, attribute) {
    const m = new RegExp(`<tr ${attribute}[^>]*>([\\s\\S]*?)</tr>`).exec(html);
    assert.ok(m, `a row ${attribute}`);
    return m[1];
}

// A CSV document (BOM, every cell quoted) as rows of cells.
function parseCsv(text) {
    assert.equal(text.charCodeAt(0), 0xfeff, 'the CSV starts with the UTF-8 BOM');
    const rows = [];
    let cell = '', cells = [], quoted = false;
    for (let i = 1; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') { cells.push(cell); cell = ''; } else if (ch === '\n') { cells.push(cell); rows.push(cells); cells = []; cell = ''; } else if (ch !== '\r') cell += ch;
    }
    if (cell || cells.length) { cells.push(cell); rows.push(cells); }
    return rows;
}

async function page(jar, extra = '') {
    return fetchPage(`/office/survey?id=${surveyId}${extra}`, { jar });
}

// --- tests ---------------------------------------------------------------------------------

test('response rate overall and per building counts households and responses in force only', async () => {
    const res = await page(supervisor);
    assert.equal(res.status, 200, res.body.slice(0, 500));
    const current = responses.filter((r) => r.current);
    const total = Object.values(households).reduce((s, h) => s + h.length, 0);
    assert.equal(figure(res.body, 'households'), total);
    assert.equal(figure(res.body, 'responses'), current.length);
    assert.equal(figure(res.body, 'response-rate'), perMille(current.length, total));
    for (const b of Object.keys(buildings)) {
        const n = current.filter((r) => r.building === b).length;
        const tr = new RegExp(`<tr data-building-code="${b}" data-households="(\\d+)" data-responses="(\\d+)">([\\s\\S]*?)</tr>`).exec(res.body);
        assert.ok(tr, `a row for building ${b}`);
        assert.equal(Number(tr[1]), households[b].length, `households of ${b}`);
        assert.equal(Number(tr[2]), n, `responses of ${b}`);
        assert.equal(figure(tr[3], 'rate'), perMille(n, households[b].length), `rate of ${b}`);
    }
    const text = textOf(res.body);
    assert.ok(text.includes(`下半年调查${tag}`) && text.includes('已发布') && text.includes('全体住户'));
    assert.ok(text.includes('2030-06-01 08:00') && text.includes('2030-07-01 08:00'), 'the period in Shanghai time');
});

test('every question: means, distributions, satisfaction, NPS, choices, text counts', async () => {
    const res = await page(supervisor);
    for (const x of questions) {
        const values = valuesOf(responses, x.position);
        if (x.type === 'rating') {
            const f = ratingFigures(values);
            assert.equal(figure(res.body, 'count', x.id), f.count, `count of ${x.position}`);
            assert.equal(figure(res.body, 'mean', x.id), f.mean, `mean of ${x.position}`);
            assert.equal(figure(res.body, 'satisfaction', x.id), f.satisfaction, `satisfaction of ${x.position}`);
            for (let s = 1; s <= 5; s++) {
                const n = values.filter((v) => v === s).length;
                assert.equal(figure(res.body, `count-${s}`, x.id), n, `${s} of question ${x.position}`);
                assert.equal(figure(res.body, `share-${s}`, x.id), perMille(n, values.length));
            }
        } else if (x.type === 'nps') {
            assert.equal(figure(res.body, 'count', x.id), values.length);
            assert.equal(figure(res.body, 'promoters', x.id), values.filter((v) => v >= 9).length);
            assert.equal(figure(res.body, 'passives', x.id), values.filter((v) => v === 7 || v === 8).length);
            assert.equal(figure(res.body, 'detractors', x.id), values.filter((v) => v <= 6).length);
            assert.equal(figure(res.body, 'nps', x.id), npsOf(values));
            for (let s = 0; s <= 10; s++) assert.equal(figure(res.body, `count-${s}`, x.id), values.filter((v) => v === s).length);
        } else if (x.type === 'single' || x.type === 'multiple') {
            const respondents = values.length;
            assert.equal(figure(res.body, 'respondents', x.id), respondents);
            x.choices.forEach((_, i) => {
                const n = values.filter((v) => (Array.isArray(v) ? v.includes(i + 1) : v === i + 1)).length;
                assert.equal(figure(res.body, `choice-${i + 1}`, x.id), n, `choice ${i + 1} of ${x.position}`);
                assert.equal(figure(res.body, `choice-${i + 1}-share`, x.id), perMille(n, respondents));
            });
        } else {
            assert.equal(figure(res.body, 'count', x.id), values.length, `texts of ${x.position}`);
        }
    }
});

test('per service area, per dimension, overall satisfaction against the target, NPS', async () => {
    const res = await page(supervisor);
    const ratings = questions.filter((x) => x.type === 'rating');
    const pool = (pick) => ratings.filter(pick).flatMap((x) => valuesOf(responses, x.position));
    for (const code of ['service', 'engineering', 'cleaning', 'security']) {
        const f = ratingFigures(pool((x) => x.area === code));
        const tr = row(res.body, `data-area="${code}"`);
        assert.equal(figure(tr, 'count'), f.count, `answers of ${code}`);
        assert.equal(figure(tr, 'mean'), f.mean, `mean of ${code}`);
        assert.equal(figure(tr, 'satisfaction'), f.satisfaction, `satisfaction of ${code}`);
    }
    assert.ok(!/data-area="greening"/.test(res.body), 'an area without questions is not listed');
    for (const code of ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy']) {
        const f = ratingFigures(pool((x) => x.dimension === code));
        const tr = row(res.body, `data-dimension="${code}"`);
        assert.equal(figure(tr, 'mean'), f.mean, `mean of ${code}`);
        assert.equal(figure(tr, 'satisfaction'), f.satisfaction, `satisfaction of ${code}`);
    }
    const all = ratingFigures(pool(() => true));
    assert.equal(figure(res.body, 'overall-count'), all.count);
    assert.equal(figure(res.body, 'overall-mean'), all.mean);
    assert.equal(figure(res.body, 'overall-satisfaction'), all.satisfaction);
    assert.equal(figure(res.body, 'target-met'), all.satisfaction >= 800 ? 1 : 0);
    const nps = questions.filter((x) => x.type === 'nps').flatMap((x) => valuesOf(responses, x.position));
    assert.equal(figure(res.body, 'nps'), npsOf(nps));
    // The charts: one per rating, NPS and choice question, bars sized from the counts.
    const charts = res.body.match(/<svg class="chart bar-chart" data-chart="question-\d+"/g) || [];
    assert.equal(charts.length, questions.filter((x) => !['short', 'long'].includes(x.type)).length);
    assert.ok(!/\bstyle=/.test(res.body), 'no style attribute (the CSP refuses them)');
});

test('comparison with the previous survey: satisfaction, NPS, response rate and the differences', async () => {
    const res = await page(supervisor);
    assert.match(res.body, new RegExp(`data-previous-id="${previousId}"`));
    const total = Object.values(households).reduce((s, h) => s + h.length, 0);
    const ratings = questions.filter((x) => x.type === 'rating').flatMap((x) => valuesOf(responses, x.position));
    const nowSat = ratingFigures(ratings).satisfaction;
    const prevSat = ratingFigures(valuesOf(previousResponses, 1)).satisfaction;
    const nowNps = npsOf(questions.filter((x) => x.type === 'nps').flatMap((x) => valuesOf(responses, x.position)));
    const prevNps = npsOf(valuesOf(previousResponses, 2));
    const nowRate = perMille(responses.length, total), prevRate = perMille(previousResponses.length, total);
    for (const [code, now, prev] of [['satisfaction', nowSat, prevSat], ['nps', nowNps, prevNps], ['response-rate', nowRate, prevRate]]) {
        const tr = row(res.body, `data-compare="${code}"`);
        assert.equal(figure(tr, 'current'), now, `${code} now`);
        assert.equal(figure(tr, 'previous'), prev, `${code} before`);
        assert.equal(figure(tr, 'difference'), now - prev, `${code} change`);
    }
    // The previous survey itself has no earlier one.
    const older = await fetchPage(`/office/survey?id=${previousId}`, { jar: supervisor });
    assert.equal(older.status, 200);
    assert.match(older.body, /data-previous-id=""/);
});

test('comments: all texts newest first, searchable, anonymous (the building only)', async () => {
    const res = await page(supervisor);
    const texts = responses.flatMap((r) => questions.filter((x) => ['short', 'long'].includes(x.type) && r.answers[x.position])
        .map((x) => ({ at: r.at, id: r.id, position: x.position, text: r.answers[x.position] })));
    texts.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id || a.position - b.position));
    const shown = [...res.body.matchAll(/<p class="feedback-text" data-comment="1">([^<]*)<\/p>/g)].map((m) => textOf(m[1]));
    assert.deepEqual(shown, texts.map((t) => t.text));
    assert.ok(!res.body.includes('作废的旧答卷意见'), 'a replaced response shows nothing');
    for (const code of Object.keys(units)) assert.ok(!res.body.includes(code), `no unit code ${code} on the page`);
    for (const name of people) assert.ok(!res.body.includes(name), 'no resident name on the page');

    for (const word of ['电梯', '%', '没有这种意见']) {
        const found = await page(supervisor, `&q=${encodeURIComponent(word)}`);
        assert.equal(found.status, 200);
        const list = [...found.body.matchAll(/<p class="feedback-text" data-comment="1">([^<]*)<\/p>/g)].map((m) => textOf(m[1]));
        assert.deepEqual(list, texts.filter((t) => t.text.includes(word)).map((t) => t.text), `search ${word}`);
        assert.equal(figure(found.body, 'comment-count'), list.length);
    }
});

test('the CSV: one row per response in force, building and date, every answer, nothing identifying', async () => {
    const res = await page(supervisor, '&format=csv');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/csv/);
    assert.match(res.headers['content-disposition'], new RegExp(`attachment; filename="survey-${surveyId}.csv"`));
    const rows = parseCsv(res.body);
    assert.deepEqual(rows[0], ['楼栋', '提交日期', ...questions.map((x) => `${x.position}. ${x.text}`)]);
    const expected = [...responses].sort((a, b) => (a.building < b.building ? -1 : a.building > b.building ? 1 : a.at < b.at ? -1 : 1))
        .map((r) => [buildings[r.building], r.at.slice(0, 10), ...questions.map((x) => {
            const v = r.answers[x.position];
            if (v === undefined) return '';
            if (x.type === 'single') return x.choices[v - 1];
            if (x.type === 'multiple') return v.map((c) => x.choices[c - 1]).join('；');
            return String(v);
        })]);
    assert.deepEqual(rows.slice(1), expected);
    for (const code of Object.keys(units)) assert.ok(!res.body.includes(code), `no unit code ${code} in the CSV`);
    for (const name of people) assert.ok(!res.body.includes(name), 'no resident name in the CSV');
});

test('a low score becomes a complaint for the response\'s unit, linked to it; a second time is 409', async () => {
    const cleaning = questions.find((x) => x.area === 'cleaning');
    let low = responses.find((r) => r.answers[cleaning.position] <= 2);
    if (!low) {
        low = responses[4];
        sql(`UPDATE survey_answer SET value_int = 1 WHERE response_id = ${low.id} AND question_id = ${cleaning.id}`);
        low.answers[cleaning.position] = 1;
    }
    const before = await page(supervisor);
    assert.match(before.body, new RegExp(`<li data-response-id="${low.id}" data-question-id="${cleaning.id}" data-score="${low.answers[cleaning.position]}">`));
    const csrf = csrfFrom(before.body, `/office/survey?id=${surveyId}`);
    const form = { csrf, action: 'ticket', response: low.id, question: cleaning.id, kind: 'complaint', text: '公共区域清洁打分低，请回访' };

    // Refused first: no text (422, nothing written), a response of another survey (404).
    const count = () => Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE community_id = ${community}`));
    const none = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form: { ...form, text: '' } });
    assert.equal(none.status, 422);
    assert.ok(fieldErrors(none.body).text, 'the text is marked');
    const other = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form: { ...form, response: previousResponses[0].id } });
    assert.equal(other.status, 404);
    assert.equal(count(), 0, 'nothing written');

    const made = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form });
    assert.equal(made.status, 303, made.body.slice(0, 800));
    const [ticketId, unitId, kind, channel, category, description, by] = sql(`SELECT t.id, t.unit_id, t.kind, t.channel, c.code,
        t.description, t.created_by_id FROM ticket t JOIN ticket_category c ON c.id = t.category_id
        WHERE t.community_id = ${community}`)[0];
    assert.equal(Number(unitId), units[low.unit].id, 'the ticket is for the household that answered');
    assert.deepEqual([kind, channel, category, description], ['complaint', 'other', 'sanitation', form.text]);
    assert.equal(Number(by), supervisorId);
    assert.deepEqual(sql(`SELECT response_id, question_id, staff_id FROM survey_ticket WHERE ticket_id = ${ticketId}`)[0].map(Number),
        [low.id, cleaning.id, supervisorId]);
    assert.equal(made.location, `/office/survey?id=${surveyId}&made=${ticketId}`);
    const after = await fetchPage(made.location, { jar: supervisor });
    const code = sqlValue(`SELECT code FROM ticket WHERE id = ${ticketId}`);
    assert.match(after.body, new RegExp(`data-made-ticket="${code}"`), 'the confirmation names the ticket');
    assert.match(after.body, new RegExp(`<a href="/office/ticket\\?id=${ticketId}">${code}</a>`));
    const item = new RegExp(`<li data-response-id="${low.id}" data-question-id="${cleaning.id}"[^>]*>([\\s\\S]*?)</li>`).exec(after.body);
    assert.match(item[1], new RegExp(`data-ticket-code="${code}"`), 'the low score shows its ticket');
    assert.ok(!/data-ticket-form/.test(item[1]), 'and no longer offers to make one');

    const again = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form: { ...form, kind: 'suggestion' } });
    assert.equal(again.status, 409);
    assert.equal(errorStatus(again.body), 409);
    assert.equal(count(), 1, 'no second ticket');
});

test('a comment becomes a suggestion (first active category of the kind); without a question too', async () => {
    const long = questions.find((x) => x.type === 'long');
    const r = responses.find((x) => x.answers[long.position]);
    const res = await page(supervisor);
    const csrf = csrfFrom(res.body, `/office/survey?id=${surveyId}`);
    const made = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor,
        form: { csrf, action: 'ticket', response: r.id, question: long.id, kind: 'suggestion', text: r.answers[long.position] } });
    assert.equal(made.status, 303);
    const ticketId = Number(made.location.split('made=')[1]);
    assert.deepEqual(sql(`SELECT t.kind, c.code FROM ticket t JOIN ticket_category c ON c.id = t.category_id WHERE t.id = ${ticketId}`)[0],
        ['suggestion', 'service']);
    const whole = { csrf, action: 'ticket', response: r.id, kind: 'complaint', text: '整份答卷需要回访' };
    const first = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form: whole });
    assert.equal(first.status, 303);
    assert.equal(sqlValue(`SELECT question_id FROM survey_ticket WHERE ticket_id = ${Number(first.location.split('made=')[1])}`), null);
    const second = await fetchPage(`/office/survey?id=${surveyId}`, { jar: supervisor, form: whole });
    assert.equal(second.status, 409);
});

test('who may see it: a technician 403, another community\'s staff 404, an unknown survey 404', async () => {
    const denied = await page(tech);
    assert.equal(denied.status, 403);
    const csrf = csrfFrom(denied.body);
    const post = await fetchPage(`/office/survey?id=${surveyId}`, { jar: tech,
        form: { csrf, action: 'ticket', response: responses[0].id, kind: 'complaint', text: 'x' } });
    assert.equal(post.status, 403);
    const demo = await signIn('staff', 'supervisor');
    assert.equal((await fetchPage(`/office/survey?id=${surveyId}`, { jar: demo })).status, 404);
    assert.equal((await fetchPage(`/office/survey?id=${surveyId}&format=csv`, { jar: demo })).status, 404);
    assert.equal((await fetchPage('/office/survey?id=999999999', { jar: supervisor })).status, 404);
    assert.equal((await fetchPage('/office/survey?id=abc', { jar: supervisor })).status, 400);
});
