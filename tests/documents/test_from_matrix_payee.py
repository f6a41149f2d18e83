"""The catalogue's payee decides which plan lines get a provider contract (02) and a guarantee letter (03): a
catalogue copy that turns a transport service into one paid to a provider, and a market service into one repaid
to the parent, moves the papers and the console's reason with it (D29, D38)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import Payee
from generator.documents.context import recipient_kinds
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.run import repaid_to_parent
from generator.documents.from_matrix.writing import render_child
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import plan_reading

TRANSPORT = "2.4"
MARKET = "3.1.2i"  # an individual session at the provider's own (entered, so confirmed) price
PROVIDERS = {TRANSPORT: "SIA Taksometrs Paraugs", MARKET: "SIA Ergo Paraugs"}


def set_payee(catalogue_dir: Path, service_id: str, payee: Payee) -> None:
    path = catalogue_dir / "services" / f"{service_id}.yaml"
    text, n = re.subn(r"^payee: \w+$", f"payee: {payee.value}", path.read_text("utf-8"), flags=re.MULTILINE)
    assert n == 1, path
    path.write_text(text, "utf-8")


def _reading(catalogue: Catalogue) -> MatrixReading:
    return plan_reading(catalogue, "ogre", ((TRANSPORT, 20, Decimal(1), (10, 10), PROVIDERS[TRANSPORT]),
                                            (MARKET, 10, Decimal(20), (5, 5), PROVIDERS[MARKET])))


def _papers(catalogue: Catalogue) -> tuple[list[str], str, list[str]]:
    """The 02/03 documents made, the console's reason, and the lines each provider group holds."""
    reading = _reading(catalogue)
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    made = sorted(d.spec.id for d in docs if d.spec.id.startswith(("02-", "03-")))
    return made, repaid_to_parent(child), [line.label for p in child.providers for line in p.lines]


def test_the_papers_follow_the_catalogue_payee(catalogue: Catalogue, catalogue_copy: Path) -> None:
    labels = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}
    # today's catalogue: transport is repaid to the parent, the session paid to its provider
    made, why, grouped = _papers(catalogue)
    assert made == ["02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"]
    assert grouped == [labels[MARKET]]
    assert why.startswith(f"{labels[TRANSPORT]} – izdevumus atmaksā Vecākam") and labels[MARKET] not in why
    # the copy: transport paid to its provider, the session repaid to the parent
    set_payee(catalogue_copy, TRANSPORT, Payee.provider)
    set_payee(catalogue_copy, "3.1.2", Payee.parent)
    changed = load_or_raise(catalogue_copy)
    made, why, grouped = _papers(changed)
    assert made == ["02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"]
    assert grouped == [labels[TRANSPORT]]
    assert why.startswith(f"{labels[MARKET]} – izdevumus atmaksā Vecākam") and labels[TRANSPORT] not in why
    # every line provider-paid: no reason at all
    set_payee(catalogue_copy, "3.1.2", Payee.provider)
    made, why, _ = _papers(load_or_raise(catalogue_copy))
    assert len(made) == 4 and why == ""


def test_the_guarantee_letter_names_the_recipients_of_provider_paid_services(catalogue_copy: Path) -> None:
    """03's column "Saņēmējs (…)" lists the recipient kinds a guarantee letter can hold: those of services paid to a
    provider. With every parent's service repaid to the parent, "Vecāks" is no longer one of them."""
    assert recipient_kinds(load_or_raise(catalogue_copy)) == "bērns, Vecāks vai ģimene"
    catalogue = load_or_raise(catalogue_copy)
    for service in catalogue.services:
        if service.recipient.value == "parent":
            set_payee(catalogue_copy, service.id, Payee.parent)
    assert recipient_kinds(load_or_raise(catalogue_copy)) == "bērns vai ģimene"


def _contract_clause(catalogue: Catalogue) -> str:
    reading = _reading(catalogue)
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    html = next(d.html for d in docs if d.spec.id == "01-ligums-ar-vecaku")
    found = re.findall(r'<p class="clause">(?:(?!</p>).)*Atbalsta plāna pakalpojum(?:(?!</p>).)*</p>', html)
    assert len(found) <= 1
    return found[0] if found else ""


def test_the_parent_contract_names_the_lines_repaid_to_the_parent(catalogue: Catalogue, catalogue_copy: Path) -> None:
    """01 §5 names the plan's lines the social service repays to the parent, from the same field."""
    labels = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}
    clause = _contract_clause(catalogue)
    assert f"pakalpojumu „{labels[TRANSPORT]}” Dienests apmaksā, atmaksājot Vecākam" in clause
    assert labels[MARKET] not in clause and "pārējos plāna pakalpojumus Dienests apmaksā sniedzējiem" in clause
    set_payee(catalogue_copy, "3.1.2", Payee.parent)
    both = _contract_clause(load_or_raise(catalogue_copy))
    assert f"pakalpojumus „{labels[TRANSPORT]}” un „{labels[MARKET]}” Dienests apmaksā" in both
    assert "pārējos" not in both  # every line of this plan is repaid to the parent
    set_payee(catalogue_copy, "3.1.2", Payee.provider)
    set_payee(catalogue_copy, TRANSPORT, Payee.provider)
    assert _contract_clause(load_or_raise(catalogue_copy)) == ""
