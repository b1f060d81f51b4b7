"""Types of Python and its standard library."""

from __future__ import annotations

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.language import MODULE_TYPE, VIEW_METHODS
from flake8_session_pickle.knowledge.rows import DecoratorRow, Holding, Iteration, Made, TypeRow

_LISTENER = "_srv = socket.create_server(('127.0.0.1', 0)); "

_MAIL_SERVER = (
    "import socket, threading\n"
    "_server = socket.create_server(('127.0.0.1', 0))\n"
    "_held = []\n"
    "def _serve():\n"
    "    _held.append(_server.accept()[0])\n"
    "    _held[0].sendall({greeting})\n"
    "    {answer}\n"
    "threading.Thread(target=_serve, daemon=True).start()\n"
    "_port = _server.getsockname()[1]\n"
)
"""A loopback mail server that greets its one client, and answers what it asks
as it is made."""

_THREAD_ARGUMENTS = {"Thread": "target=print", "Barrier": "2", "Timer": "1, print"}
_ACQUIRED_ON_ENTRY = frozenset({"Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore"})
"""Synchronisation objects whose ``__enter__`` returns whether they were acquired."""

_HASHES = (
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3_256",
    "sha3_512",
    "new",
)


def _made(module: str, name: str, arguments: str = "", imports: str = "") -> Made:
    """``module.name()``, with evidence that calls it with ``arguments``."""
    return Made(
        f"{module}.{name}()",
        f"import {imports or module}; value = {module}.{name}({arguments})",
    )


def _class(module: str, name: str, kind: Kind, arguments: str = "") -> TypeRow:
    """A class whose values are made by calling it."""
    return TypeRow(f"{module}.{name}", kind, made_by=(_made(module, name, arguments),))


LANGUAGE: tuple[TypeRow, ...] = (
    TypeRow(
        "builtins.generator",
        Kind.GENERATOR,
        made_by=(
            Made("os.walk()", "import os; value = os.walk('.')"),
            Made("os.fwalk()", "import os; value = os.fwalk('.')"),
            *(
                Made(
                    f"pathlib.Path.{name}()",
                    f"import pathlib; value = pathlib.Path().{name}('*')",
                    before_python=(3, 13),
                )
                for name in ("glob", "rglob")
            ),
            *(
                # a map over the generator of the directory walk
                Made(
                    f"pathlib.Path.{name}()",
                    f"import pathlib; value = pathlib.Path().{name}('*')",
                    from_python=(3, 13),
                    makes="builtins.map",
                )
                for name in ("glob", "rglob")
            ),
            Made(
                "pathlib.Path.iterdir()",
                "import pathlib; value = pathlib.Path().iterdir()",
                before_python=(3, 13),
            ),
        ),
    ),
    TypeRow(
        "builtins.coroutine",
        Kind.GENERATOR,
        evidence="async def _make():\n    pass\nvalue = _make()",
    ),
    TypeRow(
        "builtins.async_generator",
        Kind.GENERATOR,
        evidence="async def _make():\n    yield 1\nvalue = _make()",
    ),
    TypeRow(
        # what a function decorated with contextlib.asynccontextmanager returns
        "contextlib._AsyncGeneratorContextManager",
        Kind.GENERATOR,
        evidence="import contextlib\n@contextlib.asynccontextmanager\nasync def _opened():\n"
        "    yield 1\nvalue = _opened()",
    ),
    TypeRow(
        "builtins.memoryview",
        Kind.INTERPRETER_OBJECT,
        made_by=(Made("builtins.memoryview()", "value = memoryview(b'data')"),),
    ),
    TypeRow(
        "builtins.frame",
        Kind.INTERPRETER_OBJECT,
        made_by=(
            Made("sys._getframe()", "import sys; value = sys._getframe()"),
            Made("inspect.currentframe()", "import inspect; value = inspect.currentframe()"),
        ),
    ),
    *(
        TypeRow(
            f"builtins.dict_{view}",
            Kind.INTERPRETER_OBJECT,
            made_by=(Made(f"builtins.dict.{view}()", f"value = {{'a': 1}}.{view}()"),),
            iterator_pickles=True,
        )
        for view in VIEW_METHODS
    ),
    TypeRow(
        "types.MappingProxyType",
        Kind.INTERPRETER_OBJECT,
        made_by=(
            Made("types.MappingProxyType()", "import types; value = types.MappingProxyType({})"),
        ),
        iterator_pickles=True,
    ),
    TypeRow(
        "builtins.callable_iterator",
        Kind.INTERPRETER_OBJECT,
        made_by=(
            Made("re.finditer()", "import re; value = re.finditer('a', 'a')"),
            Made("re.Pattern.finditer()", "import re; value = re.compile('a').finditer('a')"),
        ),
    ),
)
"""Objects of the language itself: generators, frames, views."""

CONTAINERS: tuple[TypeRow, ...] = (
    TypeRow(
        "builtins.list",
        pickles=True,
        container=True,
        made_by=(
            Made("builtins.list()", "value = list('ab')", holds=Holding.ITEMS),
            Made("builtins.sorted()", "value = sorted('ab')", holds=Holding.ITEMS),
        ),
    ),
    *(
        TypeRow(
            f"builtins.{name}",
            pickles=True,
            container=True,
            made_by=(Made(f"builtins.{name}()", f"value = {name}('ab')", holds=Holding.ITEMS),),
        )
        for name in ("tuple", "set", "frozenset")
    ),
    TypeRow(
        "collections.deque",
        pickles=True,
        container=True,
        made_by=(
            Made(
                "collections.deque()",
                "import collections; value = collections.deque('ab')",
                holds=Holding.ITEMS,
            ),
        ),
    ),
    TypeRow(
        "builtins.dict",
        pickles=True,
        container=True,
        made_by=(Made("builtins.dict()", "value = dict(a=1)", holds=Holding.MAPPING),),
    ),
    TypeRow(
        "collections.OrderedDict",
        pickles=True,
        container=True,
        made_by=(
            Made(
                "collections.OrderedDict()",
                "import collections; value = collections.OrderedDict(a=1)",
                holds=Holding.MAPPING,
            ),
        ),
    ),
    TypeRow(
        "types.SimpleNamespace",
        pickles=True,
        container=True,
        made_by=(
            Made(
                "types.SimpleNamespace()",
                "import types; value = types.SimpleNamespace(a=1)",
                holds=Holding.KEYWORDS,
            ),
        ),
    ),
)
"""Containers: they pickle exactly when what they hold does."""

WRAPPERS: tuple[TypeRow, ...] = (
    *(
        TypeRow(
            f"{module}.{name}",
            pickles=True,
            wrapper=True,
            made_by=(
                Made(
                    f"{module}.{name}()",
                    f"import {module}; value = {module}.{name}({arguments})",
                    holds=Holding.ARGUMENTS,
                ),
            ),
        )
        for module, name, arguments in (
            ("functools", "partial", "print, 1"),
            ("collections", "defaultdict", "list"),
            ("operator", "methodcaller", "'strip'"),
        )
    ),
    TypeRow(
        "itertools.repeat",
        pickles=True,
        wrapper=True,
        iterates=Iteration.HELD,
        made_by=(
            Made(
                "itertools.repeat()",
                "import itertools; value = itertools.repeat(1)",
                holds=Holding.ARGUMENTS,
            ),
        ),
    ),
    TypeRow(
        "itertools.chain",
        pickles=True,
        wrapper=True,
        iterates=Iteration.ITEMS,
        made_by=(
            Made(
                "itertools.chain()",
                "import itertools; value = itertools.chain('a')",
                holds=Holding.ARGUMENTS,
            ),
            Made(
                "itertools.chain.from_iterable()",
                "import itertools; value = itertools.chain.from_iterable(['a'])",
                holds=Holding.ARGUMENTS,
            ),
        ),
    ),
    *(
        TypeRow(
            f"builtins.{name}",
            pickles=True,
            wrapper=True,
            iterates=iterates,
            made_by=(
                Made(f"builtins.{name}()", f"value = {name}({arguments})", holds=Holding.ITERATORS),
            ),
        )
        for name, arguments, iterates in (
            ("map", "str, 'ab'", Iteration.RESULTS),
            ("filter", "None, 'ab'", Iteration.ITEMS),
            ("zip", "'ab', 'cd'", Iteration.ITEMS),
            ("enumerate", "'ab'", Iteration.ITEMS),
        )
    ),
    TypeRow(
        "collections.abc.Iterator",
        pickles=True,
        wrapper=True,
        iterates=Iteration.ITEMS,
        made_by=(Made("builtins.iter()", "value = iter([1])", holds=Holding.ITERATORS),),
        neutral_base=True,
    ),
    TypeRow(
        "builtins.reversed",
        pickles=True,
        wrapper=True,
        iterates=Iteration.ITEMS,
        made_by=(Made("builtins.reversed()", "value = reversed('ab')", holds=Holding.ITERATORS),),
    ),
    *(
        TypeRow(
            f"itertools.{name}",
            pickles=True,
            wrapper=True,
            iterates=iterates,
            made_by=(
                Made(
                    f"itertools.{name}()",
                    f"import itertools; value = itertools.{name}({arguments})",
                    holds=Holding.ITERATORS,
                ),
            ),
        )
        for name, arguments, iterates in (
            ("accumulate", "[1]", Iteration.RESULTS),
            ("compress", "'ab', [1, 0]", Iteration.ITEMS),
            ("cycle", "'ab'", Iteration.ITEMS),
            ("dropwhile", "None, 'ab'", Iteration.ITEMS),
            ("filterfalse", "None, 'ab'", Iteration.ITEMS),
            ("groupby", "'ab'", Iteration.ITEMS),
            ("islice", "'ab', 1", Iteration.ITEMS),
            ("starmap", "max, [(1, 2)]", Iteration.RESULTS),
            ("takewhile", "None, 'ab'", Iteration.ITEMS),
            ("zip_longest", "'ab', 'c'", Iteration.ITEMS),
        )
    ),
    TypeRow(
        "itertools._tee",
        pickles=True,
        wrapper=True,
        iterates=Iteration.ITEMS,
        made_by=(
            Made(
                "itertools.tee()",
                "import itertools; value = itertools.tee('ab')",
                holds=Holding.ITERATORS,
                tuple_of=True,
            ),
        ),
    ),
)
"""Wrappers: they hold their arguments, a generator included, and pickle only
if those do."""

FILES: tuple[TypeRow, ...] = (
    TypeRow(
        "io.TextIOWrapper",
        Kind.OPEN_FILE,
        made_by=(
            Made("builtins.open()", "value = open('f.txt', 'w')"),
            Made("io.open()", "import io; value = io.open('f.txt', 'w')"),
            Made(
                "os.fdopen()",
                "import os; value = os.fdopen(os.open('f.txt', os.O_RDWR | os.O_CREAT))",
            ),
            Made("pathlib.Path.open()", "import pathlib; value = pathlib.Path('f.txt').open('w')"),
            Made("socket.socket.makefile()", "import socket; value = socket.socket().makefile()"),
            Made("sys.stdin", "import sys; value = sys.stdin"),
            Made("sys.stdout", "import sys; value = sys.stdout"),
            Made("sys.stderr", "import sys; value = sys.stderr"),
        ),
    ),
    TypeRow(
        "codecs.StreamReaderWriter",
        Kind.OPEN_FILE,
        made_by=(
            Made("codecs.open()", "import codecs; value = codecs.open('f.txt', 'w', 'utf-8')"),
        ),
    ),
    _class("io", "FileIO", Kind.OPEN_FILE, "'f.txt', 'w'"),
    TypeRow(
        "io.BufferedRandom",
        Kind.OPEN_FILE,
        made_by=(
            Made("tempfile.TemporaryFile()", "import tempfile; value = tempfile.TemporaryFile()"),
        ),
    ),
    TypeRow(
        "tempfile._TemporaryFileWrapper",
        Kind.OPEN_FILE,
        made_by=(
            Made(
                "tempfile.NamedTemporaryFile()",
                "import tempfile; value = tempfile.NamedTemporaryFile()",
            ),
        ),
    ),
    TypeRow(
        "os._wrap_close",
        Kind.OPEN_FILE,
        made_by=(Made("os.popen()", "import os; value = os.popen('true')"),),
    ),
    TypeRow(
        "posix.ScandirIterator",
        Kind.OPEN_FILE,
        made_by=(Made("os.scandir()", "import os; value = os.scandir()"),),
        aliases=("nt.ScandirIterator",),
    ),
    *(
        TypeRow(
            f"_csv.{name}",
            Kind.OPEN_FILE,
            made_by=(Made(f"csv.{name}()", f"import csv; value = csv.{name}({arguments})"),),
        )
        for name, arguments in (("reader", "open('f.txt', 'w+')"), ("writer", "open('f.txt', 'w')"))
    ),
    _class("csv", "DictReader", Kind.OPEN_FILE, "open('f.txt', 'w+')"),
    _class("csv", "DictWriter", Kind.OPEN_FILE, "open('f.txt', 'w'), ['a']"),
    *(
        TypeRow(
            f"{module}.{name}",
            Kind.OPEN_FILE,
            made_by=(
                _made(module, "open", arguments),
                _made(module, name, arguments),
            ),
        )
        for module, name, arguments in (
            ("gzip", "GzipFile", "'f.gz', 'wb'"),
            ("bz2", "BZ2File", "'f.bz2', 'wb'"),
            ("lzma", "LZMAFile", "'f.xz', 'wb'"),
        )
    ),
    _class("zipfile", "ZipFile", Kind.OPEN_FILE, "'f.zip', 'w'"),
    TypeRow(
        "tarfile.TarFile",
        Kind.OPEN_FILE,
        made_by=(
            _made("tarfile", "open", "'f.tar', 'w'"),
            _made("tarfile", "TarFile.open", "'f.tar', 'w'"),
        ),
    ),
    _class("mmap", "mmap", Kind.OPEN_FILE, "-1, 16"),
)

SOCKETS: tuple[TypeRow, ...] = (
    TypeRow(
        "socket.socket",
        Kind.SOCKET,
        made_by=(
            _made("socket", "socket"),
            Made(
                "socket.create_connection()",
                "import socket; "
                + _LISTENER
                + "value = socket.create_connection(_srv.getsockname())",
            ),
            _made("socket", "create_server", "('127.0.0.1', 0)"),
            Made(
                "socket.socketpair()", "import socket; value = socket.socketpair()", tuple_of=True
            ),
            Made(
                "socket.fromfd()",
                "import socket; _origin = socket.socket(); "
                "value = socket.fromfd(_origin.fileno(), socket.AF_INET, socket.SOCK_STREAM)",
            ),
        ),
    ),
    TypeRow(
        "ssl.SSLSocket",
        Kind.SOCKET,
        made_by=(
            Made(
                "ssl.SSLContext.wrap_socket()",
                "import socket, ssl; value = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket("
                "socket.socket(), server_hostname='localhost', do_handshake_on_connect=False)",
            ),
        ),
    ),
    TypeRow(
        "imaplib.IMAP4",
        Kind.SOCKET,  # connected to its server as it is made
        made_by=(
            Made(
                "imaplib.IMAP4()",
                _MAIL_SERVER.format(
                    greeting=r"b'* OK ready\r\n'",
                    answer="_tag = _held[0].recv(1024).split()[0]; "
                    r"_held[0].sendall(b'* CAPABILITY IMAP4rev1\r\n' + _tag + b' OK done\r\n')",
                )
                + "import imaplib; value = imaplib.IMAP4('127.0.0.1', _port)",
            ),
            # the same over TLS, or over a command's pipes
            Made("imaplib.IMAP4_SSL()"),
            Made("imaplib.IMAP4_stream()"),
        ),
    ),
    TypeRow(
        "poplib.POP3",
        Kind.SOCKET,  # connected to its server as it is made
        made_by=(
            Made(
                "poplib.POP3()",
                _MAIL_SERVER.format(greeting=r"b'+OK ready\r\n'", answer="pass")
                + "import poplib; value = poplib.POP3('127.0.0.1', _port)",
            ),
            Made("poplib.POP3_SSL()"),  # the same over TLS
        ),
    ),
    TypeRow(
        "ssl.SSLContext",
        made_by=(
            Made(
                "ssl.create_default_context()", "import ssl; value = ssl.create_default_context()"
            ),
        ),
    ),
)

DATABASES: tuple[TypeRow, ...] = (
    TypeRow(
        "sqlite3.Connection",
        Kind.DATABASE,
        made_by=(
            Made("sqlite3.connect()", "import sqlite3; value = sqlite3.connect(':memory:')"),
            Made(
                "sqlite3.dbapi2.connect()",
                "import sqlite3.dbapi2; value = sqlite3.dbapi2.connect(':memory:')",
            ),
            Made("sqlite3.Connection()", "import sqlite3; value = sqlite3.Connection(':memory:')"),
        ),
    ),
    TypeRow(
        "sqlite3.Cursor",
        Kind.DATABASE,
        made_by=(
            Made(
                "sqlite3.Connection.cursor()",
                "import sqlite3; value = sqlite3.connect(':memory:').cursor()",
            ),
            Made(
                "sqlite3.Connection.execute()",
                "import sqlite3; value = sqlite3.connect(':memory:').execute('select 1')",
            ),
        ),
    ),
)

_THREADING = (
    "Condition",
    "Event",
    "Semaphore",
    "BoundedSemaphore",
    "Barrier",
    "Timer",
)

_MULTIPROCESSING = {
    "Process": "multiprocessing.context.Process",
    "Queue": "multiprocessing.queues.Queue",
    "JoinableQueue": "multiprocessing.queues.JoinableQueue",
    "SimpleQueue": "multiprocessing.queues.SimpleQueue",
    "Lock": "multiprocessing.synchronize.Lock",
    "RLock": "multiprocessing.synchronize.RLock",
    "Event": "multiprocessing.synchronize.Event",
    "Condition": "multiprocessing.synchronize.Condition",
    "Semaphore": "multiprocessing.synchronize.Semaphore",
    "Pool": "multiprocessing.pool.Pool",
    "Manager": "multiprocessing.managers.SyncManager",
}

CONCURRENCY: tuple[TypeRow, ...] = (
    *(
        TypeRow(
            f"threading.{name}",
            Kind.CONCURRENCY,
            made_by=(_made("threading", name, _THREAD_ARGUMENTS.get(name, "")),),
            enters_as_itself=name not in _ACQUIRED_ON_ENTRY,
        )
        for name in _THREADING
    ),
    TypeRow(
        "threading.Thread",
        Kind.CONCURRENCY,
        made_by=(
            Made("threading.Thread()", "import threading; value = threading.Thread(target=print)"),
            _made("threading", "current_thread"),
            _made("threading", "main_thread"),
        ),
    ),
    *(
        TypeRow(
            f"_thread.{runtime}",
            Kind.CONCURRENCY,
            made_by=(_made("threading", name),),
            enters_as_itself=name not in _ACQUIRED_ON_ENTRY,
        )
        for name, runtime in (("Lock", "lock"), ("RLock", "RLock"), ("local", "_local"))
    ),
    *(_class("queue", name, Kind.CONCURRENCY) for name in ("Queue", "LifoQueue", "PriorityQueue")),
    TypeRow("_queue.SimpleQueue", Kind.CONCURRENCY, made_by=(_made("queue", "SimpleQueue"),)),
    *(
        TypeRow(
            runtime,
            Kind.CONCURRENCY,
            made_by=(_made("multiprocessing", name, "target=print" if name == "Process" else ""),),
            enters_as_itself=name not in _ACQUIRED_ON_ENTRY,
        )
        for name, runtime in _MULTIPROCESSING.items()
    ),
    TypeRow(
        "multiprocessing.pool.ThreadPool",
        Kind.CONCURRENCY,
        made_by=(_made("multiprocessing.pool", "ThreadPool", "1"),),
    ),
    *(
        TypeRow(
            f"concurrent.futures.{name}",
            Kind.CONCURRENCY,
            made_by=(_made("concurrent.futures", name),),
        )
        for name in ("ThreadPoolExecutor", "ProcessPoolExecutor")
    ),
    TypeRow(
        "concurrent.futures.Future",
        Kind.CONCURRENCY,
        made_by=(
            Made(
                "concurrent.futures.ThreadPoolExecutor.submit()",
                "import concurrent.futures; "
                "value = concurrent.futures.ThreadPoolExecutor().submit(print)",
            ),
        ),
    ),
    TypeRow(
        "asyncio.AbstractEventLoop",
        Kind.CONCURRENCY,
        made_by=(
            _made("asyncio", "new_event_loop"),
            Made(
                "asyncio.get_event_loop()",
                "import asyncio; asyncio.set_event_loop(asyncio.new_event_loop()); "
                "value = asyncio.get_event_loop()",
            ),
        ),
    ),
    TypeRow(
        "selectors.BaseSelector",
        Kind.CONCURRENCY,
        made_by=(_made("selectors", "DefaultSelector"),),
    ),
    TypeRow(
        "subprocess.Popen",
        Kind.CONCURRENCY,
        made_by=(_made("subprocess", "Popen", "['true']"),),
    ),
    *(
        TypeRow(
            f"logging.{name}",
            Kind.CONCURRENCY,  # every handler holds a lock
            made_by=(_made("logging", name, arguments, imports="logging.handlers"),),
        )
        for name, arguments in (
            ("StreamHandler", ""),
            ("FileHandler", "'f.txt'"),
            ("handlers.RotatingFileHandler", "'f.txt'"),
        )
    ),
)

INTERPRETER_OBJECTS: tuple[TypeRow, ...] = (
    TypeRow(
        "itertools.pairwise",
        Kind.INTERPRETER_OBJECT,
        made_by=(_made("itertools", "pairwise", "[1, 2]"),),
    ),
    TypeRow(
        "weakref.ReferenceType",
        Kind.INTERPRETER_OBJECT,
        made_by=(_made("weakref", "ref", "logging.getLogger()", imports="weakref, logging"),),
    ),
    *(
        _class("weakref", name, Kind.INTERPRETER_OBJECT)
        for name in ("WeakValueDictionary", "WeakKeyDictionary", "WeakSet")
    ),
    TypeRow(
        "os._Environ",
        Kind.INTERPRETER_OBJECT,
        made_by=(Made("os.environ", "import os; value = os.environ"),),
    ),
    _class("contextvars", "ContextVar", Kind.INTERPRETER_OBJECT, "'v'"),
    TypeRow(
        "re.Match",
        Kind.INTERPRETER_OBJECT,
        made_by=tuple(
            made
            for name in ("match", "search", "fullmatch")
            for made in (
                Made(f"re.{name}()", f"import re; value = re.{name}('a', 'a')"),
                Made(f"re.Pattern.{name}()", f"import re; value = re.compile('a').{name}('a')"),
            )
        ),
    ),
    TypeRow(
        "re.Pattern",
        pickles=True,
        made_by=(Made("re.compile()", "import re; value = re.compile('a')"),),
    ),
    TypeRow(
        "_hashlib.HASH",
        Kind.INTERPRETER_OBJECT,
        made_by=tuple(
            _made("hashlib", name, repr("sha1") if name == "new" else "") for name in _HASHES
        ),
    ),
    *(_class("hashlib", name, Kind.INTERPRETER_OBJECT) for name in ("blake2b", "blake2s")),
    TypeRow(
        "hmac.HMAC",
        Kind.INTERPRETER_OBJECT,
        made_by=(_made("hmac", "new", "b'k', digestmod='sha256'"),),
    ),
    *(
        TypeRow(f"zlib.{runtime}", Kind.INTERPRETER_OBJECT, made_by=(_made("zlib", name),))
        for name, runtime in (("compressobj", "Compress"), ("decompressobj", "Decompress"))
    ),
    TypeRow(
        "pathlib.Path",
        pickles=True,
        made_by=(Made("pathlib.Path()", "import pathlib; value = pathlib.Path('f.txt')"),),
    ),
)

_ABSTRACT_BASES = (
    "Container",
    "Hashable",
    "Iterable",
    "Reversible",
    "Generator",
    "Sized",
    "Callable",
    "Collection",
    "Sequence",
    "MutableSequence",
    "Set",
    "MutableSet",
    "Mapping",
    "MutableMapping",
    "Awaitable",
    "Coroutine",
    "AsyncIterable",
    "AsyncIterator",
    "AsyncGenerator",
)

NEUTRAL_BASES: tuple[TypeRow, ...] = (
    TypeRow("builtins.object", neutral_base=True),
    TypeRow("abc.ABC", neutral_base=True),
    TypeRow("typing.Generic", neutral_base=True),
    TypeRow("typing.Protocol", neutral_base=True),
    *(TypeRow(f"collections.abc.{name}", neutral_base=True) for name in _ABSTRACT_BASES),
)
"""Bases of classes that leave pickling to ``object``: a class of the app
derived from one pickles its instances' attributes. (``collections.abc.Iterator``
is one too, on its row below.)"""

MODULES: tuple[TypeRow, ...] = (
    TypeRow(
        MODULE_TYPE,
        Kind.MODULE,
        evidence="import json; value = json",
    ),
)
"""Module objects, where a producer makes one (a package's submodule reached as
an attribute); an ``import`` binds a module of its own kind of value."""

ALL: tuple[TypeRow, ...] = (
    *NEUTRAL_BASES,
    *LANGUAGE,
    *MODULES,
    *CONTAINERS,
    *WRAPPERS,
    *FILES,
    *SOCKETS,
    *DATABASES,
    *CONCURRENCY,
    *INTERPRETER_OBJECTS,
)

DECORATORS: tuple[DecoratorRow, ...] = (
    DecoratorRow(
        "functools.cache",
        "import functools\nmade = object()\n@functools.cache\ndef make():\n    return made\n"
        "value = make()\n",
    ),
    DecoratorRow(
        "functools.lru_cache",
        "import functools\nmade = object()\n@functools.lru_cache(maxsize=8)\ndef make():\n"
        "    return made\nvalue = make()\n",
    ),
)
"""Their wrappers keep what the function returned and give that very object."""
