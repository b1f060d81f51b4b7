"""The app's own modules, read from disk and run over abstract values, never
imported: what their names are bound to, for the checked file that imports them.

Each module is read from disk once per process (per settings), and again only
when the file changes. A run of it takes only the module-level statements that
bind the names asked of it and what those need (a helper module's other
functions are never parsed), each parsed by libcst at most once; a module is
run again when more of its names are asked for, or where its imports lead
elsewhere for the checked file (whose folder decides the folders searched).
What a run binds at module level is kept, and its functions and classes are
followed from the checked file as its own are. What is kept is for the modules
of the last few projects met: flake8 checks a project's files together, and
what is kept costs memory and the time of every collection of the garbage.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from flake8_session_pickle.evaluation import Evaluator
from flake8_session_pickle.events import Event
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.parsing import parse_units
from flake8_session_pickle.project import MAX_IMPORT_DEPTH, Project, read_module
from flake8_session_pickle.scopes import ModuleInfo, Scope, ScopeKind, made_scopes
from flake8_session_pickle.selection import select_bindings
from flake8_session_pickle.values import NOTHING_KNOWN, Module, Values, union

Resolved = tuple[Path, tuple[str, ...]] | str | None
"""Where a name an import gives leads: a module's file and the names within it,
or the absolute name of a relative import; None where it is not the app's."""


@dataclass(eq=False)
class _Run:
    """One run of a module."""

    names: frozenset[str] | None
    """The names it binds as a run for every name would: those it was run for,
    and those all of whose binding statements it ran; None: all of them."""
    scope: Scope | None = None
    """What the module binds; None where it cannot be run safely."""
    resolved: dict[tuple[str, ...], Resolved] = field(default_factory=dict)
    """Where the names its run imported led (also from the modules it read), on
    which what it binds depends."""
    made: list[Scope] = field(default_factory=list)
    """The scopes its run made, which hold what it binds."""

    def serves(self, names: frozenset[str] | None) -> bool:
        return self.names is None or (names is not None and names <= self.names)


@dataclass(frozen=True)
class _Place:
    name: str
    """Absolute."""
    path: Path
    """The module's file."""
    names: tuple[str, ...]
    """What is reached within it: a name it binds, then attributes."""


@dataclass
class _Source:
    """A module as read from disk, with the statements runs of it have parsed."""

    text: str
    info: ModuleInfo
    parsed: dict[int, Sequence[cst.BaseStatement]] = field(default_factory=dict)
    """The statements of each unit of module-level statements parsed so far, by
    its first line."""


@dataclass
class _Kept:
    """What is kept of one version of a module."""

    source: _Source | None = None
    read: bool = False
    """Whether it was read from disk: ``source`` None then means it cannot be
    read, parsed or analysed safely."""
    runs: list[_Run] = field(default_factory=list)


MAX_PROJECTS = 2
"""Projects whose modules are kept: a project may hold another one (a folder of
its own with ``pyproject.toml``), whose files flake8 checks amid its own."""

_KEPT: dict[Path, dict[tuple[Path, int, int, int], _Kept]] = {}
"""By project root, the most recent last: each module, by its path,
modification time and size, and the knowledge it was run with."""

_ANYWHERE = cst.Name("_")
"""Where an attribute of a module's object is read, for a value that the
checked file's expression reading it reports at its own place."""


class AppModules:
    def __init__(self, project: Project | None, checked: Path | None, evaluator: Evaluator) -> None:
        self._project = project
        self._checked = checked
        self._evaluator = evaluator
        self._reading: list[Path] = []
        self._resolving: list[dict[tuple[str, ...], Resolved]] = []
        """For each module being read, where its imports led."""
        self._kept: dict[tuple[Path, int, int, int], _Kept] = {}
        if project is not None:
            self._kept = _KEPT.pop(project.root, {})
            _KEPT[project.root] = self._kept
            while len(_KEPT) > MAX_PROJECTS:
                _release(_KEPT.pop(next(iter(_KEPT))))

    def values(self, names: Sequence[str], scope: Scope | None) -> list[Values | None]:
        """What modules of the app bind to qualified names, relative ones resolved
        from the module ``scope`` is in, each module run once for all the names
        asked of it; None for a name that is not the app's."""
        if self._project is None:
            return [None] * len(names)
        places = [self._place(name, scope) for name in names]
        asked: dict[Path, set[str]] = {}
        for place in places:
            if isinstance(place, _Place):
                asked.setdefault(place.path, set()).update(place.names[:1])
        modules = {path: self._module(path, frozenset(first)) for path, first in asked.items()}
        return [
            place if not isinstance(place, _Place) else self._bound(place, modules[place.path])
            for place in places
        ]

    def _place(self, name: str, scope: Scope | None) -> _Place | Values | None:
        """Where a qualified name leads among the app's modules; nothing known
        for a relative name that leads nowhere, None for a name not the app's."""
        if name.startswith("."):
            absolute = self._absolute(name, scope)
            if absolute is None:
                return NOTHING_KNOWN
            name = absolute
        found = self._resolve(("split", name))
        if found is None:
            return None
        assert isinstance(found, tuple)
        return _Place(name, *found)

    def _bound(self, place: _Place, module: Scope | None) -> Values:
        if module is None:
            return NOTHING_KNOWN
        if not place.names:
            return (Module(place.name),)
        values = module.bindings.get(place.names[0], NOTHING_KNOWN)
        for attribute in place.names[1:]:
            values = union(
                *(self._evaluator.attribute(value, attribute, _ANYWHERE) for value in values)
            )
        return values

    def _absolute(self, name: str, scope: Scope | None) -> str | None:
        """A relative name made absolute from the module ``scope`` is in."""
        importer = scope.module.path if scope is not None and scope.module else self._checked
        if importer is None:
            return None
        absolute = self._resolve(("absolute", name, str(importer)))
        assert absolute is None or isinstance(absolute, str)
        return absolute

    def exports(self, name: str, scope: Scope | None) -> dict[str, Values]:
        """What ``from name import *`` binds, where ``name`` is a module of the
        app: the names listed in its ``__all__`` where it lists them as
        literals, else every name it binds that does not start with ``_``."""
        if self._project is None:
            return {}
        place = self._place(name, scope)
        if not isinstance(place, _Place) or place.names:
            return {}
        module = self._module(place.path, None)
        if module is None:
            return {}
        listed = module.module.exported if module.module is not None else None
        return {
            bound: values
            for bound, values in module.bindings.items()
            if (bound in listed if listed is not None else not bound.startswith("_"))
        }

    def _resolve(self, query: tuple[str, ...]) -> Resolved:
        """Where a name leads for the checked file, noted for every module being read."""
        answer = self._answer(query)
        for resolved in self._resolving:
            resolved[query] = answer
        return answer

    def _answer(self, query: tuple[str, ...]) -> Resolved:
        assert self._project is not None
        if query[0] == "absolute":
            return self._project.absolute(query[1], Path(query[2]))
        found = self._project.split(query[1])
        return None if found is None else (found[0], tuple(found[1]))

    def _module(self, path: Path, names: frozenset[str] | None) -> Scope | None:
        """What the module at ``path`` binds to ``names`` (None: to every name),
        and perhaps to others; None where it cannot be read safely."""
        assert self._project is not None
        try:
            status = path.stat()
        except OSError:
            return None
        key = (path, status.st_mtime_ns, status.st_size, id(self._evaluator.knowledge))
        kept = self._kept.setdefault(key, _Kept())
        # A run made for another checked file holds where its imports led then;
        # if they lead to the same places now, it binds the same.
        current = [run for run in kept.runs if self._leads_as_before(run)]
        for run in current:
            if run.serves(names):
                for resolved in self._resolving:
                    resolved.update(run.resolved)
                return run.scope
        # An import back into a module being run (an import cycle) finds the
        # names it asks for, as Python's partly run module holds those bound
        # before that import: a run of the module of its own for those names,
        # once; a cycle that comes round again makes them unknown.
        if self._reading.count(path) > 1 or len(self._reading) >= MAX_IMPORT_DEPTH:
            return None
        fresh: ast.Module | None = None
        if not kept.read:
            kept.read = True
            read = self._read(path)
            if read is not None:
                kept.source, fresh = read
        if kept.source is None:
            return None
        if names is not None:
            # Run for the names asked of it before too, so that one run serves them all.
            for run in current:
                assert run.names is not None
                names |= run.names
        run = _Run(names)
        self._reading.append(path)
        self._resolving.append(run.resolved)
        try:
            self._run(kept.source, run, fresh)
        finally:
            self._reading.pop()
            self._resolving.pop()
        kept.runs = [old for old in kept.runs if old not in current] + [run]
        return run.scope

    def _leads_as_before(self, run: _Run) -> bool:
        return all(self._answer(query) == answer for query, answer in run.resolved.items())

    def _read(self, path: Path) -> tuple[_Source, ast.Module] | None:
        """The module's text and what is known of it as a whole, with Python's
        parse of it; None where it cannot be read, parsed or analysed safely."""
        assert self._project is not None
        source = read_module(path)
        if source is None or not source.analysable or source.tree is None:
            return None
        text, tree = source.text, source.tree
        lines = {
            node.name: node.lineno
            for node in tree.body
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        }
        display = path.relative_to(self._project.root).as_posix()
        info = ModuleInfo(
            path, display, lines, FileFacts.of_module(tree, text), _listed_exports(tree)
        )
        return _Source(text, info), tree

    def _run(self, source: _Source, run: _Run, tree: ast.Module | None = None) -> None:
        """Run the module-level statements that bind the run's names and what they
        need, and widen its names to every name those statements bind as a run
        for all of them would; its scope stays None where libcst cannot parse
        one of them. ``tree``: Python's parse of the text where the caller has
        it (a module is kept as its text)."""
        statements: list[cst.BaseStatement] = []
        if tree is None:
            tree = ast.parse(source.text)
        units, served = select_bindings(tree, source.text, run.names)
        unparsed = [unit for unit in units if unit.first_line not in source.parsed]
        for unit, parsed in zip(unparsed, parse_units(unparsed), strict=True):
            if isinstance(parsed, cst.ParserSyntaxError):
                return
            source.parsed[unit.first_line] = parsed.body
        for unit in units:
            statements.extend(source.parsed[unit.first_line])
        with made_scopes() as run.made:
            scope = Scope(ScopeKind.MODULE, None)
            scope.module = source.info
            Interpreter(self._evaluator, _Silent()).run(statements, scope)
        run.scope = scope
        run.names = served


def _release(modules: dict[tuple[Path, int, int, int], _Kept]) -> None:
    """Release the scopes of every run of a project's modules, which only runs
    of its own modules refer to."""
    for kept in modules.values():
        for run in kept.runs:
            for scope in run.made:
                scope.release()


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
