"""rounds.yaml read past its errors (D311): a round entry with a missing or wrong field is still checked in its other
fields – its dates, its municipalities, its services window against the other rounds – so that a ministry user who
forgets one field of a new round gets every error of the file in one run. The catalogue does not load; these
entries serve only the checks."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from generator.catalogue.models import EntryError, Round, round_date_mistakes


@cache
def _field(name: str) -> TypeAdapter:
    """One field of a round, validated as the model validates it."""
    info = Round.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


def partial_rounds(data: Any) -> tuple[list[Round], list[tuple[int, EntryError]]] | None:
    """Every entry of a rounds.yaml that did not validate, as far as it is valid: a field with an error is None (the
    checks that need it skip that entry). Also the date mistakes (entry index, mistake) of the entries whose field
    errors kept the model from checking their dates. None when the file is not a list of rounds at all."""
    entries = data.get("rounds") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return None
    rounds: list[Round] = []
    mistakes: list[tuple[int, EntryError]] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue  # reported as such; nothing of it to check
        try:
            rounds.append(Round.model_validate(entry))
            continue
        except ValidationError as exc:
            in_fields = [err["loc"] for err in exc.errors() if err["loc"]]  # () is the model's own date check
        wrong = {loc[0] for loc in in_fields}
        values: dict[str, Any] = {}
        for name in Round.model_fields:
            if name in wrong:
                values[name] = None
            elif name in entry:
                try:
                    values[name] = _field(name).validate_python(entry[name])
                except ValidationError:  # not expected: the model found no error there
                    values[name] = None
        partial = Round.model_construct(**values)
        rounds.append(partial)
        if in_fields:  # an error in a field (or an unknown one): the model's own date check did not run
            mistakes += [(i, mistake) for mistake in round_date_mistakes(partial)]
    return rounds, mistakes
