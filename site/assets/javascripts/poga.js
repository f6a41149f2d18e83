/* A header label of the theme (mkdocs-material) made a keyboard button: its content wrapped in a span with the
   button role (a label may have no role of its own), a Tab stop named ``name``. Used by izvelne.js (the drawer's
   „Navigācija”) and krasu-shema.js (the colour scheme's „Tumšais režīms” / „Gaišais režīms”); loaded before them. */
(function () {
  "use strict";

  window.ibmPoga = function (host, name) {
    var span = document.createElement("span");
    span.className = "ibm-poga";
    span.setAttribute("role", "button");
    span.setAttribute("tabindex", "0");
    span.setAttribute("aria-label", name);
    while (host.firstChild) span.appendChild(host.firstChild);
    host.appendChild(span);
    return span;
  };
})();
