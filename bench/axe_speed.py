"""Chromium CPU of the accessibility audit's axe-core run (tests/site/test_accessibility.py) in named variants,
each audit in a browser of its own, alternating, with the failing violations of every page compared.

Builds the site once from the real catalogue into ``--site`` (reused when it is there), serves it as the tests do
and audits every page (or every n-th) as ``audit`` does: page load ("load") plus axe-core. Chromium's CPU is read
from /proc for the browser's whole process tree. ``--per-page`` prints the dearest pages of the first variant.

    .venv/bin/python bench/axe_speed.py --site /tmp/axe-site --variants base,noselectors --repeat 2
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.proc_cpu import tree_cpu  # noqa: E402
from bench.site_server import html_pages, serving  # noqa: E402
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.site.step import build_into  # noqa: E402
from tests.site.axe import ensure_axe  # noqa: E402
from tests.site.browsing import ARGS, CHROMIUM, skip_search_index  # noqa: E402
from tests.site.conftest import make_build_dir  # noqa: E402
from tests.site.test_accessibility import ALSO_FAILING, FAILING, FULL_RUN, RUN  # noqa: E402

NO_SELECTORS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"], performanceTimer: false, selectors: false,
                                          elementRef: false, ancestry: false, xpath: false});
  return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: []}));
}"""

NO_PRELOAD = FULL_RUN.replace("performanceTimer: false,", "performanceTimer: false, preload: false,")
FAILING_NO_PRELOAD = RUN.replace("performanceTimer: false,", "performanceTimer: false, preload: false,")

# "base": every rule, as the audit ran before testtime15; "failing": the audit's RUN, the rules that can fail it.
VARIANTS = {"base": FULL_RUN, "failing": RUN, "nopreload": NO_PRELOAD, "failingnopreload": FAILING_NO_PRELOAD,
            "noselectors": NO_SELECTORS, "tall": FULL_RUN, "nopaint": FULL_RUN, "shell": FULL_RUN}
EXECUTABLE = {"shell": Path("/usr/bin/chromium-headless-shell")}
VIEWPORT = {"tall": {"width": 1280, "height": 3000}}
BROWSER_ARGS = {"nopaint": ["--disable-features=PaintHolding", "--blink-settings=imagesEnabled=false"]}


def failing(found: list[dict]) -> list[str]:
    return sorted(v["id"] for v in found if v["impact"] in FAILING or v["id"] in ALSO_FAILING)


def audit(pw, base: str, pages: list[str], axe: str, name: str) -> tuple[float, float, dict, dict]:
    browser = pw.chromium.launch(executable_path=str(EXECUTABLE.get(name, CHROMIUM)), args=ARGS + BROWSER_ARGS.get(name, []))
    start_cpu, start = tree_cpu(include_self=False), time.monotonic()
    context = browser.new_context(viewport=VIEWPORT.get(name, {"width": 1280, "height": 900}), color_scheme="light")
    context.add_init_script(script=axe)
    page = context.new_page()
    skip_search_index(page)
    found, per_page = {}, {}
    for path in pages:
        before = tree_cpu(include_self=False)
        page.goto(base + path, wait_until="load")
        loaded = tree_cpu(include_self=False)
        found[path] = failing(page.evaluate(VARIANTS[name]))
        per_page[path] = (loaded - before, tree_cpu(include_self=False) - loaded)
    context.close()
    cpu, wall = tree_cpu(include_self=False) - start_cpu, time.monotonic() - start
    browser.close()
    return cpu, wall, found, per_page


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--pages", type=int, default=0, help="every n-th page so that about this many remain (0: all)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--variants", default="base,noselectors")
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = args.site / "build" / "vietne"
    if not (site / "index.html").is_file():
        catalogue = load_or_raise(DEFAULT_CATALOGUE)
        build_dir = make_build_dir(args.site / "build", catalogue)
        build_into(catalogue, site, build_dir, lambda _m: None)
    pages = html_pages(site, args.pages)
    axe = ensure_axe().read_text(encoding="utf-8")
    names = args.variants.split(",")
    totals = {name: [0.0, 0.0, 0.0, 0.0] for name in names}
    results = {}
    with serving(site) as base:
        with sync_playwright() as pw:
            for _ in range(args.repeat):
                for name in names:
                    cpu, wall, found, per_page = audit(pw, base, pages, axe, name)
                    load = sum(a for a, _ in per_page.values())
                    run = sum(b for _, b in per_page.values())
                    for k, v in enumerate((cpu, wall, load, run)):
                        totals[name][k] += v
                    results.setdefault(name, found)
                    assert found == results[name]
                    print(f"{name}: {len(pages)} pages, Chromium CPU {cpu:.1f} s (loads {load:.1f}, axe {run:.1f}), "
                          f"wall {wall:.1f} s, load avg {os.getloadavg()[0]:.1f}", flush=True)
                    if args.per_page and name == names[0]:
                        for path, (a, b) in sorted(per_page.items(), key=lambda x: -sum(x[1]))[:15]:
                            print(f"  {path}: load {a:.2f} s, axe {b:.2f} s")
    same = all(results[n] == results[names[0]] for n in names)
    for name in names:
        cpu, wall, load, run = totals[name]
        print(f"{name}: CPU {cpu:.1f} s, loads {load:.1f} s, axe {run:.1f} s, "
              f"ratio to {names[0]} {cpu / totals[names[0]][0]:.2f}")
    print(f"failing violations equal in every variant: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
