#!/usr/bin/env node
// Reports, for the real pages of ../shared/data/realworld-pages, the
// third-party hosts of <script>, <iframe> and <img> elements (and hosts
// spelled in inline scripts) that the committed catalogue maps to no entity
// or to a category the module does not block, by number of pages. A rough
// regex survey to decide overrides, not the module's parser.
//
//   node tools/catalogue/check-pages.mjs [--pages DIR] [--top N] [--all]
//                                        [--elements]
//
// --all lists every third-party host with its entity, not only the gaps;
// --elements only hosts that elements load (not those only named inline).
// Then, for each inline signature, the pages whose inline scripts hold it
// and how many of those load the entity by host too (a signature on pages
// that never load its entity may be a false positive).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { HostTable } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

const args = { pages: process.env.CATALOGUE_PAGES ||
    path.resolve(root, '..', 'shared', 'data', 'realworld-pages'),
    top: 30, all: false, elements: false };
for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (a === '--pages' && i + 1 < process.argv.length) {
        args.pages = process.argv[++i];
    } else if (a === '--top' && i + 1 < process.argv.length) {
        args.top = Number(process.argv[++i]);
    } else if (a === '--all') {
        args.all = true;
    } else if (a === '--elements') {
        args.elements = true;
    } else {
        process.stderr.write('usage: check-pages.mjs [--pages DIR] [--top N] ' +
            '[--all] [--elements]\n');
        process.exit(2);
    }
}

const catalogue = JSON.parse(fs.readFileSync(path.join(root,
    'ngx_consent_module', 'assets', 'catalogue.json'), 'utf8'));
const table = new HostTable();
for (const e of catalogue.entities) {
    for (const d of e.domains) {
        table.add(d, e);
    }
}

// Second-level labels under which sites register (co.uk, com.au...): enough
// to tell a page's own hosts from third parties in this survey.
const SLD = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne',
    'or', 'go']);
function site(host) {
    const l = host.split('.');
    const n = l.length >= 3 && SLD.has(l[l.length - 2]) ? 3 : 2;
    return l.slice(-n).join('.');
}

function hostOf(url) {
    const m = /^(?:https?:)?\/\/([^/?#:\\]+)/i.exec(url.trim()
        .replace(/&amp;/gi, '&').replace(/\\\//g, '/'));
    return m ? m[1].toLowerCase().replace(/\.$/, '') : null;
}

const ELEMENT_RE = /<(script|iframe|img)\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/gi;
// Inline JavaScript only (not JSON-LD, templates...); a URL is a scheme or a
// quote followed by //, so that comments ("//console.log") do not count.
const INLINE_RE = /<script\b([^>]*)>([\s\S]*?)<\/script/gi;
const NOT_JS_RE = /\stype\s*=\s*["']?(?!(?:text|application)\/(?:x-)?(?:java|ecma)script|module)[a-z]/i;
const INLINE_URL_RE = /(?:https?:|["'])\\?\/\\?\/([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/gi;

const pages = JSON.parse(fs.readFileSync(path.join(args.pages, 'pages.json'),
    'utf8')).pages;
const hosts = new Map();        // host -> {pages: Set, how: Set}
const signed = new Map();       // "entity signature" -> {pages, withHost}
const signatures = catalogue.entities.flatMap((e) =>
    (e.signatures || []).map((sig) => ({ e, sig })));
for (const p of pages) {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(args.pages,
        `${p.id}.html.gz`))).toString('latin1');
    const own = site(new URL(p.url).hostname);
    const seen = (h, how) => {
        if (!h || !h.includes('.') || site(h) === own) {
            return;
        }
        const s = hosts.get(h) || { pages: new Set(), how: new Set() };
        s.pages.add(p.id);
        s.how.add(how);
        hosts.set(h, s);
    };
    for (const m of html.matchAll(ELEMENT_RE)) {
        seen(hostOf(m[2]), m[1].toLowerCase());
    }
    const inline = [];
    for (const m of html.matchAll(INLINE_RE)) {
        if (NOT_JS_RE.test(m[1])) {
            continue;
        }
        inline.push(m[2]);
        for (const u of m[2].matchAll(INLINE_URL_RE)) {
            seen(u[1].toLowerCase(), 'inline');
        }
    }
    const loaded = new Set([...hosts].filter(([, s]) => s.pages.has(p.id))
        .map(([h]) => table.lookup(h)).filter(Boolean));
    for (const { e, sig } of signatures) {
        if (inline.some((js) => js.includes(sig))) {
            const k = `${e.id} ${sig}`;
            const s = signed.get(k) || { pages: 0, withHost: 0 };
            s.pages++;
            s.withHost += loaded.has(e) ? 1 : 0;
            signed.set(k, s);
        }
    }
}

const rows = [...hosts].map(([h, s]) => {
    const e = table.lookup(h);
    return { host: h, pages: s.pages.size, how: [...s.how].sort().join(','),
             entity: e ? e.id : '-', category: e ? String(e.category) : '-' };
}).sort((a, b) => b.pages - a.pages || (a.host < b.host ? -1 : 1));

const gaps = rows.filter((r) => r.category === '-' || r.category === 'null');
const show = (args.all ? rows : gaps).filter((r) => !args.elements ||
    r.how !== 'inline');
console.log(`${pages.length} pages, ${rows.length} third-party hosts, ` +
    `${rows.length - gaps.length} in a blocked category, ` +
    `${gaps.filter((r) => r.category === 'null').length} known and not ` +
    `blocked, ${gaps.filter((r) => r.category === '-').length} unknown`);
console.log('pages  host  (seen in)  entity  category');
for (const r of show.slice(0, args.all ? show.length : args.top)) {
    console.log(`${String(r.pages).padStart(5)}  ${r.host}  (${r.how})  ` +
        `${r.entity}  ${r.category}`);
}
console.log('\nsignatures: pages with it inline (of which load the entity by host)');
for (const [k, s] of [...signed].sort((a, b) => b[1].pages - a[1].pages ||
    (a[0] < b[0] ? -1 : 1))) {
    console.log(`${String(s.pages).padStart(5)} (${s.withHost})  ${k}`);
}
