"""Each `ibm build` step's fingerprint covers every generator/ module the step really imports, so a change
in any of them renders the step again (documents once missed generator/site/labels.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build as build_module
from generator.catalogue.loader import load_or_raise
from generator.code_deps import imported_files

REPO = build_module.REPO

_LIST_MODULES = ("import sys, importlib; importlib.import_module(sys.argv[1]); "
                 "print('\\n'.join(m.__file__ for n, m in list(sys.modules.items()) "
                 "if n.split('.')[0] == 'generator' and getattr(m, '__file__', None)))")


def _runtime_imports(module: str) -> set[str]:
    """generator/ files a fresh interpreter has loaded after importing ``module`` (module-level imports)."""
    out = subprocess.run([sys.executable, "-c", _LIST_MODULES, module], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.split()
    return {Path(f).resolve().relative_to(REPO).as_posix() for f in out}


@pytest.mark.parametrize("step", build_module._renderers(), ids=lambda s: s.name)
def test_every_imported_module_is_in_the_step_fingerprint(step: build_module.Step) -> None:
    files = set(build_module.step_code_files(step))
    module = step.render.__module__
    loaded = _runtime_imports(module)
    assert loaded, module
    assert loaded <= files, sorted(loaded - files)
    static = {p.relative_to(REPO).as_posix() for p in imported_files(module)}
    assert loaded <= static, sorted(loaded - static)  # the static reading sees at least what Python loads
    assert static <= files, sorted(static - files)


def test_documents_fingerprint_follows_the_site_labels_it_imports() -> None:
    steps = {s.name: s for s in build_module._renderers()}
    assert "generator/site/labels.py" in build_module.step_code_files(steps["dokumenti"])
    assert "generator/documents/annex_context.py" not in build_module.step_code_files(steps["atvertie-dati"])


def test_relative_and_function_level_imports_are_followed(tmp_path: Path) -> None:
    pkg = tmp_path / "generator" / "a"
    pkg.mkdir(parents=True)
    (tmp_path / "generator" / "__init__.py").write_text("", "utf-8")
    (pkg / "__init__.py").write_text("", "utf-8")
    (pkg / "main.py").write_text("def f():\n    from .helper import x\n    return x\n", "utf-8")
    (pkg / "helper.py").write_text("from generator import other\nx = 1\n", "utf-8")
    (tmp_path / "generator" / "other.py").write_text("import os\n", "utf-8")
    (tmp_path / "generator" / "unused.py").write_text("", "utf-8")
    found = {p.relative_to(tmp_path).as_posix() for p in imported_files("generator.a.main", tmp_path)}
    assert found == {"generator/__init__.py", "generator/a/__init__.py", "generator/a/main.py",
                     "generator/a/helper.py", "generator/other.py"}


def test_a_change_in_an_imported_module_of_another_package_changes_the_key(
        tmp_path: Path, catalogue_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "generator", repo / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "templates", repo / "templates")
    shutil.copy2(REPO / "pyproject.toml", repo / "pyproject.toml")
    monkeypatch.setattr(build_module, "REPO", repo)
    catalogue = load_or_raise(catalogue_copy)
    steps = {s.name: s for s in build_module._renderers()}
    before = {name: build_module.step_key(s, catalogue, []) for name, s in steps.items()}
    labels = repo / "generator" / "site" / "labels.py"
    labels.write_text(labels.read_text("utf-8") + "\n# changed\n", "utf-8")
    after = {name: build_module.step_key(s, catalogue, []) for name, s in steps.items()}
    assert after["dokumenti"] != before["dokumenti"]
    assert after["atvertie-dati"] == before["atvertie-dati"]
