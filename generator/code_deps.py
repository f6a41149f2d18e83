"""Which files of generator/ a module really uses: its imports, followed transitively.

`ibm build` fingerprints each step's code (generator/build.py). Listing that code by hand missed a
module another package imported (documents used generator/site/labels.py), so the list is derived
here from the import statements themselves (module level and inside functions), read with `ast`
without importing anything. Importing ``generator.a.b`` runs ``generator/a/__init__.py`` too, so
every package on the way is included.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "generator"


def module_file(module: str, root: Path = REPO) -> Path | None:
    """The file of a dotted ``generator.…`` module name, or None outside generator/ or when absent."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    base = root.joinpath(*parts)
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


# (file, root, source) -> the names it imports: `ibm build` follows the imports of every step, and most steps share
# most modules; a test process builds many times. Keyed by the source itself, so an edited file is parsed again.
_PARSED: dict[tuple[Path, Path, str], frozenset[str]] = {}


def _imported_names(path: Path, root: Path) -> frozenset[str]:
    """Dotted names ``path`` imports (``from x import y`` gives both x and x.y: y may be a module)."""
    source = path.read_text(encoding="utf-8")
    key = (path, root, source)
    if key not in _PARSED:
        _PARSED[key] = frozenset(_parsed_names(source, path, root))
    return _PARSED[key]


def _parsed_names(source: str, path: Path, root: Path) -> set[str]:
    tree = ast.parse(source, filename=str(path))
    own = _module_name(path, root)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _with_parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def _closure(module: str, root: Path) -> frozenset[Path]:
    seen: set[Path] = set()
    todo = [module]
    while todo:
        for name in _with_parents(todo.pop()):
            path = module_file(name, root)
            if path is None or path in seen:
                continue
            seen.add(path)
            todo.extend(_imported_names(path, root))
    return frozenset(seen)


def imported_files(module: str, root: Path = REPO) -> list[Path]:
    """Every file under generator/ that importing and running ``module`` may execute, sorted."""
    return sorted(_closure(module, root.resolve()))
