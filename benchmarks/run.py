"""Measure what the plugin adds to a flake8 run, side by side, in one go.

Usage: python benchmarks/run.py [--quick] [--strict] [--corpus DIR [--corpus-only]]

Each comparison runs flake8 as whole processes, alternating "flake8 alone" and
"flake8 with the plugin" round by round, and reports medians and their ratio.
Both variants start through the same launcher; "alone" drops this plugin from
the plugins flake8 finds. The engine's own speed and its growth with file size
are measured in this process. ``--corpus DIR`` runs the same comparison on a
folder of real apps, one repository per subfolder, each marked as its project's
root (``.git``, ``pyproject.toml``, ``setup.cfg`` or ``.streamlit``), and times
one file the way an editor lints it. Exit status 0 unless --strict and a target
fails.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path

import flake8

import flake8_session_pickle
from flake8_session_pickle import check_source, modules
from flake8_session_pickle.engine import analyse, paused_garbage_collection
from flake8_session_pickle.selection import select
from flake8_session_pickle.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_PACKAGE = "flake8-session-pickle"

# Linux carries a process's peak memory across exec, so a flake8 started from
# this process would report at least this process's own peak. The launcher
# forks flake8 from its own small process and prints the child's peak (KiB).
LAUNCHER = f"""
import os, sys
child = os.fork()
if child:
    _, status, usage = os.wait4(child, 0)
    print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr)
    sys.exit(os.waitstatus_to_exitcode(status))
from flake8.plugins import finder
if sys.argv[1] == "alone":
    find_plugins = finder.find_plugins
    finder.find_plugins = lambda *args, **kwargs: [
        plugin for plugin in find_plugins(*args, **kwargs) if plugin.package != {PLUGIN_PACKAGE!r}
    ]
from flake8.main.cli import main
sys.exit(main(sys.argv[2:]))
"""

STDLIB_PACKAGES = (
    "email",
    "json",
    "logging",
    "asyncio",
    "http",
    "xml",
    "concurrent",
    "importlib",
    "urllib",
    "multiprocessing",
    "sqlite3",
    "unittest",
    "collections",
    "html",
    "wsgiref",
    "xmlrpc",
    "zoneinfo",
    "tomllib",
    "dbm",
    "curses",
)


@dataclass(frozen=True)
class Result:
    name: str
    measured: float
    target: float
    detail: str

    @property
    def passed(self) -> bool:
        return self.measured <= self.target


def python_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*.py") if "test" not in p.parts))
    return files


def line_count(files: list[Path]) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in files)


def stdlib_corpus(max_lines: int) -> list[Path]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    chosen: list[Path] = []
    lines = 0
    for package in STDLIB_PACKAGES:
        files = python_files([stdlib / package])
        chosen.append(stdlib / package)
        lines += line_count(files)
        if lines >= max_lines:
            break
    return chosen


# App files are built from blocks: blocks that use session state, and blocks of the
# layout, output, forms and helpers that make up most of a real app, some of which
# keep what they computed in session state.
SESSION_BLOCKS = [
    """
    st.header("Section {n}")
    if "count_{n}" not in st.session_state:
        st.session_state.count_{n} = 0
    if st.button("Add {n}", key="add_{n}"):
        st.session_state.count_{n} += 1
    st.write("Count", st.session_state.count_{n})
    """,
    """
    @st.cache_data
    def load_{n}(rows: int) -> pd.DataFrame:
        frame = pd.DataFrame({{"x": range(rows), "y": [value * 2 for value in range(rows)]}})
        return frame[frame["x"] % 2 == 0]


    data_{n} = load_{n}(100)
    st.dataframe(data_{n})
    st.session_state["rows_{n}"] = len(data_{n})
    """,
    """
    class Item{n}:
        def __init__(self, name: str) -> None:
            self.name = name
            self.tags: list[str] = []

        def label(self) -> str:
            return f"{{self.name}} ({{len(self.tags)}})"


    st.session_state.items_{n} = [Item{n}(name).label() for name in ["a", "b", "c"]]
    """,
    """
    def on_change_{n}() -> None:
        st.session_state.last_{n} = st.session_state.get("choice_{n}")
        st.session_state.history_{n} = st.session_state.get("history_{n}", []) + ["changed"]


    st.selectbox("Pick {n}", ["one", "two"], key="choice_{n}", on_change=on_change_{n})
    """,
    """
    with st.sidebar:
        limit_{n} = st.slider("Limit {n}", 1, 100, 10)
        st.session_state.update({{"limit_{n}": limit_{n}, "label_{n}": str(limit_{n})}})
    for index in range(3):
        st.session_state.setdefault(f"slot_{n}_{{index}}", index)
    """,
    """
    messages_{n} = st.session_state.setdefault("messages_{n}", [])
    prompt_{n} = st.chat_input("Say something {n}")
    if prompt_{n}:
        messages_{n}.append({{"role": "user", "content": prompt_{n}}})
        st.session_state.messages_{n}.append({{"role": "assistant", "content": prompt_{n}.upper()}})
    for message in messages_{n}:
        st.chat_message(message["role"]).write(message["content"])
    """,
    """
    def summarize_{n}(values: list[int]) -> dict[str, float]:
        total = sum(values)
        return {{"total": total, "mean": total / max(len(values), 1)}}


    st.session_state.summary_{n} = summarize_{n}([1, 2, 3])
    st.json(st.session_state.summary_{n})
    """,
]

UNPICKLABLE_BLOCK = """
st.session_state.formatter_{n} = lambda value: f"{{value:.2f}}"
st.session_state["log_{n}"] = open(__file__)
"""

UI_BLOCKS = [
    """
    st.markdown(
        \"\"\"
        ### About section {n}
        This page summarises the latest figures. Use the filters in the sidebar
        to narrow the data, and download the table below as CSV.
        \"\"\"
    )
    st.caption("Data refreshed hourly.")
    st.divider()
    """,
    """
    left_{n}, middle_{n}, right_{n} = st.columns(3)
    left_{n}.metric("Users", 1200, delta=12)
    middle_{n}.metric("Sessions", 3400, delta=-3)
    right_{n}.metric("Conversion", "3.1%", delta="0.2%")
    """,
    """
    def plot_{n}(frame: pd.DataFrame) -> None:
        \"\"\"Draw the trend of every series.\"\"\"
        chart = (
            alt.Chart(frame)
            .mark_line(point=True)
            .encode(x="day:T", y="value:Q", color="series:N", tooltip=["day", "value"])
            .properties(height=320)
        )
        st.altair_chart(chart, use_container_width=True)


    plot_{n}(pd.DataFrame({{"day": ["2024-01-01"], "value": [1], "series": ["a"]}}))
    """,
    """
    with st.form("form_{n}"):
        name_{n} = st.text_input("Name")
        age_{n} = st.number_input("Age", min_value=0, max_value=120, value=30)
        agree_{n} = st.checkbox("I agree")
        submitted_{n} = st.form_submit_button("Submit")
    if submitted_{n}:
        if not agree_{n}:
            st.warning("Please accept the terms.")
        else:
            st.success(f"Thanks {{name_{n}}}, aged {{age_{n}}}.")
            st.session_state["profile_{n}"] = {{"name": name_{n}, "age": age_{n}}}
    """,
    """
    def summarise_table_{n}(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        grouped = frame.groupby(column).agg(total=("value", "sum"), mean=("value", "mean"))
        grouped = grouped.sort_values("total", ascending=False)
        return grouped.reset_index()


    with st.expander("Details {n}"):
        table_{n} = summarise_table_{n}(
            pd.DataFrame({{"series": ["a", "b", "a"], "value": [1, 2, 3]}}), "series"
        )
        st.dataframe(table_{n}, hide_index=True)
        st.download_button("Download CSV", table_{n}.to_csv(index=False), "table_{n}.csv")
        st.session_state["table_{n}"] = table_{n}
    """,
    """
    tab_chart_{n}, tab_data_{n} = st.tabs(["Chart", "Data"])
    with tab_chart_{n}:
        st.line_chart(pd.DataFrame({{"y": [1, 3, 2, 4]}}))
    with tab_data_{n}:
        st.write("Rows:", 4)
        st.json({{"rows": 4, "columns": ["y"]}})
    """,
    """
    uploaded_{n} = st.file_uploader("Upload a CSV", type=["csv"], key="upload_{n}")
    if uploaded_{n} is not None:
        frame_{n} = pd.read_csv(uploaded_{n})
        st.write(f"{{len(frame_{n})}} rows, {{len(frame_{n}.columns)}} columns")
        st.bar_chart(frame_{n}.select_dtypes("number"))
    else:
        st.info("Upload a file to see its contents.")
    """,
]

HEADER = (
    "import altair as alt\nimport pandas as pd\nimport streamlit as st\n\nst.title({title!r})\n"
)

SESSION_SHARE = 0.03
"""The share of blocks that use session state. Two blocks of the layout also keep
what they computed (a form's answers, a summary table), as real apps keep their
data: with the shares below, libcst is given 37 % of the non-blank lines of the
generated apps, against 36 % in the real-app collection of docs/performance.md,
and the apps mention session state 4.6 times per 100 lines, against 3.4 there."""
PAGE_FUNCTIONS = 0.25
"""The share of apps whose blocks are in page functions chosen from the sidebar."""
PAGE_BRANCHES = 0.45
"""The share of apps whose blocks are in an ``if``/``elif`` chain on the page chosen."""


def generate_app(rng: random.Random, lines: int, index: int, dense: bool = False) -> str:
    """An app of about ``lines`` lines that writes session state at least once;
    ``dense`` builds it from session-state blocks only."""
    blocks: list[str] = []
    total = 0
    while total < lines:
        n = f"{index}_{len(blocks)}"
        if dense or rng.random() < SESSION_SHARE or not blocks:
            pool = SESSION_BLOCKS if rng.random() < 0.9 else [*SESSION_BLOCKS, UNPICKLABLE_BLOCK]
        else:
            pool = UI_BLOCKS
        text = textwrap.dedent(rng.choice(pool)).format(n=n)
        blocks.append(text)
        total += text.count("\n")
    layout = rng.random()
    if not dense and layout < PAGE_FUNCTIONS:
        return HEADER.format(title=f"App {index}") + _as_pages(blocks, index)
    if not dense and layout < PAGE_FUNCTIONS + PAGE_BRANCHES:
        return HEADER.format(title=f"App {index}") + _as_branches(blocks)
    return HEADER.format(title=f"App {index}") + "".join(blocks)


def _as_branches(blocks: list[str]) -> str:
    """The blocks in the branches of one ``if``/``elif`` chain on the page chosen
    from the sidebar, as many multi-page apps are written."""
    pages = [blocks[start : start + 4] for start in range(0, len(blocks), 4)]
    names = ", ".join(f'"Page {number}"' for number in range(len(pages)))
    parts = [f'\nchoice = st.sidebar.radio("Page", [{names}])\n']
    for number, page in enumerate(pages):
        keyword = "if" if number == 0 else "elif"
        body = textwrap.indent("".join(page), "    ")
        parts.append(f'{keyword} choice == "Page {number}":\n{body}')
    return "".join(parts)


def _as_pages(blocks: list[str], index: int) -> str:
    """The blocks inside page functions, with the sidebar choosing which one runs,
    as multi-page apps are often written."""
    pages = [blocks[start : start + 4] for start in range(0, len(blocks), 4)]
    parts = []
    for number, page in enumerate(pages):
        body = textwrap.indent("".join(page), "    ")
        parts.append(f"\n\ndef page_{index}_{number}() -> None:\n{body}\n")
    names = ", ".join(f'"Page {number}"' for number in range(len(pages)))
    parts.append(f'\n\nchoice = st.sidebar.radio("Page", [{names}])\n')
    for number in range(len(pages)):
        parts.append(f'if choice == "Page {number}":\n    page_{index}_{number}()\n')
    return "".join(parts)


def streamlit_corpus(
    directory: Path, total_lines: int, seed: int = 7, dense: bool = False
) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for fixture in sorted((ROOT / "fixtures").glob("*.py")):
        files.append(Path(shutil.copy(fixture, directory / fixture.name)))
    lines = line_count(files)
    index = 0
    while lines < total_lines:
        source = generate_app(rng, rng.randint(100, 500), index, dense)
        path = directory / f"app_{index:04d}.py"
        path.write_text(source)
        files.append(path)
        lines += source.count("\n")
        index += 1
    return files


MODULE = """\
import threading
from dataclasses import dataclass, field


@dataclass
class Settings_{n}:
    name: str = "module {n}"
    retries: int = 3
    tags: list = field(default_factory=list)


class Service_{n}:
    def __init__(self, settings, connection=None):
        self.settings = settings
        self.connection = connection
        self.lock = threading.Lock()

    def describe(self):
        return {{"name": self.settings.name, "retries": self.settings.retries}}


def make_service_{n}(connection=None):
    return Service_{n}(Settings_{n}(), connection)


def summary_{n}(rows):
    return {{"count": len(rows), "first": rows[0] if rows else None}}
"""
"""A module of the app: a dataclass, a class keeping a lock, and helpers."""

PAGE = """\
import streamlit as st
from lib.module_{a} import make_service_{a}, summary_{a}
from lib.module_{b} import Settings_{b}

st.title("Page {n}")
rows = [1, 2, 3]
st.session_state["summary_{n}"] = summary_{a}(rows)
st.session_state["settings_{n}"] = Settings_{b}()
if st.button("connect {n}"):
    st.session_state["service_{n}"] = make_service_{a}()
st.write(st.session_state["summary_{n}"])
"""
"""The start of a page that imports from two modules of the app."""


def app_folder(directory: Path, modules: int, pages: int) -> list[Path]:
    """An app whose pages, of about 200 lines each, import from a package of
    modules beside them."""
    package = directory / "lib"
    package.mkdir(parents=True)
    (directory / "pyproject.toml").write_text("")
    (package / "__init__.py").write_text("")
    for number in range(modules):
        (package / f"module_{number}.py").write_text(MODULE.format(n=number))
    (directory / "pages").mkdir()
    files = [directory / "app.py"]
    files[0].write_text(PAGE.format(n="main", a=0, b=1))
    rng = random.Random(modules)
    for number in range(pages):
        page = directory / "pages" / f"page_{number}.py"
        imports = PAGE.format(n=number, a=number % modules, b=(number * 7 + 1) % modules)
        # the rest of a page as the generated apps have it, about 200 lines
        page.write_text(imports + generate_app(rng, 200, 1000 + number))
        files.append(page)
    return files


def imported_modules(files: list[Path]) -> int:
    """How many of the folder's modules the generated pages import."""
    return len(
        {
            line.split()[1]
            for path in files
            for line in path.read_text().splitlines()
            if line.startswith("from lib.")
        }
    )


@dataclass(frozen=True)
class Run:
    wall: float
    """Seconds."""
    cpu: float
    """Seconds of user and system time, which other load on the machine moves less."""
    peak: int
    """KiB."""


def run_flake8(
    variant: str,
    paths: list[Path],
    options: tuple[str, ...] = (),
    stdin: str | None = None,
    cwd: Path | None = None,
) -> Run:
    """Wall time, processor time and peak memory of one flake8 process."""
    command = [sys.executable, "-c", LAUNCHER, variant, "--isolated", "-j1", "--exit-zero"]
    start = time.perf_counter()
    result = subprocess.run(
        [*command, *options, *map(str, paths)],
        input=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=cwd,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"flake8 ({variant}) failed on {paths[0]}...: {result.stderr[-2000:]}")
    peak, cpu = result.stderr.split()[-2:]
    return Run(elapsed, float(cpu), int(peak))


@dataclass(frozen=True)
class Comparison:
    alone: Run
    """Median times and the largest peak of flake8 alone."""
    plugin: Run
    """The same with the plugin."""

    @property
    def ratio(self) -> float:
        return self.plugin.wall / self.alone.wall

    @property
    def cpu_ratio(self) -> float:
        return self.plugin.cpu / self.alone.cpu

    @property
    def memory_ratio(self) -> float:
        return self.plugin.peak / self.alone.peak


def compare(
    paths: list[Path],
    rounds: int,
    options: tuple[str, ...] = (),
    stdin: str | None = None,
    cwd: Path | None = None,
) -> Comparison:
    """flake8 alone and with the plugin, in alternate rounds: median times, largest peak."""
    runs: dict[str, list[Run]] = {"alone": [], "plugin": []}
    for _ in range(rounds):
        for variant, done in runs.items():
            done.append(run_flake8(variant, paths, options, stdin, cwd))

    def summary(done: list[Run]) -> Run:
        return Run(
            statistics.median(run.wall for run in done),
            statistics.median(run.cpu for run in done),
            max(run.peak for run in done),
        )

    return Comparison(summary(runs["alone"]), summary(runs["plugin"]))


def time_result(
    name: str, paths: list[Path], files: list[Path], target: float, rounds: int
) -> tuple[Result, tuple[int, int]]:
    """The time ratio of flake8 with the plugin to flake8 alone, and the peak memory
    of each."""
    comparison = compare(paths, rounds)
    alone, plugged = comparison.alone, comparison.plugin
    detail = (
        f"{len(files)} files, {line_count(files):,} lines; "
        f"{alone.wall:.2f}s alone, {plugged.wall:.2f}s with plugin; "
        f"processor time {alone.cpu:.2f}s and {plugged.cpu:.2f}s, "
        f"ratio {comparison.cpu_ratio:.3f}"
    )
    return Result(name, comparison.ratio, target, detail), (alone.peak, plugged.peak)


def median_time(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def engine_over(files: list[Path]) -> None:
    for path in files:
        source = path.read_text()
        check_source(source, ast.parse(source))


def engine_past_limits(source: str, tree: ast.Module) -> None:
    """The engine without the size limit, which refuses files above 100,000
    syntax nodes (about 15,000 lines) to keep a lint run bounded."""
    with paused_garbage_collection():
        selection = select(tree, source, DEFAULT_SETTINGS.sinks)
        assert selection is not None
        analyse(tree, source, selection, DEFAULT_SETTINGS)


def helper_app(call_sites: int) -> str:
    """An app whose one helper, which keeps its arguments in what it returns, is
    called from ``call_sites`` places, each with an argument of its own."""
    lines = [
        "import threading",
        "import streamlit as st",
        "from vectorkit import Store",
        "",
        "",
        "def make_store(client, name, size=10):",
        "    options = {'name': name, 'size': size}",
        "    store = Store(client=client, **options)",
        "    return store",
        "",
        "",
        "client = threading.Lock()",
    ]
    for site in range(call_sites):
        lines.append(f"st.session_state['store_{site}'] = make_store(client, 'name_{site}')")
        lines.append(f"st.write('store {site} ready')")
    return "\n".join(lines) + "\n"


EXCLUDED_FOLDERS = frozenset(
    (".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs")
)
"""Folders flake8 leaves out by default."""

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", ".git", ".streamlit")
"""What makes a folder the project root for the plugin (see project.py)."""


def corpus_files(folder: Path) -> list[Path]:
    """The Python files of a folder of real apps, in path order (so that each
    repository's files come together), leaving out what flake8 leaves out by
    default and any virtualenv that was committed."""
    files: list[Path] = []
    for directory, subfolders, names in os.walk(folder):
        here = Path(directory)
        if (here / "pyvenv.cfg").exists() or here.name == "site-packages":
            subfolders.clear()
            continue
        subfolders[:] = [name for name in subfolders if name not in EXCLUDED_FOLDERS]
        files.extend(here / name for name in names if name.endswith(".py"))
    return sorted(files)


def unmarked_repositories(folder: Path) -> list[str]:
    """Subfolders with no project-root marker, whose imports would be searched
    from a root the plugin finds elsewhere."""
    return sorted(
        child.name
        for child in folder.iterdir()
        if child.is_dir() and not any((child / marker).exists() for marker in ROOT_MARKERS)
    )


def libcst_share(files: list[Path]) -> tuple[int, int, int]:
    """Of the files that reach libcst: how many, their non-blank lines, and how
    many of those libcst is given (the selected units, less what is blanked)."""
    parsed = total = seen = 0
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        if not any(word in source for word in DEFAULT_SETTINGS.gate_words):
            continue
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        selection = select(tree, source, DEFAULT_SETTINGS.sinks)
        if selection is None:
            continue
        parsed += 1
        total += sum(1 for line in source.splitlines() if line.strip())
        seen += sum(
            1 for unit in selection.units for line in unit.text.splitlines() if line.strip()
        )
    return parsed, total, seen


def module_reads(files: list[Path]) -> list[Path]:
    """The reads of the app's modules that checking every file makes in one
    process, a module's path for each."""
    reads: list[Path] = []
    read = modules.AppModules._read

    def counted(self: modules.AppModules, path: Path) -> object:
        reads.append(path)
        return read(self, path)

    modules.AppModules._read = counted  # type: ignore[method-assign,assignment]
    try:
        for path in files:
            check_source(path.read_text(encoding="utf-8", errors="replace"), path=path)
    finally:
        modules.AppModules._read = read  # type: ignore[method-assign]
    return reads


def typical_app_file(files: list[Path]) -> Path:
    """Of the files that write session state, the one of median length."""
    writing = []
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        if select(tree, source, DEFAULT_SETTINGS.sinks) is not None:
            writing.append((source.count("\n"), str(path), path))
    writing.sort()
    return writing[len(writing) // 2][2]


def editor_latency(path: Path, rounds: int, cwd: Path) -> Comparison:
    """One file linted the way editors call flake8: its text on standard input,
    its path given for messages (and for the project root), one process each."""
    options = ("--stdin-display-name", str(path))
    return compare([Path("-")], rounds, options, path.read_text(), cwd)


def report_editor_latency(name: str, path: Path, rounds: int, cwd: Path) -> None:
    latency = editor_latency(path, rounds, cwd)
    print(
        f"(editor) {name}, {path.read_text().count(chr(10))} lines: "
        f"{latency.alone.wall * 1000:.0f} ms alone, {latency.plugin.wall * 1000:.0f} ms "
        f"with plugin (+{(latency.plugin.wall - latency.alone.wall) * 1000:.0f} ms); "
        f"processor time {latency.alone.cpu * 1000:.0f} ms and "
        f"{latency.plugin.cpu * 1000:.0f} ms"
    )


def corpus_results(folder: Path, scratch: Path, rounds: int) -> list[Result]:
    """The comparison on a folder of real apps, one repository per subfolder."""
    files = corpus_files(folder)
    if not files:
        raise SystemExit(f"no Python files under {folder}")
    unmarked = unmarked_repositories(folder)
    if unmarked:
        print(f"warning: no project-root marker in {', '.join(unmarked)}")
    parsed, total, seen = libcst_share(files)
    print(
        f"(r) real apps: libcst is given {seen / total:.0%} of the {total:,} non-blank lines "
        f"of the {parsed} files it parses"
    )
    comparison = compare(files, rounds, cwd=folder)
    alone, plugged = comparison.alone, comparison.plugin
    results = [
        Result(
            "(r) real apps, every analysis on",
            comparison.ratio,
            1.4,
            f"{len(files)} files, {line_count(files):,} lines; "
            f"{alone.wall:.2f}s alone, {plugged.wall:.2f}s with plugin; "
            f"processor time {alone.cpu:.2f}s and {plugged.cpu:.2f}s, "
            f"ratio {comparison.cpu_ratio:.3f}",
        ),
        Result(
            "(r) peak memory on the real apps",
            comparison.memory_ratio,
            1.5,
            f"{alone.peak / 1024:.0f} MiB alone, {plugged.peak / 1024:.0f} MiB with plugin",
        ),
    ]
    module_paths = module_reads(files)
    reads, read = len(module_paths), len(set(module_paths))
    results.append(
        Result(
            "(r) reads of each app module, in one process",
            reads / max(read, 1),
            1.0,
            f"{reads} reads of {read} modules",
        )
    )
    typical = typical_app_file(files)
    repository = folder / typical.relative_to(folder).parts[0]
    report_editor_latency(
        f"typical real app file {typical.relative_to(folder)}", typical, rounds * 2, repository
    )
    return results


def generated_results(scratch: Path, quick: bool, rounds: int) -> list[Result]:
    """The comparisons on the standard library, streamlit's source and generated apps."""
    results: list[Result] = []
    stdlib = stdlib_corpus(20_000 if quick else 100_000)
    stdlib_files = python_files(stdlib)
    results.append(
        time_result("(a) stdlib, no session state", stdlib, stdlib_files, 1.03, rounds)[0]
    )

    import streamlit

    package = Path(streamlit.__file__).parent
    package_files = sorted(package.rglob("*.py"))
    if quick:
        package_files = package_files[:100]
    results.append(
        time_result("(a2) streamlit's own source", package_files, package_files, 1.15, rounds)[0]
    )

    apps = streamlit_corpus(scratch / "apps", 10_000 if quick else 55_000)
    apps_lines = line_count(apps)
    apps_result, (m_alone, m_plugin) = time_result(
        "(b) Streamlit apps, all writing session state", apps, apps, 1.5, rounds
    )
    results.append(apps_result)
    results.append(
        Result(
            "(c) peak memory on (b)",
            m_plugin / m_alone,
            1.5,
            f"{m_alone / 1024:.0f} MiB alone, {m_plugin / 1024:.0f} MiB with plugin",
        )
    )
    parsed, total, seen = libcst_share(apps)
    print(
        f"(b) libcst is given {seen / total:.0%} of the {total:,} non-blank lines "
        f"of the {parsed} files it parses"
    )
    engine = median_time(lambda: engine_over(apps), max(rounds, 1))
    print(f"(c) engine alone on (b): {apps_lines / engine:,.0f} lines/s ({engine:.2f}s)")

    # Not a target: apps built from session-state blocks only, ten times denser
    # in session state than real apps, show the cost where nothing can be left out.
    dense = streamlit_corpus(scratch / "dense", 10_000 if quick else 55_000, dense=True)
    dense_comparison = compare(dense, rounds)
    print(
        f"(b, dense) apps of session-state blocks only, {line_count(dense):,} lines: "
        f"{dense_comparison.alone.wall:.2f}s alone, "
        f"{dense_comparison.plugin.wall:.2f}s with plugin, "
        f"ratio {dense_comparison.ratio:.3f}"
    )

    per_line = {}
    sizes = (1_000, 5_000, 20_000) if quick else (1_000, 10_000, 50_000)
    for size in sizes:
        source = generate_app(random.Random(size), size, 0, dense=True)
        tree = ast.parse(source)
        seconds = median_time(partial(engine_past_limits, source, tree), 1 if quick else 3)
        per_line[size] = seconds / source.count("\n")
        print(f"(d) {size:>6,}-line file: {seconds:.3f}s, {per_line[size] * 1e6:.1f} µs/line")
    results.append(
        Result(
            f"(d) time per line, {sizes[-1]:,} vs {sizes[0]:,} lines",
            per_line[sizes[-1]] / per_line[sizes[0]],
            1.5,
            "linear growth keeps this near 1",
        )
    )

    folder_files = app_folder(scratch / "folder", 40, 80)
    folder_result = time_result(
        "(f) an app folder of 80 pages over 40 modules",
        folder_files,
        folder_files,
        1.5,
        rounds,
    )[0]
    results.append(folder_result)
    reads, imported = len(module_reads(folder_files)), imported_modules(folder_files)
    results.append(
        Result(
            "(f) reads of each module the pages import, in one process",
            reads / imported,
            1.0,
            f"{reads} reads of {imported} modules",
        )
    )

    per_site = {}
    counts = (10, 500)
    for count in counts:
        source = helper_app(count)
        tree = ast.parse(source)
        seconds = median_time(partial(engine_past_limits, source, tree), 1 if quick else 3)
        per_site[count] = seconds / source.count("\n")
        print(
            f"(e) helper called from {count:>3} places: {seconds:.3f}s, "
            f"{per_site[count] * 1e6:.1f} µs/line"
        )
    results.append(
        Result(
            f"(e) time per line, a helper called from {counts[1]} vs {counts[0]} places",
            per_site[counts[1]] / per_site[counts[0]],
            1.5,
            "each helper is followed for a bounded number of argument bindings",
        )
    )
    return results


def compile_plugin() -> None:
    """Compile the plugin's modules to bytecode, as installing a package does,
    so that no flake8 process measured compiles them from source: an editable
    install leaves that to the first import, which does not write the bytecode
    where ``PYTHONDONTWRITEBYTECODE`` is set, while flake8 and libcst were
    compiled when they were installed."""
    package = Path(flake8_session_pickle.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit(f"cannot compile {package}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, few rounds")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a folder of real apps, one repository per subfolder: compare on it too",
    )
    parser.add_argument(
        "--corpus-only", action="store_true", help="with --corpus, only the real-app comparisons"
    )
    args = parser.parse_args()
    rounds = 1 if args.quick else 5
    compile_plugin()
    print(
        f"Python {platform.python_version()}, flake8 {flake8.__version__}, "
        f"libcst {metadata.version('libcst')}, "
        f"{os.cpu_count()} cores, {'quick' if args.quick else 'full'} mode"
    )
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as scratch:
        if not (args.corpus and args.corpus_only):
            results.extend(generated_results(Path(scratch), args.quick, rounds))
        if args.corpus:
            results.extend(corpus_results(args.corpus.resolve(), Path(scratch), rounds))

    failed = False
    for result in results:
        verdict = "PASS" if result.passed else "FAIL"
        failed |= not result.passed
        print(
            f"{verdict}  {result.name}: {result.measured:.3f} (target <= {result.target})"
            f"  [{result.detail}]"
        )
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
