// Worker passes (临时出入证): issuing against the paid number of passes, the ID number kept
// only masked, validity within the permit, return and loss, and who may see what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { env, csrfFrom, errorStatus, fetchPage, fieldErrors, inputValue, makeStaff, signIn, sql, sqlValue } from './lib.mjs';
import { idNumber, makeCase, makeCommunity, shanghaiDate, staffWith, wrongCheck } from './reno-fixtures-pass.mjs';

const inspector = staffWith(['inspector']);
const jarP = signIn('staff', inspector.login);
// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function passesPage(jar, id) {
    const page = await fetchPage(`/office/renovation-passes?id=${id}`, { jar });
    assert.equal(page.status, 200, page.body.slice(0, 500));
    return page.body;
}

// Posts the issue form of case id (fields over the form's own values); with a photo as multipart.
async function issue(jar, id, fields, photo) {
    const html = await passesPage(jar, id);
    const action = `/office/renovation-passes?id=${id}`;
    const values = { csrf: csrfFrom(html, action), version: inputValue(html, 'version'), action: 'issue', ...fields };
    if (!photo) return fetchPage(action, { jar, form: values });
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    fd.append('photo', new Blob([photo], { type: 'image/png' }), 'worker.png');
    return fetchPage(action, { jar, body: fd });
}

async function closePass(jar, id, passId, action, version) {
    const html = await passesPage(jar, id);
    const url = `/office/renovation-passes?id=${id}`;
    return fetchPage(url, {
        jar, form: { csrf: csrfFrom(html, url), version: version ?? inputValue(html, 'version'), action, pass: passId },
    });
}

const passCount = (c) => Number(sqlValue(`SELECT COUNT(*) FROM renovation_pass WHERE renovation_id = ${c.id}`));

function filesUnder(dir) {
    const out = [];
    for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) out.push(...filesUnder(p));
        else out.push(p);
    }
    return out;
}

test('a pass issued with a valid ID number keeps only its mask, in the rows, the pages, the audit and the logs', async () => {
    const jar = await jarP;
    const c = makeCase();
    const full = idNumber('440305', '19900101');
    const auditBefore = Number(sqlValue('SELECT COALESCE(MAX(id), 0) FROM audit_log'));
    const res = await issue(jar, c.id, { name: '王五', id_number: full, phone: '13912345678' });
    assert.equal(res.status, 303, res.body.slice(0, 800));
    assert.equal(res.headers.location, `/office/renovation-passes?id=${c.id}&saved=issue`);
    const [row] = sql(`SELECT id, pass_no, name, id_masked, DATE_FORMAT(valid_from, '%Y-%m-%d'), DATE_FORMAT(valid_to, '%Y-%m-%d'),
        state FROM renovation_pass WHERE renovation_id = ${c.id}`);
    const masked = `${full.slice(0, 4)}**********${full.slice(14)}`;
    assert.equal(row[3], masked);
    assert.match(row[1], /^CR\d{4}-\d{4}$/);
    assert.deepEqual(row.slice(4), [c.from, c.to, 'issued'], 'the permit\'s dates by default');
    const list = await fetchPage(res.headers.location, { jar });
    assert.match(list.body, /data-saved="issue"/);
    assert.ok(list.body.includes(masked) && list.body.includes(row[1]));
    const card = await fetchPage(`/office/renovation-pass?id=${row[0]}`, { jar });
    assert.equal(card.status, 200);
    assert.ok(card.body.includes(masked) && card.body.includes('王五') && card.body.includes(c.unitCode));
    assert.match(card.body, /出入请佩戴|出入小区请佩戴本证/);
    const step = sqlValue(`SELECT note FROM renovation_step WHERE renovation_id = ${c.id} ORDER BY id DESC LIMIT 1`);
    assert.equal(step, `发放出入证 ${row[1]} 王五`);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'renovation_pass_issue' AND object_id = ${row[0]}`), '1');
    // The full number nowhere: any table row this wrote, any page, the audit log, the logs.
    const core = full.slice(4, 14);
    const written = [
        sql(`SELECT * FROM renovation_pass WHERE renovation_id = ${c.id}`),
        sql(`SELECT * FROM renovation_step WHERE renovation_id = ${c.id}`),
        sql(`SELECT * FROM audit_log WHERE id > ${auditBefore}`),
    ].flat(2).join('\n');
    assert.ok(written.includes(masked), 'the mask is what was written');
    assert.ok(!written.includes(core), 'no row holds the hidden middle of the number');
    for (const html of [list.body, card.body]) assert.ok(!html.includes(full) && !html.includes(core));
    for (const f of filesUnder(path.join(env.WUYE_STATE, 'log'))) {
        assert.ok(!readFileSync(f, 'latin1').includes(core), `${f} holds no part of the ID number`);
    }
});

test('a wrong check digit is a 422 that writes nothing and does not echo the number', async () => {
    const jar = await jarP;
    const c = makeCase();
    const bad = wrongCheck(idNumber());
    const res = await issue(jar, c.id, { name: '赵六', id_number: bad });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).id_number, JSON.stringify(fieldErrors(res.body)));
    assert.ok(!res.body.includes(bad));
    assert.equal(inputValue(res.body, 'name'), '赵六', 'the other values are kept');
    assert.equal(passCount(c), 0);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM renovation_step WHERE renovation_id = ${c.id}`), '0');
});

test('validity outside the permit is a 422 with nothing written', async () => {
    const jar = await jarP;
    const c = makeCase({ from: shanghaiDate(-5), to: shanghaiDate(20) });
    let res = await issue(jar, c.id, { name: '钱七', id_number: idNumber(), valid_to: shanghaiDate(21) });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).valid_to);
    res = await issue(jar, c.id, { name: '钱七', id_number: idNumber(), valid_from: shanghaiDate(-6) });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).valid_from);
    res = await issue(jar, c.id, { name: '钱七', id_number: idNumber(), valid_from: shanghaiDate(10), valid_to: shanghaiDate(2) });
    assert.equal(res.status, 422);
    assert.equal(passCount(c), 0);
    res = await issue(jar, c.id, { name: '钱七', id_number: idNumber(), valid_from: shanghaiDate(1), valid_to: shanghaiDate(7) });
    assert.equal(res.status, 303);
    assert.equal(sqlValue(`SELECT DATE_FORMAT(valid_to, '%Y-%m-%d') FROM renovation_pass WHERE renovation_id = ${c.id}`), shanghaiDate(7));
});

test('no more passes than the workers whose pass money was charged, lost and returned ones included', async () => {
    const jar = await jarP;
    const c = makeCase({ workers: 2 });
    assert.equal((await issue(jar, c.id, { name: '甲工人', id_number: idNumber() })).status, 303);
    assert.equal((await issue(jar, c.id, { name: '乙工人', id_number: idNumber() })).status, 303);
    const first = sqlValue(`SELECT MIN(id) FROM renovation_pass WHERE renovation_id = ${c.id}`);
    assert.equal((await closePass(jar, c.id, first, 'lost')).status, 303);
    const html = await passesPage(jar, c.id);
    assert.match(html, /data-passes-left="0"/);
    assert.match(html, /data-no-form/);
    // The page shows no form any more; a POST anyway is refused.
    const direct = await fetchPage(`/office/renovation-passes?id=${c.id}`, {
        jar, form: { csrf: csrfFrom(html, `/office/renovation-passes?id=${c.id}`), version: sqlValue(`SELECT version FROM renovation WHERE id = ${c.id}`),
            action: 'issue', name: '丙工人', id_number: idNumber() },
    });
    assert.equal(direct.status, 409, direct.body.slice(0, 500));
    assert.match(direct.body, /施工人数/);
    assert.equal(passCount(c), 2);
});

test('a pass is returned or reported lost once, from issued only; a stale form is a 409', async () => {
    const jar = await jarP;
    const c = makeCase();
    await issue(jar, c.id, { name: '孙八', id_number: idNumber() });
    await issue(jar, c.id, { name: '周九', id_number: idNumber() });
    const [a, b] = sql(`SELECT id, pass_no FROM renovation_pass WHERE renovation_id = ${c.id} ORDER BY id`);
    const stale = sqlValue(`SELECT version FROM renovation WHERE id = ${c.id}`) - 1;
    assert.equal((await closePass(jar, c.id, a[0], 'return', stale)).status, 409, 'a stale version');
    let res = await closePass(jar, c.id, a[0], 'return');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/office/renovation-passes?id=${c.id}&saved=return`);
    res = await closePass(jar, c.id, b[0], 'lost');
    assert.equal(res.status, 303);
    assert.deepEqual(sql(`SELECT state FROM renovation_pass WHERE renovation_id = ${c.id} ORDER BY id`).flat(), ['returned', 'lost']);
    assert.equal(sqlValue(`SELECT note FROM renovation_step WHERE renovation_id = ${c.id} ORDER BY id DESC LIMIT 1`),
        `挂失出入证 ${b[1]} 周九（押金不退）`);
    res = await closePass(jar, c.id, a[0], 'return');
    assert.equal(res.status, 409);
    assert.equal(errorStatus(res.body), 409);
    assert.equal((await closePass(jar, c.id, b[0], 'return')).status, 409);
    const html = await passesPage(jar, c.id);
    assert.match(html, new RegExp(`data-pass-no="${b[1]}" data-state="lost"`));
});

test('a closed case takes no pass change', async () => {
    const jar = await jarP;
    const c = makeCase();
    await issue(jar, c.id, { name: '吴十', id_number: idNumber() });
    const passId = sqlValue(`SELECT id FROM renovation_pass WHERE renovation_id = ${c.id}`);
    sql(`UPDATE renovation SET state = 'closed', closed_at = UTC_TIMESTAMP() WHERE id = ${c.id}`);
    const html = await passesPage(jar, c.id);
    assert.doesNotMatch(html, /data-form="return"/);
    const version = sqlValue(`SELECT version FROM renovation WHERE id = ${c.id}`);
    const url = `/office/renovation-passes?id=${c.id}`;
    const csrf = csrfFrom(html);
    let res = await fetchPage(url, { jar, form: { csrf, version, action: 'issue', name: '郑十一', id_number: idNumber() } });
    assert.equal(res.status, 409);
    res = await fetchPage(url, { jar, form: { csrf, version, action: 'return', pass: passId } });
    assert.equal(res.status, 409);
    assert.equal(sqlValue(`SELECT state FROM renovation_pass WHERE id = ${passId}`), 'issued');
    assert.equal(passCount(c), 1);
});

test('a role that may not issue passes gets 403; a role that may not see cases gets 403 on the pages', async () => {
    const c = makeCase();
    const desk = makeStaff('rpdesk');
    const jar = await signIn('staff', desk.login);
    const html = await passesPage(jar, c.id);
    assert.doesNotMatch(html, /data-form="issue"/);
    const res = await fetchPage(`/office/renovation-passes?id=${c.id}`, {
        jar, form: { csrf: csrfFrom(html), version: '1', action: 'issue', name: '冯十二', id_number: idNumber() },
    });
    assert.equal(res.status, 403);
    assert.equal(passCount(c), 0);
    const tech = staffWith(['technician']);
    const tjar = await signIn('staff', tech.login);
    assert.equal((await fetchPage(`/office/renovation-passes?id=${c.id}`, { jar: tjar })).status, 403);
    assert.equal((await fetchPage('/office/renovation-due', { jar: tjar })).status, 403);
});

test('another community\'s case and pass are 404; the photo is served only within the community', async () => {
    const jar = await jarP;
    const c = makeCase();
    const res = await issue(jar, c.id, { name: '陈十三', id_number: idNumber() }, PNG);
    assert.equal(res.status, 303, res.body.slice(0, 500));
    const [passId, file, type] = sql(`SELECT id, photo_file, photo_type FROM renovation_pass WHERE renovation_id = ${c.id}`)[0];
    assert.match(file, /^[0-9a-f]{32}$/);
    assert.equal(type, 'image/png');
    const photo = await fetchPage(`/office/renovation-pass-photo?id=${passId}`, { jar });
    assert.equal(photo.status, 200);
    assert.equal(photo.headers['content-type'], 'image/png');
    assert.ok(photo.buffer.equals(PNG), 'the stored photo comes back as sent');
    const card = await fetchPage(`/office/renovation-pass?id=${passId}`, { jar });
    assert.match(card.body, new RegExp(`src="/office/renovation-pass-photo\\?id=${passId}"`));

    const other = makeCommunity();
    const stranger = staffWith(['inspector', 'manager'], other);
    const sjar = await signIn('staff', stranger.login);
    for (const url of [`/office/renovation-pass-photo?id=${passId}`, `/office/renovation-pass?id=${passId}`,
        `/office/renovation-passes?id=${c.id}`]) {
        assert.equal((await fetchPage(url, { jar: sjar })).status, 404, url);
    }
    // And the other way: a pass of the other community is not ours.
    const theirs = makeCase({ community: other });
    sql(`INSERT INTO renovation_pass (renovation_id, community_id, pass_no, name, id_masked, valid_from, valid_to,
           issued_by, issued_at) VALUES (${theirs.id}, ${other}, 'CR2026-9999', '外人', '1101**********1234',
           ${`'${theirs.from}'`}, ${`'${theirs.to}'`}, ${stranger.id}, UTC_TIMESTAMP())`);
    const theirPass = sqlValue(`SELECT id FROM renovation_pass WHERE renovation_id = ${theirs.id}`);
    assert.equal((await fetchPage(`/office/renovation-pass?id=${theirPass}`, { jar })).status, 404);
    assert.equal((await fetchPage(`/office/renovation-pass?id=${theirPass}`, { jar: sjar })).status, 200);
    const html = await passesPage(jar, c.id);
    const url = `/office/renovation-passes?id=${c.id}`;
    const moved = await fetchPage(url, { jar, form: { csrf: csrfFrom(html, url), version: inputValue(html, 'version'), action: 'return', pass: theirPass } });
    assert.equal(moved.status, 404);
    assert.equal(sqlValue(`SELECT state FROM renovation_pass WHERE id = ${theirPass}`), 'issued');
});
