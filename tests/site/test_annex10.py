"""The twelve annex-10 financing examples: catalogue data (validated), computed by the reference, equal to
the figures the methodology states, and shown on the examples page."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.catalogue.problems import CatalogueError
from generator.reference.plan import financing
from generator.site import annex10
from tests.site.conftest import BuiltSite, amounts
from tests.site.htmltables import tables


def test_the_twelve_cases_are_those_of_the_methodology() -> None:
    data = annex10.load(DEFAULT_CATALOGUE)
    assert data is not None
    assert data.ib_final == Decimal(800)
    assert len(data.cases) == 12
    grid = {(c.variant, c.needed, c.earlier) for c in data.cases}
    for variant in (1, 2, 3):
        assert {(n, e) for v, n, e in grid if v == variant} == {
            (Decimal(1370), Decimal(900)), (Decimal(1370), Decimal(0)),
            (Decimal(2000), Decimal(900)), (Decimal(500), Decimal(900))}


def test_each_case_computed_by_the_reference_equals_the_stated_figure() -> None:
    data = annex10.load(DEFAULT_CATALOGUE)
    assert data is not None
    result = annex10.compute(data)
    for e in result.examples:
        direct = financing(e.case.needed, data.ib_final, services=e.case.earlier, variant=e.case.variant)
        assert e.computed == direct
        assert (e.computed.ib, e.public, e.computed.total) == (
            e.case.stated.ib, e.case.stated.public, e.case.stated.total), e.case.id
        assert e.matches
        assert e.computed.total <= e.case.needed


def test_examples_page_shows_every_case_next_to_the_stated_figure(built_site: BuiltSite) -> None:
    data = annex10.load(built_site.catalogue.root)
    assert data is not None
    computed = {e.case.id: e for e in annex10.compute(data).examples}
    html = built_site.html("piemeri.html")
    rows = {}
    for table in tables(html):
        if table.header and table.header[0] == "Piemērs":
            for row in table.rows:
                rows[row[0]] = row
    assert set(rows) == set(computed)
    for case_id, row in rows.items():
        e = computed[case_id]
        assert amounts(row[1]) == [e.case.needed]
        assert amounts(row[2]) == [e.case.earlier]
        assert amounts(row[3]) == [e.computed.ib]
        assert amounts(row[4]) == [e.public]
        assert amounts(row[5]) == [e.computed.total]
        assert amounts(row[6]) == [e.case.stated.ib, e.case.stated.public, e.case.stated.total]
        assert "sakrīt" in row[6]
        assert f'data-avots="{e.case.source}"' in html  # the line number only as a data attribute
    assert "L11" not in " ".join(" ".join(r) for r in rows.values())


def test_a_bad_examples_file_names_file_line_and_field(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    (root / "piemeri").mkdir(parents=True)
    source = (DEFAULT_CATALOGUE / annex10.FILE).read_text(encoding="utf-8")
    bad = source.replace('{id: "2.2", variant: 2, needed: 1370', '{id: "2.2", variant: 4, needed: 1370')
    assert bad != source
    (root / annex10.FILE).write_text(bad, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        annex10.load(root)
    problem = info.value.problems[0]
    assert problem.path == root / annex10.FILE
    line = next(i for i, text in enumerate(bad.splitlines(), 1) if '"2.2"' in text)
    assert problem.line == line
    assert "variant" in problem.field
    shutil.rmtree(root / "piemeri")
    assert annex10.load(root) is None
