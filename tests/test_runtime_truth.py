"""Every case is run under Streamlit's own check, twice, and the linter must
report it exactly when Streamlit refuses to pickle what it stored."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest
from truth_cases import CASES, UNDECIDABLE, Case

from flake8_session_pickle import check_source

REFUSALS = ("Cannot serialize", "pickle", "Unserializable")
COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def enforce_serializable_session_state(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    config.set_option("runner.enforceSerializableSessionState", True)
    previous = Path.cwd()
    os.chdir(tmp_path_factory.mktemp("truth"))
    try:
        yield
    finally:
        os.chdir(previous)
        config.set_option("runner.enforceSerializableSessionState", False)


def runtime_refuses(case: Case) -> bool:
    """Run the case twice (a click for a callback) and say whether Streamlit
    refused to pickle; any other exception is a broken case."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = AppTest.from_string(case.source, default_timeout=30).run()
        first = list(app.exception)
        if app.button:
            app.button[0].click().run()
        else:
            app.run()
    messages = [exception.message for exception in (*first, *app.exception)]
    refused = [m for m in messages if any(word in m for word in REFUSALS)]
    broken = [m for m in messages if m not in refused]
    assert not broken, f"broken case: {broken}"
    return bool(refused)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_linter_agrees_with_streamlit(case: Case) -> None:
    refused = runtime_refuses(case)
    reported = [v.code for v in check_source(case.source) if v.code != "PKL000"]
    assert all(v.code != "PKL000" for v in check_source(case.source))
    COUNTS["cases"] = COUNTS.get("cases", 0) + 1
    if case.id in UNDECIDABLE:
        COUNTS["undecidable"] = COUNTS.get("undecidable", 0) + 1
        return
    COUNTS["unpicklable" if refused else "picklable"] = (
        COUNTS.get("unpicklable" if refused else "picklable", 0) + 1
    )
    assert bool(reported) == refused, f"runtime refused: {refused}; linter: {reported}"
    if refused:
        # A value of a picklable kind can still be caught by the rerun trap
        # when it is defined in the script and kept across runs.
        assert reported == [case.expected or "PKL112"]


def test_the_collection_is_broad_enough() -> None:
    assert len(CASES) >= 200
    assert sum(1 for case in CASES if case.expected is None) >= 80
    assert len({case.id for case in CASES}) == len(CASES)
    assert set(UNDECIDABLE) <= {case.id for case in CASES}
    codes = {case.expected for case in CASES if case.expected}
    assert {f"PKL1{n:02d}" for n in range(1, 13)} <= codes
    assert {f"PKL2{n:02d}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)} <= codes


def test_print_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """Runs after the cases (tests run in file order) and prints their counts."""
    with capsys.disabled():
        print(
            "\nruntime truth: {cases} cases, {unpicklable} unpicklable, {picklable} picklable, "
            "{undecidable} undecidable".format(
                **{
                    key: COUNTS.get(key, 0)
                    for key in ("cases", "unpicklable", "picklable", "undecidable")
                }
            )
        )
    if COUNTS.get("cases"):
        assert COUNTS["cases"] == COUNTS.get("unpicklable", 0) + COUNTS.get(
            "picklable", 0
        ) + COUNTS.get("undecidable", 0)
