// The decoration pages in the navigation: 装修 in the office's main row for the roles that may
// see cases, with its own row (装修案卷, 巡查日程, 登记申请) on every case page; 装修申请 in the
// resident's portal. The technician neither sees the item nor opens the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchPage, signIn, sql, sqlValue } from './lib.mjs';
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

test('every case tab links the unit\'s archive page; the bill link is offered only to the roles that may open it', async () => {
    const inspector = staffWith(['inspector']);
    const jar = await signIn('staff', inspector.login);
    const c = makeCase();
    const tab = await fetchPage(`/office/renovation-money?id=${c.id}`, { jar });
    assert.match(tab.body, new RegExp(`<a href="/office/unit\\?id=${c.unitId}" data-unit-link>${c.unitCode}</a>`));
    assert.equal((await fetchPage(`/office/unit?id=${c.unitId}`, { jar })).status, 200, 'the inspector may open it');
    // The fixture's case has no charge bill: give it one of its own unit, as the approval does.
    sql(`INSERT INTO bill (community_id, unit_id, kind, period, due_date, created_at, amount_fen)
           VALUES (1, ${c.unitId}, 'oneoff', '2026-11', '2026-11-30', UTC_TIMESTAMP(), 0)`);
    const bill = Number(sqlValue(`SELECT MAX(id) FROM bill WHERE unit_id = ${c.unitId}`));
    sql(`UPDATE renovation SET charge_bill_id = ${bill} WHERE id = ${c.id}`);
    const inspectorTab = await fetchPage(`/office/renovation-money?id=${c.id}`, { jar });
    assert.match(inspectorTab.body, /data-section="charge"/);
    assert.doesNotMatch(inspectorTab.body, /查看账单/, 'no link to a page the inspector may not open');
    assert.equal((await fetchPage(`/office/bill?id=${bill}`, { jar })).status, 403);
    const cashier = await signIn('staff', 'cashier');
    const cashierTab = await fetchPage(`/office/renovation-money?id=${c.id}`, { jar: cashier });
    assert.match(cashierTab.body, new RegExp(`<a href="/office/bill\\?id=${bill}">查看账单</a>`));
});
