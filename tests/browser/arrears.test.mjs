// 欠费 and 我的账单 clicked through in Chromium:
//   (a) the cashier filters 欠费管理 by a building of our own, opens a unit, records a call
//       through the form and sees it listed; the list is screenshot (office-arrears.png).
//   (b) 打印缴费通知单 for the building in print media: one A4 page per unit (each notice
//       breaks the page after it), the screen tools hidden (office-payment-notice.png).
//   (c) 收费报表 with its three parts (office-fee-report.png).
//   (d) a resident on a phone sees the amount owed, opens a bill to its lines and payment,
//       and the page does not scroll sideways (portal-bills.png).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
    addMonths, dropCashier, dropUnits, insertBill, makeFeeBuilding, overdueBill, pay, shanghaiToday, thisMonth,
} from '../http/fee-fixtures.mjs';
import { makeHousehold, sqlValue } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const cur = thisMonth();
let b;
let h;
let paidBill;
let receipt;

before(() => {
    b = makeFeeBuilding(3, 'brw');
    const [u1, u2, u3] = b.units;
    overdueBill(u1.id, addMonths(cur, -2), [{ item: 'mgmt', amount: 22000 }, { item: 'garbage', amount: 1000 }]);
    overdueBill(u1.id, addMonths(cur, -1), [{ item: 'mgmt', amount: 22000 }, { item: 'garbage', amount: 1000 }]);
    overdueBill(u2.id, addMonths(cur, -7), [{ item: 'mgmt', amount: 18000 }]);
    overdueBill(u3.id, addMonths(cur, -1), [{ item: 'garbage', amount: 1000 }]);
    h = makeHousehold('brwbills');
    const home = h.units[0].id;
    insertBill(home, cur, shanghaiToday(20), [{ item: 'mgmt', amount: 22000 }, { item: 'garbage', amount: 1000 }]);
    overdueBill(home, addMonths(cur, -1), [{ item: 'mgmt', amount: 22000 }, { item: 'garbage', amount: 1000 }]);
    paidBill = overdueBill(home, addMonths(cur, -2), [{ item: 'mgmt', amount: 22000, description: '物业管理费 88㎡' }, { item: 'garbage', amount: 1000 }]);
    receipt = pay(home, paidBill.lines.map((l) => ({ billId: paidBill.id, lineId: l.id, amount: l.amount })), `${cur}-01 09:30`, 'wechat').receipt;
});

after(() => {
    b?.drop();
    if (h) {
        dropUnits(h.units.map((u) => u.id), { keepUnits: true });
        h.drop();
    }
    dropCashier();
});

test('the cashier filters arrears, records a call, prints the notices and reads the report', async () => {
    await as('cashier', async (page) => {
        await loginAs(page, 'office', 'cashier');
        await page.goto(`${BASE}/office/arrears`);
        await page.locator('select[name="building"]').selectOption(b.code);
        await page.getByRole('button', { name: '筛选' }).click();
        await page.waitForURL((u) => u.searchParams.get('building') === b.code);
        const codes = await page.locator('tr[data-unit-code]').evaluateAll((rows) => rows.map((r) => r.dataset.unitCode));
        assert.deepEqual(codes.sort(), b.units.map((u) => u.code).sort());
        assert.equal(await page.locator('strong[data-total-units]').innerText(), '3');

        await page.getByRole('link', { name: b.units[0].code }).click();
        await page.waitForURL((u) => u.searchParams.get('unit') === b.units[0].code);
        await page.locator('select[name="kind"]').selectOption('call');
        await page.locator('textarea[name="text"]').fill('业主说下周来缴');
        await submit(page, page.getByRole('button', { name: '保存' }), '/office/arrears');
        await page.getByText('业主说下周来缴').waitFor();
        assert.equal(await page.locator('li[data-kind="call"]').count(), 1);

        await page.goto(`${BASE}/office/arrears?building=${b.code}`);
        await screenshot(page, 'office-arrears.png');

        await page.getByRole('link', { name: '打印缴费通知单' }).click();
        await page.waitForURL((u) => u.searchParams.get('notice') === '1');
        await page.emulateMedia({ media: 'print' });
        const notices = page.locator('.payment-notice');
        assert.equal(await notices.count(), 3, 'one notice per unit in arrears');
        const breaks = await notices.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
        assert.deepEqual(breaks, ['page', 'page', 'auto'], 'each notice on a page of its own');
        assert.equal(await page.locator('.slip-tools').isVisible(), false, 'the screen tools are not printed');
        assert.equal(await page.locator('header.top').isVisible(), false, 'nor the navigation');
        await screenshot(page, 'office-payment-notice.png');
        await page.emulateMedia({ media: 'screen' });

        await page.goto(`${BASE}/office/fee-report`);
        for (const part of ['collection', 'arrears', 'income']) await page.locator(`[data-part="${part}"]`).waitFor();
        await screenshot(page, 'office-fee-report.png');
    });
});

test('a resident on a phone sees what they owe and opens a bill', async () => {
    await as('cashier', async (page) => {
        await loginAs(page, 'portal', h.owner.login);
        await page.goto(`${BASE}/portal/bills`);
        const owed = Number(sqlValue(`SELECT SUM(amount_fen - paid_fen) FROM bill WHERE unit_id = ${h.units[0].id}`));
        assert.equal(await page.locator('[data-owed]').innerText(), `¥${(owed / 100).toFixed(2)}`);
        const bill = page.locator(`li[data-bill-id="${paidBill.id}"]`);
        await bill.locator('summary').click();
        await bill.getByText('物业管理费 88㎡').waitFor();
        await bill.getByText(`收据号 ${receipt}`).waitFor();
        assert.match(await bill.locator('.bill-state').innerText(), /已缴清/);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        assert.equal(wide, false, 'no sideways scrolling at phone width');
        await screenshot(page, 'portal-bills.png');
    }, PHONE);
});
