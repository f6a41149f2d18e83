/* The navigation drawer at the widths where the theme (mkdocs-material) slides it in from the left: while it is
   closed it is off screen, yet its ~40 links stayed in the Tab order, so focus went where nobody can see it
   (WCAG 2.4.7, 2.4.11). The closed drawer is made inert: Tab, find-in-page and screen readers skip it. Opened (the
   theme checks its toggle with a click, which fires "change"), it is as the theme makes it. `visibility: hidden`
   on the drawer would not do: the theme's expanded sections set `visibility: visible` on themselves, and their
   links would stay in the Tab order. At desktop width the drawer is the visible sidebar and is never inert.

   The theme's button that opens the drawer (the header's "☰") is a label of the hidden toggle: no Tab stop and no
   name, so a keyboard user could not open the navigation at all (WCAG 2.1.1, 4.1.2). Its icon is wrapped in a button
   (a span with the role: a label may have no role of its own): a Tab stop named „Navigācija”, saying whether the
   drawer is open; Enter or Space opens it and puts the focus on its first link, Escape closes it and gives the focus
   back to the button. A click on the icon is still the label's click. */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !drawer || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");  // the theme's own drawer breakpoint
  var label = document.querySelector("label.md-header__button[for='__drawer']");
  var NAME = "Navigācija";

  var button = label ? window.ibmPoga(label, NAME) : null;

  function update() {
    if (narrow.matches && !toggle.checked) drawer.setAttribute("inert", "");
    else drawer.removeAttribute("inert");
    if (button) button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  /* The drawer's first link that can take the focus (the drawer is no longer inert once the toggle changed). */
  function firstLink() {
    var links = drawer.querySelectorAll("a[href], label[tabindex]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getClientRects().length) return links[i];
    }
    return null;
  }

  if (button) {
    if (!drawer.id) drawer.id = "ibm-navigacija";
    button.setAttribute("aria-controls", drawer.id);
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();  // Space would scroll the page
      var opening = !toggle.checked;
      toggle.click();
      if (opening) {
        var link = firstLink();
        if (link) link.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked || !narrow.matches) return;
      toggle.click();
      button.focus();
    });
  }

  toggle.addEventListener("change", update);
  if (narrow.addEventListener) narrow.addEventListener("change", update);
  else narrow.addListener(update);
  update();
})();
