"""What parskats.txt and the console say about a child's providers (audit17 F1, F2, F11, D126): the unpaid-provider
note agrees with its number and names the providers and their services (the console by number only), 02 and 03 are
named by the provider's number in the plan, never its name, and parskats.txt lists which provider each number is,
with every name printed as typed, adding no quotes of ours (D79, audit18 F14)."""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.provider_notes import no_provider_papers, provider_list
from generator.documents.from_matrix.specs import child_documents
from generator.lvformat import latvian_quotes
from tests.documents.test_from_matrix_ib_share import _markets, _reading

PERSON = "Jānis Paraugs"  # a self-employed provider: his name is personal data


def _child(catalogue: Catalogue, providers: list[str]):  # noqa: ANN202
    """The first line takes the whole A (4 000 EUR planned, far above it), every later line gets nothing."""
    markets = _markets(catalogue)
    rows = [(markets[0], Decimal("400"), providers[0], None)]
    rows += [(markets[i], Decimal("500"), name, None) for i, name in enumerate(providers[1:], 1)]
    child = build(_reading(catalogue, rows), catalogue, pseudonymous=False)
    assert [p.funded for p in child.providers] == [True] + [False] * (len(providers) - 1)
    return child


def test_one_unpaid_provider_is_singular_and_named_with_its_service(catalogue: Catalogue) -> None:
    child = _child(catalogue, ["SIA Viens", PERSON])
    service = child.providers[1].lines[0].label
    [note] = no_provider_papers(child)
    assert note == (f"1 sniedzējam no individuālā budžeta nekas netiek apmaksāts – līgums un garantijas vēstule tam "
                    f"nav izveidoti: Nr. 2 ({PERSON}) – {service}")
    [console] = no_provider_papers(child, console=True)
    assert console.startswith("1 sniedzējam ") and f"Nr. 2 ({service})" in console and PERSON not in console
    assert console.endswith("sniedzēju nosaukumi – parskats.txt")


def test_two_unpaid_providers_are_plural(catalogue: Catalogue) -> None:
    child = _child(catalogue, ["SIA Viens", "SIA Divi", 'Biedrība "Trīs"'])
    [note] = no_provider_papers(child)
    assert note.startswith("2 sniedzējiem no individuālā budžeta nekas netiek apmaksāts – līgums un garantijas "
                           "vēstule tiem nav izveidoti: Nr. 2 (SIA Divi) – "), note
    assert "; Nr. 3 (Biedrība „Trīs”) – " in note and '"' not in note


def test_provider_papers_are_named_by_number_and_listed_in_the_report(catalogue: Catalogue) -> None:
    child = _child(catalogue, [PERSON, "SIA Divi"])
    ids = [spec.id for spec, _ in child_documents(child)]
    assert [i for i in ids if i.startswith(("02-", "03-"))] == ["02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"]
    assert not any("janis" in i or "paraugs" in i for i in ids), ids
    names = [f"{i}.{ext}" for i in ids for ext in ("pdf", "docx")]
    listed = provider_list(child, names)
    assert listed[1] == "Sniedzēji (numurs ir līgumu ar sniedzējiem un garantijas vēstuļu failu nosaukumos):"
    first, second = child.providers
    assert listed[2] == (f"  Nr. 1 ({PERSON}) – pakalpojumi: {first.lines[0].label}; dokumenti: "
                         "02-ligums-ar-sniedzeju-1, 03-garantijas-vestule-1")
    assert listed[3] == (f"  Nr. 2 (SIA Divi) – pakalpojumi: {second.lines[0].label}; no IB nemaksā neko: līgums un "
                         "garantijas vēstule nav izveidoti")


def test_a_name_is_printed_as_typed() -> None:
    assert latvian_quotes("SIA Runas Paraugs") == "SIA Runas Paraugs"
    assert latvian_quotes("Biedrība „Palīgs Paraugs”") == "Biedrība „Palīgs Paraugs”"
    assert latvian_quotes('SIA "Rūpju Paraugs"') == "SIA „Rūpju Paraugs”"


def test_a_line_the_ib_pays_nothing_for_is_marked_at_its_provider(catalogue: Catalogue) -> None:
    """audit28 F8: a provider with papers lists a service the IB pays 0,00 EUR for (not in its 02/03 tables) with
    that said, so the lawyer does not look for it in the contract; its paid service stays unmarked."""
    markets = _markets(catalogue)
    child = build(_reading(catalogue, [(markets[0], Decimal("400"), "SIA Viens", None),
                                       (markets[1], Decimal("500"), "SIA Viens", None)]), catalogue, pseudonymous=False)
    [provider] = child.providers
    paid, unpaid = provider.lines
    assert paid.ib_value > 0 and unpaid.ib_value == 0 and provider.funded
    names = [f"{i}.pdf" for i, _ in ((s.id, p) for s, p in child_documents(child))]
    listed = provider_list(child, names)
    assert listed[2] == (f"  Nr. 1 (SIA Viens) – pakalpojumi: {paid.label}; {unpaid.label} (no IB nemaksā – "
                         "0,00\u00a0EUR); dokumenti: 02-ligums-ar-sniedzeju-1, 03-garantijas-vestule-1")
