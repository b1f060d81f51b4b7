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

import libcst as cst
from libcst.helpers import get_full_name_for_node

from flake8_session_pickle.evaluation import Evaluator
from flake8_session_pickle.events import Event, Stored
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.knowledge.language import (
    DATACLASS_FIELD,
    NEUTRAL_BASES,
    PICKLING_HOOKS,
)
from flake8_session_pickle.knowledge.rows import TypeRow
from flake8_session_pickle.scopes import Scope, ScopeKind
from flake8_session_pickle.values import (
    NOTHING_KNOWN,
    Attribute,
    Definition,
    DefinitionKind,
    Instance,
    Named,
    Values,
)
from flake8_session_pickle.verdicts import Refusal, Verdicts
from flake8_session_pickle.walk import child_nodes

Method = tuple[Definition, cst.FunctionDef]
"""A method, with the class that defines it."""


class ClassModel:
    def __init__(self, facts: FileFacts, evaluator: Evaluator, verdicts: Verdicts) -> None:
        self._facts = facts
        self._evaluator = evaluator
        self._verdicts = verdicts
        self._states: dict[int, tuple[str, Refusal] | None] = {}
        self._mros: dict[int, tuple[Definition, ...]] = {}

    def instance_state(self, cls: Definition) -> tuple[str, Refusal] | None:
        """The first attribute of an instance of the class that pickle refuses,
        with why, unless the class customises pickling."""
        key = id(cls)
        if key not in self._states:
            self._states[key] = None  # a class that refers to itself learns nothing
            self._states[key] = self._refused_attribute(cls)
        return self._states[key]

    def _refused_attribute(self, cls: Definition) -> tuple[str, Refusal] | None:
        if not isinstance(cls.node, cst.ClassDef) or cls.is_enum or self.customises_pickling(cls):
            return None
        mro = self.mro(cls)
        for ancestor in mro:
            if ancestor.is_dataclass and isinstance(ancestor.node, cst.ClassDef):
                found = self._refused_field(ancestor.node, ancestor)
                if found is not None:
                    return found
        receiver = Instance(cls, receiver=True)
        for owner, method in self._running_methods(mro):
            found = self._stored_on_self(method, owner, receiver)
            if found is not None:
                return found
        return None

    def mro(self, cls: Definition) -> tuple[Definition, ...]:
        """The classes of the file in the class's method resolution order (C3);
        bases from elsewhere end it."""
        key = id(cls)
        if key not in self._mros:
            self._mros[key] = (cls,)  # a class that derives from itself ends here
            bases = [base for base in cls.bases if isinstance(base, Definition) and _is_class(base)]
            self._mros[key] = (cls, *_merge([list(self.mro(base)) for base in bases] + [bases]))
        return self._mros[key]

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
                    if row is not None and row.kind is not None:
                        return base.name, row
        return None

    def _hooks(self, cls: Definition) -> bool:
        """Whether the class defines a pickling hook or has a reducer registered."""
        return bool(PICKLING_HOOKS & cls.namespace.keys()) or (
            cls.name in self._facts.registered_with_copyreg
        )

    def customises_pickling(self, cls: Definition) -> bool:
        """Whether the class may pickle differently from its ``__dict__``: it or a base
        defines a pickling hook, a reducer is registered for it, or a base comes from
        elsewhere (and may do either)."""
        if self._hooks(cls):
            return True
        return any(
            self.customises_pickling(base)
            if isinstance(base, Definition)
            else not (isinstance(base, Named) and base.name in NEUTRAL_BASES)
            for base in cls.bases
        )

    def _running_methods(self, mro: tuple[Definition, ...]) -> Iterator[Method]:
        """The methods that may run on an instance whose classes are ``mro``."""
        names = dict.fromkeys(name for cls in mro for name in _methods(cls))
        used = self._facts.attribute_names_outside_self
        pending = [
            method
            for name in names
            if (name.startswith("__") and name.endswith("__")) or name in used
            for method in [_resolve(mro, name)]
            if method is not None
        ]
        seen: set[int] = set()
        while pending:
            owner, method = pending.pop(0)
            if id(method) in seen:
                continue
            seen.add(id(method))
            yield owner, method
            pending.extend(self._called_by(owner, method, mro))

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

    def _stored_on_self(
        self, method: cst.FunctionDef, owner: Definition, receiver: Instance
    ) -> tuple[str, Refusal] | None:
        if _self_name(method) is None:
            return None
        scope = Scope(ScopeKind.FUNCTION, owner.scope)
        listener = _StoresOnSelf(receiver, scope, self._verdicts)
        Interpreter(self._evaluator, listener).run_function(method, scope, receiver)
        return listener.found

    def _refused_field(self, node: cst.ClassDef, cls: Definition) -> tuple[str, Refusal] | None:
        """The first field of a dataclass whose default, which every instance made
        without it gets, pickle refuses: ``f: object = lambda: 1``, or what
        ``field(default_factory=threading.Lock)`` makes."""
        for line in node.body.body:
            for statement in getattr(line, "body", ()):
                if not (
                    isinstance(statement, cst.AnnAssign)
                    and isinstance(statement.target, cst.Name)
                    and statement.value is not None
                    and not _is_class_variable(statement.annotation.annotation)
                ):
                    continue
                for value in self._field_defaults(statement.value, cls.scope):
                    found = self._verdicts.refusal(value, statement.value)
                    if found is not None:
                        return statement.target.value, found
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


class _StoresOnSelf:
    """Listens to a method's run for the first refused value stored on ``self``."""

    def __init__(self, receiver: Instance, scope: Scope, verdicts: Verdicts) -> None:
        self._receiver = receiver
        self._scope = scope
        self._verdicts = verdicts
        self.found: tuple[str, Refusal] | None = None

    def heard(self, event: Event) -> None:
        if (
            self.found is not None
            or not isinstance(event, Stored)
            or event.scope is not self._scope
        ):
            return
        for target in event.targets:
            if isinstance(target.segment, Attribute) and self._receiver in target.owners:
                refusal = self._verdicts.of_expression(
                    event.value, event.scope, spread=event.spread
                )
                if refusal is not None:
                    self.found = target.segment.name, refusal
                    return


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
    parameters = [*method.params.posonly_params, *method.params.params]
    if not parameters or any(
        get_full_name_for_node(d.decorator) in ("staticmethod", "classmethod")
        for d in method.decorators
    ):
        return None
    return parameters[0].name.value


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
