"""Types of third-party packages."""

from __future__ import annotations

from collections.abc import Mapping

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.langchain import CHAT_MODEL
from flake8_session_pickle.knowledge.language import MODULE_TYPE
from flake8_session_pickle.knowledge.rows import Made, TypeRow

_AZURE = "api_key='x', api_version='2024-02-01', azure_endpoint='https://localhost'"
_AWS = "region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y'"
_SQLITE_ENGINE = "sqlalchemy.create_engine('sqlite://')"
_POSTGRES = (
    "import socket, struct, threading\n"
    "_server = socket.create_server(('127.0.0.1', 0))\n"
    "def _serve():  # a loopback server that answers the handshake as Postgres does\n"
    "    _peer = _server.accept()[0]\n"
    "    while _peer.recv(8)[4:] == struct.pack('!i', 80877103):  # a request for TLS\n"
    "        _peer.sendall(b'N')\n"
    "    _peer.recv(4096)\n"
    "    _peer.sendall(b'R' + struct.pack('!ii', 8, 0) + b'Z' + struct.pack('!i', 5) + b'I')\n"
    "    threading.Event().wait()\n"
    "threading.Thread(target=_serve, daemon=True).start()\n"
    "_port = _server.getsockname()[1]\n"
)
"""Evidence preamble: a loopback server that accepts a connection as Postgres does,
without authentication; ``_port`` is its port."""
_SERVICE_ACCOUNT = (
    "from cryptography.hazmat.primitives import serialization; "
    "from cryptography.hazmat.primitives.asymmetric import rsa; "
    "_key = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes("
    "serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, "
    "serialization.NoEncryption()).decode(); "
    "_account = {'type': 'service_account', 'project_id': 'test', 'private_key_id': 'k', "
    "'private_key': _key, 'client_email': 'a@test.iam.gserviceaccount.com', "
    "'client_id': '1', 'token_uri': 'http://127.0.0.1:1/token'}; "
)
"""Evidence preamble: ``_account``, a Google service account's JSON with a key made on
the spot."""


def _firebase(name: str) -> str:
    """Evidence preamble: ``_app``, a Firebase app of a service account, named (one
    process runs every snippet, and app names are unique in it)."""
    return (
        _SERVICE_ACCOUNT + "import firebase_admin; from firebase_admin import credentials; "
        "_app = firebase_admin.initialize_app(credentials.Certificate(_account), "
        f"{{'databaseURL': 'http://127.0.0.1:1?ns=test'}}, name={name!r}); "
    )


_NEO4J = "neo4j.GraphDatabase.driver('neo4j+s://127.0.0.1:1', auth=('neo4j', 'test'))"

_MEASURED = {
    "openai": "2.54.0",
    "anthropic": "2.15.0",
    "httpx": "0.28.1",
    "langchain_openai": "1.7.4",
    "boto3": "1.44.8",
    "sqlalchemy": "2.1.9",
    "duckdb": "2.0.1",
    "pymongo": "4.20.1",
    "redis": "8.1.0",
    "pymysql": "1.2.4",
    "psycopg": "3.3.9",
    "neo4j": "6.4.1",
    "elasticsearch": "9.5.1",
    "opensearchpy": "3.2.0",
    "ib_insync": "0.9.86",
    "supabase": "2.34.1",
    "google.cloud.bigquery": "3.47.0",
    "firebase_admin": "7.7.0",
    "google.cloud.firestore": "2.34.1",
    "gspread": "6.2.1",
    "selenium": "4.51.0",
    "yfinance": "1.7.0",
    "cv2": "5.1.0.95",
    "websocket": "1.9.2",
    "paho.mqtt": "2.2.0",
}
"""The release of each package the evidence was last measured with."""

# What the evidence of the duckdb relation row reads from.
_DUCKDB_FRAME = "pandas.DataFrame({'a': [1]})"
_DUCKDB_FILE = "folder = pathlib.Path(tempfile.mkdtemp()); "
_DUCKDB_CSV = "(folder / 'a.csv').write_text('a\\n1\\n'); "
_DUCKDB_JSON = "(folder / 'a.json').write_text('[{\"a\": 1}]'); "


def _client(
    module: str, name: str, arguments: str, *aliases: str, bases: tuple[str, ...] = ()
) -> TypeRow:
    """A client class that ``module`` exports as ``name`` and ``aliases``."""
    return TypeRow(
        f"{module}.{name}",
        Kind.CLIENT,
        made_by=(
            Made(f"{module}.{name}()", f"import {module}; value = {module}.{name}({arguments})"),
        ),
        aliases=tuple(f"{module}.{alias}" for alias in aliases),
        bases=bases,
        package=module,
        version=_MEASURED[module],
    )


_OPENAI_ANSWERED = (
    # a client whose requests an in-process transport answers with an empty page
    "import httpx, openai\n"
    "def _answer(request):\n"
    "    return httpx.Response(200, json={'object': 'list', 'data': [], 'first_id': None, "
    "'last_id': None, 'has_more': False})\n"
    "_client = openai.OpenAI(api_key='x', http_client=httpx.Client("
    "transport=httpx.MockTransport(_answer)))\n"
)
_ASSISTANTS = "openai.resources.beta"


def _openai_resource(name: str, attribute_of: str, path: str) -> TypeRow:
    """A resource of the OpenAI client, reached as an attribute, which keeps the
    client and leads to the calls that make values."""
    return TypeRow(
        name,
        Kind.CLIENT,
        made_by=(
            Made(
                f"{attribute_of}.{path.rpartition('.')[2]}",
                _OPENAI_ANSWERED + f"value = _client.{path}",
            ),
        ),
        package="openai",
        version=_MEASURED["openai"],
    )


CLIENTS: tuple[TypeRow, ...] = (
    _client("openai", "OpenAI", "api_key='x'", "Client"),
    _openai_resource(f"{_ASSISTANTS}.beta.Beta", "openai.OpenAI", "beta"),
    _openai_resource(
        f"{_ASSISTANTS}.threads.threads.Threads", f"{_ASSISTANTS}.beta.Beta", "beta.threads"
    ),
    _openai_resource(
        f"{_ASSISTANTS}.threads.runs.runs.Runs",
        f"{_ASSISTANTS}.threads.threads.Threads",
        "beta.threads.runs",
    ),
    _openai_resource(
        f"{_ASSISTANTS}.threads.messages.Messages",
        f"{_ASSISTANTS}.threads.threads.Threads",
        "beta.threads.messages",
    ),
    TypeRow(
        "openai.lib.streaming._assistants.AssistantStreamManager",
        Kind.GENERATOR,  # the generator of the request it makes when entered
        made_by=(
            Made(
                f"{_ASSISTANTS}.threads.runs.runs.Runs.stream()",
                _OPENAI_ANSWERED
                + "value = _client.beta.threads.runs.stream(thread_id='t', assistant_id='a')",
            ),
        ),
        enters_as_itself=False,  # ``with`` binds its event handler
        package="openai",
        version=_MEASURED["openai"],
    ),
    TypeRow(
        "openai.pagination.SyncCursorPage",
        Kind.CLIENT,  # it keeps the client that fetches its next page
        made_by=(
            Made(
                f"{_ASSISTANTS}.threads.messages.Messages.list()",
                _OPENAI_ANSWERED + "value = _client.beta.threads.messages.list(thread_id='t')",
            ),
        ),
        package="openai",
        version=_MEASURED["openai"],
    ),
    _client("openai", "AsyncOpenAI", "api_key='x'", "AsyncClient"),
    _client("openai", "AzureOpenAI", _AZURE),
    _client("openai", "AsyncAzureOpenAI", _AZURE),
    _client("anthropic", "Anthropic", "api_key='x'", "Client"),
    _client("anthropic", "AsyncAnthropic", "api_key='x'", "AsyncClient"),
    _client("httpx", "Client", ""),
    _client("httpx", "AsyncClient", ""),
    TypeRow(
        "langchain_openai.ChatOpenAI",
        Kind.CLIENT,
        made_by=(
            Made(
                "langchain_openai.ChatOpenAI()",
                "import langchain_openai; value = langchain_openai.ChatOpenAI(api_key='x')",
            ),
        ),
        aliases=("langchain_openai.chat_models.ChatOpenAI",),
        package="langchain_openai",
        version=_MEASURED["langchain_openai"],
        bases=(CHAT_MODEL,),
    ),
    _client("langchain_openai", "OpenAIEmbeddings", "api_key='x'", "embeddings.OpenAIEmbeddings"),
    _client("langchain_openai", "OpenAI", "api_key='x'", "llms.OpenAI"),
    _client(
        "langchain_openai",
        "AzureChatOpenAI",
        _AZURE,
        "chat_models.AzureChatOpenAI",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_openai", "AzureOpenAIEmbeddings", _AZURE, "embeddings.AzureOpenAIEmbeddings"
    ),
    TypeRow(
        "botocore.client.BaseClient",
        Kind.CLIENT,
        made_by=(
            Made("boto3.client()", f"import boto3; value = boto3.client('s3', {_AWS})"),
            Made(
                "boto3.session.Session.client()",
                f"import boto3; value = boto3.Session({_AWS}).client('s3')",
            ),
        ),
        package="boto3",
        version=_MEASURED["boto3"],
    ),
    TypeRow(
        "boto3.resources.base.ServiceResource",
        Kind.CLIENT,
        made_by=(
            Made("boto3.resource()", f"import boto3; value = boto3.resource('s3', {_AWS})"),
            Made(
                "boto3.session.Session.resource()",
                f"import boto3; value = boto3.Session({_AWS}).resource('s3')",
            ),
        ),
        package="boto3",
        version=_MEASURED["boto3"],
    ),
    TypeRow(
        "supabase._sync.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "supabase.create_client()",
                "import supabase; value = supabase.create_client('http://127.0.0.1:1', 'test')",
            ),
        ),
        aliases=("supabase.Client",),
        package="supabase",
        version=_MEASURED["supabase"],
    ),
    TypeRow(
        "google.cloud.bigquery.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "google.cloud.bigquery.Client()",
                "from google.auth.credentials import AnonymousCredentials; "
                "from google.cloud import bigquery; "
                "value = bigquery.Client(project='test', credentials=AnonymousCredentials())",
            ),
        ),
        aliases=("google.cloud.bigquery.Client",),
        package="google.cloud.bigquery",
        version=_MEASURED["google.cloud.bigquery"],
    ),
    TypeRow(
        "google.cloud.firestore_v1.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "google.cloud.firestore.Client()",
                "from google.auth.credentials import AnonymousCredentials; "
                "from google.cloud import firestore; "
                "value = firestore.Client(project='test', credentials=AnonymousCredentials())",
            ),
            Made(
                "firebase_admin.firestore.client()",
                _firebase("evidence-firestore")
                + "from firebase_admin import firestore; value = firestore.client(_app)",
                package="firebase_admin",
                needs=("cryptography",),
            ),
        ),
        aliases=("google.cloud.firestore.Client",),
        package="google.cloud.firestore",
        version=_MEASURED["google.cloud.firestore"],
    ),
    TypeRow(
        "firebase_admin.App",
        Kind.CLIENT,
        made_by=(
            Made("firebase_admin.initialize_app()", _firebase("evidence-app") + "value = _app"),
            Made(
                "firebase_admin.get_app()",
                _firebase("evidence-get") + "value = firebase_admin.get_app('evidence-get')",
            ),
        ),
        package="firebase_admin",
        needs=("cryptography",),
        version=_MEASURED["firebase_admin"],
    ),
    TypeRow(
        "firebase_admin.db.Reference",
        pickles=True,  # it keeps its path and the app's settings, not the app
        made_by=(
            Made(
                "firebase_admin.db.reference()",
                _firebase("evidence-db")
                + "from firebase_admin import db; value = db.reference('/', app=_app)",
            ),
        ),
        package="firebase_admin",
        needs=("cryptography",),
        version=_MEASURED["firebase_admin"],
    ),
    TypeRow(
        "gspread.client.Client",
        pickles=True,  # its session is a requests Session with the credentials
        made_by=(
            Made(
                "gspread.service_account_from_dict()",
                _SERVICE_ACCOUNT
                + "import gspread; value = gspread.service_account_from_dict(_account)",
            ),
            Made(
                "gspread.service_account()",
                _SERVICE_ACCOUNT + "import gspread, json, pathlib; "
                "pathlib.Path('account.json').write_text(json.dumps(_account)); "
                "value = gspread.service_account(filename='account.json')",
            ),
            Made(
                "gspread.authorize()",
                _SERVICE_ACCOUNT + "import gspread; "
                "from google.oauth2.service_account import Credentials; "
                "value = gspread.authorize(Credentials.from_service_account_info(_account, "
                "scopes=['https://www.googleapis.com/auth/spreadsheets']))",
            ),
        ),
        aliases=("gspread.Client",),
        package="gspread",
        needs=("cryptography",),
        version=_MEASURED["gspread"],
    ),
    TypeRow(
        "boto3.session.Session",
        Kind.CLIENT,
        made_by=(Made("boto3.Session()", f"import boto3; value = boto3.Session({_AWS})"),),
        package="boto3",
        version=_MEASURED["boto3"],
    ),
)

DATABASES: tuple[TypeRow, ...] = (
    TypeRow(
        "sqlalchemy.engine.Engine",
        Kind.DATABASE,
        made_by=tuple(
            Made(
                f"{module}.create_engine()",
                f"import {module}; value = {module}.create_engine('sqlite://')",
            )
            for module in ("sqlalchemy", "sqlalchemy.engine")
        ),
        aliases=("sqlalchemy.Engine",),
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        "sqlalchemy.engine.Connection",
        Kind.DATABASE,
        made_by=(
            Made(
                "sqlalchemy.engine.Engine.connect()",
                f"import sqlalchemy; value = {_SQLITE_ENGINE}.connect()",
            ),
        ),
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        "sqlalchemy.orm.Session",
        Kind.DATABASE,
        made_by=(
            Made(
                "sqlalchemy.orm.Session()",
                "import sqlalchemy, sqlalchemy.orm; "
                f"value = sqlalchemy.orm.Session({_SQLITE_ENGINE})",
            ),
            Made(
                "sqlalchemy.orm.sessionmaker.__call__()",
                "import sqlalchemy, sqlalchemy.orm; "
                f"value = sqlalchemy.orm.sessionmaker({_SQLITE_ENGINE})()",
            ),
            Made(
                # what st.connection(type="sql") gives as its session
                "streamlit.connections.BaseConnection.session",
                "import streamlit as st; "
                "value = st.connection('db', type='sql', url='sqlite://').session",
                package="streamlit",
            ),
        ),
        iterator_pickles=True,  # iterates over a copy of the objects it holds
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        "sqlalchemy.orm.sessionmaker",
        Kind.DATABASE,
        made_by=(
            Made(
                "sqlalchemy.orm.sessionmaker()",
                "import sqlalchemy, sqlalchemy.orm; "
                f"value = sqlalchemy.orm.sessionmaker({_SQLITE_ENGINE})",
            ),
        ),
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        "sqlalchemy.orm.scoped_session",
        Kind.DATABASE,
        made_by=(
            Made(
                "sqlalchemy.orm.scoped_session()",
                "import sqlalchemy, sqlalchemy.orm; value = sqlalchemy.orm.scoped_session("
                f"sqlalchemy.orm.sessionmaker({_SQLITE_ENGINE}))",
            ),
        ),
        iterator_pickles=True,  # iterates over its current Session's copy, as above
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        # A query is built on the session it runs in, which it keeps; its
        # generative methods give a new query on the same session.
        "sqlalchemy.orm.Query",
        Kind.DATABASE,
        made_by=(
            *(
                Made(
                    f"sqlalchemy.orm.{maker}.query()",
                    "import sqlalchemy, sqlalchemy.orm; "
                    f"value = {made}.query(sqlalchemy.literal(1))",
                )
                for maker, made in (
                    ("Session", f"sqlalchemy.orm.Session({_SQLITE_ENGINE})"),
                    (
                        "scoped_session",
                        "sqlalchemy.orm.scoped_session("
                        f"sqlalchemy.orm.sessionmaker({_SQLITE_ENGINE}))",
                    ),
                )
            ),
            *(
                Made(
                    f"sqlalchemy.orm.Query.{method}()",
                    "import sqlalchemy, sqlalchemy.orm; "
                    f"value = sqlalchemy.orm.Session({_SQLITE_ENGINE})"
                    f".query(sqlalchemy.literal(1)).{method}({arguments})",
                )
                for method, arguments in (
                    ("filter", "sqlalchemy.literal(1) == 1"),
                    ("filter_by", ""),
                    ("where", "sqlalchemy.literal(1) == 1"),
                    ("order_by", "sqlalchemy.literal(1)"),
                    ("group_by", "sqlalchemy.literal(1)"),
                    ("limit", "1"),
                    ("offset", "1"),
                    ("distinct", ""),
                )
            ),
        ),
        aliases=("sqlalchemy.orm.query.Query",),
        package="sqlalchemy",
        version=_MEASURED["sqlalchemy"],
    ),
    TypeRow(
        "duckdb.DuckDBPyConnection",
        Kind.DATABASE,
        made_by=(
            Made("duckdb.connect()", "import duckdb; value = duckdb.connect()"),
            Made(
                "duckdb.DuckDBPyConnection.cursor()",
                "import duckdb; value = duckdb.connect().cursor()",
            ),
            Made(
                "duckdb.DuckDBPyConnection.execute()",
                "import duckdb; value = duckdb.connect().execute('select 1')",
            ),
        ),
        package="duckdb",
        version=_MEASURED["duckdb"],
    ),
    TypeRow(
        # A relation is a query bound to the connection it runs on, which it keeps.
        "duckdb.DuckDBPyRelation",
        Kind.DATABASE,
        made_by=tuple(
            Made(name, "import duckdb, pandas, pathlib, tempfile; " + _DUCKDB_FILE + snippet)
            for name, snippet in (
                ("duckdb.sql()", "value = duckdb.sql('select 1')"),
                ("duckdb.query()", "value = duckdb.query('select 1')"),
                ("duckdb.from_df()", f"value = duckdb.from_df({_DUCKDB_FRAME})"),
                (
                    "duckdb.read_csv()",
                    _DUCKDB_CSV + "value = duckdb.read_csv(str(folder / 'a.csv'))",
                ),
                (
                    "duckdb.read_json()",
                    _DUCKDB_JSON + "value = duckdb.read_json(str(folder / 'a.json'))",
                ),
                ("duckdb.DuckDBPyConnection.sql()", "value = duckdb.connect().sql('select 1')"),
                (
                    "duckdb.DuckDBPyConnection.query()",
                    "value = duckdb.connect().query('select 1')",
                ),
                (
                    "duckdb.DuckDBPyConnection.from_df()",
                    f"value = duckdb.connect().from_df({_DUCKDB_FRAME})",
                ),
                (
                    "duckdb.DuckDBPyConnection.read_csv()",
                    _DUCKDB_CSV + "value = duckdb.connect().read_csv(str(folder / 'a.csv'))",
                ),
            )
        ),
        package="duckdb",
        version=_MEASURED["duckdb"],
    ),
    TypeRow(
        "pymongo.MongoClient",
        Kind.DATABASE,
        made_by=(
            Made(
                "pymongo.MongoClient()",
                "import pymongo; "
                "value = pymongo.MongoClient('mongodb://127.0.0.1:1', connect=False)",
            ),
        ),
        package="pymongo",
        version=_MEASURED["pymongo"],
    ),
    TypeRow(
        # it keeps its client
        "pymongo.synchronous.database.Database",
        Kind.DATABASE,
        made_by=tuple(
            Made(
                f"pymongo.MongoClient.{method}()",
                "import pymongo; value = pymongo.MongoClient('mongodb://127.0.0.1:1', "
                f"connect=False){call}",
            )
            for method, call in (
                ("__getitem__", "['app']"),
                ("get_database", ".get_database('app')"),
            )
        ),
        aliases=("pymongo.database.Database",),
        package="pymongo",
        version=_MEASURED["pymongo"],
    ),
    TypeRow(
        # it keeps its database, and so the client
        "pymongo.synchronous.collection.Collection",
        Kind.DATABASE,
        made_by=tuple(
            Made(
                f"pymongo.synchronous.database.Database.{method}()",
                "import pymongo; value = pymongo.MongoClient('mongodb://127.0.0.1:1', "
                f"connect=False)['app']{call}",
            )
            for method, call in (
                ("__getitem__", "['users']"),
                ("get_collection", ".get_collection('users')"),
            )
        ),
        aliases=("pymongo.collection.Collection",),
        package="pymongo",
        version=_MEASURED["pymongo"],
    ),
    TypeRow(
        "redis.client.Redis",
        Kind.DATABASE,
        made_by=(
            Made("redis.Redis()", "import redis; value = redis.Redis()"),
            Made("redis.from_url()", "import redis; value = redis.from_url('redis://127.0.0.1:1')"),
        ),
        aliases=("redis.Redis", "redis.StrictRedis", "redis.client.StrictRedis"),
        package="redis",
        version=_MEASURED["redis"],
    ),
    TypeRow(
        "redis.connection.ConnectionPool",
        Kind.DATABASE,
        made_by=(Made("redis.ConnectionPool()", "import redis; value = redis.ConnectionPool()"),),
        aliases=("redis.ConnectionPool",),
        package="redis",
        version=_MEASURED["redis"],
    ),
    TypeRow(
        "pymysql.connections.Connection",
        Kind.DATABASE,
        made_by=(
            Made(
                "pymysql.connect()",
                "import pymysql; value = pymysql.connect(host='127.0.0.1', defer_connect=True)",
            ),
        ),
        package="pymysql",
        version=_MEASURED["pymysql"],
    ),
    TypeRow(
        "psycopg2.extensions.connection",
        Kind.DATABASE,
        made_by=(Made("psycopg2.connect()"),),
        citation="\"TypeError: cannot pickle 'psycopg2.extensions.connection' object\" in "
        "https://github.com/agno-agi/agno/issues/1667 and https://github.com/rq/rq/issues/1240",
        package="psycopg2",
    ),
    TypeRow(
        "psycopg.Connection",
        Kind.DATABASE,
        made_by=(
            Made(
                "psycopg.connect()",
                _POSTGRES + "import psycopg; "
                "value = psycopg.connect(host='127.0.0.1', port=_port, user='u', dbname='d')",
            ),
            Made(
                "psycopg.Connection.connect()",
                _POSTGRES + "import psycopg; "
                "value = psycopg.Connection.connect(f'postgresql://u@127.0.0.1:{_port}/d')",
            ),
        ),
        package="psycopg",
        version=_MEASURED["psycopg"],
    ),
    TypeRow(
        "neo4j._sync.driver.Driver",
        Kind.DATABASE,
        made_by=(
            # its class follows the URI's scheme: Neo4jDriver, BoltDriver
            Made("neo4j.GraphDatabase.driver()", f"import neo4j; value = {_NEO4J}"),
        ),
        aliases=("neo4j.Driver",),
        package="neo4j",
        version=_MEASURED["neo4j"],
    ),
    TypeRow(
        "neo4j._sync.work.session.Session",
        Kind.DATABASE,
        made_by=(
            Made(
                "neo4j._sync.driver.Driver.session()", f"import neo4j; value = {_NEO4J}.session()"
            ),
        ),
        aliases=("neo4j.Session",),
        package="neo4j",
        version=_MEASURED["neo4j"],
    ),
    TypeRow(
        "elasticsearch.Elasticsearch",
        Kind.DATABASE,
        made_by=(
            Made(
                "elasticsearch.Elasticsearch()",
                "import elasticsearch; "
                "value = elasticsearch.Elasticsearch('http://127.0.0.1:1', api_key='test')",
            ),
        ),
        package="elasticsearch",
        version=_MEASURED["elasticsearch"],
    ),
    TypeRow(
        # its connection keeps a lambda it defines as it is made
        "opensearchpy.client.OpenSearch",
        Kind.DATABASE,
        made_by=(
            Made(
                "opensearchpy.OpenSearch()",
                "import opensearchpy; "
                "value = opensearchpy.OpenSearch(hosts=[{'host': '127.0.0.1', 'port': 1}])",
            ),
        ),
        aliases=("opensearchpy.OpenSearch",),
        package="opensearchpy",
        version=_MEASURED["opensearchpy"],
    ),
    TypeRow(
        # the client of Interactive Brokers' gateway: its decoder keeps a function
        # it defines as it is made, even before it connects
        "ib_insync.ib.IB",
        Kind.CLIENT,
        made_by=(Made("ib_insync.IB()", "import ib_insync; value = ib_insync.IB()"),),
        aliases=("ib_insync.IB",),
        package="ib_insync",
        version=_MEASURED["ib_insync"],
    ),
    TypeRow(
        "mysql.connector.connection.MySQLConnection",
        Kind.DATABASE,
        made_by=(Made("mysql.connector.connect()"),),
        citation='"TypeError: can\'t pickle _mysql_connector.MySQL objects" in '
        "https://github.com/uqfoundation/pathos/issues/186",
        package="mysql.connector",
    ),
)

_WEBDRIVER_SERVER = (
    # a loopback endpoint that answers WebDriver's new-session command, as a
    # driver (chromedriver, geckodriver, a Selenium Grid) does
    "import json, threading; from http.server import BaseHTTPRequestHandler, HTTPServer\n"
    "class _Driver(BaseHTTPRequestHandler):\n"
    "    def do_POST(self):\n"
    "        self.rfile.read(int(self.headers.get('Content-Length', 0)))\n"
    "        body = json.dumps({'value': {'sessionId': 's', 'capabilities': {}}}).encode()\n"
    "        self.send_response(200)\n"
    "        self.send_header('Content-Type', 'application/json')\n"
    "        self.send_header('Content-Length', str(len(body)))\n"
    "        self.end_headers()\n"
    "        self.wfile.write(body)\n"
    "    def log_message(self, *args): pass\n"
    "_server = HTTPServer(('127.0.0.1', 0), _Driver)\n"
    "threading.Thread(target=_server.serve_forever, daemon=True).start()\n"
)

TOOLS: tuple[TypeRow, ...] = (
    *(
        TypeRow(
            f"pymodbus.client.{module}.{name}",
            Kind.CLIENT,  # a lock guarding its transactions; the TLS one its SSL context
            made_by=(
                Made(
                    f"pymodbus.client.{name}()",
                    f"from pymodbus.client import {name}; value = {name}('127.0.0.1')",
                ),
            ),
            aliases=(f"pymodbus.client.{name}",),
            package="pymodbus",
            version="3.16.1",  # the same with 3.11.1
        )
        for module, name in (
            ("tcp", "ModbusTcpClient"),
            ("udp", "ModbusUdpClient"),
            ("tls", "ModbusTlsClient"),
        )
    ),
    TypeRow(
        "selenium.webdriver.remote.webdriver.WebDriver",
        Kind.CLIENT,  # its command executor's HTTP pool and lock; a local driver's process
        made_by=(
            Made(
                "selenium.webdriver.Remote()",
                _WEBDRIVER_SERVER + "from selenium import webdriver\n"
                "value = webdriver.Remote(command_executor="
                "f'http://127.0.0.1:{_server.server_port}', options=webdriver.ChromeOptions())",
            ),
            # each starts its browser's driver and talks to it as Remote does
            Made("selenium.webdriver.Chrome()"),
            Made("selenium.webdriver.Firefox()"),
            Made("selenium.webdriver.Edge()"),
            Made("selenium.webdriver.Safari()"),
            Made("selenium.webdriver.ChromiumEdge()"),
        ),
        aliases=("selenium.webdriver.Remote",),
        package="selenium",
        version=_MEASURED["selenium"],
    ),
    TypeRow(
        "yfinance.ticker.Ticker",
        Kind.CLIENT,
        made_by=(Made("yfinance.Ticker()", "import yfinance; value = yfinance.Ticker('AAPL')"),),
        aliases=("yfinance.Ticker",),
        built="it keeps the package's shared HTTP session and its lock (also with 0.2.40)",
        package="yfinance",
        version=_MEASURED["yfinance"],
    ),
    TypeRow(
        "yfinance.tickers.Tickers",
        Kind.CLIENT,
        made_by=(
            Made("yfinance.Tickers()", "import yfinance; value = yfinance.Tickers('AAPL MSFT')"),
        ),
        aliases=("yfinance.Tickers",),
        package="yfinance",
        version=_MEASURED["yfinance"],
    ),
    TypeRow(
        "cv2.VideoCapture",
        Kind.OPEN_FILE,  # a native handle on a camera, a video file or a stream
        made_by=(Made("cv2.VideoCapture()", "import cv2; value = cv2.VideoCapture()"),),
        package="cv2",
        version=_MEASURED["cv2"],
    ),
    TypeRow(
        "websocket._core.WebSocket",
        Kind.SOCKET,
        made_by=(
            Made("websocket.WebSocket()", "import websocket; value = websocket.WebSocket()"),
            Made("websocket.create_connection()"),
        ),
        aliases=("websocket.WebSocket",),
        package="websocket",
        version=_MEASURED["websocket"],
    ),
    TypeRow(
        "websocket._app.WebSocketApp",
        Kind.SOCKET,
        made_by=(
            Made(
                "websocket.WebSocketApp()",
                "import websocket; value = websocket.WebSocketApp('ws://127.0.0.1:9')",
            ),
        ),
        aliases=("websocket.WebSocketApp",),
        package="websocket",
        version=_MEASURED["websocket"],
    ),
    TypeRow(
        "paho.mqtt.client.Client",
        Kind.CLIENT,  # its socket, the locks of its network loop, its thread once started
        made_by=(
            Made(
                "paho.mqtt.client.Client()",
                "import paho.mqtt.client as mqtt; value = mqtt.Client()",
            ),
        ),
        package="paho.mqtt",
        version=_MEASURED["paho.mqtt"],
    ),
)
"""Browser drivers, market data, video capture, websockets and MQTT."""

_TINY_ONNX = (
    "import cv2\n"
    "open('tiny.onnx', 'wb').write(  # an ONNX model of one Identity node\n"
    "    b'\\x08\\x07\\x12\\x00:O\\n\\x10\\n\\x01x\\x12\\x01y\"\\x08Identity\\x12\\x01gZ\\x1b"
    "\\n\\x01x\\x12\\x16\\n\\x14\\x08\\x01\\x12\\x10'\n"
    "    b'\\n\\x02\\x08\\x01\\n\\x02\\x08\\x03\\n\\x02\\x08\\x08\\n\\x02\\x08\\x08b\\x1b\\n\\x01y"
    "\\x12\\x16\\n\\x14\\x08\\x01\\x12\\x10'\n"
    "    b'\\n\\x02\\x08\\x01\\n\\x02\\x08\\x03\\n\\x02\\x08\\x08\\n\\x02\\x08\\x08B\\x04"
    "\\n\\x00\\x10\\r')\n"
)
"""Evidence's start: a model file OpenCV's DNN module reads, made offline."""
_MEDIAPIPE_MODELS = (
    "import os, zipfile, mediapipe as mp\n"
    "_m = os.path.join(os.path.dirname(mp.__file__), 'modules')\n"
)
_MEDIAPIPE = "0.10.14"
"""The last releases with ``mediapipe.solutions`` are 0.10.x below 0.10.30."""

VISION: tuple[TypeRow, ...] = (
    *(
        TypeRow(
            f"cv2.{name}",
            Kind.OPEN_FILE,  # a native handle: pickle has no way to rebuild it
            made_by=(
                Made(
                    f"cv2.{factory}()",
                    f"{_TINY_ONNX if onnx else 'import cv2; '}value = cv2.{factory}({arguments})",
                ),
            ),
            package="cv2",
            version=_MEASURED["cv2"],
        )
        for name, factory, arguments, onnx in (
            (
                "VideoWriter",
                "VideoWriter",
                "'out.mp4', cv2.VideoWriter_fourcc(*'mp4v'), 20.0, (64, 48)",
                False,
            ),
            ("dnn.Net", "dnn.readNet", "'tiny.onnx'", True),
            ("FaceDetectorYN", "FaceDetectorYN.create", "'tiny.onnx', '', (320, 320)", True),
            ("FaceRecognizerSF", "FaceRecognizerSF.create", "'tiny.onnx', ''", True),
        )
    ),
    TypeRow(
        "mediapipe.python.solution_base.SolutionBase",
        Kind.OPEN_FILE,  # the native graph it starts, and the packets it keeps after close()
        made_by=tuple(
            made
            for module, name, arguments in (
                ("face_mesh", "FaceMesh", "max_num_faces=1, refine_landmarks=True"),
                ("hands", "Hands", "max_num_hands=2"),
                ("pose", "Pose", "min_detection_confidence=0.5"),
                ("selfie_segmentation", "SelfieSegmentation", "model_selection=1"),
                ("face_detection", "FaceDetection", "model_selection=0"),
            )
            for made in (
                Made(
                    f"mediapipe.solutions.{module}.{name}()",
                    f"import mediapipe as mp; value = mp.solutions.{module}.{name}({arguments})",
                ),
                Made(f"mediapipe.python.solutions.{module}.{name}()"),
            )
        ),
        package="mediapipe",
        version=_MEDIAPIPE,
        versions="<0.10.30",
    ),
    TypeRow(
        "mediapipe.tasks.python.vision.core.base_vision_task_api.BaseVisionTaskApi",
        Kind.OPEN_FILE,  # its native task runner
        made_by=(
            Made(
                "mediapipe.tasks.vision.FaceLandmarker.create_from_model_path()",
                _MEDIAPIPE_MODELS + "with zipfile.ZipFile('face.task', 'w') as _z:\n"
                "    _z.write(os.path.join(_m, 'face_detection/"
                "face_detection_short_range.tflite'), 'face_detector.tflite')\n"
                "    _z.write(os.path.join(_m, 'face_landmark/face_landmark.tflite'), "
                "'face_landmarks_detector.tflite')\n"
                "value = mp.tasks.vision.FaceLandmarker.create_from_model_path('face.task')",
            ),
            Made(
                "mediapipe.tasks.vision.FaceDetector.create_from_model_path()",
                _MEDIAPIPE_MODELS + "value = mp.tasks.vision.FaceDetector.create_from_model_path("
                "os.path.join(_m, 'face_detection/face_detection_short_range.tflite'))",
            ),
            *(
                Made(f"mediapipe.tasks.{path}vision.{name}.{factory}()")
                for path in ("", "python.")
                for name in (
                    "FaceLandmarker",
                    "FaceDetector",
                    "HandLandmarker",
                    "GestureRecognizer",
                )
                for factory in ("create_from_options", "create_from_model_path")
                if (path, name, factory)
                not in (
                    ("", "FaceLandmarker", "create_from_model_path"),
                    ("", "FaceDetector", "create_from_model_path"),
                )
            ),
        ),
        package="mediapipe",
        version=_MEDIAPIPE,
        versions="<0.10.30",
    ),
)
"""OpenCV's native objects, MediaPipe's solutions and tasks."""

PRODUCERS: Mapping[str, tuple[Made, ...]] = {
    MODULE_TYPE: tuple(
        Made(
            f"mediapipe.solutions.{module}",
            f"import mediapipe as mp; value = mp.solutions.{module}",
            package="mediapipe",
        )
        for module in (
            "face_mesh",
            "hands",
            "pose",
            "drawing_utils",
            "drawing_styles",
            "selfie_segmentation",
            "face_detection",
        )
    ),
}
"""Producers of packages of this module's rows that make values of standard types:
MediaPipe's solution modules, which apps keep to reach their classes."""

SERVICES: tuple[TypeRow, ...] = (
    TypeRow(
        "psycopg_pool.pool.ConnectionPool",
        Kind.DATABASE,
        made_by=(
            Made(
                "psycopg_pool.ConnectionPool()",
                "import psycopg_pool; value = psycopg_pool.ConnectionPool("
                "'host=127.0.0.1 port=9 dbname=x', open=False)",
            ),
            Made("psycopg_pool.NullConnectionPool()"),
        ),
        aliases=("psycopg_pool.ConnectionPool",),
        built="it keeps a lock, also closed; opened, its scheduler and worker threads",
        package="psycopg_pool",
        version="3.3.3",
    ),
    TypeRow(
        "psycopg_pool.pool_async.AsyncConnectionPool",
        Kind.DATABASE,
        made_by=(
            Made(
                "psycopg_pool.AsyncConnectionPool()",
                "import asyncio, psycopg_pool; value = psycopg_pool.AsyncConnectionPool("
                "'host=127.0.0.1 port=9 dbname=x', min_size=0, max_size=1, open=False); "
                "asyncio.new_event_loop().run_until_complete(value.open())",
            ),
        ),
        aliases=("psycopg_pool.AsyncConnectionPool",),
        built="opening it starts its tasks",
        package="psycopg_pool",
        version="3.3.3",
        used_by=frozenset({"open", "__aenter__"}),
        fresh_evidence="import psycopg_pool; value = psycopg_pool.AsyncConnectionPool("
        "'host=127.0.0.1 port=9 dbname=x', min_size=0, max_size=1, open=False)",
    ),
    TypeRow(
        "psycopg2.pool.ThreadedConnectionPool",
        Kind.DATABASE,
        made_by=(
            Made(
                "psycopg2.pool.ThreadedConnectionPool()",
                "import psycopg2.pool; value = psycopg2.pool.ThreadedConnectionPool("
                "0, 5, 'host=127.0.0.1 port=9 dbname=x')",
            ),
        ),
        built="its lock; its connections once it makes them",
        package="psycopg2",
        version="2.9.13",
    ),
    TypeRow(
        "google.cloud.speech_v1.services.speech.client.SpeechClient",
        Kind.CLIENT,  # its gRPC channel
        made_by=(
            Made(
                "google.cloud.speech.SpeechClient()",
                "from google.auth.credentials import AnonymousCredentials; "
                "from google.cloud import speech; "
                "value = speech.SpeechClient(credentials=AnonymousCredentials())",
            ),
            Made("google.cloud.speech_v1.SpeechClient()"),
        ),
        # the class it exports, google.cloud.speech_v1.SpeechClient, derives from this one
        package="google.cloud.speech",
        version="2.41.0",
    ),
    TypeRow(
        "google.cloud.storage.client.Client",
        Kind.CLIENT,  # its library refuses to pickle clients
        made_by=(
            Made(
                "google.cloud.storage.Client()",
                "from google.auth.credentials import AnonymousCredentials; "
                "from google.cloud import storage; "
                "value = storage.Client(project='test', credentials=AnonymousCredentials())",
            ),
        ),
        aliases=("google.cloud.storage.Client",),
        package="google.cloud.storage",
        version="3.17.1",
    ),
    TypeRow(
        "assemblyai.transcriber.Transcriber",
        Kind.CLIENT,  # its HTTP client, and a thread pool
        made_by=(
            Made(
                "assemblyai.Transcriber()",
                "import assemblyai as aai; value = aai.Transcriber(api_key='test')",
            ),
        ),
        aliases=("assemblyai.Transcriber",),
        package="assemblyai",
        version="1.8.2",
    ),
    TypeRow(
        "opcua.client.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "opcua.Client()",
                "import opcua, socket, threading; "
                "_server = socket.create_server(('127.0.0.1', 0)); "
                "threading.Thread(target=lambda: _server.accept()[0].close(), "
                "daemon=True).start(); "
                "value = opcua.Client(f'opc.tcp://127.0.0.1:{_server.getsockname()[1]}/'); "
                "value.connect_socket()",
            ),
        ),
        aliases=("opcua.Client",),
        built="connecting it makes a socket client holding a lock, which it keeps once "
        "disconnected",
        package="opcua",
        version="0.98.13",
        used_by=frozenset(
            {
                "connect",
                "connect_socket",
                "__enter__",
                "connect_and_get_server_endpoints",
                "connect_and_find_servers",
                "connect_and_find_servers_on_network",
            }
        ),
        fresh_evidence="import opcua; value = opcua.Client('opc.tcp://127.0.0.1:4840')",
    ),
    TypeRow(
        "burr.core.application.Application",
        Kind.LOCAL_OBJECT,  # the conditions of its transitions
        made_by=(
            Made(
                "burr.core.ApplicationBuilder.build()",
                "from burr.core import ApplicationBuilder, default; "
                "from burr.core.action import Result; value = ApplicationBuilder()"
                ".with_actions(result=Result('n')).with_transitions(('result', 'result', default))"
                ".with_state(n=0).with_entrypoint('result').build()",
            ),
        ),
        aliases=("burr.core.Application",),
        built="each transition keeps a condition that is a lambda or a function defined "
        "inside burr's; an application without transitions pickles",
        package="burr",
        version="0.42.0",
    ),
    *(
        TypeRow(
            f"kafka.{module}.{name}",
            Kind.SOCKET,  # its network client's selector and locks, and a lambda of its own
            made_by=(
                Made(
                    f"kafka.{name}()",
                    # the release given, it does not ask a broker for one as it is made
                    f"import kafka; value = kafka.{name}(bootstrap_servers='127.0.0.1:1', "
                    "api_version=(2, 0))",
                ),
            ),
            aliases=(f"kafka.{name}",),
            built="without api_version it asks a broker for its release as it is made",
            package="kafka",
            version="3.0.12",
        )
        for module, name in (
            ("producer.kafka", "KafkaProducer"),
            ("consumer.group", "KafkaConsumer"),
        )
    ),
    TypeRow(
        "langfuse._client.client.Langfuse",
        Kind.CLIENT,  # a background thread for the traces it sends
        made_by=(
            Made(
                "langfuse.Langfuse()",
                "import langfuse; value = langfuse.Langfuse(public_key='pk', secret_key='sk', "
                "host='http://127.0.0.1:1')",
            ),
            Made(
                "langfuse.get_client()",
                "import os; os.environ.update(LANGFUSE_PUBLIC_KEY='pk', LANGFUSE_SECRET_KEY='sk', "
                "LANGFUSE_HOST='http://127.0.0.1:1'); import langfuse; "
                "value = langfuse.get_client()",
            ),
        ),
        aliases=("langfuse.Langfuse",),
        package="langfuse",
        version="5.2.0",
        versions=">=3",
    ),
    TypeRow(
        "aiohttp.client.ClientSession",
        Kind.CLIENT,
        made_by=(
            Made(
                "aiohttp.ClientSession()",
                "import asyncio, aiohttp\n"
                "async def _made():\n"
                "    return aiohttp.ClientSession()\n"
                "_loop = asyncio.new_event_loop(); value = _loop.run_until_complete(_made())\n"
                "_loop.run_until_complete(value.close())",
            ),
        ),
        aliases=("aiohttp.ClientSession",),
        package="aiohttp",
        version="3.14.5",
    ),
    TypeRow(
        "pyttsx3.engine.Engine",
        Kind.MODULE,  # its driver keeps the module of the speech driver
        made_by=(Made("pyttsx3.init()", "import pyttsx3; value = pyttsx3.init()"),),
        aliases=("pyttsx3.Engine",),
        package="pyttsx3",
        version="2.99",
    ),
)
"""Database pools, Google Cloud and speech clients, industrial clients, state machines."""

ALL: tuple[TypeRow, ...] = (*CLIENTS, *DATABASES, *TOOLS, *VISION, *SERVICES)
