"""Every place users run the plugin, end to end with the real tools: flake8 on
files and on stdin, in parallel, with code selection on the command line and in
each config file, noqa comments, output formats, pre-commit, and the snippets of
docs/integrations.md."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOC = ROOT / "docs" / "integrations.md"
README = ROOT / "README.md"
BIN = Path(sys.executable).parent

APP = textwrap.dedent(
    """\
    import streamlit as st

    st.session_state.handler = lambda: 1
    st.session_state.log = open("log.txt")
    """
)
APP_REPORTS = [(3, 28, "PKL101"), (4, 24, "PKL104")]
UNANALYSABLE = "import streamlit as st\n(a): int = int(input())\nst.session_state.a = a\n" + APP
"""A write of a name bound by a statement libcst cannot parse."""
"""flake8's 1-based line and column of each report in APP."""
CLEAN = "import streamlit as st\n\nst.session_state.count = 0\n"
REPORT = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+) ")


def flake8(
    cwd: Path, *args: str, stdin: str | None = None, isolated: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", *(["--isolated"] if isolated else []), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == "", result.stderr
    return result


def reports(output: str) -> list[tuple[str, int, int, str]]:
    found = []
    for line in output.splitlines():
        match = REPORT.match(line)
        assert match, f"unexpected flake8 output: {line!r}"
        found.append((match["path"], int(match["line"]), int(match["column"]), match["code"]))
    return found


def codes(output: str) -> list[str]:
    return [code for *_, code in reports(output)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "clean.py").write_text(CLEAN)
    return tmp_path


def test_stdin_reports_under_the_display_name(tmp_path: Path) -> None:
    result = flake8(tmp_path, "--stdin-display-name=pages/app.py", "-", stdin=APP)
    assert result.returncode == 1
    assert reports(result.stdout) == [("pages/app.py", *report) for report in APP_REPORTS]


def test_per_file_ignores_match_the_stdin_display_name(tmp_path: Path) -> None:
    result = flake8(
        tmp_path,
        "--per-file-ignores=pages/*.py:PKL101",
        "--stdin-display-name=pages/app.py",
        "-",
        stdin=APP,
    )
    assert codes(result.stdout) == ["PKL104"]


def test_parallel_jobs_report_the_same_as_one(project: Path) -> None:
    for number in range(6):
        (project / f"page_{number}.py").write_text(APP if number % 2 else CLEAN)
    (project / "unanalysable.py").write_text(UNANALYSABLE)
    files = sorted(path.name for path in project.glob("*.py"))
    one = flake8(project, "--jobs=1", *files)
    two = flake8(project, "--jobs=2", *files)
    assert one.returncode == two.returncode == 1
    assert sorted(reports(two.stdout)) == sorted(reports(one.stdout))
    assert {path for path, *_ in reports(one.stdout)} == {
        "app.py",
        "page_1.py",
        "page_3.py",
        "page_5.py",
        "unanalysable.py",
    }
    assert ("unanalysable.py", 2, 1, "PKL000") in reports(one.stdout)


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), ["PKL101", "PKL104"]),
        (("--select=PKL",), ["PKL101", "PKL104"]),
        (("--select=PKL104",), ["PKL104"]),
        (("--select=E,F,W",), []),
        (("--select=E,F,W", "--extend-select=PKL"), ["PKL101", "PKL104"]),
        (("--select=E,F,W", "--extend-select=PKL1"), ["PKL101", "PKL104"]),
        (("--ignore=PKL101",), ["PKL104"]),
        (("--extend-ignore=PKL104",), ["PKL101"]),
        (("--extend-ignore=PKL",), []),
        (("--select=PKL", "--ignore=PKL1"), []),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else None,
)
def test_code_selection_on_the_command_line(
    project: Path, args: tuple[str, ...], expected: list[str]
) -> None:
    result = flake8(project, *args, "app.py")
    assert codes(result.stdout) == expected
    assert result.returncode == (1 if expected else 0)


CONFIG_FILES = ["setup.cfg", "tox.ini", ".flake8"]


@pytest.mark.parametrize("config_file", CONFIG_FILES)
@pytest.mark.parametrize(
    "settings, expected",
    [
        ("select = E,F,W", {}),
        (
            "select = E,F,W\nextend-select = PKL",
            {"app.py": ["PKL101", "PKL104"], "legacy/old.py": ["PKL101", "PKL104"]},
        ),
        ("extend-ignore = PKL101", {"app.py": ["PKL104"], "legacy/old.py": ["PKL104"]}),
        (
            "per-file-ignores =\n    legacy/*.py: PKL\n    app.py: PKL104",
            {"app.py": ["PKL101"]},
        ),
    ],
    ids=["select drops PKL", "extend-select keeps it", "extend-ignore", "per-file-ignores"],
)
def test_code_selection_in_config_files(
    project: Path, config_file: str, settings: str, expected: dict[str, list[str]]
) -> None:
    (project / "legacy").mkdir()
    (project / "legacy" / "old.py").write_text(APP)
    (project / config_file).write_text(f"[flake8]\n{settings}\n")
    result = flake8(project, "app.py", "legacy/old.py", "clean.py", isolated=False)
    found: dict[str, list[str]] = {}
    for path, *_, code in reports(result.stdout):
        found.setdefault(path, []).append(code)
    assert found == expected


@pytest.mark.parametrize(
    "comment, expected",
    [
        ("", ["PKL101", "PKL104"]),
        ("  # noqa", ["PKL104"]),
        ("  # noqa: PKL101", ["PKL104"]),
        ("  # noqa:PKL101,E501", ["PKL104"]),
        ("  # NOQA: PKL1", ["PKL104"]),
        ("  # noqa: E501", ["PKL101", "PKL104"]),
        ("  # noqa: PKL104", ["PKL101", "PKL104"]),
    ],
)
def test_noqa_comments(tmp_path: Path, comment: str, expected: list[str]) -> None:
    lines = APP.splitlines()
    lines[2] += comment
    (tmp_path / "app.py").write_text("\n".join(lines) + "\n")
    assert codes(flake8(tmp_path, "--select=PKL", "app.py").stdout) == expected


def test_noqa_on_its_line_silences_only_pkl000(tmp_path: Path) -> None:
    source = (
        "import os\n" + APP + "(a): int = int(input())  # noqa: PKL000\nst.session_state.a = a\n"
    )
    (tmp_path / "app.py").write_text(source)
    found = codes(flake8(tmp_path, "--select=PKL,F", "app.py").stdout)
    assert sorted(found) == ["F401", "PKL101", "PKL104"]
    (tmp_path / "app.py").write_text(source.replace("  # noqa: PKL000", ""))
    found = codes(flake8(tmp_path, "--select=PKL,F", "app.py").stdout)
    assert sorted(found) == ["F401", "PKL000", "PKL101", "PKL104"]


def test_a_file_wide_flake8_noqa_skips_every_check(tmp_path: Path) -> None:
    """What docs/integrations.md warns about."""
    (tmp_path / "app.py").write_text("# flake8: noqa: PKL000\nimport os\n" + APP)
    result = flake8(tmp_path, "--select=PKL,F", "app.py")
    assert (result.returncode, result.stdout) == (0, "")


def test_format_default(project: Path) -> None:
    result = flake8(project, "--select=PKL", "--format=default", "app.py", "clean.py")
    assert reports(result.stdout) == [("app.py", *report) for report in APP_REPORTS]
    assert "lambda stored in st.session_state.handler cannot be pickled" in result.stdout


def test_format_pylint(project: Path) -> None:
    result = flake8(project, "--select=PKL", "--format=pylint", "app.py", "clean.py")
    lines = result.stdout.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["app.py:3:", "[PKL101]"],
        ["app.py:4:", "[PKL104]"],
    ]
    assert lines[1].endswith("store the path or the contents and reopen when needed")


def test_format_quiet_filename(project: Path) -> None:
    (project / "other.py").write_text(APP)
    result = flake8(project, "--select=PKL", "--format=quiet-filename", ".")
    assert result.returncode == 1
    assert sorted(result.stdout.split()) == ["./app.py", "./other.py"]


# The snippets of docs/integrations.md.


def snippets(language: str, page: Path = DOC) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", page.read_text(), re.MULTILINE | re.DOTALL)


def snippet_with(language: str, text: str) -> str:
    (snippet,) = [snippet for snippet in snippets(language) if text in snippet]
    return snippet


def test_the_doc_has_its_snippets() -> None:
    assert len(snippets("ini")) == 2
    assert len(snippets("yaml")) == 7
    assert len(snippets("json")) == 1
    assert len(snippets("toml")) == 2
    assert len(snippets("sh")) == 1


@pytest.mark.parametrize("config_file", CONFIG_FILES)
@pytest.mark.parametrize("snippet", snippets("ini"), ids=["extend-select", "per-file-ignores"])
def test_the_doc_config_snippets(project: Path, config_file: str, snippet: str) -> None:
    for directory in ("tests", "generated"):
        (project / directory).mkdir()
    (project / "tests" / "test_app.py").write_text(APP)
    (project / "generated" / "pages.py").write_text(UNANALYSABLE)
    (project / config_file).write_text(snippet)
    result = flake8(project, "app.py", "tests", "generated", isolated=False)
    found = [(path, code) for path, *_, code in reports(result.stdout)]
    assert ("app.py", "PKL101") in found
    if "per-file-ignores" in snippet:
        assert not any(path.startswith("tests") for path, _ in found)
        assert ("generated/pages.py", "PKL000") not in found
        assert ("generated/pages.py", "PKL101") in found  # the rest of it is checked
    else:
        assert ("tests/test_app.py", "PKL101") in found


def test_the_doc_vs_code_settings(project: Path) -> None:
    (settings,) = snippets("json")
    parsed = json.loads(settings)
    assert parsed["flake8.importStrategy"] == "fromEnvironment"
    (project / "setup.cfg").write_text("[flake8]\nselect = E,F,W\n")
    result = flake8(project, *parsed["flake8.args"], "app.py", isolated=False)
    assert codes(result.stdout) == ["PKL101", "PKL104"]


@pytest.mark.needs_extra("test", "pre_commit")
def test_the_doc_pre_commit_configs_are_valid(tmp_path: Path) -> None:
    configs = [
        snippet
        for page in (DOC, README)
        for snippet in snippets("yaml", page)
        if snippet.startswith("repos:")
    ]
    assert len(configs) == 5
    for number, snippet in enumerate(configs):
        path = tmp_path / f"config_{number}.yaml"
        path.write_text(snippet)
        result = subprocess.run(
            [sys.executable, "-m", "pre_commit", "validate-config", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    hook_ids = re.findall(r"^- id: (.+)$", (ROOT / ".pre-commit-hooks.yaml").read_text(), re.M)
    assert "flake8-session-pickle" in hook_ids
    assert "id: flake8-session-pickle" in configs[0]


@pytest.mark.needs_extra("test", "pre_commit")
def test_the_hook_manifest_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def ci_commands(snippet: str) -> list[str]:
    """The flake8 commands of a CI snippet's ``run:`` steps or ``script:`` lines."""
    lines = re.findall(r"^\s*(?:- run:|-) (flake8 .*)$", snippet, re.MULTILINE)
    return [line for line in lines if line.startswith("flake8 ")]


@pytest.mark.parametrize("ci", ["::error", "script:"], ids=["GitHub Actions", "GitLab CI"])
def test_the_doc_ci_commands_fail_the_job_on_a_report(project: Path, ci: str) -> None:
    snippet = snippet_with("yaml", ci)
    (command,) = ci_commands(snippet)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [*shlex.split(command), "--isolated"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    if ci == "::error":
        assert lines[0].startswith("::error file=./app.py,line=3,col=28::PKL101 lambda stored")
    else:
        assert [line.split(" ")[1] for line in lines] == ["PKL101", "PKL104"]
    (project / "app.py").write_text(CLEAN)
    assert (
        subprocess.run(
            [*shlex.split(command), "--isolated"], cwd=project, env=env, check=False
        ).returncode
        == 0
    )


APP_TEST = """
from streamlit.testing.v1 import AppTest
at = AppTest.from_string("import streamlit as st\\nst.session_state.handler = lambda: 1\\n").run()
print(" | ".join(exception.message for exception in at.exception))
"""


def test_the_doc_streamlit_config_makes_streamlit_refuse_unpicklable_state(tmp_path: Path) -> None:
    snippet = snippet_with("toml", "[runner]")
    tomllib = pytest.importorskip("tomllib")
    assert tomllib.loads(snippet) == {"runner": {"enforceSerializableSessionState": True}}

    def run_app_test() -> str:
        return subprocess.run(
            [sys.executable, "-c", APP_TEST],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert run_app_test() == ""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(snippet)
    message = run_app_test()
    assert "Cannot serialize the value" in message
    assert "'handler'" in message


# pre-commit, for real.


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


NOT_PROJECT_FILES = {".git", "__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache"}


def project_files() -> list[str]:
    """The project's files: git's list in a clone, new files included; in an
    unpacked sdist, which is no git work tree, every file but caches."""
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode == 0 and Path(top.stdout.strip()).resolve() == ROOT.resolve():
        listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        return list(filter(None, listed.split("\0")))
    return [
        path.relative_to(ROOT).as_posix()
        for path in sorted(ROOT.rglob("*"))
        if path.is_file()
        and not NOT_PROJECT_FILES.intersection(path.relative_to(ROOT).parts)
        and not any(part.endswith(".egg-info") for part in path.relative_to(ROOT).parts)
    ]


def snapshot_of_this_project(destination: Path) -> Path:
    """This project's working tree, new files included, as a one-commit git repo:
    ``try-repo`` on the project itself would leave out files not yet tracked."""
    for name in project_files():
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    git(destination, "init", "-q")
    git(destination, "add", "-A")
    git(destination, "commit", "-q", "-m", "snapshot")
    return destination


@pytest.mark.needs_extra("test", "pre_commit")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    hook_repo = snapshot_of_this_project(tmp_path / "hook")
    project = tmp_path / "project"
    project.mkdir()
    (project / "bad.py").write_text(APP)
    (project / "clean.py").write_text(CLEAN)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "app")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def try_repo(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(hook_repo),
                "flake8-session-pickle",
                *args,
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    every_file = try_repo("--all-files")
    assert every_file.returncode == 1, every_file.stdout + every_file.stderr
    reported = [line for line in every_file.stdout.splitlines() if REPORT.match(line)]
    assert [line.split(" ", 2)[:2] for line in reported] == [
        ["bad.py:3:28:", "PKL101"],
        ["bad.py:4:24:", "PKL104"],
    ]
    clean_file = try_repo("--files", "clean.py")
    assert clean_file.returncode == 0, clean_file.stdout + clean_file.stderr
    assert re.search(r"^flake8-session-pickle\.+Passed$", clean_file.stdout, re.MULTILINE)


# Installing, configuration files, ruff, and machine-readable output.

FIXTURES = ROOT / "fixtures"


def test_flake8_version_names_the_plugin(tmp_path: Path) -> None:
    version = " ".join(flake8(tmp_path, "--version").stdout.split())
    assert f"flake8-session-pickle: {metadata.version('flake8-session-pickle')}" in version


def test_no_snippet_installs_the_unreleased_pypi_name() -> None:
    """Until 0.1.0 is on PyPI, every install command in the README and the docs
    names a path or a git requirement (docs/release.md says when this changes)."""
    pages = [README, *(ROOT / "docs").glob("*.md")]
    blocks = [
        block
        for page in pages
        for block in re.findall(r"^```\w*\n(.*?)^```$", page.read_text(), re.M | re.S)
    ]
    installs = [line for block in blocks for line in block.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        for requirement in shlex.split(line.split("pip install", 1)[1]):
            assert not re.match(r"flake8-session-pickle(\[.*\])?([<>=!~].*)?$", requirement), line
        assert "[flake8-session-pickle]" not in line, line
    hooks = [block for block in blocks if "additional_dependencies" in block]
    assert hooks
    for block in hooks:
        assert "additional_dependencies: [flake8-session-pickle]" not in block


@pytest.mark.parametrize(
    "config_file, content, expected",
    [
        ("pyproject.toml", '[tool.flake8]\nselect = "E,F,W"\n', ["PKL101", "PKL104"]),
        (".flake8", "[flake8]\nselect = E,F,W\n", []),
    ],
    ids=["pyproject.toml is not read", ".flake8 is read"],
)
def test_flake8_reads_no_configuration_from_pyproject_toml(
    project: Path, config_file: str, content: str, expected: list[str]
) -> None:
    """What docs/integrations.md says under "Configuration files"."""
    (project / config_file).write_text(content)
    result = flake8(project, "app.py", isolated=False)
    assert codes(result.stdout) == expected


def fixture_reports(*args: str) -> subprocess.CompletedProcess[str]:
    return flake8(ROOT, "--select=PKL", *args, "fixtures")


def default_report_places() -> list[tuple[str, int, int, str]]:
    return sorted(
        (Path(path).name, line, column, code)
        for path, line, column, code in reports(fixture_reports().stdout)
    )


@pytest.mark.needs_extra("test", "flake8_sarif_reporter")
def test_sarif_output_of_the_fixtures() -> None:
    """flake8-sarif, which docs/integrations.md shows for code scanning, gives the
    same reports as the default format."""
    result = fixture_reports("--format=sarif")
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    places = []
    for result_ in run["results"]:
        assert result_["ruleId"] == rule_ids[result_["ruleIndex"]]
        assert result_["message"]["text"]
        (location,) = result_["locations"]
        physical = location["physicalLocation"]
        region = physical["region"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.startswith("fixtures/")
        places.append(
            (Path(uri).name, region["startLine"], region["startColumn"], result_["ruleId"])
        )
    assert sorted(places) == default_report_places()
    assert {code for *_, code in places} >= {"PKL101", "PKL104", "PKL112", "PKL201"}


@pytest.mark.needs_extra("test", "flake8_json_reporter")
def test_json_output_of_the_fixtures() -> None:
    result = fixture_reports("--format=json")
    assert result.returncode == 1
    by_file = json.loads(result.stdout)
    places = sorted(
        (Path(path).name, report["line_number"], report["column_number"], report["code"])
        for path, file_reports in by_file.items()
        for report in file_reports
    )
    assert places == default_report_places()


@pytest.mark.needs_extra("test", "flake8_sarif_reporter")
def test_the_doc_sarif_job_writes_the_file_it_uploads(project: Path) -> None:
    snippet = snippet_with("yaml", "upload-sarif")
    (command,) = ci_commands(snippet)
    uploaded = re.search(r"sarif_file: (\S+)", snippet)
    assert uploaded
    assert command.endswith(f" > {uploaded[1]}")
    assert re.search(r"if: always\(\)\n\s+with:\n\s+sarif_file:", snippet)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    isolated = command.replace("flake8 ", "flake8 --isolated ", 1)
    result = subprocess.run(
        ["bash", "-c", isolated], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (1, "")
    sarif = json.loads((project / uploaded[1]).read_text())
    assert [entry["ruleId"] for entry in sarif["runs"][0]["results"]] == ["PKL101", "PKL104"]


@pytest.mark.needs_extra("dev", "ruff")
def test_the_doc_ruff_setting_keeps_noqa_comments_for_pkl(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP.replace("lambda: 1", "lambda: 1  # noqa: PKL101"))

    def ruff(settings: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / "pyproject.toml").write_text(settings)
        return subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--no-cache", "--select=RUF", "app.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

    without = ruff("")
    assert "PKL101" in without.stdout, without.stdout + without.stderr
    snippet = snippet_with("toml", "external")
    kept = ruff(snippet)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "PKL101" not in kept.stdout + kept.stderr


@pytest.mark.needs_extra("test", "pre_commit")
def test_the_doc_local_hook_runs_the_installed_plugin(tmp_path: Path) -> None:
    snippet = snippet_with("yaml", "repo: local")
    project = tmp_path / "project"
    project.mkdir()
    (project / "bad.py").write_text(APP)
    (project / "clean.py").write_text(CLEAN)
    (project / ".pre-commit-config.yaml").write_text(snippet)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "app")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    reported = [line.split(" ", 2)[:2] for line in result.stdout.splitlines() if REPORT.match(line)]
    assert reported == [["bad.py:3:28:", "PKL101"], ["bad.py:4:24:", "PKL104"]]
