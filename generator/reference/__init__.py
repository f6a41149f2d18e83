"""The reference implementation of the IBM rules: pure functions, Decimal money, no I/O.

Every money amount a user sees is computed here (or mirrored from here by the workbook's
formulas); parameters come from ``Params.from_catalogue(catalogue, day)``.
Modules: params, provisional (stage 1), lines + plan (stage 2 and 4), rules (checks),
monthly (6.6/6.7/6.10), workbook (one child, everything the workbook shows), final_amounts
(stage 3), selection (choosing children), settlement (the municipality's costs).
"""
