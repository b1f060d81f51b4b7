"""The app's own modules, read from disk and run over abstract values, never
imported: what their names are bound to, for the checked file that imports them.

Each module is read and run once per process (per project and settings), and
again only when the file changes; what it binds at module level is kept, and its
functions and classes are followed from the checked file as its own are.
"""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst

from flake8_session_pickle.evaluation import Evaluator
from flake8_session_pickle.events import Event
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.limits import exceeded
from flake8_session_pickle.project import Project
from flake8_session_pickle.scopes import ModuleInfo, Scope, ScopeKind
from flake8_session_pickle.values import NOTHING_KNOWN, Module, Values, union

MAX_IMPORT_DEPTH = 4
"""Modules read one inside another, from the checked file's imports; a module
imported deeper makes its names unknown."""
MAX_MODULE_CHARACTERS = 500_000
"""A larger module makes its names unknown."""

_READ: dict[tuple[Path, int, int, int, tuple[Path, ...]], Scope | None] = {}
"""What each module read binds, by its path, modification time and size, and
the knowledge and the folders searched it was read with."""

_ANYWHERE = cst.Name("_")
"""Where an attribute of a module's object is read, for a value that the
checked file's expression reading it reports at its own place."""


class AppModules:
    def __init__(self, project: Project | None, checked: Path | None, evaluator: Evaluator) -> None:
        self._project = project
        self._checked = checked
        self._evaluator = evaluator
        self._reading: list[Path] = []

    def value(self, name: str, scope: Scope | None) -> Values | None:
        """What a module of the app binds to a qualified name, a relative one
        resolved from the module ``scope`` is in; None where the name is not
        the app's."""
        project = self._project
        if project is None:
            return None
        if name.startswith("."):
            importer = scope.module.path if scope is not None and scope.module else self._checked
            absolute = None if importer is None else project.absolute(name, importer)
            if absolute is None:
                return NOTHING_KNOWN
            name = absolute
        found = project.split(name)
        if found is None:
            return None
        path, names = found
        module = self._module(path)
        if module is None:
            return NOTHING_KNOWN
        if not names:
            return (Module(name),)
        values = module.bindings.get(names[0], NOTHING_KNOWN)
        for attribute in names[1:]:
            values = union(
                *(self._evaluator.attribute(value, attribute, _ANYWHERE) for value in values)
            )
        return values

    def _module(self, path: Path) -> Scope | None:
        assert self._project is not None
        try:
            status = path.stat()
        except OSError:
            return None
        key = (
            path,
            status.st_mtime_ns,
            status.st_size,
            id(self._evaluator.knowledge),
            self._project.folders,
        )
        if key in _READ:
            return _READ[key]
        if path in self._reading or len(self._reading) >= MAX_IMPORT_DEPTH:
            return None
        self._reading.append(path)
        try:
            scope = self._read(path)
        finally:
            self._reading.pop()
        _READ[key] = scope
        return scope

    def _read(self, path: Path) -> Scope | None:
        """Run what a module binds at module level; None where it cannot be read,
        parsed or analysed safely."""
        assert self._project is not None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return None
        if len(text) > MAX_MODULE_CHARACTERS:
            return None
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        if exceeded(tree, text):
            return None
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            return None
        lines = {
            node.name: node.lineno
            for node in tree.body
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        }
        scope = Scope(ScopeKind.MODULE, None)
        display = path.relative_to(self._project.root).as_posix()
        scope.module = ModuleInfo(path, display, lines, FileFacts(tree, text, frozenset()))
        Interpreter(self._evaluator, _Silent()).run(module.body, scope)
        return scope


class _Silent:
    """Takes the events of a module's run: only what it binds matters."""

    def heard(self, event: Event) -> None:
        pass
