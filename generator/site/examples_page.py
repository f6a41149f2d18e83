"""The worked-examples page (piemeri.md): the four amounts P, N, F, K and their four stages,
computed by the reference implementation for the fictional children of ``examples``, and the twelve
annex-10 financing examples of ``annex10`` next to the figures the methodology states."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.site import annex10, examples, paths
from generator.site.line_status import LINE_STATUS as STATUS  # D265: the calculator's words too
from generator.site.pagetemplates import render

KEYS = {"needed": "proporcionāli nepieciešamajam apmēram N", "gap": "proporcionāli iztrūkumam N − P"}
VARIANTS = {
    1: "1. variants: IB, tad pabalsti un citi avoti (valsts un pašvaldību pakalpojumus aizstāj IB)",
    2: "2. variants (izmēģinājumprojektā): IB, pabalsti, valsts un pašvaldību pakalpojumi, citi avoti",
    3: "3. variants: pakalpojumi, pabalsti, IB, citi avoti",
}


def rank_ties(example: examples.PlanExample) -> list[tuple[int, int, list[str]]]:
    """(area, expert rank, the rows' numbers in plan order) for every expert rank two rows of one area share: the
    reference orders them by their place in the plan (generator/reference/plan.py), and the page says so (audit30 F5)."""
    rows: dict[tuple[int, int], list[str]] = {}
    for number, line in enumerate(example.lines, start=1):
        if line.expert_rank is not None:
            rows.setdefault((line.area, line.expert_rank), []).append(str(number))
    return [(area, rank, numbers) for (area, rank), numbers in sorted(rows.items()) if len(numbers) > 1]


def render_examples(catalogue: Catalogue) -> str:
    ex = examples.compute(catalogue)
    annex = annex10.load(catalogue.root)
    method_page = paths.methodology_dir(catalogue.root) / "finansesanas-varianti.md"
    return render(
        "piemeri.md.j2",
        ex=ex,
        vienadi_rangi=rank_ties(ex.plan_c),
        p=ex.params,
        menesi=ex.months,
        statuss=STATUS,
        atslegas=KEYS,
        varianti=VARIANTS,
        avoti=(examples.BENEFITS, examples.SERVICES, examples.OTHER),
        bazes_statuss=catalogue.programme.base_amount.at(ex.start).status.value,
        pielikums10=annex10.compute(annex) if annex else None,
        variantu_lapa=f"{paths.METHODOLOGY}/{method_page.name}" if method_page.is_file() else None,
    )
