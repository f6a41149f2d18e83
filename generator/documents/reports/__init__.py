"""Report templates as XLSX with live formulas: BIP list (26), expense register (28), monthly cash flow (29),
quarterly report (30) in one workbook, and the social worker's monthly activity report (31)."""
