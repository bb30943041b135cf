// Turns compare.mjs result files into Markdown tables.
//   node bench/search/summarize.mjs bench/search/out/results-*.json > table.md
import fs from 'node:fs';

const kb = (b) => (b == null ? '' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ms = (t) => (t == null ? 'timeout' : t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);
const files = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));

console.log('### Per query\n');
console.log('Grades of the top 3 (see RESULTS.md): **Q** the question contains the query as a phrase; **Qw** the question has every query word; **A** only the answer has the phrase; **Aw** question + answer have every word; **-** none. For Pagefind a result is a page, graded by its best question; *(list)*, *(booklet)* = a listing page or the whole-site booklet, not an explainer.\n');
console.log('| site | query | tool | time to results (median) | requests | bytes (as on disk) | bytes (gzip host) | JS heap after | results | top 3 | first result |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---|---|');
for (const f of files) {
  for (const r of f.rows) {
    const top = r.top.slice(0, 3).map((t) => `${t.grade}${t.kind && t.kind !== 'explainer' ? ` (${t.kind})` : ''}`).join(', ') || '(none)';
    const first = r.top[0] ? (r.tool === 'loa' ? r.top[0].question : r.top[0].title) : '';
    const tool = r.tool === 'pagefind' && f.label.includes('tuned') ? 'pagefind (tuned)' : r.tool;
    console.log(`| ${f.label.replace('-tuned', '')} | \`${r.q}\` | ${tool} | ${ms(r.timeMs)} | ${r.requests} | ${kb(r.bytes)} | ${kb(r.gzipBytes)} | ${kb(r.jsHeap)} | ${r.count} | ${top} | ${first.slice(0, 70)} |`);
  }
}
console.log('\n### Index on disk\n');
console.log('| site | loa search/ | loa search.js | Pagefind pagefind/ (all) | of which index/ | of which fragment/ |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const f of files) {
  const i = f.index;
  console.log(`| ${f.label} | ${kb(i.loaTotal.bytes)} (${i.loaTotal.files} files) | ${kb(i.loaScript.bytes)} | ${kb(i.pagefind.bytes)} (${i.pagefind.files} files) | ${kb(i.pagefindIndex.bytes)} (${i.pagefindIndex.files}) | ${kb(i.pagefindFragments.bytes)} (${i.pagefindFragments.files}) |`);
}
