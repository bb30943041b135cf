(() => {
  // Added by `loa serve` only, never to built files.
  const key = 'loa-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    addEventListener('load', () => scrollTo(0, +saved));
  }
  let build = null;
  const reload = () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); };
  const hide = () => { const o = document.getElementById('loa-problem'); if (o) o.remove(); };
  const show = (lines) => {
    hide();
    const o = document.createElement('div');
    o.id = 'loa-problem';
    o.setAttribute('role', 'alert');
    o.style.cssText = 'position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;'
      + 'background:#fff4f4;color:#600;border-bottom:4px solid #c00;padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap';
    o.textContent = lines.join('\n');
    document.body.appendChild(o);
  };
  const events = new EventSource('/__loa/events');
  events.addEventListener('hello', (e) => {
    if (build !== null && e.data !== build) reload();
    build = e.data;
  });
  events.addEventListener('reload', reload);
  events.addEventListener('css', (e) => {
    build = e.data;
    hide();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('loa', e.data);
      link.href = url.href;
    }
  });
  events.addEventListener('problem', (e) => show(JSON.parse(e.data)));
})();
