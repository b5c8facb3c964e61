// Language choice. Every locale link (switcher, "/") remembers the reader's choice;
// on "/" the reader is sent to that choice, else to the first of their browser's
// languages the site has. "/" lists every locale as a plain link, so it works without JS.
(() => {
  "use strict";
  const KEY = "helpcenter:locale";
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-hc-locale]");
    if (!link) return;
    try { localStorage.setItem(KEY, link.dataset.hcLocale); } catch { /* storage off: fine */ }
  });
  // The home page's search form needs the theme's search (a script): show it only then.
  const reveal = () => { for (const form of document.querySelectorAll("form.hc-search[hidden]")) form.hidden = false; };
  if (window.document$) window.document$.subscribe(reveal); else reveal();
  // Material's search overlay is a role=dialog without a name: name it after its search box.
  const dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  const query = dialog && dialog.querySelector("input[aria-label]");
  if (query) dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
  const list = document.querySelector("[data-hc-default]");
  if (!list) return;
  const links = new Map();
  for (const link of list.querySelectorAll("a[data-hc-locale]")) {
    links.set(link.dataset.hcLocale.toLowerCase().replace("-", "_"), link);
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
