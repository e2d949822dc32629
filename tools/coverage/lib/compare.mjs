// Compares the token streams of a page and of the module's output.  The
// output may differ from the input only by
//   - start tags edited the way the module neutralises an element (a URL,
//     style or background attribute moved to data-*, type="text/plain"
//     with the original in data-type, the page's own data-X of those names
//     kept as data-consent-orig-X, consent markers added),
//   - the text of a <style>: "@media not all{}" put first when its start
//     tag was made text/plain, or "about:invalid#" put before URLs, and
//   - the fragments the module injects (the Consent Mode defaults script,
//     the stylesheet and script under the API path, the banner element).
// Anything else is corruption, reported with its offsets.

import { attrMap } from './html.mjs';

const URL_ATTRS = new Set(['src', 'href', 'data', 'srcset', 'poster',
    'imagesrcset', 'style', 'background']);
const ORIG = 'data-consent-orig-';
const STYLE_STOP = '@media not all{}';
const CSS_INERT = 'about:invalid#';
const MARKERS = new Set(['data-category', 'data-service', 'data-name']);
const RESYNC_WINDOW = 400;
const MAX_REPORTS = 20;

function raw(src, t) {
    return src.slice(t.start, t.end);
}

// null when out is in edited the way the module may edit it, otherwise why
// not.  Sets edit.moved (attributes moved to data-*) and edit.typed.
function checkEdit(inTok, outTok, edit) {
    const a = attrMap(inTok.attrs);
    const b = attrMap(outTok.attrs);

    // the page's own data-X must survive as data-X or data-consent-orig-X
    const kept = (name) => !a.has(`data-${name}`)
        || b.get(`${ORIG}${name}`) === a.get(`data-${name}`);

    for (const [name, value] of a) {
        if (b.get(name) === value) {
            continue;
        }
        if (name.startsWith('data-') && b.get(ORIG + name.slice(5)) === value)
        {
            continue;
        }
        if (URL_ATTRS.has(name) && !b.has(name)
            && b.get(`data-${name}`) === value)
        {
            if (!kept(name)) {
                return `attribute data-${name}="${a.get(`data-${name}`)}"`
                    + ` overwritten by ${name}`;
            }
            edit.moved.push(name);
            continue;
        }
        if (name === 'type' && b.get('type') === 'text/plain'
            && b.get('data-type') === value)
        {
            if (!kept('type')) {
                return `attribute data-type="${a.get('data-type')}"`
                    + ' overwritten by type';
            }
            edit.typed = true;
            continue;
        }
        return b.has(name)
            ? `attribute ${name}="${value}" changed to "${b.get(name)}"`
            : `attribute ${name}="${value}" removed`;
    }

    for (const [name, value] of b) {
        if (a.has(name)) {
            continue;
        }
        if (name === 'type' && value === 'text/plain') {
            edit.typed = true;
            continue;
        }
        if (MARKERS.has(name) || name.startsWith('data-consent')) {
            continue;
        }
        if (name.startsWith('data-') && (edit.moved.includes(name.slice(5))
            || (name === 'data-type' && edit.typed)))
        {
            continue;
        }
        return `attribute ${name}="${value}" added`;
    }
    return null;
}

// The URLs the module made inert in a style's text: null unless outText
// is inText with "@media not all{}" first (when stopped) and
// "about:invalid#" before some URLs.
function cssEdit(inText, outText, stopped) {
    let o = stopped && outText.startsWith(STYLE_STOP) ? STYLE_STOP.length : 0;
    const urls = [];
    let i = 0;

    while (i < inText.length || o < outText.length) {
        if (outText.startsWith(CSS_INERT, o)
            && !inText.startsWith(CSS_INERT, i))
        {
            o += CSS_INERT.length;
            urls.push(/^[^\s)"']*/.exec(inText.slice(i, i + 2048))[0]);
            continue;
        }
        if (inText[i] !== outText[o]) {
            return null;
        }
        i++;
        o++;
    }
    return urls;
}

// How an output token compares with an input token: 'same', 'edited' (with
// edit filled in) or a string saying why they differ.  inStyle: the text
// is a <style>'s; stopped: the output's start tag made it text/plain.
function compareToken(inSrc, outSrc, x, y, edit, inStyle, stopped) {
    if (x.type !== y.type) {
        return `${y.type} where the input has ${x.type}`;
    }
    if (x.type === 'eof' || raw(inSrc, x) === raw(outSrc, y)) {
        return 'same';
    }
    if (x.type === 'text' && inStyle) {
        const urls = cssEdit(raw(inSrc, x), raw(outSrc, y), stopped);
        if (urls !== null) {
            edit.inertUrls = urls;
            return 'edited';
        }
    }
    if (x.type !== 'starttag') {
        return `${x.type} differs`;
    }
    if (x.name !== y.name) {
        return `<${y.name}> where the input has <${x.name}>`;
    }
    const why = checkEdit(x, y, edit);
    return why === null ? 'edited' : why;
}

// The number of output tokens from index j that form one injected fragment,
// and its name; 0 when tokens[j] starts none.
function injectedAt(outSrc, tokens, j, apiPath) {
    const t = tokens[j];
    if (t.type !== 'starttag') {
        return [0, null];
    }
    const a = attrMap(t.attrs);

    if (t.name === 'script' && !a.has('src')
        && [...a.keys()].every((n) => n === 'nonce'))
    {
        const text = tokens[j + 1];
        const end = tokens[j + 2];
        if (text && text.type === 'text' && end && end.type === 'endtag'
            && end.name === 'script'
            && raw(outSrc, text).includes("gtag('consent','default'"))
        {
            return [3, 'consent mode defaults'];
        }
    }

    if (t.name === 'link' && (a.get('href') || '').startsWith(apiPath)) {
        return [1, 'stylesheet'];
    }

    if (t.name === 'script' && (a.get('src') || '').startsWith(apiPath)) {
        const end = tokens[j + 1];
        return end && end.type === 'endtag' && end.name === 'script'
            ? [2, 'script'] : [1, 'script'];
    }

    if (/^consent(-|$)/.test(a.get('id') || '')) {
        let depth = 0;
        for (let k = j; k < tokens.length; k++) {
            const u = tokens[k];
            if (u.type === 'starttag' && u.name === t.name) {
                depth++;
            } else if (u.type === 'endtag' && u.name === t.name
                       && --depth === 0)
            {
                return [k - j + 1, `#${a.get('id')}`];
            }
        }
    }
    return [0, null];
}

function snippet(src, t) {
    const s = src.slice(t.start, Math.min(t.end, t.start + 120));
    return JSON.stringify(s.length < t.end - t.start ? `${s}...` : s);
}

// The first pair (i + di, j + dj) at which both streams agree again on two
// tokens in a row, or null.
function resync(inSrc, outSrc, a, b, i, j) {
    const agree = (p, q) => {
        for (let k = 0; k < 2; k++) {
            const x = a[p + k];
            const y = b[q + k];
            if (!x || !y) {
                return x === y;
            }
            const r = compareToken(inSrc, outSrc, x, y, { moved: [] },
                ...styleContext(a, b, p, q));
            if (r !== 'same' && r !== 'edited') {
                return false;
            }
        }
        return true;
    };
    for (let d = 1; d <= RESYNC_WINDOW; d++) {
        for (let di = 0; di <= d; di++) {
            if (i + di < a.length && j + d - di < b.length
                && agree(i + di, j + d - di))
            {
                return [i + di, j + d - di];
            }
        }
    }
    return null;
}

// [inStyle, stopped] for the text tokens at a[i] and b[j]: whether they
// follow a <style> start tag, and whether the output's is text/plain.
function styleContext(a, b, i, j) {
    const x = a[i - 1];
    const y = b[j - 1];
    const inStyle = x && y && x.type === 'starttag' && x.name === 'style'
        && y.type === 'starttag' && y.name === 'style';
    return [!!inStyle,
        !!inStyle && attrMap(y.attrs).get('type') === 'text/plain'];
}

// Whether the input has the same n tokens at i as the output at j.
function sameRun(inSrc, outSrc, a, b, i, j, n) {
    for (let k = 0; k < n; k++) {
        if (!a[i + k] || a[i + k].type !== b[j + k].type
            || raw(inSrc, a[i + k]) !== raw(outSrc, b[j + k]))
        {
            return false;
        }
    }
    return true;
}

// {edits: [{in, out, moved, typed, inertUrls}], injected: [name], corruptions:
//  [{inOffset, outOffset, what, input, output}], inOffsetOf: output start
//  tag offset -> input start tag offset, injectedTags: offsets of the
//  output's injected tokens, corrupted}.
export function compareStreams(inSrc, inTokens, outSrc, outTokens, apiPath) {
    const edits = [];
    const injected = [];
    const corruptions = [];
    const inOffsetOf = new Map();
    const injectedTags = new Set();
    let i = 0;
    let j = 0;

    while (i < inTokens.length || j < outTokens.length) {
        const x = inTokens[i];
        const y = outTokens[j];

        // Injection first: the fragment may start like the input's next
        // tag (<script> before the page's own <script>).
        const [n, name] = y ? injectedAt(outSrc, outTokens, j, apiPath)
            : [0, null];
        if (n > 0 && !sameRun(inSrc, outSrc, inTokens, outTokens, i, j, n)) {
            injected.push(name);
            for (let k = j; k < j + n; k++) {
                injectedTags.add(outTokens[k].start);
            }
            j += n;
            continue;
        }

        const edit = { moved: [], typed: false, inertUrls: null };
        const r = x && y ? compareToken(inSrc, outSrc, x, y, edit,
            ...styleContext(inTokens, outTokens, i, j)) : null;

        if (r === 'same' || r === 'edited') {
            if (x.type === 'starttag') {
                inOffsetOf.set(y.start, x.start);
            }
            if (r === 'edited') {
                edits.push({ in: x, out: y, moved: edit.moved,
                    typed: edit.typed, inertUrls: edit.inertUrls });
            }
            i++;
            j++;
            continue;
        }

        const report = {
            inOffset: x ? x.start : inSrc.length,
            outOffset: y ? y.start : outSrc.length,
            what: r || (x ? 'output ends early' : 'extra output at the end'),
            input: x ? snippet(inSrc, x) : '',
            output: y ? snippet(outSrc, y) : '',
        };
        corruptions.push(report);
        const next = corruptions.length < MAX_REPORTS
            ? resync(inSrc, outSrc, inTokens, outTokens, i, j) : null;
        if (next === null) {
            corruptions.push({ ...report, what: corruptions.length < MAX_REPORTS
                ? `no resynchronisation within ${RESYNC_WINDOW} tokens:`
                    + ' comparison stopped'
                : `${MAX_REPORTS} differences: comparison stopped` });
            return { edits, injected, injectedTags, corruptions, inOffsetOf,
                corrupted: true };
        }
        [i, j] = next;
    }
    return { edits, injected, injectedTags, corruptions, inOffsetOf,
        corrupted: corruptions.length > 0 };
}
