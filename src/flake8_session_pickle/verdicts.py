"""Whether a value can be pickled: expressions evaluated over abstract values."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Protocol

import libcst as cst

from flake8_session_pickle.catalogue import CATALOGUE, Entry
from flake8_session_pickle.codes import Kind
from flake8_session_pickle.scopes import (
    NOTHING_KNOWN,
    UNKNOWN,
    Definition,
    DefinitionKind,
    Instance,
    Ref,
    Scope,
    ScopeKind,
    Unpicklable,
    Value,
    Values,
    union,
)

WRAPPERS: Mapping[str, bool] = {
    **dict.fromkeys(
        (
            "functools.partial",
            "collections.defaultdict",
            "operator.methodcaller",
            "itertools.chain",
            "itertools.chain.from_iterable",
            "itertools.repeat",
        ),
        False,
    ),
    **dict.fromkeys(
        (
            *(f"builtins.{name}" for name in ("map", "filter", "zip", "enumerate", "iter")),
            "builtins.reversed",
            *(
                f"itertools.{name}"
                for name in (
                    "accumulate",
                    "compress",
                    "cycle",
                    "dropwhile",
                    "filterfalse",
                    "groupby",
                    "islice",
                    "starmap",
                    "takewhile",
                    "tee",
                    "zip_longest",
                )
            ),
        ),
        True,
    ),
}
"""Callables whose result holds its arguments, so it pickles only if every
argument does, a generator included; each with whether it holds ``iter()`` of
its arguments rather than the arguments themselves, which makes a difference
for those whose iterator pickles (a dict view)."""

ITEM_HOLDERS: Mapping[str, bool] = {
    **dict.fromkeys(
        (
            *(f"builtins.{name}" for name in ("list", "tuple", "set", "frozenset", "sorted")),
            "collections.deque",
        ),
        False,
    ),
    **dict.fromkeys(("builtins.dict", "collections.OrderedDict", "types.SimpleNamespace"), True),
}
"""Callables that make a new object holding the items of their positional
arguments (a dict: the values of a mapping), each with whether it also holds the
values of its keyword arguments (``dict(key=value)``, but not ``sorted(key=f)``)."""

COPIERS = frozenset({"copy.copy", "copy.deepcopy"})
"""Callables that return an object like their argument."""

CLASS_FACTORIES = frozenset({"collections.namedtuple", "typing.NamedTuple"})
TYPED_DICT_BASES = frozenset({"typing.TypedDict", "typing_extensions.TypedDict"})
ENUM_BASES = frozenset({"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"})


Persists = Callable[[], bool]
"""Whether the value being judged may outlive the script run that made it, so
that a later run pickles it after the script has redefined its classes; asked
only when the answer matters."""


def never() -> bool:
    return False


def always() -> bool:
    return True


def display_path(path: str) -> str:
    return path.removeprefix("builtins.")


class Program(Protocol):
    """What the evaluator asks of the whole-file analysis."""

    def returned(self, function: Definition) -> Values:
        """What calling a function defined in the file may return."""

    def unpicklable_state(self, cls: Definition) -> Unpicklable | None:
        """Why an instance of the class cannot be pickled for what it keeps, if so."""

    @property
    def is_script(self) -> bool:
        """Whether the file runs as a Streamlit app script (its own ``__main__``)."""


class Evaluator:
    def __init__(self, program: Program, catalogue: Mapping[str, Entry] = CATALOGUE) -> None:
        self._program = program
        self._catalogue = catalogue

    def verdict(
        self,
        expression: cst.BaseExpression,
        scope: Scope,
        persists: Persists = never,
        of_items: bool = False,
    ) -> Unpicklable | None:
        """The reason the expression's value, or with ``of_items`` each of the
        items iterating over it gives, may fail to pickle, if it may.

        ``persists``: the value may outlive the script run that made it, so that
        a later run pickles it after the script has redefined its classes.
        """
        values = (
            self.items_of(expression, scope)
            if of_items
            else self.evaluate(expression, scope, persists)
        )
        for value in values:
            found = self._unpicklable(value, expression, persists)
            if found is not None:
                return found
        return None

    def _unpicklable(
        self, value: Value, anchor: cst.BaseExpression, persists: Persists
    ) -> Unpicklable | None:
        if isinstance(value, Unpicklable):
            return value
        if isinstance(value, Ref) and value.module:
            return Unpicklable(Kind.MODULE, f"module '{value.path}'", anchor)
        if isinstance(value, Definition) and not value.wrapped:
            if value.is_local:
                return Unpicklable(
                    Kind.LOCAL_OBJECT,
                    f"{value.kind.value} '{value.name}' defined inside a function",
                    anchor,
                )
            if persists() and self._program.is_script:
                return Unpicklable(
                    Kind.SCRIPT_DEFINED,
                    f"{value.kind.value} '{value.name}' defined in the app script",
                    anchor,
                )
        if isinstance(value, Instance):
            state = self._program.unpicklable_state(value.of)
            if state is not None:
                return replace(state, anchor=anchor)
            if not value.of.is_local and persists() and self._program.is_script:
                return Unpicklable(
                    Kind.SCRIPT_DEFINED,
                    f"instance of class '{value.of.name}' defined in the app script",
                    anchor,
                )
        return None

    def evaluate(
        self, expression: cst.BaseExpression, scope: Scope, persists: Persists = never
    ) -> Values:
        if isinstance(expression, cst.Name):
            return self._anchored(scope.lookup(expression.value), expression)
        if isinstance(expression, cst.Attribute):
            return union(
                *(
                    self._attribute(value, expression.attr.value, expression)
                    for value in self.evaluate(expression.value, scope)
                )
            )
        if isinstance(expression, cst.Call):
            item = self._item_lookup(expression, scope, persists)
            if item is not None:
                return item
            return union(
                *(
                    self._call(value, expression, scope, persists)
                    for value in self.evaluate(expression.func, scope)
                )
            )
        if isinstance(expression, cst.Subscript):
            if len(expression.slice) == 1 and isinstance(expression.slice[0].slice, cst.Index):
                key = item_key(expression.slice[0].slice.value)
                return self._items(self.evaluate(expression.value, scope), key) or NOTHING_KNOWN
            return NOTHING_KNOWN
        if isinstance(expression, cst.Lambda):
            return (Unpicklable(Kind.LAMBDA, "lambda", expression),)
        if isinstance(expression, cst.GeneratorExp):
            return (Unpicklable(Kind.GENERATOR, "generator expression", expression),)
        if isinstance(expression, (cst.List, cst.Tuple, cst.Set)):
            found = self.held(self._container_items(expression), scope, persists)
            return found or NOTHING_KNOWN
        if isinstance(expression, cst.Dict):
            found = self.held(self._container_items(expression), scope, persists)
            return found or (Ref("builtins.dict()"),)
        if isinstance(expression, (cst.ListComp, cst.SetComp, cst.DictComp)):
            return self._comprehension(expression, scope, persists)
        if isinstance(expression, cst.BinaryOperation) and isinstance(
            expression.operator, (cst.Add, cst.Multiply, cst.BitOr)
        ):
            # ``xs + [v]``, ``[v] * n`` and ``d | {k: v}`` hold the items of both.
            return union(
                self.evaluate(expression.left, scope, persists),
                self.evaluate(expression.right, scope, persists),
            )
        if isinstance(expression, cst.IfExp):
            return union(
                self.evaluate(expression.body, scope, persists),
                self.evaluate(expression.orelse, scope, persists),
            )
        if isinstance(expression, cst.BooleanOperation):
            return union(
                self.evaluate(expression.left, scope, persists),
                self.evaluate(expression.right, scope, persists),
            )
        if isinstance(expression, cst.NamedExpr):
            values = self.evaluate(expression.value, scope, persists)
            if isinstance(expression.target, cst.Name):
                scope.binding_scope.bind(expression.target.value, values)
            return values
        return NOTHING_KNOWN

    def _item_lookup(self, call: cst.Call, scope: Scope, persists: Persists) -> Values | None:
        """What ``x.get(key, default)`` or ``x.setdefault(key, default)`` gives,
        where ``x`` is an object reached by a path: the item under the key, if
        there is one, else the default."""
        func = call.func
        if not (
            isinstance(func, cst.Attribute)
            and func.attr.value in ("get", "setdefault")
            and call.args
            and not any(arg.star or arg.keyword for arg in call.args)
        ):
            return None
        items = self._items(self.evaluate(func.value, scope), item_key(call.args[0].value))
        if not items:
            return None
        if len(call.args) < 2:
            return items
        return union(items, self.evaluate(call.args[1].value, scope, persists))

    @staticmethod
    def _items(owners: Values, key: str) -> Values:
        """The items under ``key`` of the objects reached by a path, as paths too:
        ``st.session_state["log"]`` is ``streamlit.session_state["log"]``."""
        return tuple(
            Ref(f"{owner.path}[{key}]")
            for owner in owners
            if isinstance(owner, Ref) and not owner.module
        )

    @staticmethod
    def _anchored(values: Values, anchor: cst.CSTNode) -> Values:
        return tuple(
            replace(value, anchor=anchor) if isinstance(value, Unpicklable) else value
            for value in values
        )

    def items_of(self, iterable: cst.BaseExpression, scope: Scope) -> Values:
        """What a loop over ``iterable`` may bind: what the container it is, or
        whose ``items()`` or ``values()`` it is, holds."""
        if (
            isinstance(iterable, cst.Call)
            and isinstance(iterable.func, cst.Attribute)
            and iterable.func.attr.value in ("items", "values")
            and not iterable.args
        ):
            iterable = iterable.func.value
        held: list[Value] = []
        for value in self.evaluate(iterable, scope):
            if isinstance(value, Unpicklable) and value.contained:
                held.append(replace(value, contained=False))
            elif isinstance(value, Definition) and value.is_enum:
                held.append(Instance(value))  # iterating an enum gives its members
            elif isinstance(value, (Definition, Instance)):
                held.append(value)
        return union(tuple(held), NOTHING_KNOWN)

    def held(
        self,
        items: Iterable[tuple[cst.BaseExpression, bool]],
        scope: Scope,
        persists: Persists,
    ) -> Values:
        """What a container holds that matters to pickle: the first item pickle
        refuses, else the classes, functions and instances of the file among its
        items, which a later run may refuse once the container is kept. Each
        expression comes with whether it is unpacked into the container
        (``*xs``, ``**d``, ``list(xs)``), which holds its items instead."""
        kept: list[Value] = []
        for expression, unpacked in items:
            values = (
                self.items_of(expression, scope)
                if unpacked
                else self.evaluate(expression, scope, persists)
            )
            for value in values:
                found = self._unpicklable(value, expression, persists)
                if found is not None:
                    return (replace(found, contained=True),)
                if isinstance(value, (Definition, Instance)) and value not in kept:
                    kept.append(value)
        return tuple(kept)

    @staticmethod
    def _container_items(
        container: cst.List | cst.Tuple | cst.Set | cst.Dict,
    ) -> Iterator[tuple[cst.BaseExpression, bool]]:
        if isinstance(container, cst.Dict):
            for dict_element in container.elements:
                if isinstance(dict_element, cst.DictElement):
                    yield dict_element.key, False
                    yield dict_element.value, False
                else:
                    yield dict_element.value, True
        else:
            for element in container.elements:
                yield element.value, isinstance(element, cst.StarredElement)

    def _comprehension(
        self,
        comprehension: cst.ListComp | cst.SetComp | cst.DictComp,
        scope: Scope,
        persists: Persists,
    ) -> Values:
        inner = Scope(ScopeKind.EXPRESSION, scope)
        bind_loop_targets(comprehension.for_in, inner)
        if isinstance(comprehension, cst.DictComp):
            items: tuple[cst.BaseExpression, ...] = (comprehension.key, comprehension.value)
        else:
            items = (comprehension.elt,)
        return self.held(((item, False) for item in items), inner, persists) or NOTHING_KNOWN

    def _lookup_path(self, path: str, anchor: cst.CSTNode) -> Ref | Unpicklable:
        entry = self._catalogue.get(path)
        if entry is None:
            return Ref(path)
        return Unpicklable(
            entry.kind, f"{entry.kind.info.name} from {display_path(path)}", anchor, path
        )

    def _attribute(self, value: Value, attribute: str, anchor: cst.Attribute) -> Values:
        if isinstance(value, Ref) or (isinstance(value, Unpicklable) and value.path):
            return (self._lookup_path(f"{value.path}.{attribute}", anchor),)
        if isinstance(value, Definition) and value.kind is DefinitionKind.CLASS:
            if attribute not in value.namespace:
                return NOTHING_KNOWN
            if value.is_enum:
                return (Instance(value),)
            return self._anchored(value.namespace[attribute], anchor)
        if isinstance(value, Instance) and any(
            isinstance(method, Definition) and method.kind is DefinitionKind.FUNCTION
            for method in value.of.namespace.get(attribute, ())
        ):
            # pickle stores a bound method as its instance and the method's name
            return (value,)
        return NOTHING_KNOWN

    def _call(self, callee: Value, call: cst.Call, scope: Scope, persists: Persists) -> Values:
        if isinstance(callee, Ref):
            if callee.path in WRAPPERS:
                return self._wrapper(callee.path, call, scope, persists)
            if callee.path in ITEM_HOLDERS:
                holds_keywords = ITEM_HOLDERS[callee.path]
                held = self.held(
                    (
                        (arg.value, not arg.keyword)
                        for arg in call.args
                        if not arg.star and (holds_keywords or not arg.keyword)
                    ),
                    scope,
                    persists,
                )
                return held or (Ref(f"{callee.path}()"),)
            if callee.path in COPIERS and call.args and not call.args[0].star:
                return self.evaluate(call.args[0].value, scope, persists)
            if callee.path in CLASS_FACTORIES:
                return self._class_factory(call, scope)
            return (self._lookup_path(f"{callee.path}()", call),)
        if isinstance(callee, Unpicklable) and callee.path:
            return (self._lookup_path(f"{callee.path}()", call),)
        if isinstance(callee, Definition):
            return self._call_definition(callee, call)
        return NOTHING_KNOWN

    def _wrapper(self, path: str, call: cst.Call, scope: Scope, persists: Persists) -> Values:
        iterates = WRAPPERS[path]
        for arg in call.args:
            wrapped = None if arg.star else self.verdict(arg.value, scope, persists)
            if wrapped is None or (iterates and self._iterator_pickles(wrapped)):
                continue
            what = f"{display_path(path)}() of {wrapped.what}"
            return (replace(wrapped, what=what, anchor=call, path=None, contained=False),)
        return (Ref(f"{path}()"),)

    def _iterator_pickles(self, value: Unpicklable) -> bool:
        entry = None if value.path is None else self._catalogue.get(value.path)
        return entry is not None and entry.iterator_pickles

    @staticmethod
    def _class_factory(call: cst.Call, scope: Scope) -> Values:
        if call.args and isinstance(call.args[0].value, cst.SimpleString):
            name = call.args[0].value.evaluated_value
            if isinstance(name, str):
                return (Definition(call, name, DefinitionKind.CLASS, scope),)
        return NOTHING_KNOWN

    def _call_definition(self, definition: Definition, call: cst.Call) -> Values:
        name = definition.name
        if definition.makes_dicts:
            return (Ref("builtins.dict()"),)
        if definition.kind is DefinitionKind.CLASS:
            if definition.is_local:
                return (
                    Unpicklable(
                        Kind.LOCAL_OBJECT,
                        f"instance of class '{name}' defined inside a function",
                        call,
                    ),
                )
            return (Instance(definition),)
        function = definition.node
        assert isinstance(function, cst.FunctionDef)
        if function.asynchronous is not None:
            what = "async generator" if definition.yields else "coroutine"
            return (Unpicklable(Kind.GENERATOR, f"{what} object of '{name}()'", call),)
        if definition.yields:
            return (Unpicklable(Kind.GENERATOR, f"generator object of '{name}()'", call),)
        returned = self._program.returned(definition)
        if not returned or UNKNOWN in returned:
            return NOTHING_KNOWN
        source = f"'{name}()'"
        if definition.keeps_results:
            returned = tuple(self._unpicklable(value, call, always) or value for value in returned)
            source = f"st.cache_resource function {source}"
        return tuple(
            replace(value, what=f"{value.what} returned by {source}", anchor=call)
            if isinstance(value, Unpicklable)
            else value
            for value in returned
        )


_EMPTY_MODULE = cst.Module(body=[])


def item_key(expression: cst.BaseExpression) -> str:
    """How an item's key is spelled in a path: a string as ``"name"``, else its code."""
    if isinstance(expression, cst.SimpleString):
        value = expression.evaluated_value
        if isinstance(value, str):
            return f'"{value}"'
    return _EMPTY_MODULE.code_for_node(expression)


def bind_loop_targets(comp_for: cst.CompFor, scope: Scope) -> None:
    current: cst.CompFor | None = comp_for
    while current is not None:
        for name in target_names(current.target):
            scope.bind(name, NOTHING_KNOWN)
        current = current.inner_for_in


def target_names(target: cst.BaseExpression) -> Iterator[str]:
    """The plain names an assignment target binds."""
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from target_names(target.value)
