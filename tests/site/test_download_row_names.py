"""A matrix row of the downloads page names its municipality once (D360): the row's label and its link text give the
same name – the one confirmed for the matrix's prices day (D189). The matrix file's own title names the name in force
that day even while it is „jāprecizē”; in a later round (after Jelgava's post-reform candidate name takes effect) the
link said „Jelgavas valstspilsētas pašvaldība” beside the row's confirmed „Jelgavas pilsētas pašvaldība”.

The test catalogue is a copy of the real one with a fictional later children's round ``berni-2022``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site import downloads
from generator.site.other_pages import render_downloads
from generator.workbook import render
from generator.workbook.writer import matrix_title
from tests.round_yaml import add_holiday_years, children_round_entry
from tests.site.conftest import write_xlsx

D = dt.date
LATER = ("berni-2022", "Testa kārta bērniem pēc reformas (izdomāta)", D(2022, 1, 1), D(2022, 12, 31))
BUILD_DAY = D(2022, 3, 1)
ROW = re.compile(r"^\| ([^|]+?) \| \[(.+?) \(XLSX, cenas uz [\d.]+\)\]\(lejupielades/matrica/([^)]+)\)", re.M)


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    target = tmp_path_factory.mktemp("velaka") / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + children_round_entry(
        LATER[0], LATER[1], LATER[2], LATER[3], municipalities=("jelgava", "liepaja")), "utf-8")
    add_holiday_years(target, 2022)
    return load_or_raise(target)


def test_a_matrix_rows_label_and_link_name_one_municipality_alike(later: Catalogue, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)
    for issue in render.issues(later):
        names = issue.file_names()
        write_xlsx(tmp_path / render.FOLDER / names[0], matrix_title(None))
        for municipality_id, name in zip(issue.municipality_ids, names[1:], strict=True):
            # the title as the workbook writer gives it: the name in force on the prices day (D189)
            write_xlsx(tmp_path / render.FOLDER / name, matrix_title(later.name_on(municipality_id, issue.day)))
    jelgava_in_force = later.name_on("jelgava", LATER[2])
    confirmed = later.confirmed_name_on("jelgava", LATER[2])
    assert jelgava_in_force != confirmed  # the case: a „jāprecizē” name in force on the later round's prices day
    page = render_downloads(later, downloads.collect(later, tmp_path))
    rows = ROW.findall(page)
    assert any(file == "ibm-matrica-jelgava.xlsx" for _, _, file in rows), page
    for label, link, file in rows:
        if label == downloads.GENERIC:
            assert link == matrix_title(None), (label, link)
        else:
            assert link == matrix_title(label), (file, label, link)
    jelgava = next(line for line in page.splitlines() if "(lejupielades/matrica/ibm-matrica-jelgava.xlsx)" in line)
    assert jelgava.startswith(f"| {confirmed} |") and jelgava_in_force not in jelgava, jelgava
