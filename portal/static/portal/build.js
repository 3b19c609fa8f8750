// A running build's page: polls its status JSON and shows its state, stage and log as it goes; reloads the page
// once it is done or failed (to list its files). No inline script (CSP).
(function () {
  "use strict";
  var box = document.querySelector("[data-build]");
  if (!box) { return; }
  var state = box.getAttribute("data-state");
  if (state === "done" || state === "failed") { return; }
  var url = box.getAttribute("data-status-url");
  function poll() {
    fetch(url, {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (b) {
        if (!b) { return; }
        box.querySelectorAll("[data-stage-key]").forEach(function (li) {
          if (li.getAttribute("data-stage-key") === b.stage) { li.setAttribute("aria-current", "step"); }
          else { li.removeAttribute("aria-current"); }
        });
        var log = document.querySelector("[data-log]");
        if (log && b.log) { log.textContent = b.log; }
        if (b.state === "done" || b.state === "failed") { window.location.reload(); return true; }
        box.querySelector("[data-state-label]").textContent = b.state_label;
      })
      .catch(function () {})
      .then(function (finished) { if (!finished) { window.setTimeout(poll, 1000); } });
  }
  poll();
}());
