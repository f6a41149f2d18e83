"""The documents step renders each distinct PDF and DOCX input once per run (generator/documents/render_memo.py): the
files are the same bytes as when every document is rendered, for every municipality, and an input that differs in
anything the writers are given – one character of the HTML, the title – is rendered on its own."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import build_step
from generator.documents.build_step import render_documents, render_municipality, write_document
from generator.documents.render_memo import RenderMemo
from generator.documents.reports import workbooks
from tests.documents.municipality_sample import municipality_sample

pytestmark = pytest.mark.xdist_group("documents-build")  # `built` is the documents build of the session


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the step calls each writer (the real writers still write)."""
    calls: Counter[str] = Counter()
    for name in ("write_pdf", "write_docx"):
        real = getattr(build_step, name)

        def counted(*args: object, _real=real, _name=name, **kwargs: object) -> Path:  # noqa: ANN001
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(build_step, name, counted)
    return calls


def _write_what_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both writers of the step write everything they are given (the HTML and every other argument) instead of
    rendering it: a file that is a function of the writer's whole input, as the real writers' are."""

    def stand_in(html: str, target: Path, *args: object, **kwargs: object) -> Path:
        target.write_text(repr((target.suffix, html, args, sorted(kwargs.items()))), encoding="utf-8")
        return target

    monkeypatch.setattr(build_step, "write_pdf", stand_in)
    monkeypatch.setattr(build_step, "write_docx", stand_in)


def test_every_municipality_same_files_with_and_without_the_memo(catalogue: Catalogue, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The sets made today of the municipalities that show every kind (tests/documents/municipality_sample.py, D223;
    every pilot municipality with IBM_FULL=1) – their names and the ended pilot's procedures are blanks, so many of
    their papers are the same input and the memo renders them once – are the same files as when every document is
    rendered. (The session's documents build is made on a pilot day, when every municipality's papers differ.)

    Within a test session the writers' bytes are already a function of their input: every render is kept by its
    whole input (tests/kept_renders.py), so the second render of an input without the memo gives the kept bytes.
    The papers are therefore written by stand-ins that write their whole input (a memo that gave a file another
    input's bytes still fails) – the same proof without ~60 WeasyPrint renders. With IBM_REAL_RENDERS=1 (every
    render real) the real writers write them, and the test also shows that an input rendered again gives the same
    bytes. The report workbooks are written for real in both runs."""
    sample = municipality_sample(catalogue)
    assert len(sample) > 1  # papers of two municipalities that are the same input
    monkeypatch.setattr(build_step, "selected_municipalities", lambda *_args: sample)
    if not os.environ.get("IBM_REAL_RENDERS"):
        _write_what_is_given(monkeypatch)
    documents = [d for m in sample for d in render_municipality(catalogue, m)]
    distinct_pdf = {d.html for d in documents}
    assert len(distinct_pdf) < len(documents)  # else this test would prove nothing
    calls = _counting(monkeypatch)
    render_documents(catalogue, tmp_path / "every", progress=lambda _line: None, reuse_renders=False)
    assert calls == {"write_pdf": len(documents), "write_docx": len(documents)}
    render_documents(catalogue, tmp_path / "memo", progress=lambda _line: None)
    every, memo = _files(tmp_path / "every"), _files(tmp_path / "memo")
    assert sorted(every) == sorted(memo)
    assert sum(name.endswith((".pdf", ".docx")) for name in memo) == 2 * len(documents)
    differing = [name for name in every if every[name] != memo[name]]
    assert not differing, differing


def test_the_memo_renders_each_distinct_input_once(catalogue: Catalogue, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [d for m in catalogue.pilot_municipalities() for d in render_municipality(catalogue, m)]
    _write_what_is_given(monkeypatch)
    # the report workbooks are no writer's input (not in the memo): not made here (~2 s of CPU each municipality)
    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *_args, **_kwargs: [])
    calls = _counting(monkeypatch)
    render_documents(catalogue, tmp_path, progress=lambda _line: None)
    assert calls == {"write_pdf": len({d.html for d in documents}),
                     "write_docx": len({(d.html, d.spec.title, d.version, d.created) for d in documents})}
    assert calls["write_pdf"] < len(documents)


def test_an_input_differing_by_one_character_is_rendered_separately(catalogue: Catalogue, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    document = min(render_municipality(catalogue, municipality), key=lambda d: len(d.html))
    assert document.html.count("</main>") == 1
    changed = dataclasses.replace(document, html=document.html.replace("</main>", "x</main>"))
    retitled = dataclasses.replace(document, spec=dataclasses.replace(document.spec, title=document.spec.title + "."))
    calls = _counting(monkeypatch)
    memo = RenderMemo()
    first = write_document(document, tmp_path / "a", memo)
    assert calls == {"write_pdf": 1, "write_docx": 1}
    one_more = write_document(changed, tmp_path / "b", memo)
    assert calls == {"write_pdf": 2, "write_docx": 2}
    other_title = write_document(retitled, tmp_path / "c", memo)  # the same HTML: only the DOCX is rendered again
    assert calls == {"write_pdf": 2, "write_docx": 3}
    again = write_document(document, tmp_path / "d", memo)
    assert calls == {"write_pdf": 2, "write_docx": 3}
    assert (memo.rendered, memo.reused) == (5, 3)
    for a, b, _c, d in zip(first, one_more, other_title, again, strict=True):
        assert a.read_bytes() != b.read_bytes()
        assert d.read_bytes() == a.read_bytes()
        assert d.parent.name == "d"
    assert other_title[0].read_bytes() == first[0].read_bytes()
    assert other_title[1].read_bytes() != first[1].read_bytes()
    fresh = write_document(changed, tmp_path / "e")  # without a memo: the writers' own bytes
    assert [p.read_bytes() for p in fresh] == [p.read_bytes() for p in one_more]
