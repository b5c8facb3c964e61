// The record `helpcenter status relay` writes: the status model, normalized server-side from any
// provider, read from the site itself (no CORS, no third-party request). Checked again like any
// feed; it says when the upstream last answered (`checked`, ms), so status.js shows an old one as
// unavailable. Bundled instead of a provider's part when status.relay is set.
function statusReader({ FeedError, text, objects, makeEvent, makeSummary }) {
  const event = (item) =>
    makeEvent(item, {
      ...item, // the model's fields: name, impact, status, started, url
      kind: item.kind === "maintenance" ? "maintenance" : "incident",
      components: Array.isArray(item.components) ? item.components.filter(text) : [],
    });

  function normalize(record) {
    if (!Number.isInteger(record.checked)) throw new FeedError();
    return { checked: record.checked, ...makeSummary({ ...record, incidents: objects(record.incidents).map(event) }) };
  }

  return { read: (url, get) => get(url), normalize };
}
