"""Where a reported node starts, without rendering the whole module.

libcst computes positions by generating the code of the entire module, which
costs more than parsing it. A report's position is found instead from the one
module-level statement that holds it: libcst positions within that statement
alone, offset by the statement's first line, which Python's ``ast`` already
knows.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider


class StatementPositions:
    def __init__(self, module: cst.Module, tree: ast.Module) -> None:
        self._module = module
        self._first_lines: dict[int, int] = {}
        statements = iter(tree.body)
        for statement in module.body:
            count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
            first = next(statements)
            for _ in range(count - 1):
                next(statements)
            self._first_lines[id(statement)] = _first_line(first)
        self._positions: dict[int, Mapping[cst.CSTNode, CodeRange]] = {}

    def start(self, node: cst.CSTNode, statement: cst.CSTNode) -> tuple[int, int]:
        """The 1-based line and 0-based column (in characters) where ``node`` starts."""
        key = id(statement)
        positions = self._positions.get(key)
        if positions is None:
            assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
            # The module's own indentation and newline settings render the statement
            # as it is in the file.
            alone = self._module.with_changes(body=[statement], header=[], footer=[])
            positions = MetadataWrapper(alone, unsafe_skip_copy=True).resolve(PositionProvider)
            self._positions[key] = positions
        start = positions[node].start
        # The statement's code begins with its leading blank and comment lines.
        leading = len(getattr(statement, "leading_lines", ()))
        return self._first_lines[key] + start.line - 1 - leading, start.column


def _first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno
