/* The book's small enhancements (no library, nothing loaded from outside the book):
   - a click on a chart opens it at full size (each chart image is wrapped in a link to itself);
   - tables of kharkiv.tables sort by a click on a column heading, and long ones get a filter box.
   Without JavaScript the charts and tables are all there; only these conveniences are missing. */
(function () {
  "use strict";
  var FILTER_FROM = 12; // rows from which a table gets a filter box

  function zoomCharts() {
    document.querySelectorAll("div.cell_output img, figure img").forEach(function (img) {
      if (img.closest("a")) return;
      var a = document.createElement("a");
      a.href = img.getAttribute("src");
      a.className = "kharkiv-zoom";
      a.title = "Open the chart at full size";
      a.setAttribute("aria-label", "Open the chart at full size: " + (img.getAttribute("alt") || "chart"));
      img.parentNode.insertBefore(a, img);
      a.appendChild(img);
    });
  }

  function cellKey(td) {
    var t = (td.getAttribute("data-sort") || td.textContent).trim();
    var n = t.replace(/[,\u2009]/g, "").match(/^-?\d+(\.\d+)?/);
    return n && n[0].length === t.replace(/[,\u2009]/g, "").length ? [0, parseFloat(n[0]), ""] : [1, 0, t.toLowerCase()];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[0] === 0) return a[1] - b[1];
    return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
  }

  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    if (!body) return;
    heads.forEach(function (th, col) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      th.title = "Sort by this column";
      function sort() {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, i) { if (!r.dataset.order) r.dataset.order = i; });
        rows.sort(function (x, y) {
          var c = compare(cellKey(x.cells[col]), cellKey(y.cells[col])) * dir;
          return c || x.dataset.order - y.dataset.order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
    if (body.rows.length >= FILTER_FROM) {
      var label = document.createElement("label");
      label.className = "kharkiv-table-filter";
      label.textContent = "Filter rows: ";
      var input = document.createElement("input");
      input.type = "search";
      input.placeholder = "any word in the table";
      label.appendChild(input);
      var wrap = table.closest(".kharkiv-table-wrap") || table;
      wrap.parentNode.insertBefore(label, wrap);
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase();
        Array.prototype.forEach.call(body.rows, function (r) {
          r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) === -1;
        });
      });
    }
  }

  function openFoldsForPrint() {
    document.querySelectorAll("details.kharkiv-fold").forEach(function (d) { d.open = true; });
  }

  function init() {
    zoomCharts();
    document.querySelectorAll("table.kharkiv-table").forEach(sortable);
    window.addEventListener("beforeprint", openFoldsForPrint);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
