"""F7 (issue 11): a price that is still the catalogue's "jāprecizē" value, or missing, is marked on the working
sheets that show it (6.4, 6.7, 6.10): the price prints with "*" (a conditional number format: the cell keeps its
number) and a line under the table says what the mark means. The signed 6.5 and 6.9 print such a price as a
blank instead (D22)."""

from __future__ import annotations

from generator.workbook.sheetio import Sheet
from generator.workbook.texts import CELL, MORE_CELLS, PRICE_MARK_BOTH, PRICE_MARK_NO_PRICE, PRICE_MARK_NOTE

PRICES_OPEN = "SUM(h_CenaNeapst)>0"
# D364: of them, the lines priced 0,00 – no provider's price (h_CenaNeapst with no price: 6.11's count's words)
NO_PRICES = "COUNTIFS(h_CenaNeapst,1,h_Cena,0)"  # some plan line keeps a "jāprecizē" catalogue price (or has none)
NOTE_HEIGHT = 22  # two lines of 8 pt
# D367: the 6.8 positions (h_Rinda) of the first and the last line priced 0,00 (NO_PRICES > 0)
_NO_PRICE_LINE = "(h_CenaNeapst=1)*(h_Cena=0)"
FIRST_NO_PRICE = f"(100000-SUMPRODUCT(MAX({_NO_PRICE_LINE}*(100000-h_Rinda))))"
LAST_NO_PRICE = f"SUMPRODUCT(MAX({_NO_PRICE_LINE}*h_Rinda))"
# its price cell on 6.8 („I28”), with MORE_CELLS while another 6.8 row has no price either
NO_PRICE_CELL = (f"ADDRESS(ROW(INDEX(Pak_Cena,{FIRST_NO_PRICE})),COLUMN(Pak_Cena),4)"
                 f'&IF({LAST_NO_PRICE}>{FIRST_NO_PRICE},"{MORE_CELLS}","")')


def mark_prices(sh: Sheet, cells: str, criteria: str) -> None:
    """Conditional format: the prices in ``cells`` print with "*" where ``criteria`` (relative to the first cell,
    true for a line whose h_CenaNeapst is 1) holds."""
    sh.ws.conditional_format(cells, {"type": "formula", "criteria": f"={criteria}",
                                     "format": sh.st.marked_price})


def mark_amounts(sh: Sheet, cells: str, criteria: str) -> None:
    """Conditional format: the amounts in ``cells`` print with "*" ("102,20*") where ``criteria`` (relative to the
    first cell) holds: an amount an unconfirmed price can still change (D294, D298)."""
    sh.ws.conditional_format(cells, {"type": "formula", "criteria": f"={criteria}",
                                     "format": sh.st.marked_money})


def with_cell(text: str) -> str:
    """Formula: ``text`` with its CELL the 6.8 price cell of the first line priced 0,00 (NO_PRICE_CELL)."""
    before, after = text.split(CELL)
    return f'"{before}"&{NO_PRICE_CELL}&"{after}"'


def price_note(sh: Sheet, cells: str, height: float | None = NOTE_HEIGHT, text: str = PRICE_MARK_NOTE,
               no_price: str = PRICE_MARK_NO_PRICE, both: str = PRICE_MARK_BOTH) -> None:
    """PRICE_MARK_NOTE (or ``text``) in the merged ``cells`` (their first row ``height`` pt; None: the rows keep
    their heights) while some line's price is unconfirmed; empty otherwise. D367: while the marked lines are priced
    0,00 (no provider's price, D364), ``no_price`` naming the first one's 6.8 cell; while some are and some keep an
    LM price, ``both``."""
    first = cells.split(":", 1)[0]
    row = int("".join(ch for ch in first if ch.isdigit()))
    sh.ws.merge_range(cells, "", sh.st.alert_wrap)
    note = (f'IF({PRICES_OPEN},IF({NO_PRICES}=0,"{text}",IF({NO_PRICES}=SUM(h_CenaNeapst),{with_cell(no_price)},'
            f'{with_cell(both)})),"")')
    sh.formula(first, note, sh.st.alert_wrap, "")
    sh.watch(first, note, "piezīme par neapstiprinātām cenām")  # checked on 6.11 (D153)
    if height is not None:
        sh.row_height(row, height)
