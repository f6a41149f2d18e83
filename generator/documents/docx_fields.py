"""Word fields the writer puts in a paragraph: clause and footnote bookmarks' names, a field's runs, a reference to
a clause ({ QUOTE "{ REF … }." }) and the footer's page fields."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.documents.docx_format import FOOTER_COLOUR


def bookmark_name(number: str) -> str:
    """The hidden bookmark on clause "2.3.": "_Ref2_3" (a leading underscore hides it in Word's list)."""
    return "_Ref" + "_".join(part for part in number.split(".") if part)


def footnote_bookmark_name(number: int) -> str:
    """The hidden bookmark on footnote ``number``'s first reference, the target of its NOTEREF fields: "_RefNote1"."""
    return f"_RefNote{number}"


def field_run(paragraph: Paragraph, kind: str, value: str | None, properties=None) -> CT_R:  # noqa: ANN001
    """One run of a field: its begin/separate/end mark, an instruction or the cached result text, with
    ``properties()`` (a new w:rPr) when given."""
    run = paragraph._p.add_r()
    if properties is not None:
        run.append(properties())
    if kind == "text":
        run.add_t(value)
    elif kind == "instr":
        element = OxmlElement("w:instrText")
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        element.text = value
        run.append(element)
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
    return run


def field_runs(paragraph: Paragraph, instruction: str, result: str, properties) -> None:  # noqa: ANN001
    """A simple field's runs { ``instruction`` } with the cached ``result``, each run with ``properties()`` (a new
    w:rPr for each)."""
    for kind, value in (("begin", None), ("instr", instruction), ("separate", None), ("text", result),
                        ("end", None)):
        field_run(paragraph, kind, value, properties)


def reference_runs(paragraph: Paragraph, number: str) -> list[Run]:
    """A reference to clause ``number`` ("2.2.") as the field { QUOTE "{ REF _Ref… \\r \\h }." } whose cached
    result is the number. Word updates the inner REF to the bookmarked clause's current number without the list's
    trailing period (Word's REF field: "\\r" inserts the paragraph number "without trailing periods"), so the
    ordinal dot stands in the QUOTE text after the inner field and Word prints "2.2."; LibreOffice 7.4 keeps the
    cached result of a QUOTE field, where it would print a bare REF field's number without the dot (D78)."""
    parts = [("begin", None), ("instr", ' QUOTE "'), ("begin", None),
             ("instr", f" REF {bookmark_name(number)} \\r \\h "), ("end", None), ("instr", '." '),
             ("separate", None), ("text", number), ("end", None)]
    return [Run(field_run(paragraph, kind, value), paragraph) for kind, value in parts]


def footer_field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(FOOTER_COLOUR))
    props.append(colour)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
