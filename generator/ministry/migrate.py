"""`ibm migrate OLD.xlsx --out NEW.xlsx`: a filled matrix of an earlier template version, rewritten on
the current template with every entered cell carried over.

- Every input cell (unlocked in the old file) with a value goes to the same defined name and offset
  in the new template (interface and internal names), or else to the same sheet and address when
  that is an input cell there too; a value with no place refuses the migration.
- 6.8 rows are matched by the item's stable code (rows may be added or reordered between versions);
  plan lines (6.3) get the new label of the same item.
- A regulated or contract price that was still the old prefilled price takes the new one; every
  such change is listed with the old and new value. A price the old template could not prefill (no
  catalogue price on its day) and that was left empty takes the new prefilled one; an old prefilled
  price that the new template has no catalogue price for (its prices day differs, D61) is emptied with
  a note. Prices the social worker entered are kept, and so is a prefilled price still in force on the new
  template's prices day.
- The new template carries the prices of the day that holds the old plan's first day (D63: the round's first
  service day or a later price change inside it, as ``ibm matrix --day`` chooses); without a plan day, the old
  matrix's prices day; when neither lies in a children's round, the default day (D61).
- The old and the new plan are recomputed with the reference implementation: the report shows P,
  N, A and K before and after, and the rule errors and warnings that are new.
- The plan-row groups that hold carried values are opened (generator/ministry/xlsx_outline.py), so a
  plan of more than ten lines prints whole, as in the old file.
- The new file is read back and every carried value compared before the report is written; NEW
  appears only complete (temporary file, then rename).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.changes.diff import describe_param
from generator.interrupts import interrupts_held
from generator.lvformat import agree, eur
from generator.lvformat import date as lvformat_date
from generator.lvformat import version as shown_version
from generator.ministry.changed_rows import shown_value as _shown_value
from generator.ministry.console_names import shown_file
from generator.ministry.integrity import SAME_DAY_UNFORMATTED, compare_rows, content, differing_cells
from generator.ministry.matrix import (
    CHECKED_FIELDS,
    DATE_FORMAT_ADVICE,
    PARAMS_DAY_NAME,
    PLAN_ROWS_NAME,
    Matrix,
    MatrixError,
    absent_names,
    base_marked,
    entered_date,
    interface_version,
    offer_code,
    optional_date,
    read_child,
    structure_problems,
    table_place,
    withdrawn_rows,
)
from generator.ministry.migrate_since import since, status_change, when_text
from generator.ministry.migrate_status import (
    OldBase,
    StatusChange,
    status_amounts_lines,
    status_changes,
    status_lines,
)
from generator.ministry.reading import TEMPLATES_ADVICE, changed_cell_namer
from generator.ministry.rule_names import rule_name
from generator.ministry.template_checks import BASE_STATUS_NAME, unchecked_codes
from generator.ministry.templates import DEFAULT_REGISTRY, TemplateSource, generate_template, load_registry
from generator.ministry.xlsx_outline import filled_groups_level, open_groups
from generator.ministry.xlsxpatch import CellInput, excel_serial, patch_xlsx
from generator.ministry.xlsxread import Cell, CellValue, Coord, NameRef, XlsxBook, a1, read_xlsx, serial_day
from generator.money import to_decimal
from generator.own_files import digest as file_digest
from generator.reference.errors import ReferenceInputError
from generator.reference.findings import Finding, Severity
from generator.reference.inputs import whole_units_message
from generator.reference.params import Params
from generator.reference.plan_changes import PlanChange, item_what
from generator.reference.rounds import plan_end
from generator.reference.workbook import WorkbookResult, evaluate_workbook
from generator.replace_file import mark_replaced
from generator.workbook.input_checks import DATE_IN_NUMBER_TEXT, LIMIT, TEXT_TOO_LONG
from generator.workbook.issue_days import IssueDayError, day_covering, template_date
from generator.workbook.layout import INTERFACE_KIND, INTERFACE_NAMES, SPACED_SHEETS, line_offsets
from generator.workbook.outline import opened_by_program
from generator.workbook.sheets.technical import PARAMETERS
from generator.workbook.version import base_version, is_newer, template_version

ROW_NAMES_68 = ("Pak_Id", "Pak_Cena", "Pak_Sniedzejs", "Pak_Joma", "Pak_Transports", "Pak_MaxCena")
PARAM_BASE = "Param_Bazes"  # internal name: the catalogue's base B shown on 6.11
BASE_LABEL = "Bāzes apmērs B (6.11. tabula)"

# the words every over-long text problem of a reader starts its sentence with ("… jābūt ne garākam par 55 zīmēm")
TOO_LONG_WORDS = TEXT_TOO_LONG.split(LIMIT)[0]
# and every fraction of a unit counted whole ("… jābūt veselam skaitlim (mērvienība „reize”)", D256)
WHOLE_UNITS_WORDS = whole_units_message("", "", "").split("„")[0].strip()
# the inputs an older template did not check whose problems the reader warns of there (D168, D256): in the migrated
# matrix they are invalid inputs of the current template
UNCHECKED_BEFORE = (TOO_LONG_WORDS, WHOLE_UNITS_WORDS)


_EMPTY = Cell()


class MigrationError(Exception):
    """The file cannot be migrated; nothing was written."""


class AlreadyMigrated(MigrationError):
    """The new matrix and its report are this program's own complete output for the same old file, unchanged since
    (a rerun after an interruption, audit37 F3): nothing to do, nothing was written."""


# The report's last line: what `ibm migrate` recognises its own complete output by on a rerun (audit37 F3): the
# old and the new matrix, the template it was made on (review13 R13-2), the report's own text above this line
# (R13-3), which old file it came from (R13-1: relative to VECA, as the console names it – hashed when the
# name shows the child) and that file's place as a digest (D178: its real path, hashed, so that a changed old file
# whose shown name is hashed is still known as the same; a report of D177 has no place).
MARK_PREFIX = "Pārnešanas nospiedums (SHA-256; pēc tā atkārtota ibm migrate palaišana atpazīst savus failus): "
_MARK = re.compile(r"vecā ([0-9a-f]{64}) → jaunā ([0-9a-f]{64}); veidne (\S+) \(nospiedums ([0-9a-f]{16}|nav)\); "
                   r"pārskats ([0-9a-f]{64}); avots („.+” \(mape [0-9a-f]{16}\))(?:; vieta ([0-9a-f]{64}))?")


@dataclass(frozen=True)
class OwnOutput:
    """What the digests line of an earlier run's report says (see MARK_PREFIX)."""

    old: str  # the old matrix's SHA-256
    new: str  # the new matrix's SHA-256
    version: str  # the template version it was migrated onto
    fingerprint: str  # that template's registry entry, hashed ("nav": not registered)
    source: str  # the old file (source_label)
    place: str = ""  # the old file's place (place_digest); "" in a report written before D178


def _mark(own: OwnOutput, body: str) -> str:
    return (f"{MARK_PREFIX}vecā {own.old} → jaunā {own.new}; veidne {own.version} (nospiedums {own.fingerprint}); "
            f"pārskats {_text_digest(body)}; avots {own.source}; vieta {own.place}")


def place_digest(old_digest: str, old_path: Path) -> str:
    """Where the old file was (D178): its real absolute path, hashed together with the old file's own SHA-256 – the
    report never shows a name that shows the child, yet a rerun with the file at the same place recognises it even
    when its content (and so its shown, hashed name) has changed, whether VECA was the folder or the file."""
    return _text_digest(f"vieta\0{old_digest}\0{old_path.resolve()}")


def source_label(shown: str, folder: Path) -> str:
    """The old file as the digests line records it (review13 R13-1): ``shown`` – its path relative to VECA (its
    name when VECA is a file), hashed as the console shows it when the name shows the child – and a digest of
    the folder it is relative to, so that two folders with the same file names are told apart without writing
    the folder's path into the report."""
    return f"„{shown}” (mape {_text_digest(str(folder.resolve()))[:16]})"


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def migrated_already(old_path: Path, out: Path) -> bool:
    """``out`` and its report are this program's own complete output for ``old_path``'s content as it is now
    (wherever that file was then, D178)."""
    own = _own_output(out, _report_path(out))
    return own is not None and out.is_file() and _of_old_file(own, old_path)


def _same_place(own: OwnOutput, old_path: Path, source: str) -> bool:
    """Is ``own`` (an earlier output, unchanged, whose old file's content is not ``old_path``'s now) the migration of
    the same old matrix all the same (D178)? Yes when the file is at the same path as then, its content changed since
    (the worker corrected it). A report from before D178 has no place: the shown name decides, as it did. (The same
    content wherever the file is now – a moved or renamed VECA folder – is the same matrix too: _of_old_file.)"""
    if not own.place:
        return own.source == source
    return own.place == place_digest(own.old, old_path)


def _of_old_file(own: OwnOutput, old_path: Path) -> bool:
    """The earlier output ``own`` was made from ``old_path`` as it is now."""
    try:
        return old_path.is_file() and file_digest(old_path) == own.old
    except OSError:
        return False


def _report_path(out: Path) -> Path:
    return out.with_name(out.stem + "-parnesana.txt")


def _own_output(out: Path, report_path: Path) -> OwnOutput | None:
    """What the report's digests line says when ``report_path`` is a report this program wrote, unedited since,
    and ``out`` is missing or still exactly the matrix it wrote with it; None when either is not provably its own,
    unchanged."""
    if report_path.is_symlink() or not report_path.is_file() or out.is_symlink() or (out.exists() and not out.is_file()):
        return None
    try:
        with report_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read(1 << 20)
        body, _, last = text.removesuffix("\n").rpartition("\n")
        if not last.startswith(MARK_PREFIX):
            return None
        found = _MARK.fullmatch(last.removeprefix(MARK_PREFIX))
        if found is None or _text_digest(body + "\n") != found[5]:
            return None
        own = OwnOutput(found[1], found[2], found[3], found[4], found[6], found[7] or "")
        if out.exists() and file_digest(out) != own.new:
            return None
    except (OSError, UnicodeDecodeError):
        return None
    return own


@dataclass(frozen=True)
class PriceChange:
    item: str
    label: str
    old: Decimal
    new: Decimal
    in_plan: bool
    since: dt.date | None = None  # the day the new value took effect
    status: tuple[str, str] | None = None  # its status words old → new, when they differ

    def when(self) -> str:
        """„no 01.01.2027; statuss „jāprecizē” → „apstiprināts”” or ""."""
        return when_text(self.since, self.status)


@dataclass(frozen=True)
class CeilingChange:
    item: str
    label: str
    old: Decimal | None
    new: Decimal | None
    in_plan: bool


@dataclass(frozen=True)
class RuleChange:
    """A programme parameter of 6.11 (transport_share_max, …) whose catalogue value differs in the new matrix."""

    attr: str
    label: str
    old: str  # as a person reads it (describe_param: "10 %")
    new: str


PRICES_UNTIL_NAME = "Parametru_Lidz"  # 6.11 „Cenas un parametri spēkā līdz” (D61, D300)
PRICES_UNTIL_LABEL = "Cenas un parametri spēkā līdz"


@dataclass(frozen=True)
class UntilChange:
    """6.11's last day of the prices and parameters (Parametru_Lidz) when the new matrix's differs from the old file's
    (D360): the new catalogue knows a change the old one did not, or none any more. ``plan_end``: the plan's last
    day, when known – a plan that ends by that day is not touched by the change."""

    old: dt.date | None
    new: dt.date | None
    old_known: bool = True  # False: the old template had no such cell
    plan_end: dt.date | None = None

    def lines(self) -> list[str]:
        old = (lvformat_date(self.old) if self.old else "tukša") if self.old_known else "vecajā veidnē šīs šūnas nav"
        new = lvformat_date(self.new) if self.new else "tukša"
        if self.new is None:
            meaning = "izmaiņas nav zināmas: katalogs vairs nezina izmaiņu, kas beigtu šīs matricas cenas un parametrus"
        elif self.plan_end is not None and self.plan_end <= self.new:
            meaning = (f"katalogā no {lvformat_date(self.new + dt.timedelta(days=1))} mainās cenas vai parametri; "
                       "plāna periods beidzas līdz šai dienai, tāpēc izmaiņa to neskar")
        else:
            meaning = (f"katalogā no {lvformat_date(self.new + dt.timedelta(days=1))} mainās cenas vai parametri; "
                       "ja plāns pēc šīs dienas izmanto mainīto, matricā tā ir kļūda „Cenas plāna periodā nav spēkā” (D61)")
        return ["Mainītā 6.11. tabulas diena (vecā matrica → jaunā; jaunajā matricā ir jaunā):",
                f"  {PRICES_UNTIL_LABEL}: {old} → {new} ({meaning})"]


def until_change(old: Matrix, new: Matrix) -> UntilChange | None:
    """The change of 6.11's „Cenas un parametri spēkā līdz” between the old matrix and the migrated one (None: the
    same day, or a cell that holds no day)."""
    before = _own_day(old.scalar(PRICES_UNTIL_NAME)) if old.has(PRICES_UNTIL_NAME) else None
    after = _own_day(new.scalar(PRICES_UNTIL_NAME)) if new.has(PRICES_UNTIL_NAME) else None
    if before is False or after is False or before == after or not new.has(PRICES_UNTIL_NAME):
        return None
    if not old.has(PRICES_UNTIL_NAME) and after is None:
        return None  # nothing known then, nothing now
    start = _own_day(new.scalar("Perioda_Sakums")) if new.has("Perioda_Sakums") else None
    months = new.scalar("Perioda_Menesi") if new.has("Perioda_Menesi") else None
    end = (plan_end(start, int(months)) if isinstance(start, dt.date) and isinstance(months, int | float)
           and not isinstance(months, bool) and months >= 1 and months == int(months) else None)
    return UntilChange(before, after, old.has(PRICES_UNTIL_NAME), end)  # type: ignore[arg-type]


@dataclass
class Amounts:
    provisional: Decimal
    needed: Decimal
    available: Decimal
    total: Decimal
    errors: int
    warnings: int
    # the counts are the old file's own stored Kludas/Bridinajumi (_as_shown); False: recalculated by the reference,
    # for a file saved without values (by a script), which the report then says (audit27b F9)
    stored: bool = True


@dataclass
class MigrationReport:
    old_version: str
    new_version: str
    carried: int
    path: Path | None = None
    price_changes: list[PriceChange] = field(default_factory=list)
    ceiling_changes: list[CeilingChange] = field(default_factory=list)
    rule_changes: list[RuleChange] = field(default_factory=list)  # the programme's parameters on 6.11
    until: UntilChange | None = None  # 6.11's „Cenas un parametri spēkā līdz” when it changed (D360)
    status_changes: list[StatusChange] = field(default_factory=list)  # B's or a ceiling's status alone (D302)
    cleared_prices: list[str] = field(default_factory=list)  # items whose old prefilled price is not in force (D61)
    cleared: list[tuple[str, Decimal]] = field(default_factory=list)  # (label, old price) of those items
    filled: list[PriceChange] = field(default_factory=list)  # empty old prices the new template prefills
    overwritten: list[str] = field(default_factory=list)  # template cells the old file had changed (audit37 F1)
    before: Amounts | None = None
    after: Amounts | None = None
    new_findings: list[str] = field(default_factory=list)
    gone_findings: list[str] = field(default_factory=list)  # the old matrix's, not found after migrating (audit27b F9)
    notes: list[str] = field(default_factory=list)
    mark: str = ""  # the digests line (MARK_PREFIX), the report file's last line
    redone: str = ""  # why its own earlier output was replaced (review13 R13-2), "" otherwise

    @property
    def new_errors(self) -> bool:
        """Whether the migrated plan has errors the old matrix did not show (a batch's summary counts them)."""
        return any(f.startswith("Kļūda") for f in self.new_findings)

    def text(self) -> str:
        lines = [f"IBM matricas pārnešana: veidne {shown_version(self.old_version)} → {shown_version(self.new_version)}",
                 f"Pārnestas aizpildītās šūnas: {self.carried}."]
        lines += [f"Piezīme: {n}" for n in self.notes]
        lines += [f"Piezīme: {n}" for n in self.overwritten]
        if self.price_changes:
            lines.append("Mainītās cenas un bāzes apmērs (kataloga vērtības, ievietotas jaunās):")
            for p in self.price_changes:
                when = f"; {p.when()}" if p.when() else ""
                lines.append(f"  {p.label}: {eur(p.old)} → {eur(p.new)} ({_where(p.in_plan)}{when})")
        if self.cleared:
            lines.append("Iztukšotās cenas (iepriekš ievietotā kataloga cena jaunās matricas cenu dienā nav spēkā; "
                         "ierakstiet sniedzēja cenu):")
            lines += [f"  {label}: {eur(old)} → tukša" for label, old in self.cleared]
        if self.filled:
            lines.append("Jaunievietotās kataloga cenas (vecajā matricā cena bija tukša):")
            lines += [f"  {p.label}: tukša → {eur(p.new)} ({_where(p.in_plan)})" for p in self.filled]
        if not (self.price_changes or self.cleared or self.filled):
            lines.append("Iepriekš ievietotās kataloga cenas nav mainījušās.")
        used = [c for c in self.ceiling_changes if c.in_plan]
        if self.ceiling_changes:
            lines.append("Mainītās maksimālās cenas (griesti) plānā izmantotajiem pakalpojumiem:" if used else
                         "Plānā izmantoto pakalpojumu maksimālās cenas nav mainījušās.")
            for c in used:
                lines.append(f"  {c.label}: {_price(c.old)} → {_price(c.new)}")
            others = len(self.ceiling_changes) - len(used)
            if others:
                lines.append(f"  (maksimālā cena mainījusies vēl {others} "
                             f"{agree(others, 'pakalpojumam, kas plānā nav izmantots', 'pakalpojumiem, kas plānā nav izmantoti')})")
        if self.rule_changes:
            lines.append("Mainītie programmas noteikumu parametri 6.11. tabulā (vecā vērtība → jaunā; jaunajā matricā "
                         "ir jaunā):")
            lines += [f"  {r.label}: {r.old} → {r.new}" for r in self.rule_changes]
        if self.until is not None:
            lines += self.until.lines()
        lines += status_lines(self.status_changes)
        if self.before and self.after:
            lines.append("Ietekme uz apmēriem (atsauces aprēķins):")
            for title, attr in (("IB provizoriskais (P)", "provisional"), ("IB nepieciešamais (N)", "needed"),
                                ("IB pieejamais (A)", "available"), ("IB kopējais (K)", "total")):
                old, new = getattr(self.before, attr), getattr(self.after, attr)
                delta = new - old
                sign = "+" if delta > 0 else ""
                change = f" ({sign}{eur(delta)})" if delta else " (bez izmaiņām)"
                lines.append(f"  {title}: {eur(old)} → {eur(new)}{change}")
            counted = "" if self.before.stored else (" (pirms – pārrēķināts ar atsauces aprēķinu: vecajā failā nav "
                                                     "saglabātu matricas aprēķinātu vērtību)")
            lines.append(f"  Kļūdas: {self.before.errors} → {self.after.errors}; brīdinājumi: "
                         f"{self.before.warnings} → {self.after.warnings}{counted}")
            same = all(getattr(self.before, a) == getattr(self.after, a)
                       for a in ("provisional", "needed", "available", "total"))
            lines += status_amounts_lines(self.status_changes, same)
        if self.gone_findings:
            lines.append("Kļūdas un brīdinājumi, kuru pēc pārnešanas vairs nav:")
            lines += [f"  {f}" for f in self.gone_findings]
        if self.new_findings:
            lines.append("Jaunas kļūdas un brīdinājumi pēc pārnešanas:")
            lines += [f"  {f}" for f in self.new_findings]
        elif self.before and self.after:
            lines.append("Jaunu kļūdu vai brīdinājumu nav.")
        if self.mark:
            lines.append(self.mark)
        return "\n".join(lines)


def _where(in_plan: bool) -> str:
    return "plānā" if in_plan else "plānā nav izmantots"


def _price(value: Decimal | None) -> str:
    return eur(value) if value is not None else "nav"


Origin = str | tuple[str, int, int]


def _area(old: Matrix, ref: NameRef) -> str:
    """An area of the old matrix as collect and documents name it, with the label the file shows there ("6.3. tabula,
    C9:C55 „SBS pakalpojums …”"), not "6.3!C9:C55"."""
    from generator.documents.from_matrix import places  # here: that package imports the ministry's

    try:
        return places.area(places.file_values(old, fixed=True), ref)
    except (MatrixError, OSError, KeyError, ValueError):
        return table_place(ref)


class Origins:
    """Names a carried value's old cell as collect and documents name it (6.8. tabula, I24 „Sniedzēja cena, EUR par
    vienību”, pakalpojums „…” (6.11. tabulas 55. rinda)), not in the internal „6.8!I24 (Pak_Cena)” form; the file's
    checked cells are found once, when the first problem is named."""

    def __init__(self, old: Matrix) -> None:
        self.old = old
        self._checked: frozenset[tuple[str, str]] | None = None

    def place(self, origin: Origin) -> str:
        if isinstance(origin, str):
            return origin
        from generator.documents.from_matrix import places  # here: that package imports the ministry's

        try:
            if self._checked is None:
                self._checked = places.checked_cells(self.old)
            return places.input_place(self.old, *origin, self._checked)
        except (MatrixError, OSError, KeyError, ValueError):
            return self.old.where(*origin)

    @staticmethod
    def label(origin: Origin) -> str:
        """The input's label in the dative as the matrix's check says it („sniedzēja cenai”), or „šūnai”."""
        field_ = CHECKED_FIELDS.get(origin[0]) if not isinstance(origin, str) else None
        return field_.label if field_ is not None else "šūnai"


@dataclass
class _Plan:
    values: dict[str, dict[Coord, CellInput]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    changes: list[PriceChange] = field(default_factory=list)
    ceilings: list[CeilingChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)  # 6.8 items whose prefilled old price was emptied
    cleared_labels: list[tuple[str, Decimal]] = field(default_factory=list)
    filled: list[PriceChange] = field(default_factory=list)  # 6.8 items whose empty old price is now prefilled
    # a carried value's old cell: its defined name with the row and column in it (named as collect names a cell,
    # Origins.place), or the sheet and cell of an input without a name
    origins: dict[tuple[str, Coord], Origin] = field(default_factory=dict)

    def put(self, sheet: str, coord: Coord, value: CellInput, origin: Origin | None = None) -> None:
        self.values.setdefault(sheet, {})[coord] = value
        if origin is not None:
            self.origins[sheet, coord] = origin


def _name_index(book: XlsxBook) -> dict[tuple[str, Coord], tuple[str, int, int]]:
    """Each cell covered by a defined name -> (name, row offset, column offset); interface names first,
    then the smallest area."""
    refs = [(n, r) for n in book.defined_names if (r := book.name_ref(n)) is not None]
    refs.sort(key=lambda item: (item[0] not in INTERFACE_NAMES, item[1].rows * item[1].cols, item[0]))
    index: dict[tuple[str, Coord], tuple[str, int, int]] = {}
    for name, ref in refs:
        for i, row in enumerate(ref.coords()):
            for j, coord in enumerate(row):
                index.setdefault((ref.sheet, coord), (name, i, j))
    return index


def _decimal(value: CellValue) -> Decimal | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return to_decimal(value)
    return None


def _entered(value: CellValue) -> bool:
    return value is not None and not (isinstance(value, str) and value == "")


def _plan_values(old: Matrix, new: XlsxBook, catalogue: Catalogue | None = None) -> _Plan:
    plan = _Plan()
    new_refs = {n: r for n in new.defined_names if (r := new.name_ref(n)) is not None}
    new_inputs = new.unlocked
    handled: set[tuple[str, Coord]] = set()

    # 6.8 rows by item code, plan lines by item code.
    old_ids = old.column("Pak_Id")
    new_ids = new.values(new_refs["Pak_Id"])
    new_row = {offer_code(str(v[0])): j for j, v in enumerate(new_ids) if isinstance(v[0], str) and v[0].strip()}
    new_label = {offer_code(str(v[0])): str(v[0]).strip() for v in new_ids if isinstance(v[0], str) and v[0].strip()}
    used = {offer_code(str(v)) for v in old.column("Plans_Pakalpojums") if isinstance(v, str) and v.strip()}
    old_prices, old_providers, old_max = (old.column(n) for n in ("Pak_Cena", "Pak_Sniedzejs", "Pak_MaxCena"))
    new_prices = [v[0] for v in new.values(new_refs["Pak_Cena"])]
    new_max = [v[0] for v in new.values(new_refs["Pak_MaxCena"])]
    for name in ROW_NAMES_68:
        ref = old.refs[name]
        for coord in (c[0] for c in ref.coords()):
            handled.add((ref.sheet, coord))
    for j, label in enumerate(old_ids):
        if not isinstance(label, str) or not label.strip():
            continue
        code = offer_code(label)
        k = new_row.get(code)
        if k is None:
            if code in used or _entered(old_providers[j]):
                plan.problems.append(f"{old.where('Pak_Id', j)}: pakalpojums {code} jaunajā katalogā vairs nav, bet "
                                     "matricā tas ir izmantots (gaidīts: pakalpojums no pašreizējā kataloga)")
            continue
        sheet_p, sheet_c = new_refs["Pak_Sniedzejs"], new_refs["Pak_Cena"]
        plan.put(sheet_p.sheet, (sheet_p.first[0] + k, sheet_p.first[1]), old_providers[j])
        old_price, new_prefill = _decimal(old_prices[j]), _decimal(new_prices[k])
        value: CellInput = old_prices[j]
        was_prefilled = old_price is not None and old_price == _decimal(old_max[j])
        # the old template had no catalogue price to prefill (its day's price was unknown, D61) and none was typed
        was_unknown = old_price is None and _decimal(old_max[j]) is None
        if new_prefill is not None and was_prefilled and old_price != new_prefill:
            assert old_price is not None
            value = new_prices[k]
            plan.changes.append(PriceChange(code, new_label[code], old_price, new_prefill, code in used))
        elif new_prefill is not None and was_unknown:
            value = new_prices[k]
            plan.filled.append(PriceChange(code, new_label[code], Decimal(0), new_prefill, code in used))
        elif new_prefill is None and was_prefilled:
            # the old template's catalogue price is not in force on the new template's prices day (D61): not carried
            # as if the worker had typed it; the plan then asks for the provider's price (missing_price)
            assert old_price is not None
            value = None
            plan.cleared.append(code)
            plan.cleared_labels.append((new_label[code], old_price))
        plan.put(sheet_c.sheet, (sheet_c.first[0] + k, sheet_c.first[1]), value, ("Pak_Cena", j, 0))
        if _decimal(old_max[j]) != _decimal(new_max[k]):
            plan.ceilings.append(CeilingChange(code, new_label[code], _decimal(old_max[j]), _decimal(new_max[k]),
                                               code in used))

    items_ref = old.refs["Plans_Pakalpojums"]
    new_items = new_refs["Plans_Pakalpojums"]
    # the plan lines by their line (old and new templates may have different spacer rows between them, D288)
    new_m = Matrix.from_book(new)
    new_lines = new_m.lines("Plans_Pakalpojums")
    for i, value in enumerate(old.column("Plans_Pakalpojums")):
        handled.add((items_ref.sheet, (items_ref.first[0] + old.row_of("Plans_Pakalpojums", i), items_ref.first[1])))
        if not _entered(value):
            continue
        if i >= new_lines:
            plan.problems.append(f"{old.where('Plans_Pakalpojums', i)}: jaunajā veidnē ir tikai {new_lines} plāna "
                                 "rindas")
            continue
        code = offer_code(str(value))
        target = (new_items.first[0] + new_m.row_of("Plans_Pakalpojums", i), new_items.first[1])
        if code in new_label:
            plan.put(new_items.sheet, target, new_label[code])
        else:
            plan.problems.append(f"{old.where('Plans_Pakalpojums', i)}: pakalpojums {code} jaunajā katalogā vairs nav")

    base_ref, new_base_ref = old.refs["Bazes_Apmers"], new_refs["Bazes_Apmers"]
    handled.add((base_ref.sheet, base_ref.first))
    old_base, catalogue_base = old.scalar("Bazes_Apmers"), old.scalar(PARAM_BASE) if old.has(PARAM_BASE) else None
    new_base = (new.cell(new_base_ref.sheet, new_base_ref.first) or _EMPTY).value
    value = old_base
    old_value, new_value = _decimal(old_base), _decimal(new_base)
    prefilled = old_value is not None and old_value == _decimal(catalogue_base)
    if prefilled and new_value is not None and new_value != old_value:
        value = new_base
        plan.changes.append(PriceChange("B", BASE_LABEL, old_value, new_value, True))  # type: ignore[arg-type]
    elif prefilled and new_value is None:
        # the old template's prefill of the catalogue's B, which the new template leaves blank because it is
        # not confirmed (D22): carried as blank, so that no document takes it for the ministry's B. Whether the old
        # matrix had it confirmed is its own day's word (its 6.11 status, D314), not the new catalogue's
        value = None
        was = ("bija iepriekš ievietotā kataloga vērtība, vecajā matricā apstiprināta, bet jaunās matricas cenu dienā "
               "katalogs to vairs neapstiprina" if _old_base_status(old, catalogue) == PriceStatus.confirmed.value
               else "bija iepriekš ievietotā kataloga vērtība, kas nav apstiprināta")
        plan.notes.append(f"{BASE_LABEL} {eur(old_value)} {was}; jaunajā matricā B ir tukšs (aprēķinā izmanto "
                          "kataloga vērtību, P un A ir provizoriski), līdz LM nosaka B")
    plan.put(new_base_ref.sheet, new_base_ref.first, value, ("Bazes_Apmers", 0, 0))

    index = _name_index(old.book)
    for sheet in old.book.sheet_names:
        cells = old.book.cells.get(sheet, {})
        for coord in sorted(old.book.unlocked.get(sheet, set())):
            if (sheet, coord) in handled:
                continue
            cell = cells.get(coord)
            entered = cell is not None and (_entered(cell.value) or cell.formula is not None)
            target = _target(sheet, coord, index, old, new_m)
            if not entered:
                # an input the worker emptied: empty it in the new template too, if that prefills it (an input
                # there: a label or formula of the new layout at the old input's address stays, D96)
                if (target is not None and target[1] in new_inputs.get(target[0], set())
                        and _entered((new.cell(*target) or _EMPTY).value)):
                    plan.put(target[0], target[1], None)
                continue
            assert cell is not None
            if cell.formula is not None and not _entered(cell.value):
                plan.problems.append(f"{sheet}!{a1(coord)}: ievades šūnā ir formula bez saglabātas vērtības "
                                     "(gaidīts: vērtība; atveriet un saglabājiet failu Excel vai LibreOffice)")
                continue
            if target is None or target[1] not in new_inputs.get(target[0], set()):
                plan.problems.append(f"{sheet}!{a1(coord)}: vērtību nevar pārnest – jaunajā veidnē tai nav "
                                     "atbilstošas ievades šūnas")
                continue
            plan.put(target[0], target[1], cell.value, index.get((sheet, coord), f"{sheet}!{a1(coord)}"))
    return plan


def _target(sheet: str, coord: Coord, index: dict[tuple[str, Coord], tuple[str, int, int]],
            old: Matrix, new: Matrix) -> tuple[str, Coord] | None:
    """Where an old input cell goes: the same name's same line (a plan name's row offsets by each template's spacer
    rows, D288) and column, or the same address outside every name."""
    hit = index.get((sheet, coord))
    if hit is not None:
        name, i, j = hit
        ref = new.refs.get(name)
        if ref is not None:
            offsets = old.offsets(name) if name in old.refs else None
            if offsets is not None:
                if i not in offsets:
                    return None  # a spacer row (locked and blank in a template)
                i = offsets.index(i)
            if i < new.lines(name) and j < ref.cols:
                return ref.sheet, (ref.first[0] + new.row_of(name, i), ref.first[1] + j)
            return None
    return _by_line(sheet, coord, old, new)


def _by_line(sheet: str, coord: Coord, old: Matrix, new: Matrix) -> tuple[str, Coord] | None:
    """An input outside every name at the same address – on a plan sheet with spacer rows (D288) a plan row's cell
    on the same line, a cell below the plan rows as many rows lower as the new block of lines is longer (None: an old
    spacer row)."""
    if sheet not in SPACED_SHEETS or not old.has(PLAN_ROWS_NAME) or not new.has(PLAN_ROWS_NAME):
        return sheet, coord
    old_lines, new_lines = line_offsets(old.spacers()), line_offsets(new.spacers())
    first, new_first = old.refs[PLAN_ROWS_NAME].first[0], new.refs[PLAN_ROWS_NAME].first[0]
    k = coord[0] - first
    if k < 0:
        return sheet, coord
    if k > old_lines[-1]:
        return sheet, (coord[0] + (new_first + new_lines[-1]) - (first + old_lines[-1]), coord[1])
    if k not in old_lines:
        return None
    return sheet, (new_first + new_lines[old_lines.index(k)], coord[1])


def _amounts(m: Matrix, catalogue: Catalogue, *, own: bool = False
             ) -> tuple[Amounts | None, tuple[Finding, ...], list[str], tuple[str, ...]]:
    """The amounts, the findings, the problems (no amounts) and the reading's warnings (D168) of one matrix;
    ``own``: with the parameters the file itself holds (_own_params), as the old matrix computed them."""
    data, problems = read_child(m, catalogue, strict=False)
    if data is None:
        return None, (), problems, ()
    try:
        params = data.params(catalogue)
        result: WorkbookResult = evaluate_workbook(data.inputs, _own_params(m, params) if own else params)
    except (ReferenceInputError, LookupError) as exc:
        return None, (), [str(exc)], data.warnings
    return (Amounts(result.provisional, result.needed, result.available, result.total, result.errors,
                    result.warnings), result.findings, [], data.warnings)


def _old_base_status(m: Matrix, catalogue: Catalogue | None) -> str | None:
    """B's status word as the old matrix showed it: its 6.11 status (Param_BazesStatuss), else „jāprecizē” when it
    holds the mark of B's withdrawal by the day it was made (D318, D342: a file saved without its formulas' values),
    else the catalogue's on its prices day (D314: a later withdrawal does not rewrite what the old matrix said); None
    when none is known."""
    shown = m.scalar(BASE_STATUS_NAME) if m.has(BASE_STATUS_NAME) else None
    if shown in (PriceStatus.confirmed.value, PriceStatus.to_verify.value):
        return str(shown)
    if base_marked(m):
        return PriceStatus.to_verify.value
    day = optional_date(m, PARAMS_DAY_NAME) if catalogue is not None else None
    try:
        return catalogue.programme.base_amount.at(day).status.value if catalogue and day else None
    except LookupError:
        return None


def _own_params(m: Matrix, params: Params) -> Params:
    """``params`` (the catalogue's on the matrix's prices day) with what the matrix's own 6.11 holds instead: the
    programme's parameters and the last day its prices hold (Parametru_Lidz; blank – no change known to its
    catalogue), and the days its 6.8 and 6.11 know each used price or parameter to hold until (D61; a template
    without them refused every plan past Parametru_Lidz). A later catalogue may have changed a rule or dated a change
    inside the plan's period: the old matrix knew nothing of it and showed no error for it."""
    changes: dict[str, object] = {}
    if m.has("Parametru_Lidz"):
        until = _own_day(m.scalar("Parametru_Lidz"))
        if until is not False:
            changes["prices_until"] = until
    changes["plan_changes"] = _own_changes(m, params) if m.has("h_Pak_Lidz") else None
    shown = m.scalar(BASE_STATUS_NAME) if m.has(BASE_STATUS_NAME) else None
    if shown in (PriceStatus.confirmed.value, PriceStatus.to_verify.value):  # B's status as the old matrix showed it
        changes["base_confirmed"] = shown == PriceStatus.confirmed.value
    for attr, name, kind in PARAMETERS:
        value = _decimal(m.scalar(name)) if m.has(name) else None
        if value is None:
            continue
        if kind == "whole":
            if value != value.to_integral_value():
                continue
            changes[attr] = int(value)
        else:
            changes[attr] = value
    return params.replace(**changes) if changes else params


def _own_day(value: object) -> dt.date | None | bool:
    """A day a matrix's cell holds (None: blank; False: not a day). A day without its date format (a file re-saved by
    another program, D284) is its serial: the old matrix's formulas computed with the number, which is that day
    (review34 §6)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        value = serial_day(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or value == "":
        return None
    return False


def _own_changes(m: Matrix, params: Params) -> tuple[PlanChange, ...]:
    """The changes the matrix's own 6.11 (the plan parameters, the transport limit) and 6.8 (each item) know of: the
    catalogue's words where its change is on the same day, else the kind's plain words."""
    known = {(c.items, c.transport, c.day): c.what for c in params.plan_changes or ()}
    result: list[PlanChange] = []
    for name, transport in (("h_ParamLidz", False), ("h_TranspLidz", True)):
        until = _own_day(m.scalar(name)) if m.has(name) else None
        if isinstance(until, dt.date):
            day = until + dt.timedelta(days=1)
            result.append(PlanChange(day, known.get((None, transport, day), "programmas parametri"),
                                     transport=transport))
    for label, value in zip(m.column("Pak_Id"), m.column("h_Pak_Lidz"), strict=False):
        until = _own_day(value)
        if isinstance(until, dt.date) and isinstance(label, str) and label.strip():
            day, items = until + dt.timedelta(days=1), frozenset({label.split()[0]})
            result.append(PlanChange(day, known.get((items, False, day), item_what(label)), items=items))
    return tuple(result)


def _rule_changes(old: Matrix, new: XlsxBook, catalogue: Catalogue, *, with_base: bool) -> list[RuleChange]:
    """The programme parameters of 6.11 whose value in the new matrix differs from the old file's (each applies to
    the plan: the matrix computes with it), old and new as a person reads them (before, a changed rule was named
    only by the findings it removed). ``with_base``: B too (not when it is listed with the prices)."""
    found = []
    for attr, name, _ in PARAMETERS:
        if (attr == "base_amount" and not with_base) or not old.has(name):
            continue
        ref = new.name_ref(name)
        if ref is None:
            continue
        before, after = _decimal(old.scalar(name)), _decimal((new.cell(ref.sheet, ref.first) or _EMPTY).value)
        if before is None or after is None or before == after:
            continue
        param = getattr(catalogue.programme, attr)
        found.append(RuleChange(attr, param.name_lv, describe_param(before, param.unit),
                                describe_param(after, param.unit)))
    return found


def _as_shown(old: Matrix, amounts: Amounts | None) -> Amounts | None:
    """The "before" side as the old matrix itself showed it (audit31 F1): its stored error and warning counts when
    the file holds them (a check its template did not have is not in them), else the reference's counts."""
    if amounts is None:
        return None
    stored = {}
    for name in ("Kludas", "Bridinajumi"):
        value = old.scalar(name) if old.has(name) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 and value == int(value):
            stored[name] = int(value)
    if len(stored) < 2:
        return replace(amounts, stored=False)
    return replace(amounts, errors=stored["Kludas"], warnings=stored["Bridinajumi"])


def _new_findings(old: tuple[Finding, ...], new: tuple[Finding, ...], unchecked: frozenset[str]) -> list[str]:
    """The counted findings of the new matrix the old one did not show: not found on the old inputs, or of a check
    the old template did not compute (named as a new check, audit31 F1)."""
    seen = {(f.code, f.lines, f.month, f.severity) for f in old if f.counts and f.code not in unchecked}
    found = []
    for f in new:
        if not f.counts or (f.code, f.lines, f.month, f.severity) in seen:
            continue
        kind = "Kļūda" if f.severity is Severity.error else "Brīdinājums"
        if f.code in unchecked:
            kind += f" (jauna pārbaude: {rule_name(f.code)}; vecajā veidnē tās nebija)"
        found.append(f"{kind}: {f.message}")
    return found


def _gone_findings(old: tuple[Finding, ...], new: tuple[Finding, ...], unchecked: frozenset[str]) -> list[str]:
    """The counted findings of the old matrix the new one does not have (a price the new template fills, a rule
    the catalogue changed): the count falls ("Kļūdas: 1 → 0"), and the report names what went (audit27b F9). Not
    those of a check the old template did not compute: the old matrix never showed them."""
    kept = {(f.code, f.lines, f.month, f.severity) for f in new if f.counts}
    return [f"{'Kļūda' if f.severity is Severity.error else 'Brīdinājums'}: {f.message}" for f in old
            if f.counts and f.code not in unchecked and (f.code, f.lines, f.month, f.severity) not in kept]


@dataclass
class _Verified:
    lost: list[str] = field(default_factory=list)  # cells the program failed to write (an internal error)
    # a date the worker's file holds in a number input (a decimal point typed in a Latvian locale turns "18.5" into
    # a date): the new template's cell is a number, so the value would silently become its serial number (D284)
    dates_in_numbers: list[str] = field(default_factory=list)
    # a date input that held the date's serial number without a date format (a file re-saved by another program):
    # the same day, now shown as a date in the new template's date cell (D284)
    numbers_as_dates: list[str] = field(default_factory=list)


def _verify(book: XlsxBook, values: dict[str, dict[Coord, CellInput]],
            origins: dict[tuple[str, Coord], Origin] | None = None, named: Origins | None = None) -> _Verified:
    """Every written value read back from the new file (a migration must lose nothing). A date and its serial
    number are the same value in the file; which one a reader sees depends on the cell's format, which is the new
    template's: those two cases are told apart from a value the program lost."""
    found = _Verified()
    origins = origins or {}
    for sheet, cells in values.items():
        for coord, value in cells.items():
            cell = book.cell(sheet, coord)
            got = cell.value if cell else None
            if _equal(got, value):
                continue
            origin = origins.get((sheet, coord), f"{sheet}!{a1(coord)}")
            where = named.place(origin) if named is not None else str(origin)
            if _same_serial(value, got) and isinstance(value, dt.date):
                found.dates_in_numbers.append(
                    f"{where}: {Origins.label(origin)} {DATE_IN_NUMBER_TEXT}, ievadīts {entered_date(value)}")
            elif _same_serial(got, value) and isinstance(got, dt.datetime):
                found.numbers_as_dates.append(
                    f"{where}: vecajā matricā datums bija skaitlis {_shown_value(value)} bez datuma formāta (fails, "
                    f"iespējams, saglabāts ar citu programmu); jaunajā matricā tas ir tas pats datums "
                    f"{lvformat_date(got.date())}")
            else:
                found.lost.append(f"{sheet}!{a1(coord)}")
    return found


def _same_serial(day: CellValue | CellInput, serial: CellValue | CellInput) -> bool:
    """``day`` is a date and ``serial`` a number that is its spreadsheet serial (the same cell value)."""
    if not isinstance(day, dt.date) or isinstance(serial, bool) or not isinstance(serial, int | float | Decimal):
        return False
    return abs(float(excel_serial(day)) - float(serial)) < 1e-6


def _equal(got: CellValue, want: CellInput) -> bool:
    if not _entered(want):
        return not _entered(got)
    if isinstance(want, dt.datetime | dt.date):
        day = want.date() if isinstance(want, dt.datetime) else want
        return isinstance(got, dt.datetime) and got.date() == day
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, int | float | Decimal):
        return isinstance(got, int | float) and to_decimal(got) == to_decimal(want)
    return got == want


def _absent_note(name: str, version: str, new: XlsxBook) -> str:
    ref = new.name_ref(name)
    version = shown_version(version)
    where = f" ({ref.text()})" if ref is not None else ""
    if INTERFACE_KIND.get(name) == "in":
        return (f"veidnē {version} nebija lauka {name}{where}; jaunajā matricā tam atstāta veidnes noklusējuma "
                "vērtība – pārbaudiet to")
    return f"veidnē {version} nebija lauka {name}{where}; jaunajā matricā tas tiek aprēķināts ar formulu"


class Migrator:
    """Migrates files onto the current catalogue's templates (generated once per municipality)."""

    def __init__(self, catalogue: Catalogue, registry: Path | None = None, template_dirs: tuple[Path, ...] = (),
                 made_on: dt.date | None = None) -> None:
        self.catalogue = catalogue
        # the day the new matrices are made (default: today): B's confirmation status is read on it, as the papers
        # made that day read it (D301, D318)
        self.made_on = made_on or dt.date.today()
        self.registry = load_registry(registry or DEFAULT_REGISTRY)
        # the check collect makes (audit37 F1), with the same --templates folders of older versions' blank matrices
        self.expected = TemplateSource(catalogue, registry, template_dirs)
        self._dir = tempfile.TemporaryDirectory(prefix="ibm-migrate-")
        self._templates: dict[tuple[str | None, dt.date], tuple[Path, XlsxBook]] = {}

    def __enter__(self) -> Migrator:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._dir.cleanup()

    def template(self, municipality: str | None, day: dt.date | None = None) -> tuple[Path, XlsxBook]:
        day = day or template_date(self.catalogue)
        if (municipality, day) not in self._templates:
            path = Path(self._dir.name) / f"veidne-{municipality or 'visparigā'}-{day.isoformat()}.xlsx"
            generate_template(self.catalogue, path, municipality, day, status_on=self.made_on)
            self._templates[municipality, day] = (path, read_xlsx(path))
        return self._templates[municipality, day]

    def changed_template_cells(self, old: Matrix, version: str, new_book: XlsxBook | None = None) -> list[str]:
        """The old file's cells that differ from its template (the check `ibm collect` refuses such a file by), each
        as the report names it: the new matrix has the template's formula or value there, and what the old file
        held instead is not carried (audit37 F1)."""
        expected = self.expected.expected(version)
        if expected is None:
            return []
        if expected.cells is not None:
            found = content(old.book, expected.inputs)
            named = changed_cell_namer(expected.cells, expected.names)  # as collect names it (ministrycheck F2)
            notes = []
            unformatted = 0  # template dates that lost their format only (a re-save by another program, D284)
            for sheet, coord, what in differing_cells(found, expected.cells):
                if what.endswith(SAME_DAY_UNFORMATTED):
                    unformatted += 1
                    continue
                cell = old.book.cell(sheet, coord)
                value = cell.value if cell is not None else None
                if what == "formula aizstāta ar vērtību":
                    notes.append(f"{named(sheet, coord)}: formula bija aizstāta ar vērtību {_shown_value(value)}; "
                                 "jaunajā matricā atjaunota formula, vērtība nav pārnesta")
                elif what in ("formula izdzēsta", "formula mainīta"):
                    notes.append(f"{named(sheet, coord)}: {what.replace(' ', ' bija ', 1)}; jaunajā matricā atjaunota "
                                 "veidnes formula")
                else:
                    notes.append(f"{named(sheet, coord)}: {what}; jaunajā matricā ir veidnes saturs, vecā faila "
                                 "saturs nav pārnests")
            if unformatted:
                notes.append(f"{unformatted} {agree(unformatted, 'veidnes datuma šūnā', 'veidnes datuma šūnās')} "
                             "vecajā matricā veidnes datums saglabāts kā skaitlis bez datuma formāta (fails, "
                             "iespējams, saglabāts ar citu programmu); jaunajā matricā "
                             f"{agree(unformatted, 'šī šūna ir', 'šīs šūnas ir')} no veidnes, nekas nav zaudēts")
            return notes
        if expected.rows is not None:
            found = content(old.book)
            notes = []
            for p in compare_rows(found, expected.rows, limit=1 << 30):
                cells = _formulas_typed_over(old, found, p, new_book)
                notes += cells or [f"{p}; jaunajā matricā šīs rindas formulas un veidnes vērtības ir no veidnes, vecā "
                                   "faila izmaiņas tajās nav pārnestas"]
            return notes
        return []

    def target_day(self, old: Matrix) -> dt.date:
        """The prices day of the new template (D63): the issue day holding the old plan's first day, else the old
        matrix's prices day; the default day when neither is inside a children's round."""
        for name in ("Perioda_Sakums", PARAMS_DAY_NAME):
            day = optional_date(old, name)
            if day is not None:
                try:
                    return day_covering(self.catalogue, day)
                except IssueDayError:
                    continue
        return template_date(self.catalogue)

    def fingerprint(self, version: str) -> str:
        """A short digest of the registry's entry for ``version`` (without its prices day): it changes when
        `ibm fingerprint --replace` records a changed template of an unissued version (review13 R13-2)."""
        entry = self.registry.get(base_version(version))
        if entry is None:
            return "nav"
        return hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]

    def migrate(self, old_path: Path, out: Path, *, overwrite: bool = False, person: tuple[str, str] = ("", ""),
                opened: Matrix | Exception | None = None, source: str | None = None) -> MigrationReport:
        """Migrate one filled matrix; raises MigrationError (Latvian) with nothing written. An existing new
        matrix or report is never replaced unless ``overwrite`` (the user's explicit choice) – or it is this
        program's own unchanged output for the same old matrix (D178: the same content wherever the file
        is now, or the same file path; ``source``: source_label as the report shows it, by default of its name in its
        folder): skipped when the old file's content and the template are unchanged too (AlreadyMigrated), else
        replaced, the reason said. ``person``: the child's name and personal code (console_names.matrix_person), so
        that no message shows them in a file name; ``opened``: ``old_path`` as the caller already opened it
        (console_names.open_matrix), not read again."""
        catalogue = self.catalogue
        source = source_label(old_path.name, old_path.parent) if source is None else source
        report_path = _report_path(out)
        existing = [p for p in (out, report_path) if p.exists() or p.is_symlink()]
        own = _own_output(out, report_path) if existing and not overwrite else None
        same_content = own is not None and _of_old_file(own, old_path)  # the old file hashed once
        other = own is not None and not same_content and not _same_place(own, old_path, source)
        if other:  # another old matrix's output (review13 R13-1): not this one's to replace (D178)
            own = None
        if existing and not overwrite and own is None:
            names = " un ".join(shown_file(p, None, *person) for p in existing)
            why = (f"{agree(len(existing), 'tas ir', 'tie ir')} ibm migrate rezultāts citai vecajai matricai (cits "
                   "saturs citā vietā; ja šī ir tā pati "
                   "matrica, kas kopš tam gan pārvietota, gan mainīta, pievienojiet --overwrite)" if other else
                   "ibm migrate esošus failus, ko tā nav rakstījusi vai kas mainīti, nepārraksta (lai tos aizstātu, "
                   "pievienojiet --overwrite)")
            raise MigrationError(f"{names}: {agree(len(existing), 'fails jau ir', 'faili jau ir')}; {why}")
        if any(p.is_dir() for p in existing):
            raise MigrationError(f"{' un '.join(shown_file(p, None, *person) for p in existing if p.is_dir())}: tā ir mape, "
                                 "nevis fails")
        try:
            old = Matrix.open(old_path) if opened is None else _opened(opened)
            origins = Origins(old)  # the version cells named as collect names them (review37 F7)
            version = interface_version(old, lambda name, row, col: origins.place((name, row, col)))
        except MatrixError as exc:
            raise MigrationError(str(exc)) from None
        day = self.target_day(old)
        current = template_version(catalogue, day)
        if is_newer(version, current):
            raise MigrationError(f"matrica ir jaunākas veidnes versijas {shown_version(version)} nekā pašreizējais "
                                 f"katalogs ({shown_version(current)}); pārnest uz vecāku versiju nevar")
        fingerprint = self.fingerprint(current)
        redone = ""
        if own is not None and out.is_file() and same_content:  # the same old matrix, unchanged
            moved = _moved(own.source, source)
            if (own.version, own.fingerprint) == (current, fingerprint):
                raise AlreadyMigrated(f"jau pārnesta iepriekš (jaunā matrica un pārskats nav mainīti{moved}; lai "
                                      "pārnestu no jauna, pievienojiet --overwrite)")
            redone = "pārnesta no jauna: mainīta veidne – " + (
                f"iepriekš {shown_version(own.version)}, tagad {shown_version(current)}" if own.version != current
                else f"tās pašas versijas {shown_version(current)} nospiedums ir cits")
        elif own is not None and out.is_file():  # the same place, the old file changed since (D178)
            redone = "pārnesta no jauna: vecā matrica kopš iepriekšējās pārnešanas mainīta"
        # a row group of different sizes (rows inserted inside a table) is said as collect says a moved area: its
        # table, cells and label, and the areas that differ from the template's size (review37 F5)
        template = self.expected.expected(version)
        # names its template (registered or given with --templates) lacked
        absent = absent_names(old, template.names if template is not None and version != current else None)
        problems = structure_problems(old, None, absent, place=lambda ref, _: _area(old, ref),
                                      sizes=template.names if template is not None else None)
        if problems:
            raise MigrationError("; ".join(problems))
        report = MigrationReport(version, current, 0)
        report.redone = redone
        if redone:
            report.notes.append(redone)
        if version == current:
            report.notes.append("matrica jau ir pašreizējās veidnes versijas; tā pārrakstīta uz tikko izveidotas "
                                "veidnes")
        muni = old.scalar("Pasvaldiba")
        known = {m.id for m in catalogue.municipalities.municipalities}
        template, new_book = self.template(muni if isinstance(muni, str) and muni in known else None, day)
        report.notes += [_absent_note(name, version, new_book) for name in sorted(absent)]
        report.overwritten = self.changed_template_cells(old, version, new_book)
        if version != current and self.expected.expected(version) is None:  # D285
            report.notes.insert(0, f"veidnes versija {shown_version(version)} nav reģistrā (matrica izveidota no "
                                   "kataloga, kura veidnes nav reģistrētas), tāpēc nevarēja pārbaudīt, vai vecajā "
                                   "matricā mainītas formulas vai veidnes vērtības; pārnestas tikai ievades šūnas, "
                                   "jaunajā matricā visas formulas ir no veidnes – salīdziniet apmērus ar veco "
                                   "matricu un, ja tie atšķiras, aizpildiet matricu no jauna pašreizējā veidnē; "
                                   f"{TEMPLATES_ADVICE} un pievienot --overwrite – tad matricu pārnes ar formulu "
                                   "pārbaudi")
        plan = _plan_values(old, new_book, catalogue)
        if plan.problems:
            raise MigrationError("; ".join(plan.problems))
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".ibm-migrate-", dir=out.parent) as tmp:
            staged = Path(tmp) / "jauna.xlsx"
            # the plan rows that hold values print: their collapsed groups are opened, as fill() does
            shown = filled_groups_level(template, {sheet: {row for (row, _), v in cells.items() if _entered(v)}
                                                   for sheet, cells in plan.values.items()})
            patch_xlsx(template, staged, plan.values,
                       finish_sheet=lambda sheet, xml: open_groups(xml, shown) if opened_by_program(sheet) else xml)
            staged_book = read_xlsx(staged)
            check = _verify(staged_book, plan.values, plan.origins, Origins(old))
            if check.dates_in_numbers:  # the user's file, not the program (D284): said as documents would refuse it
                raise MigrationError(f"{'; '.join(check.dates_in_numbers[:10])}. {DATE_FORMAT_ADVICE} Kad vecajā "
                                     "matricā tas izlabots, pārnesiet matricu vēlreiz")
            if check.lost:
                raise MigrationError(f"pēc pārrakstīšanas neatbilst šūnas {', '.join(check.lost[:10])} (iekšēja kļūda)")
            plan.notes += check.numbers_as_dates
            report.carried = sum(1 for cells in plan.values.values() for v in cells.values() if _entered(v))
            report.price_changes = plan.changes
            report.notes += plan.notes
            report.ceiling_changes = plan.ceilings
            report.cleared_prices = plan.cleared
            report.cleared = plan.cleared_labels
            report.filled = plan.filled
            report.rule_changes = _rule_changes(old, staged_book, catalogue,
                                                with_base=not any(p.item == "B" for p in plan.changes))
            plan_items = {offer_code(str(v)) for v in old.column("Plans_Pakalpojums") if isinstance(v, str) and v.strip()}
            new_matrix = Matrix.from_book(staged_book)
            report.until = until_change(old, new_matrix)
            shown_base = OldBase(_decimal(old.scalar(PARAM_BASE)) if old.has(PARAM_BASE) else None,
                                 old.scalar(BASE_STATUS_NAME) if old.has(BASE_STATUS_NAME) else None,  # type: ignore[arg-type]
                                 _decimal(new_matrix.scalar("Bazes_Apmers")))
            old_day = optional_date(old, PARAMS_DAY_NAME)
            report.price_changes = [replace(p, since=since(catalogue, p.item, day),
                                            status=status_change(catalogue, p.item, old_day, day))
                                    for p in report.price_changes]
            report.status_changes = status_changes(catalogue, old_day, day, plan_items,
                                                   shown_base, withdrawn_rows(old, catalogue, old_day),
                                                   new_withdrawn=withdrawn_rows(new_matrix, catalogue, day),
                                                   new_base_marked=base_marked(new_matrix),
                                                   old_base_marked=base_marked(old))
            # the old matrix as it showed itself: its own prices day, the parameters and the last day of its prices
            # its template held (its catalogue), not the new catalogue's later changes – the counts and the lists of
            # new and gone findings then come from the same two evaluations
            before, old_findings, old_problems, unchecked_texts = _amounts(old, catalogue, own=True)
            after, new_findings, new_problems, _ = _amounts(Matrix.from_book(staged_book), catalogue)
            report.before, report.after = _as_shown(old, before), after
            if (before is not None and after is None and unchecked_texts  # the old template did not check them (D168)
                    and all(any(words in p for words in UNCHECKED_BEFORE) for p in new_problems)):  # only they
                # are new (review11 R11-2): over-long texts and fractions of a whole unit (review32 F9)
                report.notes.append("apmērus nevar salīdzināt, jo jaunajā matricā ir nederīga ievade, ko vecākā "
                                    "veidne vēl nepārbaudīja (vērtība pārnesta, kā ievadīta; izlabojiet to jaunajā "
                                    "matricā): "
                                    + "; ".join(new_problems[:5]))
            elif before is None or after is None:
                report.notes.append("apmērus nevar salīdzināt, jo matricā ir nederīga ievade vai tā nav pilnībā aizpildīta: "
                                    + "; ".join((old_problems or new_problems)[:5]))
            else:
                report.new_findings = _new_findings(old_findings, new_findings, unchecked_codes(old))
                report.gone_findings = _gone_findings(old_findings, new_findings, unchecked_codes(old))
            report.path = report_path
            body = report.text() + "\n"
            old_digest = file_digest(old_path)
            report.mark = _mark(OwnOutput(old_digest, file_digest(staged), current, fingerprint, source,
                                          place_digest(old_digest, old_path)), body)
            staged_report = Path(tmp) / "parnesana.txt"
            staged_report.write_bytes((report.text() + "\n").encode("utf-8"))
            with interrupts_held():  # the pair is put in place whole; a Ctrl-C meanwhile is taken after it
                os.replace(staged, out)
                os.replace(staged_report, report.path)
                mark_replaced()
        return report


_CHANGED_ROW = re.compile(r"(.+), (\d+)\. rinda: formulas vai veidnes vērtības mainītas")


def _formulas_typed_over(old: Matrix, found: dict[str, dict[Coord, str]], problem: str,
                         new_book: XlsxBook | None) -> list[str]:
    """The cells of a changed row (an older registered template known by its rows' fingerprints only) that hold a
    value where the current template has a formula, each named as collect names a changed cell with the old file's
    value; [] when none is found so (the row is then named as a whole)."""
    hit = _CHANGED_ROW.fullmatch(problem)
    if hit is None or new_book is None:
        return []
    sheet, row = hit[1], int(hit[2])
    now = content(new_book)
    refs = {n: r for n in new_book.defined_names if (r := new_book.name_ref(n)) is not None}
    named = changed_cell_namer(now, refs)
    notes = []
    for coord, text in sorted(found.get(sheet, {}).items()):
        if coord[0] != row or text.startswith("f:") or not now.get(sheet, {}).get(coord, "").startswith("f:"):
            continue
        cell = old.book.cell(sheet, coord)
        notes.append(f"{named(sheet, coord)}: formula bija aizstāta ar vērtību "
                     f"{_shown_value(cell.value if cell is not None else None)}; jaunajā matricā atjaunota formula, "
                     "vērtība nav pārnesta")
    return notes


def _moved(then: str, now: str) -> str:
    """What the skip says of an old file whose content is the one migrated, found at another place (D178)."""
    if then == now:
        return ""
    shown_then, shown_now = then.split(" (mape ")[0], now.split(" (mape ")[0]
    if shown_then == shown_now:
        return "; vecās matricas mape kopš tam pārvietota vai pārdēvēta, saturs tas pats"
    return f"; vecā matrica kopš tam pārvietota vai pārdēvēta (iepriekš {shown_then}), saturs tas pats"


def _opened(opened: Matrix | Exception) -> Matrix:
    """The matrix the caller opened, or the failure of that opening raised here, as Matrix.open would have."""
    if isinstance(opened, Exception):
        raise opened
    return opened


def migrate(old_path: Path, out: Path, catalogue: Catalogue, *, overwrite: bool = False,
            made_on: dt.date | None = None) -> MigrationReport:
    """Migrate one filled matrix onto the current template (see Migrator.migrate) on ``made_on`` (default: today)."""
    with Migrator(catalogue, made_on=made_on) as migrator:
        return migrator.migrate(old_path, out, overwrite=overwrite)
