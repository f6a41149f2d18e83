"""Loading an older catalogue revision whose schema differs from today's, for `ibm changes`.

The price and rule history is the ministry's record, so a schema change must not make the report
impossible. When an old revision does not validate, its YAML (a temporary copy) is adapted to the
current schema using only what both versions share:

- a required field the old version did not have is taken from the other version (so it compares
  equal and is reported as not compared), or from the toolkit's own catalogue when neither version has it;
- a field the current schema no longer knows is left out (reported as not compared);
- a service or price file, or a data file of the methodology or of the annex 10 examples, that still does
  not validate is left out of the comparison (reported).

Every adaptation is a Latvian sentence in ``Tolerant.skipped``; the report lists them. A field added to or
dropped from every file of a folder (e.g. a new required field of each service) is one sentence naming the
folder and the count, not one per file.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.crossrefs import MISSING
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from generator.catalogue.problems import CatalogueError, Problem, Severity
from generator.catalogue.yamlfile import read_yaml

UNKNOWN = "nezināms lauks"
ROUNDS = 6


@dataclass
class Tolerant:
    catalogue: Catalogue | None
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what still could not be read (catalogue is None)


def _path(problem: Problem) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in problem.field.split(".")] if problem.field != "-" else []


def _step(node: Any, key: str | int, sibling: Any) -> tuple[Any, Any]:
    """Go one level down in ``node`` and in the matching part of the other version (list items by id)."""
    child = node[key]
    other = None
    if isinstance(key, int) and isinstance(sibling, list):
        ident = child.get("id") if isinstance(child, dict) else None
        other = next((s for s in sibling if isinstance(s, dict) and ident is not None and s.get("id") == ident), None)
        if other is None and ident is None and key < len(sibling):
            other = sibling[key]
    elif isinstance(sibling, dict):
        other = sibling.get(key)
    return child, other


def _fix(data: Any, other: Any, path: list[str | int], missing: bool) -> bool:
    """Fill the missing field at ``path`` from ``other`` or delete the unknown one; False when impossible."""
    if not path:
        return False
    node, sibling = data, other
    try:
        for key in path[:-1]:
            node, sibling = _step(node, key, sibling)
    except (KeyError, IndexError, TypeError):
        return False
    last = path[-1]
    if missing:
        if not isinstance(node, dict) or not isinstance(sibling, dict) or last not in sibling:
            return False
        node[last] = copy.deepcopy(sibling[last])
        return True
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    return False


def _yaml_data(path: Path) -> Any:
    """The data of a YAML file, or None when it cannot be read as YAML (its problem is reported as it is)."""
    try:
        return read_yaml(path).data
    except CatalogueError:
        return None


def _fill_absent(data: Any, other: Any, path: list[str | int], message: str) -> list[str]:
    """A model-level rule (e.g. "all or none" of a confirmed block) refused the node at ``path``: fill the keys
    the other version has there and this one lacks – those the message names, else all of them. Returns them."""
    node, sibling = data, other
    try:
        for key in path:
            node, sibling = _step(node, key, sibling)
    except (KeyError, IndexError, TypeError):
        return []
    if not isinstance(node, dict) or not isinstance(sibling, dict):
        return []
    absent = [k for k in sibling if isinstance(k, str) and k not in node]
    named = [k for k in absent if re.search(rf"(?<![\w.]){re.escape(k)}(?![\w])", message)]
    for key in named or absent:
        node[key] = copy.deepcopy(sibling[key])
    return named or absent


def _relative(path: Path | None, root: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def own_latest_date(folder: Path) -> dt.date | None:
    """The latest ``effective_from`` of the folder's own price files and programme.yaml, read as plain YAML: the
    date part of the version the revision's own code showed, whatever today's models make of its files. None when
    no file gives one."""
    days: list[dt.date] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "effective_from" and isinstance(value, str | dt.date):
                    try:  # the loader keeps dates as text
                        days.append(value if isinstance(value, dt.date) else dt.date.fromisoformat(value))
                    except ValueError:
                        pass  # not a date: today's models would refuse it, the file's own version had none here
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in [folder / "programme.yaml", *sorted((folder / "prices").glob("*.yaml"))]:
        walk(_yaml_data(path) if path.is_file() else None)
    return max(days, default=None)


def load_tolerant(folder: Path, other: Path | None, workdir: Path, label: str, drop_files: bool = True,
                  documents: bool = True) -> Tolerant:
    """Load ``folder``; when it does not validate, adapt a copy in ``workdir`` towards ``other`` (the other
    version's catalogue folder). ``label`` names the version in the sentences (e.g. "iepriekšējā").

    Without ``drop_files`` only fields are adapted (a schema change): a file with a wrong value stays an error
    named at its line. The new version is read so – a typo in a price being published (12.345 EUR) must be
    refused, not left out of the report. Without ``documents`` (an older version) a confirmation whose source names
    no ministry's document is a warning (D310 binds the catalogue in use: load_catalogue)."""
    catalogue, first = load_catalogue(folder, documents=documents)
    if catalogue is not None or other is None:
        return Tolerant(catalogue, problems=[] if catalogue else first)
    copy_root = workdir / "pielagots"
    own_files = folder  # ``folder`` below names a catalogue subfolder
    shutil.rmtree(copy_root, ignore_errors=True)
    shutil.copytree(folder, copy_root)
    result = Tolerant(None)
    fields: dict[tuple[str, str, str], list[tuple[str, str]]] = {}  # (folder, field, what) -> (file, field), _field_notes
    for _ in range(ROUNDS):
        catalogue, problems = load_catalogue(copy_root, documents=documents)
        errors = [p for p in problems if p.severity is Severity.error]
        if catalogue is not None:
            # the revision's own version, not the adapted copy's: the one its matrices and `ibm migrate` name
            # (audit27b F8)
            catalogue.versioned_by(own_files, own_latest_date(own_files))
            result.catalogue = catalogue
            result.skipped[:0] = _field_notes(fields, label)
            return result
        changed = False
        edits: dict[str, Any] = {}
        for problem in errors:
            rel = _relative(problem.path, copy_root)
            if rel is None or not (copy_root / rel).is_file():
                continue
            data = edits.get(rel)
            if data is None:
                if (data := _yaml_data(copy_root / rel)) is None:
                    continue  # not YAML at all (syntax, encoding): no schema difference, it stays an error (audit27 F1)
                edits[rel] = data
            theirs = _yaml_data(other / rel) if (other / rel).is_file() else None
            missing = problem.message == MISSING
            # a field neither version has (two older revisions compared) is taken from the toolkit's own catalogue
            own = _own(rel) if missing else None
            if (missing or problem.message == UNKNOWN) and (_fix(data, theirs, _path(problem), missing)
                                                             or missing and _fix(data, own, _path(problem), True)):
                what = "nebija" if missing else "vairs nav"
                folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
                fields.setdefault((folder, _any_entry(problem.field), what), []).append((rel, problem.field))
                changed = True
            elif not missing and problem.message != UNKNOWN and (
                    filled := _fill_absent(data, theirs, _path(problem), problem.message)
                    or _fill_absent(data, _own(rel), _path(problem), problem.message)):
                # a field a model-level rule requires (a new flag of a confirmed block), not a per-field "missing"
                folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
                for key in filled:
                    name = f"{problem.field}.{key}"
                    fields.setdefault((folder, _any_entry(name), "nebija"), []).append((rel, name))
                changed = True
            elif drop_files and rel.startswith(("services/", "prices/", "metodika/", "piemeri/")):
                (copy_root / rel).unlink()
                edits.pop(rel, None)
                result.skipped.append(f"{rel}: {label} versijā neatbilst pašreizējai shēmai ({problem.message}); "
                                      "fails nav salīdzināts")
                changed = True
        for rel, data in edits.items():
            (copy_root / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if not changed:
            break
    # named at the user's own files and lines, not at the adapted copy (rewritten without comments)
    result.problems = [p for p in first if p.severity is Severity.error]
    result.skipped[:0] = _field_notes(fields, label)
    return result


def _own(rel: str) -> Any:
    """The toolkit's own catalogue file ``rel`` (for a field neither compared version has), or None."""
    return read_yaml(DEFAULT_CATALOGUE / rel).data if (DEFAULT_CATALOGUE / rel).is_file() else None


def _any_entry(name: str) -> str:
    """A field's path with each list index as "*": the same field of every entry of a list is one note."""
    return re.sub(r"(?<=\.)\d+(?=\.|$)", "*", name)


def _field_notes(fields: dict[tuple[str, str, str], list[tuple[str, str]]], label: str) -> list[str]:
    """One sentence per field: naming the file, or for several files of one folder the folder and the count; the
    same field of several entries of a list once, with their count (audit27b F7); the field's meaning in words
    where the catalogue's schema describes it."""
    notes = []
    for (folder, name, what), found in fields.items():
        files = list(dict.fromkeys(rel for rel, _ in found))
        count = f"{len(files)} {lvformat.agree(len(files), 'fails', 'faili')}"
        where = files[0] if len(files) == 1 else f"{folder}/*.yaml ({count})"
        shown = found[0][1] if len(found) == 1 else name
        entries = len(found) // len(files)
        many = f"{entries} ierakstos" if len(files) == 1 and entries > 1 else ""
        meaning = field_meaning(files[0], shown)
        # one bracket, its parts joined by a semicolon, never two brackets in a row (audit29b)
        about = "; ".join(part for part in (many, f"„{meaning}”" if meaning else "") if part)
        notes.append(f"{where}: lauks `{shown}`{f' ({about})' if about else ''} {label} versijā {what}; nav salīdzināts")
    return notes


def field_meaning(rel: str, name: str) -> str:
    """What a catalogue field is, in words, from its model's description (the schema editors use), shortened to
    its first clause: "Īss nosaukums šaurām kolonnām"; "" when the schema describes none."""
    from generator.catalogue.schema import SCHEMAS

    folder, _, file = rel.rpartition("/")
    key = {"services": "service", "prices": "price"}.get(folder) or rel.removesuffix(".yaml").replace("/", "-")
    model = SCHEMAS.get(key)
    if model is None:
        return ""
    schema = model.model_json_schema(mode="validation")
    node: dict = schema
    for part in name.split("."):
        node = _resolved(schema, node)
        if part.isdigit() or part == "*":
            node = node.get("items", {})
            continue
        node = node.get("properties", {}).get(part)
        if node is None:
            return ""
    return _first_clause(" ".join(str(node.get("description", "")).split()))


def _first_clause(text: str) -> str:
    """A description's first clause without its brackets ("Kam Dienests maksā: provider – …" → "Kam Dienests
    maksā"); "" for one that starts with a value ("jāprecizē: …") or names internal labels or identifiers."""
    depth, plain = 0, []
    for ch in text:
        depth += ch == "("
        if depth == 0:
            plain.append(ch)
        depth -= ch == ")" and depth > 0
    clause = re.split(r",? piem\.|[:;] |\. ", "".join(plain), maxsplit=1)[0]
    clause = " ".join(clause.split()).rstrip(".,")
    if len(clause.split()) < 2 or re.search(r"audit|review|[A-Za-z]+_[a-z]|`|\bL\d{3,}", clause):
        return ""
    return clause


def _resolved(schema: dict, node: dict) -> dict:
    """A JSON-schema node with its $ref followed and an optional (anyOf with null) unwrapped."""
    for _ in range(8):
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            options = [o for o in node["anyOf"] if o.get("type") != "null"]
            if len(options) != 1:
                return node
            node = options[0]
        else:
            return node
    return node
