"""A one-price change changes exactly the generated outputs that show that price, and shows the new price there.

What it proves: two catalogues differ in one ceiling (the companion's hourly price, set to the distinctive
figures 7.77 and 8.88, confirmed in both so that the documents print it as a figure). Both are built (open data, documents as PDF and DOCX, report workbooks, matrices).
Comparing the two trees file by file with the version stamp taken out (xlsx and docx member by member,
PDFs by their text):

- no file is added or removed;
- the files that differ are exactly the files of the first build that show 7.77 (7,77), among them the
  matrices;
- every file that differs shows 8.88 (8,88) in the second build and no longer shows 7.77 (7,77): the
  changed value is the new price.

How it saves time: a document's PDF is WeasyPrint's rendering of its HTML and nothing else, so the builds
first write each PDF as a stand-in (a marker and the document's HTML). Afterwards every document whose HTML
differs between the two builds (version stamp taken out) is rendered to a real PDF in both trees, and so is
a sample with unchanged HTML: each document once, the municipalities taken in turn. The stand-ins
of the other documents are equal in both trees exactly when their HTML is, which is what their PDFs' text
would show; the sample proves that for every template (its PDFs must be unchanged). DOCX files, open data
and workbooks are built and compared in full.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from generator.build import build
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes import outputs
from generator.changes.outputs import compare_trees, tree_digest, unstamped
from generator.documents import build_step
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import DOCUMENTS

STEPS = {"atvertie-dati", "dokumenti", "matrica"}
PRICE = "prices/2.1.yaml"
OLD, NEW = "7.77", "8.88"
STAND_IN = b"%IBM-test: HTML in place of a PDF\n"


def _catalogue_with(folder: Path, amount: str) -> Path:
    shutil.copytree(DEFAULT_CATALOGUE, folder)
    path = folder / PRICE
    # the current value, confirmed in both builds: documents print a confirmed price as a figure (a
    # `jāprecizē` one only as a blank), so the change must reach the documents' price annexes too
    text, n = re.subn(r"amount: 5\.11\b(.*?)status: jāprecizē", f"amount: {amount}\\1status: apstiprināts",
                      path.read_text("utf-8"), flags=re.S)
    assert n == 1
    path.write_text(text, "utf-8")
    return folder


def _shows(data: bytes, amount: str) -> bool:
    return amount.encode() in data or amount.replace(".", ",").encode() in data


def _stand_in_pdf(html: str, target: Path) -> Path:
    target.write_bytes(STAND_IN + html.encode("utf-8"))
    return target


def _sample(municipalities: list[str]) -> set[str]:
    """Each document once, the municipalities in turn: lejupielades/dokumenti/<id>/<document>.pdf."""
    chosen = {}
    for i, spec in enumerate(DOCUMENTS):
        chosen[spec.id] = municipalities[i % len(municipalities)]
    return {f"{folder}/{spec}.pdf" for spec, folder in chosen.items()}


def _render_pdfs(out_a: Path, out_b: Path, old_version: str, new_version: str) -> tuple[set[str], set[str]]:
    """Real PDFs in both trees for the documents whose HTML differs and for the sample; returns both sets."""
    stand_ins = sorted(p.relative_to(out_a).as_posix() for p in out_a.rglob("*.pdf"))
    assert stand_ins and all((out_a / rel).read_bytes().startswith(STAND_IN) for rel in stand_ins)
    html = {}
    for rel in stand_ins:
        a, b = ((out / rel).read_bytes().removeprefix(STAND_IN) for out in (out_a, out_b))
        html[rel] = (a, b)
    differing = {rel for rel, (a, b) in html.items()
                 if unstamped(a, old_version) != unstamped(b, new_version)}
    municipalities = sorted({rel.rsplit("/", 1)[0] for rel in stand_ins})
    sample = _sample(municipalities) - differing
    assert len(sample) >= len(DOCUMENTS) // 2, "the sample should cover most templates with unchanged HTML"
    for rel in differing | sample:
        for out, data in zip((out_a, out_b), html[rel], strict=True):
            (out / rel).write_bytes(html_to_pdf(data.decode("utf-8")))
    return differing, sample


@pytest.mark.libreoffice
def test_one_price_change_changes_only_outputs_showing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) nav instalēts")
    # The comparable content of each file is extracted once (pdftotext for every PDF) for both the digest
    # and the search for the prices below.
    extracted: dict[tuple[Path, str | None], bytes] = {}
    original = outputs.content

    def content(path: Path, version: str | None = None) -> bytes:
        if (path, version) not in extracted:
            extracted[path, version] = original(path, version)
        return extracted[path, version]

    monkeypatch.setattr(outputs, "content", content)
    monkeypatch.setattr(build_step, "write_pdf", _stand_in_pdf)
    with tempfile.TemporaryDirectory(prefix="ibm-one-price-") as tmp:
        root = Path(tmp)
        out_a, out_b = root / "out-a", root / "out-b"
        old = load_or_raise(_catalogue_with(root / "a", OLD))
        new = load_or_raise(_catalogue_with(root / "b", NEW))
        build(old, out_a, progress=lambda _m: None, only=STEPS)
        build(new, out_b, progress=lambda _m: None, only=STEPS)
        differing, sample = _render_pdfs(out_a, out_b, old.version, new.version)
        diff = compare_trees(tree_digest(out_a, old.version), tree_digest(out_b, new.version))
        assert not diff.added and not diff.removed
        files = sorted(p.relative_to(out_a).as_posix() for p in out_a.rglob("*")
                       if p.is_file() and p.name != ".ibm-build.json")
        showing = [rel for rel in files if _shows(content(out_a / rel, old.version), OLD)]
        assert showing, "the price should appear in at least the open data and the workbooks"
        assert any(name.startswith("lejupielades/matrica/") for name in showing)
        assert diff.changed == showing
        changed_pdfs = {rel for rel in diff.changed if rel.endswith(".pdf")}
        assert changed_pdfs, "a signed document's price annex shows the price"
        assert all(not (out_a / rel).read_bytes().startswith(STAND_IN) for rel in changed_pdfs), \
            "a changed PDF must be compared as a real PDF"
        assert changed_pdfs == differing, "a PDF changes exactly when its HTML does"
        assert not sample & set(diff.changed), "unchanged HTML must print the same PDF text"
        wrong = [rel for rel in diff.changed
                 if not _shows(content(out_b / rel, new.version), NEW) or _shows(content(out_b / rel, new.version), OLD)]
        assert wrong == [], "each changed file must show the new price instead of the old one"
