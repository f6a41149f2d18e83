"""D110 in the matrix, recalculated by LibreOffice: a child who turns 18 on the last day of the plan's round gets
the same error count, warning count and message (6.1) as the reference, P = 0 and "NAV PARAKSTĀMS" on the signed
sheets, as a child already 18 on the check date does; the day after the round's end is eligible."""

from __future__ import annotations

import pytest

from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.templates import TemplateSource
from generator.reference.workbook import evaluate_workbook
from tests.workbook.compare import differences

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

NOT_SIGNABLE = "NAV PARAKSTĀMS"
ELIGIBLE = "Bērns ir tiesīgs saņemt IB."
PREFIX = "Bērns nav tiesīgs saņemt IB: "


def _signed_texts(values, sheet: str) -> str:  # noqa: ANN001 - NamedValues of every sheet
    return " ".join(str(v) for name, _, v in values.all_values() if name == sheet and isinstance(v, str))


def test_the_matrix_judges_the_age_on_the_rounds_last_day_as_the_reference(lo_batch, params) -> None:
    edges = {edge: (plan, path) for edge, plan, path in lo_batch.round_age}
    assert set(edges) == {"on_end", "after_end", "already"}
    for edge, (plan, path) in edges.items():
        values = lo_batch.read(path)
        expected = evaluate_workbook(plan.inputs, params)
        assert not differences(expected.named_values(), values), (edge, plan.describe())
        assert (values["Kludas"], values["Bridinajumi"]) == (expected.errors, expected.warnings), edge
        status = str(values["Statuss_Tiesibas"])
        found = [f.message for f in expected.findings if f.code == "not_eligible"]
        if edge == "after_end":
            assert not found and status.endswith(ELIGIBLE), status
            assert values["IB_Provizoriskais"] > 0 and values["Kludas"] == expected.errors == 0
            assert NOT_SIGNABLE not in _signed_texts(values, "6.5")
            continue
        assert len(found) == 1 and expected.provisional == 0 and values["IB_Provizoriskais"] == 0, (edge, found)
        assert values["Kludas"] >= 1 and NOT_SIGNABLE in _signed_texts(values, "6.5"), edge
        if edge == "on_end":  # the reference's reason, word for word
            reason = found[0].removeprefix(PREFIX)
            assert status.endswith(reason[0].upper() + reason[1:] + "."), (status, reason)
            assert values["Vecums"] == params.eligibility_age_limit - 1
        else:
            assert status.endswith("Bērns pārbaudes datumā ir sasniedzis vecumu, kurā IB vairs nepienākas."), status


def test_the_documents_refuse_the_child_of_the_recalculated_matrix(lo_batch, catalogue) -> None:
    """`ibm documents --from-matrix` reads the matrix LibreOffice saved: the child who turns 18 on the round's last
    day gets the decision to refuse (17) with the round's last day, no error blocks it (D110)."""
    [(plan, path)] = [(plan, path) for edge, plan, path in lo_batch.round_age if edge == "on_end"]
    assert path in lo_batch.saved, "the batch saves this matrix as xlsx (sample)"
    reading = read_for_documents(lo_batch.saved[path], catalogue, TemplateSource(catalogue), None)
    assert reading.refused == [] and reading.errors == [], (reading.refused, reading.errors)
    assert reading.not_eligible and "kārtas pēdējai dienai 31.10.2019" in reading.not_eligible
    child = build(reading, catalogue, pseudonymous=False, day=plan.inputs.period_start)
    assert child.refusal is not None and child.refusal.about_age
    assert child.refusal.reason.startswith("Izmēģinājumprojekta kārtas pēdējā dienā 31.10.2019 personai, kuras "
                                           f"dzimšanas datums ir {plan.inputs.birth_date:%d.%m.%Y}, būs "), child.refusal
