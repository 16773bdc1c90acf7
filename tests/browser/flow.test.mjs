// The acceptance flow of the requests issue, clicked through the real forms in Chromium,
// one browser (own profile, own cookies) per person:
//   (a)-(e) a resident reports a leak with a photo; the front desk accepts it and
//           dispatches it to 工程部 / 陈强 with a visit time; the technician starts and
//           completes it (50.00 元); the supervisor records the callback and closes it;
//           the resident sees the news on home and rates it 5 stars (响应快).
//   (f)     the front desk takes a noise complaint for 1-1-102 by phone (首问负责 王芳),
//           dispatches it to 保安部; the supervisor replies to the resident, completes it,
//           calls back and closes it; the resident of 1-1-102 finds it and rates it.
// The database is only read, to check what the clicks left behind. Screenshots
// flow-1-resident-report.png ... flow-7-complaint-closed.png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { q, sql, uniqueSuffix } from '../http/lib.mjs';
import { as, BASE, loginAs, makePng, PHONE, screenshot, submit } from './lib.mjs';

const RUN = uniqueSuffix();

// A date (and time) of the demo community, Asia/Shanghai: 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM'.
function shanghai(ms = Date.now()) {
    return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}
const TODAY = shanghai().slice(0, 10);
const TOMORROW = shanghai(Date.now() + 24 * 3600 * 1000).slice(0, 10);

// A shown time 'YYYY-MM-DD HH:MM' (community time) is within `minutes` of now.
function assertNow(shown, what, minutes = 10) {
    const m = /(\d{4}-\d\d-\d\d) (\d\d:\d\d)/.exec(shown);
    assert.ok(m, `${what}: a time YYYY-MM-DD HH:MM in "${shown}"`);
    const at = Date.parse(`${m[1]}T${m[2]}:00+08:00`);
    assert.ok(Math.abs(at - Date.now()) < minutes * 60 * 1000,
        `${what}: ${m[0]} is the community's time now (${shanghai()})`);
}

// The types of a ticket's events, oldest first.
function eventTypes(id) {
    return sql(`SELECT type FROM ticket_event WHERE ticket_id = ${Number(id)} ORDER BY id`).map((r) => r[0]);
}

// `wanted` appears in `types` in this order (other events may come between).
function assertInOrder(types, wanted) {
    let i = 0;
    for (const t of types) if (t === wanted[i]) i++;
    assert.equal(i, wanted.length, `the events ${JSON.stringify(types)} include ${JSON.stringify(wanted)} in order`);
}

let photoDir;
before(() => {
    photoDir = mkdtempSync(path.join(os.tmpdir(), 'wuye-flow-photo-'));
});
after(() => {
    if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

const mainNav = (page) => page.getByRole('navigation', { name: '主导航' });

// The ticket page's root (office or portal) and its status.
const ticketRoot = (page) => page.locator('[data-ticket-id][data-ticket-code]').first();
const statusOf = (page) => ticketRoot(page).getAttribute('data-status');

// Office: 工单 in the navigation, search the code, open the ticket from its row.
async function openFromQueue(page, ticket, expectStatus) {
    await mainNav(page).getByRole('link', { name: '工单', exact: true }).click();
    await page.waitForURL(`${BASE}/office/tickets`);
    await page.getByLabel('搜索').fill(ticket.code);
    await Promise.all([
        page.waitForURL((u) => u.pathname === '/office/tickets' && u.searchParams.get('q') === ticket.code),
        page.getByRole('button', { name: '筛选' }).click(),
    ]);
    const row = page.locator(`tr[data-ticket-id="${ticket.id}"]`);
    await row.waitFor();
    if (expectStatus) assert.equal(await row.getAttribute('data-status'), expectStatus, 'the row shows the status');
    await Promise.all([
        page.waitForURL(`${BASE}/office/ticket?id=${ticket.id}`),
        row.getByRole('link', { name: ticket.code }).click(),
    ]);
    assert.equal(await ticketRoot(page).getAttribute('data-ticket-code'), ticket.code);
}

// Office: the form of `action` on the ticket page, its <details> unfolded.
async function actionForm(page, action) {
    const form = page.locator(`form[data-action="${action}"]`);
    assert.equal(await form.count(), 1, `the ticket page offers the action ${action}`);
    const details = page.locator('details.action', { has: form });
    if ((await details.count()) && !(await details.evaluate((d) => d.open))) {
        await details.locator('summary').click();
    }
    await form.waitFor({ state: 'visible' });
    return form;
}

// Office: clicks the button `label` of the form of `action`; the ticket page comes back.
async function act(page, action, label) {
    const form = await actionForm(page, action);
    await submit(page, form.getByRole('button', { name: label, exact: true }), '/office/ticket');
}

const timelineText = (page) => page.locator('.timeline').innerText();

// --- (a) to (e): a leak, from the report to the rating -----------------------------------

const leak = {};

test('(a) the resident reports a leak with a photo: 待受理', async () => {
    const photo = path.join(photoDir, '漏水.png');
    writeFileSync(photo, makePng(320, 240));
    leak.description = `厨房水槽下水管漏水，柜子里都是水（流程测试 ${RUN}）`;
    await as('resident 13800000001', async (page) => {
        await loginAs(page, 'portal', '13800000001');
        await page.getByRole('link', { name: '我要报修/投诉' }).click();
        await page.waitForURL(`${BASE}/portal/new-ticket`);
        await page.getByRole('radio', { name: '报修', exact: true }).check();
        await page.locator('select[name="category"]').selectOption({ label: '水电' });
        await page.getByRole('radio', { name: '户内（我家）' }).check();
        await page.getByLabel('具体地点').fill('厨房水槽下');
        await page.getByLabel('问题描述').fill(leak.description);
        await page.locator('input[name="photo"]').setInputFiles(photo);
        await submit(page, page.getByRole('button', { name: '提交', exact: true }), '/portal/ticket');

        const root = ticketRoot(page);
        leak.id = Number(await root.getAttribute('data-ticket-id'));
        leak.code = await root.getAttribute('data-ticket-code');
        assert.match(leak.code, new RegExp(`^BX${TODAY.replace(/-/g, '')}-\\d{4}$`), 'BX, today, a number');
        assert.equal(await root.getAttribute('data-status'), 'new');
        assert.equal(await root.getAttribute('data-kind'), 'repair');
        assert.equal((await page.locator('.status-badge').first().innerText()).trim(), '待受理');
        assert.equal((await page.locator('h1 .ticket-code').innerText()).trim(), leak.code, 'the code is shown');
        const text = await page.locator('main').innerText();
        for (const words of [leak.description, '水电', '户内', '1-1-101', '厨房水槽下']) {
            assert.ok(text.includes(words), `the page says ${words}`);
        }
        const created = await page.locator('dl.facts dt', { hasText: '提交时间' })
            .locator('xpath=following-sibling::dd[1]').innerText();
        assertNow(created, '提交时间');
        await page.waitForFunction(() => {
            const i = document.querySelector('.photos img');
            return i && i.complete && i.naturalWidth === 320;
        });
        await screenshot(page, 'flow-1-resident-report.png');
    }, PHONE);
    assert.equal(sql(`SELECT COUNT(*) FROM ticket_photo WHERE ticket_id = ${leak.id}`)[0][0], '1', 'one photo stored');
});

test('(b) the front desk finds it in the queue, accepts it and dispatches it to 工程部 / 陈强', async () => {
    assert.ok(leak.id, 'step (a) made the ticket');
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await openFromQueue(page, leak, 'new');
        assert.equal(await statusOf(page), 'new');
        assert.equal(await page.locator('.photos img').count(), 1, 'the photo is on the office page');
        await act(page, 'accept', '受理');
        assert.equal(await statusOf(page), 'accepted');

        const form = await actionForm(page, 'dispatch');
        await form.getByLabel('部门', { exact: true }).selectOption({ label: '工程部' });
        await form.getByLabel('处理人').selectOption({ label: '陈强（工程部）' });
        await form.getByLabel('约定上门时间').fill(`${TOMORROW}T10:00`);
        await submit(page, form.getByRole('button', { name: '派工', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'dispatched');
        assert.equal((await page.locator('.status-badge').first().innerText()).trim(), '已派工');
        assert.equal((await page.locator('[data-department]').innerText()).trim(), '工程部');
        assert.equal((await page.locator('[data-assignee]').innerText()).trim(), '陈强');
        const facts = await page.locator('dl.facts').first().innerText();
        assert.ok(facts.includes(`${TOMORROW} 10:00`), `约定上门 ${TOMORROW} 10:00 in: ${facts}`);
        const timeline = await timelineText(page);
        for (const words of ['受理', '派至 工程部']) assert.ok(timeline.includes(words), `the timeline says ${words}`);
        await screenshot(page, 'flow-2-dispatch.png');
    });
});

test('(c) the technician sees it in his queue, starts it and completes it with 50.00 元', async () => {
    assert.ok(leak.id, 'step (a) made the ticket');
    await as('tech', async (page) => {
        await loginAs(page, 'office', 'tech');
        await mainNav(page).getByRole('link', { name: '工单', exact: true }).click();
        await page.waitForURL(`${BASE}/office/tickets`);
        assert.ok((await page.locator('main').innerText()).includes('只显示派给您本人的工单'), 'his own queue');
        await openFromQueue(page, leak, 'dispatched');
        await act(page, 'start', '开始处理（已到场）');
        assert.equal(await statusOf(page), 'in_progress');

        const form = await actionForm(page, 'complete');
        await form.getByLabel('处理结果').fill('更换厨房水槽下水管及密封圈，试水无渗漏。');
        await form.getByLabel('收费金额（元）').fill('50.00');
        await submit(page, form.getByRole('button', { name: '完成', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'completed');
        assert.equal((await page.locator('.status-badge').first().innerText()).trim(), '已完成');
        assert.match((await page.locator('[data-charge]').innerText()).trim(), /^50\.00 元/);
        assert.ok((await timelineText(page)).includes('收费 50.00 元'), 'the timeline shows the charge');
        await screenshot(page, 'flow-3-complete.png');
    });
});

test('(d) the supervisor finds it among the callbacks, calls back (5 分) and closes it', async () => {
    assert.ok(leak.id, 'step (a) made the ticket');
    await as('supervisor', async (page) => {
        await loginAs(page, 'office', 'supervisor');
        await mainNav(page).getByRole('link', { name: '回访', exact: true }).click();
        await page.waitForURL(`${BASE}/office/callbacks`);
        const row = page.locator(`tr[data-ticket-id="${leak.id}"]`);
        // Oldest first: the ticket may be on a later page.
        while (!(await row.count())) {
            const next = page.getByRole('link', { name: '下一页' });
            assert.ok(await next.count(), `${leak.code} is on a page of /office/callbacks`);
            await Promise.all([page.waitForURL(/\/office\/callbacks\?page=\d+$/), next.click()]);
        }
        assert.equal(await row.getAttribute('data-status'), 'completed');
        assert.ok((await row.innerText()).includes('1-1-101'), 'the row names the unit');
        await Promise.all([
            page.waitForURL(`${BASE}/office/ticket?id=${leak.id}`),
            row.getByRole('link', { name: leak.code }).click(),
        ]);

        const form = await actionForm(page, 'callback');
        await form.getByRole('radio', { name: '已接通' }).check();
        await form.getByLabel('满意度').selectOption({ label: '5 分 非常满意' });
        await form.getByLabel('回访记录').fill('业主表示已不漏水，对维修很满意。');
        await submit(page, form.getByRole('button', { name: '记录回访', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'completed');
        assert.ok((await timelineText(page)).includes('已接通，满意度 5 分'), 'the timeline shows the callback');

        await act(page, 'close', '关闭工单');
        assert.equal(await statusOf(page), 'closed');
        assert.equal((await page.locator('.status-badge').first().innerText()).trim(), '已关闭');
        await screenshot(page, 'flow-4-callback-close.png');
    });
});

test('(e) the resident sees the news on home, opens the ticket and rates it 5 stars (响应快)', async () => {
    assert.ok(leak.id, 'step (a) made the ticket');
    await as('resident 13800000001', async (page) => {
        await loginAs(page, 'portal', '13800000001');
        const row = page.locator(`[data-section="my-tickets"] li[data-ticket-id="${leak.id}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-status'), 'closed');
        const said = await row.innerText();
        assert.ok(said.includes(leak.code) && said.includes('已关闭'), `home shows ${leak.code} 已关闭: ${said}`);
        assert.equal(await row.locator('.news-dot').count(), 1, `home marks news on it: ${said}`);
        await Promise.all([page.waitForURL(`${BASE}/portal/ticket?id=${leak.id}`), row.getByRole('link').click()]);
        assert.equal(await statusOf(page), 'closed');
        const timeline = await timelineText(page);
        assert.ok(timeline.includes('更换厨房水槽下水管'), 'the resident reads the result');

        const rate = page.locator('[data-action="rate"]');
        await rate.getByRole('radio', { name: '5 星' }).check();
        await rate.getByRole('checkbox', { name: '响应快', exact: true }).check();
        await rate.getByLabel('评价内容（选填）').fill('师傅第二天就来了，修得很好。');
        await submit(page, rate.getByRole('button', { name: '提交评价' }), '/portal/ticket');
        const rating = page.locator('.rating');
        assert.equal(await rating.getAttribute('data-score'), '5');
        assert.equal((await rating.innerText()).trim(), '5 星');
        assert.equal(await page.locator('[data-action="rate"]').count(), 0, 'no second rating');
        await screenshot(page, 'flow-5-rated.png');
    }, PHONE);

    const [[status, rating, charge, callback]] = sql(
        `SELECT status, rating, charge_fen, callback_done FROM ticket WHERE id = ${leak.id}`);
    assert.deepEqual({ status, rating, charge, callback },
        { status: 'closed', rating: '5', charge: '5000', callback: '1' });
    assertInOrder(eventTypes(leak.id),
        ['created', 'accepted', 'dispatched', 'started', 'completed', 'callback', 'closed', 'rated']);
    const [[dept, assignee]] = sql(`SELECT d.name, s.login FROM ticket t JOIN department d ON d.id = t.department_id
        JOIN staff s ON s.id = t.assignee_staff_id WHERE t.id = ${leak.id}`);
    assert.deepEqual([dept, assignee], ['工程部', 'tech']);
});

// --- (f) a complaint taken at the counter by phone ------------------------------------------

const noise = {};

test('(f) the front desk takes a noise complaint by phone for 1-1-102: 已受理, 首问负责 王芳, to 保安部', async () => {
    noise.description = `来电：楼上深夜拖动家具，噪音持续到凌晨（流程测试 ${RUN}）`;
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await mainNav(page).getByRole('link', { name: '登记', exact: true }).click();
        await page.waitForURL(`${BASE}/office/new-ticket`);
        await page.getByRole('navigation', { name: '工单类型' }).getByRole('link', { name: '投诉' }).click();
        await page.waitForURL(`${BASE}/office/new-ticket?kind=complaint`);
        await page.getByLabel('来源', { exact: true }).selectOption({ label: '电话' });
        await page.getByLabel('报事人', { exact: true }).fill('李娜');
        await page.getByLabel('联系电话').fill('13800000002');
        await page.getByLabel('类别', { exact: true }).selectOption({ label: '噪音（保安部）' });
        await page.getByRole('radio', { name: '户内', exact: true }).check();
        await page.getByLabel('房号', { exact: true }).fill('1-1-102');
        await page.locator('textarea[name="description"]').fill(noise.description);
        await submit(page, page.getByRole('button', { name: '登记', exact: true }), '/office/ticket');

        const root = ticketRoot(page);
        noise.id = Number(await root.getAttribute('data-ticket-id'));
        noise.code = await root.getAttribute('data-ticket-code');
        assert.match(noise.code, new RegExp(`^TS${TODAY.replace(/-/g, '')}-\\d{4}$`));
        assert.equal(await root.getAttribute('data-status'), 'accepted');
        assert.equal(await root.getAttribute('data-kind'), 'complaint');
        assert.equal((await page.locator('.status-badge').first().innerText()).trim(), '已受理');
        assert.equal((await page.locator('[data-owner]').innerText()).trim(), '王芳', '首问负责: 王芳');
        assert.equal((await page.locator('[data-reporter]').innerText()).trim(), '李娜');
        assert.equal(await page.locator('[data-unit="1-1-102"]').count(), 1, 'the unit 1-1-102');
        const meta = await page.locator('.meta').innerText();
        for (const words of ['噪音', '电话']) assert.ok(meta.includes(words), `the ticket says ${words}: ${meta}`);
        assertNow(meta, 'the registration time');
        await screenshot(page, 'flow-6-counter-complaint.png');

        const form = await actionForm(page, 'dispatch');
        await form.getByLabel('部门', { exact: true }).selectOption({ label: '保安部' });
        await submit(page, form.getByRole('button', { name: '派工', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'dispatched');
        assert.equal((await page.locator('[data-department]').innerText()).trim(), '保安部');
    });
});

test('(f) the supervisor replies to the resident, completes it, calls back and closes it', async () => {
    assert.ok(noise.id, 'the counter step made the ticket');
    noise.reply = '已联系 12 楼住户，对方承诺晚 10 点后不再搬动家具，保安夜间巡查时会留意。';
    await as('supervisor', async (page) => {
        await loginAs(page, 'office', 'supervisor');
        await openFromQueue(page, noise, 'dispatched');
        let form = await actionForm(page, 'reply');
        await form.getByLabel('回复内容（业主可见）').fill(noise.reply);
        await submit(page, form.getByRole('button', { name: '回复', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'dispatched', 'a reply leaves the status');
        assert.ok((await timelineText(page)).includes(noise.reply), 'the reply is in the timeline');

        form = await actionForm(page, 'complete');
        await form.getByLabel('处理结果').fill('已与楼上住户沟通并签署文明居住承诺书，近三晚巡查未再发现噪音。');
        await submit(page, form.getByRole('button', { name: '完成', exact: true }), '/office/ticket');
        assert.equal(await statusOf(page), 'completed');

        form = await actionForm(page, 'callback');
        await form.getByRole('radio', { name: '已接通' }).check();
        await form.getByLabel('满意度').selectOption({ label: '4 分 满意' });
        await form.getByLabel('回访记录').fill('业主确认这几天晚上安静了。');
        await submit(page, form.getByRole('button', { name: '记录回访', exact: true }), '/office/ticket');
        await act(page, 'close', '关闭工单');
        assert.equal(await statusOf(page), 'closed');
        assert.equal((await page.locator('[data-owner]').innerText()).trim(), '王芳', '首问负责 stays 王芳');
        await screenshot(page, 'flow-7-complaint-closed.png');
    });
});

test('(f) the resident of 1-1-102 finds it among the household\'s tickets, reads the reply and rates it', async () => {
    assert.ok(noise.id, 'the counter step made the ticket');
    await as('resident 13800000002', async (page) => {
        await loginAs(page, 'portal', '13800000002');
        await mainNav(page).getByRole('link', { name: '我的工单' }).click();
        await page.waitForURL(`${BASE}/portal/tickets`);
        const row = page.locator(`li[data-ticket-id="${noise.id}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-status'), 'closed');
        assert.ok((await row.innerText()).includes(noise.code));
        await Promise.all([page.waitForURL(`${BASE}/portal/ticket?id=${noise.id}`), row.getByRole('link').click()]);
        assert.equal(await ticketRoot(page).getAttribute('data-kind'), 'complaint');
        assert.ok((await timelineText(page)).includes(noise.reply), 'the resident reads the reply');

        const rate = page.locator('[data-action="rate"]');
        await rate.getByRole('radio', { name: '4 星' }).check();
        await rate.getByRole('checkbox', { name: '态度好', exact: true }).check();
        await rate.getByLabel('评价内容（选填）').fill('处理得还算及时。');
        await submit(page, rate.getByRole('button', { name: '提交评价' }), '/portal/ticket');
        assert.equal(await page.locator('.rating').getAttribute('data-score'), '4');
    }, PHONE);

    const [[status, rating, callback, channel, owner, dept, unit]] = sql(
        `SELECT t.status, t.rating, t.callback_done, t.channel, o.login, d.name, u.code FROM ticket t
           JOIN staff o ON o.id = t.owner_staff_id JOIN department d ON d.id = t.department_id
           JOIN unit u ON u.id = t.unit_id WHERE t.id = ${noise.id}`);
    assert.deepEqual({ status, rating, callback, channel, owner, dept, unit },
        { status: 'closed', rating: '4', callback: '1', channel: 'phone', owner: 'frontdesk', dept: '保安部',
            unit: '1-1-102' });
    assertInOrder(eventTypes(noise.id), ['created', 'dispatched', 'reply', 'completed', 'callback', 'closed', 'rated']);
    assert.equal(sql(`SELECT COUNT(*) FROM ticket WHERE code = ${q(noise.code)}`)[0][0], '1');
});
