"""`ibm collect` sends no final amount F as „galīgs” that rests on a matrix with rule errors or on a price checked
against an unconfirmed ceiling (D268, D269), and its default funding uses the B typed in every matrix (D72, D268)
or warns when Σ P exceeds it (audit33a F1, F3, F4)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.lvformat import NBSP, eur
from generator.ministry.final_status import (
    CEILING_REASON,
    STATUS_CEILING,
    STATUS_ERRORS,
    STATUS_FINAL,
    STATUS_PROVISIONAL,
)
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import pseudonym
from generator.ministry.summary_front import ENVELOPE_LABEL
from generator.reference.findings import Severity
from tests.documents.conftest import normalise
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, in_next_period, two_line_child, write_children

ENV = {"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()}
OTHER_B = "Bērnu skaits, kuru matricā ierakstītais B atšķiras no kataloga B"  # the front page's row
DEFAULT_ON = "finansējuma noklusējums rēķināts ar"
GROUP, ESCORT, OTHER = "3.1.3g", "2.1", "3.1.3i"  # 3.1.3g's ceiling 25,93; 2.1's „jāprecizē”


def _child(catalogue: Catalogue, index: int, municipality: str, first: tuple[str, int, Decimal],
           base: Decimal | None = Decimal("3000.00")) -> Child:
    return two_line_child(catalogue, index, municipality, first, base)


def _errors(catalogue: Catalogue, index: int = 0) -> Child:
    """A group session at 30,00 EUR, above its 25,93 ceiling: a rule error (D22)."""
    child = _child(catalogue, index, "bauska", (GROUP, 12, Decimal("30.00")))
    assert any(f.severity is Severity.error and f.counts for f in child.result(catalogue).findings)
    return child


def _ceiling(catalogue: Catalogue, index: int = 1, base: Decimal | None = Decimal("3000.00")) -> Child:
    """An escort line (2.1), whose ceiling is „jāprecizē”: a warning, no error."""
    child = _child(catalogue, index, "talsi", (ESCORT, 10, Decimal("3.10")), base)
    codes = {f.code for f in child.result(catalogue).findings if f.counts}
    assert "ceiling_unconfirmed" in codes and not child.result(catalogue).errors, codes
    return child


def _plain(catalogue: Catalogue, index: int = 2, base: Decimal | None = Decimal("3000.00")) -> Child:
    child = _child(catalogue, index, "ogre", (OTHER, 10, Decimal(20)), base)
    found = [f.code for f in child.result(catalogue).findings if f.counts]
    assert set(found) <= {"base_differs"}, found  # D257: a B not the catalogue's, or its unconfirmed one copied
    return child


def _collect(catalogue: Catalogue, template: Path, folder: Path, children: list[Child], *more: str):  # noqa: ANN202
    write_children(catalogue, template, children, folder / "in")
    out = folder / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(folder / "in"), "--out", str(out), "--jobs", "1", "--no-cache",
                                    *more], env=ENV)
    assert run.exit_code == 0, run.output
    return out, normalise(run.output)


def _csv(out: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Each row by child code: (the file's name, the row)."""
    rows = {}
    for path in sorted((out.parent / FINAL_DIR).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                rows[row["kods"]] = (path.name, row)
    return rows


def _children_sheet(out: Path) -> dict[str, dict[str, object]]:
    ws = load_workbook(out)["Bērni"]
    head = [c.value for c in ws[3]]
    return {r[0]: dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}


def _front(out: Path) -> dict[str, tuple[object, object]]:
    ws = load_workbook(out)["Kopsavilkums"]
    return {r[0]: (r[1], r[2]) for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}


@pytest.fixture(scope="module")
def with_errors(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path):  # noqa: ANN201
    children = [_errors(catalogue), _ceiling(catalogue), _plain(catalogue)]
    out, said = _collect(catalogue, template, tmp_path_factory.mktemp("kludas"), children)
    return children, out, said


def test_a_matrix_with_rule_errors_gets_no_final_amount(with_errors) -> None:  # noqa: ANN001
    """F1: the erroneous child's row has no F and says why; everyone else's F is provisional, the reason counted."""
    (bad, ceiling, plain), out, said = with_errors
    rows = _csv(out)
    name, row = rows[pseudonym(KEY, bad.code)]
    assert row["F"] == "" and row["statuss"] == STATUS_ERRORS, row
    assert row["P"] and row["N"], row  # P and N stay: the municipality sees what was computed
    assert rows[pseudonym(KEY, plain.code)][1]["statuss"] == STATUS_PROVISIONAL
    assert rows[pseudonym(KEY, ceiling.code)][1]["statuss"] == STATUS_CEILING
    assert all(row["statuss"] != STATUS_FINAL for _, row in rows.values())
    assert all(name.endswith("_provizoriski.csv") for name, _ in rows.values()), rows
    # each row says why its F is not final, in the summary's Σ F words (D320; „provizorisks” alone did not)
    assert row["iemesls"] == "šī bērna matricā ir noteikumu kļūdas", row
    assert rows[pseudonym(KEY, plain.code)][1]["iemesls"] == "bāzes apmērs B nav apstiprināts; 1 matricā noteikumu kļūdas"
    assert rows[pseudonym(KEY, ceiling.code)][1]["iemesls"] == (
        f"{CEILING_REASON}; bāzes apmērs B nav apstiprināts; 1 matricā noteikumu kļūdas")
    # the reason counts the matrices; the console names the file, whose errors are on „Noteikumu kļūdas”
    assert ("Uzmanību: 1 izmantotajā matricā ir noteikumu kļūdas (lapa „Noteikumu kļūdas”); šī bērna F nav derīgs "
            "(statuss „matricā kļūdas”, CSV bez summas), un, tā kā viņa N ir visu bērnu pārdales daļās, arī pārējo "
            "bērnu F ir provizoriski") in said, said
    assert "Brīdinājums: 1 izmantotajā matricā ir noteikumu kļūdas (bauska/matrica-001.xlsx;" in said, said
    # Σ F with the part the CSVs carry: the erroneous child's F is in Σ F but in no CSV (audit47b)
    sigma = said.split("Σ F = ", 1)[1].split(".", 1)[0]
    sent = sum(Decimal(r["F"].replace(",", ".")) for _, r in rows.values() if r["F"])
    assert sigma.endswith(f"(provizorisks) (CSV failos – {eur(sent).replace(NBSP, ' ')}, bez 1 bērna F, kura matricā ir kļūdas)"), said
    # the summary: each child's status beside its F, the title and Σ F's note say provisional, the count says why
    kids = _children_sheet(out)
    assert kids[pseudonym(KEY, bad.code)]["F statuss"] == STATUS_ERRORS
    assert kids[pseudonym(KEY, plain.code)]["F statuss"] == STATUS_PROVISIONAL
    wb = load_workbook(out)
    assert ", provizoriski)" in wb["Kopsavilkums"]["A1"].value
    front = _front(out)
    assert front["Σ IB galīgais (F), EUR"][1].startswith("PROVIZORISKI (bāzes apmērs B nav apstiprināts; 1 matricā noteikumu kļūdas); "), front
    # the CSV's „provizorisks” has no reason in its row: the summary ties this reason to it (audit40a F3)
    assert "; tas ir galīgo apmēru CSV statusa „provizorisks” iemesls; " in front["Σ IB galīgais (F), EUR"][1], front
    assert "šī bērna F statuss „matricā kļūdas” (CSV bez summas), pārējo F – provizoriski (lēmums D268)" in \
        front["Noteikumu kļūdu skaits izmantotajās matricās"][1]


def test_an_unconfirmed_ceiling_is_listed_and_its_f_not_final(with_errors) -> None:  # noqa: ANN001
    """F3: each line whose ceiling is „jāprecizē” is listed with its file and place, not only counted."""
    (bad, ceiling, _), out, said = with_errors
    ws = load_workbook(out)["Neapstiprināti griesti"]
    assert [c.value for c in ws[3]] == ["Bērna kods", "Pašvaldība", "Fails", "F statuss", "Apraksts"]
    listed = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    by_code = {r[0]: r for r in listed}
    assert len(listed) == 2 and set(by_code) == {pseudonym(KEY, bad.code), pseudonym(KEY, ceiling.code)}, listed
    code, _, shown, status, text = by_code[pseudonym(KEY, ceiling.code)]
    assert shown == "talsi/matrica-002.xlsx" and status == STATUS_CEILING
    assert text.startswith("1. rinda (2.1 Pavadonis): cenas griesti nav apstiprināti"), text
    assert "(6.8. tabula, I19 „Sniedzēja cena, EUR par vienību”, pakalpojums „2.1 Pavadonis”" in text, text
    assert by_code[pseudonym(KEY, bad.code)][3] == STATUS_ERRORS  # the errors decide that child's status
    front = _front(out)
    assert front["Plāna rindu skaits, kuru cenas griesti nav apstiprināti"][0] == 2
    assert ("Brīdinājums: 2 izmantotajās matricās ir 2 plāna rindas ar cenu, kuras griesti katalogā nav "
            "apstiprināti: bērna F, kas balstās uz tādu cenu, nav galīgs (statuss „provizorisks – griesti nav "
            "apstiprināti”, kamēr griesti nav apstiprināti) – katra rinda ar F statusu lapā „Neapstiprināti "
            "griesti”.") in said, said
    assert "D269" not in said and "D268" not in said, said  # the rule in words: no decision number (audit36a F8)
    # the D148 sheet keeps its own warnings only
    assert load_workbook(out)["Brīdinājumi"]["A4"].value == "Šādu brīdinājumu nav."


def test_without_errors_only_the_ceiling_row_is_provisional(catalogue: Catalogue, template: Path,
                                                            tmp_path: Path) -> None:
    """F3 with the ministry's B typed in every matrix: the others' F are final, the ceiling child's is not."""
    ceiling, plain = _ceiling(catalogue, base=Decimal("3500.00")), _plain(catalogue, base=Decimal("3500.00"))
    out, said = _collect(catalogue, template, tmp_path, [ceiling, plain])
    rows = _csv(out)
    assert rows[pseudonym(KEY, plain.code)][1]["statuss"] == STATUS_FINAL
    assert not rows[pseudonym(KEY, plain.code)][0].endswith("_provizoriski.csv")
    name, row = rows[pseudonym(KEY, ceiling.code)]
    assert row["statuss"] == STATUS_CEILING and row["F"] and name.endswith("_provizoriski.csv"), (name, row)
    assert row["iemesls"] == CEILING_REASON and rows[pseudonym(KEY, plain.code)][1]["iemesls"] == "", rows
    assert "Uzmanību:" not in said, said
    # D330: one provisional F makes Σ F provisional, as an unconfirmed B does
    assert said.split("Σ F = ", 1)[1].split(".", 1)[0].endswith("(provizorisks)"), said
    # and the summary's Σ F row says so too, naming the sheet with the lines (the same rule, Collection.sum_provisional)
    note = _front(out)["Σ IB galīgais (F), EUR"][1]
    assert note.startswith("daļa F provizoriski – neapstiprināti griesti, sk. lapu „Neapstiprināti griesti”; "), note


def test_the_default_funding_uses_the_b_typed_in_every_matrix(catalogue: Catalogue, template: Path,
                                                             tmp_path: Path) -> None:
    """F4, D72: LM's B is typed in every matrix, so B × children is not the catalogue's B × children."""
    children = [_plain(catalogue, 2, Decimal("3500.00")), _plain(catalogue, 3, Decimal("3500.00"))]
    out, said = _collect(catalogue, template, tmp_path, children)
    assert "Finansējums 7 000,00 EUR, pārdales fonds" in said, said
    note = _front(out)[ENVELOPE_LABEL]
    assert note[0] == 7000
    assert note[1].replace("\u00a0", " ") == "noklusējums: 3 500,00 EUR × 2 bērni (bāzes apmērs B, kas ierakstīts visu matricu 6.11. tabulā)"
    assert "pārsniedz noklusējuma finansējumu" not in said
    # the count of matrices with another B says the same B as the funding row, not the catalogue's (audit40a)
    other = _front(out)[OTHER_B]
    assert other[0] == 2 and (f"{DEFAULT_ON} visu matricu 6.11. tabulā ierakstīto bāzes apmēru B (tas visās ir viens "
                              "un tas pats); ") in other[1], other
    assert f"{DEFAULT_ON} kataloga B" not in other[1], other


def test_sum_of_p_above_the_default_funding_is_warned_about(catalogue: Catalogue, template: Path,
                                                           tmp_path: Path) -> None:
    """F4: one matrix with B 3 500 typed and one without: the catalogue's B × 2 is below Σ P, and it is said."""
    children = [_plain(catalogue, 2, Decimal("3500.00")), _plain(catalogue, 3, None)]
    out, said = _collect(catalogue, template, tmp_path, children)
    warning = ("Σ P 6 500,00 EUR pārsniedz noklusējuma finansējumu 6 000,00 EUR (kataloga B × bērnu skaits): 1 matricā "
               "6.11. tabulā ierakstīts B, kas atšķiras no kataloga B, bet citās matricās B nav ierakstīts vai ir cits")
    assert f"Brīdinājums: {warning}" in said, said
    front = _front(out)
    note = front[ENVELOPE_LABEL][1].replace("\u00a0", " ")
    assert f"BRĪDINĀJUMS: {warning}" in note, note
    # the catalogue's B in the funding row's note and in the count of matrices with another B alike (audit40a)
    assert "(kataloga bāzes apmērs)" in note, note
    assert front[OTHER_B][0] == 1 and f"{DEFAULT_ON} kataloga B; " in front[OTHER_B][1], front[OTHER_B]
    given_out, given = _collect(catalogue, template, tmp_path / "ar-finansejumu", children, "--envelope", "6000")
    assert "pārsniedz noklusējuma finansējumu" not in given, given
    assert DEFAULT_ON not in _front(given_out)[OTHER_B][1]  # a funding given on the command line rests on no B


def test_the_catalogues_unconfirmed_b_copied_into_every_matrix_is_no_ministry_b(catalogue: Catalogue,
                                                                                template: Path, tmp_path: Path) -> None:
    """D257, D268: the catalogue's „jāprecizē” B typed in every matrix is a copied reconstruction, not LM's B – the
    funding and every F stay provisional (audit33c: it made every F „galīgs”)."""
    children = [_plain(catalogue, 2), _plain(catalogue, 3)]  # both with the catalogue's 3 000,00 typed
    # D257's warning in each matrix: its typed B is the catalogue's unconfirmed one
    assert all([f.code for f in c.result(catalogue).findings if f.counts] == ["base_differs"] for c in children)
    out, said = _collect(catalogue, template, tmp_path, children)
    rows = _csv(out)
    assert {row["statuss"] for _, row in rows.values()} == {STATUS_PROVISIONAL}, rows
    assert {row["iemesls"] for _, row in rows.values()} == {"bāzes apmērs B nav apstiprināts"}, rows
    assert all(name.endswith("_provizoriski.csv") for name, _ in rows.values()), rows
    note = _front(out)[ENVELOPE_LABEL][1].replace("\u00a0", " ")
    assert "kataloga bāzes apmērs" in note and "ierakstīts visu matricu" not in note, note


def test_a_previous_matrix_with_rule_errors_makes_every_f_provisional(catalogue: Catalogue, template: Path,
                                                                     tmp_path: Path) -> None:
    """D268: a used --previous matrix with rule errors feeds this period's pool with its unused amount, so no F of
    this collection is final while it is not corrected – said as the previous period's (review33 F5)."""
    previous = _errors(catalogue)  # a group price above its ceiling
    now = in_next_period(catalogue, [_plain(catalogue, i, Decimal("3500.00")) for i in (2, 3)])
    write_children(catalogue, template, [previous], tmp_path / "prev")
    out, said = _collect(catalogue, template, tmp_path, now, "--previous", str(tmp_path / "prev"))
    rows = _csv(out)
    assert {row["statuss"] for _, row in rows.values()} == {STATUS_PROVISIONAL}, rows
    assert all(name.endswith("_provizoriski.csv") and row["F"] for name, row in rows.values()), rows
    assert ("Uzmanību: iepriekšējā perioda mapē 1 izmantotajā matricā ir noteikumu kļūdas (sk. brīdinājumus), un, tā "
            "kā tās neizlietotā summa ir šī perioda pārdales fondā, visu bērnu F ir provizoriski") in said, said
    assert "Uzmanību: 1 izmantotajā matricā" not in said, said  # this period's matrices have none
    assert {v["F statuss"] for v in _children_sheet(out).values()} == {STATUS_PROVISIONAL}
    front = _front(out)
    assert front["Σ IB galīgais (F), EUR"][1].startswith(
        "PROVIZORISKI (iepriekšējā perioda 1 matricā noteikumu kļūdas); "), front
