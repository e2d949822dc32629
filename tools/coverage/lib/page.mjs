// The measure of one page: its tracker loaders in the input, those still
// active in the module's output, false positives and corruption.

import { parseDocument, attrMap } from './html.mjs';
import { cssUrls, findLoaders, srcsetUrls } from './loaders.mjs';
import { classifyHost, resolveUrl } from './classify.mjs';
import { compareStreams } from './compare.mjs';

// An active loader of the output, at its offset in the input (-1 when the
// output has it where the input has none).
function describe(l, inOffsetOf) {
    const c = l.tracker;
    return { tag: l.tag, inline: l.inline, url: l.url,
        offset: inOffsetOf.has(l.offset) ? inOffsetOf.get(l.offset) : -1,
        entity: c.entity, category: c.category, consent: c.consent };
}

// Why a neutralised element with these URLs is not a tracker loader, or
// null when one of them is a tracker's.
function notTracker(urls, pageDomain) {
    let why = null;
    for (const raw of urls) {
        const c = classifyHost(new URL(raw).hostname, pageDomain);
        if (c.tracker) {
            return null;
        }
        why = why || (c.firstParty ? 'first party'
            : c.entity ? `${c.entity} is ${c.category}, not a tracker`
                : 'unknown third party');
    }
    return why || 'no URL';
}

// The URLs of the attributes an edit moved away, resolved.
function movedUrls(edit, base) {
    const attrs = attrMap(edit.in.attrs);
    const urls = [];
    for (const name of edit.moved) {
        const v = attrs.get(name);
        const parts = name.endsWith('srcset') ? srcsetUrls(v)
            : name === 'style' ? cssUrls(v) : [v];
        for (const p of parts) {
            const u = resolveUrl(p, base);
            if (u) {
                urls.push(u.href);
            }
        }
    }
    return urls;
}

function classifyEdits(edits, input, inLoaders, outSrc) {
    const inlineTrackers = new Set(inLoaders.loaders
        .filter((l) => l.inline).map((l) => l.offset));
    const dataBlocks = new Set(inLoaders.dataBlocks);
    const falsePositives = [];
    const unverified = [];
    let neutralised = 0;

    for (const e of edits) {
        const tag = outSrc.slice(e.out.start, e.out.end);
        const at = { offset: e.in.start, tag: tag.slice(0, 200) };

        if (dataBlocks.has(e.in.start)) {
            falsePositives.push({ ...at, why: 'data block touched' });
            continue;
        }
        const a = attrMap(e.in.attrs);
        let css = null;

        if (e.inertUrls) {
            if (!e.inertUrls.length) {
                continue;           // only the rule of a stopped style
            }
            css = e.inertUrls;      // a long style's URLs made inert in place
        } else if (!e.moved.length && !e.typed) {
            continue;               // markers only
        } else if (e.in.name === 'style' && e.typed) {
            const text = input.slice(e.in.end);
            const end = text.search(/<\/style/i);
            css = cssUrls(end < 0 ? text : text.slice(0, end))
                .concat(movedUrls(e, inLoaders.base));
        }
        neutralised++;
        if (css !== null) {
            const resolved = css.map((u) => resolveUrl(u, inLoaders.base))
                .filter((u) => u).map((u) => u.href);
            const why = notTracker(resolved, inLoaders.pageDomain);
            if (why) {
                falsePositives.push({ ...at, url: resolved[0] || '', why });
            }
            continue;
        }
        if (e.in.name === 'script' && !a.has('src')) {
            if (!inlineTrackers.has(e.in.start)) {
                unverified.push({ ...at, text: input.slice(e.in.end,
                    e.in.end + 100).split('</script')[0] });
            }
            continue;
        }
        const urls = e.moved.length ? movedUrls(e, inLoaders.base)
            : [resolveUrl(a.get('src'), inLoaders.base)]
                .filter((u) => u).map((u) => u.href);
        const why = notTracker(urls, inLoaders.pageDomain);
        if (why) {
            falsePositives.push({ ...at, url: urls[0] || '', why });
        }
    }
    return { neutralised, falsePositives, unverified };
}

// input, output: the page and the module's output as latin1 strings.
export function measurePage(input, output, pageUrl, apiPath) {
    const a = parseDocument(input);
    const b = parseDocument(output);
    const inLoaders = findLoaders(a.document, pageUrl);
    const outLoaders = findLoaders(b.document, pageUrl);
    const cmp = compareStreams(input, a.tokens, output, b.tokens, apiPath);
    const edits = classifyEdits(cmp.edits, input, inLoaders, output);

    const trackersIn = inLoaders.loaders.filter((l) => l.tracker);
    // The injected fragments are the module's own (their relative URLs
    // follow the page's <base>, which may name another host).
    const active = outLoaders.loaders
        .filter((l) => l.tracker && !cmp.injectedTags.has(l.offset))
        .map((l) => describe(l, cmp.inOffsetOf));

    return {
        loaders: trackersIn.length,
        inline: trackersIn.filter((l) => l.inline).length,
        activeInline: active.filter((l) => l.inline).length,
        active,
        edited: edits.neutralised,
        falsePositives: edits.falsePositives,
        unverified: edits.unverified,
        injected: cmp.injected,
        corruptions: cmp.corruptions,
        corrupted: cmp.corrupted,
    };
}

// A page whose output could not be measured: corrupted, nothing counted.
export function failedPage(what) {
    return { loaders: 0, inline: 0, activeInline: 0, active: [], edited: 0,
        falsePositives: [], unverified: [], injected: [], corrupted: true,
        corruptions: [{ inOffset: 0, outOffset: 0, what, input: '',
            output: '' }] };
}
