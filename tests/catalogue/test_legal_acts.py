"""catalogue/tiesibu-akti.yaml: the legal acts the documents cite, each with its validity and its proof (D42), and
the appeal body of municipalities.yaml. A broken file is refused with the file, line and field, like any other."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.legal_acts import Case
from generator.catalogue.loader import load_catalogue
from generator.catalogue.models import PriceStatus
from generator.catalogue.problems import Severity
from generator.cli import main

LEGAL = "tiesibu-akti.yaml"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "dokumenti"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _errors(root: Path) -> list:
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    return [p for p in problems if p.severity is Severity.error]


def test_every_act_and_norm_the_templates_cite_is_in_the_catalogue(catalogue: Catalogue) -> None:
    acts = catalogue.legal_acts
    assert acts is not None
    cited = set()
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text("utf-8")
        cited |= set(re.findall(r"tiesibas\.(?:norm|act)\(\"([a-z0-9-]+)\"", text))
        for group in re.findall(r"tiesibas\.norms\(\[([^\]]+)\]", text):
            cited |= set(re.findall(r"\"([a-z0-9-]+)\"", group))
    assert {"apl-55", "mk-288-5", "mk-288", "spspl-11", "apl-70-1", "apl-76-2", "apl-79-1", "vdar"} <= cited
    for ident in cited:
        try:
            acts.norm(ident)
        except KeyError:
            acts.act(ident)  # raises when neither


def test_mk_288_is_proven_in_force_only_in_the_pilots_decision_time(catalogue: Catalogue) -> None:
    act = catalogue.legal_acts.act("mk-288")
    # its end and its successor are not proven by the sources: they stay to be verified
    assert act.valid_to.status is PriceStatus.to_verify and act.valid_to.date is None
    assert act.valid_from.status is PriceStatus.to_verify
    pilot = catalogue.rounds_of("bērni")[0]
    assert act.known_in_force_on(pilot.start)
    assert act.known_in_force_on(pilot.services_start - dt.timedelta(days=1))
    assert not act.known_in_force_on(pilot.services_start)
    assert not act.known_in_force_on(dt.date(2026, 12, 1))
    norm = catalogue.legal_acts.norm("mk-288-5")[1]
    assert norm.punkts == "5" and "L953" in norm.source
    assert norm.forms.get(Case.accusative) == "5. punktu"


def test_an_act_confirmed_without_an_end_stays_in_force_until_the_catalogue_records_one(catalogue: Catalogue) -> None:
    apl = catalogue.legal_acts.act("apl")
    assert apl.valid_to.status is PriceStatus.confirmed and apl.valid_to.date is None
    assert apl.known_in_force_on(dt.date(2026, 12, 1))
    assert not apl.known_in_force_on(apl.valid_from.date - dt.timedelta(days=1))
    ended = apl.model_copy(update={"valid_to": apl.valid_to.model_copy(update={"date": dt.date(2030, 1, 1)})})
    assert ended.known_in_force_on(dt.date(2029, 12, 31)) and not ended.known_in_force_on(dt.date(2030, 1, 1))


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("      date: 2004-02-01\n      status: apstiprināts", "      date: null\n      status: apstiprināts",
     "acts.1.valid_from", "apstiprinātam spēkā stāšanās datumam vajag datumu"),
    ("      until: 2018-09-30\n      source: >-\n        Metodika (sagatavota",
     "      until: 2018-01-01\n      source: >-\n        Metodika (sagatavota", "acts.0.known_in_force", "ir pirms from"),
    ("forms: {nominative: 5. punkts, genitive: 5. punkta", "forms: {nominative: 6. punkts, genitive: 5. punkta",
     "acts.0.norms.0", "nesatur „5. punkt…”"),
    ("    kind: MK noteikumi", "    kind: MK rīkojums", "acts.0.kind", "nezināma vērtība „MK rīkojums”"),
    ("      - id: apl-70-1", "      - id: apl-55", "acts", "„apl-55” norādīts divreiz"),
])
def test_a_broken_legal_acts_file_names_file_line_and_field(catalogue_copy: Path, old: str, new: str, field: str,
                                                            message: str) -> None:
    _replace(catalogue_copy / LEGAL, old, new)
    errors = _errors(catalogue_copy)
    assert errors, "the broken file was accepted"
    problem = errors[0]
    assert problem.path.name == LEGAL and problem.field == field and message in problem.message, problem
    assert problem.line >= 1


def test_ibm_check_refuses_a_broken_legal_acts_file_in_latvian(catalogue_copy: Path) -> None:
    _replace(catalogue_copy / LEGAL, "    kind: likums", "    kind: likumprojekts")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1
    assert re.search(r"tiesibu-akti\.yaml:\d+: acts 2\. ieraksts, kind: nezināma vērtība „likumprojekts” \(gaidīts: .*likums",
                     result.output), result.output
    assert "Traceback" not in result.output


def test_an_older_catalogue_without_the_legal_acts_file_uses_the_toolkits_own(catalogue_copy: Path) -> None:
    (catalogue_copy / LEGAL).unlink()
    # a copy of the catalogue is not the toolkit's own folder: it falls back to the toolkit's file, with a warning
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None and catalogue.legal_acts is not None
    assert any(p.path.name == LEGAL and p.severity is Severity.warning for p in problems)


def test_an_appeal_body_needs_its_case_forms(catalogue_copy: Path) -> None:
    path = catalogue_copy / "municipalities.yaml"
    text = path.read_text("utf-8")
    assert text.count("    appeal_body: null\n") == len(re.findall(r"^  - id: ", text, re.M))
    _replace(path, "    appeal_body: null\n", "    appeal_body: {name: Strīdu komisija, genitive: Strīdu komisijas}\n")
    errors = _errors(catalogue_copy)
    assert any(p.path.name == "municipalities.yaml" and p.field == "municipalities.0.appeal_body.dative"
               and "lauks nav norādīts" in p.message for p in errors), errors


def test_ibm_check_warns_which_acts_are_cited_only_within_their_proof(catalogue_copy: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 0, result.output
    assert re.search(r"tiesibu-akti\.yaml:\d+: acts 1\. ieraksts „mk-288”, valid_to\.status: tiesību akta „mk-288” spēkā esamības beigas "
                     r"ir jāprecizē: dokumenti to citē pilnā tekstā tikai līdz 30\.09\.2018 \[brīdinājums\]",
                     result.output), result.output
    assert "„apl”" not in result.output  # confirmed without a known end: nothing to verify


def test_a_norm_to_verify_is_always_a_blank_with_its_note(catalogue: Catalogue) -> None:
    """The social services law's appeal norm (D74): its number is in the consolidated text's contents, its wording
    and start are not verified, so no day prints it as confirmed text – not even a day its act is proven in force."""
    from generator.documents import legal  # noqa: PLC0415 - the documents' side of the same rule

    act, norm = catalogue.legal_acts.norm("spspl-17-1")
    assert norm.status is PriceStatus.to_verify and norm.pants == 17 and norm.pants_index == 1
    assert norm.forms.get(Case.nominative) == "17.¹ pants" and "likumi.lv" in norm.source
    proven = act.known_in_force.from_
    assert act.known_in_force_on(proven)
    cited = legal.citations(catalogue, proven)
    assert not cited.in_force("spspl-17-1") and cited.in_force("spspl-11")
    assert cited.norm("spspl-17-1", "nominative") == "______¹"
    assert cited.norm("spspl-11") == "Sociālo pakalpojumu un sociālās palīdzības likuma 11. pantu"
    [note] = cited.notes()
    # the note stays in the signed paper; what the catalogue cites and the lawyer's check are the preparer's (D161)
    assert note.startswith("¹ Ieraksta normu") and "17.¹ pants" not in note
    assert "17.¹ pants" in note.instruction and "nav pārbaudīti" in note.instruction
    assert "pašvaldības jurists" in note.instruction
    # a norm of a confirmed act (GDPR) cited with others of that act
    assert legal.citations(catalogue, dt.date(2026, 12, 1)).norm("vdar-6-1-c-e", "nominative") == \
        "Vispārīgās datu aizsardzības regulas 6. panta 1. punkta c) un e) apakšpunkts"


def test_a_superscript_article_must_be_named_in_its_forms(catalogue_copy: Path) -> None:
    _replace(catalogue_copy / LEGAL, "forms: {nominative: 17.¹ pants,", "forms: {nominative: 17. pants,")
    errors = _errors(catalogue_copy)
    assert any(p.path.name == LEGAL and "nesatur „17.¹ pant…”" in p.message for p in errors), errors


def test_ibm_check_warns_of_a_norm_to_verify(catalogue_copy: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 0, result.output
    assert re.search(r"tiesibu-akti\.yaml:\d+: acts 3\. ieraksts „spspl”, norms 2\. ieraksts „spspl-17-1”, status: tiesību normas „spspl-17-1” numurs un "
                     r"redakcija ir jāprecizē", result.output), result.output
