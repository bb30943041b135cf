// Quick probe: how many results Pagefind and loa give for a list of queries on one site.
//   node bench/search/probe.mjs SITE LANGPATH QUERY...      (LANGPATH: '' for vi, 'en/', 'km/')
import { chromium } from '/work/main/tests/browser/node_modules/playwright-core/index.mjs';
import { serve } from './serve.mjs';

const [site, langPath, ...queries] = process.argv.slice(2);
const srv = await serve(site, { prefix: '/chuyen-doi-so/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
page.setDefaultTimeout(600000);
await page.goto(`http://127.0.0.1:${srv.address().port}/chuyen-doi-so/${langPath}`);
for (const q of queries) {
  const r = await page.evaluate(async (q) => {
    const pf = await import('/chuyen-doi-so/pagefind/pagefind.js');
    await pf.init();
    const r = await pf.search(q);
    const top = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
    const input = document.querySelector('#search-q');
    input.value = q;
    input.dispatchEvent(new Event('input'));
    const status = document.querySelector('.search-status');
    status.textContent = '';
    for (let i = 0; i < 6000 && !status.textContent; i++) await new Promise((ok) => setTimeout(ok, 50));
    const loa = [...document.querySelectorAll('.search-results li strong')].slice(0, 3).map((s) => s.textContent);
    return { pf: r.results.length, pfTop: top.map((d) => d.meta.title), loa: document.querySelectorAll('.search-results li').length, loaTop: loa };
  }, q);
  console.log(JSON.stringify({ q, ...r }));
}
await browser.close();
srv.close();
