"""The flake8 adapter: hands flake8's view of a file, and the options, to the engine."""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from flake8_session_pickle import __version__
from flake8_session_pickle.engine import check_source
from flake8_session_pickle.settings import (
    DEFAULT_SETTINGS,
    Settings,
    SettingsError,
    parse_names,
    parse_unpicklable,
    warnings,
)


class Plugin:
    name = "flake8-session-pickle"
    version = __version__
    settings: Settings = DEFAULT_SETTINGS

    def __init__(self, tree: ast.AST, lines: Sequence[str], filename: str) -> None:
        # flake8 has already decoded the file (coding cookie, BOM, stdin); its
        # lines are the text to check, and ``tree`` is that text parsed by Python.
        self._tree = tree
        self._lines = lines
        self._filename = filename

    @staticmethod
    def add_options(option_manager: Any) -> None:
        option_manager.add_option(
            "--pkl-unpicklable",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="Types, and what callables or methods return, that pickle refuses, "
            "each with its code, e.g. 'mylib.Client:PKL110,mylib.open_log():PKL104,"
            "mylib.Store.cursor():PKL106'.",
        )
        option_manager.add_option(
            "--pkl-picklable",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="Types, and what callables or methods return, that pickle takes, "
            "overriding the built-in knowledge, e.g. 'redis.Redis'.",
        )
        option_manager.add_option(
            "--pkl-session-targets",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="Qualified names of objects that are Streamlit's session state in "
            "your project, e.g. 'myapp.state.session'.",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        try:
            cls.settings = Settings(
                session_paths=DEFAULT_SETTINGS.session_paths
                | parse_names(options.pkl_session_targets, "--pkl-session-targets"),
                unpicklable=parse_unpicklable(options.pkl_unpicklable, "--pkl-unpicklable"),
                picklable=parse_names(options.pkl_picklable, "--pkl-picklable"),
            )
        except SettingsError as error:
            raise SystemExit(f"flake8-session-pickle: {error}") from None
        for warning in warnings(cls.settings):
            print(f"flake8-session-pickle: warning: {warning}", file=sys.stderr)

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        tree = self._tree if isinstance(self._tree, ast.Module) else None
        path = None if self._filename in ("stdin", "-") else self._filename
        for violation in check_source("".join(self._lines), tree, self.settings, path=path):
            yield violation.line, violation.column, violation.message, type(self)
