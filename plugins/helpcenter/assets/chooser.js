// "/": the reader is sent to their remembered choice (language.js keeps it), else to the first
// of their browser's languages the site has. "/" lists every locale as a plain link, so it
// works without JS. Only "/" loads this file.
(() => {
  "use strict";
  const KEY = "helpcenter:locale";
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
