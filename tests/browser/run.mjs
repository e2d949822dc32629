// Browser tests of the consent UI: real nginx with the module, a fake
// tracker server that counts hits, headless Chromium through
// playwright-core.  Prints TAP (run by prove through browser.t).
//
//   node tests/browser/run.mjs [--screenshots]
//
// CONSENT_MODULE overrides build/ngx_http_consent_module.so; NGINX_BIN
// overrides /usr/sbin/nginx; --screenshots (or CONSENT_SCREENSHOTS=1) also
// copies the screenshots into docs/screenshots/.

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

// ---- TAP ----------------------------------------------------------------


// ---- environment --------------------------------------------------------

const chromium = await requireBrowser();


// ---- the fake tracker: counts every hit per path ------------------------

const hits = new Map();

const trackerBodies = {
    '/gtag/js': ['text/javascript',
        'window.__gtag = (window.__gtag || 0) + 1;'
        + 'window.__dataLayerAtGtag = JSON.stringify(window.dataLayer);'],
    '/analytics/a.js': ['text/javascript',
        'window.__analytics = (window.__analytics || 0) + 1;'],
    '/ads/pixel.js': ['text/javascript',
        'window.__ads = (window.__ads || 0) + 1;'],
    '/ads/pixel.gif': ['image/gif', Buffer.from(
        'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
        'base64')],
    '/analytics/svg.js': ['text/javascript',
        'window.__svg = (window.__svg || 0) + 1;'],
    '/analytics/klaro.js': ['text/javascript',
        'window.__klaro = (window.__klaro || 0) + 1;'],
    '/video/embed': ['text/html',
        '<!DOCTYPE html><title>video</title><p>embedded video</p>'],
};

const tracker = http.createServer((req, res) => {
    const p = req.url.split('?')[0];
    const body = trackerBodies[p];

    hits.set(p, (hits.get(p) || 0) + 1);
    res.writeHead(body ? 200 : 404, {
        'Content-Type': body ? body[0] : 'text/plain',
        'Cache-Control': 'no-store',
    });
    res.end(body ? body[1] : 'not found');
});

function hitCount(prefix) {
    let n = 0;
    for (const [p, c] of hits) {
        if (p.startsWith(prefix)) {
            n += c;
        }
    }
    return n;
}

function trackerSummary() {
    return JSON.stringify(Object.fromEntries(hits));
}

// ---- nginx with the module ----------------------------------------------

const sitePort = await freePort();
const demoPort = await freePort();
const trackerPort = await freePort();
const T = `http://127.0.0.1:${trackerPort}`;
const site = `http://127.0.0.1:${sitePort}`;
const demo = `http://127.0.0.1:${demoPort}`;
const dir = path.join(repo, 'build', 'tests', 'browser', `run-${process.pid}`);
const shotDir = path.join(repo, 'build', 'tests', 'browser', 'screenshots');

fs.rmSync(dir, { recursive: true, force: true });
for (const d of ['site', 'demo', 'logs', 'tmp']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
}
fs.mkdirSync(shotDir, { recursive: true });

const trackersHead = `
<script async src="${T}/gtag/js?id=G-TEST"></script>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-TEST');</script>
<script src="${T}/analytics/a.js"></script>
<script src="${T}/ads/pixel.js"></script>`;

const trackersBody = `
<img src="${T}/ads/pixel.gif" alt="" width="1" height="1">
<iframe src="${T}/video/embed" title="Video" width="320" height="90"></iframe>`;

function page(title, head, body) {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}
</head><body><h1 id="top">${title}</h1>
<p>Products, prices and a newsletter form would be here.</p>${body}
<p><a href="/next.html">Next page</a></p>
</body></html>
`;
}

// Loaders beyond script/img/iframe, Klaro-style markup, and markup an
// attacker injected (in the HTML and at run time).
const loadersHead = `
<style>@import url("${T}/ads/style.css");</style>
<script type="text/plain" data-type="text/javascript" data-name="Fake Analytics"
 data-src="${T}/analytics/klaro.js"></script>
<script>document.addEventListener('DOMContentLoaded', function () {
  document.body.insertAdjacentHTML('beforeend', '<img id="evil2" '
    + 'data-category="marketing" data-consent="00000000000000000000000000000000" '
    + 'data-src="${T}/injected/runtime.gif" alt="">');
});</script>`;

const loadersBody = `
<svg width="20" height="20"><script href="${T}/analytics/svg.js"></script>
<image href="${T}/ads/svg.gif" width="1" height="1"/></svg>
<div id="bg" style="background:url(${T}/ads/bg.gif)">styled</div>
<iframe id="klaro-frame" data-name="fake-ads" data-src="${T}/video/embed?k"
 title="Klaro video"></iframe>
<img id="evil1" data-category="analytics" data-src="javascript:window.top.__pwned=1" alt="">
<iframe id="evil3" data-category="marketing" data-src="javascript:window.top.__pwned=2"
 title="evil"></iframe>
<script id="evil4" type="text/plain" data-category="analytics"
 data-src="data:text/javascript,window.__pwned=4"></script>`;

// Blocked elements that carry attributes of the names the module writes:
// a lazy image's own data-src, a player's own data-type, a category of
// the site's own (not the policy's).
const ownBody = `
<img id="own-img" src="${T}/ads/pixel.gif?own" data-src="/real.jpg"
 class="lazy" alt="">
<script id="own-script" type="text/javascript" data-type="s2nScript"
 src="${T}/ads/pixel.js?own"></script>
<img id="own-part" src="/first.png" srcset="${T}/ads/pixel.gif?part 2x"
 data-src="/lazy.png" alt="">
<iframe id="own-frame" src="${T}/video/embed?own" data-src="/own.html"
 data-category="photos" title="own"></iframe>`;

const files = {
    'site/own.html': page('Own attributes', '', ownBody),
    'site/index.html': page('Test shop', trackersHead, trackersBody),
    'site/loaders.html': page('Loaders', loadersHead, loadersBody),
    'site/next.html': page('Next page', trackersHead, trackersBody),
    'site/csp.html': page('Strict CSP',
        `<script src="${T}/analytics/a.js"></script>`,
        `<img src="${T}/ads/pixel.gif" alt="" width="1" height="1">`),
    'demo/index.html': `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Alpine Coffee Roasters</title>
<style>
body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222;
       background: #faf7f2; }
header { padding: 1.5rem 2rem; background: #3b2a1a; color: #fff; }
header h1 { margin: 0; font-size: 1.6rem; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
@media (prefers-color-scheme: dark) {
  body { background: #1b1712; color: #eee; }
  header { background: #0f0b07; }
}
</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO"></script>
</head><body>
<header><h1>Alpine Coffee Roasters</h1></header>
<main><h2>Single origin, roasted this week</h2>
<p>Our beans come from small farms in Ethiopia, Colombia and Guatemala and
are roasted in small batches every Tuesday. Order before noon and your coffee
ships the same day.</p>
<p>Every bag carries its roast date, the farm and the altitude it grew at.
Brewing guides for filter, espresso and French press are on every product
page.</p></main>
</body></html>
`,
    'demo/wide.html': `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A page wider than the screen</title></head><body>
<h1>Wide</h1><div style="width: 2000px; height: 40px; background: #ccc">
a table or an image that overflows</div>
<p>${'Some text of the page. '.repeat(80)}</p>
</body></html>
`,
    'secret': 'browser-test-secret-0123456789abcdef0123456789abcdef\n',
    'policy.json': JSON.stringify({
        revision: 1,
        default_language: 'en',
        controller: { name: 'Test Shop GmbH', email: 'privacy@shop.test',
                      address: 'Teststrasse 1, 10115 Berlin' },
        categories: [
            { id: 'necessary', required: true,
              title: { en: 'Necessary', de: 'Notwendig' },
              description: { en: 'Keeps the site working.',
                             de: 'H\u00e4lt die Website am Laufen.' } },
            { id: 'analytics',
              title: { en: 'Analytics', de: 'Statistik' },
              description: { en: 'Counts visits.',
                             de: 'Z\u00e4hlt Besuche.' } },
            { id: 'marketing', gpc: true,
              title: { en: 'Marketing', de: 'Marketing' },
              description: { en: 'Ads and embedded videos.',
                             de: 'Werbung und eingebettete Videos.' } },
        ],
        services: [
            { id: 'fake-analytics', name: 'Fake Analytics',
              category: 'analytics', provider: 'Tracker Ltd',
              privacy_url: 'https://tracker.example/privacy',
              match: {
                  src: [`^http://127\\.0\\.0\\.1:${trackerPort}/`
                        + '(gtag|analytics)/'],
                  inline: ["gtag\\('config'"] },
              cookies: [{ name: '^_fa$', duration: '1 day',
                          purpose: { en: 'Counts visits' } }] },
            { id: 'fake-ads', name: 'Fake Ads', category: 'marketing',
              provider: 'Ads Inc',
              privacy_url: 'https://ads.example/privacy',
              match: { src: [`^http://127\\.0\\.0\\.1:${trackerPort}/`
                             + '(ads|video)/'] } },
        ],
        texts: {
            en: { title: 'Cookies on the test shop',
                  body: 'We would like to measure visits and show ads.',
                  accept_all: 'Accept all', reject_all: 'Reject all',
                  customize: 'Customize', save: 'Save choices',
                  policy_link: 'Privacy policy' },
            de: { title: 'Cookies im Testshop',
                  body: 'Wir m\u00f6chten Besuche messen und Werbung zeigen.',
                  accept_all: 'Alle akzeptieren',
                  reject_all: 'Alle ablehnen', customize: 'Anpassen',
                  save: 'Auswahl speichern',
                  policy_link: 'Datenschutzerkl\u00e4rung' },
        },
        consent_mode: {
            ad_storage: 'marketing', ad_user_data: 'marketing',
            ad_personalization: 'marketing', analytics_storage: 'analytics',
            functionality_storage: 'necessary',
            personalization_storage: 'necessary',
            security_storage: 'necessary',
        },
    }, null, 2),
};

writeFiles(dir, files);

const csp = "default-src 'self'; script-src 'self' 'nonce-$request_id' "
    + `${T}; img-src 'self' ${T}; frame-src ${T}; style-src 'self'`;

writeNginxConf(dir, `

    consent_secret ${dir}/secret;

    server {
        listen 127.0.0.1:${sitePort};
        root ${dir}/site;
        consent on;
        consent_policy ${dir}/policy.json;
        consent_csp_nonce $request_id;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
        location = /csp.html {
            add_header Content-Security-Policy "${csp}";
        }
    }

    server {
        listen 127.0.0.1:${demoPort};
        root ${dir}/demo;
        consent on;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
    }
`);

await new Promise((resolve) => tracker.listen(trackerPort, '127.0.0.1',
                                               resolve));

const nginx = await startNginx(nginxBin, dir, sitePort,
                                () => tracker.close());
const browser = await launchBrowser(chromium);

async function newPage(options = {}) {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1280, height: 800 }, ...options,
    });
    context.setDefaultTimeout(10000);
    const p = await context.newPage();
    p.on('pageerror', (e) => diag(`page error: ${e.message}`));
    return { context, page: p };
}

// Load, then give late subresources a moment to show up at the tracker.
async function visit(p, url) {
    await p.goto(url, { waitUntil: 'load' });
    await sleep(300);
}

// ---- scenarios ----------------------------------------------------------

async function beforeChoice() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/`);

    is(hitCount('/'), 0, 'no choice: no tracker requested');
    ok(await p.isVisible('#consent-banner'), 'no choice: banner shown');

    const html = await p.content();
    const defaults = html.indexOf("gtag('consent','default'");
    const gtagScript = html.indexOf(`${T}/gtag/js`);
    ok(defaults >= 0 && gtagScript > defaults,
       'Consent Mode defaults come before the gtag script in the page');
    ok(html.indexOf("gtag('consent','default'") < html.indexOf('<title>'),
       'Consent Mode defaults are the first thing in <head>');

    const first = await p.evaluate(() => JSON.stringify(window.dataLayer[0]));
    ok(first.includes('"consent"') && first.includes('"default"')
       && first.includes('"analytics_storage":"denied"')
       && first.includes('"security_storage":"granted"'),
       'dataLayer starts with the denied defaults', first);

    const aria = await p.evaluate(() => {
        const b = document.getElementById('consent-banner');
        const label = document.getElementById(
            b.getAttribute('aria-labelledby'));
        const desc = document.getElementById(
            b.getAttribute('aria-describedby'));
        const root = document.getElementById('consent');
        return {
            role: b.getAttribute('role'),
            label: label && label.textContent,
            desc: desc && desc.textContent.length > 0,
            focused: document.activeElement === document.body,
            lang: root.lang, dir: root.dir,
            position: getComputedStyle(b).position,
        };
    });
    is(aria.role, 'dialog', 'banner: role dialog');
    is(aria.label, 'Cookies on the test shop',
       'banner: aria-labelledby names it by its title');
    ok(aria.desc, 'banner: aria-describedby points at its text');
    ok(aria.focused, 'banner: focus stays put on load (no ring around the '
       + 'banner; the first Tab reaches its controls)');
    ok(aria.lang === 'en' && aria.dir === 'ltr', 'banner: lang and dir');
    is(aria.position, 'fixed', 'banner: fixed overlay, no layout shift');

    // Accept all, Reject all, Customize: same size, colours and font.
    const buttons = await p.evaluate(() => {
        const els = [
            ...document.querySelectorAll('#consent-banner .consent-actions '
                                         + '> form .consent-btn'),
        ];
        return els.map((el) => {
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return { text: el.textContent, w: Math.round(r.width),
                     h: Math.round(r.height), bg: s.backgroundColor,
                     fg: s.color, font: `${s.fontSize} ${s.fontWeight}`,
                     border: s.borderTopWidth + s.borderTopColor };
        });
    });
    is(buttons.map((b) => b.text).join('|'),
       'Accept all|Reject all|Customize', 'first layer: the three buttons');
    const same = (k) => buttons.every((b) => b[k] === buttons[0][k]);
    ok(same('h') && same('bg') && same('fg') && same('font')
       && same('border'), 'first layer: equal style and height',
       buttons);
    ok(Math.max(...buttons.map((b) => b.w))
       - Math.min(...buttons.map((b) => b.w)) <= 1,
       'first layer: equal width', buttons);

    const contrast = await p.evaluate(() => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => {
            const [r, g, b] = rgb(c).map((v) => {
                v /= 255;
                return v <= 0.03928 ? v / 12.92
                                    : Math.pow((v + 0.055) / 1.055, 2.4);
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a, b) => {
            const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
            return (x + 0.05) / (y + 0.05);
        };
        const banner = document.getElementById('consent-banner');
        const bg = getComputedStyle(banner).backgroundColor;
        const btn = getComputedStyle(banner.querySelector('.consent-btn'));
        return {
            title: ratio(getComputedStyle(
                document.getElementById('consent-title')).color, bg),
            text: ratio(getComputedStyle(
                document.getElementById('consent-text')).color, bg),
            link: ratio(getComputedStyle(
                banner.querySelector('.consent-link')).color, bg),
            button: ratio(btn.color, btn.backgroundColor),
        };
    });
    ok(Object.values(contrast).every((r) => r >= 4.5),
       'contrast >= 4.5:1 for title, text, link and buttons', contrast);

    const inline = await p.evaluate(() => document.querySelectorAll(
        '#consent input[type=checkbox]').length);
    is(inline, 0, 'first layer: the preferences are not in the page');

    await p.click('#consent-banner [data-consent-open]');
    await p.waitForSelector('dialog.consent-dialog', { state: 'visible' });
    const checked = await p.evaluate(() => [...document.querySelectorAll(
        'dialog input[type=checkbox]')].filter((c) => c.checked
                                                && !c.disabled).length);
    is(checked, 0, 'preferences (fetched on demand): nothing pre-ticked');

    await context.close();
}

async function rejectAll() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/`);
    await p.click('#consent-banner button[data-action=reject_all]');
    await waitUntil(() => p.isHidden('#consent-banner'));
    await sleep(300);

    ok(await p.isHidden('#consent-banner'), 'reject: banner hidden');
    ok(await p.isVisible('.consent-settings-btn'),
       'reject: settings control shown');
    is(hitCount('/'), 0, 'reject: no tracker on the page');

    const cookies = await context.cookies();
    ok(cookies.some((c) => c.name === 'consent' && c.httpOnly),
       'reject: HttpOnly consent cookie set');

    await visit(p, `${site}/`);
    is(hitCount('/'), 0, 'reject: no tracker after reload');
    ok(await p.isVisible('.consent-settings-btn')
       && (await p.$('#consent-banner')) === null,
       'reject: after reload only the settings control, no banner');

    await context.close();
}

async function acceptAll() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/`);
    await p.evaluate(() => {
        window.__samePage = true;
        document.addEventListener('consent:change', (e) => {
            window.__changed = e.detail;
        });
    });
    await p.click('#consent-banner button[data-action=accept_all]');

    const loaded = await waitUntil(() => hitCount('/gtag/js') > 0
        && hitCount('/analytics/') > 0 && hitCount('/ads/pixel.js') > 0
        && hitCount('/ads/pixel.gif') > 0 && hitCount('/video/') > 0);
    ok(loaded, 'accept: every tracker loads on the same page',
       trackerSummary());

    /* a hit is counted when the request arrives, before the script runs */
    await p.waitForFunction(() => window.__analytics && window.__ads
        && window.__gtag, null, { timeout: 5000 }).catch(() => {});
    await p.waitForTimeout(300);    /* room for a second, wrong run */

    const state = await p.evaluate(() => ({
        same: window.__samePage === true,
        analytics: window.__analytics,
        ads: window.__ads,
        gtag: window.__gtag,
        changed: window.__changed,
        config: window.dataLayer.some((a) => a[0] === 'config'),
        update: JSON.stringify(window.dataLayer.find(
            (a) => a[0] === 'consent' && a[1] === 'update')),
        atGtag: window.__dataLayerAtGtag,
    }));
    ok(state.same, 'accept: without a reload');
    ok(state.analytics === 1 && state.ads === 1 && state.gtag === 1,
       'accept: activated scripts ran exactly once', state);
    ok(state.config, 'accept: the blocked inline gtag snippet ran');
    ok(state.changed && state.changed.granted.includes('marketing')
       && state.changed.status === 'valid',
       'accept: consent:change event with the state', state.changed);
    ok(state.update && state.update.includes('"ad_storage":"granted"')
       && state.update.includes('"analytics_storage":"granted"'),
       'accept: gtag consent update sent', state.update);
    const atGtag = JSON.parse(state.atGtag || '[]');
    ok(atGtag.length > 0 && atGtag[0][0] === 'consent'
       && atGtag[0][1] === 'default',
       'accept: gtag.js found the defaults first in the dataLayer',
       state.atGtag);

    hits.clear();
    await visit(p, `${site}/next.html`);
    ok(hitCount('/gtag/js') === 1 && hitCount('/analytics/') === 1
       && hitCount('/ads/') === 2 && hitCount('/video/') === 1,
       'accept: trackers load on the next page', trackerSummary());
    ok((await p.$('#consent-banner')) === null, 'accept: no banner next');
    const defaults = await p.evaluate(() => JSON.stringify(
        window.dataLayer[0]));
    ok(defaults.includes('"analytics_storage":"granted"')
       && defaults.includes('"ad_storage":"granted"'),
       'accept: next page defaults come from the stored decision');

    await context.close();
    return;
}

async function customize() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/`);
    await p.click('#consent-banner [data-consent-open]');
    await p.waitForSelector('dialog.consent-dialog', { state: 'visible' });

    ok(await p.isVisible('dialog.consent-dialog'),
       'customize: preferences dialog opens');
    const dlg = await p.evaluate(() => {
        const d = document.querySelector('dialog.consent-dialog');
        const label = document.getElementById(
            d.getAttribute('aria-labelledby'));
        return { modal: d.matches(':modal'), label: label && label.textContent,
                 services: d.querySelectorAll('.consent-service').length };
    });
    ok(dlg.modal && dlg.label === 'Privacy preferences',
       'customize: modal dialog labelled by its title', dlg);
    is(dlg.services, 2, 'customize: services listed');

    await p.check('dialog #consent-cat-analytics');
    await p.click('dialog button[value=save]');
    await waitUntil(() => hitCount('/analytics/') > 0);
    await sleep(300);

    ok(hitCount('/gtag/js') === 1 && hitCount('/analytics/') === 1,
       'customize: the chosen category loads', trackerSummary());
    is(hitCount('/ads/') + hitCount('/video/'), 0,
       'customize: the other one does not');
    ok(await p.isHidden('dialog.consent-dialog'), 'customize: dialog closed');

    hits.clear();
    await visit(p, `${site}/`);
    ok(hitCount('/analytics/') === 1
       && hitCount('/ads/') + hitCount('/video/') === 0,
       'customize: after reload still only the chosen category',
       trackerSummary());

    await context.close();
}

async function withdraw() {
    const { context, page: p } = await newPage();
    await visit(p, `${site}/`);
    await p.click('#consent-banner button[data-action=accept_all]');
    await waitUntil(() => hitCount('/ads/pixel.js') > 0);

    await visit(p, `${site}/next.html`);
    await p.click('.consent-settings-btn');
    await p.waitForSelector('dialog.consent-dialog', { state: 'visible' });
    ok(await p.isVisible('dialog.consent-dialog'),
       'withdraw: Cookie settings reopens the preferences');
    ok(/Your choice of \d{4}-\d\d-\d\d/.test(
        await p.textContent('dialog .consent-decided')),
       'withdraw: the preferences show the date of the choice');

    const shown = await p.evaluate(() => [
        document.getElementById('consent-cat-analytics').checked,
        document.getElementById('consent-cat-marketing').checked]);
    ok(shown[0] && shown[1], 'withdraw: preferences show the current choice');

    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('dialog button[value=withdraw]'),
    ]);

    hits.clear();
    await visit(p, `${site}/csp.html`);
    is(hitCount('/'), 0, 'withdraw: nothing loads on the next page');
    const cookie = (await context.cookies()).find((c) => c.name === 'consent');
    ok(cookie, 'withdraw: a decision is still recorded');

    await context.close();
}

async function keyboard() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/`);

    const active = () => p.evaluate(() => {
        const a = document.activeElement;
        return { text: a.textContent.trim(), tag: a.tagName, id: a.id,
                 inDialog: !!a.closest('dialog'),
                 outline: getComputedStyle(a).outlineStyle,
                 outlineWidth: parseFloat(getComputedStyle(a).outlineWidth) };
    });

    let a;
    for (let i = 0; i < 6; i++) {
        await p.keyboard.press('Tab');
        a = await active();
        if (a.text === 'Customize') {
            break;
        }
    }
    is(a.text, 'Customize', 'keyboard: Tab reaches Customize');
    ok(a.outline !== 'none' && a.outlineWidth >= 2,
       'keyboard: focus is visible', a);

    await p.keyboard.press('Enter');
    await p.waitForSelector('dialog.consent-dialog', { state: 'visible' });
    a = await active();
    ok(await p.isVisible('dialog.consent-dialog') && a.inDialog
       && a.id === 'consent-cat-analytics',
       'keyboard: Enter opens preferences, focus on the first toggle', a);

    let trapped = true;
    for (let i = 0; i < 25; i++) {
        await p.keyboard.press('Tab');
        trapped = trapped && (await active()).inDialog;
    }
    ok(trapped, 'keyboard: Tab stays inside the dialog');

    await p.focus('#consent-cat-analytics');
    await p.keyboard.press('Shift+Tab');
    ok((await active()).inDialog, 'keyboard: Shift+Tab stays inside too');

    await p.keyboard.press('Escape');
    a = await active();
    ok(await p.isHidden('dialog.consent-dialog') && a.text === 'Customize',
       'keyboard: Escape closes and returns focus to Customize', a);

    await p.keyboard.press('Enter');
    await p.keyboard.press('Space');
    for (let i = 0; i < 30; i++) {
        a = await active();
        if (a.text === 'Save choices') {
            break;
        }
        await p.keyboard.press('Tab');
    }
    is(a.text, 'Save choices', 'keyboard: Tab reaches Save');
    await p.keyboard.press('Enter');
    await waitUntil(() => hitCount('/analytics/') > 0);
    await sleep(300);
    ok(hitCount('/analytics/') === 1 && hitCount('/ads/') === 0,
       'keyboard: Space toggled analytics, Enter saved it', trackerSummary());

    a = await active();
    ok(a.text === 'Cookie settings',
       'keyboard: focus lands on the Cookie settings control', a);

    await context.close();
}

async function noScript() {
    const { context, page: p } = await newPage({ javaScriptEnabled: false });
    hits.clear();
    await visit(p, `${site}/`);
    is(hitCount('/'), 0, 'no JS: nothing loads before a choice');

    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('#consent-banner button[data-action=accept_all]'),
    ]);
    await sleep(300);
    is(new URL(p.url()).pathname, '/', 'no JS: the form comes back to page');
    ok(hitCount('/ads/pixel.gif') === 1 && hitCount('/video/') === 1,
       'no JS: accept all lets images and frames load', trackerSummary());
    ok((await p.$('#consent-banner')) === null,
       'no JS: the server knows, no banner');

    await visit(p, `${site}/csp.html`);
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('.consent-settings-btn'),
    ]);
    ok(await p.isVisible('#consent-prefs')
       && new URL(p.url()).pathname === '/_consent/preferences',
       'no JS: Cookie settings opens the preferences page');
    hits.clear();
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('#consent-prefs button[value=reject_all]'),
    ]);
    await sleep(300);
    is(new URL(p.url()).pathname, '/csp.html',
       'no JS: the preferences page returns to the page');
    is(hitCount('/'), 0, 'no JS: after reject all nothing loads');

    await context.close();

    const second = await newPage({ javaScriptEnabled: false });
    hits.clear();
    await visit(second.page, `${site}/next.html`);
    await Promise.all([
        second.page.waitForNavigation({ waitUntil: 'load' }),
        second.page.click('#consent-banner [data-consent-open]'),
    ]);
    await second.page.check('#consent-cat-marketing');
    await Promise.all([
        second.page.waitForNavigation({ waitUntil: 'load' }),
        second.page.click('#consent-prefs button[value=save]'),
    ]);
    await sleep(300);
    is(new URL(second.page.url()).pathname, '/next.html',
       'no JS: Customize comes back to the same page');
    ok(hitCount('/ads/pixel.gif') === 1,
       'no JS: Customize with marketing lets its image load',
       trackerSummary());
    await second.context.close();
}

async function german() {
    const { context, page: p } = await newPage({ locale: 'de-DE' });
    await visit(p, `${site}/`);
    const r = await p.evaluate(() => ({
        lang: document.getElementById('consent').lang,
        title: document.getElementById('consent-title').textContent,
        buttons: [...document.querySelectorAll('#consent-banner .consent-btn')]
            .slice(0, 3).map((b) => b.textContent),
    }));
    is(r.lang, 'de', 'German: lang from Accept-Language');
    is(r.title, 'Cookies im Testshop', 'German: title from the policy');
    is(r.buttons.join('|'), 'Alle akzeptieren|Alle ablehnen|Anpassen',
       'German: button texts');
    await context.close();
}

async function motionAndDark() {
    const { context, page: p } = await newPage({
        reducedMotion: 'reduce', colorScheme: 'dark' });
    await visit(p, `${site}/`);
    const r = await p.evaluate(() => {
        const b = document.getElementById('consent-banner');
        return { animation: getComputedStyle(b).animationName,
                 bg: getComputedStyle(b).backgroundColor };
    });
    is(r.animation, 'none', 'reduced motion: no banner animation');
    is(r.bg, 'rgb(17, 24, 39)', 'dark scheme: dark banner');
    await context.close();
}

async function strictCsp() {
    const { context, page: p } = await newPage();
    hits.clear();
    await p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
            window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
    });
    await visit(p, `${site}/csp.html`);
    ok(await p.isVisible('#consent-banner'),
       'CSP: banner works under a strict policy');
    await p.click('#consent-banner button[data-action=accept_all]');
    await waitUntil(() => hitCount('/analytics/') > 0
                    && hitCount('/ads/pixel.gif') > 0);
    const violations = await p.evaluate(() => window.__violations);
    is(violations.join(', '), '',
       'CSP: no violation (nonce on the defaults, nothing inline)');
    ok(hitCount('/analytics/') === 1,
       'CSP: activation works under the policy');
    await context.close();
}

async function policyPage() {
    const { context, page: p } = await newPage({ locale: 'de-DE' });
    const res = await p.goto(`${site}/privacy`);
    is(res.headers()['cache-control'], 'private, no-store',
       'policy page: not cacheable');
    const r = await p.evaluate(() => ({
        lang: document.documentElement.lang,
        tables: document.querySelectorAll('table.consent-table').length,
        controller: document.querySelector('.consent-controller')
            .textContent,
    }));
    ok(r.lang === 'de' && r.tables === 2
       && r.controller.includes('Test Shop GmbH'),
       'policy page: German, tables, controller', r);

    await p.check('#consent-page-cat-analytics');
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('#consent-page-prefs button[value=save]'),
    ]);
    const choice = await p.evaluate(() => document.querySelector(
        '.consent-choice [data-category=analytics]').textContent);
    ok(/Statistik: /.test(choice) && new URL(p.url()).pathname === '/privacy',
       'policy page: its form changes the choice and comes back', choice);
    const id = await p.textContent('.consent-choice-section .consent-decided');
    ok(/[0-9a-f]{32}/.test(id), 'policy page: shows the consent id', id);
    await context.close();
}

/* Inside the viewport: the banner, and each of its three buttons whole. */
async function layout(p) {
    return p.evaluate(() => {
        const vw = window.innerWidth;
        const vh = window.innerHeight;
        const inside = (el) => {
            const r = el.getBoundingClientRect();
            return r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5
                   && r.bottom <= vh + 0.5 && r.width > 0 && r.height > 0;
        };
        const b = document.getElementById('consent-banner');
        const r = b.getBoundingClientRect();
        const buttons = [...b.querySelectorAll('.consent-actions .consent-btn')];
        return { vw, vh, left: r.left, right: r.right, height: r.height,
                 share: r.height / vh, banner: inside(b),
                 buttons: buttons.length,
                 visible: buttons.filter(inside).length };
    });
}

async function mobile() {
    const cases = [
        ['390x844 phone', { viewport: { width: 390, height: 844 },
                            isMobile: true, hasTouch: true,
                            deviceScaleFactor: 3 }, 'mobile-en.png'],
        ['844x390 landscape phone', { viewport: { width: 844, height: 390 },
                                      isMobile: true, hasTouch: true,
                                      deviceScaleFactor: 3 }, null],
        ['200 % zoom of 1280x800', { viewport: { width: 640, height: 400 },
                                     deviceScaleFactor: 2 }, 'zoom-200.png'],
    ];

    for (const [name, options, shot] of cases) {
        for (const locale of ['en-US', 'de-DE', 'pl-PL']) {
            const { context, page: p } = await newPage({
                ...options, locale, reducedMotion: 'reduce' });
            await visit(p, `${demo}/wide.html`);
            const l = await layout(p);
            ok(l.banner && l.right <= l.vw + 0.5 && l.left >= -0.5,
               `${name} ${locale}: the banner fits the viewport of a wider `
               + 'page', l);
            ok(l.share <= 0.4 + 1e-6,
               `${name} ${locale}: the first layer takes <= 40 % of the `
               + `height (${Math.round(l.share * 100)} %)`, l);
            ok(l.buttons === 3 && l.visible === 3,
               `${name} ${locale}: all three buttons visible without `
               + 'scrolling', l);
            if (shot && locale === 'en-US') {
                await visit(p, `${demo}/`);
                await p.screenshot({ path: path.join(shotDir, shot) });
                shots.push(shot);
            }
            await context.close();
        }
    }
}

async function rightToLeft() {
    for (const [locale, lang] of [['ar', 'ar'], ['he-IL', 'he']]) {
        const { context, page: p } = await newPage({
            locale, reducedMotion: 'reduce' });
        await visit(p, `${demo}/`);
        const r = await p.evaluate(() => {
            const root = document.getElementById('consent');
            const b = document.getElementById('consent-banner');
            const btns = [...b.querySelectorAll('.consent-btn')]
                .map((x) => x.getBoundingClientRect().left);
            return { lang: root.lang, dir: root.dir,
                     direction: getComputedStyle(b).direction,
                     align: getComputedStyle(
                         document.getElementById('consent-text')).textAlign,
                     rightToLeft: btns[0] > btns[1] && btns[1] > btns[2] };
        });
        ok(r.lang === lang && r.dir === 'rtl' && r.direction === 'rtl',
           `RTL ${lang}: lang and direction`, r);
        ok(r.rightToLeft, `RTL ${lang}: the buttons run right to left`, r);
        if (lang === 'ar') {
            await p.screenshot({ path: path.join(shotDir, 'banner-ar.png') });
            shots.push('banner-ar.png');
            await p.click('#consent-banner [data-consent-open]');
            await p.waitForSelector('dialog.consent-dialog',
                                    { state: 'visible' });
            const d = await p.evaluate(() => getComputedStyle(
                document.querySelector('dialog.consent-dialog')).direction);
            is(d, 'rtl', 'RTL ar: the preferences dialog too');
        }
        await context.close();
    }
}

async function notice() {
    const want = {
        en: ['Controller', 'Your current choice',
             'Purposes, legal bases and recipients',
             'How we record your choice', 'Your rights'],
        de: ['Verantwortlicher', 'Ihre aktuelle Auswahl',
             'Zwecke, Rechtsgrundlagen und Empf\u00e4nger',
             'Wie wir Ihre Auswahl festhalten', 'Ihre Rechte'],
    };
    for (const lang of ['en', 'de']) {
        const { context, page: p } = await newPage({
            locale: lang === 'de' ? 'de-DE' : 'en-US' });
        await p.goto(`${site}/privacy`);
        const r = await p.evaluate(() => ({
            h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
            basis: document.querySelectorAll('.consent-basis').length,
            recipients: document.querySelectorAll('table caption').length,
            back: !!document.querySelector('.consent-back a[href="/"]'),
            band: (() => {
                const card = document.querySelector('.consent-doc .consent-prefs');
                const h = card.querySelector('.consent-title');
                return h.getBoundingClientRect().top
                       - card.getBoundingClientRect().top;
            })(),
        }));
        ok(want[lang].every((h) => r.h2.includes(h)),
           `notice ${lang}: every section`, r.h2);
        ok(r.basis === 3 && r.recipients === 2 && r.back,
           `notice ${lang}: a legal basis per purpose, recipients, a way back`,
           r);
        ok(r.band < 40, `notice ${lang}: no empty band atop the preferences `
           + 'card', r.band);
        if (lang === 'en') {
            await p.setViewportSize({ width: 1000, height: 900 });
            await p.screenshot({ path: path.join(shotDir, 'notice-en.png') });
            shots.push('notice-en.png');
        }
        await context.close();
    }
}

async function screenshots() {
    const made = shots;
    for (const lang of ['en', 'de']) {
        for (const scheme of ['light', 'dark']) {
            const { context, page: p } = await newPage({
                locale: lang === 'de' ? 'de-DE' : 'en-US',
                colorScheme: scheme, reducedMotion: 'reduce' });
            await visit(p, `${demo}/`);
            await p.evaluate(() => document.activeElement.blur());
            const banner = `banner-${lang}-${scheme}.png`;
            await p.screenshot({ path: path.join(shotDir, banner) });
            await p.click('#consent-banner [data-consent-open]');
            await p.waitForSelector('dialog.consent-dialog',
                                    { state: 'visible' });
            await p.evaluate(() => document.activeElement.blur());
            await p.mouse.move(0, 0);
            const prefs = `preferences-${lang}-${scheme}.png`;
            await p.screenshot({ path: path.join(shotDir, prefs) });
            made.push(banner, prefs);
            await context.close();
        }
    }
    ok(made.every((f) => fs.statSync(path.join(shotDir, f)).size > 1000),
       `screenshots: ${made.length} saved in ${path.relative(repo, shotDir)}`);

    if (updateDocs) {
        const docs = path.join(repo, 'docs', 'screenshots');
        fs.mkdirSync(docs, { recursive: true });
        for (const f of made) {
            fs.copyFileSync(path.join(shotDir, f), path.join(docs, f));
        }
        diag(`screenshots copied to ${path.relative(repo, docs)}`);
    }
}

// ---- run ----------------------------------------------------------------

// The loaders page: nothing before consent, nothing after Reject all.
async function loadersRejected() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/loaders.html`);
    ok(hitCount('/') === 0, 'loaders: nothing loads before a choice',
       trackerSummary());

    await p.click('#consent-banner button[data-action=reject_all]');
    await waitUntil(() => p.isHidden('#consent-banner'));
    await sleep(500);

    const st = await p.evaluate(() => ({
        svg: window.__svg, klaro: window.__klaro, pwned: window.__pwned,
        inert: document.querySelectorAll('[data-consent]').length,
    }));
    ok(hitCount('/') === 0, 'loaders: nothing activated after Reject all',
       trackerSummary());
    ok(st.svg === undefined && st.klaro === undefined
       && st.pwned === undefined && st.inert >= 5,
       'loaders: scripts still inert after Reject all', st);

    await context.close();
}

// Accept all: every marked element activated once and unmarked; injected
// markup never activated.
async function loadersAccepted() {
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/loaders.html`);

    const marker = await p.evaluate(() => document.querySelector(
        'script[data-consent-marker]').getAttribute('data-consent-marker'));
    const marked = await p.evaluate((m) => document.querySelectorAll(
        `[data-consent="${m}"]`).length, marker);
    ok(/^[0-9a-f]{32}$/.test(marker) && marked >= 6,
       'loaders: the blocked elements carry the response marker',
       { marker, marked });

    await p.click('#consent-banner button[data-action=accept_all]');

    const loaded = await waitUntil(() => hitCount('/analytics/svg.js') > 0
        && hitCount('/analytics/klaro.js') > 0 && hitCount('/video/') > 0
        && hitCount('/ads/bg.gif') > 0 && hitCount('/ads/style.css') > 0
        && hitCount('/ads/svg.gif') > 0);
    ok(loaded, 'loaders: svg script and image, style url(), @import and '
       + 'Klaro iframe load after accept', trackerSummary());

    await p.waitForFunction(() => window.__svg && window.__klaro, null,
                            { timeout: 5000 }).catch(() => {});
    await p.waitForTimeout(300);

    const st = await p.evaluate(() => {
        const left = Array.from(document.querySelectorAll(
            '[data-category],[data-service],[data-name],[data-consent],'
            + '[data-consent-requires],script[type="text/plain"],'
            + '[data-src],[data-href],[data-style]'))
            .filter((e) => !/^evil/.test(e.id)).map((e) => e.outerHTML);
        const svgScript = document.querySelector('svg script');
        return {
            svg: window.__svg, klaro: window.__klaro, pwned: window.__pwned,
            left,
            svgNs: svgScript && svgScript.namespaceURI,
            frame: document.getElementById('klaro-frame').getAttribute('src'),
            evil1: document.getElementById('evil1').hasAttribute('src'),
            evil2: document.getElementById('evil2').hasAttribute('src'),
            evil3: document.getElementById('evil3').hasAttribute('src'),
            evil4: document.getElementById('evil4')
                && document.getElementById('evil4').type,
        };
    });
    ok(st.svg === 1, 'loaders: the svg script was blocked, then ran once',
       st);
    is(st.svgNs, 'http://www.w3.org/2000/svg',
       'loaders: the activated svg script is still an svg script');
    ok(st.klaro === 1 && /\/video\/embed\?k$/.test(st.frame || ''),
       'loaders: Klaro-style script and iframe activated', st);
    is(st.left.length, 0, 'loaders: activation removes every consent marker');
    if (st.left.length) {
        diag(st.left.join('\n'));
    }
    ok(st.pwned === undefined && !st.evil1 && !st.evil3
       && st.evil4 === 'text/plain',
       'loaders: javascript: and data: URLs are never activated', st);
    ok(!st.evil2 && hitCount('/injected/') === 0,
       'loaders: an element injected at run time is never activated', st);

    hits.clear();
    await visit(p, `${site}/loaders.html`);
    await p.waitForFunction(() => window.__svg && window.__klaro, null,
                            { timeout: 5000 }).catch(() => {});
    const next = await p.evaluate(() => ({
        svg: window.__svg, klaro: window.__klaro, pwned: window.__pwned,
    }));
    ok(next.svg === 1 && next.klaro === 1 && next.pwned === undefined
       && hitCount('/injected/') === 0,
       'loaders: the server activates them on the next page', next);

    await context.close();
}

const shots = [];
// The page's own attributes survive blocking and come back on activation,
// in the browser (consent.js) and on the server (the next page).
async function ownAttributes() {
    const { context, page: p } = await newPage();
    const read = () => p.evaluate(() => {
        const attrs = (id) => {
            const el = document.getElementById(id);
            return el ? Array.from(el.attributes).filter(
                (a) => !/^(id|alt|class|title)$/.test(a.name))
                .map((a) => `${a.name}=${a.value}`).sort().join(' ') : null;
        };
        return { img: attrs('own-img'), script: attrs('own-script'),
            part: attrs('own-part'), frame: attrs('own-frame'),
            ads: window.__ads };
    });
    const want = (t) => ({
        img: `data-src=/real.jpg src=${t}/ads/pixel.gif?own`,
        script: `data-type=s2nScript src=${t}/ads/pixel.js?own `
            + 'type=text/javascript',
        part: `data-src=/lazy.png src=/first.png srcset=${t}/ads/pixel.gif`
            + '?part 2x',
        frame: `data-category=photos data-src=/own.html src=${t}/video/embed`
            + '?own',
    });

    hits.clear();
    await visit(p, `${site}/own.html`);
    const before = await read();
    ok(hitCount('/') === 0 && /data-consent-orig-src=\/real\.jpg/.test(
        before.img) && /data-consent-orig-type=s2nScript/.test(before.script)
       && /data-consent-orig-category=photos/.test(before.frame),
       'own attributes: blocked, the page\'s own kept aside', before);

    await p.click('#consent-banner button[data-action=accept_all]');
    await waitUntil(() => hitCount('/ads/pixel.js') > 0
        && hitCount('/video/') > 0);
    await p.waitForFunction(() => window.__ads, null, { timeout: 5000 })
        .catch(() => {});
    const after = await read();
    const w = want(T);
    ok(after.img === w.img && after.script === w.script
       && after.part === w.part && after.frame === w.frame
       && after.ads === 1,
       'own attributes: consent.js activation puts them back exactly',
       { after, want: w });

    await visit(p, `${site}/own.html`);
    const next = await read();
    ok(next.img === w.img && next.script === w.script
       && next.part === w.part && next.frame === w.frame,
       'own attributes: untouched on the next page', { next, want: w });

    await context.close();
}

const scenarios = [beforeChoice, rejectAll, acceptAll, customize, withdraw,
                   keyboard, noScript, german, motionAndDark, strictCsp,
                   policyPage, loadersRejected, loadersAccepted,
                   ownAttributes, mobile, rightToLeft, notice, screenshots];

const bad = /\[(alert|emerg|crit)\]|AddressSanitizer|runtime error/;
await runScenarios(scenarios, { browser, server: tracker, nginx, dir, bad });
