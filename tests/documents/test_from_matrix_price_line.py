"""The first line while a price the providers' IB shares rest on is unconfirmed (D294, signing.price_line): one price
or several, one provider or a list of them – a list of 21 is many, not a numeral's singular."""

from __future__ import annotations

from types import SimpleNamespace

from generator.documents.from_matrix import signing


def _child(labels: list[str], providers: int) -> SimpleNamespace:
    lines = [SimpleNamespace(label=label, confirmed=False) for label in labels]
    waiting = [SimpleNamespace(pending=True, funded=True, own=False, number=n, file_part=str(n))
               for n in range(1, providers + 1)]
    return SimpleNamespace(not_eligible=False, ib_on_base=False, providers=waiting, by_priority=lines)


def test_one_price_and_one_provider_are_singular() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis"], 1)) or ""
    assert line.startswith("Cena nav apstiprināta (2.1 Pavadonis): no tās atkarīga sniedzēja Nr. 1 daļa no IB, "
                           "tāpēc līgums ar sniedzēju un garantijas vēstule (02-ligums-ar-sniedzeju-1, "), line
    assert "kad Labklājības ministrija cenu apstiprina" in line and line.endswith("ar apstiprināto cenu"), line


def test_two_prices_are_plural() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis", "2.2 Asistents"], 1)) or ""
    assert line.startswith("Cenas nav apstiprinātas (2.1 Pavadonis, 2.2 Asistents): no tām atkarīga sniedzēja Nr. 1 "
                           "daļa no IB"), line
    assert "kad Labklājības ministrija cenas apstiprina" in line and line.endswith("ar apstiprinātajām cenām"), line


def test_twenty_one_providers_are_many() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis"], 21)) or ""
    numbers = ", ".join(str(n) for n in range(1, 22))
    assert f"no tās atkarīgas sniedzēju Nr. {numbers} daļas no IB, tāpēc līgumi ar sniedzējiem un garantijas " \
           "vēstules (" in line, line
