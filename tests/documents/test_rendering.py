"""Rendering rules: missing variables fail loudly, clause numbering, HTML to DOCX details."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from jinja2 import UndefinedError

from generator.catalogue.catalogue import Catalogue
from generator.documents import context as ctx
from generator.documents.docx_writer import html_to_docx
from generator.documents.html import environment, render
from generator.documents.numbering import Numbering
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.registry import DOCUMENTS, DocumentSpec
from tests.documents.party_helpers import PILOT_DAY


def _context(catalogue: Catalogue) -> dict:
    municipality = catalogue.pilot_municipalities()[0]
    # while the pilot runs, every clause of its procedures is printed and so uses its variables (D135)
    return {**ctx.shared_context(catalogue, PILOT_DAY), **ctx.municipality_context(catalogue, municipality, PILOT_DAY)}


@pytest.mark.parametrize("missing", ["pasvaldiba", "dienests", "project", "version", "created"])
def test_every_template_fails_loudly_when_a_layout_variable_is_missing(catalogue: Catalogue, missing: str) -> None:
    context = _context(catalogue)
    context.pop(missing)
    env = environment()
    for spec in DOCUMENTS:
        with pytest.raises(UndefinedError, match=missing):
            render(env, spec, context)


@pytest.mark.parametrize("missing", ["param", "pilot", "areas", "prices", "impairments", "karta"])
def test_a_missing_content_variable_fails_every_template_that_uses_it(catalogue: Catalogue, missing: str) -> None:
    context = _context(catalogue)
    env = environment()
    # a whole-word use of the variable: "veids.karta" (the round's kind words, D129) is another variable
    # ... outside Jinja comments ("{# the pilot's procedures #}" uses no variable)
    texts = {spec.id: re.sub(r"\{#.*?#\}", "", (TEMPLATE_DIR / spec.template).read_text(encoding="utf-8"), flags=re.S)
             for spec in DOCUMENTS}
    users = [spec for spec in DOCUMENTS if re.search(rf"(?<![\w.]){missing}\b", texts[spec.id])
             or (missing == "prices" and "cenu_griesti" in texts[spec.id])
             or (missing == "karta" and "kartas_piezime" in texts[spec.id])]
    assert users, missing
    context.pop(missing)
    for spec in users:
        with pytest.raises(UndefinedError, match=missing):
            render(env, spec, context)


def test_unknown_parameter_name_in_a_template_fails(tmp_path: Path, catalogue: Catalogue) -> None:
    for item in TEMPLATE_DIR.iterdir():
        target = tmp_path / item.name
        if item.is_dir():
            target.mkdir()
            for sub in item.iterdir():
                (target / sub.name).write_text(sub.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            target.write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.html.j2").write_text(
        '{% extends "_pamats.html.j2" %}{% block saturs %}<p>{{ param.contract_months_typo }}</p>{% endblock %}',
        encoding="utf-8")
    env = environment(tmp_path)
    with pytest.raises(UndefinedError, match="contract_months_typo"):
        render(env, DocumentSpec("x", "bad.html.j2", "X", None), _context(catalogue))


def test_params_mapping_rejects_unknown_names(catalogue: Catalogue) -> None:
    params = ctx.Params(catalogue, catalogue.latest_date)
    with pytest.raises(KeyError):
        params["no_such_parameter"]
    assert str(params["contract_term_months"]) == str(catalogue.programme.contract_term_months.at(
        catalogue.latest_date).value)


def test_numbering_sections_clauses_points() -> None:
    n = Numbering()
    with pytest.raises(ValueError):
        n.clause()
    assert n.section() == "1."
    assert [n.clause(), n.clause()] == ["1.1.", "1.2."]
    assert n.point() == "1.2.1."
    assert n.section() == "2."
    assert n.clause() == "2.1."


def test_contract_clause_numbers_are_consecutive(catalogue: Catalogue) -> None:
    rendered = render(environment(), DOCUMENTS[0], _context(catalogue))
    import re

    sections = [int(s) for s in re.findall(r'<h2><span class="nr" data-level="0">(\d+)\.</span> ', rendered.body)]
    assert sections == list(range(1, len(sections) + 1)) and len(sections) >= 12


def test_docx_conversion_of_fields_tables_and_whitespace() -> None:
    html = ("<html><body><main><h1>Virsraksts ģ</h1><p>Summa  3\u00a0000,00\u00a0EUR   un <strong>trekns</strong></p>"
            '<p class="field"><span class="label">Vārds</span><span class="line"></span></p>'
            '<table class="grid"><tr><th data-w="30">A</th><th>B</th></tr>'
            '<tr class="blank"><td colspan="2">apvienota</td></tr></table>'
            '<div class="page-break"></div><ul><li>punkts</li></ul></main></body></html>')
    data = html_to_docx(html, "Nosaukums", "2020-01-01+00000001", dt.date(2020, 1, 2))
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Virsraksts ģ" and document.paragraphs[0].style.name == "Heading 1"
    assert texts[1] == "Summa 3\u00a0000,00\u00a0EUR un trekns"
    assert [r.bold for r in document.paragraphs[1].runs if r.text == "trekns"] == [True]
    assert texts[2] == "Vārds\t"
    assert document.paragraphs[2].paragraph_format.tab_stops[0].leader is not None
    table = document.tables[0]
    assert table.cell(1, 0).text == "apvienota" and table.cell(1, 0)._tc is table.cell(1, 1)._tc
    assert "punkts" in texts and document.paragraphs[texts.index("punkts")].style.name == "List Bullet"
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(2020, 1, 2, 0, 0, 0)}
    assert html_to_docx(html, "Nosaukums", "2020-01-01+00000001", dt.date(2020, 1, 2)) == data
