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


def ended_before(end: dt.date, build_day: dt.date, system_day: dt.date | None) -> dt.date:
    """The day an archive copy says its plan period (last day ``end``) had ended before (audit27 F1): the build day
    (`--day`, or without it the computer's date) when the period had ended by then, else the computer's date the
    command ran on (``system_day``, known when `--day` is given), which made the copy an archive (D136) – never a
    `--day` on which the period had not yet ended."""
    if system_day is None or end < build_day:
        return build_day
    return system_day


def report_lines(period: str, build_day: dt.date, ended: dt.date | None = None) -> list[str]:
    """What the report file (parskats.txt) says about an archive copy. ``ended``: the day the period had ended before
    (ended_before; default ``build_day``) – when it is not the build day, the computer's date, and the papers' day
    `--day` is said to be only the date written in them, as the refusal says it (run.compared_day)."""
    if ended is None or ended == build_day:
        before = f"izveides dienas {lvformat.date(build_day)}"
    else:
        before = (f"šodienas {lvformat.date(ended)} (datora datums; --day {lvformat.date(build_day)} to nemaina – tas ir "
                  "tikai dokumentos rakstītais datums)")
    return ["", f"ARHĪVA KOPIJA: atbalsta plāna periods ({period}) beidzās pirms {before}. Dokumenti izveidoti ar "
                f"{OPTION} klienta lietas materiāliem; katrā lapā ir atzīme „{ARCHIVE_MARK}”. Tos neparaksta un "
                "neizsniedz kā spēkā esošus."]
