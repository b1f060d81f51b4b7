"""The public codes: one row per kind of unpicklable value, and the messages built from it.

A kind keeps its two-digit number for ever; the sink adds the hundreds digit
(``PKL1NN`` for session state, ``PKL2NN`` for ``st.cache_data`` return values).
Codes are never renumbered and a retired number is never reused.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

PREFIX = "PKL"


@dataclass(frozen=True)
class KindInfo:
    number: int
    name: str
    """Short noun phrase naming the value, used at the start of a message."""
    why: str
    """The pickle rule behind the report, in a few words."""
    fix: str
    """What to store in session state instead."""
    cache_fix: str | None
    """What to do in an ``st.cache_data`` function instead; None where the kind
    cannot happen there."""


class Kind(enum.Enum):
    LAMBDA = KindInfo(
        1,
        "lambda",
        "pickle stores functions by qualified name and a lambda has none",
        "define a module-level function and store it, or store the data it needs",
        "return data, or a module-level function",
    )
    LOCAL_OBJECT = KindInfo(
        2,
        "function or class defined inside a function",
        "pickle finds functions and classes by qualified name and '<locals>' cannot be looked up",
        "define it at module level",
        "define it at module level",
    )
    GENERATOR = KindInfo(
        3,
        "generator or coroutine object",
        "a suspended frame cannot be pickled",
        "store the produced data, e.g. list(...) of it",
        "return a list of the items",
    )
    OPEN_FILE = KindInfo(
        4,
        "open file",
        "file handles hold an OS resource",
        "store the path or the contents and reopen when needed",
        "return the contents, not the open file",
    )
    SOCKET = KindInfo(
        5,
        "socket",
        "sockets hold an OS resource",
        "store the address and reconnect when needed",
        "cache the connection with st.cache_resource instead",
    )

    DATABASE = KindInfo(
        6,
        "database connection",
        "it holds an open connection to the database",
        "open it with a function decorated by st.cache_resource, and store query "
        "results or connection settings",
        "cache the connection with st.cache_resource, and the query results with st.cache_data",
    )
    CONCURRENCY = KindInfo(
        7,
        "thread, lock or process handle",
        "it holds an OS thread, lock, queue or process",
        "keep it in a function decorated by st.cache_resource or at module level, "
        "and store plain data",
        "cache it with st.cache_resource instead",
    )
    MODULE = KindInfo(
        8,
        "module",
        "pickle cannot serialize module objects",
        "import the module where it is used, and store data",
        "import the module where it is used, and return data",
    )
    INTERPRETER_OBJECT = KindInfo(
        9,
        "interpreter object",
        "it refers to live interpreter state",
        "store the data it gives, e.g. bytes(view), list(d.items()), h.hexdigest()",
        "return the data it gives, e.g. bytes(view), list(d.items()), h.hexdigest()",
    )
    CLIENT = KindInfo(
        10,
        "client",
        "it holds connection pools, locks or threads",
        "create it in a function decorated by st.cache_resource, and store its settings",
        "cache it with st.cache_resource instead",
    )
    INSTANCE_STATE = KindInfo(
        11,
        "instance whose state holds an unpicklable value",
        "pickle serializes an instance's attributes",
        "keep the resource out of the instance, or define __getstate__/__setstate__",
        "cache it with st.cache_resource, or return only its data",
    )
    SCRIPT_DEFINED = KindInfo(
        12,
        "class or function defined in the app script",
        "Streamlit reruns the script and redefines it, so on a later run pickle finds "
        "a different object under the same name",
        "move it into its own module and import it",
        None,
    )

    @property
    def info(self) -> KindInfo:
        return self.value


class Sink(enum.Enum):
    SESSION_STATE = 1
    CACHE_DATA = 2


def code_for(sink: Sink, kind: Kind) -> str:
    return f"{PREFIX}{sink.value}{kind.info.number:02d}"


UNANALYSABLE_CODE = f"{PREFIX}000"


def session_state_message(kind: Kind, what: str, target: str) -> str:
    """``what`` names the value as precisely as known, e.g. ``open file from open()``."""
    info = kind.info
    return (
        f"{code_for(Sink.SESSION_STATE, kind)} {what} stored in {target} "
        f"cannot be pickled ({info.why}); {info.fix}"
    )


def cache_data_message(kind: Kind, what: str, function: str) -> str:
    info = kind.info
    return (
        f"{code_for(Sink.CACHE_DATA, kind)} {what} returned by st.cache_data function "
        f"'{function}' cannot be pickled ({info.why}); {info.cache_fix}"
    )


def unanalysable_message(reason: str, what: str = "file") -> str:
    """PKL000 for a file, or a statement (``what``), that could not be checked."""
    return f"{UNANALYSABLE_CODE} {what} not checked for unpicklable session state: {reason}"


ALL_CODES: tuple[str, ...] = (
    UNANALYSABLE_CODE,
    *(code_for(Sink.SESSION_STATE, kind) for kind in Kind),
    *(code_for(Sink.CACHE_DATA, kind) for kind in Kind if kind.info.cache_fix is not None),
)
