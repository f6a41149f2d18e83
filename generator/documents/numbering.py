"""Clause numbering for contracts: "2." for a section, "2.3." for its third clause, "2.3.1." below that.

Templates call ``n.section()``, ``n.clause()`` and ``n.point()``; the numbers are typed into the text, so the
PDF and the DOCX show exactly the same numbering (Word's automatic lists would restart differently).
"""

from __future__ import annotations


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
