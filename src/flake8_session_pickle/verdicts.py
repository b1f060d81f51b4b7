"""Whether a value can be pickled: expressions evaluated over abstract values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

import libcst as cst

from flake8_session_pickle.catalogue import CATALOGUE, Entry
from flake8_session_pickle.codes import Kind
from flake8_session_pickle.scopes import (
    NOTHING_KNOWN,
    Definition,
    DefinitionKind,
    Ref,
    Scope,
    ScopeKind,
    Unpicklable,
    Values,
    union,
)


def display_path(path: str) -> str:
    return path.removeprefix("builtins.")


class Evaluator:
    def __init__(self, catalogue: Mapping[str, Entry] = CATALOGUE) -> None:
        self._catalogue = catalogue

    def verdict(self, expression: cst.BaseExpression, scope: Scope) -> Unpicklable | None:
        """The reason the expression's value may fail to pickle, if it may."""
        for value in self.evaluate(expression, scope):
            if isinstance(value, Unpicklable):
                return value
            if isinstance(value, Definition) and value.is_local:
                return Unpicklable(
                    Kind.LOCAL_OBJECT,
                    f"{value.kind.value} '{value.name}' defined inside a function",
                    expression,
                )
        return None

    def evaluate(self, expression: cst.BaseExpression, scope: Scope) -> Values:
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
            return union(
                *(self._call(value, expression) for value in self.evaluate(expression.func, scope))
            )
        if isinstance(expression, cst.Lambda):
            return (Unpicklable(Kind.LAMBDA, "lambda", expression),)
        if isinstance(expression, cst.GeneratorExp):
            return (Unpicklable(Kind.GENERATOR, "generator expression", expression),)
        if isinstance(expression, (cst.List, cst.Tuple, cst.Set, cst.Dict)):
            return self._first_unpicklable(self._container_items(expression), scope)
        if isinstance(expression, (cst.ListComp, cst.SetComp, cst.DictComp)):
            return self._comprehension(expression, scope)
        if isinstance(expression, cst.IfExp):
            return union(self.evaluate(expression.body, scope), self.evaluate(expression.orelse, scope))
        if isinstance(expression, cst.BooleanOperation):
            return union(self.evaluate(expression.left, scope), self.evaluate(expression.right, scope))
        if isinstance(expression, cst.NamedExpr):
            values = self.evaluate(expression.value, scope)
            if isinstance(expression.target, cst.Name):
                scope.binding_scope.bind(expression.target.value, values)
            return values
        return NOTHING_KNOWN

    @staticmethod
    def _anchored(values: Values, anchor: cst.CSTNode) -> Values:
        return tuple(
            replace(value, anchor=anchor) if isinstance(value, Unpicklable) else value
            for value in values
        )

    def _first_unpicklable(
        self, items: Iterator[cst.BaseExpression], scope: Scope
    ) -> Values:
        for item in items:
            found = self.verdict(item, scope)
            if found is not None:
                return (found,)
        return NOTHING_KNOWN

    @staticmethod
    def _container_items(
        container: cst.List | cst.Tuple | cst.Set | cst.Dict,
    ) -> Iterator[cst.BaseExpression]:
        # Unpacked items (``*xs``, ``**d``) are stored, not the iterable itself.
        if isinstance(container, cst.Dict):
            for dict_element in container.elements:
                if isinstance(dict_element, cst.DictElement):
                    yield dict_element.key
                    yield dict_element.value
        else:
            for element in container.elements:
                if isinstance(element, cst.Element):
                    yield element.value

    def _comprehension(
        self, comprehension: cst.ListComp | cst.SetComp | cst.DictComp, scope: Scope
    ) -> Values:
        inner = Scope(ScopeKind.EXPRESSION, scope)
        bind_loop_targets(comprehension.for_in, inner)
        if isinstance(comprehension, cst.DictComp):
            items: tuple[cst.BaseExpression, ...] = (comprehension.key, comprehension.value)
        else:
            items = (comprehension.elt,)
        return self._first_unpicklable(iter(items), inner)

    def _lookup_path(self, path: str, anchor: cst.CSTNode) -> Ref | Unpicklable:
        entry = self._catalogue.get(path)
        if entry is None:
            return Ref(path)
        return Unpicklable(
            entry.kind, f"{entry.kind.info.name} from {display_path(path)}", anchor, path
        )

    def _attribute(
        self, value: object, attribute: str, anchor: cst.Attribute
    ) -> Values:
        if isinstance(value, (Ref, Unpicklable)) and value.path is not None:
            return (self._lookup_path(f"{value.path}.{attribute}", anchor),)
        if isinstance(value, Definition) and value.kind is DefinitionKind.CLASS:
            return value.namespace.get(attribute, NOTHING_KNOWN)
        return NOTHING_KNOWN

    def _call(self, callee: object, call: cst.Call) -> Values:
        if isinstance(callee, (Ref, Unpicklable)) and callee.path is not None:
            return (self._lookup_path(f"{callee.path}()", call),)
        if isinstance(callee, Definition):
            return self._call_definition(callee, call)
        return NOTHING_KNOWN

    @staticmethod
    def _call_definition(definition: Definition, call: cst.Call) -> Values:
        name = definition.name
        if definition.kind is DefinitionKind.CLASS:
            if definition.is_local:
                return (
                    Unpicklable(
                        Kind.LOCAL_OBJECT,
                        f"instance of class '{name}' defined inside a function",
                        call,
                    ),
                )
            return NOTHING_KNOWN
        function = definition.node
        assert isinstance(function, cst.FunctionDef)
        if function.asynchronous is not None:
            what = "async generator" if contains_yield(function) else "coroutine"
            return (Unpicklable(Kind.GENERATOR, f"{what} object of '{name}()'", call),)
        if contains_yield(function):
            return (Unpicklable(Kind.GENERATOR, f"generator object of '{name}()'", call),)
        return NOTHING_KNOWN


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


class _YieldFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Yield(self, node: cst.Yield) -> bool:
        self.found = True
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


def contains_yield(function: cst.FunctionDef) -> bool:
    finder = _YieldFinder()
    function.body.visit(finder)
    return finder.found
