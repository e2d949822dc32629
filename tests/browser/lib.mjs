// What every browser test shares: TAP output, the environment checks
// (Chromium, the built module, playwright-core), the test site's files and
// nginx.conf, ports and polling, and the end of a run (the nginx error log
// checked, the plan printed).

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const repo = path.resolve(here, '..', '..');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const modulePath = process.env.CONSENT_MODULE
    || path.join(repo, 'build', 'ngx_http_consent_module.so');

let tapN = 0;
let tapFailed = 0;

export function diag(text) {
    for (const line of String(text).split('\n')) {
        console.log(`# ${line}`);
    }
}

export function ok(cond, name, detail) {
    tapN++;
    if (!cond) {
        tapFailed++;
    }
    console.log(`${cond ? '' : 'not '}ok ${tapN} - ${name}`);
    if (!cond && detail !== undefined) {
        diag(typeof detail === 'string' ? detail : JSON.stringify(detail));
    }
    return !!cond;
}

export function is(got, want, name) {
    return ok(got === want, name,
              `got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

export function skipAll(reason) {
    console.log(`1..0 # SKIP ${reason}`);
    process.exit(0);
}

// Chromium, the module and playwright-core, or the whole test skips.
export async function requireBrowser() {
    if (!fs.existsSync(chromiumPath)) {
        skipAll(`${chromiumPath} is not installed (apt-get install chromium)`);
    }

    if (!fs.existsSync(modulePath)) {
        skipAll(`${modulePath} is not built (run make)`);
    }

    try {
        return (await import('playwright-core')).chromium;
    } catch (e) {
        skipAll('playwright-core is not installed (npm ci in tests/browser)');
    }

    return null;
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitUntil(fn, timeout = 5000) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
        if (await fn()) {
            return true;
        }
        await sleep(50);
    }
    return false;
}

// The last test: nothing bad in nginx's error log; then the plan, the
// scratch directory removed when everything passed, and the exit status.
export function finish(dir, bad = /\[(alert|emerg|crit)\]/) {
    const log = fs.readFileSync(path.join(dir, 'logs', 'error.log'), 'utf8');
    const lines = log.split('\n').filter((l) => bad.test(l));
    ok(lines.length === 0, 'nginx error log has no alert, crit or emerg',
       lines.join('\n'));

    if (!tapFailed) {
        fs.rmSync(dir, { recursive: true, force: true });
    }

    console.log(`1..${tapN}`);
    process.exit(tapFailed ? 1 : 0);
}

// A test that is expected to fail for a known reason (TAP TODO).
export function todo(cond, name, why) {
    tapN++;
    console.log(`${cond ? '' : 'not '}ok ${tapN} - ${name} # TODO ${why}`);
    return !!cond;
}

// nginx on dir/nginx.conf, up once port answers; when it does not start,
// the whole test skips (after stop(), e.g. closing a fake server).
export async function startNginx(nginxBin, dir, port, stop) {
    const { spawn } = await import('node:child_process');
    const nginx = spawn(nginxBin,
                        ['-p', dir, '-c', path.join(dir, 'nginx.conf')],
                        { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    nginx.stderr.on('data', (d) => { stderr += d; });

    const up = await waitUntil(() => new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
            s.end();
            resolve(true);
        });
        s.on('error', () => resolve(false));
    }), 10000);

    if (!up) {
        console.log('1..0 # SKIP nginx did not start: '
                    + stderr.split('\n')[0]);
        stop();
        process.exit(0);
    }

    return nginx;
}

// Debian's Chromium, headless, with the flags this machine needs.
export function launchBrowser(chromium) {
    return chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu',
               '--disable-background-networking'],
    });
}


// The test site's files under dir (their folders made as needed).
export function writeFiles(dir, files) {
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
}

// dir/nginx.conf: one worker with the module, logs and temporary files
// under dir, the types the tests serve, then the test's own http block.
export function writeNginxConf(dir, http) {
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `
load_module ${modulePath};
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log info;
events { worker_connections 256; }
http {
    types { text/html html; text/css css; application/javascript js; }
    default_type application/octet-stream;
    access_log ${dir}/logs/access.log;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
${http}}
`);
}

// Runs each scenario (one that throws fails, the others still run), then
// closes the browser and the fake third-party server, stops nginx and ends
// the run (finish: the error log checked against bad, the plan printed).
export async function runScenarios(scenarios, { browser, server, nginx, dir,
                                                bad }) {
    for (const scenario of scenarios) {
        try {
            await scenario();
        } catch (e) {
            ok(false, `${scenario.name}: ran to the end`, e.stack || String(e));
        }
    }

    await browser.close();
    server.close();

    nginx.kill('SIGQUIT');
    await new Promise((resolve) => nginx.once('exit', resolve));

    finish(dir, bad);
}
