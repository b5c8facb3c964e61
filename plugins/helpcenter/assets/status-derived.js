// What Cachet's and Uptime Kuma's parts share, bundled just before either (and only then): states
// that the feed numbers, and the overall state, which neither reports.
function statusDerived({ UNKNOWN, text }) {
  const OUTAGES = ["operational", "degraded_performance", "partial_outage", "major_outage"];
  const INDICATORS = ["none", "minor", "major", "critical"];

  // A status number (an integer, or a one-digit string) as a word of `states`; unknown otherwise.
  const statusNumber = (value) => (typeof value === "number" ? value : /^\d$/.test(text(value)) ? Number(value) : -1);
  const nth = (states, value) => states[statusNumber(value)] || UNKNOWN;

  // The worst outage, else unknown if any state is unknown (or there are none), else maintenance
  // if any, else all fine.
  function overall(components) {
    const statuses = components.map((component) => component.status);
    const worst = statuses.reduce((rank, status) => Math.max(rank, OUTAGES.indexOf(status)), -1);
    if (worst > 0) return INDICATORS[worst];
    if (!statuses.length || statuses.includes(UNKNOWN)) return UNKNOWN;
    return statuses.includes("under_maintenance") ? "maintenance" : "none";
  }

  return { nth, overall };
}
