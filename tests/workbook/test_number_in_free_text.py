"""A number or a date pasted into a free text that prints (D339) is one invalid input in the matrix (LibreOffice 7.4),
named by sheet and cell in 6.11's list with the value as the cell shows it, and the reader (`ibm documents
--from-matrix`, `ibm collect`) refuses the same cell in the same words. Before, the matrix counted nothing (Kludas 0)
and the papers printed „2019-01-15 00:00:00” or „1000000000000”. A formula in a free text ends with how to paste it,
as the tools say it, not with a length („ievadīta 1 zīme”). The child's personal code is checked for the form the tools
read (11 digits)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import make_profile
from generator.reference.inputs import DELIVERED_LABEL
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.input_checks import (
    CODE_TEXT,
    FORMULA_HINT,
    FORMULA_TEXT,
    LOGICAL_TRUE,
    NUMBER_IN_TEXT,
    error_message,
    logical_message,
)
from generator.workbook.layout import line_offset
from generator.workbook.names import NamedValues
from generator.workbook.sheets.technical import NO_INVALID, NO_INVALID_RULES
from tests.workbook.pasted_files import Files, Variants, listed_checks, one_error_each, pasted_files
from tests.workbook.plans import SEED, random_plan

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

DAY = dt.datetime(2019, 1, 15)
# name: (the named range, the value pasted, the row (a plan line), the words after the label, the label)
PASTES = {
    "berns-skaitlis": ("Berns_VardsUzvards", 12, 0, f"{NUMBER_IN_TEXT}, ievadīts 12", "bērna vārdam un uzvārdam"),
    "berns-datums": ("Berns_VardsUzvards", DAY, 0, f"{NUMBER_IN_TEXT}, ievadīts datums 15.01.2019",
                     "bērna vārdam un uzvārdam"),
    "vecaks-negativs": ("Vecaks_VardsUzvards", -5, 0, f"{NUMBER_IN_TEXT}, ievadīts -5",
                        "vecāka (likumiskā pārstāvja) vārdam un uzvārdam"),
    "sniedzejs-negativs": ("Pak_Sniedzejs", -5, 0, f"{NUMBER_IN_TEXT}, ievadīts -5", "sniedzēja nosaukumam"),
    "merkis-skaitlis": ("Merki_Ilgtermina", 3, 0, f"{NUMBER_IN_TEXT}, ievadīts 3", "ilgtermiņa mērķu tekstam"),
    "biezums-datums": ("Plans_Biezums", DAY, 0, f"{NUMBER_IN_TEXT}, ievadīts datums 15.01.2019",
                       "biežuma, ilguma un termiņa tekstam"),
    "pamatojums-skaitlis": ("Transporta_Pamatojums", 0, 0, f"{NUMBER_IN_TEXT}, ievadīts 0", "transporta pamatojumam"),
    # a personal code of 10 digits pasted past the data validation (H2): before, no error in the matrix, but the tools
    # refused it; the tools do not quote the code (D221)
    "kods-10-cipari": ("Berns_PersonasKods", "090110-2000", 0, f"{CODE_TEXT}, ievadīts „090110-2000”",
                       "bērna personas kodam"),
    "berns-formula": ("Berns_VardsUzvards", "=1+1", 0, f"{FORMULA_TEXT} ({FORMULA_HINT})", "bērna vārdam un uzvārdam"),
    # D346: a logical value, an error value and a date pasted into the provider (6.8 H) or a month's payment or units
    # (6.10): the matrix said „formulai vai saitei” (LibreOffice imports TRUE as =TRUE(), #N/A as =#N/A) and the
    # date's serial, the tools „loģiskajai vērtībai”, „ievadīts teksts …” and the date
    "sniedzejs-logiska": ("Pak_Sniedzejs", True, 0, f"{logical_message('text')}, ievadīts {LOGICAL_TRUE}", "sniedzēja nosaukumam"),
    "sniedzejs-kluda": ("Pak_Sniedzejs", "#REF!", 0, f"{error_message('text')}, ievadīts #REF!",
                        "sniedzēja nosaukumam"),
    "sniedzejs-datums": ("Pak_Sniedzejs", dt.datetime(2018, 10, 1), 0, f"{NUMBER_IN_TEXT}, ievadīts datums 01.10.2018",
                         "sniedzēja nosaukumam"),
    "maksajums-kluda": ("Fakt_Summa", "#VALUE!", 0, f"{error_message('payment')}, ievadīts #VALUE!", "maksājumam"),
    "sanemts-kluda": ("Fakt_Daudzums", "#N/A", 0, f"{error_message('units')}, ievadīts #N/A", DELIVERED_LABEL),
}
ERRORS = ("sniedzejs-kluda", "maksajums-kluda", "sanemts-kluda")
SHORTER = "menesi-1"
# The pastes in four files, not fourteen (docs/benchmarks.md, fix48f): a file holds at most one paste into a cell, and a
# month's payment and delivered units of one line are in different files (the payment is measured against the units).
# The other inputs are free texts that feed no amount and no other cell's check, so each paste of a file is one
# invalid input of its own: the file counts one error for each, and 6.11 and the reader name each cell once.
TOGETHER = {
    "kopa-1": ("berns-skaitlis", "vecaks-negativs", "sniedzejs-negativs", "merkis-skaitlis", "biezums-datums",
               "pamatojums-skaitlis", "kods-10-cipari", "maksajums-kluda"),
    "kopa-2": ("berns-datums", "sniedzejs-logiska", "sanemts-kluda"),
    "kopa-3": ("berns-formula", "sniedzejs-kluda"),
    "kopa-4": ("sniedzejs-datums",),
}
PASTED_WITH = {name: names for names in TOGETHER.values() for name in names}


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> Files:
    plan = next(p for seed in range(SEED + 68_000, SEED + 70_000)
                if evaluate_workbook(p := random_plan(seed, catalogue.offers(day), params.full_rate_max_age,
                                                      params.eligibility_age_limit, params.period_months_max,
                                                      params.reporting_periods).inputs, params).errors == 0)
    variants: Variants = {"tira": (plan, "Berns_VardsUzvards", None, 0)}
    for name, (rng, value, row, _, _) in PASTES.items():
        variants[name] = (plan, rng, value, line_offset(row) if rng.startswith("Plans_") else row)
    variants[SHORTER] = (plan, "Perioda_Menesi", 1, 0)  # the plan's later months now after its period (D346)
    folder = tmp_path_factory.mktemp("teksta-ielime")
    profile = make_profile(tmp_path_factory.mktemp("lo-profile-teksta-ielime"))
    return pasted_files(catalogue, templates[None], folder, profile, variants, together=TOGETHER, saved=ERRORS)


def test_each_paste_is_in_one_file_apart_from_the_others() -> None:
    """Every paste is in one file; no two of a file paste into one input or into one line's month of 6.10."""
    assert sorted(PASTED_WITH) == sorted(PASTES) and sum(map(len, TOGETHER.values())) == len(PASTES)
    for names in TOGETHER.values():
        ranges = [PASTES[name][0] for name in names]
        assert len(set(ranges)) == len(ranges), names
        assert not {"Fakt_Summa", "Fakt_Daudzums"} <= set(ranges), names


@pytest.mark.parametrize("name", list(PASTES))
def test_a_number_in_a_free_text_is_one_error_in_the_matrix_and_the_reader(files, params: Params,  # noqa: ANN001
                                                                           catalogue: Catalogue, name: str) -> None:
    """Each paste is one error (its file counts one for each of its pastes, TOGETHER), 6.11 names its cell once in
    its words, and the reader refuses the file naming each pasted cell once, this one in the matrix's words."""
    rng, _, _, words, label = PASTES[name]
    pasted = len(PASTED_WITH[name])
    _, values, path, cell = one_error_each(files, name, params, given=False, pasted=pasted)
    sheet, a1 = cell.split("!")
    listed = listed_checks(values)
    said = f"{label} {words}"
    # LibreOffice says „D…” only for its locale's own date formats (input_checks.date_formatted); its „G” of another
    # date format (and of a text input's „@”) with a day's serial since the year before the first round is said as
    # that date, as the tools read it (D346)
    assert [t for t in listed if t.endswith(f" {sheet} {a1}: {said}")], (said, listed)
    said = said.removesuffix(", ievadīts „090110-2000”")
    others = {files[other][3] for other in PASTED_WITH[name]}
    for read in (path, values.path) if name in ERRORS else (path,):
        # LibreOffice saves a pasted error value as the formula =#REF!: still an error value (D346)
        data, problems = read_child(Matrix.open(read), catalogue, strict=False)
        assert data is None and len(problems) == pasted, problems
        assert {p.split(" ", 1)[0] for p in problems} == others, (others, problems)
        assert [p for p in problems if p.startswith(f"{cell} ")] == [f"{cell} ({rng}): {said}"], problems


def test_a_rule_s_error_alone_is_not_said_to_be_no_error(files) -> None:  # noqa: ANN001
    """D346: values after the period's last month are counted in their rule's row (6.11), not listed as invalid cells;
    the list's status then says where the errors are, not only that it lists none."""
    def said(values: NamedValues) -> list[str]:
        return [v for s, _, v in values.all_values() if s == "6.11" and v in (NO_INVALID, NO_INVALID_RULES)]

    values = files[SHORTER][1]
    assert values["Kludas"] > 0 and values["h_NederigasIevades"] == 0, listed_checks(values)
    assert said(values) == [NO_INVALID_RULES] and said(files["tira"][1]) == [NO_INVALID]
