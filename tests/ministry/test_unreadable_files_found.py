"""`ibm collect`: a file it cannot read is shown by its label (D221), and the screen says how it is found – by
`sha256sum` in the collected folder, or, for a file that cannot be hashed (a link that leads nowhere), by its neutral
name's inode number (`find -inum`); several such files are no longer all „matrica-nenolasāms.xlsx”. Its subfolder is
named when this run already shows that folder for another file; a folder that may be the child's stays „…”."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.collect import shown_folders
from generator.ministry.reading import ReadResult
from generator.ministry.records import Refusal

ENV = {"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"}
CHILD = "Anna Paraugs"  # an obviously fictional child


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def test_unread_files_are_found_by_their_labels(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    child = children[0]
    folder = tmp_path / "matricas"
    archive = folder / child.municipality / "arhivs"
    archive.mkdir(parents=True)
    shutil.copy(child.path, archive / "plans.xlsx")  # read and used: the folder „arhivs” is shown for it
    (archive / "bojats.xlsx").write_bytes(b"nav darbgramata 1")
    own = folder / child.municipality / CHILD
    own.mkdir()
    (own / "plans.xlsx").write_bytes(b"nav darbgramata 2")
    links = [folder / child.municipality / f"saite-{n}.xlsx" for n in (1, 2)]
    for link in links:
        link.symlink_to(tmp_path / "nav.xlsx")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "o" / "k.xlsx"), "--jobs", "1",
                                       "--no-cache"], env=ENV)
    assert result.exit_code == 3, result.output
    text = result.output
    assert CHILD not in text and "Paraug" not in text, text
    m = child.municipality
    assert f"  {m}/arhivs/matrica-{_sha(b'nav darbgramata 1')}.xlsx: " in text, text
    assert f"  {m}/…/matrica-{_sha(b'nav darbgramata 2')}.xlsx: " in text, text  # the child's folder: not named
    for link in links:  # two broken links: each by its folder and its own number
        assert f"  {m}/matrica-nenolasāms-{os.lstat(link).st_ino}.xlsx: saite uz neesošu failu" in text, text
    assert (f"Piezīme: faili, kas parādīti kā matrica-<SHA-256 sākums>, atrodami ar sha256sum mapē {folder} (faila "
            "SHA-256 sākas ar šiem cipariem); nenolasāmi faili un saites, kas parādīti kā "
            f"matrica-nenolasāms-<numurs>, – ar find {shlex.quote(str(folder))} -inum <numurs>.") in text, text


def test_a_folder_is_named_only_when_another_file_shows_it(tmp_path: Path) -> None:
    def unread(rel: str) -> ReadResult:
        shown = rel.split("/")
        hidden = "/".join([shown[0], *("…" for _ in shown[1:-1]), "matrica-abc.xlsx"])
        return ReadResult(tmp_path / rel, hidden, refusal=Refusal(hidden, "abc", shown[0], ("bojāts",)), unread=True)

    read = ReadResult(tmp_path / "ogre/arhivs/2019/plans.xlsx", "ogre/arhivs/2019/plans.xlsx", digest="f" * 64)
    # a matrix that was opened and hid its own child's folder keeps it hidden, shown elsewhere or not
    opened = ReadResult(tmp_path / "ogre/arhivs/y.xlsx", "ogre/…/matrica-abd.xlsx",
                        refusal=Refusal("ogre/…/matrica-abd.xlsx", "abd", "ogre", ("bojāts",)))
    results = shown_folders([read, unread("ogre/arhivs/x.xlsx"), unread("ogre/arhivs/cits/x.xlsx"),
                             unread("ogre/Vards/x.xlsx"), opened], tmp_path)
    assert [r.rel for r in results] == ["ogre/arhivs/2019/plans.xlsx", "ogre/arhivs/matrica-abc.xlsx",
                                        "ogre/arhivs/…/matrica-abc.xlsx", "ogre/…/matrica-abc.xlsx",
                                        "ogre/…/matrica-abd.xlsx"]
    assert [r.refusal.path for r in results[1:]] == [r.rel for r in results[1:]]


def test_a_screened_folder_is_named_mape_in_the_hint(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """D360: a folder given with a birth date or personal code in its name is screened („/x/…”) in every line – the
    hint then names the argument, MAPE, not a path nobody can pass to sha256sum or find (review46 L1)."""
    _, children = small_folder
    folder = tmp_path / "matricas 010101"  # fictional: six digits as a personal code's date part
    (folder / children[0].municipality).mkdir(parents=True)
    (folder / children[0].municipality / "bojats.xlsx").write_bytes(b"nav darbgramata 3")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "o" / "k.xlsx"), "--jobs", "1",
                                       "--no-cache"], env=ENV)
    text = result.output
    assert result.exit_code == 1, text  # no usable matrix: nothing written
    assert "010101" not in text, text
    assert "atrodami ar sha256sum mapē MAPE (faila SHA-256 sākas ar šiem cipariem)" in text, text
