"""Fast iteration over a libcst node's children.

``CSTNode.children`` collects them by running a visitor over the node, which
dominates the analysis time; reading the dataclass fields that can hold nodes,
remembered per node type, gives the same nodes for a fraction of the cost.
Whitespace, punctuation and operators, a third of a tree's nodes, hold nothing
the analysis looks for and are left out, as are names and literals, which hold
no node of their own (half the nodes a walk meets). libcst's node classes are abstract
base classes, for which ``isinstance`` is slow, so node types are recognised
through a table too.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

_NODE_FIELDS: dict[type[cst.CSTNode], tuple[str, ...]] = {}


def _node_fields(node_type: type[cst.CSTNode]) -> tuple[str, ...]:
    fields = _NODE_FIELDS.get(node_type)
    if fields is None:
        fields = tuple(
            field.name
            for field in dataclasses.fields(node_type)
            if not field.name.startswith("whitespace")
            and field.name not in {"lpar", "rpar", "leading_lines", "lines_after_decorators"}
        )
        _NODE_FIELDS[node_type] = fields
    return fields


_TOKENS: tuple[type[cst.CSTNode], ...] = (
    cst.BaseParenthesizableWhitespace,
    cst.EmptyLine,
    cst.TrailingWhitespace,
    cst.Newline,
    cst.Comment,
    cst.Comma,
    cst.Dot,
    cst.Colon,
    cst.Semicolon,
    cst.AssignEqual,
    cst.LeftParen,
    cst.RightParen,
    cst.LeftSquareBracket,
    cst.RightSquareBracket,
    cst.LeftCurlyBrace,
    cst.RightCurlyBrace,
    cst.BaseBinaryOp,
    cst.BaseBooleanOp,
    cst.BaseCompOp,
    cst.BaseUnaryOp,
    cst.BaseAugOp,
    cst.Asynchronous,
)

_LEAVES: tuple[type[cst.CSTNode], ...] = (
    cst.Name,
    cst.Integer,
    cst.Float,
    cst.Imaginary,
    cst.SimpleString,
    cst.FormattedStringText,
    cst.Ellipsis,
)
"""Nodes whose fields hold no node but tokens."""

_IS_NODE_TYPE: dict[type, bool] = {}


def _is_node_type(value_type: type) -> bool:
    """Whether values of the type are nodes to walk into: neither tokens nor leaves."""
    known = _IS_NODE_TYPE.get(value_type)
    if known is None:
        # Read from the type's bases: ``issubclass`` with an abstract base class
        # searches all of its subclasses for a type that is not one.
        bases = value_type.__mro__
        known = _IS_NODE_TYPE[value_type] = cst.CSTNode in bases and not any(
            base in bases for base in _TOKENS + _LEAVES
        )
    return known


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The node's children in source order, less tokens and leaves."""
    children: list[cst.CSTNode] = []
    for name in _node_fields(type(node)):
        value = getattr(node, name)
        value_type = type(value)
        if value_type is tuple or value_type is list:
            children.extend(item for item in value if _is_node_type(type(item)))
        elif _is_node_type(value_type):
            children.append(value)
    return children


_SCOPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda})


def contains_yield(function: cst.FunctionDef) -> bool:
    """Whether the function's own body yields, making it a generator function."""
    stack = child_nodes(function.body)
    while stack:
        node = stack.pop()
        if type(node) is cst.Yield:
            return True
        if type(node) not in _SCOPES:
            stack.extend(child_nodes(node))
    return False
