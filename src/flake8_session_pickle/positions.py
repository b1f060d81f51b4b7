"""Where a reported node starts, without rendering the whole file.

libcst computes positions by generating code, which costs more than parsing it.
Each selected unit of lines is parsed as a module of its own, so a report's
position is found within the one unit that holds it, offset by the unit's first
line, which Python's ``ast`` already knows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider


class UnitPositions:
    def __init__(self, units: Iterable[tuple[cst.Module, int]]) -> None:
        """``units``: each parsed unit with the 1-based line it starts at."""
        self._units: dict[int, tuple[cst.Module, int]] = {}
        for module, first_line in units:
            for statement in module.body:
                self._units[id(statement)] = (module, first_line)
        self._positions: dict[int, Mapping[cst.CSTNode, CodeRange]] = {}

    def start(self, node: cst.CSTNode, statement: cst.CSTNode) -> tuple[int, int]:
        """The 1-based line and 0-based column (in characters) where ``node``, which
        is in the module-level ``statement``, starts."""
        module, first_line = self._units[id(statement)]
        positions = self._positions.get(id(module))
        if positions is None:
            positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
            self._positions[id(module)] = positions
        start = positions[node].start
        return first_line + start.line - 1, start.column
