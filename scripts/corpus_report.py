"""Run the engine over a folder of Python files and print every report for review.

Usage: python scripts/corpus_report.py FOLDER

Prints the files and lines scanned, how many files mention session state or
st.cache_data, the reports per code, and each report as
``path:line: CODE message`` followed by the reported source line. Files are read
as text and never imported.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from flake8_session_pickle import check_source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.py"))
    lines = 0
    mentioning = 0
    per_code: Counter[str] = Counter()
    reports: list[str] = []
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        source_lines = source.splitlines()
        lines += len(source_lines)
        mentioning += "session_state" in source or "cache_data" in source
        for violation in check_source(source):
            per_code[violation.code] += 1
            shown = source_lines[violation.line - 1].strip() if source_lines else ""
            reports.append(f"{path}:{violation.line}: {violation.message}\n    {shown}")
    print(
        f"files: {len(files)}, lines: {lines:,}, mentioning session state or cache_data: "
        f"{mentioning}"
    )
    for code, count in sorted(per_code.items()):
        print(f"{code}: {count}")
    print(f"reports: {sum(per_code.values())}")
    for report in reports:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
