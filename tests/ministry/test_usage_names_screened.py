"""`ibm migrate`, `ibm collect` and `ibm documents` never echo a child's name that a file or folder name given to them
holds, also without any digit (D382): a path part that may be a name („Pēteris Paraudziņš”) is screened as a birth
date or a personal code is (D360), while a harmless path („build/iesniegumi”, „matricas/”) stays readable. The child
is fictional."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.console_names import given_reveals, may_be_name, shown_given

CHILD = "Pēteris Paraudziņš"  # fictional
# the stems of both words, as any case of the name starts („Pētera”, „Paraudziņam”), compared without diacritics
STEMS = ("peter", "paraudzin")


def run(*args: object):  # noqa: ANN201
    return CliRunner().invoke(main, [str(a) for a in args])


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def screened(result, expected: str, status: int = 2) -> None:  # noqa: ANN001
    text = result.output
    assert result.exit_code == status, text
    assert expected in text, text
    assert not any(stem in _folded(text) for stem in STEMS), text
    assert "Traceback" not in text, text


def test_a_name_is_screened_and_a_harmless_path_is_not(tmp_path: Path) -> None:
    for harmless in ("build/iesniegumi", "matricas/", "Jelgavas novads/plans.xlsx", "IBM matricas/plans.XLSX",
                     "/tmp/pytest-of-root/test_d360_x0/kops.xlsx"):
        assert shown_given(harmless) == Path(harmless).as_posix(), harmless
    assert shown_given(f"matricas/{CHILD}.xlsx") == "matricas/….xlsx"
    assert shown_given(f"/x/{CHILD}/jelgava") == "/x/…/jelgava"
    assert shown_given("/x/Paraudzins_Peteris.json") == "/x/….json"
    assert shown_given("/x/PeterisParaudzins") == "/x/…"  # one word written as two
    assert shown_given("/x/Peteris.Paraudzins") == "/x/…"  # not „….Paraudzins”: only a known ending is kept
    assert may_be_name("matrica Pēteris") and may_be_name("PĒTERIS PARAUDZIŅŠ")
    assert not may_be_name("Pēteris") and not may_be_name("plans.XLSX") and not may_be_name("Anna K")
    assert given_reveals("dz. 03.02.2006") and given_reveals(CHILD) and not given_reveals("jelgava")
    existing = tmp_path / CHILD / "plans.xlsx"
    existing.parent.mkdir()
    existing.write_bytes(b"x")
    shown = shown_given(existing)  # an existing spreadsheet: by its hash, found with sha256sum
    assert shown.startswith(f"{tmp_path.as_posix()}/…/matrica-") and shown.endswith(".xlsx"), shown


def test_migrate_usage_errors_show_no_name(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    screened(run("migrate", tmp_path / "nav" / f"{CHILD}.xlsx", "--out", tmp_path / "j.xlsx"),
             "/nav/….xlsx” nav atrasts")
    folder = tmp_path / CHILD
    folder.mkdir()
    screened(run("migrate", folder, "--out", tmp_path / "jaunas"), "VECA: mapē „")
    matrix = tmp_path / "vecas" / "plans.xlsx"
    matrix.parent.mkdir()
    matrix.write_bytes(children[0].path.read_bytes())
    screened(run("migrate", matrix, "--out", folder), "ir mape, nevis fails")
    screened(run("migrate", matrix, "--out", tmp_path / f"{CHILD}.txt"), "jaunajai matricai vajag .xlsx failu")
    named = tmp_path / f"{CHILD}.xlsx"
    named.write_bytes(children[0].path.read_bytes())
    screened(run("migrate", named, "--out", named), "ir tas pats fails, kas pārnesamā matrica")
    assert not (tmp_path / "j.xlsx").exists()


def test_collect_usage_errors_and_refusal_show_no_name(small_folder, tmp_path: Path, key_file: Path) -> None:  # noqa: ANN001
    folder, children = small_folder
    out = tmp_path / "kops.xlsx"
    key = ("--key-file", key_file)
    screened(run("collect", tmp_path / CHILD, "--out", out, *key), "MAPE „")
    a_file = tmp_path / f"{CHILD}.xlsx"
    a_file.write_bytes(children[0].path.read_bytes())
    screened(run("collect", a_file, "--out", out, *key), "ir fails, nevis mape")
    a_folder = tmp_path / CHILD
    a_folder.mkdir()
    screened(run("collect", folder, "--out", a_folder, *key), "ir mape, nevis fails")  # click's own check
    screened(run("collect", folder, "--out", out, "--previous", a_folder, *key), "--previous: mapē „")
    screened(run("collect", folder, "--out", out, "--key-file", a_folder), "ir mape, nevis fails")
    screened(run("collect", a_folder, "--out", tmp_path / "k" / "kops.xlsx", *key), "nav nevienas izklājlapas")
    (a_folder / "ogre").mkdir()
    (a_folder / "ogre" / "plans.xlsx").write_bytes(b"nav zip")
    result = run("collect", a_folder, "--out", out, *key)  # refused before anything is written: status 1
    screened(result, "nav nevienas izmantojamas IBM matricas", status=1)
    assert f"mapē {tmp_path.as_posix()}/… nav nevienas" in result.output, result.output
    assert not out.exists()


def test_documents_usage_errors_show_no_name(tmp_path: Path) -> None:
    screened(run("documents", "--from-matrix", tmp_path / f"{CHILD}.xlsx", "--out", tmp_path / "d"),
             "….xlsx” nav atrasts")
    folder = tmp_path / CHILD
    folder.mkdir()
    screened(run("documents", "--from-matrix", folder, "--out", tmp_path / "d"), "nav nevienas .xlsx matricas")
    screened(run("documents", "--from-matrix", folder, "--out", folder), "ir tā pati mape, kurā ir matricas")
    screened(run("documents", "--from-matrix", tmp_path / "nav.xlsx", "--key-file", folder), "ir mape")
    taken = tmp_path / f"{CHILD}.pdf"
    taken.write_bytes(b"x")
    screened(run("documents", "--out", taken), "ir fails, nevis mape")
    assert not (tmp_path / "d").exists()
