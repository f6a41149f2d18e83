"""How much does keeping the built matrix templates for the process (generator/ministry/built_templates.py) save in
`ibm migrate` of a folder: the old code path (every Migrator builds and reads the template of each municipality
it meets: the store emptied and switched off before each run) against the store, in one process on the same
folder, alternating. The first run with the store builds every template as the old path does (one `ibm migrate`
process does no more than that); each later run in the same process takes the kept bytes and parsed books. CPU
seconds per run; every migrated matrix must be byte-identical in all runs.

    .venv/bin/python bench/migrate_templates_speed.py [--matrices 20] [--rounds 3]

The old matrices: ``--matrices`` random fictional children (tests/ministry/factory.py) on the current catalogue's
templates, spread over the pilot municipalities; they are migrated onto a copy of the catalogue with two new dated
prices (factory.changed_catalogue). Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from click.testing import CliRunner  # noqa: E402

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.cli import main as ibm  # noqa: E402
from generator.ministry import built_templates  # noqa: E402
from generator.workbook.writer import write_workbook  # noqa: E402
from tests.ministry.factory import changed_catalogue, make_children, write_children  # noqa: E402


def run(folder: Path, out: Path, catalogue: Path) -> tuple[float, dict[str, bytes]]:
    """One `ibm migrate FOLDER --out OUT` in this process: its CPU seconds and the migrated matrices' bytes."""
    shutil.rmtree(out, ignore_errors=True)
    cpu = time.process_time()
    result = CliRunner().invoke(ibm, ["migrate", str(folder), "--out", str(out), "--catalogue", str(catalogue)],
                                catch_exceptions=False)
    spent = time.process_time() - cpu
    if result.exit_code != 0:
        raise SystemExit(f"ibm migrate: {result.exit_code}\n{result.output}")
    return spent, {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.xlsx"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matrices", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ibm-bench-migrate-") as tmp:
        root = Path(tmp)
        catalogue = load_or_raise(DEFAULT_CATALOGUE)
        template = write_workbook(catalogue, root / "veidne.xlsx")  # not the tests' kept bytes (tests/template_cache.py)
        children = write_children(catalogue, template, make_children(catalogue, args.matrices, seed=4242),
                                  root / "vecas", saved_by="xlsxpatch")
        municipalities = len({c.municipality for c in children})
        new = changed_catalogue(DEFAULT_CATALOGUE, root / "jauns-katalogs")
        print(f"{len(children)} matricas, {municipalities} pašvaldības; slodze {os.getloadavg()[0]:.1f}")
        warm = root / "silts"
        shutil.copytree(children[0].path.parent, warm / children[0].municipality)
        run(warm, root / "jaunas", new.root)  # imports and first-use caches, outside the measurement
        times: dict[str, list[float]] = {"vecais ceļš": [], "glabātuve, 1. palaišana": [], "glabātuve, atkārtota": []}
        outputs = []
        kept = built_templates.KEPT
        for _ in range(args.rounds):
            built_templates.forget()
            built_templates.KEPT = 0  # every Migrator builds and reads its templates (the code before the store)
            spent, files = run(root / "vecas", root / "jaunas", new.root)
            times["vecais ceļš"].append(spent)
            outputs.append(files)
            built_templates.KEPT = kept
            spent, files = run(root / "vecas", root / "jaunas", new.root)  # the process's first run with the store
            times["glabātuve, 1. palaišana"].append(spent)
            outputs.append(files)
            spent, files = run(root / "vecas", root / "jaunas", new.root)  # a later run of the same process
            times["glabātuve, atkārtota"].append(spent)
            outputs.append(files)
        if any(files != outputs[0] for files in outputs) or len(outputs[0]) != len(children):
            print("KĻŪDA: pārnestās matricas atšķiras starp palaišanām")
            return 1
        base = sum(times["vecais ceļš"]) / args.rounds
        for name, spent in times.items():
            mean = sum(spent) / len(spent)
            print(f"{name}: {mean:.2f} s CPU palaišanā ({', '.join(f'{s:.2f}' for s in spent)}); "
                  f"attiecība pret veco {mean / base:.2f}")
        print(f"slodze beigās {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
