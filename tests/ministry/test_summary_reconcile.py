"""audit35: the collection summary an LM analyst can reconcile.

F6: the front page counts the children whose matrix holds another F, and its guide names every sheet. F7 (D174): A, K
and the plan lines' "No IB" are computed with the F this collection sets, not the F typed in the matrix, and Σ F is
reconciled with the lines' IB. F8: a plan line prints on one page width. F9: the "Pašvaldība" columns show the
catalogue's name. F10: a negative amount prints with "−". F13: the CSV files say "provizorisks" in every row."""

from __future__ import annotations

import csv
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.final_status import STATUS_FINAL
from generator.ministry.output import write_outputs
from generator.ministry.pseudonym import pseudonym
from generator.ministry.summary_book import PAGE_WIDTH, SHEET_NOTES, SHEET_REFUSED, SHEET_STALE
from generator.ministry.summary_money import MUNI_TOTAL
from generator.recalc import make_profile, print_sheets, soffice
from generator.reference.workbook import with_final
from tests.ministry.conftest import KEY
from tests.ministry.factory import params, write_children
from tests.workbook.pdf_pages import read_pages

CENT = Decimal("0.01")


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


@pytest.fixture(scope="module")
def summary(small_folder, catalogue: Catalogue, template: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001
    """Four children; one with N > P carries in its matrix an F that is not the one this collection sets; two carry
    the ministry's B in 6.11, one of them another than the catalogue's."""
    _, children = small_folder
    results = [c.result(catalogue) for c in children]
    above = [i for i, r in enumerate(results) if r.needed > r.provisional]
    assert above, "seed 71 has children with N > P"
    k = above[0]
    typed = dataclasses.replace(children[k], inputs=dataclasses.replace(
        children[k].inputs, final=results[k].needed))  # the most F may be; the collection sets another
    others = [c for i, c in enumerate(children) if i != k][:3]
    # the ministry's B typed in two matrices' 6.11: one other than the catalogue's, one the same (audit27b F5)
    base = params(catalogue).base_amount
    others[0] = dataclasses.replace(others[0], inputs=dataclasses.replace(others[0].inputs, base=base - 500))
    others[1] = dataclasses.replace(others[1], inputs=dataclasses.replace(others[1].inputs, base=base))
    chosen = [typed] + others
    folder = tmp_path_factory.mktemp("audit35")
    write_children(catalogue, template, chosen, folder / "in")
    collection = collect(folder / "in", catalogue, KEY, Options(jobs=1))
    book, agg, csvs = write_outputs(folder / "out" / "k.xlsx", collection, catalogue, pilot_municipalities(catalogue))
    return chosen, collection, book, agg, csvs


def rows_of(ws) -> list[list[object]]:  # noqa: ANN001
    return [[c.value for c in row] for row in ws.iter_rows(min_row=4) if row[0].value]


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_and_the_lines_ib_use_the_collections_f_not_the_matrixs(summary, catalogue: Catalogue) -> None:  # noqa: ANN001
    """F7: on the old code the child's A was the typed F (above the collection's F) and the lines' IB summed to less
    than Σ F with nothing saying why."""
    chosen, collection, book, agg, _ = summary
    typed = chosen[0]
    code = pseudonym(KEY, typed.code)
    finals = collection.finals.by_id()
    assert typed.inputs.final is not None and finals[code].final != typed.inputs.final  # the precondition
    values = load_workbook(book.path, data_only=True)
    children = values["Bērni"]
    head = [c.value for c in children[3]]
    row = next(r for r in rows_of(children) if r[0] == code)
    a, k, f, n = (row[head.index(h)] for h in ("IB pieejamais EUR (A)", "IB kopējais EUR (K)", "IB galīgais EUR (F)",
                                              "IB nepieciešamais EUR (N)"))
    assert money(a) == finals[code].final == money(f) and money(a) <= money(n), (a, f, n)
    want = with_final(typed.inputs, typed.result(catalogue), params(catalogue), finals[code].final)
    assert money(k) == want.total
    assert "ne matricā ierakstīto (lēmums D174)" in values["Bērni"]["A2"].value
    lines = values["Plāna rindas"]
    lhead = [c.value for c in lines[3]]
    ib = sum((money(r[lhead.index("No IB EUR")]) for r in rows_of(lines) if r[0] == code), Decimal(0))
    assert ib == sum((v for v in want.line_ib if v is not None), Decimal(0))
    # the front page: Σ F = the lines' IB + the part whole units cannot take
    page = {r[0]: r[1] for r in rows_of(values["Kopsavilkums"])}
    total_f = money(page["Σ IB galīgais (F), EUR"])
    lines_ib, rest = money(page["Σ no IB plāna rindās, EUR"]), money(page["F daļa, ko plāna rindas neizmanto, EUR"])
    assert lines_ib == agg.funding(None) and lines_ib + rest == total_f and rest >= 0
    services = values["Pakalpojumi"]
    assert money([c.value for c in services[services.max_row]][-2]) == lines_ib  # „Kopā no IB”


def test_the_front_page_counts_differing_f_and_its_guide_names_every_sheet(summary) -> None:  # noqa: ANN001
    """F6: on the old code the differing F was only on the last sheet, and the guide left out the narrow sheets."""
    _, collection, book, _, _ = summary
    ws = load_workbook(book.path)["Kopsavilkums"]
    rows = {r[0]: r for r in rows_of(ws)}
    label = "Bērnu skaits, kuru matricā ierakstītais F atšķiras"
    differ = len({d.code for d in collection.final_differences})
    assert differ >= 1 and rows[label][1] == differ, rows[label]
    assert rows[label][2].startswith(f"{differ} bērn") and f"sk. lapu „{SHEET_STALE}”" in rows[label][2]
    guide = [r[0] for r in ws.iter_rows(min_row=ws.max_row - 20, values_only=True)]
    for sheet in (SHEET_STALE, SHEET_REFUSED, SHEET_NOTES):
        assert f"„{sheet}”" in guide, guide


def test_municipality_columns_show_names_and_amounts_a_true_minus(summary, catalogue: Catalogue) -> None:  # noqa: ANN001
    """F9, F10: "liepaja" and "-58,93" on the old code."""
    chosen, _, book, _, _ = summary
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    wb = load_workbook(book.path)
    for sheet, col in (("Bērni", 1), ("Plāna rindas", 1), ("Mēnešu dati", 1), ("Pašvaldības", 0)):
        shown = {r[col] for r in rows_of(wb[sheet]) if r[0] != MUNI_TOTAL}
        assert wb[sheet].cell(3, col + 1).value == "Pašvaldība"
        assert {names[c.municipality] for c in chosen} <= shown and not shown & set(names), (sheet, shown)
    fmt = wb["Bērni"]["M4"].number_format  # N (two B columns before P: audit27b F5)
    assert fmt.endswith(';"\u2212"#,##0.00'), fmt
    assert wb["Naudas plūsma"]["B4"].number_format == fmt


def test_narrow_columns_show_the_municipalitys_short_name_and_its_sheet_the_total_whole(summary,  # noqa: ANN001
                                                                                        catalogue: Catalogue) -> None:
    """D179: the municipality columns and the headers of the sheets by municipality show the catalogue's short name
    ("Bauskas novads", "Jelgava"), not "… novada pašvaldība" (on the old code every one of them did); the column of
    „Pašvaldības” stays wide enough for its bold total (MUNI_TOTAL)."""
    chosen, _, book, _, _ = summary
    wb = load_workbook(book.path)
    short = {catalogue.municipality(c.municipality).short_name_lv for c in chosen}
    full = {m.name_lv for m in catalogue.municipalities.municipalities}
    every = {m.short_name_lv for m in catalogue.municipalities.municipalities}
    for sheet, col in (("Bērni", 1), ("Plāna rindas", 1), ("Mēnešu dati", 1), ("Pašvaldības", 0)):
        shown = {r[col] for r in rows_of(wb[sheet])} - {MUNI_TOTAL}
        assert short <= shown <= every, (sheet, shown)  # „Pašvaldības” lists every pilot municipality
    for sheet in ("Pakalpojumi", "Naudas plūsma", "Ceturkšņi"):
        headers = [str(c.value) for c in wb[sheet][3] if c.value]
        assert {h.split(": ")[0] for h in headers} >= short, (sheet, headers)
        assert not [h for h in headers if any(name in h for name in full)], (sheet, headers)
    column = wb["Pašvaldības"].column_dimensions["A"].width
    assert column >= len(MUNI_TOTAL) * 0.95, column
    # „Bērni” has no total under its names: its column is as narrow as they are (26 wide for the full names)
    children = wb["Bērni"].column_dimensions["B"].width
    assert children <= max(12, max(len(n) for n in short) * 0.85 + 1.5) + 1, children


def test_plan_lines_show_the_service_once_and_fit_a_page_width(summary) -> None:  # noqa: ANN001
    """F8: the code column was printed beside the name that holds it, and the amounts went to a page of their own."""
    _, _, book, _, _ = summary
    ws = load_workbook(book.path)["Plāna rindas"]
    head = [c.value for c in ws[3]]
    code = head.index("Pakalpojuma kods")
    assert code == len(head) - 1 and ws.column_dimensions[ws.cell(3, code + 1).column_letter].hidden
    widths = [ws.column_dimensions[ws.cell(3, i + 1).column_letter].width for i in range(code)]
    assert sum(widths) <= PAGE_WIDTH, widths


def test_final_amount_csv_says_provisional_in_every_row(summary) -> None:  # noqa: ANN001
    """F13: only the file name said so on the old code. Each row says its own status (D268, D269: these random plans
    have rule errors), none „galīgs” while B is unconfirmed."""
    _, collection, _, _, csvs = summary
    assert collection.provisional and csvs
    statuses = {r.code: collection.status(r) for r in collection.records}
    assert STATUS_FINAL not in statuses.values(), statuses
    for path in csvs:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        assert rows[0] == ["kods", "P", "N", "F", "statuss", "iemesls"]
        # the status and beside it why (D320): a reason of several parts is one quoted cell
        assert rows[1:] and all(row[4] == statuses[row[0]] and row[5] for row in rows[1:]), rows


@pytest.mark.libreoffice
def test_every_printed_plan_lines_page_holds_the_service_and_its_ib(summary, tmp_path: Path) -> None:  # noqa: ANN001
    """F8 printed: on the old code the second page held the key columns and the amounts without the service."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts")
    _, _, book, _, _ = summary
    pdf = tmp_path / "rindas.pdf"
    print_sheets({book.path: [("Plāna rindas", pdf)]}, profile=make_profile(tmp_path / "profile"))
    pages = read_pages(pdf)
    assert pages
    for page in pages:
        assert "Pakalpojums" in page.text and "No IB EUR" in page.text, page.number


def test_the_base_each_p_rests_on_is_shown_with_its_source(summary, catalogue: Catalogue) -> None:  # noqa: ANN001
    """audit27b F5: a B typed in a matrix changed P with no word of it – „Bērni” had no B, the front page no count."""
    chosen, collection, book, _, _ = summary
    wb = load_workbook(book.path)
    children = wb["Bērni"]
    head = [c.value for c in children[3]]
    shown = {r[0]: (r[head.index("Bāzes apmērs B EUR")], r[head.index("B avots")]) for r in rows_of(children)}
    catalogue_base = params(catalogue).base_amount
    unconfirmed = catalogue.programme.base_amount.at(chosen[0].inputs.period_start).status is not PriceStatus.confirmed
    for child in chosen:
        b, source = shown[pseudonym(KEY, child.code)]
        if child.inputs.base is None or (unconfirmed and child.inputs.base == catalogue_base):
            assert money(b) == catalogue_base and source == "katalogs" + (" (jāprecizē)" if unconfirmed else "")
        else:
            assert money(b) == child.inputs.base and source == "matrica (6.11. tabula)", (b, source)
    page = {r[0]: r for r in rows_of(wb["Kopsavilkums"])}
    row = page["Bērnu skaits, kuru matricā ierakstītais B atšķiras no kataloga B"]
    catalogue_bases = {r.code: r.catalogue_base for r in collection.records}
    other = sum(1 for c in chosen if c.inputs.base not in (None, catalogue_bases[pseudonym(KEY, c.code)]))
    typed = sum(1 for c in chosen if c.inputs.base is not None)
    # the fixture's two: one B other than the catalogue's (counted), one the same (shown as typed, not counted)
    same = chosen[2]
    assert same.inputs.base == catalogue_bases[pseudonym(KEY, same.code)]
    # the catalogue's B copied into 6.11 is the ministry's only while the catalogue's B is confirmed (D257, D268)
    assert shown[pseudonym(KEY, same.code)][1] == ("katalogs (jāprecizē)" if unconfirmed else "matrica (6.11. tabula)")
    # the rule is the reference's: each record carries Params.base_confirmed of its parameters day
    assert all(r.base_confirmed is params(catalogue).base_confirmed for r in collection.records)
    assert 1 <= other < typed and row[1] == other, (row, other, typed)
    assert row[2].startswith(f"{other} bērn") and "P aprēķināts no matricas 6.11. tabulā" in row[2], row
    assert "finansējuma noklusējums rēķināts ar kataloga B" in row[2]  # no --envelope here (review28 F5)
