"""Abstract values: what the analysis knows of an object at a point of the program.

A name or an expression has a tuple of values, every one it may have. Each
value carries what pickle needs: the type of an object from outside the file
(a row of the knowledge tables), the class of the file an instance belongs to,
what an object holds, how it was made (for messages), and, for places in
session state, the path to them as typed segments.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from json import dumps
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import libcst as cst

    from flake8_session_pickle.scopes import ModuleInfo, Scope


@dataclass(frozen=True)
class Module:
    """A module object, bound by ``import``."""

    name: str


@dataclass(frozen=True)
class Named:
    """An object from outside the file reached by its qualified name
    (``builtins.open``, ``openai.OpenAI``, ``streamlit.session_state``): a
    function, a class, or another object."""

    name: str


@dataclass(frozen=True)
class Constant:
    """A literal of a type that pickles by value (``"chat-log"``, ``3``, ``None``)."""

    value: Hashable


@dataclass(frozen=True)
class Text:
    """A string the code builds (an f-string) whose content is not known, but
    which is the same string wherever the value of its expression goes: one key
    of session state, however many times a name bound to it is used."""

    node: cst.CSTNode


@dataclass(frozen=True)
class Attribute:
    """A segment of a place: an attribute."""

    name: str


@dataclass(frozen=True)
class Key:
    """A segment of a place: an item under a literal key, or a built string
    (:class:`Text`)."""

    value: Hashable


@dataclass(frozen=True)
class AnyKey:
    """A segment of a place: an item under a key the analysis cannot tell."""


Segment = Attribute | Key | AnyKey


@dataclass(frozen=True)
class Place:
    """What is found at a place within an object that a sink watches, such as
    ``st.session_state["log"][0]``: the root's qualified name and the segments
    that lead from it."""

    root: str
    segments: tuple[Segment, ...] = ()

    def child(self, segment: Segment) -> Place:
        return Place(self.root, (*self.segments, segment))

    @property
    def key(self) -> Hashable | None:
        """The key the place is under in its root, where a literal gives it
        (session state's attributes are its keys: ``st.session_state.log`` is
        ``st.session_state["log"]``); None at the root itself or under a key
        not known."""
        if not self.segments:
            return None
        first = self.segments[0]
        if isinstance(first, Attribute):
            return first.name
        return first.value if isinstance(first, Key) else None


class Spread(enum.Enum):
    """How a value fills a container, where not as one item or value."""

    ITEMS = "items"
    """With what iterating over it gives (``list(xs)``, ``[*xs]``)."""
    MAPPING = "mapping"
    """With its keys and values (``dict(d)``, ``{**d}``)."""


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
    decorators: tuple[frozenset[str], ...] = ()
    """What each decorator, or the factory of ``@factory(...)``, may be, by
    qualified name."""
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
    body: Scope | None = None
    """A class's body, where its methods stand."""
    module: ModuleInfo | None = None
    """The module of the app it is defined in, where it is not the checked file:
    a rerun of the script does not redefine it."""
    keeps_results: bool = False
    """What calling it returns outlives the script run that made it
    (``st.cache_resource``), so later runs get objects of earlier runs."""
    wrapped: bool = False
    """The name is bound to a decorator's wrapper, which calls the function but is
    not the function itself."""
    bound_to_class: bool = False
    """A class method: reached through its class or an instance, its first
    parameter is the class."""
    static: bool = False
    """A static method: reached through its class or an instance, it takes no
    instance."""
    is_property: bool = False
    """A property (``@property``, ``@functools.cached_property``): reading it on
    an instance gives what the method returns."""
    cached_on_instance: bool = False
    """A ``functools.cached_property``: once read, what it returned is an
    attribute of the instance."""

    @property
    def origin(self) -> str:
        """Where it is defined, for messages, where not in the checked file."""
        if self.module is None:
            return ""
        line = self.module.lines.get(self.name)
        return self.module.display if line is None else f"{self.module.display}:{line}"

    @property
    def is_local(self) -> bool:
        """Defined inside a function body: pickle cannot find it by qualified name."""
        return self.scope.in_function

    @property
    def is_module_level(self) -> bool:
        return self.scope.parent is None

    @cached_property
    def yields(self) -> bool:
        """A function whose own body yields: calling it makes a generator."""
        # A definition exists only once libcst has parsed the file.
        import libcst as cst

        from flake8_session_pickle.walk import contains_yield

        return isinstance(self.node, cst.FunctionDef) and contains_yield(self.node)

    @property
    def is_async(self) -> bool:
        import libcst as cst

        return isinstance(self.node, cst.FunctionDef) and self.node.asynchronous is not None


@dataclass(frozen=True)
class Bound:
    """A method of a class of the file reached through an instance, or a class
    method through its class: its first parameter is bound to ``receiver``.
    pickle stores it as its receiver and the method's name."""

    function: Definition
    receiver: Value


Arguments = tuple[tuple[str, "Values"], ...]
"""What each parameter of a function is bound to at a call, in parameter order."""


@dataclass(frozen=True)
class Super:
    """What ``super()`` gives in a method of ``cls``: the next classes of the
    receiver's method resolution order."""

    cls: Definition
    receiver: Value


@dataclass(frozen=True)
class Lambda:
    node: cst.Lambda
    via: str = ""
    """How it reached the expression judged, where not directly: ``returned by 'f()'``."""


@dataclass(frozen=True)
class Instance:
    """An instance of a class defined in the checked file."""

    of: Definition
    receiver: bool = False
    """The instance a method runs on, bound to its first parameter."""
    kept: bool = False
    """It outlives the script run that made it (returned by an
    ``st.cache_resource`` function), however it is stored."""
    arguments: Arguments | None = None
    """What it was made with: the parameters of its ``__init__``, or the fields
    of a dataclass, bound to what the call gave, where any of it matters."""
    assigned: Arguments = ()
    """What code outside its class stores on it (``obj.client = make()``), by
    attribute, where any of it matters."""


class Role(enum.Enum):
    """How a container holds something."""

    ITEM = "item"
    """An element of a list, tuple or set, or a key of a dict: what iterating
    over the container gives."""
    VALUE = "value"
    """A value of a dict: what its ``values()`` and ``items()`` give, but not
    iterating over it."""
    RESULT = "result"
    """What awaiting a coroutine gives."""


@dataclass(frozen=True)
class Held:
    """Something an object holds that matters to pickle. Pickling the object
    pickles it."""

    value: Value
    role: Role
    anchor: cst.CSTNode
    """Where it is written, in the expression judged, for a report of the holder."""
    iterated: bool = False
    """Held through an iterator over it, which pickles for some objects that do
    not (a dict view)."""
    position: Hashable | None = None
    """Where it is held, where known: its index in a tuple or list (what
    unpacking gives), its key in a dict (what ``**`` passes as a keyword)."""


@dataclass(frozen=True)
class Object:
    """An object of a type the knowledge tables have a row for."""

    type: str
    """The row's name."""
    made_by: str
    """How the code made it, for messages: ``open()``, ``pathlib.Path().open()``."""
    holds: tuple[Held, ...] = ()
    via: str = ""
    """How it reached the expression judged, where not directly: ``returned by 'f()'``."""
    described_as: str = ""
    """What to call it in a report, where its type and maker do not say it well
    (``generator object of 'numbers()'``)."""
    built_to_pickle: bool = False
    """Made with an argument with which its type's values pickle, although the
    type's row refuses them."""


@dataclass(frozen=True)
class Member:
    """A method or attribute of an object of a known type, before it is called."""

    owner: Object
    name: str


class Unknown(enum.Enum):
    """A value the analysis cannot tell anything about."""

    UNKNOWN = 0


UNKNOWN = Unknown.UNKNOWN

Value = (
    Module
    | Named
    | Constant
    | Text
    | Place
    | Definition
    | Bound
    | Super
    | Lambda
    | Instance
    | Object
    | Member
    | Unknown
)
Values = tuple[Value, ...]
"""Every value a name or an expression may have, in the order first seen."""

NOTHING_KNOWN: Values = (UNKNOWN,)


def union(*alternatives: Values) -> Values:
    merged: list[Value] = []
    for values in alternatives:
        for value in values:
            if value not in merged:
                merged.append(value)
    return tuple(merged)


def place_name(place: Place) -> str:
    """How the code usually names a watched place (``st.session_state.log[0]``)."""
    root = "st.session_state" if place.root == "streamlit.session_state" else place.root
    parts = [root]
    for segment in place.segments:
        if isinstance(segment, Attribute):
            parts.append(f".{segment.name}")
        elif isinstance(segment, Key) and not isinstance(segment.value, Text):
            value = segment.value
            parts.append(f"[{dumps(value) if isinstance(value, str) else repr(value)}]")
        else:
            parts.append("[...]")
    return "".join(parts)


def display_name(name: str) -> str:
    """A qualified name as code spells it: builtins without their module."""
    return name.removeprefix("builtins.")
