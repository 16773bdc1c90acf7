// The decoration pages in the navigation: 装修 in the office's main row for the roles that may
// see cases, with its own row (装修案卷, 巡查日程, 登记申请) on every case page; 装修申请 in the
// resident's portal. The technician neither sees the item nor opens the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchPage, signIn } from './lib.mjs';
import { makeCase, staffWith } from './reno-fixtures-pass.mjs';

const links = (html, label) => {
    const nav = new RegExp(`<nav class="(?:nav|subnav)" aria-label="${label}">([\\s\\S]*?)</nav>`).exec(html);
    return nav ? [...nav[1].matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)]
        .map((m) => ({ href: m[1], current: Boolean(m[2]), label: m[3] })) : [];
};

test('the inspector finds 装修 in the main row, marked on every case page, with the decoration row under it', async () => {
    const inspector = staffWith(['inspector']);
    const jar = await signIn('staff', inspector.login);
    const { id } = makeCase();
    for (const path of ['/office/renovations', `/office/renovation?id=${id}`, `/office/renovation-money?id=${id}`,
        `/office/renovation-passes?id=${id}`, `/office/renovation-patrol?id=${id}`, '/office/renovation-due']) {
        const page = await fetchPage(path, { jar });
        assert.equal(page.status, 200, path);
        const main = links(page.body, '主导航').find((l) => l.href === '/office/renovations');
        assert.ok(main && main.label === '装修' && main.current, `${path}: 装修 marked in the main row`);
        const row = links(page.body, '装修');
        assert.deepEqual(row.map((l) => l.label), ['装修案卷', '巡查日程', '登记申请'], path);
        assert.ok(!links(page.body, '收费').length, `${path}: no fee row`);
    }
    const due = links((await fetchPage('/office/renovation-due', { jar })).body, '装修');
    assert.deepEqual(due.filter((l) => l.current).map((l) => l.label), ['巡查日程']);
});

test('the cashier sees the cases but not the counter application; the technician sees no 装修 at all', async () => {
    const cashier = await signIn('staff', 'cashier');
    const row = links((await fetchPage('/office/renovations', { jar: cashier })).body, '装修').map((l) => l.label);
    assert.deepEqual(row, ['装修案卷', '巡查日程']);
    const tech = await signIn('staff', 'tech');
    const home = await fetchPage('/office/home', { jar: tech });
    assert.ok(!links(home.body, '主导航').some((l) => l.href === '/office/renovations'));
    assert.equal((await fetchPage('/office/renovations', { jar: tech })).status, 403);
});

test('residents find 装修申请 in the portal row', async () => {
    const jar = await signIn('resident', '13800000001');
    const home = await fetchPage('/portal/home', { jar });
    assert.ok(links(home.body, '主导航').some((l) => l.href === '/portal/renovation' && l.label === '装修申请'));
    const page = await fetchPage('/portal/renovation', { jar });
    assert.equal(page.status, 200);
    assert.ok(links(page.body, '主导航').some((l) => l.href === '/portal/renovation' && l.current));
});
