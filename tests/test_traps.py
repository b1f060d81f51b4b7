"""Source that Python's parser and flake8 accept but libcst 1.9 does not handle:
each gets a defined outcome, analysed or one PKL000 naming the reason, and never
a crash, a hang or an exception.

Traps that could crash or hang the interpreter (libcst's native parser) run in a
subprocess; those that can only raise run in this process.
"""

from __future__ import annotations

import ast
import json
import signal
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version

import pytest
from strict import check

from flake8_session_pickle.limits import MAX_DEPTH

HEADER = "import streamlit as st\nst.session_state.k = lambda: 1\n"
"""A write the analysis reports (PKL101 at 2:21)."""
FOOTER = "st.session_state.kept = (x, a)\n"
"""A write of the names each trap binds, so that the trap is among the statements
libcst is given."""

ANALYSED = [(2, 21, "PKL101")]
REFUSED = "PKL000 statement not checked for unpicklable session state: "
"""How the report of the trap's statement starts: the trap stands at line 3, and
the rest of the file is checked."""


def operator_chain(n: int) -> str:
    return "x = " + " + ".join(f"a{i % 10}" for i in range(n)) + "\n"


def boolean_chain(n: int) -> str:
    return "x = " + " and ".join(f"a{i % 10}" for i in range(n)) + "\n"


def string_literals(n: int) -> str:
    return "x = (\n" + "".join(f'    "s{i % 10}"\n' for i in range(n)) + ")\n"


def nested_lists(n: int) -> str:
    return "x = " + "[" * n + "]" * n + "\n"


def elif_chain(n: int) -> str:
    return "if a:\n    x = 1\n" + "".join(f"elif a{i}:\n    pass\n" for i in range(n))


def case_pattern(n: int, opening: str, closing: str) -> str:
    return "match x:\n    case " + opening * n + "a" + closing * n + ":\n        pass\n"


@dataclass(frozen=True)
class Trap:
    name: str
    body: str
    reason: str
    """Part of the PKL000 message, or "" when the file is to be analysed."""
    recursion_limit: int = 0
    """Raised in the subprocess so that Python itself parses the file."""


# Traps whose worst effect in libcst is an exception: checked in this process.
RAISING = [
    Trap(
        "1,000-term operator chain",
        operator_chain(1000),
        "line 3: a chain of arithmetic or bitwise operators nests deeper than libcst "
        f"handles safely ({MAX_DEPTH} levels of its syntax tree)",
    ),
    Trap("1,000-link attribute chain", "x = a" + ".b" * 1000 + "\n", "an attribute chain nests"),
    Trap("1,000-link call chain", "x = f" + "()" * 1000 + "\n", "a chain or nest of calls nests"),
    Trap("lists nested 150 deep", nested_lists(150), "a nest of brackets nests"),
    Trap("dicts nested 150 deep", "x = " + "{1: " * 150 + "1" + "}" * 150 + "\n", "brackets"),
    Trap("1,000 unary operators", "x = " + "-" * 1000 + "a\n", "a run of unary operators"),
    Trap(
        "3,000 concatenated string literals",
        string_literals(3000),
        "line 4: 3,000 implicitly concatenated string literals nest deeper",
    ),
    Trap(
        "10,000 concatenated string literals on one line",
        "x = " + " ".join(['"s"'] * 10_000) + "\n",
        "10,000 implicitly concatenated string literals",
    ),
    Trap(
        "10,000 concatenated f-string literals",
        "x = (\n" + 'f"{a}"\n' * 10_000 + ")\n",
        "10,000 implicitly concatenated string literals",
    ),
    Trap(
        "parenthesised annotated target",
        "(x): int = 1\n",
        "libcst cannot parse it (line 3: a parenthesised annotated target such as "
        "'(name): int'; write 'name: int')",
    ),
    Trap(
        "parenthesised annotated attribute",
        "x = 1; (a.b): int\n",
        "libcst cannot parse it (line 3",
    ),
    Trap("1,000-name dotted import", "import " + ".".join("a" * 1000) + "\n", "a dotted name"),
    Trap("1,000-branch elif chain", elif_chain(1000), "an 'elif' chain nests"),
    Trap("1,000 nested lambdas", "x = " + "lambda: " * 1000 + "1\n", "a nest of lambdas"),
    # Realistic code near the limits is analysed.
    Trap("256 concatenated literals, as in a codec table", string_literals(256), ""),
    Trap("200-term operator chain", operator_chain(200), ""),
    Trap("100-term 'and' chain", boolean_chain(100), ""),
    Trap("lists nested 60 deep", nested_lists(60), ""),
    Trap("250-branch elif chain", elif_chain(250), ""),
    Trap("annotated target without parentheses", "a.b: int = 1\nc: int\n", ""),
]

# Traps that crash or hang libcst's native parser: checked in a subprocess.
FATAL = [
    Trap(
        "10,000 'and' operands (native parser: segmentation fault)",
        boolean_chain(10_000),
        "a chain of 'and'/'or' operands nests deeper",
    ),
    Trap(
        "10,000-term operator chain (native parser: segmentation fault)",
        operator_chain(10_000),
        "a chain of arithmetic or bitwise operators nests deeper",
        recursion_limit=100_000,
    ),
    Trap(
        "10,000-link attribute chain (native parser: segmentation fault)",
        "x = a" + ".b" * 10_000 + "\n",
        "an attribute chain nests deeper",
        recursion_limit=100_000,
    ),
    Trap(
        "10,000-link call chain (native parser: segmentation fault)",
        "x = f" + "()" * 10_000 + "\n",
        "a chain or nest of calls nests deeper",
        recursion_limit=100_000,
    ),
    Trap(
        "10,000-deep subscript chain (native parser: minutes)",
        "x = a" + "[0]" * 10_000 + "\n",
        "a subscript chain nests deeper",
        recursion_limit=100_000,
    ),
    Trap(
        "list patterns nested 22 deep (native parser: exponential time)",
        case_pattern(22, "[", "]"),
        "line 3: its 'case' patterns nest too deeply for libcst's parser",
    ),
    Trap(
        "mapping patterns nested 12 deep (native parser: exponential time)",
        case_pattern(12, "{1: ", "}"),
        "its 'case' patterns nest too deeply",
    ),
    Trap(
        "parenthesised patterns nested 30 deep, one per line",
        "match x:\n    case (\n" + "(\n" * 29 + "a" + ")\n" * 29 + "    ):\n        pass\n",
        "its 'case' patterns nest too deeply",
    ),
    Trap(
        "1,000 cases of list patterns nested 12 deep",
        "match x:\n" + f"    case {'[' * 12}a{']' * 12}:\n        pass\n" * 1000,
        "its 'case' patterns nest too deeply",
    ),
    Trap("realistic match statement", case_pattern(4, "{'k': [", "]}"), ""),
]


def outcome(violations: list[tuple[int, int, str]], trap: Trap) -> None:
    found = [(line, column, message.split()[0]) for line, column, message in violations]
    if trap.reason:
        assert found == sorted([*ANALYSED, (3, 0, "PKL000")]), violations
        (message,) = [message for _, _, message in violations if message.startswith("PKL000")]
        assert message.startswith(REFUSED), message
        assert trap.reason in message, message
    else:
        assert found == ANALYSED


@pytest.mark.parametrize("trap", RAISING, ids=lambda trap: trap.name)
def test_a_trap_that_raises_in_libcst_gets_a_defined_outcome(trap: Trap) -> None:
    source = HEADER + trap.body + FOOTER
    violations = check(source, ast.parse(source))
    outcome([(v.line, v.column, v.message) for v in violations], trap)


@pytest.mark.parametrize("trap", [t for t in RAISING if t.reason], ids=lambda trap: trap.name)
def test_a_trap_the_analysis_does_not_need_is_never_parsed(trap: Trap) -> None:
    source = HEADER + trap.body
    violations = check(source, ast.parse(source))
    assert [(v.line, v.column, v.code) for v in violations] == ANALYSED


RUNNER = """
import ast, json, sys
limit = int(sys.argv[1])
if limit:
    sys.setrecursionlimit(limit)
from flake8_session_pickle import check_source
source = sys.stdin.read()
try:
    tree = ast.parse(source)
except RecursionError:
    # Python >= 3.12 bounds its parser's recursion whatever the limit: flake8
    # then reports the file itself, and the engine, which parses again, is silent.
    print(json.dumps({"python parses it": False, "violations": [
        [v.line, v.column, v.message] for v in check_source(source, strict=True)]}))
else:
    print(json.dumps({"python parses it": True, "violations": [
        [v.line, v.column, v.message] for v in check_source(source, tree, strict=True)]}))
"""


@pytest.mark.parametrize("trap", FATAL, ids=lambda trap: trap.name)
def test_a_trap_that_crashes_or_hangs_libcst_gets_a_defined_outcome(trap: Trap) -> None:
    # The timeout only turns a hang into a failure; every case ends in about a second.
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(trap.recursion_limit)],
        input=HEADER + trap.body + FOOTER,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"exit status {result.returncode}: {result.stderr[-3000:]}"
    checked = json.loads(result.stdout)
    violations = [tuple(item) for item in checked["violations"]]
    if checked["python parses it"]:
        outcome(violations, trap)
    else:
        assert trap.recursion_limit
        assert sys.version_info >= (3, 12)
        assert violations == []


# What the limits protect against, measured on libcst 1.9: if a later libcst no
# longer fails here, the limits may be relaxed.
needs_libcst_1_9 = pytest.mark.skipif(
    not version("libcst").startswith("1.9."),
    reason="the traps were measured on libcst 1.9",
)
LIBCST_RUNNER = """
import sys, libcst
try:
    libcst.parse_module(sys.stdin.read()).visit(libcst.CSTVisitor())
except Exception as error:
    print(type(error).__name__)
"""


@needs_libcst_1_9
@pytest.mark.parametrize(
    "body, error",
    [
        (operator_chain(1000), "RecursionError"),
        (nested_lists(150), "RecursionError"),
        (string_literals(3000), "RecursionError"),
        (string_literals(10_000), "ParserSyntaxError"),
        ("(a): int = 1\n", "ParserSyntaxError"),
    ],
    ids=["operator chain", "nested lists", "3,000 literals", "10,000 literals", "(a): int"],
)
def test_libcst_itself_fails_on_the_traps(body: str, error: str) -> None:
    source = HEADER + body
    ast.parse(source)
    result = subprocess.run(
        [sys.executable, "-c", LIBCST_RUNNER],
        input=source,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, error)


@needs_libcst_1_9
def test_libcst_itself_crashes_on_a_long_boolean_chain() -> None:
    source = HEADER + boolean_chain(10_000)
    ast.parse(source)
    result = subprocess.run(
        [sys.executable, "-c", LIBCST_RUNNER],
        input=source,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == -signal.SIGSEGV
