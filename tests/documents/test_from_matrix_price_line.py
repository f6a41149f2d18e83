"""The first line while a price the providers' IB shares rest on is unconfirmed (D294, signing.price_line): one price
or several, one provider or a list of them – a list of 21 is many, not a numeral's singular; a line without a price
is the matrix's „nav sniedzēja cenas”, to be typed in 6.8, not a price the ministry confirms (D313)."""

from __future__ import annotations

from types import SimpleNamespace

from generator.documents.from_matrix import signing


def _child(labels: list[str], providers: int, unpriced: tuple[str, ...] = ()) -> SimpleNamespace:
    lines = [SimpleNamespace(label=label, confirmed=False, priced=label not in unpriced) for label in labels]
    # each provider's line: its IB share waits for the open prices (signing.awaited_inputs, D379)
    waiting = [SimpleNamespace(pending=True, funded=True, own=False, number=n, file_part=str(n),
                               lines=[SimpleNamespace(confirmed=True, ib_confirmed=False)])
               for n in range(1, providers + 1)]
    return SimpleNamespace(not_eligible=False, ib_on_base=False, providers=waiting, by_priority=lines,
                           available_known=True, period="01.10.2026–31.12.2026")


def test_one_price_and_one_provider_are_singular() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis"], 1)) or ""
    assert line.startswith("Cena nav apstiprināta (2.1 Pavadonis): no tās atkarīga sniedzēja Nr. 1 daļa no IB, "
                           "tāpēc līgums ar sniedzēju un garantijas vēstule (02-ligums-ar-sniedzeju-1, "), line
    assert "kad Labklājības ministrija apstiprina cenu, kas ir spēkā plāna periodā 01.10.2026–31.12.2026 (" in line \
        and line.endswith("ar apstiprināto cenu"), line


def test_two_prices_are_plural() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis", "2.2 Asistents"], 1)) or ""
    assert line.startswith("Cenas nav apstiprinātas (2.1 Pavadonis, 2.2 Asistents): no tām atkarīga sniedzēja Nr. 1 "
                           "daļa no IB"), line
    assert "kad Labklājības ministrija apstiprina cenas, kas ir spēkā plāna periodā 01.10.2026–31.12.2026 (" in line \
        and "; vēlāku dienu cenas uz šo plānu neattiecas)" in line and line.endswith("ar apstiprinātajām cenām"), line


def test_twenty_one_providers_are_many() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis"], 21)) or ""
    numbers = ", ".join(str(n) for n in range(1, 22))
    assert f"no tās atkarīgas sniedzēju Nr. {numbers} daļas no IB, tāpēc līgumi ar sniedzējiem un garantijas " \
           "vēstules (" in line, line


def test_a_line_without_a_price_waits_for_the_providers_price() -> None:
    line = signing.price_line(_child(["2.1 Pavadonis"], 1, unpriced=("2.1 Pavadonis",))) or ""
    assert line.startswith("Nav sniedzēja cenas (2.1 Pavadonis): no tās atkarīga sniedzēja Nr. 1 daļa no IB, "), line
    assert line.endswith("ierakstiet sniedzēja cenu matricas 6.8. tabulā un izveidojiet dokumentus vēlreiz no "
                         "matricas") and "ministrija" not in line, line
    both = signing.price_line(_child(["2.1 Pavadonis", "2.2 Asistents"], 1, unpriced=("2.2 Asistents",))) or ""
    assert both.startswith("Cena nav apstiprināta (2.1 Pavadonis) un nav sniedzēja cenas (2.2 Asistents): no tām "
                           "atkarīga sniedzēja Nr. 1 daļa no IB"), both
