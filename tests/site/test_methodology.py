"""The methodology pages take every number from the catalogue, and their mistakes are reported
with the file, the line and what was expected."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.problems import CatalogueError
from generator.site import paths, text
from generator.site.context import site_date, template_context
from generator.site.methodology import render_methodology
from generator.site.nav import NavPage, NavSection, pages
from tests.site.catalogue_edit import set_parameter, set_price_amount

REAL = DEFAULT_CATALOGUE / "metodika"


def _render(catalogue_dir: Path) -> dict[str, str]:
    catalogue = load_or_raise(catalogue_dir)
    return render_methodology(catalogue.root, template_context(catalogue)).pages


# --- the agreed template syntax, on the small fixture -------------------------------------------------


def test_fixture_pages_show_catalogue_values(catalogue_with_fixture_methodology: Path) -> None:
    catalogue = load_or_raise(catalogue_with_fixture_methodology)
    day = site_date(catalogue)
    page = _render(catalogue_with_fixture_methodology)["principi.md"]
    prog = catalogue.programme
    assert text.percent(prog.rate_full.at(day).value) in page
    assert text.percent(prog.transport_share_max.at(day).value) in page
    assert text.eur(prog.base_amount.at(day).value) in page
    assert text.eur(catalogue.group_ceiling(day)[0]) in page
    assert text.date(catalogue.municipalities.pilots[0].start) in page
    assert f"Katalogā ir {len(catalogue.services)} vienības" in page


@pytest.mark.parametrize(
    ("name", "new", "shown"),
    [
        ("transport_share_max", "0.12", "12\u00a0%"),
        ("rate_reduced", "0.65", "65\u00a0%"),
        ("base_amount", "3456.70", "3\u00a0456,70\u00a0EUR"),
        ("full_rate_max_age", "7", "līdz 7 gadiem"),
        ("expert_weight", "0.6", "Ekspertu svars ir\n0,6"),
    ],
)
def test_changing_a_parameter_changes_the_fixture_page(catalogue_with_fixture_methodology: Path, name: str,
                                                       new: str, shown: str) -> None:
    before = _render(catalogue_with_fixture_methodology)["principi.md"]
    set_parameter(catalogue_with_fixture_methodology, name, new)
    if name == "expert_weight":  # the two weights must add up to 1
        set_parameter(catalogue_with_fixture_methodology, "parent_weight", "0.4")
    after = _render(catalogue_with_fixture_methodology)["principi.md"]
    assert after != before
    assert shown in after and shown not in before


# --- the real methodology ----------------------------------------------------------------------------

pytestmark_real = pytest.mark.skipif(not (REAL / "nav.yaml").is_file(), reason="catalogue/metodika/ vēl nav")

# parameter, a new value, how the page must show it
CHANGES = [
    ("transport_share_max", "0.13", "13\u00a0%"),
    ("rate_reduced", "0.65", "65\u00a0%"),
    ("full_rate_max_age", "7", "7"),
    ("eligibility_age_limit", "17", "16"),
    ("period_months_max", "5", "5"),
    ("monthly_report_day", "12", "12"),
    ("quarterly_report_day", "25", "25"),
    ("application_forward_working_days", "4", "4"),
    ("decision_working_days", "11", "11"),
    ("contract_term_months", "13", "13"),
    ("social_worker_children", "19", "19"),
    ("indirect_cost_rate", "0.17", "17\u00a0%"),
]


@pytest.fixture(scope="module")
def real_pages() -> dict[str, str]:
    return _render(DEFAULT_CATALOGUE)


@pytestmark_real
@pytest.mark.parametrize(("name", "new", "shown"), CHANGES, ids=[c[0] for c in CHANGES])
def test_changing_a_parameter_changes_the_methodology(catalogue_copy: Path, real_pages: dict[str, str], name: str,
                                                      new: str, shown: str) -> None:
    before = real_pages
    set_parameter(catalogue_copy, name, new)
    after = _render(catalogue_copy)
    changed = [page for page in after if after[page] != before[page]]
    assert changed, f"neviena metodikas lapa nelieto parametru {name}"
    assert any(shown in after[page] for page in changed)


@pytestmark_real
def test_changing_the_group_ceiling_changes_the_methodology(catalogue_copy: Path,
                                                           real_pages: dict[str, str]) -> None:
    before = real_pages
    set_price_amount(catalogue_copy, "grupu-nodarbibu-griesti", "31.17")
    after = _render(catalogue_copy)
    changed = [page for page in after if after[page] != before[page]]
    assert changed and any("31,17\u00a0EUR" in after[p] for p in changed)


def _typed_values() -> dict[str, re.Pattern[str]]:
    """How a parameter's current value would look if someone typed it into a page."""
    catalogue = load_or_raise()
    day = site_date(catalogue)
    p = {n: getattr(catalogue.programme, n).at(day).value for n in type(catalogue.programme).model_fields}
    found: dict[str, str] = {}
    for name in ("rate_reduced", "transport_share_max", "expert_weight", "parent_weight", "indirect_cost_rate"):
        found[name] = rf"(?<![\d,]){int(p[name] * 100)}\s?%"
    for name, unit in (("full_rate_max_age", r"\s*gad"), ("eligibility_age_limit", r"\s*gad"),
                       ("period_months_max", r"\s*mēneš"), ("first_period_months", r"\s*mēneš"),
                       ("contract_term_months", r"\s*mēneš"), ("application_forward_working_days", r"\s*darba\s+dien"),
                       ("decision_working_days", r"\s*darba\s+dien"), ("monthly_report_day", r"\.\s*datum"),
                       ("quarterly_report_day", r"\.\s*datum"), ("social_worker_children", r"\s*bērn")):
        found[name] = rf"(?<![\d.,]){p[name]}{unit}"
    found["eligibility_age_limit-1"] = rf"(?<![\d.,]){p['eligibility_age_limit'] - 1}\s*gad"
    ceiling = catalogue.group_ceiling(day)[0]
    if ceiling is not None:
        found["grupu_griesti"] = re.escape(text.number(ceiling))
    found["base_amount"] = re.escape(text.number(p["base_amount"]).replace("\u00a0", " ")).replace(r"\ ", r"[\s\u00a0]?")
    return {k: re.compile(v) for k, v in found.items()}


@pytestmark_real
def test_no_parameter_value_is_typed_into_the_methodology() -> None:
    patterns = _typed_values()
    typed = []
    for path in sorted(REAL.rglob("*.md")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", line)
            for name, pattern in patterns.items():
                if pattern.search(plain):
                    typed.append(f"{path.relative_to(DEFAULT_CATALOGUE)}:{no}: {name}: {line.strip()}")
    assert not typed, "skaitļi ierakstīti ar roku, nevis ņemti no kataloga:\n" + "\n".join(typed)


@pytestmark_real
def test_real_navigation_lists_every_page() -> None:
    catalogue = load_or_raise()
    methodology = render_methodology(catalogue.root, template_context(catalogue))
    assert methodology.unlisted == []
    assert {p.file for p in pages(methodology.nav)} == set(methodology.pages)


# --- mistakes are reported with file, line and expectation ------------------------------------------


def _write(catalogue_dir: Path, name: str, content: str) -> Path:
    path = catalogue_dir / "metodika" / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("# Lapa\n\nTeksts.\n\nLikme {{ p.nav_tada_parametra|procenti }}.\n", 5, "nezināms nosaukums"),
        ("# Lapa\n\n{{ p.rate_full|procenti \n", 3, "sintakses kļūda"),
        ("# Lapa\n\nCena {{ cena('nav-tadas-cenas').amount|eur }}\n", 3, "nav katalogā"),
        ("# Lapa\n\n{{ nezinams }}\n", 3, "nezināms nosaukums"),
        ("# Lapa\n\n{{ p.rate_reduced|vesels }}\n", 3, "nav vesels skaitlis"),
    ],
    ids=["unknown-parameter", "syntax", "unknown-price", "unknown-name", "filter"],
)
def test_template_mistakes_name_file_and_line(catalogue_with_fixture_methodology: Path, content: str,
                                              line: int, fragment: str) -> None:
    path = _write(catalogue_with_fixture_methodology, "principi.md", content)
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_with_fixture_methodology)
    (problem,) = err.value.problems
    assert problem.path == path
    assert problem.line == line
    assert fragment in problem.message
    assert problem.expected


@pytest.mark.parametrize(
    ("nav", "line", "fragment"),
    [
        ("- {fails: principi.md, virsraksts: A}\n- {fails: nav-tadas.md, virsraksts: B}\n", 2, "nav atrasts"),
        ("- {fails: principi.md, virsraksts: A}\n- {fails: Lapa Ar Atstarpi.md, virsraksts: B}\n", 2,
         "neatbilst formātam"),  # the loader's check (generator/catalogue/data_files.py) comes first
        ("- {fails: principi.md}\n", 1, "lauks nav norādīts"),
        ("- sadala: X\n  lapas: nav-saraksts\n", 2, "nav saraksts"),
        ("- {fails: principi.md, virsraksts: A}\nfails: x.md\n", 2, "YAML sintakses kļūda"),
    ],
    ids=["missing-file", "bad-name", "missing-title", "section-not-list", "yaml-syntax"],
)
def test_navigation_mistakes_name_file_and_line(catalogue_with_fixture_methodology: Path, nav: str, line: int,
                                                fragment: str) -> None:
    path = _write(catalogue_with_fixture_methodology, paths.NAV_FILE, nav)
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_with_fixture_methodology)
    problem = err.value.problems[0]
    assert problem.path == path
    assert problem.line == line
    assert fragment in problem.message


def test_navigation_tree_and_fallback_without_nav_file(catalogue_with_fixture_methodology: Path) -> None:
    catalogue = load_or_raise(catalogue_with_fixture_methodology)
    nav = render_methodology(catalogue.root, template_context(catalogue)).nav
    assert nav[0] == NavPage("principi.md", "Principi")
    assert isinstance(nav[1], NavSection) and nav[1].items == (NavPage("process.md", "Process ar diagrammu"),)
    (catalogue_with_fixture_methodology / "metodika" / paths.NAV_FILE).unlink()
    shutil.copy(catalogue_with_fixture_methodology / "metodika" / "process.md",
                catalogue_with_fixture_methodology / "metodika" / "cits.md")
    nav = render_methodology(catalogue.root, template_context(catalogue)).nav
    assert [p.file for p in pages(nav)] == ["cits.md", "principi.md", "process.md"]
    assert pages(nav)[1].title == "Principi"  # the page's own first heading


# The pages that print the base amount B (audit40b F1): its figure always with its status beside it.
BASE_PAGES = ("rekonstrukcijas-un-lemumi.md", "ib-apmeri-un-posmi.md")


def _base_mentions(pages: dict[str, str], figure: str) -> list[str]:
    """The text after each place the pages print ``figure`` (the next 60 characters)."""
    found = [page[m.end():m.end() + 60] for name in BASE_PAGES for page in [pages[name]]
             for m in re.finditer(re.escape(figure), page)]
    assert found, f"B ({figure}) nav lapās {BASE_PAGES}"
    return found


@pytestmark_real
def test_the_base_amount_is_printed_with_its_status(catalogue_copy: Path, real_pages: dict[str, str]) -> None:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    value = catalogue.programme.base_amount.at(site_date(catalogue))
    assert str(value.status) == "jāprecizē", "B is confirmed now: make the check below a confirmed one"
    figure = text.eur(value.value)
    assert all(" periodā, statuss **jāprecizē**" in after for after in _base_mentions(real_pages, figure))
    # confirmed in the catalogue: the pages say so, and no longer „jāprecizē”
    path = catalogue_copy / "programme.yaml"
    yaml = path.read_text(encoding="utf-8")
    block = yaml.split("base_amount:", 1)[1].split("\nrate_full:", 1)[0]
    confirmed_block = block.replace("status: jāprecizē", "status: apstiprināts").replace(
        block.split("source: ", 1)[1].split("\n", 1)[0], '"Labklājības ministrijas vēstule Nr. 1-12/345, 24.02.2027"')
    path.write_text(yaml.replace(block, confirmed_block), encoding="utf-8")
    confirmed = _base_mentions(_render(catalogue_copy), figure)
    assert all(" periodā, statuss **apstiprināts**" in after for after in confirmed), confirmed
