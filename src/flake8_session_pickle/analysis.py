"""Runs the selected statements of a file and reports what its sinks are given
that pickle refuses: the parts of the analysis, wired together."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from json import dumps

import libcst as cst

from flake8_session_pickle.classes import ClassModel
from flake8_session_pickle.evaluation import Evaluator, code_of
from flake8_session_pickle.events import Defined, Event, Returned, Target
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.knowledge import Knowledge
from flake8_session_pickle.knowledge.rows import TypeRow
from flake8_session_pickle.rerun import RerunPolicy
from flake8_session_pickle.scopes import Scope, ScopeKind
from flake8_session_pickle.sinks import Sink, Write
from flake8_session_pickle.values import (
    NOTHING_KNOWN,
    AnyKey,
    Arguments,
    Attribute,
    Definition,
    Instance,
    Key,
    Place,
    Segment,
    Text,
    Value,
    Values,
)
from flake8_session_pickle.verdicts import Persists, Refusal, Verdicts, never

MAX_DEPTH = 4
"""Calls followed into functions of the file with their arguments, one inside
another; deeper calls are followed with their parameters unknown."""
MAX_BINDINGS = 8
"""Different bindings of its parameters a function is followed with; beyond,
its parameters are unknown."""


@dataclass(frozen=True)
class Finding:
    anchor: cst.CSTNode
    message: str
    statement: cst.CSTNode
    """The module-level statement the anchor is in."""


class Analysis:
    """Also the program the evaluator and the verdicts ask about the file as a whole."""

    def __init__(self, facts: FileFacts, knowledge: Knowledge, sinks: Sequence[Sink]) -> None:
        self._facts = facts
        roots = frozenset(root for sink in sinks for root in sink.roots)
        self._evaluator = Evaluator(self, knowledge, roots)
        self._verdicts = Verdicts(self, self._evaluator, knowledge)
        self._classes = ClassModel(facts, self._evaluator, self._verdicts)
        self._reporter = _Reporter(sinks, self._evaluator, self._verdicts, RerunPolicy(facts))
        self._returned: dict[tuple[int, Arguments | None], Values] = {}
        self._bindings: dict[int, int] = {}
        """How many bindings of its parameters each function has been run with."""
        self._depth = 0
        """How many calls deep the function being run for what it returns is."""

    def run(self, statements: Iterable[cst.BaseStatement]) -> list[Finding]:
        """Run the module-level statements in order, then, as a callback would run
        them, the bodies of the functions they define, which see the final
        bindings of the scope that defines them."""
        reporter = self._reporter
        interpreter = Interpreter(self._evaluator, reporter)
        module = Scope(ScopeKind.MODULE, None)
        for statement in statements:
            reporter.statement = statement
            interpreter.statement(statement, module)
        while reporter.pending:
            defined, reporter.statement = reporter.pending.popleft()
            body = Scope(ScopeKind.FUNCTION, defined.scope, defined.function)
            interpreter.run_function(defined.node, body)
        return reporter.findings

    # What the evaluator and the verdicts ask.

    def returned(self, function: Definition, arguments: Arguments | None) -> Values:
        """What a function returns, given what its parameters are bound to: each
        function is run once for each different binding at most
        :data:`MAX_BINDINGS` times, and at most :data:`MAX_DEPTH` calls deep;
        beyond, and for a recursive call, with its parameters unknown."""
        if arguments is not None and (
            self._depth >= MAX_DEPTH or self._bindings.get(id(function), 0) >= MAX_BINDINGS
        ):
            arguments = None
        key = (id(function), arguments)
        if key not in self._returned:
            self._returned[key] = ()  # a recursive call learns nothing
            if arguments is not None:
                self._bindings[id(function)] = self._bindings.get(id(function), 0) + 1
            node = function.node
            assert isinstance(node, cst.FunctionDef)
            scope = Scope(ScopeKind.FUNCTION, function.scope, function)
            returns = _Returns(scope, self._evaluator)
            self._depth += 1
            try:
                Interpreter(self._evaluator, returns).run_function(node, scope, arguments=arguments)
            finally:
                self._depth -= 1
            if _may_fall_off(node.body.body):
                # Only a call whose every return is known stands for what it returns.
                returns.values.append(NOTHING_KNOWN)
            self._returned[key] = tuple(value for values in returns.values for value in values)
        return self._returned[key]

    def class_attribute(
        self, cls: Definition, name: str, after: Definition | None = None
    ) -> Values | None:
        mro = self._classes.mro(cls)
        if after is not None:
            positions = [index for index, ancestor in enumerate(mro) if ancestor is after]
            mro = mro[positions[0] + 1 :] if positions else ()
        for ancestor in mro:
            if name in ancestor.namespace:
                return ancestor.namespace[name]
        return None

    def instance_attribute(self, instance: Instance, name: str) -> Values | None:
        return self._classes.attribute(instance, name)

    def fields(self, cls: Definition) -> list[str]:
        return self._classes.fields(cls)

    def instance_state(self, instance: Instance) -> tuple[str, Refusal] | None:
        return self._classes.instance_state(instance)

    def refused_base(self, cls: Definition) -> tuple[str, TypeRow] | None:
        return self._classes.refused_base(cls)

    @property
    def is_script(self) -> bool:
        return self._facts.is_script


class _Returns:
    """Listens to a function's run for what its own ``return`` statements give."""

    def __init__(self, scope: Scope, evaluator: Evaluator) -> None:
        self._scope = scope
        self._evaluator = evaluator
        self.values: list[Values] = []

    def heard(self, event: Event) -> None:
        if isinstance(event, Returned) and event.scope is self._scope:
            self.values.append(
                NOTHING_KNOWN
                if event.value is None
                else self._evaluator.evaluate(event.value, event.scope)
            )


class _Reporter:
    """Listens to the run that reports: hands every event to the sinks, judges the
    writes they make, and keeps the bodies of defined functions for later."""

    def __init__(
        self,
        sinks: Sequence[Sink],
        evaluator: Evaluator,
        verdicts: Verdicts,
        rerun: RerunPolicy,
    ) -> None:
        self._sinks = sinks
        self._evaluator = evaluator
        self._verdicts = verdicts
        self._rerun = rerun
        self.statement: cst.CSTNode = cst.Module(body=[])
        """The module-level statement being run, or holding the function being run."""
        self.findings: list[Finding] = []
        self.pending: deque[tuple[Defined, cst.CSTNode]] = deque()

    def heard(self, event: Event) -> None:
        if isinstance(event, Defined):
            self.pending.append((event, self.statement))
        for sink in self._sinks:
            for write in sink.writes(event):
                self._judge(sink, write)

    def _judge(self, sink: Sink, write: Write) -> None:
        persists = self._persistence(sink, write) if sink.rerun_trap else never
        refusal = None
        if write.made is not None:
            for value in write.made:
                refusal = refusal or self._verdicts.refusal(value, write.value, persists)
        else:
            refusal = self._verdicts.of_expression(write.value, write.scope, persists, write.spread)
        if refusal is None:
            return
        message = sink.message(refusal.kind, refusal.what, _place(write.place))
        if message is not None:
            self.findings.append(Finding(refusal.anchor, message, self.statement))

    def _persistence(self, sink: Sink, write: Write) -> Persists:
        """Whether a value of the script the write stores may outlive the run that
        stores it; worked out only when a verdict asks, since few values are the
        script's."""
        scope = write.scope
        key = (sink.number, write.key)
        if write.key is not None and write.replaces_key and _is_new_container(write.value):
            self._rerun.renew(scope, key)
        renewed = write.key is not None and self._rerun.renewed(scope, key)
        answers: dict[str, bool] = {}

        def persists(value: Value) -> bool:
            if (
                write.persists_if_equal
                and isinstance(value, Instance)
                and value.of.compares_by_value
            ):
                return True
            if "kept" not in answers:
                answers["kept"] = (
                    (write.persists or self._reads_back(sink, write)) and not renewed
                ) or self._rerun.outlives_run(scope)
            return answers["kept"]

        return persists

    def _reads_back(self, sink: Sink, write: Write) -> bool:
        """Whether the value written may be what its own key held before
        (``st.session_state.get("log", []) + [item]``), so that what this run adds
        is kept into later runs."""
        if write.key is None:
            return False
        return any(
            isinstance(value, Place)
            and value.root in sink.roots
            and sink.key_of(value) == write.key
            for value in self._evaluator.evaluate(write.value, write.scope)
        )


def _place(place: str | tuple[Target, ...]) -> str:
    if isinstance(place, str):
        return place
    return ", ".join(
        code_of(target.written_as)
        + ("" if target.segment_written or target.segment is None else _segment(target.segment))
        for target in place
    )


def _segment(segment: Segment) -> str:
    if isinstance(segment, Attribute):
        return f".{segment.name}"
    if isinstance(segment, Key):
        value = segment.value
        if isinstance(value, Text):
            return f"[{code_of(value.node)}]"
        return f"[{dumps(value) if isinstance(value, str) else repr(value)}]"
    assert isinstance(segment, AnyKey)
    return "[...]"


def _is_new_container(value: cst.BaseExpression) -> bool:
    return isinstance(
        value, (cst.List, cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp)
    )


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
