"""What is known to be unpicklable, as one table with the evidence for each row.

A row's ``path`` names a value the way the analysis spells it: a qualified
name (``sys.stdout``), and ``()`` for "what calling it returns", so
``builtins.open()`` is the result of ``open(...)`` and
``pathlib.Path().open()`` the result of ``Path(...).open(...)``.

``evidence`` is Python source that binds ``value`` to such an object without
touching the network (loopback only) and inside a scratch directory; the test
suite runs every snippet and checks that ``pickle.dumps(value)`` raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flake8_session_pickle.codes import Kind


@dataclass(frozen=True)
class Entry:
    path: str
    kind: Kind
    evidence: str


_LISTENER = "_srv = socket.create_server(('127.0.0.1', 0)); "

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
    Entry(
        "pathlib.Path().open()",
        Kind.OPEN_FILE,
        "import pathlib; value = pathlib.Path('f.txt').open('w')",
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
    Entry("sys.stdin", Kind.OPEN_FILE, "import sys; value = sys.stdin"),
    Entry("sys.stdout", Kind.OPEN_FILE, "import sys; value = sys.stdout"),
    Entry("sys.stderr", Kind.OPEN_FILE, "import sys; value = sys.stderr"),
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
        "import socket; value = socket.fromfd(socket.socket().fileno(), "
        "socket.AF_INET, socket.SOCK_STREAM)",
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

CATALOGUE: Mapping[str, Entry] = {entry.path: entry for entry in ENTRIES}
