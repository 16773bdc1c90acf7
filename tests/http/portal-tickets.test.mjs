// The resident's tickets: reporting one (with photos), the list, the ticket page with its
// timeline and actions (comment, withdraw, rate, reopen), the photos behind the household
// check, and what the pages refuse: bad fields (422), other households (404), forged
// forms (403), actions the ticket's state does not allow (409).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { deflateSync } from 'node:zlib';

import {
    accountId, attr, csrfFrom, fetchPage, fieldErrors, forms, makeResident, RESIDENT, RESIDENT2, signIn,
    q, sql, sqlValue, textOf,
} from './lib.mjs';

const CODE = /^(BX|TS|JY|ZX|BY)\d{8}-\d{4}$/;

// --- a PNG of our own ---------------------------------------------------------------------

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
// A w x h RGB PNG with a diagonal stripe, so two calls with different colours differ.
function makePng(w = 8, h = 8, rgb = [11, 110, 79]) {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const raw = Buffer.alloc((w * 3 + 1) * h);
    for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
            const o = y * (w * 3 + 1) + 1 + x * 3;
            const on = Math.abs(x - y) < Math.max(2, w / 6);
            raw[o] = on ? 255 : rgb[0];
            raw[o + 1] = on ? 255 : rgb[1];
            raw[o + 2] = on ? 255 : rgb[2];
        }
    }
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// --- helpers ------------------------------------------------------------------------------

// The new-ticket form's token for a session.
async function formToken(jar) {
    const page = await fetchPage('/portal/new-ticket', { jar });
    assert.equal(page.status, 200, 'GET /portal/new-ticket');
    return csrfFrom(page.body, '/portal/new-ticket');
}

// Posts the new-ticket form as multipart. fields override a valid repair at home;
// photos: [{name, type, data}].
async function submitTicket(jar, csrf, fields = {}, photos = []) {
    const fd = new FormData();
    const values = {
        csrf, kind: 'repair', category: 'water_power', location: 'home', place: '', description: '厨房水槽下水管漏水',
        phone: '', preferred_time: '', ...fields,
    };
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) fd.append(k, v);
    for (const p of photos) fd.append('photo', new Blob([p.data], { type: p.type || 'image/png' }), p.name || 'photo.png');
    return fetchPage('/portal/new-ticket', { jar, method: 'POST', body: fd });
}

// Reports a ticket and answers its id (the POST must answer 303 to /portal/ticket?id=N).
async function newTicket(jar, fields = {}, photos = []) {
    const res = await submitTicket(jar, await formToken(jar), fields, photos);
    assert.equal(res.status, 303, `the new ticket is accepted: ${JSON.stringify(fieldErrors(res.body))} ${textOf(res.body).slice(0, 300)}`);
    const m = /^\/portal\/ticket\?id=(\d+)$/.exec(res.location || '');
    assert.ok(m, `303 to /portal/ticket?id=N, not ${res.location}`);
    return Number(m[1]);
}

// The root element of a ticket page: {id, code, status, kind}.
function ticketRoot(html) {
    const m = /<([a-z]+)\b([^>]*\bdata-ticket-code="[^"]*"[^>]*)>/i.exec(html);
    assert.ok(m, 'an element with data-ticket-code');
    return {
        id: Number(attr(m[2], 'data-ticket-id')),
        code: attr(m[2], 'data-ticket-code'),
        status: attr(m[2], 'data-status'),
        kind: attr(m[2], 'data-kind'),
    };
}

// Posts an action of the ticket page, with the token of the page's form for it.
async function act(jar, id, action, fields = {}) {
    const page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(page.status, 200);
    const csrf = csrfFrom(page.body, `/portal/ticket?id=${id}`);
    return fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf, action, ...fields } });
}

// Rows of a list page: [{id, status}].
function rows(html) {
    const out = [];
    const re = /<li\b([^>]*\bdata-ticket-id="[^"]*"[^>]*)>/gi;
    for (let m; (m = re.exec(html));) out.push({ id: Number(attr(m[1], 'data-ticket-id')), status: attr(m[1], 'data-status') });
    return out;
}

// Completes ticket id the way the office does (accept, then complete) when the office's
// ticket page is there; otherwise, as a last resort, writes the completion with SQL.
// Answers 'office' or 'sql'.
async function complete(id, chargeFen = 3500) {
    const staff = await signIn('staff', 'frontdesk');
    const probe = await fetchPage(`/office/ticket?id=${id}`, { jar: staff });
    if (probe.status === 200) {
        for (const [action, fields] of [['accept', {}], ['complete', { resolution: '已更换水槽下水管及接头，试水无渗漏。', charge_fen: String(chargeFen) }]]) {
            const page = await fetchPage(`/office/ticket?id=${id}`, { jar: staff });
            const f = forms(page.body).find((x) => new RegExp(`name="action"[^>]*value="${action}"`).test(x.inner));
            if (!f) break;
            const res = await fetchPage(attr(f.attrs, 'action') || `/office/ticket?id=${id}`, {
                jar: staff, form: { csrf: csrfFrom(page.body), action, ...fields },
            });
            assert.equal(res.status, 303, `office ${action}: ${textOf(res.body).slice(0, 300)}`);
        }
        if (sqlValue(`SELECT status FROM ticket WHERE id = ${id}`) === 'completed') return 'office';
    }
    sql(`INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, public, text, charge_fen, status_after)
           SELECT id, community_id, 'completed', 'staff', (SELECT id FROM staff WHERE login = 'tech'), UTC_TIMESTAMP(), 1,
                  '已更换水槽下水管及接头，试水无渗漏。', ${chargeFen}, 'completed' FROM ticket WHERE id = ${id};
         UPDATE ticket SET status = 'completed', completed_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP(),
                charge_fen = ${chargeFen}, next_due = NULL, last_event_id = LAST_INSERT_ID(),
                last_public_event_id = LAST_INSERT_ID() WHERE id = ${id};`);
    return 'sql';
}

const cleanups = [];
after(() => {
    for (const f of cleanups.reverse()) f();
});

// --- reporting ------------------------------------------------------------------------------

test('the new-ticket form offers every field of the contract, grouped categories and a multipart photo input', async () => {
    const jar = await signIn('resident', RESIDENT);
    const res = await fetchPage('/portal/new-ticket', { jar });
    assert.equal(res.status, 200);
    const form = forms(res.body).find((f) => attr(f.attrs, 'action') === '/portal/new-ticket');
    assert.ok(form, 'a form posting to /portal/new-ticket');
    assert.equal(attr(form.attrs, 'method'), 'post');
    assert.equal(attr(form.attrs, 'enctype'), 'multipart/form-data');
    for (const kind of ['repair', 'complaint', 'suggestion', 'inquiry', 'praise']) {
        assert.match(form.inner, new RegExp(`name="kind" value="${kind}"`), `kind ${kind}`);
    }
    for (const words of ['报修', '投诉', '建议', '咨询', '表扬', '水电', '环境卫生']) assert.ok(textOf(form.inner).includes(words), words);
    assert.match(form.inner, /<optgroup label="报修"/);
    assert.match(form.inner, /<option value="water_power"/);
    assert.match(form.inner, /name="location" value="home"/);
    assert.match(form.inner, /name="location" value="common"/);
    assert.match(form.inner, /<input[^>]*name="place"/);
    assert.match(form.inner, /<textarea[^>]*name="description"/);
    assert.match(form.inner, /<input[^>]*name="phone"/);
    assert.match(form.inner, /<input\b(?=[^>]*\bname="preferred_time")(?=[^>]*\btype="datetime-local")[^>]*>/);
    const file = /<input\b([^>]*\btype="file"[^>]*)>/.exec(form.inner);
    assert.ok(file, 'a file input');
    assert.equal(attr(file[1], 'name'), 'photo');
    assert.equal(attr(file[1], 'accept'), 'image/jpeg,image/png,image/webp');
    assert.match(file[1], /\bmultiple\b/);
    assert.ok(csrfFrom(res.body, '/portal/new-ticket'));
    // The navigation names both pages.
    assert.match(res.body, /href="\/portal\/tickets"[^>]*>我的工单</);
    assert.match(res.body, /href="\/portal\/new-ticket"[^>]*>报事报修</);
});

test('a repair without a photo: 303 to its page, which shows it; the row and its code are in the database', async () => {
    const jar = await signIn('resident', RESIDENT);
    const description = `卫生间天花板渗水，楼上可能漏水 ${Date.now()}`;
    const id = await newTicket(jar, { description, phone: '13912345678', preferred_time: '2030-05-01T09:30' });
    const row = sql(`SELECT code, kind, status, location, channel, severity, reporter_account_id, reporter_phone,
                            created_by_kind, description, (SELECT code FROM unit WHERE id = ticket.unit_id)
                     FROM ticket WHERE id = ${id}`)[0];
    const [code, kind, status, location, channel, severity, reporter, phone, createdBy, stored, unit] = row;
    assert.match(code, CODE);
    assert.ok(code.startsWith('BX'), 'a repair code starts with BX');
    assert.deepEqual([kind, status, location, channel, severity], ['repair', 'new', 'home', 'web', 'normal']);
    assert.equal(Number(reporter), accountId(RESIDENT));
    assert.equal(phone, '13912345678');
    assert.equal(createdBy, 'resident');
    assert.equal(stored, description);
    assert.equal(unit, '1-1-101');
    // 09:30 in Shanghai is 01:30 UTC, whichever page process took the request.
    assert.equal(sqlValue(`SELECT preferred_time FROM ticket WHERE id = ${id}`), '2030-05-01 01:30:00',
        'the preferred time is read in the community\'s zone and stored in UTC');
    const page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(page.status, 200);
    assert.deepEqual(ticketRoot(page.body), { id, code, status: 'new', kind: 'repair' });
    const text = textOf(page.body);
    for (const words of [code, description, '报修', '水电', '待受理', '1-1-101', '提交', '2030-05-01 09:30']) {
        assert.ok(text.includes(words), `the page says ${words}`);
    }
    // Listed on the household's list and on the home page.
    const list = await fetchPage('/portal/tickets', { jar });
    assert.ok(rows(list.body).some((r) => r.id === id && r.status === 'new'), 'in /portal/tickets');
    const home = await fetchPage('/portal/home', { jar });
    assert.ok(rows(home.body).some((r) => r.id === id && r.status === 'new'), 'on /portal/home');
    assert.match(home.body, /href="\/portal\/new-ticket"[^>]*>我要报修\/投诉</);
    assert.ok(textOf(home.body).includes('我的报修与投诉'));
});

test('two repairs in a row take the next two numbers of the community\'s counter for its local day', async () => {
    const jar = await signIn('resident', RESIDENT);
    const [a, b] = [await newTicket(jar), await newTicket(jar)];
    const [codeA, codeB] = [a, b].map((id) => sqlValue(`SELECT code FROM ticket WHERE id = ${id}`));
    const day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
    const [, dayA, numA] = /^BX(\d{8})-(\d+)$/.exec(codeA);
    const [, dayB, numB] = /^BX(\d{8})-(\d+)$/.exec(codeB);
    assert.ok([dayA, dayB].every((d) => d === day), `the day of Shanghai (${day}): ${codeA}, ${codeB}`);
    assert.equal(Number(numB), Number(numA) + 1, `${codeA} then ${codeB}`);
    assert.equal(Number(sqlValue(`SELECT last_number FROM ticket_counter WHERE community_id = 1 AND prefix = 'BX'
        AND day = ${q(dayB)}`)), Number(numB), 'the counter stands at the last number given');
});

test('a new ticket whose last write is refused leaves nothing behind, and the next one takes the number', async () => {
    // The writes after the counter (the ticket's code, the message to the reporter) are sent
    // with the COMMIT in one round trip (core/db.h, db_defer_writes): a trigger refuses the
    // message of tickets whose description carries the tag.
    const jar = await signIn('resident', RESIDENT);
    const tag = `拒收${randomBytes(3).toString('hex')}`;
    const trigger = `test_refuse_${tag.slice(2)}`;
    const day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
    const counter = () => Number(sqlValue(`SELECT COALESCE(MAX(last_number), 0) FROM ticket_counter WHERE community_id = 1
        AND prefix = 'BX' AND day = ${q(day)}`));
    const before = await newTicket(jar);
    // A run stopped inside the try below leaves its trigger: it would refuse that run's
    // messages for good (and the sweep's, for tickets with its tag). Gone before this one.
    for (const [name] of sql(`SELECT trigger_name FROM information_schema.triggers
        WHERE trigger_schema = DATABASE() AND trigger_name LIKE 'test\\_refuse\\_%'`)) sql(`DROP TRIGGER IF EXISTS ${name}`);
    // NULL in a NOT NULL column: the page's strict sql_mode refuses the row.
    sql(`CREATE TRIGGER ${trigger} BEFORE INSERT ON outbox FOR EACH ROW
         SET NEW.community_id = IF((SELECT description FROM ticket WHERE id = NEW.ticket_id) LIKE ${q(`%${tag}%`)},
           NULL, NEW.community_id)`);
    try {
        const at = counter();
        const res = await submitTicket(jar, await formToken(jar), { description: `漏水 ${tag}` });
        assert.equal(res.status, 500, 'the refusal answers 500');
        assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE description LIKE ${q(`%${tag}%`)}`)), 0,
            'no ticket with the refused message');
        assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE community_id = 1 AND code LIKE '#%'`)), 0,
            'no ticket left with the code it was inserted with');
        assert.equal(counter(), at, 'the counter is rolled back with it');
    } finally {
        sql(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    // The process is not left inside the failed transaction: the next tickets commit, numbered on.
    const later = [await newTicket(jar), await newTicket(jar)];
    const codes = [before, ...later].map((id) => sqlValue(`SELECT code FROM ticket WHERE id = ${id}`));
    const nums = codes.map((c) => Number(/-(\d+)$/.exec(c)[1]));
    assert.ok(nums[1] > nums[0] && nums[2] === nums[1] + 1, `numbered on: ${codes.join(', ')}`);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE description LIKE ${q(`%${tag}%`)}
        OR (community_id = 1 AND code LIKE '#%')`)), 0, 'and none appears later either');
    for (const id of later) {
        assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ${id}`)), 1, 'its created event');
        assert.equal(Number(sqlValue(`SELECT last_event_id = (SELECT MAX(id) FROM ticket_event WHERE ticket_id = ${id})
            FROM ticket WHERE id = ${id}`)), 1, 'its last event is set');
    }
});

test('a complaint about a common area with a photo: the photo is served to the household only', async () => {
    const jar = await signIn('resident', RESIDENT);
    const png = makePng(40, 30, [200, 80, 20]);
    const id = await newTicket(jar, {
        kind: 'complaint', category: 'sanitation', location: 'common', place: '3 栋电梯厅', description: '电梯厅垃圾两天没人清理',
    }, [{ name: '垃圾.png', type: 'image/png', data: png }]);
    const code = sqlValue(`SELECT code FROM ticket WHERE id = ${id}`);
    assert.match(code, /^TS\d{8}-\d{4}$/);
    const photoId = Number(sqlValue(`SELECT id FROM ticket_photo WHERE ticket_id = ${id}`));
    assert.ok(photoId > 0, 'one photo row');
    const page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.ok(page.body.includes(`<img src="/portal/photo?id=${photoId}"`), 'a thumbnail of the photo');
    assert.ok(page.body.includes(`href="/portal/photo?id=${photoId}"`), 'linking to the photo');
    assert.ok(textOf(page.body).includes('3 栋电梯厅'));
    const photo = await fetchPage(`/portal/photo?id=${photoId}`, { jar });
    assert.equal(photo.status, 200);
    assert.equal(photo.headers['content-type'], 'image/png');
    assert.ok(photo.buffer.equals(png), 'the same bytes as uploaded');
    assert.match(photo.headers['cache-control'] || '', /private/);
    assert.equal(photo.headers['x-accel-redirect'], undefined, 'nginx does not leak its internal path');
    // The internal location cannot be asked for directly.
    const file = sqlValue(`SELECT file_name FROM ticket_photo WHERE id = ${photoId}`);
    assert.equal((await fetchPage(`/uploads-internal/tickets/${file}`)).status, 404);
    // Another household, nobody, and a photo that does not exist.
    const other = await signIn('resident', RESIDENT2);
    assert.equal((await fetchPage(`/portal/photo?id=${photoId}`, { jar: other })).status, 404);
    assert.equal((await fetchPage(`/portal/ticket?id=${id}`, { jar: other })).status, 404);
    const anonymous = await fetchPage(`/portal/photo?id=${photoId}`);
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.location, '/portal/login');
    assert.equal((await fetchPage(`/portal/photo?id=${photoId + 100000}`, { jar })).status, 404);
});

test('three photos are kept; their types are read from their content', async () => {
    const jar = await signIn('resident', RESIDENT);
    const photos = [1, 2, 3].map((n) => ({ name: `p${n}.jpg`, type: 'image/jpeg', data: makePng(10 + n, 10, [n * 60, 20, 20]) }));
    const id = await newTicket(jar, {}, photos);
    const stored = sql(`SELECT content_type, size_bytes FROM ticket_photo WHERE ticket_id = ${id} ORDER BY id`);
    assert.equal(stored.length, 3);
    for (const [i, [type, size]] of stored.entries()) {
        assert.equal(type, 'image/png', 'the content decides, not the name or the declared type');
        assert.equal(Number(size), photos[i].data.length);
    }
});

// --- what the form refuses ------------------------------------------------------------------

test('bad fields answer 422 with the form, the entered values and an error next to each bad field', async () => {
    const jar = await signIn('resident', RESIDENT);
    const csrf = await formToken(jar);
    const before = Number(sqlValue('SELECT COUNT(*) FROM ticket'));
    const cases = [
        ['missing description', { description: '' }, [], 'description'],
        ['description over 2000 characters', { description: '漏'.repeat(2001) }, [], 'description'],
        ['unknown category', { category: 'teleporter' }, [], 'category'],
        ['a category of another kind', { kind: 'praise', category: 'water_power' }, [], 'category'],
        ['unknown kind', { kind: 'prayer' }, [], 'kind'],
        ['common area without a place', { location: 'common', place: '' }, [], 'place'],
        ['a bad phone', { phone: '12345' }, [], 'phone'],
        ['a bad time', { preferred_time: '2030-02-30T10:00' }, [], 'preferred_time'],
        ['a text file named .png', {}, [{ name: 'leak.png', type: 'image/png', data: Buffer.from('not a picture at all\n') }], 'photo'],
        ['four photos', {}, [1, 2, 3, 4].map((n) => ({ name: `p${n}.png`, data: makePng(4 + n, 4) })), 'photo'],
        ['a photo over 5 MB', {}, [{ name: 'big.png', data: Buffer.concat([makePng(4, 4), Buffer.alloc(5 * 1024 * 1024)]) }], 'photo'],
    ];
    for (const [what, fields, photos, field] of cases) {
        const description = fields.description ?? `案例：${what}`;
        const res = await submitTicket(jar, csrf, { ...fields, description }, photos);
        assert.equal(res.status, 422, `${what}: 422`);
        const errors = fieldErrors(res.body);
        assert.ok(errors[field], `${what}: an error on ${field} (errors: ${JSON.stringify(errors)})`);
        assert.ok(forms(res.body).some((f) => attr(f.attrs, 'action') === '/portal/new-ticket'), `${what}: the form again`);
        if (description && description.length <= 2000) {
            assert.ok(textOf(res.body).includes(description), `${what}: the description is kept`);
        }
    }
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM ticket')), before, 'no ticket was written');
});

test('the lines a resident writes stay lines: in the form shown again and on both ticket pages', async () => {
    const jar = await signIn('resident', RESIDENT);
    // As a browser sends a textarea: CRLF between the lines, an empty line between paragraphs.
    const description = `厨房水槽下水管漏水 ${Date.now()}\r\n从昨晚开始\r\n\r\n请尽快上门 <看看>`;
    const lines = /厨房水槽下水管漏水 \d+\r?\n从昨晚开始\r?\n\r?\n请尽快上门 &lt;看看&gt;/;
    const again = await submitTicket(jar, await formToken(jar), { description, category: 'teleporter' });
    assert.equal(again.status, 422);
    const area = /<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/.exec(again.body);
    assert.ok(area, 'the description field again');
    assert.match(area[1], lines, 'the lines as entered, escaped');
    const id = await newTicket(jar, { description });
    const own = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.match(/<p class="description">([\s\S]*?)<\/p>/.exec(own.body)[1], lines, 'the resident\'s page');
    const staff = await fetchPage(`/office/ticket?id=${id}`, { jar: await signIn('staff', 'frontdesk') });
    assert.equal(staff.status, 200);
    assert.match(/<p class="description">([\s\S]*?)<\/p>/.exec(staff.body)[1], lines, 'the staff page');
});

test('a resident without a unit cannot report for "home", but can for a common area', async () => {
    const r = makeResident('portal-nounit');
    cleanups.push(r.drop);
    const jar = await signIn('resident', r.login);
    const form = await fetchPage('/portal/new-ticket', { jar });
    assert.match(form.body, /name="location" value="common" checked/, 'common is chosen by default');
    const res = await submitTicket(jar, csrfFrom(form.body, '/portal/new-ticket'), { location: 'home' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).location, 'an error on location');
    const id = await newTicket(jar, { kind: 'suggestion', category: 'environment', location: 'common', place: '中心花园', description: '建议增加儿童游乐设施' });
    assert.match(sqlValue(`SELECT code FROM ticket WHERE id = ${id}`), /^JY\d{8}-\d{4}$/);
    assert.equal(sqlValue(`SELECT unit_id FROM ticket WHERE id = ${id}`), null);
});

test('a POST without a valid token answers 403 and writes nothing', async () => {
    const jar = await signIn('resident', RESIDENT);
    const before = Number(sqlValue('SELECT COUNT(*) FROM ticket'));
    const missing = await submitTicket(jar, undefined);
    assert.equal(missing.status, 403);
    const forged = await submitTicket(jar, 'x'.repeat(43));
    assert.equal(forged.status, 403);
    const id = await newTicket(jar);
    const page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(page.status, 200);
    const comment = await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { action: 'comment', text: '没有令牌' } });
    assert.equal(comment.status, 403);
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM ticket')), before + 1, 'only the valid one');
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ${id} AND type = 'comment'`)), 0);
});

// --- the ticket page ------------------------------------------------------------------------

test('another household\'s ticket, or one that does not exist, is 404 to view and to act on', async () => {
    const jar = await signIn('resident', RESIDENT);
    const id = await newTicket(jar, { description: '只属于 1-1-101 的工单' });
    const other = await signIn('resident', RESIDENT2);
    const seen = await fetchPage(`/portal/ticket?id=${id}`, { jar: other });
    assert.equal(seen.status, 404);
    assert.ok(!textOf(seen.body).includes('只属于 1-1-101 的工单'), 'nothing of it is shown');
    const own = await fetchPage('/portal/new-ticket', { jar: other });
    const csrf = csrfFrom(own.body, '/portal/new-ticket');
    const withdraw = await fetchPage(`/portal/ticket?id=${id}`, { jar: other, form: { csrf, action: 'withdraw' } });
    assert.equal(withdraw.status, 404);
    assert.equal(sqlValue(`SELECT status FROM ticket WHERE id = ${id}`), 'new', 'unchanged');
    assert.equal((await fetchPage('/portal/ticket?id=999999999', { jar })).status, 404);
    assert.ok(!rows((await fetchPage('/portal/tickets', { jar: other })).body).some((r) => r.id === id), 'not in her list');
});

test('a comment shows in the timeline; an empty one is 422; withdrawn tickets take no more comments (409)', async () => {
    const jar = await signIn('resident', RESIDENT);
    const id = await newTicket(jar);
    const comment = await act(jar, id, 'comment', { text: '下午两点以后家里有人' });
    assert.equal(comment.status, 303);
    assert.equal(comment.location, `/portal/ticket?id=${id}`);
    let page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.ok(textOf(page.body).includes('下午两点以后家里有人'));
    assert.match(page.body, /data-event="comment"/);
    const empty = await act(jar, id, 'comment', { text: '' });
    assert.equal(empty.status, 422);
    assert.ok(fieldErrors(empty.body).text, 'an error on text');
    assert.equal(ticketRoot(empty.body).id, id, 'the ticket page again');
    const withdraw = await act(jar, id, 'withdraw');
    assert.equal(withdraw.status, 303);
    page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(ticketRoot(page.body).status, 'withdrawn');
    assert.ok(textOf(page.body).includes('已撤销'));
    assert.ok(!/name="action" value="comment"/.test(page.body), 'no comment form on a withdrawn ticket');
    const csrf = csrfFrom(page.body);
    const late = await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf, action: 'comment', text: '还能留言吗' } });
    assert.equal(late.status, 409);
    assert.equal((await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf, action: 'withdraw' } })).status, 409);
    const closed = await fetchPage('/portal/tickets?status=closed', { jar });
    assert.ok(rows(closed.body).some((r) => r.id === id && r.status === 'withdrawn'), 'listed under closed');
    const open = await fetchPage('/portal/tickets?status=open', { jar });
    assert.ok(!rows(open.body).some((r) => r.id === id), 'not under open');
});

test('rating before completion is 409; after completion the rating is shown; reopening works within 7 days', async (t) => {
    const jar = await signIn('resident', RESIDENT);
    const id = await newTicket(jar, { description: '卧室插座没电' });
    let page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.ok(!/name="action" value="rate"/.test(page.body), 'no rating form while open');
    const early = await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf: csrfFrom(page.body), action: 'rate', score: '5' } });
    assert.equal(early.status, 409);
    const how = await complete(id, 3500);
    t.diagnostic(`completed through ${how}`);
    page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(ticketRoot(page.body).status, 'completed');
    const text = textOf(page.body);
    assert.ok(text.includes('已完成，请评价'), 'the hint asks for a rating');
    const fen = Number(sqlValue(`SELECT charge_fen FROM ticket WHERE id = ${id}`));
    if (fen > 0) assert.ok(text.includes(`${(fen / 100).toFixed(2)} 元`), 'the charge in yuan');
    assert.match(page.body, /name="action" value="rate"/);
    assert.match(page.body, /name="reason" value="响应快"/);
    const noScore = await act(jar, id, 'rate', { comment: '忘了选星' });
    assert.equal(noScore.status, 422);
    assert.ok(fieldErrors(noScore.body).score, 'an error on score');
    assert.ok(textOf(noScore.body).includes('忘了选星'), 'the comment is kept');
    const badScore = await act(jar, id, 'rate', { score: '6' });
    assert.equal(badScore.status, 422);
    const page2 = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    const body = new URLSearchParams({ csrf: csrfFrom(page2.body), action: 'rate', score: '4', comment: '师傅很专业' });
    body.append('reason', '响应快');
    body.append('reason', '质量好');
    const rated = await fetchPage(`/portal/ticket?id=${id}`, { jar, body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(rated.status, 303);
    page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    const after = textOf(page.body);
    assert.ok(after.includes('4 星'), 'the rating is shown');
    assert.ok(after.includes('响应快、质量好'), 'with its reasons');
    assert.ok(after.includes('师傅很专业'), 'and the comment');
    assert.equal(sqlValue(`SELECT rating FROM ticket WHERE id = ${id}`), '4');
    assert.ok(!/name="action" value="rate"/.test(page.body), 'no second rating');
    const again = await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf: csrfFrom(page.body), action: 'rate', score: '1' } });
    assert.equal(again.status, 409);
    // Reopen: a reason is required, then the ticket is accepted again.
    const noReason = await act(jar, id, 'reopen', { text: '' });
    assert.equal(noReason.status, 422);
    assert.ok(fieldErrors(noReason.body).text);
    const reopened = await act(jar, id, 'reopen', { text: '插座又没电了' });
    assert.equal(reopened.status, 303);
    page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(ticketRoot(page.body).status, 'accepted');
    assert.ok(textOf(page.body).includes('插座又没电了'));
});

test('reopening more than 7 days after completion is refused (409) and not offered', async () => {
    const jar = await signIn('resident', RESIDENT);
    const id = await newTicket(jar, { description: '阳台推拉门关不严', category: 'door_window' });
    await complete(id, 0);
    // Set-up only: move the completion 8 days back (no page can make a ticket older).
    sql(`UPDATE ticket SET completed_at = completed_at - INTERVAL 8 DAY WHERE id = ${id}`);
    const page = await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.ok(!/name="action" value="reopen"/.test(page.body), 'no reopen form');
    const late = await fetchPage(`/portal/ticket?id=${id}`, { jar, form: { csrf: csrfFrom(page.body), action: 'reopen', text: '还是关不严' } });
    assert.equal(late.status, 409);
    assert.equal(sqlValue(`SELECT status FROM ticket WHERE id = ${id}`), 'completed');
});

test('news since the last visit is flagged on the list and on home until the ticket is opened', async () => {
    const jar = await signIn('resident', RESIDENT);
    const id = await newTicket(jar, { description: '楼道灯不亮', location: 'common', place: '1 栋 3 楼楼道', category: 'facility' });
    await fetchPage(`/portal/ticket?id=${id}`, { jar });
    const hasNews = (html) => {
        const m = new RegExp(`<li\\b[^>]*data-ticket-id="${id}"[^>]*>([\\s\\S]*?)</li>`).exec(html);
        assert.ok(m, 'the row is there');
        return /news-dot/.test(m[1]);
    };
    assert.equal(hasNews((await fetchPage('/portal/tickets', { jar })).body), false, 'read: no flag');
    await complete(id, 0);
    assert.equal(hasNews((await fetchPage('/portal/tickets', { jar })).body), true, 'news: flagged in the list');
    const home = await fetchPage('/portal/home', { jar });
    assert.equal(hasNews(home.body), true, 'and on home');
    assert.ok(textOf(home.body).includes('已完成，待评价'));
    await fetchPage(`/portal/ticket?id=${id}`, { jar });
    assert.equal(hasNews((await fetchPage('/portal/tickets', { jar })).body), false, 'opened: no flag');
});

// --- many at once ---------------------------------------------------------------------------

test('50 concurrent submissions make 50 tickets with 50 different codes; the list pages through them', async () => {
    const r = makeResident('portal-burst');
    cleanups.push(r.drop);
    const jar = await signIn('resident', r.login);
    const csrf = await formToken(jar);
    const tag = `并发${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => submitTicket(jar, csrf, {
        kind: i % 2 ? 'inquiry' : 'repair', category: i % 2 ? 'fees' : 'facility', location: 'common',
        place: `${i + 1} 号路灯`, description: `${tag} 第 ${i + 1} 个`,
    })));
    assert.deepEqual(answers.map((a) => a.status), Array(50).fill(303));
    const codes = sql(`SELECT code FROM ticket WHERE reporter_account_id = ${r.id}`).map((row) => row[0]);
    assert.equal(codes.length, 50);
    assert.equal(new Set(codes).size, 50, 'unique codes');
    for (const c of codes) assert.match(c, CODE);
    // 20 a page: 3 pages, newest first.
    const first = await fetchPage('/portal/tickets', { jar });
    assert.ok(textOf(first.body).includes('共 50 条'));
    assert.equal(rows(first.body).length, 20);
    assert.match(first.body, /href="\/portal\/tickets\?page=2"[^>]*>下一页/);
    const ids = rows(first.body).map((x) => x.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    const third = await fetchPage('/portal/tickets?page=3', { jar });
    assert.equal(rows(third.body).length, 10);
    assert.match(third.body, /href="\/portal\/tickets\?page=2"[^>]*>上一页/);
    const open = await fetchPage('/portal/tickets?status=open&page=2', { jar });
    assert.equal(rows(open.body).length, 20);
    assert.match(open.body, /href="\/portal\/tickets\?status=open&amp;page=3"/);
    assert.equal((await fetchPage('/portal/tickets?status=bogus', { jar })).status, 400);
    assert.equal((await fetchPage('/portal/tickets?page=0', { jar })).status, 400);
});

test('a household without tickets sees an empty list with a way to report one', async () => {
    const r = makeResident('portal-empty');
    cleanups.push(r.drop);
    const jar = await signIn('resident', r.login);
    const res = await fetchPage('/portal/tickets', { jar });
    assert.equal(res.status, 200);
    assert.equal(rows(res.body).length, 0);
    assert.ok(textOf(res.body).includes('共 0 条'));
    assert.match(res.body, /class="empty-state"[\s\S]*href="\/portal\/new-ticket"/);
});

test('the pages need a signed-in resident', async () => {
    for (const path of ['/portal/new-ticket', '/portal/tickets', '/portal/ticket?id=1', '/portal/photo?id=1']) {
        const res = await fetchPage(path);
        assert.equal(res.status, 303, path);
        assert.equal(res.location, '/portal/login', path);
    }
    const staff = await signIn('staff', 'frontdesk');
    assert.equal((await fetchPage('/portal/tickets', { jar: staff })).status, 303, 'a staff session is not a resident one');
});
