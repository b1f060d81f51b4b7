"""The installed ``flake8-session-pickle`` command: the list of codes and the rule
pages it prints, run as users run it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

from flake8_session_pickle.codes import ALL_CODES, UNANALYSABLE_CODE

ROOT = Path(__file__).parent.parent
RULES = ROOT / "src" / "flake8_session_pickle" / "rules"
COMMAND = shutil.which("flake8-session-pickle", path=sysconfig.get_path("scripts"))


def page_name(code: str) -> str:
    return "PKL2xx" if code.startswith("PKL2") else code


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert COMMAND, "flake8-session-pickle is not installed: pip install -e '.[test]'"
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_list_names_every_code_in_order() -> None:
    result = run("--list")
    assert (result.returncode, result.stderr) == (0, "")
    rows = [line.split(None, 2) for line in result.stdout.splitlines()]
    assert [code for code, *_ in rows] == list(ALL_CODES)
    for code, name, summary in rows:
        title = (RULES / f"{page_name(code)}.md").read_text().splitlines()[0]
        assert title == f"# {name} ({page_name(code)})"
        assert summary
    listed = {code: summary for code, _, summary in rows}
    assert listed["PKL104"] == "open file stored in st.session_state"
    assert listed["PKL204"] == "open file returned by an st.cache_data function"
    assert "not checked" in listed[UNANALYSABLE_CODE]


@pytest.mark.parametrize("code", ALL_CODES)
def test_explain_prints_the_rule_page_of_each_code(code: str) -> None:
    result = run("explain", code)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (RULES / f"{page_name(code)}.md").read_text()


@pytest.mark.parametrize(
    "query", ["pkl104", "open-file-in-session-state", "OPEN-FILE-IN-SESSION-STATE"]
)
def test_explain_takes_a_code_in_any_case_or_a_rule_name(query: str) -> None:
    result = run("explain", query)
    assert result.returncode == 0
    assert result.stdout.startswith("# open-file-in-session-state (PKL104)\n")


def test_explain_takes_the_family_page() -> None:
    result = run("explain", "PKL2xx")
    assert result.stdout == (RULES / "PKL2xx.md").read_text()


@pytest.mark.parametrize("query", ["PKL999", "PKL2", "lambda"])
def test_an_unknown_code_fails_and_points_to_the_list(query: str) -> None:
    result = run("explain", query)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"unknown code or rule {query!r}" in result.stderr
    assert "flake8-session-pickle --list" in result.stderr


def test_version_is_the_installed_distribution() -> None:
    result = run("--version")
    assert (
        result.stdout.strip()
        == f"flake8-session-pickle {metadata.version('flake8-session-pickle')}"
    )


def test_no_arguments_prints_the_help() -> None:
    result = run()
    assert result.returncode == 0
    assert re.search(r"^usage: flake8-session-pickle", result.stdout)
    assert "explain" in result.stdout


def test_the_command_does_not_load_the_analysis(tmp_path: Path) -> None:
    """With libcst unimportable, the codes and pages are still printed."""
    (tmp_path / "libcst").mkdir()
    (tmp_path / "libcst" / "__init__.py").write_text("raise ImportError('libcst was imported')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    listed = run("--list", env=env)
    assert (listed.returncode, listed.stderr) == (0, "")
    assert len(listed.stdout.splitlines()) == len(ALL_CODES)
    explained = run("explain", "PKL101", env=env)
    assert (explained.returncode, explained.stderr) == (0, "")


def test_a_closed_pipe_is_not_an_error() -> None:
    """``flake8-session-pickle explain PKL104 | head -1`` after head has gone."""
    assert COMMAND
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [COMMAND, "explain", "PKL104"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")
