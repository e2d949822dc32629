// The rules that turn third-party-web, the Open Cookie Database and
// overrides.json into catalogue.json (docs/catalogue.md): pure, no I/O, so
// that tests can run them on small inputs. generate.mjs is the command.

import { csvRecords, slug, normName, validDomain, HostTable } from './lib.mjs';

const CATEGORY_MAP = {
    ad: 'marketing', social: 'marketing', marketing: 'marketing',
    analytics: 'analytics', 'tag-manager': 'analytics',
    video: 'preferences', 'customer-success': 'preferences',
    cdn: null, hosting: null, utility: null, content: null,
    'consent-provider': null, other: null,
};
const CATEGORIES = ['preferences', 'analytics', 'marketing'];
const LANGUAGES = ['en', 'de', 'fr'];

// OCD cookie categories -> ours. "Functional" in the OCD is mostly what
// ePrivacy art. 5(3) exempts (sessions, CSRF, load balancing, consent
// state); it is "necessary" for services the module does not block, and
// "preferences" for services that wait for consent anyway, so that no
// cookie of a consent-gated service claims the exemption.
function cookieCategory(ocd, entityCategory) {
    switch (ocd) {
    case 'Marketing': return 'marketing';
    case 'Analytics': return 'analytics';
    case 'Personalization': return 'preferences';
    case 'Security':
    case 'Necessary': return 'necessary';
    case 'Functional': return entityCategory === null ? 'necessary'
                                                      : 'preferences';
    default: throw new Error(`OCD: unknown category "${ocd}"`);
    }
}

// third-party-web entities with our ids and categories.
function loadEntities(tpw) {
    const bySlug = new Map();

    // Names are unique in the dataset; equal slugs get -2, -3... in name order.
    const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    const sorted = [...tpw].sort((a, b) =>
        cmp(slug(a.name), slug(b.name)) || cmp(a.name, b.name));
    for (const t of sorted) {
        if (!(t.category in CATEGORY_MAP)) {
            throw new Error(`third-party-web: unknown category "${t.category}" ` +
                `of "${t.name}"`);
        }
        let id = slug(t.name);
        for (let n = 2; bySlug.has(id); n++) {
            id = `${slug(t.name)}-${n}`;
        }
        const e = {
            id,
            name: t.name,
            company: t.company || t.name,
            category: CATEGORY_MAP[t.category],
            source_category: t.category,
            homepage: t.homepage,
            domains: [...new Set(t.domains.map((d) => d.toLowerCase()))],
            cookies: [],
        };
        bySlug.set(id, e);
    }
    return bySlug;
}

// Entities by name key; a key two entities share matches neither (null).
function nameIndex(entities) {
    const byName = new Map();
    for (const e of entities) {
        const k = normName(e.name);
        byName.set(k, byName.has(k) ? null : e);
    }
    return byName;
}

// Entities third-party-web lacks, in the output format plus a "why".
function addEntities(overrides, bySlug) {
    for (const a of overrides.add) {
        if (typeof a.why !== 'string' || a.why === '') {
            throw new Error(`overrides.json: added "${a.id}" has no "why"`);
        }
        if (bySlug.has(a.id) || a.id !== slug(a.name)) {
            throw new Error(`overrides.json: added "${a.id}": id taken or ` +
                'not the slug of the name');
        }
        if (!CATEGORIES.includes(a.category) ||
            !(a.source_category in CATEGORY_MAP)) {
            throw new Error(`overrides.json: added "${a.id}": bad category`);
        }
        bySlug.set(a.id, {
            id: a.id, name: a.name, company: a.company, category: a.category,
            source_category: a.source_category, origin: 'overrides',
            homepage: a.homepage, domains: [...a.domains], cookies: [],
        });
    }
}

function applyOverrides(overrides, bySlug) {
    for (const [id, o] of Object.entries(overrides.entities)) {
        const e = bySlug.get(id);
        if (!e) {
            throw new Error(`overrides.json: no entity "${id}"`);
        }
        if (typeof o.why !== 'string' || o.why === '') {
            throw new Error(`overrides.json: entity "${id}" has no "why"`);
        }
        for (const k of Object.keys(o)) {
            if (!['why', 'category', 'domains_add', 'domains_remove',
                  'signatures', 'purpose', 'privacy_url'].includes(k)) {
                throw new Error(`overrides.json: entity "${id}": unknown ` +
                    `key "${k}"`);
            }
        }
        if ('category' in o) {
            if (o.category !== null && !CATEGORIES.includes(o.category)) {
                throw new Error(`overrides.json: "${id}": bad category`);
            }
            if (o.category === e.category) {
                throw new Error(`overrides.json: "${id}": category ` +
                    `"${o.category}" is already the dataset's`);
            }
            e.category = o.category;
        }
        for (const d of o.domains_remove || []) {
            if (!e.domains.includes(d)) {
                throw new Error(`overrides.json: "${id}" has no domain "${d}"`);
            }
            e.domains = e.domains.filter((x) => x !== d);
        }
        for (const d of o.domains_add || []) {
            if (e.domains.includes(d)) {
                throw new Error(`overrides.json: "${id}" already has "${d}"`);
            }
            e.domains.push(d);
        }
        if (o.signatures) {
            e.signatures = [...new Set(o.signatures)].sort();
        }
        if (o.purpose) {
            for (const l of LANGUAGES) {
                if (typeof o.purpose[l] !== 'string') {
                    throw new Error(`overrides.json: "${id}": purpose ` +
                        `lacks "${l}"`);
                }
            }
            e.purpose = o.purpose;
        }
        if (o.privacy_url) {
            e.privacy_url = o.privacy_url;
        }
    }
}

// The OCD's Domain column, e.g. ".bing.com (3rd party) or .microsoft.com",
// as hosts.
function ocdHosts(field) {
    return (field.toLowerCase().match(/[a-z0-9][a-z0-9.-]*\.[a-z]{2,}/g) || [])
        .map((h) => h.replace(/^\.+/, ''));
}

// Cookie names: RFC 6265 token characters (and ':', which browsers take),
// optionally ending in the OCD's "*" for a prefix.
const COOKIE_NAME_RE = /^[!#$%&'+\-.^_`|~0-9A-Za-z:]+\*?$/;

function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function joinCookies(records, overrides, ent, table, stats) {
    const aliases = overrides.aliases;
    const used = new Map();
    for (const a of aliases) {
        if (typeof a.why !== 'string' || a.why === '') {
            throw new Error(`overrides.json: alias "${a.platform}" has no "why"`);
        }
        if (a.entity !== null && !ent.bySlug.has(a.entity)) {
            throw new Error(`overrides.json: alias "${a.platform}" -> ` +
                `no entity "${a.entity}"`);
        }
        used.set(a, 0);
    }

    // Alias (cookie-specific first), then the record's Domain column, then
    // the platform's name.
    const entityOf = (platform, name, domain) => {
        const alias = aliases.find((a) => a.platform === platform &&
            a.cookies && a.cookies.includes(name)) ||
            aliases.find((a) => a.platform === platform && !a.cookies);
        if (alias) {
            used.set(alias, used.get(alias) + 1);
            return { e: alias.entity && ent.bySlug.get(alias.entity),
                     how: 'alias' };
        }
        const e = ocdHosts(domain).map((h) => table.lookup(h)).find(Boolean);
        if (e) {
            return { e, how: 'domain' };
        }
        return { e: ent.byName.get(normName(platform)) || null, how: 'name' };
    };

    const rows = [...records].sort((x, y) =>
        (x.ID < y.ID ? -1 : x.ID > y.ID ? 1 : 0));
    const portals = new Map();
    for (const r of rows) {
        const platform = r.Platform.trim();
        let name = r['Cookie / Data Key name'].trim();
        const { e, how } = entityOf(platform, name, r.Domain);
        if (!e) {
            stats.unmatched.set(platform,
                (stats.unmatched.get(platform) || 0) + 1);
            continue;
        }
        if (!COOKIE_NAME_RE.test(name)) {
            stats.badName.push(`${platform}: "${name}"`);
            continue;
        }
        const pair = `${platform} -> ${e.id} (${how})`;
        stats.pairs.set(pair, (stats.pairs.get(pair) || 0) + 1);
        // A few records write the prefix wildcard into the name ("SCM*").
        const wildcard = r['Wildcard match'].trim() === '1' ||
            name.endsWith('*');
        name = name.replace(/\*$/, '');
        const pattern = wildcard ? `^${escapeRegex(name)}.*$`
                                 : `^${escapeRegex(name)}$`;
        if (e.cookies.some((c) => c.pattern === pattern)) {
            stats.duplicate++;
            continue;
        }
        const c = {
            name,
            display: wildcard ? `${name}*` : name,
            pattern,
        };
        const retention = r['Retention period'].trim().replace(/\s+/g, ' ');
        if (retention !== '' && !/^(unknown|pending)$/i.test(retention)) {
            c.retention = retention;
        }
        c.category = cookieCategory(r.Category.trim(), e.category);
        const controller = r['Data Controller'].trim();
        if (controller !== '') {
            c.controller = controller;
        }
        e.cookies.push(c);
        stats.joined++;
        stats.via[how]++;
        const portal = r['User Privacy & GDPR Rights Portals'].trim();
        if (/^https:\/\/[^\s]+$/.test(portal)) {
            const m = portals.get(e) || new Map();
            m.set(portal, (m.get(portal) || 0) + 1);
            portals.set(e, m);
        }
    }
    // The portal most of the entity's cookies name (ties: the smallest URL).
    for (const [e, m] of portals) {
        if (!e.privacy_url) {
            e.privacy_url = [...m].sort((x, y) => y[1] - x[1] ||
                (x[0] < y[0] ? -1 : 1))[0][0];
        }
    }
    for (const [a, n] of used) {
        if (n === 0) {
            throw new Error(`overrides.json: alias "${a.platform}" matches ` +
                `no OCD record`);
        }
    }
}

// Fixed key order, sorted lists: the output depends on the inputs only.
function serialise(entities, sources) {
    const keys = ['id', 'name', 'company', 'category', 'source_category',
        'origin', 'homepage', 'privacy_url', 'purpose', 'domains', 'signatures',
        'cookies'];
    const cookieKeys = ['name', 'display', 'pattern', 'retention', 'category',
        'controller'];
    const pick = (o, ks) => Object.fromEntries(ks.filter((k) =>
        o[k] !== undefined).map((k) => [k, o[k]]));
    const lines = entities.map((e) => {
        const o = pick(e, keys);
        o.purpose = e.purpose && pick(e.purpose, LANGUAGES);
        o.cookies = e.cookies.length ? e.cookies.map((c) => pick(c, cookieKeys))
                                     : undefined;
        return JSON.stringify(pick(o, keys));
    });
    return '{"format":1,\n' +
        '"generated_by":"tools/catalogue/generate.mjs",\n' +
        `"sources":[\n${sources.map((s) => JSON.stringify(s)).join(',\n')}\n],\n` +
        `"entities":[\n${lines.join(',\n')}\n]}\n`;
}

// The catalogue from its inputs, all given: tpw (third-party-web's
// entities.json), tpwVersion, ocdText (the OCD CSV), ocdVersion, overrides
// (overrides.json). Returns the file's text, the entities and the join
// statistics; throws on any inconsistency of the inputs.
export function buildCatalogue({ tpw, tpwVersion, ocdText, ocdVersion,
                                 overrides: given }) {
    const overrides = { aliases: [], entities: {}, add: [], ...given };
    const bySlug = loadEntities(tpw);
    addEntities(overrides, bySlug);
    applyOverrides(overrides, bySlug);
    const ent = { bySlug, byName: nameIndex(bySlug.values()) };

    // An entity without hosts can match nothing (third-party-web's "Unknown").
    const hostless = [...ent.bySlug.values()].filter((e) => !e.domains.length);
    const entities = [...ent.bySlug.values()].filter((e) => e.domains.length)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    const table = new HostTable();
    const owner = new Map();
    for (const e of entities) {
        for (const d of e.domains) {
            if (!validDomain(d)) {
                throw new Error(`"${e.id}": invalid domain "${d}"`);
            }
            const key = d.replace(/^\*\./, '');
            if (owner.has(key) && owner.get(key) !== e) {
                throw new Error(`domain "${key}" in "${owner.get(key).id}" ` +
                    `and "${e.id}"`);
            }
            owner.set(key, e);
            table.add(d, e);
        }
        e.domains.sort();
    }

    const stats = { records: 0, joined: 0, duplicate: 0, badName: [],
                    unmatched: new Map(), pairs: new Map(),
                    via: { alias: 0, domain: 0, name: 0 } };
    const records = csvRecords(ocdText);
    stats.records = records.length;
    joinCookies(records, overrides, ent, table, stats);
    for (const e of entities) {
        e.cookies.sort((a, b) => (a.display < b.display ? -1 :
            a.display > b.display ? 1 : a.pattern < b.pattern ? -1 : 1));
    }

    const sources = [
        { name: 'third-party-web', version: tpwVersion, licence: 'MIT',
          url: 'https://github.com/patrickhulce/third-party-web' },
        { name: 'Open Cookie Database', version: ocdVersion,
          licence: 'Apache-2.0',
          url: 'https://github.com/jkwakman/Open-Cookie-Database' },
        { name: 'ngx_consent overrides', file: 'tools/catalogue/overrides.json',
          licence: 'BSD-2-Clause' },
    ];
    return { text: serialise(entities, sources), entities, hostless, stats };
}
