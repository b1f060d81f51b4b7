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
from flake8_session_pickle.settings import SettingsError, parse_names, parse_unpicklable

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
