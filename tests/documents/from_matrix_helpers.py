"""Shared helpers of the --from-matrix tests: filled matrices from the ministry's factory, DOCX tables read
back as text, Latvian money parsed back to Decimal (so that expectations never reuse the product's formatting)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.reading import MatrixReading, plan_round_end
from generator.ministry.matrix import ChildData
from generator.ministry.xlsxread import a1, read_xlsx, sheet_parts
from generator.money import cents
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.provisional import age_in_years
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, generic_template, make_children, write_children


def money(text: str) -> Decimal | None:
    """'1 234,56 EUR' -> Decimal('1234.56'); a blank ('______ EUR') or an empty cell -> None."""
    text = normalise(text).removesuffix("EUR").strip().replace(" ", "")
    if not text or "_" in text:
        return None
    return Decimal(text.replace(",", "."))


def _cell_text(tc) -> str:  # noqa: ANN001 - an lxml w:tc element
    paragraphs = []
    for p in tc.iter(qn("w:p")):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
            parts.append(node.text or "" if node.tag == qn("w:t") else " ")
        paragraphs.append("".join(parts))
    return normalise(" ".join(paragraphs))


def docx_tables(data: bytes | Path) -> list[list[list[str]]]:
    """Every top-level table as rows of cell texts (read from the XML: python-docx's row.cells is slow)."""
    doc = Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    return [[[_cell_text(tc) for tc in tr.findall(qn("w:tc"))] for tr in table._tbl.findall(qn("w:tr"))]
            for table in doc.tables]


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def footnote_marks(root) -> None:  # noqa: ANN001 - an lxml element of the document or its footnotes
    """Each Word footnote's reference (and its own number in the footnote) as the text the PDF prints: the
    superscript number (docx_writer makes a PDF's marked note a footnote, D171)."""
    for tag in ("w:footnoteReference", "w:footnoteRef"):
        for element in list(root.iter(qn(tag))):
            number = element.get(qn("w:id")) or element.getparent().getparent().getparent().get(qn("w:id"))
            text = element.makeelement(qn("w:t"), {})
            text.text = str(number).translate(_SUPERSCRIPT)
            element.addprevious(text)
            element.getparent().remove(element)


def docx_text(data: bytes | Path) -> str:
    """The DOCX's text as a reader sees it: the body, its tables, the headers and, after the body, the footnotes,
    each starting with its number (Word's footnote references read as the PDF's superscript marks)."""
    doc = Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    footnote_marks(doc.element)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(_cell_text(tc) for tc in table._tbl.iter(qn("w:tc")))
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    parts.extend(footnote_texts(doc))
    return normalise("\n".join(parts))


def docx_in_order(path: Path) -> str:
    """The DOCX body's text in reading order – every paragraph, those in table cells where the table stands – then
    its Word footnotes (a blank's note is one since D369, as the PDF prints it at the page's foot); normalised."""
    document = Document(str(path))
    body = " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p")))
    return normalise(" ".join([body, *footnote_texts(document)]))


def footnote_texts(doc) -> list[str]:  # noqa: ANN001 - a python-docx Document
    """The text of each Word footnote in order, starting with its number as the PDF prints it (D171)."""
    from lxml import etree

    texts = []
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            footnotes = etree.fromstring(rel.target_part.blob)
            footnote_marks(footnotes)
            for footnote in footnotes.iter(qn("w:footnote")):
                if footnote.get(qn("w:type")) is None:
                    texts.append("".join(t.text or "" for t in footnote.iter(qn("w:t"))))
    return texts


def without_caption(table: list[list[str]]) -> list[list[str]]:
    """A table without its running caption row (one merged cell over the column headers that names the annex
    and the child on every page), so that row 0 is the column headers."""
    return table[1:] if len(table) > 1 and len(table[0]) == 1 and len(table[1]) > 1 else table


def table_with(tables: list[list[list[str]]], header: str) -> list[list[str]]:
    found = [t for t in map(without_caption, tables) if any(header in cell for cell in t[0])]
    assert len(found) >= 1, f"nav tabulas ar aili „{header}”"
    return found[0]


def unconfirmed(catalogue: Catalogue, offer_id: str, price: Decimal | None) -> bool:
    """A catalogue price still "jāprecizē", or no price at all on the line (empty or 0,00)."""
    if not price:
        return True
    offer = {o.id: o for o in catalogue.offers(template_date(catalogue))}[offer_id]
    return (offer.ceiling_status is PriceStatus.to_verify and offer.prefill_price is not None
            and price == offer.prefill_price)


def base_unconfirmed(catalogue: Catalogue, child: Child) -> bool:
    """P rests on the catalogue's base amount (no Bazes_Apmers in the matrix), and that one is "jāprecizē"."""
    status = catalogue.programme.base_amount.at(template_date(catalogue)).status
    return child.inputs.base is None and status is not PriceStatus.confirmed


def minor_to_round_end(catalogue: Catalogue, child: Child) -> bool:
    """Whether the child is still under age on the last day of its plan's round: the factory's children are
    eligible on the check date (the matrix, D1), but the papers refuse one who comes of age before the round ends
    (D110)."""
    end = plan_round_end(catalogue, child.inputs.period_start)
    limit = int(catalogue.programme.eligibility_age_limit.at(template_date(catalogue)).value)
    return end is None or age_in_years(child.inputs.birth_date, end) < limit


def children_with_final(catalogue: Catalogue, count: int, seed: int) -> list[Child]:
    """Random usable children (some with the ministry's own base amount in the matrix); among those whose N
    exceeds P, every second one gets a final amount F between them, counted separately for children on the
    catalogue's base amount, the first of whom keeps A = P."""
    children = [c for c in make_children(catalogue, count, seed=seed) if minor_to_round_end(catalogue, c)]
    result = []
    flips = {True: False, False: True}  # by base_unconfirmed: the flip that gives the next child an F
    for child in children:
        outcome = child.result(catalogue)
        if outcome.needed > outcome.provisional and child.inputs.final is None:
            on_catalogue_base = base_unconfirmed(catalogue, child)
            give = flips[on_catalogue_base]
            flips[on_catalogue_base] = not give
            if give:
                final = cents(outcome.provisional + (outcome.needed - outcome.provisional) / 2)
                child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, final=final))
        result.append(child)
    return result


def write_matrices(catalogue: Catalogue, folder: Path, children: list[Child], *, saved_by: str = "openpyxl"
                   ) -> list[Child]:
    """``saved_by``: the file form (tests/ministry/factory.py write_children)."""
    template = generic_template(catalogue, folder)
    return write_children(catalogue, template, children, folder / "matricas", by_municipality=False, saved_by=saved_by)


def funded_child(catalogue: Catalogue, folder: Path) -> Child:
    """One clean filled matrix with at least one provider the IB pays (so 02 and 03 are made), in ``folder``."""
    pool = make_children(catalogue, 20, seed=31)
    usable = [c for c in pool if c.result(catalogue).errors == 0 and c.result(catalogue).plan.ib_funded > 0
              and minor_to_round_end(catalogue, c)]
    [written] = write_matrices(catalogue, folder, usable[:1])
    return written


def plan_reading(catalogue: Catalogue, municipality_id: str,
                 lines: tuple[tuple[str, int, Decimal | None, tuple[int, ...], str], ...], *,
                 months: int = 2, start: dt.date = dt.date(2018, 10, 1), params_day: dt.date | None = None,
                 **values: object) -> MatrixReading:
    """A matrix as read for a fictional child with a ``months``-month plan (default two) in the template's first
    period (or from ``start``), without errors: per line (offer, units, unit price – None: the catalogue's own, planned units per
    month, provider); ``values``: the matrix's other inputs (default base B 3 100,00, the ministry's and not the catalogue's);
    ``params_day``: the matrix's prices day (default: the template's)."""
    day = params_day or template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    plan = tuple(line_from_offer(offers[offer], units, unit_price=price, planned_units=planned)
                 for offer, units, price, planned, _ in lines)
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=start, months=months,
                            special_care=False, impairment="multipli", lines=plan,
                            **{"base": Decimal("3100.00"), **values})  # type: ignore[arg-type]
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    # no error but transport above its share without a reason (an error since D371: a draft's papers still say it)
    assert outcome.errors == sum(1 for f in outcome.findings if f.counts and f.severity is Severity.error
                                 and f.code == "transport_share")
    data = ChildData(municipality_id, "Anna Paraugs", "010512-20000", "multipli", day, inputs)
    return MatrixReading(Path("paraugs.xlsx"), "paraugs", data=data, params=params, outcome=outcome,
                         parent_name="Pēteris Paraugs",
                         providers={offers[offer].label: provider for offer, *_, provider in lines})


def with_cached(source: Path, target: Path, name: str, value: str) -> None:
    """A copy of the matrix with ``value`` cached in the formula cell of ``name``, as an old save, Excel's last
    result or a hand edit of the XML leaves it (openpyxl saved the source: nothing was cached there yet)."""
    ref = read_xlsx(source).name_ref(name)
    assert ref is not None
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        part = sheet_parts(zin)[ref.sheet]
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode()
                start = text.index(f'<c r="{a1(ref.first)}"')
                end = text.index("</c>", start)
                cell = text[start:end]
                assert "<v>" not in cell.replace("<v></v>", "")
                data = (text[:start] + cell.replace("<v></v>", "") + f"<v>{value}</v>" + text[end:]).encode()
            zout.writestr(info, data)
