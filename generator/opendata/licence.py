"""The reuse terms of the open data (audit40 F2, D183): one text for LASIMANI.txt and the site's downloads page.

The licence is the ministry's to choose, so it is stated as not yet decided (jāprecizē) with the proposal that
follows Latvian open-data practice; the source and the day the data describe come from the catalogue version.
When the ministry decides, STATUS becomes „apstiprināts” and PROPOSAL the chosen licence (D183).
"""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue

STATUS = "jāprecizē"
PROPOSAL = "Creative Commons Attribution 4.0 (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/deed.lv"
PRACTICE = "Latvijas Atvērto datu portālā data.gov.lv datu kopas parasti publicē ar licenci CC0 1.0 vai CC BY 4.0"
DECISION = "D183"


def licence_lines(cat: Catalogue, version: str | None = None) -> list[str]:
    """Sentences, each one line (the callers wrap or join them); ``version``: how the caller writes the catalogue
    version (the site shows the raw id in one place only), by default the id itself."""
    day = f"{cat.latest_date:%d.%m.%Y}"
    if STATUS == "apstiprināts":
        terms = f"Licence: {PROPOSAL}."
    else:
        terms = (f"Licence ({STATUS}): atkalizmantošanas noteikumus un licenci nosaka ministrija, un tā vēl nav "
                 f"izvēlēta (lēmums {DECISION}). {PRACTICE}; priekšlikums – {PROPOSAL}. Līdz lēmumam par "
                 f"atkalizmantošanu (piemēram, publicēšanu citā datu kopā) jautājiet ministrijai; citējot norādiet avotu.")
    return [
        terms,
        f"Avots, ko norādīt: „IBM rīkkopas katalogs, versija {version or cat.version}” (dati atbilst stāvoklim {day}).",
    ]
