"""The annex register (issue 16): catalogue/annexes.yaml names every annex and every generated output;
the built pielikumi.html has a row for every annex 1–45 (and 16.1, 16.9) whose links resolve or that
states a reason; the methodology's "N.pielikums" mentions link to those rows."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from generator.catalogue.annexes import REQUIRED_NUMBERS
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.documents.outputs import REPORT_WORKBOOKS, output_files, output_folder, output_ids
from generator.documents.registry import DOCUMENTS
from generator.documents.reports.workbooks import write_report_workbooks
from generator.site.annex_register import link_mentions
from generator.site.step import build_into
from tests.site.conftest import make_build_dir


class _Rows(HTMLParser):
    """The rows of the first table: (row id, cell texts, hrefs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str | None, list[str], list[str]]] = []
        self._tables = 0
        self._row: tuple[str | None, list[str], list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._tables += 1
        if self._tables != 1:
            return
        if tag == "tr":
            self._row = (None, [], [])
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "span" and a.get("id") and self._row is not None:
            self._row = (a["id"], self._row[1], self._row[2])
        elif tag == "a" and self._row is not None and a.get("href"):
            self._row[2].append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._tables != 1:
            return
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row[1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row[1]:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def annex_site(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    """The real site with a placeholder file for every output of the first pilot municipality (the page
    links a sample municipality's files), built once for this module."""
    root = tmp_path_factory.mktemp("pielikumi")
    build_dir = make_build_dir(root / "build", catalogue)
    sample = catalogue.pilot_municipalities()[0]
    for output in output_ids():
        for name in output_files(output):
            path = build_dir / "lejupielades" / output_folder(output) / sample.id / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"placeholder")
    site = build_dir / "vietne"
    build_into(catalogue, site, build_dir, lambda _m: None)
    return site


def test_every_annex_has_a_row_with_a_resolving_link_or_a_reason(annex_site: Path, catalogue: Catalogue) -> None:
    page = annex_site / "pielikumi.html"
    parser = _Rows()
    parser.feed(page.read_text(encoding="utf-8"))
    rows = {row_id: (cells, hrefs) for row_id, cells, hrefs in parser.rows}
    for number in REQUIRED_NUMBERS:
        row_id = "p-" + number.replace(".", "-")
        assert row_id in rows, f"pielikumi.html: nav rindas pielikumam {number}"
        cells, hrefs = rows[row_id]
        assert cells[0] == f"{number}.", f"{number}: pirmā šūna {cells[0]!r}"
        assert cells[1], f"{number}: nav nosaukuma"
        assert hrefs or "netiek veidots:" in cells[2], f"{number}: nav ne saites, ne iemesla: {cells[2]!r}"
        for href in hrefs:
            target = urlsplit(href)
            path = (page.parent / unquote(target.path)).resolve() if target.path else page
            assert path.is_file(), f"{number}: saite {href} nekur neved"
            if target.fragment:
                assert f'id="{target.fragment}"' in path.read_text(encoding="utf-8"), f"{number}: enkurs {href}"
    assert len(rows) == len(REQUIRED_NUMBERS)
    for annex in catalogue.annexes.annexes:
        hrefs = rows[annex.anchor][1]
        if annex.page:
            assert annex.page.replace(".md", ".html") in hrefs, f"{annex.number}: nav saites uz {annex.page}"
        for output in annex.outputs:
            assert any(output in h for h in hrefs), f"{annex.number}: nav saites uz {output}"


def test_methodology_mentions_link_to_register_rows(annex_site: Path, catalogue: Catalogue) -> None:
    linked = set()
    for page in (annex_site / "metodika").glob("*.html"):
        linked |= set(re.findall(r'href="\.\./pielikumi\.html#(p-[0-9-]+)"', page.read_text(encoding="utf-8")))
    assert {"p-7", "p-10", "p-17"} <= linked
    register = (annex_site / "pielikumi.html").read_text(encoding="utf-8")
    for anchor in linked:
        assert f'id="{anchor}"' in register


def test_link_mentions_leaves_law_annexes_headings_code_and_links_alone(catalogue: Catalogue) -> None:
    numbers = catalogue.annexes.by_number()
    text = "\n".join([
        "Sk. 17.pielikumā un 16.1.pielikums; Publisko iepirkumu likuma 2. pielikuma pakalpojumi; 34. pielikumu.",
        "## 33.pielikums virsrakstā",
        "```", "7.pielikums kodā", "```",
        "Jau saite: [10.pielikums](x.md) un `8.pielikums` un 99.pielikums.",
    ])
    out = link_mentions(text, "metodika/lapa.md", numbers).split("\n")
    assert out[0] == ("Sk. [17.pielikumā](../pielikumi.md#p-17) un [16.1.pielikums](../pielikumi.md#p-16-1); "
                      "Publisko iepirkumu likuma 2. pielikuma pakalpojumi; [34. pielikumu](../pielikumi.md#p-34).")
    assert out[1:] == text.split("\n")[1:]


def test_every_generated_output_is_registered_and_every_row_points_at_something(
        tmp_path: Path, catalogue: Catalogue) -> None:
    written = write_report_workbooks(catalogue, catalogue.pilot_municipalities()[0], tmp_path)
    assert {p.stem for p in written} == set(REPORT_WORKBOOKS)
    register = catalogue.annexes
    named = {o for a in register.annexes for o in a.outputs} | {o for f in register.unnumbered for o in f.outputs}
    assert named == set(output_ids()) == {s.id for s in DOCUMENTS} | set(REPORT_WORKBOOKS)
    for spec in DOCUMENTS:
        if spec.annex and spec.annex[0].isdigit() and "tabula" not in spec.annex:
            number = spec.annex.split(".")[0]
            assert spec.id in register.by_number()[number].outputs, f"{spec.id}: {spec.annex}"


def test_check_names_a_missing_row_and_an_output_that_does_not_exist(catalogue_copy: Path) -> None:
    path = catalogue_copy / "annexes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["annexes"] = [a for a in data["annexes"] if a["number"] != "34"]
    data["annexes"][0]["outputs"] = ["nav-tada-dokumenta"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None
    messages = [p.format(catalogue_copy) for p in problems]
    assert any("trūkst pielikumu: 34" in m for m in messages), messages
    assert any("„24-risku-plans” nav pielikumu reģistrā" in m for m in messages), messages
    assert any("annexes.yaml:" in m and "„nav-tada-dokumenta” netiek ģenerēta" in m for m in messages), messages


def test_downloads_page_lists_every_new_output(annex_site: Path, catalogue: Catalogue) -> None:
    page = (annex_site / "lejupielades.html").read_text(encoding="utf-8")
    sample = catalogue.pilot_municipalities()[0].id
    for output in ("norekini-ar-pasvaldibu", "kvalitates-anketas", "aptauju-registrs", "sniedzeju-saraksts",
                   "24-risku-plans", "29-vestule-neatlasitajiem", "32-marsruta-lapas-izraksts"):
        for name in output_files(output):
            assert f'href="lejupielades/{output_folder(output)}/{sample}/{name}"' in page, name


def test_a_page_link_is_named_by_the_page_title_not_its_front_matter(tmp_path: Path) -> None:
    """review28 F1: a methodology page's front matter opens with a YAML comment („# Vaicājumi, …”), which the annex
    register took for the page's title; every „vietnes lapa [T](p)” names the page by the heading of its text."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
    from generator.site.nav import markdown_title
    from generator.site.sources import render_sources

    assert markdown_title("---\n# komentārs\natslegvardi: [a]\n---\n# Virsraksts\n") == "Virsraksts"
    assert markdown_title("# Virsraksts\n---\n# Cits\n") == "Virsraksts"
    sources = render_sources(load_or_raise(DEFAULT_CATALOGUE), tmp_path / "src")
    links = re.findall(r"vietnes lapa \[([^\]]*)\]\(([^)]*)\)", sources.pages["pielikumi.md"])
    fronted = [(t, p) for t, p in links if sources.pages.get(p, "").startswith("---")]
    assert fronted, "the register links a page with front matter (the case the test is for)"
    for title, page in links:
        text = sources.pages.get(page)
        if text is None:
            continue
        body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
        assert f"# {title}\n" in body, (page, title)
