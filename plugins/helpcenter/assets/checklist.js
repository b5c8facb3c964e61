// Guides that remember: ticks, progress, "Did this solve your problem?" and events.
// Every word comes from the page (the guide's data-hc-config, built from the locale's
// catalog); state lives in localStorage under "helpcenter:guide:<article id>", keyed by
// step anchor and item key and checked against the item's source fingerprint.
(() => {
  "use strict";
  const PREFIX = "helpcenter:guide:";
  const memory = new Map(); // what storage would not keep (private mode, quota, disabled)
  const guides = new WeakMap(); // guide element -> refresh(changedKey)
  let persistent; // does storage keep what it is given? Asked once, on the first guide.

  const read = (key) => {
    let text = memory.get(key);
    if (text === undefined) {
      try { text = localStorage.getItem(key); } catch { text = null; }
    }
    let data = null;
    try { data = JSON.parse(text); } catch { /* corrupted: start afresh */ }
    // Anything but the current format (foreign, older, broken) counts as no state.
    const ok = data && data.v === 1 && data.c && typeof data.c === "object";
    return {
      c: ok ? data.c : {},
      s: ok && typeof data.s === "string" ? data.s : "",
      t: ok && Array.isArray(data.t) ? data.t : [],
    };
  };
  const write = (key, state) => {
    const text = state && JSON.stringify({ v: 1, ...state });
    memory.set(key, text);
    try {
      if (text) localStorage.setItem(key, text);
      else localStorage.removeItem(key);
    } catch { /* kept in memory for this page */ }
  };
  const make = (tag, className, text) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  };

  const setup = (guide) => {
    if (guides.has(guide)) return;
    let T;
    try { T = JSON.parse(guide.dataset.hcConfig); } catch { return; }
    const article = guide.dataset.hcArticle;
    const key = PREFIX + article;
    const links = guide.querySelectorAll(".hc-overview__item");
    const steps = [...guide.querySelectorAll(".hc-step")].map((section, i) => {
      const title = section.querySelector(".hc-step__title");
      return {
        i, section, title, id: section.dataset.hcStep, item: links[i],
        name: (links[i] || title).textContent.replace("¶", "").trim(),
        boxes: [...section.querySelectorAll(".hc-check__input")].map((box) => [box, box.dataset.hcKey, box.dataset.hcFp]),
      };
    });
    if (!steps.length) return;
    const ids = steps.map((step) => step.id);
    const last = steps[steps.length - 1];
    const ticked = (step, [, item, fp]) => state.c[step.id + "/" + item] === fp;
    const done = (step) => step.boxes.every((box) => ticked(step, box));

    // Stored ticks of the items on this page: by key when the text is unchanged, else
    // following the text to where it moved; edited and removed items are dropped.
    const adopt = (raw) => {
      const c = {};
      const all = steps.flatMap((step) => step.boxes.map(([, item, fp]) => [step.id + "/" + item, fp]));
      for (const [id, fp] of all) if (raw.c[id] === fp) c[id] = fp;
      const left = Object.keys(raw.c).filter((id) => !c[id]).map((id) => raw.c[id]);
      for (const [id, fp] of all) {
        const at = left.indexOf(fp);
        if (!c[id] && at > -1) c[id] = left.splice(at, 1)[0];
      }
      return { c, s: ids.includes(raw.s) ? raw.s : "", t: raw.t.filter((id) => ids.includes(id)) };
    };
    const stored = read(key);
    let state = adopt(stored);
    const save = () => write(key, state);
    if (JSON.stringify(state) !== JSON.stringify(stored)) save();

    const emit = (name, step, extra) => {
      const detail = { article, locale: guide.dataset.hcLocale, step: step.id, ...extra };
      guide.dispatchEvent(new CustomEvent("helpcenter:" + name, { bubbles: true, detail }));
      try {
        if (T.feedback) navigator.sendBeacon(T.feedback, JSON.stringify({ event: "helpcenter:" + name, ...detail }));
      } catch { /* analytics never break the guide */ }
    };

    // What only works with JavaScript is made here, so without it nothing is dead.
    const bars = [];
    const progress = () => {
      const box = make("div", "hc-progress");
      const text = make("p", "hc-progress__text");
      const bar = make("div", "hc-bar");
      const fill = make("span");
      bar.setAttribute("aria-hidden", "true");
      bar.append(fill);
      box.append(text, bar);
      bars.push([text, fill]);
      return box;
    };
    const button = (text, className) => {
      const element = make("button", "md-button " + className, text);
      element.type = "button";
      return element;
    };
    const panel = (className, title, text) => {
      const element = make("div", "hc-panel " + className);
      element.tabIndex = -1;
      element.hidden = true;
      element.append(make("h3", "", title), make("p", "", text));
      return element;
    };

    const top = make("div", "hc-top");
    const reset = button(T.reset, "hc-reset");
    // One polite live region per page: the status widget's when it is there.
    const live = document.querySelector("[data-hc-live],[data-hc-status-live]") || make("div", "hc-sr");
    if (!live.isConnected) {
      live.setAttribute("role", "status");
      live.dataset.hcLive = "";
      top.append(live);
    }
    top.prepend(progress(), reset);
    if (persistent === undefined) {
      try {
        localStorage.setItem(PREFIX, "1");
        localStorage.removeItem(PREFIX);
        persistent = true;
      } catch {
        persistent = false;
      }
    }
    if (persistent) top.append(make("p", "hc-note", T.saved));
    const overview = guide.querySelector(".hc-overview");
    if (overview) overview.after(top);
    else guide.prepend(top);

    const solved = panel("hc-panel--solved", T.solved, T.solvedText);
    const stuck = panel("hc-panel--stuck", T.stuck, T.stuckText);
    const tried = make("ul");
    stuck.append(tried);
    if (T.supportUrl) {
      const link = make("a", "md-button md-button--primary", T.support);
      link.href = T.supportUrl;
      stuck.append(link);
    }
    last.section.append(stuck);

    for (const step of steps) {
      step.state = make("span", "hc-state");
      step.title.insertBefore(step.state, step.title.querySelector(".headerlink"));
      step.mark = make("span", "hc-state");
      if (step.item) step.item.append(step.mark);
      const ask = make("div", "hc-ask");
      const question = make("p", "hc-ask__q", T.ask);
      question.id = "hc-ask-" + article + "-" + step.id;
      ask.setAttribute("role", "group");
      ask.setAttribute("aria-labelledby", question.id);
      step.yes = button(T.yes, "hc-yes");
      step.no = button(T.no, "hc-no");
      step.yes.addEventListener("click", () => answer(step, true));
      step.no.addEventListener("click", () => answer(step, false));
      ask.append(question, step.yes, step.no);
      step.foot = make("div", "hc-foot");
      step.foot.append(progress(), ask);
      step.section.insertBefore(step.foot, step.i === last.i ? stuck : null);
    }

    const render = () => {
      const at = ids.indexOf(state.s);
      const names = [];
      let count = 0;
      for (const step of steps) {
        for (const box of step.boxes) box[0].checked = ticked(step, box);
        const finished = done(step);
        const skipped = !finished && at > -1 && step.i > at;
        const mark = finished ? "done" : skipped ? "skipped" : "";
        count += finished;
        for (const element of [step.state, step.mark]) {
          element.textContent = mark && T[mark];
          element.dataset.state = mark;
        }
        step.section.dataset.hcState = mark;
        if (step.item) step.item.dataset.hcState = mark;
        step.yes.setAttribute("aria-pressed", step.i === at);
        step.no.setAttribute("aria-pressed", step.i !== at && state.t.includes(step.id));
        if (state.t.includes(step.id) || step.boxes.some((box) => box[0].checked)) names.push(step.name);
      }
      for (const [text, fill] of bars) {
        text.textContent = T.progress[count];
        fill.style.width = (100 * count) / steps.length + "%";
      }
      solved.hidden = at < 0;
      if (at > -1 && solved.parentNode !== steps[at].foot) steps[at].foot.append(solved);
      stuck.hidden = at > -1 || !state.t.includes(last.id);
      tried.replaceChildren(...names.map((name) => make("li", "", name)));
      tried.hidden = !names.length;
      return count;
    };

    const answer = (step, yes) => {
      if (yes) state.s = step.id;
      else {
        state.s = "";
        if (!state.t.includes(step.id)) state.t.push(step.id);
      }
      save();
      render();
      emit(yes ? "solved" : "not-solved", step);
      const next = steps[step.i + 1];
      if (yes) solved.focus();
      else if (next) {
        next.title.tabIndex = -1;
        next.title.focus();
      } else stuck.focus();
    };

    guide.addEventListener("change", (event) => {
      const step = steps.find((s) => s.section.contains(event.target));
      const box = step && step.boxes.find(([element]) => element === event.target);
      if (!box) return;
      const before = done(step);
      const id = step.id + "/" + box[1];
      if (box[0].checked) state.c[id] = box[2];
      else delete state.c[id];
      save();
      const count = render();
      emit("check", step, { item: box[1], checked: box[0].checked });
      if (!before && done(step)) {
        live.textContent = T.stepDone[step.i] + " " + T.progress[count];
        emit("step-complete", step);
      }
    });
    reset.addEventListener("click", () => {
      state = { c: {}, s: "", t: [] };
      write(key, null);
      render();
      live.textContent = T.cleared;
    });

    render();
    guides.set(guide, (changed) => {
      if (changed === null || changed === key) {
        state = adopt(read(key));
        render();
      }
    });
  };

  // Another tab changed its ticks: show them here too.
  addEventListener("storage", (event) => {
    if (event.key !== null && !event.key.startsWith(PREFIX)) return;
    if (event.key === null) memory.clear();
    else memory.delete(event.key);
    for (const guide of document.querySelectorAll(".hc-guide")) {
      const refresh = guides.get(guide);
      if (refresh) refresh(event.key);
    }
  });

  const start = () => document.querySelectorAll(".hc-guide[data-hc-config]").forEach(setup);
  start();
  // Material's instant navigation swaps the page without reloading this script.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
})();
