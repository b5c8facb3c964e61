// Material for MkDocs defines four helpers in an inline <script> in <head>; under
// Content-Security-Policy: script-src 'self' that script is refused and the theme's bundle
// (search, palette, instant navigation) fails without them. Loaded from the site, this
// defines them the same way when, and only when, the inline script did not run.
if (typeof window.__md_scope === "undefined") {
  window.__md_scope = new URL(document.currentScript.dataset.scope || "/", location);
  window.__md_hash = (v) => [...v].reduce((h, c) => (h << 5) - h + c.charCodeAt(0), 0);
  window.__md_get = (k, s = localStorage, t = window.__md_scope) => JSON.parse(s.getItem(t.pathname + "." + k));
  window.__md_set = (k, v, s = localStorage, t = window.__md_scope) => {
    try { s.setItem(t.pathname + "." + k, JSON.stringify(v)); } catch { /* storage off: fine */ }
  };
}
