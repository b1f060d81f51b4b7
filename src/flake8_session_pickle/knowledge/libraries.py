"""Types of third-party packages."""

from __future__ import annotations

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.rows import Made, TypeRow

_AZURE = "api_key='x', api_version='2024-02-01', azure_endpoint='https://localhost'"
_AWS = "region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y'"
_SQLITE_ENGINE = "sqlalchemy.create_engine('sqlite://')"

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
}
"""The release of each package the evidence was last measured with."""

# What the evidence of the duckdb relation row reads from.
_DUCKDB_FRAME = "pandas.DataFrame({'a': [1]})"
_DUCKDB_FILE = "folder = pathlib.Path(tempfile.mkdtemp()); "
_DUCKDB_CSV = "(folder / 'a.csv').write_text('a\\n1\\n'); "
_DUCKDB_JSON = "(folder / 'a.json').write_text('[{\"a\": 1}]'); "


def _client(module: str, name: str, arguments: str, *aliases: str) -> TypeRow:
    """A client class that ``module`` exports as ``name`` and ``aliases``."""
    return TypeRow(
        f"{module}.{name}",
        Kind.CLIENT,
        made_by=(
            Made(f"{module}.{name}()", f"import {module}; value = {module}.{name}({arguments})"),
        ),
        aliases=tuple(f"{module}.{alias}" for alias in aliases),
        package=module,
        version=_MEASURED[module],
    )


CLIENTS: tuple[TypeRow, ...] = (
    _client("openai", "OpenAI", "api_key='x'", "Client"),
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
    ),
    _client("langchain_openai", "OpenAIEmbeddings", "api_key='x'", "embeddings.OpenAIEmbeddings"),
    _client("langchain_openai", "OpenAI", "api_key='x'", "llms.OpenAI"),
    _client("langchain_openai", "AzureChatOpenAI", _AZURE, "chat_models.AzureChatOpenAI"),
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
        "mysql.connector.connection.MySQLConnection",
        Kind.DATABASE,
        made_by=(Made("mysql.connector.connect()"),),
        citation='"TypeError: can\'t pickle _mysql_connector.MySQL objects" in '
        "https://github.com/uqfoundation/pathos/issues/186",
        package="mysql.connector",
    ),
)

ALL: tuple[TypeRow, ...] = (*CLIENTS, *DATABASES)
