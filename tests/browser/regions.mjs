// Browser tests of regions: real nginx with the module (the region from
// an X-Region request header), a fake tracker server that counts hits,
// headless Chromium through playwright-core.  Prints TAP (run by prove
// through regions.t).
//
// A US-CA visitor sees the "Your Privacy Choices" link and no banner,
// trackers load, opting out stops marketing on the same page and the next,
// Sec-GPC: 1 shows "Opt-out request honored"; an EU visitor gets the
// banner and nothing loads before consent; a UK visitor under the
// objection profile runs analytics until Reject all; a "none" region gets
// the page untouched.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
    diag, ok, is, freePort, sleep, waitUntil, repo, requireBrowser,
    startNginx, launchBrowser, writeFiles, writeNginxConf, runScenarios,
} from './lib.mjs';

const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';


const chromium = await requireBrowser();


// ---- the fake tracker ---------------------------------------------------

const hits = new Map();

const tracker = http.createServer((req, res) => {
    const p = req.url.split('?')[0];
    hits.set(p, (hits.get(p) || 0) + 1);
    res.writeHead(200, { 'Content-Type': 'text/javascript',
                         'Cache-Control': 'no-store' });
    res.end(`window.__hits = (window.__hits || 0) + 1;`);
});

function hitCount(p) {
    return hits.get(p) || 0;
}

// ---- nginx --------------------------------------------------------------

const sitePort = await freePort();
const trackerPort = await freePort();
const T = `http://127.0.0.1:${trackerPort}`;
const site = `http://127.0.0.1:${sitePort}`;
const dir = path.join(repo, 'build', 'tests', 'browser',
                      `regions-${process.pid}`);

fs.rmSync(dir, { recursive: true, force: true });
for (const d of ['site', 'logs', 'tmp']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
}

function page(title) {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="${T}/analytics.js"></script>
<script src="${T}/ads.js"></script>
</head><body><h1>${title}</h1>
<p><a href="/next.html">Next page</a></p>
</body></html>
`;
}

const files = {
    'site/index.html': page('Shop'),
    'site/next.html': page('Next page'),
    'secret': 'browser-regions-secret-0123456789abcdef0123456789abcdef\n',
    'policy.json': JSON.stringify({
        revision: 1,
        default_language: 'en',
        categories: [
            { id: 'necessary', required: true, title: { en: 'Necessary' },
              description: { en: 'Keeps the site working.' } },
            { id: 'analytics', title: { en: 'Analytics' },
              description: { en: 'Counts visits.' } },
            { id: 'marketing', gpc: true, opt_out: true,
              title: { en: 'Marketing' },
              description: { en: 'Ads, sold or shared.' } },
        ],
        services: [
            { id: 'fake-analytics', name: 'Fake Analytics',
              category: 'analytics', provider: 'Tracker Ltd',
              privacy_url: 'https://tracker.example/privacy',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/analytics`] } },
            { id: 'fake-ads', name: 'Fake Ads', category: 'marketing',
              provider: 'Ads Inc', privacy_url: 'https://ads.example/privacy',
              match: { src: [`^${T.replace(/[.]/g, '\\.')}/ads`] } },
        ],
        texts: {
            en: { title: 'Cookies', body: 'We measure visits and show ads.',
                  accept_all: 'Accept all', reject_all: 'Reject all',
                  customize: 'Customize', save: 'Save choices',
                  policy_link: 'Privacy policy' },
        },
        regions: { groups: [{ id: 'jp', mode: 'none', match: ['JP'] },
                            { id: 'uk', objection: ['analytics'] }] },
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
        consent_region $http_x_region;

        location /_consent/ { consent_api; }
        location = /privacy { consent_policy_page; }
    }
`);

await new Promise((resolve) => tracker.listen(trackerPort, '127.0.0.1',
                                               resolve));

const nginx = await startNginx(nginxBin, dir, sitePort,
                                () => tracker.close());
const browser = await launchBrowser(chromium);

async function newPage(headers) {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1280, height: 800 },
        extraHTTPHeaders: headers,
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

// ---- scenarios ----------------------------------------------------------

async function california() {
    const { context, page: p } = await newPage({ 'X-Region': 'US-CA' });
    hits.clear();
    await visit(p, `${site}/`);

    ok((await p.$('#consent-banner')) === null, 'US-CA: no banner');
    ok(await p.isVisible('.consent-choices-link'),
       'US-CA: the "Your Privacy Choices" link is shown');
    is((await p.textContent('.consent-choices-link')).trim(),
       'Your Privacy Choices', 'US-CA: its text');
    is(hitCount('/analytics.js'), 1, 'US-CA: analytics loads');
    is(hitCount('/ads.js'), 1, 'US-CA: marketing loads');
    ok(!(await p.isVisible('.consent-gpc-honored')),
       'US-CA without GPC: no "Opt-out request honored"');

    await p.click('.consent-choices-link');
    ok(await waitUntil(() => p.isVisible('button[data-action=opt_out]')),
       'US-CA: the link opens the choices with the opt-out button');

    hits.clear();
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('button[data-action=opt_out]'),
    ]);
    await sleep(300);

    is(hitCount('/ads.js'), 0,
       'US-CA after opting out: marketing stops on the same page');
    is(hitCount('/analytics.js'), 1,
       'US-CA after opting out: analytics still loads');
    ok(await p.isVisible('.consent-choices-link'),
       'US-CA after opting out: the link stays');

    hits.clear();
    await visit(p, `${site}/next.html`);
    is(hitCount('/ads.js'), 0, 'US-CA: marketing stays off on the next page');
    is(hitCount('/analytics.js'), 1, 'US-CA: analytics on the next page');

    await context.close();
}

async function californiaGpc() {
    const { context, page: p } = await newPage({ 'X-Region': 'US-CA',
                                                 'Sec-GPC': '1' });
    hits.clear();
    await visit(p, `${site}/`);

    ok(await p.isVisible('.consent-gpc-honored'),
       'US-CA with GPC: the confirmation is shown');
    is((await p.textContent('.consent-gpc-honored')).trim(),
       'Opt-out request honored', 'US-CA with GPC: its text');
    is(hitCount('/ads.js'), 0, 'US-CA with GPC: marketing does not load');
    is(hitCount('/analytics.js'), 1, 'US-CA with GPC: analytics loads');

    await context.close();
}

async function europe() {
    const { context, page: p } = await newPage({ 'X-Region': 'DE' });
    hits.clear();
    await visit(p, `${site}/`);

    ok(await p.isVisible('#consent-banner'), 'DE: the banner');
    ok((await p.$('.consent-choices-link')) === null,
       'DE: no opt-out link');
    is(hitCount('/analytics.js') + hitCount('/ads.js'), 0,
       'DE: nothing loads before consent');

    await p.click('#consent-banner button[data-action=accept_all]');
    await waitUntil(() => hitCount('/ads.js') > 0);
    is(hitCount('/analytics.js'), 1, 'DE after accept all: analytics loads');
    is(hitCount('/ads.js'), 1, 'DE after accept all: marketing loads');

    await context.close();
}

async function fromCaliforniaToEurope() {
    const { context, page: p } = await newPage({ 'X-Region': 'US-CA' });
    await visit(p, `${site}/`);
    await p.click('.consent-choices-link');
    await waitUntil(() => p.isVisible('button[data-action=opt_out]'));
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('button[data-action=opt_out]'),
    ]);

    await context.setExtraHTTPHeaders({ 'X-Region': 'FR' });
    hits.clear();
    await visit(p, `${site}/`);
    ok(await p.isVisible('#consent-banner'),
       'an opt-out decision carried to FR: the banner is back');
    is(hitCount('/analytics.js'), 0,
       'FR: the opt-out decision grants nothing');

    await context.close();
}

async function ukObjection() {
    const { context, page: p } = await newPage({ 'X-Region': 'GB' });
    hits.clear();
    await visit(p, `${site}/`);

    ok(await p.isVisible('#consent-banner'), 'GB: the banner');
    is(hitCount('/analytics.js'), 1,
       'GB (objection profile): analytics runs until the visitor objects');
    is(hitCount('/ads.js'), 0, 'GB: marketing waits for consent');

    hits.clear();
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('#consent-banner button[data-action=reject_all]'),
    ]);
    await sleep(300);
    is(hitCount('/analytics.js'), 0,
       'GB after Reject all: the page reloads without analytics');
    ok((await p.$('#consent-banner')) === null, 'GB: the banner is gone');

    await context.close();
}

async function noneRegion() {
    const { context, page: p } = await newPage({ 'X-Region': 'JP' });
    hits.clear();
    const res = await p.goto(`${site}/`, { waitUntil: 'load' });
    await sleep(300);

    is(await res.text(), files['site/index.html'],
       'JP (none): the page byte for byte');
    ok((await p.$('#consent')) === null, 'JP: nothing injected');
    is(hitCount('/analytics.js') + hitCount('/ads.js'), 2,
       'JP: the trackers load as the site has them');

    await context.close();
}

const scenarios = [california, californiaGpc, europe, fromCaliforniaToEurope,
                   ukObjection, noneRegion];

await runScenarios(scenarios, { browser, server: tracker, nginx, dir });
