"""The ministry's commands: `ibm collect`, `ibm migrate` and `ibm fingerprint` (Latvian messages)."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import lvformat
from generator.cli import CATALOGUE_OPTION, OUT_WRONG, absolute_out, load_for_command, usage_error
from generator.lvformat import eur
from generator.lvformat import version as shown_version
from generator.ministry.console_names import ScreenedPath, shown_given
from generator.withdrawn_wording import PRICE, confirmed, not_confirmed

if TYPE_CHECKING:  # imported lazily at run time: the command's own imports are slow (the CLI lists commands fast)
    from generator.reference.final_amounts import FinalAmounts


KEY_FILE_OPTION = click.option(
    "--key-file", type=ScreenedPath(path_type=Path, dir_okay=False), default=None,
    help="Fails ar pseidonimizācijas atslēgu (citādi vides mainīgais IBM_PSEUDONIMA_ATSLEGA).",
)
# readable=False: a file that exists but cannot be read is said by _check_registry as a broken one (status 1, before
# any matrix is read); click's own check would make it a parameter error (status 2, README)
REGISTRY_OPTION = click.option(
    "--registry", type=ScreenedPath(path_type=Path, dir_okay=False, readable=False), default=None,
    help="Veidņu nospiedumu reģistrs (noklusējums: generator/ministry/template_registry.json).",
)

# the blank matrices of older template versions (`ibm collect` and `ibm migrate` check such a version's formulas by
# them when the registry lacks it, D309, D311); a missing folder is said by _check_templates
TEMPLATES_OPTION = click.option(
    "--templates", "template_dirs", multiple=True, type=ScreenedPath(path_type=Path, file_okay=False),
    help="Mape ar iepriekšējo versiju matricu veidnēm (piem. iepriekšējā ibm build mape build/lejupielades/matrica/).",
)


# Exit statuses of `ibm collect` (also in its --help and the README); 2 is click's usage error.
EXIT_ALL_USED = 0  # outputs written, every file used
EXIT_NOTHING_WRITTEN = 1  # nothing written (bad options, no usable matrix, outputs could not be written)
EXIT_SOME_REFUSED = 3  # outputs written, but some files (this or the previous period) were refused


def _own_open_prices(own: int, lines: int, withdrawn: int = 0, by_day: int = 0) -> str:
    """Of the ``lines`` under an unconfirmed ceiling, the ``own`` that keep the catalogue's own „jāprecizē" price:
    no provider's price to check, N may go up or down once the price is confirmed (ceiling_advice, D297). Of them
    ``withdrawn`` were „apstiprināts” once and are „jāprecizē” again (D302, D334) – ``by_day`` of them already on the
    matrix's prices day (D342), the others after it: not „vēl neapstiprinātā” for those – „atkal”, when all are such,
    with „matricas cenu dienā” as it holds for all, else neither word."""
    if not own:
        return ""
    # where the price is, in the locative like the rows it names: in it, in all of them, in N of them
    which = ("tajā" if lines == 1 else "visās" if own == lines
             else f"no tām {own} {_agree(own, 'rindā', 'rindās')}")
    if withdrawn == own and by_day == own:  # withdrawn by the matrix's own day: unconfirmed on it already
        status = f"cena, kas bija {confirmed(PRICE)}, bet jau matricas cenu dienā {not_confirmed(PRICE, again=True)}"
        after = "pēc tās atkārtotas apstiprināšanas"
    elif withdrawn == own and by_day:
        status = f"cena, kas bija {confirmed(PRICE)}, bet {not_confirmed(PRICE, again=True)}"
        after = "pēc tās atkārtotas apstiprināšanas"
    elif withdrawn == own:
        status = f"cena, kas matricas cenu dienā bija {confirmed(PRICE)}, bet {not_confirmed(PRICE, again=True)}"
        after = "pēc tās atkārtotas apstiprināšanas"
    else:
        status = "vēl neapstiprinātā cena" if not withdrawn else "neapstiprinātā cena"
        after = "pēc tās apstiprināšanas"
    return (f" ({which} ir pati kataloga {status}, nevis sniedzēja cena, tāpēc bērna N {after} var gan "
            "palielināties, gan samazināties)")


def _agree(n: int, one: str, many: str) -> str:
    """The word form agreeing with ``n`` (Latvian: 1, 21, 31… take the singular; 11 does not)."""
    return lvformat.agree(n, one, many)


EXIT_USAGE = 2  # a missing file or folder, an invalid value of an option (README „Izejas statuss”)

# each help's last paragraph (audit35b F10), in the order 0, 1, 2, 3
COLLECT_EXIT_TEXT = (
    "Izejas statuss: 0 – rezultāti uzrakstīti, izmantoti visi faili; 1 – nekas netika uzrakstīts (iepriekšējie "
    "rezultāti nav mainīti; ja tos nevar atlikt atpakaļ, paziņojums nosauc mapi, kurā tie saglabāti); 2 – nepareizi "
    "komandas parametri (arī: MAPE vai --previous mapē nav nevienas izklājlapas, --previous pārklājas ar MAPE, --out "
    f"vai tā mape galigie-apmeri/ pārklājas ar MAPE vai --previous, {OUT_WRONG}); 3 – rezultāti uzrakstīti, bet "
    "daži faili neizmantoti (tie uzskaitīti). Ctrl-C rezultātu nomaiņas laikā nomaiņu nepārtrauc: rezultāti ir "
    "uzrakstīti, un statuss ir 0 vai 3.")
MIGRATE_EXIT_TEXT = (
    "Izejas statuss: 0 – visas pārnestas; 1 – vismaz viena atteikta (tai nekas netika uzrakstīts), mapē nevar "
    "rakstīt vai --registry fails ir bojāts vai nenolasāms (pirms pārnešanas); 2 – nepareizi komandas parametri "
    "(arī: VECA nav atrasta vai tajā nav nevienas .xlsx matricas, --out ir tā pati matrica, nav .xlsx fails vai ir "
    f"mape (ja VECA ir fails), nav mape (ja VECA ir mape), {OUT_WRONG}, --templates mape vai --registry fails nav "
    "atrasts).")
FINGERPRINT_EXIT_TEXT = (
    "Izejas statuss: 0 – versija pievienota, aizstāta vai jau reģistrēta tieši tāda pati; 1 – šī versija jau "
    "reģistrēta ar citu veidni, --registry fails ir bojāts vai nenolasāms vai reģistra mapē nevar rakstīt (nekas "
    "nav mainīts); 2 – nepareizi komandas parametri (arī: --registry fails nav atrasts un nav norādīts "
    "--new-registry, --registry ceļā ir fails, nevis mape).")


def _fail(message: str) -> None:
    end = "" if message.rstrip().endswith((".", "!", "?")) else "."  # a sentence, as every command's „Kļūda: …”
    click.echo(f"Kļūda: {message}{end}", err=True)
    sys.exit(EXIT_NOTHING_WRITTEN)


def _usage(message: str) -> None:
    """A wrong parameter: one line with the `--help` hint, status 2, before any work (cli.usage_error)."""
    usage_error(message)


def _check_previous(folder: Path, previous: Path | None) -> None:
    """Before any work (audit35b F9g): --previous overlapping MAPE – the same folder, or one inside the other – would
    count the same matrices as both periods' (status 2), and a folder without a single spreadsheet, MAPE or
    --previous, is a wrong folder given (status 2, as `ibm documents --from-matrix` and `ibm migrate` say it)."""
    from generator.ministry.collect import find_workbooks, other_files

    if previous is not None:
        here, before = folder.resolve(), previous.resolve()
        overlap = ("ir tā pati mape, kas MAPE" if here == before else "ir mapē MAPE" if here in before.parents
                   else "satur mapi MAPE" if before in here.parents else None)
        if overlap is not None:
            _usage(f"--previous „{shown_given(previous)}” {overlap} „{shown_given(folder)}” (gaidīts: atsevišķa iepriekšējā pārskata perioda "
                   "matricu mape)")
    for option, given in (("MAPE", folder), ("--previous", previous)):
        if given is not None and not find_workbooks(given):
            _usage(f"{option}: mapē „{shown_given(given)}” nav nevienas izklājlapas (gaidīts: aizpildītas IBM matricas .xlsx)"
                   f"{other_files(given)}")


def _not_folder(given: Path) -> str:
    return "ir fails, nevis mape" if given.exists() else "nav atrasta"


def _check_templates(template_dirs: tuple[Path, ...]) -> None:
    """Each --templates folder exists (`ibm collect`, `ibm migrate`): else a parameter error (status 2, D121)."""
    for given in template_dirs:
        if not given.is_dir():
            _usage(f"--templates „{shown_given(given)}”: mape {_not_folder(given)}")


def _check_registry(registry: Path | None, *, must_exist: bool) -> None:
    """An explicit --registry that is missing (status 2) or broken or unreadable (status 1) stops the command before any matrix
    is read: it would otherwise refuse valid old-template matrices as if they were at fault."""
    from generator.ministry.templates import RegistryError, load_registry

    if registry is None:
        return
    if must_exist and not registry.is_file():
        _usage(f"--registry „{shown_given(registry)}”: fails nav atrasts (gaidīts: veidņu reģistrs, ko raksta „ibm fingerprint”)")
    try:
        load_registry(registry)
    except RegistryError as exc:
        _fail(f"--registry: {exc}; nekas netika uzrakstīts")


def os_reason(exc: OSError) -> str:
    """A Latvian reason for a failed file operation (no traceback, no English)."""
    import errno

    reasons = {errno.EACCES: "nav piekļuves tiesību", errno.EPERM: "darbība nav atļauta",
               errno.EROFS: "failu sistēma ir tikai lasāma", errno.ENOSPC: "diskā nav brīvas vietas",
               errno.ENOENT: "fails vai mape nav atrasta", errno.EEXIST: "fails jau ir",
               errno.ENOTDIR: "ceļā ir fails, kur vajag mapi", errno.EISDIR: "ceļš ir mape, nevis fails",
               errno.EXDEV: "pārvietošana starp diskiem nav iespējama", errno.ENAMETOOLONG: "pārāk garš nosaukums"}
    where = f" ({shown_given(exc.filename)})" if exc.filename else ""  # a user path: screened
    return reasons.get(exc.errno or 0, f"sistēmas kļūda {exc.errno}") + where


def _print_refused(title: str, refused: list, folder: Path | None = None) -> None:
    from generator.ministry.collect import hashed_name
    from generator.ministry.console_names import UNREADABLE

    if refused:
        click.echo(f"{title} ({len(refused)}):", err=True)
        for r in refused:
            for reason in r.reasons:
                click.echo(f"  {r.path}: {reason}", err=True)
    # a file shown by its label (D221) is found by it: the on-screen hint, not only the README's (audit37a F12)
    labels = {r.source.rpartition("/")[2] for r in refused if r.path.rpartition("/")[2] == hashed_name(r.path, r.source)}
    hints = []
    where = shown_given(folder) if folder is not None else ""  # MAPE as the user gave it, screened (D360)
    if folder is not None and where != Path(folder).as_posix():
        where = "MAPE"  # a screened folder („/x/…”) would make the hint a command nobody can run: the argument's name
    if any(not label.startswith(UNREADABLE) for label in labels):
        hints.append(f"faili, kas parādīti kā matrica-<SHA-256 sākums>, atrodami ar sha256sum mapē {where} (faila "
                     "SHA-256 sākas ar šiem cipariem)")
    if any(label.startswith(UNREADABLE + "-") for label in labels):
        hints.append(f"nenolasāmi faili un saites, kas parādīti kā matrica-{UNREADABLE}-<numurs>, – ar find "
                     f"{shlex.quote(where)} -inum <numurs>")
    if hints and folder is not None:
        click.echo(f"Piezīme: {'; '.join(hints)}.", err=True)


def _amount(text: str | None, option: str) -> Decimal | None:
    if text is None:
        return None
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".").removesuffix("EUR")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        _usage(f"{option} „{text}” nav summa (gaidīts: EUR, piem. 300000 vai 300 000,00)")
    assert value is not None
    if value != value.quantize(Decimal("0.01")):
        _usage(f"{option} „{text}” nav veselos centos (gaidīts: EUR ar ne vairāk kā diviem cipariem aiz komata, "
              "piem. 2000,01); centa daļas nevar sadalīt")
    return value.quantize(Decimal("0.01"))


@click.command(epilog=COLLECT_EXIT_TEXT)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=ScreenedPath(path_type=Path, dir_okay=False),
              help="Kopsavilkuma darbgrāmata (.xlsx); blakus tiek izveidota mape galigie-apmeri/.",
              callback=absolute_out)
@click.option("--envelope", default=None, metavar="EUR",
              help="Programmas kārtas finansējums periodam, EUR (noklusējums: bāzes apmērs × bērnu skaits).")
@click.option("--previous", type=click.Path(path_type=Path), default=None, metavar="MAPE",
              help="Iepriekšējā perioda matricu mape (neapgūtajam finansējumam): tikai tā pārskata perioda matricas, "
                   "kas ir tieši pirms savāktā; cita perioda mapi atsaka.")
@click.option("--split", type=click.Choice(["needed", "gap"]), default=None,
              help="Pārdales atslēga: needed – proporcionāli N, gap – proporcionāli N − P (noklusējums: katalogā).")
@KEY_FILE_OPTION
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Paralēlo procesu skaits (noklusējums: kodolu skaits).")
@TEMPLATES_OPTION
@REGISTRY_OPTION
@click.option("--cache/--no-cache", "use_cache", default=True,
              help="Nemainītu failu rezultātus ņemt no kešatmiņas blakus kopsavilkumam (.ibm-collect-cache.sqlite).")
@CATALOGUE_OPTION
def collect(folder: Path, out: Path, envelope: str | None, previous: Path | None, split: str | None,
            key_file: Path | None, jobs: int | None, template_dirs: tuple[Path, ...], registry: Path | None,
            use_cache: bool, catalogue_dir: Path) -> None:
    """Savāc aizpildītās IBM matricas, pārrēķina tās, aprēķina galīgos apmērus un uzraksta kopsavilkumu."""
    from generator.interrupts import interrupt_once, interrupts_held
    from generator.ministry.aggregate import unspread_children
    from generator.ministry.cache import CACHE_NAME, ResultCache
    from generator.ministry.collect import CollectError, Options
    from generator.ministry.collect import collect as run
    from generator.ministry.collected_round import round_municipalities
    from generator.ministry.output import FINAL_DIR, OutputError, check_ownership, check_paths, write_outputs
    from generator.ministry.pseudonym import KeyError_, load_key
    from generator.ministry.summary_money import UNSPREAD_LABEL
    from generator.ministry.templates import TemplateSource
    from generator.ministry.writable import unwritable_reason
    from generator.replace_file import PreviousAside, late_interrupt, leftovers, say_leftovers

    click.get_current_context().call_on_close(interrupt_once())  # a second Ctrl-C cannot cut the clean-up short
    if out.suffix.lower() != ".xlsx":
        _usage(f"--out „{shown_given(out)}”: kopsavilkumam vajag .xlsx failu")
    for option, given in (("MAPE", folder), ("--previous", previous)):
        if given is not None and not given.is_dir():
            _usage(f"{option} „{shown_given(given)}” {_not_folder(given)} (gaidīts: mape ar pašvaldību matricām apakšmapēs)")
    _check_templates(template_dirs)
    _check_previous(folder, previous)
    _check_registry(registry, must_exist=True)
    try:
        key = load_key(key_file, note=lambda text: click.echo(f"Piezīme: {text}.", err=True))
    except KeyError_ as exc:
        _usage(str(exc))
    amount = _amount(envelope, "--envelope")
    # each folder by its own role: the previous period's folder is not the collected one (audit27b F2)
    for source, role in ((folder, "savācamajā mapē"), (previous, "iepriekšējā perioda mapē (--previous)")):
        if source is not None and source.resolve() in out.resolve().parents:
            # two parameters that contradict each other, found before any work: a parameter error (README, audit21 F14)
            _usage(f"--out „{shown_given(out)}” ir {role} „{shown_given(source)}”: kopsavilkumu tajā nedrīkst rakstīt – norādiet "
                   "--out ārpus tās")
    if out.is_file() and not out.stat().st_mode & 0o222:  # write-protected by its owner: respected (audit15 F15)
        _fail(f"kopsavilkums {shown_given(out)} ir aizsargāts pret rakstīšanu (tikai lasāms); nekas netika uzrakstīts – noņemiet "
              "aizsardzību vai izvēlieties citu --out")
    try:  # --out overlapping a collected folder contradicts it: a parameter error, status 2 (audit37 F8)
        check_paths(out, [("MAPE", folder)] + ([("--previous", previous)] if previous is not None else []))
    except OutputError as exc:
        _usage(f"{exc}; nekas netika uzrakstīts")
    try:
        check_ownership(out)
        say_leftovers(leftovers(out.parent))  # review3 F7 (to stderr)
        if (unwritable := unwritable_reason(out)) is not None:  # before reading any matrix
            if unwritable.parameter:  # a file on the way, or /proc: a wrong --out (status 2, audit35b F9g)
                _usage(unwritable)
            raise OutputError(unwritable)
    except OutputError as exc:
        _fail(f"{exc}; nekas netika uzrakstīts")
    except OSError as exc:
        _fail(f"nevar pārbaudīt iepriekšējos rezultātus: {os_reason(exc)}; nekas netika uzrakstīts")
    from generator.ministry.open_files import open_outputs

    for shown, program in open_outputs(out):  # replaced under an open window (ministrycheck F4)
        click.echo(f"Brīdinājums: {shown} ir atvērts {program}: savākšana to aizstās, bet atvērtajā logā paliks "
                   "iepriekšējais saturs – aizveriet to nesaglabājot un atveriet no jauna (saglabājot tiktu pārrakstīti "
                   "jaunie rezultāti)", err=True)
    catalogue = load_for_command(catalogue_dir)
    # the collection's day, once: B's status is read on it (D296) and the summary is dated with it
    today = dt.date.today()
    templates = TemplateSource(catalogue, registry, template_dirs)
    step = {"last": -1}

    def progress(label: str):
        def show(i: int, n: int, rel: str) -> None:
            percent = i * 100 // n
            if percent // 5 != step["last"] or i == n:
                step["last"] = percent // 5
                click.echo(f"{label}: {i}/{n} ({percent} %)", err=True)
        return show

    cache = ResultCache(out.parent / CACHE_NAME, key, templates.fingerprint()) if use_cache else None
    if cache is not None and cache.problem:
        click.echo(f"Piezīme: {cache.problem}", err=True)
    kept_template = cache.template_loader(templates.current_version) if cache is not None else None
    if kept_template is not None:
        templates.use_current_later(kept_template)  # unpickled only if a file of that version is read
    try:
        result = run(folder, catalogue, key, Options(amount, previous, split, jobs, today), templates=templates,
                     progress=progress("Lasa matricas"), previous_progress=progress("Lasa iepriekšējā perioda matricas"),
                     cache=cache, hash_progress=progress("Salīdzina failus ar kešatmiņu"),
                     say=lambda text: click.echo(text, err=True))
    except CollectError as exc:
        _print_refused("Neizmantotās matricas", exc.refused, folder)
        _fail(str(exc) + "; nekas netika uzrakstīts")
    _print_refused("Neizmantotās matricas", result.refused, folder)
    _print_refused("Neizmantotās iepriekšējā perioda matricas", result.previous_refused, previous)
    for note in result.notes:
        click.echo(f"Piezīme: {note}", err=True)
    from generator.ministry.collect import SHOWN_FILES
    from generator.ministry.final_status import STATUS_CEILING, STATUS_ERRORS, ceiling_warnings, has_errors
    from generator.ministry.summary_book import SHEET_CEILINGS

    with_errors = [r for r in result.records if has_errors(r)]
    if with_errors:
        n = len(with_errors)
        files = ", ".join(result.shown.get(r.code, r.source) for r in with_errors[:SHOWN_FILES])
        files += f" un vēl {n - SHOWN_FILES}" if n > SHOWN_FILES else ""
        click.echo(f"Brīdinājums: {n} {_agree(n, 'izmantotajā matricā', 'izmantotajās matricās')} ir noteikumu kļūdas "
                   f"({files}; katra kļūda ar vietu matricā – lapā „Noteikumu kļūdas”; skaits – lapas „Bērni” kolonnā "
                   f"„Kļūdu skaits”); apmēri aprēķināti, kā matricā ievadīts, bet {_agree(n, 'šī bērna', 'šo bērnu')} F "
                   f"CSV failā nav (statuss "
                   f"„{STATUS_ERRORS}”), un pārējo bērnu F ir provizoriski, jo šo bērnu N ir pārdales aprēķinā – kamēr "
                   "matricas nav izlabotas un savāktas vēlreiz.", err=True)
    ceiling_lines = [len(ceiling_warnings(r)) for r in result.records]
    if sum(ceiling_lines):
        from generator.ministry.ceiling_advice import own_open_price, withdrawn_on_or_before_day

        lines, matrices = sum(ceiling_lines), sum(1 for n in ceiling_lines if n)
        owned = [(r, f) for r in result.records for f in ceiling_warnings(r) if own_open_price(r, f, catalogue)]
        own, withdrawn = len(owned), sum(1 for _, f in owned if f.withdrawn_from is not None)
        by_day = sum(1 for r, f in owned if withdrawn_on_or_before_day(r, f))
        click.echo(f"Brīdinājums: {matrices} {_agree(matrices, 'izmantotajā matricā', 'izmantotajās matricās')} "
                   f"{_agree(lines, f'ir {lines} plāna rinda', f'ir {lines} plāna rindas')} ar cenu, kuras griesti "
                   f"katalogā nav apstiprināti{_own_open_prices(own, lines, withdrawn, by_day)}: bērna F, kas balstās uz tādu cenu, nav "
                   "galīgs (statuss "
                   f"„{STATUS_CEILING}”, kamēr griesti nav apstiprināti) – katra rinda ar F statusu lapā „{SHEET_CEILINGS}”.",
                   err=True)
    from generator.ministry.final_status import (
        IMPLAUSIBLE_WARNING,
        NO_PRICE_WARNING,
        STATUS_IMPLAUSIBLE,
        STATUS_NO_PRICE,
        no_price_warnings,
    )
    from generator.ministry.summary_book import SHEET_WARNINGS
    from generator.ministry.summary_findings import listed_warnings
    from generator.workbook.texts import PRICE_TYPED

    # D148 lines are in N and so in the pool split (audit31 F4): the same count as the summary's row
    listed = [sum(1 for f in listed_warnings(r) if f.code not in (NO_PRICE_WARNING, IMPLAUSIBLE_WARNING))
              for r in result.records]
    lines, above = sum(listed), sum(1 for n in listed if n)
    # a line with a price of 0,00 is not in N: that child's F is not final (D364), each line on the same sheet
    no_price = [len(no_price_warnings(r)) for r in result.records]
    if (priceless := sum(no_price)):
        matrices = sum(1 for n in no_price if n)
        click.echo(f"Brīdinājums: {matrices} {_agree(matrices, 'izmantotajā matricā', 'izmantotajās matricās')} "
                   f"{_agree(priceless, f'ir {priceless} plāna rinda', f'ir {priceless} plāna rindas')} ar sniedzēja "
                   f"cenu 0,00 – sniedzēja cenas vēl nav, tāpēc N {_agree(priceless, 'to', 'tās')} neietver: bērna F "
                   f"nav galīgs (statuss „{STATUS_NO_PRICE}”, kamēr cena nav ierakstīta {PRICE_TYPED}) – katra "
                   f"rinda lapā „{SHEET_WARNINGS}”.", err=True)
    # D370: a price above its unit's plausible highest may be a typo that makes N many times larger
    implausible = [sum(1 for f in listed_warnings(r) if f.code == IMPLAUSIBLE_WARNING) for r in result.records]
    if (typos := sum(implausible)):
        matrices = sum(1 for n in implausible if n)
        click.echo(f"Brīdinājums: {matrices} {_agree(matrices, 'izmantotajā matricā', 'izmantotajās matricās')} "
                   f"{_agree(typos, f'ir {typos} plāna rinda, kuras', f'ir {typos} plāna rindas, kuru')} sniedzēja cena "
                   "pārsniedz ticamo tās mērvienībai, un cenas griestu nav – jāpārbauda, vai cena ierakstīta pareizi "
                   f"(tā ieskaitīta N): bērna F nav galīgs (statuss „{STATUS_IMPLAUSIBLE}”, kamēr cena ir virs "
                   f"ticamās) – katra rinda lapā „{SHEET_WARNINGS}”.", err=True)
    if lines:
        which = _agree(lines, f"ir {lines} plāna rinda, kuras summa viena pati pārsniedz P; tā ieskaitīta",
                       f"ir {lines} plāna rindas, kurām katrai summa viena pati pārsniedz P; tās ieskaitītas")
        click.echo(f"Brīdinājums: {above} {_agree(above, 'izmantotajā matricā', 'izmantotajās matricās')} {which} N "
                   f"un ietekmē pārdali – katra rinda lapā „{SHEET_WARNINGS}”.", err=True)
    if result.stale:
        files = len({s.source for s in result.stale})
        old = len({s.source for s in result.stale if s.reason})  # a check the file's template lacked (audit31 F2)
        why = [] if old == files else ["novecojis vai labots fails"]
        if old:
            why.append(f"{old} {_agree(old, 'failā', 'failos')} – matricas veidnē vēl nebija kādas no jaunajām "
                       "pārbaudēm, sk. kolonnu „Iemesls”")
        click.echo(f"Brīdinājums: {files} {_agree(files, 'failā', 'failos')} saglabātās vērtības atšķiras no "
                   f"pārrēķinātajām ({'; '.join(why)}); izmantotas pārrēķinātās, sk. lapu „Atšķirības”.", err=True)
    for warning in result.warnings:
        click.echo(f"Brīdinājums: {warning}", err=True)
    for u in unspread_children(result.records):  # D123: the IB part the months do not take is shown apart
        click.echo(f"Brīdinājums: {result.shown.get(u.code, u.source)} (bērns {u.code}): plāna IB daļa {eur(u.ib_part)} ir lielāka par to, kas "
                   f"plānots pa mēnešiem; naudas plūsmas mēnešos iekļauts {eur(u.spread)}, bet {eur(u.rest)} ir rindā "
                   f"„{UNSPREAD_LABEL}” (pārbaudiet matricas 6.6. tabulas sadalījumu pa mēnešiem).", err=True)
    said: list[str] = []

    def say(text: str) -> None:
        said.append(text)
        click.echo(text, err=True)

    try:
        book, agg, csvs = write_outputs(out, result, catalogue, round_municipalities(catalogue, result.period_start),
                                     today=today, say=say)
    except OutputError as exc:
        _fail(f"{exc}; nekas netika uzrakstīts")
    except PreviousAside as exc:  # the swap failed and could not move every previous output back
        _fail(f"rezultātus nevar uzrakstīt: {exc}")
    except OSError as exc:
        _fail(f"rezultātus nevar uzrakstīt: {os_reason(exc)}; iepriekšējie rezultāti nav mainīti")
    # The outputs are in place: the run is finished, so the rest (the cache's commit – an SQLite transaction that
    # may take seconds – and the summary lines) is not cut short by a Ctrl-C, which is only named (D133, review3 F5).
    status = 0
    with interrupts_held(take=False) as held:
        if cache is not None:
            if not cache.has_template(templates.current_version) and templates.has_current:
                cache.put_template(templates.current_version, templates.current())
            if cache.hits:
                click.echo(f"No kešatmiņas ({CACHE_NAME}): {cache.hits} nemainīti faili; nolasīti no jauna: "
                           f"{cache.misses}.", err=True)
            cache.commit()
            cache.close()
        fa = result.finals
        # Σ F is provisional as soon as one F in it is: every F (an unconfirmed B, rule errors) or a child's own over
        # an unconfirmed ceiling – also one withdrawn at the same figure (D330)
        provisional = " (provizorisks)" if result.sum_provisional else ""
        # the analyst's own figure; a default one is provisional while it rests on an unconfirmed B (D117)
        typed = " (norādīts ar --envelope)" if amount is not None else " (provizorisks)" if result.provisional else ""
        click.echo(
            f"{_agree(len(result.records), 'Izmantota', 'Izmantotas')} {len(result.records)} "
            f"{_agree(len(result.records), 'matrica', 'matricas')}, {_agree(len(result.refused), 'neizmantota', 'neizmantotas')} "
            f"{len(result.refused)}{previous_counts(result)}; "
            + (f"programmas kārta {result.round_name}, " if result.round_name else "")
            + f"pārskata periods {result.period}. "
            f"Finansējums {eur(fa.envelope)}{typed}, pārdales fonds {eur(fa.pool)}, sadalīts {eur(fa.distributed)}, "
            f"nesadalīts {eur(fa.unallocated)}; Σ F = {eur(agg.pilot.final)}{provisional}{_in_csv(result)}."
        )
        if result.round_envelope:  # the catalogue's envelope beside the default funding; the amount rule unchanged
            click.echo(f"Piezīme: {result.round_envelope}.")
        if (warning := envelope_warning(fa, agg.pilot.final, typed)) is not None:
            click.echo(warning, err=True)
        if result.envelope_warning:
            click.echo(f"Brīdinājums: {result.envelope_warning}.", err=True)
        for reason in (result.provisional, result.errors_reason):
            if reason:
                click.echo(f"Uzmanību: {reason}.")
        if result.base_confirmed:  # B's status on the collection's day (D296)
            click.echo(f"Piezīme: {result.base_confirmed}.")
        if book.changes is not None:  # what the new result changes against the one it replaced (D362)
            from generator.ministry.changes import console_lines

            for line in console_lines(book.changes):
                click.echo(line)
        click.echo(f"Kopsavilkums: {shown_given(out, output=True)}; galīgie apmēri: {shown_given(out.parent / FINAL_DIR)}/ ({len(csvs)} {_agree(len(csvs), 'fails', 'faili')}).")
        if result.refused or result.previous_refused:
            unused = len(result.refused) + len(result.previous_refused)
            # which folder they are in, as the first line counts them (audit33a F5)
            where = (f": savācamajā mapē {len(result.refused)}, iepriekšējā perioda mapē {len(result.previous_refused)}"
                     if result.previous_folder is not None else "")
            click.echo(f"{_agree(unused, 'Neizmantots', 'Neizmantoti')} {unused} {_agree(unused, 'fails', 'faili')}"
                       f"{where} (sk. sarakstu augstāk); izejas statuss {EXIT_SOME_REFUSED}.", err=True)
            status = EXIT_SOME_REFUSED
    if held.came and late_interrupt() not in said:  # named once, also after a Ctrl-C during the swap
        click.echo(late_interrupt(), err=True)
    if status:
        sys.exit(status)


def previous_counts(result) -> str:  # noqa: ANN001 - a Collection (imported lazily)
    """The --previous folder's used and unused matrices, for the summary line: its unused files are counted apart
    from this folder's (audit33a F5)."""
    if result.previous_folder is None:
        return ""
    used, unused = len(result.previous_records), len(result.previous_refused)
    return (f" (iepriekšējā perioda mapē {_agree(used, 'izmantota', 'izmantotas')} {used}, "
            f"{_agree(unused, 'neizmantota', 'neizmantotas')} {unused})")


def envelope_warning(fa: FinalAmounts, final_total: Decimal, typed: str) -> str | None:
    """The envelope is smaller than the children's Σ min(N, P) alone (audit27 F10), worded from the reference's
    own figures: with no pool every F is min(N, P); with --previous a pool may still exist, made only of the
    previous period's unspent money (D7, review6 F12). None when the envelope covers Σ min(N, P)."""
    if fa.stage2_total <= fa.envelope:
        return None
    if fa.pool > 0:
        pool = (f"pārdales fonds {eur(fa.pool)} veidojas tikai no iepriekšējā perioda neizlietotajiem līdzekļiem "
                f"({eur(fa.underspend)}), un to sadala bērniem, kuru N ir lielāks par P")
    else:
        pool = "pārdales fonda nav, un katra bērna F ir mazākais no viņa N un P"
    return (f"Brīdinājums: Σ F {eur(final_total)} pārsniedz finansējumu {eur(fa.envelope)}{typed}: jau bērnu "
            f"Σ min(N, P) {eur(fa.stage2_total)} to pārsniedz; {pool} – pārbaudiet finansējuma summu un bērnu skaitu.")


@click.command(epilog=MIGRATE_EXIT_TEXT)
@click.argument("old", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Jaunā matrica (.xlsx) vai, ja VECA ir mape, mape jaunajām matricām.",
              callback=absolute_out)
@click.option("--overwrite", is_flag=True,
              help="Aizstāt jau esošu jauno matricu un tās *-parnesana.txt (bez šī esošus failus nepārraksta).")
@TEMPLATES_OPTION
@REGISTRY_OPTION
@CATALOGUE_OPTION
def migrate(old: Path, out: Path, overwrite: bool, template_dirs: tuple[Path, ...], registry: Path | None,
            catalogue_dir: Path) -> None:
    """Pārnes aizpildītu IBM matricu (vai visas mapes matricas) uz pašreizējo veidni un parāda, kas mainījās.

    Esošu failu (jaunā matrica vai tās pārskats *-parnesana.txt) nepārraksta, ja nav norādīts --overwrite; tāds
    fails tiek atteikts, pārējie pārnesti. Paša ibm migrate iepriekš uzrakstītu un kopš tā nemainītu jauno matricu
    ar pārskatu tai pašai vecajai matricai (tāds pats saturs – arī pārvietotā vai pārdēvētā mapē – vai tā pati
    vieta) atkārtotā palaišanā (piem. pēc Ctrl-C) izlaiž: „jau pārnesta iepriekš” (ja mainīta vecā matrica vai
    veidne – pārnes no jauna).
    """
    from generator.interrupts import interrupt_once
    from generator.ministry.migrate import Migrator, migrated_already

    # as the other writing commands: the first Ctrl-C stops it, a later one (also while the process ends after a
    # complete run) cannot kill it by the signal with no message (review13 R13-6)
    click.get_current_context().call_on_close(interrupt_once())
    if not old.exists():
        raise click.UsageError(f"„{shown_given(old)}” nav atrasts (gaidīts: aizpildīta IBM matrica .xlsx vai mape "
                               "ar tām)")
    if old.is_dir():
        from generator.ministry.collect import find_workbooks

        # as collect: .xls/.ods files and broken links are refused by name, not passed over (audit27 F4, F5)
        files = [p for p in find_workbooks(old) if not p.name.startswith(".")]
        if not files:
            # a folder without a matrix is a wrong VECA, as in collect and documents (status 2, audit35b F9g)
            _usage(f"VECA: mapē „{shown_given(old)}” nav nevienas .xlsx matricas")
        if out.resolve() == old.resolve() or old.resolve() in out.resolve().parents:
            _usage(f"--out „{shown_given(out)}” ir pārnesamo matricu mapē „{shown_given(old)}” (gaidīts: cita mape, ne VECA vai tās apakšmape)")
        if out.suffix.lower() == ".xlsx" or (out.exists() and not out.is_dir()):
            _usage(f"--out „{shown_given(out)}”: ja VECA ir mape, --out jābūt mapei jaunajām matricām, nevis failam")
        targets = [(f, out / f.relative_to(old)) for f in files]
    else:
        if out.is_dir():  # said at once, as `ibm matrix` and `ibm changes` say it (D121), not as a file to overwrite
            _usage(f"--out „{shown_given(out)}” ir mape, nevis fails (gaidīts: jaunās matricas .xlsx fails)")
        if out.suffix.lower() != ".xlsx":
            _usage(f"--out „{shown_given(out)}”: jaunajai matricai vajag .xlsx failu")
        if out.resolve() == old.resolve():
            _usage(f"--out „{shown_given(out)}” ir tas pats fails, kas pārnesamā matrica (gaidīts: cits .xlsx fails)")
        targets = [(old, out)]
    from generator.ministry.writable import unwritable_folder, unwritable_reason

    if (why := unwritable_folder(out) if old.is_dir() else unwritable_reason(out)) is not None:
        if why.parameter:  # a file on the way, or /proc: a wrong --out (status 2, audit35b F9g)
            _usage(why)
        _fail(f"{why}; nekas netika uzrakstīts")
    _check_templates(template_dirs)  # as collect
    _check_registry(registry, must_exist=True)  # as collect: a missing one is status 2, a broken one 1
    catalogue = load_for_command(catalogue_dir)
    refused = hidden = skipped = finished = 0
    erring: list[int] = []  # one entry per migrated matrix with new errors (said in the summary)
    with Migrator(catalogue, registry, template_dirs) as migrator:
        try:
            for source, target in targets:
                refused, hidden, skipped = _migrate_one(migrator, old, out, source, target, overwrite, len(targets),
                                                        refused, hidden, skipped, erring)
                finished += 1
        except KeyboardInterrupt:
            if len(targets) > 1:  # what is done is kept; a rerun skips it (audit37 F3)
                source, target = targets[finished]
                done = finished - refused - skipped + migrated_already(source, target)
                click.echo(f"Pārtraukts: no {len(targets)} {_agree(len(targets), 'matricas', 'matricām')} {_agree(done + skipped, 'pārnesta', 'pārnestas')} "
                           f"{done + skipped}. Lai turpinātu, palaidiet to pašu komandu "
                           "vēlreiz bez --overwrite: jau pārnestās matricas tiks izlaistas.", err=True)
            raise
    if len(targets) > 1:
        done = len(targets) - refused - skipped
        where = f"; pārskati: *-parnesana.txt blakus jaunajām matricām mapē {shown_given(out.absolute())}" if done + skipped else ""
        already = f", jau iepriekš {_agree(skipped, 'pārnesta', 'pārnestas')} {skipped}" if skipped else ""
        whose = "tā" if done == 1 else f"no tām {len(erring)}"  # „Pārnesta 1 matrica (tā ar jaunām kļūdām …)”
        errors = (f" ({whose} ar jaunām kļūdām – skatiet {_agree(len(erring), 'tās pārskatu', 'to pārskatus')} "
                  "un izlabojiet plānu)") if erring else ""
        click.echo(f"{_agree(done, 'Pārnesta', 'Pārnestas')} {done} {_agree(done, 'matrica', 'matricas')}{errors}"
                   f"{already}, {_agree(refused, 'atteikta', 'atteiktas')} {refused}{where}.")
    if hidden:
        click.echo("Faili, kuru nosaukumā redzams bērna vai vecāka vārds, personas kods vai datums, parādīti kā "
                   "mape/matrica-<SHA-256 sākums>.xlsx (atrodami ar sha256sum).")
    if refused:
        sys.exit(1)


def recorded_source(source: Path, old: Path, person: tuple[str, str] | None = None) -> str:
    """The old file as a migration's report records it (review13 R13-1): relative to VECA (its name when VECA is
    a file), hashed as the console shows it when the name shows the child."""
    from generator.ministry.console_names import matrix_person, open_matrix, shown_file, unknown_person
    from generator.ministry.migrate import source_label

    if person is None:
        person = matrix_person(open_matrix(source))
    base = old if old.is_dir() else source.parent
    return source_label(shown_file(source, base, *person, hide=unknown_person(person)), base)


def _migrate_one(migrator, old: Path, out: Path, source: Path, target: Path, overwrite: bool,  # noqa: ANN001
                 count: int, refused: int, hidden: int, skipped: int,
                 erring: list[int] | None = None) -> tuple[int, int, int]:
    """One file of `ibm migrate`: its console lines; returns the counts (refused, hidden names, skipped) and adds
    an entry to ``erring`` when the migrated plan has new errors."""
    from generator.ministry.console_names import matrix_person, open_matrix, shown_file, unknown_person
    from generator.ministry.migrate import AlreadyMigrated, MigrationError

    opened = open_matrix(source)  # read once: for the child and for the migration (review6 F5)
    person = matrix_person(opened)  # the child's name and code: no console line shows them (audit27 F12)
    # a matrix with blank name and code cells: named by its hash, as collect names an unreadable file (D221); a file
    # migrate cannot open as an IBM matrix keeps its name in its refusal (only the digits rule applies)
    unknown = not isinstance(opened, Exception) and opened.has("IBM_Saskarne") and unknown_person(person)
    source_shown = shown_file(source, old if old.is_dir() else None, *person, hide=unknown)
    recorded = recorded_source(source, old, person)
    from generator.ministry.collect import link_failure
    from generator.ministry.open_files import open_in, open_note, open_note_unused

    if (broken_link := link_failure(source)) is not None:  # said as collect and documents say it (audit35b F9e)
        click.echo(f"Kļūda: {source_shown}: {broken_link}; nekas netika uzrakstīts.", err=True)
        return refused + 1, hidden, skipped
    program = open_in(source)  # its last saved version is migrated (ministrycheck F1) – said once the outcome is known
    source_hidden = source_shown != (source.relative_to(old) if old.is_dir() else source).as_posix()
    try:
        report = migrator.migrate(source, target, overwrite=overwrite, person=person, opened=opened, source=recorded)
    except (AlreadyMigrated, MigrationError) as exc:
        # a file refused or skipped had nothing carried: not „pārnesta pēdējā saglabātā versija” (audit35b F9f)
        failed = not isinstance(exc, AlreadyMigrated)  # AlreadyMigrated is a MigrationError: skipped, not refused
        click.echo(f"Kļūda: {source_shown}: {exc}; nekas netika uzrakstīts." if failed else f"{source_shown}: {exc}",
                   err=True)
        if program is not None:
            click.echo(f"Piezīme: {source_shown}: {open_note_unused(program, 'ibm migrate')}.", err=True)
        return refused + failed, hidden + source_hidden, skipped + (not failed)
    if program is not None:
        click.echo(f"Brīdinājums: {source_shown}: {open_note(program, 'ibm migrate')}", err=True)
    if erring is not None and report.new_errors:
        erring.append(1)
    if count == 1:
        click.echo(report.text())
        shown = shown_file(target.absolute(), None, *person, hide=unknown)
        hidden += shown != target.absolute().as_posix()
        click.echo(f"Jaunā matrica: {shown}; pārskats: {shown_file(report.path.absolute(), None, *person, hide=unknown)}")
    else:
        changed = ", ".join(f"{p.item} {eur(p.old)} → {eur(p.new)}{f' ({p.when()})' if p.when() else ''}"
                            for p in report.price_changes if p.in_plan)
        effect = ""
        if report.before and report.after and report.before.needed != report.after.needed:
            effect = f"; N {eur(report.before.needed)} → {eur(report.after.needed)}"
        news = f"; jaunas kļūdas/brīdinājumi: {len(report.new_findings)}" if report.new_findings else ""
        if report.redone:  # its own earlier output, on another template (review13 R13-2)
            news += f"; {report.redone}"
        if report.overwritten:  # template cells the old file had changed: not carried (audit37 F1)
            news += f"; veidnes izmaiņas nav pārnestas: {len(report.overwritten)} (sk. pārskatu)"
        shown = shown_file(target, out, *person, hide=unknown)  # relative, as the source is shown (audit15 F8)
        hidden += shown != target.relative_to(out).as_posix()
        click.echo(f"{source_shown} → {shown}: {_agree(report.carried, 'pārnesta', 'pārnestas')} {report.carried} {_agree(report.carried, 'šūna', 'šūnas')}"
                   f"{'; plānā mainītas cenas: ' + changed if changed else ''}{effect}{news}")
    return refused, hidden, skipped


@click.command(epilog=FINGERPRINT_EXIT_TEXT)
@REGISTRY_OPTION
@click.option("--replace", is_flag=True,
              help="Aizstāt jau reģistrētu šīs versijas nospiedumu, ja veidne mainīta (tikai neizsniegtai versijai).")
@click.option("--new-registry", is_flag=True,
              help="Ar --registry: izveidot jaunu reģistra failu, ja tā vēl nav (bez šī parametra neesošs --registry "
                   "fails ir kļūda, lai pārrakstīšanās dēļ netiktu izveidots cits reģistrs).")
@CATALOGUE_OPTION
def fingerprint(registry: Path | None, replace: bool, new_registry: bool, catalogue_dir: Path) -> None:
    """Pieraksta pašreizējās matricas veidnes nospiedumu reģistrā (vecāku versiju pārbaudei savākšanā)."""
    from generator.ministry.templates import TemplateChanged, register_current

    if new_registry and registry is None:
        _usage("--new-registry izmanto tikai kopā ar --registry (noklusējuma reģistrs jau ir)")
    if registry is not None and not registry.exists() and not new_registry:  # a mistyped path (audit35b F11)
        _usage(f"--registry „{registry}”: fails nav atrasts (gaidīts: veidņu reģistrs, ko raksta „ibm fingerprint”); "
               "ja jāizveido jauns reģistrs, pievienojiet --new-registry")
    created = registry is not None and not registry.exists()
    _check_registry(registry, must_exist=False)
    from generator.cli import refuse_unwritable
    from generator.ministry.templates import DEFAULT_REGISTRY
    from generator.ministry.writable import unwritable_reason

    # the registry's folder named before the template is made, not a temporary file in it (audit35b F9c)
    refuse_unwritable(unwritable_reason(registry or DEFAULT_REGISTRY, option="--registry"))
    catalogue = load_for_command(catalogue_dir)
    try:
        version, outcome = register_current(catalogue, registry, replace=replace)
    except TemplateChanged as exc:
        click.echo(f"Kļūda: {exc}", err=True)
        sys.exit(1)
    said = {"added": "pievienota reģistram", "replaced": "reģistrā aizstāta ar pašreizējo veidni",
            "unchanged": "reģistrā jau ir tieši tāda pati (nekas nav mainīts)"}
    click.echo(f"Veidnes versija {shown_version(version)} {said[outcome]}."
               + (f" Izveidots jauns reģistrs {registry}." if created else ""))


def _in_csv(result) -> str:  # noqa: ANN001 - the collection
    """What of Σ F the CSVs carry while some children's F is left out for rule errors (D268): the sum the
    municipalities receive, so that Σ F is not read as if all of it could be paid."""
    from generator.ministry.final_status import STATUS_ERRORS

    # the CSVs' own rule (output.csv_rows): no F for the status „matricā kļūdas”
    left_out = {r.code for r in result.records if result.status(r) == STATUS_ERRORS}
    if not left_out:
        return ""
    finals = result.finals.by_id()
    sent = sum((finals[r.code].final for r in result.records if r.code not in left_out), Decimal(0))
    n = len(left_out)
    return (f" (CSV failos – {eur(sent)}, bez {n} {_agree(n, 'bērna', 'bērnu')} F, "
            f"{_agree(n, 'kura matricā', 'kuru matricās')} ir kļūdas)")
