"""What a lawyer checks before signing, proven on the rendered HTML (fast, no PDF): round terms that never
ran out, blanks for unconfirmed figures, requisites, grammar from the catalogue, clauses in the right document."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.catalogue.models import PriceStatus, Regime
from generator.documents import figures, terms
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, unmarked
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy
from tests.documents.test_layout_for_signing import TERM


def _texts(catalogue: Catalogue, municipality_id: str, build_date: dt.date | None = None) -> dict[str, str]:
    municipality = catalogue.municipality(municipality_id)
    return {d.spec.id: normalise(parse(d.body).text())
            for d in render_municipality(catalogue, municipality, build_date=build_date)}


# --- terms ---------------------------------------------------------------------------------------------


def test_term_end_is_the_round_end_only_while_the_round_runs() -> None:
    round_ = terms.Round("kārta", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert terms.term_end(round_, dt.date(2025, 6, 1)) == dt.date(2025, 12, 31)
    assert terms.term_end(round_, dt.date(2025, 12, 31)) == dt.date(2025, 12, 31)
    assert terms.term_end(round_, dt.date(2026, 1, 1)) is None
    assert terms.term_end(None, dt.date(2025, 6, 1)) is None
    assert terms.round_context(round_, dt.date(2026, 1, 1)) == {
        "start": terms.BLANK_DATE, "end": terms.BLANK_DATE, "services_start": terms.BLANK_DATE,
        "services_end": terms.BLANK_DATE, "known": False}


def test_contract_terms_print_the_round_end_before_it_and_a_blank_after_it(catalogue: Catalogue) -> None:
    programme_round = terms.current_round(catalogue, dt.date(2019, 1, 1))
    assert programme_round is not None and programme_round.start <= dt.date(2019, 1, 1) <= programme_round.end
    end = lvformat.date(programme_round.end)
    term_documents = ["01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule",
                      "14-patapinajuma-ligums"]
    running = _texts(catalogue, "valmiera", build_date=programme_round.end - dt.timedelta(days=30))
    ended = _texts(catalogue, "valmiera", build_date=programme_round.end + dt.timedelta(days=1))
    for doc_id in term_documents:
        assert end in running[doc_id], doc_id
        assert end not in ended[doc_id], doc_id
        assert terms.BLANK_DATE in ended[doc_id], doc_id
        assert re.search(r"kārtas (?:sākuma un )?beigu dienu", ended[doc_id]), doc_id
        assert terms.BLANK_DATE not in running[doc_id], doc_id


def test_no_document_built_today_shows_a_term_that_has_ended(catalogue: Catalogue) -> None:
    today = dt.date.today()
    for doc_id, text in _texts(catalogue, "liepaja").items():
        for found in TERM.findall(text):
            day = dt.datetime.strptime(found, "%d.%m.%Y").date()
            assert day >= today, f"{doc_id}: termiņš {found} jau beidzies"


# --- figures -------------------------------------------------------------------------------------------


def test_an_unconfirmed_amount_is_a_blank_with_a_note_and_a_confirmed_one_a_figure() -> None:
    blank = figures.money(None, None, "avots X")
    assert str(blank) == figures.BLANK_EUR and not blank.confirmed and blank.note == "avots X"
    assert str(figures.money(figures.Decimal("25.93"), PriceStatus.to_verify, "avots")) == figures.BLANK_EUR
    confirmed = figures.money(figures.Decimal("1234.5"), PriceStatus.confirmed, "avots")
    assert normalise(str(confirmed)) == "1 234,50 EUR" and confirmed.confirmed


def test_base_amount_to_verify_is_never_printed_as_a_figure(catalogue: Catalogue) -> None:
    dated = catalogue.programme.base_amount.at(catalogue.latest_date)
    assert dated.status is PriceStatus.to_verify  # the catalogue as it is; the rule matters while it lasts
    figure = lvformat.eur(dated.value)
    for doc_id, text in _texts(catalogue, "ogre").items():
        assert figure not in text, doc_id
        assert "(jāprecizē)" not in text, doc_id
    texts = _texts(catalogue, "ogre")
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        assert f"no bāzes apmēra {figures.BLANK_EUR}" in texts[doc_id]
        assert "apstiprināto summu nosaka Labklājības ministrija" in texts[doc_id]


def test_price_annex_lists_every_regulated_or_delegated_service(catalogue: Catalogue) -> None:
    day = catalogue.latest_date
    regulated = [s for s in catalogue.sorted_services() if s.regime in (Regime.regulation, Regime.delegated_contract)]
    assert len(regulated) >= 10
    municipality = catalogue.municipality("talsi")
    for document in render_municipality(catalogue, municipality):
        if document.spec.id not in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
            continue
        annex = parse(document.body).text()
        annex = normalise(annex[annex.index("Pielikums. Augstākās pieļaujamās cenas"):])
        for service in regulated:
            value = catalogue.price_by_service[service.id].at(day)
            label = normalise(f"{service.id} {service.short_name_lv}")
            assert label in annex, f"{document.spec.id}: trūkst {label}"
            row = annex[annex.index(label):]
            row = row[:row.index(" EUR") + 4]
            if value.status is PriceStatus.confirmed and value.amount is not None:
                assert row.endswith(lvformat.eur(value.amount)), row
            else:
                assert row.endswith(figures.BLANK_EUR), row
                if value.amount is not None:
                    assert lvformat.eur(value.amount) not in annex.replace(row, ""), row
        assert "Grupu nodarbība" in annex and "pēc ailē „Avots” norādītā" in annex


# --- requisites and grammar ----------------------------------------------------------------------------


def _catalogue_copy(tmp_path: Path, catalogue: Catalogue, edit) -> Catalogue:  # noqa: ANN001
    root = tmp_path / "catalogue"
    shutil.copytree(catalogue.root, root)
    path = root / "municipalities.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    copy, problems = load_catalogue(root)
    assert copy is not None, problems
    return copy


def test_every_header_carries_requisites_or_blanks(tmp_path: Path, catalogue: Catalogue) -> None:
    for doc_id, text in _texts(catalogue, "madona").items():
        assert text.count("Reģ. Nr. ___________") == 2, doc_id
        assert "e-pasts ________________" in text, doc_id
    # Fictional requisites (not of any real institution) are printed where the catalogue gives them.
    marker = "  - id: madona\n"

    def fill(text: str) -> str:
        block = text[text.index(marker):]
        block = block[:block.index("  - id:", 4)]
        filled = block.replace(
            "social_service: {registration_number: null, address: null, phone: null, email: null}",
            'social_service: {registration_number: "00000000000", address: "Parauga iela 1, Madona",'
            ' phone: "+371 60000000", email: parauga.dienests@example.lv}')
        return text.replace(block, filled)

    copy = _catalogue_copy(tmp_path, catalogue, fill)
    for doc_id, text in _texts(copy, "madona").items():
        assert "Reģ. Nr. 00000000000, adrese Parauga iela 1, Madona, tālr. +371 60000000, e-pasts " \
               "parauga.dienests@example.lv" in text, doc_id
        assert text.count("Reģ. Nr. ___________") == 1, doc_id  # the municipality's own are still unknown


def test_a_requisite_that_is_not_a_registration_number_is_refused(tmp_path: Path, catalogue: Catalogue) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(catalogue.root, root)
    path = root / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("municipality: {registration_number: null", "municipality: {registration_number: 12",
                                 1), encoding="utf-8")
    copy, problems = load_catalogue(root)
    assert copy is None
    assert any("registration_number" in p.format() and "municipalities.yaml" in p.format() for p in problems)


def test_institution_names_are_inflected_from_the_catalogue(tmp_path: Path, catalogue: Catalogue) -> None:
    copy = confirmed_pilot_copy(tmp_path, catalogue)  # names confirmed for the pilot round's days (D43)
    valmiera = _texts(copy, "valmiera", PILOT_DAY)
    jelgava = _texts(copy, "jelgava", PILOT_DAY)
    # masculine "dienests", feminine "pārvalde": the participle agrees
    assert "Valmieras sociālais dienests ir konstatējis" in valmiera["10-uzaicinajuma-vestule"]
    assert "Jelgavas sociālo lietu pārvalde ir konstatējusi" in jelgava["10-uzaicinajuma-vestule"]
    # a sentence that may follow a blank name has a verb without gender (audit14 F3)
    for texts in (valmiera, jelgava):
        assert "turpmāk – Dienests) noslēdza līgumu" in texts["09-lemums-par-izbeigsanu"]
    for doc_id in ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu"):
        assert ("(apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu iesniedzot Valmieras sociālajā dienestā"
                in valmiera[doc_id]), doc_id
        assert ("(apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu iesniedzot Jelgavas sociālo lietu pārvaldē"
                in jelgava[doc_id]), doc_id
    # the decision defines its term where it first names the service (D76)
    assert "Valmieras sociālajam dienestam (turpmāk – Dienests) ir iesniedzis" in valmiera["08-lemums-par-pieskirsanu"]
    # addressees: the head of the service (genitive + "vadītājam"), the service itself (dative)
    assert "Valmieras sociālā dienesta vadītājam" in valmiera["13-dienesta-zinojums"]
    assert "Jelgavas sociālo lietu pārvaldes vadītājam" in jelgava["13-dienesta-zinojums"]
    for doc_id in ("04-iesniegums-par-dalibu", "05-iesniegums-par-sniedzejiem"):
        assert "Valmieras sociālajam dienestam" in valmiera[doc_id], doc_id
        assert "Jelgavas sociālo lietu pārvaldei" in jelgava[doc_id], doc_id


def test_the_catalogue_holds_case_forms_of_every_name(catalogue: Catalogue) -> None:
    for m in catalogue.municipalities.municipalities:
        stem = m.social_service.split()[0]
        for form in (m.social_service_forms.genitive, m.social_service_forms.dative,
                     m.social_service_forms.locative):
            assert form.startswith(stem) and form != m.social_service, m.id
        assert m.name_forms.locative.endswith("pašvaldībā"), m.id


# --- clauses in the right document ---------------------------------------------------------------------


def test_clauses_are_in_the_right_document(catalogue: Catalogue) -> None:
    texts = _texts(catalogue, "bauska")
    assert "ko Bērnam piešķir pēc šā līguma parakstīšanas" in texts["01-ligums-ar-vecaku"]
    assert "pēc tam, kad parakstīts līgums ar Vecāku par individuālā budžeta saņemšanu" in texts["02-ligums-ar-sniedzeju"]
    # the parent's right to leave a survey question unanswered is the parent's contract's, not the provider's
    assert "aptauju var pārtraukt" in texts["01-ligums-ar-vecaku"]
    assert "aptauju var pārtraukt" not in texts["02-ligums-ar-sniedzeju"]
    assert "pēc šā līguma parakstīšanas" not in texts["02-ligums-ar-sniedzeju"]
    loan = texts["14-patapinajuma-ligums"]
    assert "funkcionālajiem traucējumiem" not in loan and "identifikācijas kod" not in loan
    assert "Ziņas par funkcionālajiem traucējumiem ir veselības dati" in texts["01-ligums-ar-vecaku"]
    letter = texts["03-garantijas-vestule"]
    assert "Šajā vēstulē bērna likumiskais pārstāvis (vecāks vai aizbildnis) vai audžuģimene (turpmāk – Vecāks) " \
           "ir persona" in letter
    assert "pārskaita uz rēķinā norādīto Jūsu kontu" in letter and "Samaksas termiņš" in letter


def test_route_sheet_has_a_row_per_day_and_goal_assessment_enough_rows(catalogue: Catalogue) -> None:
    municipality = catalogue.municipality("balvi")
    documents = {d.spec.id: d for d in render_municipality(catalogue, municipality)}
    route = parse(documents["15-marsruta-lapa"].body)
    days = [tr.elements()[0].text() for tr in _rows(route) if "blank" in tr.classes]
    assert days == [f"{d}." for d in range(1, 32)]
    # attached to 06 by the parent: it names the child by the code, as 06 and 16 do (audit33b F12)
    for doc_id in ("06-izdevumu-atmaksas-pieprasijums", "15-marsruta-lapa", "16-sabiedriska-transporta-atskaite"):
        assert "Bērna identifikācijas kods" in documents[doc_id].body, doc_id
    goals = documents["11-merku-novertesana"].body
    areas = len(catalogue.enums.support_areas)
    assert goals.count('<tr class="blank">') >= 6 * areas
    assert "turpinājuma lapu" in goals
    protocol = normalise(parse(documents["12-izvertesanas-protokols"].body).text())
    assert "Protokolu apstiprina sociālais darbinieks Vārds, uzvārds Paraksts Datums" in protocol


def test_public_transport_report_has_a_row_per_day_of_a_month(catalogue: Catalogue) -> None:
    """D276: a parent who takes the child to therapy several times a week fills one report a month: a row for each day
    of the longest month, as the route sheet 15 has (it had six rows and said to fill another copy); the trips of a day
    share its row, and the last rows keep with the total and the signatures (table.keep-tail keep-next)."""
    (report,) = render_municipality(catalogue, catalogue.municipality("balvi"),
                                    [d for d in DOCUMENTS if d.id == "16-sabiedriska-transporta-atskaite"])
    tree = parse(report.body)
    days = [tr.elements()[0].text() for tr in _rows(tree) if "blank" in tr.classes]
    assert days == [f"{d}." for d in range(1, 32)]
    table = next(n for n in _walk(tree) if n.tag == "table" and "grid" in n.classes)
    assert {"keep-tail", "keep-next"} <= set(table.classes)
    assert any(n.tag == "thead" for n in table.elements())  # repeated on the second page
    text = normalise(tree.text())
    assert "Mēneša diena" in text and "Kopā mēnesī (visu dienu summa)" in text
    assert "šīs dienas rindā" in text and "eksemplāru" not in text


def _walk(node):  # noqa: ANN001, ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def _rows(node):  # noqa: ANN001, ANN202
    for child in node.elements():
        if child.tag == "tr":
            yield child
        yield from _rows(child)


@pytest.mark.parametrize("doc_id", ["08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu",
                                    "17-lemums-par-atteikumu"])
def test_decisions_state_basis_reasoning_and_appeal(catalogue: Catalogue, doc_id: str) -> None:
    text = unmarked(_texts(catalogue, "rezekne", PILOT_DAY)[doc_id])  # the blank's note is numbered at it (D369)
    order = ["1. Lietas apstākļi", "2. Tiesiskais pamats", "3. Pamatojums", "4. Lēmums",
             "5. Spēkā stāšanās un apstrīdēšana",
             "viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt ______________________________ "
             "(apstrīdēšanas iestādes nosaukums lokatīvā)"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), doc_id
    assert "Administratīvā procesa likuma 76. panta otrā daļa un 79. panta pirmā daļa" in text


def test_a_catalogue_without_case_forms_loads_with_a_warning(tmp_path: Path, catalogue: Catalogue) -> None:
    """Older catalogue versions (ibm changes --from) had no case forms: they load, ibm check warns."""
    def drop(text: str) -> str:
        return "\n".join(line for line in text.split("\n") if "_forms:" not in line)

    copy = confirmed_pilot_copy(tmp_path, catalogue, drop)
    _, problems = load_catalogue(copy.root)
    warnings = [p.format() for p in problems if "name_forms" in p.format() or "social_service_forms" in p.format()]
    assert len(warnings) == 2 * len(catalogue.municipalities.municipalities)
    assert all("municipalities.yaml" in w and "netiks locīts" in w for w in warnings)
    # documents take the dated names and their forms from municipality-names.yaml (D43)
    text = _texts(copy, "valmiera", PILOT_DAY)["10-uzaicinajuma-vestule"]
    assert "Valmieras sociālais dienests ir konstatējis" in text


def test_documents_are_rebuilt_when_their_round_ends(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """The incremental build reuses documents only while the round's state (running or ended) is the same."""
    from generator import build
    from generator.documents import terms as terms_module

    programme_round = terms.current_round(catalogue, dt.date(2019, 1, 1))
    assert programme_round is not None
    running = terms.state_key(catalogue, programme_round.end)
    ended = terms.state_key(catalogue, programme_round.end + dt.timedelta(days=1))
    assert running != ended and running.endswith("running") and ended.endswith("ended")
    step = next(s for s in build._renderers() if s.name == "dokumenti")
    keys = []
    for state in (running, ended):
        monkeypatch.setattr(terms_module, "state_key", lambda _catalogue, _state=state: _state)
        keys.append(build.step_key(step, catalogue, []))
    assert keys[0] != keys[1]
