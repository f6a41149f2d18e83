"""`ibm changes` „Ko tas ietekmē” names the support plans a changed rule of the matrix touches, as it does for a
price: a changed transport_share_max – the plans with a transport service, from the change's first plan day; a
changed 6.11 parameter every plan uses – every plan."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes.diff import describe_param
from generator.cli import main
from generator.lvformat import date
from tests.programme_yaml import add_programme_value


def _impact(folder: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(folder),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    return text[text.index("## Ko tas ietekmē"):]


def test_a_transport_rule_change_names_the_plans_with_transport(catalogue_copy: Path, tmp_path: Path) -> None:
    catalogue = load_or_raise(catalogue_copy)
    day = catalogue.children_reporting_periods()[1].start  # inside the rounds: earlier plans keep their values
    share = catalogue.programme.transport_share_max
    old = share.at(day).value
    add_programme_value(catalogue_copy, "transport_share_max", day, str(old * 2))
    impact = _impact(catalogue_copy, tmp_path / "izmainas.md")
    transport = [f"{s.id} {s.short_name_lv}" for s in catalogue.sorted_services() if s.transport]
    assert transport
    line = next((x for x in impact.splitlines() if "kuros ir kāds no pakalpojumiem" in x), None)
    assert line is not None, impact
    assert line.startswith(f"- Atbalsta plāni, kas sākas {date(day)} vai vēlāk un kuros ir kāds no pakalpojumiem "
                           f"{', '.join(transport)}, jāpārskata"), line
    assert (f"„{share.name_lv}” ({describe_param(old, share.unit)} → {describe_param(old * 2, share.unit)})"
            in line), line


def test_a_rate_change_names_every_plan(catalogue_copy: Path, tmp_path: Path) -> None:
    catalogue = load_or_raise(catalogue_copy)
    day = catalogue.children_reporting_periods()[1].start
    rate = catalogue.programme.rate_full
    add_programme_value(catalogue_copy, "rate_full", day, str(rate.at(day).value / 2))
    impact = _impact(catalogue_copy, tmp_path / "izmainas.md")
    assert f"- Visi atbalsta plāni, kas sākas {date(day)} vai vēlāk, jāpārskata: mainīts noteikums „{rate.name_lv}”" \
        in impact, impact
