// The shipped search script against the built index, in the browser: real queries typed
// without diacritics, in Khmer and in English, served from a sub-folder and from file://.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { portable, servedSite, stopAll } from './harness.mjs';

let base;
let browser;

before(async () => ({ base, browser } = await servedSite()));
after(stopAll);

async function ask(page, query) {
  await page.fill('#search-q', '');
  await page.type('#search-q', query);
  // The results of the whole query, not of the letters typed before it (each pause in
  // typing starts a search, and a slow machine pauses).
  await page.waitForFunction((q) => {
    const s = document.querySelector('.search-status');
    return s && s.textContent && document.querySelector('.search-results').dataset.query === q;
  }, query, { timeout: 5000 });
  return page.$$eval('.search-results li', (lis) => lis.map((li) => ({
    question: li.querySelector('strong').textContent,
    href: li.querySelector('a').getAttribute('href'),
    marked: [...li.querySelectorAll('mark')].map((m) => m.textContent),
  })));
}

const cases = [
  ['', 'chuyen doi so', /chuyển đổi số là gì/i, /chuyen-doi-so\/chuyen-doi-so-la-gi\/#dinh-nghia$/],
  ['', 'dang ky kinh doanh', /đăng ký|Đăng ký|kinh doanh/i, /kinh-te-so|chinh-quyen-so/],
  ['', 'chữ ký số', /chữ ký số/i, /kinh-te-so\/chu-ky-so\//],
  ['en/', 'cashless payments', /cashless payment/i, /thanh-toan-khong-dung-tien-mat\/#la-gi$/],
  ['km/', 'ការផ្លាស់ប្តូរឌីជីថល', /ការផ្លាស់ប្តូរឌីជីថល/, /km\/chuyen-doi-so\//],
];

for (const [lang, query, question, href] of cases) {
  test(`search ${lang || 'vi/'} “${query}” finds the right question`, async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${lang}`);
    const results = await ask(page, query);
    assert.ok(results.length > 0, 'no results');
    const top = results.slice(0, 3);
    assert.ok(top.some((r) => question.test(r.question) && href.test(r.href)),
      `expected ${question} at ${href} in the top 3, got ${JSON.stringify(top, null, 1)}`);
    assert.ok(results[0].marked.length > 0, 'the match is highlighted');
    const status = await page.textContent('.search-status');
    assert.match(status, /\d/, `the count is said: ${status}`);
    assert.doesNotMatch(status, /%n|\{n\}/);
    await page.close();
  });
}

test('exact diacritics rank above folded matches', async () => {
  const page = await browser.newPage();
  await page.goto(base);
  const results = await ask(page, 'số');
  assert.ok(results.length > 0);
  assert.match(results[0].question, /số/);
  await page.close();
});

test('keyboard: arrow down to a result, Enter lands on the answer', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}xa-hoi-so/`);
  await ask(page, 'chuyen doi so');
  await page.keyboard.press('ArrowDown');
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await Promise.all([page.waitForURL(/#/), page.keyboard.press('Enter')]);
  const id = new URL(page.url()).hash.slice(1);
  assert.ok(href.endsWith(`#${id}`));
  assert.ok(await page.locator(`[id="${id}"]`).isVisible());
  assert.equal(await page.textContent('.search-status'), '', 'a new page starts with an empty box');
  await page.close();
});

test('a reader in the results keeps a place when later results replace them', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}xa-hoi-so/`);
  await ask(page, 'chuyen');
  await page.keyboard.press('ArrowDown');
  // The rest of the query arrives after the reader has moved into the results.
  await page.evaluate(() => {
    const input = document.querySelector('#search-q');
    input.value = 'chuyen doi so';
    input.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => document.querySelector('.search-results').dataset.query === 'chuyen doi so',
    null, { timeout: 5000 });
  const focused = await page.evaluate(() => document.activeElement.closest('.search-results') !== null
    && document.activeElement.tagName === 'A');
  assert.ok(focused, 'focus is on a result of the new query');
  await page.close();
});

test('search works from file:// and with JavaScript off the box leads to every question', async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(portable, 'kinh-te-so/index.html')).href);
  const results = await ask(page, 'thanh toan');
  assert.ok(results.some((r) => /thanh-toan-khong-dung-tien-mat\/index\.html#/.test(r.href)), JSON.stringify(results));
  await page.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const off = await context.newPage();
  await off.goto(`${base}kinh-te-so/`);
  await off.fill('#search-q', 'thanh toan');
  await Promise.all([off.waitForURL(/all-questions/), off.press('#search-q', 'Enter')]);
  assert.equal(new URL(off.url()).pathname, '/chuyen-doi-so/');
  assert.ok(await off.locator('#all-questions').isVisible());
  await context.close();
});
