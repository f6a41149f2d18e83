"""Pseudonyms and the key: stable per key, different across keys, refused without a usable key."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ministry.pseudonym import ENV_KEY, KeyError_, load_key, pseudonym


def test_same_code_same_pseudonym_and_the_key_matters() -> None:
    key = b"k" * 20
    a = pseudonym(key, "010110-21234")
    assert a == pseudonym(key, "01011021234") == pseudonym(key, " 010110-21234 ")
    assert a.startswith("B-") and len(a) == 14 and "010110" not in a
    assert pseudonym(b"c" * 20, "010110-21234") != a
    assert pseudonym(key, "010110-21235") != a


def test_key_from_the_environment_or_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_KEY, "x" * 32)
    assert load_key(None) == b"x" * 32
    (tmp_path / "k").write_bytes(b"y" * 20 + b"\n")
    assert load_key(tmp_path / "k") == b"y" * 20


def test_refuses_without_a_usable_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)
    with pytest.raises(KeyError_, match="nav pseidonimizācijas atslēgas"):
        load_key(None)
    monkeypatch.setenv(ENV_KEY, "īsa")
    with pytest.raises(KeyError_, match=r"atslēga ir par īsu \(4 baiti; vajag vismaz 16\)"):
        load_key(None)
    with pytest.raises(KeyError_, match="atslēgas failu .* nevar nolasīt"):
        load_key(tmp_path / "nav")


def test_a_key_file_gives_the_same_key_however_an_editor_saved_it(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    """A UTF-8 byte order mark (Notepad) or a Windows line end does not change the key, so no child's code changes
    (audit35b F2); the same key in the environment is the same key."""
    secret = "slepena-atslēga-0123456789abcdef"
    monkeypatch.setenv(ENV_KEY, secret)
    from_env = load_key(None)
    for i, raw in enumerate((secret.encode(), secret.encode() + b"\r\n", b"\xef\xbb\xbf" + secret.encode() + b"\n",
                             b"  " + secret.encode() + b"\n\n")):
        (tmp_path / f"k{i}").write_bytes(raw)
        assert load_key(tmp_path / f"k{i}") == from_env, raw
    monkeypatch.setenv(ENV_KEY, "\ufeff" + secret)
    assert load_key(None) == from_env


def test_a_key_file_that_would_silently_change_every_code_is_refused(tmp_path: Path) -> None:
    (tmp_path / "u16").write_bytes("slepena-atslega-0123456789".encode("utf-16"))
    with pytest.raises(KeyError_, match=r"UTF-16 .* saglabājiet to pašu atslēgu kā UTF-8"):
        load_key(tmp_path / "u16")
    (tmp_path / "two").write_bytes(b"slepena-atslega-0123456789\nvecais-komentars\n")
    with pytest.raises(KeyError_, match="ir vairākas teksta rindas"):
        load_key(tmp_path / "two")
    (tmp_path / "bom").write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(KeyError_, match="ir tukšs"):
        load_key(tmp_path / "bom")
    (tmp_path / "short").write_bytes(b"\xef\xbb\xbfshort\n")
    with pytest.raises(KeyError_, match=r"par īsu \(5 baiti"):
        load_key(tmp_path / "short")
    binary = b"\xff\xfe\x00\xd8\x01" + bytes(range(256)) * 2  # a binary key, even one that starts as UTF-16 does
    (tmp_path / "bin").write_bytes(binary)
    assert load_key(tmp_path / "bin") == binary.strip()


def test_a_key_file_in_another_text_encoding_is_refused(tmp_path: Path) -> None:
    """A UTF-16 file with a comment line or a tab, and a Windows-1257 text, are text the user would read as the key:
    never taken as a binary key of other bytes (review35 F5)."""
    for i, text in enumerate(("slepena-atslega-0123456789\r\nkomentars\r\n", "slepena\tatslega-0123456789")):
        (tmp_path / f"u16-{i}").write_bytes(text.encode("utf-16"))
        with pytest.raises(KeyError_, match="UTF-16"):
            load_key(tmp_path / f"u16-{i}")
    (tmp_path / "cp1257").write_bytes("slepenā-atslēga-0123456789".encode("cp1257"))
    with pytest.raises(KeyError_, match="ne UTF-8 kodējumā"):
        load_key(tmp_path / "cp1257")
    binary = bytes(range(200, 256)) * 2  # a binary key: not text in any encoding
    (tmp_path / "bin").write_bytes(binary)
    assert load_key(tmp_path / "bin") == binary


def test_a_key_file_with_a_bom_is_noted(tmp_path: Path) -> None:
    """Earlier versions took the BOM as part of the key: a file that has one is said to give other codes than then."""
    notes: list[str] = []
    (tmp_path / "plain").write_bytes(b"slepena-atslega-0123456789\n")
    (tmp_path / "bom").write_bytes(b"\xef\xbb\xbfslepena-atslega-0123456789\n")
    assert load_key(tmp_path / "plain", note=notes.append) == load_key(tmp_path / "bom", note=notes.append)
    assert len(notes) == 1 and "UTF-8 BOM" in notes[0] and "citi" in notes[0], notes
