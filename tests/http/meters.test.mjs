// /office/meters over HTTP: 抄表. The sheet of a building (every unit in floor order with
// the reading it follows), saving readings with their usage, the readings that need a
// confirmation (lower than the last one: a new meter; a usage far above the recent
// average), replacing an unbilled reading and refusing to replace a billed one, the CSV
// import with its dry run and its refusals row by row, and who may enter readings. The
// tests work on a building and a metered item of their own, made by SQL.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, q, signIn, sql, sqlValue, staffId, textOf, uniqueSuffix } from './lib.mjs';

const run = uniqueSuffix();
const BUILDING = freshBuilding();
const ITEM = `mt_${run}`.slice(0, 20);
let itemId;
let manager;
let supervisor; // sees readings, may not enter them
let front; // 王芳, frontdesk: enters readings

// A building code (M and 3 letters or digits) the community does not have yet.
function freshBuilding() {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    for (;;) {
        const code = `M${Array.from({ length: 3 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`;
        if (!Number(sqlValue(`SELECT COUNT(*) FROM building WHERE community_id = 1 AND code = ${q(code)}`))) return code;
    }
}

// Units of our building: [room, floor] in an order that is not the floor order.
const ROOMS = [['201', 2], ['101', 1], ['102', 1], ['301', 3], ['302', 3], ['401', 4], ['402', 4], ['501', 5]];
const unit = (room) => `${BUILDING}-1-${room}`;
const unitId = {};

before(async () => {
    manager = await signIn('staff', 'manager');
    supervisor = await signIn('staff', 'supervisor');
    front = await signIn('staff', 'frontdesk');
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(BUILDING)}, ${q(`抄表测试${BUILDING}`)}, 5)`);
    const b = sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`);
    for (const [room, floor] of ROOMS) {
        sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
             VALUES (1, ${b}, ${q(unit(room))}, ${floor}, 80.00, 'residence', 'occupied')`);
        unitId[room] = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(unit(room))}`));
    }
    sql(`INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort)
         VALUES (1, ${q(ITEM)}, '测试水费', 'metered', '吨', 'residence,shop', 999)`);
    itemId = Number(sqlValue(`SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(ITEM)}`));
});

// A reading put straight into the database (previous_c NULL for a first reading).
function seed(room, period, readingC, previousC = null) {
    sql(`INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, previous_c, usage_c, created_at)
         VALUES (1, ${unitId[room]}, ${itemId}, ${q(period)}, ${readingC}, ${previousC ?? 'NULL'},
                 ${previousC === null ? 0 : readingC - previousC}, NOW())`);
}

function readings(room, period) {
    return sql(`SELECT id, reading_c, previous_c, usage_c, flag, current_key, source, staff_id FROM meter_reading
        WHERE unit_id = ${unitId[room]} AND fee_item_id = ${itemId} AND period = ${q(period)} ORDER BY id`)
        .map(([id, reading, previous, usage, flag, current, source, staff]) => ({
            id: Number(id), reading: Number(reading), previous: previous === null ? null : Number(previous),
            usage: Number(usage), flag, current: current === '1', source, staff: Number(staff),
        }));
}

const sheetUrl = (period) => `/office/meters?building=${BUILDING}&item=${ITEM}&period=${period}`;

// The sheet's rows: [{code, usageC, text, input, error}] in page order.
function rows(html) {
    const out = [];
    const re = /<tr data-unit-code="([^"]+)" data-usage-c="(-?\d*)" data-billed="([01])"[^>]*>([\s\S]*?)<\/tr>/g;
    for (let m; (m = re.exec(html));) {
        const input = /<input name="reading" value="([^"]*)"/.exec(m[4]);
        const error = /<p class="field-error" data-field="reading" data-unit-code="([^"]+)">([\s\S]*?)<\/p>/.exec(m[4]);
        out.push({
            code: m[1], usageC: m[2] === '' ? null : Number(m[2]), billed: m[3] === '1', text: textOf(m[4]).trim(),
            input: input ? input[1] : undefined, error: error ? { unit: error[1], message: textOf(error[2]) } : undefined,
            confirm: /name="confirm"/.test(m[4]),
        });
    }
    return out;
}

// Saves readings {room: text} for period (confirm: rooms), the way the sheet's form does.
async function save(jar, period, entries, { confirm = [] } = {}) {
    const page = await fetchPage(sheetUrl(period), { jar });
    assert.equal(page.status, 200, page.body.slice(0, 800));
    const form = new URLSearchParams({ csrf: csrfFrom(page.body, '/office/meters'), action: 'save', building: BUILDING, item: ITEM, period });
    for (const r of rows(page.body)) {
        const room = r.code.split('-').pop();
        form.append('unit', r.code);
        form.append('reading', entries[room] ?? '');
    }
    for (const room of confirm) form.append('confirm', unit(room));
    return fetchPage('/office/meters', { jar, form });
}

async function upload(jar, content, fields) {
    const page = await fetchPage(sheetUrl('2026-01'), { jar });
    const form = new FormData();
    form.append('csrf', csrfFrom(page.body, '/office/meters'));
    form.append('action', 'import');
    form.append('item', ITEM);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([content], { type: 'text/csv' }), 'readings.csv');
    return fetchPage('/office/meters', { jar, body: form });
}

test('the sheet lists every unit of the building in floor order with the reading it follows', async () => {
    seed('101', '2025-10', 10000);
    seed('101', '2025-11', 10800, 10000);
    const page = await fetchPage(sheetUrl('2025-12'), { jar: front });
    assert.equal(page.status, 200);
    const list = rows(page.body);
    assert.deepEqual(list.map((r) => r.code), ['101', '102', '201', '301', '302', '401', '402', '501'].map(unit));
    assert.match(list[0].text, /108\.00 2025-11/, 'the latest reading of an earlier month');
    assert.equal(list[0].usageC, null, 'nothing read this month yet');
    assert.match(list[1].text, /— .*未抄/);
    // The month of a reading shows it, its usage and who entered it.
    const nov = rows((await fetchPage(sheetUrl('2025-11'), { jar: front })).body)[0];
    assert.equal(nov.usageC, 800);
    assert.match(nov.text, /100\.00 2025-10 108\.00 8\.00/);
    // Defaults: a sheet without choices is of some building, the first metered item and this month.
    const plain = await fetchPage('/office/meters', { jar: front });
    assert.equal(plain.status, 200);
    assert.match(plain.body, /data-period="20\d\d-\d\d"/);
    assert.equal((await fetchPage('/office/meters?building=NOPE', { jar: front })).status, 404);
    assert.equal((await fetchPage('/office/meters?period=2026-13', { jar: front })).status, 400);
});

test('saving the sheet writes each reading with its usage; empty inputs are skipped', async () => {
    const res = await save(front, '2025-12', { 101: '112.5', 102: '50' });
    assert.equal(res.status, 303, res.body.slice(0, 1500));
    assert.equal(res.location, `${sheetUrl('2025-12')}&saved=2`);
    const [r] = readings('101', '2025-12');
    assert.deepEqual({ ...r, id: 0 }, {
        id: 0, reading: 11250, previous: 10800, usage: 450, flag: 'none', current: true, source: 'page', staff: staffId('frontdesk'),
    });
    const first = readings('102', '2025-12')[0];
    assert.equal(first.previous, null, 'a first reading follows nothing');
    assert.equal(first.usage, 0);
    assert.equal(readings('201', '2025-12').length, 0);
    const page = await fetchPage(res.location, { jar: front });
    assert.match(textOf(page.body), /已保存 2 条读数/);
    const list = rows(page.body);
    assert.equal(list[0].usageC, 450);
    assert.match(list[0].text, /112\.50 4\.50 王芳/);
    assert.match(list[1].text, /首次读数/);
    assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'meter_save' AND object_id = ${itemId}
        AND detail LIKE '2025-12 读数 2 条%'`)), 1);
});

test('a reading lower than the last one needs a confirmation (a new meter): usage is the reading itself', async () => {
    seed('301', '2025-10', 50000);
    seed('301', '2025-11', 51000, 50000);
    const refused = await save(front, '2025-12', { 301: '5.5', 302: '77' });
    assert.equal(refused.status, 422);
    const list = rows(refused.body);
    const row = list.find((r) => r.code === unit('301'));
    assert.equal(row.error.unit, unit('301'));
    assert.match(row.error.message, /低于上次读数 510\.00/);
    assert.ok(row.confirm, 'a checkbox to confirm');
    assert.equal(row.input, '5.5', 'what was typed stays');
    assert.equal(list.find((r) => r.code === unit('302')).input, '77');
    assert.match(textOf(refused.body), /没有保存任何读数/);
    assert.equal(readings('301', '2025-12').length + readings('302', '2025-12').length, 0, 'nothing written');

    const ok = await save(front, '2025-12', { 301: '5.5', 302: '77' }, { confirm: ['301'] });
    assert.equal(ok.status, 303, ok.body.slice(0, 1500));
    const [r] = readings('301', '2025-12');
    assert.equal(r.flag, 'lower');
    assert.equal(r.usage, 550);
    assert.equal(r.previous, 51000);
    assert.equal(readings('302', '2025-12').length, 1);
});

test('a usage over 3 times the average of the last 3 months needs a confirmation', async () => {
    seed('401', '2025-08', 1000);
    seed('401', '2025-09', 2000, 1000);
    seed('401', '2025-10', 3200, 2000);
    seed('401', '2025-11', 4000, 3200); // usages 10, 12, 8: average 10 tons
    const jump = await save(front, '2025-12', { 401: '70.01', 402: '3' }); // usage 30.01 > 30
    assert.equal(jump.status, 422);
    const row = rows(jump.body).find((r) => r.code === unit('401'));
    assert.match(row.error.message, /用量 30\.01 超过近 3 期平均用量 10\.00 的 3 倍/);
    assert.equal(readings('401', '2025-12').length + readings('402', '2025-12').length, 0);
    // Exactly 3 times is not a jump.
    const atLimit = await save(front, '2025-12', { 401: '70', 402: '3' });
    assert.equal(atLimit.status, 303, atLimit.body.slice(0, 1500));
    assert.equal(readings('401', '2025-12')[0].flag, 'none');
    // January follows December (usage 30): average (12 + 8 + 30) / 3; 60 over it is a jump, confirmed.
    const confirmed = await save(front, '2026-01', { 401: '140.01' }, { confirm: ['401'] });
    assert.equal(confirmed.status, 303);
    const [r] = readings('401', '2026-01');
    assert.equal(r.flag, 'jump');
    assert.equal(r.usage, 7001);
});

test('a reading of a month is replaced while unbilled; a billed one is refused with 409', async () => {
    assert.equal((await save(front, '2026-02', { 501: '50' })).status, 303);
    assert.equal((await save(front, '2026-02', { 501: '50' })).status, 303, 'the same value again');
    assert.equal(readings('501', '2026-02').length, 1, 'an unchanged reading adds nothing');
    const res = await save(manager, '2026-02', { 501: '55.25' });
    assert.equal(res.status, 303);
    const [old, now] = readings('501', '2026-02');
    assert.equal(old.current, false);
    assert.equal(old.reading, 5000);
    assert.equal(now.current, true);
    assert.equal(now.reading, 5525);
    assert.equal(now.staff, staffId('manager'));
    // March follows the reading in force, not the replaced one.
    const march = rows((await fetchPage(sheetUrl('2026-03'), { jar: front })).body).find((r) => r.code === unit('501'));
    assert.match(march.text, /^.*55\.25 2026-02/);

    sql(`INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (1, ${unitId['501']}, 'period', '2026-02', '2026-02', 0, '2026-03-15', NOW());
         INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, price_e4, amount_fen, reading_id)
           VALUES (1, LAST_INSERT_ID(), ${itemId}, '测试水费', 0, 34500, 0, ${now.id});`);
    const sheet = rows((await fetchPage(sheetUrl('2026-02'), { jar: front })).body).find((r) => r.code === unit('501'));
    assert.ok(sheet.billed);
    const refused = await save(front, '2026-02', { 501: '60', 402: '4' });
    assert.equal(refused.status, 409);
    assert.match(textOf(refused.body), /已出账/);
    const after = readings('501', '2026-02');
    assert.equal(after.length, 2);
    assert.equal(after.find((r) => r.current).id, now.id, 'the billed reading stays in force');
    assert.equal(readings('402', '2026-02').length, 0, 'nor anything else of the sheet');
});

test('a month cannot be entered or changed once a later month has its reading (409)', async () => {
    const b = sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(BUILDING)}`);
    sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state)
         VALUES (1, ${b}, ${q(unit('601'))}, 6, 80.00, 'residence', 'occupied')`);
    unitId['601'] = Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(unit('601'))}`));
    assert.equal((await save(front, '2027-04', { 601: '10' })).status, 303);
    assert.equal((await save(front, '2027-05', { 601: '20' })).status, 303);
    for (const [period, value] of [['2027-04', '12'], ['2027-03', '5']]) {
        const res = await save(front, period, { 601: value });
        assert.equal(res.status, 409, `${period} after May`);
        assert.match(textOf(res.body), /已有 2027-0[45] 的读数，不能再录入或更改更早的/);
    }
    assert.deepEqual(readings('601', '2027-04').map((r) => r.reading), [1000], 'April unchanged');
    assert.equal(readings('601', '2027-03').length, 0, 'no March reading');
    assert.equal(readings('601', '2027-05')[0].usage, 1000, 'May still measured from April');
});

test('CSV import: a dry run lists the rows and writes nothing; the import writes them with source import', async () => {
    const csv = `\uFEFF房号,读数\r\n${unit('101')},130\r\n${unit('102')},55.5\r\n${unit('201')},\r\n`;
    const dry = await upload(front, csv, { period: '2026-01', dry_run: '1' });
    assert.equal(dry.status, 200, dry.body.slice(0, 2000));
    const lines = [...dry.body.matchAll(/<tr data-line="(\d+)" data-unit-code="([^"]+)" data-usage-c="(\d+)"/g)]
        .map((m) => [Number(m[1]), m[2], Number(m[3])]);
    assert.deepEqual(lines, [[2, unit('101'), 1750], [3, unit('102'), 550]]);
    assert.equal(readings('101', '2026-01').length, 0);

    const res = await upload(front, csv, { period: '2026-01' });
    assert.equal(res.status, 303, res.body.slice(0, 2000));
    assert.match(res.location, /imported=2$/);
    const [r] = readings('101', '2026-01');
    assert.equal(r.source, 'import');
    assert.equal(r.usage, 1750);
    assert.match(textOf((await fetchPage(res.location, { jar: front })).body), /已导入 2 条读数/);
});

test('CSV import with bad rows: 422 listing them by line, nothing written; confirm_all confirms flags', async () => {
    const count = () => Number(sqlValue(`SELECT COUNT(*) FROM meter_reading WHERE fee_item_id = ${itemId}`));
    const before = count();
    const csv = `房号,读数\n${unit('302')},100\n9-9-999,10\n${unit('402')},abc\n${unit('301')},1\n1-1,5\n`;
    const res = await upload(front, csv, { period: '2026-01' });
    assert.equal(res.status, 422);
    const problems = [...res.body.matchAll(/<tr data-line="(\d+)" data-column="([^"]*)"><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)]
        .map((m) => [Number(m[1]), m[3], m[2]]);
    assert.deepEqual(problems.map((p) => p[0]), [3, 4, 5, 6], 'in file order');
    assert.match(problems.find((p) => p[0] === 3)[1], /没有房号 9-9-999/);
    assert.equal(problems.find((p) => p[0] === 3)[2], '房号');
    assert.equal(problems.find((p) => p[0] === 4)[2], '读数');
    assert.match(problems.find((p) => p[0] === 4)[1], /读数应为数字/);
    assert.match(problems.find((p) => p[0] === 5)[1], /低于上次读数/);
    assert.match(problems.find((p) => p[0] === 6)[1], /房号应为/);
    assert.equal(count(), before);

    const header = await upload(front, `unit,reading\n${unit('302')},100\n`, { period: '2026-01' });
    assert.equal(header.status, 422);
    assert.match(textOf(header.body), /表头应为两列：房号,读数/);

    const confirmed = await upload(front, `房号,读数\n${unit('301')},1\n`, { period: '2026-01', confirm_all: '1' });
    assert.equal(confirmed.status, 303, confirmed.body.slice(0, 2000));
    assert.equal(readings('301', '2026-01')[0].flag, 'lower');
    assert.equal(count(), before + 1);
});

test('a supervisor sees the sheet without a save button and may not save (403); bad readings are 422', async () => {
    const page = await fetchPage(sheetUrl('2026-04'), { jar: supervisor });
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /保存读数/);
    assert.doesNotMatch(page.body, /data-form="import"/);
    const form = new URLSearchParams({ csrf: csrfFrom(page.body, '/office/logout'), action: 'save', building: BUILDING, item: ITEM, period: '2026-04' });
    form.append('unit', unit('102'));
    form.append('reading', '60');
    assert.equal((await fetchPage('/office/meters', { jar: supervisor, form })).status, 403);
    assert.equal(readings('102', '2026-04').length, 0);

    const bad = await save(front, '2026-04', { 102: '60.123' });
    assert.equal(bad.status, 422);
    assert.match(rows(bad.body).find((r) => r.code === unit('102')).error.message, /最多 2 位小数/);
    assert.equal(readings('102', '2026-04').length, 0);
});
