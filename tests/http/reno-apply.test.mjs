// 装修申请与审核: a resident applies with attachments, the office reviews (return for more
// documents, or refuse), the resident resubmits or withdraws; the counter applies for a unit.
// The portal shows only the current household's cases and never a patrol photo; an
// attachment's name that is not UTF-8 is stored as 附件N.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetchPage, fieldErrors, errorStatus, sql, sqlValue, q } from './lib.mjs';
import {
    PDF, PNG, goodFields, postMultipart, applyInPortal, caseIdFrom, household, staffWith, versionOf, localDate,
} from './reno-fixtures-apply.mjs';

let inspector; // 装修管理员: reviews
let frontdesk; // 客服前台: applies at the counter, may not review
const cleanups = [];

before(async () => {
    inspector = await staffWith(['inspector']);
    frontdesk = await staffWith(['frontdesk']);
});
after(() => {
    for (const c of cleanups.reverse()) c();
    inspector.staff.drop();
    frontdesk.staff.drop();
});

async function freshHousehold(tag) {
    const h = await household(tag);
    cleanups.push(h.cleanup);
    return h;
}

const files = [
    { field: 'plan', name: '平面图.pdf', type: 'application/pdf', data: PDF },
    { field: 'licence', name: 'licence.png', type: 'image/png', data: PNG },
];

function caseCount(unitId) {
    return Number(sqlValue(`SELECT COUNT(*) FROM renovation WHERE unit_id = ${unitId}`));
}

// Posts the office case page's form (urlencoded) as staff jar.
async function officePost(jar, id, fields) {
    const page = await fetchPage(`/office/renovation?id=${id}`, { jar });
    const m = /name="csrf" value="([^"]+)"/.exec(page.body);
    assert.ok(m, page.body.slice(0, 500));
    return fetchPage(`/office/renovation?id=${id}`, { jar, form: { csrf: m[1], ...fields } });
}

async function review(id, decision, note, { jar = inspector.jar, version, checklist = ['documents', 'plan'] } = {}) {
    const v = version ?? (await versionOf(jar, `/office/renovation?id=${id}`));
    const form = new URLSearchParams({ action: 'review', version: String(v), decision, note });
    for (const c of checklist) form.append('checklist', c);
    const page = await fetchPage(`/office/renovation?id=${id}`, { jar });
    const m = /name="csrf" value="([^"]+)"/.exec(page.body);
    form.append('csrf', m[1]);
    return fetchPage(`/office/renovation?id=${id}`, { jar, form });
}

// A portal POST on case id; the token comes from the apply form (a final case shows none).
async function portalAction(jar, id, action, version, extra = {}) {
    const form = await fetchPage('/portal/renovation?new=1', { jar });
    const m = /name="csrf" value="([^"]+)"/.exec(form.body);
    assert.ok(m, 'a form with a token');
    const v = version ?? (await versionOf(jar, `/portal/renovation?id=${id}`));
    return fetchPage(`/portal/renovation?id=${id}`, { jar, form: { csrf: m[1], action, version: String(v), ...extra } });
}

test('a resident applies with a plan and a licence: the case, its files and step exist and the office lists it', async () => {
    const h = await freshHousehold('reno-apply');
    const id = caseIdFrom(await applyInPortal(h.jar, goodFields(), files));
    const [row] = sql(`SELECT state, source, applicant_account_id, company, foreman_phone, scope, no_structural, workers,
        DATE_FORMAT(planned_start, '%Y-%m-%d') FROM renovation WHERE id = ${id}`);
    assert.deepEqual(row, ['submitted', 'portal', String(h.household.owner.id), '安居装饰工程有限公司', '13912345678',
        'walls,floors', '1', '3', localDate(2)]);
    const stored = sql(`SELECT id, kind, content_type, original_name FROM renovation_file WHERE renovation_id = ${id} ORDER BY id`);
    assert.deepEqual(stored.map((r) => r.slice(1)), [['plan', 'application/pdf', '平面图.pdf'], ['licence', 'image/png', 'licence.png']]);
    assert.equal(sqlValue(`SELECT GROUP_CONCAT(action) FROM renovation_step WHERE renovation_id = ${id}`), 'submit');

    const page = await fetchPage(`/portal/renovation?id=${id}&saved=apply`, { jar: h.jar });
    assert.equal(page.status, 200);
    assert.match(page.body, /data-saved="apply"/);
    assert.match(page.body, new RegExp(`data-renovation-id="${id}" data-state="submitted"`));
    assert.match(page.body, /data-step="submit"/);
    assert.match(page.body, /平面图\.pdf/);

    const file = await fetchPage(`/portal/renovation-file?id=${stored[0][0]}`, { jar: h.jar });
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(file.headers['content-disposition'], /^inline/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.ok(file.buffer.equals(PDF), 'the stored bytes come back');

    const list = await fetchPage(`/office/renovations?state=pending&unit=${encodeURIComponent(h.unit.code)}`, { jar: inspector.jar });
    assert.equal(list.status, 200);
    assert.match(list.body, new RegExp(`data-renovation-id="${id}" data-state="submitted"`));
    const office = await fetchPage(`/office/renovation?id=${id}`, { jar: inspector.jar });
    assert.match(office.body, /data-page="office-renovation"/);
    assert.match(office.body, /data-action="review"/);
    const officeFile = await fetchPage(`/office/renovation-file?id=${stored[1][0]}`, { jar: inspector.jar });
    assert.equal(officeFile.status, 200);
    assert.equal(officeFile.headers['content-type'], 'image/png');
});

test('bad applications answer 422 with the field named and write nothing', async () => {
    const h = await freshHousehold('reno-bad');
    const cases = [
        ['foreman', goodFields({ foreman: '' })],
        ['planned_end', goodFields({ planned_start: localDate(10), planned_end: localDate(5) })],
        ['planned_end', goodFields({ planned_end: localDate(300) })],
        ['planned_start', goodFields({ planned_start: localDate(-3) })],
        ['scope', goodFields({ scope: null })],
        ['no_structural', goodFields({ no_structural: null })],
        ['workers', goodFields({ workers: '60' })],
        ['foreman_phone', goodFields({ foreman_phone: '12345' })],
    ];
    for (const [field, fields] of cases) {
        const res = await applyInPortal(h.jar, fields);
        assert.equal(res.status, 422, `${field}: ${res.status}`);
        assert.ok(fieldErrors(res.body)[field], `${field} error in ${JSON.stringify(fieldErrors(res.body))}`);
        assert.match(res.body, /name="foreman"/, 'the form comes back');
    }
    const bad = await applyInPortal(h.jar, goodFields(), [{ field: 'plan', name: 'plan.txt', type: 'application/pdf', data: Buffer.from('not a pdf at all') }]);
    assert.equal(bad.status, 422);
    assert.match(fieldErrors(bad.body).plan, /plan\.txt/);
    const kept = await applyInPortal(h.jar, goodFields({ foreman: '', company: '留下的公司' }));
    assert.match(kept.body, /value="留下的公司"/, 'typed values are kept');
    assert.equal(caseCount(h.unit.id), 0);
});

test('a second open case of the unit answers 409 naming the first', async () => {
    const h = await freshHousehold('reno-twice');
    const id = caseIdFrom(await applyInPortal(h.jar));
    const again = await applyInPortal(h.jar);
    assert.equal(again.status, 409);
    assert.match(again.body, new RegExp(`第 ${id} 号`));
    assert.equal(caseCount(h.unit.id), 1);
});

test("another household's case and its files are 404 in the portal", async () => {
    const a = await freshHousehold('reno-own');
    const b = await freshHousehold('reno-other');
    const id = caseIdFrom(await applyInPortal(a.jar, goodFields(), files));
    const fileId = sqlValue(`SELECT MIN(id) FROM renovation_file WHERE renovation_id = ${id}`);
    const page = await fetchPage(`/portal/renovation?id=${id}`, { jar: b.jar });
    assert.equal(page.status, 404);
    assert.equal(errorStatus(page.body), 404);
    assert.equal((await fetchPage(`/portal/renovation-file?id=${fileId}`, { jar: b.jar })).status, 404);
    const list = await fetchPage('/portal/renovation', { jar: b.jar });
    assert.doesNotMatch(list.body, new RegExp(`data-renovation-id="${id}"`));
    const page2 = await fetchPage('/portal/renovation', { jar: a.jar });
    const res = await portalAction(b.jar, id, 'withdraw', 2);
    assert.equal(res.status, 404);
    assert.match(page2.body, new RegExp(`data-renovation-id="${id}"`));
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${id}`), 'submitted');
});

test('returned for more documents: the resident sees the reason and resubmits with another file', async () => {
    const h = await freshHousehold('reno-return');
    const id = caseIdFrom(await applyInPortal(h.jar, goodFields({ company: '' }), files.slice(0, 1)));
    assert.equal(sqlValue(`SELECT company FROM renovation WHERE id = ${id}`), '自行装修');
    const noNote = await review(id, 'return', '');
    assert.equal(noNote.status, 422);
    assert.ok(fieldErrors(noNote.body).note);
    const res = await review(id, 'return', '请补充水电改造图纸');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/office/renovation?id=${id}&saved=return`);
    assert.deepEqual(sql(`SELECT action, checklist, note FROM renovation_step WHERE renovation_id = ${id} ORDER BY id DESC LIMIT 1`)[0],
        ['return', 'documents,plan', '请补充水电改造图纸']);

    const page = await fetchPage(`/portal/renovation?id=${id}`, { jar: h.jar });
    assert.match(page.body, /data-state="returned"/);
    assert.match(page.body, /data-reason="return"[\s\S]*请补充水电改造图纸/);
    assert.match(page.body, /data-form="resubmit"/);
    assert.match(page.body, /data-form="withdraw"/);

    const v = await versionOf(h.jar, `/portal/renovation?id=${id}`);
    const fields = { ...goodFields({ workers: '4', description: '已补充水电图' }), action: 'resubmit', version: String(v) };
    const again = await postMultipart(h.jar, `/portal/renovation?id=${id}`, `/portal/renovation?id=${id}`, fields,
        [{ field: 'plan', name: '水电图.png', type: 'image/png', data: PNG }]);
    assert.equal(again.status, 303, again.body.slice(0, 800));
    assert.equal(again.location, `/portal/renovation?id=${id}&saved=resubmit`);
    assert.deepEqual(sql(`SELECT state, workers, description FROM renovation WHERE id = ${id}`)[0], ['submitted', '4', '已补充水电图']);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM renovation_file WHERE renovation_id = ${id}`)), 2);
    assert.equal(sqlValue(`SELECT GROUP_CONCAT(action ORDER BY id) FROM renovation_step WHERE renovation_id = ${id}`), 'submit,return,resubmit');
});

test('refused is final: later changes answer 409', async () => {
    const h = await freshHousehold('reno-refuse');
    const id = caseIdFrom(await applyInPortal(h.jar));
    const v = await versionOf(inspector.jar, `/office/renovation?id=${id}`);
    const res = await review(id, 'refuse', '拟拆除承重墙，不予批准', { version: v });
    assert.equal(res.status, 303);
    assert.deepEqual(sql(`SELECT state, closed_at IS NOT NULL FROM renovation WHERE id = ${id}`)[0], ['refused', '1']);
    const page = await fetchPage(`/portal/renovation?id=${id}`, { jar: h.jar });
    assert.match(page.body, /data-reason="refuse"[\s\S]*拟拆除承重墙/);
    assert.doesNotMatch(page.body, /data-form="withdraw"/);
    assert.equal((await review(id, 'return', '再看看', { version: v + 1 })).status, 409);
    assert.equal((await officePost(inspector.jar, id, { action: 'withdraw', version: String(v + 1) })).status, 409);
    assert.equal((await portalAction(h.jar, id, 'withdraw', v + 1)).status, 409);
    assert.equal((await portalAction(h.jar, id, 'resubmit', v + 1, goodFields())).status, 409);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${id}`), 'refused');
});

test('a stale version answers 409 and a role that may not review answers 403', async () => {
    const h = await freshHousehold('reno-stale');
    const id = caseIdFrom(await applyInPortal(h.jar));
    const v = await versionOf(inspector.jar, `/office/renovation?id=${id}`);
    assert.equal((await review(id, 'return', '旧表单', { version: v - 1 })).status, 409);
    const office = await fetchPage(`/office/renovation?id=${id}`, { jar: frontdesk.jar });
    assert.equal(office.status, 200);
    assert.doesNotMatch(office.body, /data-action="review"/);
    assert.equal((await review(id, 'refuse', '前台不能审核', { jar: frontdesk.jar, version: v })).status, 403);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${id}`), 'submitted');
});

test('the resident withdraws; the unit may then apply again', async () => {
    const h = await freshHousehold('reno-withdraw');
    const id = caseIdFrom(await applyInPortal(h.jar));
    const res = await portalAction(h.jar, id, 'withdraw');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/portal/renovation?id=${id}&saved=withdraw`);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${id}`), 'withdrawn');
    assert.equal((await portalAction(h.jar, id, 'withdraw', 3)).status, 409);
    caseIdFrom(await applyInPortal(h.jar));
    assert.equal(caseCount(h.unit.id), 2);
});

test('the counter takes an application for a unit code; an unknown code is 422', async () => {
    const h = await freshHousehold('reno-counter');
    const counter = { unit_code: h.unit.code, applicant_name: '陈先生', applicant_phone: '13700001111', ...goodFields() };
    const unknown = await postMultipart(frontdesk.jar, '/office/renovation-new', '/office/renovation-new',
        { ...counter, unit_code: '99-9-9999' });
    assert.equal(unknown.status, 422);
    assert.ok(fieldErrors(unknown.body).unit_code);
    const id = caseIdFrom(await postMultipart(frontdesk.jar, '/office/renovation-new', '/office/renovation-new', counter, files));
    assert.deepEqual(sql(`SELECT source, applicant_name, applicant_account_id IS NULL FROM renovation WHERE id = ${id}`)[0],
        ['counter', '陈先生', '1']);
    const page = await fetchPage(`/office/renovation?id=${id}&saved=apply`, { jar: frontdesk.jar });
    assert.match(page.body, /data-saved="apply"/);
    assert.match(page.body, /data-step="submit"/);
    const tech = await staffWith(['technician']);
    try {
        assert.equal((await fetchPage('/office/renovation-new', { jar: tech.jar })).status, 403);
    } finally {
        tech.staff.drop();
    }
});

test('the resident asks for acceptance of a permitted case, and only then', async () => {
    const h = await freshHousehold('reno-accept');
    const id = caseIdFrom(await applyInPortal(h.jar));
    const page = await fetchPage(`/portal/renovation?id=${id}`, { jar: h.jar });
    assert.doesNotMatch(page.body, /data-form="request_acceptance"/);
    assert.equal((await portalAction(h.jar, id, 'request_acceptance')).status, 409);
    // The permit is another part's: set the state as its issue would.
    sql(`UPDATE renovation SET state = 'permitted', version = version + 1 WHERE id = ${id}`);
    const permitted = await fetchPage(`/portal/renovation?id=${id}`, { jar: h.jar });
    assert.match(permitted.body, /data-form="request_acceptance"/);
    const res = await portalAction(h.jar, id, 'request_acceptance');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/portal/renovation?id=${id}&saved=request_acceptance`);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${id}`), 'inspecting');
    assert.match((await fetchPage(res.location, { jar: h.jar })).body, /data-step="request_acceptance"/);
});

test('two applications for one unit at once: one case, the other 409', async () => {
    const h = await freshHousehold('reno-race');
    const answers = await Promise.all([applyInPortal(h.jar), applyInPortal(h.jar), applyInPortal(h.jar)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, 409, 409]);
    assert.equal(caseCount(h.unit.id), 1);
});

test("the previous household's case of the unit is 404 for the new household: list, page, file and POST", async () => {
    const h = await freshHousehold('renofixc-move');
    // The previous owner lived there in 2023 and applied then (a permitted case, left open).
    const old = caseIdFrom(await applyInPortal(h.jar, goodFields(), files));
    const prev = Number(sqlValue(`INSERT INTO person (community_id, name, phone) VALUES (1, '前业主王', '13600000000');
        SELECT LAST_INSERT_ID()`));
    cleanups.push(() => sql(`DELETE FROM occupancy WHERE person_id = ${prev}; DELETE FROM person WHERE id = ${prev}`));
    sql(`INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, until)
           VALUES (1, ${h.unit.id}, ${prev}, 'owner', '2022-01-01', '2023-12-31');
         UPDATE renovation SET applicant_account_id = NULL, applicant_name = '前业主王', applicant_phone = '13600000000',
           state = 'permitted', version = version + 1, created_at = '2023-06-01 10:00:00' WHERE id = ${old}`);
    const version = Number(sqlValue(`SELECT version FROM renovation WHERE id = ${old}`));
    const fileId = sqlValue(`SELECT MIN(id) FROM renovation_file WHERE renovation_id = ${old}`);

    const list = await fetchPage('/portal/renovation', { jar: h.jar });
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.body, new RegExp(`data-renovation-id="${old}"`));
    const page = await fetchPage(`/portal/renovation?id=${old}`, { jar: h.jar });
    assert.equal(page.status, 404);
    assert.equal(errorStatus(page.body), 404);
    assert.doesNotMatch(page.body, /前业主王|13600000000/);
    assert.equal((await fetchPage(`/portal/renovation-file?id=${fileId}`, { jar: h.jar })).status, 404);
    assert.equal((await portalAction(h.jar, old, 'request_acceptance', version)).status, 404);
    assert.equal(sqlValue(`SELECT state FROM renovation WHERE id = ${old}`), 'permitted');

    // The office still has it; a case of this household (made now) shows as before.
    assert.equal((await fetchPage(`/office/renovation?id=${old}`, { jar: inspector.jar })).status, 200);
    sql(`UPDATE renovation SET state = 'closed', closed_at = NOW(), version = version + 1 WHERE id = ${old}`);
    const mine = caseIdFrom(await applyInPortal(h.jar));
    const again = await fetchPage('/portal/renovation', { jar: h.jar });
    assert.match(again.body, new RegExp(`data-renovation-id="${mine}"`));
    assert.doesNotMatch(again.body, new RegExp(`data-renovation-id="${old}"`));
    assert.equal((await fetchPage(`/portal/renovation?id=${mine}`, { jar: h.jar })).status, 200);
});

test("a case the current owner applied for before the household's move-in date stays theirs", async () => {
    const h = await freshHousehold('renofixc-own');
    const id = caseIdFrom(await applyInPortal(h.jar));
    sql(`UPDATE renovation SET created_at = '2023-06-01 10:00:00' WHERE id = ${id}`);
    assert.equal((await fetchPage(`/portal/renovation?id=${id}`, { jar: h.jar })).status, 200);
    assert.equal((await portalAction(h.jar, id, 'withdraw', Number(sqlValue(`SELECT version FROM renovation WHERE id = ${id}`)))).status, 303);
});

test('a patrol photo of the household\'s own case is 404 in the portal and served in the office', async () => {
    const h = await freshHousehold('renofixc-photo');
    const id = caseIdFrom(await applyInPortal(h.jar, goodFields(), files));
    const stored = sqlValue(`SELECT file_name FROM renovation_file WHERE renovation_id = ${id} AND kind = 'licence'`);
    const patrol = Number(sqlValue(`INSERT INTO renovation_patrol (renovation_id, community_id, patrol_date, staff_id, result, created_at)
        VALUES (${id}, 1, CURDATE(), ${inspector.staff.id}, 'ok', NOW()); SELECT LAST_INSERT_ID()`));
    cleanups.push(() => sql(`DELETE FROM renovation_file WHERE patrol_id = ${patrol}; DELETE FROM renovation_patrol WHERE id = ${patrol}`));
    const photo = Number(sqlValue(`INSERT INTO renovation_file (renovation_id, patrol_id, kind, file_name, original_name,
        content_type, size_bytes, created_at) VALUES (${id}, ${patrol}, 'photo', ${q(stored)}, '巡查.png', 'image/png', ${PNG.length}, NOW());
        SELECT LAST_INSERT_ID()`));
    assert.equal((await fetchPage(`/office/renovation-file?id=${photo}`, { jar: inspector.jar })).status, 200);
    const res = await fetchPage(`/portal/renovation-file?id=${photo}`, { jar: h.jar });
    assert.equal(res.status, 404);
    const plan = sqlValue(`SELECT id FROM renovation_file WHERE renovation_id = ${id} AND kind = 'plan'`);
    assert.equal((await fetchPage(`/portal/renovation-file?id=${plan}`, { jar: h.jar })).status, 200);
});

test('an attachment whose name is not UTF-8 is stored as 附件N, in the portal and at the counter', async () => {
    const bad = Buffer.from([0x70, 0x6c, 0x61, 0x6e, 0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]).toString('latin1');
    // FormData sends the name as UTF-8: build the body by hand so the bytes stay raw.
    async function rawPost(jar, formPath, action, fields) {
        const page = await fetchPage(formPath, { jar });
        const token = /name="csrf" value="([^"]+)"/.exec(page.body)[1];
        const boundary = '----renofixc' + Date.now();
        const parts = [];
        const push = (s) => parts.push(Buffer.from(s, 'utf8'));
        for (const [k, v] of Object.entries({ csrf: token, ...fields })) {
            for (const x of [].concat(v)) push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`);
        }
        push(`--${boundary}\r\nContent-Disposition: form-data; name="plan"; filename="`);
        parts.push(Buffer.from(bad, 'latin1'));
        push(`"\r\nContent-Type: application/pdf\r\n\r\n`);
        parts.push(PDF);
        push(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="licence"; filename="licence.png"\r\nContent-Type: image/png\r\n\r\n`);
        parts.push(PNG);
        push(`\r\n--${boundary}--\r\n`);
        return fetchPage(action, {
            jar, method: 'POST', body: Buffer.concat(parts),
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
    }
    const h = await freshHousehold('renofixc-name');
    const id = caseIdFrom(await rawPost(h.jar, '/portal/renovation?new=1', '/portal/renovation', goodFields()));
    assert.deepEqual(sql(`SELECT kind, original_name FROM renovation_file WHERE renovation_id = ${id} ORDER BY id`),
        [['plan', '附件1'], ['licence', 'licence.png']]);
    sql(`UPDATE renovation SET state = 'withdrawn', closed_at = NOW() WHERE id = ${id}`);
    const counter = { unit_code: h.unit.code, applicant_name: '陈先生', applicant_phone: '13700001111', ...goodFields() };
    const office = caseIdFrom(await rawPost(frontdesk.jar, '/office/renovation-new', '/office/renovation-new', counter));
    assert.equal(sqlValue(`SELECT original_name FROM renovation_file WHERE renovation_id = ${office} AND kind = 'plan'`), '附件1');
    assert.match((await fetchPage(`/office/renovation?id=${office}`, { jar: frontdesk.jar })).body, /附件1/);
});
