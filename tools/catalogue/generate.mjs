#!/usr/bin/env node
// Generates ngx_consent_module/assets/catalogue.json (docs/catalogue.md) from
// third-party-web (pinned in package.json), the Open Cookie Database and
// overrides.json, by the rules of catalogue.mjs. Same inputs, same bytes.
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
import { buildCatalogue } from './catalogue.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

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

function main() {
    const args = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(args.ocd)) {
        fail(`no Open Cookie Database at ${args.ocd} ` +
             '(set CATALOGUE_OCD or pass --ocd)');
    }
    const ocdSource = path.join(path.dirname(args.ocd), 'SOURCE');
    const overrides = JSON.parse(fs.readFileSync(path.join(here,
        'overrides.json'), 'utf8'));
    const tpw = require('third-party-web/dist/entities.json');
    const { text, entities, hostless, stats } = buildCatalogue({
        tpw,
        tpwVersion: require('third-party-web/package.json').version,
        ocdText: fs.readFileSync(args.ocd, 'utf8'),
        ocdVersion: fs.existsSync(ocdSource)
            ? (fs.readFileSync(ocdSource, 'utf8').split(/\s+/)[1] || 'unknown')
            : 'unknown',
        overrides,
    });

    if (args.out === '-') {
        process.stdout.write(text);
    } else if (!fs.existsSync(args.out) ||
               fs.readFileSync(args.out, 'utf8') !== text) {
        // Unchanged output keeps its mtime: make does not rebuild the module.
        fs.writeFileSync(args.out, text);
    }
    if (args.report) {
        report(args, tpw, overrides, entities, hostless, stats);
    }
}

function report(args, tpw, overrides, entities, hostless, stats) {
    const count = {};
    for (const e of entities) {
        count[e.category] = (count[e.category] || 0) + 1;
    }
    const sum = (l) => l.reduce((a, b) => a + b, 0);
    const log = (s) => process.stderr.write(`${s}\n`);
    log(`entities: ${entities.length} (third-party-web: ${tpw.length}, ` +
        `added: ${overrides.add.length}, without hosts, left out: ` +
        `${hostless.map((e) => e.id).join(' ')})`);
    log(`by category: ${Object.entries(count).map(([k, v]) =>
        `${k} ${v}`).join(', ')}`);
    log(`domains: ${sum(entities.map((e) => e.domains.length))}`);
    log(`signatures: ${sum(entities.map((e) => (e.signatures || []).length))}` +
        ` in ${entities.filter((e) => e.signatures).length} entities`);
    log(`purposes: ${entities.filter((e) => e.purpose).length} entities`);
    log(`OCD records: ${stats.records}; cookies joined: ${stats.joined} ` +
        `(alias ${stats.via.alias}, domain ${stats.via.domain}, name ` +
        `${stats.via.name}; duplicates dropped ${stats.duplicate}, ` +
        `bad names ${stats.badName.length}: ${stats.badName.join('; ')})`);
    log(`entities with cookies: ${entities.filter((e) =>
        e.cookies.length).length}`);
    log(`OCD platforms joined: ${new Set([...stats.pairs.keys()].map((p) =>
        p.split(' -> ')[0])).size}; without entity: ` +
        `${stats.unmatched.size} (${sum([...stats.unmatched.values()])} ` +
        'records)');
    if (args.joins) {
        log('OCD platform -> entity (how): records');
        log([...stats.pairs].sort().map(([p, n]) => `  ${p}: ${n}`)
            .join('\n'));
        log('OCD platforms without entity: records');
        log([...stats.unmatched].sort((a, b) => b[1] - a[1] ||
            (a[0] < b[0] ? -1 : 1)).map(([p, n]) => `  ${n} ${p}`)
            .join('\n'));
    }
}

try {
    main();
} catch (err) {
    fail(err.message);
}
