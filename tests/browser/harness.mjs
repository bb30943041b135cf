// Shared set-up for the browser tests: Debian's chromium driven by playwright-core, and
// nginx started as an ordinary process serving the built site under a sub-folder.
// Everything started here is stopped by process id in `stopAll`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const SUB = '/chuyen-doi-so/';
export const site = process.env.LOA_SITE;
export const portable = process.env.LOA_PORTABLE;
if (!site || !portable) {
  throw new Error('run these tests through `cargo test --release` (tests/browser.rs builds the site first)');
}

const started = [];
// Temporary folders, removed in `stopAll`: CI machines share a disk that runs full.
const made = [];

/** A new temporary folder that `stopAll` removes. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

/** Starts nginx serving `root` at SUB on a free loopback port; returns the base URL. */
export async function startNginx(root) {
  const dir = tempDir('loa-nginx-');
  const port = await freePort();
  const isRoot = process.getuid && process.getuid() === 0;
  const conf = `
${isRoot ? 'user root;' : ''}
daemon off;
master_process off;
worker_processes 1;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location ${SUB} {
      alias ${root}/;
      index index.html;
      error_page 404 ${SUB}404.html;
    }
  }
}`;
  fs.writeFileSync(`${dir}/nginx.conf`, conf);
  const proc = spawn('nginx', ['-c', `${dir}/nginx.conf`, '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  started.push(proc);
  await waitForPort(port);
  return `http://127.0.0.1:${port}${SUB}`;
}

export async function launchBrowser() {
  // playwright's launch() gives every run a fresh, temporary profile.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  started.push({ kill: () => browser.close() });
  return browser;
}

/** The built site served by nginx, and a browser: what most suites start from. */
export async function servedSite() {
  return { base: await startNginx(site), browser: await launchBrowser() };
}

export async function stopAll() {
  for (const p of started.reverse()) {
    try { await p.kill(); } catch { /* already gone */ }
  }
  started.length = 0;
  for (const dir of made.splice(0)) {
    // A process that was just killed may still be writing there; what is left is small.
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

export const axeSource = fs.readFileSync(
  new URL('./node_modules/axe-core/axe.min.js', import.meta.url),
  'utf8',
);
