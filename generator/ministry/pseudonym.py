"""Pseudonymous child codes for the ministry's summaries: HMAC-SHA256 with a key only the ministry holds."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

ENV_KEY = "IBM_PSEUDONIMA_ATSLEGA"
MIN_KEY_BYTES = 16


class KeyError_(Exception):  # noqa: N801 - not the builtin KeyError
    pass


def load_key(key_file: Path | None) -> bytes:
    """The secret key from ``key_file`` or the environment; refuse to work without a usable one."""
    if key_file is not None:
        try:
            key = key_file.read_bytes().strip()
        except OSError as exc:
            from generator.cli_errors import os_reason_without_path

            raise KeyError_(f"atslēgas failu {key_file} nevar nolasīt: {os_reason_without_path(exc)}") from None
        if not key:
            raise KeyError_(f"atslēgas fails {key_file} ir tukšs (gaidīts: vismaz {MIN_KEY_BYTES} baitu gara "
                            "slepena atslēga)")
    else:
        key = os.environ.get(ENV_KEY, "").strip().encode("utf-8")
    if not key:
        raise KeyError_(
            f"nav pseidonimizācijas atslēgas: norādiet --key-file vai vides mainīgo {ENV_KEY}; "
            "bez tās kopsavilkumā nedrīkst iekļaut bērnu datus"
        )
    if len(key) < MIN_KEY_BYTES:
        raise KeyError_(f"atslēga ir par īsu ({len(key)} baiti; vajag vismaz {MIN_KEY_BYTES})")
    return key


def normalise_personal_code(code: str) -> str:
    """Personal codes are compared without spaces and dashes: '010101-12345' == '01010112345'."""
    return "".join(ch for ch in code if ch.isalnum()).upper()


def pseudonym(key: bytes, personal_code: str) -> str:
    """A stable code such as 'B-3F9A0C21D4E7' for one child; the same key gives the same code."""
    digest = hmac.new(key, normalise_personal_code(personal_code).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"B-{digest[:12].upper()}"
