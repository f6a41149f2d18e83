"""What the console and parskats.txt say about the child's providers: which provider each number in the 02/03 file
names is (D126), and why a provider or a line gets no provider contract (02) or guarantee letter (03).

parskats.txt, inside the child's folder, names each provider as typed in the matrix (lvformat.latvian_quotes, D79); the
console names a provider only by its number and its services (a provider may be a person, D126), except the case's
own social service or municipality (D50), which is an institution.
"""

from __future__ import annotations

from generator import lvformat
from generator.documents.from_matrix.own_service import MUNICIPALITY, SOCIAL_SERVICE
from generator.documents.from_matrix.signing import (
    GUARANTEE,
    PROVIDER_CONTRACT,
    awaited_inputs,
    provider_name,
    void_cells,
)
from generator.documents.from_matrix.specs import parent_forms

OWN = {SOCIAL_SERVICE: "sniedz pats Dienests", MUNICIPALITY: "sniedz pati Pašvaldība, kuras iestāde ir Dienests"}
NAMES_IN_REPORT = "sniedzēju nosaukumi – parskats.txt"


def _services(provider) -> str:  # noqa: ANN001 - a from_matrix.context.Provider
    return "; ".join(line.label for line in provider.lines)


def no_provider_papers(child, *, console: bool = False) -> list[str]:  # noqa: ANN001 - a ChildContext
    """Why some providers or plan lines get no provider contract (02) or guarantee letter (03): for the console
    (``console``: providers by number and services only) and the folder's parskats.txt."""
    unfunded = [] if child.not_eligible else [p for p in child.providers if not p.funded]
    lines = []
    if unfunded:
        n = len(unfunded)
        who = "; ".join(f"Nr. {p.number} ({_services(p)})" if console else f"{provider_name(p)} – {_services(p)}"
                        for p in unfunded)
        lines.append(f"{n} {lvformat.agree(n, 'sniedzējam', 'sniedzējiem')} no individuālā budžeta nekas netiek "
                     f"apmaksāts – līgums un garantijas vēstule {lvformat.agree(n, 'tam', 'tiem')} nav izveidoti: "
                     f"{who}" + (f"; {NAMES_IN_REPORT}" if console else ""))
    repaid = repaid_to_parent(child)
    return lines + ([repaid] if repaid else []) + own_provider(child)


def own_provider(child) -> list[str]:  # noqa: ANN001 - a from_matrix.context.ChildContext
    """Why a provider that is the case's own social service or municipality gets no provider contract or guarantee
    letter (D50): one line per such provider, naming its lines and the name typed in the matrix (6.8)."""
    if child.not_eligible:
        return []
    return [f"{', '.join(line.label for line in p.lines)} – {OWN[p.own]} ({lvformat.latvian_quotes(p.name)}): līgumu ar "
            "sniedzēju un garantijas vēstuli iestāde nevar slēgt pati ar sevi, tāpēc tie nav izveidoti"
            for p in child.providers if p.own and p.funded]


def repaid_to_parent(child) -> str:  # noqa: ANN001 - a from_matrix.context.ChildContext
    """Why the lines repaid to the parent (D29) get no provider contract or guarantee letter; "" if none."""
    labels = [] if child.not_eligible else [line.label for line in child.lines if line.to_parent]
    if not labels:
        return ""
    forms = parent_forms(child)
    given = (f"; Vecākam izsniedz veidlapas šajā mapē: {', '.join(forms)} (iesniedz reizi mēnesī ar čekiem)"
             if forms else "")
    return (f"{', '.join(labels)} – izdevumus atmaksā Vecākam pēc līguma ar Vecāku (5. nodaļa „Norēķinu "
            f"kārtība”), tāpēc līgums ar sniedzēju un garantijas vēstule par šiem pakalpojumiem nav izveidoti{given}")


UNPAID = f"no IB nemaksā – {lvformat.eur(0)}"


def _unpaid(line) -> str:  # noqa: ANN001 - a from_matrix.context.Line
    """A line of a provider that gets papers, marked when the IB pays nothing for it: the 02/03 tables leave it
    out, and the lawyer should not look for it there (audit28 F8)."""
    return line.label if line.funded else f"{line.label} ({UNPAID})"


def provider_list(child, names: list[str]) -> list[str]:  # noqa: ANN001 - a from_matrix.context.ChildContext
    """parskats.txt's list of the plan's providers by number (the number in the 02/03 file names, D126), each with
    its services and its papers among ``names`` (the files made), or why it has none."""
    if child.not_eligible or not child.providers:
        return []
    lines = ["", "Sniedzēji (numurs ir līgumu ar sniedzējiem un garantijas vēstuļu failu nosaukumos):"]
    for p in child.providers:
        papers = [f"{doc}-{p.file_part}" for doc in (PROVIDER_CONTRACT, GUARANTEE)
                  if any(n.startswith(f"{doc}-{p.file_part}.") for n in names)]
        if papers:
            what = "dokumenti: " + ", ".join(papers)
        elif p.own:
            what = f"{OWN[p.own]}: līgums un garantijas vēstule nav izveidoti"
        elif not p.funded:
            what = "no IB nemaksā neko: līgums un garantijas vēstule nav izveidoti"
        elif child.ib_on_base:
            what = "līgums un garantijas vēstule nav izveidoti, kamēr bāzes apmērs B nav apstiprināts"
        elif p.pending:  # its IB share rests on an unconfirmed price (D294) or on no price typed (D313, D355)
            what = f"līgums un garantijas vēstule nav izveidoti, kamēr {awaited_price(child, p)}"
        else:
            what = "līgums un garantijas vēstule nav izveidoti"
        services = _services(p) if not papers else "; ".join(_unpaid(line) for line in p.lines)
        lines.append(f"  {provider_name(p)} – pakalpojumi: {services}; {what}")
    return lines


UNCONFIRMED_PRICE = "nav apstiprināta cena"
UNCONFIRMED_PRICES = "nav apstiprinātas cenas"
UNTYPED_PRICE = "matricas 6.8. tabulā nav ierakstīta sniedzēja cena"
UNTYPED_PRICES = "matricas 6.8. tabulā nav ierakstītas sniedzēju cenas"


def awaited_price(child, provider) -> str:  # noqa: ANN001 - from_matrix.context.ChildContext, Provider
    """What a provider's IB share waits for, as „kamēr …” ends: its own lines' open prices, else the open prices of the
    plan's lines ahead of its first line in priority order (D294: only those decide how much of P is left for it) – a
    catalogue price the ministry confirms (D294), a provider's price not typed in 6.8 (D313), or both; in the plural
    when several lines wait. A void line of its own (its units or price an invalid input, D332) waits for that cell to
    be corrected in the matrix, named as the papers name it (D374); a provider may wait for both, and then both are
    said (D379) – signing.awaited_inputs decides it, as for VISPIRMS."""
    void, price = awaited_inputs(provider)
    cells = void_cells(void)
    voids = len(cells or void)
    where = f" ({'; '.join(cells)})" if cells else ""
    words = ([f"matricā nav izlabota nederīgā ievade{where}" if voids == 1
              else f"matricā nav izlabotas nederīgās ievades{where}"] if void else [])
    unconfirmed: list = []
    untyped: list = []
    if price or not void:
        ordered = list(getattr(child, "by_priority", child.lines))
        first = min((i for i, line in enumerate(ordered) if any(line is own for own in provider.lines)),
                    default=len(ordered))
        lines = ([line for line in provider.lines if not line.confirmed]
                 or [line for line in ordered[:first] if not line.confirmed]
                 or [line for line in ordered if not line.confirmed])
        unconfirmed = [line for line in lines if line.priced]
        untyped = [line for line in lines if not line.priced]
        words += ([UNCONFIRMED_PRICE if len(unconfirmed) == 1 else UNCONFIRMED_PRICES] if unconfirmed else []) + (
            [UNTYPED_PRICE if len(untyped) == 1 else UNTYPED_PRICES] if untyped else [])
    several = voids + len(unconfirmed) + len(untyped) > 1
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} un {words[-1]}"
    return f"{listed}, no {'kurām' if several else 'kuras'} atkarīga tā daļa no IB"
