"""
What a cell of the office's CSV or XLSX export may hold. The office opens both in a
spreadsheet, which runs a cell that starts like a formula (CSV injection) and cannot store
control characters in an XLSX (openpyxl refuses to write them): whatever a submission
holds, each cell is text, shown as it was sent.
"""

import re

# Starts of a cell a spreadsheet reads as a formula (OWASP, "CSV Injection"), with the
# full-width forms that spreadsheets in East Asian locales read the same way.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# What XML 1.0, and so XLSX, cannot hold, with DEL and the C1 controls besides: control
# characters other than tab and newline, lone surrogates and the noncharacters U+FFFE/F.
UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The most a cell holds in Excel.
MAX_CELL_LENGTH = 32_767


def spreadsheet_text(value):
    """``value`` as a cell that shows it: characters it cannot hold dropped, never a formula."""
    value = UNHOLDABLE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if value.startswith(FORMULA_STARTS):
        value = "'" + value  # the quote that tells a spreadsheet: text, not a formula
    return value[:MAX_CELL_LENGTH]
