"""Catalogue errors as a Latvian reader takes them (audit24 F25): list positions counted from one, a decimal
comma in an amount, Latvian quotes around values and paths – in every command that prints them."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from generator.catalogue.problems import Severity, human_field, lv_number
from generator.cli import main

CEILING = "prices/grupu-nodarbibu-griesti.yaml"
SECOND_VALUE = """  - effective_from: 2024-01-01
    kind: ceiling
    amount: 27.405
    source: Tests
    status: apstiprināts
"""


def _line(path: Path, marker: str) -> int:
    return next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if marker in text)


def _break(root: Path) -> None:
    """Three errors at once: a fraction of a cent in the 2nd dated value, a wrong date, a missing field."""
    ceiling = root / CEILING
    ceiling.write_text(ceiling.read_text("utf-8") + SECOND_VALUE, "utf-8")
    price = root / "prices" / "3.1.2.yaml"
    price.write_text(price.read_text("utf-8").replace("effective_from: 2018-08-01", "effective_from: 01.08.2018", 1),
                     "utf-8")
    service = root / "services" / "3.1.3.yaml"
    text = service.read_text("utf-8")
    assert re.search(r"^short_name_lv: .*\n", text, re.MULTILINE)
    service.write_text(re.sub(r"^short_name_lv: .*\n", "", text, count=1, flags=re.MULTILINE), "utf-8")


def test_cents_date_and_missing_field_are_said_as_a_person_reads_them(catalogue_copy: Path) -> None:
    _break(catalogue_copy)
    _, problems = load_catalogue(catalogue_copy)
    texts = [p.format(catalogue_copy) for p in problems if p.severity is Severity.error]
    cents = _line(catalogue_copy / CEILING, "amount: 27.405")
    assert (f"catalogue/{CEILING}:{cents}: values 2. ieraksts, amount: summa 27,405 nav veselos centos "
            "(gaidīts: summa euro ar ne vairāk kā diviem cipariem aiz komata)") in texts, texts
    day = _line(catalogue_copy / "prices/3.1.2.yaml", "01.08.2018")
    assert (f"catalogue/prices/3.1.2.yaml:{day}: values 1. ieraksts, effective_from: nav datums "
            "(gaidīts: datums formā GGGG-MM-DD)") in texts, texts
    assert any(t.startswith("catalogue/services/3.1.3.yaml:") and "short_name_lv: lauks nav norādīts" in t
               for t in texts), texts
    # no zero-based positions, no decimal point in a sentence
    assert not [t for t in texts if re.search(r"\.\d+\.|\.\d+:|\d\.\d{3}\b", t.split(": ", 1)[1])], texts


def test_every_command_names_the_catalogue_in_latvian_quotes(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "kat"
    shutil.copytree(DEFAULT_CATALOGUE, root)
    _break(root)
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(root)])
    assert result.exit_code == 1, result.output
    assert f"Kļūda: katalogs „{root}” nav derīgs; nekas netika uzrakstīts." in result.output, result.output
    assert "'" not in result.output, result.output
    # the new version's errors at the user's own lines (not those of an adapted copy without comments)
    assert f"kat/{CEILING}:{_line(root / CEILING, 'amount: 27.405')}: values 2. ieraksts, amount: summa 27,405" \
        in result.output, result.output
    assert f"kat/prices/3.1.2.yaml:{_line(root / 'prices/3.1.2.yaml', '01.08.2018')}: values 1. ieraksts" \
        in result.output, result.output
    result = CliRunner().invoke(main, ["check", "--catalogue", str(root)])
    assert result.exit_code == 1 and "summa 27,405 nav veselos centos" in result.output, result.output


def test_an_unknown_value_is_quoted_with_its_choices(catalogue_copy: Path) -> None:
    price = catalogue_copy / "prices" / "3.1.3.yaml"
    price.write_text(price.read_text("utf-8").replace("regime: market", "regime: tirgus", 1), "utf-8")
    _, problems = load_catalogue(catalogue_copy)
    [text] = [p.format(catalogue_copy) for p in problems if p.severity is Severity.error and p.path == price]
    assert text.endswith("regime: nezināma vērtība „tirgus” (gaidīts: „market”, „regulation”, "
                         "„delegated_contract” vai „actual_cost”)"), text


def test_field_positions_and_numbers() -> None:
    assert human_field("values.1.amount") == "values 2. ieraksts, amount"
    assert human_field("years.2.days.14.date") == "years 3. ieraksts, days 15. ieraksts, date"
    assert human_field("0.fails") == "1. ieraksts, fails"
    assert human_field("base_amount.values.0.value") == "base_amount.values 1. ieraksts, value"
    assert human_field("name_lv") == "name_lv"
    assert lv_number("27.405") == "27,405" and lv_number(3000.005) == "3000,005" and lv_number("kaķis") == "„kaķis”"
