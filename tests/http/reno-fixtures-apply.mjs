// Shared helpers of the decoration application tests: a household of the test's own, staff
// with a role, the application form posted as the browser does (multipart), and clean-up.
import assert from 'node:assert/strict';
import { fetchPage, csrfFrom, makeHousehold, makeStaff, signIn, sql, q } from './lib.mjs';

// The community's local date (Asia/Shanghai) days from today, as YYYY-MM-DD.
export function localDate(days = 0) {
    return new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);

// The fields of a good application, overridden by over (a value null removes the field).
export function goodFields(over = {}) {
    const f = {
        company: '安居装饰工程有限公司',
        foreman: '刘师傅',
        foreman_phone: '13912345678',
        planned_start: localDate(2),
        planned_end: localDate(40),
        scope: ['walls', 'floors'],
        description: '客厅、卧室墙面刷漆，铺木地板',
        no_structural: '1',
        workers: '3',
        ...over,
    };
    for (const [k, v] of Object.entries(f)) if (v === null) delete f[k];
    return f;
}

// Posts a form of the page at formPath to action (multipart): fields may repeat (arrays);
// files: [{field, name, type, data}]. Answers the response.
export async function postMultipart(jar, formPath, action, fields, files = []) {
    const page = await fetchPage(formPath, { jar });
    assert.equal(page.status, 200, `${formPath}: ${page.body.slice(0, 500)}`);
    const form = new FormData();
    form.append('csrf', csrfFrom(page.body, action));
    for (const [k, v] of Object.entries(fields)) for (const x of [].concat(v)) form.append(k, x);
    for (const f of files) form.append(f.field, new Blob([f.data], { type: f.type }), f.name);
    return fetchPage(action, { jar, method: 'POST', body: form });
}

// A resident's application in the portal; answers the response.
export function applyInPortal(jar, fields = goodFields(), files = []) {
    return postMultipart(jar, '/portal/renovation?new=1', '/portal/renovation', fields, files);
}

// The case id of a 303 to /portal/renovation?id=N&saved=... or /office/renovation?id=N&...
export function caseIdFrom(res) {
    assert.equal(res.status, 303, `expected 303, got ${res.status}: ${res.body.slice(0, 1200)}`);
    const m = /renovation\?id=(\d+)&saved=/.exec(res.location);
    assert.ok(m, res.location);
    return Number(m[1]);
}

// A household of the test's own, its owner signed in: {household, unit, jar, cleanup()}.
// cleanup() removes the cases of its units before the household.
export async function household(tag) {
    const h = makeHousehold(tag);
    const jar = await signIn('resident', h.owner.login);
    const ids = h.units.map((u) => u.id).join(', ');
    return {
        household: h,
        unit: h.units[0],
        jar,
        cleanup: () => {
            sql(`DELETE f FROM renovation_file f JOIN renovation r ON r.id = f.renovation_id WHERE r.unit_id IN (${ids});
                 DELETE s FROM renovation_step s JOIN renovation r ON r.id = s.renovation_id WHERE r.unit_id IN (${ids});
                 DELETE FROM renovation WHERE unit_id IN (${ids});`);
            h.drop();
        },
    };
}

// A staff member of community 1 with the given roles (besides 客服前台 when frontdesk is
// among them), signed in: {staff, jar}.
export async function staffWith(roles, tag = 'reno') {
    const s = makeStaff(tag);
    const extra = roles.filter((r) => r !== 'frontdesk');
    if (!roles.includes('frontdesk')) sql(`DELETE FROM staff_role WHERE staff_id = ${s.id}`);
    for (const r of extra) {
        sql(`INSERT INTO staff_role (staff_id, role_id, community_id) SELECT ${s.id}, id, 1 FROM role WHERE code = ${q(r)}`);
    }
    return { staff: s, jar: await signIn('staff', s.login) };
}

// The version in the form posting to action on the page at path.
export async function versionOf(jar, path) {
    const page = await fetchPage(path, { jar });
    const m = /name="version" value="(\d+)"/.exec(page.body);
    assert.ok(m, `no version on ${path}`);
    return Number(m[1]);
}
