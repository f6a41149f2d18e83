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
