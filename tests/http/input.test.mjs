// Bad requests: sizes, encodings, content types, methods, unknown pages. Each answers
// its status with a Chinese error page and writes nothing (no login attempt, no audit row).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
    errorStatus, fetchPage, fieldErrors, openLoginForm, PASSWORD, raw, RESIDENT, rowsFrom, STAFF, textOf,
} from './lib.mjs';

// A Chinese error page for `status` (data-status on its error section).
function assertErrorPage(res, status) {
    assert.equal(res.status, status, res.body.slice(0, 500));
    assert.match(res.headers['content-type'] || '', /^text\/html/i);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.equal(errorStatus(res.body), status, `data-status="${status}" on the error section`);
    assert.match(textOf(res.body), /[\u4e00-\u9fff]{2}/, 'a Chinese message');
}

// A urlencoded body with a valid token and pre-session cookie, the rest raw.
async function loginPost(kind, bodyAfterToken, extra = {}) {
    const form = await openLoginForm(kind);
    const areaName = kind === 'resident' ? 'portal' : 'office';
    const res = await raw({
        path: `/${areaName}/login`, jar: form.jar, address: form.address,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(extra.headers || {}) },
        body: `csrf=${encodeURIComponent(form.csrf)}&${bodyAfterToken}`,
        ...(extra.raw || {}),
    });
    return { res, ...form };
}

test('a login POST over 8192 bytes answers 413 and logs nobody in', async () => {
    const { res, address } = await loginPost('resident',
        `login=${RESIDENT}&password=${PASSWORD}&pad=${'x'.repeat(9000)}`);
    assertErrorPage(res, 413);
    assert.equal(res.cookie('wuye_r'), undefined);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

test('a login POST just under the cap is read normally', async () => {
    const head = `login=${RESIDENT}&password=${PASSWORD}&pad=`;
    const form = await openLoginForm('resident');
    const prefix = `csrf=${encodeURIComponent(form.csrf)}&${head}`;
    const body = prefix + 'x'.repeat(8000 - prefix.length);
    const res = await raw({
        path: '/portal/login', jar: form.jar, address: form.address,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body,
    });
    assert.equal(res.status, 303, res.body.slice(0, 300));
});

test('any POST over 16 MiB answers 413 before the page program sees it', async () => {
    for (const path of ['/portal/login', '/office/login', '/portal/home']) {
        const form = await openLoginForm('resident');
        const res = await raw({
            path, jar: form.jar, address: form.address,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `csrf=${form.csrf}&login=${RESIDENT}&password=${PASSWORD}&pad=${'x'.repeat(60000)}`,
            contentLength: 16 * 1024 * 1024 + 1,
        });
        assertErrorPage(res, 413);
        assert.equal(res.cookie('wuye_r'), undefined);
        assert.deepEqual(rowsFrom(form.address), { attempts: 0, audits: 0 }, path);
    }
});

test('malformed percent-encoding in the body answers 400 and writes nothing', async () => {
    for (const body of [`login=%zz&password=${PASSWORD}`, `login=${RESIDENT}&password=%4`, 'login=%&password=x']) {
        const { res, address } = await loginPost('resident', body);
        assertErrorPage(res, 400);
        assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 }, body);
    }
});

test('malformed percent-encoding in the query answers 400', async () => {
    const res = await fetchPage('/portal/login?bye=%zz');
    assertErrorPage(res, 400);
});

test('a POST with Content-Type text/plain answers 415 and writes nothing', async () => {
    const { res, address } = await loginPost('resident', `login=${RESIDENT}&password=${PASSWORD}`,
        { headers: { 'Content-Type': 'text/plain' } });
    assertErrorPage(res, 415);
    assert.equal(res.cookie('wuye_r'), undefined);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

test('a POST with a JSON body answers 415 and writes nothing', async () => {
    const form = await openLoginForm('staff');
    const res = await raw({
        path: '/office/login', jar: form.jar, address: form.address,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csrf: form.csrf, login: STAFF, password: PASSWORD }),
    });
    assertErrorPage(res, 415);
    assert.deepEqual(rowsFrom(form.address), { attempts: 0, audits: 0 });
});

test('invalid UTF-8 in the login answers 422 at the login field and writes nothing', async () => {
    for (const bad of ['%C0%AF', '%FF', '%E4%BD', 'ab%ED%A0%80cd']) {
        const { res, address } = await loginPost('resident', `login=${bad}&password=${PASSWORD}`);
        assert.equal(res.status, 422, `${bad}: ${res.body.slice(0, 300)}`);
        assert.ok(fieldErrors(res.body).login, `${bad}: a field error at the login`);
        assert.match(res.body, /class="field-error" data-field="login"/);
        assert.match(res.body, /<html lang="zh-CN">/);
        assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 }, bad);
    }
});

test('a control character in the login answers 422 at the login field and writes nothing', async () => {
    for (const bad of [`${RESIDENT}%0A`, '%1B[31m', 'ab%7Fcd']) {
        const { res, address } = await loginPost('resident', `login=${bad}&password=${PASSWORD}`);
        assert.equal(res.status, 422, bad);
        assert.ok(fieldErrors(res.body).login, `${bad}: a field error at the login`);
        assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 }, bad);
    }
});

test('a NUL byte in the login is refused (400 or 422) and writes nothing', async () => {
    const { res, address } = await loginPost('resident', `login=1380%000000001&password=${PASSWORD}`);
    assert.ok([400, 422].includes(res.status), `got ${res.status}`);
    assert.equal(res.cookie('wuye_r'), undefined);
    assert.deepEqual(rowsFrom(address), { attempts: 0, audits: 0 });
});

for (const method of ['PUT', 'DELETE', 'PATCH']) {
    test(`${method} answers 405 and writes nothing`, async () => {
        for (const path of ['/portal/login', '/office/login', '/portal/home', '/portal/logout']) {
            const form = await openLoginForm('resident');
            const res = await raw({
                method, path, jar: form.jar, address: form.address,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: `csrf=${form.csrf}&login=${RESIDENT}&password=${PASSWORD}`,
            });
            assertErrorPage(res, 405);
            assert.ok(res.headers.allow, `${method} ${path}: an Allow header`);
            assert.deepEqual(rowsFrom(form.address), { attempts: 0, audits: 0 }, `${method} ${path}`);
        }
    });
}

test('an unknown page answers 404 with a Chinese page', async () => {
    for (const path of ['/portal/nope', '/office/nope', '/portal/home/x', '/nope', '/portal/HOME']) {
        const res = await fetchPage(path);
        assert.equal(res.status, 404, path);
        assert.match(res.body, /<html lang="zh-CN">/, path);
        assert.equal(errorStatus(res.body), 404, `${path}: data-status="404"`);
    }
});
