"""The group-session ceiling in the provider price annex (02, 03) prints what the catalogue confirms (audit29 F4): the
base (grupu-nodarbibu-griesti) as its figure when only the client's transport part (…-transporta-samazinajums) is
`jāprecizē`, that part a blank with its own note; the whole ceiling once both are confirmed; a blank while the base
is not. Figures from the catalogue (lvformat.eur of its amounts), never typed here."""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents import figures
from generator.documents.build_step import render_municipality
from generator.documents.registry import by_id
from tests.documents.conftest import normalise
from tests.documents.test_from_matrix_provider_terms import _text

PILOT_DAY = dt.date(2018, 9, 17)  # a day of the pilot round, whose papers print its ceiling


def _group(catalogue: Catalogue, day: dt.date) -> figures.PriceRow:
    return next(r for r in figures.regulated_prices(catalogue, day) if r.group)


def test_the_confirmed_base_is_printed_and_only_the_transport_part_is_a_blank(catalogue: Catalogue) -> None:
    base = catalogue.price_by_id[GROUP_CEILING_ID].at(PILOT_DAY)
    reduction = catalogue.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(PILOT_DAY)
    assert base.status is PriceStatus.confirmed and reduction.status is not PriceStatus.confirmed
    row = _group(catalogue, PILOT_DAY)
    assert row.price.text == f"{lvformat.eur(base.amount)}, atskaitot klienta transporta daļu ______ EUR"
    assert not row.price.confirmed and not row.blank and row.deduction_blank
    for doc in render_municipality(catalogue, catalogue.municipality("jelgava"),
                                   [by_id("02-ligums-ar-sniedzeju"), by_id("03-garantijas-vestule")],
                                   build_date=PILOT_DAY):
        text = _text(doc.html)
        assert normalise(row.price.text) in text, doc.spec.id
        assert normalise(f"Tukšā vieta „{figures.DEDUCTION_BLANK}” grupu nodarbību rindā") in text, doc.spec.id
        # the preparer is told the printed base stays, not that the whole price is unconfirmed (audit29b)
        assert "klienta transporta daļa vēl nav apstiprināta" in text and "iespiesto cenu nemaina" in text, doc.spec.id


def test_both_parts_confirmed_print_the_ceiling_and_an_open_base_a_blank(catalogue: Catalogue) -> None:
    base = catalogue.price_by_id[GROUP_CEILING_ID].at(PILOT_DAY)
    reduction = catalogue.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(PILOT_DAY)
    confirmed = reduction.model_copy(update={"status": PriceStatus.confirmed})
    whole = figures.group_figure(base.amount - confirmed.amount, PriceStatus.confirmed, base, "avots")
    assert whole.confirmed and whole.text == lvformat.eur(base.amount - reduction.amount)
    open_base = base.model_copy(update={"status": PriceStatus.to_verify})
    blank = figures.group_figure(None, PriceStatus.to_verify, open_base, "avots")
    assert blank.text == figures.BLANK_EUR and not blank.confirmed


def test_a_confirmed_deduction_prints_the_whole_ceiling_in_the_annex(tmp_path, catalogue: Catalogue) -> None:  # noqa: ANN001
    """review29 F5: through the catalogue and the rendered annex, not the helper alone – a copy whose transport
    part is confirmed (1,50 EUR) prints base − part as the figure and no note on the part's blank."""
    import shutil

    from generator.catalogue.loader import load_catalogue

    root = tmp_path / "catalogue"
    shutil.copytree(catalogue.root, root)
    path = root / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    amount: 0.00\n" in text and "    status: jāprecizē\n" in text
    path.write_text(text.replace("    amount: 0.00\n", "    amount: 1.50\n")
                    .replace("    status: jāprecizē\n", "    status: apstiprināts\n"), encoding="utf-8")
    copy, problems = load_catalogue(root)
    assert copy is not None, problems
    base = copy.price_by_id[GROUP_CEILING_ID].at(PILOT_DAY)
    reduction = copy.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(PILOT_DAY)
    whole = lvformat.eur(base.amount - reduction.amount)
    assert reduction.status is PriceStatus.confirmed and whole != lvformat.eur(base.amount)
    for doc in render_municipality(copy, copy.municipality("jelgava"),
                                   [by_id("02-ligums-ar-sniedzeju"), by_id("03-garantijas-vestule")],
                                   build_date=PILOT_DAY):
        text = _text(doc.html)
        assert normalise(whole) in text, doc.spec.id
        assert "atskaitot klienta transporta daļu" not in text, doc.spec.id
        assert "klienta transporta daļa vēl nav apstiprināta" not in text, doc.spec.id
        assert normalise(f"Tukšā vieta „{figures.DEDUCTION_BLANK}”") not in text, doc.spec.id
