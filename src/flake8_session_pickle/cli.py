"""The ``flake8-session-pickle`` command: the codes and their rule pages, offline.

``flake8-session-pickle --list`` prints every code with its name and what it
reports; ``flake8-session-pickle explain PKL104`` prints the rule page of a code
(a ``PKL2NN`` code prints the page of its family). The pages ship inside the
package, so what is printed matches the installed version. The command never
loads the analysis (nor libcst): it reads the codes and the pages only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources

from flake8_session_pickle.codes import (
    ALL_CODES,
    PREFIX,
    UNANALYSABLE_CODE,
    Kind,
    Sink,
    code_for,
    unanalysable_message,
)

DISTRIBUTION = "flake8-session-pickle"
PAGE_TITLE = re.compile(r"# (?P<name>[a-z0-9-]+) \((?P<page>PKL[0-9x]+)\)\n")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    """The rule's name, from the title of its page, e.g. ``open-file-in-session-state``."""
    summary: str
    page: str
    """The page's file name without ``.md``: the code, or ``PKL2xx`` for its family."""


def page_text(page: str) -> str:
    return (
        resources.files("flake8_session_pickle")
        .joinpath("rules", f"{page}.md")
        .read_text(encoding="utf-8")
    )


def page_name(code: str) -> str:
    """Session-state codes have a page each; the st.cache_data family shares one."""
    family = f"{PREFIX}{Sink.CACHE_DATA.value}"
    return f"{family}xx" if code.startswith(family) else code


def rule_name(page: str) -> str:
    match = PAGE_TITLE.match(page_text(page))
    if match is None:
        raise RuntimeError(f"the rule page {page}.md has no '# name ({page})' title")
    return match["name"]


def summaries() -> dict[str, str]:
    """What each code reports, from the messages' own words in ``codes``."""
    found = {UNANALYSABLE_CODE: unanalysable_message("").split(" ", 1)[1].rstrip(": ")}
    for kind in Kind:
        found[code_for(Sink.SESSION_STATE, kind)] = f"{kind.info.name} stored in st.session_state"
        if kind.info.cache_fix is not None:
            found[code_for(Sink.CACHE_DATA, kind)] = (
                f"{kind.info.name} returned by an st.cache_data function"
            )
    return found


def rules() -> list[Rule]:
    summary = summaries()
    return [
        Rule(code, rule_name(page_name(code)), summary[code], page_name(code)) for code in ALL_CODES
    ]


def find(query: str, every_rule: Sequence[Rule]) -> list[Rule]:
    """The rules a code, a family page (``PKL2xx``) or a rule name stands for."""
    wanted = query.strip()
    for key in ("code", "page", "name"):
        found = [rule for rule in every_rule if getattr(rule, key).lower() == wanted.lower()]
        if found:
            return found
    return []


def listing(every_rule: Sequence[Rule]) -> str:
    name_width = max(len(rule.name) for rule in every_rule)
    return "".join(
        f"{rule.code}  {rule.name:<{name_width}}  {rule.summary}\n" for rule in every_rule
    )


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog=DISTRIBUTION,
        description="The codes of the flake8-session-pickle flake8 plugin and their rule pages. "
        "The checks themselves run in flake8: flake8 --select=PKL .",
    )
    command.add_argument(
        "--list", action="store_true", help="list every code with its name and what it reports"
    )
    command.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    subcommands = command.add_subparsers(dest="command", metavar="COMMAND")
    explain = subcommands.add_parser(
        "explain",
        help="print the rule page of a code",
        description="Print the rule page of a code (PKL104), a family (PKL2xx) or a rule name "
        "(open-file-in-session-state).",
    )
    explain.add_argument("code", help="a code such as PKL104, or a rule name")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    command = parser()
    arguments = command.parse_args(argv)
    every_rule = rules()
    if arguments.command == "explain":
        found = find(arguments.code, every_rule)
        if not found:
            print(
                f"{DISTRIBUTION}: unknown code or rule {arguments.code!r}; "
                f"'{DISTRIBUTION} --list' shows them",
                file=sys.stderr,
            )
            return 2
        output = page_text(found[0].page)
    elif arguments.list:
        output = listing(every_rule)
    else:
        command.print_help()
        return 0
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) has gone: send what is left nowhere, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
