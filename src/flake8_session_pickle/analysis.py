"""Runs the selected statements of a file and reports what its sinks are given
that pickle refuses: the parts of the analysis, wired together."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from json import dumps
from pathlib import Path

import libcst as cst

from flake8_session_pickle.classes import ClassModel
from flake8_session_pickle.codes import Sink as SinkNumber
from flake8_session_pickle.evaluation import Evaluator, code_of
from flake8_session_pickle.events import Called, Defined, Event, Returned, Target
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.interpreter import Interpreter
from flake8_session_pickle.knowledge import Knowledge
from flake8_session_pickle.knowledge.language import ENTERING_METHODS
from flake8_session_pickle.knowledge.rows import TypeRow
from flake8_session_pickle.modules import AppModules
from flake8_session_pickle.project import PAGES, normalised, project_of
from flake8_session_pickle.rerun import RerunPolicy
from flake8_session_pickle.scopes import Scope, ScopeKind, made_scopes
from flake8_session_pickle.sinks import Sink, Write
from flake8_session_pickle.values import (
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
    Object,
    Place,
    Role,
    Segment,
    Text,
    Value,
    Values,
    place_name,
    union,
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

    def __init__(
        self,
        facts: FileFacts,
        knowledge: Knowledge,
        sinks: Sequence[Sink],
        path: Path | None = None,
        writers: frozenset[str] = frozenset(),
        constant_writes: frozenset[tuple[SinkNumber, Hashable, Hashable]] = frozenset(),
        dict_writes: frozenset[tuple[SinkNumber, Hashable]] = frozenset(),
        follows_uses: bool = False,
    ) -> None:
        """``path``: where the checked file is on disk (resolved), for the app's own
        modules it imports; ``writers``: names of the file's functions whose
        calls that pass values are followed (:attr:`Selection.writers`);
        ``constant_writes``, ``dict_writes``: :attr:`Selection.constant_writes`,
        :attr:`Selection.dict_writes`."""
        self._facts = facts
        self._left_out: dict[tuple[str, Hashable], list[Value]] = {}
        """What the writes the selection leaves out store under each key of a
        watched root: constants, and dicts of plain data."""
        left_out: list[tuple[SinkNumber, Hashable, Value]] = [
            *((number, key, Constant(literal)) for number, key, literal in constant_writes),
            *((number, key, _PLAIN_DICT) for number, key in dict_writes),
        ]
        for sink in sinks:
            for number, key, value in left_out:
                if number is sink.number:
                    for root in sink.roots:
                        self._left_out.setdefault((root, key), []).append(value)
        self._knowledge = knowledge
        self._used: dict[str, str] = {}
        """By row name, a method called on a value of the type (or on an object
        holding one) after which its values are refused (:attr:`TypeRow.used_by`)."""
        self._used_places: list[tuple[Place, str]] = []
        """Watched places whose objects such a method is called on, looked into
        once every write is seen."""
        roots = frozenset(root for sink in sinks for root in sink.roots)
        self._evaluator = Evaluator(self, knowledge, roots)
        project = None if path is None else project_of(path)
        self._project = project
        self._path = path
        self._follows_uses = follows_uses
        self._modules = AppModules(project, path, self._evaluator)
        self._verdicts = Verdicts(self, self._evaluator, knowledge)
        self._classes = ClassModel(facts, self._evaluator, self._verdicts, project, path)
        self._reporter = _Reporter(
            sinks,
            self._evaluator,
            self._verdicts,
            RerunPolicy(facts),
            frozenset(name.rsplit(".", 1)[-1] for name in writers),
        )
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
        with made_scopes() as made:
            module = Scope(ScopeKind.MODULE, None)
            for statement in statements:
                reporter.statement = statement
                interpreter.statement(statement, module)
            while reporter.pending:
                defined, reporter.statement = reporter.pending.popleft()
                body = Scope(ScopeKind.FUNCTION, defined.scope, defined.function)
                interpreter.run_function(
                    defined.node, body, receiver=_receiver(defined.function), by_annotations=True
                )
            findings = reporter.findings()
        for scope in made:
            scope.release()
        return findings

    def stored_at(self, place: Place) -> Values:
        stored = self._reporter.stored_at(place)
        if len(place.segments) != 1:
            return stored
        return union((*stored, *self._left_out.get((place.root, place.key), ())))

    def pinned(self, distribution: str) -> str | None:
        if self._project is None:
            return None
        return self._project.pins.get(normalised(distribution))

    def project_values(self, names: Sequence[str], scope: Scope | None) -> list[Values | None]:
        return self._modules.values(names, scope)

    def project_exports(self, module: str, scope: Scope | None) -> dict[str, Values]:
        return self._modules.exports(module, scope)

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
            found = union(*returns.values)
            if node.returns is not None and found and all(value is UNKNOWN for value in found):
                found = (
                    self._evaluator.annotated(
                        node.returns.annotation, function.scope, "'-> {type}'"
                    )
                    or found
                )
            if _may_fall_off(node.body.body):
                # ending without a return statement returns None
                found = union(found, (Constant(None),))
            self._returned[key] = found
        return self._returned[key]

    def used(self, receivers: Values, method: str) -> None:
        for receiver in receivers:
            if isinstance(receiver, Place):
                self._used_places.append((receiver, method))
            elif isinstance(receiver, Object):
                self._use(receiver, method)
            elif receiver is UNKNOWN and method not in ENTERING_METHODS:
                # what the analysis cannot tell may be such a value, where the
                # method's name says it (``with`` enters objects of every kind)
                for row in self._knowledge.rows_used_by(method):
                    self._used.setdefault(row.name, method)

    def _use(self, value: Object, method: str) -> None:
        """The method is called on ``value``: the objects it is or holds whose
        type the method makes refused are used."""
        pending = [value]
        while pending:
            current = pending.pop()
            row = self._knowledge.type(current.type)
            if row is not None and method in row.used_by:
                self._used.setdefault(row.name, method)
            for held in current.holds:
                if isinstance(held.value, Object):
                    pending.append(held.value)
                elif isinstance(held.value, Place):
                    self._used_places.append((held.value, method))

    def use_of(self, row: TypeRow) -> str | None:
        """The method called on a value of the row's type that makes it refused,
        where the file may call one on such a value, or another file of the app
        calls one at all (a value stored in session state may be used on
        another page, or by a module it is passed to)."""
        seen: set[Place] = set()
        while self._used_places:
            place, method = self._used_places.pop()
            if place in seen:
                continue
            seen.add(place)
            for value in self.stored_at(place):
                if isinstance(value, Place):
                    self._used_places.append((value, method))
                elif isinstance(value, Object):
                    self._use(value, method)
        used = self._used.get(row.name)
        if used is None and self._project is not None:
            # the file's own uses are followed where it imports the row's package
            used = self._project.calls(row.used_by, self._path if self._follows_uses else None)
        return used

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

    def class_stores(self, cls: Definition, name: str) -> Values | None:
        return self._classes.class_stores(cls, name)

    def declared(self, cls: Definition, name: str) -> tuple[cst.BaseExpression, Definition] | None:
        return self._classes.declared(cls, name)

    def fields(self, cls: Definition) -> list[str]:
        return self._classes.fields(cls)

    def instance_state(self, instance: Instance) -> tuple[str, Refusal] | None:
        return self._classes.instance_state(instance)

    def refused_base(self, cls: Definition) -> tuple[str, TypeRow] | None:
        return self._classes.refused_base(cls)

    @property
    def is_script(self) -> bool:
        return self._is_script

    @cached_property
    def _is_script(self) -> bool:
        """The file runs as an app script: unless its top level only fills session
        state and another file of the project imports it, as a module whose top
        level runs once per process (``state.py``); a page, or a file that
        renders, runs as a script even where a file imports it."""
        if not self._facts.is_script:
            return False
        if (
            self._facts.renders
            or self._project is None
            or self._path is None
            or self._path.parent.name == PAGES
        ):
            return True
        return not self._project.imported(self._path)


class _Returns:
    """Listens to a function's run for what its own ``return`` statements give."""

    def __init__(self, scope: Scope, evaluator: Evaluator) -> None:
        self._scope = scope
        self._evaluator = evaluator
        self.values: list[Values] = []

    def heard(self, event: Event) -> None:
        if isinstance(event, Returned) and event.scope is self._scope:
            self.values.append(
                (Constant(None),)
                if event.value is None
                else self._evaluator.evaluate(event.value, event.scope)
            )


@dataclass(frozen=True)
class _Through:
    """A call of a function of the file that passes it values, whose body is run
    with them: what it writes is reported at the call."""

    call: cst.Call
    statement: cst.CSTNode
    """The module-level statement the call is in."""
    depth: int
    """How many such calls deep, the outermost first."""
    scope: Scope | None = None
    """Where the outermost call is, in the checked file: whether it runs on every
    run decides whether what a function of a module stores outlives the run."""
    in_module: bool = False
    """Whether the function being run is one of a module of the app, whose calls
    of its module's functions are followed whatever their names."""
    stored_through: str = ""
    """How a value the function being run stores is described where the call is
    reported, unless it says how it came there (``through 'init()' (state.py:4)``)."""


@dataclass(frozen=True)
class _Judged:
    """A write, with what it writes, waiting for the end of the run to be judged."""

    sink: Sink
    write: Write
    values: Values
    persists: Persists
    statement: cst.CSTNode
    through: _Through | None = None
    elsewhere: bool = False
    """Made by a function of a module of the app run with its parameters unknown:
    judged, so that a call is not reported for what the module's file reports."""


class _Elsewhere:
    """Listens to the run of a module's function with its parameters unknown."""

    def __init__(self, reporter: _Reporter) -> None:
        self._reporter = reporter

    def heard(self, event: Event) -> None:
        self._reporter.keep_elsewhere(event)


class _CalledWith:
    """Listens to the run of a function's body at a call that passes it values:
    its writes, and its own calls that pass values on."""

    def __init__(self, reporter: _Reporter, through: _Through) -> None:
        self._reporter = reporter
        self._through = through

    def heard(self, event: Event) -> None:
        # What it returns, and the functions it defines, are the business of
        # its run with its parameters unknown.
        if isinstance(event, (Returned, Defined)):
            return
        self._reporter.hear_through(event, self._through)


class _Reporter:
    """Listens to the run that reports: hands every event to the sinks, keeps the
    writes they make and what each watched place may hold over all runs, judges
    the writes once the run is over, and keeps the bodies of defined functions
    for later."""

    def __init__(
        self,
        sinks: Sequence[Sink],
        evaluator: Evaluator,
        verdicts: Verdicts,
        rerun: RerunPolicy,
        writers: frozenset[str] = frozenset(),
    ) -> None:
        self._sinks = sinks
        self._evaluator = evaluator
        self._verdicts = verdicts
        self._rerun = rerun
        self._writers = writers
        self._followed: set[tuple[int, Arguments]] = set()
        self._run_elsewhere: set[int] = set()
        """The functions of the app's modules followed, each run once with its
        parameters unknown: what it writes refused then is its own file's report."""
        self._bindings: dict[int, int] = {}
        """How many bindings of its parameters each function has been followed with."""
        self.statement: cst.CSTNode = cst.Module(body=[])
        """The module-level statement being run, or holding the function being run."""
        self.pending: deque[tuple[Defined, cst.CSTNode]] = deque()
        self._writes: list[_Judged] = []
        self._stored: list[tuple[Place, Values, bool]] = []
        """Each watched place written, what it was given, and whether it was added
        to a container there."""
        self._stored_under: dict[tuple[str, Hashable], list[int]] = {}
        """The writes of ``_stored`` by root and first key, so that a read looks
        only at those that may be its place."""
        self._stored_anywhere: dict[str, list[int]] = {}
        """The writes of ``_stored`` at a root itself or under a key not known."""

    def heard(self, event: Event) -> None:
        if isinstance(event, Defined):
            self.pending.append((event, self.statement))
        self.hear_through(event, None)

    def hear_through(self, event: Event, through: _Through | None) -> None:
        """Hand the event to the sinks; ``through``: the call whose values the
        function being run was given, where it is one."""
        if isinstance(event, Called) and (
            event.name in self._writers or (through is not None and through.in_module)
        ):
            self._follow(event, through)
        for sink in self._sinks:
            for write in sink.writes(event):
                self._keep(sink, write, through)

    def _follow(self, event: Called, through: _Through | None) -> None:
        """Run each function of the file the call may call with the values it
        passes, a function at most :data:`MAX_BINDINGS` times, at most
        :data:`MAX_DEPTH` calls deep, reporting what it writes at the outermost
        call."""
        depth = 0 if through is None else through.depth + 1
        if depth >= MAX_DEPTH:
            return
        by_name = isinstance(event.node.func, cst.Name)
        for found in event.callee():
            callee, receiver = (
                (found.function, found.receiver) if isinstance(found, Bound) else (found, None)
            )
            if not (
                isinstance(callee, Definition)
                and callee.kind is DefinitionKind.FUNCTION
                # the file's own functions called by name, methods on their
                # instance or class; a module's functions, as imported
                and (by_name or receiver is not None or callee.static or callee.module is not None)
                and not callee.wrapped
                and not callee.yields
                and not callee.is_async
            ):
                continue
            arguments = self._evaluator.arguments(callee, event.node, event.scope, receiver)
            if arguments is None or self._bindings.get(id(callee), 0) >= MAX_BINDINGS:
                continue
            via = _named(callee, "passed to")
            arguments = tuple(
                (name, tuple(self._evaluator.reached_via(value, via) for value in values))
                for name, values in arguments
            )
            key = (id(callee), arguments)
            if key in self._followed:
                continue
            self._followed.add(key)
            self._bindings[id(callee)] = self._bindings.get(id(callee), 0) + 1
            node = callee.node
            assert isinstance(node, cst.FunctionDef)
            if callee.module is not None and id(callee) not in self._run_elsewhere:
                self._run_elsewhere.add(id(callee))
                body = Scope(ScopeKind.FUNCTION, callee.scope, callee)
                Interpreter(self._evaluator, _Elsewhere(self)).run_function(
                    node, body, receiver=_receiver(callee), by_annotations=True
                )
            outermost = through or _Through(event.node, self.statement, depth, event.scope)
            listener = _CalledWith(
                self,
                replace(
                    outermost,
                    depth=depth,
                    in_module=callee.module is not None,
                    stored_through=_named(callee, "through"),
                ),
            )
            body = Scope(ScopeKind.FUNCTION, callee.scope, callee)
            Interpreter(self._evaluator, listener).run_function(node, body, arguments=arguments)

    def keep_elsewhere(self, event: Event) -> None:
        """Judge the writes of a module's function run with its parameters
        unknown, reported in the module's own file, never here."""
        for sink in self._sinks:
            for write in sink.writes(event):
                self._keep(sink, write, elsewhere=True)

    def _keep(
        self, sink: Sink, write: Write, through: _Through | None = None, elsewhere: bool = False
    ) -> None:
        at = write.at
        written = (at.root, at.key) if at is not None and len(at.segments) == 1 else None
        with write.scope.binding_scope.unwritten(written):
            values = self._evaluator.stored(write.value, write.scope, write.spread, write.made)
        if through is not None:
            values = tuple(
                self._evaluator.reached_via(value, through.stored_through) for value in values
            )
        called_from = None if through is None else through.scope
        persists = self._persistence(sink, write, values, called_from) if sink.rerun_trap else never
        statement = self.statement if through is None else through.statement
        self._writes.append(_Judged(sink, write, values, persists, statement, through, elsewhere))
        # What a module's function stores with its parameters unknown says
        # nothing a read of session state here should take.
        if write.at is not None and not elsewhere:
            at = write.at
            first = at.key
            if first is None:
                self._stored_anywhere.setdefault(at.root, []).append(len(self._stored))
            else:
                self._stored_under.setdefault((at.root, first), []).append(len(self._stored))
            self._stored.append((at, values, write.adds))

    def findings(self) -> list[Finding]:
        """Judge every write kept: a value read back from a watched place and
        stored under another place is reported there too, as Streamlit refuses
        every key that holds it, where everything the place may hold fails."""
        findings = []
        # A write refused where the parameters of the function it is in are
        # unknown is reported there, not again at each call passing it values.
        refused: set[int] = set()
        # A write refused only with what calls pass is reported at each call,
        # and where it is written: it stores what pickle refuses on some run.
        own_run: dict[int, _Judged] = {}
        first_refusal_by_call: dict[int, Refusal] = {}
        for judged in sorted(self._writes, key=lambda judged: judged.through is not None):
            write_id = id(judged.write.value)
            if judged.through is not None and write_id in refused:
                continue
            refusal = None
            for value in judged.values:
                if isinstance(value, Place):
                    if _rewrites_its_place(value, judged.write.at):
                        continue
                    refusal = self._verdicts.restored(value, judged.write.value, judged.persists)
                else:
                    refusal = self._verdicts.refusal(
                        value,
                        judged.write.value,
                        judged.persists,
                        as_made=judged.sink.pickled_as_written,
                    )
                if refusal is not None:
                    break
            if judged.elsewhere:
                if refusal is not None:
                    refused.add(write_id)
                continue
            if judged.through is None:
                own_run.setdefault(write_id, judged)
            elif refusal is not None:
                first_refusal_by_call.setdefault(write_id, refusal)
            if refusal is None:
                continue
            if judged.through is None:
                refused.add(write_id)
            through = judged.through
            message = judged.sink.message(
                refusal.kind,
                refusal.what,
                _place(judged.write.place, judged.write.at, through is not None),
            )
            if message is not None:
                anchor = refusal.anchor if through is None else through.call
                findings.append(Finding(anchor, message, judged.statement))
        for write_id, first in first_refusal_by_call.items():
            own = own_run.get(write_id)
            if own is None or write_id in refused:
                continue
            message = own.sink.message(
                first.kind, first.what, _place(own.write.place, own.write.at, False)
            )
            if message is not None:
                findings.append(Finding(own.write.value, message, own.statement))
        return findings

    def stored_at(self, place: Place) -> Values:
        """What a watched place may hold, over all runs: what any write there
        stored, a container of what writes added to it, or what a container
        written one level up holds under the place's last key."""
        found: list[Value] = []
        first = place.key
        if first is None:
            candidates: Iterable[int] = range(len(self._stored))
        else:
            candidates = sorted(
                (
                    *self._stored_under.get((place.root, first), ()),
                    *self._stored_anywhere.get(place.root, ()),
                )
            )
        for index in candidates:
            at, values, adds = self._stored[index]
            if at.root != place.root:
                continue
            if _same_place(at.segments, place.segments):
                if adds:
                    holds = tuple(Held(value, Role.ITEM, _NOWHERE) for value in values)
                    found.append(Object("builtins.list", "", holds))
                else:
                    found.extend(values)
            elif len(place.segments) == len(at.segments) + 1 and _same_place(
                at.segments, place.segments[:-1]
            ):
                if adds:
                    found.extend(values)
                else:
                    found.extend(_held_under(values, place.segments[-1]))
        return union(tuple(found))

    def _persistence(
        self, sink: Sink, write: Write, values: Values, called_from: Scope | None = None
    ) -> Persists:
        """Whether a value of the script the write stores may outlive the run that
        stores it. Whether the write may be skipped by a later run is worked out
        now, while the run stands at it, and only where a value of the script
        may be among what it writes. ``called_from``: where the call that runs a
        function of a module writing it stands in the checked file."""
        scope = write.scope
        key = (sink.number, write.key)
        if write.key is not None and write.replaces_key and _is_new_container(write.value):
            self._rerun.renew(scope, key)
        renewed = write.key is not None and self._rerun.renewed(scope, key)
        kept = (write.persists or self._reads_back(sink, write, values)) and not renewed
        if not kept and any(_of_the_script(value) for value in values):
            kept = self._rerun.outlives_run(scope, called_from)

        def persists(value: Value) -> bool:
            if (
                write.persists_if_equal
                and isinstance(value, Instance)
                and value.of.compares_by_value
            ):
                return True
            return kept

        return persists

    @staticmethod
    def _reads_back(sink: Sink, write: Write, values: Values) -> bool:
        """Whether the value written may be what its own key held before
        (``st.session_state.get("log", []) + [item]``), so that what this run adds
        is kept into later runs."""
        if write.key is None:
            return False
        return any(
            isinstance(value, Place)
            and value.root in sink.roots
            and sink.key_of(value) == write.key
            for value in values
        )


_PLAIN_DICT = Object("builtins.dict", "")
"""A dict of plain data a write the selection leaves out stores."""

_NOWHERE = cst.Name("_")
"""Where an item added to a container in session state stands for a read of it:
what reads it is reported at its own place."""


def _named(function: Definition, how: str) -> str:
    """``how`` then the function, by its class for a method, and where a module
    defines it, for messages."""
    owner = function.scope.owner if function.scope.kind is ScopeKind.CLASS else None
    named = function if owner is None else owner
    where = f" ({named.origin})" if named.origin else ""
    return f"{how} '{owner.name + '.' if owner else ''}{function.name}()'{where}"


def _receiver(function: Definition) -> Instance | None:
    """What a method's first parameter is when it runs as a callback would: an
    instance of its class, for a method that takes one. Special methods
    (``__init__``, ``__new__``) run where Python makes or uses an instance, as
    the class model follows them, never as callbacks."""
    cls = function.scope.owner
    if (
        function.scope.kind is not ScopeKind.CLASS
        or cls is None
        or cls.kind is not DefinitionKind.CLASS
        or function.static
        or function.bound_to_class
        or (function.name.startswith("__") and function.name.endswith("__"))
    ):
        return None
    return Instance(cls, receiver=True)


def _rewrites_its_place(value: Place, at: Place | None) -> bool:
    """Whether a write stores what it read back from the very place it writes
    (``st.session_state.chain = st.session_state.get("chain")``)."""
    return at is not None and value.root == at.root and _same_place(value.segments, at.segments)


def _same_place(first: tuple[Segment, ...], second: tuple[Segment, ...]) -> bool:
    """Whether two paths within a watched object may lead to the same place: a
    key the analysis cannot tell may be any key, and at the first step, session
    state's attributes are its keys."""
    if len(first) != len(second):
        return False
    for index, (one, other) in enumerate(zip(first, second, strict=True)):
        if isinstance(one, AnyKey) or isinstance(other, AnyKey):
            continue
        if index == 0:
            one_key = one.name if isinstance(one, Attribute) else one.value
            other_key = other.name if isinstance(other, Attribute) else other.value
            if one_key != other_key:
                return False
        elif one != other:
            return False
    return True


def _held_under(values: Values, segment: Segment) -> Iterator[Value]:
    """What the containers among ``values`` hold under a key."""
    for value in values:
        if isinstance(value, Object):
            for held in value.holds:
                if held.role is Role.ITEM and isinstance(segment, AnyKey):
                    continue  # the keys of a dict
                if isinstance(segment, AnyKey) or (
                    isinstance(segment, Key) and held.position == segment.value
                ):
                    yield held.value


def _of_the_script(value: Value) -> bool:
    """Whether a value may be, or hold, a class, function or instance of the
    script, or a read of session state that may give one."""
    if isinstance(value, (Definition, Instance, Bound, Place)):
        return True
    return isinstance(value, Object) and any(_of_the_script(held.value) for held in value.holds)


def _place(place: str | tuple[Target, ...], at: Place | None, through: bool = False) -> str:
    """Where a write stores, as the code writes it, and where that is kept where
    the code does not say it: through a name bound to an object kept in session
    state (``messages.append(m)``), or, in a function given values at a call,
    under a key a parameter holds."""
    if isinstance(place, str):
        return place
    written = ", ".join(
        code_of(target.written_as)
        + ("" if target.segment_written or target.segment is None else _segment(target.segment))
        for target in place
    )
    if at is not None and len(place) == 1 and (through or _depth(place[0]) < len(at.segments)):
        kept = place_name(at)
        if kept != written:
            return f"{written} ({kept})"
    return written


def _depth(target: Target) -> int:
    """How many segments below its first name the code of a target writes."""
    depth = 0 if target.segment_written or target.segment is None else 1
    node = target.written_as
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        depth += 1
        node = node.value
    return depth


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
    """Whether running the block may reach its end: no statement of it ends
    every way through it, as a ``return`` or ``raise`` does, or an ``if``,
    ``with`` or ``try`` every way through which does (what follows such a
    statement never runs: a string left after a ``return``)."""
    return all(_may_complete(statement) for statement in body)


def _may_complete(statement: cst.BaseStatement | cst.BaseSmallStatement) -> bool:
    """Whether running the statement may go on to the statement after it."""
    if isinstance(statement, cst.SimpleStatementLine):
        return _may_fall_off(statement.body)
    if isinstance(statement, (cst.Return, cst.Raise)):
        return False
    if isinstance(statement, cst.With):
        return _may_fall_off(statement.body.body)
    if isinstance(statement, cst.If):
        orelse = statement.orelse
        return (
            _may_fall_off(statement.body.body)
            or orelse is None
            or _may_fall_off([orelse] if isinstance(orelse, cst.If) else orelse.body.body)
        )
    if isinstance(statement, (cst.Try, cst.TryStar)):
        if statement.finalbody is not None and not _may_fall_off(statement.finalbody.body.body):
            return False
        ends = statement.orelse.body.body if statement.orelse is not None else statement.body.body
        return _may_fall_off(ends) or any(
            _may_fall_off(handler.body.body) for handler in statement.handlers
        )
    return True
