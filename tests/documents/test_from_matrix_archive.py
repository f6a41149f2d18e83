"""An archive copy (`--arhivam`) made years after its plan shows the party names, legal norms and round dates
of the day before the plan began (archive.papers_day, D69), not blanks
because nothing is confirmed for the build day (audit8 F23), and it asks no one to fill in what was
confirmed then."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.archive import papers_day
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.htmltree import parse
from tests.documents.from_matrix_helpers import plan_reading

BUILD_DAY = dt.date(2026, 12, 1)
CASE = "jelgava"
SESSION = "3.1.2i"  # an individual session at the provider's own (entered, so confirmed) price
NORM_NOTE = "Ieraksta normu"  # the footnote under a blank legal norm (D42)


def _texts(catalogue: Catalogue, archive: bool) -> dict[str, str]:
    reading = plan_reading(catalogue, CASE, ((SESSION, 10, Decimal(20), (5, 5), "SIA Ergo Paraugs"),))
    child = build(reading, catalogue, pseudonymous=False, day=BUILD_DAY)
    documents = render_child(catalogue, catalogue.municipality(CASE), child, reading.data.params_day, False,
                             build_day=BUILD_DAY, archive=archive)
    return {d.spec.id: re.sub(r"\s+", " ", parse(d.html).text()) for d in documents}


def test_the_papers_day_is_the_day_before_the_plan() -> None:
    assert papers_day(dt.date(2018, 10, 1)) == dt.date(2018, 9, 30)
    assert papers_day(dt.date(2019, 1, 1)) == dt.date(2018, 12, 31)


def test_an_archive_copy_names_the_parties_and_norms_of_the_day_its_papers_were_signed(
        catalogue: Catalogue) -> None:
    names = catalogue.municipality_names
    signed = dt.date(2018, 9, 30)
    then = names.confirmed_on(CASE, "municipality", signed)
    assert then is not None and names.confirmed_on(CASE, "municipality", BUILD_DAY) is None
    programme_round = next(r for r in catalogue.rounds if CASE in r.municipalities)
    copy = _texts(catalogue, archive=True)
    assert {"01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"} <= set(copy)
    for doc_id, text in copy.items():
        assert then.name in text, doc_id
        assert "spēkā 01.12.2026" not in text and "izveidoja 01.12.2026" in text, doc_id
        assert "spēkā 30.09.2018" in text, doc_id  # the archive note, and a name unconfirmed even then
    decision = copy["08-lemums-par-pieskirsanu"]
    assert "noteikumu Nr. 288" in decision
    # the only norm left blank: the social services law's appeal norm, unverified on any day (D74)
    assert decision.count(NORM_NOTE) == 1 and "17.¹ pants" in decision.split(NORM_NOTE)[1]
    assert f"{programme_round.end:%d.%m.%Y}" in copy["01-ligums-ar-vecaku"]


def test_papers_made_on_the_build_day_keep_its_blanks(catalogue: Catalogue) -> None:
    """Not an archive: the same papers dated 01.12.2026 print no name or norm unconfirmed for that day."""
    names = catalogue.municipality_names
    then = names.confirmed_on(CASE, "municipality", dt.date(2018, 9, 30))
    today = _texts(catalogue, archive=False)
    assert then.name not in today["08-lemums-par-pieskirsanu"]
    assert NORM_NOTE in today["08-lemums-par-pieskirsanu"]


def test_an_archive_copy_asks_no_one_to_fill_in_its_blanks(catalogue: Catalogue) -> None:
    """audit10 F15: the social service's name is unconfirmed on the papers' day too, so the copy keeps its blank,
    but no note tells the reader to write a name in; the banner says the blanks stay as they were, and a term
    the text uses is still defined."""
    assert catalogue.municipality_names.confirmed_on(CASE, "social_service", dt.date(2018, 9, 30)) is None
    copy, today = _texts(catalogue, archive=True), _texts(catalogue, archive=False)
    for doc_id, text in copy.items():
        assert "sociālā dienesta nosaukums" in text, doc_id  # the labelled blank (D103)
        assert "Tukšajās vietās ierakstiet" not in text and "ierakstiet" not in text.lower(), doc_id
        assert "kopijā tukšās vietas neaizpilda" in text, doc_id
        assert "Tukšajās vietās ieraksta" in today[doc_id], doc_id  # not an archive: the note stays
    # a term the text uses is defined; a paper that uses none (07) defines none
    assert "(sociālā dienesta nosaukums datīvā; turpmāk – Dienests) ir iesniedzis" in copy["08-lemums-par-pieskirsanu"]
    assert "Tekstā:" not in copy["07-klienta-lietas-titullapa"] and "turpmāk –" not in copy["07-klienta-lietas-titullapa"]
