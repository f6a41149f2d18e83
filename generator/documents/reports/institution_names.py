"""The municipality's and its social service's names on every report form: two yellow inputs per workbook (the
register workbook's on sheet 26, the others' above the first sheet's table: 27, 31, 17, 24, and 35–38 on its
summary), prefilled only with names the catalogue confirms for the build day (D43, party_names.as_reported), and
each form's intro line a formula over them that shows the labelled blank ("Pašvaldība ______") while an input is
empty. A page header cannot read a cell, so it names the municipality only when the catalogue confirms the name;
otherwise it carries no name: the intro line does, and it repeats at the top of every page (print_setup; D57, D64,
D173)."""

from __future__ import annotations

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.models import Municipality
from generator.documents.party_names import REPORT_BLANKS
from generator.documents.reports import input_checks as checks

MUNICIPALITY, SERVICE = "Iestade_Pasvaldiba", "Iestade_Dienests"
# (defined name, the municipality's field, the input's label on sheet 26)
INPUTS = ((MUNICIPALITY, "name_lv", "municipality", "Pašvaldības nosaukums"),
          (SERVICE, "social_service", "social_service", "Sociālā dienesta nosaukums"))
SHORT_LABELS = {MUNICIPALITY: "Pašvaldība", SERVICE: "Sociālais dienests"}
INPUTS_TITLE = "Nosaukumi, ko rāda pārskati 26, 28, 29 un 30 (kamēr šūna ir tukša, pārskatos ir „______”)"
# room in an intro line's height for names typed longer than the blanks
TYPED_NAMES = 70


def prefilled(municipality: Municipality) -> dict[str, str]:
    """The inputs' starting values by defined name: the confirmed names, "" for a name still to fill."""
    values = {}
    for name, field, kind, _ in INPUTS:
        value = getattr(municipality, field)
        values[name] = "" if value == REPORT_BLANKS[kind] else value
    return values


def header_name(municipality: Municipality) -> str:
    """What the page header says: the confirmed municipality name, or nothing."""
    return prefilled(municipality)[MUNICIPALITY]


def names_expression() -> str:
    """Formula text: "<municipality> – <social service>", each its labelled blank while the input is empty."""
    parts = [f'IF({name}="",{checks.text_literal(REPORT_BLANKS[kind])},{name})' for name, _, kind, _ in INPUTS]
    return f'{parts[0]}&" – "&{parts[1]}'


def names_text(municipality: Municipality) -> str:
    """The value the formula shows for the inputs as written."""
    return f"{municipality.name_lv} – {municipality.social_service}"


def write_inputs_in_row(wb: Workbook, ws: Worksheet, row: int, spans: tuple[tuple[int, int, int, int], ...],
                        municipality: Municipality, label: Format, field: Format) -> None:
    """Both inputs side by side in ``row`` of a one-sheet form (27): per input (label's first and last column,
    field's first and last column), the label short ("Pašvaldība", "Sociālais dienests")."""
    typed = prefilled(municipality)
    for (name, *_), (label_first, label_last, first, last) in zip(INPUTS, spans, strict=True):
        short = SHORT_LABELS[name]
        if label_last > label_first:
            ws.merge_range(row, label_first, row, label_last, short, label)
        else:
            ws.write(row, label_first, short, label)
        ws.merge_range(row, first, row, last, typed[name], field)
        wb.define_name(name, f"='{ws.name}'!${xl_col_to_name(first)}${row + 1}")


def write_inputs_in_rows(wb: Workbook, ws: Worksheet, first_row: int, label_cols: tuple[int, int],
                         field_cols: tuple[int, int], municipality: Municipality, label: Format, field: Format,
                         height: float) -> int:
    """Both inputs one under the other from ``first_row`` (31, 17, 24, 35–38): the short label across
    ``label_cols`` (first, last column), the field across ``field_cols``, each row ``height`` pt; return the
    last row."""
    typed = prefilled(municipality)
    for i, (name, *_) in enumerate(INPUTS):
        row = first_row + i
        if label_cols[1] > label_cols[0]:
            ws.merge_range(row, label_cols[0], row, label_cols[1], SHORT_LABELS[name], label)
        else:
            ws.write(row, label_cols[0], SHORT_LABELS[name], label)
        if field_cols[1] > field_cols[0]:
            ws.merge_range(row, field_cols[0], row, field_cols[1], typed[name], field)
        else:
            ws.write(row, field_cols[0], typed[name], field)
        ws.set_row(row, height)
        wb.define_name(name, f"='{ws.name}'!${xl_col_to_name(field_cols[0])}${row + 1}")
    return first_row + len(INPUTS) - 1
