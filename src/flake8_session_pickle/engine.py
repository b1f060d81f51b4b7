"""The engine: source text in, violations out. It knows nothing of flake8."""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from flake8_session_pickle.codes import unanalysable_message
from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.knowledge.streamlit import STREAMLIT
from flake8_session_pickle.limits import MAX_NODES, TOO_MANY_NODES, Measure
from flake8_session_pickle.project import forget_read_modules
from flake8_session_pickle.selection import Selection, Writers, select
from flake8_session_pickle.settings import DEFAULT_SETTINGS, Settings
from flake8_session_pickle.writers import imported_writers


class InternalError(Exception):
    """The analysis failed on a file; raised instead of PKL000 in strict mode."""


@dataclass(frozen=True, order=True)
class Violation:
    line: int
    """1-based."""
    column: int
    """0-based, in characters."""
    message: str
    """Starts with the code."""

    @property
    def code(self) -> str:
        return self.message.split(" ", 1)[0]


def check_source(
    source: str,
    tree: ast.Module | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    strict: bool = False,
    path: str | Path | None = None,
) -> list[Violation]:
    """Report the unpicklable values ``source`` writes into session state or
    returns from ``st.cache_data`` functions.

    ``tree`` is Python's own parse of ``source`` when the caller has one. A file
    Python cannot parse gets nothing (flake8 reports it as E999); a file Python
    parses but the analysis cannot handle gets one PKL000 at line 1, for one of
    the reasons the PKL000 page lists. Any other failure is an internal error:
    PKL000 too, since an exception would abort the user's whole lint run, or,
    with ``strict``, :class:`InternalError`, so that tests can see it.

    ``path``, where the file is on disk, lets the analysis read the app's own
    modules it imports (never importing them).
    """
    gated = any(word in source for word in settings.gate_words)
    # A file without a gate word may still call the app's functions that store
    # into session state: a page or module of a Streamlit app, which names it.
    if not gated and (path is None or STREAMLIT not in source):
        return []
    if tree is None:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []
    try:
        on_disk = _on_disk(path)
        imported = Writers()
        if on_disk is not None:
            imported = imported_writers(tree, on_disk, settings.sinks, settings.gate_words)
        # a call giving a function a sink's object names the sink: the file is gated
        if not gated and not imported.values:
            return []
        return _check(tree, source, settings, on_disk, imported)
    except Exception as error:
        if strict:
            raise InternalError(f"{type(error).__name__}: {error}") from error
        if isinstance(error, RecursionError):
            return [_unanalysable("it is nested too deeply for the analysis")]
        return [_unanalysable(f"internal error {type(error).__name__}: {error}")]
    finally:
        forget_read_modules()


def _on_disk(path: str | Path | None) -> Path | None:
    if path is None:
        return None
    found = Path(path)
    return found.resolve() if found.is_file() else None


def _check(
    tree: ast.Module,
    source: str,
    settings: Settings,
    path: Path | None = None,
    imported: Writers | None = None,
) -> list[Violation]:
    with paused_garbage_collection():
        selection = select(tree, source, settings.sinks, imported or Writers())
        if selection is None:
            return []
        # A unit of statements beyond libcst's limits costs only itself, and what
        # depends on the names it binds; only a file too large as a whole is not
        # checked at all.
        measure = Measure(source, selection.lines)
        kept = []
        refused = []
        for unit in selection.units:
            reason = measure.run(
                ast.Module(body=list(unit.statements), type_ignores=[]), unit.left_out
            )
            if reason is None:
                kept.append(unit)
            else:
                refused.append(_unanalysable(reason, unit.first_line))
        if measure.nodes > MAX_NODES:
            return [_unanalysable(TOO_MANY_NODES)]
        checked = analyse(tree, source, replace(selection, units=tuple(kept)), settings, path)
        return sorted(refused + checked)


@contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """Pause Python's cycle collector while one file is checked. The file's trees
    are millions of objects in a large file, and each full collection walks all
    of them, so collections during the check grow faster than the file; what
    the check leaves behind is collected once it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_FROZEN: list[bool] = []


def _freeze_once() -> None:
    """Once per process, after libcst and the analysis are imported, move every
    object the cycle collector tracks out of its reach. Their modules' objects
    (some 20,000 classes, functions and tables) live as long as the process, yet
    every full collection of the lint run would walk them again, which doubled
    the time flake8 spends collecting. What else is alive at that moment, the
    file being checked, is freed as usual when no longer referenced, unless it
    is part of a reference cycle."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.freeze()


def analyse(
    tree: ast.Module,
    source: str,
    selection: Selection,
    settings: Settings,
    path: Path | None = None,
) -> list[Violation]:
    """Parse the selected units of ``source`` with libcst and analyse them, without
    the size and depth limits that :func:`check_source` applies first. ``path``:
    the file's resolved path on disk."""
    # Importing libcst takes a quarter of a second: only a run that meets a file
    # which may hold a finding pays for it.
    import libcst as cst

    from flake8_session_pickle.analysis import Analysis
    from flake8_session_pickle.parsing import parse_units
    from flake8_session_pickle.positions import UnitPositions

    _freeze_once()
    units = []
    refused = []
    for unit, parsed in zip(selection.units, parse_units(selection.units), strict=True):
        if isinstance(parsed, cst.ParserSyntaxError):
            reason = f"libcst cannot parse it ({_first_line(parsed.message)})"
            refused.append(_unanalysable(reason, unit.first_line))
        else:
            units.append(parsed)
    facts = FileFacts(tree, source, selection.module_names)
    analysis = Analysis(
        facts,
        settings.knowledge,
        settings.sinks,
        path,
        selection.writers,
        selection.constant_writes,
        selection.dict_writes,
        selection.follows_uses,
    )
    findings = analysis.run(statement for unit in units for statement in unit.body)
    positions = UnitPositions(units)
    return sorted(
        {
            *refused,
            *(
                Violation(*positions.start(finding.anchor, finding.statement), finding.message)
                for finding in findings
            ),
        }
    )


def _unanalysable(reason: str, line: int | None = None) -> Violation:
    """PKL000 for the file, at line 1, or for the statement at ``line``."""
    if line is None:
        return Violation(1, 0, unanalysable_message(reason))
    return Violation(line, 0, unanalysable_message(reason, "statement"))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "no detail"
