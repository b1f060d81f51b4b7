"""What the plugin knows about the objects programs make, as data with evidence.

The tables are the modules of this package: :mod:`.stdlib` and
:mod:`.libraries` hold one :class:`~.rows.TypeRow` per type, :mod:`.streamlit`
Streamlit's API and types, :mod:`.language` how Python treats classes, functions
and containers. :class:`Knowledge` indexes the rows, with the user's own
additions, for the analysis to ask what a call, a method or an attribute gives.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from flake8_session_pickle.knowledge.rows import DecoratorRow, Holding, Made, TypeRow


def _with_producers(
    rows: Iterable[TypeRow], *producers: Mapping[str, tuple[Made, ...]]
) -> tuple[TypeRow, ...]:
    """The rows, with the producers other modules list for them (third-party
    functions making values of standard types)."""
    found = []
    for row in rows:
        listed = tuple(made for named in producers for made in named.get(row.name, ()))
        found.append(replace(row, made_by=(*row.made_by, *listed)) if listed else row)
    return tuple(found)


@cache
def rows() -> tuple[TypeRow, ...]:
    """Every row of the tables. They are read only when a file is analysed, or an
    option names a type: most files a lint run sees never need them."""
    from flake8_session_pickle.knowledge import (
        data,
        langchain,
        libraries,
        providers,
        stdlib,
        streamlit,
    )

    return _with_producers(
        (
            *stdlib.ALL,
            *streamlit.TYPES,
            *libraries.ALL,
            *langchain.ALL,
            *providers.ALL,
            *data.ALL,
        ),
        data.PRODUCERS,
        langchain.PRODUCERS,
        libraries.PRODUCERS,
        providers.PRODUCERS,
    )


@cache
def using_packages() -> frozenset[str]:
    """The top-level names of the packages of the rows with such methods."""
    return frozenset(row.package.split(".")[0] for row in rows() if row.used_by)


@cache
def decorator_rows() -> tuple[DecoratorRow, ...]:
    """The decorators whose wrappers return what the function returns."""
    from flake8_session_pickle.knowledge import providers, stdlib

    return (*stdlib.DECORATORS, *providers.DECORATORS)


_PRODUCER = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\))?")
"""A producer in the notation of :mod:`.rows`: a qualified name, ``()`` for a call."""


def is_producer(text: str) -> bool:
    return _PRODUCER.fullmatch(text) is not None


@dataclass(frozen=True)
class Production:
    """A value a producer makes: of the row's type, made as ``made`` says."""

    row: TypeRow
    made: Made

    @property
    def holds(self) -> Holding | None:
        return self.made.holds


class Knowledge:
    """The rows, indexed by what makes their values, and the decorators that keep
    what a function returns."""

    def __init__(
        self,
        rows: Iterable[TypeRow],
        python: tuple[int, int] | None = None,
        decorators: Iterable[DecoratorRow] = (),
    ) -> None:
        python = python or (sys.version_info.major, sys.version_info.minor)
        rows = tuple(rows)
        self._rows = rows
        self._python = python
        self._decorators = tuple(decorators)
        self._preserving = frozenset(
            name for row in self._decorators for name in (row.name, *row.aliases)
        )
        self._types: dict[str, TypeRow] = {}
        for row in rows:
            for name in (row.name, *row.aliases):
                self._types[name] = row
        self._users: dict[str, list[TypeRow]] = {}
        for row in rows:
            for method in row.used_by:
                self._users.setdefault(method, []).append(row)
        self.using_methods = frozenset(self._users)
        """The methods of :attr:`TypeRow.used_by` of every row."""
        self._calls: dict[str, Production] = {}
        self._methods: dict[tuple[str, str], Production] = {}
        self._attributes: dict[tuple[str, str], Production] = {}
        self._objects: dict[str, Production] = {}
        for row in rows:
            for made in row.made_by:
                if (made.before_python is None or python < made.before_python) and (
                    made.from_python is None or python >= made.from_python
                ):
                    self._index(Production(row, made))

    def _index(self, production: Production) -> None:
        text = production.made.by
        called = text.endswith("()")
        path = text.removesuffix("()")
        owner, _, member = path.rpartition(".")
        owner_row = self._types.get(owner)
        if owner_row is not None:
            table = self._methods if called else self._attributes
            table[owner_row.name, member] = production
        elif called:
            self._calls[path] = production
        else:
            self._objects[path] = production

    def type(self, name: str) -> TypeRow | None:
        """The row of a type, by its name or an alias."""
        return self._types.get(name)

    def called(self, name: str) -> Production | None:
        """What calling the object reached by the qualified name makes: a factory's
        product, one of its values for a type, or what a method reached through
        its class makes (``Store.from_documents()``)."""
        production = self._calls.get(name)
        if production is not None:
            return production
        row = self._types.get(name)
        if row is not None:
            return None if row.refused_as_made else Production(row, Made(f"{name}()"))
        owner, _, member = name.rpartition(".")
        owner_row = self._types.get(owner)
        return None if owner_row is None else self._methods.get((owner_row.name, member))

    def method(self, type_name: str, name: str) -> Production | None:
        """What calling a method of a value of the type makes; ``__call__`` for
        calling the value itself. Methods of the type's bases count."""
        return self._member(self._methods, type_name, name)

    def attribute(self, type_name: str, name: str) -> Production | None:
        return self._member(self._attributes, type_name, name)

    def _member(
        self, table: dict[tuple[str, str], Production], type_name: str, name: str
    ) -> Production | None:
        pending = [type_name]
        seen: set[str] = set()
        while pending:
            current = pending.pop(0)
            if current in seen:
                continue
            seen.add(current)
            found = table.get((current, name))
            if found is not None:
                return found
            row = self._types.get(current)
            if row is not None:
                pending.extend(row.bases)
        return None

    def rows_used_by(self, method: str) -> tuple[TypeRow, ...]:
        """The rows whose values a call of the method makes refused."""
        return tuple(self._users.get(method, ()))

    def keeps_returns(self, names: frozenset[str]) -> bool:
        """Whether a decorator that may be any of ``names`` (qualified names, the
        factory's for ``@name(...)``) returns what the function returns."""
        return not names.isdisjoint(self._preserving)

    def object(self, name: str) -> Production | None:
        """The object reached by the qualified name, where it is a known value
        (``sys.stdout``) rather than a callable or a type."""
        return self._objects.get(name)

    def with_user_rows(self, unpicklable: Iterable[TypeRow], picklable: Iterable[str]) -> Knowledge:
        """These tables with the user's additions: rows for what they name as
        unpicklable, and what they name as picklable taken as pickling."""
        picklable = frozenset(picklable)
        rows: list[TypeRow] = []
        for row in self._rows:
            if picklable & {row.name, *row.aliases}:
                row = replace(
                    row, kind=None, pickles=True, used_by=frozenset(), refused_as_made=False
                )
            made_by = tuple(
                made
                for made in row.made_by
                if made.by not in picklable and made.by.removesuffix("()") not in picklable
            )
            rows.append(replace(row, made_by=made_by))
        index = {
            name: position for position, row in enumerate(rows) for name in (row.name, *row.aliases)
        }
        for added in unpicklable:
            position = index.get(added.name)
            if position is not None:
                # the user's word holds for every value of the type, however made
                rows[position] = replace(
                    rows[position],
                    kind=added.kind,
                    pickles=False,
                    used_by=frozenset(),
                    refused_as_made=False,
                )
                continue
            for made in added.made_by:
                owner = made.by.removesuffix("()").rpartition(".")[0]
                if made.by.endswith("()") and owner and owner not in index:
                    # so that a method named on a type the tables lack is found on its values
                    index[owner] = len(rows)
                    rows.append(TypeRow(owner))
            index[added.name] = len(rows)
            rows.append(added)
        return Knowledge(rows, self._python, self._decorators)


@cache
def default_knowledge() -> Knowledge:
    """The tables, indexed, without any user's additions."""
    return Knowledge(rows(), decorators=decorator_rows())
