"""libcst is given only the statements the analysis needs: what it leaves out
never changes a report, and what it keeps is what the reports depend on."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from test_engine import CLASS_HELPERS
from test_positions import whole_units
from truth_cases import CASES

from flake8_session_pickle.engine import Violation, analyse
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.selection import Selection, push_children, select
from flake8_session_pickle.settings import DEFAULT_SETTINGS

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("*.py"))


def selection_of(source: str) -> Selection | None:
    tree = ast.parse(source)
    return select(tree, source, DEFAULT_SETTINGS.sinks)


def selected_lines(source: str) -> list[str]:
    selection = selection_of(source)
    assert selection is not None
    return [line.strip() for unit in selection.units for line in unit.text.splitlines()]


def reports(source: str, everything: bool) -> list[Violation]:
    tree = ast.parse(source)
    selection = select(tree, source, DEFAULT_SETTINGS.sinks)
    if selection is None:
        return []
    if everything:
        selection = Selection(
            tuple(whole_units(tree, source)), selection.module_names, writers=selection.writers
        )
    return analyse(tree, source, selection, DEFAULT_SETTINGS)


SOURCES = {path.name: path.read_text() for path in FIXTURES} | {
    case.id: case.source for case in CASES
}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_leaving_statements_out_never_changes_a_report(source: str) -> None:
    assert reports(source, everything=False) == reports(source, everything=True)


def test_the_fixtures_lose_statements() -> None:
    """The equality above is not vacuous: statements are left out of the fixtures."""
    left_out = 0
    for path in FIXTURES:
        source = path.read_text()
        selection = selection_of(source)
        if selection is not None:
            left_out += len(ast.parse(source).body) - len(selection.tree.body)
    assert left_out > 20


APP = """\
import pandas as pd
import streamlit as st
import os

st.title("Report")
rows = 10
frame = pd.DataFrame({"x": range(rows)})
st.dataframe(frame)
label = "unused"
st.session_state.frame = frame
st.session_state.count = 0
st.session_state["hello"] = f"hi {label}"
st.session_state.setdefault("n", 1)
"""


def test_output_calls_and_unread_names_are_left_out() -> None:
    assert selected_lines(APP) == [
        "import pandas as pd",
        "import streamlit as st",
        "rows = 10",
        'frame = pd.DataFrame({"x": range(rows)})',
        "st.session_state.frame = frame",
    ]


def test_a_constant_write_needs_nothing() -> None:
    assert (
        selection_of(
            "import streamlit as st\nst.session_state.a = 0\nst.session_state.b += -1\n"
            "st.session_state.c = f'{st}'\nst.session_state.d.append('x')\n"
        )
        is None
    )


def test_a_new_empty_container_is_not_a_constant() -> None:
    # ``= []`` starts a fresh container on every run, which the analysis follows.
    assert selected_lines("import streamlit as st\nst.session_state.a = []\n")[-1] == (
        "st.session_state.a = []"
    )


def test_names_are_followed_through_functions_classes_and_loops() -> None:
    source = textwrap.dedent(
        """\
        import streamlit as st
        from helpers import *
        import json

        def make():
            return Holder(factory)

        class Holder:
            def __init__(self, f):
                self.f = f

        for factory in (json.dumps, str):
            pass

        st.write(make)
        if st.button("go"):
            st.session_state.h = make()
        """
    )
    kept = selected_lines(source)
    assert "from helpers import *" in kept  # may bind any name
    assert "def make():" in kept and "class Holder:" in kept
    assert "for factory in (json.dumps, str):" in kept
    assert "import json" in kept
    assert "st.write(make)" not in kept


SCOPES = """\
import streamlit as st

def other_page():
    client = open("unrelated.txt")
    rows = [client for client in range(3)]
    st.write(rows)

def load():
    handle = open("data.txt")
    return handle

client = load()
st.session_state.client = client
"""


def test_another_functions_own_names_are_not_needed() -> None:
    kept = selected_lines(SCOPES)
    assert "client = load()" in kept and 'handle = open("data.txt")' in kept
    assert "def other_page():" not in kept
    assert not any("unrelated" in line for line in kept)


SCOPE_TRAPS = {
    # A function binds the module's name: ``global``.
    "global": """\
import streamlit as st
log = []
def reset():
    global log
    log = open("log.txt")
reset()
st.session_state.log = log
""",
    # A function changes what the module's name holds without binding it.
    "changed": """\
import streamlit as st
cache = {}
def fill():
    cache["h"] = open("x.txt")
def fill_more():
    cache.update(other=lambda: 1)
fill()
fill_more()
st.session_state.cache = cache
""",
    # A nested function binds the enclosing function's name: ``nonlocal``.
    "nonlocal": """\
import streamlit as st
def outer():
    value = 1
    def inner():
        nonlocal value
        value = open("v.txt")
    inner()
    st.session_state.value = value
outer()
""",
    # A function reads a name before it binds it: the module's binding is found.
    "read before bound": """\
import streamlit as st
handle = open("a.txt")
def page():
    st.session_state.h = handle
    if st.button("x"):
        handle = 1
page()
""",
    # A comprehension's own names stay in it; ``:=`` binds outside it.
    "comprehension": """\
import streamlit as st
item = open("i.txt")
names = [item for item in ("a", "b")]
found = [last := open(n) for n in names]
st.session_state.item = item
st.session_state.last = last
""",
    # A class body's names are its own; a method changes the module's list.
    "class": """\
import streamlit as st
registry = []
class Plugin:
    registry = None
    def register(self):
        registry.append(lambda: self)
Plugin().register()
st.session_state.registry = registry
""",
    # A condition's calls store, and its ``:=`` binds, with the names it reads.
    "acting conditions": """\
import streamlit as st
log = []
handle = open("h.txt")
if log.append(handle) is None and (kept := log):
    st.session_state.kept = kept
while log.append(lambda: 0):
    st.session_state.log = log
""",
    # Pages chosen in an ``elif`` chain.
    "elif pages": """\
import streamlit as st
page = st.sidebar.radio("Page", ["a", "b", "c"])
if page == "a":
    st.title("A")
    st.write("nothing kept")
elif page == "b":
    conn = open("b.txt")
    st.session_state.conn = conn
elif page == "c":
    st.title("C")
else:
    st.session_state.f = lambda: 0
""",
    # A function's last statement tells only whether its body may run past its
    # end, unless it holds a return: ``pass`` stands in for it.
    "last statements": """\
import streamlit as st
import threading

def chart(frame):
    return frame.plot()

def make():
    with threading.Lock():
        return open("f.txt")
    chart(None)

def kept():
    if st.button("go"):
        return open("g.txt")
    else:
        return None

def page():
    st.session_state.made = make()
    st.session_state.kept = kept()
    chart(st.session_state.kept)
""",
}


@pytest.mark.parametrize("source", SCOPE_TRAPS.values(), ids=SCOPE_TRAPS.keys())
def test_names_are_found_where_the_analysis_finds_them(source: str) -> None:
    assert reports(source, everything=False) == reports(source, everything=True)


def test_the_traps_are_not_vacuous() -> None:
    reported = [name for name, source in SCOPE_TRAPS.items() if reports(source, everything=False)]
    assert reported == [
        "changed",
        "read before bound",
        "comprehension",
        "class",
        "acting conditions",
        "elif pages",
        "last statements",
    ]
    # The analysis does not follow a rebinding through ``global`` or ``nonlocal``
    # yet, but what it would need is kept.
    assert {"global log", 'log = open("log.txt")'} <= set(selected_lines(SCOPE_TRAPS["global"]))
    assert {"nonlocal value", 'value = open("v.txt")'} <= set(
        selected_lines(SCOPE_TRAPS["nonlocal"])
    )


PLAIN_TRAPS = {
    # Plain where the function binds it, but the module binds a lambda to it.
    "shadowed": """\
import streamlit as st
handler = lambda: 1
def page():
    handler = st.text_input("Handler")
    st.session_state.handler = {"handler": handler}
page()
st.session_state.module_handler = {"handler": handler}
""",
    # A parameter shadows the module's plain name.
    "parameter": """\
import streamlit as st
value = 5
def keep(value):
    st.session_state.value = {"value": value}
keep(lambda: 0)
""",
    # A list of plain data, changed to hold a lambda.
    "changed": """\
import streamlit as st
log = [1, 2]
log.append(lambda: 0)
st.session_state.log = {"log": log}
""",
    # A method of plain data may give what does not pickle.
    "method": """\
import streamlit as st
settings = {"theme": "dark"}
st.session_state.keys = [settings.keys()]
st.session_state.theme = settings["theme"]
""",
    # What a method of plain data is given may be what it gives.
    "method argument": """\
import streamlit as st
settings = {"theme": "dark"}
st.session_state.handler = settings.get("handler", lambda: 0)
""",
    # Plain data in what a method of plain data gives.
    "through a name": """\
import streamlit as st
settings = {"theme": "dark"}
views = list(settings.keys()), settings.keys()
st.session_state.views = views
""",
    # A builtin's name bound by the file.
    "rebound builtin": """\
import streamlit as st
def str(value):
    return lambda: value
st.session_state.text = str(1)
""",
    # Another object's method named like a widget.
    "not streamlit": """\
import streamlit as st
class Widgets:
    def text_input(self, label):
        return lambda: label
widgets = Widgets()
st.session_state.entry = widgets.text_input("Name")
""",
    # A fresh container under a key: later runs start again from it.
    "fresh container": """\
import streamlit as st
class Item:
    pass
name = st.text_input("Name")
st.session_state.items = [name]
st.session_state.items.append(Item())
key = "kept"
st.session_state[key] = []
st.session_state[key].append(Item())
""",
    # A dict read back from session state, and a view made of it.
    "dict read back": """\
import streamlit as st
prices = {"a": 1}
st.session_state.prices = prices
st.session_state.names = st.session_state.prices.keys()
inner = {"b": 2}
st.session_state.profile = {"inner": inner}
st.session_state.inner = st.session_state.profile["inner"].values()
st.session_state.setdefault("totals", {"c": 3})
st.session_state.log = []
st.session_state.log.append({"d": 4})
st.session_state.items = st.session_state.totals.items(), st.session_state.log[0].items()
""",
    # A dict left out where a run may skip it, viewed where it is read back.
    "skipped dict viewed": """\
import streamlit as st
name = st.text_input("Name")
if st.button("Save"):
    st.session_state["profile"] = {"name": name, "n": 1}
while st.session_state.get("again"):
    st.session_state.settings = {"theme": "dark"}
st.session_state.view = st.session_state.profile.items()
st.session_state.again = st.session_state["settings"].keys()
""",
    # A fresh container every run renews its key: what is added to it later
    # in the run does not outlive it. A call may decide a parameter's test, the
    # ``__main__`` guard always holds, and a loop's body always runs.
    "renewed under a guard": """\
import streamlit as st
class Item:
    pass
def fill(fresh, other):
    if other > 1:
        pass
    elif fresh:
        st.session_state.box = {"n": 1}
    st.session_state.box["y"] = Item()
fill(True, 0)
if __name__ == "__main__":
    st.session_state.bag = {"n": 1}
    st.session_state.bag["y"] = Item()
for _ in range(2):
    st.session_state.tray = [1]
    st.session_state.tray.append(Item())
""",
    # A name bound to what is under a key, and a dict written through it.
    "skipped dict through a name": """\
import streamlit as st
profile = st.session_state.profile
if st.button("Save"):
    profile["address"] = {"city": "Oslo"}
st.session_state.view = st.session_state.profile["address"].items()
""",
    # A fresh container a run may skip renews nothing.
    "skipped fresh container": """\
import streamlit as st
class Item:
    pass
if st.button("Reset"):
    st.session_state.box = {"n": 1}
    st.session_state.tray = []
st.session_state.box["y"] = Item()
st.session_state.tray.append(Item())
""",
    # A name bound to a plain name, read as a key.
    "key through a name": """\
import streamlit as st
class Item:
    pass
k = "things"
key = k
st.session_state[key] = []
st.session_state[key].append(Item())
""",
    # A binding with ``:=`` inside a plain value.
    "walrus": """\
import streamlit as st
st.session_state.count = len(handlers := [lambda: 0])
st.session_state.handlers = handlers
""",
    # A star import may bind any name.
    "star import": """\
import streamlit as st
from helpers import *
label = f"{st.text_input('Name')}"
st.session_state.label = {"label": label}
""",
}


@pytest.mark.parametrize("source", PLAIN_TRAPS.values(), ids=PLAIN_TRAPS.keys())
def test_plain_data_is_told_where_the_analysis_would_find_it(source: str) -> None:
    assert reports(source, everything=False) == reports(source, everything=True)


def test_the_plain_data_traps_are_not_vacuous() -> None:
    reported = [name for name, source in PLAIN_TRAPS.items() if reports(source, everything=False)]
    assert reported == [
        "shadowed",
        "parameter",
        "changed",
        "method",
        "method argument",
        "through a name",
        "rebound builtin",
        "not streamlit",
        "dict read back",
        "skipped dict viewed",
        "renewed under a guard",
        "skipped dict through a name",
        "skipped fresh container",
        "walrus",
    ]


def test_a_parameter_named_like_streamlit_is_not_streamlit() -> None:
    # Leaving the write out would also stop the call below from being followed.
    source = textwrap.dedent(
        """\
        import sqlite3
        import streamlit
        import streamlit as st
        class Widgets:
            def text_input(self, label):
                return sqlite3.connect(":memory:")
        def show(st):
            streamlit.session_state.entry = st.text_input("Name")
        show(Widgets())
        """
    )
    found = [(v.line, v.message[:6]) for v in reports(source, everything=False)]
    assert found == [(8, "PKL106"), (9, "PKL106")]  # the write, and the call that makes it refused


def test_writes_of_plain_data_and_what_only_they_read_are_left_out() -> None:
    kept = selected_lines(
        textwrap.dedent(
            """\
            import streamlit as st
            with st.sidebar:
                limit = st.slider("Limit", 1, 100, 10)
                st.session_state.update({"limit": limit, "label": str(limit) + " rows"})
            for index in range(3):
                st.session_state.setdefault(f"slot_{index}", index * 2)
            with st.form("profile"):
                name = st.text_input("Name")
                age = st.number_input("Age", min_value=0)
                when = st.sidebar.date_input("When")
            if st.form_submit_button("Save"):
                st.session_state.profile = {"name": name, "age": age, "when": when}
                st.session_state.count = len(st.session_state.profile)
            if prompt := st.chat_input("Ask"):
                st.session_state.messages.append({"role": "user", "content": prompt.strip()})
                st.session_state.history.append((name, age > 18 or None))
            """
        )
    )
    # The form's values are written as a fresh dict where a run may skip it, so
    # it renews nothing; the analysis is told that the key may hold a dict.
    assert kept == [
        "import streamlit as st",
        'if prompt := st.chat_input("Ask"):',
        'st.session_state.messages.append({"role": "user", "content": prompt.strip()})',
    ]


def test_what_only_a_condition_without_calls_reads_is_left_out() -> None:
    # The analysis reads a condition only for its calls and ``:=``.
    kept = selected_lines(
        textwrap.dedent(
            """\
            import streamlit as st
            with st.form("profile"):
                name = normalised(st.text_input("Name"))
                agree = st.checkbox("I agree")
                submitted = st.form_submit_button("Save")
            if submitted and agree:
                st.session_state.profile = {"name": name}
            """
        )
    )
    assert 'name = normalised(st.text_input("Name"))' in kept
    assert not {'agree = st.checkbox("I agree")', 'submitted = st.form_submit_button("Save")'} & (
        set(kept)
    )


def test_pass_stands_in_for_a_last_statement_holding_no_return() -> None:
    kept = selected_lines(SCOPE_TRAPS["last statements"])
    assert kept.count("pass") == 2
    assert not [line for line in kept if "chart" in line]
    assert {'if st.button("go"):', "return None"} <= set(kept)


def test_calls_passing_values_to_a_function_that_writes_are_kept() -> None:
    source = textwrap.dedent(
        """\
        import streamlit as st
        def store(key, value):
            st.session_state[key] = value
        def remember(value):
            store("kept", value)
        def show(value):
            st.write(value)
        def page():
            handle = open("f.txt")
            remember(handle)
            show(handle)
            store("count", 0)
        """
    )
    selection = selection_of(source)
    assert selection is not None
    assert selection.writers == {"store", "remember"}
    kept = [line.strip() for unit in selection.units for line in unit.text.splitlines()]
    assert {'store("kept", value)', 'handle = open("f.txt")', "remember(handle)"} <= set(kept)
    assert not {"def show(value):", "show(handle)", 'store("count", 0)'} & set(kept)


def test_the_clauses_of_an_elif_chain_are_left_out_line_by_line() -> None:
    kept = selected_lines(SCOPE_TRAPS["elif pages"])
    assert 'st.title("A")' not in kept and 'st.title("C")' not in kept
    assert kept.count("pass") == 2
    assert 'elif page == "c":' in kept and "else:" in kept


def test_statements_sharing_a_line_stay_together() -> None:
    source = "import streamlit as st\nx = 1; st.session_state.x = lambda: x\ny = 2; \\\nz = 3\n"
    assert selected_lines(source) == [
        "import streamlit as st",
        "x = 1; st.session_state.x = lambda: x",
    ]
    joined = "import streamlit as st\nv = 1; \\\nst.session_state.v = [v]\n"
    assert selected_lines(joined) == [
        "import streamlit as st",
        "v = 1; \\",
        "st.session_state.v = [v]",
    ]


def facts(source: str) -> FileFacts:
    selection = selection_of(source)
    assert selection is not None
    return FileFacts(ast.parse(source), source, selection.module_names)


WRITE = "import streamlit as st\ndef save():\n    st.session_state.x = [1]\n"


@pytest.mark.parametrize(
    "source, expected",
    [
        (WRITE + "st.title('App')\n", True),
        (WRITE + "save()\n", True),
        (WRITE + "import logging\nlogging.basicConfig()\n", False),
        (WRITE + "def helper():\n    st.title('App')\n", False),
        (WRITE + "from streamlit import title\ntitle('App')\n", True),
        (WRITE + "class App:\n    st.title('x')\n", False),
        (WRITE + "x = [st.title('App')]\n", True),
        (WRITE + "if 'x' not in st.session_state:\n    pass\n", True),
        (WRITE + "st.session_state.x = [1]\n", True),
        (WRITE + "state = st.session_state\n", False),
        (WRITE + "class App:\n    pass\nApp()\n", True),
        (WRITE + "state: object = st.session_state\n", False),
        (WRITE + "handler = lambda: st.session_state\n", False),
    ],
)
def test_a_script_uses_streamlit_or_calls_its_own_functions_at_module_level(
    source: str, expected: bool
) -> None:
    assert facts(source).is_script is expected


@pytest.mark.parametrize(
    "calls, expected",
    [
        ("save()\n", {"save"}),
        ("if __name__ == '__main__':\n    save()\n", {"save"}),
        ("with st.sidebar:\n    save()\n", {"save"}),
        ("try:\n    save()\nexcept ValueError:\n    pass\n", {"save"}),
        ("if st.button('go'):\n    save()\n", set()),
        ("save()\nst.button('go', on_click=save)\n", set()),
        ("for _ in range(2):\n    save()\n", {"save"}),
        ("while False:\n    save()\n", set()),
        ("def main():\n    save()\nmain()\n", {"main", "save"}),
        ("def main():\n    if st.button('go'):\n        save()\nmain()\n", {"main"}),
        ("def main():\n    save()\nst.button('go', on_click=main)\n", set()),
        ("class App:\n    def run(self):\n        save()\nApp().run()\n", {"save"}),
    ],
)
def test_functions_every_run_are_called_unconditionally_and_nowhere_else(
    calls: str, expected: set[str]
) -> None:
    assert facts(WRITE + calls).functions_every_run == expected


@pytest.mark.parametrize(
    "calls, expected",
    [
        ("App().run()\n", {"run"}),
        ("page = App()\npage.render()\n", {"render"}),
        ("if __name__ == '__main__':\n    App().run()\n", {"run"}),
        ("if st.button('go'):\n    App().run()\n", set()),
        ("app = App()\napp.run()\nst.button('go', on_click=app.run)\n", set()),
        ("save()\n", set()),
        (
            "class App:\n    def run(self):\n        self.setup()\n    def setup(self):\n"
            "        pass\nApp().run()\n",
            {"run", "setup"},
        ),
        ("def main():\n    App().run()\nmain()\n", {"run"}),
    ],
)
def test_methods_every_run_are_called_unconditionally_and_nowhere_else(
    calls: str, expected: set[str]
) -> None:
    assert facts(WRITE + calls).methods_every_run == expected


def test_classes_registered_with_copyreg() -> None:
    source = WRITE + (
        "import copyreg\nfrom copyreg import pickle as register\n"
        "copyreg.pickle(Lock, reduce_lock)\nregister(mod.Conn, reduce_conn)\n"
    )
    assert facts(source).registered_with_copyreg == {"Lock", "mod.Conn"}
    assert facts(WRITE).registered_with_copyreg == frozenset()


PAGES = """\
import streamlit as st


def load(path):
    \"\"\"Read the rows.\"\"\"
    st.caption(path)
    handle = open(path)
    return handle


def page_data():
    st.header("Data")
    st.markdown("Pick a file.")
    if st.button("Load"):
        st.write("loading")
        st.session_state.handle = load("rows.csv")
    for row in range(3):
        st.write(row)


def page_about():
    st.markdown("About")
    with st.expander("More"):
        st.write("text")


def rows():
    for n in range(3):
        st.write(n)
        yield n


choice = st.sidebar.radio("Page", ["Data", "About"])
if choice == "Data":
    page_data()
else:
    page_about()
st.session_state.rows = rows()
"""


def test_statements_inside_selected_blocks_are_left_out_line_by_line() -> None:
    selection = selection_of(PAGES)
    assert selection is not None
    text = "".join(unit.text for unit in selection.units)
    kept = [line.strip() for line in text.splitlines() if line.strip()]
    assert kept == [
        "import streamlit as st",
        "def load(path):",
        "handle = open(path)",
        "return handle",  # what the function returns, and its last statement
        "def page_data():",
        'if st.button("Load"):',
        'st.session_state.handle = load("rows.csv")',
        "pass",  # stands in for the function's last statement, the loop
        "def rows():",
        "for n in range(3):",
        "yield n",  # makes the function a generator
        "st.session_state.rows = rows()",
    ]


@pytest.mark.parametrize("source", [PAGES], ids=["pages"])
def test_leaving_lines_out_never_changes_a_report(source: str) -> None:
    found = reports(source, everything=False)
    assert [v.code for v in found] == ["PKL104", "PKL103"]
    assert found == reports(source, everything=True)


def test_selected_units_keep_their_line_numbers() -> None:
    selection = selection_of(PAGES)
    assert selection is not None
    lines = PAGES.splitlines(keepends=True)
    left_out = 0
    for unit in selection.units:
        text = unit.text.splitlines(keepends=True)
        assert len(text) == len(unit.lines)
        assert unit.lines[0] == unit.first_line
        assert list(unit.lines) == sorted(set(unit.lines))
        left_out += unit.lines[-1] - unit.lines[0] + 1 - len(unit.lines)
        for number, line in zip(unit.lines, text, strict=True):
            assert line.strip() in ("pass", lines[number - 1].strip())
    assert left_out > 0


EVERY_FIELD = """\
import os.path as p, sys
from . import a as b
from .x import *
def f(a, /, b: int = 1, *c, d=None, e, **g) -> None:
    global h
    x = 1
    def k():
        nonlocal x
    return {**g, "k": [*c], 1: {i for i in c if i}}
@dec(1)
class C(B, metaclass=M):
    y: int = f"{x!r:>{w}}"
    async def m(self):
        async with a as (b, c), d:
            async for e in f:
                await g
        return {j: j async for j in c}
        del a[1:2:3], b.c
        try:
            raise E from F
        except (G, H) as i:
            pass
        match v:
            case Point(1, x=0, y=[1, *rest]) if rest:
                pass
            case {"k": 1, **more} | None:
                pass
            case str() as s:
                pass
lambda q=1, *, r=2: (yield)
assert a, b
while (n := n - 1) > 0 or not a and b:
    a @= b << 2 if c else -d
else:
    print(x[1, ...], -x ** 2)
"""


def test_pushed_children_are_the_ast_s_own_less_operators() -> None:
    """What the walks push of each node is what ``ast.iter_child_nodes`` gives,
    less contexts and operators, on every kind of field of Python's tree."""
    walked = 0
    for source in [EVERY_FIELD, *SOURCES.values()]:
        for node in ast.walk(ast.parse(source)):
            pushed: list[ast.AST] = []
            push_children(pushed, node)
            expected = [
                child
                for child in ast.iter_child_nodes(node)
                if not isinstance(
                    child, (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)
                )
            ]
            assert pushed == expected
            walked += 1
    assert walked > 10_000


def test_the_methods_of_a_class_that_store_what_they_are_given() -> None:
    selection = selection_of(CLASS_HELPERS.split("state = State()")[0])
    assert selection is not None
    assert selection.writers == {".keep", ".put", ".note"}


def test_the_calls_passing_values_to_a_method_that_stores_them_are_kept() -> None:
    lines = selected_lines(CLASS_HELPERS + "'text'.describe(name)\n")
    calls = lines[lines.index("state = State()") + 1 :]
    # not ``state.put("count", 0)``, which passes constants, nor the calls of
    # ``describe``, which takes values but stores none
    assert calls == [
        'state.keep("conn", sqlite3.connect("app.db"))',
        'State.put("handle", open("f.txt"))',
        "State.note(lambda: 1)",
    ]
