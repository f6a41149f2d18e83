"""Whom the social service pays for a service (``payee``): a field every service states, never a default, and a
bad or missing value refused by `ibm check` with the file (named after the service id), the line and the
allowed values."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Payee, Service
from generator.cli import main

TRANSPORT = "2.4"  # a service the catalogue repays to the parent today
ALLOWED = "„provider” vai „parent”"


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line.startswith(text))


def _check(catalogue: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue)])
    return result.exit_code, result.output


def test_every_service_file_states_its_payee(catalogue: Catalogue) -> None:
    assert Service.model_fields["payee"].is_required()
    for yf, service in zip(catalogue.service_files, catalogue.services, strict=True):
        values = [line for line in yf.path.read_text("utf-8").splitlines() if line.startswith("payee:")]
        assert values == [f"payee: {service.payee.value}"], yf.path.name
    # every payee has its label and methodology lines for the pages that show it
    assert set(catalogue.enums.payees) == set(Payee)
    assert all(re.fullmatch(r"L\d{1,4}", ref) for label in catalogue.enums.payees.values() for ref in label.atsauces)


def test_an_unknown_payee_is_refused_with_file_line_and_allowed_values(catalogue_copy: Path) -> None:
    path = catalogue_copy / "services" / f"{TRANSPORT}.yaml"
    path.write_text(path.read_text("utf-8").replace("payee: parent\n", "payee: vecāks\n"), "utf-8")
    code, output = _check(catalogue_copy)
    line = _line_of(path, "payee:")
    assert code == 1, output
    assert f"catalogue/services/{TRANSPORT}.yaml:{line}: payee: nezināma vērtība „vecāks” (gaidīts: {ALLOWED})" \
        in output, output
    assert "Katalogs nav derīgs" in output and "Traceback" not in output


def test_a_missing_payee_is_refused_and_names_the_allowed_values(catalogue_copy: Path) -> None:
    path = catalogue_copy / "services" / "3.1.2.yaml"
    path.write_text(path.read_text("utf-8").replace("payee: provider\n", ""), "utf-8")
    code, output = _check(catalogue_copy)
    assert code == 1, output
    assert re.search(r"catalogue/services/3\.1\.2\.yaml:\d+: payee: lauks nav norādīts "
                     rf"\(gaidīts: obligāts lauks: {ALLOWED}\)", output), output


def test_a_payee_without_its_label_is_refused(catalogue_copy: Path) -> None:
    path = catalogue_copy / "enums.yaml"
    text = path.read_text("utf-8")
    start = text.index("  parent:\n    name_lv:")
    path.write_text(text[:start] + text[start:].split("\n", 3)[3], "utf-8")  # drop parent's name_lv and atsauces
    code, output = _check(catalogue_copy)
    assert code == 1, output
    assert re.search(r"catalogue/enums\.yaml:\d+: payees: trūkst nosaukuma: parent", output), output
