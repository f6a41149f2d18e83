"""Reading one YAML file while remembering the line of every key, so errors can name it."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue.problems import CatalogueError, Problem

Loc = tuple[str | int, ...]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # LibYAML (C) when built in: ~5× faster
    """SafeLoader (C parser when available) that keeps dates as plain strings for pydantic and records node lines."""


# Dates stay strings: pydantic parses them and reports a wrong one with its field name.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _float_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # Money must stay exact: keep the written digits and let pydantic make a Decimal of them.
    return loader.construct_scalar(node)  # type: ignore[return-value]


_LineLoader.add_constructor("tag:yaml.org,2002:float", _float_as_text)


@dataclass
class YamlFile:
    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known key on the path ``loc`` (1-based)."""
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in self.lines:
                return self.lines[loc[:cut]]
        return 1


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], loader: _LineLoader) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise CatalogueError(
                    [Problem(None, key_node.start_mark.line + 1, str(key), "atslēga atkārtojas", "katru atslēgu vienreiz")]
                )
            lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, (*loc, key), lines, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*loc, i), lines, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


# PyYAML's problem texts (English) and what they mean, in Latvian; the start of the text is matched.
SYNTAX_PROBLEMS_LV = (
    ("mapping values are not allowed", "kols (atslēga: vērtība) šeit nav atļauts – vai vērtībā ar kolu "
                                            "trūkst pēdiņu, vai nepareiza atkāpe"),
    ("could not find expected ':'", "nav atrasts gaidītais kols ':' pēc atslēgas"),
    ("found character '\\t' that cannot start any token", "tabulācijas zīme nav atļauta – atkāpei lietojiet atstarpes"),
    ("found character", "šo rakstzīmi šeit nevar lietot (ielieciet vērtību pēdiņās)"),
    ("found unexpected end of stream", "fails beidzas negaidīti – nav aizvērtas pēdiņas vai iekavas"),
    ("did not find expected key", "nav atrasta gaidītā atslēga – pārbaudiet atkāpi"),
    ("did not find expected '-' indicator", "nav atrasts gaidītais saraksta elements '-' – pārbaudiet atkāpi"),
    ("did not find expected node content", "trūkst vērtības"),
    ("did not find expected comment or line break", "pēc vērtības rindas beigās ir lieks teksts"),
    ("expected ',' or ']'", "sarakstā [...] gaidīts ',' vai ']'"),
    ("expected ',' or '}'", "vārdnīcā {...} gaidīts ',' vai '}'"),
    ("expected <block end>", "nepareiza atkāpe – rinda neatbilst iepriekšējo rindu atkāpēm"),
    ("expected a comment or a line break", "rindas beigās ir lieks teksts"),
    ("found undefined alias", "nedefinēta atsauce (*nosaukums)"),
    ("found unknown escape character", "nezināma atsoļa zīme (\\…) pēdiņās"),
    ("found unexpected ':'", "negaidīts kols ':' (ielieciet vērtību pēdiņās)"),
    ("found duplicate anchor", "atkārtots enkurs (&nosaukums)"),
)


def syntax_problem_lv(problem: str) -> str:
    """PyYAML's problem text in Latvian (never the English text itself)."""
    problem = problem.removeprefix("did not find ").replace("find expected", "expected")
    for start, latvian in SYNTAX_PROBLEMS_LV:
        if problem.startswith(start.removeprefix("did not find ")):
            return latvian
    return "nederīga YAML struktūra (pārbaudiet atkāpes, kolus un pēdiņas)"


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def read_yaml(path: Path) -> YamlFile:
    """Parse ``path``; a syntax or encoding error becomes a CatalogueError naming file and line."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            [Problem(path, line, "-", f"fails nav UTF-8 kodējumā (baits 0x{path.read_bytes()[exc.start]:02x})", "UTF-8")]
        ) from None
    known = _PARSED.get(text)
    if known is not None:
        return YamlFile(path, pickle.loads(known[0]), dict(known[1]))
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise CatalogueError([Problem(path, 1, "-", "fails ir tukšs", "YAML vārdnīca")])
        lines: dict[Loc, int] = {}
        try:
            data = _walk(node, (), lines, loader)
        except CatalogueError as exc:
            raise CatalogueError([p.with_path(path) for p in exc.problems]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        where = f"{line}. rinda, {mark.column + 1}. kolonna" if mark is not None else "vieta nav zināma"
        what = syntax_problem_lv(getattr(exc, "problem", None) or "")
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":  # libyaml does not name the character
            what = syntax_problem_lv("found character '\\t' that cannot start any token")
        raise CatalogueError([Problem(path, line, "-", f"YAML sintakses kļūda ({where}): {what}",
                                      "derīgs YAML")]) from None
    finally:
        loader.dispose()
    if len(_PARSED) >= _PARSED_MAX:  # a bound, not a policy: start again (one call, safe beside another thread)
        _PARSED.clear()
    _PARSED[text] = (pickle.dumps(data, pickle.HIGHEST_PROTOCOL), dict(lines))
    return YamlFile(path, data, lines)


# The parse of each text already read in this process (LibYAML and the line walk are ~90 % of a catalogue load; the
# tests and the site build load the same files many times): the same text gives the same data and lines, whatever
# the file's path. Only a text that parsed without a problem is kept, pickled: each caller gets its own copy of the
# data (one C call, shared anchors stay shared as in a parse).
_PARSED: dict[str, tuple[bytes, dict[Loc, int]]] = {}
_PARSED_MAX = 1024
