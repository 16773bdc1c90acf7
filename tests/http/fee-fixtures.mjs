// tests/http/fee-fixtures.mjs: bills and payments of a test's own, written with SQL the
// way the fee pages write them (bill.amount_fen = SUM(lines); paid_fen kept beside the
// allocations; a reversal negates its payment's allocations), for the arrears, portal
// bills and fee report tests. Everything lives in community 1 (蓝山花园, Asia/Shanghai).
import { randomBytes } from 'node:crypto';

import { makeStaff, q, shanghaiToUtc, sql, sqlValue, uniqueSuffix } from './lib.mjs';

// Today and this month in the community's zone (UTC+8 all year).
export function shanghaiToday(offsetDays = 0) {
    return new Date(Date.now() + 8 * 3600 * 1000 + offsetDays * 86400 * 1000).toISOString().slice(0, 10);
}
export function thisMonth() {
    return shanghaiToday().slice(0, 7);
}
// The month `delta` months from `period` ("2026-11", -2 -> "2026-09").
export function addMonths(period, delta) {
    const [y, m] = period.split('-').map(Number);
    const i = y * 12 + (m - 1) + delta;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
// Whole months from period a to period b.
export function monthsBetween(a, b) {
    const idx = (p) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
    return idx(b) - idx(a);
}

export function feeItemId(code) {
    return Number(sqlValue(`SELECT id FROM fee_item WHERE community_id = 1 AND code = ${q(code)}`));
}

// A building of its own (code of 4 characters) with `count` units `${code}-1-10N`, each
// with an owner 业主N. Answers {code, id, units: [{id, code, owner}], drop()}; drop() deletes
// the units' bills, payments, notes and people (audit rows stay).
export function makeFeeBuilding(count, tag = 'fee') {
    const code = `Q${randomBytes(2).toString('hex').toUpperCase().slice(0, 3)}`;
    const suffix = uniqueSuffix().slice(-5);
    sql(`INSERT INTO building (community_id, code, name, floors) VALUES (1, ${q(code)}, ${q(`${code}测试楼`)}, 3)`);
    const id = Number(sqlValue(`SELECT id FROM building WHERE community_id = 1 AND code = ${q(code)}`));
    const units = [];
    for (let i = 1; i <= count; i++) {
        const unitCode = `${code}-1-10${i}`;
        const owner = `${tag}${suffix}业主${i}`;
        sql(`INSERT INTO unit (community_id, building_id, code, floor, area_m2, state)
               VALUES (1, ${id}, ${q(unitCode)}, 1, 80.00, 'occupied');
             SET @u = LAST_INSERT_ID();
             INSERT INTO person (community_id, name) VALUES (1, ${q(owner)});
             INSERT INTO occupancy (community_id, unit_id, person_id, relation, since)
               VALUES (1, @u, LAST_INSERT_ID(), 'owner', '2020-01-01');`);
        units.push({ id: Number(sqlValue(`SELECT id FROM unit WHERE community_id = 1 AND code = ${q(unitCode)}`)), code: unitCode, owner });
    }
    return {
        code,
        id,
        units,
        drop: () => {
            dropUnits(units.map((u) => u.id));
            sql(`DELETE FROM building WHERE id = ${id}`);
        },
    };
}

// Deletes the fee rows and people of the units, then the units.
export function dropUnits(unitIds, { keepUnits = false } = {}) {
    const list = unitIds.join(', ');
    sql(`DELETE pa FROM payment_alloc pa JOIN bill b ON b.id = pa.bill_id WHERE b.unit_id IN (${list});
         DELETE FROM payment WHERE unit_id IN (${list}) AND reverses_id IS NOT NULL;
         DELETE FROM payment WHERE unit_id IN (${list});
         DELETE l FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.unit_id IN (${list});
         DELETE FROM bill WHERE unit_id IN (${list});
         DELETE FROM arrears_note WHERE unit_id IN (${list});`);
    if (keepUnits) return;
    const people = sql(`SELECT person_id FROM occupancy WHERE unit_id IN (${list})`).map((r) => r[0]);
    sql(`DELETE FROM occupancy WHERE unit_id IN (${list});
         ${people.length ? `DELETE FROM person WHERE id IN (${people.join(', ')});` : ''}
         DELETE FROM unit WHERE id IN (${list});`);
}

// A period bill of the unit with lines [{item (code), amount (fen), description}], due on
// `due` (YYYY-MM-DD). Answers {id, lines: [{id, amount}]}.
export function insertBill(unitId, period, due, lines, kind = 'period') {
    const total = lines.reduce((s, l) => s + l.amount, 0);
    sql(`INSERT INTO bill (community_id, unit_id, kind, period, period_key, amount_fen, due_date, created_at)
           VALUES (1, ${unitId}, ${q(kind)}, ${q(period)}, ${kind === 'period' ? q(period) : 'NULL'}, ${total},
                   ${q(due)}, ${q(`${period}-01 01:00:00`)})`);
    const id = Number(sqlValue(`SELECT MAX(id) FROM bill WHERE unit_id = ${unitId} AND period = ${q(period)}`));
    for (const l of lines) {
        sql(`INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, amount_fen)
               VALUES (1, ${id}, ${feeItemId(l.item)}, ${q(l.description || `${l.item} ${period}`)}, ${l.amount})`);
    }
    const lineRows = sql(`SELECT id, amount_fen FROM bill_line WHERE bill_id = ${id} ORDER BY id`)
        .map(([lineId, amount]) => ({ id: Number(lineId), amount: Number(amount) }));
    return { id, lines: lineRows };
}

// A bill in a past month, overdue: due the 10th of the month after, or yesterday if that
// is not yet past.
export function overdueBill(unitId, period, lines) {
    const natural = `${addMonths(period, 1)}-10`;
    const yesterday = shanghaiToday(-1);
    return insertBill(unitId, period, natural < yesterday ? natural : yesterday, lines);
}

let cashier = null;
let settlementId = 0;
let receiptSeq = 0;
const receiptBase = `T${uniqueSuffix()}`.slice(0, 15);

// The test cashier and their (open) day, made on first use; dropCashier() removes them.
function settlement() {
    if (!settlementId) {
        cashier = makeStaff('feefix');
        sql(`INSERT INTO settlement (community_id, staff_id, day) VALUES (1, ${cashier.id}, '2020-01-01')`);
        settlementId = Number(sqlValue(`SELECT id FROM settlement WHERE staff_id = ${cashier.id}`));
    }
    return settlementId;
}
export function dropCashier() {
    if (!cashier) return;
    sql(`DELETE FROM settlement WHERE id = ${settlementId}`);
    cashier.drop();
    cashier = null;
    settlementId = 0;
}

function bump(allocs, sign) {
    for (const a of allocs) {
        sql(`UPDATE bill_line SET paid_fen = paid_fen + ${sign * a.amount} WHERE id = ${a.lineId};
             UPDATE bill SET paid_fen = paid_fen + ${sign * a.amount} WHERE id = ${a.billId};`);
    }
}

// A payment of the unit spread as allocs [{billId, lineId, amount}], taken at the local
// time `at` ("2026-03-01 03:00"). Answers {id, receipt}.
export function pay(unitId, allocs, at, method = 'cash') {
    const receipt = `${receiptBase}${++receiptSeq}`;
    const total = allocs.reduce((s, a) => s + a.amount, 0);
    const day = settlement();
    sql(`INSERT INTO payment (community_id, unit_id, receipt_no, kind, method, amount_fen, staff_id, settlement_id, taken_at)
           VALUES (1, ${unitId}, ${q(receipt)}, 'payment', ${q(method)}, ${total}, ${cashier.id}, ${day},
                   ${q(shanghaiToUtc(at))})`);
    const id = Number(sqlValue(`SELECT id FROM payment WHERE community_id = 1 AND receipt_no = ${q(receipt)}`));
    sql(`INSERT INTO payment_alloc (payment_id, bill_line_id, bill_id, amount_fen) VALUES
         ${allocs.map((a) => `(${id}, ${a.lineId}, ${a.billId}, ${a.amount})`).join(', ')}`);
    bump(allocs, 1);
    return { id, receipt, allocs, unitId, method };
}

// The reversal (冲正) of payment p at local time `at`: its own receipt, negated allocations.
export function reverse(p, at) {
    const receipt = `${receiptBase}${++receiptSeq}`;
    const total = p.allocs.reduce((s, a) => s + a.amount, 0);
    const day = settlement();
    sql(`INSERT INTO payment (community_id, unit_id, receipt_no, kind, reverses_id, method, amount_fen, note, staff_id,
           settlement_id, taken_at) VALUES (1, ${p.unitId}, ${q(receipt)}, 'reversal', ${p.id}, ${q(p.method)}, ${-total},
           '测试冲正', ${cashier.id}, ${day}, ${q(shanghaiToUtc(at))})`);
    const id = Number(sqlValue(`SELECT id FROM payment WHERE community_id = 1 AND receipt_no = ${q(receipt)}`));
    sql(`INSERT INTO payment_alloc (payment_id, bill_line_id, bill_id, amount_fen) VALUES
         ${p.allocs.map((a) => `(${id}, ${a.lineId}, ${a.billId}, ${-a.amount})`).join(', ')}`);
    bump(p.allocs, -1);
    return { id, receipt };
}

// What a unit owes on overdue bills, and its whole balance, straight from the database.
export function owedOverdue(unitId) {
    return Number(sqlValue(`SELECT COALESCE(SUM(amount_fen - paid_fen), 0) FROM bill WHERE unit_id = ${unitId}
        AND due_date < ${q(shanghaiToday())} AND amount_fen > paid_fen`));
}
export function owedAll(unitId) {
    return Number(sqlValue(`SELECT COALESCE(SUM(amount_fen - paid_fen), 0) FROM bill WHERE unit_id = ${unitId}`));
}
