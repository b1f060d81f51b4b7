"""What a user can configure, and the checks that turn option text into settings.

The user's names go into the same tables as the plugin's own knowledge: a type
(``mylib.Client``), what a callable returns (``mylib.connect()``) or what a
method of a type returns (``mylib.Store.open()``), in the notation of
:mod:`flake8_session_pickle.knowledge.rows`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from flake8_session_pickle.codes import PREFIX, Kind
from flake8_session_pickle.knowledge import Knowledge, default_knowledge, is_producer, rows
from flake8_session_pickle.knowledge.rows import Made, TypeRow
from flake8_session_pickle.knowledge.streamlit import SESSION_STATE

if TYPE_CHECKING:
    from flake8_session_pickle.sinks import Sink

CONFIGURABLE_KINDS = (
    Kind.GENERATOR,
    Kind.OPEN_FILE,
    Kind.SOCKET,
    Kind.DATABASE,
    Kind.CONCURRENCY,
    Kind.INTERPRETER_OBJECT,
    Kind.CLIENT,
)
"""Kinds a user may give a name: those that say what an object is."""

_CODE = re.compile(rf"{PREFIX}[12](\d\d)", re.IGNORECASE)
_FORMS = "'package.Client', 'package.connect()' or 'package.Client.method()'"


class SettingsError(ValueError):
    """An option value that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    session_paths: frozenset[str] = field(default_factory=lambda: frozenset({SESSION_STATE}))
    """Qualified names of objects that are Streamlit's session state."""
    unpicklable: tuple[tuple[str, Kind], ...] = ()
    """Types, callables' results and methods' results that pickle refuses, with
    their kind."""
    picklable: frozenset[str] = frozenset()
    """Types and producers whose values pickle, overriding the knowledge tables."""

    @cached_property
    def knowledge(self) -> Knowledge:
        if not self.unpicklable and not self.picklable:
            return default_knowledge()
        added = [
            TypeRow(name, kind, made_by=(Made(name),) if name.endswith("()") else ())
            for name, kind in self.unpicklable
        ]
        return default_knowledge().with_user_rows(added, self.picklable)

    @cached_property
    def sinks(self) -> Sequence[Sink]:
        from flake8_session_pickle.sinks import sinks

        return sinks(self.session_paths)

    @cached_property
    def gate_words(self) -> frozenset[str]:
        """Text a file holds if it may write into a sink."""
        return frozenset(word for sink in self.sinks for word in sink.gate_words)


DEFAULT_SETTINGS = Settings()


def parse_unpicklable(values: Iterable[str], option: str) -> tuple[tuple[str, Kind], ...]:
    """``pkg.Client:PKL110`` items: values of ``pkg.Client`` are clients."""
    kinds = {kind.info.number: kind for kind in CONFIGURABLE_KINDS}
    allowed = ", ".join(f"{PREFIX}1{number:02d}" for number in kinds)
    parsed = []
    for value in values:
        if not value.strip():
            continue
        name, colon, code = (part.strip() for part in value.rpartition(":"))
        if not colon:
            raise SettingsError(
                f"{option}: {value.strip()!r} needs a code after the name and a colon, "
                f"e.g. '{value.strip()}:{PREFIX}110'; one of {allowed}"
            )
        match = _CODE.fullmatch(code)
        if match is None:
            raise SettingsError(
                f"{option}: {value.strip()!r}: {code!r} is not a code of this plugin; "
                f"use one of {allowed}"
            )
        if code != code.upper():
            raise SettingsError(
                f"{option}: {value.strip()!r}: write the code in capitals, {code.upper()!r}"
            )
        number = int(match.group(1))
        if number not in kinds:
            raise SettingsError(
                f"{option}: {value.strip()!r}: {code} names a kind the plugin recognises "
                f"by the code itself, not by a name; use one of {allowed}"
            )
        parsed.append((_producer(name, option), kinds[number]))
    return tuple(parsed)


def parse_names(values: Iterable[str], option: str) -> frozenset[str]:
    return frozenset(_producer(value.strip(), option) for value in values if value.strip())


def _producer(text: str, option: str) -> str:
    if not is_producer(text):
        raise SettingsError(f"{option}: {text!r} is not a name such as {_FORMS}")
    return text


def warnings(settings: Settings) -> list[str]:
    """What in the settings can never take effect."""
    found = [
        f"--pkl-session-targets: {path!r} names no module; name the object where "
        "a module of yours binds it, e.g. 'myapp.state.session'"
        for path in sorted(settings.session_paths)
        if "." not in path
    ]
    if not settings.picklable:
        return found
    known = {
        name
        for row in rows()
        for name in (row.name, *row.aliases, *(made.by for made in row.made_by))
    }
    found.extend(
        f"--pkl-picklable: {name!r} is nothing the plugin takes as unpicklable, so "
        "saying it pickles changes nothing"
        for name in sorted(settings.picklable)
        if name not in known and f"{name}()" not in known
    )
    return found
