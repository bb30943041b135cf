// What readers see: navigation, languages, 404, file://, accessibility and print, on the
// bundled site served by nginx from a sub-folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { axeSource, portable, servedSite, stopAll } from './harness.mjs';

let base;
let browser;

before(async () => ({ base, browser } = await servedSite()));
after(stopAll);

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const response = await page.goto(url);
  return { page, response };
}

test('home → pillar → explainer → a question lands on its answer', async () => {
  const { page } = await open(base);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.click('nav.pillars a:has-text("Kinh tế số")');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/kinh-te-so/');
  await page.click('ul.explainers li:first-child > a');
  assert.match(page.url(), /\/kinh-te-so\/kinh-te-so-la-gi\/$/);
  const second = page.locator('nav.toc li:nth-child(2) a');
  const id = (await second.getAttribute('href')).slice(1);
  await second.click();
  assert.equal(new URL(page.url()).hash, `#${id}`);
  const answer = page.locator(`#${id} .answer`);
  assert.ok(await answer.isVisible());
  assert.ok(await answer.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight));
  // The self-link of a question is its shareable address.
  await page.click(`#${id} a.self`);
  assert.equal(new URL(page.url()).hash, `#${id}`);
  // Answers collapse without JavaScript.
  await page.click(`#${id} > summary`);
  assert.equal(await answer.isVisible(), false);
  await page.close();
});

test('the language switcher leads to the same page, or to the fallback with its notice', async () => {
  const { page } = await open(`${base}kinh-te-so/chu-ky-so/`);
  await page.click('nav.langs a[hreflang="en"]');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/en/kinh-te-so/chu-ky-so/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('.notice').count(), 0);
  await page.click('nav.langs a[hreflang="km"]');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/km/kinh-te-so/chu-ky-so/');
  assert.equal(await page.getAttribute('html', 'lang'), 'km');
  assert.ok(await page.locator('.notice').isVisible());
  assert.equal(await page.getAttribute('article.explainer', 'lang'), 'vi');
  await page.close();
});

test('a long list goes on to its next pages and back, with targets a thumb can hit', async () => {
  const { page } = await open(`${base}doi-tuong/nguoi-cao-tuoi/`);
  const first = await page.locator('ul.explainers li > a').allTextContents();
  assert.equal(first.length, 3);
  assert.equal(await page.locator('nav.pages a[rel="prev"]').count(), 0);
  for (const target of await page.locator('nav.pages a').all()) {
    const box = await target.boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `${await target.textContent()}: ${JSON.stringify(box)}`);
  }
  await page.click('nav.pages a[rel="next"]');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/doi-tuong/nguoi-cao-tuoi/2.html');
  assert.match(await page.title(), /trang 2\/3/);
  const second = await page.locator('ul.explainers li > a').allTextContents();
  assert.equal(second.length, 3);
  assert.deepEqual(second.filter((t) => first.includes(t)), [], 'no entry shown twice');
  // Read out as "Trang 2", seen as "2".
  const current = page.locator('nav.pages [aria-current="page"]');
  assert.equal(await current.locator('.vh').textContent(), 'Trang 2');
  assert.equal(await current.locator('[aria-hidden="true"]').textContent(), '2');
  // An entry of page 2 opens its explainer: links from the page's folder hold.
  await page.click('ul.explainers li:first-child > a');
  assert.match(page.url(), /\/chuyen-doi-so\/[a-z-]+\/[a-z-]+\/$/);
  await page.goBack();
  await page.click('nav.pages a:has-text("1")');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/doi-tuong/nguoi-cao-tuoi/');
  await page.close();
});

test('a missing address gets the 404 page, styled, with status 404', async () => {
  const { page, response } = await open(`${base}khong-co/trang-nay/`);
  assert.equal(response.status(), 404);
  assert.match(await page.textContent('h1'), /Không tìm thấy trang/);
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.skip')).position);
  assert.equal(bg, 'absolute', 'the stylesheet loaded from the site path');
  await page.click('main a[lang="en"]');
  assert.equal(new URL(page.url()).pathname, '/chuyen-doi-so/en/');
  await page.close();
});

test('the portable build works through file://: every internal link lands on a page', async () => {
  const samples = ['index.html', 'en/index.html', 'km/index.html', 'kinh-te-so/index.html',
    'chuyen-doi-so/nghi-quyet-57/index.html', 'en/xa-hoi-so/ky-nang-so/index.html',
    'km/chinh-quyen-so/dinh-danh-dien-tu-vneid/index.html', 'doi-tuong/nguoi-dan/index.html'];
  const page = await browser.newPage();
  let followed = 0;
  for (const sample of samples) {
    const start = pathToFileURL(path.join(portable, sample)).href;
    await page.goto(start);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const href of new Set(hrefs)) {
      if (!href.startsWith('file:') || href.split('#')[0] === start) continue;
      const target = href.split('#')[0];
      assert.ok(/\/(index|\d+)\.html$|\.(xml|svg|css)$/.test(target), `${target} from ${sample}`);
      if (!target.endsWith('index.html')) continue;
      await page.goto(target);
      assert.ok(await page.locator('main#main').count() === 1, `${target} is not a page`);
      followed += 1;
    }
  }
  assert.ok(followed > 150, `only ${followed} links followed`);
  await page.close();
});

const templates = {
  home: '',
  pillar: 'chinh-quyen-so/',
  audience: 'doi-tuong/nguoi-cao-tuoi/',
  'audience, page 2': 'doi-tuong/nguoi-cao-tuoi/2.html',
  explainer: 'kinh-te-so/thanh-toan-khong-dung-tien-mat/',
  booklet: 'so-tay/',
  '404': 'khong-co/',
};

for (const lang of ['', 'en/', 'km/']) {
  for (const [name, rel] of Object.entries({ ...templates, fallback: 'xa-hoi-so/an-toan-tren-mang/' })) {
    if (name === 'fallback' && lang !== 'km/') continue;
    if (name === '404' && lang !== '') continue;
    test(`axe: no critical or serious violations on ${lang || 'vi/'}${name}`, async () => {
      const { page } = await open(`${base}${lang}${rel}`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      const bad = result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await page.close();
    });
  }
}

test('at 360×740 no template scrolls sideways', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  for (const lang of ['', 'en/', 'km/']) {
    for (const rel of Object.values(templates)) {
      await page.goto(`${base}${lang}${rel}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `${lang}${rel} is ${wide}px wide`);
    }
  }
  await page.close();
});

test('print: navigation hidden, link addresses shown, the booklet prints to a plausible PDF', async () => {
  const { page } = await open(`${base}chinh-quyen-so/dich-vu-cong-truc-tuyen/`);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['nav.langs', 'nav.pillars', 'nav.breadcrumbs', '.site-footer']) {
    assert.equal(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).display), 'none', sel);
  }
  const after = await page.locator('.answer a[href^="http"]').first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  assert.match(after, /https:\/\/dichvucong\.gov\.vn/);
  await page.close();

  const booklet = await browser.newPage();
  await booklet.goto(`${base}so-tay/`);
  await booklet.emulateMedia({ media: 'print' });
  assert.equal(await booklet.locator('nav.pillars').evaluate((el) => getComputedStyle(el).display), 'none');
  const pdf = await booklet.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // A table of contents, then every explainer starting on a new page.
  assert.ok(pages >= 16 && pages <= 90, `${pages} pages`);
  await booklet.close();
});
