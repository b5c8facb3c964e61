// "Recently viewed" on home and article pages: the last articles this reader opened in this
// locale, newest first, without the one on screen. They are kept in this browser only, under
// "helpcenter:recent:<locale>" (nothing is sent anywhere); the list stays hidden until there is one.
(() => {
  const SHOWN = 5;

  function storageKey(locale) {
    return "helpcenter:recent:" + locale;
  }

  // A visit as this script writes it, with a link that stays on this site ("/…", not "//…" or "/\…"):
  // anything else in storage (another script's, an older version's) is skipped.
  function isVisit(visit) {
    return typeof visit?.title === "string" && typeof visit.url === "string" && /^\/(?![/\\])/.test(visit.url);
  }

  // Storage off, or not ours: nothing remembered.
  function readVisits(key) {
    const visits = parseJson(readStored(key));
    return Array.isArray(visits) ? visits.filter(isVisit) : [];
  }

  // One link, its title as text; an article shown in another language says so with lang.
  function listItem(visit) {
    const item = makeElement("li", "hc-recent__item");
    const link = makeElement("a", "", visit.title);
    link.href = visit.url;
    if (typeof visit.lang === "string") {
      link.lang = visit.lang;
      link.hreflang = visit.lang;
    }
    item.append(link);
    return item;
  }

  function setup(box) {
    const key = storageKey(box.dataset.hcRecent);
    const current = box.dataset.hcArticle;
    const earlier = readVisits(key).filter((visit) => visit.article !== current);
    const shown = earlier.slice(0, SHOWN);
    box.querySelector("ul").replaceChildren(...shown.map(listItem));
    box.hidden = shown.length === 0;
    if (current) {
      const visit = { article: current, title: box.dataset.hcTitle, url: location.pathname };
      if (box.dataset.hcLang) visit.lang = box.dataset.hcLang;
      // One more than is shown, so that five remain besides the one being read.
      writeStored(key, JSON.stringify([visit, ...earlier].slice(0, SHOWN + 1))); // or not: a convenience
    }
  }

  function start() {
    document.querySelectorAll("[data-hc-recent]").forEach(setup);
  }
  onEveryPage(start);
})();
