// The monthly analysis keeps its computed figures in each page process while the community's
// data version holds (issue 7, cgi-bin/domain/analysis_keep.c), and only until the first due of
// a promise still pending: then that promise counts as late, with no change to any row. A month
// of its own (2009-02) holds only this file's tickets, so every figure is known exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetchPage, insertTickets, signIn, sqlValue } from './lib.mjs';

const MONTH = '2009-02';
const PATH = `/office/analysis?month=${MONTH}`;

// The figures the page shows: the month's total and the resolve promise's met/late/pending.
function figures(html) {
    const total = /<tr data-total="1">[\s\S]*?data-col="count" data-count="(\d+)"/.exec(html);
    const resolve = /<tr data-clock="resolve">([\s\S]*?)<\/tr>/.exec(html);
    assert.ok(total && resolve, 'the classification total and the resolve promise are on the page');
    const cell = (col) => Number(new RegExp(`data-col="${col}" data-count="(\\d+)"`).exec(resolve[1])[1]);
    return { total: Number(total[1]), met: cell('met'), late: cell('late'), pending: cell('pending') };
}

// Both processes of the page answer a few requests each: every one must show want.
async function everyProcess(jar, want, why) {
    for (let i = 0; i < 6; i++) {
        const res = await fetchPage(PATH, { jar });
        assert.equal(res.status, 200);
        assert.deepEqual(figures(res.body), want, why);
    }
}

const shanghai = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
const dataVersion = () =>
    Number(sqlValue('SELECT COALESCE(MAX(version), 0) FROM community_data_version WHERE community_id = 1'));

test('kept figures turn a pending promise late when its due passes, and show a ticket added by hand', async () => {
    const jar = await signIn('staff', 'supervisor');
    const tag = `kept-analysis-${randomBytes(3).toString('hex')}`;
    // Whole seconds: the due is stored to the second, and pending means due >= now.
    const due = Math.floor(Date.now() / 1000) * 1000 + 4000;
    const first = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-101', status: 'new',
        created: `${MONTH}-10 10:00:00`, resolveDue: shanghai(due) }], tag);
    let second;
    try {
        await everyProcess(jar, { total: 1, met: 0, late: 0, pending: 1 }, 'open, its due still ahead');
        const version = dataVersion();
        await new Promise((resolve) => setTimeout(resolve, due + 1500 - Date.now()));
        await everyProcess(jar, { total: 1, met: 0, late: 1, pending: 0 }, 'the due has passed: late');
        assert.equal(dataVersion(), version, 'no row changed: the time alone turned it late');
        second = insertTickets([{ kind: 'repair', category: 'water_power', unit: '1-1-102', status: 'completed',
            created: `${MONTH}-11 09:00:00`, resolveDue: `${MONTH}-12 09:00:00`, completed: `${MONTH}-11 15:00:00` }], tag);
        await everyProcess(jar, { total: 2, met: 1, late: 1, pending: 0 }, 'the ticket added by hand counts at once');
    } finally {
        first.drop();
        second?.drop();
    }
    await everyProcess(jar, { total: 0, met: 0, late: 0, pending: 0 }, 'and both are gone once deleted');
});
