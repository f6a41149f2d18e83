"""One filled matrix for the child's documents: the ministry's checks, then every amount recomputed.

Reuses generator/ministry (the fast reader, the template integrity check, the interface reader and
the comparison of cached values) and generator/reference (the recomputation); nothing is copied from
cached cells. Problems are Latvian sentences that name cells, never the child's name or personal code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.catalogue.models import Round as RoundEntry
from generator.cli_errors import os_reason_without_path
from generator.documents.from_matrix import places
from generator.documents.from_matrix.case_fields import CaseFields, read_case_fields
from generator.documents.from_matrix.download_advice import with_download
from generator.documents.from_matrix.signing import blocking, with_note
from generator.ministry.check_stages import run_stages
from generator.ministry.console_names import (
    file_label,
    looks_personal,
    path_reveals,
    reveals_person,
    shown_path,
)
from generator.ministry.corrected_values import with_corrections
from generator.ministry.integrity import compare_cells, compare_rows, content
from generator.ministry.matrix import (
    ChildData,
    Matrix,
    MatrixError,
    absent_names,
    interface_version,
    read_child,
    structure_problems,
)
from generator.ministry.open_files import open_in, open_note
from generator.ministry.pseudonym import normalise_personal_code, pseudonym
from generator.ministry.reading import (
    MatrixPlaces,
    documents_version_note,
    file_code,
    file_digest,
    stale_values,
    template_kind,
    version_problem,
)
from generator.ministry.records import StaleValue
from generator.ministry.template_checks import migrate_hint, unchecked_codes
from generator.ministry.templates import TemplateSource
from generator.reference.errors import ReferenceInputError
from generator.reference.findings import Finding, Severity
from generator.reference.inputs import LIST_TEXT, REQUIRED_PARTIES
from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.plan_changes import ceilings_ever_withdrawn
from generator.reference.rounds import longest_plan, plan_end
from generator.reference.workbook import WorkbookResult, evaluate_workbook, void_lines
from generator.workbook.sheets.plan_rows import HIDDEN_HOW

# Names outside the interface that the documents show when the matrix has them (6.1, 6.3).
PARENT_NAME = "Vecaks_VardsUzvards"
SOCIAL_WORKER = "Socialais_Darbinieks"
GOALS = (("Merki_Ilgtermina", "Ilgtermiņa mērķi"), ("Merki_Istermina", "Īstermiņa mērķi"),
         ("Merki_Vecaka", "Vecāka mērķis"))
TYPED_FREQUENCY = "Plans_Biezums"  # 6.3 column „Biežums, ilgums, termiņš” (audit27 F8)


@dataclass
class MatrixReading:
    """What one file gives: ``refused`` (nothing can be made), else the data and the recomputation.

    ``errors`` are problems a draft may carry (rule errors of the recomputed plan, a warning a signed clause
    depends on (signing.blocking), cells that differ from the template); ``not_eligible`` is the reason a child gets the decision to refuse.
    """

    path: Path
    code: str
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: ChildData | None = None
    params: Params | None = None
    outcome: WorkbookResult | None = None
    stale: list[StaleValue] = field(default_factory=list)
    not_eligible: str | None = None
    warnings: list[Finding] = field(default_factory=list)  # every warning of the recomputed plan (signing.py)
    warning_places: dict[Finding, str] = field(default_factory=dict)  # where each is seen (places.rule_place)
    # the price cells of the plan lines whose 6.8 ceiling, confirmed on the prices day, the catalogue withdraws at the
    # same amount on some later day (plan_changes.ceilings_ever_withdrawn): the papers' warning names it (D302)
    ceiling_places: dict[int, str] = field(default_factory=dict)
    # D374: the cell of each void plan line (reference.workbook.void_lines, D332, D366) – its 6.8 price or its 6.3 units,
    # whichever the reference sees as an invalid input – by the line's index: the papers' note on their blanks names it
    void_places: dict[int, str] = field(default_factory=dict)
    parent_name: str = ""
    social_worker: str = ""
    case: CaseFields = field(default_factory=CaseFields)  # 6.1's parent's code, worker's contacts, case day (D317)
    providers: dict[str, str] = field(default_factory=dict)  # 6.8 label -> provider name
    # 6.8 label -> where its empty provider cell is (places.cell of Pak_Sniedzejs), for the plan's lines only
    provider_places: dict[str, str] = field(default_factory=dict)
    goals: list[tuple[str, str]] = field(default_factory=list)
    # 6.3's „Biežums, ilgums, termiņš” as typed, by plan row (annex 1 prints it beside the line, as 6.3 does)
    typed_frequency: list[str] = field(default_factory=list)
    hidden_name: bool = False  # the file name shows the child's name or personal code: the console hashes it
    names: str = ""  # the child's and the parent's names the file holds: a folder named by them is shown as "…"
    # set as soon as read, also for a file refused afterwards: which child and plan period it is (D144), and the
    # SHA-256 of the bytes read (identical copies are judged by what was read, not by the file later on)
    person: str = ""  # the normalised personal code; "" when the file gives none
    period: tuple[dt.date, dt.date] | None = None  # the plan's first and last day; None when it cannot be dated
    digest: str | None = None
    # the file opened as a workbook with the IBM names (IBM_Saskarne, IBM_Versija): a matrix, even when refused;
    # only such a file whose child cannot be read is one of some child's matrices the worker has to match by hand
    recognised: bool = False
    # where the plan period and the child's personal code are in this file (places.named), for the refusals said
    # after reading: an ended plan period, one child's matrices in several files
    period_place: str = ""
    code_place: str = ""
    birth_place: str = ""  # the child's personal code and date of birth, when they disagree (signing.code_birth_line)
    # the kind of the refusal's first finding, for the summary's reason counter (run._reasons): STRUCTURE (a defined
    # name missing or moved, a table of another size: the inputs cannot be located), HIDDEN (filled plan rows left in
    # closed groups, matrix.hidden_rows) or "" (any other)
    refused_kind: str = ""

    @property
    def source(self) -> str:
        """The matrix file as the console names it: the path as given, its file name replaced by
        ``matrica-<SHA-256 start>.xlsx`` when it shows the child's name or personal code (as the folder name)."""
        given = self.path.as_posix()
        if not self.hidden_name:
            return given
        return shown_path(given, file_label(self.path), self.names, self.person, hide=True)


STRUCTURE, HIDDEN = "struktūra", "paslēptas rindas"  # MatrixReading.refused_kind
CORRECTED = "labota kataloga vērtība"  # MatrixReading.refused_kind: a catalogue figure corrected back (D342)
# what follows the plan's error when a catalogue figure the matrix holds is corrected back (D336): no paper at all
CORRECTED_NO_PAPERS = ("dokumentus no šīs matricas neveido (arī ar --draft), jo tajos būtu skaitlis, kura katalogā "
                       "plāna dienām vairs nav")

# the reference's rule of 6.1 B5 (D104, D113): outside the children's rounds' list, or outside the plan's round
MUNICIPALITY_RULES = frozenset({"municipality_not_listed", "municipality_not_in_round"})
ERRORS_NAME = "Kludas"


def plan_round(catalogue: Catalogue, start: dt.date) -> RoundEntry | None:
    """The plan's round (D113): the children's round whose services window – cut into its reporting periods
    (D21) – holds the plan's first day; None when none does (the reference's own error then says so). The one
    rule behind plan_round_end and plan_round_id (the municipality's round: the reference, Params.rounds) (review1 F14)."""
    return catalogue.round_at(Pilot.children, start)


def plan_round_end(catalogue: Catalogue, start: dt.date) -> dt.date | None:
    """The last day of the plan's round: by then the child must not be of age (D110); None without one."""
    round_ = plan_round(catalogue, start)
    return round_.end if round_ is not None else None


def plan_round_id(catalogue: Catalogue, start: dt.date) -> str | None:
    """The rounds.yaml id of the plan's round: the child's papers follow its rules and dates, not those of the round
    running on the build day (D113); None without one."""
    round_ = plan_round(catalogue, start)
    return round_.id if round_ is not None else None


TOO_LONG = frozenset({"past_reporting_period"})  # how long the plan may be is said (reference.rounds.longest_plan)
NOT_LISTED = f"{REQUIRED_PARTIES[0].label} {LIST_TEXT}"  # the reference's municipality_not_listed (run._reasons)


def longest_line(params: Params, start: dt.date) -> str:
    """How long a plan from ``start`` may be (audit38 F2): the reference's longest plan inside the reporting period
    of its first day and the catalogue's longest plan period."""
    longest = longest_plan(params.reporting_periods, start, params.period_months_max)
    if longest is None:
        return (f"Plāns no {lvformat.date(start)} tā pārskata periodā neietilpst pat viena kalendārā mēneša garumā: "
                "sāciet to nākamā pārskata perioda pirmajā dienā.")
    months, last = longest
    return (f"Plāns no {lvformat.date(start)} var ilgt ne vairāk kā {lvformat.months_accusative(months)} (līdz "
            f"{lvformat.date(last)}).")


MORE_ERRORS_STORED = "matricā saglabātais kļūdu skaits"


def more_errors_stored(stale: list[StaleValue], m: Matrix | None = None) -> list[str]:
    """An error when the file's own error count (6.11 „Kļūdas kopā”, as Excel or LibreOffice last computed it) is
    higher than the recomputed one: the matrix shows the person who fills it an error that these checks do not
    find, so its papers are not signed on the recomputed count alone (D104). ``m``: the matrix, whose label of the
    count's cell is said ("6.11. tabula, E56 „Kļūdas kopā”"); without it, the cell as stored."""
    found = []
    for s in stale:
        if (s.name == ERRORS_NAME and isinstance(s.cached, int | float) and not isinstance(s.cached, bool)
                and isinstance(s.recomputed, int) and s.cached > s.recomputed):
            place = places.named(m, [s.name]) if m is not None and m.has(s.name) else f"{s.cell} ({s.name})"
            found.append(f"{MORE_ERRORS_STORED} ({place}) ir {int(s.cached)}, pārrēķinātais – "
                         f"{s.recomputed}: matrica rāda kļūdu, ko pārrēķins neatrod; atveriet matricu Excel "
                         "vai LibreOffice, izlabojiet 6.11. tabulā uzskaitītās kļūdas, saglabājiet matricu un "
                         "izveidojiet dokumentus vēlreiz")
    return found


def corrected_refusal(m: Matrix, outcome: WorkbookResult, catalogue: Catalogue) -> str | None:
    """The refusal of a matrix holding a catalogue figure the catalogue corrected back to or before its prices day
    (with_corrections, D336, D342): the plan's ``prices_not_in_force`` error as `ibm collect` says it – the value, the
    matrix's and the catalogue's figure, the day and `ibm migrate` – with its place, and that no paper is made."""
    finding = next((f for f in outcome.findings if f.code == "prices_not_in_force"), None)
    if finding is None:
        return None
    place = places.rule_place(m, finding)
    text = with_download(places.without_typed_place(finding), catalogue)
    said = with_note(text, place) if place else text
    return f"{said.rstrip().removesuffix('.')}; {CORRECTED_NO_PAPERS}."


def _text(m: Matrix, name: str, row: int = 0) -> str:
    if not m.has(name):
        return ""
    grid = m.grid(name)
    if row >= len(grid):
        return ""
    value = grid[row][0]
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _read_person(result: MatrixReading, m: Matrix, path: Path, key: bytes | None) -> None:
    """The child of a file refused before its data is read (an unknown template version, a broken structure, a
    missing input): its personal code by its defined name, so that the file is grouped with the child's other
    matrices (D144, review7 R7-8), and its console name hidden when it shows the child. A cell that cannot be read
    leaves the file unmatched (``person`` empty: the console says so, UNMATCHED)."""
    try:
        given_code, name = _text(m, "Berns_PersonasKods"), _text(m, "Berns_VardsUzvards")
        name = f"{name} {_text(m, PARENT_NAME)}"  # a file named after the parent is hidden too (audit35b F3)
        result.code_place = places.named(m, ["Berns_PersonasKods"])
    except Exception:  # noqa: BLE001 - a broken file only stays unmatched; its own refusal says why
        return
    result.person, result.names = normalise_personal_code(given_code), name.strip()
    # a file or folder name that shows the child, or a matrix with neither names nor code: named by its hash, as an
    # unreadable file (D221)
    if reveals_person(path.stem, name, given_code) or not (name.strip() or given_code):
        result.code = f"matrica-{file_code(path)}"
        result.hidden_name = True
    result.hidden_name = result.hidden_name or path_reveals(path, name, given_code)
    if key is not None and result.person:  # the same child's code as on the line of its other matrix (D144)
        result.code = pseudonym(key, given_code)


def _hide_name(result: MatrixReading, path: Path) -> None:
    """The file named by its hash (``matrica-<SHA-256 start>``, D221): a name that may show the child, or one that
    cannot be checked against the child (a file that cannot be opened as a matrix, as `ibm collect` names it); a file
    that cannot even be hashed (unreadable, a link that leads nowhere) by a neutral name with its inode number
    (``matrica-nenolasāms-<inode>``, console_names.file_label) – before, it kept its own name."""
    result.code, result.hidden_name = f"matrica-{file_label(path)}", True


# D374: a plan line whose units or price cell holds a text, a date or a negative number is void in the matrix (D366), but
# no draft is made of it: the reference takes a line's units and price only as numbers >= 0, and the papers do not put
# a number of their own in its place
UNREADABLE_LINE = ("dokumentus no šīs matricas neveido arī ar --draft: plāna rindas daudzuma vai cenas šūnā ({place}) "
                   "ir teksts, datums vai negatīvs skaitlis, bet summas rīkkopa rēķina tikai no skaitļiem ≥ 0 un šīs šūnas vietā "
                   "savu skaitli neliek (melnrakstu ar tukšām vietām veido tikai tad, ja cenai ir centa daļas); "
                   "izlabojiet šūnu un izveidojiet dokumentus vēlreiz")


def unreadable_line(m: Matrix) -> str:
    """The first plan line's cell, with a service, that holds a text, a date or a negative number in its 6.3 „Daudzums
    periodā” or in the 6.8 price of its service (D374), as the papers name a cell; "" when none does: the cells the
    matrix voids the line for (D366) that the reference cannot be given at all."""
    if not (m.has("Plans_Pakalpojums") and m.has("Plans_Daudzums") and m.has("Pak_Cena")):
        return ""
    items, services = places.item_rows(m), m.column("Plans_Pakalpojums")
    units, prices = m.column("Plans_Daudzums"), m.column("Pak_Cena")
    for i, service in enumerate(services):
        if not (isinstance(service, str) and service.strip()):
            continue
        row = places.line_item(m, i, items)
        if i < len(units) and _unreadable(units[i]):
            return places.named_cell(m, "Plans_Daudzums", i)
        if row is not None and row < len(prices) and _unreadable(prices[row]):
            return places.named_cell(m, "Pak_Cena", row)
    return ""


def _unreadable(value: object) -> bool:
    if isinstance(value, str):
        return value != ""  # spaces too: the matrix and the reader count them a text
    if isinstance(value, dt.date | dt.time):
        return True
    return isinstance(value, int | float) and not isinstance(value, bool) and value < 0


def void_places(m: Matrix, lines: Sequence[PlanLine], params: Params) -> dict[int, str]:
    """The cell of each void line (D374): its 6.8 price when that alone voids it (the same line with one whole unit is
    still void), else its 6.3 „Daudzums periodā”; the place as the papers name a cell (places.named_cell)."""
    items = places.item_rows(m)
    found = {}
    for i in void_lines(lines, params):
        line = lines[i]
        row = places.line_item(m, i, items)
        by_price = row is not None and bool(void_lines((dataclasses.replace(line, units=Decimal(1)),), params))
        found[i] = (places.named_cell(m, "Pak_Cena", row) if by_price and row is not None
                    else places.named_cell(m, "Plans_Daudzums", i))
    return found


def read_for_documents(path: Path, catalogue: Catalogue, templates: TemplateSource,
                       key: bytes | None) -> MatrixReading:
    """Check and recompute one file; never raises for a bad file."""
    result = MatrixReading(path, path.stem)
    from generator.ministry.collect import link_failure

    if (broken_link := link_failure(path)) is not None:  # said and counted as collect says it (audit35b F9e)
        result.refused.append(broken_link)
        _hide_name(result, path)
        return result
    if (program := open_in(path)) is not None:  # the papers show its last saved version: said as collect says it
        result.notes.append(open_note(program, "ibm documents --from-matrix"))
    if looks_personal(path.stem):  # until the child is read, six digits may be a personal code, a date a birth date
        _hide_name(result, path)
    try:
        result.digest = file_digest(path)
    except OSError:
        pass
    m = None
    try:
        m = Matrix.open(path)
        result.recognised = m.has("IBM_Saskarne") and m.has("IBM_Versija")
        version = interface_version(m, lambda name, row, col: places.named(m, [name]))  # "6.11. tabula, B5 „…”"
    except MatrixError as exc:
        result.refused.append(str(exc))
        if m is not None:  # an IBM matrix of a newer interface: its child is still known by the name (R7-8)
            _read_person(result, m, path, key)
        else:
            _hide_name(result, path)
        return result
    except OSError as exc:
        result.refused.append(f"failu nevar nolasīt: {os_reason_without_path(exc)}")
        _hide_name(result, path)
        return result
    expected = templates.expected(version)
    version_place = places.named(m, ["IBM_Versija"])
    if expected is None:
        result.refused.append(with_note(version_problem(version, templates.current_version), version_place))
        _read_person(result, m, path, key)  # grouped with the child's other matrices all the same (D144, R7-8)
        return result
    if not templates.is_current(version):
        result.notes.append(with_note(documents_version_note(version, templates.current_version),  # audit37 F9
                                      version_place))
    # a place is said with its label (places.py): the template's own text where the template's cells are known (a
    # changed or moved label is named by what it should say), else the file's
    in_file = places.file_values(m, fixed=True)
    in_template = places.template_values(expected.cells) if expected.cells is not None else in_file

    def structure() -> list[str]:
        return structure_problems(m, expected.names, absent_names(m, expected.names),
                                  place=lambda ref, template: places.area(in_template if template else in_file, ref))

    def template() -> list[str]:
        problems: list[str] = []
        if expected.cells is not None:
            problems = compare_cells(content(m.book, expected.inputs), expected.cells,
                                     where=lambda sheet, at: places.changed_cell(in_template, expected.names, sheet, at))
        elif expected.rows is not None:
            problems = compare_rows(content(m.book), expected.rows)
        return [f"matrica neatbilst veidnei {lvformat.version(version)}: {p}" for p in problems]

    def inputs() -> tuple[ChildData | None, list[str]]:
        checked = places.checked_cells(m)  # each problem names its cell, its label and 6.11's row when 6.11 counts it
        return read_child(m, catalogue, strict=False, printed=True,
                          where=lambda name, row, col: places.input_place(m, name, row, col, checked),
                          rule_where=MatrixPlaces(m, path).rule_input)  # a rule's own 6.11 row (audit27 F2)

    # D298: the changed template cells and the invalid inputs, both named in one run, in the stages' order (as
    # `ibm collect` names them); a structure that hides the inputs stops the checks and says so
    stages = run_stages(structure, template, inputs)
    result.errors.extend(stages.template)  # a matrix with valid inputs: a draft can still be made (--draft)
    if stages.structure or stages.inputs:
        result.refused.extend(stages.named)
        result.refused_kind = STRUCTURE if stages.structure else HIDDEN if stages.named[0].endswith(HIDDEN_HOW) else ""
        if stages.inputs and (cell := unreadable_line(m)):  # why not even a draft, unlike a sub-cent price (D374)
            result.refused.append(UNREADABLE_LINE.format(place=cell))
        _read_person(result, m, path, key)
        return result
    data = stages.data
    assert data is not None
    result.person = normalise_personal_code(data.personal_code)
    result.period_place = places.named(m, ["Perioda_Sakums", "Perioda_Menesi"])
    result.code_place = places.named(m, ["Berns_PersonasKods"])
    result.birth_place = places.named(m, ["Berns_PersonasKods", "Berns_DzimsanasDatums"])
    result.notes.extend(data.warnings)  # a long text an older template did not check: printed whole here (D168)
    try:
        result.period = (data.inputs.period_start, plan_end(data.inputs.period_start, data.inputs.months))
    except (ValueError, OverflowError):
        result.period = None
    # a name hidden before reading (a date, six digits: looks_personal) stays hidden once the child is known
    result.names = f"{data.full_name} {_text(m, PARENT_NAME)}".strip()
    stem_hidden = (result.hidden_name or reveals_person(path.stem, result.names, data.personal_code)
                   or not (result.names or data.personal_code))
    result.hidden_name = stem_hidden or path_reveals(path, result.names, data.personal_code)  # the child's folder
    if key is not None and data.personal_code:
        result.code = pseudonym(key, data.personal_code)
    elif stem_hidden:
        result.code = f"matrica-{file_code(path)}"
        result.notes.append("faila nosaukumā ir bērna vai vecāka vārds, personas kods vai datums: mapei izmantots faila "
                            "jaucējkods")
    else:
        result.code = path.stem
    if not data.municipality:
        result.refused.append(f"{places.input_place(m, 'Pasvaldiba', checked=places.checked_cells(m))}: nav aizpildīts (gaidīts: "
                              "pašvaldības kods no kataloga)")
        return result
    try:
        params = data.params(catalogue)
        # a figure the catalogue corrected on or before the prices day, as `ibm collect` finds it (D336, D342)
        checked, corrected = with_corrections(m, data, catalogue, params)
        outcome = evaluate_workbook(data.inputs, checked, template_kind(templates, version, expected))
    except (ReferenceInputError, LookupError) as exc:
        where = places.named(m, ["Perioda_Sakums", "Perioda_Menesi", "Parametru_Datums"])
        result.refused.append(with_note(f"aprēķins nav iespējams: {exc}", where))
        return result
    if corrected and (refusal := corrected_refusal(m, outcome, catalogue)) is not None:
        result.refused.append(refusal)
        result.refused_kind = CORRECTED
        return result
    result.data, result.params, result.outcome = data, params, outcome
    result.void_places = void_places(m, data.inputs.lines, params)
    withdrawable = ceilings_ever_withdrawn(catalogue, data.params_day)
    for i, line in enumerate(data.inputs.lines):
        if line.counted and line.offer_id in withdrawable:  # its price cell, for the papers' warning (D302)
            unconfirmed = Finding("ceiling_unconfirmed", Severity.warning, "", (i,))  # rules.check_withdrawn_ceilings
            result.ceiling_places[i] = places.joined(places.finding_places(m, unconfirmed))
    rule_errors = []
    lacked = unchecked_codes(m)  # the checks its template did not compute: the matrix itself shows no error (F8)
    for finding in outcome.findings:
        if (why := blocking(finding)) is not None:  # an error the contract's clause says more of (D71, D371)
            rule_errors.append(with_note(why, places.rule_place(m, finding)))
            continue
        if finding.severity is Severity.warning:
            place = places.rule_place(m, finding)
            finding = dataclasses.replace(finding, message=places.without_typed_place(finding))
            result.warnings.append(finding)
            result.warning_places[finding] = place
            continue
        if not finding.counts:
            continue
        if finding.code == "not_eligible":
            result.not_eligible = finding.message
        place = places.rule_place(m, finding)
        message = with_download(places.without_typed_place(finding), catalogue)  # the site's matrix (D186, D309)
        text = with_note(message, place) if place else message
        if finding.code in MUNICIPALITY_RULES:  # no decision at all, not even a refusal, outside the plan's round
            result.errors.append(f"noteikumu kļūda: {text}")
        else:
            hint = f" {migrate_hint(finding.code)}" if finding.code in lacked else ""
            longest = f" {longest_line(params, data.inputs.period_start)}" if finding.code in TOO_LONG else ""
            rule_errors.append(f"noteikumu kļūda: {text}{longest}{hint}")
    if result.not_eligible is None:  # a child who is not eligible gets the refusal whatever the plan says
        result.errors.extend(rule_errors)
    result.stale = stale_values(m, outcome, result.code, file_code(path), data.inputs.months)
    result.errors.extend(more_errors_stored(result.stale, m))
    result.parent_name = _text(m, PARENT_NAME)
    result.social_worker = _text(m, SOCIAL_WORKER)
    checked = places.checked_cells(m)
    result.case = read_case_fields(m, lambda name, row, col: places.input_place(m, name, row, col, checked))
    result.errors.extend(result.case.problems)  # a wrong personal code or date never prints in a contract (D317)
    if m.has("Pak_Sniedzejs"):
        used = {line.label.strip() for line in data.inputs.lines if line.counted and line.label}
        for j, label in enumerate(m.column("Pak_Id")):
            provider = _text(m, "Pak_Sniedzejs", j)
            if isinstance(label, str) and label.strip() and provider:
                result.providers[label.strip()] = provider
            elif isinstance(label, str) and label.strip() in used:  # the papers leave its name blank (audit27 F3)
                result.provider_places[label.strip()] = places.named_cell(m, "Pak_Sniedzejs", j)
    result.goals = [(title, text) for name, title in GOALS if (text := _text(m, name))]
    if m.has(TYPED_FREQUENCY):
        result.typed_frequency = [_text(m, TYPED_FREQUENCY, i) for i in range(len(m.grid(TYPED_FREQUENCY)))]
    return result
