// The login pages in a real browser (Chromium through playwright-core): type, click 登录,
// see the home page, take screenshots, click 退出. No console errors anywhere (CSP
// violations show up there), and the phone-sized page does not scroll sideways.
// The browser connects from 127.0.0.1 and so never fails a login here: failures count
// against the address (the HTTP tests make theirs from addresses of their own).
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

// See docs PITFALLS.md "Browser tests": without the networking flags Chromium keeps
// calling hosts this network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

const profiles = [];
after(() => {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

// A browser with a fresh profile; answers {context, page, problems}. problems collects
// console errors, page errors, failed requests and 4xx/5xx answers to sub-resources.
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
        // A load cut short by the next navigation is not a fault of the page.
        if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
    });
    page.on('response', (res) => {
        if (res.status() >= 400 && res.request().resourceType() !== 'document') {
            problems.push(`${res.status()} for ${res.url()}`);
        }
    });
    return { context, page, problems };
}

// Types the credentials into the login form of `area` and clicks 登录; the form's POST
// must answer 303 and the browser land on the area's home page.
async function logIn(page, area, login, password) {
    await page.goto(`${BASE}/${area}/login`);
    await page.locator('input[name="login"]').pressSequentially(login, { delay: 10 });
    await page.locator('input[name="password"]').pressSequentially(password, { delay: 10 });
    const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/${area}/login`),
        page.getByRole('button', { name: '登录' }).click(),
    ]);
    if (answer.status() !== 303) {
        await page.waitForLoadState('load');
        const said = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300);
        const origin = await answer.request().headerValue('origin');
        assert.fail(`POST /${area}/login from the form answered ${answer.status()}, not 303 ` +
            `(the browser sent Origin: ${origin}); the page says: ${said}`);
    }
    await page.waitForURL(`${BASE}/${area}/home`);
}

// Clicks 退出 and checks the login page says 您已安全退出.
async function logOut(page, area) {
    await Promise.all([
        page.waitForURL(new RegExp(`/${area}/login\\?bye=1$`)),
        page.getByRole('button', { name: '退出' }).click(),
    ]);
    assert.ok((await page.locator('body').innerText()).includes('您已安全退出'), 'the login page says 您已安全退出');
    assert.equal(await page.locator(`form[action="/${area}/login"]`).count(), 1, 'the login form is back');
    // The session is gone: the home page sends the browser to the login page.
    await page.goto(`${BASE}/${area}/home`);
    assert.equal(new URL(page.url()).pathname, `/${area}/login`);
}

// The style sheet was applied (the page is not bare HTML).
async function assertStyled(page) {
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => {
        try {
            return s.cssRules.length;
        } catch {
            return -1;
        }
    }));
    assert.ok(sheets.some((n) => n > 0), `a style sheet with rules is loaded: ${JSON.stringify(sheets)}`);
}

test('a resident logs in through the form, sees 1-1-101 and 张伟, and logs out', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await logIn(page, 'portal', '13800000001', 'wuye-demo-1');
        const text = await page.locator('body').innerText();
        assert.ok(text.includes('张伟'), 'the page names 张伟');
        assert.ok(text.includes('蓝山花园'), 'and the community');
        await assert.doesNotReject(page.locator('[data-unit="1-1-101"]').waitFor({ state: 'visible' }));
        assert.ok((await page.locator('[data-unit="1-1-101"]').innerText()).includes('1-1-101'));
        assert.ok(text.includes('张小雨'), 'and the household member');
        assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
        await assertStyled(page);
        // The session cookie is HttpOnly: scripts on the page cannot read it.
        assert.ok(!(await page.evaluate(() => document.cookie)).includes('wuye_r'));
        await page.screenshot({ path: path.join(SHOTS, 'portal-home.png'), fullPage: true });
        await logOut(page, 'portal');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('a staff member logs in through the form, sees name, role and department, and logs out', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await logIn(page, 'office', 'frontdesk', 'wuye-demo-1');
        const text = await page.locator('body').innerText();
        for (const words of ['王芳', '客服前台', '客服部']) assert.ok(text.includes(words), `the page says ${words}`);
        await assertStyled(page);
        await page.screenshot({ path: path.join(SHOTS, 'office-home.png'), fullPage: true });
        await logOut(page, 'office');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('on a phone (390x844) the resident home fits the width and logging out works', async () => {
    const { context, page, problems } = await openBrowser({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    try {
        await page.goto(`${BASE}/portal/login`);
        const loginWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(loginWidth <= 390, `the login page does not scroll sideways (scrollWidth ${loginWidth})`);
        await logIn(page, 'portal', '13800000001', 'wuye-demo-1');
        await page.locator('[data-unit="1-1-101"]').waitFor({ state: 'visible' });
        assert.ok((await page.locator('body').innerText()).includes('张伟'));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no horizontal scroll: scrollWidth ${width} <= 390`);
        await page.screenshot({ path: path.join(SHOTS, 'portal-home-mobile.png'), fullPage: true });
        await logOut(page, 'portal');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
