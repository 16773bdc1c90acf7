// The decoration inspector at a site (巡查与验收): records a patrol that found a violation with
// a photo and a notice, prints the 装修违章通知书, re-checks it, deducts from the deposit and
// records the acceptance check; the page fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { sqlValue } from '../http/lib.mjs';
import { localDate, patrolCase, patrolStaff } from '../http/reno-fixtures-patrol.mjs';
import { as, BASE, loginAs, makePng, PHONE, screenshot, submit } from './lib.mjs';

const inspector = patrolStaff(['inspector']);

test('the inspector records a violation with a photo, prints the notice, re-checks it and deducts', async () => {
    const c = patrolCase({ deposit: 300000 });
    const path = '/office/renovation-patrol';
    await as('inspector', async (page) => {
        await loginAs(page, 'office', inspector.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        assert.equal(await page.locator('.reno-tabs a[aria-current="page"]').innerText(), '巡查与验收');
        await page.getByText('记录一次巡查').click();
        await page.getByLabel('发现违章').check();
        await page.getByLabel('巡查情况').fill('厨房外墙私自开孔，装修垃圾堆放在楼道');
        await page.locator('#patrol-photo').setInputFiles({ name: '楼道.png', mimeType: 'image/png', buffer: makePng(64, 48) });
        await page.locator('#patrol-rule').fill('装修垃圾未按规定堆放');
        await page.locator('#patrol-detail').fill('楼道堆放水泥袋和碎砖');
        assert.equal(await page.locator('#patrol-deadline').inputValue(), localDate(3));
        await submit(page, page.getByRole('button', { name: '保存巡查记录' }), path);
        await page.locator('[data-saved="patrol"]').waitFor();
        const item = page.locator('.reno-patrol-item[data-result="violation"]');
        assert.match(await item.innerText(), /厨房外墙私自开孔/);
        assert.equal(await item.locator('.reno-photos img').count(), 1);
        const notice = page.locator('.reno-violation[data-state="open"]');
        const no = await notice.getAttribute('data-notice-no');
        assert.match(no, /^WZ\d{4}-\d{4}$/);
        await screenshot(page, 'office-renovation-patrol.png');

        // The printable notice on A4/A5 paper: no navigation, no tools.
        await notice.getByRole('link', { name: '打印通知书' }).click();
        await page.waitForURL((u) => u.pathname === '/office/renovation-violation');
        const slip = page.locator('article[data-page="office-renovation-violation"]');
        const text = (await slip.innerText()).replace(/\s+/g, ' ');
        for (const want of ['装修违章通知书', no, c.unitCode, '装修垃圾未按规定堆放', '楼道堆放水泥袋和碎砖', localDate(3),
            '装修管理员', '业主（签收）']) {
            assert.ok(text.includes(want), `the notice shows ${want}: ${text}`);
        }
        await page.setViewportSize({ width: 560, height: 794 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.top').first().isVisible(), false, 'no navigation on paper');
        assert.equal(await page.locator('.slip-tools').isVisible(), false, 'no tools on paper');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 560, `the notice fits A5 width: ${width}`);
        await screenshot(page, 'office-renovation-violation.png');
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1280, height: 800 });

        // Re-check: rectified closes it; a deduction with its reason against the deposit.
        await page.goto(`${BASE}${path}?id=${c.id}`);
        const open = page.locator(`.reno-violation[data-notice-no="${no}"]`);
        await open.getByText('复查', { exact: true }).click();
        await open.getByLabel('已整改，关闭').check();
        await open.getByLabel('复查情况').fill('垃圾已清运');
        await submit(page, open.getByRole('button', { name: '保存复查结果' }), path);
        assert.equal(await page.locator(`.reno-violation[data-notice-no="${no}"]`).getAttribute('data-state'), 'rectified');
        await page.getByText('从保证金扣款').click();
        await page.getByLabel('扣款金额（元）').fill('200');
        await page.getByLabel('扣款原因').fill('楼道清运费');
        await page.getByLabel('对应的违章通知书（可不选）').selectOption({ label: `${no} 装修垃圾未按规定堆放` });
        await submit(page, page.getByRole('button', { name: '记录扣款' }), path);
        assert.equal(await page.locator('[data-deducted-total]').innerText(), '200.00');
        assert.equal(await page.locator('[data-deposit-left]').innerText(), '2800.00');
    });
    assert.equal(sqlValue(`SELECT COUNT(*) FROM renovation_file WHERE renovation_id = ${c.id} AND kind = 'photo'`), '1');
});

test('the acceptance check on a phone: defects send the case back to work', async () => {
    const c = patrolCase({ state: 'inspecting' });
    const path = '/office/renovation-patrol';
    await as('inspector (phone)', async (page) => {
        await loginAs(page, 'office', inspector.login);
        await page.goto(`${BASE}${path}?id=${c.id}`);
        const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
        assert.ok(widths.doc <= widths.view, `no sideways scrolling at 390px: ${JSON.stringify(widths)}`);
        await page.getByRole('radio', { name: '不通过' }).check();
        await page.getByLabel('需整改的问题（不通过时必填）').fill('阳台推拉门未安装到位');
        await submit(page, page.getByRole('button', { name: '保存验收结果' }), path);
        assert.equal(await page.locator('.reno-patrol').getAttribute('data-state'), 'permitted');
        assert.equal(await page.locator('.reno-acceptance').count(), 0);
    }, PHONE);
    assert.equal(sqlValue(`SELECT note FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'acceptance_fail'`),
        '阳台推拉门未安装到位');
});
