/* The link between a division's page and its side-by-side page moves from the top of the page into the header,
   before the language selector: there it stays in sight wherever the reader is, and covers neither the text nor
   another control (language-switch.js makes it lead to the same paragraph). */
(function () {
  "use strict";
  var control = document.querySelector(".md-content .view-switch");
  var header = document.querySelector(".md-header__inner");
  if (!control || !header) return;
  var before = header.querySelector(".md-header__option") || header.querySelector(".md-search");
  var moved = document.createElement("div");
  moved.className = "view-switch";
  while (control.firstChild) moved.appendChild(control.firstChild);
  header.insertBefore(moved, before);
  control.remove();
})();
