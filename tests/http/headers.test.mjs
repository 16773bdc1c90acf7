// Security headers on every response: pages, redirects, errors (the app's and nginx's),
// static files.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fetchPage, openLoginForm, raw, RESIDENT, signIn, STAFF } from './lib.mjs';

function assertSecurityHeaders(res, what) {
    const h = res.headers;
    const csp = h['content-security-policy'] || '';
    assert.ok(csp, `${what} (${res.status}): a Content-Security-Policy header`);
    assert.match(csp, /(^|;)\s*script-src 'self'\s*(;|$)/, `${what}: script-src 'self' in ${csp}`);
    assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, `${what}: frame-ancestors 'none' in ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: nothing unsafe in ${csp}`);
    assert.equal(h['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
    assert.equal(h['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
    assert.ok(h['referrer-policy'], `${what}: a Referrer-Policy header`);
    assert.match(h['referrer-policy'], /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
        `${what}: Referrer-Policy ${h['referrer-policy']}`);
}

test('pages carry the security headers', async () => {
    assertSecurityHeaders(await fetchPage('/portal/login'), 'GET /portal/login');
    assertSecurityHeaders(await fetchPage('/office/login'), 'GET /office/login');
    const r = await signIn('resident', RESIDENT);
    assertSecurityHeaders(await fetchPage('/portal/home', { jar: r }), 'GET /portal/home');
    const s = await signIn('staff', STAFF);
    assertSecurityHeaders(await fetchPage('/office/home', { jar: s }), 'GET /office/home');
});

test('pages with personal data are not kept by caches', async () => {
    const r = await signIn('resident', RESIDENT);
    const res = await fetchPage('/portal/home', { jar: r });
    assert.match(res.headers['cache-control'] || '', /no-store/);
});

test('redirects carry the security headers', async () => {
    assertSecurityHeaders(await fetchPage('/portal/home'), '303 /portal/home');
    assertSecurityHeaders(await fetchPage('/office/home'), '303 /office/home');
    const form = await openLoginForm('resident');
    const res = await raw({ path: '/portal/login', jar: form.jar, address: form.address,
        form: { csrf: form.csrf, login: RESIDENT, password: 'wuye-demo-1' } });
    assert.equal(res.status, 303);
    assertSecurityHeaders(res, '303 after login');
});

test('the app\'s error answers carry the security headers', async () => {
    const form = await openLoginForm('resident');
    const bad = await raw({ path: '/portal/login', jar: form.jar, address: form.address, form: { login: 'x', password: 'y' } });
    assert.equal(bad.status, 403);
    assertSecurityHeaders(bad, '403 without token');
    const put = await raw({ method: 'PUT', path: '/portal/login', address: form.address });
    assert.equal(put.status, 405);
    assertSecurityHeaders(put, '405 PUT');
    const q = await fetchPage('/portal/login?bye=%zz');
    assert.equal(q.status, 400);
    assertSecurityHeaders(q, '400 bad query');
    const empty = await raw({ path: '/portal/login', jar: form.jar, address: form.address,
        form: { csrf: form.csrf, login: '', password: 'x' } });
    assert.equal(empty.status, 422);
    assertSecurityHeaders(empty, '422 empty login');
    const big = await raw({ path: '/portal/login', jar: form.jar, address: form.address,
        form: { csrf: form.csrf, login: 'x', password: 'y', pad: 'x'.repeat(9000) } });
    assert.equal(big.status, 413);
    assertSecurityHeaders(big, '413 over the page\'s cap');
});

// Answers that nginx makes itself, without a page program.
const nginxAnswers = [
    ['404 for an unknown page', 404, () => fetchPage('/portal/nope')],
    ['404 outside the areas', 404, () => fetchPage('/nope')],
    ['413 for a body over 16 MiB', 413, () => raw({
        path: '/portal/login', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'x'.repeat(1000), contentLength: 16 * 1024 * 1024 + 1,
    })],
    ['302 from /', 302, () => fetchPage('/')],
    ['302 from /portal', 302, () => fetchPage('/portal')],
    ['200 for the style sheet', 200, () => fetchPage('/static/css/wuye.css')],
];
for (const [what, status, request] of nginxAnswers) {
    test(`nginx's own answers carry the security headers: ${what}`, async () => {
        const res = await request();
        assert.equal(res.status, status);
        assertSecurityHeaders(res, what);
    });
}

test('the style sheet is served as CSS with nosniff', async () => {
    const css = await fetchPage('/static/css/wuye.css');
    assert.equal(css.status, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
    assert.equal(css.headers['x-content-type-options'], 'nosniff');
});

test('the server does not announce its version', async () => {
    const res = await fetchPage('/portal/login');
    assert.doesNotMatch(res.headers.server || '', /\d/, `Server: ${res.headers.server}`);
    assert.equal(res.headers['x-powered-by'], undefined);
});
