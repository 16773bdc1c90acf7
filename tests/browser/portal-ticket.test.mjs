// A resident reports a leak through the form in a real browser (Chromium through
// playwright-core), on a phone-sized screen: 报修 · 水电 · 户内, a description and a photo;
// the ticket's page then shows it with the photo's thumbnail. Screenshots of both pages.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

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

// See PITFALLS.md "Browser tests".
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

async function logIn(page, login, password) {
    await page.goto(`${BASE}/portal/login`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill(password);
    await Promise.all([page.waitForURL(`${BASE}/portal/home`), page.getByRole('button', { name: '登录' }).click()]);
}

// A small PNG: a water-blue square with a white diagonal, as a phone photo stand-in.
function makePng(w, h) {
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

test('a resident reports a leak with a photo on a phone and sees the ticket', async () => {
    const { context, page, problems } = await openBrowser({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    try {
        await logIn(page, '13800000001', 'wuye-demo-1');
        // Home offers the way in.
        await page.getByRole('link', { name: '我要报修/投诉' }).click();
        await page.waitForURL(`${BASE}/portal/new-ticket`);
        await page.getByLabel('报修').check();
        await page.locator('select[name="category"]').selectOption({ label: '水电' });
        await page.getByLabel('户内（我家）').check();
        await page.locator('input[name="place"]').fill('卫生间');
        const description = `卫生间洗手盆下水管接口漏水，地面有积水（浏览器测试 ${Date.now()}）`;
        await page.locator('textarea[name="description"]').fill(description);
        await page.locator('input[name="preferred_time"]').fill('2030-06-01T14:30');
        await page.locator('input[name="photo"]').setInputFiles({ name: '漏水.png', mimeType: 'image/png', buffer: makePng(240, 180) });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the form fits the phone: scrollWidth ${width}`);
        await page.screenshot({ path: path.join(SHOTS, 'portal-new-ticket.png'), fullPage: true });

        const [answer] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/portal/new-ticket'),
            page.getByRole('button', { name: '提交' }).click(),
        ]);
        assert.equal(answer.status(), 303, 'the form is accepted');
        await page.waitForURL(/\/portal\/ticket\?id=\d+$/);
        const root = page.locator('[data-ticket-code]');
        assert.match(await root.getAttribute('data-ticket-code'), /^BX\d{8}-\d{4}$/);
        assert.equal(await root.getAttribute('data-status'), 'new');
        assert.equal(await root.getAttribute('data-kind'), 'repair');
        const text = await page.locator('main').innerText();
        // The preferred time comes back as typed: read and shown in the community's zone.
        for (const words of [description, '水电', '待受理', '1-1-101', '卫生间', '2030-06-01 14:30']) assert.ok(text.includes(words), `the page says ${words}`);
        // The thumbnail really loads (through /portal/photo and nginx).
        const img = page.locator('.photos img').first();
        await img.waitFor({ state: 'visible' });
        await page.waitForFunction(() => {
            const i = document.querySelector('.photos img');
            return i && i.complete && i.naturalWidth > 0;
        });
        assert.equal(await img.evaluate((i) => i.naturalWidth), 240);
        const after = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(after <= 390, `the ticket page fits the phone: scrollWidth ${after}`);
        await page.screenshot({ path: path.join(SHOTS, 'portal-ticket.png'), fullPage: true });

        // It is in the list.
        await page.getByRole('link', { name: '我的工单' }).first().click();
        await page.waitForURL(`${BASE}/portal/tickets`);
        assert.ok((await page.locator('.ticket-list').innerText()).includes('水电'));
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
