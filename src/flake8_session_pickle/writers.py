"""The functions of the app's own modules that store what a call gives them into
a sink (``def remember(key, value): st.session_state[key] = value`` in
``helpers.py``), by the names the checked file calls them with: a call passing
them values is a write of the checked file's, reported at the call.

Which functions of a module are such writers is learned from Python's parse of
the module, read from disk once per process and again only when it changes;
a module that holds none of the sinks' gate words has none, and is not parsed.
Nothing is imported or run.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flake8_session_pickle.limits import exceeded
from flake8_session_pickle.project import MAX_MODULE_CHARACTERS, Project, project_of
from flake8_session_pickle.selection import module_writers

if TYPE_CHECKING:
    from flake8_session_pickle.sinks import Sink

_KNOWN: dict[tuple[Path, int, int, int], frozenset[str]] = {}
"""Each module's writers, by its path, modification time and size, and the
sinks they were found for."""


def imported_writers(
    tree: ast.Module, checked: Path, sinks: Sequence[Sink], gate_words: Collection[str]
) -> frozenset[str]:
    """The dotted names by which the checked file (``tree``, at ``checked``) may
    call writers of the app's modules its module-level imports name: the name a
    ``from`` import binds (``remember``), or a module's name then the function's
    (``helpers.remember``, ``utils.state.remember``); ``.name`` for a method of
    a class of such a module (``state.set_agent(agent)``)."""
    project = project_of(checked)
    found: set[str] = set()
    for bound, module, name in _imports(tree, project, checked):
        place = project.split(f"{module}.{name}" if name else module)
        if place is None:
            continue
        path, within = place
        if len(within) > 1:
            continue
        writers = _writers(path, sinks, gate_words)
        # a method of the module's classes, on whatever instance the file has
        found.update(writer for writer in writers if writer.startswith("."))
        if within:
            if within[0] in writers:
                found.add(bound)
        else:
            found.update(f"{bound}.{writer}" for writer in writers if not writer.startswith("."))
    return frozenset(found)


def _imports(tree: ast.Module, project: Project, checked: Path) -> Iterator[tuple[str, str, str]]:
    """For each module-level import: the dotted name it binds, the absolute module,
    and the name imported from it (empty for ``import a.b``)."""
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                # ``import a.b`` binds ``a``, through which ``a.b.f()`` is called
                yield alias.asname or alias.name, alias.name, ""
        elif isinstance(statement, ast.ImportFrom):
            module = statement.module or ""
            if statement.level:
                absolute = project.absolute("." * statement.level + module, checked)
                if absolute is None:
                    continue
                module = absolute
            for alias in statement.names:
                if alias.name != "*":
                    yield alias.asname or alias.name, module, alias.name


def _writers(path: Path, sinks: Sequence[Sink], gate_words: Collection[str]) -> frozenset[str]:
    try:
        status = path.stat()
    except OSError:
        return frozenset()
    key = (path, status.st_mtime_ns, status.st_size, id(sinks))
    if key not in _KNOWN:
        _KNOWN[key] = _read_writers(path, sinks, gate_words)
    return _KNOWN[key]


def _read_writers(path: Path, sinks: Sequence[Sink], gate_words: Collection[str]) -> frozenset[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return frozenset()
    if len(text) > MAX_MODULE_CHARACTERS or not any(word in text for word in gate_words):
        return frozenset()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    if exceeded(tree, text):
        return frozenset()
    return module_writers(tree, text, sinks)
