"""Errors of the reference implementation: every message is Latvian and names what was expected."""

from __future__ import annotations


class ReferenceInputError(ValueError):
    """Input the rules cannot work with (a wrong type, a missing value, an impossible combination)."""


class CatalogueGap(ReferenceInputError):
    """The catalogue has no value of a parameter for a day a computation needs (a report month before the
    parameter's first dated value, D201): the message names the file, the parameter and the day, and the command
    shows it as it is (cli_errors.describe), not as an unexpected failure."""


def setting_gap(key: str, name: str, day: object, first: object) -> CatalogueGap:
    """The gap of parameter ``key`` (``name``, its Latvian name) on ``day``, whose first value is from ``first``."""
    return CatalogueGap(f"catalogue/programme.yaml: {key} („{name}”) nav vērtības, kas spēkā {day:%d.%m.%Y} "
                        f"(pārskata mēnesis {day:%m.%Y}); pirmā vērtība spēkā no {first:%d.%m.%Y} (gaidīts: vērtība, "
                        f"kas spēkā ne vēlāk kā no {day:%d.%m.%Y})")


class NotEligible(ReferenceInputError):
    """The child cannot receive an individual budget in this period (D1, L952, L980)."""
