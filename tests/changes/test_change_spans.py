"""`ibm changes` dates its advice per change span and by what a plan of the round can reach (D336): an item raised
and lowered back (or a ceiling lowered and raised back) tells the plans of the first span to shorten to its last day
and the plans of the last span that their values are the old ones; a change on the round's first day tells no plan
to shorten to the day before (none of the round starts earlier) but that collect refuses an unmigrated matrix; a
change after the round's last period says no filled matrix uses it."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report
from generator.lvformat import date
from generator.ministry.rule_names import RULE_NAMES
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import PROCEDURES
from tests.round_yaml import catalogue_with_round, children_round_entry

D = dt.date
FIRST, LAST = D(2026, 10, 1), D(2027, 9, 30)  # the round's services (two six-month reporting periods)
GROUP = "grupu-nodarbibu-griesti"


def _price(target: Path, name: str, day: dt.date, amount: Decimal) -> None:
    path = target / "prices" / f"{name}.yaml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n  - effective_from: {day.isoformat()}\n"
                    f"    kind: ceiling\n    amount: {amount}\n    source: \"{LM_DOCUMENT}\"\n"
                    "    status: apstiprināts\n", "utf-8")


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    target = tmp_path_factory.mktemp("d336-changes") / "v0"
    entry = children_round_entry("berni-2026", "Izdomāta kārta", D(2026, 9, 1), D(2027, 10, 31),
                                 services=(FIRST, LAST), procedures=PROCEDURES)
    catalogue_with_round(target, entry)
    _price(target, "2.1", D(2026, 9, 1), Decimal("5.50"))
    return load_or_raise(target)


def _variant(old: Catalogue, name: str, *entries: tuple[str, dt.date, Decimal]) -> Catalogue:
    target = old.root.parent / name
    if not target.exists():
        shutil.copytree(old.root, target)
        for entry in entries:
            _price(target, *entry)
    return load_or_raise(target)


def _affects(old: Catalogue, new: Catalogue) -> str:
    text = change_report(diff_catalogues(old, new), new, None, day=D(2026, 9, 15))
    return text.split("## Ko tas ietekmē", 1)[1]


def test_raised_and_lowered_back_is_advised_per_span(old: Catalogue) -> None:
    held = old.price_by_service["2.1"].at(FIRST).amount
    new = _variant(old, "s1a", ("2.1", D(2027, 1, 1), held + Decimal("0.50")), ("2.1", D(2027, 3, 1), held))
    said = _affects(old, new)
    first = next(line for line in said.splitlines() if line.startswith("  - plāni, kas sākas 01.01.2027–28.02.2027"))
    assert "jāpārskata" in first and "jāsaīsina līdz 28.02.2027" in first and "01.03.2027 vai vēlāk" in first, first
    assert RULE_NAMES["prices_not_in_force"] in first, first
    back = next(line for line in said.splitlines() if line.startswith("  - plāni, kas sākas 01.03.2027 vai vēlāk"))
    assert "tādas pašas kā līdz 31.12.2026" in back and "nav jāpārskata" in back, back
    review = next(line for line in said.splitlines() if line.startswith("- Atbalsta plāni"))
    assert "posmā, kurā vērtības atšķiras" in review, review


def test_a_ceiling_lowered_and_raised_back_is_advised_per_span(old: Catalogue) -> None:
    held = old.price_by_id[GROUP].at(FIRST).amount
    new = _variant(old, "s1b", (GROUP, D(2026, 12, 1), held - Decimal("3.00")), (GROUP, D(2027, 2, 1), held))
    said = _affects(old, new)
    assert "  - plāni, kas sākas 01.12.2026–31.01.2027: jāpārskata" in said, said
    assert "jāsaīsina līdz 31.01.2027" in said and "  - plāni, kas sākas 01.02.2027 vai vēlāk: vērtības ir tādas " \
        "pašas kā līdz 30.11.2026" in said, said


def test_a_change_on_the_rounds_first_day_shortens_no_plan(old: Catalogue) -> None:
    new = _variant(old, "s3firstlow", ("2.1", FIRST, old.price_by_service["2.1"].at(FIRST).amount - Decimal("0.30")))
    said = _affects(old, new)
    before = date(FIRST - dt.timedelta(days=1))
    assert f"plāns jāsaīsina līdz {before}" not in said, said
    matrices = next(line for line in said.splitlines() if line.startswith("- IBM matricas"))
    assert (f"Neviens agrāk sācies plāns šo izmaiņu nešķērso: {before} nav nevienā bērnu programmas kārtas pārskata "
            "periodā") in matrices and "neviens plāns nav jāsaīsina" in matrices, matrices
    assert (f"Nepārnestai matricai, kuras plāns sākas {date(FIRST)} vai vēlāk un tajā ir kāda no skartajām "
            f"pozīcijām, `ibm collect` rāda kļūdu „{RULE_NAMES['prices_not_in_force']}”") in matrices, matrices


def test_a_change_after_the_round_reaches_no_filled_matrix(old: Catalogue) -> None:
    day = LAST + dt.timedelta(days=1)
    new = _variant(old, "s3after", ("2.1", day, old.price_by_service["2.1"].at(FIRST).amount + Decimal("0.20")))
    said = _affects(old, new)
    matrices = next(line for line in said.splitlines() if line.startswith("- IBM matricas"))
    assert f"neviena aizpildīta matrica šīs izmaiņas neizmanto: no {date(day)}" in matrices, matrices
    assert "jāsaīsina" not in said and "- Atbalsta plāni" not in said, said


def test_a_mid_month_change_shortens_to_a_months_end(old: Catalogue) -> None:
    """D351: a period ends on a month's last day (D93), so a change on the 15th shortens a plan to the end of the month
    before, never to the 14th, and a plan starting in the change's month before it is told to start on the change
    day or later – in the single change's advice and per span (raised mid-month, lowered back mid-month)."""
    held = old.price_by_service["2.1"].at(FIRST).amount
    once = _affects(old, _variant(old, "s4mid", ("2.1", D(2027, 1, 15), held + Decimal("0.39"))))
    matrices = next(line for line in once.splitlines() if line.startswith("- IBM matricas"))
    assert "jāsaīsina līdz 14.01.2027" not in once, once
    assert ("pārskats: plāns jāsaīsina līdz 31.12.2026; plāns, kas sākas no 01.01.2027 līdz 14.01.2027, vienmēr "
            "ietver arī 15.01.2027 (periods beidzas mēneša pēdējā dienā), tāpēc tāds plāns jāsāk 15.01.2027 vai vēlāk "
            "ar tās dienas matricu.") in matrices, matrices
    spans = _affects(old, _variant(old, "s4spans", ("2.1", D(2027, 1, 15), held + Decimal("0.39")),
                                   ("2.1", D(2027, 3, 10), held)))
    first = next(line for line in spans.splitlines() if line.startswith("  - plāni, kas sākas 15.01.2027–09.03.2027"))
    assert ": plāns jāsaīsina līdz 28.02.2027; plāns, kas sākas no 01.03.2027 līdz 09.03.2027, vienmēr ietver arī " \
        "10.03.2027" in first and "jāsaīsina līdz 09.03.2027" not in spans, first
