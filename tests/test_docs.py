"""Every public code has its rule page, a fixture that reports it, and a changelog entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_session_pickle.codes import ALL_CODES, UNANALYSABLE_CODE

ROOT = Path(__file__).parent.parent
RULE_SECTIONS = (
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Known limitations",
    "## References",
)


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_has_a_rule_page(code: str) -> None:
    page = (ROOT / "docs" / "rules" / f"{code}.md").read_text()
    assert re.match(rf"# [a-z0-9-]+ \({code}\)\n", page)
    for section in RULE_SECTIONS:
        assert section in page, f"{code}: missing {section}"


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_is_in_the_index_and_the_changelog(code: str) -> None:
    assert f"[{code}](rules/{code}.md)" in (ROOT / "docs" / "index.md").read_text()
    assert f"- {code}:" in (ROOT / "CHANGELOG.md").read_text()


@pytest.mark.parametrize("code", [code for code in ALL_CODES if code != UNANALYSABLE_CODE])
def test_every_code_has_an_annotated_fixture(code: str) -> None:
    annotated = [
        path for path in (ROOT / "fixtures").glob("*.py") if f"# {code}" in path.read_text()
    ]
    assert annotated, f"no fixture line is annotated with {code}"


def test_no_rule_page_without_a_code() -> None:
    pages = {path.stem for path in (ROOT / "docs" / "rules").glob("*.md")}
    assert pages == set(ALL_CODES)
