"""Whether a provider named in the matrix (6.8) is the case's own social service or municipality (D50).

The social service (the "Dienests") signs the parent contract on the municipality's behalf: it cannot make a
provider contract (02) with itself nor give itself a guarantee letter (03). A provider is the case's own
institution when its name, compared case-insensitively and with whitespace collapsed, is any name the catalogue
records for that municipality or its social service, in any case form: the pilot-time names and forms of
municipalities.yaml and every dated name of municipality-names.yaml, confirmed or not (a name still "jāprecizē"
is a candidate, and a social worker may well type it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import NameForms

SOCIAL_SERVICE, MUNICIPALITY = "social_service", "municipality"


def normalised(text: str) -> str:
    """'  Valmieras  Sociālais dienests ' -> 'valmieras sociālais dienests' (NFC, case folded, one space)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _forms(name: str, forms: NameForms | None) -> Iterable[str]:
    yield name
    if forms is not None:
        yield from (forms.genitive, forms.dative, forms.locative)


def own_names(catalogue: Catalogue, municipality_id: str) -> dict[str, str]:
    """Every recorded form of the municipality's and its social service's names (normalised) -> which of the two
    it names (SOCIAL_SERVICE or MUNICIPALITY). A name both could carry counts as the social service's."""
    found: dict[str, str] = {}

    def add(kind: str, name: str, forms: NameForms | None) -> None:
        for form in _forms(name, forms):
            key = normalised(form)
            if key and (kind == SOCIAL_SERVICE or key not in found):
                found[key] = kind

    try:
        municipality = catalogue.municipality(municipality_id)
    except LookupError:
        municipality = None
    if municipality is not None:
        add(MUNICIPALITY, municipality.name_lv, municipality.name_forms)
        add(SOCIAL_SERVICE, municipality.social_service, municipality.social_service_forms)
    entry = catalogue.municipality_names.names.get(municipality_id) if catalogue.municipality_names else None
    if entry is not None:
        for dated in entry.municipality:
            add(MUNICIPALITY, dated.name, dated.forms)
        for dated in entry.social_service:
            add(SOCIAL_SERVICE, dated.name, dated.forms)
    return found


def own_kind(provider: str, names: dict[str, str]) -> str:
    """SOCIAL_SERVICE or MUNICIPALITY when ``provider`` is one of ``names`` (own_names), else ""."""
    return names.get(normalised(provider), "") if provider.strip() else ""
