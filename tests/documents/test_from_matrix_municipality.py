"""`ibm documents --from-matrix` for a municipality outside the children's programme rounds (audit10 F1, D104): the
matrix counts it as an invalid input of 6.1 B5, and so does the recomputation, so no signable contract or grant
decision is made (a draft with --draft); a matrix whose own error count is higher than the recomputed one is refused
too; the report shows counts as whole numbers and a provider's name with its own quotes only once (F14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.from_matrix.run import run
from generator.reference.rounds import period_holding
from generator.workbook.sheets.technical import TOTALS_ROW, rule_row_of
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import with_cached, write_matrices
from tests.ministry.factory import Child, make_children, params

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
TODAY = dt.date(2018, 1, 1)  # before every plan period of the factory's children
QUOTED_PROVIDER = "SIA „Kustību Paraugs”"


def own_quotes(name: str) -> str:
    """'SIA Sniedzējs 7' → 'SIA „Sniedzējs 7”': a provider name that carries its own quotes."""
    form, _, rest = name.partition(" ")
    return f"{form} „{rest}”"


def _outside_rounds(catalogue: Catalogue) -> str:
    """A catalogue municipality that is in no round of the children's programme (as Cēsis in audit10)."""
    pilots = {m.id for m in catalogue.pilot_municipalities()}
    return next(m.id for m in catalogue.municipalities.municipalities if m.id not in pilots)


@pytest.fixture(scope="module")
def children(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, Child]:
    """One clean child with at least two providers, its copy in a municipality outside the rounds, and its copy
    whose first provider's name has quotes of its own."""
    pool = make_children(catalogue, 30, seed=104)
    child = next(c for c in pool if c.result(catalogue).errors == 0 and c.result(catalogue).needed > 0
                 and len({c.people.providers[ln.offer_id] for ln in c.inputs.lines if ln.counted}) >= 2)
    outside = dataclasses.replace(child, index=1, municipality=_outside_rounds(catalogue))
    # every provider's name with quotes of its own ("SIA „Sniedzējs 7”"), so that whichever of them gets papers
    # (the IB-funded ones, D102) is named in the signing reminder
    providers = {k: own_quotes(v) for k, v in child.people.providers.items()}
    named = dataclasses.replace(child, index=2, people=dataclasses.replace(child.people, providers=providers))
    # 18 on the check date: inside the rounds the child gets the decision to refuse, outside them no decision at all
    check = period_holding(params(catalogue).reporting_periods, child.inputs.period_start).start
    birth = dt.date(check.year - params(catalogue).eligibility_age_limit, check.month, 1) - dt.timedelta(days=30)
    adult = dataclasses.replace(outside, index=3, inputs=dataclasses.replace(child.inputs, birth_date=birth))
    folder = tmp_path_factory.mktemp("pasvaldiba")
    written = write_matrices(catalogue, folder, [child, outside, named, adult])
    return dict(zip(("clean", "outside", "named", "adult"), written, strict=True))


def _run(catalogue: Catalogue, source: Path, out: Path, *, draft: bool = False) -> tuple[object, list[str]]:
    lines: list[str] = []
    summary = run(source, out, catalogue, None, draft=draft, echo=lines.append, err=lines.append, pdf=False,
                  today=TODAY)
    return summary, [normalise(line) for line in lines]


def test_a_municipality_outside_the_rounds_gets_no_signable_papers(children, catalogue: Catalogue,
                                                                   tmp_path: Path) -> None:
    child = children["outside"]
    assert child.municipality in {m.id for m in catalogue.municipalities.municipalities}  # known, but not a pilot
    summary, lines = _run(catalogue, child.path, tmp_path / "out")
    assert (summary.made, summary.drafted, summary.refused, summary.exit_code) == (0, 0, 1, 1), lines
    assert summary.reasons == {"pašvaldība nav bērnu programmas kārtās": 1}
    said = "\n".join(lines)
    assert f"Pašvaldības kodam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts „{child.municipality}”" \
        in said
    # where it is fixed, from the file's defined name Pasvaldiba and 6.11's row of invalid inputs: after a dash, as
    # the sentence already ends in a bracket (no „(…) (…)”)
    assert f", tukums) – 6.1. tabula, B5 „Pašvaldība (kods no kataloga)”; 6.11. tabulas {rule_row_of('invalid_input')}. rinda." in said, said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    summary, lines = _run(catalogue, child.path, tmp_path / "melnraksts", draft=True)
    assert (summary.made, summary.drafted, summary.refused) == (0, 1, 0), lines
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    assert "Statuss: melnraksts" in report and f"ievadīts „{child.municipality}”" in report
    # the same plan in a municipality of the rounds is made as before
    summary, lines = _run(catalogue, children["clean"].path, tmp_path / "tira")
    assert (summary.made, summary.refused) == (1, 0), lines
    # a child who is not eligible gets no decision to refuse from a municipality outside the rounds either
    adult = children["adult"]
    assert [f.code for f in adult.result(catalogue).findings if f.code == "not_eligible"] == ["not_eligible"]
    summary, lines = _run(catalogue, adult.path, tmp_path / "pieaugusais")
    assert (summary.made, summary.refusals, summary.refused) == (0, 0, 1), lines
    assert summary.reasons == {"pašvaldība nav bērnu programmas kārtās": 1}


def test_a_municipality_not_in_the_round_of_the_plans_first_day(catalogue: Catalogue, tmp_path: Path) -> None:
    """With a second children's round of fewer municipalities, a pilot municipality outside it gets no papers for a
    plan that starts in it (D104, D113): the reference's one rule (municipality_not_in_round), which the matrix, the
    papers and the collection all use, while one of its municipalities, and the first round's plans, pass."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
    from generator.reference.inputs import NOT_IN_ROUND, municipality_findings
    from generator.reference.params import Params
    from generator.reference.workbook import plan_round
    from tests.round_yaml import children_round_entry

    start, end = dt.date(2020, 1, 1), dt.date(2020, 6, 30)
    shutil.copytree(DEFAULT_CATALOGUE, tmp_path / "catalogue")
    rounds = tmp_path / "catalogue" / "rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + children_round_entry("berni-2020", "Testa kārta (izdomāta)",
                                                                                 start, end), encoding="utf-8")
    two = load_or_raise(tmp_path / "catalogue")
    new = two.round_by_id["berni-2020"]
    first = two.round_by_id["berni-2018"]
    member, other = new.municipalities[0], next(m for m in first.municipalities if m not in new.municipalities)
    listed = tuple(m.id for m in two.pilot_municipalities())

    def problems(municipality: str, day: dt.date) -> list[str]:
        return [f.message for f in municipality_findings(municipality, listed,
                                                         plan_round(Params.from_catalogue(two, day), day))]

    assert problems(member, start) == []
    assert problems(other, first.services_start) == []
    [why] = problems(other, start)
    assert why.startswith(f"6.1 B5: pašvaldība „{other}” {NOT_IN_ROUND} „{new.name_lv}”"), why
    assert "01.01.2020" in why and ", ".join(new.municipalities) in why
    assert problems(other, end + dt.timedelta(days=1)) == []  # no round: the reference's own error says so
    assert [f.message for f in municipality_findings(other, tuple(first.municipalities),
                                                     plan_round(params(catalogue), first.services_start))] == []


def test_a_higher_stored_error_count_is_an_error_shown_as_a_whole_number(children, catalogue: Catalogue,
                                                                         tmp_path: Path) -> None:
    source = tmp_path / "kludas.xlsx"
    with_cached(children["clean"].path, source, "Kludas", "1")
    summary, lines = _run(catalogue, source, tmp_path / "out")
    assert (summary.made, summary.refused) == (0, 1), lines
    assert summary.reasons == {"matricā ir kļūdas, ko pārrēķins neatrod": 1}
    said = "\n".join(lines)
    assert (f"matricā saglabātais kļūdu skaits (6.11. tabula, E{TOTALS_ROW} „Kļūdas kopā”) ir 1, pārrēķinātais – 0"
            in said), said
    summary, lines = _run(catalogue, source, tmp_path / "melnraksts", draft=True)
    assert summary.drafted == 1, lines
    stale = [line for line in lines if "Kļūdu skaits" in line and "saglabātā vērtība" in line]
    assert len(stale) == 1 and "„Kļūdu skaits” (6.11. tabula, šūna E" in stale[0], stale
    assert ") 1 atšķiras no pārrēķinātās 0; izmantota pārrēķinātā" in stale[0] and "Kludas" not in stale[0], stale
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    assert "„Kļūdu skaits” (6.11. tabula, šūna E" in report and "): 1 → 0" in report and "1,00" not in report.split("Saglabātās vērtības", 1)[1]
    # a lower stored count (a fixed matrix not yet recalculated) is only the usual note
    lower = tmp_path / "mazak.xlsx"
    with_cached(children["clean"].path, lower, "Bridinajumi", "7")
    summary, lines = _run(catalogue, lower, tmp_path / "mazak")
    assert summary.made == 1, lines


def test_a_provider_name_with_its_own_quotes_is_not_quoted_again(children, catalogue: Catalogue,
                                                                 tmp_path: Path) -> None:
    from generator.lvformat import latvian_quotes

    # a name is printed as typed (D79): no quotes of ours around it, straight ones as the documents print them
    assert latvian_quotes("SIA Ergo Paraugs") == "SIA Ergo Paraugs"
    assert latvian_quotes(QUOTED_PROVIDER) == QUOTED_PROVIDER
    assert latvian_quotes('Biedrība "Palīgs Paraugs"') == "Biedrība „Palīgs Paraugs”"
    summary, lines = _run(catalogue, children["named"].path, tmp_path / "out")
    assert summary.made == 1, lines
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    reminders = re.findall(r"Sniedzējam Nr\. \d+ \((.+?)\) paraksta vai nu līgumu", report)
    assert reminders and all(name in set(map(own_quotes, children["clean"].people.providers.values()))
                             for name in reminders), report
    assert "„SIA „" not in report


def test_one_rule_finds_the_plans_round(tmp_path: Path) -> None:
    """plan_round_end and plan_round_id (and the reference's round of a plan, Params.rounds) all follow plan_round (review1 F14), which agrees with the
    reference's reporting periods (D21) on each side of every round's services window."""
    from generator.documents.from_matrix.reading import plan_round, plan_round_end, plan_round_id
    from tests.round_yaml import catalogue_with_round, children_round_entry

    two = catalogue_with_round(tmp_path / "catalogue", children_round_entry(
        "berni-2026", "Testa kārta (izdomāta)", dt.date(2026, 9, 1), dt.date(2027, 12, 31),
        services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)), municipalities=("cesis",)))
    for found in two.rounds_of(Pilot.children):
        for day in (found.services_start - dt.timedelta(days=1), found.services_start, found.services_end,
                    found.services_end + dt.timedelta(days=1)):
            round_ = plan_round(two, day)
            period = period_holding(two.children_reporting_periods(), day)
            assert (round_.id if round_ else None) == (period.round_id if period else None), day
            assert plan_round_id(two, day) == (round_.id if round_ else None), day
            assert plan_round_end(two, day) == (round_.end if round_ else None), day
        assert plan_round(two, found.services_start) == found
