"""D352: `ibm changes` warns of a new figure that takes effect on or before the report's day while a children's round
that reaches it has begun – its matrices already issued carry the previous figure, and `ibm collect` refuses their
plans (D336). A warning (exit 0), not an error: a ministry's correction dated back is legitimate."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.changes.backdated import EXPECTED
from generator.cli import main
from generator.lvformat import eur
from tests.round_yaml import catalogue_with_round, children_round_entry

D = dt.date
ROUND_NAME = "IBM kārta bērniem 2026–2027"
DAY = "07.12.2026"  # the report's day: the round below began on 01.09.2026, its services on 01.10.2026


def _catalogues(tmp_path: Path, effective_from: dt.date) -> tuple[Path, Path, int]:
    """The catalogue with a running round (old) and the same with a new ceiling of 2.1 from ``effective_from`` (new);
    the line of the new entry's date."""
    old = tmp_path / "old"
    catalogue_with_round(old, children_round_entry("berni-2026", ROUND_NAME, D(2026, 9, 1), D(2027, 12, 31),
                                                   services=(D(2026, 10, 1), D(2027, 9, 30))))
    new = tmp_path / "new"
    shutil.copytree(old, new)
    price = new / "prices" / "2.1.yaml"
    text = price.read_text("utf-8")
    price.write_text(text + f"  - effective_from: {effective_from.isoformat()}\n    kind: ceiling\n    amount: 5.10\n"
                            '    source: "Testa dati: izdomāta jauna cena"\n    status: apstiprināts\n', "utf-8")
    return old, new, text.count("\n") + 1


def _changes(old: Path, new: Path) -> object:
    return CliRunner().invoke(main, ["changes", "--from", str(old), "--to", str(new), "--day", DAY])


def test_a_new_price_dated_before_the_running_round_is_warned_of(tmp_path: Path) -> None:
    """The audit's case: 2026 typed for 2027 – the file, the line, the date and what it does to the round's plans."""
    old, new, line = _catalogues(tmp_path, D(2026, 1, 1))
    result = _changes(old, new)
    assert result.exit_code == 0, result.output
    where = f"{(new / 'prices' / '2.1.yaml').resolve()}:{line}: values 5. ieraksts, effective_from: "
    warned = [w for w in result.stderr.splitlines() if w.startswith(where)]
    assert len(warned) == 1, result.stderr
    assert warned[0] == (
        f"{where}„Pavadoņa pakalpojums (stunda)” jaunā vērtība ({eur(Decimal('5.10'))}) ir spēkā no 01.01.2026, t. i., pirms "
        f"atskaites dienas {DAY}, kad kārta „{ROUND_NAME}” (sākusies 01.09.2026) jau notiek: matricās, kas izsniegtas "
        "ar cenu dienu 01.01.2026 vai vēlāk, ir iepriekšējā vērtība, tāpēc `ibm collect` un `ibm documents "
        "--from-matrix` katram šo matricu plānam, kas izmanto šos griestus, rādīs kļūdu „Cenas plāna periodā nav "
        f"spēkā” (D336), līdz matricu pārnes ar `ibm migrate` (gaidīts: {EXPECTED}) [brīdinājums]"), warned[0]
    bullet = [r for r in result.stdout.splitlines() if r.startswith("- Atpakaļejošs datums")]
    assert bullet == [
        f"- Atpakaļejošs datums (prices/2.1.yaml, {line}. rinda): {warned[0][len(where):].split(' (gaidīts:')[0]}. "
        "Ja datums ir kļūdains (piemēram, gads), izlabojiet to; ja tas ir apzināts labojums, šo kārtu aizpildītās "
        "matricas pārnesiet ar `ibm migrate` (D336, D352)."], result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("day", [D(2027, 1, 1), D(2026, 12, 8)])
def test_a_new_price_after_the_report_day_is_no_warning(tmp_path: Path, day: dt.date) -> None:
    """The intended 2027 change (and one from the day after the report's) is an ordinary change: no warning."""
    old, new, _ = _catalogues(tmp_path, day)
    result = _changes(old, new)
    assert result.exit_code == 0, result.output
    assert "[brīdinājums]" not in result.stderr and "Atpakaļejošs datums" not in result.stdout, result.output


def test_the_report_day_itself_is_warned_of(tmp_path: Path) -> None:
    """A figure in force on the report's day: matrices issued earlier that day carry the previous one."""
    old, new, _ = _catalogues(tmp_path, D(2026, 12, 7))
    result = _changes(old, new)
    assert result.exit_code == 0, result.output
    assert f"ir spēkā no {DAY}, t. i., atskaites dienā {DAY}, kad kārta" in result.stderr, result.stderr


@pytest.mark.parametrize("day", ["31.08.2026", "01.01.2028"])
def test_no_round_running_is_no_warning(tmp_path: Path, day: str) -> None:
    """Before the round begins no matrix of it is issued, and after it ends its matrices are settled: a change dated
    back is an ordinary change of the catalogue's history."""
    old, new, _ = _catalogues(tmp_path, D(2026, 1, 1))
    result = CliRunner().invoke(main, ["changes", "--from", str(old), "--to", str(new), "--day", day])
    assert result.exit_code == 0, result.output
    assert "[brīdinājums]" not in result.stderr and "Atpakaļejošs datums" not in result.stdout, result.output
