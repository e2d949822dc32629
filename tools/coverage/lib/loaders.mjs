// The elements of a parsed document that make a browser load something
// (loaders), with each URL classified.  The same scan runs on the input
// and on the module's output: an element the module neutralised no longer
// has its URL attribute (moved to data-*) or is a script of a non-JavaScript
// type, so it is no loader any more.

import { attrMap, elements, textContent } from './html.mjs';
import { classifyHost, hostsInText, registrableDomain, resolveUrl }
    from './classify.mjs';

// The script types a browser runs (HTML's JavaScript MIME type essences,
// plus "module"); an empty or missing type is JavaScript too.
const JS_TYPES = new Set([
    'module', 'application/ecmascript', 'application/javascript',
    'application/x-ecmascript', 'application/x-javascript', 'text/ecmascript',
    'text/javascript', 'text/javascript1.0', 'text/javascript1.1',
    'text/javascript1.2', 'text/javascript1.3', 'text/javascript1.4',
    'text/javascript1.5', 'text/jscript', 'text/livescript',
    'text/x-ecmascript', 'text/x-javascript',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

const LINK_LOADER_RELS = new Set(['preload', 'prefetch', 'modulepreload',
    'dns-prefetch', 'preconnect', 'stylesheet']);

export function isJavaScript(attrs) {
    if (!attrs.has('type')) {
        return true;
    }
    const t = attrs.get('type').trim().toLowerCase();
    return t === '' || JS_TYPES.has(t.split(';')[0].trim());
}

export function srcsetUrls(value) {
    return value.split(',').map((c) => c.trim().split(/\s+/)[0])
        .filter((u) => u);
}

// [attribute, value] pairs that load something for this element (an SVG
// <script> loads its href as an HTML one its src).
function urlAttributes(tag, attrs, svg) {
    const pick = (...names) => names.filter((n) => attrs.has(n))
        .flatMap((n) => n.endsWith('srcset')
            ? srcsetUrls(attrs.get(n)).map((u) => [n, u])
            : [[n, attrs.get(n)]]);

    switch (tag) {
    case 'script':
        return !isJavaScript(attrs) ? []
            : svg ? pick('href', 'xlink:href') : pick('src');
    case 'iframe':
    case 'frame':
    case 'embed':
    case 'audio':
        return pick('src');
    case 'img':
    case 'source':
        return pick('src', 'srcset');
    case 'video':
        return pick('src', 'poster');
    case 'object':
        return pick('data');
    case 'input':
        return (attrs.get('type') || '').trim().toLowerCase() === 'image'
            ? pick('src') : [];
    case 'link': {
        const rels = (attrs.get('rel') || '').toLowerCase().split(/\s+/);
        return rels.some((r) => LINK_LOADER_RELS.has(r)) ? pick('href') : [];
    }
    default:
        return [];
    }
}

function documentBase(document, pageUrl) {
    for (const el of elements(document)) {
        if (el.tagName === 'base') {
            const href = attrMap(el.attrs).get('href');
            if (href !== undefined) {
                return resolveUrl(href, pageUrl) || new URL(pageUrl);
            }
        }
    }
    return new URL(pageUrl);
}

// Loaders of a document: {offset, tag, inline, urls: [{attr, url, class}],
// tracker: the first tracker classification or null}.  Inline JavaScript
// is a loader when its text names a tracker host.  dataBlocks: offsets of
// scripts that are not JavaScript (JSON-LD, templates, import maps).
export function findLoaders(document, pageUrl) {
    const base = documentBase(document, pageUrl);
    const pageDomain = registrableDomain(new URL(pageUrl).hostname);
    const loaders = [];
    const dataBlocks = [];

    for (const el of elements(document)) {
        const tag = el.tagName;
        const svg = el.namespaceURI === SVG_NS;
        if (el.namespaceURI !== HTML_NS && !(svg && tag === 'script')) {
            continue;               // MathML and other SVG elements load nothing
        }
        const attrs = attrMap(el.attrs);
        const offset = el.sourceCodeLocation.startTag.startOffset;
        let urls;
        let inline = false;

        if (tag === 'script' && !isJavaScript(attrs)) {
            dataBlocks.push(offset);
            continue;
        }

        if (tag === 'script'
            && !(svg ? attrs.has('href') || attrs.has('xlink:href')
                : attrs.has('src')))
        {
            inline = true;
            urls = hostsInText(textContent(el)).map((host) => ({
                attr: 'text', url: host, class: classifyHost(host, pageDomain),
            }));
        } else {
            urls = [];
            for (const [attr, value] of urlAttributes(tag, attrs, svg)) {
                const u = resolveUrl(value, base);
                if (u) {
                    urls.push({ attr, url: u.href,
                        class: classifyHost(u.hostname, pageDomain) });
                }
            }
        }

        const t = urls.find((x) => x.class.tracker);
        if (inline && !t) {
            continue;               // inline code naming no tracker host
        }
        if (urls.length) {
            loaders.push({ offset, tag, inline, urls,
                tracker: t ? t.class : null, url: t ? t.url : urls[0].url });
        }
    }
    return { base: base.href, pageDomain, loaders, dataBlocks };
}
