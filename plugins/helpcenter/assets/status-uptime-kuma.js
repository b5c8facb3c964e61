// Uptime Kuma's status page (/api/status-page/SLUG: monitors, the pinned incident, maintenance) and
// its heartbeats (/api/status-page/heartbeat/SLUG), as the status model. The site bundles only the
// configured provider's part, just before status.js (after status-derived.js), which calls it with
// the model's helpers.
function statusReader(model) {
  const { UNKNOWN, FeedError, isObject, objects, text, makeEvent } = model;
  const { nth, overall } = statusDerived(model);
  // Heartbeat status 0 down, 1 up, 2 pending (retrying before it is declared down), 3 maintenance.
  const HEARTBEATS = ["major_outage", "operational", "degraded_performance", "under_maintenance"];
  const MAINTENANCE = new Map([
    ["under-maintenance", "in_progress"],
    ["scheduled", "scheduled"],
    ["ended", "completed"],
  ]);
  const heartbeatUrl = (url) => url.replace(/\/api\/status-page\/(?=[^/]+\/*$)/, "/api/status-page/heartbeat/");
  const key = (id) => (Number.isInteger(id) || typeof id === "string" ? String(id) : null);

  // The last entry of a monitor's list; an empty day bucket (a bare 0) or none at all is unknown.
  function latest(beats) {
    const last = Array.isArray(beats) ? beats[beats.length - 1] : null;
    return isObject(last) ? nth(HEARTBEATS, last.status) : UNKNOWN;
  }

  function normalize({ page, heartbeat }) {
    const beats = isObject(heartbeat) && heartbeat.heartbeatList;
    if (!isObject(page) || !Array.isArray(page.publicGroupList) || !isObject(beats)) throw new FeedError();
    const components = [];
    for (const group of objects(page.publicGroupList)) {
      for (const monitor of objects(group.monitorList)) {
        const id = key(monitor.id);
        const own = id !== null && Object.hasOwn(beats, id);
        if (text(monitor.name)) components.push({ name: monitor.name, status: latest(own ? beats[id] : null) });
      }
    }
    // Kuma 2 pins one incident; some builds send a list. Neither names monitors, a link or a progress.
    const pinned = objects(Array.isArray(page.incidents) ? page.incidents : [page.incident]);
    const incidents = pinned
      .filter((item) => item.active !== false)
      .map((item) => makeEvent(item, { kind: "incident", name: text(item.title), started: item.createdDate }));
    for (const item of objects(page.maintenanceList)) {
      incidents.push(makeEvent(item, { kind: "maintenance", name: text(item.title), status: MAINTENANCE.get(item.status) }));
    }
    return { indicator: overall(components), components, incidents };
  }

  const read = (url, get) =>
    Promise.all([get(url), get(heartbeatUrl(url))]).then(([page, heartbeat]) => ({ page, heartbeat }));
  return { read, normalize };
}
