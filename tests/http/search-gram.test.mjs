// The office queue's text search through the description's character pairs (ticket_gram):
// a ticket made at the counter is found by any piece of its description of two characters
// or more, Chinese, ASCII or mixed and in any letter case, not by what it does not say, and
// still by its code, its unit's code and the reporter's phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { csrfFrom, fetchPage, signIn, sqlValue, textOf } from './lib.mjs';

const ids = (html) => [...html.matchAll(/data-ticket-id="(\d+)"/g)].map((m) => Number(m[1]));
const total = (html) => /data-total="([^"]+)"/.exec(html)?.[1];

async function counterTicket(jar, description, phone) {
    const page = await fetchPage('/office/new-ticket', { jar });
    assert.equal(page.status, 200);
    const fd = new FormData();
    const values = {
        csrf: csrfFrom(page.body, '/office/new-ticket'), kind: 'repair', category: 'water_power', location: 'home',
        unit: '1-1-101', place: '', description, channel: 'phone', reporter_name: '张伟', reporter_phone: phone,
        severity: 'normal', preferred_time: '',
    };
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    const res = await fetchPage('/office/new-ticket', { jar, method: 'POST', body: fd });
    assert.equal(res.status, 303, `intake answered ${res.status}: ${textOf(res.body).slice(0, 300)}`);
    return Number(/id=(\d+)/.exec(res.location)[1]);
}

test('a new ticket is found by pieces of its description, its code, unit and phone, and only by those', async () => {
    const jar = await signIn('staff', 'frontdesk');
    const tag = randomBytes(3).toString('hex'); // a word no other ticket has
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const id = await counterTicket(jar, `厨房龙头漏水严重，型号XQ${tag}Pro，地下车库B1也有`, phone);
    const code = sqlValue(`SELECT code FROM ticket WHERE id = ${id}`);
    const search = async (q) => {
        const res = await fetchPage(`/office/tickets?q=${encodeURIComponent(q)}`, { jar });
        assert.equal(res.status, 200, `q=${q}`);
        return res.body;
    };
    for (const q of [`xq${tag}`, `XQ${tag.toUpperCase()}pro`, `型号XQ${tag}`, `Q${tag}P`]) {
        const body = await search(q);
        assert.deepEqual(ids(body), [id], `q=${q} finds exactly the ticket`);
        assert.equal(total(body), '1');
    }
    for (const q of ['龙头漏水严重', '漏水', '车库b1']) {
        assert.ok(ids(await search(q)).includes(id), `q=${q} finds it`);
    }
    for (const q of [`型号XQ${tag}X`, `XQ${tag}龙头`, `严重漏水XQ${tag}`]) {
        assert.ok(!ids(await search(q)).includes(id), `q=${q} is not in it`);
    }
    assert.deepEqual(ids(await search(code)), [id], 'by code');
    assert.ok(ids(await search(phone)).includes(id), 'by the reporter phone');
    assert.ok(ids(await search('1-1-101')).includes(id), 'by the unit code');
});

test('a one-character search says it looked among the newest 2000 tickets only; two characters do not', async () => {
    const jar = await signIn('staff', 'frontdesk');
    const one = await fetchPage(`/office/tickets?q=${encodeURIComponent('漏')}`, { jar });
    assert.equal(one.status, 200);
    assert.match(textOf(one.body), /单字搜索只查本小区最近 2000 张工单/);
    assert.match(one.body, /data-short-search/);
    const two = await fetchPage(`/office/tickets?q=${encodeURIComponent('漏水')}`, { jar });
    assert.equal(two.status, 200);
    assert.doesNotMatch(two.body, /data-short-search/);
});
