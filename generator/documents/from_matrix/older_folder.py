"""A child's folder written by the toolkit's version before the marker listed files with their SHA-256 (up to audit15
F1): its marker is one line, with no list. Such a folder is replaced only when it can be shown to hold that version's
output and nothing else: every entry a plain file with a name that version wrote (a document's file, parskats.txt)
and none changed after the marker, which that version wrote last. Otherwise the files that cannot be vouched for
are named with what to do (D119)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.own_files import LISTED, digest

OLDER_MARKER = "Šo mapi izveidoja `ibm documents --from-matrix`; to var aizstāt nākamā palaišanas reize.\n"
# the file names that version gave a child's papers (specs.child_documents then): 02 and 03 once per provider
OLDER_NAMES = re.compile(r"(?:01-ligums-ar-vecaku|(?:02-ligums-ar-sniedzeju|03-garantijas-vestule)-[^/]+|"
                         r"05-iesniegums-par-sniedzejiem|07-klienta-lietas-titullapa|08-lemums-par-pieskirsanu|"
                         r"17-lemums-par-atteikumu)\.(?:pdf|docx)|parskats\.txt")


def is_older(marker: Path) -> bool:
    """Whether ``marker`` is the one-line marker of the version before the file list."""
    try:
        return marker.read_text(encoding="utf-8") == OLDER_MARKER
    except (OSError, UnicodeDecodeError):
        return False


def older_files(target: Path, marker: Path) -> tuple[dict[str, str], list[str]]:
    """(name -> SHA-256 of every file in ``target`` that the older version wrote and nobody changed since, the names
    – a folder with "/" – that cannot be shown to be such a file). A file counts as unchanged when it was last
    modified no later than the marker, which that version wrote after every document."""
    written = marker.stat().st_mtime_ns
    known: dict[str, str] = {}
    unproven: list[str] = []
    for path in sorted(target.iterdir()):
        if path == marker:
            continue
        if path.is_symlink() or not path.is_file():
            unproven.append(path.name + ("/" if path.is_dir() and not path.is_symlink() else ""))
        elif not OLDER_NAMES.fullmatch(path.name) or path.stat().st_mtime_ns > written:
            unproven.append(path.name)
        else:
            known[path.name] = digest(path)
    return known, unproven


def older_refusal(target: Path, unproven: list[str]) -> str:
    """What to do with an older version's folder whose files cannot all be vouched for, in one Latvian sentence; every
    word agrees in number and gender with what it names (a folder's name ends in "/")."""
    folders = sum(name.endswith("/") for name in unproven)
    files = len(unproven) - folders
    if len(unproven) == 1:
        what, them = ("šo mapi" if folders else "šo failu"), "to"
    else:
        what = "šos failus un mapes" if files and folders else ("šīs mapes" if folders else "šos failus")
        them = "tās" if not files else "tos"
    shown = ", ".join(unproven[:LISTED]) + (f" un vēl {len(unproven) - LISTED}" if len(unproven) > LISTED else "")
    return (f"mapi {target} izveidoja agrāka rīkkopas versija, kuras atzīmē nav failu saraksta, un nevar pierādīt, ka "
            f"tā uzrakstīja {what} un ka pēc tam neviens {them} nav mainījis: {shown}; nekas netika uzrakstīts – "
            "pārvietojiet citur failus, kas jāpatur (piemēram, parakstītus vai labotus dokumentus), tad izdzēsiet "
            f"mapi {target} un palaidiet komandu vēlreiz, vai izvēlieties citu --out")
