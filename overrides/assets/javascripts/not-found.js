/* A host that serves one 404 page for every missing address serves the default language's: for an address in
   another language's folder, that language's own 404 page is shown instead, at the same address. */
(function () {
  "use strict";
  var marker = document.querySelector("[data-not-found-languages]");
  if (!marker) return;
  var folder = null;  // the language whose folder holds the address: the longest that does
  JSON.parse(marker.getAttribute("data-not-found-languages")).forEach(function (language) {
    var path = new URL(language[1], location.href).pathname;
    if (location.pathname.indexOf(path) === 0 && (!folder || path.length > folder.path.length))
      folder = { lang: language[0], path: path };
  });
  if (!folder || document.documentElement.lang === folder.lang) return;
  fetch(folder.path + "404.html").then(function (response) {
    return response.ok ? response.text() : null;
  }).then(function (html) {
    if (!html) return;
    document.open();
    document.write(html);
    document.close();
  });
})();
