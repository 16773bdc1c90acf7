// A household's ticket list counts what it shows (issue 7: the count reads the unit's
// tickets and the account's elsewhere, each from its own index): tickets of the unit by
// anyone, the account's own at common places and at another unit, a ticket both of the
// unit and by the account once, and nothing of a neighbour's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchPage, insertTickets, makeHousehold, signIn, sql, textOf } from './lib.mjs';

const ids = (html) => [...html.matchAll(/href="\/portal\/ticket\?id=(\d+)"/g)].map((m) => Number(m[1]));

test('the household list counts the unit\'s tickets and the account\'s own once each', async () => {
    const h = makeHousehold('hh-count');
    const [home, other] = h.units;
    const spec = (unit, status) => ({ kind: 'repair', category: 'water_power', unit, place: '', status,
        created: '2026-03-02 10:00' });
    const t = insertTickets([
        spec(home.code, 'accepted'), spec(home.code, 'closed'), spec(home.code, 'accepted'), // the unit's, by others
        spec(null, 'accepted'), spec(null, 'closed'), // the owner's at common places
        spec(other.code, 'accepted'), spec(other.code, 'accepted'), // the owner's at his other unit
        spec(home.code, 'accepted'), // the unit's, by the owner: once
        spec(other.code, 'accepted'), // the other unit's, by somebody else: not this household's
        spec(null, 'accepted'), // a common place, by somebody else
    ], 'hh-count');
    try {
        sql(`UPDATE ticket SET reporter_account_id = ${h.owner.id} WHERE id IN (${[3, 4, 5, 6, 7].map((i) => t.ids[i])})`);
        const jar = await signIn('resident', h.owner.login);
        const all = await fetchPage('/portal/tickets', { jar });
        assert.equal(all.status, 200);
        assert.ok(textOf(all.body).includes('共 8 条'), textOf(all.body).slice(0, 400));
        assert.deepEqual(ids(all.body).sort((a, b) => a - b), t.ids.slice(0, 8).sort((a, b) => a - b));
        const open = await fetchPage('/portal/tickets?status=open', { jar });
        assert.ok(textOf(open.body).includes('共 6 条'), 'two of the eight are closed');
        const closed = await fetchPage('/portal/tickets?status=closed', { jar });
        assert.ok(textOf(closed.body).includes('共 2 条'));
        // The family member (another account of the same unit) sees the unit's, not the owner's elsewhere.
        const family = await signIn('resident', h.family.login);
        const theirs = await fetchPage('/portal/tickets', { jar: family });
        assert.ok(textOf(theirs.body).includes('共 4 条'), textOf(theirs.body).slice(0, 400));
    } finally {
        t.drop();
        h.drop();
    }
});
