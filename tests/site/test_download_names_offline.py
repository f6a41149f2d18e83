"""The downloads page says what a page opened from disk (file://) does with a link's ``download`` name (audit40 F13):
a browser ignores it there and saves a municipality's file under the folder's name, so the page names an example
and the folder to take such files from; a page without any renamed file says nothing of it."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.site import downloads
from generator.site.other_pages import render_downloads
from tests.site.conftest import write_pdf

SENTENCE = "Ja vietni atver tieši no datora diska, nevis no tīmekļa servera, pārlūks neievēro nosaukumu"


def _page(root: Path, catalogue: Catalogue, rels: tuple[str, ...]) -> str:
    """The downloads page's Markdown, one space between words, for these (made-up) files under ``root``."""
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(path, "Līgums ar vecāku") if path.suffix == ".pdf" else path.write_bytes(b"[]")
    return " ".join(render_downloads(catalogue, list(downloads.collect(catalogue, root))).split())


def test_the_page_says_a_browser_ignores_the_saved_name_on_a_page_opened_from_disk(tmp_path: Path,
                                                                                   catalogue: Catalogue) -> None:
    page = _page(tmp_path, catalogue, ("lejupielades/dokumenti/ogre/01-ligums-ar-vecaku.pdf",
                                       "lejupielades/dokumenti/daugavpils-novads/01-ligums-ar-vecaku.pdf"))
    about = page.split("## Par datnēm", 1)[1]
    assert SENTENCE in about
    sentence = about[about.index(SENTENCE):].split(".)", 1)[0]
    # the example is a real link's name and the folder's own name, and where to take the files from
    assert "„daugavpils-novads-01-ligums-ar-vecaku.pdf”" in sentence or "„ogre-01-ligums-ar-vecaku.pdf”" in sentence
    assert "saglabā to kā „01-ligums-ar-vecaku.pdf”" in sentence
    assert "`lejupielades/dokumenti/ogre/`" in sentence or "`lejupielades/dokumenti/daugavpils-novads/`" in sentence


def test_no_such_sentence_without_a_renamed_file(tmp_path: Path, catalogue: Catalogue) -> None:
    page = _page(tmp_path, catalogue, ("lejupielades/matrica/ibm-matrica.xlsx", "atvertie-dati/cenas.csv"))
    assert "## Par datnēm" in page
    assert SENTENCE not in page
