"""Every public code has its rule page, a fixture that reports it, and a changelog entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from strict import check

from flake8_session_pickle.codes import ALL_CODES, UNANALYSABLE_CODE

ROOT = Path(__file__).parent.parent
RULES = ROOT / "src" / "flake8_session_pickle" / "rules"
RULE_SECTIONS = (
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Known limitations",
    "## References",
)


def page_name(code: str) -> str:
    """Session-state codes have a page each; the st.cache_data family shares one."""
    return "PKL2xx" if code.startswith("PKL2") else code


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_has_a_rule_page(code: str) -> None:
    page = (RULES / f"{page_name(code)}.md").read_text()
    assert re.match(rf"# [a-z0-9-]+ \({page_name(code)}\)\n", page)
    for section in RULE_SECTIONS:
        assert section in page, f"{code}: missing {section}"
    if page_name(code) != code:
        assert f"| {code} |" in page, f"{code}: no row in the family page"


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_is_in_the_index_and_the_changelog(code: str) -> None:
    assert (
        f"[{code}](../src/flake8_session_pickle/rules/{page_name(code)}.md)"
        in (ROOT / "docs" / "index.md").read_text()
    )
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert re.search(rf"^- [^:]*\b{code}\b[^:]*:", changelog, re.M), f"{code} not in the changelog"


@pytest.mark.parametrize("code", [code for code in ALL_CODES if code != UNANALYSABLE_CODE])
def test_every_code_has_an_annotated_fixture(code: str) -> None:
    annotated = [
        path for path in (ROOT / "fixtures").glob("*.py") if f"# {code}" in path.read_text()
    ]
    assert annotated, f"no fixture line is annotated with {code}"


def test_no_rule_page_without_a_code() -> None:
    pages = {path.stem for path in RULES.glob("*.md")}
    assert pages == {page_name(code) for code in ALL_CODES}


def code_blocks(page: str, section: str) -> list[str]:
    """The Python code blocks of a section of a rule page."""
    body = page.split(f"{section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", body, re.S)


PAGES = sorted({page_name(code) for code in ALL_CODES})


@pytest.mark.parametrize("page_code", PAGES)
def test_a_rule_page_example_is_reported_with_its_code_and_its_fix_is_not(page_code: str) -> None:
    page = (RULES / f"{page_code}.md").read_text()
    examples = code_blocks(page, "## Example")
    fixes = code_blocks(page, "## Use instead")
    assert examples and fixes, f"{page_code}: an example and a fix, each a python block"
    family = page_code.removesuffix("xx")
    for example in examples:
        codes = {violation.code for violation in check(example)}
        assert codes and all(code.startswith(family) for code in codes), (page_code, codes)
    for fix in fixes:
        assert check(fix) == [], page_code


MARKDOWN = sorted(
    [ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").glob("*.md"), *RULES.glob("*.md")]
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", MARKDOWN, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    for target in LINK.findall(page.read_text()):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.exists(), f"{page.relative_to(ROOT)} links to a missing {target}"
