// import.test.mjs: /office/import, the CSV import of buildings, units and people, and its
// export. A file with problems is refused row by row and writes nothing; a clean file of
// 5,000 units goes in at once after a clean dry run; the export holds the demo units and
// is audited; roles and CSRF are enforced; the demo community was loaded through the same
// import (wuye-import) and has at least 3 buildings and 300 units.
import assert from 'node:assert/strict';
import { createHash, randomInt } from 'node:crypto';
import { after, before, test } from 'node:test';

import { csrfFrom, fetchPage, signIn, sql, sqlValue, q, staffId, textOf } from './lib.mjs';

const HEADER = 'building,unit,floor,area_m2,type,state,owner_name,owner_phone,owner_id_number,relation,since';

let manager;
let supervisor;
let frontdesk;

before(async () => {
    manager = await signIn('staff', 'manager');
    supervisor = await signIn('staff', 'supervisor');
    frontdesk = await signIn('staff', 'frontdesk');
});

function counts() {
    const [row] = sql(`SELECT (SELECT COUNT(*) FROM building WHERE community_id = 1),
        (SELECT COUNT(*) FROM unit WHERE community_id = 1), (SELECT COUNT(*) FROM person WHERE community_id = 1),
        (SELECT COUNT(*) FROM occupancy WHERE community_id = 1)`);
    const [buildings, units, people, occupancies] = row.map(Number);
    return { buildings, units, people, occupancies };
}

async function importCsrf(jar) {
    const page = await fetchPage('/office/import', { jar });
    assert.equal(page.status, 200, page.body.slice(0, 500));
    return csrfFrom(page.body, '/office/import');
}

// POSTs the file (Buffer or string) as multipart with the fields given.
async function upload(jar, content, fields = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([content], { type: 'text/csv' }), 'units.csv');
    return fetchPage('/office/import', { jar, body: form });
}

// The problems of a report: [{row, column, message}].
function problems(html) {
    const out = [];
    const re = /<tr data-row="(\d+)" data-column="([^"]*)">([\s\S]*?)<\/tr>/g;
    for (let m; (m = re.exec(html));) {
        const cells = [...m[3].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]).trim());
        out.push({ row: Number(m[1]), column: m[2], message: cells[2] });
    }
    return out;
}

function summary(html) {
    const m = /<p class="notice" data-summary="clean"([^>]*)>/.exec(html);
    if (!m) return undefined;
    const n = (name) => Number(new RegExp(`data-new-${name}="(\\d+)"`).exec(m[1])[1]);
    return { buildings: n('buildings'), units: n('units'), people: n('people'), occupancies: n('occupancies') };
}

// A building code (1-4 letters and digits) the community does not have yet.
function freshBuilding(prefix) {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    for (;;) {
        const code = prefix + Array.from({ length: 3 }, () => letters[randomInt(letters.length)]).join('');
        if (!Number(sqlValue(`SELECT COUNT(*) FROM building WHERE community_id = 1 AND code = ${q(code)}`))) return code;
    }
}

// Simple RFC 4180 reader for the export (every cell quoted, CRLF).
function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (c === '"') quoted = false;
            else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
            row.push(cell);
            cell = '';
        } else if (c === '\n') {
            row.push(cell.replace(/\r$/, ''));
            rows.push(row);
            row = [];
            cell = '';
        } else cell += c;
    }
    if (cell || row.length) rows.push([...row, cell]);
    return rows;
}

test('the demo community came in through the import: 3+ buildings, 300+ units, the demo owners kept', () => {
    const c = counts();
    assert.ok(c.buildings >= 3, `buildings: ${c.buildings}`);
    assert.ok(c.units >= 300, `units: ${c.units}`);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM schema_migration WHERE name = 'demo/0003_demo_units.csv'`), '1');
    const owners = sql(`SELECT u.code, p.name, p.phone FROM occupancy o JOIN unit u ON u.id = o.unit_id
        JOIN person p ON p.id = o.person_id WHERE o.community_id = 1 AND o.relation = 'owner' AND o.until IS NULL
        AND u.code IN ('1-1-101', '1-1-102') ORDER BY u.code`);
    assert.deepEqual(owners, [['1-1-101', '张伟', '13800000001'], ['1-1-102', '李娜', '13800000002']]);
    for (const code of ['1-1-101', '1-1-102', '2-1-301', '3-2-1803']) {
        assert.equal(sqlValue(`SELECT COUNT(*) FROM unit WHERE community_id = 1 AND code = ${q(code)}`), '1', code);
    }
    assert.ok(Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'unit'
        AND actor_kind = 'system' AND detail LIKE 'wuye-import 0003_demo_units.csv%'`)) >= 1, 'the demo import is audited');
});

test('a dry run lists every row\'s problem and writes nothing', async () => {
    const csrf = await importCsrf(manager);
    const unknown = freshBuilding('X');
    const gbkName = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GBK
    const content = Buffer.concat([
        Buffer.from([
            HEADER,
            `${unknown},${unknown}-1-101,1,80.00,residence,vacant,,,,,`, // 2: unknown building
            '1,1-9-101,1,80.00,residence,vacant,,,,,', // 3: fine
            '1,1-9-101,2,80.00,residence,vacant,,,,,', // 4: the same unit again
            '1,1-1-101,1,89.50,residence,occupied,,,,,', // 5: a unit the community has
            '1,1-9-102,1,八十,residence,vacant,,,,,', // 6: bad area
            '1,1-9-103,1,80.00,residence,occupied,王五,12345,,owner,2024-01-01', // 7: bad phone
            '1,1-9-104,1', // 8: wrong column count
            '1,1-9-105,1,80.00,residence,occupied,',
        ].join('\r\n')),
        gbkName, // 9: not UTF-8
        Buffer.from(',13800000099,,owner,2024-01-01\r\n1,1-9-106,0,80.00,house,sold,,,,tenant,2024-02-30\r\n'), // 10
    ]);
    const before = counts();
    const res = await upload(manager, content, { csrf, mode: 'dry_run' });
    assert.equal(res.status, 422, res.body.slice(0, 800));
    const found = problems(res.body);
    const at = (row, column) => found.find((p) => p.row === row && p.column === column);
    assert.ok(at(2, 'building'), `unknown building: ${JSON.stringify(found)}`);
    assert.match(at(2, 'building').message, new RegExp(`楼栋 ${unknown} 不存在`));
    assert.match(at(4, 'unit').message, /与第 3 行重复/);
    assert.match(at(5, 'unit').message, /1-1-101 已存在/);
    assert.match(at(6, 'area_m2').message, /面积/);
    assert.match(at(7, 'owner_phone').message, /电话/);
    assert.match(at(8, '').message, /这一行有 3 列，表头有 11 列/);
    assert.match(at(9, 'owner_name').message, /UTF-8/);
    assert.match(at(10, 'floor').message, /楼层/);
    assert.match(at(10, 'type').message, /类型/);
    assert.match(at(10, 'state').message, /状态/);
    assert.match(at(10, 'owner_name').message, /没有姓名/);
    assert.equal(found.filter((p) => p.row === 3).length, 0, 'row 3 is fine');
    assert.match(textOf(res.body), /没有写入任何数据/);
    assert.deepEqual(counts(), before, 'nothing written');
    assert.equal(sqlValue(`SELECT COUNT(*) FROM unit WHERE community_id = 1 AND code LIKE '1-9-%'`), '0');

    // The same file sent for a real import (with any checked value) is refused too.
    const again = await upload(manager, content, { csrf, mode: 'import', checked: createHash('sha256').update(content).digest('hex') });
    assert.equal(again.status, 422);
    assert.ok(problems(again.body).length >= 10);
    assert.deepEqual(counts(), before, 'nothing written by the import either');
});

test('a file that is not UTF-8 at all is refused row by row, naming the rows', async () => {
    const csrf = await importCsrf(manager);
    const gbk = (s) => Buffer.from(s, 'latin1');
    // 张三 and 李四 in GBK: every row with a name fails; the header is plain ASCII.
    const content = Buffer.concat([
        Buffer.from(`${HEADER}\n`),
        gbk('1,1-9-201,2,80.00,residence,occupied,\xd5\xc5\xc8\xfd,13800000098,,owner,2024-01-01\n'),
        gbk('1,1-9-202,2,80.00,residence,occupied,\xc0\xee\xcb\xc4,13800000097,,owner,2024-01-01\n'),
    ]);
    const before = counts();
    const res = await upload(manager, content, { csrf, mode: 'dry_run' });
    assert.equal(res.status, 422);
    const found = problems(res.body);
    assert.deepEqual(found.map((p) => [p.row, p.column]), [[2, 'owner_name'], [3, 'owner_name']]);
    for (const p of found) assert.match(p.message, /UTF-8/);
    assert.deepEqual(counts(), before);
});

test('5,000 units import in one transaction after a clean dry run', async (t) => {
    const building = freshBuilding('T');
    const run = String(randomInt(1000, 9999));
    const lines = [HEADER];
    let n = 0;
    for (let e = 1; e <= 10; e++) {
        for (let f = 1; f <= 25; f++) {
            for (let r = 1; r <= 20; r++) {
                const phone = `139${run}${String(n).padStart(4, '0')}`;
                lines.push(`${building},${building}-${e}-${f}${String(r).padStart(2, '0')},${f},${r % 2 ? '89.50' : '126.80'},` +
                    `residence,occupied,测试${n},${phone},,owner,2024-03-01`);
                n++;
            }
        }
    }
    assert.equal(n, 5000);
    const content = `${lines.join('\r\n')}\r\n`;
    const before = counts();
    const csrf = await importCsrf(manager);

    // Without "create buildings" the new building is refused on every row.
    const refused = await upload(manager, content, { csrf, mode: 'dry_run' });
    assert.equal(refused.status, 422);
    assert.match(problems(refused.body)[0].message, new RegExp(`楼栋 ${building} 不存在`));

    let t0 = Date.now();
    const dry = await upload(manager, content, { csrf, mode: 'dry_run', create_buildings: '1' });
    const dryMs = Date.now() - t0;
    assert.equal(dry.status, 200, dry.body.slice(0, 1500));
    assert.deepEqual(summary(dry.body), { buildings: 1, units: 5000, people: 5000, occupancies: 5000 });
    assert.match(textOf(dry.body), /将新建 1 栋楼、5000 户、5000 人/);
    assert.deepEqual(counts(), before, 'the dry run wrote nothing');
    const importForm = /<form[^>]*data-form="import"[\s\S]*?<\/form>/.exec(dry.body)[0];
    const checked = /name="checked" value="([0-9a-f]{64})"/.exec(importForm)[1];
    assert.equal(checked, createHash('sha256').update(content).digest('hex'));

    // An import of a file that was not checked is refused.
    const unchecked = await upload(manager, content, { csrf, mode: 'import', create_buildings: '1' });
    assert.equal(unchecked.status, 422);
    assert.match(unchecked.body, /class="field-error" data-field="file"/);
    assert.deepEqual(counts(), before);

    const auditsBefore = Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'unit'
        AND actor_kind = 'staff' AND actor_id = ${staffId('manager')}`));
    t0 = Date.now();
    const done = await upload(manager, content, { csrf, mode: 'import', checked, create_buildings: '1' });
    const importMs = Date.now() - t0;
    t.diagnostic(`5,000 units: dry run ${dryMs} ms, import ${importMs} ms (round trip of an 8-column upload)`);
    console.log(`# import of 5,000 units: dry run ${dryMs} ms, import ${importMs} ms`);
    assert.equal(done.status, 303, done.body.slice(0, 1500));
    const m = /^\/office\/import\?imported=(\d+)$/.exec(done.location);
    assert.ok(m, done.location);
    try {
        const after = counts();
        assert.deepEqual(after, {
            buildings: before.buildings + 1, units: before.units + 5000, people: before.people + 5000,
            occupancies: before.occupancies + 5000,
        });
        const [row] = sql(`SELECT COUNT(DISTINCT u.id), COUNT(DISTINCT o.id), b.floors FROM building b JOIN unit u ON u.building_id = b.id JOIN occupancy o ON o.unit_id = u.id
            WHERE b.community_id = 1 AND b.code = ${q(building)} GROUP BY b.id`);
        assert.deepEqual(row.slice(0, 2), ['5000', '5000']);
        assert.equal(row[2], '25', 'the new building has 25 floors');
        assert.equal(sqlValue(`SELECT CONCAT(u.floor, ' ', u.area_m2, ' ', u.type, ' ', u.state, ' ', p.name, ' ', p.phone,
            ' ', o.relation, ' ', o.since) FROM unit u JOIN occupancy o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id
            WHERE u.community_id = 1 AND u.code = ${q(`${building}-10-2520`)}`),
        `25 126.80 residence occupied 测试4999 139${run}4999 owner 2024-03-01`);
        const audits = Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'unit'
            AND actor_kind = 'staff' AND actor_id = ${staffId('manager')}`));
        assert.equal(audits, auditsBefore + 1, 'the import is audited');
        assert.match(sqlValue(`SELECT detail FROM audit_log WHERE id = ${Number(m[1])}`), /新建 1 栋楼、5000 户、5000 人/);
        const result = await fetchPage(done.location, { jar: manager });
        assert.equal(result.status, 200);
        assert.match(result.body, new RegExp(`data-import-result="${m[1]}"`));
        assert.match(textOf(result.body), /导入完成\s*：units\.csv：新建 1 栋楼、5000 户、5000 人/);

        // The same file again: every unit is there already; nothing more is written.
        const twice = await upload(manager, content, { csrf, mode: 'dry_run', create_buildings: '1' });
        assert.equal(twice.status, 422);
        assert.match(problems(twice.body)[0].message, /已存在/);
        assert.deepEqual(counts(), after);
    } finally {
        // Leave the demo community as it was for the other suites (the audit rows stay).
        sql(`CREATE TEMPORARY TABLE gone AS SELECT o.id, o.person_id FROM occupancy o JOIN unit u ON u.id = o.unit_id
               JOIN building b ON b.id = u.building_id WHERE b.community_id = 1 AND b.code = ${q(building)};
             DELETE FROM occupancy WHERE id IN (SELECT id FROM gone);
             DELETE FROM person WHERE id IN (SELECT person_id FROM gone);
             DELETE u FROM unit u JOIN building b ON b.id = u.building_id WHERE b.community_id = 1 AND b.code = ${q(building)};
             DELETE FROM building WHERE community_id = 1 AND code = ${q(building)};`);
    }
});

test('the export holds the demo units with their owners, in the import\'s layout, and is audited', async () => {
    const id = staffId('manager');
    const audits = () => Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE actor_kind = 'staff' AND actor_id = ${id}
        AND action = 'export' AND object_type = 'unit' AND detail = 'units.csv'`));
    const before = audits();
    const res = await fetchPage('/office/import?export=units', { jar: manager });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="units.csv"');
    assert.deepEqual([...res.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    assert.equal(audits(), before + 1, 'the export is in the audit log');
    const rows = parseCsv(res.body.slice(1));
    assert.deepEqual(rows[0], HEADER.split(','));
    const owner = (code) => rows.find((r) => r[1] === code && r[9] === 'owner');
    assert.deepEqual(owner('1-1-101').slice(0, 10), ['1', '1-1-101', '1', '89.50', 'residence', 'occupied', '张伟',
        '13800000001', '', 'owner']);
    assert.deepEqual(owner('1-1-102').slice(6, 10), ['李娜', '13800000002', '', 'owner']);
    const family = rows.find((r) => r[1] === '1-1-101' && r[9] === 'family');
    assert.deepEqual(family.slice(2, 8), ['', '', '', '', '张小雨', '13800000003'], 'later lines of a unit leave its columns empty');
    const units = new Set(rows.slice(1).map((r) => r[1]));
    assert.equal(units.size, Number(sqlValue('SELECT COUNT(*) FROM unit WHERE community_id = 1')));
    for (const r of rows) assert.equal(r.length, 11);
});

test('roles: supervisors import but do not export; the front desk does neither', async () => {
    const sup = await fetchPage('/office/import', { jar: supervisor });
    assert.equal(sup.status, 200);
    assert.doesNotMatch(sup.body, /data-export="units"/);
    assert.equal((await fetchPage('/office/import?export=units', { jar: supervisor })).status, 403);
    assert.equal((await fetchPage('/office/import', { jar: frontdesk })).status, 403);
    assert.equal((await fetchPage('/office/import?export=units', { jar: frontdesk })).status, 403);
    const csrf = await importCsrf(manager);
    const before = counts();
    const post = await upload(frontdesk, `${HEADER}\n1,1-9-301,3,80.00,,,,,,,\n`, { csrf, mode: 'dry_run' });
    assert.equal(post.status, 403);
    const manual = await fetchPage('/office/import', { jar: manager });
    assert.match(manual.body, /href="\/office\/import"/, 'in the navigation');
    assert.deepEqual(counts(), before);
});

test('a POST without a valid csrf token answers 403 and writes nothing', async () => {
    const before = counts();
    const content = `${HEADER}\n1,1-9-401,4,80.00,residence,vacant,,,,,\n`;
    const checked = createHash('sha256').update(content).digest('hex');
    const missing = await upload(manager, content, { mode: 'import', checked });
    assert.equal(missing.status, 403);
    const wrong = await upload(manager, content, { csrf: 'x'.repeat(43), mode: 'import', checked });
    assert.equal(wrong.status, 403);
    assert.deepEqual(counts(), before);
    assert.equal(sqlValue(`SELECT COUNT(*) FROM unit WHERE community_id = 1 AND code = '1-9-401'`), '0');
});

test('a small clean file with people for existing units imports, re-using known people', async () => {
    const csrf = await importCsrf(manager);
    const building = freshBuilding('S');
    const content = [
        HEADER,
        `${building},${building}-1-101,1,66.60,shop,vacant,赵六,13700000001,11010519491231002X,owner,2020-01-01`,
        `${building},${building}-1-101,,,,,"钱,七",13700000002,,tenant,`,
        `${building},${building}-1-102,1,50,storage,unsold,赵六,13700000001,,owner,2020-01-01`,
        '1,1-1-101,,,,,张伟,13800000001,,other,2024-05-01',
    ].join('\n');
    const before = counts();
    const dry = await upload(manager, content, { csrf, mode: 'dry_run', create_buildings: '1' });
    assert.equal(dry.status, 200, dry.body.slice(0, 1500));
    assert.deepEqual(summary(dry.body), { buildings: 1, units: 2, people: 2, occupancies: 4 });
    const checked = createHash('sha256').update(content).digest('hex');
    const done = await upload(manager, content, { csrf, mode: 'import', checked, create_buildings: '1' });
    assert.equal(done.status, 303, done.body.slice(0, 1500));
    try {
        assert.deepEqual(counts(), { buildings: before.buildings + 1, units: before.units + 2,
            people: before.people + 2, occupancies: before.occupancies + 4 });
        assert.equal(sqlValue(`SELECT p.name FROM occupancy o JOIN person p ON p.id = o.person_id JOIN unit u ON u.id = o.unit_id
            WHERE u.code = ${q(`${building}-1-101`)} AND o.relation = 'tenant'`), '钱,七');
        assert.equal(sqlValue(`SELECT o.since FROM occupancy o JOIN unit u ON u.id = o.unit_id
            WHERE u.code = ${q(`${building}-1-101`)} AND o.relation = 'tenant'`).length, 10, 'today by default');
        assert.equal(sqlValue(`SELECT COUNT(*) FROM occupancy o JOIN unit u ON u.id = o.unit_id WHERE u.code = '1-1-101'
            AND o.relation = 'other' AND o.person_id = 1`), '1', 'the known 张伟 is re-used');
    } finally {
        sql(`DELETE o FROM occupancy o JOIN unit u ON u.id = o.unit_id WHERE u.community_id = 1
               AND (u.code LIKE ${q(`${building}-%`)} OR (u.code = '1-1-101' AND o.relation = 'other' AND o.person_id = 1));
             DELETE FROM person WHERE community_id = 1 AND phone IN ('13700000001', '13700000002');
             DELETE u FROM unit u JOIN building b ON b.id = u.building_id WHERE b.community_id = 1 AND b.code = ${q(building)};
             DELETE FROM building WHERE community_id = 1 AND code = ${q(building)};`);
    }
});

after(() => {});
