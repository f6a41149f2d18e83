"""`ibm serve` when a build fails (review6 F4): one Latvian line naming what failed (file and line when known), no
Python traceback on the console; a failed first build ends with status 1; mkdocs' logger is left as it was."""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site import serve as serve_module
from generator.site.serve import NOT_REBUILT, Renderer, mkdocs_line


def _record(message: str, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.livereload", level, __file__, 1, message, None, None)


def test_mkdocs_error_lines_are_latvian() -> None:
    assert mkdocs_line(_record("An error happened during the rebuild. The server will appear stuck until build "
                               "errors are resolved.")) == NOT_REBUILT
    assert mkdocs_line(_record("[04:48:21] An error happened during the rebuild. The server will appear stuck "
                               "until build errors are resolved.")) == NOT_REBUILT  # as mkdocs' live-reload logs it
    assert mkdocs_line(_record("Encoding error reading file: zz-bojats.md")) == (
        "Kļūda vietnē: lapas fails „zz-bojats.md” nav UTF-8 kodējumā")
    line = mkdocs_line(_record("Error reading page 'zz-bojats.md': 'utf-8' codec can't decode byte 0xe2"))
    assert line is not None and line.startswith("Kļūda vietnē: lapu „zz-bojats.md” nevar nolasīt: ")


@pytest.fixture
def quick_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sources are not rendered (that takes a while and is tested elsewhere): only mkdocs' part is looked at."""
    monkeypatch.setattr(Renderer, "render", lambda self: True)
    monkeypatch.setattr(Renderer, "watch", lambda self, interval=1.0: None)


@pytest.mark.usefixtures("quick_render")
def test_a_failed_rebuild_prints_one_latvian_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                                   capfd: pytest.CaptureFixture[str]) -> None:
    from mkdocs import livereload

    def rebuild_fails(**_kwargs: object) -> None:  # what mkdocs' live-reload loop does when a rebuild raises
        try:
            b"\xe2\x28\xa1".decode("utf-8")
        except UnicodeDecodeError:
            livereload.traceback.print_exc()
            logging.getLogger("mkdocs.livereload").error(
                "An error happened during the rebuild. The server will appear stuck until build errors are resolved.")
        raise KeyboardInterrupt

    monkeypatch.setattr("mkdocs.commands.serve.serve", rebuild_fails)
    logger = logging.getLogger("mkdocs")
    before = (list(logger.handlers), logger.propagate)
    result = CliRunner().invoke(main, ["serve"], catch_exceptions=False)
    captured = capfd.readouterr()
    assert result.exit_code == 0, result.output
    assert "Traceback" not in captured.err + captured.out + result.output, captured.err
    assert "Kļūda vietnē: fails nav UTF-8 kodējumā" in result.output
    assert NOT_REBUILT in result.output and "An error happened" not in result.output
    assert (list(logger.handlers), logger.propagate) == before  # nothing left behind for the next run


@pytest.mark.usefixtures("quick_render")
def test_a_failed_first_build_names_the_template_and_line(monkeypatch: pytest.MonkeyPatch,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
    def first_build_fails(**_kwargs: object) -> None:
        raise jinja2.TemplateSyntaxError("unexpected '}'", lineno=7, filename="overrides/main.html")

    monkeypatch.setattr("mkdocs.commands.serve.serve", first_build_fails)
    result = CliRunner().invoke(main, ["serve"])
    captured = capfd.readouterr()
    assert result.exit_code == 1, result.output
    assert "Kļūda vietnē: TemplateSyntaxError (fails overrides/main.html, 7. rinda)" in result.output
    assert "Vietni neizdevās izveidot" in result.output
    assert "Traceback" not in captured.err + result.output


def test_the_module_is_restored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import traceback

    from mkdocs import livereload

    monkeypatch.setattr(Renderer, "render", lambda self: False)
    with pytest.raises(SystemExit):
        serve_module.serve(tmp_path, 8000, None, lambda _line: None)
    assert livereload.traceback is traceback


def test_a_busy_port_is_refused_before_the_site_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program on the port: one line and status 2 before any building, never an address announced where
    someone else answers (audit35b F7)."""
    import socket

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the site was built for a busy port")

    monkeypatch.setattr(serve_module, "serve", never)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Kļūda: nederīga parametra „--port” vērtība: ports {port} jau ir aizņemts "
                                    "(izvēlieties citu ar --port)"), result.output
    assert "Vietne:" not in result.output and "Veido" not in result.output
