/* Every figure prints, wherever the reader stopped scrolling: the images that load lazily (but the phone's forms of charts, which print never shows) are fetched once the page
   is idle after loading (unless the reader saves data), and at once when printing starts. */
(function () {
  "use strict";
  function loadAll() {
    document.querySelectorAll('img[loading="lazy"]:not(.chart-phone)').forEach(function (img) { img.loading = "eager"; });
  }
  addEventListener("beforeprint", loadAll);
  matchMedia("print").addEventListener("change", function (event) { if (event.matches) loadAll(); });
  if (navigator.connection && navigator.connection.saveData) return;
  addEventListener("load", function () {
    (window.requestIdleCallback || setTimeout)(loadAll, { timeout: 4000 });
  });
})();
