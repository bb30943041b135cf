// Measures loa's client-side search and Pagefind on one built site in headless Chromium.
//
//   node bench/search/compare.mjs --site DIR --label NAME [--runs 3] [--tools loa,pagefind]
//        [--prefix /chuyen-doi-so/] [--queries main|all] [--out FILE.json] [--typed]
//
// DIR is a site built by loa on which `pagefind --site DIR` has also been run (for the
// pagefind tool). For every query, each run opens a fresh browser context (empty cache) on an
// explainer page of the query's language, waits for the page to settle, then:
//   loa:      focuses #search-q, sets the query and fires one `input` event (what pasting or
//             autocomplete does; --typed types it key by key instead), and waits until
//             .search-status has text. Time = until the first .search-results li exists; it
//             includes loa's 80 ms input debounce.
//   pagefind: in the page, import('<root>pagefind/pagefind.js'), init(), search(q), then
//             data() of the first 5 results (what Pagefind's default UI shows first).
// Bytes = the bodies the server sent after the marker (set just before the query), counted
// by serve.mjs: that also sees what Pagefind's Web Worker fetches, which the page's CDP
// session does not (CDP's encodedDataLength is kept as a cross-check). Runs 1..N use a plain
// server (files as on disk, like python3 -m http.server); one extra run uses a
// gzip-compressing server to give the bytes a typical host would send.
// The top results are graded against the built HTML on disk (see grade()).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '/work/main/tests/browser/node_modules/playwright-core/index.mjs';
import { serve } from './serve.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const SITE = path.resolve(opt('site'));
const LABEL = opt('label', path.basename(SITE));
const RUNS = Number(opt('runs', '3'));
const TOOLS = opt('tools', 'loa,pagefind').split(',');
const PREFIX = opt('prefix', '/chuyen-doi-so/');
const OUT = opt('out', `bench/search/out/results-${LABEL}.json`);
const TYPED = argv.includes('--typed');
const TIMEOUT = Number(opt('timeout', '600000'));

const MAIN = [
  { q: 'chuyen doi so', lang: 'vi' },
  { q: 'dang ky kinh doanh', lang: 'vi' },
  { q: 'ការផ្លាស់ប្តូរឌីជីថល', lang: 'km' },
  { q: 'cashless payment', lang: 'en' },
];
// Probes of folding and spelling: the same words as readers may also type them.
const EXTRA = [
  { q: 'chuyển đổi số', lang: 'vi' },
  { q: 'đăng ký kinh doanh', lang: 'vi' },
  { q: 'ការផ្លាស់ប្ដូរឌីជីថល', lang: 'km', note: 'ប្ដូរ spelt with ដ (U+178A), the other common spelling' },
  { q: 'cashless payments', lang: 'en' },
];
const QUERIES = opt('queries', 'main') === 'all' ? [...MAIN, ...EXTRA] : MAIN;
const only = opt('only');
const queries = only ? QUERIES.filter((x) => x.q === only) : QUERIES;

// ---- grading against the built HTML -------------------------------------------------
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
const decode = (s) => s.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(n))
  .replace(/\s+/g, ' ').trim();
const isKhmer = (s) => /[\u1780-\u17ff]/.test(s);
const pageCache = new Map();
function readPage(urlPath) {
  const rel = decodeURIComponent(urlPath.split('#')[0]).replace(PREFIX, '');
  let file = path.join(SITE, rel);
  if (!file.endsWith('.html')) file = path.join(file, 'index.html');
  if (pageCache.has(file)) return pageCache.get(file);
  let page = null;
  try {
    const st = fs.statSync(file);
    // The booklet and home pages of a big site are very large: read the first 40 MB.
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(Math.min(st.size, 40e6));
    fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const html = buf.toString('utf8');
    const qas = new Map();
    for (const m of html.matchAll(/<details class="qa" id="([^"]+)"[^>]*>([\s\S]*?)<\/details>/g)) {
      const h = m[2].match(/<h2[^>]*>([\s\S]*?)<\/h2>/);
      qas.set(m[1], { question: h ? decode(h[1]) : '', answer: decode(m[2].replace(/<h2[^>]*>[\s\S]*?<\/h2>/, '')) });
    }
    const title = decode((html.match(/<title>([\s\S]*?)<\/title>/) || [])[1] || '');
    const kind = /(^|\/)so-tay\//.test(rel) ? 'booklet' : qas.size ? 'explainer' : 'list';
    page = { file, title, qas, kind, text: qas.size ? null : decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '')) };
  } catch {
    page = null;
  }
  pageCache.set(file, page);
  return page;
}
// For grading only: English plurals count as the same word, and the two spellings of the
// Khmer subscript t (្ត U+17D2 U+178F, ្ដ U+17D2 U+178A) as the same letter.
const norm = (t) => fold(t).replace(/\u17d2\u178a/g, '\u17d2\u178f')
  .replace(/([a-z]{3,}?)(es|s)(?=[^a-z]|$)/g, (m, w, e) => (/(ss|us)$/.test(m) ? m : w));
function matcher(q) {
  const fq = norm(q).trim().replace(/\s+/g, ' ');
  const words = fq.split(' ');
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (isKhmer(fq)) return { phrase: (t) => norm(t).includes(fq), all: (t) => norm(t).includes(fq) };
  // Start of a word required; the end may run on (payment → payments).
  const phraseRe = new RegExp(`(^|[^\\p{L}\\p{N}])${esc(fq)}`, 'u');
  const wordRes = words.map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${esc(w)}`, 'u'));
  return { phrase: (t) => phraseRe.test(norm(t)), all: (t) => wordRes.every((r) => r.test(norm(t))) };
}
// Q  = the question itself contains the query as a phrase (the right question)
// Qw = the question contains every query word, not as a phrase
// A  = only the answer contains the phrase
// Aw = question + answer contain every word
// -  = none of these
function gradeQa(qa, m) {
  if (!qa) return '?';
  if (m.phrase(qa.question)) return 'Q';
  if (m.all(qa.question)) return 'Qw';
  if (m.phrase(qa.answer)) return 'A';
  if (m.all(`${qa.question} ${qa.answer}`)) return 'Aw';
  return '-';
}
const ORDER = ['Q', 'Qw', 'A', 'Aw', '-', '?'];
function gradeLoa(href, q) {
  const page = readPage(href);
  const anchor = href.split('#')[1];
  return gradeQa(page && page.qas.get(anchor), matcher(q));
}
// A Pagefind result is a page: graded by its best question (lists and home pages by text).
function gradePage(url, q) {
  const page = readPage(url);
  if (!page) return { grade: '?', kind: '?' };
  const m = matcher(q);
  if (!page.qas.size) return { grade: m.phrase(page.text) ? 'A' : m.all(page.text) ? 'Aw' : '-', kind: page.kind };
  let best = '-';
  let bestQ = null;
  for (const [id, qa] of page.qas) {
    const g = gradeQa(qa, m);
    if (ORDER.indexOf(g) < ORDER.indexOf(best)) {
      best = g;
      bestQ = `${qa.question} (#${id})`;
    }
    if (best === 'Q') break;
  }
  return { grade: best, kind: page.kind, bestQuestion: bestQ, questions: page.qas.size };
}

// ---- the site -------------------------------------------------------------------------
function explainerPage(lang) {
  const base = lang === 'vi' ? SITE : path.join(SITE, lang);
  const pillar = path.join(base, 'chuyen-doi-so');
  const first = fs.readdirSync(pillar, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()[0];
  return `${PREFIX}${lang === 'vi' ? '' : `${lang}/`}chuyen-doi-so/${first}/`;
}
function dirBytes(dir) {
  let total = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        total += fs.statSync(p).size;
        files++;
      }
    }
  };
  if (fs.existsSync(dir) && fs.statSync(dir).isFile()) return { bytes: fs.statSync(dir).size, files: 1 };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes: total, files };
}

// ---- one measurement ------------------------------------------------------------------
async function measure(browser, srv, tool, { q, lang }, gzip) {
  const origin = `http://127.0.0.1:${srv.address().port}`;
  let logStart = 0;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  const reqs = new Map();
  let marked = false;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!reqs.has(e.requestId)) reqs.set(e.requestId, { url: e.request.url, after: marked, wire: 0, body: 0, done: false });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.body += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.wire = e.encodedDataLength;
      r.done = true;
    }
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.failed = e.errorText;
      r.done = true;
    }
  });
  const url = origin + explainerPage(lang);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  marked = true;
  logStart = srv.log.length;
  let res;
  if (tool === 'loa') {
    if (TYPED) {
      const t0 = Date.now();
      await page.click('#search-q');
      await page.keyboard.type(q, { delay: 120 });
      await page.waitForFunction((want) => {
        const s = document.querySelector('.search-status');
        return s && s.textContent.trim() && document.querySelector('#search-q').value === want;
      }, q, { timeout: TIMEOUT, polling: 50 });
      res = { first: Date.now() - t0, typed: true };
    } else {
      res = await page.evaluate(({ q, timeout }) => new Promise((resolve) => {
        const form = document.querySelector('form.search');
        const input = form.querySelector('input');
        const list = form.querySelector('.search-results');
        const status = form.querySelector('.search-status');
        let first = null;
        const t0 = performance.now();
        const done = () => {
          if (first === null && list.querySelector('li')) first = performance.now() - t0;
          if (status.textContent.trim()) {
            mo.disconnect();
            resolve({ first, done: performance.now() - t0 });
          }
        };
        const mo = new MutationObserver(done);
        mo.observe(form, { subtree: true, childList: true, characterData: true });
        input.focus();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => resolve({ first, timeout: true }), timeout);
      }), { q, timeout: TIMEOUT });
    }
    const rows = await page.$$eval('.search-results li', (lis) => lis.map((li) => ({
      question: li.querySelector('strong')?.textContent || '',
      explainer: li.querySelector('span')?.textContent || '',
      href: new URL(li.querySelector('a').getAttribute('href'), location.href).pathname + new URL(li.querySelector('a').getAttribute('href'), location.href).hash,
    })));
    res.status = await page.$eval('.search-status', (s) => s.textContent);
    res.count = rows.length;
    res.results = rows.slice(0, 5).map((r) => ({ ...r, grade: gradeLoa(r.href, q) }));
  } else {
    res = await page.evaluate(async ({ q }) => {
      const root = new URL(document.querySelector('form.search').dataset.root, location.href).pathname;
      const t0 = performance.now();
      const pf = await import(`${root}pagefind/pagefind.js`);
      await pf.init();
      const tInit = performance.now() - t0;
      const r = await pf.search(q);
      const tSearch = performance.now() - t0;
      const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
      const first = performance.now() - t0;
      return {
        first,
        tInit,
        tSearch,
        count: r.results.length,
        results: data.map((d) => ({
          title: d.meta?.title,
          url: d.url,
          sub: (d.sub_results || []).slice(0, 3).map((s) => ({ title: s.title, url: s.url })),
        })),
      };
    }, { q });
    for (const r of res.results) {
      Object.assign(r, gradePage(r.url, q));
      // Does one of Pagefind's sub-results point at a right question?
      r.subGrades = r.sub.map((s) => (s.url.includes('#') ? gradeLoa(s.url, q) : 'page'));
    }
  }
  // Let stragglers finish, then count.
  await page.waitForTimeout(500);
  const metrics = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
  const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  // The server's own count sees everything, also what Pagefind's web worker fetches (the
  // page's CDP session does not); CDP's numbers are kept as a cross-check.
  const sent = srv.log.slice(logStart);
  res.requests = sent.length;
  res.sent = sent.reduce((a, r) => a + r.bytes, 0);
  res.files = sent.map((r) => `${r.url} ${r.status} ${r.bytes}`);
  const after = [...reqs.values()].filter((r) => r.after);
  res.cdpRequests = after.length;
  res.wire = after.reduce((a, r) => a + r.wire, 0);
  res.body = after.reduce((a, r) => a + r.body, 0);
  res.failed = after.filter((r) => r.failed).map((r) => `${r.url} ${r.failed}`);
  res.jsHeap = heap;
  res.gzip = gzip;
  res.page = url.replace(origin, '');
  await ctx.close();
  return res;
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const plain = await serve(SITE, { prefix: PREFIX });
const zipped = await serve(SITE, { prefix: PREFIX, gzip: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const out = {
  label: LABEL,
  site: SITE,
  date: new Date().toISOString(),
  typed: TYPED,
  index: {
    loa: Object.fromEntries(['vi', 'en', 'km'].map((l) => [l, dirBytes(path.join(SITE, 'search', l))])),
    loaTotal: dirBytes(path.join(SITE, 'search')),
    loaScript: dirBytes(path.join(SITE, 'search.js')),
    pagefind: dirBytes(path.join(SITE, 'pagefind')),
    pagefindIndex: dirBytes(path.join(SITE, 'pagefind', 'index')),
    pagefindFragments: dirBytes(path.join(SITE, 'pagefind', 'fragment')),
  },
  rows: [],
};
for (const item of queries) {
  for (const tool of TOOLS) {
    if (tool === 'pagefind' && !fs.existsSync(path.join(SITE, 'pagefind'))) continue;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, plain, tool, item, false));
    const gz = await measure(browser, zipped, tool, item, true);
    const row = {
      tool,
      q: item.q,
      lang: item.lang,
      note: item.note,
      timeMs: median(runs.map((r) => r.first)),
      timesMs: runs.map((r) => r.first && Math.round(r.first)),
      gzipTimeMs: gz.first && Math.round(gz.first),
      requests: runs[0].requests,
      bytes: runs[0].sent,
      gzipBytes: gz.sent,
      cdpRequests: runs[0].cdpRequests,
      cdpWireBytes: runs[0].wire,
      jsHeap: median(runs.map((r) => r.jsHeap)),
      count: runs[0].count,
      status: runs[0].status,
      top: runs[0].results,
      files: runs[0].files,
      gzipFiles: gz.files,
      failed: runs[0].failed,
      timeout: runs.some((r) => r.timeout),
    };
    out.rows.push(row);
    const top = row.top.slice(0, 3).map((r) => `${r.grade}${r.kind && r.kind !== 'explainer' ? `(${r.kind})` : ''}`).join(' ');
    console.log(`${LABEL}\t${tool}\t${item.q}\t${Math.round(row.timeMs)} ms\t${row.requests} req\t${row.bytes} B\tgzip ${row.gzipBytes} B\t${row.count} results\ttop3 ${top}`);
  }
}
await browser.close();
plain.close();
zipped.close();
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(out, null, 1));
console.log(`wrote ${OUT}`);
