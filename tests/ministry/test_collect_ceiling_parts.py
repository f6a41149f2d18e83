"""A group session's ceiling already „jāprecizē” on the matrix's prices day for its client transport part, whose
ceiling price itself stood confirmed then and is withdrawn at the same amount before the collection (D302): the
summary's sheet „Neapstiprināti griesti” names the withdrawn part and the day, as its header promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.lvformat import date as lv_date
from generator.ministry.collect import Options, collect
from generator.ministry.final_status import ceiling_warnings
from tests.ministry.test_collect_status_both_ways import KEY, _folder
from tests.plan_changes_catalogue import GROUP_CHANGE, changes_catalogue

WITHDRAWN = GROUP_CHANGE + dt.timedelta(days=20)


def _ceiling_withdrawn(target: Path) -> Catalogue:
    """changes_catalogue with the group ceiling of GROUP_CHANGE „jāprecizē” again at the same amount on WITHDRAWN."""
    changes_catalogue(target)
    path = target / "prices" / "grupu-nodarbibu-griesti.yaml"
    text = path.read_text("utf-8")
    amount = text.rsplit("amount: ", 1)[1].split("\n", 1)[0]  # GROUP_CHANGE's own figure, the file's last
    path.write_text(text + f"  - effective_from: {WITHDRAWN.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                           '    source: "Testa dati: griesti atkal jāprecizē"\n    status: jāprecizē\n', "utf-8")
    return load_or_raise(target)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_withdrawn_part_of_an_unconfirmed_ceiling_is_named_with_its_day(tmp_path: Path) -> None:
    changed, matrices = _folder(tmp_path, _ceiling_withdrawn, GROUP_CHANGE, GROUP_CHANGE, ("3.1.3g",), months=1)
    name = changed.price_by_id["grupu-nodarbibu-griesti"].name_lv
    before = collect(matrices, changed, KEY, Options(jobs=1, day=WITHDRAWN - dt.timedelta(days=1)))
    assert not before.refused, before.refused
    said = [f.message for r in before.records for f in ceiling_warnings(r)]
    assert said and all("katalogā vēl jāprecizē" in m and name not in m for m in said), said
    # D358: the part open on the matrix's day, the client transport part – not a regulated or contract price
    assert all("(katalogā vēl jāprecizē klienta transporta daļa, ko atskaita no grupu nodarbības augstākās cenas)" in m
               and "normatīvajā aktā" not in m for m in said), said
    after = collect(matrices, changed, KEY, Options(jobs=1, day=WITHDRAWN))
    said = [f.message for r in after.records for f in ceiling_warnings(r)]
    assert said and all(f"„{name}” statuss matricas cenu dienā bija „apstiprināts”, bet katalogā ar to pašu apmēru "
                        f"no {lv_date(WITHDRAWN)} tas atkal ir „jāprecizē”" in m for m in said), said
