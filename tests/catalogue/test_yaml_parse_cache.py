"""read_yaml keeps the parse of each text it has read (generator/catalogue/yamlfile.py): a text read again gives the
same data and lines as a fresh parse, under its own path; the caller's copy is its own; a changed text is parsed
anew; a text with a problem is never kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue import yamlfile
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.catalogue.problems import CatalogueError
from generator.catalogue.yamlfile import read_yaml

TEXT = """\
a: 1
b:
  - x: 2.50
    y: [1, 2]
  - &same {z: 2019-03-01}
  - *same
c: {d: null, e: true}
"""


def _fresh(path: Path) -> yamlfile.YamlFile:
    yamlfile._PARSED.clear()
    return read_yaml(path)


def test_a_text_read_again_gives_what_a_fresh_parse_gives(tmp_path: Path) -> None:
    for path in sorted(DEFAULT_CATALOGUE.rglob("*.yaml"))[:40]:
        fresh = _fresh(path)
        again = read_yaml(path)
        assert (again.path, again.data, again.lines) == (fresh.path, fresh.data, fresh.lines), path
    other = tmp_path / "cits.yaml"
    other.write_text(path.read_text("utf-8"), "utf-8")
    moved = read_yaml(other)
    assert moved.path == other and (moved.data, moved.lines) == (fresh.data, fresh.lines)


def test_each_caller_gets_its_own_data(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(TEXT, "utf-8")
    first = _fresh(path)
    expected = {"a": 1, "b": [{"x": "2.50", "y": [1, 2]}, {"z": "2019-03-01"}, {"z": "2019-03-01"}],
                "c": {"d": None, "e": True}}
    assert first.data == expected
    first.data["b"][0]["y"].append(3)
    first.data["c"]["d"] = "mainīts"
    first.lines[("a",)] = 99
    second = read_yaml(path)
    assert second.data == expected and second.lines[("a",)] == 1
    second.data["b"][1]["z"] = "cits"
    assert read_yaml(path).data == expected


def test_a_changed_text_is_parsed_anew_and_a_broken_one_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(TEXT, "utf-8")
    _fresh(path)
    path.write_text(TEXT.replace("a: 1", "a: 2"), "utf-8")
    assert read_yaml(path).data["a"] == 2
    broken = TEXT + "a: 3\n"  # a repeated key
    path.write_text(broken, "utf-8")
    for _ in range(2):
        with pytest.raises(CatalogueError) as error:
            read_yaml(path)
        assert "atslēga atkārtojas" in str(error.value.problems[0])
    assert broken not in yamlfile._PARSED
