"""Types of LLM providers' SDKs, vector databases, LlamaIndex, agent frameworks and
MCP clients."""

from __future__ import annotations

from collections.abc import Mapping

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.rows import (
    DecoratorRow,
    Holding,
    Made,
    PicklesWhenGiven,
    PicklesWith,
    TypeRow,
)


def _client(
    name: str,
    public: str,
    arguments: str,
    package: str,
    version: str,
    *more: Made,
    built: str = "",
    aliases: tuple[str, ...] = (),
    versions: str = "",
    needs: tuple[str, ...] = (),
) -> TypeRow:
    """An SDK client, made by calling the class exported as ``public`` (and as
    ``aliases``)."""
    module, _, exported = public.rpartition(".")
    return TypeRow(
        name,
        Kind.CLIENT,
        made_by=(
            Made(f"{public}()", f"import {module} as _m; value = _m.{exported}({arguments})"),
            *more,
        ),
        aliases=(*((public,) if public != name else ()), *aliases),
        built=built,
        package=package,
        needs=needs,
        version=version,
        versions=versions,
    )


_LLAMA = "0.14.25"
_LLAMA_SETTINGS = (
    "from llama_index.core import Settings, Document, VectorStoreIndex; "
    "from llama_index.core.embeddings import MockEmbedding; "
    "from llama_index.core.llms import MockLLM; "
    "Settings.embed_model = MockEmbedding(embed_dim=4); Settings.llm = MockLLM(); "
)
_INDEX = _LLAMA_SETTINGS + "_index = VectorStoreIndex.from_documents([Document(text='a')]); "

_FUNCTION_LLM = (
    "from llama_index.core.llms import MockFunctionCallingLLM; _llm = MockFunctionCallingLLM(); "
)
_APP_WORKFLOW = (
    "from llama_index.core.workflow import Workflow, StartEvent, StopEvent, step\n"
    "class Echo(Workflow):\n"
    "    @step\n"
    "    async def echo(self, ev: StartEvent) -> StopEvent:\n"
    "        return StopEvent(result=ev.get('text'))\n"
)

_WEAVIATE = "4.24.1"
_WEAVIATE_CLIENT = (
    "weaviate.WeaviateClient(connection_params=weaviate.connect.ConnectionParams.from_url("
    "'http://127.0.0.1:1', grpc_port=2), skip_init_checks=True)"
)
_PANDASAI = "2.3.2"
_PANDASAI_QUIET = (
    # no telemetry, and its cache and log in the working folder, not in the
    # nearest folder up with a requirements.txt
    "import os; os.environ.update(SCARF_NO_ANALYTICS='true', PANDASAI_WORKSPACE=os.getcwd()); "
)
_LANCEDB = "0.40.0"
_LANCE_DB = "import lancedb; _db = lancedb.connect('db'); "
_LANCE_ROWS = "[{'vector': [1.0, 2.0], 'text': 'a'}]"

SDKS: tuple[TypeRow, ...] = (
    TypeRow(
        "streamlit_openai.chat.Chat",
        Kind.CLIENT,
        made_by=(
            Made(
                "streamlit_openai.Chat()",
                "import os; os.environ.update(OPENAI_API_KEY='sk-test', "
                "OPENAI_BASE_URL='http://127.0.0.1:1'); import streamlit_openai; "
                "value = streamlit_openai.Chat(allow_code_interpreter=False)",
            ),
        ),
        aliases=("streamlit_openai.Chat",),
        built="it makes its OpenAI client when it is made; with its defaults it also asks "
        "the API for a code interpreter's container then, which the evidence turns off",
        package="streamlit_openai",
        needs=("openai",),
        version="0.1.4",
    ),
    _client("groq.Groq", "groq.Groq", "api_key='gsk-test'", "groq", "0.37.1"),
    _client("groq.AsyncGroq", "groq.AsyncGroq", "api_key='gsk-test'", "groq", "0.37.1"),
    _client(
        "ollama._client.Client", "ollama.Client", "host='http://127.0.0.1:1'", "ollama", "0.6.3"
    ),
    _client(
        "ollama._client.AsyncClient",
        "ollama.AsyncClient",
        "host='http://127.0.0.1:1'",
        "ollama",
        "0.6.3",
    ),
    _client(
        "google.genai.client.Client",
        "google.genai.Client",
        "api_key='test'",
        "google.genai",
        "3.6.1",
    ),
    # The client's services and chats keep the client's API client.
    *(
        TypeRow(
            f"google.genai.{module}.{name}",
            Kind.CLIENT,
            made_by=(
                Made(
                    f"google.genai.client.Client.{attribute}",
                    f"from google import genai; value = genai.Client(api_key='test').{attribute}",
                ),
            ),
            package="google.genai",
            version="3.6.1",
        )
        for module, name, attribute in (
            ("chats", "Chats", "chats"),
            ("models", "Models", "models"),
            ("files", "Files", "files"),
        )
    ),
    TypeRow(
        "google.genai.chats.Chat",
        Kind.CLIENT,
        made_by=(
            Made(
                "google.genai.chats.Chats.create()",
                "from google import genai; "
                "value = genai.Client(api_key='test').chats.create(model='gemini-2.0-flash')",
            ),
        ),
        package="google.genai",
        version="3.6.1",
    ),
    TypeRow(
        "google.generativeai.generative_models.GenerativeModel",
        Kind.CLIENT,
        made_by=(
            Made(
                "google.generativeai.GenerativeModel()",
                "import google.generativeai as genai; genai.configure(api_key='test', "
                "client_options={'api_endpoint': '127.0.0.1:9'}); "
                "value = genai.GenerativeModel('gemini-1.5-flash')\n"
                "try:\n"
                "    value.count_tokens('hi', request_options={'retry': None, 'timeout': 2})\n"
                "except Exception:\n"
                "    pass  # the client is made before the request",
            ),
        ),
        aliases=("google.generativeai.GenerativeModel",),
        built="it makes its client on first use: it pickles right after it is made, and is "
        "refused from its first call on, as in every run after the one that stored it",
        package="google.generativeai",
        version="0.8.6",
        # a chat session's messages are sent by its model's generate_content()
        used_by=frozenset(
            {
                "generate_content",
                "generate_content_async",
                "count_tokens",
                "count_tokens_async",
                "send_message",
                "send_message_async",
            }
        ),
        fresh_evidence="import google.generativeai as genai; genai.configure(api_key='test'); "
        "value = genai.GenerativeModel('gemini-1.5-flash')",
    ),
    TypeRow(
        "google.generativeai.generative_models.ChatSession",
        pickles=True,
        made_by=(
            Made(
                "google.generativeai.generative_models.GenerativeModel.start_chat()",
                "import google.generativeai as genai; genai.configure(api_key='test'); "
                "value = genai.GenerativeModel('gemini-1.5-flash').start_chat(history=[])",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        aliases=("google.generativeai.ChatSession",),
        built="it keeps its model, and is refused with it once the model has made its client",
        package="google.generativeai",
        version="0.8.6",
    ),
    TypeRow(
        "tiktoken.core.Encoding",
        pickles=True,
        made_by=(
            # both read the encoding's ranks from the network on first use
            Made("tiktoken.get_encoding()"),
            Made("tiktoken.encoding_for_model()"),
        ),
        aliases=("tiktoken.Encoding",),
        evidence="import tiktoken; value = tiktoken.Encoding(name='t', pat_str=r'\\S+|\\s+', "
        "mergeable_ranks={bytes([i]): i for i in range(256)}, special_tokens={})",
        package="tiktoken",
        version="0.14.0",
    ),
    *(
        _client(f"cohere.{module}.{name}", f"cohere.{name}", "api_key='test'", "cohere", "7.3.1")
        for module, name in (
            ("client", "Client"),
            ("client", "AsyncClient"),
            ("client_v2", "ClientV2"),
            ("client_v2", "AsyncClientV2"),
        )
    ),
    # mistralai 0.x had a client of its own, which 1 replaced with Mistral
    _client(
        "mistralai.client.MistralClient",
        "mistralai.client.MistralClient",
        "api_key='test'",
        "mistralai",
        "0.4.2",
        versions="<1",
    ),
    _client(
        "mistralai.async_client.MistralAsyncClient",
        "mistralai.async_client.MistralAsyncClient",
        "api_key='test'",
        "mistralai",
        "0.4.2",
        versions="<1",
    ),
    # mistralai 2 moved the client from the package into mistralai.client
    _client(
        "mistralai.sdk.Mistral",
        "mistralai.Mistral",
        "api_key='test'",
        "mistralai",
        "1.12.4",
        versions=">=1,<2",
    ),
    _client(
        "mistralai.client.sdk.Mistral",
        "mistralai.client.Mistral",
        "api_key='test'",
        "mistralai",
        "3.7.0",
        versions=">=2",
    ),
    _client(
        "together.Together",
        "together.Together",
        "api_key='test'",
        "together",
        "3.1.1",
        aliases=("together.Client",),
    ),
    _client(
        "together.AsyncTogether",
        "together.AsyncTogether",
        "api_key='test'",
        "together",
        "3.1.1",
        aliases=("together.AsyncClient",),
    ),
    _client(
        "elevenlabs.client.ElevenLabs",
        "elevenlabs.ElevenLabs",
        "api_key='test'",
        "elevenlabs",
        "2.78.0",
    ),
    _client(
        "elevenlabs.client.AsyncElevenLabs",
        "elevenlabs.AsyncElevenLabs",
        "api_key='test'",
        "elevenlabs",
        "2.78.0",
    ),
    _client(
        "langsmith.client.Client",
        "langsmith.Client",
        "api_key='lsv2-test', api_url='http://127.0.0.1:1'",
        "langsmith",
        "0.15.1",
    ),
    TypeRow(
        "replicate.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "replicate.Client()",
                "import replicate; value = replicate.Client(api_token='r8-test'); "
                "value._client  # what its first call does",
            ),
        ),
        aliases=("replicate.Client",),
        built="it makes its HTTP client on first use: it pickles right after it is made, and "
        "is refused from its first call on, as in every run after the one that stored it",
        package="replicate",
        version="1.0.7",
    ),
    TypeRow(
        "huggingface_hub.inference._client.InferenceClient",
        pickles=True,  # it shares the package's HTTP client rather than holding one
        made_by=(
            Made(
                "huggingface_hub.InferenceClient()",
                "import huggingface_hub; value = huggingface_hub.InferenceClient(token='hf-test')",
            ),
        ),
        aliases=("huggingface_hub.InferenceClient",),
        built="a streamed call (stream=True) leaves its open response in the client until "
        "the client is closed, and from then on pickle refuses it",
        package="huggingface_hub",
        version="2.4.0",
    ),
    TypeRow(
        "tavily.tavily.TavilyClient",
        pickles=True,  # it keeps a requests Session, which pickles
        made_by=(
            Made(
                "tavily.TavilyClient()",
                "import tavily; value = tavily.TavilyClient(api_key='tvly-test')",
            ),
        ),
        aliases=("tavily.TavilyClient",),
        package="tavily",
        version="0.8.5",
    ),
    _client(
        "tavily.async_tavily.AsyncTavilyClient",
        "tavily.AsyncTavilyClient",
        "api_key='tvly-test'",
        "tavily",
        "0.8.5",
    ),
    # the SDKs of speech, pages and payments keep an httpx client, or requests'
    # thread-local state
    *(
        _client(
            f"deepgram.client.{name}",
            f"deepgram.{name}",
            "api_key='x'",
            "deepgram",
            "7.17.0",
            versions=">=3",
        )
        for name in ("DeepgramClient", "AsyncDeepgramClient")
    ),
    *(
        _client(
            f"notion_client.client.{name}",
            f"notion_client.{name}",
            "auth='x'",
            "notion_client",
            "3.1.0",
        )
        for name in ("Client", "AsyncClient")
    ),
    _client(
        "stripe._stripe_client.StripeClient",
        "stripe.StripeClient",
        "'sk_test_x'",
        "stripe",
        "16.1.0",
    ),
    # its polling keeps a lock
    _client("telebot.TeleBot", "telebot.TeleBot", "'1:x'", "telebot", "4.37.1"),
    # its HTTP client is a Rust object
    _client(
        "duckduckgo_search.duckduckgo_search.DDGS",
        "duckduckgo_search.DDGS",
        "",
        "duckduckgo_search",
        "8.1.1",
        versions=">=6",
    ),
)
"""SDK clients: each holds an HTTP client with its pool and locks, but for those
that pickle (they say why)."""

VECTOR_DATABASES: tuple[TypeRow, ...] = (
    TypeRow(
        "chromadb.api.client.Client",
        Kind.CLIENT,
        made_by=(
            Made(
                "chromadb.PersistentClient()",
                "import chromadb; value = chromadb.PersistentClient(path='db')",
            ),
            Made(
                "chromadb.EphemeralClient()", "import chromadb; value = chromadb.EphemeralClient()"
            ),
            Made("chromadb.Client()", "import chromadb; value = chromadb.Client()"),
            # it connects when it is made
            Made("chromadb.HttpClient()"),
        ),
        package="chromadb",
        version="1.5.9",
    ),
    TypeRow(
        "chromadb.api.models.Collection.Collection",
        Kind.CLIENT,  # it keeps its client
        made_by=tuple(
            Made(
                f"chromadb.api.client.Client.{method}()",
                "import chromadb; _client = chromadb.EphemeralClient(); "
                f"_client.get_or_create_collection('docs'); value = _client.{method}({name!r})",
            )
            for method, name in (
                ("get_or_create_collection", "docs"),
                ("get_collection", "docs"),
                ("create_collection", "more"),
            )
        ),
        package="chromadb",
        version="1.5.9",
    ),
    TypeRow(
        "qdrant_client.qdrant_client.QdrantClient",
        Kind.CLIENT,
        made_by=(
            Made(
                "qdrant_client.QdrantClient()",
                "import qdrant_client; value = qdrant_client.QdrantClient(url='http://127.0.0.1:1')",
            ),
        ),
        aliases=("qdrant_client.QdrantClient",),
        built="refused with url= or host= (a closure of its HTTP middleware) and with path= "
        "(its open lock file); QdrantClient(':memory:') pickles",
        pickles_when_given=(
            PicklesWhenGiven(
                "location",
                0,
                ":memory:",
                "import qdrant_client; value = qdrant_client.QdrantClient(':memory:')",
            ),
        ),
        package="qdrant_client",
        version="1.20.0",
    ),
    _client(
        "qdrant_client.async_qdrant_client.AsyncQdrantClient",
        "qdrant_client.AsyncQdrantClient",
        "url='http://127.0.0.1:1'",
        "qdrant_client",
        "1.20.0",
    ),
    # pinecone 9 moved the client into pinecone._client and makes what it keeps when it
    # is made; langchain-pinecone holds apps to releases before 8
    _client(
        "pinecone._client.Pinecone",
        "pinecone.Pinecone",
        "api_key='test'",
        "pinecone",
        "10.2.0",
        versions=">=9",
    ),
    TypeRow(
        "pinecone.index.Index",
        Kind.CLIENT,
        made_by=(
            Made(
                "pinecone._client.Pinecone.Index()",
                "import pinecone; "
                "value = pinecone.Pinecone(api_key='test').Index(host='http://127.0.0.1:1')",
            ),
        ),
        package="pinecone",
        version="10.2.0",
        versions=">=9",
    ),
    TypeRow(
        "pinecone.pinecone.Pinecone",
        Kind.CLIENT,
        made_by=(
            Made(
                "pinecone.pinecone.Pinecone()",
                "import pinecone; value = pinecone.Pinecone(api_key='test'); "
                "value.db  # what its first call does",
            ),
        ),
        built="it makes its client on first use: it pickles right after it is made, and is "
        "refused from its first call on, as in every run after the one that stored it",
        package="pinecone",
        version="7.3.0",
        versions="<9",
    ),
    TypeRow(
        "pinecone.db_data.index.Index",
        Kind.CLIENT,
        made_by=(
            Made(
                "pinecone.pinecone.Pinecone.Index()",
                "import pinecone; "
                "value = pinecone.Pinecone(api_key='test').Index(host='http://127.0.0.1:1')",
            ),
        ),
        package="pinecone",
        version="7.3.0",
        versions="<9",
    ),
    TypeRow(
        # its module depends on the processor (swigfaiss, swigfaiss_avx2): named as exported
        "faiss.Index",
        pickles=True,
        made_by=tuple(
            Made(f"faiss.{name}()", f"import faiss; value = faiss.{name}(4)")
            for name in ("IndexFlatL2", "IndexFlatIP")
        ),
        package="faiss",
        version="1.15.1",
    ),
    _client(
        "weaviate.client.WeaviateClient",
        "weaviate.WeaviateClient",
        "connection_params=_m.connect.ConnectionParams.from_url('http://127.0.0.1:1', "
        "grpc_port=2), skip_init_checks=True",
        "weaviate",
        _WEAVIATE,
        # they connect when they are made
        Made("weaviate.connect_to_local()"),
        Made("weaviate.connect_to_weaviate_cloud()"),
        Made("weaviate.connect_to_custom()"),
    ),
    TypeRow(
        "weaviate.collections.collections.sync._Collections",
        made_by=(
            Made(
                "weaviate.client.WeaviateClient.collections",
                f"import weaviate; value = {_WEAVIATE_CLIENT}.collections",
            ),
        ),
        package="weaviate",
        version=_WEAVIATE,
    ),
    TypeRow(
        "weaviate.collections.collection.sync.Collection",
        Kind.CLIENT,  # it keeps its client's connection
        made_by=(
            *(
                Made(
                    f"weaviate.collections.collections.sync._Collections.{method}()",
                    f"import weaviate; value = {_WEAVIATE_CLIENT}.collections.{method}('Docs')",
                )
                for method in ("get", "use")
            ),
            # it makes the collection on the server
            Made("weaviate.collections.collections.sync._Collections.create()"),
        ),
        aliases=("weaviate.collections.Collection",),
        package="weaviate",
        version=_WEAVIATE,
    ),
    TypeRow(
        "pymilvus.milvus_client.milvus_client.MilvusClient",
        Kind.CLIENT,
        made_by=(
            Made(
                "pymilvus.MilvusClient()",
                "import pymilvus as _m; value = _m.MilvusClient(uri='milvus.db')",
            ),
        ),
        aliases=("pymilvus.MilvusClient",),
        built="made with a server's URI it connects when it is made; the evidence opens a local "
        "file with Milvus Lite, which serves it on a loopback port",
        # before 2.6.10 it kept only the alias of its connection, which pickle takes
        pickles_with=PicklesWith(
            "pymilvus",
            "<2.6.10",
            "from pymilvus import MilvusClient; value = MilvusClient(uri='milvus.db')",
            "pymilvus 2.6.9 with milvus-lite 3.2.2",
        ),
        package="pymilvus",
        needs=("milvus_lite",),
        version="3.0.2",
    ),
    TypeRow(
        "lancedb.db.LanceDBConnection",
        Kind.DATABASE,
        made_by=(Made("lancedb.connect()", "import lancedb; value = lancedb.connect('db')"),),
        aliases=("lancedb.LanceDBConnection",),
        package="lancedb",
        version=_LANCEDB,
    ),
    TypeRow(
        "lancedb.table.LanceTable",
        Kind.DATABASE,  # it keeps its connection
        made_by=(
            Made(
                "lancedb.db.LanceDBConnection.create_table()",
                f"{_LANCE_DB}value = _db.create_table('t', data={_LANCE_ROWS})",
            ),
            Made(
                "lancedb.db.LanceDBConnection.open_table()",
                f"{_LANCE_DB}_db.create_table('opened', data={_LANCE_ROWS}); "
                "value = _db.open_table('opened')",
            ),
        ),
        package="lancedb",
        version=_LANCEDB,
    ),
)

LLAMA_INDEX: tuple[TypeRow, ...] = (
    TypeRow(
        "llama_index.core.indices.base.BaseIndex",
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.indices.vector_store.base.VectorStoreIndex",
        pickles=True,  # it drops what it cannot pickle (its splitter's functions)
        made_by=(
            Made(
                "llama_index.core.VectorStoreIndex.from_documents()",
                _INDEX + "value = _index",
                holds=Holding.ARGUMENTS,
            ),
            Made(
                "llama_index.core.VectorStoreIndex()",
                _LLAMA_SETTINGS + "from llama_index.core.schema import TextNode; "
                "value = VectorStoreIndex([TextNode(text='a')])",
                holds=Holding.ARGUMENTS,
            ),
            Made("llama_index.core.VectorStoreIndex.from_vector_store()", holds=Holding.ARGUMENTS),
        ),
        aliases=("llama_index.core.VectorStoreIndex",),
        bases=("llama_index.core.indices.base.BaseIndex",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.query_engine.retriever_query_engine.RetrieverQueryEngine",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.indices.base.BaseIndex.as_query_engine()",
                _INDEX + "value = _index.as_query_engine()",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.chat_engine.types.BaseChatEngine",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.indices.base.BaseIndex.as_chat_engine()",
                _INDEX + "value = _index.as_chat_engine(chat_mode='condense_plus_context')",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        built="the engine's class follows chat_mode; the context and condense engines "
        "pickle, keeping the index and the model",
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.indices.vector_store.retrievers.retriever.VectorIndexRetriever",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.indices.base.BaseIndex.as_retriever()",
                _INDEX + "value = _index.as_retriever()",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.vector_stores.chroma.base.ChromaVectorStore",
        # LlamaIndex's components drop the private attributes pickle refuses
        # (its Chroma collection), and so do the storage context and the index
        pickles=True,
        made_by=(
            Made(
                "llama_index.vector_stores.chroma.ChromaVectorStore()",
                "import chromadb; from llama_index.vector_stores.chroma import ChromaVectorStore; "
                "_collection = chromadb.EphemeralClient().get_or_create_collection('docs'); "
                "value = ChromaVectorStore(chroma_collection=_collection)",
            ),
        ),
        aliases=("llama_index.vector_stores.chroma.ChromaVectorStore",),
        needs=("chromadb",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.llms.openai.base.OpenAI",
        pickles=True,  # it drops its client when pickled
        made_by=(
            Made(
                "llama_index.llms.openai.OpenAI()",
                "from llama_index.llms.openai import OpenAI; value = OpenAI(api_key='sk-test'); "
                "value._get_client()  # what its first call does",
            ),
        ),
        aliases=("llama_index.llms.openai.OpenAI",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.llms.langchain.base.LangChainLLM",
        pickles=True,  # LlamaIndex drops what it cannot pickle: the LangChain model it wraps
        made_by=(
            Made(
                "llama_index.llms.langchain.LangChainLLM()",
                "from llama_index.llms.langchain import LangChainLLM; "
                "from langchain_openai import ChatOpenAI; "
                "value = LangChainLLM(llm=ChatOpenAI(api_key='sk-test'))",
                needs=("langchain_openai",),
            ),
        ),
        aliases=("llama_index.llms.langchain.LangChainLLM",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.embeddings.openai.base.OpenAIEmbedding",
        pickles=True,
        made_by=(
            Made(
                "llama_index.embeddings.openai.OpenAIEmbedding()",
                "from llama_index.embeddings.openai import OpenAIEmbedding; "
                "value = OpenAIEmbedding(api_key='sk-test')",
            ),
        ),
        aliases=("llama_index.embeddings.openai.OpenAIEmbedding",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.schema.Document",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.Document()",
                "from llama_index.core import Document; value = Document(text='a')",
            ),
        ),
        aliases=("llama_index.core.Document",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.memory.chat_memory_buffer.ChatMemoryBuffer",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.memory.ChatMemoryBuffer.from_defaults()",
                "from llama_index.core.memory import ChatMemoryBuffer; "
                "value = ChatMemoryBuffer.from_defaults(token_limit=100)",
            ),
        ),
        aliases=("llama_index.core.memory.ChatMemoryBuffer",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.base.llms.types.ChatMessage",
        pickles=True,
        made_by=(
            Made(
                "llama_index.core.llms.ChatMessage()",
                "from llama_index.core.llms import ChatMessage; "
                "value = ChatMessage(role='user', content='hi')",
            ),
        ),
        aliases=("llama_index.core.llms.ChatMessage",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.agent.workflow.react_agent.ReActAgent",
        # its workflow keeps a weak reference
        Kind.INTERPRETER_OBJECT,
        made_by=(
            Made(
                "llama_index.core.agent.ReActAgent()",
                "from llama_index.core.agent import ReActAgent; "
                "from llama_index.core.llms import MockLLM; "
                "value = ReActAgent(tools=[], llm=MockLLM())",
            ),
        ),
        aliases=("llama_index.core.agent.ReActAgent",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "workflows.workflow.Workflow",
        # it keeps a weak reference to its runtime; apps derive their workflows from it
        Kind.INTERPRETER_OBJECT,
        aliases=("llama_index.core.workflow.Workflow", "workflows.Workflow"),
        # a workflow of the app, in a module of its own as an app's would be
        evidence="import sys, types; _app = types.ModuleType('app_flows'); "
        f"sys.modules['app_flows'] = _app; exec({_APP_WORKFLOW!r}, _app.__dict__); "
        "value = _app.Echo(timeout=10)",
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.agent.workflow.function_agent.FunctionAgent",
        Kind.INTERPRETER_OBJECT,  # a workflow
        made_by=(
            Made(
                "llama_index.core.agent.workflow.FunctionAgent()",
                _FUNCTION_LLM + "from llama_index.core.agent.workflow import FunctionAgent; "
                "value = FunctionAgent(tools=[], llm=_llm)",
            ),
        ),
        aliases=("llama_index.core.agent.workflow.FunctionAgent",),
        bases=("workflows.workflow.Workflow",),
        package="llama_index",
        version=_LLAMA,
    ),
    TypeRow(
        "llama_index.core.agent.workflow.multi_agent_workflow.AgentWorkflow",
        Kind.INTERPRETER_OBJECT,  # a workflow
        made_by=(
            Made(
                "llama_index.core.agent.workflow.AgentWorkflow()",
                _FUNCTION_LLM + "from llama_index.core.agent.workflow import "
                "AgentWorkflow, FunctionAgent; value = AgentWorkflow(agents=[FunctionAgent("
                "name='a', description='d', tools=[], llm=_llm)])",
            ),
            Made(
                "llama_index.core.agent.workflow.AgentWorkflow.from_tools_or_functions()",
                _FUNCTION_LLM + "from llama_index.core.agent.workflow import AgentWorkflow; "
                "value = AgentWorkflow.from_tools_or_functions([], llm=_llm)",
            ),
        ),
        aliases=("llama_index.core.agent.workflow.AgentWorkflow",),
        bases=("workflows.workflow.Workflow",),
        package="llama_index",
        version=_LLAMA,
    ),
)

_AGNO = "3.1.10"
_AGNO_MODEL = (
    "from agno.models.openai import OpenAIChat; "
    "_model = OpenAIChat(id='gpt-4o-mini', api_key='sk-test'); "
)
_AGNO_QDRANT = (
    "from agno.vectordb.qdrant import Qdrant; "
    "from agno.knowledge.embedder.openai import OpenAIEmbedder; "
    "value = Qdrant(collection='c', url='http://127.0.0.1:9', "
    "embedder=OpenAIEmbedder(api_key='sk-test'))"
)
_PHI = "2.7.10"
_SMOL = "1.26.0"
_SMOL_MODEL = (
    "from smolagents import InferenceClientModel; _model = InferenceClientModel(token='hf-test'); "
)
_AGENTS = "0.24.0"
_CREWAI = "1.15.30"
_SEMANTIC_KERNEL = "1.45.0"
_SK_OPENAI = "ai_model_id='gpt-4o', api_key='sk-test'"
_CREWAI_QUIET = (
    "import os; os.environ.update(CREWAI_DISABLE_TELEMETRY='true', OTEL_SDK_DISABLED='true'); "
)


_CREWAI_MODELS_THROUGH_LITELLM = (
    "groq/llama-3.1-8b-instant",
    "mistral/mistral-large-latest",
    "together_ai/meta-llama/Llama-3-8b-chat-hf",
    "huggingface/meta-llama/Llama-3.1-8B-Instruct",
    "fireworks_ai/accounts/fireworks/models/llama-v3-8b-instruct",
    "cohere/command-r",
    "perplexity/sonar",
    "xai/grok-2",
    "nvidia_nim/meta/llama3-8b-instruct",
    "sambanova/Meta-Llama-3.1-8B-Instruct",
    "watsonx/ibm/granite-13b-chat-v2",
)
"""Models of providers CrewAI has no class of its own for (the text before the
first ``/``): ``crewai.LLM()`` makes its LiteLLM-based ``LLM`` for them."""
_CREWAI_LITELLM = _CREWAI_QUIET + "os.environ['LITELLM_LOCAL_MODEL_COST_MAP'] = 'True'; "


def _crewai_through_litellm(model: str) -> PicklesWhenGiven:
    return PicklesWhenGiven(
        "model",
        0,
        model.partition("/")[0] + "/",
        _CREWAI_LITELLM
        + f"from crewai import LLM; value = LLM(model={model!r}, api_key='sk-test')",
        prefix=True,
        producer="crewai.LLM()",
        needs=("litellm",),
    )


def _crewai_agent_through_litellm(model: str) -> PicklesWhenGiven:
    """An agent keeps the model it is given, also as its name."""
    return PicklesWhenGiven(
        "llm",
        None,
        model.partition("/")[0] + "/",
        _CREWAI_LITELLM + "from crewai import Agent, LLM; value = Agent(role='r', goal='g', "
        f"backstory='b', llm=LLM(model={model!r}, api_key='sk-test'))",
        prefix=True,
        producer="crewai.Agent()",
        needs=("litellm",),
        objects=True,
    )


def _with_crewai_0(evidence: str) -> PicklesWith:
    """Before 1.0, CrewAI ran every model through LiteLLM: its ``LLM`` kept no
    client, and its agents pickled."""
    return PicklesWith(
        "crewai",
        "<1",
        _CREWAI_QUIET + "os.environ['OPENAI_API_KEY'] = 'sk-test'; " + evidence,
        "crewai 0.193.2 with litellm 1.74.9, crewai 0.102.0 with litellm 1.60.2",
    )


_CREWAI_AGENT = (
    _CREWAI_QUIET + "from crewai import Agent, LLM, Task; _agent = Agent(role='r', goal='g', "
    "backstory='b', llm=LLM(model='gpt-4o-mini', api_key='sk-test')); "
)

AGENTS: tuple[TypeRow, ...] = (
    TypeRow(
        "agno.models.openai.chat.OpenAIChat",
        Kind.CLIENT,
        made_by=(
            Made(
                "agno.models.openai.OpenAIChat()",
                _AGNO_MODEL + "value = _model; value.get_client()  # as its first call does",
            ),
        ),
        aliases=("agno.models.openai.OpenAIChat",),
        built="it makes its client on first use: it pickles right after it is made, and is "
        "refused from its first call on, as in every run after the one that stored it",
        package="agno",
        version=_AGNO,
    ),
    TypeRow(
        "agno.agent.agent.Agent",
        pickles=True,
        made_by=(
            Made(
                "agno.agent.Agent()",
                _AGNO_MODEL + "from agno.agent import Agent; value = Agent(model=_model)",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("agno.agent.Agent",),
        built="it keeps its model, and is refused with it once the model has made its client",
        package="agno",
        version=_AGNO,
    ),
    TypeRow(
        "agno.vectordb.qdrant.qdrant.Qdrant",
        Kind.CLIENT,
        made_by=(
            Made(
                "agno.vectordb.qdrant.Qdrant()",
                _AGNO_QDRANT + "\ntry:\n    value.exists()\nexcept Exception:\n"
                "    pass  # its client is made before the request",
            ),
        ),
        aliases=("agno.vectordb.qdrant.Qdrant",),
        built="it makes its Qdrant client when a method first reaches the collection",
        package="agno",
        needs=("qdrant_client",),
        version=_AGNO,
        # its own methods that reach the collection, and those of the knowledge
        # bases of agno's release lines that hold it
        used_by=frozenset(
            {
                *("create", "async_create", "name_exists", "async_name_exists"),
                *("exists", "async_exists", "insert", "async_insert", "upsert"),
                *("async_upsert", "search", "async_search", "drop", "async_drop"),
                *("delete", "get_count", "content_hash_exists", "update_metadata"),
                *("add_content", "add_content_async", "add_contents", "add_contents_async"),
                *("load", "aload", "ainsert", "insert_many", "ainsert_many", "asearch"),
                *("retrieve", "aretrieve"),
            }
        ),
        fresh_evidence=_AGNO_QDRANT,
    ),
    TypeRow(
        "agno.team.team.Team",
        pickles=True,
        made_by=(
            Made(
                "agno.team.Team()",
                _AGNO_MODEL + "from agno.agent import Agent; from agno.team import Team; "
                "value = Team(members=[Agent(model=_model)], model=_model)",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("agno.team.Team",),
        built="it keeps its members and model, and is refused with a model that has made "
        "its client",
        package="agno",
        version=_AGNO,
    ),
    TypeRow(
        "phi.model.openai.chat.OpenAIChat",
        pickles=True,  # it makes a new client for each call rather than keeping one
        made_by=(
            Made(
                "phi.model.openai.OpenAIChat()",
                "from phi.model.openai import OpenAIChat; "
                "value = OpenAIChat(id='gpt-4o-mini', api_key='sk-test'); "
                "value.get_client()  # as its first call does",
            ),
        ),
        aliases=("phi.model.openai.OpenAIChat",),
        package="phi",
        version=_PHI,
    ),
    TypeRow(
        "phi.agent.agent.Agent",
        pickles=True,
        made_by=(
            Made(
                "phi.agent.Agent()",
                "from phi.agent import Agent; from phi.model.openai import OpenAIChat; "
                "value = Agent(model=OpenAIChat(id='gpt-4o-mini', api_key='sk-test'))",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("phi.agent.Agent",),
        package="phi",
        version=_PHI,
    ),
    TypeRow(
        # it keeps the SQLAlchemy engine it makes from db_url, whatever the database
        "phi.storage.assistant.postgres.PgAssistantStorage",
        Kind.DATABASE,
        made_by=(
            Made(
                "phi.storage.assistant.postgres.PgAssistantStorage()",
                # phi.assistant first: phidata's own modules import each other in a cycle
                "import phi.assistant; from phi.storage.assistant.postgres import "
                "PgAssistantStorage; value = PgAssistantStorage(table_name='runs', "
                "db_url='sqlite://')",
            ),
        ),
        package="phi",
        needs=("sqlalchemy",),
        version=_PHI,
    ),
    TypeRow(
        "phi.assistant.assistant.Assistant",
        pickles=True,
        made_by=(
            Made(
                "phi.assistant.Assistant()",
                "from phi.assistant import Assistant; from phi.llm.openai import OpenAIChat; "
                "value = Assistant(llm=OpenAIChat(model='gpt-4o-mini', api_key='sk-test'))",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("phi.assistant.Assistant",),
        built="it keeps its storage and knowledge base, and is refused with a storage that "
        "keeps a database engine",
        package="phi",
        version=_PHI,
    ),
    TypeRow(
        "smolagents.models.OpenAIModel",
        Kind.CLIENT,
        made_by=(
            Made(
                "smolagents.OpenAIServerModel()",
                "from smolagents import OpenAIServerModel; "
                "value = OpenAIServerModel(model_id='gpt-4o-mini', api_key='sk-test')",
            ),
        ),
        aliases=(
            "smolagents.OpenAIModel",
            "smolagents.OpenAIServerModel",
            "smolagents.models.OpenAIServerModel",
        ),
        package="smolagents",
        version=_SMOL,
    ),
    TypeRow(
        "smolagents.models.InferenceClientModel",
        pickles=True,  # it keeps a huggingface_hub InferenceClient
        made_by=(Made("smolagents.InferenceClientModel()", _SMOL_MODEL + "value = _model"),),
        aliases=("smolagents.InferenceClientModel",),
        built="its client keeps the open response of a streamed call, and is refused from then on",
        package="smolagents",
        version=_SMOL,
    ),
    *(
        TypeRow(
            f"smolagents.agents.{name}",
            Kind.CLIENT,  # its logger's console keeps a lock, whatever its model
            made_by=(
                Made(
                    f"smolagents.{name}()",
                    f"{_SMOL_MODEL}from smolagents import {name}; "
                    f"value = {name}(tools=[], model=_model)",
                ),
            ),
            aliases=(f"smolagents.{name}",),
            package="smolagents",
            version=_SMOL,
        )
        for name in ("CodeAgent", "ToolCallingAgent")
    ),
    TypeRow(
        "agents.agent.Agent",
        pickles=True,
        made_by=(
            Made(
                "agents.Agent()",
                "from agents import Agent; value = Agent(name='a', instructions='be brief')",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("agents.Agent",),
        built="it keeps its tools and model: refused with a function tool, or a model "
        "given its own client",
        package="agents",
        version=_AGENTS,
    ),
    TypeRow(
        "agents.tool.FunctionTool",
        # it calls the function through functions defined inside function_tool
        Kind.LOCAL_OBJECT,
        made_by=(
            Made(
                "agents.function_tool()",
                "from agents import function_tool\n"
                "def add(a: int, b: int) -> int:\n"
                "    return a + b\n"
                "value = function_tool(add)",
            ),
        ),
        aliases=("agents.FunctionTool",),
        package="agents",
        version=_AGENTS,
    ),
    TypeRow(
        "agents.models.openai_chatcompletions.OpenAIChatCompletionsModel",
        Kind.CLIENT,  # it keeps the client it is given
        made_by=(
            Made(
                "agents.OpenAIChatCompletionsModel()",
                "from agents import OpenAIChatCompletionsModel; from openai import AsyncOpenAI; "
                "value = OpenAIChatCompletionsModel(model='gpt-4o-mini', "
                "openai_client=AsyncOpenAI(api_key='sk-test'))",
            ),
        ),
        aliases=("agents.OpenAIChatCompletionsModel",),
        package="agents",
        needs=("openai",),
        version=_AGENTS,
    ),
    TypeRow(
        "agents.memory.sqlite_session.SQLiteSession",
        Kind.DATABASE,  # it keeps its SQLite connections in a thread-local
        made_by=(
            Made(
                "agents.SQLiteSession()",
                "from agents import SQLiteSession; value = SQLiteSession('s', 'conversations.db')",
            ),
        ),
        aliases=("agents.SQLiteSession", "agents.memory.SQLiteSession"),
        package="agents",
        version=_AGENTS,
    ),
    TypeRow(
        "mem0.memory.main.Memory",
        Kind.CLIENT,  # it keeps its vector store's and model's clients
        made_by=(
            # its default store is a Qdrant folder in /tmp, its history a file in the home folder
            Made("mem0.Memory()"),
            Made(
                "mem0.Memory.from_config()",
                "import os; os.environ.update(MEM0_TELEMETRY='False', MEM0_DIR='mem0', "
                "OPENAI_API_KEY='sk-test'); from mem0 import Memory; "
                "value = Memory.from_config({'vector_store': {'provider': 'qdrant', "
                "'config': {'path': 'qdrant'}}, 'history_db_path': 'history.db'})",
            ),
        ),
        aliases=("mem0.Memory",),
        package="mem0",
        version="2.2.1",
    ),
    TypeRow(
        "crewai.llms.base_llm.BaseLLM",
        Kind.CLIENT,
        made_by=(
            Made(
                "crewai.LLM()",
                _CREWAI_QUIET + "from crewai import LLM; "
                "value = LLM(model='gpt-4o-mini', api_key='sk-test')",
            ),
        ),
        aliases=("crewai.BaseLLM",),
        built="crewai.LLM() makes the class of the model's provider (here OpenAI's), which "
        "makes that provider's client; for a provider CrewAI has no class of its own for, "
        "it makes its LiteLLM-based LLM, which keeps no client and pickles",
        pickles_when_given=tuple(map(_crewai_through_litellm, _CREWAI_MODELS_THROUGH_LITELLM)),
        pickles_with=_with_crewai_0("from crewai import LLM; value = LLM(model='gpt-4o-mini')"),
        package="crewai",
        version=_CREWAI,
    ),
    TypeRow(
        "crewai.agent.core.Agent",
        Kind.CLIENT,
        made_by=(Made("crewai.Agent()", _CREWAI_AGENT + "value = _agent"),),
        aliases=("crewai.Agent",),
        built="it keeps the model it is given (a name it makes one of), or makes OpenAI's "
        "from the environment, and pickles with a model CrewAI runs through LiteLLM",
        pickles_when_given=tuple(
            map(_crewai_agent_through_litellm, _CREWAI_MODELS_THROUGH_LITELLM)
        ),
        pickles_with=_with_crewai_0(
            "from crewai import Agent; value = Agent(role='r', goal='g', backstory='b')"
        ),
        package="crewai",
        version=_CREWAI,
    ),
    TypeRow(
        "crewai.crew.Crew",
        Kind.CLIENT,  # it keeps its agents
        made_by=(
            Made(
                "crewai.Crew()",
                _CREWAI_AGENT + "from crewai import Crew; value = Crew(agents=[_agent], "
                "tasks=[Task(description='d', expected_output='o', agent=_agent)])",
            ),
        ),
        aliases=("crewai.Crew",),
        # before 1.0 it depends on the release and on how it is made: a crew of
        # CrewAI's project template is refused with 0.193 (a callback wrapper its
        # decorator defines) and, made from YAML configuration, with 0.102 (a lock)
        package="crewai",
        version=_CREWAI,
    ),
    TypeRow(
        "crewai.task.Task",
        pickles=True,
        made_by=(
            Made(
                "crewai.Task()",
                _CREWAI_QUIET + "from crewai import Task; "
                "value = Task(description='d', expected_output='o')",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("crewai.Task",),
        built="it keeps its agent, and is refused with it",
        package="crewai",
        version=_CREWAI,
    ),
    TypeRow(
        "embedchain.app.App",
        Kind.CLIENT,  # its embedder's OpenAI client, its Chroma client, a SQL session
        made_by=(
            Made(
                "embedchain.App.from_config()",
                # it keeps its configuration and database in EMBEDCHAIN_CONFIG_DIR
                "import os; os.environ.update(OPENAI_API_KEY='sk-test', "
                "ANONYMIZED_TELEMETRY='False', EC_TELEMETRY='False', "
                "EMBEDCHAIN_CONFIG_DIR=os.getcwd()); from embedchain import App; "
                "value = App.from_config(config={'llm': {'provider': 'openai', 'config': "
                "{'model': 'gpt-4o-mini'}}, 'vectordb': {'provider': 'chroma', 'config': "
                "{'dir': 'db'}}, 'embedder': {'provider': 'openai', 'config': "
                "{'model': 'text-embedding-3-small'}}})",
            ),
        ),
        aliases=("embedchain.App",),
        package="embedchain",
        version="0.1.128",
    ),
    *(
        TypeRow(
            f"pandasai.llm.{module}.{name}",
            Kind.CLIENT,
            made_by=(
                Made(
                    f"pandasai.llm.{name}()",
                    _PANDASAI_QUIET
                    + f"from pandasai.llm import {name}; value = {name}({arguments})",
                ),
            ),
            aliases=(f"pandasai.llm.{name}",),
            package="pandasai",
            version=_PANDASAI,
            versions="<3",
        )
        for module, name, arguments in (
            ("openai", "OpenAI", "api_token='sk-test'"),
            (
                "azure_openai",
                "AzureOpenAI",
                "api_token='sk-test', azure_endpoint='http://127.0.0.1:1', "
                "api_version='2024-02-01', deployment_name='x'",
            ),
        )
    ),
    *(
        TypeRow(
            f"pandasai.{module}.{name}",
            # the DuckDB connection of its cache, on by default, besides its model
            Kind.DATABASE,
            made_by=(
                Made(
                    f"pandasai.{name}()",
                    _PANDASAI_QUIET + "import pandas as pd; from pandasai.llm import OpenAI; "
                    f"from pandasai import {name}; value = {name}({frames}, "
                    "config={'llm': OpenAI(api_token='sk-test')})",
                ),
            ),
            aliases=(f"pandasai.{name}", *more),
            built="it keeps a DuckDB connection for its cache unless its config says "
            "'enable_cache': False, and its model, which holds a client",
            package="pandasai",
            version=_PANDASAI,
            versions="<3",
        )
        for module, name, frames, more in (
            ("smart_datalake", "SmartDatalake", "[pd.DataFrame({'a': [1]})]", ()),
            ("smart_dataframe", "SmartDataframe", "pd.DataFrame({'a': [1]})", ()),
            ("agent.agent", "Agent", "[pd.DataFrame({'a': [1]})]", ("pandasai.agent.Agent",)),
        )
    ),
    TypeRow(
        "pydantic_ai.agent.Agent",
        Kind.CLIENT,  # its model's client; from 2, a context variable of its own too
        made_by=(
            Made(
                "pydantic_ai.Agent()",
                "import os; os.environ['OPENAI_API_KEY'] = 'sk-test'; "
                "from pydantic_ai import Agent; value = Agent('openai:gpt-4o')",
            ),
        ),
        aliases=("pydantic_ai.Agent",),
        built="before 2, an agent of its test model pickled (0.0.19)",
        package="pydantic_ai",
        version="2.68.0",
    ),
    TypeRow(
        "strands.agent.agent.Agent",
        Kind.CLIENT,  # a lock of its own, and its model's client
        made_by=(
            Made(
                "strands.Agent()",
                "from strands import Agent; from strands.models.openai import OpenAIModel; "
                "value = Agent(model=OpenAIModel(client_args={'api_key': 'sk-test'}, "
                "model_id='gpt-4o'))",
            ),
        ),
        aliases=("strands.Agent",),
        package="strands",
        version="1.62.0",
    ),
    TypeRow(
        "browser_use.agent.service.Agent",
        Kind.LOCAL_OBJECT,  # its browser session's handlers are functions made inside its own
        made_by=(
            Made(
                "browser_use.Agent()",
                "from browser_use import Agent, ChatOpenAI; "
                "value = Agent(task='t', llm=ChatOpenAI(model='gpt-4o', api_key='sk-test'))",
            ),
        ),
        aliases=("browser_use.Agent",),
        package="browser_use",
        version="0.5.9",
    ),
    *(
        TypeRow(
            f"semantic_kernel.connectors.ai.open_ai.services.{module}.{name}",
            Kind.CLIENT,
            made_by=(
                Made(
                    f"semantic_kernel.connectors.ai.open_ai.{name}()",
                    f"from semantic_kernel.connectors.ai.open_ai import {name}; "
                    f"value = {name}({arguments})",
                ),
            ),
            aliases=(f"semantic_kernel.connectors.ai.open_ai.{name}",),
            package="semantic_kernel",
            version=_SEMANTIC_KERNEL,
        )
        for module, name, arguments in (
            ("open_ai_chat_completion", "OpenAIChatCompletion", _SK_OPENAI),
            (
                "azure_chat_completion",
                "AzureChatCompletion",
                "deployment_name='d', endpoint='https://127.0.0.1', api_key='x', "
                "api_version='2024-02-01'",
            ),
        )
    ),
    TypeRow(
        "semantic_kernel.kernel.Kernel",
        Kind.CLIENT,
        made_by=(
            Made(
                "semantic_kernel.Kernel()",
                "from semantic_kernel import Kernel; "
                "from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion; "
                f"value = Kernel(); value.add_service(OpenAIChatCompletion({_SK_OPENAI}))",
            ),
        ),
        aliases=("semantic_kernel.Kernel",),
        built="a kernel without services pickles; given one, it keeps the service's client",
        package="semantic_kernel",
        version=_SEMANTIC_KERNEL,
        used_by=frozenset({"add_service"}),
        fresh_evidence="from semantic_kernel import Kernel; value = Kernel()",
    ),
    TypeRow(
        "litellm.router.Router",
        Kind.INTERPRETER_OBJECT,  # it keeps a mapping proxy of a class's namespace
        made_by=(
            Made(
                "litellm.Router()",
                "import os; os.environ['LITELLM_LOCAL_MODEL_COST_MAP'] = 'True'; "
                "from litellm import Router; value = Router(model_list=[{'model_name': 'a', "
                "'litellm_params': {'model': 'gpt-4o', 'api_key': 'sk-test'}}])",
            ),
        ),
        aliases=("litellm.Router",),
        package="litellm",
        version="1.110.2",
    ),
    TypeRow(
        "instructor.v2.core.client.Instructor",
        Kind.CLIENT,  # the provider's client it patches
        made_by=(
            Made(
                "instructor.from_openai()",
                "import instructor, openai; "
                "value = instructor.from_openai(openai.OpenAI(api_key='sk-test'))",
            ),
            Made(
                "instructor.from_provider()",
                "import os; os.environ['OPENAI_API_KEY'] = 'sk-test'; import instructor; "
                "value = instructor.from_provider('openai/gpt-4o')",
            ),
        ),
        aliases=("instructor.Instructor",),
        built="given an async client it makes an AsyncInstructor, which keeps that client",
        package="instructor",
        needs=("openai",),
        version="1.17.0",
    ),
)
"""Agent frameworks' agents, teams, tools, models and memories."""


_MCP_SERVER = (
    "import sys; open('server.py', 'w').write('from mcp.server.fastmcp import FastMCP\\n"
    'mcp = FastMCP("t")\\n@mcp.tool()\\ndef add(a: int, b: int) -> int:\\n'
    "    return a + b\\nmcp.run()\\n'); "
)
"""Evidence's start: a local MCP server, run over stdio by ``sys.executable
server.py``, which ends when its client's end of the pipe closes."""
_MCP_AGENT_APP = (
    "import asyncio; from mcp_agent.app import MCPApp; "
    "from mcp_agent.config import Settings, MCPSettings, MCPServerSettings; "
    "app = MCPApp(name='app', settings=Settings(mcp=MCPSettings(servers={'t': "
    "MCPServerSettings(command=sys.executable, args=['server.py'])}))); "
    "loop = asyncio.new_event_loop(); loop.run_until_complete(app.run().__aenter__()); "
)
"""A running mcp-agent app whose server ``t`` is the local one."""

MCP: tuple[TypeRow, ...] = (
    _client(
        "fastmcp.client.client.Client",
        "fastmcp.Client",
        "'http://127.0.0.1:9/mcp'",
        "fastmcp",
        "4.2.3",
        built="it keeps a logging callback it defines inside a function, and its transport",
    ),
    TypeRow(
        "mcp.client.session.ClientSession",
        Kind.CLIENT,
        made_by=(
            Made(
                "mcp.client.session.ClientSession()",
                _MCP_SERVER + "import asyncio, contextlib; from mcp import ClientSession, "
                "StdioServerParameters; from mcp.client.stdio import stdio_client\n"
                "async def opened():\n"
                "    stack = contextlib.AsyncExitStack()\n"
                "    read, write = await stack.enter_async_context(stdio_client("
                "StdioServerParameters(command=sys.executable, args=['server.py'])))\n"
                "    session = await stack.enter_async_context(ClientSession(read, write))\n"
                "    await session.initialize()\n"
                "    return session\n"
                "value = asyncio.new_event_loop().run_until_complete(opened())",
            ),
        ),
        aliases=("mcp.ClientSession",),
        built="entering it starts the task that reads its server's messages",
        package="mcp",
        version="1.30.0",
        used_by=frozenset({"__aenter__"}),
        fresh_evidence=_MCP_SERVER + "import asyncio; from mcp import ClientSession, "
        "StdioServerParameters; from mcp.client.stdio import stdio_client; "
        "read, write = asyncio.new_event_loop().run_until_complete(stdio_client("
        "StdioServerParameters(command=sys.executable, args=['server.py'])).__aenter__()); "
        "value = ClientSession(read, write)",
    ),
    TypeRow(
        "mcp_agent.app.MCPApp",
        Kind.CLIENT,
        made_by=(
            Made(
                "mcp_agent.app.MCPApp()",
                "import asyncio; from mcp_agent.app import MCPApp; value = MCPApp(name='app'); "
                "asyncio.new_event_loop().run_until_complete(value.run().__aenter__())",
            ),
        ),
        built="initialize(), which entering its run() calls, starts tasks it keeps, also "
        "once run() is left",
        package="mcp_agent",
        version="0.2.6",
        # the context its run() makes holds it
        used_by=frozenset({"initialize", "__aenter__"}),
        fresh_evidence="from mcp_agent.app import MCPApp; value = MCPApp(name='app')",
    ),
    TypeRow(
        "mcp_agent.agents.agent.Agent",
        Kind.CLIENT,
        made_by=(
            Made(
                "mcp_agent.agents.agent.Agent()",
                _MCP_SERVER + _MCP_AGENT_APP + "from mcp_agent.agents.agent import Agent; "
                "value = Agent(name='a', instruction='i', server_names=['t']); "
                "loop.run_until_complete(value.initialize())",
            ),
        ),
        built="initialize(), which its methods that reach its servers call first, starts "
        "tasks it keeps; an agent made with a running app's context keeps its tasks",
        package="mcp_agent",
        version="0.2.6",
        used_by=frozenset(
            {
                "initialize",
                "__aenter__",
                "attach_llm",
                "get_capabilities",
                "get_server_session",
                "list_tools",
                "list_resources",
                "read_resource",
                "list_prompts",
                "get_prompt",
                "call_tool",
            }
        ),
        fresh_evidence="from mcp_agent.agents.agent import Agent; "
        "value = Agent(name='a', instruction='i', server_names=['t'])",
    ),
    TypeRow(
        "mcp_agent.workflows.llm.augmented_llm.AugmentedLLM",
        Kind.CLIENT,
        made_by=(
            Made(
                "mcp_agent.agents.agent.Agent.attach_llm()",
                "import asyncio, os; os.environ['OPENAI_API_KEY'] = 'test'; "
                "from mcp_agent.agents.agent import Agent; "
                "from mcp_agent.workflows.llm.augmented_llm_openai import OpenAIAugmentedLLM; "
                "agent = Agent(name='a', instruction='i', server_names=[]); "
                "value = asyncio.new_event_loop().run_until_complete("
                "agent.attach_llm(OpenAIAugmentedLLM))",
                awaited=True,
                needs=("openai",),
            ),
        ),
        built="it keeps the agent and a context holding tasks, whether or not the agent "
        "was initialized",
        package="mcp_agent",
        version="0.2.6",
    ),
    TypeRow(
        "langchain_mcp_adapters.client.MultiServerMCPClient",
        Kind.CLIENT,
        made_by=(
            Made(
                "langchain_mcp_adapters.client.MultiServerMCPClient()",
                _MCP_SERVER + "import asyncio; "
                "from langchain_mcp_adapters.client import MultiServerMCPClient; "
                "value = MultiServerMCPClient({'t': {'command': sys.executable, "
                "'args': ['server.py'], 'transport': 'stdio'}}); "
                "asyncio.new_event_loop().run_until_complete(value.__aenter__())",
            ),
        ),
        built="before release 0.1, entering it or connecting it to a server keeps the "
        "servers' sessions; from 0.1 on it keeps none and cannot be entered",
        package="langchain_mcp_adapters",
        version="0.0.5",
        versions="<0.1",
        used_by=frozenset(
            {
                "__aenter__",
                "connect_to_server",
                "connect_to_server_via_stdio",
                "connect_to_server_via_sse",
            }
        ),
        fresh_evidence="import sys; from langchain_mcp_adapters.client import "
        "MultiServerMCPClient; value = MultiServerMCPClient({'t': {'command': "
        "sys.executable, 'args': ['server.py'], 'transport': 'stdio'}})",
    ),
)

PRODUCERS: Mapping[str, tuple[Made, ...]] = {
    "contextlib._AsyncGeneratorContextManager": (
        Made(
            "mcp_agent.app.MCPApp.run()",
            "from mcp_agent.app import MCPApp; value = MCPApp(name='app').run()",
            holds=Holding.RECEIVER,
            package="mcp_agent",
        ),
    ),
}
"""Producers of packages of this module's rows that make values of standard types."""

ALL: tuple[TypeRow, ...] = (
    *SDKS,
    *VECTOR_DATABASES,
    *LLAMA_INDEX,
    *AGENTS,
    *MCP,
)

_CREWAI_TEAM = (
    "from crewai import Crew, Task\n"
    "from crewai.project import CrewBase, agent, crew, task\n"
    "made = {}\n"
    "@CrewBase\n"
    "class Team:\n"
    "    @agent\n"
    "    def writer(self):\n"
    "        made['agent'] = Agent(role='r', goal='g', backstory='b', "
    "llm=LLM(model='gpt-4o-mini', api_key='sk-test'))\n"
    "        return made['agent']\n"
    "    @task\n"
    "    def write(self):\n"
    "        made['task'] = Task(description='d', expected_output='o', agent=self.writer())\n"
    "        return made['task']\n"
    "    @crew\n"
    "    def team(self):\n"
    "        made['crew'] = Crew(agents=self.agents, tasks=self.tasks)\n"
    "        return made['crew']\n"
)
"""A module of a crew as CrewAI's project template writes one: the decorators
find the class's file, so the evidence writes it and imports it."""


def _crewai_decorator(name: str, call: str) -> DecoratorRow:
    return DecoratorRow(
        f"crewai.project.annotations.{name}",
        _CREWAI_QUIET
        + "import pathlib, sys\n"
        + "pathlib.Path('team.py').write_text("
        + repr("from crewai import Agent, LLM\n" + _CREWAI_TEAM)
        + ")\nsys.path.insert(0, '.')\nimport team\n"
        + f"value = team.Team().{call}()\nmade = team.made[{name!r}]\n",
        aliases=(f"crewai.project.{name}",),
        package="crewai",
        version=_CREWAI,
    )


DECORATORS: tuple[DecoratorRow, ...] = (
    DecoratorRow(
        "langsmith.run_helpers.traceable",
        "import langsmith\nmade = object()\n@langsmith.traceable(run_type='llm')\n"
        "def make():\n    return made\nvalue = make()\n",
        aliases=("langsmith.traceable",),
        package="langsmith",
        version="0.15.1",
    ),
    _crewai_decorator("agent", "writer"),
    _crewai_decorator("task", "write"),
    _crewai_decorator("crew", "team"),
)
"""Decorators of LangSmith's tracing and of CrewAI's crew classes: each wrapper
returns the object the function made (CrewAI's keep it for later calls)."""
