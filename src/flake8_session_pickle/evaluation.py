"""What an expression may evaluate to, over abstract values."""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

import libcst as cst

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge import Knowledge, Production
from flake8_session_pickle.knowledge.language import (
    AWAITING_CALLS,
    AWAITING_METHODS,
    CLASS_FACTORIES,
    CONNECTION_CURSORS,
    ENTERING_CALLS,
    ENTERING_METHODS,
    ITEM_READS,
    MODULE_TYPE,
    SAME_AS_ARGUMENT,
    STANDARD_LIBRARY,
    class_made_by,
)
from flake8_session_pickle.knowledge.rows import Holding, Iteration
from flake8_session_pickle.knowledge.streamlit import STREAMLIT
from flake8_session_pickle.scopes import Scope, ScopeKind
from flake8_session_pickle.values import (
    NOTHING_KNOWN,
    UNKNOWN,
    AnyKey,
    Arguments,
    Attribute,
    Bound,
    Constant,
    Definition,
    DefinitionKind,
    Held,
    Instance,
    Key,
    Lambda,
    Member,
    Module,
    Named,
    Object,
    Place,
    Role,
    Spread,
    Super,
    Text,
    Unknown,
    Value,
    Values,
    display_name,
    union,
)

Slot = Role | Spread
"""How an expression goes into a container: as one item or value, or spread."""
Part = tuple[cst.BaseExpression, Slot, Hashable | None]
"""An expression that goes into a container, how, and at which position."""
Given = tuple[
    dict[int, tuple["Values", cst.CSTNode]], dict[str, tuple["Values", cst.CSTNode]], bool
]
"""A call's arguments by index and by keyword, each with where it is written,
and whether the call unpacks any."""

_CONSTANT_NAMES = {"None": None, "True": True, "False": False}
MAX_UNROLLED_ENTRIES = 32
"""Keys of a dict whose values matter, at most, for a loop over it to run once
for each key."""
_ITEMS = frozenset({Role.ITEM})


class Program(Protocol):
    """What the evaluator asks of the analysis of the whole file."""

    def returned(self, function: Definition, arguments: Arguments | None) -> Values:
        """What calling a function defined in the file may return, given what its
        parameters are bound to (None: nothing known of them)."""

    def class_attribute(
        self, cls: Definition, name: str, after: Definition | None = None
    ) -> Values | None:
        """What a class of the file, or the first of its bases in the file that has
        it, binds ``name`` to in its body; None where none does. With ``after``,
        only the classes past it in the method resolution order (``super()``)."""

    def instance_attribute(self, instance: Instance, name: str) -> Values | None:
        """What an instance may hold under ``name``, given what it was made with."""

    def class_stores(self, cls: Definition, name: str) -> Values | None:
        """What the methods of a class that may run store under ``name`` on the
        class itself (``Database._engine = ...``); None where none does."""

    def fields(self, cls: Definition) -> list[str]:
        """The fields of a dataclass, in the order its ``__init__`` takes them."""

    def declared(self, cls: Definition, name: str) -> tuple[cst.BaseExpression, Definition] | None:
        """The annotation with which a class declares ``name`` without binding it in
        its body (``engine: Engine``), with the class that does; None where
        it binds it, or nothing declares it."""

    def stored_at(self, place: Place) -> Values:
        """What the writes seen so far store at a watched place."""

    def project_values(self, names: Sequence[str], scope: Scope | None) -> list[Values | None]:
        """What modules of the app bind to qualified names (relative ones
        resolved from the module ``scope`` is in), each module run once for all
        of them; None for a name that is not the app's."""

    def project_exports(self, module: str, scope: Scope | None) -> dict[str, Values]:
        """What ``from module import *`` binds, where the module is the app's."""

    def used(self, receivers: Values, method: str) -> None:
        """The method is called on an object that may be any of ``receivers``."""


class Evaluator:
    def __init__(self, program: Program, knowledge: Knowledge, roots: frozenset[str]) -> None:
        # Weakly, as the program owns this: a cycle would leave the whole file's
        # analysis (its trees too) to the garbage collector.
        self._program: Program = weakref.proxy(program)
        self.knowledge = knowledge
        self._roots = roots
        """Qualified names of the objects whose places a sink watches."""
        self._resolving: set[Place] = set()
        """Places whose kept objects are being looked into, so that a place that
        holds a read of itself ends."""

    def named(self, name: str, scope: Scope | None = None) -> Values:
        """The object reached by a qualified name: the root of a watched place, an
        object the knowledge tables know, what a module of the app binds to it
        (a relative name resolved from where ``scope`` is), or just the name."""
        return self.all_named([name], scope)[0]

    def all_named(self, names: Sequence[str], scope: Scope | None = None) -> list[Values]:
        """What :meth:`named` gives for each of ``names``, asking the app's modules
        for all of them at once."""
        asked = [name for name in names if name not in self._roots]
        own = dict(zip(asked, self._program.project_values(asked, scope), strict=True))
        return [self._named(name, own.get(name)) for name in names]

    def _named(self, name: str, own: Values | None) -> Values:
        if name in self._roots:
            return (Place(name),)
        if own is not None:
            return own
        production = self.knowledge.object(name)
        if production is not None:
            if production.row.name == MODULE_TYPE:
                # a submodule reached as an attribute: its attributes are its names
                return (Module(name),)
            return (self._produced(production, display_name(name), None, None),)
        return (Named(name),)

    def annotated(self, annotation: cst.BaseExpression, scope: Scope, holder: str) -> Values:
        """What a value annotated so may be, where the annotation names a class of
        the app (an instance of it), or a type of the tables whose values pickle
        or not whatever they were made with (an object of it:
        ``conn: sqlite3.Connection``), also one of several
        (``Optional[X]``, ``X | None``, ``Union[X, Y]``); nothing known
        otherwise. ``holder``: the annotation as messages name it, ``{type}``
        standing for the type (``'conn: {type}'``)."""
        if isinstance(annotation, cst.BinaryOperation) and isinstance(
            annotation.operator, cst.BitOr
        ):
            return union(
                self.annotated(annotation.left, scope, holder),
                self.annotated(annotation.right, scope, holder),
            )
        if isinstance(annotation, cst.Subscript):
            forms = {v.name for v in self.evaluate(annotation.value, scope) if isinstance(v, Named)}
            if forms.isdisjoint(_UNION_FORMS | _OPTIONAL_FORMS):
                return NOTHING_KNOWN
            alternatives = [
                self.annotated(element.slice.value, scope, holder)
                for element in annotation.slice
                if isinstance(element.slice, cst.Index)
            ]
            optional = not forms.isdisjoint(_OPTIONAL_FORMS)
            return union(*alternatives, (Constant(None),) if optional else ())
        if isinstance(annotation, cst.Name) and annotation.value == "None":
            return (Constant(None),)
        if not isinstance(annotation, (cst.Name, cst.Attribute)):
            return NOTHING_KNOWN
        typed: list[Value] = []
        for value in self.evaluate(annotation, scope):
            if (
                isinstance(value, Definition)
                and value.kind is DefinitionKind.CLASS
                and not value.makes_dicts
            ):
                typed.append(Instance(value))
            if not isinstance(value, Named):
                continue
            row = self.knowledge.type(value.name)
            if row is not None and not row.pickles_when_given and not row.refused_as_made:
                made_by = "annotation " + holder.format(type=display_name(value.name))
                typed.append(Object(row.name, made_by))
        return tuple(typed)

    def exported(self, module: str, scope: Scope) -> dict[str, Values]:
        """What ``from module import *`` binds: the public names of a module of
        the app; nothing for any other."""
        return self._program.project_exports(module, scope)

    def evaluate(self, expression: cst.BaseExpression, scope: Scope) -> Values:
        expression_type = type(expression)
        if expression_type is cst.Name:
            assert isinstance(expression, cst.Name)
            if expression.value in _CONSTANT_NAMES:
                return (Constant(_CONSTANT_NAMES[expression.value]),)
            return anchored(scope.lookup(expression.value), expression)
        if expression_type is cst.Attribute:
            assert isinstance(expression, cst.Attribute)
            return _with_written(
                union(
                    *(
                        self.attribute(value, expression.attr.value, expression)
                        for value in self.evaluate(expression.value, scope)
                    )
                ),
                scope,
            )
        if expression_type is cst.Call:
            assert isinstance(expression, cst.Call)
            item = self._item_read(expression, scope)
            if item is not None:
                return item
            entered = self._entered_explicitly(expression, scope)
            if entered is not None:
                return entered
            return union(
                *(
                    self._call(value, expression, scope)
                    for value in self.evaluate(expression.func, scope)
                )
            )
        if expression_type is cst.Subscript:
            assert isinstance(expression, cst.Subscript)
            aliased: list[Value] = []
            owners: list[Value] = []
            for owner in self.evaluate(expression.value, scope):
                (aliased if self._subscripts_to_itself(owner) else owners).append(owner)
            if aliased and not owners:
                return tuple(aliased)
            items = NOTHING_KNOWN
            if len(expression.slice) == 1 and isinstance(expression.slice[0].slice, cst.Index):
                segment = self.segment(expression.slice[0].slice.value, scope)
                items = _with_written(self._items(tuple(owners), segment), scope)
            items = union(items, self._subscripted(owners))
            return union(tuple(aliased), items) if aliased else items
        if expression_type is cst.Lambda:
            assert isinstance(expression, cst.Lambda)
            return (Lambda(expression),)
        if expression_type is cst.GeneratorExp:
            return (Object("builtins.generator", "", described_as="generator expression"),)
        if expression_type in _SEQUENCES:
            assert isinstance(expression, (cst.List, cst.Tuple, cst.Set))
            holds = self.held(_sequence_items(expression), scope)
            return (Object(_SEQUENCES[expression_type], "", holds),)
        if expression_type is cst.Dict:
            assert isinstance(expression, cst.Dict)
            return (Object("builtins.dict", "", self.held(_dict_items(expression), scope)),)
        if expression_type in _COMPREHENSIONS:
            assert isinstance(expression, (cst.ListComp, cst.SetComp, cst.DictComp))
            return self._comprehension(expression, scope)
        if expression_type is cst.BinaryOperation:
            assert isinstance(expression, cst.BinaryOperation)
            if isinstance(expression.operator, (cst.Add, cst.Multiply, cst.BitOr)):
                # ``xs + [v]``, ``[v] * n`` and ``d | {k: v}`` hold the items of both.
                return union(
                    self.evaluate(expression.left, scope), self.evaluate(expression.right, scope)
                )
            return NOTHING_KNOWN
        if expression_type is cst.IfExp:
            assert isinstance(expression, cst.IfExp)
            return union(
                self.evaluate(expression.body, scope), self.evaluate(expression.orelse, scope)
            )
        if expression_type is cst.BooleanOperation:
            assert isinstance(expression, cst.BooleanOperation)
            return union(
                self.evaluate(expression.left, scope), self.evaluate(expression.right, scope)
            )
        if expression_type is cst.Await:
            assert isinstance(expression, cst.Await)
            return self.awaited(expression.expression, scope)
        if expression_type is cst.NamedExpr:
            assert isinstance(expression, cst.NamedExpr)
            values = self.evaluate(expression.value, scope)
            if isinstance(expression.target, cst.Name):
                scope.binding_scope.bind(expression.target.value, values)
            return values
        constant = literal(expression)
        if constant is not _NOT_LITERAL:
            return (Constant(constant),)
        if expression_type is cst.FormattedString:
            return (Text(expression),)
        return NOTHING_KNOWN

    def use(self, receivers: Values, method: str) -> None:
        """Tell the program that the method, one after which values of some type
        no longer pickle, is called on what may be any of ``receivers``."""
        self._program.used(receivers, method)

    def stored(
        self,
        expression: cst.BaseExpression,
        scope: Scope,
        spread: Spread | None,
        made: Values | None,
    ) -> Values:
        """What a store of ``expression`` stores: ``made`` where given, else what
        the expression gives, or with ``spread`` what it spreads (its items; its
        keys and values)."""
        if made is not None:
            return made
        if spread is not None:
            roles = frozenset(Role) if spread is Spread.MAPPING else None
            return self.items_of(expression, scope, roles)
        return self.evaluate(expression, scope)

    def segment(self, key: cst.BaseExpression, scope: Scope) -> Key | AnyKey:
        """The segment of a place an item's key leads to: a literal key, or a name
        bound to one, else any key."""
        values = self.evaluate(key, scope)
        if len(values) == 1:
            if isinstance(values[0], Constant):
                return Key(values[0].value)
            if isinstance(values[0], Text):
                return Key(values[0])
        return AnyKey()

    def enters_as_itself(self, value: Value) -> bool:
        """Whether ``with value as name`` binds the value itself: true of the
        refused types whose rows say so."""
        if not isinstance(value, Object):
            return False
        row = self.knowledge.type(value.type)
        return row is not None and row.kind is not None and row.enters_as_itself

    def entered(self, value: Value, asynchronous: bool = False) -> Values:
        """What ``with value as name`` binds, as far as it is known (``async with``
        where ``asynchronous``): the value itself where it enters as itself; for
        an instance of a class of the app, what its ``__enter__`` returns, or
        what its ``__aenter__`` returns once awaited. For a watched place, what
        entering what it may hold gives: only what can be entered gets past the
        ``with`` (not the ``None`` it may start as)."""
        if isinstance(value, Place):
            return union(
                *(
                    self.entered(held, asynchronous)
                    for held in self._program.stored_at(value)
                    if not isinstance(held, Place)
                )
            )
        if self.enters_as_itself(value):
            return (value,)
        if not isinstance(value, Instance):
            return ()
        method = "__aenter__" if asynchronous else "__enter__"
        found: list[Value] = []
        for member in self._program.class_attribute(value.of, method) or ():
            if (
                isinstance(member, Definition)
                and member.kind is DefinitionKind.FUNCTION
                and not member.yields
                and member.is_async is asynchronous
            ):
                found.extend(self._returned_on(member, value))
        return union(tuple(found))

    def called(self, factory: cst.BaseExpression, scope: Scope) -> Values:
        """What calling ``factory`` with no arguments returns (a lambda: its body)."""
        if isinstance(factory, cst.Lambda):
            return self.evaluate(factory.body, scope)
        call = cst.Call(func=factory)
        return union(*(self._call(value, call, scope) for value in self.evaluate(factory, scope)))

    def _item_read(self, call: cst.Call, scope: Scope) -> Values | None:
        """What ``x.get(key, default)`` or ``x.setdefault(key, default)`` gives,
        where ``x`` is a watched place or a dict: the item under the key, or the
        default."""
        func = call.func
        if not (
            isinstance(func, cst.Attribute)
            and func.attr.value in ITEM_READS
            and call.args
            and not any(arg.star or arg.keyword for arg in call.args)
        ):
            return None
        owners = self.evaluate(func.value, scope)
        if not any(
            isinstance(owner, Place)
            or (isinstance(owner, Object) and owner.type == "builtins.dict")
            for owner in owners
        ):
            return None
        items = self._items(owners, self.segment(call.args[0].value, scope))
        if len(call.args) < 2:
            return items
        return union(items, self.evaluate(call.args[1].value, scope))

    def _entered_explicitly(self, call: cst.Call, scope: Scope) -> Values | None:
        """What ``stack.enter_context(x)`` or ``x.__enter__()`` gives, what entering
        ``x`` gives, and ``stack.enter_async_context(x)`` or ``x.__aenter__()``, a
        coroutine giving it; None for any other call."""
        func = call.func
        if not isinstance(func, cst.Attribute):
            return None
        method = func.attr.value
        if method in ENTERING_METHODS and not call.args:
            entering, entered_expression = method, func.value
        elif method in ENTERING_CALLS and len(call.args) == 1 and not call.args[0].star:
            entering, entered_expression = ENTERING_CALLS[method], call.args[0].value
        else:
            return None
        asynchronous = entering == "__aenter__"
        entered = union(
            *(
                self.entered(value, asynchronous)
                for value in self.evaluate(entered_expression, scope)
            )
        )
        if not entered and method in ENTERING_METHODS:
            return None  # a call like any other (``super().__enter__()``)
        if not asynchronous:
            return entered or NOTHING_KNOWN
        return (_coroutine(entered, call, f"'{method}()'"),)

    def _subscripts_to_itself(self, value: Value) -> bool:
        """Whether ``value[...]`` stands for ``value``: a generic class of the app
        (``Queue[int]()`` makes a ``Queue``, and ``Queue[int]`` pickles as
        ``Queue``), but not an enum (``Color["RED"]`` is a member) nor a class
        with a ``__class_getitem__`` of its own."""
        return (
            isinstance(value, Definition)
            and value.kind is DefinitionKind.CLASS
            and not value.is_enum
            and self._program.class_attribute(value, "__class_getitem__") is None
        )

    def _subscripted(self, owners: Sequence[Value]) -> Values:
        """What subscripting objects whose types' rows say what their ``[...]``
        gives makes (``client["db"]`` of a MongoDB client: a database)."""
        found = []
        for owner in owners:
            if isinstance(owner, Object):
                production = self.knowledge.method(owner.type, "__getitem__")
                if production is not None:
                    found.append(self._produced(production, f"{owner.made_by}[...]", None, None))
        return tuple(found)

    @staticmethod
    def _items(owners: Values, segment: Attribute | Key | AnyKey) -> Values:
        """What is found under a key of the owners: a place within a watched place,
        or what a dict holds under the key, or a list or tuple at the index (also
        what it holds where it is not known, which may be there)."""
        found: list[Value] = []
        for owner in owners:
            if isinstance(owner, Place):
                found.append(owner.child(segment))
            elif isinstance(owner, Object) and owner.type in _INDEXED:
                role = Role.VALUE if owner.type == "builtins.dict" else Role.ITEM
                found.extend(
                    held.value
                    for held in owner.holds
                    if held.role is role
                    and (
                        not isinstance(segment, Key)
                        or held.position is None
                        or held.position == segment.value
                    )
                )
        return union(tuple(found)) or NOTHING_KNOWN

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
            found.extend(self._iterated(value, roles))
        return union(tuple(found), NOTHING_KNOWN)

    def _iterated(self, value: Value, roles: frozenset[Role]) -> Iterator[Value]:
        if isinstance(value, Object):
            row = self.knowledge.type(value.type)
            iterates = None if row is None else row.iterates
            if iterates is Iteration.RESULTS:
                yield UNKNOWN
            elif iterates is Iteration.ITEMS:
                for held in value.holds:
                    yield from self._iterated(held.value, _ITEMS)
            else:
                for held in value.holds:
                    if iterates is Iteration.HELD or held.role in roles:
                        yield held.value
        elif isinstance(value, Definition) and value.is_enum:
            yield Instance(value)

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

    def dict_entries(
        self, target: cst.BaseExpression, iterable: cst.BaseExpression, scope: Scope
    ) -> list[tuple[Values, Values]] | None:
        """What each run of a ``for`` over a dict built of literal keys binds, key
        by key (``for k, v in d.items()``, ``for k in d``): the key, and the values
        under it, for each key whose values matter to pickle (the others, whose
        values pickle, are not run; one run with nothing known where there are
        none). None for any other loop, or a dict of more than
        :data:`MAX_UNROLLED_ENTRIES` such keys."""
        method = _method_called(iterable, ("items",))
        if isinstance(target, cst.Name):
            owner = iterable
        elif (
            method is not None
            and isinstance(target, (cst.Tuple, cst.List))
            and len(target.elements) == 2
            and all(isinstance(element.value, cst.Name) for element in target.elements)
        ):
            owner = method.value
        else:
            return None
        owners = self.evaluate(owner, scope)
        if len(owners) != 1 or not isinstance(owners[0], Object):
            return None
        container = owners[0]
        if container.type != "builtins.dict" or any(
            held.role is Role.VALUE and held.position is None for held in container.holds
        ):
            return None
        by_key: dict[Hashable, list[Value]] = {}
        for held in container.holds:
            if held.role is Role.VALUE:
                by_key.setdefault(held.position, []).append(held.value)
        if len(by_key) > MAX_UNROLLED_ENTRIES:
            return None
        # a dict of values that do not matter to pickle still runs the loop once
        return [((Constant(key),), tuple(values)) for key, values in by_key.items()] or [
            (NOTHING_KNOWN, NOTHING_KNOWN)
        ]

    def held(self, slots: Iterable[Part], scope: Scope) -> tuple[Held, ...]:
        """What an object made of ``slots`` holds that matters to pickle."""
        found: dict[tuple[Value, Role, Hashable | None], Held] = {}
        for expression, slot, position in slots:
            if slot is Spread.ITEMS:
                for value in self.items_of(expression, scope):
                    self._hold(found, value, Role.ITEM, expression, None)
                continue
            for value in self.evaluate(expression, scope):
                if slot is Spread.MAPPING:
                    if isinstance(value, Object):
                        for held in value.holds:
                            found.setdefault((held.value, held.role, None), held)
                else:
                    assert isinstance(slot, Role)
                    self._hold(found, value, slot, expression, position)
        return tuple(found.values())

    def _hold(
        self,
        found: dict[tuple[Value, Role, Hashable | None], Held],
        value: Value,
        role: Role,
        anchor: cst.CSTNode,
        position: Hashable | None,
    ) -> None:
        if self.matters(value):
            found.setdefault((value, role, position), Held(value, role, anchor, False, position))

    @staticmethod
    def is_positional(value: Value) -> bool:
        """A tuple or list whose items are known by position."""
        return (
            isinstance(value, Object)
            and value.type in _POSITIONAL
            and all(isinstance(held.position, int) for held in value.holds)
        )

    def unpacked(self, values: Values, count: int) -> list[Values]:
        """What unpacking ``values`` into ``count`` targets gives each: the items of
        a tuple or list at each position that matter to pickle (none where the
        item does not), and for any other value, nothing known."""
        parts: list[list[Value]] = [[] for _ in range(count)]
        for value in values:
            if not (isinstance(value, Object) and self.is_positional(value)) or any(
                not isinstance(held.position, int) or held.position >= count for held in value.holds
            ):
                for part in parts:
                    part.append(UNKNOWN)
                continue
            for held in value.holds:
                assert isinstance(held.position, int)
                parts[held.position].append(held.value)
        return [union(tuple(part)) for part in parts]

    def matters(self, value: Value) -> bool:
        """Whether pickling may refuse the value, in this run or a later one."""
        if isinstance(value, Place):
            return bool(value.segments)  # what a watched place holds, not the object
        if isinstance(value, (Constant, Text, Named, Unknown)):
            return False
        if isinstance(value, Object) and not value.holds:
            row = self.knowledge.type(value.type)
            return row is None or not row.pickles
        return True

    def _comprehension(
        self, comprehension: cst.ListComp | cst.SetComp | cst.DictComp, scope: Scope
    ) -> Values:
        inner = Scope(ScopeKind.EXPRESSION, scope)
        bind_loop_targets(comprehension.for_in, inner)
        slots: tuple[Part, ...]
        if isinstance(comprehension, cst.DictComp):
            slots = ((comprehension.key, Role.ITEM, None), (comprehension.value, Role.VALUE, None))
        else:
            slots = ((comprehension.elt, Role.ITEM, None),)
        kind = _COMPREHENSIONS[type(comprehension)]
        return (Object(kind, "", self.held(slots, inner)),)

    def attribute(self, value: Value, attribute: str, anchor: cst.CSTNode) -> Values:
        if isinstance(value, (Module, Named)):
            return anchored(self.named(f"{value.name}.{attribute}"), anchor)
        if isinstance(value, Place):
            return (value.child(Attribute(attribute)),)
        if isinstance(value, Object):
            production = self.knowledge.attribute(value.type, attribute)
            if production is not None:
                return (self._produced(production, f"{value.made_by}.{attribute}", None, None),)
            return (Member(value, attribute),)
        if isinstance(value, Definition) and value.kind is DefinitionKind.CLASS:
            found = self._program.class_attribute(value, attribute)
            on_class = None if value.is_enum else self._program.class_stores(value, attribute)
            if found is None:
                if on_class is not None:
                    return anchored(on_class, anchor)
                declared = self._declared(value, attribute)
                if declared is not None:
                    return anchored(declared, anchor)
                return self._inherited_factory(value, attribute)
            if value.is_enum:
                return (Instance(value),)
            members = tuple(_through(member, value) for member in found)
            return anchored(union(members, on_class or ()), anchor)
        if isinstance(value, Instance):
            members = self._program.class_attribute(value.of, attribute) or ()
            functions = [
                member
                for member in members
                if isinstance(member, Definition) and member.kind is DefinitionKind.FUNCTION
            ]
            if any(function.is_property for function in functions):
                return anchored(self._property_read(functions, value), anchor)
            if functions:
                return tuple(_through(function, value) for function in functions)
            held = self._program.instance_attribute(value, attribute)
            if held is None:
                held = self._declared(value.of, attribute)
            return NOTHING_KNOWN if held is None else anchored(held, anchor)
        if isinstance(value, Super):
            receiver = value.receiver
            cls = receiver.of if isinstance(receiver, Instance) else receiver
            if not isinstance(cls, Definition):
                return NOTHING_KNOWN
            members = self._program.class_attribute(cls, attribute, value.cls) or ()
            return tuple(_through(member, receiver) for member in members) or NOTHING_KNOWN
        return NOTHING_KNOWN

    def _property_read(self, functions: list[Definition], instance: Instance) -> Values:
        """What reading a property of the instance gives: what its method returns."""
        found: list[Value] = []
        for function in functions:
            if not function.is_property or function.yields or function.is_async:
                return NOTHING_KNOWN
            via = f"returned by property '{function.name}'"
            found.extend(
                self.reached_via(value, via) for value in self._returned_on(function, instance)
            )
        return union(tuple(found)) or NOTHING_KNOWN

    def _returned_on(self, method: Definition, instance: Instance) -> Values:
        """What a method of the file returns called on the instance alone
        (``__enter__``, a property's getter)."""
        arguments = self.arguments(method, _NO_ARGUMENTS, method.scope, first=instance)
        return self._program.returned(method, arguments)

    def _declared(self, cls: Definition, attribute: str) -> Values | None:
        """What an attribute a class only declares may hold, as its annotation
        says (``engine: Engine``, set by a method the analysis does not follow)."""
        declared = self._program.declared(cls, attribute)
        if declared is None:
            return None
        annotation, owner = declared
        typed = self.annotated(annotation, owner.scope, f"'{owner.name}.{attribute}: {{type}}'")
        if Constant(None) in typed:
            return None  # ``X | None``: it may well be given None where the analysis does not look
        return typed

    def _inherited_factory(self, cls: Definition, attribute: str) -> Values:
        """A factory classmethod that the class inherits from a base of another
        package (``SQLDatabase.from_uri``) makes an instance of the class itself:
        calling it is calling the class."""
        seen: set[int] = set()
        classes = [cls]
        while classes:
            current = classes.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            for base in current.bases:
                if isinstance(base, Definition):
                    classes.append(base)
                elif isinstance(base, Named):
                    production = self.knowledge.called(f"{base.name}.{attribute}")
                    row = self.knowledge.type(base.name)
                    if production is not None and row is not None and production.row is row:
                        return (cls,)
        return NOTHING_KNOWN

    def _call(self, callee: Value, call: cst.Call, scope: Scope) -> Values:
        if isinstance(callee, Named):
            name = callee.name
            if name in SAME_AS_ARGUMENT and call.args and not call.args[0].star:
                return self.evaluate(call.args[0].value, scope)
            if name in CLASS_FACTORIES:
                return self._class_factory(call, scope)
            if name == _SUPER:
                return self._super(call, scope)
            if name in AWAITING_CALLS and call.args and not call.args[0].star:
                return self.awaited(call.args[0].value, scope)
            production = self.knowledge.called(name)
            if production is not None:
                made = self._produced(production, f"{display_name(name)}()", call, scope)
                if production.made.awaited:
                    return (_coroutine((made,), call, f"'{made.made_by}'"),)
                return (made,)
            return self._third_party_instance(name, call, scope)
        if isinstance(callee, Member):
            if callee.name in AWAITING_METHODS and call.args and not call.args[0].star:
                return self.awaited(call.args[0].value, scope)
            production = self.knowledge.method(callee.owner.type, callee.name)
            if production is None:
                return self._cursor(callee, call)
            made = self._produced(
                production, f"{callee.owner.made_by}.{callee.name}()", call, scope
            )
            if production.holds in _RECEIVER:
                made = replace(made, holds=(Held(callee.owner, Role.ITEM, call), *made.holds))
            if production.made.awaited:
                return (_coroutine((made,), call, f"'{made.made_by}'"),)
            return (made,)
        if isinstance(callee, Object):
            production = self.knowledge.method(callee.type, "__call__")
            if production is not None:
                return (self._produced(production, f"{callee.made_by}()", call, scope),)
            return NOTHING_KNOWN
        if isinstance(callee, Definition):
            return self._call_definition(callee, call, scope)
        if isinstance(callee, Bound):
            return self._call_definition(callee.function, call, scope, callee.receiver)
        if isinstance(callee, Place):
            return self._method_of_stored(callee, call, scope)
        return NOTHING_KNOWN

    def _method_of_stored(self, method: Place, call: cst.Call, scope: Scope) -> Values:
        """What a method of an object kept in session state gives
        (``st.session_state.store.as_retriever()``), as far as the writes before
        the call tell what is kept there."""
        last = method.segments[-1] if method.segments else None
        if not isinstance(last, Attribute) or len(method.segments) < 2:
            return NOTHING_KNOWN
        receiver = Place(method.root, method.segments[:-1])
        if receiver in self._resolving:
            return NOTHING_KNOWN
        self._resolving.add(receiver)
        try:
            kept = self._program.stored_at(receiver)
            return (
                union(
                    *(
                        self._call(callee, call, scope)
                        for value in kept
                        if not isinstance(value, Place)
                        for callee in self.attribute(value, last.name, call.func)
                    )
                )
                or NOTHING_KNOWN
            )
        finally:
            self._resolving.discard(receiver)

    def _cursor(self, method: Member, call: cst.Call) -> Values:
        """A cursor of a database connection the tables know but whose cursors
        they lack, which holds its connection."""
        row = self.knowledge.type(method.owner.type)
        if method.name not in CONNECTION_CURSORS or row is None or row.kind is not Kind.DATABASE:
            return NOTHING_KNOWN
        made_by = f"{method.owner.made_by}.{method.name}()"
        return (
            Object(f"{method.owner.type}.cursor", made_by, (Held(method.owner, Role.ITEM, call),)),
        )

    def _produced(
        self, production: Production, made_by: str, call: cst.Call | None, scope: Scope | None
    ) -> Object:
        """The object a producer makes, holding what it keeps of the call."""
        holds = (
            self._arguments_held(production.holds, call, scope)
            if production.holds is not None and call is not None and scope is not None
            else ()
        )
        made = Object(production.row.name, made_by, holds)
        if (
            call is not None
            and scope is not None
            and self._given_to_pickle(production, call, scope)
        ):
            made = replace(made, built_to_pickle=True)
        if production.made.tuple_of and call is not None:
            return Object("builtins.tuple", made_by, (Held(made, Role.ITEM, call),))
        return made

    def _given_to_pickle(self, production: Production, call: cst.Call, scope: Scope) -> bool:
        """Whether the call gives the type's constructor, or the producer a
        condition names, an argument with which its values pickle, as a literal."""
        row = production.row
        if not row.pickles_when_given:
            return False
        constructor = production.made.by.removesuffix("()") in (row.name, *row.aliases)
        positional = [arg.value for arg in call.args if not arg.keyword and not arg.star]
        keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword}
        for condition in row.pickles_when_given:
            taken = production.made.by == condition.producer if condition.producer else constructor
            if not taken:
                continue
            given = keywords.get(condition.keyword)
            if (
                given is None
                and condition.position is not None
                and condition.position < len(positional)
            ):
                given = positional[condition.position]
            if given is None:
                continue
            values = self.evaluate(given, scope)
            if len(values) != 1:
                continue
            if isinstance(values[0], Constant) and condition.met_by(values[0].value):
                return True
            if condition.objects and isinstance(values[0], Object) and values[0].built_to_pickle:
                return True
            if (
                condition.prefix
                and isinstance(values[0], Text)
                and condition.met_by(_literal_head(values[0].node))
            ):
                return True
        return False

    def _third_party_instance(self, name: str, call: cst.Call, scope: Scope) -> Values:
        """An instance of a class of a third-party package the tables lack, which
        keeps what it is made with, as such objects do (a vector store its client,
        a chain its model)."""
        top = name.split(".", 1)[0]
        cls = class_made_by(name)
        if cls is None or top in STANDARD_LIBRARY or top == STREAMLIT:
            return NOTHING_KNOWN
        row = self.knowledge.type(cls)
        if row is not None and row.refused_as_made:
            return NOTHING_KNOWN  # its row's verdict is for what its producers make
        made_by = f"{display_name(name)}()"
        return (Object(cls, made_by, self._arguments_held(Holding.ARGUMENTS, call, scope)),)

    def _arguments_held(self, holding: Holding, call: cst.Call, scope: Scope) -> tuple[Held, ...]:
        slots: list[Part] = []
        iterated = holding is Holding.ITERATORS
        for arg in call.args:
            if arg.star:
                continue
            if arg.keyword is not None:
                if holding in _EACH_ARGUMENT:
                    slots.append((arg.value, Role.ITEM, None))
                elif holding in (Holding.MAPPING, Holding.KEYWORDS):
                    slots.append((arg.value, Role.VALUE, None))
            elif holding in _EACH_ARGUMENT:
                slots.append((arg.value, Role.ITEM, None))
            elif holding is Holding.ITEMS:
                slots.append((arg.value, Spread.ITEMS, None))
            elif holding is Holding.MAPPING:
                slots.append((arg.value, Spread.MAPPING, None))
        held = self.held(slots, scope)
        if iterated:
            return tuple(replace(h, iterated=True) for h in held)
        return held

    @staticmethod
    def _class_factory(call: cst.Call, scope: Scope) -> Values:
        if call.args and isinstance(call.args[0].value, cst.SimpleString):
            name = string_value(call.args[0].value)
            if isinstance(name, str):
                return (
                    Definition(call, name, DefinitionKind.CLASS, scope, compares_by_value=True),
                )
        return NOTHING_KNOWN

    def _super(self, call: cst.Call, scope: Scope) -> Values:
        """``super()`` in a method, or ``super(Class, self)``."""
        if len(call.args) == 2:
            classes = self.evaluate(call.args[0].value, scope)
            receivers = self.evaluate(call.args[1].value, scope)
        elif not call.args:
            method = scope
            while method.kind is not ScopeKind.FUNCTION and method.parent is not None:
                method = method.parent
            body = method.parent
            if method.self_name is None or body is None or body.kind is not ScopeKind.CLASS:
                return NOTHING_KNOWN
            classes = () if body.owner is None else (body.owner,)
            receivers = method.lookup(method.self_name)
        else:
            return NOTHING_KNOWN
        found = tuple(
            Super(cls, receiver)
            for cls in classes
            if isinstance(cls, Definition) and cls.kind is DefinitionKind.CLASS
            for receiver in receivers
            if isinstance(receiver, (Instance, Definition))
        )
        return found or NOTHING_KNOWN

    def arguments(
        self,
        definition: Definition,
        call: cst.Call,
        scope: Scope,
        first: Value | None = None,
        skip_first: bool = False,
    ) -> Arguments | None:
        """What each parameter is bound to at a call, where any of it matters to
        pickle: the arguments, what ``*args`` and ``**kwargs`` collect, and the
        defaults of the parameters the call leaves out. ``first``: what the first
        parameter is bound to besides the call's own arguments (a method's
        instance); ``skip_first``: the first is left to be bound later (the
        instance an ``__init__`` makes). None where nothing matters, or where the
        call unpacks arguments (``f(*xs)``), which may fill any parameter."""
        function = definition.node
        if not isinstance(function, cst.FunctionDef):
            return None
        given = self._given(call, scope, first)
        if given is None:
            return None
        positional_given, keywords_given, spread = given
        positional, keyword_only = _parameters(function)
        if skip_first:
            positional = positional[1:]
        bound: dict[str, Values] = {}
        extra: list[Held] = []
        for index, (values, anchor) in positional_given.items():
            if index < len(positional):
                bound[positional[index].name.value] = values
            else:
                extra.extend(
                    Held(value, Role.ITEM, anchor, position=index - len(positional))
                    for value in values
                    if self.matters(value)
                )
        names = {parameter.name.value for parameter in (*positional, *keyword_only)}
        extra_keywords: list[Held] = []
        for keyword, (values, anchor) in keywords_given.items():
            if keyword in names:
                bound.setdefault(keyword, values)
            else:
                extra_keywords.extend(
                    Held(value, Role.VALUE, anchor, position=keyword)
                    for value in values
                    if self.matters(value)
                )
        parameters = function.params
        if isinstance(parameters.star_arg, cst.Param):
            bound[parameters.star_arg.name.value] = (Object("builtins.tuple", "", tuple(extra)),)
        if isinstance(parameters.star_kwarg, cst.Param):
            bound[parameters.star_kwarg.name.value] = (
                Object("builtins.dict", "", tuple(extra_keywords)),
            )
        if not spread:
            # a parameter the call leaves out takes its default; where it unpacks
            # arguments, which it leaves out is not known
            for parameter in (*positional, *keyword_only):
                if parameter.name.value not in bound and parameter.default is not None:
                    default = self.evaluate(parameter.default, definition.scope)
                    bound[parameter.name.value] = default
        # a watched place given whole (``st.session_state``) matters too: the
        # function may store into it
        if not any(
            isinstance(value, Place) or self.matters(value)
            for values in bound.values()
            for value in values
        ):
            return None
        return tuple(bound.items())

    def _construction(self, cls: Definition, call: cst.Call, scope: Scope) -> Arguments | None:
        """What an instance is made with: the parameters of the ``__init__`` its
        class finds, or the fields of a dataclass, bound to the call's arguments."""
        if cls.is_dataclass:
            fields = self._program.fields(cls)
            if any(arg.star for arg in call.args):
                return None
            bound: dict[str, Values] = {}
            positional = [arg for arg in call.args if not arg.keyword]
            for name, arg in zip(fields, positional, strict=False):
                bound[name] = self.evaluate(arg.value, scope)
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value in fields:
                    bound[arg.keyword.value] = self.evaluate(arg.value, scope)
            # a field given a value that pickles no longer takes its default
            return tuple(bound.items()) or None
        for init in self._program.class_attribute(cls, "__init__") or ():
            if isinstance(init, Definition) and init.kind is DefinitionKind.FUNCTION:
                return self.arguments(init, call, scope, skip_first=True)
        return None

    def _given(
        self, call: cst.Call, scope: Scope, first: Value | None
    ) -> (
        tuple[dict[int, tuple[Values, cst.CSTNode]], dict[str, tuple[Values, cst.CSTNode]], bool]
        | None
    ):
        """A call's arguments: positional ones by index (``first`` at 0, where
        given), keyword ones by name, those ``*xs`` and ``**d`` unpack where the
        positions or keys of what matters in them are known, and whether it
        unpacks any. None where it unpacks what is not known."""
        positional: dict[int, tuple[Values, cst.CSTNode]] = {}
        keywords: dict[str, tuple[Values, cst.CSTNode]] = {}
        count = 0
        if first is not None:
            positional[0] = ((first,), call)
            count = 1
        spread = False
        for arg in call.args:
            if arg.keyword is not None:
                keywords[arg.keyword.value] = (self.evaluate(arg.value, scope), arg.value)
                continue
            if spread and not arg.star:
                return None  # an argument after ``*xs``: its index is not known
            values = self.evaluate(arg.value, scope)
            if not arg.star:
                positional[count] = (values, arg.value)
                count += 1
                continue
            spread = True
            parts = self._unpacked_by_position(values) if arg.star == "*" else None
            if arg.star == "*" and parts is not None:
                for index, part in parts.items():
                    positional[count + index] = (part, arg.value)
            elif arg.star == "**" and (by_key := self._unpacked_by_key(values)) is not None:
                for key, part in by_key.items():
                    keywords[key] = (part, arg.value)
            else:
                return None
        return positional, keywords, spread

    @staticmethod
    def _unpacked_by_position(values: Values) -> dict[int, Values] | None:
        """What ``*values`` gives at each position, as far as it matters to pickle."""
        parts: dict[int, Values] = {}
        for value in values:
            if not (isinstance(value, Object) and Evaluator.is_positional(value)):
                return None
            for held in value.holds:
                assert isinstance(held.position, int)
                parts[held.position] = union(parts.get(held.position, ()), (held.value,))
        return parts

    @staticmethod
    def _unpacked_by_key(values: Values) -> dict[str, Values] | None:
        """What ``**values`` passes under each keyword, as far as it matters to
        pickle."""
        parts: dict[str, Values] = {}
        for value in values:
            if not (isinstance(value, Object) and value.type == "builtins.dict"):
                return None
            for held in value.holds:
                if held.role is Role.VALUE:
                    if not isinstance(held.position, str):
                        return None
                    parts[held.position] = union(parts.get(held.position, ()), (held.value,))
        return parts

    def _call_definition(
        self, definition: Definition, call: cst.Call, scope: Scope, first: Value | None = None
    ) -> Values:
        name = definition.name
        if definition.makes_dicts:
            return (Object("builtins.dict", f"{name}()"),)
        if definition.kind is DefinitionKind.CLASS:
            return (Instance(definition, arguments=self._construction(definition, call, scope)),)
        if definition.yields:
            kind = "async_generator" if definition.is_async else "generator"
            what = "async generator" if definition.is_async else "generator"
            return (Object(f"builtins.{kind}", "", described_as=f"{what} object of '{name}()'"),)
        returned = self._program.returned(
            definition, self.arguments(definition, call, scope, first)
        )
        if not returned or returned == NOTHING_KNOWN:
            returned = NOTHING_KNOWN
        else:
            # Each known return counts, also beside returns that are not known.
            source = f"'{name}()'"
            if definition.keeps_results:
                returned = tuple(kept(value) for value in returned)
                source = f"st.cache_resource function {source}"
            returned = tuple(
                self._returned_by(value, f"returned by {source}", call) for value in returned
            )
        if definition.is_async:
            return (_coroutine(returned, call, f"'{name}()'"),)
        return returned

    @staticmethod
    def reached_via(value: Value, via: str) -> Value:
        """The value described as having reached where it is judged ``via``
        something (``passed to 'f()'``), unless it already says how."""
        if isinstance(value, (Lambda, Object)) and not value.via:
            return replace(value, via=via)
        return value

    def _returned_by(self, value: Value, via: str, call: cst.Call) -> Value:
        """The value a call returned, described as such and reported at the call;
        so are the items of a container it returned, but not what another object
        it returned holds, which that object names."""
        value = self.reached_via(value, via)
        if isinstance(value, Object) and value.holds:
            row = self.knowledge.type(value.type)
            container = row is not None and row.container
            return replace(
                value,
                holds=tuple(
                    replace(
                        held,
                        value=self._returned_by(held.value, via, call) if container else held.value,
                        anchor=call,
                    )
                    for held in value.holds
                ),
            )
        return value

    def awaited(self, expression: cst.BaseExpression, scope: Scope) -> Values:
        """What awaiting what ``expression`` gives: a coroutine's result."""
        found: list[Value] = []
        for value in self.evaluate(expression, scope):
            results = [
                held.value for held in getattr(value, "holds", ()) if held.role is Role.RESULT
            ]
            found.extend(results or NOTHING_KNOWN)
        return union(tuple(found)) or NOTHING_KNOWN


def _parameters(function: cst.FunctionDef) -> tuple[list[cst.Param], list[cst.Param]]:
    """A function's parameters that take positional arguments, and those that
    take only keyword arguments."""
    parameters = function.params
    return [*parameters.posonly_params, *parameters.params], list(parameters.kwonly_params)


def _through(member: Value, owner: Value) -> Value:
    """A member of a class reached through ``owner``, the class or an instance:
    a method bound to it, a class method bound to the class."""
    if not isinstance(member, Definition) or member.kind is not DefinitionKind.FUNCTION:
        return member
    if member.static:
        return member
    if member.bound_to_class:
        return Bound(member, owner.of if isinstance(owner, Instance) else owner)
    return Bound(member, owner) if isinstance(owner, Instance) else member


_SUPER = "builtins.super"

_NO_ARGUMENTS = cst.Call(func=cst.Name("_"))
"""A call with no arguments: ``__enter__``, ``__aenter__`` and a property's getter
take only the instance."""

_EACH_ARGUMENT = frozenset({Holding.ARGUMENTS, Holding.ITERATORS, Holding.RECEIVER_AND_ARGUMENTS})
_RECEIVER = frozenset({Holding.RECEIVER, Holding.RECEIVER_AND_ARGUMENTS})

_POSITIONAL = frozenset({"builtins.tuple", "builtins.list"})
_INDEXED = _POSITIONAL | {"builtins.dict"}

_SEQUENCES: dict[type[cst.CSTNode], str] = {
    cst.List: "builtins.list",
    cst.Tuple: "builtins.tuple",
    cst.Set: "builtins.set",
}
_COMPREHENSIONS: dict[type[cst.CSTNode], str] = {
    cst.ListComp: "builtins.list",
    cst.SetComp: "builtins.set",
    cst.DictComp: "builtins.dict",
}


def _sequence_items(container: cst.List | cst.Tuple | cst.Set) -> Iterator[Part]:
    """The elements of a sequence literal, each with its position up to the first
    starred one (a set has none)."""
    positions = not isinstance(container, cst.Set)
    for index, element in enumerate(container.elements):
        if isinstance(element, cst.StarredElement):
            positions = False
            yield element.value, Spread.ITEMS, None
        else:
            yield element.value, Role.ITEM, index if positions else None


def _dict_items(container: cst.Dict) -> Iterator[Part]:
    """The keys and values of a dict literal, each value with its key where the
    key is a literal."""
    for element in container.elements:
        if isinstance(element, cst.DictElement):
            key = literal(element.key)
            yield element.key, Role.ITEM, None
            yield element.value, Role.VALUE, None if key is _NOT_LITERAL else key
        else:
            yield element.value, Spread.MAPPING, None


def _coroutine(results: Values, call: cst.Call, of: str) -> Object:
    """The coroutine ``call`` makes, of the coroutine function ``of`` names, which
    holds what awaiting it gives until then."""
    held = tuple(Held(value, Role.RESULT, call) for value in results)
    return Object("builtins.coroutine", "", held, described_as=f"coroutine object of {of}")


def anchored(values: Values, anchor: cst.CSTNode) -> Values:
    """The values, reported at ``anchor``: where they are written now."""
    return tuple(_anchored(value, anchor) for value in values)


def _anchored(value: Value, anchor: cst.CSTNode) -> Value:
    if isinstance(value, Object) and value.holds:
        return replace(
            value,
            holds=tuple(
                replace(held, value=_anchored(held.value, anchor), anchor=anchor)
                for held in value.holds
            ),
        )
    return value


def kept(value: Value) -> Value:
    """A value that outlives the script run that made it, and what it holds."""
    if isinstance(value, Instance):
        return replace(value, kept=True)
    if isinstance(value, Object) and value.holds:
        return replace(
            value,
            holds=tuple(replace(held, value=kept(held.value)) for held in value.holds),
        )
    return value


_NOT_LITERAL = object()


def string_value(string: cst.SimpleString | cst.ConcatenatedString) -> str | bytes | None:
    """The value of a string literal; None for one joined with an f-string or of
    mixed kinds. libcst's ``evaluated_value`` runs ``ast.literal_eval``, whose
    recursive helper is a reference cycle left to the garbage collector on each
    call; most literals are plain text between their quotes."""
    if isinstance(string, cst.ConcatenatedString):
        if isinstance(string.left, cst.FormattedString) or isinstance(
            string.right, cst.FormattedString
        ):
            return None
        left, right = string_value(string.left), string_value(string.right)
        if type(left) is type(right) and left is not None:
            return left + right  # type: ignore[operator]
        return None
    text = string.value
    quote = string.quote
    if text[0] == quote[0] and "\\" not in text and "\r" not in text:
        return text[len(quote) : -len(quote)]
    value: str | bytes = string.evaluated_value
    return value


def number_value(number: cst.Integer | cst.Float | cst.Imaginary) -> complex:
    """The value of a number literal, read as Python reads it, without the
    reference cycle ``evaluated_value`` leaves (:func:`string_value`)."""
    if isinstance(number, cst.Integer):
        return int(number.value, 0)
    if isinstance(number, cst.Float):
        return float(number.value)
    return complex(number.value)


def literal(expression: cst.BaseExpression) -> Hashable | object:
    """The value of a literal that is not a container, or ``_NOT_LITERAL``."""
    if isinstance(expression, (cst.SimpleString, cst.ConcatenatedString)):
        value = string_value(expression)
        return _NOT_LITERAL if value is None else value
    if isinstance(expression, (cst.Integer, cst.Float, cst.Imaginary)):
        return number_value(expression)
    if (
        isinstance(expression, cst.UnaryOperation)
        and isinstance(expression.operator, cst.Minus)
        and isinstance(expression.expression, (cst.Integer, cst.Float))
    ):
        return -number_value(expression.expression)
    if isinstance(expression, cst.Tuple) and all(
        isinstance(element, cst.Element) for element in expression.elements
    ):
        items = tuple(literal(element.value) for element in expression.elements)
        return _NOT_LITERAL if _NOT_LITERAL in items else items
    return _NOT_LITERAL


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


_UNION_FORMS = frozenset({"typing.Union", "typing_extensions.Union"})
"""Annotations that give one of the types they are subscripted with."""
_OPTIONAL_FORMS = frozenset({"typing.Optional", "typing_extensions.Optional"})
"""Annotations that give the type they are subscripted with, or None."""


def code_of(expression: cst.CSTNode) -> str:
    """The expression's source text, without its surroundings."""
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


def _literal_head(text: cst.CSTNode) -> str:
    """The text an f-string begins with before its first replacement field
    (``"groq/"`` of ``f"groq/{name}"``)."""
    if isinstance(text, cst.FormattedString) and text.parts:
        first = text.parts[0]
        if isinstance(first, cst.FormattedStringText):
            return first.value
    return ""


def _with_written(values: Values, scope: Scope) -> Values:
    """What a read gives, with what the scope's statements run so far wrote under
    the key it reads (``st.session_state.conn`` right after it was set). Where
    that may be a constant or text (``None`` before a connection is made), the
    read is judged as a read of the place alone: by everything it may hold."""
    written = scope.binding_scope.written
    if not written:
        return values
    found = [
        written.get((value.root, value.key), ())
        for value in values
        if isinstance(value, Place) and len(value.segments) == 1
    ]
    found = [
        each for each in found if not any(isinstance(value, (Constant, Text)) for value in each)
    ]
    return union(values, *found) if found else values
