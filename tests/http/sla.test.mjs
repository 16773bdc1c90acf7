// The time-limit sweep (wuye-sla-sweep) against the stack's database: a missed promise
// gets one overdue entry and goes to the supervisors, later to the office manager, and
// a second run at the same time changes nothing. The stack's own sweep runs every minute
// at the real time, so these tickets live in 2030 and the job is run with --now then, and
// with --ticket so that it touches no one else's tickets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import { env, q, sql, sqlValue, uniqueSuffix } from './lib.mjs';

const JOB = path.join(env.WUYE_STATE, 'build', 'cgi-bin', 'jobs', 'wuye-sla-sweep');
const HOUR = 3600;
const BASE = Date.UTC(2030, 2, 4, 1, 0) / 1000; // 2030-03-04T01:00Z, a Monday morning in Shanghai

const made = [];
after(() => {
    if (!made.length) return;
    const ids = made.join(',');
    sql(`DELETE FROM outbox WHERE ticket_id IN (${ids});
         DELETE FROM ticket_event WHERE ticket_id IN (${ids});
         DELETE FROM ticket WHERE id IN (${ids});`);
});

// A complaint taken by phone at `created` (unix seconds), answer due in 24 h and done in
// 5 days as the demo policy says. fields: status, resume_status, responded_at, completed_at
// (unix seconds or SQL), waiting_since.
function makeComplaint(created, fields = {}) {
    const code = `TS-T-${uniqueSuffix()}`.slice(0, 20);
    const status = fields.status || 'accepted';
    const at = (t) => (t === undefined || t === null ? 'NULL' : `FROM_UNIXTIME(${t})`);
    sql(`INSERT INTO ticket (community_id, code, kind, category_id, location, description, channel,
           reporter_name, reporter_phone, created_by_kind, created_by_id, status, resume_status,
           created_at, updated_at, respond_due, resolve_due, responded_at, completed_at, waiting_since)
         SELECT 1, ${q(code)}, 'complaint',
           (SELECT id FROM ticket_category WHERE community_id = 1 AND kind = 'complaint' ORDER BY id LIMIT 1),
           'common', '楼道夜间噪音', 'phone', '测试', '13700000000', 'staff',
           (SELECT id FROM staff WHERE login = 'frontdesk'), ${q(status)},
           ${fields.resume_status ? q(fields.resume_status) : 'NULL'},
           ${at(created)}, ${at(created)}, ${at(created + 24 * HOUR)}, ${at(created + 5 * 24 * HOUR)},
           ${at(fields.responded_at)}, ${at(fields.completed_at)}, ${at(fields.waiting_since)};
         SET @t = LAST_INSERT_ID();
         INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, public, text, status_after)
           SELECT @t, 1, 'created', 'staff', id, ${at(created)}, 1, '', ${q(status)} FROM staff WHERE login = 'frontdesk';
         UPDATE ticket SET last_event_id = LAST_INSERT_ID() WHERE id = @t;`);
    const id = Number(sqlValue(`SELECT id FROM ticket WHERE community_id = 1 AND code = ${q(code)}`));
    made.push(id);
    return { id, code, created };
}

// Runs the built job; answers {status, stdout, stderr}.
function sweep(...args) {
    assert.ok(existsSync(JOB), `the built job ${JOB}`);
    const r = spawnSync(JOB, args, {
        env: { PATH: process.env.PATH, WUYE_CONFIG: path.join(env.WUYE_STATE, 'wuye.conf') },
        encoding: 'utf8',
        timeout: 30000,
    });
    assert.equal(r.error, undefined, `the job ran: ${r.error}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sweepTicket(ticket, now) {
    const r = sweep(`--now=${now}`, `--ticket=${ticket.id}`);
    assert.equal(r.status, 0, `the job succeeded: ${r.stdout}${r.stderr}`);
    const m = /^sla-sweep: (\d+) tickets checked, (\d+) overdue, (\d+) escalated\b/.exec(r.stdout);
    assert.ok(m, `one summary line: ${r.stdout}`);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    return { checked: Number(m[1]), overdue: Number(m[2]), escalated: Number(m[3]) };
}

// Everything the sweep may have written about a ticket.
function state(ticket) {
    const [breached, level, lastEvent, updated] = sql(`SELECT breached, escalation_level, last_event_id,
        UNIX_TIMESTAMP(updated_at) FROM ticket WHERE id = ${ticket.id}`)[0].map(Number);
    const events = sql(`SELECT id, type, clock, level, actor_kind, public, status_after, text, UNIX_TIMESTAMP(at)
        FROM ticket_event WHERE ticket_id = ${ticket.id} AND type <> 'created' ORDER BY id`).map((r) => ({
        id: Number(r[0]), type: r[1], clock: r[2], level: r[3] === null ? null : Number(r[3]), actor: r[4],
        public: Number(r[5]), statusAfter: r[6], text: r[7], at: Number(r[8]),
    }));
    const outbox = sql(`SELECT staff_id, phone, event_id, message, UNIX_TIMESTAMP(created_at) FROM outbox
        WHERE ticket_id = ${ticket.id} ORDER BY id`).map((r) => ({
        staff: Number(r[0]), phone: r[1], event: Number(r[2]), message: r[3], at: Number(r[4]),
    }));
    return { breached, level, lastEvent, updated, events, outbox };
}

// Active staff holding role in community 1, as [id, phone], by id.
function holders(role) {
    return sql(`SELECT s.id, s.phone FROM staff s JOIN staff_role g ON g.staff_id = s.id
        JOIN role r ON r.id = g.role_id WHERE g.community_id = 1 AND r.code = ${q(role)} AND s.disabled = 0
        ORDER BY s.id`).map((r) => [Number(r[0]), r[1]]);
}

function managerAfterMinutes() {
    return Number(sqlValue(`SELECT manager_after_minutes FROM sla_policy
        WHERE community_id = 1 AND kind = 'complaint' AND severity = 'normal'`));
}

test('a complaint unanswered for 25 hours is overdue and goes to the supervisors, once', () => {
    const t = makeComplaint(BASE);
    const supervisors = holders('supervisor');
    assert.ok(supervisors.length >= 1, 'the demo community has a supervisor');

    assert.deepEqual(sweepTicket(t, t.created + 23 * HOUR), { checked: 1, overdue: 0, escalated: 0 });
    assert.deepEqual(state(t).events, [], 'at 23 hours nothing happens');
    assert.equal(state(t).breached, 0);

    const now = t.created + 25 * HOUR;
    assert.deepEqual(sweepTicket(t, now), { checked: 1, overdue: 1, escalated: 1 });
    const s = state(t);
    assert.equal(s.breached, 1, 'the respond bit');
    assert.equal(s.level, 1);
    assert.equal(s.events.length, 2);
    const [overdue, escalated] = s.events;
    assert.deepEqual(
        { type: overdue.type, clock: overdue.clock, actor: overdue.actor, public: overdue.public, at: overdue.at },
        { type: 'overdue', clock: 'respond', actor: 'system', public: 0, at: now });
    assert.equal(overdue.statusAfter, 'accepted', 'the status does not change');
    assert.equal(overdue.text, '超过首次响应时限');
    assert.deepEqual({ type: escalated.type, level: escalated.level, public: escalated.public, at: escalated.at },
        { type: 'escalated', level: 1, public: 0, at: now });
    assert.match(escalated.text, /客服主管/);
    assert.equal(s.lastEvent, escalated.id, 'the ticket points at its newest event');
    assert.equal(s.updated, now);
    assert.deepEqual(s.outbox.map((o) => [o.staff, o.phone]), supervisors, 'one message per supervisor');
    for (const o of s.outbox) {
        assert.equal(o.event, escalated.id);
        assert.ok(o.message.includes(t.code), `the message names the ticket: ${o.message}`);
        assert.equal(o.at, now);
    }

    assert.deepEqual(sweepTicket(t, now), { checked: 1, overdue: 0, escalated: 0 });
    assert.deepEqual(state(t), s, 'a second run at the same time changes nothing');
});

test('past the breach plus the manager delay it goes on to the office manager, once', () => {
    const t = makeComplaint(BASE + 2 * HOUR);
    const due = t.created + 24 * HOUR;
    const wait = managerAfterMinutes() * 60;
    assert.ok(wait > 0);
    sweepTicket(t, due + HOUR);
    assert.equal(state(t).level, 1);

    assert.deepEqual(sweepTicket(t, due + wait), { checked: 1, overdue: 0, escalated: 0 }, 'not yet at the limit');
    assert.equal(state(t).level, 1);

    // The same instant as UTC text, one minute past the limit.
    const now = due + wait + 60;
    const text = new Date(now * 1000).toISOString().slice(0, 16);
    assert.deepEqual(sweepTicket(t, text), { checked: 1, overdue: 0, escalated: 1 });
    const s = state(t);
    assert.equal(s.level, 2);
    assert.equal(s.breached, 1);
    const level2 = s.events.filter((e) => e.type === 'escalated' && e.level === 2);
    assert.equal(level2.length, 1);
    assert.match(level2[0].text, /管理处主任/);
    assert.equal(level2[0].at, now);
    assert.equal(s.lastEvent, level2[0].id);
    const managers = holders('manager');
    assert.ok(managers.length >= 1, 'the demo community has an office manager');
    assert.deepEqual(s.outbox.filter((o) => o.event === level2[0].id).map((o) => [o.staff, o.phone]), managers);

    assert.deepEqual(sweepTicket(t, now + HOUR), { checked: 1, overdue: 0, escalated: 0 });
    assert.deepEqual(state(t), s, 'nothing more, however late');
});

test('a waiting ticket, an answered one and a completed one are left alone', () => {
    const base = BASE + 5 * HOUR;
    const waiting = makeComplaint(base, { status: 'waiting', resume_status: 'accepted', waiting_since: base + HOUR });
    const answered = makeComplaint(base, { responded_at: base + 2 * HOUR });
    const completed = makeComplaint(base, { status: 'completed', completed_at: base + 3 * HOUR });

    const late = base + 25 * HOUR;
    assert.deepEqual(sweepTicket(waiting, late), { checked: 0, overdue: 0, escalated: 0 }, 'its clock pauses');
    assert.deepEqual(sweepTicket(answered, late), { checked: 1, overdue: 0, escalated: 0 });
    assert.deepEqual(sweepTicket(completed, base + 30 * 24 * HOUR), { checked: 0, overdue: 0, escalated: 0 });
    for (const t of [waiting, answered, completed]) {
        const s = state(t);
        assert.deepEqual([s.breached, s.level, s.events.length, s.outbox.length], [0, 0, 0, 0], `ticket ${t.code}`);
    }

    // The answered complaint still owes its resolution: past that due only that clock is marked.
    sweepTicket(answered, base + 5 * 24 * HOUR + HOUR);
    const s = state(answered);
    assert.equal(s.breached, 4);
    assert.deepEqual(s.events.filter((e) => e.type === 'overdue').map((e) => e.clock), ['resolve']);
});

test('the sweep of every ticket at the real time marks an overdue ticket exactly once', () => {
    // The stack's own sweep may get to it first: either way there is one of each.
    const now = Math.floor(Date.now() / 1000);
    const t = makeComplaint(now - 25 * HOUR);
    const r = sweep(`--now=${now}`);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^sla-sweep: \d+ tickets checked, \d+ overdue, \d+ escalated/);
    assert.equal(sweep(`--now=${now}`).status, 0);
    // Whichever sweep got to it, it now waits for the manager's time (schema/0021).
    const [dueAt, managerAt, sweepAt] = sql(`SELECT UNIX_TIMESTAMP(respond_due), UNIX_TIMESTAMP(manager_at),
        UNIX_TIMESTAMP(sweep_at) FROM ticket WHERE id = ${t.id}`)[0].map(Number);
    assert.equal(managerAt, dueAt + managerAfterMinutes() * 60);
    assert.equal(sweepAt, managerAt, 'no sweep reads it again before the manager\'s time');
    const s = state(t);
    assert.equal(s.breached, 1);
    assert.equal(s.level, 1);
    assert.deepEqual(s.events.map((e) => e.type), ['overdue', 'escalated']);
    assert.equal(s.outbox.length, holders('supervisor').length);
});

// When the sweep has to look at a ticket next (sweep_at): the first promise neither kept nor
// recorded as missed, or at level 1 the manager's time, which a change of the policy brings
// forward.
function sweepTimes(ticket) {
    const [managerAt, sweepAt] = sql(`SELECT COALESCE(UNIX_TIMESTAMP(manager_at), 0),
        COALESCE(UNIX_TIMESTAMP(sweep_at), 0) FROM ticket WHERE id = ${ticket.id}`)[0].map(Number);
    return { managerAt, sweepAt };
}

test('the sweep reads a ticket again only when it has something to do, and a shorter manager time counts at once', () => {
    const t = makeComplaint(BASE + 3 * HOUR);
    const respondDue = t.created + 24 * HOUR;
    const resolveDue = t.created + 5 * 24 * HOUR;
    const minutes = managerAfterMinutes();
    assert.ok(minutes * 60 > 2 * HOUR && respondDue + minutes * 60 < resolveDue, 'the demo policy suits the test');
    assert.deepEqual(sweepTimes(t), { managerAt: 0, sweepAt: respondDue }, 'new: its first due');

    assert.deepEqual(sweepTicket(t, respondDue + HOUR), { checked: 1, overdue: 1, escalated: 1 });
    assert.deepEqual(sweepTimes(t), { managerAt: respondDue + minutes * 60, sweepAt: respondDue + minutes * 60 },
        'at level 1: the manager\'s time, before the resolution due');

    const policy = `community_id = 1 AND kind = 'complaint' AND severity = 'normal'`;
    try {
        sql(`UPDATE sla_policy SET manager_after_minutes = 60 WHERE ${policy}`);
        assert.deepEqual(sweepTimes(t), { managerAt: 0, sweepAt: respondDue }, 'the policy changed: look again');
        assert.deepEqual(sweepTicket(t, respondDue + HOUR + 60), { checked: 1, overdue: 0, escalated: 1 },
            'an hour past the missed answer: to the manager');
    } finally {
        sql(`UPDATE sla_policy SET manager_after_minutes = ${minutes} WHERE ${policy}`);
    }
    assert.equal(state(t).level, 2);
    assert.deepEqual(sweepTimes(t), { managerAt: 0, sweepAt: resolveDue }, 'at level 2: only the resolution due');

    sql(`UPDATE ticket SET status = 'completed', completed_at = FROM_UNIXTIME(${respondDue + 2 * HOUR}) WHERE id = ${t.id}`);
    assert.deepEqual(sweepTimes(t), { managerAt: 0, sweepAt: 0 }, 'completed: nothing');
});

test('the job refuses arguments it does not understand', () => {
    for (const bad of ['--now=2030-02-30T00:00', '--now=tomorrow', '--now=', '--ticket=x', '--verbose']) {
        const r = sweep(bad);
        assert.equal(r.status, 2, `${bad}: ${r.stdout}${r.stderr}`);
        assert.equal(r.stdout, '');
    }
});
