// What keeps the service standing: sessions end the moment an account is disabled or its
// epoch moves, a dropped database connection is reopened, an unreachable database is a
// 503 page, and a crashed page process is replaced by its supervisor. deploy/test runs
// the files one at a time, so dropping every connection cannot cut into another file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { env, errorStatus, fetchPage, login, makeResident, runCgi, signIn, sql, textOf } from './lib.mjs';

test('disabling an account ends its open session at once, and its password no longer signs in', async () => {
    const who = makeResident('disable');
    try {
        const jar = await signIn('resident', who.login);
        assert.equal((await fetchPage('/portal/home', { jar })).status, 200);
        sql(`UPDATE account SET disabled = 1 WHERE id = ${who.id}`);
        const after = await fetchPage('/portal/home', { jar });
        assert.equal(after.status, 303, 'the open session is over');
        assert.equal(after.headers.location, '/portal/login');
        const again = await login('resident', who.login, 'wuye-demo-1');
        assert.equal(again.ok, false);
        assert.equal(again.res.status, 403);
        assert.match(textOf(again.res.body), /该账户已停用/);
    } finally {
        who.drop();
    }
});

test('a new session epoch (as a password change sets) voids every older cookie of the account', async () => {
    const who = makeResident('epoch');
    try {
        const phone = await signIn('resident', who.login);
        const laptop = await signIn('resident', who.login);
        sql(`UPDATE account SET session_epoch = session_epoch + 1 WHERE id = ${who.id}`);
        for (const jar of [phone, laptop]) assert.equal((await fetchPage('/portal/home', { jar })).status, 303);
        const fresh = await signIn('resident', who.login);
        assert.equal((await fetchPage('/portal/home', { jar: fresh })).status, 200, 'a new login works');
    } finally {
        who.drop();
    }
});

test('when the database drops the page processes\' connections, the next requests reconnect and succeed', async () => {
    const who = makeResident('reconnect');
    try {
        const jar = await signIn('resident', who.login);
        const ids = sql(`SELECT id FROM information_schema.processlist
                         WHERE user = '${env.WUYE_DB_USER}' AND id <> CONNECTION_ID()`).map((row) => row[0]);
        assert.ok(ids.length > 0, 'the page processes hold connections');
        for (const id of ids) {
            try {
                sql(`KILL CONNECTION ${Number(id)}`);
            } catch {
                // it may have ended on its own meanwhile
            }
        }
        // Every process of the page must recover: ask more times than there are processes.
        for (let i = 0; i < 6; i++) {
            const page = await fetchPage('/portal/home', { jar });
            assert.equal(page.status, 200, `request ${i + 1} after the connections were killed`);
        }
    } finally {
        who.drop();
    }
});

test('with the database unreachable a signed-in page answers a Chinese 503 page, not a crash', async () => {
    const who = makeResident('nodb');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-nodb-'));
    try {
        const jar = await signIn('resident', who.login);
        const conf = readFileSync(path.join(env.WUYE_STATE, 'wuye.conf'), 'utf8')
            .replace(/^db_socket=.*$/m, `db_socket=${path.join(dir, 'no-such.sock')}`);
        const file = path.join(dir, 'wuye.conf');
        writeFileSync(file, conf);
        chmodSync(file, 0o600);
        const home = runCgi('portal/home', {
            REQUEST_METHOD: 'GET', DOCUMENT_URI: '/portal/home', WUYE_CONFIG: file,
            HTTP_COOKIE: jar.header('/portal/home'),
        });
        assert.equal(home.status, 0, 'the program exits normally');
        assert.match(home.head, /^Status: 503 /);
        assert.equal(errorStatus(home.body), 503);
        assert.match(textOf(home.body), /数据库/);
    } finally {
        rmSync(dir, { recursive: true, force: true });
        who.drop();
    }
});

// The page processes of one page: children of its multiwatch, running the built program.
function pageProcesses(page) {
    const program = path.join(env.WUYE_STATE, 'build', 'cgi-bin', page);
    try {
        return execFileSync('pgrep', ['-f', '-x', program], { encoding: 'utf8' }).split('\n').filter(Boolean)
            .map(Number);
    } catch {
        return [];
    }
}

test('a crashed page process is replaced by its supervisor and the page keeps answering', async () => {
    const before = pageProcesses('portal/home');
    assert.ok(before.length >= 1, 'portal/home runs');
    process.kill(before[0], 'SIGKILL');
    let now = [];
    for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        now = pageProcesses('portal/home');
        if (now.length === before.length && !now.includes(before[0])) break;
    }
    assert.ok(!now.includes(before[0]), 'the killed process is gone');
    assert.equal(now.length, before.length, 'as many processes as before');
    for (let i = 0; i < 4; i++) assert.equal((await fetchPage('/portal/home')).status, 303);
});
