// Search in the browser, no server: loads the index (script files, so file:// works) the
// first time the box is used. Term rules mirror loa's src/search.rs.
(() => {
  const form = document.querySelector('form.search');
  if (!form) return;
  const input = form.querySelector('input');
  const list = form.querySelector('.search-results');
  const status = form.querySelector('.search-status');
  const { root, lang, none, found } = form.dataset;
  const files = {};
  const waiting = {};
  const settle = (name, data) => {
    const w = waiting[name] || [];
    delete waiting[name];
    w.forEach((f) => f(data));
  };
  window.loaSearch = (name, data) => { files[name] = data; settle(name, data); };
  // A file that fails to load (a dropped connection) answers null to everyone waiting
  // for it, and is asked for again by the next search.
  const load = (name) => files[name] ? Promise.resolve(files[name]) : new Promise((ok) => {
    if ((waiting[name] = waiting[name] || []).push(ok) > 1) return;
    const s = document.createElement('script');
    s.src = `${root}search/${lang}/${name}.js`;
    s.onerror = () => { s.remove(); settle(name, null); };
    document.head.append(s);
  });
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
  const isKhmer = (c) => /[\u1780-\u17ff\u19e0-\u19ff]/.test(c) && !/[\u17d4-\u17d6]/.test(c);
  const stem = (w) => {
    if (lang !== 'en') return w;
    const n = w.length;
    if (n > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
    for (const x of ['ing', 'ed']) {
      if (n > x.length + 3 && w.endsWith(x)) {
        const s = w.slice(0, -x.length);
        return /([^aeioulsz])\1$/.test(s) ? s.slice(0, -1) : s;
      }
    }
    return n > 3 && w.endsWith('s') && !/(ss|us)$/.test(w) ? w.slice(0, -1) : w;
  };
  const terms = (text) => {
    const out = [];
    let word = '';
    let run = [];
    const flushWord = () => { if (word) out.push(stem(word)); word = ''; };
    const flushRun = () => {
      if (run.length === 1) out.push(run[0]);
      for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    };
    for (const c of fold(text)) {
      if (/[\u1780-\u17ff\u19e0-\u19ff]/.test(c)) {
        flushWord();
        if (isKhmer(c)) run.push(c); else flushRun();
      } else if (/[\p{Alphabetic}\p{N}]/u.test(c)) { flushRun(); word += c; } else { flushWord(); flushRun(); }
    }
    flushWord();
    flushRun();
    return out;
  };
  const shardOf = (t) => {
    if (/^[a-z0-9]+$/.test(t)) return t.slice(0, 3);
    let h = 0x811c9dc5;
    for (const c of t) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    return `x${h % 256}`;
  };
  // Postings of a term: Map doc → {q: question positions, a: answer count}. The last
  // term may be a prefix being typed.
  const postings = async (idx, term, prefix) => {
    let table = idx.terms;
    if (!table) table = idx.shards.includes(shardOf(term)) ? await load(`t-${shardOf(term)}`) : null;
    const found = new Map();
    if (!table) return found;
    const keys = table[term] ? [term] : prefix ? Object.keys(table).filter((k) => k.startsWith(term)).slice(0, 50) : [];
    for (const k of keys) {
      const a = table[k];
      for (let i = 0, doc = 0; i < a.length;) {
        doc += a[i];
        const n = a[i + 1];
        const hit = found.get(doc) || { q: [], a: 0 };
        let p = 0;
        for (let j = 0; j < n; j++) hit.q.push(p += a[i + 2 + j]);
        hit.a += a[i + 2 + n];
        found.set(doc, hit);
        i += 3 + n;
      }
    }
    return found;
  };
  const row = async (idx, d) => idx.docs ? idx.docs[d] : (await load(`d-${Math.floor(d / idx.chunk)}`) || [])[d % idx.chunk];
  const gap = (a, b) => {
    let best = 1e9;
    for (const x of a) for (const y of b) best = Math.min(best, Math.abs(y - x - 1));
    return best;
  };
  let asked = 0;
  const search = async (q) => {
    const ticket = ++asked;
    const qt = terms(q);
    if (!qt.length) return show([], q);
    const idx = await load('index');
    if (!idx || ticket !== asked) return;
    const lastIsPrefix = !/\s$/.test(q) && /^[a-z0-9]{3,}$/.test(qt[qt.length - 1]);
    const per = await Promise.all(qt.map((t, i) => postings(idx, t, lastIsPrefix && i === qt.length - 1)));
    const scores = new Map();
    per.forEach((m, i) => m.forEach((hit, doc) => {
      const s = scores.get(doc) || { hits: 0, score: 0 };
      s.hits++;
      s.score += Math.min(6, hit.q.length * 3 + hit.a);
      const next = per[i + 1] && per[i + 1].get(doc);
      if (next && hit.q.length && next.q.length) { const g = gap(hit.q, next.q); s.score += g === 0 ? 20 : 10 / (1 + g); }
      scores.set(doc, s);
    }));
    const exact = q.toLowerCase().normalize('NFC').split(/\s+/).filter((w) => w && fold(w) !== w);
    const top = [...scores].sort((a, b) => b[1].hits - a[1].hits || b[1].score - a[1].score).slice(0, 20);
    const rows = await Promise.all(top.map(([d]) => row(idx, d)));
    if (ticket !== asked) return;
    const ranked = top.flatMap(([, s], i) => {
      if (!rows[i]) return [];
      const text = `${rows[i][0]} ${rows[i][3]}`.toLowerCase();
      return [{ r: rows[i], s: s.hits * 1000 + s.score + exact.filter((w) => text.includes(w)).length * 15 }];
    }).sort((a, b) => b.s - a.s).slice(0, 10);
    show(ranked.map((x) => x.r), q);
  };
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const mark = (text, q) => {
    const want = new Set(terms(q));
    const khmer = q.trim() && isKhmer(q.trim()[0]) ? q.trim() : null;
    if (khmer) return esc(text).split(esc(khmer)).join(`<mark>${esc(khmer)}</mark>`);
    return text.split(/([\p{Alphabetic}\p{N}]+)/u).map((w, i) => i % 2 && terms(w).some((t) => want.has(t)) ? `<mark>${esc(w)}</mark>` : esc(w)).join('');
  };
  const show = (rows, q) => {
    const at = [...list.querySelectorAll('a')].indexOf(document.activeElement);
    list.innerHTML = rows.map(([question, url, explainer, excerpt]) => `<li><a href="${esc(root + url)}"><strong>${mark(question, q)}</strong> <span>${esc(explainer)}</span><small>${mark(excerpt, q)}</small></a></li>`).join('');
    list.dataset.query = q;
    status.textContent = q.trim() ? (rows.length ? found.replace('%n', rows.length) : none) : '';
    // A reader who arrowed into the results of a shorter query keeps a place in the new ones
    // (on a slow phone the last letters' results come later), so Enter still opens one.
    if (at >= 0) {
      const links = list.querySelectorAll('a');
      (links[Math.min(at, links.length - 1)] || input).focus();
    }
  };
  let timer;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => search(input.value), 200); });
  input.addEventListener('focus', () => load('index'), { once: true });
  form.addEventListener('submit', (e) => { e.preventDefault(); search(input.value); });
  form.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && links.length) { e.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
    if (e.key === 'ArrowUp' && at >= 0) { e.preventDefault(); (at ? links[at - 1] : input).focus(); }
    if (e.key === 'Escape') { input.value = ''; show([], ''); input.focus(); }
  });
})();
