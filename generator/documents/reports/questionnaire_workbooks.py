"""The quality questionnaires (35.–38.pielikums) as one workbook per municipality: a sheet per party, where
each row is one filled questionnaire (a respondent code, the date and a 1–5 score per stage the party
rates), and a summary sheet whose formulas give the mean score per stage and party, the number of answers
and each party's overall mean (generator.reference.questionnaires repeats them). Parties, stages and the
scale come from catalogue/annexes.yaml (quality)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name

from generator.catalogue.annexes import Party, Quality
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import row_groups
from generator.documents.reports.parameters import guarded
from generator.documents.reports.printing import FIELD_HEIGHT, print_setup
from generator.documents.reports.report_cells import (
    DATE_VALIDATION,
    REPORT_FONT,
    note_height,
    open_report_workbook,
    wrapped_height,
    write_errors_line,
    write_intro,
)
from generator.reference.questionnaires import Response, party_mean, stage_means
from generator.workbook.styles import LATVIAN
from generator.xlsxformula import quick_formulas

WORKBOOK_ID = "kvalitates-anketas"
SUMMARY = "Kopsavilkums"
ROWS = 80  # rows per party sheet
FIRST = 4  # first response row (0-based)
STAGE_COL = 3  # first stage column
# Column widths: number, code, date, each stage (its longest word whole); the comment takes the rest of an A4
# landscape page across (PAGE_WIDTH in all, as LibreOffice prints it with Carlito), so every party prints one page
# wide and its title fits.
FIXED_WIDTHS, STAGE_WIDTH, PAGE_WIDTH, MIN_COMMENT = (5, 12, 13), 13, 136, 28
# The summary: the stage column, then per party its mean and its count of answers; 34 + 4 × (13 + 9) units print
# one A4 landscape page wide (about 680 pt of 799 with Carlito; it was 40 + 8 × 13, two pages).
# the first column holds the longest stage name, "Bērna un ģimenes vajadzību izvērtēšana" (38 characters), on one
# line (audit35 F14: at 34 its row was two lines high for one line of text)
SUMMARY_STAGE_WIDTH, SUMMARY_MEAN_WIDTH, SUMMARY_COUNT_WIDTH = 37, 13, 9
STAGE_LINE = 38  # characters of a stage's name that surely fit a line of the summary's first column
# The summary's rows: the names' inputs (institution_names, D64, for every sheet's intro), the scale, the heading.
SUMMARY_NAMES, SUMMARY_SCALE, SUMMARY_HEAD = 2, 4, 5
# The count of wrong ratings and the first message (a hidden column right of the summary; input_checks, D245).
ERRORS, FIRST_ERROR = "KV_Kludas", "KV_PirmaKluda"


CODE_FOR_RATINGS = "jābūt anketas kodam – šajā rindā ir vērtējumi, un katra rinda ir vienas anketas vērtējumi"


def code_for_ratings(x: int, stage_cols: list[str]) -> str:
    """Condition: row ``x`` (1-based) has its questionnaire's code, or no rating at all."""
    blank = ",".join(f'{c}{x}=""' for c in stage_cols)
    return f'OR(TRIM(B{x})<>"",AND({blank}))'


QUALITY_OTHERS = f"Pārējās – pušu lapu ailē „{checks.HEADER}” pa labi no tabulas (ekrānā)."


def party_sheet(party: Party) -> str:
    return party.sheet_name


def mean_name(party: Party, stage_id: str) -> str:
    return f"KV_{party.id}_{stage_id.replace('-', '_')}"


def count_name(party: Party, stage_id: str) -> str:
    return f"KVS_{party.id}_{stage_id.replace('-', '_')}"


def total_name(party: Party) -> str:
    return f"KV_{party.id}_kopa"


def write_questionnaire_workbook(catalogue: Catalogue, municipality: Municipality, target: Path,
                                 responses: Mapping[str, Sequence[Response]] | None = None,
                                 cached: bool = True, build_date: dt.date | None = None) -> Path:
    """``responses``: party id -> filled questionnaires (stage id -> score); None writes the empty template.
    ``cached=False`` leaves formula caches empty so that only a recalculation shows the means."""
    quality: Quality = catalogue.annexes.quality  # type: ignore[union-attr]
    responses = responses or {}
    top, low = quality.max_score, quality.scale[0].score
    # A pasted rating (text, out of the scale, a fraction) is named by its cell, and no mean is shown until it is
    # right: validation stops only a typed one (audit30 F13, D245).
    log = checks.ErrorLog()
    rating_expected = f"jābūt vērtējumam (veselam skaitlim no {low} līdz {top}) vai tukšai šūnai"
    wb, fmt = open_report_workbook(catalogue, target, WORKBOOK_ID, municipality, build_date)
    mean_fmt = wb.add_format({"font_name": REPORT_FONT, "font_size": 10, "border": 1, "num_format": f"{LATVIAN}0.00"})
    # quick_formulas: the rating checks are long formulas, which xlsxwriter would search ~30 times each
    summary = quick_formulas(wb.add_worksheet(SUMMARY))
    # the summary's hidden column right of its printed table: the count of wrong ratings, the first message, and
    # below them what is expected, written once and referred to by every check
    hidden = 2 * len(quality.parties) + 2
    texts = checks.TextCells(summary, hidden, first_row=2)
    scale = "; ".join(f"{level.score} – {level.label_lv}" for level in quality.scale)
    ranges: dict[tuple[str, str], str] = {}
    for party in quality.parties:
        ws = quick_formulas(wb.add_worksheet(party_sheet(party)))
        rows = list(responses.get(party.id, ()))
        if len(rows) > ROWS:
            raise ValueError(f"{party.label_lv}: {len(rows)} anketas (gaidīts: ne vairāk kā {ROWS})")
        ws.write(0, 0, f"{party.annex}. pielikums. {party.label_lv}: aizpildītās kvalitātes aptaujas anketas", fmt.title)
        comment_col = STAGE_COL + len(party.stages)
        comment_width = max(MIN_COMMENT, PAGE_WIDTH - sum(FIXED_WIDTHS) - STAGE_WIDTH * len(party.stages))
        write_intro(ws, 1, 0, comment_col, municipality, f"Katra rinda – viena anketa. Vērtējums: {scale}; ja posms nav "
                    "vērtēts, šūnu atstāj tukšu. Vārdu neraksta – tikai anketas kodu.",
                    fmt.note_wrapped, sum(FIXED_WIDTHS) + STAGE_WIDTH * len(party.stages) + comment_width)
        headers = ["Nr.", "Anketas kods", "Aizpildīšanas datums",
                   *[quality.stage(s).label_lv for s in party.stages], "Komentārs"]
        ws.write_row(FIRST - 1, 0, headers, fmt.head)
        ws.set_row(FIRST - 1, 45)
        for col, width in enumerate(FIXED_WIDTHS):
            ws.set_column(col, col, width)
        ws.set_column(STAGE_COL, comment_col - 1, STAGE_WIDTH)
        ws.set_column(comment_col, comment_col, comment_width)
        for i in range(ROWS):
            r = FIRST + i
            answer = rows[i] if i < len(rows) else {}
            ws.write_number(r, 0, i + 1, fmt.int)
            ws.write(r, 1, f"{party.id.upper()}-{i + 1:02d}" if answer else "", fmt.in_text)
            ws.write_blank(r, 2, None, fmt.in_date)
            for k, stage in enumerate(party.stages):
                score = answer.get(stage)
                if score is None:
                    ws.write_blank(r, STAGE_COL + k, None, fmt.in_int)
                else:
                    ws.write_number(r, STAGE_COL + k, score, fmt.in_int)
            ws.write(r, STAGE_COL + len(party.stages), "", fmt.in_text)
        last = FIRST + ROWS - 1
        # Empty rows stay in collapsed groups and do not print (as the registers' rows: row_groups); row 3 warns
        # in red that a filled row is hidden (how to open more is its comment, unprinted: D215). The means cover every row.
        row_groups.group_rows(ws, FIRST, ROWS, len(rows))
        hint = row_groups.hint(ROWS, "kopsavilkuma vidējos vērtējumos")
        width = sum(FIXED_WIDTHS) + STAGE_WIDTH * len(party.stages) + comment_width
        ws.merge_range(2, 0, 2, comment_col, "", fmt.note_wrapped)
        row_groups.hint_or_warning(ws, 2, 0, FIRST + 1, last + 1, "B", xl_col_to_name(comment_col),
                                   fmt.note_wrapped, fmt.alert, hint)
        ws.set_row(2, note_height(row_groups.WARNING, width))
        for k, stage in enumerate(party.stages):
            col = xl_col_to_name(STAGE_COL + k)
            sheet = party_sheet(party).replace("'", "''")
            ranges[(party.id, stage)] = f"'{sheet}'!${col}${FIRST + 1}:${col}${last + 1}"
        ws.data_validation(FIRST, STAGE_COL, last, STAGE_COL + len(party.stages) - 1, {
            "validate": "integer", "criteria": "between", "minimum": low, "maximum": top,
            "error_message": f"Vērtējums ir vesels skaitlis no {low} līdz {top}."})
        stage_cols = [xl_col_to_name(STAGE_COL + k) for k in range(len(party.stages))]
        # A rating counts in the means only as a questionnaire's: a row with a rating has its code (audit32a F13).
        log.add_column(ws, FIRST, [checks.row_check(party_sheet(party), [
            checks.Rule(f"B{r + 1}", code_for_ratings(r + 1, stage_cols), CODE_FOR_RATINGS),
            *[checks.Rule(f"{c}{r + 1}", checks.whole_between(f"{c}{r + 1}", low, top, blank_ok=True), rating_expected)
              for c in stage_cols]], texts=texts) for r in range(FIRST, last + 1)], comment_col + 1, fmt.head, fmt.error)
        ws.data_validation(FIRST, 2, last, 2, DATE_VALIDATION)
        ws.freeze_panes(FIRST, 2)
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                        "sort": True, "autofilter": True})
        print_setup(ws, municipality=institutions.header_name(municipality), title=f"{party.annex}. pielikums. {party.label_lv}",
                    version=catalogue.version, header_row=FIRST - 1, last_row=last,
                    last_col=STAGE_COL + len(party.stages), repeat_cols=2)

    # --- summary ------------------------------------------------------------------------------------
    summary.write(0, 0, "35.–38. pielikums. Kvalitātes aptauju kopsavilkums: vidējais vērtējums", fmt.title)
    summary_width = SUMMARY_STAGE_WIDTH + len(quality.parties) * (SUMMARY_MEAN_WIDTH + SUMMARY_COUNT_WIDTH)
    summary_last = 2 * len(quality.parties)
    write_intro(summary, 1, 0, summary_last, municipality, "Aprēķinās no pušu lapām: vidējais no ierakstītajiem "
                "vērtējumiem, noapaļots līdz simtdaļām; „–” – šī puse posmu nevērtē.", fmt.note_wrapped, summary_width)
    # the names every sheet's intro shows, prefilled only when confirmed (institution_names, D64)
    institutions.write_inputs_in_rows(wb, summary, SUMMARY_NAMES, (0, 0), (1, summary_last), municipality,
                                      fmt.label_right, fmt.in_text, FIELD_HEIGHT)
    summary.write(SUMMARY_SCALE, 0, f"Skala: {scale}.", fmt.note)
    summary.write(SUMMARY_HEAD, 0, "Procesa posms", fmt.head)
    for j, party in enumerate(quality.parties):
        summary.write(SUMMARY_HEAD, 1 + 2 * j, f"{party.label_lv} ({party.annex}.): vidēji", fmt.head)
        summary.write(SUMMARY_HEAD, 2 + 2 * j, "Atbilžu skaits", fmt.head)
    summary.set_row(SUMMARY_HEAD, 60)
    summary.set_column(0, 0, SUMMARY_STAGE_WIDTH)
    for j in range(len(quality.parties)):
        summary.set_column(1 + 2 * j, 1 + 2 * j, SUMMARY_MEAN_WIDTH)
        summary.set_column(2 + 2 * j, 2 + 2 * j, SUMMARY_COUNT_WIDTH)
    summary.set_column(hidden, hidden, None, None, {"hidden": True})
    log.write_totals(wb, summary, 0, hidden, ERRORS, FIRST_ERROR)
    not_rated = wb.add_format({"font_name": REPORT_FONT, "font_size": 10, "valign": "top", "border": 1,
                               "align": "center"})
    means = {p.id: stage_means(responses.get(p.id, ()), p.stages, top) for p in quality.parties}

    def cached_mean(value: Decimal | None) -> object:
        if not cached:
            return ""
        return "" if value is None else float(value)

    for i, stage in enumerate(quality.stages):
        r = SUMMARY_HEAD + 1 + i
        summary.write(r, 0, stage.label_lv, fmt.text)
        summary.set_row(r, wrapped_height((stage.label_lv, STAGE_LINE)))
        for j, party in enumerate(quality.parties):
            if stage.id not in party.stages:
                summary.write(r, 1 + 2 * j, "–", not_rated)
                summary.write(r, 2 + 2 * j, "–", not_rated)
                continue
            rng = ranges[(party.id, stage.id)]
            summary.write_formula(r, 1 + 2 * j, guarded(f'IF(COUNT({rng})=0,"",ROUND(AVERAGE({rng}),2))', errors=ERRORS), mean_fmt,
                                  cached_mean(means[party.id][stage.id]))
            answered = sum(1 for a in responses.get(party.id, ()) if a.get(stage.id) is not None)
            summary.write_formula(r, 2 + 2 * j, guarded(f"COUNT({rng})", errors=ERRORS), fmt.int, answered if cached else 0)
            wb.define_name(mean_name(party, stage.id), f"='{SUMMARY}'!${xl_col_to_name(1 + 2 * j)}${r + 1}")
            wb.define_name(count_name(party, stage.id), f"='{SUMMARY}'!${xl_col_to_name(2 + 2 * j)}${r + 1}")
    tr = SUMMARY_HEAD + 1 + len(quality.stages)
    # the total's label and its row's empty count cells framed as the table's other cells (audit35 F14)
    total_label = wb.add_format({"font_name": REPORT_FONT, "font_size": 10, "valign": "top", "border": 1, "bold": True})
    summary.write(tr, 0, "Visi posmi kopā", total_label)
    for j, party in enumerate(quality.parties):
        summary.write_blank(tr, 2 + 2 * j, None, not_rated)
        all_ranges = ",".join(ranges[(party.id, s)] for s in party.stages)
        summary.write_formula(tr, 1 + 2 * j, guarded(f'IF(COUNT({all_ranges})=0,"",ROUND(AVERAGE({all_ranges}),2))',
                                      errors=ERRORS),
                              mean_fmt, cached_mean(party_mean(responses.get(party.id, ()), party.stages, top)))
        wb.define_name(total_name(party), f"='{SUMMARY}'!${xl_col_to_name(1 + 2 * j)}${tr + 1}")
    # under the table, across its printed width: how many ratings are wrong and the first one
    write_errors_line(summary, tr + 1, 0, summary_last, fmt.errors_line, ERRORS, FIRST_ERROR, QUALITY_OTHERS,
                      hidden="vidējos vērtējumus un atbilžu skaitu")
    summary.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    print_setup(summary, municipality=institutions.header_name(municipality), title="35.–38. pielikums. Kopsavilkums",
                version=catalogue.version, header_row=SUMMARY_HEAD, last_row=tr + 1, last_col=summary_last,
                repeat_cols=1)
    summary.activate()
    wb.close()
    return target
