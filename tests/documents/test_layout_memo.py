"""The PDF writer lays out each act and preparer's sheet once per process for the same HTML
(generator/documents/render_memo.py ``LayoutMemo``): a PDF made of parts taken from the memo is, byte for byte, the
PDF of fresh layouts; a part differing by one character, even at its very end, is laid out on its own; the memo keeps
a bounded number of parts."""

from __future__ import annotations

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import pdf_writer
from generator.documents.build_step import render_municipality
from generator.documents.render_memo import LayoutMemo

pytestmark = pytest.mark.xdist_group("documents-build")  # the same renders as the documents build


def _fresh_memos(monkeypatch: pytest.MonkeyPatch, enabled: bool = True) -> tuple[LayoutMemo, LayoutMemo]:
    acts, sheets = LayoutMemo(pdf_writer.ACTS.size), LayoutMemo(pdf_writer.SHEETS.size)
    acts.enabled = sheets.enabled = enabled
    monkeypatch.setattr(pdf_writer, "ACTS", acts)
    monkeypatch.setattr(pdf_writer, "SHEETS", sheets)
    return acts, sheets


def _layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every part WeasyPrint lays out (the writer imports ``weasyprint.HTML`` when it renders)."""
    import weasyprint

    laid: list[str] = []
    real = weasyprint.HTML

    def counted(*args: object, **kwargs: object) -> object:
        laid.append(str(kwargs.get("string")))
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", counted)
    return laid


def _pdf(html: str) -> bytes:
    """The writer's own render, past the session's kept files (tests/kept_renders.py)."""
    return getattr(pdf_writer.html_to_pdf, "real", pdf_writer.html_to_pdf)(html)


@pytest.fixture(scope="module")
def inputs(catalogue: Catalogue) -> list[str]:
    """Three short documents with a preparer's sheet for two municipalities (their sheets are the same), one of them
    twice, and two changed copies of the last: one more character at the end of its act,
    and one at the end of its last instruction (the act stays, the sheet differs in its last row)."""
    first, second = catalogue.pilot_municipalities()[:2]
    papers = {m.id: {d.spec.id: d.html for d in render_municipality(catalogue, m)} for m in (first, second)}
    with_sheet = sorted((html for html in papers[first.id].values() if pdf_writer.split_instructions(html)[1]),
                        key=len)
    ids = [next(i for i, html in papers[first.id].items() if html == chosen) for chosen in with_sheet[:3]]
    chosen = [papers[m.id][i] for i in ids for m in (first, second)]
    last = chosen[-1]
    assert last.count("</main>") == 1
    note_end = last.rindex('<p class="note preparer">')
    note_end = last.index("</p>", note_end)
    return [*chosen, chosen[0], last.replace("</main>", "x</main>"), last[:note_end] + " x" + last[note_end:]]


def test_parts_from_the_memo_give_the_bytes_of_fresh_layouts(inputs: list[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    acts, sheets = _fresh_memos(monkeypatch, enabled=False)
    laid = _layouts(monkeypatch)
    fresh = [_pdf(html) for html in inputs]
    fresh_laid = list(laid)
    assert len(fresh_laid) >= 2 * len(inputs)  # without the memo: every act and every sheet
    acts, sheets = _fresh_memos(monkeypatch)
    laid.clear()
    with_memo = [_pdf(html) for html in inputs]
    assert len(set(laid)) == len(laid)  # no part laid out twice
    distinct_acts = {pdf_writer.split_instructions(html)[0] for html in inputs}
    assert (acts.laid_out, acts.reused) == (len(distinct_acts), len(inputs) - len(distinct_acts))
    assert sheets.reused >= 2  # a sheet for both municipalities, the repeated document's
    assert sheets.laid_out + acts.laid_out == len(laid) < len(fresh_laid)
    differing = [n for n, (a, b) in enumerate(zip(fresh, with_memo, strict=True)) if a != b]
    assert not differing, differing
    assert len(set(with_memo)) == len(set(inputs))  # equal bytes for equal HTML only


def test_a_part_changed_at_its_end_is_laid_out_again(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is the whole HTML: a memo keyed by a prefix (or a short digest) would give the changed act or sheet
    the layout of the first."""
    original, act_changed, sheet_changed = inputs[-4], inputs[-2], inputs[-1]
    acts, sheets = _fresh_memos(monkeypatch)
    laid = _layouts(monkeypatch)
    first = _pdf(original)
    assert (acts.laid_out, sheets.laid_out) == (1, 1)
    other_act = _pdf(act_changed)
    assert (acts.laid_out, acts.reused, sheets.laid_out, sheets.reused) == (2, 0, 1, 1)  # the same sheet
    other_sheet = _pdf(sheet_changed)
    assert (acts.laid_out, acts.reused, sheets.laid_out) == (2, 1, 2)  # its act is the original's
    assert len(laid) == 4
    _fresh_memos(monkeypatch, enabled=False)
    assert [other_act, other_sheet] == [_pdf(act_changed), _pdf(sheet_changed)]
    assert len({first, other_act, other_sheet}) == 3


def test_the_memo_keeps_the_parts_last_used() -> None:
    memo = LayoutMemo(2)
    made: list[str] = []

    def part(name: str) -> object:
        return memo.part(name, "base", lambda: made.append(name) or f"laid out {name}")

    assert [part("a"), part("b"), part("a")] == ["laid out a", "laid out b", "laid out a"]
    part("c")  # "b" was used least recently: out
    assert made == ["a", "b", "c"] and len(memo) == 2
    part("a")
    part("b")
    assert made == ["a", "b", "c", "b"] and (memo.laid_out, memo.reused) == (4, 2) and len(memo) == 2
    assert memo.part("b", "other base", lambda: "other") == "other"  # the base URL is part of the key
    memo.enabled = False
    assert memo.part("b", "base", lambda: "anew") == "anew" and len(memo) == 2
