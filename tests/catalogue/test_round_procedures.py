"""The pilot's procedures are round data (rounds.yaml `procedures`, D135): confirmed for the children's pilot from
the methodology, validated with Latvian messages – a confirmed block says yes or no to each procedure, a block
`jāprecizē` says neither."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.catalogue.models import PROCEDURE_FIELDS, PriceStatus
from generator.changes.calendar import PROCEDURE_LABELS, round_changes
from generator.cli import main


def test_the_childrens_pilot_confirms_its_procedures(catalogue: Catalogue) -> None:
    procedures = catalogue.round_by_id["berni-2018"].procedures
    assert procedures is not None and procedures.status is PriceStatus.confirmed
    assert all(getattr(procedures, name) is True for name in PROCEDURE_FIELDS)
    assert "metodika" in procedures.source
    adults = catalogue.round_by_id["pieaugusie-2019"].procedures
    assert adults is not None and adults.status is PriceStatus.to_verify


def _check(catalogue_copy: Path, old: str, new: str) -> str:
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "rounds.yaml:" in result.output and "rounds." in result.output, result.output
    return result.output


def test_a_confirmed_block_answers_every_procedure(catalogue_copy: Path) -> None:
    output = _check(catalogue_copy, "      ftp_server: true\n", "")
    assert "apstiprinātām kārtas procedūrām katrai vajag vērtību true vai false; trūkst: ftp_server" in output


def test_a_block_to_verify_states_none(catalogue_copy: Path) -> None:
    output = _check(catalogue_copy, "      source: \"Avotos nav dots: metodika (seeds/002) apraksta tikai bērnu "
                                    "izmēģinājumprojektu\"\n",
                    "      source: \"Izdomāts testam\"\n      esf_questionnaire: true\n")
    assert "kārtas procedūras ar statusu „jāprecizē” nedrīkst norādīt" in output and "esf_questionnaire" in output


def test_an_unknown_procedure_is_refused(catalogue_copy: Path) -> None:
    output = _check(catalogue_copy, "      ftp_server: true\n", "      ftp_serveris: true\n")
    assert "procedures.ftp_serveris: nezināms lauks" in output


def test_a_changed_procedure_is_a_round_change(catalogue: Catalogue, catalogue_copy: Path) -> None:
    """`ibm changes` lists the round's procedures (D135) with their own source, each in words."""
    assert set(PROCEDURE_LABELS) == set(PROCEDURE_FIELDS)
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8").replace("      ftp_server: true\n", "      ftp_server: false\n", 1), "utf-8")
    changed, _ = load_catalogue(catalogue_copy)
    assert changed is not None
    (change,) = round_changes(catalogue, changed)
    assert (change.round_id, change.what) == ("berni-2018", "izmēģinājumprojekta procedūras")
    assert "projekta serveris" in change.old and "projekta serveris" not in change.new
    assert change.new.startswith("apstiprināts: LM projekta komandas atlase") and change.source.startswith("metodika")
