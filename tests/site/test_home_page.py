"""The home page says what the methodology says and links where a reader goes first (audit30 F1, F6, F8, F9)."""

from __future__ import annotations

from generator import lvformat
from generator.site import text
from tests.site.conftest import BuiltSite
from tests.site.htmltables import text_of


def test_transport_rule_allows_more_with_the_social_workers_written_justification(built_site: BuiltSite) -> None:
    share = built_site.catalogue.programme.transport_share_max.at(built_site.catalogue.latest_date).value
    summary = text_of(built_site.html("index.html"))
    assert "nedrīkst pārsniegt" not in summary
    assert (f"Transporta izdevumi kopā – ne vairāk kā {text.percent(share)} no plānam pieejamā IB apmēra; "
            "vairāk – tikai ar sociālā darbinieka rakstisku pamatojumu.") in summary


def test_version_line_has_no_nested_brackets_and_one_date(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    summary = text_of(built_site.html("index.html"))
    day = text.date(cat.latest_date)
    assert f"kas spēkā {day} (kataloga versija {lvformat.version_id(cat.version)})." in summary
    assert "((" not in summary and "))" not in summary


def test_summary_links_the_page_on_how_much_a_child_gets_and_who_decides(built_site: BuiltSite) -> None:
    html = built_site.html("index.html")
    summary = html[html.index('id="isuma"'):html.index('id="kur-ko-atrast"')]
    assert 'href="metodika/ib-apmeri-un-posmi.html"' in summary
    assert "Cik bērnam pienākas un kas to nosaka" in text_of(summary)
    page = built_site.html("metodika/ib-apmeri-un-posmi.html")
    assert "Kas nosaka" in page  # the table of the four amounts says who sets each


def test_audience_names_municipal_staff_once(built_site: BuiltSite) -> None:
    summary = text_of(built_site.html("index.html"))
    assert "pašvaldību sociālajiem darbiniekiem un citiem pašvaldību un ministrijas darbiniekiem." in summary
