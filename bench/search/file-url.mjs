// Opens a site through file:// (a USB stick, a folder on a shared computer) and tries both
// searches.   node bench/search/file-url.mjs SITE_WITH_PAGEFIND
import { chromium } from '/work/main/tests/browser/node_modules/playwright-core/index.mjs';

const site = process.argv[2] || '/tmp/sc/pft-bundled';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
await page.goto(`file://${site}/index.html`);
const pf = await page.evaluate(async () => {
  try {
    const pf = await import('./pagefind/pagefind.js');
    await pf.init();
    return `ok, ${(await pf.search('chuyển đổi số')).results.length} results`;
  } catch (e) {
    return `error: ${e.message}`;
  }
});
await page.fill('#search-q', 'chuyen doi so');
await page.waitForTimeout(1500);
console.log(`file:// Pagefind: ${pf}; loa: ${await page.$$eval('.search-results li', (l) => l.length)} results`);
await browser.close();
