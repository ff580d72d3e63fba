/* The edition selector keeps the reader's place: its link leads to the counterpart of the page in the other
 * edition; when the reader is on a heading, paragraph, table or figure that edition has too (or under a heading
 * it has), the file the selector names (beside the page, bilingual_report/site/editions.py) gives that place, and
 * the link goes there instead. The file is fetched when the pointer or the focus reaches the selector, so a page
 * carries nothing per edition but its link. The block being read is found as the language selector finds it
 * (language-switch.js). */
(function () {
  "use strict";

  var loaded = {};

  /* On a screen wide enough, the selector moves from under the page's title into the header, before the other
   * controls: there it stays in sight wherever the reader is, so that the place it keeps is the one being read.
   * On a phone, whose header is full, it stays under the title (and comes back there when the screen narrows). */
  var WIDE = window.matchMedia("(min-width: 45em)");
  var switcher = document.querySelector(".md-content .edition-switch");
  var header = document.querySelector(".md-header__inner");
  if (switcher && header) {
    var details = switcher.querySelector("details");
    var under = document.createComment(" the edition selector's place under the title ");
    switcher.parentNode.insertBefore(under, switcher);
    var place = function () {
      if (WIDE.matches) {
        var next = header.querySelector(".view-switch, .md-header__option, .md-search");
        header.insertBefore(switcher, next && next.parentNode === header ? next : null);
      } else {
        under.parentNode.insertBefore(switcher, under.nextSibling);
      }
      details.open = false;
    };
    place();
    WIDE.addEventListener("change", place);
    /* its list closes as a menu does: a click elsewhere, or Escape (the focus back on the edition shown) */
    document.addEventListener("click", function (event) {
      if (details.open && !switcher.contains(event.target)) details.open = false;
    });
    switcher.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary").focus();
    });
  }

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
