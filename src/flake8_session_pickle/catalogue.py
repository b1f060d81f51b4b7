"""What is known to be unpicklable, as one table with the evidence for each row.

A row's ``path`` names a value the way the analysis spells it: a qualified
name (``sys.stdout``), and ``()`` for "what calling it returns", so
``builtins.open()`` is the result of ``open(...)`` and
``pathlib.Path().open()`` the result of ``Path(...).open(...)``.

``evidence`` is Python source that binds ``value`` to such an object without
touching the network (loopback only) and inside a scratch directory; the test
suite runs every snippet and checks that ``pickle.dumps(value)`` raises. A row
whose object cannot be built offline (a driver that connects on construction)
has a ``citation`` instead: where the failure is documented or shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flake8_session_pickle.codes import Kind


@dataclass(frozen=True)
class Entry:
    path: str
    kind: Kind
    evidence: str = ""
    citation: str = ""
    enters_as_itself: bool = True
    """Where it is a context manager, ``with value as name`` binds ``name`` to the
    value itself; a lock binds ``True``. The test suite checks this too."""
    iterator_pickles: bool = False
    """``iter()`` of it gives an iterator over a copy of its items that pickles
    (a dict view), so a lazy iterator over it (``enumerate(d.items())``) is fine; the
    test suite checks this against the evidence in both directions."""


_LISTENER = "_srv = socket.create_server(('127.0.0.1', 0)); "
_CSV_ARGUMENTS = {
    "reader": "open('f.txt', 'w+')",
    "DictReader": "open('f.txt', 'w+')",
    "writer": "open('f.txt', 'w')",
    "DictWriter": "open('f.txt', 'w'), ['a']",
}
_LOGGING_HANDLERS = {
    "StreamHandler": "",
    "FileHandler": "'f.txt'",
    "handlers.RotatingFileHandler": "'f.txt'",
}

ENTRIES: tuple[Entry, ...] = (
    Entry("builtins.open()", Kind.OPEN_FILE, "value = open('f.txt', 'w')"),
    Entry("io.open()", Kind.OPEN_FILE, "import io; value = io.open('f.txt', 'w')"),
    Entry("io.FileIO()", Kind.OPEN_FILE, "import io; value = io.FileIO('f.txt', 'w')"),
    Entry("codecs.open()", Kind.OPEN_FILE, "import codecs; value = codecs.open('f.txt', 'w')"),
    Entry(
        "os.fdopen()",
        Kind.OPEN_FILE,
        "import os; value = os.fdopen(os.open('f.txt', os.O_RDWR | os.O_CREAT))",
    ),
    Entry("os.popen()", Kind.OPEN_FILE, "import os; value = os.popen('true')"),
    Entry("os.scandir()", Kind.OPEN_FILE, "import os; value = os.scandir()"),
    Entry(
        "pathlib.Path().open()",
        Kind.OPEN_FILE,
        "import pathlib; value = pathlib.Path('f.txt').open('w')",
    ),
    *(
        Entry(f"csv.{name}()", Kind.OPEN_FILE, f"import csv; value = csv.{name}({arguments})")
        for name, arguments in _CSV_ARGUMENTS.items()
    ),
    Entry(
        "tempfile.TemporaryFile()",
        Kind.OPEN_FILE,
        "import tempfile; value = tempfile.TemporaryFile()",
    ),
    Entry(
        "tempfile.NamedTemporaryFile()",
        Kind.OPEN_FILE,
        "import tempfile; value = tempfile.NamedTemporaryFile()",
    ),
    Entry("gzip.open()", Kind.OPEN_FILE, "import gzip; value = gzip.open('f.gz', 'wb')"),
    Entry("gzip.GzipFile()", Kind.OPEN_FILE, "import gzip; value = gzip.GzipFile('f.gz', 'wb')"),
    Entry("bz2.open()", Kind.OPEN_FILE, "import bz2; value = bz2.open('f.bz2', 'wb')"),
    Entry("bz2.BZ2File()", Kind.OPEN_FILE, "import bz2; value = bz2.BZ2File('f.bz2', 'wb')"),
    Entry("lzma.open()", Kind.OPEN_FILE, "import lzma; value = lzma.open('f.xz', 'wb')"),
    Entry("lzma.LZMAFile()", Kind.OPEN_FILE, "import lzma; value = lzma.LZMAFile('f.xz', 'wb')"),
    Entry(
        "zipfile.ZipFile()",
        Kind.OPEN_FILE,
        "import zipfile; value = zipfile.ZipFile('f.zip', 'w')",
    ),
    Entry("tarfile.open()", Kind.OPEN_FILE, "import tarfile; value = tarfile.open('f.tar', 'w')"),
    Entry("mmap.mmap()", Kind.OPEN_FILE, "import mmap; value = mmap.mmap(-1, 16)"),
    Entry("sys.stdin", Kind.OPEN_FILE, "import sys; value = sys.stdin"),
    Entry("sys.stdout", Kind.OPEN_FILE, "import sys; value = sys.stdout"),
    Entry("sys.stderr", Kind.OPEN_FILE, "import sys; value = sys.stderr"),
    *(
        Entry(
            f"logging.{name}()",
            Kind.CONCURRENCY,  # every handler holds a lock
            f"import logging.handlers; value = logging.{name}({arguments})",
        )
        for name, arguments in _LOGGING_HANDLERS.items()
    ),
    Entry("socket.socket()", Kind.SOCKET, "import socket; value = socket.socket()"),
    Entry(
        "socket.socket().makefile()",
        Kind.OPEN_FILE,
        "import socket; value = socket.socket().makefile()",
    ),
    Entry(
        "socket.create_connection()",
        Kind.SOCKET,
        "import socket; " + _LISTENER + "value = socket.create_connection(_srv.getsockname())",
    ),
    Entry(
        "socket.create_server()",
        Kind.SOCKET,
        "import socket; value = socket.create_server(('127.0.0.1', 0))",
    ),
    Entry("socket.socketpair()", Kind.SOCKET, "import socket; value = socket.socketpair()"),
    Entry(
        "socket.fromfd()",
        Kind.SOCKET,
        "import socket; _origin = socket.socket(); "
        "value = socket.fromfd(_origin.fileno(), socket.AF_INET, socket.SOCK_STREAM)",
    ),
    Entry(
        "ssl.SSLContext().wrap_socket()",
        Kind.SOCKET,
        "import socket, ssl; value = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket("
        "socket.socket(), server_hostname='localhost', do_handshake_on_connect=False)",
    ),
    Entry(
        "ssl.create_default_context().wrap_socket()",
        Kind.SOCKET,
        "import socket, ssl; value = ssl.create_default_context().wrap_socket("
        "socket.socket(), server_hostname='localhost', do_handshake_on_connect=False)",
    ),
)

_DATABASE: tuple[Entry, ...] = (
    *(
        Entry(f"{name}()", Kind.DATABASE, f"import sqlite3.dbapi2; value = {name}(':memory:')")
        for name in ("sqlite3.connect", "sqlite3.Connection", "sqlite3.dbapi2.connect")
    ),
    Entry(
        "sqlite3.connect().cursor()",
        Kind.DATABASE,
        "import sqlite3; value = sqlite3.connect(':memory:').cursor()",
    ),
    Entry(
        "sqlite3.connect().execute()",
        Kind.DATABASE,
        "import sqlite3; value = sqlite3.connect(':memory:').execute('select 1')",
    ),
    Entry(
        "streamlit.connection()",
        Kind.DATABASE,
        "import streamlit as st; value = st.connection('db', type='sql', url='sqlite://')",
    ),
    *(
        Entry(
            f"{module}.create_engine()",
            Kind.DATABASE,
            f"import {module}; value = {module}.create_engine('sqlite://')",
        )
        for module in ("sqlalchemy", "sqlalchemy.engine")
    ),
    Entry(
        "sqlalchemy.create_engine().connect()",
        Kind.DATABASE,
        "import sqlalchemy; value = sqlalchemy.create_engine('sqlite://').connect()",
    ),
    Entry(
        "sqlalchemy.orm.Session()",
        Kind.DATABASE,
        "import sqlalchemy, sqlalchemy.orm; "
        "value = sqlalchemy.orm.Session(sqlalchemy.create_engine('sqlite://'))",
        iterator_pickles=True,  # iterates over a copy of the objects it holds
    ),
    Entry(
        "sqlalchemy.orm.sessionmaker()",
        Kind.DATABASE,
        "import sqlalchemy, sqlalchemy.orm; "
        "value = sqlalchemy.orm.sessionmaker(sqlalchemy.create_engine('sqlite://'))",
    ),
    Entry(
        "sqlalchemy.orm.sessionmaker()()",
        Kind.DATABASE,
        "import sqlalchemy, sqlalchemy.orm; "
        "value = sqlalchemy.orm.sessionmaker(sqlalchemy.create_engine('sqlite://'))()",
        iterator_pickles=True,  # a Session, as above
    ),
    Entry(
        "sqlalchemy.orm.scoped_session()",
        Kind.DATABASE,
        "import sqlalchemy, sqlalchemy.orm; value = sqlalchemy.orm.scoped_session("
        "sqlalchemy.orm.sessionmaker(sqlalchemy.create_engine('sqlite://')))",
        iterator_pickles=True,  # iterates over its current Session's copy, as above
    ),
    Entry("duckdb.connect()", Kind.DATABASE, "import duckdb; value = duckdb.connect()"),
    Entry(
        "duckdb.connect().cursor()",
        Kind.DATABASE,
        "import duckdb; value = duckdb.connect().cursor()",
    ),
    Entry(
        "pymongo.MongoClient()",
        Kind.DATABASE,
        "import pymongo; value = pymongo.MongoClient('mongodb://127.0.0.1:1', connect=False)",
    ),
    *(
        Entry(f"redis.{name}()", Kind.DATABASE, f"import redis.client; value = redis.{name}()")
        for name in ("Redis", "StrictRedis", "client.Redis", "ConnectionPool")
    ),
    Entry(
        "redis.from_url()",
        Kind.DATABASE,
        "import redis; value = redis.from_url('redis://127.0.0.1:1')",
    ),
    Entry(
        "psycopg2.connect()",
        Kind.DATABASE,
        citation="\"TypeError: cannot pickle 'psycopg2.extensions.connection' object\" in "
        "https://github.com/agno-agi/agno/issues/1667 and https://github.com/rq/rq/issues/1240",
    ),
    Entry(
        "pymysql.connect()",
        Kind.DATABASE,
        "import pymysql; value = pymysql.connect(host='127.0.0.1', defer_connect=True)",
    ),
    Entry(
        "mysql.connector.connect()",
        Kind.DATABASE,
        citation='"TypeError: can\'t pickle _mysql_connector.MySQL objects" in '
        "https://github.com/uqfoundation/pathos/issues/186",
    ),
)

_THREADING = (
    "Thread",
    "Lock",
    "RLock",
    "Condition",
    "Event",
    "Semaphore",
    "BoundedSemaphore",
    "Barrier",
    "Timer",
    "current_thread",
    "main_thread",
    "local",
)
_THREAD_ARGUMENTS = {"Thread": "target=print", "Barrier": "2", "Timer": "1, print"}
_ACQUIRED_ON_ENTRY = frozenset({"Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore"})
"""Synchronisation objects whose ``__enter__`` returns whether they were acquired."""

_MULTIPROCESSING = (
    "Process",
    "Queue",
    "JoinableQueue",
    "SimpleQueue",
    "Lock",
    "RLock",
    "Event",
    "Condition",
    "Semaphore",
    "Pool",
    "Manager",
)

_CONCURRENCY: tuple[Entry, ...] = (
    *(
        Entry(
            f"threading.{name}()",
            Kind.CONCURRENCY,
            f"import threading; value = threading.{name}({_THREAD_ARGUMENTS.get(name, '')})",
            enters_as_itself=name not in _ACQUIRED_ON_ENTRY,
        )
        for name in _THREADING
    ),
    *(
        Entry(f"queue.{name}()", Kind.CONCURRENCY, f"import queue; value = queue.{name}()")
        for name in ("Queue", "LifoQueue", "PriorityQueue", "SimpleQueue")
    ),
    *(
        Entry(
            f"multiprocessing.{name}()",
            Kind.CONCURRENCY,
            "import multiprocessing; "
            f"value = multiprocessing.{name}({'target=print' if name == 'Process' else ''})",
            enters_as_itself=name not in _ACQUIRED_ON_ENTRY,
        )
        for name in _MULTIPROCESSING
    ),
    *(
        Entry(
            f"concurrent.futures.{name}()",
            Kind.CONCURRENCY,
            f"import concurrent.futures; value = concurrent.futures.{name}()",
        )
        for name in ("ThreadPoolExecutor", "ProcessPoolExecutor")
    ),
    Entry(
        "concurrent.futures.ThreadPoolExecutor().submit()",
        Kind.CONCURRENCY,
        "import concurrent.futures; value = concurrent.futures.ThreadPoolExecutor().submit(print)",
    ),
    Entry(
        "multiprocessing.pool.ThreadPool()",
        Kind.CONCURRENCY,
        "import multiprocessing.pool; value = multiprocessing.pool.ThreadPool(1)",
    ),
    Entry(
        "asyncio.new_event_loop()",
        Kind.CONCURRENCY,
        "import asyncio; value = asyncio.new_event_loop()",
    ),
    Entry(
        "asyncio.get_event_loop()",
        Kind.CONCURRENCY,
        "import asyncio; asyncio.set_event_loop(asyncio.new_event_loop()); "
        "value = asyncio.get_event_loop()",
    ),
    Entry(
        "selectors.DefaultSelector()",
        Kind.CONCURRENCY,
        "import selectors; value = selectors.DefaultSelector()",
    ),
    Entry(
        "subprocess.Popen()",
        Kind.CONCURRENCY,
        "import subprocess; value = subprocess.Popen(['true'])",
    ),
)

_GENERATORS: tuple[Entry, ...] = (
    *(
        Entry(f"os.{name}()", Kind.GENERATOR, f"import os; value = os.{name}('.')")
        for name in ("walk", "fwalk")
    ),
    *(
        Entry(
            f"pathlib.Path().{name}()",
            Kind.GENERATOR,
            f"import pathlib; value = pathlib.Path().{name}({arguments})",
        )
        for name, arguments in (("glob", "'*'"), ("rglob", "'*'"), ("iterdir", ""))
    ),
)

_HASHES = (
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3_256",
    "sha3_512",
    "blake2b",
    "blake2s",
    "new",
)

_INTERPRETER: tuple[Entry, ...] = (
    Entry("builtins.memoryview()", Kind.INTERPRETER_OBJECT, "value = memoryview(b'data')"),
    Entry(
        "itertools.pairwise()",
        Kind.INTERPRETER_OBJECT,
        "import itertools; value = itertools.pairwise([1, 2])",
    ),
    Entry(
        "weakref.ref()",
        Kind.INTERPRETER_OBJECT,
        "import weakref, logging; value = weakref.ref(logging.getLogger())",
    ),
    *(
        Entry(
            f"weakref.{name}()",
            Kind.INTERPRETER_OBJECT,
            f"import weakref; value = weakref.{name}()",
        )
        for name in ("WeakValueDictionary", "WeakKeyDictionary", "WeakSet")
    ),
    Entry("sys._getframe()", Kind.INTERPRETER_OBJECT, "import sys; value = sys._getframe()"),
    Entry(
        "inspect.currentframe()",
        Kind.INTERPRETER_OBJECT,
        "import inspect; value = inspect.currentframe()",
    ),
    *(
        Entry(
            f"builtins.dict().{view}()",
            Kind.INTERPRETER_OBJECT,
            f"value = {{'a': 1}}.{view}()",
            iterator_pickles=True,
        )
        for view in ("keys", "values", "items")
    ),
    Entry(
        "types.MappingProxyType()",
        Kind.INTERPRETER_OBJECT,
        "import types; value = types.MappingProxyType({'a': 1})",
        iterator_pickles=True,
    ),
    Entry("os.environ", Kind.INTERPRETER_OBJECT, "import os; value = os.environ"),
    Entry(
        "streamlit.secrets",
        Kind.INTERPRETER_OBJECT,
        # iterating st.secrets without a secrets file raises, so give it one
        "import os; os.makedirs('.streamlit', exist_ok=True); "
        "open(os.path.join('.streamlit', 'secrets.toml'), 'w').write('key = 1\\n'); "
        "import streamlit as st; value = st.secrets",
        iterator_pickles=True,  # iterates over the keys of a parsed copy
    ),
    Entry(
        "contextvars.ContextVar()",
        Kind.INTERPRETER_OBJECT,
        "import contextvars; value = contextvars.ContextVar('v')",
    ),
    *(
        Entry(f"re.{name}()", Kind.INTERPRETER_OBJECT, f"import re; value = re.{name}('a', 'a')")
        for name in ("finditer", "match", "search", "fullmatch")
    ),
    *(
        Entry(
            f"re.compile().{name}()",
            Kind.INTERPRETER_OBJECT,
            f"import re; value = re.compile('a').{name}('a')",
        )
        for name in ("finditer", "match", "search", "fullmatch")
    ),
    *(
        Entry(
            f"hashlib.{name}()",
            Kind.INTERPRETER_OBJECT,
            f"import hashlib; value = hashlib.{name}({repr('sha1') if name == 'new' else ''})",
        )
        for name in _HASHES
    ),
    Entry(
        "hmac.new()",
        Kind.INTERPRETER_OBJECT,
        "import hmac; value = hmac.new(b'k', digestmod='sha256')",
    ),
    *(
        Entry(f"zlib.{name}()", Kind.INTERPRETER_OBJECT, f"import zlib; value = zlib.{name}()")
        for name in ("compressobj", "decompressobj")
    ),
)

_AZURE = "api_key='x', api_version='2024-02-01', azure_endpoint='https://localhost'"
_AWS = "region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y'"

_CLIENTS: tuple[Entry, ...] = (
    *(
        Entry(f"openai.{name}()", Kind.CLIENT, f"import openai; value = openai.{name}(api_key='x')")
        for name in ("OpenAI", "AsyncOpenAI", "Client", "AsyncClient")
    ),
    *(
        Entry(f"openai.{name}()", Kind.CLIENT, f"import openai; value = openai.{name}({_AZURE})")
        for name in ("AzureOpenAI", "AsyncAzureOpenAI")
    ),
    *(
        Entry(
            f"anthropic.{name}()",
            Kind.CLIENT,
            f"import anthropic; value = anthropic.{name}(api_key='x')",
        )
        for name in ("Anthropic", "AsyncAnthropic", "Client", "AsyncClient")
    ),
    *(
        Entry(f"httpx.{name}()", Kind.CLIENT, f"import httpx; value = httpx.{name}()")
        for name in ("Client", "AsyncClient")
    ),
    *(
        Entry(
            f"langchain_openai.{name}()",
            Kind.CLIENT,
            f"import langchain_openai; value = langchain_openai.{name}(api_key='x')",
        )
        for name in ("ChatOpenAI", "OpenAIEmbeddings", "OpenAI")
    ),
    Entry(
        "langchain_openai.chat_models.ChatOpenAI()",
        Kind.CLIENT,
        "import langchain_openai.chat_models; "
        "value = langchain_openai.chat_models.ChatOpenAI(api_key='x')",
    ),
    *(
        Entry(
            f"langchain_openai.{name}()",
            Kind.CLIENT,
            f"import langchain_openai; value = langchain_openai.{name}({_AZURE})",
        )
        for name in ("AzureChatOpenAI", "AzureOpenAIEmbeddings")
    ),
    *(
        Entry(
            f"boto3.{name}()",
            Kind.CLIENT,
            f"import boto3; value = boto3.{name}('s3', {_AWS})",
        )
        for name in ("client", "resource")
    ),
    *(
        Entry(f"{name}()", Kind.CLIENT, f"import boto3.session; value = {name}({_AWS})")
        for name in ("boto3.Session", "boto3.session.Session")
    ),
    *(
        Entry(
            f"boto3.Session().{name}()",
            Kind.CLIENT,
            f"import boto3; value = boto3.Session({_AWS}).{name}('s3')",
        )
        for name in ("client", "resource")
    ),
)

ALL_ENTRIES: tuple[Entry, ...] = (
    *ENTRIES,
    *_DATABASE,
    *_CONCURRENCY,
    *_GENERATORS,
    *_INTERPRETER,
    *_CLIENTS,
)

CATALOGUE: Mapping[str, Entry] = {entry.path: entry for entry in ALL_ENTRIES}
