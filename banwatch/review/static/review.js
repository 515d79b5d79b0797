// Keyboard shortcuts for the review pages. No inline script anywhere (the
// Content-Security-Policy forbids it): elements name their key in data-key.
//   a button or link with data-key is clicked; a field with data-key is focused.
// Queue pages also get j/k to move and o/Enter to open.
(function () {
  "use strict";

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  function visible(element) {
    return element && !element.closest("[hidden]") && element.getClientRects().length > 0;
  }

  function queueRows() {
    return Array.prototype.slice.call(document.querySelectorAll("tr[data-href]"));
  }

  function select(rows, index) {
    rows.forEach(function (row) { row.classList.remove("selected"); row.removeAttribute("aria-selected"); });
    if (rows[index]) {
      rows[index].classList.add("selected");
      rows[index].setAttribute("aria-selected", "true");
      rows[index].scrollIntoView({ block: "nearest" });
    }
  }

  function moveInQueue(step) {
    var rows = queueRows();
    if (!rows.length) { return; }
    var current = rows.findIndex(function (row) { return row.classList.contains("selected"); });
    var next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step));
    select(rows, next);
  }

  function openSelected() {
    var row = document.querySelector("tr[data-href].selected");
    if (row) { window.location.assign(row.getAttribute("data-href")); return true; }
    return false;
  }

  function toggleHelp() {
    var help = document.getElementById("keys");
    if (help) { help.hidden = !help.hidden; }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key;
    if (key === "?") { toggleHelp(); event.preventDefault(); return; }
    if (key === "Escape") { var help = document.getElementById("keys"); if (help) { help.hidden = true; } return; }
    if (document.body.dataset.page === "queue") {
      if (key === "j" || key === "ArrowDown") { moveInQueue(1); event.preventDefault(); return; }
      if (key === "k" || key === "ArrowUp") { moveInQueue(-1); event.preventDefault(); return; }
      if ((key === "o" || key === "Enter") && openSelected()) { event.preventDefault(); return; }
    }
    if (key.length !== 1) { return; }
    var targets = document.querySelectorAll('[data-key="' + CSS.escape(key) + '"]');
    for (var i = 0; i < targets.length; i += 1) {
      var element = targets[i];
      if (!visible(element)) { continue; }
      event.preventDefault();
      if (element.matches("input, textarea, select")) {
        element.focus();
        if (element.select && element.tagName !== "SELECT") { element.select(); }
      } else {
        element.click();
      }
      return;
    }
  });

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-help-toggle]");
    if (toggle) { toggleHelp(); return; }
    // A click anywhere on a queue row opens it (the links inside work as links).
    var row = event.target.closest && event.target.closest("tr[data-href]");
    if (row && !event.target.closest("a, button, input, label")) {
      window.location.assign(row.getAttribute("data-href"));
    }
  });

  // Mark the first row so j/k and Enter work at once.
  document.addEventListener("DOMContentLoaded", function () {
    if (document.body.dataset.page === "queue") { select(queueRows(), 0); }
  });
}());
