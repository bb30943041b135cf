// Live reload as an author sees it: `loa serve` on a copy of a fixture site, a page open
// in chromium, and the Markdown file edited underneath it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, stopAll, tempDir } from './harness.mjs';

const bin = process.env.LOA_BIN;
let server;
let url;
let site;
let browser;

before(async () => {
  site = tempDir('loa-live-');
  fs.cpSync(new URL('../fixtures/basic', import.meta.url), site, { recursive: true });
  server = spawn(bin, ['serve', '--source', site, '--port', '0'], { env: { ...process.env, LANG: 'C' } });
  url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Preview at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error(`loa serve exited: ${out}`)));
  });
  browser = await launchBrowser();
});

after(async () => {
  server.kill();
  await stopAll();
});

const file = () => path.join(site, 'content/vi/chung/a.md');
const edit = (from, to) => {
  const text = fs.readFileSync(file(), 'utf8');
  assert.ok(text.includes(from), `the file has ${from}`);
  fs.writeFileSync(file(), text.replace(from, to));
};

test('a save reloads the open page, keeping its place; a broken save shows the problem until fixed', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 500 } });
  await page.goto(`${url}chung/a/`);
  await page.evaluate(() => scrollTo(0, 300));
  // Give the live-reload script a moment to open its event stream.
  await page.waitForTimeout(300);

  const saved = Date.now();
  const reloaded = page.waitForEvent('load', { timeout: 5000 });
  edit('Là dùng công nghệ số.', 'Là dùng công nghệ số, sửa lúc xem trước.');
  await reloaded;
  const ms = Date.now() - saved;
  console.log(`save → reloaded page: ${ms} ms`);
  assert.match(await page.textContent('main'), /sửa lúc xem trước/);
  await page.waitForFunction(() => scrollY > 250, null, { timeout: 2000 });

  edit('title: Chuyển đổi số là gì?\n', 'title: [\n');
  const overlay = page.locator('#loa-problem');
  await overlay.waitFor({ timeout: 5000 });
  assert.match(await overlay.textContent(), /content\/vi\/chung\/a\.md:2/);
  assert.match(await page.textContent('h1'), /Chuyển đổi số là gì\?/, 'the last good page stays');

  const fixed = page.waitForEvent('load', { timeout: 5000 });
  edit('title: [\n', 'title: Chuyển đổi số là gì?\n');
  await fixed;
  assert.equal(await overlay.count(), 0);
  await page.close();
});
