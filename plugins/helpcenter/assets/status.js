// Live status widget and incident banner. Settings and words come from the page (the banner's
// data-hc-status-config: a JSON <script> would not survive Material's instant navigation,
// which re-runs every script of the new page); feed strings go in as text.
// Never green when it cannot tell: anything unexpected is "unknown" or "unavailable".
(() => {
  const ROOT = new URL("../../", document.currentScript.src); // the site root, from assets/helpcenter/
  const U = "unknown", MAX = 1 << 20, GONE = "hc-status:dismissed";
  const LV = ["ok", "minor", "major", "critical", "maint"];
  const COMP = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"];
  const IND = ["none", "minor", "major", "critical", "maintenance"];
  const INC = ["investigating", "identified", "monitoring", "resolved", "postmortem"];
  const MNT = ["scheduled", "in_progress", "verifying", "completed"];
  const CINC = ["scheduled", ...INC.slice(0, 4)];

  // -- normalize: one model for every provider ----------------------------------------
  const one = (v, list) => (list.includes(v) ? v : U);
  const str = (v) => (typeof v == "string" ? v : "");
  const obj = (o) => o && typeof o == "object" && !Array.isArray(o);
  const objs = (v) => (Array.isArray(v) ? v.filter(obj) : []);
  const num = (v) => (typeof v == "number" ? v : /^\d$/.test(str(v)) ? +v : -1);
  const link = (v) => (/^https?:\/\/[^\s/?#]/i.test(str(v)) ? v : ""); // never javascript: and the like
  const event = (i, kind, status, started, url, components, impact = one(i.impact, IND.slice(0, 4))) => ({
    id: str(i.id) || (typeof i.id == "number" ? "" + i.id : str(i.name)), kind, name: str(i.name), impact, status,
    started: str(started), url: link(url), components,
    active: !(kind == "incident" ? ["resolved", "postmortem"] : ["scheduled", "completed"]).includes(status),
  });

  function statuspage(p) {
    if (!Array.isArray(p.components)) throw Error();
    const ev = (kind, list, states) => objs(list).map((i) => event(i, kind, one(i.status, states),
      kind == "incident" ? i.started_at || i.created_at : i.scheduled_for, i.shortlink,
      objs(i.components).map((c) => str(c.name)).filter(Boolean)));
    return {
      indicator: one(obj(p.status) ? p.status.indicator : U, IND),
      components: objs(p.components).filter((c) => str(c.name)).map((c) => ({ name: c.name, status: one(c.status, COMP) })),
      incidents: [...ev("incident", p.incidents, INC), ...ev("maintenance", p.scheduled_maintenances, MNT)],
    };
  }

  function cachet(p) {
    const list = p.components && p.components.data, byId = new Map();
    if (!Array.isArray(list)) throw Error();
    const components = objs(list).filter((c) => str(c.name) && c.enabled !== false).map((c) => {
      byId.set(c.id, c.name);
      return { name: c.name, status: [U, ...COMP.slice(0, 4)][num(c.status)] || U };
    });
    let worst = -1, unsure = !components.length;
    for (const c of components) c.status == U ? (unsure = true) : (worst = Math.max(worst, COMP.indexOf(c.status)));
    const incidents = objs(p.incidents && p.incidents.data).filter((i) => i.visible != 0).map((i) => {
      const status = CINC[num(i.status)] || U;
      return event(i, status == "scheduled" ? "maintenance" : "incident", status, i.occurred_at || i.created_at,
        i.permalink, byId.has(i.component_id) ? [byId.get(i.component_id)] : [], U);
    });
    return { indicator: worst > 0 ? IND[worst] : unsure ? U : "none", components, incidents };
  }

  const normalize = (p, provider) => {
    if (!obj(p)) throw Error();
    return (provider == "cachet" ? cachet : statuspage)(p);
  };
  window.HelpcenterStatus = { normalize };

  // Bounded in time (the caller's AbortController) and in size.
  async function get(url, signal) {
    const r = await fetch(url, { signal, cache: "no-cache" });
    const text = r.ok && (await r.text());
    if (!text || text.length > MAX) throw Error();
    return JSON.parse(text);
  }

  // -- one page ---------------------------------------------------------------------------
  const h = (tag, className = "", textContent = "") => Object.assign(document.createElement(tag), { className, textContent });
  const badge = (text, level) => { const b = h("span", "hc-status__state", text || ""); b.dataset.level = level; return b; };
  const to = (text, href) => Object.assign(h("a", "", text), { href });
  const $ = (selector) => document.querySelector(selector);
  const fmt = (s, v) => s.replace(/%\((\w+)\)[sd]/g, (m, k) => v[k]);
  const key = (s) => s.trim().toLowerCase();
  const parse = (text) => { try { return JSON.parse(text); } catch { /* undefined */ } };
  const shown = () => document.visibilityState != "hidden";
  let ss, ls;
  try { ss = sessionStorage; ls = localStorage; } catch { /* storage off: no cache, dismissals not kept */ }

  function page(cfg) {
    const T = cfg.texts, feed = new URL(cfg.url, ROOT).href, home = cfg.page && new URL(cfg.page, ROOT).href;
    const every = cfg.refresh * 1e3, CACHE = "hc-status:" + feed;
    const widgets = [...document.querySelectorAll(".hc-status")];
    const banner = $(".hc-banner"), region = $("[data-hc-status-live]");
    const plural = new Intl.PluralRules(cfg.lang);
    let timer, ticker, ctl, last, said, off;

    const ago = (t) => {
      const m = Math.floor((Date.now() - t) / 6e4), [n, k] = m < 60 ? [m, "min"] : [Math.floor(m / 60), "hour"];
      return m < 1 ? T.now : fmt(T[k][plural.select(n)] || T[k].other, { num: n });
    };
    const touches = (i, want) => !want.length || !i.components.length || i.components.some((n) => want.includes(key(n)));
    const gone = () => { try { return JSON.parse(ls.getItem(GONE)) || []; } catch { return []; } };

    function item(i, tag, cls) {
      const level = i.kind == "maintenance" ? "maint" : i.impact == U ? U : LV[Math.max(1, IND.indexOf(i.impact))];
      const row = h(tag, cls), d = new Date(i.started), href = i.url || home;
      const meta = [T["p_" + i.impact], T["s_" + i.status],
        i.started && !isNaN(d) && fmt(T.started, { time: d.toLocaleString(cfg.lang, { dateStyle: "medium", timeStyle: "short" }) })];
      row.append(badge(T[i.kind], level), " ", href ? to(i.name || T[i.kind], href) : i.name,
        h("span", "hc-status__meta", " — " + meta.filter(Boolean).join(" · ")));
      return row;
    }

    function widget(w, s) {
      const body = w.querySelector(".hc-status__body"), want = parse(w.dataset.hcStatus) || [], head = h("p", "hc-status__head");
      const out = [head];
      if (!s) {
        const b = head.appendChild(badge(s === null && T.pending, U));
        if (s === false) b.append(home ? to(T.unavailable, home) : T.unavailable_nopage);
      } else {
        const d = s.d, ul = h("ul", "hc-status__list"), events = h("ul", "hc-status__events"), foot = h("p", "hc-status__foot");
        head.append(badge(T["i_" + d.indicator], LV[IND.indexOf(d.indicator)] || U));
        for (const name of want.length ? want : d.components.map((c) => c.name)) {
          const c = d.components.find((x) => key(x.name) == key(name)), li = ul.appendChild(h("li"));
          li.append(h("span", "hc-status__name", name), " ", badge(T["c_" + (c ? c.status : U)], c && LV[COMP.indexOf(c.status)] || U));
        }
        for (const i of d.incidents) if (i.active && touches(i, want.map(key))) events.append(item(i, "li", "hc-status__event"));
        foot.append(h("span", "hc-status__checked", ago(s.t)));
        if (home) foot.append(" · ", to(T.page, home));
        out.push(...[ul, events].filter((x) => x.firstChild), foot);
      }
      body.replaceChildren(...out);
      return [head, ...body.querySelectorAll("li")].map((e) => e.textContent).join("; ");
    }

    function notices(s) {
      if (!banner) return "";
      const want = (parse(banner.dataset.hcStatusBanner) || []).map(key), d = s && s.d, hidden = gone(), main = $(".md-main");
      const open = !d || (cfg.banner == "major" && !["major", "critical"].includes(d.indicator)) ? []
        : d.incidents.filter((i) => i.active && !hidden.includes(i.kind + ":" + i.id) && (cfg.banner != "components" || (want.length && touches(i, want))));
      if (main && banner.parentNode != main) main.prepend(banner);
      banner.replaceChildren(...open.map((i) => {
        const row = item(i, "div", "md-banner__inner md-grid"), close = h("button", "md-banner__button", "×");
        row.prepend(close); // floats right, Material's own announcement-bar button
        Object.assign(close, { type: "button", ariaLabel: fmt(T.dismiss, { name: i.name || T[i.kind] }) });
        close.onclick = () => {
          try { ls.setItem(GONE, JSON.stringify([...gone(), i.kind + ":" + i.id].slice(-50))); } catch { /* not remembered */ }
          row.remove();
          banner.hidden = !banner.firstChild;
          const next = banner.querySelector("button") || $(".md-content h1");
          if (next) { if (next.tagName != "BUTTON") next.tabIndex = -1; next.focus(); }
        };
        return row;
      }));
      banner.hidden = !open.length;
      return open.map((i) => T[i.kind] + ": " + i.name).join("; ");
    }

    // The role=status region speaks only when what is shown changes, not on every poll.
    function render(s) {
      const text = [...widgets.map((w) => widget(w, s)), notices(s)].filter(Boolean).join(". ");
      if (region && said != null && s != null && text != said) region.textContent = text;
      if (s != null) said = text;
    }
    const stamp = () => { if (last) for (const c of document.querySelectorAll(".hc-status__checked")) c.textContent = ago(last.t); };
    const schedule = (ms) => { clearTimeout(timer); if (!off && shown()) timer = setTimeout(poll, ms); };

    async function poll() {
      if (ctl) return;
      const c = (ctl = new AbortController()), limit = setTimeout(() => c.abort(), cfg.timeout * 1e3);
      let s = false;
      try {
        const base = feed.replace(/\/+$/, "");
        const [p, incidents] = await Promise.all(cfg.provider == "cachet"
          ? [get(base + "/components?per_page=500", c.signal), get(base + "/incidents?per_page=50&sort=id&order=desc", c.signal)]
          : [get(feed, c.signal)]);
        s = { t: Date.now(), d: normalize(incidents ? { components: p, incidents } : p, cfg.provider) };
      } catch { /* unavailable */ }
      clearTimeout(limit);
      if (off) return;
      ctl = null;
      try { s ? ss.setItem(CACHE, JSON.stringify(s)) : ss.removeItem(CACHE); } catch { /* no cache */ }
      render((last = s));
      schedule(every);
    }

    // Poll only while the tab is visible; catch up at once when it comes back.
    function wake() {
      clearTimeout(timer);
      clearInterval(ticker);
      if (off || !shown()) return;
      stamp();
      ticker = setInterval(stamp, 15e3);
      const age = last ? Date.now() - last.t : every;
      age >= every ? poll() : schedule(every - age);
    }

    // A recent answer from an earlier page of this tab (at most 10 minutes old) shows at once.
    try {
      last = JSON.parse(ss.getItem(CACHE));
      if (!(Date.now() - last.t < 6e5 && last.d.components.map && last.d.incidents.map)) throw 0;
    } catch { last = null; }
    render(last);
    wake();
    return { wake, stop() { off = true; wake(); if (ctl) ctl.abort(); } };
  }

  let current = null;
  function start() {
    if (current) current.stop();
    const el = $("[data-hc-status-config]");
    const cfg = el && parse(el.dataset.hcStatusConfig);
    current = cfg && page(cfg);
  }
  document.addEventListener("visibilitychange", () => current && current.wake());
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
