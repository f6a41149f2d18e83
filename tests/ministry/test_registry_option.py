"""`--registry` of `ibm collect` and `ibm migrate`: a file that exists but cannot be read is refused as a broken one
(status 1, README), before any matrix is read; a missing one stays a parameter error (status 2)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ENV = {"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"}


def unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``path`` made unreadable (mode 000); root reads it all the same, so the permission check and the reading are
    made to fail for this one path as they do for any other user."""
    path.write_text('{"versions": {}}', encoding="utf-8")
    path.chmod(0)
    real_access, real_read = os.access, Path.read_text

    def access(p: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(p)) == path and mode & os.R_OK:
            return False
        return real_access(p, mode, *args, **kwargs)  # type: ignore[arg-type]

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_read(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_text", read_text)
    return path


def _never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.ministry import collect as collect_module
    from generator.ministry import migrate as migrate_module

    def must_not_read(*_: object, **__: object) -> None:
        raise AssertionError("matrices were read before --registry was checked")

    monkeypatch.setattr(collect_module, "collect", must_not_read)
    monkeypatch.setattr(migrate_module, "Migrator", must_not_read)


SAID = "nevar nolasīt (nav piekļuves tiesību); nekas netika uzrakstīts"


def test_collect_refuses_an_unreadable_registry_as_a_broken_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _never_read(monkeypatch)
    folder = tmp_path / "matricas" / "ogre"
    folder.mkdir(parents=True)
    (folder / "plans.xlsx").write_bytes(b"x")
    registry = unreadable(tmp_path / "registrs.json", monkeypatch)
    out = tmp_path / "o" / "k.xlsx"
    result = CliRunner().invoke(main, ["collect", str(folder.parent), "--out", str(out), "--registry", str(registry)],
                                env=ENV)
    assert result.exit_code == 1, result.output
    assert f"Kļūda: --registry: veidņu reģistru {registry} {SAID}." in result.output, result.output
    assert "Palīdzība" not in result.output and not out.parent.exists()


def test_migrate_refuses_an_unreadable_registry_as_a_broken_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _never_read(monkeypatch)
    old = tmp_path / "veca.xlsx"
    old.write_bytes(b"x")
    registry = unreadable(tmp_path / "registrs.json", monkeypatch)
    out = tmp_path / "jauna.xlsx"
    result = CliRunner().invoke(main, ["migrate", str(old), "--out", str(out), "--registry", str(registry)])
    assert result.exit_code == 1, result.output
    assert f"Kļūda: --registry: veidņu reģistru {registry} {SAID}." in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registrs.json", "veca.xlsx"]
    missing = tmp_path / "nav.json"  # a missing one is still a parameter error
    result = CliRunner().invoke(main, ["migrate", str(old), "--out", str(out), "--registry", str(missing)])
    assert result.exit_code == 2 and f"--registry „{missing}”: fails nav atrasts" in result.output, result.output
