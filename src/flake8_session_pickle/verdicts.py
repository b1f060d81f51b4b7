"""Whether a value can be pickled, and if not, why: pickle's rules over abstract values."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import libcst as cst

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.evaluation import Evaluator
from flake8_session_pickle.knowledge import Knowledge
from flake8_session_pickle.knowledge.language import CONSUMED_KINDS, ENTERING_METHODS
from flake8_session_pickle.knowledge.rows import TypeRow
from flake8_session_pickle.values import (
    Bound,
    Definition,
    Instance,
    Lambda,
    Module,
    Object,
    Place,
    Value,
    Values,
    display_name,
    place_name,
)


@dataclass(frozen=True)
class Refusal:
    """Why pickle refuses a value, and where a report of it points."""

    kind: Kind
    what: str
    """The value, as precisely as known: ``open file from open()``."""
    anchor: cst.CSTNode


Persists = Callable[[Value], bool]
"""Whether a class, function or instance of the script being judged may outlive
the script run that made it, so that a later run pickles it after the script
has redefined its classes; asked only when the answer matters."""


def never(value: Value) -> bool:
    return False


def always(value: Value) -> bool:
    return True


class Program(Protocol):
    """What the verdicts ask of the analysis of the whole file."""

    def instance_state(self, instance: Instance) -> tuple[str, Refusal] | None:
        """The first attribute of the instance that pickle refuses, if any."""

    def refused_base(self, cls: Definition) -> tuple[str, TypeRow] | None:
        """A base from elsewhere whose instances pickle refuses, if the class has one
        and does not customise pickling."""

    def stored_at(self, place: Place) -> Values:
        """What a watched place may hold, over all runs of the script."""

    def pinned(self, distribution: str) -> str | None:
        """The release of a package the app's requirements pin, if they do."""

    def use_of(self, row: TypeRow) -> str | None:
        """The method of :attr:`TypeRow.used_by` the file may call on a value of
        the row's type, if any."""

    @property
    def is_script(self) -> bool:
        """Whether the file runs as a Streamlit app script (its own ``__main__``)."""


class Verdicts:
    def __init__(self, program: Program, evaluator: Evaluator, knowledge: Knowledge) -> None:
        # Weakly, as the program owns this: a cycle would leave the whole file's
        # analysis (its trees too) to the garbage collector.
        self._program: Program = weakref.proxy(program)
        self._evaluator = evaluator
        self._knowledge = knowledge
        self._reading: set[Place] = set()
        """Places whose values are being judged, so that a place holding a read of
        itself ends."""

    def refusal(
        self, value: Value, anchor: cst.CSTNode, persists: Persists = never, as_made: bool = False
    ) -> Refusal | None:
        """Why pickle may refuse ``value``, reported at ``anchor``; ``as_made``:
        the value is pickled as it is written, so that what the program does
        with it afterwards does not matter (:attr:`TypeRow.used_by`)."""
        if isinstance(value, Object):
            return self._object(value, anchor, persists, as_made)
        if isinstance(value, Lambda):
            return Refusal(Kind.LAMBDA, _via("lambda", value.via), anchor)
        if isinstance(value, Bound):
            return self.refusal(value.receiver, anchor, persists, as_made)
        if isinstance(value, Place):
            return self._read(value, anchor, persists)
        if isinstance(value, Module):
            return Refusal(Kind.MODULE, f"module '{value.name}'", anchor)
        if isinstance(value, Definition) and not value.wrapped:
            if value.is_local:
                what = f"{value.kind.value} '{value.name}' defined inside a function"
                return Refusal(Kind.LOCAL_OBJECT, what, anchor)
            if persists(value) and self._program.is_script and value.module is None:
                what = f"{value.kind.value} '{value.name}' defined in the app script"
                return Refusal(Kind.SCRIPT_DEFINED, what, anchor)
        if isinstance(value, Instance):
            cls = value.of
            if cls.is_local:
                what = f"instance of class '{cls.name}' defined inside a function"
                return Refusal(Kind.LOCAL_OBJECT, what, anchor)
            base = self._program.refused_base(cls)
            if base is not None:
                name, row = base
                assert row.kind is not None
                what = f"instance of '{cls.name}' derived from {display_name(name)}"
                return Refusal(row.kind, what, anchor)
            state = self._program.instance_state(value)
            if state is not None:
                attribute, held = state
                what = f"instance of {_named(cls)} whose attribute '{attribute}' holds {held.what}"
                return Refusal(Kind.INSTANCE_STATE, what, anchor)
            if (value.kept or persists(value)) and self._program.is_script and cls.module is None:
                what = f"instance of class '{cls.name}' defined in the app script"
                return Refusal(Kind.SCRIPT_DEFINED, what, anchor)
        return None

    def _object(
        self, value: Object, anchor: cst.CSTNode, persists: Persists, as_made: bool
    ) -> Refusal | None:
        row = self._knowledge.type(value.type)
        if row is not None and row.kind is not None:
            if value.built_to_pickle:
                return None
            used = self._program.use_of(row) if row.used_by and not as_made else None
            if used is not None or not row.used_by:
                what = value.described_as or f"{row.kind.info.name} from {value.made_by}"
                if used is not None:
                    what += f" (made once {_use(used)})"
                if row.pickles_with is not None:
                    condition = row.pickles_with
                    release = self._program.pinned(condition.distribution)
                    if release is not None and condition.holds_for(release):
                        return None
                    if release is None:
                        # the report holds for the releases the app may run with, not all
                        what += f" (it pickles with {condition.distribution}{condition.specifier})"
                return Refusal(row.kind, _via(what, value.via), anchor)
        for held in value.holds:
            if held.iterated and self._iterator_pickles(held.value):
                continue
            if isinstance(held.value, Place) and row is not None and row.container:
                inner = self.restored(held.value, held.anchor, persists)
            else:
                inner = self.refusal(held.value, held.anchor, persists, as_made)
            if inner is None:
                continue
            if row is not None and row.container:
                return inner
            if row is not None and row.wrapper:
                return Refusal(inner.kind, f"{value.made_by} of {inner.what}", anchor)
            if row is None and inner.kind in CONSUMED_KINDS:
                continue  # what a class the tables lack was given to consume
            holder = _via(value.type.rpartition(".")[2], value.via)
            return Refusal(inner.kind, f"{holder} holding {inner.what}", anchor)
        return None

    def restored(self, place: Place, anchor: cst.CSTNode, persists: Persists) -> Refusal | None:
        """Why what a read of a watched place gives, stored again elsewhere as it
        is, fails to pickle: only where everything the place may hold fails. The
        place's writes are taken over all runs, so that a place written with data
        on some runs and with an object on others may hold the object only where
        the read does not run."""
        return self._held_at(place, anchor, persists, every=True)

    def _read(self, place: Place, anchor: cst.CSTNode, persists: Persists) -> Refusal | None:
        """Why what a read of a watched place gives may fail to pickle, where
        something new holds it."""
        return self._held_at(place, anchor, persists, every=False)

    def _held_at(
        self, place: Place, anchor: cst.CSTNode, persists: Persists, every: bool
    ) -> Refusal | None:
        """The refusal of what a watched place holds, where ``every`` value it
        may hold fails (a read of another place judged so too), or any."""
        if place in self._reading:
            return None
        self._reading.add(place)
        found = None
        try:
            for value in self._program.stored_at(place):
                if every and isinstance(value, Place):
                    refusal = self._held_at(value, anchor, persists, every)
                else:
                    refusal = self.refusal(value, anchor, persists)
                if refusal is None and every:
                    return None
                found = found or refusal
                if found is not None and not every:
                    break
        finally:
            self._reading.discard(place)
        if found is None:
            return None
        return Refusal(found.kind, f"{found.what} read from {place_name(place)}", anchor)

    def _iterator_pickles(self, value: Value) -> bool:
        if not isinstance(value, Object):
            return False
        row = self._knowledge.type(value.type)
        return row is not None and row.iterator_pickles


def _use(method: str) -> str:
    """What makes a value refused once used, for a report."""
    if not method:
        return "it is used"
    return "entered" if method in ENTERING_METHODS else f"{method}() is called"


def _named(cls: Definition) -> str:
    """A class by name, with where it is defined when that is another module."""
    return f"'{cls.name}' ({cls.origin})" if cls.origin else f"'{cls.name}'"


def _via(what: str, via: str) -> str:
    return f"{what} {via}" if via else what
