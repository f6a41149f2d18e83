"""The calculator page a social worker reads names the two checks of D147 and D148 and says that a price may be
pasted as the site prints it (audit31 F5); the hours of a day come from the model, not from the page."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.reference.rules import HOURS_A_DAY
from generator.site.calculator import PAGE, render_calculator


def test_the_page_says_what_the_new_checks_do(catalogue: Catalogue) -> None:
    page = " ".join(render_calculator(catalogue, [])[PAGE].split())
    assert (f"stundām – {HOURS_A_DAY} stundas katrā dienā (lēmums D147)") in page
    assert "vai rindas daudzums periodā iekļaujas plāna periodā" in page
    assert "diennaktīm – kalendāra dienu skaits, darba dienām – darba dienu skaits bez svētku dienām" in page
    assert ("brīdina, ja reižu, kursu vai euro rinda viena pati maksā vairāk par bērna provizorisko apmēru P "
            "(lēmums D148)") in page


def test_the_page_says_a_price_may_end_in_eur(catalogue: Catalogue) -> None:
    page = " ".join(render_calculator(catalogue, [])[PAGE].split())
    assert "cenas laukā drīkst ielīmēt cenu, kā to raksta vietnē (12,50 EUR)" in page
    assert "summās ierakstiet tikai skaitli, bez „EUR”" not in page.replace("pārējās summās", "")
