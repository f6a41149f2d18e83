"""The `ibm` command line as a user meets it: Latvian help for every command and option, Latvian usage
errors, documented exit statuses, no traceback and no English on a failure."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from xlsxwriter.exceptions import FileCreateError

import generator.catalogue.schema as schema_module
import generator.workbook.command as matrix_module  # before generator.cli: no circular import
from generator import build as build_module
from generator import cli_lv
from generator.cli import main
from generator.cli_errors import DEBUG_ENV, os_reason

# click's English words that must never reach a user.
ENGLISH = ("Usage", "OPTIONS", "COMMAND", "ARGS", "TEXT", "INTEGER", "FOLDER", "OLD", "required", "default:",
           "Error", "Got unexpected", "requires", "is not", "Did you mean", "does not take", "Traceback")


def _commands() -> list[tuple[str, click.Command]]:
    main.load_commands()
    return sorted(main.commands.items())


@pytest.mark.parametrize("name", [""] + [name for name, _ in _commands()])
def test_help_of_every_command_is_latvian(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"] if name else ["--help"], prog_name="ibm", terminal_width=100)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Lietojums: ibm "), result.output
    found = [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}", result.output)]
    assert not found, (found, result.output)
    assert "[noklusējums: (" not in result.output  # a default is shown as written, not in parentheses


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_option_and_argument_is_explained(name: str) -> None:
    command = main.commands[name]
    ctx = click.Context(command, info_name=name, parent=click.Context(main, info_name="ibm"))
    for param in command.params:
        if isinstance(param, click.Argument):
            assert param.human_readable_name in cli_lv.ARGUMENT_METAVARS.values(), (name, param.name)
            continue
        record = param.get_help_record(ctx)
        assert record is not None, (name, param.name)
        text = re.sub(r"\[[^]]*\]$", "", record[1]).strip()
        assert len(text) > 5, f"ibm {name} {param.opts[0]}: nav paskaidrojuma"


def test_main_help_documents_the_exit_statuses() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=100)
    text = " ".join(result.output.split())
    assert "Izejas statuss: 0 – izdevās; 1 – neizdevās" in text
    assert "2 – nepareizi komandas parametri" in text and "collect izmanto arī 3" in text


def test_every_command_help_lists_its_own_exit_statuses() -> None:
    """Every command's --help says „Izejas statuss” (changes did not, documents said „Izejas kodi”); check and schema
    promise only what they do (audit35b F10)."""
    for name in main.list_commands(click.Context(main)):
        text = " ".join(CliRunner().invoke(main, [name, "--help"], terminal_width=100).output.split())
        assert "Izejas statuss: 0 – " in text and "Izejas kodi" not in text, name
    check = " ".join(CliRunner().invoke(main, ["check", "--help"], terminal_width=100).output.split())
    assert "ievaddatos" not in check and "rezultātu nevar uzrakstīt" not in check and "neko neraksta" in check
    schema = " ".join(CliRunner().invoke(main, ["schema", "--help"], terminal_width=100).output.split())
    assert "ievaddatos" not in schema and "ko šī komanda nav rakstījusi" in schema
    matrix = " ".join(CliRunner().invoke(main, ["matrix", "--help"], terminal_width=100).output.split())
    assert "dienai jābūt" in matrix and "diena jābūt" not in matrix


@pytest.mark.parametrize(("argv", "expected"), [
    (["check", "lieks"], "Kļūda: lieks arguments (lieks)."),
    (["check", "--catalog", "x"], "Kļūda: nav tāda parametra „--catalog”. Vai domājāt „--catalogue”?"),
    (["buil"], "Kļūda: nav tādas komandas „buil”. Vai domājāt „build”?"),
    (["matrix", "--out"], "Kļūda: parametram „--out” jānorāda vērtība."),
    (["build", "--force=1"], "Kļūda: parametram „--force” vērtību nenorāda."),
    (["serve", "--port", "abc"], "Kļūda: nederīga parametra „--port” vērtība: „abc” nav vesels skaitlis."),
    (["serve", "--port", "80"], "Kļūda: nederīga parametra „--port” vērtība: 80 nav robežās no 1024 līdz 65535."),
    (["collect", "m", "--out", "k.xlsx", "--split", "x"],
     "Kļūda: nederīga parametra „--split” vērtība: „x” nav neviena no atļautajām vērtībām: „needed”, „gap”."),
    (["migrate"], "Kļūda: trūkst argumenta „VECA”."),
    (["collect"], "Kļūda: trūkst argumenta „MAPE”."),
    (["changes"], "Kļūda: trūkst parametra „--from”."),
])
def test_usage_errors_are_latvian_with_exit_2(argv: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert not [word for word in ENGLISH if word in result.output], result.output
    # README: exit 2 is one line „Kļūda: …” (no usage lines), the help command on it
    assert result.output.count("\n") == 1 and result.output.startswith("Kļūda: "), result.output
    assert "'" not in result.output and "Lietojums" not in result.output, result.output


@pytest.mark.parametrize("argv", [["documents", "--from-matrix", "m.xlsx", "--day", "31.02.2018"],
                                  ["matrix", "--day", "31.02.2018"], ["documents", "--from-matrix", "m.xlsx", "--dayy"],
                                  ["collect", "nav-tadas-mapes"]])
def test_a_bad_parameter_is_one_latvian_line(argv: list[str]) -> None:
    """audit17 F8: a bad value of any command is one line with Latvian quotes, exit 2, as README says."""
    result = CliRunner().invoke(main, argv, prog_name="ibm")
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Kļūda: ") and line.endswith(f"Palīdzība: ibm {argv[0]} --help."), line
    assert "„" in line and "'" not in line, line


def test_latvian_plural_follows_the_last_digit() -> None:
    forms = ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})")
    assert [cli_lv._lv_n(*forms, n) for n in (1, 2, 11, 21)] == [
        "lieks arguments ({args}).", "lieki argumenti ({args}).", "lieki argumenti ({args}).",
        "lieks arguments ({args})."]


def test_missing_catalogue_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nav-kataloga"
    result = CliRunner().invoke(main, ["check", "--catalogue", str(missing)])
    assert result.exit_code == 2
    assert f"Kļūda: nederīga parametra „--catalogue” vērtība: mape „{missing}” nepastāv." in result.output


def test_unwritable_output_is_one_latvian_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """xlsxwriter wraps the OSError of a read-only folder; the user sees the reason and the path."""
    target = tmp_path / "tikai lasāma" / "matrica ā.xlsx"

    def refuse(catalogue, out, municipality_id, day=None, made_on=None):  # noqa: ANN001, ANN202
        raise FileCreateError(PermissionError(errno.EACCES, "Permission denied", str(target)))

    monkeypatch.setattr(matrix_module, "write_workbook", refuse)
    result = CliRunner().invoke(main, ["matrix", "--out", str(target)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.strip() == f"Kļūda: darbība neizdevās: nav piekļuves tiesību ({target})."


def test_unexpected_failure_hides_its_text_unless_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An exception's text may quote a matrix cell (a child's name): only its type and place are shown."""
    def explode(catalogue, out, municipality_id, day=None, made_on=None):  # noqa: ANN001, ANN202
        raise ValueError("Anna Paraugs 010101-21234")

    monkeypatch.setattr(matrix_module, "write_workbook", explode)
    argv = ["matrix", "--out", str(tmp_path / "m.xlsx")]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1
    assert "Anna" not in result.output and "Traceback" not in result.output
    assert re.search(r"^Kļūda: neparedzēta kļūda \(ValueError vietā generator/workbook/command\.py:\d+\)\. ",
                     result.output), result.output
    assert f"{DEBUG_ENV}=1" in result.output
    debug = CliRunner().invoke(main, argv, env={DEBUG_ENV: "1"})
    assert isinstance(debug.exception, ValueError)


def test_build_refuses_an_unknown_part(tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "dokumentii"])
    assert result.exit_code == 2
    assert ("nederīga parametra „--only” vērtība: nav tādas daļas: dokumentii (gaidīts: atvertie-dati, dokumenti, "
            "matrica, vietne)") in " ".join(result.output.split())
    assert not out.exists()


def test_build_never_replaces_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "mani faili"
    out.mkdir()
    (out / "piezīmes.txt").write_text("svarīgi", "utf-8")
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"])
    assert result.exit_code == 1
    assert "nav iepriekšējs „ibm build” rezultāts" in result.output and "Nekas netika mainīts." in result.output
    assert [p.name for p in out.iterdir()] == ["piezīmes.txt"]
    assert (out / "piezīmes.txt").read_text("utf-8") == "svarīgi"


def test_build_into_an_empty_folder_and_again(tmp_path: Path) -> None:
    out = tmp_path / "tukša"
    out.mkdir()
    for _ in range(2):  # the second run finds its own manifest
        result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"])
        assert result.exit_code == 0, result.output
    assert (out / build_module.MANIFEST).is_file()
    (out / "atvertie-dati" / "mani").mkdir()
    (out / "atvertie-dati" / "mani" / "a.csv").write_text("x", "utf-8")
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"])
    assert result.exit_code == 1  # a file the build did not write is never deleted with the old build (D119)
    assert "Kļūda: mapē" in result.output and "atvertie-dati/mani/a.csv" in result.output
    assert (out / "atvertie-dati" / "mani" / "a.csv").read_text("utf-8") == "x"


def test_build_names_a_file_system_failure_in_latvian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"

    def read_only(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / ".ibm-build-x"))

    monkeypatch.setattr(build_module, "build_with_report", read_only)
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 1
    # „Kļūda:” as every other failure; no „previous build” where there was none (audit35b F6)
    assert (f"Kļūda: veidošana neizdevās: failu sistēma ir tikai lasāma ({tmp_path / '.ibm-build-x'}). "
            "Nekas netika mainīts.") in result.output
    assert "Read-only" not in result.output


def _temporary_files_refused_in(folder: Path):  # noqa: ANN202
    """tempfile.TemporaryFile that fails with EPERM in ``folder`` (a read-only or, for root, immutable folder)."""
    import tempfile

    real = tempfile.TemporaryFile

    def locked(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if Path(kwargs.get("dir", "")) == folder:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(*args, **kwargs)

    return locked


def test_build_checks_that_its_previous_folder_can_be_replaced_before_building(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder nothing can be written into (read-only, or immutable for root) is named before minutes of building,
    not after them (audit35b F6)."""
    from generator.ministry import writable

    out = tmp_path / "build"
    out.mkdir()

    def never(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("built into a folder that cannot be replaced")

    monkeypatch.setattr(writable.tempfile, "TemporaryFile", _temporary_files_refused_in(out))
    monkeypatch.setattr(build_module, "build_with_report", never)
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Kļūda: mapē {out} nevar rakstīt (darbība nav atļauta). Nekas netika "
                                    "mainīts."), result.output


def test_schema_into_an_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path) -> list[Path]:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(schema_module, "write_schemas", refuse)
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert f"Kļūda: shēmas nevar uzrakstīt mapē {tmp_path / 's'}/: nav piekļuves tiesību ({tmp_path / 's'})." \
        in result.output


@pytest.mark.parametrize(("error", "expected"), [
    (OSError(errno.EADDRINUSE, "Address already in use"), "ports jau ir aizņemts (izvēlieties citu ar --port)"),
    (OSError(errno.ENOSPC, "No space left on device", "build/x.pdf"), "diskā nav brīvas vietas (build/x.pdf)"),
    (OSError(errno.ELOOP, "Too many levels of symbolic links"), "simboliskās saites cilpa"),
])
def test_file_system_reasons_are_latvian(error: OSError, expected: str) -> None:
    assert os_reason(error) == expected


def test_bare_ibm_shows_latvian_help_with_exit_2() -> None:
    """A fresh process (commands not yet loaded): the usage line, the whole command list, no '...' cut."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "generator.cli"], cwd=repo, capture_output=True, text=True,
                            env={"PYTHONPATH": str(repo), "COLUMNS": "80", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 2
    text = result.stdout + result.stderr
    assert "[PARAMETRI] KOMANDA [ARGUMENTI]..." in text, text
    assert "build        Izveido visu (atvērtos datus, darbgrāmatas, dokumentus, vietni)\n" \
           "               pagaidu mapē un nomaina build/." in text, text
    assert "collect" in text and "..." not in text.replace("[ARGUMENTI]...", "")


def test_counts_agree_with_the_number(catalogue_copy: Path) -> None:
    from generator.cli import count

    assert [count(n, "kļūda", "kļūdas") for n in (1, 2, 11, 21, 111)] == [
        "1 kļūda", "2 kļūdas", "11 kļūdas", "21 kļūda", "111 kļūdas"]
    path = catalogue_copy / "programme.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 20, source", "value: divdesmit, source"), "utf-8")
    result = CliRunner().invoke(main, ["matrix", "--catalogue", str(catalogue_copy), "--out",
                                       str(catalogue_copy.parent / "m.xlsx")])
    assert result.exit_code == 1
    assert re.search(r"Katalogā ir 1 kļūda, \d+ brīdinājum(s|i); nekas netika uzrakstīts\.", result.output), result.output
    assert not (catalogue_copy.parent / "m.xlsx").exists()


@pytest.mark.parametrize("command", [["check"], ["build"], ["matrix"], ["documents"], ["fingerprint"]])
def test_a_folder_that_is_no_catalogue_is_one_line_with_status_2(tmp_path: Path, command: list[str]) -> None:
    """audit15 F6, D121: not seven 'file missing' errors with status 1."""
    (tmp_path / "nav-katalogs").mkdir()
    result = CliRunner().invoke(main, [*command, "--catalogue", str(tmp_path / "nav-katalogs")])
    assert result.exit_code == 2, result.output
    assert "nav kataloga (tajā nav programme.yaml, services/ un prices/" in " ".join(result.output.split())
    assert "fails nav atrasts" not in result.output and "Traceback" not in result.output


def test_ctrl_c_says_what_was_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """audit15 F14: status 1 (README) and a message that the unfinished part was not written."""
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(matrix_module, "write_workbook", interrupted)
    result = CliRunner().invoke(main, ["matrix", "--out", str(tmp_path / "m.xlsx")])
    assert result.exit_code == 1
    # nothing had been replaced: the plain message that earlier results are unchanged (audit39 F10)
    assert cli_lv.STOPPED.format(cause="Ctrl-C") in result.output, result.output
    assert "Aborted" not in result.output and not (tmp_path / "m.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("argv", [
    ["matrix", "--out", "{ro}/m.xlsx"],
    ["changes", "--from", "catalogue", "--out", "{ro}/x.md"],
    ["build", "--out", "{ro}/b"],
    ["migrate", "{src}", "--out", "{ro}/j.xlsx"],
    ["documents", "--from-matrix", "{src}", "--out", "{ro}/d"],
    ["documents", "--municipality", "liepaja", "--out", "{ro}/d"],  # audit35b F9c: it named its temporary folder
    ["fingerprint", "--registry", "{ro}/r.json", "--new-registry"],
    ["schema", "--out", "{ro}/s"],
])
def test_an_unwritable_out_folder_is_named_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           argv: list[str]) -> None:
    """audit15 F18: the user's folder is named, not a temporary file in it; status 1, nothing left behind."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE
    from generator.ministry import writable

    ro = tmp_path / "tikai-lasama"
    ro.mkdir()
    src = tmp_path / "matrica.xlsx"
    src.write_bytes(b"nav nolasita")

    def denied(*_: object, **kwargs: object):  # noqa: ANN202
        raise PermissionError(errno.EACCES, "Permission denied", str(Path(str(kwargs["dir"])) / ".tmp123"))

    monkeypatch.setattr(writable.tempfile, "TemporaryFile", denied)
    args = [a.format(ro=ro, src=src).replace("catalogue", str(DEFAULT_CATALOGUE)) if a == "catalogue"
            else a.format(ro=ro, src=src) for a in argv]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert f"mapē {ro} nevar rakstīt (nav piekļuves tiesību)" in result.output, result.output
    assert ".tmp123" not in result.output and "Traceback" not in result.output
    assert list(ro.iterdir()) == [] and src.read_bytes() == b"nav nolasita"


@pytest.mark.parametrize("argv", [["collect", "nav-tadas-mapes"], ["collect", "--bogus"],
                                  ["matrix", "--day", "31.02.2018"]])
def test_the_help_hint_is_a_sentence_of_its_own(argv: list[str]) -> None:
    """audit37 F6: "… ārpus tās Palīdzība: …" ran two sentences together; the message ends in a stop (or its own
    question mark) before the hint."""
    result = CliRunner().invoke(main, argv, prog_name="ibm")
    [line] = result.output.splitlines()
    before = line.split(" Palīdzība: ")[0].rstrip(")”")
    assert before.endswith((".", "?")), line


def test_build_refuses_an_out_folder_inside_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build written into catalogue/ would change its own input (audit35b F11): refused as a parameter error,
    before any building."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE

    catalogue = DEFAULT_CATALOGUE  # nothing is written: the build itself is replaced below

    def never(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("built into the catalogue")

    monkeypatch.setattr(build_module, "build_with_report", never)
    out = catalogue / "metodika" / "buvejums-tests"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue), "--out", str(out), "--only",
                                       "atvertie-dati"])
    assert result.exit_code == 2, result.output
    assert f"Kļūda: --out „{out}” ir kataloga mapē „{catalogue}”" in result.output
    assert not out.exists()


@pytest.mark.parametrize(("extra", "named"), [
    (["--draft"], "Kļūda: --draft izmanto tikai kopā ar --from-matrix"),
    (["--arhivam", "--draft"], "Kļūda: --draft un --arhivam izmanto tikai kopā ar --from-matrix"),
])
def test_documents_names_only_the_options_given_without_from_matrix(extra: list[str], named: str) -> None:
    result = CliRunner().invoke(main, ["documents", *extra])
    assert result.exit_code == 2 and result.output.startswith(named), result.output


def test_schema_names_an_unwritable_folder_not_its_temporary_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    out = tmp_path / "s"
    out.mkdir()
    monkeypatch.setattr(tempfile, "TemporaryFile", _temporary_files_refused_in(out))
    result = CliRunner().invoke(main, ["schema", "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == f"Kļūda: mapē {out} nevar rakstīt (darbība nav atļauta); nekas netika uzrakstīts.\n"


def test_ranges_are_said_in_words_in_help_and_errors() -> None:
    """click's „1<=x<=64” is said „no 1 līdz 64” in --help and in the error, as a person reads a range."""
    serve = " ".join(CliRunner().invoke(main, ["serve", "--help"], terminal_width=100).output.split())
    assert "[noklusējums: 8000; no 1024 līdz 65535]" in serve
    collect = " ".join(CliRunner().invoke(main, ["collect", "--help"], terminal_width=100).output.split())
    assert "[no 1 līdz 64]" in collect
    assert "<=" not in serve + collect
    jobs = CliRunner().invoke(main, ["collect", "m", "--out", "k.xlsx", "--jobs", "0"])
    assert "0 nav robežās no 1 līdz 64." in jobs.output and jobs.exit_code == 2, jobs.output
    assert [cli_lv.describe_range(*bounds) for bounds in ((1, None), (None, 9), (0, 5, True, False), (0, 5, False, True))] == [
        "vismaz 1", "ne vairāk kā 9", "lielāks par 0 un ne vairāk kā 5", "vismaz 0 un mazāks par 5"]


def test_click_texts_go_on_in_lower_case_after_the_colon(tmp_path: Path) -> None:
    """The project's own lines go on in lower case after „Kļūda:”; click's own texts („Fails „x” ir mape …”) too."""
    result = CliRunner().invoke(main, ["matrix", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert f"Kļūda: nederīga parametra „--out” vērtība: fails „{tmp_path}” ir mape, nevis fails." in result.output


def test_no_backticks_in_what_a_command_says() -> None:
    """Every --help says commands and options plainly or in „…” (as the messages do), never in Markdown's backticks;
    changes' errors end with the same „Palīdzība: ibm changes --help.” as every other command's."""
    for name in ("", "check", "build", "schema", "matrix", "documents", "serve", "changes", "migrate", "collect",
                 "fingerprint"):
        text = CliRunner().invoke(main, [*([name] if name else []), "--help"], terminal_width=100).output
        assert "`" not in text, (name, text)
    bad = CliRunner().invoke(main, ["changes", "--from", "nav-tadas-revizijas-xyz"])
    assert bad.output.rstrip().endswith(". Palīdzība: ibm changes --help."), bad.output


WRONG_PLACES = [
    ["matrix", "--out", "{bad}/m.xlsx"],
    ["changes", "--from", "catalogue", "--out", "{bad}/x.md"],
    ["build", "--out", "{bad}/b"],
    ["migrate", "{src}", "--out", "{bad}/j.xlsx"],
    ["documents", "--from-matrix", "{src}", "--out", "{bad}/d"],
    ["documents", "--municipality", "liepaja", "--out", "{bad}/d"],
    ["fingerprint", "--registry", "{bad}/r.json", "--new-registry"],
    ["schema", "--out", "{bad}/s"],
    ["collect", "{folder}", "--out", "{bad}/k.xlsx"],
]


@pytest.mark.parametrize("where", ["file", "proc"])
@pytest.mark.parametrize("argv", WRONG_PLACES, ids=lambda argv: "-".join(argv[:2]).strip("-{}"))
def test_an_out_under_a_file_or_in_proc_is_a_parameter_error_in_every_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], where: str) -> None:
    """audit35b F9g: --out whose parent is a file, or a folder that can hold no file (/proc), is a wrong parameter
    in every command – status 2, one line naming the path, before any work – not status 1 in some."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE

    src = tmp_path / "matrica.xlsx"
    src.write_bytes(b"nav nolasita")
    folder = tmp_path / "matricas" / "ogre"
    folder.mkdir(parents=True)
    (folder / "a.xlsx").write_bytes(b"nav nolasita")
    if where == "file":
        bad = tmp_path / "fails.txt"
        bad.write_text("ne mape", encoding="utf-8")
    else:
        bad = Path("/proc")
        if not bad.is_dir():
            pytest.skip("no /proc")
    args = [str(DEFAULT_CATALOGUE) if a == "catalogue"
            else a.format(bad=bad, src=src, folder=folder.parent) for a in argv]
    monkeypatch.setenv("IBM_PSEUDONIMA_ATSLEGA", "testa-atslega-tikai-testiem-0123456789")
    result = CliRunner().invoke(main, args, prog_name="ibm")
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    said = "ir fails, nevis mape" if where == "file" else "failus izveidot nevar (tā nav parasta mape)"
    option = "--registry" if argv[0] == "fingerprint" else "--out"
    assert line.startswith(f"Kļūda: {option} „"), line
    assert said in line and "probe" not in line, line
    assert line.endswith(f"Palīdzība: ibm {argv[0]} --help."), line
    if where == "file":
        assert bad.read_text(encoding="utf-8") == "ne mape"


def test_a_folder_without_matrices_is_status_2_in_collect_migrate_and_documents(tmp_path: Path) -> None:
    """audit35b F9g: the same mistake – a folder with no matrix given – is the same status in every command."""
    empty = tmp_path / "tuksa"
    empty.mkdir()
    env = {"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"}
    for args in (["collect", str(empty), "--out", str(tmp_path / "k.xlsx")],
                 ["migrate", str(empty), "--out", str(tmp_path / "jaunas")],
                 ["documents", "--from-matrix", str(empty), "--out", str(tmp_path / "d")]):
        result = CliRunner().invoke(main, args, env=env, prog_name="ibm")
        assert result.exit_code == 2, (args, result.output)
        assert "nav nevienas" in result.output and f"„{empty}”" in result.output, result.output
        assert result.output.rstrip().endswith(f"Palīdzība: ibm {args[0]} --help."), result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tuksa"]


def test_collect_refuses_a_previous_folder_overlapping_the_collected_one_before_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """audit35b F9g: `collect X --previous X` read every matrix before saying status 1; now one line, status 2."""
    from generator.ministry import collect as collect_module

    def never(*_: object, **__: object) -> None:
        raise AssertionError("matrices read before --previous was checked")

    monkeypatch.setattr(collect_module, "collect", never)
    folder = tmp_path / "matricas"
    (folder / "ogre" / "vecie").mkdir(parents=True)
    (folder / "ogre" / "a.xlsx").write_bytes(b"x")
    env = {"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"}
    for previous, said in ((folder, "ir tā pati mape, kas MAPE"), (folder / "ogre" / "vecie", "ir mapē MAPE")):
        result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx"), "--previous",
                                           str(previous)], env=env, prog_name="ibm")
        assert result.exit_code == 2, result.output
        assert f"--previous „{previous}” {said} „{folder}”" in result.output, result.output


def test_exit_statuses_close_every_help_in_one_order() -> None:
    """audit35b F10: the exit statuses came before the parameters in most helps and after them in others; now every
    command's help ends with them, in the order 0, 1, 2 (3), each naming status 2 as „nepareizi komandas parametri”;
    one metavar per meaning (a municipality is an ID, a folder MAPE)."""
    for name in main.list_commands(click.Context(main)):
        output = CliRunner().invoke(main, [name, "--help"], terminal_width=100).output
        last = " ".join(output.strip().split("\n\n")[-1].split())
        assert last.startswith("Izejas statuss: 0 – "), (name, last)
        assert output.count("Izejas statuss") == 1, name
        numbers = [int(n) for n in re.findall(r"(?:^|; )(\d) – ", last.split(": ", 1)[1])]
        assert numbers == sorted(numbers) and numbers[:3] == [0, 1, 2], (name, numbers)
        assert "2 – nepareizi komandas parametri" in last, (name, last)
    documents = CliRunner().invoke(main, ["documents", "--help"], terminal_width=100).output
    matrix = CliRunner().invoke(main, ["matrix", "--help"], terminal_width=100).output
    assert "--municipality ID" in documents and "--municipality ID" in matrix
    collect = CliRunner().invoke(main, ["collect", "--help"], terminal_width=100).output
    assert "--previous MAPE" in collect


def test_an_interrupted_check_says_nothing_about_results_it_never_writes(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """audit35b F9i: check writes nothing, so its Ctrl-C line does not promise that earlier results are unchanged; a
    writing command after it in the same process still says so."""
    import generator.cli as cli_module

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "load_catalogue", interrupted)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.strip() == cli_lv.STOPPED_READ_ONLY.format(cause="Ctrl-C"), result.output
    assert "rezultāti" not in result.output
    monkeypatch.setattr(matrix_module, "write_workbook", interrupted)
    later = CliRunner().invoke(main, ["matrix", "--out", str(tmp_path / "m.xlsx")])
    assert cli_lv.STOPPED.format(cause="Ctrl-C") in later.output, later.output
