"""audit43 F2, F10 (D161, D196): each instruction on the preparer's sheet names the place it is about, as a reader
finds it in the printed act – the page of the instruction's marked blank („______¹”) or of the clause, table,
heading, field or paragraph it follows, and that landmark by a name printed on that page; „dokumenta galvā” only
above the document's title. Read from the PDFs' text page by page (pdftotext), for every document of every pilot
municipality made on the documents build's day and, made after the pilot round ended, of the municipalities that
together show every kind of instruction place the after-round papers of all of them have (D236: by default one, every
pilot municipality with IBM_FULL=1)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality, Pilot
from generator.documents.build_step import render_municipality
from generator.documents.paths import documents_dir
from generator.documents.pdf_writer import html_to_pdf, sheet_html, split_instructions
from tests.documents.conftest import normalise, pdf_pages
from tests.workbook.plan_sample import FULL, covering

pytestmark = pytest.mark.xdist_group("documents-build")

# written out (not imported): the test reads the same on a tree without them
SHEET = "Norādījumi sagatavotājam – nav dokumenta daļa, to neparaksta un nepievieno"
SHEET_HEAD = "Vieta dokumentā Norādījums"
INSTRUCTION = re.compile(r'<p class="note preparer">(?:\s*<strong>[^<]*</strong>)?\s*(.*?)</p>', re.S)
ON_MARK = re.compile(r"^Tukšā vieta ar piezīmi Nr\. (\d+)\.")
PLACE = re.compile(r"^(\d+)\.(?:–(\d+)\.)? lapā, (.+)$")
QUOTED = re.compile(r"„(.+?)”(?= |$|,)")
CLAUSE = re.compile(r"(\d+(?:\.\d+)*\.) (?:punkt|nodaļ)")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _text(html: str) -> str:
    return normalise(re.sub(r"<[^>]+>", "", html).replace("&amp;", "&"))


def _rows(sheet: list[str], title: str, instructions: list[str], where: str) -> list[str]:
    """The places on the sheet, one per instruction in their order: the text between one instruction and the
    next (the sheet's table, read in content order, without its repeated header and its pages' footers)."""
    text = " ".join(sheet)
    text = re.sub(rf"{re.escape(SHEET)}\s*{re.escape(normalise(title))}", " ", text)
    text = re.sub(r"Norādījumu lapa \d+ no \d+", " ", text)
    text = normalise(text.replace(SHEET_HEAD, "\0", 1).split("\0", 1)[1].replace(SHEET_HEAD, " "))
    places, cursor = [], 0
    for instruction in instructions:
        found = text.find(instruction[:60], cursor)
        assert found >= 0, f"{where}: norādījums nav atrasts norādījumu lapā: „{instruction[:60]}”"
        places.append(text[cursor:found].strip())
        tail = text.find(instruction[-30:], found)
        cursor = (tail + 30) if tail >= 0 else found + len(instruction)
    return places


def _on(page: str, name: str) -> bool:
    if CLAUSE.fullmatch(f"{name} punkt"):
        return re.search(rf"(?:^|\s){re.escape(name)} \S", page) is not None
    return normalise(name.removesuffix(" …")) in page


def check_places(pdf: bytes | Path, html: str, where: str) -> int:
    """Every instruction's place on the sheet: its page(s) in the act, its marked blank on that page, the names
    it quotes (and the clause it numbers) printed there – or, in a continuation („turpinājumā”), on a page
    before; the head only for an instruction above the title. Returns how many places were checked."""
    pages = [normalise(p) for p in pdf_pages(pdf)]
    act = [p for p in pages if SHEET not in p]
    sheet = [p for p in pages if SHEET in p]
    found = list(INSTRUCTION.finditer(html))
    if not found:
        assert not sheet, where
        return 0
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    instructions = [_text(m.group(1)) for m in found]
    heading = html.find("<h1")
    for match, instruction, place in zip(found, instructions, _rows(sheet, title, instructions, where), strict=True):
        at = f"{where}: „{place}” – „{instruction[:50]}”"
        parsed = PLACE.match(place)
        assert parsed, f"{at}: vieta nenosauc lapu"
        first = int(parsed.group(1))
        last = int(parsed.group(2) or first)
        what = parsed.group(3)
        assert 1 <= first < last + 1 <= len(act) + 1, f"{at}: aktam ir {len(act)} lapas"
        if "galvā" in what:
            assert what == "dokumenta galvā" and first == 1 and 0 <= match.start() < heading, f"{at}: nav galvā"
            continue
        assert heading < 0 or match.start() > heading, f"{at}: norādījums ir dokumenta galvā"
        mark = ON_MARK.match(instruction)
        if mark:
            blank = re.compile(rf"_{{3,}}(?: EUR)?{mark.group(1).translate(SUPERSCRIPT)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
            assert first == last and blank.search(act[first - 1]), f"{at}: šajā lapā nav tukšās vietas ar piezīmi"
        names = [*QUOTED.findall(what), *CLAUSE.findall(what)]
        assert names, f"{at}: vieta nenosauc ne punktu, ne tabulu, ne virsrakstu"
        for name in names:
            if "turpinājumā" in what:
                assert any(_on(p, name) for p in act[:first - 1]), f"{at}: „{name}” nav iepriekšējā lapā"
            else:
                assert _on(act[first - 1], name), f"{at}: „{name}” nav {first}. lapā"
    return len(found)


def test_each_instruction_names_the_page_and_place_of_the_build_days_papers(built: Path,
                                                                            built_municipalities: list[Municipality],
                                                                            built_day: dt.date,
                                                                          catalogue: Catalogue) -> None:
    checked = 0
    for m in built_municipalities:
        for document in render_municipality(catalogue, m, build_date=built_day):
            pdf = documents_dir(built, m.id) / f"{document.spec.id}.pdf"
            checked += check_places(pdf, document.html, f"{m.id}/{document.spec.id}.pdf")
    assert checked >= 10 * len(built_municipalities)


def after_round_day(catalogue: Catalogue) -> dt.date:
    return catalogue.rounds_of(Pilot.children)[0].end + dt.timedelta(days=1)


def place_cases(html: str, document: str) -> set[tuple]:
    """Each kind of instruction place one document has, as the sheet's wording depends on it (pdf_writer._place,
    _where): the landmark's kind (none: the head) and its lead's, on a marked blank or not, the blank in a list or
    inside the landmark."""
    return {(document, None if i.landmark is None else i.landmark.kind,
             None if i.landmark is None or i.landmark.lead is None else i.landmark.lead.kind,
             i.mark is not None, i.in_list, i.within) for i in split_instructions(html)[1]}


@pytest.fixture(scope="module")
def after_round(catalogue: Catalogue) -> dict[str, tuple[Municipality, list, set[tuple]]]:
    """Every pilot municipality's papers made the day after the pilot round ended (HTML only), with their cases."""
    day = after_round_day(catalogue)
    found = {}
    for m in catalogue.pilot_municipalities():
        documents = render_municipality(catalogue, m, build_date=day)
        found[m.id] = (m, documents, set().union(*(place_cases(d.html, d.spec.id) for d in documents)))
    return found


def after_round_sample(after_round: dict[str, tuple[Municipality, list, set[tuple]]]) -> list[str]:
    """D236: every pilot municipality with IBM_FULL=1, else the fewest whose after-round papers show every kind of
    instruction place all of them show (tests/workbook/plan_sample.py ``covering``; the first in catalogue order on
    a tie)."""
    every = list(after_round)
    if FULL:
        return every
    return covering(every, [after_round[m][2] for m in every])


def test_the_after_round_sample_shows_every_place_kind(after_round) -> None:  # noqa: ANN001
    """The default sample of the after-round proof shows every kind of instruction place (document, landmark,
    marked blank) that the papers of every pilot municipality show: it fails when after_round_sample (or the cover it
    takes) leaves a kind out, not when a municipality's papers change – the sample follows them. The sample is also
    pinned as D236 describes it (one municipality, the first in catalogue order), so that the decision's text cannot
    go stale unnoticed."""
    wanted = set().union(*(cases for _m, _d, cases in after_round.values()))
    shown = set().union(*(after_round[m][2] for m in after_round_sample(after_round)))
    assert wanted - shown == set()
    if not FULL:
        first = next(iter(after_round))
        assert after_round_sample(after_round) == [first], "D236 saka: viena pašvaldība – atjaunojiet lēmumu"
    assert len({document for document, *_ in wanted}) >= 20 and any(kind is None for _d, kind, *_ in wanted)


def test_each_instruction_names_the_page_and_place_after_the_round_ended(after_round) -> None:  # noqa: ANN001
    """Papers made after the pilot round ended (its name, dates, prices are blanks): more instructions, on blanks
    that move to other pages – 02's price annex, 17's and 18's legal basis (audit43 F2)."""
    checked = 0
    for m in after_round_sample(after_round):
        for document in after_round[m][1]:
            if "note preparer" in document.html:
                checked += check_places(html_to_pdf(document.html), document.html, f"{m}/{document.spec.id}")
    assert checked >= 60


def test_the_places_of_the_audits_findings(catalogue: Catalogue) -> None:
    """The places audit43 F2 found wrong, as the sheet now names them: 02's prices in its annex (over two pages),
    17's marked blanks on the first page in 2.1, 18's in the legal basis' list, 29's by its paragraph and field."""
    pilot = catalogue.rounds_of(Pilot.children)[0]
    m = catalogue.municipality(pilot.municipalities[0])
    wanted = {"02": "lapā, pielikuma „Augstākās pieļaujamās cenas” tabulā Tukšā vieta cenas ailē",
              # the citations' numbers follow the letterhead's blanks' notes (one sequence in the text's order, D369)
              "17": "1. lapā, 2.1. punktā Tukšā vieta ar piezīmi Nr. ",
              "18": "lapā, uzskaitījumā aiz rindkopas „Dienests iesniegumu izvērtēja, pamatojoties uz:” Tukšā vieta "
                    "ar piezīmi Nr. ",
              "29": "1. lapā, aiz lauka „Iemesls” Iemesls var būt"}
    papers = {d.spec.id[:2]: d for d in render_municipality(catalogue, m, build_date=pilot.end + dt.timedelta(days=1))
              if d.spec.id[:2] in wanted}
    for number, text in wanted.items():
        sheet = " ".join(p for p in (normalise(x) for x in pdf_pages(html_to_pdf(papers[number].html))) if SHEET in p)
        assert text in sheet, number
        assert "dokumenta sākumā" not in sheet, number


def test_a_one_page_act_is_not_a_range_of_pages() -> None:
    """F10: „ir 1 lapa („Lapa 1 no 1”)”, not „(„Lapa 1 no 1” – „Lapa 1 no 1”)”; more pages keep the range."""
    html = "<html><head><title>Vēstule</title></head><body><main><h1>Vēstule</h1></main></body></html>"
    one = normalise(_text(sheet_html(html, [], {}, 1)))
    assert "ir 1 lapa („Lapa 1 no 1”)." in one
    assert "– „Lapa 1 no 1”" not in one
    assert "ir 3 lapas („Lapa 1 no 3” – „Lapa 3 no 3”)." in normalise(_text(sheet_html(html, [], {}, 3)))


def test_the_sheet_speaks_of_itself_in_the_number_of_its_pages() -> None:
    """audit44 N5: a one-page sheet („Norādījumu lapa 1 no 1”) says „Šī lapa nav tā daļa: tā ir …, to neparaksta”,
    a sheet of more pages „Šīs lapas nav tā daļa: tās ir …”, as the PDF prints them."""
    html = "<html><head><title>Vēstule</title></head><body><main><h1>Vēstule</h1><p>Teksts.</p>{}</main></body></html>"
    short = html.format('<p class="note preparer">Izdomāts norādījums.</p>')
    long = html.format("".join(f'<p class="note preparer">Izdomāts norādījums Nr. {n}, {"garš teksts " * 30}</p>'
                               for n in range(12)))  # 3 sheet pages
    for source, count, words, other in (
            (short, 1, "Šī lapa nav tā daļa: tā ir tikai dokumenta sagatavotājam, to neparaksta", "Šīs lapas nav"),
            (long, 0, "Šīs lapas nav tā daļa: tās ir tikai dokumenta sagatavotājam, tās neparaksta", "Šī lapa nav")):
        sheet = [p for p in (normalise(x) for x in pdf_pages(html_to_pdf(source))) if SHEET in p]
        assert (len(sheet) == 1) if count == 1 else (len(sheet) > 1), len(sheet)
        assert f"Norādījumu lapa 1 no {len(sheet)}" in sheet[0]
        assert words in sheet[0], sheet[0][:400]
        assert other not in " ".join(sheet)
