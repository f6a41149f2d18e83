"""`ibm changes`: the report names changed prices and rules with old and new values, and the history."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.outputs import compare_trees
from generator.changes.report import change_report
from generator.cli import main
from tests.changes.history import changes_before
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import BASE_CHANGE, BASE_WITHDRAWN, changes_catalogue, withdrawn_catalogue

CEILING = "prices/grupu-nodarbibu-griesti.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_no_changes_between_equal_catalogues(catalogue_copy: Path) -> None:
    a = load_or_raise(catalogue_copy)
    diff = diff_catalogues(a, a)
    assert diff.empty
    assert "izmaiņu nav" in change_report(diff, a, None)


def test_price_and_parameter_change_reported(catalogue_copy: Path, catalogue) -> None:
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 26.40")
    _edit(catalogue_copy / "programme.yaml", "value: 0.10, source", "value: 0.12, source")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    text = change_report(diff, new, None)
    # audit24 F9: the status once per row (column „Statuss”), not in Bija and Tagad too
    assert "| 25,93\u00a0EUR | 26,40\u00a0EUR | apstiprināts |" in text, text
    assert "(apstiprināts)" not in text
    # audit21 F1: a share is a percentage as a person reads it, not a programmer's 0.10
    assert "`transport_share_max`" in text and "| 10\u00a0% | 12\u00a0% |" in text, text
    # audit21 F2: the affected items in the catalogue's numeric order (3.1.2g before 3.1.10g), not as strings
    prefix = "- Pozīcijas (6.8. tabulas rindas): "
    affected = next(line for line in text.splitlines() if line.startswith(prefix))
    codes = [item.split(" ")[0] for item in affected.removeprefix(prefix).split("; ")]
    assert codes.index("3.1.2g") < codes.index("3.1.10g") and codes.index("3.2.1") < codes.index("3.13g"), codes
    assert codes == sorted(codes, key=lambda c: [int(x) for x in c.rstrip("ig").split(".")]), codes
    assert "01.08.2018" in text
    price = [c for c in diff.values if c.id == "grupu-nodarbibu-griesti"][0]
    assert "3.1.2g" in price.items  # a group session of a market-price service is capped by the ceiling


def test_a_group_ceiling_names_the_group_items_and_spares_other_plans(catalogue_copy: Path, catalogue) -> None:
    """audit24 F10: the group-session ceiling caps only the group items (1.1.1g …), taken from the catalogue's
    `applies_to`; plans with only 1.1.1i are not sent for review. A service's own price names all its items."""
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 26.40")
    _edit(catalogue_copy / "prices/3.1.2.yaml", "    max: null\n", "    max: 40.00\n")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    ceiling = next(c for c in diff.values if c.id == "grupu-nodarbibu-griesti")
    expected = tuple(o.id for o in new.offers(ceiling.effective_from) if o.form.value == "group"
                     and o.service.regime.value == "market")
    assert ceiling.items == expected and "1.1.1g" in expected and "1.2" in expected, ceiling.items
    assert not [i for i in ceiling.items if i.endswith("i")], ceiling.items
    assert "3.6" not in ceiling.items  # a regulated price keeps its own ceiling (D12)
    own = next(c for c in diff.values if c.id == "3.1.2")
    assert own.items == ("3.1.2i", "3.1.2g"), own.items
    text = change_report(diff, new, None)
    row = next(line for line in text.splitlines() if "`grupu-nodarbibu-griesti`" in line)
    assert row.endswith(" | " + ", ".join(expected) + " |"), row
    assert "| Skartās pozīcijas |" in text
    review = next(line for line in text.splitlines() if line.startswith("- Atbalsta plāni"))
    assert "kāda no skartajām pozīcijām" in review and "1.1.1i Psihologs vecākiem, individuāli), nav jāpārskata" \
        in review, review
    assert "kuros ir skartie pakalpojumi" not in text


def test_items_a_price_parameter_caps_come_from_the_catalogue(catalogue_copy: Path) -> None:
    """Widening `applies_to` in the catalogue changes the items named; a parameter without it is refused."""
    _edit(catalogue_copy / CEILING, "  forms: [group]", "  forms: [group, individual]")
    # the transport reduction subtracted from it caps the same items (review5 F8)
    _edit(catalogue_copy / "prices/grupu-nodarbibu-transporta-samazinajums.yaml", "  forms: [group]",
          "  forms: [group, individual]")
    cat = load_or_raise(catalogue_copy)
    items = cat.price_items(cat.price_by_id["grupu-nodarbibu-griesti"])
    assert "1.1.1i" in items and "1.1.1g" in items and "3.6" not in items
    text = (catalogue_copy / CEILING).read_text("utf-8")
    start = text.index("applies_to:")
    (catalogue_copy / CEILING).write_text(text[:start] + text[text.index("values:"):], "utf-8")
    from generator.catalogue.loader import load_catalogue

    broken, problems = load_catalogue(catalogue_copy)
    assert broken is None
    assert any(p.field == "applies_to" and p.path.name == "grupu-nodarbibu-griesti.yaml" for p in problems), \
        [p.format() for p in problems]


def test_new_dated_value_compares_with_previous(catalogue_copy: Path, catalogue) -> None:
    (catalogue_copy / CEILING).write_text(
        (catalogue_copy / CEILING).read_text("utf-8")
        + "  - effective_from: 2020-01-01\n    kind: ceiling\n    amount: 27.00\n    source: Tests\n"
          "    status: jāprecizē\n", "utf-8")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    change = [c for c in diff.values if c.id == "grupu-nodarbibu-griesti"][0]
    assert change.old.startswith("25,93") and change.new.startswith("27,00")


def test_command_with_folders_and_git_revision(tmp_path: Path, catalogue_copy: Path) -> None:
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 30.00")
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--to", str(catalogue_copy),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "30,00" in out.read_text("utf-8")
    assert f"Atskaite uzrakstīta: {out} (1 mainīta vērtība)" in result.output  # agreement (audit24 F8)
    head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    result = CliRunner().invoke(main, ["changes", "--from", head, "--to", head])
    assert result.exit_code == 0, result.output
    # as a person reads them: "**d382f2bc (katalogs 01.04.2023)** → **…**", not the ISO form
    assert re.search(r"versijas \*\*[0-9a-f]+ \(katalogs \d\d\.\d\d\.\d{4}\)\*\* → \*\*[0-9a-f]+ \(katalogs "
                     r"\d\d\.\d\d\.\d{4}\)\*\*", result.output), result.output


def test_bad_reference_is_refused() -> None:
    result = CliRunner().invoke(main, ["changes", "--from", "nav-tadas-revizijas-xyz"])
    assert result.exit_code == 2
    # audit21 F11: the parameter and the value in Latvian quotes, a pointer to --help, the reason said once
    assert result.output.strip() == ("Kļūda: --from „nav-tadas-revizijas-xyz” nav ne kataloga mape, ne git revīzija. "
                                     "Palīdzība: ibm changes --help."), result.output
    assert "fatal" not in result.output


def test_compare_trees() -> None:
    diff = compare_trees({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"})
    assert diff.changed == ["b"] and diff.added == ["c"] and diff.removed == []


def _before_schema_change() -> str | None:
    """The revision just before `budget_positions` became a required field of catalogue/enums.yaml."""
    repo = DEFAULT_CATALOGUE.parent
    try:
        found = subprocess.run(["git", "-C", str(repo), "log", "--format=%H", "-S", "budget_positions", "--",
                                "catalogue/enums.yaml"], capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{found[-1]}^" if found else None


def test_changes_across_the_catalogue_schema_change_in_history(tmp_path: Path) -> None:
    """An older revision whose catalogue lacks fields the current schema requires is compared on the
    fields both share, and the report says what was not compared (never 'nav derīgs')."""
    rev = _before_schema_change()
    if rev is None:
        import pytest

        pytest.skip("nav git vēstures ar kataloga shēmas maiņu")
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", rev, "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "nav derīgs" not in result.output
    text = out.read_text(encoding="utf-8")
    assert "## Nav salīdzināts" in text
    assert "enums.yaml: lauks `budget_positions` iepriekšējā versijā nebija; nav salīdzināts" in text
    assert "Piezīme: enums.yaml: lauks `budget_positions`" in result.output


def test_tolerant_loading_fills_and_drops_fields(catalogue_copy: Path, tmp_path: Path) -> None:
    """A required field missing in the old version is taken from the other one; a field the schema no longer
    knows is left out; both are named; a valid catalogue is loaded as it is."""
    from generator.changes.tolerant import load_tolerant

    old = tmp_path / "old"
    import shutil

    shutil.copytree(catalogue_copy, old)
    _edit(old / "programme.yaml", "value: 0.10, source", "value: 0.12, source")
    text = (old / "enums.yaml").read_text("utf-8")
    start = text.index("budget_positions:")
    end = text.index("\n", text.index("\n", start) + 1)
    while end + 1 < len(text) and text[end + 1] in " -":
        end = text.index("\n", end + 1)
    (old / "enums.yaml").write_text(text[:start] + "vecs_lauks: 1\n" + text[end + 1:], "utf-8")
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    assert any("`budget_positions` iepriekšējā versijā nebija" in s for s in loaded.skipped), loaded.skipped
    assert any("`vecs_lauks` iepriekšējā versijā vairs nav" in s for s in loaded.skipped), loaded.skipped
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(loaded.catalogue, new)
    assert [c.id for c in diff.values] == ["transport_share_max"]
    plain = load_tolerant(catalogue_copy, old, tmp_path / "work2", "jaunajā")
    assert plain.catalogue is not None and plain.skipped == []


def test_a_field_new_in_every_service_is_one_sentence(catalogue_copy: Path, tmp_path: Path) -> None:
    """An older version without a field every service now has (payee, D38) is compared on the rest, and the
    report says so once for the folder, not once per service file."""
    import shutil

    from generator.changes.tolerant import load_tolerant

    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    files = sorted((old / "services").glob("*.yaml"))
    for path in files:
        text = path.read_text("utf-8")
        path.write_text("".join(ln for ln in text.splitlines(keepends=True) if not ln.startswith("payee:")), "utf-8")
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    about = [s for s in loaded.skipped if "`payee`" in s]
    assert about == [f"services/*.yaml ({len(files)} faili): lauks `payee` („Kam Dienests maksā”) iepriekšējā versijā "
                     "nebija; nav salīdzināts"], loaded.skipped


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def test_round_and_holiday_changes_across_a_commit(tmp_path: Path, catalogue_copy: Path,
                                                   monkeypatch) -> None:
    """A round's dates and envelope and a removed holiday are reported old → new with their legal source,
    the derived reporting periods and the month's working days."""
    import shutil

    from generator.changes import command

    repo = tmp_path / "repo"
    shutil.copytree(catalogue_copy, repo / "catalogue")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "add", ".")
    _git(repo, "-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "commit", "-qm", "a")
    rounds, holidays = repo / "catalogue" / "rounds.yaml", repo / "catalogue" / "holidays.yaml"
    _edit(rounds, "services_end: 2019-09-30", "services_end: 2019-08-31")
    _edit(rounds, "amount: null\n      status: jāprecizē\n      source: \"Avotos nav dots: S004 norāda tikai kopējās "
                  "izmaksas pašvaldībās (714 258 EUR)",
          "amount: 500000.00\n      status: jāprecizē\n      source: \"Testa rīkojums Nr. 1 (izdomāts)")
    _edit(holidays, "      - {date: 2019-05-06, name_lv: \"Brīvdiena: 4. maijs iekrīt sestdienā\"}\n", "")
    _git(repo, "-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "commit", "-qam", "b")
    monkeypatch.setattr(command, "REPO", repo)
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", "HEAD~1", "--to", "HEAD", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "## Programmas kārtas" in text and "## Svētku dienas" in text
    rows = text.splitlines()
    end = next(r for r in rows if "pakalpojumu sniegšanas beigas" in r)
    assert "`berni-2018`" in end and "| 30.09.2019 | 31.08.2019 |" in end and "S004 L149–L161" in end
    money = next(r for r in rows if "finansējums SBS pakalpojumiem" in r)
    assert "nav zināms (jāprecizē)" in money and "500\u00a0000,00\u00a0EUR (jāprecizē)" in money
    assert "Testa rīkojums Nr. 1" in money
    periods = next(r for r in rows if "pārskata periodi (aprēķināti)" in r)
    assert "2. 01.04.2019–30.09.2019" in periods and "2. 01.04.2019–31.08.2019" in periods
    day = next(r for r in rows if r.startswith("| 06.05.2019 |"))
    assert "svētku diena: Brīvdiena: 4. maijs iekrīt sestdienā" in day and "nav svētku diena" in day
    assert "05.2019: darba dienu skaits 21 → 22" in day
    assert "Par svētku, atceres un atzīmējamām dienām" in day
    assert "cenās" not in text.lower().split("## ko tas ietekmē")[0]  # the diff is not "empty"
    assert "(4 mainītas vērtības)" in result.output  # 3 round rows (end, envelope, periods) + 1 holiday


def test_revision_before_the_holiday_list_is_compared(tmp_path: Path) -> None:
    """An older revision without holidays.yaml (rounds still inside municipalities.yaml) is read as the rest of
    the history is; the report says the holiday list is new and lists the rounds' changes."""
    _, text = changes_before(tmp_path, ("--diff-filter=A", "--", "catalogue/holidays.yaml"),
                             "nav git vēstures ar holidays.yaml pievienošanu")
    assert "Iepriekšējā versijā svētku dienu saraksta nebija" in text
    assert "| 18.11.2019 | nav svētku diena | svētku diena: Latvijas Republikas Proklamēšanas diena |" in text


def test_a_legal_act_change_is_reported(catalogue_copy: Path, catalogue) -> None:  # noqa: ANN001
    path = catalogue_copy / "tiesibu-akti.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("      until: 2018-09-30\n      source: >-\n        Metodika (sagatavota",
                                 "      until: 2019-04-04\n      source: >-\n        Metodika (sagatavota", 1), "utf-8")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    assert diff.legal_acts == [("mainīts", "mk-288", new.legal_acts.act("mk-288").forms.nominative)]
    report = change_report(diff, new, None)
    assert "## Tiesību akti" in report and "- Mainīts: Ministru kabineta 2008. gada 21. aprīļa noteikumi Nr. 288" in report
    assert "izmaiņu nav" not in report


def test_an_adapted_older_version_keeps_its_own_version(catalogue_copy: Path, tmp_path: Path) -> None:
    """An older catalogue read through a copy adapted to today's schema is named by its own files' version – the one
    its matrices and `ibm migrate` show – not by the adapted copy's (audit27b F8); the report's header says it."""
    import shutil

    from generator.catalogue.catalogue import files_hash
    from generator.changes.tolerant import load_tolerant

    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    text = (old / "enums.yaml").read_text("utf-8")
    (old / "enums.yaml").write_text(text + "vecs_lauks: 1\n", "utf-8")  # a field today's schema does not know
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None and loaded.skipped, [p.format() for p in loaded.problems]
    own, adapted = files_hash(old), files_hash(tmp_path / "work" / "pielagots")
    assert own != adapted  # the precondition: the copy was changed
    assert loaded.catalogue.version.endswith("+" + own), loaded.catalogue.version
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(old), "--to", str(catalogue_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"**{own} (katalogs " in out.read_text("utf-8").split("\n\n")[1]


def test_an_adapted_version_keeps_its_own_date_when_a_dropped_file_holds_it(catalogue_copy: Path,
                                                                             tmp_path: Path) -> None:
    """review28 F3: the price file with the latest effective date does not validate and is left out of the adapted
    copy; the version's date is still the revision's own (the latest date in its own files), not the copy's."""
    import shutil

    from generator.catalogue.catalogue import files_hash
    from generator.changes.tolerant import load_tolerant, own_latest_date

    own = load_or_raise(catalogue_copy)
    latest = own.latest_date
    holder = next(p for p in own.prices if any(v.effective_from == latest for v in p.values))
    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    path = old / "prices" / f"{holder.id}.yaml"
    path.write_text(path.read_text("utf-8").replace("effective_from:", "effective_from: 2000-13-01\n    x:", 1),
                    "utf-8")  # a value today's model refuses: the file is left out of the comparison
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    assert any(s.startswith(f"prices/{holder.id}.yaml") for s in loaded.skipped), loaded.skipped
    assert loaded.catalogue.latest_date < latest  # the precondition: the copy lost the latest date
    assert own_latest_date(old) == latest
    assert loaded.catalogue.version == f"{latest:%Y-%m-%d}+{files_hash(old)}", loaded.catalogue.version


def test_a_price_dated_within_the_rounds_sends_only_later_plans_to_migrate(catalogue_copy: Path, catalogue) -> None:
    """audit33a F10: a ceiling dated in the middle of the children's rounds reaches only plans that start on its day
    or later (D63: a plan keeps the values of its first day): the report limits `ibm migrate` and the plans' review to
    them and says why the others keep the old price."""
    periods = catalogue.children_reporting_periods()
    day = periods[1].start  # a later reporting period's first day: plans of the first one keep the old ceiling
    (catalogue_copy / CEILING).write_text(
        (catalogue_copy / CEILING).read_text("utf-8")
        + f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: 27.40\n    source: Tests\n"
          "    status: apstiprināts\n", "utf-8")
    new = load_or_raise(catalogue_copy)
    text = change_report(diff_catalogues(catalogue, new), new, None)
    shown = day.strftime("%d.%m.%Y")
    matrices = next(line for line in text.splitlines() if line.startswith("- IBM matricas"))
    assert f"kuru plāna pirmā diena ir {shown} vai vēlāk" in matrices, matrices
    assert "Plāniem, kas sākas agrāk, paliek līdzšinējās vērtības" in matrices and "(D63)" in matrices, matrices
    before = (day - dt.timedelta(days=1)).strftime("%d.%m.%Y")  # a plan running across the day ends before it
    assert "„Cenas plāna periodā nav spēkā”" in matrices and f"plāns jāsaīsina līdz {before}." in matrices, matrices
    # D61: only a plan that uses the change – here one with a group session under the ceiling – gets the error
    assert f"turpinās {shown} vai vēlāk un tajā ir kāda no skartajām pozīcijām, tam rāda kļūdu" in matrices, matrices
    assert "Plānam, kas neizmanto nevienu no mainītajām vērtībām, kļūdas nav" in matrices, matrices
    # migrate does rewrite such a matrix: the prices stay (D63), the end day of their validity is written, and a plan
    # running across the day then shows the error in the migrated matrix too (tests/ministry/test_migrate_rule_changes)
    assert "šīs matricas nemaina" not in matrices, matrices
    assert f"`ibm migrate` to cenas un parametrus nemaina, tikai 6.11. tabulā ieraksta, ka tie ir spēkā līdz {before}." \
        in matrices and "ar `ibm migrate` pārnestā matrica" in matrices, matrices
    assert "jāpārveido aizpildītās matricas ar" not in text  # not every filled matrix
    review = next(line for line in text.splitlines() if line.startswith("- Atbalsta plāni"))
    assert review.startswith(f"- Atbalsta plāni, kas sākas {shown} vai vēlāk un kuros ir kāda no skartajām"), review


def test_a_change_of_the_rounds_first_value_reaches_every_filled_matrix(catalogue_copy: Path, catalogue) -> None:
    """A value in force from before the first plan day still reaches every filled matrix: no day is named."""
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 26.40")
    new = load_or_raise(catalogue_copy)
    text = change_report(diff_catalogues(catalogue, new), new, None)
    assert "- IBM matricas (6.8. tabulas cenas un griesti, 6.11. tabulas parametri) – jāpārveido aizpildītās matricas " \
        "ar `ibm migrate`." in text, text
    assert "vai vēlāk" not in text


def _dated_value(catalogue_copy: Path, name: str, day: dt.date, status: str, value: str | None = None) -> None:
    """One more value of programme parameter ``name`` from ``day``: its last value's number unless ``value``."""
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    start = text.index(f"\n{name}:\n") + 1
    end = text.index("\n", text.index("  values:\n", start) + 1)
    block_end = next(i for i in range(end, len(text)) if text.startswith("\n", i) and not text.startswith("\n ", i))
    block = text[start:block_end]
    number = value or re.findall(r"value: ([0-9.]+)", block)[-1]
    entry = (f"\n    - effective_from: {day.isoformat()}\n      value: {number}\n      source: \"{LM_DOCUMENT}\"\n"
             f"      status: {status}")
    programme.write_text(text[:block_end] + entry + text[block_end:], "utf-8")


def test_a_confirmation_at_the_same_amount_refuses_no_plan(catalogue_copy: Path, catalogue) -> None:
    """D291 (the review's case): B confirmed at the same amount within the rounds – the report names the old status,
    says no plan is refused (not „mainās”, not that some plans are exempt) and that the papers and the matrices
    of its day show the confirmed figure; no plan review for it."""
    day = catalogue.children_reporting_periods()[1].start
    _dated_value(catalogue_copy, "base_amount", day, "apstiprināts")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    (change,) = [c for c in diff.values if c.id == "base_amount"]
    assert change.confirms and change.old == f"{change.new} (jāprecizē)", change
    text = change_report(diff, new, None)
    matrices = next(line for line in text.splitlines() if line.startswith("- IBM matricas"))
    assert "nevienu plānu neatsaka" in matrices and f"no {day.strftime('%d.%m.%Y')}; statuss" in matrices, matrices
    assert "tam rāda kļūdu" not in matrices and "kļūdas nav (D61)" not in matrices, matrices
    assert "ieraksta, ka tie ir spēkā līdz" not in matrices, matrices
    assert "Visi atbalsta plāni" not in text and "- Atbalsta plāni" not in text, text


def test_a_confirmed_rate_is_promised_no_blank(catalogue_copy: Path) -> None:
    """Only B and a ceiling have a blank in the papers while „jāprecizē”: a rate confirmed at the same number refuses
    no plan, and the report promises nothing of blanks or of a confirmed figure in the papers for it."""
    periods = load_or_raise(catalogue_copy).children_reporting_periods()
    _dated_value(catalogue_copy, "rate_full", periods[1].start, "jāprecizē")
    old = load_or_raise(catalogue_copy)
    _dated_value(catalogue_copy, "rate_full", periods[1].start + dt.timedelta(days=20), "apstiprināts")
    new = load_or_raise(catalogue_copy)
    text = change_report(diff_catalogues(old, new), new, None)
    matrices = next(line for line in text.splitlines() if line.startswith("- IBM matricas"))
    assert "nevienu plānu neatsaka" in matrices and matrices.endswith("pēc apstiprināšanas dienas (D291)."), matrices
    assert "tukš" not in matrices and "apstiprinātā vērtība" not in matrices, matrices


def test_a_status_change_the_other_way_refuses_no_plan(catalogue_copy: Path, catalogue) -> None:
    """D302 (audit39): a parameter of every plan that becomes „jāprecizē” at the same number changes no plan's money:
    the report refuses no plan for it (no „kļūdu” clause, no „spēkā līdz” for ibm migrate) and says that no matrix
    refuses a plan for it – neither the one with the value „jāprecizē” nor the one where it was confirmed."""
    day = catalogue.children_reporting_periods()[1].start
    _dated_value(catalogue_copy, "rate_full", day, "jāprecizē")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    (change,) = [c for c in diff.values if c.id == "rate_full"]
    assert change.withdraws and not change.confirms, change
    text = change_report(diff, new, None)
    matrices = next(line for line in text.splitlines() if line.startswith("- IBM matricas"))
    shown = day.strftime("%d.%m.%Y")
    assert "tam rāda kļūdu" not in matrices and "ieraksta, ka tie ir spēkā" not in matrices, matrices
    assert (f"no {shown}; statuss „apstiprināts” → „jāprecizē”): plāna summas nemainās, tāpēc tā dēļ plānus "
            "neatsaka neviena matrica") in matrices, matrices
    # migrating is not needed for a status alone, and no plan is to be reviewed for it
    assert "ar `ibm migrate` var pārveidot (nav obligāti: mainās tikai statuss ar to pašu skaitli)" in matrices, matrices
    assert not any("jāpārskata" in line for line in text.splitlines()), text
    assert "ne tā, kurā tā bija apstiprināta (D302)." in matrices, matrices
    # a rate has no blank in the papers: no papers' line
    assert not any(line.startswith("- Parakstāmie dokumenti") for line in text.splitlines()), text


def test_a_withdrawn_confirmation_refuses_no_plan_of_an_earlier_matrix(tmp_path: Path) -> None:
    """D296 (review37's catalogue): B confirmed, then put back to „jāprecizē” at the same amount – for a matrix of the
    earlier „jāprecizē” B nothing changes (its plans are not refused), and the papers made from such a matrix on or
    after that day print B as a blank again; the report says both, not only that plans across the day are refused."""
    old, new = changes_catalogue(tmp_path / "old"), withdrawn_catalogue(tmp_path / "new")
    diff = diff_catalogues(old, new)
    (change,) = [c for c in diff.values if c.id == "base_amount"]
    assert change.withdraws and not change.confirms and change.effective_from == BASE_WITHDRAWN, change
    text = change_report(diff, new, None)
    lines = text.splitlines()
    matrices = next(line for line in lines if line.startswith("- IBM matricas"))
    name = new.programme.base_amount.name_lv
    assert ("tā dēļ plānus neatsaka neviena matrica – ne tā, kurā vērtība jau ir „jāprecizē”, ne tā, kurā tā bija "
            "apstiprināta (D302)") in matrices, matrices
    papers = next(line for line in lines if line.startswith("- Parakstāmie dokumenti"))
    assert f"(„{name}” no {BASE_WITHDRAWN.strftime('%d.%m.%Y')}; statuss „apstiprināts” → „jāprecizē”)" in papers, papers
    # D302: from any matrix – also the one where B was confirmed – and which matrix a later plan may have
    # the catalogue has another B from BASE_CHANGE: the advice is dated (D334) – the matrices before that day hold
    # the withdrawn B, a plan starting on it or later has only a matrix of that day or later, with the new B
    assert (f"no jebkuras matricas, kuras cenu diena ir pirms {BASE_CHANGE:%d.%m.%Y} – arī no tās, kurā tā bija "
            "apstiprināta –, tās vietā atkal ir tukša vieta (D296, D302)") in papers, papers
    assert (f"Plānam, kas sākas šajā dienā vai vēlāk, bet pirms {BASE_CHANGE:%d.%m.%Y}, der gan iepriekšējā matrica, "
            "gan šīs dienas matrica (`ibm matrix --day`)") in papers, papers
    assert (f"No {BASE_CHANGE:%d.%m.%Y} katalogā „{name}” ir cits skaitlis: matricā, kuras cenu diena ir "
            f"{BASE_CHANGE:%d.%m.%Y} vai vēlāka, tas ir „jāprecizē”, un dokumentos no tās ir tukša vieta, līdz "
            f"to apstiprina; plānam, kas sākas {BASE_CHANGE:%d.%m.%Y} vai vēlāk, der tikai šāda matrica (D61).") \
        in papers, papers
    # entered on its own day: nothing backdated; entered later (a backdated withdrawal): the papers made from its day
    # with the previous catalogue print B as confirmed and are made again
    assert "atpakaļejošu" not in change_report(diff, new, None, day=BASE_WITHDRAWN)
    later = BASE_WITHDRAWN + dt.timedelta(days=5)
    backdated = next(line for line in change_report(diff, new, None, day=later).splitlines()
                     if line.startswith("- Parakstāmie dokumenti"))
    assert (f"Atsaukšana ir ar atpakaļejošu datumu („{name}” no {BASE_WITHDRAWN.strftime('%d.%m.%Y')}; atskaite "
            f"izveidota {later.strftime('%d.%m.%Y')}): dokumentos, ko no šīs dienas izveidoja vēl ar iepriekšējo "
            "katalogu, tā ir kā apstiprināts skaitlis, tāpēc šos dokumentus neparakstiet, bet izveidojiet vēlreiz ar "
            "šo katalogu.") in backdated, backdated


def test_the_confirmation_line_names_only_the_values_with_a_blank() -> None:
    """B and a rate confirmed together: the blank/figure clause names B alone; B and a ceiling: both, in the plural."""
    from generator.changes.diff import ValueChange
    from generator.changes.report import _confirmed_line

    day = dt.date(2026, 12, 15)

    def value(kind: str, id_: str, name: str, items: tuple[str, ...] = ()) -> ValueChange:
        return ValueChange(kind, id_, name, day, "1 (jāprecizē)", "1", "Tests", "apstiprināts", items=items,
                           confirms=True)

    base, rate = value("parametrs", "base_amount", "B"), value("parametrs", "rate_full", "Likme")
    ceiling = value("cena", "2.1", "Pavadonis", ("2.1",))
    mixed = _confirmed_line([base, rate])
    assert "Kamēr vērtība „B” ir „jāprecizē”, parakstāmajos papīros tās vietā ir tukša vieta: dokumentos" in mixed, mixed
    assert "„Likme” ir „jāprecizē”" not in mixed, mixed
    both = _confirmed_line([base, ceiling])
    assert "ir apstiprinātās vērtības; matrica, kas izdota pirms tās, pati tās drukā kā neapstiprinātas" in both, both
    # D301: the matrix of the confirmation's day or later prints the value confirmed whenever its papers are made
    assert both.endswith("arī ja tos izveido pirms apstiprināšanas dienas (D291, D301)."), both


def test_the_withdrawal_line_in_the_plural_and_on_several_days() -> None:
    """Two values withdrawn on their own days: „tukšas vietas” in the plural and no single „šajā dienā”."""
    from generator.changes.diff import ValueChange
    from generator.changes.report import _withdrawn_lines

    def value(id_: str, name: str, day: dt.date, items: tuple[str, ...] = ()) -> ValueChange:
        return ValueChange("cena" if items else "parametrs", id_, name, day, "1", "1 (jāprecizē)", "Tests",
                           "jāprecizē", items=items, withdraws=True)

    base, ceiling = value("base_amount", "B", dt.date(2027, 3, 1)), value("2.1", "Pavadonis", dt.date(2027, 3, 2),
                                                                            ("2.1",))
    _, both = _withdrawn_lines([base, ceiling], dt.date(2027, 3, 1))
    assert "izveido attiecīgajā dienā vai vēlāk" in both and "to vietā atkal ir tukšas vietas (D296, D302)." in both, both
    _, one = _withdrawn_lines([base], dt.date(2027, 3, 1))
    assert "izveido šajā dienā vai vēlāk" in one and "tās vietā atkal ir tukša vieta (D296, D302)." in one, one


def test_a_withdrawal_confirmed_again_in_the_same_step_is_a_status_alone(catalogue_copy: Path, tmp_path: Path) -> None:
    """D330: a confirmed price withdrawn at the same figure and confirmed again, both in one step – the confirmation
    again follows the withdrawal („Bija … (jāprecizē)”), so no dated entry changes money: no migration is required,
    no plan is shortened or reviewed, and the blanks are said to hold only until the day before it."""
    import shutil

    def entry(day: str, status: str, source: str) -> str:
        return (f"  - effective_from: {day}\n    kind: ceiling\n    amount: 5.11\n    source: \"{source}\"\n"
                f"    status: {status}\n")

    price = catalogue_copy / "prices" / "2.1.yaml"
    price.write_text(price.read_text("utf-8") + entry("2026-10-01", "apstiprināts", LM_DOCUMENT), "utf-8")
    newer = tmp_path / "newer"
    shutil.copytree(catalogue_copy, newer)
    price = newer / "prices" / "2.1.yaml"
    price.write_text(price.read_text("utf-8") + entry("2026-11-20", "jāprecizē", "Tests: atkal jāprecizē")
                     + entry("2026-12-01", "apstiprināts", LM_DOCUMENT), "utf-8")
    old, new = load_or_raise(catalogue_copy), load_or_raise(newer)
    diff = diff_catalogues(old, new)
    again = next(c for c in diff.values if c.id == "2.1" and c.effective_from == dt.date(2026, 12, 1))
    assert again.confirms and again.old == "5,11\u00a0EUR (jāprecizē)", again
    text = change_report(diff, new, None, day=dt.date(2026, 12, 6))
    assert "Cenas plāna periodā nav spēkā" not in text and "jāsaīsina" not in text, text
    assert "- Atbalsta plāni" not in text and "ar `ibm migrate` var pārveidot (nav obligāti" in text, text
    assert "„Pavadoņa pakalpojums (stunda)” no 20.11.2026 līdz 30.11.2026; statuss" in text, text
    assert "- `ibm collect`: savākšanā no 20.11.2026 līdz 30.11.2026 bērna F" in text, text
    # the days lie wholly before the report's day: the papers were made then (past tense)
    assert "izveidoja šajās dienās no jebkuras matricas" in text, text
    assert "dokumentos, ko šajās dienās izveidoja vēl ar iepriekšējo katalogu" in text, text


def _ceiling_entry(day: str, status: str, source: str, amount: str = "5.11") -> str:
    return (f"  - effective_from: {day}\n    kind: ceiling\n    amount: {amount}\n    source: \"{source}\"\n"
            f"    status: {status}\n")


def _withdrawal_report(catalogue_copy: Path, tmp_path: Path, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    import shutil

    price = catalogue_copy / "prices" / "2.1.yaml"
    text = price.read_text("utf-8")
    newer = tmp_path / "newer"
    shutil.copytree(catalogue_copy, newer)
    price.write_text(text + "".join(old), "utf-8")
    (newer / "prices" / "2.1.yaml").write_text(text + "".join(new), "utf-8")
    diff = diff_catalogues(load_or_raise(catalogue_copy), new_cat := load_or_raise(newer))
    return change_report(diff, new_cat, None, day=dt.date(2026, 12, 20))


def test_a_withdrawal_ends_at_a_confirmation_the_old_catalogue_had(catalogue_copy: Path, tmp_path: Path) -> None:
    """D330: the blank of a withdrawal ends where the NEW catalogue confirms the value again, even when that
    confirmation (01.12) is no change of this step – the days the console and 6.11's note name."""
    confirmed = _ceiling_entry("2026-10-01", "apstiprināts", LM_DOCUMENT)
    again = _ceiling_entry("2026-12-01", "apstiprināts", LM_DOCUMENT + " 2")
    text = _withdrawal_report(catalogue_copy, tmp_path, (confirmed, again),
                              (confirmed, _ceiling_entry("2026-11-20", "jāprecizē", "Tests: atkal"), again))
    assert "„Pavadoņa pakalpojums (stunda)” no 20.11.2026 līdz 30.11.2026; statuss" in text, text
    assert "izveidoja šajās dienās no jebkuras matricas" in text and "vai vēlāk no jebkuras" not in text, text
    assert "- `ibm collect`: savākšanā no 20.11.2026 līdz 30.11.2026 bērna F" in text, text


def test_each_gap_of_a_value_withdrawn_twice_is_named(catalogue_copy: Path, tmp_path: Path) -> None:
    """Withdrawn 20.11, confirmed again 01.12, withdrawn again 15.12: collect names both gaps, not one span over the
    confirmed days between them."""
    confirmed = _ceiling_entry("2026-10-01", "apstiprināts", LM_DOCUMENT)
    text = _withdrawal_report(catalogue_copy, tmp_path, (confirmed,), (
        confirmed, _ceiling_entry("2026-11-20", "jāprecizē", "Tests: atkal"),
        _ceiling_entry("2026-12-01", "apstiprināts", LM_DOCUMENT + " 2"),
        _ceiling_entry("2026-12-15", "jāprecizē", "Tests: vēlreiz")))
    assert "savākšanā no 20.11.2026 līdz 30.11.2026 un no 15.12.2026 bērna F" in text, text


def test_a_withdrawal_followed_by_another_confirmed_figure_stays_open(catalogue_copy: Path, tmp_path: Path) -> None:
    """5,11 withdrawn 20.11 and 6,00 confirmed 21.11: another figure does not confirm the plan's 5,11 again
    (confirmation_spans), so the blank of the 5,11 is open – as the console says it („no 20.11.2026”)."""
    confirmed = _ceiling_entry("2026-10-01", "apstiprināts", LM_DOCUMENT)
    text = _withdrawal_report(catalogue_copy, tmp_path, (confirmed,), (
        confirmed, _ceiling_entry("2026-11-20", "jāprecizē", "Tests: atkal"),
        _ceiling_entry("2026-11-21", "apstiprināts", LM_DOCUMENT + " 3", "6.00")))
    assert "„Pavadoņa pakalpojums (stunda)” no 20.11.2026; statuss" in text, text
    assert "izveido šajā dienā vai vēlāk no jebkuras matricas" in text, text
    assert "savākšanā 20.11.2026 vai vēlāk bērna F" in text, text
    # D334: dated for the three kinds of matrix – before the withdrawal (5,11 confirmed) and in its gap (5,11
    # „jāprecizē”) the papers print a blank and a plan starting in the gap may have either; from 21.11 the 6,00 is
    # confirmed: its matrices print it, and a plan starting then has only such a matrix
    papers = next(line for line in text.splitlines() if line.startswith("- Parakstāmie dokumenti"))
    assert ("no jebkuras matricas, kuras cenu diena ir pirms 21.11.2026 – arī no tās, kurā tā bija apstiprināta –, tās "
            "vietā atkal ir tukša vieta (D296, D302). Plānam, kas sākas šajā dienā vai vēlāk, bet pirms 21.11.2026, der "
            "gan iepriekšējā matrica, gan šīs dienas matrica") in papers, papers
    assert ("No 21.11.2026 katalogā „Pavadoņa pakalpojums (stunda)” ir cits skaitlis: matricā, kuras cenu diena ir "
            "21.11.2026 vai vēlāka, tas ir apstiprināts, un dokumentos no tās ir šis skaitlis; plānam, kas sākas "
            "21.11.2026 vai vēlāk, der tikai šāda matrica (D61).") in papers, papers
    collect = next(line for line in text.splitlines() if line.startswith("- `ibm collect`"))
    assert ("– no matricām, kuru cenu diena ir pirms 21.11.2026, arī no tām, kurās vērtība bija apstiprināta; vēlākās "
            "matricās ir cits skaitlis, un F statusu nosaka tā statuss (D296, D302, D334).") in collect, collect
    assert "jebkuras matricas –" not in text and "arī no matricām, kurās" not in text, text
