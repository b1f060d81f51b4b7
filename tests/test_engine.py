"""The engine called directly: each write form and each value kind, with positive
and negative cases, name resolution, flow, and what is not Streamlit's."""

from __future__ import annotations

import textwrap

import libcst
import pytest
from strict import check

HEADER = "import streamlit as st\n"


def codes(source: str) -> list[str]:
    return [violation.code for violation in check(textwrap.dedent(source))]


def write(statement: str, prelude: str = "") -> list[str]:
    return codes(HEADER + textwrap.dedent(prelude) + textwrap.dedent(statement))


WRITE_FORMS = [
    'st.session_state["k"] = {v}',
    "st.session_state[key_name] = {v}",
    "st.session_state.k = {v}",
    "st.session_state.k: object = {v}",
    "a = st.session_state.k = {v}",
    "st.session_state.a, st.session_state.b = 1, {v}",
    "[st.session_state.a, st.session_state.b] = [{v}, 1]",
    'st.session_state.update({{"k": {v}}})',
    "st.session_state.update(k={v})",
    'st.session_state.update(**{{"k": {v}}})',
    'other = {{"k": {v}}}\nst.session_state.update(other)',
    'st.session_state.setdefault("k", {v})',
    'setattr(st.session_state, "k", {v})',
    'st.session_state.__setitem__("k", {v})',
    "st.session_state.items.append({v})",
    'st.session_state["items"].insert(0, {v})',
    "st.session_state.items.extend([{v}])",
    'st.session_state.table["row"] = {v}',
    "st.session_state.items += [{v}]",
    "st.session_state.items += [0, {v}]",
    "a, *st.session_state.rest = 0, {v}, 1",
    "pair = (0, {v})\nst.session_state.a, st.session_state.b = pair",
    "for st.session_state.k in [{v}]:\n    pass",
    "options = [0, {v}]\nfor st.session_state.k in options:\n    pass",
]


@pytest.mark.parametrize("form", WRITE_FORMS)
def test_every_write_form_reports_a_lambda(form: str) -> None:
    assert write(form.format(v="lambda: 1"), "key_name = 'k'\n") == ["PKL101"]


@pytest.mark.parametrize("form", WRITE_FORMS)
def test_every_write_form_is_silent_for_data(form: str) -> None:
    assert write(form.format(v="(1, 'a', None)"), "key_name = 'k'\n") == []


@pytest.mark.parametrize(
    "imports, state",
    [
        ("import streamlit as st", "st.session_state"),
        ("import streamlit as anything", "anything.session_state"),
        ("import streamlit", "streamlit.session_state"),
        ("from streamlit import session_state", "session_state"),
        ("from streamlit import session_state as ss", "ss"),
        ("import streamlit as st\nss = st.session_state", "ss"),
        ("import streamlit as st\na = st.session_state\nb = a\nc = b", "c"),
        ("import streamlit as st\nx = st", "x.session_state"),
    ],
)
def test_session_state_is_recognised_however_it_is_reached(imports: str, state: str) -> None:
    assert codes(f"{imports}\n{state}.k = lambda: 1\n") == ["PKL101"]


@pytest.mark.parametrize(
    "source",
    [
        # Another framework's session state, or a test's AppTest.
        "import streamlit as st\nteam.session_state['k'] = lambda: 1\n",
        "import streamlit as st\nclass A:\n    def f(self):\n"
        "        self.session_state.k = lambda: 1\n",
        "from streamlit.testing.v1 import AppTest\nat = AppTest.from_file('a.py')\n"
        "at.session_state['k'] = lambda: 1\n",
        # A parameter that shadows the module.
        "import streamlit as st\ndef f(st):\n    st.session_state.k = lambda: 1\n",
        # No Streamlit import at all.
        "session_state = {}\nsession_state['k'] = lambda: 1\n",
        # A module named like Streamlit's attribute but not it.
        "import other as st\nst.session_state.k = lambda: 1\n",
        # An alias rebound to something else before the write.
        "import streamlit as st\nss = st.session_state\nss = {}\nss['k'] = lambda: 1\n",
    ],
)
def test_objects_that_are_not_streamlits_session_state_are_not_sinks(source: str) -> None:
    assert codes(source) == []


@pytest.mark.parametrize(
    "value, prelude, expected",
    [
        ("lambda: 1", "", "PKL101"),
        ("[1, {'a': (lambda: 1,)}]", "", "PKL101"),
        ("None if flag else (lambda: 1)", "flag = True\n", "PKL101"),
        ("(f := lambda: 1)", "", "PKL101"),
        ("handler", "handler = lambda: 1\n", "PKL101"),
        ("(x for x in [1])", "", "PKL103"),
        ("gen()", "def gen():\n    yield 1\n", "PKL103"),
        ("coro()", "async def coro():\n    return 1\n", "PKL103"),
        ("agen()", "async def agen():\n    yield 1\n", "PKL103"),
        ("open('f')", "", "PKL104"),
        ("io.open('f')", "import io\n", "PKL104"),
        ("builtins.open('f')", "import builtins\n", "PKL104"),
        ("pathlib.Path('f').open()", "import pathlib\n", "PKL104"),
        ("Path('f').open()", "from pathlib import Path\n", "PKL104"),
        ("tempfile.TemporaryFile()", "import tempfile\n", "PKL104"),
        ("tempfile.NamedTemporaryFile()", "import tempfile\n", "PKL104"),
        ("gzip.open('f')", "import gzip\n", "PKL104"),
        ("bz2.open('f')", "import bz2\n", "PKL104"),
        ("lzma.open('f')", "import lzma\n", "PKL104"),
        ("fh", "with open('f') as fh:\n    pass\n", "PKL104"),
        ("socket.socket()", "import socket\n", "PKL105"),
        ("socket.create_connection(('h', 1))", "import socket\n", "PKL105"),
        ("socket.socketpair()", "import socket\n", "PKL105"),
        ("socket.fromfd(3, 2, 1)", "import socket\n", "PKL105"),
        (
            "ctx.wrap_socket(socket.socket())",
            "import socket, ssl\nctx = ssl.SSLContext()\n",
            "PKL105",
        ),
    ],
)
def test_value_kinds(value: str, prelude: str, expected: str | None) -> None:
    assert write(f"st.session_state.k = {value}\n", prelude) == ([expected] if expected else [])


@pytest.mark.parametrize(
    "value, prelude",
    [
        ("open('f').read()", ""),
        ("list(open('f'))", ""),
        ("sorted(x for x in y)", "y = [1]\n"),
        ("sum(x for x in y)", "y = [1]\n"),
        ("(lambda: 1)()", ""),
        ("str(lambda: 1)", ""),
        ("open", ""),
        ("socket.socket", "import socket\n"),
        ("module_function", "def module_function(): pass\n"),
        ("Module", "class Module: pass\n"),
        ("Module()", "class Module: pass\n"),
        ("Module().method", "class Module:\n    def method(self): pass\n"),
        ("gen", "def gen():\n    yield 1\n"),
        ("tempfile.SpooledTemporaryFile()", "import tempfile\n"),
        ("io.BytesIO(b'x')", "import io\n"),
        ("[lambda_result for lambda_result in range(3)]", ""),
        ("f", "f = lambda: 1\nf = 3\n"),
        ("open_file", "def open_file(): return 1\n"),
        ("fh.read()", "with open('f') as fh:\n    pass\n"),
        ("ctx", "import contextlib\nwith contextlib.suppress(Exception) as ctx:\n    pass\n"),
    ],
)
def test_look_alikes_that_pickle_are_silent(value: str, prelude: str) -> None:
    assert write(f"st.session_state.k = {value}\n", prelude) == []


@pytest.mark.parametrize(
    "loop",
    [
        "for key, value in DEFAULTS.items():\n    st.session_state.setdefault(key, value)\n",
        "for value in DEFAULTS.values():\n    st.session_state.last = value\n",
        "for key in DEFAULTS:\n    if key not in st.session_state:\n"
        "        st.session_state[key] = DEFAULTS[key]\n",
    ],
)
def test_a_loop_over_a_container_binds_what_it_holds(loop: str) -> None:
    defaults = "DEFAULTS = {'messages': [], 'fmt': lambda value: value}\n"
    assert write(loop, defaults) == ["PKL101"]


@pytest.mark.parametrize(
    "read, expected",
    [
        ("CONFIG['factory']", ["PKL101"]),
        ("CONFIG['name']", []),
        ("CONFIG.get('factory')", ["PKL101"]),
        ("CONFIG.get('missing', 1)", []),
        ("PAIR[1]", ["PKL101"]),
        ("PAIR[0]", []),
    ],
)
def test_an_item_of_a_known_container_is_what_it_holds_there(
    read: str, expected: list[str]
) -> None:
    prelude = "CONFIG = {'name': 'x', 'factory': lambda: 1}\nPAIR = ('x', lambda: 1)\n"
    assert write(f"st.session_state.k = {read}\n", prelude) == expected


@pytest.mark.parametrize(
    "statement",
    [
        "st.session_state.names = list(HANDLERS)",
        "st.session_state.names = sorted(HANDLERS)",
        "st.session_state.names = [*HANDLERS]",
        "for name in HANDLERS:\n    st.session_state.last = name",
        "for name, handler in HANDLERS.items():\n    st.session_state[name] = name",
    ],
)
def test_iterating_a_dict_gives_its_keys(statement: str) -> None:
    assert write(statement + "\n", "HANDLERS = {'save': lambda: 1}\n") == []


@pytest.mark.parametrize(
    "statement",
    [
        "st.session_state.handlers = list(HANDLERS.values())",
        "st.session_state.handlers = dict(HANDLERS)",
        "st.session_state.handlers = {**HANDLERS}",
        "for name, handler in HANDLERS.items():\n    st.session_state[name] = handler",
        "st.session_state.update(HANDLERS)",
    ],
)
def test_a_dicts_values_are_followed_where_they_go(statement: str) -> None:
    assert write(statement + "\n", "HANDLERS = {'save': lambda: 1}\n") == ["PKL101"]


@pytest.mark.parametrize(
    "widget, expected",
    [
        ("st.sidebar.radio('Page', [home, about])", ["PKL112"]),
        ("st.selectbox('Page', options=PAGES.values())", ["PKL112"]),
        ("st.radio('Page', [home, about], key='page')", []),
        ("st.radio('Page', [home, about], index=None)", []),
        ("st.radio('Page', PAGES)", []),
        ("st.selectbox('Mode', list(Mode))", ["PKL112"]),
        ("st.selectbox('Format', [lambda value: value], key='format')", ["PKL101"]),
        ("st.multiselect('Pages', [home, about])", []),
        ("st.multiselect('Pages', [home, about], default=[home])", ["PKL112"]),
        ("st.radio('Page', ['home', 'about'])", []),
        ("st.selectbox('Mode', list(Mode), key='mode')", ["PKL112"]),
        ("st.radio('Point', [Point(1)], key='point')", ["PKL112"]),
        ("st.radio('Plain', [Plain()], key='plain')", []),
    ],
)
def test_option_widgets_keep_the_option_they_start_with(widget: str, expected: list[str]) -> None:
    prelude = (
        "import enum\nfrom dataclasses import dataclass\nst.title('app')\n"
        "def home(): pass\ndef about(): pass\n"
        "PAGES = {'Home': home}\nclass Mode(enum.Enum):\n    A = 'a'\n"
        "@dataclass\nclass Point:\n    x: int\nclass Plain:\n    pass\n"
    )
    assert write(widget + "\n", prelude) == expected


def test_a_loop_over_what_a_file_yields_binds_nothing_known() -> None:
    assert write("for line in open('log'):\n    st.session_state.last = line\n") == []


def test_a_read_with_a_default_is_not_a_write() -> None:
    assert write("handler = st.session_state.get('k', lambda: 1)\n") == []
    assert write("st.session_state.get('k', lambda: 1)\n") == []


def test_what_a_read_with_a_default_gives_may_be_the_default() -> None:
    assert write("st.session_state.k = st.session_state.get('k', lambda: 1)\n") == ["PKL101"]


@pytest.mark.parametrize(
    "statements",
    [
        "locks = st.session_state.locks\nlocks.append(threading.Lock())\n",
        "locks = st.session_state['locks']\nlocks.append(threading.Lock())\n",
        "st.session_state.setdefault('locks', []).append(threading.Lock())\n",
        "st.session_state.get('locks', []).append(threading.Lock())\n",
        "table = st.session_state.get('table', {})\ntable['lock'] = threading.Lock()\n",
    ],
)
def test_writes_into_a_stored_container_reached_through_a_name_or_a_read(
    statements: str,
) -> None:
    assert write(statements, "import threading\n") == ["PKL107"]


def test_a_name_bound_in_another_function_is_a_different_name() -> None:
    source = """
        def one():
            handler = lambda: 1
        def two():
            st.session_state.k = handler
        handler = 2
    """
    assert write(source) == []


HELPERS = """\
import threading
import streamlit as st
def init_state(key, value):
    if key not in st.session_state:
        st.session_state[key] = value
def start(name):
    st.session_state.lock = threading.Lock()
    init_state("name", name)
init_state("handle", open("f.txt"))
init_state("count", 0)
start("job")
start(lambda: 0)
"""


def test_a_value_a_call_passes_to_a_function_that_stores_it_is_reported_at_the_call() -> None:
    found = [(v.line, v.column, v.code) for v in check(HELPERS)]
    # and once where the function writes it, which stores it on some run
    assert found == [(5, 32, "PKL104"), (7, 28, "PKL107"), (9, 0, "PKL104"), (12, 0, "PKL101")]
    messages = {v.line: v.message for v in check(HELPERS)}
    assert "open file from open() passed to 'init_state()' stored in " in messages[9]
    assert 'st.session_state[key] (st.session_state["handle"])' in messages[9]
    assert "lambda passed to 'start()' stored in st.session_state[key]" in messages[12]


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        ("keep(sqlite3.connect(''))\nkeep(open('log'))\n", [5, 6, 7]),
        ("keep(sqlite3.connect(''))\nkeep(external.thing())\n", [5, 6]),
        ("keep(sqlite3.connect(''))\nkeep('offline')\n", [5, 6]),
        ("keep('offline')\nkeep(external.thing())\n", []),
        # a flag the call gives decides whether the store runs
        ("keep(sqlite3.connect(''), store=False)\n", []),
        ("keep(sqlite3.connect(''), store=True)\n", [5, 6]),
        # what a function makes of what it is given
        (
            "def open_db(folder):\n    keep(sqlite3.connect(folder + '/app.db'))\n"
            "open_db(external.folder())\n",
            [5, 7],
        ),
    ],
)
def test_a_write_a_call_makes_refused_is_reported_where_it_is_written_too(
    calls: str, expected: list[int]
) -> None:
    source = HEADER + "import sqlite3, external\n\ndef keep(conn, store=True):\n"
    source += "    if store: st.session_state.conn = conn\n" + calls
    assert [v.line for v in check(source)] == expected


CLASS_HELPERS = """\
import sqlite3
import streamlit as st
class State:
    def __init__(self):
        st.session_state.setdefault("log", [])
    def keep(self, key, value):
        st.session_state[key] = value
    @staticmethod
    def put(key, value):
        st.session_state[key] = value
    @classmethod
    def note(cls, value):
        st.session_state.note = value
    def describe(self, text):
        return text.upper()
state = State()
state.keep("conn", sqlite3.connect("app.db"))
State.put("handle", open("f.txt"))
state.put("count", 0)
State.note(lambda: 1)
state.describe(sqlite3.connect("other.db"))
"""


def test_a_value_a_call_passes_to_a_method_that_stores_it_is_reported_at_the_call() -> None:
    found = [(v.line, v.code) for v in check(CLASS_HELPERS)]
    # once where each method writes it, and at each call passing it, but for the
    # method that stores nothing
    assert found == [
        (7, "PKL106"),
        (10, "PKL104"),
        (13, "PKL101"),
        (17, "PKL106"),
        (18, "PKL104"),
        (20, "PKL101"),
    ]
    messages = {v.line: v.message for v in check(CLASS_HELPERS)}
    assert "from sqlite3.connect() passed to 'State.keep()' stored in " in messages[17]
    assert "passed to 'State.put()'" in messages[18]


GIVEN_SESSION_STATE = """\
import sqlite3
import threading
import streamlit as st
def toggle(start, state):
    if start:
        state["server"] = threading.Thread(target=print)
def keep(state, value):
    state.value = value
class Setup:
    def run(self, session, rows):
        session.update(rows=list(rows), db=sqlite3.connect("app.db"))
def fill(cache):
    cache["db"] = sqlite3.connect("app.db")
ss = st.session_state
toggle(True, st.session_state)
keep(ss, lambda: 1)
keep(st.session_state, [1, 2])
Setup().run(rows=[1], session=st.session_state)
fill({})
"""


def test_session_state_given_to_a_function_that_stores_into_it_is_reported_at_the_call() -> None:
    found = check(GIVEN_SESSION_STATE)
    assert [(v.line, v.code) for v in found] == [(15, "PKL107"), (16, "PKL101"), (18, "PKL106")]
    messages = [v.message for v in found]
    assert "threading.Thread() through 'toggle()' stored in state[\"server\"] (st." in messages[0]
    assert "lambda passed to 'keep()' stored in state.value (st.session_state.value)" in messages[1]
    assert "through 'Setup.run()'" in messages[2]


@pytest.mark.parametrize(
    ("function", "call", "expected"),
    [
        # the branch a call decides is the only one run, and is not joined with
        # the path it skips
        (
            "def keep(start, state):\n    server = threading.Thread(target=print)\n"
            "    if not start:\n        server = None\n    state['s'] = server\n",
            "keep(False, st.session_state)",
            [],
        ),
        (
            "def keep(state, scratch):\n    if scratch:\n        state = {}\n"
            "    state['l'] = threading.Lock()\n",
            "keep(st.session_state, True)",
            [],
        ),
        # a decided branch that returns ends the run
        (
            "def keep(stop, state):\n    if stop:\n        return\n"
            "    state['t'] = threading.Thread(target=print)\n",
            "keep(True, st.session_state)",
            [],
        ),
        (
            "def keep(stop, state):\n    if stop:\n        return\n"
            "    state['t'] = threading.Thread(target=print)\n",
            "keep(False, st.session_state)",
            ["PKL107"],
        ),
        # not decided: a parameter bound again, a condition in a loop, a default
        # that is not a literal, a name of the function around
        (
            "def keep(key, value, cached=True):\n    cached = key in os.environ\n"
            "    if not cached:\n        st.session_state[key] = value\n",
            "keep('k', threading.Lock())",
            ["PKL107", "PKL107"],
        ),
        (
            "def keep(key, value, first=True):\n    for _ in range(2):\n"
            "        if not first:\n            st.session_state[key] = value\n"
            "        first = False\n",
            "keep('k', threading.Lock())",
            ["PKL107", "PKL107"],
        ),
        (
            "def keep(state, start=START):\n    if not start:\n"
            "        state['l'] = threading.Lock()\n",
            "keep(st.session_state)",
            ["PKL107"],
        ),
        (
            "def keep(key, value, enabled=False):\n    def inner(v):\n"
            "        if enabled:\n            st.session_state[key] = v\n"
            "    enabled = True\n    inner(value)\n",
            "keep('k', threading.Lock())",
            ["PKL107", "PKL107"],
        ),
    ],
)
def test_a_constant_a_call_gives_decides_a_condition_on_it(
    function: str, call: str, expected: list[str]
) -> None:
    source = "import os\nimport threading\nimport streamlit as st\nSTART = True\n"
    source += function + call + "\n"
    assert [v.code for v in check(source)] == expected


def test_a_value_the_call_did_not_pass_is_named_with_the_function_that_stores_it() -> None:
    source = "import threading\nimport streamlit as st\nLOCK = threading.Lock()\n"
    source += "def keep(state):\n    state['l'] = LOCK\nkeep(st.session_state)\n"
    (found,) = check(source)
    assert "from threading.Lock() through 'keep()' stored in state['l']" in found.message


def test_a_function_sees_the_final_module_bindings() -> None:
    source = """
        def callback():
            st.session_state.k = handler
        handler = lambda: 1
    """
    assert write(source) == ["PKL101"]


def test_a_name_bound_in_either_branch_may_hold_the_value() -> None:
    source = """
        if st.checkbox("x"):
            f = lambda: 1
        else:
            f = 2
        st.session_state.k = f
    """
    assert write(source) == ["PKL101"]


def test_a_name_rebound_in_both_branches_no_longer_holds_the_value() -> None:
    source = """
        f = lambda: 1
        if st.checkbox("x"):
            f = 1
        else:
            f = 2
        st.session_state.k = f
    """
    assert write(source) == []


def test_shadowing_builtin_open_is_respected() -> None:
    assert write("def open(p): return p\nst.session_state.k = open('f')\n") == []


def test_class_attribute_lookup_does_not_leak_into_methods() -> None:
    source = """
        class K:
            handler = lambda self: 1
            def store(self):
                st.session_state.k = handler
        handler = 3
    """
    assert write(source) == []


def test_report_points_at_the_value_and_names_the_key() -> None:
    source = HEADER + 'st.session_state["fh"] = [\n    1,\n    open("f"),\n]\n'
    (violation,) = check(source)
    assert (violation.line, violation.column, violation.code) == (4, 4, "PKL104")
    assert violation.message == (
        'PKL104 open file from open() stored in st.session_state["fh"] cannot be pickled '
        "(file handles hold an OS resource); store the path or the contents and reopen "
        "when needed"
    )


def test_columns_count_characters_not_bytes() -> None:
    (violation,) = check(HEADER + 'st.session_state["é"] = lambda: 1\n')
    assert violation.column == len('st.session_state["é"] = ')


def test_reports_are_sorted_and_unique() -> None:
    source = HEADER + "f = lambda: 1\nst.session_state.b = [f, f]\nst.session_state.a = f\n"
    violations = check(source)
    assert violations == sorted(set(violations))
    assert [v.line for v in violations] == [3, 4]


def test_a_file_without_session_state_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(libcst, "parse_module", refuse)
    assert check("import streamlit as st\nx = lambda: 1\n") == []
    assert check("import streamlit as st\nst.write(st.session_state.k)\n") == []


def test_a_syntax_error_is_left_to_flake8() -> None:
    assert check("import streamlit as st\nst.session_state.k = (\n") == []


def test_a_statement_libcst_cannot_parse_gets_one_report_at_its_line() -> None:
    source = HEADER + "(a): int = f()\nst.session_state.k = a\nst.session_state.f = lambda: 1\n"
    (refused, reported) = check(source)
    assert (refused.line, refused.column, refused.code) == (2, 0, "PKL000")
    assert refused.message.startswith(
        "PKL000 statement not checked for unpicklable session state: libcst cannot parse it"
    )
    # the rest of the file is checked; what the statement binds is not known
    assert (reported.line, reported.code) == (4, "PKL101")


def test_a_file_too_large_as_a_whole_gets_one_report_at_line_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flake8_session_pickle import engine

    monkeypatch.setattr(engine, "MAX_NODES", 10)
    source = HEADER + "st.session_state.a = [1, 2, 3]\nst.session_state.b = lambda: 1\n"
    (violation,) = check(source)
    assert (violation.line, violation.column, violation.code) == (1, 0, "PKL000")
    assert "file not checked" in violation.message


def test_statements_the_analysis_does_not_need_are_not_parsed() -> None:
    source = HEADER + "(a): int = 1\nst.write(a)\nst.session_state.k = lambda: 1\n"
    assert [v.code for v in check(source)] == ["PKL101"]


def test_statements_left_out_of_a_function_are_not_measured_for_libcst() -> None:
    source = HEADER + (
        "def page():\n"
        "    (a): int = 1\n"
        "    st.write(a)\n"
        "    st.session_state.k = lambda: 1\n"
        "page()\n"
    )
    assert [(v.line, v.code) for v in check(source)] == [(5, "PKL101")]


@pytest.mark.parametrize(
    "value, prelude, expected",
    [
        ("functools.partial(lambda x: x, 1)", "import functools\n", "PKL101"),
        ("map(lambda x: x, [1])", "", "PKL101"),
        ("filter(lambda x: x, [1])", "", "PKL101"),
        ("collections.defaultdict(lambda: 0)", "import collections\n", "PKL101"),
        ("functools.partial(sorted, key=lambda v: v)", "import functools\n", "PKL101"),
        ("map(str, (n for n in [1]))", "", "PKL103"),
        ("enumerate(n for n in [1])", "", "PKL103"),
        ("zip([1], rows)", "rows = (n for n in [1])\n", "PKL103"),
        ("iter(lambda: 1, 0)", "", "PKL101"),
        ("reversed([lambda: 1])", "", "PKL101"),
        ("chain.from_iterable([fh])", "from itertools import chain\nfh = open('f')\n", "PKL104"),
        ("operator.methodcaller('m', lambda: 1)", "import operator\n", "PKL101"),
        ("itertools.chain(d.keys())", "import itertools\nd = {'a': 1}\n", "PKL109"),
        ("dict(f=lambda: 1)", "", "PKL101"),
        ("list(handlers)", "handlers = [lambda: 1]\n", "PKL101"),
        ("types.SimpleNamespace(lock=threading.Lock())", "import types, threading\n", "PKL107"),
        ("copy.copy(table)", "import copy\ntable = {'f': lambda: 1}\n", "PKL101"),
        ("[] + [lambda: 1]", "", "PKL101"),
        ("[lambda: 1] * 2", "", "PKL101"),
        ("[*handlers]", "handlers = [lambda: 1]\n", "PKL101"),
        ("{**table}", "table = {'f': lambda: 1}\n", "PKL101"),
        (
            "partial(inner)",
            "from functools import partial\ndef f():\n    def inner(): pass\n"
            "    st.session_state.k = partial(inner)\n",
            None,
        ),
        ("K.f", "class K:\n    f = lambda self: 1\n", "PKL101"),
        ("make()", "def make():\n    def inner(): pass\n    return inner\n", "PKL102"),
        (
            "get_client()",
            "from openai import OpenAI\ndef get_client():\n    return OpenAI(api_key='x')\n",
            "PKL110",
        ),
        ("sqlite3.connect(':memory:')", "import sqlite3\n", "PKL106"),
        ("conn.cursor()", "import sqlite3\nconn = sqlite3.connect('db')\n", "PKL106"),
        ("st.connection('sql')", "", "PKL106"),
        ("create_engine('sqlite://')", "from sqlalchemy import create_engine\n", "PKL106"),
        ("threading.RLock()", "import threading\n", "PKL107"),
        (
            "ex",
            "from concurrent.futures import ThreadPoolExecutor\n"
            "with ThreadPoolExecutor() as ex:\n    pass\n",
            "PKL107",
        ),
        ("queue.Queue()", "import queue\n", "PKL107"),
        ("os", "import os\n", "PKL108"),
        ("st", "", "PKL108"),
        ("ET", "import xml.etree.ElementTree as ET\n", "PKL108"),
        ("memoryview(b'x')", "", "PKL109"),
        ("d.values()", "d = dict(a=1)\n", "PKL109"),
        ("hashlib.md5()", "import hashlib\n", "PKL109"),
        ("anthropic.Anthropic()", "import anthropic\n", "PKL110"),
        (
            "Holder()",
            "import threading\nclass Holder:\n    def __init__(self):\n"
            "        self.lock = threading.Lock()\n",
            "PKL111",
        ),
        (
            "holder",
            "import threading\nclass Holder:\n    def start(self):\n"
            "        self.lock = threading.Lock()\nholder = Holder()\nholder.start()\n",
            "PKL111",
        ),
        (
            "Holder()",
            "import threading\nclass Holder:\n    def __init__(self):\n        self._setup()\n"
            "    def _setup(self):\n        self.lock = threading.Lock()\n",
            "PKL111",
        ),
    ],
)
def test_issue_kinds_and_propagation(value: str, prelude: str, expected: str | None) -> None:
    source = HEADER + textwrap.dedent(prelude) + f"st.session_state.k = {value}\n"
    got = codes(source)
    if expected is None:
        assert got == ["PKL102"]  # reported once, inside f
    else:
        assert got == [expected]


@pytest.mark.parametrize(
    "value, prelude",
    [
        ("requests.Session()", "import requests\n"),
        ("logging.getLogger('x')", "import logging\n"),
        ("io.StringIO('x')", "import io\n"),
        ("re.compile('a')", "import re\n"),
        ("functools.partial(int, base=2)", "import functools\n"),
        ("map(str, [1])", ""),
        ("filter(None, [1])", ""),
        ("enumerate(['a'])", ""),
        ("reversed([1, 2])", ""),
        ("iter(d.keys())", "d = {'a': 1}\n"),
        ("zip(d.values(), d.items())", "d = {'a': 1}\n"),
        ("itertools.islice([1, 2], 1)", "import itertools\n"),
        ("sorted(n for n in [1])", ""),
        ("sorted([3, 1], key=lambda v: v)", ""),
        ("list(open('f'))", ""),
        ("list(table.keys())", "table = {'a': lambda: 1}\n"),
        ("dict(zip(['a'], [1]))", ""),
        ("1 + 2", ""),
        ("collections.defaultdict(list)", "import collections\n"),
        ("threading.current_thread().name", "import threading\n"),
        ("st.container()", ""),
        ("st.text_input('x')", ""),
        ("pd.DataFrame({'a': [1]})", "import pandas as pd\n"),
        ("np.zeros(3)", "import numpy as np\n"),
        ("Imported()", "from elsewhere import Imported\n"),
        ("os.path.join('a', 'b')", "import os\n"),
        ("list(d.items())", "d = {'a': 1}\n"),
        ("hashlib.sha256(b'x').hexdigest()", "import hashlib\n"),
        (
            "A()",
            "class A:\n    def __init__(self):\n        self.important_data = 1\n"
            "        self.f = lambda: 1\n    def __getstate__(self):\n"
            "        return {'important_data': self.important_data}\n",
        ),
        (
            "Registered()",
            "import copyreg, threading\nclass Registered:\n"
            "    def __init__(self):\n        self.lock = threading.Lock()\n"
            "copyreg.pickle(Registered, lambda r: (Registered, ()))\n",
        ),
        (
            "Child()",
            "import threading\nfrom somewhere import Base\nclass Child(Base):\n"
            "    def __init__(self):\n        self.lock = threading.Lock()\n",
        ),
        (
            "Plain()",
            "class Plain:\n    def __init__(self, client):\n        self.client = client\n",
        ),
        ("make()", "def make(flag=True):\n    if flag:\n        return 1\n"),
        (
            "Holder()",
            "import threading\nclass Holder:\n    def start(self):\n"
            "        self.lock = threading.Lock()\n",
        ),
        (
            "Leaf()",
            "import threading\nclass Root:\n    def __getstate__(self):\n        return {}\n"
            "class Middle(Root):\n    pass\nclass Leaf(Middle):\n    def __init__(self):\n"
            "        self.lock = threading.Lock()\n",
        ),
        ("module_function", "def module_function(): pass\n"),
    ],
)
def test_issue_look_alikes_stay_silent(value: str, prelude: str) -> None:
    assert codes(HEADER + textwrap.dedent(prelude) + f"st.session_state.k = {value}\n") == []


SCRIPT = HEADER + "st.title('app')\nclass K:\n    pass\ndef helper():\n    pass\n"
TYPED_DICT = "from typing import TypedDict\nclass Row(TypedDict):\n    n: int\n"


@pytest.mark.parametrize(
    "write",
    [
        "if 'k' not in st.session_state:\n    st.session_state.k = K()",
        "if st.button('x'):\n    st.session_state.k = [K()]",
        "st.session_state.setdefault('k', K())",
        "st.session_state.items.append(K())",
        "st.session_state.table['row'] = K()",
        "if 'f' not in st.session_state:\n    st.session_state.f = helper",
        "def on_click():\n    st.session_state.k = K()\nst.button('x', on_click=on_click)",
        "def later():\n    st.session_state.k = K()\nif st.button('x'):\n    later()",
        "st.button('x', on_click=lambda: st.session_state.update(k=K()))",
        "while False:\n    st.session_state.k = K()",
        "def on_click():\n    st.session_state.log = []\n    st.session_state.log.append(K())\n"
        "st.button('x', on_click=on_click)",
        "if st.button('x'):\n    st.session_state.log = []\nst.session_state.log.append(K())",
        "@st.cache_resource\ndef shared():\n    return K()\nst.session_state.k = shared()",
        "DEFAULT = [K()]\nif 'k' not in st.session_state:\n    st.session_state.k = DEFAULT",
        "handlers = {'h': helper}\nst.session_state.setdefault('h', handlers)",
        "for page in [helper]:\n    st.session_state.setdefault('page', page)",
        "st.session_state.log = st.session_state.get('log', []) + [K()]",
        "st.session_state.k = st.session_state.get('k', K())",
        "st.session_state.k = st.session_state.k if 'k' in st.session_state else K()",
        "items = []\nitems.append(K())\nst.session_state.setdefault('items', items)",
    ],
)
def test_script_values_kept_across_reruns(write: str) -> None:
    assert codes(SCRIPT + write + "\n") == ["PKL112"]


@pytest.mark.parametrize(
    "write",
    [
        "st.session_state.k = K()",
        "st.session_state.f = helper",
        "for i in range(3):\n    st.session_state.k = K()",
        "with st.sidebar:\n    st.session_state.k = K()",
        "def main():\n    st.session_state.k = K()\nmain()",
        "def main():\n    st.session_state.k = K()\nif __name__ == '__main__':\n    main()",
        "if __name__ == '__main__':\n    st.session_state.k = K()",
        "if 'k' not in st.session_state:\n    st.session_state.k = Imported()",
        "if 'k' not in st.session_state:\n    st.session_state.k = {'n': 1}",
        "if 'k' not in st.session_state:\n    st.session_state.k = [Row(n=1)]",
        "st.session_state.log = []\nst.session_state.log.append(K())",
        "st.session_state['log'] = []\nst.session_state.log += [K()]",
        "st.session_state.k = K() if st.session_state.get('n') else None",
        "st.session_state.k = st.session_state.get('other', K())",
        "st.session_state.log = [K()]\nst.session_state.log = st.session_state.log + [K()]",
    ],
)
def test_script_values_replaced_every_run_are_fine(write: str) -> None:
    assert codes(SCRIPT + TYPED_DICT + "from models import Imported\n" + write + "\n") == []


def test_a_module_that_runs_nothing_is_not_an_app_script() -> None:
    library = (
        HEADER + "class K:\n    pass\ndef store():\n    st.session_state.setdefault('k', K())\n"
    )
    assert codes(library) == []


@pytest.mark.parametrize(
    "declaration",
    [
        "_component = components.declare_component('chat', path='frontend/build')\n",
        "components.declare_component('chat', url='http://localhost:3001')\n",
        "if DEVELOP:\n    _c = components.declare_component('chat', url='http://localhost:3001')\n",
        "from streamlit.components.v1 import declare_component\n"
        "_component = declare_component('chat', path='frontend/build')\n",
    ],
)
def test_a_component_module_that_declares_its_component_is_not_an_app_script(
    declaration: str,
) -> None:
    module = HEADER + "import streamlit.components.v1 as components\nDEVELOP = False\n"
    module += declaration + "class Connection:\n    pass\n"
    module += "def connect(key):\n    if key not in st.session_state:\n"
    module += "        st.session_state[key] = Connection()\n    return st.session_state[key]\n"
    assert codes(module) == []
    assert codes(module + "connect('chat')\n") == ["PKL112"]


@pytest.mark.parametrize(
    "decorator, imports",
    [
        ("@st.cache_data", ""),
        ("@st.cache_data()", ""),
        ("@st.cache_data(ttl=60, show_spinner=False)", ""),
        ("@streamlit.cache_data", "import streamlit\n"),
        ("@cache_data", "from streamlit import cache_data\n"),
        ("@memo", "from streamlit import cache_data as memo\n"),
        ("@cached", "cached = st.cache_data\n"),
        ("@st.experimental_memo", ""),
    ],
)
def test_cache_data_is_recognised_however_it_is_reached(decorator: str, imports: str) -> None:
    source = HEADER + imports + f"{decorator}\ndef load():\n    return lambda: 1\n"
    assert codes(source) == ["PKL201"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("return open('f')", ["PKL204"]),
        ("handle = open('f')\n    return handle", ["PKL204"]),
        ("handle = open('f')\n    handle = handle.read()\n    return handle", []),
        ("return {'rows': [1], 'conn': sqlite3.connect('db')}", ["PKL206"]),
        ("return None if flag else threading.Lock()", ["PKL207"]),
        ("if flag:\n        return 1\n    return lambda: 1", ["PKL201"]),
        ("yield 1\n    return lambda: 1", ["PKL203"]),
        ("yield 1", ["PKL203"]),
        ("return open('f').read()", []),
        ("return sqlite3.connect('db').execute('select 1').fetchall()", []),
        ("return [1, 2]", []),
        ("def inner():\n        return lambda: 1\n    return inner()", ["PKL201"]),
        ("def inner():\n        return 1\n    return inner()", []),
    ],
)
def test_cache_data_return_values(body: str, expected: list[str]) -> None:
    source = (
        HEADER
        + "import sqlite3, threading\nflag = True\n"
        + f"@st.cache_data\ndef load():\n    {body}\n"
    )
    assert codes(source) == expected


def test_a_cached_coroutine_function_is_judged_by_what_it_returns() -> None:
    assert codes(HEADER + "@st.cache_data\nasync def load():\n    return lambda: 1\n") == ["PKL201"]
    assert codes(HEADER + "@st.cache_data\nasync def load():\n    return 1\n") == []
    assert codes(HEADER + "@st.cache_data\nasync def load():\n    yield 1\n") == ["PKL203"]


@pytest.mark.parametrize(
    "body",
    [
        "with st.spinner('x'):\n        return sqlite3.connect('db')",
        "if flag:\n        return sqlite3.connect('db')\n    else:\n        return None",
        "try:\n        return sqlite3.connect('db')\n    except sqlite3.Error:\n        raise",
        "if flag:\n        return sqlite3.connect('db')\n    elif flag:\n"
        "        return None\n    else:\n        raise ValueError",
        "if flag:\n        return unknown_factory()\n    return sqlite3.connect('db')",
    ],
)
def test_every_return_of_a_helper_counts_wherever_it_stands(body: str) -> None:
    source = HEADER + f"import sqlite3\nflag = True\ndef connect():\n    {body}\n"
    assert codes(source + "st.session_state.conn = connect()\n") == ["PKL106"]


def test_a_helper_that_may_end_without_a_return_returns_none_there() -> None:
    source = HEADER + "import sqlite3\nflag = True\ndef connect():\n"
    source += "    if flag:\n        return sqlite3.connect('db')\n    print('no database')\n"
    assert codes(source + "st.session_state.conn = connect()\n") == ["PKL106"]
    source = HEADER + "def pick(kind):\n    if kind == 'a':\n        return 'alpha'\n"
    source += "    elif kind == 'b':\n        return ['beta']\n    else:\n        pass\n"
    assert codes(source + "st.session_state.choice = pick('a')\n") == []


@pytest.mark.parametrize(
    "decorator", ["@st.cache_resource", "@functools.cache", "@other.cache_data", ""]
)
def test_functions_that_are_not_cache_data_are_not_checked(decorator: str) -> None:
    source = HEADER + f"import functools, other\n{decorator}\ndef load():\n    return open('f')\n"
    assert codes(source) == []


def test_a_file_with_cache_data_but_no_session_state_is_checked() -> None:
    source = "import streamlit as st\n@st.cache_data\ndef load():\n    return lambda: 1\n"
    assert "session_state" not in source
    assert codes(source) == ["PKL201"]


@pytest.mark.parametrize(
    "decorator, expected",
    [
        ("@st.cache_resource", ["PKL110"]),
        ("@st.cache_resource(ttl=60)", ["PKL110"]),
        ("@functools.cache", ["PKL110"]),
        ("@functools.lru_cache(maxsize=None)", ["PKL110"]),
        ("@traceable(run_type='llm')", ["PKL110"]),
        ("@langsmith.traceable", ["PKL110"]),
        ("@functools.wraps(print)", []),
        ("@unknown_decorator", []),
    ],
)
def test_calls_through_decorators_that_return_the_same_object(
    decorator: str, expected: list[str]
) -> None:
    source = HEADER + (
        "import functools\nimport langsmith\nfrom langsmith import traceable\n"
        "from openai import OpenAI\nfrom lib import unknown_decorator\n"
        f"{decorator}\ndef get_client():\n    return OpenAI()\n"
        "st.session_state.client = get_client()\n"
    )
    assert codes(source) == expected


def test_a_method_crewai_s_decorators_wrap_stands_for_what_it_returns() -> None:
    source = HEADER + (
        "from crewai import Agent, Crew\nfrom crewai.project import CrewBase, agent, crew\n"
        "@CrewBase\nclass Team:\n"
        "    @agent\n    def writer(self) -> Agent:\n"
        "        return Agent(config=self.agents_config['writer'])\n"
        "    @crew\n    def crew(self) -> Crew:\n"
        "        return Crew(agents=self.agents, tasks=self.tasks)\n"
        "st.session_state.team = Team().crew()\nst.session_state.writer = Team().writer()\n"
    )
    assert codes(source) == ["PKL110", "PKL110"]


def test_a_decorated_function_itself_is_not_judged() -> None:
    source = SCRIPT + (
        "@st.cache_resource\ndef load():\n    return 1\n"
        "if 'f' not in st.session_state:\n    st.session_state.f = load\n"
    )
    assert codes(source) == []


def test_unpacking_into_a_place_and_a_name_reports_nothing_it_cannot_place() -> None:
    prelude = "from openai import OpenAI\ndef make():\n    return 'gpt', OpenAI()\n"
    assert write("st.session_state.model, client = make()\n", prelude) == []


@pytest.mark.parametrize(
    "subclass_init, expected",
    [
        ("        self.n = 1\n", []),
        ("        super().__init__()\n        self.n = 1\n", ["PKL111"]),
    ],
)
def test_a_base_method_a_subclass_overrides_runs_only_through_super(
    subclass_init: str, expected: list[str]
) -> None:
    classes = (
        "import threading\nclass Base:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\n"
        "class Bot(Base):\n    def __init__(self):\n" + subclass_init
    )
    assert write("st.session_state.bot = Bot()\n", classes) == expected


@pytest.mark.parametrize(
    "fields, expected",
    [
        ("    lock: object = field(default_factory=threading.Lock)\n", ["PKL111"]),
        ("    on_save: object = lambda: 1\n", ["PKL111"]),
        ("    lock: object = field(default_factory=lambda: threading.Lock())\n", ["PKL111"]),
        ("    items: list = field(default_factory=list)\n    n: int = 0\n", []),
        ("    lock: ClassVar[object] = threading.Lock()\n", []),
    ],
)
def test_a_dataclass_field_default_is_instance_state(fields: str, expected: list[str]) -> None:
    classes = (
        "import threading\nfrom dataclasses import dataclass, field\nfrom typing import ClassVar\n"
        "@dataclass\nclass Worker:\n" + fields
    )
    assert write("st.session_state.worker = Worker()\n", classes) == expected


def test_a_with_target_stores_what_the_resource_enters_as() -> None:
    assert write("with open('log') as st.session_state.fh:\n    pass\n") == ["PKL104"]
    assert write("with open('log') as fh:\n    st.session_state.fh = fh\n") == ["PKL104"]
    lock = "with threading.Lock() as held:\n    st.session_state.held = held\n"
    assert write(lock, "import threading\n") == []
    assert write("with st.spinner() as st.session_state.fh:\n    pass\n") == []


CONTEXT_MANAGERS = """\
import contextlib
import external
import threading


def helper():
    return 1


class Session:
    def __init__(self):
        self.lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    async def __aenter__(self):
        return self.tool()

    async def __aexit__(self, *exc):
        return False

    def tool(self):
        def call():
            return 1
        return call


class Handle:
    def __enter__(self):
        return helper

    def __exit__(self, *exc):
        return False


class Derived(Session):
    def __enter__(self):
        return super().__enter__()
"""


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("with Session() as held:\n    st.session_state.held = held\n", ["PKL111"]),
        ("with Session() as held:\n    st.session_state.tool = held.tool()\n", ["PKL102"]),
        (
            "async def main():\n    async with Session() as tool:\n"
            "        st.session_state.tool = tool\n",
            ["PKL102"],
        ),
        (
            "with contextlib.ExitStack() as stack:\n"
            "    st.session_state.held = stack.enter_context(Session())\n",
            ["PKL111"],
        ),
        ("st.session_state.held = Session().__enter__()\n", ["PKL111"]),
        (
            "async def main():\n    st.session_state.tool = await Session().__aenter__()\n",
            ["PKL102"],
        ),
        # what a place holds gets past the call only if it can be entered: not None
        (
            "if 'session' not in st.session_state:\n    st.session_state.session = None\n"
            "def start():\n    st.session_state.session = Session()\n"
            "async def main():\n    st.session_state.tool = await st.session_state.session"
            ".__aenter__()\n",
            ["PKL111", "PKL102"],
        ),
        ("st.session_state.entered = Handle().__enter__()\n", []),
        # what entering gives where the analysis does not know it: a call as any other
        ("st.session_state.held = Derived().__enter__()\n", ["PKL111"]),
        ("with Derived() as held:\n    st.session_state.held = held\n", ["PKL111"]),
        ("st.session_state.entered = external.thing().__aenter__()\n", []),
        ("st.session_state.entered = Handle().__exit__(None, None, None)\n", []),
        ("with Handle() as entered:\n    st.session_state.entered = entered\n", []),
        ("with Handle():\n    st.session_state.entered = Handle()\n", []),
        # which part of what is entered each name of a tuple takes is not followed
        ("with Session() as (held, n):\n    st.session_state.n = n\n", []),
    ],
)
def test_a_with_target_is_what_the_app_class_enters_as(statement: str, expected: list[str]) -> None:
    assert write(statement, CONTEXT_MANAGERS) == expected


@pytest.mark.parametrize(
    "statement",
    [
        "for st.session_state.line in open('log'):\n    pass\n",
        "for st.session_state.key in settings.keys():\n    pass\n",
        "for st.session_state.n in (n for n in range(3)):\n    pass\n",
        "st.session_state.lines = []\nst.session_state.lines.extend(open('log'))\n",
    ],
)
def test_items_of_an_iterated_value_are_what_is_stored(statement: str) -> None:
    assert write(statement, "settings = {'a': 1}\n") == []


def test_items_of_a_container_held_by_a_name_are_stored_when_iterated() -> None:
    prelude = "handles = [open('log')]\nst.session_state.lines = []\n"
    assert write("st.session_state.lines.extend(handles)\n", prelude) == ["PKL104"]


def test_augmented_assignment_stores_the_items_of_a_literal() -> None:
    prelude = "def numbers():\n    yield 1\n"
    assert write("st.session_state.items += [numbers()]\n", prelude) == ["PKL103"]
    assert write("st.session_state.items += numbers()\n", prelude) == []


def test_an_internal_error_is_one_pkl000_for_flake8_and_raises_in_strict_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flake8_session_pickle import check_source
    from flake8_session_pickle.analysis import Analysis
    from flake8_session_pickle.engine import InternalError

    def fail(self: Analysis, statements: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(Analysis, "run", fail)
    source = HEADER + "st.session_state.k = lambda: 1\n"
    (violation,) = check_source(source)
    assert (violation.line, violation.column, violation.code) == (1, 0, "PKL000")
    assert "internal error KeyError" in violation.message
    with pytest.raises(InternalError, match="KeyError"):
        check(source)


@pytest.mark.parametrize(
    "write, place",
    [
        ("st.session_state['my key'] = {v}", "st.session_state['my key']"),
        ("ss = st.session_state\nss['chat-log'] = {v}", "ss['chat-log']"),
        ("st.session_state.update({{'a b': {v}}})", 'st.session_state["a b"]'),
        ("st.session_state.update(k={v})", 'st.session_state["k"]'),
        ("st.session_state.setdefault(3, {v})", "st.session_state[3]"),
        ("n = 1\nst.session_state.setdefault(f'k{{n}}', {v})", "st.session_state[f'k{n}']"),
        ("setattr(st.session_state, 'k', {v})", "st.session_state.k"),
        ("st.session_state.log.append({v})", "st.session_state.log"),
    ],
)
def test_a_report_names_the_place_as_the_code_writes_it(write: str, place: str) -> None:
    (violation,) = check(HEADER + write.format(v="lambda: 1") + "\n")
    assert f" stored in {place} cannot be pickled " in violation.message


def test_a_dataclass_with_methods_and_blocks_in_its_body() -> None:
    prelude = (
        "import threading\nfrom dataclasses import dataclass\n@dataclass\nclass Job:\n"
        "    name: str = 'x'\n    if True:\n        retries: int = 3\n"
        "    def run(self):\n        return 1\n    lock: object = None\n"
    )
    assert write("st.session_state.j = Job('a', 3)\n", prelude) == []
    assert write("st.session_state.j = Job(lock=threading.Lock())\n", prelude) == ["PKL111"]


@pytest.mark.parametrize(
    "read",
    ["st.session_state.pool", "st.session_state['pool']", "st.session_state.get('pool')"],
)
def test_a_method_of_an_object_kept_in_session_state_gives_what_it_makes(read: str) -> None:
    source = HEADER + "import sqlite3\n"
    source += "st.session_state.pool = sqlite3.connect('app.db')\n"
    source += f"st.session_state.cursor = {read}.cursor()\n"
    source += f"st.session_state.rows = {read}.execute('select 1').fetchall()\n"
    assert [(v.line, v.code) for v in check(source)] == [(3, "PKL106"), (4, "PKL106")]


def test_a_method_of_a_place_that_holds_a_read_of_itself_ends() -> None:
    source = HEADER + "st.session_state.x = st.session_state.x.copy()\n"
    assert codes(source) == []


@pytest.mark.parametrize(
    "restore",
    [
        "st.session_state.backup = st.session_state.pool",
        "st.session_state['backup'] = st.session_state.get('pool')",
        "pool = st.session_state['pool']\nst.session_state.backup = pool",
        "st.session_state.update(backup=st.session_state.pool)",
    ],
)
def test_what_is_read_back_and_stored_under_another_key_is_reported_there_too(
    restore: str,
) -> None:
    source = HEADER + "import sqlite3\nif 'pool' not in st.session_state:\n"
    source += "    st.session_state.pool = sqlite3.connect('')\n"
    source += restore + "\n"
    found = check(source)
    last = source.count("\n")
    assert [(v.line, v.code) for v in found] == [(4, "PKL106"), (last, "PKL106")]
    assert "from sqlite3.connect() read from st.session_state" in found[1].message


@pytest.mark.parametrize(
    "restore",
    [
        "st.session_state.pool = st.session_state.pool",
        "st.session_state['pool'] = st.session_state.get('pool')",
        "st.session_state.size = len(st.session_state.pool)",
    ],
)
def test_what_is_read_back_and_stored_where_it_was_is_reported_once(restore: str) -> None:
    source = HEADER + "import sqlite3\nif 'pool' not in st.session_state:\n"
    source += "    st.session_state.pool = sqlite3.connect('')\n"
    source += restore + "\n"
    assert [(v.line, v.code) for v in check(source)] == [(4, "PKL106")]


def test_every_key_that_holds_what_was_read_back_is_reported() -> None:
    source = HEADER + "st.session_state.a = lambda: 1\nst.session_state.b = st.session_state.a\n"
    source += "st.session_state.c = [st.session_state.a]\n"
    found = [(v.line, v.code) for v in check(source)]
    assert found == [(2, "PKL101"), (3, "PKL101"), (4, "PKL101")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # read further on in the run that wrote it: what was written
        (
            "st.session_state.pool = sqlite3.connect('')\n"
            "st.session_state.backup = st.session_state.pool",
            [2, 3],
        ),
        (
            "st.session_state['pool'] = sqlite3.connect('')\n"
            "st.session_state.backup = st.session_state.pool",
            [2, 3],
        ),
        (
            "if ready:\n    st.session_state.pool = sqlite3.connect('')\nelse:\n"
            "    st.session_state.pool = sqlite3.connect('b')\n"
            "st.session_state.backup = st.session_state.pool",
            [3, 5, 6],
        ),
        # written over with data before the read
        (
            "st.session_state.pool = sqlite3.connect('')\nst.session_state.pool = None\n"
            "st.session_state.backup = st.session_state.pool",
            [2],
        ),
        # a guarded write may never run: the read is judged by all the key may hold
        (
            "if ready:\n    st.session_state.pool = sqlite3.connect('')\n"
            "st.session_state.backup = st.session_state.pool",
            [3],
        ),
        (
            "try:\n    st.session_state.pool = sqlite3.connect('')\nexcept OSError:\n    pass\n"
            "st.session_state.backup = st.session_state.pool",
            [3],
        ),
        (
            "for n in range(3):\n    st.session_state.pool = sqlite3.connect('')\n"
            "st.session_state.backup = st.session_state.pool",
            [3],
        ),
        (
            "st.session_state.pool = sqlite3.connect('')\nlen('x')\n"
            "st.session_state.backup = st.session_state.pool",
            [2, 4],
        ),
        # an f-string key stands for every text it makes
        (
            "st.session_state[f'{ready}_rows'] = []\n"
            "st.session_state[f'{ready}_pool'] = sqlite3.connect('')\n"
            "st.session_state.backup = st.session_state[f'{ready}_rows']",
            [3],
        ),
    ],
)
def test_a_key_read_after_its_write_in_the_same_run_gives_what_was_written(
    body: str, expected: list[int]
) -> None:
    source = HEADER + "import sqlite3\nst.session_state.setdefault('pool', None)\n"
    source += "def reset(ready):\n" + textwrap.indent(body, "    ") + "\n"
    source += "st.button('reset', on_click=reset, args=(True,))\n"
    assert [v.line - 3 for v in check(source)] == expected


@pytest.mark.parametrize(
    "data",
    [
        "st.session_state.pool = None",
        "st.session_state['pool'] = 'not connected'",
        "st.session_state.pool: object = 0",
        "st.session_state['pool'] = f'{3}'",
    ],
)
def test_what_is_read_back_from_a_key_also_written_with_data_is_reported_where_it_was_stored(
    data: str,
) -> None:
    source = HEADER + f"import sqlite3\nif 'pool' not in st.session_state:\n    {data}\n"
    source += "if st.button('connect'):\n    st.session_state.pool = sqlite3.connect('')\n"
    source += "st.session_state.backup = st.session_state.pool\n"
    source += "st.session_state.pools = [st.session_state.pool]\n"
    assert [(v.line, v.code) for v in check(source)] == [(6, "PKL106")]


@pytest.mark.parametrize(
    "data",
    ["st.session_state.setdefault('pool', None)", "st.session_state.update(pool=-1)"],
)
def test_constants_a_call_writes_under_a_key_count_among_what_a_read_of_it_gives(
    data: str,
) -> None:
    source = HEADER + f"import sqlite3\n{data}\n"
    source += "if st.button('connect'):\n    st.session_state.pool = sqlite3.connect('')\n"
    source += "st.session_state.backup = st.session_state.pool\n"
    assert [(v.line, v.code) for v in check(source)] == [(5, "PKL106")]


def test_a_read_of_a_read_is_reported_where_everything_both_may_hold_fails() -> None:
    source = HEADER + "import sqlite3\nif st.button('remote'):\n"
    source += "    st.session_state.backend = sqlite3.connect('')\nelse:\n"
    source += "    st.session_state.backend = 'local'\n"
    source += "st.session_state.label = st.session_state.backend\n"
    source += "st.session_state.shown = st.session_state.label\n"
    assert [(v.line, v.code) for v in check(source)] == [(4, "PKL106")]


def test_plain_data_read_back_and_stored_under_another_key_is_silent() -> None:
    source = HEADER + "st.session_state.page = st.sidebar.radio('Page', ['a', 'b'])\n"
    source += "st.session_state.previous = st.session_state.page\n"
    source += "st.session_state.log = st.session_state.get('log', []) + ['x']\n"
    source += "st.session_state.saved = st.session_state.log\n"
    assert codes(source) == []


def test_a_langchain_community_class_imported_from_where_langchain_0_1_put_it() -> None:
    source = HEADER + "from langchain.embeddings.openai import OpenAIEmbeddings\n"
    source += "from langchain.vectorstores.faiss import FAISS\n"
    source += "st.session_state.store = FAISS.from_texts(['a'], OpenAIEmbeddings())\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(4, "PKL110")]
    assert "client from langchain.embeddings.openai.OpenAIEmbeddings()" in found[0].message


@pytest.mark.parametrize(
    "annotation, expected",
    [
        ("sqlite3.Connection", ["PKL106"]),
        ("Optional[sqlite3.Connection]", ["PKL106"]),
        ("sqlite3.Connection | None", ["PKL106"]),
        ("Union[str, sqlite3.Connection]", ["PKL106"]),
        ("OpenAI", ["PKL110"]),
        ("str", []),
        ("Optional[str]", []),
        ("pd.DataFrame", []),
        ("list[sqlite3.Connection]", []),
        ("'sqlite3.Connection'", []),
        ("QdrantClient", []),
    ],
)
def test_a_parameter_nothing_is_known_of_is_what_its_annotation_names(
    annotation: str, expected: list[str]
) -> None:
    prelude = "import sqlite3\nfrom typing import Optional, Union\nimport pandas as pd\n"
    prelude += "from openai import OpenAI\nfrom qdrant_client import QdrantClient\n"
    source = HEADER + prelude + f"def keep(value: {annotation}):\n"
    source += "    st.session_state.kept = value\n"
    assert [(v.line, v.code) for v in check(source)] == [(8, code) for code in expected]


DECLARED = """\
import sqlite3
import typing


class Database:
    connection: sqlite3.Connection
    name: str
    path = "app.db"

    @staticmethod
    def open():
        Database.connection = sqlite3.connect(Database.path)


class Store:
    connection: sqlite3.Connection

    def __init__(self):
        self.connection = None


class Optional:
    connection: sqlite3.Connection | None


class Row(typing.NamedTuple):
    connection: sqlite3.Connection


class Loose:
    connection: sqlite3.Connection

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)
"""


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Database.open()\nst.session_state.db = Database.connection\n", ["PKL106"]),
        ("st.session_state.db = Database().connection\n", ["PKL106"]),
        ("st.session_state.name = Database.name\n", []),
        ("st.session_state.path = Database.path\n", []),
        ("st.session_state.db = Store().connection\n", []),
        # what fills them is not the annotation's business: None, arguments, setattr
        ("st.session_state.db = Optional.connection\n", []),
        ("st.session_state.db = Row(None).connection\n", []),
        ("st.session_state.db = Loose(connection=None).connection\n", []),
    ],
)
def test_an_attribute_a_class_only_declares_holds_what_its_annotation_says(
    statement: str, expected: list[str]
) -> None:
    assert write(statement, DECLARED) == expected


def test_a_parameter_annotated_with_a_class_of_the_script_is_an_instance_of_it() -> None:
    source = (
        HEADER + "import threading\nst.title('traces')\nclass Trace:\n    pass\nclass Locked:\n"
    )
    source += "    def __init__(self):\n        self.lock = threading.Lock()\n"
    source += "def add(trace: Trace, locked: Locked):\n"
    source += "    st.session_state.traces.append(trace)\n"
    source += "    st.session_state.locked = locked\n"
    assert [(v.line, v.code) for v in check(source)] == [(10, "PKL112"), (11, "PKL111")]


def test_a_call_that_passes_constants_runs_with_them_not_with_the_annotations() -> None:
    source = HEADER + "from openai import OpenAI\nclass Chat:\n"
    source += "    def __init__(self, model: str, client: OpenAI | None = None):\n"
    source += "        self.model = model\n        self.client = client\n"
    source += "def make_chat(model: str, client: OpenAI | None = None) -> dict:\n"
    source += "    return {'model': model, 'client': client}\n"
    source += "st.session_state.chat = Chat('gpt-4o-mini', client=None)\n"
    source += "st.session_state.made = make_chat('gpt-4o-mini')\n"
    assert codes(source) == []


def test_a_star_parameter_is_not_what_its_annotation_names() -> None:
    source = (
        HEADER
        + "import sqlite3\ndef keep(*values: sqlite3.Connection, **named: sqlite3.Connection):\n"
    )
    source += "    st.session_state.values = values\n    st.session_state.named = named\n"
    assert codes(source) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("return connect_somehow()", ["PKL106"]),
        ("return None", []),
        ("return ':memory:'", []),
        ("pass", []),
    ],
)
def test_a_call_nothing_is_known_of_returns_what_the_return_annotation_names(
    body: str, expected: list[str]
) -> None:
    source = HEADER + f"import sqlite3\ndef get() -> sqlite3.Connection:\n    {body}\n"
    source += "st.session_state.conn = get()\n"
    found = check(source)
    assert [v.code for v in found] == expected
    if expected:
        assert "annotation '-> sqlite3.Connection' returned by 'get()'" in found[0].message


@pytest.mark.parametrize("decorator", ["@external.track\n    ", ""])
def test_a_method_run_as_a_callback_runs_on_an_instance_of_its_class(decorator: str) -> None:
    source = HEADER + "import sqlite3, external\nclass Bot:\n    def connect(self):\n"
    source += "        return sqlite3.connect('app.db')\n"
    source += f"    {decorator}def main(self):\n        st.session_state.conn = self.connect()\n"
    source += (
        "    @staticmethod\n    def plain(self):\n        st.session_state.other = self.connect()\n"
    )
    assert [v.code for v in check(source)] == ["PKL106"]


def test_a_llama_index_index_over_a_chroma_store_drops_its_collection() -> None:
    source = (
        HEADER + "import chromadb\nfrom llama_index.vector_stores.chroma import ChromaVectorStore\n"
    )
    source += "from llama_index.core import StorageContext, VectorStoreIndex\n"
    source += "collection = chromadb.PersistentClient(path='db').get_or_create_collection('docs')\n"
    source += "store = ChromaVectorStore(chroma_collection=collection)\n"
    source += "context = StorageContext.from_defaults(vector_store=store)\n"
    source += (
        "st.session_state.index = VectorStoreIndex.from_documents([], storage_context=context)\n"
    )
    source += "st.session_state.collection = collection\n"
    assert [(v.line, v.code) for v in check(source)] == [(9, "PKL110")]


@pytest.mark.parametrize(
    "imports, value, expected",
    [
        ("import paho.mqtt.client as mqtt", "mqtt.Client()", "PKL110"),
        ("from mistralai.client import MistralClient", "MistralClient(api_key='k')", "PKL110"),
        ("from langchain.agents import create_agent", "create_agent('openai:gpt-4o')", "PKL102"),
    ],
)
def test_clients_and_agents_of_more_packages(imports: str, value: str, expected: str) -> None:
    assert write(f"st.session_state.kept = {value}\n", imports + "\n") == [expected]


@pytest.mark.parametrize(
    "imports, value, expected",
    [
        ("from deepgram import DeepgramClient", "DeepgramClient(api_key=key)", "PKL110"),
        ("import notion_client", "notion_client.Client(auth=key)", "PKL110"),
        ("import stripe", "stripe.StripeClient(key)", "PKL110"),
        ("import telebot", "telebot.TeleBot(key)", "PKL110"),
        ("from langfuse import get_client", "get_client()", "PKL110"),
        ("from duckduckgo_search import DDGS", "DDGS()", "PKL110"),
        ("from kafka import KafkaConsumer", "KafkaConsumer('t', bootstrap_servers=s)", "PKL105"),
        ("import pyttsx3", "pyttsx3.init()", "PKL108"),
        ("import instructor, openai", "instructor.from_openai(openai.OpenAI())", "PKL110"),
        ("from pydantic_ai import Agent", "Agent('openai:gpt-4o')", "PKL110"),
        ("from strands import Agent", "Agent(system_prompt=p)", "PKL110"),
        ("from browser_use import Agent", "Agent(task=t, llm=llm)", "PKL102"),
        ("from litellm import Router", "Router(model_list=models)", "PKL109"),
    ],
)
def test_clients_of_services_and_agent_frameworks(imports: str, value: str, expected: str) -> None:
    prelude = imports + "\nfrom settings import key, s, p, t, llm, models\n"
    assert write(f"st.session_state.kept = {value}\n", prelude) == [expected]


def test_a_kernel_is_refused_once_given_a_service() -> None:
    prelude = "from semantic_kernel import Kernel\n"
    prelude += "from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion\n"
    assert write("st.session_state.kernel = Kernel()\n", prelude) == []
    used = "kernel = Kernel()\nkernel.add_service(OpenAIChatCompletion(ai_model_id='m'))\n"
    assert write("st.session_state.kernel = kernel\n", prelude + used) == ["PKL110"]


def test_an_aiohttp_session_is_a_client() -> None:
    prelude = "import aiohttp\nasync def main():\n"
    prelude += "    st.session_state.http = aiohttp.ClientSession()\n"
    assert codes(HEADER + prelude) == ["PKL110"]


def test_a_special_method_does_not_run_as_a_callback_on_an_instance() -> None:
    source = HEADER + "class Page:\n    def __init__(self, title):\n"
    source += "        self.title = title\n        st.session_state.page = self\n"
    source += "Page('Home')\n"
    assert codes(source) == []


def test_a_bare_return_returns_none() -> None:
    source = HEADER + "import sqlite3\ndef get(ready) -> sqlite3.Connection:\n"
    source += "    if not ready:\n        return\n    return connect_somehow()\n"
    source += "st.session_state.conn = get(True)\n"
    assert codes(source) == []


def test_a_factory_inherited_from_a_base_of_another_package_makes_the_subclass() -> None:
    source = HEADER + "from langchain_community.utilities import SQLDatabase\n"
    source += "class Patched(SQLDatabase):\n    pass\n"
    source += "st.session_state.db = Patched.from_uri('sqlite:///x.db')\n"
    source += "st.session_state.other = Patched.not_a_factory('x')\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(5, "PKL106")]
    assert "instance of 'Patched' derived from" in found[0].message


def test_a_cursor_of_a_connection_the_tables_know_holds_the_connection() -> None:
    source = HEADER + "import psycopg2\nconnection = psycopg2.connect('')\n"
    source += "st.session_state.cursor = connection.cursor()\n"
    source += "st.session_state.rows = connection.cursor().fetchall()\n"
    source += "st.session_state.other = connection.closed\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(4, "PKL106")]
    assert "cursor holding database connection from psycopg2.connect()" in found[0].message


def test_a_chat_model_bound_to_tools_keeps_the_model_and_not_the_tools() -> None:
    source = HEADER + "from langchain_groq import ChatGroq\n"
    source += "from langchain_core.language_models import BaseChatModel\n"
    source += "llm = ChatGroq(model='llama3-8b-8192')\n"
    source += "st.session_state.agent = llm.bind_tools([search])\n"
    # the tools are kept as their schemas: a tool pickle refuses is not held
    source += "st.session_state.other = BaseChatModel().bind_tools([open('tools.txt')])\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(5, "PKL110")]
    assert "ChatGroq().bind_tools() of client from langchain_groq.ChatGroq()" in found[0].message


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ("Qdrant.from_documents(docs, emb, location=':memory:')", False),
        ("Qdrant.from_documents(docs, emb, url='http://localhost:6333')", True),
        ("QdrantVectorStore.from_texts(['a'], emb, location=':memory:')", False),
        ("QdrantVectorStore.from_documents(docs, emb, path='db')", True),
    ],
)
def test_an_argument_a_vector_store_s_factory_gives_its_client_is_weighed(
    call: str, reported: bool
) -> None:
    source = HEADER + "from langchain_community.vectorstores import Qdrant\n"
    source += "from langchain_qdrant import QdrantVectorStore\n"
    source += f"st.session_state.store = {call}\n"
    assert codes(source) == (["PKL110"] if reported else [])


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ("QdrantClient(':memory:')", False),
        ("QdrantClient(location=':memory:')", False),
        ("QdrantClient(MEMORY)", False),
        ("QdrantClient(url='http://localhost:6333')", True),
        ("QdrantClient(path='db')", True),
        ("QdrantClient(':memory:' if flag else 'http://localhost:6333')", True),
    ],
)
def test_an_argument_with_which_a_refused_type_pickles_is_weighed(
    call: str, reported: bool
) -> None:
    source = HEADER + "from qdrant_client import QdrantClient\nMEMORY = ':memory:'\nflag = True\n"
    source += f"st.session_state.client = {call}\n"
    assert codes(source) == (["PKL110"] if reported else [])


GEMINI = HEADER + "import google.generativeai as genai\n"


@pytest.mark.parametrize(
    ("program", "reported"),
    [
        # never used: the model has not made its client
        ("st.session_state.model = genai.GenerativeModel('gemini-pro')\n", []),
        (
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "st.session_state.chat = st.session_state.model.start_chat(history=[])\n",
            [],
        ),
        # used through a name bound to it
        (
            "model = genai.GenerativeModel('gemini-pro')\n"
            "st.session_state.model = model\n"
            "answer = model.generate_content('hi')\n",
            [4],
        ),
        # used through its place in session state, in a callback
        (
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "def reply(prompt):\n"
            "    return st.session_state.model.generate_content(prompt).text\n",
            [3],
        ),
        # used before the write that stores it, on a later run
        (
            "if 'model' in st.session_state:\n"
            "    st.write(st.session_state.model.count_tokens('hi'))\n"
            "else:\n"
            "    st.session_state.model = genai.GenerativeModel('gemini-pro')\n",
            [6],
        ),
        # an object holding what session state holds uses it
        (
            "from helpers import Helper\n"
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "helper = Helper(model=st.session_state.model)\n"
            "helper.generate_content('hi')\n",
            [4],
        ),
        # a chat session sends through its model: both are refused
        (
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "st.session_state.chat = st.session_state.model.start_chat(history=[])\n"
            "if prompt := st.chat_input():\n"
            "    st.write(st.session_state.chat.send_message(prompt).text)\n",
            [3, 4],
        ),
        # used by a helper whose parameter may be anything
        (
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "def reply(model, prompt):\n"
            "    return model.generate_content(prompt).text\n"
            "st.write(reply(st.session_state.model, 'hi'))\n",
            [3],
        ),
        # a method of the same name on an object of another type
        (
            "from google import genai as genai2\n"
            "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
            "client = genai2.Client(api_key='test')\n"
            "st.write(client.models.generate_content(model='m', contents='hi'))\n",
            [],
        ),
    ],
)
def test_a_value_that_pickles_until_used_is_refused_where_the_file_uses_it(
    program: str, reported: list[int]
) -> None:
    found = check(GEMINI + program)
    assert [v.line for v in found] == reported
    assert all(v.code == "PKL110" for v in found)
    assert all("(made once" in v.message for v in found)


def test_a_cached_value_is_pickled_as_it_is_returned_before_any_use() -> None:
    source = GEMINI + (
        "@st.cache_data\n"
        "def load(name):\n"
        "    return genai.GenerativeModel(name)\n"
        "st.write(load('gemini-pro').generate_content('hi').text)\n"
    )
    assert check(source) == []


@pytest.mark.parametrize(
    ("use", "reported"),
    [
        ("", []),
        ("kb.add_content(path='doc.pdf')\n", [4, 7]),
        ("kb.insert(path='doc.pdf')\n", [4, 7]),
        ("st.write(kb)\n", []),
    ],
)
def test_a_vector_database_a_knowledge_base_holds_is_used_through_it(
    use: str, reported: list[int]
) -> None:
    source = HEADER + "from agno.knowledge.knowledge import Knowledge\n"
    source += "from agno.vectordb.qdrant import Qdrant\n"
    source += "st.session_state.db = Qdrant(collection='c', url='http://localhost:6333')\n"
    source += "kb = Knowledge(vector_db=st.session_state.db)\n"
    source += use + "st.session_state.kb = kb\n"
    assert [v.line for v in check(source)] == reported


@pytest.mark.parametrize(
    "loop",
    [
        "for key, value in defaults.items():\n    if key not in st.session_state:\n"
        "        st.session_state[key] = value\n",
        "for key in defaults:\n    st.session_state.setdefault(key, defaults[key])\n",
    ],
)
def test_a_loop_over_a_dict_of_defaults_writes_each_value_under_its_own_key(loop: str) -> None:
    source = HEADER + "import queue\nfrom result import Result\n"
    source += "defaults = {'q': queue.Queue(), 'name': None, 'items': []}\n"
    source += loop
    # a read of another key does not give the queue
    source += "st.session_state.results = [Result(crew=st.session_state.name)]\n"
    source += "st.session_state.copy = Result(queue=st.session_state.q)\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [
        (7 if "items()" in loop else 6, "PKL107"),
        (source.count("\n"), "PKL107"),
    ]


def test_a_package_s_submodule_kept_in_session_state_is_a_module_whose_classes_are_known() -> None:
    source = HEADER + "import mediapipe as mp\n"
    source += "st.session_state.mp_face = mp.solutions.face_mesh\n"
    source += "st.session_state.mesh = st.session_state.mp_face.FaceMesh(max_num_faces=1)\n"
    source += "st.session_state.hands = mp.solutions.hands.Hands()\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(3, "PKL108"), (4, "PKL104"), (5, "PKL104")]
    assert "module 'mediapipe.solutions.face_mesh'" in found[0].message


MCP = HEADER + (
    "import asyncio\n"
    "from mcp import ClientSession\n"
    "from mcp_agent.app import MCPApp\n"
    "from mcp_agent.agents.agent import Agent\n"
    "from mcp_agent.workflows.llm.augmented_llm_openai import OpenAIAugmentedLLM\n"
    "from langchain_mcp_adapters.client import MultiServerMCPClient\n"
)


@pytest.mark.parametrize(
    ("program", "reported"),
    [
        # entered by ``async with``
        (
            "async def connect(read, write):\n"
            "    async with ClientSession(read, write) as session:\n"
            "        await session.initialize()\n"
            "        st.session_state.session = session\n",
            [(11, "PKL110")],
        ),
        ("st.session_state.session = ClientSession(None, None)\n", []),
        # entered through the context its run() makes, from its place in session state
        (
            "st.session_state.app = MCPApp(name='app')\n"
            "async def start():\n"
            "    async with st.session_state.app.run():\n"
            "        pass\n",
            [(8, "PKL110")],
        ),
        ("st.session_state.app = MCPApp(name='app')\n", []),
        (
            "agent = Agent(name='a', instruction='i', server_names=['fetch'])\n"
            "st.session_state.agent = agent\n"
            "async def start():\n"
            "    await agent.initialize()\n",
            [(9, "PKL110")],
        ),
        # what a coroutine function of the package gives once awaited, and its coroutine
        (
            "agent = Agent(name='a', instruction='i')\n"
            "async def start():\n"
            "    st.session_state.llm = await agent.attach_llm(OpenAIAugmentedLLM)\n"
            "st.session_state.pending = agent.attach_llm(OpenAIAugmentedLLM)\n",
            [(10, "PKL110"), (11, "PKL103")],
        ),
        # awaited from a place that may also hold None
        (
            "st.session_state.agent = None\n"
            "async def start():\n"
            "    st.session_state.agent = Agent(name='a', instruction='i')\n"
            "    agent = st.session_state.agent\n"
            "    st.session_state.llm = await agent.attach_llm(OpenAIAugmentedLLM)\n",
            [(10, "PKL110"), (12, "PKL110")],
        ),
        (
            "client = MultiServerMCPClient({'t': {'url': 'http://127.0.0.1:9/sse'}})\n"
            "asyncio.run(client.__aenter__())\n"
            "st.session_state.client = client\n",
            [(10, "PKL110")],
        ),
        (
            "st.session_state.client = MultiServerMCPClient({'t': {'url': 'http://127.0.0.1:9'}})\n",
            [],
        ),
        # entered by an exit stack, which gives it back
        (
            "import contextlib\n"
            "async def connect(read, write):\n"
            "    stack = contextlib.AsyncExitStack()\n"
            "    session = await stack.enter_async_context(ClientSession(read, write))\n"
            "    st.session_state.session = session\n",
            [(12, "PKL110")],
        ),
        # entering what the analysis cannot tell is not entering what is stored
        (
            "st.session_state.client = MultiServerMCPClient({'t': {'url': 'http://127.0.0.1:9'}})\n"
            "async def tools():\n"
            "    async with st.session_state.client.session('t') as session:\n"
            "        return await session.list_tools()\n",
            [],
        ),
    ],
)
def test_an_mcp_object_is_refused_once_it_is_entered_or_initialized(
    program: str, reported: list[tuple[int, str]]
) -> None:
    assert [(v.line, v.code) for v in check(MCP + program)] == reported


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ("LLM(model='groq/llama-3.1-8b-instant')", False),
        ("LLM('mistral/mistral-large-latest')", False),
        ("LLM(model=GROQ)", False),
        ("LLM(model=f'groq/{chosen}')", False),
        ("LLM(model=f'{chosen}')", True),
        ("LLM(model=f'openai/{chosen}')", True),
        ("LLM(model='gpt-4o-mini')", True),
        ("LLM(model='openai/gpt-4o-mini')", True),
        ("LLM(model='ollama/llama3')", True),
        ("LLM(model=chosen)", True),
        ("BaseLLM(model='groq/llama-3.1-8b-instant')", True),
    ],
)
def test_an_argument_a_factory_takes_with_which_what_it_makes_pickles_is_weighed(
    call: str, reported: bool
) -> None:
    source = HEADER + "from crewai import LLM, BaseLLM\nGROQ = 'groq/llama-3.1-8b-instant'\n"
    source += "chosen = st.selectbox('model', ['gpt-4o', 'groq/llama3'])\n"
    source += f"st.session_state.llm = {call}\n"
    assert codes(source) == (["PKL110"] if reported else [])


@pytest.mark.parametrize(
    ("imports", "call"),
    [
        ("from selenium import webdriver\n", "webdriver.Chrome(options=webdriver.ChromeOptions())"),
        ("from selenium.webdriver import Firefox\n", "Firefox()"),
        ("import selenium.webdriver\n", "selenium.webdriver.Remote(command_executor=URL)"),
        ("from fastmcp import Client\n", "Client(URL)"),
    ],
)
def test_a_browser_driver_and_an_mcp_client_are_clients(imports: str, call: str) -> None:
    source = HEADER + imports + "URL = 'http://localhost:4444'\n"
    source += f"if 'tool' not in st.session_state:\n    st.session_state.tool = {call}\n"
    assert codes(source) == ["PKL110"]


@pytest.mark.parametrize(
    ("imports", "returned", "code"),
    [
        ("import yfinance as yf\n", "yf.Ticker(symbol)", "PKL210"),
        ("import cv2\n", "cv2.VideoCapture(0)", "PKL204"),
        ("import websocket\n", "websocket.WebSocketApp('ws://localhost:8000')", "PKL205"),
    ],
)
def test_a_ticker_a_video_capture_and_a_websocket_are_refused_as_cached_returns(
    imports: str, returned: str, code: str
) -> None:
    source = HEADER + imports + "@st.cache_data\ndef load(symbol):\n"
    source += f"    return {returned}\n"
    assert codes(source) == [code]


@pytest.mark.parametrize(
    ("llm", "reported"),
    [
        ("", True),
        (", llm=LLM(model='gpt-4o-mini')", True),
        (", llm=LLM(model='groq/llama-3.1-8b-instant')", False),
        (", llm=model", False),
        (", llm='groq/llama-3.1-8b-instant'", False),
        (", llm='gpt-4o-mini'", True),
        (", llm=ChatOpenAI()", True),
    ],
)
def test_an_agent_is_judged_by_the_model_it_is_given(llm: str, reported: bool) -> None:
    source = HEADER + "from crewai import Agent, LLM\nfrom langchain_openai import ChatOpenAI\n"
    source += "model = LLM(model='mistral/mistral-large-latest')\n"
    source += f"st.session_state.agent = Agent(role='r', goal='g', backstory='b'{llm})\n"
    assert codes(source) == (["PKL110"] if reported else [])


def test_what_the_assistants_api_makes_is_judged_through_the_client_s_resources() -> None:
    source = HEADER + "from openai import OpenAI\nclient = OpenAI()\n"
    source += "st.session_state.page = client.beta.threads.messages.list(thread_id='t')\n"
    source += (
        "st.session_state.run = client.beta.threads.runs.stream(thread_id='t', assistant_id='a')\n"
    )
    source += "pages = client.beta.threads.messages\n"
    source += "st.session_state.texts = [m.id for m in pages.list(thread_id='t')]\n"
    source += "with client.beta.threads.runs.stream(thread_id='t', assistant_id='a') as events:\n"
    source += "    st.session_state.events = events\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(4, "PKL110"), (5, "PKL103")]
    assert "openai.OpenAI().beta.threads.messages.list()" in found[0].message


def test_the_context_an_mcp_agent_app_runs_in_holds_an_async_generator() -> None:
    source = HEADER + "from mcp_agent.app import MCPApp\n"
    source += "st.session_state.app = MCPApp(name='agent')\n"
    source += "st.session_state.context = st.session_state.app.run()\n"
    found = check(source)
    assert [(v.line, v.code) for v in found] == [(4, "PKL103")]
    assert "mcp_agent.app.MCPApp().run()" in found[0].message
    # entering the context runs the app, which keeps tasks from then on
    source += "async def start():\n    await st.session_state.context.__aenter__()\n"
    assert [(v.line, v.code) for v in check(source)] == [(3, "PKL110"), (4, "PKL103")]


@pytest.mark.parametrize("package", ["langchain", "langchain_classic"])
def test_an_agent_a_classic_builder_makes_is_refused_whatever_model_it_is_given(
    package: str,
) -> None:
    source = HEADER + f"from {package}.agents import AgentExecutor, create_tool_calling_agent\n"
    source += "agent = create_tool_calling_agent(make_model(), tools, prompt)\n"
    source += "st.session_state.agent = AgentExecutor(agent=agent, tools=tools)\n"
    found = check(source)
    assert [v.code for v in found] == ["PKL102"]
    assert "AgentExecutor holding" in found[0].message
    assert f"from {package}.agents.create_tool_calling_agent()" in found[0].message


@pytest.mark.parametrize(
    "statement, expected",
    [
        # the builders' values are refused, not every value of the type
        ("st.session_state.chain = RunnablePassthrough.assign(n=len) | prompt", ["PKL102"]),
        ("st.session_state.chain = RunnableSequence(prompt, model)", []),
        ("st.session_state.chain = RunnableAssign(RunnableParallel(n=len))", []),
        ("st.session_state.chain = RunnableBinding(bound=prompt, kwargs={})", []),
        (
            "def build() -> RunnableSequence:\n    return make()\nst.session_state.chain = build()",
            [],
        ),
        ("class Chain(RunnableSequence):\n    pass\nst.session_state.chain = Chain()", []),
        ("def keep(chain: RunnableBinding):\n    st.session_state.chain = chain", []),
    ],
)
def test_a_type_refused_only_as_its_producers_make_it_is_judged_by_the_producer(
    statement: str, expected: list[str]
) -> None:
    for module in ("langchain_core.runnables", "langchain_core.runnables.base"):
        source = HEADER + f"from {module} import RunnableBinding, RunnableSequence\n"
        source += "from langchain_core.runnables.passthrough import RunnableAssign\n"
        source += "from langchain_core.runnables import RunnableParallel, RunnablePassthrough\n"
        source += statement + "\n"
        assert [v.code for v in check(source)] == expected, module


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("client['app']", ["PKL106"]),
        ("client['app']['users']", ["PKL106"]),
        ("client.get_database('app')['users']", ["PKL106"]),
        # a subscript of what a row says nothing of gives nothing known
        ("external.thing()['app']", []),
        ("[client][0:0]", []),
    ],
)
def test_a_subscript_gives_what_the_type_s_row_says_its_items_are(
    expression: str, expected: list[str]
) -> None:
    source = HEADER + "import external\nfrom pymongo import MongoClient\n"
    source += "client = MongoClient('mongodb://db')\n"
    source += f"st.session_state.kept = {expression}\n"
    assert [v.code for v in check(source)] == expected


CLASS_HOLDING_A_CONNECTION = """\
import sqlite3
class Database:
    _engine = None

    @staticmethod
    def init_sqlite(path):
        Database._engine = sqlite3.connect(path)

    @classmethod
    def init_memory(cls):
        cls._memory = sqlite3.connect(':memory:')

    @classmethod
    def reset_unused(cls):
        cls._spare = sqlite3.connect(':memory:')

    @classmethod
    def get_engine(cls):
        return cls._engine

    def engine_of_instance(self):
        return self._engine

Database.init_sqlite('app.db')
Database.init_memory()
"""


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Database.get_engine()", ["PKL106"]),
        ("Database._engine", ["PKL106"]),
        ("Database._memory", ["PKL106"]),
        ("Database().engine_of_instance()", ["PKL106"]),
        # only a method nothing calls stores it
        ("Database._spare", []),
    ],
)
def test_what_a_class_s_methods_store_on_the_class_is_its_attribute(
    value: str, expected: list[str]
) -> None:
    assert write(f"st.session_state.kept = {value}\n", CLASS_HOLDING_A_CONNECTION) == expected


def test_data_a_class_s_methods_store_on_the_class_is_not_reported() -> None:
    prelude = "class Settings:\n    theme = None\n    @classmethod\n    def load(cls):\n"
    prelude += "        cls.theme = {'dark': True}\nSettings.load()\n"
    assert write("st.session_state.theme = Settings.theme\n", prelude) == []


@pytest.mark.parametrize("method, code", [("stream", "PKL103"), ("astream", "PKL103")])
def test_a_compiled_graph_s_run_step_by_step_is_a_generator(method: str, code: str) -> None:
    prelude = "from langgraph.graph import StateGraph\nfrom state import State\n"
    prelude += "app = StateGraph(State).compile()\n"
    statement = (
        f"if 'run' not in st.session_state:\n    st.session_state.run = app.{method}({{}})\n"
    )
    assert write(statement, prelude) == [code]


PROPERTIES_OF_A_CLASS = """\
import sqlite3
from functools import cached_property

class Bot:
    def __init__(self, path):
        self.path = path

    @property
    def rows(self):
        return [1, 2]

    @property
    def conn(self):
        return sqlite3.connect(self.path)

    @cached_property
    def cursor(self):
        return sqlite3.connect(self.path).cursor()

    @cached_property
    def names(self):
        return ['a']

    def ask(self):
        return self.cursor.execute('select 1')

def main():
"""


@pytest.mark.parametrize(
    "statements, expected",
    [
        ("st.session_state.rows = Bot('x').rows", []),
        ("st.session_state.conn = Bot('x').conn", ["PKL106"]),
        ("st.session_state.names = Bot('x').names", []),
        # once read, a cached property keeps what it returned on the instance
        ("bot = Bot('x')\n    bot.ask()\n    st.session_state.bot = bot", ["PKL111"]),
    ],
)
def test_reading_a_property_gives_what_its_method_returns(
    statements: str, expected: list[str]
) -> None:
    source = HEADER + PROPERTIES_OF_A_CLASS + f"    {statements}\nmain()\n"
    assert [v.code for v in check(source)] == expected


def test_a_property_with_a_setter_keeps_its_getter() -> None:
    prelude = "import sqlite3\nclass Bot:\n    @property\n    def conn(self):\n"
    prelude += "        return sqlite3.connect('x')\n    @conn.setter\n    def conn(self, value):\n"
    prelude += "        pass\n"
    assert write("st.session_state.conn = Bot().conn\n", prelude) == ["PKL106"]


@pytest.mark.parametrize(
    "prelude, value, expected",
    [
        # called on a derived class, it stores on that class, not on its own
        ("class Child(Store):\n    pass\nChild.open()\n", "Store.conn", []),
        # another object's method of the same name does not run it
        ("other = sqlite3.connect(':memory:')\nother.close()\n", "Store.conn", []),
        # a store of what another store put on the class sees it, in either order
        ("Store.open()\nStore.copy()\n", "Store.copy_of", ["PKL106"]),
    ],
)
def test_a_class_s_stores_count_where_a_method_is_called_on_the_class(
    prelude: str, value: str, expected: list[str]
) -> None:
    store = "import sqlite3\nclass Store:\n    conn = None\n    copy_of = None\n"
    store += "    @classmethod\n    def copy(cls):\n        cls.copy_of = cls.conn\n"
    store += (
        "    @classmethod\n    def open(cls):\n        cls.conn = sqlite3.connect(':memory:')\n"
    )
    store += (
        "    @classmethod\n    def connect(cls):\n        cls.conn = sqlite3.connect(':memory:')\n"
    )
    assert write(f"st.session_state.kept = {value}\n", store + prelude) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        # a class method that runs calls the one that stores, through cls
        (
            "class Database:\n    _conn = None\n    @classmethod\n    def get(cls):\n"
            "        if cls._conn is None:\n            cls._init()\n        return cls._conn\n"
            "    @classmethod\n    def _init(cls):\n        cls._conn = sqlite3.connect('x')\n"
            "st.session_state.conn = Database.get()\n",
            ["PKL106"],
        ),
        # a method of an instance storing through the class's name
        (
            "class Database:\n    _conn = None\n    def connect(self):\n"
            "        Database._conn = sqlite3.connect('x')\n"
            "Database().connect()\nst.session_state.conn = Database._conn\n",
            ["PKL106"],
        ),
    ],
)
def test_a_class_s_stores_count_for_the_methods_that_run(source: str, expected: list[str]) -> None:
    assert codes(HEADER + "import sqlite3\n" + source) == expected


@pytest.mark.parametrize(
    "reads",
    [
        # the name read on another class's instance
        "class Other:\n    def __init__(self):\n        self.conn = 'x'\nOther().conn\n",
        # the property read on another instance of the class
        "Bot().conn.execute('select 1')\n",
    ],
)
def test_a_cached_property_read_elsewhere_keeps_nothing_on_the_instance_stored(
    reads: str,
) -> None:
    source = HEADER + "import sqlite3\nfrom functools import cached_property\nclass Bot:\n"
    source += "    @cached_property\n    def conn(self):\n        return sqlite3.connect('x')\n"
    source += reads + "st.session_state.bot = Bot()\n"
    assert codes(source) == []
