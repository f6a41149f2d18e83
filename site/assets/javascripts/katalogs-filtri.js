/* Filters of the service catalogue index (katalogs/index.html): by recipient and impairment type.
   Rows carry data-sanemejs (child/parent/family) and data-traucejumi ("redzes|dzirdes", empty = every
   type). A support area (section[data-katalogs-joma]: heading, intro and table) none of whose rows
   match is hidden as a whole; when nothing matches at all, a sentence says so. Without JavaScript
   every row stays visible. */
(function () {
  "use strict";

  function apply(form) {
    var recipient = form.querySelector('[data-filtrs="sanemejs"]').value;
    var impairment = form.querySelector('[data-filtrs="traucejums"]').value;
    var shown = 0;
    var total = 0;
    document.querySelectorAll("table[data-katalogs-tabula] tbody tr").forEach(function (row) {
      var types = row.getAttribute("data-traucejumi");
      var okRecipient = !recipient || row.getAttribute("data-sanemejs") === recipient;
      var okImpairment = !impairment || !types || types.split("|").indexOf(impairment) >= 0;
      var visible = okRecipient && okImpairment;
      row.hidden = !visible;
      total += 1;
      if (visible) shown += 1;
    });
    document.querySelectorAll("section[data-katalogs-joma]").forEach(function (area) {
      var rows = area.querySelectorAll("table[data-katalogs-tabula] tbody tr");
      if (!rows.length) return;  /* an area without services keeps its sentence */
      area.hidden = !area.querySelector("table[data-katalogs-tabula] tbody tr:not([hidden])");
    });
    var empty = document.querySelector("[data-filtri-tukss]");
    if (empty) empty.hidden = shown > 0;
    var status = form.querySelector("[data-filtri-skaits]");
    if (status) {
      status.textContent = shown === total
        ? "Rādīti visi pakalpojumi: " + total + "."
        : "Rādīti pakalpojumi: " + shown + " no " + total + ".";  /* no number agreement needed (1, 21, 5) */
    }
  }

  function init() {
    var form = document.querySelector("form[data-katalogs-filtri]");
    if (!form) return;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { apply(form); });
    });
    apply(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
