/* Keep the reader's place when switching language or view: the language selector's links, and the link
 * between a section's page and its side-by-side page, carry the id of the paragraph, heading or figure
 * being read, and navigate there directly; how far into that block the reader was (a share of its height) goes
 * along in the tab's session storage, so that a long paragraph opens where the reader was in it, not at its
 * start. Material's own "stay on page" handler drops the URL fragment, so this listener runs first (capture
 * phase on window) and takes over. */
(function () {
  "use strict";

  var SELECTOR_LINKS = ".md-select a[hreflang], .view-switch a";
  var TARGETS = ".md-content article [id]";

  var PLACE = "report-reading-place";

  /* The line the reader reads at: a quarter down the text below the header. */
  function readingLine() {
    var top = headerBottom();
    return top + (window.innerHeight - top) / 4;
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  /* The id of the block the reader is at: the URL's fragment if it names a block in view, else the block
   * being read. */
  function currentBlockId() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash && document.getElementById(hash)) {
      var target = document.getElementById(hash);
      var box = target.getBoundingClientRect();
      if (box.bottom > headerBottom() && box.top < window.innerHeight) return hash;
    }
    if (window.scrollY < 1) return hash || "";
    /* A block that ends in the top quarter of the visible text has been read past: the reader is at the next. */
    var line = readingLine();
    var blocks = document.querySelectorAll(TARGETS);
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().bottom > line) return blocks[i].id;
    }
    return hash || "";
  }

  window.reportReadingPlace = currentBlockId; /* the edition selector keeps the place the same way */

  function targetOf(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    var id = currentBlockId();
    url.hash = id ? "#" + encodeURIComponent(id) : "";
    return url;
  }

  function refresh() {
    var links = document.querySelectorAll(SELECTOR_LINKS);
    for (var i = 0; i < links.length; i++) {
      links[i].href = targetOf(links[i]).href;
    }
  }

  /* How much of a block the reader has scrolled past (its share above the text's top edge, below the header):
   * 0 while its start is in sight. */
  function shareRead(id) {
    var block = id && document.getElementById(id);
    if (!block) return 0;
    var box = block.getBoundingClientRect(), top = headerBottom();
    return box.top < top && box.height > 0 ? Math.min(1, (top - box.top) / box.height) : 0;
  }

  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(SELECTOR_LINKS) : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var target = targetOf(link);
    var id = decodeURIComponent(target.hash.slice(1));
    try {
      sessionStorage.setItem(PLACE, JSON.stringify({ url: target.href, id: id, share: shareRead(id) }));
    } catch (error) { /* no storage: the block's start will do */ }
    location.assign(target.href);
  }, true);

  /* Arriving from a switch: the same share of the block scrolled past. */
  function arrive() {
    var place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(PLACE) || "null");
      sessionStorage.removeItem(PLACE);
    } catch (error) { return; }
    var block = place && place.url === location.href && place.share > 0 && document.getElementById(place.id);
    if (!block) return;
    var box = block.getBoundingClientRect();
    window.scrollBy(0, box.top + place.share * box.height - headerBottom());
  }
  if (document.readyState === "complete") arrive();
  else window.addEventListener("load", function () { requestAnimationFrame(arrive); });

  /* Material's own "stay on page" code fetches sitemap.xml next to every link[rel=alternate] (404s under
   * static-i18n, which writes one sitemap at the root) once the document is loaded. This script does that
   * job, so the hreflang links are taken out of that exact-match selector before then: "alternate " has the
   * same rel tokens for anything that reads them, but no longer equals "alternate". */
  var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var k = 0; k < alternates.length; k++) {
    alternates[k].setAttribute("rel", "alternate ");
  }

  /* Keep the links' href right too, for "open in new tab" and "copy link". */
  ["focusin", "pointerover", "hashchange"].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (type === "hashchange" || (event.target instanceof Element && event.target.closest(SELECTOR_LINKS))) refresh();
    }, true);
  });
})();
