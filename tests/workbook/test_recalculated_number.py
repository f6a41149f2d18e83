"""How a number read from LibreOffice over UNO is written as the saved xlsx would hold it (recalculated._written)."""

import pytest

from generator.workbook.recalculated import _written


@pytest.mark.parametrize(("raw", "saved"), [
    # LibreOffice saved 341.33 for this UNO value (IBM_TEST_SEED=891023127, test_report_workbooks); the exact binary
    # value 341.32999999999947… rounds down to 341.329999999999 at 15 digits, its shortest form 341.3299999999995 up.
    (341.3299999999995, 341.33),
    (-341.3299999999995, -341.33),
    (0.1 + 0.2, 0.3),
    (1 / 3, 0.333333333333333),
    (7.0, 7),
    (0.0, 0),
    (1.2345678901234568e17, 1.23456789012346e17),
])
def test_a_number_is_written_as_libreoffice_saves_it(raw: float, saved: float) -> None:
    written = _written(raw)
    assert written == saved and type(written) is type(saved)
