"""The 6.1 case fields the papers print and no amount depends on: the parent's personal code (01 clause 1.2, 07 page
2), the social worker's phone and e-mail (01 clause 1.4) and the day the case was opened (07 „Lieta uzsākta”).

Read by their defined names (D16, D317); a matrix of an earlier layout revision has no such names, and its papers
keep the blanks to fill in by hand. A value that is not what the cell expects (a personal code not in the form
000000-00000, a text or a time of day where a date belongs) is an error naming the cell – never the value typed – as
the child's personal code and the other dates are, so that no wrong figure prints in a signed contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator import lvformat
from generator.ministry.matrix import Matrix, Where, _Reader
from generator.reference.inputs import written_personal_code

PARENT_CODE = "Vecaks_PersonasKods"  # 6.1 B28
WORKER_CONTACTS = "Darbinieks_Kontakti"  # 6.1 B9
CASE_OPENED = "Lietas_Sakums"  # 6.1 B10
CODE_FORM = "personas kods nav formā 000000-00000 (11 cipari)"


@dataclass
class CaseFields:
    """What the papers print ("" leaves the blank) and the problems found (Latvian, naming the cell)."""

    parent_code: str = ""
    worker_contacts: str = ""
    case_opened: str = ""  # DD.MM.YYYY
    problems: list[str] = field(default_factory=list)


def read_case_fields(m: Matrix, where: Where | None = None) -> CaseFields:
    """The three fields of ``m``, each blank when the file has no such name or the cell is empty; ``where`` names a
    cell in a problem (as the other inputs' problems: places.input_place)."""
    found = CaseFields()
    r = _Reader(m, where)
    if m.has(PARENT_CODE):
        typed = r.text(PARENT_CODE, required=False)
        if typed is not None:
            written = written_personal_code(typed)
            if written is None:
                r.fail(PARENT_CODE, CODE_FORM)
            found.parent_code = written or ""
    if m.has(WORKER_CONTACTS):
        found.worker_contacts = " ".join((r.text(WORKER_CONTACTS, required=False) or "").split())
    if m.has(CASE_OPENED):
        day = r.date(CASE_OPENED, required=False)
        found.case_opened = lvformat.date(day) if day is not None else ""
    found.problems = list(r.problems)
    return found
