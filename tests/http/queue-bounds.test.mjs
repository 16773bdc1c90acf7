// The office queue's counts and pages (issue 7): a text search carries its count with its rows
// and stays exact on every page, past the end included; the unfiltered queue counts no further
// than 50 pages ("1500+") and refuses a page beyond them (400) — bounded pagination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetchPage, insertTickets, signIn } from './lib.mjs';

const ids = (html) => [...html.matchAll(/data-ticket-id="(\d+)"/g)].map((m) => Number(m[1]));
const total = (html) => /data-total="([^"]+)"/.exec(html)?.[1];

test('a search of 35 tickets: 30, then 5, the count 35 on each page and past the end', async () => {
    const word = `检索${randomBytes(4).toString('hex')}`;
    const t = insertTickets(Array.from({ length: 35 }, (_, i) => ({ kind: 'repair', category: 'water_power',
        place: '1栋', created: `2026-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00`, status: 'accepted' })), word);
    try {
        const jar = await signIn('staff', 'frontdesk');
        const one = await fetchPage(`/office/tickets?q=${encodeURIComponent(word)}`, { jar });
        assert.equal(one.status, 200);
        assert.equal(total(one.body), '35');
        assert.equal(ids(one.body).length, 30);
        const two = await fetchPage(`/office/tickets?q=${encodeURIComponent(word)}&page=2`, { jar });
        assert.equal(total(two.body), '35');
        assert.equal(ids(two.body).length, 5);
        assert.deepEqual([...ids(one.body), ...ids(two.body)].sort((a, b) => a - b), [...t.ids].sort((a, b) => a - b),
            'the two pages hold every match once');
        const past = await fetchPage(`/office/tickets?q=${encodeURIComponent(word)}&page=3`, { jar });
        assert.equal(past.status, 200);
        assert.equal(total(past.body), '35', 'past the end the count is still exact');
        assert.equal(ids(past.body).length, 0);
    } finally {
        t.drop();
    }
});

test('the unfiltered queue counts to 1500 and says so; page 51 is refused', async () => {
    const batches = [];
    for (let b = 0; b < 6; b++) {
        // In batches: one statement of 1,520 rows is too long for the mariadb client's command line.
        batches.push(insertTickets(Array.from({ length: 260 }, (_, i) => ({ kind: 'repair', category: 'water_power',
            place: '2栋', created: `2026-04-${String(1 + ((b * 260 + i) % 28)).padStart(2, '0')} 08:00`,
            status: 'accepted' })), 'queue-bounds'));
    }
    try {
        const jar = await signIn('staff', 'frontdesk');
        const first = await fetchPage('/office/tickets', { jar });
        assert.equal(first.status, 200);
        assert.equal(total(first.body), '1500+');
        assert.match(first.body, /第 1 \/ 50\+ 页/);
        const last = await fetchPage('/office/tickets?page=50', { jar });
        assert.equal(last.status, 200);
        assert.equal(ids(last.body).length, 30);
        assert.equal((await fetchPage('/office/tickets?page=51', { jar })).status, 400);
    } finally {
        for (const t of batches) t.drop();
    }
});
