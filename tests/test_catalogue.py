"""Every catalogue entry is backed by evidence: its snippet builds the object and
pickle refuses it, or it cites where the failure is shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flake8_session_pickle.catalogue import ALL_ENTRIES, Entry

PROBE = r"""
import json, os, pickle, sys
def outcome(build):
    try:
        pickle.dumps(build())
    except Exception:
        return "refused"
    return "pickled"
results = {}
for path, snippet in json.loads(sys.stdin.read()):
    namespace = {}
    try:
        exec(snippet, namespace)
    except Exception as error:
        results[path] = {"value": f"could not build: {type(error).__name__}: {error}"}
        continue
    value = namespace["value"]
    results[path] = {"value": outcome(lambda: value)}
    if hasattr(type(value), "__enter__"):
        results[path]["enters_as_itself"] = value.__enter__() is value
    try:
        iterator = iter(namespace["value"])
    except TypeError:
        continue
    results[path]["iterator"] = outcome(lambda: iterator)
print(json.dumps(results))
sys.stdout.flush()
os._exit(0)  # leave threads, loops and pools behind without waiting for them
"""

WITH_EVIDENCE = [entry for entry in ALL_ENTRIES if entry.evidence]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=json.dumps([(entry.path, entry.evidence) for entry in WITH_EVIDENCE]),
        capture_output=True,
        text=True,
        cwd=tmp_path_factory.mktemp("evidence"),
        timeout=300,
        check=True,
    )
    last_line = result.stdout.strip().splitlines()[-1]
    outcome: dict[str, Any] = json.loads(last_line)
    return outcome


@pytest.mark.parametrize("entry", WITH_EVIDENCE, ids=lambda entry: entry.path)
def test_pickle_refuses_what_the_evidence_builds(entry: Entry, outcomes: dict[str, Any]) -> None:
    assert outcomes[entry.path]["value"] == "refused"


@pytest.mark.parametrize("entry", WITH_EVIDENCE, ids=lambda entry: entry.path)
def test_a_context_manager_enters_as_itself_only_where_the_entry_says(
    entry: Entry, outcomes: dict[str, Any]
) -> None:
    assert outcomes[entry.path].get("enters_as_itself", True) is entry.enters_as_itself


@pytest.mark.parametrize("entry", WITH_EVIDENCE, ids=lambda entry: entry.path)
def test_iterator_pickles_only_where_the_entry_says(entry: Entry, outcomes: dict[str, Any]) -> None:
    expected = "pickled" if entry.iterator_pickles else "refused"
    assert outcomes[entry.path].get("iterator", "refused") == expected


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda entry: entry.path)
def test_every_entry_has_evidence_or_a_citation(entry: Entry) -> None:
    assert bool(entry.evidence) != bool(entry.citation)
    if entry.citation:
        assert "https://" in entry.citation


def test_entries_are_unique() -> None:
    paths = [entry.path for entry in ALL_ENTRIES]
    assert len(paths) == len(set(paths))


def test_rule_pages_name_the_catalogue() -> None:
    rules = Path(__file__).parent.parent / "docs" / "rules"
    for code in ("PKL106", "PKL110"):
        assert "catalogue" in (rules / f"{code}.md").read_text()
