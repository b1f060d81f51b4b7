"""Every file of the running interpreter's standard library and of the installed
Streamlit package goes through the engine, as flake8 hands it over, without a
single exception; and the limits refuse only files libcst really cannot take.

Few of these files write into session state, so the gate keeps most of them from
libcst. A sample of them (every ``PKL_WHOLE_TREE_SPLICE_EVERY``-th file, 32 by
default; 1 for all, some minutes on two cores) is checked again with a
session-state write appended, which sends the whole file through libcst and the
analysis: each must report that write, or be refused with PKL000.

Run with ``pytest -s tests/test_whole_tree.py`` to see the figures.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
import tokenize
from collections import Counter
from pathlib import Path
from typing import Any

import libcst
import pytest
import streamlit

WORKERS = 2
SPLICE_EVERY = int(os.environ.get("PKL_WHOLE_TREE_SPLICE_EVERY", "32"))
SPLICE = "import streamlit as st\nst.session_state.k = lambda: 1\n"

WORKER = r"""
import ast, json, sys, tokenize, traceback
from flake8_session_pickle import check_source
from flake8_session_pickle.limits import exceeded

def read(path):
    # As flake8 reads a file: the coding cookie or UTF-8, else latin-1; no BOM.
    try:
        with tokenize.open(path) as handle:
            lines = handle.readlines()
    except (SyntaxError, UnicodeError):
        with open(path, encoding="latin-1") as handle:
            lines = handle.readlines()
    if lines:
        lines[0] = lines[0].lstrip("\ufeff")
    return "".join(lines)

def check(path, source, report):
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        report["unparsable"].append(path)
        return None
    try:
        violations = check_source(source, tree, strict=True)
        reason = exceeded(tree, source)
    except BaseException:
        report["errors"].append([path, traceback.format_exc()])
        return None
    for violation in violations:
        if violation.code == "PKL000":
            report["pkl000"].append([path, violation.message])
        else:
            report["findings"].append([path, violation.line, violation.code])
    if reason is not None:
        report["refused"].append([path, reason])
    return violations

splice = sys.argv[1]
keys = ("files", "unparsable", "errors", "pkl000", "findings", "refused", "lines")
report = {key: [] for key in keys}
spliced = {key: [] for key in keys}
for line in sys.stdin.read().splitlines():
    also_spliced, path = line.split(" ", 1)
    report["files"].append(path)
    source = read(path)
    check(path, source, report)
    if also_spliced == "1":
        spliced["files"].append(path)
        source += ("" if source.endswith("\n") or not source else "\n") + splice
        check(path, source, spliced)
        spliced["lines"].append([path, source.count("\n")])
print(json.dumps({"plain": report, "spliced": spliced}))
"""


def tree_files() -> list[Path]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = [
        path
        for path in stdlib.rglob("*.py")
        if not {"site-packages", "dist-packages"} & set(path.relative_to(stdlib).parts)
    ]
    files += Path(streamlit.__file__).parent.rglob("*.py")
    return sorted(files)


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    files = tree_files()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, SPLICE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    lines = [f"{int(number % SPLICE_EVERY == 0)} {path}" for number, path in enumerate(files)]
    outputs = [
        worker.communicate("\n".join(lines[index::WORKERS]), timeout=900)
        for index, worker in enumerate(workers)
    ]
    for worker, (_, stderr) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, f"a worker died ({worker.returncode}): {stderr[-3000:]}"
    merged: dict[str, dict[str, Any]] = {"plain": {}, "spliced": {}}
    for stdout, _ in outputs:
        for run, report in json.loads(stdout).items():
            for key, value in report.items():
                merged[run].setdefault(key, []).extend(value)
    return merged


@pytest.fixture(scope="module")
def whole_tree(runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return runs["plain"]


@pytest.fixture(scope="module")
def spliced(runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return runs["spliced"]


def summary(title: str, run: dict[str, Any]) -> None:
    reasons = Counter(message.split(": ", 1)[1] for _, message in run["pkl000"])
    print(
        f"\n{title}: {len(run['files'])} files, {len(run['unparsable'])} that Python cannot "
        f"parse, {len(run['errors'])} exceptions, {len(run['findings'])} findings, "
        f"{len(run['pkl000'])} PKL000"
    )
    for path, message in run["pkl000"]:
        print(f"  PKL000 {path}: {message.split(': ', 1)[1]}")
    print(f"  PKL000 reasons: {dict(reasons)}")


def test_the_tree_is_large(whole_tree: dict[str, Any]) -> None:
    assert len(whole_tree["files"]) > 500
    assert len(whole_tree["unparsable"]) < len(whole_tree["files"]) / 100


def test_no_file_raises(whole_tree: dict[str, Any]) -> None:
    summary("as they are", whole_tree)
    assert whole_tree["errors"] == []


def test_every_spliced_file_reports_the_write_or_is_refused(spliced: dict[str, Any]) -> None:
    summary("with a session-state write appended", spliced)
    assert spliced["errors"] == []
    assert len(spliced["files"]) == -(-len(tree_files()) // SPLICE_EVERY)
    refused = {path for path, _ in spliced["pkl000"]}
    assert len(refused) <= 5
    reported = {(path, line) for path, line, code in spliced["findings"] if code == "PKL101"}
    parsed = set(spliced["files"]) - set(spliced["unparsable"])
    for path, lines in spliced["lines"]:
        if path in parsed and path not in refused:
            assert (path, lines) in reported, path


def test_the_limits_refuse_only_files_libcst_cannot_take(whole_tree: dict[str, Any]) -> None:
    print(f"\nrefused by the limits, gate or not: {len(whole_tree['refused'])} files")
    for path, reason in whole_tree["refused"]:
        print(f"  {path}: {reason}")
    assert len(whole_tree["refused"]) <= 5
    for path, _ in whole_tree["refused"]:
        with tokenize.open(path) as handle:
            source = handle.read()
        ast.parse(source)
        with pytest.raises((libcst.ParserSyntaxError, RecursionError)):
            libcst.parse_module(source).visit(libcst.CSTVisitor())
