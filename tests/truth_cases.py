"""Cases for the runtime-truth test: small Streamlit scripts that each store one value.

Each value is written in several of the write forms and from several of the
places a write can stand, chosen in rotation so that every form and place meets
unpicklable values and look-alikes. ``expected`` is the code the linter reports,
or None for a value that pickles, and ``line`` where it reports it; the test
checks them against Streamlit.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from itertools import cycle


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    expected: str | None
    sink: str = "session_state"
    line: int | None = None
    """The line a report of a refused value points at: where the value is written."""
    also: tuple[int, ...] = ()
    """Other lines where the refused value is reported: the write in a function
    of the file that a call makes refused (``line`` is the call)."""
    files: tuple[tuple[str, str], ...] = ()
    """The app's other files, by their path from the folder of the script, which
    is ``app.py`` there, or ``pages/page.py`` for a case whose script is a page."""
    script: str = "app.py"


@dataclass(frozen=True)
class Value:
    id: str
    expression: str
    expected: str | None
    prelude: str = ""


UNPICKLABLE = [
    Value("lambda", "lambda: 1", "PKL101"),
    Value("lambda-in-list", "[1, {'a': (lambda: 2,)}]", "PKL101"),
    Value("lambda-through-name", "handler", "PKL101", "handler = lambda: 1\n"),
    Value("walrus-lambda", "(fn := lambda: 1)", "PKL101"),
    Value("partial-of-lambda", "functools.partial(lambda x: x, 1)", "PKL101", "import functools\n"),
    Value("map-of-lambda", "map(lambda x: x, [1])", "PKL101"),
    Value(
        "defaultdict-of-lambda",
        "collections.defaultdict(lambda: 0)",
        "PKL101",
        "import collections\n",
    ),
    Value(
        "class-lambda-attribute",
        "Holder.convert",
        "PKL101",
        "class Holder:\n    convert = lambda value: value\n",
    ),
    Value(
        "returned-lambda",
        "make_formatter()",
        "PKL101",
        "def make_formatter():\n    return lambda value: value\n",
    ),
    Value(
        "nested-function",
        "build()",
        "PKL102",
        "def build():\n    def inner():\n        return 1\n    return inner\n",
    ),
    Value(
        "local-class-instance",
        "make_local()",
        "PKL102",
        "def make_local():\n    class Local:\n        pass\n    return Local()\n",
    ),
    Value(
        "partial-with-lambda-keyword",
        "functools.partial(sorted, key=lambda row: row)",
        "PKL101",
        "import functools\n",
    ),
    Value("enumerated-generator", "enumerate(n for n in range(3))", "PKL103"),
    Value("zipped-generator", "zip([1, 2], (n for n in range(2)))", "PKL103"),
    Value("list-of-a-filter-of-lambdas", "list(filter(None, [lambda: 1]))", "PKL101"),
    Value(
        "list-of-repeated-lambda",
        "list(itertools.repeat(lambda: 1, 2))",
        "PKL101",
        "import itertools\n",
    ),
    Value("generator-expression", "(n * n for n in range(3))", "PKL103"),
    Value("generator-call", "numbers()", "PKL103", "def numbers():\n    yield 1\n"),
    Value(
        "coroutine",
        "pending",
        "PKL103",
        "async def load():\n    return 1\npending = load()\npending.close()\n",
    ),
    Value("open-file", "open(__file__)", "PKL104"),
    Value("io-open", "io.open(__file__)", "PKL104", "import io\n"),
    Value("path-open", "Path(__file__).open()", "PKL104", "from pathlib import Path\n"),
    Value("temporary-file", "tempfile.TemporaryFile()", "PKL104", "import tempfile\n"),
    Value("with-target", "fh", "PKL104", "with open(__file__) as fh:\n    pass\n"),
    Value("stdout", "sys.stdout", "PKL104", "import sys\n"),
    Value("socket", "socket.socket()", "PKL105", "import socket\n"),
    Value("socketpair", "socket.socketpair()", "PKL105", "import socket\n"),
    Value("sqlite-connection", "sqlite3.connect(':memory:')", "PKL106", "import sqlite3\n"),
    Value(
        "sqlite-cursor",
        "db.cursor()",
        "PKL106",
        "import sqlite3\ndb = sqlite3.connect(':memory:')\n",
    ),
    Value(
        "sqlalchemy-engine",
        "create_engine('sqlite://')",
        "PKL106",
        "from sqlalchemy import create_engine\n",
    ),
    Value(
        "sqlalchemy-query",
        "session.query(literal(1)).filter(literal(1) == 1)",
        "PKL106",
        "from sqlalchemy import create_engine, literal\nfrom sqlalchemy.orm import sessionmaker\n"
        "session = sessionmaker(create_engine('sqlite://'))()\n",
    ),
    Value("lock", "threading.Lock()", "PKL107", "import threading\n"),
    Value("queue", "queue.Queue()", "PKL107", "import queue\n"),
    Value(
        "executor",
        "pool",
        "PKL107",
        "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor(1)\n"
        "pool.shutdown()\n",
    ),
    Value("module", "json", "PKL108", "import json\n"),
    Value("streamlit-module", "st", "PKL108"),
    Value("memoryview", "memoryview(b'data')", "PKL109"),
    Value("dict-keys", "settings.keys()", "PKL109", "settings = {'a': 1}\n"),
    Value("hash", "hashlib.sha256(b'data')", "PKL109", "import hashlib\n"),
    Value("openai-client", "OpenAI(api_key='sk-example')", "PKL110", "from openai import OpenAI\n"),
    Value("httpx-client", "httpx.Client()", "PKL110", "import httpx\n"),
    Value(
        "client-from-helper",
        "get_client()",
        "PKL110",
        "from openai import OpenAI\ndef get_client():\n    return OpenAI(api_key='sk-example')\n",
    ),
    Value(
        "connection-from-a-helper-with-try",
        "connect()",
        "PKL106",
        "import sqlite3\ndef connect():\n    try:\n        return sqlite3.connect(':memory:')\n"
        "    except sqlite3.Error:\n        raise\n",
    ),
    Value(
        "instance-holding-lock",
        "Worker()",
        "PKL111",
        "import threading\nclass Worker:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\n",
    ),
]

PICKLABLE = [
    Value("file-contents", "open(__file__).read()", None),
    Value("file-lines", "list(open(__file__))", None),
    Value("sorted-generator", "sorted(n for n in [3, 1])", None),
    Value("summed-generator", "sum(n for n in range(3))", None),
    Value("called-lambda", "(lambda: 1)()", None),
    Value("lambda-text", "str(lambda: 1)", None),
    Value("open-function", "open", None),
    Value("socket-class", "socket.socket", None, "import socket\n"),
    Value("module-function", "module_function", None, "def module_function():\n    return 1\n"),
    Value("generator-function", "numbers", None, "def numbers():\n    yield 1\n"),
    Value("produced-list", "list(numbers())", None, "def numbers():\n    yield 1\n"),
    Value("rebound-name", "handler", None, "handler = lambda: 1\nhandler = 3\n"),
    Value(
        "read-with-default",
        "len(st.session_state)",
        None,
        "probe = st.session_state.get('missing', lambda: 1)\n",
    ),
    Value(
        "with-contents", "first", None, "with open(__file__) as fh:\n    first = fh.readline()\n"
    ),
    Value("spooled-temporary-file", "tempfile.SpooledTemporaryFile()", None, "import tempfile\n"),
    Value("bytes-io", "io.BytesIO(b'data')", None, "import io\n"),
    Value("string-io", "io.StringIO('data')", None, "import io\n"),
    Value("regex", "re.compile('a+')", None, "import re\n"),
    Value("logger", "logging.getLogger('app')", None, "import logging\n"),
    Value("requests-session", "requests.Session()", None, "import requests\n"),
    Value("iterator", "iter([1, 2])", None),
    Value("map-of-builtin", "map(str, [1, 2])", None),
    Value("zip", "zip([1], [2])", None),
    Value("list-of-a-map-of-lambda", "list(map(lambda x: x * 2, [1, 2]))", None),
    Value("unpacked-filter-of-lambda", "[*filter(lambda x: x, [0, 1])]", None),
    Value(
        "sorted-starmap-of-lambda",
        "sorted(itertools.starmap(lambda a, b: a, [(1, 2)]))",
        None,
        "import itertools\n",
    ),
    Value("tuple-of-enumerate-of-text", "tuple(enumerate(['a']))", None),
    Value("enumerate", "enumerate(['a'])", None),
    Value("range", "range(3)", None),
    Value("reversed-list", "reversed([1, 2])", None),
    Value("enumerated-dict-items", "enumerate(settings.items())", None, "settings = {'a': 1}\n"),
    Value("partial-of-builtin", "functools.partial(int, base=2)", None, "import functools\n"),
    Value("defaultdict-of-list", "collections.defaultdict(list)", None, "import collections\n"),
    Value("thread-name", "threading.current_thread().name", None, "import threading\n"),
    Value("listed-items", "list(settings.items())", None, "settings = {'a': 1}\n"),
    Value("hex-digest", "hashlib.sha256(b'data').hexdigest()", None, "import hashlib\n"),
    Value(
        "rows",
        "db.execute('select 1').fetchall()",
        None,
        "import sqlite3\ndb = sqlite3.connect(':memory:', check_same_thread=False)\n",
    ),
    Value("async-queue", "asyncio.Queue()", None, "import asyncio\n"),
    Value("widget-value", "st.text_input('Name')", None),
    Value("dataframe", "pd.DataFrame({'a': [1, 2]})", None, "import pandas as pd\n"),
    Value("array", "np.arange(3)", None, "import numpy as np\n"),
    Value(
        "module-class-instance",
        "Counter()",
        None,
        "class Counter:\n    def __init__(self):\n        self.count = 0\n",
    ),
    Value(
        "bound-method",
        "Counter().increment",
        None,
        "class Counter:\n    def increment(self):\n        return 1\n",
    ),
    Value(
        "getstate-class",
        "Model()",
        None,
        "class Model:\n    def __init__(self):\n        self.important_data = 1\n"
        "        self.callback = lambda: 1\n    def __getstate__(self):\n"
        "        return {'important_data': self.important_data}\n"
        "    def __setstate__(self, state):\n        self.__dict__.update(state)\n",
    ),
    Value(
        "copyreg-class",
        "Guarded()",
        None,
        "import copyreg, threading\nclass Guarded:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\ndef rebuild():\n    return Guarded()\n"
        "copyreg.pickle(Guarded, lambda obj: (rebuild, ()))\n",
    ),
    Value("path", "Path(__file__).name", None, "from pathlib import Path\n"),
    Value("datetime", "datetime.date(2024, 1, 1)", None, "import datetime\n"),
    Value("nested-data", "{'rows': [(1, 'a'), (2, 'b')], 'meta': {'n': 2}}", None),
]

FORMS = [
    ("item", "st.session_state['key'] = {v}"),
    ("attribute", "st.session_state.key = {v}"),
    ("annotated", "st.session_state.key: object = {v}"),
    ("chained", "alias = st.session_state.key = {v}"),
    ("tuple-targets", "st.session_state.first, st.session_state.key = 0, {v}"),
    ("update-dict", "st.session_state.update({{'key': {v}}})"),
    ("update-keyword", "st.session_state.update(key={v})"),
    ("setdefault", "st.session_state.setdefault('key', {v})"),
    ("setattr", "setattr(st.session_state, 'key', {v})"),
    ("append", "st.session_state.key = []\nst.session_state.key.append({v})"),
    ("insert", "st.session_state['key'] = []\nst.session_state['key'].insert(0, {v})"),
    ("extend", "st.session_state.key = []\nst.session_state.key.extend([{v}])"),
    ("augmented", "st.session_state.key = []\nst.session_state.key += [{v}]"),
    ("ss-alias", "ss = st.session_state\nss['key'] = {v}"),
    ("imported-name", "from streamlit import session_state as state\nstate.key = {v}"),
]

PLACES = [
    ("module", "{w}\n"),
    ("guard", "if 'key' not in st.session_state:\n{iw}\n"),
    ("function", "def store():\n{iw}\nstore()\n"),
    ("loop", "for _ in range(1):\n{iw}\n"),
    ("with", "with st.container():\n{iw}\n"),
    ("method", "class Page:\n    def store(self):\n{iiw}\nPage().store()\n"),
    ("callback", "def on_click():\n{iw}\nst.button('go', on_click=on_click)\n"),
]


_REMEMBER = (
    "state.py",
    "import streamlit as st\ndef remember(key, value):\n    st.session_state[key] = value\n",
)
"""A module of the app whose function stores what a call gives it."""


def _place(template: str, write: str) -> str:
    return template.format(
        w=write,
        iw=textwrap.indent(write, "    "),
        iiw=textwrap.indent(write, "        "),
    )


_VALUE = "\0"
"""Stands for a case's value while the line it is written on is found."""


def line_of(source: str, text: str) -> int:
    """The line of the last occurrence of ``text``: where a case writes its value,
    after whatever its prelude defines."""
    return source[: source.rindex(text)].count("\n") + 1


def _session_state_cases(values: list[Value], rounds: int, offset: int) -> list[Case]:
    forms = cycle(FORMS[offset:] + FORMS[:offset])
    places = cycle(PLACES[offset % len(PLACES) :] + PLACES[: offset % len(PLACES)])
    cases = []
    for round_number in range(rounds):
        for value in values:
            form_id, form = next(forms)
            place_id, place = next(places)
            head = "import streamlit as st\nst.title('case')\n" + value.prelude
            marked = head + _place(place, form.format(v=_VALUE))
            cases.append(
                Case(
                    f"{value.id}/{form_id}/{place_id}/{round_number}",
                    marked.replace(_VALUE, value.expression),
                    value.expected,
                    line=marked[: marked.index(_VALUE)].count("\n") + 1,
                )
            )
    return cases


CACHE_DATA_VALUES = [
    Value("lambda", "lambda: 1", "PKL201"),
    Value("nested-function", "inner", "PKL202", ""),
    Value("open-file", "open(__file__)", "PKL204"),
    Value("socket", "socket.socket()", "PKL205", "import socket\n"),
    Value("sqlite-connection", "sqlite3.connect(':memory:')", "PKL206", "import sqlite3\n"),
    Value("lock-in-dict", "{'lock': threading.Lock()}", "PKL207", "import threading\n"),
    Value("module", "json", "PKL208", "import json\n"),
    Value("hash", "hashlib.sha256(b'x')", "PKL209", "import hashlib\n"),
    Value("client", "OpenAI(api_key='sk-example')", "PKL210", "from openai import OpenAI\n"),
    Value("contents", "open(__file__).read()", None),
    Value(
        "rows",
        "sqlite3.connect(':memory:').execute('select 1').fetchall()",
        None,
        "import sqlite3\n",
    ),
    Value("dataframe", "pd.DataFrame({'a': [1]})", None, "import pandas as pd\n"),
    Value("data", "{'rows': [1, 2], 'name': 'x'}", None),
    Value("hex-digest", "hashlib.sha256(b'x').hexdigest()", None, "import hashlib\n"),
    Value("module-function", "module_function", None, "def module_function():\n    return 1\n"),
]

CACHE_DATA_DECORATORS = ["@st.cache_data", "@st.cache_data(ttl=60)", "@cache_data"]


def _cache_data_cases() -> list[Case]:
    cases = []
    decorators = cycle(CACHE_DATA_DECORATORS)
    for value in CACHE_DATA_VALUES:
        for through_name in (False, True):
            decorator = next(decorators)
            body = "    def inner():\n        return 1\n" if value.id == "nested-function" else ""
            body += (
                f"    result = {value.expression}\n    return result\n"
                if through_name
                else f"    return {value.expression}\n"
            )
            source = (
                "import streamlit as st\nfrom streamlit import cache_data\n"
                + value.prelude
                + f"{decorator}\ndef load():\n{body}load()\n"
            )
            name = "name" if through_name else "direct"
            cases.append(
                Case(
                    f"cache_data/{value.id}/{name}",
                    source,
                    value.expected,
                    "cache_data",
                    line=line_of(source, "    return "),
                )
            )
    cases.append(
        Case(
            "cache_data/generator-function",
            "import streamlit as st\n@st.cache_data\ndef load():\n    yield 1\nload()\n",
            "PKL203",
            "cache_data",
            line=3,
        )
    )
    for value_id, returned, expected in (
        ("data", "1", None),
        ("lock", "threading.Lock()", "PKL207"),
    ):
        cases.append(
            Case(
                f"cache_data/async-function-returning-{value_id}",
                "import asyncio, threading\nimport streamlit as st\n@st.cache_data\n"
                f"async def load():\n    return {returned}\nasyncio.run(load())\n",
                expected,
                "cache_data",
                line=5,
            )
        )
    cases.append(
        Case(
            "cache_resource/connection",
            "import sqlite3\nimport streamlit as st\n@st.cache_resource\ndef load():\n"
            "    return sqlite3.connect(':memory:', check_same_thread=False)\nload()\n",
            None,
            "cache_data",
        )
    )
    return cases


RERUN_SCRIPT_HEAD = (
    "from dataclasses import dataclass\nimport streamlit as st\nst.title('app')\n"
    "@dataclass\nclass Message:\n    text: str\n"
)

RERUN_SCRIPT = (
    "import enum\nfrom collections import namedtuple\nfrom dataclasses import dataclass\n"
    "import streamlit as st\nst.title('app')\n"
    "@dataclass\nclass Message:\n    text: str\n"
    "class Mode(enum.Enum):\n    CHAT = 'chat'\n"
    "Point = namedtuple('Point', 'x y')\n"
    "def helper():\n    return 1\n"
)

RERUN_CASES = [
    Case(
        "rerun/guarded-instance",
        RERUN_SCRIPT + "if 'm' not in st.session_state:\n    st.session_state.m = Message('a')\n",
        "PKL112",
        line=15,
    ),
    Case(
        "rerun/setdefault-enum",
        RERUN_SCRIPT + "st.session_state.setdefault('m', Mode.CHAT)\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/setdefault-function",
        RERUN_SCRIPT + "st.session_state.setdefault('f', helper)\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/guarded-namedtuple",
        RERUN_SCRIPT + "if 'p' not in st.session_state:\n    st.session_state.p = Point(1, 2)\n",
        "PKL112",
        line=15,
    ),
    Case(
        "rerun/appended-instance",
        RERUN_SCRIPT + "st.session_state.setdefault('log', [])\n"
        "st.session_state.log.append(Message('a'))\n",
        "PKL112",
        line=15,
    ),
    Case(
        "rerun/guarded-class",
        RERUN_SCRIPT + "if 'c' not in st.session_state:\n    st.session_state.c = Message\n",
        "PKL112",
        line=15,
    ),
    Case(
        "rerun/guarded-in-main",
        RERUN_SCRIPT + "def main():\n    if 'm' not in st.session_state:\n"
        "        st.session_state.m = Message('a')\nmain()\n",
        "PKL112",
        line=16,
    ),
    Case(
        "rerun/guarded-in-a-script-that-calls-no-streamlit",
        "from dataclasses import dataclass\nimport streamlit as st\n"
        "@dataclass\nclass Point:\n    x: int\n"
        "if 'p' not in st.session_state:\n    st.session_state.p = Point(1)\n",
        "PKL112",
        line=7,
    ),
    Case(
        "rerun/method-called-on-every-run",
        RERUN_SCRIPT + "class Page:\n    def render(self):\n"
        "        if 'm' not in st.session_state:\n            st.session_state.m = 0\n"
        "        st.session_state.last = Message('a')\nPage().render()\n",
        None,
    ),
    Case(
        "rerun/helper-called-from-main",
        RERUN_SCRIPT + "def init_state():\n    st.session_state.m = Message('a')\n"
        "def main():\n    init_state()\nif __name__ == '__main__':\n    main()\n",
        None,
    ),
    Case(
        "rerun/helper-called-from-main-under-a-condition",
        RERUN_SCRIPT + "def init_state():\n    st.session_state.m = Message('a')\n"
        "def main():\n    if 'm' not in st.session_state:\n        init_state()\nmain()\n",
        "PKL112",
        line=15,
    ),
    Case(
        "rerun/method-called-from-a-callback",
        RERUN_SCRIPT + "class Page:\n    def save(self):\n"
        "        st.session_state.last = Message('a')\npage = Page()\n"
        "st.button('save', on_click=page.save)\n",
        "PKL112",
        line=16,
    ),
    Case(
        "rerun/instance-from-cache-resource",
        RERUN_SCRIPT + "@st.cache_resource\ndef shared():\n    return Message('a')\n"
        "st.session_state.m = shared()\n",
        "PKL112",
        line=17,
    ),
    Case(
        "rerun/imported-instance-from-cache-resource",
        RERUN_SCRIPT + "from fractions import Fraction\n@st.cache_resource\ndef shared():\n"
        "    return Fraction(1, 3)\nst.session_state.n = shared()\n",
        None,
    ),
    Case(
        "rerun/guarded-typed-dict",
        RERUN_SCRIPT + "from typing import TypedDict\nclass Row(TypedDict):\n    role: str\n"
        "if 'rows' not in st.session_state:\n    st.session_state.rows = [Row(role='a')]\n",
        None,
    ),
    Case(
        "rerun/script-functions-offered-by-a-radio",
        RERUN_SCRIPT + "choice = st.sidebar.radio('Page', [helper, len])\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/script-enum-offered-by-a-selectbox",
        RERUN_SCRIPT + "mode = st.selectbox('Mode', list(Mode))\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/script-functions-offered-by-a-radio-with-a-key",
        RERUN_SCRIPT + "choice = st.radio('Page', [helper, len], key='page')\n",
        None,
    ),
    Case(
        "rerun/dataclass-instances-offered-by-a-radio-with-a-key",
        RERUN_SCRIPT + "choice = st.radio('Message', [Message('a'), Message('b')], key='m')\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/script-enum-offered-by-a-selectbox-with-a-key",
        RERUN_SCRIPT + "mode = st.selectbox('Mode', list(Mode), key='mode')\n",
        "PKL112",
        line=14,
    ),
    Case(
        "rerun/plain-instances-offered-by-a-selectbox-with-a-key",
        RERUN_SCRIPT + "class Plain:\n    pass\n"
        "choice = st.selectbox('Plain', [Plain(), Plain()], key='plain')\n",
        None,
    ),
    Case(
        "rerun/pages-offered-by-their-names",
        RERUN_SCRIPT + "PAGES = {'Home': helper}\nchoice = st.radio('Page', PAGES)\n",
        None,
    ),
    Case(
        "flow/lambda-offered-by-a-selectbox",
        "import streamlit as st\nst.selectbox('Format', [lambda value: value], key='f')\n",
        "PKL101",
        line=2,
    ),
    Case(
        "rerun/guarded-in-a-script-that-only-calls-its-class",
        "import streamlit as st\nclass Chat:\n    pass\nclass App:\n    def run(self):\n"
        "        if 'chat' not in st.session_state:\n            st.session_state.chat = Chat()\n"
        "App().run()\n",
        "PKL112",
        line=7,
    ),
    Case(
        "rerun/unconditional-instance", RERUN_SCRIPT + "st.session_state.m = Message('a')\n", None
    ),
    Case("rerun/unconditional-function", RERUN_SCRIPT + "st.session_state.f = helper\n", None),
    Case(
        "rerun/every-run-main",
        RERUN_SCRIPT + "def main():\n    st.session_state.m = Message('a')\n"
        "if __name__ == '__main__':\n    main()\n",
        None,
    ),
    Case(
        "rerun/in-loop",
        RERUN_SCRIPT + "for _ in range(2):\n    st.session_state.m = Mode.CHAT\n",
        None,
    ),
    Case(
        "rerun/guarded-data",
        RERUN_SCRIPT + "if 'n' not in st.session_state:\n    st.session_state.n = {'a': [1]}\n",
        None,
    ),
    Case(
        "rerun/guarded-imported-class",
        RERUN_SCRIPT + "from fractions import Fraction\n"
        "if 'n' not in st.session_state:\n    st.session_state.n = Fraction(1, 3)\n",
        None,
    ),
]

FLOW_CASES = [
    Case(
        "flow/dict-filled-after-it-is-stored",
        "import streamlit as st, threading\ncfg = {}\nst.session_state.cfg = cfg\n"
        "cfg['lock'] = threading.Lock()\n",
        "PKL107",
        line=4,
    ),
    Case(
        "flow/list-appended-to-after-it-is-stored",
        "import streamlit as st, threading\nlog = []\nst.session_state.log = log\n"
        "log.append(threading.Lock())\n",
        "PKL107",
        line=4,
    ),
    Case(
        "flow/namespace-given-an-attribute-after-it-is-stored",
        "import streamlit as st, threading, types\nns = types.SimpleNamespace()\n"
        "st.session_state.ns = ns\nns.lock = threading.Lock()\n",
        "PKL107",
        line=4,
    ),
    Case(
        "flow/instance-given-an-attribute-before-it-is-stored",
        "import streamlit as st, threading\nclass Box:\n    pass\nbox = Box()\n"
        "box.lock = threading.Lock()\nst.session_state.box = box\n",
        "PKL111",
        line=6,
    ),
    Case(
        "flow/instance-given-text-before-it-is-stored",
        "import streamlit as st, types\nns = types.SimpleNamespace()\nns.name = 'started'\n"
        "st.session_state.ns = ns\n",
        None,
    ),
    Case(
        "flow/view-made-by-a-method-of-a-kept-dict",
        "import streamlit as st\nst.session_state.setdefault('prices', {'a': 1})\n"
        "st.session_state.names = st.session_state.prices.keys()\n",
        "PKL109",
        line=3,
    ),
    Case(
        "flow/list-made-by-a-method-of-a-kept-dict",
        "import streamlit as st\nst.session_state.setdefault('prices', {'a': 1})\n"
        "st.session_state.names = list(st.session_state.prices.keys())\n",
        None,
    ),
    Case(
        "flow/copy-stored-then-the-original-filled",
        "import streamlit as st, threading\ncfg = {}\nst.session_state.cfg = dict(cfg)\n"
        "cfg['lock'] = threading.Lock()\n",
        None,
    ),
    Case(
        "flow/name-rebound-after-it-is-stored",
        "import streamlit as st, threading\nlog = []\nst.session_state.log = log\n"
        "log = []\nlog.append(threading.Lock())\n",
        None,
    ),
    Case(
        "flow/list-given-text-after-it-is-stored",
        "import streamlit as st\nlog = []\nst.session_state.log = log\nlog.append('started')\n",
        None,
    ),
    Case(
        "flow/rebound-in-both-branches",
        "import streamlit as st\nf = lambda: 1\nif st.checkbox('x'):\n    f = 1\nelse:\n"
        "    f = 2\nst.session_state.f = f\n",
        None,
    ),
    Case(
        "flow/bound-in-the-branch-that-runs",
        "import streamlit as st\nif not st.checkbox('x'):\n    f = lambda: 1\nelse:\n"
        "    f = 2\nst.session_state.f = f\n",
        "PKL101",
        line=6,
    ),
    Case(
        "flow/other-function-scope",
        "import streamlit as st\nhandler = 2\ndef one():\n    handler = lambda: 1\n"
        "    return handler\ndef two():\n    st.session_state.k = handler\none()\ntwo()\n",
        None,
    ),
    Case(
        "flow/not-streamlit",
        "import streamlit as st\nclass Team:\n    session_state = {}\n"
        "Team.session_state['k'] = lambda: 1\n",
        None,
    ),
    Case(
        "flow/lambda-appended-to-a-local-list",
        "import streamlit as st\nitems = []\nitems.append(lambda: 1)\n"
        "st.session_state.items = items\n",
        "PKL101",
        line=4,
    ),
    Case(
        "flow/file-put-in-a-local-dict",
        "import streamlit as st\nhandles = {}\nif st.checkbox('x', value=True):\n"
        "    handles['log'] = open(__file__)\nst.session_state.handles = handles\n",
        "PKL104",
        line=5,
    ),
    Case(
        "flow/lambda-added-in-a-callback-list",
        "import streamlit as st\ndef save():\n    found = set()\n    found.add(lambda: 1)\n"
        "    st.session_state.found = found\nst.button('go', on_click=save)\n",
        "PKL101",
        line=5,
    ),
    Case(
        "flow/numbers-appended-to-a-local-list",
        "import streamlit as st\nitems = []\nitems.append(1)\nitems += [2]\n"
        "items.extend(n for n in range(3))\nst.session_state.items = items\n",
        None,
    ),
    Case(
        "flow/bound-method-kept-from-a-callback",
        "import streamlit as st\nclass Counter:\n    def increment(self):\n        return 1\n"
        "def on_click():\n    setattr(st.session_state, 'key', Counter().increment)\n"
        "st.button('go', on_click=on_click)\n",
        "PKL112",
        line=6,
    ),
    Case(
        "flow/bound-method-of-an-instance-holding-a-lock",
        "import streamlit as st\nimport threading\nclass Guard:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\n    def check(self):\n        return 1\n"
        "st.session_state.check = Guard().check\n",
        "PKL111",
        line=8,
    ),
    Case(
        "flow/bound-method-made-on-every-run",
        "import streamlit as st\nclass Counter:\n    def increment(self):\n        return 1\n"
        "st.session_state.key = Counter().increment\n",
        None,
    ),
    Case(
        "flow/with-target",
        "import streamlit as st\nwith open(__file__) as st.session_state.fh:\n    pass\n",
        "PKL104",
        line=2,
    ),
    Case(
        "flow/for-target",
        "import streamlit as st\nfor st.session_state.f in [len, lambda: 1]:\n    pass\n",
        "PKL101",
        line=2,
    ),
    Case(
        "flow/for-target-over-file-lines",
        "import streamlit as st\nfor st.session_state.line in open(__file__):\n    pass\n",
        None,
    ),
    Case(
        "flow/starred-target",
        "import streamlit as st\nfirst, *st.session_state.rest = 1, lambda: 1, 2\n",
        "PKL101",
        line=2,
    ),
    Case(
        "flow/unpacked-name",
        "import socket\nimport streamlit as st\npair = (1, socket.socket())\n"
        "st.session_state.a, st.session_state.b = pair\n",
        "PKL105",
        line=4,
    ),
    Case(
        "flow/extended-with-file-lines",
        "import streamlit as st\nst.session_state.lines = []\n"
        "st.session_state.lines.extend(open(__file__))\n",
        None,
    ),
    Case(
        "flow/extended-with-a-list-of-files",
        "import streamlit as st\nhandles = [open(__file__)]\nst.session_state.lines = []\n"
        "st.session_state.lines.extend(handles)\n",
        "PKL104",
        line=4,
    ),
    Case(
        "flow/attribute-set-by-a-method-nothing-calls",
        "import threading\nimport streamlit as st\nclass Worker:\n    def start(self):\n"
        "        self.lock = threading.Lock()\nst.session_state.w = Worker()\n",
        None,
    ),
    Case(
        "flow/attribute-set-by-a-method-the-script-calls",
        "import threading\nimport streamlit as st\nclass Worker:\n    def start(self):\n"
        "        self.lock = threading.Lock()\nworker = Worker()\nworker.start()\n"
        "st.session_state.w = worker\n",
        "PKL111",
        line=8,
    ),
    Case(
        "flow/lock-added-through-a-name-for-a-stored-list",
        "import threading\nimport streamlit as st\nif 'locks' not in st.session_state:\n"
        "    st.session_state.locks = []\nlocks = st.session_state.locks\n"
        "locks.append(threading.Lock())\n",
        "PKL107",
        line=6,
    ),
    Case(
        "flow/lambda-added-to-what-setdefault-gives",
        "import streamlit as st\nst.session_state.setdefault('handlers', []).append(lambda: 1)\n",
        "PKL101",
        line=2,
    ),
    Case(
        "flow/default-of-a-read-written-back",
        "import streamlit as st\n"
        "st.session_state.fmt = st.session_state.get('fmt', lambda value: value)\n",
        "PKL101",
        line=2,
    ),
    Case(
        "rerun/instance-added-to-a-list-read-back",
        "import streamlit as st\nclass Message:\n    pass\n"
        "items = st.session_state.get('items', [])\nitems.append(Message())\n"
        "st.session_state['items'] = items\n",
        "PKL112",
        line=5,
    ),
    Case(
        "flow/defaults-set-in-a-loop",
        "import streamlit as st\nDEFAULTS = {'messages': [], 'fmt': lambda value: value}\n"
        "for key, value in DEFAULTS.items():\n    st.session_state.setdefault(key, value)\n",
        "PKL101",
        line=4,
    ),
    Case(
        "flow/plain-defaults-set-in-a-loop",
        "import streamlit as st\nDEFAULTS = {'messages': [], 'count': 0}\n"
        "for key, value in DEFAULTS.items():\n    st.session_state.setdefault(key, value)\n",
        None,
    ),
    Case(
        "rerun/list-of-instances-bound-to-a-name",
        RERUN_SCRIPT_HEAD + "DEFAULT = [Message('hi')]\n"
        "if 'history' not in st.session_state:\n    st.session_state.history = DEFAULT\n",
        "PKL112",
        line=9,
    ),
    Case(
        "flow/lambda-in-a-dict-call",
        "import streamlit as st\nst.session_state.handlers = dict(on_save=lambda: 1)\n",
        "PKL101",
        line=2,
    ),
    Case(
        "flow/lock-in-a-namespace",
        "import threading, types\nimport streamlit as st\n"
        "st.session_state.ns = types.SimpleNamespace(lock=threading.Lock())\n",
        "PKL107",
        line=3,
    ),
    Case(
        "flow/lambda-added-by-concatenation",
        "import streamlit as st\nbase = [len]\nst.session_state.fs = base + [lambda: 1]\n",
        "PKL101",
        line=3,
    ),
    Case(
        "flow/sorted-with-a-key-lambda",
        "import streamlit as st\nst.session_state.s = sorted([3, 1], key=lambda v: -v)\n",
        None,
    ),
    Case(
        "rerun/instance-added-to-what-the-key-held",
        RERUN_SCRIPT_HEAD + "st.session_state.history = "
        "st.session_state.get('history', []) + [Message('hi')]\n",
        "PKL112",
        line=7,
    ),
    Case(
        "rerun/default-instance-of-a-read-written-back",
        RERUN_SCRIPT_HEAD + "st.session_state.m = st.session_state.get('m', Message('a'))\n",
        "PKL112",
        line=7,
    ),
    Case(
        "rerun/instance-from-a-read-of-another-key",
        RERUN_SCRIPT_HEAD + "st.session_state.m = st.session_state.get('other', Message('a'))\n",
        None,
    ),
    Case(
        "flow/keys-of-a-dict-of-lambdas",
        "import streamlit as st\nHANDLERS = {'save': lambda: 1}\n"
        "st.session_state.names = sorted(HANDLERS)\n",
        None,
    ),
    Case(
        "flow/values-of-a-dict-of-lambdas",
        "import streamlit as st\nHANDLERS = {'save': lambda: 1}\n"
        "st.session_state.handlers = list(HANDLERS.values())\n",
        "PKL101",
        line=3,
    ),
    Case(
        "flow/lock-of-a-base-init-the-subclass-overrides",
        "import threading\nimport streamlit as st\nclass Base:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\nclass Bot(Base):\n    def __init__(self):\n"
        "        self.n = 1\nst.session_state.bot = Bot()\n",
        None,
    ),
    Case(
        "flow/lock-of-a-base-init-called-through-super",
        "import threading\nimport streamlit as st\nclass Base:\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\nclass Bot(Base):\n    def __init__(self):\n"
        "        super().__init__()\nst.session_state.bot = Bot()\n",
        "PKL111",
        line=9,
    ),
    Case(
        "flow/what-a-lock-enters-as",
        "import threading\nimport streamlit as st\nwith threading.Lock() as held:\n"
        "    st.session_state.held = held\n",
        None,
    ),
    Case(
        "flow/lock-made-by-a-dataclass-field-factory",
        "import threading\nfrom dataclasses import dataclass, field\nimport streamlit as st\n"
        "@dataclass\nclass Worker:\n    lock: object = field(default_factory=threading.Lock)\n"
        "st.session_state.worker = Worker()\n",
        "PKL111",
        line=7,
    ),
    Case(
        "flow/list-made-by-a-dataclass-field-factory",
        "from dataclasses import dataclass, field\nimport streamlit as st\n"
        "@dataclass\nclass Worker:\n    items: list = field(default_factory=list)\n"
        "st.session_state.worker = Worker()\n",
        None,
    ),
    Case(
        "flow/shadowed-open",
        "import streamlit as st\ndef open(path):\n    return path\n"
        "st.session_state.k = open('f')\n",
        None,
    ),
]

KEY_SCRIPT = "import streamlit as st\nst.title('app')\nclass Message:\n    pass\n"

KEY_CASES = [
    Case(
        "keys/read-back-and-kept-under-another-key",
        KEY_SCRIPT + "st.session_state.current = Message()\n"
        "if 'first' not in st.session_state:\n"
        "    st.session_state.first = st.session_state.current\n",
        "PKL112",
        line=7,
    ),
    Case(
        "keys/read-back-and-kept-in-a-new-list",
        KEY_SCRIPT + "st.session_state.current = Message()\n"
        "if 'history' not in st.session_state:\n"
        "    st.session_state.history = [st.session_state.current]\n",
        "PKL112",
        line=7,
    ),
    Case(
        "keys/read-back-and-stored-under-another-key-on-every-run",
        KEY_SCRIPT + "st.session_state.current = Message()\n"
        "st.session_state.previous = st.session_state.current\n",
        None,
    ),
    Case(
        "keys/hyphenated-key-written-back-with-what-it-held",
        KEY_SCRIPT + "st.session_state['chat-log'] = st.session_state.get('chat-log', [])"
        " + [Message()]\n",
        "PKL112",
        line=5,
    ),
    Case(
        "keys/key-with-a-space-renewed-on-every-run",
        KEY_SCRIPT + "st.session_state['my key'] = []\n"
        "st.session_state['my key'].append(Message())\n",
        None,
    ),
    Case(
        "keys/key-with-a-space-made-once",
        KEY_SCRIPT + "if 'my key' not in st.session_state:\n    st.session_state['my key'] = []\n"
        "st.session_state['my key'].append(Message())\n",
        "PKL112",
        line=7,
    ),
    Case(
        "keys/number",
        "import streamlit as st\nst.session_state[3] = lambda: 1\n",
        "PKL101",
        line=2,
    ),
    Case(
        "keys/tuple",
        "import streamlit as st\nst.session_state[('a', 1)] = open(__file__)\n",
        "PKL104",
        line=2,
    ),
    Case(
        "keys/f-string",
        "import streamlit as st\nname = 'x'\nst.session_state[f'k-{name}'] = lambda: 1\n",
        "PKL101",
        line=3,
    ),
    Case(
        "keys/f-string-in-a-name-written-back",
        KEY_SCRIPT + "key = f'log-{1}'\n"
        "st.session_state[key] = st.session_state.get(key, []) + [Message()]\n",
        "PKL112",
        line=6,
    ),
    Case(
        "keys/f-string-in-a-name-renewed-on-every-run",
        KEY_SCRIPT + "key = f'log-{1}'\nst.session_state[key] = []\n"
        "st.session_state[key].append(Message())\n",
        None,
    ),
    Case(
        "keys/literal-in-a-name-written-back",
        KEY_SCRIPT + "key = 'chat-log'\n"
        "st.session_state[key] = st.session_state.get(key, []) + [Message()]\n",
        "PKL112",
        line=6,
    ),
    Case(
        "keys/literal-in-a-name-renewed-on-every-run",
        KEY_SCRIPT + "key = 'my key'\nst.session_state[key] = []\n"
        "st.session_state[key].append(Message())\n",
        None,
    ),
    Case(
        "keys/attribute-and-item-are-one-key",
        KEY_SCRIPT + "st.session_state.log = []\nst.session_state['log'].append(Message())\n",
        None,
    ),
]

BASE_SCRIPT = (
    "import threading\nimport streamlit as st\n"
    "class Base:\n    def __init__(self):\n        self.lock = threading.Lock()\n"
)

BASE_CLASS_CASES = [
    Case(
        "classes/base-init-called-through-the-base",
        BASE_SCRIPT + "class Child(Base):\n    def __init__(self):\n        Base.__init__(self)\n"
        "st.session_state.obj = Child()\n",
        "PKL111",
        line=9,
    ),
    Case(
        "classes/base-init-called-through-super-with-arguments",
        BASE_SCRIPT + "class Child(Base):\n    def __init__(self):\n"
        "        super(Child, self).__init__()\nst.session_state.obj = Child()\n",
        "PKL111",
        line=9,
    ),
    Case(
        "classes/base-init-of-a-grandparent",
        BASE_SCRIPT + "class Middle(Base):\n    pass\nclass Child(Middle):\n"
        "    def __init__(self):\n        super().__init__()\nst.session_state.obj = Child()\n",
        "PKL111",
        line=11,
    ),
    Case(
        "classes/base-init-overridden-and-not-called",
        BASE_SCRIPT + "class Child(Base):\n    def __init__(self):\n        self.name = 'x'\n"
        "st.session_state.obj = Child()\n",
        None,
    ),
    Case(
        "classes/method-called-only-from-a-method-nothing-calls",
        "import threading\nimport streamlit as st\nclass Worker:\n"
        "    def unused(self):\n        self.setup()\n"
        "    def setup(self):\n        self.lock = threading.Lock()\n"
        "st.session_state.w = Worker()\n",
        None,
    ),
    Case(
        "classes/generic-base-written-subscripted",
        "import threading\nfrom typing import Generic, TypeVar\nimport streamlit as st\n"
        "T = TypeVar('T')\nclass Box(Generic[T]):\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\nst.session_state.box = Box()\n",
        "PKL111",
        line=8,
    ),
    Case(
        "classes/generic-base-with-plain-data",
        "from typing import Generic, TypeVar\nimport streamlit as st\n"
        "T = TypeVar('T')\nclass Box(Generic[T]):\n    def __init__(self):\n"
        "        self.items = [1, 2]\nst.session_state.box = Box()\n",
        None,
    ),
    Case(
        "classes/generic-class-of-the-file-called-subscripted",
        "import threading\nfrom typing import Generic, TypeVar\nimport streamlit as st\n"
        "T = TypeVar('T')\nclass Queue(Generic[T]):\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\nst.session_state.queue = Queue[int]()\n",
        "PKL111",
        line=8,
    ),
    Case(
        "classes/generic-class-of-the-file-subscripted-with-plain-data",
        "from typing import Generic, TypeVar\nimport streamlit as st\n"
        "T = TypeVar('T')\nclass Queue(Generic[T]):\n    def __init__(self):\n"
        "        self.items = []\nst.session_state.queue = Queue[int]()\n",
        None,
    ),
    Case(
        "classes/abstract-base-of-collections",
        "import threading\nimport collections.abc\nimport streamlit as st\n"
        "class Pool(collections.abc.Iterable):\n    def __init__(self):\n"
        "        self.lock = threading.Lock()\n    def __iter__(self):\n        return iter(())\n"
        "st.session_state.pool = Pool()\n",
        "PKL111",
        line=9,
    ),
    Case(
        "classes/protocol-base-through-a-generic-class-of-the-file",
        "import threading\nfrom typing import Generic, Protocol, TypeVar\nimport streamlit as st\n"
        "T = TypeVar('T')\nclass Source(Protocol):\n    def read(self) -> str: ...\n"
        "class Store(Generic[T]):\n    pass\nclass Files(Store[int], Source):\n"
        "    def __init__(self):\n        self.lock = threading.Lock()\n"
        "    def read(self) -> str:\n        return ''\nst.session_state.files = Files()\n",
        "PKL111",
        line=14,
    ),
    Case(
        "classes/base-from-elsewhere-that-pickles-its-own-way",
        "import threading\nfrom fractions import Fraction\nimport streamlit as st\n"
        "class Ratio(Fraction):\n    def __init__(self, *args):\n"
        "        self.lock = threading.Lock()\nst.session_state.ratio = Ratio(1, 2)\n",
        None,
    ),
    Case(
        "classes/method-called-through-self-from-init",
        "import threading\nimport streamlit as st\nclass Worker:\n"
        "    def __init__(self):\n        self.setup()\n"
        "    def setup(self):\n        self.lock = threading.Lock()\n"
        "st.session_state.w = Worker()\n",
        "PKL111",
        line=8,
    ),
]

LIBRARIES: dict[str, str] = {
    "storekit": (
        "class Store:\n"
        "    def __init__(self, client=None, **options):\n"
        "        self.client = client\n"
        "        self.options = options\n"
        "    @classmethod\n"
        "    def from_parts(cls, client, name='x'):\n"
        "        return cls(client=client, name=name)\n"
        "class Table:\n"
        "    def __init__(self, rows):\n"
        "        self.rows = list(rows)\n"
    ),
}
"""Third-party packages the cases import, installed for the runtime only: the
linter sees only the app, as it does a real package."""

HOLDER_CASES = [
    Case(
        "holders/lock-kept-by-a-store",
        "import threading\nimport storekit\nimport streamlit as st\n"
        "st.session_state.store = storekit.Store(client=threading.Lock())\n",
        "PKL107",
        line=4,
    ),
    Case(
        "holders/socket-kept-by-an-imported-class",
        "import socket\nfrom storekit import Store\nimport streamlit as st\n"
        "store = Store(socket.socket())\nst.session_state.store = store\n",
        "PKL105",
        line=5,
    ),
    Case(
        "holders/lambda-kept-among-options",
        "import storekit\nimport streamlit as st\n"
        "st.session_state.store = storekit.Store(on_error=lambda error: None)\n",
        "PKL101",
        line=3,
    ),
    Case(
        "holders/lock-kept-by-what-a-factory-makes",
        "import threading\nfrom storekit import Store\nimport streamlit as st\n"
        "st.session_state.store = Store.from_parts(threading.Lock())\n",
        "PKL107",
        line=4,
    ),
    Case(
        "holders/plain-arguments",
        "import storekit\nimport streamlit as st\n"
        "st.session_state.store = storekit.Store(client='http://localhost', retries=3)\n",
        None,
    ),
    Case(
        "holders/generator-consumed-by-a-table",
        "import storekit\nimport streamlit as st\n"
        "st.session_state.table = storekit.Table(n * 2 for n in range(3))\n",
        None,
    ),
]

SUBCLASS_CASES = [
    Case(
        "subclasses/made-by-a-factory-it-inherits",
        "import tarfile\nimport streamlit as st\nclass Archive(tarfile.TarFile):\n    pass\n"
        "st.session_state.archive = Archive.open('app.tar', 'w')\n",
        "PKL104",
        line=5,
    ),
    Case(
        "subclasses/thread",
        "import threading\nimport streamlit as st\nclass Worker(threading.Thread):\n"
        "    pass\nst.session_state.worker = Worker()\n",
        "PKL107",
        line=5,
    ),
    Case(
        "subclasses/logging-handler",
        "import logging\nimport streamlit as st\nclass Handler(logging.StreamHandler):\n"
        "    pass\nst.session_state.handler = Handler()\n",
        "PKL107",
        line=5,
    ),
    Case(
        "subclasses/thread-with-a-reducer",
        "import threading\nimport streamlit as st\nclass Worker(threading.Thread):\n"
        "    def __reduce__(self):\n        return (int, ())\n"
        "st.session_state.worker = Worker()\n",
        None,
    ),
    Case(
        "subclasses/dict",
        "import streamlit as st\nclass Cache(dict):\n    pass\n"
        "st.session_state.cache = Cache(a=1)\n",
        None,
    ),
]

CALL_CASES = [
    Case(
        "calls/a-method-run-through-a-decorator-calls-its-own-methods",
        "import functools\nimport sqlite3\nimport streamlit as st\ndef logged(f):\n"
        "    @functools.wraps(f)\n    def inner(*args, **kwargs):\n"
        "        return f(*args, **kwargs)\n"
        "    return inner\nclass Bot:\n    def connect(self):\n"
        "        return sqlite3.connect(':memory:')\n    @logged\n    def main(self):\n"
        "        st.session_state.conn = self.connect()\nBot().main()\n",
        "PKL106",
        line=14,
    ),
    Case(
        "calls/a-parameter-annotated-with-a-connection-type",
        "import sqlite3\nimport streamlit as st\ndef keep(conn: sqlite3.Connection) -> None:\n"
        "    st.session_state.conn = conn\nkeep(sqlite3.connect(':memory:'))\n",
        "PKL106",
        line=4,
    ),
    Case(
        "calls/a-parameter-annotated-with-a-text-type",
        "import streamlit as st\ndef keep(name: str) -> None:\n"
        "    st.session_state.name = name\nkeep('chat')\n",
        None,
    ),
    Case(
        "calls/a-helper-that-may-end-without-a-return",
        "import sqlite3\nimport streamlit as st\ndef connect(kind):\n    if kind == 'local':\n"
        "        return sqlite3.connect(':memory:')\n    elif kind == 'none':\n        pass\n"
        "st.session_state.conn = connect('local')\n",
        "PKL106",
        line=8,
    ),
    Case(
        "calls/a-helper-that-ends-without-a-return-on-the-path-taken",
        "import streamlit as st\ndef label(kind):\n    if kind == 'a':\n        return 'alpha'\n"
        "    st.write('no label')\nst.session_state.label = label('b')\n",
        None,
    ),
    Case(
        "calls/statements-after-a-return-never-run",
        "import threading\nimport streamlit as st\ndef make_lock():\n    lock = threading.Lock()\n"
        "    return lock\n    '''What the next function does.'''\n"
        "st.session_state.lock = make_lock()\n",
        "PKL107",
        line=7,
    ),
    Case(
        "calls/statements-after-a-return-in-a-branch-run-on-the-other-branch",
        "import threading\nimport streamlit as st\ndef make(ready):\n    if ready:\n"
        "        return 'ready'\n        print('never')\n    return threading.Lock()\n"
        "st.session_state.made = make(False)\n",
        "PKL107",
        line=8,
    ),
    Case(
        "calls/a-text-returned-before-statements-that-never-run",
        "import threading\nimport streamlit as st\ndef label():\n    return 'text'\n"
        "    threading.Lock()\nst.session_state.label = label()\n",
        None,
    ),
    Case(
        "calls/tuple-returned-and-unpacked",
        "import socket\nimport streamlit as st\ndef setup():\n    return socket.socket(), 'dim'\n"
        "connection, name = setup()\nst.session_state.connection = connection\n",
        "PKL105",
        line=6,
    ),
    Case(
        "calls/tuple-returned-and-unpacked-the-other-item",
        "import socket\nimport streamlit as st\ndef setup():\n    return socket.socket(), 'dim'\n"
        "connection, name = setup()\nst.session_state.name = name\n",
        None,
    ),
    Case(
        "calls/tuple-unpacked-into-places",
        "import socket\nimport streamlit as st\ndef setup():\n    return 'dim', socket.socket()\n"
        "st.session_state.name, st.session_state.connection = setup()\n",
        "PKL105",
        line=5,
    ),
    Case(
        "calls/nested-tuple-unpacked",
        "import threading\nimport streamlit as st\npair = (1, ('a', threading.Lock()))\n"
        "number, (letter, lock) = pair\nst.session_state.letter = letter\n"
        "st.session_state.lock = lock\n",
        "PKL107",
        line=6,
    ),
    Case(
        "calls/argument-kept-by-what-a-helper-returns",
        "import threading\nimport storekit\nimport streamlit as st\n"
        "def create_store(client, name):\n    return storekit.Store(client=client)\n"
        "lock = threading.Lock()\nst.session_state.store = create_store(lock, 'x')\n",
        "PKL107",
        line=7,
    ),
    Case(
        "calls/plain-argument-kept-by-what-a-helper-returns",
        "import storekit\nimport streamlit as st\n"
        "def create_store(client, name):\n    return storekit.Store(client=client)\n"
        "st.session_state.store = create_store('http://localhost', 'x')\n",
        None,
    ),
    Case(
        "calls/argument-returned-as-it-is",
        "import streamlit as st\ndef identity(value):\n    return value\n"
        "st.session_state.f = identity(lambda: 1)\n",
        "PKL101",
        line=4,
    ),
    Case(
        "calls/argument-used-and-not-returned",
        "import streamlit as st\ndef apply(function, value):\n    return function(value)\n"
        "st.session_state.v = apply(lambda x: x + 1, 1)\n",
        None,
    ),
    Case(
        "calls/default-of-a-parameter-left-out",
        "import streamlit as st\ndef formatter(convert=lambda value: str(value)):\n"
        "    return convert\nst.session_state.f = formatter()\n",
        "PKL101",
        line=4,
    ),
    Case(
        "calls/default-of-a-parameter-given",
        "import streamlit as st\ndef formatter(convert=lambda value: str(value)):\n"
        "    return convert\nst.session_state.f = formatter(str)\n",
        None,
    ),
    Case(
        "calls/keyword-arguments-collected",
        "import threading\nimport streamlit as st\ndef options(**extra):\n    return extra\n"
        "st.session_state.o = options(lock=threading.Lock())\n",
        "PKL107",
        line=5,
    ),
    Case(
        "calls/positional-arguments-collected",
        "import streamlit as st\ndef first(*items):\n    return items[0]\n"
        "st.session_state.o = first(1, 2)\n",
        None,
    ),
    Case(
        "calls/static-method-factory",
        "import threading\nimport streamlit as st\nclass Locks:\n    @staticmethod\n"
        "    def make():\n        return threading.Lock()\nst.session_state.l = Locks.make()\n",
        "PKL107",
        line=7,
    ),
    Case(
        "calls/class-method-returning-data",
        "import streamlit as st\nclass Config:\n    @classmethod\n    def defaults(cls):\n"
        "        return {'a': 1}\nst.session_state.c = Config.defaults()\n",
        None,
    ),
    Case(
        "calls/method-of-an-instance-returning-a-file",
        "import streamlit as st\nclass Files:\n    def open_log(self):\n"
        "        return open(__file__)\nst.session_state.f = Files().open_log()\n",
        "PKL104",
        line=5,
    ),
    Case(
        "calls/argument-kept-on-self-through-two-constructors",
        "import threading\nimport streamlit as st\nclass Retriever:\n"
        "    def __init__(self, db):\n        self.db = db\nclass RAG:\n"
        "    def __init__(self, retriever):\n        self.retriever = retriever\n"
        "st.session_state.rag = RAG(retriever=Retriever(db=threading.Lock()))\n",
        "PKL111",
        line=9,
    ),
    Case(
        "calls/plain-argument-kept-on-self-through-two-constructors",
        "import streamlit as st\nclass Retriever:\n"
        "    def __init__(self, db):\n        self.db = db\nclass RAG:\n"
        "    def __init__(self, retriever):\n        self.retriever = retriever\n"
        "st.session_state.rag = RAG(retriever=Retriever(db='sqlite://'))\n",
        None,
    ),
    Case(
        "calls/keyword-arguments-passed-to-super",
        "import streamlit as st\nclass Base:\n    def __init__(self, handle=None):\n"
        "        self.handle = handle\nclass Child(Base):\n    def __init__(self, **options):\n"
        "        super().__init__(**options)\nst.session_state.c = Child(handle=open(__file__))\n",
        "PKL111",
        line=8,
    ),
    Case(
        "calls/argument-passed-to-the-base-init",
        "import streamlit as st\nclass Base:\n    def __init__(self, handle):\n"
        "        self.handle = handle\nclass Child(Base):\n    def __init__(self, handle):\n"
        "        Base.__init__(self, handle)\nst.session_state.c = Child(open(__file__))\n",
        "PKL111",
        line=8,
    ),
    Case(
        "calls/argument-passed-to-super-init",
        "import streamlit as st\nclass Base:\n    def __init__(self, handle):\n"
        "        self.handle = handle\nclass Child(Base):\n    def __init__(self, handle):\n"
        "        super().__init__(handle)\nst.session_state.c = Child(open(__file__))\n",
        "PKL111",
        line=8,
    ),
    Case(
        "calls/dataclass-field-given",
        "import threading\nfrom dataclasses import dataclass\nimport streamlit as st\n"
        "@dataclass\nclass Worker:\n    lock: object = None\n"
        "st.session_state.w = Worker(threading.Lock())\n",
        "PKL111",
        line=7,
    ),
    Case(
        "calls/dataclass-field-given-in-place-of-its-factory",
        "import threading\nfrom dataclasses import dataclass, field\nimport streamlit as st\n"
        "@dataclass\nclass Worker:\n    lock: object = field(default_factory=threading.Lock)\n"
        "st.session_state.w = Worker(lock=None)\n",
        None,
    ),
    Case(
        "calls/attribute-read-from-an-instance",
        "import socket\nimport streamlit as st\nclass Service:\n"
        "    def __init__(self, connection):\n        self.connection = connection\n"
        "service = Service(socket.socket())\nst.session_state.c = service.connection\n",
        "PKL105",
        line=7,
    ),
    Case(
        "calls/coroutine-run-by-asyncio",
        "import asyncio\nimport threading\nimport streamlit as st\nasync def build():\n"
        "    return threading.Lock()\nst.session_state.lock = asyncio.run(build())\n",
        "PKL107",
        line=6,
    ),
    Case(
        "calls/coroutine-awaited-in-a-coroutine",
        "import asyncio\nimport threading\nimport streamlit as st\nasync def build():\n"
        "    return threading.Lock()\nasync def main():\n"
        "    st.session_state.lock = await build()\nasyncio.run(main())\n",
        "PKL107",
        line=7,
    ),
    Case(
        "calls/coroutine-run-until-complete",
        "import asyncio\nimport streamlit as st\nasync def build():\n    return lambda: 1\n"
        "loop = asyncio.new_event_loop()\nst.session_state.f = loop.run_until_complete(build())\n",
        "PKL101",
        line=6,
    ),
    Case(
        "calls/coroutine-run-by-asyncio-returning-data",
        "import asyncio\nimport streamlit as st\nasync def build():\n    return {'a': 1}\n"
        "st.session_state.data = asyncio.run(build())\n",
        None,
    ),
    Case(
        "calls/argument-stored-by-a-helper",
        "import threading\nimport streamlit as st\ndef init_state(key, value):\n"
        "    if key not in st.session_state:\n        st.session_state[key] = value\n"
        "init_state('count', 0)\ninit_state('lock', threading.Lock())\n",
        "PKL107",
        line=7,
        also=(5,),
    ),
    Case(
        "flow/key-read-after-its-write",
        "import sqlite3\nimport streamlit as st\n"
        "st.session_state.pool = sqlite3.connect(':memory:')\n"
        "st.session_state.backup = st.session_state.pool\n",
        "PKL106",
        line=3,
        also=(4,),
    ),
    Case(
        "with/entered-by-hand",
        "import threading\nimport streamlit as st\nclass Session:\n"
        "    def __enter__(self):\n        return threading.Lock()\n"
        "    def __exit__(self, *exc):\n        return False\n"
        "st.session_state.lock = Session().__enter__()\n",
        "PKL107",
        line=8,
    ),
    Case(
        "calls/data-stored-by-a-helper",
        "import streamlit as st\ndef init_state(key, value):\n"
        "    if key not in st.session_state:\n        st.session_state[key] = value\n"
        "rows = [1, 2]\ninit_state('rows', rows)\ninit_state('name', 'x')\n",
        None,
    ),
    Case(
        "calls/argument-passed-on-to-a-helper-that-stores-it",
        "import streamlit as st\ndef store(value):\n    st.session_state.kept = [value]\n"
        "def remember(value):\n    store(value)\ndef page():\n"
        "    remember(lambda: 1)\npage()\n",
        "PKL101",
        line=7,
        also=(3,),
    ),
    Case(
        "calls/keyword-argument-stored-by-a-helper",
        "import socket\nimport streamlit as st\ndef keep(*, connection=None):\n"
        "    st.session_state.connection = connection\nkeep(connection=socket.socket())\n",
        "PKL105",
        line=5,
        also=(4,),
    ),
    Case(
        "calls/helper-storing-its-own-lock-given-data",
        "import threading\nimport streamlit as st\ndef start(name):\n"
        "    st.session_state.name = name\n    st.session_state.lock = threading.Lock()\n"
        "start('job')\n",
        "PKL107",
        line=5,
    ),
    Case(
        "calls/read-back-and-held-by-something-kept",
        "import storekit\nimport streamlit as st\nclass Config:\n    pass\n"
        "st.session_state.config = Config()\nif 'store' not in st.session_state:\n"
        "    st.session_state.store = storekit.Store(st.session_state.config)\n",
        "PKL112",
        line=7,
    ),
    Case(
        "calls/read-back-from-a-dict-in-session-state-and-held",
        "import threading\nimport storekit\nimport streamlit as st\n"
        "st.session_state.setdefault('cache', {})\nclass Job:\n    pass\n"
        "st.session_state.cache['job'] = 1\n"
        "st.session_state.store = storekit.Store(st.session_state.cache['job'])\n",
        None,
    ),
    Case(
        "calls/item-of-a-dict-of-settings",
        "import streamlit as st\nMODELS = {'fast': {'name': 'x', 'factory': lambda t: t}}\n"
        "config = MODELS['fast']\nst.session_state.factory = config['factory']\n",
        "PKL101",
        line=4,
    ),
    Case(
        "calls/plain-item-of-a-dict-of-settings",
        "import streamlit as st\nMODELS = {'fast': {'name': 'x', 'factory': lambda t: t}}\n"
        "config = MODELS.get('fast')\nst.session_state.name = config['name']\n",
        None,
    ),
    Case(
        "calls/class-method-making-an-instance",
        "import streamlit as st\nclass Store:\n    def __init__(self, handle):\n"
        "        self.handle = handle\n    @classmethod\n    def create(cls):\n"
        "        return cls(open(__file__))\nst.session_state.s = Store.create()\n",
        "PKL111",
        line=8,
    ),
    Case(
        "calls/session-state-given-to-a-function-that-stores-into-it",
        "import sqlite3\nimport streamlit as st\ndef keep(state):\n"
        "    state.db = sqlite3.connect(':memory:', check_same_thread=False)\n"
        "keep(st.session_state)\n",
        "PKL106",
        line=5,
    ),
    Case(
        "calls/session-state-given-by-keyword-to-a-method",
        "import streamlit as st\nclass Setup:\n    def run(self, state, step):\n"
        "        state['step'] = lambda: step\nSetup().run(step=1, state=st.session_state)\n",
        "PKL101",
        line=5,
    ),
    Case(
        "calls/session-state-given-to-a-function-storing-plain-data",
        "import streamlit as st\ndef keep(state, rows):\n    state['rows'] = list(rows)\n"
        "    state.setdefault('n', len(rows))\nkeep(st.session_state, [1, 2])\n",
        None,
    ),
    Case(
        "calls/a-dict-given-to-a-function-that-stores-a-connection-into-it",
        "import sqlite3\nimport streamlit as st\ndef keep(state):\n"
        "    state['db'] = sqlite3.connect(':memory:')\ncache = {}\nkeep(cache)\n"
        "st.session_state.n = len(cache)\n",
        None,
    ),
]

MODULE_CASES = [
    Case(
        "modules/a-class-whose-base-its-package-re-exports-before-importing-it",
        "import streamlit as st\nfrom coach import Coach\nst.session_state.coach = Coach()\n",
        "PKL111",
        line=3,
        files=(
            ("coach/__init__.py", "from coach.models import Coach\n"),
            (
                "coach/models/__init__.py",
                "from .base import Model\nfrom .coach import Coach\n",
            ),
            (
                "coach/models/base.py",
                "import threading\nclass Model:\n    def __init__(self):\n"
                "        self.lock = threading.Lock()\n",
            ),
            (
                "coach/models/coach.py",
                "from coach.models import Model\nclass Coach(Model):\n    pass\n",
            ),
        ),
    ),
    Case(
        "modules/imported-class-holding-a-lock",
        "import streamlit as st\nfrom worker import Worker\nst.session_state.w = Worker()\n",
        "PKL111",
        line=3,
        files=(
            (
                "worker.py",
                "import threading\nclass Worker:\n    def __init__(self):\n"
                "        self.lock = threading.Lock()\n",
            ),
        ),
    ),
    Case(
        "modules/imported-class-instance-kept-across-reruns",
        "import streamlit as st\nfrom models import Message\n"
        "if 'm' not in st.session_state:\n    st.session_state.m = Message('hi')\n",
        None,
        files=(
            (
                "models.py",
                "class Message:\n    def __init__(self, text):\n        self.text = text\n",
            ),
        ),
    ),
    Case(
        "modules/script-class-instance-kept-across-reruns-beside-imported-ones",
        "import streamlit as st\nfrom models import Message\nclass Note:\n    pass\n"
        "if 'n' not in st.session_state:\n    st.session_state.n = Note()\n"
        "    st.session_state.m = Message('hi')\n",
        "PKL112",
        line=6,
        files=(
            (
                "models.py",
                "class Message:\n    def __init__(self, text):\n        self.text = text\n",
            ),
        ),
    ),
    Case(
        "modules/helper-in-a-package-returning-a-connection",
        "import streamlit as st\nfrom utils.db import get_connection\n"
        "st.session_state.conn = get_connection()\n",
        "PKL106",
        line=3,
        files=(
            ("utils/__init__.py", ""),
            (
                "utils/db.py",
                "import sqlite3\ndef get_connection():\n    return sqlite3.connect(':memory:')\n",
            ),
        ),
    ),
    Case(
        "modules/module-level-object-reached-through-a-relative-import",
        "import streamlit as st\nimport utils.state\nst.session_state.log = utils.state.LOG\n",
        "PKL104",
        line=3,
        files=(
            ("utils/__init__.py", ""),
            ("utils/files.py", "def open_log():\n    return open(__file__)\n"),
            ("utils/state.py", "from .files import open_log\nLOG = open_log()\n"),
        ),
    ),
    Case(
        "modules/helper-returning-data",
        "import streamlit as st\nfrom utils.db import rows\nst.session_state.rows = rows()\n",
        None,
        files=(
            ("utils/__init__.py", ""),
            (
                "utils/db.py",
                "import sqlite3\ndef rows():\n"
                "    return sqlite3.connect(':memory:').execute('select 1').fetchall()\n",
            ),
        ),
    ),
    Case(
        "modules/page-importing-from-the-main-folder",
        "import streamlit as st\nfrom worker import Worker\nst.session_state.w = Worker()\n",
        "PKL111",
        line=3,
        script="pages/page.py",
        files=(
            ("app.py", "import streamlit as st\nst.title('main')\n"),
            (
                "worker.py",
                "import threading\nclass Worker:\n    def __init__(self):\n"
                "        self.lock = threading.Lock()\n",
            ),
        ),
    ),
    Case(
        "modules/class-keeping-its-engine-on-itself",
        "import streamlit as st\nfrom db import Database\n"
        "Database.init_memory()\nst.session_state.conn = Database.get()\n",
        "PKL106",
        line=4,
        files=(
            (
                "db.py",
                "import sqlite3\nclass Database:\n    _conn = None\n    @staticmethod\n"
                "    def init_memory():\n"
                "        Database._conn = sqlite3.connect(':memory:', check_same_thread=False)\n"
                "    @classmethod\n    def get(cls):\n        return cls._conn\n",
            ),
        ),
    ),
    Case(
        "modules/class-store-made-by-a-module-the-app-imports",
        "import streamlit as st\nimport boot\nfrom db import Database\n"
        "st.session_state.conn = Database.get()\n",
        "PKL106",
        line=4,
        files=(
            ("boot.py", "import db\ndb.Database.init_memory()\n"),
            (
                "db.py",
                "import sqlite3\nclass Database:\n    _conn = None\n    @classmethod\n"
                "    def init_memory(cls):\n"
                "        cls._conn = sqlite3.connect(':memory:', check_same_thread=False)\n"
                "    @classmethod\n    def get(cls):\n        return cls._conn\n",
            ),
        ),
    ),
    Case(
        "modules/function-storing-what-a-call-passes",
        "import sqlite3\nimport streamlit as st\nimport state\n"
        "state.remember('db', sqlite3.connect(':memory:', check_same_thread=False))\n",
        "PKL106",
        line=4,
        files=(_REMEMBER,),
    ),
    Case(
        "modules/function-storing-what-pickles",
        "import streamlit as st\nfrom state import remember\n"
        "remember('rows', [dict(a=1)])\nremember('n', st.number_input('n'))\n",
        None,
        files=(_REMEMBER,),
    ),
    Case(
        "modules/method-storing-what-a-call-passes",
        "import sqlite3\nimport streamlit as st\nfrom state import State\n"
        "State().keep(sqlite3.connect(':memory:', check_same_thread=False))\n",
        "PKL106",
        line=4,
        files=(
            (
                "state.py",
                "import streamlit as st\nclass State:\n"
                "    def keep(self, conn):\n        st.session_state.conn = conn\n",
            ),
        ),
    ),
    Case(
        "modules/method-called-by-another-module-naming-the-class",
        "import streamlit as st\nfrom bot import Bot\nfrom helpers import ready\n"
        "if 'bot' not in st.session_state:\n    st.session_state.bot = Bot()\n"
        "ready(st.session_state.bot)\n",
        "PKL111",
        line=5,
        files=(
            (
                "bot.py",
                "import sqlite3\nclass Bot:\n    def start(self):\n"
                "        self.conn = sqlite3.connect(':memory:', check_same_thread=False)\n",
            ),
            ("helpers.py", "from bot import Bot\ndef ready(bot: Bot):\n    bot.start()\n"),
        ),
    ),
    Case(
        "modules/script-class-stored-by-a-module-function-on-every-run",
        "import streamlit as st\nimport state\nclass Cfg:\n    pass\n"
        "state.remember('cfg', Cfg())\n",
        None,
        files=(_REMEMBER,),
    ),
    Case(
        "modules/script-class-stored-by-a-module-function-once",
        "import streamlit as st\nimport state\nclass Cfg:\n    pass\n"
        "if 'cfg' not in st.session_state:\n    state.remember('cfg', Cfg())\n",
        "PKL112",
        line=6,
        files=(_REMEMBER,),
    ),
    Case(
        "modules/streamlit-passed-to-a-function",
        "import streamlit as st\nfrom setup import init\ninit(st)\n",
        "PKL106",
        line=3,
        files=(
            (
                "setup.py",
                "import sqlite3\ndef init(st):\n"
                "    st.session_state.db = sqlite3.connect(':memory:', check_same_thread=False)\n",
            ),
        ),
    ),
    Case(
        "modules/cached-property-read-before-the-instance-is-kept",
        "import streamlit as st\nfrom bot import Bot\n"
        "bot = st.session_state.setdefault('bot', Bot())\nbot.ask()\n",
        "PKL111",
        line=3,
        files=(
            (
                "bot.py",
                "import sqlite3\nfrom functools import cached_property\nclass Bot:\n"
                "    @cached_property\n    def conn(self):\n"
                "        return sqlite3.connect(':memory:', check_same_thread=False)\n"
                "    def ask(self):\n        return self.conn.execute('select 1').fetchall()\n",
            ),
        ),
    ),
    Case(
        "modules/property-giving-a-connection",
        "import streamlit as st\nfrom bot import Bot\nst.session_state.conn = Bot().conn\n"
        "st.session_state.rows = Bot().rows\n",
        "PKL106",
        line=3,
        files=(
            (
                "bot.py",
                "import sqlite3\nclass Bot:\n    @property\n    def conn(self):\n"
                "        return sqlite3.connect(':memory:', check_same_thread=False)\n"
                "    @property\n    def rows(self):\n        return [1, 2]\n",
            ),
        ),
    ),
    Case(
        "modules/session-state-given-to-a-function-that-stores-a-thread",
        "import streamlit as st\nfrom server import toggle\ntoggle(True, st.session_state)\n",
        "PKL107",
        line=3,
        files=(
            (
                "server.py",
                "import threading\ndef toggle(start, session_state):\n    if start:\n"
                "        session_state['server'] = threading.Thread(target=print, daemon=True)\n",
            ),
        ),
    ),
    Case(
        "modules/session-state-given-to-a-function-storing-a-thread-on-a-branch-not-taken",
        "import streamlit as st\nfrom server import toggle\ntoggle(False, st.session_state)\n",
        None,
        files=(
            (
                "server.py",
                "import threading\ndef toggle(start, session_state):\n    if start:\n"
                "        session_state['server'] = threading.Thread(target=print, daemon=True)\n"
                "    else:\n        session_state['server'] = None\n",
            ),
        ),
    ),
    Case(
        "modules/session-state-given-to-a-static-method-storing-plain-data",
        "import streamlit as st\nfrom model import Session\n"
        "Session().initialize(st.session_state)\n",
        None,
        files=(
            (
                "model.py",
                "class Session:\n    @staticmethod\n    def initialize(session_state):\n"
                "        if 'history' not in session_state:\n"
                "            session_state['history'] = []\n",
            ),
        ),
    ),
    Case(
        "modules/imported-class-keeping-its-argument",
        "import socket\nimport streamlit as st\nfrom service import Service\n"
        "st.session_state.s = Service(socket.socket())\n",
        "PKL111",
        line=4,
        files=(
            (
                "service.py",
                "class Service:\n    def __init__(self, connection):\n"
                "        self.connection = connection\n",
            ),
        ),
    ),
]

UNDECIDABLE: dict[str, str] = {
    "flow/bound-in-the-branch-that-runs": (
        "which branch runs depends on a widget; the linter reports a value that may be stored"
    ),
}
"""Cases whose outcome depends on what happens at run time; the test runs them but
does not compare."""

CASES: list[Case] = [
    *_session_state_cases(UNPICKLABLE, rounds=3, offset=0),
    *_session_state_cases(PICKLABLE, rounds=2, offset=3),
    *_cache_data_cases(),
    *RERUN_CASES,
    *FLOW_CASES,
    *KEY_CASES,
    *BASE_CLASS_CASES,
    *HOLDER_CASES,
    *SUBCLASS_CASES,
    *CALL_CASES,
    *MODULE_CASES,
]
