"""The result of one collection: the used children, the refused files, stale cached values and
stage 3 (the pool, its parts and every child's F) as the reference implementation computed it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.ministry.final_status import child_reason, child_status, own_provisional, provisional_why
from generator.ministry.records import ChildRecord, Refusal, StaleValue
from generator.reference.final_amounts import FinalAmounts

# how the warning on a --previous matrix with no payment in 6.10 goes on after its file (collect.unreported_previous):
# also on „Piezīmes par failiem”
UNREPORTED = "6.10. tabulā nav ievadīts neviens maksājums"


@dataclass
class Collection:
    catalogue_version: str
    records: list[ChildRecord]
    refused: list[Refusal]
    stale: list[StaleValue]
    finals: FinalAmounts
    envelope_note: str  # how the envelope was set (Latvian)
    previous_records: list[ChildRecord] = field(default_factory=list)
    previous_refused: list[Refusal] = field(default_factory=list)
    previous_folder: str | None = None
    # notes about used files (an older template, a byte-identical copy used once): on the console and in the
    # summary's sheet „Piezīmes par failiem” (audit21 F8, audit24 F26), files named as the console names them (console_names)
    notes: list[str] = field(default_factory=list)
    duplicates: int = 0  # byte-identical copies of a used file in this period's folder, each used once
    old_template: int = 0  # used matrices of this period filled into an older template version (`ibm migrate`)
    # the file each used child's values come from, as the console names it (console_names.shown_path): the
    # summary shows the same name, not a bare content hash (audit21 F6)
    shown: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # console warnings (e.g. a matrix in another's folder)
    period: str = ""  # the reporting period of every used matrix, "01.04.2019–30.09.2019" (D116)
    # its first and last day: the cash sheets show exactly its months (D143)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # a final amount F the ministry typed in a matrix (6.4) that differs from the one computed now (audit13 F14)
    final_differences: list[StaleValue] = field(default_factory=list)
    provisional: str | None = None  # why F and the funding are provisional (B unconfirmed, D117), else None
    # B „jāprecizē” on a matrix's prices day, confirmed at the same amount on the collection's day: from when (D296)
    base_confirmed: str | None = None
    envelope_given: bool = False  # the funding was given on the command line (--envelope), not B × children
    # the default funding rests on the B typed the same in every matrix, not the catalogue's (DefaultEnvelope)
    envelope_matrix_base: bool = False
    # why every F is provisional because some used matrix has rule errors (D268), else None
    errors_reason: str | None = None
    # Σ P above the default funding (matrices with another B typed, not all the same: D268), else None
    envelope_warning: str | None = None
    # the collected round as messages name it („…” (id), collected_round.round_named), and the sentence on its
    # envelope confirmed in rounds.yaml (collected_round.round_envelope_note), else None
    round_name: str | None = None
    round_envelope: str | None = None
    # the planned IB of the --previous matrices with no payment in 6.10, left out of the pool (collect.unreported_previous)
    unreported_planned: Decimal = Decimal(0)
    # the --previous period's last day when it had not ended on the collection's day (its 6.10 may still grow: a
    # warning, previous_period.running_warning), else None
    previous_running: dt.date | None = None

    @property
    def final_provisional(self) -> str | None:
        """Why no F of this collection is final (an unconfirmed B, D117; rule errors in a matrix, D268), else None."""
        return "; ".join(r for r in (self.provisional, self.errors_reason) if r) or None

    @property
    def sum_provisional(self) -> bool:
        """Σ F is provisional as soon as one F in it is: every F (final_provisional) or a child's own over an
        unconfirmed ceiling – also one withdrawn at the same figure (D330) – or with a line without a provider's price
        (D364). The console and the summary's Σ F row."""
        return bool(self.final_provisional) or any(own_provisional(r) for r in self.records)

    def status(self, record: ChildRecord) -> str:
        """The child's F status as its CSV row says it (final_status.child_status)."""
        return child_status(record, bool(self.final_provisional))

    @property
    def why_provisional(self) -> str:
        """Why every F is provisional, in short (final_status.provisional_why), or ""."""
        return provisional_why(bool(self.provisional), self.records, self.previous_records)

    def reason(self, record: ChildRecord) -> str:
        """Why the child's F is not final, as its CSV row's „iemesls” says it (final_status.child_reason)."""
        return child_reason(record, self.why_provisional)

    @property
    def envelope(self) -> Decimal:
        return self.finals.envelope

    @property
    def file_warnings(self) -> list[str]:
        """The warnings about a used file that no other sheet shows (a matrix in another municipality's folder): also
        on „Piezīmes par failiem”, which says it holds the console's notes (audit27b F4)."""
        # here: collect imports much of the package
        from generator.ministry.collect import PREVIOUS_ERRORS, UNCOUNTED_PAID
        from generator.ministry.previous_period import RUNNING
        from generator.ministry.reading import FOLDER_WARNING

        # and a used --previous matrix's rule errors, which no other sheet lists (audit33a F5), or its empty 6.10,
        # and the previous period still running on the collection's day; and payments the matrix's own total leaves
        # out, which the summary's paid figures count (D385)
        return [w for w in self.warnings if f": {FOLDER_WARNING}" in w or f": {PREVIOUS_ERRORS}" in w
                or f": {UNREPORTED}" in w or w.startswith(RUNNING) or f": {UNCOUNTED_PAID}" in w]
