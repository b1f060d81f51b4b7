"""What the interpreter tells its listener as it runs a program: values stored into
objects, calls, returns, and definitions.

Events refer to the expressions involved without looking into them, so that a
listener, such as a sink, can be written without the syntax tree's classes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import libcst as cst

    from flake8_session_pickle.scopes import Scope
    from flake8_session_pickle.values import Definition, Segment, Spread, Values


class StoreForm(enum.Enum):
    SET = "set"
    """Replaces what the part held: ``x.a = v``, ``x["k"] = v``, ``x.update(k=v)``,
    ``setattr(x, "a", v)``, a ``for`` or ``with`` target."""
    SET_IF_ABSENT = "set if absent"
    """Stores only where the part holds nothing yet: ``x.setdefault("k", v)``."""
    ADD = "add"
    """Adds to the container: ``x.append(v)``, ``x.extend(vs)``, ``x += vs``."""


@dataclass(frozen=True)
class Target:
    """A part of an object that a value is stored into."""

    owners: Values
    """Every value the object may be."""
    segment: Segment | None
    """The part: an attribute, an item; None for the container itself (``ADD``),
    or for all of a mapping's keys (``update(d)``)."""
    written_as: cst.CSTNode
    """The code that names the part, or the object where the code names the
    part only by the segment (``x.update(k=v)``)."""
    segment_written: bool = True
    """Whether ``written_as`` includes the segment."""


@dataclass(frozen=True)
class Stored:
    """A value stored into parts of objects. Unpacking one value into several
    targets is one event, since which item goes where is not known."""

    targets: tuple[Target, ...]
    value: cst.BaseExpression
    spread: Spread | None
    """What of the value is stored, where not the value itself: what iterating
    over it gives (``extend``, a ``for`` target), or its keys and values
    (``update(d)``)."""
    form: StoreForm
    scope: Scope
    unpacked_into_names: bool = False
    """Some of the unpacked items go to plain names, so which reach the
    targets is not known."""
    made: Values | None = None
    """What is stored, where it is not what ``value`` gives but a part of it:
    the item unpacking leads to the target."""


@dataclass(frozen=True)
class Called:
    """A call, with the name it calls and its arguments."""

    name: str
    """The last name of the callee as written (``radio`` in ``st.sidebar.radio``)."""
    callee: Callable[[], Values]
    """Every value the callee may be, worked out when asked."""
    positional: tuple[cst.BaseExpression, ...]
    keywords: Mapping[str, cst.BaseExpression]
    evaluate: Callable[[cst.BaseExpression], Values]
    """Every value an argument may be."""
    scope: Scope
    node: cst.Call


@dataclass(frozen=True)
class Returned:
    """A ``return`` statement ran in the body of ``scope.owner``."""

    value: cst.BaseExpression | None
    scope: Scope


@dataclass(frozen=True)
class Defined:
    """A ``def`` statement ran."""

    function: Definition
    node: cst.FunctionDef
    scope: Scope
    """Where it stands."""


Event = Stored | Called | Returned | Defined


class Listener(Protocol):
    def heard(self, event: Event) -> None:
        """Take an event of the run."""
