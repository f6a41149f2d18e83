"""Sheet 26 of the expense register workbook: the budget positions (BIP), the catalogue parameters
the formulas of 29 and 30 use, and the yellow inputs of the names the forms show."""

from __future__ import annotations

from generator.documents.docx_format import footer_version
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import MonthFormulas
from generator.documents.reports.month_settings import (
    Setting,
    dated_values,
    first_month,
    label_with_date,
    value_name,
    values_text,
)
from generator.documents.reports.parameters import SHARE, pending, pending_note, write_parameter
from generator.documents.reports.printing import FIELD_HEIGHT
from generator.documents.reports.register_book import MONTH_KEYS, RegisterBook, RegisterSettings
from generator.documents.reports.register_layout import (
    BIP_LINE,
    BIP_NAMES,
    BIP_WIDTH,
    ERRORS,
    PARAMETERS,
    S_BIP,
)
from generator.documents.reports.report_cells import absolute_cell, column_range, text_formula, wrapped_height
from generator.reference.settlement import BIP_CODES, BIP_INDIRECT, BIP_PAY, BIP_SBS, BIP_TRANSPORT


def write_bip_sheet(book: RegisterBook) -> RegisterSettings:
    """Sheet 26: the BIP positions (what each includes, how its amount is set), the catalogue parameters the
    formulas use – every dated value the months use, a `jāprecizē` one a blank input (parameters.py, D201) – and
    the institutions' names the forms show (institution_names)."""
    catalogue, municipality, wb, fmt, log, ws_bip = (book.catalogue, book.municipality, book.wb, book.fmt, book.log,
                                                     book.ws_bip)
    months, dated = book.months, book.dated
    ws_bip.write(0, 0, "26. pielikums. Budžeta izmaksu pozīcijas (BIP)", fmt.title)
    version_note = f" · {footer_version(catalogue.version)}"  # as the footers say it (D58)
    ws_bip.write_formula(1, 0, f"={institutions.names_expression()}&{text_formula(version_note)}", fmt.note,
                         institutions.names_text(municipality) + version_note)
    ws_bip.write_row(3, 0, ["Kods", "Pozīcija (teksts, ko izvēlas reģistrā)", "Ko ietver", "Kā nosaka summu"],
                     fmt.head)
    # every dated value the months use (all of them while the months are blank inputs), D201
    values = {key: dated_values(catalogue, key, kind, [m.month for m in months] if dated else None)
              for key, kind in PARAMETERS.items()}
    rate = values_text(values["indirect_cost_rate"])
    n = values_text(values["social_worker_children"])
    changing = {key: len(dated) > 1 for key, dated in values.items()}
    how = {
        BIP_PAY: (f"pilnā mēneša atlīdzība × min(bērnu skaits; N) ÷ N, noapaļots līdz centiem; N – mēneša pirmajā "
                  f"dienā spēkā esošais bērnu skaits pilnai atlīdzībai ({n})" if changing["social_worker_children"]
                  else f"pilnā mēneša atlīdzība × min(bērnu skaits; {n}) ÷ {n}, noapaļots līdz centiem"),
        BIP_TRANSPORT: "faktiskās izmaksas pēc pamatojošiem dokumentiem",
        BIP_SBS: "faktiskās izmaksas pēc rēķiniem un vecāku atskaitēm",
        BIP_INDIRECT: (f"mēneša pirmajā dienā spēkā esošā likme ({rate}) no BIP {BIP_PAY}, noapaļots līdz centiem; "
                       "reģistrā neieraksta" if changing["indirect_cost_rate"]
                       else f"{rate} no BIP {BIP_PAY}, noapaļots līdz centiem; reģistrā neieraksta"),
    }
    includes = {b.code: b.includes_lv for b in catalogue.enums.budget_positions}
    for i, code in enumerate(BIP_CODES):
        row = 4 + i
        ws_bip.write(row, 0, f"BIP {code}", fmt.text)
        ws_bip.write(row, 1, reg.bip_label(catalogue, code), fmt.text)
        ws_bip.write(row, 2, includes[code], fmt.text)
        ws_bip.write(row, 3, how[code], fmt.text)
        ws_bip.set_row(row, wrapped_height(
            (reg.bip_label(catalogue, code), BIP_LINE), (includes[code], BIP_LINE), (how[code], BIP_LINE)))
        wb.define_name(BIP_NAMES[code], "=" + absolute_cell(S_BIP, row, 1))
    entered_last = 4 + len(reg.ENTERED_BIPS) - 1
    wb.define_name("BIP_Saraksts", "=" + column_range(S_BIP, 4, entered_last, 1))
    prow = 5 + len(BIP_CODES)
    every_value = [param for dated in values.values() for _, param in dated]
    ws_bip.write(prow, 0, "Parametri no kataloga (nemainīt)" if all(p.confirmed for p in every_value) else
                 "Parametri no kataloga (nemainīt; tukšo dzelteno šūnu aizpilda ar apstiprināto vērtību)", fmt.label)
    param_rows = [
        ("Param_BerniPilnai", "social_worker_children",
         "Bērnu skaits, par kuru sociālajam darbiniekam maksā pilnu atlīdzību"),
        ("Param_NetiesasLikme", "indirect_cost_rate", "Netiešo izmaksu likme no BIP 1.1"),
        ("Param_MenesaDiena", "monthly_report_day", "Naudas plūsmas pārskata (29) iesniegšanas diena nākamajā mēnesī"),
        ("Param_CeturksnaDiena", "quarterly_report_day",
         "Ceturkšņa pārskata (30) iesniegšanas diena mēnesī pēc ceturkšņa"),
    ]
    settings: dict[str, Setting] = {}
    row = prow
    for name, key, label in param_rows:
        written = []
        for index, (start, param) in enumerate(values[key]):
            row += 1
            text = label_with_date(label, start, len(values[key]) > 1)
            source = f"Avots: {param.source}"
            ws_bip.write(row, 1, text, fmt.text)
            ws_bip.write(row, 2, source, fmt.text)
            ws_bip.set_row(row, wrapped_height((text, BIP_LINE), (source, BIP_LINE)))
            share = param.kind == SHARE
            written.append((start, write_parameter(wb, ws_bip, row, 3, value_name(name, index), param,
                                                   shown=fmt.share if share else fmt.int,
                                                   blank=fmt.in_share if share else fmt.in_int, error=fmt.error,
                                                   log=log)))
        settings[key] = Setting(tuple(written))
    bip_last = row
    if pending(*(cell for setting in settings.values() for _, cell in setting.cells)):
        bip_last += 1
        ws_bip.merge_range(bip_last, 1, bip_last, 3, pending_note(), fmt.pending_note_wrapped)
        ws_bip.set_row(bip_last, 26)
    # The names the forms show (institution_names): yellow inputs, prefilled only with confirmed names.
    bip_last += 2
    ws_bip.write(bip_last, 0, institutions.INPUTS_TITLE, fmt.label)
    typed = institutions.prefilled(municipality)
    for name, _, _, label in institutions.INPUTS:
        bip_last += 1
        ws_bip.write(bip_last, 1, label, fmt.text)
        ws_bip.merge_range(bip_last, 2, bip_last, 3, typed[name], fmt.in_text)
        ws_bip.set_row(bip_last, FIELD_HEIGHT)
        wb.define_name(name, "=" + absolute_cell(S_BIP, bip_last, 2))
    # what every month adds up to (totals, balances) waits for every value a month may use
    formulas = MonthFormulas(settings["social_worker_children"].whole(), settings["indirect_cost_rate"].whole(), ERRORS)
    monthly_day, quarterly_day = settings["monthly_report_day"].whole(), settings["quarterly_report_day"].whole()
    # a setting that changes in the months: 29 shows per month the value in force (columns right of Ceturksnis)
    per_month = any(settings[key].changes for key in MONTH_KEYS)
    since = first_month(settings.values())  # a typed month or quarter not earlier (D201)
    ws_bip.set_row(3, 28)  # two lines: "Pozīcija (teksts, ko izvēlas reģistrā)"
    ws_bip.set_column(0, 0, 8)
    ws_bip.set_column(1, 3, BIP_WIDTH)
    ws_bip.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
    return RegisterSettings(settings, formulas, monthly_day, quarterly_day, per_month, since, bip_last)
