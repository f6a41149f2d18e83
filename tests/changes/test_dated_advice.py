"""`ibm changes` with a new round beside new prices (the ministry's usual case), status-only positions, a removed
confirmation entry and the plan days the advice names (D63, D291, D302)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report
from generator.lvformat import date
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    COMPANION_CHANGE,
    ceiling_confirmed_catalogue,
    changes_catalogue,
    unconfirmed_catalogue,
)
from tests.round_yaml import catalogue_with_round, children_round_entry, confirm_base_amount

D = dt.date


def _line(text: str, prefix: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(prefix))


def test_a_new_round_keeps_the_dated_advice_of_the_prices(tmp_path: Path) -> None:
    """H1: a new round with its prices – the matrices' line still names the first plan day, the shortening day and
    that B's confirmation refuses no plan (D291); the round's own advice (every matrix) is a line of its own."""
    old = load_or_raise(DEFAULT_CATALOGUE)
    new = changes_catalogue(tmp_path / "new")  # one more round, its holidays and dated changes
    diff = diff_catalogues(old, new)
    assert diff.rounds and diff.holidays
    text = change_report(diff, new, None, day=D(2026, 8, 1))
    matrices = _line(text, "- IBM matricas (6.8.")
    assert "kuru plāna pirmā diena ir" in matrices and "plāns jāsaīsina līdz" in matrices, matrices
    assert f"„{new.programme.base_amount.name_lv}” no {date(BASE_CONFIRMED)}" in matrices, matrices
    assert "nevienu plānu neatsaka" in matrices, matrices
    calendar = _line(text, "- IBM matricas (6.11.")
    assert "jāpārveido visas aizpildītās matricas" in calendar and "programmas kārtas un svētku dienas" in calendar
    assert _line(text, "- Atbalsta plāni, kas sākas ")
    assert "`ibm fingerprint`" in _line(text, "- Dokumentu termiņi")


def test_status_only_positions_are_not_sent_to_review(tmp_path: Path) -> None:
    """H1b: the group sessions' transport part confirmed at the same amount beside 2.1's new price: the positions
    to review are 2.1's only; the group sessions are named on a line of their own (the papers change, not the sums)."""
    old = changes_catalogue(tmp_path / "old")
    target = tmp_path / "new"
    ceiling_confirmed_catalogue(target)
    day = COMPANION_CHANGE + dt.timedelta(days=14)  # after 2.1's own change
    with (target / "prices" / "2.1.yaml").open("a", encoding="utf-8") as f:
        f.write(f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: 5.80\n"
                '    source: "Testa dati"\n    status: apstiprināts\n')
    new = load_or_raise(target)
    text = change_report(diff_catalogues(old, new), new, None)
    positions = _line(text, "- Pozīcijas (6.8. tabulas rindas): ")
    assert positions.removeprefix("- Pozīcijas (6.8. tabulas rindas): ").split(" ")[0] == "2.1", positions
    assert "3.1.2g" not in positions, positions
    status = _line(text, "- Pozīcijas, kurām mainās tikai")
    codes = [label.split(" ")[0] for label in status.split(": ", 1)[1].split(". Plāna")[0].split("; ")]
    assert "3.1.2g" in codes and "2.1" not in codes and "nav jāpārskata" in status, status
    assert _line(text, "- Atbalsta plāni").startswith(f"- Atbalsta plāni, kas sākas {date(day)} vai vēlāk")
    assert GROUP_TRANSPORT_REDUCTION_ID in text


def test_a_removed_confirmation_is_a_status_change(tmp_path: Path) -> None:
    """H2: B's confirmation entry deleted (B „jāprecizē” again at the same amount): a withdrawal, not „→ nav” and
    not a plan review; a change both versions have (2.1's) is not this diff's."""
    old, new = changes_catalogue(tmp_path / "old"), unconfirmed_catalogue(tmp_path / "new")
    diff = diff_catalogues(old, new)
    (change,) = diff.values
    assert change.withdraws and not change.confirms and change.status == "jāprecizē", change
    text = change_report(diff, new, None, day=D(2026, 8, 1))
    assert "→ nav" not in text and "jāpārskata:" not in text and "tam rāda kļūdu" not in text, text
    assert "jāpārveido" not in _line(text, "- IBM matricas"), text
    assert _line(text, "- Parakstāmie dokumenti")
    collect = _line(text, "- `ibm collect`:")  # F is provisional again from the day
    assert f"savākšanā {date(BASE_CONFIRMED)} vai vēlāk bērnu galīgie apmēri (F), kas balstās uz kataloga B, ir " \
        "„provizorisks”" in collect, collect
    assert date(COMPANION_CHANGE) not in text, text
    backdated = change_report(diff, new, None, day=BASE_CONFIRMED + dt.timedelta(days=2))
    assert "neparakstiet, bet izveidojiet vēlreiz" in backdated, backdated


def test_the_plan_days_are_the_real_changes_within_a_round(tmp_path: Path) -> None:
    """M4: B confirmed before a real price change: the matrices' day is the price's, and the plans whose „spēkā
    līdz” day is new start within the round (not on a catalogue day between the rounds)."""
    services = (D(2026, 10, 1), D(2027, 11, 30))
    entry = children_round_entry("berni-2026", "Izdomāta kārta", D(2026, 9, 1), D(2027, 12, 31), services=services)
    old = catalogue_with_round(tmp_path / "old", entry)
    target = tmp_path / "new"
    shutil.copytree(tmp_path / "old", target)
    confirm_base_amount(target, D(2026, 12, 1))
    with (target / "prices" / "2.1.yaml").open("a", encoding="utf-8") as f:
        f.write('  - effective_from: 2027-01-01\n    kind: ceiling\n    amount: 5.80\n    source: "Testa dati"\n'
                "    status: apstiprināts\n")
    new = load_or_raise(target)
    text = change_report(diff_catalogues(old, new), new, None)
    matrices = _line(text, "- IBM matricas")
    assert "kuru plāna pirmā diena ir 01.01.2027 vai vēlāk" in matrices, matrices
    assert f"ja plāns sākas {date(services[0])} vai vēlāk" in matrices, matrices
