"""Clause numbering for contracts: "2." for a section, "2.3." for its third clause, "2.3.1." below that.

Templates call ``n.section()``, ``n.clause()`` and ``n.point()``. The rendered HTML marks each number as
``<span class="nr" data-level="L">2.3.</span>``: the PDF prints it as text, the DOCX writer turns the
paragraph into an item of one Word multilevel list (level L), so an editor can insert or delete a clause and
Word renumbers the rest. Both show the same numbers, because the list counts exactly the calls made here.

A reference to a numbered clause, ``n.ref(mark)`` with the mark an earlier ``n.clause()`` returned
(``{% set table = n.clause() %}`` … ``{{ n.ref(table) }} punktā``), is that clause's number, never a number typed
in a template. The rendered HTML marks it ``<span class="ref">2.3.</span>``: the PDF prints the number, the DOCX
writer makes it a Word field ``QUOTE "{ REF _Ref… \\r \\h }"`` to a bookmark on the clause, its cached result the
number, so Word renumbers the reference with the clause on an update (F9, printing); the outer QUOTE keeps
LibreOffice 7.4 on the cached "2.3." (it prints a bare REF field to a numbered paragraph without the ordinal dot,
"2.3 punktā", and does not know QUOTE). D78.
"""

from __future__ import annotations

from markupsafe import Markup


class Numbering:
    def __init__(self) -> None:
        self._section = 0
        self._clause = 0
        self._point = 0

    def section(self) -> str:
        self._section += 1
        self._clause = 0
        self._point = 0
        return f"{self._section}."

    def clause(self) -> str:
        if self._section == 0:
            raise ValueError("punkts pirms pirmās nodaļas: vispirms izsauciet n.section()")
        self._clause += 1
        self._point = 0
        return f"{self._section}.{self._clause}."

    def point(self) -> str:
        if self._clause == 0:
            raise ValueError("apakšpunkts pirms punkta: vispirms izsauciet n.clause()")
        self._point += 1
        return f"{self._section}.{self._clause}.{self._point}."

    def current_section(self) -> str:
        return f"{self._section}."

    def next_section(self) -> str:
        """The number the next ``section()`` call will return, for a reference to a later section ("5."): the
        DOCX writer bookmarks the section heading, as it does a clause."""
        return f"{self._section + 1}."

    @staticmethod
    def ref(mark: str) -> str:
        """A reference to a clause by the number an earlier call returned: "2.3."."""
        return Markup(mark).striptags()


class MarkedNumbering(Numbering):
    """The numbers as HTML marks that the DOCX writer maps to Word list levels 0 (section) to 2 (point)."""

    @staticmethod
    def _mark(text: str, level: int) -> Markup:
        return Markup('<span class="nr" data-level="{}">{}</span>').format(level, text)

    def section(self) -> Markup:  # type: ignore[override]
        return self._mark(super().section(), 0)

    def clause(self) -> Markup:  # type: ignore[override]
        return self._mark(super().clause(), 1)

    def point(self) -> Markup:  # type: ignore[override]
        return self._mark(super().point(), 2)

    @staticmethod
    def ref(mark: str) -> Markup:  # type: ignore[override]
        """The number of a clause as a reference the DOCX writer turns into a REF field (the PDF prints it)."""
        return Markup('<span class="ref">{}</span>').format(Markup(mark).striptags())
