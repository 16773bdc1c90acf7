// tests/http/qr.test.mjs: the QR codes scan. The built wuye-qr draws each text as a PBM
// image and zbarimg (zbar-tools), a decoder written by others, must read back exactly
// the text: ASCII and Chinese UTF-8 from 1 byte to the 213 of version 10, at every
// version boundary of level M, and the survey links the printed slips carry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { env } from './lib.mjs';

const program = path.join(env.WUYE_STATE, 'build', 'cgi-bin', 'jobs', 'wuye-qr');
const work = mkdtempSync(path.join(tmpdir(), 'wuye-qr-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Level M byte capacities of versions 1-10.
const capacity = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

function qr(args) {
    assert.ok(existsSync(program), `the built program ${program}`);
    const r = spawnSync(program, args, { maxBuffer: 16 * 1024 * 1024 });
    assert.equal(r.error, undefined, `wuye-qr ran: ${r.error}`);
    return { status: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

let n = 0;
function scan(text) {
    const r = qr(['--pbm', '--', text]);
    assert.equal(r.status, 0, `wuye-qr drew ${JSON.stringify(text)}: ${r.err}`);
    const file = path.join(work, `code${n++}.pbm`);
    writeFileSync(file, r.out);
    const z = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
    assert.equal(z.error, undefined, `zbarimg ran (apt-get install zbar-tools): ${z.error}`);
    assert.equal(z.status, 0, `zbarimg found a code in the image of ${JSON.stringify(text)}`);
    return { decoded: z.stdout.replace(/\n$/, ''), version: Number(/# wuye-qr version (\d+)/.exec(r.out)?.[1]) };
}

function ascii(len, seed) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.:/?=&';
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[(i * 7 + seed * 13 + ((i * i) % 11)) % alphabet.length];
    return s;
}

function surveyLink() {
    const mac = randomBytes(32).toString('base64url'); // 43 characters
    return `http://127.0.0.1:8080/form/survey?t=12.345.1790000000.${mac}`;
}

test('every version boundary of level M scans back to the text, at the version expected', () => {
    for (let v = 1; v <= 10; v++) {
        for (const len of v < 10 ? [capacity[v - 1], capacity[v - 1] + 1] : [capacity[v - 1]]) {
            const text = ascii(len, v);
            const { decoded, version } = scan(text);
            assert.equal(decoded, text, `${len} bytes`);
            assert.equal(version, len === capacity[v - 1] ? v : v + 1, `the version of ${len} bytes`);
        }
    }
});

test('short, Chinese, mixed and URL texts scan back exactly', () => {
    const texts = [
        'a',
        '7',
        'Hello, world',
        '0123456789',
        '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
        '物业',
        '满意度调查：请为本月保洁服务打分',
        '公告 Notice #7: 3号楼停水 09:00-12:00，请提前储水。',
        '电梯年检'.repeat(17) + '完毕', // 210 bytes of UTF-8
        surveyLink(),
        surveyLink(),
        surveyLink(),
        'https://wuye.example.cn/portal/notice?id=42&from=slip',
    ];
    for (const text of texts) assert.equal(scan(text).decoded, text);
    assert.ok(Buffer.byteLength(texts[8]) <= 213 && Buffer.byteLength(texts[8]) > 180);
});

test('a text longer than 213 bytes is refused, and the SVG form is one path with the quiet zone', () => {
    const long = qr(['--pbm', 'x'.repeat(214)]);
    assert.equal(long.status, 1);
    assert.match(long.err, /213/);
    assert.equal(long.out, '');

    const pbm = qr(['--pbm', '--scale=3', 'wuye']);
    assert.match(pbm.out, /^P1\n# wuye-qr version 1\n87 87\n/); // (21 + 8) * 3
    const svg = qr(['--svg', '--scale=5', '--label=扫码', 'wuye']).out;
    assert.match(svg, /^<svg [^>]*viewBox="0 0 29 29"[^>]*width="145" height="145"/);
    assert.match(svg, /shape-rendering="crispEdges"/);
    assert.match(svg, /role="img" aria-label="扫码"/);
    assert.equal(svg.match(/<path /g).length, 1);
    assert.doesNotMatch(svg, /style=/);

    const usage = qr(['--scale=0', 'x']);
    assert.equal(usage.status, 2);
});
