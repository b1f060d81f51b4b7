"""What a name means at a point of the program: abstract values and scopes.

The analysis runs the program's statements in order over abstract values, so
``f = lambda: 1; f = 3`` leaves ``f`` bound to ``3`` only, and a name bound in
both arms of an ``if`` is bound to the values of both.
"""

from __future__ import annotations

import builtins
import enum
from dataclasses import dataclass, field
from functools import cached_property

import libcst as cst

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.walk import contains_yield


@dataclass(frozen=True)
class Ref:
    """An object reached by a qualified path, e.g. ``streamlit.session_state``.

    ``()`` in a path stands for "what calling it returned":
    ``pathlib.Path().open`` is the ``open`` method of a ``Path`` instance.
    """

    path: str
    module: bool = False
    """Bound by ``import``: certainly a module object."""


class DefinitionKind(enum.Enum):
    FUNCTION = "function"
    CLASS = "class"


@dataclass(eq=False)
class Definition:
    """A function or class defined in the checked file."""

    node: cst.FunctionDef | cst.ClassDef | cst.Call
    """A ``def``, a ``class``, or a call that makes a class (``namedtuple(...)``)."""
    name: str
    kind: DefinitionKind
    scope: Scope
    """The scope the definition stands in."""
    namespace: dict[str, Values] = field(default_factory=dict)
    """A class body's bindings, for attribute look-ups on the class."""
    bases: Values = ()
    is_enum: bool = False
    """An ``enum.Enum`` subclass: its class attributes are its instances."""
    is_dataclass: bool = False
    """Decorated with ``dataclasses.dataclass``: its annotated class attributes are
    the defaults of its instances' attributes."""
    compares_by_value: bool = False
    """Its instances compare equal by value (a dataclass, an enum, a namedtuple,
    a class defining ``__eq__``), not only to themselves."""
    makes_dicts: bool = False
    """A ``TypedDict``: calling it makes a plain ``dict``."""
    caches_data: bool = False
    """A function decorated with ``st.cache_data``: Streamlit pickles what it returns."""
    keeps_results: bool = False
    """A function decorated with ``st.cache_resource``: what it returns outlives the
    script run that made it, so later runs get objects of earlier runs."""
    wrapped: bool = False
    """The name is bound to a decorator's wrapper, which calls the function but is
    not the function itself."""

    @property
    def is_local(self) -> bool:
        """Defined inside a function body: pickle cannot find it by qualified name."""
        return self.scope.in_function

    @property
    def is_module_level(self) -> bool:
        return self.scope.kind is ScopeKind.MODULE

    @cached_property
    def yields(self) -> bool:
        """A function whose own body yields: calling it makes a generator."""
        return isinstance(self.node, cst.FunctionDef) and contains_yield(self.node)


@dataclass(frozen=True)
class Instance:
    """An instance of a class defined in the checked file."""

    of: Definition


@dataclass(frozen=True)
class Unpicklable:
    """A value pickle refuses, with what to say about it and where it shows."""

    kind: Kind
    what: str
    anchor: cst.CSTNode
    """The node of the written expression the report points at."""
    path: str | None = None
    """The qualified path it was produced by, so that its methods can be looked up."""


class Role(enum.Enum):
    """How a container holds something."""

    ITEM = "item"
    """An element of a list, tuple or set, or a key of a dict: what iterating
    over the container gives."""
    VALUE = "value"
    """A value of a dict: what its ``values()`` and ``items()`` give, but not
    iterating over it."""


@dataclass(frozen=True)
class Held:
    """Something a container holds that matters to pickle: a value pickle refuses,
    or a class, function or instance of the file, which a later run may refuse
    once the container is kept. Pickling the container pickles it."""

    value: Unpicklable | Definition | Instance
    role: Role
    anchor: cst.CSTNode
    """Where it is written, for a report of the container."""


class Unknown(enum.Enum):
    """A value the analysis cannot tell anything about."""

    UNKNOWN = 0


UNKNOWN = Unknown.UNKNOWN

Value = Ref | Definition | Instance | Unpicklable | Held | Unknown
Values = tuple[Value, ...]
"""Every value a name or an expression may have, in the order first seen."""

NOTHING_KNOWN: Values = (UNKNOWN,)

_BUILTIN_NAMES = frozenset(dir(builtins))


def union(*alternatives: Values) -> Values:
    merged: list[Value] = []
    for values in alternatives:
        for value in values:
            if value not in merged:
                merged.append(value)
    return tuple(merged)


class ScopeKind(enum.Enum):
    MODULE = "module"
    FUNCTION = "function"
    CLASS = "class"
    LAMBDA = "lambda"
    EXPRESSION = "expression"
    """A comprehension: its loop targets only."""


class Scope:
    def __init__(
        self, kind: ScopeKind, parent: Scope | None, owner: Definition | None = None
    ) -> None:
        self.kind = kind
        self.parent = parent
        self.owner = owner
        """The function whose body this is."""
        self.bindings: dict[str, Values] = {}
        self._log: list[tuple[str, Values | None]] = []
        """Every binding so far, in order, with what the name was bound to before it
        (None: nothing), so that a branch is undone and joined at the cost of the
        names it bound, whatever the size of the scope."""
        self.fresh_keys: set[str] = set()
        """Session-state keys this scope has set to a new container on every run,
        so that what is added to them afterwards does not outlive the run."""
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
            return (Ref(f"builtins.{name}"),)
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
