// Resident accounts over HTTP: staff print an activation code (the slip is the POST's own
// answer), a resident activates with it and is signed in; used, expired, revoked and
// guessed codes are refused; a taken phone is a 422; disabling ends the sessions at once;
// an owner invites a family member, who then sees the same household; and what the pages
// refuse (403 without csrf or for a non-owner, 404 for staff of another community). Every
// test works on units and people of its own, made by SQL with unique codes and names.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
    CookieJar, csrfFrom, fetchPage, fieldErrors, login, PASSWORD, q, raw, RESIDENT, signIn, sql, sqlValue, STAFF,
    textOf, uniqueAddress, uniqueSuffix,
} from './lib.mjs';

const run = uniqueSuffix().slice(-6).toUpperCase();
const BUILDING = `A${run}`;
const NEW_PASSWORD = 'activate-pass-1';
const CODE_RE = /data-code>([A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5})</;
let buildingId;
let front;
let rooms = 100;
const cleanups = [];

function uniquePhone() {
    return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

// A unit of our building with an owner of our own (no account): {unitId, unitCode, personId, name}.
function household(relation = 'owner') {
    const unitCode = `${BUILDING}-1-${++rooms}`;
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
         VALUES (1, ${buildingId}, ${q(unitCode)}, 1, 90.00, 'residence', 'occupied')`);
    const unitId = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(unitCode)}`));
    const name = `激活${run}${rooms}`;
    sql(`INSERT INTO person (community_id, name, phone) VALUES (1, ${q(name)}, ${q(uniquePhone())})`);
    const personId = Number(sqlValue(`SELECT MAX(id) FROM person WHERE community_id = 1 AND name = ${q(name)}`));
    sql(`INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
         VALUES (1, ${unitId}, ${personId}, ${q(relation)}, '2020-01-01')`);
    return { unitId, unitCode, personId, name };
}

// Staff press 生成激活码 on the person page: {res, code}.
async function issue(jar, personId, { csrf = true } = {}) {
    const page = await fetchPage(`/office/person?id=${personId}`, { jar });
    const form = { action: 'account_code' };
    if (csrf) form.csrf = csrfFrom(page.body, '/office/logout');
    const res = await fetchPage(`/office/person?id=${personId}`, { jar, form });
    const m = CODE_RE.exec(res.body);
    return { res, code: m ? m[1] : undefined };
}

async function staffAction(jar, personId, action) {
    const page = await fetchPage(`/office/person?id=${personId}`, { jar });
    return fetchPage(`/office/person?id=${personId}`, { jar, form: { csrf: csrfFrom(page.body, '/office/logout'), action } });
}

// Opens /portal/activate and posts fields from one address: {res, jar, address}.
async function activate(fields, { address = uniqueAddress(), jar = new CookieJar(), csrf = true } = {}) {
    const page = await raw({ path: '/portal/activate', jar, address });
    assert.equal(page.status, 200, 'GET /portal/activate');
    const form = { password: NEW_PASSWORD, password2: NEW_PASSWORD, ...fields };
    if (csrf) form.csrf = csrfFrom(page.body, '/portal/activate');
    const res = await raw({ path: '/portal/activate', jar, address, form });
    return { res, jar, address };
}

const accounts = (personId) => Number(sqlValue(`SELECT COUNT(*) FROM account WHERE person_id = ${personId}`));
const codes = (personId) => Number(sqlValue(`SELECT COUNT(*) FROM activation_code WHERE person_id = ${personId}`));

before(async () => {
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(BUILDING)}, ${q(`激活楼${run}`)}, 3)`);
    buildingId = Number(sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`));
    front = await signIn('staff', STAFF);
});

after(() => {
    for (const f of cleanups.reverse()) f();
});

test('the portal login page links to activation; the office login does not', async () => {
    const portal = await fetchPage('/portal/login');
    assert.match(portal.body, /<a href="\/portal\/activate">首次登录？使用激活码<\/a>/);
    const office = await fetchPage('/office/login');
    assert.doesNotMatch(office.body, /portal\/activate/);
});

test('staff print a code; activating creates the account, signs in, and the code cannot be used again', async () => {
    const h = household();
    const person = await fetchPage(`/office/person?id=${h.personId}`, { jar: front });
    assert.match(person.body, /data-account-state="none"/);
    const { res, code } = await issue(front, h.personId);
    assert.equal(res.status, 200, 'the slip is the answer of the POST');
    assert.ok(code, 'the slip shows the code');
    const slip = textOf(res.body);
    assert.match(slip, new RegExp(h.name));
    assert.match(slip, new RegExp(h.unitCode));
    assert.match(slip, /\/portal\/activate/);
    assert.match(res.headers['cache-control'] || '', /no-store/);
    const stored = sql(`SELECT code_hash, relation, created_by_kind, TIMESTAMPDIFF(DAY, created_at, expires_at)
        FROM activation_code WHERE person_id = ${h.personId}`);
    assert.equal(stored.length, 1);
    assert.doesNotMatch(stored[0][0], new RegExp(code.replace('-', ''), 'i'), 'only a hash is stored');
    assert.match(stored[0][0], /^[0-9a-f]{64}$/);
    assert.deepEqual(stored[0].slice(1), ['owner', 'staff', '14']);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'activation_code_issue'
        AND object_type = 'person' AND object_id = ${h.personId}`)), 1);
    const again = await fetchPage(`/office/person?id=${h.personId}`, { jar: front });
    assert.match(again.body, /data-pending-code/);

    const phone = uniquePhone();
    const a = await activate({ code: code.toLowerCase(), phone });
    assert.equal(a.res.status, 303, a.res.body.slice(0, 800));
    assert.equal(a.res.location, '/portal/home');
    assert.ok(a.jar.get('wuye_r'), 'signed in');
    const home = await raw({ path: '/portal/home', jar: a.jar, address: a.address });
    assert.equal(home.status, 200);
    assert.match(home.body, new RegExp(`data-unit="${h.unitCode}"`));
    const acc = sql(`SELECT id, login_phone, current_unit_id, disabled FROM account WHERE person_id = ${h.personId}`);
    assert.deepEqual(acc[0].slice(1), [phone, String(h.unitId), '0']);
    assert.ok(sqlValue(`SELECT used_at FROM activation_code WHERE person_id = ${h.personId}`));
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'account_activate'
        AND object_id = ${acc[0][0]}`)), 1);
    assert.ok((await login('resident', phone, NEW_PASSWORD)).ok, 'the new password logs in');
    assert.match((await fetchPage(`/office/person?id=${h.personId}`, { jar: front })).body, /data-account-state="active"/);

    const epoch = sqlValue(`SELECT session_epoch FROM account WHERE person_id = ${h.personId}`);
    const reuse = await activate({ code, phone: uniquePhone(), password: 'other-pass-2', password2: 'other-pass-2' });
    assert.equal(reuse.res.status, 409);
    assert.match(fieldErrors(reuse.res.body).code, /此激活码已使用/);
    assert.equal(reuse.jar.get('wuye_r'), undefined, 'not signed in');
    assert.deepEqual(sql(`SELECT login_phone, session_epoch FROM account WHERE person_id = ${h.personId}`)[0], [phone, epoch],
        'nothing written');
    assert.ok((await login('resident', phone, NEW_PASSWORD)).ok, 'the password is unchanged');
});

test('an expired code is refused and writes nothing', async () => {
    const h = household();
    const { code } = await issue(front, h.personId);
    sql(`UPDATE activation_code SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE person_id = ${h.personId}`);
    const a = await activate({ code, phone: uniquePhone() });
    assert.equal(a.res.status, 409);
    assert.match(fieldErrors(a.res.body).code, /已过期/);
    assert.equal(accounts(h.personId), 0);
    assert.equal(sqlValue(`SELECT used_at FROM activation_code WHERE person_id = ${h.personId}`), null);
});

test('a new code revokes the older one', async () => {
    const h = household();
    const first = (await issue(front, h.personId)).code;
    const second = (await issue(front, h.personId)).code;
    assert.notEqual(first, second);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM activation_code WHERE person_id = ${h.personId}
        AND revoked_at IS NOT NULL`)), 1);
    const old = await activate({ code: first, phone: uniquePhone() });
    assert.equal(old.res.status, 422);
    assert.match(fieldErrors(old.res.body).code, /无效/);
    assert.equal(accounts(h.personId), 0);
    const ok = await activate({ code: second, phone: uniquePhone() });
    assert.equal(ok.res.status, 303);
    assert.equal(accounts(h.personId), 1);
});

test('wrong codes: 422 each, then 429 after five from one address', async () => {
    // Failures count against the code's first 5 characters too: a prefix of this run's own.
    const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
    const prefix = Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    const address = uniqueAddress();
    for (let i = 0; i < 5; i++) {
        const r = await activate({ code: `${prefix}-ZZZ${'23456'[i]}${i + 2}`, phone: uniquePhone() }, { address });
        assert.equal(r.res.status, 422, `attempt ${i + 1}`);
        assert.match(fieldErrors(r.res.body).code, /无效/);
    }
    const blocked = await activate({ code: `${prefix}-ZZZZZ`, phone: uniquePhone() }, { address });
    assert.equal(blocked.res.status, 429);
    assert.ok(Number(blocked.res.headers['retry-after']) > 0);
});

test('a phone that is already the login of another account: 422, the code stays unused', async () => {
    const h = household();
    const { code } = await issue(front, h.personId);
    const a = await activate({ code, phone: RESIDENT });
    assert.equal(a.res.status, 422);
    assert.match(fieldErrors(a.res.body).phone, /另一个账户/);
    assert.equal(accounts(h.personId), 0);
    assert.equal(sqlValue(`SELECT used_at FROM activation_code WHERE person_id = ${h.personId}`), null);
    const mismatch = await activate({ code, phone: uniquePhone(), password2: 'something-else' });
    assert.equal(mismatch.res.status, 422);
    assert.ok(fieldErrors(mismatch.res.body).password2);
    assert.equal(accounts(h.personId), 0);
});

test('disabling ends the open session at once and refuses login; enabling lets them in again', async () => {
    const h = household();
    const { code } = await issue(front, h.personId);
    const phone = uniquePhone();
    const a = await activate({ code, phone });
    assert.equal(a.res.status, 303);
    assert.equal((await fetchPage('/portal/home', { jar: a.jar })).status, 200);

    const off = await staffAction(front, h.personId, 'account_disable');
    assert.equal(off.status, 303);
    const after = await fetchPage('/portal/home', { jar: a.jar });
    assert.equal(after.status, 303);
    assert.match(after.location, /\/portal\/login/);
    assert.equal(sqlValue(`SELECT disabled FROM account WHERE person_id = ${h.personId}`), '1');
    const refused = await login('resident', phone, NEW_PASSWORD);
    assert.equal(refused.ok, false);
    assert.equal(refused.res.status, 403);
    assert.match((await fetchPage(`/office/person?id=${h.personId}`, { jar: front })).body, /data-account-state="disabled"/);

    const on = await staffAction(front, h.personId, 'account_enable');
    assert.equal(on.status, 303);
    assert.ok((await login('resident', phone, NEW_PASSWORD)).ok);
    const accId = sqlValue(`SELECT id FROM account WHERE person_id = ${h.personId}`);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'account' AND object_id = ${accId}
        AND action IN ('account_disable', 'account_enable')`)), 2);
});

test('an owner invites a family member, who activates and sees the same household; a non-owner gets 403', async () => {
    const owner = await signIn('resident', RESIDENT);
    const form = await fetchPage('/portal/invite', { jar: owner });
    assert.equal(form.status, 200);
    const name = `家人${run}`;
    const phone = uniquePhone();
    const res = await fetchPage('/portal/invite', {
        jar: owner, form: { csrf: csrfFrom(form.body, '/portal/invite'), name, phone, relation: 'family' },
    });
    assert.equal(res.status, 200, res.body.slice(0, 800));
    const code = CODE_RE.exec(res.body)?.[1];
    assert.ok(code, 'the code is shown');
    const personId = Number(sqlValue(`SELECT id FROM person WHERE community_id = 1 AND name = ${q(name)}`));
    cleanups.push(() => sql(`DELETE FROM account WHERE person_id = ${personId};
        DELETE FROM activation_code WHERE person_id = ${personId};
        DELETE FROM occupancy WHERE person_id = ${personId}; DELETE FROM person WHERE id = ${personId};`));
    const ownerAccount = sqlValue(`SELECT id FROM account WHERE login_phone = ${q(RESIDENT)}`);
    assert.deepEqual(sql(`SELECT o.relation, u.code, c.created_by_kind, c.created_by_id FROM occupancy o
        JOIN unit u ON u.id = o.unit_id JOIN activation_code c ON c.person_id = o.person_id
        WHERE o.person_id = ${personId} AND o.until IS NULL`)[0], ['family', '1-1-101', 'resident', ownerAccount]);

    const a = await activate({ code, phone });
    assert.equal(a.res.status, 303);
    const home = await fetchPage('/portal/home', { jar: a.jar });
    assert.equal(home.status, 200);
    assert.match(home.body, /data-unit="1-1-101"/);
    assert.match(textOf(home.body), /张伟/);

    const denied = await fetchPage('/portal/invite', { jar: a.jar });
    assert.equal(denied.status, 403);
    const post = await fetchPage('/portal/invite', {
        jar: a.jar, form: { csrf: csrfFrom(home.body, '/portal/logout'), name: `再邀${run}`, phone: uniquePhone(), relation: 'family' },
    });
    assert.equal(post.status, 403);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM person WHERE name = ${q(`再邀${run}`)}`), '0');
});

test('without csrf: 403 and nothing written; a technician may not issue codes', async () => {
    const h = household();
    const noCsrf = await issue(front, h.personId, { csrf: false });
    assert.equal(noCsrf.res.status, 403);
    assert.equal(codes(h.personId), 0);
    const { code } = await issue(front, h.personId);
    const a = await activate({ code, phone: uniquePhone() }, { csrf: false });
    assert.equal(a.res.status, 403);
    assert.equal(accounts(h.personId), 0);
    const tech = await signIn('staff', 'tech');
    const page = await fetchPage(`/office/person?id=${h.personId}`, { jar: tech });
    assert.doesNotMatch(page.body, /data-action="account_code"/);
    const r = await staffAction(tech, h.personId, 'account_code');
    assert.equal(r.status, 403);
    assert.equal(codes(h.personId), 1);
});

test('staff of another community cannot issue codes for this one (404)', async () => {
    const h = household();
    const cc = `Y${run}`;
    sql(`INSERT INTO community (code, name) VALUES (${q(cc)}, ${q(`外小区${run}`)})`);
    const cid = Number(sqlValue(`SELECT id FROM community WHERE code = ${q(cc)}`));
    const loginName = `other-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, password_hash)
           SELECT ${q(loginName)}, '外区主任', ${cid}, password_hash FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, ${cid} FROM role r WHERE r.code = 'manager';`);
    const outsider = await signIn('staff', loginName, PASSWORD);
    const home = await fetchPage('/office/home', { jar: outsider });
    const r = await fetchPage(`/office/person?id=${h.personId}`, {
        jar: outsider, form: { csrf: csrfFrom(home.body, '/office/logout'), action: 'account_code' },
    });
    assert.equal(r.status, 404);
    assert.equal(codes(h.personId), 0);
    const d = await fetchPage(`/office/person?id=${h.personId}`, {
        jar: outsider, form: { csrf: csrfFrom(home.body, '/office/logout'), action: 'account_disable' },
    });
    assert.equal(d.status, 404);
});
