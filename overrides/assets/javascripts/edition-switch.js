/* The edition selector keeps the reader's place: its link leads to the counterpart of the page in the other
 * edition; when the reader is on a heading, paragraph, table or figure that edition has too (or under a heading
 * it has), the file the selector names (beside the page, bilingual_report/site/editions.py) gives that place, and
 * the link goes there instead. The file is fetched when the pointer or the focus reaches the selector, so a page
 * carries nothing per edition but its link. The block being read is found as the language selector finds it
 * (language-switch.js). */
(function () {
  "use strict";

  var loaded = {};

  function targets(nav) {
    var address = new URL(nav.getAttribute("data-targets") || "", location.href).href;
    if (!loaded[address]) {
      loaded[address] = fetch(address, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return loaded[address];
  }

  function selector(event) {
    return event.target instanceof Element ? event.target.closest(".edition-switch[data-targets]") : null;
  }

  ["pointerover", "focusin"].forEach(function (kind) {
    window.addEventListener(kind, function (event) {
      var nav = selector(event);
      if (nav) targets(nav);
    }, true);
  });

  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(".edition-switch a[data-edition]") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var place = window.reportReadingPlace ? window.reportReadingPlace() : decodeURIComponent(location.hash.slice(1));
    if (!place) return; /* the link's own address: the page's counterpart */
    event.preventDefault();
    event.stopImmediatePropagation();
    targets(link.closest(".edition-switch")).then(function (all) {
      var target = (all[link.getAttribute("data-edition")] || {})[place];
      location.assign(target ? new URL(target, location.href).href : link.href);
    });
  }, true);
})();
