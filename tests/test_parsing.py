"""libcst's parse without its checks of each node gives the same trees, and the
checks stay on for every node made otherwise."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from truth_cases import CASES

from flake8_session_pickle import parsing

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.py"))
SOURCES = {path.name: path.read_text() for path in FIXTURES} | {
    case.id: case.source for case in CASES
}


def test_the_checks_skipped_are_libcst_s_own() -> None:
    assert parsing._ONLY_CHECKS


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_the_trees_are_libcst_s(source: str) -> None:
    parsed = parsing.parse_module(source)
    assert parsed.deep_equals(cst.parse_module(source))
    assert parsed.code == source


def test_nodes_made_after_a_parse_are_checked() -> None:
    parsing.parse_module("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_a_failed_parse_leaves_the_checks_on() -> None:
    with pytest.raises(cst.ParserSyntaxError):
        parsing.parse_module("x = (\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("1x")
