// The inspector's day (巡查日程): open violations past their deadline first, then the active
// sites due for a patrol (never patrolled, or not within renovation_patrol_days days).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env, fetchPage, runCgi, signIn } from './lib.mjs';
import { addPatrol, addViolation, makeCase, shanghaiDate, staffWith } from './reno-fixtures-pass.mjs';

const inspector = staffWith(['inspector']);
const jarP = signIn('staff', inspector.login);

// The rows of the page in order: [{kind: 'site'|'violation', id}] with their attributes.
function rows(html) {
    const out = [];
    const re = /<li class="reno-due-row[^"]*"([^>]*)>/g;
    for (let m; (m = re.exec(html));) {
        const a = Object.fromEntries([...m[1].matchAll(/data-([a-z-]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
        out.push({ kind: a['violation-id'] ? 'violation' : 'site', ...a });
    }
    return out;
}
const siteIds = (html) => rows(html).filter((r) => r.kind === 'site').map((r) => Number(r['renovation-id']));

test('sites patrolled 8 days ago and never are due, one patrolled 2 days ago is not; never first, then the longest waiting', async () => {
    const jar = await jarP;
    const eight = makeCase(), never = makeCase(), two = makeCase(), ten = makeCase({ state: 'inspecting' });
    const finished = makeCase({ state: 'accepted' });
    addPatrol(eight, 8, inspector.id);
    addPatrol(eight, 15, inspector.id);
    addPatrol(two, 2, inspector.id);
    addPatrol(two, 30, inspector.id);
    addPatrol(ten, 10, inspector.id, 'violation');
    const page = await fetchPage('/office/renovation-due', { jar });
    assert.equal(page.status, 200);
    assert.match(page.body, /data-patrol-days="7"/);
    const ids = siteIds(page.body);
    assert.ok(ids.includes(eight.id) && ids.includes(never.id) && ids.includes(ten.id), JSON.stringify(ids));
    assert.ok(!ids.includes(two.id), 'patrolled 2 days ago is not due');
    assert.ok(!ids.includes(finished.id), 'an accepted case is no longer a site');
    assert.ok(ids.indexOf(never.id) < ids.indexOf(ten.id) && ids.indexOf(ten.id) < ids.indexOf(eight.id),
        'never patrolled, then 10 days, then 8 days');
    const row = rows(page.body).find((r) => Number(r['renovation-id']) === eight.id);
    assert.equal(row.days, '8');
    assert.match(page.body, new RegExp(`data-renovation-id="${ten.id}"[^>]*data-state="inspecting"[\\s\\S]*?data-inspecting`));
    assert.match(page.body, new RegExp(`href="/office/renovation-patrol\\?id=${never.id}"`));
    assert.match(page.body, new RegExp(`${never.unitCode}[\\s\\S]*?从未巡查`));
    const due = Number(/data-sites-due="(\d+)"/.exec(page.body)[1]);
    assert.equal(due, ids.length, 'the count at the top is the list');
});

test('open violations come first, past their deadline before the rest; rectified ones are gone', async () => {
    const jar = await jarP;
    const c = makeCase(), d = makeCase();
    const soon = addViolation(c, 3, inspector.id);
    const late = addViolation(d, -4, inspector.id, 'escalated');
    const today = addViolation(c, 0, inspector.id);
    const done = addViolation(d, -10, inspector.id, 'rectified');
    const page = await fetchPage('/office/renovation-due', { jar });
    const all = rows(page.body);
    const v = all.filter((r) => r.kind === 'violation').map((r) => r['notice-no']);
    assert.ok(!v.includes(done.no));
    assert.ok(v.indexOf(late.no) < v.indexOf(today.no) && v.indexOf(today.no) < v.indexOf(soon.no), JSON.stringify(v));
    assert.equal(all.find((r) => r['notice-no'] === late.no).overdue, 'yes');
    assert.equal(all.find((r) => r['notice-no'] === soon.no).overdue, 'no');
    assert.ok(all.findIndex((r) => r.kind === 'site') === -1 || all.findIndex((r) => r.kind === 'site') > all.findIndex((r) => r['notice-no'] === soon.no),
        'violations before sites');
    assert.match(page.body, new RegExp(`data-notice-no="${late.no}"[\\s\\S]*?已逾期 4 天`));
    assert.ok(Number(/data-overdue="(\d+)"/.exec(page.body)[1]) >= 1);
});

test('with renovation_patrol_days=1 the site patrolled 2 days ago is due', async () => {
    const jar = await jarP;
    const two = makeCase(), yesterday = makeCase(), today = makeCase();
    addPatrol(two, 2, inspector.id);
    addPatrol(yesterday, 1, inspector.id);
    addPatrol(today, 0, inspector.id);
    const conf = readFileSync(path.join(env.WUYE_STATE, 'wuye.conf'), 'utf8')
        .split('\n').filter((l) => !l.startsWith('renovation_patrol_days=')).join('\n');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'reno-due-')), 'wuye.conf');
    writeFileSync(file, `${conf}\nrenovation_patrol_days=1\n`);
    const r = runCgi('office/renovation-due', {
        WUYE_CONFIG: file, REQUEST_METHOD: 'GET', DOCUMENT_URI: '/office/renovation-due',
        HTTP_COOKIE: jar.header('/office/renovation-due'),
    });
    assert.match(r.head, /Status: 200|^(?!Status)/, r.head);
    assert.match(r.body, /data-patrol-days="1"/, r.body.slice(0, 600));
    const ids = siteIds(r.body);
    assert.ok(ids.includes(two.id) && ids.includes(yesterday.id), JSON.stringify(ids));
    assert.ok(!ids.includes(today.id));
    // The running stack keeps its 7 days.
    const page = await fetchPage('/office/renovation-due', { jar });
    assert.ok(!siteIds(page.body).includes(two.id));
});

test('a permitted site whose permit starts tomorrow is not due yet; one starting today is', async () => {
    const jar = await jarP;
    const tomorrow = makeCase({ from: shanghaiDate(1) }), today = makeCase({ from: shanghaiDate(0) });
    const page = await fetchPage('/office/renovation-due', { jar });
    assert.equal(page.status, 200);
    const ids = siteIds(page.body);
    assert.ok(ids.includes(today.id), 'a permit from today is due for its first patrol');
    assert.ok(!ids.includes(tomorrow.id), 'a permit from tomorrow cannot be patrolled yet');
    for (const r of rows(page.body).filter((x) => x.kind === 'site' && x.days !== undefined))
        assert.ok(Number(r.days) >= 0, `no negative waiting days: ${JSON.stringify(r)}`);
});
