"""Printable documents (contracts, forms, letters) as PDF and DOCX, and report templates as XLSX.

Flow: catalogue -> context (context.py) -> Jinja2 template (templates/dokumenti/) -> semantic HTML
(html.py) -> PDF (pdf_writer.py, WeasyPrint) and DOCX (docx_writer.py, python-docx from the same HTML).
"""
