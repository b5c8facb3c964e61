// Language choice. Every locale link (switcher, "/") remembers the reader's choice;
// on "/" the reader is sent to that choice, else to the first of their browser's
// languages the site has. "/" lists every locale as a plain link, so it works without JS.
(() => {
  "use strict";
  const KEY = "helpcenter:locale";
  // Captured, before the theme's handler of alternate links, which would drop an anchor.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-hc-locale]");
    if (!link) return;
    // Inside a guide step, the link lands on the same step: step anchors are the same in
    // every language. The step is the one a third down the window; the browser follows the link.
    const here = document.elementFromPoint(innerWidth / 2, innerHeight / 3);
    const step = here && here.closest(".hc-step");
    if (step) {
      link.hash = step.dataset.hcStep;
      event.stopPropagation();
    }
    try { localStorage.setItem(KEY, link.dataset.hcLocale); } catch { /* storage off: fine */ }
  }, true);
  // The home page's search form needs the theme's search (a script): show it only then.
  const reveal = () => { for (const form of document.querySelectorAll("form.hc-search[hidden]")) form.hidden = false; };
  if (window.document$) window.document$.subscribe(reveal); else reveal();
  // Material's search overlay is a role=dialog without a name: name it after its search box.
  const dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  const query = dialog && dialog.querySelector("input[aria-label]");
  if (query) dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
  const list = document.querySelector("[data-hc-default]");
  if (!list) return;

  // "sv-SE", "sv_se" and "SV-se" are one locale; "sv" is its language.
  const localeKey = (code) => code.toLowerCase().replace(/_/g, "-");
  const languageOf = (code) => localeKey(code).split("-")[0];
  const byLocale = new Map();
  const byLanguage = new Map(); // the first locale of each language, for a browser that names only the language
  for (const link of list.querySelectorAll("a[data-hc-locale]")) {
    byLocale.set(localeKey(link.dataset.hcLocale), link);
    if (!byLanguage.has(languageOf(link.dataset.hcLocale))) byLanguage.set(languageOf(link.dataset.hcLocale), link);
  }
  let stored = null;
  try { stored = localStorage.getItem(KEY); } catch { /* storage off: fine */ }
  const wanted = [stored, ...(navigator.languages || [navigator.language])].filter(Boolean);
  const chosen =
    wanted.map((code) => byLocale.get(localeKey(code)) || byLanguage.get(languageOf(code))).find(Boolean) ||
    byLocale.get(localeKey(list.dataset.hcDefault));
  if (chosen) location.replace(chosen.href);
})();
