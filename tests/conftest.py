"""Shared fixtures: the real catalogue, and throw-away copies of it for tests that change data."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from tests.print_fonts import require_calibri_metrics


@pytest.fixture(autouse=True)
def ctrl_c_as_pytest_sets_it() -> object:
    """Every test starts and ends with Python's own SIGINT handler: the in-process Ctrl-C tests assert that a command
    puts back the handler it found, so one test's (or fixture's) leftover must not become the next test's start."""
    from generator import replace_file

    replace_file.reset_replaced()  # a process runs one command; the tests run many in one process (audit39 F10)
    main = threading.current_thread() is threading.main_thread()
    if main:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    if main:
        signal.signal(signal.SIGINT, signal.default_int_handler)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def kept_renders_for_the_session(request: pytest.FixtureRequest,
                                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each document's PDF and DOCX rendered once per session; both xdist workers share the kept files
    (tests/kept_renders.py). With IBM_REAL_RENDERS=1 every render goes to the writers (to compare the two)."""
    from tests import kept_renders
    from tests.shared_session import session_folder

    if os.environ.get("IBM_REAL_RENDERS"):
        yield
        return
    kept_renders.install(session_folder(request.config, tmp_path_factory, "kept-renders"))
    yield
    kept_renders.uninstall()


@pytest.fixture(scope="session", autouse=True)
def kept_templates_for_the_session(request: pytest.FixtureRequest,
                                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each matrix template written once per session: both xdist workers share the kept bytes
    (tests/template_cache.py ``share``)."""
    from tests import template_cache
    from tests.shared_session import session_folder

    template_cache.share(session_folder(request.config, tmp_path_factory, "kept-templates"))
    yield
    template_cache.share(None)


# Tests that check the rendering itself (page breaks, what LibreOffice prints of a DOCX): their PDFs and DOCX come
# from the writers, never from the session's kept files, and must equal a kept file of the same input.
REAL_RENDERS = (
    "tests/documents/test_pdf_look.py",  # a note never starts a PDF page
    "tests/documents/test_total_row.py",  # the total row's page break, PDF and DOCX
    "tests/documents/test_from_matrix_short_tables.py",  # short tables stay on one page
    "tests/documents/test_expense_request_rows.py",  # the receipts fill the first page
    "tests/documents/test_price_annex_signatures.py",  # the signatures on the page of the table's last row
    "tests/documents/test_kept_with_field.py",  # DOCX paragraphs kept together
    "tests/documents/test_docx_page_break.py",  # Writer prints no empty page
    "tests/documents/test_docx_print.py",  # the DOCX as Writer prints it
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    """A test marked ``real_renders`` renders for real, in its fixtures too (tests/kept_renders.py)."""
    if item.get_closest_marker("real_renders") is None:
        return (yield)
    from tests import kept_renders

    with kept_renders.real_renders():
        return (yield)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_or_raise(DEFAULT_CATALOGUE)


@pytest.fixture(scope="session")
def later_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The catalogue with one more (test) children's round whose first service day has a prefilled "jāprecizē"
    price (2.1, 4,50 EUR): a matrix for it carries that price, and a plan in the round fits it (D61)."""
    from tests.workbook.conftest import round_catalogue

    return round_catalogue(tmp_path_factory.mktemp("later-round"))


@pytest.fixture(scope="session")
def calibri_metrics() -> None:
    """Every LibreOffice print proof asks for this (``pytest.mark.usefixtures("calibri_metrics")``): checked once
    per session, it fails the proofs where LibreOffice would print Calibri with another font's metrics."""
    require_calibri_metrics()


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A private copy of catalogue/ that a test may change freely."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    return target


# --- Scheduling on xdist workers (`make test`: pytest -n 2 --dist loadgroup) -------------------------------------
# A work unit is a test file (as with --dist loadfile), unless its tests name an xdist_group: the tests of one group
# share an expensive session fixture (one documents build, one LibreOffice batch) across files and run on one worker;
# a parametrised proof may give its cases separate groups so that both workers share it. Units run longest first so
# that the two workers finish together: a unit's cost is its time in the last xdist run (kept in .pytest_cache) or,
# on a fresh clone, the estimate below (seconds on a 2-core machine).
ESTIMATED_SECONDS = {  # the unit times (s) of the lead's clean clone of 47823ccb (04.12.2026, alone on the machine,
    # 19 min 3 s): a clean clone (CI) has no learned times, and takes the longest units first by these. Units under
    # 4 s are left to the default. The eleven longest units (site, workbook-lo … test_signed_page_rows) are the times of
    # the clean clone of 06.12.2026 on a slower, shared machine (34 min, 3 240 s user CPU; /tmp/lead-clone), so that
    # their order is this machine's; each of them and its old estimate were above SLOW_UNIT, so `make test-quick`
    # leaves out the same units as before (the shorter units keep the old machine's times for that reason). Each
    # unit's history (ratios, branches) is in docs/benchmarks.md. migrate-1..3 run with IBM_FULL=1 alone (the clone
    # of 01.12.2026).
    "migrate-1": 19, "migrate-2": 15, "migrate-3": 15,
    "site": 468,  # 509 in the clean clone of 06.12.2026 x 0.92 (the calculator page and the search index page shared by the tests that only call their JavaScript functions), testtime41; 260 x 0.92 (axe-core runs only the rules that can fail the audit; table layout pages loaded once), testtime15
    "workbook-lo": 487,  # 546 x 0.89 (its pasted-value matrices read over UNO without saving them: -59 s CPU of its ~540), fix49g; the clean clone of 06.12.2026 (unchanged by testtime41: docs/benchmarks.md says where its CPU goes); 228 + 5 (logical values and negative sums), fix32b; + 9 (three more files in its batch), fix32a; + 28 (a date in a number input: its file, ~7 % more LibreOffice CPU a matrix), fix34d; + 30 (a day's serial in a number input: its file, ~6 % more a matrix), fix35a
    "documents-build": 70,  # the clean clone of 06.12.2026; 198 x 0.88 (the render memo tests write their papers by stand-ins), testtime31; x 0.34 (the build of the sample's municipalities, D292), testtime37
    "one-price": 101,  # the clean clone of 06.12.2026
    "tests/workbook/test_print.py": 108,  # the clean clone of 06.12.2026
    "documents-lo": 162,  # the clean clone of 06.12.2026; 61 x 1.09 (TRUE, rows without a month, 30's quarters), fix32c; + 9 (nine more register cases), fix32d
    "ministry-lo": 92,  # the clean clone of 06.12.2026
    "tests/site/test_calculator_form.py": 62,  # the clean clone of 06.12.2026; 43 x 1.0 (two expected texts changed), fix32e
    "tests/site/test_calculator_phone.py": 37,  # new: 0.66 x its 56,8 s beside test_calculator_form's 64,8 s, fix32e
    "tests/ministry/test_collect.py": 67,  # the clean clone of 06.12.2026; 40 x 0.93 (a rule error's place read from the sheets it needs), testtime33; x 0.70 (24 of the 100 children: a sample showing every case, D292), testtime37
    "tests/site/test_calculator_browser.py": 26,  # 25 x 1.04 (a round without prices in the form's rounds test), fix32e
    "workbook-party-names": 24,
    "tests/ministry/test_pasted_inputs.py": 67,  # the clean clone of 06.12.2026; 30 x 1,0 (logical values), fix32b; 30 x 1,16 (half a session …), fix32a
    "tests/ministry/test_migrate_reports_and_resumes.py": 23,
    "migrate-0": 22,
    "tests/documents/test_from_matrix_amounts.py": 21,
    "tests/workbook/test_money_and_party_checks.py": 20,
    "tests/test_template_cache.py": 19,
    "tests/workbook/test_signed_page_rows.py": 58,  # the clean clone of 06.12.2026; 82 s in the clean clone of stop 56 x 0.51 (20 of the 40 lengths, D292), testtime37
    "tests/test_build_interrupt.py": 18,
    "tests/ministry/test_round_matrix.py": 18,
    "tests/documents/test_later_day_documents.py": 17,
    "tests/documents/test_from_matrix_interrupt.py": 17,
    "tests/documents/test_from_matrix_command.py": 18,  # 16 x 1.12 (one more test: --draft of a matrix without errors, D252), fix31a
    "tests/workbook/test_print_invalid_list.py": 16,
    "tests/documents/test_docx_print.py": 16,
    "tests/workbook/test_unit_limits.py": 16,
    "tests/documents/test_from_matrix_build_day.py": 15,
    "tests/ministry/test_collect_safety.py": 15,
    "tests/workbook/test_signed_annexes_print.py": 15,
    "tests/ministry/test_migrate_moved_and_changed.py": 14,
    "tests/opendata/test_spreadsheets.py": 14,
    "tests/ministry/test_migrate.py": 14,
    "tests/workbook/test_print_page_ends.py": 13,
    "tests/ministry/test_text_limits_old_template.py": 13,
    "tests/workbook/test_render.py": 12,
    "tests/documents/test_annex_workbooks.py": 12,
    "tests/documents/test_command_round.py": 12,
    "tests/ministry/test_fastread.py": 12,
    "tests/workbook/test_print_amount_marks.py": 11,
    "tests/ministry/test_migrate_old_template.py": 11,
    "tests/documents/test_from_matrix_back_dated.py": 11,  # 11 x 1.04 (one archive run with PDF stand-ins), fix27a
    "tests/documents/test_report_print_size.py": 11,
    # 5.6 x 3.5 (CPU): replaces test_activity_long_round_print.py (31 of one round length; under 4 s, the default)
    # with 27/29/30/31 of 7 round lengths in one soffice call, fix30d
    "tests/documents/test_long_round_print.py": 20,
    "tests/documents/test_total_row.py": 11,
    "tests/documents/test_catalogue_changes.py": 10,
    "tests/documents/test_register_print.py": 11,  # 10 x 1.09 (one more register in the same soffice call), fix28b
    "tests/documents/test_signed_text_print.py": 8,  # new (31 and 28 printed in one soffice call), fix30c
    "tests/documents/test_quality_rating_checks.py": 11,  # 8 x 1.09 (TRUE), fix32c; + 2 (a rating without its code), fix32d
    "tests/documents/test_decisions.py": 10,
    "recalc-lo": 9,
    "tests/workbook/test_kept_book.py": 9,
    "tests/workbook/test_input_cells.py": 9,
    "tests/documents/test_from_matrix_prices_day.py": 9,
    "tests/documents/test_from_matrix_places.py": 9,
    "tests/workbook/test_command.py": 9,
    "tests/workbook/test_structure.py": 9,
    "tests/reference/test_properties.py": 8,
    "tests/ministry/test_xlsxread.py": 8,
    "tests/documents/test_pdf_look.py": 8,
    "tests/site/test_cli.py": 8,
    "tests/documents/test_from_matrix_payee_command.py": 8,
    "tests/ministry/test_integrity.py": 8,
    "tests/documents/test_command_deadline.py": 8,
    "tests/workbook/test_print_notes.py": 8,
    "tests/documents/test_report_forms_filled.py": 8,
    "tests/documents/test_staged_output_interrupt.py": 7,
    "tests/test_kept_renders.py": 7,
    "tests/ministry/test_text_limits_own_check.py": 7,
    "tests/site/test_serve.py": 7,
    "tests/ministry/test_collect_interrupt.py": 7,
    "tests/site/test_annex_register.py": 7,
    "tests/documents/test_signed_acts.py": 7,
    "tests/workbook/test_print_open_rows.py": 7,
    "tests/documents/test_command.py": 7,
    "tests/documents/test_from_matrix_rerun.py": 7,
    "tests/workbook/test_partial_month.py": 7,
    "tests/workbook/test_print_providers.py": 7,
    "tests/ministry/test_fastread_registry.py": 6,
    "tests/documents/test_from_matrix_short_tables.py": 6,
    "tests/documents/test_from_matrix_nameless_provider.py": 6,  # new (5-6 s measured alone), fix27a
    "tests/workbook/test_print_goals.py": 6,
    "tests/ministry/test_collect_periods.py": 6,
    "tests/ministry/test_factory_forms.py": 6,
    "workbook-actual-cost": 6,
    "tests/workbook/test_print_working_names.py": 6,
    "tests/documents/test_from_matrix_same_child.py": 6,
    "tests/documents/test_from_matrix_signing.py": 6,
    "tests/site/test_pages.py": 6,
    "tests/documents/test_from_matrix_same_child_plans.py": 6,
    "tests/ministry/test_prices_advice_templates.py": 5,
    "tests/ministry/test_summary_cash.py": 5,
    "tests/site/test_methodology.py": 5,
    "tests/documents/test_from_matrix_inputs.py": 5,
    "tests/documents/test_legal_basis.py": 5,
    "tests/ministry/test_summary_reconcile.py": 5,
    "tests/documents/test_docx_page_count.py": 5,
    "tests/documents/test_from_matrix_municipality.py": 5,
    "tests/ministry/test_migrate_new_checks.py": 5,
    "tests/documents/test_audit34_signing.py": 5,
    "tests/ministry/test_migrate_person_names.py": 5,
    "tests/ministry/test_rule_places_named.py": 5,  # new (fix27b): 5,4 s CPU alone, one 2-matrix collect
    "tests/workbook/test_names.py": 4,
    "tests/ministry/test_collect_unspread.py": 4,
    "tests/workbook/test_matrix_out.py": 4,
    "tests/documents/test_party_brackets.py": 4,
    "tests/ministry/test_migrate_previous_layout.py": 4,
    "tests/workbook/test_print_free_texts.py": 4,
    "tests/site/test_notfound.py": 4,
    "tests/documents/test_audit44_layout.py": 4,
    "tests/workbook/test_whole_workbook_pdf.py": 4,
    "tests/ministry/test_ooxml.py": 4,
}
# `make test-quick` leaves out every unit whose estimate above is longer than this: the migrate groups, collect,
# from-matrix runs, and (since fix46e: the subset had grown to 15,5 min alone) every unit the clean clone measured at
# 6 s or more, so that the subset takes a few minutes on two workers (docs/benchmarks.md). The estimate, not the
# learned time, decides: a learned time is the unit's wall time in the last run, several times its CPU when other
# work shares the machine, so with it the subset would shrink after every busy run; with the estimate the subset is
# the same on every machine and after any run. A new heavy test file is marked by hand (pytest.mark.slow) or given
# its estimate here.
SLOW_UNIT = 5
# Units above SLOW_UNIT whose slow proofs carry pytest.mark.slow themselves: their quick unit tests stay in the
# subset (a module's logic keeps a quick test beside its slow proof).
MARKED_BY_HAND = frozenset({
    "tests/ministry/test_xlsxread.py",  # the reader's parsing and its Latvian refusals on small workbooks
    "tests/ministry/test_integrity.py",  # formula normalisation and row comparison
    "tests/reference/test_properties.py",  # the reference's money properties (~8 s, all kept: the heart of it)
})
_LEARNED_KEY = "ibm/unit-seconds"
_UNIT_PROPERTY = "ibm_unit"


def _unit(item: pytest.Item) -> str:
    groups = {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")}
    return "_".join(sorted(groups)) if groups else item.nodeid.split("::")[0]


def _learned(config: pytest.Config) -> dict[str, float]:
    """The unit times of the last run; an xdist worker takes the controller's copy, so that every worker orders
    its collection alike even when another session updates the cache meanwhile."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and _LEARNED_KEY in workerinput:
        return dict(workerinput[_LEARNED_KEY])
    cache = getattr(config, "cache", None)
    return dict(cache.get(_LEARNED_KEY, {})) if cache is not None else {}


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # noqa: ANN001 - xdist's WorkerController
    node.workerinput[_LEARNED_KEY] = _learned(node.config)


def pytest_configure(config: pytest.Config) -> None:
    from tests import template_cache

    config.addinivalue_line("markers", "real_renders: renders its PDFs and DOCX for real, never a kept copy "
                                       "(tests/kept_renders.py)")

    template_cache.install()  # the current matrix template made once per test process (tests/template_cache.py)
    if getattr(config.option, "dist", "no") == "loadgroup":
        config.option.loadscopereorder = False  # keep our longest-first order (xdist would sort by test count)


@pytest.hookimpl(tryfirst=True)  # before xdist appends the group to the node ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    learned = _learned(config)
    units = {}
    for item in items:
        unit = _unit(item)
        units.setdefault(unit, len(units))
        if not any(item.iter_markers("xdist_group")):
            item.add_marker(pytest.mark.xdist_group(unit))
        if getattr(config.option, "loadgroup", False):  # an xdist worker of --dist loadgroup
            _name_unit(item, unit)
        item.user_properties.append((_UNIT_PROPERTY, unit))  # travels with the reports to the xdist controller
        if item.nodeid.split("::")[0] in REAL_RENDERS:
            item.add_marker(pytest.mark.real_renders)
    cost = {unit: learned.get(unit, ESTIMATED_SECONDS.get(unit, 1.0)) for unit in units}
    for item in items:  # `make test-quick` leaves out every unit estimated above SLOW_UNIT seconds
        if ESTIMATED_SECONDS.get(_unit(item), 1.0) > SLOW_UNIT and _unit(item) not in MARKED_BY_HAND:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda it: (-cost[_unit(it)], units[_unit(it)]))


def _name_unit(item: pytest.Item, unit: str) -> None:
    """What xdist's loadgroup does on a worker: the unit after "@" in the node id, where the controller's
    scheduler looks for it. pytest 9 keeps node ids in ``_id``; xdist 3.8 still sets ``_nodeid``, which pytest 9
    ignores, so without this every test would be a unit of its own and shared fixtures would be built twice."""
    if hasattr(item, "_id") and not hasattr(item, "_nodeid"):
        from _pytest.nodeid import NodeId

        item._id = NodeId.parse(f"{item.nodeid}@{unit}")


_REPORTS: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """The time of each unit, summed on the xdist controller and kept for the next run's order."""
    unit = dict(report.user_properties).get(_UNIT_PROPERTY)
    if unit is not None:
        _REPORTS[unit] = _REPORTS.get(unit, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _REPORTS \
            or getattr(session.config.option, "dist", "no") == "no":
        return
    learned = _learned(session.config)
    learned.update({unit: round(seconds, 1) for unit, seconds in _REPORTS.items()})
    cache.set(_LEARNED_KEY, learned)
