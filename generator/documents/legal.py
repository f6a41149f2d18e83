"""Legal citations in documents, from catalogue/tiesibu-akti.yaml (decision D42).

A norm (or act) is printed as confirmed text only if the catalogue knows its act to be in force on the
document's day; otherwise the citation is a blank "______" with a superscript mark, and the block that cites
it prints a note saying which norm to write, where the catalogue's citation comes from and until when it is
proven. The sentence around a citation reads the same either way, because the blank stands for the whole
citation in the case the sentence needs. Templates never type an act's name or number.

The document's day is the build day, or the first day of the programme round it is made for when that round
has not started yet (decisions of a round are not taken before it starts); see ``terms.document_day``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.legal_acts import ActKind, Case, LegalAct, LegalActs, Norm
from generator.superscript import TO_SUPERSCRIPT

BLANK = "______"


def acts_in_force(catalogue: Catalogue, day: dt.date) -> list[str]:
    """The ids of the acts the catalogue knows to be in force on ``day`` (the incremental build's key)."""
    if catalogue.legal_acts is None:
        return []
    return [act.id for act in catalogue.legal_acts.acts if act.known_in_force_on(day)]


_SEED = re.compile(r"^002 L\d+(?:[–-]L?\d+)?(?:,\s*)?")


def readable_source(source: str) -> str:
    """A catalogue source as a signer reads it: the methodology's line numbers (002 L953) become "IBM metodika",
    keeping what a reader can find (a footnote's number); parts named twice are named once."""
    parts: list[str] = []
    for part in source.split(";"):
        part = part.strip()
        if _SEED.match(part):
            rest = _SEED.sub("", part)
            part = f"IBM metodika, {rest}" if rest else "IBM metodika"
        if part and part not in parts:
            parts.append(part)
    if "IBM metodika" in parts and any(p.startswith("IBM metodika, ") for p in parts):
        parts.remove("IBM metodika")
    return "; ".join(parts)


def _form(forms, case: str, what: str) -> str:  # noqa: ANN001 - CaseForms
    text = forms.get(Case(case))
    if text is None:
        raise KeyError(f"{what}: katalogā (tiesibu-akti.yaml) nav locījuma „{case}”")
    return text


class CitationNote(str):
    """A blank's note, beginning with its mark, that stays in the signed paper (where the value comes from), with
    ``instruction``: what the preparer checks, and where, that goes to the preparer's notes (D161, audit41 F1)."""

    instruction: str = ""

    def __new__(cls, text: str, instruction: str = "") -> CitationNote:
        note = super().__new__(cls, text)
        note.instruction = instruction
        return note


@dataclass
class Citations:
    """The citations of one document: each unconfirmed citation gets the next mark, and ``notes()`` returns the
    notes not yet printed. One object per rendered document (html.render makes a fresh one)."""

    acts: LegalActs
    day: dt.date
    # whether a blank's note cites where the catalogue has the norm from (the pilot's methodology) and until when it
    # is proven in force: only in the papers of a round whose rules are that methodology (audit19 F11, D135)
    provenance: bool = True
    _notes: list[CitationNote] = field(default_factory=list)
    _marks: dict[str, str] = field(default_factory=dict)
    _printed: int = 0

    def fresh(self) -> Citations:
        return Citations(self.acts, self.day, self.provenance)

    # --- what templates call -------------------------------------------------------------------------

    def norm(self, norm_id: str, case: str = "accusative") -> str:
        """One norm with its act, e.g. "Administratīvā procesa likuma 55. pantu", or a marked blank."""
        return self.norms([norm_id], case)

    def norms(self, norm_ids: list[str], case: str = "nominative") -> str:
        """Norms of one act joined by "un": "Administratīvā procesa likuma 76. panta otrā daļa un 79. panta pirmā
        daļa", or one marked blank for all of them."""
        pairs = [self.acts.norm(i) for i in norm_ids]
        act = pairs[0][0]
        if any(a.id != act.id for a, _ in pairs):
            raise ValueError(f"normas {norm_ids} nav no viena tiesību akta")
        parts = [_form(n.forms, case, n.id) for _, n in pairs]
        norms = [n for _, n in pairs]
        if act.known_in_force_on(self.day) and all(n.confirmed for n in norms):
            return f"{act.forms.genitive} {self._join(parts)}"
        return self._blank("+".join(norm_ids), self._norm_note(act, norms))

    def act(self, act_id: str, case: str = "accusative") -> str:
        """A whole act, e.g. "Administratīvā procesa likumā", or a marked blank."""
        act = self.acts.act(act_id)
        text = _form(act.forms, case, act.id)
        if act.known_in_force_on(self.day):
            return text
        return self._blank(act_id, self._act_note(act))

    def figure(self, figure: object) -> str:
        """A figure a person signs (figures.Figure): the confirmed figure, or its blank ("______ EUR") with the next
        mark, and a note saying where the confirmed figure comes from, numbered with the citations' notes: the
        DOCX makes every marked note a Word footnote (D171)."""
        note = getattr(figure, "note", None)
        if note is None:
            return str(figure)
        return self._blank(f"figure:{figure}:{note}", f"Tukšā vieta „{figure}”: {note}.", str(figure))

    def source(self, note: str, instruction: str, sources: Iterable[str]) -> str:
        """A price annex's source that the annex may not present as the one in force on the prices day (a signed
        page never says „jāprecizē”): a blank "______" with a mark, the same for every such row, and ``note`` saying
        where the confirmed source comes from, numbered with the citations' notes (a Word footnote in the DOCX,
        D171); ``instruction``, naming ``sources`` (the sources the catalogue names for those rows), is the preparer's
        (D337). The mark is the note's and the set of ``sources``: another set of sources in the same document (a
        second annex, or rows blanked apart) gets its own mark and instruction, never the first one's (D341)."""
        named = "\x1f".join(sorted(set(sources)))
        return self._blank(f"source:{note}:{named}", (note, instruction))

    def in_force(self, norm_id: str) -> bool:
        """Whether a norm is printed as confirmed text on the document's day: what a sentence says the norm sets
        (a term, a figure) may be printed as a fact only then; otherwise it is a blank too (D67). A norm whose
        number and wording the catalogue has not verified (status `jāprecizē`, D74) never is."""
        act, norm = self.acts.norm(norm_id)
        return norm.confirmed and act.known_in_force_on(self.day)

    def notes(self) -> list[CitationNote]:
        """The notes of the blanks cited since the last call, each beginning with its mark; a note's
        ``instruction`` is the preparer's (printed as a p.note.preparer after it)."""
        pending = self._notes[self._printed:]
        self._printed = len(self._notes)
        return pending

    # --- helpers -------------------------------------------------------------------------------------

    @staticmethod
    def _join(parts: list[str]) -> str:
        return lvformat.listed(parts)

    def _blank(self, key: str, note: str | tuple[str, str], blank: str = BLANK) -> str:
        if key not in self._marks:
            number = len(self._marks) + 1
            mark = str(number).translate(TO_SUPERSCRIPT)
            self._marks[key] = mark
            text, instruction = note if isinstance(note, tuple) else (note, "")
            # the instruction names the blank by its number written plainly: a superscript mark in the text is a
            # footnote reference in the DOCX (D171)
            self._notes.append(CitationNote(f"{mark} {text}",
                                            f"Tukšā vieta ar piezīmi Nr. {number}. {instruction}" if instruction else ""))
        return f"{blank}{self._marks[key]}"

    def _proof(self, act: LegalAct) -> str:
        until = act.known_until()
        if until is None:
            return "spēkā esamība katalogā nav pierādīta"
        return f"spēkā esamība katalogā pierādīta tikai par laiku, kas beidzās {lvformat.date(until)}"

    @staticmethod
    def _where(act: LegalAct, norms: list[Norm] | None = None) -> str:
        """What the lawyer checks, and where, instead of the blank's norms (or, without ``norms``, the act) that the
        note has just named: the text in force on the signing day, on the official site of the act's kind
        (audit28 F1) – a Latvian law or regulation in likumi.lv's consolidated version on that date, an EU
        regulation in EUR-Lex."""
        site = "eur-lex.europa.eu" if act.kind is ActKind.eu_regulation else "likumi.lv"
        if norms is None:
            return (f"Spēkā esošo aktu nosaka pašvaldības jurists: vietnē {site} pārbauda, vai minētais akts dokumenta "
                    "parakstīšanas dienā ir spēkā (redakcija uz šo datumu); ja tas aizstāts, ieraksta jauno aktu.")
        return (f"Spēkā esošo normu nosaka pašvaldības jurists: vietnē {site} atver šā akta redakciju, kas ir spēkā "
                "dokumenta parakstīšanas dienā (konsolidēto redakciju izvēlas pēc šā datuma), un pārbauda, vai minētā "
                "norma to nosaka; ja tā grozīta vai akts aizstāts, ieraksta spēkā esošo normu.")

    def _norm_note(self, act: LegalAct, norms: list[Norm]) -> tuple[str, str]:
        what = "; ".join(n.cited_for for n in norms)
        named = f"{act.forms.genitive} {self._join([n.forms.nominative for n in norms])}"
        sources = readable_source("; ".join(n.source for n in norms))
        # the instruction speaks of the "norma" (feminine), one or several – never "tās numurs" of a "pants" (audit45
        # F12)
        norm, which = (("minētā norma", "šīs normas numurs") if len(norms) == 1
                       else ("minētās normas", "šo normu numuri"))
        if all(n.confirmed for n in norms):
            proof = self._proof(act)
        else:
            proof = ("normas numurs, redakcija un spēkā esamība dokumenta dienā katalogā nav pārbaudīti oficiālajā "
                     "konsolidētajā tekstā")
        if not self.provenance:
            unchecked = ("" if all(n.confirmed for n in norms)
                         else f"; {which} un redakcija katalogā nav pārbaudīti oficiālajā konsolidētajā tekstā")
            return (f"Ieraksta normu, kas ir spēkā dokumenta parakstīšanas dienā un nosaka {what}.",
                    f"Katalogā {norm}: {named}{unchecked}. {self._where(act, norms)}")
        return (f"Ieraksta normu, kas ir spēkā dokumenta parakstīšanas dienā un nosaka {what}.",
                f"Avotā ({sources}) {norm}: {named}; {proof}. {self._where(act, norms)}")

    def _act_note(self, act: LegalAct) -> tuple[str, str]:
        what = f" un nosaka {act.cited_for}" if act.cited_for else ""
        if not self.provenance:
            return (f"Ieraksta tiesību aktu, kas ir spēkā dokumenta parakstīšanas dienā{what}.",
                    f"Katalogā minētais akts: {act.forms.nominative}. {self._where(act)}")
        return (f"Ieraksta tiesību aktu, kas ir spēkā dokumenta parakstīšanas dienā{what}.",
                f"Avotā ({readable_source(act.source)}) minētais akts: {act.forms.nominative}; {self._proof(act)}. "
                f"{self._where(act)}")


def citations(catalogue: Catalogue, day: dt.date, provenance: bool = True) -> Citations:
    if catalogue.legal_acts is None:
        raise LookupError("katalogā nav tiesību aktu saraksta (tiesibu-akti.yaml)")
    return Citations(catalogue.legal_acts, day, provenance)
