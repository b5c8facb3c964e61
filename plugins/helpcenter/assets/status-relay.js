// The record `helpcenter status relay` writes: the status model, normalized server-side from any
// provider, read from the site itself (no CORS, no third-party request). Checked again like any
// feed; it says when the upstream last answered (`checked`, ms), so status.js shows an old one as
// unavailable. Bundled instead of a provider's part when status.relay is set.
window.HelpcenterStatusReader = (model) => {
  const { FeedError, oneOf, text, objects, makeEvent } = model;

  function event(item) {
    const kind = item.kind === "maintenance" ? "maintenance" : "incident";
    return makeEvent(item, {
      kind,
      impact: oneOf(item.impact, model.IMPACTS),
      status: oneOf(item.status, kind === "incident" ? model.INCIDENT_STATES : model.MAINTENANCE_STATES),
      started: item.started,
      url: item.url,
      components: Array.isArray(item.components) ? item.components.filter(text) : [],
    });
  }

  function normalize(record) {
    if (!Array.isArray(record.components) || !Number.isInteger(record.checked)) throw new FeedError();
    return {
      checked: record.checked,
      indicator: oneOf(record.indicator, model.INDICATORS),
      components: objects(record.components)
        .filter((component) => text(component.name))
        .map((component) => ({ name: component.name, status: oneOf(component.status, model.COMPONENT_STATES) })),
      incidents: objects(record.incidents).map(event),
    };
  }

  return { read: (url, get) => get(url), normalize };
};
