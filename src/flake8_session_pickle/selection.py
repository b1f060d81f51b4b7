"""Which statements of a file the analysis needs, decided on Python's own ``ast``,
so that libcst parses only those, and files without any are never parsed.

A module-level statement is selected when it holds a candidate write: a write
whose target, receiver or ``setattr`` owner is reached through
``<module>.session_state`` (the module imported under any name) or a name bound
from such an expression, unless every value it writes is a literal constant,
which pickles; or a function decorated with ``<module>.cache_data`` or a name
bound to it. An object that merely has a ``session_state`` attribute
(``self.session_state``) does not count, as it does not for the analysis.

The analysis follows values only through names, so a statement is also selected
when it binds a name that a selected statement reads, anywhere in it; star
imports, which may bind anything, are always selected. What is left (output
calls such as ``st.write(...)``, and code that neither writes session state nor
feeds what is written) cannot change a report.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from flake8_session_pickle.streamlit_api import CACHE_DATA_PATHS, CONTAINER_WRITE_METHODS

CACHE_DATA_NAMES = frozenset(path.rsplit(".", 1)[-1] for path in CACHE_DATA_PATHS)

Bindings = list[tuple[list[str], ast.expr]]

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
"""A physical line as Python counts them, with its line break."""


@dataclass(frozen=True)
class Unit:
    """Module-level statements that share physical lines, parsed together."""

    first_line: int
    """1-based, the first decorator's line for a decorated definition."""
    statements: tuple[ast.stmt, ...]
    text: str
    """The unit's lines, whole."""


@dataclass(frozen=True)
class Selection:
    units: tuple[Unit, ...]
    """In source order."""
    module_names: frozenset[str]
    """Names bound to the modules session state comes from (``st``)."""

    @property
    def tree(self) -> ast.Module:
        """The selected statements as a module of their own."""
        return ast.Module(
            body=[statement for unit in self.units for statement in unit.statements],
            type_ignores=[],
        )


def _root_name(node: ast.expr) -> str | None:
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
            return _root_name(node.value) in self.modules
        return isinstance(node, ast.Name) and node.id in self.aliases

    def rooted(self, node: ast.expr) -> bool:
        """Whether the place ``node`` is reached from a mention."""
        while True:
            if self.denotes(node):
                return True
            if isinstance(node, (ast.Attribute, ast.Subscript)):
                node = node.value
            else:
                return False

    def anywhere(self, node: ast.expr) -> bool:
        """Whether the value may be a mention: it is one, or holds one the way the
        analysis follows values (attribute and item chains, literal tuples and
        lists, conditional and boolean expressions); calls are not followed."""
        stack = [node]
        while stack:
            current = stack.pop()
            if self.denotes(current):
                return True
            if isinstance(current, (ast.Attribute, ast.Subscript, ast.Starred, ast.NamedExpr)):
                stack.append(current.value)
            elif isinstance(current, (ast.Tuple, ast.List)):
                stack.extend(current.elts)
            elif isinstance(current, ast.IfExp):
                stack.extend((current.body, current.orelse))
            elif isinstance(current, ast.BoolOp):
                stack.extend(current.values)
        return False

    def follow(self, bindings: Bindings) -> None:
        """Add the names bound, directly or through other names, to a mention."""
        while True:
            known = len(self.aliases)
            for names, value in bindings:
                if not self.aliases.issuperset(names) and self.anywhere(value):
                    self.aliases.update(names)
            if len(self.aliases) == known:
                return


def _bound_names(target: ast.AST) -> list[str]:
    return [node.id for node in ast.walk(target) if isinstance(node, ast.Name)]


def _follow_module_aliases(modules: set[str], bindings: Bindings) -> None:
    """``x = st`` makes ``x`` a name of the module too."""
    while True:
        known = len(modules)
        for names, value in bindings:
            if isinstance(value, ast.Name) and value.id in modules:
                modules.update(names)
        if len(modules) == known:
            return


def _is_constant(value: ast.expr | None) -> bool:
    """A literal that is not a container: writing it can neither fail to pickle
    nor start a fresh container."""
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    return isinstance(value, (ast.Constant, ast.JoinedStr))


@dataclass
class _Statement:
    """What one module-level statement reads, binds and writes."""

    node: ast.stmt
    loads: set[str] = field(default_factory=set)
    binds: set[str] = field(default_factory=set)
    targets: list[ast.expr] = field(default_factory=list)
    """Assignment targets whose value is not a constant."""
    receivers: list[ast.expr] = field(default_factory=list)
    """Objects a call may store a value into."""
    decorators: list[ast.expr] = field(default_factory=list)
    always: bool = False
    """A star import, which may bind any name."""

    def writes(self, state: _Mentions, cache: _Mentions) -> bool:
        return (
            any(_target_rooted(target, state) for target in self.targets)
            or any(state.rooted(receiver) for receiver in self.receivers)
            or any(cache.denotes(decorator) for decorator in self.decorators)
        )


def _read(statement: ast.stmt, modules: frozenset[str], found: _Found) -> _Statement:
    summary = _Statement(statement)
    loads, binds = summary.loads, summary.binds
    for node in ast.walk(statement):
        node_type = type(node)
        if node_type is ast.Name:
            assert isinstance(node, ast.Name)
            (loads if type(node.ctx) is ast.Load else binds).add(node.id)
        elif node_type is ast.Call:
            assert isinstance(node, ast.Call)
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in CONTAINER_WRITE_METHODS:
                if not all(map(_is_constant, (*node.args, *(k.value for k in node.keywords)))):
                    summary.receivers.append(func.value)
            elif isinstance(func, ast.Name) and func.id == "setattr" and node.args:
                summary.receivers.append(node.args[0])
        elif node_type is ast.Assign:
            assert isinstance(node, ast.Assign)
            found.bindings.append(([n for t in node.targets for n in _bound_names(t)], node.value))
            if not _is_constant(node.value):
                summary.targets.extend(node.targets)
        elif node_type is ast.AnnAssign or node_type is ast.AugAssign:
            assert isinstance(node, (ast.AnnAssign, ast.AugAssign))
            if node.value is not None:
                found.bindings.append((_bound_names(node.target), node.value))
                if not _is_constant(node.value):
                    summary.targets.append(node.target)
        elif node_type is ast.NamedExpr:
            assert isinstance(node, ast.NamedExpr)
            found.bindings.append(([node.target.id], node.value))
        elif node_type is ast.withitem:
            assert isinstance(node, ast.withitem)
            if node.optional_vars is not None:
                found.bindings.append((_bound_names(node.optional_vars), node.context_expr))
        elif node_type is ast.FunctionDef or node_type is ast.AsyncFunctionDef:
            assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            binds.add(node.name)
            summary.decorators.extend(
                decorator.func if isinstance(decorator, ast.Call) else decorator
                for decorator in node.decorator_list
            )
        elif node_type is ast.ClassDef:
            assert isinstance(node, ast.ClassDef)
            binds.add(node.name)
        elif node_type is ast.Import:
            assert isinstance(node, ast.Import)
            for alias in node.names:
                top = alias.name.split(".")[0]
                binds.add(alias.asname or top)
                if top in modules:
                    found.module_names.add(alias.asname or top)
        elif node_type is ast.ImportFrom:
            assert isinstance(node, ast.ImportFrom)
            _import_from(node, modules, summary, found)
        elif node_type is ast.ExceptHandler:
            assert isinstance(node, ast.ExceptHandler)
            if node.name:
                binds.add(node.name)
        elif node_type is ast.Global or node_type is ast.Nonlocal:
            assert isinstance(node, (ast.Global, ast.Nonlocal))
            binds.update(node.names)
        elif node_type is ast.MatchAs or node_type is ast.MatchStar:
            assert isinstance(node, (ast.MatchAs, ast.MatchStar))
            if node.name:
                binds.add(node.name)
        elif node_type is ast.MatchMapping:
            assert isinstance(node, ast.MatchMapping)
            if node.rest:
                binds.add(node.rest)
    return summary


def _import_from(
    node: ast.ImportFrom, modules: frozenset[str], summary: _Statement, found: _Found
) -> None:
    from_app = bool(node.module) and (node.module or "").split(".")[0] in modules
    for alias in node.names:
        if alias.name == "*":
            summary.always = True
            continue
        name = alias.asname or alias.name
        summary.binds.add(name)
        if from_app:
            found.module_names.add(name)  # may be a submodule, like ``from myapp import state``
            for mentions in (found.state, found.cache):
                if alias.name in mentions.attributes:
                    mentions.aliases.add(name)


class _Found:
    """What the whole file binds, gathered while its statements are read."""

    def __init__(self, attributes: frozenset[str]) -> None:
        self.module_names: set[str] = set()
        self.state = _Mentions(attributes, self.module_names)
        self.cache = _Mentions(CACHE_DATA_NAMES, self.module_names)
        self.bindings: Bindings = []


def select(
    tree: ast.Module, source: str, modules: frozenset[str], attributes: frozenset[str]
) -> Selection | None:
    """The statements of ``tree`` (Python's parse of ``source``) the analysis needs,
    or None when the file holds no candidate write. ``modules``: top-level packages
    a session state comes from (``streamlit``); ``attributes``: the last part of
    each session-state path (``session_state``)."""
    found = _Found(attributes)
    statements = [_read(statement, modules, found) for statement in tree.body]
    if not found.module_names:
        return None
    _follow_module_aliases(found.module_names, found.bindings)
    for mentions in (found.state, found.cache):
        mentions.follow(found.bindings)
    selected = [statement.writes(found.state, found.cache) for statement in statements]
    if not any(selected):
        return None
    binders: dict[str, list[int]] = {}
    for index, statement in enumerate(statements):
        selected[index] = selected[index] or statement.always
        for name in statement.binds:
            binders.setdefault(name, []).append(index)
    needed: set[str] = set()
    pending = [index for index, chosen in enumerate(selected) if chosen]
    while pending:
        for name in statements[pending.pop()].loads - needed:
            needed.add(name)
            for binder in binders.get(name, ()):
                if not selected[binder]:
                    selected[binder] = True
                    pending.append(binder)
    return Selection(
        units(tree.body, selected, LINE.findall(source)), frozenset(found.module_names)
    )


def units(body: list[ast.stmt], selected: list[bool], lines: list[str]) -> tuple[Unit, ...]:
    """The selected statements, with those they share a line with."""
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
    chosen = []
    for group in groups:
        if any(selected[index] for index in group):
            first = first_line(body[group[0]])
            last = max(body[index].end_lineno or first for index in group)
            chosen.append(
                Unit(first, tuple(body[index] for index in group), "".join(lines[first - 1 : last]))
            )
    return tuple(chosen)


def first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno


def _target_rooted(target: ast.expr, mentions: _Mentions) -> bool:
    """Whether an assignment target writes into a place reached from session state;
    a bare name only rebinds the name."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_target_rooted(element, mentions) for element in target.elts)
    if isinstance(target, ast.Starred):
        return _target_rooted(target.value, mentions)
    return not isinstance(target, ast.Name) and mentions.rooted(target)
