"""Legal citations come from catalogue/tiesibu-akti.yaml and follow D42: a norm is cited in full only on a day the
catalogue knows its act in force (the pilot's decision time for MK Nr. 288), otherwise a marked blank and a note
saying what to write; the appeal clause names the catalogue's appeal body in the locative; no template types an
act. Proven on the rendered HTML (fast) and on the PDF and DOCX of 08, 09 and 17."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents import legal, terms
from generator.documents.build_step import render_municipality, write_document
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise
from tests.documents.footnote_pages import notes_apart
from tests.documents.from_matrix_helpers import docx_text
from tests.round_yaml import add_holiday_years

DECISIONS = ["08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu"]
SPECS = [spec for spec in DOCUMENTS if spec.id in DECISIONS]
MK_288_GEN = ("Ministru kabineta 2008. gada 21. aprīļa noteikumu Nr. 288 „Sociālo pakalpojumu un sociālās palīdzības "
              "saņemšanas kārtība” 5. punktu")
MK_288_ACC = ("Ministru kabineta 2008. gada 21. aprīļa noteikumus Nr. 288 „Sociālo pakalpojumu un sociālās palīdzības "
              "saņemšanas kārtība”")
TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "dokumenti"
LATE = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def citations_numbered_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The citations' own marks, numbered in the order they are cited: here without the blanks' notes that D369
    numbers in the same sequence (the letterhead's first), whose place and numbers test_blank_notes.py proves."""
    import generator.documents.html as html_module

    monkeypatch.setattr(html_module, "footnoted_blanks", lambda html, preparer: html)


# a paper sent to the parent labels its notes as the preparer's (class "note preparer", D161)
_NOTE = re.compile(r'<p class="note[^"]*">(?:<strong>Piezīme sagatavotājam[^<]*</strong>)?(.*?)</p>', re.S)


def _pilot_day(catalogue: Catalogue) -> dt.date:
    """A day in the children's pilot's decision time: after its start, before its services begin."""
    pilot = catalogue.rounds_of("bērni")[0]
    return pilot.start + dt.timedelta(days=19)


_OF_MARK = re.compile(r"^Tukšā vieta ar piezīmi Nr\. (\d+)\. ")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _split(body: str) -> tuple[str, list[str]]:
    """A document's text without its notes, and the notes; a marked blank's note (it stays in the signed paper)
    with the preparer's instruction about the same blank appended (D161: "Tukšā vieta ar piezīmi Nr. N. …")."""
    notes: list[str] = []
    for n in _NOTE.findall(body):
        text = normalise(parse(n).text())
        of_mark = _OF_MARK.match(text)
        mark = of_mark.group(1).translate(_SUPERSCRIPT) if of_mark else None
        at = next((i for i, note in enumerate(notes) if mark and note.startswith(mark + " ")), None)
        if at is not None:
            notes[at] = f"{notes[at]} {text[of_mark.end():]}"
        else:
            notes.append(text)
    return normalise(parse(_NOTE.sub("", body)).text()), notes


def _decisions(catalogue: Catalogue, day: dt.date, municipality: str = "valmiera") -> dict[str, tuple[str, list[str]]]:
    docs = render_municipality(catalogue, catalogue.municipality(municipality), SPECS, build_date=day)
    assert [d.spec.id for d in docs] == DECISIONS
    return {d.spec.id: _split(d.body) for d in docs}


def test_a_decision_made_in_the_pilots_decision_time_cites_mk_288_in_full(catalogue: Catalogue) -> None:
    texts = _decisions(catalogue, _pilot_day(catalogue))
    for doc_id in ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu"):
        text, _ = texts[doc_id]
        assert MK_288_GEN in text and "Administratīvā procesa likuma 55. pantu" in text, doc_id
        # the social service's task (the competence norm) is cited in every decision, as in 09 (lawaudit 14)
        assert "Sociālo pakalpojumu un sociālās palīdzības likuma 11. pantu" in text, doc_id
    text, _ = texts["09-lemums-par-izbeigsanu"]
    assert MK_288_ACC in text and "Sociālo pakalpojumu un sociālās palīdzības likuma 11. pantu" in text
    for doc_id, (text, notes) in texts.items():
        # the only blank: the social services law's appeal norm, whose number the catalogue has not verified (D74)
        # (its mark follows that of an unconfirmed base amount's blank "______ EUR¹" in 08: one numbering, D171)
        [mark] = re.findall(r"______([¹²³⁴])", text)
        assert mark == ("²" if "______ EUR¹" in text else "¹"), doc_id
        [note] = [n for n in notes if n.startswith(mark)]
        assert "17.¹ pants" in note and "nav pārbaudīti" in note and "apstrīdēšanu" in note, doc_id


def test_a_decision_made_after_mk_288s_proven_validity_leaves_a_blank_and_a_note(catalogue: Catalogue) -> None:
    until = catalogue.legal_acts.act("mk-288").known_in_force.until
    for day in (until + dt.timedelta(days=1), LATE):
        texts = _decisions(catalogue, day)
        for doc_id, (text, notes) in texts.items():
            assert "Nr. 288" not in text, (day, doc_id)  # never a binding basis
            marked = [n for n in notes if n[0] in "¹²³"]
            # the date the catalogue proved it until is the pilot's methodology's: a paper made after the pilot
            # ended cites the norm without it (D135)
            dated = day <= catalogue.rounds_of("bērni")[0].end
            assert any("Nr. 288" in n and (f"{until:%d.%m.%Y}" in n or not dated) and "pašvaldības jurists" in n
                       for n in marked), (day, doc_id, notes)
            # APL is confirmed without a known end: still cited in full
            assert "Administratīvā procesa likuma 70. panta pirmā daļa" in text, doc_id
        grant, notes = texts["08-lemums-par-pieskirsanu"]
        # the sentence still reads: the blank stands for the whole citation
        # the competence norm (SPSPL 11) comes first and has mark ¹ once its proof has run out too
        assert "Administratīvā procesa likuma 55. pantu (iesniegums, ar kuru ierosināta lieta); ______² (lēmumu " \
               "pieņem" in grant
        [note] = [n for n in notes if n.startswith("²")]
        assert "5. punkts" in note and "L953" not in note and "termiņu, kurā sociālais dienests pieņem lēmumu" in note
        # the methodology's footnote is the pilot's source: not cited once the pilot has ended (D135)
        assert ("(IBM metodika, 131. zemsvītras piezīme)" in note) is dated


def test_a_blank_norms_note_says_what_to_check_and_where(catalogue: Catalogue) -> None:
    """audit28 F1: after the catalogue's proof has run out, the note of the social services law's art. 11 and MK
    Nr. 288 p. 5 names the act and the norm and sends the lawyer to likumi.lv's consolidated version on the signing
    day – the sources prove no later day, so no date is invented."""
    until = catalogue.legal_acts.act("spspl").known_in_force.until
    assert until == catalogue.legal_acts.act("mk-288").known_in_force.until
    _, notes = _decisions(catalogue, until + dt.timedelta(days=15))["08-lemums-par-pieskirsanu"]
    [competence] = [n for n in notes if n.startswith("¹")]
    [term] = [n for n in notes if n.startswith("²")]
    for note, act, norm in ((competence, "Sociālo pakalpojumu un sociālās palīdzības likuma", "11. pants"),
                            (term, "Ministru kabineta 2008. gada 21. aprīļa noteikumu Nr. 288", "5. punkts")):
        assert f"minētā norma: {act} " in note and f" {norm}; spēkā esamība katalogā pierādīta tikai" in note, note
        assert note.endswith("Spēkā esošo normu nosaka pašvaldības jurists: vietnē likumi.lv atver šā akta "
                             "redakciju, kas "
                             "ir spēkā dokumenta parakstīšanas dienā (konsolidēto redakciju izvēlas pēc šā datuma), "
                             "un pārbauda, vai minētā norma to nosaka; ja tā grozīta vai akts aizstāts, ieraksta "
                             "spēkā esošo normu."), note


@pytest.mark.parametrize(("act_id", "site"), [("spspl", "likumi.lv"), ("mk-288", "likumi.lv"),
                                            ("vdar", "eur-lex.europa.eu")])
def test_the_lawyers_note_names_the_site_as_a_place_not_as_the_subject(catalogue: Catalogue, act_id: str,
                                                                      site: str) -> None:
    """review7 R7-3: the lawyer opens the act on the site ("vietnē likumi.lv atver …"); the site never stands
    where the subject goes ("likumi.lv atver …" would say the site opens and checks it)."""
    act = catalogue.legal_acts.act(act_id)
    for text in (legal.Citations._where(act), legal.Citations._where(act, list(act.norms))):
        assert f"pašvaldības jurists: vietnē {site} " in text, text
        assert f": {site} " not in text, text


def test_a_note_names_the_methodology_not_its_line_numbers() -> None:
    assert legal.readable_source("002 L152; 002 L953, 131. zemsvītras piezīme") == \
        "IBM metodika, 131. zemsvītras piezīme"
    assert legal.readable_source("002 L953") == "IBM metodika"
    assert legal.readable_source("Regula (ES) 2016/679, 99. pants") == "Regula (ES) 2016/679, 99. pants"


def test_every_mark_has_its_note_in_order(catalogue: Catalogue) -> None:
    text, notes = _decisions(catalogue, LATE)["09-lemums-par-izbeigsanu"]
    marks = re.findall(r"______([¹²³⁴⁵])", text)
    # the Act on social services (11. pants), the Cabinet regulation and the social services law's appeal norm
    assert marks == ["¹", "²", "³"]
    assert [n[0] for n in notes if n[0] in "¹²³⁴⁵"] == marks
    assert "Sociālo pakalpojumu un sociālās palīdzības likuma 11. pants" in notes[[n[0] for n in notes].index("¹")]


def test_a_round_after_2019_cites_no_regulation_the_catalogue_cannot_prove(catalogue_copy: Path) -> None:
    rounds = catalogue_copy / "rounds.yaml"
    text = rounds.read_text("utf-8")
    first = text[text.index("  - id: berni-2018"):text.index("  - id: pieaugusie-2019")]
    later = (first.replace("berni-2018", "berni-2026").replace("start: 2018-08-01", "start: 2026-11-01")
             .replace("end: 2019-10-31", "end: 2027-10-31").replace("services_start: 2018-10-01",
                                                                    "services_start: 2027-01-01")
             .replace("services_end: 2019-09-30", "services_end: 2027-09-30"))
    rounds.write_text(text + later, "utf-8")
    add_holiday_years(catalogue_copy, 2027)  # the round's services year needs its holidays
    copy = load_or_raise(catalogue_copy)
    programme_round = terms.current_round(copy, LATE)
    assert programme_round is not None and programme_round.start == dt.date(2026, 11, 1)
    # made before the round starts, a decision is dated no earlier than the round's first day
    assert terms.document_day(programme_round, dt.date(2026, 10, 1)) == dt.date(2026, 11, 1)
    for doc_id, (text, notes) in _decisions(copy, LATE).items():
        assert "Nr. 288" not in text and "______¹" in text, doc_id
        assert any("Nr. 288" in n for n in notes), doc_id


def test_the_appeal_clause_names_the_catalogues_body_in_the_locative(catalogue: Catalogue,
                                                                   catalogue_copy: Path) -> None:
    # the catalogue names no appeal body: in the pilot (the municipality's name confirmed, D43) and today alike
    # the body is a blank with its label – never the term "Pašvaldība" nor the municipality, which name no
    # institution (audit41 F5, D193, D200; before: "Pašvaldībā", then "Valmieras pilsētas pašvaldībā")
    body = "______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā)"
    for doc_id, (text, _) in _decisions(catalogue, _pilot_day(catalogue)).items():
        assert (f"viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt {body}, "
                "iesniegumu iesniedzot Dienestā") in text, doc_id
        assert "apstrīdēt Valmieras" not in text, doc_id
    for doc_id, (text, _) in _decisions(catalogue, LATE).items():
        assert (f"viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt {body}, "
                "iesniegumu iesniedzot Dienestā") in text, doc_id
        # the special norm first (a blank with its note until verified, D74), then the general norms of APL
        assert re.search(r"Apstrīdēšanas kārtību nosaka ______[¹²³⁴], kā arī Administratīvā procesa likuma 76\. "
                         r"panta otrā daļa un 79\. panta pirmā daļa", text), doc_id
    path = catalogue_copy / "municipalities.yaml"
    text = path.read_text("utf-8")
    start = text.index("  - id: valmiera")
    at = text.index("    appeal_body: null\n", start)
    body = ("    appeal_body: {name: Valmieras pilsētas pašvaldības Strīdu komisija, genitive: Valmieras pilsētas "
            "pašvaldības Strīdu komisijas, dative: Valmieras pilsētas pašvaldības Strīdu komisijai, locative: "
            "Valmieras pilsētas pašvaldības Strīdu komisijā, gender: sieviešu}\n")
    path.write_text(text[:at] + body + text[at + len("    appeal_body: null\n"):], "utf-8")
    copy = load_or_raise(catalogue_copy)
    for doc_id, (text, _) in _decisions(copy, LATE).items():
        assert "var apstrīdēt Valmieras pilsētas pašvaldības Strīdu komisijā, iesniegumu iesniedzot" in text, doc_id
        assert "Tukšā vieta „var apstrīdēt" not in text, doc_id  # a named body needs no note
    # another municipality keeps the blank
    jelgava = _decisions(copy, LATE, "jelgava")["08-lemums-par-pieskirsanu"][0]
    assert "var apstrīdēt ______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā)," in jelgava


# Typed legal citations a template must not hold: the act's name or number, a norm's article or point.
TYPED = [
    re.compile(r"\bNr\.\s?\d"),
    re.compile(r"\d+\.\s?(?:pant|punkt|apakšpunkt)"),
    re.compile(r"pant\w*\s+\S+\s+daļ"),
    re.compile(r"\blikum(?:s|a|u|ā|am|i|os)\b(?!\.lv)", re.I),  # the site likumi.lv is no act
    re.compile(r"noteikum\w*\s+Nr", re.I),
    re.compile(r"Ministru kabinet|\bMK\b|Regul\w*\s*\(ES\)|\d{4}/\d{3}"),
]


def test_no_template_types_a_legal_act() -> None:
    found = []
    for template in sorted(TEMPLATES.rglob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", template.read_text("utf-8"), flags=re.S)  # comments are not printed
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)  # what the catalogue renders
        found += [f"{template.name}: {m.group(0)}" for pattern in TYPED for m in pattern.finditer(text)]
    assert not found, found


def test_the_scan_finds_a_typed_act() -> None:
    sample = ("pamatojoties uz Administratīvā procesa likuma 55. pantu un 76. panta otro daļu, MK noteikumu Nr. 288 "
              "5. punktu un Regulu (ES) 2016/679")
    assert all(pattern.search(sample) for pattern in TYPED)
    assert not any(pattern.search("1. daļa. Aizpilda vecāks (likumiskais pārstāvis); 19. pielikums") for pattern in TYPED)


@pytest.fixture(scope="module")
def written(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[dt.date, Path]:
    folders = {}
    for day in (_pilot_day(catalogue), LATE):
        folder = tmp_path_factory.mktemp(f"legal-{day:%Y%m%d}")
        for document in render_municipality(catalogue, catalogue.municipality("valmiera"), SPECS, build_date=day):
            write_document(document, folder)
        folders[day] = folder
    return folders


@pytest.mark.slow  # the municipal set's PDF and DOCX on two days (written)
def test_pdf_and_docx_carry_the_citation_or_the_blank_and_note(written: dict[dt.date, Path],
                                                             catalogue: Catalogue) -> None:
    early, late = _pilot_day(catalogue), LATE
    for doc_id in ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu"):
        for day, full in ((early, True), (late, False)):
            pdf = normalise(" ".join(page.extract_text() for page in PdfReader(written[day] / f"{doc_id}.pdf").pages))
            docx = docx_text(written[day] / f"{doc_id}.docx")
            for text in (pdf, docx):
                assert (MK_288_GEN in text) is full, (day, doc_id)
                # written with the blanks' notes numbered too (a module's fixture): the mark's number is theirs too
                assert (re.search("______[¹²³⁴⁵⁶⁷⁸⁹]+ \\(lēmumu pieņem", text) is not None) is not full, (day, doc_id)
                assert ("nosaka sociālā dienesta uzdevumu" in text) is not full, (day, doc_id)
                # the appeal norm of the social services law is a blank and a note on every day (D74)
                assert "Sociālo pakalpojumu un sociālās palīdzības likuma 17.¹ pants" in text, (day, doc_id)
                assert "Spēkā esošo normu nosaka pašvaldības jurists" in text, (day, doc_id)
                assert "Administratīvā procesa likuma 76. panta otrā daļa" in normalise(text), (day, doc_id)


def test_letter_18_states_its_legal_basis_from_the_catalogue(catalogue: Catalogue) -> None:
    """Letter 18 is an administrative act (D66): like the decisions it states its legal basis (D75)."""
    spec = [s for s in DOCUMENTS if s.id == "18-vestule-par-neatbilstibu"]
    for day, full in ((_pilot_day(catalogue), True), (LATE, False)):
        [letter] = render_municipality(catalogue, catalogue.municipality("valmiera"), spec, build_date=day)
        text, notes = _split(letter.body)
        assert "Dienests iesniegumu izvērtēja, pamatojoties uz:" in text, day
        assert "Administratīvā procesa likuma 55. pantu (iesniegums, ar kuru ierosināta lieta)" in text, day
        # the running pilot's criteria are its methodology; once it has ended, the papers are for a round whose
        # selection rules the ministry sets (audit18 F2, D128)
        assert ("metodiku (projekts Nr. 9.2.2.2./16/I/001): izmēģinājumprojekta dalībnieku atlases 1. posma "
                "kritēriji" in text) is full, day
        # after the pilot its two-stage selection is no longer stated as fact (D135)
        assert ("Labklājības ministrijas noteikumus par kārtu (dokumenta datums un Nr. ______): "
                "kārtas dalībnieku atlases kritēriji" in text) is not full, day  # neutral after the pilot (D129)
        assert ("Sociālo pakalpojumu un sociālās palīdzības likuma 11. pantu" in text) is full, day
        assert any("11. pants" in n for n in notes) is not full, day
        # an unfavourable act like 17: the decision term's norm (a blank once its proof has run out) and the
        # hearing before it (audit34 F2)
        assert ("Nr. 288" in text) is full, day
        assert "Administratīvā procesa likuma 62. pantu (adresāta viedokļa noskaidrošana" in text, day
        # the basis comes before the refusal it grounds, the appeal clause after it
        assert text.index("pamatojoties uz:") < text.index("Tāpēc ") < text.index("var apstrīdēt")


@pytest.mark.slow  # the municipal set's PDF and DOCX on two days (written)
def test_each_decisions_note_is_on_its_marks_page(written: dict[dt.date, Path]) -> None:
    """D345: the PDFs above, on both days (tests/documents/footnote_pages.py)."""
    apart, noted = notes_apart(sorted(p for folder in written.values() for p in folder.glob("*.pdf")))
    assert not apart, "\n".join(apart)
    assert noted
