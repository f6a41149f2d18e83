"""`ibm documents --from-matrix` refuses a matrix whose price is not in whole cents (D87) or which lacks a field a
contract needs (D88): the same checks the matrix counts in Kludas, from the same list (generator/reference/inputs)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.reference.inputs import REQUIRED_PARTIES
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import write_matrices
from tests.ministry.factory import Child, make_children

pytestmark = pytest.mark.slow
BUILD_DAY = "01.01.2018"  # before every plan period of the factory's children: none has ended


def _run(path: Path, out: Path):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", "--from-matrix", str(path), "--out", str(out), "--day", BUILD_DAY],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})


def _subcent(child: Child) -> Child:
    """The child with the first counted line's item priced 0,0012 EUR above its price (four decimals)."""
    offer = next(ln.offer_id for ln in child.inputs.lines if ln.counted)
    lines = tuple(dataclasses.replace(ln, unit_price=ln.unit_price + Decimal("0.0012")) if ln.offer_id == offer else ln
                  for ln in child.inputs.lines)
    return dataclasses.replace(child, index=child.index + 100, inputs=dataclasses.replace(child.inputs, lines=lines))


def _errors(child: Child, catalogue: Catalogue) -> list[str]:
    return [f.code for f in child.result(catalogue).findings if f.severity.value == "kļūda"]


@pytest.fixture(scope="module")
def children(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, Child]:
    folder = tmp_path_factory.mktemp("from-matrix-inputs")
    pool = make_children(catalogue, 30, seed=31)
    good, subcent = next((c, _subcent(c)) for c in pool if _errors(c, catalogue) == []
                         and c.result(catalogue).needed > 0 and _errors(_subcent(c), catalogue) == ["money_cents"])
    nameless = dataclasses.replace(good, index=good.index + 200, people=dataclasses.replace(
        good.people, child_name="", parent_name="  ", social_worker=""))
    written = write_matrices(catalogue, folder, [good, subcent, nameless])
    return dict(zip(("good", "subcent", "nameless"), written, strict=True))


def test_a_clean_matrix_makes_papers(children, tmp_path: Path) -> None:
    result = _run(children["good"].path, tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_a_price_with_four_decimals_is_refused(children, catalogue: Catalogue, tmp_path: Path) -> None:
    child = children["subcent"]
    assert _errors(child, catalogue) == ["money_cents"]
    result = _run(child.path, tmp_path / "out")
    assert result.exit_code == 1, result.output
    text = normalise(result.output)
    assert "sniedzēja cenai (6.8. tabulā) jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata" in text
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_matrix_without_names_is_refused_naming_each_field(children, tmp_path: Path) -> None:
    result = _run(children["nameless"].path, tmp_path / "out")
    assert result.exit_code == 1, result.output
    text = normalise(result.output)
    missing = {"Berns_VardsUzvards", "Vecaks_VardsUzvards", "Socialais_Darbinieks"}
    for party in REQUIRED_PARTIES:
        said = f"{party.label[0].upper()}{party.label[1:]} jābūt aizpildītam" in text
        assert said == (party.name in missing), (party.name, text)
        if said:  # its cell (the reference's place, checked against the template elsewhere) and 6.11's row
            cell = party.where.split()[1]
            assert re.search(rf"\(6\.1\. tabula, {cell} „[^”]+”; 6\.11\. tabulas \d+\. rinda\)", text), text
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))
