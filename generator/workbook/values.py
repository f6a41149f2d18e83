"""Cached values of a generated workbook's formulas, so that viewers that do not recalculate still
show correct numbers.

A generated workbook holds no plan yet (only the municipality, the catalogue and the base), so
its amounts are those of an empty plan, and with no plan day its party names are blanks to fill
(generator/workbook/sheets/party_names.py, D51). They come from the reference implementation, never from
arithmetic here: N, the transport share, the period's payments and the rule counts are what
``generator.reference`` computes for a plan without lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.reference.findings import Severity, count
from generator.reference.monthly import execution
from generator.reference.params import Params
from generator.reference.plan import needed_amount, transport_share
from generator.reference.rules import check_plan
from generator.workbook.sheets import party_names
from generator.workbook.texts import BLANK
from generator.workbook.version import template_version


@dataclass(frozen=True)
class CachedValues:
    """What the formulas of a freshly generated workbook evaluate to."""

    version: str
    municipality_name: str  # 6.1 B6 as a fresh matrix shows it (no plan day yet: the blank, D51)
    social_service: str
    hints: dict[str, str]  # the hints beside them
    needed: Decimal
    transport_share: Decimal
    paid_total: Decimal
    errors: int
    warnings: int

    def text(self, name: str) -> str:
        """An input mirrored by a formula (IF(x="","",x)): empty in a generated workbook, except the
        municipality's own data."""
        return {"Pasvaldibas_Nosaukums": self.municipality_name, "Socialais_Dienests": self.social_service}.get(
            name, ""
        )

    def hint(self, name: str) -> str:
        """The hint beside a name on 6.1 (Pasvaldibas_Nosaukums, Socialais_Dienests)."""
        return self.hints[name]

    def header(self, name: str) -> str:
        """The header texts of the plan sheets (6.11 Galva_*): an empty field prints the blank to fill in."""
        shown = {
            "Galva_Berns": f"Bērns: {BLANK}   personas kods: {BLANK}",
            "Galva_Vecaks": f"Vecāks: {BLANK}",
            "Galva_Periods": f"Atbalsta plāna periods: {BLANK}",
            "Galva_Pasvaldiba": f"Pašvaldība: {self.municipality_name or BLANK}",
            "Galva_Dienests": f"Sociālais dienests: {self.social_service or BLANK}",
            "Galva_Darbinieks": f"Sociālais darbinieks: {BLANK}",
        }
        return shown[name]


def empty_plan_values(catalogue: Catalogue, day: dt.date, municipality: Municipality | None) -> CachedValues:
    """The cached values of a workbook with no plan lines, computed by the reference implementation."""
    params = Params.from_catalogue(catalogue, day)
    municipality_id = municipality.id if municipality else None
    lines: tuple = ()
    months = params.period_months_max
    available = needed_amount(lines)  # an empty plan: A = N = 0
    findings = check_plan(lines, params, period_start=day, months=months, available=available)
    return CachedValues(
        version=template_version(catalogue, day),
        municipality_name=party_names.shown_name(catalogue, municipality_id, "municipality", None),
        social_service=party_names.shown_name(catalogue, municipality_id, "social_service", None),
        hints={k.output: party_names.shown_hint(catalogue, municipality_id, k.kind, None) for k in party_names.KINDS},
        needed=needed_amount(lines),
        transport_share=transport_share(lines, available, params),
        paid_total=execution(lines, months).paid_total,
        errors=count(findings, Severity.error),
        warnings=count(findings, Severity.warning),
    )
