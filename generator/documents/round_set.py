"""`ibm documents --round ID` / `--day DD.MM.GGGG` (D125): a municipality's set made for one children's round.

The round is asked for as `ibm matrix` asks for it (D63): by its id, or by a day inside its services window. It must
list the municipality (D113). Its report templates (lejupielades/atskaites/) carry its months and name even once it
has ended, so that a municipality can still report for it; its papers (lejupielades/dokumenti/) are made only while
the round has not ended: the contracts and decisions of an ended round would be signable-looking papers for a term
that is over, so none are made (as `--from-matrix` refuses an ended plan period). Both go to folders named
<municipality>-<round id>, beside (never over) the municipality's default set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality, Pilot
from generator.catalogue.problems import shown_path
from generator.documents import terms
from generator.documents.paths import DOCUMENTS, DOWNLOADS, REPORTS
from generator.programme_scope import adults_round_refusal
from generator.workbook.issue_days import children_round_ids, outside_children_rounds


class RoundChoiceError(ValueError):
    """A wrong `--round` or `--day` (Latvian message naming the parameter and what was expected; exit 2)."""


@dataclass(frozen=True)
class RoundSet:
    round_id: str
    round_name: str
    end: dt.date
    municipalities: tuple[Municipality, ...]
    prices_day: dt.date | None = None  # `--day`

    @property
    def choice(self) -> terms.Choice:
        return terms.Choice(self.round_id, self.prices_day)

    def ended(self, build_date: dt.date) -> bool:
        return self.end < build_date

    def folder(self, municipality: Municipality) -> str:
        """The set's folder name under dokumenti/ and atskaites/: 'liepaja-berni-2018'."""
        return f"{municipality.id}-{self.round_id}"


def _expected(catalogue: Catalogue) -> str:
    return f"gaidīts viens no: {', '.join(children_round_ids(catalogue)) or 'katalogā nav bērnu kārtu'}"


def choose_round(catalogue: Catalogue, round_id: str | None, day: dt.date | None,
                 municipality_id: str | None) -> RoundSet:
    """The round `--round ID` or `--day` names, with the municipalities it is made for: ``municipality_id``
    (already known to be a pilot municipality), or without it every municipality the round lists."""
    if round_id is not None:
        found = catalogue.round_by_id.get(round_id)
        if found is None:
            raise RoundChoiceError(f"--round: „{round_id}” nav kārta katalogā ({shown_path(catalogue.root / 'rounds.yaml')}) "
                                   f"({_expected(catalogue)}).")
        if found.programme is not Pilot.children:
            raise RoundChoiceError(f"--round: „{round_id}” {adults_round_refusal(found)} ({_expected(catalogue)}).")
        asked = f"--round: kārtā „{round_id}”"
    else:
        assert day is not None
        found = catalogue.round_at(Pilot.children, day)
        if found is None:
            adults, windows = outside_children_rounds(catalogue, day)
            raise RoundChoiceError(f"--day: „{lvformat.date(day)}” nav nevienas bērnu programmas kārtas pakalpojumu "
                                   f"laikā{adults} (gaidīts: diena kādā no kārtām – {windows}).")
        asked = f"--day: „{lvformat.date(day)}” ir kārtā „{found.id}”, bet tajā"
    if municipality_id is not None and municipality_id not in found.municipalities:
        raise RoundChoiceError(f"{asked} nav pašvaldības „{municipality_id}” (rounds.yaml; kārtas pašvaldības: "
                               f"{', '.join(found.municipalities)}).")
    listed = [m for m in catalogue.pilot_municipalities() if m.id in found.municipalities
              and (municipality_id is None or m.id == municipality_id)]
    return RoundSet(found.id, found.name_lv, found.end, tuple(listed), day)


def render_round_set(catalogue: Catalogue, chosen: RoundSet, out: Path, progress: Callable[[str], None],
                     build_date: dt.date | None = None, reuse_renders: bool = True) -> list[Path]:
    """Write each municipality's report workbooks for the round, and its papers unless the round has ended (each
    distinct PDF and DOCX input rendered once, render_memo.py)."""
    from generator.documents.build_step import (
        made_phrase,
        municipality_label,
        render_municipality,
        write_document,
    )
    from generator.documents.note_warning import unplaced_lines
    from generator.documents.render_memo import RenderMemo
    from generator.documents.reports.workbooks import write_report_workbooks

    build_date = build_date or dt.date.today()
    ended = chosen.ended(build_date)
    written: list[Path] = []
    memo = RenderMemo() if reuse_renders else None
    with terms.for_round(chosen.choice):
        for number, municipality in enumerate(chosen.municipalities, 1):
            folder = chosen.folder(municipality)
            papers = [] if ended else render_municipality(catalogue, municipality, build_date=build_date)
            for document in papers:
                written.extend(write_document(document, out / DOWNLOADS / DOCUMENTS / folder, memo))
            written.extend(write_report_workbooks(catalogue, municipality, out, build_date,
                                                  folder=out / DOWNLOADS / REPORTS / folder))
            what = made_phrase(len(papers))
            name = municipality_label(catalogue, municipality, build_date)  # the round's day's name (D189)
            progress(f"  kārta {chosen.round_id}, {number}/{len(chosen.municipalities)}: {name} – "
                     f"{what} (mape {folder})")
            for line in unplaced_lines(papers, folder):  # a note its PDF prints apart (D349)
                progress(f"  {line}")
    return written


def round_set_written(chosen: RoundSet, build_date: dt.date) -> Callable[[str], bool]:
    """Which names ``render_round_set`` can write (build_step.written_names): each municipality's papers, unless the
    round has ended, and its report workbooks, in the set's folders."""
    from generator.documents.build_step import written_names

    folders = [chosen.folder(m) for m in chosen.municipalities]
    papers = [] if chosen.ended(build_date) else [f"{DOWNLOADS}/{DOCUMENTS}/{f}" for f in folders]
    return written_names(papers, [f"{DOWNLOADS}/{REPORTS}/{f}" for f in folders])


def ended_note(chosen: RoundSet) -> str:
    """What the command says after the set of an ended round: why there are no papers."""
    return (f"Kārta „{chosen.round_name}” beidzās {lvformat.date(chosen.end)}: izveidotas tikai atskaišu veidnes ar "
            "tās mēnešiem. Līgumus, lēmumus un citus parakstāmos dokumentus beigušās kārtas termiņiem neveido "
            "(D125).")


def past_day_note(chosen: RoundSet, build_date: dt.date) -> str | None:
    """What the command says when `--day` is before the build day of a round whose papers were made: their price
    annexes hold the build day's prices, not that day's (terms.prices_day, D132). None otherwise."""
    if chosen.prices_day is None or chosen.prices_day >= build_date or chosen.ended(build_date):
        return None
    return (f"Piezīme: --day {lvformat.date(chosen.prices_day)} jau pagājusi – dokumentu cenu pielikumos ir cenas uz "
            f"{lvformat.date(build_date)}, kas spēkā parakstīšanas laikā, nevis pagājušās dienas cenas (D132).")
