// The resident archive (业主档案) over HTTP: the units grid and its search, move-in, change
// of owner with its history, tenancies, cards and keys with the "out now" page checked
// against the logs, the ID-number masking and its audit rows, what the pages refuse (403,
// 404, 422), and that staff of another community see nothing of this one. Every test works
// on units and people of its own, made by SQL with unique codes and names.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import {
    csrfFrom, fetchPage, fieldErrors, insertTickets, q, signIn, sql, sqlValue, STAFF, textOf, uniqueSuffix,
} from './lib.mjs';

const run = uniqueSuffix().slice(-6).toUpperCase();
const BUILDING = `T${run}`; // a building of our own in the demo community
let buildingId;
let front; // 王芳, frontdesk
let manager;
let tech; // technician: reads the archive, may not act
let clerk; // a 资料管理员 of our own

function uniquePhone() {
    return `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

// A staff member of our own holding role in community (the demo password).
function staffWith(role, community = 1, tag = role) {
    const login = `${tag}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, ${q(`测试${login.slice(-5)}`)}, ${community}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = ${q(role)};`);
    return login;
}

// A unit of our building (state given), answering its id.
function makeUnit(room, state = 'vacant', floor = 1) {
    const code = `${BUILDING}-1-${room}`;
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
         VALUES (1, ${buildingId}, ${q(code)}, ${floor}, 88.00, 'residence', ${q(state)})`);
    return { id: Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(code)}`)), code };
}

function makePerson(name, phone = '', idNumber = '', community = 1) {
    sql(`INSERT INTO person (community_id, name, phone, id_number) VALUES (${community}, ${q(name)}, ${q(phone)}, ${q(idNumber)})`);
    return Number(sqlValue(`SELECT MAX(id) FROM person WHERE community_id = ${community} AND name = ${q(name)}`));
}

function occupy(unitId, personId, relation = 'owner', since = '2020-01-01', community = 1) {
    sql(`INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, share_pct)
         VALUES (${community}, ${unitId}, ${personId}, ${q(relation)}, ${q(since)}, ${relation === 'owner' ? '100.00' : 'NULL'})`);
}

// Posts an action to the unit page with the page's csrf token (an array value repeats its field).
async function act(jar, unitId, fields, { csrf = true } = {}) {
    const page = await fetchPage(`/office/unit?id=${unitId}`, { jar });
    assert.equal(page.status, 200, `GET /office/unit?id=${unitId}`);
    const form = new URLSearchParams();
    if (csrf) form.append('csrf', csrfFrom(page.body, '/office/logout'));
    for (const [k, v] of Object.entries(fields)) for (const one of [].concat(v)) form.append(k, String(one));
    return fetchPage(`/office/unit?id=${unitId}`, { jar, form });
}

function unitState(unitId) {
    return sqlValue(`SELECT state FROM unit WHERE id = ${unitId}`);
}

function audits(action, type, id) {
    return Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = ${q(action)} AND object_type = ${q(type)}
        AND object_id = ${id}`));
}

before(async () => {
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(BUILDING)}, ${q(`测试楼${run}`)}, 3)`);
    buildingId = Number(sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`));
    const clerkLogin = staffWith('clerk');
    [front, manager, tech, clerk] = await Promise.all([
        signIn('staff', STAFF), signIn('staff', 'manager'), signIn('staff', 'tech'), signIn('staff', clerkLogin),
    ]);
});

test('the grid shows every unit of a building by floor with its state, linked to its page', async () => {
    const a = makeUnit('301', 'vacant', 3);
    const b = makeUnit('101', 'rented', 1);
    const page = await fetchPage(`/office/units?building=${buildingId}`, { jar: front });
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`href="/office/unit\\?id=${a.id}" data-unit-code="${a.code}" data-state="vacant"`));
    assert.match(page.body, new RegExp(`data-unit-code="${b.code}" data-state="rented"`));
    assert.ok(page.body.indexOf(a.code) < page.body.indexOf(b.code), 'floors from the top');
    assert.match(page.body, /class="unit-legend"/);
    assert.doesNotMatch(page.body, /data-unit-code="1-1-101"/, 'only the chosen building');
    const all = await fetchPage('/office/units', { jar: front });
    assert.match(all.body, /data-unit-code="1-1-101" data-state="[a-z]+"/, 'the demo units without a filter');
    assert.match(all.body, /href="\/office\/units"[^>]*>房屋档案</, 'the nav entry');
});

test('search finds a unit by code, occupant name, phone and plate', async () => {
    const u = makeUnit('102');
    const name = `搜索${run}`;
    const phone = uniquePhone();
    const plate = `浙A${run.slice(0, 5)}`;
    occupy(u.id, makePerson(name, phone));
    sql(`INSERT INTO vehicle (community_id, unit_id, plate) VALUES (1, ${u.id}, ${q(plate)})`);
    for (const term of [u.code, name, phone, plate, plate.toLowerCase()]) {
        const page = await fetchPage(`/office/units?q=${encodeURIComponent(term)}`, { jar: front });
        assert.equal(page.status, 200, term);
        assert.match(page.body, new RegExp(`<tr data-unit-id="${u.id}" data-unit-code="${u.code}"`), `found by ${term}`);
    }
    const none = await fetchPage(`/office/units?q=${encodeURIComponent(`无此人${run}`)}`, { jar: front });
    assert.match(none.body, /data-count>0</);
});

test('move-in opens an owner row with its record and checklist, and the unit becomes occupied', async () => {
    const u = makeUnit('103');
    const name = `入伙${run}`;
    const res = await act(front, u.id, {
        action: 'move_in', name, phone: uniquePhone(), relation: 'owner', date: '2026-01-10', checklist: 'keys',
    });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(res.location, `/office/unit?id=${u.id}`);
    assert.equal(unitState(u.id), 'occupied');
    const [row] = sql(`SELECT o.relation, o.since, o.until, o.share_pct FROM occupancy o JOIN person p ON p.id = o.person_id
        WHERE o.unit_id = ${u.id} AND p.name = ${q(name)}`);
    assert.deepEqual(row, ['owner', '2026-01-10', null, '100.00']);
    assert.equal(sqlValue(`SELECT checklist FROM move_record WHERE unit_id = ${u.id} AND kind = 'move_in'`), 'keys');
    assert.equal(audits('archive_move_in', 'unit', u.id), 1);
    const page = await fetchPage(`/office/unit?id=${u.id}`, { jar: front });
    assert.match(page.body, new RegExp(`data-unit-id="${u.id}" data-unit-code="${u.code}" data-state="occupied"`));
    assert.match(textOf(page.body), /入伙 2026-01-10/);
});

test('a change of owner closes the old owner row with the date and opens new rows summing to 100%', async () => {
    const u = makeUnit('104', 'occupied');
    const old = makePerson(`原业主${run}`, uniquePhone());
    occupy(u.id, old, 'owner', '2019-05-01');
    const bad = await act(front, u.id, {
        action: 'change_owner', date: '2026-06-01', owner1_name: `新甲${run}`, owner1_share: '50',
        owner2_name: `新乙${run}`, owner2_share: '40',
    });
    assert.equal(bad.status, 422);
    assert.ok('owner1_share' in fieldErrors(bad.body), JSON.stringify(fieldErrors(bad.body)));
    assert.equal(sqlValue(`SELECT COUNT(*) FROM occupancy WHERE unit_id = ${u.id} AND until IS NOT NULL`), '0',
        'nothing written on a refusal');
    const res = await act(front, u.id, {
        action: 'change_owner', date: '2026-06-01', owner1_name: `新甲${run}`, owner1_phone: uniquePhone(),
        owner1_share: '60', owner2_name: `新乙${run}`, owner2_share: '40',
    });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(sqlValue(`SELECT until FROM occupancy WHERE unit_id = ${u.id} AND person_id = ${old}`), '2026-06-01');
    const open = sql(`SELECT p.name, o.share_pct, o.since FROM occupancy o JOIN person p ON p.id = o.person_id
        WHERE o.unit_id = ${u.id} AND o.relation = 'owner' AND o.until IS NULL ORDER BY o.share_pct DESC`);
    assert.deepEqual(open, [[`新甲${run}`, '60.00', '2026-06-01'], [`新乙${run}`, '40.00', '2026-06-01']]);
    const page = await fetchPage(`/office/unit?id=${u.id}`, { jar: front });
    assert.match(page.body, /data-relation="owner" data-share="100.00" data-until="2026-06-01"/, 'history kept');
    assert.equal(audits('archive_change_owner', 'unit', u.id), 1);
});

test('a tenancy starts (rented, rent in fen) and ends (closed, back to occupied)', async () => {
    const u = makeUnit('105', 'occupied');
    occupy(u.id, makePerson(`房东${run}`, uniquePhone()));
    const tenant = `租户${run}`;
    const res = await act(front, u.id, {
        action: 'new_tenancy', name: tenant, phone: uniquePhone(), date: '2026-07-01', lease_end: '2027-06-30',
        rent_yuan: '3500',
    });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(unitState(u.id), 'rented');
    const [id, start, end, rent] = sql(`SELECT o.id, o.lease_start, o.lease_end, o.rent_fen FROM occupancy o
        JOIN person p ON p.id = o.person_id WHERE o.unit_id = ${u.id} AND p.name = ${q(tenant)}`)[0];
    assert.deepEqual([start, end, rent], ['2026-07-01', '2027-06-30', '350000']);
    const early = await act(front, u.id, { action: 'end_tenancy', occupancy: id, date: '2026-01-01' });
    assert.equal(early.status, 422);
    assert.ok('date' in fieldErrors(early.body));
    const done = await act(front, u.id, { action: 'end_tenancy', occupancy: id, date: '2026-12-31' });
    assert.equal(done.status, 303);
    assert.equal(sqlValue(`SELECT until FROM occupancy WHERE id = ${id}`), '2026-12-31');
    assert.equal(unitState(u.id), 'occupied');
    const again = await act(front, u.id, { action: 'end_tenancy', occupancy: id, date: '2026-12-31' });
    assert.equal(again.status, 409, 'a tenancy ends once');
});

test('cards and keys: issue, return, lost; the out-now page matches the logs', async () => {
    const u = makeUnit('106', 'occupied');
    const holder = makePerson(`持卡${run}`, uniquePhone());
    occupy(u.id, holder);
    const c1 = `C${run}1`;
    const c2 = `C${run}2`;
    const steps = [
        [{ action: 'card_issue', number: c1, person: holder }, 303],
        [{ action: 'card_issue', number: c1, person: holder }, 422],
        [{ action: 'key_issue', label: '单元门钥匙', holder: '装修工人 王师傅' }, 303],
        [{ action: 'key_issue', label: '信报箱钥匙', person: holder }, 303],
    ];
    for (const [fields, status] of steps) {
        const res = await act(front, u.id, fields);
        assert.equal(res.status, status, `${JSON.stringify(fields)}: ${res.body.slice(0, 300)}`);
    }
    const cardId = (n) => Number(sqlValue(`SELECT id FROM access_card WHERE community_id = 1 AND number = ${q(n)}`));
    const keyId = (l) => Number(sqlValue(`SELECT id FROM key_item WHERE unit_id = ${u.id} AND label = ${q(l)}`));
    assert.equal((await act(front, u.id, { action: 'card_return', card: cardId(c1) })).status, 303);
    assert.equal((await act(front, u.id, { action: 'card_return', card: cardId(c1) })).status, 409);
    assert.equal((await act(front, u.id, { action: 'card_issue', number: c1, person: holder })).status, 303, 'reissued');
    assert.equal((await act(front, u.id, { action: 'card_lost', card: cardId(c1) })).status, 303);
    const lost = await act(front, u.id, { action: 'card_issue', number: c1, person: holder });
    assert.equal(lost.status, 422, 'a lost card is not issued again');
    assert.equal((await act(front, u.id, { action: 'card_issue', number: c2, person: holder })).status, 303);
    assert.equal((await act(front, u.id, { action: 'key_return', key: keyId('单元门钥匙') })).status, 303);

    assert.deepEqual(sql(`SELECT action FROM access_card_log WHERE card_id = ${cardId(c1)} ORDER BY id`).flat(),
        ['issue', 'return', 'issue', 'lost']);
    assert.equal(sqlValue(`SELECT state FROM access_card WHERE id = ${cardId(c1)}`), 'lost');
    assert.equal(sqlValue(`SELECT state FROM key_item WHERE id = ${keyId('信报箱钥匙')}`), 'out');

    const page = await fetchPage('/office/keys', { jar: front });
    assert.equal(page.status, 200);
    const root = /<section class="card archive-keys"([^>]*)>/.exec(page.body)[1];
    const n = (name) => Number(new RegExp(`${name}="(\\d+)"`).exec(root)[1]);
    const issuedCards = Number(sqlValue("SELECT COUNT(*) FROM access_card WHERE community_id = 1 AND state = 'issued'"));
    const cardsByLog = Number(sqlValue(`SELECT SUM(action = 'issue') - SUM(action <> 'issue') FROM access_card_log
        WHERE community_id = 1`));
    const keysByLog = Number(sqlValue(`SELECT SUM(action = 'issue') - SUM(action <> 'issue') FROM key_log
        WHERE community_id = 1`));
    assert.equal(n('data-cards-out'), issuedCards);
    assert.equal(n('data-cards-out'), cardsByLog, 'cards out = issues minus returns and losses');
    assert.equal(n('data-keys-out'), keysByLog, 'keys out = issues minus returns');
    assert.match(root, /data-agree="yes"/);
    const rows = [...page.body.matchAll(/<tr data-kind="(card|key)" data-item-id="(\d+)" data-unit-code="([^"]*)"/g)];
    assert.equal(rows.length, n('data-cards-out') + n('data-keys-out'), 'one row per item out');
    const ours = rows.filter((r) => r[3] === u.code).map((r) => `${r[1]}:${r[2]}`).sort();
    assert.deepEqual(ours, [`card:${cardId(c2)}`, `key:${keyId('信报箱钥匙')}`].sort());
    assert.match(page.body, /href="\/office\/keys"[^>]*>钥匙门禁</);
});

test('ID numbers are masked; clerk and manager may reveal them, and each view is audited', async () => {
    const u = makeUnit('107', 'occupied');
    const full = `3301${run.replace(/[^0-9]/g, '7').padEnd(6, '7')}19901234`.slice(0, 14) + '1234';
    const pid = makePerson(`证件${run}`, uniquePhone(), full);
    occupy(u.id, pid);
    const masked = `3301${'*'.repeat(full.length - 8)}1234`;
    const seen = await fetchPage(`/office/person?id=${pid}&reveal=1`, { jar: front });
    assert.equal(seen.status, 200);
    assert.ok(seen.body.includes(masked), 'frontdesk sees the masked number');
    assert.ok(!seen.body.includes(full), 'and never the full one');
    assert.doesNotMatch(seen.body, /data-reveal/);
    assert.equal(audits('view_id_number', 'person', pid), 0);
    const plain = await fetchPage(`/office/person?id=${pid}`, { jar: clerk });
    assert.ok(plain.body.includes(masked) && !plain.body.includes(full), 'masked until asked');
    assert.match(plain.body, /data-reveal/);
    for (const [jar, count] of [[clerk, 1], [clerk, 2], [manager, 3]]) {
        const page = await fetchPage(`/office/person?id=${pid}&reveal=1`, { jar });
        assert.equal(page.status, 200);
        assert.ok(page.body.includes(full), 'the full number');
        assert.equal(audits('view_id_number', 'person', pid), count, 'one audit row per view');
    }
});

test('person edit: contacts by the desk, name only by the clerk, bad fields 422', async () => {
    const pid = makePerson(`编辑${run}`, uniquePhone());
    const page = await fetchPage(`/office/person?id=${pid}`, { jar: front });
    const csrf = csrfFrom(page.body, `/office/person?id=${pid}`);
    assert.doesNotMatch(page.body, /name="name"/, 'the desk cannot edit the name');
    const phone = uniquePhone();
    const ok = await fetchPage(`/office/person?id=${pid}`, {
        jar: front, form: { csrf, phone, email: 'a@example.com', birthday: '1980-02-29', employer: '蓝山科技' },
    });
    assert.equal(ok.status, 303);
    assert.deepEqual(sql(`SELECT phone, email, birthday FROM person WHERE id = ${pid}`)[0], [phone, 'a@example.com', '1980-02-29']);
    const bad = await fetchPage(`/office/person?id=${pid}`, { jar: front, form: { csrf, phone: '123', email: 'nope', birthday: '1980-02-30' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(fieldErrors(bad.body)).sort(), ['birthday', 'email', 'phone']);
    const named = await fetchPage(`/office/person?id=${pid}`, { jar: front, form: { csrf, name: '改名' } });
    assert.equal(named.status, 403);
    const cpage = await fetchPage(`/office/person?id=${pid}`, { jar: clerk });
    const byClerk = await fetchPage(`/office/person?id=${pid}`, {
        jar: clerk, form: { csrf: csrfFrom(cpage.body, `/office/person?id=${pid}`), name: `改名${run}`, phone },
    });
    assert.equal(byClerk.status, 303);
    assert.equal(sqlValue(`SELECT name FROM person WHERE id = ${pid}`), `改名${run}`);
    assert.equal(audits('person_edit_identity', 'person', pid), 1);
});

test('bad fields answer 422 with data-field; missing csrf 403; a read-only role 403', async () => {
    const u = makeUnit('108');
    const r1 = await act(front, u.id, { action: 'move_in', name: '', relation: 'owner', date: '2026-13-01' });
    assert.equal(r1.status, 422);
    const e1 = fieldErrors(r1.body);
    assert.ok('date' in e1 && 'name' in e1, JSON.stringify(e1));
    assert.match(r1.body, /<details class="action" open>\s*<summary>登记入伙/, 'the failed form is open');
    const r2 = await act(front, u.id, { action: 'vehicle_add', plate: 'X1' });
    assert.equal(r2.status, 422);
    assert.ok('plate' in fieldErrors(r2.body));
    const r3 = await act(front, u.id, { action: 'move_in', name: 'x', relation: 'owner', date: '2026-01-01', share: '120' });
    assert.equal(r3.status, 422);
    assert.ok('share' in fieldErrors(r3.body));
    const r4 = await act(front, u.id, { action: 'move_in', name: `无令牌${run}`, relation: 'owner', date: '2026-01-01' },
        { csrf: false });
    assert.equal(r4.status, 403);
    assert.equal(unitState(u.id), 'vacant');
    const view = await fetchPage(`/office/unit?id=${u.id}`, { jar: tech });
    assert.equal(view.status, 200, 'a technician may read');
    assert.doesNotMatch(view.body, /data-action="move_in"/);
    const r5 = await act(tech, u.id, { action: 'move_in', name: `维修工${run}`, relation: 'owner', date: '2026-01-01' });
    assert.equal(r5.status, 403);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM occupancy WHERE unit_id = ${u.id}`), '0');
});

test('another community: its unit and person are 404 here, and its staff see nothing of ours', async () => {
    const code = `X${run}`;
    sql(`INSERT INTO community (code, name) VALUES (${q(code)}, ${q(`别的小区${run}`)})`);
    const cid = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(code)}`));
    sql(`INSERT INTO building (community_id, code, name) VALUES (${cid}, '1', '1栋')`);
    const bid = Number(sqlValue(`SELECT id FROM building WHERE community_id = ${cid}`));
    sql(`INSERT INTO unit (community_id, building_id, code, floor, state) VALUES (${cid}, ${bid}, '1-1-101', 1, 'occupied')`);
    const otherUnit = Number(sqlValue(`SELECT id FROM unit WHERE community_id = ${cid}`));
    const otherPerson = makePerson(`外区${run}`, uniquePhone(), '330106199001011234', cid);
    occupy(otherUnit, otherPerson, 'owner', '2020-01-01', cid);
    assert.equal((await fetchPage(`/office/unit?id=${otherUnit}`, { jar: front })).status, 404);
    assert.equal((await fetchPage(`/office/person?id=${otherPerson}`, { jar: manager })).status, 404);
    const ours = makeUnit('109');
    const home = await fetchPage(`/office/unit?id=${ours.id}`, { jar: front });
    const post = await fetchPage(`/office/unit?id=${otherUnit}`, {
        jar: front, form: { csrf: csrfFrom(home.body, '/office/logout'), action: 'move_in', name: 'x', relation: 'owner', date: '2026-01-01' },
    });
    assert.equal(post.status, 404);
    const search = await fetchPage(`/office/units?q=${encodeURIComponent(`外区${run}`)}`, { jar: front });
    assert.match(search.body, /data-count>0</);

    const outsider = await signIn('staff', staffWith('manager', cid, 'other'));
    assert.equal((await fetchPage(`/office/unit?id=${otherUnit}`, { jar: outsider })).status, 200, 'their own unit');
    assert.equal((await fetchPage(`/office/unit?id=${ours.id}`, { jar: outsider })).status, 404);
    const demoPerson = Number(sqlValue("SELECT person_id FROM account WHERE login_phone = '13800000001'"));
    assert.equal((await fetchPage(`/office/person?id=${demoPerson}`, { jar: outsider })).status, 404);
    const grid = await fetchPage('/office/units', { jar: outsider });
    assert.doesNotMatch(grid.body, new RegExp(BUILDING));
    const keys = await fetchPage('/office/keys', { jar: outsider });
    assert.match(keys.body, /data-cards-out="0"/);
});

test("the unit page lists the unit's tickets and only those", async () => {
    const u = makeUnit('110', 'occupied');
    const mine = insertTickets([{ kind: 'repair', category: 'water_power', unit: u.code, created: '2026-03-01 10:00', status: 'new' }], 'archive');
    const other = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-102', created: '2026-03-01 10:00', status: 'new' }], 'archive');
    try {
        const page = await fetchPage(`/office/unit?id=${u.id}`, { jar: front });
        assert.match(page.body, new RegExp(`<li data-ticket-id="${mine.ids[0]}" data-status="new">`));
        assert.doesNotMatch(page.body, new RegExp(`data-ticket-id="${other.ids[0]}"`));
    } finally {
        mine.drop();
        other.drop();
    }
});

test('move-out closes the residents but keeps the owner; vehicles with a parking lease', async () => {
    const u = makeUnit('111', 'occupied');
    const owner = makePerson(`迁出业主${run}`, uniquePhone());
    const family = makePerson(`迁出家属${run}`, uniquePhone());
    occupy(u.id, owner);
    occupy(u.id, family, 'family');
    const plate = `沪B${run.slice(-5)}`;
    const car = await act(front, u.id, {
        action: 'vehicle_add', plate, model: '轿车', colour: '白', person: owner, space_code: `P-${run}`,
        lease_start: '2026-01-01', lease_end: '2026-12-31', fee_yuan: '300',
    });
    assert.equal(car.status, 303, car.body.slice(0, 300));
    assert.deepEqual(sql(`SELECT space_code, plate, fee_fen FROM parking_lease WHERE unit_id = ${u.id}`)[0],
        [`P-${run}`, plate, '30000']);
    const dup = await act(front, u.id, { action: 'vehicle_add', plate });
    assert.equal(dup.status, 422);
    assert.ok('plate' in fieldErrors(dup.body));
    const out = await act(front, u.id, { action: 'move_out', date: '2026-08-01', checklist: ['keys', 'fees'] });
    assert.equal(out.status, 303);
    assert.equal(unitState(u.id), 'vacant');
    assert.equal(sqlValue(`SELECT until FROM occupancy WHERE unit_id = ${u.id} AND person_id = ${family}`), '2026-08-01');
    assert.equal(sqlValue(`SELECT until FROM occupancy WHERE unit_id = ${u.id} AND person_id = ${owner}`), null);
    assert.equal(sqlValue(`SELECT checklist FROM move_record WHERE unit_id = ${u.id} AND kind = 'move_out'`), 'keys,fees');
    assert.equal(audits('archive_move_out', 'unit', u.id), 1);
});
