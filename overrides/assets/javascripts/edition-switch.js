/* The edition selector keeps the reader's place: its link leads to the counterpart of the page in the other
 * edition; when the reader is on a heading, paragraph, table or figure that edition has too (or under a heading
 * it has), the selector's data names that place, and the link goes there instead (bilingual_report/site/editions.py).
 * The block being read is found as the language selector finds it (language-switch.js). */
(function () {
  "use strict";

  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(".edition-switch a[data-edition]") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var targets;
    try {
      targets = JSON.parse(link.closest(".edition-switch").getAttribute("data-targets") || "{}");
    } catch (error) {
      return; /* the link's own address will do */
    }
    var place = window.reportReadingPlace ? window.reportReadingPlace() : decodeURIComponent(location.hash.slice(1));
    var target = place && (targets[link.getAttribute("data-edition")] || {})[place];
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(new URL(target, location.href).href);
  }, true);
})();
