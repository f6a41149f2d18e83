"""Whether each child's final amount F of a collection may be sent as final (D268, D269), and the default funding
when no --envelope is given (D268).

- A used matrix with counted rule errors (the matrix itself prints that its sums are not valid) never yields a final
  F: its row is „matricā kļūdas” and the CSV has no figure for it. Its N is in every child's pool share (D7), so while
  one matrix has errors every other F is provisional too, with a reason that counts the matrices.
- An F resting on a price checked against a ceiling that is still „jāprecizē” (warning ``ceiling_unconfirmed``, D22)
  is provisional: its row says why, and the summary lists each such line with its file and place.
- So is an F whose plan has a line with a provider's price of 0,00 (warning ``no_provider_price``, D364): the line is
  not in N until its price is typed, so N is only a lower bound; the summary lists each such line on „Brīdinājumi”.
  As with a ceiling, only that child's F: the others depend on it through the pool alone (D269).
- B's status is the one of the collection's day (D296): a matrix whose B was „jāprecizē” on its prices day rests on a
  confirmed B once the catalogue's last entry of the same amount by that day confirms it (``on_collection_day``); an
  entry of another amount is a new value for later plans and leaves it, a withdrawal at the same amount undoes it –
  also of a B confirmed on the prices day. A ceiling warning whose 6.8 rows stand confirmed on that day is dropped (the
  papers' items, confirmed_by), so the line is no unconfirmed ceiling; a ceiling confirmed on the prices day and
  withdrawn at the same amount by that day adds one, naming the day and the line's place (D302).
- The default funding is B × children: the ministry's B when every used matrix has the same B typed in its 6.11
  (D72) – not the catalogue's own unconfirmed B copied into the cell (D257) –, else the catalogue's B; when Σ P then
  exceeds it, a warning names both sums.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import agree, eur
from generator.lvformat import date as lv_date
from generator.ministry.ceiling_parts import name_withdrawn_parts, withdrawn_parts
from generator.ministry.records import ChildRecord
from generator.ministry.withdrawn_by_day import name_withdrawn_by_day
from generator.reference.ceilings_on_day import (
    CEILING_WARNING,
    CeilingsOnDay,
    group_open_on,
    named_open_on_day,
)
from generator.reference.findings import Finding, Severity
from generator.reference.params import ministry_base as reference_ministry_base
from generator.reference.params import unconfirmed_base
from generator.reference.plan_changes import (
    base_confirmed_since,
    base_withdrawn_by,
    base_withdrawn_since,
    items_withdrawn_by,
)
from generator.reference.rules import ON_MATRIX_DAY
from generator.withdrawn_wording import BASE, CEILINGS, again_open, confirmed

STATUS_FINAL = "galīgs"
STATUS_PROVISIONAL = "provizorisks"
STATUS_ERRORS = "matricā kļūdas"
STATUS_CEILING = "provizorisks – griesti nav apstiprināti"
STATUS_NO_PRICE = "provizorisks – nav sniedzēja cenas"
STATUS_IMPLAUSIBLE = "provizorisks – cena jāpārbauda"
NO_PRICE_WARNING = "no_provider_price"  # reference.rules.check_missing_prices (D364)
IMPLAUSIBLE_WARNING = "price_implausible"  # a price above its unit's plausible highest (D370)



def has_errors(record: ChildRecord) -> bool:
    """The matrix has counted rule errors (its 6.11 count and „NAV PARAKSTĀMS”), recomputed."""
    return any(f.counts and f.severity is Severity.error for f in record.result.findings)


def _counted(record: ChildRecord, code: str) -> list[Finding]:
    """The record's counted findings of ``code``, each with its place."""
    return [f for f in record.result.findings if f.code == code and f.counts]


def ceiling_warnings(record: ChildRecord) -> list[Finding]:
    """The plan lines whose price was checked against a ceiling that is not confirmed (D22), each with its place."""
    return _counted(record, CEILING_WARNING)


def no_price_warnings(record: ChildRecord) -> list[Finding]:
    """The plan lines with a provider's price of 0,00 (D364): not in N until the price is typed, each with its place."""
    return _counted(record, NO_PRICE_WARNING)


def implausible_warnings(record: ChildRecord) -> list[Finding]:
    """The plan lines whose price is above its unit's plausible highest (D370): a typing slip (a comma left out) would
    make N and the child's share of the pool a hundred times too large, so F waits until the price is checked."""
    return _counted(record, IMPLAUSIBLE_WARNING)


def own_provisional(record: ChildRecord) -> bool:
    """The child's own F is not final for a line of its own plan: an unconfirmed ceiling (D269), no provider's
    price (D364) or a price above its unit's plausible highest (D370)."""
    return bool(ceiling_warnings(record) or no_price_warnings(record) or implausible_warnings(record))


def errors_reason(records: Iterable[ChildRecord], previous: Iterable[ChildRecord] = ()) -> str | None:
    """Why every F is provisional while a used matrix has rule errors (D268), None when none has. ``previous``: the
    used --previous matrices; each one's unused amount (IB part minus paid) enters this period's pool (D7), so one
    with rule errors makes every F provisional too, said as the previous period's (review33 F5)."""
    parts = [_current_errors(n)] if (n := sum(1 for r in records if has_errors(r))) else []
    if m := previous_with_errors(previous):
        parts.append(_previous_errors(m))
    return "; ".join(parts) or None


def previous_with_errors(previous: Iterable[ChildRecord]) -> int:
    """How many used previous-period matrices have counted rule errors (their unused amount is in the pool)."""
    return sum(1 for r in previous if has_errors(r))


def _current_errors(n: int) -> str:
    return (f"{n} {agree(n, 'izmantotajā matricā', 'izmantotajās matricās')} ir noteikumu kļūdas (lapa „Noteikumu "
            # the pronouns refer back to the matrices: singular for one only, not by the numeral rule (21 matricā)
            f"kļūdas”); {'šī bērna F nav derīgs' if n == 1 else 'šo bērnu F nav derīgi'} (statuss „{STATUS_ERRORS}”, "
            f"CSV bez summas), un, tā kā {'viņa' if n == 1 else 'viņu'} N ir visu bērnu pārdales daļās, arī pārējo "
            "bērnu F ir provizoriski, kamēr "
            f"{'matrica nav izlabota un savākta' if n == 1 else 'matricas nav izlabotas un savāktas'} vēlreiz")


def _previous_errors(m: int) -> str:
    one = m == 1
    return (f"iepriekšējā perioda mapē {m} {agree(m, 'izmantotajā matricā', 'izmantotajās matricās')} ir noteikumu "
            f"kļūdas (sk. brīdinājumus), un, tā kā {'tās neizlietotā summa ir' if one else 'to neizlietotās summas ir'} "
            "šī perioda pārdales fondā, visu bērnu F ir provizoriski, kamēr "
            f"{'šī matrica nav izlabota' if one else 'šīs matricas nav izlabotas'} un savākšana ar --previous nav "
            "atkārtota")


def provisional_why(provisional: bool, records: Iterable[ChildRecord], previous: Iterable[ChildRecord] = ()) -> str:
    """Why every F of a collection is provisional, in short (D117, D268), or "": the summary's Σ F row and each CSV
    row's „iemesls” (child_reason) say it alike. ``provisional``: B is not confirmed on the collection's day."""
    why = ["bāzes apmērs B nav apstiprināts"] if provisional else []
    if n := sum(1 for r in records if has_errors(r)):
        why.append(f"{n} {agree(n, 'matricā', 'matricās')} noteikumu kļūdas")
    if m := previous_with_errors(previous):  # their unused amount is in the pool (D268)
        why.append(f"iepriekšējā perioda {m} {agree(m, 'matricā', 'matricās')} noteikumu kļūdas")
    return "; ".join(why)


def child_reason(record: ChildRecord, why: str) -> str:
    """Why one child's F is not final, as its CSV row's „iemesls” says it beside child_status (D320): the rule errors
    of its own matrix; its own unconfirmed ceiling, its own line without a provider's price (D364) and then the
    collection's ``why`` (provisional_why); "" for a final F."""
    if has_errors(record):
        return "šī bērna matricā ir noteikumu kļūdas"
    own = [CEILING_REASON] if ceiling_warnings(record) else []
    own += [NO_PRICE_REASON] if no_price_warnings(record) else []
    own += [IMPLAUSIBLE_REASON] if implausible_warnings(record) else []
    return "; ".join(own + ([why] if why else []))


CEILING_REASON = "plāna rindas cena pārbaudīta pret griestiem, kas nav apstiprināti"
NO_PRICE_REASON = "plāna rindai nav sniedzēja cenas (cena 0,00), tāpēc N to neietver"
IMPLAUSIBLE_REASON = "plāna rindas cena pārsniedz tās mērvienības ticamo cenu – jāpārbauda matricas 6.8. tabulā"


def child_status(record: ChildRecord, provisional: bool) -> str:
    """One child's CSV status: errors first, then its own unconfirmed ceiling, then its own line without a
    provider's price (D364; child_reason names both when both hold), then the collection's reason (``provisional``:
    an unconfirmed B, or rule errors in some matrix)."""
    if has_errors(record):
        return STATUS_ERRORS
    if ceiling_warnings(record):
        return STATUS_CEILING
    if no_price_warnings(record):
        return STATUS_NO_PRICE
    if implausible_warnings(record):
        return STATUS_IMPLAUSIBLE
    return STATUS_PROVISIONAL if provisional else STATUS_FINAL


def ministry_base(record: ChildRecord) -> Decimal | None:
    """The B typed in the matrix's 6.11 as the ministry's own (D72), None when none is typed or when it is the
    catalogue's B while that is not confirmed on the matrix's parameters day (``record.base_confirmed``): a
    reconstruction copied into the cell is no B the ministry set, and the matrix warns of it (D257, D268). The rule
    is the reference's (reference.params.ministry_base)."""
    return reference_ministry_base(record.inputs.base, record.catalogue_base, record.base_confirmed)


def on_unconfirmed_base(record: ChildRecord) -> bool:
    """The child's P rests on the catalogue's unconfirmed B (reference.params.unconfirmed_base): no B of the ministry's
    in 6.11 while the catalogue's B is „jāprecizē” on the matrix's parameters day (D72, D257)."""
    return unconfirmed_base(record.inputs.base, record.catalogue_base, record.base_confirmed)


def typed_base(records: list[ChildRecord]) -> Decimal | None:
    """The ministry's B (ministry_base) when every used matrix has the same one typed in 6.11 (D72), else None."""
    bases = {ministry_base(r) for r in records}
    if len(bases) != 1 or None in bases:
        return None
    return next(iter(bases))


class DefaultEnvelope(NamedTuple):
    """The funding when no --envelope is given (default_envelope): every sentence on it – the funding row's note, the
    front page's word on a typed B, the Σ P warning – says which B it rests on from ``matrix_base`` alone."""

    amount: Decimal
    note: str  # how it was set, for the funding row
    matrix_base: bool  # True: the ministry's B typed the same in every matrix's 6.11 (D72); False: the catalogue's B


# which B the default funding rests on, as the front page's count of matrices with another B says it
MATRIX_BASE_WORDS = "visu matricu 6.11. tabulā ierakstīto bāzes apmēru B (tas visās ir viens un tas pats)"
CATALOGUE_BASE_WORDS = "kataloga B"


def default_base_words(matrix_base: bool) -> str:
    """The B the default funding rests on (DefaultEnvelope.matrix_base), after „rēķināts ar”."""
    return MATRIX_BASE_WORDS if matrix_base else CATALOGUE_BASE_WORDS


def default_envelope(records: list[ChildRecord]) -> DefaultEnvelope:
    """The funding when no --envelope is given: amount, how it was set, whether it rests on the matrices' B."""
    n = len(records)
    children = f"{n} {agree(n, 'bērns', 'bērni')}"
    base = typed_base(records)
    if base is not None:
        return DefaultEnvelope(base * n, (f"noklusējums: {eur(base)} × {children} (bāzes apmērs B, kas ierakstīts visu "
                                          "matricu 6.11. tabulā)"), True)
    bases = sorted({r.catalogue_base for r in records})
    base_text = eur(bases[0]) if len(bases) == 1 else "kataloga bāzes apmēri"
    return DefaultEnvelope(sum((r.catalogue_base for r in records), Decimal(0)),
                           f"noklusējums: {base_text} × {children} (kataloga bāzes apmērs)", False)


def envelope_warning(records: list[ChildRecord], envelope: Decimal, given: bool,
                     matrix_base: bool = False) -> str | None:
    """Σ P above the default funding: matrices whose typed B is above the catalogue's, but not all with the same B
    (D268). None with --envelope (the analyst's own figure, warned about by the command when Σ min(N, P) exceeds
    it) or when Σ P fits. ``matrix_base``: the default rests on the B typed in every matrix (DefaultEnvelope), so the
    warning names that B, not the catalogue's."""
    total = sum((r.result.provisional for r in records), Decimal(0))
    if given or total <= envelope:
        return None
    if matrix_base:  # P = rate × B: only a rate above 1 could do it; said as it is, not as the catalogue's B
        return (f"Σ P {eur(total)} pārsniedz noklusējuma finansējumu {eur(envelope)} (visu matricu 6.11. tabulā "
                "ierakstītais B × bērnu skaits); pārbaudiet ierakstītos B (lapas „Bērni” kolonna „B avots”) vai "
                "norādiet finansējumu ar --envelope")
    typed = sum(1 for r in records if r.inputs.base is not None and r.inputs.base != r.catalogue_base)
    return (f"Σ P {eur(total)} pārsniedz noklusējuma finansējumu {eur(envelope)} (kataloga B × bērnu skaits): "
            f"{typed} {agree(typed, 'matricā', 'matricās')} 6.11. tabulā ierakstīts B, kas atšķiras no kataloga B, "
            "bet citās matricās B nav ierakstīts vai ir cits; pārbaudiet ierakstītos B (lapas „Bērni” kolonna "
            "„B avots”) vai norādiet finansējumu ar --envelope")


class OnTheDay(NamedTuple):
    """The records with B's and the ceilings' status of the collection's day (on_collection_day), and for the summary
    to say: the days from which B, „jāprecizē” on some matrix's prices day, stands confirmed; the days from which a
    6.8 ceiling does; each withdrawn B's day by the child's pseudonym (B confirmed on the matrix's prices day or later,
    „jāprecizē” again at the same amount on the collection's day)."""

    records: list[ChildRecord]
    base_days: list[dt.date]
    ceiling_days: list[dt.date]
    withdrawn: dict[str, dt.date]
    # each B withdrawn by the matrix's own prices day (inside a withdrawal's gap, D342) and still „jāprecizē” on the
    # collection's day, by the child's pseudonym, with the withdrawal's first day
    withdrawn_by_day: dict[str, dt.date] = {}


def on_collection_day(records: list[ChildRecord], catalogue: Catalogue, day: dt.date) -> OnTheDay:
    """The records with B's and the ceilings' status of the collection's ``day`` (D296), the papers' rule
    (reference.plan_changes: base_confirmed_since, items_confirmed_since – confirmed_by's): a B „jāprecizē” on the
    matrix's prices day counts as confirmed when that amount stands confirmed on ``day``, a B confirmed then counts as
    „jāprecizē” when a later entry of the same amount withdraws it by ``day``; a ceiling warning (D22) whose every line's
    6.8 row stands confirmed on ``day`` is no longer the record's – the line is no unconfirmed ceiling, as in the
    papers."""
    states: dict[dt.date, tuple[dt.date | None, dt.date | None, CeilingsOnDay]] = {}
    base_by_day: dict[dt.date, dt.date | None] = {}
    by_day: dict[str, dt.date] = {}
    out: list[ChildRecord] = []
    base_days: set[dt.date] = set()
    ceiling_days: set[dt.date] = set()
    withdrawn: dict[str, dt.date] = {}
    parts: dict[dt.date, dict[str, tuple[str, dt.date]]] = {}
    gaps: dict[dt.date, dict[str, dt.date]] = {}
    group_open: dict[dt.date, frozenset[str]] = {}
    for record in records:
        if record.params_day not in states:
            states[record.params_day] = (base_confirmed_since(catalogue, record.params_day, day),
                                         base_withdrawn_since(catalogue, record.params_day, day),
                                         CeilingsOnDay.of(catalogue, record.params_day, day))
        since, gone, ceilings = states[record.params_day]
        if not record.base_confirmed and since is not None:
            record = dataclasses.replace(record, base_confirmed=True)
            base_days.add(since)
        elif record.base_confirmed and gone is not None:
            record = dataclasses.replace(record, base_confirmed=False)
            withdrawn[record.code] = gone
        if not record.base_confirmed:  # withdrawn by the matrix's own day: said so, not as „jāprecizē” alone (D342)
            if record.params_day not in base_by_day:
                base_by_day[record.params_day] = base_withdrawn_by(catalogue, record.params_day)
            if (gap := base_by_day[record.params_day]) is not None:
                by_day[record.code] = gap
        # the papers' rule of a ceiling's status on the day (ceilings_on_day.py): a marked row's too (D319)
        found = ceilings.warnings(record.result.findings, record.inputs.lines)
        if found.kept != list(record.result.findings):  # a ceiling warning dropped or an error said anew (D383)
            record = dataclasses.replace(record, result=dataclasses.replace(record.result, findings=found.kept))
            ceiling_days.update(found.confirmed_days)
        # a ceiling withdrawn by the matrix's own prices day: not „vēl jāprecizē” but withdrawn, from its day (D342)
        if record.params_day not in gaps:
            gaps[record.params_day] = items_withdrawn_by(catalogue, record.params_day)
        record = name_withdrawn_by_day(record, gaps[record.params_day])
        # a group session's reason as of the collection's day: a group parameter confirmed since is not named (D368)
        if record.params_day not in group_open:
            group_open[record.params_day] = group_open_on(catalogue, record.params_day, day)
        named = named_open_on_day(record.result.findings, record.inputs.lines, group_open[record.params_day])
        if named != list(record.result.findings):
            record = dataclasses.replace(record, result=dataclasses.replace(record.result, findings=tuple(named)))
        if record.params_day not in parts:
            parts[record.params_day] = withdrawn_parts(catalogue, record.params_day, day)
        # a part withdrawn since, named in the matrix's own warnings (D302) – a dated warning added above names it
        record = name_withdrawn_parts(record, parts[record.params_day])
        if found.added:
            record = dataclasses.replace(record, result=dataclasses.replace(
                record.result, findings=(*record.result.findings, *_placed(record, found.added))))
            ceiling_days.update(found.confirmed_days)
        out.append(record)
    return OnTheDay(out, sorted(base_days), sorted(ceiling_days), withdrawn, by_day)


def _placed(record: ChildRecord, added: list[Finding]) -> list[Finding]:
    """The warnings of ceilings withdrawn by the collection's day (D302), each with its line's place in the matrix
    read with the file (``ceiling_places``)."""
    if not added:
        return []
    from generator.documents.from_matrix.signing import with_note  # here: that package imports the ministry's

    where = dict(record.ceiling_places)
    return [dataclasses.replace(f, message=with_note(f.message, where[f.lines[0]]))
            if where.get(f.lines[0]) else f for f in added]


def base_confirmed_note(days: list[dt.date], day: dt.date, ceiling_days: list[dt.date] = ()) -> str | None:
    """What the summary and the console say when B, „jāprecizē” on some matrix's prices day, is confirmed at the same
    amount on the collection's ``day`` (D296): from which day, and that the last entry of that amount by ``day``
    decides (last_entry_rule, D303); the same of 6.8 ceilings (``ceiling_days``); None when that is no matrix's
    case."""
    parts = []
    if days:
        parts.append("bāzes apmērs B, kas matricas cenu dienā bija „jāprecizē”, katalogā ar to pašu apmēru "
                     f"{confirmed(BASE)} no {_days(days)}")
    if ceiling_days:
        parts.append("6.8. tabulas griesti, kas matricas cenu dienā bija „jāprecizē”, katalogā ar to pašu apmēru "
                     f"{confirmed(CEILINGS)} no {_days(ceiling_days)}")
    if not parts:
        return None
    why = "B dēļ" if not ceiling_days else "griestu dēļ" if not days else "B un griestu dēļ"
    return f"{'; '.join(parts)} ({last_entry_rule(day)}), tāpēc {why} galīgie apmēri nav provizoriski"


def last_entry_rule(day: dt.date) -> str:
    """Which catalogue entry decides a status on the collection's ``day`` (D296, D303): the last one of the matrix's
    amount by that day – not the value in force that day, which may already be another amount for later plans."""
    return (f"noteicošais ir pēdējais šā apmēra ieraksts katalogā līdz savākšanas dienai {lv_date(day)}; vēlākiem "
            "plāniem tajā dienā spēkā var būt jau cits apmērs")


def _days(days: list[dt.date]) -> str:
    return ", ".join(lv_date(d) for d in days)


def withdrawn_text(days: Iterable[dt.date]) -> str:
    """A withdrawn B as provisional_reason says it (D296): „jāprecizē” again at the same amount from which days."""
    return f"bija {confirmed(BASE)} matricas cenu dienā, taču {again_open()} no {_days(sorted(set(days)))}"


def withdrawn_by_day_text(days: Iterable[dt.date]) -> str:
    """A B withdrawn by the matrix's own prices day (D342) as provisional_reason says it: confirmed once, „jāprecizē”
    again at the same amount from which days – the matrix's day too."""
    return (f"bija {confirmed(BASE)}, taču {again_open()} no {_days(sorted(set(days)))}, {ON_MATRIX_DAY}")


def base_status_words(records: Iterable[ChildRecord], plain: str, gone: dict[str, dt.date],
                      by_day: dict[str, dt.date]) -> str:
    """What provisional_reason says of the unconfirmed B of ``records``: ``plain`` („jāprecizē” on the matrix's day)
    for those neither withdrawn after their matrix's day (``gone``, withdrawn_text) nor by it (``by_day``,
    withdrawn_by_day_text), then each kind that holds, joined by „vai”."""
    if not gone and not by_day:
        return plain
    records = list(records)
    parts = [plain] if any(r.code not in gone and r.code not in by_day for r in records) else []
    if days := [by_day[r.code] for r in records if r.code in by_day and r.code not in gone]:
        parts.append(withdrawn_by_day_text(days))
    if days := [gone[r.code] for r in records if r.code in gone]:
        parts.append(withdrawn_text(days))
    return " vai ".join(parts)
