"""Every document's <main> of audit41's two pilot municipalities, built today, and its plain text – shared by the
clause tests (test_audit41_clauses, test_parent_term_and_appeal); import the fixture into the module that uses it."""

from __future__ import annotations

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise


def body_text(html: str) -> str:
    return normalise(parse(html).text())


@pytest.fixture(scope="module", name="bodies")
def pilot_bodies(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """Every document's <main> of two pilot municipalities, built today (names still blanks, no round)."""
    return {m: {d.spec.id: d.body for d in render_municipality(catalogue, catalogue.municipality(m))}
            for m in ("valmiera", "jelgava")}
