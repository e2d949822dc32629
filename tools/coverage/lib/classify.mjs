// Classification of URLs, independent of the module: the entity comes from
// the npm package third-party-web (pinned), the registrable domain from
// tldts (public-suffix aware).

import thirdPartyWeb from 'third-party-web';
import { getDomain } from 'tldts';

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

const entityCache = new Map();

function entityOfHost(host) {
    if (!entityCache.has(host)) {
        let e = null;
        try {
            e = thirdPartyWeb.getEntity(`https://${host}/`) || null;
        } catch {
            e = null;
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
    const consent = category ? TRACKER_CATEGORIES[category] || null : null;
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
