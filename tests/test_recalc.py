"""LibreOffice batch recalculation: large batches are split so no file is silently skipped."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from generator import recalc
from generator.ministry.xlsxread import parse_cell, read_xlsx


@pytest.mark.libreoffice
@pytest.mark.xdist_group("recalc-lo")
def test_chunked_batch_recalculates_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if recalc.soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts")
    monkeypatch.setattr(recalc, "CHUNK", 3)
    files = []
    for i in range(7):
        path = tmp_path / f"f{i}.xlsx"
        wb = xlsxwriter.Workbook(path)
        ws = wb.add_worksheet("6.1")
        ws.write_number("A1", i + 0.125)
        ws.write_formula("B1", "=ROUND(A1*2,2)", None, 0)  # cached 0 must be replaced by LibreOffice
        wb.close()
        files.append(path)
    outputs = recalc.convert(files, tmp_path / "out")
    assert len(outputs) == 7
    for i, out in enumerate(outputs):
        value = openpyxl.load_workbook(out, data_only=True)["6.1"]["B1"].value
        assert value == pytest.approx(round((i + 0.125) * 2, 2)), out.name


def test_missing_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recalc, "soffice", lambda: None)
    with pytest.raises(recalc.RecalcError, match="LibreOffice"):
        recalc.convert([tmp_path / "a.xlsx"], tmp_path)


def test_a_stale_file_in_the_output_folder_is_never_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice that writes nothing (here a stand-in that only exits 0) is an error, even when a file of
    the expected name is left in the output folder by an earlier run; that file is left as it was."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setattr(recalc, "soffice", lambda: str(fake))
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.xlsx").write_bytes(b"vecs rezultats")
    with pytest.raises(recalc.RecalcError, match="trūkst 1 failu"):
        recalc.convert([tmp_path / "a.xlsx"], out)
    assert (out / "a.xlsx").read_bytes() == b"vecs rezultats"
    assert sorted(p.name for p in out.iterdir()) == ["a.xlsx"]


def test_a_failed_call_is_repeated_for_the_files_it_did_not_write(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A first call that writes nothing and fails (as a LibreOffice start on a loaded machine may) and a
    second one that writes only one file are followed by a call for the file still missing."""
    calls = tmp_path / "calls.txt"
    fake = tmp_path / "soffice"
    fake.write_text(f"""#!/bin/sh
echo "$@" >> {calls}
n=$(wc -l < {calls})
for a; do [ "$prev" = "--outdir" ] && outdir=$a; prev=$a; done
[ "$n" = 1 ] && exit 81
for a; do case "$a" in *.xlsx) cp "$a" "$outdir/"; [ "$n" = 2 ] && exit 0;; esac; done
exit 0
""")
    fake.chmod(0o755)
    monkeypatch.setattr(recalc, "soffice", lambda: str(fake))
    files = []
    for name in ("a", "b"):
        (tmp_path / "in").mkdir(exist_ok=True)
        files.append(tmp_path / "in" / f"{name}.xlsx")
        files[-1].write_bytes(name.encode())
    outputs = recalc.convert(files, tmp_path / "out")
    assert [p.read_bytes() for p in outputs] == [b"a", b"b"]
    runs = calls.read_text().splitlines()
    assert len(runs) == 3
    assert runs[0].endswith("a.xlsx " + str(files[1])) and runs[2].endswith(str(files[1]))
    assert "a.xlsx" not in runs[2]


# --- values over UNO without saving (read_recalculated, generator/lo_values.py) ----------------------------------


@pytest.mark.libreoffice
@pytest.mark.xdist_group("recalc-lo")
def test_values_over_uno_are_recalculated_and_an_unreadable_file_is_named(tmp_path: Path) -> None:
    """Cached values are replaced by LibreOffice's; a file LibreOffice cannot open is an error that names it."""
    if not recalc.uno_available():
        pytest.fail("Debian Python nevar importēt uno: `make test` uzstāda python3-uno")
    good = tmp_path / "labs.xlsx"
    wb = xlsxwriter.Workbook(good)
    ws = wb.add_worksheet("6.1")
    ws.write_number("A1", 2.125)
    ws.write_formula("B1", "=ROUND(A1*2,2)", None, 0)
    wb.define_name("Summa", "='6.1'!$B$1")
    wb.close()
    [record] = recalc.read_recalculated([good])
    assert record["names"] == {"Summa": ["6.1", 1, 2, 1, 2]}
    assert record["cells"] == {"6.1": [[1, 1, 2.125], [1, 2, 4.25]]}
    bad = tmp_path / "bojats.xlsx"
    bad.write_bytes(b"PK\x03\x04 nav darbgramata")
    with pytest.raises(recalc.RecalcError, match="bojats.xlsx"):
        recalc.read_recalculated([good, bad])


def test_a_helper_that_stops_early_is_run_again_for_the_files_it_did_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper run that reads one file and dies (a crash, a time-out) is followed by one for the rest; a helper
    that reads nothing at all ends, after ATTEMPTS runs, in an error that counts the files."""
    calls = tmp_path / "calls.txt"
    helper = tmp_path / "python3"
    helper.write_text(f"""#!/bin/sh
read first
echo "$first" >> {calls}
printf '{{"path": "%s", "names": {{}}, "sheets": [], "cells": {{}}}}\\n' "$first"
exit 9
""")
    helper.chmod(0o755)
    monkeypatch.setattr(recalc, "UNO_PYTHON", str(helper))
    monkeypatch.setattr(recalc, "soffice", lambda: "/bin/true")
    files = [tmp_path / f"{name}.xlsx" for name in ("a", "b", "c")]
    records = recalc.read_recalculated(files)
    assert [r["path"] for r in records] == [str(f) for f in files]
    assert calls.read_text().splitlines() == [str(f) for f in files]
    helper.write_text("#!/bin/sh\nexit 9\n")
    with pytest.raises(recalc.RecalcError, match="nolasīt 2 failus"):
        recalc.read_recalculated(files[:2])


@pytest.mark.libreoffice
@pytest.mark.xdist_group("recalc-lo")
def test_sheets_printed_apart_from_one_load(tmp_path: Path) -> None:
    """print_sheets: each sheet on its own PDF (the other sheets and their print areas left out), with its repeated
    heading rows on every page after an earlier sheet of the same file was printed, and the values recalculated.
    (That the PDFs equal those of one-sheet copies printed by ``convert`` was measured on every print of
    tests/workbook/test_print.py: docs/benchmarks.md.)"""
    import subprocess

    if not recalc.uno_available():
        pytest.fail("Debian Python nevar importēt uno: `make test` uzstāda python3-uno")
    path = tmp_path / "lapas.xlsx"
    wb = xlsxwriter.Workbook(path)
    first = wb.add_worksheet("Pirmā")
    first.write_string("A1", "pirmās lapas virsraksts")
    first.write_number("A2", 2.5)
    first.write_formula("B2", "=A2*4", None, 0)  # cached 0: LibreOffice must recalculate it
    first.print_area("A1:B2")
    first.repeat_rows(0)
    first.repeat_columns(0)
    second = wb.add_worksheet("Otrā")
    second.write_string("A1", "otrās lapas virsraksts")
    for row in range(1, 120):
        second.write_string(row, 0, f"rinda {row}")
    second.repeat_rows(0)
    second.repeat_columns(0)
    wb.close()
    pdfs = {sheet: tmp_path / "pdf" / f"{sheet}.pdf" for sheet in ("Pirmā", "Otrā")}
    # in the same run, after the sheets apart: the whole workbook saved as xlsx and printed (None), and another
    # file read, not saved (as tests/ministry/test_libreoffice.py's batch does)
    other = tmp_path / "lasams.xlsx"
    wb = xlsxwriter.Workbook(other)
    wb.add_worksheet("Lasāmā").write_formula("A1", "=3*5", None, 0)
    wb.close()
    whole = [(None, tmp_path / "visa" / "lapas.xlsx"), (None, tmp_path / "visa" / "lapas.pdf")]
    # a file read and stored whole from one load (the workbook proofs' saved sample): its record, and the xlsx
    read_and_saved = tmp_path / "lasa-un-saglaba" / "lasams.xlsx"
    read_and_printed = tmp_path / "lasa-un-saglaba" / "lasams.pdf"
    records = recalc.print_sheets({path: [*pdfs.items(), *whole],
                                   other: [(None, read_and_saved), (None, read_and_printed)]}, read=[other])
    assert [r["cells"] for r in records] == [{"Lasāmā": [[1, 1, 15]]}]
    assert read_xlsx(read_and_saved).cells["Lasāmā"][parse_cell("A1")].value == 15
    assert subprocess.run(["pdftotext", str(read_and_printed), "-"], capture_output=True, text=True,
                          check=True).stdout.split() == ["15"]
    saved = read_xlsx(whole[0][1])
    assert saved.cells["Pirmā"][parse_cell("B2")].value == 10 and "Otrā" in saved.cells
    printed = subprocess.run(["pdftotext", str(whole[1][1]), "-"], capture_output=True, text=True, check=True).stdout
    assert "pirmās lapas virsraksts" in printed and "otrās lapas virsraksts" in printed and "rinda 119" in printed
    pages = {sheet: subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split("\f")[:-1] for sheet, pdf in pdfs.items()}
    assert len(pages["Pirmā"]) == 1 and "10" in pages["Pirmā"][0], pages["Pirmā"]
    assert "otrās lapas" not in pages["Pirmā"][0] and "pirmās lapas" not in "".join(pages["Otrā"])
    assert len(pages["Otrā"]) >= 2
    assert all("otrās lapas virsraksts" in page for page in pages["Otrā"]), pages["Otrā"]


def test_print_sheets_refuses_a_wrong_target_and_never_takes_an_earlier_file_for_its_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet prints only to .pdf, a whole workbook (None) to .pdf or .xlsx: anything else is refused before a folder
    is made; so is a file read in the run and printed a sheet apart (it may be stored whole), and an output that is
    a file the run loads to print or store (it would be removed first; a file stored and then read is allowed). A PDF left by an earlier run is removed first, so that a
    LibreOffice that writes nothing is an error, not the old file passed off as this run's (review of testtime12)."""
    source = tmp_path / "a.xlsx"
    source.write_bytes(b"")
    for asked in ([("Lapa", tmp_path / "out" / "a.xlsx")], [(None, tmp_path / "out" / "a.ods")]):
        with pytest.raises(ValueError, match="a sheet prints to .pdf"):
            recalc.print_sheets({source: asked})
    with pytest.raises(ValueError, match="stored whole"):
        recalc.print_sheets({source: [("Lapa", tmp_path / "out" / "a.pdf")]}, read=[source])
    source.write_bytes(b"ievade")
    read_too = tmp_path / "b.xlsx"
    read_too.write_bytes(b"lasama ievade")
    for files in ({source: [(None, source)]},
                  {source: [(None, tmp_path / "." / "b.xlsx")], read_too: [(None, tmp_path / "out" / "b.pdf")]}):
        with pytest.raises(ValueError, match="an output of the run is a file it loads"):
            recalc.print_sheets(files, read=[read_too])
    assert source.read_bytes() == b"ievade" and read_too.read_bytes() == b"lasama ievade"
    assert not (tmp_path / "out").exists()
    stale = tmp_path / "out" / "a.pdf"
    stale.parent.mkdir()
    stale.write_bytes(b"%PDF earlier run")
    monkeypatch.setattr(recalc, "read_recalculated", lambda files, **_: [{} for _ in files])  # writes nothing
    with pytest.raises(recalc.RecalcError, match="neizdrukāja"):
        recalc.print_sheets({source: [("Lapa", stale)]})
    assert not stale.exists()
