"""How fast is `ibm collect` at national scale? A full collection, a re-collection with 1 % of the
files changed, and the openpyxl full-load baseline, measured in one run on the same files.

    .venv/bin/python bench/collect_speed.py [--files 4000] [--distinct 400] [--jobs 2] [--baseline 200]

The corpus: ``--distinct`` matrices filled with openpyxl by the tests' factory (random plans, fictional
children); the rest are copies of them with another fictional child (name and personal code written
with xlsxpatch), so every file is a different child. The baseline is ``openpyxl.load_workbook`` (full
load, formulas) of ``--baseline`` files spread over the corpus, extrapolated to all of them.
``ibm collect`` runs in a child process (main-process peak memory from its own getrusage). The load
average is printed with every measurement: the machine may be shared. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

KEY = "benchmark-key-not-secret-0123456789"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def make_corpus(folder: Path, files: int, distinct: int) -> list[Path]:
    from generator.catalogue.loader import load_or_raise
    from generator.ministry.xlsxpatch import fill_by_names
    from tests.ministry.factory import generic_template, make_children, write_children

    catalogue = load_or_raise()
    template = generic_template(catalogue, folder)
    children = write_children(catalogue, template, make_children(catalogue, min(files, distinct), seed=4000, one_period=True),
                              folder / "matricas")
    paths = [c.path for c in children if c.path]
    for n in range(len(paths), files):
        child = children[n % len(children)]
        assert child.path is not None
        target = child.path.with_name(f"kopija-{n:05d}.xlsx")
        fill_by_names(child.path, target, {"Berns_PersonasKods": f"{child.code[:6]}-{30000 + n:05d}",
                                           "Berns_VardsUzvards": f"Kopija Paraugs {n}"}, strip_cached=False)
        paths.append(target)
    return paths


def baseline(paths: list[Path], sample: int) -> tuple[float, float, int]:
    """Seconds (wall and CPU) an openpyxl full load of every file would take (measured on ``sample`` files
    spread evenly)."""
    from openpyxl import load_workbook

    step = max(1, len(paths) // sample)
    chosen = paths[::step][:sample]
    start, cpu = time.perf_counter(), time.process_time()
    for path in chosen:
        load_workbook(path)
    scale = len(paths) / len(chosen)
    return (time.perf_counter() - start) * scale, (time.process_time() - cpu) * scale, len(chosen)


def child_run(args: list[str]) -> None:
    """Inside the child process: run `ibm collect`, then report wall time and this process's peak memory."""
    import resource

    import click

    from generator.cli import main

    start = time.perf_counter()
    marks: list[tuple[float, str]] = []  # this process's CPU seconds (with its threads) at each progress line
    echo = click.echo

    def timed_echo(message=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if kwargs.get("err"):
            marks.append((time.process_time(), str(message)))
        return echo(message, *args, **kwargs)

    click.echo = timed_echo
    code = 0
    try:
        main.main(args=["collect", *args], standalone_mode=False)
    except SystemExit as exc:
        code = int(exc.code or 0)
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "peak_mb": own.ru_maxrss / 1024, "exit": code,
                      "cpu_main": round(own.ru_utime + own.ru_stime, 2),
                      "cpu_workers": round(workers.ru_utime + workers.ru_stime, 2),
                      "cpu_marks": marks, "cpu_end": time.process_time()}))


def collect(folder: Path, out: Path, jobs: int, log: Path) -> dict:
    env = {**os.environ, "IBM_PSEUDONIMA_ATSLEGA": KEY, "PYTHONPATH": str(REPO)}
    before = load()
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--child", str(folder), "--out", str(out), "--jobs", str(jobs)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert child.stderr is not None and child.stdout is not None
    lines = [(time.perf_counter() - start, line) for line in child.stderr]  # progress, timed as it arrives
    stdout = child.stdout.read()
    child.wait()
    outer = time.perf_counter() - start
    log.write_text("".join(f"{t:8.2f} {line}" for t, line in lines), encoding="utf-8")
    result = json.loads(stdout.strip().splitlines()[-1])
    marks = result.pop("cpu_marks")
    result.update(outer=round(outer, 2), load_before=before, load_after=load(), phases=phases(lines, outer),
                  cpu_phases=phases(marks, result.pop("cpu_end")))
    return result


PHASES = (("sākums", ""), ("jaucējkodi", "Salīdzina failus"), ("veidne", "Sagatavo"), ("lasīšana", "Lasa matricas"),
          ("3. posms", "Aprēķina galīgos"), ("apkopošana", "Apkopo"), ("kopsavilkums", "Raksta kopsavilkumu"),
          ("CSV un nomaiņa", "Raksta galīgos"))


def phases(lines: list[tuple[float, str]], end: float) -> dict[str, float]:
    """Seconds per phase of the run, from the time each phase's first progress line arrived (or the main
    process's CPU seconds when it printed it: ``lines`` of CPU marks)."""
    starts: list[tuple[str, float]] = [("sākums", 0.0)]
    for name, prefix in PHASES[1:]:
        first = next((t for t, line in lines if line.startswith(prefix)), None)
        if first is not None:
            starts.append((name, first))
    starts.sort(key=lambda x: x[1])
    bounds = [t for _, t in starts[1:]] + [end]
    return {name: round(stop - t, 2) for (name, t), stop in zip(starts, bounds, strict=True)}


def change_some(paths: list[Path], share: float) -> int:
    from generator.ministry.xlsxpatch import fill_by_names

    count = max(1, int(len(paths) * share))
    step = len(paths) // count
    stamp = int(time.time()) % 100_000  # a value not written before: the bytes really change
    for i in range(count):
        path = paths[i * step]
        before = path.read_bytes()
        fill_by_names(path, path, {"Fin_Citi": stamp + i}, strip_cached=False)
        assert path.read_bytes() != before
    return count


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_run(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--distinct", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline", type=int, default=200, help="files loaded with openpyxl for the baseline")
    parser.add_argument("--keep", type=Path, default=None, help="keep (or reuse) the corpus in this folder")
    parser.add_argument("--corpus-only", action="store_true", help="only make the corpus (with --keep)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the openpyxl baseline (phases only)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="ibm-bench-"))
    try:
        corpus = work / "korpuss"
        start = time.perf_counter()
        if corpus.is_dir() and len(list(corpus.rglob("*.xlsx"))) == args.files + 1:
            paths = sorted((corpus / "matricas").rglob("*.xlsx"))
        else:
            shutil.rmtree(corpus, ignore_errors=True)
            corpus.mkdir(parents=True)
            paths = make_corpus(corpus, args.files, args.distinct)
        made = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)
        print(f"Korpuss: {len(paths)} matricas ({size / len(paths) / 1024:.0f} KB vidēji), izveidotas {made:.0f} s; "
              f"slodze {load()}", flush=True)
        if args.corpus_only:
            return
        base_load = load()
        base, base_cpu, sampled = baseline(paths, 1 if args.no_baseline else args.baseline)
        base_after = load()
        print(f"openpyxl pilnā ielāde: {base:.1f} s visiem (CPU {base_cpu:.1f} s; mērīti {sampled} faili); slodze "
              f"{base_load} → {base_after}", flush=True)
        out = work / "rezultats" / "kopsavilkums.xlsx"
        shutil.rmtree(out.parent, ignore_errors=True)
        full = collect(corpus / "matricas", out, args.jobs, work / "pilna.log")
        print(f"ibm collect (pilna): {full}", flush=True)
        changed = change_some(paths, 0.01)
        again = collect(corpus / "matricas", out, args.jobs, work / "atkartota.log")
        print(f"ibm collect (atkārtota, mainīti {changed}): {again}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            check=False).stdout.strip() or "?"
    print(f"Komanda: {' '.join(sys.argv)}; kods: commit {commit}; {time.strftime('%d.%m.%Y %H:%M UTC', time.gmtime())}")
    print(f"Mašīna: {platform.machine()}, {os.cpu_count()} kodoli, Python {platform.python_version()}; "
          f"{len(paths)} matricas, --jobs {args.jobs}\n")
    print("| mērījums | laiks, s | attiecība pret openpyxl | CPU s (galvenais + darba procesi) | galvenā procesa atmiņa "
          "| slodze (1, 5, 15 min) |")
    print("|---|---:|---:|---:|---:|---|")
    print(f"| openpyxl pilnā ielāde (bāze; {sampled} faili, pārrēķināts uz {len(paths)}) | {base:.1f} | 1× | "
          f"{base_cpu:.1f} | – | {base_load} → {base_after} |")
    for title, r in ((f"`ibm collect`, pilna savākšana ({args.jobs} procesi)", full),
                     (f"`ibm collect`, atkārtota (mainīti {changed} faili, {changed * 100 // len(paths)} %)", again)):
        print(f"| {title} | {r['wall']:.1f} | {base / r['wall']:.1f}× | {r['cpu_main']:.1f} + {r['cpu_workers']:.1f} | "
              f"{r['peak_mb']:.0f} MB | {r['load_before']} → {r['load_after']} |")
    print()
    for title, r in (("pilna", full), ("atkārtota", again)):
        print(f"Posmi ({title}), s: " + "; ".join(f"{k} " + f"{v:.1f}".replace(".", ",") for k, v in r["phases"].items()))
        print(f"Galvenā procesa CPU pa posmiem ({title}), s: "
              + "; ".join(f"{k} " + f"{v:.2f}".replace(".", ",") for k, v in r["cpu_phases"].items()))


if __name__ == "__main__":
    main()
