// Patrols, violation notices, re-checks, deductions from the deposit, the acceptance check and
// linked tickets of a decoration case (/office/renovation-patrol, /office/renovation-violation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { csrfFrom, env, errorStatus, fetchPage, fieldErrors, inputValue, signIn, sql, sqlValue, textOf } from './lib.mjs';
import { complaintTicket, JPEG, localDate, otherCommunity, patrolCase, patrolStaff, PNG } from './reno-fixtures-patrol.mjs';

const inspector = patrolStaff(['inspector']);
const jarP = signIn('staff', inspector.login);
const url = (id) => `/office/renovation-patrol?id=${id}`;

async function patrolPage(jar, id) {
    const page = await fetchPage(url(id), { jar });
    assert.equal(page.status, 200, page.body.slice(0, 500));
    return page.body;
}

// Posts action to case id with the page's csrf and version (fields override), photos as multipart.
async function post(id, action, fields = {}, { jar, photos, version } = {}) {
    jar ||= await jarP;
    const html = await patrolPage(jar, id);
    const values = { csrf: csrfFrom(html, url(id)), version: version ?? inputValue(html, 'version'), action, ...fields };
    if (!photos) return fetchPage(url(id), { jar, form: values });
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    for (const p of photos) fd.append('photo', new Blob([p.data], { type: p.type }), p.name);
    return fetchPage(url(id), { jar, body: fd });
}

const count = (table, id) => Number(sqlValue(`SELECT COUNT(*) FROM ${table} WHERE renovation_id = ${id}`));

test('an ok patrol is recorded with a note step; the page lists it and confirms', async () => {
    const c = patrolCase();
    const res = await post(c.id, 'patrol', { patrol_date: localDate(), result: 'ok', findings: '墙面施工，现场整洁' });
    assert.equal(res.status, 303, res.body.slice(0, 800));
    assert.equal(res.location, `/office/renovation-patrol?id=${c.id}&saved=patrol`);
    const row = sql(`SELECT result, findings, staff_id FROM renovation_patrol WHERE renovation_id = ${c.id}`);
    assert.deepEqual(row, [['ok', '墙面施工，现场整洁', String(inspector.id)]]);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'note'`), '1');
    assert.equal(sqlValue(`SELECT version FROM renovation WHERE id = ${c.id}`), '2');
    assert.ok(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'renovation_patrol' AND object_id = ${c.id}`)) >= 1);
    const page = await fetchPage(res.location, { jar: await jarP });
    assert.match(page.body, /data-saved="patrol"/);
    assert.match(textOf(page.body), /墙面施工，现场整洁/);
});

test('a violation patrol with photos stores the files and makes a numbered notice; the notice prints', async () => {
    const c = patrolCase();
    const res = await post(c.id, 'patrol', {
        patrol_date: localDate(-1), result: 'violation', findings: '客厅承重墙开洞',
        rule: '擅自改动承重结构', detail: '客厅承重墙开洞约1米', deadline: localDate(5),
    }, { photos: [{ data: PNG, type: 'image/png', name: '开洞.png' }, { data: JPEG, type: 'image/jpeg', name: 'b.jpg' }] });
    assert.equal(res.status, 303, res.body.slice(0, 800));
    const patrolId = sqlValue(`SELECT id FROM renovation_patrol WHERE renovation_id = ${c.id} AND result = 'violation'`);
    const files = sql(`SELECT kind, patrol_id, file_name, content_type, original_name FROM renovation_file WHERE renovation_id = ${c.id} ORDER BY id`);
    assert.equal(files.length, 2);
    assert.deepEqual(files.map((f) => [f[0], f[1], f[3]]), [['photo', patrolId, 'image/png'], ['photo', patrolId, 'image/jpeg']]);
    assert.equal(files[0][4], '开洞.png');
    for (const f of files) assert.ok(existsSync(path.join(env.WUYE_STATE, 'uploads', 'renovations', f[2])), f[2]);
    const [v] = sql(`SELECT id, notice_no, rule, deadline, state, patrol_id FROM renovation_violation WHERE renovation_id = ${c.id}`);
    assert.match(v[1], /^WZ\d{4}-\d{4}$/);
    assert.deepEqual(v.slice(2), ['擅自改动承重结构', localDate(5), 'open', patrolId]);
    const html = await patrolPage(await jarP, c.id);
    assert.match(html, new RegExp(`href="/office/renovation-file\\?id=${sqlValue(`SELECT MIN(id) FROM renovation_file WHERE renovation_id = ${c.id}`)}"`));
    assert.match(html, new RegExp(`data-notice-no="${v[1]}"[^>]*data-state="open" data-overdue="no"`));
    const print = await fetchPage(`/office/renovation-violation?id=${v[0]}`, { jar: await jarP });
    assert.equal(print.status, 200);
    const text = textOf(print.body);
    for (const s of ['装修违章通知书', v[1], c.unitCode, '擅自改动承重结构', '客厅承重墙开洞约1米', localDate(5), '装修管理员', '业主（签收）', '保证金'])
        assert.ok(text.includes(s), `the notice shows ${s}`);
});

test('patrol input is checked: future date, before the permit, findings for a violation, photo type; nothing written', async () => {
    const c = patrolCase();
    const cases = [
        [{ patrol_date: localDate(1), result: 'ok' }, 'patrol_date'],
        [{ patrol_date: localDate(-11), result: 'ok' }, 'patrol_date'],
        [{ patrol_date: localDate(), result: 'violation', findings: '' }, 'findings'],
        [{ patrol_date: localDate(), result: 'violation', findings: '乱堆垃圾', rule: '装修垃圾未按规定堆放', deadline: localDate() }, 'deadline'],
    ];
    for (const [fields, field] of cases) {
        const res = await post(c.id, 'patrol', fields);
        assert.equal(res.status, 422, JSON.stringify(fields));
        assert.ok(fieldErrors(res.body)[field], `${field} marked: ${JSON.stringify(fieldErrors(res.body))}`);
    }
    const bad = await post(c.id, 'patrol', { patrol_date: localDate(), result: 'ok' },
        { photos: [{ data: Buffer.from('not an image at all'), type: 'image/png', name: 'x.png' }] });
    assert.equal(bad.status, 422);
    assert.ok(fieldErrors(bad.body).photo);
    assert.equal(count('renovation_patrol', c.id), 0);
    assert.equal(count('renovation_file', c.id), 0);
    assert.equal(count('renovation_violation', c.id), 0);
});

test('a later notice defaults its deadline to three days on; re-check escalates, then closes it', async () => {
    const c = patrolCase();
    const html = await patrolPage(await jarP, c.id);
    assert.match(html, new RegExp(`name="deadline" value="${localDate(3)}"`));
    const res = await post(c.id, 'violation', { rule: '超时施工', detail: '晚上10点仍在电钻', deadline: localDate(3) });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    const vid = sqlValue(`SELECT id FROM renovation_violation WHERE renovation_id = ${c.id}`);
    const noNote = await post(c.id, 'recheck', { violation: vid, outcome: 'escalate', note: '' });
    assert.equal(noNote.status, 422);
    assert.ok(fieldErrors(noNote.body).note);
    assert.equal((await post(c.id, 'recheck', { violation: vid, outcome: 'escalate', note: '仍在夜间施工' })).status, 303);
    assert.equal(sqlValue(`SELECT state FROM renovation_violation WHERE id = ${vid}`), 'escalated');
    assert.equal((await post(c.id, 'recheck', { violation: vid, outcome: 'rectified', note: '已按时停工' })).status, 303);
    assert.deepEqual(sql(`SELECT state, recheck_note, recheck_by FROM renovation_violation WHERE id = ${vid}`)[0],
        ['rectified', '已按时停工', String(inspector.id)]);
    const again = await post(c.id, 'recheck', { violation: vid, outcome: 'escalate', note: '再查' });
    assert.equal(again.status, 409);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'note'`)), 3);
});

test('an overdue notice is marked', async () => {
    const c = patrolCase();
    sql(`INSERT INTO renovation_violation (renovation_id, community_id, notice_no, rule, deadline, issued_by, issued_at)
         VALUES (${c.id}, 1, ${`'WZT${c.permitNo.slice(3)}'`}, '违规搭建', ${`'${localDate(-2)}'`}, ${inspector.id}, UTC_TIMESTAMP())`);
    const html = await patrolPage(await jarP, c.id);
    assert.match(html, /data-overdue="yes"/);
    assert.match(html, /已逾期/);
});

test('deductions are capped by the deposit (422, nothing written) and show a running total', async () => {
    const c = patrolCase({ deposit: 100000 });
    assert.equal((await post(c.id, 'deduct', { amount: '300.50', reason: '损坏电梯轿厢' })).status, 303);
    const over = await post(c.id, 'deduct', { amount: '700', reason: '超出' });
    assert.equal(over.status, 422);
    assert.match(fieldErrors(over.body).amount, /699\.50/);
    for (const amount of ['0', '-5', 'abc', '1.234']) {
        const r = await post(c.id, 'deduct', { amount, reason: '测试' });
        assert.equal(r.status, 422, amount);
    }
    assert.equal((await post(c.id, 'deduct', { amount: '5', reason: '' })).status, 422);
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM renovation_deduction WHERE renovation_id = ${c.id}`), '30050');
    assert.equal((await post(c.id, 'deduct', { amount: '699.50', reason: '垃圾清运费' })).status, 303);
    const html = await patrolPage(await jarP, c.id);
    assert.match(html, /data-deducted-total>1000\.00</);
    assert.match(html, /data-deposit-left>0\.00</);
    assert.match(html, /data-running>300\.50</);
    assert.equal((await post(c.id, 'deduct', { amount: '0.01', reason: '再扣' })).status, 422);
});

test('two deductions at once that together exceed the deposit: only one lands', async () => {
    const c = patrolCase({ deposit: 100000 });
    const jar = await jarP;
    const html = await patrolPage(jar, c.id);
    const base = { csrf: csrfFrom(html, url(c.id)), version: inputValue(html, 'version'), action: 'deduct' };
    const results = await Promise.all([
        fetchPage(url(c.id), { jar, form: { ...base, amount: '600', reason: '甲' } }),
        fetchPage(url(c.id), { jar, form: { ...base, amount: '600', reason: '乙' } }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses[0], 303);
    assert.ok([409, 422].includes(statuses[1]), `the second is refused: ${statuses}`);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM renovation_deduction WHERE renovation_id = ${c.id}`), '1');
    // Each with its own page load: whichever way the second is refused, one deduction lands.
    const c2 = patrolCase({ deposit: 100000 });
    const r2 = await Promise.all(['甲', '乙'].map((reason) => post(c2.id, 'deduct', { amount: '600', reason })));
    assert.deepEqual(r2.map((r) => r.status).sort(), [303, r2.find((r) => r.status !== 303).status]);
    assert.equal(sqlValue(`SELECT SUM(amount_fen) FROM renovation_deduction WHERE renovation_id = ${c2.id}`), '60000');
});

test('acceptance: fail lists the defects and goes back to permitted; pass goes to accepted', async () => {
    const c = patrolCase({ state: 'inspecting' });
    let html = await patrolPage(await jarP, c.id);
    assert.match(html, /data-action="accept"/);
    const missing = await post(c.id, 'accept', { outcome: 'fail', defects: '' });
    assert.equal(missing.status, 422);
    assert.ok(fieldErrors(missing.body).defects);
    const fail = await post(c.id, 'accept', { outcome: 'fail', defects: '卫生间防水未做闭水试验' });
    assert.equal(fail.status, 303);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${c.id}`), 'permitted');
    assert.deepEqual(sql(`SELECT action, from_state, to_state, note FROM renovation_step WHERE renovation_id = ${c.id}`),
        [['acceptance_fail', 'inspecting', 'permitted', '卫生间防水未做闭水试验']]);
    html = await patrolPage(await jarP, c.id);
    assert.doesNotMatch(html, /data-action="accept"/);
    assert.equal((await post(c.id, 'accept', { outcome: 'pass' })).status, 409);
    sql(`UPDATE renovation SET state = 'inspecting' WHERE id = ${c.id}`);
    assert.equal((await post(c.id, 'accept', { outcome: 'pass' })).status, 303);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${c.id}`), 'accepted');
    // Accepted: a deduction may still be made, a patrol may not.
    assert.equal((await post(c.id, 'deduct', { amount: '10', reason: '公共走道污损' })).status, 303);
    assert.equal((await post(c.id, 'patrol', { patrol_date: localDate(), result: 'ok' })).status, 409);
});

test('a stale version and a final case are refused with 409, nothing written', async () => {
    const c = patrolCase();
    const stale = await post(c.id, 'deduct', { amount: '1', reason: '旧表单' }, { version: '99' });
    assert.equal(stale.status, 409);
    for (const state of ['closed', 'refused', 'withdrawn']) {
        const f = patrolCase();
        const html = await patrolPage(await jarP, f.id);
        sql(`UPDATE renovation SET state = '${state}' WHERE id = ${f.id}`);
        const values = { csrf: csrfFrom(html, url(f.id)), version: inputValue(html, 'version') };
        for (const [action, fields] of [['patrol', { patrol_date: localDate(), result: 'ok' }],
            ['deduct', { amount: '1', reason: 'x' }], ['violation', { rule: '其他', deadline: localDate(3) }]]) {
            const r = await fetchPage(url(f.id), { jar: await jarP, form: { ...values, action, ...fields } });
            assert.equal(r.status, 409, `${state} ${action}`);
        }
        assert.equal(count('renovation_patrol', f.id) + count('renovation_deduction', f.id) + count('renovation_violation', f.id), 0);
    }
    assert.equal(count('renovation_deduction', c.id), 0);
});

test('a role without the patrol right gets 403; another community\'s case and notice 404', async () => {
    const c = patrolCase();
    const cashier = patrolStaff(['cashier']);
    const jarC = await signIn('staff', cashier.login);
    assert.equal((await fetchPage(url(c.id), { jar: jarC })).status, 200);
    const html = await patrolPage(jarC, c.id);
    assert.doesNotMatch(html, /data-action="patrol"/);
    const res = await fetchPage(url(c.id), { jar: jarC, form: { csrf: csrfFrom(html), version: '1', action: 'deduct', amount: '1', reason: 'x' } });
    assert.equal(res.status, 403);
    assert.equal(errorStatus(res.body), 403);
    const tech = patrolStaff(['technician']);
    assert.equal((await fetchPage(url(c.id), { jar: await signIn('staff', tech.login) })).status, 403);
    const other = otherCommunity();
    const o = patrolCase({ community: other });
    sql(`INSERT INTO renovation_violation (renovation_id, community_id, notice_no, rule, deadline, issued_by, issued_at)
         VALUES (${o.id}, ${other}, 'WZO-${o.permitNo.slice(3)}', '其他', '${localDate(3)}', ${inspector.id}, UTC_TIMESTAMP())`);
    const ovid = sqlValue(`SELECT id FROM renovation_violation WHERE renovation_id = ${o.id}`);
    assert.equal((await fetchPage(url(o.id), { jar: await jarP })).status, 404);
    assert.equal((await fetchPage(`/office/renovation-violation?id=${ovid}`, { jar: await jarP })).status, 404);
    const mine = await patrolPage(await jarP, c.id);
    const posted = await fetchPage(url(o.id), { jar: await jarP, form: { csrf: csrfFrom(mine), version: '1', action: 'deduct', amount: '1', reason: 'x' } });
    assert.equal(posted.status, 404);
    assert.equal(count('renovation_deduction', o.id), 0);
});

test('ticket links: noise or decoration of the community only, once', async () => {
    const c = patrolCase();
    const noise = complaintTicket('noise');
    const decoration = complaintTicket('decoration');
    const parking = complaintTicket('parking');
    const ok = await post(c.id, 'ticket', { ticket: noise.code });
    assert.equal(ok.status, 303, ok.body.slice(0, 500));
    assert.equal((await post(c.id, 'ticket', { ticket: decoration.code })).status, 303);
    const wrong = await post(c.id, 'ticket', { ticket: parking.code });
    assert.equal(wrong.status, 422);
    assert.match(fieldErrors(wrong.body).ticket, /噪音或装修/);
    const unknown = await post(c.id, 'ticket', { ticket: 'TS19990101-9999' });
    assert.equal(unknown.status, 422);
    assert.equal((await post(c.id, 'ticket', { ticket: noise.code })).status, 409);
    const other = patrolCase();
    assert.equal((await post(other.id, 'ticket', { ticket: noise.code })).status, 409);
    assert.deepEqual(sql(`SELECT ticket_id FROM renovation_ticket WHERE renovation_id = ${c.id} ORDER BY ticket_id`).map((r) => Number(r[0])),
        [noise.id, decoration.id].sort((a, b) => a - b));
    const html = await patrolPage(await jarP, c.id);
    assert.match(html, new RegExp(`href="/office/ticket\\?id=${noise.id}"`));
    assert.match(html, new RegExp(`data-ticket-code="${decoration.code}"`));
});
