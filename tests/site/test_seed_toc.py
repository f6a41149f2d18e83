"""Every chapter of the seed methodology's table of contents maps to a page of the site
(catalogue/metodika/seed-toc.yaml), and the data files the methodology pages show are validated with
their file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.problems import CatalogueError
from generator.catalogue.yamlfile import read_yaml
from generator.site.context import template_context
from generator.site.methodology import render_methodology
from generator.site.methodology_data import SeedToc, chapter_of
from generator.site.nav import pages
from tests.site.seed_text import METHODOLOGY as SEED_METHODOLOGY
from tests.site.seed_text import seeds_folder

METHODOLOGY = DEFAULT_CATALOGUE / "metodika"
# The seed's table of contents: Word bookmarks _Toc3549705 … _Toc3549769, one per heading, in order.
TOC_BOOKMARKS = range(3549705, 3549770)
# Four headings whose text was lost in the seed (I.1.7, I.1.8, I.2, I.3): their bookmarks are missing too.
LOST_HEADINGS = {3549716, 3549717, 3549718, 3549719}


def _toc(path: Path = METHODOLOGY / "seed-toc.yaml") -> SeedToc:
    return SeedToc.model_validate(read_yaml(path).data)


def _render(catalogue_dir: Path):
    catalogue = load_or_raise(catalogue_dir)
    return render_methodology(catalogue.root, template_context(catalogue))


@pytest.fixture(scope="module")
def real():
    return _render(DEFAULT_CATALOGUE)


def test_every_chapter_of_the_seed_toc_is_mapped_once() -> None:
    mapped = [c.toc for c in _toc().nodalas]
    assert sorted(mapped) == list(TOC_BOOKMARKS)
    assert len(mapped) == len(set(mapped))


def test_the_mapping_matches_the_seed_headings() -> None:
    folder = seeds_folder()
    if folder is None:
        pytest.skip("the seed methodology is not on this machine")
    lines = (folder / SEED_METHODOLOGY).read_text(encoding="utf-8").splitlines()
    in_seed = {int(n) for n in re.findall(r"_Toc(35497\d\d)\]", "\n".join(lines))}
    assert in_seed == set(TOC_BOOKMARKS) - LOST_HEADINGS
    for chapter in _toc().nodalas:
        if chapter.toc in LOST_HEADINGS:
            continue
        assert f"_Toc{chapter.toc}]" in lines[chapter.sakums - 1], f"{chapter.nr}: L{chapter.sakums}"


def test_every_mapped_page_is_a_listed_site_page(real) -> None:
    listed = {p.file for p in pages(real.nav)}
    for chapter in _toc().nodalas:
        assert chapter.lapa in real.pages, chapter.nr
        assert chapter.lapa in listed, chapter.nr


def test_the_introduction_lists_every_chapter_with_its_page(real) -> None:
    intro = real.pages["ievads.md"]
    titles = {p.file: p.title for p in pages(real.nav)}
    for chapter in _toc().nodalas:
        assert f"| {chapter.nr} | {chapter.virsraksts}" in intro
        assert f"[{titles[chapter.lapa]}]({chapter.lapa})" in intro


def test_a_chapter_whose_page_is_not_in_the_navigation_stops_the_build(catalogue_copy: Path) -> None:
    toc = catalogue_copy / "metodika" / "seed-toc.yaml"
    (catalogue_copy / "metodika" / "jauna-lapa.md").write_text("# Jauna lapa\n", encoding="utf-8")
    text = toc.read_text(encoding="utf-8").replace("lapa: riski.md", "lapa: jauna-lapa.md")
    toc.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "jauna-lapa.md" in s)
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_copy)
    shown = [p.format() for p in err.value.problems]
    assert any(f"seed-toc.yaml:{line}:" in s and "jauna-lapa.md nav navigācijā" in s for s in shown), shown


def test_a_chapter_naming_a_missing_page_stops_the_build(catalogue_copy: Path) -> None:
    toc = catalogue_copy / "metodika" / "seed-toc.yaml"
    toc.write_text(toc.read_text(encoding="utf-8").replace("lapa: kvalitate.md", "lapa: nav-tadas.md"),
                   encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_copy)
    assert any("lapa nav-tadas.md nav atrasta" in p.message for p in err.value.problems)


def test_overlapping_chapters_are_reported(catalogue_copy: Path) -> None:
    toc = catalogue_copy / "metodika" / "seed-toc.yaml"
    toc.write_text(toc.read_text(encoding="utf-8").replace("sakums: 272, beigas: 358", "sakums: 260, beigas: 358"),
                   encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_copy)
    assert any("I.1.1 un I.1.2" in p.message and p.path and p.path.name == "seed-toc.yaml"
               for p in err.value.problems)


def test_chapter_of_a_source_line() -> None:
    chapters = _toc().nodalas
    assert chapter_of(chapters, "Metodika L797").nr == "I.3.2"
    assert chapter_of(chapters, "Metodika L1579, L1600").nr == "II.7"
    assert chapter_of(chapters, "LM informatīvais materiāls (S000)") is None


# --- the country comparison and the figures --------------------------------------------------------


def test_the_comparison_table_shows_every_country_from_the_data(real) -> None:
    page = real.pages["arvalstu-pieredze.md"]
    countries = read_yaml(METHODOLOGY / "valstis.yaml").data["valstis"]
    assert len(countries) == 6
    for c in countries:
        rows = [line for line in page.splitlines() if line.startswith(f"| [{c['nosaukums']}]({c['lapa']})")]
        assert len(rows) == 2  # one row in each of the two comparison tables
        for field in ("ieviests", "berni", "kas_lemj", "apmers", "ko_var_pirkt", "kontrole"):
            assert any(f"| {c[field]} |" in row for row in rows), (c["id"], field)
        assert c["lapa"] in real.pages


def test_changing_a_country_answer_changes_the_table(catalogue_copy: Path) -> None:
    path = catalogue_copy / "metodika" / "valstis.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('kas_lemj: "Pašvaldība"',
                                                             'kas_lemj: "Pašvaldības sociālais dienests"'),
                    encoding="utf-8")
    page = _render(catalogue_copy).pages["arvalstu-pieredze.md"]
    assert "| Pašvaldības sociālais dienests |" in page


def test_a_figure_shown_in_text_comes_from_the_data(catalogue_copy: Path) -> None:
    assert "izvērtēja bērnu" in _render(catalogue_copy).pages["di-izvertejums.md"]
    path = catalogue_copy / "metodika" / "skaitli.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("di_komandas: {vertiba: 11,", "di_komandas: {vertiba: 12,"),
                    encoding="utf-8")
    assert "gada jūnijam 12 speciālistu komandas" in _render(catalogue_copy).pages["di-izvertejums.md"]


def test_a_table_whose_total_disagrees_with_its_rows_is_reported_with_its_line(catalogue_copy: Path) -> None:
    path = catalogue_copy / "metodika" / "skaitli.yaml"
    text = path.read_text(encoding="utf-8").replace("kopa: {veidi: 243}", "kopa: {veidi: 244}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_copy)
    (problem,) = err.value.problems
    assert problem.path is not None and problem.path.name == "skaitli.yaml"
    assert "243" in problem.message and "244" in problem.message
    assert text.splitlines()[problem.line - 1].strip().startswith("di_pakalpojumu_jomas")


def test_a_country_without_its_page_is_reported(catalogue_copy: Path) -> None:
    (catalogue_copy / "metodika" / "valsts-somija.md").unlink()
    nav = catalogue_copy / "metodika" / "nav.yaml"
    nav.write_text(nav.read_text(encoding="utf-8").replace(
        "    - {fails: valsts-somija.md, virsraksts: Somija}\n", ""), encoding="utf-8")
    toc = catalogue_copy / "metodika" / "seed-toc.yaml"
    toc.write_text(toc.read_text(encoding="utf-8").replace("lapa: valsts-somija.md", "lapa: arvalstu-pieredze.md"),
                   encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        _render(catalogue_copy)
    assert [p.message for p in err.value.problems] == ["lapa valsts-somija.md nav atrasta"]


def test_the_data_tables_render_their_totals(real) -> None:
    page = real.pages["di-izvertejums.md"]
    assert "| Latgales | 18 | 392 |" in page
    assert "| **Kopā** | – | **1\u00a0811** |" in page
    assert "Avots: metodikas I.3.2. nodaļa" in page
