"""Where the evidence of third-party rows is measured.

The packages of the rows install in groups, each group into a virtual
environment of its own (``scripts/probe_knowledge.py``): packages whose releases
must agree (LangChain's) share one, and a release line apps still use but that
cannot install beside the current one (LangChain 0.3) has its own. A row is
measured in each group that lists its package, where the release installed
there is one the row holds for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    name: str
    packages: frozenset[str]
    """The rows' packages (importable names) measured here."""
    requirements: tuple[str, ...]
    """What pip installs, as requirement specifiers."""


_DISTRIBUTIONS: Mapping[str, str] = {
    "PIL": "pillow",
    "cv2": "opencv-python-headless",
    "websocket": "websocket-client",
    "sklearn": "scikit-learn",
    "yaml": "pyyaml",
    "bs4": "beautifulsoup4",
    "docx": "python-docx",
    "fitz": "pymupdf",
    "dotenv": "python-dotenv",
    "psycopg2": "psycopg2-binary",
    "mysql.connector": "mysql-connector-python",
    "google.genai": "google-genai",
    "google.generativeai": "google-generativeai",
    "llama_index": "llama-index-core",
    "speech_recognition": "SpeechRecognition",
    "faiss": "faiss-cpu",
    "qdrant_client": "qdrant-client",
    "tavily": "tavily-python",
    "weaviate": "weaviate-client",
    "opensearchpy": "opensearch-py",
    "google.cloud.bigquery": "google-cloud-bigquery",
    "phi": "phidata",
    "agents": "openai-agents",
    "mem0": "mem0ai",
    "google.cloud.firestore": "google-cloud-firestore",
    "paho.mqtt": "paho-mqtt",
    "google.cloud.speech": "google-cloud-speech",
    "google.cloud.storage": "google-cloud-storage",
    "deepgram": "deepgram-sdk",
    "telebot": "pyTelegramBotAPI",
    "kafka": "kafka-python",
    "duckduckgo_search": "duckduckgo-search",
    "pydantic_ai": "pydantic-ai-slim",
    "strands": "strands-agents",
    "browser_use": "browser-use",
}
"""Distributions whose name is not the package's with ``-`` for ``_``."""


def distribution(package: str) -> str:
    """The distribution that installs the package (``sklearn``: ``scikit-learn``)."""
    return _DISTRIBUTIONS.get(package, package.replace("_", "-"))


_LANGCHAIN = (
    "langchain",
    "langchain-classic",
    "langchain-core",
    "langchain-community",
    "langchain-openai",
    "langchain-anthropic",
    "langchain-google-genai",
    "langchain-groq",
    "langchain-ollama",
    "langchain-deepseek",
    "langchain-chroma",
    "langchain-qdrant",
    "langchain-text-splitters",
    "langgraph",
)

GROUPS: tuple[Group, ...] = (
    Group(
        "llm",
        frozenset(
            {
                *(name.replace("-", "_") for name in _LANGCHAIN[1:]),
                "openai",
                "anthropic",
                "groq",
                "ollama",
                "google.genai",
                "google.generativeai",
                "httpx",
                "tiktoken",
                "chromadb",
                "qdrant_client",
                "pinecone",
                "faiss",
                "llama_index",
                "langchain_aws",
            }
        ),
        (
            *_LANGCHAIN,
            "langchain-aws",
            "boto3",
            "openai",
            "anthropic",
            "groq",
            "ollama",
            "google-genai",
            "google-generativeai",
            "httpx",
            "tiktoken",
            "chromadb",
            "qdrant-client",
            "pinecone",
            "faiss-cpu",
            "llama-index-core",
            "llama-index-llms-openai",
            "llama-index-llms-langchain",
            "llama-index-embeddings-openai",
            "llama-index-vector-stores-chroma",
            "pypdf",
            "wikipedia",
            "arxiv",
        ),
    ),
    Group(
        "langchain-0.3",
        frozenset(
            {
                "langchain",
                "langchain_core",
                "langchain_community",
                "langchain_openai",
                "langchain_text_splitters",
            }
        ),
        (
            "langchain<1",
            "langchain-core<1",
            "langchain-community<0.4",
            "langchain-openai<0.4",
            "openai",
            "langchain-text-splitters<1",
            "boto3",
            "faiss-cpu",
            "qdrant-client",
            "chromadb",
            "pypdf",
            "wikipedia",
            "arxiv",
        ),
    ),
    Group(
        "data",
        frozenset(
            {
                "pandas",
                "numpy",
                "plotly",
                "matplotlib",
                "PIL",
                "sklearn",
                "scipy",
                "statsmodels",
                "networkx",
                "folium",
                "wordcloud",
                "docx",
                "PyPDF2",
                "pypdf",
                "fitz",
                "bs4",
                "yaml",
                "nltk",
                "dotenv",
                "requests",
                "pydantic",
                "speech_recognition",
                "sqlalchemy",
                "duckdb",
                "pymongo",
                "redis",
                "pymysql",
                "psycopg2",
                "mysql.connector",
                "boto3",
                "streamlit",
            }
        ),
        (
            "pandas",
            "openpyxl",
            "numpy",
            "plotly",
            "matplotlib",
            "pillow",
            "scikit-learn",
            "scipy",
            "statsmodels",
            "networkx",
            "folium",
            "wordcloud",
            "python-docx",
            "PyPDF2",
            "pypdf",
            "pymupdf",
            "beautifulsoup4",
            "pyyaml",
            "nltk",
            "python-dotenv",
            "requests",
            "pydantic",
            "SpeechRecognition",
            "sqlalchemy",
            "duckdb",
            "pymongo",
            "redis",
            "pymysql",
            "psycopg2-binary",
            "mysql-connector-python",
            "boto3",
            "streamlit",
        ),
    ),
    Group(
        "sdks",
        frozenset(
            {
                "cohere",
                "mistralai",
                "together",
                "elevenlabs",
                "langsmith",
                "replicate",
                "huggingface_hub",
                "tavily",
            }
        ),
        (
            "cohere",
            "mistralai",
            "together",
            "elevenlabs",
            "langsmith",
            "replicate",
            "huggingface-hub",
            "tavily-python",
        ),
    ),
    Group("mistralai-1", frozenset({"mistralai"}), ("mistralai<2",)),
    Group("mistralai-0", frozenset({"mistralai"}), ("mistralai<1",)),
    Group(
        "databases",
        frozenset(
            {
                "weaviate",
                "pymilvus",
                "lancedb",
                "psycopg",
                "psycopg_pool",
                "neo4j",
                "elasticsearch",
                "opensearchpy",
                "supabase",
                "google.cloud.bigquery",
            }
        ),
        (
            "weaviate-client",
            "pymilvus",
            "milvus-lite",
            "lancedb",
            "psycopg[binary]",
            "psycopg-pool",
            "neo4j",
            "elasticsearch",
            "opensearch-py",
            "supabase",
            "google-cloud-bigquery",
        ),
    ),
    Group(
        "google",
        frozenset(
            {
                "firebase_admin",
                "google.cloud.firestore",
                "gspread",
                "google.cloud.speech",
                "google.cloud.storage",
            }
        ),
        (
            "firebase-admin",
            "google-cloud-firestore",
            "gspread",
            "cryptography",
            "google-cloud-speech",
            "google-cloud-storage",
        ),
    ),
    Group(
        "agents",
        frozenset({"agno", "phi", "smolagents", "agents", "mem0", "sqlalchemy"}),
        (
            *("agno", "openai", "qdrant-client", "phidata", "smolagents", "openai-agents"),
            *("mem0ai", "sqlalchemy"),
        ),
    ),
    # langchain-pinecone holds pinecone before 8, a release line of its own
    Group(
        "langchain-integrations",
        frozenset(
            {
                "langchain_mistralai",
                "langchain_cohere",
                "langchain_pinecone",
                "langchain_huggingface",
                "pinecone",
            }
        ),
        (
            "langchain-core",
            "langchain-mistralai",
            "langchain-cohere",
            "langchain-pinecone",
            "pinecone",
            "langchain-huggingface",
        ),
    ),
    # it pins what it shares with the other groups (openai<3, pydantic<2.13, mcp<2)
    Group("crewai", frozenset({"crewai"}), ("crewai", "litellm")),
    # its only release holds langchain-core below 0.2
    Group("objectbox", frozenset({"langchain_objectbox"}), ("langchain-objectbox",)),
    # it holds LangChain 0.3 and chromadb below 0.6
    Group("embedchain", frozenset({"embedchain"}), ("embedchain",)),
    # 2.x holds pandas 1.5 without holding numpy below 2, which that pandas needs,
    # and imports yaml without requiring it
    Group("pandasai", frozenset({"pandasai"}), ("pandasai<3", "numpy<2", "pyyaml")),
    # it requires nothing: what it imports is listed
    Group(
        "streamlit-openai",
        frozenset({"streamlit_openai"}),
        ("streamlit-openai", "streamlit", "openai"),
    ),
    Group(
        "tools",
        frozenset(
            {
                *("selenium", "fastmcp", "yfinance", "cv2", "websocket", "paho.mqtt"),
                *("opcua", "assemblyai", "burr", "pymodbus", "ib_insync"),
            }
        ),
        (
            "selenium",
            "fastmcp",
            "yfinance",
            "opencv-python-headless",
            "websocket-client",
            "paho-mqtt",
            "opcua",
            "assemblyai",
            "burr",
            "pymodbus",
            "ib_insync",
        ),
    ),
    Group(
        "services",
        frozenset(
            {
                *("deepgram", "notion_client", "stripe", "telebot", "langfuse"),
                *("duckduckgo_search", "kafka", "aiohttp", "pyttsx3", "instructor"),
            }
        ),
        (
            "deepgram-sdk",
            "notion-client",
            "stripe",
            "pyTelegramBotAPI",
            "langfuse",
            "duckduckgo-search",
            "kafka-python",
            "aiohttp",
            "pyttsx3",
            "instructor",
            "openai",
        ),
    ),
    Group(
        "agent-frameworks",
        frozenset({"pydantic_ai", "browser_use", "semantic_kernel", "litellm"}),
        ("pydantic-ai-slim[openai]", "browser-use", "semantic-kernel", "litellm"),
    ),
    # its releases hold an older OpenTelemetry than the frameworks above
    Group("strands", frozenset({"strands"}), ("strands-agents[openai]",)),
    # the last releases with mediapipe.solutions
    Group("mediapipe", frozenset({"mediapipe"}), ("mediapipe==0.10.14",)),
    # its releases hold mcp below 2
    Group("mcp-agent", frozenset({"mcp_agent", "mcp"}), ("mcp-agent", "mcp<2", "openai")),
    # the last line that keeps its servers' sessions; that mcp's FastMCP needs
    # pydantic below 2.11
    Group(
        "langchain-mcp-adapters-0",
        frozenset({"langchain_mcp_adapters"}),
        ("langchain-mcp-adapters==0.0.5", "mcp==1.4.1", "pydantic==2.10.6"),
    ),
    Group(
        "torch",
        frozenset({"torch", "transformers", "sentence_transformers"}),
        # any build: the CPU one is enough, where it is at hand (pip keeps an
        # installed torch that satisfies this)
        ("torch", "numpy", "transformers", "sentence-transformers"),
    ),
)


def groups_of(package: str) -> tuple[Group, ...]:
    """The groups that measure the package's rows: a row is checked in each whose
    release of the package is in the row's ``versions``."""
    return tuple(group for group in GROUPS if package in group.packages)
