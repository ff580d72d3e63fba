/* The search box. Material reads the query on a key's release: a query that arrives otherwise (an input method's
   committed word, a paste, autofill, dictation) is passed on as one, so that every change of the query searches.
   Results that hold only some of the query's words (search-worker.js marks them) say so, in the page's
   language (#search-words). */
(function () {
  "use strict";
  var input = document.querySelector("[data-md-component=search-query]");
  var result = document.querySelector("[data-md-component=search-result]");
  if (!input) return;

  function searchNow(event) {
    if (event.isComposing) return;  // an input method still composing: its committed word comes next
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  input.addEventListener("input", searchNow);
  input.addEventListener("compositionend", searchNow);
  input.addEventListener("change", searchNow);

  var words = document.getElementById("search-words");
  var meta = result && result.querySelector(".md-search-result__meta");
  if (!words || !meta) return;
  new MutationObserver(function () {
    var partial = result.querySelector(".md-search-result__list .search-partial") !== null;
    if (partial && meta.textContent !== words.dataset.partial) meta.textContent = words.dataset.partial;
  }).observe(result, { childList: true, subtree: true, characterData: true });
})();
