"""Does the template registry know the matrices a build has just made (D309)?

`ibm collect` checks a matrix of an older template version against its registry entry, which only
`ibm fingerprint` writes. A ministry that builds and hands out a new round's matrices without it finds, after
the next catalogue change, every one of them refused by `ibm collect` and carried over by `ibm migrate` without
the formula check. `ibm build` therefore names, in its summary, each template version it made that the
registry lacks, and the command to run. Only a warning: the build writes nothing outside its --out folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import agree
from generator.lvformat import version as shown_version


def built_versions(catalogue: Catalogue, day: dt.date | None = None) -> list[str]:
    """The template versions of the matrices the build on ``day`` writes (one per prices day, D63)."""
    from generator.workbook.render import issues
    from generator.workbook.version import template_version

    return [template_version(catalogue, issue.day) for issue in issues(catalogue, day)]


def unregistered(catalogue: Catalogue, registry: Path | None = None, day: dt.date | None = None) -> list[str]:
    """The versions the build on ``day`` writes that ``registry`` (default: the toolkit's) has no entry for."""
    from generator.ministry.templates import DEFAULT_REGISTRY, load_registry

    known = load_registry(registry or DEFAULT_REGISTRY)
    return [v for v in built_versions(catalogue, day) if v not in known]


def registry_warning(catalogue: Catalogue, command: str = "ibm fingerprint", registry: Path | None = None,
                     day: dt.date | None = None) -> str | None:
    """The Latvian warning for the build's summary, or None when the registry knows every version it made."""
    from generator.ministry.templates import DEFAULT_REGISTRY, RegistryError

    path = registry or DEFAULT_REGISTRY
    try:
        missing = unregistered(catalogue, registry, day)
    except RegistryError as exc:
        return (f"Brīdinājums: {exc}, tāpēc nevar pateikt, vai šī būvējuma matricu veidnes tajā ir; pirms matricu "
                f"izsniegšanas pašvaldībām salabojiet reģistru un palaidiet „{command}”.")
    if not missing:
        return None
    which = agree(len(missing), "veidnes versija", "veidņu versijas")
    return (f"Brīdinājums: šī būvējuma matricu {which} {', '.join(shown_version(v) for v in missing)} nav "
            f"veidņu reģistrā {_shown(path)}. Pirms matricu izsniegšanas pašvaldībām palaidiet „{command}”: bez "
            "reģistra ieraksta pēc nākamās kataloga maiņas „ibm collect” šīs versijas matricas atteiks un "
            "„ibm migrate” tās pārnesīs bez formulu un veidnes vērtību pārbaudes. Būvējums ir gatavs (tas reģistru "
            "neraksta).")


def _shown(path: Path) -> str:
    from generator.build import REPO

    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return path.as_posix()
