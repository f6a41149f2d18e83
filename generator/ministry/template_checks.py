"""Which of the reference's checks an older matrix template did not yet compute (audit31 F1, F2, F8, F9).

A check added after a template was issued (D147 ``units_above_period``, D148 ``line_above_provisional``, D257
``base_differs``) counts in the reference at once, but the old file itself never showed it: its stored
Kludas/Bridinajumi and its 6.3/6.11 tables say nothing of it. Each such check has a helper range in the template (its
per-line flags, or its count on 6.11); a matrix that
lacks that defined name was made on a template without the check. A check that grew a new case keeps its name: an
older template's count formula lacks the name the new case reads (``NEW_CASES``), and for a matrix whose inputs are
that case the check is one its template did not compute. The Latvian texts here tell the user why a matrix that
showed 0 errors now has one.
"""

from __future__ import annotations

from generator.ministry.matrix import Matrix
from generator.ministry.rule_names import rule_name
from generator.ministry.xlsxread import col_index

# rule code -> the defined name of its per-line flags in the template (generator/workbook/sheets/calculation.py)
CHECK_FLAGS = {
    "units_above_period": "f_VienibuRobeza",  # D147
    "units_above_month": "f_MenVienibuRobeza",  # D147 per month: its per-cell flags on 6.6 (sheets/months.py)
    "line_above_provisional": "f_RindaVirsP",  # D148
    "base_differs": "h_BazeCita",  # D257: its count on 6.11 (technical.RULE_COUNT_NAMES)
    "no_provider_price": "h_CenaNulle",  # D364: its count on 6.11 (technical.RULE_COUNT_NAMES)
    "price_implausible": "h_CenaNeticama",  # D370: its count on 6.11 (technical.RULE_COUNT_NAMES)
}

# rule code -> (the name a newer template's count formula reads for a case an older one lacked, whether this matrix's
# inputs are that case): D257's count of session 32 (h_BazeCita present) warned only of a B of 0 or other than the
# template's catalogue B, not of that B itself while it is unconfirmed (review33 F4)
BASE_STATUS_NAME = "Param_BazesStatuss"


def _typed_catalogue_base(m: Matrix) -> bool:
    """The matrix's typed B is its template's own catalogue B (not 0): the case the older B count did not warn of."""
    if not (m.has("Bazes_Apmers") and m.has("Param_Bazes")):
        return False
    typed, catalogue = m.scalar("Bazes_Apmers"), m.scalar("Param_Bazes")
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (typed, catalogue))
    return numbers and typed != 0 and round(float(typed), 2) == round(float(catalogue), 2)


NEW_CASES = {"base_differs": (BASE_STATUS_NAME, _typed_catalogue_base)}

# Latvian labels of the interface names whose stored value a file may hold stale (audit31 F2, F9): the meaning
# (the table is in the place shown beside it).
VALUE_LABELS = {
    "Kludas": "Kļūdu skaits",
    "Bridinajumi": "Brīdinājumu skaits",
    "IB_Provizoriskais": "IB provizoriskais apmērs (P)",
    "IB_Nepieciesamais": "IB nepieciešamais apmērs (N)",
    "IB_Pieejamais": "Plānam pieejamais IB apmērs (A)",
    "IB_Kopejais": "Kopējais apmērs (K)",
    "Plans_NoIB": "Rindas finansējums no IB",
    "Plans_Cena": "Rindas cena",
    "Plans_Summa": "Rindas summa",
    "Men_Summa": "Plānotie euro mēnesī",
    "Fakt_Kopa": "Periodā kopā samaksāts",
    "Vecums": "Bērna vecums",
    "Parbaudes_Datums": "Pārbaudes datums",
    "Provizoriska_Likme": "Provizoriskā likme",
    "h_NederigasRindas": "Plāna rindu skaits ar nederīgu daudzumu vai cenu",  # D366
}
# names whose stored value a new check changes: the counts of errors and warnings
COUNT_NAMES = frozenset({"Kludas", "Bridinajumi"})


def value_label(name: str) -> str:
    """The Latvian label of an interface name (the name itself when none is known, never dropped)."""
    return VALUE_LABELS.get(name, name)


def shown_place(cell: str) -> str:
    """A stored cell as „Noteikumu kļūdas” names a place: "6.11!C44" -> "6.11. tabula, šūna C44"."""
    sheet, bang, address = cell.partition("!")
    return f"{sheet}. tabula, šūna {address}" if bang else cell


def unchecked_codes(m: Matrix) -> frozenset[str]:
    """The rule codes the matrix's own template did not compute for it: its flags' defined name is absent, or its
    count's formula lacks a newer case (NEW_CASES) the matrix's inputs are."""
    return frozenset(code for code, flags in CHECK_FLAGS.items() if not m.has(flags) or _lacks_case(m, code, flags))


def _lacks_case(m: Matrix, code: str, flags: str) -> bool:
    if code not in NEW_CASES:
        return False
    name, applies = NEW_CASES[code]
    formula = m.formula_at(flags)
    return formula is not None and name not in formula and applies(m)


def unchecked_names(codes: frozenset[str] | set[str]) -> str:
    """The Latvian names of the checks, in a fixed order, joined for a sentence."""
    return ", ".join(f"„{rule_name(c)}”" for c in CHECK_FLAGS if c in codes)


def unchecked_reason(codes: frozenset[str] | set[str]) -> str:
    """Why an old file's stored counts differ: its template did not yet have these checks."""
    many = len(codes) > 1
    return (f"šīs matricas veidnes laikā {'pārbaužu' if many else 'pārbaudes'} {unchecked_names(codes)} vēl nebija, "
            "tāpēc failā saglabātajos skaitos tās nav ieskaitītas")


# after the reference's message (a sentence of its own) on an error of a check the matrix's template lacked (F8)
MIGRATE_HINT = ("Šo pārbaudi jūsu matricas veidne vēl neveica – pārnesiet matricu ar „ibm migrate”, tad kļūda būs "
                "redzama arī matricā (6.3. un 6.11. tabulā).")
# the check whose error a migrated matrix shows elsewhere than on 6.3 (its MIGRATE_HINT names those tables)
HINT_TABLES = {"units_above_month": "6.6. un 6.11. tabulā"}


def migrate_hint(code: str) -> str:
    """MIGRATE_HINT for the error of ``code``, naming the tables where the migrated matrix shows it."""
    tables = HINT_TABLES.get(code)
    return MIGRATE_HINT.replace("6.3. un 6.11. tabulā", tables) if tables else MIGRATE_HINT


# rule code -> the kind its 6.11 row had in templates before the reference counted it as an error (D371: transport
# above its share of A without a reason, a warning in revisions up to .19): such a file's stored counts hold it among
# the warnings, and its Kludas/Bridinajumi are compared so (stale_values), not said to be stale
EARLIER_KIND = {"transport_share": "brīdinājums"}
CHECKS_SHEET, CHECKS_CODE, CHECKS_KIND = "6.11", "S", "D"  # 6.11's hidden code column and „Veids” (documents' places)


def counted_as_warnings(m: Matrix) -> frozenset[str]:
    """The rule codes of EARLIER_KIND whose 6.11 row in this file still says the earlier kind (an older template)."""
    cells = m.book.cells.get(CHECKS_SHEET, {})
    code_col, kind_col = col_index(CHECKS_CODE), col_index(CHECKS_KIND)
    found = set()
    for (row, col), value in cells.items():
        if col == code_col and value.value in EARLIER_KIND:
            kind = cells.get((row, kind_col))
            if kind is not None and kind.value == EARLIER_KIND[value.value]:
                found.add(value.value)
    return frozenset(found)
