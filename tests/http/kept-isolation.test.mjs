// What a page process keeps between requests (the queue's answers, a month's analysis figures:
// core/db_keep.h) is kept per community: staff of two communities taking turns on the same two
// processes each see their own community's tickets and figures only, and a change in one
// community shows there at once while the other's pages stay as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetchPage, insertTickets, q, signIn, sql, sqlValue, textOf, uniqueSuffix } from './lib.mjs';

const MONTH = '2009-03'; // a month no other test uses: its figures are this file's tickets
const tag = randomBytes(3).toString('hex');
const textA = `本小区工单${tag}`;
const textB = `别的小区工单${tag}`;
let community; // the second community's id
let ownTickets; // community 1's, from insertTickets
let staffA, staffB; // jars

before(async () => {
    const code = `k${uniqueSuffix()}`.slice(0, 20);
    sql(`INSERT INTO community (code, name) VALUES (${q(code)}, '隔壁小区')`);
    community = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(code)}`));
    const login = `kept-b-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO ticket_category (community_id, kind, code, name) VALUES (${community}, 'repair', 'water_power', '水电');
         INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(login)}, '隔壁主管', ${community}, password_hash FROM staff WHERE login = 'supervisor';
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${community} FROM role r WHERE r.code = 'supervisor';
         INSERT INTO ticket (community_id, code, kind, category_id, location, place, description, channel,
           created_by_kind, created_by_id, status, created_at, updated_at)
         SELECT ${community}, 'BX20090310-0001', 'repair', c.id, 'common', '大门', ${q(textB)}, 'phone', 'staff', 1,
           'accepted', '2009-03-10 02:00:00', '2009-03-10 02:00:00'
         FROM ticket_category c WHERE c.community_id = ${community}`);
    ownTickets = insertTickets(['2009-03-11 10:00:00', '2009-03-12 10:00:00'].map((created) => (
        { kind: 'repair', category: 'water_power', unit: '1-1-101', status: 'accepted', created })), textA);
    staffA = await signIn('staff', 'supervisor');
    staffB = await signIn('staff', login);
});

after(() => {
    ownTickets?.drop();
    if (!community) return;
    sql(`DELETE FROM ticket_event WHERE community_id = ${community}; DELETE FROM ticket WHERE community_id = ${community};
         DELETE FROM staff_role WHERE community_id = ${community}; DELETE FROM staff WHERE community_id = ${community};
         DELETE FROM ticket_category WHERE community_id = ${community}; DELETE FROM community WHERE id = ${community};`);
});

const total = (html) => Number(/<tr data-total="1">[\s\S]*?data-col="count" data-count="(\d+)"/.exec(html)[1]);

// The two communities' staff in turn, A B B A three times: the page's two processes take
// requests in turn, so each answers both, each time after keeping the other's answer (strict
// A B turns would give each process one community only).
async function inTurn(path, checkA, checkB) {
    for (let i = 0; i < 12; i++) {
        const [jar, check] = [0, 3].includes(i % 4) ? [staffA, checkA] : [staffB, checkB];
        const res = await fetchPage(path, { jar });
        assert.equal(res.status, 200, path);
        check(res.body);
    }
}

test('the queue and the analysis kept in a process show each community its own', async () => {
    await inTurn('/office/tickets', (html) => {
        assert.ok(textOf(html).includes(textA), 'community 1 sees its ticket');
        assert.ok(!textOf(html).includes(textB), 'and not the other community\'s');
    }, (html) => {
        assert.ok(textOf(html).includes(textB), 'the other community sees its ticket');
        assert.ok(!textOf(html).includes(textA), 'and not community 1\'s');
    });
    await inTurn(`/office/analysis?month=${MONTH}`, (html) => assert.equal(total(html), 2),
        (html) => assert.equal(total(html), 1));
});

test('a change in one community shows there at once, and the other community\'s pages stay', async () => {
    const versionA = Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_data_version WHERE community_id = 1'));
    sql(`UPDATE ticket SET description = ${q(`${textB}改`)} WHERE community_id = ${community}`);
    assert.equal(Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_data_version WHERE community_id = 1')),
        versionA, 'community 1\'s version did not move');
    await inTurn('/office/tickets', (html) => {
        assert.ok(textOf(html).includes(textA));
        assert.ok(!textOf(html).includes(textB));
    }, (html) => assert.ok(textOf(html).includes(`${textB}改`), 'the changed description'));
    sql(`UPDATE ticket SET created_at = '2009-04-01 02:00:00' WHERE community_id = ${community}`);
    await inTurn(`/office/analysis?month=${MONTH}`, (html) => assert.equal(total(html), 2),
        (html) => assert.equal(total(html), 0, 'moved out of the month'));
});
