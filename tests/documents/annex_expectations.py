"""What the annex documents of issue 16 must say: the form-sample line, and the catalogue's data they
show (questionnaire stages and scale, service description fields, support areas) – formatted from the
catalogue, never typed."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.site.labels import DESCRIPTION_FIELDS

# the neutral line a reconstructed form carries (D46); the reconstruction itself is said on the site
SAMPLE = "Veidlapas paraugs; ja Labklājības ministrija izsniedz savu veidlapu, lieto to."


def annex_phrases(catalogue: Catalogue) -> dict[str, list[str]]:
    quality = catalogue.annexes.quality
    questionnaires = {
        party.output: [f"{party.annex}. pielikums", SAMPLE,
                       *[quality.stage(s).label_lv for s in party.stages],
                       *[f"„{level.score}” – {level.label_lv}" for level in quality.scale]]
        for party in quality.parties
    }
    return {
        "19-vecaku-aptaujas-anketa": ["11. pielikums", SAMPLE, "Bērna ikdiena", "Ģimenes grūtības",
                                      *[i.name_lv.split()[0] for i in catalogue.enums.impairments]],
        "20-pakalpojuma-apraksta-veidlapa": ["13. pielikums", *DESCRIPTION_FIELDS.values(),
                                             *[a.name_lv for a in catalogue.enums.support_areas]],
        "21-esf-dalibnieka-anketa": ["25. pielikums", SAMPLE, "Nodarbinātība", "Mājsaimniecība"],
        "22-sifresanas-instrukcija": ["32. pielikums", SAMPLE, "AES-256", "pa citu kanālu"],
        "23-nosaukumu-instrukcija": ["33. pielikums", SAMPLE, "GGGG-MM-DD",
                                     "-b03_ibm-matrica_v1.xlsx"],  # dated the build day (audit14 F16)
        "24-risku-plans": ["34. pielikums", SAMPLE, "Vadības riski", "Personāla riski", "Finanšu riski",
                           "Juridiskie riski", "Īstenošanas riski", "Atbildīgais", "Statuss"],
        **questionnaires,
        "29-vestule-neatlasitajiem": ["Godātā kundze / Godātais kungs!", "paliek rezervē"],  # no sender's note (D24)
        "30-klientu-registracijas-lapa": [SAMPLE, "Vecāka, pavadoņa vai bērna paraksts", "Kopā vienības"],
        "31-pakalpojumu-grafiks": [SAMPLE, "Saņemts", "6.10. tabula"],
        "32-marsruta-lapas-izraksts": ["44. pielikums", SAMPLE, "Nobraukums, km", "Bērna identifikācijas kods"],
    }
