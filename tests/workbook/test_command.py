"""`ibm matrix` and the build step that writes build/lejupielades/matrica/."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.reference.plan_changes import PlanChange
from generator.workbook import command
from generator.workbook.command import _quiet, validity
from generator.workbook.names import NamedValues
from generator.workbook.render import FOLDER, render_workbooks
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    GROUP_CHANGE,
    ceiling_withdrawn_catalogue,
    changes_catalogue,
    reconfirmed_catalogue,
    withdrawn_catalogue,
)
from tests.round_yaml import children_round_entry


def test_matrix_for_a_municipality(tmp_path: Path, catalogue: Catalogue) -> None:
    out = tmp_path / "liepaja.xlsx"
    result = CliRunner().invoke(main, ["matrix", "--municipality", "liepaja", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Uzrakstīts" in result.output
    values = NamedValues(out, formulas=True)
    assert values["Pasvaldiba"] == "liepaja"
    # the console shows the version as a person reads it; the workbook keeps the raw id; the prices hold as 6.11
    # says (B7…B8, audit27 F7), and the plans the matrix takes start by the round's services end (audit21 F3)
    start, until = values["Parametru_Datums"], values["Parametru_Lidz"]
    services_end = catalogue.round_at(Pilot.children, start).services_end
    assert until > services_end  # the catalogue's next change is after the round: both dates are said
    assert (f"(veidnes versija {lvformat.version(values['IBM_Versija'])}; cenas un parametri spēkā {lvformat.date(start)}"
            f"–{lvformat.date(until)}; matrica der plāniem, kuru pirmā diena ir no {lvformat.date(start)} līdz kārtas "
            f"pakalpojumu beigām {lvformat.date(services_end)}).") in result.output, result.output


def test_validity_inside_a_round_with_a_price_change(catalogue: Catalogue, tmp_path: Path) -> None:
    """A (test) round over the whole year of a price change: its first matrix's prices end before its services
    (one range, as 6.11 B7…B8); the matrix of the change holds past the round (both said). A matrix of the last
    change, in no round, has no known end (6.11's empty B8)."""
    change = max(d for d in catalogue.effective_dates() if d.year in catalogue.holiday_years)
    start, end = change.replace(month=1, day=1), change.replace(month=12, day=31)
    assert start < change and all(r.services_end < start for r in catalogue.rounds_of(Pilot.children))
    shutil.copytree(DEFAULT_CATALOGUE, tmp_path / "catalogue")
    rounds = tmp_path / "catalogue" / "rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + children_round_entry("berni-testa", "Testa kārta", start,
                                                                              end), encoding="utf-8")
    changed = load_or_raise(tmp_path / "catalogue")
    before, after = changed.prices_until(start), changed.prices_until(change)
    assert before is not None and before < end and after is not None and after > end
    assert validity(changed, start) == f"cenas un parametri spēkā {lvformat.date(start)}–{lvformat.date(before)}"
    assert validity(changed, change) == (
        f"cenas un parametri spēkā {lvformat.date(change)}–{lvformat.date(after)}; matrica der plāniem, kuru pirmā "
        f"diena ir no {lvformat.date(change)} līdz kārtas pakalpojumu beigām {lvformat.date(end)}")
    last = max(catalogue.effective_dates())
    assert catalogue.prices_until(last) is None and catalogue.round_at(Pilot.children, last) is None
    assert validity(catalogue, last) == f"cenas un parametri spēkā no {lvformat.date(last)} (izmaiņas nav zināmas)"


def test_generic_matrix_default_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["matrix"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ibm-matrica.xlsx").is_file()


def test_unknown_municipality(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["matrix", "--municipality", "riga", "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2  # an invalid value (D121)
    assert "Kļūda: --municipality: „riga”" in result.output and "liepaja" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_out_must_be_xlsx(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["matrix", "--out", str(tmp_path / "x.ods")])
    assert result.exit_code == 2 and "Kļūda: --out:" in result.output and "nav .xlsx fails" in result.output


def test_build_step_writes_one_workbook_per_pilot_municipality_and_a_generic_one(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    written = render_workbooks(catalogue, tmp_path, progress=lambda _: None)
    names = sorted(p.name for p in written)
    expected = ["ibm-matrica.xlsx"] + [f"ibm-matrica-{m.id}.xlsx" for m in catalogue.pilot_municipalities()]
    assert names == sorted(expected) and len(names) == 11
    assert all(p.parent == tmp_path / FOLDER and p.stat().st_size > 0 for p in written)


def test_the_console_names_a_withdrawal_the_catalogue_knows(tmp_path: Path) -> None:
    """D302: a matrix whose B is confirmed on its day and „jāprecizē” again at the same amount from a later day – no
    change, so the prices' days stay as they are, but the console says from which day the papers made from it print B
    as a blank (as 6.11's note does); a matrix of the withdrawal's day says nothing of it."""

    changed = withdrawn_catalogue(tmp_path / "catalogue")
    said = validity(changed, BASE_CONFIRMED)
    assert said.startswith(f"cenas un parametri spēkā {lvformat.date(BASE_CONFIRMED)}"), said
    assert (f"; ar to pašu apmēru katalogā atkal ir „jāprecizē” programmas parametrs "
            f"„{changed.programme.base_amount.name_lv}” no {lvformat.date(BASE_WITHDRAWN)} – plānu tas neatsaka, bet "
            "dokumentos, ko no šīs matricas izveido no tās dienas, tā vietā ir tukša vieta (6.11. tabulas piezīme, "
            "D302)") in said, said
    assert "jāprecizē" not in validity(changed, BASE_WITHDRAWN)


def test_the_withdrawal_clause_agrees_with_what_is_withdrawn(monkeypatch, catalogue: Catalogue) -> None:  # noqa: ANN001
    """Ceilings („griesti”, plural) are blanks even for one item; withdrawals of several days are said from each
    one's day (review40 §5)."""

    first, second = dt.date(2027, 3, 1), dt.date(2027, 4, 1)
    one_ceiling = (PlanChange(first, "griesti", frozenset({"3.1.3g"})),)
    monkeypatch.setattr(command, "catalogue_withdrawals", lambda *_: one_ceiling)
    said = command.withdrawn_clause(catalogue, dt.date(2027, 1, 1))
    label = next(o.label for o in catalogue.offers(dt.date(2027, 1, 1)) if o.id == "3.1.3g")
    assert f"griesti pozīcijai „{label}” no {lvformat.date(first)}" in said, said  # named, not counted (D323)
    assert "no tās dienas, to vietā ir tukšas vietas" in said, said
    two_days = (PlanChange(first, "B"), PlanChange(second, "griesti", frozenset({"3.1.3g"})))
    monkeypatch.setattr(command, "catalogue_withdrawals", lambda *_: two_days)
    said = command.withdrawn_clause(catalogue, dt.date(2027, 1, 1))
    assert "no attiecīgās dienas, to vietā ir tukšas vietas" in said, said


def test_every_withdrawn_ceiling_is_named(tmp_path: Path) -> None:
    """D323 (audit L5): the console names each 6.8 item whose confirmed ceiling is withdrawn (before: „griesti N
    pozīcijām”), and a ceiling parameter withdrawn while the items it caps are „jāprecizē” anyway (the group sessions'
    ceiling beside an unconfirmed transport part) is said too, with why the papers do not change – not left out of
    the count."""

    changed = ceiling_withdrawn_catalogue(tmp_path / "a")
    said = validity(changed, CEILING_CONFIRMED)
    group = [o.label for o in changed.offers(CEILING_CONFIRMED) if o.id.endswith("g") and o.ceiling is not None]
    assert len(group) > 1 and f"griesti pozīcijām „{group[0]}”" in said, said
    assert all(f"„{label}”" in said for label in group), said
    assert f"no {lvformat.date(CEILING_WITHDRAWN)}" in said and "neko nemaina" not in said, said
    quiet = tmp_path / "b"
    changes_catalogue(quiet)
    path = quiet / "prices" / "grupu-nodarbibu-griesti.yaml"
    later = GROUP_CHANGE + dt.timedelta(days=40)
    path.write_text(path.read_text("utf-8") + f"  - effective_from: {later.isoformat()}\n    kind: ceiling\n"
                    "    amount: 24.00\n    source: \"Testa dati: atsaukts\"\n    status: jāprecizē\n", "utf-8")
    said = validity(load_or_raise(quiet), GROUP_CHANGE)
    name = load_or_raise(quiet).price_by_id["grupu-nodarbibu-griesti"].name_lv
    assert (f"„{name}” no {lvformat.date(later)} (6.8. tabulā tās pozīciju griesti jau tāpat ir „jāprecizē”") in said, said


def test_the_quiet_note_agrees_with_the_count_of_names() -> None:
    """One price parameter's name (a feminine value) is „tās”, both listed are „to” (withdrawn_wording.its)."""

    assert _quiet(1).startswith(" (6.8. tabulā tās pozīciju griesti")
    assert _quiet(2).startswith(" (6.8. tabulā to pozīciju griesti")


def test_the_console_ends_a_withdrawal_confirmed_again(tmp_path: Path) -> None:
    """D330: B withdrawn and confirmed again at the same amount – the console names the days between, as 6.11's note
    does („no … līdz …”), not a blank from the withdrawal on."""

    changed = reconfirmed_catalogue(tmp_path / "catalogue")
    said = validity(changed, BASE_CONFIRMED)
    until = lvformat.date(BASE_RECONFIRMED - dt.timedelta(days=1))
    assert (f"„{changed.programme.base_amount.name_lv}” no {lvformat.date(BASE_WITHDRAWN)} līdz {until} – plānu tas "
            "neatsaka, bet dokumentos, ko no šīs matricas izveido tajās dienās, tā vietā ir tukša vieta") in said, said


def test_the_console_keeps_from_the_day_when_one_withdrawal_has_no_end(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """D330: B confirmed again but a ceiling withdrawn without an end – not „tajās dienās” for both (the ceiling's
    blank has no last day), but „no tās dienas”, as when none is confirmed again."""

    changed = reconfirmed_catalogue(tmp_path / "catalogue")
    base = command.catalogue_withdrawals(changed, BASE_CONFIRMED)[0]
    ceiling = dataclasses.replace(base, what="griesti", items=frozenset({"2.1"}),
                                  spans=((BASE_CONFIRMED, BASE_WITHDRAWN),))
    monkeypatch.setattr(command, "catalogue_withdrawals", lambda *_: (base, ceiling))
    said = command.withdrawn_clause(changed, BASE_CONFIRMED)
    assert "dokumentos, ko no šīs matricas izveido no tās dienas," in said and "tajās dienās" not in said, said
