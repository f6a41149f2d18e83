"""A child's folder made by the version before the marker listed files (a one-line marker): replaced when every file
in it is one that version wrote and none was changed after its marker; otherwise refused once more, but naming the
files that cannot be vouched for and saying what to do (D119). Before, every such folder was refused as if each of
its documents were a stranger's file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.documents.from_matrix.older_folder import OLDER_MARKER
from generator.documents.from_matrix.writing import MARKER, FolderTaken, check_folder, write_child

OLDER = ("01-ligums-ar-vecaku.docx", "01-ligums-ar-vecaku.pdf", "02-ligums-ar-sniedzeju-1.docx",
         "03-garantijas-vestule-1.docx", "08-lemums-par-pieskirsanu.docx", "parskats.txt")
WRITTEN = 1_700_000_000_000_000_000  # when the older run wrote its marker (ns): its papers are a little older


def _older_folder(target: Path, names: tuple[str, ...] = OLDER) -> Path:
    target.mkdir()
    for i, name in enumerate(names):
        (target / name).write_bytes(f"agrākā versija {name}".encode())
        os.utime(target / name, ns=(WRITTEN - 1000 + i, WRITTEN - 1000 + i))
    (target / MARKER).write_text(OLDER_MARKER, encoding="utf-8")
    os.utime(target / MARKER, ns=(WRITTEN, WRITTEN))
    return target


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_an_older_versions_untouched_folder_is_replaced(tmp_path: Path) -> None:
    target = _older_folder(tmp_path / "B-0123456789AB")
    check_folder(target)
    write_child([], target, draft=False, pdf=False, report="jaunais\n")
    assert sorted(p.name for p in target.iterdir()) == [MARKER, "parskats.txt"]
    assert (target / "parskats.txt").read_text(encoding="utf-8") == "jaunais\n"
    assert "parskats.txt" in (target / MARKER).read_text(encoding="utf-8")  # the new marker lists its files
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize(("change", "named", "what"), [
    (lambda t: os.utime(t / "01-ligums-ar-vecaku.docx", ns=(WRITTEN + 1, WRITTEN + 1)), "01-ligums-ar-vecaku.docx",
     "šo failu un ka pēc tam neviens to nav mainījis"),
    (lambda t: (t / "01-ligums-parakstits.pdf").write_bytes(b"%PDF"), "01-ligums-parakstits.pdf", "šo failu"),
    (lambda t: [(t / "skenejumi").mkdir(), (t / "x.txt").write_text("x", encoding="utf-8")], "skenejumi/, x.txt",
     "šos failus un mapes un ka pēc tam neviens tos nav mainījis"),
], ids=["edited-docx", "scanned-contract", "users-folder"])
def test_an_older_folder_that_cannot_be_vouched_for_is_refused_with_what_to_do(tmp_path: Path, change, named: str,
                                                                               what: str) -> None:  # noqa: ANN001
    """An edited DOCX (modified after the marker), a scanned contract, a user's folder: refused, the folder as it
    was, the message names exactly those and says how to go on."""
    target = _older_folder(tmp_path / "B-0123456789AB")
    change(target)
    before = _snapshot(target)
    with pytest.raises(FolderTaken) as raised:
        write_child([], target, draft=False, pdf=False, report="jaunais\n")
    message = str(raised.value)
    assert f"mapi {target} izveidoja agrāka rīkkopas versija, kuras atzīmē nav failu saraksta" in message, message
    assert f"tā uzrakstīja {what}" in message and message.count(": ") == 1 and f": {named};" in message, message
    assert f"tad izdzēsiet mapi {target} un palaidiet komandu vēlreiz, vai izvēlieties citu --out" in message
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
