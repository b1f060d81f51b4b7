"""libcst's parse without its checks of each node gives the same trees, and the
checks stay on for every node made otherwise; a long unit parsed in pieces gives
the tree a parse of it whole gives."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

import libcst as cst
import pytest
from truth_cases import CASES

from flake8_session_pickle import parsing
from flake8_session_pickle.engine import check_source
from flake8_session_pickle.positions import UnitPositions
from flake8_session_pickle.selection import Unit, select
from flake8_session_pickle.settings import DEFAULT_SETTINGS
from flake8_session_pickle.walk import child_nodes

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.py"))
SOURCES = {path.name: path.read_text() for path in FIXTURES} | {
    case.id: case.source for case in CASES
}


def test_the_checks_skipped_are_libcst_s_own() -> None:
    assert parsing._ONLY_CHECKS


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_the_trees_are_libcst_s(source: str) -> None:
    with parsing.without_checks():
        parsed = cst.parse_module(source)
    assert parsed.deep_equals(cst.parse_module(source))
    assert parsed.code == source


def test_nodes_made_after_a_parse_are_checked() -> None:
    with parsing.without_checks():
        cst.parse_module("x = 1\n")
        with parsing.without_checks():
            cst.parse_module("y = 2\n")
        cst.Name("unchecked within")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_a_failed_parse_leaves_the_checks_on() -> None:
    with pytest.raises(cst.ParserSyntaxError), parsing.without_checks():
        cst.parse_module("x = (\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("1x")


def _shape(nodes: Sequence[cst.CSTNode]) -> list[tuple[str, str]]:
    """Every node below ``nodes`` in walking order, by type and, for a name or
    a literal, its text."""
    shape = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        shape.append((type(node).__name__, str(getattr(node, "value", ""))[:40]))
        stack.extend(reversed(child_nodes(node)))
    return shape


def _selected_units(source: str) -> list[Unit]:
    selection = select(ast.parse(source), source, DEFAULT_SETTINGS.sinks)
    return [] if selection is None else list(selection.units)


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_units_parsed_in_pieces_give_the_trees_parsed_whole(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 1)
    for unit in _selected_units(source):
        whole = cst.parse_module(unit.text).body
        assert _shape(parsing.parse_unit(unit).body) == _shape(whole)


def _starts(units: Sequence[parsing.ParsedUnit]) -> list[tuple[int, int]]:
    """Where each statement, and each node within it, starts in the file."""
    positions = UnitPositions(units)
    return [
        positions.start(node, statement)
        for unit in units
        for statement in unit.body
        for node in (statement, *child_nodes(statement))
    ]


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_units_parsed_together_give_the_trees_and_places_of_units_parsed_alone(
    source: str,
) -> None:
    units = _selected_units(source)
    alone = [parsing.parse_unit(unit) for unit in units]
    together = parsing.parse_units(units)
    assert all(isinstance(parsed, parsing.ParsedUnit) for parsed in together)
    parsed = [unit for unit in together if isinstance(unit, parsing.ParsedUnit)]
    assert [_shape(unit.body) for unit in parsed] == [_shape(unit.body) for unit in alone]
    assert _starts(parsed) == _starts(alone)


def test_units_are_parsed_together_up_to_the_piece_size_and_one_refused_costs_only_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The blank lines that end the block are not given to libcst, which, given
    # the units together, would put them before the next statement.
    source = (
        "import streamlit as st\n"
        "if st.button('go'):\n"
        "    st.session_state.k = [object()]\n"
        "\n"
        "\n"
        "    st.write('done')\n"
        "{binding}\n"
        "st.session_state.n = st.session_state.k\n"
        "st.session_state.m = lambda: a\n"
    )
    refused = source.format(binding="(a): int = 1")
    units = _selected_units(refused)
    assert units[1].text == "if st.button('go'):\n    st.session_state.k = [object()]\n"
    assert units[1].lines == (2, 3)
    texts: list[str] = []
    parse = cst.parse_module

    def counted(text: str) -> cst.Module:
        texts.append(text)
        return parse(text)

    monkeypatch.setattr(cst, "parse_module", counted)
    parsed = parsing.parse_units(units)
    assert [type(unit).__name__ for unit in parsed] == [
        "ParsedUnit",
        "ParsedUnit",
        "ParserSyntaxError",
        "ParsedUnit",
        "ParsedUnit",
    ]
    # Parsed together, refused, then each parsed alone.
    assert texts == ["".join(unit.text for unit in units), *(unit.text for unit in units)]
    texts.clear()
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 3)
    accepted_units = [units[1], units[3], units[4]]
    batched = parsing.parse_units(accepted_units)
    assert texts == [units[1].text + units[3].text, units[4].text]
    assert _starts([unit for unit in batched if isinstance(unit, parsing.ParsedUnit)]) == _starts(
        [parsing.parse_unit(unit) for unit in accepted_units]
    )
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 20)
    assert [(v.line, v.column, v.code) for v in check_source(refused, strict=True)] == [
        (7, 0, "PKL000"),
        (9, 21, "PKL101"),
    ]
    texts.clear()
    accepted = source.format(binding="a = 1")
    assert [(v.line, v.column, v.code) for v in check_source(accepted, strict=True)] == [
        (9, 21, "PKL101")
    ]
    assert texts == ["".join(unit.text for unit in _selected_units(accepted))]


LONG_PAGE = (
    "import streamlit as st\n"
    "if st.button('go'):\n"
    + "".join(
        f"    rows_{n} = [load({n})]\n    st.session_state.rows_{n} = rows_{n}\n" for n in range(30)
    )
    + "else:\n"
    + "    def fresh():\n"
    + "".join(f"        part_{n} = [{n}]\n" for n in range(45))
    + "        return lambda: part_0\n"
    + "    st.session_state.made = fresh()\n"
)


def test_long_units_are_parsed_in_pieces_and_reported_where_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = _selected_units(LONG_PAGE)[-1]
    parsed = parsing.parse_unit(unit)
    assert len(parsed.pieces) > 2
    assert all(
        sum(1 for line in piece.module.code.splitlines() if line.strip()) <= parsing.MAX_PIECE_LINES
        for piece in parsed.pieces
    )
    assert _shape(parsed.body) == _shape(cst.parse_module(unit.text).body)
    in_pieces = check_source(LONG_PAGE, strict=True)
    assert [violation.line for violation in in_pieces] == [LONG_PAGE.count("\n")]
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 10_000)
    assert check_source(LONG_PAGE, strict=True) == in_pieces


def test_a_block_whose_lines_do_not_dedent_is_parsed_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 1)
    source = "if a:\n    s = 1\n# not indented\n    b = [s]\nelse:\n    c = 1\n"
    (unit,) = [
        Unit(1, tuple(ast.parse(source).body), source, tuple(range(1, source.count("\n") + 1)))
    ]
    parsed = parsing.parse_unit(unit)
    assert len(parsed.pieces) == 1
    assert parsed.body[0].deep_equals(cst.parse_module(source).body[0])


def _lambda_lines(source: str) -> list[int]:
    return sorted(
        node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Lambda)
    )


def _stores(indent: str, count: int, name: str = "w") -> str:
    return "".join(f"{indent}st.session_state.{name}{n} = lambda: {n}\n" for n in range(count))


MIXED_LINE_BREAKS = {
    # A line ending in a bare carriage return, then left-out lines and a blank one.
    "left-out": "import streamlit as st\ndef f():\r"
    + "".join(f"    unused{n} = {n}\n" for n in range(3))
    + "\n"
    + _stores("    ", 25),
    "short-unit": "import streamlit as st\ndef f():\r    unused = 1\n\n"
    "    st.session_state.b = lambda: 1\n",
    # The same before the blank line that ends a block of a long statement.
    "block-end": "import streamlit as st\nif c:\n    st.session_state.a = lambda: 1\r"
    + _stores("    ", 20)
    + '\nelif st.session_state.setdefault("k", lambda: 0):\n'
    + _stores("    ", 3, "e"),
}


@pytest.mark.parametrize("source", MIXED_LINE_BREAKS.values(), ids=MIXED_LINE_BREAKS.keys())
@pytest.mark.parametrize("piece_lines", [1, parsing.MAX_PIECE_LINES, 10_000])
def test_reports_keep_their_lines_whatever_the_line_breaks(
    source: str, piece_lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", piece_lines)
    reported = check_source(source, strict=True)
    assert [violation.line for violation in reported] == _lambda_lines(source)


@pytest.mark.parametrize(
    "key",
    ['"""a\n    b"""', 'f"""a\n    {n}"""', '"a\\\n    b"'],
    ids=["str", "f-string", "backslash"],
)
def test_strings_of_lines_in_blocks_keep_their_text_and_what_follows_its_place(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (
        f"import streamlit as st\nn = 1\nif c:\n    st.session_state[{key}] = lambda: 0\n"
        + _stores("    ", 20)
    )
    whole = check_source(source, strict=True)
    assert key in whole[0].message
    assert [violation.line for violation in whole] == _lambda_lines(source)
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", 1)
    assert check_source(source, strict=True) == whole


def test_lines_of_blanks_or_a_comment_are_left_out_but_within_string_literals() -> None:
    source = (
        "import streamlit as st\n"
        "\n"
        "\n"
        "def remember(\n"
        "    # what to keep\n"
        "    value,\n"
        "):\n"
        "    # a comment of its own\n"
        "\n"
        '    note = """first\n'
        "\n"
        "# the string's, not a comment\n"
        '"""\n'
        "    label = f'''{note}\n"
        "\n"
        "'''\n"
        "    st.session_state.kept = (note, label, lambda: value)  # kept\n"
    )
    units = _selected_units(source)
    remember = next(unit for unit in units if unit.first_line == 4)
    assert remember.lines == (4, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17)
    note = cst.parse_module(remember.text).body[0]
    assert isinstance(note, cst.FunctionDef)
    assembled = cst.ensure_type(note.body, cst.IndentedBlock).body[0]
    value = cst.ensure_type(assembled, cst.SimpleStatementLine).body[0]
    text = cst.ensure_type(cst.ensure_type(value, cst.Assign).value, cst.SimpleString)
    assert text.evaluated_value == "first\n\n# the string's, not a comment\n"
    assert [(v.line, v.column, v.code) for v in check_source(source, strict=True)] == [
        (17, 42, "PKL101")
    ]
