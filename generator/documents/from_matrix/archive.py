"""Archive copies (`ibm documents --from-matrix --arhivam`, D31): the papers of a plan period that ended before
the build day, for the child's case file. Every page carries ARCHIVE_MARK; they go into a folder of their own
beside the child's current papers (never replacing them) and the report file and console say what they are."""

from __future__ import annotations

import datetime as dt

from generator import lvformat

OPTION = "--arhivam"
ARCHIVE_MARK = "ARHĪVA KOPIJA – NAV PARAKSTĀMA"
STATUS = "arhīva kopija – nav parakstāma"


def folder_name(code: str, period_start: dt.date) -> str:
    """The archive copy's folder: the child's code, the word "arhivs" and the period's first day (ISO, so that
    the periods of one child sort in order): 'talsi-3-arhivs-2018-10-01'."""
    return f"{code}-arhivs-{period_start:%Y-%m-%d}"


def papers_day(period_start: dt.date) -> dt.date:
    """The day an archive copy shows its names, legal norms and round dates of (D69): the last day before the
    plan period began, not the build day years later. The papers may have been signed later (D28: until the
    plan's last day), so the copy says that the signed original may differ from it and is what counts."""
    return period_start - dt.timedelta(days=1)


def refusal_hint() -> str:
    """Appended to the refusal of an ended plan period: where its papers for the case file come from."""
    return f"; klienta lietas materiāliem var izveidot arhīva kopiju ar {OPTION}"


def report_lines(period: str, build_day: dt.date) -> list[str]:
    """What the report file (parskats.txt) says about an archive copy."""
    return ["", f"ARHĪVA KOPIJA: atbalsta plāna periods ({period}) beidzās pirms izveides dienas "
                f"{lvformat.date(build_day)}. Dokumenti izveidoti ar {OPTION} klienta lietas materiāliem; katrā "
                f"lapā ir atzīme „{ARCHIVE_MARK}”. Tos neparaksta un neizsniedz kā spēkā esošus."]
