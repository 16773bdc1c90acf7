// A staff list page keeps its whole body between requests (issue 7, core/page_keep.h) while the
// community's data version holds, and only until what it shows would change with the clock: a
// due shown on the queue turns late on time with no row changed. A body is shared by the staff
// of the same roles (the layout around it, with the person's name, is each one's own); a
// technician's queue is their own: two technicians and the front desk taking turns on the same
// two processes each get theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetchPage, insertTickets, makeStaff, signIn, sql, sqlValue, staffId, textOf } from './lib.mjs';

const dataVersion = () =>
    Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_data_version WHERE community_id = 1'));
const shanghaiNow = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');

// The queue's row of ticket id in html: its class and the words of its due column.
function dueOf(html, id) {
    const row = new RegExp(`<tr class="ticket-row([^"]*)" data-ticket-id="${id}"[\\s\\S]*?</tr>`).exec(html);
    assert.ok(row, `ticket ${id} is on the page`);
    const words = /<small class="due-words[^"]*">([^<]*)<\/small>/.exec(row[0]);
    return { overdue: row[1].includes('overdue'), words: words ? words[1] : '' };
}

// Six requests: both processes of the page answer some, each after the first kept the body.
async function everyProcess(path, jar, check) {
    for (let i = 0; i < 6; i++) {
        const res = await fetchPage(path, { jar });
        assert.equal(res.status, 200, path);
        check(res.body);
    }
}

test('a due on the kept queue turns late when it passes, with no row changed', async () => {
    const jar = await signIn('staff', 'frontdesk');
    const tag = `kept-queue-${randomBytes(3).toString('hex')}`;
    const made = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-101', status: 'new',
        created: shanghaiNow() }], tag);
    try {
        const [id] = made.ids;
        // Whole seconds, three ahead; no promise of its own, so the sweep leaves it alone.
        const due = Math.floor(Date.now() / 1000) + 3;
        sql(`UPDATE ticket SET next_due = FROM_UNIXTIME(${due}) WHERE id = ${id}`);
        const path = `/office/tickets?q=${made.codes[0]}`;
        await everyProcess(path, jar, (html) =>
            assert.deepEqual(dueOf(html, id), { overdue: false, words: '剩余 1 分钟' }, 'its due still ahead'));
        const version = dataVersion();
        await new Promise((resolve) => setTimeout(resolve, due * 1000 + 1500 - Date.now()));
        await everyProcess(path, jar, (html) =>
            assert.deepEqual(dueOf(html, id), { overdue: true, words: '已超时 1 分钟' }, 'the due has passed'));
        assert.equal(dataVersion(), version, 'no row changed: the clock alone turned it late');
        // A change by hand shows at once, in every process.
        sql(`UPDATE ticket SET next_due = NULL WHERE id = ${id}`);
        await everyProcess(path, jar, (html) =>
            assert.deepEqual(dueOf(html, id), { overdue: false, words: '' }, 'no due any more'));
    } finally {
        made.drop();
    }
});

test('the kept overdue and due-soon lists take a ticket in when its due comes, with no row changed', async () => {
    const jar = await signIn('staff', 'frontdesk');
    const tag = `kept-due-${randomBytes(3).toString('hex')}`;
    const made = insertTickets([0, 1].map(() => ({ kind: 'repair', category: 'water_power', unit: '1-1-101',
        status: 'new', created: shanghaiNow() })), tag);
    try {
        const [late, soon] = made.ids;
        // Whole seconds: one due three seconds ahead, one two hours and three seconds ahead.
        const t0 = Math.floor(Date.now() / 1000);
        sql(`UPDATE ticket SET next_due = FROM_UNIXTIME(${t0 + 3}) WHERE id = ${late}`);
        sql(`UPDATE ticket SET next_due = FROM_UNIXTIME(${t0 + 7200 + 3}) WHERE id = ${soon}`);
        const on = (html, id) => html.includes(`data-ticket-id="${id}"`);
        await everyProcess('/office/tickets?overdue=1', jar, (html) =>
            assert.ok(!on(html, late), 'not overdue yet'));
        await everyProcess('/office/tickets?due_soon=1', jar, (html) => {
            assert.ok(on(html, late), 'three seconds left: due soon');
            assert.ok(!on(html, soon), 'more than two hours left: not yet');
        });
        const version = dataVersion();
        await new Promise((resolve) => setTimeout(resolve, (t0 + 4) * 1000 + 500 - Date.now()));
        await everyProcess('/office/tickets?overdue=1', jar, (html) => {
            assert.ok(on(html, late), 'its due has passed: overdue');
            assert.equal(dueOf(html, late).overdue, true);
        });
        await everyProcess('/office/tickets?due_soon=1', jar, (html) => {
            assert.ok(!on(html, late), 'late now, no longer due soon');
            assert.ok(on(html, soon), 'two hours left: due soon');
        });
        assert.equal(dataVersion(), version, 'no row changed: the clock alone moved them');
    } finally {
        made.drop();
    }
});

test('the technician and the front desk in turn each get their own kept queue', async () => {
    const [desk, tech] = await Promise.all([signIn('staff', 'frontdesk'), signIn('staff', 'tech')]);
    const own = '只显示派给您本人的工单';
    // A B B A three times over the page's two processes.
    for (let i = 0; i < 12; i++) {
        const technician = [1, 2].includes(i % 4);
        const res = await fetchPage('/office/tickets', { jar: technician ? tech : desk });
        assert.equal(res.status, 200);
        const text = textOf(res.body);
        assert.equal(text.includes(own), technician, technician ? 'the technician sees only their own' :
            'the front desk sees the whole queue');
        assert.equal(/登记工单/.test(text), !technician, 'only the desk may register a ticket');
    }
});

test('two technicians each get their own kept queue', async () => {
    const other = makeStaff('kept-tech');
    sql(`UPDATE staff_role SET role_id = (SELECT id FROM role WHERE code = 'technician') WHERE staff_id = ${other.id}`);
    const tag = `kept-tech-${randomBytes(3).toString('hex')}`;
    const made = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-101', status: 'dispatched',
        created: shanghaiNow() }], tag);
    try {
        sql(`UPDATE ticket SET assignee_staff_id = ${staffId('tech')} WHERE id = ${made.ids[0]}`);
        const [mine, theirs] = await Promise.all([signIn('staff', 'tech'), signIn('staff', other.login)]);
        const path = `/office/tickets?q=${made.codes[0]}`;
        for (let i = 0; i < 12; i++) {
            const first = [0, 3].includes(i % 4);
            const res = await fetchPage(path, { jar: first ? mine : theirs });
            assert.equal(res.status, 200);
            assert.equal(res.body.includes(`data-ticket-id="${made.ids[0]}"`), first,
                first ? 'the ticket given to tech is on their queue' : 'and not on the other technician\'s');
        }
    } finally {
        made.drop();
        other.drop();
    }
});

test('staff of the same roles share a kept body, each in their own layout', async () => {
    const other = makeStaff('kept-desk');
    try {
        const [desk, second] = await Promise.all([signIn('staff', 'frontdesk'), signIn('staff', other.login)]);
        const names = { desk: sqlValue("SELECT name FROM staff WHERE login = 'frontdesk'"),
            second: sqlValue(`SELECT name FROM staff WHERE id = ${other.id}`) };
        const main = (html) => /<main class="main">[\s\S]*<\/main>/.exec(html)[0];
        const bodies = new Set();
        for (let i = 0; i < 8; i++) {
            const who = [0, 3].includes(i % 4) ? 'desk' : 'second';
            const res = await fetchPage('/office/units', { jar: who === 'desk' ? desk : second });
            assert.equal(res.status, 200);
            assert.equal(/data-user-name>([^<]*)</.exec(res.body)[1], names[who], 'the layout names who asks');
            bodies.add(main(res.body));
        }
        assert.equal(bodies.size, 1, 'one body for both');
    } finally {
        other.drop();
    }
});
