"""`ibm documents`: the document set (PDF, DOCX) and report workbooks for one or every pilot municipality."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli import CATALOGUE_OPTION, OUT_WRONG, load_for_command, refuse_unwritable, usage_error
from generator.ministry.console_names import ScreenedPath, shown_given
from generator.municipality_option import municipality_problem

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue
    from generator.documents.round_set import RoundSet

@click.command("documents", epilog=(
    "Izejas statuss: 0 – dokumenti izveidoti (ar --from-matrix – visiem bērniem dokumenti vai melnraksti, arī "
    "arhīva kopijas ar --arhivam); 1 – neizdevās (kļūdas katalogā, dokumenta vietā ir fails, ko šī komanda nav "
    "rakstījusi vai kas kopš tā mainīts, mapē nevar rakstīt; ar --from-matrix – vismaz viena matrica atteikta: "
    "kļūdas, nav IBM matrica, mainītas formulas, kataloga vērtība labota ar agrāku dienu, atbalsta plāna periods "
    "beidzies pirms izveides dienas un nav --arhivam); 2 – nepareizi komandas parametri (arī: --from-matrix mapē nav "
    f"nevienas matricas, {OUT_WRONG})."))
@CATALOGUE_OPTION
@click.option("--municipality", "municipality_ids", multiple=True, metavar="ID",
              help="Pašvaldības kods no kataloga (piem. jelgava), norāda vienu reizi; bez tā – visas bērnu "
                   "programmas kārtu pašvaldības, ar --round vai --day – visas šīs kārtas pašvaldības.")
@click.option("--out", "out_dir", type=ScreenedPath(path_type=Path, file_okay=False), default=None,
              help="Mape, kurā veidot lejupielades/dokumenti/ un lejupielades/atskaites/ (noklusējums: build); ar "
                   "--from-matrix – mape bērnu dokumentu mapēm (noklusējums: berna-dokumenti).")
@click.option("--from-matrix", "from_matrix", type=ScreenedPath(path_type=Path), default=None,
              help="Aizpildīta IBM matrica (.xlsx) vai mape ar tām: katram bērnam sava mape ar viņa dokumentiem "
                   "(01 līgums ar pielikumiem, 02 un 03 katram sniedzējam, 05, 07, 08 vai lēmums par atteikumu).")
@click.option("--draft", is_flag=True, default=False,
              help="Ar --from-matrix: izveidot melnrakstu apspriešanai – dokumentus ar atzīmi MELNRAKSTS katrā "
                   "lapā, arī matricai ar kļūdām (kļūdu saraksts titullapā); matricai bez kļūdām tie arī ir "
                   "melnraksts – parakstāmus dokumentus veido bez --draft (D252). Melnrakstu veido tikai plānam, kura periods vēl nav beidzies: "
                   "matricu, kuras periods jau beidzies, atsaka arī ar --draft – tai var izveidot tikai arhīva "
                   "kopiju (--arhivam; matricai ar kļūdām – --draft un --arhivam kopā, tad kopija ir arī "
                   "melnraksts).")
@click.option("--key-file", type=ScreenedPath(path_type=Path, dir_okay=False), default=None,
              help="Ar --from-matrix: pseidonimizācijas atslēgas fails (citādi vides mainīgais "
                   "IBM_PSEUDONIMA_ATSLEGA); bērna mapes nosaukums ir pseidonīms, bez atslēgas – faila nosaukums "
                   "(vai faila jaucējkods, ja nosaukumā ir bērna vai vecāka vārds, personas kods vai datums).")
@click.option("--round", "round_id", default=None, metavar="KĀRTA",
              help="Bez --from-matrix: bērnu programmas kārtas id no catalogue/rounds.yaml (piem. berni-2018), kurai "
                   "veidot pašvaldības atskaišu veidnes (ar tās mēnešiem un nosaukumu, arī ja kārta beigusies) un, "
                   "kamēr kārta nav beigusies, dokumentus ar tās termiņiem; kārtā jābūt pašvaldībai; mapes "
                   "<pašvaldība>-<kārta> (D125).")
@click.option("--day", type=click.DateTime(formats=["%d.%m.%Y"]), default=None, metavar="DD.MM.GGGG",
              help="Ar --from-matrix: dokumentu izveides diena (noklusējums: šodiena); matricu, kuras atbalsta plāna "
                   "periods beidzās pirms tās vai šodienas, atsaka (ja nav --arhivam), un programmas kārtas datumi, ja kārta tajā "
                   "jau beigusies, ir tukšas vietas. Bez --from-matrix: diena (DD.MM.GGGG) kādas bērnu kārtas "
                   "pakalpojumu laikā – kā --round tai kārtai, un dokumentu cenas ir šīs dienas cenas (ja diena jau "
                   "pagājusi – izveides dienas cenas, D132).")
@click.option("--arhivam", "archive", is_flag=True, default=False,
              help="Ar --from-matrix: matricai, kuras atbalsta plāna periods jau beidzies, neatteikt, bet izveidot "
                   "dokumentu ARHĪVA KOPIJU klienta lietas materiāliem – katrā lapā atzīme „ARHĪVA KOPIJA – NAV "
                   "PARAKSTĀMA”, atsevišķā mapē <bērna kods>-arhivs-<perioda sākums>; to neparaksta. Matricai ar "
                   "kļūdām – tikai kopā ar --draft (kopija ar atzīmi MELNRAKSTS).")
def documents(catalogue_dir: Path, municipality_ids: tuple[str, ...], out_dir: Path | None, from_matrix: Path | None,
              draft: bool, key_file: Path | None, day=None, archive: bool = False,  # noqa: ANN001
              round_id: str | None = None) -> None:
    """Izveido līgumus, veidlapas un vēstules (PDF un DOCX) un atskaišu veidnes (XLSX).

    Ar --from-matrix izveido viena bērna (vai katras mapes matricas bērna) dokumentus no aizpildītas IBM
    matricas; visas summas pārrēķina pēc matricas ievaddatiem.

    Ar --round vai --day pašvaldības atskaišu veidnes ir konkrētai bērnu programmas kārtai ar tās mēnešiem (arī
    beigušās kārtas novēlotiem pārskatiem), bet līgumus un citus parakstāmos dokumentus veido tikai kārtai, kas
    vēl nav beigusies (D125).
    """
    from jinja2 import UndefinedError

    from generator.interrupts import interrupt_once

    click.get_current_context().call_on_close(interrupt_once())  # a second Ctrl-C cannot cut the clean-up short
    # given twice, click would keep only the last and silently drop a municipality's set (audit19 F15)
    if len(municipality_ids) > 1:
        given = ", ".join(f"„{m}”" for m in municipality_ids)
        usage_error(f"--municipality norādīts vairākkārt ({given}); gaidīts: viena pašvaldība vai neviena "
                    "(tad – visas). Katrai pašvaldībai palaidiet komandu atsevišķi.")
    municipality_id = municipality_ids[0] if municipality_ids else None
    if from_matrix is not None:
        if round_id is not None:
            usage_error(f"--round „{round_id}” izmanto tikai bez --from-matrix (matricas kārtu nosaka tās plāna "
                        "periods)")
        from generator.documents.from_matrix.command import from_matrix_command

        sys.exit(from_matrix_command(catalogue_dir, from_matrix, out_dir, draft, key_file, municipality_id,
                                     day.date() if day is not None else None, archive=archive))
    given = [name for name, on in (("--draft", draft), ("--key-file", key_file is not None), ("--arhivam", archive))
             if on]
    if given:  # only the options given are named (audit35b F9h)
        names = given[0] if len(given) == 1 else f"{', '.join(given[:-1])} un {given[-1]}"
        usage_error(f"{names} izmanto tikai kopā ar --from-matrix")
    if round_id is not None and day is not None:
        usage_error("--round un --day kopā nelieto (gaidīts: viens no tiem – kārta vai diena tās pakalpojumu laikā)")
    plan_day = None if day is None else day.date()
    out_dir = out_dir or Path("build")
    from generator.ministry.writable import unwritable_folder

    # the user's folder named before any paper is made, not a temporary folder in it (audit35b F9c)
    refuse_unwritable(unwritable_folder(out_dir))

    from generator.documents.build_step import documents_written, render_documents
    from generator.documents.round_set import (
        RoundChoiceError,
        choose_round,
        ended_note,
        past_day_note,
        render_round_set,
        round_set_written,
    )

    catalogue = load_for_command(catalogue_dir)
    if municipality_id is not None:
        problem = municipality_problem(catalogue, municipality_id)
        if problem is not None:
            usage_error(problem)  # the same line as `ibm matrix` prints, with the --help pointer (audit28 F9)
    chosen = None
    if round_id is not None or plan_day is not None:
        try:
            chosen = choose_round(catalogue, round_id, plan_day, municipality_id)
        except RoundChoiceError as exc:
            usage_error(str(exc))  # a wrong parameter: the one line with the --help pointer, as --municipality's
    from generator.documents.staged_output import DOCUMENTS_MANIFEST, NotOwnFile, OutputTaken, render_staged
    from generator.replace_file import PreviousAside

    today = dt.date.today()  # one build day for the files and the lines said about them (review1 F4)

    def render(staging: Path) -> list[Path]:
        if chosen is not None:
            return render_round_set(catalogue, chosen, staging, click.echo, build_date=today)
        return render_documents(catalogue, staging, progress=click.echo, municipality_id=municipality_id,
                                build_date=today)

    # an own file changed since is refused before anything is rendered, as `ibm build` refuses it (audit37a F13)
    may_write = (round_set_written(chosen, today) if chosen is not None
                 else documents_written(catalogue, out_dir, municipality_id, today))
    try:
        written = render_staged(out_dir, render, manifest=DOCUMENTS_MANIFEST, may_write=may_write)
    except UndefinedError as exc:
        click.echo(f"Kļūda: veidnē trūkst mainīgā: {exc.message} (templates/dokumenti/); iepriekšējie faili nav "
                   "mainīti.", err=True)
        sys.exit(1)
    except (NotOwnFile, PreviousAside) as exc:  # PreviousAside: a failed swap names where the previous files are
        click.echo(f"Kļūda: {exc}.", err=True)
        sys.exit(1)
    except OutputTaken as exc:
        click.echo(f"Kļūda: dokumentu vietā ir mape vai saite, ko ibm documents neaizstāj: {exc}; nekas nav "
                   "mainīts.", err=True)
        sys.exit(1)
    if chosen is not None and chosen.ended(today):
        click.echo(ended_note(chosen))
    else:
        if chosen is not None and (note := past_day_note(chosen, today)) is not None:
            click.echo(note)
        _warn_passed_deadline(catalogue, chosen, municipality_id, today)
    click.echo(f"Gatavs: {len(written)} faili mapē {shown_given(out_dir)}/lejupielades/.")  # screened (D382)


def _warn_passed_deadline(catalogue: Catalogue, chosen: RoundSet | None, municipality_id: str | None,
                          today: dt.date) -> None:
    """One line for each distinct round whose papers were made and whose confirmed application deadline has
    passed (round_rules.passed_deadline_warning): the chosen round, else each rendered municipality's own running
    round (D113) – every pilot municipality's without --municipality (review1 F1)."""
    from generator.documents import terms
    from generator.documents.round_rules import municipalities_deadline_warnings, passed_deadline_warnings

    if chosen is not None:
        lines = passed_deadline_warnings(catalogue, [terms.plan_round(catalogue, chosen.round_id)], today)
    else:
        lines = municipalities_deadline_warnings(catalogue, [municipality_id] if municipality_id is not None else None,
                                                 today)
    for line in lines:
        click.echo(line)
