"""Runs a module's statements over abstract values and reports unpicklable writes.

Statements are taken in order within a scope; the two arms of a branch are run
from the same state and joined. Function bodies run after the scope that
defines them, so they see that scope's final bindings, as a callback does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node

from flake8_session_pickle.catalogue import CATALOGUE, Entry
from flake8_session_pickle.codes import Kind, cache_data_message, session_state_message
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.scopes import (
    NOTHING_KNOWN,
    Definition,
    DefinitionKind,
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
from flake8_session_pickle.sinks import MAPPING_WRITES, Sinks, Write
from flake8_session_pickle.streamlit_api import CACHE_RESOURCE_PATHS, SESSION_STATE_PATH
from flake8_session_pickle.verdicts import (
    CLASS_FACTORIES,
    ENUM_BASES,
    TYPED_DICT_BASES,
    Evaluator,
    Slot,
    bind_loop_targets,
    code_of,
    never,
    target_names,
)
from flake8_session_pickle.walk import child_nodes


@dataclass(frozen=True)
class Finding:
    anchor: cst.CSTNode
    message: str
    statement: cst.CSTNode
    """The module-level statement the anchor is in."""


_PICKLING_HOOKS = frozenset({"__getstate__", "__reduce__", "__reduce_ex__"})
RETURN_PRESERVING_DECORATORS = frozenset(
    {
        *CACHE_RESOURCE_PATHS,
        "functools.cache",
        "functools.lru_cache",
    }
)
"""Decorators whose wrapper returns the very objects the function returns."""
_NEUTRAL_BASES = frozenset({"builtins.object", "abc.ABC"})
"""Bases that change nothing about how an instance pickles."""


@dataclass
class _Collector:
    """What a function body shows while it is run only to learn from it: the
    values it returns, and what it stores on ``self`` when it is a method."""

    scope: Scope
    self_name: str | None = None
    returned: list[Values] = field(default_factory=list)
    stored: list[tuple[str, Unpicklable]] = field(default_factory=list)


class Analysis:
    """Also the ``Program`` the evaluator asks about the file as a whole."""

    def __init__(
        self,
        facts: FileFacts,
        session_paths: frozenset[str] = frozenset({SESSION_STATE_PATH}),
        catalogue: Mapping[str, Entry] = CATALOGUE,
    ) -> None:
        self._evaluator = Evaluator(self, catalogue)
        self._facts = facts
        self._session_paths = session_paths
        self._pending_functions: deque[
            tuple[cst.FunctionDef, Scope, Definition | None, cst.CSTNode]
        ] = deque()
        self._top_statement: cst.CSTNode = cst.Module(body=[])
        """The module-level statement being run, or holding the function being run."""
        self._silent = 0
        """While above zero, bodies run only to learn what they return or store."""
        self._collector: _Collector | None = None
        self._returned: dict[int, Values] = {}
        self._states: dict[int, Unpicklable | None] = {}
        self._module_scope = Scope(ScopeKind.MODULE, None)
        self.findings: list[Finding] = []

    def run(self, statements: Iterable[cst.BaseStatement]) -> list[Finding]:
        """Run the module-level statements, in order."""
        for statement in statements:
            self._top_statement = statement
            self._statement(statement, self._module_scope)
        while self._pending_functions:
            function, parent, definition, self._top_statement = self._pending_functions.popleft()
            self._function_body(function, parent, definition)
        return self.findings

    # What the evaluator asks.

    def returned(self, function: Definition) -> Values:
        key = id(function)
        if key not in self._returned:
            self._returned[key] = ()  # a recursive call learns nothing
            node = function.node
            assert isinstance(node, cst.FunctionDef)
            collector = _Collector(Scope(ScopeKind.FUNCTION, function.scope, function))
            self._learn_from(node, collector)
            if _may_fall_off(node.body.body):
                # Only a call whose every return is known stands for what it returns.
                collector.returned.append(NOTHING_KNOWN)
            self._returned[key] = tuple(v for values in collector.returned for v in values)
        return self._returned[key]

    def unpicklable_state(self, cls: Definition) -> Unpicklable | None:
        key = id(cls)
        if key not in self._states:
            self._states[key] = None  # a class that refers to itself learns nothing
            found = self._unpicklable_attribute(cls)
            if found is not None:
                attribute, value = found
                self._states[key] = Unpicklable(
                    Kind.INSTANCE_STATE,
                    f"instance of '{cls.name}' whose attribute '{attribute}' holds {value.what}",
                    value.anchor,
                )
        return self._states[key]

    def _unpicklable_attribute(
        self, cls: Definition, overridden: frozenset[str] = frozenset()
    ) -> tuple[str, Unpicklable] | None:
        """The first attribute the class or its bases in the file store on ``self``
        that pickle refuses, unless the class customises pickling. ``overridden``:
        methods a subclass defines again without calling them through ``super()``,
        which never run on its instances."""
        node = cls.node
        if not isinstance(node, cst.ClassDef) or cls.is_enum or self._customises_pickling(cls):
            return None
        if cls.is_dataclass:
            found = self._unpicklable_field(node, cls)
            if found is not None:
                return found
        methods = [
            statement for statement in node.body.body if isinstance(statement, cst.FunctionDef)
        ]
        for method in methods:
            name = method.name.value
            if name not in overridden and self._may_run(name):
                found = self._stored_on_self(method, cls)
                if found is not None:
                    return found
        hidden = overridden | {method.name.value for method in methods if not _calls_super(method)}
        for base in cls.bases:
            if isinstance(base, Definition):
                found = self._unpicklable_attribute(base, hidden)
                if found is not None:
                    return found
        return None

    def _unpicklable_field(
        self, node: cst.ClassDef, cls: Definition
    ) -> tuple[str, Unpicklable] | None:
        """The first field of a dataclass whose default, which every instance made
        without it gets, pickle refuses: ``f: object = lambda: 1``, or what
        ``field(default_factory=threading.Lock)`` makes."""
        for line in node.body.body:
            for statement in getattr(line, "body", ()):
                if not (
                    isinstance(statement, cst.AnnAssign)
                    and isinstance(statement.target, cst.Name)
                    and statement.value is not None
                    and "ClassVar" not in code_of(statement.annotation.annotation)
                ):
                    continue
                for value in self._field_defaults(statement.value, cls.scope):
                    found = self._evaluator.verdict_of(value, statement.value)
                    if found is not None:
                        return statement.target.value, found
        return None

    def _field_defaults(self, value: cst.BaseExpression, scope: Scope) -> Values:
        if isinstance(value, cst.Call) and "dataclasses.field" in self._decorator_paths(
            value.func, scope
        ):
            arguments = {arg.keyword.value: arg.value for arg in value.args if arg.keyword}
            if "default_factory" in arguments:
                return self._evaluator.called(arguments["default_factory"], scope)
            if "default" in arguments:
                return self._evaluator.evaluate(arguments["default"], scope)
            return NOTHING_KNOWN
        return self._evaluator.evaluate(value, scope)

    def _may_run(self, method: str) -> bool:
        """Whether a method may run on an instance: Python calls special methods
        itself (``__init__``, ``__enter__``); any other is called, or read as a
        property, through its name."""
        return (
            method.startswith("__") and method.endswith("__")
        ) or method in self._facts.attribute_names

    def _customises_pickling(self, cls: Definition) -> bool:
        """Whether the class may pickle differently from its ``__dict__``: it or a base
        defines a pickling hook, a reducer is registered for it, or a base comes from
        elsewhere (and may do either)."""
        if (
            _PICKLING_HOOKS & cls.namespace.keys()
            or cls.name in self._facts.registered_with_copyreg
        ):
            return True
        return any(
            self._customises_pickling(base)
            if isinstance(base, Definition)
            else not (isinstance(base, Ref) and base.path in _NEUTRAL_BASES)
            for base in cls.bases
        )

    def _stored_on_self(
        self, method: cst.FunctionDef, cls: Definition
    ) -> tuple[str, Unpicklable] | None:
        parameters = [*method.params.posonly_params, *method.params.params]
        if not parameters or any(
            get_full_name_for_node(d.decorator) in ("staticmethod", "classmethod")
            for d in method.decorators
        ):
            return None
        collector = _Collector(Scope(ScopeKind.FUNCTION, cls.scope), parameters[0].name.value)
        self._learn_from(method, collector)
        return collector.stored[0] if collector.stored else None

    def _learn_from(self, function: cst.FunctionDef, collector: _Collector) -> None:
        """Run a function body without reporting, to fill the collector."""
        saved, self._collector = self._collector, collector
        self._silent += 1
        try:
            self._run_function(function, collector.scope)
        finally:
            self._silent -= 1
            self._collector = saved

    @property
    def is_script(self) -> bool:
        return self._facts.is_script

    def _persists(self, scope: Scope) -> bool:
        """Whether a write made here may be skipped by a later run, so that what it
        stored outlives the run that made it."""
        current: Scope | None = scope
        while current is not None:
            if current.conditional or current.kind is ScopeKind.LAMBDA:
                return True
            if current.kind is ScopeKind.FUNCTION and not self._runs_every_time(current.owner):
                return True
            current = current.parent
        return False

    def _runs_every_time(self, function: Definition | None) -> bool:
        """Whether the script calls the function, or the method of a module-level
        class, in full on every run."""
        if function is None:
            return False
        if function.is_module_level:
            return function.name in self._facts.functions_every_run
        defined_in = function.scope
        return (
            defined_in.kind is ScopeKind.CLASS
            and defined_in.parent is not None
            and defined_in.parent.kind is ScopeKind.MODULE
            and function.name in self._facts.methods_every_run
        )

    # Sinks and verdicts meet here.

    def _sinks(self, scope: Scope) -> Sinks:
        def paths(expression: cst.BaseExpression) -> tuple[str, ...]:
            return tuple(
                value.path
                for value in self._evaluator.evaluate(expression, scope)
                if isinstance(value, Ref)
            )

        return Sinks(paths, self._session_paths)

    def _report(self, writes: Iterable[Write], scope: Scope) -> None:
        """Report the writes whose value pickle may refuse; ``scope`` is where
        they are made."""
        if self._silent:
            return
        sinks = self._sinks(scope)
        for write in writes:
            if (
                write.key is not None
                and not write.persists
                and _is_new_container(write.value)
                and not self._persists(scope)
            ):
                scope.fresh_keys.add(write.key)
            refilled = write.key is not None and write.key in scope.fresh_keys

            def persists(value: Value, write: Write = write, refilled: bool = refilled) -> bool:
                return (
                    ((write.persists or sinks.reads_back(write)) and not refilled)
                    or self._persists(scope)
                    or (
                        write.persists_if_equal
                        and isinstance(value, Instance)
                        and value.of.compares_by_value
                    )
                )

            found = self._evaluator.verdict(write.value, scope, persists, write.spread)
            if found is None:
                continue
            self.findings.append(
                Finding(
                    found.anchor,
                    session_state_message(found.kind, found.what, write.target),
                    self._top_statement,
                )
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
                self._report(self._sinks(scope).augmented(statement.target, statement.value), scope)
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)
        elif isinstance(statement, cst.Return):
            if statement.value is not None:
                self._scan(statement.value, scope)
            if statement.value is not None:
                self._report_cached_return(statement.value, scope)
            if self._collector is not None and self._collector.scope is scope:
                self._collector.returned.append(
                    self._evaluator.evaluate(statement.value, scope)
                    if statement.value is not None
                    else NOTHING_KNOWN
                )
        elif isinstance(statement, cst.Expr):
            self._scan(statement.value, scope)
        elif isinstance(statement, cst.Import):
            self._import(statement, scope)
        elif isinstance(statement, cst.ImportFrom):
            self._import_from(statement, scope)
        elif isinstance(statement, cst.Del):
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)

    def _assign(self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope) -> None:
        self._report(self._sinks(scope).assignment(target, value), scope)
        collector = self._collector
        if (
            collector is not None
            and collector.scope is scope
            and collector.self_name is not None
            and isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == collector.self_name
        ):
            found = self._evaluator.verdict(value, scope)
            if found is not None:
                collector.stored.append((target.attr.value, found))
        if (
            isinstance(target, cst.Subscript)
            and isinstance(target.value, cst.Name)
            and not self._sinks(scope).reaches_session_state(target.value)
        ):
            self._add_to(target.value.value, [(value, Role.VALUE)], scope)
        self._bind(target, value, scope)

    def _fill(self, call: cst.Call, scope: Scope) -> None:
        """Follow what a call stores into a container held by a name of this scope
        (``items.append(value)``), so that storing the container reports it."""
        filled = self._sinks(scope).filled_by(call)
        if filled is not None:
            name, writes = filled
            by_key = isinstance(call.func, cst.Attribute) and call.func.attr.value in MAPPING_WRITES
            slot = Role.VALUE if by_key else Role.ITEM
            self._add_to(
                name,
                [(write.value, write.spread or slot) for write in writes],
                scope,
            )

    def _add_to(
        self, name: str, stored: list[tuple[cst.BaseExpression, Slot]], scope: Scope
    ) -> None:
        """Add to the values of a container bound in this scope what the values
        stored into it hold, each with how it goes in."""
        if name not in scope.bindings:
            return
        held = self._evaluator.held(stored, scope, never)
        if held:
            scope.bind(name, union(scope.bindings[name], held))

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope) -> None:
        if isinstance(target, cst.Name):
            scope.bind(target.value, self._evaluator.evaluate(value, scope))
        elif (
            isinstance(target, (cst.Tuple, cst.List))
            and isinstance(value, (cst.Tuple, cst.List))
            and len(target.elements) == len(value.elements)
            and all(isinstance(e, cst.Element) for e in (*target.elements, *value.elements))
        ):
            for target_element, value_element in zip(target.elements, value.elements, strict=True):
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
                scope.bind(alias.asname.name.value, (Ref(full_name, module=True),))
            else:
                top = full_name.split(".", 1)[0]
                scope.bind(top, (Ref(top, module=True),))

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

    def _conditional_suite(self, suite: cst.BaseSuite, scope: Scope) -> None:
        scope.conditional += 1
        try:
            self._suite(suite, scope)
        finally:
            scope.conditional -= 1

    def _if(self, statement: cst.If, scope: Scope) -> None:
        self._scan(statement.test, scope)
        mark = scope.mark()
        if is_main_guard(statement.test):
            self._suite(statement.body, scope)  # Streamlit runs the script as __main__
        else:
            self._conditional_suite(statement.body, scope)
        after_body = scope.rewind(mark)
        if isinstance(statement.orelse, cst.If):
            self._if(statement.orelse, scope)
        elif isinstance(statement.orelse, cst.Else):
            self._conditional_suite(statement.orelse.body, scope)
        scope.merge(after_body, scope.rewind(mark))

    def _loop(self, statement: cst.For | cst.While, scope: Scope) -> None:
        if isinstance(statement, cst.For):
            self._scan(statement.iter, scope)
            self._report(self._sinks(scope).loop_target(statement.target, statement.iter), scope)
            for name, values in self._evaluator.loop_bindings(
                statement.target, statement.iter, scope
            ):
                scope.bind(name, values)
        else:
            self._scan(statement.test, scope)
        mark = scope.mark()
        if isinstance(statement, cst.While):
            self._conditional_suite(statement.body, scope)
        else:
            self._suite(statement.body, scope)
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.merge({}, scope.rewind(mark))

    def _try(self, statement: cst.Try | cst.TryStar, scope: Scope) -> None:
        mark = scope.mark()
        self._suite(statement.body, scope)
        after_body = scope.rewind(mark)
        outcomes = []
        for handler in statement.handlers:
            scope.merge({}, after_body)  # the body may have stopped anywhere
            if handler.name is not None:
                for name in target_names(handler.name.name):
                    scope.bind(name, NOTHING_KNOWN)
            self._conditional_suite(handler.body, scope)
            outcomes.append(scope.rewind(mark))
        for name, values in after_body.items():
            scope.bind(name, values)
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.merge(scope.rewind(mark), *outcomes)
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
                if isinstance(value, Unpicklable) and self._enters_as_itself(value)
            )
            if entered:
                self._report(self._sinks(scope).assignment(item.asname.name, item.item), scope)
            for name in target_names(item.asname.name):
                scope.bind(name, entered or NOTHING_KNOWN)
        self._suite(statement.body, scope)

    def _enters_as_itself(self, value: Unpicklable) -> bool:
        """Whether ``with value as name`` binds the value itself: true of the
        resources of the catalogue that say so."""
        entry = self._evaluator.entry(value)
        return entry is not None and entry.enters_as_itself

    def _match(self, statement: cst.Match, scope: Scope) -> None:
        self._scan(statement.subject, scope)
        mark = scope.mark()
        outcomes: list[dict[str, Values]] = [{}]  # no case may match
        for case in statement.cases:
            for name in _capture_names(case.pattern):
                scope.bind(name, NOTHING_KNOWN)
            if case.guard is not None:
                self._scan(case.guard, scope)
            self._conditional_suite(case.body, scope)
            outcomes.append(scope.rewind(mark))
        scope.merge(*outcomes)

    def _function_definition(self, function: cst.FunctionDef, scope: Scope) -> None:
        for decorator in function.decorators:
            self._scan(decorator.decorator, scope)
        decorators = [self._decorator_paths(d.decorator, scope) for d in function.decorators]
        name = function.name.value
        definition = Definition(
            function,
            name,
            DefinitionKind.FUNCTION,
            scope,
            caches_data=any(
                self._sinks(scope).caches_data(d.decorator) for d in function.decorators
            ),
            wrapped=bool(decorators),
            keeps_results=any(paths & CACHE_RESOURCE_PATHS for paths in decorators),
        )
        # Other decorators may replace the function with anything.
        known = all(paths & RETURN_PRESERVING_DECORATORS for paths in decorators)
        scope.bind(name, (definition,) if known else NOTHING_KNOWN)
        if not self._silent:
            self._pending_functions.append((function, scope, definition, self._top_statement))

    def _decorator_paths(self, decorator: cst.BaseExpression, scope: Scope) -> frozenset[str]:
        """What a decorator, or the factory of ``@decorator(...)``, may be."""
        if isinstance(decorator, cst.Call):
            decorator = decorator.func
        return frozenset(
            value.path
            for value in self._evaluator.evaluate(decorator, scope)
            if isinstance(value, Ref)
        )

    def _function_body(
        self, function: cst.FunctionDef, parent: Scope, definition: Definition | None
    ) -> None:
        if definition is not None and definition.caches_data:
            self._report_cached_generator(function, definition)
        self._run_function(function, Scope(ScopeKind.FUNCTION, parent, definition))

    def _report_cached_return(self, value: cst.BaseExpression, scope: Scope) -> None:
        owner = scope.owner
        if self._silent or owner is None or not owner.caches_data:
            return
        if owner.yields:
            return  # the cached value is the generator, reported at the name
        found = self._evaluator.verdict(value, scope)
        if found is not None and found.kind.info.cache_fix is not None:
            self.findings.append(
                Finding(
                    found.anchor,
                    cache_data_message(found.kind, found.what, owner.name),
                    self._top_statement,
                )
            )

    def _report_cached_generator(self, function: cst.FunctionDef, definition: Definition) -> None:
        """Streamlit awaits a cached coroutine function and pickles what it returns,
        but a generator, and an async one, is what the call itself returns."""
        if not definition.yields:
            return
        what = "async generator" if function.asynchronous is not None else "generator"
        self.findings.append(
            Finding(
                function.name,
                cache_data_message(Kind.GENERATOR, f"{what} object", function.name.value),
                self._top_statement,
            )
        )

    def _run_function(self, function: cst.FunctionDef, scope: Scope) -> None:
        for name in _parameter_names(function.params):
            scope.bind(name, NOTHING_KNOWN)
        self._suite(function.body, scope)

    def _class_definition(self, class_def: cst.ClassDef, scope: Scope) -> None:
        bases = tuple(
            value
            for base in class_def.bases
            if not base.keyword
            for value in self._evaluator.evaluate(base.value, scope)
        )
        body = Scope(ScopeKind.CLASS, scope)
        self._suite(class_def.body, body)
        dataclass = any(
            "dataclasses.dataclass" in self._decorator_paths(decorator.decorator, scope)
            and not _keyword_is_false(decorator.decorator, "eq")
            for decorator in class_def.decorators
        )
        definition = Definition(
            class_def,
            class_def.name.value,
            DefinitionKind.CLASS,
            scope,
            namespace=body.bindings,
            bases=bases or (Ref("builtins.object"),),
            is_enum=any(
                (isinstance(base, Ref) and base.path in ENUM_BASES)
                or (isinstance(base, Definition) and base.is_enum)
                for base in bases
            ),
            makes_dicts=any(
                (isinstance(base, Ref) and base.path in TYPED_DICT_BASES)
                or (isinstance(base, Definition) and base.makes_dicts)
                for base in bases
            ),
            is_dataclass=dataclass,
            compares_by_value=dataclass
            or "__eq__" in body.bindings
            or any(
                (isinstance(base, Ref) and base.path in ENUM_BASES | CLASS_FACTORIES)
                or (isinstance(base, Definition) and base.compares_by_value)
                for base in bases
            ),
        )
        scope.bind(class_def.name.value, (definition,))

    # Expressions: calls that write somewhere inside them, and ``:=`` bindings.

    def _scan(self, expression: cst.CSTNode, scope: Scope) -> None:
        stack: list[tuple[cst.CSTNode, Scope]] = [(expression, scope)]
        while stack:
            node, current = stack.pop()
            node_type = type(node)
            if node_type is cst.Call:
                assert isinstance(node, cst.Call)
                self._report(self._sinks(current).call(node), current)
                self._fill(node, current)
            elif node_type is cst.NamedExpr:
                assert isinstance(node, cst.NamedExpr)
                if isinstance(node.target, cst.Name):
                    current.binding_scope.bind(
                        node.target.value, self._evaluator.evaluate(node.value, current)
                    )
            elif node_type is cst.Lambda:
                assert isinstance(node, cst.Lambda)
                inner = Scope(ScopeKind.LAMBDA, current)
                for name in _parameter_names(node.params):
                    inner.bind(name, NOTHING_KNOWN)
                stack.append((node.body, inner))
                continue
            elif node_type in _COMPREHENSIONS:
                assert isinstance(node, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp))
                inner = Scope(ScopeKind.EXPRESSION, current)
                bind_loop_targets(node.for_in, inner)
                stack.extend((child, inner) for child in reversed(child_nodes(node)))
                continue
            stack.extend((child, current) for child in reversed(child_nodes(node)))


_COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp})


def _parameter_names(parameters: cst.Parameters) -> Iterator[str]:
    for parameter in (*parameters.posonly_params, *parameters.params, *parameters.kwonly_params):
        yield parameter.name.value
    for star in (parameters.star_arg, parameters.star_kwarg):
        if isinstance(star, cst.Param):
            yield star.name.value


def _keyword_is_false(decorator: cst.BaseExpression, keyword: str) -> bool:
    """``@decorator(keyword=False)``."""
    return isinstance(decorator, cst.Call) and any(
        arg.keyword is not None
        and arg.keyword.value == keyword
        and isinstance(arg.value, cst.Name)
        and arg.value.value == "False"
        for arg in decorator.args
    )


def _calls_super(method: cst.FunctionDef) -> bool:
    """Whether the method calls its namesake in a base class (``super().name()``)."""
    name = method.name.value
    stack = child_nodes(method.body)
    while stack:
        node = stack.pop()
        if (
            type(node) is cst.Attribute
            and isinstance(node, cst.Attribute)
            and node.attr.value == name
            and isinstance(node.value, cst.Call)
            and isinstance(node.value.func, cst.Name)
            and node.value.func.value == "super"
        ):
            return True
        stack.extend(child_nodes(node))
    return False


def _capture_names(pattern: cst.CSTNode) -> Iterator[str]:
    stack = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.MatchAs, cst.MatchStar)) and node.name is not None:
            yield node.name.value
        elif isinstance(node, cst.MatchMapping) and node.rest is not None:
            yield node.rest.value
        stack.extend(child_nodes(node))


def _may_fall_off(body: Sequence[cst.BaseStatement | cst.BaseSmallStatement]) -> bool:
    """Whether running the block may reach its end: it does not end in a
    ``return`` or ``raise``, or in an ``if``, ``with`` or ``try`` every way
    through which does."""
    last = body[-1] if body else None
    if isinstance(last, cst.SimpleStatementLine):
        return not isinstance(last.body[-1], (cst.Return, cst.Raise))
    if isinstance(last, (cst.Return, cst.Raise)):
        return False
    if isinstance(last, cst.With):
        return _may_fall_off(last.body.body)
    if isinstance(last, cst.If):
        orelse = last.orelse
        return (
            _may_fall_off(last.body.body)
            or orelse is None
            or _may_fall_off([orelse] if isinstance(orelse, cst.If) else orelse.body.body)
        )
    if isinstance(last, (cst.Try, cst.TryStar)):
        if last.finalbody is not None and not _may_fall_off(last.finalbody.body.body):
            return False
        ends = last.orelse.body.body if last.orelse is not None else last.body.body
        return _may_fall_off(ends) or any(
            _may_fall_off(handler.body.body) for handler in last.handlers
        )
    return True


def is_main_guard(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"``, which holds whenever Streamlit runs the script."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    target = test.comparisons[0]
    if not isinstance(target.operator, cst.Equal):
        return False
    sides = (test.left, target.comparator)
    return any(isinstance(side, cst.Name) and side.value == "__name__" for side in sides) and any(
        isinstance(side, cst.SimpleString) and side.evaluated_value == "__main__" for side in sides
    )


def _is_new_container(value: cst.BaseExpression) -> bool:
    return isinstance(
        value, (cst.List, cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp)
    )
