"""One build day (`--day`) decides both whether a matrix's plan period has ended and which programme-round
dates its documents print (blanks once the round has ended); `--arhivam` makes an ended period's papers as an
archive copy for the case file (D31): every page marked, a folder of its own, the report and console say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.documents.from_matrix.run import run
from generator.documents.from_matrix.writing import MARKER
from generator.documents.terms import BLANK_DATE
from generator.reference.rounds import plan_end as period_end
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.from_matrix_helpers import docx_text, funded_child
from tests.ministry.factory import Child

pytestmark = pytest.mark.slow
MARK = "ARHĪVA KOPIJA – NAV PARAKSTĀMA"


@pytest.fixture(scope="module")
def child(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Child:
    return funded_child(catalogue, tmp_path_factory.mktemp("build-day"))


def _end(child: Child) -> dt.date:
    return period_end(child.inputs.period_start, child.inputs.months)


def _round_end(catalogue: Catalogue) -> dt.date:
    [programme_round] = catalogue.rounds_of(Pilot.children)
    assert programme_round.end > dt.date(2019, 9, 30)  # after every plan period the factory makes
    return programme_round.end


def _run(args: list[str], day: dt.date):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", *args, "--day", f"{day:%d.%m.%Y}"],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})


def _texts(folder: Path) -> dict[str, str]:
    return {p.stem: docx_text(p) for p in sorted(folder.glob("0[123]-*.docx"))}


def _rounds_part(text: str) -> str:
    """The text without the date the contract is signed on or the letter is dated, which the annexes' heads
    leave to fill (D67, audit17 F9)."""
    return (text.replace(f"kas noslēgts {BLANK_DATE},", "").replace(f"({BLANK_DATE}) pielikums", "")
            .replace(f"kas noslēgts {BLANK_DATE} (turpmāk – Līgums)", ""))  # the existing contract's (D315)


def _names_term_end(name: str, text: str, end: dt.date, plan_end: dt.date) -> bool:
    """01 and 03 name the round's last day; the provider contract (02) bounds its term by the round's end only where
    the round could end before the plan (audit18 F15) – every plan here ends earlier, so 02's term names the plan's
    last day instead."""
    return f"{(plan_end if name.startswith('02-') else end):%d.%m.%Y}" in text


def test_the_build_day_decides_the_rounds_dates(child: Child, catalogue: Catalogue, tmp_path: Path) -> None:
    end = _round_end(catalogue)
    said: list[str] = []
    # a build day inside the plan period (the round is running): the round's end is the contracts' limit
    inside = run(child.path, tmp_path / "a", catalogue, None, draft=False, echo=said.append, err=said.append,
                 pdf=False, today=child.inputs.period_start)
    assert inside.made == 1, said
    texts = _texts(tmp_path / "a" / child.path.stem)
    assert any(name.startswith("02-") for name in texts) and any(name.startswith("03-") for name in texts)
    for name, text in texts.items():
        assert _names_term_end(name, text, end, _end(child)) and BLANK_DATE not in _rounds_part(text), name
    # the same matrix, archive copies on the round's last day and after it: the round's dates of the day
    # before the plan began (F23, D69), not blanks of an ended round
    for day in (end, end + dt.timedelta(days=1), dt.date(2026, 12, 1)):
        out = tmp_path / f"{day:%Y%m%d}"
        copy = run(child.path, out, catalogue, None, draft=False, echo=said.append, err=said.append, pdf=False,
                   today=day, archive=True)
        assert copy.made == 1 and copy.archived == 1, said
        [folder] = out.iterdir()
        for name, text in _texts(folder).items():
            assert _names_term_end(name, text, end, _end(child)) and BLANK_DATE not in _rounds_part(text), (day, name)


def test_an_ended_period_is_refused_without_the_option_and_archived_with_it(child: Child, tmp_path: Path) -> None:
    day = _end(child) + dt.timedelta(days=1)
    out = tmp_path / "out"
    # the child's current papers, made while the period ran
    current = _run(["--from-matrix", str(child.path), "--out", str(out), "--arhivam"], _end(child))
    assert current.exit_code == 0, current.output
    assert MARK not in current.output and "arhīva kopijas" not in current.output  # a running period: no copy
    mine = out / child.path.stem
    before = {p.name: p.read_bytes() for p in mine.iterdir()}
    assert all(MARK not in page for page in pdf_pages(mine / "01-ligums-ar-vecaku.pdf"))
    # after the period: refused as before, the message names the option, nothing written
    refused = _run(["--from-matrix", str(child.path), "--out", str(out)], day)
    assert refused.exit_code == 1, refused.output
    assert "beidzās pirms dokumentu izveides dienas" in refused.output and "--arhivam" in refused.output
    assert "atbalsta plāna periods jau beidzies – 1" in refused.output
    assert sorted(p.name for p in out.iterdir()) == [mine.name]
    # with the option: the archive copy in a folder of its own, the current papers untouched
    archived = _run(["--from-matrix", str(child.path), "--out", str(out), "--arhivam"], day)
    assert archived.exit_code == 0, archived.output
    folder = out / f"{child.path.stem}-arhivs-{child.inputs.period_start:%Y-%m-%d}"
    assert sorted(p.name for p in out.iterdir()) == sorted([mine.name, folder.name])
    assert {p.name: p.read_bytes() for p in mine.iterdir()} == before
    assert f"{MARK}: " in archived.output and str(folder) in archived.output
    assert "Gatavs: izveidoti 1, melnraksti 0, atteikti 0; no tiem arhīva kopijas (nav parakstāmas) – 1." in \
        normalise(archived.output)
    assert (folder / MARKER).exists()
    report = (folder / "parskats.txt").read_text(encoding="utf-8")
    assert "Statuss: izveidoti; arhīva kopija – nav parakstāma" in report
    assert "ARHĪVA KOPIJA: atbalsta plāna periods" in report and f"{day:%d.%m.%Y}" in report
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(list(folder.glob("*.docx"))) >= 5
    for pdf in pdfs:
        pages = pdf_pages(pdf)  # pdftotext: pypdf's pages and words, faster (tests/documents/conftest.py)
        for number, page in enumerate(pages, 1):
            assert MARK in normalise(page), f"{pdf.name} lapa {number}"
        assert "klienta lietas materiāliem" in normalise(pages[0]), pdf.name
    for docx in folder.glob("*.docx"):
        assert all(MARK in s.header.paragraphs[0].text for s in Document(str(docx)).sections), docx.name
    # a second run replaces the copy it made
    again = _run(["--from-matrix", str(child.path), "--out", str(out), "--arhivam"], day)
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.iterdir()) == sorted([mine.name, folder.name])


def test_the_option_belongs_to_from_matrix(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["documents", "--arhivam", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "--arhivam" in result.output
    assert not (tmp_path / "o").exists()
    help_text = normalise(CliRunner().invoke(main, ["documents", "--help"]).output)
    assert "--arhivam" in help_text and "ARHĪVA KOPIJU" in help_text


def test_the_build_day_decides_whether_the_decision_cites_mk_288(child: Child, catalogue: Catalogue,
                                                                  tmp_path: Path) -> None:
    """D42: a decision made on or before the last day the catalogue proves MK Nr. 288 in force cites it in full;
    one made the day after prints a blank and a note naming it."""
    until = catalogue.legal_acts.act("mk-288").known_in_force.until
    assert until + dt.timedelta(days=1) <= _end(child)
    texts = {}
    for day, full in ((until, True), (until + dt.timedelta(days=1), False)):
        said: list[str] = []
        out = tmp_path / f"{day:%Y%m%d}"
        summary = run(child.path, out, catalogue, None, draft=False, echo=said.append, err=said.append, pdf=False,
                      today=day)
        assert summary.made == 1, said
        [decision] = sorted((out / child.path.stem).glob("*lemums*.docx"))
        text = docx_text(decision)
        assert ("noteikumu Nr. 288 „Sociālo pakalpojumu un sociālās palīdzības saņemšanas kārtība” 5. punktu" in text) \
            is full, (day, decision.name)
        texts[full] = text
    # the day after, MK Nr. 288 is one more blank with its note (the unverified appeal norm, D74, is a blank on both)
    assert texts[False].count("______") > texts[True].count("______")
    assert texts[False].count("pašvaldības jurists") > texts[True].count("pašvaldības jurists")
    assert "minētā norma: Ministru kabineta 2008. gada 21. aprīļa noteikumu Nr. 288" in texts[False]  # the note names it
