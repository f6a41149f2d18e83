"""Which documents one child gets, with the same numbers and file names as the municipality set.

Eligible child: 01 (contract with its annexes; for a plan that may be the child's next in its round also the annexes
alone, for the contract already signed, D315), 02 and 03 once per provider (the provider's number in the plan
added to the file name, never its name, which may be a person's, D126; none for the case's own social service or
municipality, D50, none while A rests on an unconfirmed base amount B, D72, and none for a provider whose IB share
an unconfirmed price can change, D294), 05, 07 and 08; with lines repaid
to the parent also the parent's monthly forms 06 and, for transport, 15 and 16 (D176). A child who is not
eligible: the decision to refuse and 07.
"""

from __future__ import annotations

import dataclasses

from generator.documents.from_matrix.context import ChildContext, Provider
from generator.documents.from_matrix.signing import NEXT_ANNEXES
from generator.documents.registry import DocumentSpec, by_id

# The municipality set's decision to refuse (administrative act), filled with the child's values.
REFUSAL_ID = "17-lemums-par-atteikumu"


def refusal_spec() -> DocumentSpec:
    return by_id(REFUSAL_ID)


# A plan that may be the child's next in its round (D151): its annexes to the contract already signed, beside 01 (D315)
NEXT_PLAN_ANNEXES = DocumentSpec(NEXT_ANNEXES, "pielikumi_esosajam_ligumam.html.j2",
                                 "Atbalsta plāns nākamajam periodam – pielikumi līgumam ar Vecāku", None)

EXPENSE_REQUEST = "06-izdevumu-atmaksas-pieprasijums"
TRANSPORT_FORMS = ("15-marsruta-lapa", "16-sabiedriska-transporta-atskaite")


def parent_forms(child: ChildContext) -> tuple[str, ...]:
    """The monthly forms the parent hands in for the lines repaid to the parent (01 „Norēķinu kārtība”, audit38
    F3): the expense request (06) with those lines, and for transport the route sheet (15) and the public
    transport report (16) as the municipal blanks."""
    repaid = [line for line in child.lines if line.to_parent]
    if child.not_eligible or not repaid:
        return ()
    return (EXPENSE_REQUEST, *(TRANSPORT_FORMS if any(line.transport for line in repaid) else ()))


def child_documents(child: ChildContext) -> list[tuple[DocumentSpec, Provider | None]]:
    if child.not_eligible:
        return [(refusal_spec(), None), (by_id("07-klienta-lietas-titullapa"), None)]
    result: list[tuple[DocumentSpec, Provider | None]] = [(by_id("01-ligums-ar-vecaku"), None)]
    if child.maybe_next:
        result.append((NEXT_PLAN_ANNEXES, None))
    # B unconfirmed and no F deciding A: every IB sum of a provider is a blank, not signable (D72)
    for doc_id in () if child.ib_on_base else ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
        base = by_id(doc_id)
        for provider in child.providers:
            if not provider.funded:  # the IB pays it nothing: no contract or guarantee from the service
                continue
            if provider.own:  # the Dienests or its municipality itself: no contract or guarantee with itself
                continue
            if provider.pending:  # an unconfirmed price can change its IB share: not signable until it is (D294)
                continue
            result.append((dataclasses.replace(base, id=f"{base.id}-{provider.file_part}"), provider))
    result += [(by_id(doc_id), None) for doc_id in ("05-iesniegums-par-sniedzejiem", "07-klienta-lietas-titullapa",
                                                    "08-lemums-par-pieskirsanu")]
    result += [(by_id(doc_id), None) for doc_id in parent_forms(child)]
    return sorted(result, key=lambda item: item[0].id)
