// Cachet 2 (API v1) and Cachet 3 (JSON:API: {data: [{id, type, attributes}]}), as the status model,
// told apart by the answer's shape. The site bundles only the configured provider's part, just
// before status.js (after status-derived.js), which calls it with the model's helpers.
function statusReader(model) {
  const { UNKNOWN, FeedError, isObject, objects, text, makeEvent } = model;
  const { nth, overall } = statusDerived(model);
  // Cachet 2: component status 0..4, incident status 0 (scheduled) .. 4 (fixed).
  const CACHET2_COMPONENTS = [UNKNOWN, "operational", "degraded_performance", "partial_outage", "major_outage"];
  const CACHET2_INCIDENTS = ["scheduled", "investigating", "identified", "monitoring", "resolved"];
  // Cachet 3: component status 1..6 (5 unknown, 6 under maintenance), incident status 1..4.
  const CACHET3_COMPONENTS = [...CACHET2_COMPONENTS, UNKNOWN, "under_maintenance"];
  const CACHET3_INCIDENTS = [UNKNOWN, ...CACHET2_INCIDENTS.slice(1)];

  const fields = (item) => (isObject(item.attributes) ? { id: item.id, ...item.attributes } : item);
  // Cachet 3's {human: "Major Outage", value: 4}, or the bare number (or a numeric string).
  const statusValue = (status) => (isObject(status) ? status.value : status);
  // A time: a string, or Cachet 3's {human, string}.
  const when = (time) => text(isObject(time) ? time.string : time);
  // An id as a lookup key: integers and strings ("1" and 1 are one id), nothing else.
  const key = (id) => (Number.isInteger(id) || typeof id === "string" ? String(id) : null);

  function normalize(feed) {
    const listed = isObject(feed.components) && feed.components.data;
    if (!Array.isArray(listed)) throw new FeedError(); // a Cachet feed has components.data
    const version3 = objects(listed).some((item) => isObject(item.attributes));
    const componentStates = version3 ? CACHET3_COMPONENTS : CACHET2_COMPONENTS;
    const incidentStates = version3 ? CACHET3_INCIDENTS : CACHET2_INCIDENTS;
    const namesById = new Map();
    const components = [];
    for (const item of objects(listed).map(fields)) {
      if (!text(item.name) || item.enabled === false) continue;
      components.push({ name: item.name, status: nth(componentStates, statusValue(item.status)) });
      if (key(item.id) !== null && !namesById.has(key(item.id))) namesById.set(key(item.id), item.name);
    }
    const reported = objects(isObject(feed.incidents) ? feed.incidents.data : null).map(fields);
    const incidents = reported
      .filter((item) => item.visible != 0)
      .map((item) => {
        const status = nth(incidentStates, statusValue(item.status));
        const component = key(item.component_id);
        return makeEvent(item, {
          kind: status === "scheduled" ? "maintenance" : "incident",
          status,
          started: when(item.occurred_at) || when(item.occurred) || when(item.created_at),
          url: item.permalink,
          components: namesById.has(component) ? [namesById.get(component)] : [],
        });
      });
    return { indicator: overall(components), components, incidents };
  }

  function read(url, get) {
    const base = url.replace(/\/+$/, "");
    // Cachet 2's API sorts with sort=id&order=desc; Cachet 3's (JSON:API) would refuse those.
    const query = base.endsWith("/v1") ? "?per_page=50&sort=id&order=desc" : "?per_page=50";
    const answers = [get(base + "/components?per_page=500"), get(base + "/incidents" + query)];
    return Promise.all(answers).then(([components, incidents]) => ({ components, incidents }));
  }

  return { read, normalize };
}
