"""Every row of the knowledge tables is backed by evidence, run here: each snippet
builds a value the way its producer makes it, the value is of the row's type,
and pickle does with it what the row says."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from flake8_session_pickle.knowledge import Knowledge, decorator_rows, is_producer, rows
from flake8_session_pickle.knowledge.evidence import GROUPS, distribution, groups_of
from flake8_session_pickle.knowledge.rows import (
    DecoratorRow,
    Holding,
    Made,
    PicklesWhenGiven,
    PicklesWith,
    TypeRow,
)

PROBE = r"""
import importlib, json, os, pickle, sys

def outcome(build):
    try:
        pickle.dumps(build())
    except Exception:
        return "refused"
    return "pickled"

def resolve(name):
    parts = name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for part in parts[split:]:
                found = getattr(found, part)
        except AttributeError:
            return None
        return found
    return None

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
    except Exception as error:
        results[key] = {"built": f"{type(error).__name__}: {error}"}
        continue
    value = namespace["value"]
    items = list(value) if tuple_of and isinstance(value, tuple) else [value]
    results[key] = {
        "built": "yes",
        "type": all(of_type(item, names) for item in items)
        and (isinstance(value, tuple) or not tuple_of),
        "actual": f"{type(value).__module__}.{type(value).__qualname__}",
        "pickle": outcome(lambda: value),
    }
    if hasattr(type(value), "__enter__"):
        try:
            results[key]["enters_as_itself"] = value.__enter__() is value
        except Exception:
            pass
    try:
        iterator = iter(value)
    except Exception:  # not iterable, or not yet (an unfitted ensemble)
        pass
    else:
        results[key]["iterator"] = outcome(lambda: iterator)

def derived_from(name):
    # How a class of the app derived from the base pickles, and the hooks and
    # reducers of the classes above it that would change that.
    import copyreg, threading, types, typing
    base = resolve(name)
    try:
        derived = types.new_class("Derived", (base,))
    except TypeError:  # a generic base is written subscripted: Generic[T]
        derived = types.new_class("Derived", (base[typing.TypeVar("T")],))
    # derived once more, so that a protocol's subclass is not a protocol itself
    concrete = types.new_class("Concrete", (derived,))
    concrete.__abstractmethods__ = frozenset()
    concrete.__module__, concrete.__qualname__ = "__main__", "Concrete"
    globals()["Concrete"] = concrete
    hooks = [
        f"{cls.__module__}.{cls.__qualname__}.{hook}"
        for cls in concrete.__mro__[2:-1]
        for hook in ("__reduce__", "__reduce_ex__", "__getstate__")
        if hook in vars(cls)
    ] + [cls.__qualname__ for cls in concrete.__mro__ if cls in copyreg.dispatch_table]
    instance = concrete()
    own = sorted(vars(instance))  # what the base keeps on an instance of its own
    instance.data = [1]
    kept = pickle.loads(pickle.dumps(instance)).data == [1]
    instance.lock = threading.Lock()
    return {
        "hooks": hooks,
        "own attributes": own,
        "attributes pickled": kept,
        "lock": outcome(lambda: instance),
    }


for name in given["bases"]:
    try:
        results[name] = derived_from(name)
    except Exception as error:
        results[name] = {"error": f"{type(error).__name__}: {error}"}
for name, alias in given["aliases"]:
    found = resolve(alias)
    results[alias] = {"same type": found is not None and found is resolve(name),
                      "imports": found is not None}
print(json.dumps(results))
sys.stdout.flush()
os._exit(0)  # leave threads, loops and pools behind without waiting for them
"""

PYTHON = (sys.version_info.major, sys.version_info.minor)


def importable(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except ImportError:  # a dotted name whose parent is missing
        return False


def release(package: str) -> str | None:
    try:
        return importlib.metadata.version(distribution(package))
    except importlib.metadata.PackageNotFoundError:
        return None


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def packages(row: TypeRow, made: Made | None = None) -> list[str]:
    """The packages the evidence needs: the row's, the producer's own, and others
    the snippet imports."""
    found = [row.package, *row.needs]
    if made is not None:
        found.extend((made.package, *made.needs))
    return [package for package in found if package]


def installed(row: TypeRow, made: Made | None = None) -> bool:
    return all(importable(package) for package in packages(row, made)) and in_range(row)


def in_range(row: TypeRow) -> bool:
    """Whether the installed release of the row's package is one the row holds for."""
    if not row.versions or not row.package:
        return True
    found = release(row.package)
    return found is None or Version(found) in SpecifierSet(row.versions)


def requires_package(row: TypeRow, made: Made | None = None) -> None:
    """Skip where a package the evidence needs is missing, or its release is not one
    the row holds for. A package an extra of the project installs fails the test in
    CI instead (tests/conftest.py); scripts/probe_knowledge.py measures the others."""
    for package in packages(row, made):
        if not importable(package):
            pytest.skip(f"{package} is not installed (scripts/probe_knowledge.py measures it)")
    if not in_range(row):
        pytest.skip(f"{row.package} {release(row.package)} is outside {row.versions}")


def _pythons(made: Made) -> str:
    """The Pythons a producer's row holds for, where not all."""
    if made.before_python is not None:
        return " (Python < {}.{})".format(*made.before_python)
    if made.from_python is not None:
        return " (Python >= {}.{})".format(*made.from_python)
    return ""


def evidence() -> Iterator[tuple[str, TypeRow, Made | None, str]]:
    """Each snippet, keyed by the row and producer it backs."""
    for row in rows():
        if row.evidence:
            yield row.name, row, None, row.evidence
        for made in row.made_by:
            if made.evidence:
                yield f"{row.name} <- {made.by}{_pythons(made)}", row, made, made.evidence


EVIDENCE = list(evidence())
FRESH = [(f"{row.name} as made", row) for row in rows() if row.used_by]
NEUTRAL_BASES = [row for row in rows() if row.neutral_base]
ALIASED = [
    (row, alias)
    for row in rows()
    for alias in row.aliases
    if not alias.startswith("nt.")  # Windows' module, for the same type as posix's
]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    probes = [
        (
            key,
            [made.makes] if made and made.makes else [row.name, *row.aliases],
            bool(made and made.tuple_of),
            snippet,
        )
        for key, row, made, snippet in EVIDENCE
        if installed(row, made)
    ]
    probes += [
        (key, [row.name, *row.aliases], False, row.fresh_evidence)
        for key, row in FRESH
        if installed(row)
    ]
    aliases = [(row.name, alias) for row, alias in ALIASED if installed(row)]
    bases = [row.name for row in NEUTRAL_BASES if installed(row)]
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=json.dumps({"evidence": probes, "aliases": aliases, "bases": bases}),
        capture_output=True,
        text=True,
        cwd=tmp_path_factory.mktemp("evidence"),
        timeout=300,
        check=True,
    )
    outcome: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome


def current(made: Made | None) -> bool:
    """Whether the producer makes the row's type on this Python."""
    return made is None or (
        (made.before_python is None or made.before_python > PYTHON)
        and (made.from_python is None or made.from_python <= PYTHON)
    )


@pytest.mark.parametrize(("key", "row", "made", "snippet"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_the_evidence_builds_a_value_of_the_type(
    key: str, row: TypeRow, made: Made | None, snippet: str, outcomes: dict[str, Any]
) -> None:
    requires_package(row, made)
    found = outcomes[key]
    assert found["built"] == "yes", found
    if current(made):
        assert found["type"], f"{key}: built a {found['actual']}"


@pytest.mark.parametrize(("key", "row", "made", "snippet"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_pickle_does_what_the_row_says(
    key: str, row: TypeRow, made: Made | None, snippet: str, outcomes: dict[str, Any]
) -> None:
    requires_package(row, made)
    found = outcomes[key]
    if not current(made):
        return  # on this Python the producer makes something else
    if row.kind is not None:
        assert found["pickle"] == "refused", key
    elif row.pickles:
        assert found["pickle"] == "pickled", key


@pytest.mark.parametrize(("key", "row"), FRESH, ids=[key for key, _ in FRESH])
def test_a_value_refused_once_used_pickles_as_it_is_made(
    key: str, row: TypeRow, outcomes: dict[str, Any]
) -> None:
    assert row.kind is not None and row.made_by
    requires_package(row)
    found = outcomes[key]
    assert found["built"] == "yes", found
    assert found["type"], f"{key}: built a {found['actual']}"
    assert found["pickle"] == "pickled", key


@pytest.mark.parametrize(("key", "row", "made", "snippet"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_a_context_manager_enters_as_itself_only_where_the_row_says(
    key: str, row: TypeRow, made: Made | None, snippet: str, outcomes: dict[str, Any]
) -> None:
    requires_package(row, made)
    if row.kind is not None and current(made):
        assert outcomes[key].get("enters_as_itself", True) is row.enters_as_itself


@pytest.mark.parametrize(("key", "row", "made", "snippet"), EVIDENCE, ids=[e[0] for e in EVIDENCE])
def test_iterator_pickles_only_where_the_row_says(
    key: str, row: TypeRow, made: Made | None, snippet: str, outcomes: dict[str, Any]
) -> None:
    requires_package(row, made)
    if row.kind is not None and current(made):
        expected = "pickled" if row.iterator_pickles else "refused"
        assert outcomes[key].get("iterator", "refused") == expected


@pytest.mark.parametrize(("row", "alias"), ALIASED, ids=[alias for _, alias in ALIASED])
def test_an_alias_is_the_same_type(row: TypeRow, alias: str, outcomes: dict[str, Any]) -> None:
    requires_package(row)
    found = outcomes[alias]
    if not found["imports"] and not _same_package(row, alias):
        # another package's name for it (langchain.vectorstores.FAISS), or another
        # release line's: scripts/probe_knowledge.py checks it where it imports
        pytest.skip(f"{alias} does not import here")
    assert found["same type"]


@pytest.mark.parametrize("row", NEUTRAL_BASES, ids=[row.name for row in NEUTRAL_BASES])
def test_a_class_derived_from_a_neutral_base_pickles_its_attributes(
    row: TypeRow, outcomes: dict[str, Any]
) -> None:
    requires_package(row)
    found = outcomes[row.name]
    assert found == {
        "hooks": [],
        "own attributes": [],
        "attributes pickled": True,
        "lock": "refused",
    }


def _same_package(row: TypeRow, alias: str) -> bool:
    return alias.split(".")[0] == row.package.split(".")[0] if row.package else True


@pytest.mark.parametrize("row", rows(), ids=lambda row: row.name)
def test_every_refusal_has_evidence_or_a_citation(row: TypeRow) -> None:
    if row.kind is None:
        return
    has_evidence = bool(row.evidence) or any(made.evidence for made in row.made_by)
    assert has_evidence != bool(row.citation)
    if row.citation:
        assert "https://" in row.citation


def test_producers_are_written_in_the_notation_and_name_one_type() -> None:
    producers = [made.by for row in rows() for made in row.made_by]
    assert all(is_producer(producer) for producer in producers)
    versions = [
        (made.by, made.before_python, made.from_python) for row in rows() for made in row.made_by
    ]
    assert len(versions) == len(set(versions))
    names = [name for row in rows() for name in (row.name, *row.aliases)]
    assert len(names) == len(set(names))


def test_a_method_of_a_type_is_found_through_its_values_and_its_class() -> None:
    knowledge = Knowledge(rows())
    by_value = knowledge.method("sqlite3.Connection", "cursor")
    by_class = knowledge.called("sqlite3.Connection.cursor")
    assert by_value is not None and by_value.row.name == "sqlite3.Cursor"
    assert by_class == by_value


def test_a_producer_that_changed_with_python_is_dropped_on_newer_ones() -> None:
    assert Knowledge(rows(), (3, 12)).method("pathlib.Path", "iterdir") is not None
    assert Knowledge(rows(), (3, 13)).method("pathlib.Path", "iterdir") is None
    for python in ((3, 12), (3, 13)):
        glob = Knowledge(rows(), python).method("pathlib.Path", "glob")
        assert glob is not None and glob.row.name == "builtins.generator"


def test_rule_pages_name_the_knowledge_tables() -> None:
    rules = Path(__file__).parent.parent / "src" / "flake8_session_pickle" / "rules"
    for code in ("PKL106", "PKL110"):
        assert "src/flake8_session_pickle/knowledge/" in (rules / f"{code}.md").read_text()


def test_a_method_of_a_base_type_is_found_on_values_of_the_type() -> None:
    rows = (
        TypeRow(
            "pkg.Retriever",
            made_by=(Made("pkg.Store.as_retriever()", holds=Holding.RECEIVER_AND_ARGUMENTS),),
        ),
        TypeRow("pkg.Store"),
        TypeRow("pkg.QdrantStore", bases=("pkg.Store",)),
    )
    knowledge = Knowledge(rows)
    found = knowledge.method("pkg.QdrantStore", "as_retriever")
    assert found is not None and found.row.name == "pkg.Retriever"
    assert knowledge.method("pkg.Store", "missing") is None


THIRD_PARTY = [
    (row, made)
    for row in rows()
    for made in (None, *row.made_by)
    if (made is None and row.package) or (made is not None and made.package)
]


@pytest.mark.parametrize(
    ("row", "made"),
    THIRD_PARTY,
    ids=[f"{row.name} {made.by if made else ''}" for row, made in THIRD_PARTY],
)
def test_a_group_measures_every_third_party_package(row: TypeRow, made: Made | None) -> None:
    package = made.package if made else row.package
    assert groups_of(package), f"no group of knowledge.evidence measures {package}"


def test_rows_say_the_releases_they_hold_for_in_the_notation_of_pip() -> None:
    for row in rows():
        if row.versions:
            SpecifierSet(row.versions)
        if row.version:
            Version(row.version)
        assert not (row.versions or row.version) or row.package, row.name


def test_groups_install_what_they_measure() -> None:
    names = [group.name for group in GROUPS]
    assert len(names) == len(set(names))
    for group in GROUPS:
        installs = {
            _normalized(re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0]) for r in group.requirements
        }
        for package in group.packages:
            assert _normalized(distribution(package)) in installs, (group.name, package)
    for row in rows():
        for made in (None, *row.made_by):
            for group in groups_of((made.package if made else "") or row.package):
                installs = {
                    _normalized(re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0])
                    for r in group.requirements
                }
                for need in (*row.needs, *(made.needs if made else ())):
                    assert _normalized(distribution(need)) in installs, (group.name, need)


def test_a_vector_store_row_has_the_retriever_of_its_base() -> None:
    knowledge = Knowledge(rows())
    found = knowledge.method("langchain_community.vectorstores.faiss.FAISS", "as_retriever")
    assert found is not None
    assert found.row.name == "langchain_core.vectorstores.base.VectorStoreRetriever"
    assert found.holds is Holding.RECEIVER_AND_ARGUMENTS


@pytest.mark.parametrize("module", ["embeddings", "embeddings.openai"])
def test_langchain_community_types_have_the_names_langchain_0_3_re_exports(module: str) -> None:
    knowledge = Knowledge(rows())
    row = knowledge.type(f"langchain.{module}.OpenAIEmbeddings")
    assert row is not None
    assert row.name == "langchain_community.embeddings.openai.OpenAIEmbeddings"
    found = knowledge.called("langchain.vectorstores.faiss.FAISS.from_documents")
    assert found is not None
    assert found.row.name == "langchain_community.vectorstores.faiss.FAISS"


def test_third_party_producers_of_standard_types_are_on_their_rows() -> None:
    knowledge = Knowledge(rows())
    found = knowledge.method("pandas.core.frame.DataFrame", "to_dict")
    assert found is not None and found.row.name == "builtins.dict"
    assert found.made.package == "pandas"


PICKLES_WITH = [row for row in rows() if row.pickles_with is not None]


@pytest.mark.parametrize("row", PICKLES_WITH, ids=[row.name for row in PICKLES_WITH])
def test_a_refused_type_pickles_with_the_releases_its_row_names(row: TypeRow) -> None:
    assert row.pickles_with is not None and row.kind is not None
    condition = row.pickles_with
    try:
        installed = importlib.metadata.version(condition.distribution)
    except importlib.metadata.PackageNotFoundError:
        installed = ""
    if not installed or installed not in SpecifierSet(condition.specifier):
        pytest.skip(
            f"needs {condition.distribution}{condition.specifier} "
            f"(measured with {condition.measured})"
        )
    namespace: dict[str, Any] = {}
    exec(condition.evidence, namespace)
    pickle.dumps(namespace["value"])


@pytest.mark.parametrize(
    ("specifier", "release", "within"),
    [
        ("<1", "0.27.6", True),
        ("<1", "0.28", True),
        ("<1", "1", False),
        ("<1", "1.0.0rc1", False),
        ("<1", "2.3.1", False),
        (">=0.1,<0.4", "0.3.9", True),
        (">=0.1,<0.4", "0.0.184", False),
        ("==0.27.6", "0.27.6.post1", True),
        ("<1", "latest", False),
        ("~=1.0", "1.0", False),
    ],
)
def test_releases_are_compared_by_their_numbers(specifier: str, release: str, within: bool) -> None:
    assert PicklesWith("openai", specifier, "", "").holds_for(release) is within


def test_rows_that_pickle_with_some_releases_say_so_in_the_notation_of_pip() -> None:
    assert PICKLES_WITH
    for row in PICKLES_WITH:
        assert row.pickles_with is not None
        SpecifierSet(row.pickles_with.specifier)
        assert "value = " in row.pickles_with.evidence


WHEN_GIVEN = [(row, condition) for row in rows() for condition in row.pickles_when_given]


@pytest.mark.parametrize(
    ("row", "condition"), WHEN_GIVEN, ids=[f"{row.name}({c.keyword})" for row, c in WHEN_GIVEN]
)
def test_a_refused_type_pickles_with_the_argument_its_row_names(
    row: TypeRow, condition: PicklesWhenGiven
) -> None:
    assert row.kind is not None and row.package
    for package in (row.package, *condition.needs):
        if not importable(package):
            pytest.skip(f"{package} is not installed (scripts/probe_knowledge.py measures it)")
    if not in_range(row):
        pytest.skip(f"the installed {row.package} is outside {row.versions}")
    namespace: dict[str, Any] = {}
    exec(condition.evidence, namespace)
    bases = {base.__name__ for base in type(namespace["value"]).__mro__}
    assert row.name.rpartition(".")[2] in bases
    pickle.dumps(namespace["value"])
    assert (
        f"{condition.keyword}=" in condition.evidence or repr(condition.value) in condition.evidence
    )


DECORATOR_PROBE = r"""
import importlib, json, sys
given = json.loads(sys.stdin.read())
namespace = {}
exec(given["evidence"], namespace)
named = []
for name in given["names"]:
    module, _, attribute = name.rpartition(".")
    named.append(getattr(importlib.import_module(module), attribute))
print(json.dumps({
    "same": namespace["value"] is namespace["made"],
    "aliases": all(found is named[0] for found in named),
}))
"""


@pytest.mark.parametrize("row", decorator_rows(), ids=[row.name for row in decorator_rows()])
def test_a_decorator_row_s_wrapper_returns_the_function_s_own_object(
    row: DecoratorRow, tmp_path: Path
) -> None:
    if row.package and not importable(row.package):
        pytest.skip(f"{row.package} is not installed (scripts/probe_knowledge.py measures it)")
    result = subprocess.run(
        [sys.executable, "-c", DECORATOR_PROBE],
        input=json.dumps({"evidence": row.evidence, "names": [row.name, *row.aliases]}),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {"same": True, "aliases": True}


def test_a_call_of_a_function_a_decorator_row_wraps_stands_for_what_it_returns() -> None:
    knowledge = Knowledge(rows(), decorators=decorator_rows())
    assert knowledge.keeps_returns(frozenset({"langsmith.traceable"}))
    assert knowledge.keeps_returns(frozenset({"crewai.project.crew"}))
    assert not knowledge.keeps_returns(frozenset({"functools.wraps"}))
    assert not Knowledge(rows()).keeps_returns(frozenset({"functools.cache"}))
    with_user_rows = knowledge.with_user_rows((), ("openai.OpenAI",))
    assert with_user_rows.keeps_returns(frozenset({"functools.cache"}))
