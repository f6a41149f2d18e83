"""`ibm migrate` and `ibm collect` never print a child's birth date or personal code that a file or folder name given
to them holds – also not in a usage error (status 2) or a refusal before any work (D360): the same screening as a
matrix's file name on the console (console_names.shown_given). The people are fictional."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.console_names import shown_given

PERSON = "Bērziņš Jānis 010101-12345"  # fictional; 010101 is the birth date part of the code


def run(*args: object, env: dict[str, str] | None = None):  # noqa: ANN201
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def screened(result, expected: str, status: int = 2) -> None:  # noqa: ANN001
    text = result.output
    assert result.exit_code == status, text
    assert expected in text, text
    assert "010101" not in text and "12345" not in text and "Bērziņš" not in text, text
    assert "Traceback" not in text, text


def test_shown_given_keeps_a_plain_path_and_hides_a_revealing_part(tmp_path: Path) -> None:
    assert shown_given(tmp_path / "jelgava" / "plans.xlsx") == (tmp_path / "jelgava" / "plans.xlsx").as_posix()
    assert shown_given(tmp_path / f"{PERSON}.xlsx") == f"{tmp_path.as_posix()}/….xlsx"
    assert shown_given(tmp_path / "dz. 03.02.2006" / "plans.xlsx") == f"{tmp_path.as_posix()}/…/plans.xlsx"
    assert shown_given(tmp_path / "dz. 03.02.2006") == f"{tmp_path.as_posix()}/…"  # no „.2006” as an ending
    existing = tmp_path / f"{PERSON}.xlsx"
    existing.write_bytes(b"x")
    shown = shown_given(existing)
    assert shown.startswith(f"{tmp_path.as_posix()}/matrica-") and shown.endswith(".xlsx")  # found by sha256sum


def test_migrate_usage_errors_show_no_personal_code(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    matrix = tmp_path / f"{PERSON}.xlsx"
    matrix.write_bytes(children[0].path.read_bytes())
    screened(run("migrate", tmp_path / "nav" / f"{PERSON}.xlsx", "--out", tmp_path / "j.xlsx"),
             "/nav/….xlsx” nav atrasts")
    empty = tmp_path / PERSON
    empty.mkdir()
    screened(run("migrate", empty, "--out", tmp_path / "jaunas"), "VECA: mapē „")
    screened(run("migrate", matrix, "--out", tmp_path / f"{PERSON}-jauna.txt"), "jaunajai matricai vajag .xlsx failu")
    screened(run("migrate", matrix, "--out", empty), "ir mape, nevis fails")
    screened(run("migrate", matrix, "--out", matrix), "ir tas pats fails, kas pārnesamā matrica")
    screened(run("migrate", matrix, "--out", tmp_path / "j.xlsx", "--templates", tmp_path / PERSON / "nav"),
             "--templates „")
    screened(run("migrate", matrix, "--out", tmp_path / "j.xlsx", "--registry", tmp_path / f"{PERSON}.json"),
             "fails nav atrasts")
    folder = tmp_path / "vecas 010101"
    folder.mkdir()
    (folder / "plans.xlsx").write_bytes(children[0].path.read_bytes())
    screened(run("migrate", folder, "--out", folder / PERSON), "ir pārnesamo matricu mapē")
    screened(run("migrate", folder, "--out", tmp_path / f"{PERSON}.xlsx"), "ja VECA ir mape")
    assert not (tmp_path / "j.xlsx").exists()


def test_collect_usage_errors_show_no_personal_code(small_folder, tmp_path: Path, key_file: Path) -> None:  # noqa: ANN001
    folder, children = small_folder
    out = tmp_path / "kops.xlsx"
    key = ("--key-file", key_file)
    screened(run("collect", tmp_path / PERSON, "--out", out, *key), "MAPE „")
    a_file = tmp_path / f"{PERSON}.xlsx"
    a_file.write_bytes(children[0].path.read_bytes())
    screened(run("collect", a_file, "--out", out, *key), "ir fails, nevis mape")
    screened(run("collect", folder, "--out", tmp_path / f"{PERSON}.txt", *key), "kopsavilkumam vajag .xlsx failu")
    a_folder = tmp_path / PERSON
    a_folder.mkdir()
    screened(run("collect", folder, "--out", a_folder, *key), "ir mape, nevis fails")  # click's own check
    screened(run("collect", folder, "--out", out, "--previous", a_folder, *key), "--previous: mapē „")
    screened(run("collect", folder, "--out", out, "--key-file", a_folder), "ir mape, nevis fails")
    screened(run("collect", folder, "--out", out, "--key-file", tmp_path / f"{PERSON}.key"), "atslēgas failu /")
    screened(run("collect", folder, "--out", out, *key, "--templates", a_folder / "nav"), "--templates „")
    screened(run("collect", folder, "--out", out, *key, "--registry", tmp_path / f"{PERSON}.json"),
             "fails nav atrasts")
    screened(run("collect", a_folder, "--out", a_folder / "kops.xlsx", *key), "nav nevienas izklājlapas")
    assert not out.exists()


def test_collect_refusing_a_folder_shows_no_personal_code(tmp_path: Path, key_file: Path) -> None:
    """A refusal before anything is written (status 1): a folder with no usable matrix, named as given."""
    folder = tmp_path / PERSON
    (folder / "ogre").mkdir(parents=True)
    (folder / "ogre" / "plans.xlsx").write_bytes(b"nav zip")
    result = run("collect", folder, "--out", tmp_path / "kops.xlsx", "--key-file", key_file)
    screened(result, "nav nevienas izmantojamas IBM matricas", status=1)
    assert f"mapē {tmp_path.as_posix()}/… nav nevienas" in result.output, result.output


def test_documents_from_matrix_refusals_show_no_personal_code(tmp_path: Path) -> None:
    """The same screening for `ibm documents --from-matrix` (D360): a path that is not there and a folder without a
    matrix are named without the personal code they hold."""
    screened(run("documents", "--from-matrix", tmp_path / f"{PERSON}.xlsx", "--out", tmp_path / "d"),
             "….xlsx” nav atrasts", status=2)
    empty = tmp_path / PERSON
    empty.mkdir()
    screened(run("documents", "--from-matrix", empty, "--out", tmp_path / "d"), "nav nevienas .xlsx matricas",
             status=2)


def test_a_broken_registry_and_a_file_as_documents_out_show_no_personal_code(tmp_path: Path, key_file: Path) -> None:
    """D360 for the refusals of a --registry that is no registry (every reason: not JSON, not UTF-8, not a registry)
    and for `ibm documents --out` naming a file (click's own check)."""
    source = tmp_path / "vecas"
    source.mkdir()
    (source / "a.xlsx").write_bytes(b"nav zip")  # a spreadsheet to read: the registry is refused before it
    for content in (b"{bad", b"\xff\xfe\x00", b"[]"):
        registry = tmp_path / f"{PERSON}.json"
        registry.write_bytes(content)
        result = run("collect", source, "--out", tmp_path / "k" / "k.xlsx", "--key-file", key_file,
                     "--registry", registry)
        screened(result, "veidņu reģistr", status=1)
        assert "/….json" in result.output and "matrica-" not in result.output, result.output  # a registry, not a matrix
    taken = tmp_path / f"{PERSON}.xlsx"
    taken.write_bytes(b"x")
    screened(run("documents", "--from-matrix", source, "--out", taken), "ir fails, nevis mape")


def test_a_file_in_a_hidden_subfolder_is_found_by_find_and_sha256sum() -> None:
    """sha256sum reads only the files it is given: a refused file shown in a hidden subfolder („…”) is found by find
    over the folder shown above it (audit46c)."""
    from generator.ministry.console_names import finding_hint

    assert finding_hint("jelgava/matrica-0123456789ab.xlsx", "/dati") == "atrodams ar sha256sum mapē /dati/jelgava"
    assert finding_hint("jelgava/…/matrica-0123456789ab.xlsx", "/dati") == \
        "atrodams ar find /dati/jelgava -type f -exec sha256sum {} +"
