// Guides that remember: ticks, progress, "Did this solve your problem?" and events; and
// "Was this article helpful?" at the end of plain articles.
// Every word comes from the page (the guide's or the question's data-hc-config, built from the locale's
// catalog). The reader's state lives in localStorage under "helpcenter:guide:<article id>",
// one entry shared by every locale of the article.
(() => {
  "use strict";

  // -- the stored record ----------------------------------------------------------------------
  // Stored compactly as {"v":1,"c":{"<step>/<item>":"<fingerprint>"},"s":"<step>","t":["<step>"]};
  // read into a record with named fields:
  //   checks: Map of check id ("<step anchor>/<item key>") -> fingerprint of the ticked item's source text
  //   solved: the step answered "Yes" ("" if none)
  //   tried:  the steps answered "No"
  const STORAGE_PREFIX = "helpcenter:guide:";
  const FORMAT_VERSION = 1;
  const UNDO_SECONDS = 20; // how long "Undo" is offered after "Start over"
  const unsaved = new Map(); // what storage would not keep (private mode, quota, disabled), by key
  const refreshers = new WeakMap(); // guide element -> its refresh(changedKey)
  let storageKeeps; // does storage keep what it is given? Asked once, on the first guide.

  const emptyRecord = () => ({ checks: new Map(), solved: "", tried: [] });

  function readText(key) {
    if (unsaved.has(key)) return unsaved.get(key);
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  // Anything but the current format (broken, foreign, older) counts as no state.
  function parseRecord(text) {
    let data = null;
    try {
      data = JSON.parse(text);
    } catch {
      return emptyRecord();
    }
    const isCurrent = data && data.v === FORMAT_VERSION && data.c && typeof data.c === "object";
    if (!isCurrent || Array.isArray(data.c)) return emptyRecord();
    return {
      checks: new Map(Object.entries(data.c).filter(([, fingerprint]) => typeof fingerprint === "string")),
      solved: typeof data.s === "string" ? data.s : "",
      tried: Array.isArray(data.t) ? data.t.filter((step) => typeof step === "string") : [],
    };
  }

  const serialize = (record) =>
    JSON.stringify({ v: FORMAT_VERSION, c: Object.fromEntries(record.checks), s: record.solved, t: record.tried });

  const load = (key) => parseRecord(readText(key));

  const store = (key, record) => writeText(key, record && serialize(record));

  function writeText(key, text) {
    unsaved.set(key, text);
    try {
      if (text) localStorage.setItem(key, text);
      else localStorage.removeItem(key);
      unsaved.delete(key);
    } catch {
      /* kept in memory for this page */
    }
  }

  function storageIsKept() {
    if (storageKeeps === undefined) {
      try {
        localStorage.setItem(STORAGE_PREFIX, "1");
        localStorage.removeItem(STORAGE_PREFIX);
        storageKeeps = true;
      } catch {
        storageKeeps = false;
      }
    }
    return storageKeeps;
  }

  // -- what one page makes of the record -----------------------------------------------------
  // A page knows only its own checks: a translation may have fewer or more items than
  // another locale's page of the same article. It reads the ticks of its checks and leaves
  // every other entry of the record as it is, for the pages that have those checks.

  // A stored tick counts only where its fingerprint matches the check's. A tick whose item
  // moved (its text is now at another check of this page) follows the text; no tick ever
  // lands on an item with other text.
  function pageView(record, checks, stepIds) {
    const ticked = new Set();
    const moved = []; // stored check ids whose tick went to another check of this page
    for (const check of checks) {
      if (check.fingerprint && record.checks.get(check.id) === check.fingerprint) ticked.add(check.id);
    }
    const unmatched = new Map(); // fingerprint -> stored check ids not matching their own check
    for (const [id, fingerprint] of record.checks) {
      if (ticked.has(id)) continue;
      if (!unmatched.has(fingerprint)) unmatched.set(fingerprint, []);
      unmatched.get(fingerprint).push(id);
    }
    for (const check of checks) {
      if (ticked.has(check.id) || !check.fingerprint) continue;
      const from = (unmatched.get(check.fingerprint) || []).shift();
      if (from !== undefined) {
        ticked.add(check.id);
        moved.push(from);
      }
    }
    return {
      ticked,
      moved,
      solved: stepIds.includes(record.solved) ? record.solved : "",
      tried: record.tried.filter((step) => stepIds.includes(step)),
    };
  }

  // The page's view written over the record when the reader changes something: the ticks of
  // this page's checks are written at their places (a tick that moved leaves its old place),
  // its unticked checks lose their own ticks, and every other entry stays as it is.
  function applyView(record, view, checks) {
    for (const id of view.moved) record.checks.delete(id);
    for (const check of checks) {
      if (view.ticked.has(check.id)) record.checks.set(check.id, check.fingerprint);
      else if (record.checks.get(check.id) === check.fingerprint) record.checks.delete(check.id);
    }
    return record;
  }

  // -- the page's elements --------------------------------------------------------------------

  function make(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function makeButton(text, className) {
    const button = make("button", "md-button " + className, text);
    button.type = "button";
    return button;
  }

  function makePanel(className, title, text) {
    const panel = make("div", "hc-panel " + className);
    panel.tabIndex = -1;
    panel.hidden = true;
    panel.append(make("h3", "", title), make("p", "", text));
    return panel;
  }

  // A question with Yes and No: a fieldset named by its legend.
  function makeAsk(question, texts) {
    const ask = make("fieldset", "hc-ask");
    const yes = makeButton(texts.yes, "hc-yes");
    const no = makeButton(texts.no, "hc-no");
    ask.append(make("legend", "hc-ask__q", question), yes, no);
    return { ask, yes, no };
  }

  // One polite live region per page: the status widget's or another guide's when it is there.
  function liveRegion(parent) {
    let live = document.querySelector("[data-hc-live],[data-hc-status-live]");
    if (!live) {
      live = make("div", "hc-sr");
      live.role = "status";
      live.dataset.hcLive = "";
      parent.append(live);
    }
    return live;
  }

  // A bubbling "helpcenter:<name>" event, and the site's feedback beacon when it has one.
  function emit(element, texts, name, detail) {
    const event = "helpcenter:" + name;
    element.dispatchEvent(new CustomEvent(event, { bubbles: true, detail }));
    try {
      if (texts.feedback) navigator.sendBeacon(texts.feedback, JSON.stringify({ event, ...detail }));
    } catch {
      /* analytics never break the page */
    }
  }

  // The contact option. The build filled {article}, {title}, {locale} and {url} into support.url
  // (texts.contact holds them); {tried} is what the reader tried, in their language, URL-encoded.
  // Returns setTried(names), which updates the link and returns it.
  function makeContact(element, texts) {
    const link = make("a", "md-button md-button--primary", texts.support);
    let detail;
    link.addEventListener("click", () => emit(element, texts, "contact", detail));
    return (tried) => {
      detail = { ...texts.contact, tried: new Intl.ListFormat(texts.contact.locale).format(tried) };
      link.href = texts.supportUrl.replaceAll("{tried}", encodeURIComponent(detail.tried));
      return link;
    };
  }

  // The steps of a guide as the build wrote them, with their checkboxes.
  function readSteps(guide) {
    const overviewItems = guide.querySelectorAll(".hc-overview__item");
    return [...guide.querySelectorAll(".hc-step")].map((section, index) => {
      const title = section.querySelector(".hc-step__title");
      const overviewItem = overviewItems[index];
      const id = section.dataset.hcStep;
      const checks = [...section.querySelectorAll(".hc-check__input")].map((input) => ({
        input,
        item: input.dataset.hcKey,
        id: id + "/" + input.dataset.hcKey,
        fingerprint: input.dataset.hcFp || "",
      }));
      const name = (overviewItem || title).textContent.replace("¶", "").trim();
      return { index, id, section, title, overviewItem, name, checks };
    });
  }

  function setup(guide) {
    if (refreshers.has(guide)) return;
    let texts;
    try {
      texts = JSON.parse(guide.dataset.hcConfig);
    } catch {
      return;
    }
    const article = guide.dataset.hcArticle;
    const key = STORAGE_PREFIX + article;
    const steps = readSteps(guide);
    if (!steps.length) return;
    const stepIds = steps.map((step) => step.id);
    const checks = steps.flatMap((step) => step.checks);
    const lastStep = steps.at(-1);

    // Reading never writes: a page saves only when its reader changes something.
    let view = pageView(load(key), checks, stepIds);
    const isTicked = (check) => view.ticked.has(check.id);
    const isDone = (step) => step.checks.every(isTicked);

    // Every change is made on the record as stored now (another tab, another locale's page
    // may have written since), then this page's part is written over it.
    function update(change) {
      const record = load(key);
      const fresh = pageView(record, checks, stepIds);
      change(record, fresh);
      store(key, applyView(record, fresh, checks));
      view = pageView(record, checks, stepIds);
    }

    const emitStep = (name, step, extra) =>
      emit(guide, texts, name, { article, locale: guide.dataset.hcLocale, step: step.id, ...extra });

    // What only works with JavaScript is made here, so without it nothing is dead.
    // One progress indicator, at the top; it stays in view while the reader is in the guide.
    const progress = make("div", "hc-progress");
    const progressText = make("p", "hc-progress__text");
    const bar = make("progress"); // its words are the text above it
    bar.max = steps.length;
    bar.ariaHidden = "true";
    progress.append(progressText, bar);
    const overview = guide.querySelector(".hc-overview");
    if (overview) overview.after(progress);
    else guide.prepend(progress);

    // Starting over comes after the steps, and can be undone.
    const end = make("div", "hc-end");
    const resetButton = makeButton(texts.reset, "hc-reset");
    const undoButton = makeButton(texts.undo, "hc-undo");
    undoButton.hidden = true;
    end.append(resetButton, undoButton);
    const live = liveRegion(end);
    if (storageIsKept()) end.append(make("p", "hc-note", texts.saved));
    guide.querySelector(".hc-steps").after(end);

    const solvedPanel = makePanel("hc-panel--solved", texts.solved, texts.solvedText);
    const stuckPanel = makePanel("hc-panel--stuck", texts.stuck, texts.stuckText);
    const triedList = make("ul");
    stuckPanel.append(triedList);
    const contact = texts.supportUrl && makeContact(guide, texts);
    if (contact) stuckPanel.append(contact([]));
    lastStep.section.append(stuckPanel);

    for (const step of steps) {
      step.headingState = make("span", "hc-state");
      step.title.insertBefore(step.headingState, step.title.querySelector(".headerlink"));
      step.overviewState = make("span", "hc-state");
      if (step.overviewItem) step.overviewItem.append(step.overviewState);
      const { ask, yes, no } = makeAsk(texts.ask, texts);
      step.yesButton = yes;
      step.noButton = no;
      yes.addEventListener("click", () => answer(step, true));
      no.addEventListener("click", () => answer(step, false));
      step.foot = make("div", "hc-foot");
      step.foot.append(ask);
      step.section.insertBefore(step.foot, step === lastStep ? stuckPanel : null);
    }

    // Shows the view; returns how many steps are done.
    function render() {
      const solvedIndex = stepIds.indexOf(view.solved);
      const triedNames = [];
      let doneCount = 0;
      for (const step of steps) {
        for (const check of step.checks) check.input.checked = isTicked(check);
        const done = isDone(step);
        const skipped = !done && solvedIndex > -1 && step.index > solvedIndex;
        const state = done ? "done" : skipped ? "skipped" : "";
        if (done) doneCount += 1;
        for (const element of [step.headingState, step.overviewState]) {
          element.textContent = state && texts[state];
          element.dataset.state = state;
        }
        const triedHere = view.tried.includes(step.id);
        step.yesButton.ariaPressed = step.index === solvedIndex;
        step.noButton.ariaPressed = step.index !== solvedIndex && triedHere;
        if (triedHere || step.checks.some(isTicked)) triedNames.push(step.name);
      }
      progressText.textContent = texts.progress[doneCount];
      bar.value = doneCount;
      solvedPanel.hidden = solvedIndex < 0;
      if (solvedIndex > -1 && solvedPanel.parentNode !== steps[solvedIndex].foot) {
        steps[solvedIndex].foot.append(solvedPanel);
      }
      stuckPanel.hidden = solvedIndex > -1 || !view.tried.includes(lastStep.id);
      triedList.replaceChildren(...triedNames.map((name) => make("li", "", name)));
      triedList.hidden = !triedNames.length;
      if (contact) contact(triedNames);
      return doneCount;
    }

    function answer(step, solved) {
      update((record) => {
        if (solved) record.solved = step.id;
        else {
          if (stepIds.includes(record.solved)) record.solved = "";
          if (!record.tried.includes(step.id)) record.tried.push(step.id);
        }
      });
      render();
      emitStep(solved ? "solved" : "not-solved", step);
      const nextStep = steps[step.index + 1];
      if (solved) solvedPanel.focus();
      else if (nextStep) {
        nextStep.title.tabIndex = -1;
        nextStep.title.focus();
      } else stuckPanel.focus();
    }

    guide.addEventListener("change", (event) => {
      const step = steps.find((candidate) => candidate.section.contains(event.target));
      const check = step && step.checks.find((candidate) => candidate.input === event.target);
      if (!check) return;
      const wasDone = isDone(step);
      const ticked = check.input.checked;
      update((record, fresh) => {
        if (ticked) fresh.ticked.add(check.id);
        else fresh.ticked.delete(check.id);
      });
      const doneCount = render();
      emitStep("check", step, { item: check.item, checked: ticked });
      if (!wasDone && isDone(step)) {
        live.textContent = texts.stepDone[step.index] + " " + texts.progress[doneCount];
        emitStep("step-complete", step);
      }
    });

    // A reset is never silent: it is announced, and Undo puts the stored state back.
    let undoText = null;
    let undoTimer;
    function showUndo(shown) {
      clearTimeout(undoTimer);
      if (!shown && document.activeElement === undoButton) resetButton.focus();
      undoButton.hidden = !shown;
      if (shown) undoTimer = setTimeout(showUndo, UNDO_SECONDS * 1000, false);
    }
    function reread() {
      view = pageView(load(key), checks, stepIds);
      render();
    }

    resetButton.addEventListener("click", () => {
      undoText = readText(key) ?? undoText; // a second click keeps what the first cleared
      store(key, null);
      reread();
      showUndo(true);
      live.textContent = texts.cleared;
    });

    undoButton.addEventListener("click", () => {
      writeText(key, undoText);
      reread();
      showUndo(false);
      live.textContent = texts.restored;
    });

    render();
    refreshers.set(guide, (changedKey) => {
      if (changedKey === null || changedKey === key) reread();
    });
  }

  // -- plain articles: "Was this article helpful?" --------------------------------------------
  // The answer is remembered per article, "yes" or "no" under "helpcenter:helpful:<article id>".

  function setupHelpful(box) {
    if (box.firstChild) return; // set up already
    const texts = JSON.parse(box.dataset.hcConfig);
    const key = "helpcenter:helpful:" + box.dataset.hcArticle;
    const { ask, yes, no } = makeAsk(texts.helpful, texts);
    const contact = texts.supportUrl && makeContact(box, texts)([]);
    box.append(ask, contact || "");

    // The pressed button shows the answer; No also offers the contact option.
    function show(answer) {
      yes.ariaPressed = answer === "yes";
      no.ariaPressed = answer === "no";
      if (contact) contact.hidden = answer !== "no";
    }

    for (const button of [yes, no]) {
      button.addEventListener("click", () => {
        const answer = button === yes ? "yes" : "no";
        writeText(key, answer);
        show(answer);
        liveRegion(box).textContent = texts.thanks;
        emit(box, texts, button === yes ? "helpful" : "not-helpful", texts.contact);
      });
    }
    show(readText(key));
  }

  // Another tab changed its ticks: show them here too.
  addEventListener("storage", (event) => {
    if (event.key !== null && !event.key.startsWith(STORAGE_PREFIX)) return;
    if (event.key === null) unsaved.clear();
    else unsaved.delete(event.key);
    for (const guide of document.querySelectorAll(".hc-guide")) {
      const refresh = refreshers.get(guide);
      if (refresh) refresh(event.key);
    }
  });

  function start() {
    document.querySelectorAll(".hc-guide[data-hc-config]").forEach(setup);
    document.querySelectorAll(".hc-helpful[data-hc-config]").forEach(setupHelpful);
  }
  start();
  // Material's instant navigation swaps the page without reloading this script.
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
})();
