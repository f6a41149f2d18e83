"""One made-up children's round as a rounds.yaml entry, for test catalogues that add rounds (D61, D63)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from tests.lm_document import LM_DOCUMENT


def children_round_entry(round_id: str, name: str, start: dt.date, end: dt.date,
                         services: tuple[dt.date, dt.date] | None = None,
                         municipalities: tuple[str, ...] = ("liepaja", "valmiera"),
                         deadline: dt.date | None = None, rules: bool = False, procedures: str = "",
                         participants: int = 10) -> str:
    """The entry's YAML text (appended to rounds.yaml's list): six-month periods, no envelope; services for the whole
    round unless ``services`` (first, last day) is given; Liepāja and Valmiera unless ``municipalities``. Its
    selection rules and application deadline are `jāprecizē` (D124) unless ``rules`` (made-up confirmed rules,
    see SELECTION) or ``deadline`` (a confirmed application deadline) is given. ``procedures``: a `procedures` block
    (D135) as YAML text indented for the entry, none by default; ``participants``: the round's count."""
    services_start, services_end = services or (start, end)
    return f"""  - id: {round_id}
    programme: bērni
    name_lv: {name}
    start: {start.isoformat()}
    end: {end.isoformat()}
    services_start: {services_start.isoformat()}
    services_end: {services_end.isoformat()}
    reporting_period_months: 6
    municipalities: [{", ".join(municipalities)}]
    envelope:
      amount: null
      status: jāprecizē
      source: "Testa dati"
{_selection(rules)}{_deadline(deadline)}{procedures}    participants: {participants}
    source: "Testa dati: izdomāta kārta"
"""


# Made-up confirmed selection rules of a later round (D124): each text printed by the papers of that round.
SELECTION = {
    "criterion_met": "Bērnam ir izdomātas kārtas testa izvērtējums",
    "criterion_unmet": "bērnam nav izdomātas kārtas testa izvērtējuma",
    "tie_break": "pie vienādiem kritērijiem izšķir izdomātas kārtas testa izloze",
    "ministry_selection": "ievērojot izdomātas kārtas testa kvotas",
    "group_price_basis": "Izdomātas kārtas testa cenu noteikumi",
}


def _selection(rules: bool) -> str:
    if not rules:
        return ""
    fields = "".join(f"      {name}: {text}\n" for name, text in SELECTION.items())
    return f"    selection:\n      status: apstiprināts\n      source: \"Testa dati\"\n{fields}"


def _deadline(deadline: dt.date | None) -> str:
    if deadline is None:
        return ""
    return (f"    application_deadline:\n      date: {deadline.isoformat()}\n      status: apstiprināts\n"
            f"      source: \"Testa dati\"\n")


def holiday_years_yaml(*years: int) -> str:
    """holidays.yaml entries for ``years`` (appended to its ``years`` list): every holiday the catalogue's
    ``recurring`` list names for a year, in date order (the days the law moves off a weekend are left out)."""
    import yaml

    from generator.catalogue.models import RecurringHoliday

    data = yaml.safe_load((DEFAULT_CATALOGUE / "holidays.yaml").read_text("utf-8"))
    recurring = [RecurringHoliday(**r) for r in data["recurring"]]
    out = []
    for year in years:
        days = sorted((r.date_in(year), r.name_lv) for r in recurring)
        out.append(f"  - year: {year}\n    days:\n" + "".join(
            f"      - {{date: {day.isoformat()}, name_lv: \"{name}\"}}\n" for day, name in days))
    return "".join(out)


def add_holiday_years(catalogue_folder: Path, *years: int) -> None:
    """Append ``years`` (holiday_years_yaml) to the holidays.yaml of a catalogue copy: a round's services years need
    their holidays."""
    holidays = catalogue_folder / "holidays.yaml"
    holidays.write_text(holidays.read_text("utf-8") + holiday_years_yaml(*years), "utf-8")


def catalogue_with_round(target: Path, entry: str, holiday_years: tuple[int, ...] = (2026, 2027)) -> Catalogue:
    """A copy of the catalogue at ``target`` with ``entry`` (children_round_entry's text) appended to rounds.yaml
    and the holidays of each of ``holiday_years`` (a round's services years need their holidays)."""
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + entry, "utf-8")
    add_holiday_years(target, *holiday_years)
    return load_or_raise(target)


def catalogue_with_rounds(folder: Path, rounds: Iterable[tuple[str, str, dt.date, dt.date]],
                          base_changes: Iterable[tuple[dt.date, str]]) -> Catalogue:
    """A copy of the catalogue in ``folder``/catalogue with each of ``rounds`` (id, name, first and last day;
    children_round_entry) appended to rounds.yaml and each of ``base_changes`` (day, amount) a value of the base amount
    B that LM_DOCUMENT confirms from that day."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds_file = target / "rounds.yaml"
    text = rounds_file.read_text(encoding="utf-8")
    for round_id, name, start, end in rounds:
        text += children_round_entry(round_id, name, start, end)
    rounds_file.write_text(text, encoding="utf-8")
    programme = target / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    values = "".join(f'    - {{effective_from: {day.isoformat()}, value: {amount}, source: "{LM_DOCUMENT}"}}\n'
                     for day, amount in base_changes)
    assert text.count("\nrate_full:\n") == 1  # the base amount's values end where rate_full begins
    programme.write_text(text.replace("\nrate_full:\n", "\n" + values + "rate_full:\n"), encoding="utf-8")
    return load_or_raise(target)




def add_programme_value(catalogue_folder: Path, parameter: str, entry: list[str]) -> None:
    """Append a dated entry (its YAML lines, indented as a `values` item) to ``parameter`` of the programme.yaml of a
    catalogue copy."""
    path = catalogue_folder / "programme.yaml"
    lines = path.read_text("utf-8").splitlines()
    start = lines.index(f"{parameter}:")
    # the parameter's block ends before the next unindented line (the next parameter), or at the end of the file
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    while not lines[end - 1].strip():
        end -= 1
    lines[end:end] = entry
    path.write_text("\n".join(lines) + "\n", "utf-8")


def add_quota(catalogue_folder: Path, effective_from: dt.date, per_municipality: int) -> None:
    """Append a confirmed `selection_quotas` entry to the programme.yaml of a catalogue copy: a later round's own
    quota (D308), with the age groups and impairment shares of the catalogue's last entry."""
    import yaml

    last = yaml.safe_load((catalogue_folder / "programme.yaml").read_text("utf-8"))["selection_quotas"]["values"][-1]

    def flow(value: dict) -> str:
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip()

    add_programme_value(catalogue_folder, "selection_quotas", [
        f"    - effective_from: {effective_from.isoformat()}",
        "      source: \"Testa dati: izdomātas kārtas kvota\"",
        "      value:",
        f"        per_municipality: {per_municipality}",
        f"        per_age_group: {flow(last['value']['per_age_group'])}",
        f"        impairment_share: {flow(last['value']['impairment_share'])}"])


def confirm_base_amount(catalogue_folder: Path, effective_from: dt.date) -> None:
    """Append to the programme.yaml of a catalogue copy the base amount B of its last entry, confirmed from
    ``effective_from`` (as a later round's rules would confirm it)."""
    import yaml

    last = yaml.safe_load((catalogue_folder / "programme.yaml").read_text("utf-8"))["base_amount"]["values"][-1]
    add_programme_value(catalogue_folder, "base_amount", [
        f"    - {{effective_from: {effective_from.isoformat()}, value: {last['value']}, status: apstiprināts, "
        f"source: \"{LM_DOCUMENT}\"}}"])
