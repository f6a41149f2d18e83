"""Chromium CPU of the accessibility audit (tests/site/test_accessibility.py) with the search index kept away
by ``page.route`` (the baseline) and by Chromium's own URL blocking (tests/site/browsing.py skip_search_index).

Builds the site once from the real catalogue, serves it as the tests do, and audits the same pages in both
ways, alternating, each in a browser of its own: page load ("load") plus axe-core. Chromium's CPU is read
from /proc for the browser's whole process tree (a renderer that has exited is counted in its parent), and
the axe violations of every page must be equal in both ways. With ``--no-axe`` only the page loads, and
``--idle`` also waits for network idle as the Visit helper does.

    .venv/bin/python bench/site_speed.py --pages 40 --repeat 2
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
from bench.site_server import html_pages, serving  # noqa: E402
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.site.step import build_into  # noqa: E402
from tests.site.axe import ensure_axe  # noqa: E402
from tests.site.browsing import ARGS, CHROMIUM, skip_search_index  # noqa: E402
from tests.site.conftest import make_build_dir  # noqa: E402
from tests.site.test_accessibility import RUN  # noqa: E402


def children_cpu() -> float:
    """CPU seconds of every live descendant of this process (the browser), with what they have reaped."""
    return tree_cpu(include_self=False)


def audit(pw, base: str, pages: list[str], axe: str | None, way: str, idle: bool) -> tuple[float, float, dict]:
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    start_cpu, start = children_cpu(), time.monotonic()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    if axe:
        context.add_init_script(script=axe)
    page = context.new_page()
    if way == "route":
        page.route("**/search/search_index.json", lambda route: route.abort())
    else:
        skip_search_index(page)
    found = {}
    for path in pages:
        page.goto(base + path, wait_until="load")
        if idle:
            page.wait_for_load_state("networkidle")
        if axe:
            found[path] = page.evaluate(RUN)
    context.close()
    cpu, wall = children_cpu() - start_cpu, time.monotonic() - start
    browser.close()
    return cpu, wall, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=0, help="every n-th page so that about this many remain (0: all)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-axe", action="store_true")
    parser.add_argument("--idle", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    with tempfile.TemporaryDirectory(prefix="ibm-site-speed-") as tmp:
        build_dir = make_build_dir(Path(tmp) / "build", catalogue)
        site = build_dir / "vietne"
        build_into(catalogue, site, build_dir, lambda _m: None)
        pages = html_pages(site, args.pages)
        axe = None if args.no_axe else ensure_axe().read_text(encoding="utf-8")
        totals: dict[str, list[float]] = {"route": [0.0, 0.0], "cdp": [0.0, 0.0]}
        results = {}
        with serving(site) as base:
            with sync_playwright() as pw:
                for _ in range(args.repeat):
                    for way in ("route", "cdp"):
                        cpu, wall, found = audit(pw, base, pages, axe, way, args.idle)
                        totals[way][0] += cpu
                        totals[way][1] += wall
                        results.setdefault(way, found)
                        assert found == results[way]
                        print(f"{way}: {len(pages)} pages, Chromium CPU {cpu:.1f} s, wall {wall:.1f} s, "
                              f"load {os.getloadavg()[0]:.1f}", flush=True)
    same = results["route"] == results["cdp"]
    route, cdp = totals["route"], totals["cdp"]
    print(f"total over {args.repeat} run(s): route CPU {route[0]:.1f} s, cdp CPU {cdp[0]:.1f} s, "
          f"ratio {route[0] / cdp[0]:.2f}; axe results equal: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
