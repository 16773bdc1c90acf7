// The login pages in a real browser (Chromium through playwright-core): type, click 登录,
// see the home page, take screenshots, click 退出. No console errors anywhere (CSP
// violations show up there), and the phone-sized page does not scroll sideways.
// The browser connects from 127.0.0.1 and so never fails a login here: failures count
// against the address (the HTTP tests make theirs from addresses of their own).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, loginAs, openBrowser, PHONE, screenshot } from './lib.mjs';

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
        await loginAs(page, 'portal', '13800000001', 'wuye-demo-1');
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
        await screenshot(page, 'portal-home.png');
        await logOut(page, 'portal');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('a staff member logs in through the form, sees name, role and department, and logs out', async () => {
    const { context, page, problems } = await openBrowser();
    try {
        await loginAs(page, 'office', 'frontdesk', 'wuye-demo-1');
        const text = await page.locator('body').innerText();
        for (const words of ['王芳', '客服前台', '客服部']) assert.ok(text.includes(words), `the page says ${words}`);
        await assertStyled(page);
        await screenshot(page, 'office-home.png');
        await logOut(page, 'office');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});

test('on a phone (390x844) the resident home fits the width and logging out works', async () => {
    const { context, page, problems } = await openBrowser(PHONE);
    try {
        await page.goto(`${BASE}/portal/login`);
        const loginWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(loginWidth <= 390, `the login page does not scroll sideways (scrollWidth ${loginWidth})`);
        await loginAs(page, 'portal', '13800000001', 'wuye-demo-1');
        await page.locator('[data-unit="1-1-101"]').waitFor({ state: 'visible' });
        assert.ok((await page.locator('body').innerText()).includes('张伟'));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no horizontal scroll: scrollWidth ${width} <= 390`);
        await screenshot(page, 'portal-home-mobile.png');
        await logOut(page, 'portal');
        assert.deepEqual(problems, [], 'no console errors, failed or refused requests');
    } finally {
        await context.close();
    }
});
