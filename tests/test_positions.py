"""Positions found within each separately parsed unit of lines, and within each
piece of a unit parsed in pieces, match libcst's positions over the whole module."""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from flake8_session_pickle import parsing
from flake8_session_pickle.limits import LINE
from flake8_session_pickle.parsing import parse_unit
from flake8_session_pickle.positions import UnitPositions
from flake8_session_pickle.selection import Unit, first_line, line_groups, newline_ended
from flake8_session_pickle.walk import child_nodes

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.py"))

TRICKY = {
    "comments-and-blank-lines": "# header\n\n\nimport os  # note\n\n# before\nx = [\n 1,\n]\n",
    "decorators": "@a\n# between\n@b(1)\n\ndef f():\n    return lambda: 1\n",
    "semicolons": "a = 1; b = lambda: 2; c = 3\nif a: d = 4; e = 5\n",
    "tabs": "if True:\n\tx = 1\n\tif x:\n\t\ty = lambda: 2\n",
    "crlf": "x = 1\r\n\r\ndef f():\r\n    return (\r\n        2)\r\n",
    "multiline-strings": 'x = """a\nb\nc"""\ny = (\n    "d"\n    "e"\n)\nz = 1\n',
    "continuations": "x = 1 + \\\n    2\nclass K(\n    object):\n    y = 3\n",
    "no-trailing-newline": "x = 1\ny = [2,\n 3]",
    "unicode": "é = 'ñ'\nst = {'é': lambda: 'ü'}\n",
    "backslash-joined-statements": "x = 1; \\\ny = lambda: 2\nz = 3\n",
    "trailing-comments": "x = 1  # one\n# two\n\ny = 2\n# end",
    "blocks": (
        "@a\ndef f(x):\n    # note\n    y = [\n        x,\n    ]\n\n    if y:\n"
        "        return lambda: 1\n    elif x:\n        pass\n    else:\n"
        "        for i in y:\n            print(i)\n        else:\n            z = 2\n"
        "    try:\n        w = 1\n    except (KeyError, ValueError) as e:\n        w = e\n"
        "    else:\n        w = 3\n    finally:\n        del w\n"
        "    with open(x) as f, g:\n        return f\n"
    ),
    "blocks-with-odd-lines": (
        "if a:\n    s = '''\nstring\n'''\n    t = 1 + \\\n2\nelse:\n\tu = 3\n"
        "while b:\n    v = 4\n# dedented comment\n    w = 5\n"
    ),
}


def every_node(root: cst.CSTNode) -> list[cst.CSTNode]:
    nodes, stack = [], [root]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(child_nodes(node))
    return nodes


def whole_units(tree: ast.Module, source: str) -> list[Unit]:
    """Every module-level statement, in units of the lines they share, each line
    ending in a line feed as the selection's units do."""
    lines = LINE.findall(source)
    within_strings = frozenset(
        number
        for node in ast.walk(tree)
        if isinstance(node, (ast.Constant, ast.JoinedStr)) and node.end_lineno
        for number in range(node.lineno + 1, node.end_lineno + 1)
    )
    chosen = []
    for group in line_groups(tree.body, lines):
        statements = tuple(tree.body[index] for index in group)
        first = first_line(statements[0])
        last = max(statement.end_lineno or first for statement in statements)
        chosen.append(
            Unit(
                first,
                statements,
                "".join(newline_ended(line) for line in lines[first - 1 : last]),
                tuple(range(first, last + 1)),
                within_strings=within_strings & set(range(first, last + 1)),
            )
        )
    return chosen


@pytest.mark.parametrize(
    "source",
    [path.read_text() for path in FIXTURES] + list(TRICKY.values()),
    ids=[path.name for path in FIXTURES] + list(TRICKY),
)
@pytest.mark.parametrize("piece_lines", [parsing.MAX_PIECE_LINES, 1])
def test_unit_positions_match_whole_module_positions(
    source: str, piece_lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "MAX_PIECE_LINES", piece_lines)
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    tree = ast.parse(source)
    parsed = [parse_unit(unit) for unit in whole_units(tree, source)]
    positions = UnitPositions(parsed)
    unit_statements = [statement for unit in parsed for statement in unit.body]
    assert len(unit_statements) == len(module.body)
    checked = 0
    for whole, alone in zip(module.body, unit_statements, strict=True):
        for node, same in zip(every_node(whole), every_node(alone), strict=True):
            assert type(node) is type(same)
            if node in expected:
                start = expected[node].start
                assert positions.start(same, alone) == (start.line, start.column)
                checked += 1
    assert checked > 0
