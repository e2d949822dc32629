// Browser tests of the click-to-load placeholders: real nginx with the
// module, a fake embed server on loopback that counts hits, headless
// Chromium through playwright-core.  Prints TAP (run by prove through
// placeholder.t).
//
// A blocked frame shows its placeholder in the frame's box; "Load once"
// loads that frame only, in the same box (no layout shift), records
// nothing and sets no cookie; "Always allow" records one decision, loads
// every frame of that service in place and survives a reload; without
// JavaScript the form comes back to the same page and anchor; on a
// 390x844 phone and at 200 % zoom the buttons are inside the viewport.
//
//   node tests/browser/placeholder.mjs [--screenshots]
// --screenshots (or CONSENT_SCREENSHOTS=1) copies the screenshots into
// docs/screenshots/.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
    diag, ok, is, freePort, sleep, waitUntil, repo, requireBrowser,
    startNginx, launchBrowser, writeFiles, writeNginxConf, runScenarios,
} from './lib.mjs';

const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';
const updateDocs = process.argv.includes('--screenshots')
                   || process.env.CONSENT_SCREENSHOTS === '1';

const chromium = await requireBrowser();


// ---- the fake embed server ----------------------------------------------

const hits = new Map();

const embeds = http.createServer((req, res) => {
    const p = req.url.split('?')[0];
    hits.set(p, (hits.get(p) || 0) + 1);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8',
                         'Cache-Control': 'no-store' });
    res.end(`<!DOCTYPE html><title>${p}</title>`
            + '<body style="margin:0;background:#222;color:#fff">'
            + `<p>Embedded ${p}</p></body>`);
});

function hitCount(p) {
    return hits.get(p) || 0;
}

function embedHits() {
    let n = 0;
    for (const [p, c] of hits) {
        if (p.startsWith('/embed/')) {
            n += c;
        }
    }
    return n;
}

// ---- nginx --------------------------------------------------------------

const sitePort = await freePort();
const embedPort = await freePort();
const T = `http://127.0.0.1:${embedPort}`;
const site = `http://127.0.0.1:${sitePort}`;
const dir = path.join(repo, 'build', 'tests', 'browser',
                      `placeholder-${process.pid}`);
const shotDir = path.join(repo, 'build', 'tests', 'browser', 'screenshots');
const auditLog = path.join(dir, 'logs', 'consent.log');

fs.rmSync(dir, { recursive: true, force: true });
for (const d of ['site', 'logs', 'tmp']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
}
fs.mkdirSync(shotDir, { recursive: true });

const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Embeds</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/site.css">
</head><body><h1>Our videos</h1>
<p>The first one shows how it is made.</p>
<iframe id="f1" src="${T}/embed/clip1" width="560" height="315" frameborder="0" title="Clip one"></iframe>
<p id="after">Text under the first video.</p>
<div class="spacer"></div>
<iframe id="f2" src="${T}/embed/clip2" width="480" height="270" frameborder="0" title="Clip two"></iframe>
<iframe id="f3" src="${T}/embed/tube1" width="560" height="315" frameborder="0" title="Tube"></iframe>
<iframe id="px" src="${T}/embed/tube-pixel" width="1" height="1" frameborder="0"></iframe>
<form id="site-form" action="/search"><p id="in-form"><iframe id="f4" src="${T}/embed/clip3" width="320" height="180" frameborder="0" title="Clip three"></iframe></p>
<input name="q" id="q"></form>
</body></html>
`;

const files = {
    'site/embeds.html': page,
    'site/site.css': 'body { margin: 8px; font: 16px/1.5 sans-serif; }\n'
                     + '.spacer { height: 1500px; }\n',
    'secret': 'browser-placeholder-secret-0123456789abcdef0123456789abcd\n',
    'policy.json': JSON.stringify({
        revision: 1,
        default_language: 'en',
        controller: { name: 'Example Videos' },
        categories: [
            { id: 'necessary', required: true, title: { en: 'Necessary' },
              description: { en: 'Keeps the site working.' } },
            { id: 'preferences', title: { en: 'Preferences' },
              description: { en: 'Embedded videos.' } },
            { id: 'marketing', title: { en: 'Marketing' },
              description: { en: 'Ads.' } },
        ],
        services: [
            { id: 'clips', name: 'Clips', category: 'preferences',
              provider: 'Clips Ltd', privacy_url: 'https://clips.example/privacy',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/embed/clip`] } },
            { id: 'tube', name: 'Tube', category: 'marketing',
              provider: 'Tube Inc',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/embed/tube`] } },
        ],
        texts: {
            en: { title: 'Cookies', body: 'We embed videos and show ads.',
                  accept_all: 'Accept all', reject_all: 'Reject all',
                  customize: 'Customize', save: 'Save choices',
                  policy_link: 'Privacy policy' },
        },
    }, null, 2),
};

writeFiles(dir, files);

writeNginxConf(dir, `

    consent_secret ${dir}/secret;
    consent_audit_log ${auditLog};

    server {
        listen 127.0.0.1:${sitePort};
        root ${dir}/site;
        consent on;
        consent_policy ${dir}/policy.json;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
    }
`);

await new Promise((resolve) => embeds.listen(embedPort, '127.0.0.1',
                                              resolve));

const nginx = await startNginx(nginxBin, dir, sitePort,
                                () => embeds.close());
const browser = await launchBrowser(chromium);

async function newPage(options = {}) {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce', ...options,
    });
    context.setDefaultTimeout(10000);
    const p = await context.newPage();
    p.on('pageerror', (e) => diag(`page error: ${e.message}`));
    return { context, page: p };
}

async function visit(p, url) {
    await p.goto(url, { waitUntil: 'load' });
    await sleep(300);
}

function records() {
    try {
        return fs.readFileSync(auditLog, 'utf8').split('\n').filter(Boolean)
            .map((l) => JSON.parse(l));
    } catch (e) {
        return [];
    }
}

async function consentCookies(context) {
    return (await context.cookies()).filter((c) => c.name === 'consent');
}

function box(r) {
    return r && { x: Math.round(r.x * 2) / 2, y: Math.round(r.y * 2) / 2,
                  width: Math.round(r.width * 2) / 2,
                  height: Math.round(r.height * 2) / 2 };
}

function sameBox(a, b) {
    return !!a && !!b && ['x', 'y', 'width', 'height']
        .every((k) => Math.abs(a[k] - b[k]) <= 0.5);
}

// The placeholder standing for the frame with that id.
function placeholderOf(p, id) {
    return p.locator(`.consent-embed:has(+ #${id})`);
}

// ---- scenarios ----------------------------------------------------------

// Nothing loads; each visible frame has its placeholder in its box.
async function blocked() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/embeds.html`);

    is(embedHits(), 0, 'blocked: no embed loads before a choice');
    is(await p.locator('.consent-embed').count(), 4,
       'blocked: four placeholders (none for the 1x1 frame)');
    ok(await p.evaluate(() => {
        const ph = document.querySelector('.consent-embed:has(+ #f4)');
        return ph.parentElement.id === 'in-form'
               && document.getElementById('q').form.id === 'site-form'
               && !!document.querySelector('#site-form > #in-form');
    }), 'blocked: a placeholder in a paragraph of the page\'s form leaves '
        + 'both as they were');
    ok(!(await p.isVisible('#f1')) && !(await p.isVisible('#f3')),
       'blocked: the inert frames are hidden behind their placeholders');

    const ph = placeholderOf(p, 'f1');
    const r = box(await ph.boundingBox());
    ok(r && r.width === 560 && r.height === 315,
       'blocked: the placeholder has the frame\'s box (560x315)', r);
    const r2 = box(await placeholderOf(p, 'f2').boundingBox());
    ok(r2 && r2.width === 480 && r2.height === 270,
       'blocked: the second frame\'s box (480x270)', r2);

    is(await p.getByRole('region', { name: 'Clips' }).count(), 3,
       'blocked: each placeholder is a region named after the service');
    ok(await ph.getByRole('button', { name: 'Load once' }).isVisible()
       && await ph.getByRole('button', { name: 'Always allow Clips' })
           .isVisible(),
       'blocked: Load once (with JavaScript) and Always allow are buttons');
    is(await ph.locator('a.consent-link').getAttribute('href'),
       'https://clips.example/privacy',
       'blocked: the link to the provider\'s privacy policy');
    is(await placeholderOf(p, 'f3').locator('a').count(), 0,
       'blocked: no privacy link where the policy has none');

    await context.close();
}

// Load once: that frame, in the same box, nothing recorded.
async function loadOnce() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/embeds.html`);
    const before = records().length;

    await p.evaluate(() => {
        window.__shift = 0;
        new PerformanceObserver((l) => {
            for (const e of l.getEntries()) {
                window.__shift += e.value;
            }
        }).observe({ type: 'layout-shift', buffered: false });
    });

    const ph = box(await placeholderOf(p, 'f1').boundingBox());
    const under = box(await p.locator('#after').boundingBox());

    await placeholderOf(p, 'f1').getByRole('button', { name: 'Load once' })
        .click();
    ok(await waitUntil(() => hitCount('/embed/clip1') === 1),
       'Load once: the frame loads');
    await sleep(300);

    const frame = box(await p.locator('#f1').boundingBox());
    ok(sameBox(ph, frame), 'Load once: the frame takes the placeholder\'s '
       + 'box exactly', { placeholder: ph, frame });
    ok(sameBox(under, box(await p.locator('#after').boundingBox())),
       'Load once: the text under it does not move');
    is(await p.evaluate(() => window.__shift), 0,
       'Load once: no layout shift reported (LayoutShift API)');

    is(hitCount('/embed/clip2') + hitCount('/embed/tube1')
       + hitCount('/embed/tube-pixel'), 0,
       'Load once: nothing else loads, not even the same service');
    is(await p.locator('.consent-embed').count(), 3,
       'Load once: the other placeholders stay');
    is((await consentCookies(context)).length, 0, 'Load once: no cookie');
    is(await p.evaluate(() => document.cookie), '',
       'Load once: nothing in document.cookie');
    is(records().length, before, 'Load once: no audit record');
    ok(await p.evaluate(() => document.activeElement.id === 'f1'),
       'Load once: focus moves to the frame');

    hits.clear();
    await visit(p, `${site}/embeds.html`);
    ok(hitCount('/embed/clip1') === 0
       && await placeholderOf(p, 'f1').isVisible(),
       'Load once: only once (blocked again on the next load)');

    await context.close();
}

// Always allow with JavaScript: one record, the service in place, reload.
async function alwaysAllow() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/embeds.html`);
    const before = records().length;

    await placeholderOf(p, 'f2')
        .getByRole('button', { name: 'Always allow Clips' }).click();
    ok(await waitUntil(() => hitCount('/embed/clip1') === 1
                             && hitCount('/embed/clip2') === 1
                             && hitCount('/embed/clip3') === 1),
       'Always allow: every frame of the service loads in place');
    is(p.url(), `${site}/embeds.html`, 'Always allow: no reload');
    is(hitCount('/embed/tube1'), 0, 'Always allow: the other service not');
    is(await p.locator('.consent-embed').count(), 1,
       'Always allow: only the other service\'s placeholder stays');

    const recs = records().slice(before);
    ok(recs.length === 1 && recs[0].source === 'placeholder'
       && JSON.stringify(recs[0]).includes('clips'),
       'Always allow: one decision recorded, from the placeholder', recs);
    is((await consentCookies(context)).length, 1, 'Always allow: the cookie');

    hits.clear();
    await visit(p, `${site}/embeds.html`);
    ok(hitCount('/embed/clip1') === 1 && hitCount('/embed/clip2') === 1
       && hitCount('/embed/clip3') === 1 && hitCount('/embed/tube1') === 0,
       'Always allow: after a reload the service loads, the other not');
    ok(await p.isVisible('#f1') && await p.isVisible('#f2')
       && await p.locator('.consent-embed').count() === 1,
       'Always allow: after a reload no placeholder for the service');
    is(records().length, before + 1, 'Always allow: still one record');

    await context.close();
}

// Without JavaScript: the form, the 303 back to the page and anchor.
async function withoutScript() {
    const { context, page: p } = await newPage({ javaScriptEnabled: false });
    hits.clear();
    await visit(p, `${site}/embeds.html`);
    const before = records().length;

    ok(!(await placeholderOf(p, 'f2').getByRole('button', { name: 'Load once' })
        .isVisible()),
       'no JavaScript: Load once is not offered');

    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        placeholderOf(p, 'f2')
            .getByRole('button', { name: 'Always allow Clips' }).click(),
    ]);
    await sleep(300);

    is(p.url(), `${site}/embeds.html#consent-embed-2`,
       'no JavaScript: back to the same page and the placeholder\'s anchor');
    ok(hitCount('/embed/clip2') === 1 && hitCount('/embed/clip1') === 1
       && hitCount('/embed/tube1') === 0,
       'no JavaScript: the service loads, the other not');
    const anchor = await p.locator('#consent-embed-2').count()
        ? await p.locator('#consent-embed-2').boundingBox() : null;
    ok(anchor && anchor.y > -1 && anchor.y < 800,
       'no JavaScript: the page is scrolled to the frame', anchor);
    is(records().length, before + 1, 'no JavaScript: one record');

    await context.close();
}

// The box and its buttons on a viewport.
async function fits(p) {
    return p.evaluate(() => {
        const ph = document.querySelector('.consent-embed');
        const rect = (el) => el.getBoundingClientRect().toJSON();
        return {
            vw: document.documentElement.clientWidth,
            vh: window.innerHeight,
            box: rect(ph),
            buttons: [...ph.querySelectorAll('button')]
                .filter((b) => b.getClientRects().length).map(rect),
        };
    });
}

function inside(r) {
    return r.box.right <= r.vw + 0.5 && r.box.left >= 0
           && r.buttons.length === 2
           && r.buttons.every((b) => b.left >= 0 && b.right <= r.vw + 0.5
                                     && b.top >= 0 && b.bottom <= r.vh);
}

// A phone and 200 % zoom: the placeholder fits, its buttons are inside
// the viewport; the screenshots.
async function phone() {
    const shots = [];
    const cases = [
        ['390x844', { viewport: { width: 390, height: 844 },
                      deviceScaleFactor: 2, isMobile: true, hasTouch: true },
         'placeholder-mobile.png'],
        ['200 % zoom of 1280x800', { viewport: { width: 640, height: 400 },
                                     deviceScaleFactor: 2 }, null],
    ];

    for (const [name, options, shot] of cases) {
        const { context, page: p } = await newPage(options);
        await visit(p, `${site}/embeds.html`);
        await p.evaluate(() => {
            document.getElementById('consent').hidden = true;
        });
        const r = await fits(p);
        ok(inside(r), `${name}: the placeholder is never wider than the `
           + 'screen, both buttons inside the viewport', r);
        if (shot) {
            await p.evaluate(() => {
                document.getElementById('consent').hidden = false;
            });
            ok(inside(await fits(p)), `${name}: with the banner shown too`);
            await p.screenshot({ path: path.join(shotDir, shot) });
            shots.push(shot);
        }
        await context.close();
    }

    const wide = await newPage({ viewport: { width: 900, height: 560 } });
    await visit(wide.page, `${site}/embeds.html`);
    await wide.page.evaluate(() => {
        document.getElementById('consent').hidden = true;
    });
    await wide.page.screenshot({ path: path.join(shotDir,
                                                 'placeholder-en.png') });
    shots.push('placeholder-en.png');
    await wide.context.close();

    ok(shots.every((f) => fs.statSync(path.join(shotDir, f)).size > 1000),
       `screenshots: ${shots.join(', ')} saved`);

    if (updateDocs) {
        const docs = path.join(repo, 'docs', 'screenshots');
        for (const f of shots) {
            fs.copyFileSync(path.join(shotDir, f), path.join(docs, f));
        }
        diag(`screenshots copied to ${path.relative(repo, docs)}`);
    }
}

const scenarios = [blocked, loadOnce, alwaysAllow, withoutScript, phone];

await runScenarios(scenarios, { browser, server: embeds, nginx, dir });
