"""The document set: one entry per template in templates/dokumenti/, rendered for every pilot municipality."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentSpec:
    id: str  # file stem, ASCII: the PDF and DOCX are <id>.pdf and <id>.docx
    template: str  # file name in templates/dokumenti/
    title: str  # Latvian title: the heading, the footer and the PDF/DOCX metadata
    annex: str | None  # the methodology's annex number, e.g. "19. pielikums"; None for unnumbered forms
    # a rounds.yaml procedure (RoundProcedures) the paper belongs to: made only for a round that confirms it (D135)
    procedure: str | None = None
    # the methodology's annex number heads it only in a round whose rules are the methodology (audit19 F28, D135):
    # the parent's contract and application, which no other form cites by that number
    annex_pilot_only: bool = False


DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec("01-ligums-ar-vecaku", "ligums_ar_vecaku.html.j2",
                 "Līgums par dalību izmēģinājumprojektā un individuālā budžeta saņemšanu", "19. pielikums",
                 annex_pilot_only=True),
    DocumentSpec("02-ligums-ar-sniedzeju", "ligums_ar_sniedzeju.html.j2",
                 "Līgums par sabiedrībā balstītu sociālo pakalpojumu sniegšanu", None),
    DocumentSpec("03-garantijas-vestule", "garantijas_vestule.html.j2",
                 "Garantijas vēstule par sociālo pakalpojumu apmaksu", None),
    DocumentSpec("04-iesniegums-par-dalibu", "iesniegums_par_dalibu.html.j2",
                 "Iesniegums par dalību izmēģinājumprojektā", "5. pielikums", annex_pilot_only=True),
    DocumentSpec("05-iesniegums-par-sniedzejiem", "iesniegums_par_sniedzejiem.html.j2",
                 "Iesniegums par pakalpojumu sniedzēju izvēli", "6.9. tabula"),
    DocumentSpec("06-izdevumu-atmaksas-pieprasijums", "atmaksas_pieprasijums.html.j2",
                 "Vecāka pieprasījums izdevumu atmaksai", "45. pielikums"),
    DocumentSpec("07-klienta-lietas-titullapa", "titullapa.html.j2",
                 "Klienta lietas titullapa", "18. pielikums"),
    DocumentSpec("08-lemums-par-pieskirsanu", "lemums_pieskirt.html.j2",
                 "Lēmums par individuālā budžeta piešķiršanu", None),
    DocumentSpec("09-lemums-par-izbeigsanu", "lemums_izbeigt.html.j2",
                 "Lēmums par individuālā budžeta saņemšanas izbeigšanu", None),
    DocumentSpec("10-uzaicinajuma-vestule", "uzaicinajums.html.j2",
                 "Uzaicinājums uz tikšanos par līguma izpildi", None),
    DocumentSpec("11-merku-novertesana", "merku_novertesana.html.j2",
                 "Atbalsta plānā noteikto sociālās rehabilitācijas un sociālās aprūpes mērķu novērtēšana",
                 "12. pielikums"),
    DocumentSpec("12-izvertesanas-protokols", "izvertesanas_protokols.html.j2",
                 "Izvērtēšanas komandas sanāksmes protokols", None),
    DocumentSpec("13-dienesta-zinojums", "dienesta_zinojums.html.j2",
                 "Dienesta ziņojums par transporta izdevumiem izmēģinājumprojektā", "39. un 40. pielikums"),
    DocumentSpec("14-patapinajuma-ligums", "patapinajuma_ligums.html.j2",
                 "Patapinājuma līgums par privātā transportlīdzekļa lietošanu", None),
    DocumentSpec("15-marsruta-lapa", "marsruta_lapa.html.j2",
                 "Maršruta lapa", "43. pielikums"),
    DocumentSpec("16-sabiedriska-transporta-atskaite", "sabiedriskais_transports.html.j2",
                 "Atskaite par sabiedriskā transporta izmantošanu pārskata mēnesī", "41. un 42. pielikums"),
    DocumentSpec("17-lemums-par-atteikumu", "lemums_atteikt.html.j2",
                 "Lēmums par atteikumu piešķirt individuālo budžetu", None),
    DocumentSpec("18-vestule-par-neatbilstibu", "vestule_par_neatbilstibu.html.j2",
                 "Vēstule par neatbilstību izmēģinājumprojekta kritērijiem", None),
    # The annexes the methodology names only by purpose (issue 16); see catalogue/annexes.yaml.
    DocumentSpec("19-vecaku-aptaujas-anketa", "vecaku_anketa.html.j2",
                 "Vecāku aptaujas anketa pirms bērna izvērtēšanas", "11. pielikums"),
    DocumentSpec("20-pakalpojuma-apraksta-veidlapa", "pakalpojuma_apraksts.html.j2",
                 "Sabiedrībā balstīta sociālā pakalpojuma apraksta veidlapa", "13. pielikums"),
    DocumentSpec("21-esf-dalibnieka-anketa", "esf_anketa.html.j2",
                 "ESF projekta dalībnieka aptaujas anketa", "25. pielikums", procedure="esf_questionnaire"),
    DocumentSpec("22-sifresanas-instrukcija", "sifresanas_instrukcija.html.j2",
                 "Datņu šifrēšana jeb arhivēšana ar paroli", "32. pielikums"),
    DocumentSpec("23-nosaukumu-instrukcija", "nosaukumu_instrukcija.html.j2",
                 "Darba mapju un dokumentu nosaukumu veidošanas instrukcija", "33. pielikums"),
    DocumentSpec("24-risku-plans", "risku_plans.html.j2",
                 "Risku novēršanas pasākumu plāns", "34. pielikums"),
    DocumentSpec("25-kvalitates-anketa-sd", "kvalitates_anketa.html.j2",
                 "Kvalitātes aptaujas anketa sociālajam darbiniekam", "35. pielikums"),
    DocumentSpec("26-kvalitates-anketa-vecakam", "kvalitates_anketa.html.j2",
                 "Kvalitātes aptaujas anketa vecākam", "36. pielikums"),
    DocumentSpec("27-kvalitates-anketa-specialistam", "kvalitates_anketa.html.j2",
                 "Kvalitātes aptaujas anketa izvērtēšanas komandas speciālistam", "37. pielikums"),
    DocumentSpec("28-kvalitates-anketa-sniedzejam", "kvalitates_anketa.html.j2",
                 "Kvalitātes aptaujas anketa pakalpojumu sniedzējam", "38. pielikums"),
    DocumentSpec("29-vestule-neatlasitajiem", "vestule_neatlasitajiem.html.j2",
                 "Vēstule par bērna neiekļaušanu izmēģinājumprojekta dalībnieku sarakstā", None),
    DocumentSpec("30-klientu-registracijas-lapa", "klientu_registracijas_lapa.html.j2",
                 "Klientu reģistrācijas lapa", None),
    DocumentSpec("31-pakalpojumu-grafiks", "pakalpojumu_grafiks.html.j2",
                 "Pakalpojumu saņemšanas mēneša grafiks", None),
    DocumentSpec("32-marsruta-lapas-izraksts", "marsruta_izraksts.html.j2",
                 "Izraksts no pašvaldības vai sociālā dienesta maršruta lapas", "44. pielikums"),
)

# Anonymous questionnaires (35.–38. pielikums): nobody signs them.
UNSIGNED = ("25-kvalitates-anketa-sd", "26-kvalitates-anketa-vecakam", "27-kvalitates-anketa-specialistam",
            "28-kvalitates-anketa-sniedzejam")

# Administrative acts (Administratīvā procesa likums): they state facts, legal basis, reasoning and appeal.
DECISIONS = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu")


def by_id(doc_id: str) -> DocumentSpec:
    for spec in DOCUMENTS:
        if spec.id == doc_id:
            return spec
    known = ", ".join(s.id for s in DOCUMENTS)
    raise KeyError(f"dokuments „{doc_id}” nav zināms (zināmie: {known})")


def _annex_numbers(annex: str | None) -> tuple[int, ...]:
    """The methodology's annex numbers a form stands for: "41. un 42. pielikums" -> (41, 42); tables none."""
    if not annex or not annex.endswith("pielikums"):
        return ()
    return tuple(int(part) for part in re.findall(r"(\d+)\.", annex))


# The matrix whose tables the signed papers name (D344): written out with the methodology's annex where a paper first
# names it, in the genitive as "… 6.5. tabula" takes it; "turpmāk – IBM matrica" where the paper names it again.
MATRIX_ANNEX = "6. pielikums"
MATRIX_OF = f"individuālā budžeta modeļa matricas (metodikas {MATRIX_ANNEX})"
MATRIX_OF_DEFINED = f"individuālā budžeta modeļa matricas (metodikas {MATRIX_ANNEX}; turpmāk – IBM matrica)"


def form_of_table(table: str) -> dict[str, str]:
    """The form in the set that prints a matrix table ("6.9. tabula"): its number in the set and its title, lower-case
    first letter, for a clause that names the form as the form names itself (audit45 F15)."""
    spec = next(spec for spec in DOCUMENTS if spec.annex == table)
    return {"number": spec.id[:2], "title": spec.title[:1].lower() + spec.title[1:], "table": table}


def form_reference(*numbers: int, nested: bool = False) -> str:
    """A cross-reference to a methodology annex that also names the generated form a user holds (audit41 F18,
    D194): "veidlapa 06 (metodikas 45. pielikums)", "veidlapa 16 (metodikas 41. vai 42. pielikums)"; nested (inside
    a bracket already): "veidlapa 06, metodikas 45. pielikums". The form number is the file's number in the set,
    never typed in a template. An annex no form in the set stands for is named as the methodology's annex only."""
    marks = [f"{n}." for n in numbers]
    annexes = (", ".join(marks[:-1]) + " vai " if len(marks) > 1 else "") + marks[-1] + " pielikums"
    forms = [spec.id[:2] for spec in DOCUMENTS if set(numbers) <= set(_annex_numbers(spec.annex))]
    if not forms:
        forms = sorted({spec.id[:2] for n in numbers for spec in DOCUMENTS if n in _annex_numbers(spec.annex)})
    if not forms:
        return f"metodikas {annexes}"
    label = ("veidlapa " if len(forms) == 1 else "veidlapas ") + " vai ".join(forms)
    return f"{label}, metodikas {annexes}" if nested else f"{label} (metodikas {annexes})"
