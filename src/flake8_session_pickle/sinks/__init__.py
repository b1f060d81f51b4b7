"""Where values go that Streamlit pickles: one module per sink.

A sink says which files and statements may hold a write into it (checked on
Python's ``ast`` before libcst parses anything), which of the interpreter's
events are writes into it, whether what is written there may outlive the
script run that wrote it, and how a report of it reads. Adding a sink is one
module implementing :class:`Sink`, listed in :func:`sinks`; its code family
takes a number of :class:`~flake8_session_pickle.codes.Sink`.
"""

from __future__ import annotations

import ast
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import libcst as cst

    from flake8_session_pickle.codes import Kind
    from flake8_session_pickle.codes import Sink as SinkNumber
    from flake8_session_pickle.events import Event, Target
    from flake8_session_pickle.scopes import Scope
    from flake8_session_pickle.values import Place, Spread, Values


@dataclass(frozen=True)
class Write:
    """A value written into a sink, to be judged."""

    value: cst.BaseExpression
    place: str | tuple[Target, ...]
    """Where it goes: the targets the code names, or words that say it."""
    scope: Scope
    spread: Spread | None = None
    """What of the value is written, where not the value itself."""
    persists: bool = False
    """The value stays written across script runs even where the statement runs
    every time: ``setdefault``, or an item added to a stored container."""
    persists_if_equal: bool = False
    """An instance stays written across script runs when it compares equal to the
    one a later run makes: the value of a widget with a key, which Streamlit
    keeps while it is still among the options."""
    key: Hashable = None
    """The sink's key of the place written, where it is a literal: what a later
    read of the same place is recognised by."""
    replaces_key: bool = False
    """The write replaces what is under ``key``, so that a new container written
    there on every run starts empty on every run."""
    made: Values | None = None
    """What is written, where it is not what ``value`` evaluates to: what
    calling a function gives, for a sink that watches what functions return."""
    at: Place | None = None
    """The watched place written, so that a later read of it gives what this
    write stored."""
    adds: bool = False
    """The write adds to the container at ``at`` rather than replacing it."""


class Statement(Protocol):
    """What a statement does, as the selection reads it from Python's ``ast``."""

    targets: list[ast.expr]
    """Assignment targets whose value is not a constant."""
    receivers: list[ast.expr]
    """Objects a call may store a value into."""
    decorators: list[ast.expr]
    calls: list[ast.Call]


class Mentions(Protocol):
    """Expressions that may denote a sink's root."""

    modules: set[str]

    def denotes(self, node: ast.expr) -> bool: ...

    def rooted(self, node: ast.expr) -> bool: ...


class Sink(Protocol):
    number: SinkNumber
    rerun_trap: bool
    """Whether what is written may be pickled in a later run than the one that
    wrote it, after the script has redefined its classes."""
    pickled_as_written: bool
    """Whether what is written is pickled there and then (a cached function's
    return), so that what the program does with it afterwards does not matter."""
    modules: frozenset[str]
    """Top-level packages the sink's roots come from (``streamlit``)."""
    attributes: frozenset[str]
    """Attributes of those packages that lead to the sink (``session_state``)."""
    gate_words: frozenset[str]
    """Text a file holds if it may write into the sink."""
    roots: frozenset[str]
    """Qualified names of objects whose parts the sink watches."""

    def selects(self, statement: Statement, mentions: Mentions) -> bool:
        """Whether the statement may write into the sink."""

    def writes(self, event: Event) -> Iterator[Write]:
        """The writes into the sink an event of the interpreter makes."""

    def key_of(self, place: Place) -> Hashable:
        """The key of a watched place, for :attr:`Write.key`."""

    def message(self, kind: Kind, what: str, place: str) -> str | None:
        """The report of a refused value written at ``place``; None where the sink
        does not report that kind."""


def sinks(session_paths: frozenset[str]) -> Sequence[Sink]:
    from flake8_session_pickle.sinks.cache_data import CacheData
    from flake8_session_pickle.sinks.session_state import SessionState

    return (SessionState(session_paths), CacheData())
