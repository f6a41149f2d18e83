"""What a document prints for the municipality and its social service (D43), for tests that check names."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.catalogue.models import Municipality
from generator.documents import party_names
from generator.documents.docx_format import APPLICATION

# A day of the children's pilot round (rounds.yaml berni-2018), when the pilot-time municipality names are
# confirmed; the social services' names are confirmed only in the copy made by ``confirmed_pilot_copy``.
PILOT_DAY = dt.date(2019, 3, 1)
# the explanatory note on the names' blanks that stays in every signed paper (D161, audit41 F2)
NOTE_START = "Tukšajās vietās ieraksta"


def printed(catalogue: Catalogue, municipality: Municipality, kind: str,
            build_date: dt.date | None = None) -> dict:
    """The forms a municipality document built on ``build_date`` (default: today) prints for ``kind``."""
    day = party_names.municipal_documents_day(catalogue, build_date or dt.date.today())
    return party_names.institution(catalogue, municipality, kind, day)


def issuer(catalogue: Catalogue, municipality: Municipality, day: dt.date | None = None) -> str:
    """The author a document's metadata names (lawaudit 28): the social service when its name is confirmed for
    the document's day (``day``: a child's build day; default: a municipality document built today), else the
    toolkit, never an unconfirmed name."""
    forms = (party_names.institution(catalogue, municipality, "social_service", day) if day is not None
             else printed(catalogue, municipality, "social_service"))
    return forms["nom"] if forms["confirmed"] else APPLICATION


def party_phrase(catalogue: Catalogue, municipality: Municipality, kind: str) -> str:
    """A phrase every document built today carries for ``kind``: its name, or the note that it is a blank."""
    forms = printed(catalogue, municipality, kind)
    return forms["nom"] if forms["confirmed"] else NOTE_START


def confirmed_pilot_copy(tmp_path: Path, catalogue: Catalogue, edit=None) -> Catalogue:  # noqa: ANN001
    """A catalogue copy whose pilot-time social service names are confirmed too (the grammar of real names),
    optionally with municipalities.yaml changed by ``edit``."""
    root = tmp_path / "catalogue"
    shutil.copytree(catalogue.root, root)
    names = root / "municipality-names.yaml"
    text, count = re.subn(r"status: jāprecizē\n(\s+source: \"municipalities\.yaml)", r"status: apstiprināts\n\1",
                          names.read_text(encoding="utf-8"))
    assert count == len(catalogue.municipalities.municipalities)
    names.write_text(text, encoding="utf-8")
    if edit is not None:
        path = root / "municipalities.yaml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    copy, problems = load_catalogue(root)
    assert copy is not None, problems
    return copy


def unprintable(catalogue: Catalogue, municipality: Municipality, day: dt.date) -> set[str]:
    """Every form of every name of the municipality and its service that is not confirmed for ``day``."""
    names = catalogue.municipality_names
    assert names is not None
    entry = names.names[municipality.id]
    allowed = [n for kind in ("municipality", "social_service")
               if (n := names.confirmed_on(municipality.id, kind, day)) is not None]

    def forms(n) -> set[str]:  # noqa: ANN001
        return {n.name, n.forms.genitive, n.forms.dative, n.forms.locative}

    printable = set().union(*(forms(n) for n in allowed))
    return set().union(*(forms(n) for n in entry.municipality + entry.social_service)) - printable
