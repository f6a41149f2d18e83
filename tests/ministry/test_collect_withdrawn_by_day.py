"""D342: a matrix dated inside a withdrawal's gap – 2.1's regulated price „apstiprināts”, put back to „jāprecizē” at the
same amount, later confirmed again, and the matrix's prices day between the two. On its own day the matrix has the
price „jāprecizē”, yet collect does not call it „vēl neapstiprinātā” (never confirmed): the warning, the summary's
sentence of the kept catalogue price and the console's count say it was confirmed and is „jāprecizē” again from the
withdrawal's day, the matrix's own day too. Collected after the confirmation again, the line has no warning. The same
of B: the provisional reason says it was confirmed and is „jāprecizē” again from its day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import date as lv_date
from generator.ministry.ceiling_advice import ceiling_advice
from generator.ministry.collect import Options, collect
from generator.ministry.command import _own_open_prices
from generator.ministry.final_status import base_status_words, ceiling_warnings
from generator.reference.lines import line_from_offer
from generator.reference.plan_changes import base_withdrawn_by, items_withdrawn_by
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    MUNICIPALITIES,
    PRICE_WITHDRAWN,
    REGULATED,
    price_reconfirmed_catalogue,
    reconfirmed_catalogue,
)

KEY = b"d342-withdrawn-by-day-test-key-0123456789"
RECONFIRMED = dt.date(2027, 3, 15)  # 2.1's price „apstiprināts” again at the same amount
GAP_DAY = dt.date(2027, 3, 1)  # the matrix's prices day: withdrawn since PRICE_WITHDRAWN, not confirmed again yet


@pytest.fixture(scope="module")
def gap(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    root = tmp_path_factory.mktemp("d342-gap")
    catalogue = price_reconfirmed_catalogue(root / "catalogue", RECONFIRMED)
    template = write_workbook(catalogue, root / "veidne.xlsx", None, GAP_DAY)
    offer = {o.id: o for o in catalogue.offers(GAP_DAY)}[REGULATED]
    assert offer.ceiling_status.value == "jāprecizē" and offer.prefill_price is not None, offer
    children = []
    for i, municipality in enumerate(MUNICIPALITIES):  # each line keeps the catalogue's own price
        line = line_from_offer(offer, 10, unit_price=offer.prefill_price, planned_units=(5, 5))
        inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1 + i), period_start=GAP_DAY, months=2,
                                special_care=False, impairment="multipli", lines=(line,), base=None)
        people = People(child_name=f"Ilze Paraugs {i + 1}", child_code=f"010619-2{i:04d}",
                        parent_name=f"Jānis Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={REGULATED: "SIA Sniedzējs 1"})
        children.append(Child(i, municipality, people, inputs))
    write_children(catalogue, template, children, root / "in")
    return catalogue, root / "in"


def _folder(root: Path, catalogue: Catalogue, day: dt.date, item: str) -> Path:
    """Two matrices of prices ``day``, each plan of two months from it with ``item`` (its prefilled price, if any)."""
    template = write_workbook(catalogue, root / "veidne.xlsx", None, day)
    offer = {o.id: o for o in catalogue.offers(day)}[item]
    children = []
    for i, municipality in enumerate(MUNICIPALITIES):
        line = line_from_offer(offer, 10, unit_price=offer.prefill_price or Decimal(18), planned_units=(5, 5))
        inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1 + i), period_start=day, months=2,
                                special_care=False, impairment="multipli", lines=(line,), base=None)
        people = People(child_name=f"Ilze Paraugs {i + 1}", child_code=f"010619-2{i:04d}",
                        parent_name=f"Jānis Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={item: "SIA Sniedzējs 1"})
        children.append(Child(i, municipality, people, inputs))
    write_children(catalogue, template, children, root / "in")
    return root / "in"


def test_the_withdrawal_s_day_is_known_for_the_matrix_s_day(gap: tuple[Catalogue, Path]) -> None:
    catalogue, _ = gap
    assert items_withdrawn_by(catalogue, GAP_DAY) == {REGULATED: PRICE_WITHDRAWN}
    assert items_withdrawn_by(catalogue, PRICE_WITHDRAWN - dt.timedelta(days=1)) == {}  # confirmed that day
    assert REGULATED not in items_withdrawn_by(catalogue, RECONFIRMED)  # confirmed again


def test_collect_inside_the_gap_says_withdrawn_not_yet_unconfirmed(gap: tuple[Catalogue, Path]) -> None:
    catalogue, folder = gap
    result = collect(folder, catalogue, KEY, Options(jobs=1, day=GAP_DAY + dt.timedelta(days=4)))
    found = [(r, f) for r in result.records for f in ceiling_warnings(r)]
    assert len(found) == 2, found
    day = lv_date(PRICE_WITHDRAWN)
    for record, finding in found:
        assert finding.withdrawn_from == PRICE_WITHDRAWN, finding
        assert "vēl" not in finding.message, finding.message
        assert (f"cenas griesti nav apstiprināti (tie bija apstiprināti, bet katalogā ar to pašu apmēru no {day} "
                "atkal ir „jāprecizē”, arī matricas cenu dienā)") in finding.message, finding.message
        said = ceiling_advice(record, finding, catalogue)
        assert "vēl" not in said, said
        assert (f"cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena (tā bija apstiprināta, bet katalogā ar "
                f"to pašu apmēru no {day} atkal ir „jāprecizē”, arī matricas cenu dienā), nevis sniedzēja cena: bērna "
                "N balstās uz cenu, kas atkal nav apstiprināta") in said, said
    after = collect(folder, catalogue, KEY, Options(jobs=1, day=RECONFIRMED))
    assert not [f for r in after.records for f in ceiling_warnings(r)]


def test_the_console_count_says_it_of_the_matrix_s_day() -> None:
    gap_only = _own_open_prices(2, 2, withdrawn=2, by_day=2)
    assert gap_only.startswith(" (visās ir pati kataloga cena, kas bija apstiprināta, bet jau matricas cenu dienā "
                               "atkal nav apstiprināta, nevis sniedzēja cena"), gap_only
    mixed = _own_open_prices(2, 2, withdrawn=2, by_day=1)
    assert "cena, kas bija apstiprināta, bet atkal nav apstiprināta" in mixed and "vēl" not in mixed, mixed
    assert "matricas cenu dienā bija apstiprināta" in _own_open_prices(1, 1, withdrawn=1)  # after the day (D334)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_b_withdrawn_by_the_matrix_s_day_is_said_so(tmp_path: Path) -> None:
    """B „apstiprināts”, withdrawn at the same amount on BASE_WITHDRAWN and confirmed again on BASE_RECONFIRMED; the
    matrices' prices day between: the provisional reason says B was confirmed and is „jāprecizē” again from the
    withdrawal's day, the matrix's day too – not only that it is „jāprecizē” on the matrix's day."""
    catalogue = reconfirmed_catalogue(tmp_path / "catalogue")
    day = BASE_WITHDRAWN + dt.timedelta(days=9)
    assert base_withdrawn_by(catalogue, day) == BASE_WITHDRAWN
    assert base_withdrawn_by(catalogue, BASE_WITHDRAWN - dt.timedelta(days=1)) is None  # confirmed then
    assert base_withdrawn_by(catalogue, BASE_RECONFIRMED) is None
    folder = _folder(tmp_path, catalogue, day, "3.1.3i")
    result = collect(folder, catalogue, KEY, Options(jobs=1, day=day + dt.timedelta(days=2)))
    assert result.provisional is not None
    assert (f"bāzes apmērs B katalogā bija apstiprināts, taču ar to pašu apmēru atkal ir „jāprecizē” no "
            f"{lv_date(BASE_WITHDRAWN)}, arī matricas cenu dienā, tāpēc galīgie apmēri ir provizoriski"
            ) in result.provisional, result.provisional
    after = collect(folder, catalogue, KEY, Options(jobs=1, day=BASE_RECONFIRMED))
    assert after.provisional is None, after.provisional


def test_each_kind_of_unconfirmed_b_is_said_once() -> None:
    from types import SimpleNamespace

    records = [SimpleNamespace(code=c) for c in ("a", "b", "c")]
    plain, gone, by_day = "ir „jāprecizē”", {"c": dt.date(2027, 3, 1)}, {"b": dt.date(2027, 2, 1)}
    said = base_status_words(records, plain, gone, by_day)  # type: ignore[arg-type]
    assert said == ("ir „jāprecizē” vai bija apstiprināts, taču ar to pašu apmēru atkal ir „jāprecizē” no 01.02.2027, "
                    "arī matricas cenu dienā vai bija apstiprināts matricas cenu dienā, taču ar to pašu apmēru atkal "
                    "ir „jāprecizē” no 01.03.2027"), said
    assert base_status_words(records[:1], plain, gone, by_day) == plain  # type: ignore[arg-type]
