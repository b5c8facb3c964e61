// Atlassian Statuspage v2 summary.json, as the status model. The site bundles only the configured
// provider's part, just before status.js, which calls it with the model's helpers.
window.HelpcenterStatusReader = (model) => {
  const { FeedError, oneOf, text, isObject, objects, makeEvent } = model;
  const affected = (item) => objects(item.components).map((component) => text(component.name)).filter(Boolean);
  const events = (kind, list, states) =>
    objects(list).map((item) =>
      makeEvent(item, {
        kind,
        impact: oneOf(item.impact, model.IMPACTS),
        status: oneOf(item.status, states),
        started: kind === "incident" ? item.started_at || item.created_at : item.scheduled_for,
        url: item.shortlink,
        components: affected(item),
      }),
    );

  function normalize(summary) {
    if (!Array.isArray(summary.components)) throw new FeedError(); // a Statuspage summary has a components list
    return {
      indicator: oneOf(isObject(summary.status) ? summary.status.indicator : "", model.INDICATORS),
      components: objects(summary.components)
        .filter((component) => text(component.name))
        .map((component) => ({ name: component.name, status: oneOf(component.status, model.COMPONENT_STATES) })),
      incidents: [
        ...events("incident", summary.incidents, model.INCIDENT_STATES),
        ...events("maintenance", summary.scheduled_maintenances, model.MAINTENANCE_STATES),
      ],
    };
  }

  return { read: (url, get) => get(url), normalize };
};
