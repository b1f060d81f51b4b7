"""The classes of the file: their method resolution order, the methods that run
on their instances, and what those methods keep on the instance.

Pickle stores an instance as its class and its ``__dict__``, so an instance is
refused when a method that runs on it stores a value pickle refuses on
``self``, unless the class customises pickling. A method runs on an instance
of class ``D`` when Python calls it (a special method), when the file uses its
name on something other than a method's own ``self``, or when a method that
runs calls it, through ``self``, ``super()`` or its class (``Base.setup(self)``),
and in each case the method is the one ``D``'s method resolution order finds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.helpers import get_full_name_for_node

from flake8_session_pickle.evaluation import Evaluator
from flake8_session_pickle.events import Called, Event, Returned, Stored
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.knowledge.language import DATACLASS_FIELD, PICKLING_HOOKS
from flake8_session_pickle.knowledge.rows import TypeRow
from flake8_session_pickle.project import Project
from flake8_session_pickle.scopes import Scope, ScopeKind
from flake8_session_pickle.values import (
    NOTHING_KNOWN,
    Arguments,
    Attribute,
    Bound,
    Definition,
    DefinitionKind,
    Instance,
    Named,
    Values,
    union,
)
from flake8_session_pickle.verdicts import Refusal, Verdicts
from flake8_session_pickle.walk import child_nodes

Method = tuple[Definition, cst.FunctionDef]
"""A method, with the class that defines it."""

MAX_CALLS_ON_SELF = 4
"""Calls on the instance followed one inside another from a method that runs."""


@dataclass
class InstanceState:
    """What the methods that run on an instance, and its dataclass fields, keep
    on it."""

    attributes: dict[str, list[tuple[Values, cst.CSTNode]]] = field(default_factory=dict)
    """Each attribute, with every value stored under it and where."""

    def store(self, name: str, values: Values, anchor: cst.CSTNode) -> None:
        self.attributes.setdefault(name, []).append((values, anchor))

    def values(self, name: str) -> Values | None:
        stored = self.attributes.get(name)
        return None if stored is None else union(*(values for values, _ in stored))


class ClassModel:
    def __init__(
        self,
        facts: FileFacts,
        evaluator: Evaluator,
        verdicts: Verdicts,
        project: Project | None = None,
        checked: Path | None = None,
    ) -> None:
        """``project``: the checked file's (at ``checked``), whose files may call
        the methods of a class of one of its modules."""
        self._facts = facts
        self._project = project
        self._checked = checked
        self._evaluator = evaluator
        self._verdicts = verdicts
        self._states: dict[tuple[int, Arguments | None, Arguments], InstanceState] = {}
        self._refused: dict[
            tuple[int, Arguments | None, Arguments], tuple[str, Refusal] | None
        ] = {}
        self._mros: dict[int, tuple[Definition, ...]] = {}
        self._class_states: dict[int, InstanceState] = {}
        """By class, what its methods store on the class object itself."""
        self._plain_attributes: dict[int, bool] = {}
        """By class, whether nothing but its methods' ``self.name = ...`` sets its
        instances' attributes (:func:`_fills_attributes_plainly`)."""

    def instance_state(self, instance: Instance) -> tuple[str, Refusal] | None:
        """The first attribute of the instance that pickle refuses, with why,
        unless its class customises pickling."""
        cls = instance.of
        key = (id(cls), instance.arguments, instance.assigned)
        if key not in self._refused:
            self._refused[key] = None  # an instance that holds itself learns nothing
            if not self.customises_pickling(cls):
                self._refused[key] = self._first_refused(self.state(instance))
        return self._refused[key]

    def _first_refused(self, state: InstanceState) -> tuple[str, Refusal] | None:
        for name, stored in state.attributes.items():
            for values, anchor in stored:
                for value in values:
                    refusal = self._verdicts.refusal(value, anchor)
                    if refusal is not None:
                        return name, refusal
        return None

    def attribute(self, instance: Instance, name: str) -> Values | None:
        """What the instance may hold under ``name``: what its methods store there,
        else what its class binds."""
        stored = self.state(instance).values(name)
        if stored is not None:
            return stored
        on_class = self.class_stores(instance.of, name)
        for ancestor in self.mro(instance.of):
            if name in ancestor.namespace:
                return union(ancestor.namespace[name], on_class or ())
        return on_class

    def class_stores(self, cls: Definition, name: str) -> Values | None:
        """What the methods that may run store under ``name`` on the class itself
        or a class of its method resolution order (``Database._engine = ...`` in
        a static method, ``cls._engine = ...`` in a class method); None where
        none does. A class's own attribute, read on it or on an instance, may
        hold any of these besides what its body binds."""
        found = [
            values
            for ancestor in self.mro(cls)
            for values in [self._class_state(ancestor).values(name)]
            if values is not None
        ]
        return union(*found) if found else None

    def _class_state(self, cls: Definition) -> InstanceState:
        key = id(cls)
        if key not in self._class_states:
            state = self._class_states[key] = InstanceState()  # a run reading it finds nothing
            methods = self._called_on_class(cls) if isinstance(cls.node, cst.ClassDef) else []
            runner = _ClassRunner(self._evaluator, cls, state)
            # twice, so that a store of what another method stores sees it
            for _ in range(2 if methods else 0):
                for method in methods:
                    runner.run(method)
        return self._class_states[key]

    def _called_on_class(self, cls: Definition) -> list[cst.FunctionDef]:
        """The methods of the class that store on it and may run on it: special
        methods; those the files use on the class's own name (``Database.init()``);
        those that store only through the class's name and whose name the files
        use at all (``db.connect()`` on an instance); and those these call on
        ``cls``, ``self`` or the class. A store through ``cls`` lands on the class
        the method is called on, so ``Child.open()`` does not make it run here."""
        methods = _methods(cls)
        assigns = {name: _assigns_on(method, cls.name) for name, method in methods.items()}
        if not any(assigns.values()):
            return []
        files = [self._facts] if cls.module is None else [self._facts, cls.module.facts]
        pending = [
            name
            for name in methods
            if (name.startswith("__") and name.endswith("__"))
            or any(facts.uses_attribute_on(cls.name, name) for facts in files)
            or (
                cls.module is not None
                and self._project is not None
                and self._project.calls_on(cls.name, name, cls.module.path, self._checked)
            )
            or (
                assigns[name] == _THROUGH_NAME
                and any(facts.uses_attribute_outside_self(name) for facts in files)
            )
        ]
        running: dict[str, None] = {}
        while pending:
            name = pending.pop()
            if name in running:
                continue
            running[name] = None
            pending.extend(_called_on_own(methods[name], cls.name, methods))
        return [methods[name] for name in running if assigns[name]]

    def declared(self, cls: Definition, name: str) -> tuple[cst.BaseExpression, Definition] | None:
        """The annotation with which the class, or the first class of its method
        resolution order that has the name, declares it without a value
        (``engine: Engine``), with that class; None where one binds it, and for a
        class that may fill its attributes its own way: one with a decorator
        (``@dataclass``, ``@attrs.define``), a base from a library (``BaseModel``,
        ``NamedTuple``), a metaclass, ``__slots__``, or a method setting
        attributes by name (``setattr(self, k, v)``, ``self.__dict__``)."""
        mro = self.mro(cls)
        plain = self._plain_attributes
        for ancestor in mro:
            if id(ancestor) not in plain:
                plain[id(ancestor)] = _fills_attributes_plainly(ancestor)
        if not all(plain[id(ancestor)] for ancestor in mro):
            return None
        for ancestor in mro:
            if name in ancestor.namespace:
                return None
            assert isinstance(ancestor.node, cst.ClassDef)
            for target, annotation in _declarations(ancestor.node):
                if target.value == name:
                    return annotation, ancestor
        return None

    def state(self, instance: Instance) -> InstanceState:
        """What is kept on an instance made with its arguments: its dataclass fields
        and what the methods that may run on it store on ``self``, ``__init__``
        given the arguments."""
        cls = instance.of
        key = (id(cls), instance.arguments, instance.assigned)
        if key not in self._states:
            state = self._states[key] = InstanceState()
            if isinstance(cls.node, cst.ClassDef) and not cls.is_enum:
                self._fill(state, cls, instance.arguments)
            for name, values in instance.assigned:
                state.store(name, values, cls.node)
        return self._states[key]

    def _fill(self, state: InstanceState, cls: Definition, arguments: Arguments | None) -> None:
        mro = self.mro(cls)
        given = dict(arguments or ())
        for ancestor in reversed(mro):
            if ancestor.is_dataclass and isinstance(ancestor.node, cst.ClassDef):
                for name, default in _fields(ancestor.node):
                    if name.value in given:
                        state.store(name.value, given[name.value], name)
                    elif default is not None:
                        defaults = self._field_defaults(default, ancestor.scope)
                        state.store(name.value, defaults, default)
        receiver = Instance(cls, receiver=True, arguments=arguments)
        runner = _MethodRunner(self._evaluator, receiver, state)
        for owner, method in self._running_methods(mro):
            initialises = method.name.value == "__init__" and not cls.is_dataclass
            runner.run(owner, method, arguments if initialises else None)

    def mro(self, cls: Definition) -> tuple[Definition, ...]:
        """The classes of the file in the class's method resolution order (C3);
        bases from elsewhere end it."""
        key = id(cls)
        if key not in self._mros:
            self._mros[key] = (cls,)  # a class that derives from itself ends here
            bases = [base for base in cls.bases if isinstance(base, Definition) and _is_class(base)]
            self._mros[key] = (cls, *_merge([list(self.mro(base)) for base in bases] + [bases]))
        return self._mros[key]

    def fields(self, cls: Definition) -> list[str]:
        """The fields of a dataclass, in the order its ``__init__`` takes them."""
        names: dict[str, None] = {}
        for ancestor in reversed(self.mro(cls)):
            if ancestor.is_dataclass and isinstance(ancestor.node, cst.ClassDef):
                names.update(dict.fromkeys(name.value for name, _ in _fields(ancestor.node)))
        return list(names)

    def refused_base(self, cls: Definition) -> tuple[str, TypeRow] | None:
        """A base from elsewhere whose instances pickle refuses, with its row, unless
        a class of the file among the class's ancestors customises pickling."""
        mro = self.mro(cls)
        if any(self._hooks(ancestor) for ancestor in mro):
            return None
        for ancestor in mro:
            for base in ancestor.bases:
                if isinstance(base, Named):
                    row = self._evaluator.knowledge.type(base.name)
                    if row is not None and row.kind is not None and not row.refused_as_made:
                        return base.name, row
        return None

    def _hooks(self, cls: Definition) -> bool:
        """Whether the class defines a pickling hook or has a reducer registered."""
        facts = self._facts if cls.module is None else cls.module.facts
        return bool(PICKLING_HOOKS & cls.namespace.keys()) or (
            cls.name in facts.registered_with_copyreg
        )

    def customises_pickling(self, cls: Definition) -> bool:
        """Whether the class may pickle differently from its ``__dict__``: it or a base
        defines a pickling hook, a reducer is registered for it, or a base comes from
        elsewhere (and may do either) other than those the knowledge tables know
        leave pickling to ``object``."""
        if self._hooks(cls):
            return True
        return any(
            self.customises_pickling(base)
            if isinstance(base, Definition)
            else not (isinstance(base, Named) and self._neutral(base.name))
            for base in cls.bases
        )

    def _neutral(self, base: str) -> bool:
        row = self._evaluator.knowledge.type(base)
        return row is not None and row.neutral_base

    def _running_methods(self, mro: tuple[Definition, ...]) -> Iterator[Method]:
        """The methods that may run on an instance whose classes are ``mro``."""
        names = dict.fromkeys(name for cls in mro for name in _methods(cls))
        files = [self._facts]
        files.extend(cls.module.facts for cls in mro if cls.module is not None)
        # A cached property keeps what it returns on the instance it is read on:
        # its name read on some object says nothing of which, so only a method
        # of the instance reading it through ``self`` makes it run.
        pending = [
            found
            for name in names
            for found in [_resolve(mro, name)]
            if found is not None
            and (
                (name.startswith("__") and name.endswith("__"))
                or (
                    not _caches(*found)
                    and (
                        any(facts.uses_attribute_outside_self(name) for facts in files)
                        or (
                            _uses_own_instance(found[1])
                            and any(self._called_elsewhere(cls, name) for cls in mro)
                        )
                    )
                )
            )
        ]
        seen: set[int] = set()
        while pending:
            owner, method = pending.pop(0)
            if id(method) in seen:
                continue
            seen.add(id(method))
            yield owner, method
            pending.extend(self._called_by(owner, method, mro))

    def _called_elsewhere(self, owner: Definition, name: str) -> bool:
        """Whether another file of the project that names a class of one of the
        app's modules (the instance's, or one it derives from) calls the method
        by name: on an instance it keeps, as a page does with one kept in
        session state."""
        return (
            owner.module is not None
            and self._project is not None
            and self._project.calls_naming(owner.name, name, owner.module.path, self._checked)
        )

    def _called_by(
        self, owner: Definition, method: cst.FunctionDef, mro: tuple[Definition, ...]
    ) -> Iterator[Method]:
        """The methods a method calls or reads on its own instance: through
        ``self``, through ``super()``, or through a class of the file
        (``Base.setup(self)``)."""
        self_name = _self_name(method)
        if self_name is None:
            return
        stack = child_nodes(method.body)
        while stack:
            node = stack.pop()
            stack.extend(child_nodes(node))
            if type(node) is cst.Attribute:
                assert isinstance(node, cst.Attribute)
                name = node.attr.value
                receiver = node.value
                if isinstance(receiver, cst.Name) and receiver.value == self_name:
                    found = _resolve(mro, name)
                elif _is_super(receiver):
                    assert isinstance(receiver, cst.Call)
                    after = owner
                    if receiver.args:
                        explicit = self._class_named(receiver.args[0].value, owner)
                        after = explicit if explicit is not None else owner
                    found = _resolve(mro, name, after)
                else:
                    continue
                if found is not None:
                    yield found
            elif type(node) is cst.Call:
                assert isinstance(node, cst.Call)
                func = node.func
                if (
                    isinstance(func, cst.Attribute)
                    and node.args
                    and isinstance(node.args[0].value, cst.Name)
                    and node.args[0].value.value == self_name
                ):
                    base = self._class_named(func.value, owner)
                    if base is not None:
                        found = _resolve(self.mro(base), func.attr.value)
                        if found is not None:
                            yield found

    def _class_named(self, expression: cst.BaseExpression, owner: Definition) -> Definition | None:
        if not isinstance(expression, cst.Name):
            return None
        for value in owner.scope.lookup(expression.value):
            if _is_class(value):
                assert isinstance(value, Definition)
                return value
        return None

    def _field_defaults(self, value: cst.BaseExpression, scope: Scope) -> Values:
        if isinstance(value, cst.Call) and any(
            isinstance(callee, Named) and callee.name == DATACLASS_FIELD
            for callee in self._evaluator.evaluate(value.func, scope)
        ):
            arguments = {arg.keyword.value: arg.value for arg in value.args if arg.keyword}
            if "default_factory" in arguments:
                return self._evaluator.called(arguments["default_factory"], scope)
            if "default" in arguments:
                return self._evaluator.evaluate(arguments["default"], scope)
            return NOTHING_KNOWN
        return self._evaluator.evaluate(value, scope)


class _MethodRunner:
    """Runs methods on an instance, keeping what they store on ``self``, and
    following the calls they make on it (``self.setup(client)``,
    ``super().__init__(**options)``, ``Base.__init__(self, client)``) with their
    arguments."""

    def __init__(self, evaluator: Evaluator, receiver: Instance, state: InstanceState) -> None:
        self._evaluator = evaluator
        self._receiver = receiver
        self._state = state
        self._ran: set[tuple[int, Arguments | None]] = set()
        self._depth = 0

    def run(self, owner: Definition, method: cst.FunctionDef, arguments: Arguments | None) -> None:
        key = (id(method), arguments)
        if _self_name(method) is None or key in self._ran or self._depth >= MAX_CALLS_ON_SELF:
            return
        self._ran.add(key)
        scope = Scope(ScopeKind.FUNCTION, owner.body or owner.scope)
        self._depth += 1
        try:
            listener = _OnSelf(self, scope, method.name.value if _caches(owner, method) else None)
            Interpreter(self._evaluator, listener).run_function(
                method, scope, self._receiver, arguments
            )
        finally:
            self._depth -= 1

    def stored(self, event: Stored) -> None:
        for target in event.targets:
            if isinstance(target.segment, Attribute) and self._receiver in target.owners:
                values = self._evaluator.stored(event.value, event.scope, event.spread, event.made)
                self._state.store(target.segment.name, values, event.value)

    def returned(self, name: str, event: Returned) -> None:
        """What a ``cached_property`` returns, which it keeps on the instance."""
        if event.value is not None:  # a bare return keeps None, which pickles
            self._state.store(name, self._evaluator.evaluate(event.value, event.scope), event.value)

    def called(self, event: Called) -> None:
        """Follow a call of a method of the file on the instance."""
        for callee in event.callee():
            if isinstance(callee, Bound) and callee.receiver == self._receiver:
                self._follow(callee.function, event, self._receiver)
            elif (
                isinstance(callee, Definition)
                and callee.kind is DefinitionKind.FUNCTION
                and event.positional
                and self._receiver in event.evaluate(event.positional[0])
            ):
                self._follow(callee, event, None)

    def _follow(self, function: Definition, event: Called, first: Instance | None) -> None:
        node = function.node
        owner = function.scope.owner
        if not isinstance(node, cst.FunctionDef) or owner is None:
            return
        arguments = self._evaluator.arguments(function, event.node, event.scope, first)
        if arguments is None:
            arguments = ((_self_name(node) or "self", (self._receiver,)),)
        self.run(owner, node, arguments)


class _ClassRunner:
    """Runs the methods of a class that store on the class object itself, keeping
    what they store there."""

    def __init__(self, evaluator: Evaluator, cls: Definition, state: InstanceState) -> None:
        self._evaluator = evaluator
        self._cls = cls
        self._state = state

    def run(self, method: cst.FunctionDef) -> None:
        scope = Scope(ScopeKind.FUNCTION, self._cls.body or self._cls.scope)
        first = _first_parameter(method)
        arguments: Arguments | None = None
        if _is_class_method(method) and first is not None:
            arguments = ((first, (self._cls,)),)
        Interpreter(self._evaluator, _OnClass(self, scope)).run_function(
            method, scope, None, arguments
        )

    def stored(self, event: Stored) -> None:
        for target in event.targets:
            if isinstance(target.segment, Attribute) and self._cls in target.owners:
                values = self._evaluator.stored(event.value, event.scope, event.spread, event.made)
                self._state.store(target.segment.name, values, event.value)


class _OnClass:
    """Listens to a method's run for what it stores on its class."""

    def __init__(self, runner: _ClassRunner, scope: Scope) -> None:
        self._runner = runner
        self._scope = scope

    def heard(self, event: Event) -> None:
        if isinstance(event, Stored) and event.scope is self._scope:
            self._runner.stored(event)


class _OnSelf:
    """Listens to a method's run on the instance, for the method runner."""

    def __init__(self, runner: _MethodRunner, scope: Scope, cached_as: str | None) -> None:
        self._runner = runner
        self._scope = scope
        self._cached_as = cached_as
        """The attribute a ``cached_property`` keeps what it returns under."""

    def heard(self, event: Event) -> None:
        if isinstance(event, Stored) and event.scope is self._scope:
            self._runner.stored(event)
        elif isinstance(event, Called) and event.scope is self._scope:
            self._runner.called(event)
        elif (
            isinstance(event, Returned)
            and event.scope is self._scope
            and self._cached_as is not None
        ):
            self._runner.returned(self._cached_as, event)


def _is_class(value: object) -> bool:
    return isinstance(value, Definition) and value.kind is DefinitionKind.CLASS


def _methods(cls: Definition) -> dict[str, cst.FunctionDef]:
    node = cls.node
    if not isinstance(node, cst.ClassDef):
        return {}
    return {
        statement.name.value: statement
        for statement in node.body.body
        if isinstance(statement, cst.FunctionDef)
    }


def _resolve(
    mro: tuple[Definition, ...], name: str, after: Definition | None = None
) -> Method | None:
    """The method ``name`` the method resolution order finds, looking only past
    ``after`` where given (``super()``)."""
    start = 0
    if after is not None:
        positions = [index for index, cls in enumerate(mro) if cls is after]
        if not positions:
            return None
        start = positions[0] + 1
    for cls in mro[start:]:
        method = _methods(cls).get(name)
        if method is not None:
            return cls, method
    return None


def _merge(sequences: list[list[Definition]]) -> list[Definition]:
    """C3 linearisation; where the bases admit none, depth-first order."""
    result: list[Definition] = []
    remaining = [list(sequence) for sequence in sequences if sequence]
    while remaining:
        for sequence in remaining:
            head = sequence[0]
            if not any(head in other[1:] for other in remaining):
                break
        else:
            for sequence in remaining:
                for cls in sequence:
                    if cls not in result:
                        result.append(cls)
            return result
        result.append(head)
        remaining = [[cls for cls in sequence if cls is not head] for sequence in remaining]
        remaining = [sequence for sequence in remaining if sequence]
    return result


def _self_name(method: cst.FunctionDef) -> str | None:
    """The name of the parameter a method's instance is bound to; None for a
    static or class method, or one without parameters."""
    if any(
        get_full_name_for_node(d.decorator) in ("staticmethod", "classmethod")
        for d in method.decorators
    ):
        return None
    return _first_parameter(method)


def _caches(owner: Definition, method: cst.FunctionDef) -> bool:
    """Whether the method is a ``functools.cached_property`` of its class."""
    return any(
        isinstance(value, Definition) and value.node is method and value.cached_on_instance
        for value in owner.namespace.get(method.name.value, ())
    )


def _is_class_method(method: cst.FunctionDef) -> bool:
    return any(get_full_name_for_node(d.decorator) == "classmethod" for d in method.decorators)


_THROUGH_NAME = frozenset({"name"})
"""A method's stores on its class all go through the class's own name."""


def _assigns_on(method: cst.FunctionDef, class_name: str) -> frozenset[str]:
    """How the method assigns attributes of its class: through the class's name
    (``"name"``), through its first parameter in a class method (``"cls"``);
    empty where it assigns none."""
    through_cls = _first_parameter(method) if _is_class_method(method) else None
    found: set[str] = set()
    stack = child_nodes(method.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(child_nodes(node))
        targets: list[cst.BaseExpression] = []
        if isinstance(node, cst.Assign):
            targets = [target.target for target in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                if target.value.value == class_name:
                    found.add("name")
                elif target.value.value == through_cls:
                    found.add("cls")
    return frozenset(found)


def _called_on_own(
    method: cst.FunctionDef, class_name: str, methods: dict[str, cst.FunctionDef]
) -> Iterator[str]:
    """The methods of the class a method reaches on its instance, on ``cls`` or
    on the class's name (``cls._init()``)."""
    receivers = {class_name}
    own = _self_name(method) or (_first_parameter(method) if _is_class_method(method) else None)
    if own is not None:
        receivers.add(own)
    stack = child_nodes(method.body)
    while stack:
        node = stack.pop()
        stack.extend(child_nodes(node))
        if (
            isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value in receivers
            and node.attr.value in methods
        ):
            yield node.attr.value


def _uses_own_instance(method: cst.FunctionDef) -> bool:
    """Whether the method sets, calls or hands on its own instance, which running
    it may change: a method that only reads it (``return self.name``) does not."""
    own = _self_name(method)
    if own is None:
        return False
    stack = child_nodes(method.body)
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Attribute) and _is_name(node.value, own):
            continue  # a read of an attribute; what sets or calls one is seen above it
        # the walk passes over names: the instance itself handed on or kept
        # (``f(self)``, ``[self]``, ``return self``) is the value of its parent
        if _is_name(getattr(node, "value", None), own):
            return True
        if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            targets = (
                [target.target for target in node.targets]
                if isinstance(node, cst.Assign)
                else [node.target]
            )
            if any(_on_name(target, own) for target in targets):
                return True
        elif isinstance(node, cst.Call) and _on_name(node.func, own):
            return True
        stack.extend(child_nodes(node))
    return False


def _on_name(expression: cst.BaseExpression, name: str) -> bool:
    """An attribute or item reached from ``name`` (``name.a``, ``name.a[k].b``)."""
    if not isinstance(expression, (cst.Attribute, cst.Subscript)):
        return False
    while isinstance(expression, (cst.Attribute, cst.Subscript)):
        expression = expression.value
    return _is_name(expression, name)


def _is_name(node: object, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _first_parameter(method: cst.FunctionDef) -> str | None:
    parameters = [*method.params.posonly_params, *method.params.params]
    return parameters[0].name.value if parameters else None


def _is_super(expression: cst.BaseExpression) -> bool:
    return (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Name)
        and expression.func.value == "super"
    )


def _is_class_variable(annotation: cst.BaseExpression) -> bool:
    """``ClassVar`` or ``ClassVar[...]``, however it is imported."""
    if isinstance(annotation, cst.Subscript):
        annotation = annotation.value
    name = get_full_name_for_node(annotation)
    return name is not None and name.rsplit(".", 1)[-1] == "ClassVar"


def _fills_attributes_plainly(cls: Definition) -> bool:
    node = cls.node
    return (
        isinstance(node, cst.ClassDef)
        and not node.decorators
        and not node.keywords
        and not cls.is_enum
        and "__slots__" not in cls.namespace
        and all(
            isinstance(base, Definition) or base == Named("builtins.object") for base in cls.bases
        )
        and not _sets_attributes_by_name(node.body)
    )


def _sets_attributes_by_name(body: cst.BaseSuite) -> bool:
    """Whether the body calls ``setattr`` or reaches an object's ``__dict__``."""
    stack: list[cst.CSTNode] = [body]
    while stack:
        node = stack.pop()
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Name)
            and node.func.value == "setattr"
        ) or (isinstance(node, cst.Attribute) and node.attr.value == "__dict__"):
            return True
        stack.extend(child_nodes(node))
    return False


def _annotated(node: cst.ClassDef) -> Iterator[tuple[cst.Name, cst.AnnAssign]]:
    """The names a class body annotates, each with its annotated assignment."""
    for line in node.body.body:
        if isinstance(line, cst.SimpleStatementLine):
            for statement in line.body:
                if isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name):
                    yield statement.target, statement


def _declarations(node: cst.ClassDef) -> Iterator[tuple[cst.Name, cst.BaseExpression]]:
    """The names a class body annotates without giving them a value."""
    for name, statement in _annotated(node):
        if statement.value is None:
            yield name, statement.annotation.annotation


def _fields(node: cst.ClassDef) -> Iterator[tuple[cst.Name, cst.BaseExpression | None]]:
    """A dataclass's own fields, each with its default where it has one."""
    for name, statement in _annotated(node):
        if not _is_class_variable(statement.annotation.annotation):
            yield name, statement.value
