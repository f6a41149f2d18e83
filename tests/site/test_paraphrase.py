"""The methodology pages paraphrase the seeds: no run of 12 words of a page (or of the data files whose
text the pages show) equals a run of a seed document. Page sources are checked without their Jinja2
expressions, whose output is catalogue data (official service names, numbers), and without short
„…” quotations, which are marked citations (titles, a slogan), not prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE
from tests.site.seed_text import (
    FINGERPRINT,
    RUN,
    copied_runs,
    digests_of,
    fingerprint_of,
    seed_texts,
    seeds_folder,
    stored_digests,
    words,
)

METHODOLOGY = DEFAULT_CATALOGUE / "metodika"
TEXT_FILES = sorted(p for p in METHODOLOGY.iterdir() if p.suffix in (".md", ".yaml"))


@pytest.fixture(scope="module")
def seed_digests() -> set[bytes]:
    folder = seeds_folder()
    return digests_of(seed_texts(folder)) if folder is not None else stored_digests()


def test_stored_fingerprint_matches_the_seeds() -> None:
    folder = seeds_folder()
    if folder is None:
        pytest.skip("the seed documents are not on this machine; the stored fingerprint is used")
    assert FINGERPRINT.read_bytes() == fingerprint_of(seed_texts(folder)), \
        "tests/site/data/seed-12grams.bin is stale: python -m tests.site.seed_text SEEDS_FOLDER"


def test_a_copied_sentence_is_found_and_a_paraphrase_is_not(seed_digests: set[bytes]) -> None:
    copied = ("IBM mērķa grupa ir bērni ar funkcionāliem traucējumiem, kuriem VDEĀVK ir noteikusi invaliditāti, "
              "viņu likumiskie pārstāvji vai audžuģimenes.")
    assert copied_runs(copied, seed_digests), "a sentence of the seed must be reported"
    # one word changed in the middle of a 17-word sentence leaves no 12 equal words in a row
    altered = copied.replace("noteikusi", "piešķīrusi")
    assert copied_runs(altered, seed_digests) == []
    paraphrase = ("Modelis ir domāts bērniem ar VDEĀVK noteiktu invaliditāti un viņu vecākiem, aizbildņiem vai "
                  "audžuģimenēm.")
    assert copied_runs(paraphrase, seed_digests) == []


def test_a_marked_short_quotation_is_a_citation_but_an_unmarked_one_is_a_copy(seed_digests: set[bytes]) -> None:
    slogan = "Cilvēkam ir tiesības lemt par savu dzīvi arī tad, ja lēmuma pieņemšanai nepieciešams atbalsts!"
    assert copied_runs(f"Projekta vadmotīvs: {slogan}", seed_digests), "a news-page sentence must be reported"
    assert copied_runs(f"Projekta vadmotīvs: „{slogan}”.", seed_digests) == []


def test_words_ignore_template_expressions_and_numbers() -> None:
    assert words("Ir {{ skaitli.di_komandas }} komandas un 1 811 bērni {% if x %}un{% endif %}.") == \
        ["ir", "komandas", "un", "bērni", "un"]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_no_page_repeats_twelve_words_of_the_seed(path: Path, seed_digests: set[bytes]) -> None:
    found = copied_runs(path.read_text(encoding="utf-8"), seed_digests)
    assert found == [], f"{path.name}: {len(found)} runs of {RUN} words equal the seed, e.g. „{found[0]}”"
