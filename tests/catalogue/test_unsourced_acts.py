"""An MK regulation the sources do not give is never stated as fact (D241, D152): the methodology names MK
regulations by number only, and the acts the catalogue knows with their dates and sources are those of
tiesibu-akti.yaml. So a dated citation ("MK 18.05.2021 noteikumi Nr. 316") of any other act in a service
description the methodology is the source of, or in a price note, is followed by „rekonstruēts, avotā nav dots”,
and a price whose source is such an act is „jāprecizē”."""

from __future__ import annotations

import re

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus, TextSource

DATED_ACT = re.compile(r"MK (\d{2})\.(\d{2})\.(\d{4})\.? noteikum\w* Nr\. ?(\d+)")
MARK = "rekonstruēts, avotā nav dots"


def known_acts(catalogue: Catalogue) -> set[tuple[str, str]]:
    """(DD.MM.YYYY, number) of every regulation of tiesibu-akti.yaml with a known adoption day."""
    known = set()
    for act in catalogue.legal_acts.acts:
        number = re.search(r"Nr\. (\d+)", act.forms.nominative)
        if act.adopted and number:
            known.add((f"{act.adopted:%d.%m.%Y}", number.group(1)))
    return known


# a sentence ends at a full stop before a capital letter ("Nr. 316" and "22. punkts" do not end one)
SENTENCE_END = re.compile(r"\.\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])")


def unmarked(text: str, known: set[tuple[str, str]]) -> list[str]:
    """Each dated citation of an act not in ``known`` that no „rekonstruēts, avotā nav dots” follows in its own
    sentence of ``text`` (review39: a mark at the end of the text no longer covers every act before it)."""
    found = []
    for match in DATED_ACT.finditer(text):
        day, month, year, number = match.groups()
        rest = text[match.end():]
        end = SENTENCE_END.search(rest)
        if (f"{day}.{month}.{year}", number) not in known and MARK not in rest[:end.start() if end else None]:
            found.append(match.group(0))
    return found


def unsourced_act_numbers(catalogue: Catalogue) -> set[str]:
    """The numbers of the dated acts the catalogue cites without knowing them and without a methodology line
    for the act (Nr. 942 is the methodology's, L1694; its date and successor are not)."""
    known = known_acts(catalogue)
    texts = [f.teksts for s in catalogue.services for f in dict(s.description).values()]
    texts += [v.note or "" for p in catalogue.prices for v in p.values]
    sources = [v.source for p in catalogue.prices for v in p.values]
    numbers = {m.group(4) for t in texts + sources for m in DATED_ACT.finditer(t)
               if (f"{m.group(1)}.{m.group(2)}.{m.group(3)}", m.group(4)) not in known}
    in_methodology = {m.group(4) for s in sources if "metodika L" in s for m in DATED_ACT.finditer(s)}
    return numbers - in_methodology


def test_the_check_sees_an_unmarked_act() -> None:
    known = {("21.04.2008", "288")}
    assert unmarked("MK 21.04.2008 noteikumi Nr. 288; MK 20.04.2021 noteikumi Nr. 250.", known) == [
        "MK 20.04.2021 noteikumi Nr. 250"]
    assert unmarked(f"MK 20.04.2021 noteikumi Nr. 250 ({MARK}).", known) == []
    # a mark in a later sentence does not cover the act
    assert unmarked(f"MK 20.04.2021 noteikumi Nr. 250. Cits teikums ({MARK}).", known) == [
        "MK 20.04.2021 noteikumi Nr. 250"]


def test_service_descriptions_mark_the_acts_the_sources_do_not_give(catalogue: Catalogue) -> None:
    known = known_acts(catalogue)
    assert len(known) >= 2
    found = [(s.id, name, cited) for s in catalogue.services for name, f in dict(s.description).items()
             if f.avots is TextSource.methodology for cited in unmarked(f.teksts, known)]
    assert found == []


def test_price_notes_mark_them_and_prices_resting_on_them_are_to_verify(catalogue: Catalogue) -> None:
    known = known_acts(catalogue)
    notes = [(p.id, v.effective_from, cited) for p in catalogue.prices for v in p.values
             for cited in unmarked(v.note or "", known)]
    assert notes == []
    confirmed = [(p.id, v.effective_from, v.source) for p in catalogue.prices for v in p.values
                 if v.status is PriceStatus.confirmed and any(
                     (f"{m.group(1)}.{m.group(2)}.{m.group(3)}", m.group(4)) not in known
                     for m in DATED_ACT.finditer(v.source))]
    assert confirmed == []


def test_the_unsourced_acts_are_found(catalogue: Catalogue) -> None:
    unsourced = unsourced_act_numbers(catalogue)
    assert unsourced and not unsourced & {number for _day, number in known_acts(catalogue)}
