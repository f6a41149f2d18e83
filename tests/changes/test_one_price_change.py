"""A one-price change changes exactly the generated outputs that show that price, and shows the new price there.

What it proves, for two prices: two catalogues differ in one ceiling, set to two distinctive figures and
confirmed in both (documents print a confirmed price as a figure). The companion's hourly price (2.1) of 2023 is in
force on the documents' day but not on the matrix's (the round's first service day, D61): it must reach the
documents and not the matrices. The group sessions' ceiling is in force on both days but printed in no document: it
must reach the matrices. Both are built (open data, documents as PDF and DOCX, report workbooks, matrices).
Comparing the two trees file by file with the version stamp taken out (xlsx and docx member by member,
PDFs by their text):

- no file is added or removed;
- the files that differ are exactly the files of the first build that show the old figure, among them the
  documents' PDFs (2.1) or the matrices (the group ceiling);
- every file that differs shows the new figure in the second build and no longer shows the old one: the
  changed value is the new price.

How it saves time: a document's PDF is WeasyPrint's rendering of its HTML and nothing else, so the builds
first write each PDF as a stand-in (a marker and the document's HTML). Afterwards every document whose HTML
differs between the two builds (version stamp taken out) is rendered to a real PDF in both trees, and so is
a sample with unchanged HTML: each document once, the municipalities taken in turn. The stand-ins
of the other documents are equal in both trees exactly when their HTML is, which is what their PDFs' text
would show; the sample proves that for every template (its PDFs must be unchanged). DOCX files, open data
and workbooks are built and compared in full.

Both cases share one first build (``baseline``, one work unit): its catalogue has both prices at their old
figures, and each case's second catalogue differs from it in that case's price alone. A real PDF of the first
build is rendered once for both cases (by its HTML), and a file's comparable content is extracted once (by its
bytes): four builds and their renderings become three.

By default the builds make the documents of the municipalities that show every kind of municipality
(tests/documents/municipality_sample.py, D223): a price reaches the papers of every municipality by the same
templates, so the other municipalities' papers would repeat the same proof. With IBM_FULL=1 every pilot
municipality's papers are built and compared.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.build import build
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes import outputs
from generator.changes.outputs import compare_trees, tree_digest, unstamped
from generator.documents import build_step
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import DOCUMENTS
from tests.documents.municipality_sample import municipality_sample

STEPS = {"atvertie-dati", "dokumenti", "matrica"}
# case -> (price file, its current value's pattern, old and new figure, reaches the documents, reaches the matrices)
PRICES = {
    "2.1": ("prices/2.1.yaml", r"amount: 5\.11\b(.*?)status: jāprecizē", "7.77", "8.88", True, False),
    "grupas": ("prices/grupu-nodarbibu-griesti.yaml", r"amount: 25\.93\b(.*?)status: apstiprināts", "27.77", "28.88",
               False, True),
}
STAND_IN = b"%IBM-test: HTML in place of a PDF\n"


def _sampled_municipalities(patch: pytest.MonkeyPatch, catalogue: Catalogue) -> None:
    """The documents step of a build makes the papers of the sample's municipalities (all with IBM_FULL=1)."""
    sample = municipality_sample(catalogue)
    real = build_step.selected_municipalities
    patch.setattr(build_step, "selected_municipalities",
                  lambda cat, municipality_id: sample if municipality_id is None else real(cat, municipality_id))


def _catalogue_with(folder: Path, amounts: dict[str, str]) -> Path:
    """A copy of the catalogue with each case's price (``amounts``: case -> figure) set and confirmed."""
    shutil.copytree(DEFAULT_CATALOGUE, folder)
    for case, amount in amounts.items():
        price, pattern = PRICES[case][:2]
        path = folder / price
        # the current value, confirmed in both builds: documents print a confirmed price as a figure (a
        # `jāprecizē` one only as a blank), so the change must reach the documents' price annexes too
        text, n = re.subn(pattern, f"amount: {amount}\\1status: apstiprināts", path.read_text("utf-8"), flags=re.S)
        assert n == 1
        path.write_text(text, "utf-8")
    return folder


OLD_FIGURES = {case: spec[2] for case, spec in PRICES.items()}
_EXTRACTED: dict[tuple[str, str | None, bytes], bytes] = {}


def _content(path: Path, version: str | None = None) -> bytes:
    """outputs.content, extracted once per file content (pdftotext for every PDF): the digest and the search
    for the prices read each file, and the first build's files are read again by the second case. A stand-in
    is not a PDF: pdftotext refuses it and outputs.content keeps its bytes, which is what this returns without
    starting pdftotext (~1 000 times a run; test_a_stand_in_reads_as_outputs_content_reads_it checks it)."""
    data = path.read_bytes()
    if path.suffix == ".pdf" and data.startswith(STAND_IN):
        return unstamped(data, version)
    key = (str(path), version, hashlib.blake2b(data, digest_size=20).digest())
    if key not in _EXTRACTED:
        _EXTRACTED[key] = _ORIGINAL_CONTENT(path, version)
    return _EXTRACTED[key]


_ORIGINAL_CONTENT = outputs.content


@dataclass
class Baseline:
    """The first build (both prices at their old figures, PDFs as stand-ins), shared by the cases."""

    catalogue: Catalogue
    out: Path
    stand_ins: dict[str, bytes]
    pdfs: dict[bytes, bytes] = field(default_factory=dict)  # a real PDF of the first build, by its HTML

    def restore(self) -> None:
        """Every PDF a stand-in again, as built (a case renders some of them as real PDFs)."""
        for rel, data in self.stand_ins.items():
            (self.out / rel).write_bytes(data)


@pytest.fixture(scope="module")
def baseline() -> Iterator[Baseline]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) nav instalēts")
    with tempfile.TemporaryDirectory(prefix="ibm-one-price-") as tmp, pytest.MonkeyPatch.context() as patch:
        root = Path(tmp)
        old = load_or_raise(_catalogue_with(root / "a", OLD_FIGURES))
        patch.setattr(build_step, "write_pdf", _stand_in_pdf)
        _sampled_municipalities(patch, old)
        build(old, root / "out-a", progress=lambda _m: None, only=STEPS)
        patch.undo()
        stand_ins = {p.relative_to(root / "out-a").as_posix(): p.read_bytes() for p in (root / "out-a").rglob("*.pdf")}
        yield Baseline(old, root / "out-a", stand_ins)
    _EXTRACTED.clear()


def _shows(data: bytes, amount: str) -> bool:
    """``amount`` as a figure ("7.77" or "7,77"), not a part of another number, of a formula's "…37,77)" or of a cell
    reference and an argument ("LEFT($BH27,77)"); a number cell of an xlsx file holds the float as XlsxWriter
    writes it (8.88 as "8.880000000000001", the open data's .xlsx copies)."""
    stored = f"{float(amount):.16G}"
    if stored != amount and re.search(rf"<v>{re.escape(stored)}</v>".encode(), data):
        return True
    whole, cents = amount.split(".")
    if f"{whole}.{cents}".encode() not in data and f"{whole},{cents}".encode() not in data:
        return False  # the quick answer for most files (the search below is slow on a large one)
    return re.search(rf"(?<![\w.$]){whole}[.,]{cents}(?!\d)".encode(), data) is not None


def _stand_in_pdf(html: str, target: Path) -> Path:
    target.write_bytes(STAND_IN + html.encode("utf-8"))
    return target


def _sample(municipalities: list[str], present: set[str]) -> set[str]:
    """Each document the build made once, the municipalities in turn: lejupielades/dokumenti/<id>/<document>.pdf
    (a paper of a procedure the round no longer confirms, e.g. the ESF questionnaire after the pilot, is not made)."""
    return {f"{municipalities[i % len(municipalities)]}/{spec.id}.pdf" for i, spec in enumerate(DOCUMENTS)} & present


def _render_pdfs(out_a: Path, out_b: Path, old_version: str, new_version: str,
                 rendered_a: dict[bytes, bytes]) -> tuple[set[str], set[str]]:
    """Real PDFs in both trees for the documents whose HTML differs and for the sample; returns both sets.
    ``rendered_a``: the first tree's PDFs already rendered (by their HTML), extended here."""
    stand_ins = sorted(p.relative_to(out_a).as_posix() for p in out_a.rglob("*.pdf"))
    assert stand_ins and all((out_a / rel).read_bytes().startswith(STAND_IN) for rel in stand_ins)
    html = {}
    for rel in stand_ins:
        a, b = ((out / rel).read_bytes().removeprefix(STAND_IN) for out in (out_a, out_b))
        html[rel] = (a, b)
    differing = {rel for rel, (a, b) in html.items()
                 if unstamped(a, old_version) != unstamped(b, new_version)}
    municipalities = sorted({rel.rsplit("/", 1)[0] for rel in stand_ins})
    sample = _sample(municipalities, set(stand_ins)) - differing
    assert len(sample) >= len(DOCUMENTS) // 2, "the sample should cover most templates with unchanged HTML"
    for rel in differing | sample:
        a, b = html[rel]
        if a not in rendered_a:
            rendered_a[a] = html_to_pdf(a.decode("utf-8"))
        (out_a / rel).write_bytes(rendered_a[a])
        (out_b / rel).write_bytes(html_to_pdf(b.decode("utf-8")))
    return differing, sample


@pytest.mark.libreoffice
@pytest.mark.xdist_group("one-price")  # the cases share the first build
@pytest.mark.parametrize("case", list(PRICES))
def test_one_price_change_changes_only_outputs_showing_it(case: str, baseline: Baseline,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _price, _pattern, old_figure, new_figure, in_documents, in_matrices = PRICES[case]
    # The comparable content of each file is extracted once (pdftotext for every PDF) for both the digest
    # and the search for the prices below.
    monkeypatch.setattr(outputs, "content", _content)
    monkeypatch.setattr(build_step, "write_pdf", _stand_in_pdf)
    _sampled_municipalities(monkeypatch, baseline.catalogue)
    old, out_a = baseline.catalogue, baseline.out
    with tempfile.TemporaryDirectory(prefix="ibm-one-price-") as tmp:
        root = Path(tmp)
        out_b = root / "out-b"
        new = load_or_raise(_catalogue_with(root / "b", {**OLD_FIGURES, case: new_figure}))
        build(new, out_b, progress=lambda _m: None, only=STEPS)
        made = {p.parent.name for p in out_b.glob("lejupielades/dokumenti/*/*.pdf")}
        assert made == {m.id for m in municipality_sample(new)}, "the papers of the sample's municipalities"
        try:
            differing, sample = _render_pdfs(out_a, out_b, old.version, new.version, baseline.pdfs)
            diff = compare_trees(tree_digest(out_a, old.version), tree_digest(out_b, new.version))
            assert not diff.added and not diff.removed
            files = sorted(p.relative_to(out_a).as_posix() for p in out_a.rglob("*")
                           if p.is_file() and p.name != ".ibm-build.json")
            showing = [rel for rel in files if _shows(_content(out_a / rel, old.version), old_figure)]
            assert any(name.startswith("atvertie-dati/") for name in showing), "the open data show every price"
            assert any(name.startswith("lejupielades/matrica/") for name in showing) == in_matrices
            assert diff.changed == showing
            changed_pdfs = {rel for rel in diff.changed if rel.endswith(".pdf")}
            assert bool(changed_pdfs) == in_documents, "a signed document's price annex shows a regulated price"
            assert all(not (out_a / rel).read_bytes().startswith(STAND_IN) for rel in changed_pdfs), \
                "a changed PDF must be compared as a real PDF"
            assert changed_pdfs == differing, "a PDF changes exactly when its HTML does"
            assert not sample & set(diff.changed), "unchanged HTML must print the same PDF text"
            wrong = [rel for rel in diff.changed if not _shows(_content(out_b / rel, new.version), new_figure)
                     or _shows(_content(out_b / rel, new.version), old_figure)]
            assert wrong == [], "each changed file must show the new price instead of the old one"
        finally:
            baseline.restore()


def test_a_stand_in_reads_as_outputs_content_reads_it(tmp_path: Path) -> None:
    """The shortcut in _content gives what outputs.content gives a stand-in (pdftotext refuses it)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) nav instalēts")
    version = "2023-04-01+d382f2bc"
    html = "<p>Cena 7,77 EUR, kataloga versija 2023-04-01+d382f2bc (d382f2bc)</p>"
    stand_in = _stand_in_pdf(html, tmp_path / "paraugs.pdf")
    assert _content(stand_in, version) == _ORIGINAL_CONTENT(stand_in, version)
    assert b"d382f2bc" not in _content(stand_in, version) and b"7,77" in _content(stand_in, version)
