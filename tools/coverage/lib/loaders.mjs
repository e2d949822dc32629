// The elements of a parsed document that make a browser load something
// (loaders), with each URL classified.  The same scan runs on the input
// and on the module's output: an element the module neutralised no longer
// has its URL attribute (moved to data-*), or is a script or style of a
// type the browser does not run, or its CSS URLs no longer are http(s)
// URLs (about:invalid#...), so it is no loader any more.

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

// A <style> the browser applies: no type, an empty one or text/css.
export function isCss(attrs) {
    const t = (attrs.get('type') || '').trim().toLowerCase();
    return t === '' || t === 'text/css';
}

// The URLs a piece of CSS loads, read by CSS's own rules rather than the
// module's: comments skipped, escapes decoded (u\72l( is url(), then the
// argument of every url() and the strings of @import and image-set().
export function cssUrls(css) {
    const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
        .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (m, hex) => {
            const c = parseInt(hex, 16);
            return c > 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff)
                ? String.fromCodePoint(c) : '\ufffd';
        })
        .replace(/\\([^0-9a-f\n])/gi, '$1');
    const urls = [];
    const STRING = /"([^"\n]*)"|'([^'\n]*)'/g;
    for (const m of text.matchAll(
        /url\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^)"'\s]*))\s*\)/gi))
    {
        urls.push(m[1] ?? m[2] ?? m[3]);
    }
    for (const m of text.matchAll(/@import\s*(?:"([^"\n]*)"|'([^'\n]*)')/gi)) {
        urls.push(m[1] ?? m[2]);
    }
    for (const m of text.matchAll(/image-set\(([^)]*(?:\([^)]*\)[^)]*)*)\)/gi)) {
        for (const q of m[1].matchAll(STRING)) {
            urls.push(q[1] ?? q[2]);
        }
    }
    return urls.filter((u) => u !== '');
}

// The elements on which browsers honour a background attribute.
const BACKGROUND_TAGS = new Set(['body', 'table', 'thead', 'tbody', 'tfoot',
    'tr', 'td', 'th']);

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
// is a loader when its text names a tracker host; a <style> and any
// element's style attribute (and background, where browsers read it) when
// their CSS loads a URL.  dataBlocks: offsets of scripts and styles that
// are not JavaScript or CSS (JSON-LD, templates, import maps).
export function findLoaders(document, pageUrl) {
    const base = documentBase(document, pageUrl);
    const pageDomain = registrableDomain(new URL(pageUrl).hostname);
    const loaders = [];
    const dataBlocks = [];

    for (const el of elements(document)) {
        const tag = el.tagName;
        const svg = el.namespaceURI === SVG_NS;
        const html = el.namespaceURI === HTML_NS;
        const attrs = attrMap(el.attrs);
        const offset = el.sourceCodeLocation.startTag.startOffset;
        const css = [];
        let urls;
        let inline = false;

        // any element's style attribute; a background where honoured
        if (attrs.has('style')) {
            css.push(...cssUrls(attrs.get('style')).map((u) => ['style', u]));
        }
        if (html && BACKGROUND_TAGS.has(tag) && attrs.has('background')) {
            css.push(['background', attrs.get('background')]);
        }
        if ((html || svg) && tag === 'style') {
            if (!isCss(attrs)) {
                dataBlocks.push(offset);
                continue;
            }
            css.push(...cssUrls(textContent(el)).map((u) => ['text', u]));
        }

        if (!html && !(svg && tag === 'script') && !css.length) {
            continue;               // MathML and other SVG elements load nothing
        }

        if (tag === 'script' && (html || svg) && !isJavaScript(attrs)) {
            dataBlocks.push(offset);
            continue;
        }

        if (tag === 'script' && (html || svg)
            && !(svg ? attrs.has('href') || attrs.has('xlink:href')
                : attrs.has('src')))
        {
            inline = true;
            urls = hostsInText(textContent(el)).map((host) => ({
                attr: 'text', url: host, class: classifyHost(host, pageDomain),
            }));
        } else {
            urls = [];
            for (const [attr, value] of [
                ...(html || svg ? urlAttributes(tag, attrs, svg) : []),
                ...css])
            {
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
