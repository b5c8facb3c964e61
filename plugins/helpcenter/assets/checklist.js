// Guides that remember: ticks, progress, "Did this solve your problem?" and events; and
// "Was this article helpful?" at the end of plain articles.
// The build writes every control into the page, hidden, with its words from the locale's catalog
// (without JavaScript nothing is dead); the script finds them, wires them and shows them. Every
// word it sets as the reader goes comes from the page too (data-hc-config). The reader's state
// lives in localStorage under "helpcenter:guide:<article id>", one entry shared by every locale
// of the article.
(() => {
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
    return unsaved.has(key) ? unsaved.get(key) : readStored(key);
  }

  // Anything but the current format (broken, foreign, older) counts as no state.
  function parseRecord(text) {
    const data = parseJson(text);
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

  // What storage would not keep stays in memory for this page.
  function writeText(key, text) {
    if (writeStored(key, text || null)) unsaved.delete(key);
    else unsaved.set(key, text);
  }

  function storageIsKept() {
    storageKeeps ??= writeStored(STORAGE_PREFIX, "1") && writeStored(STORAGE_PREFIX, null);
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

  // One polite live region per page: the status widget's or another guide's when it is there,
  // else one made in parent (before the element before, if given).
  function liveRegion(parent, before = null) {
    let live = document.querySelector("[data-hc-live],[data-hc-status-live]");
    if (!live) {
      live = makeElement("div", "hc-sr");
      live.role = "status";
      live.dataset.hcLive = "";
      parent.insertBefore(live, before);
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

  // A question as the build wrote it (a fieldset named by its legend): its Yes and No buttons,
  // which call answer(true) and answer(false).
  function wireAsk(holder, answer) {
    const yes = holder.querySelector(".hc-yes");
    const no = holder.querySelector(".hc-no");
    yes.addEventListener("click", () => answer(true));
    no.addEventListener("click", () => answer(false));
    return { yes, no };
  }

  // The contact link. The build filled {article}, {title}, {locale} and {url} into support.url, its
  // data-hc-href (texts.contact holds them); {tried} is what the reader tried, in their language,
  // URL-encoded. Returns setTried(names), which updates the link.
  function wireContact(link, element, texts) {
    let detail;
    link.addEventListener("click", () => emit(element, texts, "contact", detail));
    return (tried) => {
      detail = { ...texts.contact, tried: new Intl.ListFormat(texts.contact.locale).format(tried) };
      link.href = link.dataset.hcHref.replaceAll("{tried}", encodeURIComponent(detail.tried));
    };
  }

  // The steps of a guide as the build wrote them: their checkboxes, their foot (with Yes and No)
  // and their state marks (in the heading and in the overview).
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
      const name = overviewItem.textContent.trim(); // the overview holds no permalink "¶"
      return {
        index,
        id,
        section,
        title,
        name,
        checks,
        foot: section.querySelector(".hc-foot"),
        states: [title, overviewItem].map((holder) => holder.querySelector(".hc-state")),
      };
    });
  }

  function setup(guide) {
    if (refreshers.has(guide)) return;
    const texts = parseJson(guide.dataset.hcConfig);
    if (!texts) return;
    const article = guide.dataset.hcArticle;
    const key = STORAGE_PREFIX + article;
    const steps = readSteps(guide);
    if (!steps.length) return;
    const stepIds = steps.map((step) => step.id);
    const checks = steps.flatMap((step) => step.checks);

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

    // What only works with JavaScript, as the build wrote it (hidden); shown once it is wired.
    // One progress indicator, at the top; it stays in view while the reader is in the guide.
    const progress = guide.querySelector(".hc-progress");
    const progressText = progress.querySelector(".hc-progress__text");
    const bar = progress.querySelector("progress"); // its words are the text above it

    // Starting over comes after the steps, and can be undone.
    const end = guide.querySelector(".hc-end");
    const resetButton = end.querySelector(".hc-reset");
    const undoButton = end.querySelector(".hc-undo");
    const note = end.querySelector(".hc-note"); // "saved in this browser": only where storage keeps it
    const live = liveRegion(end, note);
    note.hidden = !storageIsKept();

    const solvedPanel = guide.querySelector(".hc-panel--solved");
    const stuckPanel = guide.querySelector(".hc-panel--stuck");
    const triedList = stuckPanel.querySelector("ul");
    const contactLink = stuckPanel.querySelector("[data-hc-href]");
    const contact = contactLink && wireContact(contactLink, guide, texts);

    for (const step of steps) step.ask = wireAsk(step.foot, (solved) => answer(step, solved));

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
        for (const element of step.states) {
          element.textContent = state && texts[state];
          element.dataset.state = state;
        }
        const triedHere = view.tried.includes(step.id);
        step.ask.yes.ariaPressed = step.index === solvedIndex;
        step.ask.no.ariaPressed = step.index !== solvedIndex && triedHere;
        if (triedHere || step.checks.some(isTicked)) triedNames.push(step.name);
      }
      progressText.textContent = texts.progress[doneCount];
      bar.value = doneCount;
      solvedPanel.hidden = solvedIndex < 0;
      if (solvedIndex > -1 && solvedPanel.parentNode !== steps[solvedIndex].foot) {
        steps[solvedIndex].foot.append(solvedPanel);
      }
      stuckPanel.hidden = solvedIndex > -1 || !view.tried.includes(steps.at(-1).id);
      triedList.replaceChildren(...triedNames.map((name) => makeElement("li", "", name)));
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
    for (const shown of [progress, end, ...steps.map((step) => step.foot)]) shown.hidden = false;
    refreshers.set(guide, (changedKey) => {
      if (changedKey === null || changedKey === key) reread();
    });
  }

  // -- plain articles: "Was this article helpful?" --------------------------------------------
  // The answer is remembered per article, "yes" or "no" under "helpcenter:helpful:<article id>".

  function setupHelpful(box) {
    if (!box.hidden) return; // set up already: the script shows it
    const texts = parseJson(box.dataset.hcConfig);
    if (!texts) return;
    const key = "helpcenter:helpful:" + box.dataset.hcArticle;
    const contact = box.querySelector("[data-hc-href]");
    if (contact) wireContact(contact, box, texts)([]);
    const ask = wireAsk(box, (helped) => {
      const answer = helped ? "yes" : "no";
      writeText(key, answer);
      show(answer);
      liveRegion(box).textContent = texts.thanks;
      emit(box, texts, helped ? "helpful" : "not-helpful", texts.contact);
    });

    // The pressed button shows the answer; No also offers the contact option.
    function show(answer) {
      ask.yes.ariaPressed = answer === "yes";
      ask.no.ariaPressed = answer === "no";
      if (contact) contact.hidden = answer !== "no";
    }

    show(readText(key));
    box.hidden = false;
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
  onEveryPage(start);
})();
