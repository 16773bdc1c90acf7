// tests/http/lib.mjs: what the HTTP tests share. The stack under test is the one
// deploy/up started; its address and database come from the environment that deploy/test
// exports, or else from $WUYE_STATE/env (WUYE_STATE defaults to ./var of the repository).
//
// Two clients, both with a cookie jar and neither following redirects:
//   - fetchPage(): global fetch (redirect: 'manual'), for ordinary page views from
//     127.0.0.1;
//   - raw(): node:http with a chosen loopback source address (localAddress), for every
//     login POST and for requests fetch cannot make (PUT, bodies of a declared length,
//     odd headers). Failed logins count against the source address (5 per 15 minutes),
//     so each test makes its failures from an address of its own (uniqueAddress()).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

// --- seeded randomness ------------------------------------------------------------------

// A generator of numbers in [0, 1) from a seed (mulberry32), so that a test that does
// random things can be replayed with the seed it printed.
export function seededRandom(seed) {
    let a = seed;
    return () => {
        a |= 0;
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// --- environment ----------------------------------------------------------------------

function loadEnv() {
    const state = process.env.WUYE_STATE || path.join(repoRoot, 'var');
    const out = { WUYE_STATE: state };
    let file = {};
    try {
        for (const line of readFileSync(path.join(state, 'env'), 'utf8').split('\n')) {
            const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
            if (m) file[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
        }
    } catch {
        file = {};
    }
    for (const name of ['WUYE_URL', 'WUYE_PORT', 'WUYE_DB_SOCKET', 'WUYE_DB_NAME', 'WUYE_DB_USER',
        'WUYE_DB_PASSWORD', 'WUYE_SCREENSHOTS']) {
        out[name] = process.env[name] || file[name] || '';
    }
    if (!out.WUYE_URL && out.WUYE_PORT) out.WUYE_URL = `http://127.0.0.1:${out.WUYE_PORT}`;
    if (!out.WUYE_URL) {
        throw new Error(`no WUYE_URL in the environment nor in ${path.join(state, 'env')}: ` +
            'start a stack with deploy/up, or run the tests through deploy/test');
    }
    out.WUYE_URL = out.WUYE_URL.replace(/\/+$/, '');
    out.WUYE_SCREENSHOTS ||= path.join(state, 'screenshots');
    return out;
}

export const env = loadEnv();
export const BASE = env.WUYE_URL;
const baseUrl = new URL(BASE);

// --- demo data (CONTRACT.md) ----------------------------------------------------------

export const PASSWORD = 'wuye-demo-1';
export const RESIDENT = '13800000001'; // 张伟, owner of 1-1-101; never logged out by the HTTP tests
export const RESIDENT2 = '13800000002'; // 李娜, owner of 1-1-102; the logout tests use her
export const STAFF = 'frontdesk'; // 王芳; never logged out by the HTTP tests

// --- addresses ------------------------------------------------------------------------

// Every file gets its own second octet (from its name); the rest is random and never
// repeats within a process, so runs and files do not share throttling counters.
const usedAddresses = new Set();
export function uniqueAddress(tag = process.argv[1] || 'x') {
    const octet2 = 1 + (createHash('sha256').update(path.basename(tag)).digest()[0] % 254);
    for (;;) {
        const a = `127.${octet2}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
        if (!usedAddresses.has(a)) {
            usedAddresses.add(a);
            return a;
        }
    }
}

export function uniqueSuffix() {
    return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

// --- cookies --------------------------------------------------------------------------

// One Set-Cookie line as {name, value, attrs (lower-case names), raw}.
export function parseSetCookie(line) {
    const [pair, ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    const attrs = {};
    for (const part of rest) {
        const p = part.trim();
        if (!p) continue;
        const i = p.indexOf('=');
        if (i < 0) attrs[p.toLowerCase()] = true;
        else attrs[p.slice(0, i).trim().toLowerCase()] = p.slice(i + 1).trim();
    }
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs, raw: line };
}

export class CookieJar {
    constructor() {
        this.cookies = new Map(); // "name path" -> {name, value, path}
    }

    // Takes the Set-Cookie lines of a response to requestPath.
    store(setCookies, requestPath = '/') {
        for (const line of setCookies) {
            const c = parseSetCookie(line);
            const p = typeof c.attrs.path === 'string' ? c.attrs.path : defaultPath(requestPath);
            const key = `${c.name} ${p}`;
            const gone = c.attrs['max-age'] !== undefined && Number(c.attrs['max-age']) <= 0;
            if (gone || (c.value === '' && c.attrs['max-age'] !== undefined)) this.cookies.delete(key);
            else this.cookies.set(key, { name: c.name, value: c.value, path: p });
        }
    }

    set(name, value, cookiePath = '/') {
        this.cookies.set(`${name} ${cookiePath}`, { name, value, path: cookiePath });
    }

    get(name) {
        for (const c of this.cookies.values()) if (c.name === name) return c.value;
        return undefined;
    }

    delete(name) {
        for (const [k, c] of this.cookies) if (c.name === name) this.cookies.delete(k);
    }

    // The Cookie header for a request to requestPath, or '' when none applies.
    header(requestPath) {
        const p = requestPath.split('?')[0];
        return [...this.cookies.values()]
            .filter((c) => p === c.path || p.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
            .sort((a, b) => b.path.length - a.path.length)
            .map((c) => `${c.name}=${c.value}`)
            .join('; ');
    }
}

function defaultPath(requestPath) {
    const p = requestPath.split('?')[0];
    const i = p.lastIndexOf('/');
    return i <= 0 ? '/' : p.slice(0, i);
}

// --- responses ------------------------------------------------------------------------

// Both clients answer {status, headers (lower-case name -> string), setCookies (array of
// lines), body (string), buffer (Buffer), location}.
function answer(status, headerPairs, setCookies, buffer) {
    const headers = {};
    for (const [k, v] of headerPairs) {
        const n = k.toLowerCase();
        if (n === 'set-cookie') continue;
        headers[n] = headers[n] === undefined ? String(v) : `${headers[n]}, ${v}`;
    }
    return {
        status,
        headers,
        setCookies,
        buffer,
        body: buffer.toString('utf8'),
        location: headers.location,
        cookie(name) {
            const line = setCookies.find((l) => parseSetCookie(l).name === name);
            return line ? parseSetCookie(line) : undefined;
        },
    };
}

// --- fetch client ---------------------------------------------------------------------

// A page view through fetch from 127.0.0.1. opts: method, headers, body (string, Buffer or
// URLSearchParams), form (object or URLSearchParams: an urlencoded body), jar.
export async function fetchPage(pathOrUrl, opts = {}) {
    const url = new URL(pathOrUrl, BASE);
    const headers = { ...(opts.headers || {}) };
    const cookie = opts.jar ? opts.jar.header(url.pathname) : '';
    if (cookie && !Object.keys(headers).some((h) => h.toLowerCase() === 'cookie')) headers.Cookie = cookie;
    let body = opts.body;
    if (opts.form) {
        body = new URLSearchParams(opts.form).toString();
        headers['Content-Type'] ||= 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, {
        method: opts.method || (body !== undefined ? 'POST' : 'GET'),
        headers,
        body,
        redirect: 'manual',
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    const setCookies = res.headers.getSetCookie();
    if (opts.jar) opts.jar.store(setCookies, url.pathname);
    return answer(res.status, [...res.headers.entries()], setCookies, buffer);
}

// --- node:http client with a source address -------------------------------------------

// opts: method, path, headers, body (string or Buffer), form (urlencoded body), jar,
// address (source address, default 127.0.0.1), contentLength (declared length when it
// differs from the body sent: the request is then not finished, and the answer is
// whatever the server says before it has the whole body), timeout (ms).
export function raw(opts) {
    const url = new URL(opts.path || '/', BASE);
    const headers = { Host: url.host, ...(opts.headers || {}) };
    const has = (name) => Object.keys(headers).some((h) => h.toLowerCase() === name);
    let body = opts.body;
    if (opts.form) {
        body = new URLSearchParams(opts.form).toString();
        if (!has('content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (typeof body === 'string') body = Buffer.from(body, 'utf8');
    if (opts.jar && !has('cookie')) {
        const cookie = opts.jar.header(url.pathname);
        if (cookie) headers.Cookie = cookie;
    }
    const declared = opts.contentLength ?? (body ? body.length : undefined);
    if (declared !== undefined && !has('content-length')) headers['Content-Length'] = String(declared);
    const method = opts.method || (body ? 'POST' : 'GET');
    return new Promise((resolve, reject) => {
        let settled = false;
        const done = (fn, v) => {
            if (!settled) {
                settled = true;
                fn(v);
            }
        };
        const req = http.request({
            host: url.hostname,
            port: url.port || 80,
            path: url.pathname + url.search,
            method,
            headers,
            localAddress: opts.address || '127.0.0.1',
            agent: false,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', (e) => done(reject, e));
            res.on('end', () => {
                const setCookies = [].concat(res.headers['set-cookie'] || []);
                if (opts.jar) opts.jar.store(setCookies, url.pathname);
                const pairs = [];
                for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
                done(resolve, answer(res.statusCode, pairs, setCookies, Buffer.concat(chunks)));
                req.destroy();
            });
        });
        req.setTimeout(opts.timeout || 30000, () => {
            req.destroy(new Error(`${method} ${url.pathname}: no answer within ${opts.timeout || 30000} ms`));
        });
        // A server that answers early (413) may close while the body is still going out.
        req.on('error', (e) => done(reject, e));
        if (body && body.length) req.write(body);
        if (declared === undefined || !body || declared === body.length) req.end();
    });
}

// --- HTML -----------------------------------------------------------------------------

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };
export function unescapeHtml(s) {
    return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, e) => entities[e]);
}

// The text of the page without tags (for "the page says ..." checks).
export function textOf(html) {
    return unescapeHtml(html.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' '))
        .replace(/\s+/g, ' ');
}

// The opening tag of each <form> with its inner HTML.
export function forms(html) {
    const out = [];
    const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
    for (let m; (m = re.exec(html));) out.push({ attrs: m[1], inner: m[2] });
    return out;
}

export function attr(tagAttrs, name) {
    const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tagAttrs);
    return m ? unescapeHtml(m[1]) : undefined;
}

// The value of an <input name="NAME"> inside html (first match), or undefined.
export function inputValue(html, name) {
    const re = /<input\b([^>]*)>/gi;
    for (let m; (m = re.exec(html));) if (attr(m[1], 'name') === name) return attr(m[1], 'value');
    return undefined;
}

// The csrf token of the form whose action is `action` (any form when omitted).
export function csrfFrom(html, action) {
    for (const f of forms(html)) {
        if (action && attr(f.attrs, 'action') !== action) continue;
        const v = inputValue(f.inner, 'csrf');
        if (v) return v;
    }
    throw new Error(`no csrf token${action ? ` in a form posting to ${action}` : ''} in:\n${html.slice(0, 2000)}`);
}

// The field errors of a page: {fieldName: message}.
export function fieldErrors(html) {
    const out = {};
    const re = /<([a-z]+)\b([^>]*\bclass="[^"]*\bfield-error\b[^"]*"[^>]*)>([\s\S]*?)<\/\1>/gi;
    for (let m; (m = re.exec(html));) out[attr(m[2], 'data-field')] = textOf(m[3]).trim();
    return out;
}

// --- the database ---------------------------------------------------------------------

// Runs SQL with the mariadb client; answers the rows as arrays of strings (NULL -> null).
export function sql(query) {
    const out = execFileSync('mariadb', ['--no-defaults', '-S', env.WUYE_DB_SOCKET, '-u', env.WUYE_DB_USER,
        `-p${env.WUYE_DB_PASSWORD}`, env.WUYE_DB_NAME, '-N', '-B', '-e', query], { encoding: 'utf8' });
    return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map((c) => (c === 'NULL' ? null : c)));
}

// One value (first column of the first row).
export function sqlValue(query) {
    const rows = sql(query);
    return rows.length ? rows[0][0] : null;
}

// A string as an SQL literal (the tests only quote values they made themselves).
export function q(s) {
    return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// What a request from `address` left behind: rows in login_attempt and audit_log.
export function rowsFrom(address) {
    return {
        attempts: Number(sqlValue(`SELECT COUNT(*) FROM login_attempt WHERE address = ${q(address)}`)),
        audits: Number(sqlValue(`SELECT COUNT(*) FROM audit_log WHERE address = ${q(address)}`)),
    };
}

// --- logging in -----------------------------------------------------------------------

export function area(kind) {
    if (kind !== 'resident' && kind !== 'staff') throw new Error(`kind is resident or staff, not ${kind}`);
    return kind === 'resident' ? 'portal' : 'office';
}

export function cookieName(kind) {
    return kind === 'resident' ? 'wuye_r' : 'wuye_s';
}

// Opens the login form of the area from `address` with `jar`: {jar, csrf, page}.
export async function openLoginForm(kind, { address = uniqueAddress(), jar = new CookieJar() } = {}) {
    const page = await raw({ path: `/${area(kind)}/login`, jar, address });
    if (page.status !== 200) throw new Error(`GET /${area(kind)}/login answered ${page.status}`);
    return { jar, csrf: csrfFrom(page.body, `/${area(kind)}/login`), page, address };
}

// Logs in through the form, as a browser would (GET the form, POST it), from `address`.
// Answers {res (the POST's answer), jar, address, ok (303 with a session cookie)}.
export async function login(kind, user, pass, { address = uniqueAddress(), jar = new CookieJar(), headers } = {}) {
    const form = await openLoginForm(kind, { address, jar });
    const res = await raw({
        path: `/${area(kind)}/login`, jar, address, headers,
        form: { csrf: form.csrf, login: user, password: pass },
    });
    const ok = res.status === 303 && !!jar.get(cookieName(kind));
    return { res, jar, address, ok, csrf: form.csrf };
}

// login() that must succeed; answers the jar.
export async function signIn(kind, user, pass = PASSWORD, opts = {}) {
    const r = await login(kind, user, pass, opts);
    if (!r.ok) {
        throw new Error(`login of ${kind} ${user} failed: ${r.res.status} ${r.res.location || ''}\n` +
            r.res.body.slice(0, 1500));
    }
    return r.jar;
}

// Id of a demo account or staff member, for database checks.
export function accountId(login) {
    return Number(sqlValue(`SELECT id FROM account WHERE login_phone = ${q(login)} OR login_email = ${q(login)}`));
}
export function staffId(login) {
    return Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`));
}

// The page's error section: data-status of <section ... data-status="N">, or undefined.
export function errorStatus(html) {
    const m = /<[a-z]+\b[^>]*\bdata-status="(\d{3})"/i.exec(html);
    return m ? Number(m[1]) : undefined;
}

// --- accounts of a test's own ------------------------------------------------------------

// A resident account (login: a unique e-mail) or a staff member (login: a unique name, role
// 客服前台) with the demo password, for tests that would otherwise lock or log out a demo
// login. Answers {login, id, drop()}; drop() deletes the account (its login attempts and
// audit rows stay: the audit log is never changed).
export function makeResident(tag = 'test') {
    const suffix = uniqueSuffix();
    const login = `${tag}-${suffix}@example.test`;
    sql(`INSERT INTO person (community_id, name) VALUES (1, ${q(`测试${suffix}`)});
         INSERT INTO account (community_id, person_id, login_email, password_hash)
           SELECT 1, LAST_INSERT_ID(), ${q(login)}, password_hash FROM account WHERE login_phone = ${q(RESIDENT2)};`);
    const id = Number(sqlValue(`SELECT id FROM account WHERE login_email = ${q(login)}`));
    const personId = Number(sqlValue(`SELECT person_id FROM account WHERE id = ${id}`));
    return {
        login,
        id,
        drop: () => sql(`DELETE FROM account WHERE id = ${id}; DELETE FROM person WHERE id = ${personId};`),
    };
}

export function makeStaff(tag = 'test') {
    const login = `${tag}-${uniqueSuffix()}`.slice(0, 40);
    sql(`INSERT INTO staff (login, name, community_id, department_id, password_hash)
           SELECT ${q(login)}, ${q(`测试${login.slice(-6)}`)}, community_id, department_id, password_hash
           FROM staff WHERE login = ${q(STAFF)};
         INSERT INTO staff_role (staff_id, role_id, community_id)
           SELECT LAST_INSERT_ID(), r.id, 1 FROM role r WHERE r.code = 'frontdesk';`);
    const id = Number(sqlValue(`SELECT id FROM staff WHERE login = ${q(login)}`));
    return {
        login,
        id,
        drop: () => sql(`DELETE FROM staff_role WHERE staff_id = ${id}; DELETE FROM staff WHERE id = ${id};`),
    };
}

const build = path.join(env.WUYE_STATE, 'build', 'cgi-bin');

// runCgi runs a built page program once as plain CGI (vars: its CGI variables; WUYE_CONFIG
// may be overridden) and splits what it printed into the status line, headers and body.
export function runCgi(program, vars, input = '') {
    const file = path.join(build, program);
    assert.ok(existsSync(file), `the built program ${file}`);
    const r = spawnSync(file, [], {
        env: {
            PATH: process.env.PATH,
            WUYE_CONFIG: path.join(env.WUYE_STATE, 'wuye.conf'),
            QUERY_STRING: '',
            REMOTE_ADDR: '127.0.0.1',
            HTTP_HOST: 'x',
            ...vars,
        },
        input,
        timeout: 20000,
        maxBuffer: 4 * 1024 * 1024,
    });
    assert.equal(r.error, undefined, `${program} ran: ${r.error}`);
    assert.equal(r.signal, null, `${program} was not killed (${r.signal}): it must end after one CGI request`);
    const out = r.stdout.toString('utf8');
    const split = out.search(/\r?\n\r?\n/);
    assert.ok(split > 0, `a header block and a body:\n${out.slice(0, 500)}\nstderr: ${r.stderr}`);
    const head = out.slice(0, split);
    const body = out.slice(split).replace(/^\r?\n\r?\n/, '');
    const headers = {};
    for (const line of head.split(/\r?\n/)) {
        const i = line.indexOf(':');
        const name = line.slice(0, i).trim().toLowerCase();
        headers[name] = headers[name] ? `${headers[name]}\n${line.slice(i + 1).trim()}` : line.slice(i + 1).trim();
    }
    return { status: r.status, head, headers, body, stderr: r.stderr.toString('utf8') };
}

// --- tickets of a test's own, with given times ----------------------------------------------

// A local time of the demo community ("2031-03-01 00:00" or with seconds; Asia/Shanghai,
// UTC+8 all year) as the UTC DATETIME text the database stores.
export function shanghaiToUtc(local) {
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?$/.exec(local);
    if (!m) throw new Error(`not a local time: ${local}`);
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)) - 8 * 3600 * 1000;
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const kindPrefix = { repair: 'BX', complaint: 'TS', suggestion: 'JY', inquiry: 'ZX', praise: 'BY' };

// Inserts tickets of community 1 straight into the database (channel phone, registered by
// frontdesk), for tests that need tickets at given times, e.g. in a month far from now.
// Each spec: kind, category (code) or categoryId, unit (code) or place, created, status,
// severity, and optionally respondDue, responded, onsiteDue, onsiteAt, resolveDue,
// completed, callback (0/1), rating, charge (fen); times are local (shanghaiToUtc).
// next_due stays NULL. Answers {ids, codes} in the order of specs and drop(), which deletes
// the tickets with their events and outbox rows (what the SLA sweep may have added).
export function insertTickets(specs, tag = 'test') {
    const run = randomBytes(3).toString('hex').slice(0, 5);
    const time = (t) => (t ? q(shanghaiToUtc(t)) : 'NULL');
    const codes = specs.map((s, i) =>
        `${kindPrefix[s.kind]}${s.created.slice(0, 10).replace(/-/g, '')}-9${run}${String(i).padStart(2, '0')}`);
    const values = specs.map((s, i) => {
        const category = s.categoryId ? Number(s.categoryId)
            : `(SELECT id FROM ticket_category WHERE community_id = 1 AND kind = ${q(s.kind)} AND code = ${q(s.category)})`;
        const unit = s.unit ? `(SELECT id FROM unit WHERE community_id = 1 AND code = ${q(s.unit)})` : 'NULL';
        return `(1, ${q(codes[i])}, ${q(s.kind)}, ${category}, ${q(s.unit ? 'home' : 'common')}, ${unit},
            ${q(s.place || '')}, ${q(`${tag} 自动测试`)}, 'phone', ${q(s.severity || 'normal')}, 'staff', @by,
            ${q(s.status)}, ${time(s.created)}, ${time(s.completed || s.created)}, ${time(s.respondDue)},
            ${time(s.onsiteDue)}, ${time(s.resolveDue)}, ${time(s.responded)}, ${time(s.onsiteAt)},
            ${time(s.completed)}, ${s.status === 'closed' ? time(s.completed) : 'NULL'}, ${Number(s.charge || 0)},
            ${s.callback ? 1 : 0}, ${s.rating ? Number(s.rating) : 'NULL'})`;
    });
    sql(`SET @by = (SELECT id FROM staff WHERE login = ${q(STAFF)});
         INSERT INTO ticket (community_id, code, kind, category_id, location, unit_id, place, description, channel,
           severity, created_by_kind, created_by_id, status, created_at, updated_at, respond_due, onsite_due,
           resolve_due, responded_at, onsite_at, completed_at, closed_at, charge_fen, callback_done, rating)
         VALUES ${values.join(',\n')};`);
    const byCode = new Map(sql(`SELECT code, id FROM ticket WHERE community_id = 1 AND code IN (${codes.map(q).join(', ')})`)
        .map(([code, id]) => [code, Number(id)]));
    const ids = codes.map((c) => byCode.get(c));
    // The search's grams, as ticket_create records them (schema/0014_ticket_gram.sql).
    sql(`INSERT IGNORE INTO ticket_gram (community_id, gram, ticket_id)
         SELECT STRAIGHT_JOIN t.community_id, SUBSTRING(LOWER(t.description), s.seq, 2), t.id
         FROM ticket t JOIN seq_1_to_1999 s ON s.seq < CHAR_LENGTH(t.description) WHERE t.id IN (${ids.join(', ')})`);
    return {
        ids,
        codes,
        drop: () => {
            const list = ids.join(', ');
            sql(`DELETE FROM outbox WHERE ticket_id IN (${list}); DELETE FROM ticket_event WHERE ticket_id IN (${list});
                 DELETE FROM ticket_gram WHERE community_id = 1 AND ticket_id IN (${list});
                 DELETE FROM ticket WHERE id IN (${list});`);
        },
    };
}

// --- a household of a test's own -------------------------------------------------------------

// Two new units in building 3 (unique codes), an owner account living in both (current unit:
// the first), a family member with an account of their own and a child without one, both in
// the first unit. For tests that change contacts, passwords or the current unit without
// touching the demo households. Answers {owner, family (each {login, id, personId}),
// childPersonId, units: [{id, code}, {id, code}], drop()}.
export function makeHousehold(tag = 'test') {
    const suffix = uniqueSuffix();
    const room = randomBytes(3).toString('hex').toUpperCase();
    const codes = [`3-T1-${room}`, `3-T2-${room}`];
    const hash = `(SELECT password_hash FROM account WHERE login_phone = ${q(RESIDENT2)})`;
    const person = (name) => `INSERT INTO person (community_id, name, phone) VALUES (1, ${q(name)}, '');`;
    const logins = { owner: `${tag}-owner-${suffix}@example.test`, family: `${tag}-family-${suffix}@example.test` };
    sql(`SET @b = (SELECT id FROM building WHERE community_id = 1 AND code = '3');
         INSERT INTO unit (community_id, building_id, code, floor, area_m2, state) VALUES
           (1, @b, ${q(codes[0])}, 9, 88.00, 'occupied'), (1, @b, ${q(codes[1])}, 9, 66.00, 'occupied');
         SET @u1 = (SELECT id FROM unit WHERE community_id = 1 AND code = ${q(codes[0])});
         SET @u2 = (SELECT id FROM unit WHERE community_id = 1 AND code = ${q(codes[1])});
         ${person(`业主${suffix.slice(-6)}`)} SET @p1 = LAST_INSERT_ID();
         ${person(`家属${suffix.slice(-6)}`)} SET @p2 = LAST_INSERT_ID();
         ${person(`孩子${suffix.slice(-6)}`)} SET @p3 = LAST_INSERT_ID();
         INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) VALUES
           (1, @u1, @p1, 'owner', '2024-01-01'), (1, @u2, @p1, 'owner', '2024-01-01'),
           (1, @u1, @p2, 'family', '2024-01-01'), (1, @u1, @p3, 'family', '2024-01-01');
         INSERT INTO account (community_id, person_id, login_email, password_hash, current_unit_id)
           SELECT 1, @p1, ${q(logins.owner)}, ${hash}, @u1;
         INSERT INTO account (community_id, person_id, login_email, password_hash, current_unit_id)
           SELECT 1, @p2, ${q(logins.family)}, ${hash}, @u1;`);
    const who = (login) => {
        const [id, personId] = sql(`SELECT id, person_id FROM account WHERE login_email = ${q(login)}`)[0].map(Number);
        return { login, id, personId };
    };
    const owner = who(logins.owner);
    const family = who(logins.family);
    const units = sql(`SELECT id, code FROM unit WHERE community_id = 1 AND code IN (${codes.map(q).join(', ')}) ORDER BY code`)
        .map(([id, code]) => ({ id: Number(id), code }));
    const childPersonId = Number(sqlValue(`SELECT person_id FROM occupancy WHERE unit_id = ${units[0].id}
        AND person_id NOT IN (${owner.personId}, ${family.personId})`));
    const people = [owner.personId, family.personId, childPersonId].join(', ');
    const unitIds = units.map((u) => u.id).join(', ');
    return {
        owner,
        family,
        childPersonId,
        units,
        drop: () => sql(`DELETE FROM account WHERE id IN (${owner.id}, ${family.id});
            DELETE FROM occupancy WHERE person_id IN (${people});
            DELETE FROM person WHERE id IN (${people});
            DELETE FROM unit WHERE id IN (${unitIds});`),
    };
}
