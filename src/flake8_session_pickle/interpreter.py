"""Runs a program's statements over abstract values and tells a listener what they do.

Statements are taken in order within a scope; the two arms of a branch are run
from the same state and joined. The interpreter binds names and follows what
containers held by names hold; everything else it reports as events (values
stored into parts of objects, calls, returns, definitions), and its listener
decides what they mean: a sink, the class model, what a function returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property

import libcst as cst
from libcst.helpers import get_full_name_for_node

from flake8_session_pickle.evaluation import (
    Evaluator,
    Part,
    bind_loop_targets,
    string_value,
    target_names,
)
from flake8_session_pickle.events import (
    Called,
    Defined,
    Listener,
    Returned,
    Stored,
    StoreForm,
    Target,
)
from flake8_session_pickle.knowledge.language import (
    CACHED_PROPERTY,
    CLASS_FACTORIES,
    DATACLASS_DECORATORS,
    ENTERING_CALLS,
    ENUM_BASES,
    NOT_BOUND_TO_INSTANCE,
    PROPERTIES,
    STORING_METHODS,
    TYPED_DICT_BASES,
    Stores,
)
from flake8_session_pickle.knowledge.streamlit import CACHE_RESOURCE
from flake8_session_pickle.scopes import Branch, Scope, ScopeKind
from flake8_session_pickle.values import (
    NOTHING_KNOWN,
    AnyKey,
    Arguments,
    Attribute,
    Constant,
    Definition,
    DefinitionKind,
    Instance,
    Key,
    Module,
    Named,
    Object,
    Place,
    Role,
    Segment,
    Spread,
    Text,
    Values,
    union,
)
from flake8_session_pickle.walk import child_nodes

_CLASS_METHOD = "builtins.classmethod"
_STATIC_METHOD = "builtins.staticmethod"
_SETATTR = "builtins.setattr"


class Interpreter:
    def __init__(self, evaluator: Evaluator, listener: Listener) -> None:
        self._evaluator = evaluator
        self._listener = listener
        self._ended = False
        """The function being run has certainly returned or raised: a branch a
        call decided ended in ``return`` or ``raise``."""

    # Entry points.

    def run(
        self, statements: Sequence[cst.BaseStatement | cst.BaseSmallStatement], scope: Scope
    ) -> None:
        for statement in statements:
            self.statement(statement, scope)
            if self._ended:
                return

    def run_function(
        self,
        function: cst.FunctionDef,
        scope: Scope,
        receiver: Instance | None = None,
        arguments: Arguments | None = None,
        by_annotations: bool = False,
    ) -> None:
        """Run a function body in ``scope``, its parameters bound to ``arguments``
        where given, else unknown but the first, bound to ``receiver`` where given;
        ``by_annotations``: no call gives the parameters (a callback's run), so
        each stands for what its annotation names."""
        given = dict(arguments or ())
        parameters = list(_parameters(function.params))
        if given:
            # a default other than a literal is what it was when the function
            # was defined, which a call's run does not know
            late = {
                parameter.name.value
                for parameter in parameters
                if parameter.default is not None and not _is_literal(parameter.default)
            }
            scope.decidable = _Decidable(frozenset(given) - late, function.body)
        positional = [*function.params.posonly_params, *function.params.params]
        scope.self_name = positional[0].name.value if positional else None
        # read before any parameter is bound, so that none shadows a name an
        # annotation uses
        annotated = {
            parameter.name.value: self._evaluator.annotated(
                parameter.annotation.annotation, scope, f"'{parameter.name.value}: {{type}}'"
            )
            for index, parameter in enumerate(parameters)
            if by_annotations
            and parameter.annotation is not None
            and parameter.star == ""
            and parameter.name.value not in given
            and not (index == 0 and receiver is not None)
        }
        for index, parameter in enumerate(parameters):
            name = parameter.name.value
            if name in given:
                scope.bind(name, given[name])
            elif index == 0 and receiver is not None:
                scope.bind(name, (receiver,))
            else:
                scope.bind(name, annotated.get(name, NOTHING_KNOWN))
        self._suite(function.body, scope)
        self._ended = False

    # Statements.

    def _suite(self, suite: cst.BaseSuite, scope: Scope) -> None:
        self.run(suite.body, scope)

    def statement(self, statement: cst.CSTNode, scope: Scope) -> None:
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
            self.scan(statement.value, scope)
            for assign_target in statement.targets:
                self._assign(assign_target.target, statement.value, scope)
        elif isinstance(statement, cst.AnnAssign):
            if statement.value is not None:
                self.scan(statement.value, scope)
                self._assign(statement.target, statement.value, scope)
        elif isinstance(statement, cst.AugAssign):
            self.scan(statement.value, scope)
            if isinstance(statement.operator, (cst.AddAssign, cst.BitOrAssign)):
                self._augmented(statement.target, statement.value, scope)
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)
        elif isinstance(statement, cst.Return):
            if statement.value is not None:
                self.scan(statement.value, scope)
            self._listener.heard(Returned(statement.value, scope))
        elif isinstance(statement, cst.Expr):
            self.scan(statement.value, scope)
        elif isinstance(statement, cst.Import):
            self._import(statement, scope)
        elif isinstance(statement, cst.ImportFrom):
            self._import_from(statement, scope)
        elif isinstance(statement, cst.Del):
            for name in target_names(statement.target):
                scope.bind(name, NOTHING_KNOWN)

    def _assign(self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            self._unpack(target.elements, value, scope)
            return
        stored = self._target(target, scope)
        if stored is not None:
            self._listener.heard(Stored((stored,), value, None, StoreForm.SET, scope))
            self._remember_write(stored, value, scope)
            if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
                self._fill(target.value.value, stored.owners, [(value, Role.VALUE, None)], scope)
            elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                self._set_attribute(target.value.value, target.attr.value, value, scope)
        self._bind(target, value, scope)
        if stored is not None and isinstance(value, cst.Name):
            self._alias(value.value, stored, scope)

    def _remember_write(self, stored: Target, value: cst.BaseExpression, scope: Scope) -> None:
        """After ``st.session_state.conn = connect()``, a read of the key further on
        in the same scope finds what was written, as well as what the place may
        hold from other runs."""
        segment = stored.segment
        if not isinstance(segment, (Attribute, Key)) or len(stored.owners) != 1:
            return
        root = stored.owners[0]
        if not isinstance(root, Place) or root.segments:
            return
        key = segment.name if isinstance(segment, Attribute) else segment.value
        if isinstance(key, Text):
            return  # an f-string key stands for every text it may make
        scope.binding_scope.write((root.root, key), self._evaluator.evaluate(value, scope))

    @staticmethod
    def _alias(name: str, stored: Target, scope: Scope) -> None:
        """After ``st.session_state.x = name``, the object bound to ``name`` is
        the one kept at the place: what is later put into it through the name
        goes there too."""
        if name not in scope.bindings or stored.segment is None:
            return
        segment = stored.segment
        places = tuple(owner.child(segment) for owner in stored.owners if isinstance(owner, Place))
        if places:
            scope.bind(name, union(scope.bindings[name], places))

    def _target(self, target: cst.BaseExpression, scope: Scope) -> Target | None:
        """The part of an object an assignment target stores into."""
        if isinstance(target, cst.Attribute):
            owners = self._evaluator.evaluate(target.value, scope)
            return Target(owners, Attribute(target.attr.value), target)
        if isinstance(target, cst.Subscript):
            owners = self._evaluator.evaluate(target.value, scope)
            if len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
                segment = self._evaluator.segment(target.slice[0].slice.value, scope)
                return Target(owners, segment, target)
            return None
        return None

    def _unpack(
        self, targets: Sequence[cst.BaseElement], value: cst.BaseExpression, scope: Scope
    ) -> None:
        """Store by unpacking ``value`` into ``targets``: element by element where
        the value is a literal sequence, else the value's items into all of them
        at once, since which item goes where is not known."""
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
                        self._assign(target.value, items[index], scope)
                    elif index > star:
                        self._assign(target.value, items[index - len(targets)], scope)
                    else:
                        self._assign(
                            target.value, cst.List([cst.Element(item) for item in rest]), scope
                        )
                return
        values = self._evaluator.evaluate(value, scope)
        if stars or not any(self._evaluator.is_positional(each) for each in values):
            self._store_items([target.value for target in targets], value, scope)
            for target in targets:
                for name in target_names(target.value):
                    scope.bind(name, NOTHING_KNOWN)
            return
        parts = self._evaluator.unpacked(values, len(targets))
        for target, part in zip(targets, parts, strict=True):
            self._assign_values(target.value, value, part, scope)

    def _assign_values(
        self,
        target: cst.BaseExpression,
        expression: cst.BaseExpression,
        values: Values,
        scope: Scope,
    ) -> None:
        """Assign to ``target`` the part of what ``expression`` gives that unpacking
        leads to it: ``values``."""
        if isinstance(target, cst.Name):
            scope.bind(target.value, values or NOTHING_KNOWN)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = [element.value for element in target.elements]
            if any(
                isinstance(element, cst.StarredElement) for element in target.elements
            ) or not any(self._evaluator.is_positional(value) for value in values):
                for name in target_names(target):
                    scope.bind(name, NOTHING_KNOWN)
                return
            parts = self._evaluator.unpacked(values, len(elements))
            for element, part in zip(elements, parts, strict=True):
                self._assign_values(element, expression, part, scope)
        else:
            stored = self._target(target, scope)
            if stored is not None:
                self._listener.heard(
                    Stored((stored,), expression, None, StoreForm.SET, scope, made=values)
                )

    def _augmented(
        self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope
    ) -> None:
        """``target += value`` adds the items of ``value``."""
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            owner = target.value
            segment: Segment
            if isinstance(target, cst.Attribute):
                segment = Attribute(target.attr.value)
            elif len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
                segment = self._evaluator.segment(target.slice[0].slice.value, scope)
            else:
                return
            places = tuple(
                owner_value.child(segment)
                for owner_value in self._evaluator.evaluate(owner, scope)
                if isinstance(owner_value, Place)
            )
            if places:
                self._add_items(Target(places, None, target), value, scope)

    def _add_items(self, target: Target, iterable: cst.BaseExpression, scope: Scope) -> None:
        """Store what ``extend`` or ``+=`` adds: a literal's elements one by one,
        else whatever the iterable yields."""
        if isinstance(iterable, (cst.List, cst.Tuple, cst.Set)):
            for element in iterable.elements:
                if isinstance(element, cst.Element):
                    self._listener.heard(
                        Stored((target,), element.value, None, StoreForm.ADD, scope)
                    )
        else:
            self._listener.heard(Stored((target,), iterable, Spread.ITEMS, StoreForm.ADD, scope))

    def _fill(
        self,
        name: str,
        owners: Values,
        stored: list[Part],
        scope: Scope,
    ) -> None:
        """Add to the containers bound to a name of this scope what the values
        stored into them hold, so that storing the container reports it."""
        if name not in scope.bindings or any(isinstance(owner, Place) for owner in owners):
            return
        held = self._evaluator.held(stored, scope)
        if not held:
            return
        filled = tuple(
            replace(value, holds=(*value.holds, *held)) if isinstance(value, Object) else value
            for value in scope.bindings[name]
        )
        if not any(isinstance(value, Object) for value in filled):
            filled = (*filled, Object("builtins.list", "", held))
        scope.bind(name, filled)

    def _set_attribute(
        self, name: str, attribute: str, value: cst.BaseExpression, scope: Scope
    ) -> None:
        """``name.attribute = value``: the instance of a class of the file bound to
        the name keeps the value under the attribute; an object of another
        package holds it."""
        if name not in scope.bindings:
            return
        bound = scope.bindings[name]
        if not any(isinstance(each, (Instance, Object)) for each in bound):
            return
        values = self._evaluator.evaluate(value, scope)
        if not any(map(self._evaluator.matters, values)):
            return
        held = self._evaluator.held([(value, Role.VALUE, attribute)], scope)
        scope.bind(
            name,
            tuple(
                replace(each, assigned=(*each.assigned, (attribute, values)))
                if isinstance(each, Instance) and not each.receiver
                else replace(each, holds=(*each.holds, *held))
                if isinstance(each, Object)
                else each
                for each in bound
            ),
        )

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression, scope: Scope) -> None:
        if isinstance(target, cst.Name):
            scope.bind(target.value, self._evaluator.evaluate(value, scope))
        else:
            for name in target_names(target):
                scope.bind(name, NOTHING_KNOWN)

    def _import(self, statement: cst.Import, scope: Scope) -> None:
        for alias in statement.names:
            full_name = get_full_name_for_node(alias.name)
            if full_name is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                scope.bind(alias.asname.name.value, (Module(full_name),))
            else:
                top = full_name.split(".", 1)[0]
                scope.bind(top, (Module(top),))

    def _import_from(self, statement: cst.ImportFrom, scope: Scope) -> None:
        module = (get_full_name_for_node(statement.module) if statement.module else None) or ""
        base = "." * len(statement.relative) + module
        if isinstance(statement.names, cst.ImportStar):
            # Only a module of the app's own can be read for what it binds.
            for exported, values in self._evaluator.exported(base, scope).items():
                scope.bind(exported, values)
            return
        bound_names = []
        qualified_names = []
        for alias in statement.names:
            name = get_full_name_for_node(alias.name)
            if name is None:
                continue
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            bound_names.append(bound)
            qualified_names.append(f"{base}.{name}" if module else f"{base}{name}")
        found = self._evaluator.all_named(qualified_names, scope)
        for bound, values in zip(bound_names, found, strict=True):
            scope.bind(bound, values)

    def _conditional_suite(self, suite: cst.BaseSuite, scope: Scope) -> None:
        scope.conditional += 1
        try:
            self._suite(suite, scope)
        finally:
            scope.conditional -= 1

    def _if(self, statement: cst.If, scope: Scope) -> None:
        self.scan(statement.test, scope)
        decided = self._decided(statement.test, scope)
        if decided is True:
            self._decided_suite(statement.body, scope)
            return
        if decided is False:
            if isinstance(statement.orelse, cst.If):
                self._if(statement.orelse, scope)
            elif isinstance(statement.orelse, cst.Else):
                self._decided_suite(statement.orelse.body, scope)
            return
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

    def _decided_suite(self, suite: cst.BaseSuite, scope: Scope) -> None:
        """Run the branch a call decided; one ending in ``return`` or ``raise``
        ends the function's run, unless a condition not decided encloses it."""
        self._suite(suite, scope)
        last = suite.body[-1] if suite.body else None
        if isinstance(last, cst.SimpleStatementLine):
            last = last.body[-1] if last.body else None
        if isinstance(last, (cst.Return, cst.Raise)) and not scope.conditional:
            self._ended = True

    def _decided(self, test: cst.BaseExpression, scope: Scope) -> bool | None:
        """Whether a condition holds, where a function run with what a call gives
        it tests a parameter it never binds again (or ``not`` one), outside any
        loop, holding only constants of one truth (``toggle(False, ...)`` runs
        only the ``else`` of ``if start:``); None where it may go either way."""
        negated = False
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            test, negated = test.expression, True
        if not (isinstance(test, cst.Name) and test.value in scope.decidable) or scope.loops:
            return None
        values = self._evaluator.evaluate(test, scope)
        if not all(isinstance(value, Constant) for value in values):
            return None
        truths = {bool(value.value) for value in values if isinstance(value, Constant)}
        return truths.pop() != negated if len(truths) == 1 else None

    def _loop(self, statement: cst.For | cst.While, scope: Scope) -> None:
        if isinstance(statement, cst.For):
            entries = self._evaluator.dict_entries(statement.target, statement.iter, scope)
            if entries is not None:
                self._over_entries(statement, entries, scope)
                return
            self.scan(statement.iter, scope)
            self._loop_target(statement.target, statement.iter, scope)
            for name, values in self._evaluator.loop_bindings(
                statement.target, statement.iter, scope
            ):
                scope.bind(name, values)
        else:
            self.scan(statement.test, scope)
        mark = scope.mark()
        scope.loops += 1
        try:
            if isinstance(statement, cst.While):
                self._conditional_suite(statement.body, scope)
            else:
                self._suite(statement.body, scope)
        finally:
            scope.loops -= 1
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.merge({}, scope.rewind(mark))

    def _over_entries(
        self, statement: cst.For, entries: list[tuple[Values, Values]], scope: Scope
    ) -> None:
        """A ``for`` over a dict of literal keys, run once for each key with its
        key and values bound (``st.session_state[k] = v`` writes ``v`` under
        ``k`` only), as many times as the dict has such keys."""
        self.scan(statement.iter, scope)
        names = list(target_names(statement.target))
        mark = scope.mark()
        scope.loops += 1
        try:
            for key, values in entries:
                scope.bind(names[0], key)
                if len(names) == 2:
                    scope.bind(names[1], values)
                self._suite(statement.body, scope)
        finally:
            scope.loops -= 1
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.merge({}, scope.rewind(mark))

    def _loop_target(
        self, target: cst.BaseExpression, iterable: cst.BaseExpression, scope: Scope
    ) -> None:
        """``for target in iterable`` stores each item into the target."""
        if isinstance(target, (cst.Tuple, cst.List)):
            self._store_items([element.value for element in target.elements], iterable, scope)
        else:
            self._store_items([target], iterable, scope)

    def _store_items(
        self, targets: Sequence[cst.BaseExpression], value: cst.BaseExpression, scope: Scope
    ) -> None:
        """Store the items of ``value`` into the targets that are parts of objects,
        as one event, since which item goes where is not known."""
        stored = [self._target(target, scope) for target in targets]
        places = tuple(part for part in stored if part is not None)
        if places:
            self._listener.heard(
                Stored(
                    places,
                    value,
                    Spread.ITEMS,
                    StoreForm.SET,
                    scope,
                    unpacked_into_names=len(places) < len(stored),
                )
            )

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
        scope.replay(after_body)
        if statement.orelse is not None:
            self._suite(statement.orelse.body, scope)
        scope.merge(scope.rewind(mark), *outcomes)
        if statement.finalbody is not None:
            self._suite(statement.finalbody.body, scope)

    def _with(self, statement: cst.With, scope: Scope) -> None:
        asynchronous = statement.asynchronous is not None
        entering = "__aenter__" if asynchronous else "__enter__"
        using = entering in self._evaluator.knowledge.using_methods
        for item in statement.items:
            self.scan(item.item, scope)
            if item.asname is None and not using:
                continue
            values = self._evaluator.evaluate(item.item, scope)
            if using:
                self._evaluator.use(values, entering)
            if item.asname is None:
                continue
            itself = tuple(value for value in values if self._evaluator.enters_as_itself(value))
            entered = union(*(self._evaluator.entered(value, asynchronous) for value in values))
            target = item.asname.name
            if itself:
                if isinstance(target, (cst.Tuple, cst.List)):
                    self._unpack(target.elements, item.item, scope)
                else:
                    stored = self._target(target, scope)
                    if stored is not None:
                        self._listener.heard(
                            Stored((stored,), item.item, None, StoreForm.SET, scope)
                        )
            if isinstance(target, cst.Name):
                scope.bind(target.value, entered or NOTHING_KNOWN)
            else:  # which part of what is entered each name takes is not followed
                for name in target_names(target):
                    scope.bind(name, itself or NOTHING_KNOWN)
        self._suite(statement.body, scope)

    def _match(self, statement: cst.Match, scope: Scope) -> None:
        self.scan(statement.subject, scope)
        mark = scope.mark()
        outcomes: list[Branch] = [{}]  # no case may match
        for case in statement.cases:
            for name in _capture_names(case.pattern):
                scope.bind(name, NOTHING_KNOWN)
            if case.guard is not None:
                self.scan(case.guard, scope)
            self._conditional_suite(case.body, scope)
            outcomes.append(scope.rewind(mark))
        scope.merge(*outcomes)

    def _function_definition(self, function: cst.FunctionDef, scope: Scope) -> None:
        for decorator in function.decorators:
            self.scan(decorator.decorator, scope)
        decorators = tuple(self._decorator_names(d.decorator, scope) for d in function.decorators)
        in_class = scope.kind is ScopeKind.CLASS
        replacing = [
            names
            for names in decorators
            if not (in_class and names & (NOT_BOUND_TO_INSTANCE | PROPERTIES))
        ]
        definition = Definition(
            function,
            function.name.value,
            DefinitionKind.FUNCTION,
            scope,
            decorators=decorators,
            wrapped=bool(replacing),
            keeps_results=any(names & CACHE_RESOURCE for names in decorators),
            module=scope.module,
            bound_to_class=in_class and any(_CLASS_METHOD in names for names in decorators),
            static=in_class and any(_STATIC_METHOD in names for names in decorators),
            is_property=in_class and any(names & PROPERTIES for names in decorators),
            cached_on_instance=in_class and any(CACHED_PROPERTY in names for names in decorators),
        )
        if in_class and _adds_to_property(function, scope):
            # ``@name.setter``: the property keeps its getter
            self._listener.heard(Defined(definition, function, scope))
            return
        # Other decorators may replace the function with anything.
        known = all(
            names & CACHE_RESOURCE or self._evaluator.knowledge.keeps_returns(names)
            for names in replacing
        )
        scope.bind(function.name.value, (definition,) if known else NOTHING_KNOWN)
        self._listener.heard(Defined(definition, function, scope))

    def _decorator_names(self, decorator: cst.BaseExpression, scope: Scope) -> frozenset[str]:
        """What a decorator, or the factory of ``@decorator(...)``, may be."""
        if isinstance(decorator, cst.Call):
            decorator = decorator.func
        return frozenset(
            value.name
            for value in self._evaluator.evaluate(decorator, scope)
            if isinstance(value, Named)
        )

    def _class_definition(self, class_def: cst.ClassDef, scope: Scope) -> None:
        bases = tuple(
            value
            for base in class_def.bases
            if not base.keyword
            for value in self._base(base.value, scope)
        )
        body = Scope(ScopeKind.CLASS, scope)
        self._suite(class_def.body, body)
        decorators = tuple(
            self._decorator_names(decorator.decorator, scope) for decorator in class_def.decorators
        )
        dataclass = any(
            names & DATACLASS_DECORATORS and not _keyword_is_false(decorator.decorator, "eq")
            for names, decorator in zip(decorators, class_def.decorators, strict=True)
        )
        base_names = {base.name for base in bases if isinstance(base, Named)}
        definition = Definition(
            class_def,
            class_def.name.value,
            DefinitionKind.CLASS,
            scope,
            namespace=body.bindings,
            body=body,
            module=scope.module,
            bases=bases or (Named("builtins.object"),),
            decorators=decorators,
            is_enum=bool(base_names & ENUM_BASES)
            or any(isinstance(base, Definition) and base.is_enum for base in bases),
            makes_dicts=bool(base_names & TYPED_DICT_BASES)
            or any(isinstance(base, Definition) and base.makes_dicts for base in bases),
            is_dataclass=dataclass,
            compares_by_value=dataclass
            or "__eq__" in body.bindings
            or bool(base_names & (ENUM_BASES | CLASS_FACTORIES))
            or any(isinstance(base, Definition) and base.compares_by_value for base in bases),
        )
        body.owner = definition
        scope.bind(class_def.name.value, (definition,))

    def _base(self, expression: cst.BaseExpression, scope: Scope) -> Values:
        """What a base of a class is. A subscripted class from elsewhere
        (``Generic[T]``) stands for the class itself, which is what its
        ``__mro_entries__`` puts among the bases; the evaluator takes a class of
        the app subscripted (``Store[int]``) for the class wherever it stands."""
        if isinstance(expression, cst.Subscript):
            origins = self._evaluator.evaluate(expression.value, scope)
            if origins and all(isinstance(origin, Named) for origin in origins):
                return origins
        return self._evaluator.evaluate(expression, scope)

    # Expressions: calls that store somewhere inside them, and ``:=`` bindings.

    def scan(self, expression: cst.CSTNode, scope: Scope) -> None:
        """Hear the calls and ``:=`` of an expression in source order, those of a
        lambda or comprehension in a scope of its own."""
        stack = [expression]
        while stack:
            node = stack.pop()
            node_type = type(node)
            if node_type is cst.Call:
                assert isinstance(node, cst.Call)
                self._call(node, scope)
            elif node_type is cst.NamedExpr:
                assert isinstance(node, cst.NamedExpr)
                if isinstance(node.target, cst.Name):
                    scope.binding_scope.bind(
                        node.target.value, self._evaluator.evaluate(node.value, scope)
                    )
            elif node_type is cst.Lambda:
                assert isinstance(node, cst.Lambda)
                inner = Scope(ScopeKind.LAMBDA, scope)
                for parameter in _parameters(node.params):
                    inner.bind(parameter.name.value, NOTHING_KNOWN)
                self.scan(node.body, inner)
                continue
            elif node_type in _COMPREHENSIONS:
                assert isinstance(node, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp))
                inner = Scope(ScopeKind.EXPRESSION, scope)
                bind_loop_targets(node.for_in, inner)
                for child in child_nodes(node):
                    self.scan(child, inner)
                continue
            children = child_nodes(node)
            children.reverse()
            stack.extend(children)

    def _call(self, call: cst.Call, scope: Scope) -> None:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in STORING_METHODS:
            self._storing_call(call, func, scope)
        elif (
            isinstance(func, cst.Name)
            and len(call.args) == 3
            and not any(a.star for a in call.args)
        ):
            self._setattr(call, scope)
        name = func.attr.value if isinstance(func, cst.Attribute) else ""
        if isinstance(func, cst.Name):
            name = func.value
        evaluator = self._evaluator
        if isinstance(func, cst.Attribute):
            using = evaluator.knowledge.using_methods
            if name in using:
                evaluator.use(evaluator.evaluate(func.value, scope), name)
            entering = ENTERING_CALLS.get(name)
            if entering in using and len(call.args) == 1 and not call.args[0].star:
                evaluator.use(evaluator.evaluate(call.args[0].value, scope), entering)
        self._listener.heard(
            Called(
                name,
                lambda: evaluator.evaluate(func, scope),
                tuple(arg.value for arg in call.args if not arg.keyword and not arg.star),
                {arg.keyword.value: arg.value for arg in call.args if arg.keyword},
                lambda expression: evaluator.evaluate(expression, scope),
                scope,
                call,
            )
        )

    def _setattr(self, call: cst.Call, scope: Scope) -> None:
        if _SETATTR not in {
            value.name
            for value in self._evaluator.evaluate(call.func, scope)
            if isinstance(value, Named)
        }:
            return
        owner, name, value = (arg.value for arg in call.args)
        attribute = self._evaluator.evaluate(name, scope)
        segment: Segment = AnyKey()
        if len(attribute) == 1 and isinstance(attribute[0], Constant):
            segment = Attribute(str(attribute[0].value))
        owners = self._evaluator.evaluate(owner, scope)
        target = Target(owners, segment, owner, segment_written=False)
        self._listener.heard(Stored((target,), value, None, StoreForm.SET, scope))

    def _storing_call(self, call: cst.Call, func: cst.Attribute, scope: Scope) -> None:
        """Stores made by a method that stores into its receiver, such as
        ``x.append(v)`` or ``x.update(k=v)``."""
        owners = self._evaluator.evaluate(func.value, scope)
        method = func.attr.value
        args = call.args
        stores = STORING_METHODS[method]
        whole = Target(owners, None, func.value)
        filled: list[Part] = []
        if stores is Stores.ONE:
            if len(args) == 1 and not args[0].star:
                self._listener.heard(Stored((whole,), args[0].value, None, StoreForm.ADD, scope))
                filled.append((args[0].value, Role.ITEM, None))
        elif stores is Stores.SECOND:
            if len(args) == 2 and not any(arg.star for arg in args):
                self._listener.heard(Stored((whole,), args[1].value, None, StoreForm.ADD, scope))
                filled.append((args[1].value, Role.ITEM, None))
        elif stores is Stores.ITEMS:
            for arg in args:
                if not arg.star:
                    self._add_items(whole, arg.value, scope)
                    filled.append((arg.value, Spread.ITEMS, None))
        else:
            filled.extend(self._stores_by_key(func.value, owners, method, args, scope))
        if isinstance(func.value, cst.Name):
            self._fill(func.value.value, owners, filled, scope)

    def _stores_by_key(
        self,
        receiver: cst.BaseExpression,
        owners: Values,
        method: str,
        args: Sequence[cst.Arg],
        scope: Scope,
    ) -> Iterator[Part]:
        """Stores made by ``update``, ``setdefault`` or ``__setitem__``, and what
        each adds to the receiver, by role."""

        def store(
            segment: Segment | None,
            value: cst.BaseExpression,
            spread: Spread | None = None,
            form: StoreForm = StoreForm.SET,
        ) -> None:
            target = Target(owners, segment, receiver, segment_written=False)
            self._listener.heard(Stored((target,), value, spread, form, scope))

        if method in ("setdefault", "__setitem__"):
            if len(args) == 2 and not args[0].star and not args[1].star:
                form = StoreForm.SET_IF_ABSENT if method == "setdefault" else StoreForm.SET
                store(self._evaluator.segment(args[0].value, scope), args[1].value, form=form)
                yield args[0].value, Role.ITEM, None
                yield args[1].value, Role.VALUE, None
            return
        for arg in args:
            literal = arg.value if isinstance(arg.value, cst.Dict) else None
            if arg.star == "**" and literal is None:
                continue
            if literal is not None and (arg.star == "**" or (not arg.star and arg.keyword is None)):
                for element in literal.elements:
                    if isinstance(element, cst.DictElement):
                        store(self._evaluator.segment(element.key, scope), element.value)
                        yield element.key, Role.ITEM, None
                        yield element.value, Role.VALUE, None
            elif arg.star:
                continue
            elif arg.keyword is not None:
                store(Key(arg.keyword.value), arg.value)
                yield arg.value, Role.VALUE, None
            else:
                store(None, arg.value, Spread.MAPPING)
                yield arg.value, Spread.MAPPING, None


_COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp})


def _parameters(parameters: cst.Parameters) -> Iterator[cst.Param]:
    yield from (*parameters.posonly_params, *parameters.params, *parameters.kwonly_params)
    for star in (parameters.star_arg, parameters.star_kwarg):
        if isinstance(star, cst.Param):
            yield star


def _adds_to_property(function: cst.FunctionDef, scope: Scope) -> bool:
    """Whether the method is the setter or deleter of a property its class body
    has bound under the same name (``@name.setter``)."""
    name = function.name.value
    return (
        len(function.decorators) == 1
        and isinstance(decorator := function.decorators[0].decorator, cst.Attribute)
        and decorator.attr.value in ("setter", "deleter")
        and isinstance(decorator.value, cst.Name)
        and decorator.value.value == name
        and any(isinstance(value, Definition) and value.is_property for value in scope.lookup(name))
    )


def _keyword_is_false(decorator: cst.BaseExpression, keyword: str) -> bool:
    """``@decorator(keyword=False)``."""
    return isinstance(decorator, cst.Call) and any(
        arg.keyword is not None
        and arg.keyword.value == keyword
        and isinstance(arg.value, cst.Name)
        and arg.value.value == "False"
        for arg in decorator.args
    )


def _capture_names(pattern: cst.CSTNode) -> Iterator[str]:
    stack = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.MatchAs, cst.MatchStar)) and node.name is not None:
            yield node.name.value
        elif isinstance(node, cst.MatchMapping) and node.rest is not None:
            yield node.rest.value
        stack.extend(child_nodes(node))


def is_main_guard(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"``, which holds whenever Streamlit runs the script."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    target = test.comparisons[0]
    if not isinstance(target.operator, cst.Equal):
        return False
    sides = (test.left, target.comparator)
    return any(isinstance(side, cst.Name) and side.value == "__name__" for side in sides) and any(
        isinstance(side, cst.SimpleString) and string_value(side) == "__main__" for side in sides
    )


class _Decidable:
    """The parameters of a function run for a call that may decide an ``if``:
    those the call gives, with a literal default if any, that the body never
    binds again. What the body binds is read only once an ``if`` tests one of
    the others, which few functions do."""

    def __init__(self, given: frozenset[str], body: cst.BaseSuite) -> None:
        self._given = given
        self._body = body

    def __contains__(self, name: object) -> bool:
        return name in self._given and name not in self._bound

    @cached_property
    def _bound(self) -> frozenset[str]:
        return _bound_in(self._body)


def _bound_in(body: cst.BaseSuite) -> frozenset[str]:
    """Every name a function body binds, or declares ``global`` or ``nonlocal``,
    anywhere within it (nested scopes too, to be safe)."""
    names: set[str] = set()
    stack: list[cst.CSTNode] = [body]
    while stack:
        node = stack.pop()
        stack.extend(child_nodes(node))
        if isinstance(
            node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor, cst.Del)
        ):
            names.update(target_names(node.target))
        elif isinstance(node, cst.NamedExpr) and isinstance(node.target, cst.Name):
            names.add(node.target.value)
        elif isinstance(node, cst.AsName) and isinstance(node.name, cst.Name):
            names.add(node.name.value)
        elif isinstance(node, (cst.Global, cst.Nonlocal)):
            names.update(item.name.value for item in node.names)
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            names.add(node.name.value)
        elif isinstance(node, cst.ImportAlias) and node.asname is None:
            imported: cst.BaseExpression = node.name
            while isinstance(imported, cst.Attribute):
                imported = imported.value
            if isinstance(imported, cst.Name):
                names.add(imported.value)
        elif isinstance(node, (cst.MatchAs, cst.MatchStar)) and node.name is not None:
            names.add(node.name.value)
    return frozenset(names)


def _is_literal(expression: cst.BaseExpression) -> bool:
    """A number, string, ``True``, ``False`` or ``None``."""
    if isinstance(expression, cst.Name):
        return expression.value in ("True", "False", "None")
    return isinstance(expression, (cst.Integer, cst.Float, cst.SimpleString))
