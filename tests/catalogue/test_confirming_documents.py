"""D310: a value the ministry confirms names its document – a confirmed B (the grant decision prints its source as the
ministry's confirmation) and any value that confirms an earlier „jāprecizē” one at the same figures
(confirmation.value_confirms); `ibm check` refuses one whose source has no document number and date."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.confirming_documents import EXPECTED, missing
from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity
from generator.cli import main

B_ENTRY = "      status: jāprecizē\n"  # the pilot's only B entry ends so (programme.yaml)
REDUCTION = "prices/grupu-nodarbibu-transporta-samazinajums.yaml"
LM_DOCUMENT = "Labklājības ministrijas 2027. gada 24. februāra rīkojums Nr. 45 (izdomāts testam)"


def _confirm_base(root: Path, source: str) -> int:
    """B confirmed at the same amount from 01.03.2027 with ``source``; the line of the new entry's source."""
    path = root / "programme.yaml"
    text = path.read_text("utf-8")
    assert text.count(B_ENTRY) >= 1
    head, tail = text.split(B_ENTRY, 1)
    value = head.rsplit("value: ", 1)[1].split("\n", 1)[0]
    entry = (f"    - effective_from: 2027-03-01\n      value: {value}\n      source: \"{source}\"\n"
             "      status: apstiprināts\n")
    path.write_text(head + B_ENTRY + entry + tail, "utf-8")
    return (head + B_ENTRY).count("\n") + 3


def _confirm_reduction(root: Path, source: str) -> int:
    """The group sessions' transport part (0,00 EUR, „jāprecizē”) confirmed at the same amount; its source's line."""
    path = root / REDUCTION
    text = path.read_text("utf-8")
    entry = (f"  - effective_from: 2027-03-01\n    kind: ceiling\n    amount: 0.00\n    source: \"{source}\"\n"
             "    status: apstiprināts\n")
    path.write_text(text + entry, "utf-8")
    return text.count("\n") + 4


def _errors(root: Path) -> list[str]:
    _, problems = load_catalogue(root)
    return [p.format(root) for p in problems if p.severity is Severity.error]


@pytest.mark.parametrize("source", ["Rekonstruēts: testam", "Metodika L1071", "LM rīkojums Nr. 45",
                                    "LM rīkojums, 24.02.2027"])
def test_a_confirmed_base_without_a_document_is_refused(catalogue_copy: Path, source: str) -> None:
    line = _confirm_base(catalogue_copy, source)
    errors = _errors(catalogue_copy)
    lacks = missing(source)
    assert lacks is not None
    expected = (f"catalogue/programme.yaml:{line}: base_amount.values 2. ieraksts, source: „Bāzes apmērs vienam "
                "bērnam periodā (B)” vērtība no 01.03.2027 apstiprina iepriekšējo „jāprecizē” vērtību ar tiem "
                f"pašiem skaitļiem, bet avotā nav dokumenta {lacks} (gaidīts: {EXPECTED})")
    assert errors == [expected], errors


def test_a_confirmed_base_naming_its_document_passes(catalogue_copy: Path) -> None:
    _confirm_base(catalogue_copy, LM_DOCUMENT)
    _confirm_reduction(catalogue_copy, "Labklājības ministrijas vēstule Nr. 1-12/345, 24.02.2027 (izdomāta)")
    assert _errors(catalogue_copy) == []


def test_a_first_base_entry_confirmed_is_printed_so_needs_a_document_too(catalogue_copy: Path) -> None:
    """Not a confirmation of an earlier entry, but the grant decision prints a confirmed B's source as LM's."""
    path = catalogue_copy / "programme.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(B_ENTRY, "      status: apstiprināts\n", 1), "utf-8")
    errors = _errors(catalogue_copy)
    assert len(errors) == 1 and "base_amount.values 1. ieraksts, source:" in errors[0] and \
        "ir „apstiprināts”, un lēmums par IB piešķiršanu tā avotu drukā kā Labklājības ministrijas apstiprinājumu" \
        in errors[0], errors


def test_a_price_confirming_its_unconfirmed_figure_names_a_document(catalogue_copy: Path) -> None:
    line = _confirm_reduction(catalogue_copy, "Testa dati: tā pati vērtība apstiprināta")
    errors = _errors(catalogue_copy)
    assert errors == [f"catalogue/{REDUCTION}:{line}: values 2. ieraksts, source: „Klienta transporta daļa, ko "
                      "atskaita no grupu nodarbības maksimālās cenas” vērtība no 01.03.2027 apstiprina iepriekšējo "
                      "„jāprecizē” vērtību ar tiem pašiem skaitļiem, bet avotā nav dokumenta numura („Nr. …”) un "
                      f"datuma (gaidīts: {EXPECTED})"], errors


def test_another_figure_confirmed_is_a_new_value_not_a_confirmation(catalogue_copy: Path) -> None:
    """A price confirmed at another amount confirms nothing earlier (a real change, with its own legal source)."""
    path = catalogue_copy / REDUCTION
    path.write_text(path.read_text("utf-8") + "  - effective_from: 2027-03-01\n    kind: ceiling\n    amount: 1.50\n"
                    "    source: \"Testa dati\"\n    status: apstiprināts\n", "utf-8")
    assert _errors(catalogue_copy) == []


def test_ibm_check_refuses_it_with_status_1(catalogue_copy: Path) -> None:
    line = _confirm_base(catalogue_copy, "Tests")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    assert f"programme.yaml:{line}: base_amount.values 2. ieraksts, source:" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("source", "lacks"), [
    ("Labklājības ministrijas 2027. gada 24. februāra rīkojums Nr. 45", None),
    ("LM vēstule Nr. 1-12/345, 24.02.2027", None),
    ("LM vēstule Nr.1-12/345 no 4.2.2027.", None),
    ("Rekonstruēts (8. pielikums avotā nav dots): D1", "numura („Nr. …”) un datuma"),
    ("LM rīkojums Nr. 45", "datuma"),
    ("LM rīkojums, 2027. gada 24. februārī", "numura („Nr. …”) un datuma"),
    ("LM 24.02.2027 rīkojums", "numura („Nr. …”)"),
])
def test_what_names_a_document(source: str, lacks: str | None) -> None:
    assert missing(source) == lacks


@pytest.mark.parametrize(("source", "said"), [
    ("Labklājības ministrijas vēstule Nr. 1-12/401, 31.02.2027", "dokumenta datums „31.02.2027” nav kalendāra diena"),
    ("Labklājības ministrijas 2027. gada 30. februāra rīkojums Nr. 45",
     "dokumenta datums „2027. gada 30. februāra” nav kalendāra diena"),
    ("Rekonstruēts Nr. 5, 01.01.2019", "ir rekonstrukcija vai metodikas atsauce, nevis Labklājības ministrijas dokuments"),
])
def test_an_impossible_date_or_a_reconstruction_is_no_document(catalogue_copy: Path, source: str, said: str) -> None:
    """A number and a date in the text are not enough: the date must be a calendar day, and a reconstruction is no
    ministry's document (`ibm check` names the file, the line and the entry)."""
    line = _confirm_base(catalogue_copy, source)
    errors = _errors(catalogue_copy)
    assert errors == [f"catalogue/programme.yaml:{line}: base_amount.values 2. ieraksts, source: „Bāzes apmērs vienam "
                      "bērnam periodā (B)” vērtība no 01.03.2027 apstiprina iepriekšējo „jāprecizē” vērtību ar tiem "
                      f"pašiem skaitļiem, bet avotā {said} (gaidīts: {EXPECTED})"], errors


def _confirmed_price(root: Path, source: str) -> int:
    """A new confirmed ceiling of 2.1 from 01.01.2027 at another figure (no confirmation of an earlier one) with
    ``source``; the line of its source."""
    path = root / "prices" / "2.1.yaml"
    text = path.read_text("utf-8")
    path.write_text(text + f"  - effective_from: 2027-01-01\n    kind: ceiling\n    amount: 5.10\n"
                           f"    source: \"{source}\"\n    status: apstiprināts\n", "utf-8")
    return text.count("\n") + 4


@pytest.mark.parametrize("source", ["Labklājības ministrijas 4. decembra vēstule", "LM vēstule, 04.12.2026",
                                    "Ministrijas vēstule Nr. 1-2/3 (izdomāta)"])
def test_a_confirmed_price_citing_the_ministry_names_its_document(catalogue_copy: Path, source: str) -> None:
    """D352: the signed price annexes print a confirmed price's source as the source of a confirmed figure; one that
    cites the ministry names its document as D310 asks (its number and date), not only a confirmation."""
    line = _confirmed_price(catalogue_copy, source)
    lacks = missing(source)
    assert lacks is not None
    assert _errors(catalogue_copy) == [
        f"catalogue/prices/2.1.yaml:{line}: values 5. ieraksts, source: „Pavadoņa pakalpojums (stunda)” vērtība no "
        "01.01.2027 ir „apstiprināts” un atsaucas uz Labklājības ministriju, un parakstāmie cenu pielikumi to drukā "
        f"kā apstiprinātā skaitļa avotu, bet avotā nav dokumenta {lacks} (gaidīts: {EXPECTED})"]


@pytest.mark.parametrize("source", [LM_DOCUMENT, "Testa dati: izdomāta cena", "MK 18.05.2021 noteikumi Nr. 316",
                                    "DI vienas vienības izmaksu standarta likmju metodika; metodika L1695",
                                    "Veselības ministrijas 2026. gada cenrādis (izdomāts)",
                                    "Metodika L1071 (LM)"])
def test_a_confirmed_price_citing_no_ministry_or_its_document_passes(catalogue_copy: Path, source: str) -> None:
    """D352's scope: a source naming no ministry (the methodology, a regulation, test data) is not asked for one –
    as the real catalogue's confirmed group ceiling cites the methodology."""
    _confirmed_price(catalogue_copy, source)
    assert _errors(catalogue_copy) == []
