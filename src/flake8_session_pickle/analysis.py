"""Runs a module's statements over abstract values and reports unpicklable writes.

Statements are taken in order within a scope; the two arms of a branch are run
from the same state and joined. Function bodies run after the scope that
defines them, so they see that scope's final bindings, as a callback does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from flake8_session_pickle.codes import Kind, session_state_message
from flake8_session_pickle.scopes import (
    NOTHING_KNOWN,
    Definition,
    DefinitionKind,
    Ref,
    Scope,
    ScopeKind,
    Unpicklable,
    Values,
)
from flake8_session_pickle.sinks import SESSION_STATE_PATH, SessionStateSinks, Write
from flake8_session_pickle.verdicts import Evaluator, bind_loop_targets, target_names


@dataclass(frozen=True)
class Finding:
    anchor: cst.CSTNode
    message: str


_CONTEXT_MANAGERS_RETURNING_SELF = frozenset({Kind.OPEN_FILE, Kind.SOCKET})
"""Kinds whose ``__enter__`` returns the object itself, so ``as`` binds the resource."""


class Analysis:
    def __init__(self, session_paths: frozenset[str] = frozenset({SESSION_STATE_PATH})) -> None:
        self._evaluator = Evaluator()
        self._session_paths = session_paths
        self._pending_functions: deque[tuple[cst.FunctionDef, Scope]] = deque()
        self.findings: list[Finding] = []

    def run(self, module: cst.Module) -> list[Finding]:
        self._block(module.body, Scope(ScopeKind.MODULE, None))
        while self._pending_functions:
            function, parent = self._pending_functions.popleft()
            self._function_body(function, parent)
        return self.findings

    # Sinks and verdicts meet here.

    def _paths(self, scope: Scope) -> SessionStateSinks:
        def paths(expression: cst.BaseExpression) -> tuple[str, ...]:
            return tuple(
                value.path
                for value in self._evaluator.evaluate(expression, scope)
                if isinstance(value, Ref)
            )

        return SessionStateSinks(paths, self._session_paths)

    def _report(self, writes: Iterable[Write], scope: Scope) -> None:
        for write in writes:
            found = self._evaluator.verdict(write.value, scope)
            if found is None or (write.iterated and found.kind is Kind.GENERATOR):
                continue
            self.findings.append(
                Finding(found.anchor, session_state_message(found.kind, found.what, write.target))
            )

    # Statements.

    def _block(
        self, statements: Sequence[cst.BaseStatement | cst.BaseSmallStatement], scope: Scope
    ) -> None:
        for statement in statements:
            self._statement(statement, scope)

    def _suite(self, suite: cst.BaseSuite, scope: Scope) -> None:
        self._block(suite.body, scope)

    def _statement(self, statement: cst.CSTNode, scope: Scope) -> None:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                self._small_statement(small, scope)
        elif isinstance(statement, cst.If):
            self._if(statement, scope)
        elif isinstance(statement, (cst.For, cst.While)):
            self._loop(statement, scope)
        elif isinstance(statement, (cst.Try, cst.TryStar)):
            self._try(statement, scope)
        elif isinstance(statement, cst.With):
            self._with(statement, scope)
        elif isinstance(statement, cst.FunctionDef):
            self._function_definition(statement, scope)
        elif isinstance(statement, cst.ClassDef):
            self._class_definition(statement, scope)
        elif isinstance(statement, cst.Match):
            self._match(statement, scope)
        elif isinstance(statement, cst.BaseSmallStatement):
            self._small_statement(statement, scope)

    def _small_statement(self, statement: cst.BaseSmallStatement, scope: Scope) -> None:
        if isinstance(statement, cst.Assign):
            self._scan(statement.value, scope)
            for assign_target in statement.targets:
                self._assign(assign_target.target, statement.value, scope)
        elif isinstance(statement, cst.AnnAssign):
            if statement.value is not None:
                self._scan(statement.value, scope)
                self._assign(statement.target, statement.value, scope)
        elif isinstance(statement, cst.AugAssign):
            self._scan(statement.value, scope)
            if isinstance(statement.operator, (cst.AddAssign, cst.BitOrAssign)):
                self._report(
                    (
                        Write(write.target, write.value, iterated=True)
                        for write in self._paths(scope).assignment(statement.target, statement.value)
                    ),
                    scope,
                )
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)
        elif isinstance(statement, (cst.Expr, cst.Return)):
            if statement.value is not None:
                self._scan(statement.value, scope)
        elif isinstance(statement, cst.Import):
            self._import(statement, scope)
        elif isinstance(statement, cst.ImportFrom):
            self._import_from(statement, scope)
        elif isinstance(statement, cst.Del):
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)

    def _assign(
        self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope
    ) -> None:
        self._report(self._paths(scope).assignment(target, value), scope)
        self._bind(target, value, scope)

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope) -> None:
        if isinstance(target, cst.Name):
            scope.bind(target.value, self._evaluator.evaluate(value, scope))
        elif (
            isinstance(target, (cst.Tuple, cst.List))
            and isinstance(value, (cst.Tuple, cst.List))
            and len(target.elements) == len(value.elements)
            and all(isinstance(e, cst.Element) for e in (*target.elements, *value.elements))
        ):
            for target_element, value_element in zip(target.elements, value.elements):
                self._bind(target_element.value, value_element.value, scope)
        else:
            for name in target_names(target):
                scope.bind(name, NOTHING_KNOWN)

    def _import(self, statement: cst.Import, scope: Scope) -> None:
        for alias in statement.names:
            full_name = get_full_name_for_node(alias.name)
            if full_name is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                scope.bind(alias.asname.name.value, (Ref(full_name),))
            else:
                top = full_name.split(".", 1)[0]
                scope.bind(top, (Ref(top),))

    def _import_from(self, statement: cst.ImportFrom, scope: Scope) -> None:
        if isinstance(statement.names, cst.ImportStar):
            return
        module = (get_full_name_for_node(statement.module) if statement.module else None) or ""
        base = "." * len(statement.relative) + module
        for alias in statement.names:
            name = get_full_name_for_node(alias.name)
            if name is None:
                continue
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            scope.bind(bound, (Ref(f"{base}.{name}" if module else f"{base}{name}"),))

    def _if(self, statement: cst.If, scope: Scope) -> None:
        self._scan(statement.test, scope)
        before = scope.fork()
        self._suite(statement.body, scope)
        after_body = scope.fork()
        scope.bindings = before
        if isinstance(statement.orelse, cst.If):
            self._if(statement.orelse, scope)
        elif isinstance(statement.orelse, cst.Else):
            self._suite(statement.orelse.body, scope)
        scope.join(after_body, scope.bindings)

    def _loop(self, statement: cst.For | cst.While, scope: Scope) -> None:
        if isinstance(statement, cst.For):
            self._scan(statement.iter, scope)
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)
        else:
            self._scan(statement.test, scope)
        before = scope.fork()
        self._suite(statement.body, scope)
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.join(before, scope.bindings)

    def _try(self, statement: cst.Try | cst.TryStar, scope: Scope) -> None:
        before = scope.fork()
        self._suite(statement.body, scope)
        after_body = scope.fork()
        outcomes = []
        for handler in statement.handlers:
            scope.join(before, after_body)
            if handler.name is not None:
                for name in target_names(handler.name.name):
                    scope.bind(name, NOTHING_KNOWN)
            self._suite(handler.body, scope)
            outcomes.append(scope.fork())
        scope.bindings = after_body
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.join(scope.bindings, *outcomes)
        if statement.finalbody is not None:
            self._suite(statement.finalbody.body, scope)

    def _with(self, statement: cst.With, scope: Scope) -> None:
        for item in statement.items:
            self._scan(item.item, scope)
            if item.asname is None:
                continue
            entered = tuple(
                value
                for value in self._evaluator.evaluate(item.item, scope)
                if isinstance(value, Unpicklable) and value.kind in _CONTEXT_MANAGERS_RETURNING_SELF
            )
            for name in target_names(item.asname.name):
                scope.bind(name, entered or NOTHING_KNOWN)
        self._suite(statement.body, scope)

    def _match(self, statement: cst.Match, scope: Scope) -> None:
        self._scan(statement.subject, scope)
        before = scope.fork()
        outcomes = [before]
        for case in statement.cases:
            scope.bindings = dict(before)
            for name in _capture_names(case.pattern):
                scope.bind(name, NOTHING_KNOWN)
            if case.guard is not None:
                self._scan(case.guard, scope)
            self._suite(case.body, scope)
            outcomes.append(scope.fork())
        scope.join(*outcomes)

    def _function_definition(self, function: cst.FunctionDef, scope: Scope) -> None:
        for decorator in function.decorators:
            self._scan(decorator.decorator, scope)
        definition: Values = NOTHING_KNOWN
        if not function.decorators:
            definition = (Definition(function, DefinitionKind.FUNCTION, scope.in_function),)
        scope.bind(function.name.value, definition)
        self._pending_functions.append((function, scope))

    def _function_body(self, function: cst.FunctionDef, parent: Scope) -> None:
        scope = Scope(ScopeKind.FUNCTION, parent)
        for name in _parameter_names(function.params):
            scope.bind(name, NOTHING_KNOWN)
        self._suite(function.body, scope)

    def _class_definition(self, class_def: cst.ClassDef, scope: Scope) -> None:
        body = Scope(ScopeKind.CLASS, scope)
        self._suite(class_def.body, body)
        definition = Definition(
            class_def, DefinitionKind.CLASS, scope.in_function, namespace=body.bindings
        )
        scope.bind(class_def.name.value, (definition,))

    # Expressions: calls that write somewhere inside them, and ``:=`` bindings.

    def _scan(self, expression: cst.CSTNode, scope: Scope) -> None:
        stack: list[tuple[cst.CSTNode, Scope]] = [(expression, scope)]
        while stack:
            node, current = stack.pop()
            if isinstance(node, cst.Call):
                self._report(self._paths(current).call(node), current)
            elif isinstance(node, cst.NamedExpr) and isinstance(node.target, cst.Name):
                current.binding_scope.bind(
                    node.target.value, self._evaluator.evaluate(node.value, current)
                )
            elif isinstance(node, cst.Lambda):
                inner = Scope(ScopeKind.EXPRESSION, current)
                for name in _parameter_names(node.params):
                    inner.bind(name, NOTHING_KNOWN)
                stack.append((node.body, inner))
                continue
            elif isinstance(node, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)):
                inner = Scope(ScopeKind.EXPRESSION, current)
                bind_loop_targets(node.for_in, inner)
                stack.extend((child, inner) for child in reversed(node.children))
                continue
            stack.extend((child, current) for child in reversed(node.children))


def _parameter_names(parameters: cst.Parameters) -> Iterator[str]:
    for parameter in (*parameters.posonly_params, *parameters.params, *parameters.kwonly_params):
        yield parameter.name.value
    for star in (parameters.star_arg, parameters.star_kwarg):
        if isinstance(star, cst.Param):
            yield star.name.value


def _capture_names(pattern: cst.CSTNode) -> Iterator[str]:
    stack = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.MatchAs, cst.MatchStar)) and node.name is not None:
            yield node.name.value
        elif isinstance(node, cst.MatchMapping) and node.rest is not None:
            yield node.rest.value
        stack.extend(node.children)
