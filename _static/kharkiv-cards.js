/* Tables on a phone (issue 24): every article table of three columns or more gets the class kharkiv-cards and
   each cell the name of its column (data-label), so that _static/kharkiv.css can show each row as a card at
   600 px or less. kharkiv.text.html_tables writes both into the HTML already; this covers the tables written
   before it did and pandas' own. Without JavaScript such a table scrolls inside its box, as before. */
(function () {
  "use strict";
  function label(table) {
    var heads = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : null;
    if (!heads || heads.length < 3 || !table.tBodies.length) return;
    table.classList.add("kharkiv-cards");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (!cell.hasAttribute("data-label") && heads[i]) cell.setAttribute("data-label", heads[i].textContent.trim());
      });
    });
  }
  function run() { document.querySelectorAll(".bd-article table").forEach(label); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
