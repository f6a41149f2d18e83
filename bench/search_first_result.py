"""Time from opening the site's search to its first result, on a page just loaded (the theme's search worker is
still building the lunr index from search/search_index.json): the site as built now against the same site with
the search script (site/assets/javascripts/lunr/min/lunr.lv.min.js) of a baseline commit, alternating in one
browser, at desktop width (1280 px) and phone width (360 px, touch), with the CPU as it is (no throttling).

    .venv/bin/python bench/search_first_result.py --baseline 122f9b7e --rounds 5

Prints the size of search_index.json, then per width and variant the median (and least) wall seconds from the click
on the search to the first result and the median Chromium CPU seconds from the page's load to the first result (its
process tree, from /proc), and the ratios new / baseline. Both variants must show the same first result. On a loaded
machine read the least times and the CPU: the other processes lengthen the wall times of both variants.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
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

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "site/assets/javascripts/lunr/min/lunr.lv.min.js"
BUILT_SCRIPT = Path("assets/javascripts/lunr/min/lunr.lv.min.js")
WIDTHS = (1280, 360)


def first_result(browser, base: str, width: int, query: str) -> tuple[float, float, str]:  # noqa: ANN001
    """(wall s from opening the search to the first result, Chromium CPU s from the page's load to it, its link)."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    cpu = tree_cpu(include_self=False)
    page.goto(base + "index.html", wait_until="load")
    start = time.monotonic()
    if phone:
        page.locator("label.md-header__button[for='__search']").click()
    field = page.locator("input.md-search__input")
    field.click()
    field.evaluate("(f, v) => { f.value = v; }", query[:-1])  # one search, as tests/site/test_search.py types
    field.press_sequentially(query[-1])
    link = page.locator(".md-search-result__item > a").first
    link.wait_for(timeout=180_000)
    wall, cpu = time.monotonic() - start, tree_cpu(include_self=False) - cpu
    href = (link.get_attribute("href") or "").removeprefix(base).split("?")[0]
    context.close()
    return wall, cpu, href


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", default="122f9b7e", help="commit whose search script is the baseline")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--query", default="logopeds")
    parser.add_argument("--site", type=Path, help="a built site (build/vietne) instead of building one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    old_script = subprocess.run(["git", "-C", str(ROOT), "show", f"{args.baseline}:{SCRIPT}"], check=True,
                                capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="ibm-search-speed-") as tmp:
        site = args.site
        if site is None:
            catalogue = load_or_raise(DEFAULT_CATALOGUE)
            build_dir = make_build_dir(Path(tmp) / "build", catalogue)
            site = build_dir / "vietne"
            build_into(catalogue, site, build_dir, lambda _m: None)
        baseline = Path(tmp) / "baseline"
        shutil.copytree(site, baseline)
        (baseline / BUILT_SCRIPT).write_bytes(old_script)
        size = (site / "search" / "search_index.json").stat().st_size
        print(f"search_index.json {size / 1e6:.2f} MB, {args.rounds} rounds, query „{args.query}”", flush=True)
        with serving(baseline) as old_base, serving(site) as new_base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            first_result(browser, new_base, 1280, args.query)  # warm the disk cache and Chromium
            for width in WIDTHS:
                runs: dict[str, list[tuple[float, float]]] = {"baseline": [], "new": []}
                found = set()
                for _ in range(args.rounds):
                    for name, base in (("baseline", old_base), ("new", new_base)):
                        wall, cpu, href = first_result(browser, base, width, args.query)
                        runs[name].append((wall, cpu))
                        found.add(href)
                wall = {n: statistics.median(w for w, _ in r) for n, r in runs.items()}
                least = {n: min(w for w, _ in r) for n, r in runs.items()}
                cpu = {n: statistics.median(c for _, c in r) for n, r in runs.items()}
                print(f"{width:4d} px: baseline {wall['baseline']:.2f} s (least {least['baseline']:.2f} s, CPU "
                      f"{cpu['baseline']:.2f} s), new {wall['new']:.2f} s (least {least['new']:.2f} s, CPU "
                      f"{cpu['new']:.2f} s); new/baseline wall {wall['new'] / wall['baseline']:.2f}, least "
                      f"{least['new'] / least['baseline']:.2f}, CPU {cpu['new'] / cpu['baseline']:.2f}; first result "
                      f"{sorted(found)}; load {os.getloadavg()[0]:.1f}", flush=True)
                assert len(found) == 1, found
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
