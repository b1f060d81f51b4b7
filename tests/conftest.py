"""Tests that need an optional extra this environment lacks.

A test needs an extra when it is marked ``needs_extra(extra, module, ...)``, or
when a parameter it runs (a knowledge row's evidence, a runtime-truth case's
source) imports a module that an extra of the package installs, or names it as
its ``package``. Outside CI such
a test is skipped, with the extra to install as the reason. In CI (``CI=true``)
it fails instead, so that the evidence tests cannot silently drop out of a run.
Tests that need the ``evidence`` or the ``dev`` extra also carry a mark of that
name, so that a run with the test extra alone can leave them out on purpose:
``pytest -m "not evidence and not dev"``.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
from functools import cache
from importlib import metadata

import pytest

DISTRIBUTION = "flake8-session-pickle"
MARKED_EXTRAS = {"evidence": "the SDKs", "dev": "ruff and mypy"}
IN_CI = os.environ.get("CI", "").lower() == "true"
REQUIREMENT = re.compile(
    r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)[^;]*;.*\bextra\s*==\s*['\"]([^'\"]+)['\"]"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "needs_extra(extra, *modules): the test needs these modules, which the extra installs",
    )
    for extra, what in MARKED_EXTRAS.items():
        config.addinivalue_line(
            "markers",
            f"{extra}: needs the {extra} extra ({what}); -m 'not {extra}' leaves these tests out",
        )


@cache
def modules_of_extras() -> dict[str, frozenset[str]]:
    """The top-level modules each extra installs, from the installed package's
    metadata (a distribution's name with ``-`` as ``_``; ``boto3`` is ``boto3``)."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return {}
    found: dict[str, set[str]] = {}
    for requirement in requirements:
        match = REQUIREMENT.match(requirement)
        if match and not match[1].startswith(DISTRIBUTION):
            found.setdefault(match[2], set()).add(match[1].lower().replace("-", "_"))
    return {extra: frozenset(modules) for extra, modules in found.items()}


@cache
def imported_modules(source: str) -> frozenset[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return frozenset()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return frozenset(modules)


INDIRECT_NEEDS = {
    # Streamlit's SQL connection builds an SQLAlchemy engine.
    re.compile(r"\bconnection\(.*\btype=['\"]sql['\"]"): "sqlalchemy",
}
"""Modules that code needs without importing them itself."""


@cache
def needed_modules(source: str) -> frozenset[str]:
    indirect = {module for pattern, module in INDIRECT_NEEDS.items() if pattern.search(source)}
    return imported_modules(source) | indirect


@cache
def is_installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def modules_needed_by(item: pytest.Item) -> frozenset[str]:
    """What the parameters of a test run or name: the imports of evidence snippets
    and case sources, and the packages of knowledge rows."""
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return frozenset()
    needed: set[str] = set()
    for value in callspec.params.values():
        for attribute in ("evidence", "source"):
            text = getattr(value, attribute, None)
            if isinstance(text, str):
                needed |= needed_modules(text)
        package = getattr(value, "package", None)
        if isinstance(package, str) and package:
            needed.add(package.split(".")[0])
    return frozenset(needed)


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marks added here
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    extras = modules_of_extras()
    for item in items:
        needed_by_item = modules_needed_by(item)
        for extra, modules in extras.items():
            needed = sorted(needed_by_item & modules)
            if needed:
                item.add_marker(pytest.mark.needs_extra(extra, *needed))
        for mark in list(item.iter_markers("needs_extra")):
            if mark.args[0] in MARKED_EXTRAS:
                item.add_marker(mark.args[0])


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_extra"):
        extra, *modules = mark.args
        absent = [module for module in modules if not is_installed(module)]
        if not absent:
            continue
        reason = (
            f"needs the '{extra}' extra ({', '.join(absent)} not installed): "
            f"pip install -e '.[{extra}]'"
        )
        if IN_CI:
            pytest.fail(f"CI=true and this test {reason}", pytrace=False)
        pytest.skip(reason)
