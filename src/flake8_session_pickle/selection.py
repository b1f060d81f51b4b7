"""Which statements of a file the analysis needs, decided on Python's own ``ast``,
so that libcst parses only those, and files without any are never parsed.

A module-level statement is selected when a sink says it may write into it
(:meth:`~flake8_session_pickle.sinks.Sink.selects`), given what the statement
does: its assignment targets (unless every value it writes is a literal
constant, which pickles), the objects its calls may store into (also the owner
of ``setattr``), its decorators and its calls; and which expressions denote the
sink's roots: ``<module>.session_state`` (the module imported under any name)
or a name bound from such an expression, ``<module>.cache_data``. An object that
merely has a ``session_state`` attribute (``self.session_state``) does not
count, as it does not for the analysis.

The analysis follows values only through names, so a statement is also selected
when it binds a name that a selected statement reads, anywhere in it but in a
condition (``if``, ``elif``, ``while``) without calls or ``:=``, which the
analysis reads only for those, where the read may find that binding: in the
function the read is in, or in a function around it, or at module level (the
analysis looks a name up in that order, so a name a function binds later than
it reads it is also sought further out), but never among another function's
own names. A statement that changes what a name
holds (``log.append(x)``, ``log[k] = x``) reaches every scope its name may be
found in. A call by name of a function with parameters that holds such a
statement is selected too where it passes a value that is not a literal
constant, since the analysis follows the call with it, and so the function the
call is in becomes one such function too. Star imports, which may bind
anything, are always selected. A
function's returns, raises and yields are kept with it; its last statement is
read only for whether the body may run past its end, so where that statement
holds none of them and nothing else selects it, ``pass`` stands in for it.
A write of plain data, which pickle never refuses, is left out, unless the
analysis needs it for more than its value: a dict, whose views are refused
when it is read back, or a fresh container replacing a key, which renews the
key for what is added to it later in the run. A fresh container written
directly under a literal key where a run may skip it renews nothing, and is
left out too; the keys under which such writes store a dict are handed to the
analysis.
What is left (output calls such as ``st.write(...)``, and code that neither
writes session state nor feeds what is written) cannot change a report.
"""

from __future__ import annotations

import ast
from collections.abc import Container, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flake8_session_pickle.knowledge.language import (
    ENTERING_CALLS,
    ITEM_READS,
    PLAIN_OF_PLAIN_BUILTINS,
    PLAIN_RESULT_BUILTINS,
    STORING_METHODS,
    VIEW_METHODS,
)
from flake8_session_pickle.knowledge.streamlit import OPTION_WIDGETS, PLAIN_WIDGETS, STREAMLIT
from flake8_session_pickle.limits import LINE, may_hold_nodes

if TYPE_CHECKING:
    from flake8_session_pickle.codes import Sink as SinkNumber
    from flake8_session_pickle.sinks import Sink

Bindings = list[tuple[list[str], ast.expr]]


@dataclass(frozen=True)
class Writers:
    """Functions of the app's modules that store into a sink, by the dotted names
    a file may call them with (``.name`` for a method of one of their classes)."""

    values: frozenset[str] = frozenset()
    """Those storing what a call gives them (``remember(key, value)``): a call
    passing them values is a candidate write."""
    places: frozenset[str] = frozenset()
    """Those storing into what a parameter is given (``def keep(state): state.db =
    connect()``): a call giving them a sink's object (``keep(st.session_state)``)
    is a candidate write."""

    def __bool__(self) -> bool:
        return bool(self.values or self.places)


@dataclass(frozen=True)
class Unit:
    """Module-level statements that share physical lines, parsed together."""

    first_line: int
    """1-based, the first decorator's line for a decorated definition."""
    statements: tuple[ast.stmt, ...]
    text: str
    """The unit's lines, less those of the statements left out, each ending in a
    line feed (:func:`newline_ended`)."""
    lines: tuple[int, ...]
    """The file's line of each line of ``text``, from 1."""
    left_out: frozenset[int] = frozenset()
    """The ``id`` of each statement within the unit's that is left out."""
    within_strings: frozenset[int] = frozenset()
    """The file's lines of ``text`` within a string literal after its first,
    which are the string's text."""


@dataclass(frozen=True)
class Selection:
    units: tuple[Unit, ...]
    """In source order."""
    module_names: frozenset[str]
    """Names bound to the modules session state comes from (``st``)."""
    lines: list[str] | None = None
    """The file's physical lines (:data:`LINE`), each with its line break."""
    writers: frozenset[str] = frozenset()
    """Names of the file's functions (``.name`` for a method) with parameters that
    may write into a sink, themselves or through such a function they pass a
    value to, and the dotted names of the imported ones the file calls: their
    calls that pass values are followed with those values."""
    constant_writes: frozenset[tuple[SinkNumber, Hashable, Hashable]] = frozenset()
    """The literal constants the file writes under a literal key of a sink's
    root (``st.session_state.agent = None``), by sink and key: statements the
    selection leaves out, as a constant pickles, but what a read of the key may
    give."""
    dict_writes: frozenset[tuple[SinkNumber, Hashable]] = frozenset()
    """The literal keys of a sink's root under which a write the selection leaves
    out stores a dict display of plain data, where a run may skip it, by sink:
    what a read of the key may give, whose views pickle refuses."""
    follows_uses: bool = False
    """Its statements that use what a row's values need to be refused
    (:func:`_uses`) are kept, where the file imports a package of such a row."""

    @property
    def tree(self) -> ast.Module:
        """The selected statements as a module of their own."""
        return ast.Module(
            body=[statement for unit in self.units for statement in unit.statements],
            type_ignores=[],
        )


def root_name(node: ast.expr) -> str | None:
    """The name an attribute, item or call chain starts from."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


class _Mentions:
    """Expressions that may denote one of ``attributes`` of the imported modules."""

    def __init__(self, attributes: frozenset[str], modules: set[str]) -> None:
        self.attributes = attributes
        self.modules = modules
        """Names bound to the modules themselves."""
        self.aliases: set[str] = set()
        """Names bound to the attributes, or to something reached from them."""

    def denotes(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute) and node.attr in self.attributes:
            return root_name(node.value) in self.modules
        return isinstance(node, ast.Name) and node.id in self.aliases

    def rooted(self, node: ast.expr) -> bool:
        """Whether the place ``node`` is reached from a mention, also through what
        reading an item gives (``st.session_state.get("log", [])``)."""
        while True:
            if self.denotes(node):
                return True
            if isinstance(node, (ast.Attribute, ast.Subscript)):
                node = node.value
            elif _reads_item(node):
                assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                node = node.func.value
            else:
                return False

    def anywhere(self, node: ast.expr) -> bool:
        """Whether the value may be a mention: it is one, or holds one the way the
        analysis follows values (attribute and item chains, literal tuples and
        lists, conditional and boolean expressions); of calls, only those that
        read an item."""
        names, mentioned = self._reached(node)
        return mentioned or not self.aliases.isdisjoint(names)

    def _reached(self, node: ast.expr) -> tuple[set[str], bool]:
        """The names a value may be, the way :meth:`anywhere` follows it, and
        whether it may be one of the attributes on a module's name."""
        names: set[str] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, ast.Name):
                names.add(current.id)
            elif self.denotes(current):
                return names, True
            if isinstance(current, (ast.Attribute, ast.Subscript, ast.Starred, ast.NamedExpr)):
                stack.append(current.value)
            elif _reads_item(current):
                assert isinstance(current, ast.Call) and isinstance(current.func, ast.Attribute)
                stack.append(current.func.value)
            elif isinstance(current, (ast.Tuple, ast.List)):
                stack.extend(current.elts)
            elif isinstance(current, ast.IfExp):
                stack.extend((current.body, current.orelse))
            elif isinstance(current, ast.BoolOp):
                stack.extend(current.values)
        return names, False

    def follow(self, bindings: Bindings) -> None:
        """Add the names bound, directly or through other names, to a mention."""
        # What each value may be is read once; only the names found mentions
        # grow from one round to the next.
        through: list[tuple[list[str], set[str]]] = []
        for names, value in bindings:
            reached, mentioned = self._reached(value)
            if mentioned:
                self.aliases.update(names)
            elif reached:
                through.append((names, reached))
        while True:
            known = len(self.aliases)
            for names, reached in through:
                if not self.aliases.issuperset(names) and not self.aliases.isdisjoint(reached):
                    self.aliases.update(names)
            if len(self.aliases) == known:
                return


def _reads_item(node: ast.expr) -> bool:
    """``x.get(key, ...)`` or ``x.setdefault(key, ...)``, which give an item of ``x``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ITEM_READS
        and bool(node.args)
    )


def _bound_names(target: ast.AST) -> list[str]:
    if type(target) is ast.Name:
        return [target.id]
    return [node.id for node in descendants(target) if isinstance(node, ast.Name)]


def _follow_module_aliases(modules: set[str], bindings: Bindings) -> None:
    """``x = st`` makes ``x`` a name of the module too."""
    while True:
        known = len(modules)
        for names, value in bindings:
            if isinstance(value, ast.Name) and value.id in modules:
                modules.update(names)
        if len(modules) == known:
            return


def is_constant(value: ast.expr | None) -> bool:
    """A literal that is not a container: writing it can neither fail to pickle
    nor start a fresh container."""
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    return isinstance(value, (ast.Constant, ast.JoinedStr))


_DISPLAYS = (ast.Tuple, ast.List, ast.Set, ast.Dict)

REPLACING_METHODS = frozenset({"update", "__setitem__"})
"""Storing methods that replace what a key held (``setdefault`` stores only
where it holds nothing)."""

MAX_NAMES_FOLLOWED = 32
"""Names followed through their bindings at once in deciding whether one holds
plain data; beyond, it is taken not to."""


class _PlainData:
    """Which expressions give plain data (text, numbers, bools, None, dates and
    times, and tuples, lists and sets of them) by their form alone:
    literals, operations on plain data, the values of Streamlit's
    :data:`~flake8_session_pickle.knowledge.streamlit.PLAIN_WIDGETS` and of the
    builtins that give plain data, and names every statement binding which,
    where a read of them may find it, binds them so: an assignment of plain
    data, or a ``for`` over a ``range`` or over a literal of plain data. Writing
    plain data cannot be refused, and a name holding it, read only within plain
    data written into a sink, need not be bound for the analysis: a name it
    finds bound nowhere tells it of nothing that pickle refuses.
    A parameter, any other binding (a call that changes what the name holds is
    one), or a star import, which may bind anything, make a name not plain."""

    def __init__(
        self,
        binders: dict[tuple[_Scope, str], list[_Statement]],
        streamlit_names: set[str],
        mentions: list[tuple[Sink, _Mentions]],
    ) -> None:
        self._binders = binders
        self._streamlit = streamlit_names
        self._mentions = mentions
        self.dicts: list[tuple[_Statement, list[tuple[SinkNumber, Hashable]]]] = []
        """Each write of a dict display judged plain, with the sinks and key it
        writes under."""
        self.sink_writes: set[int] = set()
        """The ``id`` of each statement a sink selects as a write into it."""
        self._names: dict[tuple[_Scope, str], bool] = {}
        self._assumed: set[tuple[_Scope, str]] = set()
        """Names being decided: a binding that reads the name itself
        (``count = count + 1``) is plain if the others are."""

    def write(self, statement: _Statement) -> bool:
        """Whether every value a simple statement stores is plain data without a
        dict, and, where it replaces what a key held, not a fresh container,
        which the analysis notes: later runs start again from it."""
        node = statement.node
        if any(
            isinstance(call.func, ast.Attribute) and call.func.attr in OPTION_WIDGETS
            for call in statement.calls
        ):
            return False  # keeps one of its options in session state
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            if statement.receivers:
                return False
            return self.scalar(node.value, statement.scope) or self._skippable_fresh(statement)
        if isinstance(node, ast.AugAssign):  # adds to what the key holds
            return not statement.receivers and self.value(node.value, statement.scope)
        stored = _storing_call(node)
        if stored is None or statement.receivers != [stored[1].value]:
            return False
        call, method = stored
        values = _arguments(call)
        if method.attr not in REPLACING_METHODS:
            return all(self.value(value, statement.scope) for value in values)
        if any(keyword.arg is None for keyword in call.keywords):
            return False  # ``**spread``
        if method.attr == "update" and call.args:
            items, *others = call.args
            if others or not isinstance(items, ast.Dict) or any(k is None for k in items.keys):
                return False
            values = [*items.values, *values[1:]]
        return all(self.scalar(value, statement.scope) for value in values)

    def _skippable_fresh(self, statement: _Statement) -> bool:
        """Whether the statement writes a fresh container of plain data without a
        dict in it (a dict display's items, a list's) directly under a literal key
        of a sink's root, named as such (``st.session_state.form``), where a run
        may skip it: what is added to the key's container afterwards then
        outlives the run whatever it writes, so it renews nothing. What reading
        the key back may give is a dict's view, refused wherever it is stored:
        the sink and key of a dict are noted in :attr:`dicts`, for the analysis."""
        node = statement.node
        assert isinstance(node, (ast.Assign, ast.AnnAssign))
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        value = node.value
        if len(targets) != 1 or not isinstance(value, _DISPLAYS):
            return False
        target = targets[0]
        if not isinstance(target, (ast.Attribute, ast.Subscript)) or not isinstance(
            target.value, ast.Attribute
        ):
            return False  # a name may be bound to what is under a key
        if isinstance(value, ast.Dict):
            if any(key is None for key in value.keys):
                return False  # ``**spread``
            items: list[ast.expr | None] = [*value.keys, *value.values]
        else:
            items = list(value.elts)
        if not all(self.value(item, statement.scope) for item in items):
            return False
        keys = [
            (sink.number, key)
            for sink, mentions in self._mentions
            if (key := _literal_key(target, mentions)) is not None
        ]
        if not keys or not _skippable(statement):
            return False
        if isinstance(value, ast.Dict):
            self.dicts.append((statement, keys))
        return True

    def needless_reads(self, statement: _Statement) -> set[str]:
        """The names a simple statement that writes into a sink reads only within
        plain data it stores there, where what they hold cannot change a report:
        not in its targets (where a name may be a key) nor in what it calls a
        method on. Not those of a statement binding a name, whose value may be
        a key elsewhere."""
        if id(statement) not in self.sink_writes or not any(
            self.name(name, statement.scope) for name in statement.loads
        ):
            return set()
        node = statement.node
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            values: list[ast.expr] = [node.value] if node.value is not None else []
        elif (stored := _storing_call(node)) is not None:
            values = _arguments(stored[0])
        else:
            return set()
        if not values or not all(
            self.value(value, statement.scope, dicts=True) for value in values
        ):
            return set()
        read = {
            found.id
            for value in values
            for found in descendants(value)
            if isinstance(found, ast.Name)
        }
        return read - _names_read_besides(node, values)

    def scalar(self, node: ast.expr | None, scope: _Scope) -> bool:
        return not isinstance(node, _DISPLAYS) and self.value(node, scope)

    def value(self, node: ast.expr | None, scope: _Scope, dicts: bool = False) -> bool:
        """Whether ``node`` gives plain data without a dict in it, or, if
        ``dicts``, with dicts of its own displays in it. What reads a dict back
        from session state may make a view of it, which pickle refuses, so a
        dict is plain only in a statement the analysis reads."""
        stack = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, (ast.Constant, ast.JoinedStr)):
                continue
            if isinstance(current, ast.Name):
                if not self.name(current.id, scope):
                    return False
            elif isinstance(current, ast.UnaryOp):
                stack.append(current.operand)
            elif isinstance(current, ast.BinOp):
                stack.extend((current.left, current.right))
            elif isinstance(current, ast.BoolOp):
                stack.extend(current.values)
            elif isinstance(current, ast.Compare):
                stack.extend((current.left, *current.comparators))
            elif isinstance(current, ast.IfExp):
                stack.extend((current.body, current.orelse))
            elif isinstance(current, (ast.Tuple, ast.List, ast.Set)):
                stack.extend(current.elts)
            elif isinstance(current, ast.Dict) and dicts:
                stack.extend((*current.keys, *current.values))  # ``**spread``: None
            elif not (isinstance(current, ast.Call) and self._call(current, scope)):
                return False
        return True

    def _call(self, call: ast.Call, scope: _Scope) -> bool:
        func = call.func
        arguments = _arguments(call)
        if isinstance(func, ast.Attribute):
            owner = func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "sidebar":
                owner = owner.value
            if isinstance(owner, ast.Name) and self._is_streamlit(owner.id, scope):
                return func.attr in PLAIN_WIDGETS
            # a method of plain data: ``prompt.strip()``, ``day.isoformat()``
            return (
                not func.attr.startswith("__")
                and func.attr not in VIEW_METHODS
                and all(self.value(value, scope) for value in (func.value, *arguments))
            )
        if not isinstance(func, ast.Name) or not self._builtin(func.id, scope):
            return False
        if func.id in PLAIN_RESULT_BUILTINS:
            return True
        return func.id in PLAIN_OF_PLAIN_BUILTINS and all(
            self.value(value, scope) for value in arguments
        )

    def _is_streamlit(self, name: str, scope: _Scope) -> bool:
        """Whether the name is bound to the module only by ``import streamlit``."""
        if name not in self._streamlit or _is_parameter(name, scope):
            return False
        return all(
            isinstance(binder.node, ast.Import)
            and all(
                alias.name == STREAMLIT
                for alias in binder.node.names
                if (alias.asname or alias.name.split(".")[0]) == name
            )
            for within in scope.chain
            for binder in self._binders.get((within, name), ())
        )

    def _builtin(self, name: str, scope: _Scope) -> bool:
        return not _is_parameter(name, scope) and not any(
            (within, name) in self._binders for within in scope.chain
        )

    def name(self, name: str, scope: _Scope) -> bool:
        key = (scope, name)
        known = self._names.get(key)
        if known is not None:
            return known
        if key in self._assumed:
            return True
        if len(self._assumed) >= MAX_NAMES_FOLLOWED:
            return False
        self._assumed.add(key)
        try:
            plain = self._bound_plain(name, scope)
        finally:
            self._assumed.discard(key)
        if not plain or not self._assumed:
            # Not plain, or plain on no assumption about a name still being decided.
            self._names[key] = plain
        return plain

    def _bound_plain(self, name: str, scope: _Scope) -> bool:
        binders = [
            binder for within in scope.chain for binder in self._binders.get((within, name), ())
        ]
        if not binders or _is_parameter(name, scope):
            return False
        return all(self._binds_plain(binder, name) for binder in binders)

    def _binds_plain(self, binder: _Statement, name: str) -> bool:
        node = binder.node
        if isinstance(node, ast.Assign):
            return all(isinstance(target, ast.Name) for target in node.targets) and self.value(
                node.value, binder.scope
            )
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            return (
                isinstance(node.target, ast.Name)
                and node.target.id == name
                and self.value(node.value, binder.scope)
            )
        if isinstance(node, (ast.If, ast.While)):
            # binds names only with ``:=`` in its conditions
            return name in binder.named and all(
                self.value(value, binder.scope) for value in binder.named[name]
            )
        if isinstance(node, (ast.For, ast.AsyncFor)):
            if not (isinstance(node.target, ast.Name) and node.target.id == name):
                return False
            iterated = node.iter
            if isinstance(iterated, (ast.Tuple, ast.List, ast.Set)):
                return self.value(iterated, binder.scope)
            return (
                isinstance(iterated, ast.Call)
                and isinstance(iterated.func, ast.Name)
                and iterated.func.id == "range"
                and self._builtin("range", binder.scope)
            )
        return False


def _arguments(call: ast.Call) -> list[ast.expr]:
    """The values a call passes, positionally and by keyword."""
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def _storing_call(statement: ast.stmt) -> tuple[ast.Call, ast.Attribute] | None:
    """The call of a method storing into what it is called on that makes up
    the statement (``log.append(x)``), with its method."""
    if (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Attribute)
        and statement.value.func.attr in STORING_METHODS
    ):
        return statement.value, statement.value.func
    return None


def _skippable(statement: _Statement) -> bool:
    """Whether a run may skip the statement within its own scope, as the analysis
    counts it: it is in the blocks of an ``if`` or ``elif`` (but where a test
    compares ``__name__``, as the ``__main__`` guard does, or tests a parameter
    alone, which a call may decide), or in the body of a ``while``."""
    child, current = statement, statement.parent
    while current is not None and not isinstance(current.node, (*_FUNCTIONS, ast.ClassDef)):
        node = current.node
        if isinstance(node, ast.While) and any(child.node is each for each in node.body):
            return True
        if isinstance(node, ast.If) and all(
            not _may_be_decided(test, current.scope) for test in _if_tests(node)
        ):
            return True
        child, current = current, current.parent
    return False


def _if_tests(statement: ast.If) -> list[ast.expr]:
    """The tests of an ``if`` and of the ``elif`` clauses after it (and of an
    ``if`` alone in its ``else``, which Python's parse does not tell apart)."""
    tests = [statement.test]
    while len(statement.orelse) == 1 and isinstance(statement.orelse[0], ast.If):
        statement = statement.orelse[0]
        tests.append(statement.test)
    return tests


def _may_be_decided(test: ast.expr, scope: _Scope) -> bool:
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.Name):
        return _is_parameter(test.id, scope)
    return isinstance(test, ast.Compare) and any(
        isinstance(side, ast.Name) and side.id == "__name__"
        for side in (test.left, *test.comparators)
    )


def _is_parameter(name: str, scope: _Scope) -> bool:
    """Whether a read in ``scope`` may find the name a parameter of a function."""
    return any(name in within.parameters for within in scope.chain)


def _names_read_besides(statement: ast.stmt, values: list[ast.expr]) -> set[str]:
    skipped = set(map(id, values))
    names: set[str] = set()
    stack: list[ast.AST] = [statement]
    while stack:
        node = stack.pop()
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Name):
            names.add(node.id)
        stack.extend(ast.iter_child_nodes(node))
    return names


class _Scope:
    """The module, or the body of a function whose statements are read one by one."""

    def __init__(self, parent: _Scope | None, parameters: frozenset[str] = frozenset()) -> None:
        self.chain: tuple[_Scope, ...] = (self,) if parent is None else (self, *parent.chain)
        """Where a name read in this scope may be found, innermost first."""
        self.declared_global: set[str] = set()
        self.declared_nonlocal: set[str] = set()
        self.parameters = parameters
        """The names of a function's parameters, for its body."""

    @property
    def module(self) -> _Scope:
        return self.chain[-1]


@dataclass(eq=False)
class _Statement:
    """What one statement reads, binds and writes by itself: all of it for a simple
    statement, a class or a ``match``; the header for other compound statements,
    whose blocks hold statements of their own."""

    node: ast.stmt
    parent: _Statement | None
    scope: _Scope
    loads: set[str] = field(default_factory=set)
    binds: set[str] = field(default_factory=set)
    """Every name the statement binds or changes, in any scope."""
    own: set[str] = field(default_factory=set)
    """The names it binds in its own scope."""
    reaching: set[str] = field(default_factory=set)
    """The names whose values it changes, or binds in a scope further out, from
    within: found wherever a read from its scope may find them."""
    body_scope: _Scope | None = None
    """A function's body, read statement by statement."""
    targets: list[ast.expr] = field(default_factory=list)
    """Assignment targets whose value is not a constant."""
    constant_targets: list[tuple[ast.expr, ast.expr]] = field(default_factory=list)
    """Assignment targets whose value is a constant, with the constant, also
    as a call writes them (``setdefault("k", None)``: the item ``["k"]`` of
    what the call is made on)."""
    receivers: list[ast.expr] = field(default_factory=list)
    """Objects a call may store a value into."""
    decorators: list[ast.expr] = field(default_factory=list)
    calls: list[ast.Call] = field(default_factory=list)
    blocks: list[list[_Statement]] = field(default_factory=list)
    always: bool = False
    """A star import, which may bind any name."""
    essential: bool = False
    """Kept whenever the statement around it is: what the analysis reads from a
    function beyond names (its returns, raises, yields, and a last statement
    holding any of them)."""
    stands_in: bool = False
    """A function's last statement holding no return, raise or yield: the
    analysis reads of it only that the body may run past its end, so where
    nothing selects it, ``pass`` stands in for it."""
    named: dict[str, list[ast.expr]] = field(default_factory=dict)
    """The values it binds names to with ``:=``."""
    line_mates: list[_Statement] = field(default_factory=list)
    """The statements it shares a physical line with, itself included."""
    selected: bool = False

    def writes(self, found: _Found) -> bool:
        return any(sink.selects(self, mentions) for sink, mentions in found.mentions)


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
TRY_STATEMENTS: tuple[type[ast.stmt], ...] = (
    ast.Try,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)
_ENDS_OR_YIELDS = (ast.Return, ast.Raise, ast.Yield, ast.YieldFrom)
"""What decides what a function returns: whether its body may fall off its end,
and whether it is a generator."""


class _Reader:
    def __init__(self, modules: frozenset[str], found: _Found, lines: list[str]) -> None:
        self._modules = modules
        self._found = found
        self._lines = lines
        self.statements: list[_Statement] = []
        self.within_strings: set[int] = set()
        """The lines within a string literal after its first, which are the
        string's text."""

    def block(
        self, body: list[ast.stmt], parent: _Statement | None, scope: _Scope
    ) -> list[_Statement]:
        read = [self.statement(statement, parent, scope) for statement in body]
        for group in line_groups(body, self._lines):
            mates = [read[index] for index in group]
            for summary in mates:
                summary.line_mates = mates
        return read

    def statement(
        self, statement: ast.stmt, parent: _Statement | None, scope: _Scope
    ) -> _Statement:
        summary = _Statement(statement, parent, scope)
        self.statements.append(summary)
        clauses = elif_clauses(statement, self._lines) if isinstance(statement, ast.If) else []
        blocks = compound_blocks(statement, clauses, self._lines)
        if blocks is None:
            self._walk(summary, [statement])
            return summary
        header: list[ast.AST] = []
        if isinstance(statement, _FUNCTIONS):
            summary.binds.add(statement.name)
            summary.own.add(statement.name)
            summary.body_scope = _Scope(scope, _parameters(statement.args))
            summary.decorators.extend(
                decorator.func if isinstance(decorator, ast.Call) else decorator
                for decorator in statement.decorator_list
            )
            header.extend(statement.decorator_list)
            header.append(statement.args)
            if statement.returns is not None:
                header.append(statement.returns)
            # Type parameters (``def f[T: "Bound"]()``) bind and read nothing the
            # analysis follows, but may hold string literals.
            for parameter in getattr(statement, "type_params", []):
                for node in descendants(parameter):
                    if type(node) in _STRINGS:
                        assert isinstance(node, ast.expr)
                        self._note_string(node)
        elif isinstance(statement, ast.If):
            header.extend(clause.test for clause in clauses)
        elif isinstance(statement, ast.While):
            header.append(statement.test)
        if isinstance(statement, (ast.If, ast.While)):
            # The analysis reads a condition only for the calls and ``:=`` in it,
            # so what a condition without any reads needs no binding; but for a
            # function's parameters, which decide a condition where a call gives
            # them constants, unless the function binds them again.
            passive = [test for test in header if not _acts(test)]
            if passive:
                header = [test for test in header if _acts(test)]
                read: set[str] = set()
                self._walk(summary, passive, loads=read)
                summary.loads.update(name for name in read if _is_parameter(name, scope))
        elif isinstance(statement, (ast.For, ast.AsyncFor)):
            header.extend((statement.target, statement.iter))
            summary.targets.append(statement.target)
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            header.extend(statement.items)
        elif isinstance(statement, TRY_STATEMENTS):
            for handler in getattr(statement, "handlers", ()):
                if handler.type is not None:
                    header.append(handler.type)
                if handler.name:
                    summary.binds.add(handler.name)
                    summary.own.add(handler.name)
        self._walk(summary, header)
        inner = summary.body_scope or scope
        summary.blocks = [self.block(block, summary, inner) for block in blocks]
        if isinstance(statement, _FUNCTIONS):
            last = summary.blocks[0][-1]  # whether the body ends in a return
            if last.essential or len(last.line_mates) > 1:
                last.essential = True
            else:
                last.stands_in = True
        if not isinstance(statement, _FUNCTIONS) and any(
            child.essential for block in summary.blocks for child in block
        ):
            summary.essential = True  # holds a return or a yield of the function
        return summary

    def _note_string(self, node: ast.expr) -> None:
        """Note the lines of a string literal after its first."""
        end = node.end_lineno
        if end is not None and end > node.lineno:
            self.within_strings.update(range(node.lineno + 1, end + 1))

    def _walk(
        self, summary: _Statement, roots: list[ast.AST], loads: set[str] | None = None
    ) -> None:
        """Read what ``roots``, parts of the statement outside any function, class,
        lambda or comprehension of its own, and everything within them, read,
        bind and write; what is bound inside such a nested scope stays there
        unless it changes a value or is declared ``global`` or ``nonlocal``.
        ``loads``: where the names read go, if not to the statement's."""
        loads = summary.loads if loads is None else loads
        binds, own, reaching = summary.binds, summary.own, summary.reaching
        found = self._found
        nested: list[ast.AST] = []
        stack = list(roots)
        inside = False
        while True:
            if not stack:
                if not nested:
                    return
                # What nested scopes bind is their own: it goes to a set no one reads.
                stack, nested, inside, own = nested, [], True, set()
            node = stack.pop()
            node_type = type(node)
            # Names and constants, half the nodes, first.
            if node_type is ast.Name:
                assert isinstance(node, ast.Name)
                if type(node.ctx) is ast.Load:
                    loads.add(node.id)
                else:
                    binds.add(node.id)
                    own.add(node.id)
                continue
            if node_type in _STRINGS:
                assert isinstance(node, ast.expr)
                if node.end_lineno != node.lineno:  # spans lines: rare
                    self._note_string(node)
                if node_type is ast.Constant:
                    continue
            # A nested scope's body is read apart.
            if not inside and node_type in _NESTED_SCOPES:
                outer, body = _scope_parts(node)
                stack.extend(outer)
                nested.extend(body)
            else:
                push_children(stack, node)
            if node_type not in _READ_TYPES:
                continue
            if node_type is ast.Call:
                assert isinstance(node, ast.Call)
                func = node.func
                summary.calls.append(node)
                if isinstance(func, ast.Attribute) and func.attr in STORING_METHODS:
                    if isinstance(func.value, ast.Name):
                        # fills the container the name holds
                        binds.add(func.value.id)
                        reaching.add(func.value.id)
                    values = _arguments(node)
                    if not all(map(is_constant, values)):
                        summary.receivers.append(func.value)
                    else:
                        summary.constant_targets.extend(_constant_items(node, func))
                elif isinstance(func, ast.Name) and func.id == "setattr" and node.args:
                    summary.receivers.append(node.args[0])
            elif node_type is ast.Assign:
                assert isinstance(node, ast.Assign)
                names = [name for target in node.targets for name in _bound_names(target)]
                found.bindings.append((names, node.value))
                changed = [
                    target.value.id
                    for target in node.targets
                    if isinstance(target, (ast.Subscript, ast.Attribute))
                    and isinstance(target.value, ast.Name)
                ]
                binds.update(changed)
                reaching.update(changed)
                if not is_constant(node.value):
                    summary.targets.extend(node.targets)
                else:
                    summary.constant_targets.extend((t, node.value) for t in node.targets)
            elif node_type is ast.AnnAssign or node_type is ast.AugAssign:
                assert isinstance(node, (ast.AnnAssign, ast.AugAssign))
                if node.value is not None:
                    found.bindings.append((_bound_names(node.target), node.value))
                    if not is_constant(node.value):
                        summary.targets.append(node.target)
                    elif node_type is ast.AnnAssign:
                        summary.constant_targets.append((node.target, node.value))
            elif node_type is ast.NamedExpr:
                assert isinstance(node, ast.NamedExpr)
                found.bindings.append(([node.target.id], node.value))
                summary.own.add(node.target.id)  # binds outside a comprehension it is in
                summary.named.setdefault(node.target.id, []).append(node.value)
            elif node_type is ast.withitem:
                assert isinstance(node, ast.withitem)
                if node.optional_vars is not None:
                    found.bindings.append((_bound_names(node.optional_vars), node.context_expr))
                    summary.targets.append(node.optional_vars)
            elif node_type is ast.For or node_type is ast.AsyncFor:
                assert isinstance(node, (ast.For, ast.AsyncFor))
                summary.targets.append(node.target)
            elif node_type is ast.FunctionDef or node_type is ast.AsyncFunctionDef:
                assert isinstance(node, _FUNCTIONS)
                binds.add(node.name)
                own.add(node.name)
                summary.decorators.extend(
                    decorator.func if isinstance(decorator, ast.Call) else decorator
                    for decorator in node.decorator_list
                )
            elif node_type is ast.ClassDef:
                assert isinstance(node, ast.ClassDef)
                binds.add(node.name)
                own.add(node.name)
            elif node_type in _ENDS_OR_YIELDS:
                summary.essential = True
            elif node_type is ast.Import:
                assert isinstance(node, ast.Import)
                for alias in node.names:
                    if alias.name == STREAMLIT:
                        found.streamlit_names.add(alias.asname or alias.name)
                    top = alias.name.split(".")[0]
                    binds.add(alias.asname or top)
                    own.add(alias.asname or top)
                    if top in self._modules:
                        found.module_names.add(alias.asname or top)
            elif node_type is ast.ImportFrom:
                assert isinstance(node, ast.ImportFrom)
                _import_from(node, self._modules, summary, own, found)
            elif node_type is ast.ExceptHandler:
                assert isinstance(node, ast.ExceptHandler)
                if node.name:
                    binds.add(node.name)
                    own.add(node.name)
            elif node_type is ast.Global or node_type is ast.Nonlocal:
                assert isinstance(node, (ast.Global, ast.Nonlocal))
                binds.update(node.names)
                if inside:
                    reaching.update(node.names)
                elif node_type is ast.Global:
                    summary.scope.declared_global.update(node.names)
                else:
                    summary.scope.declared_nonlocal.update(node.names)
            elif node_type is ast.MatchAs or node_type is ast.MatchStar:
                assert isinstance(node, (ast.MatchAs, ast.MatchStar))
                if node.name:
                    binds.add(node.name)
                    own.add(node.name)
            elif node_type is ast.MatchMapping:
                assert isinstance(node, ast.MatchMapping)
                if node.rest:
                    binds.add(node.rest)
                    own.add(node.rest)


_STRINGS = frozenset(
    {
        ast.Constant,
        ast.JoinedStr,
        *(getattr(ast, name) for name in ("TemplateStr",) if hasattr(ast, name)),
    }
)
"""What may hold a string literal: a constant, a formatted string, a template string."""

_READ_TYPES = frozenset(
    {
        ast.Name,
        ast.Call,
        ast.Assign,
        ast.AnnAssign,
        ast.AugAssign,
        ast.NamedExpr,
        ast.withitem,
        ast.For,
        ast.AsyncFor,
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        *_ENDS_OR_YIELDS,
        ast.Import,
        ast.ImportFrom,
        ast.ExceptHandler,
        ast.Global,
        ast.Nonlocal,
        ast.MatchAs,
        ast.MatchStar,
        ast.MatchMapping,
    }
)
"""The nodes :meth:`_Reader._walk` learns from; it only passes through the others."""

_NESTED_SCOPES = frozenset(
    {
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        ast.Lambda,
        ast.ListComp,
        ast.SetComp,
        ast.DictComp,
        ast.GeneratorExp,
    }
)


def _acts(test: ast.AST) -> bool:
    """Whether a condition calls anything or binds a name with ``:=``."""
    return any(isinstance(node, (ast.Call, ast.NamedExpr)) for node in descendants(test))


def _scope_parts(node: ast.AST) -> tuple[list[ast.AST], list[ast.AST]]:
    """What of a nested scope runs where it stands (decorators, defaults,
    annotations, bases), and what runs in the scope itself."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        header: list[ast.AST] = [*node.decorator_list, node.args]
        if node.returns is not None:
            header.append(node.returns)
        return header, list(node.body)
    if isinstance(node, ast.ClassDef):
        return [*node.decorator_list, *node.bases, *node.keywords], list(node.body)
    if isinstance(node, ast.Lambda):
        return [node.args], [node.body]
    return [], list(ast.iter_child_nodes(node))


_CHILD_FIELDS: dict[type[ast.AST], tuple[tuple[str, bool], ...]] = {}
_NOT_ONLY_NODES = frozenset(
    {
        (ast.Dict, "keys"),
        (ast.arguments, "kw_defaults"),
        (ast.Global, "names"),
        (ast.Nonlocal, "names"),
        (ast.MatchClass, "kwd_attrs"),
    }
)
"""List fields that may hold ``None`` or strings among their items."""


def descendants(node: ast.AST) -> list[ast.AST]:
    """The node and every node within it, in the order ``ast.walk`` gives them,
    less the contexts and operators."""
    nodes = [node]
    index = 0
    while index < len(nodes):
        push_children(nodes, nodes[index])
        index += 1
    return nodes


def push_children(stack: list[ast.AST], node: ast.AST) -> None:
    """Push the node's children, in the order ``ast.iter_child_nodes`` gives them,
    less the contexts and operators, which hold nothing."""
    fields = _CHILD_FIELDS.get(type(node))
    if fields is None:  # read once per node type
        fields = _child_fields(type(node))
    for name, only_nodes in fields:
        value = getattr(node, name, None)
        if type(value) is list:
            if only_nodes:
                stack.extend(value)
            else:
                stack.extend(item for item in value if isinstance(item, ast.AST))
        elif isinstance(value, ast.AST):
            stack.append(value)


def _child_fields(node_type: type[ast.AST]) -> tuple[tuple[str, bool], ...]:
    """The fields of a node type that may hold nodes, each with whether a list
    in it holds nothing but nodes, kept for the next node of the type."""
    fields = _CHILD_FIELDS[node_type] = tuple(
        (name, (node_type, name) not in _NOT_ONLY_NODES)
        for name in node_type._fields
        if may_hold_nodes(node_type, name)
    )
    return fields


def compound_blocks(
    statement: ast.stmt, clauses: list[ast.If], lines: list[str]
) -> list[list[ast.stmt]] | None:
    """The blocks of a compound statement whose statements each begin a line of
    their own, which can be left out line by line (for an ``if``, those of all
    its ``clauses``, the ``elif`` ones too); None for any other. ``lines`` are
    the file's, from line 1."""
    blocks: list[list[ast.stmt]]
    if isinstance(statement, ast.If):
        blocks = [*(clause.body for clause in clauses), clauses[-1].orelse]
    elif isinstance(statement, (*_FUNCTIONS, ast.With, ast.AsyncWith)):
        blocks = [statement.body]
    elif isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
        blocks = [statement.body, statement.orelse]
    elif isinstance(statement, TRY_STATEMENTS):
        blocks = [
            statement.body,  # type: ignore[attr-defined]
            *(handler.body for handler in statement.handlers),  # type: ignore[attr-defined]
            statement.orelse,  # type: ignore[attr-defined]
            statement.finalbody,  # type: ignore[attr-defined]
        ]
    else:
        return None
    blocks = [block for block in blocks if block]
    if all(_begins_line(block[0], lines) for block in blocks):
        return blocks
    return None


def _begins_line(statement: ast.stmt, lines: list[str]) -> bool:
    """Whether only indentation comes before the statement on its first line."""
    decorators = getattr(statement, "decorator_list", None)
    column = decorators[0].col_offset - 1 if decorators else statement.col_offset
    return not _before(lines[first_line(statement) - 1], column).strip()


def elif_clauses(statement: ast.If, lines: list[str]) -> list[ast.If]:
    """An ``if`` and its ``elif`` clauses, which Python nests one in the other."""
    clauses = [statement]
    while _is_elif(clauses[-1].orelse, lines):
        clause = clauses[-1].orelse[0]
        assert isinstance(clause, ast.If)
        clauses.append(clause)
    return clauses


def _is_elif(orelse: list[ast.stmt], lines: list[str]) -> bool:
    if len(orelse) != 1 or not isinstance(orelse[0], ast.If):
        return False
    statement = orelse[0]
    line = lines[statement.lineno - 1]
    if line.isascii():
        return line.startswith("elif", statement.col_offset)
    return line.encode()[statement.col_offset :].startswith(b"elif")


def _before(line: str, column: int) -> str | bytes:
    """What comes before a column of ``ast`` (counted in UTF-8 bytes) on a line."""
    return line[:column] if line.isascii() else line.encode()[:column]


def _import_from(
    node: ast.ImportFrom,
    modules: frozenset[str],
    summary: _Statement,
    own: set[str],
    found: _Found,
) -> None:
    from_app = bool(node.module) and (node.module or "").split(".")[0] in modules
    for alias in node.names:
        if alias.name == "*":
            summary.always = True
            continue
        name = alias.asname or alias.name
        summary.binds.add(name)
        own.add(name)
        if from_app:
            found.module_names.add(name)  # may be a submodule, like ``from myapp import state``
            for _, mentions in found.mentions:
                if alias.name in mentions.attributes:
                    mentions.aliases.add(name)


class _Found:
    """What the whole file binds, gathered while its statements are read."""

    def __init__(self, sinks: Sequence[Sink]) -> None:
        self.module_names: set[str] = set()
        self.streamlit_names: set[str] = set()
        """Names bound to the ``streamlit`` module itself."""
        self.mentions = [(sink, _Mentions(sink.attributes, self.module_names)) for sink in sinks]
        self.bindings: Bindings = []


def select(
    tree: ast.Module,
    source: str,
    sinks: Sequence[Sink],
    imported_writers: Writers = Writers(),
    parameter_modules: frozenset[str] = frozenset(),
) -> Selection | None:
    """The statements of ``tree`` (Python's parse of ``source``) the analysis needs,
    or None when the file holds no candidate write into any of the sinks.
    ``imported_writers``: the functions of the app's modules the file may call
    that store into a sink (``remember``, ``state.remember``).
    ``parameter_modules``: names of parameters taken for a sink's module
    (:func:`module_writers`)."""
    found = _Found(sinks)
    found.module_names.update(parameter_modules)
    lines = LINE.findall(source)
    reader = _Reader(frozenset(module for sink in sinks for module in sink.modules), found, lines)
    try:
        body = reader.block(tree.body, None, _Scope(None))
        if any(statement.always for statement in body):
            found.module_names.update(_unbound_roots(tree, reader.statements, found))
        if not found.module_names and not imported_writers:
            return None
        found.bindings.extend(_parameter_bindings(reader.statements))
        _follow_module_aliases(found.module_names, found.bindings)
        for _, mentions in found.mentions:
            mentions.follow(found.bindings)
        chosen = [s for s in reader.statements if s.writes(found)]
        if not chosen and not imported_writers:
            return None
        binders = _binders(reader.statements)
        plain = None
        if not any(statement.always for statement in body):
            plain = _PlainData(binders, found.streamlit_names, found.mentions)
            plain.sink_writes.update(map(id, chosen))
            chosen = [s for s in chosen if s.blocks or not plain.write(s)]
        # A read of a key after a write of it in the same scope finds what was
        # written, so the writes of data over it there are run too.
        kept_keys = {key for s in chosen for key in _written_keys(s, found)}
        if kept_keys:
            kept_keys &= {key for s in chosen for key in _read_keys(s, found)}
        if kept_keys:
            taken = set(map(id, chosen))
            chosen.extend(
                s
                for s in reader.statements
                if id(s) not in taken and not kept_keys.isdisjoint(_written_keys(s, found))
            )
        if imported_writers.places:
            taken = set(map(id, chosen))
            chosen.extend(
                statement
                for statement in reader.statements
                if id(statement) not in taken
                and any(
                    _gives_sink(call, imported_writers.places, found) for call in statement.calls
                )
            )
        writers = _writers(chosen, reader.statements, imported_writers.values, found, lines)
        writers |= imported_writers.places
        if not chosen:
            return None
        chosen.extend(statement for statement in body if statement.always)
        uses = _uses(reader.statements, chosen)
        chosen.extend(uses or ())
        _choose(chosen, binders, plain=plain)
        left_out_dicts = frozenset(
            key
            for statement, keys in (plain.dicts if plain is not None else ())
            if not statement.selected
            for key in keys
        )
        return Selection(
            _units(body, lines, reader.within_strings),
            frozenset(found.module_names),
            lines,
            writers,
            _constant_writes(reader.statements, found),
            left_out_dicts,
            follows_uses=uses is not None,
        )
    finally:
        _release(reader.statements)


def _uses(statements: list[_Statement], chosen: list[_Statement]) -> list[_Statement] | None:
    """The statements not chosen that call a method after which a stored value of
    some type no longer pickles (:attr:`TypeRow.used_by`), or enter an object
    (``with``, ``ExitStack.enter_context``) whose ``__enter__`` or ``__aenter__``
    may be one: whether a value stored elsewhere pickles depends on them. None
    where the file imports none of those types' packages, whose uses the
    analysis then takes from its text."""
    # What the analysis needs of the tables anyway, now that a write is chosen;
    # the user's rows name no such methods.
    from flake8_session_pickle.knowledge import default_knowledge, using_packages

    packages = using_packages()
    if not any(
        name.split(".")[0] in packages for statement in statements for name in _imported(statement)
    ):
        return None
    methods = default_knowledge().using_methods
    entering = {
        ast.With: "__enter__" in methods,
        ast.AsyncWith: "__aenter__" in methods,
    }
    taken = set(map(id, chosen))
    return [
        statement
        for statement in statements
        if id(statement) not in taken
        and (
            entering.get(type(statement.node), False)
            or any(
                isinstance(call.func, ast.Attribute)
                and (call.func.attr in methods or ENTERING_CALLS.get(call.func.attr, "") in methods)
                for call in statement.calls
            )
        )
    ]


def _imported(statement: _Statement) -> list[str]:
    """The absolute names of the modules an import statement imports."""
    node = statement.node
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and not node.level and node.module:
        return [node.module]
    return []


def _written_keys(statement: _Statement, found: _Found) -> set[tuple[int, Hashable]]:
    """The keys of watched places the statement assigns by name, with the scope
    it runs in (by ``id``)."""
    targets = [*statement.targets, *(target for target, _ in statement.constant_targets)]
    return _keys(statement, targets, found)


def _read_keys(statement: _Statement, found: _Found) -> set[tuple[int, Hashable]]:
    """The keys of watched places a simple statement reads by name, with the
    scope it runs in (by ``id``)."""
    if statement.blocks or statement.body_scope is not None:
        return set()
    reads = [
        node
        for node in descendants(statement.node)
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Load)
    ]
    return _keys(statement, reads, found)


def _keys(
    statement: _Statement, nodes: Sequence[ast.expr], found: _Found
) -> set[tuple[int, Hashable]]:
    keys: set[tuple[int, Hashable]] = set()
    for node in nodes:
        for _, mentions in found.mentions:
            key = _literal_key(node, mentions)
            if key is not None:
                keys.add((id(statement.scope), key))
    return keys


def _constant_writes(
    statements: list[_Statement], found: _Found
) -> frozenset[tuple[SinkNumber, Hashable, Hashable]]:
    """What :attr:`Selection.constant_writes` holds, from every statement read."""
    writes: set[tuple[SinkNumber, Hashable, Hashable]] = set()
    for statement in statements:
        for target, value in statement.constant_targets:
            keys = [
                (sink.number, key)
                for sink, mentions in found.mentions
                if (key := _literal_key(target, mentions)) is not None
            ]
            if not keys:
                continue
            try:
                literal: Hashable = ast.literal_eval(value)
            except ValueError:
                literal = ""  # an f-string: text, which pickles as any text does
            writes.update((number, key, literal) for number, key in keys)
    return frozenset(writes)


def _literal_key(node: ast.expr, mentions: _Mentions) -> Hashable | None:
    """The key under which ``node`` reaches into a sink's root by a literal
    (``st.session_state.log``, ``st.session_state["log"]``); None otherwise."""
    if isinstance(node, ast.Attribute) and mentions.denotes(node.value):
        return node.attr
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.slice, ast.Constant)
        and mentions.denotes(node.value)
    ):
        key: Hashable = node.slice.value
        return key
    return None


def _constant_items(call: ast.Call, func: ast.Attribute) -> list[tuple[ast.expr, ast.expr]]:
    """The items a call of a storing method with constant arguments writes, as
    targets of what it is called on (``d.setdefault("k", None)``,
    ``d.update(k=0)``)."""
    if func.attr == "setdefault" and len(call.args) == 2 and not call.keywords:
        key, value = call.args
        return [(ast.Subscript(func.value, key, ast.Store()), value)]
    if func.attr == "update" and not call.args:
        return [
            (ast.Subscript(func.value, ast.Constant(keyword.arg), ast.Store()), keyword.value)
            for keyword in call.keywords
            if keyword.arg is not None
        ]
    return []


def _writers(
    chosen: list[_Statement],
    statements: list[_Statement],
    imported: frozenset[str],
    found: _Found,
    lines: list[str],
) -> frozenset[str]:
    """The names of the functions with parameters that hold a chosen statement
    (``.name`` for a method, also of a chosen class whose method writes), and,
    added to ``chosen``, each statement that calls one of them by its name, a
    method by its attribute, or one of the ``imported`` writers by its dotted
    name, with an argument that is not a literal constant, which makes the
    function that statement is in one of them too; the imported writers besides."""
    writers: set[str] = set(imported)
    new = chosen
    taken = set(map(id, chosen))
    while True:
        known = len(writers)
        for statement in new:
            if isinstance(statement.node, ast.ClassDef):
                writers.update(f".{name}" for name in _writing_methods(statement, found, lines))
            around = _function_around(statement)
            if around is None:
                continue
            function = around.node
            assert isinstance(function, _FUNCTIONS)
            if _parameters(function.args):
                method = around.parent is not None and isinstance(around.parent.node, ast.ClassDef)
                writers.add(("." if method else "") + function.name)
        if len(writers) == known and (new is not chosen or not imported):
            # Every call of the functions known already was found before.
            return frozenset(writers)
        new = [
            statement
            for statement in statements
            if id(statement) not in taken
            and any(_passes_values(call, writers) for call in statement.calls)
        ]
        taken.update(map(id, new))
        chosen.extend(new)


def _writing_methods(statement: _Statement, found: _Found, lines: list[str]) -> Iterator[str]:
    """The methods of a class (read as one statement) with parameters besides
    their instance or class that write into a sink."""
    cls = statement.node
    assert isinstance(cls, ast.ClassDef)
    # A reader of its own, so that the file's bindings are not read twice.
    reader = _Reader(frozenset(), _Found(()), lines)
    for method in cls.body:
        if not isinstance(method, ast.FunctionDef):
            continue
        if len(_parameters(method.args)) <= _bound_first(method):
            continue
        summary = _Statement(method, None, statement.scope)
        reader._walk(summary, list[ast.AST](method.body))
        if any(sink.selects(summary, mentions) for sink, mentions in found.mentions):
            yield method.name


def _parameter_bindings(statements: list[_Statement]) -> Bindings:
    """The parameters of the file's functions and methods bound to what the
    file's calls of them by name pass (``keep(st.session_state)`` makes the
    ``state`` of ``def keep(state)`` a name of session state, ``init(st)`` the
    ``st`` of ``def init(st)`` a name of the module)."""
    functions: dict[str, list[tuple[ast.arguments, int]]] = {}
    methods: dict[str, list[tuple[ast.arguments, int]]] = {}
    for statement in statements:
        node = statement.node
        if isinstance(node, _FUNCTIONS):
            functions.setdefault(node.name, []).append((node.args, 0))
        elif isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, _FUNCTIONS):
                    methods.setdefault(method.name, []).append((method.args, _bound_first(method)))
    if not functions and not methods:
        return []
    # once per parameter name and argument: many methods may share a name (``get``)
    bindings: dict[tuple[str, int], tuple[list[str], ast.expr]] = {}
    for statement in statements:
        for call in statement.calls:
            func = call.func
            if isinstance(func, ast.Name):
                called = functions.get(func.id, ())
            elif isinstance(func, ast.Attribute):
                called = methods.get(func.attr, ())
            else:
                continue
            for arguments, skipped in called:
                for names, value in _passed(call, arguments, skipped):
                    bindings.setdefault((names[0], id(value)), (names, value))
    return list(bindings.values())


def _passed(call: ast.Call, arguments: ast.arguments, skipped: int) -> Bindings:
    """Each parameter with what ``call`` passes it, less the ``skipped`` first
    positional ones (an instance or class the call is made on)."""
    positional = [*arguments.posonlyargs, *arguments.args][skipped:]
    passed: Bindings = []
    for parameter, value in zip(positional, call.args, strict=False):
        if isinstance(value, ast.Starred):
            break
        if _may_mention(value):
            passed.append(([parameter.arg], value))
    named = {parameter.arg for parameter in (*positional, *arguments.kwonlyargs)}
    passed.extend(
        ([keyword.arg], keyword.value)
        for keyword in call.keywords
        if keyword.arg is not None and keyword.arg in named and _may_mention(keyword.value)
    )
    return passed


_MENTIONING = (
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.NamedExpr,
    ast.Tuple,
    ast.List,
    ast.IfExp,
    ast.BoolOp,
)


def _may_mention(value: ast.expr) -> bool:
    """Whether a value may be a module or a mention (:meth:`_Mentions.anywhere`)."""
    return isinstance(value, _MENTIONING) or _reads_item(value)


def _bound_first(method: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """How many first parameters of a method its call does not give: its instance
    or class, none for a static method."""
    static = any(
        isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
        for decorator in method.decorator_list
    )
    return 0 if static else 1


def _function_around(statement: _Statement) -> _Statement | None:
    """The innermost function definition the statement is in."""
    around = statement.parent
    while around is not None:
        if isinstance(around.node, _FUNCTIONS):
            return around
        around = around.parent
    return None


def _parameters(arguments: ast.arguments) -> frozenset[str]:
    listed = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
    starred = (arguments.vararg, arguments.kwarg)
    return frozenset(parameter.arg for parameter in (*listed, *starred) if parameter is not None)


def _calls_one_of(call: ast.Call, functions: set[str] | frozenset[str]) -> bool:
    """Whether the call calls one of ``functions`` by its dotted name, or a method
    of theirs (``.name``) by its attribute."""
    func = call.func
    return dotted_name(func) in functions or (
        isinstance(func, ast.Attribute) and f".{func.attr}" in functions
    )


def _passes_values(call: ast.Call, writers: set[str] | frozenset[str]) -> bool:
    return _calls_one_of(call, writers) and not all(map(is_constant, _arguments(call)))


def _gives_sink(call: ast.Call, functions: frozenset[str], found: _Found) -> bool:
    """Whether the call calls one of ``functions`` and gives it a sink's object
    (``keep(st.session_state)``)."""
    return _calls_one_of(call, functions) and any(
        mentions.anywhere(argument)
        for argument in _arguments(call)
        for _, mentions in found.mentions
    )


def dotted_name(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def module_writers(
    tree: ast.Module, source: str, sinks: Sequence[Sink], imported: Writers = Writers()
) -> Writers:
    """The functions of a module of the app (``tree`` is Python's parse of
    ``source``) that may store into a sink: module-level functions storing what
    a call gives them, themselves or through such a function of the module, or
    one it ``imported`` from another, they pass it to (``def remember(key,
    value): st.session_state[key] = value``), also through a parameter that a
    call may give the sink's module (``def init(st): st.session_state.db =
    connect()``); and module-level functions and methods storing into what a
    parameter is given, which a call may give a sink's object (``def keep(state):
    state.db = connect()``)."""
    functions = [statement for statement in tree.body if isinstance(statement, ast.FunctionDef)]
    places = _storing_into_parameters(tree)
    attributes = frozenset(attribute for sink in sinks for attribute in sink.attributes)
    selection = select(
        tree,
        source,
        sinks,
        Writers(imported.values),
        parameter_modules=_module_parameters(functions, attributes),
    )
    if selection is None or not selection.writers:
        return Writers(places=places)
    values = frozenset(
        name
        for name in selection.writers
        if name.startswith(".") or any(function.name == name for function in functions)
    )
    return Writers(values, places - values)


def _storing_into_parameters(tree: ast.Module) -> frozenset[str]:
    """The module-level functions, and the methods of module-level classes
    (``.name``), that store a value into what one of their parameters is given,
    besides a method's instance or class: by assigning to an item or attribute
    of it, or calling a method of it that stores (``state.update(...)``)."""
    found: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, _FUNCTIONS):
            if _stores_into(statement, _parameters(statement.args)):
                found.add(statement.name)
        elif isinstance(statement, ast.ClassDef):
            for method in statement.body:
                if not isinstance(method, _FUNCTIONS):
                    continue
                positional = [*method.args.posonlyargs, *method.args.args]
                bound = {parameter.arg for parameter in positional[: _bound_first(method)]}
                if _stores_into(method, _parameters(method.args) - bound):
                    found.add(f".{method.name}")
    return frozenset(found)


def _stores_into(function: ast.FunctionDef | ast.AsyncFunctionDef, names: frozenset[str]) -> bool:
    """Whether the function stores a value that is not a literal constant into
    an item or attribute of what one of ``names`` holds."""
    if not names:
        return False
    for node in descendants(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if not is_constant(node.value) and any(
                isinstance(target, (ast.Subscript, ast.Attribute)) and root_name(target) in names
                for target in targets
            ):
                return True
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in STORING_METHODS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in names
            and not all(map(is_constant, _arguments(node)))
        ):
            return True
    return False


def _module_parameters(
    functions: list[ast.FunctionDef], attributes: frozenset[str]
) -> frozenset[str]:
    """The parameters of the functions on which the functions read one of a
    sink's ``attributes`` (``st.session_state`` with ``st`` a parameter)."""
    found: set[str] = set()
    for function in functions:
        parameters = _parameters(function.args)
        found.update(
            node.value.id
            for node in descendants(function)
            if isinstance(node, ast.Attribute)
            and node.attr in attributes
            and isinstance(node.value, ast.Name)
            and node.value.id in parameters
        )
    return frozenset(found)


def select_bindings(
    tree: ast.Module, source: str, names: frozenset[str] | None
) -> tuple[tuple[Unit, ...], frozenset[str] | None]:
    """The module-level statements of a module of the app (``tree`` is Python's
    parse of ``source``) that a run of it needs for what it binds to ``names``
    (None: to every name): those binding the names, and those binding what
    they read, each taken whole, so that a statement's text is the same
    whatever names are asked for. Also the names the run binds as a run for
    every name would (None: all): ``names``, and every name whose binding
    statements are all among those kept, as what they need is kept too."""
    lines = LINE.findall(source)
    reader = _Reader(frozenset(), _Found(()), lines)
    module = _Scope(None)
    try:
        body = reader.block(tree.body, None, module)
        binders = _binders(reader.statements)
        if names is None:
            chosen = list(body)
        else:
            chosen = [binder for name in names for binder in binders.get((module, name), ())]
            chosen.extend(statement for statement in body if statement.always)
        _choose(chosen, binders, whole=True)
        served = None
        if names is not None:
            served = names | {
                name
                for (scope, name), statements in binders.items()
                if scope is module and all(statement.selected for statement in statements)
            }
        return _units(body, lines, reader.within_strings), served
    finally:
        _release(reader.statements)


def _release(statements: list[_Statement]) -> None:
    """Undo the links between the statements read, and of each scope to itself,
    which the cycle collector, paused while a file is checked, would otherwise
    be left to find."""
    for statement in statements:
        statement.parent = None
        statement.blocks = []
        statement.line_mates = []
        statement.scope.chain = ()


def _unbound_roots(tree: ast.Module, statements: list[_Statement], found: _Found) -> set[str]:
    """Names the file never binds that it reaches a sink's attribute through
    (``st.session_state``), which a star import (``from utils import *``) may
    bind to the module: the analysis resolves the import."""
    bound = {name for statement in statements for name in statement.binds}
    attributes = {attribute for _, mentions in found.mentions for attribute in mentions.attributes}
    return {
        node.value.id
        for node in descendants(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in attributes
        and isinstance(node.value, ast.Name)
        and node.value.id not in bound
    }


def _choose(
    chosen: list[_Statement],
    binders: dict[tuple[_Scope, str], list[_Statement]],
    whole: bool = False,
    plain: _PlainData | None = None,
) -> None:
    """Select the chosen statements, and what they need: the statements around
    them, their line mates, the essential statements of a selected block (all
    of them if ``whole``), and the statements binding a name a selected
    statement reads where the read may find it (``binders``: by scope and name),
    unless the name holds only ``plain`` data."""
    needed: set[tuple[_Scope, str]] = set()
    pending = chosen
    while pending:
        statement = pending.pop()
        if statement.selected:
            continue
        statement.selected = True
        if statement.parent is not None:
            pending.append(statement.parent)
        pending.extend(statement.line_mates)
        for block in statement.blocks:
            pending.extend(child for child in block if whole or child.essential)
        needless = plain.needless_reads(statement) if plain is not None else set()
        for name in statement.loads:
            if name in needless:
                continue
            for scope in statement.scope.chain:
                if (scope, name) not in needed:
                    needed.add((scope, name))
                    pending.extend(binders.get((scope, name), ()))


def _binders(statements: list[_Statement]) -> dict[tuple[_Scope, str], list[_Statement]]:
    """The statements that bind or change each name of each scope."""
    binders: dict[tuple[_Scope, str], list[_Statement]] = {}

    def add(scopes: tuple[_Scope, ...], names: set[str], statement: _Statement) -> None:
        for name in names:
            for scope in scopes:
                binders.setdefault((scope, name), []).append(statement)

    for statement in statements:
        scope = statement.scope
        declared_global = scope.declared_global
        declared_outside = declared_global | scope.declared_nonlocal
        add((scope,), statement.own - declared_outside, statement)
        add((scope.module,), statement.own & declared_global, statement)
        add(scope.chain, (statement.own & scope.declared_nonlocal) | statement.reaching, statement)
        if isinstance(statement.node, ast.Global):
            add((scope.module,), set(statement.node.names), statement)
        elif isinstance(statement.node, ast.Nonlocal):
            add(scope.chain, set(statement.node.names), statement)
    return binders


def _units(
    body: list[_Statement], lines: list[str], within_strings: Container[int]
) -> tuple[Unit, ...]:
    """The selected module-level statements, grouped by the lines they share,
    less the lines of what is not selected within them, and less the lines that
    hold nothing but blanks or a comment, outside a string literal
    (``within_strings``): libcst would make nodes of them (a fifth of the lines
    of the units of real apps, and of generated pages), which the analysis
    never reads."""
    units = []
    for group in line_groups([statement.node for statement in body], lines):
        members = [body[index] for index in group]
        if not members[0].selected:
            continue
        first = first_line(members[0].node)
        last = max(member.node.end_lineno or first for member in members)
        text = lines[first - 1 : last]
        left_out: list[int] = []
        dropped: set[int] = set()
        for member in members:
            _leave_out_unselected(member, text, first, left_out, dropped)
        kept = tuple(
            number
            for number in range(first, last + 1)
            if number not in dropped
            and (not _quiet(text[number - first]) or number in within_strings)
        )
        unit_text = "".join(text[number - first] for number in kept)
        if "\r" in unit_text:
            unit_text = "".join(newline_ended(text[number - first]) for number in kept)
        units.append(
            Unit(
                first,
                tuple(member.node for member in members),
                unit_text,
                kept,
                frozenset(left_out),
                frozenset(number for number in kept if number in within_strings),
            )
        )
    return tuple(units)


def _quiet(line: str) -> bool:
    """Whether the line holds nothing but blanks or a comment, outside a string."""
    stripped = line.lstrip()
    return not stripped or stripped[0] == "#"


def newline_ended(line: str) -> str:
    """The line ending in a line feed, as Python reads any line break. Set beside
    a line it did not stand beside, a line ending in a bare carriage return would
    make one line with the next if that one is blank."""
    body = line.rstrip("\r\n")
    return line if len(body) == len(line) else f"{body}\n"


def _leave_out_unselected(
    statement: _Statement, text: list[str], offset: int, left_out: list[int], dropped: set[int]
) -> None:
    for block in statement.blocks:
        if not any(child.selected for child in block):
            # A block cannot be empty: ``pass`` stands in for what it held.
            for child in block:
                _drop(child.node, dropped)
                left_out.append(id(child.node))
            _pass_at(first_line(block[0].node), text, offset, dropped)
            continue
        for child in block:
            if child.selected:
                _leave_out_unselected(child, text, offset, left_out, dropped)
            else:
                _drop(child.node, dropped)
                left_out.append(id(child.node))
                if child.stands_in:
                    _pass_at(first_line(child.node), text, offset, dropped)


def _pass_at(head: int, text: list[str], offset: int, dropped: set[int]) -> None:
    """``pass`` on the file's line ``head``, indented as the statement that began there."""
    line = text[head - offset]
    indent = line[: len(line) - len(line.lstrip())]
    text[head - offset] = f"{indent}pass{line_break(line)}"
    dropped.discard(head)


def _drop(statement: ast.stmt, dropped: set[int]) -> None:
    dropped.update(range(first_line(statement), (statement.end_lineno or 0) + 1))


def line_break(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def line_groups(body: list[ast.stmt], lines: list[str]) -> list[list[int]]:
    """Indexes of the statements of a block, grouped by the physical lines they share."""
    groups: list[list[int]] = []
    last = 0
    for index, statement in enumerate(body):
        first = first_line(statement)
        # A backslash continues the previous line's logical line into this one.
        continued = last and lines[last - 1].rstrip("\r\n").endswith("\\")
        if groups and (first <= last or continued):
            groups[-1].append(index)
        else:
            groups.append([index])
        last = max(last, statement.end_lineno or first)
    return groups


def first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno
