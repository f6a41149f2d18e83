"""`ibm changes`: every rule field of a service is reported with its old and new value and the service is listed
as affected (README: "vecā un jaunā vērtība"; audit27 F2)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Service
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report
from generator.changes.service_rules import DESCRIPTIVE_FIELDS, RULE_FIELDS
from generator.cli import main

SERVICE = "2.2"  # Asistents: market, individual, hours, for every impairment, paid to the provider
# field -> (new value in the YAML, the rule's old and new value as the report says them)
EDITS = {
    "recipient": ("parent", "bērns", "vecāks"),
    "form": ("both", "individuāli", "individuāli un grupā"),
    "unit": ("reize", "stunda", "reize (konsultācija vai nodarbība)"),
    "impairments": (["redzes", "dzirdes"], "visi traucējumu veidi", "redzes traucējumi, dzirdes traucējumi"),
    "regime": ("regulation", "tirgus cena", "normatīvajos aktos noteikta cena"),
    "payee": ("parent", "pakalpojuma sniedzējam pēc līguma vai garantijas vēstules",
              "vecākam – atmaksa pēc izdevumus pamatojošiem dokumentiem"),
    "transport": (True, "nē", "jā"),
    "day_service": ("workshop", "nav", "specializētā darbnīca"),
    "incompatible_with": (["1.5"], "2.1 Pavadonis, 1.5 Aukle", "1.5 Aukle"),
    "includes_sessions_of": (["3.1.2"], "nav", None),  # None: the service's code and short name, read below
}


def _rule_fields() -> list[str]:
    return [name for name in Service.model_fields if name not in DESCRIPTIVE_FIELDS]


def test_every_service_field_is_a_rule_or_descriptive() -> None:
    fields = set(Service.model_fields)
    assert set(RULE_FIELDS) | set(DESCRIPTIVE_FIELDS) == fields
    assert not set(RULE_FIELDS) & set(DESCRIPTIVE_FIELDS)
    assert set(EDITS) == set(_rule_fields()), "a new rule field of the service schema needs a case here"


def _edit_service(folder: Path, service: str, field: str, value: object) -> None:
    path = folder / "services" / f"{service}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    assert data.get(field) != value
    data[field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    if field == "regime":  # the price file states the same regime (crossrefs)
        price = folder / "prices" / f"{service}.yaml"
        text = price.read_text("utf-8")
        assert "regime: market" in text
        price.write_text(text.replace("regime: market", f"regime: {value}"), "utf-8")


@pytest.mark.parametrize("field", _rule_fields())
def test_a_rule_field_change_is_reported_old_to_new(field: str, catalogue_copy: Path, catalogue) -> None:  # noqa: ANN001
    value, old_words, new_words = EDITS[field]
    if new_words is None:
        new_words = ", ".join(f"{s} {catalogue.service_by_id[s].short_name_lv}" for s in value)
    _edit_service(catalogue_copy, SERVICE, field, value)
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    assert not diff.empty
    text = change_report(diff, new, None)
    row = f"| {SERVICE} Asistents | {RULE_FIELDS[field]} | {old_words} | {new_words} |"
    assert row in text.splitlines(), text
    assert "izmaiņu nav" not in text
    affected = next(line for line in text.splitlines() if line.startswith("- Pakalpojumi: "))
    assert f"{SERVICE} Asistents" in affected
    assert SERVICE not in diff.services_edited  # a rule, not "Labots apraksts vai dati"


def test_a_description_edit_is_not_a_rule(catalogue_copy: Path, catalogue) -> None:  # noqa: ANN001
    _edit_service(catalogue_copy, SERVICE, "name_en", "Assistant")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    assert diff.services_edited == [SERVICE] and not diff.service_rules


def test_the_auditors_removed_restrictions(catalogue_copy: Path, tmp_path: Path) -> None:
    """audit27 F2: 3.12 for every impairment and 2.2 no longer incompatible with 2.1 – both rows, both services."""
    for service, old, new in (("3.12", "impairments: [garīga rakstura, multipli]", "impairments: []"),
                              ("2.2", 'incompatible_with: ["2.1", "1.5"]', 'incompatible_with: ["1.5"]')):
        path = catalogue_copy / "services" / f"{service}.yaml"
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(catalogue_copy),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Atskaite uzrakstīta: {out} (2 mainītas vērtības)" in result.output
    lines = out.read_text("utf-8").splitlines()
    assert ("| 3.12 Agrīnās intervences programma | traucējumu veidi | garīga rakstura traucējumi, multipli traucējumi "
            "| visi traucējumu veidi |") in lines
    assert "| 2.2 Asistents | nesaderīgs vienā periodā ar | 2.1 Pavadonis, 1.5 Aukle | 1.5 Aukle |" in lines
    # 2.1 is touched too: a plan with both 2.1 and 2.2 is no longer a rule error
    assert "- Pakalpojumi: 2.1 Pavadonis, 2.2 Asistents, 3.12 Agrīnās intervences programma" in lines
    assert not any(line.startswith("- Labots apraksts vai dati") for line in lines)
