"""The quality questionnaires' summary (35.–38.pielikums, L2590–L2619): the mean score per process stage
and party, as the summary sheet of the questionnaire workbook computes it (ROUND(AVERAGE(…), 2) over the
scores given; an empty answer does not count). Not money, but proven the same way as the money formulas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from generator.lvformat import entered
from generator.money import xround
from generator.reference.errors import ReferenceInputError

Response = Mapping[str, int | None]  # stage id -> score (None: not answered)


def stage_mean(scores: Sequence[int], max_score: int) -> Decimal | None:
    """Mean of the given scores rounded half away from zero to 2 places; None when nobody answered."""
    for score in scores:
        if not isinstance(score, int) or not 1 <= score <= max_score:
            raise ReferenceInputError(f"vērtējums {entered(score)} (gaidīts: vesels skaitlis 1–{max_score})")
    if not scores:
        return None
    return xround(Decimal(sum(scores)) / Decimal(len(scores)), 2)


def stage_means(responses: Sequence[Response], stages: Sequence[str], max_score: int) -> dict[str, Decimal | None]:
    """Mean per stage over every response of one party."""
    return {stage: stage_mean([r[stage] for r in responses if r.get(stage) is not None], max_score)
            for stage in stages}


def party_mean(responses: Sequence[Response], stages: Sequence[str], max_score: int) -> Decimal | None:
    """Mean of every score one party gave, over all its stages."""
    scores = [r[s] for r in responses for s in stages if r.get(s) is not None]
    return stage_mean(scores, max_score)
