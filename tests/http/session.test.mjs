// Sessions: pages that need a login, cookies that must not work, and logging out.
// The logout tests end every session of their account, so they use accounts no other
// HTTP test file signs in with: resident 13800000002 (李娜) and staff "supervisor".
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
    accountId, csrfFrom, errorStatus, fetchPage, q, raw, RESIDENT, RESIDENT2, rowsFrom, signIn, sql,
    sqlValue, STAFF, staffId, textOf, uniqueAddress,
} from './lib.mjs';

const LOGOUT_STAFF = 'supervisor';

// A request with exactly this Cookie header (no jar).
function withCookie(path, cookie) {
    return fetchPage(path, { headers: { Cookie: cookie } });
}

test('without a session, the home pages send the visitor to their login page', async () => {
    const r = await fetchPage('/portal/home');
    assert.equal(r.status, 303);
    assert.equal(r.location, '/portal/login');
    const s = await fetchPage('/office/home');
    assert.equal(s.status, 303);
    assert.equal(s.location, '/office/login');
});

test('a resident session is never accepted by the back office', async () => {
    const jar = await signIn('resident', RESIDENT);
    const value = jar.get('wuye_r');
    // The jar sends wuye_r only under /portal, as a browser would.
    const viaJar = await fetchPage('/office/home', { jar });
    assert.equal(viaJar.status, 303);
    assert.equal(viaJar.location, '/office/login');
    // Sent anyway, under its own name.
    const sameName = await withCookie('/office/home', `wuye_r=${value}`);
    assert.equal(sameName.status, 303);
    assert.equal(sameName.location, '/office/login');
    // Copied into the staff cookie's name: the kind is inside the signed value.
    const copied = await withCookie('/office/home', `wuye_s=${value}`);
    assert.equal(copied.status, 303);
    assert.equal(copied.location, '/office/login');
    // And the resident cookie itself still works where it belongs.
    assert.equal((await withCookie('/portal/home', `wuye_r=${value}`)).status, 200);
});

test('a staff session is never accepted by the resident portal', async () => {
    const jar = await signIn('staff', STAFF);
    const value = jar.get('wuye_s');
    const copied = await withCookie('/portal/home', `wuye_r=${value}`);
    assert.equal(copied.status, 303);
    assert.equal(copied.location, '/portal/login');
    const sameName = await withCookie('/portal/home', `wuye_s=${value}`);
    assert.equal(sameName.status, 303);
    assert.equal((await withCookie('/office/home', `wuye_s=${value}`)).status, 200);
});

// A base64url character that differs from c in its top bits, so the decoded bytes change.
function otherChar(c) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const i = alphabet.indexOf(c);
    return alphabet[(i < 0 ? 0 : i + 32) % 64];
}

function flipLowBit(c) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    return alphabet[alphabet.indexOf(c) ^ 1];
}

for (const [kind, areaName, cookieName, user] of [
    ['resident', 'portal', 'wuye_r', RESIDENT],
    ['staff', 'office', 'wuye_s', STAFF],
]) {
    test(`a tampered ${cookieName} cookie is treated as logged out, never an error`, async () => {
        const jar = await signIn(kind, user);
        const value = jar.get(cookieName);
        assert.equal((await withCookie(`/${areaName}/home`, `${cookieName}=${value}`)).status, 200);

        const dot = value.lastIndexOf('.');
        assert.ok(dot > 0, `the cookie value has a signature part: ${value}`);
        const variants = {};
        // One character of the signature (its first, so every bit of it counts).
        variants.signature = value.slice(0, dot + 1) + otherChar(value[dot + 1]) + value.slice(dot + 2);
        // The last character of the signature.
        variants.signatureEnd = value.slice(0, -1) + otherChar(value[value.length - 1]);
        // Only the unused low bits of the last character: a second spelling of the same MAC.
        variants.signaturePadding = value.slice(0, -1) + flipLowBit(value[value.length - 1]);
        // The user id (the third dot-separated part when the value is readable text);
        // otherwise one character of the text before the signature.
        const parts = value.slice(0, dot).split('.');
        if (parts.length >= 3 && /^\d+$/.test(parts[2])) {
            parts[2] = String(Number(parts[2]) + 1);
            variants.userId = `${parts.join('.')}${value.slice(dot)}`;
        } else {
            variants.text = otherChar(value[0]) + value.slice(1);
        }
        variants.truncated = value.slice(0, dot);
        variants.garbage = 'x'.repeat(40);
        variants.empty = '';
        for (const [what, bad] of Object.entries(variants)) {
            const res = await withCookie(`/${areaName}/home`, `${cookieName}=${bad}`);
            assert.equal(res.status, 303, `${what}: ${res.status} ${res.body.slice(0, 300)}`);
            assert.equal(res.location, `/${areaName}/login`, what);
        }
    });
}

// Here, not in home.test.mjs: this file's logout tests end 李娜's sessions, and the tests
// of one file run one after another.
test('/portal/home of another household shows that household only', async () => {
    const jar = await signIn('resident', RESIDENT2);
    const res = await fetchPage('/portal/home', { jar });
    assert.equal(res.status, 200);
    const text = textOf(res.body);
    assert.ok(text.includes('李娜'));
    assert.match(res.body, /data-unit="1-1-102"/);
    assert.ok(!text.includes('张伟') && !text.includes('张小雨') && !res.body.includes('1-1-101'),
        'nothing of 张伟\'s household');
});

test('logout: 303 to the login page with 您已安全退出, the cookie cleared, every session ended', async () => {
    const address = uniqueAddress();
    const id = accountId(RESIDENT2);
    const epoch = Number(sqlValue(`SELECT session_epoch FROM account WHERE id = ${id}`));
    const other = await signIn('resident', RESIDENT2); // a second session (another phone)
    const jar = await signIn('resident', RESIDENT2);
    const old = jar.get('wuye_r');
    const home = await fetchPage('/portal/home', { jar });
    assert.equal(home.status, 200);
    const csrf = csrfFrom(home.body, '/portal/logout');

    const res = await raw({ path: '/portal/logout', jar, address, form: { csrf } });
    assert.equal(res.status, 303, res.body.slice(0, 500));
    assert.equal(res.location, '/portal/login?bye=1');
    const cleared = res.cookie('wuye_r');
    assert.ok(cleared, 'Set-Cookie wuye_r clears the cookie');
    assert.equal(cleared.value, '');
    assert.equal(cleared.attrs.path, '/portal');
    assert.ok(cleared.attrs['max-age'] === '0' || /1970/.test(String(cleared.attrs.expires)),
        `the cookie expires now: ${cleared.raw}`);
    assert.equal(jar.get('wuye_r'), undefined);

    const bye = await fetchPage(res.location, { jar });
    assert.equal(bye.status, 200);
    assert.ok(textOf(bye.body).includes('您已安全退出'));

    // The old cookie, replayed, no longer works; nor does the other session.
    const replay = await withCookie('/portal/home', `wuye_r=${old}`);
    assert.equal(replay.status, 303);
    assert.equal(replay.location, '/portal/login');
    const second = await fetchPage('/portal/home', { jar: other });
    assert.equal(second.status, 303);
    assert.equal(second.location, '/portal/login');

    assert.ok(Number(sqlValue(`SELECT session_epoch FROM account WHERE id = ${id}`)) > epoch, 'the epoch moved');
    const audit = sql(`SELECT actor_kind, actor_id, action FROM audit_log WHERE address = ${q(address)}`);
    assert.deepEqual(audit, [['resident', String(id), 'logout']]);

    // Logging in again works.
    const again = await signIn('resident', RESIDENT2);
    assert.equal((await fetchPage('/portal/home', { jar: again })).status, 200);
});

test('staff logout: 303 to /office/login?bye=1, the old cookie no longer works', async () => {
    const address = uniqueAddress();
    const jar = await signIn('staff', LOGOUT_STAFF);
    const old = jar.get('wuye_s');
    const home = await fetchPage('/office/home', { jar });
    assert.equal(home.status, 200);
    assert.ok(textOf(home.body).includes('刘洋'));
    assert.ok(textOf(home.body).includes('客服主管'));
    const res = await raw({ path: '/office/logout', jar, address, form: { csrf: csrfFrom(home.body, '/office/logout') } });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/office/login?bye=1');
    assert.equal(res.cookie('wuye_s')?.value, '');
    const bye = await fetchPage(res.location);
    assert.ok(textOf(bye.body).includes('您已安全退出'));
    const replay = await withCookie('/office/home', `wuye_s=${old}`);
    assert.equal(replay.status, 303);
    assert.equal(replay.location, '/office/login');
    const audit = sql(`SELECT actor_kind, actor_id, action FROM audit_log WHERE address = ${q(address)}`);
    assert.deepEqual(audit, [['staff', String(staffId(LOGOUT_STAFF)), 'logout']]);
});

test('GET /portal/logout answers 405 and logs nobody out', async () => {
    const jar = await signIn('resident', RESIDENT2);
    const address = uniqueAddress();
    const res = await raw({ path: '/portal/logout', jar, address });
    assert.equal(res.status, 405);
    assert.equal(errorStatus(res.body), 405);
    assert.equal((await fetchPage('/portal/home', { jar })).status, 200, 'still signed in');
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
    const staff = await raw({ path: '/office/logout', address });
    assert.equal(staff.status, 405);
});

test('a logout without its token answers 403 and the session goes on', async () => {
    const jar = await signIn('resident', RESIDENT2);
    const address = uniqueAddress();
    const none = await raw({ path: '/portal/logout', jar, address, form: {} });
    assert.equal(none.status, 403);
    assert.equal(errorStatus(none.body), 403);
    const wrong = await raw({ path: '/portal/logout', jar, address, form: { csrf: 'A'.repeat(43) } });
    assert.equal(wrong.status, 403);
    assert.equal((await fetchPage('/portal/home', { jar })).status, 200, 'still signed in');
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});
