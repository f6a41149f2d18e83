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


@pytest.mark.parametrize(("typed", "printed"), [
    ('SIA "Rūpju Paraugs"', "SIA „Rūpju Paraugs”"),
    ('"Rūpju Paraugs", SIA', "„Rūpju Paraugs”, SIA"),
    ('Biedrība "Centrs "Saule""', "Biedrība „Centrs „Saule””"),
    ('SIA "A" un nodibinājums "B" (Rīga)', "SIA „A” un nodibinājums „B” (Rīga)"),
    ("Biedrība „Paraugs”", "Biedrība „Paraugs”"),
    ("IK Paraugs", "IK Paraugs"),
])
def test_a_typed_pair_of_straight_quotes_becomes_latvian_quotation_marks(typed: str, printed: str) -> None:
    assert lvformat.latvian_quotes(typed) == printed


@pytest.mark.parametrize("typed", ['SIA "Paraugs', 'SIA Paraugs"', '12" ekrāns', 'SIA "A" "B', 'a"b"c', '""',
                                   'SIA " Paraugs "'])
def test_unbalanced_or_unclear_straight_quotes_are_left_as_typed(typed: str) -> None:
    assert lvformat.latvian_quotes(typed) == typed


def test_a_version_id_has_no_date() -> None:
    assert lvformat.version_id("2023-04-01+214ae134") == "214ae134"
    assert lvformat.version_id("2023-04-01+7ca2ab6d.10@2018-10-01") == "7ca2ab6d.10"
    with pytest.raises(ValueError, match="nav saprotama"):
        lvformat.version_id("v1")


@pytest.mark.parametrize(("n", "printed"), [(1, "1 mēnesi"), (5, "5 mēnešus"), (11, "11 mēnešus"),
                                            (21, "21 mēnesi")])
def test_a_month_count_as_an_object_is_in_the_accusative(n: int, printed: str) -> None:
    assert lvformat.months_accusative(n) == printed


def test_entered_quotes_a_text_but_not_a_number() -> None:
    assert lvformat.entered("abc") == "„abc”" and lvformat.entered("") == "„”"
    assert lvformat.entered(3) == "3" and lvformat.entered(2.5) == "2.5"
