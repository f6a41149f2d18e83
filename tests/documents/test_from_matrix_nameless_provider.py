"""`ibm documents --from-matrix` on a matrix whose 6.8 leaves the provider of a used plan line empty (audit27 F3):
not refused (a blank party may be filled in by hand), but one Latvian line on the console and in parskats.txt's
"Pirms parakstīšanas pārbaudiet" names the empty cell – sheet, address and label read from the file's defined names –
the service, and the papers that print a blank where the provider's name goes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.signing import nameless_lines
from generator.documents.from_matrix.specs import child_documents
from generator.ministry.xlsxread import a1, read_xlsx
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_tables, plan_reading, table_with, write_matrices
from tests.ministry.factory import Child, two_line_inputs

PHYSIO, MARKET = "3.1.1i", "3.1.2i"
NAMED = "SIA Ergo Paraugs"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={MARKET: NAMED})  # none for PHYSIO: its 6.8 cell stays empty
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
TRANSPORT = "2.4"  # repaid to the parent (the catalogue's payee, D29): no provider papers, only 05 names a provider


def _matrix(catalogue: Catalogue, folder: Path) -> Path:
    inputs = two_line_inputs(catalogue, (PHYSIO, 10, Decimal(20)), (MARKET, 10, Decimal(20)))
    child = Child(0, "valmiera", PEOPLE, inputs)
    assert child.result(catalogue).errors == 0
    return write_matrices(catalogue, folder, [child])[0].path


def _provider_cell(matrix: Path, label: str) -> str:
    """The 6.8 provider cell of the item ``label``: the row of its Pak_Id, the column of Pak_Sniedzejs (the names)."""
    book = read_xlsx(matrix)
    ids, providers = book.name_ref("Pak_Id"), book.name_ref("Pak_Sniedzejs")
    assert ids is not None and providers is not None and ids.sheet == providers.sheet == "6.8"
    [row] = [r for r, [value] in enumerate(book.values(ids)) if isinstance(value, str) and value.strip() == label]
    cell = book.cell(providers.sheet, (providers.first[0] + row, providers.first[1]))
    assert cell is None or cell.value in (None, "")  # the cell is empty in the file
    return a1((providers.first[0] + row, providers.first[1]))


@pytest.mark.slow
@pytest.mark.usefixtures("pdf_stand_ins")  # PDFs: which are made, not their text
def test_an_empty_provider_is_named_with_its_cell_before_signing(catalogue: Catalogue, tmp_path: Path) -> None:
    labels = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}
    matrix = _matrix(catalogue, tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out),
                                       "--day", BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 0, result.output
    folder = out / matrix.stem
    # the named provider is Nr. 1, the lines without a name are the last group (D126): its papers have a blank name
    assert sorted(p.name for p in folder.glob("0[23]-*.docx")) == [
        "02-ligums-ar-sniedzeju-1.docx", "02-ligums-ar-sniedzeju-2.docx",
        "03-garantijas-vestule-1.docx", "03-garantijas-vestule-2.docx"]
    choice = table_with(docx_tables(folder / "05-iesniegums-par-sniedzejiem.docx"), "Pakalpojuma sniedzējs")
    assert [row[2] for row in choice[1:] if row[1] == labels[PHYSIO]] == [""]
    line = (f"6.8. tabula, {_provider_cell(matrix, labels[PHYSIO])} „Sniedzējs”, pakalpojums „{labels[PHYSIO]}”: "
            "sniedzējs nav norādīts, tāpēc failos 02-ligums-ar-sniedzeju-2, 03-garantijas-vestule-2 un "
            "05-iesniegums-par-sniedzejiem sniedzēja vieta ir tukša – ierakstiet sniedzēju matricā un izveidojiet "
            "dokumentus vēlreiz vai ierakstiet to dokumentos ar roku pirms parakstīšanas")
    assert f"1/1 {matrix.stem} ({matrix}): pārbaudiet pirms parakstīšanas: {line}" in normalise(result.output), \
        result.output
    report = (folder / "parskats.txt").read_text(encoding="utf-8")
    section = report.split("Pirms parakstīšanas pārbaudiet:\n", 1)[1]
    assert f"  - {line}\n" in section, report
    assert labels[MARKET] not in line and report.count("sniedzējs nav norādīts, tāpēc") == 1  # the named one: no line


def test_each_line_without_a_provider_names_the_papers_that_print_the_blank(catalogue: Catalogue) -> None:
    """A line repaid to the parent has no provider papers: only 05 prints its blank; a line of the nameless provider
    group also its 02 and 03. Without the cell (a reading that has none) the table and the service are said."""
    labels = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}
    reading = plan_reading(catalogue, "ogre", ((TRANSPORT, 20, Decimal(1), (10, 10), ""),
                                               (MARKET, 10, Decimal(20), (5, 5), ""),
                                               (PHYSIO, 10, Decimal(20), (5, 5), NAMED)))
    reading.provider_places = {labels[MARKET]: "6.8. tabula, H9 „Sniedzējs”, pakalpojums „…”"}
    child = build(reading, catalogue, pseudonymous=False)
    assert [line.to_parent for line in child.lines] == [True, False, False]
    names = [f"{spec.id}.docx" for spec, _ in child_documents(child)]
    assert nameless_lines(child, names, reading.provider_places) == [
        f"6.8. tabula, pakalpojums „{labels[TRANSPORT]}”: sniedzējs nav norādīts, tāpēc failā "
        "05-iesniegums-par-sniedzejiem sniedzēja vieta ir tukša – ierakstiet sniedzēju matricā un izveidojiet "
        "dokumentus vēlreiz vai ierakstiet to dokumentos ar roku pirms parakstīšanas",
        "6.8. tabula, H9 „Sniedzējs”, pakalpojums „…”: sniedzējs nav norādīts, tāpēc failos 02-ligums-ar-sniedzeju-2, "
        "03-garantijas-vestule-2 un 05-iesniegums-par-sniedzejiem sniedzēja vieta ir tukša – ierakstiet sniedzēju "
        "matricā un izveidojiet dokumentus vēlreiz vai ierakstiet to dokumentos ar roku pirms parakstīšanas"]
