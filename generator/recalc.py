"""Recalculating xlsx files in LibreOffice headless, the way tests prove formulas against the reference.

One soffice call converts a whole batch, with a private profile whose settings force recalculation
on load (xlsxwriter files otherwise keep their cached values: see the project's tooling notes).
``read_recalculated`` loads the files the same way in one running soffice and reads their values over UNO
instead of saving them (generator/lo_values.py): about half of LibreOffice's CPU per file.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
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


# A call that fails (a first start that only initialises the profile, a crash or a time-out on a loaded
# machine) is repeated for the files it did not write.
ATTEMPTS = 3


def _run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run soffice in its own process group; on time-out the whole group (soffice.bin too) is killed."""
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                          start_new_session=True) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return subprocess.CompletedProcess(cmd, -9, stdout, f"{stderr}\nLibreOffice nepaspēja {timeout:.0f} s laikā")
        return subprocess.CompletedProcess(cmd, process.returncode, stdout, stderr)


def _run_until_written(cmd_head: list[str], files: Sequence[Path], names: list[str], fresh: Path,
                       env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """soffice on the files, then again (at most ATTEMPTS calls) on those it did not write."""
    pending = list(range(len(files)))
    done = subprocess.CompletedProcess(cmd_head, 0, "", "")
    for _ in range(ATTEMPTS):
        done = _run([*cmd_head, *[str(files[i]) for i in pending]], env, timeout)
        pending = [i for i in pending if not (fresh / names[i]).exists()]
        if not pending:
            break
    return done


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
    cmd_head = [
        exe,
        f"-env:UserInstallation=file://{profile.resolve()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        to,
        "--outdir",
        str(fresh),
    ]
    ext = to.split(":")[0]
    names = [Path(f).stem + "." + ext for f in files]
    try:
        try:
            done = _run_until_written(cmd_head, files, names, fresh, env, timeout)
        finally:
            if own_profile:
                shutil.rmtree(profile, ignore_errors=True)
        missing = [n for n in names if not (fresh / n).exists()]
        if missing:
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


# --- values without saving: one long-running soffice over UNO (generator/lo_values.py) -----------------------------

UNO_PYTHON = "/usr/bin/python3"  # Debian's Python with python3-uno; the venv's Python cannot import uno
_LO_VALUES = Path(__file__).with_name("lo_values.py")


def uno_available() -> bool:
    """Whether Debian's Python can import uno (the python3-uno package, installed by `make build`)."""
    if soffice() is None or not Path(UNO_PYTHON).exists():
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def _read_values(files: Sequence[Path], profile: Path, timeout: float,
                 requests: dict[str, str] | None = None) -> tuple[dict[str, dict], str]:
    """One helper run (one soffice): the JSON record of each file it read, by path, and its stderr. A file with a
    line in ``requests`` (a JSON request, by its resolved path) is printed or stored instead of read."""
    exe = soffice()
    if exe is None:
        raise RecalcError("LibreOffice (soffice) nav atrasts: instalējiet libreoffice-calc-nogui")
    env = dict(os.environ)
    env.setdefault("HOME", str(profile))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err, \
            subprocess.Popen([UNO_PYTHON, str(_LO_VALUES), exe, str(profile)],
                             stdin=subprocess.PIPE, stdout=out, stderr=err, text=True, env=env,
                             start_new_session=True) as process:
        lines = [(requests or {}).get(str(Path(f).resolve()), str(Path(f).resolve())) for f in files]
        try:
            process.communicate("".join(f"{line}\n" for line in lines), timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the helper and its soffice
            process.wait()
            err.write(f"\nLibreOffice nepaspēja {timeout:.0f} s laikā")
        out.seek(0)
        err.seek(0)
        records = {}
        for line in out:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a line cut short by a crash: that file is read again
                continue
            records[record["path"]] = record
        return records, err.read()


def read_recalculated(files: Sequence[Path], *, profile: Path | None = None, timeout: float | None = None,
                      _requests: dict[str, str] | None = None) -> list[dict]:
    """Open each file in one running LibreOffice (recalculated on load, as ``convert`` does), read every sheet's
    values and the defined names, close it unsaved. Returns generator/lo_values.py's record of each file (input
    order); a helper run that stops early (a crash, a time-out: by default 2 min and 15 s a file, ample on a loaded
    machine) is repeated for the files it did not read."""
    if not files:
        return []
    timeout = timeout or 120 + 15 * len(files)
    own_profile = profile is None
    profile = profile or make_profile(Path(tempfile.mkdtemp(prefix="ibm-lo-profile-")))
    wanted = [str(Path(f).resolve()) for f in files]
    records: dict[str, dict] = {}
    problems = ""
    try:
        for _ in range(ATTEMPTS):
            pending = [f for f in wanted if f not in records]
            if not pending:
                break
            found, problems = _read_values([Path(f) for f in pending], profile, timeout, _requests)
            records.update(found)
    finally:
        if own_profile:
            shutil.rmtree(profile, ignore_errors=True)
    missing = [f for f in wanted if f not in records]
    failed = [f"{Path(r['path']).name}: {r['error']}" for f in wanted if (r := records.get(f)) and "error" in r]
    if missing or failed:
        raise RecalcError(f"LibreOffice neizdevās nolasīt {len(missing) + len(failed)} failus.\n"
                          + "\n".join(failed) + f"\n{problems}")
    return [records[f] for f in wanted]


def print_sheets(files: Mapping[Path, Sequence[tuple[str | None, Path]]], *, profile: Path | None = None,
                 timeout: float | None = None, read: Sequence[Path] = ()) -> list[dict]:
    """Print sheets to PDF in one running LibreOffice: each file is loaded once (recalculated on load) and each of
    its (sheet, PDF path) printed on its own, as ``convert(..., to="pdf")`` prints a copy of the file with every
    other sheet hidden and without their print areas (tests/workbook/pdf_pages.py ``one_sheet_copies``), in a
    fraction of the time: a copy per sheet costs a whole load and recalculation each (docs/benchmarks.md).

    A sheet of None stores the whole workbook as ``convert`` does, to the path's format (.pdf, or .xlsx with its
    values recalculated): a file to be saved and printed is loaded once. The files of ``read`` are read in the same
    LibreOffice as ``read_recalculated`` reads them; their records are returned (input order). A file of ``read``
    may also be in ``files`` with whole-workbook stores alone (sheet None): it is read, then stored, from one load.
    The files printed alone go first, then ``read`` in its order, so a file of ``read`` may be an output of a print
    request (stored whole earlier in the same run, then read); no output may be a file the run loads to print or
    store (it is removed before the run).
    """
    to_read = {str(Path(f).resolve()) for f in read}
    key = {f: str(Path(f).resolve()) for f in files}
    requests = {}
    for f, asked in files.items():
        request = {"path": key[f], "sheets": [[sheet, str(Path(pdf).resolve())] for sheet, pdf in asked]}
        requests[key[f]] = json.dumps(request | ({"read": True} if key[f] in to_read else {}), ensure_ascii=False)
    if any(sheet is not None for f, asked in files.items() if key[f] in to_read for sheet, _ in asked):
        raise ValueError("a file read in the run is stored whole (sheet None), not printed a sheet apart")
    wrong = [str(out) for asked in files.values() for sheet, out in asked
             if Path(out).suffix.lower() not in ((".pdf", ".xlsx") if sheet is None else (".pdf",))]
    if wrong:
        raise ValueError("a sheet prints to .pdf, a whole workbook to .pdf or .xlsx: " + ", ".join(wrong))
    overwritten = [str(out) for asked in files.values() for _, out in asked if str(Path(out).resolve()) in requests]
    if overwritten:
        raise ValueError("an output of the run is a file it loads to print or store: " + ", ".join(overwritten))
    for asked in files.values():
        for _, out in asked:  # a file left by an earlier run must not pass for this run's output (the check below)
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            Path(out).unlink(missing_ok=True)
    timeout = timeout or 120 + 15 * (sum(len(asked) + 1 for asked in files.values()) + len(read))
    printed_only = [f for f in files if key[f] not in to_read]
    records = read_recalculated([*printed_only, *read], profile=profile, timeout=timeout, _requests=requests)
    missing = [str(pdf) for asked in files.values() for _, pdf in asked if not Path(pdf).exists()]
    if missing:
        raise RecalcError("LibreOffice neizdrukāja vai nesaglabāja " + ", ".join(missing))
    return records[len(printed_only):]
