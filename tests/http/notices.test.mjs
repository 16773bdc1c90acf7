// 公告 over HTTP, in a community of its own (buildings A, B and C): a notice for two
// buildings reaches exactly their households, is unread until opened, and its read rate per
// building is what the occupancy and notice_read rows say; what residents must not see
// (drafts, scheduled, expired, withdrawn, other buildings); what staff may not do (edit a
// published notice, write as a technician); bad input (422, nothing written); attachments
// only for the audience; links in the body, and nothing else, become markup.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { BASE, csrfFrom, errorStatus, fetchPage, fieldErrors, q, RESIDENT2, signIn, sql, sqlValue, STAFF, uniqueSuffix } from './lib.mjs';

const tag = uniqueSuffix().slice(-6).toUpperCase();
let community;
let writer, tech; // staff jars
const people = {}; // name -> {login, jar, unit}

// Residents of the test community: unit code -> the accounts living there (first: owner).
const HOMES = {
    'A-1-101': ['a1', 'a1family'],
    'A-1-102': ['a2'],
    'A-1-103': ['a3'],
    'B-1-101': ['b1'],
    'B-1-102': ['b2'],
    'C-1-101': ['c1'],
};

async function staffIn(role) {
    const login = `ntc-${role}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`公告${role}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = ${q(role)};`);
    return signIn('staff', login);
}

before(async () => {
    sql(`INSERT INTO community (code, name, time_zone) VALUES (${q(`NT${tag}`)}, ${q(`公告测试${tag}`)}, 'Asia/Shanghai')`);
    community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(`NT${tag}`)}`));
    const c = community;
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (${c}, 'A', 'A栋', 6), (${c}, 'B', 'B栋', 6), (${c}, 'C', 'C栋', 6);
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
           SELECT ${c}, b.id, x.code, 1, 90, 'occupied' FROM building b JOIN (
             SELECT 'A' AS b, 'A-1-101' AS code UNION ALL SELECT 'A', 'A-1-102' UNION ALL SELECT 'A', 'A-1-103'
             UNION ALL SELECT 'A', 'A-1-104' UNION ALL SELECT 'A', 'A-1-105' UNION ALL SELECT 'B', 'B-1-101'
             UNION ALL SELECT 'B', 'B-1-102' UNION ALL SELECT 'C', 'C-1-101') x ON x.b = b.code
           WHERE b.community_id = ${c};`);
    const hash = `(SELECT password_hash FROM account WHERE login_phone = ${q(RESIDENT2)})`;
    for (const [unit, names] of Object.entries(HOMES)) {
        for (const name of names) {
            const login = `ntc-${name}-${tag}-${uniqueSuffix()}@example.test`.toLowerCase();
            sql(`INSERT INTO person (community_id, name) VALUES (${c}, ${q(`住户${name}`)});
                 SET @p = LAST_INSERT_ID();
                 SET @u = (SELECT id FROM unit WHERE community_id = ${c} AND code = ${q(unit)});
                 INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
                   VALUES (${c}, @u, @p, ${q(name === names[0] ? 'owner' : 'family')}, '2024-01-01');
                 INSERT INTO account (community_id, person_id, login_email, password_hash, current_unit_id)
                   SELECT ${c}, @p, ${q(login)}, ${hash}, @u;`);
            people[name] = { login, unit };
        }
    }
    // A-1-104: moved out (not a household now); A-1-105: empty.
    sql(`INSERT INTO person (community_id, name) VALUES (${c}, '已搬走');
         INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, until)
           SELECT ${c}, id, LAST_INSERT_ID(), 'owner', '2020-01-01', '2023-01-01' FROM unit WHERE community_id = ${c} AND code = 'A-1-104';`);
    for (const p of Object.values(people)) p.jar = await signIn('resident', p.login);
    writer = await staffIn('frontdesk');
    tech = await staffIn('technician');
});

// Posts the notice form (multipart, as the browser does) to path; fields may repeat
// (arrays); files: [{name, type, data}]. Answers the response.
async function postNotice(jar, path, fields, files = []) {
    const page = await fetchPage(path.replace(/&.*$/, ''), { jar });
    const form = new FormData();
    form.append('csrf', csrfFrom(page.body, path.replace(/&.*$/, '')));
    for (const [k, v] of Object.entries(fields)) for (const x of [].concat(v)) form.append(k, x);
    for (const f of files) form.append('attachment', new Blob([f.data], { type: f.type }), f.name);
    return fetchPage(path, { jar, method: 'POST', body: form });
}

// Saves a new draft; answers its id.
async function draft(fields, files = []) {
    const res = await postNotice(writer, '/office/notice', { action: 'save', importance: 'normal', audience: 'community', ...fields }, files);
    assert.equal(res.status, 303, `saved: ${res.body.slice(0, 800)}`);
    const m = /^\/office\/notice\?id=(\d+)&saved=save$/.exec(res.location);
    assert.ok(m, res.location);
    return Number(m[1]);
}

async function act(id, action, jar = writer) {
    return postNotice(jar, `/office/notice?id=${id}`, { action });
}

async function published(fields, files = []) {
    const id = await draft(fields, files);
    const res = await act(id, 'publish');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/office/notice?id=${id}&saved=publish`);
    return id;
}

// The notice rows of a portal page: id -> {importance, read}.
function rows(html) {
    const out = new Map();
    for (const m of html.matchAll(/<li\b[^>]*data-notice-id="(\d+)"[^>]*>/g)) {
        const imp = /data-importance="(\w+)"/.exec(m[0])[1];
        const read = /data-read="([01])"/.exec(m[0])[1];
        out.set(Number(m[1]), { importance: imp, read: read === '1' });
    }
    return out;
}

function homeNotices(html) {
    const m = /<section[^>]*data-section="my-notices"[\s\S]*?<\/section>/.exec(html);
    return m ? rows(m[0]) : new Map();
}

// What the database says of a notice per building: households lived in now, and of them
// the ones whose unit some account read it for.
function expectedRates(id, codes) {
    const out = {};
    for (const code of codes) {
        const [households, read] = sql(`SELECT COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM notice_read r
              WHERE r.notice_id = ${id} AND r.unit_id = u.id)), 0)
            FROM unit u JOIN building b ON b.id = u.building_id
            WHERE b.community_id = ${community} AND b.code = ${q(code)}
              AND EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL)`)[0].map(Number);
        out[code] = { households, read };
    }
    return out;
}

function shownRates(html) {
    const out = {};
    for (const m of html.matchAll(/<tr\b[^>]*data-building-code="([^"]+)"[^>]*>/g)) {
        out[m[1]] = { households: Number(/data-households="(\d+)"/.exec(m[0])[1]), read: Number(/data-read="(\d+)"/.exec(m[0])[1]) };
    }
    return out;
}

test('a notice for two buildings reaches exactly their households, unread until opened, with the right read rate', async () => {
    const id = await draft({ title: `A、B 栋停电通知 ${tag}`, body: '明天 9 点至 12 点停电。', importance: 'urgent', audience: 'buildings', building: ['A', 'B'] });
    // A draft reaches nobody.
    assert.equal((await fetchPage(`/portal/notice?id=${id}`, { jar: people.a1.jar })).status, 404);
    assert.ok(!rows((await fetchPage('/portal/notices', { jar: people.a1.jar })).body).has(id));
    const pub = await act(id, 'publish');
    assert.equal(pub.status, 303);
    const confirmed = await fetchPage(pub.location, { jar: writer });
    assert.match(confirmed.body, /data-saved="publish"/);

    for (const name of ['a1', 'a1family', 'a2', 'a3', 'b1', 'b2']) {
        const home = await fetchPage('/portal/home', { jar: people[name].jar });
        assert.deepEqual(homeNotices(home.body).get(id), { importance: 'urgent', read: false }, `${name} sees it on home`);
        assert.deepEqual(rows((await fetchPage('/portal/notices', { jar: people[name].jar })).body).get(id),
            { importance: 'urgent', read: false }, `${name} sees it unread in 公告`);
    }
    const outsider = people.c1.jar;
    assert.ok(!homeNotices((await fetchPage('/portal/home', { jar: outsider })).body).has(id), 'C栋 not on home');
    assert.ok(!rows((await fetchPage('/portal/notices', { jar: outsider })).body).has(id), 'C栋 not in the list');
    const refused = await fetchPage(`/portal/notice?id=${id}`, { jar: outsider });
    assert.equal(refused.status, 404);
    assert.equal(errorStatus(refused.body), 404);

    // Some households open it: A-1-101 twice (two accounts), B-1-101 once.
    for (const name of ['a1', 'a1family', 'b1']) {
        const page = await fetchPage(`/portal/notice?id=${id}`, { jar: people[name].jar });
        assert.equal(page.status, 200);
        assert.match(page.body, /明天 9 点至 12 点停电/);
    }
    assert.deepEqual(rows((await fetchPage('/portal/notices', { jar: people.a1.jar })).body).get(id), { importance: 'urgent', read: true });
    assert.ok(!homeNotices((await fetchPage('/portal/home', { jar: people.a1.jar })).body).has(id), 'read: off home');
    assert.equal(rows((await fetchPage('/portal/notices', { jar: people.a2.jar })).body).get(id).read, false, 'a neighbour still unread');

    const office = await fetchPage(`/office/notice?id=${id}`, { jar: writer });
    assert.equal(office.status, 200);
    const shown = shownRates(office.body);
    const expected = expectedRates(id, ['A', 'B']);
    assert.deepEqual(expected, { A: { households: 3, read: 1 }, B: { households: 2, read: 1 } }, 'the fixture as intended');
    assert.deepEqual({ A: shown.A, B: shown.B }, expected);
    assert.equal(shown.C, undefined, 'C栋 is not in the audience');
    assert.match(office.body, /data-section="read-rate" data-households="5" data-read="2"/);
    assert.match(office.body, /40\.0%/);
    const list = await fetchPage('/office/notices', { jar: writer });
    assert.match(list.body, new RegExp(`data-notice-id="${id}" data-state="published" data-importance="urgent" data-households="5" data-read="2"`));
});

test('drafts, scheduled, expired and withdrawn notices are not shown to residents', async () => {
    const now = Date.now();
    const local = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 16);
    const drafted = await draft({ title: `草稿 ${tag}`, body: '还没写完' });
    const scheduled = await published({ title: `定时 ${tag}`, body: '明天才发', publish_at: local(now + 86400e3) });
    const expired = await published({ title: `过期 ${tag}`, body: '已经过期', expires_at: local(now + 3600e3) });
    sql(`UPDATE notice SET publish_at = UTC_TIMESTAMP() - INTERVAL 2 DAY, expires_at = UTC_TIMESTAMP() - INTERVAL 1 DAY WHERE id = ${expired}`);
    const withdrawn = await published({ title: `撤回 ${tag}`, body: '发错了' });
    const live = await published({ title: `正常 ${tag}`, body: '全小区可见' });
    const w = await act(withdrawn, 'withdraw');
    assert.equal(w.status, 303);
    assert.equal(sqlValue(`SELECT state FROM notice WHERE id = ${withdrawn}`), 'withdrawn');
    const list = rows((await fetchPage('/portal/notices', { jar: people.c1.jar })).body);
    assert.ok(list.has(live), 'the live one is listed');
    for (const id of [drafted, scheduled, expired, withdrawn]) {
        assert.ok(!list.has(id), `notice ${id} not listed`);
        assert.equal((await fetchPage(`/portal/notice?id=${id}`, { jar: people.c1.jar })).status, 404);
    }
    const office = (await fetchPage('/office/notices', { jar: writer })).body;
    for (const [id, state] of [[drafted, 'draft'], [scheduled, 'scheduled'], [expired, 'expired'], [withdrawn, 'withdrawn'], [live, 'published']]) {
        assert.match(office, new RegExp(`data-notice-id="${id}" data-state="${state}"`));
    }
    // Another community's resident (the demo's) never sees it.
    const demo = await signIn('resident', RESIDENT2);
    assert.equal((await fetchPage(`/portal/notice?id=${live}`, { jar: demo })).status, 404);
});

test('a published notice cannot be edited; publish and withdraw only from the right state (409)', async () => {
    const id = await published({ title: `已发布 ${tag}`, body: '正文' });
    const before = sqlValue(`SELECT updated_at FROM notice WHERE id = ${id}`);
    const edit = await postNotice(writer, `/office/notice?id=${id}`, { action: 'save', title: '改标题', body: '改正文', importance: 'normal', audience: 'community' });
    assert.equal(edit.status, 409);
    assert.equal(errorStatus(edit.body), 409);
    assert.equal(sqlValue(`SELECT title FROM notice WHERE id = ${id}`), `已发布 ${tag}`);
    assert.equal(sqlValue(`SELECT updated_at FROM notice WHERE id = ${id}`), before);
    assert.equal((await act(id, 'publish')).status, 409);
    const d = await draft({ title: `草稿 ${tag}`, body: '正文' });
    assert.equal((await act(d, 'withdraw')).status, 409);
    // A draft can be edited.
    const ok = await postNotice(writer, `/office/notice?id=${d}`, { action: 'save', title: `改过的草稿 ${tag}`, body: '新正文', importance: 'urgent', audience: 'community' });
    assert.equal(ok.status, 303);
    assert.deepEqual(sql(`SELECT title, importance FROM notice WHERE id = ${d}`)[0], [`改过的草稿 ${tag}`, 'urgent']);
});

test('bad input is 422 with the field marked, values kept and nothing written', async () => {
    const count = () => sqlValue(`SELECT COUNT(*) FROM notice WHERE community_id = ${community}`);
    const files = () => sqlValue(`SELECT COUNT(*) FROM notice_attachment WHERE community_id = ${community}`);
    const n0 = count(), f0 = files();
    const base = { action: 'save', title: `标题 ${tag}`, body: '正文', importance: 'normal', audience: 'community' };
    const cases = [
        [{ title: '' }, 'title', []],
        [{ audience: 'buildings' }, 'building', []],
        [{ publish_at: '2031-05-02T10:00', expires_at: '2031-05-01T10:00' }, 'expires_at', []],
        [{ title: 'x'.repeat(101) }, 'title', []],
        [{ audience: 'buildings', building: 'Z' }, 'building', []],
        [{}, 'attachment', [{ name: 'notice.pdf', type: 'application/pdf', data: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]) }]],
    ];
    for (const [change, field, attach] of cases) {
        const res = await postNotice(writer, '/office/notice', { ...base, ...change }, attach);
        assert.equal(res.status, 422, `${JSON.stringify(change)}: ${res.body.slice(0, 500)}`);
        assert.ok(fieldErrors(res.body)[field], `${field} marked for ${JSON.stringify(change)}: ${JSON.stringify(fieldErrors(res.body))}`);
        assert.match(res.body, /name="body"[^>]*>正文<\/textarea>/, 'the body is kept');
    }
    assert.equal(count(), n0);
    assert.equal(files(), f0);
});

test('a technician may read notices but not write them (403)', async () => {
    assert.equal((await fetchPage('/office/notices', { jar: tech })).status, 200);
    assert.equal((await fetchPage('/office/notice', { jar: tech })).status, 403);
    const n0 = sqlValue('SELECT COUNT(*) FROM notice');
    const page = await fetchPage('/office/notices', { jar: tech });
    assert.doesNotMatch(page.body, /href="\/office\/notice"/, 'no 写公告 link');
    const form = new FormData();
    // The technician's own token, from a page they may open.
    const home = await fetchPage('/office/home', { jar: tech });
    const csrf = /name="csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? /name="csrf" value="([^"]+)"/.exec((await fetchPage('/office/tickets', { jar: tech })).body)[1];
    form.append('csrf', csrf);
    for (const [k, v] of Object.entries({ action: 'save', title: '技工写的', body: '正文', importance: 'normal', audience: 'community' })) form.append(k, v);
    const res = await fetchPage('/office/notice', { jar: tech, method: 'POST', body: form });
    assert.equal(res.status, 403);
    assert.match(res.body, /岗位不能写或发布公告/, 'refused for the role, not the token');
    assert.equal(sqlValue('SELECT COUNT(*) FROM notice'), n0);
});

test('attachments download for the audience and staff, 404 for anyone else', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const id = await published({ title: `附件 ${tag}`, body: '见附件', audience: 'buildings', building: 'A' },
        [{ name: '停水安排.pdf', type: 'application/pdf', data: pdf }, { name: 'map.png', type: 'image/png', data: png }]);
    const atts = sql(`SELECT id, original_name, content_type, size_bytes, file_name FROM notice_attachment WHERE notice_id = ${id} ORDER BY id`);
    assert.deepEqual(atts.map((a) => a.slice(1, 4)), [['停水安排.pdf', 'application/pdf', String(pdf.length)], ['map.png', 'image/png', String(png.length)]]);
    assert.match(atts[0][4], /^[0-9a-f]{32}$/);
    const page = await fetchPage(`/portal/notice?id=${id}`, { jar: people.a2.jar });
    assert.match(page.body, new RegExp(`href="/portal/notice-file\\?id=${atts[0][0]}"`));
    const got = await fetchPage(`/portal/notice-file?id=${atts[0][0]}`, { jar: people.a2.jar });
    assert.equal(got.status, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.match(got.headers['content-disposition'], /^attachment;/);
    assert.match(got.headers['content-disposition'], /filename\*=UTF-8''%E5%81%9C%E6%B0%B4%E5%AE%89%E6%8E%92\.pdf/);
    assert.deepEqual(got.buffer, pdf);
    const img = await fetchPage(`/portal/notice-file?id=${atts[1][0]}`, { jar: people.a2.jar });
    assert.equal(img.headers['content-type'], 'image/png');
    assert.deepEqual(img.buffer, png);
    assert.equal((await fetchPage(`/portal/notice-file?id=${atts[0][0]}`, { jar: people.b1.jar })).status, 404, 'B栋');
    const staff = await fetchPage(`/office/notice-file?id=${atts[0][0]}`, { jar: writer });
    assert.equal(staff.status, 200);
    assert.deepEqual(staff.buffer, pdf);
    const demoStaff = await signIn('staff', STAFF);
    assert.equal((await fetchPage(`/office/notice-file?id=${atts[0][0]}`, { jar: demoStaff })).status, 404, 'another community');
    // Withdrawn: the file goes with it.
    assert.equal((await act(id, 'withdraw')).status, 303);
    assert.equal((await fetchPage(`/portal/notice-file?id=${atts[0][0]}`, { jar: people.a2.jar })).status, 404);
});

test('http(s) addresses in the body become links; everything else is escaped', async () => {
    const body = '第一段 https://example.com/a?b=1&c=2。\n第二行 <script>alert(1)</script>\n\n'
        + '第二段 javascript:alert(2) ftp://files.example.com/x "http://x.test/"onmouseover=alert(3) http://plain.test';
    const id = await published({ title: `链接 <b>${tag}</b>`, body });
    const page = (await fetchPage(`/portal/notice?id=${id}`, { jar: people.c1.jar })).body;
    const article = /<div class="bulletin-body">([\s\S]*?)<\/div>/.exec(page)[1];
    assert.match(article, /<p>第一段 <a href="https:\/\/example\.com\/a\?b=1&amp;c=2" rel="noopener noreferrer nofollow">https:\/\/example\.com\/a\?b=1&amp;c=2<\/a>。<br>/);
    assert.match(article, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(article, /<\/p>\n<p>第二段/);
    const hrefs = [...article.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://example.com/a?b=1&amp;c=2', 'http://x.test/', 'http://plain.test']);
    assert.doesNotMatch(article, /onmouseover=alert\(3\)"|<a[^>]*onmouseover/);
    assert.match(page, /链接 &lt;b&gt;/);
    // The printable sheet: its QR code and the absolute address it encodes.
    const sheet = await fetchPage(`/office/notice?id=${id}&print=1`, { jar: writer });
    assert.equal(sheet.status, 200);
    assert.match(sheet.body, /<svg\b/);
    assert.match(sheet.body, /扫码查看/);
    assert.ok(sheet.body.includes(`${new URL(BASE).origin}/portal/notice?id=${id}`), 'the absolute portal address');
});
