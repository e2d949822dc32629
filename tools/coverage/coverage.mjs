#!/usr/bin/env node
// make coverage: every page of the real-world set through real nginx with
// the module (built-in policy, no consent cookie), measured independently
// of the module (docs/coverage.md).
//
//   node coverage.mjs --data DIR [--pages ID,ID...] [--verbose]
//                     [--json FILE] [--module SO] [--nginx BIN] [--workdir DIR]
//
// Exit status: 1 when a page is corrupted or nginx logged an alert, 2 on a
// usage or setup error, 0 otherwise (blocking below the goal included).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Nginx, API_PATH } from './lib/nginx.mjs';
import { measurePage, failedPage } from './lib/page.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOAL_PERCENT = 99;

function options() {
    const { values } = parseArgs({ options: {
        data: { type: 'string' },
        pages: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        json: { type: 'string' },
        module: { type: 'string', default: process.env.CONSENT_MODULE
            || path.join(REPO, 'build/ngx_http_consent_module.so') },
        nginx: { type: 'string',
            default: process.env.NGINX_BIN || '/usr/sbin/nginx' },
        workdir: { type: 'string',
            default: path.join(REPO, 'build/coverage') },
    } });
    if (!values.data) {
        throw new Error('--data DIR (the realworld-pages directory) is required');
    }
    return values;
}

function selectPages(data, only) {
    const all = JSON.parse(fs.readFileSync(path.join(data, 'pages.json'),
        'utf8')).pages;
    if (!only) {
        return all;
    }
    const ids = only.split(',');
    const unknown = ids.filter((id) => !all.some((p) => p.id === id));
    if (unknown.length) {
        throw new Error(`unknown page id: ${unknown.join(', ')}`);
    }
    return all.filter((p) => ids.includes(p.id));
}

async function measureAll(opts, pages) {
    const nginx = new Nginx({ dir: path.resolve(opts.workdir),
        module: path.resolve(opts.module), binary: opts.nginx });
    nginx.prepare();
    const inputs = new Map();
    for (const p of pages) {
        const html = zlib.gunzipSync(fs.readFileSync(
            path.join(opts.data, `${p.id}.html.gz`)));
        fs.writeFileSync(path.join(nginx.htmlDir, `${p.id}.html`), html);
        inputs.set(p.id, html.toString('latin1'));
    }

    const outDir = path.join(path.resolve(opts.workdir), 'out');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const results = [];
    await nginx.start();
    try {
        for (const p of pages) {
            let r;
            try {
                // served under its own name, as the site would be
                r = await nginx.get(`/${p.id}.html`, new URL(p.url).host);
            } catch (e) {
                results.push({ id: p.id, url: p.url,
                    ...failedPage(`fetch failed: ${e.message}`) });
                continue;
            }
            fs.writeFileSync(path.join(outDir, `${p.id}.html`), r.body);
            const m = r.status === 200
                ? measurePage(inputs.get(p.id), r.body.toString('latin1'),
                    p.url, API_PATH)
                : failedPage(`HTTP status ${r.status}`);
            results.push({ id: p.id, url: p.url, ...m });
        }
    } finally {
        await nginx.stop();
    }
    return { results, nginxErrors: nginx.errors() };
}

function percent(part, whole) {
    return whole === 0 ? 100 : (100 * part) / whole;
}

function totals(results) {
    const t = { pages: results.length, loaders: 0, active: 0, inline: 0,
        activeInline: 0, falsePositives: 0, unverified: 0, corrupted: 0,
        noBanner: [] };
    for (const r of results) {
        t.loaders += r.loaders;
        t.active += r.active.length;
        t.inline += r.inline;
        t.activeInline += r.activeInline;
        t.falsePositives += r.falsePositives.length;
        t.unverified += r.unverified.length;
        t.corrupted += r.corrupted ? 1 : 0;
        if (!r.injected.some((n) => n.startsWith('#consent'))) {
            t.noBanner.push(r.id);
        }
    }
    t.neutralised = Math.max(0, t.loaders - t.active);
    t.percent = percent(t.neutralised, t.loaders);
    t.goalMet = t.percent >= GOAL_PERCENT && t.falsePositives === 0;
    return t;
}

function activeByEntity(results) {
    const m = new Map();
    for (const r of results) {
        for (const a of r.active) {
            const k = `${a.entity} (${a.category} -> ${a.consent})`;
            const e = m.get(k) || { count: 0, pages: new Set() };
            e.count++;
            e.pages.add(r.id);
            m.set(k, e);
        }
    }
    return [...m].sort((x, y) => y[1].count - x[1].count
        || x[0].localeCompare(y[0]));
}

function report(results, t, opts, nginxErrors) {
    const out = [];
    const say = (s = '') => out.push(s);

    say(`active tracker loaders by entity (${t.active}):`);
    say('  count  pages  entity (third-party-web category -> consent category)');
    for (const [k, e] of activeByEntity(results)) {
        say(`  ${String(e.count).padStart(5)}  ${String(e.pages.size)
            .padStart(5)}  ${k}`);
    }
    say();

    say(`false positives (${t.falsePositives}):`);
    for (const r of results) {
        for (const f of r.falsePositives) {
            say(`  ${r.id} @${f.offset}: ${f.why}: ${f.url || f.tag}`);
        }
    }
    say();

    say(`inline scripts neutralised that name no tracker host (not counted`
        + ` as false positives; the module matched their code): ${t.unverified}`);
    if (opts.verbose) {
        for (const r of results) {
            for (const u of r.unverified) {
                say(`  ${r.id} @${u.offset}: ${JSON.stringify(u.text)}`);
            }
        }
    }
    say();

    say(`corrupted pages (${t.corrupted}):`);
    for (const r of results.filter((x) => x.corrupted)) {
        for (const c of r.corruptions) {
            say(`  ${r.id} input @${c.inOffset} output @${c.outOffset}: ${c.what}`);
            if (c.input || c.output) {
                say(`      input:  ${c.input}`);
                say(`      output: ${c.output}`);
            }
        }
    }
    if (t.noBanner.length) {
        say(`pages without the injected banner (the filter did not run?): `
            + t.noBanner.join(' '));
    }
    if (nginxErrors) {
        say(`nginx logged errors:\n${nginxErrors}`);
    }
    say();

    if (opts.verbose) {
        const w = Math.max(4, ...results.map((r) => r.id.length));
        say(`${'page'.padEnd(w)}  loaders  active  inline  FP  corrupted`);
        for (const r of results) {
            say(`${r.id.padEnd(w)}  ${String(r.loaders).padStart(7)}  ${
                String(r.active.length).padStart(6)}  ${
                String(r.inline).padStart(6)}  ${
                String(r.falsePositives.length).padStart(2)}  ${
                r.corrupted ? 'yes' : 'no'}`);
        }
        say();
        say('active tracker loaders by page:');
        for (const r of results) {
            for (const a of r.active) {
                say(`  ${r.id} @${a.offset} <${a.tag}>${a.inline ? ' inline'
                    : ''} ${a.entity}: ${a.url.slice(0, 120)}`);
            }
        }
        say();
    }

    const kinds = new Map();
    for (const r of results) {
        for (const a of r.active) {
            const k = a.inline ? 'inline script' : `<${a.tag}>`;
            kinds.set(k, (kinds.get(k) || 0) + 1);
        }
    }
    say(`active by element: ${[...kinds].sort((x, y) => y[1] - x[1])
        .map(([k, c]) => `${k} ${c}`).join(', ')}`);
    say(`inline tracker loaders: ${t.inline}, ${t.activeInline} active`);
    say(`coverage: ${t.loaders} tracker loaders, ${t.neutralised} neutralised`
        + ` (${t.percent.toFixed(1)}%), ${t.active} active, ${
            t.falsePositives} false positives, ${t.corrupted} pages corrupted`);
    say(`${t.goalMet ? 'goal met' : 'goal not met'} (>= ${GOAL_PERCENT}%`
        + ' neutralised and 0 false positives)');
    return out.join('\n');
}

async function main() {
    let opts;
    let pages;
    try {
        opts = options();
        if (!fs.existsSync(path.join(opts.data, 'pages.json'))) {
            console.log(`coverage: skipped, ${opts.data}/pages.json is missing`);
            return 0;
        }
        pages = selectPages(opts.data, opts.pages);
        if (!fs.existsSync(opts.module)) {
            throw new Error(`${opts.module} is missing: run make first`);
        }
    } catch (e) {
        console.error(`coverage: ${e.message}`);
        return 2;
    }

    const started = Date.now();
    let measured;
    try {
        measured = await measureAll(opts, pages);
    } catch (e) {
        console.error(`coverage: ${e.message}`);
        return 2;
    }
    const { results, nginxErrors } = measured;
    const t = totals(results);
    console.log(`coverage: ${pages.length} pages through ${opts.nginx} with `
        + `${path.relative(process.cwd(), path.resolve(opts.module))}`
        + ' (built-in policy, no consent cookie)\n');
    console.log(report(results, t, opts, nginxErrors));
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);

    if (opts.json) {
        fs.writeFileSync(opts.json, JSON.stringify({ summary: t, nginxErrors,
            pages: results }, null, 1));
    }
    return t.corrupted > 0 || nginxErrors ? 1 : 0;
}

process.exitCode = await main();
