"""Outputs compared across two catalogues: the version stamp is taken out in every form an output shows it."""

from generator import lvformat
from generator.changes.outputs import STAMP, unstamped

OLD, NEW = "2023-04-01+1111aaaa", "2023-04-01+2222bbbb"


def _page(version: str) -> bytes:
    return (f"Līgums … veidnes versija {lvformat.version(version)}; IBM_Versija {version}.3; "
            f"Veidne {lvformat.version(version + '.3')}").encode()


def test_every_form_of_the_version_is_taken_out() -> None:
    assert unstamped(_page(OLD), OLD) == unstamped(_page(NEW), NEW)
    assert b"1111aaaa" not in unstamped(_page(OLD), OLD) and STAMP in unstamped(_page(OLD), OLD)


def test_a_real_difference_stays() -> None:
    assert unstamped(_page(OLD) + b" 7,77", OLD) != unstamped(_page(NEW) + b" 8,88", NEW)
    assert unstamped(b"x", None) == b"x"
