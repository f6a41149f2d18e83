"""D296, D302 end to end: a matrix made while the catalogue confirms B (B „apstiprināts” on its prices day, no B typed
in 6.11), and the ministry then withdrawing the confirmation at the same amount. `ibm documents --from-matrix` on the
withdrawal's day prints no confirmed B anywhere in the parent contract (01) and the grant decision (08) – the provisional
amount's clause has the blank and its note, as P, A and K are blanks – in the PDF and the DOCX alike; the day before,
the same papers print the figure. One notion of the printed B (ChildContext.printed_base) governs every place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.cli import main
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import BASE_CONFIRMED, BASE_WITHDRAWN, withdrawn_catalogue

pytestmark = pytest.mark.slow  # WeasyPrint renders the PDFs of two runs

PAPERS = ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu")
NOTE = "bāzes apmērs vēl nav apstiprināts"
AGAIN = "atkal nav apstiprināts"  # after the withdrawal: unconfirmed again, not yet (D327)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path, Path]:
    """The withdrawn catalogue, and one plan (01.02.–31.03.2027, across the withdrawal) in a matrix of B's confirmation day."""
    root = tmp_path_factory.mktemp("withdrawn-base")
    changed = withdrawn_catalogue(root / "catalogue")
    assert changed.programme.base_amount.at(BASE_CONFIRMED).status is PriceStatus.confirmed
    assert changed.programme.base_amount.at(BASE_WITHDRAWN).status is PriceStatus.to_verify
    template = write_workbook(changed, root / "veidne.xlsx", None, BASE_CONFIRMED)
    offer = {o.id: o for o in changed.offers(BASE_CONFIRMED)}["3.1.3i"]
    line = line_from_offer(offer, 10, unit_price=Decimal("20.00"), planned_units=(5, 5))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=dt.date(2027, 2, 1), months=2,
                            special_care=False, impairment="multipli", lines=(line,), base=None)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.3i": "SIA Izdomātā Terapija"})
    [child] = write_children(changed, template, [Child(0, "valmiera", people, inputs)], root / "in",
                             by_municipality=False)
    return changed, root / "catalogue", child.path


def _papers(matrix: tuple[Catalogue, Path, Path], out: Path, day: dt.date, pdf_text) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """The PDF and DOCX text of 01 and 08 made by the command on ``day``."""
    _, catalogue, path = matrix
    done = CliRunner().invoke(main, ["documents", "--catalogue", str(catalogue), "--from-matrix", str(path),
                                     "--out", str(out), "--day", day.strftime("%d.%m.%Y")],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert done.exit_code == 0, done.output
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    return {name: (normalise(pdf_text(folder / f"{name}.pdf")), docx_text(folder / f"{name}.docx")) for name in PAPERS}


def test_no_withdrawn_b_as_a_figure_in_the_signed_papers(matrix, tmp_path: Path, pdf_text) -> None:  # noqa: ANN001
    changed = matrix[0]
    figure = normalise(lvformat.eur(Decimal(changed.programme.base_amount.at(BASE_CONFIRMED).value)))  # as the texts
    withdrawn = _papers(matrix, tmp_path / "atsaukts", BASE_WITHDRAWN, pdf_text)
    for name, texts in withdrawn.items():
        for kind, text in zip(("PDF", "DOCX"), texts, strict=True):
            assert figure not in text, (name, kind, text)
            assert "no bāzes apmēra ______ EUR" in text and AGAIN in text and NOTE not in text, (name, kind, text)
            assert "Labklājības ministrija ir apstiprinājusi bāzes apmēru" not in text, (name, kind)
    confirmed = _papers(matrix, tmp_path / "apstiprinats", BASE_WITHDRAWN - dt.timedelta(days=1), pdf_text)
    for name, texts in confirmed.items():
        for kind, text in zip(("PDF", "DOCX"), texts, strict=True):
            assert f"no bāzes apmēra {figure}" in text and NOTE not in text and AGAIN not in text, (name, kind, text)
