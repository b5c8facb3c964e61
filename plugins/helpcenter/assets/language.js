// Language choice. Every locale link (switcher, "/") remembers the reader's choice
// (chooser.js, loaded by "/" only, sends the reader there).
(() => {
  const KEY = "helpcenter:locale";
  // Captured, before the theme's handler of alternate links, which would drop an anchor.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-hc-locale]");
    if (!link) return;
    // Inside a guide step, the link lands on the same step: step anchors are the same in
    // every language. The step is the one a third down the window; the browser follows the link.
    const here = document.elementFromPoint(innerWidth / 2, innerHeight / 3);
    const step = here && here.closest(".hc-step");
    if (step) {
      link.hash = step.dataset.hcStep;
      event.stopPropagation();
    }
    writeStored(KEY, link.dataset.hcLocale); // or not remembered: fine
  }, true);
})();
