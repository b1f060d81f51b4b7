"""A cheap, exact-enough test on Python's own ``ast`` of whether a file may hold
a finding, so that files which cannot are never handed to libcst.

It accepts every shape the analysis can report: a write whose target, receiver
or ``setattr`` owner reaches an attribute named like a session-state target, or
a name bound from an expression that mentions one; and a function decorated
with something named like ``st.cache_data``.
"""

from __future__ import annotations

import ast

from flake8_session_pickle.sinks import CACHE_DATA_PATHS, CONTAINER_WRITE_METHODS

CACHE_DATA_NAMES = frozenset(path.rsplit(".", 1)[-1] for path in CACHE_DATA_PATHS)


class _Mentions:
    def __init__(self, attributes: frozenset[str]) -> None:
        self.attributes = attributes
        self.aliases: set[str] = set()

    def rooted(self, node: ast.expr) -> bool:
        """Whether the place ``node`` is reached through a session-state mention."""
        while True:
            if isinstance(node, ast.Attribute):
                if node.attr in self.attributes:
                    return True
                node = node.value
            elif isinstance(node, ast.Subscript):
                node = node.value
            elif isinstance(node, ast.Name):
                return node.id in self.aliases
            else:
                return False

    def follow(self, bindings: list[tuple[list[str], ast.AST]]) -> None:
        """Add the names bound, directly or through other names, to a mention."""
        while True:
            known = len(self.aliases)
            for names, value in bindings:
                if not self.aliases.issuperset(names) and self.anywhere(value):
                    self.aliases.update(names)
            if len(self.aliases) == known:
                return

    def anywhere(self, node: ast.AST) -> bool:
        for child in ast.walk(node):
            if isinstance(child, ast.Attribute) and child.attr in self.attributes:
                return True
            if isinstance(child, ast.Name) and child.id in self.aliases:
                return True
        return False


def _bound_names(target: ast.AST) -> list[str]:
    return [node.id for node in ast.walk(target) if isinstance(node, ast.Name)]


def may_hold_finding(tree: ast.AST, modules: frozenset[str], attributes: frozenset[str]) -> bool:
    """``modules``: top-level packages a session state comes from (``streamlit``);
    ``attributes``: the last part of each session-state path (``session_state``)."""
    mentions = _Mentions(attributes)
    cache_mentions = _Mentions(CACHE_DATA_NAMES)
    decorators: list[ast.expr] = []
    imports_module = False
    bindings: list[tuple[list[str], ast.AST]] = []
    targets: list[ast.expr] = []
    receivers: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports_module |= any(alias.name.split(".")[0] in modules for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.module and node.module.split(".")[0] in modules:
                imports_module = True
                for alias in node.names:
                    for names in (mentions, cache_mentions):
                        if alias.name in names.attributes:
                            names.aliases.add(alias.asname or alias.name)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorators.extend(
                decorator.func if isinstance(decorator, ast.Call) else decorator
                for decorator in node.decorator_list
            )
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
    if not imports_module:
        return False
    for names in (mentions, cache_mentions):
        names.follow(bindings)
    return (
        any(_target_rooted(target, mentions) for target in targets)
        or any(mentions.rooted(receiver) for receiver in receivers)
        or any(cache_mentions.rooted(decorator) for decorator in decorators)
    )


def _target_rooted(target: ast.expr, mentions: _Mentions) -> bool:
    """Whether an assignment target writes into a place reached from session state;
    a bare name only rebinds the name."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_target_rooted(element, mentions) for element in target.elts)
    if isinstance(target, ast.Starred):
        return _target_rooted(target.value, mentions)
    return not isinstance(target, ast.Name) and mentions.rooted(target)
