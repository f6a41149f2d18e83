"""Every refusal of `ibm documents --from-matrix` names where it is fixed: the sheet, the cell with the label the
matrix shows beside or above it, and the 6.11 row that counts it when 6.11 does (places.py). Each reason is made
here in a fabricated matrix (one clean funded matrix with input cells patched by defined name); the expected cell is
found from the file's defined names (xlsxread), the label and the 6.11 row from the template's own texts and rule
list – never from places.py itself. A meta test fails when a rule the reference can report has no place."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix import places
from generator.documents.from_matrix.reading import MatrixReading, read_for_documents
from generator.documents.from_matrix.run import EXIT_REFUSED, SAME_CHILD, run
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxpatch import fill_by_names
from generator.ministry.xlsxread import a1, read_xlsx
from generator.reference.lines import line_from_offer
from generator.workbook.sheets.technical import rule_row, rules
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import funded_child
from tests.ministry.factory import Child

pytestmark = pytest.mark.slow
REFERENCE = Path(__file__).resolve().parents[2] / "generator" / "reference"
# "6.1. tabula, B38 „…”": a sheet, a cell address and a label – what every refusal of a matrix's content says
PLACE_RE = re.compile(r"\d+\.\d+\. tabula, [A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)? „[^”]+”")


@pytest.fixture(scope="module")
def clean_child(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Child:
    return funded_child(catalogue, tmp_path_factory.mktemp("places"))


@pytest.fixture(scope="module")
def clean_matrix(clean_child: Child) -> Path:
    assert clean_child.path is not None
    return clean_child.path


def _address(matrix: Path, name: str, row: int = 0, col: int = 0) -> tuple[str, str]:
    """(sheet, "B38") of a defined name's cell, read with the workbook reader (not places.py)."""
    ref = read_xlsx(matrix, sheets=()).name_ref(name)
    assert ref is not None, name
    return ref.sheet, a1((ref.first[0] + row, ref.first[1] + col))


def _check_row(code: str, kind: str = "kļūda") -> int:
    return rule_row(next(i for i, rule in enumerate(rules("multipli")) if rule[0] == code and rule[1] == kind))


def _read(catalogue: Catalogue, source: Path, target: Path, values: dict) -> MatrixReading:
    fill_by_names(source, target, values)
    return read_for_documents(target, catalogue, TemplateSource(catalogue), None)


def _said(reading: MatrixReading) -> str:
    return normalise("\n".join([*reading.refused, *reading.errors, *reading.notes]))


def _lines_with_places(reading: MatrixReading) -> None:
    """Every reason the reading gives names a place (the test that fails when a reason has none)."""
    for reason in [*reading.refused, *reading.errors]:
        assert PLACE_RE.search(normalise(reason)), reason


def _item_row(matrix: Path, label: str) -> int:
    book = read_xlsx(matrix)
    ids = [row[0] for row in book.values(book.name_ref("Pak_Id"))]
    return next(j for j, value in enumerate(ids) if isinstance(value, str) and value.strip() == label)


# (case, values patched by defined name, what the reason says, the defined name of its cell, row, col, its label,
# the 6.11 rule code counting it (None: not counted on 6.11), refused (True) or a draft's error (False))
INPUT_CASES = [
    # a text in a date cell, in the matrix's own words (D255)
    ("date", {"Perioda_Sakums": "nav datums"}, "perioda pirmajai dienai jābūt datumam, nevis tekstam", "Perioda_Sakums",
     0, 0, "Perioda pirmā diena",
     "invalid_input", True),
    ("empty-municipality", {"Pasvaldiba": None}, "nav aizpildīts", "Pasvaldiba", 0, 0,
     "Pašvaldība (kods no kataloga)", "invalid_input", True),
    # in the matrix's words (input_checks KINDS["units"], code 2)
    ("negative-units", {"Plans_Daudzums": [-3]}, "daudzumam periodā jābūt skaitlim, kas nav mazāks par 0, ievadīts -3",
     "Plans_Daudzums", 0, 0,
     "Daudzums periodā", "invalid_input", True),
    ("month-text", {"Men_Daudzums": [[None, "divi"]]}, "ievadīts teksts (tā saturu nerāda", "Men_Daudzums", 0, 1, "2. mēnesis",
     "invalid_input", True),
    # a mistyped number is quoted; a word is not, as it may be a name pasted into the wrong column (D221)
    ("month-mistyped", {"Men_Daudzums": [[None, "2,5o"]]}, "ievadīts teksts „2,5o”", "Men_Daudzums", 0, 1,
     "2. mēnesis", "invalid_input", True),
    # in the matrix's words, with how a correction is entered (D258)
    ("paid-negative", {"Fakt_Summa": [[-1]]}, "maksājumam jābūt skaitlim, kas nav mazāks par 0 (korekciju", "Fakt_Summa", 0, 0,
     "Samaksāts, EUR, 1. mēnesis", "invalid_input", True),
    ("opinion", {"Ipasas_Kopsanas_Atzinums": "varbūt"}, "jābūt tieši „Jā” vai „Nē” (no saraksta)", "Ipasas_Kopsanas_Atzinums", 0, 0,
     "VDEĀVK atzinums par īpašas kopšanas nepieciešamību", "invalid_input", True),
    ("worker", {"Socialais_Darbinieks": None}, "Sociālā darbinieka vārdam un uzvārdam jābūt aizpildītam",
     "Socialais_Darbinieks", 0, 0, "Sociālais darbinieks (vārds, uzvārds)", "invalid_input", False),
    ("cents", {"Fin_Citi": 12.345}, "Citu finanšu avotu summai (6.4. tabulā) jābūt summai euro", "Fin_Citi", 0, 0,
     "Citi finanšu avoti (vecāki, ziedojumi)", "invalid_input", False),
    ("not-listed", {"Pasvaldiba": "daugavpils-novads"}, "Pašvaldības kodam jābūt vienai no saraksta vērtībām",
     "Pasvaldiba", 0, 0, "Pašvaldība (kods no kataloga)", "invalid_input", False),
]


@pytest.mark.parametrize("case", INPUT_CASES, ids=lambda c: c[0])
def test_each_input_reason_names_its_cell_label_and_6_11_row(catalogue: Catalogue, clean_matrix: Path,
                                                             tmp_path: Path, case: tuple) -> None:
    _, values, words, name, row, col, label, code, refused = case
    reading = _read(catalogue, clean_matrix, tmp_path / "m.xlsx", values)
    assert bool(reading.refused) == refused, _said(reading)
    sheet, address = _address(clean_matrix, name, row, col)
    place = f"{sheet}. tabula, {address} „{label}”"
    line = next((normalise(r) for r in [*reading.refused, *reading.errors] if words in normalise(r)), None)
    assert line is not None, _said(reading)
    assert place in line, line
    counted = f"6.11. tabulas {_check_row(code)}. rinda"
    assert counted in line, line
    assert "Traceback" not in line and "(Pasvaldiba)" not in line and "!" not in line, line
    _lines_with_places(reading)


def test_a_provider_price_names_its_item_and_a_rule_its_6_11_row(catalogue: Catalogue, clean_child: Child,
                                                                 clean_matrix: Path, tmp_path: Path) -> None:
    """A price above its ceiling: the rule error names 6.8's price cell of the line's item and 6.11's row of the
    rule; the same price as text names the cell as an invalid input."""
    book = read_xlsx(clean_matrix)
    items = [row[0] for row in book.values(book.name_ref("Plans_Pakalpojums"))]
    line = next(i for i, item in enumerate(items) if item is None)  # the first empty plan row gets the item
    offers = catalogue.offers(template_date(catalogue))
    ids = [row[0] for row in book.values(book.name_ref("Pak_Id"))]
    offer, ceiling = next((o, c) for o in offers if (c := line_from_offer(o, 1, unit_price=Decimal(1)).ceiling)
                          and any(isinstance(i, str) and i.startswith(f"{o.id} ") for i in ids)
                          and o.id not in {x.offer_id for x in clean_child.inputs.lines})
    item = next(i for i in ids if isinstance(i, str) and i.startswith(f"{offer.id} "))
    j = _item_row(clean_matrix, item)
    sheet, address = _address(clean_matrix, "Pak_Cena", j)
    months = book.name_ref("Men_Daudzums").cols
    prices = {"Pak_Cena": [None] * j + [float(ceiling + Decimal(5))],
              "Plans_Pakalpojums": [None] * line + [item], "Plans_Daudzums": [None] * line + [1],
              "Plans_EkspertuRangs": [None] * line + [1], "Plans_VecakuRangs": [None] * line + [line + 1],
              "Men_Daudzums": [[None] * months] * line + [[1]]}
    reading = _read(catalogue, clean_matrix, tmp_path / "cena.xlsx", prices)
    said = _said(reading)
    assert not reading.refused, said
    expected = (f"({sheet}. tabula, {address} „Sniedzēja cena, EUR par vienību”, pakalpojums „{item}”; "
                f"6.11. tabulas {_check_row('price_above_ceiling')}. rinda)")
    assert expected in said, said
    _lines_with_places(reading)
    text = _read(catalogue, clean_matrix, tmp_path / "teksts.xlsx", {**prices, "Pak_Cena": [None] * j + ["20 eur"]})
    assert (f"{sheet}. tabula, {address} „Sniedzēja cena, EUR par vienību”, pakalpojums „{item}” (6.11. tabulas "
            f"{_check_row('invalid_input')}. rinda): sniedzēja cenai") in _said(text), _said(text)


def test_a_line_rule_names_the_line_s_cells(catalogue: Catalogue, clean_matrix: Path, tmp_path: Path) -> None:
    """Months that do not add up to the units of the period: 6.3's units and 6.6's months of that line."""
    book = read_xlsx(clean_matrix)
    units = [row[0] for row in book.values(book.name_ref("Plans_Daudzums"))]
    line = next(i for i, u in enumerate(units) if isinstance(u, int | float) and u > 0)
    months = book.name_ref("Men_Daudzums").cols
    reading = _read(catalogue, clean_matrix, tmp_path / "menesi.xlsx",
                    {"Men_Daudzums": [[None] * months] * line + [[float(units[line]) + 1]]})
    said = _said(reading)
    sheet, address = _address(clean_matrix, "Plans_Daudzums", line)
    six, first = _address(clean_matrix, "Men_Daudzums", line)
    _, last = _address(clean_matrix, "Men_Daudzums", line, months - 1)
    # the sentence ends in a bracket (6.6 must match 6.3): the place follows after a dash, not a second bracket
    assert (f"(6.6. tabulā jāsakrīt ar 6.3. tabulu) – {sheet}. tabula, {address} „Daudzums periodā”, {line + 1}. rinda; "
            f"{six}. tabula, {first}:{last} „1.–{months}. mēnesis”, {line + 1}. rinda; 6.11. tabulas "
            f"{_check_row('monthly_units')}. rinda.") in said, said
    _lines_with_places(reading)


def test_the_template_version_and_the_stored_count_name_their_cells(catalogue: Catalogue, clean_matrix: Path,
                                                                    tmp_path: Path) -> None:
    reading = _read(catalogue, clean_matrix, tmp_path / "versija.xlsx", {"IBM_Versija": "2019-01-01+deadbeef"})
    sheet, address = _address(clean_matrix, "IBM_Versija")
    assert reading.refused and (f"({sheet}. tabula, {address} „Veidnes versija (kataloga versija un izkārtojuma "
                                "redakcija)”)") in _said(reading), _said(reading)
    reading = _read(catalogue, clean_matrix, tmp_path / "saskarne.xlsx", {"IBM_Saskarne": "x"})
    sheet, address = _address(clean_matrix, "IBM_Saskarne")
    assert normalise(reading.refused[0]).startswith(f"{sheet}. tabula, {address} „Saskarnes versija"), reading.refused
    _lines_with_places(reading)


def test_one_child_in_two_files_names_the_personal_code_s_cell(catalogue: Catalogue, clean_matrix: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "mape"
    folder.mkdir()
    fill_by_names(clean_matrix, folder / "a.xlsx", {})
    fill_by_names(clean_matrix, folder / "b.xlsx", {"Fin_Citi": 1})  # the same child, another plan's numbers
    said: list[str] = []
    summary = run(folder, tmp_path / "out", catalogue, None, draft=False, echo=said.append, err=said.append)
    assert summary.exit_code == EXIT_REFUSED and summary.refused == 2, said
    sheet, address = _address(clean_matrix, "Berns_PersonasKods")
    refusals = [line for line in said if SAME_CHILD in line]
    assert len(refusals) == 2 and all(f"; {sheet}. tabula, {address} „Personas kods”)" in line
                                      for line in refusals), said


def test_a_refusal_on_the_command_line_names_the_cell(clean_matrix: Path, tmp_path: Path) -> None:
    """As the worker sees it: the documented exit code 1, no traceback, the cell with its label and 6.11's row."""
    source = tmp_path / "datums.xlsx"
    fill_by_names(clean_matrix, source, {"Perioda_Sakums": "31.02.2019"})
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(source), "--out", str(tmp_path / "out"),
                                       "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == EXIT_REFUSED, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    text = normalise(result.output)
    assert "Traceback" not in text
    sheet, address = _address(clean_matrix, "Perioda_Sakums")
    assert (f"{sheet}. tabula, {address} „Perioda pirmā diena” (6.11. tabulas {_check_row('invalid_input')}. rinda): "
            "31.02.2019") in text, text


def test_every_rule_the_reference_reports_has_a_place() -> None:
    """A rule code of the reference (Finding("code", …) anywhere in generator/reference) or of 6.11's list with no
    cells of its own in places.py and no 6.11 row fails here: its refusal would say only what is wrong."""
    codes = set()
    for source in REFERENCE.glob("*.py"):
        codes |= set(re.findall(r'Finding\(\s*"(\w+)"', source.read_text(encoding="utf-8")))
    assert {"price_above_ceiling", "money_cents", "required_field", "final_above_needed"} <= codes, codes
    six_eleven = {rule[0] for rule in rules("multipli")}
    with_cells = (set(places.LINE_CELLS) | set(places.ITEM_CELLS) | set(places.MONTH_CELLS) | set(places.OWN_CELLS)
                  | set(places.TYPED_PLACES) | places.INPUT_RULES)
    no_cells = (codes | six_eleven) - with_cells - places.NOT_IN_MATRIX
    assert no_cells <= places.NO_CELLS, sorted(no_cells - places.NO_CELLS)
    # a rule no matrix can give has no 6.11 row either (else it would need a place)
    assert places.NOT_IN_MATRIX <= codes and not places.NOT_IN_MATRIX & six_eleven
    # a rule without cells of its own is still one 6.11 counts, so its row and tables are its place
    assert places.NO_CELLS <= six_eleven, sorted(places.NO_CELLS - six_eleven)
    # and each rule with cells names at least one cell every time: none maps to an empty list of names
    for code in with_cells - places.INPUT_RULES - set(places.TYPED_PLACES):
        names = (*places.LINE_CELLS.get(code, ()), *places.ITEM_CELLS.get(code, ()),
                 *places.MONTH_CELLS.get(code, ()), *places.OWN_CELLS.get(code, ()))
        assert names, code


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_warning_before_signing_names_its_cell(catalogue: Catalogue, clean_matrix: Path, tmp_path: Path) -> None:
    """Another funding source above N: the warning the worker checks before signing names 6.4's cell of that source
    as the file has it (not the reference's typed address) and 6.11's row of the rule."""
    source = tmp_path / "avoti.xlsx"
    fill_by_names(clean_matrix, source, {"Fin_Citi": 99999.5})  # not whole: no day serial (D286); not above D340
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(source), "--out", str(tmp_path / "out"),
                                       "--day", "01.01.2018", "--arhivam"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 0, result.output
    sheet, address = _address(clean_matrix, "Fin_Citi")
    text = normalise(result.output)
    assert (f"matricā nav apstiprināts; {sheet}. tabula, {address} „Citi finanšu avoti (vecāki, ziedojumi)”; 6.11. "
            f"tabulas {_check_row('source_above_needed', 'brīdinājums')}. rinda)") in text, text
    assert "šūna E65" not in text, text
