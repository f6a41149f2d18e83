"""`ibm matrix`: write one IBM matrix workbook (generic or prefilled for a pilot municipality)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator import lvformat
from generator import withdrawn_wording as wording
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirmation import value_changes, value_withdraws
from generator.catalogue.models import Pilot, PriceStatus
from generator.cli import CATALOGUE_OPTION, OUT_WRONG, load_for_command, refuse_unwritable, usage_error
from generator.municipality_option import municipality_problem
from generator.reference.plan_changes import PlanChange, catalogue_withdrawals
from generator.replace_file import write_replacing
from generator.workbook import render
from generator.workbook.build_note import console_line, ended_round
from generator.workbook.issue_days import (
    IssueDayError,
    day_covering,
    day_of_round,
    plans_until,
    template_date,
)
from generator.workbook.matrix_out import refusal
from generator.workbook.render import file_name
from generator.workbook.version import template_version
from generator.workbook.withdrawal_note import open_days
from generator.workbook.writer import write_workbook


@click.command("matrix", epilog=(
    "Izejas statuss: 0 – uzrakstīts; 1 – neizdevās (kļūdas katalogā, esošu failu nepārraksta vai mapē nevar "
    f"rakstīt), nekas nav mainīts; 2 – nepareizi komandas parametri (arī: {OUT_WRONG})."))
@CATALOGUE_OPTION
@click.option("--municipality", "municipality_id", metavar="ID",
              help="Pašvaldības kods no kataloga (piem. liepaja); bez tā – vispārīgā matrica.")
@click.option("--round", "round_id", metavar="KĀRTA",
              help="Bērnu programmas kārtas id no catalogue/rounds.yaml (piem. berni-2018): matrica ar cenām un "
                   "parametriem, kas spēkā tās pirmajā pakalpojumu dienā; bez tā – jaunākā kārta.")
@click.option("--day", "plan_day", type=click.DateTime(formats=["%d.%m.%Y"]), metavar="DD.MM.GGGG",
              help="Plāna pirmā diena: matrica ar cenām un parametriem, kas spēkā šajā dienā (no tās kārtas "
                   "sākuma vai pēdējās cenu maiņas pirms tās); dienai jābūt kādas bērnu kārtas pakalpojumu laikā.")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Kur rakstīt .xlsx failu (noklusējums: ibm-matrica[-ID].xlsx šajā mapē).")
@click.option("--overwrite", is_flag=True,
              help="Aizstāt esošu failu, arī ja tā nav neaizpildīta ibm matrix matrica.")
def matrix(catalogue_dir: Path, municipality_id: str | None, round_id: str | None, plan_day: dt.datetime | None,
           out_file: Path | None, overwrite: bool) -> None:
    """Izveido IBM matricu (6. pielikums) ar cenām un parametriem, kas spēkā jaunākās bērnu kārtas sākumā (D61).

    Ar --round vai --day matricā ir citas kārtas vai plāna pirmās dienas cenas un parametri (D63); bez --out tad
    faila nosaukuma beigās ir cenu diena (ibm-matrica[-ID]-GGGG-MM-DD.xlsx).

    Esošu failu aizstāj tikai tad, ja tā ir šīs komandas izveidota, vēl neaizpildīta IBM matrica; citu failu
    (arī aizpildītu matricu) – tikai ar --overwrite. Jaunais fails tiek uzrakstīts blakus ar pagaidu
    nosaukumu un tikai beigās aizstāj veco.
    """
    catalogue = load_for_command(catalogue_dir)
    if municipality_id is not None and (problem := municipality_problem(catalogue, municipality_id)) is not None:
        usage_error(problem)  # an invalid value (README „Izejas statuss”, D121), as `ibm documents` says it
    if round_id is not None and plan_day is not None:
        usage_error("--round un --day kopā nelieto (gaidīts: viens no tiem – kārta vai plāna pirmā diena)")
    try:
        day = (day_of_round(catalogue, round_id) if round_id is not None
               else day_covering(catalogue, plan_day.date()) if plan_day is not None else template_date(catalogue))
    except IssueDayError as exc:
        usage_error(str(exc).rstrip("."))  # an invalid value: status 2 and the --help pointer (D121), as documents'
    if municipality_id is not None and (problem := outside_round(catalogue, municipality_id, day,
                                                                 render.build_day())) is not None:
        usage_error(problem)  # the tools refuse such a plan (D104, D113): no matrix for it either
    default_day = day == template_date(catalogue)
    out = out_file or Path(file_name(municipality_id, None if default_day else day))
    if out.suffix.lower() != ".xlsx":
        usage_error(f"--out: „{out}” nav .xlsx fails (gaidīts: faila nosaukums ar paplašinājumu .xlsx)")
    from generator.ministry.writable import unwritable_reason

    refuse_unwritable(unwritable_reason(out))  # named before the workbook is made (audit15 F18)
    reason = None if overwrite else refusal(out)
    if reason is not None:
        click.echo(f"Kļūda: --out: fails „{out}” jau ir, un {reason}; to nepārraksta (lai aizstātu, pievienojiet "
                   "--overwrite).", err=True)
        sys.exit(1)
    made_on = render.build_day()  # D277: 6.1's note when the round has ended (tests replace the day)
    try:
        write_replacing(out, lambda staged: write_workbook(catalogue, staged, municipality_id, day, made_on=made_on),
                        prefix=".ibm-matrica-", suffix=".xlsx")
    except OSError as exc:
        from generator.cli_errors import os_reason

        click.echo(f"Kļūda: --out: failu „{out}” nevar uzrakstīt: {os_reason(exc)}; esošais fails nav mainīts.", err=True)
        sys.exit(1)
    click.echo(f"Uzrakstīts {out} (veidnes versija {lvformat.version(template_version(catalogue, day))}; "
               f"{validity(catalogue, day)}).")
    if (ended := ended_round(catalogue, day, made_on)) is not None:  # D277: 6.1 says it too
        click.echo(console_line(ended), err=True)


def outside_round(catalogue: Catalogue, municipality_id: str, day: dt.date, today: dt.date | None = None) -> str | None:
    """Why a children's rounds' municipality gets no matrix for the prices ``day`` (D104, D113): the matrix serves the
    plans of the round of that day, and the municipality is not in it, so the matrix, `ibm documents --from-matrix` and
    `ibm collect` would all refuse every plan in it. Refused, not warned: there is no use for such a file – an ended
    round's reports and corrections take that round's own matrix (--round, --day), which has the municipality. The
    rounds it is in are named with their --round and --day values. None: in the round (or no round, refused before)."""
    round_ = catalogue.round_at(Pilot.children, day)
    if round_ is None or municipality_id in round_.municipalities:
        return None
    own = [r for r in catalogue.rounds_of(Pilot.children) if municipality_id in r.municipalities]
    said = (f"--municipality: „{municipality_id}” nepiedalās bērnu programmas kārtā „{round_.name_lv}” ({round_.id}), "
            f"kuras plāniem ir šī matrica (tajā piedalās: {', '.join(round_.municipalities)}); tās plānus šajā kārtā "
            "neapstiprina un nesavāc.")
    if not own:  # nothing to advise: no children's round has it (D309; before, an empty list after the colon)
        return (f"{said} „{municipality_id}” nepiedalās nevienā bērnu programmas kārtā, tāpēc IBM matricu tai neveido; "
                "vispārīgo matricu var izveidot bez --municipality")
    today = today or dt.date.today()
    where = "; ".join(f"--round {r.id} vai --day DD.MM.GGGG no {lvformat.date(r.services_start)} līdz "
                      f"{lvformat.date(r.services_end)}"
                      # an ended round's matrix serves only that round's reports and corrections (D277, D309)
                      + (f" (kārta beigusies {lvformat.date(r.end)}: matrica der tikai tās plānu atskaitēm un labojumiem)"
                         if r.end < today else "") for r in own)
    return f"{said} Matricai kārtā, kurā „{municipality_id}” piedalās: {where}"


def validity(catalogue: Catalogue, day: dt.date) -> str:
    """What the console says of a matrix's prices: the days they hold, as 6.11 „Cenas un parametri spēkā uz … līdz”
    says (D61), and, when its round's services end earlier, the first days of the plans it takes, as the site's
    downloads say them ("cenas un parametri spēkā 01.10.2018–30.06.2021; matrica der plāniem, kuru pirmā diena ir no
    01.10.2018 līdz kārtas pakalpojumu beigām 30.09.2019"): no console date contradicts the file (audit27 F7), and the
    round's end is still said (audit21 F3)."""
    until = catalogue.prices_until(day)
    said = f"cenas un parametri spēkā {lvformat.date(day)}–{lvformat.date(until)}" if until else \
        f"cenas un parametri spēkā no {lvformat.date(day)} (izmaiņas nav zināmas)"
    last_first_day = plans_until(catalogue, day, catalogue.round_at(Pilot.children, day))
    if last_first_day is not None and last_first_day != until:
        said += (f"; matrica der plāniem, kuru pirmā diena ir no {lvformat.date(day)} līdz kārtas pakalpojumu beigām "
                 f"{lvformat.date(last_first_day)}")
    return said + withdrawn_clause(catalogue, day)


def _quiet(n: int) -> str:
    """After ``n`` price parameters withdrawn whose 6.8 items are „jāprecizē” anyway (their names are values)."""
    return (f" (6.8. tabulā {wording.its(wording.values(n))} pozīciju griesti jau tāpat ir „jāprecizē”, tāpēc "
            "dokumentos tas neko nemaina)")


def parameter_withdrawals(catalogue: Catalogue, day: dt.date) -> list[tuple[str, dt.date, tuple[str, ...]]]:
    """The price parameters (prices/*.yaml without a service: the group sessions' ceiling and its transport
    reduction) whose entry in force on ``day`` is „apstiprināts” and a later entry of the same figures puts back to
    „jāprecizē” before any real change (D302): each name with that day and the 6.8 items it caps."""
    found = []
    for price in catalogue.prices:
        if price.service is not None:
            continue
        values = sorted(price.values, key=lambda v: v.effective_from)
        current = next((v for v in reversed(values) if v.effective_from <= day), None)
        if current is None or current.status is not PriceStatus.confirmed:
            continue
        for later in (v for v in values if v.effective_from > day):
            if value_withdraws(current, later):
                found.append((price.name_lv, later.effective_from, catalogue.price_items(price)))
            if value_withdraws(current, later) or value_changes(current, later):
                break
    return found


def _open(change: PlanChange) -> str:
    """The days a withdrawn value is „jāprecizē”: „no DD.MM.GGGG”, „… līdz …” when confirmed again (D330)."""
    return open_days(change.spans) or f"no {lvformat.date(change.day)}"


def withdrawn_clause(catalogue: Catalogue, day: dt.date) -> str:
    """What the console adds when B or 6.8 ceilings confirmed on ``day`` are „jāprecizē” again at the same number from a
    later day the catalogue already knows (catalogue_withdrawals, D302): no change – the prices' days above stay –, but
    the papers made from this matrix from then print blanks, as the 6.11 note says; "" when there is none."""
    withdrawn = catalogue_withdrawals(catalogue, day)
    # each from its day, until the day before a confirmation again (the spans, as 6.11's note, D330)
    parts = [f"{w.what} {_open(w)}" for w in withdrawn if w.items is None]
    # each item by its 6.8 label, not a count (D323): the worker sees which ceilings, and no count can be off
    labels = {o.id: o.label for o in catalogue.offers(day)}
    ceilings: dict[tuple[dt.date, str], list[str]] = {}
    for w in withdrawn:
        if w.items is not None:
            ceilings.setdefault((w.day, _open(w)), []).extend(labels.get(item, item) for item in sorted(w.items))
    parts += [f"griesti {'pozīcijai' if len(items) == 1 else 'pozīcijām'} {', '.join(f'„{x}”' for x in items)} "
              f"{when}" for (_, when), items in sorted(ceilings.items())]
    # a ceiling parameter (the group sessions' ceiling) withdrawn while the items it caps are „jāprecizē” anyway (the
    # transport reduction): no new blank, but it was withdrawn too – said, so that nothing the catalogue withdrew is
    # left out (D323)
    blanked = {item for w in withdrawn if w.items is not None for item in w.items}
    quiet = [f"„{name}” no {lvformat.date(d)}" for name, d, items in parameter_withdrawals(catalogue, day)
             if not blanked & set(items)]
    if not parts:
        return f"; {wording.again_open('katalogā')} {', '.join(quiet)}{_quiet(len(quiet))}" if quiet else ""
    if quiet:
        parts.append(f"{', '.join(quiet)}{_quiet(len(quiet))}")
    # one B (a singular noun) is one blank; ceilings („griesti”, plural) are blanks even for one item
    noun = wording.BASE if len(withdrawn) == 1 and withdrawn[0].items is None else wording.VALUES
    days = len({w.day for w in withdrawn})
    # confirmed again later (each of them – one without an end keeps „no … dienas”): the blanks only on the days named
    # (D330)
    again = all(len(w.spans) > 1 for w in withdrawn)
    when = (("tajās dienās" if len({w.spans for w in withdrawn}) == 1 else "attiecīgajās dienās") if again
            else f"no {'tās' if days == 1 else 'attiecīgās'} dienas")
    return (f"; {wording.again_open('katalogā')} {', '.join(parts)} – plānu tas neatsaka, bet "
            f"dokumentos, ko no šīs matricas izveido {when}, "
            f"{wording.blank(noun)} (6.11. tabulas piezīme, D302)")
