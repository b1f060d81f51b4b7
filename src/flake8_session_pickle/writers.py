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
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flake8_session_pickle.limits import exceeded
from flake8_session_pickle.project import MAX_MODULE_CHARACTERS, Project, project_of
from flake8_session_pickle.selection import Writers, module_writers

if TYPE_CHECKING:
    from flake8_session_pickle.sinks import Sink

_KNOWN: dict[tuple[Path, int, int, int, bool], Writers] = {}
"""Each module's writers, by its path, modification time and size, the sinks
they were found for, and whether a module without the sinks' gate words was
read too."""


def imported_writers(
    tree: ast.Module,
    source: str,
    checked: Path,
    sinks: Sequence[Sink],
    gate_words: Collection[str],
) -> Writers:
    """The dotted names by which the checked file (``tree``, Python's parse of
    ``source``, at ``checked``) may call writers of the app's modules its
    module-level imports name: the name a ``from`` import binds (``remember``),
    or a module's name then the function's (``helpers.remember``,
    ``utils.state.remember``); ``.name`` for a method of a class of such a module
    (``state.set_agent(agent)``)."""
    project = project_of(checked)
    # A module storing into what a parameter is given need not name the sink:
    # where the file gives a call a sink's object, every module it imports is read.
    gives_sink = _gives_sink_object(source, sinks)
    values: set[str] = set()
    places: set[str] = set()
    for bound, module, name in _imports(tree, project, checked):
        place = project.split(f"{module}.{name}" if name else module)
        if place is None:
            continue
        path, within = place
        if len(within) > 1:
            continue
        writers = _writers(path, sinks, gate_words, gives_sink)
        for known, found in ((writers.values, values), (writers.places, places)):
            # a method of the module's classes, on whatever instance the file has
            found.update(writer for writer in known if writer.startswith("."))
            if within:
                if within[0] in known:
                    found.add(bound)
            else:
                found.update(f"{bound}.{writer}" for writer in known if not writer.startswith("."))
    return Writers(frozenset(values), frozenset(places))


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


def _gives_sink_object(source: str, sinks: Sequence[Sink]) -> bool:
    """Whether the text passes a sink's object, or a place within it, to a call
    (``keep(st.session_state)``, ``keep(state=st.session_state.servers)``)."""
    named = sorted(a for sink in sinks for a in sink.attributes if a in source)
    if not named:
        return False
    attributes = "|".join(map(re.escape, named))
    argument = rf"(?:[(,]|\b\w+=)\s*(?:\w+\s*\.\s*)+(?:{attributes})"
    within = r"(?:\s*\.\s*\w+|\s*\[[^\]\n]*\])*"
    return re.search(rf"{argument}{within}\s*[,)]", source) is not None


def _writers(
    path: Path, sinks: Sequence[Sink], gate_words: Collection[str], ungated: bool
) -> Writers:
    try:
        status = path.stat()
    except OSError:
        return Writers()
    key = (path, status.st_mtime_ns, status.st_size, id(sinks), ungated)
    if key not in _KNOWN:
        _KNOWN[key] = _read_writers(path, sinks, gate_words, ungated)
    return _KNOWN[key]


def _read_writers(
    path: Path, sinks: Sequence[Sink], gate_words: Collection[str], ungated: bool
) -> Writers:
    """``ungated``: also a module without any of ``gate_words``, whose functions
    may store into what a parameter is given, never into a sink named."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return Writers()
    if len(text) > MAX_MODULE_CHARACTERS or not (
        ungated or any(word in text for word in gate_words)
    ):
        return Writers()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Writers()
    if exceeded(tree, text):
        return Writers()
    return module_writers(tree, text, sinks)
