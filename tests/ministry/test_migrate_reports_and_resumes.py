"""`ibm migrate` says what it could not carry and resumes after an interruption (audit37 F1–F5, D177)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry import migrate as migrate_module
from generator.ministry.integrity import compare_cells
from generator.ministry.matrix import Matrix, MatrixError
from generator.ministry.migrate import CeilingChange, MigrationReport, PriceChange
from generator.ministry.xlsxread import read_xlsx
from tests.ministry.factory import make_children, write_children


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> Path:
    folder = tmp_path_factory.mktemp("vecas")
    write_children(catalogue, template, make_children(catalogue, 3, seed=3701), folder, by_municipality=False)
    return folder


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["migrate", *args])


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory, three: Path) -> Path:
    """``three`` migrated once, as `ibm migrate VECA --out JAUNAS` writes it: each new matrix and its report. A test
    that starts from an earlier complete migration copies it (``earlier``) instead of migrating again."""
    out = tmp_path_factory.mktemp("parnestas") / "jaunas"
    first = _run(str(three), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "Pārnestas 3 matricas, atteiktas 0" in first.output
    return out


def earlier(migrated: Path, source: Path, out: Path) -> None:
    """``source``'s new matrix and report from ``migrated`` copied to ``out`` and its report, as `ibm migrate SOURCE
    --out OUT` writes them: the same bytes, for the digests line names the old file relative to VECA whether VECA
    was the folder or the file (migrate.source_label) and names no output. Proven here as the command sees it: a
    rerun takes them for its own complete output and writes nothing."""
    report = out.with_name(f"{out.stem}-parnesana.txt")
    shutil.copyfile(migrated / source.name, out)
    shutil.copyfile(migrated / f"{source.stem}-parnesana.txt", report)
    kept = (out.read_bytes(), report.read_bytes())
    rerun = _run(str(source), "--out", str(out))
    assert rerun.exit_code == 0 and "jau pārnesta iepriekš" in rerun.output, rerun.output
    assert (out.read_bytes(), report.read_bytes()) == kept


def _formula_cell(wb) -> str:  # noqa: ANN001 - an openpyxl Workbook
    """The first locked formula cell of sheet 6.4 (a template formula the worker must not type over)."""
    ws = wb["6.4"]
    return next(c.coordinate for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=") and c.protection.locked)


def test_a_value_typed_over_a_formula_is_named_in_the_report(three: Path, tmp_path: Path) -> None:
    source = sorted(three.glob("*.xlsx"))[0]
    wb = load_workbook(source)
    ref = _formula_cell(wb)
    wb["6.4"][ref] = 99.99
    (tmp_path / "old").mkdir()
    wb.save(tmp_path / "old" / "m.xlsx")
    (tmp_path / "old" / "cita.xlsx").write_bytes(sorted(three.glob("*.xlsx"))[1].read_bytes())

    result = _run(str(tmp_path / "old" / "m.xlsx"), "--out", str(tmp_path / "new.xlsx"))
    assert result.exit_code == 0, result.output
    # the cell named with its table and label, as `ibm collect` names it (ministrycheck F2)
    found = re.search(rf"Piezīme: 6\.4\. tabula, {ref}( „[^”\n]+”)?: formula bija aizstāta ar vērtību 99,99; "
                      "jaunajā matricā atjaunota formula, vērtība nav pārnesta", result.output)
    assert found, result.output
    note = found.group(0)
    assert note in (tmp_path / "new-parnesana.txt").read_text(encoding="utf-8")
    new = read_xlsx(tmp_path / "new.xlsx")
    assert new.cell("6.4", (int(ref[1:]), ord(ref[0]) - 64)).formula  # type: ignore[union-attr]

    folder = _run(str(tmp_path / "old"), "--out", str(tmp_path / "newdir"))
    assert folder.exit_code == 0, folder.output
    assert "m.xlsx → m.xlsx: " in folder.output and "veidnes izmaiņas nav pārnestas: 1 (sk. pārskatu)" in folder.output
    assert folder.output.count("veidnes izmaiņas") == 1


def test_a_rerun_skips_its_own_complete_outputs_and_refuses_others(three: Path, migrated: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "jaunas"
    shutil.copytree(migrated, out)  # the first run: "Pārnestas 3 matricas, atteiktas 0" (``migrated``)
    written = {p: p.read_bytes() for p in out.iterdir()}

    again = _run(str(three), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert "Pārnestas 0 matricas, jau iepriekš pārnestas 3, atteiktas 0" in again.output
    assert "fails jau ir" not in again.output and "faili jau ir" not in again.output
    assert {p: p.read_bytes() for p in out.iterdir()} == written

    # a new matrix the user changed since is not the program's any more: kept, refused by name
    names = sorted(p.name for p in three.glob("*.xlsx"))
    changed = out / names[0]
    changed.write_bytes(changed.read_bytes() + b"\0")
    third = _run(str(three), "--out", str(out))
    assert third.exit_code == 1, third.output
    assert "faili jau ir" in third.output  # both the matrix and its report named, in the plural
    assert changed.read_bytes() == written[changed] + b"\0"


def test_an_interrupted_folder_migration_says_how_far_it_got_and_continues(
        three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "jaunas"
    real = migrate_module.Migrator.migrate
    calls = {"n": 0}

    def interrupted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(migrate_module.Migrator, "migrate", interrupted)
    stopped = _run(str(three), "--out", str(out))
    assert stopped.exit_code != 0
    assert "Pārtraukts: no 3 matricām pārnesta 1. Lai turpinātu, palaidiet to pašu komandu vēlreiz" in stopped.output
    monkeypatch.setattr(migrate_module.Migrator, "migrate", real)

    resumed = _run(str(three), "--out", str(out))
    assert resumed.exit_code == 0, resumed.output
    assert "Pārnestas 2 matricas, jau iepriekš pārnesta 1, atteiktas 0" in resumed.output
    assert len(list(out.glob("*-parnesana.txt"))) == 3


def test_a_users_file_in_the_way_is_never_overwritten(three: Path, tmp_path: Path) -> None:
    source = sorted(three.glob("*.xlsx"))[0]
    out = tmp_path / "jauna.xlsx"
    out.write_bytes(b"lietotaja fails")
    (tmp_path / "jauna-parnesana.txt").write_text("lietotāja piezīmes\n", encoding="utf-8")
    result = _run(str(source), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "jauna.xlsx un " in result.output and "faili jau ir" in result.output
    assert out.read_bytes() == b"lietotaja fails"


def test_price_changes_are_all_counted_and_numbers_agree() -> None:
    report = MigrationReport("2023-04-01+12ef49f0.10", "2023-04-01+12ef49f0.10", 21)
    report.cleared = [("2.1 Pavadonis", Decimal("5.11"))]
    report.filled = [PriceChange("1.6", "1.6 Ergoterapeits", Decimal(0), Decimal("1"), False)]
    report.ceiling_changes = [CeilingChange("3.1", "3.1 X", Decimal("1"), Decimal("2"), False)]
    text = report.text()
    assert "kataloga cenas nav mainījušās" not in text
    assert "  2.1 Pavadonis: 5,11\xa0EUR → tukša" in text
    assert "  1.6 Ergoterapeits: tukša → 1,00\xa0EUR (plānā nav izmantots)" in text
    assert "mainījusies vēl 1 pakalpojumam, kas plānā nav izmantots" in text
    assert "Iepriekš ievietotās kataloga cenas nav mainījušās." in MigrationReport("2023-04-01+12ef49f0.10", "2023-04-01+12ef49f0.10", 0).text()


def test_a_repriced_line_names_its_day_and_status_change() -> None:
    report = MigrationReport("2023-04-01+12ef49f0.10", "2023-04-01+12ef49f0.10", 21)
    report.price_changes = [PriceChange("2.1", "2.1 Pavadonis", Decimal("5.11"), Decimal("5.50"), True,
                                        dt.date(2027, 1, 1), ("jāprecizē", "apstiprināts"))]
    assert ("  2.1 Pavadonis: 5,11\xa0EUR → 5,50\xa0EUR (plānā; no 01.01.2027; statuss „jāprecizē” → "
            "„apstiprināts”)") in report.text()


def test_a_folder_summary_counts_the_matrices_with_new_errors(three: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # the catalogue here changes no price: the first report is given a repriced line and a new error, as a price
    # change in the round gives them (the plan must then be shortened)
    real = migrate_module.Migrator.migrate
    calls = {"n": 0}

    def repriced(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        report = real(self, *args, **kwargs)
        calls["n"] += 1
        if calls["n"] == 1:
            report.price_changes = [PriceChange("2.1", "2.1 Pavadonis", Decimal("5.11"), Decimal("5.50"), True,
                                                dt.date(2027, 1, 1), ("jāprecizē", "apstiprināts"))]
            report.new_findings = ["Kļūda: plāna periodā mainās cena"]
        return report

    monkeypatch.setattr(migrate_module.Migrator, "migrate", repriced)
    result = _run(str(three), "--out", str(tmp_path / "jaunas"))
    assert result.exit_code == 0, result.output
    assert ("plānā mainītas cenas: 2.1 5,11\xa0EUR → 5,50\xa0EUR (no 01.01.2027; statuss „jāprecizē” → "
            "„apstiprināts”); jaunas kļūdas/brīdinājumi: 1") in result.output, result.output
    assert ("Pārnestas 3 matricas (no tām 1 ar jaunām kļūdām – skatiet tās pārskatu un izlabojiet plānu), "
            "atteiktas 0; pārskati: ") in result.output, result.output
    # one matrix migrated of two (the other no workbook): „Pārnesta 1 matrica (tā ar jaunām kļūdām …)”, not „(no tām
    # 1 …)”
    one = tmp_path / "viena"
    one.mkdir()
    first = sorted(three.glob("*.xlsx"))[0]
    shutil.copy2(first, one / first.name)
    (one / "bojata.xlsx").write_bytes(b"nav darbgramata")
    calls["n"] = 0
    result = _run(str(one), "--out", str(tmp_path / "jauna"))
    assert result.exit_code == 1, result.output
    assert ("Pārnesta 1 matrica (tā ar jaunām kļūdām – skatiet tās pārskatu un izlabojiet plānu), atteikta 1; "
            "pārskati: ") in result.output, result.output


def test_integrity_rest_agrees_with_its_number() -> None:
    template = {"6.4": {(1, c): "f:A1" for c in range(1, 12)}}
    found: dict = {"6.4": {}}
    assert compare_cells(found, template)[-1] == "… un vēl 1 mainīta šūna"


def test_a_macro_workbook_is_told_how_to_save(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsm"
    path.write_bytes(b"PK")
    with pytest.raises(MatrixError) as caught:
        Matrix.open(path)
    assert "paplašinājums „.xlsm”" in str(caught.value) and "bez makrosiem" in str(caught.value)
    assert "'" not in str(caught.value)


def test_version_notes_say_what_differs_without_nested_brackets() -> None:
    from generator.ministry.reading import documents_version_note, old_version_note

    old, current = "2023-04-01+98852cae", "2023-04-01+12ef49f0.10"
    note = documents_version_note(old, current)
    assert note == ("veidnes versija 98852cae (katalogs 01.04.2023) nav pašreizējā 12ef49f0.10 (katalogs 01.04.2023) – "
                    "tā paša datuma katalogs, bet mainīts tā saturs (cenas, pakalpojumi vai parametri); cenas var būt "
                    "novecojušas, apsveriet komandu „ibm migrate”")
    assert "`" not in note and "((" not in note and "))" not in note
    layout_only = old_version_note("2023-04-01+12ef49f0.9", current)
    assert "mainīts veidnes izkārtojums" in layout_only
    # the same catalogue and prices: the prices are not outdated, only the template has fixes (audit38c)
    for same in (layout_only, documents_version_note("2023-04-01+12ef49f0.9", current)):
        assert "cenas nav mainītas, bet jaunākajā veidnē ir labojumi, apsveriet komandu „ibm migrate”" in same, same
        assert "novecojušas" not in same, same
    assert " – " not in old_version_note("2021-01-01+aaaaaaaa", current).split(";")[0]


def _state(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_another_old_matrix_never_replaces_an_earlier_migration(three: Path, tmp_path: Path) -> None:
    """review13 R13-1: the digest line names the old file; a different one into the same --out is refused."""
    first, second = sorted(three.glob("*.xlsx"))[:2]
    (tmp_path / "k1").mkdir()
    (tmp_path / "k2").mkdir()
    (tmp_path / "k1" / "matrix.xlsx").write_bytes(first.read_bytes())
    (tmp_path / "k2" / "other.xlsx").write_bytes(second.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    done = _run(str(tmp_path / "k1" / "matrix.xlsx"), "--out", str(out / "jauna.xlsx"))
    assert done.exit_code == 0, done.output
    before = _state(out)
    other = _run(str(tmp_path / "k2" / "other.xlsx"), "--out", str(out / "jauna.xlsx"))
    assert other.exit_code == 1, other.output
    assert "faili jau ir" in other.output
    assert _state(out) == before
    assert "avots „matrix.xlsx” (mape " in (out / "jauna-parnesana.txt").read_text(encoding="utf-8")

    # the same old file, changed since (the worker corrected it): its own earlier output is replaced
    wb = load_workbook(tmp_path / "k1" / "matrix.xlsx")
    wb.save(tmp_path / "k1" / "matrix.xlsx")
    again = _run(str(tmp_path / "k1" / "matrix.xlsx"), "--out", str(out / "jauna.xlsx"))
    assert again.exit_code == 0, again.output
    assert "jau pārnesta iepriekš" not in again.output

    # two folders with the same file names into one --out: the second is refused file by file, nothing replaced
    for name, source in (("a", first), ("b", second)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "m.xlsx").write_bytes(source.read_bytes())
    assert _run(str(tmp_path / "a"), "--out", str(tmp_path / "kopa")).exit_code == 0
    kept = _state(tmp_path / "kopa")
    clash = _run(str(tmp_path / "b"), "--out", str(tmp_path / "kopa"))
    assert clash.exit_code == 1, clash.output
    assert "m-parnesana.txt: faili jau ir" in clash.output
    assert _state(tmp_path / "kopa") == kept


def test_a_rerun_after_a_catalogue_change_migrates_again(three: Path, migrated: Path, tmp_path: Path) -> None:
    """review13 R13-2: output on an earlier template is not skipped as done; it is replaced and the reason said."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE

    source = sorted(three.glob("*.xlsx"))[0]
    out = tmp_path / "jauna.xlsx"
    earlier(migrated, source, out)  # migrated, and an unchanged catalogue's rerun skips it
    changed = tmp_path / "katalogs"
    shutil.copytree(DEFAULT_CATALOGUE, changed)
    programme = changed / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "\n# cita versija\n", encoding="utf-8")
    old_report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")

    rerun = _run(str(source), "--out", str(out), "--catalogue", str(changed))
    assert rerun.exit_code == 0, rerun.output
    assert "jau pārnesta iepriekš" not in rerun.output
    assert "pārnesta no jauna: mainīta veidne" in rerun.output
    report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")
    assert report != old_report and "pārnesta no jauna: mainīta veidne" in report
    skipped = _run(str(source), "--out", str(out), "--catalogue", str(changed))
    assert skipped.exit_code == 0 and "jau pārnesta iepriekš" in skipped.output, skipped.output


def test_a_report_the_user_edited_is_never_overwritten(three: Path, migrated: Path, tmp_path: Path) -> None:
    """review13 R13-3: the report's own text is in the digest line; an edited report makes the pair the user's."""
    source = sorted(three.glob("*.xlsx"))[0]
    out = tmp_path / "jauna.xlsx"
    earlier(migrated, source, out)
    report = tmp_path / "jauna-parnesana.txt"
    lines = report.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "Pārbaudīja: sociālā darbiniece, 02.12.2026")
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    edited = report.read_bytes()
    wb = load_workbook(source)  # the old matrix changed too: before, its own output was replaced
    changed = tmp_path / source.name
    wb.save(changed)
    for old in (source, changed):
        result = _run(str(old), "--out", str(out))
        assert result.exit_code == 1, result.output
        assert "faili jau ir" in result.output
        assert report.read_bytes() == edited


_CTRL_C_WHILE_ENDING = """
import os, signal, sys, time
from generator.cli import main

class WhileEnding:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)
        os.write(2, b"beigas\\n")

while_ending = WhileEnding()
main(["migrate", sys.argv[1], "--out", sys.argv[2]])
"""


def test_a_ctrl_c_once_migrate_is_done_does_not_kill_the_process(three: Path, tmp_path: Path) -> None:
    """review13 R13-6: a Ctrl-C while the `ibm` process ends after a complete migration killed it by the signal
    (status 130, no message); as the other writing commands, it is ignored then and the status stays 0."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "jauna.xlsx"
    run = subprocess.run([sys.executable, "-c", _CTRL_C_WHILE_ENDING, str(sorted(three.glob("*.xlsx"))[0]), str(out)],
                         cwd=repo, text=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(repo)},
                         timeout=300)
    assert run.returncode == 0, (run.returncode, run.stderr)
    assert run.stderr.rstrip("\n").splitlines()[-1:] == ["beigas"], run.stderr
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr
    assert out.is_file() and (tmp_path / "jauna-parnesana.txt").is_file()


def test_the_recorded_old_file_is_hashed_when_its_name_shows_a_personal_code(three: Path, tmp_path: Path) -> None:
    """review13 R13-1: the digests line names the old file as the console does – never a code in a file name."""
    (tmp_path / "vecas").mkdir()
    old = tmp_path / "vecas" / "010101-10000.xlsx"  # obviously fictional
    old.write_bytes(sorted(three.glob("*.xlsx"))[0].read_bytes())
    assert _run(str(tmp_path / "vecas"), "--out", str(tmp_path / "jaunas")).exit_code == 0
    report = (tmp_path / "jaunas" / "010101-10000-parnesana.txt").read_text(encoding="utf-8")
    mark = report.rstrip("\n").splitlines()[-1]
    assert "avots „matrica-" in mark and "010101" not in report and str(tmp_path) not in report
    again = _run(str(tmp_path / "vecas"), "--out", str(tmp_path / "jaunas"))
    assert again.exit_code == 0 and "jau pārnesta iepriekš" in again.output, again.output


def test_a_replaced_template_fingerprint_migrates_again(three: Path, migrated: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """review13 R13-2: an unissued version re-registered by `ibm fingerprint --replace` (same version text, other
    template) is not skipped either."""
    source = sorted(three.glob("*.xlsx"))[0]
    out = tmp_path / "jauna.xlsx"
    earlier(migrated, source, out)
    real = migrate_module.Migrator.fingerprint
    monkeypatch.setattr(migrate_module.Migrator, "fingerprint", lambda self, version: "0" * 16)
    rerun = _run(str(source), "--out", str(out))
    assert rerun.exit_code == 0, rerun.output
    assert "pārnesta no jauna: mainīta veidne – tās pašas versijas" in rerun.output
    monkeypatch.setattr(migrate_module.Migrator, "fingerprint", real)
    assert "nospiedums 0000000000000000" in (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")
