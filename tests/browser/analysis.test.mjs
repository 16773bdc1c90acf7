// The monthly analysis in a real browser: the supervisor logs in, opens 2032-05 (tickets
// put there by this file), sees the tables and the SVG charts drawn with the style sheet,
// goes to the previous month by its link, and the printed page drops the navigation.
// Screenshot office-analysis.png; no console errors (a CSP violation would show there).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { insertTickets } from '../http/lib.mjs';
import { BASE, loginAs, openBrowser, PHONE, screenshot } from './lib.mjs';

// A month of its own (the HTTP test uses 2031-02 and 2031-03).
const MONTH = '2032-05';
const home = (unit, extra) => ({ unit, ...extra });
const SPECS = [
    home('1-1-101', { kind: 'repair', category: 'water_power', created: '2032-05-03 09:00', status: 'closed',
        respondDue: '2032-05-03 11:00', responded: '2032-05-03 09:30', resolveDue: '2032-05-04 09:00',
        completed: '2032-05-03 16:00', callback: 1, rating: 5, charge: 4500 }),
    home('1-1-101', { kind: 'repair', category: 'water_power', created: '2032-05-09 14:00', status: 'completed',
        respondDue: '2032-05-09 16:00', responded: '2032-05-09 17:00', resolveDue: '2032-05-10 14:00',
        completed: '2032-05-10 10:00', rating: 4 }),
    home('1-1-102', { kind: 'repair', category: 'door_window', created: '2032-05-11 10:00', status: 'completed',
        severity: 'urgent', respondDue: '2032-05-11 10:15', responded: '2032-05-11 10:05',
        onsiteDue: '2032-05-11 10:30', onsiteAt: '2032-05-11 10:50', resolveDue: '2032-05-11 18:00',
        completed: '2032-05-11 15:00', callback: 1, charge: 2000 }),
    home('2-1-301', { kind: 'complaint', category: 'noise', created: '2032-05-12 21:00', status: 'closed',
        respondDue: '2032-05-13 21:00', responded: '2032-05-13 09:00', resolveDue: '2032-05-17 21:00',
        completed: '2032-05-14 18:00', callback: 1, rating: 3 }),
    home('2-1-301', { kind: 'complaint', category: 'parking', created: '2032-05-20 08:00', status: 'accepted',
        respondDue: '2032-05-21 08:00', responded: '2032-05-20 08:30', resolveDue: '2032-05-25 08:00' }),
    { kind: 'complaint', category: 'sanitation', place: '2栋大堂', created: '2032-05-22 10:00', status: 'new',
        respondDue: '2032-05-23 10:00', resolveDue: '2032-05-27 10:00' },
    home('3-1-201', { kind: 'suggestion', category: 'environment', created: '2032-05-25 10:00', status: 'new',
        respondDue: '2032-05-28 10:00' }),
    { kind: 'praise', category: 'staff', place: '客服中心', created: '2032-05-26 10:00', status: 'new' },
    home('1-1-101', { kind: 'repair', category: 'pipe', created: '2032-04-18 10:00', status: 'closed',
        completed: '2032-04-18 15:00', callback: 1 }),
    { kind: 'inquiry', category: 'fees', place: '电话', created: '2032-04-20 10:00', status: 'closed',
        completed: '2032-04-20 11:00', callback: 1 },
];

let tickets;
before(() => {
    tickets = insertTickets(SPECS, 'analysis-browser');
});

after(() => {
    tickets?.drop();
});

test('the supervisor reads the month of 2032-05: tables, charts, month links, print', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await loginAs(page, 'office', 'supervisor', 'wuye-demo-1');
        await page.getByRole('link', { name: '统计分析' }).click();
        await page.waitForURL(`${BASE}/office/analysis`);
        await page.goto(`${BASE}/office/analysis?month=${MONTH}`);
        assert.ok((await page.locator('h1').innerText()).includes('2032年05月'));
        const total = page.locator('[data-figure="classification"] tr[data-total] [data-col="count"]');
        assert.equal(await total.getAttribute('data-count'), '8');
        assert.equal(await page.locator('[data-figure="classification"] tr[data-total] [data-col="previous"]')
            .getAttribute('data-count'), '2');
        assert.equal(await page.locator('[data-figure="income"] [data-col="amount"]').innerText(), '65.00');
        assert.equal(await page.locator('[data-figure="callback"] [data-col="rate"]').getAttribute('data-value'), '75.0');
        assert.equal(await page.locator('[data-figure="units"] tr[data-unit]').count(), 2);

        // The bars are drawn, and the style sheet colours them (the CSP allows only the sheet).
        const repair = page.locator('[data-chart="kinds"] g[data-kind="repair"] rect.chart-bar').first();
        const box = await repair.boundingBox();
        assert.ok(box && box.width > 100, `the repair bar is drawn (${box?.width} px)`);
        const fill = await repair.evaluate((el) => getComputedStyle(el).fill);
        assert.equal(fill, 'rgb(11, 110, 79)', 'the bar has the brand colour from wuye.css');
        const praise = await page.locator('[data-chart="kinds"] g[data-kind="praise"] rect.chart-bar').first()
            .boundingBox();
        assert.ok(praise.width < box.width, 'one praise is a shorter bar than three repairs');
        const respond = await page.locator('[data-chart="on-time"] g[data-clock="respond"] rect.chart-bar').boundingBox();
        assert.ok(respond && respond.width > 0, 'the respond rate bar is drawn');
        await screenshot(page, 'office-analysis.png');

        // Printed: no header, navigation nor month controls.
        await page.emulateMedia({ media: 'print' });
        for (const sel of ['header.top', '.month-nav', '.month-pick']) {
            assert.equal(await page.locator(sel).isVisible(), false, `${sel} is not printed`);
        }
        assert.ok(await page.locator('[data-figure="classification"]').isVisible(), 'the tables are printed');
        await page.emulateMedia({ media: 'screen' });

        await Promise.all([
            page.waitForURL(`${BASE}/office/analysis?month=2032-04`),
            page.locator('a[data-month-link="previous"]').click(),
        ]);
        assert.equal(await page.locator('[data-figure="classification"] tr[data-total] [data-col="count"]')
            .getAttribute('data-count'), '2');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('on a phone (390x844) the analysis fits the width', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await loginAs(page, 'office', 'supervisor', 'wuye-demo-1');
        await page.goto(`${BASE}/office/analysis?month=${MONTH}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no horizontal scroll: scrollWidth ${width} <= 390`);
        await screenshot(page, 'office-analysis-mobile.png');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
