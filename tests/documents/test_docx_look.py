"""What a reader sees in the DOCX, checked from its structure (found by opening the files in LibreOffice
Writer): each signature line is drawn under its own label, the footer keeps "Lapa X no Y" at the right of
the first line, the requisites end with a rule, table text has the PDF's size and no word is wider than its
column, rows do not split across pages, no empty paragraph spills onto a page of its own, and the closing
block that keeps the signatures company holds text. One rendered set (one municipality) per module."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import ImageFont

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.from_matrix.run import run
from generator.documents.html import PREPARER_LABEL, environment
from generator.documents.htmltree import Node, parse
from tests.documents.from_matrix_helpers import minor_to_round_end, write_matrices
from tests.ministry.factory import make_children

FONTS = Path("/usr/share/fonts/truetype/crosextra")  # Carlito, the metric twin of the DOCX font Calibri
TWIPS_PER_PT = 20
WORD_DEFAULT_CELL_PADDING = 108  # twips, each side, when a table sets none
ROUNDING_PT = 1  # Writer broke "Daudzums" (49.8 pt) in a column with exactly 49.8 pt of room


@pytest.fixture(scope="module")
def rendered(catalogue: Catalogue) -> dict[str, tuple[str, object]]:
    """id -> (HTML body, python-docx Document) for the second pilot municipality."""
    municipality = catalogue.pilot_municipalities()[1]
    documents = {}
    for document in render_municipality(catalogue, municipality):
        data = html_to_docx(document.html, document.spec.title, document.version, document.created,
                            landscape="A4 landscape" in document.html)
        documents[document.spec.id] = (document.body, Document(io.BytesIO(data)))
    return documents


@pytest.fixture(scope="module")
def child_docx(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, object]:
    """file name -> Document: the documents of one child with a long plan made from a filled matrix
    (its plan annexes hold the narrowest columns: 6.3 with nine, 6.6 with a column per month)."""
    folder = tmp_path_factory.mktemp("docx-look-child")
    pool = make_children(catalogue, 12, seed=31)
    usable = [c for c in pool if c.result(catalogue).errors == 0 and c.result(catalogue).needed > 0
              and minor_to_round_end(catalogue, c)]  # a child who comes of age is refused (D110)
    child = max(usable, key=lambda c: (c.inputs.months, len([ln for ln in c.inputs.lines if ln.counted])))
    written = write_matrices(catalogue, folder, [child])
    out = folder / "out"
    summary = run(written[0].path, out, catalogue, None, draft=False, echo=lambda _: None, err=lambda _: None,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1
    return {p.name: Document(str(p)) for p in sorted(summary.folders[0].glob("*.docx"))}


def _walk(node: Node):  # noqa: ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def _bordered(p) -> bool:  # noqa: ANN001 - lxml w:p
    return p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def _paragraph_text(p) -> str:  # noqa: ANN001
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_each_signature_field_has_its_own_line(rendered) -> None:
    """Word and Writer draw neighbouring paragraphs with equal borders as one box: three bordered fields in a
    row (name, signature, date) print a single line under the date."""
    checked = 0
    for doc_id, (_, document) in rendered.items():
        for tc in document.element.body.iter(qn("w:tc")):
            paragraphs = tc.findall(qn("w:p"))
            for previous, current in zip(paragraphs, paragraphs[1:], strict=False):
                if _bordered(current):
                    checked += 1
                    assert not _bordered(previous), (
                        f"{doc_id}: „{_paragraph_text(previous)}” un „{_paragraph_text(current)}” – viena līnija")
    assert checked >= 40


def test_footer_has_the_page_number_at_the_right_of_the_title(rendered, catalogue: Catalogue) -> None:
    for doc_id, (_, document) in rendered.items():
        footer = document.sections[0].footer
        assert len(footer.tables) == 1, doc_id
        row = footer.tables[0].rows[0]
        title, page = row.cells
        assert f"Veidlapa {doc_id[:2]} (redakcija " in title.text, doc_id  # audit41 F15, D345
        assert "kataloga versija" not in title.text, doc_id
        assert catalogue.latest_date.isoformat() not in title.text, doc_id
        fields = [f.get(qn("w:instr")) for f in page._tc.iter(qn("w:fldSimple"))]
        assert fields == ["PAGE", "NUMPAGES"], doc_id
        assert page.paragraphs[0].alignment == 2, doc_id  # right
        assert all(r.font.size.pt == 8 for p in (*title.paragraphs, *page.paragraphs) for r in p.runs), doc_id
        assert "\t" not in footer.tables[0]._tbl.xpath("string(.)"), doc_id


def test_requisites_end_with_a_rule_above_the_title(rendered) -> None:
    for doc_id, (_, document) in rendered.items():
        paragraphs = document.paragraphs
        title = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1")
        requisites = [p for p in paragraphs[:title] if "Reģ. Nr." in p.text]
        assert len(requisites) == 2 and _bordered(requisites[-1]._p), doc_id


def test_table_text_has_the_pdf_sizes(rendered) -> None:
    """_stils.css: th 8.5 pt, table.small td 8.5 pt, p.note 8 pt."""
    for doc_id, (_, document) in rendered.items():
        for table in document.tables:
            if table.style.name != "Table Grid":
                continue
            for tc in table.rows[0]._tr.findall(qn("w:tc")):
                sizes = {r.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))
                         for r in tc.iter(qn("w:r")) if r.find(qn("w:t")) is not None}
                assert sizes <= {"17"}, f"{doc_id}: galvenes burtu izmērs {sizes}"
        notes = [p for p in document.paragraphs if p.text.startswith(("Piezīme.", "Tekstā:"))]
        assert all(r.font.size.pt == 8 for p in notes for r in p.runs if r.text.strip()), doc_id


def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf")), 100)


def _run_words(tc, default_pt: float):  # noqa: ANN001, ANN202 - lxml w:tc
    for r in tc.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.findall(qn("w:t")))
        if not text.strip():
            continue
        size = r.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        bold = r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
        pt = int(size.get(qn("w:val"))) / 2 if size is not None else default_pt
        for word in re.split(r"[ \t\n]+", text.strip()):  # a no-break space ("1 234,56 EUR") binds
            yield word, pt, bold


def test_no_word_is_wider_than_its_column(rendered, child_docx) -> None:
    """Writer breaks a word that does not fit inside a fixed column ("Mērvienī-ba", "diennakt-s")."""
    regular, bold = _font(False), _font(True)
    too_wide = []
    documents = {**{doc_id: document for doc_id, (_, document) in rendered.items()}, **child_docx}
    for doc_id, document in documents.items():
        for tbl in document.element.body.iter(qn("w:tbl")):
            grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
            margin = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:left')}")
            padding = int(margin.get(qn("w:w"))) if margin is not None else WORD_DEFAULT_CELL_PADDING
            for tr in tbl.findall(qn("w:tr")):
                column = 0
                for tc in tr.findall(qn("w:tc")):
                    span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                    room = (sum(grid[column:column + span]) - 2 * padding) / TWIPS_PER_PT
                    column += span
                    if tc.find(qn("w:tbl")) is not None:
                        continue  # a nested table is measured on its own
                    for word, pt, is_bold in _run_words(tc, 9.5):
                        width = (bold if is_bold else regular).getlength(word) * pt / 100
                        if width > room - ROUNDING_PT:
                            too_wide.append(f"{doc_id}: „{word}” {width:.1f} pt > {room:.1f} pt")
    assert not too_wide, "\n".join(sorted(set(too_wide)))


def test_grid_rows_never_split_across_pages(rendered) -> None:
    for doc_id, (_, document) in rendered.items():
        for table in document.tables:
            if table.style.name == "Table Grid":
                for row in table.rows:
                    if row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None:
                        continue
                    # D175: only a writing box (one empty row) inside a keep chain may split, so that Writer
                    # moves the chain with it; its paragraphs keep with the next block
                    assert len(table.rows) == 1 and not "".join(c.text for c in row.cells).strip(), doc_id
                    assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs), doc_id


def test_the_last_paragraph_cannot_fill_a_page_of_its_own(rendered) -> None:
    for doc_id, (_, document) in rendered.items():
        body = [e for e in document.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]
        last = body[-1]
        if last.tag == qn("w:p") and not _paragraph_text(last).strip():
            spacing = last.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
            assert spacing is not None and spacing.get(qn("w:lineRule")) == "exact", doc_id
            assert int(spacing.get(qn("w:line"))) <= 2 * TWIPS_PER_PT, doc_id


SIGNATURE_WORDS = {"Vārds", "uzvārds", "Paraksts", "Datums"}


def test_the_block_kept_with_the_signatures_holds_text(rendered) -> None:
    """The closing block carries the signatures onto a page; an empty line alone would leave them by
    themselves (11: the parent's view and its heading belong there)."""
    for doc_id, (body, _) in rendered.items():
        for node in _walk(parse(body)):
            if node.tag == "div" and "keep" in node.classes:
                text = " ".join(c.text() for c in node.elements()
                                if not (c.tag == "table" and "signatures" in c.classes))
                words = [w for w in re.findall(r"\w+", text) if w not in SIGNATURE_WORDS]
                assert len(words) >= 5, f"{doc_id}: parakstiem līdzi tikai „{text.strip()}”"


def test_a_person_who_signs_is_addressed_in_both_genders(rendered) -> None:
    """Issue 11 item 5: "Esmu informēts/informēta" wherever one person confirms something."""
    for doc_id, (body, _) in rendered.items():
        text = re.sub(r"\s+", " ", parse(body).text())
        for match in re.finditer(r"[Ee]smu (\w+)(/\w+)?", text):
            assert match.group(2), f"{doc_id}: „{match.group(0)}” tikai vienā dzimtē"


def test_a_choice_box_never_parts_from_its_words(rendered) -> None:
    """14 printed "☐ līdzīgs" at a line's end and "modelis" on the next: a box is bound to its first word,
    and a short option (up to three words) is bound whole, with no-break spaces (PDF and Writer)."""
    boxes = 0
    for doc_id, (body, _) in rendered.items():
        text = parse(body).text()
        assert not re.search(r"[☐☒][ \t]+\S", text), f"{doc_id}: rūtiņa var palikt rindas beigās"
        # Options side by side (f.izvele: separated by em spaces).
        for paragraph in (n for n in _walk(parse(body)) if n.tag == "p" and "☐" in n.text() and "\u2003" in n.text()):
            for option in re.split(r"\u2003+", paragraph.text()):
                for choice in re.findall(r"[☐☒]\u00a0[^☐☒]*", option):
                    boxes += 1
                    words = choice.strip().replace("\u00a0", " ").split(" ")
                    if len(words) <= 4:  # the box and up to three words
                        assert " " not in choice.strip(), f"{doc_id}: „{choice.strip()}” var pārlūzt"
    assert boxes >= 20


def test_a_note_stays_with_the_clause_before_it(rendered) -> None:
    checked = 0
    for doc_id, (_, document) in rendered.items():
        for paragraph in document.paragraphs:
            # the body's notes: the preparer's and the letterhead's terms (a blank's note is a footnote, D369)
            if paragraph.text.startswith((PREPARER_LABEL, "Tekstā:")):
                previous = paragraph._p.getprevious()
                if previous is None or previous.tag != qn("w:p"):
                    continue
                checked += 1
                assert previous.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, (
                    f"{doc_id}: „{_paragraph_text(previous)[:40]}” neturas kopā ar piezīmi")
    assert checked >= 5


def test_a_letter_line_gives_the_unit_its_own_line() -> None:
    """03 of a child printed "0,5 (reize (konsultācija vai nodarbība))": quantity and unit on two lines."""
    line = SimpleNamespace(label="3.3.3g Krāsaino graudu nodarbības, grupā", recipient="bērns", units="0,5",
                           unit="reize (konsultācija vai nodarbība)", price="15,25 EUR", cost="7,63 EUR",
                           ib_value=Decimal("7.63"), ib_confirmed=True, funded=True, ib_units="0,5", ib="7,63 EUR",
                           frequency="pēc grafika", actual_cost=False, price_figure="15,25", cost_figure="7,63",
                           ib_figure="7,63")
    provider = SimpleNamespace(lines=[line], ib="7,63 EUR", cost="7,63 EUR", ib_figure="7,63")
    html = environment().from_string('{% import "bloki/plans.html.j2" as plans %}'
                                     "<table>{{ plans.vestules_rindas(provider, none) }}</table>").render(
        provider=provider)
    cells = [c for c in _walk(parse(html)) if c.tag == "td"]
    assert "))" not in parse(html).text()
    quantity = next(c for c in cells if "0,5" in c.text())
    assert [x.tag for x in quantity.elements()] == ["br"] and "reize" in quantity.text()


CSS = Path(__file__).resolve().parents[2] / "templates" / "dokumenti" / "_stils.css"
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def test_every_font_is_the_pdf_font_and_none_a_theme_font(rendered) -> None:
    """A theme font reference wins over the named font: the headings printed in Carlito while the PDF was all
    DejaVu Sans. No rFonts in any part may name a theme font, and each names Calibri, which Word on every
    municipal PC has (DejaVu Sans it has not, F17/D68): the PDF CSS's family is Carlito, Calibri's metric twin,
    then Calibri itself."""
    css_families = re.search(r"html \{ font-family: ([^;]+);", CSS.read_text(encoding="utf-8")).group(1)
    assert [f.strip().strip('"') for f in css_families.split(",")][:2] == ["Carlito", "Calibri"]
    css_family = "Calibri"
    for doc_id, (_, document) in rendered.items():
        parts = [p for p in document.part.package.parts if getattr(p, "element", None) is not None]
        names = {str(p.partname) for p in document.part.package.parts}
        assert "/word/stylesWithEffects.xml" not in names, doc_id
        fonts_seen = 0
        for part in parts:
            for fonts in part.element.iter(qn("w:rFonts")):
                fonts_seen += 1
                themed = [a for a in THEME_ATTRIBUTES if fonts.get(qn(f"w:{a}")) is not None]
                assert not themed, f"{doc_id} {part.partname}: {themed}"
                named = {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")}
                assert named == {css_family}, f"{doc_id} {part.partname}: {named}"
            for text in part.element.iter(qn("w:lvlText")):  # a Symbol-font bullet is a box in Calibri
                assert not any("\uf000" <= ch <= "\uf0ff" for ch in text.get(qn("w:val"))), doc_id
        defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")) is not None, doc_id
        assert fonts_seen > 0, doc_id
