"""Where a reported node starts, without rendering the whole file.

libcst computes positions by generating code, which costs more than parsing it.
Each selected unit of lines is parsed as a module of its own, a long one in
pieces, so a report's position is found within the one piece that holds it:
its line is the file's line of that line of the piece, which the selection
knows, and its column is offset by the indentation the piece lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from flake8_session_pickle.parsing import ParsedUnit, Piece


class UnitPositions:
    def __init__(self, units: Iterable[ParsedUnit]) -> None:
        self._units: dict[int, ParsedUnit] = {}
        for unit in units:
            for statement in unit.body:
                self._units[id(statement)] = unit
        self._positions: dict[int, Mapping[cst.CSTNode, CodeRange]] = {}

    def start(self, node: cst.CSTNode, statement: cst.CSTNode) -> tuple[int, int]:
        """The 1-based line and 0-based column (in characters) where ``node``, which
        is in the module-level ``statement``, starts."""
        unit = self._units[id(statement)]
        node = unit.original(node)
        for piece in unit.pieces:
            found = self._of(piece).get(node)
            if found is not None:
                line = piece.lines[found.start.line - 1]
                column = 0 if line in piece.verbatim else piece.column
                return line, column + found.start.column
        raise KeyError(node)

    def _of(self, piece: Piece) -> Mapping[cst.CSTNode, CodeRange]:
        positions = self._positions.get(id(piece.module))
        if positions is None:
            # What ``MetadataWrapper.resolve`` does for this one provider, less its
            # visit of every node to hand the results over, which took half the time.
            provider = PositionProvider()
            provider._gen_impl(piece.module)
            # It stores a ``CodeRange`` for every node, never a lazy value.
            positions = cast("Mapping[cst.CSTNode, CodeRange]", provider._computed)
            self._positions[id(piece.module)] = positions
        return positions
