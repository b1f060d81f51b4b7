"""The app's own modules: read from disk, never imported, through flake8 as users run it."""

from __future__ import annotations

import ast
import gc
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest
from strict import check

from flake8_session_pickle import modules

WORKER = textwrap.dedent(
    """\
    import threading


    class Worker:
        def __init__(self):
            self.lock = threading.Lock()
    """
)
APP = "import streamlit as st\nfrom worker import Worker\n\nst.session_state.w = Worker()\n"


def app_folder(root: Path, **files: str) -> Path:
    (root / "pyproject.toml").write_text("")
    for name, source in {"app.py": APP, "worker.py": WORKER, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


def flake8(folder: Path, *args: str, stdin: str | None = None) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PKL", *args],
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return [
        line.removeprefix("./").split(": ", 1)[0] + ": " + line.split()[1]
        for line in result.stdout.splitlines()
    ]


def test_an_imported_class_is_followed_through_flake8(tmp_path: Path) -> None:
    folder = app_folder(tmp_path)
    assert flake8(folder, "app.py") == ["app.py:4:22: PKL111"]


def test_stdin_with_a_display_name_finds_the_modules(tmp_path: Path) -> None:
    folder = app_folder(tmp_path)
    found = flake8(folder, "--stdin-display-name=app.py", "-", stdin=APP)
    assert found == ["app.py:4:22: PKL111"]


def test_jobs_give_the_same_reports(tmp_path: Path) -> None:
    folder = app_folder(tmp_path, **{"pages/one.py": APP, "pages/two.py": APP})
    expected = ["app.py:4:22: PKL111", "pages/one.py:4:22: PKL111", "pages/two.py:4:22: PKL111"]
    assert sorted(flake8(folder, "--jobs=2", ".")) == expected
    assert sorted(flake8(folder, "--jobs=1", ".")) == expected


@pytest.mark.parametrize(
    "worker",
    [
        "class Worker(:\n",  # not Python
        b"\xff\xfe not utf-8".decode("latin-1"),
        "from app import Worker\n",  # a cycle back to the script
    ],
    ids=["syntax-error", "not-utf-8", "cycle"],
)
def test_a_module_that_cannot_be_followed_makes_its_names_unknown(
    tmp_path: Path, worker: str
) -> None:
    folder = app_folder(tmp_path, **{"worker.py": worker})
    assert check(APP, path=folder / "app.py") == []


def test_files_outside_the_project_are_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "lib"
    outside.mkdir()
    (outside / "worker.py").write_text(WORKER)
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    (project / "app.py").write_text(APP)
    assert check(APP, path=project / "app.py") == []


# tabs/chat.py searches tabs/ before the app's folder, app.py does not: the
# folders differ, where worker.py's imports lead does not.
@pytest.mark.parametrize("page", ["pages/one.py", "tabs/chat.py"])
def test_a_module_is_read_once_for_all_the_files_that_import_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    folder = app_folder(tmp_path, **{page: APP})
    reads = counted_reads(monkeypatch)
    for script in ("app.py", page, "app.py"):
        assert [v.code for v in check(APP, path=folder / script)] == ["PKL111"]
    assert reads == [folder / "worker.py"]


NESTED = textwrap.dedent(
    """\
    import threading


    class Store:
        def __init__(self):
            self.lock = threading.Lock()

        def reader(self):
            def read():
                return self.lock

            return read


    def make_store():
        class Local:
            pass

        return Store()
    """
)
USES_NESTED = textwrap.dedent(
    """\
    import streamlit as st
    from store import Store, make_store


    class Page:
        def __init__(self):
            self.items = []

        def show(self):
            def render():
                return self.items

            return render


    st.session_state.store = make_store()
    st.session_state.page = Page()
    """
)


def test_what_a_run_leaves_needs_no_cycle_collection(tmp_path: Path) -> None:
    """A checked file's classes and nested functions, and those of the modules of
    projects no longer kept, refer to the scopes that bind them: each is let go
    of when done with, not left to the cycle collector with its libcst nodes."""
    folders = [tmp_path / f"project_{number}" for number in range(modules.MAX_PROJECTS + 1)]
    for folder in folders:
        folder.mkdir()
        app_folder(folder, **{"store.py": NESTED, "app.py": USES_NESTED})
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for folder in folders:
            codes = [v.code for v in check(USES_NESTED, path=folder / "app.py")]
            assert codes == ["PKL111"]
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_a_changed_module_is_read_again(tmp_path: Path) -> None:
    folder = app_folder(tmp_path)
    assert [v.code for v in check(APP, path=folder / "app.py")] == ["PKL111"]
    (folder / "worker.py").write_text("class Worker:\n    pass\n\n\n")
    assert check(APP, path=folder / "app.py") == []


def test_a_file_of_the_app_in_a_folder_of_its_own_finds_the_app_s_modules(
    tmp_path: Path,
) -> None:
    folder = app_folder(tmp_path, **{"src/__init__.py": "", "src/worker.py": WORKER})
    tab = "import streamlit as st\nfrom src.worker import Worker\nst.session_state.w = Worker()\n"
    (folder / "tabs").mkdir()
    (folder / "tabs" / "chat.py").write_text(tab)
    assert [v.code for v in check(tab, path=folder / "tabs" / "chat.py")] == ["PKL111"]


LEGACY_CHAT = (
    "import streamlit as st\nfrom langchain.chat_models import ChatOpenAI\n\n"
    "st.session_state.llm = ChatOpenAI()\n"
)


@pytest.mark.parametrize(
    ("requirements", "reported"),
    [
        (None, True),
        ("langchain==0.0.184\nopenai==0.27.6\n", False),
        ("langchain==0.0.184\nOpenAI [datalib] == 0.27.6  # old API\n", False),
        ("openai>=0.27\n", True),
        ("openai==1.3.0\n", True),
        ("-r base.txt\nopenai\n", True),
    ],
)
def test_a_verdict_that_depends_on_a_release_follows_the_app_requirements(
    tmp_path: Path, requirements: str | None, reported: bool
) -> None:
    folder = app_folder(tmp_path, **{"app.py": LEGACY_CHAT})
    if requirements is not None:
        (folder / "requirements.txt").write_text(requirements)
    found = check(LEGACY_CHAT, path=folder / "app.py")
    assert [v.code for v in found] == (["PKL110"] if reported else [])
    # a report claims no more than the releases the app may run with
    qualified = requirements is None or "==" not in requirements
    assert all(("(it pickles with openai<1)" in v.message) is qualified for v in found)


@pytest.mark.parametrize(
    ("requirements", "reported"),
    [(None, True), ("langchain-core==0.2.43\n", False), ("langchain-core==0.3.86\n", True)],
)
def test_a_runnable_assign_pickles_with_the_langchain_core_an_app_pins_before_0_3(
    tmp_path: Path, requirements: str | None, reported: bool
) -> None:
    source = "import streamlit as st\nfrom langchain_core.runnables import RunnablePassthrough\n"
    source += "st.session_state.step = RunnablePassthrough.assign(n=len)\n"
    folder = app_folder(tmp_path, **{"app.py": source})
    if requirements is not None:
        (folder / "requirements.txt").write_text(requirements)
    assert [v.code for v in check(source, path=folder / "app.py")] == (
        ["PKL102"] if reported else []
    )


@pytest.mark.parametrize(
    ("lock", "text", "reported"),
    [
        ("uv.lock", '[[package]]\nname = "openai"\nversion = "0.27.6"\nsource = {}\n', False),
        ("uv.lock", '[[package]]\nname = "openai"\nversion = "1.3.0"\n', True),
        ("poetry.lock", '[[package]]\nname = "openai"\nversion = "0.28.1"\n', False),
        (
            "pixi.lock",
            "packages:\n- pypi: https://files.example/openai-0.27.6-py3-none-any.whl\n"
            "  name: openai\n  version: 0.27.6\n  sha256: 00\n",
            False,
        ),
        (
            "Pipfile.lock",
            '{"default": {"openai": {"hashes": ["sha256:00"], "version": "==0.27.6"}}}',
            False,
        ),
        ("Pipfile.lock", '{"default": {"openai": {"version": "==1.3.0"}}}', True),
        ("uv.lock", "not a lock file at all", True),
    ],
)
def test_a_verdict_that_depends_on_a_release_follows_the_app_lock_file(
    tmp_path: Path, lock: str, text: str, reported: bool
) -> None:
    folder = app_folder(tmp_path, **{"app.py": LEGACY_CHAT})
    (folder / lock).write_text(text)
    found = check(LEGACY_CHAT, path=folder / "app.py")
    assert [v.code for v in found] == (["PKL110"] if reported else [])


def test_requirements_pins_come_before_a_lock_file(tmp_path: Path) -> None:
    folder = app_folder(tmp_path, **{"app.py": LEGACY_CHAT})
    (folder / "requirements.txt").write_text("openai==1.3.0\n")
    (folder / "uv.lock").write_text('[[package]]\nname = "openai"\nversion = "0.27.6"\n')
    assert [v.code for v in check(LEGACY_CHAT, path=folder / "app.py")] == ["PKL110"]


GEMINI_APP = (
    "import streamlit as st\nimport google.generativeai as genai\n\n"
    "st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
)


@pytest.mark.parametrize(
    ("files", "reported"),
    [
        ({}, False),
        # a page uses what the main script stored
        (
            {
                "pages/chat.py": "import streamlit as st\n"
                "st.session_state.model.generate_content('hi')\n"
            },
            True,
        ),
        # a module of the app it is passed to uses it
        (
            {
                "helpers/gemini.py": "def reply(model, prompt):\n"
                "    return model.count_tokens(prompt)\n"
            },
            True,
        ),
        # files outside the app's folder are not the app's
        ({"../elsewhere.py": "model.generate_content('hi')\n"}, False),
        ({"pages/chat.py": "import streamlit as st\nst.write(st.session_state.model)\n"}, False),
        # a module in a folder beside the app's that a page passes it to
        (
            {
                "pages/chat.py": "import streamlit as st\nfrom lib.llm import reply\n"
                "st.write(reply(st.session_state.model, 'hi'))\n",
                "lib/llm.py": "def reply(model, prompt):\n"
                "    return model.generate_content(prompt).text\n",
            },
            True,
        ),
    ],
)
def test_a_value_that_pickles_until_used_is_refused_where_another_file_of_the_app_uses_it(
    tmp_path: Path, files: dict[str, str], reported: bool
) -> None:
    folder = tmp_path / "app"
    folder.mkdir()
    app_folder(folder, **{"app.py": GEMINI_APP, **files})
    found = check(GEMINI_APP, path=folder / "app.py")
    assert [v.code for v in found] == (["PKL110"] if reported else [])


@pytest.mark.parametrize(("entered", "reported"), [(True, True), (False, False)])
def test_what_another_file_enters_with_async_with_is_used(
    tmp_path: Path, entered: bool, reported: bool
) -> None:
    app = (
        "import streamlit as st\nfrom mcp import ClientSession\n\n"
        "st.session_state.session = ClientSession(None, None)\n"
    )
    page = "import streamlit as st\n\nasync def chat():\n"
    page += "    async with st.session_state.session:\n        pass\n" if entered else "    pass\n"
    folder = app_folder(tmp_path, **{"app.py": app, "pages/chat.py": page})
    found = check(app, path=folder / "app.py")
    assert [v.code for v in found] == (["PKL110"] if reported else [])


STATE = (
    "import streamlit as st\n\n\nclass Router:\n    pass\n\n\n"
    "if 'router' not in st.session_state:\n    st.session_state.router = Router()\n"
)


@pytest.mark.parametrize(
    ("files", "reported"),
    [
        # run by itself, it is a script whose class a rerun redefines
        ({}, True),
        ({"app.py": "import streamlit as st\nimport state\n"}, False),
        ({"app.py": "import streamlit as st\nfrom state import Router\n"}, False),
        (
            {"pkg/__init__.py": "", "pkg/app.py": "from . import state\n", "pkg/state.py": STATE},
            False,
        ),
        # a test that imports it is no run of the app
        ({"tests/test_state.py": "import state\n"}, True),
    ],
)
def test_a_module_the_app_imports_is_no_script_whose_classes_reruns_redefine(
    tmp_path: Path, files: dict[str, str], reported: bool
) -> None:
    folder = app_folder(tmp_path, **{"app.py": "import streamlit as st\n", **files})
    checked = folder / ("pkg/state.py" if "pkg/state.py" in files else "state.py")
    checked.write_text(STATE)
    found = check(STATE, path=checked)
    assert [v.code for v in found] == (["PKL112"] if reported else [])


def test_a_script_another_file_imports_that_renders_stays_a_script(tmp_path: Path) -> None:
    page = STATE + "st.title('Router')\n"
    folder = app_folder(
        tmp_path, **{"debug.py": "import streamlit as st\nfrom state import Router\n"}
    )
    (folder / "state.py").write_text(page)
    assert [v.code for v in check(page, path=folder / "state.py")] == ["PKL112"]


def test_a_module_of_the_app_that_stores_what_the_app_uses_is_reported(tmp_path: Path) -> None:
    state = (
        "import streamlit as st\nimport google.generativeai as genai\n\n"
        "def init_state():\n"
        "    st.session_state.model = genai.GenerativeModel('gemini-pro')\n"
    )
    app = (
        "import streamlit as st\nfrom utils.state import init_state\n\ninit_state()\n"
        "st.write(st.session_state.model.generate_content('hi').text)\n"
    )
    folder = app_folder(tmp_path, **{"app.py": app, "utils/state.py": state})
    found = check(state, path=folder / "utils" / "state.py")
    assert [(v.line, v.code) for v in found] == [(5, "PKL110")]
    assert "(made once generate_content() is called)" in found[0].message


def test_what_the_checked_file_itself_calls_on_another_type_is_no_use(tmp_path: Path) -> None:
    app = (
        GEMINI_APP + "from google import genai as genai2\n"
        "client = genai2.Client(api_key='test')\n"
        "st.write(client.models.generate_content(model='m', contents='hi'))\n"
    )
    folder = app_folder(tmp_path, **{"app.py": app})
    assert check(app, path=folder / "app.py") == []


def test_a_project_too_large_to_read_is_taken_to_use_what_it_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flake8_session_pickle import project

    monkeypatch.setattr(project, "MAX_PROJECT_FILES", 3)
    folder = app_folder(tmp_path, **{"app.py": GEMINI_APP})
    for number in range(3):
        (folder / f"page_{number}.py").write_text("x = 1\n")
    found = check(GEMINI_APP, path=folder / "app.py")
    assert [v.code for v in found] == ["PKL110"]
    assert "(made once it is used)" in found[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_named_pipe_among_the_app_s_files_is_not_read(tmp_path: Path) -> None:
    folder = app_folder(tmp_path, **{"app.py": GEMINI_APP})
    os.mkfifo(folder / "pipe.py")
    assert check(GEMINI_APP, path=folder / "app.py") == []


def test_a_page_follows_the_requirements_of_the_main_script(tmp_path: Path) -> None:
    folder = app_folder(tmp_path)
    (folder / "requirements.txt").write_text("openai==0.28.1\n")
    (folder / "pages").mkdir()
    (folder / "pages" / "chat.py").write_text(LEGACY_CHAT)
    assert check(LEGACY_CHAT, path=folder / "pages" / "chat.py") == []
    assert [v.code for v in check(LEGACY_CHAT)] == ["PKL110"]


def test_a_star_import_of_a_module_of_the_app_binds_its_public_names(tmp_path: Path) -> None:
    helpers = (
        "import streamlit as st\nimport threading\n\n"
        "def make_lock():\n    return threading.Lock()\n\n"
        "def _private():\n    return threading.Lock()\n"
    )
    app = (
        "from helpers import *\n\n"
        "st.session_state.lock = make_lock()\n"
        "st.session_state.other = _private()\n"
    )
    folder = app_folder(tmp_path, **{"helpers.py": helpers, "app.py": app})
    found = check(app, path=folder / "app.py")
    assert [(v.line, v.code) for v in found] == [(3, "PKL107")]
    assert "returned by 'make_lock()'" in found[0].message


def test_a_star_import_binds_only_what_all_lists(tmp_path: Path) -> None:
    helpers = (
        "import streamlit as st\nimport threading\n__all__ = ['st', 'make_text']\n\n"
        "def make_lock():\n    return threading.Lock()\n\n"
        "def make_text():\n    return 'text'\n"
    )
    app = "from helpers import *\n\nst.session_state.lock = make_lock()\n"
    folder = app_folder(tmp_path, **{"helpers.py": helpers, "app.py": app})
    assert check(app, path=folder / "app.py") == []


def test_a_star_import_of_another_package_is_not_read(tmp_path: Path) -> None:
    app = "from threading import *\nimport streamlit as st\n\nst.session_state.lock = Lock()\n"
    folder = app_folder(tmp_path, **{"app.py": app})
    assert check(app, path=folder / "app.py") == []


def test_a_file_of_the_app_named_streamlit_does_not_hide_streamlit(tmp_path: Path) -> None:
    app = "import streamlit as st\nimport threading\n\nst.session_state.lock = threading.Lock()\n"
    folder = app_folder(
        tmp_path,
        **{"streamlit/app.py": app, "streamlit/streamlit.py": "", "threading.py": ""},
    )
    found = check(app, path=folder / "streamlit" / "app.py")
    assert [(v.line, v.code) for v in found] == [(4, "PKL107")]


def test_a_folder_without_init_named_like_a_known_package_does_not_hide_it(
    tmp_path: Path,
) -> None:
    app = "import streamlit as st\nimport openai\n\nst.session_state.client = openai.OpenAI()\n"
    folder = app_folder(tmp_path, **{"app.py": app, "openai/notes.py": "", "mine/tool.py": ""})
    assert [v.code for v in check(app, path=folder / "app.py")] == ["PKL110"]


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The path of each module read from disk."""
    reads: list[Path] = []
    read = modules.AppModules._read

    def counted(self: modules.AppModules, path: Path) -> object:
        reads.append(path)
        return read(self, path)

    monkeypatch.setattr(modules.AppModules, "_read", counted)
    return reads


def counted_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, frozenset[str] | None]]:
    """The path of each module run, with the names it is run for."""
    runs: list[tuple[Path, frozenset[str] | None]] = []
    run = modules.AppModules._run

    def counted(
        self: modules.AppModules,
        source: modules._Source,
        asked: modules._Run,
        tree: ast.Module | None = None,
    ) -> None:
        runs.append((source.info.path, asked.names))
        run(self, source, asked, tree)

    monkeypatch.setattr(modules.AppModules, "_run", counted)
    return runs


def counted_parses(monkeypatch: pytest.MonkeyPatch, module: str) -> list[str]:
    """The text of each statement of ``module`` (its source) libcst parses, in
    the order parsed; statements parsed together are listed one by one."""
    parses: list[str] = []
    parse = cst.parse_module

    def counted(text: str) -> cst.Module:
        parsed = parse(text)
        for statement in parsed.body:
            code = parsed.code_for_node(statement.with_changes(leading_lines=()))
            if code in module:
                parses.append(code)
        return parsed

    monkeypatch.setattr(cst, "parse_module", counted)
    return parses


HELPERS = """\
import threading
import sqlite3

LIMIT = 10


def connect():
    return sqlite3.connect("app.db")


def make_lock():
    return threading.Lock()


def describe():
    return "text"
"""


def test_a_run_parses_only_the_statements_the_names_asked_for_need(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = app_folder(tmp_path, **{"helpers.py": HELPERS})
    parses = counted_parses(monkeypatch, HELPERS)
    page = "import streamlit as st\nfrom helpers import connect\n\nst.session_state.c = connect()\n"
    assert [v.code for v in check(page, path=folder / "app.py")] == ["PKL106"]
    assert parses == ["import sqlite3\n", 'def connect():\n    return sqlite3.connect("app.db")\n']


def test_a_module_asked_for_more_names_runs_again_parsing_each_statement_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = "import streamlit as st\nfrom helpers import {}\n\nst.session_state.v = {}()\n"
    folder = app_folder(
        tmp_path,
        **{
            "helpers.py": HELPERS,
            "pages/a.py": page.format("connect", "connect"),
            "pages/b.py": page.format("make_lock", "make_lock"),
            "pages/c.py": page.format("connect, describe", "describe"),
        },
    )
    reads, runs = counted_reads(monkeypatch), counted_runs(monkeypatch)
    parses = counted_parses(monkeypatch, HELPERS)
    codes = [
        [v.code for v in check((folder / "pages" / name).read_text(), path=folder / "pages" / name)]
        for name in ("a.py", "b.py", "c.py", "a.py")
    ]
    assert codes == [["PKL106"], ["PKL107"], [], ["PKL106"]]
    helpers = folder / "helpers.py"
    assert reads == [helpers]
    # Each run is asked for what the runs before it bound too.
    assert runs == [
        (helpers, frozenset({"connect"})),
        (helpers, frozenset({"connect", "sqlite3", "make_lock"})),
        (helpers, frozenset({"connect", "sqlite3", "make_lock", "threading", "describe"})),
    ]
    assert len(parses) == len(set(parses)) == 5  # two imports and three functions


def test_a_name_a_run_bound_in_full_needs_no_other_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running ``connect`` ran every statement binding ``sqlite3``, as a run for
    # both names would.
    folder = app_folder(
        tmp_path,
        **{
            "helpers.py": HELPERS,
            "a.py": "import streamlit as st\nfrom helpers import connect\n\n"
            "st.session_state.c = connect()\n",
            "b.py": "import streamlit as st\nfrom helpers import sqlite3\n\n"
            "st.session_state.m = sqlite3\n",
        },
    )
    runs = counted_runs(monkeypatch)
    codes = [
        [v.code for v in check((folder / name).read_text(), path=folder / name)]
        for name in ("a.py", "b.py")
    ]
    assert codes == [["PKL106"], ["PKL108"]]
    assert runs == [(folder / "helpers.py", frozenset({"connect"}))]


def test_a_module_whose_import_leads_elsewhere_is_read_for_each_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``from helpers import make`` in lib/holder.py finds tabs/helpers.py for a
    # file in tabs/, and the app's helpers.py for app.py.
    holder = "from helpers import make\n\nheld = make()\n"
    app = "import streamlit as st\nfrom lib.holder import held\n\nst.session_state.h = held\n"
    folder = app_folder(
        tmp_path,
        **{
            "app.py": app,
            "lib/__init__.py": "",
            "lib/holder.py": holder,
            "helpers.py": "def make():\n    return 1\n",
            "tabs/helpers.py": "import threading\n\n\ndef make():\n    return threading.Lock()\n",
            "tabs/page.py": app,
        },
    )
    reads, runs = counted_reads(monkeypatch), counted_runs(monkeypatch)
    assert [v.code for v in check(app, path=folder / "tabs" / "page.py")] == ["PKL107"]
    assert check(app, path=folder / "app.py") == []
    assert [v.code for v in check(app, path=folder / "tabs" / "page.py")] == ["PKL107"]
    holder_path = folder / "lib" / "holder.py"
    assert reads.count(holder_path) == 1
    assert [path for path, _ in runs].count(holder_path) == 2


def test_a_class_of_a_module_that_keeps_its_engine_on_itself(tmp_path: Path) -> None:
    database = textwrap.dedent(
        """\
        import threading
        from sqlalchemy import create_engine


        class Database:
            _engine = None
            _lock = threading.Lock()

            @staticmethod
            def init_sqlite(path):
                with Database._lock:
                    Database._engine = create_engine(f"sqlite:///{path}")

            @classmethod
            def get_engine(cls):
                return cls._engine
        """
    )
    login = "import streamlit as st\nfrom db import Database\n\n"
    login += "def login():\n    Database.init_sqlite('app.db')\n"
    login += "    st.session_state.engine = Database.get_engine()\n"
    folder = app_folder(tmp_path, **{"db.py": database, "app.py": login})
    assert [(v.line, v.code) for v in check(login, path=folder / "app.py")] == [(6, "PKL106")]


_CONNECTION_ON_THE_CLASS = textwrap.dedent(
    """\
    import sqlite3


    class Database:
        _conn = None

        @classmethod
        def init(cls):
            cls._conn = sqlite3.connect("app.db")

        @classmethod
        def get(cls):
            return cls._conn
    """
)


def test_a_class_store_made_by_a_call_through_the_module_name(tmp_path: Path) -> None:
    app = "import streamlit as st\nimport db.store as store\n\nstore.Database.init()\n"
    app += "st.session_state.conn = store.Database.get()\n"
    folder = app_folder(
        tmp_path, **{"db/__init__.py": "", "db/store.py": _CONNECTION_ON_THE_CLASS, "app.py": app}
    )
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(5, "PKL106")]


@pytest.mark.parametrize(
    ("caller", "calls", "reported"),
    [
        # a module the app imports, which runs at its import
        ("boot.py", "Database.init()", True),
        # a class of that name of another module
        ("boot.py", "import db as store\nstore.Database.init()", False),
        ("pages/setup.py", "Database.init()", True),  # a page the user may open first
        ("tests/test_store.py", "Database.init()", False),  # no run of the app runs a test
        ("conftest.py", "Database.init()", False),
        ("scripts/init_db.py", "Database.init()", False),  # a script run on its own
        ("boot.py", "# Database.init() is run by the admin tool", False),
        (None, "", False),  # nothing calls init(): the attribute stays None
    ],
)
def test_a_class_store_made_by_a_call_in_another_file_of_the_project(
    tmp_path: Path, caller: str | None, calls: str, reported: bool
) -> None:
    app = "import streamlit as st\nimport boot\nfrom store import Database\n"
    app += "st.session_state.conn = Database.get()\n"
    files = {"store.py": _CONNECTION_ON_THE_CLASS, "db.py": _CONNECTION_ON_THE_CLASS}
    files.update({"app.py": app, "boot.py": ""})
    if caller is not None:
        imports = "" if calls.startswith("import") else "from store import Database\n\n"
        files[caller] = imports + calls + "\n"
    folder = app_folder(tmp_path, **files)
    found = [(v.line, v.code) for v in check(app, path=folder / "app.py")]
    assert found == ([(4, "PKL106")] if reported else [])


STATE_HELPERS = textwrap.dedent(
    """\
    import streamlit as st


    def remember(key, value):
        st.session_state[key] = value


    def keep(value):
        remember("kept", value)


    def init(st):
        st.session_state.setdefault("log", [])
    """
)


@pytest.mark.parametrize(
    ("imports", "call"),
    [
        ("from state import remember", "remember('db', conn)"),
        ("from state import remember as put", "put('db', conn)"),
        ("import state", "state.remember('db', conn)"),
        ("import state as s", "s.remember(key='db', value=conn)"),
        ("from state import keep", "keep(conn)"),  # through another function of the module
        ("from lib import state", "state.remember('db', conn)"),
        ("import lib.state", "lib.state.remember('db', conn)"),
    ],
)
def test_a_function_of_a_module_storing_what_a_call_passes(
    tmp_path: Path, imports: str, call: str
) -> None:
    app = f"import sqlite3\nimport streamlit as st\n{imports}\n\n"
    app += f"conn = sqlite3.connect('app.db')\n{call}\n"
    folder = app_folder(
        tmp_path,
        **{"state.py": STATE_HELPERS, "lib/__init__.py": "", "lib/state.py": STATE_HELPERS},
    )
    found = check(app, path=folder / "app.py")
    assert [(v.line, v.code) for v in found] == [(6, "PKL106")]
    # the function called, where it is defined
    assert re.search(
        r"passed to '(remember|keep)\(\)' \((lib/)?state\.py:(4|8)\)", found[0].message
    )


@pytest.mark.parametrize(
    ("imports", "call"),
    [
        ("from lib import remember", "remember('db', conn)"),
        ("import lib", "lib.remember('db', conn)"),
        ("from lib import store", "store('db', conn)"),
        ("from services import keep_all", "keep_all('db', conn)"),
        ("import services", "services.remember('db', conn)"),
    ],
)
def test_a_writer_a_module_imports_from_another_is_followed(
    tmp_path: Path, imports: str, call: str
) -> None:
    files = {
        "lib/state.py": STATE_HELPERS,
        # a package re-exporting its module's writer, under its name and another
        "lib/__init__.py": "from .state import remember\nfrom .state import remember as store\n",
        # a module of functions that pass what they are given to one it imports
        "services.py": "from lib import remember\n\n\ndef keep_all(key, value):\n"
        "    remember(key, value)\n",
    }
    app = f"import sqlite3\nimport streamlit as st\n{imports}\n\n"
    app += f"conn = sqlite3.connect('app.db')\n{call}\n"
    folder = app_folder(tmp_path, **files)
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(6, "PKL106")]


def test_a_module_is_parsed_once_for_its_writers_and_what_it_binds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the app calls the module's writer and makes an instance of its class
    module = STATE_HELPERS + "\n\n" + WORKER
    app = "import sqlite3\nimport streamlit as st\nfrom lib import remember, Worker\n\n"
    app += "remember('db', sqlite3.connect('app.db'))\nst.session_state.w = Worker()\n"
    folder = app_folder(tmp_path, **{"lib.py": module})
    parses: list[str] = []
    parse = ast.parse

    def counted(source: str) -> ast.Module:
        parses.append(source)
        return parse(source)

    monkeypatch.setattr(ast, "parse", counted)
    found = [(v.line, v.code) for v in check(app, path=folder / "app.py")]
    assert found == [(5, "PKL106"), (6, "PKL111")]
    assert parses.count(module) == 1


def test_writers_imported_in_a_cycle_end(tmp_path: Path) -> None:
    files = {
        "a.py": "from b import remember\n\n\ndef keep(value):\n    remember('k', value)\n",
        "b.py": "import streamlit as st\nfrom a import keep\n\n\ndef remember(key, value):\n"
        "    st.session_state[key] = value\n",
    }
    app = "import sqlite3\nimport streamlit as st\nfrom a import keep\n\n"
    app += "keep(sqlite3.connect('app.db'))\n"
    folder = app_folder(tmp_path, **files)
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(5, "PKL106")]


def test_writers_through_an_import_cycle_do_not_depend_on_the_files_checked_before(
    tmp_path: Path,
) -> None:
    files = {
        "a.py": "import streamlit as st\n\n\ndef remember(key, value):\n"
        "    st.session_state[key] = value\n\n\nfrom b import relay  # noqa: E402\n",
        "b.py": "def relay(key, value):\n    remember(key, value)\n\n\n"
        "from a import remember  # noqa: E402\n",
        "pages/other.py": "import streamlit as st\nfrom a import remember\n\nremember('n', 1)\n",
    }
    app = "import threading\nimport streamlit as st\nfrom b import relay\n\n"
    app += "relay('k', threading.Lock())\n"
    folder = app_folder(tmp_path, **files)
    check(files["pages/other.py"], path=folder / "pages" / "other.py")
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(5, "PKL107")]


def test_writers_past_the_import_depth_do_not_depend_on_the_files_checked_before(
    tmp_path: Path,
) -> None:
    files = {f"c{n}.py": f"from c{n + 1} import remember  # noqa: F401\n" for n in range(1, 7)}
    files["c7.py"] = "import streamlit as st\n\n\ndef remember(key, value):\n"
    files["c7.py"] += "    st.session_state[key] = value\n"
    deep = "import streamlit as st\nfrom c1 import remember\n\nremember('n', 1)\n"
    app = "import threading\nimport streamlit as st\nfrom c3 import remember\n\n"
    app += "remember('k', threading.Lock())\n"
    folder = app_folder(tmp_path, **files)
    check(deep, path=folder / "deep.py")
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(5, "PKL107")]


def test_a_function_of_a_module_called_from_a_page_and_from_a_function(tmp_path: Path) -> None:
    page = "import sqlite3\nimport streamlit as st\nfrom state import remember\n\n"
    page += "def open_db(path):\n    remember('db', sqlite3.connect(path))\n\nopen_db('app.db')\n"
    folder = app_folder(tmp_path, **{"state.py": STATE_HELPERS, "pages/db.py": page})
    found = check(page, path=folder / "pages" / "db.py")
    assert [(v.line, v.code) for v in found] == [(6, "PKL106")]


def test_a_function_of_a_module_given_what_pickles_is_silent(tmp_path: Path) -> None:
    app = "import streamlit as st\nfrom state import remember, init\n\n"
    app += "remember('n', st.number_input('n'))\nremember('rows', [dict(a=1)])\ninit(st)\n"
    folder = app_folder(tmp_path, **{"state.py": STATE_HELPERS})
    assert check(app, path=folder / "app.py") == []


def test_the_streamlit_module_passed_to_a_function_of_a_module(tmp_path: Path) -> None:
    setup = "import sqlite3\n\n\ndef init(st, path):\n"
    setup += "    st.session_state.db = sqlite3.connect(path)\n"
    app = "import streamlit as st\nfrom setup import init\n\ninit(st, 'app.db')\n"
    folder = app_folder(tmp_path, **{"setup.py": setup})
    assert [(v.line, v.code) for v in check(app, path=folder / "app.py")] == [(4, "PKL106")]
    # the module alone cannot tell what ``st`` is
    assert check(setup, path=folder / "setup.py") == []
    # nor is anything stored where the module is given another object
    other = "import types\nfrom setup import init\n\n"
    other += "init(types.SimpleNamespace(session_state={}), 'app.db')\n"
    assert check(other, path=folder / "other.py") == []


SERVER = textwrap.dedent(
    """\
    import threading


    def serve():
        pass


    def toggle(start, session_state):
        if start:
            session_state["server"] = threading.Thread(target=serve)


    class Session:
        @staticmethod
        def initialize(session, rows):
            session["rows"] = list(rows)

        def attach(self, session, factory):
            session.update(make=factory)
    """
)
"""A module whose functions store into what a parameter is given."""


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("toggle(True, st.session_state)", [(4, "PKL107")]),
        ("toggle(session_state=st.session_state, start=True)", [(4, "PKL107")]),
        ("server.toggle(True, st.session_state)", [(4, "PKL107")]),
        ("Session().attach(st.session_state, lambda: 1)", [(4, "PKL101")]),
        ("Session.initialize(st.session_state, [1, 2])", []),
        ("toggle(True, {})", []),
        # the call decides the condition the store is under
        ("toggle(False, st.session_state)", []),
        ("toggle(start=1, session_state=st.session_state)", [(4, "PKL107")]),
        ("toggle(True, st.session_state.servers)", [(4, "PKL107")]),
    ],
)
def test_session_state_given_to_a_function_of_a_module_that_stores_into_it(
    tmp_path: Path, call: str, expected: list[tuple[int, str]]
) -> None:
    app = "import streamlit as st\nimport server\nfrom server import Session, toggle\n"
    app += f"{call}\n"
    folder = app_folder(tmp_path, **{"server.py": SERVER})
    found = check(app, path=folder / "app.py")
    assert [(v.line, v.code) for v in found] == expected
    if expected and "toggle" in call:
        assert "threading.Thread() through 'toggle()' (server.py:8)" in found[0].message
    # the module alone cannot tell what ``state`` is
    assert check(SERVER, path=folder / "server.py") == []


def test_a_write_the_module_reports_itself_is_not_reported_at_the_call(tmp_path: Path) -> None:
    helpers = "import sqlite3\nimport streamlit as st\n\n\ndef open_db(path):\n"
    helpers += "    st.session_state.db = sqlite3.connect(path)\n"
    app = "import streamlit as st\nfrom helpers import open_db\n\nopen_db(st.text_input('path'))\n"
    folder = app_folder(tmp_path, **{"helpers.py": helpers})
    assert check(app, path=folder / "app.py") == []
    assert [(v.line, v.code) for v in check(helpers, path=folder / "helpers.py")] == [(6, "PKL106")]


@pytest.mark.parametrize(
    "module",
    [
        "def remember(key, value:\n",  # Python cannot parse it
        "import streamlit as st\n\n\nasync def remember(key, value):\n"
        "    st.session_state[key] = value\n",  # a call makes a coroutine, not a write
    ],
)
def test_what_a_module_that_cannot_be_followed_gives_is_unknown(
    tmp_path: Path, module: str
) -> None:
    app = "import sqlite3\nimport streamlit as st\nfrom state import remember\n\n"
    app += "remember('db', sqlite3.connect('app.db'))\n"
    folder = app_folder(tmp_path, **{"state.py": module})
    assert check(app, path=folder / "app.py") == []


def test_a_file_calling_a_module_writer_through_flake8(tmp_path: Path) -> None:
    app = "import sqlite3\nimport streamlit as st\nfrom state import remember\n\n"
    app += "remember('db', sqlite3.connect('app.db'))\n"
    folder = app_folder(tmp_path, **{"state.py": STATE_HELPERS, "app.py": app})
    assert flake8(folder, "app.py", "state.py") == ["app.py:5:1: PKL106"]
    assert flake8(folder, "--jobs=2", ".") == ["app.py:5:1: PKL106"]
    assert flake8(folder, "--stdin-display-name=app.py", "-", stdin=app) == ["app.py:5:1: PKL106"]


def test_a_method_of_a_class_of_a_module_storing_what_a_call_passes(tmp_path: Path) -> None:
    state = textwrap.dedent(
        """\
        import streamlit as st


        class SessionState:
            def set_agent(self, agent):
                st.session_state.agent = agent

            @staticmethod
            def put(key, value):
                st.session_state[key] = value
        """
    )
    app = "import sqlite3\nimport streamlit as st\nfrom state import SessionState\n\n"
    app += "state = SessionState()\nstate.set_agent(sqlite3.connect('app.db'))\n"
    app += "SessionState.put('db', sqlite3.connect('app.db'))\nstate.put('rows', [1])\n"
    folder = app_folder(tmp_path, **{"state.py": state})
    found = check(app, path=folder / "app.py")
    assert [(v.line, v.code) for v in found] == [(6, "PKL106"), (7, "PKL106")]
    assert "passed to 'SessionState.set_agent()' (state.py:4)" in found[0].message
    assert check(state, path=folder / "state.py") == []


_BOT = textwrap.dedent(
    """\
    import sqlite3


    class Bot:
        def start(self):
            self.conn = sqlite3.connect("app.db")
    """
)


@pytest.mark.parametrize(
    ("caller", "reported"),
    [
        # a page that imports the class calls the method on the instance it keeps
        (
            "pages/chat.py",
            "from bot import Bot\n\nbot: Bot = st.session_state.bot\nbot.start()\n",
        ),
        ("helpers.py", "import bot\n\ndef ready(b: bot.Bot):\n    b.start()\n"),
        # a file that does not name the class calls another object's method
        ("pages/db.py", None),
        # no run of the app runs a test
        ("tests/test_bot.py", None),
    ],
)
def test_a_method_called_by_another_file_naming_the_class(
    tmp_path: Path, caller: str, reported: str | None
) -> None:
    app = "import streamlit as st\nimport helpers\nfrom bot import Bot\n\n"
    app += "st.session_state.bot = Bot()\n"
    other = reported
    if other is None:
        other = "import threading\n\nthreading.Thread(target=print).start()\n"
        if caller.startswith("tests/"):
            other = "from bot import Bot\n\nBot().start()\n"
    files = {"bot.py": _BOT, "app.py": app, "helpers.py": ""}
    files[caller] = "import streamlit as st\n" + other
    folder = app_folder(tmp_path, **files)
    found = [(v.line, v.code) for v in check(app, path=folder / "app.py")]
    assert found == ([(5, "PKL111")] if reported else [])


def test_what_a_module_function_stores_for_the_script_outlives_the_run_as_its_call_does(
    tmp_path: Path,
) -> None:
    # Stored again on every run by a call that runs on every run: not the rerun trap.
    every = "import streamlit as st\nimport state\n\nclass Cfg:\n    pass\n\n"
    every += "state.remember('cfg', Cfg())\n"
    folder = app_folder(tmp_path, **{"state.py": STATE_HELPERS})
    assert check(every, path=folder / "app.py") == []
    kept = every.replace(
        "state.remember(", "if 'cfg' not in st.session_state:\n    state.remember("
    )
    assert [(v.line, v.code) for v in check(kept, path=folder / "app.py")] == [(8, "PKL112")]


def test_a_module_function_with_unknown_parameters_hides_no_read_back(tmp_path: Path) -> None:
    app = "import sqlite3\nimport streamlit as st\nfrom state import remember\n\n"
    app += "if 'db' not in st.session_state:\n"
    app += "    st.session_state.db = sqlite3.connect(':memory:')\n"
    app += "st.session_state.copy = st.session_state.db\nremember('user', User())\n"
    app = "from models import User\n" + app
    folder = app_folder(
        tmp_path, **{"state.py": STATE_HELPERS, "models.py": "class User:\n    pass\n"}
    )
    found = [(v.line, v.code) for v in check(app, path=folder / "app.py")]
    assert found == [(7, "PKL106"), (8, "PKL106")]


def test_an_import_no_file_system_can_name_is_not_the_apps(tmp_path: Path) -> None:
    app = f"import streamlit as st\nimport {'a' * 300}\n\nst.write(1)\n"
    folder = app_folder(tmp_path, **{"app.py": app})
    assert check(app, path=folder / "app.py") == []
