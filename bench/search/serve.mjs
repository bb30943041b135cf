// A tiny static file server for the search benchmark: serves DIR under PREFIX on 127.0.0.1.
//
//   node bench/search/serve.mjs DIR [PORT] [PREFIX] [--gzip]
//
// With --gzip it compresses text files (html, js, css, json, svg, xml) when the browser asks
// for it, as most static hosts do. Pagefind's own index files (.pf_*, .pagefind) are already
// gzip-compressed by Pagefind and are sent as they are. Without --gzip it behaves like
// `python3 -m http.server`: every file is sent as it is on disk.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export function serve(dir, { port = 0, prefix = '/', gzip = false } = {}) {
  const root = path.resolve(dir);
  const cache = new Map(); // gzip output, so repeated runs measure the transfer, not zlib
  const log = []; // every response: { url, status, bytes (body as sent), gzip }
  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      log.push({ url: req.url, status, bytes: body.length, gzip: headers['content-encoding'] === 'gzip' });
      res.writeHead(status, headers).end(body);
    };
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(prefix)) {
      send(404, {}, Buffer.from('not found'));
      return;
    }
    let file = path.join(root, url.slice(prefix.length));
    if (!file.startsWith(root)) {
      send(403, {}, Buffer.alloc(0));
      return;
    }
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    } catch {
      /* falls through to the 404 below */
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        send(404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
        return;
      }
      const ext = path.extname(file);
      const headers = {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        let z = cache.get(file);
        if (!z) {
          z = zlib.gzipSync(body, { level: 6 });
          cache.set(file, z);
        }
        headers['content-encoding'] = 'gzip';
        headers['content-length'] = z.length;
        send(200, headers, z);
        return;
      }
      headers['content-length'] = body.length;
      send(200, headers, body);
    });
  });
  server.log = log;
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((a) => a !== '--gzip');
  const [dir, port = '8000', prefix = '/chuyen-doi-so/'] = args;
  const server = await serve(dir, { port: Number(port), prefix, gzip: process.argv.includes('--gzip') });
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}${prefix}`);
}
