"""The open data's reuse terms (catalogue/open-data-licence.yaml, D183, D188): which licence, whether it is decided,
and on what source – catalogue data, so that the ministry's decision is written without a change to the code.

The sentences around these values (LASIMANI.txt, the downloads page) are generator/opendata/licence.py's. While the
ministry has not chosen, ``status`` is „jāprecizē” and ``licence`` is the proposal; once it has, ``status`` is
„apstiprināts”, ``licence`` the chosen one and ``decided`` the day of its decision, named in ``source``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from generator.catalogue.models import PriceStatus, SafeText, Strict

FILE_NAME = "open-data-licence.yaml"
HTTPS_PATTERN = r"^https://\S+$"


class Licence(Strict):
    name: SafeText = Field(description="Licences nosaukums ar saīsinājumu, piem. „Creative Commons Attribution 4.0 "
                                       "(CC BY 4.0)”")
    url: str = Field(pattern=HTTPS_PATTERN, description="Licences teksts (https adrese), ja var – latviski")


class OpenDataLicence(Strict):
    status: PriceStatus = Field(description="„jāprecizē”: ministrija licenci vēl nav izvēlējusies, „licence” ir "
                                            "priekšlikums; „apstiprināts”: „licence” ir ministrijas izvēlētā")
    licence: Licence
    practice: SafeText | None = Field(default=None, description="Kāda licence ir ierasta (priekšlikuma pamatojums); "
                                                                 "rāda, kamēr statuss ir „jāprecizē”")
    decided: dt.date | None = Field(default=None, description="Ministrijas lēmuma datums (statusam „apstiprināts”)")
    source: SafeText = Field(description="Avots: ministrijas lēmums vai (kamēr tā nav) projekta lēmums, piem. "
                                         "„D183”")
    decision: str = Field(pattern=r"^D[0-9]+$", description="Projekta lēmums, kas licences jautājumu apraksta")

    @model_validator(mode="after")
    def _decided_has_a_day(self) -> OpenDataLicence:
        if self.status is PriceStatus.confirmed and self.decided is None:
            raise ValueError("apstiprinātai licencei vajag ministrijas lēmuma datumu (decided)")
        if self.status is PriceStatus.to_verify and self.decided is not None:
            raise ValueError("licence ar statusu „jāprecizē” nav izlemta: decided neraksta, kamēr status nav "
                             "„apstiprināts”")
        return self
