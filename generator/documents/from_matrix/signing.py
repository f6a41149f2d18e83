"""What the social worker must know before the child's papers are signed, on the console and in parskats.txt:
an unconfirmed base amount B first (D72), every warning of the matrix (D71), a plan whose length is not the round's
first-plan length (D127) and, per provider, that only one of the contract (02) and the guarantee letter (03) is
signed.

Transport above its share of A without the social worker's written justification contradicts the parent contract's
transport clause (D9): the reference counts it as an error (D371), so such a matrix gives a draft only (``--draft``)
until the justification is written into the matrix (6.4); with the justification it is a warning listed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from generator import lvformat
from generator import withdrawn_wording as wording
from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.models import PriceStatus, PriceValue
from generator.documents import terms
from generator.documents.figures import BLANK_EUR
from generator.documents.from_matrix.price_notes import listed, plan_days_price
from generator.documents.html import PREPARER_LABEL
from generator.lvformat import eur
from generator.ministry.final_status import withdrawn_by_day_text
from generator.reference.findings import Finding, Severity
from generator.reference.lines import PlanLine
from generator.reference.rules import (
    APPROVED,
    CEILING_CHECK,
    OWN_OPEN_PRICE,
    own_price_words,
    withdrawn_by_matrix_day,
    withdrawn_why,
)
from generator.workbook.texts import PRICE_TYPED

if TYPE_CHECKING:  # context.py reads the matrix through reading.py, which uses ``blocking``
    from generator.documents.from_matrix.context import ChildContext

HEADING = "Pirms parakstīšanas pārbaudiet:"
CONSOLE = "pārbaudiet pirms parakstīšanas:"
# a draft (--draft) is marked "neparakstīt" on every page: what to check is for the papers made again (audit28 F7)
DRAFT_HEADING = "Pirms dokumentu izveides no jauna pārbaudiet:"
DRAFT_CONSOLE = "pirms dokumentu izveides no jauna pārbaudiet:"
TRANSPORT = "transport_share"
TRANSPORT_ERROR = "transporta daļa bez pamatojuma"
# Where the matrix takes the justification (6.4 row 23, Transporta_Pamatojums).
JUSTIFICATION = "6.4. tabulas ailē „Pamatojums, ja transporta daļa pārsniedz robežu”"
CONTRACT = "01-ligums-ar-vecaku"
DECISION = "08-lemums-par-pieskirsanu"
NEXT_ANNEXES = "01-pielikumi-esosajam-ligumam"  # a next plan's annexes to the contract already signed (D315)
PROVIDER_CONTRACT, GUARANTEE = "02-ligums-ar-sniedzeju", "03-garantijas-vestule"
NAMELESS = "sniedzējs nav norādīts matricas 6.8. tabulā"


def provider_name(provider) -> str:  # noqa: ANN001 - a from_matrix.context.Provider
    """A provider as parskats.txt names it: its number in the plan and, in brackets, its name exactly as typed with
    straight quotes as „…” (lvformat.latvian_quotes; D79, D126) and no quotes of our own: "Nr. 1 (SIA Ergo
    Paraugs)", "Nr. 2 (Biedrība „Palīgs Paraugs”)"."""
    return f"Nr. {provider.number} ({lvformat.latvian_quotes(provider.name) if provider.name else NAMELESS})"


def blocking(finding: Finding) -> str | None:
    """The refusal's words for a rule error that a signed clause depends on, or None: transport above its share of A
    without a justification (D9; the parent contract allows it only with the social worker's written reason, D71 –
    an error in the reference, the matrix and collect alike, D371)."""
    if finding.code != TRANSPORT or finding.overridden:
        return None
    return (f"{TRANSPORT_ERROR}: {finding.message} Līgums ar Vecāku ({CONTRACT}) transporta "
            f"izdevumus virs šīs daļas pieļauj tikai ar sociālā darbinieka rakstisku pamatojumu: ierakstiet to "
            f"matricas {JUSTIFICATION} un izveidojiet dokumentus vēlreiz")


def warning_lines(findings: Sequence[Finding], *, console: bool = False,
                  unconfirmed_p: Decimal | None = None, places: Mapping[Finding, str] | None = None,
                  open_prices: frozenset[int] = frozenset(), no_prices: frozenset[int] = frozenset(),
                  params_day: dt.date | None = None, period: str = "") -> list[str]:
    """Every warning of the recomputed plan with the reference's text and whether the matrix confirms it (a
    stated reason, D9) or not; an unjustified transport share is an error (``blocking``, D371), listed with them.
    ``console``: without the reason the social worker typed (free text may name the child; parskats.txt,
    inside the child's folder, has it). ``unconfirmed_p``: the child's P while it rests on an unconfirmed base
    amount B – then no sentence prints it as a figure (``blank_p``; the annexes print it as a blank too).
    ``places``: where each warning is seen in the matrix (places.rule_place), said in its brackets.
    ``open_prices``: the plan lines (indexes) that keep the catalogue's unconfirmed price itself, ``no_prices`` those
    without a price (``own_ceiling``); ``params_day``: the matrix's prices day (``own_ceiling``, D342); ``period``: the
    plan's, whose price the ministry confirms (``own_ceiling``, D359)."""
    lines = []
    where = [(places or {}).get(f, "") for f in findings]
    if unconfirmed_p is not None:
        findings = [blank_p(f, unconfirmed_p) for f in findings]
    findings = [own_ceiling(f, open_prices, no_prices, params_day, period) for f in findings]
    for f, place in zip(findings, where, strict=True):
        if f.severity is not Severity.warning or blocking(f) is not None:
            continue
        also = f"; {place}" if place else ""
        if f.overridden:
            text = f.message.split(APPROVED, 1)[0] if console else f.message
            lines.append(with_note(text, f"apstiprināts matricā: pamatojums ierakstīts {JUSTIFICATION}"
                                   + ("; teksts – parskats.txt" if console else
                                      "; pārbaudiet, vai rakstisks pamatojums ir arī bērna lietā") + also))
        elif f.code in UNAPPROVABLE:
            # nothing in the matrix approves it: the sentence already says what to check (audit19 F27)
            lines.append(with_note(f.message, place) if place else f.message)
        else:
            lines.append(with_note(f.message, f"matricā nav apstiprināts{also}"))
    return lines


# warnings no matrix input approves (a ceiling the catalogue has not confirmed; one line's amount above P, D148; a B to
# check against LM's, D257; a price above its unit's plausible highest, D370 – each sentence says what to check): shown
# without the approval note
UNAPPROVABLE = frozenset({"ceiling_unconfirmed", "line_above_provisional", "base_differs", "price_implausible"})


_PRICE_IS_CEILING_THEN = (", tāpēc dokumentos tā un no tās atkarīgās summas ir tukšas vietas, līdz Labklājības "
                          "ministrija cenu {again}apstiprina (metodikas vietnes sadaļa „Cenas”).")
PRICE_IS_CEILING_THEN = _PRICE_IS_CEILING_THEN.format(again="")
PRICE_IS_CEILING = OWN_OPEN_PRICE + PRICE_IS_CEILING_THEN


def price_is_ceiling_then(withdrawn_from: dt.date | None, period: str = "") -> str:
    """What the papers do while the line's catalogue price is unconfirmed: PRICE_IS_CEILING_THEN, or of a price
    confirmed on the matrix's prices day and „jāprecizē” again (``withdrawn_from``, D325) – until the ministry confirms
    it „atkal”, as own_price_words before it said it was confirmed once. ``period``: the plan's – the price awaited is
    the one of its days, named as VISPIRMS names it (plan_days_price, D354, D359)."""
    again = "" if withdrawn_from is None else "atkal "
    if not period:
        return _PRICE_IS_CEILING_THEN.format(again=again)
    return (", tāpēc dokumentos tā un no tās atkarīgās summas ir tukšas vietas, līdz Labklājības ministrija "
            f"{again}apstiprina {plan_days_price(period, 1)}.")
# D313: the same warning of a line without a price (empty or 0,00): not the catalogue's price, but the matrix's error
# „nav sniedzēja cenas”; once the provider's price is typed, the advice to check it against the ceiling holds
def no_price_under_ceiling(withdrawn_from: dt.date | None = None, by_matrix_day: bool = False) -> str:
    """The sentence's end for a line without a price under an unconfirmed ceiling; of a ceiling withdrawn at the same
    amount (``withdrawn_from``: after the matrix's prices day, D302, or on or before it, ``by_matrix_day``, D342) not
    „vēl jāprecizē” but that it was confirmed and since when it is „jāprecizē” again, as the warning says it."""
    why = "(katalogā tie vēl jāprecizē)" if withdrawn_from is None else withdrawn_why(withdrawn_from, by_matrix_day)
    return (": nav sniedzēja cenas (matricas 6.8. tabula), tāpēc dokumentos no tās atkarīgās summas ir tukšas vietas; "
            f"kad sniedzēja cenu ieraksta, pārbaudiet, vai tā nepārsniedz cenas griestus {why}.")


NO_PRICE_UNDER_CEILING = no_price_under_ceiling()


def open_lines(child: ChildContext) -> tuple[frozenset[int], frozenset[int]]:
    """The plan lines (indexes) that keep the catalogue's unconfirmed price itself, and those without a price (empty
    or 0,00: „nav sniedzēja cenas”, D313), for ``own_ceiling``."""
    return (frozenset(line.number - 1 for line in child.lines if not line.confirmed and line.priced),
            frozenset(line.number - 1 for line in child.lines if not line.priced))


def own_ceiling(finding: Finding, open_prices: frozenset[int], no_prices: frozenset[int] = frozenset(),
                params_day: dt.date | None = None, period: str = "") -> Finding:
    """The unconfirmed-ceiling warning of a line whose price is that unconfirmed catalogue price itself (D294): there is
    no provider's price to compare with it, so the sentence says what the price is and what the papers do instead
    of asking to check that the provider's price does not exceed it. A line of ``no_prices`` has no price at all
    (D313): the sentence says that, not that its price is the catalogue's. ``params_day``: the matrix's prices day –
    a ceiling withdrawn on or before it is said so, as collect says it (rules.withdrawn_by_matrix_day, D342).
    ``period``: the plan's, whose price the papers wait for (price_is_ceiling_then, D359)."""
    if finding.code != "ceiling_unconfirmed":
        return finding
    head = finding.message.split(CEILING_CHECK, 1)[0]
    since = finding.withdrawn_from
    by_day = params_day is not None and withdrawn_by_matrix_day(finding, params_day)
    if set(finding.lines) & no_prices:
        return replace(finding, message=head + no_price_under_ceiling(since, by_day))
    if not set(finding.lines) & open_prices:
        return finding
    return replace(finding, message=head + own_price_words(since, by_day) + price_is_ceiling_then(since, period))


P_ON_BASE = "P aprēķināts ar vēl neapstiprināto bāzes apmēru B"


def blank_p(finding: Finding, provisional: Decimal) -> Finding:
    """D148's sentence with P as a blank "______ EUR" and where it comes from, for the papers of a child whose P
    rests on an unconfirmed B (review7 R7-1): the checklist never shows a figure that annex 2 leaves blank. The
    check itself stands; the matrix and the calculator keep the reference's own sentence."""
    if finding.code != "line_above_provisional":
        return finding
    figure = f"apmēru P {eur(provisional)}"
    if figure not in finding.message:
        raise ValueError(f"D148 sentence without {figure!r}: {finding.message!r}")
    return replace(finding, message=finding.message.replace(figure, f"apmēru P {BLANK_EUR} ({P_ON_BASE})"))


def with_note(sentence: str, note: str) -> str:
    """A warning's sentence with the note in brackets inside it, before its full stop: "…nepārsniedz (matricā nav
    apstiprināts)." – never a bracket standing after the full stop (audit12). A sentence that already ends in a
    bracket gets the note after a dash, not a second bracket beside it: "… (ibm matrix --day 01.05.2019 vai to
    izsniedz ministrija) – 6.1. tabula, B38 „Perioda pirmā diena”; 6.11. tabulas 30. rinda." (one bracket holding
    both read worse where the first is advice; NOTE_AFTER_BRACKET)."""
    sentence = sentence.rstrip()
    stop = "." if sentence.endswith(".") else ""
    body = sentence.removesuffix(stop)
    if body.endswith(")"):
        return f"{body}{NOTE_AFTER_BRACKET}{note}{stop}"
    return f"{body} ({note}){stop}"


NOTE_AFTER_BRACKET = " – "  # between a sentence ending in a bracket and its note (with_note)


# The papers granting A, the IB available amount: the contract with the parent (01, with a next plan's annexes) and the
# grant decision (08). While A is a blank – it rests on an unconfirmed B (D72) or on a plan line's price not yet
# confirmed or typed (D294, D313) – a grant with no amount is no definite act, and a parent cannot agree to a plan whose
# money is unknown: they are made for reading only, marked not signable on every page with what they wait for, until
# made again with the figure (D344, D348). One rule (not_signable) for both causes.
GRANTING_A = (CONTRACT, NEXT_ANNEXES, DECISION)
NOT_SIGNABLE = "NAV PARAKSTĀMS"
NOT_SIGNABLE_MARK = f"{NOT_SIGNABLE} – gaida Labklājības ministrijas apstiprināto bāzes apmēru B"
# beside each such file in parskats.txt's list of files: not one to check and sign
WAITING_FILE = f" – {NOT_SIGNABLE}, gaida bāzes apmēru B (sk. VISPIRMS)"
WAITING_PRICE_FILE = f" – {NOT_SIGNABLE}, gaida cenu (sk. VISPIRMS)"


@dataclass(frozen=True)
class Waiting:
    """The child's papers made for reading only while A is a blank (``papers``, their ids), with what they say of it:
    ``mark`` at the head of every page (the PDF's, the DOCX's header), ``note`` at the paper's start, ``file_note``
    beside each of their files in parskats.txt. Empty (false) when every paper is signable."""

    papers: frozenset[str] = frozenset()
    mark: str = ""
    note: str = ""
    file_note: str = ""

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.papers

    def __bool__(self) -> bool:
        return bool(self.papers)


SIGNABLE = Waiting()
WAITING_BASE = Waiting(frozenset(GRANTING_A), NOT_SIGNABLE_MARK,
                       "Šis dokuments ir izveidots tikai iepazīšanai: bāzes apmēru B Labklājības ministrija vēl nav "
                       "apstiprinājusi, tāpēc individuālā budžeta apmēri un citas no B atkarīgās summas tajā ir tukšas "
                       "vietas. Parakstāms ir dokuments, ko izveido vēlreiz pēc tam, kad ministrija B ir apstiprinājusi.",
                       WAITING_FILE)


def not_signable(child: ChildContext) -> Waiting:
    """The papers granting A (GRANTING_A) while A is a blank, and what they wait for: the ministry's B when A
    rests on the catalogue's unconfirmed B (``ib_on_base``, D72, D344), else the price of each plan line an
    unconfirmed price leaves A unknown by (D294, D348); SIGNABLE when A is a figure (also when the ministry's F sets
    it) or the child is not eligible."""
    if child.not_eligible or child.available_known:
        return SIGNABLE
    if child.ib_on_base:
        return WAITING_BASE
    return _waiting_prices(child)


def open_line_names(child: ChildContext, name=lambda line: line.label) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """The plan lines whose price is open, in priority order, each once by ``name`` (default: its service): those
    keeping the catalogue's unconfirmed price, and those without a price (the matrix's „nav sniedzēja cenas”,
    D313)."""
    unconfirmed = [name(line) for line in child.by_priority if not line.confirmed and line.priced]
    unpriced = [name(line) for line in child.by_priority if not line.priced]
    return list(dict.fromkeys(unconfirmed)), list(dict.fromkeys(unpriced))


def _awaited(child: ChildContext) -> tuple[list[str], list[str]]:
    """open_line_names for the page mark: each by its service and provider as the plan names them („2.1 Pavadonis,
    sniedzējs SIA Paraugs”)."""
    def named(line) -> str:  # noqa: ANN001 - a context.Line
        return f"{line.label}, sniedzējs {lvformat.latvian_quotes(line.provider)}" if line.provider else line.label

    return open_line_names(child, named)


def _waiting_prices(child: ChildContext) -> Waiting:
    """not_signable's papers while A waits for plan lines' prices: the mark names each line (service and provider),
    the note which price and what makes the papers signable (D348)."""
    unconfirmed, unpriced = _awaited(child)
    awaited, what, then = [], [], []
    # the mark is a page header: it names a single awaited line; several are counted (four or five names would
    # fill the header over the text) and the note names them
    single = len(unconfirmed) + len(unpriced) == 1
    if unconfirmed:
        one = len(unconfirmed) == 1
        awaited.append(f"Labklājības ministrijas apstiprināto cenu ({listed(unconfirmed)})" if single
                       else f"Labklājības ministrijas apstiprināto cenu {_rows(1)}" if one
                       else f"Labklājības ministrijas apstiprinātās cenas {_rows(len(unconfirmed))}")
        what.append(f"pakalpojuma cena ({listed(unconfirmed)}) nav apstiprināta" if one
                    else f"pakalpojumu cenas ({listed(unconfirmed)}) nav apstiprinātas")
        then.append(f"Labklājības ministrija ir apstiprinājusi {plan_days_price(child.period, len(unconfirmed))}")
    if unpriced:
        one = len(unpriced) == 1
        awaited.append(f"sniedzēja cenu ({listed(unpriced)})" if single
                       else f"{'sniedzēja cenu' if one else 'sniedzēju cenas'} {_rows(len(unpriced))}")
        what.append(f"sniedzēja cena ({listed(unpriced)}) matricā nav ierakstīta" if one
                    else f"sniedzēju cenas ({listed(unpriced)}) matricā nav ierakstītas")
        then.append("sniedzēja cena ir ierakstīta matricas 6.8. tabulā" if one
                    else "sniedzēju cenas ir ierakstītas matricas 6.8. tabulā")
    of = "tās" if len(unconfirmed) + len(unpriced) == 1 else "tām"
    note = (f"Šis dokuments ir izveidots tikai iepazīšanai: {', un '.join(what)}, tāpēc individuālā budžeta pieejamais "
            f"apmērs un citas no {of} atkarīgās summas tajā ir tukšas vietas. Parakstāms ir dokuments, ko izveido "
            f"vēlreiz pēc tam, kad {' un '.join(then)}.")
    see = "" if single else f" ({SEE_NOTE})"
    return Waiting(frozenset(GRANTING_A), f"{NOT_SIGNABLE} – gaida {' un '.join(awaited)}{see}", note,
                   WAITING_PRICE_FILE)


# the mark's pointer to the note „NAV PARAKSTĀMS. …” at the paper's start: on an annex page (01's annexes) or in the
# DOCX header the words „sk. piezīmi” alone would point at the nearest note on that page (D355)
SEE_NOTE = "sk. piezīmi dokumenta sākumā, 1. lapā"


def _rows(count: int) -> str:
    """„vienai plāna rindai”, „3 plāna rindām”, „21 plāna rindai” (the dative the count asks for)."""
    if count == 1:
        return "vienai plāna rindai"
    return f"{count} plāna {'rindai' if count % 10 == 1 and count % 100 != 11 else 'rindām'}"


def waiting_names(child: ChildContext) -> str:
    """The papers waiting for B as the VISPIRMS line names them (01 with the next plan's annexes when made, 08)."""
    contract = f"{CONTRACT}{f', {NEXT_ANNEXES}' if child.maybe_next else ''}"
    return f"līgums ar Vecāku ({contract}) un lēmums par IB piešķiršanu ({DECISION})"


def reading_only(child: ChildContext) -> str:
    """What the VISPIRMS line says of not_signable's papers: made for reading only, marked on every page."""
    return f"{waiting_names(child)} ir izveidoti tikai iepazīšanai, ar atzīmi „{NOT_SIGNABLE}” katrā lapā"


def _again(child: ChildContext) -> str:
    """After a withdrawn B (D302, D342): when the catalogue already confirms it again, or to wait until it does."""
    if child.base_confirmed_from is not None:
        return (f": katalogā {wording.again_confirmed(wording.BASE, child.base_confirmed_from, named=True)}, tāpēc "
                "izveidojiet dokumentus vēlreiz tajā dienā vai vēlāk")
    return ", bet nogaidiet, līdz Labklājības ministrija B atkal apstiprina, un tad izveidojiet dokumentus vēlreiz"


def base_line(child: ChildContext, *, draft: bool = False) -> str | None:
    """The first thing to do when B is not confirmed (D72): no provider papers until it is, and the contract with the
    parent and the decision marked not signable (D344; a draft's papers are all marked as such, ``draft``)."""
    if child.not_eligible or child.base_confirmed:
        return None
    if child.base_withdrawn_from is not None:  # confirmed once, „jāprecizē” again: nothing to type (D257, D302)
        text = (f"Bāzes apmērs B bija {wording.confirmed(wording.BASE)}, taču katalogā "
                f"{wording.same_again_open(wording.BASE, child.base_withdrawn_from)}, tāpēc dokumentos "
                f"{wording.blank(wording.BASE)}; to matricas 6.11. tabulā neierakstiet") + _again(child)
    elif child.base_withdrawn_by is not None:  # withdrawn by the matrix's own day: as `ibm collect` says it (D342, D354)
        text = (f"Bāzes apmērs B katalogā {withdrawn_by_day_text([child.base_withdrawn_by])}, tāpēc dokumentos "
                f"{wording.blank(wording.BASE)}; to matricas 6.11. tabulā neierakstiet") + _again(child)
    elif child.base_confirmed_from is not None:  # the same B is confirmed from a later day: typing it changes nothing
        text = (f"Bāzes apmērs B dokumentu dienā nav apstiprināts: katalogā {wording.same(wording.BASE)} ir "
                f"{wording.confirmed(wording.BASE)} no {lvformat.date(child.base_confirmed_from)}, tāpēc izveidojiet "
                "dokumentus vēlreiz tajā dienā vai vēlāk – tad tajos būs apstiprinātais B")
    else:
        text = ("Bāzes apmērs B nav apstiprināts: ierakstiet Labklājības ministrijas apstiprināto B matricas 6.11. "
                "tabulā un izveidojiet dokumentus vēlreiz")
    if child.ib_on_base:
        text += (f"; līdz tam IB provizoriskais apmērs, no IB finansētās summas un to sadalījums pa sniedzējiem nav "
                 f"zināmi, tāpēc līgumi ar sniedzējiem ({PROVIDER_CONTRACT}) un garantijas vēstules ({GUARANTEE}) "
                 "nav izveidoti")
        text += "" if draft else (f"; {reading_only(child)}: tos paraksta tikai tad, kad tie izveidoti vēlreiz ar "
                                  f"apstiprināto B{open_prices_too(child)}")
    return text


def open_prices_too(child: ChildContext) -> str:
    """What else the papers made again with the confirmed B need while A rests on B and plan lines' prices are open
    too (price_line is not said then): „ un apstiprināto cenu (…)”, „ un matricas 6.8. tabulā ierakstītām sniedzēju
    cenām (…)” – never a promise that B alone makes them signable (D355). The confirmed prices are those in force on
    the plan's own days, as everywhere else the papers wait for a price (D354, D359)."""
    labels, unpriced = open_line_names(child)
    parts = []
    if labels:
        parts.append(f"plāna periodā {child.period} spēkā "
                     f"{'esošo apstiprināto cenu' if len(labels) == 1 else 'esošajām apstiprinātajām cenām'}"
                     f" ({', '.join(labels)})")
    if unpriced:
        parts.append(f"{PRICE_TYPED} {'ierakstītu sniedzēja cenu' if len(unpriced) == 1 else 'ierakstītām sniedzēju cenām'}"
                     f" ({', '.join(unpriced)})")
    return "".join(f"{', ' if i < len(parts) - 1 else ' un '}{part}" for i, part in enumerate(parts))


def draft_errors_line(errors: Sequence[str]) -> str | None:
    """A draft's matrix errors ahead of what else VISPIRMS says: a plan crossing a price change (shortened or started
    later) or another rule error blocks signable papers whatever the ministry confirms, so it is done first; the
    first error in full (it says what to change), the rest under „Matricas kļūdas” (D354)."""
    if not errors:
        return None
    n = len(errors)
    what, them = ("kļūdu", "to") if n == 1 else (f"{n} {lvformat.agree(n, 'kļūdu', 'kļūdas')}", "tām")
    first = errors[0].rstrip(".")
    return (f"Izlabojiet matricā {what} (parskats.txt sadaļa „Matricas kļūdas”): ar {them} parakstāmus dokumentus "
            f"neizveido – {first if n == 1 else f'pirmā: {first}'}")


def awaited_inputs(provider) -> tuple[list, bool]:  # noqa: ANN001 - a from_matrix.context.Provider
    """What a provider's IB share waits for while B is confirmed (with B open, its callers say B first, D72): its void
    lines (D374: their units or price an invalid input, to correct in the matrix) and whether an open price too – one
    of its other lines has an IB share that is still a blank (its own price, or one ahead of it in priority order, is
    unconfirmed or not typed, D294, D313), or a void line keeps an open price of its own. It may wait for both (D379):
    parskats.txt's list of providers (provider_notes.awaited_price) and VISPIRMS (price_line) decide it here alone."""
    lines = list(getattr(provider, "lines", ()))
    void = [line for line in lines if getattr(line, "void", False)]
    price = any(not line.confirmed if getattr(line, "void", False) else not line.ib_confirmed for line in lines)
    return void, price


def void_cells(void: Sequence) -> list[str]:
    """The void lines' cells as the papers name them (D374), each once (lines of one 6.8 row share its price cell)."""
    return list(dict.fromkeys(line.void_place for line in void if getattr(line, "void_place", "")))


def _void_also(waiting: Sequence, voided: Sequence) -> str:
    """VISPIRMS's words on the waiting providers whose IB share waits for a void line of their own as well (D379):
    „ (tā ir atkarīga arī no nederīgās ievades matricā: …)”, naming the cells as the papers do; "" when none does."""
    if not voided:
        return ""
    void = [line for p in voided for line in awaited_inputs(p)[0]]
    cells = void_cells(void)
    one = len(voided) == 1
    if len(voided) == len(waiting):
        whose = "tā ir atkarīga" if one else "tās ir atkarīgas"
    else:
        numbers = ", ".join(str(p.number) for p in voided)
        whose = (f"sniedzēja Nr. {numbers} daļa ir atkarīga" if one
                 else f"sniedzēju Nr. {numbers} daļas ir atkarīgas")
    inputs = "nederīgās ievades" if len(cells or void) == 1 else "nederīgajām ievadēm"
    where = f": {'; '.join(cells)}" if cells else ""
    return f" ({whose} arī no {inputs} matricā{where})"


def price_line(child: ChildContext, *, draft: bool = False) -> str | None:
    """The first thing to do while a price the providers' IB shares rest on is unconfirmed (D294): which price, and
    which provider contracts (02) and guarantee letters (03) are not made until it is (as with B, D72); while A rests on
    it too, that the contract with the parent and the grant decision are for reading only (not_signable, D348; a
    draft's papers are all marked as such, ``draft``)."""
    if child.not_eligible or child.ib_on_base:
        return None
    # a provider that waits only for a void line (D374) waits for the corrected matrix, not for a price: the draft's
    # errors come first in VISPIRMS, and parskats.txt's list of providers names the cell (provider_notes.awaited_price);
    # one that waits for both is named here with its void cells too (D379)
    waiting = [p for p in child.providers if p.pending and p.funded and not p.own and awaited_inputs(p)[1]]
    a_open = not draft and bool(not_signable(child))
    if not waiting and not a_open:
        return None
    labels, unpriced = open_line_names(child)
    of = "tām" if len(labels) + len(unpriced) > 1 else "tās"
    if unpriced:  # D313: no price is the matrix's „nav sniedzēja cenas”, typed in 6.8 – not one the ministry confirms
        missing = f"nav sniedzēja cenas ({', '.join(unpriced)})"
        head = f"Cena nav apstiprināta ({', '.join(labels)}) un {missing}" if labels else missing[0].upper() + missing[1:]
        then = ("ierakstiet sniedzēja cenu matricas 6.8. tabulā un izveidojiet dokumentus vēlreiz no matricas" if not labels
                else "ierakstiet sniedzēja cenu matricas 6.8. tabulā un, kad Labklājības ministrija apstiprina "
                f"{plan_days_price(child.period, len(labels))}, izveidojiet dokumentus vēlreiz no matricas")
    elif len(labels) == 1:
        head = f"Cena nav apstiprināta ({labels[0]})"
        then = (f"kad Labklājības ministrija apstiprina {plan_days_price(child.period, 1)}, izveidojiet dokumentus vēlreiz no "
                "matricas ar apstiprināto cenu")
    else:
        head = f"Cenas nav apstiprinātas ({', '.join(labels)})"
        then = (f"kad Labklājības ministrija apstiprina {plan_days_price(child.period, len(labels))}, izveidojiet dokumentus "
                "vēlreiz no matricas ar apstiprinātajām cenām")
    if not waiting:  # only A rests on it: no provider's share does (a line of the case's own institution, D50)
        return f"{head}: no {of} atkarīgs IB pieejamais apmērs A, tāpēc {reading_only(child)}; {then}"
    papers = ", ".join(f"{doc}-{p.file_part}" for p in waiting for doc in (PROVIDER_CONTRACT, GUARANTEE))
    numbers = ", ".join(str(p.number) for p in waiting)
    single = len(waiting) == 1  # one provider or a list of them, not numeral agreement (21 providers are many)
    whose = f"sniedzēja Nr. {numbers} daļa" if single else f"sniedzēju Nr. {numbers} daļas"
    what = ("līgums ar sniedzēju un garantijas vēstule" if single
            else "līgumi ar sniedzējiem un garantijas vēstules")
    hangs = "atkarīga" if single else "atkarīgas"
    also = _void_also(waiting, [p for p in waiting if awaited_inputs(p)[0]])
    text = f"{head}: no {of} {hangs} {whose} no IB{also}, tāpēc {what} ({papers}) nav izveidoti; {then}"
    return f"{text}; līdz tam {reading_only(child)}, jo no {of} atkarīgs arī IB pieejamais apmērs A" if a_open else text


def first_plan_line(catalogue: Catalogue, child: ChildContext, day: dt.date) -> str | None:
    """A reminder when the plan is not as long as its round's first plan (the catalogue's ``first_period_months`` on
    ``day``, the matrix's parameters day, L2148): the parent contract names only its plan's own months (D344), and the
    matrix cannot know whether this is the child's first plan. Only in a round that has the rule (the first children's round,
    D113)."""
    programme_round = terms.plan_round(catalogue, child.round_id) if child.round_id is not None else None
    if programme_round is None or not programme_round.first:
        return None
    first_months = int(catalogue.programme.first_period_months.at(day).value)
    if child.months == first_months:
        return None
    # the contract states only its own plan's months (D344): the rule is the methodology's, not a signed clause
    rule = (f"kārtas pirmais atbalsta plāns ilgst {lvformat.months_accusative(first_months)} (metodikas noteikums; "
            f"līgums ar Vecāku, {CONTRACT}, min tikai šā plāna periodu un mēnešus)")
    if child.first_in_round:  # it starts within the round's first reporting period: no plan can precede it (D151)
        return (f"šis ir bērna pirmais atbalsta plāns kārtā (tas sākas {child.start}, kārtas pirmajā pārskata periodā), "
                f"un tā ilgums ir {child.months} {child.months_word}, bet {rule} – pārbaudiet, vai Labklājības "
                "ministrija šādu ilgumu pieļauj")
    return (f"plāna ilgums ir {child.months} {child.months_word}, bet {rule}: matrica nezina, vai šis ir bērna "
            "pirmais plāns kārtā – ja ir, pārbaudiet, vai Labklājības ministrija šādu ilgumu pieļauj")


def code_birth(personal_code: str) -> dt.date | None:
    """The date of birth an old-form Latvian personal code starts with (DDMMYY-CNNNN, C the century: 0 – 1800s,
    1 – 1900s, 2 – 2000s); None for a code that holds none (the new form from 2017 starts with 32) or another form.
    A code whose first six digits are no date returns date.min: it cannot be the child's date of birth either."""
    digits = "".join(ch for ch in personal_code if ch.isalnum())
    if len(digits) != 11 or not digits.isdigit() or digits.startswith("32") or digits[6] not in "012":
        return None
    try:
        return dt.date(1800 + 100 * int(digits[6]) + int(digits[4:6]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return dt.date.min


def code_birth_line(personal_code: str, birth: dt.date, place: str) -> str | None:
    """A reminder when the child's personal code starts with another date than the matrix's date of birth
    (lawyertrial2 F5): the decision to grant or to refuse states both, and the age – eligibility, the rate, a refusal's
    reason – follows the date of birth. Neither is printed here (the console shows no personal data): only where they
    are. ``place``: the two cells (places.named)."""
    from_code = code_birth(personal_code)
    if from_code is None or from_code == birth:
        return None
    # the six digits agree and the century digit does not (140516-0… for 14.05.2016): a worker comparing the six
    # digits would find them right, so the line names the digit that is wrong
    century = from_code != dt.date.min and (from_code.day, from_code.month, from_code.year % 100) == \
        (birth.day, birth.month, birth.year % 100)
    what = ("bērna personas koda 7. cipars (gadsimts: 0 – 1800., 1 – 1900., 2 – 2000. gadi) neatbilst dzimšanas gadam"
            if century else "bērna personas koda pirmie seši cipari neatbilst dzimšanas datumam")
    return (f"{what} ({place}): lēmumā ir abi, un bērna "
            "vecumu un tiesības uz individuālo budžetu nosaka pēc dzimšanas datuma – pārbaudiet tos pēc dokumentiem, "
            "izlabojiet matricā un izveidojiet dokumentus no jauna")


def next_plan_line(catalogue: Catalogue, child: ChildContext) -> str | None:
    """A reminder when the plan may be the child's next plan in its round (D151): the matrix cannot know whether a
    contract with the parent already exists. If it does, the next plan is added to it as new annexes (the contract's
    own amendment clause) and decided anew – no second contract. A plan from the round's first service day is the
    child's first. In a round with the first-plan rule (D127, L2148: the first plan ends with the round's first
    reporting period) no plan that starts within that period can be a next one – the round's own first plan
    starts after the first service day when it is shorter than the period (audit27 F4) –, so the reminder starts
    after it."""
    programme_round = terms.plan_round(catalogue, child.round_id) if child.round_id is not None else None
    if programme_round is None or child.start_day is None:
        return None
    if terms.certainly_first_plan(catalogue, child.round_id, child.start_day):
        return None
    if programme_round.first:
        first_period = next(p for p in catalogue.children_reporting_periods()
                            if p.round_id == child.round_id and p.number == 1)
        since = (f"pēc kārtas pirmā pārskata perioda ({lvformat.date(first_period.start)}–"
                 f"{lvformat.date(first_period.end)})")
    else:
        since = f"nevis kārtas pirmajā pakalpojumu dienā {lvformat.date(programme_round.paid_from)}"
    return (f"plāns sākas {lvformat.date(child.start_day)}, {since}, tāpēc tas var būt bērna nākamais atbalsta "
            f"plāns: ja līgums ar Vecāku šajā kārtā jau ir noslēgts, otru līgumu ({CONTRACT}) neslēdz – paraksta tikai "
            f"jaunā plāna pielikumus esošajam līgumam ({NEXT_ANNEXES}), ierakstot tajos esošā līguma numuru un datumu, "
            f"kā paredz līguma nodaļa „Līguma grozīšana”, un jauno lēmumu ({DECISION}), atzīmējot tajā, ka bērns kārtā "
            "jau piedalās; ja līguma vēl nav, paraksta līgumu un lēmumu, atzīmējot, ka individuālo budžetu piešķir "
            "pirmo reizi" + _contract_term_words(child) + CASE_FILE_WORDS)


def later_plans_line(child: ChildContext) -> str | None:
    """A certainly first plan: which later periods' plans its contract can take as annexes, by its signing day
    (contract_term.later_plans_words, D327) – the same sentence as 01's preparer note."""
    return child.later_cover or None


# D323: a possible next plan's folder has the case's title page and the providers' application too, as the matrix cannot
# tell whether the case file exists: the line says which of them a next plan uses
CASE_FILE_WORDS = ("; ja bērns kārtā jau piedalās, klienta lietas titullapu (07-klienta-lietas-titullapa) neizmanto – "
                   "tā ir jau iekārtotajā lietā –, bet iesniegumu par sniedzējiem (05-iesniegums-par-sniedzejiem) "
                   "paraksta arī nākamajam plānam, jo tajā ir šī plāna sniedzēji")


def _contract_term_words(child: ChildContext) -> str:
    """What the next plan's line adds on the contract's term (D323): the existing contract must still hold – and, when
    one signed early in the round ends before the plan does, from which signing day it holds the plan's last day."""
    words = (f"; pirms pielikumu ({NEXT_ANNEXES}) parakstīšanas pārbaudiet, vai esošais līgums tajā dienā vēl ir spēkā "
             f"(līguma nodaļa „Līguma termiņš”): ja tas beidzies, slēdz jaunu līgumu ({CONTRACT})")
    if child.contract_cover_from is not None:
        words += (f"; līgums, kas noslēgts pirms {lvformat.date(child.contract_cover_from)}, beidzas pirms šī plāna "
                  f"beigām {child.end}, tāpēc arī tad slēdz jaunu līgumu ({CONTRACT}), nevis paraksta pielikumus")
    # D327: the decision then says so – its third box (already in the round, the contract does not hold the plan)
    return words + (f"; ja bērnam, kas kārtā jau piedalās, slēdz jaunu līgumu, lēmumā ({DECISION}) atzīmē, ka "
                    "esošais līgums nav spēkā līdz plāna perioda beigām")


def one_of_lines(child: ChildContext, names: Sequence[str]) -> list[str]:
    """Per provider that gets both a contract (02) and a guarantee letter (03): only one of them is signed, as
    the parent contract's settlement section says (a contract or a guarantee letter), never both."""
    lines = []
    for provider in child.providers:
        contract = f"{PROVIDER_CONTRACT}-{provider.file_part}"
        letter = f"{GUARANTEE}-{provider.file_part}"
        if not any(n.startswith(f"{contract}.") for n in names) or not any(n.startswith(f"{letter}.") for n in names):
            continue
        lines.append(f"sniedzējam {provider_name(provider)} paraksta vai nu līgumu ({contract}), vai garantijas "
                     f"vēstuli ({letter}), ne abus")
    return lines


def group_price_lines(catalogue: Catalogue, child: ChildContext, day: dt.date, prices: Sequence[Decimal | None],
                      names: Sequence[str], confirmed: frozenset[str] = frozenset()) -> list[str]:
    """D275: a group session priced at the group ceiling itself while the client transport part to be taken from it is
    not confirmed: 02 and 03 print the price, and their annex the ceiling less that part, so any part above nothing
    puts the signed price over the papers' own cap. Said per such line funded from IB, with the papers that carry it
    (they say the price binds only up to the ceiling less the part); never the unconfirmed part as a figure.
    ``prices``: the lines' prices (6.3 order), ``day``: the matrix's parameters day; ``confirmed``: the prices whose
    „jāprecizē” value of that day the catalogue confirms on the papers' day (papers_offers(…).prices, D296) – the two
    statuses are read on the papers' day, as the papers print them."""
    base = catalogue.price_by_id[GROUP_CEILING_ID].at(day)
    part = catalogue.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(day)

    def settled(price_id: str, value: PriceValue) -> bool:
        return value.status is PriceStatus.confirmed or price_id in confirmed

    if (child.not_eligible or base is None or base.amount is None or not settled(GROUP_CEILING_ID, base)
            or part is None or settled(GROUP_TRANSPORT_REDUCTION_ID, part)):
        return []
    capped = {o.id for o in catalogue.offers(day) if o.group_ceiling}
    lines = []
    for provider in child.providers:
        papers = [f"{doc}-{provider.file_part}" for doc in (PROVIDER_CONTRACT, GUARANTEE)
                  if any(n.startswith(f"{doc}-{provider.file_part}.") for n in names)]
        for line in provider.lines:
            if not papers or not line.funded or line.offer_id not in capped or prices[line.number - 1] != base.amount:
                continue
            # the letter guarantees the price where the contract binds it (D275); rows by their 6.3 number (D273)
            binds = "saistoša (vēstulē – garantēta)" if any(p.startswith(GUARANTEE) for p in papers) else "saistoša"
            lines.append(f"6.3. tabulas {line.number}. rinda ({line.label}): cena {eur(base.amount)} ir grupu "
                         "nodarbību augstākā "
                         "cena pirms klienta transporta daļas atskaitīšanas, bet šī daļa vēl nav apstiprināta – ja "
                         "apstiprinātā daļa nebūs nulle, nolīgtā cena pārsniegs pieļaujamo; "
                         f"{lvformat.agree(len(papers), 'failā', 'failos')} {lvformat.listed(papers)} cena ir "
                         f"{binds} tikai līdz {eur(base.amount)}, atskaitot šo daļu, – pārrunājiet to ar sniedzēju "
                         "pirms parakstīšanas vai vienojieties par zemāku cenu")
    return lines


def zero_unit_lines(lines: Sequence[PlanLine], providers: Mapping[str, str]) -> list[str]:
    """Per plan line with a service but 0 units in the period (audit33b F10): it gets no priority and no money, so the
    papers leave it out (the annexes keep the other lines' 6.3 numbers, so its number is missing there), yet the
    matrix's signed 6.3 prints it – said, so that a forgotten quantity is not signed away unseen. ``providers``:
    service label -> the provider's name as typed in 6.8 (reading.providers)."""
    found = []
    for i, line in enumerate(lines):
        if not line.offer_id or line.units > 0:
            continue
        name = (providers.get(line.label) or "").strip()
        whose = f", sniedzējs {lvformat.latvian_quotes(name)}" if name else ""
        found.append(f"6.3. tabulas {i + 1}. rinda ({line.label or line.offer_id}{whose}): daudzums periodā ir 0, tāpēc "
                     f"dokumentos šīs rindas nav (pielikumos tās numurs izlaists) – ja pakalpojums ir paredzēts, "
                     "ierakstiet daudzumu matricā un izveidojiet dokumentus vēlreiz, ja nav – izdzēsiet rindu matricā")
    return found


PROVIDERS_CHOICE = "05-iesniegums-par-sniedzejiem"  # the parent's choice of providers: every line's provider


def nameless_lines(child: ChildContext, names: Sequence[str], places: Mapping[str, str]) -> list[str]:
    """Per plan line whose provider 6.8 leaves empty (audit27 F3): the papers made for it print a blank where the
    provider's name goes – the parent's choice of providers (05) and, for a line of the nameless provider group
    (D126), its contract (02) and guarantee letter (03). Not refused (a blank party may be filled in by hand), but said
    where: ``places``, label -> the empty cell with its label and item (reading.provider_places, read from the file's
    names); without one, the table and the service."""
    if child.not_eligible:
        return []
    nameless = next((p for p in child.providers if not p.name), None)  # the lines with no name, as one provider
    own = [f"{doc}-{nameless.file_part}" for doc in (PROVIDER_CONTRACT, GUARANTEE)
           if any(n.startswith(f"{doc}-{nameless.file_part}.") for n in names)] if nameless is not None else []
    lines = []
    for line in child.lines:
        if line.provider:
            continue
        papers = [*(own if not line.to_parent else []),  # a line repaid to the parent has no provider papers (D29)
                  *([PROVIDERS_CHOICE] if any(n.startswith(f"{PROVIDERS_CHOICE}.") for n in names) else [])]
        if not papers:
            continue
        place = places.get(line.label) or f"6.8. tabula, pakalpojums „{line.label}”"
        lines.append(f"{place}: sniedzējs nav norādīts, tāpēc {lvformat.agree(len(papers), 'failā', 'failos')} "
                     f"{lvformat.listed(papers)} sniedzēja vieta ir tukša – ierakstiet sniedzēju matricā un izveidojiet dokumentus "
                     "vēlreiz vai ierakstiet to dokumentos ar roku pirms parakstīšanas")
    return lines


PREPARER_CLASS = 'class="note preparer"'  # html.preparer_notes: an instruction to the preparer (D161)


def preparer_lines(documents: Sequence, waiting: Waiting = SIGNABLE) -> list[str]:
    """Which papers carry instructions to the preparer (D161, audit41 F1): the PDF is signed as printed – its
    act's pages hold none, they are on the sheet after it, which is not signed; in the DOCX they stand beside their
    places and are deleted before signing (audit38 F4). ``waiting``: papers not signable while A is a blank
    (not_signable) – not listed among those to check before signing (D344, D348)."""
    ids = [d.spec.id for d in documents if PREPARER_CLASS in d.html and d.spec.id not in waiting]
    if not ids:
        return []
    return [f"{', '.join(ids)}: PDF paraksta, kā izdrukāts – tikai lapas „Lapa 1 no …”; lapas „Norādījumi "
            "sagatavotājam” aiz tām nav dokumenta daļa, tās neparaksta un nepievieno. Ja parakstāt no DOCX faila, "
            f"tajā vispirms izdzēsiet rindkopas „{PREPARER_LABEL}”; zemsvītras piezīmes paliek (tās skaidro tukšās "
            "vietas)"]


def one_of_console(one_of: Sequence[str]) -> list[str]:
    """The console's reminder for ``one_of_lines``: without the providers' names (a provider may be a person)."""
    if not one_of:
        return []
    return [f"katram sniedzējam paraksta vai nu līgumu ({PROVIDER_CONTRACT}-…), vai garantijas vēstuli "
            f"({GUARANTEE}-…), ne abus (sniedzēji – parskats.txt)"]


def report_section(warnings: Sequence[str], one_of: Sequence[str], *, draft: bool = False) -> list[str]:
    """The parskats.txt section under HEADING (DRAFT_HEADING for a draft), or nothing when there is nothing to
    check."""
    if not warnings and not one_of:
        return []
    return ["", DRAFT_HEADING if draft else HEADING, *(f"  - {w}" for w in warnings),
            *(f"  - {o[0].upper()}{o[1:]}" for o in one_of)]
