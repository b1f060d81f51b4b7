"""Re-run the evidence of every third-party row of the knowledge tables, each
package group in a virtual environment of its own: of the types, and of the
decorators that return what the function returns.

Usage: python scripts/probe_knowledge.py [--venvs DIR] [--packages NAME ...] [--check]

Each group of ``flake8_session_pickle.knowledge.evidence.GROUPS`` gets a cached
virtual environment under DIR (by default ``~/.cache/flake8-session-pickle-probes``),
made on first use and brought up to date when the group's requirements change.
In it, each row's snippets run in a fresh interpreter, inside a scratch
directory, and the report says per row and producer: whether the value was
built, whether it is of the row's type, what pickle did against what the row
says, and the release of the package measured. Aliases are checked in every
environment where they import. Only the rows' own snippets run: never code of
an app.

``--check`` exits with 1 on any mismatch: a value not built or of another type,
a pickle outcome against the row, an alias naming another object or importing
nowhere, a row whose package no group measures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import venv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

# the rows of this checkout, whatever is installed
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from flake8_session_pickle.knowledge import decorator_rows, rows
from flake8_session_pickle.knowledge.evidence import (
    GROUPS,
    Group,
    distribution,
    groups_of,
)
from flake8_session_pickle.knowledge.rows import DecoratorRow, TypeRow

DEFAULT_VENVS = Path.home() / ".cache" / "flake8-session-pickle-probes"
TIMEOUT = 180
"""Seconds one row's snippets may take."""

_RESOLVE = r"""
import importlib, importlib.metadata, json, os, pickle, sys

def resolve(name):
    parts = name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except Exception:
            continue
        try:
            for part in parts[split:]:
                found = getattr(found, part)
        except Exception:
            return None
        return found
    return None
"""
"""What both children begin with: the object a qualified name reaches, or None."""

CHILD = (
    _RESOLVE
    + r"""

def of_type(value, names):
    classes = [c for c in (resolve(name) for name in names) if isinstance(c, type)]
    if any(isinstance(value, c) for c in classes):
        return True
    spelled = {f"{c.__module__}.{c.__qualname__}" for c in type(value).__mro__}
    return bool(spelled & set(names))

given = json.loads(sys.stdin.read())
results = {}
for key, names, tuple_of, snippet in given["evidence"]:
    namespace = {}
    try:
        exec(snippet, namespace)
        value = namespace["value"]
    except BaseException as error:
        results[key] = {"built": f"{type(error).__name__}: {error}"[:300]}
        continue
    items = list(value) if tuple_of and isinstance(value, tuple) else [value]
    found = {
        "built": "yes",
        "type": all(of_type(item, names) for item in items)
        and (isinstance(value, tuple) or not tuple_of),
        "actual": f"{type(value).__module__}.{type(value).__qualname__}",
    }
    try:
        pickle.dumps(value)
    except BaseException as error:
        found["pickle"] = "refused"
        found["error"] = f"{type(error).__name__}: {error}"[:300]
    else:
        found["pickle"] = "pickled"
    results[key] = found
aliases = {}
for name, alias in given["aliases"]:
    target, named = resolve(alias), resolve(name)
    if target is not None and named is not None:
        aliases[alias] = target is named
versions = {}
for distribution in given["distributions"]:
    try:
        versions[distribution] = importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        pass
print(json.dumps({"results": results, "aliases": aliases, "versions": versions}))
sys.stdout.flush()
os._exit(0)  # leave threads, loops and pools behind without waiting for them
"""
)


@dataclass(frozen=True)
class Item:
    """One snippet: of a row, or of one of its producers."""

    key: str
    row: TypeRow
    package: str
    snippet: str
    tuple_of: bool = False
    pickles: bool = False
    """Built with an argument with which the row's refused type pickles."""


@dataclass
class Outcome:
    item: Item
    group: str
    version: str = ""
    found: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    note: str = ""


def items(rows: Iterable[TypeRow]) -> list[Item]:
    found: list[Item] = []
    for row in rows:
        if row.evidence and row.package:
            found.append(Item(row.name, row, row.package, row.evidence))
        for made in row.made_by:
            package = made.package or row.package
            if made.evidence and package:
                found.append(
                    Item(f"{row.name} <- {made.by}", row, package, made.evidence, made.tuple_of)
                )
        if row.fresh_evidence and row.package:
            found.append(
                Item(f"{row.name} as made", row, row.package, row.fresh_evidence, pickles=True)
            )
        for condition in row.pickles_when_given:
            given = f"{condition.keyword}={condition.value!r}{'...' if condition.prefix else ''}"
            found.append(
                Item(
                    f"{row.name} given {given}", row, row.package, condition.evidence, pickles=True
                )
            )
    return found


def python_of(path: Path) -> Path:
    return path / ("Scripts" if os.name == "nt" else "bin") / "python"


def environment(group: Group, venvs: Path) -> Path:
    """The group's virtual environment, made or brought up to date."""
    path = venvs / group.name
    marker = path / "probe-requirements.txt"
    wanted = "\n".join(group.requirements) + "\n"
    if not python_of(path).exists():
        print(f"[{group.name}] creating {path}", file=sys.stderr)
        venv.create(path, with_pip=True)
    if not marker.exists() or marker.read_text() != wanted:
        print(f"[{group.name}] installing {len(group.requirements)} requirements", file=sys.stderr)
        subprocess.run(
            [str(python_of(path)), "-m", "pip", "install", "--quiet", *group.requirements],
            check=True,
        )
        marker.write_text(wanted)
    return path


def run_child(python: Path, given: dict[str, Any], cwd: str, child: str = CHILD) -> dict[str, Any]:
    """Run the probe in the environment's interpreter; an error if it died."""
    try:
        result = subprocess.run(
            [str(python), "-c", child],
            input=json.dumps(given),
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {TIMEOUT} s"}
    lines = result.stdout.strip().splitlines()
    try:
        answer: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (result.stderr.strip().splitlines() or ["no output"])[-1]}
    return answer


def expected(item: Item) -> str:
    row = item.row
    if item.pickles:
        return "pickled"
    if row.kind is not None:
        return "refused"
    return "pickled" if row.pickles else "not recorded"


def in_range(row: TypeRow, version: str) -> bool:
    if not row.versions or not version:
        return True
    try:
        return Version(version) in SpecifierSet(row.versions)
    except InvalidVersion:
        return True


def judge(outcome: Outcome) -> None:
    found, row = outcome.found, outcome.item.row
    if not in_range(row, outcome.version):
        outcome.note = f"outside {row.versions}: not checked"
        return
    if found.get("built") != "yes":
        outcome.problems.append(f"not built: {found.get('built', found.get('error'))}")
        return
    if not found["type"]:
        outcome.problems.append(f"built a {found['actual']}")
    wanted = expected(outcome.item)
    if wanted != "not recorded" and found["pickle"] != wanted:
        outcome.problems.append(f"pickle {found['pickle']}, the row says {wanted}")


def probe_group(
    group: Group, chosen: list[Item], venvs: Path
) -> tuple[list[Outcome], dict[str, bool]]:
    """The outcomes of the group's snippets, each row in a fresh interpreter, and
    which aliases import there and name the row's type."""
    python = python_of(environment(group, venvs))
    with tempfile.TemporaryDirectory(prefix="probe-") as scratch:
        overview = run_child(
            python,
            {
                "evidence": [],
                "aliases": [(row.name, alias) for row in rows() for alias in row.aliases],
                "distributions": sorted({distribution(item.package) for item in chosen}),
            },
            scratch,
        )
    versions: dict[str, str] = overview.get("versions", {})
    by_row: dict[str, list[Item]] = {}
    for item in chosen:
        by_row.setdefault(item.row.name, []).append(item)
    outcomes: list[Outcome] = []
    for name, row_items in by_row.items():
        print(f"[{group.name}] {name}", file=sys.stderr)
        evidence = [
            (item.key, [item.row.name, *item.row.aliases], item.tuple_of, item.snippet)
            for item in row_items
        ]
        with tempfile.TemporaryDirectory(prefix="probe-") as scratch:
            answer = run_child(
                python, {"evidence": evidence, "aliases": [], "distributions": []}, scratch
            )
        for item in row_items:
            outcome = Outcome(item, group.name, versions.get(distribution(item.package), ""))
            outcome.found = answer.get("results", {}).get(item.key, {"error": answer.get("error")})
            judge(outcome)
            outcomes.append(outcome)
    return outcomes, {str(alias): bool(same) for alias, same in overview.get("aliases", {}).items()}


DECORATOR_CHILD = (
    _RESOLVE
    + r"""
given = json.loads(sys.stdin.read())
namespace = {}
try:
    exec(given["evidence"], namespace)
    answer = {"same": namespace["value"] is namespace["made"]}
except BaseException as error:
    answer = {"error": f"{type(error).__name__}: {error}"[:300]}
named = [resolve(name) for name in given["names"]]
answer["aliases"] = named[0] is not None and all(found is named[0] for found in named)
print(json.dumps(answer))
sys.stdout.flush()
os._exit(0)
"""
)


def probe_decorators(chosen: Sequence[DecoratorRow], venvs: Path) -> list[str]:
    """Run each decorator's evidence in every group measuring its package, print
    whether the call gave the function's own object, and return the problems."""
    problems: list[str] = []
    for row in chosen:
        groups = groups_of(row.package)
        if not groups:
            problems.append(f"decorator {row.name}: no group measures {row.package}")
        for group in groups:
            python = python_of(environment(group, venvs))
            given = {"evidence": row.evidence, "names": [row.name, *row.aliases]}
            with tempfile.TemporaryDirectory(prefix="probe-") as scratch:
                answer = run_child(python, given, scratch, DECORATOR_CHILD)
            verdict = "ok" if answer.get("same") is True else answer.get("error", "another object")
            if verdict == "ok" and not answer.get("aliases"):
                verdict = "its name and aliases are not one object"
            print(f"decorator {row.name:<76} {group.name:<14} {verdict}")
            if verdict != "ok":
                problems.append(f"decorator {row.name} [{group.name}]: {verdict}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venvs", type=Path, default=DEFAULT_VENVS, metavar="DIR")
    parser.add_argument("--packages", nargs="+", metavar="NAME", help="only these packages' rows")
    parser.add_argument("--check", action="store_true", help="exit 1 on any mismatch")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON")
    args = parser.parse_args(argv)
    chosen = [
        item for item in items(rows()) if not args.packages or item.package in set(args.packages)
    ]
    problems: list[str] = []
    grouped: dict[str, list[Item]] = {}
    for item in chosen:
        groups = groups_of(item.package)
        if not groups:
            problems.append(f"{item.key}: no group measures {item.package}")
        for group in groups:
            grouped.setdefault(group.name, []).append(item)
    outcomes: list[Outcome] = []
    aliases: dict[str, list[tuple[str, bool]]] = {}
    for group in GROUPS:
        if group.name not in grouped:
            continue
        measured, checked = probe_group(group, grouped[group.name], args.venvs)
        outcomes.extend(measured)
        for alias, same in checked.items():
            aliases.setdefault(alias, []).append((group.name, same))
    print(
        f"{'row <- producer':<90} {'group':<14} {'version':<12} {'built':<6} "
        f"{'type':<5} {'pickle':<8} {'row says':<12} result"
    )
    for outcome in outcomes:
        found = outcome.found
        built = "yes" if found.get("built") == "yes" else "no"
        result = "; ".join(outcome.problems) or "ok"
        if outcome.note:
            result += f" ({outcome.note})"
        print(
            f"{outcome.item.key:<90} {outcome.group:<14} {outcome.version:<12} {built:<6} "
            f"{found.get('type', '-')!s:<5} {found.get('pickle', '-'):<8} "
            f"{expected(outcome.item):<12} {result}"
        )
        problems.extend(
            f"{outcome.item.key} [{outcome.group}]: {problem}" for problem in outcome.problems
        )
    for item in chosen:
        if not any(o.item == item and not o.note.startswith("outside") for o in outcomes):
            problems.append(f"{item.key}: measured in no group whose release it holds for")
    names = {item.row.name for item in chosen}
    for row in rows():
        if row.name not in names:
            continue
        for alias in row.aliases:
            seen = aliases.get(alias, [])
            if not seen:
                problems.append(f"alias {alias} of {row.name}: imports in no environment")
            problems.extend(
                f"alias {alias} of {row.name}: another object in {group}"
                for group, same in seen
                if not same
            )
    problems.extend(
        probe_decorators(
            [
                row
                for row in decorator_rows()
                if row.package and (not args.packages or row.package in set(args.packages))
            ],
            args.venvs,
        )
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "key": o.item.key,
                        "group": o.group,
                        "version": o.version,
                        "found": o.found,
                        "problems": o.problems,
                        "note": o.note,
                    }
                    for o in outcomes
                ],
                indent=1,
            )
        )
    print(f"\n{len(outcomes)} snippets, {len(problems)} problems")
    for problem in problems:
        print(f"  {problem}")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
