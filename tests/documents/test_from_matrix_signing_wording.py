"""The reminder about the preparer's instructions (console and parskats.txt) is correct Latvian: „Ja parakstāt no
DOCX faila” – the present tense after „ja”, not the imperative „parakstiet” (lawyertrial2 F4); the imperatives
that tell what to do stay imperatives."""

from __future__ import annotations

from types import SimpleNamespace

from generator.documents.from_matrix.signing import PREPARER_CLASS, preparer_lines


def _document(doc_id: str, html: str) -> SimpleNamespace:
    return SimpleNamespace(spec=SimpleNamespace(id=doc_id), html=html)


def test_the_docx_reminder_uses_the_present_tense_after_ja() -> None:
    [line] = preparer_lines([_document("01-ligums-ar-vecaku", f"<p {PREPARER_CLASS}>…</p>"),
                             _document("07-klienta-lietas-titullapa", "<p>…</p>")])
    assert line.startswith("01-ligums-ar-vecaku: PDF paraksta, kā izdrukāts")
    assert "Ja parakstāt no DOCX faila, tajā vispirms izdzēsiet rindkopas" in line
    assert "parakstiet" not in line


def test_papers_without_instructions_get_no_reminder() -> None:
    assert preparer_lines([_document("07-klienta-lietas-titullapa", "<p>…</p>")]) == []
