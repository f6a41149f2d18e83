/* The navigation drawer at the widths where the theme (mkdocs-material) slides it in from the left: while it is
   closed it is off screen, yet its ~40 links stayed in the Tab order, so focus went where nobody can see it
   (WCAG 2.4.7, 2.4.11). The closed drawer is made inert: Tab, find-in-page and screen readers skip it. Opened (the
   theme checks its toggle with a click, which fires "change"), it is as the theme makes it. `visibility: hidden`
   on the drawer would not do: the theme's expanded sections set `visibility: visible` on themselves, and their
   links would stay in the Tab order. At desktop width the drawer is the visible sidebar and is never inert. */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !drawer || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");  // the theme's own drawer breakpoint

  function update() {
    if (narrow.matches && !toggle.checked) drawer.setAttribute("inert", "");
    else drawer.removeAttribute("inert");
  }

  toggle.addEventListener("change", update);
  if (narrow.addEventListener) narrow.addEventListener("change", update);
  else narrow.addListener(update);
  update();
})();
