/* The form of the page "IB kalkulators": reads the fields, calls window.ibmKalkulators.aprekins on
 * every change and shows the results, the errors and warnings, and a print view whose every page carries the
 * estimate's title, the day and „N. lpp. no M” (printPages).
 * Every amount shown is the API's; this file only formats and places it. */
(function (global) {
  "use strict";

  var LIMIT_LABEL = { apstiprināts: "apstiprināti", "jāprecizē": "jāprecizē" };
  /* Errors of the plan's period or the child's age: no amount, rate or age is shown while one stands
   * (they would be zeros or a negative age); each is shown at the field it is about. */
  var BLOCKING_FIELD = {
    outside_reporting_period: "periodaSakums",
    prices_not_in_force: "periodaSakums",
    past_reporting_period: "menesi",
    not_eligible: "dzimsanasDatums",
  };
  /* A line's own rule errors about one of its fields: shown at that field of the line – the price (audit26 F2), the
   * units beyond what the plan period holds (D147). */
  var FIELD_RULES = { price_above_ceiling: "cena", actual_cost_price: "cena", units_above_period: "daudzums",
    whole_units: "daudzums" };  // D328: a fraction of a whole unit too, like a value that is no number
  /* The errors about a value typed: shown at their field once it is left (markErrors). */
  var VALUE_ERRORS = { ievade: true, whole_units: true };
  /* Messages about the plan as a whole, though they name lines: not repeated at each line. */
  var PLAN_RULES = { transport_share: true };
  var STATUS_PAUSE_MS = 600;  // the live status line waits for a pause in typing

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function forma(root, api) {
    var data = api.dati;
    var UNITS_LABEL = data.lauki.daudzums;  // the messages name these two (audit36 F5)
    var PRICE_LABEL = data.lauki.cena;
    var AMOUNT_LABEL = data.lauki.summa;  // D70: the euro at actual cost – the units are the amount
    var eur = function (s) {
      return s === null || s === undefined ? "–" : api.formats.eur(s);
    };
    var list = root.querySelector("#ibm-rindas");
    var counter = 0;

    /* The offer of the round whose prices the plan gets (its first day decides, D61). */
    function offerOf(text) {
      var t = text.trim();
      return api.pakalpojums(t, value("periodaSakums")) || api.pakalpojums(t.split(/\s+/)[0], value("periodaSakums"));
    }

    function field(k, name, label, attrs) {
      var id = "ibm-r" + k + "-" + name;
      var input = el("input", Object.assign({ id: id, name: name, "aria-describedby": id + "-kluda" }, attrs || {}));
      return el("div", { class: "ibm-kalk__lauks ibm-kalk__lauks--" + name }, [
        el("label", { for: id, text: label }),
        input,
        el("span", { id: id + "-kluda", class: "ibm-kalk__kluda" }),
      ]);
    }

    function addRow(values) {
      counter += 1;
      var k = counter;
      var legend = el("legend", { text: "" });
      var hint = el("p", { class: "ibm-kalk__piezime ibm-kalk__pakalpojuma-info", id: "ibm-r" + k + "-info" });
      var result = el("p", { class: "ibm-kalk__rindas-rezultats", id: "ibm-r" + k + "-rezultats" });
      // the line's own rule messages, in the reference's words
      var notes = el("div", { class: "ibm-kalk__rindas-zinojumi", id: "ibm-r" + k + "-zinojumi" });
      var remove = el("button", { type: "button", class: "ibm-kalk__nonemt" });
      var set = el("fieldset", { class: "ibm-kalk__rinda" }, [
        legend,
        el("div", { class: "ibm-kalk__lauki" }, [
          field(k, "kods", data.lauki.kods, { list: "ibm-pakalpojumi", placeholder: "kods vai nosaukums" }),
          field(k, "daudzums", UNITS_LABEL, { inputmode: "decimal" }),
          field(k, "cena", PRICE_LABEL, { inputmode: "decimal" }),
          field(k, "ekspertuRangs", data.lauki.ekspertuRangs, { inputmode: "numeric" }),
          field(k, "vecakuRangs", data.lauki.vecakuRangs, { inputmode: "numeric" }),
        ]),
        hint,
        result,
        notes,
        remove,  // D363: last – read and reached after the line's fields, its result and its messages
      ]);
      var item = el("li", {}, [set]);
      list.appendChild(item);
      var code = set.querySelector("[name=kods]");
      var price = set.querySelector("[name=cena]");
      code.setAttribute("aria-describedby", code.getAttribute("aria-describedby") + " " + hint.id + " " + notes.id);
      var taken;  // the value the line's service was last taken from
      function take() {
        var offer = offerOf(code.value);
        // D328: a name that matches one offer only is that offer, shown by its code and, below, its name
        var one = offer ? [] : choicesOf(code.value);
        if (one.length === 1) offer = offerOf(code.value = one[0]);
        taken = code.value;
        fixedPrice(set, offer);
        if (offer && price.value.trim() === "" && offer.cena !== null && offer.griestuStatuss === "apstiprināts") {
          price.value = offer.cena.replace(".", ",");
        }
        update();
      }
      code.addEventListener("change", take);
      // D343: Tab makes the offers' buttons before it moves on – field, its buttons, next field
      code.addEventListener("keydown", function (e) {
        if (e.key !== "Tab" || e.shiftKey) return;
        touched[code.id] = true;
        typing = null;
        if (code.value !== taken) take();
        else update();
      });
      remove.addEventListener("click", function () {
        var next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        renumber();
        update();
        if (next) next.querySelector("input").focus();
        else root.querySelector("#ibm-pievienot").focus();
      });
      Object.keys(values || {}).forEach(function (name) {
        var input = set.querySelector("[name=" + name + "]");
        if (input) input.value = values[name];
      });
      if (values && values.kods) fixedPrice(set, offerOf(values.kods));
      renumber();
      return set;
    }

    /* D70: an item whose unit fixes the price (the euro at actual cost) asks for the amount in euro; its price
     * is the unit's, shown and not editable. Another item gives the field back (empty, if it held that price). */
    function fixedPrice(set, offer) {
      var price = set.querySelector("[name=cena]");
      var units = set.querySelector("[name=daudzums]");
      var fixed = offer && offer.vienibasCena !== null;
      if (fixed) {
        price.value = api.formats.skaitlis(offer.vienibasCena, 2);
        price.readOnly = true;
      } else if (price.readOnly) {
        price.value = "";
        price.readOnly = false;
      }
      set.querySelector("label[for='" + units.id + "']").textContent = fixed ? AMOUNT_LABEL : UNITS_LABEL;
      set.querySelector("label[for='" + price.id + "']").textContent = PRICE_LABEL + (fixed ? " (noteikta)" : "");
    }

    function renumber() {
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.querySelector("legend").textContent = i + 1 + ". rinda";
        var button = item.querySelector(".ibm-kalk__nonemt");
        button.textContent = "Noņemt " + (i + 1) + ". rindu";
      });
      lineLimit();
    }

    /* D293: a matrix holds data.rinduSkaits plan lines; at that many the add button stops and says why beside it.
     * aria-disabled, not disabled: the button stays a Tab stop whose description (the note) is read. */
    function lineLimit() {
      var add = root.querySelector("#ibm-pievienot");
      var note = root.querySelector("#ibm-rindu-robeza");
      var full = list.children.length >= data.rinduSkaits;
      var text = full ? data.rinduRobeza : "";
      if ((add.getAttribute("aria-disabled") === "true") !== full) {
        if (full) add.setAttribute("aria-disabled", "true");
        else add.removeAttribute("aria-disabled");
      }
      if (note.textContent !== text) note.textContent = text;
    }

    function value(name) {
      var input = root.querySelector("form [name=" + name + "]");
      return input.type === "checkbox" ? input.checked : input.value;
    }

    function readForm() {
      return {
        dzimsanasDatums: value("dzimsanasDatums"),
        periodaSakums: value("periodaSakums"),
        menesi: value("menesi"),
        atzinums: value("atzinums"),
        galigais: value("galigais"),
        pabalsti: value("pabalsti"),
        pakalpojumi: value("pakalpojumi"),
        citi: value("citi"),
        varianti: value("varianti"),
        rindas: Array.prototype.map.call(list.children, function (item) {
          var get = function (n) {
            return item.querySelector("[name=" + n + "]").value;
          };
          var offer = offerOf(get("kods"));
          return {
            kods: offer ? offer.kods : get("kods"),
            daudzums: get("daudzums"),
            cena: get("cena"),
            ekspertuRangs: get("ekspertuRangs"),
            vecakuRangs: get("vecakuRangs"),
          };
        }),
      };
    }

    /* The codes of the offers a typed name matches (the API's message about it), as the field's buttons offer them. */
    function choicesOf(text) {
      var m = api.aprekins({ periodaSakums: value("periodaSakums"), rindas: [{ kods: text }] }).messages.filter(function (x) {
        return x.lauks === "kods";
      })[0];
      return (m && m.izvele) || [];
    }

    function rowItem(i) {
      return list.children[i];
    }

    var touched = {};
    var typing = null;  // the field a key was just pressed in

    function inputOf(m) {
      if (BLOCKING_FIELD[m.kods]) return root.querySelector("form [name=" + BLOCKING_FIELD[m.kods] + "]");
      if (FIELD_RULES[m.kods] && m.rindas.length && rowItem(m.rindas[0])) {
        return rowItem(m.rindas[0]).querySelector("[name=" + FIELD_RULES[m.kods] + "]");
      }
      if (m.kods !== "ievade") return null;
      return m.rindas.length
        ? rowItem(m.rindas[0]).querySelector("[name=" + m.lauks + "]")
        : root.querySelector("form [name=" + m.lauks + "]");
    }

    /* Input errors of the fields the reader has left (not of the one being typed in); an empty required field is never
     * an error (D328: not even when passed over with Tab), only a field still to fill in (`missing`). Returns the
     * messages to list. */
    var missing = [];
    function markErrors(messages) {
      var notes = {};
      var choices = {};
      missing = [];
      var waits = function (f) {
        return !touched[f.id] || f.id === typing;
      };
      var shown = messages.filter(function (m) {
        var input = inputOf(m);
        if (!input) return true;
        // D338: a line's empty service is an error once its units or price are typed and left
        var lineOf = !input.value.trim() && m.lauks === "kods" ? rowItem(m.rindas[0]).querySelectorAll("[name=daudzums],[name=cena]") : null;
        if (m.kods === "ievade" && !input.value.trim() && !lineOf) {
          missing.push(m);
          return false;
        }
        // a value's error waits until the field is left (not while it is typed in); a period or age error is about
        // valid dates
        if (VALUE_ERRORS[m.kods] && Array.prototype.every.call(lineOf || [input], waits)) return false;
        // D328: the buttons come after the field is left – the note, read then, says where they are
        var text = m.izvele ? m.teksts + " Pogas izvēlei – zem lauka." : m.teksts;
        notes[input.id] = notes[input.id] ? notes[input.id] + " " + text : text;
        if (m.izvele) choices[input.id] = m.izvele;
        return true;
      });
      Array.prototype.forEach.call(list.children, function (item) {
        choiceButtons(item.querySelector("[name=kods]"), choices);
      });
      // only what changed is written: the notes are live regions, an unchanged one is not read again
      root.querySelectorAll(".ibm-kalk__kluda").forEach(function (n) {
        var id = n.id.replace(/-kluda$/, "");
        var text = notes[id] || "";
        if (n.textContent !== text) n.textContent = text;
        var input = document.getElementById(id);
        if (!input) return;
        if (text && input.getAttribute("aria-invalid") !== "true") input.setAttribute("aria-invalid", "true");
        else if (!text && input.hasAttribute("aria-invalid")) input.removeAttribute("aria-invalid");
      });
      return shown;
    }

    /* D328: the offers a typed name matches, as buttons under its field that put the offer's code in it. */
    function choiceButtons(code, choices) {
      var codes = choices[code.id] || [];
      var box = document.getElementById(code.id + "-izvele");
      if ((box ? box.getAttribute("data-kodi") : "") === codes.join(" ")) return;
      if (box) box.remove();
      // the field is described by its buttons while they are there
      var described = code.getAttribute("aria-describedby").split(" ").filter(function (id) {
        return id !== code.id + "-izvele";
      });
      code.setAttribute("aria-describedby", described.concat(codes.length ? [code.id + "-izvele"] : []).join(" "));
      if (!codes.length) return;
      var legend = code.closest(".ibm-kalk__rinda").querySelector("legend").textContent;
      box = el("div", { id: code.id + "-izvele", class: "ibm-kalk__izvele", role: "group", "data-kodi": codes.join(" "),
        "aria-label": legend + ": izvēlieties pakalpojumu" }, codes.map(function (k) {
        var offer = offerOf(k);
        return el("button", { type: "button", "data-kods": k, text: offer ? offer.nosaukums : k });
      }));
      document.getElementById(code.id + "-kluda").after(box);
    }
    list.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest(".ibm-kalk__izvele button");
      if (!button) return;
      var code = button.closest(".ibm-kalk__lauks").querySelector("input");
      code.value = button.getAttribute("data-kods");
      touched[code.id] = true;
      code.focus();
      code.dispatchEvent(new Event("change", { bubbles: true }));
    });

    /* The errors that leave the plan without amounts (BLOCKING_FIELD). */
    function blocking(res) {
      return res.messages.filter(function (m) {
        return BLOCKING_FIELD[m.kods] && m.smagums === "kļūda";
      });
    }

    function table(caption, rows, cls) {
      var body = rows.map(function (r) {
        var cell = typeof r[1] === "string" ? el("td", { text: r[1] }) : el("td", {}, r[1]);
        return el("tr", {}, [el("th", { scope: "row", text: r[0] }), cell]);
      });
      return el("table", { class: cls || "ibm-kalk__tabula" }, [el("caption", { text: caption }), el("tbody", {}, body)]);
    }

    /* "Cenas uz DD.MM.GGGG": the prices day of the plan's matrix, and from when later prices apply (D186). */
    function pricesNote(res) {
      var round = api.karta(last.input.periodaSakums);
      var d = api.formats.datums;
      var text = "Šim plānam – kārtas „" + round.nosaukums + "” cenas uz " + d(res.Cenu_Datums) +
        (round.cenasLidz ? " (spēkā līdz " + d(round.cenasLidz) + ")" : "") +
        ", tās pašas, kas IBM matricā ar cenām uz " + d(res.Cenu_Datums) + ".";
      if (round.mainasDiena) {
        var from = d(round.mainasDiena);
        text += " No " + from + " katalogā ir paziņotas citas cenas vai parametri" + (round.mainaKarta
          ? ": tos piemēro plāniem, kas sākas " + from + " vai vēlāk (kalkulators tad rēķina ar tiem, tāpat kā IBM " +
            "matrica ar cenām uz " + from + ")."
          : "; šīs kārtas plāniem tos nepiemēro, jo tie stājas spēkā pēc kārtas pakalpojumu laika.");
      }
      return el("p", { class: "ibm-kalk__cenas", text: text });
    }

    /* "15.10.2018–31.03.2019 (pārskata periods 01.10.2018–31.03.2019)": first and last day (D93). */
    function periodText(res) {
      var d = api.formats.datums;
      var rp = res.Parskata_Periods;
      var part = function (text) {  // a date range is not broken at its dash
        return el("span", { class: "ibm-kalk__vienkopus", text: text });
      };
      return [part(d(res.Perioda_Sakums) + "–" + d(res.Perioda_Beigas))].concat(
        rp ? [" (pārskata periods ", part(d(rp.sakums) + "–" + d(rp.beigas)), ")"] : [" (nav nevienā pārskata periodā)"]);
    }

    /* "; kārtas pēdējā diena 31.10.2019 – līdz tai bērnam nedrīkst apritēt 18 gadi" (D110, audit16 F6): the day
     * the age limit is tested against, from the round of the plan's first day. */
    function roundEndText(start) {
      var info = api.periods(start);
      if (!info || !info.kartasBeigas) return "";
      return "; kārtas pēdējā diena " + api.formats.datums(info.kartasBeigas) + " – līdz tai bērnam nedrīkst apritēt " +
        api.karta(start).parametri.vecumaRobeza + " gadi";
    }

    /* P rests on an unconfirmed B (the result's flag, D257; without a result the round's): P, and A unless F
     * decides it, are estimates (audit16 F5). */
    function provisionalBase() {
      var b = last.res && last.res.Bazes_Apmers_Provizorisks;
      return typeof b === "boolean" ? b : !api.karta(last.input.periodaSakums).parametri.bazesApmersApstiprinats;
    }

    /* D206 (D53's A_ON_BASE): only a typed F applied because N > P makes A a figure; F typed while N <= P on the
     * estimated P leaves A = N an estimate too, since the confirmed B may yet make N > P and A = F. */
    function estimatesAK() {
      return provisionalBase() && !(last.res && last.res.Galigais_Piemerots);
    }

    /* audit36 F1: on screen as on paper; A and K hang on P unless an applied F decides them (D206). */
    function provisionalNote() {
      return el("p", { class: "ibm-kalk__nederigs", text: "Provizoriski: bāzes apmērs B vēl " +
        "jāprecizē, tāpēc " + (estimatesAK() ? "P un no tā atkarīgie A un K ir aplēses, nevis galīgi apmēri."
          : "P ir aplēse, nevis galīgs apmērs.") });
    }
    var PROVISIONAL_CAPTION = "IB apmēri (provizoriski – B jāprecizē)";
    var ESTIMATE = " (aplēse)";
    // audit27c F7: no valid figure while the plan has an error; the word agrees with the figure's label (a masculine
    // „apmērs”, the feminine „daļa”, the plural „pabalsti”, „pakalpojumi”, „avoti”)
    var INVALID_WORD = { m: "nederīgs", f: "nederīga", pl: "nederīgi", fpl: "nederīgas" };
    var LINE_INVALID = " – nav derīgi, kamēr plānā ir kļūdas";  // one mark after a plan line's figures on screen
    var CELL_INVALID = " (!)";  // a printed line's cell, one line in any column; the note under the table says what it means
    function invalid(res, form) {
      return res.Kludas > 0 ? " (" + INVALID_WORD[form || "m"] + " – plānā ir kļūdas)" : "";
    }

    function summaryRows(res) {
      var blocked = blocking(res).length > 0;
      var d = res.Finansejums || {};
      var money = function (s) {
        return blocked ? "–" : eur(s);
      };
      var figure = function (s, form, mark) {
        return blocked ? "–" : eur(s) + (mark || "") + invalid(res, form);
      };
      // A, its IB share and K hang on P while estimatesAK() holds: marked as the bar and the lines mark them
      var ak = estimatesAK() ? ESTIMATE : "";
      var pct = function (s) {
        return blocked ? "–" : api.formats.procenti(s, 1);
      };
      return [
        ["Plāna periods", periodText(res)],
        ["Pārbaudes datums (pārskata perioda sākums)", res.Parbaudes_Datums ? api.formats.datums(res.Parbaudes_Datums) +
          roundEndText(last.input.periodaSakums) : "– (plāns nav pārskata periodā)"],
        ["Vecums pārbaudes datumā", res.Parbaudes_Datums && res.Vecums >= 0 ? res.Vecums + " g." : "–"],
        ["Provizoriskā apmēra likme", pct(res.Provizoriska_Likme)],
        ["IB provizoriskais apmērs P" + (provisionalBase() ? " (bāzes apmērs B – jāprecizē)" : ""),
          money(res.IB_Provizoriskais) + (blocked || !provisionalBase() ? "" : ESTIMATE)],  // audit41c L11: as A and K
        ["IB nepieciešamais apmērs N", figure(res.IB_Nepieciesamais)],
        ["Plānam pieejamais IB apmērs A", figure(res.IB_Pieejamais, "m", ak)],
      ].concat(res.IB_Galigais === null || res.IB_Galigais === undefined ? [] : [
        // audit26 F3: a typed F and whether it decides A, in the words of 6.5 and the papers (D53): while B is
        // unconfirmed, N <= P rests on the estimated P, so F "applies if N > P"; N > P is sure only with B confirmed
        ["IB galīgais apmērs F", blocked ? eur(res.IB_Galigais)
          : eur(res.IB_Galigais) + " – " + (res.Galigais_Piemerots ? data.galigais.piemero
            : provisionalBase() ? data.galigais.piemeroJa : data.galigais.nepiemero) +
            (provisionalBase() ? " (P – aplēse, kamēr B nav apstiprināts)" : "")],
      ]).concat([
        // audit32b F9: every figure that hangs on the plan's lines carries the mark (P and the rate do not)
        ["No IB finansēts", figure(d.IB, "m", ak)],
        ["Pabalsti (izmantoti)", figure(d.Pabalsti, "pl")],
        ["Valsts un pašvaldību pakalpojumi (izmantoti)", figure(d.Pakalpojumi, "pl")],
        ["Citi avoti (izmantoti)", figure(d.Citi, "pl")],
        ["IB kopējais apmērs K (2. variants)", figure(res.IB_Kopejais, "m", ak)],
        ["Transporta daļa no A", blocked ? "–" : pct(res.Transporta_Dala) + invalid(res, "f")],
      ]);
    }

    /* The three financing variants' table (its caption given: hidden on screen, shown on paper). */
    function variantsRows(res, caption) {
      var head = el("tr", {}, ["Variants", "No IB", "Pabalsti", "Pakalpojumi", "Citi", "K"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }));
      // „No IB” and K hang on P as A does while estimatesAK() holds: the summary's mark
      var mark = estimatesAK() ? ESTIMATE : "";
      var rows = [1, 2, 3].map(function (v) {
        var f = res.Varianti[v];
        return el("tr", {}, [el("th", { scope: "row", text: v + ". variants" })].concat(
          [[f.IB, mark], [f.Pabalsti, ""], [f.Pakalpojumi, ""], [f.Citi, ""], [f.IB_Kopejais, mark]].map(function (x) {
            return el("td", { text: eur(x[0]) + x[1] });
          })));
      });
      return el("table", { class: "ibm-kalk__tabula" }, [caption, el("thead", {}, [head]), el("tbody", {}, rows)]);
    }
    function variantsCaption(res) {
      return "Kopējais apmērs K pēc finansēšanas variantiem" + invalid(res);
    }

    function variantsTable(res) {
      var caption = variantsCaption(res);
      // wider than a phone: it scrolls in its own box, which the keyboard can reach. sitecheck F3: the title
      // stands above that box (a caption is as wide as its table: on a phone it was cut off with the columns),
      // and a hint says that the box scrolls while it does (scrollHint); the caption stays for screen readers.
      return el("div", { class: "ibm-kalk__varianti" }, [
        el("p", { class: "ibm-kalk__tabulas-virsraksts", id: "ibm-varianti-virsraksts", "aria-hidden": "true",
          text: caption }),
        el("p", { class: "ibm-kalk__ritinams-norade", text: SCROLL_HINT }),
        el("div", { class: "ibm-kalk__ritinams", tabindex: "0", role: "region", "aria-label": caption }, [
          variantsRows(res, el("caption", { class: "ibm-kalk__neredzams", text: caption })),
        ]),
      ]);
    }

    var SCROLL_HINT = "Tabula ir platāka par ekrānu – pabīdiet to uz sāniem, lai redzētu visas kolonnas.";

    /* The hint above a box of the results that scrolls sideways, shown only while its table is wider than it. */
    function scrollHint() {
      root.querySelectorAll(".ibm-kalk__ritinams").forEach(function (box) {
        var hint = box.previousElementSibling;
        if (!hint || !hint.classList.contains("ibm-kalk__ritinams-norade")) return;
        var table = box.querySelector("table");
        var wide = !!table && table.getBoundingClientRect().width > box.clientWidth + 1;
        if (hint.hidden === wide) hint.hidden = !wide;
      });
    }
    global.addEventListener("resize", scrollHint);

    function messageList(res) {
      var box = el("div", {});
      if (!res.messages.length) {
        box.appendChild(el("p", { class: "ibm-kalk__labi", text: "Kļūdu un brīdinājumu nav." }));
        return box;
      }
      box.appendChild(el("h3", { text: "Kļūdas: " + res.Kludas + ", brīdinājumi: " + res.Bridinajumi }));
      box.appendChild(el("ul", { class: "ibm-kalk__zinojumi" }, res.messages.map(function (m) {
        var kind = m.smagums === "kļūda" ? "Kļūda" : "Brīdinājums";
        return el("li", { class: "ibm-kalk__zinojums--" + (m.smagums === "kļūda" ? "kluda" : "bridinajums") }, [
          el("strong", { text: kind + ": " }), m.teksts,
        ]);
      })));
      return box;
    }

    function lineTexts(res) {
      Array.prototype.forEach.call(list.children, function (item, i) {
        var out = item.querySelector(".ibm-kalk__rindas-rezultats");
        var info = item.querySelector(".ibm-kalk__pakalpojuma-info");
        var offer = offerOf(item.querySelector("[name=kods]").value);
        // the chosen item's code and name („3.1.2i Ergoterapeits, individuāli”, the page's data): a typed code shows
        // what it is
        var named = offer ? offer.nosaukums + ". " : "";
        info.textContent = named + (offer && offer.vienibasCena !== null
          ? "Mērvienība: " + offer.mervienibasNosaukums + " – ierakstiet summu euro; cena " + eur(offer.vienibasCena) +
            " par vienību" + (offer.transports ? "; transports" : "")
          : offer
          ? "Mērvienība: " + offer.mervienibasNosaukums + (offer.griesti !== null
            ? "; cenas griesti " + eur(offer.griesti) + " (" + (LIMIT_LABEL[offer.griestuStatuss] || offer.griestuStatuss) + ")"
            : offer.griestiNavApstiprinati ? "; cenas griesti nav apstiprināti (jāprecizē)" : "; cenas griestu nav") +
            (offer.transports ? "; transports" : "")
          : "");
        var own = res.Derigs && !blocking(res).length ? lineMessages(res, i) : [];
        writeLineNotes(item.querySelector(".ibm-kalk__rindas-zinojumi"), own.filter(function (m) {
          return !FIELD_RULES[m.kods];  // those are at their field
        }));
        if (!res.Derigs || res.Plans_Summa[i] === null || blocking(res).length) {
          out.textContent = res.Derigs && res.Plans_Summa[i] === null ? unitsMissing(item, offer) ||
            "Rinda " + data.statusi.ignored + " (nav pakalpojuma vai daudzuma)." : "";
          return;
        }
        // a line with an error of its own is not "finansēta"
        var errors = own.filter(function (m) {
          return m.smagums === "kļūda";
        });
        var at = errors.filter(function (m) { return FIELD_RULES[m.kods]; })[0];
        var field = at && item.querySelector("[name=" + FIELD_RULES[at.kods] + "]");
        var status = !errors.length ? res.Plans_Statuss[i]
          : "kļūda – skat. " + (field
            ? "pie lauka „" + root.querySelector("label[for='" + field.id + "']").textContent + "”" : "zemāk");
        // every line's figures hang on the plan: while the plan has an error one mark at the line's end says so
        // (no status: the line is not "finansēta"), and a line's own error still points to its field
        var figures = "Izmaksas " + eur(res.Plans_Summa[i]) + " · prioritāte " + res.Plans_Prioritate[i] +
          " · no IB " + eur(res.Plans_NoIB[i]);
        // A's share: A's mark, in the status's bracket when one follows (one bracket, not two in a row)
        var estimate = estimatesAK();
        out.textContent = figures + (res.Kludas > 0
          ? (estimate ? ESTIMATE : "") + LINE_INVALID + (errors.length ? "; šajā rindā " + status : "")
          : " (" + (estimate ? "aplēse; " : "") + status + ")");
      });
    }

    /* audit41c L8: a line with its service but no units (or 0) counts nothing – the line and the messages say why. */
    function unitsMissing(item, offer) {
      var units = item.querySelector("[name=daudzums]");
      return offer ? item.querySelector("legend").textContent + " " + data.statusi.ignored + ": lauks „" +
        item.querySelector("label[for='" + units.id + "']").textContent + "” ir tukšs vai 0." : "";
    }

    /* The rule messages about line i (not the input errors, which are at their fields, nor the plan's own). */
    function lineMessages(res, i) {
      return res.messages.filter(function (m) {
        return m.kods !== "ievade" && !BLOCKING_FIELD[m.kods] && !PLAN_RULES[m.kods] && m.rindas.indexOf(i) >= 0;
      });
    }

    /* "Kļūda: …" / "Brīdinājums: …" under a line, one paragraph each; written only when it changes. */
    function writeLineNotes(box, messages) {
      var texts = messages.map(function (m) {
        return (m.smagums === "kļūda" ? "Kļūda: " : "Brīdinājums: ") + m.teksts;
      });
      if (box.textContent === texts.join("")) return;
      box.textContent = "";
      messages.forEach(function (m, k) {
        var kind = m.smagums === "kļūda" ? "kluda" : "bridinajums";
        box.appendChild(el("p", { class: "ibm-kalk__zinojums--" + kind }, [
          el("strong", { text: texts[k].slice(0, texts[k].indexOf(": ") + 2) }), m.teksts,
        ]));
      });
    }

    var last = null;

    /* The fields the messages are at, by label: ["„…”", "„…” (2. rinda)"]. */
    function fieldNames(messages) {
      var labels = [];
      messages.forEach(function (m) {
        var input = inputOf(m);
        var label = input && root.querySelector("label[for='" + input.id + "']");
        var text = label ? "„" + label.textContent.replace(/\s*\*$/, "") + "”" +
          ((m.kods === "ievade" || FIELD_RULES[m.kods]) && m.rindas.length ? " (" + (m.rindas[0] + 1) + ". rinda)" : "") : "";
        if (text && labels.indexOf(text) < 0) labels.push(text);
      });
      return labels;
    }

    /* "kļūda laukā „A”", "kļūdas laukos „A”, „B” (1. rinda) un „C”". */
    function errorsAt(messages) {
      var names = fieldNames(messages);
      if (!names.length) return "kļūdas ievaddatos";
      return names.length > 1 ? "kļūdas laukos " + names.slice(0, -1).join(", ") + " un " + names[names.length - 1]
        : "kļūda laukā " + names[0];
    }

    /* Why a plan has no amounts. A price or parameter that changes in the plan's period (or a period starting before
     * the prices day, D61) is no wrong period or age: the error's own reason says so (its ``iemesls``, the message's
     * words without the advice). */
    function blockedReason(res) {
      var found = blocking(res);
      if (found.length && found.every(function (m) { return m.iemesls; })) {
        return found.map(function (m) { return m.iemesls.charAt(0).toLowerCase() + m.iemesls.slice(1); }).join("; ");
      }
      return "";
    }

    function blockedText(res) {
      var reason = blockedReason(res);
      if (reason) return "Apmērus nevar aprēķināt: " + reason + ".";
      return "Apmērus nevar aprēķināt, kamēr plāna periods vai bērna vecums neatbilst programmai – " +
        errorsAt(blocking(res)) + ".";
    }

    /* sitecheck F1: once the reader has typed something, the required fields still empty (their errors wait
     * until the field is left, markErrors) are named, not left to a general "fill in the form". */
    function missingText(res) {
      if (res.Derigs || !Object.keys(touched).length) return "";
      var fill = toFill(missing.length ? missing : res.messages);
      return fill ? "Lai aprēķinātu apmērus, " + fill + "." : "";
    }
    function toFill(messages) {
      var names = fieldNames(messages);
      if (!names.length) return "";
      return "vēl jāaizpilda " + (names.length > 1
        ? "lauki " + names.slice(0, -1).join(", ") + " un " + names[names.length - 1] : "lauks " + names[0]);
    }

    /* One short line for the live status and the summary bar: N, A, K, or why there are none. */
    function statusText(res, shown) {
      if (!res.Derigs && shown.length === 0) return missingText(res);
      // the field notes are no live regions (they would speak at every character): this line names the fields, and
      // those still to fill in (D328)
      if (!res.Derigs) return "Apmēru nav: " + errorsAt(shown) + (missing.length ? "; " + toFill(missing) : "") + ".";
      var counts = "kļūdas " + res.Kludas + ", brīdinājumi " + res.Bridinajumi;
      if (blocking(res).length) return "Apmēru nav: " + errorsAt(blocking(res)) + "; " + counts + ".";
      var mark = estimatesAK() ? ESTIMATE : "";
      return "N " + eur(res.IB_Nepieciesamais) + ", A " + eur(res.IB_Pieejamais) + mark + ", K " + eur(res.IB_Kopejais) +
        mark + invalid(res) + "; " + ruleCounts(res) + ".";
    }

    /* D363: where the first rule error is and where the warnings are listed */
    function ruleCounts(res) {
      var first = res.messages.filter(function (m) { return m.smagums === "kļūda"; })[0];
      var at = first && fieldNames([first])[0];
      var where = !first ? "" : at ? "laukā " + at
        : first.rindas.length ? (first.rindas[0] + 1) + ". rindā" : "plānā";
      var errors = !res.Kludas ? "kļūdas 0" : res.Kludas === 1 ? "kļūda " + where
        : "kļūdas " + res.Kludas + ", pirmā " + where;
      return errors + (first ? "; " : ", ") + "brīdinājumi " + res.Bridinajumi +
        (res.Bridinajumi ? " – sarakstā zem apmēriem" : "");
    }

    /* F4: the results are not a live region; this one line is, written after a pause in typing (or at once
     * on a change or when a field is left) and only when its text changes. */
    var statusTimer = null;
    var monthsSaid = "";
    function announce(text, now) {
      var line = root.querySelector("#ibm-statuss");
      if (statusTimer !== null) global.clearTimeout(statusTimer);
      statusTimer = null;
      var write = function () {
        // a reduced month count is said once
        var news = monthsReduced !== monthsSaid;
        monthsSaid = monthsReduced;
        if (!news && line.textContent.slice(-text.length) === text && text) return;
        var said = [news ? monthsReduced : "", text].filter(Boolean).join(" ");
        if (line.textContent !== said) line.textContent = said;
      };
      if (now) write();
      else statusTimer = global.setTimeout(write, STATUS_PAUSE_MS);
    }

    /* The bar at the foot of the form (sticky on a phone): the same line, a link to the results. */
    function summaryBar(res, shown) {
      var bar = root.querySelector("#ibm-kopsavilkums");
      // every amount with its "EUR" (audit26 F6)
      var mark = estimatesAK() ? ESTIMATE : "";
      var text = !res.Derigs && shown.length === 0 ? ""
        : !res.Derigs || blocking(res).length ? "Apmēru nav – skat. kļūdas"
        : "N\u00a0" + eur(res.IB_Nepieciesamais) + " · A\u00a0" + eur(res.IB_Pieejamais) + mark + " · K\u00a0" +
          eur(res.IB_Kopejais) + mark + invalid(res) + (res.Kludas ? " · kļūdas: " + res.Kludas : "");
      bar.textContent = text ? text + " · uz rezultātiem ↓" : "Uz rezultātiem ↓";
      // a focused field or a line's result stops above the bar, however tall
      var clear = Math.ceil(bar.getBoundingClientRect().height) + 16;
      if (clear > 16) document.documentElement.style.scrollPaddingBottom = clear + "px";
      placeBar();
    }

    /* audit34a F8: the bar sticks to the foot of the window only once the form's first line (which fields are
       required) is above it – on a first view at a desktop width that line is at the foot of the window, and the
       bar stuck there would cover it. Until then the bar stays in its place at the end of the form. */
    function placeBar() {
      var bar = root.querySelector("#ibm-kopsavilkums");
      var line = root.querySelector("#ibm-kalk-paskaidrojums");
      if (!bar || !line) return;
      var below = line.getBoundingClientRect().bottom > global.innerHeight - bar.getBoundingClientRect().height;
      if (bar.classList.contains(BAR_WAITS) !== below) bar.classList.toggle(BAR_WAITS, below);
    }
    var BAR_WAITS = "ibm-kalk__kopsavilkums--vieta";
    global.addEventListener("scroll", placeBar, { passive: true });
    global.addEventListener("resize", placeBar);

    /* "1 mēnesis", "4 mēneši". */
    function monthsText(n) {
      return n + (n % 10 === 1 && n % 100 !== 11 ? " mēnesis" : " mēneši");
    }

    /* F1: the month counts offered are those that fit in the reporting period of the plan's first day; the
     * reader's own choice comes back when a later first day allows it again. */
    var monthsSelect = root.querySelector("form [name=menesi]");
    var wantedMonths = +monthsSelect.value;
    var allMonths = monthsSelect.options.length;
    ["input", "change"].forEach(function (type) {  // before the form's own listeners (they bubble up later)
      monthsSelect.addEventListener(type, function () {
        wantedMonths = +monthsSelect.value;
      });
    });
    var monthsReduced = "";
    function monthChoices() {
      var info = api.periods(value("periodaSakums"));
      // (none fits: 1 is offered, whose error names its end)
      var most = info ? Math.min(Math.max(info.menesiDer, 1), allMonths) : allMonths;
      if (monthsSelect.options.length !== most) {
        monthsSelect.textContent = "";
        for (var m = 1; m <= most; m++) monthsSelect.appendChild(el("option", { value: String(m), text: String(m) }));
      }
      var chosen = String(Math.min(wantedMonths, most));
      if (monthsSelect.value !== chosen) monthsSelect.value = chosen;
      // audit36 F2
      monthsReduced = info && info.menesiDer > 0 && +chosen < wantedMonths
        ? "Mēnešu skaits samazināts no " + wantedMonths + " uz " + chosen + " (pārskata periods beidzas " +
          api.formats.datums(info.beigas) + ")."
        : "";
      // a period ending mid-month holds no plan from a first day in that month (a plan ends on a month's last day)
      var note = root.querySelector("#ibm-menesi-piezime");
      var ends = info ? "Pārskata periods beidzas " + api.formats.datums(info.beigas) : "";
      var text = !info ? ""
        : info.menesiDer === 0 ? ends + ", bet plāns beidzas mēneša pēdējā dienā: plāns, kas sākas šajā dienā, " +
          "periodā neietilpst – izvēlieties agrāku plāna pirmo dienu."
        : monthsReduced ? monthsReduced
        : most < allMonths ? ends + ": no šīs dienas der ne vairāk kā " + monthsText(most) + "." : "";
      if (note.textContent !== text) note.textContent = text;
      return info;
    }

    /* audit32b F2: a focusout that changed neither a value nor the fields left keeps the results as they are – a
     * rebuilt results box would take the element Tab is moving to out of the page (focus falls to the body). */
    var shownFor = null;
    function update(e) {
      var key = JSON.stringify([readForm(), value("periodaSakums"), Object.keys(touched).sort(), typing]);
      if (e && e.type === "focusout" && key === shownFor) return;
      shownFor = key;
      var info = monthChoices();
      var input = readForm();
      var res = api.aprekins(input);
      // audit36 F7, F6: the first day's own error; whole sentences
      var own = res.Derigs ? null : api.sakumaKluda(input.periodaSakums);
      if (own) res.messages = res.messages.concat([own]);
      // D328: a fraction of a whole unit stays at its field while another line is incomplete
      if (!res.Derigs) res.messages = res.messages.concat(api.veselasVienibas(input));
      res.messages.forEach(function (m) {
        if (!/[.!?]$/.test(m.teksts)) m.teksts += ".";
      });
      last = { input: input, res: res };
      var shown = markErrors(res.messages);
      lineTexts(res);
      summaryBar(res, shown);
      announce(statusText(res, shown), !e || e.type !== "input");
      var box = root.querySelector("#ibm-rezultati");
      box.textContent = "";
      if (!res.Derigs && shown.length === 0) {
        box.appendChild(el("p", { class: "ibm-kalk__piezime", text: missingText(res) ||
          "Ievadiet bērna dzimšanas datumu, plāna pirmo dienu un plāna rindas – apmēri parādīsies uzreiz." }));
        if (info) {
          box.appendChild(el("p", { class: "ibm-kalk__piezime", text: "Plānam no " + api.formats.datums(info.pirmaDiena) + " bērna vecumu pārbauda pārskata perioda sākumā " + api.formats.datums(info.sakums) +
            roundEndText(input.periodaSakums) + "." }));
        }
      } else if (!res.Derigs) {
        box.appendChild(el("p", { class: "ibm-kalk__nederigs", text: "Apmērus nevar aprēķināt, kamēr ievaddatos ir kļūdas (skat. zemāk)." }));
        if (missing.length) box.appendChild(el("p", { class: "ibm-kalk__piezime", text: missingText(res) }));
      } else {
        if (blocking(res).length) {
          box.appendChild(el("p", { class: "ibm-kalk__nederigs", text: blockedText(res) }));
        } else if (res.Kludas > 0) {
          box.appendChild(el("p", { class: "ibm-kalk__nederigs", text: "Uzmanību: plānā ir kļūdas – apmēri nav derīgi, kamēr tās nav novērstas." }));
        }
        if (res.Parskata_Periods && !api.karta(input.periodaSakums).bezCenam) box.appendChild(pricesNote(res));
        var onScreen = !blocking(res).length && provisionalBase();
        if (onScreen) box.appendChild(provisionalNote());
        box.appendChild(table(onScreen ? PROVISIONAL_CAPTION : "IB apmēri", summaryRows(res)));
        if (res.Varianti && !blocking(res).length) {
          box.appendChild(variantsTable(res));
          scrollHint();
        }
      }
      var msgs = root.querySelector("#ibm-zinojumi");
      msgs.textContent = "";
      if (!res.Derigs && shown.length === 0) return;
      msgs.appendChild(messageList({ messages: shown, Kludas: shown.filter(function (m) {
        return m.smagums === "kļūda";
      }).length, Bridinajumi: res.Bridinajumi }));
      var idle = idleLines(res);
      if (idle) msgs.appendChild(el("p", { class: "ibm-kalk__piezime", text: idle }));
    }

    /* The lines with a service but no units (or 0), which count nothing: on screen and in print (D328). */
    function idleLines(res) {
      return res.Derigs ? Array.prototype.map.call(list.children, function (item) {
        return unitsMissing(item, offerOf(item.querySelector("[name=kods]").value));
      }).filter(function (t, i) { return t && res.Plans_Summa[i] === null; }).join(" ") : "";
    }

    function printView() {
      var box = root.querySelector("#ibm-druka");
      box.textContent = "";
      if (!last) return;
      var inp = last.input;
      var res = last.res;
      var amounts = res.Derigs && !blocking(res).length;
      box.appendChild(el("p", { class: "ibm-kalk__druka-virsraksts", text: PRINT_TITLE }));
      box.appendChild(el("p", { text: "Aprēķināts " + today() + " ar IB kalkulatoru pēc kataloga versijas " +
        data.versijaTeksts + ". " +
        "IB apmērus nosaka pašvaldība un ministrija ar IBM matricu un lēmumu; bāzes apmērs un griesti ar statusu „jāprecizē” ir aplēses." }));
      // F9: typed amounts as every other amount ("1 500,00 EUR"); one that is no amount of euro stays as typed
      var amountOf = function (v) {
        return api.summa(v);  // read as the calculator reads it (audit26 F4)
      };
      var typedEur = function (v) {
        return !v || !String(v).trim() ? "–" : amountOf(v) !== null ? eur(amountOf(v)) : v;
      };
      // audit32b F7: a date as it was read (DD.MM.YYYY), one that is no date as typed
      var typedDate = function (v) {
        var iso = api.datums(v);
        return iso ? api.formats.datums(iso) : v || "–";
      };
      box.appendChild(table("Ievaddati", [
        ["Dzimšanas datums", typedDate(inp.dzimsanasDatums)],
        ["VDEĀVK atzinums", inp.atzinums ? "Jā" : "Nē"],
        [data.lauki.pirmaDiena + ", mēneši", typedDate(inp.periodaSakums) + ", " + inp.menesi],
        ["IB galīgais apmērs F", typedEur(inp.galigais)],
        ["Pabalsti; pakalpojumi; citi avoti", [inp.pabalsti, inp.pakalpojumi, inp.citi].map(typedEur).join("; ")],
      ]));
      var head = el("tr", {}, ["Nr.", "Pakalpojums", "Vienības", "Cena", "Ekspertu / vecāku rangs", "Izmaksas", "Prioritāte", "No IB"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }));
      // a printed line's cells are read one by one: each carries the mark, in words that fit any column
      var figure = function (s, mark) {
        return amounts && s !== null && s !== undefined ? eur(s) + (mark || "") + (res.Kludas > 0 ? CELL_INVALID : "") : "–";
      };
      var rows = inp.rindas.map(function (r, i) {
        var offer = offerOf(r.kods);
        var price = res.Derigs && res.Plans_Cena[i] !== null ? api.formats.skaitlis(res.Plans_Cena[i], 2)
          : amountOf(r.cena) !== null ? api.formats.skaitlis(amountOf(r.cena), 2) : r.cena;
        return el("tr", {}, [String(i + 1), offer ? offer.nosaukums : r.kods, r.daudzums, price,
          (r.ekspertuRangs || "–") + " / " + (r.vecakuRangs || "–"),
          // a printed line's figures carry the summary's mark while the plan has an error: no sheet passes as valid
          figure(res.Plans_Summa[i]),
          amounts && res.Plans_Prioritate[i] !== null ? String(res.Plans_Prioritate[i]) : "–",
          figure(res.Plans_NoIB[i], estimatesAK() ? ESTIMATE : "")].map(function (t) {
          return el("td", { text: t || "–" });
        }));
      });
      box.appendChild(el("table", { class: "ibm-kalk__tabula" }, [el("caption", { text: "Plāna rindas" }), el("thead", {}, [head]), el("tbody", {}, rows)]));
      var idle = idleLines(res);
      if (idle) box.appendChild(el("p", { text: idle }));
      if (res.Derigs && blocking(res).length) {
        box.appendChild(el("p", { class: "ibm-kalk__nederigs", text: blockedReason(res) ? blockedText(res)
          : "Apmērus nevar aprēķināt, kamēr plāna periods vai bērna vecums neatbilst programmai (skat. kļūdas zemāk)." }));
      } else if (!res.Derigs || res.Kludas > 0) {
        box.appendChild(el("p", { class: "ibm-kalk__nederigs", text: (res.Kludas > 0 && amounts ? CELL_INVALID.trim() + " " : "") + "Plānā ir kļūdas – apmēri nav derīgi, kamēr tās nav novērstas." }));
      }
      if (res.Derigs) {
        if (res.Parskata_Periods && !api.karta(inp.periodaSakums).bezCenam) box.appendChild(pricesNote(res));
        var provisional = amounts && provisionalBase();
        if (provisional) box.appendChild(provisionalNote());  // F5: a figure from an unconfirmed B is no final amount
        box.appendChild(table(provisional ? PROVISIONAL_CAPTION : "IB apmēri", summaryRows(res)));
        // the variants asked for on screen are on paper too
        if (res.Varianti && amounts) box.appendChild(variantsRows(res, el("caption", { text: variantsCaption(res) })));
      }
      box.appendChild(messageList(res));
      printPages();
    }

    /* Every printed page's margin: the estimate's title and day at its top, „N. lpp. no M” at its foot (CSS margin
     * boxes of @page, which the print of Chromium and Firefox draws), so a second sheet is never a loose one. */
    var PRINT_TITLE = "IB aprēķina novērtējums – nav lēmums";
    function printPages() {
      var css = function (text) {
        return "\"" + text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"") + "\"";
      };
      var style = document.getElementById("ibm-druka-lapas");
      if (!style) {
        style = el("style", { id: "ibm-druka-lapas" });
        document.head.appendChild(style);
      }
      var margin = "font-size: 8pt; font-family: sans-serif; color: #000;";
      style.textContent = "@media print { @page { " +
        "@top-left { content: " + css(PRINT_TITLE + " · aprēķināts " + today()) + "; " + margin + " } " +
        "@bottom-right { content: counter(page) \". lpp. no \" counter(pages); " + margin + " } } }";
    }

    /* The browser's day at print, DD.MM.YYYY (F13). */
    function today() {
      var d = new Date();
      var two = function (n) {
        return (n < 10 ? "0" : "") + n;
      };
      return two(d.getDate()) + "." + two(d.getMonth() + 1) + "." + d.getFullYear();
    }

    /* F14: a field's error note that appears when the field is left is not left under the sticky summary bar. */
    /* audit26 F6: nor is the result and the messages of the line the field is in. */
    /* audit32b F12: only for a field left on the screen with nothing pressed elsewhere – a tap higher up (on
     * „Noņemt 1. rindu” or another field) blurs the field first, and a scroll then would move the page from under
     * the finger (the tap lost) or the newly focused field off the screen. */
    function revealNote(target, next) {
      if (pointerDown || !target || !target.getBoundingClientRect) return;
      var own = target.getBoundingClientRect();
      if (own.bottom <= 0 || own.top >= global.innerHeight) return;
      var note = target && target.id ? document.getElementById(target.id + "-kluda") : null;
      var line = target && target.closest ? target.closest(".ibm-kalk__rinda") : null;
      var bar = root.querySelector("#ibm-kopsavilkums");
      if (!bar) return;
      // the field's note and its line's result; the line's messages too if all of it fits above the bar
      var header = document.querySelector(".md-header");
      var room = bar.getBoundingClientRect().top - (header ? header.getBoundingClientRect().bottom : 0);
      var bottom = [note, line && line.querySelector(".ibm-kalk__rindas-rezultats"),
        line && line.querySelector(".ibm-kalk__rindas-zinojumi")].reduce(function (low, n) {
        if (!n || !n.textContent) return low;
        var b = n.getBoundingClientRect().bottom;
        return b > low && b - target.getBoundingClientRect().top < room ? b : low;
      }, -Infinity);
      if (bottom === -Infinity) return;
      var overlap = bottom - bar.getBoundingClientRect().top;
      var top = header ? header.getBoundingClientRect().bottom : 0;
      // the field focus went to stays on the screen
      if (next && next.getBoundingClientRect && next.getBoundingClientRect().top - overlap - 8 < top) return;
      if (overlap > 0 && bar.getBoundingClientRect().bottom >= global.innerHeight - 2) global.scrollBy(0, overlap + 8);
    }
    var pointerDown = false;
    ["pointerdown", "mousedown", "touchstart"].forEach(function (type) {
      document.addEventListener(type, function () {
        pointerDown = true;
      }, true);
    });
    ["pointerup", "pointercancel", "mouseup", "touchend", "touchcancel", "click"].forEach(function (type) {
      document.addEventListener(type, function () {
        pointerDown = false;
        if (leftByPointer) global.setTimeout(left, 0);  // after the click: the press lands where it was aimed
        leftByPointer = false;
      }, true);
    });
    /* A field left: its message is shown (typing ends). Left by a press elsewhere, not before the press is over – a
     * message appearing under the finger would move what was pressed away from it. */
    var leftByPointer = false;
    function left() {
      typing = null;
      update();
    }

    function touch(e) {
      if (e.target && e.target.id && e.target.name) touched[e.target.id] = true;  // a field, not a link or button
    }
    root.querySelector("form").addEventListener("focusout", function (e) {
      touch(e);
      if (pointerDown && typing) leftByPointer = true;
      else typing = null;
      update(e);
      revealNote(e.target, e.relatedTarget);
    });
    /* audit41c M3: a field's message waits until the field is left – typing „14.0” on the way to a date or „log” on
     * the way to „logopēds” is not an error yet (the amounts still follow every key). */
    root.querySelector("form").addEventListener("input", function (e) {
      typing = e.target && e.target.id;
      update(e);
    });
    /* A date typed in another form the calculator reads („10062010”, „10 06 2010”, „10-06-2010”: a phone's number
     * keypad may have no point) is shown back as the day understood, DD.MM.GGGG, when the field is left. */
    function showDate(e) {
      var input = e.target;
      if (!input || (input.id !== "ibm-dzimsanas" && input.id !== "ibm-sakums")) return;
      var iso = api.datums(input.value);
      var shown = iso ? api.formats.datums(iso) : null;
      if (shown && input.value !== shown) input.value = shown;
    }
    root.querySelector("form").addEventListener("change", showDate);
    root.querySelector("form").addEventListener("change", update);
    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
    });
    root.querySelector("#ibm-pievienot").addEventListener("click", function () {
      if (list.children.length >= data.rinduSkaits) return;  // D293
      var set = addRow();
      set.querySelector("input").focus();
      update();
    });
    /* D363: focus goes to the results' heading too */
    root.querySelector("#ibm-kopsavilkums").addEventListener("click", function () {
      global.setTimeout(function () {
        root.querySelector("#ibm-rezultati-virsraksts").focus({ preventScroll: true });
      }, 0);
    });
    root.querySelector("#ibm-drukat").addEventListener("click", function () {
      printView();
      global.print();
    });
    global.addEventListener("beforeprint", printView);
    addRow();
    update();
  }

  global.ibmKalkulatorsForma = forma;
})(window);
