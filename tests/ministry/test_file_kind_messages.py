"""A file that is no xlsx is named for what it likely is: a password-protected or old-format Excel file (the
compound-file signature D0 CF 11 E0), a name without an extension (audit27 F6, F7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ministry.fastread import read_fast
from generator.ministry.matrix import Matrix, MatrixError
from generator.ministry.xlsxread import XlsxReadError

OLE = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)


def test_a_password_protected_xlsx_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "parole.xlsx"
    path.write_bytes(OLE)
    with pytest.raises(MatrixError) as caught:
        Matrix.open(path)
    assert "iespējams, aizsargāts ar paroli vai saglabāts vecā Excel formātā (.xls)" in str(caught.value)
    assert "saglabājiet kā „Excel darbgrāmata (.xlsx)”" in str(caught.value)
    with pytest.raises(XlsxReadError, match="aizsargāts ar paroli"):
        read_fast(path, data=path.read_bytes())  # `ibm collect` reads the bytes it hashed


def test_other_bytes_are_still_no_zip(tmp_path: Path) -> None:
    path = tmp_path / "teksts.xlsx"
    path.write_bytes(b"nav zip")
    with pytest.raises(MatrixError, match=r"^nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts \(nav ZIP arhīvs; gaidīts: \.xlsx darbgrāmata\) – lūdziet to nosūtīt vēlreiz"):
        Matrix.open(path)


def test_a_name_without_an_extension_is_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "afile"
    path.write_bytes(b"x")
    with pytest.raises(MatrixError, match=r"^nav xlsx fails \(faila nosaukumam nav paplašinājuma; gaidīts: \.xlsx\)$"):
        Matrix.open(path)
