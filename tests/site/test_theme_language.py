"""The site's interface strings are the installed theme's Latvian ones with only a few of ours
(site/overrides/partials/languages/custom.html): a string the theme adds or rewords reaches the site by itself, and
none of ours is for a key the theme no longer has. Read through the Jinja environment mkdocs builds the site with,
as the theme's templates read them (partials/language.html)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import material

from generator.site import paths

THEME = Path(material.__file__).parent / "templates"
LANGUAGES = Path("partials") / "languages"
OURS = paths.SITE_SOURCES / "overrides" / LANGUAGES / "custom.html"
ENTRY = re.compile(r'^\s*"([\w.]+)": "(.*)",?$', re.M)


def entries(text: str) -> dict[str, str]:
    """The key -> string entries of a theme language file (or of our override's dictionary)."""
    return dict(ENTRY.findall(text))


def theme_language() -> str:
    text = paths.MKDOCS_YML.read_text(encoding="utf-8")
    found = re.search(r"^theme:\n(?:  .*\n|\s*\n)*?  language: (\S+)$", text, re.M)
    assert found, "theme.language in mkdocs.yml"
    return found.group(1)


def translate(theme_files: dict[str, str] | None = None) -> jinja2.Template:
    """partials/language.html as mkdocs renders it: our overrides first, then the theme (``theme_files``: theme
    files replaced, by path, as a newer theme would have them)."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(paths.SITE_SOURCES / "overrides")]
    if theme_files:
        loaders.append(jinja2.DictLoader(theme_files))
    loaders.append(jinja2.FileSystemLoader(THEME))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True)
    return env.get_template("partials/language.html", globals={"config": {"theme": {"language": theme_language()}}})


def test_our_strings_are_for_keys_the_theme_has() -> None:
    theme = entries((THEME / LANGUAGES / "lv.html").read_text(encoding="utf-8"))
    ours = entries(OURS.read_text(encoding="utf-8"))
    assert len(theme) > 40 and ours
    assert sorted(set(ours) - set(theme)) == []  # a key the theme renamed or dropped: our string would be dead
    assert [k for k in ours if ours[k] == theme[k]] == []  # ours only where the site words it differently


def test_every_theme_string_reaches_the_site() -> None:
    """Each key of the theme's Latvian file gives our string where we have one and the theme's otherwise."""
    theme = entries((THEME / LANGUAGES / "lv.html").read_text(encoding="utf-8"))
    ours = entries(OURS.read_text(encoding="utf-8"))
    t = translate().module.t
    wrong = {k: str(t(k)) for k in theme if str(t(k)) != ours.get(k, theme[k])}
    assert wrong == {}
    assert str(t("language")) == "lv"  # the pages' <html lang>
    assert str(t("search.result.more.other")) == "vēl # šajā lapā"


def test_a_key_a_newer_theme_adds_is_on_the_site() -> None:
    """A newer theme whose Latvian file has a key ours lacks (and a reworded string): the site shows the theme's.
    A full copy of the theme's file in our overrides fails here, showing the key itself."""
    lv = (THEME / LANGUAGES / "lv.html").read_text(encoding="utf-8")
    assert '  "toc": "Satura rādītājs",' in lv
    newer = lv.replace('  "toc": "Satura rādītājs",',
                       '  "toc": "Lapas saturs",\n  "toc.newer": "Jauna tēmas virkne",')
    t = translate({str(LANGUAGES / "lv.html"): newer}).module.t
    assert str(t("toc.newer")) == "Jauna tēmas virkne"
    assert str(t("toc")) == "Lapas saturs"
    assert str(t("search.result.more.one")) == "vēl 1 šajā lapā"

