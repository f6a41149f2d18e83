"""The Latvian search normalisation (generator/site/lvsearch.py): folding, the light stemmer on the
catalogue's vocabulary, and the JavaScript twin in the browser giving the same result on every word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.site import paths
from generator.site.lvsearch import fold, normalize, stem, title_terms
from tests.site.browsing import Visit, browser_test

LUNR_LV = paths.SITE_SOURCES / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js"
WORD = re.compile(r"[^\W\d_]{2,}")


def catalogue_vocabulary(root: Path = DEFAULT_CATALOGUE) -> list[str]:
    """Every distinct word (letters only, lower case) of the catalogue's YAML and Markdown files."""
    words: set[str] = set()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".md") and path.is_file():
            words.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8")))
    return sorted(words)


def test_fold_removes_latvian_diacritics() -> None:
    assert fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž") == "acegiklnsuz acegiklnsuz"
    assert fold("Logopēds") == "logopeds"


# Forms that must meet: nominative, genitive, dative, locative, plural, typed with or without diacritics.
SAME_STEM = [
    ("ģimene", "ģimenes", "ģimenei", "ģimenē", "ģimenēm", "gimenes", "gimenem"),
    ("asistents", "asistenta", "asistentam", "asistenti", "asistentu", "asistentiem"),
    ("transports", "transporta", "transportam", "transportā", "transporti"),
    ("logopēds", "logopeds", "logopēda", "logopēdam", "logopēdi", "logopedu"),
    ("bērns", "bērna", "bērnam", "bērni", "bērniem", "berniem", "bērnu"),
    ("pakalpojums", "pakalpojuma", "pakalpojumi", "pakalpojumu", "pakalpojumiem", "pakalpojumā"),
    ("centrs", "centra", "centrā", "centri", "centriem"),
    ("aprūpe", "aprūpes", "aprupes", "aprūpei", "aprūpē"),
    ("matrica", "matricas", "matricā", "matricai", "matricām"),
    ("terapija", "terapijas", "terapijai", "terapijā"),
    ("specializētā", "specializētais", "specializetais", "specializētās"),
    # the d – ž alternation of the second declension (audit32b F4: „atelpas brīža” missed the price pages)
    ("brīdis", "brīža", "brīžu", "brīdim", "brīdī", "brīžiem", "bridis", "briza"),
    ("bāze", "bāzes", "bāzei", "bāzē", "bazes"),  # a z stem meets itself (spelt with d)
]


@pytest.mark.parametrize("forms", SAME_STEM, ids=lambda forms: forms[0])
def test_inflected_forms_share_one_search_term(forms: tuple[str, ...]) -> None:
    assert len({normalize(f) for f in forms}) == 1, {f: normalize(f) for f in forms}


def test_stemmer_keeps_short_words_and_enough_of_a_stem() -> None:
    assert stem("un") == "un"  # too short for any ending
    assert stem("ar") == "ar"
    assert stem("kas") == "kas"  # three letters: "as" would leave one
    assert stem("logs") == "log"  # "s" needs no vowel count
    assert normalize("Labklājības") == "labklajib"
    assert stem("zivju") == "ziv"  # labial + j before a palatalising ending ("u"): the j goes too
    assert stem("zivis") == "ziv"
    assert stem("kopijas") == "kopij"  # "as" does not palatalise: the j stays
    assert stem("pieredzes") == "pieredz"  # dz is no z of the d – ž alternation
    assert stem("baz") == "baz" and stem("uz") == "uz"  # no ending taken off: the letters stay (a word typed in part)


def test_codes_are_only_folded() -> None:
    assert normalize("3.1.3") == "3.1.3"
    assert normalize("2025") == "2025"
    assert normalize("4,79") == "4,79"
    # an amount the index keeps whole (mkdocs.yml separator) loses its thousands space, as the query does
    assert normalize("3\u00a0000,00") == "3000,00"
    assert title_terms("3.1.3 Logopēds") == ["logoped"]
    assert title_terms("1.3 Ģimenes asistents") == ["gimen", "asistent"]


def test_vocabulary_is_the_catalogues() -> None:
    words = catalogue_vocabulary()
    assert len(words) > 2000
    assert {"ģimenes", "logopēds", "transporta", "asistents"} <= set(words)


@browser_test
def test_javascript_normalises_every_catalogue_word_like_python(visit: Visit) -> None:
    visit.open("index.html")
    words = catalogue_vocabulary() + ["3.1.3", "Ģimenēm", "ĀČĒĢĪĶĻŅŠŪŽ", "zivju", "kopijas", "brīža", "brīdim", "pieredzes", "bāz"]
    in_js = visit.page.evaluate("words => words.map(w => window.ibmLatvian.normalize(w))", words)
    different = {w: (normalize(w), js) for w, js in zip(words, in_js, strict=True) if normalize(w) != js}
    assert different == {}
    assert visit.page.evaluate("q => window.ibmLatvian.normalizeQuery(q)", "Ģimenes asistents 3.1.3*") \
        == "gimen asistent 3.1.3*"
    queries = {"3 000": "3000", "1 234,56": "1234,56", "2018 2019": "2018 2019", "5.11": "5.11 5,11",
               "4,79": "4,79", "3.1.3": "3.1.3", "3.15.2": "3.15.2", "18.05.2021": "18.05.2021",
               "pavadonis 5.11 EUR": "pavadon 5.11 5,11 eur"}
    in_js = visit.page.evaluate("qs => qs.map(q => window.ibmLatvian.normalizeQuery(q))", list(queries))
    assert dict(zip(queries, in_js, strict=True)) == queries
    assert visit.page.evaluate("w => window.ibmLatvian.normalize(w)", "3\u00a0000,00") == normalize("3\u00a0000,00")
    assert LUNR_LV.is_file()


@browser_test
def test_rerank_counts_a_title_without_its_question_words(visit: Visit) -> None:
    """review28 F10: a page keyword written as a question ("cik ilgs ir plāns") is as whole a title for the query
    as one without question words; „kādēļ” is a question word like „kāpēc”."""
    visit.open("index.html")

    def page(location: str, *titles: list[str]) -> list[dict]:
        return [{"location": location, "title": location, "text": "", "nosaukums": list(titles)}]

    groups = [page("b.html", ["plan", "ilg", "atbalst"]), page("a.html", ["cik", "ilg", "ir", "plan"])]
    for query in ("cik ilgs plāns", "kādēļ ilgs plāns", "kamdēļ ilgs plāns", "ko ilgs plāns", "plāns ilgs"):
        ranked = visit.page.evaluate("([g, q]) => window.ibmLatvian.rerank(g, q, []).map(r => r[0].location)",
                                     [groups, query])
        assert ranked == ["a.html", "b.html"], (query, ranked)
    assert "kadel" not in visit.page.evaluate("q => window.ibmLatvian.typoQuery(q, true)", "kādēļ vajadzīgs plāns")
