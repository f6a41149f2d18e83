"""Superscript digits, one table: a note's mark on a blank („______¹”, documents/legal.py) and an article's index
(„17.¹ pants”, catalogue/legal_acts.py) are written with them; the PDF and DOCX writers find the marks by them."""

from __future__ import annotations

DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", DIGITS)
TO_PLAIN = str.maketrans(DIGITS, "0123456789")
