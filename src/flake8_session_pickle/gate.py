"""A cheap, exact-enough test on Python's own ``ast`` of whether a file may hold
a finding, so that files which cannot are never handed to libcst.

It accepts every shape the analysis can report: a write whose target, receiver
or ``setattr`` owner is reached through ``<module>.session_state`` (the module
imported under any name) or a name bound from such an expression; and a
function decorated with ``<module>.cache_data`` or a name bound to it. An object
that merely has a ``session_state`` attribute (``self.session_state``) does not
count, as it does not for the analysis.
"""

from __future__ import annotations

import ast

from flake8_session_pickle.streamlit_api import CACHE_DATA_PATHS, CONTAINER_WRITE_METHODS

CACHE_DATA_NAMES = frozenset(path.rsplit(".", 1)[-1] for path in CACHE_DATA_PATHS)

Bindings = list[tuple[list[str], ast.expr]]


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


def may_hold_finding(tree: ast.AST, modules: frozenset[str], attributes: frozenset[str]) -> bool:
    """``modules``: top-level packages a session state comes from (``streamlit``);
    ``attributes``: the last part of each session-state path (``session_state``)."""
    module_names: set[str] = set()
    state = _Mentions(attributes, module_names)
    cache = _Mentions(CACHE_DATA_NAMES, module_names)
    bindings: Bindings = []
    targets: list[ast.expr] = []
    receivers: list[ast.expr] = []
    decorators: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in modules:
                    module_names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.module and node.module.split(".")[0] in modules:
                for alias in node.names:
                    name = alias.asname or alias.name
                    module_names.add(name)  # may be a submodule, like ``from myapp import state``
                    for mentions in (state, cache):
                        if alias.name in mentions.attributes:
                            mentions.aliases.add(name)
        elif isinstance(node, ast.Assign):
            bindings.append(([n for t in node.targets for n in _bound_names(t)], node.value))
            targets.extend(node.targets)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            if node.value is not None:
                bindings.append((_bound_names(node.target), node.value))
                targets.append(node.target)
        elif isinstance(node, ast.NamedExpr):
            bindings.append(([node.target.id], node.value))
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            bindings.append((_bound_names(node.optional_vars), node.context_expr))
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in CONTAINER_WRITE_METHODS:
                receivers.append(node.func.value)
            elif isinstance(node.func, ast.Name) and node.func.id == "setattr" and node.args:
                receivers.append(node.args[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorators.extend(
                decorator.func if isinstance(decorator, ast.Call) else decorator
                for decorator in node.decorator_list
            )
    if not module_names:
        return False
    _follow_module_aliases(module_names, bindings)
    for mentions in (state, cache):
        mentions.follow(bindings)
    return (
        any(_target_rooted(target, state) for target in targets)
        or any(state.rooted(receiver) for receiver in receivers)
        or any(cache.denotes(decorator) for decorator in decorators)
    )


def _target_rooted(target: ast.expr, mentions: _Mentions) -> bool:
    """Whether an assignment target writes into a place reached from session state;
    a bare name only rebinds the name."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_target_rooted(element, mentions) for element in target.elts)
    if isinstance(target, ast.Starred):
        return _target_rooted(target.value, mentions)
    return not isinstance(target, ast.Name) and mentions.rooted(target)
