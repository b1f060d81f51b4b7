"""Generated programs, alone and with session-state writes spliced in: the engine
never raises, gives the same reports with and without Python's tree, and every
report is well formed. And on generated programs, the limits' estimate of the
depth of libcst's tree is never short of the real depth.

``PKL_FUZZ_EXAMPLES`` sets the number of examples per test (60 by default), e.g.
``PKL_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` for a long run.
"""

from __future__ import annotations

import ast
import os
import re

import hypothesmith
import libcst
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strict import check

from flake8_session_pickle import limits
from flake8_session_pickle.codes import ALL_CODES

EXAMPLES = int(os.environ.get("PKL_FUZZ_EXAMPLES", "60"))

# Generated programs are valid but odd ("x"() calls a string).
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")

# No example database: a long run's saved examples would otherwise be replayed
# by every later run; a failure prints the blob that reproduces it.
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)

HEADER = "import socket\nimport streamlit as st\n"

WRITES = [
    "st.session_state.k = lambda: 1",
    'st.session_state["k"] = open("f")',
    "st.session_state.update(k=(x for x in range(3)))",
    'st.session_state.setdefault("k", socket.socket())',
    "ss = st.session_state\nss.k = [lambda: 1]",
    "st.session_state.items.append(lambda: 1)",
    "setattr(st.session_state, 'k', lambda: 1)",
    "def callback():\n    st.session_state.k = lambda: 1",
    "@st.cache_data\ndef cached():\n    return lambda: 1",
    "if st.button('x'):\n    st.session_state.k = open('f')",
    "st.session_state.k = 1",
]

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def well_formed(source: str) -> list[str]:
    """Checks ``source`` with and without a tree; returns the codes reported."""
    try:
        tree: ast.Module | None = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    with_tree = check(source, tree)
    assert check(source) == with_tree
    lines = LINE_BREAK.split(source)
    for violation in with_tree:
        assert 1 <= violation.line <= len(lines), violation
        assert 0 <= violation.column <= len(lines[violation.line - 1]), violation
        assert violation.code in ALL_CODES, violation
        assert violation.message.startswith(violation.code + " "), violation
        if violation.code == "PKL000":
            assert violation.column == 0  # at the start of the statement, or of the file
    return [violation.code for violation in with_tree]


def spliced(program: str, write: str, after: bool) -> str:
    program = program if program.endswith(("\n", "\r")) or not program else program + "\n"
    parts = [write + "\n", program] if not after else [program, write + "\n"]
    return HEADER + "".join(parts)


@fuzz
@given(hypothesmith.from_grammar())
def test_generated_programs(source: str) -> None:
    well_formed(source)


@fuzz
@given(hypothesmith.from_grammar(), st.sampled_from(WRITES), st.booleans())
def test_generated_programs_with_session_state_writes(
    program: str, write: str, after: bool
) -> None:
    well_formed_when_spliced(program, write, after)


@fuzz
@given(hypothesmith.from_node(), st.sampled_from(WRITES), st.booleans())
def test_programs_built_from_syntax_nodes_with_session_state_writes(
    program: str, write: str, after: bool
) -> None:
    well_formed_when_spliced(program, write, after)


def well_formed_when_spliced(program: str, write: str, after: bool) -> None:
    source = spliced(program, write, after)
    try:
        ast.parse(source)
    except SyntaxError:
        assume(False)
    well_formed(source)


@fuzz
@given(st.sampled_from(WRITES[:-1]))
def test_a_write_alone_is_reported(write: str) -> None:
    codes = well_formed(HEADER + write + "\n")
    assert codes
    assert "PKL000" not in codes


# The limits judge libcst's depth from Python's tree: their estimate must not fall
# short of the depth libcst really builds, whatever the code.

LEAVES = st.sampled_from(["a", "1", "'s'", "b'x'", "f'{a!r:>{w}}'", "None", "'a' 'b' f'{c}'"])
PAIRS = [
    "[{x}, {y}]", "({x},)", "{{{x}: {y}}}", "{{{x}}}", "f({x}, k={y})", "f(*{x}, **{y})",
    "({x}).attr", "({x})[{y}]", "({x})[{y}:c]", "({x})[{y}, c]", "({x} and {y} or c)",
    "(not {x})", "(-{x})", "(lambda q={x}: {y})", "({x} if {y} else c)",
    "[{x} for q in {y} if c for r in d]", "{{{x}: {y} for q in c}}", "({x} for q in {y})",
    "(q := {x})", "({x} < {y} <= c)", "f'{{{x}}}'", "[*{x}]", "{{**{x}}}", "({x} + {y} * c)",
    "f({x})({y})", "(yield {x})",
]  # fmt: skip
"""Each uses ``x`` and ``y`` once, so that nesting them grows the text linearly."""


def repeated(args: tuple[str, int, str]) -> str:
    """One form nested in itself: the chains the limits exist for."""
    form, times, leaf = args
    expression = leaf
    for _ in range(times):
        expression = form.format(x=expression, y="b")
    return expression


MIXED = st.recursive(
    LEAVES,
    lambda inner: st.tuples(st.sampled_from(PAIRS), inner, inner).map(
        lambda args: args[0].format(x=args[1], y=args[2])
    ),
    max_leaves=40,
)
EXPRESSIONS = st.one_of(
    MIXED, st.tuples(st.sampled_from(PAIRS), st.integers(1, 60), MIXED).map(repeated)
)
STATEMENTS = [
    "x = {e}\n",
    "if {e}:\n    pass\nelif {e}:\n{body}else:\n    pass\n",
    "def f(a={e}, *b: {e}, c={e}) -> {e}:\n{body}",
    "for q in {e}:\n    pass\nelse:\n{body}",
    "with {e} as (q, r), {e}:\n{body}",
    "try:\n    pass\nexcept {e} as error:\n    pass\nfinally:\n{body}",
    "@{e}\nclass C({e}, metaclass={e}):\n{body}",
    "match {e}:\n    case [a, *b] if {e}:\n    {body}    case {{1: c}}:\n        pass\n",
    "x: {e} = {e}\n",
    "del x[{e}], y\n",
    "import a.b.c as d\nfrom e.f import (g as h, i)\n",
    "async def g():\n    await {e}\n    async with {e}:\n{body}",
    "if {e}: x = {e}; y = {e}\n",
]
"""Each holds its body once, so that nesting them grows the text linearly."""


def statement(args: tuple[str, str, str]) -> str:
    form, expression, body = args
    indented = "".join(f"    {line}\n" for line in body.splitlines())
    return form.format(e=expression, body=indented)


PROGRAMS = st.recursive(
    st.tuples(st.sampled_from(STATEMENTS), EXPRESSIONS, st.just("pass")).map(statement),
    lambda inner: st.tuples(
        st.sampled_from(STATEMENTS),
        EXPRESSIONS,
        st.lists(inner, min_size=1, max_size=3).map("".join),
    ).map(statement),
    max_leaves=8,
)

LEAF_SLACK = 3
"""libcst's whitespace and token nodes below a name or a constant, which the
limits do not count: MAX_DEPTH leaves room for them."""


def estimated_depth(tree: ast.AST, source: str) -> int:
    """The smallest MAX_DEPTH at which the limits find no nesting too deep."""
    saved = limits.MAX_DEPTH
    low, high = 0, 10_000
    try:
        while low < high:
            limits.MAX_DEPTH = (low + high) // 2
            reason = limits.exceeded(tree, source)
            if reason is None or " nest" not in reason or "'case' patterns" in reason:
                high = limits.MAX_DEPTH
            else:
                low = limits.MAX_DEPTH + 1
    finally:
        limits.MAX_DEPTH = saved
    return low


def libcst_depth(module: libcst.Module) -> int:
    deepest = 0
    stack: list[tuple[libcst.CSTNode, int]] = [(module, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children)
    return deepest


def check_depth_estimate(source: str) -> None:
    try:
        tree = ast.parse(source)
        module = libcst.parse_module(source)
    except (SyntaxError, libcst.ParserSyntaxError):
        assume(False)
    assert libcst_depth(module) <= estimated_depth(tree, source) + LEAF_SLACK


@fuzz
@given(PROGRAMS)
def test_the_depth_estimate_bounds_libcsts_depth(source: str) -> None:
    check_depth_estimate(source)


@fuzz
@given(hypothesmith.from_node())
def test_the_depth_estimate_bounds_libcsts_depth_on_generated_programs(source: str) -> None:
    check_depth_estimate(source)
