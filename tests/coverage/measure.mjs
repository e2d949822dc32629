// The measure of tools/coverage on hand-made pages and outputs (no nginx):
// what counts as a tracker loader, as active, as a false positive and as
// corruption.  Prints TAP.

import { measurePage } from '../../tools/coverage/lib/page.mjs';

const API = '/_consent/';
const URL_ = 'https://news.example.com/2019/a.html';
const HEAD_INJECTED = "<script>window.dataLayer=window.dataLayer||[];"
    + "function gtag(){dataLayer.push(arguments);}"
    + "gtag('consent','default',{'ad_storage':'denied'});</script>";
const END_INJECTED = '<link rel="stylesheet" href="/_consent/consent.css?v=1">'
    + '<script defer src="/_consent/consent.js?v=2"></script>';
const BANNER = '<div id="consent" class="consent"><section><div>x</div>'
    + '<form action="/_consent/" method="post"><button>Accept all</button>'
    + '</form></section></div>';

// A page of head and body content, and the module's output for it: the
// same with the injections, and the body edited by edit().
function page(head, body) {
    return `<!DOCTYPE html><html><head>${head}</head><body>\n${body}\n`
        + '</body></html>\n';
}

function output(head, body) {
    return `<!DOCTYPE html><html><head>${HEAD_INJECTED}${head}${END_INJECTED}`
        + `</head><body>${BANNER}\n${body}\n</body></html>\n`;
}

let n = 0;
let failed = 0;
function ok(cond, name, diag) {
    n++;
    if (!cond) {
        failed++;
    }
    console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${name}`);
    if (!cond && diag !== undefined) {
        console.log(`# ${JSON.stringify(diag).slice(0, 1500)}`);
    }
}

function measure(head, inBody, outHead, outBody) {
    return measurePage(page(head, inBody), output(outHead, outBody), URL_, API);
}

const GA = 'https://www.google-analytics.com/analytics.js';
const JQ = 'https://code.jquery.com/jquery-3.4.1.min.js';

{
    const body = `<script src="${GA}"></script>`
        + '<noscript><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView">'
        + '</noscript>'
        + "<script>var s=document.createElement('script');"
        + "s.src='https:\\/\\/connect.facebook.net\\/en_US\\/fbevents.js';</script>"
        + `<script src="${JQ}"></script><img src="/logo.png">`
        + '<script type="application/ld+json">{"url":"https://www.facebook.com/x"}'
        + '</script>';
    const m = measure('', body, '', body);
    ok(m.loaders === 3, 'script src, <noscript> image and inline script naming a '
        + 'tracker host are tracker loaders; jQuery, first party and JSON-LD not',
        m);
    ok(m.inline === 1 && m.activeInline === 1, 'the inline loader is counted '
        + 'as inline', m);
    ok(m.active.length === 3, 'untouched output: all three active', m.active);
    ok(!m.corrupted, 'the injected fragments are no corruption', m.corruptions);
    ok(m.injected.join(',') === 'consent mode defaults,stylesheet,script,#consent',
        'each injected fragment recognised', m.injected);
    ok(m.active.every((a) => a.offset > 0)
        && m.active[0].entity === 'Google Analytics'
        && m.active[0].consent === 'analytics', 'active loaders carry their '
        + 'input offset and entity', m.active);
}

{
    const m = measure('', `<script async src="${GA}"></script>`
        + '<iframe src="https://www.youtube.com/embed/x" width="5"></iframe>',
    '', `<script async type="text/plain" data-category="analytics" `
        + `data-service="google-analytics" data-name="google-analytics" `
        + `data-src="${GA}"></script><iframe data-category="preferences" `
        + 'data-consent-x="1" width="5" data-src="https://www.youtube.com/embed/x">'
        + '</iframe>');
    ok(m.loaders === 2 && m.active.length === 0, 'neutralised script and '
        + 'iframe are not active', m);
    ok(!m.corrupted && m.falsePositives.length === 0, 'module edits are no '
        + 'corruption and no false positive', m);
}

{
    const m = measure('', '<img src="https://www.facebook.com/tr?id=1" '
        + 'srcset="https://www.facebook.com/tr?id=2 2x">',
    '', '<img data-src="https://www.facebook.com/tr?id=1" '
        + 'srcset="https://www.facebook.com/tr?id=2 2x">');
    ok(m.active.length === 1, 'an image whose srcset still loads the tracker '
        + 'is active', m.active);
}

{
    const m = measure('', `<script src="${JQ}"></script><img src="/a.png">`
        + '<img src="https://cdn.example.net/b.png">'
        + '<script type="application/ld+json">{}</script>',
    '', `<script type="text/plain" data-src="${JQ}"></script>`
        + '<img data-src="/a.png"><img data-src="https://cdn.example.net/b.png">'
        + '<script type="application/ld+json" data-category="marketing">{}'
        + '</script>');
    const why = m.falsePositives.map((f) => f.why);
    ok(m.falsePositives.length === 4, 'four false positives', m.falsePositives);
    ok(why.includes('jQuery CDN is cdn, not a tracker'), 'a CDN is not a '
        + 'tracker', why);
    ok(why.includes('first party') && why.includes('unknown third party')
        && why.includes('data block touched'), 'first party, unknown hosts and '
        + 'data blocks', why);
}

{
    const m = measure('', "<script>gtag('config', 'G-1');</script>",
        '', "<script type=\"text/plain\">gtag('config', 'G-1');</script>");
    ok(m.falsePositives.length === 0 && m.unverified.length === 1, 'inline '
        + 'code naming no host is listed apart, not as a false positive', m);
}

{
    const input = page('', '<p>caf&eacute; &amp; more</p>');
    const out = output('', '<p>caf\u00e9 &amp; more</p>');
    const m = measurePage(input, out, URL_, API);
    ok(m.corrupted, 'a changed text is corruption');
    ok(m.corruptions[0].inOffset === input.indexOf('caf'), 'reported at its '
        + 'input offset', m.corruptions);
}

{
    const m = measure('', '<img src="https://www.facebook.com/tr" '
        + 'data-src="/real.jpg">',
    '', '<img data-src="https://www.facebook.com/tr">');
    ok(m.corrupted
        && /data-src="\/real.jpg" overwritten/.test(m.corruptions[0].what), 'an attribute of '
        + 'the site lost is corruption', m.corruptions);
}

{
    const m = measure('', '<p>a</p>', '', '<div id="x"></div><p>a</p>');
    ok(m.corrupted, 'an element that is no injected fragment is corruption');
}

{
    const m = measure('', '<p>a</p><p>b</p>', '', '<p>a</p>');
    ok(m.corrupted, 'a truncated output is corruption');
}

{
    const head = '<base href="https://www.googletagmanager.com/">';
    const m = measure(head, '<script src="gtag/js?id=G-1"></script>',
        head, '<script src="gtag/js?id=G-1"></script>');
    ok(m.loaders === 1 && m.active.length === 1, 'URLs resolve against '
        + '<base href>; the injected assets are not counted', m.active);
}

{
    const body = `<math><style><script src="${GA}"></script></style></math>`
        + `<svg><script href="${GA}"></script></svg>`;
    const m = measure('', body, '', body);
    ok(m.loaders === 1 && m.active.length === 1 && m.active[0].tag === 'script',
        'an SVG script loads its href; a MathML script is no loader', m.active);
}

const FB = 'https://www.facebook.com/tr';
const MARK = 'data-category="marketing" data-service="meta-pixel" '
    + 'data-name="meta-pixel" data-consent="0123"';

{
    const body = `<style>@import url("${FB}/s.css"); p{}</style>`
        + `<div style="background:u\\72l(${FB}/d.png)">x</div>`
        + `<table background="${FB}/t.png"><tr><td>x</td></tr></table>`
        + `<style>a{b:-webkit-image-set("${FB}/1.png" 1x)}</style>`
        + `<style>/* url(${FB}/comment.png) */ a{}</style>`
        + `<style type="text/less">a{b:url(${FB}/less.png)}</style>`
        + `<p style="color:red">x</p>`;
    const m = measure('', body, '', body);
    ok(m.loaders === 4 && m.active.length === 4, 'a <style> @import, an '
        + 'escaped url() in a style attribute, a table background and an '
        + 'image-set() string are loaders; a comment, a non-CSS style and CSS '
        + 'without URLs not', m.active);
    ok(m.active.map((a) => a.tag).join(',') === 'style,div,table,style',
        'each at its element', m.active);
}

{
    const m = measure('', `<style>@import url("${FB}/s.css");</style>`
        + `<div style="background:url(${FB}/d.png)">x</div>`
        + `<body background="${FB}/b.png">`,
    '', `<style type="text/plain" ${MARK}>@media not all{}@import `
        + `url("${FB}/s.css");</style><div ${MARK} data-style="background:url(`
        + `${FB}/d.png)">x</div><body ${MARK} data-background="${FB}/b.png">`);
    ok(m.loaders === 3 && m.active.length === 0, 'a stopped style and moved '
        + 'style and background attributes are neutralised', m);
    ok(!m.corrupted && m.falsePositives.length === 0, 'the CSS edits are no '
        + 'corruption and no false positive', m);
}

{
    const css = `a{b:url(${FB}/a.png)} c{d:url('/own.png')}`;
    const m = measure('', `<style>${css}</style>`,
        '', `<style>${css.replace(`url(${FB}`, `url(about:invalid#${FB}`)}`
            + '</style>');
    ok(m.loaders === 1 && m.active.length === 0 && !m.corrupted
        && m.falsePositives.length === 0, 'a long style\'s tracker URL made '
        + 'inert in place: neutralised, no corruption', m);
    const n2 = measure('', `<style>${css}</style>`,
        '', `<style>${css.replace("url('/own", "url('about:invalid#/own")}`
            + '</style>');
    ok(!n2.corrupted && n2.falsePositives.length === 1
        && n2.falsePositives[0].why === 'first party', 'a first-party URL '
        + 'made inert in place is a false positive', n2.falsePositives);
}

{
    const m = measure('', '<style>a{color:red}</style>'
        + '<style>a{b:url(/own.png)}</style>',
    '', `<style type="text/plain" ${MARK}>@media not all{}a{color:red}</style>`
        + `<style type="text/plain" ${MARK}>@media not all{}a{b:url(/own.png)}`
        + '</style>');
    const why = m.falsePositives.map((f) => f.why);
    ok(!m.corrupted && why.join(',') === 'no URL,first party', 'an inert '
        + 'style without a tracker URL is a false positive', m);
}

{
    const m = measure('', '<style>a{color:red}</style>',
        '', '<style>@media not all{}a{color:red}</style>');
    ok(m.corrupted, 'the stop rule in a style that stays CSS is corruption',
        m.corruptions);
    const m2 = measure('', `<style>a{b:url(${FB}/a.png)}</style>`,
        '', `<style>a{b:url(about:invalid#${FB}/a.png)}x</style>`);
    ok(m2.corrupted, 'any other change to a style\'s text is corruption',
        m2.corruptions);
}

{
    const m = measure('', `<img src="${FB}" data-src="/real.jpg">`
        + `<script type="text/javascript" data-type="s2nScript" src="${FB}.js">`
        + '</script><img data-category="photos" src="' + FB + '?2">',
    '', `<img ${MARK} data-src="${FB}" data-consent-orig-src="/real.jpg">`
        + `<script type="text/plain" ${MARK} data-type="text/javascript" `
        + `data-consent-orig-type="s2nScript" data-src="${FB}.js"></script>`
        + `<img ${MARK} data-consent-orig-category="photos" `
        + `data-src="${FB}?2">`);
    ok(m.loaders === 3 && m.active.length === 0 && !m.corrupted
        && m.falsePositives.length === 0, 'the page\'s own data-src, data-type '
        + 'and data-category kept as data-consent-orig-* are no corruption', m);
    const m2 = measure('', `<img src="${FB}" data-src="/real.jpg">`,
        '', `<img data-src="${FB}" data-consent-orig-src="/other.jpg">`);
    ok(m2.corrupted, 'a data-consent-orig-* of another value is corruption',
        m2.corruptions);
}

console.log(`1..${n}`);
process.exitCode = failed ? 1 : 0;
