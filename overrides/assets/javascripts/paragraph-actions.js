/* Actions on every paragraph, figure and table ([data-cite]): copy its link, copy its citation, and show the
 * same block in the other language in place. A "⋯" button after the block's permalink opens them; it is a
 * plain disclosure button, so mouse, touch and keyboard (Tab, Enter, Space, Escape) all work.
 * The words come from the page (#report-actions), in the page's language. */
(function () {
  "use strict";

  var words = document.getElementById("report-actions");
  if (!words) return;
  words = words.dataset;
  var sideBySide = document.querySelector(".md-typeset .pair[data-cite]") !== null;
  var pageLang = document.documentElement.lang;
  var otherPages = {};

  /* Today, as a citation gives the day it was accessed: 2026-12-07 in Chinese (GB/T 7714), else in words. */
  function today() {
    var now = new Date();
    if (pageLang.indexOf("zh") === 0) {
      return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
        String(now.getDate()).padStart(2, "0");
    }
    return now.toLocaleDateString(pageLang, { year: "numeric", month: "long", day: "numeric" });
  }

  /* The address of a block: the page's canonical address (a side-by-side page names its language page). */
  function blockUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href, location.href);
    url.hash = "#" + encodeURIComponent(id);
    return url.href;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  /* The same page in the other language, fetched once and parsed (scripts in it never run). */
  function otherPage() {
    var link = document.querySelector(".md-select a[hreflang]:not([hreflang='" + pageLang + "'])");
    if (!link) return Promise.reject(new Error("no other language"));
    var url = link.href.split("#")[0];
    if (!otherPages[url]) {
      otherPages[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (text) {
        return { doc: new DOMParser().parseFromString(text, "text/html"), url: url };
      });
      otherPages[url].catch(function () { delete otherPages[url]; });
    }
    return otherPages[url];
  }

  /* A copy of the other language's block, without ids, permalinks or actions, its links made absolute. */
  function otherBlock(page, target) {
    var source = page.doc.getElementById(target.id);
    if (!source) return null;
    var box = document.createElement("div");
    box.className = "para-other";
    box.lang = page.doc.documentElement.lang;
    var lead = target.dataset.lead && page.doc.getElementById(target.dataset.lead);
    if (lead) {
      var leadText = document.createElement("strong");
      leadText.textContent = lead.textContent.replace(/¶\s*$/, "").trim();
      box.appendChild(leadText);
    }
    var copy = document.importNode(source, true);
    copy.querySelectorAll(".para-link, .headerlink, details").forEach(function (node) { node.remove(); });
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (node) {
      node.removeAttribute("id");
      node.removeAttribute("data-cite");
      node.removeAttribute("data-lead");
      ["src", "href"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value !== null) node.setAttribute(name, new URL(value, page.url).href);
      });
    });
    box.appendChild(copy);
    return box;
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.dataset.action = action;
    return element;
  }

  function close(tools) {
    var toggle = tools.querySelector(".para-actions__toggle");
    toggle.setAttribute("aria-expanded", "false");
    tools.querySelector("[role='group']").hidden = true;
  }

  function toolsFor(target) {
    var id = target.id;
    var tools = document.createElement("span");
    tools.className = "para-actions";
    var toggle = button("⋯", "toggle");
    toggle.className = "para-actions__toggle";
    toggle.setAttribute("aria-label", words.actions);
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "actions-" + id);
    var group = document.createElement("span");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", words.actions);
    group.id = "actions-" + id;
    group.hidden = true;
    group.appendChild(button(words.copyLink, "link"));
    group.appendChild(button(words.copyCitation, "cite"));
    if (!sideBySide) {
      var other = button(words.showOther, "other");
      other.setAttribute("aria-expanded", "false");
      other.setAttribute("aria-controls", "other-" + id);
      group.appendChild(other);
    }
    var status = document.createElement("span");
    status.className = "para-status";
    status.setAttribute("role", "status");
    tools.appendChild(toggle);
    tools.appendChild(group);
    tools.appendChild(status);
    return tools;
  }

  function act(target, tools, control) {
    var status = tools.querySelector(".para-status");
    var action = control.dataset.action;
    if (action === "toggle") {
      var open = control.getAttribute("aria-expanded") !== "true";
      document.querySelectorAll(".para-actions").forEach(close);
      control.setAttribute("aria-expanded", String(open));
      tools.querySelector("[role='group']").hidden = !open;
      status.textContent = "";
      return;
    }
    if (action === "link" || action === "cite") {
      var text = action === "link" ? blockUrl(target.id)
        : target.dataset.cite.replace("{url}", blockUrl(target.id)).replace("{accessed}", today());
      copyText(text).then(function () {
        status.textContent = words.copied;
      }, function () {
        status.textContent = words.copyFailed + " " + text;
      });
      return;
    }
    if (action === "other") {
      var shown = document.getElementById("other-" + target.id);
      if (shown) {
        shown.remove();
        control.setAttribute("aria-expanded", "false");
        control.textContent = words.showOther;
        return;
      }
      otherPage().then(function (page) {
        var box = otherBlock(page, target);
        if (!box) throw new Error("not found");
        box.id = "other-" + target.id;
        target.insertAdjacentElement("afterend", box);
        control.setAttribute("aria-expanded", "true");
        control.textContent = words.hideOther;
        status.textContent = "";
      }).catch(function () {
        status.textContent = words.otherFailed;
      });
    }
  }

  document.querySelectorAll(".md-typeset [data-cite][id]").forEach(function (target) {
    var permalink = target.querySelector(".para-link");
    if (!permalink) return;
    var tools = toolsFor(target);
    permalink.insertAdjacentElement("afterend", tools);
    tools.addEventListener("click", function (event) {
      var control = event.target instanceof Element ? event.target.closest("button") : null;
      if (control) act(target, tools, control);
    });
    tools.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      close(tools);
      tools.querySelector(".para-actions__toggle").focus();
    });
  });
})();
