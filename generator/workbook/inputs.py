"""Entering a child's plan into an IBM matrix workbook through the interface names.

The plan is the reference implementation's ``WorkbookInputs`` (the same object the reference
evaluates), so a filled and recalculated workbook can be compared with
``evaluate_workbook(inputs, params)`` name by name. Every input name is written in full each time
(lists padded with empty cells), so one opened template can be filled again and again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.workbook.workbook import Workbook

from generator.reference.inputs import REQUIRED_PARTIES
from generator.reference.lines import PlanLine
from generator.reference.workbook import WorkbookInputs
from generator.workbook.names import read, write
from generator.workbook.outline import show_plan_rows
from generator.workbook.texts import NO, YES


@dataclass(frozen=True)
class People:
    """Free-text fields of 6.1 (obviously fictional people in examples and tests)."""

    child_name: str = "Anna Paraugs"
    child_code: str = "000000-00000"
    parent_name: str = "Pēteris Paraugs"
    social_worker: str = "Līga Piemēra"
    providers: Mapping[str, str] = field(default_factory=dict)  # offer id -> provider name


def offer_id(label: str | None) -> str | None:
    """The catalogue item id at the start of a Pak_Id label ("3.1.2i Ergoterapeits, …" -> "3.1.2i")."""
    if not label:
        return None
    return str(label).split(" ", 1)[0]


def _months(values: tuple[Decimal, ...], months: int) -> list[Decimal | None]:
    row: list[Decimal | None] = list(values[:months])
    return row + [None] * (months - len(row))


def fill(
    wb: Workbook,
    inputs: WorkbookInputs,
    recipient_labels: Mapping[str, str],
    people: People | None = None,
    municipality: str | None = None,
    template_prices: Sequence[object] | None = None,
) -> None:
    """Write ``inputs`` into the workbook's input names.

    ``recipient_labels`` maps the reference's recipient codes (child, parent, family) to the list
    values of 6.3 (bērns, vecāks, ģimene) – the catalogue's ``enums.recipients``. Prices of items
    not in the plan stay as they are, or as ``template_prices`` (Pak_Cena of the unfilled template)
    when a workbook is filled again.
    """
    people = people or People()
    labels = [str(v) if v else None for v in read(wb, "Pak_Id")]
    by_id = {offer_id(label): label for label in labels if label}
    rows = len(read(wb, "Plans_Pakalpojums"))
    months = len(read(wb, "Men_Daudzums")[0])
    lines: list[PlanLine] = list(inputs.lines)
    if len(lines) > rows:
        raise ValueError(f"plānā ir {len(lines)} rindas, bet matricā tikai {rows}")
    prices = list(template_prices if template_prices is not None else read(wb, "Pak_Cena"))
    chosen: dict[int, Decimal] = {}
    for line in lines:
        if line.offer_id is None:
            continue
        if line.offer_id not in by_id:
            raise ValueError(f"pakalpojums {line.offer_id} nav matricas 6.8. tabulā")
        index = labels.index(by_id[line.offer_id])
        if chosen.setdefault(index, line.unit_price) != line.unit_price:
            raise ValueError(f"pakalpojumam {line.offer_id} plānā ir divas dažādas cenas (6.8. tabulā ir viena cena rindai)")
        prices[index] = line.unit_price

    if municipality is not None:
        write(wb, "Pasvaldiba", municipality)
    write(wb, "Berns_VardsUzvards", people.child_name)
    write(wb, "Berns_PersonasKods", people.child_code)
    write(wb, "Berns_DzimsanasDatums", inputs.birth_date)
    write(wb, "Berns_Traucejums", inputs.impairment)
    write(wb, "Ipasas_Kopsanas_Atzinums", YES if inputs.special_care else NO)
    write(wb, "Perioda_Sakums", inputs.period_start)
    write(wb, "Perioda_Menesi", inputs.months)
    write(wb, "Vecaks_VardsUzvards", people.parent_name)
    write(wb, "Socialais_Darbinieks", people.social_worker)
    write(wb, "Bazes_Apmers", inputs.base)  # empty: the catalogue's base applies, as in the reference
    write(wb, "IB_Galigais", inputs.final)
    write(wb, "Fin_Pabalsti", inputs.benefits)
    write(wb, "Fin_Pakalpojumi", inputs.services)
    write(wb, "Fin_Citi", inputs.other)
    write(wb, "Transporta_Pamatojums", inputs.transport_override)
    if inputs.parties is not None:  # the plan's own 6.1 fields a contract needs (D88), as the reference checks them
        for party in REQUIRED_PARTIES:
            write(wb, party.name, getattr(inputs.parties, party.attr))
    write(wb, "Pak_Cena", prices)
    write(wb, "Pak_Sniedzejs", [people.providers.get(offer_id(label) or "") for label in labels])

    def column(get) -> list:  # noqa: ANN001 - a small local accessor
        return [get(line) for line in lines]

    write(wb, "Plans_Pakalpojums", column(lambda ln: by_id.get(ln.offer_id) if ln.offer_id else None))
    write(wb, "Plans_Daudzums", column(lambda ln: ln.units if ln.offer_id or ln.units else None))
    write(wb, "Plans_EkspertuRangs", column(lambda ln: ln.expert_rank))
    write(wb, "Plans_VecakuRangs", column(lambda ln: ln.parent_rank))
    write(wb, "Plans_Sanemejs", column(lambda ln: recipient_labels[ln.recipient] if ln.recipient else None))
    write(wb, "Men_Daudzums", column(lambda ln: _months(ln.planned_units, months)))
    write(wb, "Fakt_Daudzums", column(lambda ln: _months(ln.delivered_units, months)))
    write(wb, "Fakt_Summa", column(lambda ln: _months(ln.paid, months)))
    show_plan_rows(wb, len(lines))

