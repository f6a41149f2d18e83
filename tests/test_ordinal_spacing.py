"""The scanner of tests/ordinal_spacing.py: it finds a glued ordinal in every case form and in ranges, and
leaves spaced ordinals, file names, field paths, dates and decimal numbers alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.htmltext import html_text
from tests.ordinal_spacing import glued_ordinals, office_texts, report


@pytest.mark.parametrize("text", [
    "19.pielikums", "sk. 6.3.pielikumā", "39. un 40.pielikums", "35.–38.pielikums", "(3.1.punkts)",
    "2.posms", "1.kārta", "5.lapa", "6.11.tabulā", "„17.pielikuma”", "MK noteikumu 4.pielikums",
])
def test_glued_ordinals_are_found(text: str) -> None:
    assert glued_ordinals(text), text


@pytest.mark.parametrize("text", [
    "19. pielikums", "6.3. pielikumā", "39. un 40. pielikums", "35.–38. pielikums", "3.1. punkts", "2. posms",
    "katalogs/3.1.3.html", "2023-05-01_jelgava-b03_ibm-matrica_v1.xlsx", "404.html#sakums",
    "programme.yaml:65: social_worker_children.values.0.value", "01.10.2019", "1.5 stundas", "lapas 6.1–6.11",
    "Nr.313", "L1026",
])
def test_spaced_ordinals_and_other_numbers_pass(text: str) -> None:
    assert glued_ordinals(text) == [], text


def test_html_text_skips_scripts_and_styles_but_reads_shown_attributes() -> None:
    html = ('<style>p{margin:1.5em}</style><script>var a = "3.pielikums";</script>'
            '<p title="4.tabula">Sk. <b>5.</b>pielikumu</p>')
    text = html_text(html)
    assert "3.pielikums" not in text and "4.tabula" in text
    hits = glued_ordinals(text)
    assert len(hits) == 2 and "4.tabula" in hits[0] and "5.pielikumu" in hits[1]


def test_office_texts_join_runs_name_the_part_and_read_validation_messages(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", '<sst xmlns="s"><si><t>6. pielikums</t></si>'
                         '<si><r><t>sk. 6.</t></r><r><t>pielikumu</t></r></si></sst>')
        archive.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="s"><dataValidations>'
                         '<dataValidation prompt="sk. 6.11.tabulu" sqref="A1"/></dataValidations></worksheet>')
        archive.writestr("docProps/core.xml", '<cp xmlns="p"><title>6. pielikums</title></cp>')
    found = report(office_texts(path))
    assert [line.split(":")[0] for line in found] == ["x.xlsx/xl/sharedStrings.xml", "x.xlsx/xl/worksheets/sheet1.xml"]
