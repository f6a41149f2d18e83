"""Loading the catalogue folder into validated model objects, with every problem located.

This is the only place that parses YAML. Everything downstream receives a ``Catalogue``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError

from generator.catalogue.annexes import AnnexRegister, annex_problems
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirming_documents import EXPECTED as DOCUMENT_EXPECTED
from generator.catalogue.crossrefs import CENTS_EXPECTED, MISSING, cross_reference_problems
from generator.catalogue.data_files import DATA_FILES, PAGE_PATTERN
from generator.catalogue.legacy import is_legacy, split_legacy
from generator.catalogue.legal_acts import LegalActs, legal_act_warnings
from generator.catalogue.models import (
    EntryError,
    Enumerations,
    Holidays,
    Municipalities,
    Price,
    Programme,
    Round,
    Rounds,
    Service,
)
from generator.catalogue.municipality_names import FILE_NAME as NAMES_FILE
from generator.catalogue.municipality_names import MunicipalityNames, name_problems
from generator.catalogue.open_data_licence import FILE_NAME as LICENCE_FILE
from generator.catalogue.open_data_licence import HTTPS_PATTERN, OpenDataLicence
from generator.catalogue.partial_rounds import partial_rounds
from generator.catalogue.problems import CatalogueError, Problem, Severity, lv_number, quoted
from generator.catalogue.yamlfile import YamlFile, read_yaml
from generator.no_such_day import no_such_day

M = TypeVar("M", bound=BaseModel)

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[2] / "catalogue"

# what to type in the YAML file: a full stop there, whatever a Latvian sentence writes (audit24 F25)
DECIMAL_EXPECTED = "skaitlis, YAML failā ar punktu, piem. 12.50"

_EXPECTED = {
    "missing": (MISSING, "obligāts lauks"),
    "extra_forbidden": ("nezināms lauks", "tikai shēmā aprakstītie lauki"),
    "int_parsing": ("nav vesels skaitlis", "vesels skaitlis"),
    "int_type": ("nav vesels skaitlis", "vesels skaitlis"),
    "int_from_float": ("nav vesels skaitlis", "vesels skaitlis"),
    "decimal_parsing": ("nav skaitlis", DECIMAL_EXPECTED),
    "decimal_type": ("nav skaitlis", DECIMAL_EXPECTED),
    "string_type": ("nav teksts", "teksts"),
    "bool_parsing": ("nav jā/nē vērtība", "true vai false"),
    "bool_type": ("nav jā/nē vērtība", "true vai false"),
    "date_from_datetime_parsing": ("nav datums", "datums formā GGGG-MM-DD"),
    "date_parsing": ("nav datums", "datums formā GGGG-MM-DD"),
    "date_type": ("nav datums", "datums formā GGGG-MM-DD"),
    "list_type": ("nav saraksts", "saraksts"),
    "dict_type": ("nav vārdnīca", "atslēgas un vērtības"),
    "model_type": ("nav vārdnīca", "atslēgas un vērtības"),
    "too_short": ("par īsu", "vismaz viens elements vai simbols"),
    "string_too_short": ("tukšs teksts", "netukšs teksts"),
    "greater_than_equal": ("vērtība par mazu", None),
    "less_than_equal": ("vērtība par lielu", None),
    "string_pattern_mismatch": ("neatbilst formātam", None),
}


# Patterns an author meets, said in words rather than as a regular expression.
PATTERN_TEXT = {PAGE_PATTERN: "mazie burti, cipari un „-”, beigās .md, piem. atbalsta-plans.md",
                HTTPS_PATTERN: "tīmekļa adrese, kas sākas ar https://"}


def _enum_choices(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> str | None:
    """The allowed values of the enumeration field at ``loc`` of ``model`` („provider” vai „parent”), else None."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = current.model_fields[part].annotation
        if get_origin(current) in (list, tuple):
            current = get_args(current)[0]
    if not (isinstance(current, type) and issubclass(current, Enum)):
        return None
    values = [quoted(e.value) for e in current]
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " vai " + values[-1]


def _problem_from_error(yf: YamlFile, err: dict[str, Any], prefix: tuple[Any, ...] = (),
                        model: type[BaseModel] | None = None) -> Problem:
    # Validator functions and union tags (data_files.py: "tag:…") name no key of the file.
    loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and part.startswith(("function-", "tag:"))))
    entry = (err.get("ctx") or {}).get("error")
    if err["type"] == "value_error" and isinstance(entry, EntryError):  # the entry's own line (audit39 F7)
        loc = (*loc, *entry.at)
    # Generic models put the type name into the location; drop such parts that are not keys.
    full = (*prefix, *loc)
    kind = err["type"]
    field = ".".join(str(p) for p in full if not str(p).startswith(("Dated[", "Parameter["))) or "-"
    message, expected = _EXPECTED.get(kind, (None, None))
    ctx = err.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        message, expected = f"nezināma vērtība {lv_number(err.get('input'))}", ctx.get("expected")
        if isinstance(expected, str):  # pydantic's "'provider' or 'parent'"
            expected = re.sub(r"'([^']*)'", r"„\1”", expected.replace(" or ", " vai "))
    elif kind in ("greater_than_equal", "greater_than"):
        expected = f"≥ {lv_number(ctx.get('ge', ctx.get('gt')))}"
        message = f"vērtība {lv_number(err.get('input'))} ir par mazu"
    elif kind in ("less_than_equal", "less_than"):
        expected = f"≤ {lv_number(ctx.get('le', ctx.get('lt')))}"
        message = f"vērtība {lv_number(err.get('input'))} ir par lielu"
    elif kind == "decimal_max_places":  # only money has a places limit (models.Money)
        expected = CENTS_EXPECTED
        message = f"summa {lv_number(err.get('input'))} nav veselos centos"
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        expected = PATTERN_TEXT.get(pattern, f"atbilst {pattern}")
        message = f"vērtība „{err.get('input')}” neatbilst formātam"
    elif kind in ("date_parsing", "date_from_datetime_parsing") and (no_day := no_such_day(err.get("input"))):
        message, expected = no_day, None  # the form is right, the day does not exist (audit27 F8)
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
        expected = entry.expected if isinstance(entry, EntryError) else None
    elif kind == "missing" and (choices := _enum_choices(model, loc)):
        expected = f"obligāts lauks: {choices}"
    elif message is None:
        message = err["msg"]
    return Problem(yf.path, yf.line_of(full), field, message, expected)


def _validate(model: type[M], yf: YamlFile, problems: list[Problem]) -> M | None:
    if issubclass(model, RootModel):  # a file whose content is a list (nav.yaml)
        if not isinstance(yf.data, list):
            problems.append(Problem(yf.path, 1, "-", "faila saturs nav saraksts", "YAML saraksts (- ieraksts)"))
            return None
    elif not isinstance(yf.data, dict):
        problems.append(Problem(yf.path, 1, "-", "faila saturs nav vārdnīca", "YAML vārdnīca (atslēga: vērtība)"))
        return None
    try:
        return model.model_validate(yf.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.append(_problem_from_error(yf, err, model=model))
            entry = (err.get("ctx") or {}).get("error")
            for other in getattr(entry, "also", ()):  # a validator's other independent errors (D309)
                problems.append(_problem_from_error(yf, {**err, "ctx": {"error": other}, "msg": str(other)},
                                                    model=model))
        return None


def _read(path: Path, problems: list[Problem]) -> YamlFile | None:
    try:
        return read_yaml(path)
    except CatalogueError as exc:
        problems.extend(exc.problems)
        return None
    except OSError as exc:  # unreadable: reported, the other files still checked
        from generator.cli_errors import os_reason_without_path

        problems.append(Problem(path, 1, "-", f"failu nevar nolasīt: {os_reason_without_path(exc)}",
                                "lasāms YAML fails"))
        return None


def _load_folder(folder: Path, model: type[M], problems: list[Problem],
                 failed: list[Path] | None = None) -> list[tuple[M, YamlFile]]:
    """Every *.yaml file of ``folder`` that loads; the paths of those that do not go to ``failed``."""
    items: list[tuple[M, YamlFile]] = []
    failed = [] if failed is None else failed
    if not folder.is_dir():
        problems.append(Problem(folder, 0, "-", "mape nav atrasta", "mape ar YAML failiem"))
        return items
    for path in sorted(folder.glob("*.yaml")):
        if not path.is_file():  # e.g. a folder named x.yaml: reported, the other files still checked
            problems.append(Problem(path, 1, "-", "tā ir mape (vai cits ne-fails), nevis YAML fails",
                                    "YAML fails vai nekas"))
            failed.append(path)
            continue
        yf = _read(path, problems)
        obj = _validate(model, yf, problems) if yf is not None else None
        if obj is None:
            failed.append(path)
        else:
            items.append((obj, yf))
    return items


def _entry_ids(field: str, data: Any) -> tuple[str | None, ...]:
    """The `id` of the entry at each list position of a problem's dotted ``field`` in the file's ``data`` (None
    where the entry has none), so that a problem names „berni-2027”, not only its position (D309)."""
    ids: list[str | None] = []
    for segment in field.split("."):
        if segment.isdigit():
            data = data[int(segment)] if isinstance(data, list) and int(segment) < len(data) else None
            entry_id = data.get("id") if isinstance(data, dict) else None
            ids.append(entry_id if isinstance(entry_id, str) and entry_id else None)
        else:
            data = data.get(segment) if isinstance(data, dict) else None
    return tuple(ids) if any(ids) else ()


def _named_entries(problems: list[Problem], files: list[YamlFile | None]) -> list[Problem]:
    """The problems with the ids of the entries their fields point into, for the files read (D309)."""
    data = {yf.path: yf.data for yf in files if yf is not None}
    named = []
    for problem in problems:
        ids = _entry_ids(problem.field, data[problem.path]) if problem.path in data and not problem.ids else ()
        named.append(replace(problem, ids=ids) if ids else problem)
    return named


def load_catalogue(root: Path | None = None, *, documents: bool = True) -> tuple[Catalogue | None, list[Problem]]:
    """Load and check the catalogue in ``root``; return it (None on errors) and every problem. Without
    ``documents`` a confirmation whose source names no ministry's document (D310) is a warning, not an error: an
    older version `ibm changes` compares against was valid when written, and D310 binds the catalogue in use."""
    files: list[YamlFile | None] = []
    catalogue, problems = _load_catalogue(root, files, documents)
    return catalogue, _named_entries(problems, files)


def _load_catalogue(root: Path | None, files: list[YamlFile | None], documents: bool = True
                    ) -> tuple[Catalogue | None, list[Problem]]:
    root = Path(root or DEFAULT_CATALOGUE)
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(root, 0, "-", "kataloga mape nav atrasta", "mape ar catalogue/ saturu")]

    singles: dict[str, Any] = {}
    legacy = False
    for name, model in (
        ("programme.yaml", Programme),
        ("municipalities.yaml", Municipalities),
        ("enums.yaml", Enumerations),
        ("rounds.yaml", Rounds),
        ("holidays.yaml", Holidays),
    ):
        path = root / name
        if name in singles:  # made from an older municipalities.yaml (legacy.py)
            yf = singles[name][1]
            singles[name] = (_validate(model, yf, problems), yf)
            continue
        if not path.is_file():
            if name == "holidays.yaml" and legacy:
                continue  # a version from before holidays.yaml: the day-services limit has no holidays
            problems.append(Problem(path, 1, "-", "fails nav atrasts", name))
            continue
        yf = _read(path, problems)
        if name == "municipalities.yaml" and yf is not None and is_legacy(yf, (root / "rounds.yaml").is_file()):
            legacy = True
            yf, rounds_file = split_legacy(yf)
            singles["rounds.yaml"] = (None, rounds_file)
        singles[name] = (_validate(model, yf, problems), yf) if yf else (None, None)

    failed_folder_files: list[Path] = []
    services = _load_folder(root / "services", Service, problems, failed_folder_files)
    prices = _load_folder(root / "prices", Price, problems, failed_folder_files)
    annexes, annexes_file = _load_annexes(root, problems)
    legal_acts, legal_acts_file = _load_toolkit_file(root, LEGAL_ACTS_FILE, LegalActs, problems,
                                                     "tiesību aktu saraksts tiesibu-akti.yaml")
    municipality_names, names_file = _load_names(root, problems)
    licence, licence_file = _load_toolkit_file(root, LICENCE_FILE, OpenDataLicence, problems,
                                               "atvērto datu licence open-data-licence.yaml")
    for rel, model in DATA_FILES.items():  # the methodology's data and the annex 10 examples, when present
        if (root / rel).is_file() and (yf := _read(root / rel, problems)) is not None:
            _validate(model, yf, problems)

    # The checks of one file need nothing else: they run whenever the file loaded.
    if legal_acts is not None and legal_acts_file is not None and legal_acts_file.path.parent == root:
        problems.extend(legal_act_warnings(legal_acts, legal_acts_file))
    if annexes is not None and annexes_file is not None and annexes_file.path.parent == root:
        problems.extend(annex_problems(annexes, annexes_file, root))

    # The checks across files run on what loaded, even when another file has errors, so that one bad file never
    # hides the errors of the others (audit39 F3); a check that needs a file that did not load is named as skipped.
    failed = any(p.severity is Severity.error for p in problems)
    loaded = {name.removesuffix(".yaml") for name, (obj, _) in singles.items() if obj is not None}
    if "holidays" not in loaded and "holidays.yaml" not in singles and legacy:
        loaded.add("holidays")  # an older version without holidays.yaml: nothing failed
    programme, programme_file = singles.get("programme.yaml", (None, None))
    municipalities, municipalities_file = singles.get("municipalities.yaml", (None, None))
    enums, enums_file = singles.get("enums.yaml", (None, None))
    rounds, rounds_file = singles.get("rounds.yaml", (None, None))
    round_list = rounds.rounds if rounds is not None else _partial_rounds(rounds_file, problems, loaded)
    holidays, holidays_file = singles.get("holidays.yaml", (None, None))
    catalogue = Catalogue(
        root=root,
        programme=programme,
        municipalities=municipalities,
        enums=enums,
        services=[s for s, _ in services],
        prices=[p for p, _ in prices],
        rounds=round_list,
        holidays=holidays,
        annexes=annexes,
        legal_acts=legal_acts,
        municipality_names=municipality_names,
        open_data_licence=licence,
        files={"programme": programme_file, "municipalities": municipalities_file, "enums": enums_file,
               "rounds": rounds_file, "holidays": holidays_file, "annexes": annexes_file,
               "legal_acts": legal_acts_file, "municipality_names": names_file, "open_data_licence": licence_file},
        service_files=[yf for _, yf in services],
        price_files=[yf for _, yf in prices],
    )
    files.extend([*(yf for _, yf in singles.values()), *(yf for _, yf in services), *(yf for _, yf in prices),
                  annexes_file, legal_acts_file, names_file, licence_file])
    if {"municipalities", "rounds"} <= loaded and rounds is not None:
        catalogue.attach_rounds()
    unloaded = frozenset(path.stem for path in failed_folder_files)
    crossed = cross_reference_problems(catalogue, frozenset(loaded), unloaded)
    if not documents:  # D310 is not asked of an older version (load_catalogue)
        crossed = [replace(p, severity=Severity.warning) if p.expected == DOCUMENT_EXPECTED else p for p in crossed]
    problems.extend(crossed)
    if "municipalities" in loaded:
        problems.extend(name_problems(catalogue))
    if failed or not {name.removesuffix(".yaml") for name in SINGLE_FILES} <= loaded:
        problems.extend(_skipped_checks(root, loaded, failed_folder_files, names_file is None))
        return None, problems
    if any(p.severity is Severity.error for p in problems):
        return None, problems
    return catalogue, problems


def _partial_rounds(yf: YamlFile | None, problems: list[Problem], loaded: set[str]) -> list[Round]:
    """The entries of a rounds.yaml with errors, as far as they are valid, for the checks across files, and the
    date mistakes of its entries with a wrong field (D311); ``loaded`` then has "rounds": the checks that read the
    rounds run on them (a field that is None skips only its own checks)."""
    read = partial_rounds(yf.data) if yf is not None else None
    if read is None:
        return []
    entries, mistakes = read
    for i, mistake in mistakes:
        problems.append(_problem_from_error(yf, {"type": "value_error", "loc": ("rounds", i), "msg": str(mistake),
                                                 "ctx": {"error": mistake}}))
    loaded.add("rounds")
    return entries


SINGLE_FILES = ("programme.yaml", "municipalities.yaml", "enums.yaml", "rounds.yaml", "holidays.yaml")


def _skipped_checks(root: Path, loaded: set[str], failed_folder_files: list[Path],
                    names_failed: bool) -> list[Problem]:
    """A note after the errors of a catalogue with a file that did not load: which checks across files were not
    made, so that the author knows another run may find more (audit39 F3)."""
    from generator.catalogue.crossrefs import CHECKS

    not_loaded = [name for name in SINGLE_FILES if name.removesuffix(".yaml") not in loaded]
    names = [*not_loaded, *(str(p.relative_to(root)) if p.is_relative_to(root) else str(p)
                            for p in failed_folder_files)]
    if names_failed and (root / NAMES_FILE).is_file():
        names.append(NAMES_FILE)
    if not names:
        return []
    skipped = [what for _, needs, what in CHECKS if not set(needs) <= loaded]
    if "holidays" not in loaded:
        skipped.append("kārtu gadi svētku dienu sarakstā")
    if "municipalities" not in loaded or names_failed:
        skipped.append("pašvaldību nosaukumi (municipality-names.yaml)")
    if failed_folder_files:
        skipped.append("atsauces uz " + ", ".join(f"{p.parent.name}/{p.name}" for p in failed_folder_files))
    shown = ", ".join(names)
    what = "fails" if len(names) == 1 else "neviens no failiem"
    return [Problem(root, 0, "-", f"kļūdu dēļ netika ielādēts {what}: {shown}; tāpēc netika veiktas pārbaudes starp "
                    f"failiem, kurām {'tas ir vajadzīgs' if len(names) == 1 else 'tie ir vajadzīgi'} ({'; '.join(skipped)}) – pēc labošanas palaidiet pārbaudi vēlreiz, tā var "
                    "atrast vēl citas kļūdas", None, Severity.note)]


def _load_annexes(root: Path, problems: list[Problem]) -> tuple[AnnexRegister | None, YamlFile | None]:
    """catalogue/annexes.yaml. The register describes the toolkit's outputs rather than the data, so an
    older catalogue version without it (ibm changes --from REF) uses the toolkit's own register, with a
    warning; the current catalogue must have it."""
    return _load_toolkit_file(root, "annexes.yaml", AnnexRegister, problems, "pielikumu reģistrs annexes.yaml")


LEGAL_ACTS_FILE = "tiesibu-akti.yaml"


def _load_toolkit_file(root: Path, name: str, model: type[M], problems: list[Problem],
                       what: str) -> tuple[M | None, YamlFile | None]:
    """A catalogue file that newer catalogue versions have: an older version without it (ibm changes --from REF)
    uses the toolkit's own, with a warning; the current catalogue must have it."""
    path = root / name
    if not path.is_file():
        fallback = DEFAULT_CATALOGUE / name
        if root.resolve() == DEFAULT_CATALOGUE.resolve() or not fallback.is_file():
            problems.append(Problem(path, 1, "-", "fails nav atrasts", what))
            return None, None
        problems.append(Problem(path, 1, "-", f"fails nav atrasts; izmanto rīkkopas failu {fallback}", None,
                                Severity.warning))
        path = fallback
    yf = _read(path, problems)
    if yf is None:
        return None, None
    obj = _validate(model, yf, problems)
    return obj, yf if obj is not None else None


def _load_names(root: Path, problems: list[Problem]) -> tuple[MunicipalityNames | None, YamlFile | None]:
    """catalogue/municipality-names.yaml (D43). The current catalogue must have it; an older version without it
    (ibm changes --from REF) loads with a warning, and its documents would print every party as a blank."""
    path = root / NAMES_FILE
    if not path.is_file():
        if root.resolve() == DEFAULT_CATALOGUE.resolve():
            problems.append(Problem(path, 1, "-", "fails nav atrasts", "pašvaldību nosaukumi ar spēkā esamības laiku"))
        else:
            problems.append(Problem(path, 1, "-", "fails nav atrasts; dokumentos pašvaldību un sociālo dienestu "
                                    "nosaukumi būs tukšas vietas", None, Severity.warning))
        return None, None
    yf = _read(path, problems)
    if yf is None:
        return None, None
    names = _validate(MunicipalityNames, yf, problems)
    return names, yf if names is not None else None


def load_or_raise(root: Path | None = None) -> Catalogue:
    """Load the catalogue for a renderer; any error raises CatalogueError with all problems."""
    catalogue, problems = load_catalogue(root)
    if catalogue is None:
        raise CatalogueError([p for p in problems if p.severity is Severity.error])
    return catalogue


def today() -> dt.date:
    return dt.date.today()
