"""`ibm documents --from-matrix` end to end: refusals (rule errors listed, a foreign xlsx, a tampered formula),
--draft marking every page, a folder with progress and summary, privacy of names and personal codes, and
byte-identical DOCX on a second run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.specs import refusal_spec
from generator.documents.from_matrix.writing import MARKER
from generator.ministry.pseudonym import pseudonym
from generator.reference.provisional import age_in_years
from generator.reference.rounds import period_holding
from generator.workbook.names import resolve
from generator.workbook.version import template_version
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.from_matrix_helpers import docx_text, write_matrices
from tests.ministry.factory import Child, make_children, params, personal_code
from tests.ooxml.assertions import assert_opens_without_repair

pytestmark = pytest.mark.slow
KEY = "testa-atslega-tikai-testiem-0123456789"


def _providers(child: Child) -> int:
    return len({child.people.providers[ln.offer_id] for ln in child.inputs.lines if ln.counted})


@pytest.fixture(scope="module")
def matrices(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, Child | Path]:
    """A clean child (no rule errors), one with rule errors, one not eligible, a tampered copy, a foreign xlsx."""
    folder = tmp_path_factory.mktemp("from-matrix-cli")
    pool = make_children(catalogue, 40, seed=31)
    clean_ones = [c for c in pool if c.result(catalogue).errors == 0 and _providers(c) >= 1
                  and c.result(catalogue).needed > 0]
    with_errors = [c for c in pool if c.result(catalogue).errors > 0 and _providers(c) >= 1]
    clean_child = min(clean_ones, key=_providers)
    error_child = min(with_errors, key=_providers)
    p = params(catalogue)
    # Not eligible: the plan starts inside a reporting period (else the reference refuses the plan itself,
    # D21) and the child turned 18 a month before that period's first day, the check date (D1).
    young = make_children(catalogue, 1, seed=32)[0]
    check = period_holding(p.reporting_periods, young.inputs.period_start).start
    birth = dt.date(check.year - p.eligibility_age_limit, check.month, 1) - dt.timedelta(days=30)
    assert age_in_years(birth, check) == p.eligibility_age_limit
    people = dataclasses.replace(young.people, child_name="Oskars Paraugs 91", parent_name="Pēteris Paraugs 91",
                                 child_code=personal_code(random.Random(32), birth, set()))
    old = dataclasses.replace(young, index=90, municipality="ogre", people=people,
                              inputs=dataclasses.replace(young.inputs, birth_date=birth))
    written = write_matrices(catalogue, folder, [clean_child, error_child, old])
    tampered = folder / "labota.xlsx"
    wb = load_workbook(written[0].path)
    rng = resolve(wb.defined_names, "IB_Nepieciesamais")
    wb[rng.sheet].cell(rng.min_row, rng.min_col).value = 1
    wb.save(tampered)
    foreign = folder / "cita.xlsx"
    other = Workbook()
    other.active["A1"] = "Nav IBM matrica"
    other.save(foreign)
    return {"clean": written[0], "errors": written[1], "old": written[2], "tampered": tampered,
            "foreign": foreign, "folder": folder / "matricas"}


BUILD_DAY = "01.01.2018"  # before every plan period of the factory's children (2018–2019): none has ended


def _run(args: list[str], env: dict[str, str] | None = None, day: str = BUILD_DAY):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", *args, "--day", day], env=env or {"IBM_PSEUDONIMA_ATSLEGA": ""})


@pytest.mark.usefixtures("pdf_stand_ins")  # which folders are made, not what their PDFs show
def test_a_plan_period_ended_before_the_build_day_is_refused_and_the_others_go_through(
        matrices, catalogue: Catalogue, tmp_path: Path) -> None:
    from generator.reference.rounds import plan_end as period_end

    clean_child, old = matrices["clean"], matrices["old"]
    (first_end, first), (last_end, last) = sorted(
        ((period_end(c.inputs.period_start, c.inputs.months), c) for c in (clean_child, old)), key=lambda e: e[0])
    assert first_end < last_end, "vajag divas matricas ar dažādu perioda beigu dienu"
    day = first_end + dt.timedelta(days=1)
    source = tmp_path / "divas"
    source.mkdir()
    for child in (first, last):
        (source / child.path.name).write_bytes(child.path.read_bytes())
    out = tmp_path / "out"
    result = _run(["--from-matrix", str(source), "--out", str(out)], day=f"{day:%d.%m.%Y}")
    assert result.exit_code == 1, result.output
    assert f"beidzās pirms dokumentu izveides dienas {day:%d.%m.%Y}" in result.output
    assert f"–{first_end:%d.%m.%Y}; 6.1. tabula, B38 „Perioda pirmā diena”, B39 „Mēnešu skaits periodā”)" \
        in result.output and first.path.name in result.output, result.output
    assert "atteikti 1" in result.output and "atbalsta plāna periods jau beidzies – 1" in result.output
    assert not (out / first.path.stem).exists() and (out / last.path.stem).is_dir()
    # on the period's last day the documents are still made
    again = _run(["--from-matrix", str(first.path), "--out", str(tmp_path / "o2")],
                 day=f"{first_end:%d.%m.%Y}")
    assert again.exit_code == 0, again.output


def test_matrix_with_rule_errors_is_refused_with_the_list(matrices, catalogue: Catalogue, tmp_path: Path) -> None:
    child = matrices["errors"]
    result = _run(["--from-matrix", str(child.path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "atteikts" in result.output and "--draft" in result.output
    for finding in child.result(catalogue).findings:
        if finding.severity.value == "kļūda" and finding.counts:
            # the sentence, with where the matrix shows it in brackets before its full stop (audit38 F2)
            assert normalise(finding.message).removesuffix(".") in normalise(result.output)
    assert "atteikti 1" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.usefixtures("pdf_stand_ins")  # which folders are made and what the command says
def test_an_ended_plan_gets_no_draft_but_an_archive_copy_with_draft_and_arhivam(matrices, tmp_path: Path) -> None:
    """What `--draft`'s help says (audit28 N1): a draft only for a plan still running; a matrix with errors whose
    period has ended is refused with --draft too, and --draft with --arhivam makes an archive copy that is also a
    draft."""
    from generator.reference.rounds import plan_end as period_end

    child = matrices["errors"]
    after = period_end(child.inputs.period_start, child.inputs.months) + dt.timedelta(days=1)
    refused = _run(["--from-matrix", str(child.path), "--out", str(tmp_path / "a"), "--draft"], day=f"{after:%d.%m.%Y}")
    assert refused.exit_code == 1, refused.output
    assert "melnraksti 0" in refused.output and "atbalsta plāna periods jau beidzies – 1" in refused.output
    out = tmp_path / "b"
    archived = _run(["--from-matrix", str(child.path), "--out", str(out), "--draft", "--arhivam"],
                    day=f"{after:%d.%m.%Y}")
    assert archived.exit_code == 0, archived.output
    assert "melnraksti 1" in archived.output and "ARHĪVA KOPIJA" in archived.output, archived.output
    assert [p.name for p in out.iterdir()] == [f"{child.path.stem}-arhivs-{child.inputs.period_start:%Y-%m-%d}"]


def test_foreign_xlsx_and_tampered_formula_are_refused(matrices, tmp_path: Path, catalogue: Catalogue) -> None:
    result = _run(["--from-matrix", str(matrices["foreign"]), "--out", str(tmp_path / "a")])
    assert result.exit_code == 1
    assert "nav IBM matrica" in result.output
    result = _run(["--from-matrix", str(matrices["tampered"]), "--out", str(tmp_path / "b")])
    assert result.exit_code == 1
    assert "neatbilst veidnei" in result.output and "formula aizstāta ar vērtību" in result.output
    assert f"neatbilst veidnei {lvformat.version(template_version(catalogue))}:" in result.output  # no ISO date
    assert "mainītas formulas vai veidnes šūnas – 1" in result.output


def test_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(["--from-matrix", str(tmp_path / "nav"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "nav atrasts" in result.output


def test_draft_marks_every_page_and_lists_the_errors(matrices, catalogue: Catalogue, tmp_path: Path) -> None:
    child = matrices["errors"]
    out = tmp_path / "out"
    result = _run(["--from-matrix", str(child.path), "--out", str(out), "--draft"])
    assert result.exit_code == 0, result.output
    assert "melnraksti 1" in result.output
    folder = out / child.path.stem
    pdfs = sorted(folder.glob("*.pdf"))
    # … and, for a plan that may be the child's next, its annexes for the existing contract (D315)
    assert len([p for p in pdfs if p.stem != "01-pielikumi-esosajam-ligumam"]) == 2 * _providers(child) + 4
    messages = [normalise(f.message) for f in child.result(catalogue).findings if f.severity.value == "kļūda"]
    for pdf in pdfs:
        pages = pdf_pages(pdf)  # pdftotext: pypdf's pages and words, faster (tests/documents/conftest.py)
        for number, page in enumerate(pages, 1):
            assert "MELNRAKSTS" in page, f"{pdf.name} lapa {number}"
        first = normalise(pages[0])
        assert all(m[:40] in first for m in messages), pdf.name
        # the preparer's sheet names the document by its title, not by the draft cover's heading (audit28 F1)
        sheet = normalise(" ".join(p for p in pages if "Norādījumi sagatavotājam" in p))
        assert "Dokuments „" in sheet and "Dokuments „MELNRAKSTS" not in sheet, (pdf.name, sheet[:300])
        assert "” (MELNRAKSTS – neparakstīt) ir " in sheet, (pdf.name, sheet[:300])  # and says it is a draft
    for docx in folder.glob("*.docx"):
        from docx import Document

        doc = Document(str(docx))
        assert all("MELNRAKSTS" in s.header.paragraphs[0].text for s in doc.sections), docx.name


def test_draft_of_a_matrix_without_errors_is_a_draft_too(matrices, tmp_path: Path) -> None:
    """--draft asks for papers to discuss with the parent: a matrix without errors gets them marked MELNRAKSTS on
    every page as well, and the console and parskats.txt say why and how to make the ones to sign (audit30 F12,
    D252); before, it got the unmarked signable set while the summary said „melnraksti 0”."""
    child = matrices["clean"]
    out = tmp_path / "out"
    result = _run(["--from-matrix", str(child.path), "--out", str(out), "--draft"])
    assert result.exit_code == 0, result.output
    assert "Gatavs: izveidoti 0, melnraksti 1, atteikti 0" in result.output, result.output
    assert "MELNRAKSTS – " in result.output and "matricā kļūdu nav – melnraksts apspriešanai, jo norādīts --draft; " \
        "parakstāmus dokumentus izveido bez --draft" in result.output, result.output
    folder = out / child.path.stem
    report = (folder / "parskats.txt").read_text("utf-8")
    assert "Statuss: melnraksts" in report and "Matricā kļūdu nav: melnraksts apspriešanai" in report, report
    assert "Pirms parakstīšanas pārbaudiet:" not in report, report
    pdfs = sorted(folder.glob("*.pdf"))
    # … and, for a plan that may be the child's next, its annexes for the existing contract (D315)
    assert len([p for p in pdfs if p.stem != "01-pielikumi-esosajam-ligumam"]) == 2 * _providers(child) + 4
    for pdf in pdfs:
        pages = pdf_pages(pdf)
        assert all("MELNRAKSTS" in page for page in pages), pdf.name
        first = normalise(pages[0])
        assert "matricā kļūdu nav" in first and "Matricas kļūdas" not in first, (pdf.name, first[:300])


def test_folder_progress_summary_privacy_and_determinism(matrices, catalogue: Catalogue, tmp_path: Path) -> None:
    source = tmp_path / "pasvaldiba"
    source.mkdir()
    for name in ("clean", "errors", "old"):
        child = matrices[name]
        (source / child.path.name).write_bytes(child.path.read_bytes())
    (source / "cita.xlsx").write_bytes(matrices["foreign"].read_bytes())
    out = tmp_path / "out"
    result = _run(["--from-matrix", str(source), "--out", str(out)], env={"IBM_PSEUDONIMA_ATSLEGA": KEY})
    assert result.exit_code == 1, result.output
    for n in range(1, 5):
        assert f"{n}/4 " in result.output
    assert "Gatavs: izveidoti 2, melnraksti 0, atteikti 2" in result.output
    assert "nav IBM matrica – 1" in result.output and "matricā ir noteikumu kļūdas – 1" in result.output
    people = [matrices[n] for n in ("clean", "errors", "old")]
    secrets = [s for c in people for s in (c.name, c.code, c.code.replace("-", ""), c.people.parent_name)]
    for secret in secrets:
        assert secret not in result.output
        for path in out.rglob("*"):
            assert secret not in str(path.relative_to(tmp_path))
    made = {pseudonym(KEY.encode(), c.code) for c in (matrices["clean"], matrices["old"])}
    assert {p.name for p in out.iterdir()} == made
    for path in out.iterdir():
        assert path.is_dir() and (path / MARKER).exists()
    clean_folder = out / pseudonym(KEY.encode(), matrices["clean"].code)
    assert matrices["clean"].name in docx_text(clean_folder / "01-ligums-ar-vecaku.docx")
    refusal = out / pseudonym(KEY.encode(), matrices["old"].code)
    assert sorted(p.name for p in refusal.glob("*.docx")) == sorted(
        [f"{refusal_spec().id}.docx", "07-klienta-lietas-titullapa.docx"])
    refusal_text = docx_text(refusal / f"{refusal_spec().id}.docx")
    assert matrices["old"].name in refusal_text and matrices["old"].people.parent_name in refusal_text
    # the municipality set's full decision: legal basis, the reason from the reference, the appeal clause
    assert "Tiesiskais pamats" in refusal_text and "individuālo budžetu piešķir tikai bērnam, kuram kārtas " \
        "pēdējā dienā vēl nav" in refusal_text and "nav tiesīgs" not in refusal_text
    # the pre-signing checklist is in the report file, not in the acts (D41)
    assert "Pirms lēmuma par atteikumu" in (refusal / "parskats.txt").read_text(encoding="utf-8")
    assert "ar roku" in (clean_folder / "parskats.txt").read_text(encoding="utf-8")
    assert "apstrīdēt" in refusal_text
    # Word opens the child's documents without repair: ECMA-376 schemas and Word's rules (tests/ooxml/)
    for docx in sorted(clean_folder.glob("*.docx")) + sorted(refusal.glob("*.docx")):
        assert_opens_without_repair(docx, ("word/document.xml", "word/numbering.xml", "word/settings.xml"))
    # A second run replaces the folder it made, with byte-identical DOCX.
    again = tmp_path / "again"
    result = _run(["--from-matrix", str(matrices["clean"].path), "--out", str(again)],
                  env={"IBM_PSEUDONIMA_ATSLEGA": KEY})
    assert result.exit_code == 0, result.output
    second = again / clean_folder.name
    for docx in clean_folder.glob("*.docx"):
        assert docx.read_bytes() == (second / docx.name).read_bytes(), docx.name
    for pdf in clean_folder.glob("*.pdf"):
        texts = [pdf_pages(f) for f in (pdf, second / pdf.name)]
        assert texts[0] == texts[1], pdf.name
    result = _run(["--from-matrix", str(matrices["clean"].path), "--out", str(again)],
                  env={"IBM_PSEUDONIMA_ATSLEGA": KEY})
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in again.iterdir()) == [clean_folder.name]


def test_a_folder_not_made_by_the_command_is_never_replaced(matrices, tmp_path: Path) -> None:
    out = tmp_path / "out"
    mine = out / matrices["clean"].path.stem
    mine.mkdir(parents=True)
    (mine / "mans.txt").write_text("neaiztikt", encoding="utf-8")
    result = _run(["--from-matrix", str(matrices["clean"].path), "--out", str(out)])
    assert result.exit_code == 1
    assert "jau pastāv" in result.output
    assert sorted(p.name for p in mine.iterdir()) == ["mans.txt"]


def test_a_stale_cached_value_is_reported_and_the_recomputation_used(matrices, catalogue: Catalogue,
                                                                     tmp_path: Path) -> None:

    from generator.documents.from_matrix.run import run
    from tests.documents.from_matrix_helpers import docx_tables, money, table_with, with_cached

    child = matrices["clean"]
    source = tmp_path / "novecojusi.xlsx"
    # a cached value in the formula cell, as an old save or a hand edit of the XML would leave it
    with_cached(child.path, source, "IB_Nepieciesamais", "999999.99")
    lines: list[str] = []
    summary = run(source, tmp_path / "out", catalogue, None, draft=False, echo=lines.append, err=lines.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1, lines
    stale = [normalise(line) for line in lines if "„IB nepieciešamais apmērs (N)”" in line]  # audit31 F9: in Latvian
    assert len(stale) == 1 and "999 999,99" in stale[0] and "izmantota pārrēķinātā" in stale[0]
    needed = child.result(catalogue).needed
    tables = docx_tables(tmp_path / "out" / "novecojusi" / "01-ligums-ar-vecaku.docx")
    rows = table_with(tables, "IB apmērs")[1:]  # F is words while the ministry has set none (lawyertrial2 F1)
    amounts = {row[0].split(" ")[0]: money(row[1]) for row in rows if not row[0].startswith("F ")}
    assert amounts["N"] == needed != Decimal("999999.99")
    report = (tmp_path / "out" / "novecojusi" / "parskats.txt").read_text(encoding="utf-8")
    assert "„IB nepieciešamais apmērs (N)” (6.4. tabula, šūna " in report and "IB_Nepieciesamais" not in report


def test_a_file_named_after_the_child_gives_a_neutral_folder(matrices, catalogue: Catalogue, tmp_path: Path) -> None:
    from generator.documents.from_matrix.run import run

    child = matrices["clean"]
    source = tmp_path / f"{child.name.replace(' ', '_')}_{child.code}.xlsx"
    source.write_bytes(child.path.read_bytes())
    lines: list[str] = []
    summary = run(source, tmp_path / "out", catalogue, None, draft=False, echo=lines.append, err=lines.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1, lines
    (folder,) = (tmp_path / "out").iterdir()
    assert folder.name.startswith("matrica-") and len(folder.name) == len("matrica-") + 12
    first_name = child.name.split(" ")[0]
    for line in lines:
        assert first_name not in line and child.code not in line and child.code[:6] not in line, line
    assert any("faila nosaukumā ir bērna vai vecāka vārds" in line for line in lines)
