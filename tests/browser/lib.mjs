// tests/browser/lib.mjs: what the browser tests share. Chromium through playwright-core,
// launched with the flags of PITFALLS.md "Browser tests" and a fresh profile each time;
// the stack's address (and database, for the tests that read it) come from
// tests/http/lib.mjs, i.e. deploy/test's variables or $WUYE_STATE/env.
//
//   openBrowser(options)                 {context, page, problems}: problems collects console
//                                        errors, page errors, failed requests and 4xx/5xx
//                                        answers to sub-resources
//   loginAs(page, area, login, password) types into /AREA/login, clicks 登录: 303, then home
//   submit(page, button, pathname)       clicks a submit button: 303, then the page it leads to
//   screenshot(page, name, options)      a full-page PNG in $WUYE_SCREENSHOTS
//   makePng(w, h)                        a small valid PNG (a photo stand-in)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { deflateSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { BASE, env, PASSWORD } from '../http/lib.mjs';

export { BASE, PASSWORD };

// $WUYE_SCREENSHOTS, default $WUYE_STATE/screenshots.
export const SHOTS = env.WUYE_SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });

// See PITFALLS.md "Browser tests": without the networking flags Chromium keeps calling
// hosts this network refuses.
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

// A phone: options for openBrowser().
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// The profiles go when the test file is done (Chromium may still write to one for a moment
// after its context closed).
const profiles = [];
after(() => {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

// A browser with a fresh profile (its own cookies); answers {context, page, problems}.
// options go to launchPersistentContext (viewport, isMobile, ...).
export async function openBrowser(options = {}) {
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

// Runs fn(page) in a browser of its own (options as for openBrowser), then checks that the
// page caused no console errors, failed or refused requests; `expected` (a RegExp) matches
// the lines a step causes on purpose (Chromium logs a refused form's 4xx page as a console
// error). person names who was acting, for the message.
export async function as(person, fn, options = {}, expected = null) {
    const { context, page, problems } = await openBrowser(options);
    try {
        await fn(page);
        assert.deepEqual(problems.filter((p) => !expected?.test(p)), [], `${person}: no console errors, failed or refused requests`);
    } finally {
        await context.close();
    }
}

// Types the credentials into the login form of `area` ('portal' or 'office') and clicks
// 登录; the form's POST must answer 303 and the browser land on the area's home page.
export async function loginAs(page, area, login, password = PASSWORD) {
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

// Clicks a submit button and waits for the POST's 303 and the page it leads to, whose
// path is `pathname` (a string, or a function of the URL).
export async function submit(page, button, pathname) {
    const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        button.click(),
    ]);
    if (answer.status() !== 303) {
        await page.waitForLoadState('load');
        const said = (await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 600);
        const errors = await page.locator('.field-error').evaluateAll((els) =>
            els.map((e) => `${e.getAttribute('data-field')}: ${e.textContent.trim()}`));
        assert.fail(`the form answered ${answer.status()}, not 303; field errors: ${JSON.stringify(errors)}; ` +
            `the page says: ${said}`);
    }
    await page.waitForURL(typeof pathname === 'function' ? pathname : (u) => u.pathname === pathname);
    await page.waitForLoadState('load');
    return answer;
}

// A full-page screenshot named `name` (e.g. 'portal-home.png') in $WUYE_SCREENSHOTS.
export async function screenshot(page, name, options = {}) {
    const file = path.join(SHOTS, name);
    await page.screenshot({ path: file, fullPage: true, ...options });
    return file;
}

// A small PNG: a water-blue square with a white diagonal, as a phone photo stand-in.
export function makePng(w, h) {
    const table = Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    const crc32 = (buf) => {
        let c = 0xffffffff;
        for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
        return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type, data) => {
        const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
        const out = Buffer.alloc(body.length + 8);
        out.writeUInt32BE(data.length, 0);
        body.copy(out, 4);
        out.writeUInt32BE(crc32(body), body.length + 4);
        return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const raw = Buffer.alloc((w * 3 + 1) * h);
    for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
            const o = y * (w * 3 + 1) + 1 + x * 3;
            const on = Math.abs(x - y) < 6;
            raw[o] = on ? 255 : 40;
            raw[o + 1] = on ? 255 : 120;
            raw[o + 2] = on ? 255 : 200;
        }
    }
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
