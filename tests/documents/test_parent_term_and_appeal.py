"""The municipal lawyer's audit41 F4 and F5 on the printed papers (D199, D200): who acts for the child is defined in
the same words wherever the term "Vecāks" is used – a foster family is not a legal representative, and it has a
field for the orphan's court decision that lets it act; every appeal sentence is the one macro's, in the PDF and
the DOCX alike, and names no institution the catalogue does not know (a blank with a note instead)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.paths import documents_dir
from generator.documents.registry import by_id
from tests.documents.conftest import act_pages, normalise, without_footer
from tests.documents.from_matrix_helpers import docx_text
from tests.documents.pilot_bodies import body_text as _text
from tests.documents.pilot_bodies import pilot_bodies  # noqa: F401 (the module's fixture „bodies”)

DEFINITION = "bērna likumiskais pārstāvis (vecāks vai aizbildnis) vai audžuģimene (turpmāk – Vecāks)"
DEFINING = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "04-iesniegums-par-dalibu",
            "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu")
FOSTER_FIELD = "Audžuģimenei – bāriņtiesas lēmums par bērna ievietošanu audžuģimenē (datums, Nr.)"
# the documents identifying the party that acts for the child, with its status
IDENTIFYING = ("01-ligums-ar-vecaku", "04-iesniegums-par-dalibu", "07-klienta-lietas-titullapa")
APPEALING = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
             "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem")
# the appeal sentence after its subject ("Lēmumu" / "Šo lēmumu"), up to the service's address
APPEAL = re.compile(r"(?:Lēmumu|Šo lēmumu) (viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt .*? "
                    r"\(adrese: [^)]*\)\.)")
MARKS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# the blank carries its note's mark (D369): compared without it
APPEAL_BLANK = "var apstrīdēt ______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu"
APPEAL_NOTE = ("Tukšā vieta „var apstrīdēt ______”: ieraksta pašvaldības domi vai tās nolikumā noteikto "
               "institūciju (lokatīvā).")
# a sentence (a clause paragraph or a list item) that uses the term: a capital "Vecāk…" after another word
SENTENCE = re.compile(r'<(?:p class="clause[^"]*"|li)>(.*?)</(?:p|li)>', re.S)
TERM_USE = re.compile(r"\S Vecāk\w*")



def test_every_document_using_the_term_defines_it_in_the_same_words(bodies: dict[str, dict[str, str]]) -> None:
    """F4: a foster family is not a legal representative; 01, 02, 03, 04, 08, 09 and 17 each define "Vecāks"
    once, in one wording, and no other document uses the term in a sentence without defining it."""
    for m, papers in bodies.items():
        defining = set()
        for doc_id, body in papers.items():
            text = _text(body)
            uses = [s for s in SENTENCE.findall(body) if TERM_USE.search(_text(s))]
            if "(turpmāk – Vecāks)" in text:
                defining.add(doc_id)
                assert text.count("(turpmāk – Vecāks)") == 1, (m, doc_id)
                assert text.lower().count(DEFINITION.lower()) == 1, (m, doc_id)
            else:
                assert not uses, (m, doc_id, uses[:1])
            # the old wordings: the foster family among the legal representatives, a bare legal representative
            for old in ("vecāks, aizbildnis vai audžuģimene (turpmāk", "vecākam, aizbildnim vai audžuģimenei",
                        "pārstāvis – vecāks, aizbildnis vai audžuģimene", "likumiskais pārstāvis (turpmāk",
                        "likumisko pārstāvi (turpmāk", "(likumiskais pārstāvis)", "(likumiskā pārstāvja)"):
                assert old not in text, (m, doc_id, old)
        assert defining == set(DEFINING), m


def test_a_foster_family_has_the_field_of_the_decision_that_lets_it_act(bodies: dict[str, dict[str, str]]) -> None:
    """F4: where the party is identified with its status, a foster family writes the orphan's court decision."""
    for m, papers in bodies.items():
        for doc_id in IDENTIFYING:
            text = _text(papers[doc_id])
            status = "Statuss: ☐ vecāks ☐ aizbildnis ☐ audžuģimene"
            assert text.count(status) == 1 and text.count(FOSTER_FIELD) == 1, (m, doc_id)
            assert text.index(status) < text.index(FOSTER_FIELD), (m, doc_id)


def test_an_appeal_without_a_catalogued_body_is_a_blank_with_its_note(bodies: dict[str, dict[str, str]]) -> None:
    """F5 (D200): no municipality's appeal body is in the catalogue, so no act names the municipality as the body:
    the body is a blank with its label, and the note under the paragraph says which bodies it may be."""
    for m, papers in bodies.items():
        for doc_id in APPEALING:
            text = MARKS.sub("", _text(papers[doc_id]))
            assert text.count(APPEAL_BLANK) == 1, (m, doc_id)
            assert text.count(APPEAL_NOTE) == 1, (m, doc_id)
            assert text.index(APPEAL_BLANK) < text.index(APPEAL_NOTE), (m, doc_id)


@pytest.mark.xdist_group("documents-build")
def test_the_printed_papers_define_the_term_and_appeal_in_one_wording(built: Path,
                                                                      built_municipalities: list[Municipality],
                                                                      catalogue: Catalogue,
                                                                       pdf_text) -> None:  # noqa: ANN001
    """The session's build (PDF and DOCX of its municipalities, D292): the definition stands in each defining
    document's act, and the appeal sentence of 08, 09, 17, 18 and 29 is one text in both files."""
    for m in built_municipalities:
        folder = documents_dir(built, m.id)
        sentences = {}
        for doc_id in (*DEFINING, *APPEALING):
            spec = by_id(doc_id)
            pages = act_pages(pdf_text(folder / f"{doc_id}.pdf").split("\f"))
            pdf = " ".join(without_footer(normalise(p), spec.title, catalogue.version) for p in pages if p.strip())
            word = normalise(docx_text(folder / f"{doc_id}.docx").replace("\u2060", ""))
            for kind, text in (("PDF", pdf), ("DOCX", word)):
                if doc_id in DEFINING:
                    assert text.lower().count(DEFINITION.lower()) == 1, (m.id, doc_id, kind)
                if doc_id in APPEALING:
                    found = APPEAL.findall(text)
                    assert len(found) == 1, (m.id, doc_id, kind, found)
                    sentences[(doc_id, kind)] = MARKS.sub("", found[0])  # the DOCX's mark is a footnote
        assert len(set(sentences.values())) == 1, (m.id, sentences)
        assert "(apstrīdēšanas iestādes nosaukums lokatīvā)" in next(iter(sentences.values())), m.id
