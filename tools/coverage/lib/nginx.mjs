// Real nginx with the module on a free loopback port, as the integration
// harness (tests/nginx/lib/ConsentTest.pm) starts it: Debian's nginx in the
// foreground, a generated configuration and secret under a work directory,
// the built-in policy (no consent_policy) and the endpoint at API_PATH.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const API_PATH = '/_consent/';

function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}

function connects(port) {
    return new Promise((resolve) => {
        const c = net.connect(port, '127.0.0.1');
        c.once('connect', () => { c.destroy(); resolve(true); });
        c.once('error', () => resolve(false));
    });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function config(dir, port, module) {
    const user = process.geteuid && process.geteuid() === 0 ? 'user root;' : '';
    return `load_module ${module};
${user}
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log info;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    types { text/html html; }
    default_type application/octet-stream;
    consent_secret ${dir}/consent.key;
    server {
        listen 127.0.0.1:${port};
        root ${dir}/html;
        consent on;
        location ${API_PATH} { consent_api; }
    }
}
`;
}

export class Nginx {
    constructor({ dir, module, binary }) {
        this.dir = dir;
        this.module = module;
        this.binary = binary;
        this.proc = null;
        this.exited = null;
    }

    get htmlDir() {
        return path.join(this.dir, 'html');
    }

    // Only the directories this class makes are emptied: the work directory
    // may hold other things (the outputs).
    prepare() {
        for (const d of ['html', 'logs', 'tmp']) {
            fs.rmSync(path.join(this.dir, d), { recursive: true, force: true });
            fs.mkdirSync(path.join(this.dir, d), { recursive: true });
        }
        fs.writeFileSync(path.join(this.dir, 'consent.key'),
            `${crypto.randomBytes(48).toString('hex')}\n`, { mode: 0o600 });
    }

    async start() {
        for (let attempt = 0; attempt < 3; attempt++) {
            this.port = await freePort();
            const conf = path.join(this.dir, 'nginx.conf');
            fs.writeFileSync(conf, config(this.dir, this.port, this.module));
            const log = fs.openSync(path.join(this.dir, 'logs/stderr.log'), 'a');
            this.proc = spawn(this.binary, ['-p', `${this.dir}/`, '-e',
                `${this.dir}/logs/error.log`, '-c', conf],
                { stdio: ['ignore', log, log] });
            fs.closeSync(log);
            this.exited = new Promise((r) => this.proc.once('exit', r));
            let gone = false;
            this.exited.then(() => { gone = true; });

            for (let k = 0; k < 200 && !gone; k++) {
                if (await connects(this.port)) {
                    return;
                }
                await sleep(50);
            }
            if (!gone) {
                await this.stop();
                break;
            }
            if (!/Address already in use/.test(this.errors())) {
                break;
            }
        }
        throw new Error(`nginx did not start:\n${this.log()}`);
    }

    async stop() {
        if (!this.proc || this.proc.exitCode !== null
            || this.proc.signalCode !== null)
        {
            return;
        }
        this.proc.kill('SIGQUIT');
        const t = setTimeout(() => this.proc.kill('SIGKILL'), 15000);
        await this.exited;
        clearTimeout(t);
    }

    log() {
        const read = (f) => {
            try {
                return fs.readFileSync(path.join(this.dir, 'logs', f), 'utf8');
            } catch {
                return '';
            }
        };
        return read('error.log') + read('stderr.log');
    }

    // Lines that mean nginx or the module failed (a worker crash included).
    errors() {
        return this.log().split('\n')
            .filter((l) => /\[(alert|emerg|crit)\]|Address already in use/
                .test(l)).join('\n');
    }

    get(uri, host) {
        return new Promise((resolve, reject) => {
            const req = http.get({ host: '127.0.0.1', port: this.port,
                path: uri, agent: false, timeout: 30000,
                headers: host ? { Host: host } : {} }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => resolve({ status: res.statusCode,
                    headers: res.headers, body: Buffer.concat(chunks) }));
                res.on('error', reject);
            });
            req.on('timeout', () => req.destroy(new Error('timeout')));
            req.on('error', reject);
        });
    }
}
