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
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from tests.round_yaml import catalogue_with_rounds

D = dt.date
RUNNING = ("berni-2020", "Testa kārta bērniem, kas vēl notiek (izdomāta)", D(2020, 1, 1), D(2020, 12, 31))
NEWEST = ("berni-2021", "Testa kārta bērniem ar cenu maiņu (izdomāta)", D(2021, 1, 1), D(2021, 6, 30))
PRICE_CHANGE = D(2021, 4, 1)
BUILD_DAY = D(2020, 12, 1)
AFTER_RUNNING = D(2021, 1, 1)  # berni-2020 has ended, berni-2021 runs
ROUND_MUNICIPALITIES = ("liepaja", "valmiera")  # tests/round_yaml.py


def open_rounds_catalogue(folder: Path) -> Catalogue:
    return catalogue_with_rounds(folder, (RUNNING, NEWEST), ((PRICE_CHANGE, "3300.00"),))
