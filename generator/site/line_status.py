"""A plan line's funding status in one set of words (D265, audit32b F16): the calculator, the worked-examples page
and D4 name it alike. The subject of every status is the line („rinda”, feminine): each form agrees with it („rinda
finansēta”, „rinda netiek ņemta vērā”), never a mix of genders. The matrix's 6.3 column keeps its short forms of the same statuses (generator/workbook/texts.py:
„no IB”, „daļēji no IB”, „nav IB finansējuma”) in its narrow column; changing them is the matrix's own concern."""

from __future__ import annotations

from generator.reference.plan import FUNDED, IGNORED, NOT_FUNDED, PARTIAL

LINE_STATUS = {
    FUNDED: "finansēta",
    PARTIAL: "daļēji finansēta",
    NOT_FUNDED: "nav akceptēta finansējuma trūkuma dēļ",
    IGNORED: "netiek ņemta vērā",  # no service or no units
}
