"""The file properties of a report workbook (D52): the title from the output register, the author and company as
every file of the municipality names them (generator/file_author.py: the social service when its name is
confirmed for the workbook's date, else the toolkit), and the subject naming the form's owner, the Ministry of
Welfare, with the annexes of its methodology the workbook carries (catalogue/annexes.yaml)."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.annexes import annex_sort_key
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.file_author import FORM_OWNER, file_author


def annex_numbers(catalogue: Catalogue, output_id: str) -> str:
    """The methodology's annexes a workbook carries, e.g. "26., 28., 29. un 30."; empty when the register
    names none."""
    annexes = catalogue.annexes.for_output(output_id) if catalogue.annexes is not None else []
    numbers = [f"{a.number}." for a in sorted(annexes, key=lambda a: annex_sort_key(a.number))]
    return " un ".join(filter(None, [", ".join(numbers[:-1]), *numbers[-1:]]))


def report_subject(catalogue: Catalogue, output_id: str) -> str:
    """E.g. "Veidlapa pēc Labklājības ministrijas IBM metodikas 27. pielikuma (rekonstrukcija)"."""
    annexes = catalogue.annexes.for_output(output_id) if catalogue.annexes is not None else []
    numbers = annex_numbers(catalogue, output_id)
    subject = f"Veidlapa pēc {FORM_OWNER} {numbers} pielikuma" if numbers else f"Veidlapa pēc {FORM_OWNER}"
    return subject + (" (rekonstrukcija)" if any(a.reconstruction for a in annexes) else "")


def report_properties(catalogue: Catalogue, output_id: str, municipality: Municipality,
                      day: dt.date) -> dict[str, str]:
    """Title, subject, author and company of the report workbook ``output_id`` made for ``municipality`` and
    dated ``day`` (the day its headers name the municipality for, D43)."""
    author = file_author(catalogue, municipality, day)
    return {"title": REPORT_WORKBOOKS[output_id], "subject": report_subject(catalogue, output_id),
            "author": author, "company": author}
