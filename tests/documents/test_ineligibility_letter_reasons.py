"""Letter 18 lists the reasons an application does not go on to the selection, not "criteria" the child fails
(audit29 F6): the rows are negated facts and two of them are no selection criterion, so the column is
„Neatbilstības iemesls" and the intro covers every row; the sentence on not forwarding the application has its
subject, the defined term "Dienests"."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY

LETTER = "18-vestule-par-neatbilstibu"


def _letter(catalogue: Catalogue, day=None) -> str:  # noqa: ANN001
    doc = render_municipality(catalogue, catalogue.municipality("jelgava"), [by_id(LETTER)], build_date=day)[0]
    assert ">Neatbilstības iemesls</th>" in doc.body, day  # the column's heading
    return normalise(parse(doc.body).text())


def test_the_letter_lists_reasons_under_an_intro_that_covers_every_row(catalogue: Catalogue) -> None:
    for day in (PILOT_DAY, None):
        text = _letter(catalogue, day)
        assert "Kritērijs, kuram bērns neatbilst" not in text and "Bērns neatbilst šādiem" not in text, day
        assert "iesniegumu nevar atbalstīt tabulā atzīmētā iemesla (iemeslu) dēļ:" in text, day
        assert "Ja atzīmēts iemesls „iesniegums iesniegts pēc …”" in text, day
    # without the pilot's stages the selection is named in the locative, not a genitive hanging on „iesniegumu”
    # review29 F2; made today, after the pilot: the neutral „kārta” (D129)
    assert "Kārtas dalībnieku atlasē iesniegumu nevar atbalstīt" in _letter(catalogue, None)
    pilot = _letter(catalogue, PILOT_DAY)
    assert "Izmēģinājumprojekta dalībnieku atlases 1. posmā iesniegumu nevar atbalstīt" in pilot
    assert "Tāpēc Dienests Jūsu iesniegumu Labklājības ministrijas projekta komandai bērnu atlasei nenosūta" in pilot
