"""Changing one price or one deadline in a copy of the catalogue changes exactly the documents that show it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents import round_rules, terms
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.reports.register_workbook import write_register_workbook
from tests.documents.expectations import decision_term_printed
from tests.lm_document import LM_DOCUMENT


def _edit(path: Path, change) -> None:  # noqa: ANN001
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _latest(values: list[dict], day) -> dict:  # noqa: ANN001
    return [v for v in values if v["effective_from"] <= day][-1]


def _bump_parameter(name: str, day):  # noqa: ANN001, ANN202
    def change(data: dict) -> None:
        value = _latest(data[name]["values"], day)
        value["value"] = value["value"] + 1
    return "programme.yaml", change


def _bump_price(price_id: str, day):  # noqa: ANN001, ANN202
    def change(data: dict) -> None:
        value = _latest(data["values"], day)
        value["amount"] = float(Decimal(str(value["amount"])) + Decimal("1.11"))
    return f"prices/{price_id}.yaml", change


def _document_xml(html: str, title: str) -> bytes:
    data = html_to_docx(html, title, "2020-01-01+00000000", dt.date(2020, 1, 1))  # any well-formed version
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


CASES = {
    "application_forward_working_days": {"04-iesniegums-par-dalibu"},
    # printed only while its norm is proven in force (D67), else a blank in every decision (see the test)
    "decision_working_days": {"08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu"},
    "contract_term_months": {"01-ligums-ar-vecaku"},
    # An unconfirmed (jāprecizē) value is a blank in every document: changing it changes none.
    "base_amount": set(),
    "grupu-nodarbibu-griesti": set(),
    # Once confirmed, the figure appears where it belongs.
    "base_amount confirmed": {"01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"},
    "grupu-nodarbibu-transporta-samazinajums confirmed": {"02-ligums-ar-sniedzeju", "03-garantijas-vestule"},
    "transport_share_max": {"01-ligums-ar-vecaku", "06-izdevumu-atmaksas-pieprasijums"},
}


@pytest.fixture(scope="module")
def unchanged(catalogue: Catalogue) -> tuple[dict, dict[str, bytes]]:
    """The first pilot municipality's documents from the unchanged catalogue and their DOCX bodies, made
    once for every case of this module."""
    documents = {d.spec.id: d for d in render_municipality(catalogue, catalogue.pilot_municipalities()[0])}
    return documents, {doc_id: _document_xml(d.html, doc_id) for doc_id, d in documents.items()}


@pytest.mark.parametrize("what", sorted(CASES))
def test_one_change_changes_exactly_the_documents_that_show_it(catalogue: Catalogue, catalogue_copy: Path,
                                                               what: str, unchanged) -> None:  # noqa: ANN001
    day = catalogue.latest_date
    if what == "base_amount confirmed":
        def change(data: dict) -> None:
            _latest(data["base_amount"]["values"], day).update(status="apstiprināts", source=LM_DOCUMENT)  # D310
        rel = "programme.yaml"
    elif what == "grupu-nodarbibu-transporta-samazinajums confirmed":
        def change(data: dict) -> None:
            _latest(data["values"], day)["status"] = "apstiprināts"
        rel = "prices/grupu-nodarbibu-transporta-samazinajums.yaml"
    elif what == "transport_share_max":
        def change(data: dict) -> None:
            value = _latest(data[what]["values"], day)
            value["value"] = float(Decimal(str(value["value"])) + Decimal("0.05"))
        rel = "programme.yaml"
    elif what in catalogue.price_by_id:
        rel, change = _bump_price(what, day)
    else:
        rel, change = _bump_parameter(what, day)
    _edit(catalogue_copy / rel, change)
    changed_catalogue = load_or_raise(catalogue_copy)
    municipality = catalogue.pilot_municipalities()[0]
    before, before_xml = unchanged
    after = {d.spec.id: d for d in render_municipality(changed_catalogue, municipality)}
    changed = {doc_id for doc_id in before if before[doc_id].body != after[doc_id].body}
    expected = CASES[what]
    if what == "decision_working_days" and not decision_term_printed(catalogue):
        expected = set()  # its norm is not proven in force on the documents' day: the term is a blank (D67)
    if what == "grupu-nodarbibu-transporta-samazinajums confirmed" and not _group_basis_printed(catalogue):
        expected = set()  # the round's group-price basis is not printed on the build day: the ceiling is a blank (D124)
    if what == "transport_share_max" and not _procedure_printed(catalogue, "transport_share"):
        expected = set()  # the round has ended on the build day: its transport share is a blank (D135)
    if what == "application_forward_working_days" and not _procedure_printed(catalogue, "forward_working_days"):
        expected = set()  # the round has ended on the build day: its procedures are blanks (D135, audit41 F3)
    assert changed == expected
    # The DOCX bodies follow the HTML: identical bytes where nothing changed, different where it did.
    for doc_id in before:
        same = before_xml[doc_id] == _document_xml(after[doc_id].html, doc_id)
        assert same == (doc_id not in expected), doc_id


def test_a_report_deadline_changes_the_report_workbook(tmp_path: Path, catalogue: Catalogue,
                                                      catalogue_copy: Path, unchanged) -> None:  # noqa: ANN001
    day = catalogue.latest_date
    rel, change = _bump_parameter("quarterly_report_day", day)
    _edit(catalogue_copy / rel, change)
    changed_catalogue = load_or_raise(catalogue_copy)
    municipality = catalogue.pilot_municipalities()[0]
    before = {doc_id: d.body for doc_id, d in unchanged[0].items()}
    after = {d.spec.id: d.body for d in render_municipality(changed_catalogue, municipality)}
    assert before == after  # no printable document shows the quarterly report day
    # Made while the children's round runs: once it has ended the due dates are blanks to fill (D25).
    running = catalogue.rounds_of("bērni")[0].services_start
    old = write_register_workbook(catalogue, municipality, tmp_path / "old.xlsx", build_date=running)
    new = write_register_workbook(changed_catalogue, municipality, tmp_path / "new.xlsx", build_date=running)

    def due_days(path: Path) -> tuple[int, list[int]]:
        wb = openpyxl.load_workbook(path, data_only=True)
        name = wb.defined_names["Param_CeturksnaDiena"]
        (sheet, ref), = name.destinations
        param = wb[sheet][ref.replace("$", "")].value
        (sheet, ref), = wb.defined_names["CP_Termins"].destinations
        cells = wb[sheet][ref.replace("$", "")]
        return param, [row[0].value for row in cells]

    old_day, old_due = due_days(old)
    new_day, new_due = due_days(new)
    expected = catalogue.programme.quarterly_report_day.at(day).value
    assert (old_day, new_day) == (expected, expected + 1)
    assert old_due and all((n - o).days == 1 for o, n in zip(old_due, new_due, strict=True))


def _procedure_printed(catalogue: Catalogue, name: str) -> bool:
    """Whether the first pilot municipality's papers made today state the round's procedure ``name`` (D135)."""
    today = dt.date.today()
    municipality = catalogue.pilot_municipalities()[0].id
    return round_rules.procedures_context(catalogue, terms.current_round(catalogue, today, municipality), today)[name]


def _group_basis_printed(catalogue: Catalogue) -> bool:
    """Whether the first pilot municipality's papers made today print their round's group-price basis (D124)."""
    today = dt.date.today()
    municipality = catalogue.pilot_municipalities()[0].id
    return bool(round_rules.rules_context(catalogue, terms.current_round(catalogue, today, municipality),
                                          today)["confirmed"])
