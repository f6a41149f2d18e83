/* The colour scheme toggle in the header. The theme (mkdocs-material) makes it of two radio inputs of no size
   (0 × 0 px, invisible) and a label for each, of which one is shown: Tab stopped on an input nobody can see
   (WCAG 2.4.7, 2.4.11). The inputs leave the Tab order, and the label shown is the Tab stop: its icon is wrapped in a
   button (a span with the role: a label may have no role of its own) named as the label's title says („Tumšais
   režīms”, „Gaišais režīms”); Enter or Space switches the scheme as a click does, and the focus moves to the button
   of the label the theme shows then. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-md-component='palette']");
  if (!form) return;

  Array.prototype.forEach.call(form.querySelectorAll("input.md-option"), function (input) {
    input.setAttribute("tabindex", "-1");
    input.setAttribute("aria-hidden", "true");
  });

  function shown() {
    return form.querySelector("label.md-header__button:not([hidden])");
  }

  Array.prototype.forEach.call(form.querySelectorAll("label.md-header__button"), function (label) {
    var button = window.ibmPoga(label, label.title);
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();  // Space would scroll the page
      event.stopPropagation();  // the theme's own Enter on the form would switch the scheme back
      label.click();
      // the theme shows the other label once it has switched the scheme
      window.requestAnimationFrame(function () {
        var next = shown();
        var nextButton = next ? next.querySelector(".ibm-poga") : null;
        if (nextButton && nextButton !== document.activeElement) nextButton.focus();
      });
    });
  });
})();
