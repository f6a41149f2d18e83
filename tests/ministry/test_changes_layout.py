"""D373: the sheet „Izmaiņas pret iepriekšējo” prints one page across whatever the municipality's name and however
large the national totals (a name over ~18 characters took a second page across; 11 units printed a seven-digit total
as „###”), and a child's or a total's rows „iepriekš” and „tagad” never print on two pages. The LibreOffice half:
tests/ministry/test_libreoffice.py prints a summary with a renamed municipality's long name."""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.ministry.changes import ACROSS, COLUMNS, MONEY_COLUMNS, PAGE_BODY, _columns, pair_breaks
from generator.ministry.summary_book import money_text, money_width, wrapped_lines


def _rows(name: str, total: Decimal) -> list[tuple[tuple, bool]]:
    child = (name, "B-3F9A0C21D4E7", "mainīts: P, N, A, F, statuss, pašvaldība", "tagad", Decimal("4321.09"),
             Decimal("-1234.56"), "provizorisks – griesti nav apstiprināti", Decimal("2000"), Decimal("5000"),
             Decimal("4000"))
    # the national totals of P, N, A and F (never negative) and their change (the whole F of a first partial result)
    all_ = ("Visas pašvaldības", "kopā", "1 bērns pievienots", "tagad", total, total, None, total, total, total)
    return [(child, False), (child, False), (all_, True), (all_, True)]


def test_the_longest_name_and_seven_digit_totals_fit_one_page_across(catalogue: Catalogue) -> None:
    longest = max((m.name_lv for m in catalogue.municipalities.municipalities), key=len)  # renamed to a full name
    shared = max((f"{m.short_name_lv} ({m.id})" for m in catalogue.municipalities.municipalities), key=len)
    for name in (longest, shared, "Ogre"):
        widths = [w for _, w in _columns(_rows(name, Decimal("9876543.21")))]
        assert sum(widths) <= ACROSS + 1, (name, widths)
        for col in MONEY_COLUMNS:
            assert widths[col] >= money_width([Decimal("9876543.21")], 0, bold=True), (name, col)
        # the name wraps, never more lines than it has words (a word is never cut but at a hyphen)
        assert wrapped_lines(name, widths[0], bold=True) <= len(name.split()) + 1
    # small amounts and a short name keep the columns as they were (the change and status not narrowed)
    small = [w for _, w in _columns(_rows("Ogre", Decimal(12)))]
    assert [small[c] for c in (2, 4, 6)] == [COLUMNS[c][1] for c in (2, 4, 6)]


def test_money_width_fits_the_printed_number() -> None:
    assert money_text(Decimal("-1234567.8")) == "-1 234 567,80"
    assert money_width([Decimal("1234567.89")], 11) > 11 >= money_width([Decimal("123.45")], 0)
    assert money_width([Decimal("1234567.89")], 11, bold=True) > money_width([Decimal("1234567.89")], 11)


def test_a_pair_of_rows_never_straddles_a_page() -> None:
    heights = [15.0, 48.0] * 40
    breaks = pair_breaks(heights, 36.0)
    assert breaks and all(b % 2 == 0 for b in breaks)
    pages = [heights[a:b] for a, b in zip([0, *breaks], [*breaks, len(heights)], strict=True)]
    assert all(sum(page) <= PAGE_BODY - 36.0 for page in pages)
    assert all(sum(page) + 63.0 > PAGE_BODY - 36.0 for page in pages[:-1])  # no page left emptier than a pair
    assert pair_breaks([15.0] * 6, 36.0) == []
