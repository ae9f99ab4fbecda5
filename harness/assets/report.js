// harness HTML report: sorting, filtering, expand/collapse; inlined by html_report.py.
(function(){
  "use strict";
  var table = document.getElementById("cands");
  if (table) {
    var tbody = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var sortCol = -1, sortDir = 1;
    function cellValue(row, i, type) {
      var v = row.cells[i].getAttribute("data-v");
      if (type === "num") { return (v === null || v === "") ? null : parseFloat(v); }
      return (v || row.cells[i].textContent).toLowerCase();
    }
    function sortBy(i) {
      var type = heads[i].getAttribute("data-type");
      if (sortCol === i) { sortDir = -sortDir; }
      else { sortCol = i; sortDir = (type === "num" && i !== 0) ? -1 : 1; }
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function(a, b){
        var x = cellValue(a, i, type), y = cellValue(b, i, type);
        if (x === null && y === null) { return 0; }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        if (x < y) { return -sortDir; }
        if (x > y) { return sortDir; }
        return cellValue(a, 0, "num") - cellValue(b, 0, "num");
      });
      rows.forEach(function(r){ tbody.appendChild(r); });
      for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute("aria-sort"); }
      heads[i].setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
    }
    for (var i = 0; i < heads.length; i++) {
      (function(i){
        heads[i].setAttribute("tabindex", "0");
        heads[i].addEventListener("click", function(){ sortBy(i); });
        heads[i].addEventListener("keydown", function(e){ if (e.key === "Enter") { sortBy(i); } });
      })(i);
    }
    var text = document.getElementById("filter-text");
    var gate = document.getElementById("filter-gate");
    var facts = document.getElementById("filter-facts");
    var reg = document.getElementById("filter-reg");
    var shown = document.getElementById("shown");
    function applyFilter() {
      var q = text ? text.value.trim().toLowerCase() : "";
      var g = gate ? gate.value : "";
      var f = facts ? facts.value : "";
      var r = reg ? reg.checked : false;
      var n = 0, rows = tbody.rows;
      for (var k = 0; k < rows.length; k++) {
        var row = rows[k];
        var ok = (!q || row.getAttribute("data-search").indexOf(q) >= 0)
          && (!g || row.getAttribute("data-gate") === g)
          && (!f || row.getAttribute("data-" + f) === "1")
          && (!r || row.getAttribute("data-regressed") === "1");
        row.classList.toggle("hidden", !ok);
        if (ok) { n++; }
      }
      if (shown) { shown.textContent = n + " of " + rows.length + " shown"; }
    }
    [text, gate, facts, reg].forEach(function(el){
      if (el) { el.addEventListener("input", applyFilter); el.addEventListener("change", applyFilter); }
    });
    applyFilter();
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  function setAll(open) {
    var all = document.querySelectorAll("details");
    for (var k = 0; k < all.length; k++) { all[k].open = open; }
  }
  var ex = document.getElementById("expand-all"), co = document.getElementById("collapse-all");
  if (ex) { ex.addEventListener("click", function(){ setAll(true); }); }
  if (co) { co.addEventListener("click", function(){ setAll(false); }); }
  window.addEventListener("beforeprint", function(){
    var all = document.querySelectorAll("details.cand");
    for (var k = 0; k < all.length; k++) { all[k].open = true; }
  });
})();
