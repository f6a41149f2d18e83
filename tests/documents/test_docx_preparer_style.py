"""audit43 F8 (D196): in the DOCX the preparer's instructions are set off from the act's own notes – every one in
the paragraph style „Piezīme sagatavotājam” (framed and shaded in red, upright), beginning with the same label;
the act's „Piezīme.” notes and footnotes keep the plain italic note look. An editor selects them all by the style
and deletes them before signing."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.registry import by_id

STYLE = "Piezīme sagatavotājam"  # written out: the name an editor sees in Word's style list
LABEL = "Piezīme sagatavotājam – pirms parakstīšanas dzēst."


@pytest.fixture(scope="module")
def documents(catalogue: Catalogue) -> list:
    pilot = catalogue.rounds_of(Pilot.children)[0]
    m = catalogue.municipality(pilot.municipalities[0])
    specs = [by_id(d) for d in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "18-vestule-par-neatbilstibu")]
    return render_municipality(catalogue, m, specs, build_date=pilot.end + dt.timedelta(days=1))


def test_preparer_notes_have_their_own_framed_shaded_style(documents: list) -> None:
    for rendered in documents:
        wanted = len(re.findall(r'<p class="note preparer">', rendered.html))
        assert wanted, rendered.spec.id
        docx = Document(io.BytesIO(html_to_docx(rendered.html, rendered.spec.title, rendered.version,
                                                rendered.created)))
        styled = [p for p in docx.paragraphs if p.style.name == STYLE]
        labelled = [p for p in docx.paragraphs if p.text.startswith(LABEL)]
        assert len(styled) == wanted and [p._p for p in styled] == [p._p for p in labelled], rendered.spec.id
        for paragraph in styled:
            assert paragraph.runs[0].bold and paragraph.runs[0].text.strip() == LABEL, rendered.spec.id
            assert not any(run.italic for run in paragraph.runs), rendered.spec.id
        # the act's own notes are footnotes (D369): none in the body; each footnote italic, not the preparer's style
        assert not [p for p in docx.paragraphs if p.text.startswith("Piezīme. ")], rendered.spec.id
        [part] = [p for p in docx.part.package.parts if str(p.partname) == "/word/footnotes.xml"]
        footnotes = re.findall(r'<w:footnote w:id="[1-9]\d*".*?</w:footnote>', part.blob.decode("utf-8"), re.S)
        assert footnotes and all("<w:i/>" in f and "<w:pBdr" not in f for f in footnotes), rendered.spec.id
        style = docx.styles[STYLE]
        properties = style.element.pPr
        borders = properties.find(qn("w:pBdr"))
        shading = properties.find(qn("w:shd"))
        assert borders is not None and {e.tag.split("}")[1] for e in borders} == {"top", "left", "bottom", "right"}
        assert shading is not None and shading.get(qn("w:fill")) not in (None, "auto", "FFFFFF")
        assert style.font.color.rgb is not None and style.font.italic is False
