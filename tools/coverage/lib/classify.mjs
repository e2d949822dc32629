// Classification of URLs, independent of the module's code: the entity
// comes from the npm package third-party-web (pinned), corrected by the
// project's reviewed overrides (tools/catalogue/overrides.json: every entry
// says why), the registrable domain from tldts (public-suffix aware).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import thirdPartyWeb from 'third-party-web';
import { getDomain } from 'tldts';

const OVERRIDES = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
    '../../catalogue/overrides.json');

// third-party-web category -> consent category; the rest is not a tracker.
export const TRACKER_CATEGORIES = {
    'ad': 'marketing',
    'social': 'marketing',
    'marketing': 'marketing',
    'analytics': 'analytics',
    'tag-manager': 'analytics',
    'video': 'preferences',
    'customer-success': 'preferences',
};

// An entity's id as the catalogue spells it: its name, lowercased, runs of
// other characters as '-'.
function idOf(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}

// "*.d" matches d and its subdomains, "d" only d.
function domainMatches(pattern, host) {
    if (pattern.startsWith('*.')) {
        const d = pattern.slice(2);
        return host === d || host.endsWith(`.${d}`);
    }
    return host === pattern;
}

// The reviewed corrections: categories by entity id, domains moved to or
// added for an entity, entities the dataset lacks.
function loadOverrides() {
    const o = JSON.parse(fs.readFileSync(OVERRIDES, 'utf8'));
    const categories = new Map();
    const removed = new Map();
    const added = [];
    for (const [id, e] of Object.entries(o.entities || {})) {
        if ('category' in e) {
            categories.set(id, e.category);
        }
        if (e.domains_remove) {
            removed.set(id, e.domains_remove);
        }
        for (const d of e.domains_add || []) {
            added.push({ pattern: d, id, name: null });
        }
    }
    for (const e of o.add || []) {
        categories.set(e.id, e.category);
        for (const d of e.domains) {
            added.push({ pattern: d, id: e.id, name: e.name });
        }
    }
    return { categories, removed, added };
}

const overrides = loadOverrides();
const entityCache = new Map();

// {name, id, category (third-party-web's), consent} or null.
function lookupHost(host) {
    for (const a of overrides.added) {
        if (domainMatches(a.pattern, host)) {
            const tpw = a.name ? null : thirdPartyWeb.entities.find(
                (e) => idOf(e.name) === a.id);
            const name = a.name || (tpw ? tpw.name : a.id);
            return { name, id: a.id, category: tpw ? tpw.category : null };
        }
    }
    let e = null;
    try {
        e = thirdPartyWeb.getEntity(`https://${host}/`) || null;
    } catch {
        e = null;
    }
    if (e === null) {
        return null;
    }
    const id = idOf(e.name);
    if ((overrides.removed.get(id) || []).some(
        (p) => domainMatches(p, host))) {
        return null;
    }
    return { name: e.name, id, category: e.category };
}

function entityOfHost(host) {
    if (!entityCache.has(host)) {
        const e = lookupHost(host);
        if (e !== null) {
            e.consent = overrides.categories.has(e.id)
                ? overrides.categories.get(e.id)
                : TRACKER_CATEGORIES[e.category] || null;
        }
        entityCache.set(host, e);
    }
    return entityCache.get(host);
}

// A URL string resolved against base, or null when it loads nothing over
// the network (empty, data:, javascript:, unparsable).
export function resolveUrl(value, base) {
    const v = (value || '').trim();
    if (v === '') {
        return null;
    }
    let u;
    try {
        u = new URL(v, base);
    } catch {
        return null;
    }
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

export function registrableDomain(host) {
    return getDomain(host, { allowPrivateDomains: false }) || host;
}

// {host, firstParty, entity, category, tracker, consent} for a host seen
// on a page whose registrable domain is pageDomain.
export function classifyHost(host, pageDomain) {
    const h = host.toLowerCase().replace(/\.$/, '');
    const firstParty = registrableDomain(h) === pageDomain;
    const e = entityOfHost(h);
    const category = e ? e.category : null;
    const consent = e ? e.consent : null;
    return {
        host: h,
        firstParty,
        entity: e ? e.name : null,
        category,
        consent,
        tracker: !firstParty && consent !== null,
    };
}

// Host-like tokens in script text: URLs (also with escaped slashes) and
// bare host names; each distinct host once.
const HOST_TOKEN = /(?:https?:)?\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)|\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})\b/gi;

export function hostsInText(text) {
    const t = text.replace(/\\\//g, '/').replace(/\\x2f|\\u002f/gi, '/');
    const hosts = new Set();
    for (const m of t.matchAll(HOST_TOKEN)) {
        hosts.add((m[1] || m[2]).toLowerCase());
    }
    return [...hosts];
}
