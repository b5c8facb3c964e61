// Atlassian Statuspage v2 summary.json, as the status model (whose words are Statuspage's). The site
// bundles only the configured provider's part, just before status.js, which calls it with the model's helpers.
function statusReader({ text, objects, makeEvent, makeSummary }) {
  const affected = (item) => objects(item.components).map((component) => text(component.name)).filter(Boolean);
  const events = (kind, list) =>
    objects(list).map((item) =>
      makeEvent(item, {
        kind,
        impact: item.impact,
        status: item.status,
        started: kind === "incident" ? item.started_at || item.created_at : item.scheduled_for,
        url: item.shortlink,
        components: affected(item),
      }),
    );

  const normalize = (summary) =>
    makeSummary({
      indicator: summary.status?.indicator,
      components: summary.components, // a Statuspage summary has a components list
      incidents: [...events("incident", summary.incidents), ...events("maintenance", summary.scheduled_maintenances)],
    });

  return { read: (url, get) => get(url), normalize };
}
