#!/usr/bin/env node
// Generates ngx_consent_module/assets/catalogue.json (docs/catalogue.md) from
// third-party-web (pinned in package.json), the Open Cookie Database and
// overrides.json. Same inputs, same bytes.
//
//   node tools/catalogue/generate.mjs [--ocd CSV] [--out FILE|-] [--report]
//                                     [--joins]
//
// The OCD CSV defaults to $CATALOGUE_OCD, then
// ../shared/data/open-cookie-database/open-cookie-database.csv next to the
// repository. --report prints the numbers to stderr; --joins also lists
// which OCD platform went to which entity, and the platforms left out.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { csvRecords, slug, normName, validDomain, HostTable } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

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

function parseArgs(argv) {
    const args = {
        ocd: process.env.CATALOGUE_OCD || path.resolve(root, '..', 'shared',
            'data', 'open-cookie-database', 'open-cookie-database.csv'),
        out: path.join(root, 'ngx_consent_module', 'assets', 'catalogue.json'),
        report: false,
        joins: false,
    };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--ocd' && i + 1 < argv.length) {
            args.ocd = argv[++i];
        } else if (argv[i] === '--out' && i + 1 < argv.length) {
            args.out = argv[++i];
        } else if (argv[i] === '--report') {
            args.report = true;
        } else if (argv[i] === '--joins') {
            args.report = true;
            args.joins = true;
        } else {
            throw new Error(`usage: generate.mjs [--ocd CSV] [--out FILE|-] ` +
                `[--report] [--joins] (unknown argument "${argv[i]}")`);
        }
    }
    return args;
}

function fail(msg) {
    process.stderr.write(`generate.mjs: ${msg}\n`);
    process.exit(1);
}

// third-party-web entities with our ids and categories.
function loadEntities() {
    const tpw = require('third-party-web/dist/entities.json');
    const byName = new Map();
    const bySlug = new Map();

    // Names are unique in the dataset; equal slugs get -2, -3... in name order.
    const sorted = [...tpw].sort((a, b) =>
        slug(a.name).localeCompare(slug(b.name), 'en') ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
        byName.set(normName(t.name), e);
    }
    return { tpwCount: tpw.length, bySlug, byName };
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
    for (const a of aliases) {
        if (typeof a.why !== 'string' || a.why === '') {
            throw new Error(`overrides.json: alias "${a.platform}" has no "why"`);
        }
        if (a.entity !== null && !ent.bySlug.has(a.entity)) {
            throw new Error(`overrides.json: alias "${a.platform}" -> ` +
                `no entity "${a.entity}"`);
        }
        a.used = 0;
    }

    // Alias (cookie-specific first), then the record's Domain column, then
    // the platform's name.
    const entityOf = (platform, name, domain) => {
        const alias = aliases.find((a) => a.platform === platform &&
            a.cookies && a.cookies.includes(name)) ||
            aliases.find((a) => a.platform === platform && !a.cookies);
        if (alias) {
            alias.used++;
            return { e: alias.entity && ent.bySlug.get(alias.entity),
                     how: 'alias' };
        }
        const e = ocdHosts(domain).map((h) => table.lookup(h)).find(Boolean);
        if (e) {
            return { e, how: 'domain' };
        }
        return { e: ent.byName.get(normName(platform)), how: 'name' };
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
    for (const a of aliases) {
        if (a.used === 0) {
            throw new Error(`overrides.json: alias "${a.platform}" matches ` +
                `no OCD record`);
        }
        delete a.used;
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

function main() {
    const args = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(args.ocd)) {
        fail(`no Open Cookie Database at ${args.ocd} ` +
             '(set CATALOGUE_OCD or pass --ocd)');
    }
    const ocdSource = path.join(path.dirname(args.ocd), 'SOURCE');
    const ocdVersion = fs.existsSync(ocdSource)
        ? (fs.readFileSync(ocdSource, 'utf8').split(/\s+/)[1] || 'unknown')
        : 'unknown';
    const tpwVersion = require('third-party-web/package.json').version;
    const overrides = JSON.parse(fs.readFileSync(path.join(here,
        'overrides.json'), 'utf8'));

    const ent = loadEntities();
    addEntities(overrides, ent.bySlug);
    applyOverrides(overrides, ent.bySlug);

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

    const stats = { joined: 0, duplicate: 0, badName: [], unmatched: new Map(), pairs: new Map(),
                    via: { alias: 0, domain: 0, name: 0 } };
    const records = csvRecords(fs.readFileSync(args.ocd, 'utf8'));
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
    const out = serialise(entities, sources);
    if (args.out === '-') {
        process.stdout.write(out);
    } else if (!fs.existsSync(args.out) ||
               fs.readFileSync(args.out, 'utf8') !== out) {
        // Unchanged output keeps its mtime: make does not rebuild the module.
        fs.writeFileSync(args.out, out);
    }

    if (args.report) {
        const count = {};
        for (const e of entities) {
            count[e.category] = (count[e.category] || 0) + 1;
        }
        const withCookies = entities.filter((e) => e.cookies.length).length;
        const log = (s) => process.stderr.write(`${s}\n`);
        log(`entities: ${entities.length} (third-party-web: ${ent.tpwCount}, ` +
            `added: ${overrides.add.length}, without hosts, left out: ` +
            `${hostless.map((e) => e.id).join(' ')})`);
        log(`by category: ${Object.entries(count).map(([k, v]) =>
            `${k} ${v}`).join(', ')}`);
        log(`domains: ${entities.reduce((n, e) => n + e.domains.length, 0)}`);
        log(`signatures: ${entities.reduce((n, e) =>
            n + (e.signatures || []).length, 0)} in ${entities.filter((e) =>
            e.signatures).length} entities`);
        log(`purposes: ${entities.filter((e) => e.purpose).length} entities`);
        log(`OCD records: ${records.length}; cookies joined: ${stats.joined} ` +
            `(alias ${stats.via.alias}, domain ${stats.via.domain}, name ` +
            `${stats.via.name}; duplicates dropped ${stats.duplicate}, ` +
            `bad names ${stats.badName.length}: ${stats.badName.join('; ')})`);
        log(`entities with cookies: ${withCookies}`);
        log(`OCD platforms joined: ${new Set([...stats.pairs.keys()].map((p) =>
            p.split(' -> ')[0])).size}; without entity: ` +
            `${stats.unmatched.size} ` +
            `(${[...stats.unmatched.values()].reduce((a, b) => a + b, 0)} ` +
            'records)');
        if (args.joins) {
            log('OCD platform -> entity (how): records');
            log([...stats.pairs].sort().map(([p, n]) =>
                `  ${p}: ${n}`).join('\n'));
            log('OCD platforms without entity: records');
            log([...stats.unmatched].sort((a, b) => b[1] - a[1] ||
                (a[0] < b[0] ? -1 : 1)).map(([p, n]) =>
                `  ${n} ${p}`).join('\n'));
        }
    }
}

try {
    main();
} catch (err) {
    fail(err.message);
}
