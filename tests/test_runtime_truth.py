"""Every case is run under Streamlit's own check, twice, and the linter must
report it exactly when Streamlit refuses to pickle what it stored, at the line
that stores it.

Streamlit's refusal is seen where it happens: the ``pickle`` module of the
Streamlit modules that pickle session state and ``st.cache_data`` results is
replaced by one that pickles the same way and records each refusal. Every
exception the app shows must be Streamlit's error for such a refusal, or the
refusal itself (``st.cache_data`` lets some through unwrapped); any other is a
broken case.
"""

from __future__ import annotations

import importlib
import os
import pickle
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest
from strict import check
from truth_cases import CASES, LIBRARIES, UNDECIDABLE, Case

PICKLING_MODULES = (
    "streamlit.runtime.state.session_state",
    "streamlit.runtime.caching.cache_data_api",
)
"""Where Streamlit pickles session state and what ``st.cache_data`` functions return."""
STREAMLIT_REFUSALS = frozenset(
    {
        "streamlit.errors.UnserializableSessionStateError",
        "streamlit.runtime.caching.cache_errors.UnserializableReturnValueError",
    }
)
COUNTS: dict[str, int] = {}


class RecordingPickle:
    """Stands in for the ``pickle`` module: pickles the same way, and records the
    type of every exception ``dumps`` raises."""

    def __init__(self) -> None:
        self.refusals: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)

    def dumps(self, value: object, *args: Any, **kwargs: Any) -> bytes:
        try:
            return pickle.dumps(value, *args, **kwargs)
        except Exception as error:
            self.refusals.append(type_name(type(error)))
            raise


def type_name(exception: type[BaseException]) -> str:
    """How Streamlit names an exception's type."""
    if exception.__module__ == "builtins":
        return exception.__qualname__
    return f"{exception.__module__}.{exception.__qualname__}"


RECORDER = RecordingPickle()


@pytest.fixture(scope="module", autouse=True)
def enforce_serializable_session_state(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    config.set_option("runner.enforceSerializableSessionState", True)
    modules = [importlib.import_module(name) for name in PICKLING_MODULES]
    for module in modules:
        assert getattr(module, "pickle", None) is pickle, (
            f"{module.__name__} no longer pickles with the pickle module: update PICKLING_MODULES"
        )
        module.pickle = RECORDER  # type: ignore[attr-defined]
    libraries = tmp_path_factory.mktemp("site-packages")
    for name, source in LIBRARIES.items():
        (libraries / f"{name}.py").write_text(source)
    sys.path.insert(0, str(libraries))
    previous = Path.cwd()
    os.chdir(tmp_path_factory.mktemp("truth"))
    try:
        yield
    finally:
        os.chdir(previous)
        sys.path.remove(str(libraries))
        for module in modules:
            module.pickle = pickle  # type: ignore[attr-defined]
        config.set_option("runner.enforceSerializableSessionState", False)


def written(case: Case, folder: Path) -> Path:
    """The case's app, written into ``folder``: its script and its other files."""
    for name, source in ((case.script, case.source), *case.files):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(source)
    return folder / case.script


def runtime_refuses(case: Case, script: Path) -> bool:
    """Run the case twice (a click for a callback) and say whether Streamlit
    refused to pickle; any other exception is a broken case."""
    RECORDER.refusals.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # a page runs within its app, the main script's folder on sys.path
        main = script.parent.parent / "app.py" if script.parent.name == "pages" else script
        app = AppTest.from_file(str(main), default_timeout=30).run()
        if main != script:
            app.switch_page(script.relative_to(main.parent).as_posix()).run()
        first = list(app.exception)
        if app.button:
            app.button[0].click().run()
        else:
            app.run()
    forget_modules_of(script.parent)
    shown = [exception.proto.type for exception in (*first, *app.exception)]
    refusals = STREAMLIT_REFUSALS | set(RECORDER.refusals)
    broken = [name for name in shown if name not in refusals or not RECORDER.refusals]
    assert not broken, f"broken case: {broken}"
    return bool(RECORDER.refusals)


def forget_modules_of(folder: Path) -> None:
    """Drop the modules an app imported from its folder, so that the next case's
    modules of the same name are imported afresh."""
    for name, module in list(sys.modules.items()):
        location = getattr(module, "__file__", None)
        if location is not None and Path(location).is_relative_to(folder):
            del sys.modules[name]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_linter_agrees_with_streamlit(case: Case, tmp_path: Path) -> None:
    script = written(case, tmp_path / "app")
    refused = runtime_refuses(case, script)
    violations = check(case.source, path=script)
    assert all(v.code != "PKL000" for v in violations)
    reported = [v.code for v in violations]
    COUNTS["cases"] = COUNTS.get("cases", 0) + 1
    if case.id in UNDECIDABLE:
        COUNTS["undecidable"] = COUNTS.get("undecidable", 0) + 1
        return
    COUNTS["unpicklable" if refused else "picklable"] = (
        COUNTS.get("unpicklable" if refused else "picklable", 0) + 1
    )
    assert bool(reported) == refused, f"runtime refused: {refused}; linter: {reported}"
    assert refused or case.expected is None, f"the case expects {case.expected}; Streamlit pickled"
    if refused:
        # A value of a picklable kind can still be caught by the rerun trap
        # when it is defined in the script and kept across runs.
        code = case.expected or "PKL112"
        expected = sorted((line, code) for line in (case.line, *case.also))
        assert [(v.line, v.code) for v in violations] == expected


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
