"""Recalculating xlsx files in LibreOffice headless, the way tests prove formulas against the reference.

One soffice call converts a whole batch, with a private profile whose settings force recalculation
on load (xlsxwriter files otherwise keep their cached values: see the project's tooling notes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

_RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


class RecalcError(RuntimeError):
    pass


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_profile(folder: Path) -> Path:
    """A LibreOffice user profile that recalculates every formula on load."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_RECALC_XCU, encoding="utf-8")
    return folder


# One soffice call silently skips the files after roughly 245 (seen on LibreOffice 7.4): convert in chunks.
CHUNK = 100


def convert(
    files: Sequence[Path],
    out_dir: Path,
    *,
    to: str = "xlsx",
    profile: Path | None = None,
    timeout: float = 600,
) -> list[Path]:
    """Open each file in LibreOffice, recalculate, save as ``to`` into ``out_dir`` (one soffice call).

    Returns the output paths in input order. Input names must be unique. Large batches are split
    into calls of CHUNK files that share one profile.
    """
    if len(files) > CHUNK:
        shared = profile or make_profile(Path(tempfile.mkdtemp(prefix="ibm-lo-profile-")))
        try:
            outputs: list[Path] = []
            for start in range(0, len(files), CHUNK):
                outputs += convert(files[start:start + CHUNK], out_dir, to=to, profile=shared, timeout=timeout)
            return outputs
        finally:
            if profile is None:
                shutil.rmtree(shared, ignore_errors=True)
    exe = soffice()
    if exe is None:
        raise RecalcError("LibreOffice (soffice) nav atrasts: instalējiet libreoffice-calc-nogui")
    if not files:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    own_profile = profile is None
    profile = profile or make_profile(Path(tempfile.mkdtemp(prefix="ibm-lo-profile-")))
    env = dict(os.environ)
    env.setdefault("HOME", str(profile))
    # LibreOffice writes into a fresh folder: a file of the same name left in out_dir by an earlier run is
    # never taken for this run's output, and it is replaced only by a file converted now.
    fresh = Path(tempfile.mkdtemp(prefix=".ibm-recalc-", dir=out_dir))
    cmd = [
        exe,
        f"-env:UserInstallation=file://{profile.resolve()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        to,
        "--outdir",
        str(fresh),
        *[str(f) for f in files],
    ]
    try:
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        finally:
            if own_profile:
                shutil.rmtree(profile, ignore_errors=True)
        ext = to.split(":")[0]
        names = [Path(f).stem + "." + ext for f in files]
        missing = [n for n in names if not (fresh / n).exists()]
        if done.returncode != 0 or missing:
            raise RecalcError(
                f"LibreOffice neizdevās (kods {done.returncode}); trūkst {len(missing)} failu.\n{done.stdout}\n"
                f"{done.stderr}"
            )
        outputs = []
        for name in names:
            os.replace(fresh / name, out_dir / name)
            outputs.append(out_dir / name)
        return outputs
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
