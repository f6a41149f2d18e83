"""Latvian search normalisation: diacritic folding and a light suffix-stripping stemmer.

The site's search (mkdocs-material's lunr index, built in the browser from search/search_index.json)
normalises every index token and every query word with the same function; its JavaScript twin is
site/assets/javascripts/lunr/min/lunr.lv.min.js (tests/site/test_lvsearch.py proves both give the same
result on the catalogue's vocabulary).

``normalize(word)`` = lower case, fold diacritics (ā→a, č→c, ē→e, ģ→g, ī→i, ķ→k, ļ→l, ņ→n, š→s, ū→u,
ž→z: Unicode NFD without the combining marks U+0300–U+036F), then ``stem``.

``stem`` is our implementation of the published light stemmer for Latvian (K. Kreslins' algorithm as
reduced by J. Savoy and used in Lucene's Latvian analyser): it removes one noun or adjective
inflection ending, the longest listed one, when the word keeps enough vowels and at least three
letters, and after the endings of declensions II, V and VI it undoes the labial palatalisation
(``pj, bj, mj, vj`` → ``p, b, m, v``). We apply it to the folded word, so that a word typed without
diacritics (as many people type on a phone) gets the same stem as the written form: the published
ending list is therefore folded (``ām`` and ``am`` become one entry), and the palatalisation rules
that only swap a softened consonant for a plain one (``ņ``→``n``, ``šļ``→``sl`` …) are already done by
the folding. The one rule a folded word cannot see (``kš`` + ``u`` → ``kst``, as in rare genitive
plurals) is left out. The second declension's ``d`` – ``ž`` alternation (``brīdis`` – ``brīža``, ``briedis`` –
``brieža``) is ``d`` – ``z`` once folded, which no ending rule undoes: a stem that lost an ending and ends in ``z``
(not ``dz``) is written with ``d`` (``brīža`` → ``brid``, as ``brīdis``; audit32b F4: „atelpas brīža” did not find
the pages that write „brīdis”). Every form of a noun has an ending, so all of them meet, and a ``z`` stem's forms
meet too, only spelt with ``d`` (``bāze``, ``bāzes`` → ``bad``); a word typed in part keeps its letters while no
ending is taken off it. ``t`` – ``š`` is not joined so: folded ``š`` is ``s``, and ``s`` stems are many.
Words with a digit (service codes such as ``3.1.3``, amounts such as ``4,79``) are only
folded, and an amount's thousands spaces go (``3 000,00`` -> ``3000,00``).

``derive`` then joins the words a reader takes for one (D321): a profession and its field or service
(``logopēds`` – ``logopēdija``, ``ergoterapeits`` – ``ergoterapija``, ``pedagogs`` – ``pedagoģija``), a
person and the help (``asistents`` – ``asistence``), a doer and the deed (``aprūpētājs`` – ``aprūpe``): after the
ending is gone one derivational suffix of a stem goes too, when at least four letters stay – ``ij`` (a noun in
``-ija``, ``-ijs``; not a verb's past ``-īja``: ``parādīja`` stays apart from ``parāds``), ``ātāj``/``ētāj``
(``-ātājs``, ``-ētājs``; also when the stemmer took ``-ājam``, ``-ājas`` … for a definite adjective's ending, as
``ā`` shows), and ``enc`` becomes ``ent``. A therapy is its therapist: ``terapij`` becomes ``terapeit`` (not the
other way round: the search's one typing error is counted against the index's terms, and „ergoterapets” is one
error from ``ergoterapeit``, two from a shorter ``ergoterap``). Suffixes that would join unrelated words are left
out: ``ist`` (``speciālists`` with ``speciālais``, the verbs ``atpazīst``, ``saista``), ``otāj`` (``veidotājs``
with ``veids``, ``lietotājs`` with ``lieta``). A stem of three letters keeps its suffix (``kopija`` stays apart
from ``kopa``, ``sesija`` from ``seši``).
"""

from __future__ import annotations

import re
import unicodedata

# (ending, vowels the word must have more than, palatalising), longest first as in the published list.
ENDINGS: tuple[tuple[str, int, bool], ...] = (
    ("ajiem", 3, False), ("ajai", 3, False), ("ajam", 2, False), ("ajos", 2, False), ("ajas", 2, False),
    ("iem", 2, True), ("aja", 2, False), ("ais", 2, False), ("ai", 2, False), ("ei", 2, False),
    ("am", 1, False), ("em", 1, False), ("im", 1, False), ("um", 1, False), ("us", 1, True),
    ("as", 1, False), ("es", 1, False), ("os", 1, True), ("ij", 1, False), ("is", 1, False),
    ("ie", 1, False), ("u", 1, True), ("a", 1, True), ("i", 1, True), ("e", 1, False), ("o", 1, False),
    ("s", 0, False),
)
# (derivational suffix of a stem, what it becomes), checked in this order (see derive).
# (derivational suffix of a stem, what it becomes, letters the stem keeps before it at least), checked in this order.
DERIVATIONS: tuple[tuple[str, str, int], ...] = (
    ("terapij", "terapeit", 0), ("ij", "", 4), ("etaj", "", 4), ("ataj", "", 4), ("enc", "ent", 4),
)
VOWELS = frozenset("aeiou")
LABIALS = frozenset("pbmv")


def fold(word: str) -> str:
    """Lower case without diacritics: 'Ģimenēm' -> 'gimenem'."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")


def stem(word: str) -> str:
    """The stem of a folded, lower-case word (see the module docstring)."""
    vowels = sum(1 for ch in word if ch in VOWELS)
    for ending, vc, palatalising in ENDINGS:
        if vowels > vc and len(word) >= len(ending) + 3 and word.endswith(ending):
            word = word[: -len(ending)]
            if palatalising and len(word) >= 2 and word[-1] == "j" and word[-2] in LABIALS:
                word = word[:-1]
            return word[:-1] + "d" if word.endswith("z") and not word.endswith("dz") else word
    return word


def derive(term: str, word: str) -> str:
    """The root of a stem ``term`` of ``word`` (as written) without its derivational suffix (see the module
    docstring): 'ergoterapij' -> 'ergoterap', 'asistenc' -> 'asistent'; a verb's 'īj' stays ('parādīja')."""
    written = unicodedata.normalize("NFC", word.lower())
    letters = len(written) == len(fold(word))  # one character a letter, as in the folded word: positions agree
    for suffix, becomes, root in DERIVATIONS:
        if term.endswith(suffix) and len(term) - len(suffix) >= root:
            if suffix == "ij" and letters and written[len(term) - 2] == "\u012b":  # a verb's past -īja
                return term
            return term[: -len(suffix)] + becomes
    # a doer whose ending the stemmer took for a definite adjective's ("aprūpētājam": "ajam" -> "aprupet"); written
    # with "ā": "aprēķinātajam" is an adjective
    if term[-2:] in ("at", "et") and len(term) - 2 >= 4 and letters and written[len(term) : len(term) + 2] == "\u0101j":
        return term[:-2]
    return term


def normalize(word: str) -> str:
    """The search term of one word: folded, and stemmed and derived unless it contains a digit; a number's thousands
    spaces go ('3\u00a0000,00' -> '3000,00': the index keeps it as one token, see the separator in mkdocs.yml)."""
    folded = fold(word)
    if any("0" <= ch <= "9" for ch in folded):
        return re.sub(r"\s+", "", folded)
    return derive(stem(folded), word)


WORD = re.compile(r"[^\W_]+(?:\.\d+)*")


def _has_digit(term: str) -> bool:
    return any("0" <= ch <= "9" for ch in term)


def title_terms(title: str) -> list[str]:
    """The normalised words of a page title without codes ('3.1.3 Logopēds' -> ['logoped'])."""
    return [t for t in (normalize(w) for w in WORD.findall(title)) if not _has_digit(t)]


def title_codes(title: str) -> list[str]:
    """The codes of a title: its words with a digit, normalised ('D257 – 6.11. tabula' -> ['d257', '6.11']). The
    search script (lunr.lv.min.js, titleCodes) reads a section heading's codes the same way."""
    return [t for t in (normalize(w) for w in WORD.findall(title)) if _has_digit(t)]


def title_label(title: str) -> str | None:
    """The code a title starts with, normalised ('3.1.3 Logopēds' -> '3.1.3', 'D257 – …' -> 'd257'); None when its
    first word has no digit ('Cenu vēsture: 2. joma'). The search script's twin is titleLabel."""
    first = WORD.search(title)
    term = normalize(first.group(0)) if first else ""
    return term if _has_digit(term) else None
