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
  // a cell whose token scrolls inside it (a checksum, kharkiv.css) takes the keyboard's focus, so it can be scrolled
  function focusable() {
    document.querySelectorAll("table.kharkiv-cards td").forEach(function (cell) {
      if (cell.scrollWidth > cell.clientWidth + 1) cell.setAttribute("tabindex", "0");
      else cell.removeAttribute("tabindex");
    });
  }
  function run() {
    document.querySelectorAll(".bd-article table").forEach(label);
    focusable();
    window.addEventListener("resize", focusable);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
