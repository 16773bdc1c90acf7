// The office's reference lists (categories, departments, staff to dispatch to, buildings) are kept by
// each page process between requests (issue 7, core/refcache.h): every change to them must
// show on the next page, whichever process answers it, whatever made the change (here the
// mariadb client, as an import or an administrator would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetchPage, makeStaff, signIn, sql, sqlValue, q, RESIDENT, STAFF } from './lib.mjs';

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
