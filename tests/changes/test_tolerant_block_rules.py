"""`ibm changes` across a field that a model-level rule requires (review5 F2): an older version whose confirmed
procedures block lacks a flag added later is compared on the rest, and the report says the flag was not compared."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.catalogue.loader import load_catalogue, load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.tolerant import load_tolerant
from tests.changes.history import changes_before


def _without_line(path: Path, start: str) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    kept = [ln for ln in lines if not ln.lstrip().startswith(start)]
    assert len(kept) < len(lines), start
    path.write_text("".join(kept), "utf-8")


def test_a_flag_the_confirmed_procedures_block_lacks_is_filled_and_named(catalogue_copy: Path,
                                                                          tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    _without_line(old / "rounds.yaml", "advance_payment:")
    broken, problems = load_catalogue(old)
    assert broken is None and any("advance_payment" in p.message for p in problems)  # the rule refuses it
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    assert loaded.skipped == ["rounds.yaml: lauks `rounds.0.procedures.advance_payment` („pašvaldībai kārtas pirmajā "
                              "mēnesī ieskaita avansu pakalpojumu apmaksai”) iepriekšējā versijā nebija; "
                              "nav salīdzināts"], loaded.skipped
    assert diff_catalogues(loaded.catalogue, load_or_raise(catalogue_copy)).empty


def test_a_flag_neither_version_has_comes_from_the_toolkits_catalogue(catalogue_copy: Path, tmp_path: Path) -> None:
    """Two older revisions, both without the flag: the toolkit's own value fills it in both."""
    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    for folder in (old, catalogue_copy):
        _without_line(folder / "rounds.yaml", "reserve_list:")
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    assert any(s.startswith("rounds.yaml: lauks `rounds.0.procedures.reserve_list` (")
               and s.endswith(" iepriekšējā versijā nebija; nav salīdzināts") for s in loaded.skipped), loaded.skipped


def test_changes_from_a_revision_before_the_new_procedure_flags(tmp_path: Path) -> None:
    output, text = changes_before(tmp_path, ("-S", "reserve_list:", "--", "catalogue/rounds.yaml"),
                                  "nav git vēstures ar jaunajiem kārtas procedūru laukiem")
    assert "nav derīgs" not in output
    for flag in ("reserve_list", "advance_payment", "child_reallocation"):  # each with its meaning in brackets
        assert re.search(rf"rounds\.yaml: lauks `rounds\.0\.procedures\.{flag}` \(„[^”]+”\) iepriekšējā versijā "
                         r"nebija; nav salīdzināts", text), text


def test_a_field_new_in_every_entry_of_a_list_is_one_sentence_with_its_meaning(catalogue_copy: Path,
                                                                                tmp_path: Path) -> None:
    """audit27b F7: an older version without a field every municipality now has is named once, with the number of
    entries and what the field is (the model's description), not once per entry by its YAML path."""
    old = tmp_path / "old"
    shutil.copytree(catalogue_copy, old)
    entries = sum(1 for ln in (old / "municipalities.yaml").read_text("utf-8").splitlines()
                  if ln.lstrip().startswith("short_name_lv:"))
    assert entries > 1
    _without_line(old / "municipalities.yaml", "short_name_lv:")
    loaded = load_tolerant(old, catalogue_copy, tmp_path / "work", "iepriekšējā")
    assert loaded.catalogue is not None, [p.format() for p in loaded.problems]
    # one bracket, not two in a row (audit29b)
    assert loaded.skipped == [f"municipalities.yaml: lauks `municipalities.*.short_name_lv` ({entries} ierakstos; "
                              "„Īss nosaukums šaurām kolonnām”) iepriekšējā versijā nebija; nav salīdzināts"], \
        loaded.skipped


def test_a_description_gives_its_first_clause_or_nothing() -> None:
    from generator.changes.tolerant import _first_clause

    assert _first_clause("Kam Dienests maksā: provider – sniedzējam (L2197, L2198; D38)") == "Kam Dienests maksā"
    assert _first_clause("Īss nosaukums šaurām kolonnām (ministrijas kopsavilkums), piem. „Jelgava”") == \
        "Īss nosaukums šaurām kolonnām"
    assert _first_clause("jāprecizē: avota datums nav noskaidrots") == ""  # starts with a value, not a meaning
    assert _first_clause("Kā audit40 F9 to nosauca") == "" and _first_clause("lauks effective_from ir") == ""
