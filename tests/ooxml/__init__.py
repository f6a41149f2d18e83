"""Checks that a package we write (xlsx, docx) is Office Open XML that Excel and Word open without repair:
every XML part against the ECMA-376 transitional schemas (tests/data/ooxml-schemas/), the package's own
structure, and the Excel rules that the schemas leave out."""
