// The page programs run as plain CGI too: the built binary, run from a shell with the CGI
// variables, prints a CGI response on stdout.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { runCgi } from './lib.mjs';

test('portal/login run as plain CGI prints Status: 200, the headers and the login form', () => {
    const r = runCgi('portal/login', { REQUEST_METHOD: 'GET', DOCUMENT_URI: '/portal/login' });
    assert.equal(r.status, 0, `exit status 0 (stderr: ${r.stderr})`);
    assert.match(r.head, /^Status: 200 OK\r?$/m);
    assert.ok(r.head.startsWith('Status: 200 OK'), 'the status line comes first');
    assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
    assert.match(r.headers['content-security-policy'], /script-src 'self'/);
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.match(r.headers['set-cookie'] || '', /^wuye_pre=[^;]+; Path=\/;/m);
    if (r.headers['content-length']) assert.equal(Number(r.headers['content-length']), Buffer.byteLength(r.body));
    assert.match(r.body, /<html lang="zh-CN">/);
    assert.match(r.body, /<form method="post" action="\/portal\/login"/);
    assert.match(r.body, /name="csrf" value="[A-Za-z0-9_-]{20,}"/);
    assert.match(r.body, /name="login"/);
    assert.match(r.body, /name="password"/);
});

test('office/login run as plain CGI prints the staff form', () => {
    const r = runCgi('office/login', { REQUEST_METHOD: 'GET', DOCUMENT_URI: '/office/login' });
    assert.match(r.head, /^Status: 200 OK/);
    assert.match(r.body, /action="\/office\/login"/);
});

test('a plain CGI request for another page\'s address answers Status: 404', () => {
    const r = runCgi('portal/login', { REQUEST_METHOD: 'GET', DOCUMENT_URI: '/portal/other' });
    assert.equal(r.status, 0, `exit status 0 (stderr: ${r.stderr})`);
    assert.match(r.head, /^Status: 404\b/);
    assert.match(r.body, /data-status="404"/);
    assert.match(r.body, /<html lang="zh-CN">/);
});

test('plain CGI: /portal/home without a cookie answers Status: 303 to the login', () => {
    const r = runCgi('portal/home', { REQUEST_METHOD: 'GET', DOCUMENT_URI: '/portal/home' });
    assert.match(r.head, /^Status: 303\b/);
    assert.equal(r.headers.location, '/portal/login');
});

test('plain CGI: a PUT answers Status: 405', () => {
    const r = runCgi('portal/login', { REQUEST_METHOD: 'PUT', DOCUMENT_URI: '/portal/login' });
    assert.match(r.head, /^Status: 405\b/);
});

test('plain CGI: a POST without a token answers Status: 403 (the body is read from stdin)', () => {
    const body = 'login=13800000001&password=wuye-demo-1';
    const r = runCgi('portal/login', {
        REQUEST_METHOD: 'POST', DOCUMENT_URI: '/portal/login', REMOTE_ADDR: '127.254.254.254',
        CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(body.length),
    }, body);
    assert.match(r.head, /^Status: 403\b/);
    assert.doesNotMatch(r.head, /wuye_r=/);
});
