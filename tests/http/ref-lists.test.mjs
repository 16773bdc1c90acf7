// The office's reference lists (categories, departments, staff to dispatch to, buildings) are kept by
// each page process between requests (issue 7, core/refcache.h): every change to them must
// show on the next page, whichever process answers it, whatever made the change (here the
// mariadb client, as an import or an administrator would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { csrfFrom, fetchPage, fieldErrors, makeStaff, signIn, sql, sqlValue, q, RESIDENT, STAFF } from './lib.mjs';

// Each page has two processes: a few requests reach both of them.
async function everyProcess(path, jar, check) {
    for (let i = 0; i < 6; i++) {
        const res = await fetchPage(path, { jar });
        assert.equal(res.status, 200, path);
        check(res.body, i);
    }
}

test('a category, a department name and a staff member changed by hand show on the next queue page', async () => {
    const jar = await signIn('staff', STAFF);
    const tag = randomBytes(3).toString('hex');
    const warm = await fetchPage('/office/tickets', { jar }); // the lists are kept now
    assert.equal(warm.status, 200);
    const code = `ref_${tag}`;
    const staff = makeStaff('reflists');
    const dept = sql(`SELECT id, name FROM department WHERE community_id = 1 AND code = 'greening'`)[0];
    try {
        sql(`INSERT INTO ticket_category (community_id, kind, code, name, sort) VALUES (1, 'repair', ${q(code)},
            ${q(`新类别${tag}`)}, 99)`);
        sql(`UPDATE department SET name = ${q(`绿化${tag}`)} WHERE id = ${dept[0]}`);
        await everyProcess('/office/tickets', jar, (body) => {
            assert.ok(body.includes(`新类别${tag}`), 'the new category is offered');
            assert.ok(body.includes(`绿化${tag}`), 'the department shows by its new name');
            assert.ok(body.includes(staff.login.slice(-6)), 'the new staff member can be chosen');
        });
        sql(`UPDATE ticket_category SET active = 0 WHERE community_id = 1 AND code = ${q(code)};
             UPDATE staff SET disabled = 1 WHERE id = ${staff.id};
             UPDATE department SET name = ${q(dept[1])} WHERE id = ${dept[0]}`);
        await everyProcess('/office/tickets', jar, (body) => {
            assert.ok(!body.includes(`新类别${tag}`), 'a category made inactive is gone');
            assert.ok(!body.includes(`绿化${tag}`), 'the department has its old name back');
            assert.ok(body.includes(`>${dept[1]}</option>`));
            assert.ok(!body.includes(staff.login.slice(-6)), 'a disabled staff member is not offered');
        });
        // A sign-in writes the staff row too, but changes nothing the lists show: the version stays.
        const before = Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_ref_version WHERE community_id = 1'));
        await signIn('staff', STAFF);
        const after = Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_ref_version WHERE community_id = 1'));
        assert.equal(after, before, 'signing in does not make the processes read their lists again');
    } finally {
        sql(`DELETE FROM ticket_category WHERE community_id = 1 AND code = ${q(code)};
             UPDATE department SET name = ${q(dept[1])} WHERE id = ${dept[0]}`);
        staff.drop();
    }
});

test('a resident\'s new-ticket form offers a category added after the form was first shown', async () => {
    const jar = await signIn('resident', RESIDENT);
    const tag = randomBytes(3).toString('hex');
    const code = `ref_${tag}`;
    assert.equal((await fetchPage('/portal/new-ticket?kind=repair', { jar })).status, 200);
    try {
        sql(`INSERT INTO ticket_category (community_id, kind, code, name, sort) VALUES (1, 'repair', ${q(code)},
            ${q(`住户类别${tag}`)}, 99)`);
        await everyProcess('/portal/new-ticket?kind=repair', jar, (body) => {
            assert.ok(body.includes(`住户类别${tag}`));
        });
    } finally {
        sql(`DELETE FROM ticket_category WHERE community_id = 1 AND code = ${q(code)}`);
    }
    await everyProcess('/portal/new-ticket?kind=repair', jar, (body) => {
        assert.ok(!body.includes(`住户类别${tag}`), 'and drops it once it is gone');
    });
});

test('a building added or renamed by hand shows on the next units grid and arrears page', async () => {
    const jar = await signIn('staff', STAFF);
    const tag = randomBytes(3).toString('hex');
    for (const page of ['/office/units', '/office/arrears']) assert.equal((await fetchPage(page, { jar })).status, 200);
    const [id, name] = sql(`SELECT id, name FROM building WHERE community_id = 1 AND code = '3'`)[0];
    const code = `Z${tag}`.slice(0, 10);
    try {
        sql(`UPDATE building SET name = ${q(`新名${tag}`)} WHERE id = ${id};
             INSERT INTO building (community_id, code, name) VALUES (1, ${q(code)}, ${q(`新楼${tag}`)})`);
        for (const page of ['/office/units', '/office/arrears']) {
            await everyProcess(page, jar, (body) => {
                assert.ok(body.includes(`新名${tag}`), `${page}: the building shows by its new name`);
                assert.ok(body.includes(`新楼${tag}`), `${page}: the new building is offered`);
            });
        }
        sql(`UPDATE building SET name = ${q(name)} WHERE id = ${id}; DELETE FROM building WHERE community_id = 1 AND code = ${q(code)}`);
        await everyProcess('/office/units', jar, (body) => {
            assert.ok(!body.includes(`新名${tag}`) && !body.includes(`新楼${tag}`), 'and both changes undone show too');
        });
    } finally {
        sql(`UPDATE building SET name = ${q(name)} WHERE id = ${id}; DELETE FROM building WHERE community_id = 1 AND code = ${q(code)}`);
    }
});

// A resident's new ticket: the form's token, then the POST (multipart, as the browser sends it).
async function postTicket(jar, fields) {
    const form = await fetchPage('/portal/new-ticket', { jar });
    assert.equal(form.status, 200);
    const fd = new FormData();
    const values = { csrf: csrfFrom(form.body, '/portal/new-ticket'), kind: 'repair', category: 'water_power',
        location: 'home', place: '', description: '卫生间地漏返水', phone: '', preferred_time: '', ...fields };
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    return fetchPage('/portal/new-ticket', { jar, method: 'POST', body: fd });
}

test('a new ticket is checked against categories and time limits changed by hand, in every process', async () => {
    const jar = await signIn('resident', RESIDENT);
    const tag = randomBytes(3).toString('hex');
    const code = `ref_${tag}`;
    const policy = sql(`SELECT respond_minutes, clock FROM sla_policy WHERE community_id = 1 AND kind = 'repair'
                        AND severity = 'normal'`)[0];
    assert.ok(policy, 'the demo community has a policy for normal repairs');
    assert.equal((await postTicket(jar, {})).status, 303, 'a first ticket: the processes keep the lists now');
    try {
        // The policy alone changes: no other list moves the version.
        sql(`UPDATE sla_policy SET respond_minutes = 77, clock = 'calendar' WHERE community_id = 1 AND kind = 'repair'
             AND severity = 'normal'`);
        for (let i = 0; i < 6; i++) {
            const res = await postTicket(jar, { description: `新时限报修 ${tag} ${i}` });
            assert.equal(res.status, 303, `accepted (${i}): ${JSON.stringify(fieldErrors(res.body))}`);
        }
        const dues = sql(`SELECT TIMESTAMPDIFF(MINUTE, created_at, respond_due) FROM ticket WHERE community_id = 1
                          AND description LIKE ${q(`新时限报修 ${tag} %`)}`);
        assert.equal(dues.length, 6);
        for (const [minutes] of dues) assert.equal(Number(minutes), 77, 'the changed policy gives every ticket its respond time');
        sql(`INSERT INTO ticket_category (community_id, kind, code, name, sort) VALUES (1, 'repair', ${q(code)},
            ${q(`临时类别${tag}`)}, 99)`);
        for (let i = 0; i < 6; i++) {
            const res = await postTicket(jar, { category: code, description: `新类别报修 ${tag} ${i}` });
            assert.equal(res.status, 303, `a category added by hand is accepted (${i}): ${JSON.stringify(fieldErrors(res.body))}`);
        }
        sql(`UPDATE ticket_category SET active = 0 WHERE community_id = 1 AND code = ${q(code)}`);
        for (let i = 0; i < 6; i++) {
            const res = await postTicket(jar, { category: code, description: `停用类别 ${tag} ${i}` });
            assert.equal(res.status, 422, 'a category made inactive by hand is refused');
            assert.ok(fieldErrors(res.body).category, 'the error names the category field');
        }
        assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE description LIKE ${q(`停用类别 ${tag} %`)}`)), 0);
        // The working calendar raises the version too.
        const version = () => Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_ref_version WHERE community_id = 1'));
        const before = version();
        sql(`INSERT INTO work_holiday (community_id, day, name, working) VALUES (1, '2099-12-31', ${q(`测试${tag}`)}, 0);
             DELETE FROM work_holiday WHERE community_id = 1 AND day = '2099-12-31'`);
        assert.ok(version() >= before + 2, 'adding and removing a holiday raise the reference version');
    } finally {
        sql(`UPDATE ticket_category SET active = 0 WHERE community_id = 1 AND code = ${q(code)};
             UPDATE sla_policy SET respond_minutes = ${policy[0] === null ? 'NULL' : Number(policy[0])},
             clock = ${q(policy[1])} WHERE community_id = 1 AND kind = 'repair' AND severity = 'normal'`);
    }
});
