"""The plugin's options, from the command line and from every flake8 config file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from strict import check

from flake8_session_pickle import Settings
from flake8_session_pickle.codes import Kind
from flake8_session_pickle.settings import SettingsError, parse_names, parse_unpicklable, warnings

APP = textwrap.dedent(
    """\
    import redis
    import streamlit as st
    import mylib
    from myapp.state import session

    st.session_state.client = mylib.Client()
    session["handler"] = lambda: 1
    st.session_state.cache = redis.Redis()
    """
)

OPTIONS = {
    "pkl-unpicklable": "mylib.Client:PKL110",
    "pkl-picklable": "redis.Redis",
    "pkl-session-targets": "myapp.state.session",
}


def flake8(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select=PKL", *args, "app.py"],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


def reported(output: str) -> list[tuple[int, str]]:
    return [(int(line.split(":")[1]), line.split()[1]) for line in output.splitlines()]


def test_without_options_the_defaults_apply(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    assert reported(flake8(tmp_path, "--isolated").stdout) == [(8, "PKL106")]


def test_options_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    args = [f"--{name}={value}" for name, value in OPTIONS.items()]
    assert reported(flake8(tmp_path, "--isolated", *args).stdout) == [(6, "PKL110"), (7, "PKL101")]


@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".flake8"])
def test_options_in_a_config_file(tmp_path: Path, config: str) -> None:
    (tmp_path / "app.py").write_text(APP)
    lines = "".join(f"{name} = {value}\n" for name, value in OPTIONS.items())
    (tmp_path / config).write_text(f"[flake8]\n{lines}")
    assert reported(flake8(tmp_path).stdout) == [(6, "PKL110"), (7, "PKL101")]


def test_a_bad_option_value_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    result = flake8(tmp_path, "--isolated", "--pkl-unpicklable=mylib.Client")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "--pkl-unpicklable: 'mylib.Client' needs a code after the name" in result.stderr


def test_parse_unpicklable_accepts_either_sink_code() -> None:
    assert parse_unpicklable(["a.B:PKL106", " c.d : PKL210 "], "--x") == (
        ("a.B", Kind.DATABASE),
        ("c.d", Kind.CLIENT),
    )


@pytest.mark.parametrize("value", ["a.B", "a.B:PKL101", "a.B:PKL112", "a.B:E501", "1a:PKL110"])
def test_parse_unpicklable_refuses(value: str) -> None:
    with pytest.raises(SettingsError, match="--x"):
        parse_unpicklable([value], "--x")


def test_parse_names_refuses_what_is_not_a_qualified_name() -> None:
    assert parse_names(["a.b", " c ", ""], "--x") == frozenset({"a.b", "c"})
    with pytest.raises(SettingsError, match="'a b'"):
        parse_names(["a b"], "--x")


def test_settings_reach_the_engine() -> None:
    settings = Settings(unpicklable=(("mylib.Client", Kind.CLIENT),))
    source = "import streamlit as st\nimport mylib\nst.session_state.c = mylib.Client()\n"
    assert [v.code for v in check(source, settings=settings)] == ["PKL110"]
    assert check(source) == []


@pytest.mark.parametrize(
    "entry, statement",
    [
        ("mylib.Client:PKL110", "st.session_state.c = mylib.Client()"),
        ("mylib.Client:PKL110", "st.session_state.c = mylib.make_client()"),
        ("mylib.connect():PKL106", "st.session_state.c = mylib.connect('db')"),
        ("mylib.Store.cursor():PKL106", "st.session_state.c = mylib.Store().cursor()"),
        ("mylib.Store.open():PKL104", "st.session_state.c = mylib.Store.open('p')"),
        ("redis.client.Redis:PKL106", "st.session_state.c = redis.from_url('redis://x')"),
    ],
)
def test_a_user_names_types_callables_and_methods(entry: str, statement: str) -> None:
    source = f"import streamlit as st\nimport mylib\nimport redis\n{statement}\n"
    settings = Settings(unpicklable=parse_unpicklable([entry], "--pkl-unpicklable"))
    expected = "PKL1" + entry.rsplit(":PKL1", 1)[1]
    reported = [v.code for v in check(source, settings=settings)]
    if "make_client" in statement:
        expected_codes: list[str] = []  # what make_client returns is not said
    else:
        expected_codes = [expected]
    assert reported == expected_codes


def test_a_user_type_is_what_its_methods_are_looked_up_on() -> None:
    settings = Settings(
        unpicklable=parse_unpicklable(["mylib.Store.cursor():PKL106"], "--pkl-unpicklable")
    )
    source = (
        "import streamlit as st\nimport mylib\nstore = mylib.Store()\n"
        "st.session_state.store = store\nst.session_state.cursor = store.cursor()\n"
    )
    assert [(v.line, v.code) for v in check(source, settings=settings)] == [(5, "PKL106")]


def test_a_user_can_say_a_known_type_or_producer_pickles() -> None:
    source = (
        "import streamlit as st\nimport redis\nimport sqlite3\n"
        "st.session_state.r = redis.from_url('redis://x')\n"
        "st.session_state.c = sqlite3.connect(':memory:')\n"
        "st.session_state.k = sqlite3.connect(':memory:').cursor()\n"
    )
    by_type = Settings(picklable=parse_names(["redis.Redis"], "--pkl-picklable"))
    assert [v.line for v in check(source, settings=by_type)] == [5, 6]
    by_producer = Settings(picklable=parse_names(["sqlite3.connect()"], "--pkl-picklable"))
    assert [v.line for v in check(source, settings=by_producer)] == [4]


def test_the_user_s_word_on_a_type_refused_only_as_made_holds_for_every_value() -> None:
    name = "langchain_core.runnables.base.RunnableSequence"
    source = "import streamlit as st\nfrom langchain.agents import create_react_agent\n"
    source += "from langchain_core.runnables.base import RunnableSequence\n"
    source += "st.session_state.agent = create_react_agent(model, tools, prompt)\n"
    source += "def build() -> RunnableSequence:\n    return make()\n"
    source += "st.session_state.chain = build()\n"
    assert [v.line for v in check(source)] == [4]
    picklable = Settings(picklable=parse_names([name], "--pkl-picklable"))
    assert check(source, settings=picklable) == []
    unpicklable = Settings(unpicklable=parse_unpicklable([f"{name}:PKL110"], "--x"))
    assert [v.line for v in check(source, settings=unpicklable)] == [4, 7]


@pytest.mark.parametrize(
    "value, message",
    [
        ("mylib.Client", "'mylib.Client' needs a code after the name and a colon"),
        ("mylib.Client:PKL999", "'PKL999' is not a code of this plugin; use one of PKL103"),
        ("mylib.Client:pkl110", "write the code in capitals, 'PKL110'"),
        ("mylib.Client:PKL101", "PKL101 names a kind the plugin recognises by the code itself"),
        ("mylib.Client:E501", "'E501' is not a code of this plugin"),
        ("not a name:PKL110", "'not a name' is not a name such as 'package.Client'"),
        ("mylib.Client():x:PKL110", "'mylib.Client():x' is not a name"),
    ],
)
def test_a_malformed_entry_says_which_and_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(SettingsError) as error:
        parse_unpicklable([value], "--pkl-unpicklable")
    assert str(error.value).startswith("--pkl-unpicklable: ")
    assert message in str(error.value)


def test_whitespace_around_the_colon_is_accepted() -> None:
    assert parse_unpicklable(["mylib.Client : PKL110", "mylib.connect(): PKL106"], "--x") == (
        ("mylib.Client", Kind.CLIENT),
        ("mylib.connect()", Kind.DATABASE),
    )


def test_values_that_can_never_match_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    result = flake8(
        tmp_path,
        "--isolated",
        "--pkl-session-targets=session",
        "--pkl-picklable=mylib.Nothing",
    )
    assert "Traceback" not in result.stderr
    assert reported(result.stdout) == [(8, "PKL106")]  # the run goes on
    assert "warning: --pkl-session-targets: 'session' names no module" in result.stderr
    assert "warning: --pkl-picklable: 'mylib.Nothing' is nothing the plugin takes" in result.stderr
    assert warnings(Settings()) == []
