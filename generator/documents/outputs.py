"""Every output the documents step writes per municipality, by id: the documents (PDF + DOCX, registry.py)
and the report workbooks (XLSX, reports/). The annex register (catalogue/annexes.yaml) names outputs by
these ids; `ibm check` and the tests check both directions (no output without a register row, no row
pointing at nothing). This module is light on purpose: the catalogue check imports it."""

from __future__ import annotations

from generator.documents.registry import DOCUMENTS

# Report workbooks: id (the file stem) -> title (also the workbook's title property).
REPORT_WORKBOOKS: dict[str, str] = {
    "izdevumu-registrs-un-parskati": "IBM izdevumu reģistrs un pārskati",
    "sd-menesa-atskaite": "Sociālā darbinieka mēneša atskaite",
    "norekini-ar-pasvaldibu": "Norēķini ar pašvaldību par faktiskajām izmaksām",
    "kvalitates-anketas": "Kvalitātes aptaujas anketas un to kopsavilkums",
    "aptauju-registrs": "Aptaujas anketu reģistrs",
    "sniedzeju-saraksts": "Pakalpojumu sniedzēju saraksts un kvalifikācijas prasības",
}


def document_ids() -> list[str]:
    return [spec.id for spec in DOCUMENTS]


def output_ids() -> list[str]:
    return [*document_ids(), *REPORT_WORKBOOKS]


def output_files(output_id: str) -> list[str]:
    """The file names one output has in a municipality's folder (documents: PDF and DOCX)."""
    if output_id in REPORT_WORKBOOKS:
        return [f"{output_id}.xlsx"]
    if output_id in document_ids():
        return [f"{output_id}.pdf", f"{output_id}.docx"]
    raise KeyError(f"izvade „{output_id}” nav zināma (zināmās: {', '.join(output_ids())})")


def output_folder(output_id: str) -> str:
    """'dokumenti' or 'atskaites' (generator.documents.paths)."""
    from generator.documents.paths import DOCUMENTS as DOCS_FOLDER
    from generator.documents.paths import REPORTS

    return REPORTS if output_id in REPORT_WORKBOOKS else DOCS_FOLDER
