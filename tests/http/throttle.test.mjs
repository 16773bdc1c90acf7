// Login throttling: 5 failures for one login, or from one address, within 15 minutes
// stop further attempts with 429 and Retry-After. Every address here is fresh, and the
// login that gets locked belongs to an account made for this test alone, so neither the
// demo logins nor 127.0.0.1 are ever locked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
    errorStatus, login, makeResident, PASSWORD, q, RESIDENT, rowsFrom, signIn, sql, sqlValue, textOf, uniqueAddress,
    uniqueSuffix,
} from './lib.mjs';

const MAX_FAILURES = 5;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const WINDOW_SECONDS = 15 * 60;

function assertThrottled(res, cookieName = 'wuye_r') {
    assert.equal(res.status, 429, res.body.slice(0, 500));
    const retry = res.headers['retry-after'];
    assert.match(retry || '', /^\d+$/, `Retry-After is a number of seconds: ${retry}`);
    assert.ok(Number(retry) > 0 && Number(retry) <= WINDOW_SECONDS, `Retry-After ${retry} within the window`);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.equal(errorStatus(res.body), 429);
    assert.ok(textOf(res.body).includes('分钟'), 'the message says how many minutes');
    assert.equal(res.cookie(cookieName), undefined, 'no session');
}

// A resident account of its own, with the demo password.
let throwaway;
before(() => {
    throwaway = makeResident('throttle');
});
after(() => throwaway?.drop());

test('the throwaway account logs in with its e-mail (the login is phone or e-mail)', async () => {
    // Proves the account works, so the 429 below is the lock and not a bad account.
    const jar = await signIn('resident', throwaway.login);
    assert.ok(jar.get('wuye_r'));
});

test('5 failures for one login, from 5 addresses, lock that login: even the right password gets 429', async () => {
    // Failures count from the login's last success (to the second): start a second later.
    await sleep(1100);
    for (let i = 0; i < MAX_FAILURES; i++) {
        const { res } = await login('resident', throwaway.login, `wrong-${i}`, { address: uniqueAddress() });
        assert.equal(res.status, 422, `failure ${i + 1}`);
    }
    const failures = Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE kind = 'resident' AND login = ${q(throwaway.login)}
        AND success = 0 AND user_id = ${throwaway.id}`));
    assert.equal(failures, MAX_FAILURES, 'each failure is a row');

    const address = uniqueAddress();
    const { res } = await login('resident', throwaway.login, PASSWORD, { address });
    assertThrottled(res);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE login = ${q(throwaway.login)} AND success = 1
        AND address = ${q(address)}`)), 0, 'no success recorded');
    assert.equal(rowsFrom(address).audits, 0);

    // Other logins are not affected: the demo resident still logs in from a fresh address.
    assert.ok((await signIn('resident', RESIDENT)).get('wuye_r'));
});

test('5 failures from one address lock that address for every login, others go on', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES; i++) {
        const { res } = await login('resident', `nobody-${uniqueSuffix()}@example.test`, 'wrong', { address });
        assert.equal(res.status, 422, `failure ${i + 1}`);
    }
    const rows = sql(`SELECT kind, success, user_id FROM login_attempt WHERE address = ${q(address)}`);
    assert.equal(rows.length, MAX_FAILURES);
    assert.ok(rows.every((r) => r[0] === 'resident' && r[1] === '0' && r[2] === null), JSON.stringify(rows));

    // The sixth try from there, with a good login and password: 429, and no session.
    const sixth = await login('resident', RESIDENT, PASSWORD, { address });
    assertThrottled(sixth.res);
    // Staff logins from that address are held back too (the count is per address).
    const staff = await login('staff', 'frontdesk', PASSWORD, { address });
    assertThrottled(staff.res, 'wuye_s');
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE address = ${q(address)} AND success = 1`)), 0);
    assert.equal(rowsFrom(address).audits, 0);

    // Another address is not held back.
    assert.ok((await signIn('resident', RESIDENT, PASSWORD, { address: uniqueAddress() })).get('wuye_r'));
});

test('staff logins are throttled the same way', async () => {
    const ghost = `ghost-${uniqueSuffix()}`;
    for (let i = 0; i < MAX_FAILURES; i++) {
        const { res } = await login('staff', ghost, 'wrong', { address: uniqueAddress() });
        assert.equal(res.status, 422, `failure ${i + 1}`);
    }
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE kind = 'staff' AND login = ${q(ghost)} AND success = 0`)),
        MAX_FAILURES);
    const { res } = await login('staff', ghost, 'wrong', { address: uniqueAddress() });
    assertThrottled(res, 'wuye_s');
});

test('fewer than 5 failures do not lock, and a success starts the count again', async () => {
    // A second account of its own: the first one is locked by the test above.
    const account = makeResident('throttle2');
    const email = account.login;
    try {
        for (let i = 0; i < MAX_FAILURES - 1; i++) {
            assert.equal((await login('resident', email, 'wrong', { address: uniqueAddress() })).res.status, 422);
        }
        assert.ok((await signIn('resident', email)).get('wuye_r'), 'the 5th try, the right one, works');
        // The count starts again after the success (at a later second than the failures).
        await sleep(1100);
        for (let i = 0; i < MAX_FAILURES - 1; i++) {
            assert.equal((await login('resident', email, 'wrong', { address: uniqueAddress() })).res.status, 422);
        }
        assert.ok((await signIn('resident', email)).get('wuye_r'), 'still not locked');
    } finally {
        account.drop();
    }
});

test('an account\'s phone and e-mail share one count: failures by both lock the account', async () => {
    const both = makeResident('throttle-both');
    const phone = `139${String(Date.now()).slice(-8)}`;
    try {
        sql(`UPDATE account SET login_phone = ${q(phone)} WHERE id = ${both.id}`);
        for (let i = 0; i < MAX_FAILURES; i++) {
            const name = i % 2 ? phone : both.login;
            const { res } = await login('resident', name, `wrong-${i}`, { address: uniqueAddress() });
            assert.equal(res.status, 422, `failure ${i + 1} by ${name}`);
        }
        for (const name of [phone, both.login]) {
            const { res } = await login('resident', name, PASSWORD, { address: uniqueAddress() });
            assertThrottled(res);
        }
    } finally {
        both.drop();
    }
});
