"""The rules of a typed month cell that 29 (monthly cash flow) and 27 (settlement) share in a template made after
the round (the months are inputs, D37): a row with any input has its month – else its money reached some totals
and not others, a signed 27 settled the wrong balance (audit32a F2) –, and each month once, in ascending order, as
31's month headings (audit35 F3, audit32a F5, D172)."""

from __future__ import annotations

from generator.documents.reports import input_checks as checks
from generator.documents.reports.month_formulas import month_start

MONTH_FOR_INPUTS = "jābūt mēnesim, jo šīs rindas ailes ir aizpildītas"
REPEATED = "šis mēnesis jau ierakstīts augstākā rindā; katru mēnesi ieraksta vienu reizi"
ORDER = "mēnešiem jābūt augošā secībā – vēlākam mēnesim par augstāk ierakstītajiem"


def typed_month_rules(month: str, inputs: list[str], above: str | None) -> list[checks.Rule]:
    """The rules of month cell ``month`` (e.g. "A9") of a row whose other inputs are ``inputs``; ``above`` is the
    range of the month cells in the rows above it ("A$8:A8"), None for the first row."""
    filled = ",".join(f'{c}=""' for c in inputs)
    rules = [checks.Rule(month, f'IF({month}="",AND({filled}),TRUE)', MONTH_FOR_INPUTS)]
    if above is None:
        return rules
    earlier = f'COUNTIFS({above},">="&{month_start(month)},{above},"<"&{month_start(month, 1)})'
    return rules + [
        checks.Rule(month, f"IF(ISNUMBER({month}),{earlier}=0,TRUE)", REPEATED),
        checks.Rule(month, f"IF(AND(ISNUMBER({month}),COUNT({above})>0),"
                           f"OR({earlier}>0,{month}>={month_start(f'MAX({above})', 1)}),TRUE)", ORDER),
    ]
