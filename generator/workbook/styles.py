"""Cell formats of the workbook: inputs are yellow and unlocked, computed cells grey and locked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

# Calibri, the font Excel counts column widths in (D34: one font for every workbook); LibreOffice prints it with
# the metric-compatible Carlito. DejaVu Sans, used before, is missing on Windows, where Excel would substitute it.
FONT = "Calibri"
INPUT_FILL = "#FFF2CC"
OUTPUT_FILL = "#F2F2F2"
HEADER_FILL = "#D9E1F2"
ERROR_FILL = "#F8CBAD"
WARNING_FILL = "#FFE699"
INACTIVE_FILL = "#D9D9D9"
BORDER = "#A6A6A6"

# A number format's decimal and group separators follow the viewer's locale; the Latvian language tag makes
# LibreOffice print "1 234,50" and "15,0 %" in any locale (an English one printed "15.00%"). Excel keeps the
# system's separators (a Latvian Windows prints the comma); the cell still holds a number.
LATVIAN = "[$-426]"
DATE = "dd.mm.yyyy"
MONEY = f"{LATVIAN}#,##0.00"
# A negative amount with a true minus sign "−58,93", as Latvian typesetting writes it (the report workbooks, the
# collection summary): one sign style, not U+2212 in one workbook and a hyphen in another (audit21 F10, audit35 F10).
MINUS = "\u2212"
MONEY_MINUS = f'{MONEY};"{MINUS}"#,##0.00'
PRICE = f"{LATVIAN}#,##0.00##"
UNITS = f"{LATVIAN}#,##0.##"
# A whole number of units as Excel must print it: with UNITS Excel prints "28," (the separator stays after a whole
# number; LibreOffice drops it). Every UNITS cell takes this format by a conditional rule while it holds a whole number
# (writer.whole_units; matrixprint F2).
UNITS_WHOLE = f"{LATVIAN}#,##0"
# A space before "%", as Latvian writes it and the workbook's texts do ("50,6 %", "15 %"; audit9 F9).
PERCENT_SIGN = '" "%'
SHARE = f"{LATVIAN}0.0{PERCENT_SIGN}"
RATE = f"{LATVIAN}0{PERCENT_SIGN}"
WHOLE = "0"
TEXT = "@"
MONTH_NUMBER = '0". mēn."'
# a month input holding a date (or a day's serial) prints the word the sheets print for an amount resting on an invalid
# input (calculation.INVALID_UNITS), not „###” or the serial (D304)
INVALID_NUMBER = '"nederīgs";"nederīgs";"nederīgs"'
BLANK_FIGURE = '"______";"______";"______";"______"'  # any number or text prints as a blank to fill (D22)
MARKED_PRICE = f'{PRICE}"*"'  # a price still "jāprecizē" on the working sheets: "5,11*" (sheets/price_marks.py)
MARKED_MONEY = f'{MONEY}"*"'  # an amount such a price can still change: "102,20*" (6.7, D298)
MONTH_YEAR = "mm.yyyy"  # a period month under its number: "09.2019" fits the narrow month columns


@dataclass
class Styles:
    """Every format a sheet writes with; ``input_*`` are unlocked, everything else is locked."""

    title: Format
    title_wrap: Format
    subtitle: Format
    note: Format
    section: Format
    label: Format
    label_bold: Format
    label_centred: Format
    label_small: Format
    signer: Format
    signed_rows_small: Format  # 6.5's line of what the signatures approve, beside them (D272)
    page_count: Format  # a signed annex's page count in its header rows (D295)
    continued: Format  # the continuation mark (and 6.3's, 6.6's legend) in a page-filling spacer row (D295)
    header: Format
    header_wrap: Format
    input_text: Format
    input_wrap: Format
    input_small: Format
    input_date: Format
    input_money: Format
    input_price: Format
    input_units: Format
    input_whole: Format
    input_choice: Format
    out_text: Format
    out_text_wrap: Format
    out_text_small: Format
    out_date: Format
    out_money: Format
    out_price: Format
    out_units: Format
    out_whole: Format
    out_share: Format
    out_rate: Format
    out_money_bold: Format
    out_money_right: Format
    out_share_right: Format
    message: Format
    message_small: Format
    listed_mark: Format
    beside: Format
    helper: Format
    helper_text: Format
    signature: Format
    error_mark: Format
    invalid_number_mark: Format
    warning_mark: Format
    inactive_mark: Format
    month_number: Format
    units_whole: Format
    units_money: Format
    month_year: Format
    alert: Format
    alert_wrap: Format
    alert_mark: Format
    not_signable_mark: Format
    blank_mark: Format
    blank_figure: Format
    marked_price: Format
    marked_money: Format


def make_styles(wb: Workbook) -> Styles:
    base: dict[str, Any] = {"font_name": FONT, "font_size": 9, "valign": "top"}

    def fmt(**props: Any) -> Format:
        return wb.add_format({**base, **props})

    cell = {"border": 1, "border_color": BORDER}
    inp = {**cell, "bg_color": INPUT_FILL, "locked": False}
    out = {**cell, "bg_color": OUTPUT_FILL, "locked": True}
    return Styles(
        title=fmt(bold=True, font_size=12, valign="vcenter", shrink=True),  # never below 8 pt: see header_block
        title_wrap=fmt(bold=True, font_size=11, text_wrap=True),  # the signed annexes' title in the label columns
        subtitle=fmt(italic=True, font_size=8, text_wrap=True),
        note=fmt(italic=True, font_size=8, font_color="#595959", text_wrap=True),
        section=fmt(bold=True, font_size=10, bottom=1),
        label=fmt(text_wrap=True),
        label_bold=fmt(bold=True, text_wrap=True),
        # a label right under a section title's rule, centred in a row taller than its text: room under the
        # rule (6.11's status line, matrixprint F7)
        label_centred=fmt(text_wrap=True, valign="vcenter"),
        label_small=fmt(text_wrap=True, font_size=8),  # 6.11's check descriptions
        # a signer's name under the signature line of a signed annex: one line of 8 pt in the label columns (D170)
        signer=fmt(text_wrap=True, font_size=8),
        signed_rows_small=fmt(font_size=8),
        page_count=fmt(bold=True, text_wrap=True, align="right"),
        continued=fmt(bold=True, font_size=8, text_wrap=True),
        header=fmt(**cell, bold=True, bg_color=HEADER_FILL, text_wrap=True, valign="vcenter", align="center"),
        header_wrap=fmt(**cell, bold=True, bg_color=HEADER_FILL, text_wrap=True, valign="vcenter", align="left"),
        input_text=fmt(**inp, num_format=TEXT),
        input_wrap=fmt(**inp, num_format=TEXT, text_wrap=True),
        input_small=fmt(**inp, num_format=TEXT, text_wrap=True, font_size=8),  # 6.8's provider, as 6.5 prints it
        input_date=fmt(**inp, num_format=DATE, align="left"),
        input_money=fmt(**inp, num_format=MONEY),
        input_price=fmt(**inp, num_format=PRICE),
        input_units=fmt(**inp, num_format=UNITS),
        input_whole=fmt(**inp, num_format=WHOLE, align="center"),
        input_choice=fmt(**inp, num_format=TEXT),
        out_text=fmt(**out),
        out_text_wrap=fmt(**out, text_wrap=True),
        out_text_small=fmt(**out, text_wrap=True, font_size=8),  # a provider's name on 6.5 and 6.9 (D166)
        out_date=fmt(**out, num_format=DATE, align="left"),
        out_money=fmt(**out, num_format=MONEY),
        out_price=fmt(**out, num_format=PRICE),
        out_units=fmt(**out, num_format=UNITS),
        out_whole=fmt(**out, num_format=WHOLE, align="center"),
        out_share=fmt(**out, num_format=SHARE),
        out_rate=fmt(**out, num_format=RATE, align="left"),
        out_money_bold=fmt(**out, num_format=MONEY, bold=True),
        # 6.5's totals: right-aligned also while they print "______" (a text in a new template, matrixprint F6)
        out_money_right=fmt(**out, num_format=MONEY, align="right"),
        out_share_right=fmt(**out, num_format=SHARE, align="right"),
        message=fmt(**out, text_wrap=True, font_color="#9C0006"),
        # 6.11's list of errors: no border or fill of its own, listed_mark gives them to a row holding an entry, so
        # that the list's empty rows (printed, D198) print empty (matrixprint F5)
        message_small=fmt(text_wrap=True, font_color="#9C0006", font_size=8),
        beside=fmt(italic=True, font_size=8, font_color="#595959"),
        helper=fmt(font_color="#7F7F7F", font_size=8, num_format=";;;"),  # hidden columns only: never "###" in print
        helper_text=fmt(font_color="#7F7F7F", font_size=8, num_format=TEXT),
        signature=fmt(top=1, font_size=8, align="center"),
        error_mark=wb.add_format({"bg_color": ERROR_FILL, "font_color": "#9C0006"}),
        invalid_number_mark=wb.add_format({"bg_color": ERROR_FILL, "font_color": "#9C0006", "num_format": INVALID_NUMBER}),
        # conditional: a row of 6.11's list that names an error, bordered and filled as the other computed cells
        listed_mark=wb.add_format({**cell, "bg_color": ERROR_FILL, "font_color": "#9C0006"}),
        warning_mark=wb.add_format({"bg_color": WARNING_FILL}),
        inactive_mark=wb.add_format({"bg_color": INACTIVE_FILL, "font_color": "#7F7F7F"}),
        month_number=fmt(**cell, bold=True, bg_color=HEADER_FILL, align="center", num_format=MONTH_NUMBER),
        # 8 pt regular: "09.2019" fits 6.10's month columns (7 digits wide) at Excel's widths, never "###"
        month_year=fmt(**cell, font_size=8, bg_color=HEADER_FILL, text_wrap=True, valign="vcenter", align="center",
                       num_format=MONTH_YEAR),
        alert=fmt(bold=True, font_color="#9C0006", text_wrap=True),
        alert_wrap=fmt(bold=True, font_size=8, font_color="#9C0006", text_wrap=True),
        alert_mark=wb.add_format({"font_color": "#9C0006"}),  # conditional: a heading cell turned warning
        # conditional: a signed annex's subtitle or statement turned "NAV PARAKSTĀMS" while the workbook has errors
        not_signable_mark=wb.add_format({"font_color": "#9C0006", "bold": True, "italic": False}),
        blank_mark=wb.add_format({"font_color": OUTPUT_FILL}),
        # conditional: a signed annex's figure that rests on an unconfirmed value prints "______", its value stays
        blank_figure=wb.add_format({"num_format": BLANK_FIGURE}),
        # conditional: a UNITS cell holding a whole number prints without a decimal separator ("28", not Excel's "28,")
        units_whole=wb.add_format({"num_format": UNITS_WHOLE}),
        # conditional: a signed annex's quantity of a line in euro (at actual cost) prints as money, "58,50"
        units_money=wb.add_format({"num_format": MONEY}),
        # conditional: a working sheet's price that is the catalogue's unconfirmed one prints "5,11*"
        marked_price=wb.add_format({"num_format": MARKED_PRICE}),
        # conditional: an amount an unconfirmed price can still change prints "102,20*" (6.7)
        marked_money=wb.add_format({"num_format": MARKED_MONEY}),
    )
