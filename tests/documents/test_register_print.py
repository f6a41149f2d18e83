"""The expense register (28) on paper, printed by LibreOffice one sheet at a time: an empty register prints one
page, a filled one prints every filled row, and the total above the rows sums all of them – also rows a
person has left in a collapsed group (then a red warning prints). Amounts and shares print with Latvian
separators although LibreOffice runs in the C locale here (the number formats carry the Latvian tag).
One soffice call for every case."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import register as reg
from generator.documents.reports import row_groups
from generator.documents.reports.register_layout import REG_FIRST, REGISTER_ROWS, S_BIP, S_REG
from generator.documents.reports.register_workbook import write_register_workbook
from generator.recalc import convert, make_profile
from generator.reference.settlement import BIP_SBS
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages

FILLED = 60  # opens two groups: rows 1–100 print


def _rows(catalogue: Catalogue, count: int, long_payees: int = 0) -> reg.RegisterData:
    """``count`` rows; the first ``long_payees`` name a payee on two lines (their rows twice as tall)."""
    base = reg.empty_register(catalogue)
    month = base.months[0].month
    # a BIP 1.3 row names its service (audit35 F4)
    service = next(o.label for o in catalogue.offers(catalogue.latest_date) if o.label.startswith("3."))
    rows = tuple(reg.RegisterRow(bip=BIP_SBS, month=month, amount=Decimal(f"{i}.25"), doc_type="rēķins",
                                 doc_number=f"DOK-{i:03d}", doc_date=month, route=reg.PAYMENT_ROUTES[0],
                                 payee="SIA Paraugs un partneri, filiāle Jelgavā" if i <= long_payees else "SIA Paraugs",
                                 service=service) for i in range(1, count + 1))
    return reg.RegisterData(months=base.months, rows=rows)


def _total(count: int) -> str:
    return lvformat.number(sum(Decimal(f"{i}.25") for i in range(1, count + 1))).replace(lvformat.NBSP, " ")


def _blocks(pages: list[Page]) -> int:
    """How many pages down the rows take: sheet 28 prints at 100 % and continues to the right (column strips,
    each with its row numbers); only the first strip holds the column "Dokumenta veids", on every page down
    (its header wraps in the column as wide as Excel makes it)."""
    return sum("Dokumenta veids" in " ".join(p.text.split()) for p in pages)


def _flat(pages: list[Page]) -> str:
    return " ".join(" ".join(p.text.replace("\u00a0", " ").split()) for p in pages)


@pytest.fixture(scope="module")
def printed_pdfs(calibri_metrics: None, catalogue: Catalogue,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("registrs-druka")
    municipality = catalogue.municipality("jelgava")
    empty = write_register_workbook(catalogue, municipality, folder / "tukss.xlsx")
    filled = write_register_workbook(catalogue, municipality, folder / "aizpildits.xlsx", _rows(catalogue, FILLED))
    # 21 rows open the second block: rows 1–50 print, the last page nearly full (audit35 F11)
    second = write_register_workbook(catalogue, municipality, folder / "otrais-bloks.xlsx", _rows(catalogue, 21))
    # 301 rows open every block: all 400 rows print (the three-row block printed alone on a page of its own)
    every = write_register_workbook(catalogue, municipality, folder / "visi-bloki.xlsx", _rows(catalogue, 301))
    # 50 rows, one of them two lines tall: rows 1–50 fill their pages exactly (audit28 F4: a block under the last
    # row printed alone on a fifth page, under an empty table header)
    full = write_register_workbook(catalogue, municipality, folder / "pilna-lapa.xlsx", _rows(catalogue, 50, 1))
    # A person closes every group again (outline button 1): the filled rows 26–60 are hidden.
    wb = openpyxl.load_workbook(filled)
    ws = wb[S_REG]
    for dims in ws.row_dimensions.values():
        if dims.outlineLevel:
            dims.hidden = True
    wb.save(folder / "aizverts.xlsx")
    copies = {"tukss": one_sheet_copies(empty, folder)[S_REG],
              "aizpildits": one_sheet_copies(filled, folder)[S_REG],
              "aizverts": one_sheet_copies(folder / "aizverts.xlsx", folder)[S_REG],
              "bip": one_sheet_copies(empty, folder)[S_BIP],
              "otrais-bloks": one_sheet_copies(second, folder)[S_REG],
              "visi-bloki": one_sheet_copies(every, folder)[S_REG],
              "pilna-lapa": one_sheet_copies(full, folder)[S_REG]}
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return dict(zip(copies, pdfs, strict=True))


@pytest.fixture(scope="module")
def printed(printed_pdfs: dict[str, Path]) -> dict[str, list[Page]]:
    return {name: read_pages(pdf) for name, pdf in printed_pdfs.items()}


@pytest.mark.libreoffice
def test_wrapped_notes_keep_their_last_line(printed_pdfs: dict[str, Path]) -> None:
    """The red warning above the rows, shown when a filled row is left in a closed group, prints every line
    inside its row (its height: note_height)."""
    hidden = [f"{name}: {cut}" for name, pdf in printed_pdfs.items() for cut in cut_runs(pdf, below=True) if cut.below]
    assert not hidden, "piezīmes rinda nav redzama:\n" + "\n".join(hidden)


@pytest.mark.libreoffice
def test_an_empty_register_prints_one_page_without_the_screen_hint(printed: dict[str, list[Page]]) -> None:
    """The hint on the "+" buttons is for the screen (a comment, D215): the paper neither shows it nor warns."""
    pages = printed["tukss"]
    assert _blocks(pages) == 1, f"{len(pages)} lapas"  # one page down, continued to the right
    text = _flat(pages)
    assert "pa kreisi no rindu numuriem" not in text and "struktūras pogām" not in text
    assert "UZMANĪBU" not in text
    assert "Kopā visās reģistra rindās, EUR" in text
    numbers = {int(n) for n in re.findall(r"(?<![\d,.])(\d{1,3})(?![\d,.])", text)}
    assert row_groups.SHOWN in numbers and row_groups.SHOWN + 1 not in numbers, sorted(numbers)


@pytest.mark.libreoffice
def test_every_filled_row_prints_with_the_total(printed: dict[str, list[Page]], catalogue: Catalogue) -> None:
    pages = printed["aizpildits"]
    names = " ".join(institutions.names_text(catalogue.municipality("jelgava")).split())
    text = _flat(pages)
    missing = [f"DOK-{i:03d}" for i in range(1, FILLED + 1) if f"DOK-{i:03d}" not in text]
    assert not missing, missing
    assert _total(FILLED) in text
    assert row_groups.WARNING not in text
    assert _blocks(pages) <= 4, f"{len(pages)} lapas {FILLED} rindām"  # rows 1–100 at 100 %
    for k, page in enumerate(pages, start=1):
        assert f"28. pielikums, {k}. lapa" in " ".join(page.text.split())
        # the intro line's names repeat on every page, also on the pages across (audit35 F5, D173)
        assert names in " ".join(page.text.replace("\u00a0", " ").split()), f"{k}. lapa bez nosaukumiem"


@pytest.mark.libreoffice
def test_the_signatures_print_with_the_total_on_every_page_across_and_no_page_is_left_without_rows(
        printed: dict[str, list[Page]]) -> None:
    """"Sagatavoja / Paraksts / Datums" print whole, above the total they sign, on every page across (the rows
    every page repeats, D242) – never on the first strip, never alone; and every page of rows has its page across,
    so no page holds only the repeated rows and an empty table header (audit28 F4: with rows 1–50 filling their
    pages exactly, the block under the last row printed alone on a fifth page; before that D173, audit35 F11)."""
    for name in ("tukss", "aizpildits", "otrais-bloks", "visi-bloki", "pilna-lapa"):
        pages = [" ".join(p.text.replace("\u00a0", " ").split()) for p in printed[name]]
        across = [p for p in pages if "Saņēmējs (atkārtots)" in p]
        first = [p for p in pages if "Dokumenta veids" in p]
        assert len(first) == len(across) and len(pages) == 2 * len(first), \
            f"{name}: {len(pages)} lapas, {len(first)} ar pirmajām ailēm, {len(across)} ar atkārtotajām"
        for k, page in enumerate(across, start=1):
            assert all(label in page for label in ("Sagatavoja (vārds, uzvārds, amats)", "Paraksts", "Datums")), \
                f"{name}: {k}. lapa pa labi bez parakstiem"
            assert "Kopā visās reģistra rindās" in page, f"{name}: {k}. lapa pa labi bez kopsummas"
        assert not [p for p in first if "Sagatavoja" in p], name
    full = [" ".join(p.text.split()) for p in printed["pilna-lapa"]]
    assert all("DOK-0" in p for p in full), "lapa bez reģistra rindām"  # every open row is filled here


@pytest.mark.libreoffice
def test_hidden_filled_rows_still_count_and_warn(printed: dict[str, list[Page]]) -> None:
    pages = printed["aizverts"]
    text = _flat(pages)
    assert _blocks(pages) == 1, f"{len(pages)} lapas"
    assert _total(FILLED) in text  # the sum covers the hidden rows
    assert " ".join(row_groups.WARNING.split()) in text
    shown = row_groups.SHOWN
    assert f"DOK-{shown:03d}" in text and f"DOK-{shown + 1:03d}" not in text


@pytest.mark.libreoffice
def test_numbers_print_with_latvian_separators_in_any_locale(printed: dict[str, list[Page]]) -> None:
    text = _flat(printed["aizpildits"] + printed["bip"])
    shares = re.findall(r"\d+[.,]\d+ ?%", text)
    assert shares and all("," in s for s in shares), shares
    assert not re.search(r"\d,\d{3}\.\d{2}\b", text), "skaitlis ar angļu atdalītājiem"


def test_groups_cover_every_row_within_excels_seven_levels() -> None:
    levels = [row_groups.level(i) for i in range(REGISTER_ROWS + 20)]
    assert levels[: row_groups.SHOWN] == [0] * row_groups.SHOWN and levels[row_groups.SHOWN] == 1
    assert levels == sorted(levels) and max(levels) <= 7
    shown = row_groups.SHOWN
    assert [row_groups.shown_level(n) for n in (0, 1, shown, shown + 1, 50, 51, 400, 420)] == [0, 0, 0, 1, 1, 2, 6, 6]


def test_sums_and_names_cover_all_rows(tmp_path: Path, catalogue: Catalogue) -> None:
    path = write_register_workbook(catalogue, catalogue.municipality("jelgava"), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    last = REG_FIRST + REGISTER_ROWS  # 1-based
    ref = wb.defined_names["Reg_Summa"].attr_text
    assert ref.endswith(f"$L${REG_FIRST + 1}:$L${last}"), ref
    ws = wb[S_REG]
    hidden = [r for r in range(REG_FIRST + 1, last + 1) if ws.row_dimensions[r].hidden]
    assert hidden == list(range(REG_FIRST + 1 + row_groups.SHOWN, last + 1))
    assert ws.row_dimensions[last].outlineLevel == len(row_groups.BOUNDS) - 1
