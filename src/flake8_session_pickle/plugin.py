"""The flake8 adapter: hands flake8's view of a file to the engine."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from typing import Any

from flake8_session_pickle import __version__
from flake8_session_pickle.engine import DEFAULT_SETTINGS, check_source


class Plugin:
    name = "flake8-session-pickle"
    version = __version__

    def __init__(self, tree: ast.AST, lines: Sequence[str], filename: str) -> None:
        # flake8 has already decoded the file (coding cookie, BOM, stdin); its
        # lines are the text to check, and ``tree`` is that text parsed by Python.
        self._tree = tree
        self._lines = lines
        self._filename = filename

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        for violation in check_source("".join(self._lines), self._tree, DEFAULT_SETTINGS):
            yield violation.line, violation.column, violation.message, type(self)
