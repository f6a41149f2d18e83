"""D291: what the catalogue later confirms at the same number is no change of the matrix's – its own days (6.11's
hidden parameter day) stay those of the next real change – and 6.11 says, beside the prices' last day, that it is
confirmed and which matrix and papers print it; a catalogue that confirms nothing leaves that cell (and the template)
as it was. The recalculated matrix: tests/workbook/test_recalculated.py (test_a_change_refuses_only_the_plans_…)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.loader import load_or_raise
from generator.lvformat import date as lv_date
from generator.reference.plan_changes import parameter_what
from generator.workbook.sheets.technical import confirmed_text, withdrawn_text
from generator.workbook.texts import BASE_LATER_FINAL, BASE_LATER_SHORT, BASE_PROVISIONAL_SHORT
from generator.workbook.writer import template_date, write_workbook
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MATRIX_DAY,
    ceiling_withdrawn_catalogue,
    changes_catalogue,
    reconfirmed_catalogue,
    withdrawn_catalogue,
)

EPOCH = dt.datetime(1899, 12, 30)


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else (EPOCH + dt.timedelta(days=float(value))).date()


def test_the_matrix_names_a_later_confirmation_and_keeps_its_days(tmp_path: Path, templates) -> None:  # noqa: ANN001
    changed = changes_catalogue(tmp_path / "catalogue")
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", MATRIX_DAY)
    ws = load_workbook(path)["6.11"]
    note = ws["C8"].value
    name = changed.programme.base_amount.name_lv
    assert f"Katalogā no {lv_date(BASE_CONFIRMED)} apstiprināta tā pati vērtība: programmas parametrs „{name}”." \
        in note, note
    assert "ibm matrix --day" in note and "drukā kā neapstiprinātu" in note, note
    assert ws.row_dimensions[8].height and ws.row_dimensions[8].height > 30  # the note's lines, not cut
    # the parameters' last day (hidden) is the day before B's other number, not before the confirmation
    (target,) = load_workbook(path).defined_names["h_ParamLidz"].destinations
    assert _day(load_workbook(path)[target[0]][target[1].replace("$", "")].value) == BASE_CHANGE - dt.timedelta(1)
    # the catalogue confirms nothing: no note
    assert load_workbook(templates[None])["6.11"]["C8"].value is None
    # 6.4's warning beside B does not say B waits for the ministry: it points to the note (D296); without a later
    # confirmation it keeps its words
    for book, said, unsaid in ((path, BASE_LATER_SHORT, BASE_PROVISIONAL_SHORT),
                               (templates[None], BASE_PROVISIONAL_SHORT, BASE_LATER_SHORT)):
        wb = load_workbook(book)
        (sheet, a1), = wb.defined_names["Bridinajums_Baze_64"].destinations
        formula = wb[sheet][a1.replace("$", "")].value
        assert f'"{said}"' in formula and f'"{unsaid}"' not in formula, formula
    assert "6.11. tabula, C8" in BASE_LATER_SHORT and "kamēr LM nav" not in BASE_LATER_SHORT + BASE_LATER_FINAL


def test_no_note_on_the_confirmation_days_own_matrix(tmp_path: Path) -> None:
    changed: Catalogue = changes_catalogue(tmp_path / "catalogue")
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", BASE_CONFIRMED)
    assert load_workbook(path)["6.11"]["C8"].value is None


def _rate_confirmed_on(target: Path, day: dt.date) -> Catalogue:
    """The test catalogue with the full rate „jāprecizē” on the matrix's day and confirmed at the same number on
    ``day``: a parameter with no blank in the papers."""
    changes_catalogue(target)
    programme = target / "programme.yaml"
    line = '    - {effective_from: 2018-08-01, value: 1.00, source: "Metodika L1071"}\n'
    content = programme.read_text("utf-8")
    assert line in content
    programme.write_text(content.replace(line, line.replace("}", ", status: jāprecizē}") + (
        f'    - {{effective_from: {day.isoformat()}, value: 1.00, source: "{LM_DOCUMENT}", status: apstiprināts}}\n'), 1),
        "utf-8")
    return load_or_raise(target)


def test_the_note_sends_only_later_plans_to_the_confirmation_days_matrix(tmp_path: Path) -> None:
    """The matrix of the confirmation day refuses a plan that starts earlier: for this plan the papers made on or
    after that day print the figure – also after B's other amount, a new value for later plans that leaves this
    plan's B confirmed (D296); a plan that starts from the confirmation until that other amount has the matrix of
    its first day, where B is confirmed."""
    day, last = lv_date(BASE_CONFIRMED), lv_date(BASE_CHANGE - dt.timedelta(days=1))
    note = confirmed_text(changes_catalogue(tmp_path / "catalogue"), MATRIX_DAY)
    assert (f"šim plānam apstiprināto vērtību drukā dokumenti, ko ibm documents --from-matrix izveido {day} vai "
            f"vēlāk. Plānam, kas sākas no {day} līdz {last}, ir tā pirmās dienas matrica (ibm matrix --day ar plāna "
            "pirmo dienu), kurā vērtība jau ir apstiprināta.") in note, note
    assert "apstiprināto vērtību drukā matrica" not in note, note


def test_a_confirmation_again_names_each_span(tmp_path: Path) -> None:
    """Confirmed, withdrawn, confirmed again at the same amount: the note names both spans of the papers' days (it
    named only the first), and plans starting in the first span only have its day's matrix."""
    first, last = lv_date(BASE_CONFIRMED), lv_date(BASE_WITHDRAWN - dt.timedelta(days=1))
    note = confirmed_text(reconfirmed_catalogue(tmp_path / "catalogue"), MATRIX_DAY)
    assert (f"ibm documents --from-matrix izveido no {first} līdz {last} un no {lv_date(BASE_RECONFIRMED)}. "
            f"Plānam, kas sākas no {first} līdz {last}, ir tā pirmās dienas matrica") in note, note


def test_a_withdrawn_confirmation_bounds_the_papers_days(tmp_path: Path) -> None:
    """D296: B put back to „jāprecizē” at the same amount – the papers print the figure only until the day before."""
    day, last = lv_date(BASE_CONFIRMED), lv_date(BASE_WITHDRAWN - dt.timedelta(days=1))
    note = confirmed_text(withdrawn_catalogue(tmp_path / "catalogue"), MATRIX_DAY)
    assert f"ibm documents --from-matrix izveido no {day} līdz {last}." in note, note
    assert f"Plānam, kas sākas no {day} līdz {last}, ir tā pirmās dienas matrica" in note, note


def test_a_confirmation_with_no_end_holds_on(catalogue_copy: Path) -> None:
    """A ceiling confirmed at the same number and never changed after: the papers made on its day or later print it,
    and a plan that starts then has that day's matrix."""
    path = catalogue_copy / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]  # the catalogue's own figure, not typed here
    confirmed = dt.date(2018, 11, 1)
    path.write_text(text + f"  - effective_from: {confirmed.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                           f'    source: "{LM_DOCUMENT}"\n    status: apstiprināts\n', "utf-8")
    changed = load_or_raise(catalogue_copy)
    day = lv_date(confirmed)
    note = confirmed_text(changed, template_date(changed))
    assert (f"ibm documents --from-matrix izveido {day} vai vēlāk. Plānam, kas sākas {day} vai vēlāk, ir tās dienas "
            f"matrica (ibm matrix --day {day}).") in note, note


def test_two_values_on_one_day_are_plural_and_only_b_is_a_blank(tmp_path: Path) -> None:
    changed = _rate_confirmed_on(tmp_path / "catalogue", BASE_CONFIRMED)
    note = confirmed_text(changed, MATRIX_DAY)
    prog = changed.programme
    both = parameter_what([prog.base_amount.name_lv, prog.rate_full.name_lv])
    assert f"Katalogā no {lv_date(BASE_CONFIRMED)} apstiprinātas tās pašas vērtības: {both}." in note, note
    assert (f"No tām šī matrica kā neapstiprinātu (tukšu vietu) drukā šo vērtību: "
            f"{parameter_what([prog.base_amount.name_lv])}; šim plānam") in note, note


def test_a_confirmed_rate_is_promised_no_blank(tmp_path: Path) -> None:
    """A rate has no blank in the papers: the note says the plan stays, nothing of blanks or figures."""
    rate_day = MATRIX_DAY + dt.timedelta(days=30)  # before B's confirmation: the parameters' first confirmation
    changed = _rate_confirmed_on(tmp_path / "catalogue", rate_day)
    note = confirmed_text(changed, MATRIX_DAY)
    assert note == (f"Katalogā no {lv_date(rate_day)} apstiprināta tā pati vērtība: "
                    f"{parameter_what([changed.programme.rate_full.name_lv])}. Plāna summas nemainās, un plāns paliek "
                    "derīgs."), note


def test_the_confirmed_matrix_names_a_later_withdrawal_and_keeps_its_days(tmp_path: Path) -> None:
    """D302: the matrix of B's confirmation day, B „jāprecizē” again at the same amount later – its D61 days (6.11's
    hidden parameter day) stay those of B's other amount (the withdrawal is no change), and 6.11 says from which day
    the papers made from it print a blank and that a plan starting then may have either matrix."""
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", BASE_CONFIRMED)
    book = load_workbook(path)
    (target,) = book.defined_names["h_ParamLidz"].destinations
    assert _day(book[target[0]][target[1].replace("$", "")].value) == BASE_CHANGE - dt.timedelta(1)
    note = book["6.11"]["C8"].value
    gone, name = lv_date(BASE_WITHDRAWN), changed.programme.base_amount.name_lv
    source = changed.programme.base_amount.at(BASE_WITHDRAWN).source  # the withdrawing entry's (D319)
    assert note == withdrawn_text(changed, BASE_CONFIRMED), note
    assert note == (f"Katalogā no {gone} tā pati vērtība atkal ir „jāprecizē” (avots: „{source}”): programmas "
                    f"parametrs „{name}”. Plāna "
                    f"summas nemainās, un plāns paliek derīgs, bet dokumenti, ko ibm documents --from-matrix no šīs "
                    f"matricas izveido {gone} vai vēlāk, to drukā kā neapstiprinātu (tukšu vietu). Plānam, kas sākas "
                    f"{gone} vai vēlāk, der gan šī, gan tās dienas matrica (ibm matrix --day {gone}): summas abās ir "
                    "tās pašas."), note
    assert book["6.11"].row_dimensions[8].height > 30  # the note's lines, not cut


def test_a_withdrawal_then_a_confirmation_again_bounds_the_blank(tmp_path: Path) -> None:
    """Withdrawn and confirmed again at the same amount: the papers of the confirmed matrix print the blank only
    between the two (confirmation_spans from the matrix's own day)."""
    note = withdrawn_text(reconfirmed_catalogue(tmp_path / "catalogue"), BASE_CONFIRMED)
    assert (f"izveido no {lv_date(BASE_WITHDRAWN)} līdz {lv_date(BASE_RECONFIRMED - dt.timedelta(days=1))}, to drukā "
            "kā neapstiprinātu") in note, note
    assert withdrawn_text(reconfirmed_catalogue(tmp_path / "again"), MATRIX_DAY) == ""  # the confirmation's note says it


def test_many_withdrawn_ceilings_are_said_by_their_number_and_codes(tmp_path: Path) -> None:
    """D319: the group sessions' transport part withdrawn at the same amount puts every group session's 6.8 ceiling
    back to „jāprecizē”: the note says how many, that they are group sessions, each one's code and the withdrawing
    entry's source – not each service's name (28 of them filled a third of 6.11's first page)."""
    changed = ceiling_withdrawn_catalogue(tmp_path / "catalogue")
    note = withdrawn_text(changed, CEILING_CONFIRMED)
    group = [o.id for o in changed.offers(CEILING_CONFIRMED) if o.group_ceiling]
    source = changed.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(CEILING_WITHDRAWN).source
    assert (f"Katalogā no {lv_date(CEILING_WITHDRAWN)} tās pašas vērtības atkal ir „jāprecizē” (avots: „{source}”): "
            f"{len(group)} grupu nodarbību cenas – pakalpojumi {', '.join(group)}.") in note, note
    assert "pakalpojuma „" not in note and len(note) < 800, note
