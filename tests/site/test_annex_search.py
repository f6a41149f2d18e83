"""Where each annex lives for the site search (generator/site/annex_search.py): from the annex register."""

from __future__ import annotations

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.problems import CatalogueError
from generator.site import annex_search
from generator.site.nav import front_matter


def test_each_annex_lives_on_its_page_or_in_the_register(catalogue: Catalogue) -> None:
    pages = {"matrica.md", "pielikumi.md", "cenas.md", "katalogs/index.md"} | {
        a.page for a in catalogue.annexes.annexes if a.page}
    found = annex_search.annex_pages(catalogue, pages)
    where = {n: p for p, numbers in found.items() for n in numbers}
    assert sorted(where, key=str) == sorted((a.number for a in catalogue.annexes.annexes), key=str)  # each once
    for annex in catalogue.annexes.annexes:
        expected = "matrica.md" if annex.matrix else annex.page or "pielikumi.md"
        assert where[annex.number] == expected, annex.number
    # a page the site does not have: the register's row instead
    missing = next(a for a in catalogue.annexes.annexes if a.page and not a.matrix)
    assert missing.number in annex_search.annex_pages(catalogue, pages - {missing.page})["pielikumi.md"]


def test_the_numbers_go_into_the_front_matter_as_text() -> None:
    page = "---\n# komentārs\nkodi: [\"6\"]\n---\n# IBM matrica\n"
    out = annex_search.with_annexes(page, ["6", "16.10"], "matrica.md")
    assert front_matter(out) == {"pielikumi": ["6", "16.10"], "kodi": ["6"]}
    assert out.endswith("# IBM matrica\n")
    plain = annex_search.with_annexes("# Cenas\n", ["16.1"], "cenas.md")
    assert front_matter(plain) == {"pielikumi": ["16.1"]} and plain.endswith("\n# Cenas\n")
    with pytest.raises(CatalogueError, match="pielikumi"):
        annex_search.with_annexes("---\npielikumi: [\"7\"]\n---\n# Lapa\n", ["7"], "catalogue/metodika/lapa.md")
