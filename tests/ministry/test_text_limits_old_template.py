"""Text limits only where the matrix's own template checked them (D168): a matrix made on an older registered template
(commit 1670ef6c, version 2023-04-01+d565b0ea.10: the D90 checks of 6.3 and 6.6, not yet D166's provider name nor
D167's 6.4 and 6.10 notes) with an 81-character provider name and a 56-character 6.4 note showed 0 errors on its own
6.11, so `ibm collect` uses it with a warning naming the cell, the length and today's limit; the same texts in a matrix
of the current template are refused as that matrix itself counts them; the papers made from the old matrix print the
provider's name whole."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.places import input_place
from generator.ministry.matrix import Matrix, read_child
from generator.workbook.input_checks import NOTE_CHARS_64, NOTE_CHARS_610, PROVIDER_CHARS
from generator.workbook.inputs import People
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, generic_template, two_line_inputs, write_children
from tests.ministry.test_migrate_old_template import old_template

OLD_COMMIT = "1670ef6c"
OLD_VERSION = "2023-04-01+d565b0ea.10"
ESCORT, MARKET = "2.1", "3.1.2i"
# fictional, exactly one character over today's limits
PROVIDER = "Biedrība „Izdomātais Vidzemes bērnu rehabilitācijas un attīstības centrs Paraugs”"
NOTE = "Ergoterapija pirmdienās pēc skolas, vecākam klātesot 1 h"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={ESCORT: "SIA Pavadonis Paraugs", MARKET: PROVIDER})
ENV = {"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()}


def _child(catalogue: Catalogue, index: int = 0) -> Child:
    inputs = two_line_inputs(catalogue, (ESCORT, 10, Decimal(5)), (MARKET, 10, Decimal(20)))
    people = dataclasses.replace(PEOPLE, child_name=f"Žanete Paraugs {index + 1}",
                                 child_code=f"010512-2987{index}")
    return Child(index, "valmiera", people, inputs)


def _with_note(path: Path) -> None:
    """The 6.4 note of the first plan line pasted over today's limit (the old template has no data validation)."""
    wb = load_workbook(path)
    sheet, ref = next(iter(wb.defined_names["Aprekins_Piezimes"].destinations))
    wb[sheet][ref.replace("$", "").split(":")[0]] = NOTE
    wb.save(path)


def _matrices(catalogue: Catalogue, template: Path, folder: Path, count: int) -> list[Path]:
    children = write_children(catalogue, template, [_child(catalogue, i) for i in range(count)], folder)
    for child in children:
        assert child.path is not None
        _with_note(child.path)
    return [c.path for c in children if c.path is not None]


@pytest.fixture(scope="module")
def old_files(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> list[Path]:
    folder = tmp_path_factory.mktemp("veca-veidne-d168")
    template = old_template(folder, OLD_COMMIT)
    assert Matrix.open(template).scalar("IBM_Versija") == OLD_VERSION
    # two files: the second of a run is read by the fast scan (no formulas in its book) once the first proved the
    # template, so both ways of reading find the missing check
    return _matrices(catalogue, template, folder / "matricas", 2)


@pytest.fixture(scope="module")
def current_file(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    folder = tmp_path_factory.mktemp("pasreizeja-veidne-d168")
    return _matrices(catalogue, generic_template(catalogue, folder), folder / "matricas", 1)[0]


def _place(path: Path, name: str, row: int = 0) -> str:
    return Matrix.open(path).where(name, row)


def _collected_place(path: Path, name: str, row: int = 0) -> str:
    """The cell as `ibm collect` names it: table, cell, label (and 6.11's row), as documents do (ministrycheck F3)."""
    return input_place(Matrix.open(path), name, row)


def _provider_row(path: Path) -> int:
    m = Matrix.open(path)
    return next(j for j, v in enumerate(m.column("Pak_Sniedzejs")) if v == PROVIDER)


def test_the_texts_are_one_character_over_todays_limits() -> None:
    assert (len(PROVIDER), len(NOTE)) == (PROVIDER_CHARS + 1, NOTE_CHARS_64 + 1) == (81, 56)


def test_the_limit_each_template_checked_is_read_from_the_file(old_files: list[Path], current_file: Path) -> None:
    old, new = Matrix.open(old_files[0]), Matrix.open(current_file)
    j = _provider_row(old_files[0])
    assert old.length_limit("Pak_Sniedzejs", j) is None
    assert old.length_limit("Aprekins_Piezimes", 0) is None
    assert old.length_limit("Plans_Piezimes", 0) == 20  # D90 was in that template: still its own check
    assert new.length_limit("Pak_Sniedzejs", _provider_row(current_file)) == PROVIDER_CHARS
    assert new.length_limit("Aprekins_Piezimes", 0) == NOTE_CHARS_64
    assert new.length_limit("Fakt_Piezimes", 39) == NOTE_CHARS_610


def test_an_old_matrix_with_long_texts_is_collected_with_warnings(old_files: list[Path], tmp_path: Path) -> None:
    root = old_files[0].parent.parent
    result = CliRunner().invoke(main, ["collect", str(root), "--out", str(tmp_path / "k.xlsx"), "--jobs", "1"],
                                env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Izmantotas 2 matricas, neizmantotas 0" in result.output, result.output
    assert "garākam par" not in result.output, result.output
    for path in old_files:
        rel = path.relative_to(root).as_posix()
        provider = (f"Brīdinājums: {rel}: {_collected_place(path, 'Pak_Sniedzejs', _provider_row(path))}: sniedzēja nosaukumam "
                    "pašreizējā veidnē atļautas ne vairāk kā 80 zīmes, ievadīta 81 zīme; šīs matricas vecākā veidne "
                    "teksta garumu nepārbaudīja, tāpēc tā nav kļūda, bet parakstāmajās 6.5. un 6.9. tabulās izdrukā "
                    "teksts var būt nogriezts (summas tas nemaina)")
        note = (f"Brīdinājums: {rel}: {_collected_place(path, 'Aprekins_Piezimes')}: piezīmju tekstam pašreizējā veidnē atļautas "
                "ne vairāk kā 55 zīmes, ievadītas 56 zīmes; šīs matricas vecākā veidne teksta garumu nepārbaudīja, "
                "tāpēc tā nav kļūda, bet darba tabulā 6.4. izdrukā teksts var būt nogriezts (summas tas nemaina)")
        assert provider in result.output, result.output
        assert note in result.output, result.output


def test_the_same_texts_on_the_current_template_are_refused(current_file: Path, tmp_path: Path,
                                                             catalogue: Catalogue) -> None:
    root = current_file.parent.parent
    result = CliRunner().invoke(main, ["collect", str(root), "--out", str(tmp_path / "k.xlsx"), "--jobs", "1"],
                                env=ENV, catch_exceptions=False)
    assert result.exit_code == 1, result.output  # its only matrix refused: nothing written
    assert "Brīdinājums" not in result.output, result.output
    assert (f"{_collected_place(current_file, 'Pak_Sniedzejs', _provider_row(current_file))}: sniedzēja nosaukumam jābūt ne "
            "garākam par 80 zīmēm, citādi parakstāmajās 6.5. un 6.9. tabulās izdrukā tikai daļu, ievadīta 81 zīme"
            in result.output), result.output
    assert (f"{_collected_place(current_file, 'Aprekins_Piezimes')}: piezīmju tekstam jābūt ne garākam par 55 zīmēm, citādi "
            "darba tabulā 6.4. izdrukā tikai daļu, ievadītas 56 zīmes" in result.output), result.output
    data, problems = read_child(Matrix.open(current_file), catalogue)
    assert data is None and len(problems) == 2, problems


def test_a_text_the_old_template_checked_is_still_refused(old_files: list[Path], tmp_path: Path,
                                                          catalogue: Catalogue) -> None:
    """Per field, not per file: the old template had D90's check of 6.3's notes, so an over-long one is an error
    there too (the file counted it on its own 6.11)."""
    path = tmp_path / "veca-ar-piezimi.xlsx"
    wb = load_workbook(old_files[0])
    sheet, ref = next(iter(wb.defined_names["Plans_Piezimes"].destinations))
    wb[sheet][ref.replace("$", "").split(":")[0]] = "x" * 21
    wb.save(path)
    m = Matrix.open(path)
    data, problems = read_child(m, catalogue)
    assert data is None
    assert problems == [f"{m.where('Plans_Piezimes')}: piezīmju tekstam jābūt ne garākam par 20 zīmēm, citādi "
                        "parakstāmajā 6.3. tabulā izdrukā tikai daļu, ievadīta 21 zīme"], problems


@pytest.mark.slow
@pytest.mark.libreoffice
def test_a_matrix_saved_by_libreoffice_keeps_its_checks_readable(current_file: Path, tmp_path: Path) -> None:
    """LibreOffice writes the formulas back in its own way: the checks of the current template are still found, so
    its over-long texts stay refusals, not warnings."""
    from generator.recalc import convert, make_profile, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    [saved] = convert([current_file], tmp_path / "lo", profile=make_profile(tmp_path / "lo-profile"))
    m = Matrix.open(saved)
    j = next(j for j, v in enumerate(m.column("Pak_Sniedzejs")) if v == PROVIDER)
    assert (m.length_limit("Pak_Sniedzejs", j), m.length_limit("Aprekins_Piezimes", 0)) == (80, 55)


def test_migrate_says_the_new_matrix_will_count_the_long_texts(old_files: list[Path], tmp_path: Path,
                                                               catalogue: Catalogue) -> None:
    """The old file reads without a problem now; the migrated one is of the current template, which counts both
    texts: the report says so, naming the new matrix, not "the matrix" in general."""
    from generator.ministry.migrate import Migrator

    with Migrator(catalogue) as migrator:
        report = migrator.migrate(old_files[0], tmp_path / "jauna.xlsx")
    text = report.text()
    assert report.before is not None and report.after is None, text
    new = Matrix.open(tmp_path / "jauna.xlsx")
    assert (f"Piezīme: apmērus nevar salīdzināt, jo jaunajā matricā ir nederīga ievade, ko vecākā veidne vēl "
            f"nepārbaudīja (vērtība pārnesta, kā ievadīta; izlabojiet to jaunajā matricā): "
            f"{new.where('Aprekins_Piezimes')}: piezīmju tekstam jābūt "
            "ne garākam par 55 zīmēm") in text, text
    assert "sniedzēja nosaukumam jābūt ne garākam par 80 zīmēm" in text, text


def _rewritten(source: Path, target: Path, change) -> Path:  # noqa: ANN001
    """A copy of ``source`` whose sheet XML went through ``change`` (another program writing the formulas)."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return target


def test_a_check_in_lower_case_is_still_the_templates_check(current_file: Path, tmp_path: Path,
                                                            catalogue: Catalogue) -> None:
    """review11 R11-1: the comparison with the template ignores case; the reading of the checks did not, so a
    current matrix whose formulas another program wrote in lower case had its long texts taken as an older
    template's warnings."""
    path = _rewritten(current_file, tmp_path / "mazie-burti.xlsx", lambda xml: xml.replace("IF(LEN(", "if(len("))
    data, problems = read_child(Matrix.open(path), catalogue)
    assert data is None and len(problems) == 2, problems
    assert all("garākam par" in p for p in problems), problems


def test_a_current_matrix_without_a_check_still_refuses_by_todays_limit(current_file: Path, tmp_path: Path,
                                                                       catalogue: Catalogue) -> None:
    """A check missing from a matrix of the current template is not an older template's: the text is refused with
    today's limit, never the "vecākā veidne … nepārbaudīja" warning."""
    path = _rewritten(current_file, tmp_path / "bez-parbaudes.xlsx",
                      lambda xml: xml.replace("IF(LEN(", "IF(0*LEN("))
    m = Matrix.open(path)
    assert m.length_limit("Pak_Sniedzejs", _provider_row(path)) is None  # no check found in the file
    data, problems = read_child(m, catalogue)
    assert data is None and len(problems) == 2, problems
    assert all("garākam par" in p for p in problems), problems
