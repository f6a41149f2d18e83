"""The methodology's page order: catalogue/metodika/nav.yaml, read with line numbers and checked.

Format (agreed with the methodology authors)::

    - {fails: merkis-un-principi.md, virsraksts: Mērķis un principi}
    - {sadala: Process, lapas: [{fails: izvertesana.md, virsraksts: Izvērtēšana}, ...]}

Without nav.yaml every page is listed in file-name order under the title of its first ``# `` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue.problems import CatalogueError, Problem
from generator.catalogue.yamlfile import YamlFile, read_yaml

FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")


@dataclass(frozen=True)
class NavPage:
    file: str  # relative to catalogue/metodika/
    title: str


@dataclass(frozen=True)
class NavSection:
    title: str
    items: tuple[NavPage | NavSection, ...]


NavItem = NavPage | NavSection


def pages(items: tuple[NavItem, ...] | list[NavItem]) -> list[NavPage]:
    """Every page of a navigation tree, in order."""
    result: list[NavPage] = []
    for item in items:
        result.extend(pages(item.items) if isinstance(item, NavSection) else [item])
    return result


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _items(yf: YamlFile, data: Any, loc: tuple[Any, ...], folder: Path, problems: list[Problem]) -> list[NavItem]:
    field = ".".join(str(x) for x in loc) or "-"
    if not isinstance(data, list):
        problems.append(Problem(yf.path, yf.line_of(loc), field, "nav saraksts", "saraksts ar {fails, virsraksts} "
                                "vai {sadala, lapas} ierakstiem"))
        return []
    items: list[NavItem] = []
    for i, entry in enumerate(data):
        where = (*loc, i)
        name = ".".join(str(x) for x in where)
        line = yf.line_of(where)
        if not isinstance(entry, dict):
            problems.append(Problem(yf.path, line, name, "ieraksts nav vārdnīca", "{fails: lapa.md, virsraksts: …}"))
            continue
        keys = set(entry)
        if keys == {"fails", "virsraksts"}:
            file, title = entry["fails"], entry["virsraksts"]
            if not _text(title):
                problems.append(Problem(yf.path, line, f"{name}.virsraksts", "tukšs virsraksts", "lapas virsraksts"))
            if not (isinstance(file, str) and FILE_NAME.match(file)):
                problems.append(Problem(yf.path, line, f"{name}.fails", f"nederīgs faila nosaukums „{file}”",
                                        "mazie burti, cipari un '-', beigās .md, piem. atbalsta-plans.md"))
            elif not (folder / file).is_file():
                problems.append(Problem(yf.path, line, f"{name}.fails", f"fails {file} nav atrasts",
                                        f"esošs fails mapē {folder.name}/"))
            else:
                items.append(NavPage(file, str(title).strip()))
        elif keys == {"sadala", "lapas"}:
            if not _text(entry["sadala"]):
                problems.append(Problem(yf.path, line, f"{name}.sadala", "tukšs sadaļas nosaukums", "nosaukums"))
            children = _items(yf, entry["lapas"], (*where, "lapas"), folder, problems)
            items.append(NavSection(str(entry["sadala"]).strip(), tuple(children)))
        else:
            problems.append(Problem(yf.path, line, name, f"nezināmas atslēgas {sorted(keys)}",
                                    "{fails, virsraksts} vai {sadala, lapas}"))
    return items


def _front_matter_split(markdown: str) -> tuple[list[str], list[str]]:
    """A page's lines as (its leading front matter block between "---" lines, without them; the rest)."""
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if end is not None:
            return lines[1:end], lines[end + 1:]
    return [], lines


def markdown_title(markdown: str) -> str | None:
    """A page's title: its first "# " heading after the front matter (whose YAML comments also start with "# ":
    review28 F1)."""
    for line in _front_matter_split(markdown)[1]:
        if line.startswith("# "):
            return line[2:].strip()
    return None


def first_heading(path: Path) -> str | None:
    return markdown_title(path.read_text(encoding="utf-8"))


def front_matter(markdown: str) -> dict:
    """A page's leading front matter block ("---" lines around YAML), {} without one."""
    block = _front_matter_split(markdown)[0]
    data = yaml.safe_load("\n".join(block)) if block else None
    return data if isinstance(data, dict) else {}


def background_titles(folder: Path) -> list[str]:
    """The titles of the methodology pages the search shows after the others (front matter ``search: boost`` below
    1; search_index.page_weight), in file order: the about page names them from here (review28 F8)."""
    titles = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        search = front_matter(text).get("search")
        if isinstance(search, dict) and float(search.get("boost", 1)) < 1:
            titles.append(markdown_title(text) or path.stem)
    return titles


def read_nav(folder: Path, page_files: list[str]) -> list[NavItem]:
    """The navigation of the methodology pages in ``folder``; problems raise CatalogueError."""
    path = folder / "nav.yaml"
    if not path.is_file():
        return [NavPage(f, first_heading(folder / f) or f.removesuffix(".md")) for f in sorted(page_files)]
    yf = read_yaml(path)
    problems: list[Problem] = []
    items = _items(yf, yf.data, (), folder, problems)
    seen: set[str] = set()
    for page in pages(items):
        if page.file in seen:
            problems.append(Problem(path, 1, page.file, "lapa navigācijā minēta divreiz", "katru lapu vienreiz"))
        seen.add(page.file)
    if problems:
        raise CatalogueError(problems)
    return items
