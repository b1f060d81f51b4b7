"""Where a value goes: writes into Streamlit's session state, and the return
values of functions cached with ``st.cache_data``, both of which Streamlit pickles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import libcst as cst

from flake8_session_pickle.streamlit_api import (
    CACHE_DATA_PATHS,
    CONTAINER_WRITE_METHODS,
    OPTION_WIDGETS,
    STREAMLIT,
)
from flake8_session_pickle.verdicts import Spread, code_of, item_key

SESSION_STATE_DISPLAY = "st.session_state"
MAPPING_WRITES = frozenset({"update", "setdefault", "__setitem__"})
"""Methods of session state itself, or of a dict, that store a value under a key."""

_SETATTR = "builtins.setattr"

Paths = Callable[[cst.BaseExpression], tuple[str, ...]]
"""The qualified paths an expression may denote at the point of the write."""


@dataclass(frozen=True)
class Write:
    target: str
    """The place written, spelled as ``st.session_state[...]`` whatever the alias."""
    value: cst.BaseExpression
    spread: Spread | None = None
    """What of the value is stored, where not the value itself: what iterating
    over it gives (``extend``, a ``for`` target), so a file or a generator is
    fine and a list holding a lambda is not; or its keys and values (``update``)."""
    persists: bool = False
    """The value stays stored across script runs even where the statement
    runs every time: ``setdefault``, or an item added to a stored container."""
    persists_if_equal: bool = False
    """An instance stays stored across script runs when it compares equal to the
    one a later run makes: the value of a widget with a key, which Streamlit
    keeps while it is still among the options."""
    key: str | None = None
    """The session-state key the place is under, where it is a literal."""


_LEADING_KEY = re.compile(r'\.(\w+)|\["(\w+)"\]')
"""The first key of a path within session state: ``.log`` or ``["log"]``."""


class Sinks:
    def __init__(self, paths: Paths, session_paths: frozenset[str]) -> None:
        self._paths = paths
        self._session_paths = session_paths

    def caches_data(self, decorator: cst.BaseExpression) -> bool:
        """Whether a decorator (``@st.cache_data`` or ``@st.cache_data(...)``)
        makes Streamlit pickle what the function returns."""
        if isinstance(decorator, cst.Call):
            decorator = decorator.func
        return any(path in CACHE_DATA_PATHS for path in self._paths(decorator))

    def _is_session_state(self, expression: cst.BaseExpression) -> bool:
        return any(path in self._session_paths for path in self._paths(expression))

    def _place(self, expression: cst.BaseExpression) -> str | None:
        """How to name a place reached from session state, or None if it is not."""
        if self._is_session_state(expression):
            return SESSION_STATE_DISPLAY
        within = self._within(expression)
        if within is not None:
            return SESSION_STATE_DISPLAY + within
        if isinstance(expression, cst.Attribute):
            base = self._place(expression.value)
            return None if base is None else f"{base}.{expression.attr.value}"
        if isinstance(expression, cst.Subscript) and len(expression.slice) == 1:
            index = expression.slice[0].slice
            if isinstance(index, cst.Index):
                base = self._place(expression.value)
                return None if base is None else f"{base}[{item_key(index.value)}]"
        return None

    def _within(self, expression: cst.BaseExpression) -> str | None:
        """Where in session state an expression that denotes a place within it,
        such as a name bound to ``st.session_state.log``, leads, as the part of
        the path after session state (``.log``, ``["log"]``)."""
        return next(self._places_within(expression), None)

    def _places_within(self, expression: cst.BaseExpression) -> Iterator[str]:
        for path in self._paths(expression):
            for session_path in self._session_paths:
                rest = path.removeprefix(session_path)
                if rest != path and rest[:1] in (".", "["):
                    yield rest

    def _session_key(self, expression: cst.BaseExpression) -> str | None:
        """The literal key of session state that a place is reached through."""
        within = None if self._is_session_state(expression) else self._within(expression)
        if within is not None:
            return _leading_key(within)
        while isinstance(expression, (cst.Attribute, cst.Subscript)):
            if self._is_session_state(expression.value):
                if isinstance(expression, cst.Attribute):
                    return expression.attr.value
                index = expression.slice[0].slice if len(expression.slice) == 1 else None
                if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
                    key = index.value.evaluated_value
                    return key if isinstance(key, str) else None
                return None
            expression = expression.value
        return None

    def augmented(self, target: cst.BaseExpression, value: cst.BaseExpression) -> Iterator[Write]:
        """Writes made by ``target += value``, which adds the items of ``value``."""
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            place = self._place(target)
            if place is not None:
                key = self._session_key(target)
                for write in self._items_added(place, value):
                    yield replace(write, persists=True, key=key)

    def assignment(self, target: cst.BaseExpression, value: cst.BaseExpression) -> Iterator[Write]:
        """Writes made by ``target = value``, element-wise for literal sequences."""
        if isinstance(target, (cst.Tuple, cst.List)):
            yield from self._unpacked(target.elements, value)
            return
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            place = self._place(target)
            if place is not None:
                yield Write(
                    place,
                    value,
                    persists=not self._is_session_state(target.value),
                    key=self._session_key(target),
                )

    def loop_target(
        self, target: cst.BaseExpression, iterable: cst.BaseExpression
    ) -> Iterator[Write]:
        """Writes made by ``for target in iterable``, which stores each item."""
        for write in self.assignment(target, iterable):
            yield replace(write, spread=Spread.ITEMS)

    def _unpacked(
        self, targets: Sequence[cst.BaseElement], value: cst.BaseExpression
    ) -> Iterator[Write]:
        """Writes made by unpacking ``value`` into ``targets``: element by element
        where the value is a literal sequence, else, when every target is a place
        in session state, the value's items into all of them, named together
        since which item goes where is not known."""
        stars = [i for i, target in enumerate(targets) if isinstance(target, cst.StarredElement)]
        if isinstance(value, (cst.Tuple, cst.List)) and not any(
            isinstance(element, cst.StarredElement) for element in value.elements
        ):
            items = [element.value for element in value.elements]
            star = stars[0] if stars else len(targets)
            after = len(targets) - star - 1 if stars else 0
            if len(items) >= len(targets) - len(stars) and len(stars) <= 1:
                rest = items[star : len(items) - after]
                for index, target in enumerate(targets):
                    if index < star:
                        yield from self.assignment(target.value, items[index])
                    elif index > star:
                        yield from self.assignment(target.value, items[index - len(targets)])
                    else:
                        yield from self.assignment(
                            target.value, cst.List([cst.Element(item) for item in rest])
                        )
            return
        writes = [
            write
            for target in targets
            for write in self.assignment(target.value, value)
            if write.value is value
        ]
        # Where a plain name takes some of the items, which ones reach session
        # state is not known.
        if writes and len(writes) == len(targets):
            places = ", ".join(write.target for write in writes)
            yield replace(writes[0], target=places, spread=Spread.ITEMS, key=None)

    def call(self, call: cst.Call) -> Iterator[Write]:
        """Writes made by a call such as ``st.session_state.update(...)``."""
        func = call.func
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in MAPPING_WRITES and self._is_session_state(func.value):
                yield from self._dict_write(SESSION_STATE_DISPLAY, method, call.args)
            elif method in CONTAINER_WRITE_METHODS:
                place = self._place(func.value)
                if place is not None:
                    key = self._session_key(func.value)
                    for write in self._container_write(place, method, call.args):
                        yield replace(write, persists=True, key=key)
        elif len(call.args) == 3 and _SETATTR in self._paths(func):
            owner, name, value = (arg.value for arg in call.args)
            if self._is_session_state(owner):
                yield Write(f"{SESSION_STATE_DISPLAY}.{_attribute_name(name)}", value)
        yield from self._widget_state(call)

    def _widget_state(self, call: cst.Call) -> Iterator[Write]:
        """A widget offering options (``st.radio("Page", [home, about])``) keeps the
        value it starts with in session state as its state, from one run to the
        next."""
        func = call.func
        name = func.attr.value if isinstance(func, cst.Attribute) else ""
        if isinstance(func, cst.Name):
            name = func.value
        if name not in OPTION_WIDGETS or not any(
            path.startswith(f"{STREAMLIT}.") and path.endswith(f".{name}")
            for path in self._paths(call.func)
        ):
            return
        keyword, position = OPTION_WIDGETS[name]
        arguments = {arg.keyword.value: arg.value for arg in call.args if arg.keyword}
        positional = [arg.value for arg in call.args if not arg.keyword and not arg.star]
        if position is not None and len(positional) > position:
            arguments.setdefault(keyword, positional[position])
        starts_with = arguments.get(keyword)
        index = arguments.get("index")
        if starts_with is None or (isinstance(index, cst.Name) and index.value == "None"):
            return
        # Without a key, the widget's state keeps the object of the run that chose
        # it; with one, only while it equals one of that run's options.
        keyed = "key" in arguments
        yield Write(
            f"the state of st.{name}",
            starts_with,
            spread=Spread.ITEMS if keyword == "options" else None,
            persists=not keyed,
            persists_if_equal=keyed,
        )

    def reads_back(self, write: Write) -> bool:
        """Whether the value written may be, or hold, what its own key held before
        (``st.session_state.get("log", []) + [item]``), so that what this run adds
        is kept into later runs."""
        return write.key is not None and any(
            _leading_key(within) == write.key for within in self._places_within(write.value)
        )

    def reaches_session_state(self, expression: cst.BaseExpression) -> bool:
        """Whether the expression is session state or a place within it."""
        return self._place(expression) is not None

    def filled_by(self, call: cst.Call) -> tuple[str, list[Write]] | None:
        """The name, and what is stored, when a call fills a container held by a
        plain name outside session state, such as ``items.append(value)``."""
        func = call.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in CONTAINER_WRITE_METHODS
            and isinstance(func.value, cst.Name)
            and not self.reaches_session_state(func.value)
        ):
            name = func.value.value
            return name, list(self._container_write(name, func.attr.value, call.args))
        return None

    def _dict_write(self, place: str, method: str, args: Sequence[cst.Arg]) -> Iterator[Write]:
        if method in ("setdefault", "__setitem__"):
            if len(args) == 2 and not args[0].star and not args[1].star:
                key = f"{place}[{item_key(args[0].value)}]"
                yield Write(key, args[1].value, persists=method == "setdefault")
            return
        for arg in args:
            if arg.star == "**" and isinstance(arg.value, cst.Dict):
                yield from self._dict_literal(place, arg.value)
                continue
            if arg.star:
                continue
            if arg.keyword is not None:
                yield Write(
                    f"{place}[{item_key(cst.SimpleString(repr(arg.keyword.value)))}]", arg.value
                )
            elif isinstance(arg.value, cst.Dict):
                yield from self._dict_literal(place, arg.value)
            else:
                yield Write(place, arg.value, spread=Spread.MAPPING)

    @staticmethod
    def _dict_literal(place: str, literal: cst.Dict) -> Iterator[Write]:
        for element in literal.elements:
            if isinstance(element, cst.DictElement):
                yield Write(f"{place}[{item_key(element.key)}]", element.value)

    def _container_write(self, place: str, method: str, args: Sequence[cst.Arg]) -> Iterator[Write]:
        if method in MAPPING_WRITES:
            yield from self._dict_write(place, method, args)
        elif method == "insert":
            if len(args) == 2:
                yield Write(place, args[1].value)
        elif method in ("append", "appendleft", "add"):
            if len(args) == 1:
                yield Write(place, args[0].value)
        else:
            for arg in args:
                if not arg.star:
                    yield from self._items_added(place, arg.value)

    @staticmethod
    def _items_added(place: str, iterable: cst.BaseExpression) -> Iterator[Write]:
        """The items ``extend`` or ``+=`` stores: a literal's elements one by one,
        else whatever the iterable yields."""
        if isinstance(iterable, (cst.List, cst.Tuple, cst.Set)):
            for element in iterable.elements:
                if isinstance(element, cst.Element):
                    yield Write(place, element.value)
        else:
            yield Write(place, iterable, spread=Spread.ITEMS)


def _leading_key(within: str) -> str | None:
    leading = _LEADING_KEY.match(within)
    return None if leading is None else leading.group(1) or leading.group(2)


def _attribute_name(expression: cst.BaseExpression) -> str:
    if isinstance(expression, cst.SimpleString):
        value = expression.evaluated_value
        if isinstance(value, str):
            return value
    return f"<{code_of(expression)}>"
