// The start pages: what a signed-in resident and a signed-in staff member see.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { csrfFrom, fetchPage, forms, attr, RESIDENT, signIn, STAFF, textOf, uniqueAddress } from './lib.mjs';

test('/portal/home shows the resident, the community, the unit and the household', async () => {
    const jar = await signIn('resident', RESIDENT);
    const res = await fetchPage('/portal/home', { jar });
    assert.equal(res.status, 200);
    assert.match(res.body, /<html lang="zh-CN">/);
    const text = textOf(res.body);
    for (const words of ['张伟', '蓝山花园', '1-1-101', '张小雨', '家庭成员', '业主', '89.50', '0571-88880000']) {
        assert.ok(text.includes(words), `the page says ${words}`);
    }
    const unit = /<([a-z]+)\b[^>]*\bdata-unit="1-1-101"[^>]*>([\s\S]*?)<\/\1>/.exec(res.body);
    assert.ok(unit, 'an element with data-unit="1-1-101"');
    assert.ok(textOf(unit[2]).includes('1-1-101'), 'the unit code is inside it');
    assert.ok(/1\s*栋/.test(text), 'the building (1栋)');
    assert.ok(!text.includes('李娜') && !text.includes('1-1-102'), 'nothing of another household');
    // The header's logout form, with its own token.
    const logout = forms(res.body).find((f) => attr(f.attrs, 'action') === '/portal/logout');
    assert.ok(logout, 'a logout form');
    assert.match(attr(logout.attrs, 'class'), /\blogout\b/);
    assert.equal(attr(logout.attrs, 'method'), 'post');
    assert.ok(csrfFrom(res.body, '/portal/logout'));
    assert.ok(textOf(logout.inner).includes('退出'));
});

test('/office/home shows the staff member, role, department and the recent logins', async () => {
    const jar = await signIn('staff', STAFF);
    const res = await fetchPage('/office/home', { jar });
    assert.equal(res.status, 200);
    assert.match(res.body, /<html lang="zh-CN">/);
    const text = textOf(res.body);
    for (const words of ['王芳', '客服前台', '客服部', '蓝山花园']) assert.ok(text.includes(words), `the page says ${words}`);
    assert.ok(forms(res.body).some((f) => attr(f.attrs, 'action') === '/office/logout'), 'a logout form');
    assert.ok(csrfFrom(res.body, '/office/logout'));
});

test('/office/home lists this login among the recent login records, with its address', async () => {
    const address = uniqueAddress();
    const jar = await signIn('staff', 'tech', undefined, { address });
    const res = await fetchPage('/office/home', { jar });
    assert.equal(res.status, 200);
    const text = textOf(res.body);
    for (const words of ['陈强', '维修工', '工程部']) assert.ok(text.includes(words), `the page says ${words}`);
    assert.ok(text.includes(address), `the login from ${address} is listed`);
    assert.ok(text.includes('成功'), 'as a success');
});

test('/office/home of the office manager names the role 管理处主任', async () => {
    const jar = await signIn('staff', 'manager');
    const res = await fetchPage('/office/home', { jar });
    assert.equal(res.status, 200);
    const text = textOf(res.body);
    assert.ok(text.includes('赵敏'));
    assert.ok(text.includes('管理处主任'));
});
