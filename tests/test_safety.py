"""The plugin reads source; it never imports or runs the code it checks.

Each checked file would create a marker file if it were imported or run: at module
level, under ``if __name__ == "__main__":``, in a package ``__init__`` through the
import of a sibling module, and in a local ``streamlit.py`` that would shadow the
real Streamlit if anything imported it from the checked directory.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from strict import check

WRITE = "st.session_state.handler = lambda: 1"


def booby_trapped(directory: Path, markers: Path) -> dict[str, str]:
    """Writes the files; returns each file's path and text."""

    def marker(name: str) -> str:
        return f"open({str(markers / name)!r}, 'w').close()"

    files = {
        "app.py": f"""\
            import streamlit as st
            import pages
            {marker("app-module-level")}
            {WRITE}
            if __name__ == "__main__":
                {marker("app-main")}
            """,
        "pages/__init__.py": f"""\
            import streamlit as st
            from . import sibling
            {marker("package-init")}
            {WRITE}
            """,
        "pages/sibling.py": f"""\
            import streamlit as st
            {marker("sibling-module")}
            {WRITE}
            """,
        "streamlit.py": f"""\
            import types
            {marker("shadowing-streamlit")}
            session_state = types.SimpleNamespace()
            """,
        "conftest.py": f"""\
            import streamlit as st
            {marker("conftest")}
            {WRITE}
            """,
    }
    written = {}
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
        written[name] = path.read_text()
    return written


@pytest.fixture
def checked(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    directory, markers = tmp_path / "project", tmp_path / "markers"
    directory.mkdir()
    markers.mkdir()
    return directory, markers, booby_trapped(directory, markers)


def test_the_markers_work(checked: tuple[Path, Path, dict[str, str]]) -> None:
    """Running the app for real creates the markers, so their absence below means
    the code was not run."""
    directory, markers, _ = checked
    subprocess.run([sys.executable, "app.py"], cwd=directory, capture_output=True, check=True)
    assert {path.name for path in markers.iterdir()} == {
        "app-module-level",
        "app-main",
        "package-init",
        "sibling-module",
        "shadowing-streamlit",
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_flake8_checks_the_files_without_running_them(
    checked: tuple[Path, Path, dict[str, str]], jobs: str
) -> None:
    directory, markers, _ = checked
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PKL", f"--jobs={jobs}", "."],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    reported = sorted(line.split(":")[0] for line in result.stdout.splitlines())
    assert reported == ["./app.py", "./conftest.py", "./pages/__init__.py", "./pages/sibling.py"]
    assert list(markers.iterdir()) == []


def test_flake8_on_stdin_does_not_run_the_code(checked: tuple[Path, Path, dict[str, str]]) -> None:
    directory, markers, files = checked
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            "--isolated",
            "--select=PKL",
            "--stdin-display-name=app.py",
            "-",
        ],
        cwd=directory,
        input=files["app.py"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.startswith("app.py:4:28: PKL101 ")
    assert list(markers.iterdir()) == []


def test_the_engine_does_not_import_the_code(
    checked: tuple[Path, Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, markers, files = checked
    monkeypatch.chdir(directory)
    monkeypatch.syspath_prepend(str(directory))
    before = set(sys.modules)
    for text in files.values():
        check(text)
    assert list(markers.iterdir()) == []
    assert not {"app", "pages", "pages.sibling", "conftest"} & (set(sys.modules) - before)
