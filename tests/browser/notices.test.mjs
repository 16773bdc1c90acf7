// 公告 in a real browser: the front desk writes an urgent notice for 1栋 with a PDF attached,
// saves the draft and publishes it, and prints the A4 sheet for the notice board; 张伟 of
// 1-1-101, on a phone, finds it highlighted on his home page, opens it and sees it read.
// Screenshots: office-notice, office-notice-print (print media), portal-home-notices,
// portal-notice.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const stamp = Date.now().toString(36).slice(-5);
const title = `1栋电梯紧急维修暂停使用 ${stamp}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let noticeId;

test('the front desk writes, publishes and prints a notice with an attachment', async () => {
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await page.goto(`${BASE}/office/notices`);
        await page.getByRole('link', { name: '写公告' }).click();
        await page.waitForURL(`${BASE}/office/notice`);
        await page.locator('input[name="title"]').fill(title);
        await page.locator('textarea[name="body"]').fill(
            '尊敬的 1 栋业主：\n\n1 栋 2 号电梯曳引机异响，今天 14:00 至 18:00 停梯检修，请走楼梯或使用 1 号电梯。\n\n维修进度可查看 https://example.com/lift 。');
        await page.getByLabel('紧急（如停水停电）').check();
        await page.getByLabel('指定楼栋').check();
        await page.getByLabel('1栋').check();
        await page.locator('input[name="attachment"]').setInputFiles({ name: '检修方案.pdf', mimeType: 'application/pdf', buffer: pdf });
        await submit(page, page.getByRole('button', { name: '保存草稿' }), '/office/notice');
        noticeId = Number(new URL(page.url()).searchParams.get('id'));
        assert.ok(noticeId > 0);
        assert.equal(await page.locator('[data-saved]').getAttribute('data-saved'), 'save');
        assert.equal(await page.locator('.bulletin-detail').getAttribute('data-state'), 'draft');

        await submit(page, page.getByRole('button', { name: '发布' }), '/office/notice');
        assert.equal(await page.locator('[data-saved]').getAttribute('data-saved'), 'publish');
        assert.equal(await page.locator('.bulletin-detail').getAttribute('data-state'), 'published');
        assert.ok((await page.locator('[data-audience]').innerText()).includes('1栋'));
        assert.ok(await page.locator('.bulletin-body a[href="https://example.com/lift"]').count() === 1);
        const file = page.locator('.bulletin-file a');
        assert.equal((await file.innerText()).includes('检修方案.pdf'), true);
        const rows = page.locator('table.read-rates tbody tr');
        assert.equal(await rows.count(), 1, 'one building in the audience');
        assert.equal(await rows.first().getAttribute('data-building-code'), '1');
        await screenshot(page, 'office-notice.png');

        await page.getByRole('link', { name: '打印张贴版（A4）' }).click();
        await page.waitForURL(/print=1/);
        await page.locator('[data-qr] svg').waitFor();
        assert.ok((await page.locator('.bulletin-sheet').innerText()).includes('扫码查看'));
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 px per inch
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.nav').first().isVisible().catch(() => false), false, 'no navigation on paper');
        // One A4 page: 297 mm less the margins at 96 px per inch.
        const height = await page.evaluate(() => document.querySelector('.bulletin-sheet').getBoundingClientRect().height);
        assert.ok(height < ((297 - 36) / 25.4) * 96, `the sheet fits one A4 page: ${height}px`);
        await screenshot(page, 'office-notice-print.png');
    });
});

test('a resident on a phone sees the urgent notice highlighted on home and opens it', async () => {
    assert.ok(noticeId, 'the notice of the first test');
    await as('张伟', async (page) => {
        await loginAs(page, 'portal', '13800000001');
        const row = page.locator(`[data-section="my-notices"] [data-notice-id="${noticeId}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-importance'), 'urgent');
        assert.equal(await row.getAttribute('data-read'), '0');
        assert.match(await row.getAttribute('class'), /\burgent\b/);
        const first = page.locator('[data-section="my-notices"] [data-notice-id]').first();
        assert.equal(await first.getAttribute('data-importance'), 'urgent', 'urgent ones first');
        const background = await row.evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'highlighted');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `home fits the phone: ${width}`);
        await screenshot(page, 'portal-home-notices.png');

        await row.getByRole('link').click();
        await page.waitForURL(`${BASE}/portal/notice?id=${noticeId}`);
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(title) && text.includes('停梯检修') && text.includes('检修方案.pdf'));
        assert.equal(await page.locator('.bulletin-body p').count(), 3, 'three paragraphs');
        const after = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(after <= 390, `the notice fits the phone: ${after}`);
        await screenshot(page, 'portal-notice.png');

        await page.goto(`${BASE}/portal/notices`);
        assert.equal(await page.locator(`[data-notice-id="${noticeId}"]`).getAttribute('data-read'), '1');
    }, PHONE);
});
