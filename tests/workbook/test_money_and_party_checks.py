"""Recalculated by LibreOffice: money not in whole cents (D87) and an empty field a contract needs once the plan has
a service (D88) are invalid inputs the matrix counts in Kludas exactly as the reference counts them, names on 6.11
with sheet and cell, and marks on every signed sheet ("NAV PARAKSTĀMS"). On 6.1, a text in the date's form that
names no calendar day says so, and the longest message beside a 6.1 cell prints whole, inside the page (F7)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.reference.inputs import REQUIRED_PARTIES, Parties
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.writer import write_workbook
from tests.workbook.conftest import SEED, clean_plans, recipient_labels, require_soffice, require_uno
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import one_sheet_copies, read_pages
from tests.workbook.plans import PARTIES

pytestmark = pytest.mark.libreoffice
SUBCENT = Decimal("0.0012")
NOT_SIGNABLE = "NAV PARAKSTĀMS"
# 6.1's longest messages: a period start naming no day, and an empty parent's name (D88)
LONGEST_61 = ("6.1 B38: perioda pirmajai dienai jābūt īstam kalendāra datumam DD.MM.GGGG (mēnesis 1–12; tādas dienas "
              "nav, piem. 01.13. vai 31.02.)", "6.1 B15: dzimšanas datumam jābūt īstam kalendāra datumam",
              "6.1 B27: vecāka (likumiskā pārstāvja) vārdam un uzvārdam jābūt aizpildītam, jo plānā ir pakalpojumi")


def _variants(plan: WorkbookInputs, municipality: str) -> dict[str, WorkbookInputs]:
    """The clean plan, and copies with one kind of new invalid input each (in the reference's own inputs)."""
    parties = dataclasses.replace(PARTIES, municipality=municipality)
    base = dataclasses.replace(plan, parties=parties)
    first = next(ln.offer_id for ln in plan.lines if ln.counted)
    paid = next(i for i, ln in enumerate(plan.lines) if ln.counted and ln.paid and ln.paid[0] >= 1)
    lines = list(plan.lines)
    lines[paid] = dataclasses.replace(lines[paid], paid=(lines[paid].paid[0] - SUBCENT, *lines[paid].paid[1:]))
    return {
        "tira": base,
        "cena": dataclasses.replace(base, lines=tuple(
            dataclasses.replace(ln, unit_price=ln.unit_price + SUBCENT) if ln.offer_id == first else ln
            for ln in plan.lines)),
        "maksajums": dataclasses.replace(base, lines=tuple(lines)),
        "summas": dataclasses.replace(base, base=Decimal("1500.125"), other=Decimal("10.0001")),
        "bez-vardiem": dataclasses.replace(base, parties=dataclasses.replace(
            parties, child_name=None, parent_name="  ", social_worker=None)),
        "bez-pasvaldibas": dataclasses.replace(base, parties=Parties(**{
            **{p.attr: getattr(parties, p.attr) for p in REQUIRED_PARTIES}, "municipality": None})),
    }


@pytest.fixture(scope="module")
def checked(catalogue: Catalogue, params: Params, day, tmp_path_factory: pytest.TempPathFactory  # noqa: ANN001
            ) -> tuple[dict[str, WorkbookInputs], dict[str, NamedValues], Path]:
    require_uno()
    require_soffice()
    folder = tmp_path_factory.mktemp("centi-un-vardi")
    template = write_workbook(catalogue, folder / "veidne.xlsx")
    offers = catalogue.offers(day)
    plan = next(p.inputs for p in clean_plans(offers, params, 12, SEED + 50_000)
                if any(ln.counted and ln.paid and ln.paid[0] >= 1 for ln in p.inputs.lines))
    variants = _variants(plan, pilot_ids(catalogue)[0])
    labels = recipient_labels(catalogue)
    paths = {}
    for name, inputs in variants.items():
        wb = load_workbook(template)
        fill(wb, inputs, labels)
        paths[name] = folder / f"{name}.xlsx"
        wb.save(paths[name])
    # 6.1 on paper: the period start and the birth date typed as texts naming no day, the parent's name left empty
    wb = load_workbook(paths["bez-vardiem"])
    wb["6.1"]["B38"] = "31.02.2019"
    wb["6.1"]["B15"] = "30.02.2012"
    wb.save(folder / "datumi.xlsx")
    profile = make_profile(folder / "profile")
    values = recalculated_values([*paths.values(), folder / "datumi.xlsx"], profile=profile)
    copy = one_sheet_copies(folder / "datumi.xlsx", folder)["6.1"]
    [pdf] = convert([copy], folder / "pdf", to="pdf", profile=profile)
    return variants, dict(zip([*paths, "datumi"], values, strict=True)), pdf


def test_the_matrix_counts_the_new_invalid_inputs_as_the_reference(checked, params: Params) -> None:
    variants, values, _ = checked
    # "summas": B and a source not in whole cents. Its plan's F is above N (typed while N <= P, not applied): D347
    # leaves P blank while B is invalid, and F above N waits for P (D356), so F is no third error, in the matrix as in
    # the reference
    expected = {"tira": 0, "cena": 1, "maksajums": 1, "summas": 2, "bez-vardiem": 3, "bez-pasvaldibas": 1}
    for name, inputs in variants.items():
        result = evaluate_workbook(inputs, params)
        assert result.errors == expected[name], (name, [f.message for f in result.findings])
        assert values[name]["Kludas"] == result.errors, (name, values[name]["Kludas"])
        assert values[name]["h_NederigasIevades"] == expected[name], name


def _texts(values: NamedValues, sheet: str) -> str:
    return " ".join(str(v) for s, _, v in values.all_values() if s == sheet and isinstance(v, str))


def test_six_eleven_names_each_cell(checked) -> None:
    _, values, _ = checked
    listed = {name: _texts(values[name], "6.11") for name in values}
    assert "sniedzēja cenai jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata" in listed["cena"]
    assert "maksājumam jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata" in listed["maksajums"]
    assert "6.11 B" in listed["summas"] and "bāzes apmēram B jābūt summai euro" in listed["summas"]
    assert "citu finanšu avotu summai jābūt summai euro" in listed["summas"]
    assert "jābūt ne lielākam par nepieciešamo apmēru N" not in listed["summas"]  # F waits for P (D356)
    for party in REQUIRED_PARTIES:
        said = f"{party.where}: {party.label} jābūt aizpildītam, jo plānā ir pakalpojumi" in listed["bez-vardiem"]
        assert said == (party.attr in {"child_name", "parent_name", "social_worker"}), party
    assert "6.1 B5: pašvaldības kodam jābūt aizpildītam" in listed["bez-pasvaldibas"]


def test_signed_sheets_are_not_signable(checked) -> None:
    _, values, _ = checked
    for name in ("cena", "bez-vardiem", "bez-pasvaldibas"):
        for sheet in ("6.3", "6.5", "6.6", "6.9"):
            assert NOT_SIGNABLE in _texts(values[name], sheet), (name, sheet)
    assert all(NOT_SIGNABLE not in _texts(values["tira"], sheet) for sheet in ("6.3", "6.5", "6.6", "6.9"))


def test_a_date_text_naming_no_day_says_so_and_prints_whole(checked) -> None:
    _, values, pdf = checked
    beside = _texts(values["datumi"], "6.1")
    for message in LONGEST_61:
        assert message in beside, message
    assert "formā DD.MM.GGGG" not in beside  # the form is right: not "must be a date in the form"
    text = " ".join(" ".join(page.text.split()) for page in read_pages(pdf))
    for message in LONGEST_61:
        assert " ".join(message.split()) in text, message
    cut = [c for c in cut_runs(pdf, below=True) if "jābūt" in c.text or "31.02." in c.text or "pakalpojumi" in c.text]
    assert cut == [], cut
