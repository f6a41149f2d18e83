"""Every built PDF and DOCX of the build's municipalities (D292), checked as a lawyer would before signing: no page
with only signatures, no unconfirmed figure, no ended term, decisions with basis and appeal; DOCX that an
editor can change (Word numbering, lv-LV, kept-together signatures, repeated header rows, clean properties)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality, PriceStatus, Regime
from generator.documents.blank_notes import MARK_DIGITS
from generator.documents.build_step import render_municipality
from generator.documents.docx_format import NUMBERING_ID
from generator.documents.htmltree import Node, parse
from generator.documents.paths import documents_dir
from generator.documents.registry import DECISIONS, DOCUMENTS, UNSIGNED
from tests.documents.conftest import normalise, unmarked, without_footer
from tests.documents.test_docx_content import drop_typed_section_numbers

pytestmark = pytest.mark.xdist_group("documents-build")

# the official who issues an act also writes the position and the basis of an authorisation (D66)
SIGNATURE_LABELS = ("Vārds, uzvārds", "Paraksts", "Datums", "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)",
                    "Amats")
# "spēkā no …" dates an act's version in a price source (D152), it is no term
# a term's day; not "spēkā no …" nor the round's own first day ("kārta ilgst no …", a fact of the round)
TERM = re.compile(r"(?<!spēkā )(?<!ilgst )(?:līdz|no|beigām \(|beigām) (\d{2}\.\d{2}\.\d{4})")


def _walk(node: Node):  # noqa: ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def _signature_titles(catalogue: Catalogue) -> set[str]:
    titles: set[str] = set()
    for document in render_municipality(catalogue, catalogue.pilot_municipalities()[0]):
        for node in _walk(parse(document.body)):
            if node.tag == "table" and "signatures" in node.classes:
                titles |= {normalise(n.text()) for n in _walk(node) if n.tag == "strong"}
    return titles


def _pages(pdf_text, path: Path) -> list[str]:  # noqa: ANN001
    """The act's pages, without the preparer's sheet after them (D161: not part of the document)."""
    return [normalise(page) for page in pdf_text(path).split("\f")
            if page.strip() and "Norādījumi sagatavotājam – nav dokumenta daļa" not in page]


def test_no_page_holds_only_a_signature_block(built: Path, built_municipalities: list[Municipality],
                                              catalogue: Catalogue, pdf_text) -> None:
    titles = _signature_titles(catalogue)
    assert len(titles) >= 10
    for m in built_municipalities:
        for spec in DOCUMENTS:
            pages = _pages(pdf_text, documents_dir(built, m.id) / f"{spec.id}.pdf")
            for number, page in enumerate(pages, 1):
                if "Paraksts" not in page:
                    continue
                rest = without_footer(page, spec.title, catalogue.version)
                for text in (*titles, *SIGNATURE_LABELS):
                    rest = rest.replace(text, "")
                assert len(re.sub(r"[\W_]", "", rest)) >= 40, f"{m.id}/{spec.id} lapa {number}: tikai paraksti"


def _substance_before_signatures(body: str) -> list[tuple[set[str], str]]:
    """For each signature block of a document: the titles it signs under and the last words of the last piece
    of the document's substance before it – a numbered clause, a heading, a list item, a question to answer
    or a table row –, never a closing note or an acknowledgement, which are no substance of their own."""
    found: list[tuple[set[str], str]] = []
    last = ""

    def visit(node: Node) -> None:
        nonlocal last
        for child in node.elements():
            if child.tag == "table" and "signatures" in child.classes:
                found.append(({normalise(n.text()) for n in _walk(child) if n.tag == "strong"}, last))
                continue  # the block's own rows are no substance
            # a letter's paragraphs are clauses without numbers (18: its closing paragraphs above the signatures,
            # after the contacts' fields)
            numbered = child.tag == "p" and ("clause" in child.classes
                                             or any(c.tag == "span" and "nr" in c.classes for c in child.elements()))
            question = child.tag == "p" and "field" in child.classes
            if numbered or question or child.tag in ("h2", "h3", "li", "tr"):
                # a row's cells are words apart on the page, not run together
                words = (" ".join(normalise(c.text()) for c in child.elements()) if child.tag == "tr"
                         else normalise(child.text())).split()
                if words:
                    last = " ".join(words[-4:])
            visit(child)

    visit(parse(body))
    return found


def _ends_on(last: str, page: str) -> bool:
    """Whether the last words of a clause are on the page. A clause that ends in a marked blank („… daļu ______ EUR⁶”,
    D369) may be read apart by pdftotext – the raised mark sets the blank on a line of its own –: then the words up
    to the blank and the marked blank itself (its mark is the document's one) must both be on the page."""
    if last in page:
        return True
    blank = re.search(f"_{{3,}}(?: EUR)?[{MARK_DIGITS}]+", last)
    return blank is not None and all(part.strip() in page for part in (last[:blank.start()], last[blank.start():]))


def test_a_signature_page_holds_the_last_clause_before_the_signatures(built: Path,
                                                                      built_municipalities: list[Municipality],
                                                                      built_day: dt.date,
                                                                      catalogue: Catalogue, pdf_text) -> None:
    """The check above counts any 40 letters beside the signatures as content, so a one-line acknowledgement
    („Ar instrukciju esmu iepazinies/iepazinusies …”, 23 p. 2) or a closing note (21 p. 2) let a page of only
    signatures pass (lawaudit 20). Here the end of the last clause, question, heading or table row before a
    signature block must be on the page that holds the block."""
    checked = 0
    for m in built_municipalities:
        rendered = {d.spec.id: d for d in render_municipality(catalogue, m, build_date=built_day)}
        for spec in DOCUMENTS:
            pages = _pages(pdf_text, documents_dir(built, m.id) / f"{spec.id}.pdf")
            start = 0
            used: dict[int, int] = {}  # the blocks already matched to a page: a later block with the same titles
            # (the price annex's signatures after the contract's, audit28 F4) is the next one, not the same
            for titles, last in _substance_before_signatures(rendered[spec.id].body):
                if not last:
                    continue
                at = next(i for i in range(start, len(pages))
                          if "Paraksts" in pages[i] and all(t in pages[i] for t in titles)
                          and pages[i].count(sorted(titles)[0]) > used.get(i, 0))
                assert _ends_on(last, pages[at]), f"{m.id}/{spec.id} lapa {at + 1}: paraksti bez pēdējā punkta „{last}”"
                start = at
                used[at] = used.get(at, 0) + 1
                checked += 1
    assert checked >= 20 * len(built_municipalities)


def test_no_unconfirmed_figure_and_no_ended_term_in_any_pdf(built: Path, built_municipalities: list[Municipality],
                                                            built_day: dt.date, catalogue: Catalogue,
                                                            pdf_text) -> None:
    day = catalogue.latest_date
    unconfirmed: set[str] = set()
    base = catalogue.programme.base_amount.at(day)
    if base.status is not PriceStatus.confirmed:
        unconfirmed.add(normalise(lvformat.eur(base.value)))
    blanks_needed = 0
    for service in catalogue.sorted_services():
        if service.regime not in (Regime.regulation, Regime.delegated_contract):
            continue
        value = catalogue.price_by_service[service.id].at(day)
        if value.status is not PriceStatus.confirmed or value.amount is None:
            blanks_needed += 1
            if value.amount is not None:
                unconfirmed.add(normalise(lvformat.eur(value.amount)))
    assert unconfirmed and blanks_needed
    today = built_day  # "never a term that has already ended on its build date" (issue 11)
    for m in built_municipalities:
        for spec in DOCUMENTS:
            where = f"{m.id}/{spec.id}.pdf"
            text = normalise(pdf_text(documents_dir(built, m.id) / f"{spec.id}.pdf"))
            assert "(jāprecizē)" not in text, where
            for figure in unconfirmed:
                assert figure not in text, f"{where}: nepārbaudīta summa {figure}"
            for found in TERM.findall(text):
                assert dt.datetime.strptime(found, "%d.%m.%Y").date() >= today, f"{where}: beidzies termiņš {found}"
            if spec.id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
                assert text.count("______ EUR") >= blanks_needed, where


def test_decisions_name_basis_institution_and_term(built: Path, built_municipalities: list[Municipality],
                                                   built_day: dt.date, catalogue: Catalogue,
                                                   pdf_text) -> None:
    for m in built_municipalities:
        for doc_id in DECISIONS:
            # the appeal body's blank carries its note's mark (D369): the words round it without the mark
            text = unmarked(normalise(pdf_text(documents_dir(built, m.id) / f"{doc_id}.pdf")))
            where = f"{m.id}/{doc_id}"
            assert "Tiesiskais pamats" in text and "Pamatojums" in text, where
            # the catalogue names no appeal body: its blank, never the municipality nor an undefined term (D200)
            body = "______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā)"
            # where the application is handed in: the issuing service by its defined term (one macro, audit41 F5)
            assert (f"viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt {body}, "
                    "iesniegumu iesniedzot Dienestā") in text, where
            assert "Administratīvā procesa likuma 70. panta pirmā daļa" in text, where


def test_table_headers_repeat_on_every_page_of_a_table(built: Path, built_municipalities: list[Municipality],
                                                       catalogue: Catalogue, pdf_text) -> None:
    m = built_municipalities[0]
    folder = documents_dir(built, m.id)
    annex_pages = _pages(pdf_text, folder / "02-ligums-ar-sniedzeju.pdf")
    start = next(i for i, p in enumerate(annex_pages) if "Pielikums. Augstākās pieļaujamās cenas" in p)
    assert len(annex_pages) - start >= 2, "pielikums ir vienā lapā: atkārtošanās netiek pārbaudīta"
    for page in annex_pages[start:]:
        assert all(cell in page for cell in ("Pakalpojums", "Mērvienība", "Cenas noteikšanas veids", "Avots",
                                             "Augstākā cena")), page[:200]
    route_pages = _pages(pdf_text, folder / "15-marsruta-lapa.pdf")
    assert len(route_pages) >= 2
    for page in route_pages:
        assert all(cell in page for cell in ("Mēneša diena", "Brauciena mērķis", "Nobraukti km")), page[:200]
    # D276: 16 has a row for each day of a month too, over two pages, its total on the signatures' page
    transport_pages = _pages(pdf_text, folder / "16-sabiedriska-transporta-atskaite.pdf")
    assert len(transport_pages) >= 2
    for page in transport_pages:
        assert all(cell in page for cell in ("Mēneša diena", "Maršruts (no – uz – atpakaļ)", "Braucienu mērķis",
                                             "Summa, EUR")), page[:200]  # a day's row holds its trips: plural
    last = transport_pages[-1]
    assert "31." in last and "Kopā mēnesī (visu dienu summa)" in last and "Paraksts" in last, last[:300]


# --- DOCX ----------------------------------------------------------------------------------------------


def _docx(built: Path, municipality_id: str, doc_id: str):  # noqa: ANN202
    return docx.Document(str(documents_dir(built, municipality_id) / f"{doc_id}.docx"))


def test_docx_clause_numbers_are_one_word_multilevel_list(built: Path, built_municipalities: list[Municipality],
                                                          built_day: dt.date, catalogue: Catalogue) -> None:
    m = built_municipalities[1 % len(built_municipalities)]
    numbered = 0
    for rendered in render_municipality(catalogue, m, build_date=built_day):
        marks = drop_typed_section_numbers(parse(rendered.body))  # span.nr and typed "3." section headings
        document = _docx(built, m.id, rendered.spec.id)
        levels = []
        for paragraph in document.element.body.iter(qn("w:p")):
            num = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num is not None and num.find(qn("w:numId")).get(qn("w:val")) == str(NUMBERING_ID):
                levels.append(int(num.find(qn("w:ilvl")).get(qn("w:val"))))
        assert levels == marks, rendered.spec.id
        numbering = document.part.numbering_part.element
        abstract = [a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(NUMBERING_ID)]
        assert len(abstract) == 1
        assert abstract[0].find(qn("w:multiLevelType")).get(qn("w:val")) == "multilevel"
        texts = [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract[0].findall(qn("w:lvl"))]
        assert texts == ["%1.", "%1.%2.", "%1.%2.%3."]
        # a typed clause number starts a paragraph; "6.9. tabula" inside a sentence is a reference (D27 spacing)
        typed = [p.text for p in document.paragraphs
                 if re.match(r"\s*\d+\.\d+\. (?!(?:tabul|pielikum|punkt|nodaļ)\w*)", p.text)]
        assert not typed, f"{rendered.spec.id}: ierakstīts punkta numurs: {typed[:3]}"
        numbered += len(levels)
    assert numbered >= 100


def test_docx_language_font_and_properties(built: Path, built_municipalities: list[Municipality],
                                           catalogue: Catalogue) -> None:
    m = built_municipalities[2 % len(built_municipalities)]
    for spec in DOCUMENTS:
        path = documents_dir(built, m.id) / f"{spec.id}.docx"
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            styles = package.read("word/styles.xml").decode("utf-8")
            app = package.read("docProps/app.xml").decode("utf-8")
            rels = package.read("_rels/.rels").decode("utf-8")
        assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels, spec.id
        assert "<Application>IBM rīkkopa</Application>" in app and "Microsoft" not in app, spec.id
        assert "Normal.dotm" not in app
        assert 'w:lang w:val="lv-LV"' in styles, spec.id
        document = docx.Document(str(path))
        assert document.core_properties.language == "lv-LV", spec.id
        normal = document.styles["Normal"].font
        assert normal.name == "Calibri" and normal.size.pt == 9.5, spec.id
        footer = document.sections[0].footer  # one row: title and version | "Lapa X no Y"
        runs = [r for t in footer.tables for c in t.rows[0].cells for p in c.paragraphs for r in p.runs]
        assert len(footer.tables) == 1 and runs and all(r.font.size.pt == 8 for r in runs), spec.id


def _signature_tables(document) -> list:  # noqa: ANN001
    return [t for t in document.tables if "Paraksts" in "".join(c.text for r in t.rows for c in r.cells)
            and len(t.columns) == 2 and t.style.name != "Table Grid"]


def test_docx_signature_blocks_stay_with_the_last_clause(built: Path, built_municipalities: list[Municipality],
                                                         catalogue: Catalogue) -> None:
    m = built_municipalities[3 % len(built_municipalities)]
    checked = 0
    for spec in DOCUMENTS:
        document = _docx(built, m.id, spec.id)
        for table in _signature_tables(document):
            checked += 1
            for row in table.rows:
                assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None, spec.id
            previous = table._tbl.getprevious()
            while previous is not None and previous.tag == qn("w:p") and previous.find(qn("w:r")) is None:
                previous = previous.getprevious()
            assert previous is not None, spec.id
            paragraphs = [previous] if previous.tag == qn("w:p") else list(previous.iter(qn("w:p")))[-1:]
            keep = paragraphs[0].find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
            assert keep is not None, f"{spec.id}: parakstu bloks nav saistīts ar iepriekšējo punktu"
    assert checked >= len([d for d in DOCUMENTS if d.id not in UNSIGNED]) - 2


def test_docx_header_rows_repeat(built: Path, built_municipalities: list[Municipality],
                                 built_day: dt.date, catalogue: Catalogue) -> None:
    m = built_municipalities[4 % len(built_municipalities)]
    for rendered in render_municipality(catalogue, m, build_date=built_day):
        heads = sum(1 for n in _walk(parse(rendered.body)) if n.tag == "thead")
        document = _docx(built, m.id, rendered.spec.id)
        repeated = [t for t in document.tables
                    if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
        assert len(repeated) == heads, rendered.spec.id
        for table in repeated:
            assert all(p.paragraph_format.keep_with_next for c in table.rows[0].cells for p in c.paragraphs)


def test_docx_merged_cell_has_the_width_of_its_columns(built: Path, built_municipalities: list[Municipality],
                                                       catalogue: Catalogue) -> None:
    m = built_municipalities[0]
    document = _docx(built, m.id, "15-marsruta-lapa")
    table = next(t for t in document.tables if "Kopā mēnesī" in t.rows[-1].cells[0].text)
    tc = table.rows[-1]._tr.tc_lst[0]
    assert tc.grid_span == 3
    twips = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(tc.tcPr.width.twips - sum(twips[:3])) <= 3  # rounding of three columns
    assert tc.tcPr.width.twips > 2 * max(twips[:3])


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def test_no_word_runs_off_the_page(built: Path, built_municipalities: list[Municipality]) -> None:
    """Every printed word stands inside the page's side margins: a footnote whose mark stands in a cell that
    never wraps (a price annex's amount) once ran as one line past the right edge of 02 and 03, cutting the rule
    of which price applies."""
    import subprocess

    checked = 0
    for municipality in built_municipalities:
        for path in sorted(documents_dir(built, municipality.id).glob("*.pdf")):
            checked += 1
            words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout
            for number, page in enumerate(words.split("<page ")[1:], 1):
                width = float(re.search(r'width="([\d.]+)"', page).group(1))
                outside = [word for left, right, word in _WORD.findall(page)
                           if float(left) < 20 or float(right) > width - 20]
                assert not outside, f"{path.name} {number}. lapa: vārdi ārpus lapas malām: {outside[:5]}"
    assert checked >= len(DOCUMENTS) * len(built_municipalities)
