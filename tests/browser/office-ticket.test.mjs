// The back office's requests in a real browser: the front desk takes a phone complaint
// through the intake form, dispatches it, finds it in the queue and opens its printable
// slip 派工单. Screenshots of each page; no console errors; the phone-sized queue and
// form do not scroll sideways.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

// The same environment as the HTTP tests: deploy/test's variables or $WUYE_STATE/env.
function loadEnv() {
    const state = process.env.WUYE_STATE || path.resolve(here, '..', '..', 'var');
    let file = {};
    try {
        for (const line of readFileSync(path.join(state, 'env'), 'utf8').split('\n')) {
            const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
            if (m) file[m[1]] = m[2];
        }
    } catch {
        file = {};
    }
    const url = process.env.WUYE_URL || file.WUYE_URL ||
        (process.env.WUYE_PORT ? `http://127.0.0.1:${process.env.WUYE_PORT}` : '');
    if (!url) throw new Error(`no WUYE_URL in the environment nor in ${path.join(state, 'env')}`);
    return {
        url: url.replace(/\/+$/, ''),
        screenshots: process.env.WUYE_SCREENSHOTS || path.join(state, 'screenshots'),
    };
}

const { url: BASE, screenshots: SHOTS } = loadEnv();
mkdirSync(SHOTS, { recursive: true });

// See docs PITFALLS.md "Browser tests".
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

const profiles = [];
after(() => {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function openBrowser(options = {}) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-browser-'));
    profiles.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
        executablePath: process.env.WUYE_CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: FLAGS,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 800 },
        ...options,
    });
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(15000);
    const problems = [];
    page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url || page.url()})`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
        if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
    });
    page.on('response', (res) => {
        if (res.status() >= 400 && res.request().resourceType() !== 'document') {
            problems.push(`${res.status()} for ${res.url()}`);
        }
    });
    return { context, page, problems };
}

async function logIn(page, login, password = 'wuye-demo-1') {
    await page.goto(`${BASE}/office/login`);
    await page.locator('input[name="login"]').pressSequentially(login, { delay: 10 });
    await page.locator('input[name="password"]').pressSequentially(password, { delay: 10 });
    await Promise.all([page.waitForURL(`${BASE}/office/home`), page.getByRole('button', { name: '登录' }).click()]);
}

// Clicks a submit button and waits for the POST's 303 and the page it leads to.
async function submit(page, button, pathPrefix) {
    const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        button.click(),
    ]);
    if (answer.status() !== 303) {
        await page.waitForLoadState('load');
        const said = (await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 600);
        assert.fail(`the form answered ${answer.status()}, not 303; the page says: ${said}`);
    }
    await page.waitForURL((u) => u.pathname === pathPrefix);
    await page.waitForLoadState('load');
}

test('the front desk takes a phone complaint, dispatches it, finds it in the queue and prints the slip', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await logIn(page, 'frontdesk');
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '登记' }).click();
        await page.waitForURL(`${BASE}/office/new-ticket`);
        await page.getByRole('navigation', { name: '工单类型' }).getByRole('link', { name: '投诉' }).click();
        await page.waitForURL(`${BASE}/office/new-ticket?kind=complaint`);
        assert.equal(await page.locator('select[name="channel"]').inputValue(), 'phone', 'channel: 电话 by default');
        await page.locator('select[name="category"]').selectOption({ label: '环境卫生（保洁部）' });
        await page.locator('input[name="reporter_name"]').fill('张伟');
        await page.locator('input[name="reporter_phone"]').fill('13800000001');
        await page.locator('input[name="unit"]').fill('1-1-101');
        const description = '业主来电：1栋1单元楼道垃圾两天没有清运，气味很大。';
        await page.locator('textarea[name="description"]').fill(description);
        await page.screenshot({ path: path.join(SHOTS, 'office-new-ticket.png'), fullPage: true });
        await submit(page, page.getByRole('button', { name: '登记', exact: true }), '/office/ticket');

        const root = page.locator('[data-ticket-id]').first();
        assert.match(await root.getAttribute('data-ticket-code'), /^TS\d{8}-\d{4}$/);
        assert.equal(await root.getAttribute('data-status'), 'accepted');
        assert.equal(await root.getAttribute('data-kind'), 'complaint');
        const code = await root.getAttribute('data-ticket-code');
        assert.equal((await page.locator('[data-owner]').innerText()).trim(), '王芳', '首问负责: 王芳');
        assert.ok((await page.locator('main').innerText()).includes(description));

        // The dispatch form is unfolded for an accepted ticket.
        const dispatch = page.locator('form[data-action="dispatch"]');
        await dispatch.locator('select[name="dept"]').selectOption({ label: '保洁部' });
        await submit(page, dispatch.getByRole('button', { name: '派工' }), '/office/ticket');
        assert.equal(await page.locator('[data-ticket-id]').first().getAttribute('data-status'), 'dispatched');
        assert.equal((await page.locator('[data-department]').innerText()).trim(), '保洁部');
        assert.ok((await page.locator('.timeline').innerText()).includes('派至 保洁部'));
        await page.screenshot({ path: path.join(SHOTS, 'office-ticket.png'), fullPage: true });

        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
        await page.waitForURL(`${BASE}/office/tickets`);
        const row = page.locator(`tr[data-ticket-id="${await root.getAttribute('data-ticket-id')}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-status'), 'dispatched');
        assert.ok((await row.innerText()).includes(code));
        await page.screenshot({ path: path.join(SHOTS, 'office-tickets.png'), fullPage: true });

        await row.getByRole('link', { name: code }).click();
        await page.waitForURL(/\/office\/ticket\?id=\d+$/);
        await page.getByRole('link', { name: '打印派工单' }).click();
        await page.waitForURL(/print=1$/);
        const slip = await page.locator('main').innerText();
        for (const words of ['派工单', code, '1-1-101', '保洁部', '维修人员签字', '业主签字']) {
            assert.ok(slip.includes(words), `the slip says ${words}`);
        }
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header.top').isVisible(), false, 'no header on paper');
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
        await page.screenshot({ path: path.join(SHOTS, 'office-slip.png'), fullPage: true });
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('on a phone (390x844) the queue, the intake form and a ticket fit the width', async () => {
    const { context, page, problems } = await openBrowser({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    try {
        await logIn(page, 'supervisor');
        for (const p of ['/office/tickets', '/office/new-ticket', '/office/callbacks']) {
            await page.goto(`${BASE}${p}`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 390, `${p} does not scroll sideways (scrollWidth ${width})`);
        }
        await page.goto(`${BASE}/office/tickets`);
        const first = page.locator('tr[data-ticket-id] a').first();
        if (await first.count()) {
            await first.click();
            await page.waitForURL(/\/office\/ticket\?id=\d+$/);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 390, `a ticket does not scroll sideways (scrollWidth ${width})`);
            await page.screenshot({ path: path.join(SHOTS, 'office-ticket-mobile.png'), fullPage: true });
        }
        await page.goto(`${BASE}/office/tickets`);
        await page.screenshot({ path: path.join(SHOTS, 'office-tickets-mobile.png'), fullPage: true });
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
