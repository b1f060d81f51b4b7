"""Whether a value can be pickled: expressions evaluated over abstract values."""

from __future__ import annotations

import enum
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
    Held,
    Instance,
    Ref,
    Role,
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


class Spread(enum.Enum):
    """How an argument or an unpacked expression fills a container."""

    ITEMS = "items"
    """With what iterating over it gives (``list(xs)``, ``[*xs]``)."""
    MAPPING = "mapping"
    """With its keys and values (``dict(d)``, ``{**d}``)."""


Slot = Role | Spread
"""How an expression goes into a container: as one item or value, or spread."""

ITEM_HOLDERS: Mapping[str, tuple[Spread | None, bool]] = {
    **dict.fromkeys(
        (
            *(f"builtins.{name}" for name in ("list", "tuple", "set", "frozenset", "sorted")),
            "collections.deque",
        ),
        (Spread.ITEMS, False),
    ),
    **dict.fromkeys(("builtins.dict", "collections.OrderedDict"), (Spread.MAPPING, True)),
    "types.SimpleNamespace": (None, True),
}
"""Callables that make a new object holding what their positional arguments hold
(None: they take none), each with whether it also holds the values of its
keyword arguments (``dict(key=value)``, but not ``sorted(key=f)``)."""

COPIERS = frozenset({"copy.copy", "copy.deepcopy"})
"""Callables that return an object like their argument."""

CLASS_FACTORIES = frozenset({"collections.namedtuple", "typing.NamedTuple"})
TYPED_DICT_BASES = frozenset({"typing.TypedDict", "typing_extensions.TypedDict"})
ENUM_BASES = frozenset({"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"})


Persists = Callable[[Value], bool]
"""Whether a class, function or instance of the script being judged may outlive
the script run that made it, so that a later run pickles it after the script
has redefined its classes; asked only when the answer matters."""


def never(value: Value) -> bool:
    return False


def always(value: Value) -> bool:
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
        spread: Spread | None = None,
    ) -> Unpicklable | None:
        """The reason the expression's value, or with ``spread`` what it spreads
        into a container, may fail to pickle, if it may.

        ``persists``: the value may outlive the script run that made it, so that
        a later run pickles it after the script has redefined its classes.
        """
        if spread is None:
            values = self.evaluate(expression, scope, persists)
        else:
            roles = frozenset(Role) if spread is Spread.MAPPING else None
            values = self.items_of(expression, scope, roles)
        for value in values:
            found = self._unpicklable(value, expression, persists)
            if found is not None:
                return found
        return None

    def verdict_of(self, value: Value, anchor: cst.CSTNode) -> Unpicklable | None:
        """Why a value pickle may refuse in any run, reported at ``anchor``."""
        return self._unpicklable(value, anchor, never)

    def _unpicklable(
        self, value: Value, anchor: cst.CSTNode, persists: Persists
    ) -> Unpicklable | None:
        if isinstance(value, Unpicklable):
            return value
        if isinstance(value, Held):
            return self._unpicklable(value.value, value.anchor, persists)
        if isinstance(value, Ref) and value.module:
            return Unpicklable(Kind.MODULE, f"module '{value.path}'", anchor)
        if isinstance(value, Definition) and not value.wrapped:
            if value.is_local:
                return Unpicklable(
                    Kind.LOCAL_OBJECT,
                    f"{value.kind.value} '{value.name}' defined inside a function",
                    anchor,
                )
            if persists(value) and self._program.is_script:
                return Unpicklable(
                    Kind.SCRIPT_DEFINED,
                    f"{value.kind.value} '{value.name}' defined in the app script",
                    anchor,
                )
        if isinstance(value, Instance):
            state = self._program.unpicklable_state(value.of)
            if state is not None:
                return replace(state, anchor=anchor)
            if not value.of.is_local and persists(value) and self._program.is_script:
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
            return self.held(self._container_items(expression), scope, persists) or NOTHING_KNOWN
        if isinstance(expression, cst.Dict):
            held = self.held(self._container_items(expression), scope, persists)
            return (*held, Ref("builtins.dict()"))
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

    def called(self, factory: cst.BaseExpression, scope: Scope) -> Values:
        """What calling ``factory`` with no arguments returns (a lambda: its body)."""
        if isinstance(factory, cst.Lambda):
            return self.evaluate(factory.body, scope)
        call = cst.Call(func=factory)
        return union(
            *(self._call(value, call, scope, never) for value in self.evaluate(factory, scope))
        )

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
        """The values, reported at ``anchor``: where they are written now."""
        return tuple(_anchored(value, anchor) for value in values)

    def items_of(
        self, iterable: cst.BaseExpression, scope: Scope, roles: frozenset[Role] | None = None
    ) -> Values:
        """What iterating over ``iterable`` gives, as far as it matters to pickle:
        the items of a container (of a dict: its keys; through ``values()``, its
        values; through ``items()``, both), or the members of an enum."""
        if roles is None:
            roles = frozenset({Role.ITEM})
            method = _method_called(iterable, ("items", "values"))
            if method is not None:
                iterable = method.value
                roles = frozenset({Role.VALUE} if method.attr.value == "values" else Role)
        found: list[Value] = []
        for value in self.evaluate(iterable, scope):
            if isinstance(value, Held) and value.role in roles:
                found.append(value.value)
            elif isinstance(value, Definition) and value.is_enum:
                found.append(Instance(value))
        return union(tuple(found), NOTHING_KNOWN)

    def loop_bindings(
        self, target: cst.BaseExpression, iterable: cst.BaseExpression, scope: Scope
    ) -> Iterator[tuple[str, Values]]:
        """What each name a ``for`` target binds may be: an item of the iterable,
        or of a dict's ``items()`` the key and the value; unpacked otherwise,
        nothing known, since which part goes where is not followed."""
        if isinstance(target, cst.Name):
            yield target.value, self.items_of(iterable, scope)
            return
        method = _method_called(iterable, ("items",))
        elements = target.elements if isinstance(target, (cst.Tuple, cst.List)) else ()
        names = [element.value.value for element in elements if isinstance(element.value, cst.Name)]
        if method is not None and len(names) == 2 == len(elements):
            for name, role in zip(names, (Role.ITEM, Role.VALUE), strict=True):
                yield name, self.items_of(method.value, scope, frozenset({role}))
            return
        for name in target_names(target):
            yield name, NOTHING_KNOWN

    def held(
        self,
        slots: Iterable[tuple[cst.BaseExpression, Slot]],
        scope: Scope,
        persists: Persists,
    ) -> tuple[Held, ...]:
        """What a container made of ``slots`` holds that matters to pickle."""
        found: dict[tuple[Value, Role], Held] = {}
        for expression, slot in slots:
            if slot is Spread.ITEMS:
                for value in self.items_of(expression, scope):
                    _hold(found, value, Role.ITEM, expression)
                continue
            for value in self.evaluate(expression, scope, persists):
                if isinstance(value, Held):
                    # a container in a container: what it holds is held here too
                    role = value.role if slot is Spread.MAPPING else slot
                    assert isinstance(role, Role)
                    _hold(found, value.value, role, value.anchor)
                elif isinstance(slot, Role):
                    module = self._unpicklable(value, expression, never)
                    _hold(found, module if isinstance(value, Ref) else value, slot, expression)
        return tuple(found.values())

    @staticmethod
    def _container_items(
        container: cst.List | cst.Tuple | cst.Set | cst.Dict,
    ) -> Iterator[tuple[cst.BaseExpression, Slot]]:
        if isinstance(container, cst.Dict):
            for dict_element in container.elements:
                if isinstance(dict_element, cst.DictElement):
                    yield dict_element.key, Role.ITEM
                    yield dict_element.value, Role.VALUE
                else:
                    yield dict_element.value, Spread.MAPPING
        else:
            for element in container.elements:
                starred = isinstance(element, cst.StarredElement)
                yield element.value, Spread.ITEMS if starred else Role.ITEM

    def _comprehension(
        self,
        comprehension: cst.ListComp | cst.SetComp | cst.DictComp,
        scope: Scope,
        persists: Persists,
    ) -> Values:
        inner = Scope(ScopeKind.EXPRESSION, scope)
        bind_loop_targets(comprehension.for_in, inner)
        slots: tuple[tuple[cst.BaseExpression, Slot], ...]
        if isinstance(comprehension, cst.DictComp):
            slots = ((comprehension.key, Role.ITEM), (comprehension.value, Role.VALUE))
        else:
            slots = ((comprehension.elt, Role.ITEM),)
        return self.held(slots, inner, persists) or NOTHING_KNOWN

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
                spread, holds_keywords = ITEM_HOLDERS[callee.path]
                slots: list[tuple[cst.BaseExpression, Slot]] = []
                for arg in call.args:
                    if arg.star:
                        continue
                    if arg.keyword is not None:
                        if holds_keywords:
                            slots.append((arg.value, Role.VALUE))
                    elif spread is not None:
                        slots.append((arg.value, spread))
                return (*self.held(slots, scope, persists), Ref(f"{callee.path}()"))
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
            entry = None if wrapped is None else self.entry(wrapped)
            if wrapped is None or (iterates and entry is not None and entry.iterator_pickles):
                continue
            what = f"{display_path(path)}() of {wrapped.what}"
            return (replace(wrapped, what=what, anchor=call, path=None),)
        return (Ref(f"{path}()"),)

    def entry(self, value: Unpicklable) -> Entry | None:
        """The catalogue's row for a value it produced."""
        return None if value.path is None else self._catalogue.get(value.path)

    @staticmethod
    def _class_factory(call: cst.Call, scope: Scope) -> Values:
        if call.args and isinstance(call.args[0].value, cst.SimpleString):
            name = call.args[0].value.evaluated_value
            if isinstance(name, str):
                return (
                    Definition(call, name, DefinitionKind.CLASS, scope, compares_by_value=True),
                )
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
        return tuple(_returned_by(value, source, call) for value in returned)


def _anchored(value: Value, anchor: cst.CSTNode) -> Value:
    if isinstance(value, Unpicklable):
        return replace(value, anchor=anchor)
    if isinstance(value, Held):
        inner = value.value
        return replace(
            value,
            value=replace(inner, anchor=anchor) if isinstance(inner, Unpicklable) else inner,
            anchor=anchor,
        )
    return value


def _returned_by(value: Value, source: str, call: cst.Call) -> Value:
    """The value a call returned, described as such and reported at the call."""
    if isinstance(value, Unpicklable):
        return replace(value, what=f"{value.what} returned by {source}", anchor=call)
    if isinstance(value, Held):
        inner = _returned_by(value.value, source, call)
        assert isinstance(inner, (Unpicklable, Definition, Instance))
        return replace(value, value=inner, anchor=call)
    return value


def _hold(
    found: dict[tuple[Value, Role], Held], value: Value | None, role: Role, anchor: cst.CSTNode
) -> None:
    if isinstance(value, (Unpicklable, Definition, Instance)):
        found.setdefault((value, role), Held(value, role, anchor))


def _method_called(expression: cst.BaseExpression, names: tuple[str, ...]) -> cst.Attribute | None:
    """``x.name()`` for one of ``names``, with no arguments: its ``x.name``."""
    if (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value in names
        and not expression.args
    ):
        return expression.func
    return None


_EMPTY_MODULE = cst.Module(body=[])


def code_of(expression: cst.BaseExpression) -> str:
    """The expression's source text, without its surroundings."""
    return _EMPTY_MODULE.code_for_node(expression)


def item_key(expression: cst.BaseExpression) -> str:
    """How an item's key is spelled in a path: a string as ``"name"``, else its code."""
    if isinstance(expression, cst.SimpleString):
        value = expression.evaluated_value
        if isinstance(value, str):
            return f'"{value}"'
    return code_of(expression)


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
