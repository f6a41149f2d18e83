"""The report workbooks filled as a municipality fills them after the round (tests/documents/report_fill.py) and
printed whole by LibreOffice, as "Eksportēt kā PDF" or "Drukāt visu" prints them (one soffice call):

- the red note that the month (year, quarter) cells are empty because the round ended prints only while they
  are all empty: on the empty templates, never on a filled report (29, 30, 27, 31);
- a correction in 28 cancels units with a negative quantity (no input error), printed with a true minus sign,
  and its document type prints whole (wrapped in its column), not cut at the next cell; percentages print
  with a space before "%";
- the balance is a labelled line of its own ("Atlikums pārskata perioda beigās, EUR"), not a figure under
  "Kopā"; rows without a month print empty (no 0,00 and no repeated balance): the figures are the reference's;
- each page's footer names its form and its own page ("29. pielikums, 1. lapa"), never the whole file's total;
- the names typed on sheet 26 show on every form of the register workbook, and those typed in every other report
  workbook (27, 31, 17, 24, 35–38) on each of its forms (D64); no page of any workbook cuts a text at a page or
  repeated-column edge (17's and 24's pages across), and every page prints at 8 pt or larger;
- each signed form (27, 29, 30, 31) prints its signature block on a page with its filled rows.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.annex_registers import questionnaire_names
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.report_cells import BALANCE_LABEL
from generator.documents.reports.workbooks import write_report_workbooks
from generator.recalc import convert, make_profile
from generator.reference.params import Params
from tests.documents import report_fill
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("calibri_metrics")]

EMPTY_NOTE = "ailes nav iepriekš aizpildītas"  # not „iepildītas” (audit28 F10)
FORM = re.compile(r"(\d+\.(?:–\d+\.)? pielikums), (\d+)\. lapa")


def _flat(text: str) -> str:
    return " ".join(text.replace(lvformat.NBSP, " ").split())


def _pages(pdf: Path) -> list[str]:
    """Each page's text in reading order (pdftotext's layout: a label and its figure on one line)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="module")
def printed_pdfs(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("atskaites-aizpilditas")
    # built today: the round has ended, so the month cells are inputs (D37)
    paths = {p.stem: p for p in write_report_workbooks(catalogue, catalogue.municipality("valmiera"), folder / "b")}
    labels = {code: reg.bip_label(catalogue, code) for code in reg.ENTERED_BIPS}
    files = {**paths,
             "registrs": report_fill.fill_register(paths["izdevumu-registrs-un-parskati"], folder / "r.xlsx", labels),
             "norekini": report_fill.fill_settlement(paths["norekini-ar-pasvaldibu"], folder / "n.xlsx"),
             "atskaite": report_fill.fill_activity(paths["sd-menesa-atskaite"], folder / "a.xlsx"),
             "aptaujas": report_fill.fill_questionnaire_register(paths["aptauju-registrs"], folder / "ar.xlsx",
                                                                 questionnaire_names(catalogue)),
             "sniedzeji": report_fill.fill_names(paths["sniedzeju-saraksts"], folder / "s.xlsx"),
             "anketas": report_fill.fill_questionnaires(paths["kvalitates-anketas"], folder / "k.xlsx")}
    files |= {"registrs-kludas": report_fill.paste(files["registrs"], folder / "rk.xlsx", report_fill.REGISTER_MISTAKES),
              "atskaite-kludas": report_fill.paste(files["atskaite"], folder / "ak.xlsx", report_fill.ACTIVITY_MISTAKES)}
    pdfs = convert(list(files.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return dict(zip(files, pdfs, strict=True))


@pytest.fixture(scope="module")
def printed(printed_pdfs: dict[str, Path]) -> dict[str, list[str]]:
    return {name: _pages(pdf) for name, pdf in printed_pdfs.items()}


def _form_pages(pages: list[str], form: str) -> list[str]:
    return [_flat(p) for p in pages if f"{form}, " in _flat(p)]


def test_the_empty_cells_note_prints_only_on_empty_templates(printed: dict[str, list[str]]) -> None:
    for name in ("izdevumu-registrs-un-parskati", "norekini-ar-pasvaldibu", "sd-menesa-atskaite"):
        assert EMPTY_NOTE in _flat(" ".join(printed[name])), name
    for name, forms in (("registrs", ("29. pielikums", "30. pielikums")), ("norekini", ("27. pielikums",)),
                        ("atskaite", ("31. pielikums",))):
        for form in forms:
            pages = _form_pages(printed[name], form)
            assert pages, f"{name}: {form}"
            assert not any(EMPTY_NOTE in p for p in pages), f"{name}: {form} saka, ka ailes ir tukšas"


def test_a_correction_cancels_units_and_prints_its_type_whole(printed: dict[str, list[str]]) -> None:
    text = " ".join(_form_pages(printed["registrs"], "28. pielikums"))
    assert "Ievades kļūdas" not in text and "Kļūda:" not in text
    # one word on its row (audit29 F8: the longer label wrapped over the next printed row); the heading says
    # what a correction is
    assert re.search(rf"\s4\s+{reg.CORRECTION}\s+K-1\s", text), "korekcijas rinda"
    assert all(word in text for word in reg.CORRECTION_COVERS.split()), "virsraksts"
    # a true minus sign, as Latvian typesetting writes a negative number, not a hyphen (audit9 F9)
    assert re.search(r"\s\u22121\s+\u221232,00\s", text), "korekcijas daudzums un summa"
    assert not re.search(r"(?<![\w.])-\d", text), "defise skaitļa priekšā"


def test_percentages_print_with_a_space_before_the_sign(printed: dict[str, list[str]]) -> None:
    """"15,00 %", as the project's texts write it ("15 %"), not "15,00%" (audit9 F9)."""
    shares = 0
    for name, pages in printed.items():
        text = " ".join(pages).replace(lvformat.NBSP, " ")
        glued = re.findall(r"[\d,]+%", text)
        assert not glued, f"{name}: {glued[:5]}"
        shares += len(re.findall(r"\d,\d\d %", text))
    assert shares >= 3, shares


def test_the_balance_has_its_own_line_and_unused_months_print_empty(printed: dict[str, list[str]],
                                                                    catalogue: Catalogue) -> None:
    expected = reg.settlement(report_fill.register_data(), Params.from_catalogue(catalogue, catalogue.latest_date))
    closing = lvformat.number(expected.closing_balance).replace(lvformat.NBSP, " ")
    costs = lvformat.number(expected.totals.total).replace(lvformat.NBSP, " ")
    (page,) = [p for p in printed["registrs"] if "29. pielikums, 1. lapa" in p]
    lines = [_flat(line) for line in page.splitlines()]
    (balance,) = [line for line in lines if BALANCE_LABEL in line]
    assert balance.endswith(f"{BALANCE_LABEL} {closing}"), balance
    (totals,) = [line for line in lines if line.startswith("Kopā par visiem")]
    assert totals.endswith(costs) and closing not in totals, totals  # "Kopā" sums, the balance is not under it
    # month 1 closes with it, month 2 opens and closes with it, and the balance line: no unused row repeats it
    assert _flat(page).count(closing) == 4, page
    assert "Sagatavoja" in _flat(page).split(BALANCE_LABEL)[1]
    (settlement,) = _form_pages(printed["norekini"], "27. pielikums")
    assert re.search(rf"{BALANCE_LABEL} [\d\s]+,\d\d", settlement)
    assert "0,00 0,00 0,00" not in settlement  # no unused month row of zeros


# form -> (the empty template, the same workbook filled): every form of every report workbook (D57, D64)
NAMED_FORMS = {
    "28. pielikums": ("izdevumu-registrs-un-parskati", "registrs"),
    "29. pielikums": ("izdevumu-registrs-un-parskati", "registrs"),
    "30. pielikums": ("izdevumu-registrs-un-parskati", "registrs"),
    "26. pielikums": ("izdevumu-registrs-un-parskati", "registrs"),
    "27. pielikums": ("norekini-ar-pasvaldibu", "norekini"),
    "31. pielikums": ("sd-menesa-atskaite", "atskaite"),
    "24. pielikums": ("aptauju-registrs", "aptaujas"),
    "17. pielikums": ("sniedzeju-saraksts", "sniedzeji"),
    "35. pielikums": ("kvalitates-anketas", "anketas"),
    "36. pielikums": ("kvalitates-anketas", "anketas"),
    "37. pielikums": ("kvalitates-anketas", "anketas"),
    "38. pielikums": ("kvalitates-anketas", "anketas"),
    "35.–38. pielikums": ("kvalitates-anketas", "anketas"),
}


def _footer_pages(pages: list[str], form: str) -> list[tuple[str, int]]:
    """The pages whose footer names ``form`` exactly ("38. pielikums" is not "35.–38. pielikums"), with their
    page number within the sheet."""
    found = [(_flat(p), FORM.findall(_flat(p))) for p in pages]
    return [(p, int(forms[-1][1])) for p, forms in found if forms and forms[-1][0] == form]


def test_the_forms_name_the_institutions_typed_in_their_inputs(printed: dict[str, list[str]]) -> None:
    """Names the catalogue does not confirm are blanks on the template; typed in the workbook's inputs, every
    form's intro line shows them (each sheet of 24 too), and the page header (which cannot read a cell) carries
    no blank to write by hand (found: 31, 17, 24 and 35–38 had no inputs and a header "Pašvaldība ______")."""
    typed = " – ".join(report_fill.TYPED_NAMES.values())
    for form, (template, filled_book) in NAMED_FORMS.items():
        # each sheet's first page: its intro line
        empties = [p for p, number in _footer_pages(printed[template], form) if number == 1]
        assert empties, form
        for empty in empties:
            assert "Pašvaldība ______ – sociālais dienests ______" in empty, form
        filled_pages = [p for p, number in _footer_pages(printed[filled_book], form) if number == 1]
        assert len(filled_pages) == len(empties), form
        for filled in filled_pages:
            assert typed in filled and "______ – " not in filled, form
            assert _flat(filled).startswith(form), form  # the header's left part holds no "Pašvaldība ______"


def test_every_page_names_the_institutions_typed(printed: dict[str, list[str]]) -> None:
    """The page header cannot read a cell: the intro line with the names typed in the workbook repeats at the top
    of every page, and the pages across of the sheets wider than a page (28, 17, 24) carry the names above their
    own columns (audit35 F5, D173; found: only each form's first page named the municipality)."""
    typed = " – ".join(report_fill.TYPED_NAMES.values())
    for book in ("registrs", "norekini", "atskaite", "aptaujas", "sniedzeji", "anketas"):
        unnamed = [k for k, page in enumerate(printed[book], start=1) if typed not in _flat(page)]
        assert not unnamed, f"{book}: lapas {unnamed} bez pašvaldības nosaukuma"


def test_no_page_cuts_a_text_or_prints_below_8_pt(printed_pdfs: dict[str, Path]) -> None:
    """Every page of every report workbook, empty and filled: no text runs past a page edge or into the
    label columns that repeat on the pages across (found: 17's and 24's title and notes cut on their second
    page at the edge of the repeated columns), no wrapped line hidden under its row, no letter under 8 pt."""
    cuts = [f"{name}: {cut}" for name, pdf in printed_pdfs.items() for cut in cut_runs(pdf, below=True)]
    assert not cuts, "teksts nogriezts:\n" + "\n".join(cuts)
    small = [f"{name}, {page.number}. lpp.: {page.min_font:.1f} pt" for name, pdf in printed_pdfs.items()
             for page in read_pages(pdf) if page.min_font < 7.95]
    assert not small, small


# A filled row of each signed form as printed: 28's first invoice (its number repeated on the page across, which
# carries the signatures, D242), 27's and 29's first month, 30's quarter, 31's first activity.
SIGNED_ROWS = {"28. pielikums": ("registrs", r"\sR-101\s"),
               "27. pielikums": ("norekini", r"01\.2019\s+12\s"),
               "29. pielikums": ("registrs", r"01\.2019\s+12\s"),
               "30. pielikums": ("registrs", r"2019\s+1\s+[\d\s]+,\d\d"),
               "31. pielikums": ("atskaite", r"1\s+Ģimenes informētas par izmēģinājumprojektu\s+1\s+2\s")}


def test_signature_blocks_print_with_filled_rows(printed: dict[str, list[str]]) -> None:
    """The page that holds "Sagatavoja", "Paraksts" and "Datums" of a signed form also holds its filled rows:
    a signature block never stands alone on a page (27, 29, 30, 31 as a municipality fills them)."""
    for form, (book, row) in SIGNED_ROWS.items():
        pages = _form_pages(printed[book], form)
        signed = [p for p in pages if all(label in _flat(p) for label in SIGNATURE_LABELS)]
        assert len(signed) == 1, f"{form}: {len(signed)} lapas ar parakstiem"
        assert re.search(row, signed[0]), f"{form}: paraksti bez aizpildītajām rindām"


def test_each_page_footer_counts_its_own_sheet(printed: dict[str, list[str]]) -> None:
    """Page k of a sheet says "NN. pielikums, k. lapa" (the page header names the sheet's title)."""
    counted = {}
    for name, pages in printed.items():
        seen: dict[str, int] = counted.setdefault(name, {})
        for k, page in enumerate(pages, start=1):
            assert not re.search(r"Lapa \d+ no \d+", page), f"{name} lpp. {k}"
            found = FORM.findall(_flat(page))
            assert found, f"{name} lpp. {k}: nav lapas numura"
            form, number = found[-1]
            title = _flat(page.strip().splitlines()[0])  # the page header: municipality and the sheet's title
            assert form in title, f"{name} lpp. {k}: {title} / {form}"
            seen[title] = seen.get(title, 0) + 1
            assert int(number) == seen[title], f"{name} lpp. {k}: {form}, {number}. lapa"
    # printed whole: 28 (two pages across), 29, 30 and 26, each numbered from 1
    assert sorted(counted["izdevumu-registrs-un-parskati"].values()) == [1, 1, 1, 2]


def test_the_register_pages_across_cut_no_text(printed_pdfs: dict[str, Path]) -> None:
    """28 continues on a second page with its column "Nr." repeated: its title and notes start right of that
    column, so no page of the register workbook cuts a text at a page or column edge (found: "28. pi",
    "Pašvaldi", "Rādītas p" on 28's second page). 17's total label wraps inside its repeated column."""
    for name in ("izdevumu-registrs-un-parskati", "registrs", "registrs-kludas"):
        cuts = cut_runs(printed_pdfs[name])
        assert not cuts, f"{name}: " + "; ".join(f"{c.page}. lpp. {c.text[:40]!r}" for c in cuts)
    labels = [c for c in cut_runs(printed_pdfs["sniedzeju-saraksts"]) if "norādītu sniedzēju" in c.text]
    assert not labels, labels


# The line of input errors as each form prints it (audit29 F5): what it counts, the first message whole, and
# where the messages it does not print are.
# 28's mistakes also leave its correction larger than January's remaining BIP 1.3 costs: five rows in all.
ERROR_LINES = {"28. pielikums": ("registrs-kludas", 5), "29. pielikums": ("registrs-kludas", 5),
               "30. pielikums": ("registrs-kludas", 5), "31. pielikums": ("atskaite-kludas", 3)}


def test_the_errors_line_prints_whole_with_what_it_counts(printed: dict[str, list[str]]) -> None:
    first_28 = ("Kļūda: '28 Reģistrs'!L6 – jābūt skaitlim – summai euro ar ne vairāk kā diviem cipariem aiz komata; "
                f"negatīva summa atļauta tikai, ja B6 ir „{reg.CORRECTION}”.")
    for form, (book, rows) in ERROR_LINES.items():
        page = _form_pages(printed[book], form)[0]
        assert f"Ievades kļūdas {rows} rindās vai šūnās" in page, f"{form}: {page[:400]}"
        assert "Pārējās – " in page and "ailē „Pārbaude” pa labi no tabulas" in page, form
        assert "______" in " ".join(_form_pages(printed[book], form)), form  # the amounts (totals) wait
        if book == "registrs-kludas":  # the same first message on each form, printed whole (not cut at 28's edge)
            # word by word: the layout text interleaves a label printed beside the line („EUR” on 29)
            missing = [w for w in first_28.split() if w not in page.split()]
            assert first_28[:40] in page and not missing, f"{form}: {missing} {page[:600]}"
        else:
            assert "Kļūda: '31 SD mēneša atskaite'!C8 – jābūt veselam skaitlim, 0 vai vairāk." in page, page[:600]
