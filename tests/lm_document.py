"""A made-up ministry document for the test catalogues that confirm a value: a confirmed B, or a value that confirms
an earlier „jāprecizē” one, names the ministry's document – its number and date – in its source (D310)."""

from __future__ import annotations

LM_DOCUMENT = "Labklājības ministrijas vēstule Nr. 1-2/000, 01.10.2018 (izdomāta testam)"
