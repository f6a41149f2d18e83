"""The parent contract (01) covers the plan period from its first day, as the provider papers do (audit8 F5,
D77): the plan may start before both parties sign, and the services received from that day are the contract's."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.registry import by_id
from tests.documents.test_from_matrix_provider_terms import _partial, _text

PARENT = "01-ligums-ar-vecaku"


def test_the_childs_contract_covers_the_plan_from_its_first_day(catalogue: Catalogue) -> None:
    child, docs = _partial(catalogue)  # a plan from 01.10.2018, papers made on 05.11.2018
    text = _text(docs[PARENT])
    term = text.split("Līguma termiņš", 1)[1].split("Individuālā budžeta apmērs", 1)[0]
    assert "Līgums stājas spēkā dienā, kad to parakstījušas abas puses" in term
    assert ("Atbalsta plāna periods var sākties pirms līguma parakstīšanas. Līguma noteikumi attiecas uz "
            f"pakalpojumiem, kas saņemti no atbalsta plāna perioda pirmās dienas ({child.start}), arī pirms "
            "līguma parakstīšanas dienas.") in term


def test_the_municipality_form_says_the_same_without_a_date(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id(PARENT)])[0]
    term = _text(doc.html).split("Līguma termiņš", 1)[1].split("Individuālā budžeta apmērs", 1)[0]
    assert ("Līguma noteikumi attiecas uz pakalpojumiem, kas saņemti no atbalsta plāna perioda pirmās dienas, arī "
            "pirms līguma parakstīšanas dienas.") in term
