"""The real catalogue: loads, cross-references hold, offers and version behave."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue, load_or_raise
from generator.catalogue.models import Form, PriceStatus, Regime
from generator.catalogue.problems import Severity


def test_every_priced_service_has_a_price(catalogue: Catalogue) -> None:
    for service in catalogue.services:
        if service.regime is not Regime.actual_cost:
            assert service.id in catalogue.price_by_service, service.id


def test_warnings_are_exactly_the_unconfirmed_prices_and_legal_acts(catalogue_copy: Path,
                                                                    catalogue: Catalogue) -> None:
    _, problems = load_catalogue(catalogue_copy)
    warnings = [p for p in problems if p.severity is Severity.warning]
    unconfirmed = [(p.id, v.effective_from) for p in catalogue.prices for v in p.values
                   if v.status is PriceStatus.to_verify]
    # acts whose end is to be verified (D42): documents cite them only within their proven period
    unconfirmed += [(a.id, None) for a in catalogue.legal_acts.acts if a.valid_to.status is PriceStatus.to_verify]
    # norms whose number and wording are to be verified (D74): documents print them only as blanks
    unconfirmed += [(n.id, None) for a in catalogue.legal_acts.acts for n in a.norms
                    if n.status is PriceStatus.to_verify]
    assert len(warnings) == len(unconfirmed)
    assert all("jāprecizē" in w.message for w in warnings)


def test_offers_split_both_forms_and_cap_groups(catalogue: Catalogue) -> None:
    offers = catalogue.offers(catalogue.latest_date)
    ids = [o.id for o in offers]
    assert len(ids) == len(set(ids))
    labels = [o.label for o in offers]
    assert len(labels) == len(set(labels))
    group_ceiling, _ = catalogue.group_ceiling(catalogue.latest_date)
    for offer in offers:
        if offer.service.form is Form.both:
            assert offer.id[-1] in "ig" and offer.label.endswith(("individuāli", "grupā"))
        if offer.form is Form.group and offer.service.regime is Regime.market and group_ceiling is not None:
            assert offer.ceiling is not None and offer.ceiling <= group_ceiling


def test_version_is_date_and_hash_and_changes_with_a_price(catalogue_copy: Path) -> None:
    first, _ = load_catalogue(catalogue_copy)
    assert first is not None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}", first.version)
    path = catalogue_copy / "prices" / "grupu-nodarbibu-griesti.yaml"
    path.write_text(path.read_text("utf-8").replace("amount: 25.93", "amount: 26.50"), "utf-8")
    second, _ = load_catalogue(catalogue_copy)
    assert second is not None and second.version != first.version


def test_programme_parameters_are_dated(catalogue: Catalogue) -> None:
    day = catalogue.latest_date
    assert catalogue.programme.transport_share_max.at(day).value <= 1
    assert catalogue.programme.expert_weight.at(day).value + catalogue.programme.parent_weight.at(day).value == 1


def test_budget_positions_match_the_settlement_codes(catalogue: Catalogue) -> None:
    from generator.reference.settlement import BIP_CODES

    assert [b.code for b in catalogue.enums.budget_positions] == list(BIP_CODES)


def test_prices_until_of_the_unconfirmed_value_ignores_its_withdrawal(catalogue_copy: Path) -> None:
    """D296, D300, D302: a ceiling „jāprecizē” on the matrix's day, confirmed and then withdrawn at the same number –
    neither is a change, for the matrix of the unconfirmed value nor for the one of the confirmation day (a status
    alone: their „spēkā līdz” stays)."""
    import datetime as dt

    from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID
    from generator.catalogue.loader import load_or_raise
    from generator.workbook.writer import template_date
    from tests.lm_document import LM_DOCUMENT

    before = load_or_raise(catalogue_copy)
    day = template_date(before)
    price = before.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(day)
    assert price is not None and price.status is PriceStatus.to_verify
    confirmed, withdrawn = day + dt.timedelta(days=1), day + dt.timedelta(days=2)
    until = before.prices_until(day)
    assert until is None or until >= withdrawn  # nothing else ends the day's prices first
    path = catalogue_copy / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    for on, status in ((confirmed, PriceStatus.confirmed), (withdrawn, PriceStatus.to_verify)):
        path.write_text(path.read_text("utf-8") + f"  - effective_from: {on.isoformat()}\n    kind: ceiling\n"
                        f"    amount: {price.amount}\n    source: \"{LM_DOCUMENT}\"\n    status: {status.value}\n", "utf-8")
    after = load_or_raise(catalogue_copy)
    assert after.prices_until(day) == until
    assert after.prices_until(confirmed) == until


def test_a_withdrawn_b_is_warned_of_with_its_day(tmp_path: Path) -> None:
    """D302: a B entry that puts the confirmed B before it back to „jāprecizē” at the same amount is a warning of
    `ibm check` naming its day and what it does to the papers (as a price's „jāprecizē” entry is); B's first, never
    confirmed entry is none."""
    from tests.plan_changes_catalogue import BASE_CONFIRMED, BASE_WITHDRAWN, withdrawn_catalogue

    withdrawn_catalogue(tmp_path / "catalogue")
    _, problems = load_catalogue(tmp_path / "catalogue")
    about_b = [p for p in problems if p.severity is Severity.warning and "Bāzes apmērs" in p.message]
    assert len(about_b) == 1, [p.message for p in about_b]
    message = about_b[0].message
    assert f"no {BASE_WITHDRAWN:%d.%m.%Y} (" in message and "atkal ir jāprecizē" in message, message
    assert f"ieraksts no {BASE_CONFIRMED:%d.%m.%Y} to pašu apmēru apstiprināja" in message, message
    assert "dokumentos, ko izveido no šīs dienas, B vietā ir tukša vieta (D302)" in message, message
    withdrawing = load_or_raise(tmp_path / "catalogue").programme.base_amount.at(BASE_WITHDRAWN)
    assert f"(atsaukums: {withdrawing.source})" in message, message  # the withdrawing entry's source (D323)


def test_a_withdrawn_ceiling_is_warned_of_as_b_is(tmp_path: Path) -> None:
    """D323 (audit L5): a price entry that puts the confirmed figure before it back to „jāprecizē” is named as a
    withdrawal – what, from which day, the entry it withdraws and its own source –, not as the generic „ir jāprecizē”
    of a figure never confirmed."""
    from tests.plan_changes_catalogue import CEILING_CONFIRMED, CEILING_WITHDRAWN, ceiling_withdrawn_catalogue

    changed = ceiling_withdrawn_catalogue(tmp_path / "catalogue")
    _, problems = load_catalogue(tmp_path / "catalogue")
    name = changed.price_by_id["grupu-nodarbibu-transporta-samazinajums"].name_lv
    about = [p.message for p in problems if p.severity is Severity.warning and f"„{name}”" in p.message
             and f"no {CEILING_WITHDRAWN:%d.%m.%Y}" in p.message]
    assert len(about) == 1, about
    assert about[0].startswith(f"griesti „{name}” no {CEILING_WITHDRAWN:%d.%m.%Y} (") and "atkal ir jāprecizē" in about[0]
    assert f"ieraksts no {CEILING_CONFIRMED:%d.%m.%Y} to pašu apmēru apstiprināja" in about[0], about[0]
    assert "(atsaukums: Testa dati: tā pati vērtība atkal jāprecizē)" in about[0], about[0]
