// Checks what loa's search does when one index file fails to load once (a dropped mobile
// connection): the first request for the shard is aborted, later ones are served.
//   node bench/search/failed-load.mjs SITE_DIR [QUERY] [FILE_PATTERN]
import { chromium } from '/work/main/tests/browser/node_modules/playwright-core/index.mjs';
import { serve } from './serve.mjs';

const [site, q = 'chuyen doi so', pattern = '/search/vi/t-ch.js'] = process.argv.slice(2);
const srv = await serve(site, { prefix: '/chuyen-doi-so/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
let aborted = 0;
await page.route((url) => url.pathname.endsWith(pattern), (route) => {
  if (aborted++ === 0) return route.abort('connectionreset');
  return route.continue();
});
await page.goto(`http://127.0.0.1:${srv.address().port}/chuyen-doi-so/`);
const status = async () => page.$eval('.search-status', (s) => s.textContent);
const count = async () => page.$$eval('.search-results li', (l) => l.length);
for (const attempt of [1, 2, 3]) {
  await page.fill('#search-q', '');
  await page.fill('#search-q', `${q}${attempt > 1 ? ' ' : ''}`);
  await page.waitForTimeout(3000);
  console.log(`attempt ${attempt}: requests for ${pattern}: ${aborted}; status "${await status()}"; results ${await count()}`);
}
await browser.close();
srv.close();
