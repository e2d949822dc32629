// Browser test of consent-audit's HTML report: a synthetic signed log
// (build/tests/audit-gen) with a key rotation, the report made with both
// keys, then opened in headless Chromium through playwright-core: no
// error, no request but the page itself, every chart drawn, the chain
// verified.  Prints TAP (run by prove through audit_report.t).
//
//   node tests/browser/audit_report.mjs [--screenshots]
//
// --screenshots (or CONSENT_SCREENSHOTS=1) also copies the screenshot into
// docs/screenshots/audit-report.png.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const build = process.env.BUILD || 'build';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const tool = path.join(repo, build, 'consent-audit');
const gen = path.join(repo, build, 'tests', 'audit-gen');
const updateDocs = process.argv.includes('--screenshots')
    || process.env.CONSENT_SCREENSHOTS === '1';

let tapN = 0;
let tapFailed = 0;

function ok(cond, name, detail) {
    tapN++;
    if (!cond) {
        tapFailed++;
    }
    console.log(`${cond ? '' : 'not '}ok ${tapN} - ${name}`);
    if (!cond && detail !== undefined) {
        for (const line of String(detail).split('\n')) {
            console.log(`# ${line}`);
        }
    }
    return !!cond;
}

function skipAll(reason) {
    console.log(`1..0 # SKIP ${reason}`);
    process.exit(0);
}

if (!fs.existsSync(chromiumPath)) {
    skipAll(`${chromiumPath} is not installed (apt-get install chromium)`);
}

for (const f of [tool, gen]) {
    if (!fs.existsSync(f)) {
        skipAll(`${path.relative(repo, f)} is not built (make all `
                + `${build}/tests/audit-gen)`);
    }
}

let chromium;

try {
    ({ chromium } = await import('playwright-core'));
} catch (e) {
    skipAll('playwright-core is not installed (npm ci in tests/browser)');
}

// ---- the log and the report ---------------------------------------------

const dir = path.join(repo, build, 'tests', 'browser', `audit-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });

const keys = ['old.key', 'new.key'].map((name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, crypto.randomBytes(48).toString('hex') + '\n');
    return file;
});

const log = path.join(dir, 'consent.log');
const logFd = fs.openSync(log, 'w');
execFileSync(gen, [
    '--policy', path.join(repo, 'ngx_consent_module', 'assets', 'policy.json'),
    '--key', keys[0], '--key', keys[1], '--records', '20000', '--days', '60',
    '--rotate-every', '12000', '--seed', '7',
    '--texts', `${log}.texts.jsonl`,
], { stdio: ['ignore', logFd, 'inherit'] });
fs.closeSync(logFd);

const html = path.join(dir, 'report.html');
const summary = execFileSync(tool, ['report', '--html', html,
                                    '--key', keys[0], '--key', keys[1], log])
    .toString();

ok(/^decisions    20000$/m.test(summary), 'text summary: every decision',
   summary);
ok(/^chain        consent-audit: OK: 20001 records/m.test(summary),
   'text summary: the chain verifies', summary);

// ---- the page -----------------------------------------------------------

const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu',
           '--disable-background-networking'],
});

try {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1100, height: 900 },
    });
    const page = await context.newPage();
    const errors = [];
    const requests = [];

    page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') {
            errors.push(m.text());
        }
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));

    const url = `file://${html}`;
    await page.goto(url, { waitUntil: 'load' });

    ok(errors.length === 0, 'no console error or page error',
       errors.join('\n'));
    ok(requests.length === 1 && requests[0] === url,
       'self-contained: the page requests nothing else', requests.join('\n'));

    ok((await page.textContent('#chain')).includes('Chain verified'),
       'the page says the chain verified');
    ok((await page.textContent('#chain')).includes('1 key rotation'),
       'the page shows the key rotation');

    const charts = {
        '#chart-days': 'rect',
        '#chart-optin': 'polyline',
        '#chart-shares': 'rect',
        '#chart-gpc': 'rect',
    };

    for (const [id, mark] of Object.entries(charts)) {
        const box = await page.locator(`${id} svg`).boundingBox();
        ok(box && box.width > 500 && box.height > 20,
           `${id}: the chart is visible`, JSON.stringify(box));
        const n = await page.locator(`${id} svg ${mark}`).count();
        ok(n > 0, `${id}: it draws its ${mark} elements (${n})`);
    }

    ok(await page.locator('#chart-days svg rect').count() >= 60,
       'decisions per day: a bar for each of the 60 days');
    ok(await page.locator('#chart-optin svg polyline').count() === 3,
       'opt-in rate: a line per optional category');

    const tables = await page.locator('h2').allTextContents();
    for (const t of ['By language', 'By region', 'By policy revision']) {
        ok(tables.includes(t), `table "${t}"`);
    }

    const shots = path.join(repo, build, 'tests', 'browser', 'screenshots');
    fs.mkdirSync(shots, { recursive: true });
    const shot = path.join(shots, 'audit-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    ok(fs.statSync(shot).size > 10000, 'screenshot taken');

    if (updateDocs) {
        fs.copyFileSync(shot, path.join(repo, 'docs', 'screenshots',
                                        'audit-report.png'));
        console.log('# screenshot copied to docs/screenshots/audit-report.png');
    }
} finally {
    await browser.close();
}

fs.rmSync(dir, { recursive: true, force: true });

console.log(`1..${tapN}`);
process.exit(tapFailed ? 1 : 0);
