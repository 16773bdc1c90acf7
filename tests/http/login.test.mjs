// Logging in to the resident portal and the back office: the form, good and bad
// credentials, what the database records.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
    accountId, attr, CookieJar, csrfFrom, fetchPage, fieldErrors, forms, inputValue, login, makeResident, makeStaff,
    openLoginForm,
    PASSWORD, q, raw, RESIDENT, rowsFrom, signIn, sql, STAFF, staffId, textOf, uniqueAddress, uniqueSuffix,
} from './lib.mjs';

for (const [areaName, heading] of [['portal', '业主'], ['office', '员工']]) {
    test(`GET /${areaName}/login shows a Chinese login form bound to a pre-session cookie`, async () => {
        const jar = new CookieJar();
        const res = await raw({ path: `/${areaName}/login`, jar, address: uniqueAddress() });
        assert.equal(res.status, 200);
        assert.match(res.headers['content-type'], /^text\/html; charset=utf-8/i);
        assert.match(res.body, /<html lang="zh-CN">/);
        assert.ok(textOf(res.body).includes(heading), `the page names the ${heading} login`);
        const form = forms(res.body).find((f) => attr(f.attrs, 'action') === `/${areaName}/login`);
        assert.ok(form, `a form posting to /${areaName}/login`);
        assert.equal(attr(form.attrs, 'method'), 'post');
        assert.match(csrfFrom(res.body, `/${areaName}/login`), /^[A-Za-z0-9_-]{20,}$/);
        assert.match(form.inner, /<input\b[^>]*\bname="login"/);
        assert.match(form.inner, /<input\b[^>]*\bname="password"[^>]*type="password"|<input\b[^>]*type="password"[^>]*name="password"/);
        assert.ok(textOf(form.inner).includes('登录'), 'a 登录 button');
        const pre = res.cookie('wuye_pre');
        assert.ok(pre && pre.value, 'a wuye_pre cookie is set');
        assert.equal(pre.attrs.path, '/');
        assert.equal(pre.attrs.httponly, true);
        assert.match(String(pre.attrs.samesite), /^lax$/i);
    });
}

test('a resident logs in: 303 to /portal/home, a wuye_r cookie, a success row and an audit row', async () => {
    const address = uniqueAddress();
    const id = accountId(RESIDENT);
    const { res, jar } = await login('resident', RESIDENT, PASSWORD, { address });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(res.location, '/portal/home');
    const c = res.cookie('wuye_r');
    assert.ok(c && c.value, 'Set-Cookie wuye_r');
    assert.equal(c.attrs.path, '/portal');
    assert.equal(c.attrs.httponly, true);
    assert.match(String(c.attrs.samesite), /^lax$/i);
    assert.equal(c.attrs.secure, undefined, 'no Secure flag over plain HTTP');
    assert.equal(res.cookie('wuye_s'), undefined, 'no staff cookie');

    const rows = sql(`SELECT kind, login, success, user_id FROM login_attempt WHERE address = ${q(address)}`);
    assert.deepEqual(rows, [['resident', RESIDENT, '1', String(id)]]);
    const audit = sql(`SELECT actor_kind, actor_id, action FROM audit_log WHERE address = ${q(address)}`);
    assert.deepEqual(audit, [['resident', String(id), 'login']]);

    const home = await fetchPage(res.location, { jar });
    assert.equal(home.status, 200);
    assert.ok(textOf(home.body).includes('张伟'));
});

test('a staff member logs in: 303 to /office/home, a wuye_s cookie, a success row and an audit row', async () => {
    const address = uniqueAddress();
    const id = staffId(STAFF);
    const { res, jar } = await login('staff', STAFF, PASSWORD, { address });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(res.location, '/office/home');
    const c = res.cookie('wuye_s');
    assert.ok(c && c.value, 'Set-Cookie wuye_s');
    assert.equal(c.attrs.path, '/office');
    assert.equal(c.attrs.httponly, true);
    assert.match(String(c.attrs.samesite), /^lax$/i);
    assert.equal(res.cookie('wuye_r'), undefined, 'no resident cookie');

    const rows = sql(`SELECT kind, login, success, user_id FROM login_attempt WHERE address = ${q(address)}`);
    assert.deepEqual(rows, [['staff', STAFF, '1', String(id)]]);
    const audit = sql(`SELECT actor_kind, actor_id, action FROM audit_log WHERE address = ${q(address)}`);
    assert.deepEqual(audit, [['staff', String(id), 'login']]);

    const home = await fetchPage(res.location, { jar });
    assert.equal(home.status, 200);
    assert.ok(textOf(home.body).includes('王芳'));
});

test('a wrong password answers 422, keeps the login, says so at the password, and records a failure', async () => {
    const address = uniqueAddress();
    const wrong = `not-the-password-${uniqueSuffix()}`;
    const { res, jar } = await login('resident', RESIDENT, wrong, { address });
    assert.equal(res.status, 422);
    assert.equal(res.cookie('wuye_r'), undefined, 'no session');
    assert.equal(jar.get('wuye_r'), undefined);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.equal(inputValue(res.body, 'login'), RESIDENT, 'the login is kept');
    const errors = fieldErrors(res.body);
    assert.ok(errors.password, `a field error at the password: ${JSON.stringify(errors)}`);
    assert.match(errors.password, /[\u4e00-\u9fff]/, 'in Chinese');
    assert.ok(!res.body.includes(wrong), 'the password is not sent back');
    // The re-rendered form can be submitted again (fresh token, same pre-session).
    assert.ok(csrfFrom(res.body, '/portal/login'));

    const rows = sql(`SELECT kind, login, success, user_id FROM login_attempt WHERE address = ${q(address)}`);
    assert.deepEqual(rows, [['resident', RESIDENT, '0', String(accountId(RESIDENT))]]);
    assert.equal(rowsFrom(address).audits, 0, 'no audit row for a failure');

    // The right password afterwards works (and resets the login's failure count).
    const again = await raw({
        path: '/portal/login', jar, address,
        form: { csrf: csrfFrom(res.body, '/portal/login'), login: RESIDENT, password: PASSWORD },
    });
    assert.equal(again.status, 303);
    assert.equal(again.location, '/portal/home');
});

test('an unknown login gets the same answer as a wrong password (no account enumeration)', async () => {
    const address = uniqueAddress();
    const known = await login('resident', RESIDENT, `wrong-${uniqueSuffix()}`, { address });
    const unknownLogin = `139${String(Date.now()).slice(-8)}`;
    const unknown = await login('resident', unknownLogin, `wrong-${uniqueSuffix()}`, { address });
    assert.equal(unknown.res.status, 422);
    assert.equal(inputValue(unknown.res.body, 'login'), unknownLogin);
    assert.deepEqual(fieldErrors(unknown.res.body), fieldErrors(known.res.body));
    const rows = sql(`SELECT login, success, user_id FROM login_attempt WHERE address = ${q(address)} ORDER BY id`);
    assert.deepEqual(rows, [[RESIDENT, '0', String(accountId(RESIDENT))], [unknownLogin, '0', null]]);
    await signIn('resident', RESIDENT); // a success resets the login's failure count
});

test('a staff member with a wrong password gets 422 at /office/login and a staff failure row', async () => {
    const address = uniqueAddress();
    const { res } = await login('staff', STAFF, `wrong-${uniqueSuffix()}`, { address });
    assert.equal(res.status, 422);
    assert.equal(res.cookie('wuye_s'), undefined);
    assert.equal(inputValue(res.body, 'login'), STAFF);
    assert.ok(fieldErrors(res.body).password, 'a field error at the password');
    assert.match(res.body, /action="\/office\/login"/);
    const rows = sql(`SELECT kind, login, success, user_id FROM login_attempt WHERE address = ${q(address)}`);
    assert.deepEqual(rows, [['staff', STAFF, '0', String(staffId(STAFF))]]);
    await signIn('staff', STAFF);
});

test('resident credentials do not open the back office, nor staff credentials the portal', async () => {
    // Accounts of this test's own: the failures below would count against the login for
    // 15 minutes, and nothing in the other area ever resets them.
    const resident = makeResident('cross');
    const staff = makeStaff('cross');
    try {
        assert.ok((await signIn('resident', resident.login)).get('wuye_r'), 'the resident can log in to the portal');
        assert.ok((await signIn('staff', staff.login)).get('wuye_s'), 'the staff member can log in to the office');
        const a = await login('staff', resident.login, PASSWORD, { address: uniqueAddress() });
        assert.equal(a.res.status, 422);
        assert.equal(a.jar.get('wuye_s'), undefined);
        const b = await login('resident', staff.login, PASSWORD, { address: uniqueAddress() });
        assert.equal(b.res.status, 422);
        assert.equal(b.jar.get('wuye_r'), undefined);
    } finally {
        resident.drop();
        staff.drop();
    }
});

test('an empty login answers 422 with a field error at the login and records nothing', async () => {
    const address = uniqueAddress();
    const { res } = await login('resident', '', PASSWORD, { address });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).login, `a field error at the login: ${JSON.stringify(fieldErrors(res.body))}`);
    assert.match(res.body, /class="field-error" data-field="login"/);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

test('an empty password answers 422 with a field error at the password and records nothing', async () => {
    const address = uniqueAddress();
    const { res } = await login('staff', STAFF, '', { address });
    assert.equal(res.status, 422);
    assert.equal(inputValue(res.body, 'login'), STAFF);
    assert.ok(fieldErrors(res.body).password);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

test('a login longer than the form allows (101 characters) answers 422 at the login and records nothing', async () => {
    const address = uniqueAddress();
    const { res } = await login('resident', '1'.repeat(101), PASSWORD, { address });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(res.body).login);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

test('markup typed into the login is shown back escaped, never as markup', async () => {
    const address = uniqueAddress();
    const evil = `"><script>alert(1)</script>${uniqueSuffix()}`;
    const { res } = await login('resident', evil, `wrong-${uniqueSuffix()}`, { address });
    assert.equal(res.status, 422);
    assert.ok(!res.body.includes('<script>alert(1)</script>'), 'no raw <script> in the page');
    assert.equal(inputValue(res.body, 'login'), evil, 'the value round-trips as text');
});

test('/ sends the visitor to the resident login', async () => {
    const res = await fetchPage('/');
    assert.equal(res.status, 302);
    assert.equal(res.location, '/portal/login');
});

test('an address that only opened the form left nothing in the database', async () => {
    const { address } = await openLoginForm('resident');
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});
