"""generator/own_files.py: a listing of written files with hashes tells own unchanged files from foreign and
changed ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.own_files import listing, parse_listing, refusal, strangers


def test_foreign_changed_and_gone_files(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_bytes(b"b")
    known = parse_listing(["virsraksts", *listing(tmp_path, ["a.pdf", "sub/b.docx"])])
    assert set(known) == {"a.pdf", "sub/b.docx"}
    assert strangers(tmp_path, known) == ([], [])
    (tmp_path / "sub" / "b.docx").write_bytes(b"labots")
    (tmp_path / "mans.txt").write_text("mans", encoding="utf-8")
    (tmp_path / "a.pdf").unlink()
    assert strangers(tmp_path, known) == (["mans.txt"], ["sub/b.docx"])
    assert strangers(tmp_path, known, ignore=("mans.txt",)) == ([], ["sub/b.docx"])
    text = refusal(tmp_path, ["mans.txt"], ["sub/b.docx"])
    assert "mans.txt" in text and "sub/b.docx" in text and str(tmp_path) in text and "nekas netika" in text


def test_a_users_empty_folder_is_foreign(tmp_path: Path) -> None:
    """D119: the swap removes the old output whole, so a user's empty folder (or one of only empty folders) is named
    once, as a folder; a folder of foreign files is named by its files; a folder the listing names stays own even
    when emptied."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_bytes(b"b")
    known = parse_listing(listing(tmp_path, ["sub/b.docx"]))
    (tmp_path / "tuksa").mkdir()
    (tmp_path / "sub" / "ligzda" / "dzilak").mkdir(parents=True)
    (tmp_path / "mani" / "a").mkdir(parents=True)
    (tmp_path / "mani" / "a" / "skenets.pdf").write_bytes(b"s")
    assert strangers(tmp_path, known) == (["mani/a/skenets.pdf", "sub/ligzda/", "tuksa/"], [])
    for name in ("mani", "sub/ligzda", "tuksa"):
        shutil.rmtree(tmp_path / name)
    (tmp_path / "sub" / "b.docx").unlink()  # the user deleted our file: its folder is still ours
    (tmp_path / "meta").mkdir()  # a folder holding only an ignored file (the command's manifest) is ours too
    (tmp_path / "meta" / ".saraksts.json").write_text("{}", encoding="utf-8")
    assert strangers(tmp_path, known, ignore=("meta/.saraksts.json",)) == ([], [])
    assert strangers(tmp_path, known) == (["meta/.saraksts.json"], [])


def test_the_refusal_names_folders_apart_from_files(tmp_path: Path) -> None:
    only_folder = refusal(tmp_path, ["tuksa/"], [])
    assert "mape, ko šī komanda nav izveidojusi: tuksa/" in only_folder and "fail" not in only_folder
    assert "pārvietojiet šo mapi" in only_folder
    both = refusal(tmp_path, ["a.txt", "x/", "y/"], ["b.pdf"])
    assert "fails, ko šī komanda nav rakstījusi: a.txt;" in both
    assert "mapes, ko šī komanda nav izveidojusi: x/, y/;" in both and "b.pdf" in both
    assert "pārvietojiet šos failus un šīs mapes citur" in both


def test_the_refusal_agrees_in_number_with_what_it_names(tmp_path: Path) -> None:
    """Before: one file and one folder gave "šos failus un mapes", a folder alone "šo mapi uz citu mapi"."""
    assert "pārvietojiet šo failu un šo mapi citur vai" in refusal(tmp_path, ["x.txt", "tukša/"], [])
    assert "pārvietojiet šos failus un šo mapi citur" in refusal(tmp_path, ["x.txt", "tukša/"], ["y.pdf"])
    alone = refusal(tmp_path, ["tukša/"], [])
    assert alone.endswith("pārvietojiet šo mapi citur vai izvēlieties citu --out") and "uz citu mapi" not in alone
    assert "pārvietojiet šīs mapes citur" in refusal(tmp_path, ["a/", "b/"], [])
    assert "pārvietojiet šo failu citur" in refusal(tmp_path, [], ["y.pdf"])
    collect = refusal(tmp_path, ["mans.txt"], [], who="komanda ibm collect", nothing_written=False)
    assert "ir fails, ko komanda ibm collect nav rakstījusi: mans.txt; pārvietojiet šo failu citur" in collect
    assert "nekas netika uzrakstīts" not in collect


def test_a_cut_off_runs_hidden_folder_is_named_as_its_previous_outputs(tmp_path: Path) -> None:
    """A crash mid-swap leaves the previous files in `.ibm-iepriekšējie-XXXX/`: the refusal names that folder once as
    previous outputs set aside, not its files as a stranger's (before: "fails, ko šī komanda nav rakstījusi:
    .ibm-iepriekšējie-abc/0-x.pdf" – review3 F7)."""
    text = refusal(tmp_path, [".ibm-iepriekšējie-abc/0-x.pdf", ".ibm-iepriekšējie-abc/1-y.pdf"], [])
    assert "pārtrauktas palaišanas atliktie iepriekšējie rezultāti: .ibm-iepriekšējie-abc/;" in text, text
    assert "nav rakstījusi" not in text and "pārvietojiet šo mapi citur" in text
    both = refusal(tmp_path, ["mans.txt", ".B-vecais-x1/a.pdf"], [])
    assert "fails, ko šī komanda nav rakstījusi: mans.txt;" in both and ".B-vecais-x1/;" in both
    assert "pārvietojiet šo failu un šo mapi citur" in both


def test_the_refusal_advice_can_be_another_folder(tmp_path: Path) -> None:
    """collect's galigie-apmeri/ is always beside --out: another name in the same folder would be refused again, so
    its advice is another folder (review3 F8)."""
    text = refusal(tmp_path, ["mans.txt"], [], who="komanda ibm collect", advice="izvēlieties --out citā mapē")
    assert text.endswith("pārvietojiet šo failu citur vai izvēlieties --out citā mapē")
