"""Errors of the reference implementation: every message is Latvian and names what was expected."""

from __future__ import annotations


class ReferenceInputError(ValueError):
    """Input the rules cannot work with (a wrong type, a missing value, an impossible combination)."""


class NotEligible(ReferenceInputError):
    """The child cannot receive an individual budget in this period (D1, L952, L980)."""
