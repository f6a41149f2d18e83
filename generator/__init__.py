"""IBM rīkkopa. Run as the `ibm` console script, Ctrl-C is handled in Latvian from the first instant (early_interrupt)."""

from generator import early_interrupt as _early

if _early.is_console_script():
    _early.install()  # before anything heavy is imported (audit27 F3)
