// Page processes keep the answers of the statements behind the busiest pages (the queue, a
// ticket, a resident's home, the units grid) while the community's data version holds
// (issue 7, core/db_keep.h, schema/0020_data_version.sql). Every change to what those pages
// show must appear on the next page, whichever process answers it and whatever made the
// change: a page of the product, or the mariadb client as an administrator or import would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { accountId, csrfFrom, fetchPage, fieldErrors, insertTickets, signIn, sql, sqlValue, q, textOf, RESIDENT, STAFF } from './lib.mjs';

// Each page has two processes: a few requests reach both of them (and each keeps the answer).
async function everyProcess(path, jar, check) {
    for (let i = 0; i < 6; i++) {
        const res = await fetchPage(path, { jar });
        assert.equal(res.status, 200, path);
        check(textOf(res.body), res.body);
    }
}

function dataVersion() {
    return Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_data_version WHERE community_id = 1'));
}

test('a ticket changed by hand shows on the next staff and resident ticket pages in every process', async () => {
    const staff = await signIn('staff', STAFF);
    const resident = await signIn('resident', RESIDENT);
    const tag = randomBytes(3).toString('hex');
    const t = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-101', status: 'new',
        created: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ') }], `kept${tag}`);
    const id = t.ids[0];
    const pages = [[`/office/ticket?id=${id}`, staff], [`/portal/ticket?id=${id}`, resident]];
    try {
        for (const [path, jar] of pages) await everyProcess(path, jar, (text) => assert.ok(text.includes(`kept${tag}`)));
        // One statement, no transaction.
        sql(`UPDATE ticket SET description = ${q(`改过的描述${tag}`)} WHERE id = ${id}`);
        for (const [path, jar] of pages) {
            await everyProcess(path, jar, (text) => {
                assert.ok(text.includes(`改过的描述${tag}`), `${path} shows the new description`);
                assert.ok(!text.includes(`kept${tag}`), `${path} no longer shows the old one`);
            });
        }
        // A transaction of the client's own, and a row of the timeline added in it.
        const before = dataVersion();
        sql(`START TRANSACTION;
             UPDATE ticket SET place = ${q(`厨房${tag}`)} WHERE id = ${id};
             INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, at, public, text, status_after)
               VALUES (${id}, 1, 'note', 'system', UTC_TIMESTAMP(), 1, ${q(`手工记录${tag}`)}, 'new');
             COMMIT`);
        assert.ok(dataVersion() > before, 'the commit raised the community\'s data version');
        for (const [path, jar] of pages) {
            await everyProcess(path, jar, (text) => {
                assert.ok(text.includes(`厨房${tag}`), `${path} shows the new place`);
                assert.ok(text.includes(`手工记录${tag}`), `${path} shows the new timeline entry`);
            });
        }
    } finally {
        t.drop();
    }
});

test('a unit and a member changed by hand show on the next home page in every process', async () => {
    const jar = await signIn('resident', RESIDENT);
    const tag = randomBytes(2).toString('hex');
    const account = accountId(RESIDENT);
    const [unitId, area] = sql(`SELECT u.id, u.area_m2 FROM account a JOIN unit u ON u.id = a.current_unit_id
        WHERE a.id = ${account}`)[0];
    const [personId, name] = sql(`SELECT p.id, p.name FROM account a JOIN person p ON p.id = a.person_id WHERE a.id = ${account}`)[0];
    const newArea = (Number(area) + 0.37).toFixed(2);
    await everyProcess('/portal/home', jar, (text) => assert.ok(text.includes(name)));
    try {
        sql(`UPDATE unit SET area_m2 = ${newArea} WHERE id = ${unitId};
             UPDATE person SET name = ${q(`张伟${tag}`)} WHERE id = ${personId}`);
        await everyProcess('/portal/home', jar, (text) => {
            assert.ok(text.includes(newArea), 'the unit\'s new area');
            assert.ok(text.includes(`张伟${tag}`), 'the member\'s new name');
        });
    } finally {
        sql(`UPDATE unit SET area_m2 = ${area} WHERE id = ${unitId}; UPDATE person SET name = ${q(name)} WHERE id = ${personId}`);
    }
    await everyProcess('/portal/home', jar, (text) => {
        assert.ok(!text.includes(`张伟${tag}`), 'the old name is back');
        assert.ok(text.includes(name));
    });
});

test('a ticket a resident reports shows at once on the staff queue in every process', async () => {
    const staff = await signIn('staff', STAFF);
    const resident = await signIn('resident', RESIDENT);
    const tag = randomBytes(3).toString('hex');
    await everyProcess('/office/tickets', staff, () => {});
    const before = dataVersion();
    const form = await fetchPage('/portal/new-ticket', { jar: resident });
    const fd = new FormData();
    for (const [k, v] of Object.entries({ csrf: csrfFrom(form.body, '/portal/new-ticket'), kind: 'repair',
        category: 'water_power', location: 'home', place: '', description: `队列立刻可见${tag}`, phone: '', preferred_time: '' })) fd.append(k, v);
    const res = await fetchPage('/portal/new-ticket', { jar: resident, method: 'POST', body: fd });
    assert.equal(res.status, 303, JSON.stringify(fieldErrors(res.body)));
    const id = Number(/id=(\d+)/.exec(res.location)[1]);
    try {
        // The product's transaction raises the version with its COMMIT (db_commit, data_commit()).
        assert.ok(dataVersion() > before, 'the new ticket raised the community\'s data version');
        await everyProcess('/office/tickets', staff, (text) => assert.ok(text.includes(`队列立刻可见${tag}`)));
        await everyProcess(`/office/tickets?q=${encodeURIComponent(`队列立刻可见${tag}`)}`, staff,
            (text) => assert.ok(text.includes(`队列立刻可见${tag}`), 'and the search finds it'));
    } finally {
        sql(`DELETE FROM outbox WHERE ticket_id = ${id}; DELETE FROM ticket_gram WHERE ticket_id = ${id};
             DELETE FROM ticket_seen WHERE ticket_id = ${id}; DELETE FROM ticket_event WHERE ticket_id = ${id};
             DELETE FROM ticket WHERE id = ${id}`);
    }
    await everyProcess('/office/tickets', staff, (text) => assert.ok(!text.includes(`队列立刻可见${tag}`), 'gone once deleted'));
});

test('a unit changed by hand shows on the next units grid in every process', async () => {
    const jar = await signIn('staff', STAFF);
    const [unitId, buildingId, code] = sql(`SELECT id, building_id, code FROM unit WHERE community_id = 1 AND code = '1-1-102'`)[0];
    const path = `/office/units?building=${buildingId}`;
    await everyProcess(path, jar, (text) => assert.ok(text.includes(code)));
    const tag = `X${randomBytes(2).toString('hex')}`;
    try {
        sql(`UPDATE unit SET code = ${q(`${code}${tag}`)} WHERE id = ${unitId}`);
        await everyProcess(path, jar, (text) => assert.ok(text.includes(`${code}${tag}`), 'the unit\'s new code'));
    } finally {
        sql(`UPDATE unit SET code = ${q(code)} WHERE id = ${unitId}`);
    }
    await everyProcess(path, jar, (text) => assert.ok(!text.includes(`${code}${tag}`)));
});
