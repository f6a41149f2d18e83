"""One LibreOffice batch for the ministry: the summary workbook's formulas, migrated matrices and
matrices saved by LibreOffice (as a municipality would save them), all recalculated and compared with
the reference implementation."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.ministry.changes import AFTER, BEFORE, COLUMNS, SHEET_CHANGES, SHEET_TITLE
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.migrate import Migrator
from generator.ministry.output import write_outputs
from generator.ministry.reading import read_matrix
from generator.ministry.summary_book import SHEETS
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxread import a1, parse_cell, read_xlsx
from generator.recalc import make_profile, print_sheets, soffice
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.names import NamedValues
from generator.workbook.recalculated import named_values
from generator.workbook.writer import template_date
from tests.ministry.conftest import KEY
from tests.ministry.factory import (
    Child,
    by_item,
    changed_catalogue,
    copy_into_folders,
    expected_after,
    in_next_period,
    make_children,
    renamed_catalogue,
    write_children,
)
from tests.ministry.openpyxl_check import differences as reader_differences
from tests.ministry.summary_print import cut_text_problems
from tests.shared_session import shared
from tests.workbook.compare import differences
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("ministry-lo")]


@dataclass
class Batch:
    expected: dict[tuple[str, str], object]  # the summary's formula cells and their reference values
    summary: Path
    migrated: list[tuple[Child, Path, NamedValues]]  # child, old file, the migrated file as LibreOffice recalculates it
    saved: list[tuple[Child, Path]]  # child, the matrix as LibreOffice saved it
    summary_pdf: Path  # the whole summary workbook printed by LibreOffice
    new_catalogue_root: Path
    renamed: str = ""  # the long name of the municipality renamed before the second collection (D373)

    @property
    def new_catalogue(self) -> Catalogue:
        return load_or_raise(self.new_catalogue_root)


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory, worker_id: str, catalogue: Catalogue, template: Path) -> Batch:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts")
    return shared(tmp_path_factory, worker_id, "lo", lambda root: make_batch(root, catalogue, template))


def make_batch(root: Path, catalogue: Catalogue, template: Path) -> Batch:
    made = make_children(catalogue, 24, seed=3131, one_period=True)
    # four of the plans as the previous period's matrices, the collected ones a period later: --previous is the
    # period just before the collected one (D222)
    write_children(catalogue, template, made[:4], root / "ieprieks")
    made = in_next_period(catalogue, made)
    # the twelve migrated ones re-saved by openpyxl (as tests/ministry/test_migrate.py's openpyxl half), the twelve
    # LibreOffice saves or only collects patched from the template's bytes (factory.write_children): LibreOffice
    # re-serialises those four itself, and the collection reads both forms
    children = (write_children(catalogue, template, made[:12], root / "matricas")
                + write_children(catalogue, template, made[12:], root / "matricas", saved_by="xlsxpatch"))
    # first collected without four of them: the summary replacing it has the sheet „Izmaiņas pret iepriekšējo” (D368)
    earlier = collect(copy_into_folders(children[:20], root / "pirms"), catalogue, KEY,
                      Options(previous=root / "ieprieks", jobs=1))
    write_outputs(root / "out" / "kopsavilkums.xlsx", earlier, catalogue, pilot_municipalities(catalogue))
    # then collected whole, the municipality of an added child renamed in the catalogue to „Dienvidkurzemes novads”,
    # longer than any short name it has (D373: the changes sheet took a second page across for a name over ~18 characters)
    renamed = renamed_catalogue(root / "parsaukts-katalogs", children[20].municipality)
    collection = collect(root / "matricas", renamed, KEY, Options(previous=root / "ieprieks", jobs=1))
    book, _, _ = write_outputs(root / "out" / "kopsavilkums.xlsx", collection, renamed,
                               pilot_municipalities(renamed))
    new_catalogue = changed_catalogue(DEFAULT_CATALOGUE, root / "jauns-katalogs")
    migrated = []
    with Migrator(new_catalogue) as migrator:
        for child in children[:12]:
            assert child.path is not None
            out = root / "migreti" / f"migr-{child.index:03d}.xlsx"
            migrator.migrate(child.path, out)
            migrated.append((child, child.path, out))
    saved = children[12:16]
    # one LibreOffice: the summary loaded once, saved as xlsx and printed whole (as `soffice --convert-to` saves
    # and prints it), the four matrices saved as xlsx, and the migrated matrices' values read over UNO, unsaved:
    # the same values as a saved copy (tests/workbook/test_recalculated_reading.py)
    summary, summary_pdf = root / "lo" / book.path.name, root / "pdf" / f"{book.path.stem}.pdf"
    stores: dict[Path, list[tuple[str | None, Path]]] = {book.path: [(None, summary), (None, summary_pdf)]}
    stores |= {c.path: [(None, root / "lo" / c.path.name)] for c in saved}  # type: ignore[misc]
    records = print_sheets(stores, profile=make_profile(root / "lo-profile"), read=[new for _, _, new in migrated])
    return Batch(
        expected=book.expected,
        summary=summary,
        migrated=[(c, old, named_values(record)) for (c, old, _), record in zip(migrated, records, strict=True)],
        saved=[(c, root / "lo" / c.path.name) for c in saved],  # type: ignore[union-attr]
        summary_pdf=summary_pdf,
        new_catalogue_root=new_catalogue.root,
        renamed={m.id: m.short_name_lv for m in renamed.municipalities.municipalities}[children[20].municipality],
    )


def _equal(expected: object, got: object) -> bool:
    if isinstance(expected, Decimal):
        return isinstance(got, int | float) and abs(Decimal(repr(float(got))) - expected) < Decimal("0.005")
    if isinstance(expected, int) and not isinstance(expected, bool):
        return isinstance(got, int | float) and got == expected
    return got == expected


def test_summary_formulas_recalculate_to_the_reference_totals(batch: Batch) -> None:
    book = read_xlsx(batch.summary)
    assert len(batch.expected) > 200
    wrong = []
    for (sheet, cell), expected in batch.expected.items():
        got = book.cells[sheet].get(parse_cell(cell))
        value = got.value if got else None
        if not _equal(expected, value):
            wrong.append(f"{sheet}!{cell}: gaidīts {expected}, LibreOffice {value!r}")
    assert wrong == []


def test_summary_prints_at_least_8_pt_with_each_sheets_own_page_numbers(batch: Batch) -> None:
    """Printed whole (as an analyst prints it): no page shrunk below 8 pt (it printed at 3.4 pt, audit13 F2); each
    page says its sheet and its page within that sheet, with no total over the print job (D58); the page header
    names the reporting period."""
    pages = read_pages(batch.summary_pdf)
    assert len(pages) > len(SHEETS)
    small = [(p.number, round(p.min_font, 1)) for p in pages if p.min_font < 8.0]
    assert small == []
    assert all(p.size[0] > p.size[1] for p in pages), "landscape A4"
    footer = re.compile("(" + "|".join(re.escape(name) for name in (*SHEETS, SHEET_CHANGES)) + r"), (\d+)\. lapa")
    numbers: dict[str, list[int]] = {}
    for p in pages:
        found = footer.findall(p.text)
        assert found, p.text[-200:]
        assert f" {found[-1][1]}. lapa no " not in p.text
        assert "pārskata periods" in p.text, p.number
        numbers.setdefault(found[-1][0], []).append(int(found[-1][1]))
    assert set(numbers) == {*SHEETS, SHEET_CHANGES}
    assert all(got == list(range(1, len(got) + 1)) for got in numbers.values()), numbers


def test_migrated_matrices_recalculate_to_the_reference(batch: Batch, catalogue: Catalogue) -> None:
    new_catalogue = batch.new_catalogue
    params = Params.from_catalogue(new_catalogue, template_date(new_catalogue))
    compared = 0
    for child, old, recalculated in batch.migrated:
        old_book = read_xlsx(old)
        old_companion = by_item(old_book, "Pak_Cena")["2.1"]  # empty where the old template had no price (D61)
        prefilled = old_companion is not None and old_companion == by_item(old_book, "Pak_MaxCena")["2.1"]
        old_price = Decimal(str(by_item(old_book, "Pak_Cena")["2.1"])) if prefilled else None
        expected = evaluate_workbook(expected_after(child.inputs, new_catalogue, old_price), params)
        assert differences(expected.named_values(), recalculated) == [], child.index
        compared += 1
    assert compared == len(batch.migrated) > 0


def test_reader_and_collection_accept_matrices_saved_by_libreoffice(batch: Batch, catalogue: Catalogue,
                                                                     tmp_path: Path) -> None:
    """LibreOffice rewrites formulas and styles and caches every value: the reader still equals openpyxl,
    the formulas still match the template, and the cached values equal the recomputed ones."""
    folder = tmp_path / "lo"
    for child, path in batch.saved:
        assert reader_differences(path) == [], path
        (folder / child.municipality).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / child.municipality / path.name)
    result = collect(folder, catalogue, KEY, Options(jobs=1))
    assert [r.reasons for r in result.refused] == []
    assert result.stale == []
    templates = TemplateSource(catalogue)  # shared strings and cached values: the fast path after the first file
    reads = [read_matrix(p, folder, catalogue, templates, KEY) for p in sorted(folder.rglob("*.xlsx"))]
    assert all(r.record is not None for r in reads) and len(reads) >= 2
    assert [r.full_read for r in reads][1:] == [False] * (len(reads) - 1), "fixed values learned across files"
    assert all(templates.current().fixed_keys.values()), "shared-string text, not indices, in the fixed digest"
    book = read_xlsx(batch.saved[0][1])
    ref = book.name_ref("IB_Nepieciesamais")
    assert ref is not None and book.cell(ref.sheet, ref.first).value is not None, "LibreOffice caches values"
    expected = {c.code: c.result(catalogue).needed for c, _ in batch.saved}
    assert sorted(r.result.needed for r in result.records) == sorted(expected.values())
    assert a1(ref.first)


def test_every_summary_page_shows_its_title_period_and_key_headers_uncut(batch: Batch) -> None:
    """Pages that continue a wide sheet to the right repeat its key columns: the title and note rows printed
    there only within those columns, cut ("Katrs skaitlis pārrēķināts ar atsauces a"). Each page now has the
    summary's title with the period and the sheet's title whole, and the key columns' headers."""
    assert cut_text_problems(batch.summary_pdf, batch.summary) == []


def test_the_changes_sheet_prints_its_whole_table_one_page_across(batch: Batch) -> None:
    """D368: „Izmaiņas pret iepriekšējo” printed (A4 landscape, ≥ 8 pt – the test above) shows on every page all its
    columns (one page across: before, F was on one page and P, N, A on the next), its column headers, the summary's
    title with the period, the sheet's title and its page number; every row of the table is printed."""
    pages = [p for p in read_pages(batch.summary_pdf) if f"{SHEET_CHANGES}, " in p.text]
    assert pages
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.text.split())
        assert f"{SHEET_CHANGES}, {number}. lapa" in text and SHEET_TITLE in text and "pārskata periods" in text
        headers = [w for title, _ in COLUMNS for w in title.split()]
        assert [w for w in headers if w not in text] == [], number
    book = read_xlsx(batch.summary)
    cells = book.cells[SHEET_CHANGES]
    codes = {str(cells[(r, 2)].value) for r, c in cells if c == 2 and r >= 4 and cells[(r, 2)].value}
    whens = [cells[(r, 4)].value for r, c in sorted(cells) if c == 4 and r >= 4]
    assert len(codes) > 5 and whens[:2] == [BEFORE, AFTER]
    printed = " ".join(" ".join(p.text.split()) for p in pages)
    assert [code for code in codes if code not in printed] == []


def test_the_changes_sheet_keeps_a_long_name_and_each_pair_of_rows_on_one_page(batch: Batch) -> None:
    """D373: with a renamed municipality's long name („Dienvidkurzemes novads”) in the first column the sheet still prints one
    page across (the test above: every column's header on every page), the name wrapped whole; a child's or a total's
    rows „iepriekš” and „tagad” are never split between two pages (manual row breaks), and no amount prints „###”."""
    assert len(batch.renamed) > 18
    pages = [" ".join(p.text.split()) for p in read_pages(batch.summary_pdf) if f"{SHEET_CHANGES}, " in p.text]
    assert all("###" not in page for page in pages)
    assert any(batch.renamed.split()[0] in page and batch.renamed.split()[-1] in page for page in pages)
    book = read_xlsx(batch.summary)
    cells = book.cells[SHEET_CHANGES]
    names = {cells[(r, 1)].value for r, c in cells if c == 1 and r >= 4}
    assert batch.renamed in names
    # each page: as many rows „iepriekš” as „tagad”, each child's pseudonym twice (its two rows)
    for number, page in enumerate(pages, start=1):
        words = page.split()
        assert words.count(BEFORE) == words.count(AFTER) > 0, number
        assert all(words.count(w) % 2 == 0 for w in words if re.fullmatch(r"B-[0-9A-F]{12}", w)), number
    assert len(pages) > 1, "more than one page: the row breaks are tested"
