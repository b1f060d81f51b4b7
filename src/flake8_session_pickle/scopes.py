"""What a name means at a point of the program: scopes of abstract values.

The analysis runs the program's statements in order over abstract values, so
``f = lambda: 1; f = 3`` leaves ``f`` bound to ``3`` only, and a name bound in
both arms of an ``if`` is bound to the values of both.
"""

from __future__ import annotations

import builtins
import enum
from collections.abc import Container, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flake8_session_pickle.values import NOTHING_KNOWN, Named, Values, union

if TYPE_CHECKING:
    from flake8_session_pickle.facts import FileFacts
    from flake8_session_pickle.values import Definition

_BUILTIN_NAMES = frozenset(dir(builtins))

WrittenKey = tuple[str, Hashable]
"""A key of a watched place's root, by the root's name and the key
(``("streamlit.session_state", "conn")``)."""

Branch = dict[str | WrittenKey, Values]
"""What a branch left each name bound to and each key written with."""


_MADE: list[list[Scope]] = []
"""The scopes made within each :func:`made_scopes` in force, innermost last."""


@contextmanager
def made_scopes() -> Iterator[list[Scope]]:
    """The scopes made within, but within an inner one. A definition and the
    scope that binds it refer to each other (a class and its body, a function
    and those defined in it), so what a run leaves waits for the cycle
    collector, which walks it and every libcst node it holds for each
    collection it survives, unless each scope is released when done with."""
    made: list[Scope] = []
    _MADE.append(made)
    try:
        yield made
    finally:
        _MADE.pop()


class ScopeKind(enum.Enum):
    MODULE = "module"
    FUNCTION = "function"
    CLASS = "class"
    LAMBDA = "lambda"
    EXPRESSION = "expression"
    """A comprehension: its loop targets only."""


@dataclass(frozen=True, eq=False)
class ModuleInfo:
    """A module of the app other than the checked file, read from disk."""

    path: Path
    display: str
    """Its path from the project root, for messages."""
    lines: dict[str, int]
    """The line of each of its module-level classes and functions."""
    facts: FileFacts
    exported: frozenset[str] | None = None
    """The names its ``__all__`` lists, where a literal at module level does."""


class Scope:
    def __init__(
        self, kind: ScopeKind, parent: Scope | None, owner: Definition | None = None
    ) -> None:
        self.kind = kind
        self.parent = parent
        self.owner = owner
        """The function or class whose body this is."""
        self.bindings: dict[str, Values] = {}
        self.written: dict[WrittenKey, Values] = {}
        """What this scope's statements run so far wrote under a key of a watched
        place (``st.session_state.conn = connect()``), so that a read of the key
        further on finds it: branches are undone and joined as bindings are."""
        self._log: list[tuple[str | WrittenKey, Values | None]] = []
        """Every binding so far, in order, with what the name was bound to before it
        (None: nothing), so that a branch is undone and joined at the cost of the
        names it bound, whatever the size of the scope."""
        self.fresh: set[object] = set()
        """Places this scope has set to a new container on every run, so that what
        is added to them afterwards does not outlive the run."""
        self.self_name: str | None = None
        """A function body's first parameter: the instance, in a method."""
        self.module: ModuleInfo | None = parent.module if parent is not None else None
        """The module of the app this scope is in, where it is not the checked file."""
        self.conditional = 0
        """How many conditions (``if``, ``while``, ``except``, ``case``) enclose
        the statement being run, within this scope."""
        self.decidable: Container[str] = frozenset()
        """In a function body run with what a call gives its parameters, those
        the body never binds again: an ``if`` on one holding only constants
        takes one branch."""
        self.loops = 0
        """How many loops enclose the statement being run, within this scope."""
        if _MADE:
            _MADE[-1].append(self)

    @property
    def in_function(self) -> bool:
        scope: Scope | None = self
        while scope is not None:
            if scope.kind is ScopeKind.FUNCTION:
                return True
            scope = scope.parent
        return False

    @property
    def binding_scope(self) -> Scope:
        """Where an assignment expression (``:=``) binds: never a comprehension."""
        scope = self
        while scope.kind is ScopeKind.EXPRESSION and scope.parent is not None:
            scope = scope.parent
        return scope

    def bind(self, name: str, values: Values) -> None:
        self._log.append((name, self.bindings.get(name)))
        self.bindings[name] = values

    def write(self, key: WrittenKey, values: Values) -> None:
        """Record what a statement of this scope wrote under ``key`` of a watched
        place's root (the place's root and the key)."""
        self._log.append((key, self.written.get(key)))
        self.written[key] = values

    @contextmanager
    def unwritten(self, key: WrittenKey | None) -> Iterator[None]:
        """Reads of ``key`` find only what the place may hold from elsewhere while
        this lasts: a write of what its own key holds stores nothing new."""
        hidden = self.written.pop(key, None) if key is not None else None
        try:
            yield
        finally:
            if hidden is not None:
                assert key is not None
                self.written[key] = hidden

    def release(self) -> None:
        """Let go of what it holds, once nothing reads it again."""
        self.bindings.clear()
        self.written.clear()
        self._log.clear()
        self.owner = None

    def _table(self, key: str | WrittenKey) -> dict[Any, Values]:
        return self.bindings if isinstance(key, str) else self.written

    def lookup(self, name: str) -> Values:
        if name in self.bindings:
            return self.bindings[name]
        scope = self.parent
        while scope is not None:
            # Function bodies do not see the names of an enclosing class body.
            if scope.kind is not ScopeKind.CLASS and name in scope.bindings:
                return scope.bindings[name]
            scope = scope.parent
        if name in _BUILTIN_NAMES:
            return (Named(f"builtins.{name}"),)
        return NOTHING_KNOWN

    def mark(self) -> int:
        """Where a branch starts, for :meth:`rewind`."""
        return len(self._log)

    def rewind(self, mark: int) -> Branch:
        """Undo the bindings and writes made since ``mark`` and return what they
        left each name bound to and each key written with."""
        left: Branch = {}
        for key, previous in reversed(self._log[mark:]):
            table = self._table(key)
            left.setdefault(key, table[key])
            if previous is None:
                del table[key]
            else:
                table[key] = previous
        del self._log[mark:]
        return left

    def replay(self, left: Branch) -> None:
        """Bind and write again what a branch left (as returned by :meth:`rewind`)."""
        for key, values in left.items():
            if isinstance(key, str):
                self.bind(key, values)
            else:
                self.write(key, values)

    def merge(self, *branches: Branch) -> None:
        """Bind every name to what it may be after any of the branches ran from the
        current state, and every key to what may have been written under it, given
        what each left (as returned by :meth:`rewind`). A key counts as written
        after the branches only where it was before them or every branch wrote
        it: what guards a write (``if "k" not in st.session_state``) may never
        hold, as the analysis cannot tell."""
        for key in dict.fromkeys(key for branch in branches for key in branch):
            if isinstance(key, str):
                before = self.bindings.get(key, ())
                self.bind(key, union(*(branch.get(key, before) for branch in branches)))
            elif key in self.written or all(key in branch for branch in branches):
                before = self.written.get(key, ())
                self.write(key, union(*(branch.get(key, before) for branch in branches)))
