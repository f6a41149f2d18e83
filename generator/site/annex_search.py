"""The place of each annex for the site search: the page an annex lives on gets the annex's number in its front
matter (``pielikumi``), from the annex register (catalogue/annexes.yaml), so that "7. pielikums" finds the page of
annex 7 first (generator/site/search_index.py writes the numbers into the search index, the script on the page puts
that page first for a query with the word "pielikums" and the number).

An annex's pages: the IBM matrix page for the matrix's annex (``matrix``), the site page it names (``page``: the
filling guide for 7, the prices for 16–16.9); an annex with neither (a generated document, or one the toolkit does not
make) is a row of the annex register page, which links its files or says why there are none.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.catalogue.annexes import annex_sort_key
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.problems import CatalogueError, Problem
from generator.site import annex_register, paths
from generator.site.nav import front_matter

FIELD = "pielikumi"


def annex_pages(catalogue: Catalogue, pages: set[str]) -> dict[str, list[str]]:
    """Page (its path among the rendered pages, "metodika/matricas-aizpildisana.md") -> the numbers of the annexes that
    live on it, in the register's order; only pages among ``pages``."""
    found: dict[str, list[str]] = {}
    register = catalogue.annexes
    if register is None:
        return found
    for annex in sorted(register.annexes, key=lambda a: annex_sort_key(a.number)):
        places = [p for p in ([paths.WORKBOOK] if annex.matrix else []) + ([annex.page] if annex.page else [])
                  if p in pages]
        for page in places or ([annex_register.PAGE] if annex_register.PAGE in pages else []):
            found.setdefault(page, []).append(annex.number)
    return found


def with_annexes(markdown: str, numbers: list[str], where: str) -> str:
    """The page with ``pielikumi: ["7"]`` in its front matter (a new front matter when it has none). A page whose own
    front matter has the field is an error that names it: the field is written from the annex register only."""
    if FIELD in front_matter(markdown):
        raise CatalogueError([Problem(Path(where), 1, FIELD, "laukam nav jābūt lapas priekšvārdā: vietne to raksta "
                                      "pati no pielikumu reģistra", "catalogue/annexes.yaml lauks page")])
    line = f"{FIELD}: {json.dumps(numbers)}"  # a flow list of strings: "6.10" is no number 6.1
    if markdown.startswith("---\n"):
        return f"---\n{line}\n{markdown[4:]}"
    return f"---\n{line}\n---\n{markdown}"


def extend_pages(catalogue: Catalogue, rendered: dict[str, str], methodology_prefix: str) -> None:
    """Write each annex's number into the front matter of the rendered page it lives on."""
    for page, numbers in annex_pages(catalogue, set(rendered)).items():
        where = f"catalogue/{page}" if page.startswith(methodology_prefix + "/") else page
        rendered[page] = with_annexes(rendered[page], numbers, where)
