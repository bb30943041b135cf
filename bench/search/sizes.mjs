// Index sizes on disk: loa's search/<lang>/ (as written, and gzip -6 of each file summed)
// and Pagefind's bundle split into search data and its fixed runtime files.
//   node bench/search/sizes.mjs SITE_WITH_PAGEFIND...
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const walk = (d, out = []) => {
  if (!fs.existsSync(d)) return out;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
};
const sum = (files, gz) => files.reduce((a, f) => {
  const b = fs.readFileSync(f);
  return a + (gz ? zlib.gzipSync(b, { level: 6 }).length : b.length);
}, 0);
const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
for (const site of process.argv.slice(2)) {
  console.log(`## ${site}`);
  for (const lang of ['vi', 'en', 'km']) {
    const f = walk(path.join(site, 'search', lang));
    const biggest = Math.max(...f.map((x) => fs.statSync(x).size));
    console.log(`loa ${lang}: ${f.length} files, ${mb(sum(f))}, gzip ${mb(sum(f, true))}, largest file ${mb(biggest)}`);
  }
  const pf = path.join(site, 'pagefind');
  const all = walk(pf);
  const data = all.filter((f) => /\.(pf_index|pf_fragment|pf_meta)$/.test(f) || f.endsWith('pagefind-entry.json'));
  const core = ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind', 'wasm.en.pagefind'].map((f) => path.join(pf, f)).filter((f) => fs.existsSync(f));
  const ui = all.filter((f) => !data.includes(f) && !core.includes(f));
  for (const lang of ['vi', 'en', 'km']) {
    const f = data.filter((x) => path.basename(x).startsWith(`${lang}_`) || path.basename(x).startsWith(`pagefind.${lang}_`));
    console.log(`pagefind ${lang}: ${f.length} files, ${mb(sum(f))} (already gzip-compressed by Pagefind)`);
  }
  console.log(`pagefind all: ${all.length} files, ${mb(sum(all))}; search data ${mb(sum(data))}; runtime js+wasm ${mb(sum(core))}; UI files ${mb(sum(ui))}`);
}
