"""The folders an earlier run made for a child whose matrices this run refuses as one child's competing files
(D144, review6 F10): `<kods>`, `<kods>-2`, another plan period's `<kods>-<GGGG-MM-DD>` (D315), `<kods>-arhivs-…`,
`<kods>-iepriekseja-versija-…` in `--out`. The refusal names them, so that the social worker checks which of them is
in force. Only names made from the child's codes (a pseudonym, or the file's stem hashed when it shows the child) and
only folders with the command's marker: no name or personal code can appear."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from generator.documents.from_matrix.folder_origin import Origin, read_origin
from generator.documents.from_matrix.older_folder import OLDER_ASIDE
from generator.documents.from_matrix.writing import MARKER
from generator.lvformat import VERSION_PATTERN, version


def _pattern(code: str) -> re.Pattern[str]:
    """A folder a run makes for ``code``: a further folder of the code (-2 …), another plan period's (dated,
    plan_folder.py), an archive copy, an older version's folder set aside (older_folder.py)."""
    return re.compile(rf"{re.escape(code)}(-\d+)?(-\d{{4}}-\d{{2}}-\d{{2}}(-\d+)?)?(-arhivs-\d{{4}}-\d{{2}}-\d{{2}})?"
                      rf"(-{OLDER_ASIDE}-\d{{2}}\.\d{{2}}\.\d{{4}}(-\d+)?)?")


def earlier_folders(out: Path, codes: Iterable[str], others: Iterable[str] = ()) -> list[Path]:
    """The command's folders in ``out`` made for one of ``codes`` – not those a longer code of another child in the
    run (``others``) names better ("talsi-3" is the file talsi-3.xlsx's, not a second folder of talsi.xlsx)."""
    mine = {code: _pattern(code) for code in set(codes)}
    theirs = {code: _pattern(code) for code in set(others) - set(mine)}
    try:
        entries = sorted(out.iterdir())
    except OSError:
        return []
    found = []
    for folder in entries:
        if folder.is_symlink() or not folder.is_dir() or not (folder / MARKER).is_file():
            continue
        own = [len(code) for code, pattern in mine.items() if pattern.fullmatch(folder.name)]
        other = [len(code) for code, pattern in theirs.items() if pattern.fullmatch(folder.name)]
        if own and max(own) >= max(other, default=0):
            found.append(folder)
    return found


def earlier_line(folders: list[Path]) -> str:
    """The refusal's ending that names them ("" when there are none)."""
    if not folders:
        return ""
    return f"; šī bērna iepriekšējo palaišanu mapes: {', '.join(map(str, folders))} – pārbaudiet, kura ir spēkā"


DRAFT_STATUS = "Statuss: melnraksts"  # parskats.txt's status line of a draft (run.py)


def kept_line(out: Path, code: str, now: Origin | None = None) -> str:
    """What a refusal adds when an earlier run's folder of the same matrix (``out``/``code``, with the command's
    marker) is still there (audit38 F7): the refusal leaves it as it was, and a draft in it is not for signing; ""
    when there is none. ``now``: this run's matrix and catalogue – when the folder's marker records the same matrix,
    the papers there were made from it as it is (with another catalogue, or on another day) and are not signed while
    the plan is refused; otherwise they were made from the matrix's earlier content."""
    folder = out / code
    if folder.is_symlink() or not folder.is_dir() or not (folder / MARKER).is_file():
        return ""
    try:
        report = (folder / "parskats.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        report = []
    if any(line.startswith(DRAFT_STATUS) for line in report):
        return (f"mapē {folder} palika iepriekšējās palaišanas melnraksts (katrā lapā „MELNRAKSTS”) – to neparaksta; "
                "izlabojiet matricu un izveidojiet dokumentus vēlreiz")
    try:
        then = read_origin((folder / MARKER).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        then = Origin(None, None)
    if now is not None and now.matrix is not None and then.matrix == now.matrix:
        made = (f" ar agrāku kataloga versiju {version(then.catalogue)}"
                if then.catalogue is not None and now.catalogue is not None and then.catalogue != now.catalogue
                and VERSION_PATTERN.match(then.catalogue) else "")
        return (f"mapē {folder} palika iepriekšējās palaišanas dokumenti, kas izveidoti no šīs pašas, nemainītas "
                f"matricas{made} – kamēr plāns ir atteikts, tos neparaksta")
    return (f"mapē {folder} palika iepriekšējās palaišanas dokumenti, kas izveidoti pēc šīs matricas agrākā satura – "
            "pirms parakstīšanas pārbaudiet, vai tie vēl atbilst matricai")
