"""The eleven-sheet "IBM matrica" workbook (6.pielikums): generated from the catalogue, read by name.

Modules: layout (where every table and defined name lives), styles (cell formats), texts (fixed
Latvian labels), formulas (small helpers for spreadsheet formulas), sheets/* (one module per
sheet), writer (builds one workbook), names (reads and fills a workbook through its defined
names), inputs (a child's plan written into a workbook by name), render (the `ibm build` step),
command (`ibm matrix`).
"""
