"""`ibm changes`: a price value whose only change is its source text is not a price change (review5 F5)."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.loader import load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report

PRICE = "prices/2.1.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def test_a_corrected_source_is_listed_apart_and_sends_no_plan_for_review(catalogue_copy: Path, catalogue) -> None:
    _edit(catalogue_copy / PRICE, '"MK 18.05.2021 noteikumi Nr. 316 (', '"MK 18.05.2021 noteikumi Nr.316 (')
    old = load_or_raise(catalogue_copy)
    diff = diff_catalogues(old, catalogue)
    [change] = diff.values
    assert change.text_only and change.corrected == ("MK 18.05.2021 noteikumi Nr.316 (aizstāj MK noteikumus Nr. 942)",
                                                     "MK 18.05.2021 noteikumi Nr. 316 (aizstāj MK noteikumus Nr. 942)")
    text = change_report(diff, catalogue, None)
    assert "## Labots tikai avots" in text, text
    row = next(line for line in text.splitlines() if "(`2.1`)" in line)
    assert "| Nr.316 (aizstāj" not in row and "noteikumi Nr.316 (aizstāj" in row and row.endswith(
        "| MK 18.05.2021 noteikumi Nr. 316 (aizstāj MK noteikumus Nr. 942) |"), row
    for advice in ("## Cenas", "## Ko tas ietekmē", "jāpārskata (cenas maiņa", "ibm migrate", "Pozīcijas (6.8."):
        assert advice not in text, advice


def test_a_changed_amount_with_a_new_source_is_still_a_price_change(catalogue_copy: Path, catalogue) -> None:
    text = (catalogue_copy / PRICE).read_text("utf-8")
    start = text.index('"MK 18.05.2021 noteikumi Nr. 316 (')
    amount = text.rindex("amount: ", 0, start)
    end = text.index("\n", amount)
    (catalogue_copy / PRICE).write_text(text[:amount] + "amount: 99.99" + text[end:start]
                                        + '"MK 18.05.2021 noteikumi Nr.316 (' + text[start + 34:], "utf-8")
    diff = diff_catalogues(load_or_raise(catalogue_copy), catalogue)
    [change] = diff.values
    assert not change.text_only and change.corrected is None and change.old.startswith("99,99")
    report = change_report(diff, catalogue, None)
    assert "## Cenas" in report and "## Labots tikai avots" not in report and "- Pozīcijas (6.8. tabulas rindas): " in report
    # dated after the last children's reporting period: no filled matrix uses it, no plan to review (D336)
    assert "neviena aizpildīta matrica šīs izmaiņas neizmanto" in report and "jāpārskata (cenas maiņa" not in report


def test_a_first_day_that_became_unconfirmed_is_no_price_change(catalogue_copy: Path, catalogue) -> None:
    """audit27b F6: an older version where a price's first day was taken as confirmed (no effective_from_status)
    differs only in that status: the report says so beside the corrected texts, shows no equal "Bija"/"Tagad" price
    row and sends no plan for review; a range of one amount reads as that amount."""
    price = catalogue_copy / "prices/3.5.yaml"
    text = price.read_text("utf-8")
    line = next(ln for ln in text.splitlines(keepends=True) if ln.lstrip().startswith("effective_from_status:"))
    price.write_text(text.replace(line, ""), "utf-8")
    diff = diff_catalogues(load_or_raise(catalogue_copy), catalogue)
    [change] = diff.values
    assert change.id == "3.5" and change.text_only
    assert change.corrected == ("spēkā stāšanās datums: apstiprināts", "spēkā stāšanās datums: jāprecizē")
    value = catalogue.price_by_id["3.5"].values[0]
    assert value.min == value.max and change.new == f"{value.min:.2f}".replace(".", ",") + "\u00a0EUR"
    report = change_report(diff, catalogue, None)
    assert "## Labots tikai avots vai datuma statuss" in report, report
    for advice in ("## Cenas", "## Ko tas ietekmē", "jāpārskata (cenas maiņa", "–16,10"):
        assert advice not in report, advice
