"""`ibm migrate`'s report when the errors fall (audit27b F9): it names the old matrix's findings the new one no longer
has, and says when the "before" counts were recalculated (a file saved without values) rather than the file's own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Amounts, MigrationReport, _as_shown, _gone_findings
from generator.reference.findings import Finding, Severity
from tests.ministry.factory import make_children, write_children

OLD, NEW = "2023-04-01+c046f8d1.9", "2023-04-01+c046f8d1.10"
RECALCULATED = "(pirms – pārrēķināts ar atsauces aprēķinu: vecajā failā nav saglabātu matricas aprēķinātu vērtību)"


def _amounts(errors: int, stored: bool = True) -> Amounts:
    return Amounts(Decimal(3000), Decimal(2500), Decimal(2500), Decimal(2500), errors, 0, stored)


def test_the_findings_that_went_are_named() -> None:
    price = Finding("price_over_ceiling", Severity.error, "2. rinda: cena pārsniedz griestus", (1,))
    share = Finding("transport_share", Severity.warning, "transporta daļa pārsniedz", ())
    new_check = Finding("new_rule", Severity.error, "jauna pārbaude", ())
    overridden = Finding("transport_share", Severity.warning, "pamatots", (), overridden=True)
    assert _gone_findings((price, share, new_check, overridden), (share,), frozenset({"new_rule"})) == [
        "Kļūda: 2. rinda: cena pārsniedz griestus"]
    moved = Finding("price_over_ceiling", Severity.error, "3. rinda: cena pārsniedz griestus", (2,))
    assert _gone_findings((price,), (moved,), frozenset()) == ["Kļūda: 2. rinda: cena pārsniedz griestus"]
    assert _gone_findings((price,), (price,), frozenset()) == []


def test_the_report_says_what_went_and_where_the_before_counts_come_from() -> None:
    report = MigrationReport(OLD, NEW, 12, before=_amounts(1, stored=False), after=_amounts(0),
                             gone_findings=["Kļūda: 2. rinda: cena pārsniedz griestus"])
    text = report.text()
    assert f"  Kļūdas: 1 → 0; brīdinājumi: 0 → 0 {RECALCULATED}" in text, text
    assert "Kļūdas un brīdinājumi, kuru pēc pārnešanas vairs nav:\n  Kļūda: 2. rinda: cena pārsniedz griestus" in text
    shown = MigrationReport(OLD, NEW, 12, before=_amounts(0), after=_amounts(0)).text()
    assert "  Kļūdas: 0 → 0; brīdinājumi: 0 → 0\n" in shown + "\n" and "pārrēķināts" not in shown
    assert "vairs nav" not in shown


def test_a_file_without_stored_counts_is_marked_recalculated(catalogue: Catalogue, template: Path,
                                                             tmp_path: Path) -> None:
    """The tests' openpyxl-saved matrices hold no values: their counts are the reference's."""
    [child] = write_children(catalogue, template, make_children(catalogue, 1, seed=4242), tmp_path)
    old = Matrix.open(child.path)
    assert not isinstance(old.scalar("Kludas"), int | float)
    assert _as_shown(old, _amounts(2)).stored is False
