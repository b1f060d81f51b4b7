"""Odd and hostile files: encodings, line endings, control characters, sizes,
syntax Python refuses. Where flake8's decoding matters they go through real
flake8; each has one defined outcome."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from strict import check

from flake8_session_pickle.limits import MAX_NODES

WRITE = "st.session_state['k'] = lambda: 1"
LAMBDA_COLUMN = len("st.session_state['k'] = ")
"""0-based column of the lambda in WRITE."""
APP = f"import streamlit as st\n{WRITE}\n"


def flake8(path: Path, *args: str) -> list[str]:
    """flake8's reports for ``path`` as ``line:column: code``, with the plugin's
    codes and Python's syntax errors selected."""
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PKL,E9", *args, path.name],
        cwd=path.parent,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    stdout, stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert stderr == "", stderr
    reports = [line.split(" ", 2) for line in stdout.splitlines()]
    assert result.returncode == (1 if reports else 0)
    assert all(line.startswith(f"{path.name}:") for line in stdout.splitlines())
    return [f"{location.split(':', 1)[1]} {code}" for location, code, _ in reports]


def written(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_latin_1_coding_cookie_with_non_ascii_bytes(tmp_path: Path) -> None:
    content = (
        b"# -*- coding: latin-1 -*-\n"
        b"import streamlit as st\n"
        b"st.session_state['caf\xe9'] = lambda: 1\n"
    )
    path = written(tmp_path, "app.py", content)
    column = len("st.session_state['café'] = ") + 1
    assert flake8(path) == [f"3:{column}: PKL101"]
    output = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PKL", "app.py"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    ).stdout.decode("utf-8")
    assert "st.session_state['café']" in output  # as the code writes it


def test_a_byte_order_mark_does_not_shift_columns(tmp_path: Path) -> None:
    path = written(tmp_path, "app.py", b"\xef\xbb\xbf" + APP.encode())
    assert flake8(path) == [f"2:{LAMBDA_COLUMN + 1}: PKL101"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    source = f"import streamlit as st{newline}x = 1{newline}{WRITE}{newline}"
    path = written(tmp_path, "app.py", source.encode())
    assert flake8(path) == [f"3:{LAMBDA_COLUMN + 1}: PKL101"]
    (violation,) = check(source)
    assert (violation.line, violation.column, violation.code) == (3, LAMBDA_COLUMN, "PKL101")


def test_tabs_count_as_one_column(tmp_path: Path) -> None:
    source = "import streamlit as st\nif True:\n\tst.session_state['k'] = \tlambda: 1\n"
    path = written(tmp_path, "app.py", source.encode())
    assert flake8(path) == [f"3:{1 + LAMBDA_COLUMN + 1 + 1}: PKL101"]


def test_form_feeds_keep_the_line(tmp_path: Path) -> None:
    source = f"import streamlit as st\n\x0c\nx = 1\n\x0c{WRITE}\n"
    path = written(tmp_path, "app.py", source.encode())
    reports = flake8(path)
    assert [(report.split(":")[0], report.split()[-1]) for report in reports] == [("4", "PKL101")]


@pytest.mark.xfail(
    strict=True, reason="libcst 1.9 does not count a form feed that starts a line in its columns"
)
def test_form_feeds_count_as_one_column(tmp_path: Path) -> None:
    source = f"import streamlit as st\n\x0c{WRITE}\n"
    (violation,) = check(source)
    assert violation.column == 1 + LAMBDA_COLUMN


def python_refuses_nul_bytes_with_a_syntax_error() -> bool:
    """CPython raises SyntaxError for a NUL byte in source from 3.11.4 on (gh-96670);
    before, ValueError, which flake8 does not catch: it crashes in its own
    ``build_ast`` before any plugin runs (PyCQA/flake8#1822)."""
    try:
        compile("\x00", "<nul>", "exec")
    except SyntaxError:
        return True
    except ValueError:
        return False
    raise AssertionError("compile accepted a NUL byte")


def test_a_nul_byte_is_left_to_flake8(tmp_path: Path) -> None:
    source = APP + "\x00\n"
    path = written(tmp_path, "app.py", source.encode())
    if python_refuses_nul_bytes_with_a_syntax_error():
        assert flake8(path) == ["1:1: E999"]
    else:
        result = subprocess.run(
            [sys.executable, "-m", "flake8", "--isolated", "--select=PKL,E9", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert "in build_ast" in result.stderr
        assert result.stderr.endswith("ValueError: source code string cannot contain null bytes\n")
        assert "flake8_session_pickle" not in result.stderr
    assert check(source) == []


@pytest.mark.parametrize(
    "content", [b"", b"\n", b"# import streamlit as st\n# st.session_state.k = lambda: 1\n"]
)
def test_empty_and_comment_only_files(tmp_path: Path, content: bytes) -> None:
    assert flake8(written(tmp_path, "app.py", content)) == []
    assert check(content.decode()) == []


def test_a_real_syntax_error_is_left_to_flake8(tmp_path: Path) -> None:
    source = f"import streamlit as st\n{WRITE}\nst.session_state.x = (\n"
    reports = flake8(written(tmp_path, "app.py", source.encode()))
    assert [(report.split(":")[0], report.split()[-1]) for report in reports] == [("3", "E999")]
    assert check(source) == []


@pytest.mark.parametrize("opening, closing", [("(", ")"), ("[", "]"), ("{", "}")])
def test_brackets_nested_1000_deep_are_refused_by_python(
    tmp_path: Path, opening: str, closing: str
) -> None:
    source = APP + "x = " + opening * 1000 + closing * 1000 + "\n"
    reports = flake8(written(tmp_path, "app.py", source.encode()))
    assert [report.split()[-1] for report in reports] == ["E999"]
    assert check(source) == []


NEWER_SYNTAX = {
    "type parameters": "def first[T](items: list[T]) -> T:\n    return items[0]\n",
    "type parameters of a class": "class Box[T]:\n    item: T\n",
    "type alias statement": "type Pair = tuple[int, int]\n",
    "nested f-strings with the same quotes": 'x = 1\ny = f"{f"{x}"}"\n',
}


@pytest.mark.parametrize("body", NEWER_SYNTAX.values(), ids=NEWER_SYNTAX.keys())
def test_syntax_newer_than_the_interpreter(tmp_path: Path, body: str) -> None:
    source = "import streamlit as st\n" + body + WRITE + "\n"
    line = source.count("\n")
    reports = flake8(written(tmp_path, "app.py", source.encode()))
    if sys.version_info >= (3, 12):
        assert reports == [f"{line}:{LAMBDA_COLUMN + 1}: PKL101"]
    else:
        # Python refuses it, so flake8 reports E999 and the plugin is not run.
        assert [report.split()[-1] for report in reports] == ["E999"]
        assert check(source) == []


def generated_rows(size: int) -> str:
    rows = []
    total = 0
    number = 0
    while total < size:
        row = f"ROW_{number:06d} = ('{'x' * 60}', {number}, None)\n"
        rows.append(row)
        total += len(row)
        number += 1
    return "".join(rows)


def test_a_5_mb_generated_file_the_analysis_needs_is_refused_for_its_size() -> None:
    rows = generated_rows(5_000_000)
    names = [row.split(" ", 1)[0] for row in rows.splitlines()]
    source = APP + rows + f"st.session_state.rows = described({', '.join(names)})\n"
    assert len(source) >= 5_000_000
    (violation,) = check(source, ast.parse(source))
    assert (violation.line, violation.column) == (1, 0)
    assert violation.message == (
        f"PKL000 file not checked for unpicklable session state: it has more than "
        f"{MAX_NODES:,} syntax nodes, too many to analyse in reasonable time"
    )


def test_a_5_mb_generated_file_is_not_parsed_where_nothing_written_needs_it() -> None:
    source = APP + generated_rows(5_000_000)
    (violation,) = check(source, ast.parse(source))
    assert (violation.line, violation.column, violation.code) == (2, LAMBDA_COLUMN, "PKL101")


def test_a_5_mb_generated_file_without_session_state_is_not_analysed() -> None:
    source = "import streamlit as st\n" + generated_rows(5_000_000)
    assert check(source, ast.parse(source)) == []


def test_5_mb_of_string_data_is_analysed() -> None:
    source = APP + "".join(f"BLOB_{n} = '{'x' * 1_000_000}'\n" for n in range(5))
    (violation,) = check(source, ast.parse(source))
    assert (violation.line, violation.column, violation.code) == (2, LAMBDA_COLUMN, "PKL101")
