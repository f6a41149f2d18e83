"""D123: a plan whose months plan less than its IB part (6.6 split incomplete or empty) loses no IB money from the
cash flow: the rest is a row "IB daļa bez mēneša" on both cash-flow sheets (not "nesadalīts", the redistribution
remainder's word, audit24 F3), their "Kopā plānots no IB" equals the IB total of the plans, and `ibm collect` names
the file and child on the console with the other warnings, before writing (audit24 F6)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.lvformat import eur
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import write_outputs
from generator.ministry.pseudonym import ENV_KEY, pseudonym
from generator.ministry.summary_money import UNSPREAD_LABEL
from generator.ministry.xlsxread import parse_cell, read_xlsx
from generator.recalc import convert, make_profile, soffice
from generator.reference.workbook import with_final
from tests.ministry.conftest import KEY
from tests.ministry.factory import params, write_children


def test_an_unspread_ib_part_is_a_visible_row_and_a_console_warning(small_folder, catalogue: Catalogue,
                                                                    template, tmp_path) -> None:  # noqa: ANN001
    _, children = small_folder
    lines = tuple(dataclasses.replace(line, planned_units=()) for line in children[0].inputs.lines)
    empty = dataclasses.replace(children[0], inputs=dataclasses.replace(children[0].inputs, lines=lines))
    written = write_children(catalogue, template, [empty, *children[1:3]], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "in"), "--out", str(out), "--jobs", "1",
                                       "--no-cache"], env={ENV_KEY: KEY.decode()})
    assert result.exit_code == 0, result.output

    # the IB part with the F the collection sets (D174), as „Bērni” gives it (a CSV has no F for a matrix with rule
    # errors, D268)
    kids = load_workbook(out, data_only=True)["Bērni"]
    f_col = [c.value for c in kids[3]].index("IB galīgais EUR (F)")
    finals = {r[0]: Decimal(str(r[f_col])).quantize(Decimal("0.01"))
              for r in kids.iter_rows(min_row=4, values_only=True) if r[0]}
    results = [with_final(c.inputs, c.result(catalogue), params(catalogue), finals[pseudonym(KEY, c.code)])
               for c in written]
    ib_parts = [sum((v for v in r.line_ib if v is not None), Decimal(0)) for r in results]
    assert ib_parts[0] > 0 and sum(results[0].execution.planned_by_month) == 0
    code = pseudonym(KEY, empty.code)
    source = written[0].path.relative_to(tmp_path / "in").as_posix()
    warning = (f"Brīdinājums: {source} (bērns {code}): plāna IB daļa {eur(ib_parts[0])} ir lielāka par to, kas "
               f"plānots pa mēnešiem; naudas plūsmas mēnešos iekļauts {eur(0)}, bet {eur(ib_parts[0])} ir rindā "
               "„IB daļa bez mēneša” (pārbaudiet matricas 6.6. tabulas sadalījumu pa mēnešiem).")
    assert warning in result.output, result.output
    assert result.output.index(warning) < result.output.index("Raksta kopsavilkumu")  # with the other warnings
    others = [pseudonym(KEY, c.code) for c in written[1:]]
    assert not any(f"(bērns {other})" in result.output for other in others)  # whose months take their IB part
    assert re.search(r"pārdales fonds .*, nesadalīts [^;]+EUR;", result.output)  # the redistribution remainder keeps its word

    formulas, values = load_workbook(out), load_workbook(out, data_only=True)
    page = {r[0].value: (r[1].value, r[2].value) for r in formulas["Kopsavilkums"].iter_rows(min_row=4) if r[0].value}
    value, note = page["Plāna IB daļa „IB daļa bez mēneša”, EUR"]  # on the summary page too (audit24 F4)
    assert Decimal(str(value)).quantize(Decimal("0.01")) == ib_parts[0]
    assert note == "1 bērna plānā 6.6. tabulas sadalījums pa mēnešiem nepilnīgs; sk. lapu „Naudas plūsma”"
    errors, where = page["Noteikumu kļūdu skaits izmantotajās matricās"]
    assert errors == formulas["Noteikumu kļūdas"].max_row - 3 and where.endswith("katra kļūda lapā „Noteikumu kļūdas”")
    for sheet in ("Naudas plūsma", "Ceturkšņi"):
        assert UNSPREAD_LABEL == "IB daļa bez mēneša" and f"Rindā „{UNSPREAD_LABEL}”" in formulas[sheet]["A2"].value
        assert "tā ir iekļauta rindā „Kopā”" in formulas[sheet]["A2"].value
        assert "komanda „ibm collect” šos bērnus nosauc ekrānā" in formulas[sheet]["A2"].value  # audit24 F24
        labels = [r[0].value for r in formulas[sheet].iter_rows(min_row=4)]
        assert labels[-2:] == [UNSPREAD_LABEL, "Kopā"], labels
        headers = [c.value for c in formulas[sheet][3]]
        col = headers.index("Kopā plānots no IB EUR") + 1
        row = 4 + labels.index(UNSPREAD_LABEL)
        assert formulas[sheet].cell(row, col).value.startswith("=SUM(")
        assert Decimal(str(values[sheet].cell(row, col).value)).quantize(Decimal("0.01")) == ib_parts[0]
        total = values[sheet].cell(row + 1, col).value
        assert Decimal(str(total)).quantize(Decimal("0.01")) == sum(ib_parts)  # every IB euro is in "Kopā"


@pytest.mark.libreoffice
def test_the_unspread_row_recalculates_in_libreoffice(small_folder, catalogue: Catalogue, template,
                                                      tmp_path) -> None:  # noqa: ANN001
    """The row's formulas (the plans' IB total minus the months' share, per municipality) give the reference value."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts")
    _, children = small_folder
    lines = tuple(dataclasses.replace(line, planned_units=()) for line in children[0].inputs.lines)
    empty = dataclasses.replace(children[0], inputs=dataclasses.replace(children[0].inputs, lines=lines))
    write_children(catalogue, template, [empty, *children[1:3]], tmp_path / "in")
    collection = collect(tmp_path / "in", catalogue, KEY, Options(jobs=1))
    book, agg, _ = write_outputs(tmp_path / "out" / "k.xlsx", collection, catalogue, pilot_municipalities(catalogue))
    assert agg.unspread_total(None) > 0
    [recalculated] = convert([book.path], tmp_path / "lo", profile=make_profile(tmp_path / "profile"))
    cells = read_xlsx(recalculated).cells
    checked = [(sheet, cell, expected) for (sheet, cell), expected in book.expected.items()
               if sheet in ("Naudas plūsma", "Ceturkšņi")]
    assert len(checked) > 20
    wrong = [f"{sheet}!{cell}: {expected} / {got.value if got else None!r}" for sheet, cell, expected in checked
             if (got := cells[sheet].get(parse_cell(cell))) is None
             or abs(Decimal(repr(float(got.value))) - Decimal(expected)) >= Decimal("0.005")]
    assert wrong == []
