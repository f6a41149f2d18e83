"""text_runs on small PDFs written here, drawn as LibreOffice 7.4 draws a cell text with a no-break space: the
pieces of the line placed with Tm, the no-break space drawn alone inside ``/Span <</ActualText (U+00A0)>>``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbook.pdf_clip import NBSP, cut_runs, text_runs

SIZE = 10.0
WIDTH = 500  # every glyph's advance, 1/1000 em: 5 pt at SIZE
ADVANCE = WIDTH / 1000 * SIZE


def _pdf(path: Path, content: str) -> Path:
    """A one-page PDF (300 × 200 pt) whose font maps codes 32–122 to the same characters, each WIDTH wide."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
            "endcodespacerange 1 beginbfrange <20> <7A> <0020> endbfrange endcmap end end")
    widths = " ".join([str(WIDTH)] * (122 - 32 + 1))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 122 /Widths [{widths}] "
        "/ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


def _split_line(first: str, second: str, x: float, y: float, gap: float = 0.0, second_y: float | None = None,
                actual: str = "<FEFF00A0>") -> str:
    """``first``, a space drawn alone in a span with ActualText ``actual``, then ``second`` (``gap`` pt further on,
    at ``second_y``), as LibreOffice draws a cell text with a no-break space."""
    space_x = x + len(first) * ADVANCE
    second_x = space_x + ADVANCE + gap
    return (f"BT {x} {y} Td /F1 {SIZE} Tf [({first})] TJ "
            f"/Span << /ActualText {actual} >> BDC 1 0 0 1 {space_x} {y} Tm /F1 {SIZE} Tf ( ) Tj EMC "
            f"1 0 0 1 {second_x} {second_y if second_y is not None else y} Tm /F1 {SIZE} Tf [({second})] TJ ET")


def test_pieces_at_a_no_break_space_join(tmp_path: Path) -> None:
    """One run with the no-break space, from the first piece's start to the last letter of the second; a line with
    two no-break spaces is one run too."""
    pdf = _pdf(tmp_path / "a.pdf", _split_line("see 6.1.", "tabula", 20, 150) + " "
               + _split_line("no 6.3.", "tabulas un 6.8.", 20, 120).replace(" ET", "")
               + f" /Span << /ActualText <FEFF00A0> >> BDC 1 0 0 1 {20 + 23 * ADVANCE} 120 Tm /F1 {SIZE} Tf ( ) Tj EMC"
               f" 1 0 0 1 {20 + 24 * ADVANCE} 120 Tm /F1 {SIZE} Tf [(tabulas)] TJ ET")
    runs = text_runs(pdf)
    assert [r.text for r in runs] == [f"see 6.1.{NBSP}tabula", f"no 6.3.{NBSP}tabulas un 6.8.{NBSP}tabulas"]
    first = runs[0]
    assert (first.x0, first.x1, first.y, first.page) == (20, 20 + 15 * ADVANCE, 150, 1)
    assert runs[1].x1 == pytest.approx(20 + 31 * ADVANCE)


@pytest.mark.parametrize(("gap", "second_y", "actual"), [
    (8.0, None, "<FEFF00A0>"),  # the second piece is not right after the space: another cell's text
    (0.0, 130.0, "<FEFF00A0>"),  # on another line
    (0.0, None, "(x)"),  # a span for another text: not a no-break space
])
def test_pieces_apart_stay_apart(tmp_path: Path, gap: float, second_y: float | None, actual: str) -> None:
    """Only adjacent pieces on one line around a no-break space join; each keeps its place, measured from its Tm."""
    pdf = _pdf(tmp_path / "b.pdf", _split_line("6.1.", "tabula", 20, 150, gap, second_y, actual))
    runs = text_runs(pdf)
    assert [r.text for r in runs] == ["6.1.", "tabula"]
    assert runs[1].x0 == pytest.approx(20 + 5 * ADVANCE + gap)
    assert runs[1].y == (second_y if second_y is not None else 150)


def test_joined_run_cut_at_its_clip(tmp_path: Path) -> None:
    """cut_runs measures the joined run: its second piece crossing the clipping rectangle's right edge cuts it."""
    clip = f"q 10 100 {10 + 8 * ADVANCE} 80 re W n {_split_line('6.1.', 'tabula', 20, 150)} Q"
    cuts = cut_runs(_pdf(tmp_path / "c.pdf", clip))
    assert [c.text for c in cuts] == [f"6.1.{NBSP}tabula"]
    assert cuts[0].x1 == pytest.approx(20 + 11 * ADVANCE)
