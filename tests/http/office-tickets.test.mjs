// The back office's requests over HTTP: intake at the counter (首问负责), the whole life of
// a repair (accept, dispatch, start, complete with a charge, callback, close) with the
// database checked at each step, what the pages refuse (403, 404, 409, 422), the queue's
// filters, search, CSV export and its audit row, the printable slip, the callback queue,
// photos behind the access check, and the technician's own queue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';

import {
    attr, csrfFrom, fetchPage, fieldErrors, forms, q, RESIDENT, signIn, sql, sqlValue, staffId, STAFF, textOf,
    uniqueSuffix,
} from './lib.mjs';

// --- a tiny PNG of our own ------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buf) {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
}
function makePng() {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(4, 0);
    ihdr.writeUInt32BE(4, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(Buffer.alloc(4 * 13, 0x5a))), chunk('IEND', Buffer.alloc(0))]);
}

// --- sessions ---------------------------------------------------------------------------------

let front; // 王芳, frontdesk
let sup; // 刘洋, supervisor
let tech; // 陈强, technician in 工程部
let resident; // 张伟, 1-1-101
let techId;
let engineering;

before(async () => {
    [front, sup, tech, resident] = await Promise.all([
        signIn('staff', STAFF), signIn('staff', 'supervisor'), signIn('staff', 'tech'), signIn('resident', RESIDENT),
    ]);
    techId = staffId('tech');
    engineering = Number(sqlValue("SELECT id FROM department WHERE community_id = 1 AND code = 'engineering'"));
});

// --- helpers ----------------------------------------------------------------------------------

// A unique mobile number, so that a search by phone finds one ticket.
function uniquePhone() {
    return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

// Posts the intake form as multipart; fields override a phone complaint about 1-1-101.
async function intake(jar, fields = {}, photos = []) {
    const page = await fetchPage('/office/new-ticket', { jar });
    assert.equal(page.status, 200, 'GET /office/new-ticket');
    const fd = new FormData();
    const values = {
        csrf: csrfFrom(page.body, '/office/new-ticket'), kind: 'complaint', category: 'attitude', location: 'home',
        unit: '1-1-101', place: '', description: '业主来电：前台接待态度不好', channel: 'phone',
        reporter_name: '张伟', reporter_phone: '13800000001', severity: 'normal', preferred_time: '', ...fields,
    };
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) fd.append(k, v);
    for (const p of photos) fd.append('photo', new Blob([p.data], { type: p.type || 'image/png' }), p.name || 'p.png');
    return fetchPage('/office/new-ticket', { jar, method: 'POST', body: fd });
}

// Records a ticket at the counter and answers its id.
async function officeTicket(jar, fields = {}, photos = []) {
    const res = await intake(jar, fields, photos);
    assert.equal(res.status, 303, `intake answered ${res.status}: ${textOf(res.body).slice(0, 400)}`);
    const m = /^\/office\/ticket\?id=(\d+)$/.exec(res.location);
    assert.ok(m, `303 to /office/ticket?id=N, not ${res.location}`);
    return Number(m[1]);
}

// A repair reported by the resident on the portal: status new, no owner yet.
async function portalRepair(description = '卫生间水龙头漏水') {
    const page = await fetchPage('/portal/new-ticket', { jar: resident });
    assert.equal(page.status, 200, 'GET /portal/new-ticket');
    const fd = new FormData();
    const values = {
        csrf: csrfFrom(page.body, '/portal/new-ticket'), kind: 'repair', category: 'water_power', location: 'home',
        description, phone: '', preferred_time: '', place: '',
    };
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    const res = await fetchPage('/portal/new-ticket', { jar: resident, method: 'POST', body: fd });
    assert.equal(res.status, 303, `portal intake answered ${res.status}`);
    return Number(/id=(\d+)/.exec(res.location)[1]);
}

function ticketRow(id) {
    const [r] = sql(`SELECT status, COALESCE(owner_staff_id, 0), COALESCE(department_id, 0),
        COALESCE(assignee_staff_id, 0), charge_fen, callback_done, code, channel, kind,
        COALESCE(reporter_account_id, 0), COALESCE(unit_id, 0) FROM ticket WHERE id = ${Number(id)}`);
    return {
        status: r[0], owner: Number(r[1]), dept: Number(r[2]), assignee: Number(r[3]), charge: Number(r[4]),
        callbackDone: r[5] === '1', code: r[6], channel: r[7], kind: r[8], reporter: Number(r[9]), unit: Number(r[10]),
    };
}

function eventTypes(id) {
    return sql(`SELECT type FROM ticket_event WHERE ticket_id = ${Number(id)} ORDER BY id`).map((r) => r[0]);
}

async function view(jar, id, query = '') {
    return fetchPage(`/office/ticket?id=${id}${query}`, { jar });
}

// Posts action on ticket id as the holder of jar, with the token of the ticket page.
async function act(jar, id, action, fields = {}) {
    const page = await view(jar, id);
    assert.equal(page.status, 200, `GET /office/ticket?id=${id} before ${action}`);
    const csrf = csrfFrom(page.body, `/office/ticket?id=${id}`);
    return fetchPage(`/office/ticket?id=${id}`, { jar, form: { csrf, action, ...fields } });
}

async function mustAct(jar, id, action, fields = {}) {
    const res = await act(jar, id, action, fields);
    assert.equal(res.status, 303, `${action} answered ${res.status}: ${textOf(res.body).slice(0, 400)}`);
    assert.equal(res.location, `/office/ticket?id=${id}`);
    return res;
}

// The data-* of the ticket page's root element.
function rootOf(html) {
    const m = /<article\b([^>]*\bdata-ticket-id="[^"]*"[^>]*)>/.exec(html);
    assert.ok(m, 'a root element with data-ticket-id');
    return {
        id: attr(m[1], 'data-ticket-id'), code: attr(m[1], 'data-ticket-code'), status: attr(m[1], 'data-status'),
        kind: attr(m[1], 'data-kind'),
    };
}

// The ticket rows of a list page: [{id, status, html}].
function rowsOf(html) {
    const out = [];
    const re = /<tr\b([^>]*\bdata-ticket-id="(\d+)"[^>]*)>([\s\S]*?)<\/tr>/g;
    for (let m; (m = re.exec(html));) out.push({ id: Number(m[2]), status: attr(m[1], 'data-status'), attrs: m[1], html: m[3] });
    return out;
}

// The forms of a ticket page by their data-action.
function actionsOf(html) {
    return forms(html).map((f) => attr(f.attrs, 'data-action')).filter(Boolean);
}

const cleanups = [];
after(() => {
    for (const fn of cleanups.reverse()) fn();
});

// --- intake -----------------------------------------------------------------------------------

test('the intake form offers the contract fields, multipart, with the counter defaults', async () => {
    const page = await fetchPage('/office/new-ticket?kind=complaint', { jar: front });
    assert.equal(page.status, 200);
    const form = forms(page.body).find((f) => attr(f.attrs, 'action') === '/office/new-ticket');
    assert.ok(form, 'a form posting to /office/new-ticket');
    assert.equal(attr(form.attrs, 'enctype'), 'multipart/form-data');
    for (const name of ['kind', 'category', 'location', 'place', 'description', 'preferred_time', 'photo', 'channel',
        'unit', 'reporter_name', 'reporter_phone', 'severity', 'csrf']) {
        assert.match(form.inner, new RegExp(`name="${name}"`), `a field ${name}`);
    }
    assert.match(form.inner, /<option value="phone" selected>/, 'channel defaults to phone');
    assert.match(form.inner, /<option value="normal" selected>/, 'severity defaults to normal');
    assert.match(form.inner, /<option value="attitude"/, 'complaint categories are offered');
    assert.doesNotMatch(form.inner, /<option value="water_power"/, 'not the repair categories');
    assert.match(page.body, /href="\/office\/new-ticket"[^>]*aria-current="page"/, 'the nav marks 登记');
});

test('frontdesk records a phone complaint for 1-1-101: code TS…, accepted, owned by 王芳', async () => {
    const id = await officeTicket(front);
    const page = await view(front, id);
    assert.equal(page.status, 200);
    const root = rootOf(page.body);
    assert.match(root.code, /^TS\d{8}-\d{4}$/);
    assert.equal(root.status, 'accepted');
    assert.equal(root.kind, 'complaint');
    assert.equal(root.id, String(id));
    const text = textOf(page.body);
    for (const words of ['首问负责', '王芳', '1-1-101', '张伟', '13800000001', '电话', '服务态度']) {
        assert.ok(text.includes(words), `the page says ${words}`);
    }
    const row = ticketRow(id);
    assert.equal(row.status, 'accepted');
    assert.equal(row.owner, staffId(STAFF), 'the staff member who took it owns it (首问负责)');
    assert.equal(row.channel, 'phone');
    assert.equal(row.reporter, 0, 'no resident account');
    assert.equal(row.unit, Number(sqlValue("SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101'")));
    assert.equal(row.code, root.code);
    assert.deepEqual(eventTypes(id), ['created', 'accepted']);
});

test('intake refuses an unknown unit, a home request without unit, a common one without place (422)', async () => {
    const before = Number(sqlValue('SELECT COUNT(*) FROM ticket'));
    let res = await intake(front, { unit: '9-9-999', description: '未知房号测试' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).unit, 'an error next to unit');
    assert.match(res.body, /未知房号测试/, 'the entered values are kept');
    assert.match(res.body, /value="9-9-999"/);
    res = await intake(front, { unit: '' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).unit, 'unit is required for a home request');
    res = await intake(front, { unit: '', location: 'common', place: '' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).place, 'place is required for a common area');
    res = await intake(front, { unit: '1-1-10' + 'x'.repeat(9) });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).unit, 'a malformed unit code');
    res = await intake(front, { category: 'water_power' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).category, 'a category of another kind');
    res = await intake(front, {}, [{ data: Buffer.from('not an image'), type: 'image/png' }]);
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).photo, 'a photo that is not an image');
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM ticket')), before, 'nothing was recorded');
});

test('a common-area request needs no unit; the channel and severity are kept', async () => {
    const id = await officeTicket(front, {
        kind: 'repair', category: 'elevator', location: 'common', unit: '', place: '2栋电梯', channel: 'visit',
        severity: 'urgent', description: '2栋电梯困人',
    });
    const row = ticketRow(id);
    assert.equal(row.kind, 'repair');
    assert.equal(row.channel, 'visit');
    assert.equal(sqlValue(`SELECT severity FROM ticket WHERE id = ${id}`), 'urgent');
    const page = await view(front, id);
    assert.match(rootOf(page.body).code, /^BX\d{8}-\d{4}$/);
    assert.ok(textOf(page.body).includes('2栋电梯'));
});

test('a technician alone cannot record tickets (403)', async () => {
    const res = await fetchPage('/office/new-ticket', { jar: tech });
    assert.equal(res.status, 403);
});

// --- the whole repair -------------------------------------------------------------------------

test('a repair from the portal: accept, dispatch, start, complete with 50 元, callback 5, close', async () => {
    const id = await portalRepair('卫生间水龙头漏水，整晚滴水');
    assert.equal(ticketRow(id).status, 'new');

    let page = await view(front, id);
    assert.ok(actionsOf(page.body).includes('accept'), 'frontdesk may accept a new ticket');
    await mustAct(front, id, 'accept');
    let row = ticketRow(id);
    assert.equal(row.status, 'accepted');
    assert.equal(row.owner, staffId(STAFF), 'who accepts owns it');

    // A technician may not dispatch (role), even on a ticket he can see.
    page = await view(front, id);
    assert.ok(actionsOf(page.body).includes('dispatch'));
    await mustAct(front, id, 'dispatch', { dept: engineering, assignee: techId, visit_time: '2030-05-01T09:30' });
    row = ticketRow(id);
    assert.equal(row.status, 'dispatched');
    assert.equal(row.dept, engineering);
    assert.equal(row.assignee, techId);
    const [dispatched] = sql(`SELECT department_id, assignee_staff_id FROM ticket_event
        WHERE ticket_id = ${id} AND type = 'dispatched'`);
    assert.deepEqual(dispatched.map(String), [String(engineering), String(techId)]);
    page = await view(front, id);
    for (const words of ['工程部', '陈强']) assert.ok(textOf(page.body).includes(words), words);

    let res = await act(tech, id, 'dispatch', { dept: engineering });
    assert.equal(res.status, 403, 'a technician may not dispatch');

    page = await view(tech, id);
    assert.equal(page.status, 200);
    assert.deepEqual(actionsOf(page.body).filter((a) => ['start', 'dispatch', 'close'].includes(a)), ['start'],
        'the technician is offered start, not dispatch or close');
    await mustAct(tech, id, 'start');
    assert.equal(ticketRow(id).status, 'in_progress');

    res = await act(tech, id, 'complete', { resolution: '', charge_fen: '5000' });
    assert.equal(res.status, 422, 'complete without a resolution');
    assert.ok(fieldErrors(res.body).resolution);
    assert.equal(ticketRow(id).status, 'in_progress', 'nothing changed');

    await mustAct(tech, id, 'complete', { resolution: '更换水龙头阀芯', charge_fen: '5000' });
    row = ticketRow(id);
    assert.equal(row.status, 'completed');
    assert.equal(row.charge, 5000);
    assert.equal(sqlValue(`SELECT charge_fen FROM ticket_event WHERE ticket_id = ${id} AND type = 'completed'`), '5000');
    page = await view(sup, id);
    assert.ok(textOf(page.body).includes('50.00'), 'the charge in yuan');

    res = await act(sup, id, 'close');
    assert.equal(res.status, 409, 'no close before the callback');
    assert.equal(ticketRow(id).status, 'completed');

    // The callback queue lists it until it is called back.
    let queue = await fetchPage('/office/callbacks', { jar: sup });
    assert.equal(queue.status, 200);
    assert.ok(rowsOf(queue.body).some((r) => r.id === id), 'the callback queue lists the completed repair');

    await mustAct(sup, id, 'callback', { reached: 'no', text: '无人接听' });
    queue = await fetchPage('/office/callbacks', { jar: sup });
    const waiting = rowsOf(queue.body).find((r) => r.id === id);
    assert.ok(waiting, 'still in the queue after an unanswered call');
    assert.ok(textOf(waiting.html).includes('未接通，可再次回访'));
    assert.equal(ticketRow(id).callbackDone, false);

    await mustAct(sup, id, 'callback', { reached: 'yes', score: '5', text: '业主满意' });
    row = ticketRow(id);
    assert.equal(row.callbackDone, true);
    assert.deepEqual(sql(`SELECT reached, score FROM ticket_event WHERE ticket_id = ${id} AND type = 'callback' ORDER BY id`),
        [['0', null], ['1', '5']]);
    queue = await fetchPage('/office/callbacks', { jar: sup });
    assert.ok(!rowsOf(queue.body).some((r) => r.id === id), 'called back: no longer waiting');

    res = await act(front, id, 'close');
    assert.equal(res.status, 403, 'frontdesk may not close (ticket_role_may)');
    await mustAct(sup, id, 'close');
    assert.equal(ticketRow(id).status, 'closed');
    assert.deepEqual(eventTypes(id),
        ['created', 'accepted', 'dispatched', 'started', 'completed', 'callback', 'callback', 'closed']);

    page = await view(sup, id);
    const text = textOf(page.body);
    for (const words of ['受理', '派工', '开始处理', '完成', '回访', '关闭', '更换水龙头阀芯', '无人接听', '未接通', '满意度 5 分']) {
        assert.ok(text.includes(words), `the timeline says ${words}`);
    }
    assert.equal(rootOf(page.body).status, 'closed');
    assert.ok(actionsOf(page.body).includes('reopen'), 'a closed ticket may be reopened by the supervisor');
});

test('the agreed visit time is read and shown in community time (Asia/Shanghai)', async () => {
    const id = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '约定上门时间测试' });
    // Several requests, so that both processes of the page have served one before.
    for (let i = 0; i < 3; i++) await view(front, id);
    await mustAct(front, id, 'dispatch', { dept: engineering, assignee: techId, visit_time: '2030-05-01T09:30' });
    assert.equal(sqlValue(`SELECT DATE_FORMAT(visit_at, '%Y-%m-%d %H:%i') FROM ticket_event
        WHERE ticket_id = ${id} AND type = 'dispatched'`), '2030-05-01 01:30', 'stored in UTC');
    for (let i = 0; i < 3; i++) {
        const page = await view(front, id);
        assert.ok(textOf(page.body).includes('2030-05-01 09:30'), 'shown in community time');
    }
});

test('notes are internal and marked 内部; replies are public; the yuan field is read as fen', async () => {
    const id = await officeTicket(front, { kind: 'repair', category: 'door_window', description: '入户门锁坏了' });
    await mustAct(front, id, 'note', { text: '业主白天不在家' });
    await mustAct(front, id, 'reply', { text: '已安排维修，请留意电话' });
    assert.deepEqual(sql(`SELECT type, public FROM ticket_event WHERE ticket_id = ${id} AND type IN ('note', 'reply') ORDER BY id`),
        [['note', '0'], ['reply', '1']]);
    const page = await view(front, id);
    const note = /<li\b[^>]*data-event="note"[^>]*>([\s\S]*?)<\/li>/.exec(page.body);
    assert.ok(note && textOf(note[1]).includes('内部'), 'the note is marked 内部');
    await mustAct(sup, id, 'dispatch', { dept: engineering, assignee: techId });
    await mustAct(tech, id, 'start');
    let res = await act(tech, id, 'complete', { resolution: '更换锁芯', charge_yuan: '12.5x' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).charge_yuan);
    assert.match(res.body, /更换锁芯/, 'the resolution is kept');
    await mustAct(tech, id, 'complete', { resolution: '更换锁芯', charge_yuan: '80.50' });
    assert.equal(ticketRow(id).charge, 8050);
    res = await act(sup, id, 'note', { text: '' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).text);
});

test('waiting for the resident and escalation (frontdesk may not escalate)', async () => {
    const id = await officeTicket(front, { description: '物业费账单有疑问' });
    await mustAct(front, id, 'wait', { text: '请业主提供缴费凭证' });
    assert.equal(ticketRow(id).status, 'waiting');
    await mustAct(sup, id, 'escalate', { text: '业主多次投诉' });
    assert.equal(sqlValue(`SELECT escalation_level FROM ticket WHERE id = ${id}`), '1');
    let list = await fetchPage(`/office/tickets?q=${encodeURIComponent(ticketRow(id).code)}`, { jar: sup });
    const row = rowsOf(list.body).find((r) => r.id === id);
    assert.ok(row && /data-escalation="1"/.test(row.html), 'the queue shows the escalation badge');
    const res = await act(front, id, 'escalate', { text: 'x' });
    assert.equal(res.status, 403, 'frontdesk may not escalate');
});

// --- refusals ---------------------------------------------------------------------------------

test('refusals: 403 for another technician\'s ticket, 409 for start on an undispatched ticket, 422 for an unknown dept', async () => {
    const id = await officeTicket(front, { kind: 'repair', category: 'pipe', description: '厨房下水道堵塞' });
    // Not assigned to the technician: he cannot see it nor act on it.
    assert.equal((await view(tech, id)).status, 404, 'a technician sees only his own tickets');
    let res = await act(sup, id, 'start');
    assert.equal(res.status, 409, 'start on an accepted ticket');
    assert.equal(ticketRow(id).status, 'accepted');
    res = await act(sup, id, 'dispatch', { dept: '999999' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).dept, 'an error next to dept');
    assert.equal(rootOf(res.body).id, String(id), 'the ticket page again');
    res = await act(sup, id, 'dispatch', {});
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).dept, 'dept is required');
    // Dispatched to 工程部 without a person: still not the technician's.
    await mustAct(sup, id, 'dispatch', { dept: engineering });
    // The page is 404 for him, so his token comes from another page of his session.
    const techCsrf = csrfFrom((await fetchPage('/office/tickets', { jar: tech })).body, '/office/logout');
    res = await fetchPage(`/office/ticket?id=${id}`, { jar: tech, form: { csrf: techCsrf, action: 'start' } });
    assert.equal(res.status, 403, 'the technician acts only on tickets assigned to him');
    assert.equal(ticketRow(id).status, 'dispatched', 'nothing changed');
});

test('refusals: unknown ticket and another community\'s ticket answer 404; a POST without csrf 403', async () => {
    const suffix = uniqueSuffix();
    sql(`INSERT INTO community (code, name) VALUES (${q(`t${suffix}`.slice(0, 20))}, '别的小区');`);
    const community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`t${suffix}`.slice(0, 20))}`));
    sql(`INSERT INTO ticket_category (community_id, kind, code, name) VALUES (${community}, 'repair', 'other', '其他');`);
    const category = Number(sqlValue(`SELECT id FROM ticket_category WHERE community_id = ${community}`));
    sql(`INSERT INTO ticket (community_id, code, kind, category_id, location, place, description, channel, created_by_kind,
           created_by_id, status, created_at, updated_at)
         VALUES (${community}, 'BX20300101-0001', 'repair', ${category}, 'common', '大门', '别的小区的工单', 'phone', 'staff', 1,
           'accepted', UTC_TIMESTAMP(), UTC_TIMESTAMP());`);
    const foreign = Number(sqlValue(`SELECT id FROM ticket WHERE community_id = ${community}`));
    cleanups.push(() => sql(`DELETE FROM ticket WHERE community_id = ${community};
        DELETE FROM ticket_category WHERE community_id = ${community}; DELETE FROM community WHERE id = ${community};`));

    assert.equal((await view(sup, foreign)).status, 404, 'another community\'s ticket');
    assert.equal((await view(sup, 999999999)).status, 404, 'a ticket that does not exist');
    const own = await officeTicket(front, { description: '无令牌测试' });
    const csrf = csrfFrom((await view(sup, own)).body, `/office/ticket?id=${own}`);
    let res = await fetchPage(`/office/ticket?id=${foreign}`, { jar: sup, form: { csrf, action: 'note', text: 'x' } });
    assert.equal(res.status, 404, 'no action on another community\'s ticket');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ${foreign}`), '0');
    assert.ok(!rowsOf((await fetchPage('/office/tickets?q=BX20300101-0001', { jar: sup })).body).some((r) => r.id === foreign),
        'nor in the queue');

    res = await fetchPage(`/office/ticket?id=${own}`, { jar: sup, form: { action: 'note', text: '没有令牌' } });
    assert.equal(res.status, 403, 'a POST without csrf');
    res = await fetchPage(`/office/ticket?id=${own}`, { jar: sup, form: { csrf: 'x'.repeat(43), action: 'note', text: '假令牌' } });
    assert.equal(res.status, 403, 'a POST with a forged csrf');
    assert.deepEqual(eventTypes(own), ['created', 'accepted'], 'nothing was written');
    assert.equal((await fetchPage('/office/ticket?id=abc', { jar: sup })).status, 400, 'a malformed id');
    const anon = await fetchPage(`/office/ticket?id=${own}`);
    assert.equal(anon.status, 303, 'not signed in: to the login page');
    assert.equal(anon.location, '/office/login');
});

// --- the queue --------------------------------------------------------------------------------

test('the queue filters by kind and status, finds overdue tickets, searches by code and phone', async () => {
    const phone = uniquePhone();
    const complaint = await officeTicket(front, { reporter_phone: phone, description: '楼下噪音扰民' , category: 'noise' });
    const repair = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '客厅灯不亮' });
    const code = ticketRow(complaint).code;

    let res = await fetchPage('/office/tickets', { jar: front });
    assert.equal(res.status, 200);
    assert.match(res.body, /data-count>\d+</, 'a total count');
    assert.match(res.body, /href="\/office\/tickets"[^>]*aria-current="page"/, 'the nav marks 工单');
    const all = rowsOf(res.body);
    assert.ok(all.length > 0 && all.length <= 30, '30 per page at most');
    for (const r of all) assert.ok(r.status, 'each row carries data-status');

    res = await fetchPage('/office/tickets?kind=complaint', { jar: front });
    let rows = rowsOf(res.body);
    assert.ok(rows.some((r) => r.id === complaint));
    assert.ok(!rows.some((r) => r.id === repair), 'kind=complaint leaves out repairs');

    res = await fetchPage(`/office/tickets?q=${encodeURIComponent(code)}`, { jar: front });
    rows = rowsOf(res.body);
    assert.deepEqual(rows.map((r) => r.id), [complaint], 'search by code finds exactly it');
    assert.ok(textOf(rows[0].html).includes(code));
    assert.ok(textOf(rows[0].html).includes('1-1-101'));

    res = await fetchPage(`/office/tickets?q=${phone}`, { jar: front });
    assert.deepEqual(rowsOf(res.body).map((r) => r.id), [complaint], 'search by phone');

    res = await fetchPage('/office/tickets?status=dispatched', { jar: front });
    for (const r of rowsOf(res.body)) assert.equal(r.status, 'dispatched');
    res = await fetchPage('/office/tickets?status=accepted&kind=repair', { jar: front });
    assert.ok(rowsOf(res.body).some((r) => r.id === repair));
    res = await fetchPage('/office/tickets?status=open', { jar: front });
    for (const r of rowsOf(res.body)) assert.ok(['new', 'accepted', 'dispatched', 'in_progress', 'waiting'].includes(r.status));

    sql(`UPDATE ticket SET next_due = UTC_TIMESTAMP() - INTERVAL 3 HOUR - INTERVAL 10 MINUTE WHERE id = ${repair}`);
    res = await fetchPage('/office/tickets?overdue=1&sort=due', { jar: front });
    rows = rowsOf(res.body);
    const late = rows.find((r) => r.id === repair);
    assert.ok(late, 'overdue=1 lists the ticket whose time limit passed');
    assert.ok(!rows.some((r) => r.id === complaint), 'and not one still in time');
    assert.match(late.attrs, /class="[^"]*\boverdue\b/, 'highlighted');
    assert.ok(textOf(late.html).includes('已超时 3 小时'), `late by 3 hours: ${textOf(late.html)}`);
    res = await fetchPage(`/office/tickets?q=${encodeURIComponent(code)}`, { jar: front });
    assert.match(textOf(res.body), /剩余 \d+ 小时/, 'a ticket in time shows what is left');

    assert.equal((await fetchPage('/office/tickets?status=nonsense', { jar: front })).status, 400);
    assert.equal((await fetchPage('/office/tickets?page=0', { jar: front })).status, 400);
});

test('pagination keeps the filters', async () => {
    const count = Number(sqlValue("SELECT COUNT(*) FROM ticket WHERE community_id = 1 AND kind = 'complaint'"));
    for (let i = count; i < 31; i++) await officeTicket(front, { description: `翻页测试 ${i}` });
    const res = await fetchPage('/office/tickets?kind=complaint&q=', { jar: front });
    assert.equal(rowsOf(res.body).length, 30);
    const next = /<a rel="next" href="([^"]*)"/.exec(res.body);
    assert.ok(next, 'a link to the next page');
    const href = next[1].replace(/&amp;/g, '&');
    assert.match(href, /kind=complaint/);
    assert.match(href, /page=2/);
    const second = await fetchPage(href, { jar: front });
    assert.equal(second.status, 200);
    assert.ok(rowsOf(second.body).length >= 1);
    assert.match(second.body, /<a rel="prev"/);
});

test('CSV export: BOM, header row, quoting, formula cells neutralised, and an audit row', async () => {
    const id = await officeTicket(front, {
        reporter_name: '=SUM(1,2)', description: '他说"水管爆了",\n赶紧来', category: 'repair_quality',
    });
    const code = ticketRow(id).code;
    const audits = Number(sqlValue("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_type = 'ticket'"));
    const res = await fetchPage(`/office/tickets?format=csv&q=${encodeURIComponent(code)}`, { jar: front });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="tickets.csv"');
    assert.deepEqual([...res.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM');
    const body = res.buffer.subarray(3).toString('utf8');
    const lines = body.split('\r\n');
    assert.match(lines[0], /^"编号","类型"/, 'a header row');
    assert.ok(body.includes(`"${code}"`), 'the ticket\'s code');
    assert.ok(body.includes('"\'=SUM(1,2)"'), 'a formula cell is prefixed with \'');
    assert.ok(body.includes('"他说""水管爆了"",\n赶紧来"'), 'quotes doubled, comma and newline inside quotes');
    assert.doesNotMatch(res.headers['content-type'], /html/);
    assert.equal(Number(sqlValue("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_type = 'ticket'")),
        audits + 1, 'the export is in the audit log');
    const [last] = sql(`SELECT actor_kind, actor_id, detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    assert.deepEqual(last, ['staff', String(staffId(STAFF)), 'tickets.csv']);
    // The whole list, not one page.
    const allCsv = await fetchPage('/office/tickets?format=csv', { jar: front });
    // Tickets that other tests insert by SQL have codes of their own shape (lib insertTickets):
    // count the ones whose code the line pattern below recognises.
    const total = Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE community_id = 1
        AND code REGEXP '^[A-Z]{2}[0-9]{8}-[0-9]{4}$'`));
    assert.equal(allCsv.buffer.toString('utf8').split('\r\n').filter((l) => /^"[A-Z]{2}\d{8}-\d{4}",/.test(l)).length,
        Math.min(total, 10000), 'every ticket of the community');
});

test('the slip (print=1) is a 派工单 with the code, the place and the signature lines', async () => {
    const id = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '热水器不出热水' });
    await mustAct(front, id, 'dispatch', { dept: engineering, assignee: techId, visit_time: '2030-06-02T14:00' });
    const res = await view(front, id, '&print=1');
    assert.equal(res.status, 200);
    const text = textOf(res.body);
    for (const words of ['派工单', ticketRow(id).code, '1-1-101', '热水器不出热水', '工程部', '陈强', '2030-06-02 14:00',
        '维修人员签字', '业主签字', '使用材料']) {
        assert.ok(text.includes(words), `the slip says ${words}`);
    }
    assert.doesNotMatch(res.body, /data-action="/, 'no action forms on the slip');
});

test('a technician\'s queue lists only the tickets assigned to him', async () => {
    const mine = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '给陈强的工单' });
    const other = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '不是陈强的工单' });
    await mustAct(front, mine, 'dispatch', { dept: engineering, assignee: techId });
    await mustAct(front, other, 'dispatch', { dept: engineering });
    const res = await fetchPage('/office/tickets', { jar: tech });
    assert.equal(res.status, 200);
    const rows = rowsOf(res.body);
    assert.ok(rows.some((r) => r.id === mine), 'his ticket is listed');
    assert.ok(!rows.some((r) => r.id === other), 'another one is not');
    const ids = rows.map((r) => r.id).join(',');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM ticket WHERE id IN (${ids}) AND (assignee_staff_id IS NULL OR assignee_staff_id <> ${techId})`), '0');
    const forced = await fetchPage(`/office/tickets?assignee=${staffId(STAFF)}&q=${encodeURIComponent(ticketRow(other).code)}`, { jar: tech });
    assert.deepEqual(rowsOf(forced.body), [], 'no filter shows him other tickets');
    assert.ok(textOf(res.body).includes('只显示派给您本人的工单'));
});

test('photos: taken at intake, shown to staff through the access check, hidden from others', async () => {
    const png = makePng();
    const id = await officeTicket(front, { kind: 'repair', category: 'water_power', description: '墙面渗水，有照片' },
        [{ data: png, type: 'image/png', name: 'wall.png' }]);
    const page = await view(front, id);
    const m = /<img\b[^>]*src="\/office\/photo\?id=(\d+)"/.exec(page.body);
    assert.ok(m, 'the ticket page shows the photo');
    const photo = Number(m[1]);
    const res = await fetchPage(`/office/photo?id=${photo}`, { jar: front });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.match(res.headers['cache-control'], /private/);
    assert.ok(res.buffer.equals(png), 'the very bytes uploaded');
    assert.equal((await fetchPage(`/office/photo?id=${photo}`, { jar: tech })).status, 404, 'not the technician\'s ticket');
    assert.equal((await fetchPage('/office/photo?id=999999999', { jar: front })).status, 404);
    await mustAct(front, id, 'dispatch', { dept: engineering, assignee: techId });
    assert.equal((await fetchPage(`/office/photo?id=${photo}`, { jar: tech })).status, 200, 'once it is his');
    assert.equal((await fetchPage(`/office/photo?id=${photo}`)).status, 303, 'not signed in');
});
