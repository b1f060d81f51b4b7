"""What a user can configure, and the checks that turn option text into settings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from flake8_session_pickle.catalogue import CATALOGUE, Entry
from flake8_session_pickle.codes import PREFIX, Kind
from flake8_session_pickle.streamlit_api import SESSION_STATE_PATH

CONFIGURABLE_KINDS = (
    Kind.GENERATOR,
    Kind.OPEN_FILE,
    Kind.SOCKET,
    Kind.DATABASE,
    Kind.CONCURRENCY,
    Kind.INTERPRETER_OBJECT,
    Kind.CLIENT,
)
"""Kinds a user may give a callable: those that say what a call returns."""

_QUALIFIED_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


class SettingsError(ValueError):
    """An option value that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    session_paths: frozenset[str] = field(default_factory=lambda: frozenset({SESSION_STATE_PATH}))
    """Qualified paths of objects that are Streamlit's session state."""
    unpicklable: tuple[tuple[str, Kind], ...] = ()
    """Extra callables whose results pickle refuses, with their kind."""
    picklable: frozenset[str] = frozenset()
    """Callables whose results are known to pickle, overriding the catalogue."""

    @property
    def modules(self) -> frozenset[str]:
        return frozenset(path.split(".", 1)[0] for path in self.session_paths)

    @property
    def attributes(self) -> frozenset[str]:
        return frozenset(path.rsplit(".", 1)[-1] for path in self.session_paths)

    @cached_property
    def catalogue(self) -> Mapping[str, Entry]:
        if not self.unpicklable and not self.picklable:
            return CATALOGUE
        merged = dict(CATALOGUE)
        for name, kind in self.unpicklable:
            merged[f"{name}()"] = Entry(f"{name}()", kind, citation="user configuration")
        for name in self.picklable:
            merged.pop(f"{name}()", None)
        return merged


DEFAULT_SETTINGS = Settings()


def _qualified_name(text: str, option: str) -> str:
    if not _QUALIFIED_NAME.match(text):
        raise SettingsError(f"{option}: {text!r} is not a qualified name such as 'package.Client'")
    return text


def parse_unpicklable(values: Iterable[str], option: str) -> tuple[tuple[str, Kind], ...]:
    """``pkg.Client:PKL110`` items: calling ``pkg.Client`` returns a client."""
    kinds = {kind.info.number: kind for kind in CONFIGURABLE_KINDS}
    allowed = ", ".join(f"{PREFIX}1{number:02d}" for number in kinds)
    parsed = []
    for value in values:
        name, _, code = value.strip().partition(":")
        match = re.fullmatch(rf"{PREFIX}[12](\d\d)", code.strip())
        if match is None or int(match.group(1)) not in kinds:
            raise SettingsError(
                f"{option}: {value!r} needs a code after the name, one of {allowed} "
                f"(e.g. 'package.Client:{PREFIX}110')"
            )
        parsed.append((_qualified_name(name.strip(), option), kinds[int(match.group(1))]))
    return tuple(parsed)


def parse_names(values: Iterable[str], option: str) -> frozenset[str]:
    return frozenset(_qualified_name(value.strip(), option) for value in values if value.strip())
