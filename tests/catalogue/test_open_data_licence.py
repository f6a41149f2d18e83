"""catalogue/open-data-licence.yaml (D188, after D183): the open data's licence and its status are catalogue data –
the ministry's decision is written there, without a change to the code, and LASIMANI.txt and the downloads page
follow it; a broken entry names the file, the line and what is expected."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity
from generator.opendata.export import render_open_data
from generator.opendata.licence import licence_lines
from generator.site import downloads
from generator.site.other_pages import render_downloads

FILE = "open-data-licence.yaml"


def _edit(root: Path, **changes: object) -> None:
    path = root / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_ministrys_decision_is_written_in_the_catalogue_and_shown_everywhere(catalogue_copy: Path,
                                                                                   tmp_path: Path) -> None:
    before, _ = load_catalogue(catalogue_copy)
    assert before is not None and before.open_data_licence is not None
    assert before.open_data_licence.status.value == "jāprecizē"  # not decided: the proposal, as D183 says
    version = before.version
    _edit(catalogue_copy, status="apstiprināts", decided="2027-02-15",
          licence={"name": "Creative Commons Zero 1.0 (CC0 1.0)",
                   "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.lv"},
          source="Izdomāta ministrijas vēstule Nr. 1-2/3")
    after, problems = load_catalogue(catalogue_copy)
    assert after is not None, [p.format(catalogue_copy) for p in problems if p.severity is Severity.error]
    assert after.version != version  # a catalogue file: its change is a new catalogue version
    said = " ".join(licence_lines(after))
    assert "Licence: Creative Commons Zero 1.0 (CC0 1.0), https://creativecommons.org/publicdomain/zero/1.0/deed.lv" \
        in said
    assert "Izdomāta ministrijas vēstule Nr. 1-2/3, 15.02.2027" in said
    assert "jāprecizē" not in said and "priekšlikums" not in said and "CC BY" not in said
    render_open_data(after, tmp_path, progress=lambda _m: None)
    readme = " ".join((tmp_path / "atvertie-dati" / "LASIMANI.txt").read_text("utf-8-sig").split())
    assert "Licence: Creative Commons Zero 1.0 (CC0 1.0)" in readme and "CC BY 4.0" not in readme
    page = " ".join(render_downloads(after, downloads.collect(after, tmp_path)).split())
    assert "Licence: Creative Commons Zero 1.0 (CC0 1.0)" in page and "CC BY 4.0" not in page


def _errors(root: Path) -> list[str]:
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    return [p.format(root) for p in problems if p.severity is Severity.error and FILE in str(p.path)]


def test_a_decided_licence_needs_its_day_and_an_address_is_https(catalogue_copy: Path) -> None:
    _edit(catalogue_copy, status="apstiprināts")
    errors = _errors(catalogue_copy)
    assert any("apstiprinātai licencei vajag ministrijas lēmuma datumu (decided)" in e for e in errors), errors
    _edit(catalogue_copy, status="jāprecizē", licence={"name": "CC BY 4.0", "url": "creativecommons.org/x"})
    errors = _errors(catalogue_copy)
    assert any("licence.url" in e and "„creativecommons.org/x” neatbilst formātam (gaidīts: tīmekļa adrese, kas "
               "sākas ar https://)" in e for e in errors), errors
    assert all(re.search(rf"{re.escape(FILE)}:\d+", e) for e in errors), errors  # the file and its line


def test_the_current_catalogue_must_have_the_file(catalogue_copy: Path) -> None:
    """Without the file an older catalogue version (ibm changes --from) uses the toolkit's, with a warning."""
    (catalogue_copy / FILE).unlink()
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None and catalogue.open_data_licence is not None
    warnings = [p.format(catalogue_copy) for p in problems if p.severity is Severity.warning]
    assert any(FILE in w and "izmanto rīkkopas failu" in w for w in warnings), warnings
