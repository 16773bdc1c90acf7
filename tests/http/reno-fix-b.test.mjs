// Decoration fixes: a long patrol finding or re-check note is saved whole in its own row while
// the case's step note and the audit detail are cut to their 1000 characters (no 500); the
// permit's dates are bounded (from at most 30 days back, at most 180 days long).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { csrfFrom, fetchPage, fieldErrors, inputValue, signIn, sql, sqlValue } from './lib.mjs';
import { localDate, patrolCase, patrolStaff } from './reno-fixtures-patrol.mjs';
import { caseRow, makeCase, makeCommunity, payBill, postMoney, staffIn } from './reno-fixtures-money.mjs';

const inspector = patrolStaff(['inspector']);
const jarP = signIn('staff', inspector.login);
const patrolUrl = (id) => `/office/renovation-patrol?id=${id}`;

async function postPatrol(id, action, fields) {
    const jar = await jarP;
    const page = await fetchPage(patrolUrl(id), { jar });
    assert.equal(page.status, 200);
    return fetchPage(patrolUrl(id), { jar, form: { csrf: csrfFrom(page.body, patrolUrl(id)),
        version: inputValue(page.body, 'version'), action, ...fields } });
}

const lastStepNote = (id) => sqlValue(`SELECT CHAR_LENGTH(note) FROM renovation_step WHERE renovation_id = ${id}
    AND action = 'note' ORDER BY id DESC LIMIT 1`);
const lastAuditDetail = (id, action) => sqlValue(`SELECT CHAR_LENGTH(detail) FROM audit_log WHERE action = '${action}'
    AND object_id = ${id} ORDER BY id DESC LIMIT 1`);

test('a 2000-character finding and a 1000-character re-check note are saved whole; the step note is cut to 1000', async () => {
    const c = patrolCase();
    const findings = '墙'.repeat(1999) + '裂';
    const res = await postPatrol(c.id, 'patrol', { patrol_date: localDate(), result: 'violation', findings,
        rule: '违规搭建', detail: '阳台搭建', deadline: localDate(3) });
    assert.equal(res.status, 303, res.body.slice(0, 800));
    assert.equal(sqlValue(`SELECT findings FROM renovation_patrol WHERE renovation_id = ${c.id}`), findings);
    assert.equal(lastStepNote(c.id), '1000');
    assert.match(sqlValue(`SELECT note FROM renovation_step WHERE renovation_id = ${c.id} AND action = 'note'`),
        /^巡查 .*：发现违章。墙+$/);
    assert.equal(lastAuditDetail(c.id, 'renovation_patrol'), '1000');

    const vid = sqlValue(`SELECT id FROM renovation_violation WHERE renovation_id = ${c.id}`);
    const note = '拆'.repeat(999) + '除';
    const re = await postPatrol(c.id, 'recheck', { violation: vid, outcome: 'escalate', note });
    assert.equal(re.status, 303, re.body.slice(0, 800));
    assert.deepEqual(sql(`SELECT state, recheck_note FROM renovation_violation WHERE id = ${vid}`)[0], ['escalated', note]);
    assert.equal(lastStepNote(c.id), '1000');
    assert.equal(lastAuditDetail(c.id, 'renovation_recheck'), '1000');
    const page = await fetchPage(patrolUrl(c.id), { jar: await jarP });
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(findings), 'the patrol list shows the whole finding');
});

let community, manager, permitter, cashier;
before(async () => {
    community = makeCommunity('RB');
    manager = await staffIn(community.id, ['manager'], 'rb');
    permitter = await staffIn(community.id, ['inspector'], 'rb');
    cashier = await staffIn(community.id, ['cashier'], 'rb');
});

test('permit dates: from at most 30 days back and at most 180 days long, else 422 with nothing written', async () => {
    const c = makeCase(community.id, { workers: 1 });
    const ok = await postMoney(manager.jar, c.id, 'approve', { checklist: ['documents'], deposit: '2000', pass_fee: '50' });
    assert.equal(ok.status, 303);
    const bill = caseRow(c.id).bill;
    assert.equal((await payBill(cashier.jar, c.unitCode, bill, '2050')).status, 303);
    const before = caseRow(c.id);
    for (const [from, to, field] of [[localDate(-31), localDate(10), 'permit_from'],
        ['1990-01-01', '2099-12-31', 'permit_from'], [localDate(0), localDate(181), 'permit_to'],
        [localDate(-30), localDate(151), 'permit_to']]) {
        const res = await postMoney(permitter.jar, c.id, 'permit', { permit_from: from, permit_to: to });
        assert.equal(res.status, 422, `${from} to ${to}`);
        assert.ok(fieldErrors(res.body)[field], `${field} marked for ${from} to ${to}: ${JSON.stringify(fieldErrors(res.body))}`);
        assert.match(res.body, new RegExp(`name="permit_from" value="${from}"`), 'the form keeps the dates');
    }
    assert.deepEqual(caseRow(c.id), before, 'nothing written by refused permits');
    assert.equal(sqlValue(`SELECT state FROM unit WHERE id = ${c.unitId}`), 'occupied');
    const res = await postMoney(permitter.jar, c.id, 'permit', { permit_from: localDate(-30), permit_to: localDate(150) });
    assert.equal(res.status, 303, res.body.slice(0, 800));
    assert.deepEqual(sql(`SELECT state, DATE_FORMAT(permit_from, '%Y-%m-%d'), DATE_FORMAT(permit_to, '%Y-%m-%d')
        FROM renovation WHERE id = ${c.id}`)[0], ['permitted', localDate(-30), localDate(150)]);
});
