/* A chart opens full size: following a chart's link (mouse, touch, Enter) shows its wide drawing in a dialog at
   its own size, with buttons to zoom in and out and to close; Escape closes it too, and the reader is back on the
   link. The words of the buttons are on the link, in the page's language. Without scripts, the link opens the
   chart's file. */
(function () {
  "use strict";
  var STEP = 1.5, SMALLEST = 0.25, LARGEST = 6;

  function button(text, action) {
    var control = document.createElement("button");
    control.type = "button";
    control.textContent = text;
    control.addEventListener("click", action);
    return control;
  }

  function open(link) {
    var shown = Array.prototype.filter.call(link.querySelectorAll("img"), function (img) {
      return img.getClientRects().length > 0;
    })[0] || link.querySelector("img");
    var wide = link.querySelector("img.chart-wide") || shown;
    var width = Number(wide.getAttribute("width")) || wide.naturalWidth, zoom = 1;
    var dialog = document.createElement("dialog");
    dialog.className = "chart-viewer";
    dialog.setAttribute("aria-label", shown.alt);
    var image = document.createElement("img");
    image.src = link.href;
    image.alt = shown.alt;
    function scale(by) {
      zoom = Math.min(LARGEST, Math.max(SMALLEST, zoom * by));
      image.style.width = Math.round(width * zoom) + "px";
    }
    scale(1);
    var bar = document.createElement("div");
    bar.className = "chart-viewer__bar";
    bar.append(button(link.dataset.zoomOut, function () { scale(1 / STEP); }),
               button(link.dataset.zoomIn, function () { scale(STEP); }),
               button(link.dataset.close, function () { dialog.close(); }));
    var frame = document.createElement("div");
    frame.className = "chart-viewer__frame";
    frame.tabIndex = 0;  // scrolled with the keyboard's arrows
    frame.appendChild(image);
    dialog.append(bar, frame);
    dialog.addEventListener("close", function () {
      dialog.remove();
      link.focus();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.chart-zoom") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(link);
  });
})();
