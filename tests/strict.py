"""The engine as the tests call it: an internal error raises instead of becoming
PKL000, so that no test can pass over a crash."""

from __future__ import annotations

import ast
from pathlib import Path

from flake8_session_pickle import Settings, Violation, check_source
from flake8_session_pickle.settings import DEFAULT_SETTINGS


def check(
    source: str,
    tree: ast.Module | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    path: Path | None = None,
) -> list[Violation]:
    return check_source(source, tree, settings, strict=True, path=path)
