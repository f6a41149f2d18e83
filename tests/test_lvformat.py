"""The readable form of a template version (footers and page headers)."""

import pytest

from generator import lvformat


def test_a_version_reads_without_an_iso_date_and_keeps_its_id() -> None:
    assert lvformat.version("2023-04-01+7ca2ab6d.2") == "7ca2ab6d.2 (katalogs 01.04.2023)"
    assert lvformat.version("2023-04-01+7ca2ab6d") == "7ca2ab6d (katalogs 01.04.2023)"
    assert lvformat.version("2024-12-31+abc.12") == "abc.12 (katalogs 31.12.2024)"


@pytest.mark.parametrize("bad", ["2023-04-01", "v1", "2023-04-01+D2043A76", "01.04.2023+7ca2ab6d"])
def test_an_unreadable_version_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="nav saprotama"):
        lvformat.version(bad)
