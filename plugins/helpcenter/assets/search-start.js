// The header's search, on every page: Material's keys (/, s, f) go to the field, focus opens
// the panel. Everything else (assets/helpcenter/search.js, then Pagefind) loads only once the
// reader searches: typing, submitting (here or in the home page's box), or ?q= in the URL.
(() => {
  const form = document.querySelector("form[data-hc-search]");
  if (!form) return;
  const query = form.elements.q;
  const SHORTCUTS = ["/", "s", "f"];
  let loaded = null;

  // search.js, once: it is given this bundle's makeElement (common.js) and gives back its search().
  function loadSearch() {
    // Relative to the page, not to this script (which is what import() would resolve it against).
    const url = new URL(form.dataset.hcSearchUi, document.baseURI).href;
    return import(url).then((module) => module.start({ makeElement }));
  }

  function searchFor(text) {
    query.value = text;
    loaded = loaded || loadSearch();
    loaded.then((search) => search(text), () => { loaded = null; });
  }

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, select, textarea, [contenteditable]");
    if (event.metaKey || event.ctrlKey || event.altKey || typing || !SHORTCUTS.includes(event.key)) return;
    event.preventDefault();
    query.focus();
    query.select();
  });
  query.addEventListener("focus", () => {
    if (!("hcQuiet" in form.dataset)) document.getElementById("__search").checked = true;
  });
  query.addEventListener("input", () => searchFor(query.value));
  document.addEventListener("submit", (event) => {
    const box = event.target;
    if (box !== form && !box.matches(".hc-search")) return;
    event.preventDefault();
    query.focus();
    searchFor(box.elements.q.value);
  });
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    query.focus();
    searchFor(asked);
  }
})();
