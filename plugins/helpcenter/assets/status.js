// Live status widget and incident banner. Settings and words come from the page (the banner's
// data-hc-status-config: a JSON <script> would not survive Material's instant navigation,
// which re-runs every script of the new page); feed strings go in as text.
// Never green when it cannot tell: anything unexpected is "unknown" or "unavailable".
(() => {
  const SITE_ROOT = new URL("../../", document.currentScript.src); // from assets/helpcenter/
  const UNKNOWN = "unknown";
  const MAX_FEED_CHARS = 1 << 20;
  const DISMISSED_KEY = "hc-status:dismissed";
  const DISMISSED_KEPT = 50;
  const STAMP_EVERY = 15e3;

  // The model's vocabulary (Statuspage's words). Levels are what the badges show (CSS data-level):
  // LEVELS[i] is the level of COMPONENT_STATES[i] and of INDICATORS[i].
  const LEVELS = ["ok", "minor", "major", "critical", "maint"];
  const COMPONENT_STATES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"];
  const INDICATORS = ["none", "minor", "major", "critical", "maintenance"];
  const IMPACTS = INDICATORS.slice(0, 4);
  const INCIDENT_STATES = ["investigating", "identified", "monitoring", "resolved", "postmortem"];
  const MAINTENANCE_STATES = ["scheduled", "in_progress", "verifying", "completed"];
  // Same-named components show the worst of their states; not knowing is worse than fine.
  const SEVERITY = ["operational", "under_maintenance", UNKNOWN, "degraded_performance", "partial_outage", "major_outage"];

  // -- the model: what every provider's part (status-<provider>.js) builds from its feed --------
  class FeedError extends Error {} // not a feed of the provider: shown as unavailable

  const oneOf = (value, allowed) => (allowed.includes(value) ? value : UNKNOWN);
  const text = (value) => (typeof value === "string" ? value : "");
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const objects = (value) => (Array.isArray(value) ? value.filter(isObject) : []);
  // Only http(s) links from a feed: never javascript: and the like.
  const safeLink = (value) => (/^https?:\/\/[^\s/?#]/i.test(text(value)) ? value : "");
  const eventId = (item) => text(item.id) || (typeof item.id === "number" ? String(item.id) : text(item.name));

  // An incident or maintenance; the fields are what the provider calls them, the impact and the
  // progress in the model's words or unknown (a provider without impacts passes none).
  function makeEvent(item, { kind, name = item.name, impact, status, started, url, components = [] }) {
    const incident = kind === "incident";
    const progress = oneOf(status, incident ? INCIDENT_STATES : MAINTENANCE_STATES);
    const finished = incident ? ["resolved", "postmortem"] : ["scheduled", "completed"];
    return {
      id: eventId(item),
      kind,
      name: text(name),
      impact: oneOf(impact, IMPACTS),
      status: progress,
      started: text(started),
      url: safeLink(url),
      components,
      active: !finished.includes(progress),
    };
  }

  // A feed in the model's shape (Statuspage's summary, the relay's record) as the model: a
  // components list, and every word the model's or unknown.
  function makeSummary({ indicator, components, incidents }) {
    if (!Array.isArray(components)) throw new FeedError();
    return {
      indicator: oneOf(indicator, INDICATORS),
      components: objects(components)
        .filter((component) => text(component.name))
        .map((component) => ({ name: component.name, status: oneOf(component.status, COMPONENT_STATES) })),
      incidents,
    };
  }

  // The one reader this site serves (statusReader, bundled just before this part, in the bundle's
  // scope): {read(url, get), normalize(payload)};
  // normalize refuses (throws) a payload that is not its provider's shape, a JSON object. Cachet's and
  // Uptime Kuma's also use status-derived.js (bundled before them only).
  const reader = statusReader({
    UNKNOWN,
    FeedError,
    text,
    isObject,
    objects,
    makeEvent,
    makeSummary,
  });
  window.HelpcenterStatus = { normalize: reader.normalize };

  // Bounded in time (the caller's AbortController) and in size.
  async function fetchJson(url, signal) {
    const response = await fetch(url, { signal, cache: "no-cache" });
    const body = response.ok && (await response.text());
    if (!body || body.length > MAX_FEED_CHARS) throw new FeedError(); // no answer, or too large
    return JSON.parse(body);
  }

  // -- small helpers ------------------------------------------------------------------------
  const link = (label, href) => Object.assign(makeElement("a", "", label), { href });
  // A state in words, with its icon: the level (CSS data-level) of a component's state, of the
  // overall state or of an impact (their words differ), or unknown.
  function badge(label, state) {
    const span = makeElement("span", "hc-status__state", label || "");
    span.dataset.level = LEVELS[Math.max(COMPONENT_STATES.indexOf(state), INDICATORS.indexOf(state))] || UNKNOWN;
    return span;
  }
  const format = (template, values) => template.replace(/%\((\w+)\)[sd]/g, (_match, name) => values[name]);
  const nameKey = (name) => name.trim().toLowerCase();
  const tabVisible = () => document.visibilityState !== "hidden";
  const worseOf = (state, other) => (SEVERITY.indexOf(other) > SEVERITY.indexOf(state) ? other : state);

  // Every component by name, in one pass, in the feed's order: the first one's name, and the worst
  // state of the components that have that name.
  function byName(components) {
    const named = new Map();
    for (const { name, status } of components) {
      const key = nameKey(name);
      const first = named.get(key);
      named.set(key, first ? { name: first.name, status: worseOf(first.status, status) } : { name, status });
    }
    return named;
  }

  // Dismissed incidents (see dismissKey); anything but a list of strings counts as none.
  function dismissedIds() {
    const stored = parseJson(readStored(DISMISSED_KEY));
    return Array.isArray(stored) ? stored.filter((id) => typeof id === "string") : [];
  }

  // -- one page -----------------------------------------------------------------------------
  // An answer is the model and when it was checked (`checked`, ms: a relay's record already says);
  // null while pending, false when unavailable. The session cache keeps it as it is.
  function startPage(banner, settings) {
    const words = settings.texts;
    const feedUrl = new URL(settings.url, SITE_ROOT).href;
    const statusPage = settings.page && new URL(settings.page, SITE_ROOT).href;
    const refreshMs = settings.refresh * 1e3;
    const maxAge = settings.max_age * 1e3;
    const cacheKey = "hc-status:" + feedUrl;
    const widgets = [...document.querySelectorAll(".hc-status")];
    const liveRegion = document.querySelector("[data-hc-status-live]");
    const plurals = new Intl.PluralRules(settings.lang);
    let pollTimer;
    let stampTimer;
    let request = null;
    let lastAnswer = null;
    let lastSaid = null;
    let stopped = false;

    // An answer older than max_age (a relay whose upstream stopped answering) is no answer.
    const fresh = (answer) => Math.abs(Date.now() - answer.checked) < maxAge;
    // Dismissed per incident: "<kind>:<id>".
    const dismissKey = (incident) => incident.kind + ":" + incident.id;

    // An answer kept from an earlier page of this tab, if it is fresh: never one from the future.
    function cachedAnswer() {
      const answer = parseJson(readStored(cacheKey, "sessionStorage"));
      const past = typeof answer?.checked === "number" && answer.checked <= Date.now();
      return past && fresh(answer) && Array.isArray(answer.components) && Array.isArray(answer.incidents) ? answer : null;
    }

    function checkedAgo(time) {
      const minutes = Math.floor(Math.max(0, Date.now() - time) / 60e3);
      if (minutes < 1) return words.now;
      const [count, unit] = minutes < 60 ? [minutes, "min"] : [Math.floor(minutes / 60), "hour"];
      return format(words[unit][plurals.select(count)] || words[unit].other, { num: count });
    }

    const touches = (incident, wanted) =>
      !wanted.length ||
      !incident.components.length ||
      incident.components.some((name) => wanted.includes(nameKey(name)));

    function eventRow(incident, tag, className) {
      // A maintenance shows as one; an incident as its impact, at least minor.
      const state = incident.kind === "maintenance" ? "maintenance" : incident.impact === "none" ? "minor" : incident.impact;
      const row = makeElement(tag, className);
      const started = new Date(incident.started);
      const href = incident.url || statusPage;
      const startedText =
        !isNaN(started) && // none ("") is an invalid date too
        format(words.started, {
          time: started.toLocaleString(settings.lang, { dateStyle: "medium", timeStyle: "short" }),
        });
      const meta = [words["p_" + incident.impact], words["s_" + incident.status], startedText].filter(Boolean);
      const name = href ? link(incident.name || words[incident.kind], href) : incident.name;
      row.append(badge(words[incident.kind], state), " ", name, makeElement("span", "hc-status__meta", " — " + meta.join(" · ")));
      return row;
    }

    // Fills one widget; returns what it says, for the live region.
    function renderWidget(widget, answer) {
      const body = widget.querySelector(".hc-status__body");
      const wanted = parseJson(widget.dataset.hcStatus) || [];
      const head = makeElement("p", "hc-status__head");
      const parts = [head];
      if (!answer) {
        const state = head.appendChild(badge(answer === null && words.pending, UNKNOWN));
        if (answer === false) state.append(statusPage ? link(words.unavailable, statusPage) : words.unavailable);
      } else {
        const list = makeElement("ul", "hc-status__list");
        const events = makeElement("ul", "hc-status__events");
        const foot = makeElement("p", "hc-status__foot");
        head.append(badge(words["i_" + answer.indicator], answer.indicator));
        const named = byName(answer.components);
        // The page's own components, else every component of the feed, each name once.
        const names = wanted.length ? wanted : [...named.values()].map((component) => component.name);
        for (const name of names) {
          const status = named.get(nameKey(name))?.status || UNKNOWN;
          const item = list.appendChild(makeElement("li"));
          item.append(makeElement("span", "hc-status__name", name), " ", badge(words["c_" + status], status));
        }
        const wantedKeys = wanted.map(nameKey);
        for (const incident of answer.incidents) {
          if (incident.active && touches(incident, wantedKeys)) events.append(eventRow(incident, "li", "hc-status__event"));
        }
        foot.append(makeElement("span", "hc-status__checked", checkedAgo(answer.checked)));
        if (statusPage) foot.append(" · ", link(words.page, statusPage));
        parts.push(...[list, events].filter((part) => part.firstChild), foot);
      }
      body.replaceChildren(...parts);
      return [head, ...body.querySelectorAll("li")].map((part) => part.textContent).join("; ");
    }

    function dismiss(incident, row) {
      const kept = [...dismissedIds(), dismissKey(incident)].slice(-DISMISSED_KEPT);
      writeStored(DISMISSED_KEY, JSON.stringify(kept)); // or not remembered
      row.remove();
      banner.hidden = !banner.firstChild;
      const next = banner.querySelector("button") || document.querySelector(".md-content h1") || document.querySelector("h1");
      if (next) {
        if (next.tagName !== "BUTTON") next.tabIndex = -1;
        next.focus();
      }
    }

    // Fills the banner; returns what it says, for the live region.
    function renderBanner(answer) {
      const wanted = (parseJson(banner.dataset.hcStatusBanner) || []).map(nameKey);
      const dismissed = dismissedIds();
      const quiet = !answer || (settings.banner === "major" && !["major", "critical"].includes(answer.indicator));
      const shown = quiet
        ? []
        : answer.incidents.filter(
            (incident) =>
              incident.active &&
              !dismissed.includes(dismissKey(incident)) &&
              (settings.banner !== "components" || (wanted.length && touches(incident, wanted))),
          );
      const main = document.querySelector(".md-main");
      if (main && banner.parentNode !== main) main.prepend(banner);
      banner.replaceChildren(
        ...shown.map((incident) => {
          const row = eventRow(incident, "div", "md-banner__inner md-grid");
          const close = makeElement("button", "md-banner__button");
          row.prepend(close); // floats right, Material's own announcement-bar button; its icon is CSS (status.css)
          close.type = "button";
          close.ariaLabel = format(words.dismiss, { name: incident.name || words[incident.kind] });
          close.onclick = () => dismiss(incident, row);
          return row;
        }),
      );
      banner.hidden = !shown.length;
      return shown.map((incident) => words[incident.kind] + ": " + incident.name).join("; ");
    }

    // The role=status region speaks only when what is shown changes, not on every poll.
    function render(answer) {
      const said = [...widgets.map((widget) => renderWidget(widget, answer)), renderBanner(answer)]
        .filter(Boolean)
        .join(". ");
      if (liveRegion && lastSaid !== null && answer !== null && said !== lastSaid) liveRegion.textContent = said;
      if (answer !== null) lastSaid = said;
    }

    function stamp() {
      if (lastAnswer && !fresh(lastAnswer)) render((lastAnswer = false)); // never the old green
      if (!lastAnswer) return;
      for (const checked of document.querySelectorAll(".hc-status__checked")) {
        checked.textContent = checkedAgo(lastAnswer.checked);
      }
    }

    function schedule(delay) {
      clearTimeout(pollTimer);
      if (!stopped && tabVisible()) pollTimer = setTimeout(poll, delay);
    }

    async function poll() {
      if (request) return;
      const controller = (request = new AbortController());
      const deadline = setTimeout(() => controller.abort(), settings.timeout * 1e3);
      let answer = false;
      try {
        const payload = await reader.read(feedUrl, (url) => fetchJson(url, controller.signal));
        const summary = reader.normalize(payload);
        // A relay's record says when its upstream last answered; a feed read directly answered now.
        answer = { ...summary, checked: summary.checked ?? Date.now() };
        if (!fresh(answer)) answer = false;
      } catch {
        /* unavailable */
      }
      clearTimeout(deadline);
      if (stopped) return;
      request = null;
      writeStored(cacheKey, answer ? JSON.stringify(answer) : null, "sessionStorage"); // or no cache
      lastAnswer = answer;
      render(answer);
      schedule(refreshMs);
    }

    // Poll only while the tab is visible; catch up at once when it comes back.
    function wake() {
      clearTimeout(pollTimer);
      clearInterval(stampTimer);
      if (stopped || !tabVisible()) return;
      stamp();
      stampTimer = setInterval(stamp, STAMP_EVERY);
      const age = lastAnswer ? Date.now() - lastAnswer.checked : refreshMs;
      if (age >= refreshMs || age < 0) poll();
      else schedule(refreshMs - age);
    }

    function stop() {
      stopped = true;
      wake();
      if (request) request.abort();
    }

    // A recent answer from an earlier page of this tab shows at once.
    lastAnswer = cachedAnswer();
    render(lastAnswer);
    wake();
    return { wake, stop };
  }

  let current = null;
  // The settings travel on the banner's host (status-banner.html), on every page with a feed.
  function start() {
    if (current) current.stop();
    const banner = document.querySelector("[data-hc-status-config]");
    const settings = banner && parseJson(banner.dataset.hcStatusConfig);
    current = settings ? startPage(banner, settings) : null;
  }
  document.addEventListener("visibilitychange", () => current && current.wake());
  onEveryPage(start);
})();
