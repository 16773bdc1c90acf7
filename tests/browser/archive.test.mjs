// The resident archive (业主档案) clicked through the real pages in Chromium, one browser
// (own profile, own cookies) per person:
//   (a) the front desk opens 房屋档案: the grid of buildings and units with its legend,
//       search by plate and by name finds 1-1-101; at phone width the page does not scroll
//       sideways (the grid scrolls inside its card).
//   (b) the unit page of 1-1-101: people, vehicle, cards, keys; a new card is issued to 张伟
//       through the form, listed as issued, then returned.
//   (c) 钥匙门禁 shows what is out and that it agrees with the logs.
//   (d) 张伟's ID number is masked for the front desk, with no reveal control; the manager
//       reveals it and an audit row view_id_number is written.
//   (e) the manager checks a CSV with a bad area and a bad phone in 导入导出: both problems
//       are listed with their row numbers and nothing is written.
// Screenshots office-units.png, office-units-mobile.png, office-unit.png, office-keys.png,
// office-person.png, office-person-revealed.png, office-import-dryrun.png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { q, sql, sqlValue } from '../http/lib.mjs';
import { as, BASE, loginAs, PHONE, screenshot, submit } from './lib.mjs';

const ID_NUMBER = '330106198001011234';
let unitId; // 1-1-101
let zhangId; // 张伟, owner of 1-1-101
let tmpDir;

before(() => {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'wuye-archive-csv-'));
    unitId = Number(sqlValue("SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101'"));
    zhangId = Number(sqlValue("SELECT person_id FROM account WHERE login_phone = '13800000001'"));
    assert.ok(unitId && zhangId, 'the demo unit 1-1-101 and its owner 张伟');
    if (!sqlValue(`SELECT id_number FROM person WHERE id = ${zhangId}`)) {
        sql(`UPDATE person SET id_number = ${q(ID_NUMBER)} WHERE id = ${zhangId}`); // test setup
    }
});
after(() => {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});

const mainNav = (page) => page.getByRole('navigation', { name: '主导航' });

async function navTo(page, label, pathname) {
    await mainNav(page).getByRole('link', { name: label, exact: true }).click();
    await page.waitForURL((u) => u.pathname === pathname);
}

// Types `term` into 搜索 on /office/units, clicks 查看; answers the result rows' unit codes.
async function search(page, term) {
    await page.getByLabel('搜索').fill(term);
    await Promise.all([
        page.waitForURL((u) => u.pathname === '/office/units' && u.searchParams.get('q') === term),
        page.getByRole('button', { name: '查看', exact: true }).click(),
    ]);
    return page.locator('table.unit-results tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.unitCode));
}

// The unit page's form of `action`, its <details> unfolded.
async function actionForm(page, action) {
    const form = page.locator(`form[data-action="${action}"]`);
    assert.equal(await form.count(), 1, `the unit page offers ${action}`);
    const details = page.locator('details.action', { has: form });
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await form.waitFor({ state: 'visible' });
    return form;
}

test('(a) the front desk finds 1-1-101 in the grid and by plate and name; phone width fits', async () => {
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await navTo(page, '房屋档案', '/office/units');
        assert.ok(await page.locator('section.unit-block[data-building-id]').count() >= 1, 'buildings shown');
        const cell = page.locator('a.unit-cell[data-unit-code="1-1-101"]');
        await cell.waitFor();
        assert.match(await cell.getAttribute('data-state'), /^[a-z]+$/);
        assert.ok(await page.locator('a.unit-cell[data-unit-code][data-state]').count() > 10, 'many unit cells');
        const legend = page.getByRole('list', { name: '图例' });
        assert.ok((await legend.locator('li').count()) >= 3, 'a legend of the states');
        assert.ok((await legend.innerText()).includes('空置'), 'the legend names 空置');
        await screenshot(page, 'office-units.png');

        for (const term of ['浙A12345', '张伟']) {
            const codes = await search(page, term);
            assert.ok(codes.includes('1-1-101'), `${term} finds 1-1-101: ${JSON.stringify(codes)}`);
        }
    });

    await as('frontdesk (phone)', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await page.goto(`${BASE}/office/units`);
        await page.locator('a.unit-cell[data-unit-code="1-1-101"]').waitFor({ state: 'attached' });
        const widths = await page.evaluate(() => ({
            doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth,
        }));
        assert.ok(widths.doc <= widths.view && widths.body <= widths.view,
            `no horizontal page scroll at 390px: ${JSON.stringify(widths)}`);
        await screenshot(page, 'office-units-mobile.png');
    }, PHONE);
});

test('(b) the unit page of 1-1-101: people, vehicle, cards, keys; a card issued and returned', async () => {
    const number = `LS-T${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await navTo(page, '房屋档案', '/office/units');
        await Promise.all([
            page.waitForURL(`${BASE}/office/unit?id=${unitId}`),
            page.locator('a.unit-cell[data-unit-code="1-1-101"]').click(),
        ]);
        const root = page.locator('article.archive-unit');
        assert.equal(await root.getAttribute('data-unit-code'), '1-1-101');

        const occupants = page.locator('table.occupants tbody tr');
        const people = await occupants.evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ')));
        assert.ok(people.some((t) => t.includes('张伟') && t.includes('业主')), `张伟 业主 in ${JSON.stringify(people)}`);
        assert.ok(people.some((t) => t.includes('张小雨')), `张小雨 in ${JSON.stringify(people)}`);
        await page.locator('tr[data-plate="浙A12345"]').waitFor();
        for (const card of ['LS-0001011', 'LS-0001012']) {
            await page.locator(`table.cards tr[data-card-number="${card}"]`).waitFor();
        }
        assert.ok(await page.locator('table.keys tbody tr[data-key-id]').count() >= 1, 'keys listed');

        const issue = await actionForm(page, 'card_issue');
        await issue.getByLabel('卡号').fill(number);
        await issue.getByLabel('持卡人').selectOption({ label: '张伟（业主）' });
        await submit(page, issue.getByRole('button', { name: '发卡', exact: true }), '/office/unit');
        const row = page.locator(`table.cards tr[data-card-number="${number}"]`);
        assert.equal(await row.getAttribute('data-state'), 'issued');
        assert.ok((await row.innerText()).includes('张伟'), 'held by 张伟');
        const cardId = await row.getAttribute('data-card-id');

        const ret = await actionForm(page, 'card_return');
        await ret.getByLabel('门禁卡').selectOption(cardId);
        await submit(page, ret.getByRole('button', { name: '退卡', exact: true }), '/office/unit');
        const after = page.locator(`table.cards tr[data-card-number="${number}"]`);
        if (await after.count()) assert.notEqual(await after.getAttribute('data-state'), 'issued', 'returned');
        assert.equal(sqlValue(`SELECT state FROM access_card WHERE community_id = 1 AND number = ${q(number)}`), 'returned');
        assert.deepEqual(sql(`SELECT l.action FROM access_card_log l JOIN access_card c ON c.id = l.card_id
            WHERE c.community_id = 1 AND c.number = ${q(number)} ORDER BY l.id`).flat(), ['issue', 'return']);
        await screenshot(page, 'office-unit.png');
    });
});

test('(c) 钥匙门禁 shows what is out, in agreement with the logs', async () => {
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await navTo(page, '钥匙门禁', '/office/keys');
        const root = page.locator('section.archive-keys');
        assert.equal(await root.getAttribute('data-agree'), 'yes');
        assert.ok((await root.innerText()).includes('与发放记录一致'), 'the page says it agrees');
        const out = Number(await root.getAttribute('data-cards-out')) + Number(await root.getAttribute('data-keys-out'));
        assert.equal(await page.locator('table.out-now tbody tr').count(), out, 'one row per item out');
        await page.locator('table.out-now tr[data-unit-code="1-1-101"]').first().waitFor();
        await screenshot(page, 'office-keys.png');
    });
});

test('(d) the ID number: masked for the front desk; the manager reveals it, audited', async () => {
    const full = sqlValue(`SELECT id_number FROM person WHERE id = ${zhangId}`);
    const audits = () => Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'view_id_number'
        AND object_type = 'person' AND object_id = ${zhangId}`));
    const openPerson = async (page) => {
        await navTo(page, '房屋档案', '/office/units');
        await page.locator('a.unit-cell[data-unit-code="1-1-101"]').click();
        await page.waitForURL(`${BASE}/office/unit?id=${unitId}`);
        await Promise.all([
            page.waitForURL(`${BASE}/office/person?id=${zhangId}`),
            page.locator('table.occupants').getByRole('link', { name: '张伟', exact: true }).click(),
        ]);
    };
    const before = audits();
    await as('frontdesk', async (page) => {
        await loginAs(page, 'office', 'frontdesk');
        await openPerson(page);
        const shown = (await page.locator('[data-id-number]').innerText()).trim();
        assert.ok(shown.includes('*'), `masked: ${shown}`);
        assert.ok(!(await page.locator('main').innerText()).includes(full), 'never the full number');
        assert.equal(await page.locator('[data-reveal]').count(), 0, 'no reveal control for the front desk');
        await screenshot(page, 'office-person.png');
        await page.goto(`${BASE}/office/person?id=${zhangId}&reveal=1`);
        assert.ok(!(await page.content()).includes(full), 'reveal=1 by hand is refused too');
    });
    assert.equal(audits(), before, 'no audit row for the front desk');

    await as('manager', async (page) => {
        await loginAs(page, 'office', 'manager');
        await openPerson(page);
        assert.ok((await page.locator('[data-id-number]').innerText()).includes('*'), 'masked until asked');
        const reveal = page.locator('[data-reveal]');
        assert.equal(await reveal.count(), 1, 'the manager is offered the reveal control');
        await Promise.all([
            page.waitForURL(`${BASE}/office/person?id=${zhangId}&reveal=1`),
            reveal.click(),
        ]);
        assert.equal((await page.locator('[data-id-number]').innerText()).trim(), full, 'the full number');
        await screenshot(page, 'office-person-revealed.png');
    });
    assert.equal(audits(), before + 1, 'one view_id_number audit row');
});

test('(e) the manager checks a CSV with a bad area and a bad phone: both listed, nothing written', async () => {
    const file = path.join(tmpDir, '房屋导入.csv');
    writeFileSync(file, [
        'building,unit,floor,area_m2,type,state,owner_name,owner_phone,owner_id_number,relation,since',
        '1,1-9-901,9,八十,residence,vacant,,,,,', // row 2: bad area
        '1,1-9-902,9,80.00,residence,occupied,王五,12345,,owner,2024-01-01', // row 3: bad phone
        '',
    ].join('\r\n'));
    const counts = () => sql(`SELECT (SELECT COUNT(*) FROM unit WHERE community_id = 1),
        (SELECT COUNT(*) FROM person WHERE community_id = 1)`)[0].join(' ');
    const before = counts();
    await as('manager', async (page) => {
        await loginAs(page, 'office', 'manager');
        await navTo(page, '导入导出', '/office/import');
        const form = page.locator('form[data-form="check"]');
        await form.locator('input[type="file"]').setInputFiles(file);
        const [answer] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/office/import'),
            form.getByRole('button', { name: '检查', exact: true }).click(),
        ]);
        assert.equal(answer.status(), 422, 'a file with problems is refused');
        await page.waitForLoadState('load');
        const report = page.getByRole('region', { name: '检查结果' });
        await report.waitFor();
        assert.equal(await report.getAttribute('data-rows'), '2');
        assert.equal(await page.locator('[data-problems]').getAttribute('data-problems'), '2');
        const area = page.locator('table.import-problems tr[data-row="2"][data-column="area_m2"]');
        const phone = page.locator('table.import-problems tr[data-row="3"][data-column="owner_phone"]');
        assert.match(await area.innerText(), /^\s*第 2 行\s[\s\S]*面积/);
        assert.match(await phone.innerText(), /^\s*第 3 行\s[\s\S]*电话/);
        assert.ok((await report.innerText()).includes('没有写入任何数据'));
        assert.equal(await page.locator('form[data-form="import"]').count(), 0, 'no 导入 after problems');
        await screenshot(page, 'office-import-dryrun.png');
    }, {}, /^console: Failed to load resource: the server responded with a status of 422 .*\/office\/import\)$/);
    assert.equal(counts(), before, 'no unit or person written');
});
