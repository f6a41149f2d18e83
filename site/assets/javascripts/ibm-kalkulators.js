/* IB kalkulators: what the IBM matrix computes for one child (P, N, priorities, A, line funding, K,
 * transport share, errors and warnings), in the browser, offline.
 *
 * Public API: window.ibmKalkulators.aprekins(ievade) -> results under the matrix's defined names
 * (page "IBM matrica"). Money is exact: BigInt decimals, rounded half away from zero like ROUND and
 * Decimal ROUND_HALF_UP (generator/money.py); no floating point touches an amount.
 * Data come from ibm-kalkulators-dati.js (`ibm build`): per children's round, the prices and parameters
 * its matrix carries (D61). A plan is priced with the round whose reporting period holds its first day;
 * when that round has none (or there is none), with the newest round's, and the errors say why.
 */
(function (global) {
  "use strict";

  var DATA = global.IBM_KALKULATORA_DATI;
  var NBSP = "\u00a0";
  var ERROR = "kļūda";
  var WARNING = "brīdinājums";
  var CONFIRMED = "apstiprināts";
  var STATUS = DATA ? DATA.statusi : {};  // a line's funding status, the words of D4 and the examples page (D265)

  // ---- exact decimals: value = n / 10^s -----------------------------------------------------------
  function Dec(n, s) {
    this.n = n;
    this.s = s;
  }
  var ZERO = new Dec(0n, 0);

  function pow10(k) {
    return 10n ** BigInt(k);
  }
  function dec(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
    if (!m) throw new Error("nav decimālskaitlis: " + text);
    var frac = m[3] || "";
    var n = BigInt(m[2] + frac);
    return new Dec(m[1] ? -n : n, frac.length);
  }
  function decInt(k) {
    return new Dec(BigInt(k), 0);
  }
  function at(a, s) {
    return a.n * pow10(s - a.s);
  }
  function add(a, b) {
    var s = Math.max(a.s, b.s);
    return new Dec(at(a, s) + at(b, s), s);
  }
  function sub(a, b) {
    var s = Math.max(a.s, b.s);
    return new Dec(at(a, s) - at(b, s), s);
  }
  function mul(a, b) {
    return new Dec(a.n * b.n, a.s + b.s);
  }
  function cmp(a, b) {
    var s = Math.max(a.s, b.s);
    var x = at(a, s);
    var y = at(b, s);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function min(a, b) {
    return cmp(a, b) <= 0 ? a : b;
  }
  function isZero(a) {
    return a.n === 0n;
  }
  /* ROUND(a, places): half away from zero. */
  function round(a, places) {
    if (a.s <= places) return new Dec(at(a, places), places);
    var d = pow10(a.s - places);
    var q = a.n / d;
    var r = a.n % d;
    if (r < 0n) r = -r;
    if (2n * r >= d) q += a.n < 0n ? -1n : 1n;
    return new Dec(q, places);
  }
  /* ROUND(a / b, places) for a >= 0, b > 0, from the exact quotient. */
  function divRound(a, b, places) {
    var num = a.n * pow10(b.s + places);
    var den = b.n * pow10(a.s);
    var q = num / den;
    if (2n * (num % den) >= den) q += 1n;
    return new Dec(q, places);
  }
  /* INT(a / b) for a >= 0, b > 0. */
  function floorDiv(a, b) {
    return new Dec((a.n * pow10(b.s)) / (b.n * pow10(a.s)), 0);
  }
  function fixed(a, places) {
    var r = round(a, places);
    var neg = r.n < 0n;
    var digits = (neg ? -r.n : r.n).toString();
    if (places > 0) {
      while (digits.length <= places) digits = "0" + digits;
      digits = digits.slice(0, -places) + "." + digits.slice(-places);
    }
    return (neg && /[1-9]/.test(digits) ? "-" : "") + digits;
  }
  /* The value as written, trailing zeros of the fraction dropped ("12.50" -> "12.5"). */
  function plain(a) {
    var t = fixed(a, a.s);
    return t.indexOf(".") < 0 ? t : t.replace(/0+$/, "").replace(/\.$/, "");
  }

  // ---- Latvian formatting (generator/lvformat.py) ------------------------------------------------
  function lvNumber(a, places) {
    var t = fixed(a, places);
    var neg = t.charAt(0) === "-";
    if (neg) t = t.slice(1);
    var parts = t.split(".");
    var whole = parts[0];
    var groups = [];
    while (whole.length > 3) {
      groups.unshift(whole.slice(-3));
      whole = whole.slice(0, -3);
    }
    groups.unshift(whole);
    return (neg ? "-" : "") + groups.join(NBSP) + (parts.length > 1 ? "," + parts[1] : "");
  }
  function eur(a) {
    return lvNumber(a, 2) + NBSP + "EUR";
  }
  function percent(a, places) {
    return lvNumber(mul(a, decInt(100)), places) + NBSP + "%";
  }
  function lvDate(iso) {
    var p = iso.split("-");
    return p[2] + "." + p[1] + "." + p[0];
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      if (!(key in values)) throw new Error("veidnē nav vērtības " + key);
      return values[key];
    });
  }

  // ---- dates ---------------------------------------------------------------------------------------
  function isoDate(y, m, d) {
    var dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
    return String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }
  /* The year, month and day a typed date names, as numbers, or null for a text in no date form: "DD.MM.GGGG" (also
   * D.M.GGGG), the day, month and year separated by a space, „-”, „,” or „/” instead of the point („10 06 2010”,
   * „10-06-2010”, „10,06,2010”, „10/06/2010”: a phone's number keypad may have no point), eight digits DDMMGGGG
   * („10062010”, all a keypad of digits can type), or ISO "GGGG-MM-DD". Whether the day exists is not checked here. */
  var DAY_MONTH_YEAR = /^(\d{1,2})(?:\s*[.,\/-]\s*|\s+)(\d{1,2})(?:\s*[.,\/-]\s*|\s+)(\d{4})\.?$/;
  function dateParts(text) {
    var t = String(text).trim();
    var m = DAY_MONTH_YEAR.exec(t) || /^(\d{2})(\d{2})(\d{4})$/.exec(t);
    if (m) return [+m[3], +m[2], +m[1]];
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    return m ? [+m[1], +m[2], +m[3]] : null;
  }
  /* A typed date (dateParts' forms) -> ISO string, or null (no such form, or no such day). */
  function parseDate(text) {
    var p = dateParts(text);
    return p ? isoDate(p[0], p[1], p[2]) : null;
  }
  function ymd(iso) {
    return iso.split("-").map(Number);
  }
  /* Completed years on `day` (the spreadsheet's DATEDIF(birth; day; "y")). */
  function ageInYears(birth, day) {
    var b = ymd(birth);
    var d = ymd(day);
    var years = d[0] - b[0];
    if (d[1] < b[1] || (d[1] === b[1] && d[2] < b[2])) years -= 1;
    return years;
  }
  /* The last day of a plan of `months` months from `start`: EOMONTH(start; months - 1). */
  function planEnd(start, months) {
    var p = ymd(start);
    var total = p[0] * 12 + (p[1] - 1) + months; // the month after the plan's last month
    return new Date(Date.UTC(Math.floor(total / 12), total % 12, 0)).toISOString().slice(0, 10);
  }
  function nextDay(iso) {
    var p = ymd(iso);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2] + 1)).toISOString().slice(0, 10);
  }

  // ---- input ---------------------------------------------------------------------------------------
  function prevDay(iso) {
    var p = ymd(iso);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2] - 1)).toISOString().slice(0, 10);
  }

  /* The earliest change after the prices day of `set` that the plan's `lines` use (D61; first_change in the
   * reference): a parameter of every plan, the transport limit where a counted line is transport and the limit
   * binds the round (D287), the price of a counted line's item. Another item's change does not refuse the plan. */
  function firstChange(set, lines) {
    var used = {};
    var transport = false;
    lines.forEach(function (l) {
      if (!l.counted) return;
      used[l.offer.kods] = true;
      if (l.offer.transports) transport = true;
    });
    transport = transport && set.parametri.transportaDalaSpeka !== false;
    var found = null;
    set.izmainas.forEach(function (c) {
      var uses = c.pozicijas === null ? (!c.transports || transport) : c.pozicijas.some(function (k) {
        return used[k];
      });
      if (uses && (!found || c.diena < found.diena)) found = c;
    });
    return found;
  }

  function empty(v) {
    return v === undefined || v === null || String(v).trim() === "";
  }
  /* A Latvian number: "12,50", "12.50", "1 234,5" (spaces around it; inside it only between groups of
   * thousands, so "2 4" is no number, audit26 F4); anything else is null. */
  function parseNumber(v) {
    if (typeof v === "number") {
      if (!isFinite(v)) return null;
      v = String(v);
    }
    var t = String(v).trim();
    if (/^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(t)) t = t.replace(/[ \u00a0\u202f]/g, "");
    if (!/^\d+([.,]\d+)?$/.test(t)) return null;
    return dec(t.replace(",", "."));
  }
  /* The number of an amount written as the site writes it ("30,00 EUR", "€ 30"), or null. */
  function euroAmount(v) {
    var m = /^\s*(?:€\s*)?([\d\s\u00a0.,]*\d)\s*(?:EUR|€)?\s*$/i.exec(String(v));
    return m && m[0].trim() !== m[1] && parseNumber(m[1]) ? m[1] : null;
  }
  /* A price as the site prints it ("30,00 EUR", "30,00 €", a no-break space before the sign): its number, which the
   * price field takes (audit26 F11); anything else as typed. */
  function priceText(v) {
    var m = /^\s*(.*\d)[\s\u00a0\u202f]*(?:EUR|€)\s*$/i.exec(String(v));
    return m && parseNumber(m[1]) ? m[1] : v;
  }
  function parseRank(v) {
    var t = String(v).trim();
    if (!/^\d+$/.test(t) || Number(t) < 1) return null;
    return Number(t);
  }
  function truthy(v) {
    if (typeof v === "string") return ["jā", "true", "1"].indexOf(v.trim().toLowerCase()) >= 0;
    return v === true || v === 1;
  }

  // ---- the rounds and their prices (D61, D186) ---------------------------------------------------
  /* A round with a set per prices day (its first service day, then each change inside its services), each with
   * its offers by code (offers identical in several sets are written once in the data). */
  function priced(k) {
    var r = { karta: k };
    r.sets = (k.cenuDiena ? [k].concat(k.cenuMainas) : []).map(function (set) {
      var offers = {};
      set.pakalpojumi.forEach(function (i) {
        offers[DATA.pakalpojumi[i].kods] = DATA.pakalpojumi[i];
      });
      return { karta: k, cenuDiena: set.cenuDiena, cenasLidz: set.cenasLidz, matrica: set.matrica, offers: offers,
        parametri: set.parametri, izmainas: set.izmainas || [] };
    });
    return r;
  }
  var ROUNDS = DATA ? DATA.kartas.map(priced) : [];
  var DEFAULT = ROUNDS.filter(function (r) {
    return r.karta.id === DATA.noklusejums;
  })[0].sets[0];

  /* The reporting period holding `start` (ISO), with its round, or null. */
  function reportingPeriod(start) {
    var found = null;
    ROUNDS.forEach(function (r) {
      r.karta.periodi.forEach(function (p) {
        if (!found && p.sakums <= start && start <= p.beigas) found = { round: r, periods: p };
      });
    });
    return found;
  }

  /* The prices a plan starting on `start` (ISO or null) gets, as `ibm matrix --day` (D63, D186): in the round
   * whose reporting period holds it, the last prices day not after it; else the default matrix's. */
  function roundFor(start) {
    var rp = start ? reportingPeriod(start) : null;
    if (!rp || !rp.round.sets.length) return DEFAULT;
    return rp.round.sets.filter(function (set) {
      return set.cenuDiena <= start;
    }).pop() || rp.round.sets[0];
  }
  /* The prices set of the day `day` (ISO), or undefined. */
  function setOf(day) {
    return [].concat.apply([], ROUNDS.map(function (r) {
      return r.sets;
    })).filter(function (set) {
      return set.cenuDiena === day;
    })[0];
  }
  /* The matrix of prices day `day` by its download, not a command (D186). */
  function matrixFrom(day) {
    return (setOf(day) || { matrica: DATA.teksti.matrica_nav }).matrica;
  }

  function folded(text) {
    return String(text).trim().replace(/\s+/g, " ").toLowerCase();
  }
  function list(offers) {
    return Object.keys(offers).map(function (k) {
      return offers[k];
    });
  }
  /* An offer by its code ("3.1.2i", "3.1.2 I"), its label or its name alone, in any letter case (audit36 F4). */
  function findOffer(text, offers) {
    var t = folded(text);
    var m = /^([\d.]+)\s?([ig])?(?: (.*))?$/.exec(t) || [];
    return list(offers).filter(function (o) {
      var label = folded(o.nosaukums);
      var name = label.slice(label.indexOf(" ") + 1);
      return m[1] + (m[2] || "") === o.kods.toLowerCase() && (!m[3] || m[3] === name) || t === label || t === name;
    })[0] || null;
  }
  /* "3.1.2": the offers 3.1.2i and 3.1.2g of the service it names; "Logopēds", the service's bare name, the same
   * (audit32b F6) – the name of an offer without its form („3.1.3i Logopēds, individuāli”). */
  function formsOf(text, offers) {
    var t = folded(text);
    return list(offers).filter(function (o) {
      if (o.kods === o.pakalpojums) return false;
      var label = folded(o.nosaukums);
      var name = label.slice(label.indexOf(" ") + 1);
      var comma = name.lastIndexOf(",");
      return o.pakalpojums.toLowerCase() === t || comma > 0 && name.slice(0, comma) === t;
    });
  }

  /* audit41c M2: the offers whose name has, for every word typed, a word that begins with it – without diacritics, and
   * in another case form once its Latvian ending is dropped („ergo”, „aprupe majas”, „transportu”, „logopēdam”). A
   * code typed is not searched for (findOffer, formsOf). */
  function plainWords(text) {
    return folded(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }
  function stem(word) {
    var s = word.replace(/(iem|am|ai|ei|em|os|as|es|is|us|[aeiuso])$/, "");
    return s.length >= 3 ? s : word;
  }
  function offersByWords(text, offers) {
    var typed = plainWords(text);
    if (/^[\d.]+\s?[ig]?$/.test(folded(text))) return [];
    return list(offers).filter(function (o) {
      var words = plainWords(o.nosaukums.slice(o.nosaukums.indexOf(" ") + 1));
      return typed.length > 0 && typed.every(function (t) {
        return words.some(function (w) {
          return w.indexOf(t) === 0 || w.indexOf(stem(t)) === 0;
        });
      });
    });
  }

  function Reader() {
    this.errors = [];
  }
  Reader.prototype.fail = function (field, text, row, choice) {
    var m = { kods: "ievade", smagums: ERROR, teksts: text, lauks: field, rindas: row === undefined ? [] : [row] };
    if (choice) m.izvele = choice;  // D328: the codes of the offers a name matches, for the form's buttons
    this.errors.push(m);
    return null;
  };
  Reader.prototype.date = function (value, field, label) {
    if (empty(value)) return this.fail(field, label + ": nav ievadīts (gaidīts: datums DD.MM.GGGG).");
    var iso = parseDate(value);
    return iso || this.fail(field, label + ": " + (noSuchDay(value) ||
      "„" + value + "” nav datums (gaidīts: datums DD.MM.GGGG, piem. 01.10.2018)") + ".");
  };
  /* D89, as the matrix and the commands say it (generator/no_such_day.py, DATA.teksti.no_such_*): a text in the
   * date's form whose day the calendar has not („31.02.2012”, „2012-02-30”, „01.13.2012”) is told that the day does
   * not exist, with the month's length, not that the form is wrong; null for any other text. */
  function noSuchDay(text) {
    var t = String(text).trim();
    var p = dateParts(t);
    if (!p) return null;
    var y = p[0], mo = p[1], d = p[2];
    var quoted = "„" + t + "”";
    if (mo < 1 || mo > 12) return fill(DATA.teksti.no_such_month, { ievadits: quoted });
    if (y < 1) return null;
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (d >= 1 && d <= days) return null;
    return fill(DATA.teksti["no_such_day_" + mo + "_" + days], { ievadits: quoted, gads: String(y) });
  }
  /* Money with more than two decimals (42,6712) is no amount of euro: an input error, as in the matrix and the
   * reference (D87), in the reference's words (DATA.teksti.money_cents); 12,500 is whole cents. */
  function subcent(d) {
    return cmp(round(d, 2), d) !== 0;
  }
  /* Why `value` is no number: a figure with a thousands separator ("1.234,50", "1,234.50", "1.234.567") is told so
   * with an example (audit16 F8); anything else gets the general example. */
  function notANumber(label, value, euro, whole) {
    var t = String(value).replace(/[\s\u00a0]/g, "");
    if (/^\d{1,3}([.,]\d{3})+([.,]\d+)?$/.test(t)) {
      return label + ": „" + value + "” – tūkstošus neatdaliet ar punktu vai komatu (piem. 1234,50 vai 1 234,50).";
    }
    // "30,00 EUR" pasted from the price page: the reader did type a number (audit26 F11)
    var bare = euroAmount(value);
    if (bare !== null) return label + ": „" + value + "” – ierakstiet tikai skaitli, bez „EUR” (piem. " + bare + ").";
    if (euro) return label + ": „" + value + "” nav summa euro (gaidīts: skaitlis ≥ 0, piem. 350,00 vai 350.00).";
    // a unit counted whole (D256) gets a whole number for its example
    if (whole) return label + ": „" + value + "” nav vesels skaitlis ≥ 0 (piem. 12).";
    return label + ": „" + value + "” nav skaitlis ≥ 0 (piem. 12,50 vai 12.50).";
  }
  /* D264 (audit32b F5): „2.500” or „1,200” – three digits after a single point or comma – may be 2 500 with a
   * thousands point as well as 2,5: asked, never read either way. A zero before it („0,500”) or four decimals
   * („2,5000”) is a decimal, a space („2 500”) a thousands separator. Money whose third decimal is not 0
   * („12,345”) is refused anyway, in D87's words; units have no such rule, so any third decimal is asked. */
  function thousandsQuestion(label, value, money) {
    var t = String(value).trim();
    var m = /^([1-9]\d{0,2})[.,](\d{3})$/.exec(t);
    if (!m || money && m[2].charAt(2) !== "0") return null;
    var thousands = m[1] + "\u00a0" + m[2];
    // the decimal reading as one writes it: money with two decimals, units without trailing zeros
    var digits = money ? m[2].slice(0, 2) : m[2].replace(/0+$/, "");
    var meant = m[1] + (digits ? "," + digits : "");
    return label + ": „" + t + "” – vai domājāt " + thousands + "? Tūkstošus atdaliet ar atstarpi (" + thousands +
      "), nevis ar punktu vai komatu; ja domājāt " + meant + ", rakstiet " + (digits.length === 3 ? meant + "0" : meant) + ".";
  }
  /* D340: money above its plausible highest (`max`, the round's summaMax or cenaMax from the catalogue) is an input
   * error before the cents, as in the matrix, in the reference's words (DATA.teksti.money_above_max). */
  Reader.prototype.money = function (value, field, label, optional, row, max) {
    if (empty(value)) return optional ? null : this.fail(field, label + ": nav ievadīts (gaidīts: skaitlis, piem. 12,50).", row);
    var d = parseNumber(value);
    if (!d) return this.fail(field, notANumber(label, value), row);
    var asked = thousandsQuestion(label, value, true);
    if (asked) return this.fail(field, asked, row);
    if (max !== undefined && max !== null && cmp(d, dec(max)) > 0) {
      return this.fail(field, fill(DATA.teksti.money_above_max, { lauks: label, robeza: eur(dec(max)),
        ievadits: String(value).trim() }), row);
    }
    if (subcent(d)) return this.fail(field, fill(DATA.teksti.money_cents, { lauks: label, ievadits: String(value).trim() }), row);
    return d;
  };
  /* Units in the period: a number >= 0 with any decimals, as the reference takes them (D87: units are not money,
   * also the euro of an item at actual cost, D70, told as euro); empty is 0. */
  Reader.prototype.units = function (value, field, label, row, euro, whole, max) {
    if (empty(value)) return ZERO;
    var d = parseNumber(value);
    if (!d) return this.fail(field, notANumber(label, value, euro, whole), row);
    var asked = thousandsQuestion(label, value, false);
    if (asked) return this.fail(field, asked, row);
    // D377: above the plausible highest (summaMax), as the matrix's 6.3 units
    return max && cmp(d, dec(max)) > 0 ? this.fail(field, fill(DATA.teksti.units_above_max, { lauks: label,
      robeza: lvNumber(dec(max), 0), ievadits: String(value).trim() }), row) : d;
  };
  Reader.prototype.rank = function (value, field, label, row) {
    if (empty(value)) return null;
    var r = parseRank(value);
    return r === null ? this.fail(field, label + ": „" + value + "” nav rangs (gaidīts: vesels skaitlis, 1 vai lielāks).",
      row) : r;
  };

  function readInput(ievade) {
    var r = new Reader();
    // audit32b F8: each message names the field by the label on the screen
    var L = DATA.lauki;
    var place = function (label) {
      return "lauks „" + label + "”";
    };
    var birth = r.date(ievade.dzimsanasDatums, "dzimsanasDatums", "Lauks „Bērna dzimšanas datums”");
    var start = r.date(ievade.periodaSakums, "periodaSakums", "Lauks „" + L.pirmaDiena + "”");
    var round = roundFor(start);
    var p = round.parametri;
    var inp = {
      birth: birth,
      start: start,
      round: round,
      params: p,
      special: truthy(ievade.atzinums),
      final: r.money(ievade.galigais, "galigais", "Lauks „" + L.galigais + "”", true, undefined, p.summaMax),
      benefits: r.money(ievade.pabalsti, "pabalsti", "Lauks „" + L.avots_benefits + "”", true, undefined,
        p.summaMax) || ZERO,
      services: r.money(ievade.pakalpojumi, "pakalpojumi", "Lauks „" + L.avots_services + "”", true, undefined,
        p.summaMax) || ZERO,
      other: r.money(ievade.citi, "citi", "Lauks „" + L.avots_other + "”", true, undefined, p.summaMax) || ZERO,
      typedBase: r.money(ievade.bazesApmers, "bazesApmers", "Bāzes apmērs B", true, undefined, p.summaMax),
      lines: [],
    };
    inp.base = inp.typedBase || dec(p.bazesApmers);
    var months = String(empty(ievade.menesi) ? "" : ievade.menesi).trim();
    if (!/^\d+$/.test(months) || +months < 1 || +months > p.menesiMax) {
      r.fail("menesi", "Lauks „" + L.menesi + "”: „" + months + "” – jābūt veselam skaitlim no 1 līdz " + p.menesiMax + ".");
    }
    inp.months = +months;
    (ievade.rindas || []).forEach(function (row, i) {
      row = row || {};
      var name = i + 1 + ". rinda";
      var line = { index: i, offer: null, units: ZERO, price: null, expert: null, parent: null };
      if (!empty(row.kods)) {
        line.offer = findOffer(row.kods, round.offers);
        var forms = line.offer ? [] : formsOf(row.kods, round.offers);
        var found = line.offer || forms.length > 1 ? [] : offersByWords(row.kods, round.offers);
        var codes = function (offers) {
          return offers.map(function (o) { return o.kods; });
        };
        var byCode = /^[\d.]+$/.test(row.kods.trim());  // a name gets the offers' names, to type or pick
        var choices = function (offers) {  // „A vai B”, „A; B vai C” (a name has a comma of its own)
          var each = offers.map(function (o) {
            return byCode ? o.kods : o.nosaukums;
          });
          return (each.length > 1 ? each.slice(0, -1).join("; ") + " vai " : "") + each[each.length - 1] + ".";
        };
        var at = name + ", " + place(L.kods) + ": „" + row.kods.trim() + "” ";
        if (forms.length > 1) {
          r.fail("kods", at + "ir individuāli un grupā – izvēlieties " + choices(forms), i, codes(forms));
        } else if (found.length > DATA.izveleMax) {  // D328: more found, the message asks for more of the name
          r.fail("kods", at + "atbilst vairāk nekā " + DATA.izveleMax + " kataloga pakalpojumiem – ierakstiet kodu vai " +
            "garāku nosaukuma daļu (piem. 3.1.2i).", i);
        } else if (found.length) {
          r.fail("kods", at + "nav kods vai pilns nosaukums – izvēlieties " + choices(found), i, codes(found));
        } else if (!line.offer) {
          r.fail("kods", name + ", " + place(L.kods) + ": „" + row.kods + "” nav katalogā (gaidīts: pakalpojuma kods vai nosaukums, piem. 3.1.2i).", i);
        }
      } else if (!empty(row.daudzums) || !empty(row.cena)) {  // D338: it counts nothing until it names a service
        r.fail("kods", name + ", " + place(L.kods) + ": rindā ir vienības vai cena, bet nav pakalpojuma – rinda netiek " +
          "ņemta vērā (gaidīts: pakalpojuma kods vai nosaukums, piem. 3.1.2i).", i);
      }
      var euro = !!line.offer && line.offer.vienibasCena !== null;  // its field's label (D70)
      line.units = r.units(row.daudzums, "daudzums", name + ", " + place(euro ? L.summa : L.daudzums), i, euro,
        !!line.offer && line.offer.vesels, p.summaMax) || ZERO;
      if (!empty(row.cena)) {
        line.price = r.money(priceText(row.cena), "cena", name + ", " + place(L.cena), false, i, p.cenaMax);
      }
      // D70: the unit fixes the price (the euro at actual cost, 1,00): the units are the amount in euro
      else if (line.offer && line.offer.vienibasCena !== null) line.price = dec(line.offer.vienibasCena);
      else if (line.offer && line.offer.cena !== null && line.offer.griestuStatuss === CONFIRMED) line.price = dec(line.offer.cena);
      // D328: a line without units (or 0) is ignored, as the matrix does – no price is asked of it
      else if (line.offer && cmp(line.units, ZERO) > 0) r.fail("cena", name + ", " + place(L.cena) + ": nav norādīta sniedzēja cena (gaidīts: cena EUR par vienību, piem. 12,50).", i);
      line.expert = r.rank(row.ekspertuRangs, "ekspertuRangs", name + ", " + place(L.ekspertuRangs), i);
      line.parent = r.rank(row.vecakuRangs, "vecakuRangs", name + ", " + place(L.vecakuRangs), i);
      line.unpriced = !line.price;  // D328: its Plans_Cena is null, not 0
      line.price = line.price || ZERO;
      // D332: a fraction of a unit counted whole is the line's invalid input: no amount rests on it (the reference)
      line.counted = !!line.offer && cmp(line.units, ZERO) > 0 && !fraction(line);
      inp.lines.push(line);
    });
    return { input: inp, errors: r.errors };
  }

  // ---- the rules (generator/reference) -------------------------------------------------------------

  function lineCost(line) {
    return line.counted ? round(mul(line.units, line.price), 2) : ZERO;
  }

  /* Combined priority of the counted lines (D4): expert position by (expert rank, area, index);
   * score = ROUND(expert weight × expert position + parent weight × parent rank, 6). */
  function priorities(lines, p) {
    var counted = lines.filter(function (l) {
      return l.counted;
    });
    var byExpert = counted.slice().sort(function (a, b) {
      var ra = a.expert === null ? Infinity : a.expert;
      var rb = b.expert === null ? Infinity : b.expert;
      if (ra !== rb) return ra < rb ? -1 : 1;
      if (a.offer.joma !== b.offer.joma) return a.offer.joma - b.offer.joma;
      return a.index - b.index;
    });
    var ew = dec(p.ekspertuSvars);
    var pw = dec(p.vecakuSvars);
    var info = {};
    byExpert.forEach(function (l, k) {
      var pos = k + 1;
      var parent = l.parent === null ? pos : l.parent;
      info[l.index] = { expert: pos, score: round(add(mul(ew, decInt(pos)), mul(pw, decInt(parent))), 6) };
    });
    var order = counted.map(function (l) {
      return l.index;
    });
    order.sort(function (a, b) {
      var c = cmp(info[a].score, info[b].score);
      return c !== 0 ? c : info[a].expert - info[b].expert;
    });
    order.forEach(function (index, k) {
      info[index].position = k + 1;
    });
    return { info: info, order: order };
  }

  /* EUR of each line funded from the IB, down the whole priority list (D4, revised): a line gets its
   * cost when it fits in what is left of A, otherwise as many whole units as fit (at most its units). */
  function ibFunding(lines, prio, available) {
    var funded = lines.map(function () {
      return ZERO;
    });
    var left = available;
    prio.order.forEach(function (index) {
      var line = lines[index];
      var cost = lineCost(line);
      var amount;
      if (cmp(cost, left) <= 0) amount = cost;
      else if (cmp(line.price, ZERO) > 0 && cmp(left, ZERO) > 0) amount = round(mul(min(line.units, floorDiv(left, line.price)), line.price), 2);
      else amount = ZERO;
      funded[index] = amount;
      left = sub(left, amount);
    });
    return funded;
  }

  /* K by variant (D6): every source used up to what is still unfunded of N; the IB part is capped
   * by what the plan's lines get from A (ibFunded) in every variant. */
  function financing(needed, available, benefits, services, other, variant, ibFunded) {
    function take(rest, source) {
      var m = min(rest, source);
      return cmp(m, ZERO) > 0 ? m : ZERO;
    }
    var ib, b, s, o;
    if (variant === 3) {
      s = take(needed, services);
      b = take(sub(needed, s), benefits);
      ib = take(sub(sub(needed, s), b), ibFunded === null ? available : min(available, ibFunded));
      o = take(sub(sub(sub(needed, s), b), ib), other);
    } else {
      ib = ibFunded === null ? take(needed, available) : min(needed, ibFunded);
      b = take(sub(needed, ib), benefits);
      s = variant === 1 ? ZERO : take(sub(sub(needed, ib), b), services);
      o = take(sub(sub(sub(needed, ib), b), s), other);
    }
    return { variant: variant, ib: ib, benefits: b, services: s, other: o, total: add(add(ib, b), add(s, o)) };
  }

  /* A number of units as typed, in Latvian: "99 999", "21,5" (reference rules.units_text). */
  function lvUnits(a) {
    var t = plain(a);
    return lvNumber(a, t.indexOf(".") < 0 ? 0 : t.length - t.indexOf(".") - 1);
  }
  /* Days from `first` to `last` (ISO), both included. */
  function daysBetween(first, last) {
    return Math.round((Date.parse(last) - Date.parse(first)) / 86400000) + 1;
  }
  /* NETWORKDAYS(first; last; holidays): Monday to Friday without the catalogue's public holidays (D11). */
  function workingDays(first, last, holidays) {
    var count = 0;
    for (var day = first; day <= last; day = nextDay(day)) {
      var weekday = new Date(Date.parse(day)).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && holidays.indexOf(day) < 0) count += 1;
    }
    return count;
  }
  /* What the plan period holds of each unit it limits (D147, reference period_unit_limits): its calendar days, their
   * hours and – when the holiday list covers every year of the period (D62) – its working days. */
  function unitLimits(start, end) {
    var u = DATA.vienibuRobezas;
    var days = daysBetween(start, end);
    var limits = {};
    limits[u.diennakts] = days;
    limits[u.stunda] = u.stundasDiena * days;
    var covered = true;
    for (var y = ymd(start)[0]; y <= ymd(end)[0]; y += 1) {
      if (u.svetkuGadi !== null && u.svetkuGadi.indexOf(y) < 0) covered = false;
    }
    if (covered) limits[u.darbaDiena] = workingDays(start, end, u.svetki);
    return limits;
  }

  function rowName(line) {
    return line.index + 1 + ". rinda (" + line.offer.nosaukums + ")";
  }

  /* D256: a fraction of a unit counted whole (a session, a day and night, a working day) is an error of the line,
   * as in the reference (whole_units) and the matrix; the units are shown as typed ("29,5") */
  function fraction(l) {
    return !!l.offer && l.offer.vesels && cmp(round(l.units, 0), l.units) !== 0;
  }

  function wholeUnits(inp) {
    return inp.lines.filter(fraction).map(function (l) {
      return { kods: "whole_units", smagums: ERROR, rindas: [l.index], teksts: fill(DATA.teksti["whole_units_" +
        l.offer.mervieniba], { rinda: rowName(l), ievadits: plain(l.units).replace(".", ",") }) };
    });
  }

  function findings(inp, plan) {
    var t = DATA.teksti;
    var p = inp.params;
    var found = [];
    found = found.concat(plan.periodErrors);
    if (plan.notEligible) found.push(plan.notEligible);
    found = found.concat(wholeUnits(inp));
    if (plan.finalOver) found.push(plan.finalOver);
    found = found.concat(plan.sourcesOver || []);
    // D257: a typed B of 0 or another than the catalogue's is a warning, in the reference's order (after the sources);
    // so is the catalogue's own B while it is unconfirmed (audit33b F2)
    var catalogueBase = dec(p.bazesApmers);
    var sameBase = inp.typedBase && cmp(inp.typedBase, catalogueBase) === 0;
    var baseConfirmed = p.bazesApmersApstiprinats;
    if (inp.typedBase && cmp(inp.typedBase, ZERO) >= 0
        && (cmp(inp.typedBase, ZERO) === 0 || !sameBase || !baseConfirmed)) {
      found.push({ kods: "base_differs", smagums: WARNING, rindas: [],
        teksts: fill(cmp(inp.typedBase, ZERO) === 0 ? t.base_zero : (sameBase ? t.base_unconfirmed : t.base_differs),
          { b: eur(inp.typedBase), katalogs: eur(catalogueBase) }) });
    }
    var counted = inp.lines.filter(function (l) {
      return l.counted;
    });
    // D293: more lines than the matrix has plan rows (the reference's check_line_count), about the lines past them
    if (inp.lines.length > DATA.rinduSkaits) {
      found.push({ kods: "too_many_lines", smagums: ERROR, teksts: fill(t.too_many_lines, { skaits: String(inp.lines.length) }),
        rindas: inp.lines.slice(DATA.rinduSkaits).map(function (l) {
          return l.index;
        }) });
    }
    if (plan.transportOver) {
      found.push({
        kods: "transport_share",
        smagums: ERROR, // D371: an error, as the reference counts it (no reason can be typed here)
        teksts: fill(t.transport_share, { dala: percent(plan.shareRounded, 1), griesti: percent(dec(p.transportaDala), 0) }),
        rindas: counted.filter(function (l) {
          return l.offer.transports;
        }).map(function (l) {
          return l.index;
        }),
      });
    }
    counted.forEach(function (a, k) {
      counted.slice(k + 1).forEach(function (b) {
        if (a.offer.nesavietojams.indexOf(b.offer.pakalpojums) >= 0 || b.offer.nesavietojams.indexOf(a.offer.pakalpojums) >= 0) {
          found.push({
            kods: "incompatible",
            smagums: WARNING,
            teksts: fill(t.incompatible, { rinda: rowName(a), rinda2: rowName(b) }),
            rindas: [a.index, b.index],
          });
        }
      });
    });
    var seen = {};
    counted.forEach(function (a) {
      counted.forEach(function (b) {
        var key = Math.min(a.index, b.index) + "/" + Math.max(a.index, b.index);
        if (a !== b && a.offer.ietverNodarbibas.indexOf(b.offer.pakalpojums) >= 0 && !seen[key]) {
          seen[key] = true;
          found.push({
            kods: "day_care_sessions",
            smagums: WARNING,
            teksts: fill(t.day_care_sessions, { rinda: rowName(a), rinda2: rowName(b) }),
            rindas: [Math.min(a.index, b.index), Math.max(a.index, b.index)],
          });
        }
      });
    });
    // D358, D383: a plan outside every round has no round whose ceilings apply – no ceiling check (its refusal alone)
    var why = function (l) { return t["ceiling_unconfirmed_iemesls_" + (l.offer.griestiGrupa || 0)]; };
    counted.forEach(function (l) {
      if (l.offer.griesti !== null && !plan.outside && cmp(l.price, dec(l.offer.griesti)) > 0) {
        found.push({
          kods: "price_above_ceiling",
          smagums: ERROR,
          // D22: above a ceiling still „jāprecizē” in its words, with the line's own reason
          teksts: fill(l.offer.griestiNavApstiprinati ? t.price_above_unconfirmed_ceiling : t.price_above_ceiling,
            { rinda: rowName(l), cena: eur(l.price), griesti: eur(dec(l.offer.griesti)), iemesls: why(l) }),
          rindas: [l.index],
        });
      }
    });
    counted.forEach(function (l) {
      if (l.offer.vienibasCena !== null && cmp(l.price, dec(l.offer.vienibasCena)) !== 0) {
        found.push({
          kods: "actual_cost_price",
          smagums: ERROR,
          teksts: fill(t.actual_cost_price, { rinda: rowName(l), cena: eur(l.price) }),
          rindas: [l.index],
        });
      }
    });
    // D364: a price of 0,00 is no provider's price yet (a unit fixing its own price has actual_cost_price instead)
    counted.forEach(function (l) {
      if (l.offer.vienibasCena === null && cmp(l.price, ZERO) === 0) {
        found.push({ kods: "no_provider_price", smagums: WARNING, teksts: fill(t.no_provider_price, { rinda: rowName(l) }), rindas: [l.index] });
      }
    });
    // D370: a price above its unit's plausible highest (the prices set's ticamaCena) with no ceiling figure
    counted.forEach(function (l) {
      var bound = (p.ticamaCena || {})[l.offer.mervieniba];
      if (bound && l.offer.griesti === null && l.offer.vienibasCena === null && cmp(l.price, dec(bound)) > 0) {
        found.push({ kods: "price_implausible", smagums: WARNING, rindas: [l.index],
          teksts: fill(t.price_implausible, { rinda: rowName(l), cena: eur(l.price), ticama: eur(dec(bound)) }) });
      }
    });
    // D358: in the reason of the line's own ceiling; none for a plan outside every round
    counted.forEach(function (l) {
      if (l.offer.griestiNavApstiprinati && !plan.outside) {
        found.push({ kods: "ceiling_unconfirmed", smagums: WARNING, rindas: [l.index],
          teksts: fill(t.ceiling_unconfirmed, { rinda: rowName(l), iemesls: why(l) }) });
      }
    });
    // D147: no more days, working days or hours than the plan period holds
    var end = planEnd(inp.start, inp.months);
    var limits = unitLimits(inp.start, end);
    counted.forEach(function (l) {
      var unit = l.offer.mervieniba;
      if (unit in limits && cmp(l.units, decInt(limits[unit])) > 0) {
        found.push({ kods: "units_above_period", smagums: ERROR, rindas: [l.index],
          teksts: fill(t["units_above_period_" + unit], { rinda: rowName(l), daudzums: lvUnits(l.units),
            sakums: lvDate(inp.start), beigas: lvDate(end), robeza: lvNumber(decInt(limits[unit]), 0) }) });
      }
    });
    // D148: a session, course or euro line whose amount alone is above P (no P, no check)
    if (cmp(plan.provisional, ZERO) > 0) {
      counted.forEach(function (l) {
        var cost = lineCost(l);
        if (DATA.vienibuRobezas.bezRobezas.indexOf(l.offer.mervieniba) >= 0 && cmp(cost, plan.provisional) > 0) {
          found.push({ kods: "line_above_provisional", smagums: WARNING, rindas: [l.index],  // D338: a euro line's field
            teksts: fill(l.offer.vienibasCena !== null ? t.line_above_provisional_euro : t.line_above_provisional, { rinda: rowName(l), summa: eur(cost), p: eur(plan.provisional),
              daudzums: lvUnits(l.units) }) });
        }
      });
    }
    return found;
  }

  function money(a) {
    return a === null ? null : fixed(a, 2);
  }

  /* D257, as reference.params.unconfirmed_base: P rests on the catalogue's unconfirmed B (the data's flag, not its
   * status word) when no B is given or that very B is */
  function unconfirmedBase(inp) {
    return !inp.params.bazesApmersApstiprinats && (!inp.typedBase || cmp(inp.typedBase, dec(inp.params.bazesApmers)) === 0);
  }

  function invalidResult(errors) {
    return {
      Derigs: false,
      Cenu_Datums: null,
      Karta: null,
      Perioda_Sakums: null,
      Perioda_Beigas: null,
      Parskata_Periods: null,
      Parbaudes_Datums: null,
      Vecums: null,
      Provizoriska_Likme: null,
      IB_Provizoriskais: null,
      Bazes_Apmers_Provizorisks: null,
      Plans_Cena: [],
      Plans_Summa: [],
      Plans_Prioritate: [],
      Plans_NoIB: [],
      Plans_Statuss: [],
      IB_Nepieciesamais: null,
      IB_Pieejamais: null,
      IB_Galigais: null,
      Galigais_Piemerots: false,
      IB_Kopejais: null,
      Transporta_Dala: null,
      Finansejums: null,
      Kludas: errors.length,
      Bridinajumi: 0,
      messages: errors,
    };
  }

  /* The public API: ievade = {dzimsanasDatums, periodaSakums, menesi, atzinums, galigais, pabalsti,
   * pakalpojumi, citi, rindas: [{kods, daudzums, cena, ekspertuRangs, vecakuRangs}], varianti}. */
  function aprekins(ievade) {
    var read = readInput(ievade || {});
    if (read.errors.length) return invalidResult(read.errors);
    var inp = read.input;
    var p = inp.params;
    var t = DATA.teksti;

    // Stage 1: the check date, age, rate and P (D1, D21). A plan starting outside every reporting
    // period has no check date (age on its own first day, P = 0); one running past its period's end
    // keeps the check date and P. Both are errors.
    var rp = reportingPeriod(inp.start);
    var plan = { periodErrors: [], notEligible: null, outside: !rp };
    var checkDate = rp ? rp.periods.sakums : null;
    if (!rp) {
      plan.periodErrors.push({ kods: "outside_reporting_period", smagums: ERROR, rindas: [],
        teksts: outsideText(inp.start) });
    } else if (planEnd(inp.start, inp.months) > rp.periods.beigas) {
      plan.periodErrors.push({ kods: "past_reporting_period", smagums: ERROR, rindas: [],
        teksts: fill(t.past_reporting_period, {
          sakums: lvDate(inp.start),
          menesi: String(inp.months),
          beigas: lvDate(planEnd(inp.start, inp.months)),
          periods: lvDate(rp.periods.sakums) + "–" + lvDate(rp.periods.beigas),
          perioda_beigas: lvDate(rp.periods.beigas),
        }) });
    }
    // The prices and parameters hold from the round's prices day (D61): a plan inside a reporting period that starts
    // before it, or that uses something changing by its last day, is an error (check_prices_in_force in the reference).
    var end = planEnd(inp.start, inp.months);
    var prices = inp.round;
    var used = rp ? firstChange(prices, inp.lines) : null;
    // each error carries its reason (``iemesls``: the same words without the advice) for the banner over the amounts
    function pricesError(name, values) {
      plan.periodErrors.push({ kods: "prices_not_in_force", smagums: ERROR, rindas: [],
        teksts: fill(t[name], values), iemesls: fill(t[name + "_iemesls"], values) });
    }
    if (rp && inp.start < prices.cenuDiena) {
      pricesError("prices_before", { sakums: lvDate(inp.start), cenu_diena: lvDate(prices.cenuDiena),
        matrica: matrixFrom(inp.start) });
    } else if (used && end >= used.diena) {
      // a change inside the plan: end on the last month's end before it or start on it, each with its matrix (D63,
      // D186); a plan starting in the change's month before it cannot end before it (D93, D351)
      var change = used.diena;
      var monthStart = change.slice(0, 8) + "01";
      var shortened = prevDay(monthStart);
      pricesError(inp.start >= change ? "prices_after_change"
                  : shortened >= inp.start ? "prices_after" : "prices_after_month",
        { beigas: lvDate(end), lidz: lvDate(prevDay(change)), no: lvDate(change), sakums: lvDate(inp.start),
          saisinat: lvDate(shortened), menesa_sakums: lvDate(monthStart),
          kas: used.kas, matrica: matrixFrom(inp.start), matrica_lidz: prices.matrica,
          matrica_no: matrixFrom(change) });
    }
    var age = ageInYears(inp.birth, checkDate || inp.start);
    var rate = ZERO;
    var provisional = ZERO;
    if (checkDate === null) {
      // no check date: P = 0 (the error above says why)
    } else if (age < 0) {
      plan.notEligible = { kods: "not_eligible", smagums: ERROR, rindas: [],
        teksts: fill(t.not_eligible_born, { dzimis: lvDate(inp.birth), parbaude: lvDate(checkDate) }) };
    } else if (age >= p.vecumaRobeza) {
      plan.notEligible = { kods: "not_eligible", smagums: ERROR, rindas: [],
        teksts: fill(t.not_eligible_age, { vecums: String(age), dzimis: lvDate(inp.birth), parbaude: lvDate(checkDate) }) };
    } else if (rp.periods.kartasBeigas && ageInYears(inp.birth, rp.periods.kartasBeigas) >= p.vecumaRobeza) {
      // under the limit on the check date, but of age by the round's last day: not eligible either (D110)
      plan.notEligible = { kods: "not_eligible", smagums: ERROR, rindas: [],
        teksts: fill(t.not_eligible_round_end,
          { kartas_beigas: lvDate(rp.periods.kartasBeigas), robeza: String(p.vecumaRobeza) }) };
    } else {
      rate = dec(age <= p.pilnasLikmesVecums || inp.special ? p.likmePilna : p.likmeSamazinata);
      provisional = round(mul(rate, inp.base), 2);
    }

    // Stage 2 and 4: costs, N, priorities, A, line funding, K (D3–D6).
    var costs = inp.lines.map(lineCost);
    var needed = costs.reduce(add, ZERO);
    // D154: another funding source above N is a warning (K takes it only up to N), in the reference's order
    plan.sourcesOver = [];
    [["benefits", inp.benefits], ["services", inp.services], ["other", inp.other]].forEach(function (source) {
      if (cmp(source[1], needed) > 0) {
        plan.sourcesOver.push({ kods: "source_above_needed", smagums: WARNING, rindas: [],
          teksts: fill(DATA.teksti["source_above_needed_" + source[0]], { summa: eur(source[1]), n: eur(needed) }) });
      }
    });
    var prio = priorities(inp.lines, p);
    var available = cmp(needed, provisional) <= 0 ? needed : inp.final !== null ? inp.final : provisional;
    // F applies only where N > P, and LM never sets it above N (D7): an error, as in the reference
    if (inp.final !== null && cmp(needed, provisional) > 0 && cmp(inp.final, needed) > 0) {
      plan.finalOver = { kods: "final_above_needed", smagums: ERROR, rindas: [],
        teksts: fill(t.final_above_needed, { galigais: eur(inp.final), nepieciesamais: eur(needed) }) };
    }
    var funded = ibFunding(inp.lines, prio, available);
    var ibTotal = funded.reduce(add, ZERO);
    var fin = financing(needed, available, inp.benefits, inp.services, inp.other, 2, ibTotal);

    // Transport share of A (D9, revised): IB-funded transport ÷ A.
    var transport = ZERO;
    inp.lines.forEach(function (l, i) {
      if (l.counted && l.offer.transports) transport = add(transport, funded[i]);
    });
    var share = isZero(available) ? ZERO : divRound(transport, available, 12);
    // only where the round confirms the limit (D287): otherwise it is „jāprecizē” and nothing is counted; not while
    // a line is void (D378: a fraction of a whole unit, out of N, is the one error)
    plan.transportOver = p.transportaDalaSpeka !== false && !isZero(available) && !inp.lines.some(fraction) &&
      cmp(transport, mul(dec(p.transportaDala), available)) > 0;
    // percent(share, 1): ROUND(share × 100, 1) from the exact quotient
    if (plan.transportOver) plan.shareRounded = new Dec(divRound(mul(transport, decInt(1000)), available, 0).n, 3);

    plan.provisional = provisional;
    var messages = findings(inp, plan);
    var result = {
      Derigs: true,
      Cenu_Datums: inp.round.cenuDiena,
      Karta: inp.round.karta.id,
      // the plan's first and last day (D93) and the reporting period holding its first day (D21)
      Perioda_Sakums: inp.start,
      Perioda_Beigas: end,
      Parskata_Periods: rp ? { sakums: rp.periods.sakums, beigas: rp.periods.beigas } : null,
      Parbaudes_Datums: checkDate,
      Vecums: age,
      Provizoriska_Likme: fixed(rate, 2),
      IB_Provizoriskais: money(provisional),
      Bazes_Apmers_Provizorisks: unconfirmedBase(inp),
      Plans_Cena: inp.lines.map(function (l) {
        return l.offer && !l.unpriced ? plain(l.price) : null;
      }),
      Plans_Summa: inp.lines.map(function (l, i) {
        return l.counted ? money(costs[i]) : null;
      }),
      Plans_Prioritate: inp.lines.map(function (l) {
        return l.counted ? prio.info[l.index].position : null;
      }),
      Plans_NoIB: inp.lines.map(function (l, i) {
        return l.counted ? money(funded[i]) : null;
      }),
      Plans_Statuss: inp.lines.map(function (l, i) {
        if (!l.counted) return STATUS.ignored;
        if (cmp(funded[i], costs[i]) === 0) return STATUS.funded;
        return cmp(funded[i], ZERO) > 0 ? STATUS.partial : STATUS.not_funded;
      }),
      IB_Nepieciesamais: money(needed),
      IB_Pieejamais: money(available),
      // F as typed and whether it decides A: only where N > P (D7, D53); else A = N and F is not applied
      IB_Galigais: money(inp.final),
      Galigais_Piemerots: inp.final !== null && cmp(needed, provisional) > 0,
      IB_Kopejais: money(fin.total),
      Transporta_Dala: fixed(share, 12),
      Finansejums: finObject(fin),
      Kludas: messages.filter(function (m) {
        return m.smagums === ERROR;
      }).length,
      Bridinajumi: messages.filter(function (m) {
        return m.smagums === WARNING;
      }).length,
      messages: messages,
    };
    if (ievade.varianti) {
      result.Varianti = {};
      [1, 2, 3].forEach(function (v) {
        result.Varianti[v] = finObject(financing(needed, available, inp.benefits, inp.services, inp.other, v, ibTotal));
      });
    }
    return result;
  }

  function finObject(fin) {
    return {
      variants: fin.variant,
      IB: money(fin.ib),
      Pabalsti: money(fin.benefits),
      Pakalpojumi: money(fin.services),
      Citi: money(fin.other),
      IB_Kopejais: money(fin.total),
    };
  }

  /* The round and prices day a plan starting on `periodaSakums` gets (mainasDiena: the next change, mainaKarta: a
   * prices day of the same round), and its offer for a code or label (for the form's hints and prices). */
  function karta(periodaSakums) {
    var start = parseDate(periodaSakums);
    var r = roundFor(start);
    var change = r.cenasLidz ? nextDay(r.cenasLidz) : null;
    var next = change && setOf(change);
    var rp = start ? reportingPeriod(start) : null;
    return { id: r.karta.id, nosaukums: r.karta.nosaukums, cenuDiena: r.cenuDiena, cenasLidz: r.cenasLidz,
      parametri: r.parametri, mainasDiena: change, mainaKarta: !!next && next.karta === r.karta,
      // audit32b F11: the plan's own round has no prices in the catalogue (the parameters are another round's)
      bezCenam: !!rp && !rp.round.sets.length };
  }
  /* For the form: the reporting period of the first day as typed (its first and last day, the round's last day
   * for D110) and the most months a plan from it can have there (at most menesiMax); null for none. */
  function periods(periodaSakums) {
    var start = parseDate(periodaSakums);
    var rp = start ? reportingPeriod(start) : null;
    if (!rp) return null;
    var most = 0;
    var limit = roundFor(start).parametri.menesiMax;
    while (most < limit && planEnd(start, most + 1) <= rp.periods.beigas) most += 1;
    return { pirmaDiena: start, sakums: rp.periods.sakums, beigas: rp.periods.beigas,
      kartasBeigas: rp.periods.kartasBeigas, menesiDer: most };
  }
  /* A first day in no reporting period, said also while other fields have input errors (audit36 F7); or null. */
  function sakumaKluda(periodaSakums) {
    var start = parseDate(periodaSakums);
    if (!start || reportingPeriod(start)) return null;
    return { kods: "outside_reporting_period", smagums: ERROR, rindas: [], teksts: outsideText(start) };
  }
  /* A first day in no children's round's reporting period; inside an adults' round's services, that round and that
   * the calculator is for the children's programme (D254, audit32b F1). */
  function outsideText(start) {
    var adults = (DATA.pieaugusoKartas || []).filter(function (k) {
      return k.no <= start && start <= k.lidz;
    })[0];
    return fill(DATA.teksti.outside_reporting_period, { sakums: lvDate(start) }) + (adults ? " " + adults.teksts : "");
  }
  function pakalpojums(teksts, periodaSakums) {
    var r = roundFor(parseDate(periodaSakums));
    return findOffer(teksts, r.offers);
  }

  global.ibmKalkulators = {
    aprekins: aprekins,
    karta: karta,
    periods: periods,
    sakumaKluda: sakumaKluda,
    pakalpojums: pakalpojums,
    /* D328: whole_units also while other fields have input errors (aprekins then gives only those). */
    veselasVienibas: function (ievade) {
      return wholeUnits(readInput(ievade || {}).input);
    },
    /* A typed amount of euro as the calculator reads it ("1 234,50"): "1234.50", or null. */
    summa: function (teksts) {
      var d = empty(teksts) ? null : parseNumber(teksts);
      return d && !subcent(d) && !thousandsQuestion("", teksts, true) ? fixed(d, 2) : null;
    },
    /* A typed date as the calculator reads it ("1.5.2012", "01052012", "1 5 2012", "2012-05-01"): ISO, or null. */
    datums: function (teksts) {
      return empty(teksts) ? null : parseDate(teksts);
    },
    dati: DATA,
    formats: {
      eur: function (s) {
        return eur(dec(s));
      },
      procenti: function (s, places) {
        return percent(dec(s), places);
      },
      skaitlis: function (s, places) {
        return lvNumber(dec(s), places);
      },
      datums: lvDate,
    },
  };

  // ---- the form (only on the calculator page) ------------------------------------------------------
  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }
  ready(function () {
    var root = document.getElementById("ibm-kalkulators");
    if (root && DATA && global.ibmKalkulatorsForma) global.ibmKalkulatorsForma(root, global.ibmKalkulators);
  });
})(window);
