/* The navigation's section toggles. A section with a page of its own (the theme's navigation.indexes, e.g.
   „Pakalpojumu katalogs”) is its link and, beside it, a label of the section's hidden checkbox holding only an arrow
   icon: a Tab stop with no name (WCAG 4.1.2, 2.4.6), and Space scrolled the page instead of opening the section. Its
   icon is wrapped in a button as poga.js does for the header: a Tab stop named „<section> – atvērt vai aizvērt
   sadaļu” that says whether the section is open; Enter or Space opens or closes it (a click on the label, so the
   theme marks its list as it does on a click). A click on the icon is still the label's click. Section labels with
   their title as text keep their name; Space opens them too, as Enter does in the theme. Loaded after poga.js. */
(function () {
  "use strict";

  var SUFFIX = " – atvērt vai aizvērt sadaļu";

  function activate(event, label) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();  // Space would scroll the page
    event.stopPropagation();  // the theme's own Enter would click the label a second time
    label.click();
  }

  function sync(button, toggle) {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  var labels = document.querySelectorAll(".md-nav label.md-nav__link[for][tabindex]");
  Array.prototype.forEach.call(labels, function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) return;
    if (label.textContent.trim()) {
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") activate(event, label);
      });
      return;
    }
    var link = label.parentNode && label.parentNode.querySelector("a.md-nav__link");
    var title = link ? link.textContent.replace(/\s+/g, " ").trim() : "";
    if (!title) return;
    var button = window.ibmPoga(label, title + SUFFIX);
    // one Tab stop, the button; the label keeps a tabindex attribute, by which the theme finds the labels whose
    // click marks their list open or closed
    label.setAttribute("tabindex", "-1");
    var list = document.querySelector("nav[aria-labelledby='" + label.id + "']");  // named by the label: the button's name
    if (list) {
      if (!list.id) list.id = label.id.replace(/_label$/, "_saraksts");
      button.setAttribute("aria-controls", list.id);
    }
    button.addEventListener("keydown", function (event) {
      activate(event, label);
    });
    toggle.addEventListener("change", function () {
      sync(button, toggle);
    });
    sync(button, toggle);
  });
})();
