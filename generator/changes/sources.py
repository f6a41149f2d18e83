"""Turning a REF given to `ibm changes` into a catalogue folder: a folder as it is, or a git revision."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class SourceError(Exception):
    pass


def materialize(ref: str, workdir: Path, repo: Path) -> Path:
    """Return a catalogue folder for ``ref``: an existing folder (a catalogue or a checkout holding
    catalogue/), or a git revision of ``repo`` extracted into ``workdir``."""
    path = Path(ref)
    if path.is_dir():
        if (path / "programme.yaml").is_file():
            return path
        if (path / "catalogue" / "programme.yaml").is_file():
            return path / "catalogue"
        raise SourceError(f"„{ref}” ir mape bez kataloga: tajā nav programme.yaml vai catalogue/programme.yaml")
    try:
        data = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", ref, "catalogue"],
            capture_output=True, check=True,
        ).stdout
    except FileNotFoundError as exc:
        raise SourceError("git nav atrasts; norādiet kataloga mapi") from exc
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace")
        if "not a git repository" in message:
            why = f"{repo} nav git repozitorijs, tāpēc revīziju nevar nolasīt"
        elif "did not match any files" in message or "pathspec" in message:
            why = f"revīzijā „{ref}” nav kataloga mapes catalogue/"
        else:
            why = None  # neither a folder nor a revision: the sentence says it all (audit21 F11)
        reason = f": {why}" if why else ""
        raise SourceError(f"„{ref}” nav ne kataloga mape, ne git revīzija{reason}") from None
    target = workdir / ref.replace("/", "_")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")
    return target / "catalogue"
