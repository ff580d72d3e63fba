/* A page that moved (an address a single-edition site published, now in its edition's folder): go to its new
 * address with the #fragment the reader came with, which the page's refresh alone would drop. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var target = new URL(script.getAttribute("data-target"), location.href);
  target.hash = location.hash;
  location.replace(target.href);
})();
