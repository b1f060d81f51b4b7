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
        if self._project is None:
            return None
        if name.startswith(".") and self._absolute(name, scope) is None:
            return NOTHING_KNOWN
        found = self._resolve(name, scope)
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

    def _absolute(self, name: str, scope: Scope | None) -> str | None:
        """A relative name made absolute from the module ``scope`` is in."""
        assert self._project is not None
        importer = scope.module.path if scope is not None and scope.module else self._checked
        return None if importer is None else self._project.absolute(name, importer)

    def _resolve(self, name: str, scope: Scope | None) -> tuple[Path, list[str]] | None:
        """The file of the app's module a qualified name leads to, and the names
        within it; None where the name is not the app's."""
        if self._project is None:
            return None
        if name.startswith("."):
            absolute = self._absolute(name, scope)
            if absolute is None:
                return None
            name = absolute
        return self._project.split(name)

    def exports(self, name: str, scope: Scope | None) -> dict[str, Values]:
        """What ``from name import *`` binds, where ``name`` is a module of the
        app: the names listed in its ``__all__`` where it lists them as
        literals, else every name it binds that does not start with ``_``."""
        found = self._resolve(name, scope)
        if found is None or found[1]:
            return {}
        module = self._module(found[0])
        if module is None:
            return {}
        listed = module.module.exported if module.module is not None else None
        return {
            bound: values
            for bound, values in module.bindings.items()
            if (bound in listed if listed is not None else not bound.startswith("_"))
        }

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
        scope.module = ModuleInfo(
            path, display, lines, FileFacts(tree, text, frozenset()), _listed_exports(tree)
        )
        Interpreter(self._evaluator, _Silent()).run(module.body, scope)
        return scope


def _listed_exports(tree: ast.Module) -> frozenset[str] | None:
    """The names a module-level ``__all__ = [...]`` of string literals lists."""
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and any(
                isinstance(target, ast.Name) and target.id == "__all__"
                for target in statement.targets
            )
            and isinstance(statement.value, (ast.List, ast.Tuple))
        ):
            names = [
                element.value
                for element in statement.value.elts
                if isinstance(element, ast.Constant)
            ]
            if all(isinstance(name, str) for name in names):
                return frozenset(str(name) for name in names)
    return None


class _Silent:
    """Takes the events of a module's run: only what it binds matters."""

    def heard(self, event: Event) -> None:
        pass
