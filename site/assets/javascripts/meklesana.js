/* 1. The theme (mkdocs-material) searches when a key is released in the search field, so text that arrives without
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

/* 2. The theme's results box (.md-search__scrollwrap, which scrolls the results) is a Tab stop only while the search is
   open and lists results: the theme made it one always (tabindex 0), so with no results – an empty query, or the
   search closed at desktop width, where the box is 0×0 – a keyboard user tabbed to an element they could not see.
   A box that is no Tab stop does not scroll either (ibm.css): axe's scrollable-region-focusable asks a box that
   scrolls to be reachable by the keyboard, and at phone width the open box would scroll its one status line. */
(function () {
  "use strict";

  var box = document.querySelector(".md-search__scrollwrap");
  var list = document.querySelector(".md-search-result__list");
  var open = document.getElementById("__search");
  if (!box || !list || !open) return;
  function update() {
    if (open.checked && list.querySelector(".md-search-result__item")) {
      box.setAttribute("tabindex", "0");
    } else {
      if (document.activeElement === box) box.blur();
      box.removeAttribute("tabindex");
    }
  }
  new MutationObserver(update).observe(list, { childList: true });
  open.addEventListener("change", update);
  update();
})();

/* 3. The theme's count of results („N atbilstoši dokumenti”) changes as the query is typed, but a screen reader was not
   told: the count is a polite live region (role status), read when the typing pauses and the count is new. */
(function () {
  "use strict";

  var count = document.querySelector(".md-search-result__meta");
  if (count) count.setAttribute("role", "status");
})();
