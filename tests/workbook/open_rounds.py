"""A test catalogue whose build day falls while two children's rounds are still open (D85), and a matrix download
folder as the build leaves it for that day.

The catalogue copy adds to the real one (fictional test data):

* ``berni-2020`` – services 01.01.2020–31.12.2020, still running on the build day BUILD_DAY;
* ``berni-2021`` – services 01.01.2021–30.06.2021, the newest round (the default matrix); the base amount B changes
  on 01.04.2021 (PRICE_CHANGE), so its round has a second issue day (the catalogue's own next change, 01.07.2021,
  is after its services).

Years whose holidays the catalogue lists, so that `ibm check` accepts the rounds.

On BUILD_DAY the pilot round ``berni-2018`` has long ended: its matrices are not built any more.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from tests.lm_document import LM_DOCUMENT
from tests.round_yaml import children_round_entry

D = dt.date
RUNNING = ("berni-2020", "Testa kārta bērniem, kas vēl notiek (izdomāta)", D(2020, 1, 1), D(2020, 12, 31))
NEWEST = ("berni-2021", "Testa kārta bērniem ar cenu maiņu (izdomāta)", D(2021, 1, 1), D(2021, 6, 30))
PRICE_CHANGE = D(2021, 4, 1)
BUILD_DAY = D(2020, 12, 1)
AFTER_RUNNING = D(2021, 1, 1)  # berni-2020 has ended, berni-2021 runs
ROUND_MUNICIPALITIES = ("liepaja", "valmiera")  # tests/round_yaml.py


def open_rounds_catalogue(folder: Path) -> Catalogue:
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    text = rounds.read_text(encoding="utf-8")
    for round_id, name, start, end in (RUNNING, NEWEST):
        text += children_round_entry(round_id, name, start, end)
    rounds.write_text(text, encoding="utf-8")
    programme = target / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    assert text.count("\nrate_full:\n") == 1  # the base amount's values end where rate_full begins
    change = f'    - {{effective_from: {PRICE_CHANGE.isoformat()}, value: 3300.00, source: "{LM_DOCUMENT}"}}\n'
    programme.write_text(text.replace("\nrate_full:\n", "\n" + change + "rate_full:\n"), encoding="utf-8")
    return load_or_raise(target)
