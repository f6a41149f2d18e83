"""The headings of a plan's month columns in a child's papers (01 annex 3, the monthly tables of 02 and 03): the
reference's, which the matrix's month headings compute alike (D93)."""

from __future__ import annotations

from generator.reference.month_labels import month_labels

__all__ = ["month_labels"]
