"""Measure the reports against verified sites of a real-app collection.

Usage: python scripts/accuracy.py CORPUS [TRUTH] [--split SPLIT] [--misses] [--without OWNER/NAME]

SPLIT is one of tune, holdout, fresh and fresh2 to fresh6.

CORPUS holds one folder per repository (``owner+name``), checked out outside
this project, at the commits of ``accuracy/manifest.tsv``. TRUTH (by default
``accuracy/truth.tsv``) is a tab-separated file with a header and, per site, the
columns ``repo`` (``owner/name``), ``split``, ``file`` (within the repository),
``line`` (of the statement storing the value), ``sink`` and ``verdict``
(``refused``, ``pickles`` or ``unknown``), each verdict verified by pickling the
object or running the app under Streamlit's check. Every ``.py`` file of each
repository is checked the way flake8 run from the repository's folder checks it
(read as text, never imported; the app's own modules followed), and each
verified site counts as reported when a report other than PKL000 stands within the
statement. Prints, per split: refused sites and how many are reported (recall),
picklable sites and how many are reported (false reports), and the reports at
lines no site is verified for.
"""

from __future__ import annotations

import argparse
import ast
import csv
import os
import sys
from collections import Counter
from pathlib import Path

from flake8_session_pickle import check_source
from flake8_session_pickle.engine import InternalError

Site = tuple[str, str, int]
"""A repository, a file in it, a line."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument(
        "truth",
        type=Path,
        nargs="?",
        default=Path(__file__).parent.parent / "accuracy" / "truth.tsv",
    )
    parser.add_argument(
        "--split",
        choices=("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6"),
    )
    parser.add_argument("--misses", action="store_true", help="list refused sites not reported")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="OWNER/NAME",
        help="leave a repository out (one the collection's rules should have kept out)",
    )
    args = parser.parse_args()
    with args.truth.open(newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle, delimiter="\t")
            if (args.split is None or row["split"] == args.split)
            and row["repo"] not in args.without
        ]
    verdicts: dict[Site, str] = {}
    splits: dict[Site, str] = {}
    for row in rows:
        site = (row["repo"], row["file"], int(row["line"]))
        verdicts[site] = row["verdict"]
        splits[site] = row["split"]
    repos = sorted({repo for repo, _, _ in verdicts})
    reported = reports(args.corpus, repos)
    for split in sorted(set(splits.values())):
        summary(split, verdicts, splits, reported, args.misses)
    return 0


def reports(corpus: Path, repos: list[str]) -> dict[Site, list[str]]:
    """Every report in the repositories, by site, the way flake8 run from each
    repository's folder gives it."""
    found: dict[Site, list[str]] = {}
    start = Path.cwd()
    for repo in repos:
        folder = corpus / repo.replace("/", "+")
        os.chdir(folder)
        try:
            for path in sorted(folder.rglob("*.py")):
                if not path.is_file():
                    continue  # a folder named like a module
                source = path.read_text(encoding="utf-8", errors="replace")
                relative = path.relative_to(folder).as_posix()
                try:
                    violations = check_source(source, path=path, strict=True)
                except InternalError as error:
                    print(f"internal error in {repo}/{relative}: {error}", file=sys.stderr)
                    continue
                starts = _statement_starts(source)
                for violation in violations:
                    if violation.code != "PKL000":
                        line = starts.get(violation.line, violation.line)
                        site = (repo, relative, line)
                        found.setdefault(site, []).append(violation.message)
        finally:
            os.chdir(start)
    return found


def _statement_starts(source: str) -> dict[int, int]:
    """For each line, the first line of the innermost statement that spans it:
    sites are verified by the line a statement starts at, reports stand where
    the value is written."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return {}
    starts: dict[int, int] = {}
    # Outer statements first, so that inner ones overwrite the lines they span.
    for node in sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.stmt)),
        key=lambda node: (node.lineno, -(node.end_lineno or node.lineno)),
    ):
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
            starts[line] = node.lineno
    return starts


def summary(
    split: str,
    verdicts: dict[Site, str],
    splits: dict[Site, str],
    reported: dict[Site, list[str]],
    misses: bool,
) -> None:
    sites = [site for site in verdicts if splits[site] == split]
    counts = Counter(verdicts[site] for site in sites)
    hits = [site for site in sites if verdicts[site] == "refused" and site in reported]
    false = [site for site in sites if verdicts[site] == "pickles" and site in reported]
    repos = {repo for repo, _, _ in sites}
    unverified = [site for site in reported if site[0] in repos and site not in verdicts]
    refused = counts["refused"]
    print(f"{split}: {len(sites)} verified sites in {len(repos)} repositories")
    print(
        f"  refused {refused}, reported {len(hits)}"
        f" ({100 * len(hits) / refused if refused else 0:.0f} %)"
    )
    print(f"  picklable {counts['pickles']}, reported {len(false)}")
    print(f"  unknown {counts['unknown']}")
    print(f"  reports at lines with no verified site: {len(unverified)}")
    for site in false:
        print(f"  false report {site}: {reported[site][0][:160]}")
    if misses:
        for site in sites:
            if verdicts[site] == "refused" and site not in reported:
                print(f"  missed {site}")
    for site in unverified:
        print(f"  unverified {site}: {reported[site][0][:160]}")


if __name__ == "__main__":
    sys.exit(main())
