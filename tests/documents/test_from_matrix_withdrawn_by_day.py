"""D342 for the papers (`ibm documents --from-matrix`), as tests/ministry/test_collect_withdrawn_by_day.py proves it of
collect: a matrix dated inside a withdrawal's gap – 2.1's regulated price „apstiprināts”, put back to „jāprecizē” at the
same amount, later confirmed again, the matrix's prices day between the two. On its own day the matrix has the ceiling
„jāprecizē”, yet the papers' list of what to check (parskats.txt and the screen) does not call it „vēl jāprecizē”: it
says, in collect's words, that it was confirmed and is „jāprecizē” again from the withdrawal's day, the matrix's own
day too – of a line keeping the catalogue's price and of one with the provider's own price alike. Made after the
confirmation again, the papers warn of nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.signing import no_price_under_ceiling, own_ceiling
from generator.lvformat import date as lv_date
from generator.reference.findings import Finding, Severity
from generator.reference.lines import line_from_offer
from generator.reference.rules import unconfirmed_why, withdrawn_by_why
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    MUNICIPALITIES,
    PRICE_WITHDRAWN,
    REGULATED,
    price_reconfirmed_catalogue,
)

pytestmark = pytest.mark.usefixtures("pdf_stand_ins")  # the list of what to check is the subject, not the PDF
RECONFIRMED = dt.date(2027, 3, 15)  # 2.1's price „apstiprināts” again at the same amount
GAP_DAY = dt.date(2027, 3, 1)  # the matrix's prices day: withdrawn since PRICE_WITHDRAWN, not confirmed again yet
WITHDRAWN = (f"tie bija apstiprināti, bet katalogā ar to pašu apmēru no {lv_date(PRICE_WITHDRAWN)} atkal ir „jāprecizē”, "
             "arī matricas cenu dienā")


@pytest.fixture(scope="module")
def gap(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """Two matrices of GAP_DAY with 2.1: one keeping the catalogue's own price, one with the provider's (lower)."""
    root = tmp_path_factory.mktemp("d342-papers")
    catalogue = price_reconfirmed_catalogue(root / "catalogue", RECONFIRMED)
    template = write_workbook(catalogue, root / "veidne.xlsx", None, GAP_DAY)
    offer = {o.id: o for o in catalogue.offers(GAP_DAY)}[REGULATED]
    assert offer.ceiling_status.value == "jāprecizē" and offer.prefill_price is not None, offer
    children = []
    for i, (municipality, price) in enumerate(zip(MUNICIPALITIES, (offer.prefill_price, Decimal("4.00")),
                                                  strict=True)):
        line = line_from_offer(offer, 10, unit_price=price, planned_units=(10,))  # one month: the period ends 31.03
        inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1 + i), period_start=GAP_DAY, months=1,
                                special_care=False, impairment="multipli", lines=(line,), base=None)
        people = People(child_name=f"Ilze Paraugs {i + 1}", child_code=f"{1 + i:02d}0619-2{i:04d}",
                        parent_name=f"Jānis Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={REGULATED: "SIA Sniedzējs 1"})
        children.append(Child(i, municipality, people, inputs))
    write_children(catalogue, template, children, root / "in", by_municipality=False)
    return catalogue, root


def _papers(root: Path, catalogue_dir: Path, day: dt.date, name: str) -> tuple[list[str], str]:
    """parskats.txt of each matrix (in file order) and the console, the papers made on ``day``."""
    out = root / name
    run = CliRunner().invoke(main, ["documents", "--catalogue", str(catalogue_dir), "--from-matrix", str(root / "in"),
                                    "--out", str(out), "--day", lv_date(day)], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    reports = [(folder / "parskats.txt").read_text("utf-8") for folder in sorted(out.iterdir()) if folder.is_dir()]
    assert len(reports) == 2, reports
    return reports, normalise(run.output)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_papers_inside_the_gap_say_withdrawn_not_yet_unconfirmed(gap: tuple[Catalogue, Path]) -> None:
    """Fails on the old code: the checklist said „(katalogā vēl jāprecizē normatīvajā aktā …)” of the provider's own
    price and, of the catalogue's, „(matricas cenu dienā tā bija apstiprināta …)” – a day it was not."""
    _, root = gap
    reports, output = _papers(root, root / "catalogue", GAP_DAY + dt.timedelta(days=4), "out")
    own, providers = (r for r in sorted(reports, key=lambda r: "nevis sniedzēja cena" not in r))
    for said in (own, providers, output):
        assert "vēl jāprecizē" not in said and "matricas cenu dienā tā bija" not in said, said
    day = lv_date(PRICE_WITHDRAWN)
    assert (f"cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena (tā bija apstiprināta, bet katalogā ar to "
            f"pašu apmēru no {day} atkal ir „jāprecizē”, arī matricas cenu dienā), nevis sniedzēja cena, tāpēc "
            "dokumentos tā un no tās atkarīgās summas ir tukšas vietas, līdz Labklājības ministrija atkal "
            "apstiprina cenu, kas ir spēkā plāna periodā ") in own, own  # the plan's days, as VISPIRMS (D359)
    assert f"cenas griesti nav apstiprināti ({WITHDRAWN}); pārbaudiet, vai sniedzēja cena tos nepārsniedz" in providers, \
        providers
    assert providers.count(WITHDRAWN) == 1, providers  # one warning, with its place in the matrix
    line = next(line for line in providers.splitlines() if WITHDRAWN in line)
    assert "6.8. tabula" in line or "6.3. tabula" in line, line


def test_papers_after_the_confirmation_again_warn_of_nothing(gap: tuple[Catalogue, Path]) -> None:
    _, root = gap
    reports, output = _papers(root, root / "catalogue", RECONFIRMED, "after")
    for said in (*reports, output):
        assert "cenas griesti nav apstiprināti" not in said and "atkal ir „jāprecizē”" not in said, said


def test_a_line_without_a_price_under_a_withdrawn_ceiling_says_it_alike() -> None:
    """The sentence of a line without a price (D313) keeps the warning's reason: withdrawn by the matrix's day (D342)
    or after it (D302), never „vēl jāprecizē” of a ceiling that was confirmed."""
    since = dt.date(2027, 2, 15)
    head = "2.1 Pavadonis"
    plain = Finding("ceiling_unconfirmed", Severity.warning, f"{head}: cenas griesti nav apstiprināti "
                    f"{unconfirmed_why()}; pārbaudiet, vai sniedzēja cena tos nepārsniedz.", (0,))
    by_day = Finding("ceiling_unconfirmed", Severity.warning, plain.message.replace(unconfirmed_why(),
                                                                                   withdrawn_by_why(since)),
                     (0,), withdrawn_from=since)
    said = own_ceiling(by_day, frozenset(), frozenset({0}), params_day=GAP_DAY).message
    assert said == head + no_price_under_ceiling(since, by_matrix_day=True) and "vēl" not in said, said
    assert f"({WITHDRAWN})." in said, said
    after = own_ceiling(by_day, frozenset(), frozenset({0}), params_day=since - dt.timedelta(days=1)).message
    assert "(matricas cenu dienā tie bija apstiprināti, bet katalogā ar to pašu apmēru no 15.02.2027 atkal ir " \
           "„jāprecizē”)." in after, after
    assert own_ceiling(plain, frozenset(), frozenset({0}), params_day=GAP_DAY).message.endswith(
        "(katalogā tie vēl jāprecizē).")
