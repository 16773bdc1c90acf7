// /office/fees over HTTP: 收费项目与标准. Adding fee items (unique codes, the rules of each
// kind), adding rates (prices with up to 4 decimals shown as typed, tiers, a date that
// already has a rate, a date inside a billed month), which rate is in force today, and who
// may see and change them. Every test works on items of its own with unique codes.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, fieldErrors, q, signIn, sql, sqlValue, staffId, textOf, uniqueSuffix } from './lib.mjs';

let manager;
let front; // 王芳, frontdesk: may look, not change
let tech; // technician: may not even look

before(async () => {
    manager = await signIn('staff', 'manager');
    front = await signIn('staff', 'frontdesk');
    tech = await signIn('staff', 'tech');
});

function freshCode(prefix = 't') {
    return `${prefix}_${uniqueSuffix()}`.toLowerCase().slice(0, 20);
}

// POSTs the form (an array value repeats its field) with a fresh csrf token of jar.
async function post(jar, fields, { csrf = true } = {}) {
    const page = await fetchPage('/office/fees', { jar });
    assert.equal(page.status, 200, page.body.slice(0, 500));
    const form = new URLSearchParams();
    if (csrf) form.append('csrf', csrfFrom(page.body, '/office/logout'));
    for (const [k, v] of Object.entries(fields)) for (const one of [].concat(v)) form.append(k, String(one));
    return fetchPage('/office/fees', { jar, form });
}

async function addItem(fields) {
    const res = await post(manager, { action: 'item', unit_types: ['residence', 'shop'], ...fields });
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    return res;
}

// The section of an item on the page, and its rate rows [{validFrom, priceE4, current, text}].
function itemSection(html, code) {
    const m = new RegExp(`<section class="card fee-item"[^>]*data-item-code="${code}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
    return m ? m[0] : undefined;
}
function rates(section) {
    const out = [];
    const re = /<tr data-rate-id="\d+" data-valid-from="([^"]+)" data-price-e4="(\d+)" data-current="([01])"[^>]*>([\s\S]*?)<\/tr>/g;
    for (let m; (m = re.exec(section));) {
        out.push({ validFrom: m[1], priceE4: Number(m[2]), current: m[3] === '1', text: textOf(m[4]).trim() });
    }
    return out;
}

test('a manager adds a metered item; the page lists it with its kind, unit and the units that pay', async () => {
    const code = freshCode('w');
    const res = await addItem({ code, name: '热水费', kind: 'metered', unit_label: '吨', unit_types: ['residence'] });
    assert.match(res.location, new RegExp(`^/office/fees\\?saved=item&code=${code}`));
    const row = sql(`SELECT name, kind, unit_label, unit_types, active FROM fee_item WHERE community_id = 1 AND code = ${q(code)}`)[0];
    assert.deepEqual(row, ['热水费', 'metered', '吨', 'residence', '1']);
    const page = await fetchPage(res.location, { jar: manager });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), new RegExp(`已添加收费项目 ${code}`));
    const section = itemSection(page.body, code);
    assert.ok(section, 'the item has its own section with data-item-code');
    const text = textOf(section);
    assert.match(text, /热水费/);
    assert.match(text, /按表计量/);
    assert.match(text, /吨/);
    assert.match(text, /住宅/);
    assert.doesNotMatch(text, /商铺/);
    assert.match(text, /还没有收费标准/);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'fee_item_add' AND object_type = 'fee_item'
        AND object_id = (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`)), 1);
});

test('an item code used already, a bad code, a metered item without its unit or no unit type: 422, nothing added', async () => {
    const code = freshCode('d');
    await addItem({ code, name: '第一个', kind: 'fixed' });
    const dup = await post(manager, { action: 'item', code, name: '第二个', kind: 'fixed', unit_types: 'residence' });
    assert.equal(dup.status, 422);
    assert.match(fieldErrors(dup.body).code, /已有收费项目使用/);
    assert.match(dup.body, /value="第二个"/, 'the form keeps what was typed');
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM fee_item WHERE community_id = 1 AND code = ${q(code)}`)), 1);

    const before = Number(sqlValue('SELECT COUNT(*) FROM fee_item'));
    const bad = await post(manager, { action: 'item', code: 'Water-1', name: '水', kind: 'fixed', unit_types: 'residence' });
    assert.equal(bad.status, 422);
    assert.match(fieldErrors(bad.body).code, /小写字母/);
    const noUnit = await post(manager, { action: 'item', code: freshCode('n'), name: '电', kind: 'metered', unit_types: 'residence' });
    assert.equal(noUnit.status, 422);
    assert.match(fieldErrors(noUnit.body).unit_label, /计量单位/);
    const noTypes = await post(manager, { action: 'item', code: freshCode('n'), name: '电', kind: 'fixed' });
    assert.equal(noTypes.status, 422);
    assert.ok(fieldErrors(noTypes.body).unit_types);
    const badKind = await post(manager, { action: 'item', code: freshCode('n'), name: '电', kind: 'monthly', unit_types: 'residence' });
    assert.equal(badKind.status, 422);
    assert.ok(fieldErrors(badKind.body).kind);
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM fee_item')), before);
});

test('a rate with 4 decimals and three tiers is shown as entered, in 元 per the unit', async () => {
    const code = freshCode('p');
    await addItem({ code, name: '电费', kind: 'metered', unit_label: '度' });
    const res = await post(manager, {
        action: 'rate', item: code, valid_from: '2025-01-01', price: '0.538', tier2_from: '200', tier2_price: '0.588',
        tier3_from: '400.5', tier3_price: '0.8380', note: '发改委 2025 号',
    });
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    const row = sql(`SELECT price_e4, vacant_price_e4, tier2_from_c, tier2_price_e4, tier3_from_c, tier3_price_e4, note, staff_id
        FROM fee_rate WHERE fee_item_id = (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`);
    assert.deepEqual(row, [['5380', null, '20000', '5880', '40050', '8380', '发改委 2025 号', String(staffId('manager'))]]);
    const page = await fetchPage(res.location, { jar: manager });
    assert.match(textOf(page.body), new RegExp(`已保存 ${code} 自 2025-01-01 起执行的收费标准`));
    const [rate] = rates(itemSection(page.body, code));
    assert.equal(rate.priceE4, 5380);
    assert.match(rate.text, /0\.538 元\/度/);
    assert.match(rate.text, /超过 200\.00 度：0\.588 元\/度/);
    assert.match(rate.text, /超过 400\.50 度：0\.838 元\/度/);
    assert.match(rate.text, /发改委 2025 号/);
    assert.ok(rate.current);
});

test('prices of area and fixed items read 元/㎡·月 and 元/户·月; a vacant price only for area', async () => {
    const area = freshCode('a');
    await addItem({ code: area, name: '管理费', kind: 'area' });
    const ok = await post(manager, { action: 'rate', item: area, valid_from: '2025-03-01', price: '2.5', vacant_price: '1.75' });
    assert.equal(ok.status, 303, ok.body.slice(0, 1500));
    const fixed = freshCode('f');
    await addItem({ code: fixed, name: '垃圾费', kind: 'fixed' });
    const vacant = await post(manager, { action: 'rate', item: fixed, valid_from: '2025-03-01', price: '10', vacant_price: '5' });
    assert.equal(vacant.status, 422);
    assert.match(fieldErrors(vacant.body).vacant_price, /按面积/);
    const tiers = await post(manager, { action: 'rate', item: fixed, valid_from: '2025-03-01', price: '10', tier2_from: '5', tier2_price: '2' });
    assert.equal(tiers.status, 422);
    assert.match(fieldErrors(tiers.body).tier2_from, /按表计量/);
    assert.equal((await post(manager, { action: 'rate', item: fixed, valid_from: '2025-03-01', price: '10' })).status, 303);
    const page = await fetchPage('/office/fees', { jar: manager });
    assert.match(rates(itemSection(page.body, area))[0].text, /2\.50 元\/㎡·月 1\.75 元\/㎡·月/);
    assert.match(rates(itemSection(page.body, fixed))[0].text, /10\.00 元\/户·月/);
});

test('bad prices and tiers: 422 with the field named, nothing added', async () => {
    const code = freshCode('b');
    await addItem({ code, name: '水费', kind: 'metered', unit_label: '吨' });
    const count = () => Number(sqlValue(`SELECT COUNT(*) FROM fee_rate WHERE fee_item_id =
        (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`));
    const cases = [
        [{ price: '0.53801' }, 'price', /4 位小数/],
        [{ price: '-1' }, 'price', /金额/],
        [{ price: '' }, 'price', /单价/],
        [{ price: '3', tier2_price: '4' }, 'tier2_from', /起始用量/],
        [{ price: '3', tier2_from: '20' }, 'tier2_price', /第二档单价/],
        [{ price: '3', tier2_from: '20', tier2_price: '4', tier3_from: '20', tier3_price: '5' }, 'tier3_from', /大于第二档/],
        [{ price: '3', tier3_from: '30', tier3_price: '5' }, 'tier3_from', /先填写第二档/],
        [{ price: '3', tier2_from: '20.123', tier2_price: '4' }, 'tier2_from', /2 位小数/],
    ];
    for (const [fields, field, message] of cases) {
        const res = await post(manager, { action: 'rate', item: code, valid_from: '2025-01-01', ...fields });
        assert.equal(res.status, 422, JSON.stringify(fields));
        assert.match(fieldErrors(res.body)[field] || '', message, JSON.stringify(fields));
    }
    const unknown = await post(manager, { action: 'rate', item: 'no_such_item', valid_from: '2025-01-01', price: '1' });
    assert.equal(unknown.status, 422);
    assert.match(fieldErrors(unknown.body).item, /没有这个收费项目/);
    assert.equal(count(), 0);
});

test('the same item and date twice: 422 该日期已有收费标准; the rate in force today is marked', async () => {
    const code = freshCode('r');
    await addItem({ code, name: '物业费', kind: 'area' });
    for (const [from, price] of [['2024-01-01', '2'], ['2025-07-01', '2.2'], ['2099-01-01', '3']]) {
        const res = await post(manager, { action: 'rate', item: code, valid_from: from, price });
        assert.equal(res.status, 303, res.body.slice(0, 1500));
    }
    const again = await post(manager, { action: 'rate', item: code, valid_from: '2025-07-01', price: '9' });
    assert.equal(again.status, 422);
    assert.equal(fieldErrors(again.body).valid_from, '该日期已有收费标准');
    assert.match(again.body, /value="9"/);
    const page = await fetchPage('/office/fees', { jar: manager });
    const list = rates(itemSection(page.body, code));
    assert.deepEqual(list.map((r) => [r.validFrom, r.priceE4, r.current]),
        [['2024-01-01', 20000, false], ['2025-07-01', 22000, true], ['2099-01-01', 30000, false]]);
    assert.match(list[1].text, /现行/);
    assert.equal(Number(sqlValue(`SELECT price_e4 FROM fee_rate WHERE valid_from = '2025-07-01' AND fee_item_id =
        (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`)), 22000, 'the first rate stays');
});

test('a rate may not start in a month already billed for its item', async () => {
    const code = freshCode('m');
    await addItem({ code, name: '停车管理费', kind: 'fixed' });
    assert.equal((await post(manager, { action: 'rate', item: code, valid_from: '2030-01-01', price: '50' })).status, 303);
    const unit = sqlValue("SELECT id FROM unit WHERE community_id = 1 AND code = '1-1-101'");
    sql(`INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (1, ${unit}, 'oneoff', '2030-05', NULL, 5000, '2030-05-31', NOW());
         INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, price_e4, amount_fen)
           SELECT 1, LAST_INSERT_ID(), id, '停车管理费 2030-05', 100, 500000, 5000 FROM fee_item WHERE community_id = 1 AND code = ${q(code)};`);
    for (const from of ['2030-05-01', '2030-05-20', '2030-03-01']) {
        const res = await post(manager, { action: 'rate', item: code, valid_from: from, price: '60' });
        assert.equal(res.status, 422, from);
        assert.match(fieldErrors(res.body).valid_from, /已出账到 2030-05/);
    }
    assert.equal((await post(manager, { action: 'rate', item: code, valid_from: '2030-06-01', price: '60' })).status, 303);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM fee_rate WHERE fee_item_id =
        (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`)), 2);
    sql(`DELETE l, b FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE l.fee_item_id =
        (SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)})`);
});

test('the front desk sees the items but no forms and may not change them (403); a technician may not look', async () => {
    const page = await fetchPage('/office/fees', { jar: front });
    assert.equal(page.status, 200);
    assert.match(page.body, /data-item-code="water"/);
    assert.doesNotMatch(page.body, /data-form="rate"|data-form="item"/);
    const before = Number(sqlValue('SELECT COUNT(*) FROM fee_item'));
    const res = await post(front, { action: 'item', code: freshCode('x'), name: '不许', kind: 'fixed', unit_types: 'residence' });
    assert.equal(res.status, 403);
    const rate = await post(front, { action: 'rate', item: 'water', valid_from: '2031-01-01', price: '1' });
    assert.equal(rate.status, 403);
    assert.equal(Number(sqlValue('SELECT COUNT(*) FROM fee_item')), before);
    assert.equal(Number(sqlValue("SELECT COUNT(*) FROM fee_rate WHERE valid_from = '2031-01-01'")), 0);
    assert.equal((await fetchPage('/office/fees', { jar: tech })).status, 403);
});

test('a form without its csrf token changes nothing; GET-only fields and other methods are refused', async () => {
    const code = freshCode('c');
    const res = await post(manager, { action: 'item', code, name: '无令牌', kind: 'fixed', unit_types: 'residence' }, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM fee_item WHERE code = ${q(code)}`)), 0);
    const put = await fetchPage('/office/fees', { jar: manager, method: 'PUT', body: 'x' });
    assert.equal(put.status, 405);
});
