// Browser tests of single-service choices: real nginx with the module, a
// fake tracker server that counts hits, headless Chromium through
// playwright-core.  Prints TAP (run by prove through services.t).
//
// With JavaScript: the preferences list a switch per service under its
// category; switching one service of marketing on and saving loads that
// embed on the same page and the next, the other marketing service stays
// off, the switches show it after a reload, and a category switch turned
// on carries its services (on and locked).  Without JavaScript: the same
// through the server-rendered preferences form.  A placeholder-style
// "Always allow" form (action=allow, source=placeholder) loads that embed
// alone, keeps the banner, and without script comes back to its anchor.

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
    if (p.startsWith('/video')) {
        res.writeHead(200, { 'Content-Type': 'text/html',
                             'Cache-Control': 'no-store' });
        res.end('<!DOCTYPE html><title>player</title><p>playing</p>');
        return;
    }
    res.writeHead(200, { 'Content-Type': 'text/javascript',
                         'Cache-Control': 'no-store' });
    res.end('window.__hits = (window.__hits || 0) + 1;');
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
                      `services-${process.pid}`);

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
<iframe src="${T}/video/1" width="320" height="180" title="video"></iframe>
<p><a href="/next.html">Next page</a></p>
</body></html>
`;
}

const esc = (s) => s.replace(/[.]/g, '\\.');

// The form contract of a click-to-load placeholder's "Always allow".
const placeholder = page('Watch').replace('<p><a href', `<form class="consent-form" method="post" action="/_consent/">
<input type="hidden" name="action" value="allow">
<input type="hidden" name="service" value="fake-video">
<input type="hidden" name="source" value="placeholder">
<input type="hidden" name="return_to" value="/watch.html#player">
<button type="submit" id="always">Always allow Fake Video</button></form>
<p id="player"><a href`);

const files = {
    'site/index.html': page('Shop'),
    'site/next.html': page('Next page'),
    'site/watch.html': placeholder,
    'secret': 'browser-services-secret-0123456789abcdef0123456789abcdef\n',
    'policy.json': JSON.stringify({
        revision: 1,
        default_language: 'en',
        categories: [
            { id: 'necessary', required: true, title: { en: 'Necessary' },
              description: { en: 'Keeps the site working.' } },
            { id: 'analytics', title: { en: 'Analytics' },
              description: { en: 'Counts visits.' } },
            { id: 'marketing', title: { en: 'Marketing' },
              description: { en: 'Ads and embedded videos.' } },
        ],
        services: [
            { id: 'fake-analytics', name: 'Fake Analytics',
              category: 'analytics', provider: 'Tracker Ltd',
              match: { src: [`^${esc(T)}/analytics`] } },
            { id: 'fake-video', name: 'Fake Video', category: 'marketing',
              provider: 'Video Ltd',
              match: { src: [`^${esc(T)}/video`] } },
            { id: 'fake-ads', name: 'Fake Ads', category: 'marketing',
              provider: 'Ads Inc', match: { src: [`^${esc(T)}/ads`] } },
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
    consent_audit_log ${dir}/logs/consent.log;

    server {
        listen 127.0.0.1:${sitePort};
        root ${dir}/site;
        consent on;
        consent_policy ${dir}/policy.json;

        location /_consent/ { consent_api; }
    }
`);

await new Promise((resolve) => tracker.listen(trackerPort, '127.0.0.1',
                                               resolve));

const nginx = await startNginx(nginxBin, dir, sitePort,
                                () => tracker.close());
const browser = await launchBrowser(chromium);

async function newPage(options) {
    const context = await browser.newContext({
        locale: 'en-US', viewport: { width: 1280, height: 800 },
        ...options,
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

const VIDEO = 'input[name=service][value=fake-video]';
const ADS = 'input[name=service][value=fake-ads]';
const MARKETING = 'input[name=granted][value=marketing]';
const SERVICES = 'li.consent-cat:has(input[value=marketing]) summary';

function records() {
    const log = path.join(dir, 'logs', 'consent.log');
    return fs.existsSync(log)
        ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
              .map((l) => JSON.parse(l))
        : [];
}

// ---- scenarios ----------------------------------------------------------

async function withScript() {
    const { context, page: p } = await newPage({});
    hits.clear();
    await visit(p, `${site}/`);

    is(hitCount('/video/1') + hitCount('/ads.js'), 0,
       'nothing of marketing loads before a choice');

    await p.click('#consent-banner button[data-consent-open]');
    await waitUntil(() => p.isVisible(SERVICES));
    await p.click(`.consent-dialog ${SERVICES}`);
    ok(await waitUntil(() => p.isVisible(VIDEO)),
       'the preferences list a switch for each service');
    ok(!(await p.isChecked(VIDEO)) && !(await p.isDisabled(VIDEO)),
       'the video switch is off and can be switched');

    hits.clear();
    await p.check(VIDEO);
    await p.click('.consent-dialog button[value=save]');
    ok(await waitUntil(() => hitCount('/video/1') > 0),
       'saving the video alone loads it on the same page');
    await sleep(300);
    is(hitCount('/ads.js'), 0, 'the other marketing service stays off');
    is(hitCount('/analytics.js'), 0, 'analytics stays off');

    const last = records().pop() || {};
    is(JSON.stringify(last.granted_services), '["fake-video"]',
       'the record holds the service');
    is(last.source, 'preferences', 'from the preferences');

    hits.clear();
    await visit(p, `${site}/next.html`);
    is(hitCount('/video/1'), 1, 'next page: the server lets the video through');
    is(hitCount('/ads.js'), 0, 'next page: ads stay off');
    ok((await p.$('#consent-banner')) === null, 'next page: no banner');

    await p.click('.consent-settings-btn');
    await waitUntil(() => p.isVisible(SERVICES));
    await p.click(`.consent-dialog ${SERVICES}`);
    await waitUntil(() => p.isVisible(VIDEO));
    ok(await p.isChecked(VIDEO), 'after a reload the video switch is on');
    ok(!(await p.isChecked(ADS)), 'and the ads switch off');

    await p.check(MARKETING);
    ok(await p.isChecked(ADS) && await p.isDisabled(ADS),
       'marketing on: its services are on and locked');
    await p.uncheck(MARKETING);
    ok(await p.isChecked(VIDEO) && !(await p.isChecked(ADS))
       && !(await p.isDisabled(VIDEO)),
       'marketing off again: the service choices come back');

    await context.close();
}

async function withoutScript() {
    const { context, page: p } = await newPage({ javaScriptEnabled: false });
    hits.clear();
    await visit(p, `${site}/`);

    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('#consent-banner button[data-consent-open]'),
    ]);
    ok(p.url().startsWith(`${site}/_consent/preferences`),
       'no-JS: Customize opens the preferences page');
    await p.click(SERVICES);
    ok(await p.isVisible(VIDEO), 'no-JS: the service switches are in the form');

    await p.check(VIDEO);
    hits.clear();
    await Promise.all([
        p.waitForNavigation({ waitUntil: 'load' }),
        p.click('button[value=save]'),
    ]);
    await sleep(300);
    is(new URL(p.url()).pathname, '/', 'no-JS: back to the page');
    is(hitCount('/video/1'), 1, 'no-JS: the video loads after saving it');
    is(hitCount('/ads.js'), 0, 'no-JS: the ads do not');

    await visit(p, `${site}/_consent/preferences?return_to=%2F`);
    ok(await p.isChecked(VIDEO), 'no-JS: the preferences show the video on');
    ok(!(await p.isChecked(ADS)), 'no-JS: and the ads off');

    await context.close();
}

// "Always allow" of one embed before any decision: that embed only, and
// the banner keeps asking; with script in place, without by a 303 that
// comes back to the anchor.
async function alwaysAllow() {
    for (const js of [true, false]) {
        const what = js ? 'allow' : 'no-JS allow';
        const { context, page: p } = await newPage({ javaScriptEnabled: js });
        hits.clear();
        await visit(p, `${site}/watch.html`);
        is(hitCount('/video/1'), 0, `${what}: the video waits`);

        hits.clear();
        if (js) {
            await p.click('#always');
            ok(await waitUntil(() => hitCount('/video/1') > 0),
               `${what}: the video loads in place`);
        } else {
            await Promise.all([
                p.waitForNavigation({ waitUntil: 'load' }),
                p.click('#always'),
            ]);
            await sleep(300);
            is(new URL(p.url()).hash, '#player',
               `${what}: back at the anchor`);
            is(hitCount('/video/1'), 1, `${what}: the video loads`);
        }
        await sleep(300);
        is(hitCount('/ads.js') + hitCount('/analytics.js'), 0,
           `${what}: nothing else loads`);
        ok(await p.isVisible('#consent-banner'),
           `${what}: the banner still asks about the categories`);

        const last = records().pop() || {};
        ok(last.action === 'allow' && last.source === 'placeholder'
           && last.decided === false
           && JSON.stringify(last.granted_services) === '["fake-video"]',
           `${what}: recorded as allow from the placeholder, undecided`,
           last);

        await context.close();
    }
}

const scenarios = [withScript, withoutScript, alwaysAllow];

await runScenarios(scenarios, { browser, server: tracker, nginx, dir });
