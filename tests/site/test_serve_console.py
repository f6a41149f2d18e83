"""`ibm serve` speaks Latvian only: mkdocs' progress translated, its chatter (temporary paths, "Serving on …")
dropped; a --downloads folder that does not exist is a wrong parameter; Ctrl-C simply stops it (audit27 F15)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site import serve as serve_module
from generator.site.serve import mkdocs_line


def _record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.commands.serve", level, __file__, 1, message, None, None)


@pytest.mark.parametrize(("message", "level", "shown"), [
    ("Building documentation...", logging.INFO, "Veido vietni …"),
    ("Documentation built in 14.26 seconds", logging.INFO, "Vietne gatava (14,2 s)."),
    ("Cleaning site directory", logging.INFO, None),
    ("[03:45:52] Watching paths for changes: '/tmp/ibm-serve-rw5btpxj/docs'", logging.INFO, None),
    ("Serving on http://127.0.0.1:8768/", logging.INFO, None),
    ("Shutting down...", logging.INFO, None),
    ("Doc file 'a.md' contains a link 'b.md', but the target is not found", logging.WARNING,
     "Brīdinājums vietnē: Doc file 'a.md' contains a link 'b.md', but the target is not found"),
])
def test_mkdocs_lines_are_latvian_or_dropped(message: str, level: int, shown: str | None) -> None:
    assert mkdocs_line(_record(message, level)) == shown


def test_a_missing_downloads_folder_is_status_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: object) -> None:
        raise AssertionError("serve must not start")

    monkeypatch.setattr(serve_module, "serve", never)
    result = CliRunner().invoke(main, ["serve", "--downloads", str(tmp_path / "nav")], prog_name="ibm")
    assert result.exit_code == 2, result.output
    assert f"„{tmp_path / 'nav'}” nav atrasta" in result.output and "--downloads" in result.output
    assert "ibm serve --help" in result.output


def test_ctrl_c_simply_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def interrupted(_catalogue: Path, _port: int, build_dir: Path | None, _echo: object) -> None:
        seen.append(build_dir)
        raise KeyboardInterrupt

    monkeypatch.setattr(serve_module, "serve", interrupted)
    monkeypatch.chdir(tmp_path)  # no build/ here: the default folder may be missing
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Apturēts."
    assert seen == [None]
