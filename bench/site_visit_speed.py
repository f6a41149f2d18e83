"""Chromium CPU of one site page visit as the browser tests make it, in three ways, alternating in one browser:
a new browser context for every visit (tests/site/browsing.py Visit), a new page in one context kept for all
visits (HTTP cache and V8's compiled-script cache warm), and the same page navigated again. Each visit loads
the page and waits for network idle (the theme's search worker fetches and indexes search_index.json).

    .venv/bin/python bench/site_visit_speed.py --page kalkulators.html --visits 6 --repeat 2

Prints CPU (the browser's process tree, from /proc) and wall seconds per visit for each way. The test suite
measured no gain from a shared context (docs/benchmarks.md, speedA): read these numbers with that in mind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.proc_cpu import tree_cpu  # noqa: E402
from bench.site_server import serving  # noqa: E402
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.site.step import build_into  # noqa: E402
from tests.site.browsing import ARGS, CHROMIUM  # noqa: E402
from tests.site.conftest import make_build_dir  # noqa: E402

VIEWPORT = {"width": 1280, "height": 900}


def visits(browser, url: str, way: str, count: int) -> tuple[float, float]:  # noqa: ANN001 - Playwright Browser
    """(CPU s, wall s) of ``count`` visits of ``url`` made in ``way``."""
    shared = browser.new_context(viewport=VIEWPORT) if way != "new-context" else None
    same = shared.new_page() if way == "same-page" else None
    cpu, start = tree_cpu(include_self=False), time.monotonic()
    for _ in range(count):
        if way == "new-context":
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
        else:
            context, page = None, same or shared.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if context is not None:
            context.close()
        elif same is None:
            page.close()
    cpu, wall = tree_cpu(include_self=False) - cpu, time.monotonic() - start
    if shared is not None:
        shared.close()
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", default="kalkulators.html")
    parser.add_argument("--visits", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    with tempfile.TemporaryDirectory(prefix="ibm-site-visit-") as tmp:
        build_dir = make_build_dir(Path(tmp) / "build", catalogue)
        site = build_dir / "vietne"
        build_into(catalogue, site, build_dir, lambda _m: None)
        with serving(site) as base:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                for _ in range(args.repeat):
                    for way in ("new-context", "shared-context", "same-page"):
                        cpu, wall = visits(browser, base + args.page, way, args.visits)
                        print(f"{way:14s} CPU {cpu / args.visits:.3f} s, wall {wall / args.visits:.3f} s a visit, "
                              f"load {os.getloadavg()[0]:.1f}", flush=True)
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
