// Search results, loaded by search-start.js when the reader first searches (an ES module): the
// header's field over Pagefind, one index per locale (<locale>/pagefind/), whose library, WebAssembly,
// index chunks and result fragments are fetched only as the query needs them. Words and settings
// come from the form's data-hc-search attribute; no inline script, no eval: works under
// script-src 'self' 'wasm-unsafe-eval'. Without JavaScript the form leads to the locale's home page.
// search-start.js (in the page's bundle) loads it and calls start() once, with the bundle's own
// helpers (common.js): one copy of each for both.
const form = document.querySelector("form[data-hc-search]");
const query = form.elements.q;
const list = document.querySelector("[data-hc-search-results]");
const meta = document.querySelector("[data-hc-search-meta]");

const stylesheet = document.createElement("link");
stylesheet.rel = "stylesheet";
stylesheet.href = new URL("search.css", import.meta.url).href;
document.head.append(stylesheet);

const PAGE_SIZE = 5; // results shown at a time (each costs one small fragment request)
const MAX_STEPS = 4; // matched steps (sub-links) shown per result
const TYPING_PAUSE = 200; // ms without a keystroke before a search starts
const settings = readSettings();
const texts = settings.texts || {};
const plurals = new Intl.PluralRules(settings.lang);
const numbers = new Intl.NumberFormat(settings.lang);
const toggle = document.getElementById("__search");
const idleText = meta.textContent.trim(); // the theme's "Type to start searching"
const bundleUrl = new URL("pagefind/pagefind.js", form.action).href;
// When nothing matches: the way to support, told what the reader searched for ({tried}).
const contact = readContact();
let contactDetail = null; // what helpcenter:contact tells, for the search shown

// Made by start(), with the page bundle's makeElement.
let makeElement;
let moreButton;
let contactLink;

let engine = null; // Promise of the Pagefind module, from the first keystroke on
let latest = 0; // the newest query's number: answers to older ones are dropped
let shown = { term: "", results: [], count: 0 };
let ownRegion = null; // the live region this script made, when the page had none

function readSettings() {
  try {
    return JSON.parse(form.dataset.hcSearch);
  } catch {
    return { lang: document.documentElement.lang, texts: {} };
  }
}

// data-hc-search-contact: {label, url (support.url, all but {tried} filled in), contact}; none
// when the site has no support.url.
function readContact() {
  try {
    return form.dataset.hcSearchContact ? JSON.parse(form.dataset.hcSearchContact) : null;
  } catch {
    return null;
  }
}

// -- the panel: Material's search toggle opens and closes it ------------------------------

function isOpen() {
  return Boolean(toggle && toggle.checked);
}

function setOpen(open) {
  if (!toggle || toggle.checked === open) return;
  toggle.checked = open;
  toggle.dispatchEvent(new Event("change"));
  if (open) liveRegion();
}

// Escape: the panel closes and the field keeps the focus (without opening the panel again).
function closeAndReturn() {
  setOpen(false);
  form.dataset.hcQuiet = "";
  query.focus();
  delete form.dataset.hcQuiet;
}

// -- the polite live region: the page's own one, else one made here ------------------------

function liveRegion() {
  const existing = [...document.querySelectorAll("[data-hc-live],[data-hc-status-live]")].find(
    (region) => region !== ownRegion,
  );
  if (existing) {
    if (ownRegion) ownRegion.remove();
    ownRegion = null;
    return existing;
  }
  if (!ownRegion) {
    ownRegion = makeElement("div", "hc-sr");
    ownRegion.setAttribute("role", "status");
    ownRegion.dataset.hcLive = "";
    document.body.append(ownRegion);
  }
  return ownRegion;
}

// A page Material's instant navigation brings in may have a region of its own (a guide's, the
// status widget's): then the one made here goes, so that the page keeps one.
if (window.document$) {
  window.document$.subscribe(() => {
    if (ownRegion) liveRegion();
  });
}

function announce(message) {
  const region = liveRegion();
  region.textContent = "";
  // A moment later, so that the same words twice are announced twice.
  setTimeout(() => { region.textContent = message; }, 50);
}

function countText(count) {
  const forms = texts.results || {};
  const template = forms[plurals.select(count)] || forms.other || "%(num)d";
  return template.replace("%(num)d", numbers.format(count));
}

// -- searching -------------------------------------------------------------------------------

function loadEngine() {
  if (!engine) {
    engine = import(bundleUrl).then(async (pagefind) => {
      // On the page's own thread: a worker would be one more script to fetch (about 12 KB gzip)
      // for work that takes milliseconds per query.
      await pagefind.options({ excerptLength: 18, noWorker: true });
      return pagefind;
    });
    engine.catch(() => { engine = null; }); // try again on the next keystroke
  }
  return engine;
}

async function run(term) {
  const number = ++latest;
  term = term.trim();
  if (!term) {
    showNothing();
    return;
  }
  meta.textContent = texts.searching || "";
  let pagefind;
  try {
    pagefind = await loadEngine();
  } catch {
    if (number === latest) showFailure();
    return;
  }
  // Only once the reader pauses: Pagefind fetches index chunks for every term it is given (its own
  // debounced search preloads each one), and a word half typed would fetch chunks nobody needs.
  await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE));
  if (number !== latest) return; // a newer query took over
  const answer = await pagefind.search(term);
  if (number !== latest) return;
  shown = { term, results: answer.results, count: 0 };
  list.replaceChildren();
  contactLink.hidden = true;
  await showMore(number);
  if (number !== latest) return;
  const summary = answer.results.length ? countText(answer.results.length) : texts.none;
  meta.textContent = summary;
  if (!answer.results.length) offerContact(term);
  announce(summary);
}

function offerContact(term) {
  if (!contact) return;
  contactDetail = { ...contact.contact, tried: term };
  contactLink.href = contact.url.replaceAll("{tried}", encodeURIComponent(term));
  contactLink.hidden = false;
}

async function showMore(number) {
  const next = shown.results.slice(shown.count, shown.count + PAGE_SIZE);
  let pages;
  try {
    pages = await Promise.all(next.map((result) => result.data()));
  } catch {
    if (number === latest) showFailure();
    return;
  }
  if (number !== latest) return;
  shown.count += next.length;
  for (const page of pages) list.append(renderResult(page));
  moreButton.hidden = shown.count >= shown.results.length;
}

function showNothing() {
  list.replaceChildren();
  moreButton.hidden = true;
  contactLink.hidden = true;
  meta.textContent = idleText;
}

function showFailure() {
  list.replaceChildren();
  moreButton.hidden = true;
  contactLink.hidden = true;
  const home = makeElement("a", "", texts.failed);
  home.href = form.action;
  meta.replaceChildren(home);
  announce(texts.failed || "");
}

// -- one result: title, what it is and where, an excerpt; a guide's matched steps ----------

// Pagefind's titles are the text they are; its excerpts are text with < and > escaped and <mark>
// around the matched words. An excerpt is read in an inert document and put in as text: nothing
// in it becomes markup but the marks.
function parseInert(html) {
  return new DOMParser().parseFromString(`<!doctype html><body>${html || ""}`, "text/html").body;
}

function highlighted(className, html) {
  const element = makeElement("span", className);
  for (const node of parseInert(html).childNodes) {
    if (node.nodeName === "MARK") element.append(makeElement("mark", "", node.textContent));
    else element.append(node.textContent);
  }
  return element;
}

function renderResult(page) {
  const item = makeElement("li", "md-search-result__item hc-result");
  const link = makeElement("a", "md-search-result__link hc-result__link");
  link.href = page.url;
  const kind = page.filters && page.filters.type ? page.filters.type[0] : "";
  const facts = [texts[kind], page.meta.category].filter(Boolean).join(" · ");
  link.append(makeElement("span", "hc-result__title", page.meta.title || page.url));
  if (facts) link.append(makeElement("span", "hc-result__facts", facts));
  link.append(highlighted("hc-result__excerpt", page.excerpt));
  item.append(link);
  const steps = (page.sub_results || []).filter((sub) => sub.url.includes("#")).slice(0, MAX_STEPS);
  if (steps.length) {
    const stepList = makeElement("ul", "hc-result__steps");
    stepList.setAttribute("aria-label", texts.steps || "");
    for (const step of steps) {
      const stepItem = makeElement("li", "hc-result__step-item");
      const stepLink = makeElement("a", "md-search-result__link hc-result__step");
      stepLink.href = step.url;
      stepLink.append(makeElement("span", "hc-result__step-title", step.title));
      stepLink.append(highlighted("hc-result__excerpt", step.excerpt));
      stepItem.append(stepLink);
      stepList.append(stepItem);
    }
    item.append(stepList);
  }
  return item;
}

// -- keyboard: arrows and Enter through the results, Escape closes -------------------------

function focusables() {
  const items = [...list.querySelectorAll("a")];
  if (!moreButton.hidden) items.push(moreButton);
  if (!contactLink.hidden) items.push(contactLink);
  return items;
}

function moveFocus(from, step) {
  const items = focusables();
  const index = items.indexOf(from) + step;
  if (index < 0) query.focus();
  else if (index < items.length) items[index].focus();
}

query.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" && focusables().length) {
    event.preventDefault();
    setOpen(true);
    focusables()[0].focus();
  } else if (event.key === "Escape") {
    event.preventDefault();
    closeAndReturn();
  }
});

const output = list.closest(".md-search__output") || list.parentElement;
output.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    moveFocus(event.target, event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Escape") {
    event.preventDefault();
    closeAndReturn();
  }
});

form.addEventListener("reset", () => {
  latest++;
  showNothing();
  query.focus();
});

// A result followed (instant navigation keeps the header): the panel closes.
list.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
});

// The buttons after the results: "Show more results", and support when nothing matches.
function addButtons() {
  moreButton = makeElement("button", "md-button hc-search__more", texts.more);
  moreButton.type = "button";
  moreButton.hidden = true;
  moreButton.addEventListener("click", async () => {
    const first = list.children.length;
    await showMore(latest);
    const link = list.children[first] && list.children[first].querySelector("a");
    if (link) link.focus();
  });
  contactLink = makeElement("a", "md-button md-button--primary hc-search__contact", contact && contact.label);
  contactLink.hidden = true;
  contactLink.addEventListener("click", () => {
    form.dispatchEvent(new CustomEvent("helpcenter:contact", { bubbles: true, detail: contactDetail }));
  });
  list.after(moreButton, contactLink);
}

// What search-start.js calls once, with the page bundle's helpers; it returns search(), which it
// calls each time the reader searches for `text` (typed, submitted, or ?q=).
export function start(shared) {
  makeElement = shared.makeElement;
  addButtons();
  return search;
}

function search(text) {
  setOpen(true);
  liveRegion(); // in place before anything is said in it, so that screen readers announce the first count
  return run(text);
}
