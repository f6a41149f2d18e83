"""Pseudonymous child codes for the ministry's summaries: HMAC-SHA256 with a key only the ministry holds."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from pathlib import Path

from generator.ministry.console_names import shown_given

ENV_KEY = "IBM_PSEUDONIMA_ATSLEGA"
MIN_KEY_BYTES = 16


class KeyError_(Exception):  # noqa: N801 - not the builtin KeyError
    pass


UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# what an editor adds or changes without the user seeing it would change every child's code (audit35b F2)
OTHER_CODES = "dotu citus bērnu kodus nekā iepriekš"


BOM_NOTE = ("atslēgas faila sākumā ir UTF-8 BOM (to pievieno Notepad); atslēgā to neņem vērā. Agrākās rīkkopas "
            "versijās BOM bija atslēgas daļa: ja šo failu lietojāt ar tām, bērnu kodi tagad ir citi "
            "nekā toreiz, un agrāko palaišanu mapes ar veco kodu vairs nesakrīt ar jaunajām. Lai šo piezīmi vairs nerādītu, "
            "saglabājiet failu kā UTF-8 bez BOM")
TEXT_SHARE = 0.75  # a key file not in UTF-8 whose bytes are mostly printable ASCII is text in another encoding


def key_from_file(raw: bytes, key_file: Path) -> bytes:
    """The key a key file holds: its text without a UTF-8 byte order mark (Notepad may add one) and without the
    whitespace and line end around it, so that the same key gives the same codes however the file was saved. A file
    saved as UTF-16 („Unicode”) or in another non-UTF-8 text encoding (Windows-1257), or a text of several lines, is
    refused: its bytes would silently change every code. Any other file that is not UTF-8 is a binary key, its bytes
    as they are."""
    if raw.startswith(UTF16_BOMS) and _utf16_text(raw):
        raise KeyError_(f"atslēgas fails {shown_given(key_file)} saglabāts UTF-16 („Unicode”) kodējumā – saglabājiet to pašu "
                        f"atslēgu kā UTF-8 teksta failu: citā kodējumā tā {OTHER_CODES}")
    key = raw.removeprefix(UTF8_BOM).strip()
    try:
        several_lines = len(key.decode("utf-8").splitlines()) > 1
    except UnicodeDecodeError:  # a binary key: its bytes as they are, unless it is text in another encoding
        if _other_encoding_text(key):
            raise KeyError_(f"atslēgas fails {shown_given(key_file)} ir teksts, bet ne UTF-8 kodējumā (piem. Windows-1257) – "
                            f"saglabājiet to pašu atslēgu kā UTF-8 teksta failu: citā kodējumā tā {OTHER_CODES}") from None
        several_lines = False
    if several_lines:
        raise KeyError_(f"atslēgas failā {shown_given(key_file)} ir vairākas teksta rindas (gaidīts: viena rinda – tikai "
                        f"atslēga): ar vēl kādu rindu atslēga būtu cita un {OTHER_CODES}")
    return key


def _utf16_text(raw: bytes) -> bool:
    """Whether ``raw`` reads as UTF-16 text, each line printable (a key with a comment line is text too; a binary
    key that happens to start with the mark decodes to control or unassigned characters)."""
    try:
        lines = raw.decode("utf-16").strip().splitlines()
    except UnicodeDecodeError:
        return False
    return bool(lines) and all(ch.isprintable() or ch == "\t" for line in lines for ch in line)


def _other_encoding_text(key: bytes) -> bool:
    """Whether bytes that are not UTF-8 are text in a one-byte encoding: no control bytes but line ends and tabs, and
    mostly printable ASCII (a random binary key of 16+ bytes practically never is)."""
    if any(b < 0x20 and b not in b"\t\r\n" or b == 0x7F for b in key):
        return False
    return sum(0x20 <= b < 0x7F for b in key) >= TEXT_SHARE * len(key)


def load_key(key_file: Path | None, note: Callable[[str], None] | None = None) -> bytes:
    """The secret key from ``key_file`` or the environment; refuse to work without a usable one. ``note``: told
    (BOM_NOTE) when the key file starts with a UTF-8 byte order mark, which earlier versions took as part of the key."""
    if key_file is not None:
        try:
            raw = key_file.read_bytes()
            key = key_from_file(raw, key_file)
        except OSError as exc:
            from generator.cli_errors import os_reason_without_path

            raise KeyError_(f"atslēgas failu {shown_given(key_file)} nevar nolasīt: {os_reason_without_path(exc)}") from None
        if note is not None and raw.startswith(UTF8_BOM) and key:
            note(BOM_NOTE)
        if not key:
            raise KeyError_(f"atslēgas fails {shown_given(key_file)} ir tukšs (gaidīts: vismaz {MIN_KEY_BYTES} baitu gara "
                            "slepena atslēga)")
    else:
        key = os.environ.get(ENV_KEY, "").removeprefix("\ufeff").strip().encode("utf-8")
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
