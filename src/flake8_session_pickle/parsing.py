"""libcst's parse of the selected statements, short units together and long
ones in pieces, without checking the nodes it builds.

libcst's native parser holds some 20 to 40 KiB for each line of the text it
parses until it is done, and the memory it took stays with the process: the
peak memory of a lint run is set by the largest text parsed at once. A unit of
selected statements longer than :data:`MAX_PIECE_LINES` is therefore parsed in
pieces: a compound statement as its headers, with ``pass`` for each block, and
each block's statements on their own, dedented, then put in their blocks; the
statements of a block in runs of lines no longer than that. The tree is the
one a parse of the whole would give, but for the comments and blank lines
between pieces, which the analysis does not read; where each node is in the
file comes from the piece that holds it (:class:`ParsedUnit`). A compound
statement is parsed whole where a line of a block is not indented as the
block's statements are (a comment, or a line continued with a backslash), or
where its blocks do not each begin a line of their own. The lines of a string
literal after its first are given as they are, not dedented, since they are
the string's text; the positions of what begins on them (what follows the
string on its last line, an f-string's expressions) are not offset. Each
line of a unit ends in a line feed (the selection sees to it), so that lines
set beside each other stay as many.

Parsing without checks:

Every libcst node checks itself when it is made: ``CSTNode.__post_init__`` calls
``_validate``. libcst's parser makes its nodes through the same constructors, so
each node of a parsed tree is checked, although a tree made from source that
Python's own parser accepted (every file the plugin parses) is valid by
construction; libcst's own comment on that method notes the cost. The checks
take an eighth of the parse. While the plugin parses, and puts pieces together,
that method is replaced by one that does nothing, only where it is still
libcst's own and does nothing but check; nodes made at any other time are
checked as usual.
"""

from __future__ import annotations

import ast
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst

from flake8_session_pickle.limits import LINE
from flake8_session_pickle.selection import (
    Unit,
    compound_blocks,
    elif_clauses,
    first_line,
    line_break,
    line_groups,
)

MAX_PIECE_LINES = 20
"""Non-blank lines given to libcst at once where the statements allow: under a
megabyte of its parser's memory."""

_CHECK = cst.CSTNode.__post_init__
_ONLY_CHECKS = _CHECK.__code__.co_names == ("_validate",)


def _unchecked(self: cst.CSTNode) -> None:
    pass


@contextmanager
def without_checks() -> Iterator[None]:
    """Nodes made within are not checked. Setting the hook costs Python a
    revision of every node class, so a caller parsing many texts sets it once."""
    if not _ONLY_CHECKS or cst.CSTNode.__post_init__ is not _CHECK:
        yield
        return
    cst.CSTNode.__post_init__ = _unchecked  # type: ignore[method-assign]
    try:
        yield
    finally:
        cst.CSTNode.__post_init__ = _CHECK  # type: ignore[method-assign]


@dataclass(frozen=True)
class Piece:
    """A text libcst parsed: a run of statements, or a compound statement's headers."""

    module: cst.Module
    lines: Sequence[int]
    """The file's line of each line of the text, from 1."""
    column: int
    """The characters each line of the text lost to dedenting."""
    verbatim: frozenset[int] = frozenset()
    """The file's lines in the text within a string literal, which were not
    dedented."""


@dataclass
class ParsedUnit:
    body: Sequence[cst.BaseStatement] = ()
    pieces: list[Piece] = field(default_factory=list)
    rebuilt: dict[int, cst.CSTNode] = field(default_factory=dict)
    """By ``id``, each node made in putting pieces together (a compound
    statement, its clauses and its blocks), with the node of a piece it stands for."""

    def original(self, node: cst.CSTNode) -> cst.CSTNode:
        """The node of a piece that ``node`` is or stands for."""
        return self.rebuilt.get(id(node), node)


def parse_units(units: Sequence[Unit]) -> list[ParsedUnit | cst.ParserSyntaxError]:
    """Each unit's statements, or libcst's refusal of them. Units short enough
    are parsed together, one after the other, in texts of at most
    :data:`MAX_PIECE_LINES` non-blank lines: each parse costs libcst a pass
    over the text to read its configuration and a start of its parser, which
    was a tenth of the time it spent on the short units of app pages."""
    parsed: list[ParsedUnit | cst.ParserSyntaxError] = []
    batch: list[Unit] = []
    size = 0
    with without_checks():
        for unit in units:
            lines = sum(1 for line in LINE.findall(unit.text) if line.strip())
            if batch and size + lines > MAX_PIECE_LINES:
                parsed.extend(_parsed_together(batch))
                batch, size = [], 0
            batch.append(unit)
            size += lines
        parsed.extend(_parsed_together(batch))
    return parsed


def _parsed_together(units: list[Unit]) -> list[ParsedUnit | cst.ParserSyntaxError]:
    if len(units) > 1:
        try:
            module = cst.parse_module("".join(unit.text for unit in units))
        except cst.ParserSyntaxError:
            pass  # parsed one by one, so that only the unit at fault is refused
        else:
            # A unit is the statements that share lines: one of libcst's.
            if len(module.body) == len(units) and not module.header:
                return [
                    _alone(unit, statement, module)
                    for unit, statement in zip(units, module.body, strict=True)
                ]
    results: list[ParsedUnit | cst.ParserSyntaxError] = []
    for unit in units:
        try:
            results.append(parse_unit(unit))
        except cst.ParserSyntaxError as error:
            results.append(error)
    return results


def _alone(unit: Unit, statement: cst.BaseStatement, parsed: cst.Module) -> ParsedUnit:
    """A statement of a text of several units, as a unit parsed on its own. No
    unit holds a line of nothing but blanks or a comment outside a string, so
    nothing stands before the statement, and its module's lines are the unit's."""
    module = parsed.with_changes(body=(statement,), header=(), footer=())
    return ParsedUnit((statement,), [Piece(module, unit.lines, 0)])


class _Unsplit(Exception):
    """The statement cannot be parsed in pieces: it is parsed whole."""


def parse_unit(unit: Unit) -> ParsedUnit:
    """The unit's statements, parsed in pieces where it is long. Raises
    ``libcst.ParserSyntaxError`` where libcst cannot parse the unit whole."""
    lines = LINE.findall(unit.text)
    if lines and not lines[-1]:
        lines.pop()
    parsed = ParsedUnit()
    with without_checks():
        if sum(1 for line in lines if line.strip()) <= MAX_PIECE_LINES:
            module = cst.parse_module(unit.text)
            parsed.body = module.body
            parsed.pieces.append(Piece(module, unit.lines, 0))
        else:
            try:
                parsed.body = _Pieces(unit, lines, parsed).run(list(unit.statements), "")
            except cst.ParserSyntaxError:
                # Not expected of pieces of valid source, but a unit that
                # parses whole is never refused for its pieces.
                module = cst.parse_module(unit.text)
                parsed = ParsedUnit(module.body, [Piece(module, unit.lines, 0)])
    return parsed


class _Pieces:
    def __init__(self, unit: Unit, lines: list[str], parsed: ParsedUnit) -> None:
        self._lines = lines
        self._numbers = unit.lines
        # The file's lines as the selection's helpers read them, from line 1; the
        # lines of what is left out are blank.
        last = max(statement.end_lineno or unit.first_line for statement in unit.statements)
        self._file_lines = [""] * last
        for number, line in zip(unit.lines, lines, strict=True):
            self._file_lines[number - 1] = line
        self._parsed = parsed
        self._verbatim = {
            index for index, number in enumerate(unit.lines) if number in unit.within_strings
        }
        """The lines (by index) within a string literal after its first, whose
        text is the string's and is never dedented."""

    def run(self, statements: list[ast.stmt], indent: str) -> list[cst.BaseStatement]:
        """``statements``, of one block (or the unit) indented by ``indent``, in runs
        of lines of at most :data:`MAX_PIECE_LINES`, a longer compound statement
        in pieces of its own."""
        body: list[cst.BaseStatement] = []
        run: list[tuple[int, int]] = []
        size = 0
        for group in line_groups(statements, self._file_lines):
            members = [statements[index] for index in group]
            span = self._span(members)
            lines = sum(1 for line in self._lines[span[0] : span[1]] if line.strip())
            if run and size + lines > MAX_PIECE_LINES:
                body.extend(self._piece(run[0][0], run[-1][1], indent))
                run, size = [], 0
            if lines > MAX_PIECE_LINES and len(members) == 1:
                pieces_before = len(self._parsed.pieces)
                try:
                    body.append(self._compound(members[0], indent))
                    continue
                except _Unsplit:
                    del self._parsed.pieces[pieces_before:]
            run.append(span)
            size += lines
        if run:
            body.extend(self._piece(run[0][0], run[-1][1], indent))
        return body

    def _compound(self, statement: ast.stmt, indent: str) -> cst.BaseStatement:
        """A compound statement: its headers with ``pass`` in each block, and the
        statements of each block parsed apart and put in their blocks."""
        clauses = elif_clauses(statement, self._file_lines) if isinstance(statement, ast.If) else []
        blocks = compound_blocks(statement, clauses, self._file_lines)
        if blocks is None:
            raise _Unsplit
        start, end = self._span([statement])
        headers: list[int] = []
        block_spans = []
        for block in blocks:
            block_start, block_end = self._span(block)
            block_indent = self._indent(block)
            if len(block_indent) <= len(indent) or not block_indent.startswith(indent):
                raise _Unsplit
            if self._dedent(range(block_start, block_end), block_indent) is None:
                raise _Unsplit
            headers.extend(range(start, block_start + 1))
            start = block_end
            block_spans.append((block, block_indent, block_start))
        headers.extend(range(start, end))
        passes = {block_start: block_indent for _, block_indent, block_start in block_spans}
        text = self._dedent(headers, indent, passes)
        if text is None:
            raise _Unsplit
        skeleton = self._parsed_text(text, headers, indent)
        if len(skeleton) != 1:
            raise _Unsplit
        bodies = [self.run(block, block_indent) for block, block_indent, _ in block_spans]
        remaining = iter(bodies)
        filled = self._fill(skeleton[0], remaining)
        if next(remaining, None) is not None or not isinstance(filled, cst.BaseCompoundStatement):
            raise _Unsplit
        return filled

    def _fill(self, node: cst.CSTNode, bodies: Iterator[list[cst.BaseStatement]]) -> cst.CSTNode:
        """``node`` with the statements of its blocks, in source order, from ``bodies``."""
        changes: dict[str, object] = {}
        block = getattr(node, "body", None)
        body = next(bodies, None)
        if not isinstance(block, cst.IndentedBlock) or body is None:
            raise _Unsplit
        changes["body"] = self._made(block, block.with_changes(body=body))
        handlers = getattr(node, "handlers", ())
        if handlers:
            changes["handlers"] = tuple(self._fill(handler, bodies) for handler in handlers)
        for name in ("orelse", "finalbody"):
            clause = getattr(node, name, None)
            if clause is not None:
                changes[name] = self._fill(clause, bodies)
        return self._made(node, node.with_changes(**changes))

    def _made(self, original: cst.CSTNode, made: cst.CSTNode) -> cst.CSTNode:
        self._parsed.rebuilt[id(made)] = self._parsed.original(original)
        return made

    def _span(self, statements: list[ast.stmt]) -> tuple[int, int]:
        """Where the lines of ``statements`` are in the unit's text: from, to (past)."""
        first = first_line(statements[0])
        last = max(statement.end_lineno or first for statement in statements)
        return self._indexes(first, last)

    def _indexes(self, first: int, last: int) -> tuple[int, int]:
        """Where the file's lines ``first`` to ``last`` are in the unit's text:
        from, to (past)."""
        return bisect_left(self._numbers, first), bisect_right(self._numbers, last)

    def _indent(self, block: list[ast.stmt]) -> str:
        """The indentation of the block's statements, read from the first line of
        the first that is not left out (or of the ``pass`` that stands for them)."""
        for statement in block:
            number = first_line(statement)
            index = bisect_left(self._numbers, number)
            if index < len(self._numbers) and self._numbers[index] == number:
                line = self._lines[index]
                return line[: len(line) - len(line.lstrip(" \t"))]
        return ""

    def _piece(self, start: int, end: int, indent: str) -> list[cst.BaseStatement]:
        text = self._dedent(range(start, end), indent)
        if text is None:
            raise _Unsplit
        return self._parsed_text(text, range(start, end), indent)

    def _parsed_text(
        self, text: str, indexes: Sequence[int], indent: str
    ) -> list[cst.BaseStatement]:
        """libcst's parse of ``text``, made of the lines at ``indexes`` less
        ``indent``, kept as a piece."""
        module = cst.parse_module(text)
        numbers = [self._numbers[index] for index in indexes]
        verbatim = frozenset(self._numbers[index] for index in indexes if index in self._verbatim)
        self._parsed.pieces.append(Piece(module, numbers, len(indent), verbatim))
        return list(module.body)

    def _dedent(
        self, indexes: Sequence[int], indent: str, passes: Mapping[int, str] | None = None
    ) -> str | None:
        """The lines at ``indexes`` less ``indent`` at their start (``pass``, with
        the indentation given, for those in ``passes``), but for the lines within
        string literals; None where another line that is not blank does not
        start with ``indent``."""
        dedented = []
        for index in indexes:
            line = self._lines[index]
            if passes and index in passes:
                dedented.append(f"{passes[index][len(indent) :]}pass{line_break(line)}")
            elif index in self._verbatim:
                dedented.append(line)
            elif line.startswith(indent):
                dedented.append(line[len(indent) :])
            elif line.strip():
                return None
            else:
                dedented.append(line_break(line))
        return "".join(dedented)
