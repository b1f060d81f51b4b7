"""Every fixture, run through real flake8, reports exactly the codes annotated on its lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
ANNOTATION = re.compile(r"#\s*(PKL\d{3}(?:[ ,]+PKL\d{3})*)\s*$", re.MULTILINE)
REPORT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>PKL\d{3}) ")


def annotated(path: Path) -> set[tuple[int, str]]:
    expected: set[tuple[int, str]] = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = ANNOTATION.search(line)
        if match:
            expected.update((number, code) for code in re.findall(r"PKL\d{3}", match.group(1)))
    return expected


def flake8(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PKL", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def reports(output: str) -> dict[str, set[tuple[int, str]]]:
    found: dict[str, set[tuple[int, str]]] = {}
    for line in output.splitlines():
        match = REPORT.match(line)
        assert match, f"unexpected flake8 output: {line!r}"
        found.setdefault(Path(match["path"]).name, set()).add((int(match["line"]), match["code"]))
    return found


@pytest.fixture(scope="module")
def fixture_reports() -> dict[str, set[tuple[int, str]]]:
    result = flake8(*map(str, FIXTURE_FILES))
    assert result.stderr == ""
    return reports(result.stdout)


def test_there_are_fixtures() -> None:
    assert len(FIXTURE_FILES) >= 6
    assert (FIXTURES / "clean_app.py") in FIXTURE_FILES


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda path: path.name)
def test_fixture_reports_exactly_its_annotations(
    path: Path, fixture_reports: dict[str, set[tuple[int, str]]]
) -> None:
    assert fixture_reports.get(path.name, set()) == annotated(path)


def test_clean_app_has_no_annotations() -> None:
    assert annotated(FIXTURES / "clean_app.py") == set()


@pytest.mark.parametrize(
    "path", [p for p in FIXTURE_FILES if annotated(p)], ids=lambda path: path.name
)
def test_noqa_on_annotated_lines_silences_the_fixture(path: Path, tmp_path: Path) -> None:
    silenced = tmp_path / path.name
    silenced.write_text(ANNOTATION.sub(r"# noqa: \1", path.read_text()))
    result = flake8(str(silenced))
    assert (result.stdout, result.stderr) == ("", "")
    assert result.returncode == 0


def test_extend_ignore_pkl2_switches_the_cache_data_checks_off() -> None:
    path = FIXTURES / "pkl2xx_cache_data.py"
    assert {code for _, code in annotated(path)} >= {"PKL201", "PKL206", "PKL211"}
    result = flake8("--extend-ignore=PKL2", str(path))
    assert (result.stdout, result.returncode) == ("", 0)
    both = flake8("--extend-ignore=PKL2", str(FIXTURES / "pkl101_lambda.py"))
    assert "PKL101" in both.stdout


def test_the_plugin_passes_its_own_lint() -> None:
    root = FIXTURES.parent
    result = flake8(*(str(root / part) for part in ("src", "tests", "benchmarks", "scripts")))
    assert (result.stdout, result.stderr, result.returncode) == ("", "", 0)
