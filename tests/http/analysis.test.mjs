// The monthly analysis (/office/analysis): a known set of tickets is put into 2031-02 and
// 2031-03 of the demo community, and every figure of the page and of its CSV is compared
// with the value this file computes from those tickets by itself (never from the page).
// Who may see it, bad months, the month links and the export's audit row are checked too.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import {
    fetchPage, insertTickets, makeStaff, q, shanghaiToUtc, signIn, sql, sqlValue, STAFF, textOf, unescapeHtml,
} from './lib.mjs';

const MONTH = '2031-03';
const KINDS = ['repair', 'complaint', 'suggestion', 'inquiry', 'praise'];
const KIND_NAMES = { repair: '报修', complaint: '投诉', suggestion: '建议', inquiry: '咨询', praise: '表扬' };

// A category of the test's own whose name a spreadsheet would run as a formula.
const FORMULA_NAME = '=HYPERLINK("http://x.test","点")';
const formulaCode = `zz_an_${randomBytes(4).toString('hex')}`;

// The tickets. Times are local (Asia/Shanghai). Each is there for a reason, said beside it.
const SPECS = [
    // The first instant of March; answered, on time, called back, rated, charged.
    { kind: 'repair', category: 'water_power', unit: '1-1-101', created: '2031-03-01 00:00:00', status: 'closed',
        respondDue: '2031-03-01 02:00', responded: '2031-03-01 01:00', resolveDue: '2031-03-02 00:00',
        completed: '2031-03-01 20:00', callback: 1, rating: 5, charge: 5000 },
    // Answered late, on site in time, finished late.
    { kind: 'repair', category: 'water_power', unit: '1-1-101', created: '2031-03-05 10:00', severity: 'urgent',
        status: 'completed', respondDue: '2031-03-05 10:15', responded: '2031-03-05 10:30',
        onsiteDue: '2031-03-05 10:30', onsiteAt: '2031-03-05 10:25', resolveDue: '2031-03-05 18:00',
        completed: '2031-03-05 20:00', callback: 1, rating: 3, charge: 12050 },
    // Still in progress: its resolution promise is pending.
    { kind: 'repair', category: 'door_window', unit: '1-1-101', created: '2031-03-10 09:00', status: 'in_progress',
        respondDue: '2031-03-10 11:00', responded: '2031-03-10 10:00', resolveDue: '2031-03-11 09:00' },
    // Answered exactly at the due (on time), on site late, no callback yet.
    { kind: 'repair', category: 'pipe', unit: '1-1-102', created: '2031-03-12 14:00', status: 'completed',
        respondDue: '2031-03-12 16:00', responded: '2031-03-12 16:00', onsiteDue: '2031-03-12 14:30',
        onsiteAt: '2031-03-12 14:45', resolveDue: '2031-03-12 22:00', completed: '2031-03-12 17:00' },
    // A complaint answered late; its on-site due is not a promise of a complaint.
    { kind: 'complaint', category: 'noise', unit: '1-1-102', created: '2031-03-15 20:00', status: 'closed',
        respondDue: '2031-03-16 20:00', responded: '2031-03-17 02:00', onsiteDue: '2031-03-16 09:00',
        resolveDue: '2031-03-20 20:00', completed: '2031-03-17 20:00', callback: 1, rating: 4 },
    // A common area: in no unit's or building's count. Rated without a callback.
    { kind: 'complaint', category: 'sanitation', place: '3号楼门口', created: '2031-03-20 08:00', status: 'completed',
        respondDue: '2031-03-21 08:00', responded: '2031-03-20 10:00', resolveDue: '2031-03-25 08:00',
        completed: '2031-03-21 08:00', rating: 2 },
    // The last second of March; nothing done yet: pending.
    { kind: 'complaint', category: 'noise', unit: '2-1-201', created: '2031-03-31 23:59:59', status: 'new',
        respondDue: '2031-04-01 23:59:59', resolveDue: '2031-04-05 23:59:59' },
    // Waiting on the resident: its clock stands still, pending.
    { kind: 'suggestion', category: 'service', unit: '2-1-201', created: '2031-03-18 10:00', status: 'waiting',
        respondDue: '2031-03-21 10:00' },
    // Withdrawn before an answer: counted as a request, in no on-time figure.
    { kind: 'inquiry', category: 'fees', unit: '1-1-101', created: '2031-03-22 11:00', status: 'withdrawn',
        respondDue: '2031-03-23 11:00', resolveDue: '2031-03-27 11:00' },
    // No promises at all; the only ticket of its unit (not a repeat), building 3.
    { kind: 'praise', category: 'staff', unit: '3-1-102', created: '2031-03-25 09:00', status: 'new' },
    // Created in March, completed at the first instant of April: late, and not completed in March.
    { kind: 'repair', category: 'facility', place: '地下车库', created: '2031-03-28 10:00', status: 'completed',
        respondDue: '2031-03-28 12:00', responded: '2031-03-28 11:00', resolveDue: '2031-03-29 10:00',
        completed: '2031-04-01 00:00:00', callback: 1, rating: 5, charge: 800 },
    // A promise already past and not kept (an artificial due, before now): late while open.
    { kind: 'complaint', category: 'attitude', place: '客服中心', created: '2031-03-08 09:00', status: 'new',
        respondDue: '2020-01-01 00:00' },
    // The category named like a formula (placeholder categoryId, set in before()).
    { kind: 'complaint', category: formulaCode, place: '=1+1', created: '2031-03-09 09:00', status: 'new' },
    // February: the previous month's counts.
    { kind: 'repair', category: 'water_power', unit: '1-1-101', created: '2031-02-10 09:00', status: 'closed',
        completed: '2031-02-11 09:00', callback: 1, rating: 5, charge: 3000 },
    // The last second of February, completed in March: in March's callbacks and ratings.
    { kind: 'complaint', category: 'noise', unit: '1-1-102', created: '2031-02-28 23:59:59', status: 'closed',
        responded: '2031-03-01 09:00', completed: '2031-03-02 10:00', callback: 1, rating: 5 },
    { kind: 'repair', category: 'elevator', place: '2栋电梯', created: '2031-02-20 09:00', status: 'dispatched' },
    // April: in neither month.
    { kind: 'repair', category: 'water_power', unit: '1-1-101', created: '2031-04-01 00:00:00', status: 'new' },
];

const ms = (local) => Date.parse(`${shanghaiToUtc(local).replace(' ', 'T')}Z`);
const MARCH = [ms('2031-03-01 00:00'), ms('2031-04-01 00:00')];
const FEBRUARY = [ms('2031-02-01 00:00'), ms('2031-03-01 00:00')];
const inRange = (t, [from, to]) => t !== undefined && t >= from && t < to;

let tickets;
let categories; // "kind code" -> {id, name, sort}
let units; // unit code -> {building code, building name}
let supervisor;
let complaintOfficer;

before(() => {
    assert.equal(sqlValue('SELECT time_zone FROM community WHERE id = 1'), 'Asia/Shanghai');
    // Rows of an earlier run of this file that did not get to clean up.
    const stale = sql(`SELECT id FROM ticket WHERE community_id = 1 AND description = ${q('analysis 自动测试')}`)
        .map((r) => r[0]);
    if (stale.length) {
        sql(`DELETE FROM outbox WHERE ticket_id IN (${stale}); DELETE FROM ticket_event WHERE ticket_id IN (${stale});
             DELETE FROM ticket WHERE id IN (${stale});`);
    }
    sql("DELETE FROM ticket_category WHERE community_id = 1 AND code LIKE 'zz\\_an\\_%' AND id NOT IN (SELECT category_id FROM ticket)");
    const foreign = Number(sqlValue(`SELECT COUNT(*) FROM ticket WHERE community_id = 1 AND
        ((created_at >= ${q(shanghaiToUtc('2031-02-01 00:00'))} AND created_at < ${q(shanghaiToUtc('2031-04-01 00:00'))})
         OR (completed_at >= ${q(shanghaiToUtc('2031-03-01 00:00'))} AND completed_at < ${q(shanghaiToUtc('2031-04-01 00:00'))}))`));
    assert.equal(foreign, 0, 'no other tickets in 2031-02 and 2031-03 (another test would change the figures)');

    sql(`INSERT INTO ticket_category (community_id, kind, code, name, sort, active)
         VALUES (1, 'complaint', ${q(formulaCode)}, ${q(FORMULA_NAME)}, 99, 0)`);
    categories = new Map(sql('SELECT kind, code, id, name, sort FROM ticket_category WHERE community_id = 1')
        .map(([kind, code, id, name, sort]) => [`${kind} ${code}`, { id: Number(id), name, sort: Number(sort) }]));
    units = new Map(sql(`SELECT u.code, b.code, b.name FROM unit u JOIN building b ON b.id = u.building_id
                         WHERE u.community_id = 1`).map(([u, bc, bn]) => [u, { code: bc, name: bn }]));
    const specs = SPECS.map((s) => (s.category === formulaCode
        ? { ...s, categoryId: categories.get(`complaint ${formulaCode}`).id } : s));
    tickets = insertTickets(specs, 'analysis');
    assert.equal(tickets.ids.filter(Boolean).length, SPECS.length, 'every test ticket was inserted');
});

after(() => {
    tickets?.drop();
    sql(`DELETE FROM ticket_category WHERE community_id = 1 AND code = ${q(formulaCode)}`);
    supervisor = undefined;
    complaintOfficer?.drop();
});

// --- what the figures must be, from SPECS alone -------------------------------------------

function tenth(part, whole) {
    if (!whole) return '';
    const t = Math.floor((part * 1000 + Math.floor(whole / 2)) / whole);
    return `${Math.floor(t / 10)}.${t % 10}`;
}
const percentText = (part, whole) => (whole ? `${tenth(part, whole)}%` : '—');
const changeText = (now, before) => (now > before ? `+${now - before}` : `${now - before}`);

function expected() {
    const now = Date.now();
    const cat = (s) => categories.get(`${s.kind} ${s.category}`);
    const march = SPECS.filter((s) => inRange(ms(s.created), MARCH));
    const february = SPECS.filter((s) => inRange(ms(s.created), FEBRUARY));
    // Classification: one row per category with tickets in either month, in the order of kinds and sort.
    const rows = new Map();
    for (const [list, field] of [[march, 'count'], [february, 'previous']]) {
        for (const s of list) {
            const key = `${s.kind} ${s.category}`;
            if (!rows.has(key)) rows.set(key, { kind: s.kind, code: s.category, ...cat(s), count: 0, previous: 0 });
            rows.get(key)[field]++;
        }
    }
    const classification = [...rows.values()].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
        a.sort - b.sort || (a.code < b.code ? -1 : 1));
    const total = march.length;
    const previousTotal = february.length;
    const kinds = KINDS.map((kind) => ({
        kind,
        count: march.filter((s) => s.kind === kind).length,
        previous: february.filter((s) => s.kind === kind).length,
    }));
    // On time: March's tickets, each promise judged by its timestamps.
    const clock = (dueKey, doneKey, only = () => true) => {
        const out = { met: 0, late: 0, pending: 0 };
        for (const s of march.filter((x) => x[dueKey] && only(x))) {
            const due = ms(s[dueKey]);
            if (s[doneKey]) out[ms(s[doneKey]) <= due ? 'met' : 'late']++;
            else if (s.status === 'withdrawn') continue;
            else if (s.status === 'waiting' || due >= now) out.pending++;
            else out.late++;
        }
        return out;
    };
    const clocks = {
        respond: clock('respondDue', 'responded'),
        onsite: clock('onsiteDue', 'onsiteAt', (s) => s.kind === 'repair'),
        resolve: clock('resolveDue', 'completed'),
    };
    // Completed in March.
    const done = SPECS.filter((s) => s.completed && inRange(ms(s.completed), MARCH));
    const rated = done.filter((s) => s.rating);
    const ratingSum = rated.reduce((n, s) => n + s.rating, 0);
    const fen = done.reduce((n, s) => n + (s.charge || 0), 0);
    const service = {
        completed: done.length,
        callbacks: done.filter((s) => s.callback).length,
        ratings: rated.length,
        average: rated.length ? (() => {
            const t = Math.floor((ratingSum * 10 + Math.floor(rated.length / 2)) / rated.length);
            return `${Math.floor(t / 10)}.${t % 10}`;
        })() : '',
        charged: done.filter((s) => s.charge > 0).length,
        fen,
        money: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
    };
    // Places: per unit or building, categories most first, then kind order, then sort.
    const places = (keyOf, nameOf) => {
        const by = new Map();
        for (const s of march.filter((x) => x.unit)) {
            const key = keyOf(s);
            if (!by.has(key)) by.set(key, { code: key, name: nameOf(s), count: 0, cats: new Map() });
            const p = by.get(key);
            p.count++;
            const c = cat(s);
            const k = `${s.kind} ${s.category}`;
            if (!p.cats.has(k)) p.cats.set(k, { name: c.name, kind: s.kind, sort: c.sort, n: 0 });
            p.cats.get(k).n++;
        }
        return [...by.values()].map((p) => ({
            code: p.code,
            name: p.name,
            count: p.count,
            categories: [...p.cats.values()].sort((a, b) => b.n - a.n || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
                a.sort - b.sort || (a.name < b.name ? -1 : 1)).map((c) => `${c.name}×${c.n}`).join('、'),
        })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    };
    const unitList = places((s) => s.unit, (s) => s.unit).filter((p) => p.count >= 2).slice(0, 10);
    const buildingList = places((s) => units.get(s.unit).code, (s) => units.get(s.unit).name).slice(0, 10);
    // Categories with the most, ties in the table's order, at most 10.
    const top = classification.filter((c) => c.count > 0)
        .map((c, i) => ({ ...c, i })).sort((a, b) => b.count - a.count || a.i - b.i).slice(0, 10);
    return { classification, total, previousTotal, kinds, clocks, service, unitList, buildingList, top };
}

// --- reading the page -----------------------------------------------------------------------

function figure(html, name) {
    const m = new RegExp(`<table\\b[^>]*\\bdata-figure="${name}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
    assert.ok(m, `a table data-figure="${name}"`);
    return m[1];
}

// The rows of a figure: {attrs: {data-*: value}, cells: {col: {count, value, text}}, text}.
function rowsOf(tableHtml) {
    const out = [];
    for (const m of tableHtml.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)) {
        const attrs = {};
        for (const a of m[1].matchAll(/\b(data-[a-z-]+)="([^"]*)"/g)) attrs[a[1]] = unescapeHtml(a[2]);
        const cells = {};
        for (const c of m[2].matchAll(/<t[dh]\b([^>]*)>([\s\S]*?)<\/t[dh]>/g)) {
            const col = /\bdata-col="([^"]*)"/.exec(c[1]);
            if (!col) continue;
            const count = /\bdata-count="([^"]*)"/.exec(c[1]);
            const value = /\bdata-value="([^"]*)"/.exec(c[1]);
            cells[col[1]] = {
                count: count ? Number(count[1]) : undefined,
                value: value ? unescapeHtml(value[1]) : undefined,
                text: textOf(c[2]).trim(),
            };
        }
        out.push({ attrs, cells, text: textOf(m[2]).trim() });
    }
    return out;
}

const bodyRows = (html, name) => rowsOf(figure(html, name)).filter((r) => Object.keys(r.cells).length);

// RFC 4180: quoted cells, "" for a quote, CRLF lines.
function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (ch === '"') quoted = false;
            else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
            row.push(cell);
            cell = '';
        } else if (ch === '\n') {
            row.push(cell);
            rows.push(row);
            row = [];
            cell = '';
        } else if (ch !== '\r') cell += ch;
    }
    if (cell || row.length) {
        row.push(cell);
        rows.push(row);
    }
    return rows;
}

// The rows of a CSV section: those after the row [title] up to the next blank line (header first).
function csvSection(rows, title) {
    const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
    assert.ok(start >= 0, `a CSV section ${title}`);
    const out = [];
    for (let i = start + 1; i < rows.length && !(rows[i].length === 1 && rows[i][0] === ''); i++) out.push(rows[i]);
    return out;
}

// A category name as the CSV must hold it: a formula gets a leading '.
const csvText = (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

async function supervisorJar() {
    supervisor ??= await signIn('staff', 'supervisor');
    return supervisor;
}

// --- the tests --------------------------------------------------------------------------------

test('the page shows every figure of 2031-03 as computed from the inserted tickets', async () => {
    const want = expected();
    const res = await fetchPage(`/office/analysis?month=${MONTH}`, { jar: await supervisorJar() });
    assert.equal(res.status, 200, res.body.slice(0, 800));
    const html = res.body;
    assert.match(html, /data-page="office-analysis"[^>]*data-month="2031-03"/);
    assert.ok(textOf(html).includes('2031年03月'), 'the month is named');
    assert.match(html, /href="\/office\/analysis\?month=2031-02"/, 'a link to the previous month');
    assert.match(html, /href="\/office\/analysis\?month=2031-04"/, 'a link to the next month');
    assert.match(html, /href="\/office\/analysis\?month=2031-03&amp;format=csv"/, 'the CSV link');
    assert.match(html, /<a href="\/office\/analysis" aria-current="page">统计分析<\/a>/, 'the navigation entry');

    // (1) classification
    const rows = bodyRows(html, 'classification');
    const body = rows.filter((r) => !r.attrs['data-total']);
    assert.deepEqual(body.map((r) => `${r.attrs['data-kind']} ${r.attrs['data-category']}`),
        want.classification.map((c) => `${c.kind} ${c.code}`), 'the categories, in order');
    for (const [i, c] of want.classification.entries()) {
        const r = body[i];
        assert.equal(r.cells.count.count, c.count, `${c.code}: count`);
        assert.equal(r.cells.previous.count, c.previous, `${c.code}: previous month`);
        assert.equal(r.cells.share.value, tenth(c.count, want.total), `${c.code}: share`);
        assert.equal(r.cells.change.value, changeText(c.count, c.previous), `${c.code}: change`);
        assert.ok(r.text.includes(c.name), `${c.code}: named ${c.name}`);
    }
    const total = rows.find((r) => r.attrs['data-total']);
    assert.equal(total.cells.count.count, want.total);
    assert.equal(total.cells.previous.count, want.previousTotal);
    assert.equal(total.cells.change.value, changeText(want.total, want.previousTotal));
    assert.equal(want.total, 13, 'the data set is what this file says (13 tickets in March)');
    const kinds = bodyRows(html, 'kinds');
    assert.deepEqual(kinds.map((r) => [r.attrs['data-kind'], r.cells.count.count, r.cells.previous.count,
        r.cells.share.value]), want.kinds.map((k) => [k.kind, k.count, k.previous, tenth(k.count, want.total)]));

    // (2) on time
    const clocks = bodyRows(html, 'on-time');
    assert.deepEqual(clocks.map((r) => r.attrs['data-clock']), ['respond', 'onsite', 'resolve']);
    for (const r of clocks) {
        const c = want.clocks[r.attrs['data-clock']];
        assert.deepEqual([r.cells.met.count, r.cells.late.count, r.cells.pending.count, r.cells.decided.count],
            [c.met, c.late, c.pending, c.met + c.late], `${r.attrs['data-clock']}: met, late, pending, decided`);
        assert.equal(r.cells.rate.value, tenth(c.met, c.met + c.late), `${r.attrs['data-clock']}: rate`);
    }
    assert.deepEqual(want.clocks.respond, { met: 5, late: 3, pending: 2 }, 'the data set covers every case');

    // (3) callbacks, (4) ratings, (5) income
    const cb = bodyRows(html, 'callback');
    const cell = (list, col) => list.find((r) => r.cells[col]).cells[col];
    assert.equal(cell(cb, 'completed').count, want.service.completed);
    assert.equal(cell(cb, 'callbacks').count, want.service.callbacks);
    assert.equal(cell(cb, 'rate').value, tenth(want.service.callbacks, want.service.completed));
    const rating = bodyRows(html, 'rating');
    assert.equal(cell(rating, 'ratings').count, want.service.ratings);
    assert.equal(cell(rating, 'average').value, want.service.average);
    const income = bodyRows(html, 'income');
    assert.equal(cell(income, 'charged').count, want.service.charged);
    assert.equal(cell(income, 'amount').value, String(want.service.fen));
    assert.equal(cell(income, 'amount').text, want.service.money);
    assert.deepEqual(want.service, { completed: 6, callbacks: 4, ratings: 5, average: '3.8', charged: 2, fen: 17050,
        money: '170.50' }, 'the data set is what this file says');

    // (6) repeated places and categories
    const unitRows = bodyRows(html, 'units');
    assert.deepEqual(unitRows.map((r) => [r.attrs['data-unit'], r.cells.count.count, r.cells.categories.text]),
        want.unitList.map((u) => [u.code, u.count, u.categories]));
    const buildingRows = bodyRows(html, 'buildings');
    assert.deepEqual(buildingRows.map((r) => [r.attrs['data-building'], r.cells.count.count, r.cells.categories.text]),
        want.buildingList.map((b) => [b.code, b.count, b.categories]));
    const top = bodyRows(html, 'top-categories');
    assert.deepEqual(top.map((r) => [r.attrs['data-kind'], r.attrs['data-category'], r.cells.count.count]),
        want.top.map((c) => [c.kind, c.code, c.count]));
    assert.equal(top.length, 10, 'at most ten categories (the data set has eleven)');

    // The formula-like name is only text on the page.
    assert.ok(html.includes('=HYPERLINK(&#34;http://x.test&#34;,&#34;点&#34;)') ||
        html.includes('=HYPERLINK(&quot;http://x.test&quot;,&quot;点&quot;)'), 'the name is escaped');
});

test('the charts are inline SVG sized by attributes, without style attributes or scripts', async () => {
    const want = expected();
    const res = await fetchPage(`/office/analysis?month=${MONTH}`, { jar: await supervisorJar() });
    const html = res.body;
    assert.ok(!/\sstyle="/i.test(html) && !/<style\b/i.test(html) && !/<script\b/i.test(html),
        'no inline style or script (the CSP would refuse them)');
    const kinds = /<svg\b[^>]*data-chart="kinds"[^>]*>([\s\S]*?)<\/svg>/.exec(html);
    assert.ok(kinds, 'the chart of kinds');
    const widths = {};
    for (const g of kinds[1].matchAll(/<g data-kind="([a-z]+)">([\s\S]*?)<\/g>/g)) {
        widths[g[1]] = Number(/class="chart-bar kind-[a-z]+"[^>]*\bwidth="(\d+)"/.exec(g[2])[1]);
    }
    const max = Math.max(1, ...want.kinds.flatMap((k) => [k.count, k.previous]));
    for (const k of want.kinds) {
        const w = k.count ? Math.max(2, Math.floor(k.count * 400 / max)) : 0;
        assert.equal(widths[k.kind], w, `the bar of ${k.kind} is ${w} long`);
    }
    const onTime = /<svg\b[^>]*data-chart="on-time"[^>]*>([\s\S]*?)<\/svg>/.exec(html);
    assert.ok(onTime, 'the chart of on-time rates');
    for (const g of onTime[1].matchAll(/<g data-clock="([a-z]+)">([\s\S]*?)<\/g>/g)) {
        const c = want.clocks[g[1]];
        const decided = c.met + c.late;
        const w = decided && c.met ? Math.max(2, Math.floor(c.met * 400 / decided)) : 0;
        assert.match(g[2], new RegExp(`class="chart-bar rate-[a-z]+"[^>]*\\bwidth="${w}"`), `${g[1]}: bar ${w}`);
    }
});

test('format=csv holds the same figures, as an attachment with a BOM, formulas neutralised, audited', async () => {
    const want = expected();
    const jar = await supervisorJar();
    const supervisorId = Number(sqlValue("SELECT id FROM staff WHERE login = 'supervisor'"));
    const auditsBefore = Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE actor_kind = 'staff' AND actor_id =
        ${supervisorId} AND action = 'export' AND object_type = 'analysis' AND detail = 'analysis-2031-03.csv'`));
    const res = await fetchPage(`/office/analysis?month=${MONTH}&format=csv`, { jar });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="analysis-2031-03.csv"');
    assert.deepEqual([...res.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM');
    const auditsAfter = Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE actor_kind = 'staff' AND actor_id =
        ${supervisorId} AND action = 'export' AND object_type = 'analysis' AND detail = 'analysis-2031-03.csv'`));
    assert.equal(auditsAfter, auditsBefore + 1, 'the export is in the audit log');

    const rows = parseCsv(res.body.replace(/^\uFEFF/, ''));
    assert.ok(res.body.includes('\r\n'), 'CRLF lines');
    const cls = csvSection(rows, '一、分类统计（本月登记）');
    assert.deepEqual(cls[0], ['类型', '类别', '本月件数', '占比', '上月件数', '增减']);
    assert.deepEqual(cls.slice(1), [
        ...want.classification.map((c) => [KIND_NAMES[c.kind], csvText(c.name), String(c.count),
            percentText(c.count, want.total), String(c.previous), changeText(c.count, c.previous)]),
        ['合计', '', String(want.total), '100.0%', String(want.previousTotal), changeText(want.total, want.previousTotal)],
    ]);
    assert.ok(res.body.includes(`"'=HYPERLINK(""http://x.test"",""点"")"`), 'the formula is quoted and neutralised');
    assert.ok(!rows.flat().some((c) => /^[=@]/.test(c) || (/^[+-]/.test(c) && !/^[+-]\d+(\.\d+)?%?$/.test(c))),
        'no cell starts with = + - @ unless it is a plain signed number');

    assert.deepEqual(csvSection(rows, '按类型').slice(1), want.kinds.map((k) => [KIND_NAMES[k.kind], String(k.count),
        percentText(k.count, want.total), String(k.previous), changeText(k.count, k.previous)]));
    const names = { respond: '响应', onsite: '上门', resolve: '办结' };
    assert.deepEqual(csvSection(rows, '二、按时率（本月登记工单的限时承诺）').slice(1),
        Object.entries(want.clocks).map(([k, c]) => [names[k], String(c.met + c.late), String(c.met), String(c.late),
            String(c.pending), percentText(c.met, c.met + c.late)]));
    const s = want.service;
    assert.deepEqual(csvSection(rows, '三、回访、评价与有偿维修（本月完成工单）').slice(1), [
        ['本月完成', String(s.completed), ''],
        ['已回访（回访率）', String(s.callbacks), percentText(s.callbacks, s.completed)],
        ['业主评价（平均分）', String(s.ratings), s.average],
        ['有偿维修（收入，元）', String(s.charged), s.money],
    ]);
    assert.deepEqual(csvSection(rows, '四、重复报事的房号（本月 2 次及以上）').slice(1),
        want.unitList.map((u) => [u.code, String(u.count), u.categories]));
    assert.deepEqual(csvSection(rows, '报事最多的楼栋').slice(1),
        want.buildingList.map((b) => [b.name, String(b.count), b.categories]));
    assert.deepEqual(csvSection(rows, '报事最多的类别').slice(1), want.top.map((c, i) => [String(i + 1),
        KIND_NAMES[c.kind], csvText(c.name), String(c.count), percentText(c.count, want.total)]));
});

test('the previous month (2031-02) is counted as its own month', async () => {
    const res = await fetchPage('/office/analysis?month=2031-02', { jar: await supervisorJar() });
    assert.equal(res.status, 200);
    const total = rowsOf(figure(res.body, 'classification')).find((r) => r.attrs['data-total']);
    assert.equal(total.cells.count.count, SPECS.filter((x) => inRange(ms(x.created), FEBRUARY)).length);
    assert.equal(total.cells.previous.count, 0, 'nothing in 2031-01');
    const cb = bodyRows(res.body, 'callback');
    assert.equal(cb.find((r) => r.cells.completed).cells.completed.count,
        SPECS.filter((x) => x.completed && inRange(ms(x.completed), FEBRUARY)).length);
});

test('the month links wrap around the year; no month means the current local month', async () => {
    const jar = await supervisorJar();
    const jan = await fetchPage('/office/analysis?month=2031-01', { jar });
    assert.match(jan.body, /href="\/office\/analysis\?month=2030-12"/);
    const dec = await fetchPage('/office/analysis?month=2031-12', { jar });
    assert.match(dec.body, /href="\/office\/analysis\?month=2032-01"/);
    const now = await fetchPage('/office/analysis', { jar });
    assert.equal(now.status, 200);
    const here = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
        .format(new Date());
    assert.match(now.body, new RegExp(`data-month="${here}"`));
});

test('a bad month or format answers 400 with the reason', async () => {
    const jar = await supervisorJar();
    for (const month of ['2031-13', 'abc', '2031-00', '2031-3', '31-03-01', '1999-12', '2031-0a', '２０３１-03']) {
        const res = await fetchPage(`/office/analysis?month=${encodeURIComponent(month)}`, { jar });
        assert.equal(res.status, 400, `month=${month}`);
        assert.ok(textOf(res.body).includes('月份'), `month=${month}: the message names the field`);
    }
    const csv = await fetchPage(`/office/analysis?month=${MONTH}&format=xls`, { jar });
    assert.equal(csv.status, 400);
});

test('the front desk and technicians get 403; the manager and a complaint officer see the page', async () => {
    for (const login of [STAFF, 'tech']) {
        const jar = await signIn('staff', login);
        const res = await fetchPage(`/office/analysis?month=${MONTH}`, { jar });
        assert.equal(res.status, 403, login);
        assert.ok(textOf(res.body).includes('统计分析仅对客服主管、投诉专员和管理处主任开放'), `${login}: says who may`);
        assert.ok(!res.body.includes('data-figure='), `${login}: no figures`);
        const csv = await fetchPage(`/office/analysis?month=${MONTH}&format=csv`, { jar });
        assert.equal(csv.status, 403, `${login}: no CSV either`);
    }
    const manager = await fetchPage(`/office/analysis?month=${MONTH}`, { jar: await signIn('staff', 'manager') });
    assert.equal(manager.status, 200);
    complaintOfficer = makeStaff('analysis');
    sql(`INSERT INTO staff_role (staff_id, role_id, community_id)
         SELECT ${complaintOfficer.id}, id, 1 FROM role WHERE code = 'complaint'`);
    const officer = await fetchPage(`/office/analysis?month=${MONTH}`, { jar: await signIn('staff', complaintOfficer.login) });
    assert.equal(officer.status, 200);
    assert.ok(officer.body.includes('data-figure="classification"'));
    const out = await fetchPage(`/office/analysis?month=${MONTH}`);
    assert.equal(out.status, 303, 'signed out: to the login page');
});
