/* Wide tables that scroll sideways can be reached and scrolled with the keyboard: the theme wraps
   every table in .md-typeset__scrollwrap; a wrapper whose table is wider than the page becomes a
   focusable, named region (tabindex=0, role=region, aria-label from the table's caption or the
   section heading), and a visible hint above it says that it scrolls. A long table grows with its rows in the
   page's own vertical scroll (no box of its own on a phone: ibm.css). A cell of running text is
   marked (class ibm-teksts) so that on a phone it keeps a readable width (ibm.css). A wrapper whose
   table fits is marked too (class ibm-ietilpst): on a phone its column headers stay in view (ibm.css).
   A box that is not shown (a support area the catalogue's filters hide, a closed <details>) has no width to measure:
   it is never marked as fitting – else, once shown, its wide table would be clipped with no sideways scroll (D326).
   Checked again when a box's size changes (shown, hidden, rows filtered) and when the window is resized. */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var node = wrap;
    while (node) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName)) {
          return "Tabula: " + previous.textContent.replace(/¶$/, "").trim();
        }
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
      if (node && node.classList.contains("md-content")) break;
    }
    return "Tabula";
  }

  var LONG_TEXT = 30;   // characters: a cell longer than this is running text
  // A table as wide as its box or narrower: on a phone ibm.css keeps its column headers in view (sticky) while the
  // page scrolls past its rows – possible only in a box that is no scroll container of its own.
  var FITS = "ibm-ietilpst";
  var HINT = "Tabula ir platāka par ekrānu – pabīdiet to uz sāniem, lai redzētu visas kolonnas.";

  function markText(wrap) {
    wrap.querySelectorAll("td").forEach(function (cell) {
      if (cell.textContent.trim().length > LONG_TEXT) cell.classList.add("ibm-teksts");
    });
  }

  function hint(wrap, show) {
    var previous = wrap.previousElementSibling;
    var has = previous && previous.classList.contains("ibm-tabula-norade");
    if (show && !has) {
      var p = document.createElement("p");
      p.className = "ibm-tabula-norade";
      p.textContent = HINT;
      wrap.parentNode.insertBefore(p, wrap);
    } else if (!show && has) {
      previous.remove();
    }
  }

  // Whether the table reaches past the wrapper's visible width. The theme pads the table's box, so a
  // table that fits can still leave a few pixels of padding to scroll: those do not count.
  function overflows(wrap) {
    var table = wrap.querySelector("table");
    if (!table) return wrap.scrollWidth > wrap.clientWidth + 1;
    var right = table.getBoundingClientRect().right - wrap.getBoundingClientRect().left + wrap.scrollLeft;
    return right > wrap.clientWidth + 1;
  }

  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (watch && !wrap.ibmWatched) {
        wrap.ibmWatched = true;
        watch.observe(wrap);
      }
      markText(wrap);
      if (!wrap.getClientRects().length) {  // not laid out: measured again when shown (watch)
        wrap.classList.remove(FITS);
        return;
      }
      var scrolls = overflows(wrap);
      // a box that scrolls either way is reached by the keyboard (axe: scrollable-region-focusable)
      if (scrolls || wrap.scrollHeight > wrap.clientHeight + 1) {
        wrap.classList.remove(FITS);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", label(wrap));
      } else {
        wrap.classList.add(FITS);
        if (wrap.getAttribute("role") === "region") {
          wrap.removeAttribute("tabindex");
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-label");
        }
      }
      hint(wrap, scrolls);
    });
  }

  var timer = null;
  function later() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(mark, 150);
  }
  // a box shown or hidden, or its rows filtered, changes its size; a closed <details> opened changes its content's
  var watch = typeof ResizeObserver === "function" ? new ResizeObserver(later) : null;
  document.addEventListener("toggle", later, true);

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { mark(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
  window.addEventListener("resize", later);
})();
