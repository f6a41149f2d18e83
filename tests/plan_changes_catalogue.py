"""A test catalogue whose later children's round sees changes of several kinds after its first service day (D61):
an item's price (2.1), the group ceiling (every group session), the transport limit (confirmed for the round), a
parameter of every plan (B) and one of no plan (a report day) – each on its own day; and the ministry confirming B
at the same amount (no change, D291)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.loader import load_or_raise
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from tests.lm_document import LM_DOCUMENT
from tests.round_yaml import catalogue_with_round, children_round_entry

D = dt.date
ROUND_START, SERVICES = D(2026, 9, 1), (D(2026, 10, 1), D(2027, 11, 30))
MATRIX_DAY = SERVICES[0]  # the round's matrix: the prices of its first service day
REPORT_DAY_CHANGE = D(2026, 11, 1)  # monthly_report_day: no plan's amounts
GROUP_CHANGE = D(2026, 12, 1)  # grupu-nodarbibu-griesti: every group session's ceiling
BASE_CONFIRMED = D(2026, 12, 15)  # B: the same amount, now „apstiprināts” – no plan is refused for it (D291)
COMPANION_CHANGE = D(2027, 1, 1)  # 2.1's own price
TRANSPORT_CHANGE = D(2027, 2, 1)  # transport_share_max: plans with transport, where the round confirms the limit
BASE_CHANGE = D(2027, 5, 1)  # B: every plan
BASE_WITHDRAWN = D(2027, 3, 1)  # withdrawn_catalogue: B „jāprecizē” again at the same amount (D296)
BASE_RECONFIRMED = D(2027, 4, 1)  # reconfirmed_catalogue: and confirmed again at it
# ceiling_confirmed_catalogue: the group sessions' transport part „apstiprināts” at the same amount (before GROUP_CHANGE)
CEILING_CONFIRMED = D(2026, 11, 15)
# ceiling_withdrawn_catalogue: and „jāprecizē” again at the same amount (still before GROUP_CHANGE, D302)
CEILING_WITHDRAWN = D(2026, 11, 25)
CEILING_RECONFIRMED = D(2026, 11, 28)  # ceiling_reconfirmed_catalogue: confirmed again
# price_withdrawn_catalogue: 2.1's regulated price – the figure the matrix prefills – „apstiprināts” from
# COMPANION_CHANGE and „jāprecizē” again at the same amount from this day (D302)
PRICE_WITHDRAWN = D(2027, 2, 15)
REGULATED = "2.1"
# the round confirms its procedures, among them the transport limit (D287)
PROCEDURES = """    procedures:
      status: apstiprināts
      source: "Testa dati"
      transport_share: true
""" + "".join(f"      {name}: false\n" for name in (
    "ministry_team", "registration_to_minute", "forward_working_days", "esf_questionnaire", "ftp_server",
    "methodology_rules", "reserve_list", "advance_payment", "child_reallocation"))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def _after_line(path: Path, line: str, text: str) -> None:
    content = path.read_text("utf-8")
    assert line in content, (path, line)
    path.write_text(content.replace(line, line + text, 1), "utf-8")


# the made-up round's municipalities: a plan filled for another one is refused (D104, municipality_not_in_round)
MUNICIPALITIES = ("liepaja", "valmiera")


def changes_catalogue(target: Path) -> Catalogue:
    """The catalogue at ``target`` (a copy): one more children's round and the changes above."""
    entry = children_round_entry("berni-2026", "Izdomāta kārta ar cenu maiņām", ROUND_START, D(2027, 12, 31),
                                 services=SERVICES, municipalities=MUNICIPALITIES, procedures=PROCEDURES)
    catalogue_with_round(target, entry)
    source = '    source: "Testa dati: izdomāta maiņa"\n    status: apstiprināts\n'
    _append(target / "prices" / "2.1.yaml",
            f"  - effective_from: {COMPANION_CHANGE.isoformat()}\n    kind: ceiling\n    amount: 5.50\n{source}")
    _append(target / "prices" / "grupu-nodarbibu-griesti.yaml",
            f"  - effective_from: {GROUP_CHANGE.isoformat()}\n    kind: ceiling\n    amount: 24.00\n{source}")
    programme = target / "programme.yaml"
    _after_line(programme, '    - {effective_from: 2018-08-01, value: 0.10, source: "Metodika L1714; D9"}\n',
                f'    - {{effective_from: {TRANSPORT_CHANGE.isoformat()}, value: 0.15, source: "Testa dati"}}\n')
    _after_line(programme, '    - {effective_from: 2018-08-01, value: 10, source: "Metodika L2238, L2240"}\n',
                f'    - {{effective_from: {REPORT_DAY_CHANGE.isoformat()}, value: 12, source: "Testa dati"}}\n')
    content = programme.read_text("utf-8")
    base = changed_base_value(content)
    programme.write_text(content.replace(
        "rate_full:\n", f'    - effective_from: {BASE_CONFIRMED.isoformat()}\n      value: {base}\n'
                        f'      source: "{LM_DOCUMENT}"\n      status: apstiprināts\n'
                        f'    - effective_from: {BASE_CHANGE.isoformat()}\n      value: 3100.00\n'
                        '      source: "Testa dati"\n      status: jāprecizē\nrate_full:\n', 1), "utf-8")
    return load_or_raise(target)


def withdrawn_catalogue(target: Path) -> Catalogue:
    """changes_catalogue with the confirmation of B withdrawn on BASE_WITHDRAWN: the same amount, „jāprecizē” again
    (e.g. the next round's B entered as a placeholder) – from then the papers print B as a blank again (D296)."""
    base = changes_catalogue(target).programme.base_amount.at(BASE_CONFIRMED).value  # the confirmed amount
    programme = target / "programme.yaml"
    content = programme.read_text("utf-8")
    anchor = f"    - effective_from: {BASE_CHANGE.isoformat()}\n"
    assert anchor in content
    programme.write_text(content.replace(anchor, f"    - effective_from: {BASE_WITHDRAWN.isoformat()}\n      value: {base}\n"
                                                 '      source: "Testa dati: B atkal jāprecizē"\n      status: jāprecizē\n'
                                         + anchor, 1), "utf-8")
    return load_or_raise(target)


def unconfirmed_catalogue(target: Path) -> Catalogue:
    """changes_catalogue with B's confirmation entry (BASE_CONFIRMED) deleted: B is „jāprecizē” again from then at the
    same amount, as if never confirmed – a status change for a matrix made while it stood confirmed (D302, D314)."""
    changes_catalogue(target)
    programme = target / "programme.yaml"
    content = programme.read_text("utf-8")
    start = content.index(f"    - effective_from: {BASE_CONFIRMED.isoformat()}\n")
    end = content.index("    - effective_from: ", start + 1)
    programme.write_text(content[:start] + content[end:], "utf-8")
    return load_or_raise(target)


def reconfirmed_catalogue(target: Path) -> Catalogue:
    """withdrawn_catalogue with B confirmed again at the same amount on BASE_RECONFIRMED (before its other amount)."""
    base = withdrawn_catalogue(target).programme.base_amount.at(BASE_CONFIRMED).value
    programme = target / "programme.yaml"
    content = programme.read_text("utf-8")
    anchor = f"    - effective_from: {BASE_CHANGE.isoformat()}\n"
    programme.write_text(content.replace(anchor, f"    - effective_from: {BASE_RECONFIRMED.isoformat()}\n"
                                                 f"      value: {base}\n"
                                                 f'      source: "{LM_DOCUMENT}"\n'
                                                 "      status: apstiprināts\n" + anchor, 1), "utf-8")
    return load_or_raise(target)


def ceiling_confirmed_catalogue(target: Path) -> Catalogue:
    """changes_catalogue with the group sessions' client transport part, „jāprecizē” on MATRIX_DAY, confirmed at the
    same amount on CEILING_CONFIRMED: each group session's 6.8 ceiling stands confirmed from then (D291, D296)."""
    changes_catalogue(target)
    path = target / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]  # the catalogue's own figure, not typed here
    _append(path, f"  - effective_from: {CEILING_CONFIRMED.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                  f'    source: "{LM_DOCUMENT}"\n    status: apstiprināts\n')
    return load_or_raise(target)


def ceiling_withdrawn_catalogue(target: Path) -> Catalogue:
    """ceiling_confirmed_catalogue with the transport part „jāprecizē” again at the same amount on CEILING_WITHDRAWN:
    a matrix of CEILING_CONFIRMED has each group session's ceiling confirmed, and from then the catalogue no longer
    does (D302: no change for its plans, but the papers and collect read it as unconfirmed)."""
    ceiling_confirmed_catalogue(target)
    path = target / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]
    _append(path, f"  - effective_from: {CEILING_WITHDRAWN.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                  '    source: "Testa dati: tā pati vērtība atkal jāprecizē"\n    status: jāprecizē\n')
    return load_or_raise(target)


def ceiling_reconfirmed_catalogue(target: Path) -> Catalogue:
    """ceiling_withdrawn_catalogue with the transport part „apstiprināts” again at the same amount on
    CEILING_RECONFIRMED: from then the group sessions' ceilings stand confirmed again."""
    ceiling_withdrawn_catalogue(target)
    path = target / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]
    _append(path, f"  - effective_from: {CEILING_RECONFIRMED.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                  f'    source: "{LM_DOCUMENT}"\n    status: apstiprināts\n')
    return load_or_raise(target)


def price_withdrawn_catalogue(target: Path) -> Catalogue:
    """changes_catalogue with 2.1's price of COMPANION_CHANGE – a regulated price, „apstiprināts”, which a matrix of
    that day prefills (6.8 I) – „jāprecizē” again at the same amount on PRICE_WITHDRAWN: no change for the plans
    (D302), but a matrix made from that day and the papers made from it print the price as a blank (D318, D319)."""
    path = target / "prices" / f"{REGULATED}.yaml"
    changes_catalogue(target)
    text = path.read_text("utf-8")
    amount = text.rsplit("amount: ", 1)[1].split("\n", 1)[0]  # COMPANION_CHANGE's figure, the file's last
    _append(path, f"  - effective_from: {PRICE_WITHDRAWN.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                  '    source: "Testa dati: tā pati cena atkal jāprecizē"\n    status: jāprecizē\n')
    return load_or_raise(target)


def price_reconfirmed_catalogue(target: Path, reconfirmed: dt.date) -> Catalogue:
    """price_withdrawn_catalogue with 2.1's price „apstiprināts” again at the withdrawn amount on ``reconfirmed``: a
    matrix of a day between PRICE_WITHDRAWN and it lies in the withdrawal's gap (D342)."""
    price_withdrawn_catalogue(target)
    path = target / "prices" / f"{REGULATED}.yaml"
    amount = path.read_text("utf-8").rsplit("amount: ", 1)[1].split("\n", 1)[0]  # the withdrawn figure itself
    _append(path, f"  - effective_from: {reconfirmed.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                  f'    source: "{LM_DOCUMENT}"\n    status: apstiprināts\n')
    return load_or_raise(target)


def changed_base_value(programme: str) -> str:
    """The catalogue's B before the test's changes, as written (its last value in programme.yaml), which must still
    be „jāprecizē” for the confirmation to be one."""
    block = programme[programme.index("base_amount:"):programme.index("rate_full:")]
    assert block.rstrip().endswith("status: jāprecizē"), block
    return block[block.rindex("value: ") + len("value: "):].split("\n", 1)[0].strip()


def plan_change_cases(changed: Catalogue) -> list[tuple[str, WorkbookInputs]]:
    """Plans on the round's matrix (MATRIX_DAY), each with an individual session (3.1.2i, no change) and: nothing
    else, across every change but B's and across B's confirmation (accepted); 2.1 (refused at its change); a group session and 2.1 (refused at
    the group ceiling's, the earlier); transport (refused at the limit's); nothing else, across B's change after
    the others (refused: every plan uses B); nothing else, starting on B's change (refused: another matrix)."""
    offers = {o.id: o for o in changed.offers(MATRIX_DAY)}

    def plan(start: dt.date, months: int, *items: str) -> WorkbookInputs:
        lines = tuple(line_from_offer(offers[item], months, unit_price=offers[item].prefill_price or Decimal("1.00"),
                                      expert_rank=1, parent_rank=i + 1, planned_units=[1] * months)
                      for i, item in enumerate(("3.1.2i", *items)))
        return WorkbookInputs(D(2015, 5, 17), start, months, False, "kustību", lines)

    return [("bez", plan(MATRIX_DAY, 5)), ("2.1", plan(MATRIX_DAY, 5, "2.1")),
            ("grupa", plan(MATRIX_DAY, 5, "2.1", "3.1.2g")), ("transports", plan(MATRIX_DAY, 5, "2.4")),
            ("B", plan(D(2027, 3, 1), 3)), ("pec-B", plan(BASE_CHANGE, 2))]
