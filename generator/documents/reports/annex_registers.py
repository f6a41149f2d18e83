"""Two registers a municipality keeps as workbooks: the questionnaire register (24.pielikums, the
"electronic journal" of every filled questionnaire, L2112) and the list of possible service providers with
the qualification requirements (17.pielikums, L1829). Both are reconstructions: the methodology gives
their purpose only. Services, requirements and questionnaire names come from the catalogue. Both print only the
rows in use (row_groups.py, D33): the register its first rows, the list its support areas' headings.

Both are wider than a page: the pages across repeat the label columns A:B and the heading row. Above the table
only the form's number ("24. pielikums.", right-aligned) stands in A:B; the rest of the title, the notes and the
names' inputs (institution_names, D64) start in column C, so that no text runs on into the repeated columns and
prints cut on the pages across (D64)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.dated_wording import in_force_wording
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import printing, row_groups
from generator.documents.reports import register as reg
from generator.documents.reports.parameters import guarded
from generator.documents.reports.printing import FIELD_HEIGHT, SPACER, print_setup, unprinted_note
from generator.documents.reports.report_cells import (
    DATE_VALIDATION,
    note_height,
    open_report_workbook,
    wrapped_height,
    write_errors_line,
    write_intro,
    write_names_across,
    write_wide_note,
)

QUESTIONNAIRE_REGISTER_ID = "aptauju-registrs"
PROVIDER_LIST_ID = "sniedzeju-saraksts"
REGISTER_ROWS = 300
NAMES_ROW = 3  # the names' inputs, one under the other (institution_names)
HINT_ROW = 5  # the warning that a filled row is hidden; how to open more rows is its comment (D215)
FIRST = 7  # first table row (0-based); the heading row above it
TEXT_COL = 2  # the first column that does not repeat on the pages across
# Annexes whose filled questionnaires the register records (quality of life at start and end, ESF at the end).
REGISTERED_ANNEXES = ("20", "21", "23", "25")
# The count of register 24's rows with a wrong input and the first message (Kopsavilkums, hidden; D267).
QR_ERRORS, QR_FIRST_ERROR = "AR_Kludas", "AR_PirmaKluda"
QR_OTHERS = f"Pārējās – reģistra lapas ailē „{checks.HEADER}” pa labi no tabulas (ekrānā)."
CHILD_CODE = "jābūt bērna identifikācijas kodam – šajā rindā ir anketas ieraksts"
FILLED_DATE = f"jābūt aizpildīšanas datumam (DD.MM.GGGG), ne agrākam par {checks.FIRST_DAY:%d.%m.%Y}, vai tukšai šūnai"
ESF_ANNEX = "25"  # the ESF participant's questionnaire (registry: procedure esf_questionnaire)
# Where the scans go: the project's server where the round's rules confirm it (the pilot's FTP server), otherwise
# the service's own storage, as the contracts say it (audit30 F10).
SCAN_NOTE = {True: "Oriģinālu glabā klienta lietā, skenējumu ievieto projekta serverī.",
             False: "Oriģinālu glabā klienta lietā, skenējumu glabā Dienesta noteiktajā elektroniskajā glabātavā."}
SCANNED_HEADER = {True: "Ieskenēta un ievietota serverī", False: "Ieskenēta un saglabāta"}
NOT_SCANNED_HEADER = {True: "Nav ievietotas serverī", False: "Nav ieskenētas"}
ROUNDS = ("sākotnējā", "noslēguma")
FILLED_BY = ("bērns pats", "vecāks", "sociālais darbinieks, intervējot bērnu vecāka klātbūtnē")
YES_NO = ["Jā", "Nē"]
PROVIDER_HINT = ("Pakalpojumi sagrupēti pa atbalsta jomām; jomas pakalpojumus atver ar „+” pa kreisi no rindu "
                 "numuriem vai ar struktūras pogu 2 augšējā kreisajā stūrī. Aizvērtās rindas nedrukā, bet skaitos "
                 "apakšā tās ir ieskaitītas.")


def _print_setup(ws, catalogue: Catalogue, municipality: Municipality, title: str, header_row: int,  # noqa: ANN001
                 last_row: int, last_col: int, repeat_cols: int = 0) -> None:
    print_setup(ws, municipality=institutions.header_name(municipality), title=title, version=catalogue.version,
                header_row=header_row, last_row=last_row, last_col=last_col, repeat_cols=repeat_cols)


def write_title(ws, number: str, rest: str, fmt) -> None:  # noqa: ANN001
    """The title "NN. pielikums. ``rest``": its number right-aligned in the repeated columns A:B, the rest from C."""
    ws.merge_range(0, 0, 0, TEXT_COL - 1, f"{number}. pielikums.", fmt.title_right)
    ws.write(0, TEXT_COL, rest, fmt.title)


def write_names(wb, ws, municipality: Municipality, label_cols: tuple[int, int], last_col: int, fmt) -> None:  # noqa: ANN001
    """The names' inputs under the notes, fields up to ``last_col`` (the first page's last column)."""
    institutions.write_inputs_in_rows(wb, ws, NAMES_ROW, label_cols, (label_cols[1] + 1, last_col), municipality,
                                      fmt.label_right, fmt.in_text, FIELD_HEIGHT)


def reconstruction_note(what: str) -> str:
    """The preparer's note on a register whose layout the project reconstructed (not printed, D36)."""
    return printing.reconstruction_note(f"metodikā dots tikai {what} mērķis; aiļu sastāvu sagatavojusi IBM rīkkopa")


def questionnaire_names(catalogue: Catalogue, esf: bool = True) -> list[str]:
    """The questionnaires the register lists; the ESF participant's questionnaire only for a round that has it
    (``esf``: its `procedures.esf_questionnaire`, D135 – without it the questionnaire is not made)."""
    titles = catalogue.annexes.by_number()  # type: ignore[union-attr]
    return [f"{n}. pielikums – {titles[n].title_lv}" for n in REGISTERED_ANNEXES if esf or n != ESF_ANNEX]


def write_questionnaire_register(catalogue: Catalogue, municipality: Municipality, target: Path,
                                 build_date: dt.date | None = None) -> Path:
    wb, fmt = open_report_workbook(catalogue, target, QUESTIONNAIRE_REGISTER_ID, municipality, build_date)
    ws = wb.add_worksheet("24 Aptauju reģistrs")
    lists = wb.add_worksheet("Saraksti")
    procedures = reg.round_procedures(catalogue, municipality.id, build_date)
    server = procedures["ftp_server"]
    names = questionnaire_names(catalogue, esf=procedures["esf_questionnaire"])
    for col, (name, values) in enumerate((("Anketas", names), ("Kartas", list(ROUNDS)),
                                          ("Aizpilditajs", list(FILLED_BY)), ("JaNe", YES_NO))):
        lists.write(0, col, name, fmt.head)
        for i, value in enumerate(values):
            lists.write(1 + i, col, value)
        wb.define_name(name, f"=Saraksti!${chr(65 + col)}$2:${chr(65 + col)}${1 + len(values)}")
    lists.hide()
    write_title(ws, "24", "Aptaujas anketu reģistrs (elektroniskais žurnāls)", fmt)
    # The notes wrap within C:G, the columns of the first page across right of the repeated A:B.
    widths = [5, 14, 44, 12, 26, 13, 14.5, 12, 12, 30]
    text_width = sum(widths[TEXT_COL:7])
    write_intro(ws, 1, TEXT_COL, 6, municipality, "Katru aizpildīto anketu (sākotnējo un noslēguma) reģistrē vienā "
                "rindā tikai ar bērna identifikācijas kodu.", fmt.note_wrapped, text_width)
    write_wide_note(ws, 2, TEXT_COL, 6, SCAN_NOTE[server],
                    fmt.note_wrapped, text_width)
    write_names(wb, ws, municipality, (TEXT_COL, TEXT_COL), 6, fmt)
    write_names_across(ws, 1, 7, len(widths) - 1, municipality, fmt.note_wrapped)  # H:J print on the page across
    unprinted_note(ws, reconstruction_note("reģistra"))
    hint = row_groups.hint(REGISTER_ROWS, "kopsavilkuma skaitos")
    headers = ["Nr.", "Bērna identifikācijas kods", "Anketa", "Kārta", "Aizpildīja", "Aizpildīšanas datums",
               "Reģistrēšanas datums", SCANNED_HEADER[server], "Oriģināls klienta lietā", "Piezīmes"]
    ws.write_row(FIRST - 1, 0, headers, fmt.head)
    ws.set_row(FIRST - 1, 42)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    last = FIRST + REGISTER_ROWS - 1
    # Empty rows stay in collapsed groups and do not print (as the expense register's); the counts cover all rows.
    # Row 6: the warning that a filled row is hidden (the input columns B–J); how to open more is its comment.
    row_groups.group_rows(ws, FIRST, REGISTER_ROWS, 0)
    ws.merge_range(HINT_ROW, TEXT_COL, HINT_ROW, 6, "", fmt.note_wrapped)
    row_groups.hint_or_warning(ws, HINT_ROW, TEXT_COL, FIRST + 1, last + 1, "B", "J", fmt.note_wrapped, fmt.alert,
                               hint)
    ws.set_row(HINT_ROW, note_height(row_groups.WARNING, text_width))
    for i in range(REGISTER_ROWS):
        r = FIRST + i
        ws.write_number(r, 0, i + 1, fmt.int)
        for col in (1, 2, 3, 4, 7, 8, 9):  # a long questionnaire or filler chosen from the list wraps (audit13 F9)
            ws.write(r, col, "", fmt.in_text_wrapped if col in (2, 4) else fmt.in_text)
        ws.write_blank(r, 5, None, fmt.in_date)
        ws.write_blank(r, 6, None, fmt.in_date)
    span = lambda col: f"{col}{FIRST + 1}:{col}{last + 1}"  # noqa: E731
    for col, source in (("C", "=Anketas"), ("D", "=Kartas"), ("E", "=Aizpilditajs"), ("H", "=JaNe"), ("I", "=JaNe")):
        ws.data_validation(span(col), {"validate": "list", "source": source})
    for col in ("F", "G"):
        ws.data_validation(span(col), DATE_VALIDATION)
    # A pasted value passes the lists' validation: each row's inputs are checked by formula (D267), and the counts
    # wait for right ones – a questionnaire or round not of the list would drop out of them without a word.
    log = checks.ErrorLog()
    counts = wb.add_worksheet("Kopsavilkums")
    # on the hidden list sheet: the expected texts, the count of wrong inputs and the first message
    texts = checks.TextCells(lists, 6, first_row=1)
    lists.write(0, 6, "Pārbaužu teksti", fmt.head)
    log.add_column(ws, FIRST, [questionnaire_check(FIRST + 1 + i, texts) for i in range(REGISTER_ROWS)],
                   len(headers), fmt.head, fmt.error)
    lists.write(0, 5, "Kļūdas", fmt.head)
    log.write_totals(wb, lists, 1, 5, QR_ERRORS, QR_FIRST_ERROR)
    # Counts per questionnaire and round, on their own sheet.
    sheet = "'24 Aptauju reģistrs'!"
    counts.write(0, 0, "24. pielikums. Reģistrēto anketu skaits", fmt.title)
    write_intro(counts, 1, 0, 3, municipality, "Aprēķinās no reģistra lapas.", fmt.note_wrapped, 60 + 3 * 12)
    counts.write_row(3, 0, ["Anketa", *[f"Reģistrētas: {r}" for r in ROUNDS], NOT_SCANNED_HEADER[server]], fmt.head)
    counts.set_row(3, 40)  # up to three lines: NOT_SCANNED_HEADER, e.g. "Nav ievietotas serverī"
    counts.set_column(0, 0, 60)
    counts.set_column(1, 3, 12)
    for i, name in enumerate(names):
        r = 4 + i
        counts.write(r, 0, name, fmt.text)
        counts.set_row(r, wrapped_height((name, 64)))
        for k, round_name in enumerate(ROUNDS):
            counts.write_formula(r, 1 + k, guarded(f'COUNTIFS({sheet}{span("C")},$A{r + 1},{sheet}{span("D")},'
                                                   f'"{round_name}")', errors=QR_ERRORS), fmt.int, 0)
        counts.write_formula(r, 3, guarded(f'COUNTIFS({sheet}{span("C")},$A{r + 1},{sheet}{span("H")},"Nē")',
                                           errors=QR_ERRORS), fmt.int, 0)
    wb.define_name("AR_Skaits", f"=Kopsavilkums!$B$5:$C${4 + len(names)}")
    # under the counts: how many rows have a wrong input and the first message (D267)
    write_errors_line(counts, 4 + len(names), 0, 3, fmt.errors_line, QR_ERRORS, QR_FIRST_ERROR, QR_OTHERS,
                      hidden="skaitus")
    counts.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    _print_setup(counts, catalogue, municipality, "24. pielikums. Reģistrēto anketu skaits", 3, 4 + len(names), 3)
    ws.freeze_panes(FIRST, 2)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                    "sort": True, "autofilter": True})
    _print_setup(ws, catalogue, municipality, "24. pielikums. Aptaujas anketu reģistrs", FIRST - 1, last, 9,
                 repeat_cols=2)
    wb.close()
    return target


def questionnaire_check(x: int, texts: checks.TextCells) -> str:
    """The check of register 24's row ``x`` (1-based) while any of its inputs is filled (D267): the child's code, the
    questionnaire and the round (the counts' keys) from the lists, the filler and the Jā/Nē marks from theirs or
    blank, the dates as dates – the registration not before the filling."""
    sheet = "24 Aptauju reģistrs"
    rules = [
        checks.Rule(f"B{x}", f'TRIM(B{x})<>""', CHILD_CODE),
        checks.Rule(f"C{x}", checks.in_list(f"C{x}", "Anketas"), "jābūt anketai no saraksta"),
        checks.Rule(f"D{x}", checks.in_list(f"D{x}", "Kartas"),
                    f"jābūt kārtai no saraksta („{ROUNDS[0]}” vai „{ROUNDS[1]}”)"),
        checks.Rule(f"E{x}", checks.in_list(f"E{x}", "Aizpilditajs", blank_ok=True),
                    "jābūt aizpildītājam no saraksta vai tukšai šūnai"),
        checks.date_rule(f"F{x}", FILLED_DATE),
        checks.date_rule(f"G{x}", FILLED_DATE.replace("aizpildīšanas", "reģistrēšanas")),
        checks.Rule(f"G{x}", f"IF(AND(ISNUMBER(F{x}),ISNUMBER(G{x})),G{x}>=F{x},TRUE)",
                    "reģistrēšanas datums nevar būt agrāks par aizpildīšanas datumu"),
        *[checks.Rule(f"{c}{x}", f'OR({c}{x}="",{checks.one_of(f"{c}{x}", *YES_NO)})',
                      "jābūt „Jā” vai „Nē” (no saraksta) vai tukšai šūnai") for c in "HI"],
    ]
    active = "OR(" + ",".join(f'{c}{x}<>""' for c in "BCDEFGHI") + ")"
    return checks.row_check(sheet, rules, active=active, texts=texts)


def write_provider_list(catalogue: Catalogue, municipality: Municipality, target: Path,
                        build_date: dt.date | None = None) -> Path:
    wb, fmt = open_report_workbook(catalogue, target, PROVIDER_LIST_ID, municipality, build_date)
    ws = wb.add_worksheet("17 Sniedzēji")
    areas = {a.number: a.name_lv for a in catalogue.enums.support_areas}
    write_title(ws, "17", "Iespējamo pakalpojumu sniedzēju saraksts un kvalifikācijas prasības", fmt)
    widths = [7, 24, 18, 46, 22, 11, 13.5, 16, 16, 20, 10, 14]
    # The notes wrap within C:F, the columns of the first page across right of the repeated A:B.
    text_width = sum(widths[TEXT_COL:6])
    write_intro(ws, 1, TEXT_COL, 5, municipality, "Pakalpojumi un prasības sniedzējiem ir no pakalpojumu kataloga "
                "(pakalpojumu apraksti).", fmt.note_wrapped, text_width)
    write_wide_note(ws, 2, TEXT_COL, 5, "Sniedzējus un to kontaktus ieraksta sociālais darbinieks.", fmt.note_wrapped,
                    text_width)
    write_names(wb, ws, municipality, (TEXT_COL, 3), 5, fmt)
    write_names_across(ws, 1, 6, len(widths) - 1, municipality, fmt.note_wrapped)  # G:L print on the page across
    unprinted_note(ws, reconstruction_note("saraksta"))
    headers = ["Kods", "Pakalpojums", "Atbalsta joma", "Prasības sniedzējam (pakalpojuma apraksts)",
               "Sniedzējs (nosaukums)", "Reģ. Nr.", "Sociālo pakalpojumu sniedzēju reģistrā (Jā/Nē)",
               "Kontaktpersona", "Tālrunis, e-pasts", "Adrese", "Atbilst prasībām (Jā/Nē)", "Līguma datums un Nr."]
    ws.write_row(FIRST - 1, 0, headers, fmt.head)
    ws.set_row(FIRST - 1, 58)  # five lines: "Sociālo pakalpojumu sniedzēju reģistrā (Jā/Nē)"
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    # One block per support area: its heading row (always printed: the area, how many services have a provider)
    # above the area's services in a collapsed outline group (D33). An empty list prints its headings only; a
    # person opens the areas whose providers the list is to show, and a red warning prints while a row with a
    # provider (or any other entry) is hidden. The counts below cover every row.
    services = catalogue.sorted_services()
    # a requirement's dated alternatives: only those in force in the round the list is made for (D308)
    periods = reg.report_periods(catalogue, build_date or dt.date.today(), municipality.id)
    ws.outline_settings(True, False, True, False)  # symbols shown, the "+" on the heading row above its group
    r = FIRST
    for area_number in sorted({s.area for s in services}):
        in_area = [s for s in services if s.area == area_number]
        heading, first, end = r, r + 1, r + len(in_area)
        ws.merge_range(heading, 0, heading, 1, f"{area_number}. {areas[area_number]}", fmt.label_wrapped)
        # only the counts: how to open an area on screen is said once, in the hint above the table
        note = f"Pakalpojumi: {len(in_area)}; ar norādītu sniedzēju: 0."
        ws.merge_range(heading, 2, heading, 3, "", fmt.note_wrapped)
        ws.write_formula(heading, 2, f'="Pakalpojumi: {len(in_area)}; ar norādītu sniedzēju: "&COUNTIF(E{first + 1}:'
                         f'E{end + 1},"?*")&"."', fmt.note_wrapped, note)
        height = max(wrapped_height((f"{area_number}. {areas[area_number]}", 28)), note_height(note + "00", 18 + 46))
        ws.set_row(heading, height, None, {"collapsed": True})
        for r, service in enumerate(in_area, start=first):
            ws.write(r, 0, service.id, fmt.text)
            ws.write(r, 1, service.short_name_lv, fmt.text)
            area = f"{service.area}. {areas[service.area]}"
            ws.write(r, 2, area, fmt.text)
            requirements = in_force_wording(service.description.prasibas_sniedzejiem.teksts, periods.round_start,
                                            periods.round_end)
            ws.write(r, 3, requirements, fmt.text)
            # about 48 characters fit a line of column D and 16 a line of column C
            ws.set_row(r, wrapped_height((requirements, 48), (area, 16)), None, {"level": 1, "hidden": True})
            for col in range(4, 12):
                ws.write(r, col, "", fmt.in_text)
        # a narrow empty row after each area: LibreOffice reads a "collapsed" heading row just below an open group
        # as that group's own, so the next area's heading must not touch it
        ws.set_row(end + 1, SPACER)
        r = end + 2
    last = r - 2  # the last area's last service
    for col in ("G", "K"):
        ws.data_validation(f"{col}{FIRST + 1}:{col}{last + 1}", {"validate": "list", "source": YES_NO})
    ws.merge_range(HINT_ROW, TEXT_COL, HINT_ROW, 5, "", fmt.note_wrapped)
    row_groups.hint_or_warning(ws, HINT_ROW, TEXT_COL, FIRST + 1, last + 1, "E", "L", fmt.note_wrapped, fmt.alert,
                               PROVIDER_HINT)
    ws.set_row(HINT_ROW, note_height(row_groups.WARNING, text_width))
    sr = last + 2
    # wrapped in column B, which repeats on the page across: a longer line would print cut there
    ws.write(sr, 1, "Pakalpojumi ar norādītu sniedzēju", fmt.label_wrapped)
    ws.set_row(sr, 26)
    ws.write_formula(sr, 4, f'=COUNTIF(E{FIRST + 1}:E{last + 1},"?*")', fmt.int, 0)
    ws.write(sr + 1, 1, "No tiem atbilst prasībām", fmt.label)
    ws.write_formula(sr + 1, 4, f'=COUNTIF(K{FIRST + 1}:K{last + 1},"Jā")', fmt.int, 0)
    ws.freeze_panes(FIRST, 2)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                    "format_rows": True, "autofilter": True})
    _print_setup(ws, catalogue, municipality, "17. pielikums. Pakalpojumu sniedzēji", FIRST - 1, sr + 1, 11,
                 repeat_cols=2)
    wb.close()
    return target
