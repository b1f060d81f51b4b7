"""The functions of the app's own modules that store what a call gives them into
a sink (``def remember(key, value): st.session_state[key] = value`` in
``helpers.py``), by the names the checked file calls them with: a call passing
them values is a write of the checked file's, reported at the call.

Which functions of a module are such writers is learned from Python's parse of
the module, read from disk once per process and again only when it changes;
a module that holds none of the sinks' gate words has none of its own, and is
parsed only for the writers it imports from other modules of the app (a
package's ``__init__`` re-exporting ``from .state import remember``). Nothing
is imported or run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flake8_session_pickle.project import MAX_IMPORT_DEPTH, Project, project_of, read_module
from flake8_session_pickle.selection import Writers, module_writers

if TYPE_CHECKING:
    from flake8_session_pickle.sinks import Sink

_KNOWN: dict[tuple[Path, int, int, int], Writers] = {}
"""Each module's writers, by its path, modification time and size, and the
sinks they were found for."""

_FROM_IMPORT = re.compile(r"^from\s", re.MULTILINE)


def imported_writers(
    tree: ast.Module, checked: Path, sinks: Sequence[Sink], gate_words: Collection[str]
) -> Writers:
    """The dotted names by which the checked file (``tree``, at ``checked``) may
    call writers of the app's modules its module-level imports name: the name a
    ``from`` import binds (``remember``), or a module's name then the function's
    (``helpers.remember``, ``utils.state.remember``); ``.name`` for a method of
    a class of such a module (``state.set_agent(agent)``)."""
    return _Reading(project_of(checked), sinks, gate_words).imported(tree, checked, 0)


class _Reading:
    """What learning the writers a file imports needs: its project, the sinks
    and their gate words."""

    def __init__(
        self, project: Project, sinks: Sequence[Sink], gate_words: Collection[str]
    ) -> None:
        self._project = project
        self._sinks = sinks
        self._gate_words = gate_words
        self._reading: set[Path] = set()
        """The modules being read, one inside another."""
        self._partial: dict[Path, Writers] = {}
        """Modules read where an import back into a module being read, or the
        depth, cut what they import short: kept for this file only."""
        self._cut = False
        """Whether what is being read was cut short."""

    def imported(self, tree: ast.Module, importer: Path, depth: int) -> Writers:
        """The writers the module-level imports of ``tree`` (at ``importer``, that
        many imports deep) bind, by the dotted names it may call them with."""
        values: set[str] = set()
        places: set[str] = set()
        for bound, module, name in _imports(tree, self._project, importer):
            place = self._project.split(f"{module}.{name}" if name else module)
            if place is None:
                continue
            path, within = place
            if len(within) > 1:
                continue
            writers = self._writers(path, depth + 1)
            for known, found in ((writers.values, values), (writers.places, places)):
                # a method of the module's classes, on whatever instance the file has
                found.update(writer for writer in known if writer.startswith("."))
                if within:
                    if within[0] in known:
                        found.add(bound)
                else:
                    found.update(
                        f"{bound}.{writer}" for writer in known if not writer.startswith(".")
                    )
        return Writers(frozenset(values), frozenset(places))

    def _writers(self, path: Path, depth: int) -> Writers:
        try:
            status = path.stat()
        except OSError:
            return Writers()
        key = (path, status.st_mtime_ns, status.st_size, id(self._sinks))
        known = _KNOWN.get(key)
        if known is None:
            known = self._partial.get(path)
        if known is not None:
            return known
        if path in self._reading:
            self._cut = True  # an import back into a module being read finds nothing
            return Writers()
        outer_cut, self._cut = self._cut, False
        self._reading.add(path)
        try:
            found = self._read(path, depth)
        finally:
            self._reading.discard(path)
        if self._cut:
            self._partial[path] = found
        else:
            _KNOWN[key] = found
        self._cut = self._cut or outer_cut
        return found

    def _read(self, path: Path, depth: int) -> Writers:
        """The writers of the module at ``path``: its own, where it holds a gate
        word, and those its ``from`` imports bind, at most
        :data:`MAX_IMPORT_DEPTH` imports deep."""
        source = read_module(path)
        if source is None:
            return Writers()
        text = source.text
        own = any(word in text for word in self._gate_words)
        follows = _FROM_IMPORT.search(text) is not None
        if follows and depth >= MAX_IMPORT_DEPTH:
            follows, self._cut = False, True
        if not (own or follows):
            return Writers()
        tree = source.tree
        if tree is None:
            return Writers()
        imported = self.imported(tree, path, depth) if follows else Writers()
        found = Writers()
        if (own or imported.values) and source.analysable:
            found = module_writers(tree, text, self._sinks, imported)
        return Writers(found.values | imported.values, found.places | imported.places)


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
