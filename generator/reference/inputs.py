"""Input checks of the reference that the matrix also counts as invalid inputs (6.11 „Ievades šūnā ir nederīga
vērtība”, one per cell): money in whole cents (D87) and, once the plan has a service, the fields a signed annex
and a contract name (D88), and a municipality outside the children's programme rounds (D104). Text where a number belongs cannot reach the reference (its inputs are typed values),
so only these two are checked here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.reference.findings import Finding, Severity
from generator.reference.lines import PlanLine

CENT_EXPONENT = -2
CENTS_TEXT = "jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata"
REQUIRED_TEXT = "jābūt aizpildītam, jo plānā ir pakalpojumi"
LIST_TEXT = "jābūt vienai no saraksta vērtībām (burts burtā)"


@dataclass(frozen=True)
class Party:
    """One field a contract needs (D88): its attribute of ``Parties``, the matrix's defined name, where it is
    and its Latvian label in the dative (as the matrix's messages)."""

    attr: str
    name: str
    where: str
    label: str


# The one list of the fields the matrix requires once a plan line has a service, and that `ibm documents
# --from-matrix` needs before it writes a contract (generator/workbook/input_checks.py, documents/from_matrix).
REQUIRED_PARTIES: tuple[Party, ...] = (
    Party("municipality", "Pasvaldiba", "6.1 B5", "pašvaldības kodam"),
    Party("social_worker", "Socialais_Darbinieks", "6.1 B8", "sociālā darbinieka vārdam un uzvārdam"),
    Party("child_name", "Berns_VardsUzvards", "6.1 B13", "bērna vārdam un uzvārdam"),
    Party("child_code", "Berns_PersonasKods", "6.1 B14", "bērna personas kodam"),
    Party("parent_name", "Vecaks_VardsUzvards", "6.1 B27", "vecāka (likumiskā pārstāvja) vārdam un uzvārdam"),
)


@dataclass(frozen=True)
class Parties:
    """The free-text fields of 6.1 a contract needs, as typed (None or blank: empty)."""

    municipality: str | None = None
    social_worker: str | None = None
    child_name: str | None = None
    child_code: str | None = None
    parent_name: str | None = None


def has_services(lines: Iterable[PlanLine]) -> bool:
    """True once a plan line has a service chosen (the matrix: COUNTA(Plans_Pakalpojums)>0)."""
    return any(line.offer_id for line in lines)


def check_parties(parties: Parties, lines: Iterable[PlanLine],
                  municipalities: Sequence[str] | None = None) -> list[Finding]:
    """One ``required_field`` error per empty field of REQUIRED_PARTIES once the plan has a service (D88): a
    signed annex or contract must say whose plan it is, who signs it and which municipality pays. A municipality
    typed that is not, letter for letter, one of ``municipalities`` (the children's programme rounds' list, 6.1 B5's
    choice; None: not checked) is a ``municipality_not_listed`` error with or without services, as in the matrix:
    a municipality outside the rounds has no agreement with the ministry to sign a child's papers on (D104)."""
    found = []
    typed = parties.municipality
    if municipalities is not None and typed is not None and typed.strip() and typed not in municipalities:
        party = REQUIRED_PARTIES[0]
        found.append(Finding("municipality_not_listed", Severity.error,
                             f"{party.where}: {party.label} {LIST_TEXT}, ievadīts „{typed}” (IBM izmēģinājumprojektā "
                             f"bērniem piedalās tikai šīs pašvaldības: {', '.join(municipalities)})."))
    if not has_services(lines):
        return found
    return found + [Finding("required_field", Severity.error, f"{p.where}: {p.label} {REQUIRED_TEXT}.")
                    for p in REQUIRED_PARTIES if not (getattr(parties, p.attr) or "").strip()]


def _lv(value: Decimal | None) -> str:
    """The amount as typed, with the Latvian decimal comma (42,6712)."""
    return str(value).replace(".", ",")


def subcent(value: Decimal | None) -> bool:
    """True for an amount with more than two decimals (42,6712), which no invoice or contract can carry."""
    return value is not None and value != value.quantize(Decimal(1).scaleb(CENT_EXPONENT))


def check_cents(lines: Iterable[PlanLine], amounts: dict[str, Decimal | None]) -> list[Finding]:
    """One ``money_cents`` error per money input with more than two decimals (D87): each 6.8 price (one per item,
    whichever lines share it), each 6.10 payment, and ``amounts`` (B, F and the other sources, by label)."""
    found: list[Finding] = []
    prices: dict[str, Decimal] = {}
    for i, line in enumerate(lines):
        if line.offer_id and line.offer_id not in prices:
            prices[line.offer_id] = line.unit_price
            if subcent(line.unit_price):
                found.append(Finding("money_cents", Severity.error,
                                     f"{line.offer_id}: sniedzēja cenai (6.8. tabulā) {CENTS_TEXT}, ievadīts "
                                     f"{_lv(line.unit_price)} EUR.", (i,)))
        for m, paid in enumerate(line.paid, start=1):
            if subcent(paid):
                found.append(Finding("money_cents", Severity.error,
                                     f"{i + 1}. rinda: {m}. mēneša maksājumam (6.10. tabulā) {CENTS_TEXT}, ievadīts "
                                     f"{_lv(paid)} EUR.", (i,), month=m))
    for label, amount in amounts.items():
        if subcent(amount):
            found.append(Finding("money_cents", Severity.error,
                                 f"{label[0].upper()}{label[1:]} {CENTS_TEXT}, ievadīts {_lv(amount)} EUR."))
    return found
