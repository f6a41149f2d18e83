"""Which units are counted in whole units only (D256): a field every unit of catalogue/enums.yaml states, never a
default; the matrix (6.8's h_Pak_Vesels) and the tools' reader take the list from it, and a missing value is refused
by `ibm check`."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Unit
from generator.cli import main


def test_every_unit_states_whether_it_is_whole(catalogue: Catalogue) -> None:
    """A session, a day and night and a working day cannot be halved; an hour (worked time), a course (split over
    periods), a month and the euro can (D256, the reasons beside the list in enums.yaml)."""
    assert Unit.model_fields["whole"].is_required()
    assert catalogue.enums.whole_units == {"reize", "diennakts", "darba-diena"}
    assert {u.id for u in catalogue.enums.units} - catalogue.enums.whole_units == {"stunda", "kurss", "menesis", "euro"}


def test_the_matrix_flags_the_whole_units_of_its_services(catalogue: Catalogue, tmp_path: Path) -> None:
    """6.8's hidden h_Pak_Vesels is 1 on exactly the rows of services priced in a whole unit."""
    from openpyxl import load_workbook

    from generator.workbook.issue_days import template_date
    from generator.workbook.names import read
    from generator.workbook.writer import write_workbook

    path = write_workbook(catalogue, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    flags, labels = read(wb, "h_Pak_Vesels"), read(wb, "Pak_Id")
    offers = {o.label: o for o in catalogue.offers(template_date(catalogue))}
    expected = [1 if str(offers[str(label)].service.unit) in catalogue.enums.whole_units else 0 for label in labels]
    assert flags == expected and 0 < sum(expected) < len(expected)


def test_a_unit_without_whole_is_refused(catalogue_copy: Path) -> None:
    path = catalogue_copy / "enums.yaml"
    path.write_text(path.read_text("utf-8").replace("name_en: course, whole: false}", "name_en: course}"), "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    assert re.search(r"catalogue/enums\.yaml:\d+: units 5\. ieraksts „kurss”, whole: lauks nav norādīts \(gaidīts: obligāts "
                     r"lauks\)", result.output), result.output
