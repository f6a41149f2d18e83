"""A corpus of broken catalogues: each must be refused with the exact file, line, field and a helpful message.

Every case starts from a copy of the real catalogue and breaks one thing. The expected line is found
from the text the case writes, so the cases stay valid while the catalogue grows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity, human_field


@dataclass
class Case:
    name: str
    file: str  # the file the problem must name, relative to the catalogue
    breaks: Callable[[Path], None]
    field: str  # expected field (exact)
    message: str  # a fragment of the expected message
    marker: str | None = None  # text on the line the problem must name (None: line 1)


def _sub(path: Path, pattern: str, repl: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(pattern, repl, text, count=count, flags=re.MULTILINE)
    assert n, f"pattern {pattern!r} not found in {path}"
    path.write_text(new, encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


SERVICE = "services/3.1.2.yaml"
PRICE = "prices/3.1.2.yaml"
CEILING = "prices/grupu-nodarbibu-griesti.yaml"

ROUND_2019 = """  - id: berni-2019
    programme: bērni
    name_lv: Otrā bērnu kārta (tests)
    start: 2019-08-01
    end: 2020-09-30
    services_start: 2019-09-01
    services_end: 2020-08-31
    reporting_period_months: 6
    municipalities: [jelgava]
    envelope: {amount: null, status: jāprecizē, source: tests}
    source: tests
"""

CASES = [
    Case("yaml-syntax", "programme.yaml", lambda c: _append(c / "programme.yaml", "broken: [unclosed\n"),
         "-", "YAML sintakses kļūda", None),
    Case("wrong-type", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r"value: 20, source", "value: divdesmit, source"),
         "social_worker_children.values.0.value", "nav vesels skaitlis", "value: divdesmit"),
    Case("unknown-enum", SERVICE, lambda c: _sub(c / SERVICE, r"^recipient: child$", "recipient: kaķis"),
         "recipient", "nezināma vērtība „kaķis”", "recipient: kaķis"),
    Case("missing-price", SERVICE, lambda c: (c / PRICE).unlink(),
         "regime", "nav cenas faila", "regime:"),
    Case("duplicate-id", "services/3.1.2-kopija.yaml",
         lambda c: (c / "services/3.1.2-kopija.yaml").write_text((c / SERVICE).read_text("utf-8"), "utf-8"),
         "id", "faila nosaukums neatbilst kodam 3.1.2", "id:"),
    Case("duplicate-id-second-file", SERVICE,
         lambda c: (c / "services/3.1.2-kopija.yaml").write_text((c / SERVICE).read_text("utf-8"), "utf-8"),
         "id", "pakalpojuma kods 3.1.2 atkārtojas", "id:"),
    Case("same-date-twice", CEILING,
         lambda c: _append(c / CEILING, "  - effective_from:  2018-08-01\n    kind: ceiling\n    amount: 20.00\n"
                                        "    source: test\n    status: apstiprināts\n"),
         "values.1.effective_from", "spēkā stāšanās datums 01.08.2018 jau ir 1. ierakstā", "effective_from:  2018"),
    Case("dates-unordered", CEILING,
         lambda c: _append(c / CEILING, "  - effective_from: 2017-01-01\n    kind: ceiling\n    amount: 20.00\n"
                                        "    source: test\n    status: apstiprināts\n"),
         "values.1.effective_from", "datums 01.01.2017 ir agrāks par iepriekšējā ieraksta datumu", "2017-01-01"),
    Case("negative-price", CEILING, lambda c: _sub(c / CEILING, r"amount: 25\.93", "amount: -1.00"),
         "values.0.amount", "par mazu", "amount: -1.00"),
    Case("formula-name", SERVICE,
         lambda c: _sub(c / SERVICE, r"^short_name_lv: .*$", 'short_name_lv: "=SUM(A1:A9)"'),
         "short_name_lv", "nedrīkst sākties ar =", "short_name_lv:"),
    Case("formula-municipality", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"social_service: Liepājas sociālais dienests",
                        'social_service: "@Liepāja"'),
         "municipalities.2.social_service", "nedrīkst sākties", "@Liepāja"),
    Case("not-utf8", "municipalities.yaml",
         lambda c: (c / "municipalities.yaml").write_bytes(
             (c / "municipalities.yaml").read_text("utf-8").replace("Liepāja", "Liep\u00e2ja").encode("latin-1",
                                                                                                     "replace")),
         "-", "nav UTF-8", None),
    Case("unknown-field", SERVICE, lambda c: _append(c / SERVICE, "cena_eur: 12\n"),
         "cena_eur", "nezināms lauks", "cena_eur:"),
    Case("missing-field", SERVICE, lambda c: _sub(c / SERVICE, r"^unit: reize\n", ""),
         "unit", "lauks nav norādīts", None),
    Case("bad-date", CEILING, lambda c: _sub(c / CEILING, r"effective_from: 2018-08-01", "effective_from: 2018-13-01"),
         "values.0.effective_from", "2018-13-01 – tāda datuma nav (mēnesis var būt no 01 līdz 12)",
         "2018-13-01"),
    Case("unknown-unit", SERVICE, lambda c: _sub(c / SERVICE, r"^unit: reize$", "unit: gabals"),
         "unit", "nezināma mērvienība „gabals”", "unit: gabals"),
    Case("price-unknown-service", PRICE, lambda c: _sub(c / PRICE, r'^service: "3\.1\.2"$', 'service: "3.1.99"'),
         "service", "nezināms pakalpojums 3.1.99", "service:"),
    Case("regime-mismatch", PRICE, lambda c: _sub(c / PRICE, r"^regime: market$", "regime: regulation"),
         "regime", "neatbilst pakalpojuma režīmam", "regime: regulation"),
    Case("unknown-incompatible", SERVICE, lambda c: _append(c / SERVICE, 'incompatible_with: ["7.7"]\n'),
         "incompatible_with", "nezināms pakalpojums 7.7", "incompatible_with"),
    Case("weights-sum", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r"value: 0\.3, source", "value: 0.4, source"),
         "parent_weight.values.0.value", "svaru summai jābūt 1", "value: 0.4"),
    Case("quota-shares", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r"multipli: 0\.30", "multipli: 0.40"),
         "selection_quotas.values.0.value.impairment_share", "daļu summai jābūt 1", "impairment_share"),
    Case("area-mismatch", SERVICE, lambda c: _sub(c / SERVICE, r"^area: 3$", "area: 2"),
         "area", "neatbilst jomai 2", "area: 2"),
    Case("duplicate-key", SERVICE, lambda c: _append(c / SERVICE, "unit: stunda\n"),
         "unit", "atslēga atkārtojas", "unit: stunda"),
    Case("empty-file", "programme.yaml", lambda c: (c / "programme.yaml").write_text("", "utf-8"),
         "-", "fails ir tukšs", None),
    Case("missing-file", "enums.yaml", lambda c: (c / "enums.yaml").unlink(),
         "-", "fails nav atrasts", None),
    Case("rate-above-one", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r"value: 1\.00, source", "value: 1.50, source"),
         "rate_full.values.0.value", "par lielu", "value: 1.50"),
    Case("duplicate-municipality", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"- id: bauska\n", "- id: jelgava  # Bauska\n"),
         "id", "pašvaldības id jelgava atkārtojas", "id: jelgava  # Bauska"),
    # D179: the short name of the summary's narrow columns is there, not empty, the municipality's own and the
    # territory's name
    Case("short-name-missing", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"    short_name_lv: Talsu novads\n", ""),
         "municipalities.3.short_name_lv", "lauks nav norādīts", "- id: talsi"),
    Case("short-name-empty", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"short_name_lv: Liepāja$", 'short_name_lv: ""'),
         "municipalities.2.short_name_lv", "tukšs teksts", 'short_name_lv: ""'),
    Case("short-name-twice", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"short_name_lv: Liepāja$", "short_name_lv: Jelgava  # Liepāja"),
         "municipalities.2.short_name_lv", "īsais nosaukums „Jelgava” jau ir pašvaldībai jelgava",
         "short_name_lv: Jelgava  # Liepāja"),
    Case("short-name-not-the-novads", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"short_name_lv: Ogres novads$", "short_name_lv: Ogre"),
         "municipalities.8.short_name_lv", "neatbilst nosaukumam „Ogres novada pašvaldība”", "short_name_lv: Ogre"),
    Case("short-name-the-full-name", "municipalities.yaml",
         lambda c: _sub(c / "municipalities.yaml", r"short_name_lv: Rēzekne$",
                        "short_name_lv: Rēzeknes pilsētas pašvaldība"),
         "municipalities.4.short_name_lv", "nav īsāks teritorijas nosaukums",
         "short_name_lv: Rēzeknes pilsētas pašvaldība"),
    Case("confirmed-without-amount", CEILING, lambda c: _sub(c / CEILING, r"amount: 25\.93", "amount: null"),
         "values.0", "apstiprinātai cenai vajag summu", "- effective_from"),
    Case("file-name-mismatch", "prices/ergoterapija.yaml", lambda c: (c / PRICE).rename(c / "prices/ergoterapija.yaml"),
         "id", "faila nosaukums neatbilst id 3.1.2", "id:"),
    Case("age-groups-mismatch", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r'"15-17": 20\}', '"15-18": 20}'),
         "selection_quotas.per_age_group", "vecuma grupas neatbilst", "per_age_group"),
    Case("round-unknown-municipality", "rounds.yaml",
         lambda c: _sub(c / "rounds.yaml", r"\[jelgava, bauska, liepaja, talsi, rezekne,", "[jelgava, bauska, liepaja, talsi, rezeknee,"),
         "rounds.0.municipalities", "nezināma pašvaldība „rezeknee”", "rezeknee"),
    Case("round-municipality-twice", "rounds.yaml",
         lambda c: _sub(c / "rounds.yaml", r"\[jelgava, bauska, liepaja, talsi, rezekne,", "[jelgava, bauska, liepaja, talsi, jelgava,"),
         "rounds.0.municipalities", "norādīta divreiz", "talsi, jelgava"),
    Case("round-services-outside-round", "rounds.yaml",
         lambda c: _sub(c / "rounds.yaml", r"services_end: 2019-09-30", "services_end: 2019-12-31"),
         "rounds.0.services_end", "beigas 31.12.2019 ir pēc kārtas beigām 31.10.2019", "services_end: 2019-12-31"),
    Case("round-overlap", "rounds.yaml",
         lambda c: _append(c / "rounds.yaml", ROUND_2019),
         "rounds.2.services_start", "pārklājas ar kārtu berni-2018", "services_start: 2019-09-01"),
    Case("round-year-without-holidays", "rounds.yaml",
         lambda c: _append(c / "rounds.yaml", ROUND_2019.replace("2019-09-01", "2027-01-01")
                           .replace("2020-08-31", "2027-12-31").replace("start: 2019-08-01", "start: 2027-01-01")
                           .replace("end: 2020-09-30", "end: 2027-12-31")),
         "rounds.2.services_end", "nav 2027. gada", "services_end: 2027-12-31"),
    Case("round-envelope-fraction-of-cent", "rounds.yaml",
         lambda c: _append(c / "rounds.yaml", ROUND_2019.replace("amount: null", "amount: 2000.019")
                           .replace("status: jāprecizē", "status: apstiprināts")
                           .replace("2019-09-01", "2020-01-01")),
         "rounds.2.envelope.amount", "summa 2000,019 nav veselos centos", "amount: 2000.019"),
    Case("holiday-wrong-year", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r"\{date: 2019-01-01, name_lv: Jaungada diena\}",
                        "{date: 2018-01-02, name_lv: Jaungada diena}"),
         "years.1", "nav 2019. gadā", "- year: 2019"),
    Case("holiday-bad-date", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r"date: 2020-12-31", "date: 2020-12-32"),
         "years.2.days.14.date", "2020-12-32 – tāda datuma nav (2020. gada decembrī ir 31 diena)",
         "2020-12-32"),
    # a year without a holiday the law names for every year would count too many working days (D11's limit)
    Case("holiday-recurring-missing", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r"      - \{date: 2020-06-23, name_lv: Līgo diena\}\n", ""),
         "years.2.year", "2020. gadā nav svētku dienu, ko likums nosaka katram gadam: 23.06.2020 Līgo diena",
         "- year: 2020"),
    Case("holiday-easter-missing", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r"      - \{date: 2019-04-19, name_lv: Lielā Piektdiena\}\n", ""),
         "years.1.year", "2019. gadā nav svētku dienu, ko likums nosaka katram gadam: 19.04.2019 Lielā Piektdiena",
         "- year: 2019"),
    # a holiday of every year must be a day every year has (not 31.04, not 29.02)
    Case("holiday-recurring-no-such-day", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r'day: "31\.12", name_lv: Vecgada diena', 'day: "31.04", name_lv: Vecgada diena'),
         "recurring.13.day", "„31.04” – tāda datuma nav (aprīlī ir 30 dienas)", 'day: "31.04"'),
    Case("holiday-recurring-leap-day", "holidays.yaml",
         lambda c: _sub(c / "holidays.yaml", r'day: "31\.12", name_lv: Vecgada diena', 'day: "29.02", name_lv: Vecgada diena'),
         "recurring.13.day", "„29.02” ir tikai garajos gados", 'day: "29.02"'),
    Case("missing-rounds", "rounds.yaml", lambda c: (c / "rounds.yaml").unlink(),
         "-", "fails nav atrasts", None),
    # D87: money is euro and cents; a ministry typo 12.345 is refused, never rounded in one output only (audit21 F13).
    Case("price-fraction-of-cent", CEILING, lambda c: _sub(c / CEILING, r"amount: 25\.93", "amount: 12.345"),
         "values.0.amount", "summa 12,345 nav veselos centos", "amount: 12.345"),
    Case("price-four-places", CEILING, lambda c: _sub(c / CEILING, r"amount: 25\.93", "amount: 25.9301"),
         "values.0.amount", "nav veselos centos", "amount: 25.9301"),
    Case("base-amount-fraction-of-cent", "programme.yaml",
         lambda c: _sub(c / "programme.yaml", r"(base_amount:(?:\n.*?)*?value: )(\d+(?:\.\d+)?)", r"\g<1>3000.005"),
         "base_amount.values.0.value", "summa 3000,005 nav veselos centos", "3000.005"),
    # The data files next to the methodology and the annex 10 examples (generator/catalogue/data_files.py).
    Case("countries-missing-field", "metodika/valstis.yaml",
         lambda c: _sub(c / "metodika/valstis.yaml", r'^    nodala: "I\.1\.1"\n', ""),
         "valstis.0.nodala", "lauks nav norādīts", "- id: lielbritanija"),
    Case("figures-not-a-number", "metodika/skaitli.yaml",
         lambda c: _sub(c / "metodika/skaitli.yaml", r"\{vertiba: 866,", "{vertiba: astoņi,"),
         "skaitli.berni_pirmreizeja_invaliditate_2017", "vērtība „astoņi” nav skaitlis", "vertiba: astoņi"),
    Case("figures-total-wrong", "metodika/skaitli.yaml",
         lambda c: _append(c / "metodika/skaitli.yaml", "  tests_tabula:\n    virsraksts: Tests\n"
                           "    pirma_kolonna: Rinda\n    kolonnas: {a: A}\n    rindas: [{nosaukums: x, a: 1}]\n"
                           "    kopa: {a: 2}\n    avots: tests\n"),
         "tabulas.tests_tabula", "rindu summa ir 1, bet norādītā kopsumma ir 2", "  tests_tabula:"),
    Case("seed-toc-reversed-range", "metodika/seed-toc.yaml",
         lambda c: _sub(c / "metodika/seed-toc.yaml", r"sakums: 18, beigas: 108", "sakums: 18, beigas: 10"),
         "nodalas.1", "rindu diapazons L18–L10 ir apgriezts", "sakums: 18, beigas: 10"),
    Case("nav-bad-file-name", "metodika/nav.yaml",
         lambda c: _sub(c / "metodika/nav.yaml", r"\{fails: ievads\.md,", "{fails: Ievads.MD,"),
         "0.fails", "vērtība „Ievads.MD” neatbilst formātam", "Ievads.MD"),
    Case("nav-unknown-key-in-section", "metodika/nav.yaml",
         lambda c: _sub(c / "metodika/nav.yaml", r"virsraksts: IB piešķiršana\}", "virsraksts: IB piešķiršana, lieks: 1}"),
         "2.lapas.0.lieks", "nezināms lauks", "lieks: 1"),
    Case("nav-not-a-list", "metodika/nav.yaml",
         lambda c: (c / "metodika/nav.yaml").write_text("fails: ievads.md\n", "utf-8"),
         "-", "faila saturs nav saraksts", None),
    Case("annex10-unknown-variant", "piemeri/10-pielikums.yaml",
         lambda c: _sub(c / "piemeri/10-pielikums.yaml", r'\{id: "1\.1", variant: 1,', '{id: "1.1", variant: 4,'),
         "cases.0.variant", "nezināma vērtība 4", 'id: "1.1", variant: 4'),
]


def _expected_line(path: Path, marker: str | None) -> int:
    if marker is None:
        return 0  # any line: the case checks file, field and message only
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if marker in line:
            return number
    raise AssertionError(f"marker {marker!r} not in {path}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_catalogue_is_refused_with_location(case: Case, catalogue_copy: Path) -> None:
    case.breaks(catalogue_copy)
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None, f"{case.name}: broken catalogue was accepted"
    errors = [p for p in problems if p.severity is Severity.error]
    target = (catalogue_copy / case.file).resolve()
    matching = [p for p in errors if p.path is not None and p.path.resolve() == target and case.message in p.message]
    assert matching, f"{case.name}: no error naming {case.file} with {case.message!r}; got:\n" + "\n".join(
        p.format() for p in errors
    )
    problem = matching[0]
    assert problem.field == case.field, f"{case.name}: field {problem.field!r} != {case.field!r}"
    if case.marker is not None:
        assert problem.line == _expected_line(target, case.marker), f"{case.name}: {problem.format()}"
    text = problem.format(catalogue_copy)
    # a whole file's problem shows no field slot (F11); list positions counted from one (audit24 F25)
    field = "" if case.field == "-" else f"{human_field(case.field, problem.ids)}: "  # with entry ids (D309)
    assert text.startswith(f"catalogue/{case.file}:{problem.line}: {field}"), text
    assert ": -:" not in text, text


def test_corpus_has_at_least_twenty_cases() -> None:
    assert len({c.name for c in CASES}) >= 20


def test_real_catalogue_has_no_errors(catalogue_copy: Path) -> None:
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None, "\n".join(p.format() for p in problems)


def test_fraction_of_cent_says_what_is_expected_and_whole_cents_pass(catalogue_copy: Path) -> None:
    """The money message says what a price must look like (D87); 12.500 is whole cents and is accepted."""
    _sub(catalogue_copy / CEILING, r"amount: 25\.93", "amount: 12.345")
    _, problems = load_catalogue(catalogue_copy)
    texts = [p.format(catalogue_copy) for p in problems if p.severity is Severity.error]
    assert texts == [f"catalogue/{CEILING}:{_expected_line(catalogue_copy / CEILING, 'amount: 12.345')}: "
                     "values 1. ieraksts, amount: summa 12,345 nav veselos centos (gaidīts: summa euro ar ne vairāk kā "
                     "diviem cipariem aiz komata)"], texts
    _sub(catalogue_copy / CEILING, r"amount: 12\.345", "amount: 12.500")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None, [p.format() for p in problems]
