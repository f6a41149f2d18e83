"""`ibm collect`: refusals with their messages, F equal to the reference's stage 3 on random matrices in ten
municipalities, totals equal to the children's sums, no personal data in the outputs. Of a pool of 100 random
children the collection reads by default the fewest that show every case the pool shows (their plans' cases as
tests/workbook/plan_sample.py describes them, each municipality and each file form: 24 on 06.12.2026), all 100 with
IBM_FULL=1 (D292)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.final_status import STATUS_ERRORS, STATUS_FINAL
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY, pseudonym
from generator.ministry.summary_front import ENVELOPE_LABEL
from generator.ministry.xlsxread import read_xlsx
from generator.reference.final_amounts import ChildAmounts, final_amounts
from generator.reference.paid_totals import paid_recorded
from generator.reference.planned_ib import plan_ib_part
from generator.reference.rounds import period_holding
from generator.reference.workbook import with_final
from generator.workbook.layout import plan_row
from generator.workbook.version import LAYOUT_REVISION
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, make_children, params, saved_form, write_children
from tests.shared_session import shared
from tests.workbook.plan_sample import FULL, covering, input_cases

ENV = {ENV_KEY: KEY.decode()}


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["collect", *args], env=ENV if env is None else env, catch_exceptions=False,
                                prog_name="ibm")


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def lv_decimal(text: str) -> Decimal:
    assert "." not in text, f"decimal comma expected: {text}"
    return Decimal(text.replace(",", "."))


# --- random matrices across ten municipalities -------------------------------------------------------------
POOL = 100
POOL_SEED = 20181001


def file_form(child: Child) -> str:
    """How the pilot writes the child's matrix (factory.write_children): every tenth re-saved by openpyxl."""
    return "xlsxpatch" if child.index % 10 else "openpyxl"


def child_cases(child: Child, catalogue: Catalogue) -> set[tuple]:
    """What one child of the pool shows the collection: its plan's cases, its municipality and its file's form."""
    return input_cases(child.inputs, params(catalogue)) | {("municipality", child.municipality),
                                                           ("file form", file_form(child))}


def pilot_children(catalogue: Catalogue) -> tuple[list[Child], list[Child]]:
    """(the pool, the children collected): every child with IBM_FULL=1, else the fewest that show every case of the
    pool (plan_sample.covering, D292)."""
    pool = make_children(catalogue, POOL, seed=POOL_SEED, one_period=True)
    if FULL:
        return pool, pool
    return pool, covering(pool, [child_cases(c, catalogue) for c in pool])


@pytest.fixture(scope="session")
def pilot(tmp_path_factory: pytest.TempPathFactory, worker_id: str, catalogue: Catalogue, template: Path):
    def make(root: Path) -> tuple[Path, list[Child], Path, tuple[int, str]]:
        folder = root / "pilots"
        made = pilot_children(catalogue)[1]
        # one collection reads both file forms (factory.write_children): every tenth re-saved by openpyxl (the
        # learned-digest path), the rest the template's bytes with the inputs patched (the template's own digests)
        children = sorted(write_children(catalogue, template, [c for c in made if c.index % 10], folder,
                                         saved_by="xlsxpatch")
                          + write_children(catalogue, template, [c for c in made if not c.index % 10], folder),
                          key=lambda c: c.index)
        out = root / "rezultats" / "kopsavilkums.xlsx"
        result = run(str(folder), "--out", str(out), "--jobs", "2")
        return folder, children, out, (result.exit_code, result.output)

    return shared(tmp_path_factory, worker_id, "pilot", make)


def expected_finals(catalogue: Catalogue, children: list[Child], envelope: Decimal | None = None, key=None):
    p = params(catalogue)
    amounts = []
    for child in children:
        r = child.result(catalogue)
        amounts.append(ChildAmounts(pseudonym(KEY, child.code), r.provisional, r.needed))
    env = envelope if envelope is not None else p.base_amount * len(children)
    return final_amounts(amounts, env, p, key=key)


def test_the_collected_children_show_every_case_of_the_pool(catalogue: Catalogue) -> None:
    """The default sample (D292) leaves out only children whose every case another collected child shows."""
    pool, collected = pilot_children(catalogue)
    wanted = set().union(*(child_cases(c, catalogue) for c in pool))
    shown = set().union(*(child_cases(c, catalogue) for c in collected))
    assert wanted - shown == set()
    assert len(collected) == POOL or len(collected) < POOL / 2, "the sample saves little: take the whole pool"


def test_random_matrices_give_the_reference_final_amounts(pilot, catalogue: Catalogue) -> None:
    folder, children, out, (exit_code, output) = pilot
    assert exit_code == 0, output
    assert f"Izmantotas {len(children)} matricas, neizmantotas 0" in output
    assert Counter(saved_form(c.path) for c in children) == Counter(file_form(c) for c in children)
    assert set(Counter(file_form(c) for c in children)) == {"xlsxpatch", "openpyxl"}
    assert len({c.municipality for c in children}) == 10
    expected = expected_finals(catalogue, children).by_id()
    assert any(c.eligible and c.top_up > 0 for c in expected.values()), "the data must exercise the redistribution"
    seen = set()
    for path in sorted((out.parent / FINAL_DIR).glob("*.csv")):
        rows = read_csv(path)
        # the first five columns stay as D116 set them; why F is not final is a column of its own (D320)
        assert rows and list(rows[0]) == ["kods", "P", "N", "F", "statuss", "iemesls"]
        for row in rows:
            want = expected[row["kods"]]
            # a matrix with rule errors sends no F (D268); the others are provisional while B is unconfirmed (D117)
            assert row["statuss"] != STATUS_FINAL, row
            final = None if row["statuss"] == STATUS_ERRORS else want.final
            assert (lv_decimal(row["P"]), lv_decimal(row["N"]), row["F"] and lv_decimal(row["F"]) or None) == (
                want.provisional, want.needed, final), row
            seen.add(row["kods"])
        municipality = path.stem.split("_")[0]
        assert {r["kods"] for r in rows} == {pseudonym(KEY, c.code) for c in children if c.municipality == municipality}
    assert seen == set(expected)


def test_summary_totals_are_the_sums_of_the_children(pilot, catalogue: Catalogue) -> None:
    _, children, out, _ = pilot
    finals = expected_finals(catalogue, children)
    by_id = finals.by_id()
    book = read_xlsx(out)
    munis = book.cells["Pašvaldības"]
    # the municipality by its name (audit35 F9), its id in the next column; the total row's label
    rows = {getattr(munis.get((r, 2)), "value", None) or "Kopā": r for (r, c) in munis if c == 1 and r >= 4}
    for m in {c.municipality for c in children} | {"Kopā"}:
        mine = [c for c in children if m in ("Kopā", c.municipality)]
        f = [by_id[pseudonym(KEY, c.code)] for c in mine]
        # A and K with the F the collection sets, not the matrix's (D174)
        results = [with_final(c.inputs, c.result(catalogue), params(catalogue), x.final) for c, x in zip(mine, f, strict=True)]
        row = rows[m]
        want = [len(mine), sum(x.eligible for x in f), sum(r.provisional for r in results),
                sum(r.needed for r in results), sum(r.available for r in results), sum(r.total for r in results),
                sum(x.final - x.top_up for x in f), sum(x.top_up for x in f), sum(x.final for x in f),
                sum(r.execution.planned_total for r in results),
                # every payment typed, a void line's too (D385): the random plans hold such lines
                sum(paid_recorded(c.inputs, r.execution).total for c, r in zip(mine, results, strict=True))]
        got = [munis[(row, col)].value for col in range(3, 14)]
        assert [Decimal(str(g)).quantize(Decimal("0.01")) for g in got] == [
            Decimal(w).quantize(Decimal("0.01")) for w in want], m
    summary = {book.cells["Kopsavilkums"][(r, 1)].value: book.cells["Kopsavilkums"].get((r, 2))
               for (r, c) in book.cells["Kopsavilkums"] if c == 1 and r >= 4}
    for label, value in (("Pārdales fonds R, EUR", finals.pool), ("Nesadalītais atlikums, EUR", finals.unallocated),
                         ("Sadalīts bērniem ar N > P, EUR", finals.distributed),
                         (ENVELOPE_LABEL, finals.envelope)):
        assert Decimal(str(summary[label].value)).quantize(Decimal("0.01")) == value, label


def test_no_name_or_personal_code_in_any_output(pilot) -> None:
    _, children, out, (_, output) = pilot
    texts = [output]
    with zipfile.ZipFile(out) as zf:
        texts += [zf.read(n).decode("utf-8", "replace") for n in zf.namelist()]
    texts += [p.read_text(encoding="utf-8-sig") for p in (out.parent / FINAL_DIR).glob("*.csv")]
    blob = "\n".join(texts)
    assert "Paraugs" not in blob
    for child in children:
        code = child.code
        assert code not in blob and code.replace("-", "") not in blob, child.index
        assert child.name not in blob


def test_summary_has_the_monthly_and_quarterly_cash_flow(pilot) -> None:
    _, children, out, _ = pilot
    wb = load_workbook(out)
    assert {"Naudas plūsma", "Ceturkšņi", "Grupas", "Pakalpojumi", "Bērni"} <= set(wb.sheetnames)
    cash = wb["Naudas plūsma"]
    assert cash["A3"].value == "Mēnesis"
    assert isinstance(cash["B4"].value, str) and cash["B4"].value.startswith("=SUMIFS(")
    quarters = [r[0].value for r in wb["Ceturkšņi"].iter_rows(min_row=4) if r[0].value]
    # the period's quarters, then one row for the plan months outside it (D143), before "Kopā"
    assert quarters[-2:] == ["Ārpus pārskata perioda", "Kopā"] and all("ceturksnis" in q for q in quarters[:-2])
    # "plānots" is the whole plan (N), beside it the estimated IB part of it (audit13 F15, D123)
    for sheet in ("Naudas plūsma", "Ceturkšņi"):
        assert "viss plāns un IB daļa" in wb[sheet]["A1"].value
        assert "arī daļa, ko IB nesedz" in wb[sheet]["A2"].value and "novērtējums" in wb[sheet]["A2"].value
        headers = [c.value for c in wb[sheet][3] if c.value]
        planned = [h for h in headers if "plānots EUR (viss plāns)" in h]
        ib = [h for h in headers if h.endswith("plānots no IB EUR")]
        assert len(planned) == len(ib) == len({c.municipality for c in children}) + 1, headers
        assert [headers.index(h) + 1 for h in planned] == [headers.index(h) for h in ib], "side by side"


def test_summary_spreads_each_childs_ib_part_over_its_months(pilot, catalogue: Catalogue) -> None:
    """"Plānots no IB" (D123): for each child its months add up to the plan's IB part (6.4 "No IB"), never more
    than its planned amount, and no month gets more than it plans; the cash flow's total is their sum."""
    _, children, out, _ = pilot
    wb = load_workbook(out)
    months = wb["Mēnešu dati"]
    assert [c.value for c in months[3]][4:7] == ["Plānots EUR (6.7. tabula)", "Plānots no IB EUR (novērtējums)",
                                                 "Samaksāts EUR (6.10. tabula)"]
    spread: dict[str, list[tuple[Decimal, Decimal]]] = {}
    for row in months.iter_rows(min_row=4, values_only=True):
        spread.setdefault(row[0], []).append((Decimal(str(row[4])), Decimal(str(row[5]))))
    assert len(spread) == len(children)
    total = Decimal(0)
    below = 0
    # the IB part with the F the collection sets (D174), as the reference sets it: the CSV has no F for a matrix with
    # rule errors (D268), but the summary keeps it, so that the pool adds up
    finals = expected_finals(catalogue, children).by_id()
    for child in children:
        r = with_final(child.inputs, child.result(catalogue), params(catalogue),
                       finals[pseudonym(KEY, child.code)].final)
        ib_part = sum((v for v in r.line_ib if v is not None), Decimal(0))
        rows = spread[pseudonym(KEY, child.code)]
        want = min(ib_part, r.execution.planned_total)
        assert sum((ib for _, ib in rows), Decimal(0)).quantize(Decimal("0.01")) == want, child.index
        assert all(Decimal(0) <= ib <= planned for planned, ib in rows), child.index
        below += ib_part < r.execution.planned_total
        total += want
    assert below, "the data must have a child whose IB part is less than its plan"
    cash = wb["Naudas plūsma"]
    headers = [c.value for c in cash[3]]
    total_row = next(r for r in cash.iter_rows(min_row=4) if r[0].value == "Kopā")
    cached = load_workbook(out, data_only=True)["Naudas plūsma"].cell(total_row[0].row, headers.index(
        "Kopā plānots no IB EUR") + 1).value
    assert Decimal(str(cached)).quantize(Decimal("0.01")) == total


def test_summary_names_the_catalogue_version_as_a_person_reads_it(pilot, catalogue: Catalogue) -> None:
    _, _, out, _ = pilot
    line = load_workbook(out)["Kopsavilkums"]["A2"].value
    # only the id: the catalogue's date beside it read like the date of the prices (D80, D91; audit13 F12)
    assert f"kataloga versija {lvformat.version_id(catalogue.version)};" in line and catalogue.version not in line
    assert "katalogs " not in line


def test_summary_csvs_and_console_name_the_reporting_period(pilot, catalogue: Catalogue) -> None:
    _, children, out, (_, output) = pilot
    periods = {period_holding(catalogue.children_reporting_periods(), c.inputs.period_start) for c in children}
    assert len(periods) == 1
    label = periods.pop().label  # "01.04.2019–30.09.2019"
    assert f"pārskata periods {label}" in load_workbook(out)["Kopsavilkums"]["A1"].value
    assert f"pārskata periods {label}." in output
    names = sorted(p.name for p in (out.parent / FINAL_DIR).glob("*.csv"))
    assert names and all(n.endswith(f"_{label.replace('–', '-')}_provizoriski.csv") for n in names), names


def test_summary_prints_latvian_numbers_and_names_as_a_person_reads_them(pilot, catalogue: Catalogue) -> None:
    """audit13 F3, F5, F7: Latvian number formats whatever the reader's locale, per-sheet page numbers with no
    total, no shrinking to the page width, key columns repeated; names from the catalogue, en-dash ranges, no
    Markdown."""
    _, children, out, _ = pilot
    wb = load_workbook(out)
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    for ws in wb.worksheets:
        assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.scale in (None, 100) and ws.page_setup.orientation == "landscape", ws.title
        assert ws.print_area, ws.title
        assert "&N" not in ws.oddFooter.right.text and f"{ws.title}, &P. lapa" in ws.oddFooter.right.text
        assert "pārskata periods" in ws.oddHeader.left.text, ws.title
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    fmt = cell.number_format
                    assert fmt in ("0", "General", "dd.mm.yyyy", "mm.yyyy") or fmt.startswith("[$-426]"), (
                        ws.title, cell.coordinate, fmt)
                if isinstance(cell.value, str):
                    assert "`" not in cell.value, (ws.title, cell.coordinate)
    assert wb["Bērni"].print_title_cols == "$A:$B" and wb["Pašvaldības"].print_title_cols == "$A:$B"
    # a sheet that continues to the right prints from its column headers, its title in the page header
    for ws in wb.worksheets:
        if ws.print_title_cols:
            assert ws.print_title_rows == "$3:$3" and "$A$3:" in str(ws.print_area), ws.title
            assert ws.oddHeader.left.text.endswith(f"\n&B {ws['A1'].value}&B"), ws.title
        else:
            assert ws.print_title_rows.startswith("$1:") and "$A$1:" in str(ws.print_area), ws.title
    kids = wb["Bērni"]
    column = {c.value: c.column_letter for c in kids[3] if c.value}  # by header: columns move (D174 dropped one)
    rate = next(c for c in kids[column["Likme"]][3:] if c.value is not None)
    assert rate.number_format.endswith('" "%'), rate.number_format  # "100 %"
    used = sorted({c.municipality for c in children})
    for sheet in ("Grupas", "Pakalpojumi"):
        headers = [c.value.split(": ")[0] if c.value else c.value for c in wb[sheet][3]]  # „Rīga: no IB EUR”
        assert sorted(names[m] for m in used) == sorted(h for h in headers if h in names.values()), sheet
        assert not set(used) & set(headers), sheet
    groups = [c.value for c in wb["Grupas"]["A"] if isinstance(c.value, str) and c.value[:1].isdigit()
              and "%" not in c.value]
    assert groups and all("–" in g and "-" not in g for g in groups), groups
    ages = [c.value for c in kids[column["Vecuma grupa"]][3:] if c.value]
    assert ages and all("-" not in a for a in ages), "age groups with an en dash"


# --- refusals ------------------------------------------------------------------------------------------------
@pytest.fixture
def one_good(tmp_path: Path, small_folder) -> Path:
    """A folder with one good matrix, to which a test adds a bad file."""
    _, children = small_folder
    folder = tmp_path / "in"
    (folder / "ogre").mkdir(parents=True)
    shutil.copy(children[0].path, folder / "ogre" / "laba.xlsx")
    return folder


def collect_messages(folder: Path, tmp_path: Path) -> str:
    result = run(str(folder), "--out", str(tmp_path / "out" / "k.xlsx"), "--jobs", "1")
    assert result.exit_code == 3, result.output  # outputs written, a file refused
    assert "Izmantota 1 matrica, neizmantota 1" in result.output
    return result.output


def edit(src: Path, dst: Path, change) -> Path:  # noqa: ANN001
    wb = load_workbook(src)
    change(wb)
    dst.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dst)
    return dst


def cell_of(wb, name: str):  # noqa: ANN001, ANN201
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][ref.replace("$", "").split(":")[0]]


def test_refuses_a_file_that_is_not_a_workbook(one_good: Path, tmp_path: Path) -> None:
    (one_good / "ogre" / "teksts.xlsx").write_text("šis nav xlsx", encoding="utf-8")
    out = collect_messages(one_good, tmp_path)
    # a file that cannot be opened as a matrix is named by its hash: its name cannot be checked (D221)
    assert re.search(r"ogre/matrica-[0-9a-f]{12}\.xlsx: nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts", out), out
    assert "teksts" not in out


def test_refuses_another_spreadsheet_format(one_good: Path, tmp_path: Path) -> None:
    (one_good / "ogre" / "vecs.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    out = collect_messages(one_good, tmp_path)
    assert re.search(r"ogre/matrica-[0-9a-f]{12}\.xls: nav xlsx fails \(paplašinājums „\.xls”; gaidīts: \.xlsx\) – "
                     r"atveriet to Excel vai LibreOffice", out), out


def test_refuses_a_foreign_workbook(one_good: Path, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "Atskaite 28"
    wb.save(one_good / "ogre" / "atskaite.xlsx")
    out = collect_messages(one_good, tmp_path)
    # a workbook with no child in it is named by its hash: its name cannot be checked (D221)
    assert re.search(r"ogre/matrica-[0-9a-f]{12}\.xlsx: nav IBM matrica \(darbgrāmatā nav definēto nosaukumu "
                     r"IBM_Saskarne un IBM_Versija\)", out), out


def test_refuses_a_newer_template_that_templates_knows(one_good: Path, catalogue: Catalogue) -> None:
    """D330: a matrix of a newer catalogue is refused also when --templates holds its blank template – its values
    (a withdrawal's marks among them) are that catalogue's; it was once collected as final with a „migrate” note."""
    from generator.ministry.reading import read_matrix
    from generator.ministry.templates import TemplateSource

    class Older(TemplateSource):  # this run's catalogue is older than the matrix's, whose template is in a folder
        current_version = "2000-01-01+0123abcd.1"

    templates = Older(catalogue)
    path = one_good / "ogre" / "laba.xlsx"
    templates._files[TemplateSource(catalogue).current_version] = TemplateSource(catalogue).current()
    result = read_matrix(path, one_good, catalogue, templates, KEY)
    assert result.refusal is not None and result.record is None, result
    assert "matrica ir jaunākas veidnes versijas" in " ".join(result.refusal.reasons), result.refusal


def test_refuses_a_newer_template_and_a_newer_interface(one_good: Path, tmp_path: Path) -> None:
    good = one_good / "ogre" / "laba.xlsx"
    edit(good, one_good / "ogre" / "jauna.xlsx", lambda wb: setattr(cell_of(wb, "IBM_Versija"), "value",
                                                                    "2099-01-01+0123abcd"))
    out = collect_messages(one_good, tmp_path)
    assert ("ogre/jauna.xlsx: matrica ir jaunākas veidnes versijas 0123abcd (katalogs 01.01.2099) nekā pašreizējais "
            "katalogs") in out
    assert "2099-01-01+" not in out  # a person reads the version without the ISO date
    (one_good / "ogre" / "jauna.xlsx").unlink()
    edit(good, one_good / "ogre" / "saskarne.xlsx", lambda wb: setattr(cell_of(wb, "IBM_Saskarne"), "value", "3"))
    out = collect_messages(one_good, tmp_path)
    # the cell as every other message names it, not „6.11!B5 (IBM_Saskarne)” (review37 F7)
    assert ("ogre/saskarne.xlsx: 6.11. tabula, B5 „Saskarnes versija (definēto nosaukumu kopa)”: matrica ir jaunākas "
            "saskarnes versijas 3, nekā šī rīkkopa pazīst (1 vai 2); atjauniniet rīkkopu") in out


def test_refuses_an_unknown_older_template(one_good: Path, tmp_path: Path) -> None:
    edit(one_good / "ogre" / "laba.xlsx", one_good / "ogre" / "veca.xlsx",
         lambda wb: setattr(cell_of(wb, "IBM_Versija"), "value", "2018-08-01+00000000"))
    out = collect_messages(one_good, tmp_path)
    assert "ogre/veca.xlsx: veidnes versija 00000000 (katalogs 01.08.2018) nav pašreizējā" in out and "`" not in out
    # D342: first what the worker or the analyst does with the file – make it again or migrate it –, and only then
    # what lets the ministry check it after all (D309): the old build's blank matrices or another registry
    said = " ".join(out.split())
    assert ("(to tajā ieraksta „ibm fingerprint”, pirms matricas izsniedz); aizpildiet matricu no jauna pašreizējā "
            "veidnē vai pārnesiet to uz pašreizējo veidni ar komandu „ibm migrate” (tā pārnes ievadīto, bet vecās "
            "veidnes formulas nepārbauda – salīdziniet apmērus ar veco matricu), un savāciet to vēlreiz; tikai "
            "ministrija, kurai šīs versijas tukšās matricas vēl ir (iepriekšējā „ibm build” mapē "
            "lejupielades/matrica/), var norādīt šo mapi ar --templates (vai citu reģistru ar --registry) – tad šo "
            "matricu savāc ar formulu pārbaudi") in said, out


def test_refuses_a_tampered_formula_naming_the_cell(one_good: Path, tmp_path: Path) -> None:
    def tamper(wb) -> None:  # noqa: ANN001
        cell = cell_of(wb, "IB_Nepieciesamais")
        tamper.where = f"{cell.parent.title}. tabula, {cell.coordinate} „"  # with its label (ministrycheck F2)
        cell.value = 1234.5

    edit(one_good / "ogre" / "laba.xlsx", one_good / "ogre" / "labota.xlsx", tamper)
    out = collect_messages(one_good, tmp_path)
    assert "ogre/labota.xlsx: matrica neatbilst veidnei" in out
    assert re.search(re.escape(tamper.where) + r"[^”\n]+”: formula aizstāta ar vērtību", out), out


def test_refuses_missing_names(one_good: Path, tmp_path: Path) -> None:
    edit(one_good / "ogre" / "laba.xlsx", one_good / "ogre" / "bez.xlsx",
         lambda wb: wb.defined_names.pop("Plans_Daudzums"))
    out = collect_messages(one_good, tmp_path)
    # the template's place as documents name it: the table, the area and its label (audit36a F8e)
    assert (f"ogre/bez.xlsx: trūkst definētā nosaukuma Plans_Daudzums (veidnē: 6.3. tabula, G9:G{plan_row(39)} "
            "„Daudzums periodā”): matricas struktūra ir bojāta") in out


def test_refuses_missing_required_inputs(one_good: Path, tmp_path: Path) -> None:
    def blank(wb) -> None:  # noqa: ANN001
        cell_of(wb, "Berns_PersonasKods").value = None
        cell_of(wb, "Perioda_Menesi").value = None

    edit(one_good / "ogre" / "laba.xlsx", one_good / "ogre" / "tuksa.xlsx", blank)
    out = collect_messages(one_good, tmp_path)
    # each cell with its table and label, as `ibm documents` names it, no defined name (ministrycheck F3)
    label = r" „[^”\n]+”( \(6\.11\. tabulas \d+\. rinda\))?: "
    assert re.search(r"ogre/tuksa\.xlsx: 6\.1\. tabula, B14" + label + r"nav aizpildīts \(gaidīts: teksts\)", out), out
    assert re.search(r"ogre/tuksa\.xlsx: 6\.1\. tabula, B39" + label + r"nav aizpildīts \(gaidīts: vesels skaitlis 1–6\)",
                     out), out
    assert "Berns_PersonasKods" not in out and "Perioda_Menesi" not in out and "6.1!" not in out


def test_refuses_a_plan_outside_every_reporting_period(one_good: Path, tmp_path: Path) -> None:
    """D21: without a reporting period there is no check date and no P; the collection names the cell."""
    def move(wb) -> None:  # noqa: ANN001
        cell_of(wb, "Perioda_Sakums").value = dt.datetime(2035, 1, 1)

    edit(one_good / "ogre" / "laba.xlsx", one_good / "ogre" / "arpus.xlsx", move)
    out = collect_messages(one_good, tmp_path)
    assert re.search(r"ogre/arpus\.xlsx: 6\.1\. tabula, B\d+ „[^”\n]+”( \(6\.11\. tabulas \d+\. rinda\))?: IB nevar "
                     r"aprēķināt: plāna sākums 01\.01\.2035", out), out  # no "6.1!B38 (Perioda_Sakums)" (F3)
    assert "Perioda_Sakums" not in out
    assert "nav nevienā programmas kārtas pārskata periodā" in out


def test_refuses_an_empty_folder_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "tuksa" / "ogre").mkdir(parents=True)
    (tmp_path / "tuksa" / "ogre" / "skenejums.pdf").write_bytes(b"%PDF-1.4")
    result = run(str(tmp_path / "tuksa"), "--out", str(tmp_path / "out" / "k.xlsx"))
    assert result.exit_code == 2  # a wrong folder given, before any work, as documents and migrate say it (D121)
    assert ("nav nevienas izklājlapas (gaidīts: aizpildītas IBM matricas .xlsx); mapē ir tikai 1 cits fails (.pdf), "
            "kas nav matrica. Palīdzība: ibm collect --help.") in result.output, result.output  # what it holds (F5)
    assert not (tmp_path / "out").exists()


def test_lists_the_reasons_when_no_matrix_is_usable(tmp_path: Path) -> None:
    (tmp_path / "in" / "ogre").mkdir(parents=True)
    Workbook().save(tmp_path / "in" / "ogre" / "cits.xlsx")
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out" / "k.xlsx"))
    assert result.exit_code == 1
    assert re.search(r"ogre/matrica-[0-9a-f]{12}\.xlsx: nav IBM matrica", result.output), result.output  # hashed (D221)
    assert "nav nevienas izmantojamas IBM matricas (1 neizmantotas); nekas netika uzrakstīts" in result.output
    assert not (tmp_path / "out").exists()


def test_refuses_bad_options(small_folder, tmp_path: Path) -> None:
    folder, _ = small_folder
    for args, message, status in (  # an invalid value is status 2 (README, D121), also --out inside MAPE (audit21 F14)
        (["--out", str(tmp_path / "k.xlsx"), "--envelope", "-5"], "--envelope „-5” nav summa (gaidīts: EUR", 2),
        (["--out", str(tmp_path / "k.xlsx"), "--envelope", "daudz"], "--envelope „daudz” nav summa", 2),
        (["--out", str(tmp_path / "k.csv")], "kopsavilkumam vajag .xlsx failu", 2),
        (["--out", str(folder / "k.xlsx")], f"--out „{folder / 'k.xlsx'}” ir savācamajā mapē „{folder}”", 2),
    ):
        result = run(str(folder), *args)
        assert result.exit_code == status and message in result.output, (args, result.output)
    # --out in the previous period's folder: named as that folder, not as the collected one (audit27b F2)
    first = next(folder.rglob("*.xlsx"))  # a folder with a spreadsheet: an empty one is refused first (D121)
    (tmp_path / "tagad" / first.parent.name).mkdir(parents=True)
    shutil.copy(first, tmp_path / "tagad" / first.parent.name / first.name)
    result = run(str(tmp_path / "tagad"), "--out", str(folder / "k.xlsx"), "--previous", str(folder))
    assert result.exit_code == 2, result.output
    assert f"--out „{folder / 'k.xlsx'}” ir iepriekšējā perioda mapē (--previous) „{folder}”" in result.output, \
        result.output
    assert "savācamajā" not in result.output, result.output
    assert not (tmp_path / "k.xlsx").exists() and not (folder / "k.xlsx").exists()


def test_refuses_to_work_without_a_key(small_folder, tmp_path: Path) -> None:
    folder, _ = small_folder
    result = run(str(folder), "--out", str(tmp_path / "k.xlsx"), env={ENV_KEY: ""})
    assert result.exit_code == 2  # a missing parameter (README, D121)
    assert "nav pseidonimizācijas atslēgas: norādiet --key-file vai vides mainīgo IBM_PSEUDONIMA_ATSLEGA" in result.output
    assert not (tmp_path / "k.xlsx").exists()


def test_key_file_and_envelope_option(small_folder, tmp_path: Path, catalogue: Catalogue) -> None:
    folder, children = small_folder
    key_file = tmp_path / "atslega.txt"
    key_file.write_bytes(KEY + b"\n")
    out = tmp_path / "k.xlsx"
    result = run(str(folder), "--out", str(out), "--key-file", str(key_file), "--envelope", "30 000,00",
                 "--split", "gap", "--jobs", "1", env={ENV_KEY: ""})
    assert result.exit_code == 0, result.output
    expected = expected_finals(catalogue, children, Decimal("30000.00"), key="gap").by_id()
    rows = [row for p in (tmp_path / FINAL_DIR).glob("*.csv") for row in read_csv(p)]
    # the summary keeps every F; the CSV has none for a matrix with rule errors (D268)
    got = {row["kods"]: lv_decimal(row["F"]) for row in rows if row["statuss"] != STATUS_ERRORS}
    # exactly the children whose matrix has counted rule errors (by the reference) have no F, every other F is the
    # reference's with this envelope and key, and every row's P and N are the reference's (review33: the F of a
    # random folder, whose plans mostly have errors, alone compared nothing)
    results = {pseudonym(KEY, c.code): c.result(catalogue) for c in children}
    with_errors = {code for code, r in results.items() if r.errors}
    assert {row["kods"] for row in rows} == set(results)
    assert {row["kods"] for row in rows if row["statuss"] == STATUS_ERRORS} == with_errors
    assert got == {k: v.final for k, v in expected.items() if k not in with_errors}
    assert {row["kods"]: (lv_decimal(row["P"]), lv_decimal(row["N"])) for row in rows} == {
        code: (r.provisional, r.needed) for code, r in results.items()}
    assert all(row["F"] == "" for row in rows if row["statuss"] == STATUS_ERRORS)


def test_duplicate_child_is_not_used(small_folder, tmp_path: Path) -> None:
    """Two different files of the same child: neither is used (a byte-identical copy is used once, see
    test_collect_safety.py)."""
    folder, children = small_folder
    copy = tmp_path / "dup"
    shutil.copytree(folder, copy)
    edit(children[0].path, copy / children[0].municipality / "atkartots.xlsx",
         lambda wb: setattr(cell_of(wb, "Berns_VardsUzvards"), "value", children[0].name + " (labots)"))
    result = run(str(copy), "--out", str(tmp_path / "k.xlsx"), "--jobs", "1")
    assert result.exit_code == 3, result.output
    assert f"Izmantotas {len(children) - 1} matricas, neizmantotas 2" in result.output
    assert "matrica ir vairākos failos" in result.output
    # the other files are named as the line heads name them, not by a bare content hash (audit15 F9)
    first = children[0].path.relative_to(folder).as_posix()
    assert f"vairākos failos ({children[0].municipality}/atkartots.xlsx, {first})" in result.output or \
        f"vairākos failos ({first}, {children[0].municipality}/atkartots.xlsx)" in result.output, result.output


def test_previous_period_underspend_enters_the_pool(small_folder, later_folder, tmp_path: Path,  # noqa: ANN001
                                                   catalogue: Catalogue) -> None:
    previous, children = small_folder
    result = collect(later_folder[0], catalogue, KEY, Options(previous=previous, jobs=1))
    # the planned side is each previous plan's IB part (D7, audit27b F1): the part of N the IB does not fund is no
    # underspend; the data must have a child whose IB part is less than its planned EUR, or the test proves nothing
    # a previous matrix with no payment in 6.10 is no reported execution: not in the pool (D7)
    reported = [c for c in children if any(line.paid for line in c.inputs.lines)]
    results = [c.result(catalogue) for c in reported]
    assert len(results) >= len(children) // 2
    ib_parts = [min(plan_ib_part(r.line_ib), r.execution.planned_total) for r in results]
    assert any(ib < r.execution.planned_total for ib, r in zip(ib_parts, results, strict=True))
    planned = sum(ib_parts, Decimal(0))
    # every payment typed, a void line's too (D385)
    paid = sum(paid_recorded(c.inputs, r.execution).total for c, r in zip(reported, results, strict=True))
    fa = result.finals
    assert (fa.previous_planned, fa.previous_actual, fa.underspend) == (planned, paid, planned - paid)
    assert fa.pool == max(Decimal(0), fa.envelope - fa.stage2_total + planned - paid)
    assert not result.refused


def test_stale_cached_value_is_reported_but_not_used(small_folder, tmp_path: Path, catalogue: Catalogue) -> None:
    folder, children = small_folder
    child = children[1]
    target = tmp_path / "stale" / child.municipality / "m.xlsx"
    target.parent.mkdir(parents=True)
    book = read_xlsx(child.path)
    ref = book.name_ref("IB_Nepieciesamais")
    assert ref is not None
    # a cached value in the formula cell, as an old save or a hand edit of the XML would leave it
    with zipfile.ZipFile(child.path) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        from generator.ministry.xlsxread import a1, sheet_parts

        part = sheet_parts(zin)[ref.sheet]
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode()
                cell = a1(ref.first)
                start = text.index(f'<c r="{cell}"')
                end = text.index("</c>", start)
                text = text[:end] + "<v>999999.99</v>" + text[end:]
                data = text.encode()
            zout.writestr(info, data)
    result = collect(target.parent.parent, catalogue, KEY, Options(jobs=1))
    assert [(s.name, s.cached, s.recomputed) for s in result.stale] == [
        ("IB_Nepieciesamais", 999999.99, child.result(catalogue).needed)]
    assert result.records[0].result.needed == child.result(catalogue).needed


def test_no_personal_data_even_when_files_are_named_after_children(small_folder, tmp_path: Path,
                                                                   catalogue: Catalogue) -> None:
    """Municipalities may name files after the child; refused files and their reasons show no name or personal code
    in the summary, the CSVs or on the console (a name that shows the child is replaced by the file's hash, D221)."""
    _, children = small_folder
    folder = tmp_path / "in"
    for child in children:
        target = folder / child.municipality / f"{child.name} {child.code}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(child.path, target)
    bad = children[0]
    edit(bad.path, folder / bad.municipality / f"{bad.name} kļūdains.xlsx",
         lambda wb: setattr(cell_of(wb, "Berns_PersonasKods"), "value", bad.code + "9"))
    edit(bad.path, folder / bad.municipality / f"{bad.name} {bad.code} labots.xlsx",
         lambda wb: setattr(cell_of(wb, "IB_Kopejais"), "value", 1))
    (folder / bad.municipality / f"{bad.name}.xls").write_bytes(b"\xd0\xcf")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(folder), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 3, result.output
    assert "Neizmantoti 3 faili" in result.output and bad.name not in result.output, result.output
    texts = []
    with zipfile.ZipFile(out) as zf:
        texts += [zf.read(n).decode("utf-8", "replace") for n in zf.namelist()]
    texts += [p.read_text(encoding="utf-8-sig") for p in (out.parent / FINAL_DIR).glob("*.csv")]
    blob = "\n".join(texts)
    assert "Paraugs" not in blob
    for child in children:
        assert child.code not in blob and child.code.replace("-", "") not in blob
    assert "personas kodam jābūt formā 000000-00000" in blob  # the reason is there, without the code


def test_previous_period_of_an_unknown_older_version_is_read_by_names(small_folder, later_folder,  # noqa: ANN001
                                                                      tmp_path: Path, catalogue: Catalogue) -> None:
    """The previous period's matrices only give planned and paid EUR: an older template version that is not
    known is read through its names (shapes checked) and noted, not refused."""
    _, children = small_folder
    folder = later_folder[0]
    # in another municipality's folder: the warning the collected folder's files get is said for it too (fix27c)
    other = next(m for m in pilot_municipalities(catalogue) if m != children[2].municipality)
    previous = tmp_path / "ieprieks" / other
    previous.mkdir(parents=True)
    edit(children[2].path, previous / "veca.xlsx",
         # an unregistered version of this layout revision: its plan lines are found by the revision's spacer rows
         lambda wb: setattr(cell_of(wb, "IBM_Versija"), "value", f"2019-01-01+00000000.{LAYOUT_REVISION}"))
    result = run(str(folder), "--out", str(tmp_path / "k.xlsx"), "--previous", str(tmp_path / "ieprieks"),
                 "--jobs", "1")
    assert result.exit_code == 0, result.output
    # said to be the previous period's: „ogre/veca.xlsx” alone read as a file of the collected folder (fix27c); by a
    # label, not the folder's own name, which may name a child (review28 F2)
    assert (f"Piezīme: iepriekšējā perioda mapē {other}/veca.xlsx: veidnes versija 00000000.{LAYOUT_REVISION} "
            "(katalogs 01.01.2019) "
            "nav zināma: pārbaudīta tikai nosaukumu struktūra") in result.output
    warning = next((line for line in result.output.splitlines()
                    if line.startswith(f"Brīdinājums: iepriekšējā perioda mapē {other}/veca.xlsx: matricā norādītā "
                                       "pašvaldība ir ")), None)
    assert warning is not None, result.output
    # its unused amount enters the one pool: nothing was added to a municipality (review28 F4)
    assert "pieskaitīti pašvaldībai" not in warning and "pārdales fondā no mapes nav atkarīga" in warning, warning
    notes = [row[1].value for row in load_workbook(tmp_path / "k.xlsx")["Piezīmes par failiem"].iter_rows(min_row=4)]
    assert warning in notes, notes
    # the summary names the --previous folder by its own name, not its full path (a path may hold a user's name,
    # audit27b F10)
    page = {r[0].value: r[2].value for r in load_workbook(tmp_path / "k.xlsx")["Kopsavilkums"].iter_rows(min_row=4)
            if r[0].value}
    assert page["Iepriekšējā perioda plānotais no IB, EUR"].startswith("no mapes „ieprieks”; plāna IB daļa"), page
    assert not any(str(tmp_path) in str(v) for v in page.values()), page
    direct = collect(folder, catalogue, KEY, Options(previous=tmp_path / "ieprieks", jobs=1))
    old = children[2].result(catalogue)
    assert (direct.finals.previous_planned, direct.finals.previous_actual) == (
        min(plan_ib_part(old.line_ib), old.execution.planned_total), old.execution.paid_total)


@pytest.mark.parametrize("which", ["same", "first"])
def test_previous_folder_of_another_period_is_refused(small_folder, later_folder, tmp_path: Path,  # noqa: ANN001
                                                      catalogue: Catalogue, which: str) -> None:
    """--previous holds the underspend of the period just before the collected one (D222): the collected folder
    given again (its own money counted twice) is a parameter error found before any matrix is read (status 2), any
    --previous with the round's first period (the catalogue's round has two) is refused with status 1; nothing is
    written."""
    current, previous = {"same": (later_folder[0], later_folder[0]), "first": (small_folder[0], later_folder[0])}[which]
    out = tmp_path / "darbs" / "k.xlsx"
    result = run(str(current), "--out", str(out), "--previous", str(previous), "--jobs", "1")
    assert result.exit_code == (1 if which == "first" else 2), result.output
    assert "Traceback" not in result.output, result.output
    assert not out.parent.exists()
    if which == "first":
        assert "nekas netika uzrakstīts" in result.output, result.output
        first = catalogue.children_reporting_periods()[0].label
        pilot = catalogue.pilot_round("bērni")
        message = " ".join(result.output.split())  # the round's first period: it has no previous one (D299)
        assert f"savāktais pārskata periods {first} ir kārtas „{pilot.name_lv}” ({pilot.id}) pirmais" in message, \
            message
        assert "--previous nenorādiet" in result.output
    else:
        assert f"--previous „{previous}” ir tā pati mape, kas MAPE „{current}”" in result.output, result.output


def test_a_previous_folder_named_with_a_personal_code_is_not_shown() -> None:
    """review28 F2: the summary names the --previous folder by its own name (audit27b F10), but not one with six
    digits in a row (a personal code's, D221)."""
    from generator.ministry.collect import folder_name

    assert folder_name(Path("/dati/2019-1-periods")) == "2019-1-periods"
    assert folder_name(Path("/dati/Paraugs Jānis 010110-12345")) == "…"
