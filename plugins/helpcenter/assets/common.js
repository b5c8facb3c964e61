// What the parts of helpcenter.js share, one copy of each. The build joins the parts into one
// function (helpcenter/served.py), so these are in scope for every part after this one; each
// part keeps its own names inside its own function.

// JSON from text that may be anything (storage, an attribute): null when it is not JSON.
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// The browser's storage ("localStorage", or "sessionStorage"): off, refused or full, it keeps
// nothing, and the page goes on without it.
function readStored(key, area = "localStorage") {
  try {
    return window[area].getItem(key);
  } catch {
    return null;
  }
}

// Stores `text` under `key` (null removes it); whether the storage took it.
function writeStored(key, text, area = "localStorage") {
  try {
    if (text === null) window[area].removeItem(key);
    else window[area].setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

function makeElement(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
}

// `start` for this page and for every page Material's instant navigation brings in (the script
// is not loaded again then: the theme's document$ gives the page now, then each new one); without
// the theme, once the page is parsed.
function onEveryPage(start) {
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
