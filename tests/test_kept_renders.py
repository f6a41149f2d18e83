"""The session's kept renders (tests/kept_renders.py) are the bytes a fresh render gives, in this process and in
another one, and never a file of other input."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import docx_writer, pdf_writer
from generator.documents.build_step import render_municipality
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.registry import DOCUMENTS
from tests import kept_renders

REPO = Path(__file__).resolve().parents[1]
SAMPLE = ("03-garantijas-vestule", "04-iesniegums-par-dalibu")  # a letter and a form


@pytest.fixture
def kept_in(tmp_path: Path) -> Iterator[Path]:
    """The kept renders in a folder of this test alone (the session's folder and counts are put back after)."""
    before = dict(kept_renders._state)
    folder = tmp_path / "kept"
    kept_renders.install(folder)
    kept_renders._state.update(kept=0, rendered=0)
    yield folder
    if before["folder"] is None:
        kept_renders.uninstall()
    kept_renders._state.update(before)


@pytest.fixture(scope="module")
def sample(catalogue: Catalogue) -> list:
    specs = [spec for spec in DOCUMENTS if spec.id in SAMPLE]
    documents = render_municipality(catalogue, catalogue.municipality("valmiera"), specs)
    assert [d.spec.id for d in documents] == list(SAMPLE)
    return documents


def identifier(html: str) -> bytes:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")


def fresh_pdf(html: str) -> bytes:
    """The PDF writer's own render (the act and the preparer's sheet, D161), past the kept ones."""
    real = getattr(pdf_writer.html_to_pdf, "real", pdf_writer.html_to_pdf)
    return real(html)


def fresh_docx(document, mark: str | None = None) -> bytes:  # noqa: ANN001 - RenderedDocument
    real = getattr(docx_writer.html_to_docx, "real", docx_writer.html_to_docx)
    return real(document.html, document.spec.title, document.version, document.created, False, mark)


def docx_of(document, target: Path, mark: str | None = None) -> bytes:  # noqa: ANN001 - RenderedDocument
    """As the build writes it (write_docx, which the build step imported)."""
    from generator.documents.build_step import write_docx

    return write_docx(document.html, target, document.spec.title, document.version, document.created,
                      mark=mark).read_bytes()


def test_a_kept_file_is_the_fresh_render_and_is_rendered_once(kept_in: Path, sample: list, tmp_path: Path) -> None:
    first = [pdf_writer.html_to_pdf(d.html) for d in sample] + [docx_of(d, tmp_path / "a.docx") for d in sample]
    assert kept_renders.counts() == (0, 4)
    again = [pdf_writer.html_to_pdf(d.html) for d in sample] + [docx_of(d, tmp_path / "b.docx") for d in sample]
    assert kept_renders.counts() == (4, 4)
    assert again == first == [fresh_pdf(d.html) for d in sample] + [fresh_docx(d) for d in sample]
    assert len(set(first)) == 4 and all(data.startswith(b"%PDF-") for data in first[:2])
    expected = [kept_renders.pdf_document_key(d.html) for d in sample]
    expected += [kept_renders.docx_key(d.html, d.spec.title, d.version, d.created, False, None) for d in sample]
    assert sorted(p.name for p in kept_in.iterdir()) == sorted(expected)  # no temporary file left


def test_a_marked_docx_is_another_file(kept_in: Path, sample: list, tmp_path: Path) -> None:
    plain = docx_of(sample[0], tmp_path / "a.docx")
    marked = docx_of(sample[0], tmp_path / "b.docx", mark="MELNRAKSTS")
    assert marked != plain and marked == fresh_docx(sample[0], "MELNRAKSTS") and kept_renders.counts() == (0, 2)


def test_another_process_renders_the_same_bytes(kept_in: Path, sample: list, tmp_path: Path) -> None:
    """What makes a kept file valid for both xdist workers: the writers in a new process (fonts and the prepared
    DOCX loaded anew) write the bytes this process keeps."""
    document = sample[0]
    pdf = pdf_writer.html_to_pdf(document.html)
    docx = docx_of(document, tmp_path / "kept.docx")
    source = tmp_path / "doc.html"
    source.write_text(document.html, encoding="utf-8")
    script = ("import sys, datetime; from pathlib import Path; "
              "from generator.documents.pdf_writer import write_pdf; from generator.documents.docx_writer import "
              "write_docx; html = Path(sys.argv[1]).read_text(encoding='utf-8'); write_pdf(html, Path(sys.argv[2])); "
              "write_docx(html, Path(sys.argv[3]), sys.argv[4], sys.argv[5], datetime.date.fromisoformat(sys.argv[6]))")
    subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path / "other.pdf"), str(tmp_path / "other.docx"),
                    document.spec.title, document.version, document.created.isoformat()],
                   cwd=REPO, check=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert (tmp_path / "other.pdf").read_bytes() == pdf
    assert (tmp_path / "other.docx").read_bytes() == docx


def test_the_key_is_every_input(sample: list, monkeypatch: pytest.MonkeyPatch) -> None:
    document = sample[0]
    html, base, ident = document.html, str(TEMPLATE_DIR), identifier(document.html)
    first = kept_renders.pdf_key(html, base, ident)
    assert kept_renders.pdf_key(html, base, ident) == first
    others = {kept_renders.pdf_key(html.replace("</body>", " </body>"), base, ident),
              kept_renders.pdf_key(html, base + "/", ident),
              kept_renders.pdf_key(html, base, identifier(html + " "))}
    args = (html, document.spec.title, document.version, document.created, False, None)
    docx = kept_renders.docx_key(*args)
    changed = [(html + " ", *args[1:]), (html, "Cits", *args[2:]), (*args[:2], "2000-01-01+0", *args[3:]),
               (*args[:3], document.created + dt.timedelta(days=1), False, None), (*args[:4], True, None),
               (*args[:5], "MELNRAKSTS")]
    others |= {kept_renders.docx_key(*other) for other in changed}
    monkeypatch.setenv("FONTCONFIG_FILE", "/tmp/other-fonts.conf")
    others |= {kept_renders.pdf_key(html, base, ident), kept_renders.docx_key(*args)}
    monkeypatch.delenv("FONTCONFIG_FILE")
    monkeypatch.setattr(kept_renders, "_libraries", lambda: "weasyprint 0.0")
    others |= {kept_renders.pdf_key(html, base, ident), kept_renders.docx_key(*args)}
    assert len(others) == 3 + 6 + 4 and first not in others and docx not in others and first != docx


def test_a_real_render_must_equal_the_kept_file(kept_in: Path, sample: list) -> None:
    """Under ``real_renders`` the writer renders again, and a kept file that is not those bytes fails the test."""
    html = sample[0].html
    kept = pdf_writer.html_to_pdf(html)
    with kept_renders.real_renders():
        assert pdf_writer.html_to_pdf(html) == kept
    assert kept_renders.counts() == (0, 2)
    path = kept_in / kept_renders.pdf_document_key(html)
    path.write_bytes(kept + b"\n% changed\n")
    assert pdf_writer.html_to_pdf(html) == path.read_bytes()  # what the session keeps is what the others get
    with kept_renders.real_renders(), pytest.raises(kept_renders.KeptRenderDiffers):
        pdf_writer.html_to_pdf(html)


@pytest.mark.real_renders
def test_the_marker_renders_for_real(kept_in: Path, sample: list, tmp_path: Path) -> None:
    laid_out = pdf_writer.ACTS.laid_out + pdf_writer.SHEETS.laid_out
    for _ in range(2):
        pdf_writer.html_to_pdf(sample[0].html)
        docx_of(sample[0], tmp_path / "a.docx")
    assert kept_renders.counts() == (0, 4)
    parts = 1 + len(pdf_writer.split_instructions(sample[0].html)[1] and [1])  # the act, its sheet if any
    assert pdf_writer.ACTS.laid_out + pdf_writer.SHEETS.laid_out == laid_out + 2 * parts  # laid out anew


def test_the_layout_memos_are_on_again_after_real_renders(kept_in: Path, sample: list) -> None:
    with kept_renders.real_renders():
        assert not pdf_writer.ACTS.enabled and not pdf_writer.SHEETS.enabled
    assert pdf_writer.ACTS.enabled and pdf_writer.SHEETS.enabled


def test_other_uses_of_weasyprint_are_not_kept(kept_in: Path, tmp_path: Path) -> None:
    import weasyprint

    target = tmp_path / "direct.pdf"
    weasyprint.HTML(string="<p>Tests</p>", base_url=str(TEMPLATE_DIR)).write_pdf(target)
    weasyprint.HTML(string="<p>Tests</p>").write_pdf()
    assert target.read_bytes().startswith(b"%PDF-") and kept_renders.counts() == (0, 0)
    assert list(kept_in.iterdir()) == []
