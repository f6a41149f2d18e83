"""Which selection quota is a children's round's own plan (D308).

programme.yaml's `selection_quotas` is one dated series for every round. A round takes an entry as its plan only if
that entry took effect for it: the entry in force on the round's first day was not yet in force on the first day of
the previous children's round. An entry carried over from an earlier round (the pilot's quota of 2018 in a round of
2027) is that earlier round's plan, not this one's, so the reports leave the children count blank (D37) and the
register's amount bound does not name it."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Dated, Pilot, PriceStatus, Quotas, Round


def round_quota(catalogue: Catalogue, round_: Round) -> Dated[Quotas] | None:
    """The quota entry that took effect for ``round_`` (whatever its status), or None when the entry in force on the
    round's first day was already in force on the previous children's round's first day, or none is in force."""
    quotas = catalogue.programme.selection_quotas
    try:
        dated = quotas.at(round_.start)
    except LookupError:
        return None
    earlier = [r.start for r in catalogue.rounds_of(Pilot.children) if r.start < round_.start]
    if earlier and dated.effective_from <= max(earlier):
        return None
    return dated


def round_children(catalogue: Catalogue, round_: Round) -> int | None:
    """The children per municipality of ``round_``'s own confirmed quota (round_quota), or None without one."""
    quota = round_quota(catalogue, round_)
    return quota.value.per_municipality if quota is not None and quota.status is PriceStatus.confirmed else None
