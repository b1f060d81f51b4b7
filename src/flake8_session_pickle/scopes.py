"""What a name means at a point of the program: scopes of abstract values.

The analysis runs the program's statements in order over abstract values, so
``f = lambda: 1; f = 3`` leaves ``f`` bound to ``3`` only, and a name bound in
both arms of an ``if`` is bound to the values of both.
"""

from __future__ import annotations

import builtins
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flake8_session_pickle.values import NOTHING_KNOWN, Named, Values, union

if TYPE_CHECKING:
    from flake8_session_pickle.facts import FileFacts
    from flake8_session_pickle.values import Definition

_BUILTIN_NAMES = frozenset(dir(builtins))


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
        self._log: list[tuple[str, Values | None]] = []
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

    def rewind(self, mark: int) -> dict[str, Values]:
        """Undo the bindings made since ``mark`` and return what they left each
        name bound to."""
        left: dict[str, Values] = {}
        for name, previous in reversed(self._log[mark:]):
            left.setdefault(name, self.bindings[name])
            if previous is None:
                del self.bindings[name]
            else:
                self.bindings[name] = previous
        del self._log[mark:]
        return left

    def merge(self, *branches: dict[str, Values]) -> None:
        """Bind every name to what it may be after any of the branches ran from the
        current state, given what each left (as returned by :meth:`rewind`)."""
        for name in dict.fromkeys(name for branch in branches for name in branch):
            before = self.bindings.get(name, ())
            self.bind(name, union(*(branch.get(name, before) for branch in branches)))
