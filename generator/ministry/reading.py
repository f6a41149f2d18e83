"""Reading one filled matrix for the collection: checks, recomputation, pseudonym, stale values.

``read_matrix`` never raises for a bad file: it returns a Refusal with every reason (Latvian, naming
the cell). A used file gives a ChildRecord whose amounts are all recomputed by the reference
implementation; values cached in the file are only compared and reported when they differ.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import UNCONFIRMED_NAME, Catalogue
from generator.cli_errors import os_reason_without_path
from generator.lvformat import version as shown_version
from generator.ministry.changed_rows import CHANGED_ROW, shown_value, typed_over
from generator.ministry.check_stages import run_stages
from generator.ministry.console_names import matrix_person, shown_path, unknown_person
from generator.ministry.corrected_values import with_corrections
from generator.ministry.fastread import read_fast
from generator.ministry.final_status import CEILING_WARNING
from generator.ministry.integrity import Content, compare_cells, compare_rows, content
from generator.ministry.matrix import (
    ChildData,
    Matrix,
    MatrixError,
    absent_names,
    interface_version,
    length_checks,
    read_child,
    structure_problems,
    table_place,
)
from generator.ministry.pseudonym import pseudonym
from generator.ministry.records import ChildRecord, Refusal, StaleValue
from generator.ministry.template_checks import (
    COUNT_NAMES,
    counted_as_warnings,
    unchecked_codes,
    unchecked_reason,
)
from generator.ministry.templates import Expected, TemplateSource
from generator.ministry.xlsxpatch import excel_serial
from generator.ministry.xlsxread import (
    MAX_TOTAL_BYTES,
    Coord,
    NameRef,
    XlsxReadError,
    _coords,
    read_xlsx_lazily,
)
from generator.own_files import digest as file_digest
from generator.reference.errors import ReferenceInputError
from generator.reference.findings import Finding, Severity
from generator.reference.lines import PlanLine
from generator.reference.paid_totals import paid_recorded
from generator.reference.params import Params
from generator.reference.plan_changes import ceilings_ever_withdrawn
from generator.reference.rounds import period_holding
from generator.reference.workbook import CURRENT, OLDER, UNKNOWN, WorkbookResult, evaluate_workbook
from generator.workbook.sheets.calculation import INVALID_UNITS
from generator.workbook.version import is_newer

STALE_LIMIT = 8
# warnings the summary lists one by one (sheet „Brīdinājumi”): a line alone above P (D148) is most often a mistyped
# quantity, and its amount is in N, which decides the child's share of the redistribution (D7); a line with a price
# of 0,00 has no provider's price yet and is left out of N, so N is only a lower bound and the child's F is not final
# (D364); a price above its unit's plausible highest may be a typo that makes N many times larger (D370)
LISTED_WARNINGS = frozenset({"line_above_provisional", "no_provider_price", "price_implausible"})
# warnings the record keeps with their place: those listed above, and a price checked against a ceiling that is not
# confirmed, which keeps the child's F from being final (D22, D269: listed on „Neapstiprināti griesti”)
KEPT_WARNINGS = LISTED_WARNINGS | {"ceiling_unconfirmed"}
MONEY_NAMES = {"IB_Provizoriskais", "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais", "Plans_Cena", "Plans_Summa",
               "Plans_NoIB", "Men_Summa", "Fakt_Kopa"}


@dataclass
class ReadResult:
    path: Path
    rel: str = ""
    record: ChildRecord | None = None
    refusal: Refusal | None = None
    stale: list[StaleValue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    digest: str = ""  # SHA-256 of the file's bytes
    full_read: bool = False  # the template check needed the full reader (not the fast digests)
    old_version: str = ""  # an older registered (or kept) template version the file was checked against
    # shown as a file not opened as a matrix (every folder below the municipality's as "…", D221): collect's
    # shown_folders names a folder there that the run already shows for another file
    unread: bool = False


def changed_cell_namer(cells: Content, names: Mapping[str, NameRef]) -> Callable[[str, Coord], str]:
    """How a changed template cell is named, as `ibm documents --from-matrix` names it: the table, the cell and its
    label in the template ("6.4. tabula, E58 „IB nepieciešamais apmērs N”"), not "6.4!E58" (ministrycheck F2)."""
    from generator.documents.from_matrix import places  # imported here: that package imports the ministry's

    in_template = places.template_values(cells)
    return lambda sheet, at: places.changed_cell(in_template, names, sheet, at)


class MatrixPlaces:
    """Where collect says a problem of one matrix is fixed, as `ibm documents --from-matrix` says it (its places
    module): the cell with its table and label and the 6.11 row that counts the problem. Labels need the file's
    sheets, not only its names: a fast-scanned file's sheets are read when a problem is named, each as the places
    ask for it; if that fails, the cell is named by its defined name as before (Matrix.where) and the next problem
    tries again."""

    def __init__(self, m: Matrix, path: Path) -> None:
        self.m, self.path = m, path
        self._whole: tuple[Matrix, frozenset[tuple[str, str]]] | None = None

    def whole(self) -> tuple[Matrix, frozenset[tuple[str, str]]]:
        """The whole matrix and its checked input cells, read on the first call that succeeds (a failure is not
        kept). A fast-scanned file's sheets are read as the places ask for them (6.11 and the sheets of the named
        cells, ``read_xlsx_lazily``): the same labels as a whole read, in about half of its time."""
        if self._whole is None:
            from generator.documents.from_matrix import places  # here: that package imports the ministry's

            book = Matrix.from_book(read_xlsx_lazily(self.path)) if self.m.partial else self.m
            self._whole = book, places.checked_cells(book)
        return self._whole

    def input(self, name: str, row: int = 0, col: int = 0) -> str:
        """An invalid input's cell and, when the matrix counts it, 6.11's row of invalid inputs ("6.1. tabula, B38
        „Perioda pirmā diena” (6.11. tabulas 55. rinda)"), not "6.1!B38 (Perioda_Sakums)" (ministrycheck F3)."""
        from generator.documents.from_matrix import places

        try:
            book, checked = self.whole()
            return places.input_place(book, name, row, col, checked)
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return self.m.where(name, row, col)

    def rule(self, finding: Finding, name: str) -> str:
        """A rule's error: the cells documents name for it and the 6.11 row that counts that rule ("6.1. tabula, B38
        „Perioda pirmā diena” (6.11. tabulas 30. rinda)"), not the row of invalid inputs, which is 0 when the cell
        holds a valid date outside the round (audit27 F2); ``name``'s cell when the file cannot be read whole."""
        from generator.documents.from_matrix import places

        try:
            book, _ = self.whole()
            cells = places.joined(places.finding_places(book, finding))
            check = places.rule_check(book, finding)
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return self.m.where(name, 0, 0)
        return places.with_check_row(cells or self.m.where(name, 0, 0), check)

    def cells_place(self, finding: Finding) -> str:
        """The cells a rule's finding is fixed in, as finding_text says them in brackets but without 6.11's row that
        counts it (a finding the matrix itself does not count, D302); "" when the file cannot be read whole or the
        matrix has no cell for it."""
        from generator.documents.from_matrix import places

        try:
            book, _ = self.whole()
            return places.joined(places.finding_places(book, finding))
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return ""

    def finding_text(self, finding: Finding) -> str:
        """A rule's message with where it is fixed in brackets, in the words `ibm documents --from-matrix` uses
        ("… (6.10. tabula, R9 „1. mēnesis”, 1. rinda; 6.11. tabulas 45. rinda)."): the summary's „Noteikumu kļūdas”
        promises the place (audit32a F10). The message as the reference says it when the file cannot be read whole
        or the matrix has no place for the rule."""
        from generator.documents.from_matrix import places
        from generator.documents.from_matrix.signing import with_note

        try:
            book, _ = self.whole()
            place = places.rule_place(book, finding)
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return finding.message
        return with_note(places.without_typed_place(finding), place) if place else finding.message

    def area(self, ref: NameRef, in_template: bool, cells: Content | None) -> str:
        """A defined name's area with the label the sheet shows there, as documents say a moved one ("6.3. tabula,
        G9:G48 „Daudzums periodā”"): labelled by the template's cells ``cells`` when it is the template's place
        and they are known, else by the file's; without the label when the file cannot be read whole."""
        from generator.documents.from_matrix import places

        try:
            book, _ = self.whole()
            values = (places.template_values(cells) if in_template and cells is not None
                      else places.file_values(book, fixed=True))
            return places.area(values, ref)
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return table_place(ref)

    def rule_input(self, code: str, name: str, row: int = 0, col: int = 0) -> str:
        """An input cell whose problem the matrix counts in rule ``code``'s own 6.11 row (read_child's
        ``rule_where``): a chosen item's empty price is no invalid input (6.11's row of them stays 0) but a
        „missing_price” ("6.8. tabula, I58 „…”, pakalpojums „…” (6.11. tabulas 53. rinda)")."""
        from generator.documents.from_matrix import places

        try:
            book, _ = self.whole()
            cells = places.named_cell(book, name, row, col)
            check = places.check_row(book, code)
        except (MatrixError, XlsxReadError, OSError, KeyError):
            return self.m.where(name, row, col)
        return places.with_check_row(cells or self.m.where(name, row, col), check)


def input_namer(m: Matrix, path: Path) -> Callable[[str, int, int], str]:
    """How a problem of an input names its cell, as `ibm documents --from-matrix` does (MatrixPlaces.input)."""
    return MatrixPlaces(m, path).input


def version_difference(version: str, current: str) -> str:
    """What differs between two template versions whose shown forms carry the same catalogue day (audit37 F9):
    " – tā paša datuma katalogs, bet mainīts tā saturs" or "… mainīts veidnes izkārtojums"; "" when the days differ."""
    old, new = lvformat.VERSION_PATTERN.match(version), lvformat.VERSION_PATTERN.match(current)
    if old is None or new is None or old.groups()[:3] != new.groups()[:3]:
        return ""
    if old.groups()[4:] != new.groups()[4:]:
        return " – tas pats katalogs, bet citas dienas cenas"
    if old.group(4).partition(".")[0] != new.group(4).partition(".")[0]:
        return " – tā paša datuma katalogs, bet mainīts tā saturs (cenas, pakalpojumi vai parametri)"
    return LAYOUT_ONLY


LAYOUT_ONLY = " – tas pats katalogs, bet mainīts veidnes izkārtojums vai formulas"
STALE_PRICES = "cenas var būt novecojušas"
# the same catalogue and prices day, only the template code changed: the prices are the current ones (audit38c)
SAME_PRICES = "cenas nav mainītas, bet jaunākajā veidnē ir labojumi"


def prices_consequence(version: str, current: str) -> str:
    """What an older template means for the prices: unchanged when only the layout differs, otherwise maybe outdated."""
    return SAME_PRICES if version_difference(version, current) == LAYOUT_ONLY else STALE_PRICES


def old_version_note(version: str, current: str, count: int = 1) -> str:
    """The note on matrices of an older known template version (``count`` of them, 1: one named file): both
    versions in the same form, no nested brackets, the command in Latvian quotes – the note is also a cell of the
    summary, where Markdown backticks would print as they are (audit24 F11)."""
    differs, prices = version_difference(version, current), prices_consequence(version, current)
    version, current = shown_version(version), shown_version(current)
    current += differs
    if count == 1:
        return (f"veidnes versija {version} nav pašreizējā {current}; pārbaudīta pēc saglabātās veidnes – {prices}, "
                f"apsveriet komandu {MIGRATE}")
    one = lvformat.agree(count, True, False)  # Latvian: 21, 31… agree with the singular
    return (f"{count} {'matrica ir' if one else 'matricas ir'} veidnes versijas {version}, kas nav pašreizējā "
            f"{current}; {'pārbaudīta' if one else 'pārbaudītas'} pēc saglabātās veidnes – {prices}, "
            f"apsveriet komandu {MIGRATE}")


MIGRATE = "„ibm migrate”"


def documents_version_note(version: str, current: str) -> str:
    """`ibm documents --from-matrix` on a matrix of an older template: as collect's note (no nested brackets, the
    command in Latvian quotes, what differs when both name the same catalogue day; audit37 F9)."""
    return (f"veidnes versija {shown_version(version)} nav pašreizējā {shown_version(current)}"
            f"{version_difference(version, current)}; {prices_consequence(version, current)}, apsveriet komandu "
            f"{MIGRATE}")


def template_kind(templates: TemplateSource, version: str, expected: Expected | None) -> str:
    """Which template a matrix was filled into, for the advice of its ``prices_not_in_force`` error
    (reference.workbook.prices_advice): one the current catalogue makes, an older known one, or an unknown one."""
    if expected is None:
        return UNKNOWN
    return CURRENT if templates.is_current(version) else OLDER


def read_bytes(path: Path) -> tuple[str, bytes | None]:
    """The file's SHA-256 and, unless it is larger than any matrix could be, its bytes (read once)."""
    if path.stat().st_size > MAX_TOTAL_BYTES:
        return file_digest(path), None
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), data




def file_code(path: Path) -> str:
    """A label of the file without personal data: the start of its SHA-256 (as `sha256sum` prints)."""
    return file_digest(path)[:12]


def read_failure(exc: BaseException) -> str:
    """The Latvian reason for a file whose reading raised, by the kind of failure (never a traceback)."""
    import zipfile
    import zlib

    if isinstance(exc, XlsxReadError | MatrixError):
        return str(exc)
    if isinstance(exc, zlib.error | zipfile.BadZipFile | EOFError):
        return "bojāts saspiestais saturs (ZIP/deflate dati nav nolasāmi); saglabājiet matricu vēlreiz"
    if isinstance(exc, MemoryError):
        return "fails ir pārāk liels nolasīšanai (atmiņa nepietiek); pārbaudiet, vai tā ir īsta IBM matrica"
    if isinstance(exc, IndexError | KeyError):
        return "bojāta darbgrāmatas iekšējā struktūra (atsauce uz neesošu teksta vai stila ierakstu)"
    if isinstance(exc, UnicodeError):
        return "bojāts teksta kodējums darbgrāmatas iekšienē"
    if isinstance(exc, OSError):
        return f"failu nevar nolasīt ({os_reason_without_path(exc)})"  # Latvian, no path
    if isinstance(exc, RecursionError):
        return "darbgrāmatas iekšējā struktūra ir pārāk dziļi ligzdota"
    return f"failu nevar nolasīt: neparedzēta kļūda ({type(exc).__name__}); saglabājiet matricu vēlreiz"


# how folder_warning's text starts: collect lists these warnings on the summary's notes sheet too (audit27b F4)
FOLDER_WARNING = "matricā norādītā pašvaldība ir "
FOLDER_AMOUNTS = "; apmēri pieskaitīti pašvaldībai "  # where it says what the folder changes (previous_folder_warning)


def municipality_named(catalogue: Catalogue, municipality: str, day: dt.date | None = None) -> str:
    """A matrix's municipality as collect's messages name it: „„Ogres novada pašvaldība” (ogre)”, its name in force on
    the plan's first day ``day`` (D189), else its pilot-time name, quoted so that it may stay nominative after a dative
    („pieskaitīti pašvaldībai „…””); the id alone when the catalogue does not know it."""
    mine = next((m for m in catalogue.municipalities.municipalities if m.id == municipality), None)
    if mine is None:
        return municipality
    if day is not None and catalogue.name_unconfirmed_on(mine.id, day):  # never a „jāprecizē” name as fact
        return catalogue.stated_name_on(mine.id, day)
    return f"„{catalogue.name_on(mine.id, day) if day is not None else mine.name_lv}” ({municipality})"


def folder_warning(folder: str, municipality: str, catalogue: Catalogue, day: dt.date | None = None) -> str | None:
    """A warning when the folder is named after another catalogue municipality than the matrix's Pasvaldiba; it
    names both by their names in force on the plan's first day ``day`` (D189), else by the pilot-time names."""
    known = {m.id.lower(): m for m in catalogue.municipalities.municipalities}
    known.update({m.name_lv.lower(): m for m in catalogue.municipalities.municipalities})
    there = known.get(folder.lower())
    if there is None or there.id == municipality:
        return None
    named = municipality_named(catalogue, municipality, day)
    if day is None:
        there_named = there.name_lv
    elif catalogue.name_unconfirmed_on(there.id, day):  # no brackets within brackets (D330); the id once
        there_named = UNCONFIRMED_NAME if folder.lower() == there.id.lower() else f"{there.id}, {UNCONFIRMED_NAME}"
    else:
        there_named = catalogue.name_on(there.id, day)
    return (f"{FOLDER_WARNING}{named}, bet fails ir mapē „{folder}” ({there_named}){FOLDER_AMOUNTS}{named} – "
            "pārbaudiet, vai fails ievietots pareizajā mapē")


def municipality_folder(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "."


# What to do with a matrix of a template version the registry lacks (D342): first what the municipality's worker or
# the analyst can do with the file itself – make it again on the current template or migrate it (REMAKE_ADVICE) –,
# then, only for the ministry with that version's blank matrices or another registry at hand, how a command that checks
# an older template's formulas (`ibm collect`, `ibm migrate`) learns it (TEMPLATES_ADVICE, D309, D311).
REMAKE_ADVICE = ("aizpildiet matricu no jauna pašreizējā veidnē vai pārnesiet to uz pašreizējo veidni ar komandu "
                 f"{MIGRATE} (tā pārnes ievadīto, bet vecās veidnes formulas nepārbauda – salīdziniet apmērus ar "
                 "veco matricu)")
TEMPLATES_ADVICE = ("tikai ministrija, kurai šīs versijas tukšās matricas vēl ir (iepriekšējā „ibm build” mapē "
                    "lejupielades/matrica/), var norādīt šo mapi ar --templates (vai citu reģistru ar --registry)")


def _named_rows(problems: list[str], found: Content, m: Matrix, templates: TemplateSource) -> list[str]:
    """Each changed row of an older registered template (compare_rows) as its cells that hold a value where the
    current template has a formula, named as `ibm migrate` names them (changed_rows.typed_over); the row as a whole
    when none is found so."""
    if not any(CHANGED_ROW.fullmatch(p) for p in problems):
        return problems
    current = templates.current()
    if current.cells is None:
        return problems
    named = changed_cell_namer(current.cells, current.names)

    def shown(sheet: str, coord: Coord) -> str:
        cell = m.book.cell(sheet, coord)
        return shown_value(cell.value if cell is not None else None)

    out: list[str] = []
    for problem in problems:
        out += typed_over(found, current.cells, problem, named, shown) or [problem]
    return out


def version_problem(version: str, current: str, *, collecting: bool = False) -> str:
    """Why a template version without a known template cannot be collected. ``collecting`` (`ibm collect`, which
    takes --templates and --registry): also what lets it check the file after all – the old build's blank
    matrices or another registry – before the migration, which carries the inputs without the formula check (D309)."""
    if is_newer(version, current):
        return (f"matrica ir jaunākas veidnes versijas {shown_version(version)} nekā pašreizējais katalogs "
                f"({shown_version(current)}); atjauniniet katalogu un rīkkopu")
    version, current = shown_version(version), shown_version(current)
    if collecting:
        return (f"veidnes versija {version} nav pašreizējā {current} un nav veidņu reģistrā (to tajā ieraksta "
                f"„ibm fingerprint”, pirms matricas izsniedz); {REMAKE_ADVICE}, un savāciet to vēlreiz; "
                f"{TEMPLATES_ADVICE} – tad šo matricu savāc ar formulu pārbaudi")
    return (f"veidnes versija {version} nav pašreizējā {current} un nav veidņu reģistrā; pārnesiet matricu uz "
            f"pašreizējo veidni ar komandu {MIGRATE}")


def template_mismatch(version: str) -> str:
    """The one heading line above the cells where a file differs from its template (audit37 F5): what is wrong and
    what helps – `ibm migrate` rewrites the file on a fresh template and names each value it could not carry."""
    return (f"matrica neatbilst veidnei {shown_version(version)} – mainītas veidnes šūnas (formulas vai nemainīgas "
            "vērtības); atjaunojiet tās no tukšas veidnes vai pārnesiet matricu ar „ibm migrate”, kas atjauno "
            "formulas un pārskatā nosauc katru nepārnesto vērtību:")


def read_matrix(path: Path, root: Path, catalogue: Catalogue, templates: TemplateSource, key: bytes, *,
                strict_version: bool = True, digest: str | None = None) -> ReadResult:
    """Check and recompute one file. ``strict_version=False`` (previous period) accepts a template version
    that is not known, checking only the names' shapes."""
    result = ReadResult(path, path.relative_to(root).as_posix())
    folder = municipality_folder(path, root)
    data = None
    if digest is None:
        digest, data = read_bytes(path)
    result.digest = digest
    given = result.rel
    # no personal data on the console: until the matrix is open, its name is shown by its hash (a damaged copy of a
    # child's matrix may be named after the child); once open, by the names and code it holds (audit35b F1)
    rel = result.rel = shown_path(given, result.digest, hide=True, hide_subfolders=True)
    result.unread = True
    source = result.digest[:12]
    m: Matrix | None = None

    def refuse(reasons: list[str]) -> ReadResult:
        result.refusal = Refusal(rel, source, folder, tuple(reasons), period=own_period(m, catalogue))
        return result

    fast = None
    try:
        if path.suffix.lower() == ".xlsx":
            fast = read_fast(path, data=data)
        m = Matrix.from_book(fast.book, partial=True) if fast is not None else Matrix.open(path)
        person = matrix_person(m)  # blank name and code cells: named by its hash, as an unreadable file (D221)
        rel = result.rel = shown_path(given, result.digest, *person, hide=unknown_person(person))
        result.unread = False
        # the version cells named as every other cell is ("6.11. tabula, B5 „…”", review37 F7)
        version = interface_version(m, MatrixPlaces(m, path).input)
    except (MatrixError, XlsxReadError) as exc:
        return refuse([str(exc)])
    # a matrix of a newer catalogue is refused even when --templates knows its template: its values (a withdrawal's
    # marks among them) are that catalogue's, which this one cannot judge (D330)
    if is_newer(version, templates.current_version):
        return refuse([version_problem(version, templates.current_version, collecting=True)])
    expected = templates.expected(version)
    if expected is None:
        if strict_version:
            return refuse([version_problem(version, templates.current_version, collecting=True)])
        result.notes.append(f"veidnes versija {shown_version(version)} nav zināma: pārbaudīta tikai nosaukumu struktūra")
    elif not templates.is_current(version):
        result.old_version = version  # the note is summarised per folder (collect.version_notes)
    where = MatrixPlaces(m, path)
    cells = expected.cells if expected else None

    def structure() -> list[str]:
        return structure_problems(m, expected.names if expected else None,
                                  absent_names(m, expected.names if expected else None),
                                  place=lambda ref, template: where.area(ref, template, cells))

    def template() -> list[str]:
        nonlocal m
        if expected is not None and not (fast is not None and expected.fast_ok(fast)):
            full = m = m if fast is None else Matrix.open(path)  # the fast scan is used only when proven
            problems: list[str] = []
            if expected.cells is not None:
                problems = compare_cells(content(full.book, expected.inputs), expected.cells,
                                         where=changed_cell_namer(expected.cells, expected.names))
            elif expected.rows is not None:
                found = content(full.book)
                problems = _named_rows(compare_rows(found, expected.rows), found, full, templates)
            if problems:
                return [template_mismatch(version), *problems]
            if fast is not None:
                expected.learn(fast)
            if not templates.is_current(version) and expected.length_checks is None:
                expected.length_checks = length_checks(full.book)  # its template's text limits (R11-3)
            result.full_read = True
        elif expected is not None and expected.length_checks is not None:
            m.use_length_checks(expected.length_checks)  # the fast scan proved the template: the same checks
        return []

    def inputs() -> tuple[ChildData | None, list[str]]:
        named = MatrixPlaces(m, path)  # a problem's cell with its table, label and 6.11 row (ministrycheck F3)
        # an over-long text reads a fast-scanned file's formulas (D168)
        return read_child(m, catalogue, where=named.input, rule_where=named.rule_input)

    # D298: the changed template cells and the invalid inputs, both named in one run, in the stages' order
    try:
        stages = run_stages(structure, template, inputs)
    except (MatrixError, XlsxReadError) as exc:
        return refuse([str(exc)])
    if stages.named:
        return refuse(stages.named)
    data = stages.data
    assert data is not None
    named = MatrixPlaces(m, path)
    result.warnings.extend(data.warnings)
    try:
        params = data.params(catalogue)
        # a figure the catalogue corrected on or before the prices day is not in force for the plan (D336)
        checked, _ = with_corrections(m, data, catalogue, params)
        outcome = evaluate_workbook(data.inputs, checked, template_kind(templates, version, expected))
    except (ReferenceInputError, LookupError) as exc:
        return refuse([f"aprēķins nav iespējams: {exc}"])
    not_eligible = [f for f in outcome.findings if f.code == "not_eligible"]
    if not_eligible:
        return refuse([f"{named.rule(not_eligible[0], 'Berns_DzimsanasDatums')}: {not_eligible[0].message}"])
    outside = [f for f in outcome.findings if f.code == "outside_reporting_period"]
    if outside:  # no check date, so no P (D21)
        return refuse([f"{named.rule(outside[0], 'Perioda_Sakums')}: {outside[0].message}"])
    code = pseudonym(key, data.personal_code)
    warning = folder_warning(folder, data.municipality, catalogue, data.inputs.period_start)
    if warning:
        result.warnings.append(warning)
    result.record = _record(code, data, folder, source, params, outcome, named,
                            ceilings_ever_withdrawn(catalogue, data.params_day))
    result.stale = stale_values(m, outcome, code, source, data.inputs.months)
    return result


def own_period(m: Matrix | None, catalogue: Catalogue) -> str:
    """A refused matrix's own reporting period, read from its plan's first day as typed ("01.04.2019–30.09.2019"),
    "" when it cannot be read or lies in no period: the summary's unused files show each file's own period
    (audit33a F2)."""
    if m is None or not m.has(START_NAME):
        return ""
    try:
        raw = m.scalar(START_NAME)
    except (MatrixError, XlsxReadError, KeyError, IndexError):
        return ""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    elif isinstance(raw, int | float) and not isinstance(raw, bool) and 1 <= raw < 2958466:
        from openpyxl.utils.datetime import from_excel

        raw = from_excel(raw).date()
    if not isinstance(raw, dt.date):
        return ""
    held = period_holding(catalogue.children_reporting_periods(), raw)
    return held.label if held is not None else ""


START_NAME = "Perioda_Sakums"
_EMPTY_LINE = PlanLine(offer_id=None)


def _slim_line(line: PlanLine) -> PlanLine:
    """What the summary needs of a plan line (the months are summed in ``result.execution``)."""
    if not line.counted:
        return _EMPTY_LINE
    slim = copy.copy(line)
    for name in ("planned_units", "delivered_units", "paid"):
        object.__setattr__(slim, name, ())
    return slim


def _record(code: str, data: ChildData, folder: str, source: str, params: Params,
            outcome: WorkbookResult, named: MatrixPlaces, withdrawable: frozenset[str] = frozenset()) -> ChildRecord:
    """The kept record: what the summary and stage 3 use. The inputs' monthly tuples, the plan's working
    state, the warnings (their count stays), the monthly amounts and the execution per line are dropped:
    a national collection keeps thousands of records in the main process (see docs/benchmarks.md)."""
    group = next((g.id for g in params.age_groups if g.min_age <= outcome.age <= g.max_age), None)
    # 6.1's names and personal code are dropped too: the record is pseudonymous (``code``), and it is what the
    # collect cache beside the outputs keeps (cache.py, D120)
    inputs = dataclasses.replace(data.inputs, lines=tuple(_slim_line(line) for line in data.inputs.lines),
                                 parties=None)
    result = copy.copy(outcome)
    execution = copy.copy(outcome.execution)
    object.__setattr__(execution, "lines", ())  # the summary uses the totals by month
    # the rule errors stay (code and Latvian message with the matrix's place): the summary lists which rules each
    # used child's plan breaks (audit21 F12); of the warnings, those of a line that changes N and so the pool split
    # (LISTED_WARNINGS, audit31 F4) and of an unconfirmed ceiling (KEPT_WARNINGS, D269), the others only by their count
    errors = tuple(dataclasses.replace(f, message=named.finding_text(f)) for f in outcome.findings
                   if f.counts and (f.severity is Severity.error or f.code in KEPT_WARNINGS))
    for name, value in (("plan", None), ("findings", errors), ("monthly_amounts", ()), ("execution", execution)):
        object.__setattr__(result, name, value)  # counts stay in errors / warnings
    return ChildRecord(
        code=code, municipality=data.municipality, source=f"{folder}/{source}", period_start=data.inputs.period_start,
        months=data.inputs.months, age=outcome.age, age_group=group, impairment=data.impairment,
        special_care=data.inputs.special_care, catalogue_base=params.base_amount, params_day=data.params_day,
        # B's status on the prices day, not the recomputation's (ChildData.params: a B the matrix marks withdrawn by
        # the day it was made counts as unconfirmed there, D319): the collection's day decides it (on_collection_day)
        base_confirmed=params.base_confirmed or data.base_withdrawn,
        inputs=inputs, result=result, paid=paid_recorded(data.inputs, outcome.execution),
        paid_entered=data.paid_entered,
        # the places of the lines whose confirmed ceiling is withdrawn some day (D302): the collection's day decides
        ceiling_places=tuple((i, named.cells_place(Finding(CEILING_WARNING, Severity.warning, "", (i,))))
                             for i, line in enumerate(data.inputs.lines)
                             if line.counted and line.offer_id in withdrawable),
    )


def _same(name: str, cached: object, expected: object) -> bool:
    empty_cached = cached is None or cached == ""
    if expected is None:  # „nederīgs”: the matrix's own word for no figure from an invalid input (D298, D332)
        return empty_cached or cached == 0 or cached == INVALID_UNITS
    if isinstance(expected, dt.date):  # Parbaudes_Datums: a date cell, or its serial number
        if isinstance(cached, dt.datetime | dt.date):
            return (cached.date() if isinstance(cached, dt.datetime) else cached) == expected
        serial = excel_serial(expected)
        return isinstance(cached, int | float) and not isinstance(cached, bool) and abs(cached - serial) < 1e-6
    if empty_cached or isinstance(cached, str | bool | dt.datetime):
        return False
    tolerance = Decimal("0.005") if name in MONEY_NAMES else Decimal("0.000001")
    return abs(Decimal(repr(float(cached))) - Decimal(str(expected))) < tolerance


def stale_values(m: Matrix, outcome: WorkbookResult, code: str, source: str, months: int) -> list[StaleValue]:
    """Cached values of the output names that differ from the recomputed ones (only where cached)."""
    found: list[StaleValue] = []
    # the counts of an older template lack the checks it did not have (audit31 F2, F9): said with the value
    lacked = unchecked_codes(m)
    reasons = {}
    for name, severity in (("Kludas", Severity.error), ("Bridinajumi", Severity.warning)):
        codes = lacked & {f.code for f in outcome.findings if f.counts and f.severity is severity}
        reasons[name] = unchecked_reason(codes) if codes else ""
    values = outcome.named_values()
    # an older template counted these errors among its warnings (D371): its counts are compared as it counts them
    moved = sum(1 for f in outcome.findings if f.code in counted_as_warnings(m) and f.counts
                and f.severity is Severity.error)
    if moved:
        values["Kludas"] = values["Kludas"] - moved
        values["Bridinajumi"] = values["Bridinajumi"] + moved
    for name, expected in values.items():
        ref = m.refs.get(name)
        if ref is None:
            continue
        cells = m.book.cells.get(ref.sheet, {})
        coords = _coords(ref)
        offsets = m.offsets(name)  # a plan name's lines: its spacer rows left out (D288)
        for i, row in enumerate([coords[k] for k in offsets] if offsets is not None else coords):
            for j, coord in enumerate(row):
                cell = cells.get(coord)
                if cell is None or cell.formula is None or cell.value is None:
                    continue  # nothing cached here (e.g. a file saved by openpyxl)
                cached = cell.value
                if ref.is_cell:
                    want = expected
                elif isinstance(expected, tuple) and ref.cols == 1:
                    want = expected[i] if i < len(expected) else None
                else:
                    line = expected[i] if isinstance(expected, tuple) and i < len(expected) else None
                    want = line[j] if isinstance(line, tuple) and j < len(line) and j < months else None
                if not _same(name, cached, want):
                    found.append(StaleValue(code, source, name, m.where(name, i, j).split(" ")[0], cached, want,
                                            reasons.get(name, "")))
    found.sort(key=lambda s: s.name not in COUNT_NAMES)  # the counts first: they carry the reason
    if len(found) > STALE_LIMIT:
        rest = len(found) - STALE_LIMIT
        found = found[:STALE_LIMIT] + [StaleValue(code, source, "…", f"vēl {rest} {lvformat.agree(rest, 'šūna', 'šūnas')}", None, None)]
    return found
