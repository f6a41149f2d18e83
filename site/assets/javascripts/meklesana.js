/* The theme (mkdocs-material) searches when a key is released in the search field, so text that arrives without
   a key (pasted with the mouse, dictated, filled in by the browser) was not searched until the next key press.
   Every change of the field's text ("input") is passed on as a key release; the theme searches a value only once,
   so a typed letter (input and keyup) is still one search. */
(function () {
  "use strict";

  var field = document.querySelector("input.md-search__input");
  if (!field) return;
  field.addEventListener("input", function (event) {
    if (event.isComposing) return;  // an unfinished composition: its keys come anyway
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
