// The coordinator's dashboard: polls the rows' JSON and updates the table in place (no reload, no inline script:
// the Content-Security-Policy forbids it), and sorts the table by a column on a click of its header button.
// Every value from the server goes into textContent or an attribute, never into markup.
(function () {
  "use strict";
  var table = document.querySelector("[data-desk]");
  if (!table) { return; }
  var body = table.querySelector("tbody");
  var url = table.getAttribute("data-rows-url");
  var every = parseInt(table.getAttribute("data-interval") || "3000", 10);
  var data = {};
  var sortKey = "order", ascending = true;
  var STATUS_RANK = {none: 0, rejected: 1, errors: 2, unchecked: 3, pending: 4, warnings: 5, clean: 6};

  function label(name) { return table.getAttribute("data-label-" + name) || name; }
  function link(href, text) {
    var a = document.createElement("a");
    a.href = href; a.textContent = text; return a;
  }
  function fill(tr, r) {
    var cells = tr.cells;
    tr.classList.toggle("attention", r.attention);
    var badge = cells[1].querySelector("[data-status]");
    badge.className = "status status-" + r.status;
    badge.textContent = r.status_label;
    cells[2].querySelector("[data-at]").textContent = r.uploaded_at_text;
    cells[2].querySelector("[data-by]").textContent = r.uploaded_by + (r.on_behalf ? " (" + label("behalf") + ")" : "");
    ["read", "accepted", "rejected", "outside"].forEach(function (k, i) { cells[3 + i].textContent = r.counts[k]; });
    cells[7].textContent = r.uploads;
    var open = cells[8].querySelector("[data-links]");
    open.textContent = "";
    ["submission", "file", "feedback", "preview"].forEach(function (k) {
      if (!r.links[k] || !r.links.submission) { return; }
      var item = document.createElement("li");
      item.appendChild(link(r.links[k], label(k)));
      open.appendChild(item);
    });
  }
  function value(code) {
    var r = data[code];
    if (!r) { return 0; }
    if (sortKey === "status") { return STATUS_RANK[r.status]; }
    if (sortKey === "uploaded_at") { return r.uploaded_at || ""; }
    if (r.counts && sortKey in r.counts) { return r.counts[sortKey]; }
    return r[sortKey];
  }
  function sort() {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a.getAttribute("data-code")), y = value(b.getAttribute("data-code"));
      var c = x < y ? -1 : x > y ? 1 : data[a.getAttribute("data-code")].order - data[b.getAttribute("data-code")].order;
      return ascending ? c : -c;
    });
    rows.forEach(function (tr) { body.appendChild(tr); });
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    var active = table.querySelector("[data-sort='" + sortKey + "']");
    if (active) { active.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending"); }
  }
  function update(summary) {
    summary.departments.forEach(function (r) {
      data[r.code] = r;
      var tr = body.querySelector("tr[data-code='" + r.code + "']");
      if (tr) { fill(tr, r); }
    });
    var note = document.querySelector("[data-refreshed]");
    if (note) { note.textContent = label("refreshed") + " " + new Date().toLocaleTimeString(); }
    sort();
  }
  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (summary) { if (summary) { update(summary); } })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, every); });
  }
  table.querySelectorAll("button[data-sort]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      ascending = key === sortKey ? !ascending : true;
      sortKey = key;
      sort();
    });
  });
  poll();
}());
