"""The worked-examples page (piemeri.md): the four amounts P, N, F, K and their four stages,
computed by the reference implementation for the fictional children of ``examples``."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.reference.plan import FUNDED, IGNORED, NOT_FUNDED, PARTIAL
from generator.site import examples
from generator.site.pagetemplates import render

STATUS = {
    FUNDED: "finansēts no IB",
    PARTIAL: "daļēji finansēts no IB",
    NOT_FUNDED: "nav akceptēts finansējuma trūkuma dēļ",
    IGNORED: "netiek ņemts vērā",
}
KEYS = {"needed": "proporcionāli nepieciešamajam apmēram N", "gap": "proporcionāli iztrūkumam N − P"}
VARIANTS = {
    1: "1. variants: IB, tad pabalsti un citi avoti (valsts un pašvaldību pakalpojumus aizstāj IB)",
    2: "2. variants (izmēģinājumprojektā): IB, pabalsti, valsts un pašvaldību pakalpojumi, citi avoti",
    3: "3. variants: pakalpojumi, pabalsti, IB, citi avoti",
}


def render_examples(catalogue: Catalogue) -> str:
    ex = examples.compute(catalogue)
    return render(
        "piemeri.md.j2",
        ex=ex,
        p=ex.params,
        menesi=ex.months,
        statuss=STATUS,
        atslegas=KEYS,
        varianti=VARIANTS,
        avoti=(examples.BENEFITS, examples.SERVICES, examples.OTHER),
        bazes_statuss=catalogue.programme.base_amount.at(ex.start).status.value,
    )
