// Form tokens and the Origin check: a POST without a valid token, or from another site,
// answers 403 and changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
    BASE, errorStatus, openLoginForm, PASSWORD, raw, RESIDENT, rowsFrom, STAFF, textOf,
} from './lib.mjs';

// Asserts a refused login POST: 403, a Chinese error page, no session, nothing written.
function assertRefused(res, address, cookieName = 'wuye_r') {
    assert.equal(res.status, 403, res.body.slice(0, 500));
    assert.equal(res.cookie(cookieName), undefined, 'no session cookie');
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.equal(errorStatus(res.body), 403, 'data-status="403"');
    assert.match(textOf(res.body), /[\u4e00-\u9fff]/);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 }, 'nothing written');
}

test('a login POST without the csrf field answers 403 and logs nobody in', async () => {
    const { jar, address } = await openLoginForm('resident');
    const res = await raw({ path: '/portal/login', jar, address, form: { login: RESIDENT, password: PASSWORD } });
    assertRefused(res, address);
});

test('a login POST with a wrong csrf token answers 403', async () => {
    const { jar, address, csrf } = await openLoginForm('resident');
    const flipped = (csrf[0] === 'A' ? 'B' : 'A') + csrf.slice(1);
    for (const bad of [flipped, '', 'x', `${csrf}A`, csrf.slice(0, -1)]) {
        const res = await raw({ path: '/portal/login', jar, address, form: { csrf: bad, login: RESIDENT, password: PASSWORD } });
        assertRefused(res, address);
    }
});

test('a login POST whose token belongs to another pre-session cookie answers 403', async () => {
    const mine = await openLoginForm('resident');
    const theirs = await openLoginForm('resident', { address: mine.address });
    assert.notEqual(mine.jar.get('wuye_pre'), theirs.jar.get('wuye_pre'));
    const res = await raw({
        path: '/portal/login', jar: mine.jar, address: mine.address,
        form: { csrf: theirs.csrf, login: RESIDENT, password: PASSWORD },
    });
    assertRefused(res, mine.address);
});

test('a login POST with the token but without the wuye_pre cookie answers 403', async () => {
    const { csrf, address } = await openLoginForm('staff');
    const res = await raw({ path: '/office/login', address, form: { csrf, login: STAFF, password: PASSWORD } });
    assertRefused(res, address, 'wuye_s');
});

test('a login POST with an Origin header of another site answers 403, even with a good token', async () => {
    const { jar, csrf, address } = await openLoginForm('resident');
    for (const origin of ['http://evil.example', 'https://127.0.0.1.evil.example', 'null', `${BASE}.evil.example`]) {
        const res = await raw({
            path: '/portal/login', jar, address, headers: { Origin: origin },
            form: { csrf, login: RESIDENT, password: PASSWORD },
        });
        assertRefused(res, address);
    }
});

test('a login POST with this site\'s own Origin header is accepted', async () => {
    const { jar, csrf, address } = await openLoginForm('resident');
    const res = await raw({
        path: '/portal/login', jar, address, headers: { Origin: BASE },
        form: { csrf, login: RESIDENT, password: PASSWORD },
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/portal/home');
    assert.ok(jar.get('wuye_r'));
});

test('a staff login POST from another site answers 403', async () => {
    const { jar, csrf, address } = await openLoginForm('staff');
    const res = await raw({
        path: '/office/login', jar, address, headers: { Origin: 'http://evil.example' },
        form: { csrf, login: STAFF, password: PASSWORD },
    });
    assertRefused(res, address, 'wuye_s');
});
