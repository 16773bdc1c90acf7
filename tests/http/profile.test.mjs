// /portal/profile (我的资料): the household's contacts, password change, switching units.
// Every test works on accounts and units of its own (makeHousehold, makeResident).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import {
    csrfFrom, errorStatus, fetchPage, fieldErrors, insertTickets, login, makeHousehold, makeResident, PASSWORD, raw,
    signIn, sql, sqlValue, textOf, uniqueAddress,
} from './lib.mjs';

const cleanups = [];
after(() => {
    for (const drop of cleanups.reverse()) drop();
});

function household() {
    const h = makeHousehold('profile');
    cleanups.push(h.drop);
    return h;
}

// GETs the profile and POSTs fields with the page's csrf token; from address when given
// (a wrong current password counts against the address it came from, as a failed login).
async function post(jar, fields, address) {
    const page = await fetchPage('/portal/profile', { jar });
    assert.equal(page.status, 200);
    const form = { csrf: csrfFrom(page.body, '/portal/profile'), ...fields };
    return address ? raw({ path: '/portal/profile', jar, address, form }) : fetchPage('/portal/profile', { jar, form });
}

const auditCount = (action, objectId) =>
    Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}' AND object_id = ${Number(objectId)}`));

test('the profile shows the holder, the household with contacts and both units, the current one marked', async () => {
    const h = household();
    sql(`UPDATE person SET phone = '13911112222', emergency_contact = '王五 13933334444' WHERE id = ${h.family.personId}`);
    const jar = await signIn('resident', h.owner.login);
    const res = await fetchPage('/portal/profile', { jar });
    assert.equal(res.status, 200);
    assert.match(res.body, new RegExp(`data-page="portal-profile" data-unit="${h.units[0].code}"`));
    const text = textOf(res.body);
    const names = sql(`SELECT name FROM person WHERE id IN (${h.owner.personId}, ${h.family.personId}, ${h.childPersonId})`);
    for (const [name] of names) assert.ok(text.includes(name), `the page names ${name}`);
    assert.ok(text.includes(h.owner.login), 'the login');
    assert.ok(text.includes('13911112222'), 'a member\'s phone in full');
    assert.ok(text.includes('王五 13933334444'), 'a member\'s emergency contact');
    assert.ok(text.includes('家庭成员') && text.includes('业主'), 'relations');
    for (const u of h.units) assert.match(res.body, new RegExp(`data-unit-id="${u.id}" data-unit-code="${u.code}"`));
    assert.match(res.body, new RegExp(`data-unit-code="${h.units[0].code}" data-current="1"`), 'the current unit is marked');
    assert.ok(!new RegExp(`data-unit-code="${h.units[1].code}" data-current`).test(res.body), 'only the current one');
    assert.match(res.body, /href="\/portal\/profile"/, 'the navigation leads here');
    assert.ok(!text.includes('1-1-101'), 'nothing of another household');
});

test('the owner edits a member\'s phone and emergency contact: stored, audited, 303 with a notice', async () => {
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const res = await post(jar, { action: 'contact', person: h.childPersonId, phone: '13955556666', emergency_contact: '外婆 0571-88886666' });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/portal/profile?saved=contact');
    assert.deepEqual(sql(`SELECT phone, emergency_contact FROM person WHERE id = ${h.childPersonId}`)[0],
        ['13955556666', '外婆 0571-88886666']);
    assert.equal(auditCount('contact_edit_member', h.childPersonId), 1);
    const page = await fetchPage(res.location, { jar });
    assert.match(page.body, /class="notice"[^>]*data-saved="contact"/);
    assert.ok(textOf(page.body).includes('已保存'));
    assert.ok(textOf(page.body).includes('13955556666'));
});

test('anyone edits their own contact; a family member may not edit another member (403)', async () => {
    const h = household();
    const jar = await signIn('resident', h.family.login);
    const own = await post(jar, { action: 'contact', person: h.family.personId, phone: '13977778888', emergency_contact: '' });
    assert.equal(own.status, 303);
    assert.equal(sqlValue(`SELECT phone FROM person WHERE id = ${h.family.personId}`), '13977778888');
    assert.equal(auditCount('contact_edit_self', h.family.personId), 1);
    const page = await fetchPage('/portal/profile', { jar });
    assert.ok(!page.body.includes(`data-form="contact" data-person-id="${h.childPersonId}"`), 'no edit form for others');
    const other = await post(jar, { action: 'contact', person: h.childPersonId, phone: '13900000000' });
    assert.equal(other.status, 403);
    assert.equal(sqlValue(`SELECT CONCAT('[', phone, ']') FROM person WHERE id = ${h.childPersonId}`), '[]', 'nothing changed');
});

test('the owner cannot edit a person of another unit (404)', async () => {
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const stranger = Number(sqlValue(`SELECT person_id FROM account WHERE login_phone = '13800000002'`));
    const before = sql(`SELECT phone, emergency_contact FROM person WHERE id = ${stranger}`);
    const res = await post(jar, { action: 'contact', person: stranger, phone: '13900000000' });
    assert.equal(res.status, 404);
    assert.deepEqual(sql(`SELECT phone, emergency_contact FROM person WHERE id = ${stranger}`), before);
});

test('an invalid phone answers 422 with the entered values and data-field="phone"', async () => {
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const res = await post(jar, { action: 'contact', person: h.childPersonId, phone: '12345', emergency_contact: '舅舅' });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).phone, 'an error at phone');
    assert.match(res.body, /name="phone" type="tel" value="12345"/);
    assert.match(res.body, /value="舅舅"/);
    assert.equal(sqlValue(`SELECT CONCAT('[', emergency_contact, ']') FROM person WHERE id = ${h.childPersonId}`), '[]');
});

test('a POST without the csrf token answers 403 and changes nothing', async () => {
    const h = household();
    const jar = await signIn('resident', h.owner.login);
    const res = await fetchPage('/portal/profile', { jar, form: { action: 'switch', unit: h.units[1].id } });
    assert.equal(res.status, 403);
    assert.equal(Number(sqlValue(`SELECT current_unit_id FROM account WHERE id = ${h.owner.id}`)), h.units[0].id);
});

test('password change: wrong current and mismatch are 422; success ends other sessions and keeps this one', async () => {
    const r = makeResident('profile-pw');
    cleanups.push(r.drop);
    const address = uniqueAddress();
    const here = await signIn('resident', r.login, PASSWORD, { address });
    const elsewhere = await signIn('resident', r.login, PASSWORD, { address });
    const fresh = 'new-secret-2031';

    const wrong = await post(here, { action: 'password', current: 'not-my-password', password: fresh, password2: fresh },
        address);
    assert.equal(wrong.status, 422);
    assert.ok(fieldErrors(wrong.body).current, 'an error at current');
    assert.ok(!wrong.body.includes('not-my-password') && !wrong.body.includes(fresh), 'no secret echoed');
    const mismatch = await post(here, { action: 'password', current: PASSWORD, password: fresh, password2: `${fresh}x` });
    assert.equal(mismatch.status, 422);
    assert.ok(fieldErrors(mismatch.body).password2, 'an error at password2');
    const short = await post(here, { action: 'password', current: PASSWORD, password: 'short', password2: 'short' });
    assert.equal(short.status, 422);
    assert.ok(fieldErrors(short.body).password, 'an error at password');

    const epoch = Number(sqlValue(`SELECT session_epoch FROM account WHERE id = ${r.id}`));
    const ok = await post(here, { action: 'password', current: PASSWORD, password: fresh, password2: fresh });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/portal/profile?saved=password');
    assert.ok(ok.cookie('wuye_r')?.value, 'this browser gets a new cookie');
    assert.equal(Number(sqlValue(`SELECT session_epoch FROM account WHERE id = ${r.id}`)), epoch + 1);
    assert.equal(auditCount('password_change', r.id), 1);

    const other = await fetchPage('/portal/home', { jar: elsewhere });
    assert.equal(other.status, 303, 'the other session is ended');
    assert.match(other.location, /\/portal\/login/);
    const still = await fetchPage('/portal/profile?saved=password', { jar: here });
    assert.equal(still.status, 200, 'this session continues');
    assert.ok(textOf(still.body).includes('已保存'));

    assert.equal((await login('resident', r.login, PASSWORD, { address })).ok, false, 'the old password is refused');
    assert.equal((await login('resident', r.login, fresh, { address })).ok, true, 'the new one is accepted');
});

test('five wrong current passwords hold the check back (429), counted with the account\'s sign-ins', async () => {
    const r = makeResident('profile-lock');
    cleanups.push(r.drop);
    cleanups.push(() => sql(`DELETE FROM login_attempt WHERE user_id = ${r.id}`));
    const address = uniqueAddress();
    const jar = await signIn('resident', r.login, PASSWORD, { address });
    // Attempts are kept to the second, and failures count from the account's last success on:
    // the guesses come a second after the sign-in.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = 'new-secret-2032';
    for (let i = 1; i <= 5; i++) {
        const res = await post(jar, { action: 'password', current: `guess-${i}`, password: fresh, password2: fresh },
            address);
        assert.equal(res.status, 422, `guess ${i}`);
    }
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE user_id = ${r.id} AND success = 0
        AND address = '${address}'`)), 5, 'each guess recorded as a failed attempt');
    const hash = sqlValue(`SELECT password_hash FROM account WHERE id = ${r.id}`);
    const held = await post(jar, { action: 'password', current: PASSWORD, password: fresh, password2: fresh }, address);
    assert.equal(held.status, 429, 'even the right password waits');
    assert.match(held.headers['retry-after'] || '', /^\d+$/);
    assert.equal(errorStatus(held.body), 429);
    assert.ok(textOf(held.body).includes('分钟'), 'the message says how many minutes');
    assert.equal(sqlValue(`SELECT password_hash FROM account WHERE id = ${r.id}`), hash, 'the password stays');
    const other = await login('resident', r.login, PASSWORD);
    assert.equal(other.res.status, 429, 'the account\'s sign-in, from another address, waits as well');
});

test('switching to the second unit: home and the ticket list follow; a unit not theirs is 404', async () => {
    const h = household();
    const tickets = insertTickets([
        { kind: 'repair', category: 'water_power', unit: h.units[0].code, created: '2026-11-01 10:00', status: 'accepted' },
        { kind: 'repair', category: 'water_power', unit: h.units[1].code, created: '2026-11-01 11:00', status: 'accepted' },
    ], 'profile');
    cleanups.push(tickets.drop);
    const jar = await signIn('resident', h.owner.login);
    let list = await fetchPage('/portal/tickets', { jar });
    assert.ok(list.body.includes(`data-ticket-id="${tickets.ids[0]}"`) && !list.body.includes(`data-ticket-id="${tickets.ids[1]}"`));

    const res = await post(jar, { action: 'switch', unit: h.units[1].id });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/portal/profile?saved=switch');
    assert.equal(Number(sqlValue(`SELECT current_unit_id FROM account WHERE id = ${h.owner.id}`)), h.units[1].id);
    assert.equal(auditCount('switch_unit', h.units[1].id), 1);
    const home = await fetchPage('/portal/home', { jar });
    assert.match(home.body, new RegExp(`data-unit="${h.units[1].code}"`));
    list = await fetchPage('/portal/tickets', { jar });
    assert.ok(list.body.includes(`data-ticket-id="${tickets.ids[1]}"`), 'the second unit\'s ticket');
    assert.ok(!list.body.includes(`data-ticket-id="${tickets.ids[0]}"`), 'not the first unit\'s');
    const profile = await fetchPage(res.location, { jar });
    assert.match(profile.body, new RegExp(`data-unit-code="${h.units[1].code}" data-current="1"`));

    const demoUnit = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101'`));
    const foreign = await post(jar, { action: 'switch', unit: demoUnit });
    assert.equal(foreign.status, 404);
    const family = await signIn('resident', h.family.login);
    const notHis = await post(family, { action: 'switch', unit: h.units[1].id });
    assert.equal(notHis.status, 404, 'a member of the first unit only');
    assert.equal(Number(sqlValue(`SELECT current_unit_id FROM account WHERE id = ${h.owner.id}`)), h.units[1].id);
});
