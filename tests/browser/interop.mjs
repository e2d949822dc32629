// Interoperability with the real Klaro (0.7) and vanilla-cookieconsent
// (CC v3.1) packages from npm, served from tests/browser/node_modules by
// the same nginx that runs the module.  A fake tracker server on loopback
// counts requests; every tracker script records its execution in
// window.__runs.  Prints TAP (run by prove through interop.t).
//
// (a) the library's UI with the module blocking: its accept activates the
//     module's blocked elements once, in document order;
// (b) what the server activated (module cookie) the library does not run
//     again; both banners on one page, either order: everything runs once;
// (c) markup hand-tagged in the library's style is inert without consent,
//     activated in place by consent.js and on the server when granted;
// (d) the same hand-tagged page without the library, behind the module's
//     banner (migration without retagging).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    diag, ok, is, skipAll, freePort, sleep, waitUntil, todo, repo,
    requireBrowser, startNginx, launchBrowser, writeFiles, writeNginxConf,
    runScenarios,
} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';
const vendor = path.join(here, 'node_modules');


const chromium = await requireBrowser();


for (const lib of ['klaro', 'vanilla-cookieconsent']) {
    if (!fs.existsSync(path.join(vendor, lib, 'package.json'))) {
        skipAll(`${lib} is not installed (npm ci in tests/browser)`);
    }
}

// ---- the fake tracker: counts requests; scripts record their runs -------

const hits = new Map();

// the first script of each page is slow: whoever does not keep document
// order runs the ones after it first
const SLOW = ['/analytics/first.js', '/other/cc-first.js',
              '/other/klaro-first.js'];

const tracker = http.createServer((req, res) => {
    const p = req.url.split('?')[0];
    let type = 'text/javascript';
    let body = `(window.__runs = window.__runs || []).push(${
        JSON.stringify(p)});`;

    hits.set(p, (hits.get(p) || 0) + 1);
    if (p.endsWith('.gif')) {
        type = 'image/gif';
        body = Buffer.from(
            'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
            'base64');
    } else if (p.endsWith('.html')) {
        type = 'text/html';
        body = '<!DOCTYPE html><title>embed</title><p>embed</p>';
    }
    setTimeout(() => {
        res.writeHead(200, { 'Content-Type': type,
                             'Cache-Control': 'no-store' });
        res.end(body);
    }, SLOW.includes(p) ? 400 : 0);
});

function hitCount(p) {
    return hits.get(p) || 0;
}

function hitSummary() {
    return JSON.stringify(Object.fromEntries(hits));
}

// ---- the site -----------------------------------------------------------

const sitePort = await freePort();
const trackerPort = await freePort();
const T = `http://127.0.0.1:${trackerPort}`;
const site = `http://127.0.0.1:${sitePort}`;
const dir = path.join(repo, 'build', 'tests', 'browser',
                      `interop-${process.pid}`);

fs.rmSync(dir, { recursive: true, force: true });
for (const d of ['site', 'logs', 'tmp']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
}

// Plain trackers the module makes inert: two analytics scripts (the first
// slow), one marketing script, a marketing pixel and a marketing iframe.
const SCRIPTS = ['/analytics/first.js', '/analytics/second.js',
                 '/ads/tag.js'];
const plainTrackers = `
<script src="${T}/analytics/first.js"></script>
<script src="${T}/analytics/second.js"></script>
<script src="${T}/ads/tag.js"></script>
<img id="pixel" src="${T}/ads/pixel.gif" alt="" width="1" height="1">
<iframe id="frame" src="${T}/ads/embed.html" title="Ad"></iframe>`;

// Markup tagged by hand as each library documents it.  The URLs under
// /other/ belong to no service: only the tags say what they are.  A
// data-name no policy service has stays inert whatever is granted.
const ccTagged = `
<script type="text/plain" data-category="analytics" data-service="fake-analytics"
 data-src="${T}/other/cc-first.js"></script>
<script type="text/plain" data-category="analytics">(window.__runs = window.__runs || []).push('cc-inline');</script>
<script type="text/plain" data-category="marketing" data-service="fake-ads"
 data-src="${T}/other/cc-ads.js"></script>`;

const klaroTagged = `
<script type="text/plain" data-type="text/javascript" data-name="fake-analytics"
 data-src="${T}/other/klaro-first.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="Fake Analytics">(window.__runs = window.__runs || []).push('klaro-inline');</script>
<script type="text/plain" data-type="text/javascript" data-name="fake-ads"
 data-src="${T}/other/klaro-ads.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="nobody">(window.__runs = window.__runs || []).push('nobody');</script>
<img id="kpixel" data-name="fake-ads" data-src="${T}/other/klaro-pixel.gif" alt="" width="1" height="1">
<iframe id="kframe" data-name="Fake Ads" data-src="${T}/other/klaro-embed.html" title="Ad"></iframe>`;

// The decision the library's UI took, handed to the module's API, so that
// the next page comes activated from the server.
const bridge = `
<script>
function consentBridge(granted) {
  return fetch('/_consent/', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'save', granted: granted }) });
}
</script>`;

// Sites keeping the library's UI hide the module's banner (consent.js and
// the settings stay).
const hideModuleBanner = '<style>#consent-banner{display:none}</style>';

const ccSetup = (hide) => `
<link rel="stylesheet" href="/vendor/vanilla-cookieconsent/dist/cookieconsent.css">
${hide ? hideModuleBanner : ''}${bridge}
<script src="/vendor/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>
function ccGranted() {
  return ['analytics', 'marketing'].filter(function (c) {
    return CookieConsent.acceptedCategory(c);
  });
}
window.addEventListener('DOMContentLoaded', function () { CookieConsent.run({
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { services: { 'fake-analytics': { label: 'Fake Analytics' } } },
    marketing: { services: { 'fake-ads': { label: 'Fake Ads' } } }
  },
  onConsent: function () { window.__ccBridged = consentBridge(ccGranted()); },
  onChange: function () { window.__ccBridged = consentBridge(ccGranted()); },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Cookies (CC)', description: 'We use cookies.',
      acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all',
      showPreferencesBtn: 'Manage' },
    preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save',
      sections: [] } } } }
}); });
</script>`;

const klaroSetup = (hide) => `
${hide ? hideModuleBanner : ''}${bridge}
<script>
var klaroConfig = {
  elementID: 'klaro', storageMethod: 'cookie', cookieName: 'klaro',
  acceptAll: true, mustConsent: false, hideDeclineAll: false,
  services: [
    { name: 'fake-analytics', title: 'Fake Analytics',
      purposes: ['analytics'] },
    { name: 'Fake Analytics', title: 'Fake Analytics (by name)',
      purposes: ['analytics'] },
    { name: 'fake-ads', title: 'Fake Ads', purposes: ['marketing'] },
    { name: 'Fake Ads', title: 'Fake Ads (by name)', purposes: ['marketing'] }
  ]
};
document.addEventListener('DOMContentLoaded', function () {
  klaro.getManager().watch({ update: function (manager, name, data) {
    if (name !== 'saveConsents') { return; }
    var granted = [];
    klaroConfig.services.forEach(function (s) {
      if (data.consents[s.name] && granted.indexOf(s.purposes[0]) < 0) {
        granted.push(s.purposes[0]);
      }
    });
    window.__klaroBridged = consentBridge(granted);
  } });
});
</script>
<script defer src="/vendor/klaro/dist/klaro.js"></script>`;

function page(title, head, body) {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}
</head><body><h1>${title}</h1>
<p>Products and prices.</p>${body}
<p><a href="/next.html">Next page</a></p>
</body></html>
`;
}

const files = {
    // (a), (b): the library's UI, the module blocks plain trackers
    'site/cc/index.html': page('CC', ccSetup(true) + plainTrackers, ''),
    'site/cc/next.html': page('CC next', ccSetup(true) + plainTrackers, ''),
    'site/klaro/index.html': page('Klaro', klaroSetup(true) + plainTrackers,
                                  ''),
    'site/klaro/next.html': page('Klaro next',
                                 klaroSetup(true) + plainTrackers, ''),
    // both banners visible on one page
    'site/cc-both/index.html': page('CC both', ccSetup(false) + plainTrackers,
                                    ''),
    'site/klaro-both/index.html': page('Klaro both',
                                       klaroSetup(false) + plainTrackers, ''),
    // (c) hand-tagged markup under the library's own UI
    'site/cc-tagged/index.html': page('CC tagged', ccSetup(true) + ccTagged,
                                      ''),
    'site/klaro-tagged/index.html': page('Klaro tagged', klaroSetup(true),
                                         klaroTagged),
    // (c), (d): the same markup, the library removed, the module's banner
    'site/tagged/index.html': page('Tagged', ccTagged, klaroTagged),
    'site/tagged/next.html': page('Tagged next', ccTagged, klaroTagged),
    'secret': 'browser-interop-secret-0123456789abcdef0123456789abcdef\n',
    'policy.json': JSON.stringify({
        revision: 1,
        default_language: 'en',
        categories: [
            { id: 'necessary', required: true, title: { en: 'Necessary' },
              description: { en: 'Keeps the site working.' } },
            { id: 'analytics', title: { en: 'Analytics' },
              description: { en: 'Counts visits.' } },
            { id: 'marketing', title: { en: 'Marketing' },
              description: { en: 'Ads.' } },
        ],
        services: [
            { id: 'fake-analytics', name: 'Fake Analytics',
              category: 'analytics', provider: 'Tracker Ltd',
              privacy_url: 'https://tracker.example/privacy',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/analytics/`] } },
            { id: 'fake-ads', name: 'Fake Ads', category: 'marketing',
              provider: 'Ads Inc', privacy_url: 'https://ads.example/privacy',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/ads/`] } },
        ],
        texts: {
            en: { title: 'Cookies', body: 'We measure visits and show ads.',
                  accept_all: 'Accept all', reject_all: 'Reject all',
                  customize: 'Customize', save: 'Save choices',
                  policy_link: 'Privacy policy' },
        },
    }, null, 2),
};

writeFiles(dir, files);

writeNginxConf(dir, `

    consent_secret ${dir}/secret;

    server {
        listen 127.0.0.1:${sitePort};
        root ${dir}/site;
        consent on;
        consent_policy ${dir}/policy.json;

        location /_consent/ { consent_api; }
        location /vendor/ { alias ${vendor}/; }
    }
`);

await new Promise((resolve) => tracker.listen(trackerPort, '127.0.0.1',
                                               resolve));

const nginx = await startNginx(nginxBin, dir, sitePort,
                                () => tracker.close());
const browser = await launchBrowser(chromium);

async function newPage() {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1280, height: 800 },
    });
    context.setDefaultTimeout(10000);
    const p = await context.newPage();
    p.on('pageerror', (e) => diag(`page error: ${e.message}`));
    let navigations = 0;
    p.on('framenavigated', (f) => {
        if (f === p.mainFrame()) {
            navigations++;
        }
    });
    return { context, page: p, navigations: () => navigations };
}

async function visit(p, url) {
    await p.goto(url, { waitUntil: 'load' });
    await sleep(500);
}

// the tracker scripts that ran on the page, in order
async function runs(p) {
    return p.evaluate(() => (window.__runs || []).join(' '));
}

// every consent marker left on the page's elements
async function markersLeft(p) {
    return p.evaluate(() => Array.prototype.map.call(
        document.querySelectorAll('[data-consent],[data-category],'
            + '[data-name],[data-service],script[type="text/plain"]'),
        (el) => el.outerHTML.slice(0, 120)).join('\n'));
}

// ---- the libraries' controls --------------------------------------------

const LIBS = {
    cc: {
        name: 'CC v3',
        visible: (p) => p.isVisible('#cc-main .cm__btn[data-role=all]'),
        acceptAll: (p) => p.click('#cc-main .cm__btn[data-role=all]'),
        rejectAll: (p) => p.click('#cc-main .cm__btn[data-role=necessary]'),
        analyticsOnly: (p) => p.evaluate(
            () => CookieConsent.acceptCategory(['analytics'])),
        bridged: (p) => p.evaluate(() => window.__ccBridged),
        keepsOrder: true,
        media: false,
    },
    klaro: {
        name: 'Klaro',
        visible: (p) => p.isVisible('.klaro .cookie-notice .cm-btn-success'),
        acceptAll: (p) => p.click('.klaro .cookie-notice .cm-btn-success'),
        rejectAll: (p) => p.click('.klaro .cookie-notice .cn-decline'),
        analyticsOnly: (p) => p.evaluate(() => {
            const m = klaro.getManager();
            m.updateConsent('fake-analytics', true);
            m.updateConsent('Fake Analytics', true);
            m.saveAndApplyConsents();
        }),
        bridged: (p) => p.evaluate(() => window.__klaroBridged),
        keepsOrder: false,
        media: true,
    },
};

// the module's own banner, clicked through the DOM (a library's notice may
// lie on top of it)
async function moduleAcceptAll(p) {
    await p.evaluate(() => document.querySelector(
        '#consent-banner button[data-action=accept_all]').click());
}


async function scriptsRunOnce(p, lib, what) {
    await waitUntil(async () => (await runs(p)).split(' ').length >= 3);
    await sleep(500);
    for (const s of SCRIPTS) {
        is(hitCount(s), 1, `${what}: ${s} requested once`);
    }
    const order = await runs(p);
    const sorted = order.split(' ').sort().join(' ');
    is(sorted, [...SCRIPTS].sort().join(' '), `${what}: each script ran once`);
    if (lib === null || lib.keepsOrder) {
        is(order, SCRIPTS.join(' '), `${what}: in document order`);
    } else {
        todo(order === SCRIPTS.join(' '), `${what}: in document order`,
             `${lib.name} inserts the scripts async (ran: ${order})`);
    }
}

// ---- (a), (b): the library's UI, the module blocks ----------------------

async function libReject(key) {
    const lib = LIBS[key];
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/${key}/`);

    ok(await lib.visible(p), `${lib.name}: its notice is shown`);
    is(hits.size, 0, `${lib.name}: nothing loads before a decision`);
    await lib.rejectAll(p);
    await sleep(500);
    await lib.bridged(p);
    is(hits.size, 0, `${lib.name} reject: nothing loads`, hitSummary());

    await visit(p, `${site}/${key}/next.html`);
    ok(!(await lib.visible(p)),
       `${lib.name} reject: no notice on the next page`);
    is(hits.size, 0, `${lib.name} reject: nothing on the next page`,
       hitSummary());
    await context.close();
}

async function libAcceptAll(key) {
    const lib = LIBS[key];
    const { context, page: p, navigations } = await newPage();
    hits.clear();
    await visit(p, `${site}/${key}/`);

    await lib.acceptAll(p);
    await scriptsRunOnce(p, lib, `${lib.name} accept all`);
    is(navigations(), 1, `${lib.name} accept all: without a reload`);
    if (lib.media) {
        is(hitCount('/ads/pixel.gif'), 1, `${lib.name}: the pixel loads once`);
        is(hitCount('/ads/embed.html'), 1,
           `${lib.name}: the iframe loads once`);
    } else {
        is(hitCount('/ads/pixel.gif') + hitCount('/ads/embed.html'), 0,
           `${lib.name} has no image or iframe handling: they stay inert`);
    }
    await lib.bridged(p);
    is(await p.evaluate(async () => {
        const res = await fetch('/_consent/state');
        return (await res.json()).granted.join(' ');
    }), 'necessary analytics marketing',
       `${lib.name}: its decision reached the module's API`);

    hits.clear();
    await visit(p, `${site}/${key}/next.html`);
    ok(!(await lib.visible(p)), `${lib.name}: no notice on the next page`);
    for (const s of SCRIPTS) {
        is(hitCount(s), 1, `${lib.name} next page (server-activated): ${s} `
           + 'requested once');
    }
    is(await runs(p), SCRIPTS.join(' '),
       `${lib.name} next page: each script ran once, in document order`);
    is(hitCount('/ads/pixel.gif') + hitCount('/ads/embed.html'), 2,
       `${lib.name} next page: pixel and iframe load once`);
    is(await markersLeft(p), '',
       `${lib.name} next page: the server left no consent marker`);
    await context.close();
}

async function libAnalyticsOnly(key) {
    const lib = LIBS[key];
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/${key}/`);

    await lib.analyticsOnly(p);
    await waitUntil(async () => (await runs(p)).split(' ').length >= 2);
    await sleep(500);
    is(hitCount('/analytics/first.js') + hitCount('/analytics/second.js'), 2,
       `${lib.name} analytics only: both analytics scripts load once`);
    is(hitCount('/ads/tag.js') + hitCount('/ads/pixel.gif')
       + hitCount('/ads/embed.html'), 0,
       `${lib.name} analytics only: no marketing`);
    await lib.bridged(p);

    hits.clear();
    await visit(p, `${site}/${key}/next.html`);
    is(await runs(p), '/analytics/first.js /analytics/second.js',
       `${lib.name} analytics only, next page: analytics once, in order`);
    is(hitCount('/ads/tag.js'), 0,
       `${lib.name} analytics only, next page: no marketing`);
    await context.close();
}

// both banners on the page, either one first
async function bothBanners(key, libFirst) {
    const lib = LIBS[key];
    const what = `${lib.name} and the module's banner, `
        + `${libFirst ? lib.name : 'the module'} first`;
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/${key}-both/`);

    if (libFirst) {
        await lib.acceptAll(p);
        await sleep(800);
        await moduleAcceptAll(p);
    } else {
        await moduleAcceptAll(p);
        await sleep(800);
        await lib.acceptAll(p);
    }
    await sleep(800);
    for (const s of SCRIPTS) {
        is(hitCount(s), 1, `${what}: ${s} requested once`);
    }
    is((await runs(p)).split(' ').sort().join(' '),
       [...SCRIPTS].sort().join(' '), `${what}: each script ran once`);
    is(hitCount('/ads/pixel.gif'), 1, `${what}: the pixel loads once`);
    is(hitCount('/ads/embed.html'), 1, `${what}: the iframe loads once`);
    await context.close();
}

// ---- (c): hand-tagged markup under the library's own UI -----------------

async function libTagged(key) {
    const lib = LIBS[key];
    const { context, page: p } = await newPage();
    hits.clear();
    await visit(p, `${site}/${key}-tagged/`);
    is(hits.size, 0, `${lib.name}-tagged markup: inert before a decision`,
       hitSummary());

    await lib.acceptAll(p);
    await sleep(1000);
    const want = key === 'cc'
        ? `/other/cc-first.js cc-inline /other/cc-ads.js`
        : `/other/klaro-first.js klaro-inline /other/klaro-ads.js`;
    const ran = await runs(p);
    is(ran.split(' ').sort().join(' '), want.split(' ').sort().join(' '),
       `${lib.name} activates its own markup (as the module marked it) once`);
    if (lib.keepsOrder) {
        is(ran, want, `${lib.name}: its own markup in document order`);
    } else {
        todo(ran === want, `${lib.name}: its own markup in document order`,
             `${lib.name} inserts the scripts async (ran: ${ran})`);
    }
    if (lib.media) {
        is(hitCount('/other/klaro-pixel.gif') + hitCount(
            '/other/klaro-embed.html'), 2,
           `${lib.name}: its tagged image and iframe load once`);
    }
    await context.close();
}

// ---- (c), (d): the same markup behind the module's banner ---------------

const TAGGED_ALL = '/other/cc-first.js cc-inline /other/cc-ads.js '
    + '/other/klaro-first.js klaro-inline /other/klaro-ads.js';
const TAGGED_ANALYTICS = '/other/cc-first.js cc-inline '
    + '/other/klaro-first.js klaro-inline';

async function taggedModule() {
    let { context, page: p, navigations } = await newPage();
    hits.clear();
    await visit(p, `${site}/tagged/`);
    is(hits.size, 0, 'hand-tagged, module banner: inert before a decision');
    await p.click('#consent-banner button[data-action=reject_all]');
    await sleep(500);
    await visit(p, `${site}/tagged/next.html`);
    is(hits.size, 0, 'hand-tagged, reject all: inert, on the next page too',
       hitSummary());
    is(await runs(p), '', 'hand-tagged, reject all: no inline script ran');
    await context.close();

    ({ context, page: p, navigations } = await newPage());
    hits.clear();
    await visit(p, `${site}/tagged/`);
    await p.click('#consent-banner button[data-action=accept_all]');
    await waitUntil(async () => (await runs(p)).split(' ').length >= 6);
    await sleep(500);
    is(await runs(p), TAGGED_ALL,
       'hand-tagged, accept all: consent.js runs each script once, in order');
    is(navigations(), 1, 'hand-tagged, accept all: without a reload');
    is(hitCount('/other/klaro-pixel.gif') + hitCount('/other/klaro-embed.html'),
       2, 'hand-tagged, accept all: Klaro-tagged image and iframe load once');
    ok(/^<script type="text\/plain" [^\n]*data-name="nobody"[^\n]*$/.test(
        await markersLeft(p)),
       'hand-tagged, accept all: no marker left but on the unknown data-name',
       await markersLeft(p));

    hits.clear();
    await visit(p, `${site}/tagged/next.html`);
    is(await runs(p), TAGGED_ALL,
       'hand-tagged, next page: activated on the server, once, in order');
    ok([...hits.values()].every((n) => n === 1) && hits.size === 6,
       'hand-tagged, next page: every URL requested once', hitSummary());
    ok(/^<script type="text\/plain" [^\n]*data-name="nobody"[^\n]*$/.test(
        await markersLeft(p)),
       'hand-tagged, next page: no marker left but on the unknown data-name',
       await markersLeft(p));
    await context.close();

    ({ context, page: p } = await newPage());
    hits.clear();
    await visit(p, `${site}/tagged/`);
    await p.click('#consent-banner [data-consent-open]');
    await p.check('dialog #consent-cat-analytics');
    await p.click('dialog button[value=save]');
    await waitUntil(async () => (await runs(p)).split(' ').length >= 4);
    await sleep(500);
    is(await runs(p), TAGGED_ANALYTICS,
       'hand-tagged, analytics only: only analytics, once, in order');
    hits.clear();
    await visit(p, `${site}/tagged/next.html`);
    is(await runs(p), TAGGED_ANALYTICS,
       'hand-tagged, analytics only, next page: the same from the server');
    is(hitCount('/other/klaro-pixel.gif') + hitCount('/other/cc-ads.js'), 0,
       'hand-tagged, analytics only: no marketing');
    await context.close();
}

const scenarios = [];
for (const key of ['cc', 'klaro']) {
    scenarios.push(() => libReject(key), () => libAcceptAll(key),
                   () => libAnalyticsOnly(key), () => bothBanners(key, true),
                   () => bothBanners(key, false), () => libTagged(key));
}
scenarios.push(taggedModule);

await runScenarios(scenarios, { browser, server: tracker, nginx, dir });
