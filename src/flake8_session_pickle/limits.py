"""Whether a file is within what libcst handles safely, judged on Python's own ``ast``.

Python's parser accepts files that libcst 1.9 cannot take:

- libcst's visitors, metadata providers and code generation recurse through
  about three Python frames per level of its tree, so they raise
  ``RecursionError`` near 325 levels under the default recursion limit of 1000.
  Its tree is deeper than Python's in places: every list element, call
  argument, dict entry and statement sits in a wrapper node, ``a and b and c``
  nests where Python's ``BoolOp`` is flat, and implicitly concatenated string
  literals nest one level per literal where Python has a single constant.
- Its native parser overflows its stack (a segmentation fault, which no
  ``except`` catches) near 8,000 ``and`` operands, and on operator, attribute
  or call chains some thousands long once the recursion limit allows Python to
  parse them; it takes time quadratic in the length of subscript and call
  chains (a minute for 5,000 ``[0]``), and raises ``ParserSyntaxError`` on a
  few thousand concatenated literals.
- Its parse time is exponential in the nesting of ``match`` patterns: a
  ``case`` of lists nested 22 deep takes ten seconds, of mappings nested 12
  deep half a minute.
- It does not parse a parenthesised annotated target, ``(a): int = 1``.
- It parses some 35,000 syntax nodes a second, ten times slower than Python,
  so a generated file of a few megabytes stalls the lint run for a minute.

:func:`exceeded` measures, in one walk of the ``ast``, an upper bound of the
depth of libcst's tree for the same source, the number of literals in each
implicitly concatenated string, the nesting of ``case`` patterns and the
number of nodes, and names the first limit the file is beyond.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable

MAX_DEPTH = 280
"""Levels of libcst's tree. Its recursive passes fail near 320 levels under
flake8; 280 levels take about 840 of the 1000 frames, which leaves room for a
deeper caller (a test runner, an editor host). The standard library's deepest
code is 260 levels: its 256-entry codec tables written as concatenated literals."""

MAX_NODES = 100_000
"""Python ``ast`` nodes. libcst parses about 35,000 nodes a second and the whole
analysis runs at about 10,000, so a file at the limit takes some ten seconds;
the standard library's largest file has 40,000."""

MAX_PATTERN_COST = 1 << 18
"""libcst's parse time of a ``case`` pattern doubles with each level of
brackets and quadruples with each level of ``{...}``: the sum, over the
brackets of every pattern, of 2 to the power of the levels it is in (a mapping
counting two), is kept below this, about a third of a second. It allows list
patterns nested 17 deep or mapping patterns nested 8 deep."""

_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)

_SKIPPED = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)
"""Nodes libcst represents as tokens of their parent."""

# How many levels of libcst's tree lie between a node and the child in a field.
# Fields not listed count two levels, which is the most any wrapper adds.
_WEIGHTS: dict[type[ast.AST], dict[str, int]] = {
    ast.Expr: {"value": 1},
    ast.Return: {"value": 1},
    ast.Assign: {"targets": 2, "value": 1},
    ast.AugAssign: {"target": 1, "value": 1},
    ast.AnnAssign: {"target": 1, "annotation": 2, "value": 1},
    ast.For: {"target": 1, "iter": 1},
    ast.AsyncFor: {"target": 1, "iter": 1},
    ast.While: {"test": 1},
    ast.If: {"test": 1},
    ast.With: {"items": 1},
    ast.AsyncWith: {"items": 1},
    ast.withitem: {"context_expr": 1, "optional_vars": 2},
    ast.Raise: {"exc": 1, "cause": 2},
    ast.Assert: {"test": 1, "msg": 1},
    ast.Delete: {"targets": 3},
    ast.Import: {"names": 1},
    ast.ImportFrom: {"names": 1},
    ast.Try: {"handlers": 1},
    ast.ExceptHandler: {"type": 1},
    ast.FunctionDef: {"args": 1, "decorator_list": 2, "returns": 2},
    ast.AsyncFunctionDef: {"args": 1, "decorator_list": 2, "returns": 2},
    ast.ClassDef: {"bases": 2, "keywords": 1, "decorator_list": 2},
    ast.arguments: {
        "posonlyargs": 1,
        "args": 1,
        "vararg": 1,
        "kwonlyargs": 1,
        "kwarg": 1,
        "defaults": 2,
        "kw_defaults": 2,
    },
    ast.arg: {"annotation": 2},
    ast.keyword: {"value": 1},
    ast.BinOp: {"left": 1, "right": 1},
    ast.UnaryOp: {"operand": 1},
    ast.Lambda: {"args": 1, "body": 1},
    ast.IfExp: {"test": 1, "body": 1, "orelse": 1},
    ast.Dict: {"keys": 2, "values": 2},
    ast.Set: {"elts": 2},
    ast.List: {"elts": 2},
    ast.Tuple: {"elts": 2},
    ast.ListComp: {"elt": 1},
    ast.SetComp: {"elt": 1},
    ast.GeneratorExp: {"elt": 1},
    ast.DictComp: {"key": 1, "value": 1},
    ast.comprehension: {"target": 1, "iter": 1, "ifs": 2},
    ast.Await: {"value": 1},
    ast.Yield: {"value": 1},
    ast.YieldFrom: {"value": 2},
    ast.Compare: {"left": 1, "comparators": 2},
    ast.Call: {"func": 1, "args": 2, "keywords": 1},
    ast.FormattedValue: {"value": 1, "format_spec": 1},
    ast.JoinedStr: {"values": 1},
    ast.Attribute: {"value": 1},
    ast.Subscript: {"value": 1, "slice": 3},
    # A starred item replaces the element wrapper; a slice sits in the
    # subscript's wrapper in place of its index.
    ast.Starred: {"value": 0},
    ast.Slice: {"lower": 0, "upper": 0, "step": 0},
    ast.NamedExpr: {"target": 1, "value": 1},
    ast.match_case: {"pattern": 1, "guard": 1},
    ast.Match: {"subject": 1, "cases": 1},
    ast.MatchValue: {"value": 1},
    ast.MatchClass: {"cls": 1},
    ast.MatchAs: {"pattern": 1},
}
if hasattr(ast, "TryStar"):
    _WEIGHTS[ast.TryStar] = _WEIGHTS[ast.Try]

_DESCRIPTIONS: tuple[tuple[type[ast.AST] | tuple[type[ast.AST], ...], str], ...] = (
    (ast.BinOp, "a chain of arithmetic or bitwise operators"),
    (ast.BoolOp, "a chain of 'and'/'or' operands"),
    (ast.UnaryOp, "a run of unary operators"),
    (ast.Attribute, "an attribute chain"),
    (ast.Call, "a chain or nest of calls"),
    (ast.Subscript, "a subscript chain"),
    ((ast.List, ast.Tuple, ast.Set, ast.Dict), "a nest of brackets"),
    (ast.IfExp, "a chain of conditional expressions"),
    (ast.Lambda, "a nest of lambdas"),
    (ast.stmt, "a nest of statements or an 'elif' chain"),
)

_MEASURED_APART = frozenset({ast.Constant, ast.JoinedStr, ast.alias, ast.ImportFrom, ast.Match})
"""Nodes with limits of their own beyond depth."""
_NO_NODES = frozenset(
    {"ctx", "op", "ops", "id", "attr", "arg", "asname", "module", "level", "kind"}
    | {"type_comment", "conversion", "is_async"}
)
"""Fields of any node type that hold only contexts, operators, names, numbers
or strings."""


def may_hold_nodes(node_type: type[ast.AST], field: str) -> bool:
    """Whether a field of a node type may hold syntax nodes (a constant's value
    never does)."""
    return field not in _NO_NODES and not (node_type is ast.Constant and field == "value")


LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
"""A physical line as Python counts them, with its line break."""

# Special weights in a plan, for list fields whose items nest differently.
_BOOLEAN_OPERANDS = -1
_COMPREHENSION_LOOPS = -2
_BLOCK = -3
_CLAUSE = -4
_MODULE_BODY = -5

_PLANS: dict[type[ast.AST], tuple[tuple[str, int], ...]] = {}

_Entry = tuple[ast.AST, int, bool, ast.AST]


def _plan(node_type: type[ast.AST]) -> tuple[tuple[str, int], ...]:
    """The fields of a node type that can hold nodes, each with its weight."""
    plan = _PLANS.get(node_type)
    if plan is None:
        weights = _WEIGHTS.get(node_type, {})
        entries = []
        for name in node_type._fields:
            if not may_hold_nodes(node_type, name):
                continue
            weight = weights.get(name, 2)
            if issubclass(node_type, ast.BoolOp):
                weight = _BOOLEAN_OPERANDS
            elif name == "generators":
                weight = _COMPREHENSION_LOOPS
            elif name in ("body", "orelse", "finalbody"):
                if issubclass(node_type, (ast.Module, ast.Interactive)):
                    weight = _MODULE_BODY
                elif issubclass(node_type, (ast.stmt, ast.excepthandler, ast.match_case)):
                    weight = _BLOCK if name == "body" else _CLAUSE
            entries.append((name, weight))
        plan = _PLANS[node_type] = tuple(entries)
    return plan


def exceeded(tree: ast.AST, source: str) -> str | None:
    """Why libcst cannot safely take ``source`` (which ``tree`` is Python's parse
    of), or None when it can."""
    return Measure(source).run(tree)


TOO_MANY_NODES = (
    f"it has more than {MAX_NODES:,} syntax nodes, too many to analyse in reasonable time"
)


class Measure:
    """Measures trees of one source, counting the nodes of all of them."""

    def __init__(self, source: str, lines: list[str] | None = None) -> None:
        """``lines``: the physical lines of ``source`` (:data:`LINE`), where the
        caller has them; they are split when first needed otherwise."""
        self._source = source
        self._lines = lines
        self._ascii = source.isascii()
        self._pattern_cost = 0
        self.nodes = 0
        """The nodes of the trees measured so far."""

    def run(self, tree: ast.AST, left_out: frozenset[int] = frozenset()) -> str | None:
        """Why libcst cannot safely take ``tree``, less the statements whose ``id``
        is in ``left_out`` (which libcst is not given), or None when it can."""
        # Entries: a node, the levels of libcst's tree above it, whether the
        # literals of a string node are to be counted, and the node's parent.
        stack: list[_Entry] = [(tree, 0, True, tree)]
        push = stack.append
        nodes = 0
        try:
            while stack:
                node, depth, counted, parent = stack.pop()
                if left_out and id(node) in left_out:
                    continue
                nodes += 1
                if nodes > MAX_NODES:
                    return TOO_MANY_NODES
                node_type = type(node)
                if isinstance(node, ast.AnnAssign) and _parenthesised_target(node):
                    return (
                        f"libcst cannot parse it (line {_line(node)}: a parenthesised "
                        "annotated target such as '(name): int'; write 'name: int')"
                    )
                if depth > MAX_DEPTH:
                    return f"line {_line(node)}: {_describe(node, parent)} nests {_BEYOND}"
                if node_type in _MEASURED_APART:
                    depth, reason = self._apart(node, depth, counted)
                    if reason is not None:
                        return reason
                # The pieces of an f-string and its format specs repeat its position.
                pieces = node_type is ast.JoinedStr
                for name, weight in _plan(node_type):
                    value = getattr(node, name, None)
                    if isinstance(value, ast.AST):
                        push((value, depth + weight, name != "format_spec", node))
                    elif type(value) is list and value:
                        _push_items(node, value, weight, depth, not pieces, push)
            return None
        finally:
            self.nodes += nodes

    def _apart(self, node: ast.AST, depth: int, counted: bool) -> tuple[int, str | None]:
        """The depth of a node of :data:`_MEASURED_APART` once its own levels are
        counted, and why libcst cannot take it, if it cannot."""
        if isinstance(node, (ast.Constant, ast.JoinedStr)):
            if counted:
                parts = self._string_parts(node)
                if depth + parts - 1 > MAX_DEPTH:
                    return depth, (
                        f"line {_line(node)}: {parts:,} implicitly concatenated "
                        f"string literals nest {_BEYOND}"
                    )
                depth += parts - 1
        elif isinstance(node, (ast.alias, ast.ImportFrom)):
            if depth + _dotted_name_depth(node) > MAX_DEPTH:
                return depth, f"line {_line(node)}: a dotted name nests {_BEYOND}"
        elif isinstance(node, ast.Match):
            self._pattern_cost += self._match_cost(node)
            if self._pattern_cost > MAX_PATTERN_COST:
                return depth, (
                    f"line {_line(node)}: its 'case' patterns nest too deeply for "
                    "libcst's parser, whose time grows exponentially with their depth"
                )
        return depth, None

    def _string_parts(self, node: ast.Constant | ast.JoinedStr) -> int:
        """How many literals the string is written as (``"a" "b"`` is two)."""
        if isinstance(node, ast.Constant) and not isinstance(node.value, (str, bytes)):
            return 1
        segment = self._segment(node)
        if segment is None:
            return 1
        # Every literal has an opening and a closing quote; tokenize only when
        # that bound allows many.
        bound = (segment.count('"') + segment.count("'")) // 2
        if bound <= 8:
            return max(bound, 1)
        return _count_literals(segment, bound)

    def _match_cost(self, node: ast.Match) -> int:
        """The bracket cost of the patterns of a ``match``, read from the source
        between the subject or the previous case and each guard or body, as
        parentheses around a pattern leave no trace in the ``ast``."""
        cost = 0
        previous: ast.AST = node.subject
        for case in node.cases:
            following = case.guard if case.guard is not None else case.body[0]
            text = self._text(_end(previous), _start(following))
            cost += _bracket_cost("" if text is None else text)
            previous = case.body[-1]
        return cost

    def _segment(self, node: ast.expr) -> str | None:
        return self._text(_start(node), _end(node))

    def _text(self, start: tuple[int, int] | None, end: tuple[int, int] | None) -> str | None:
        """The source between two ``ast`` positions (lines from 1, columns in
        UTF-8 bytes)."""
        if start is None or end is None:
            return None
        (start_line, start_column), (end_line, end_column) = start, end
        if self._lines is None:
            self._lines = LINE.findall(self._source)
        lines = self._lines[start_line - 1 : end_line]
        if not lines or len(lines) != end_line - start_line + 1:
            return None
        if self._ascii:
            # Where every character is a byte, columns count characters too.
            lines[-1] = lines[-1][:end_column]
            lines[0] = lines[0][start_column:]
            return "".join(lines)
        encoded = [line.encode(errors="surrogatepass") for line in lines]
        encoded[-1] = encoded[-1][:end_column]
        encoded[0] = encoded[0][start_column:]
        return b"".join(encoded).decode(errors="replace")


_BEYOND = f"deeper than libcst handles safely ({MAX_DEPTH} levels of its syntax tree)"


def _push_items(
    node: ast.AST,
    items: list[ast.AST],
    weight: int,
    depth: int,
    counted: bool,
    push: Callable[[_Entry], None],
) -> None:
    count = len(items)
    for index, item in enumerate(items):
        if not isinstance(item, ast.AST) or isinstance(item, _SKIPPED):
            continue
        if weight >= 0:
            levels = weight
        elif weight == _BOOLEAN_OPERANDS:
            # libcst nests ``a and b and c`` as ``(a and b) and c``.
            levels = max(1, count - max(index, 1))
        elif weight == _COMPREHENSION_LOOPS:
            # Each further ``for`` of a comprehension nests in the one before.
            levels = index + 1
        elif weight == _MODULE_BODY:
            # A simple statement sits in a line node.
            levels = 1 if isinstance(item, _COMPOUND) else 2
        elif (
            weight == _CLAUSE
            and isinstance(node, ast.If)
            and count == 1
            and isinstance(item, ast.If)
            and getattr(item, "col_offset", None) == getattr(node, "col_offset", -1)
        ):
            # ``elif``: the next ``if`` is the previous one's ``orelse`` itself.
            levels = 1
        else:
            # An indented block, an ``else:``/``finally:`` node for those
            # clauses, and the line node of a simple statement.
            levels = (1 if weight == _BLOCK else 2) + (1 if isinstance(item, _COMPOUND) else 2)
        push((item, depth + levels, counted, node))


def _line(node: ast.AST) -> int:
    line = getattr(node, "lineno", None)
    return line if isinstance(line, int) else 1


def _start(node: ast.AST) -> tuple[int, int] | None:
    line = getattr(node, "lineno", None)
    column = getattr(node, "col_offset", None)
    return None if line is None or column is None else (line, column)


def _end(node: ast.AST) -> tuple[int, int] | None:
    line = getattr(node, "end_lineno", None)
    column = getattr(node, "end_col_offset", None)
    return None if line is None or column is None else (line, column)


def _bracket_cost(text: str) -> int:
    """The sum over the brackets in ``text`` of 2 to the power of the levels
    each is in, a ``{`` counting two."""
    try:
        tokens = tokenize.generate_tokens(io.StringIO(f"({text}\n)").readline)
        brackets = [token.string for token in tokens if token.type == tokenize.OP][1:-1]
    except (tokenize.TokenError, SyntaxError):
        brackets = [character for character in text if character in "()[]{}"]
    cost = 0
    levels = 0
    open_weights: list[int] = []
    for bracket in brackets:
        if bracket in "([{":
            weight = 2 if bracket == "{" else 1
            open_weights.append(weight)
            levels += weight
            cost += 1 << min(levels, 62)
        elif bracket in ")]}" and open_weights:
            levels -= open_weights.pop()
    return cost


def _dotted_name_depth(node: ast.AST) -> int:
    """Levels below ``node`` of the attribute chain libcst makes of a dotted
    name, which Python's ``ast`` keeps as a string."""
    if isinstance(node, ast.alias):
        return node.name.count(".") + 1
    if isinstance(node, ast.ImportFrom) and node.module:
        return node.module.count(".") + 1
    return 0


def _parenthesised_target(node: ast.AnnAssign) -> bool:
    target = node.target
    return _start(target) != _start(node)


def _count_literals(segment: str, bound: int) -> int:
    tokens = tokenize.generate_tokens(io.StringIO(f"({segment}\n)").readline)
    string_starts = {tokenize.STRING, getattr(tokenize, "FSTRING_START", tokenize.STRING)}
    try:
        return max(sum(1 for token in tokens if token.type in string_starts), 1)
    except (tokenize.TokenError, SyntaxError):
        return bound


def _describe(node: ast.AST, parent: ast.AST) -> str:
    """What nests: the node's construct, or its parent's for a name or a constant."""
    for candidate in (node, parent):
        for types, description in _DESCRIPTIONS:
            if isinstance(candidate, types):
                return description
    return "the code"
