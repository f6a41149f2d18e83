"""The reuse terms of the open data (audit40 F2, D183, D188): one text for LASIMANI.txt and the site's downloads page.

The licence is the ministry's to choose. Which licence, its status („jāprecizē” with the proposal that follows
Latvian open-data practice, or „apstiprināts” with the chosen one) and its source are catalogue data
(catalogue/open-data-licence.yaml, generator/catalogue/open_data_licence.py), so the ministry's decision is written
there without a change to the code (D188); the sentences around them are here. The source to cite and the day the
data describe come from the catalogue version.
"""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus


def licence_lines(cat: Catalogue, version: str | None = None) -> list[str]:
    """Sentences, each one line (the callers wrap or join them); ``version``: how the caller writes the catalogue
    version (the site shows the raw id in one place only), by default the id itself."""
    day = f"{cat.latest_date:%d.%m.%Y}"
    terms = cat.open_data_licence
    if terms is None:  # not in the catalogue: nothing is said that the catalogue does not hold
        said = ("Licence (jāprecizē): katalogā nav ierakstīta atvērto datu licence; par atkalizmantošanu jautājiet "
                "ministrijai; citējot norādiet avotu.")
    elif terms.status is PriceStatus.confirmed:
        said = (f"Licence: {terms.licence.name}, {terms.licence.url} (avots: {terms.source}"
                f"{f', {terms.decided:%d.%m.%Y}' if terms.decided else ''}).")
    else:
        practice = f"{terms.practice}; priekšlikums" if terms.practice else "Priekšlikums"
        said = (f"Licence ({terms.status.value}): atkalizmantošanas noteikumus un licenci nosaka ministrija, un tā vēl "
                f"nav izvēlēta (lēmums {terms.decision}). {practice} – {terms.licence.name}, {terms.licence.url}. "
                "Līdz lēmumam par atkalizmantošanu (piemēram, publicēšanu citā datu kopā) jautājiet ministrijai; "
                "citējot norādiet avotu.")
    return [
        said,
        f"Avots, ko norādīt: „IBM rīkkopas katalogs, versija {version or cat.version}” (dati atbilst stāvoklim {day}).",
    ]
