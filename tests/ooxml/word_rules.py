"""Word's rules for a docx package beyond the ECMA-376 schemas: references between the parts that the schemas
cannot see (a broken one makes Word drop the numbering or style, or report unreadable content).

Sources:
- [OI] Microsoft, "[MS-OI29500]: Office Implementation Information for ISO/IEC 29500": Word limits a
  bookmark name to 40 characters (§ bookmarkStart) and requires every w:num to name an existing
  w:abstractNum (§ num), https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/.
- ECMA-376 Part 1, §17.4.48 (gridCol) and §17.4.17 (gridSpan): a row's cells, with their spans and the
  grid units before and after the row, cover the table grid's columns; otherwise Word rebuilds the grid on
  opening and the columns no longer have the widths that the file gives them.
- ECMA-376 Part 1, §17.7.4.17 (pStyle) and §17.9.18 (numId): a paragraph's style and numbering instance
  refer to a style in styles.xml and a w:num in numbering.xml.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from tests.ooxml.schemas import WML

MAX_BOOKMARK = 40


def _w(tag: str) -> str:
    return f"{{{WML}}}{tag}"


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(_w("val"), default)


def _table_problems(body: etree._Element, where: str) -> list[str]:
    problems = []
    for t, table in enumerate(body.iter(_w("tbl"))):
        grid = table.find(_w("tblGrid"))
        columns = len(grid.findall(_w("gridCol"))) if grid is not None else 0
        for r, row in enumerate(table.findall(_w("tr"))):
            pr = row.find(_w("trPr"))
            before = int(_val(pr.find(_w("gridBefore")) if pr is not None else None, "0"))
            after = int(_val(pr.find(_w("gridAfter")) if pr is not None else None, "0"))
            spans = sum(int(_val(c.find(f"{_w('tcPr')}/{_w('gridSpan')}"), "1")) for c in row.findall(_w("tc")))
            if before + spans + after != columns:
                problems.append(f"{where}: tabula {t + 1} rinda {r + 1} aizņem {before + spans + after} režģa "
                                f"kolonnas, režģī ir {columns}")
    return problems


def check_docx(path: Path) -> list[str]:
    """Every rule above for the document at ``path``; an empty list means none is broken."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        styles = etree.fromstring(zf.read("word/styles.xml")) if "word/styles.xml" in names else None
        numbering = etree.fromstring(zf.read("word/numbering.xml")) if "word/numbering.xml" in names else None
        stories = {n: etree.fromstring(zf.read(n)) for n in sorted(names)
                   if n == "word/document.xml" or (n.startswith("word/") and n.rsplit("/", 1)[-1].startswith(
                       ("header", "footer")) and n.endswith(".xml"))}
    problems: list[str] = []
    style_ids = {s.get(_w("styleId")): s.get(_w("type")) for s in styles.iter(_w("style"))} if styles is not None \
        else {}
    abstract = {a.get(_w("abstractNumId")) for a in numbering.iter(_w("abstractNum"))} if numbering is not None \
        else set()
    nums = {}
    if numbering is not None:
        for num in numbering.iter(_w("num")):
            nums[num.get(_w("numId"))] = _val(num.find(_w("abstractNumId")))
            if nums[num.get(_w("numId"))] not in abstract:
                problems.append(f"numbering.xml: w:num {num.get(_w('numId'))} norāda uz neesošu w:abstractNum")
    for part, root in stories.items():
        for tag, kind in (("pStyle", "paragraph"), ("rStyle", "character"), ("tblStyle", "table")):
            for ref in root.iter(_w(tag)):
                if style_ids.get(_val(ref)) != kind:
                    problems.append(f"{part}: w:{tag} {_val(ref)!r} nav {kind} stils styles.xml")
        for ref in root.iter(_w("numId")):
            if _val(ref) != "0" and _val(ref) not in nums:
                problems.append(f"{part}: w:numId {_val(ref)} nav numbering.xml")
        starts = {b.get(_w("id")): b.get(_w("name")) for b in root.iter(_w("bookmarkStart"))}
        ends = {b.get(_w("id")) for b in root.iter(_w("bookmarkEnd"))}
        for bid, name in starts.items():
            if len(name or "") > MAX_BOOKMARK:
                problems.append(f"{part}: grāmatzīmes nosaukums garāks par {MAX_BOOKMARK} rakstzīmēm: {name}")
            if bid not in ends:
                problems.append(f"{part}: grāmatzīmei {name} nav beigu")
        problems += _table_problems(root, part)
    return problems
