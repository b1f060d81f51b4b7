"""The shape of what the plugin knows about types: one row per type, with how
values of it are made and whether pickle takes them, and the evidence.

A producer names where a value comes from, in the notation users also write
in ``--pkl-unpicklable``:

- ``sqlite3.connect()``: what calling a callable reached by qualified name returns;
- ``sqlite3.Connection.cursor()``: what calling a method of the type's values
  returns (or, for a class or static method, of the class itself);
- ``sys.stdout``: an object reached by qualified name;
- ``pandas.DataFrame.style``: an attribute of the type's values.

Whether ``a.B.c`` is a method of the type ``a.B`` or a callable ``c`` of the
module ``a.B`` is decided by whether ``a.B`` names a type of the tables.

Calling a type makes one of its values: a row's own name, and its aliases,
are producers of it without being listed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flake8_session_pickle.codes import Kind


class Holding(enum.Enum):
    """How what a producer makes holds the arguments of the call that made it, so
    that it pickles only if they do."""

    ARGUMENTS = "arguments"
    """Each argument as it is (``functools.partial(f, x)``)."""
    ITERATORS = "iterators"
    """An iterator over each argument (``map(f, xs)``): a dict view's iterator
    pickles where the view does not."""
    ITEMS = "items"
    """What iterating over its positional argument gives (``list(xs)``)."""
    MAPPING = "mapping"
    """The keys and values of its positional argument and its keyword
    arguments' values (``dict(d, k=v)``)."""
    KEYWORDS = "keywords"
    """Its keyword arguments' values only (``types.SimpleNamespace(k=v)``)."""
    RECEIVER = "receiver"
    """What the method is called on, and none of the arguments
    (``llm.bind_tools(tools)`` keeps the model, and the tools only as their
    schemas)."""
    RECEIVER_AND_ARGUMENTS = "receiver and arguments"
    """What the method is called on, and each argument as it is
    (``vectorstore.as_retriever(search_kwargs=...)`` keeps the vector store)."""


@dataclass(frozen=True)
class Made:
    """One way a value of the row's type is made."""

    by: str
    """The producer, in the notation above."""
    evidence: str = ""
    """Python source that binds ``value`` to a value made this way, without
    touching the network (loopback only), run inside a scratch directory; the
    test suite runs it and checks the value's type and what pickle does."""
    before_python: tuple[int, int] | None = None
    """Holds only on Pythons older than this (``(3, 13)``): on newer ones the
    producer makes something else."""
    from_python: tuple[int, int] | None = None
    """Holds only on this Python and newer ones."""
    makes: str = ""
    """The type of what it makes, where that is not the row's type but pickle
    treats it the same (on Python 3.13, ``Path.glob()`` makes a ``map`` over a
    generator, which pickle refuses as it does the generator)."""
    holds: Holding | None = None
    """What it keeps of the call's arguments."""
    tuple_of: bool = False
    """It makes a tuple of values of the type (``socket.socketpair()``)."""
    awaited: bool = False
    """It is a coroutine function: calling it makes a coroutine, and awaiting that
    gives the value (``await agent.attach_llm(...)``); the evidence awaits it."""
    package: str = ""
    """The package the producer comes from, where it is not the row's: a
    third-party function making a value of a standard type
    (``dotenv.dotenv_values()`` makes a ``dict``)."""
    needs: tuple[str, ...] = ()
    """Other packages its evidence imports, as the row's ``needs``."""


class Iteration(enum.Enum):
    """What iterating over a lazy iterator gives, in terms of what it holds."""

    ITEMS = "items"
    """The items of the iterables it holds (``filter``, ``zip``, ``iter``): never
    a callable it holds."""
    RESULTS = "results"
    """What its callable returns (``map``, ``itertools.starmap``): nothing it holds."""
    HELD = "held"
    """What it holds itself (``itertools.repeat``)."""


@dataclass(frozen=True)
class PicklesWith:
    """Releases of a package, pinned by the app, with which values of a type the
    row refuses pickle after all, and the evidence measured there."""

    distribution: str
    """The package whose release decides, as pip names it (``openai``)."""
    specifier: str
    """Its releases with which the values pickle, comparisons joined by commas
    (``<1``)."""
    evidence: str
    """A snippet that builds the value with such a release and binds ``value``."""
    measured: str
    """The releases the evidence was measured with (``langchain 0.0.184, openai 0.27.6``)."""

    def holds_for(self, release: str) -> bool:
        """Whether the release is within the specifier; False where either cannot
        be read, so that the row's verdict stands."""
        version = _release(release)
        if version is None:
            return False
        for clause in self.specifier.split(","):
            clause = clause.strip()
            bound_text = clause.lstrip("<>=!~")
            bound = _release(bound_text)
            comparison = _COMPARISONS.get(clause[: len(clause) - len(bound_text)])
            if bound is None or comparison is None or not comparison(version, bound):
                return False
        return True


def _release(text: str) -> tuple[int, ...] | None:
    """The numeric release segment of a version (``0.27.6`` of ``0.27.6.post1``),
    padded so that ``1`` and ``1.0`` compare equal."""
    parts = []
    for part in text.strip().split("."):
        digits = part[: len(part) - len(part.lstrip("0123456789"))]
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(part):
            break
    return (*parts, *(0,) * (4 - len(parts)))[:4] if parts else None


_COMPARISONS = {
    "<": tuple.__lt__,
    "<=": tuple.__le__,
    ">": tuple.__gt__,
    ">=": tuple.__ge__,
    "==": tuple.__eq__,
    "!=": tuple.__ne__,
}


@dataclass(frozen=True)
class PicklesWhenGiven:
    """An argument with which values of a type the row refuses pickle after all
    (``QdrantClient(':memory:')`` keeps no connection), and the evidence."""

    keyword: str
    position: int | None
    """Where it may also be given positionally, counting from 0."""
    value: str | int | float | bool | None
    """The literal that makes the difference."""
    evidence: str
    """A snippet that builds the value so and binds ``value``."""
    prefix: bool = False
    """``value`` is how the string given begins, not all of it (a model name's
    provider: ``groq/``)."""
    producer: str = ""
    """The producer whose call takes the argument, where it is not the type's own
    constructor (``crewai.LLM()``, which makes its provider's class)."""
    needs: tuple[str, ...] = ()
    """Other packages its evidence imports, as the row's ``needs``."""
    objects: bool = False
    """The argument may also be an object that was itself made with an argument
    with which it pickles (``Agent(llm=LLM(model='groq/...'))``, as the agent
    keeps the model it is given)."""

    def met_by(self, given: object) -> bool:
        """Whether the literal an argument evaluates to is one this names."""
        if self.prefix:
            return (
                isinstance(given, str)
                and isinstance(self.value, str)
                and given.startswith(self.value)
            )
        return given == self.value


@dataclass(frozen=True)
class TypeRow:
    name: str
    """The type's qualified name: where Python defines it or where its package
    exports it (``io.TextIOWrapper``, ``openai.OpenAI``)."""
    kind: Kind | None = None
    """Why pickle refuses its values; None where it does not, or where that is
    not recorded (see ``pickles``)."""
    pickles: bool = False
    """Pickle takes its values, unless they hold something it refuses. A row
    with neither ``kind`` nor ``pickles`` only says how values are made, such
    as the methods of a type whose own verdict is not recorded."""
    made_by: tuple[Made, ...] = ()
    aliases: tuple[str, ...] = ()
    """Other qualified names of the same type (``openai.Client``)."""
    evidence: str = ""
    """Python source that binds ``value`` to a value of the type, for a type
    whose values the analysis makes itself rather than through a producer
    (a coroutine object of a function of the file); checked like a producer's."""
    citation: str = ""
    """Where the refusal is shown, for a type no evidence can build offline."""
    enters_as_itself: bool = True
    """``with value as name`` binds ``name`` to the value itself; a lock binds
    ``True``. The test suite checks this against the evidence."""
    iterator_pickles: bool = False
    """``iter()`` of it pickles (a dict view iterates over a copy), so a lazy
    iterator over it is fine; checked against the evidence in both directions."""
    wrapper: bool = False
    """It pickles exactly when what it holds does, and a report names it
    (``map() of lambda``)."""
    iterates: Iteration | None = None
    """For a lazy iterator, what iterating over it gives (``list(map(f, xs))``
    holds what ``f`` returns, not ``f``); None for a container, whose items are
    what it holds."""
    container: bool = False
    """A list, dict or the like: a report of what it holds points at where the
    code puts it in. Values of other types that hold something pickle refuses
    are reported as holding it (``QdrantVectorStore holding client from ...``)."""
    bases: tuple[str, ...] = ()
    """Types, by their rows' names, whose methods and attributes this type's
    values have too (``langchain_core.vectorstores.VectorStore`` for a vector
    store); an instance of a class derived from one of this type is refused
    like it."""
    package: str = ""
    """The importable top-level name of the package the type comes from, where it
    is not the standard library (``langchain_community``, ``PIL``); the evidence
    needs it, and the tests skip the row where it is not installed."""
    needs: tuple[str, ...] = ()
    """Other packages the evidence imports that the row's package does not
    install (``faiss`` for LangChain's FAISS store)."""
    version: str = ""
    """The release of that package the evidence was last measured with."""
    versions: str = ""
    """The releases the row holds for, as a PEP 440 specifier (``<1``), where it
    does not hold for all: outside them the producers are gone or the verdict
    differs. The tests skip the row where the installed release is outside."""
    pickles_when_given: tuple[PicklesWhenGiven, ...] = ()
    """Arguments with which this refused type's values pickle, where the call
    gives them as literals."""
    pickles_with: PicklesWith | None = None
    """Releases of another package with which values of this refused type pickle,
    where the app pins one (the LangChain 0.0 OpenAI classes keep ``openai``'s
    API class, not a client, with ``openai<1``)."""
    built: str = ""
    """How the verdict depends on the way the value is built, where it does. The
    row gives the verdict for the way apps build it, with evidence built that
    way; this says what differs (``QdrantClient(':memory:')`` pickles)."""
    neutral_base: bool = False
    """Deriving a class from it changes nothing about how its instances pickle:
    neither it nor a class above it but ``object`` defines ``__reduce__``,
    ``__reduce_ex__`` or ``__getstate__`` or has a reducer registered, and it
    keeps no attribute of its own on an instance, so pickle stores the
    attributes the class's own methods set, as for a class derived from
    ``object`` (``typing.Generic``, the abstract bases of ``collections.abc``).
    The tests check this on a class derived from it."""

    used_by: frozenset[str] = frozenset()
    """Methods that make a value refused as ``kind`` says, where it pickles until
    one is called on it or on an object holding it (a client made on first use,
    the tasks of servers started by ``initialize()``): the made_by evidence builds
    a used value, ``fresh_evidence`` one as made."""
    fresh_evidence: str = ""
    """For a row with ``used_by``: Python source that binds ``value`` to a value as
    it is made, which pickles."""

    refused_as_made: bool = False
    """Pickle refuses the values the row's producers make, not every value of the
    type (LangChain's agent builders put a lambda of their own into a
    ``RunnableSequence``, which otherwise pickles when its steps do): calling
    the type, an annotation naming it and a class derived from it say nothing
    of how pickle treats a value."""

    def __post_init__(self) -> None:
        if self.refused_as_made and self.kind is None:
            raise ValueError(f"{self.name}: a row refused as made needs a kind")
        if self.kind is not None and self.pickles:
            raise ValueError(f"{self.name}: a row cannot both refuse and pickle")
        if self.used_by and (self.kind is None or not self.fresh_evidence):
            raise ValueError(f"{self.name}: a row refused once used needs a kind and a fresh value")


@dataclass(frozen=True)
class DecoratorRow:
    """A decorator whose wrapper returns the very object the function it wraps
    returns (``functools.cache``, LangSmith's ``traceable``), so that a call of
    the decorated function stands for what the function's returns give."""

    name: str
    """Its qualified name; for a decorator applied as ``@name(...)``, the name
    of the factory that makes it."""
    evidence: str
    """Python source that applies the decorator, as apps do, to a function or a
    method returning ``made``, and binds ``value`` to what calling it returns:
    the test suite checks that ``value is made``."""
    aliases: tuple[str, ...] = ()
    package: str = ""
    """The importable top-level name of its package, where it is not the standard library."""
    version: str = ""
    """The release of that package the evidence was last measured with."""
