// "/" of the help center: send the reader to the first of their languages the site has.
// The page lists every locale as a plain link, so it works without JavaScript too.
(() => {
  "use strict";
  const KEY = "helpcenter:locale";
  const list = document.querySelector("[data-hc-default]");
  if (!list) return;
  const links = new Map();
  for (const link of list.querySelectorAll("a[data-hc-locale]")) {
    links.set(link.dataset.hcLocale.toLowerCase().replace("-", "_"), link);
    link.addEventListener("click", () => {
      try { localStorage.setItem(KEY, link.dataset.hcLocale); } catch { /* storage off: fine */ }
    });
  }
  let stored = null;
  try { stored = localStorage.getItem(KEY); } catch { /* storage off: fine */ }
  const wanted = [stored, ...(navigator.languages || [navigator.language])];
  for (const lang of wanted) {
    if (!lang) continue;
    const code = lang.toLowerCase().replace("-", "_");
    const link = links.get(code) || links.get(code.split("_")[0]);
    if (link) { location.replace(link.href); return; }
  }
  const fallback = links.get(list.dataset.hcDefault.toLowerCase());
  if (fallback) location.replace(fallback.href);
})();
