"""The pilot municipalities a repeated documents proof takes by default (D223): the fewest that show every kind of
municipality the catalogue has, as the templates see it; every pilot municipality with IBM_FULL=1.

A municipality's papers differ from another's only by its data: the kind of its name (a city's or a county's
„… pilsētas / novada pašvaldība”), the grammatical gender of its and its social service's name (the templates
inflect from them), the word its social service's name ends in, each requisite, the data protection fields and the
appeal body known or a blank, and the programmes whose pilot lists it. A greedy set cover
(tests/workbook/plan_sample.py ``covering``) keeps the municipalities that together show every such case, the first
in catalogue order on a tie, so the sample is the same on every run. The documents build (tests/documents/
conftest.py ``built``) and the checks over it take the sample too (D292); `ibm build` making every document for every
pilot municipality is checked with stand-in papers (test_pdf_content.py).
"""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from tests.workbook.plan_sample import FULL, covering


def municipality_cases(municipality: Municipality) -> set[tuple]:
    """Every case of one municipality's data that its documents print differently."""
    m = municipality
    cases: set[tuple] = {
        ("name kind", "pilsētas" if " pilsētas " in f" {m.name_lv} " else "novada"),
        ("name gender", m.name_forms.gender.value),
        ("service gender", m.social_service_forms.gender.value),
        ("service word", m.social_service.split()[-1]),
        ("appeal body", m.appeal_body is not None),
        ("officer e-mail", m.data_protection.officer_email is not None),
        ("privacy notice", m.data_protection.privacy_notice is not None),
        ("pilots", tuple(sorted(p.value for p in m.pilots))),
    }
    for institution in ("municipality", "social_service"):
        requisites = getattr(m.requisites, institution)
        for name in ("registration_number", "address", "phone", "email"):
            cases.add(("requisite", institution, name, getattr(requisites, name) is not None))
    return cases


def municipality_sample(catalogue: Catalogue) -> list[Municipality]:
    """Every pilot municipality with IBM_FULL=1, else the fewest that show every case of all of them."""
    every = catalogue.pilot_municipalities()
    if FULL:
        return every
    return covering(every, [municipality_cases(m) for m in every])
