"""How Python itself treats classes, functions and containers, where it matters to pickle."""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Mapping

from flake8_session_pickle.codes import Kind

SAME_AS_ARGUMENT = frozenset({"copy.copy", "copy.deepcopy"})
"""Callables that return an object like their first argument."""

PLAIN_RESULT_BUILTINS = frozenset(
    {"len", "bool", "isinstance", "issubclass", "hasattr", "callable"}
)
"""Builtins whose result is an exact ``int`` or ``bool`` whatever they are given
(Python converts what ``__len__`` or ``__bool__`` returns)."""

VIEW_METHODS = ("keys", "values", "items")
"""Methods of a dict (and of other mappings) that give a view of it, which
pickle refuses; the other public methods of plain data give plain data."""

PLAIN_OF_PLAIN_BUILTINS = frozenset(
    {"str", "repr", "int", "float", "abs", "round", "min", "max", "sum", "sorted"}
)
"""Builtins whose result is plain data where what they are given is: on
objects of other types they call methods that may return anything (a
``__str__`` may return an instance of a subclass of ``str``)."""

CLASS_FACTORIES = frozenset({"collections.namedtuple", "typing.NamedTuple"})
"""Calling or deriving from these makes a class whose instances compare by value."""

TYPED_DICT_BASES = frozenset({"typing.TypedDict", "typing_extensions.TypedDict"})
"""Deriving from these makes a class whose calls make plain ``dict`` objects."""

ENUM_BASES = frozenset({"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"})
"""Deriving from these makes an enum: its class attributes are its instances."""

CONNECTION_CURSORS = frozenset({"cursor"})
"""Methods of a database connection that make a cursor bound to it: PEP 249
(DB-API 2.0) has every connection's ``cursor()`` return a cursor that works
through the connection, so it keeps it (``sqlite3``, ``psycopg2``,
``mysql.connector``, ``pymysql``, ``duckdb``)."""

PICKLING_HOOKS = frozenset({"__getstate__", "__reduce__", "__reduce_ex__"})
"""Methods that replace what pickle stores of an instance."""

REDUCER_REGISTRIES = frozenset({"copyreg.pickle"})
"""Callables that give a class a reducer of its own: ``copyreg.pickle(cls, reduce)``."""

DATACLASS_DECORATORS = frozenset({"dataclasses.dataclass"})
DATACLASS_FIELD = "dataclasses.field"
"""``field(default=..., default_factory=...)``: the default of a dataclass's field."""

NOT_BOUND_TO_INSTANCE = frozenset({"builtins.staticmethod", "builtins.classmethod"})
"""Decorators of methods whose first parameter is not the instance."""

PROPERTIES = frozenset({"builtins.property", "functools.cached_property"})
"""Decorators of methods that reading the attribute on an instance calls, giving
what they return."""
CACHED_PROPERTY = "functools.cached_property"
"""It also keeps what the method returns in the instance's ``__dict__``, which
pickle stores with the instance."""


class Stores(enum.Enum):
    """What a method that stores into its receiver stores."""

    ONE = "one"
    """Its one argument: ``append(v)``, ``add(v)``."""
    SECOND = "second"
    """Its second argument: ``insert(i, v)``."""
    ITEMS = "items"
    """What iterating over each argument gives: ``extend(xs)``."""
    BY_KEY = "by key"
    """Values under keys: ``update(d, k=v)``, ``setdefault(k, v)``, ``__setitem__(k, v)``."""


STORING_METHODS: Mapping[str, Stores] = {
    "append": Stores.ONE,
    "appendleft": Stores.ONE,
    "add": Stores.ONE,
    "insert": Stores.SECOND,
    "extend": Stores.ITEMS,
    "extendleft": Stores.ITEMS,
    "update": Stores.BY_KEY,
    "setdefault": Stores.BY_KEY,
    "__setitem__": Stores.BY_KEY,
}
"""Methods of lists, sets, deques and dicts that store a value into their receiver."""

AWAITING_CALLS = frozenset({"asyncio.run"})
"""Callables that run a coroutine and return what it returns."""

AWAITING_METHODS = frozenset({"run_until_complete"})
"""Methods of an event loop that run a coroutine and return what it returns."""

ITEM_READS = frozenset({"get", "setdefault"})
"""Methods of a mapping that give the item under their first argument."""

STANDARD_LIBRARY = frozenset(sys.stdlib_module_names)

_CLASS_NAME = re.compile(r"_?[A-Z]\w*[a-z]\w*")
"""A name in CapWords, the way PEP 8 names classes (not an ALL_CAPS constant)."""

FACTORY_PREFIX = "from_"
"""The prefix of class methods that make an instance of their class from what
they are given (``Chain.from_llm(llm)``, ``FAISS.from_documents(docs, embedding)``)."""

CONSUMED_KINDS = frozenset({Kind.GENERATOR, Kind.INTERPRETER_OBJECT})
"""Kinds of arguments a constructor mostly consumes rather than keeps:
``pd.DataFrame(row for row in rows)`` iterates over the generator it is given."""


def class_made_by(name: str) -> str | None:
    """The class whose instance calling the object reached by ``name`` makes, when
    the name says so: a class (``langchain_qdrant.QdrantVectorStore``) or a
    factory class method of one (``langchain.chains.ConversationalRetrievalChain.from_llm``)."""
    owner, _, last = name.rpartition(".")
    if _CLASS_NAME.fullmatch(last):
        return name
    if last.startswith(FACTORY_PREFIX) and _CLASS_NAME.fullmatch(owner.rpartition(".")[2]):
        return owner
    return None


ENTERING_METHODS = frozenset({"__enter__", "__aenter__"})
"""The methods ``with`` and ``async with`` call on what they enter."""
ENTERING_CALLS = {"enter_context": "__enter__", "enter_async_context": "__aenter__"}
"""Methods of ``contextlib.ExitStack`` and ``AsyncExitStack`` that enter what they
are given as ``with`` and ``async with`` would, and give what entering it gives
(``enter_async_context`` through a coroutine)."""

MODULE_TYPE = "types.ModuleType"
"""The type of module objects, whose row's producers name submodules a package
gives as attributes (``mediapipe.solutions.hands``)."""
