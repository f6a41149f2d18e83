"""`ibm changes` tells a municipality what changed for it (audit39 F2): a new municipality with its round, a rename
in municipalities.yaml, a dated name from municipality-names.yaml with its day and source, and a new round's
municipalities and funding – not „Mainīti dati: …”."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report


def _changed():
    old, new = load_or_raise(), load_or_raise()
    municipalities = new.municipalities.municipalities
    jelgava = next(m for m in municipalities if m.id == "jelgava")
    municipalities.append(jelgava.model_copy(update={"id": "testpils", "name_lv": "Testpils novada pašvaldība"}))
    bauska = next(i for i, m in enumerate(municipalities) if m.id == "bauska")
    municipalities[bauska] = municipalities[bauska].model_copy(update={"name_lv": "Bauskas Testa novada pašvaldība"})
    last = new.rounds[-1]
    new.rounds[-1] = last.model_copy(update={"id": "testa-karta", "name_lv": "Testa kārta",
                                             "municipalities": [*last.municipalities, "testpils"]})
    names = new.municipality_names.names["jelgava"].municipality
    names.append(names[-1].model_copy(update={"name": "Jelgavas Testa pašvaldība", "valid_from": dt.date(2031, 7, 1),
                                              "status": PriceStatus.confirmed, "source": "Testa nolikums"}))
    return old, new, last


def test_added_renamed_and_dated_names_are_told_with_their_details() -> None:
    old, new, last = _changed()
    rows = {(c.municipality_id, c.what): c for c in diff_catalogues(old, new).municipalities}
    added = rows[("testpils", "jauna pašvaldība")]
    assert added.new == "„Testpils novada pašvaldība”; kārtās: „Testa kārta” (`testa-karta`, " \
                        f"{last.start:%d.%m.%Y}–{last.end:%d.%m.%Y})", added
    renamed = rows[("bauska", "nosaukums (municipalities.yaml)")]
    assert (renamed.old, renamed.new) == ("„Bauskas novada pašvaldība”", "„Bauskas Testa novada pašvaldība”")
    dated = [c for c in diff_catalogues(old, new).municipalities if c.new == "„Jelgavas Testa pašvaldība”"]
    assert len(dated) == 1 and dated[0].effective_from == dt.date(2031, 7, 1) and dated[0].source == "Testa nolikums"
    assert dated[0].old is not None and dated[0].old.startswith("„Jelgavas"), dated


def test_the_report_names_them_and_the_new_round_lists_its_municipalities() -> None:
    old, new, _ = _changed()
    text = change_report(diff_catalogues(old, new), new, None)
    assert "Mainīti dati" not in text
    section = text[text.index("## Pašvaldības"):]
    assert "| Testpils novada pašvaldība (`testpils`) | jauna pašvaldība |" in section
    assert "| 01.07.2031 | Testa nolikums |" in section
    assert "„Bauskas novada pašvaldība” | „Bauskas Testa novada pašvaldība”" in section
    round_row = next(line for line in text.splitlines() if "(`testa-karta`) | kārta |" in line)
    assert "Testpils novada pašvaldība (`testpils`)" in round_row and "finansējums SBS pakalpojumiem:" in round_row
    assert "6.1. tabulas pašvaldības nosaukums" in text[text.index("## Ko tas ietekmē"):]


def test_a_municipality_that_only_joins_a_round_is_told_in_the_rounds_row(tmp_path) -> None:  # noqa: ANN001
    """D309: Cēsis (so far only in the adults' round) joins a new children's round beside Ogre and Valmiera: the round's
    row names all three, and no „Mainīti dati: cesis” line names one of them as if municipalities.yaml had changed."""
    import datetime as dt

    from tests.round_yaml import catalogue_with_round, children_round_entry

    old = load_or_raise()
    entry = children_round_entry("berni-2027", "Testa kārta 2027", dt.date(2027, 1, 1), dt.date(2027, 12, 31),
                                 municipalities=("ogre", "cesis", "valmiera"))
    new = catalogue_with_round(tmp_path / "catalogue", entry)
    diff = diff_catalogues(old, new)
    assert diff.municipalities_changed == [] and diff.municipalities == []
    text = change_report(diff, new, None)
    assert "Mainīti dati" not in text and "## Pašvaldības" not in text
    row = next(line for line in text.splitlines() if "(`berni-2027`)" in line)
    assert all(f"(`{m}`)" in row for m in ("ogre", "cesis", "valmiera")), row
