"""Types of LangChain: chat models, embeddings, vector stores and retrievers,
chains, agents, memories, messages, documents, SQL databases.

Apps import the classic chains, memories and agents from ``langchain`` (the 0.3
line), which LangChain 1 moved to ``langchain_classic``; the two are different
classes, so each has a row of its own, measured in its own line. Builders and
fakes in the evidence (``FakeListLLM``, ``FakeEmbeddings``) stand for the models
apps pass: a holder pickles with them and is refused with a client model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.rows import (
    Holding,
    Made,
    PicklesWhenGiven,
    PicklesWith,
    TypeRow,
)

_LLM = (
    "from langchain_core.language_models import FakeListLLM; _llm = FakeListLLM(responses=['a']); "
)
_EMBEDDING = "from langchain_core.embeddings import FakeEmbeddings; _emb = FakeEmbeddings(size=4); "
_RETRIEVER = (
    _EMBEDDING + "from langchain_core.vectorstores import InMemoryVectorStore; "
    "_retriever = InMemoryVectorStore.from_texts(['a'], _emb).as_retriever(); "
)
_AGENT_CHAT_PROMPT = (
    "ChatPromptTemplate.from_messages([('system', '{tools} {tool_names}'), ('human', '{input}'), "
    "MessagesPlaceholder('agent_scratchpad')])"
)
_AGENT_TEXT_PROMPT = (
    "PromptTemplate.from_template('{tools} {tool_names} {input} {agent_scratchpad}')"
)
_DOCUMENTS = "from langchain_core.documents import Document; _docs = [Document(page_content='a')]; "
_SQLITE = (
    "from langchain_community.utilities import SQLDatabase; "
    "_db = SQLDatabase.from_uri('sqlite://'); "
)

_CORE = "1.8.3"
_COMMUNITY = "0.4.2"
_LINE_03 = "0.3.30"
_LINE_03_COMMUNITY = "0.3.31"
_CLASSIC = "1.0.8"
_HUGGINGFACE = "1.2.3"

_LINES = (("langchain", "<1", _LINE_03), ("langchain_classic", "", _CLASSIC))
"""The classic line of LangChain as apps import it, and where LangChain 1 keeps it."""


def _classic(
    module: str,
    name: str,
    public: str,
    evidence: str,
    *factories: tuple[str, str],
    functions: tuple[tuple[str, str], ...] = (),
    more: tuple[Made, Made] | None = None,
) -> tuple[TypeRow, ...]:
    """A picklable holder of the classic line, in both packages: ``module`` where
    it is defined, ``public`` where apps import it from, the constructor's
    ``evidence`` (``{lc}`` for the package), class-method ``factories`` and
    module ``functions`` as (name, evidence) that make one, keeping what they
    are given; ``more``, producers without evidence for each line."""
    rows = []
    for line, (package, versions, version) in enumerate(_LINES):
        path = f"{package}.{public}.{name}"
        made = [Made(f"{path}()", evidence.format(lc=package), holds=Holding.ARGUMENTS)]
        made.extend(
            Made(f"{path}.{factory}()", snippet.format(lc=package), holds=Holding.ARGUMENTS)
            for factory, snippet in factories
        )
        made.extend(
            Made(f"{package}.{function}()", snippet.format(lc=package), holds=Holding.ARGUMENTS)
            for function, snippet in functions
        )
        if more is not None:
            made.append(more[line])
        rows.append(
            TypeRow(
                f"{package}.{module}.{name}",
                pickles=True,
                made_by=tuple(made),
                aliases=(path,) if path != f"{package}.{module}.{name}" else (),
                package=package,
                version=version,
                versions=versions,
            )
        )
    return tuple(rows)


def _client(
    name: str,
    exported: tuple[str, ...],
    package: str,
    version: str,
    arguments: str,
    *more: Made,
    bases: tuple[str, ...] = (),
    versions: str = "",
    needs: tuple[str, ...] = (),
    pickles_with: PicklesWith | None = None,
) -> TypeRow:
    """A model or embeddings class that creates an SDK client when it is made."""
    public = exported[0]
    return TypeRow(
        name,
        Kind.CLIENT,
        made_by=(
            Made(
                f"{public}()",
                f"import {public.rpartition('.')[0]} as _m; "
                f"value = _m.{public.rpartition('.')[2]}({arguments})",
            ),
            *more,
        ),
        aliases=tuple(alias for alias in exported if alias != name),
        package=package,
        version=version,
        versions=versions,
        bases=bases,
        needs=needs,
        pickles_with=pickles_with,
    )


def _with_openai_0(module: str, name: str) -> PicklesWith:
    """With ``openai<1`` there is no client: the LangChain 0.0 OpenAI classes keep
    the ``openai`` module's API class (``openai.ChatCompletion``), which pickle
    stores by reference."""
    return PicklesWith(
        "openai",
        "<1",
        f"from langchain.{module} import {name}; value = {name}(openai_api_key='sk-test')",
        "langchain 0.0.184 and 0.0.270, openai 0.27.6 and 0.27.0",
    )


MESSAGES: tuple[TypeRow, ...] = tuple(
    TypeRow(
        f"langchain_core.messages.{module}.{name}",
        pickles=True,
        made_by=(
            Made(
                f"langchain_core.messages.{name}()",
                f"from langchain_core.messages import {name}; value = {name}({arguments})",
            ),
        ),
        aliases=(f"langchain.schema.{name}", f"langchain.schema.messages.{name}")
        if name != "ToolMessage"
        else (),
        package="langchain_core",
        version=_CORE,
    )
    for module, name, arguments in (
        ("human", "HumanMessage", "content='hi'"),
        ("ai", "AIMessage", "content='hello'"),
        ("system", "SystemMessage", "content='be brief'"),
        ("tool", "ToolMessage", "content='42', tool_call_id='t1'"),
    )
)
"""Chat messages, which apps keep as the conversation."""

CORE: tuple[TypeRow, ...] = (
    TypeRow(
        "langchain_core.documents.base.Document",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.documents.Document()",
                "from langchain_core.documents import Document; "
                "value = Document(page_content='x', metadata={'source': 'a.pdf'})",
            ),
        ),
        aliases=(
            "langchain.schema.Document",
            "langchain.schema.document.Document",
            "langchain.docstore.document.Document",
        ),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.prompts.chat.ChatPromptTemplate",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.prompts.ChatPromptTemplate.from_messages()",
                "from langchain_core.prompts import ChatPromptTemplate; "
                "value = ChatPromptTemplate.from_messages([('system', 'x'), ('human', '{q}')])",
            ),
            Made(
                "langchain_core.prompts.ChatPromptTemplate.from_template()",
                "from langchain_core.prompts import ChatPromptTemplate; "
                "value = ChatPromptTemplate.from_template('{q}')",
            ),
        ),
        aliases=(
            "langchain_core.prompts.ChatPromptTemplate",
            "langchain.prompts.ChatPromptTemplate",
        ),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.prompts.prompt.PromptTemplate",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.prompts.PromptTemplate.from_template()",
                "from langchain_core.prompts import PromptTemplate; "
                "value = PromptTemplate.from_template('{q}')",
            ),
        ),
        aliases=("langchain_core.prompts.PromptTemplate", "langchain.prompts.PromptTemplate"),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.output_parsers.string.StrOutputParser",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.output_parsers.StrOutputParser()",
                "from langchain_core.output_parsers import StrOutputParser; "
                "value = StrOutputParser()",
            ),
        ),
        aliases=("langchain_core.output_parsers.StrOutputParser",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.chat_history.InMemoryChatMessageHistory",
        pickles=True,
        made_by=(
            Made(
                "langchain_community.chat_message_histories.ChatMessageHistory()",
                "from langchain_community.chat_message_histories import ChatMessageHistory; "
                "value = ChatMessageHistory()",
                package="langchain_community",
            ),
        ),
        aliases=(
            "langchain_community.chat_message_histories.in_memory.ChatMessageHistory",
            "langchain.memory.ChatMessageHistory",
        ),
        evidence="from langchain_core.chat_history import InMemoryChatMessageHistory; "
        "value = InMemoryChatMessageHistory()",
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.runnables.history.RunnableWithMessageHistory",
        # pickle cannot find by name the class it builds: RunnableParallel[dict[str, Any]],
        # a parametrised pydantic class (PicklingError), the nearest to a local class
        Kind.LOCAL_OBJECT,
        made_by=(
            Made(
                "langchain_core.runnables.history.RunnableWithMessageHistory()",
                "from langchain_core.runnables.history import RunnableWithMessageHistory; "
                "from langchain_core.chat_history import InMemoryChatMessageHistory; "
                "from langchain_core.runnables import RunnableLambda; import operator; "
                "value = RunnableWithMessageHistory(RunnableLambda(str), "
                "operator.methodcaller('strip'))",
            ),
        ),
        aliases=("langchain_core.runnables.RunnableWithMessageHistory",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.runnables.base.RunnableBinding",
        # Made by these builders it holds a RunnableAssign, whose
        # RunnableParallel[dict[str, Any]] pickle cannot find by name, or a lambda
        # of LangChain's own: the nearest kind is a local class.
        Kind.LOCAL_OBJECT,
        made_by=tuple(
            Made(
                f"{package}.chains.{function}()",
                ""
                if package == "langchain"
                else _LLM + _RETRIEVER + "from langchain_core.prompts "
                f"import ChatPromptTemplate; from {package}.chains import {function}; "
                f"value = {function}({arguments})",
                holds=Holding.ARGUMENTS,
                package=package,
            )
            for package in ("langchain", "langchain_classic")
            for function, arguments in (
                (
                    "create_retrieval_chain",
                    "_retriever, ChatPromptTemplate.from_template('{context}') | _llm",
                ),
                (
                    "create_history_aware_retriever",
                    "_llm, _retriever, ChatPromptTemplate.from_template('{input}{chat_history}')",
                ),
            )
        )
        + tuple(
            Made(
                f"{package}.chains.combine_documents.create_stuff_documents_chain()",
                ""
                if package == "langchain"
                else _LLM + "from langchain_core.prompts import "
                f"ChatPromptTemplate; from {package}.chains.combine_documents import "
                "create_stuff_documents_chain; value = create_stuff_documents_chain("
                "_llm, ChatPromptTemplate.from_template('{context}{input}'))",
                holds=Holding.ARGUMENTS,
                package=package,
            )
            for package in ("langchain", "langchain_classic")
        ),
        built="a binding made by other means (llm.bind(...)) pickles when what it binds does; "
        "the langchain 0.3 builders are the same code as langchain_classic's, measured there",
        refused_as_made=True,
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.runnables.passthrough.RunnableAssign",
        # it holds a RunnableParallel[dict[str, Any]], a parametrised pydantic class
        # pickle cannot find by name
        Kind.LOCAL_OBJECT,
        made_by=tuple(
            Made(
                f"{path}.RunnablePassthrough.assign()",
                "from langchain_core.runnables import RunnablePassthrough; "
                "value = RunnablePassthrough.assign(n=len)",
            )
            for path in ("langchain_core.runnables", "langchain_core.runnables.passthrough")
        ),
        pickles_with=PicklesWith(
            "langchain-core",
            "<0.3",
            "from langchain_core.runnables import RunnablePassthrough; "
            "value = RunnablePassthrough.assign(n=len)",
            "langchain-core 0.2.43",
        ),
        built="one made by its constructor from a RunnableParallel pickles when what it runs does",
        refused_as_made=True,
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.runnables.base.RunnableSequence",
        # the classic agent builders put a lambda of their own in it (and, from
        # langchain-core 0.3, a RunnableAssign)
        Kind.LOCAL_OBJECT,
        made_by=tuple(
            Made(
                f"{package}.agents.{builder}()",
                ""
                if package == "langchain"
                else (
                    "from langchain_anthropic import ChatAnthropic; "
                    "_llm = ChatAnthropic(model='claude-3-5-haiku-latest', api_key='sk-test'); "
                    if needs_tools
                    else "from langchain_core.language_models import FakeMessagesListChatModel; "
                    "_llm = FakeMessagesListChatModel(responses=[]); "
                )
                + "from langchain_core.prompts import ChatPromptTemplate, "
                "MessagesPlaceholder, PromptTemplate; from langchain_core.tools import Tool; "
                f"from {package}.agents import {builder}; "
                "_tools = [Tool(name='t', func=print, description='d')]; "
                f"value = {builder}(_llm, _tools, {prompt})",
                holds=Holding.ARGUMENTS,
                package=package,
                needs=("langchain_anthropic",) if needs_tools and package != "langchain" else (),
            )
            for package in ("langchain", "langchain_classic")
            for builder, needs_tools, prompt in (
                ("create_openai_functions_agent", False, _AGENT_CHAT_PROMPT),
                ("create_openai_tools_agent", False, _AGENT_CHAT_PROMPT),
                ("create_tool_calling_agent", True, _AGENT_CHAT_PROMPT),
                ("create_structured_chat_agent", False, _AGENT_CHAT_PROMPT),
                ("create_json_chat_agent", False, _AGENT_CHAT_PROMPT),
                ("create_react_agent", False, _AGENT_TEXT_PROMPT),
                ("create_xml_agent", False, _AGENT_TEXT_PROMPT),
            )
        ),
        built="a sequence made by other means (prompt | llm) pickles when its steps do; "
        "the langchain 0.3 builders are the same code as langchain_classic's, measured there "
        "(and with langchain 0.2.16, where the lambda alone refuses them)",
        refused_as_made=True,
        package="langchain_core",
        version=_CORE,
    ),
)

CHAT_MODEL = "langchain_core.language_models.chat_models.BaseChatModel"
"""What LangChain's chat models derive from."""

CHAT_MODELS: tuple[TypeRow, ...] = (
    TypeRow(
        CHAT_MODEL,
        aliases=("langchain_core.language_models.BaseChatModel",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.language_models.chat_models._ChatModelBinding",
        pickles=True,
        made_by=(
            Made(
                f"{CHAT_MODEL}.bind_tools()",
                # a model that makes its client on first use pickles until then
                "import textwrap; from langchain_core.tools import tool; "
                "from langchain_anthropic import ChatAnthropic; "
                "value = ChatAnthropic(model='claude-3-5-haiku-latest', api_key='sk-test')"
                ".bind_tools([tool(textwrap.dedent)])",
                holds=Holding.RECEIVER,
                # measured where a chat model that implements it is installed
                package="langchain_anthropic",
            ),
        ),
        wrapper=True,
        built="it keeps the model, and the tools only as their schemas; before langchain-core 1 "
        "the method made a RunnableBinding, which holds the same",
        package="langchain_core",
        version=_CORE,
    ),
)
"""What chat models have in common: ``bind_tools`` keeps the model."""

VECTOR_STORES: tuple[TypeRow, ...] = (
    TypeRow(
        "langchain_core.vectorstores.base.VectorStore",
        aliases=("langchain_core.vectorstores.VectorStore",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.vectorstores.base.VectorStoreRetriever",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.vectorstores.base.VectorStore.as_retriever()",
                _RETRIEVER + "value = _retriever",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        aliases=("langchain_core.vectorstores.VectorStoreRetriever",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_core.vectorstores.in_memory.InMemoryVectorStore",
        pickles=True,
        made_by=(
            Made(
                "langchain_core.vectorstores.InMemoryVectorStore()",
                _EMBEDDING + "from langchain_core.vectorstores import InMemoryVectorStore; "
                "value = InMemoryVectorStore(_emb)",
                holds=Holding.ARGUMENTS,
            ),
            Made(
                "langchain_core.vectorstores.InMemoryVectorStore.from_texts()",
                _EMBEDDING + "from langchain_core.vectorstores import InMemoryVectorStore; "
                "value = InMemoryVectorStore.from_texts(['a'], _emb)",
                holds=Holding.ARGUMENTS,
            ),
            Made(
                "langchain_core.vectorstores.InMemoryVectorStore.from_documents()",
                _EMBEDDING + "from langchain_core.vectorstores import InMemoryVectorStore; "
                "from langchain_core.documents import Document; "
                "value = InMemoryVectorStore.from_documents([Document(page_content='a')], _emb)",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("langchain_core.vectorstores.InMemoryVectorStore",),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        package="langchain_core",
        version=_CORE,
    ),
    TypeRow(
        "langchain_community.vectorstores.faiss.FAISS",
        pickles=True,
        made_by=tuple(
            Made(
                f"langchain_community.vectorstores.FAISS.{factory}()",
                _EMBEDDING + _DOCUMENTS + "from langchain_community.vectorstores import FAISS; "
                f"value = FAISS.{factory}({arguments})",
                holds=Holding.ARGUMENTS,
            )
            for factory, arguments in (
                ("from_texts", "['a'], _emb"),
                ("from_documents", "_docs, _emb"),
                ("from_embeddings", "[('a', [0.1] * 4)], _emb"),
                (
                    "load_local",
                    "(FAISS.from_texts(['a'], _emb).save_local('ix'), 'ix')[1], _emb, "
                    "allow_dangerous_deserialization=True",
                ),
            )
        ),
        aliases=(
            "langchain_community.vectorstores.FAISS",
            "langchain.vectorstores.FAISS",
            "langchain.vectorstores.faiss.FAISS",
        ),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        built="it keeps its embeddings object: refused with a client one (OpenAIEmbeddings), "
        "which the analysis sees through what from_texts() is given",
        package="langchain_community",
        needs=("faiss",),
        version=_COMMUNITY,
    ),
)

CLASSIC: tuple[TypeRow, ...] = (
    *_classic(
        "chains.conversational_retrieval.base",
        "ConversationalRetrievalChain",
        "chains",
        _LLM + _RETRIEVER + "from {lc}.chains import ConversationalRetrievalChain, LLMChain; "
        "from {lc}.chains.question_answering import load_qa_chain; "
        "from langchain_core.prompts import PromptTemplate; "
        "value = ConversationalRetrievalChain(retriever=_retriever, "
        "combine_docs_chain=load_qa_chain(_llm), "
        "question_generator=LLMChain(llm=_llm, prompt=PromptTemplate.from_template('{{q}}')))",
        (
            "from_llm",
            _LLM + _RETRIEVER + "from {lc}.chains import ConversationalRetrievalChain; "
            "from {lc}.memory import ConversationBufferMemory; "
            "value = ConversationalRetrievalChain.from_llm(_llm, _retriever, "
            "memory=ConversationBufferMemory(memory_key='chat_history', return_messages=True))",
        ),
    ),
    *_classic(
        "chains.retrieval_qa.base",
        "RetrievalQA",
        "chains",
        _LLM + _RETRIEVER + "from {lc}.chains import RetrievalQA; "
        "from {lc}.chains.question_answering import load_qa_chain; "
        "value = RetrievalQA(retriever=_retriever, combine_documents_chain=load_qa_chain(_llm))",
        (
            "from_chain_type",
            _LLM + _RETRIEVER + "from {lc}.chains import RetrievalQA; "
            "value = RetrievalQA.from_chain_type(_llm, retriever=_retriever)",
        ),
        (
            "from_llm",
            _LLM + _RETRIEVER + "from {lc}.chains import RetrievalQA; "
            "value = RetrievalQA.from_llm(_llm, retriever=_retriever)",
        ),
    ),
    *_classic(
        "chains.llm",
        "LLMChain",
        "chains",
        _LLM + "from {lc}.chains import LLMChain; from langchain_core.prompts import "
        "PromptTemplate; value = LLMChain(llm=_llm, prompt=PromptTemplate.from_template('{{q}}'))",
    ),
    *_classic(
        "chains.conversation.base",
        "ConversationChain",
        "chains",
        _LLM + "from {lc}.chains import ConversationChain; value = ConversationChain(llm=_llm)",
    ),
    *_classic(
        "chains.combine_documents.stuff",
        "StuffDocumentsChain",
        "chains",
        _LLM + "from {lc}.chains import StuffDocumentsChain, LLMChain; "
        "from langchain_core.prompts import PromptTemplate; value = StuffDocumentsChain("
        "llm_chain=LLMChain(llm=_llm, prompt=PromptTemplate.from_template('{{context}}')), "
        "document_variable_name='context')",
        functions=(
            (
                "chains.question_answering.load_qa_chain",
                _LLM + "from {lc}.chains.question_answering import load_qa_chain; "
                "value = load_qa_chain(_llm, chain_type='stuff')",
            ),
        ),
    ),
    *_classic(
        "memory.buffer",
        "ConversationBufferMemory",
        "memory",
        "from {lc}.memory import ConversationBufferMemory; "
        "value = ConversationBufferMemory(memory_key='chat_history', return_messages=True)",
    ),
    *_classic(
        "memory.buffer_window",
        "ConversationBufferWindowMemory",
        "memory",
        "from {lc}.memory import ConversationBufferWindowMemory; "
        "value = ConversationBufferWindowMemory(k=3)",
    ),
    *_classic(
        "memory.summary",
        "ConversationSummaryMemory",
        "memory",
        _LLM + "from {lc}.memory import ConversationSummaryMemory; "
        "value = ConversationSummaryMemory(llm=_llm)",
    ),
    *_classic(
        "memory.summary_buffer",
        "ConversationSummaryBufferMemory",
        "memory",
        _LLM + "from {lc}.memory import ConversationSummaryBufferMemory; "
        "value = ConversationSummaryBufferMemory(llm=_llm)",
    ),
    *_classic(
        "agents.agent",
        "AgentExecutor",
        "agents",
        _LLM + "from {lc}.agents import AgentExecutor, ZeroShotAgent; "
        "from langchain_core.tools import Tool; _tools = [Tool(name='t', func=print, "
        "description='d')]; value = AgentExecutor(agent=ZeroShotAgent.from_llm_and_tools(_llm, "
        "_tools), tools=_tools)",
        functions=(
            (
                "agents.initialize_agent",
                _LLM + "from {lc}.agents import initialize_agent, AgentType; "
                "from langchain_core.tools import Tool; value = initialize_agent("
                "[Tool(name='t', func=print, description='d')], _llm, "
                "agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION)",
            ),
        ),
        # made with a database, which it keeps: no evidence can build a picklable one
        more=(
            Made("langchain.agents.create_sql_agent()", holds=Holding.ARGUMENTS),
            Made("langchain_community.agent_toolkits.create_sql_agent()", holds=Holding.ARGUMENTS),
        ),
    ),
)
"""The classic chains, memories and agents: picklable themselves, they keep the
model, retriever and memory they are made with."""

_AWS_KEYS = "region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y'"
"""Keys given to the Bedrock classes, which make no request as they are made."""

BEDROCK: tuple[TypeRow, ...] = (
    *(
        TypeRow(
            f"langchain_aws.{module}.{name}",
            Kind.CLIENT,  # the boto3 client it makes, whose class botocore builds at run time
            made_by=(
                Made(
                    f"langchain_aws.{name}()",
                    f"from langchain_aws import {name}; value = {name}({arguments}, {_AWS_KEYS})",
                ),
            ),
            aliases=(f"langchain_aws.{name}",),
            package="langchain_aws",
            version="1.9.1",
        )
        for module, name, arguments in (
            (
                "chat_models.bedrock",
                "ChatBedrock",
                "model_id='anthropic.claude-3-haiku-20240307-v1:0'",
            ),
            (
                "chat_models.bedrock_converse",
                "ChatBedrockConverse",
                "model='anthropic.claude-3-haiku-20240307-v1:0'",
            ),
            ("embeddings.bedrock", "BedrockEmbeddings", "model_id='amazon.titan-embed-text-v2:0'"),
            ("llms.bedrock", "BedrockLLM", "model_id='anthropic.claude-v2'"),
        )
    ),
    TypeRow(
        "langchain_community.chat_message_histories.dynamodb.DynamoDBChatMessageHistory",
        Kind.CLIENT,  # its boto3 table, whose class boto3 builds at run time
        made_by=(
            Made(
                "langchain_community.chat_message_histories.DynamoDBChatMessageHistory()",
                "import boto3; from langchain_community.chat_message_histories import "
                "DynamoDBChatMessageHistory; value = DynamoDBChatMessageHistory(table_name='t', "
                f"session_id='s', boto3_session=boto3.Session({_AWS_KEYS}))",
            ),
        ),
        aliases=("langchain_community.chat_message_histories.DynamoDBChatMessageHistory",),
        package="langchain_community",
        needs=("boto3",),
        version=_COMMUNITY,
    ),
)
"""Amazon Bedrock's models and DynamoDB's chat history."""

SQL: tuple[TypeRow, ...] = (
    TypeRow(
        # It keeps the ``wikipedia`` module it imports as its client.
        "langchain_community.utilities.wikipedia.WikipediaAPIWrapper",
        Kind.MODULE,
        aliases=(
            "langchain_community.utilities.WikipediaAPIWrapper",
            "langchain.utilities.WikipediaAPIWrapper",
        ),
        evidence="from langchain_community.utilities import WikipediaAPIWrapper; "
        "value = WikipediaAPIWrapper(top_k_results=1)",
        package="langchain_community",
        needs=("wikipedia",),
        version=_COMMUNITY,
    ),
    TypeRow(
        # Unlike Wikipedia's, it keeps the ``arxiv`` package's picklable Client.
        "langchain_community.utilities.arxiv.ArxivAPIWrapper",
        pickles=True,
        aliases=(
            "langchain_community.utilities.ArxivAPIWrapper",
            "langchain.utilities.ArxivAPIWrapper",
        ),
        evidence="from langchain_community.utilities import ArxivAPIWrapper; "
        "value = ArxivAPIWrapper()",
        package="langchain_community",
        needs=("arxiv",),
        version=_COMMUNITY,
    ),
    TypeRow(
        "langchain_community.utilities.sql_database.SQLDatabase",
        Kind.DATABASE,  # it keeps its SQLAlchemy engine
        made_by=(
            Made(
                "langchain_community.utilities.SQLDatabase.from_uri()",
                "from langchain_community.utilities import SQLDatabase; "
                "value = SQLDatabase.from_uri('sqlite://')",
            ),
            Made(
                "langchain_community.utilities.SQLDatabase()",
                "import sqlalchemy; from langchain_community.utilities import SQLDatabase; "
                "value = SQLDatabase(sqlalchemy.create_engine('sqlite://'))",
            ),
        ),
        aliases=(
            "langchain_community.utilities.SQLDatabase",
            "langchain.utilities.SQLDatabase",
            "langchain.utilities.sql_database.SQLDatabase",
            "langchain.sql_database.SQLDatabase",
            "langchain.SQLDatabase",  # LangChain 0.0's top-level export, up to 0.3
        ),
        package="langchain_community",
        version=_COMMUNITY,
    ),
    TypeRow(
        "langchain_community.agent_toolkits.sql.toolkit.SQLDatabaseToolkit",
        Kind.DATABASE,  # it keeps the SQLDatabase, and so its engine
        made_by=(
            Made(
                "langchain_community.agent_toolkits.SQLDatabaseToolkit()",
                _LLM + _SQLITE + "from langchain_community.agent_toolkits import "
                "SQLDatabaseToolkit; value = SQLDatabaseToolkit(db=_db, llm=_llm)",
            ),
        ),
        aliases=(
            "langchain_community.agent_toolkits.SQLDatabaseToolkit",
            "langchain.agents.agent_toolkits.SQLDatabaseToolkit",
        ),
        package="langchain_community",
        version=_COMMUNITY,
    ),
)


MODELS: tuple[TypeRow, ...] = (
    _client(
        "langchain_community.chat_models.openai.ChatOpenAI",
        ("langchain_community.chat_models.ChatOpenAI", "langchain.chat_models.ChatOpenAI"),
        "langchain_community",
        _LINE_03_COMMUNITY,
        "openai_api_key='sk-test'",
        versions="<0.4",  # 0.4 dropped them for langchain_openai's
        needs=("openai",),
        pickles_with=_with_openai_0("chat_models", "ChatOpenAI"),
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_community.llms.openai.OpenAI",
        ("langchain_community.llms.OpenAI", "langchain.llms.OpenAI"),
        "langchain_community",
        _LINE_03_COMMUNITY,
        "openai_api_key='sk-test'",
        versions="<0.4",  # 0.4 dropped them for langchain_openai's
        needs=("openai",),
        pickles_with=_with_openai_0("llms", "OpenAI"),
    ),
    _client(
        "langchain_community.embeddings.openai.OpenAIEmbeddings",
        (
            "langchain_community.embeddings.OpenAIEmbeddings",
            "langchain.embeddings.OpenAIEmbeddings",
        ),
        "langchain_community",
        _LINE_03_COMMUNITY,
        "openai_api_key='sk-test'",
        versions="<0.4",  # 0.4 dropped them for langchain_openai's
        needs=("openai",),
        pickles_with=_with_openai_0("embeddings", "OpenAIEmbeddings"),
    ),
    _client(
        "langchain_google_genai.chat_models.ChatGoogleGenerativeAI",
        ("langchain_google_genai.ChatGoogleGenerativeAI",),
        "langchain_google_genai",
        "4.4.3",
        "model='gemini-2.0-flash', google_api_key='test'",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_google_genai.llms.GoogleGenerativeAI",
        ("langchain_google_genai.GoogleGenerativeAI",),
        "langchain_google_genai",
        "4.4.3",
        "model='gemini-2.0-flash', google_api_key='test'",
    ),
    _client(
        "langchain_google_genai.embeddings.GoogleGenerativeAIEmbeddings",
        ("langchain_google_genai.GoogleGenerativeAIEmbeddings",),
        "langchain_google_genai",
        "4.4.3",
        "model='models/embedding-001', google_api_key='test'",
    ),
    _client(
        "langchain_groq.chat_models.ChatGroq",
        ("langchain_groq.ChatGroq",),
        "langchain_groq",
        "1.1.3",
        "model='llama3-8b-8192', api_key='gsk-test'",
        bases=(CHAT_MODEL,),
    ),
    TypeRow(
        "langchain_anthropic.chat_models.ChatAnthropic",
        Kind.CLIENT,
        made_by=(
            Made(
                "langchain_anthropic.ChatAnthropic()",
                "from langchain_anthropic import ChatAnthropic; "
                "value = ChatAnthropic(model='claude-3-5-haiku-latest', api_key='sk-test'); "
                "value._client  # what its first call does",
            ),
        ),
        aliases=("langchain_anthropic.ChatAnthropic",),
        built="it makes its client on first use: it pickles right after it is made, and is "
        "refused from its first call on, as in every run after the one that stored it",
        package="langchain_anthropic",
        version="1.7.10",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_deepseek.chat_models.ChatDeepSeek",
        ("langchain_deepseek.ChatDeepSeek",),
        "langchain_deepseek",
        "1.1.1",
        "model='deepseek-chat', api_key='sk-test'",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_ollama.chat_models.ChatOllama",
        ("langchain_ollama.ChatOllama",),
        "langchain_ollama",
        "1.1.0",
        "model='llama3', base_url='http://127.0.0.1:1'",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_ollama.llms.OllamaLLM",
        ("langchain_ollama.OllamaLLM",),
        "langchain_ollama",
        "1.1.0",
        "model='llama3', base_url='http://127.0.0.1:1'",
    ),
    _client(
        "langchain_ollama.embeddings.OllamaEmbeddings",
        ("langchain_ollama.OllamaEmbeddings",),
        "langchain_ollama",
        "1.1.0",
        "model='nomic-embed-text', base_url='http://127.0.0.1:1'",
    ),
)
"""Chat models and embeddings of the providers apps use: each creates its SDK's
client, with its pools and locks, when it is made."""

TEXT: tuple[TypeRow, ...] = tuple(
    TypeRow(
        f"langchain_text_splitters.character.{name}",
        pickles=True,
        made_by=(
            Made(
                f"langchain_text_splitters.{name}()",
                f"from langchain_text_splitters import {name}; "
                f"value = {name}(chunk_size=100, chunk_overlap=10)",
            ),
        ),
        aliases=(f"langchain_text_splitters.{name}", f"langchain.text_splitter.{name}"),
        package="langchain_text_splitters",
        version="1.1.3",
    )
    for name in ("RecursiveCharacterTextSplitter", "CharacterTextSplitter")
)

STORES: tuple[TypeRow, ...] = (
    TypeRow(
        "langchain_chroma.vectorstores.Chroma",
        Kind.CLIENT,  # it makes its own chromadb client unless it is given one
        made_by=tuple(
            Made(
                f"langchain_chroma.Chroma{member}()",
                _EMBEDDING + _DOCUMENTS + "from langchain_chroma import Chroma; "
                f"value = Chroma{member}({arguments})",
            )
            for member, arguments in (
                ("", "collection_name='docs', embedding_function=_emb"),
                (".from_texts", "['a'], _emb"),
                (".from_documents", "_docs, _emb"),
            )
        ),
        aliases=("langchain_chroma.Chroma",),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        package="langchain_chroma",
        version="1.1.0",
    ),
    TypeRow(
        "langchain_community.vectorstores.chroma.Chroma",
        Kind.CLIENT,  # as langchain_chroma's, which replaced it
        made_by=tuple(
            Made(
                f"langchain_community.vectorstores.Chroma{member}()",
                _EMBEDDING + _DOCUMENTS + "from langchain_community.vectorstores import Chroma; "
                f"value = Chroma{member}({arguments})",
            )
            for member, arguments in (
                ("", "collection_name='docs', embedding_function=_emb"),
                (".from_texts", "['a'], _emb"),
                (".from_documents", "_docs, _emb"),
            )
        ),
        aliases=("langchain_community.vectorstores.Chroma", "langchain.vectorstores.Chroma"),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        package="langchain_community",
        needs=("chromadb",),
        version=_COMMUNITY,
    ),
    TypeRow(
        "langchain_qdrant.qdrant.QdrantVectorStore",
        Kind.CLIENT,
        made_by=(
            Made(
                "langchain_qdrant.QdrantVectorStore()",
                _EMBEDDING + "from langchain_qdrant import QdrantVectorStore; "
                "from qdrant_client import QdrantClient; value = QdrantVectorStore("
                "client=QdrantClient(url='http://127.0.0.1:1'), collection_name='c', "
                "embedding=_emb, validate_collection_config=False)",
            ),
            Made(
                "langchain_qdrant.QdrantVectorStore.from_documents()",
                _EMBEDDING + _DOCUMENTS + "from langchain_qdrant import QdrantVectorStore; "
                "value = QdrantVectorStore.from_documents(_docs, _emb, path='qdrant', "
                "collection_name='c')",
            ),
            Made(
                "langchain_qdrant.QdrantVectorStore.from_texts()",
                _EMBEDDING + "from langchain_qdrant import QdrantVectorStore; "
                "value = QdrantVectorStore.from_texts(['a'], _emb, path='qdrant2', "
                "collection_name='c')",
            ),
            Made("langchain_qdrant.QdrantVectorStore.from_existing_collection()"),
        ),
        aliases=("langchain_qdrant.QdrantVectorStore",),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        built="it keeps its QdrantClient: refused with a server url or a local path, "
        "as apps build it; with QdrantClient(':memory:') it pickles",
        pickles_when_given=tuple(
            PicklesWhenGiven(
                "location",
                None,
                ":memory:",
                _EMBEDDING + _DOCUMENTS + "from langchain_qdrant import QdrantVectorStore; "
                "value = QdrantVectorStore.from_documents(_docs, _emb, location=':memory:', "
                "collection_name='c')",
                producer=f"langchain_qdrant.QdrantVectorStore.{factory}()",
            )
            for factory in ("from_documents", "from_texts")
        ),
        package="langchain_qdrant",
        version="1.1.0",
    ),
    TypeRow(
        "langchain_community.vectorstores.qdrant.Qdrant",
        Kind.CLIENT,
        made_by=(
            Made(
                "langchain_community.vectorstores.Qdrant()",
                _EMBEDDING + "from langchain_community.vectorstores import Qdrant; "
                "from qdrant_client import QdrantClient; value = Qdrant("
                "client=QdrantClient(url='http://127.0.0.1:1'), collection_name='c', "
                "embeddings=_emb)",
            ),
            Made(
                "langchain_community.vectorstores.Qdrant.from_documents()",
                # it passes qdrant-client arguments that current releases reject
            ),
        ),
        aliases=("langchain_community.vectorstores.Qdrant", "langchain.vectorstores.Qdrant"),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        built="as QdrantVectorStore: with QdrantClient(':memory:') it pickles",
        pickles_when_given=(
            PicklesWhenGiven(
                "location",
                None,
                ":memory:",
                # the client its factory makes with location=':memory:'
                _EMBEDDING + "from langchain_community.vectorstores import Qdrant; "
                "from qdrant_client import QdrantClient; value = Qdrant("
                "client=QdrantClient(location=':memory:'), collection_name='c', embeddings=_emb)",
                producer="langchain_community.vectorstores.Qdrant.from_documents()",
            ),
        ),
        package="langchain_community",
        needs=("qdrant_client",),
        version=_LINE_03_COMMUNITY,
        versions="<0.4",
    ),
    TypeRow(
        "langchain_objectbox.vectorstores.ObjectBox",
        # an embedded database: it keeps the store's and the box's native handles,
        # and an entity class it defines anew in a method
        Kind.DATABASE,
        made_by=tuple(
            Made(
                f"langchain_objectbox.vectorstores.ObjectBox{member}()",
                _EMBEDDING + _DOCUMENTS + "from langchain_objectbox.vectorstores import ObjectBox; "
                f"value = ObjectBox{member}({arguments}, embedding_dimensions=4, "
                # a folder each: a store is opened once per folder in a process
                f"db_directory='store{number}')",
            )
            for number, (member, arguments) in enumerate(
                (
                    ("", "embedding=_emb"),
                    (".from_texts", "['a'], _emb"),
                    (".from_documents", "_docs, _emb"),
                )
            )
        ),
        aliases=("langchain_objectbox.ObjectBox",),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        package="langchain_objectbox",
        version="0.1.0",
    ),
)

_PDF = (
    "import pypdf; _w = pypdf.PdfWriter(); _w.add_blank_page(10, 10); _w.write('f.pdf'); "
    "from langchain_community.document_loaders import PyPDFLoader; "
)

LOADERS: tuple[TypeRow, ...] = (
    TypeRow(
        "langchain_community.document_loaders.pdf.PyPDFLoader",
        pickles=True,
        made_by=(
            Made(
                "langchain_community.document_loaders.PyPDFLoader()",
                _PDF + "value = PyPDFLoader('f.pdf')",
            ),
        ),
        aliases=(
            "langchain_community.document_loaders.PyPDFLoader",
            "langchain.document_loaders.PyPDFLoader",
        ),
        package="langchain_community",
        needs=("pypdf",),
        version=_COMMUNITY,
    ),
)

_GRAPH = (
    "from langgraph.graph import StateGraph, MessagesState, START; "
    "import copy; _g = StateGraph(MessagesState); _g.add_node('n', copy.copy); "
    "_g.add_edge(START, 'n'); "
)
PRODUCERS: Mapping[str, tuple[Made, ...]] = {
    "builtins.list": (
        Made(
            "langchain_community.document_loaders.pdf.PyPDFLoader.load()",
            _PDF + "value = PyPDFLoader('f.pdf').load()",
            package="langchain_community",
            needs=("pypdf",),
        ),
        Made(
            "langchain_text_splitters.character.RecursiveCharacterTextSplitter.split_documents()",
            "from langchain_text_splitters import RecursiveCharacterTextSplitter; "
            "from langchain_core.documents import Document; "
            "value = RecursiveCharacterTextSplitter(chunk_size=10, chunk_overlap=0)"
            ".split_documents([Document(page_content='a b c')])",
            package="langchain_text_splitters",
        ),
    ),
    # a graph's run, step by step: a generator of Pregel's, which an app keeping
    # it to advance on each rerun keeps across runs
    **{
        f"builtins.{kind}": (
            Made(
                f"langgraph.graph.state.CompiledStateGraph.{method}()",
                _GRAPH + f"value = _g.compile().{method}({{'messages': []}})",
                package="langgraph",
            ),
        )
        for kind, method in (("generator", "stream"), ("async_generator", "astream"))
    },
}
"""Producers of standard types: the documents loaders and splitters give, and a
compiled graph's run."""

INTEGRATIONS: tuple[TypeRow, ...] = (
    _client(
        "langchain_mistralai.chat_models.ChatMistralAI",
        ("langchain_mistralai.ChatMistralAI",),
        "langchain_mistralai",
        "1.1.6",
        "api_key='test'",
        bases=(CHAT_MODEL,),
    ),
    _client(
        "langchain_mistralai.embeddings.MistralAIEmbeddings",
        ("langchain_mistralai.MistralAIEmbeddings",),
        "langchain_mistralai",
        "1.1.6",
        "api_key='test'",
    ),
    # ChatCohere asks the service about its model when it is made: no offline evidence
    _client(
        "langchain_cohere.embeddings.CohereEmbeddings",
        ("langchain_cohere.CohereEmbeddings",),
        "langchain_cohere",
        "0.6.0",
        "cohere_api_key='test', model='embed-english-v3.0'",
    ),
    TypeRow(
        "langchain_pinecone.vectorstores.PineconeVectorStore",
        Kind.CLIENT,  # it keeps its index, which keeps a client
        made_by=(
            Made(
                "langchain_pinecone.PineconeVectorStore()",
                _EMBEDDING + "from langchain_pinecone import PineconeVectorStore; "
                "from pinecone import Pinecone; value = PineconeVectorStore(index=Pinecone("
                "api_key='test').Index(host='http://127.0.0.1:1'), embedding=_emb)",
            ),
            # they reach the service when they are called
            Made("langchain_pinecone.PineconeVectorStore.from_documents()"),
            Made("langchain_pinecone.PineconeVectorStore.from_existing_index()"),
        ),
        aliases=("langchain_pinecone.PineconeVectorStore",),
        bases=("langchain_core.vectorstores.base.VectorStore",),
        package="langchain_pinecone",
        needs=("pinecone",),
        version="0.2.13",
    ),
    TypeRow(
        "langchain_huggingface.llms.huggingface_endpoint.HuggingFaceEndpoint",
        pickles=True,  # it keeps a huggingface_hub InferenceClient
        made_by=(
            Made(
                "langchain_huggingface.HuggingFaceEndpoint()",
                "from langchain_huggingface import HuggingFaceEndpoint; value = "
                "HuggingFaceEndpoint(endpoint_url='http://127.0.0.1:1', "
                "huggingfacehub_api_token='hf-test')",
            ),
        ),
        aliases=("langchain_huggingface.HuggingFaceEndpoint",),
        built="its InferenceClient keeps the open response of a streamed call, and is refused "
        "from then on",
        package="langchain_huggingface",
        version=_HUGGINGFACE,
    ),
    TypeRow(
        "langchain_huggingface.chat_models.huggingface.ChatHuggingFace",
        pickles=True,
        made_by=(
            Made(
                "langchain_huggingface.ChatHuggingFace()",
                "from langchain_huggingface import ChatHuggingFace, HuggingFaceEndpoint; "
                "value = ChatHuggingFace(llm=HuggingFaceEndpoint(endpoint_url="
                "'http://127.0.0.1:1', huggingfacehub_api_token='hf-test'))",
                holds=Holding.ARGUMENTS,
            ),
        ),
        aliases=("langchain_huggingface.ChatHuggingFace",),
        package="langchain_huggingface",
        version=_HUGGINGFACE,
        bases=(CHAT_MODEL,),
    ),
)
"""LangChain's packages for more providers."""

AGENTS: tuple[TypeRow, ...] = (
    TypeRow(
        "langgraph.store.base.BaseStore",
        neutral_base=True,
        package="langgraph",
        version="1.2.24",
    ),
    TypeRow(
        "langgraph.graph.state.CompiledStateGraph",
        # it keeps functions it defines inside its methods (attach_node's _get_updates)
        Kind.LOCAL_OBJECT,
        made_by=(
            Made(
                "langgraph.prebuilt.create_react_agent()",
                "from langchain_core.language_models import FakeMessagesListChatModel; "
                "from langgraph.prebuilt import create_react_agent; "
                "value = create_react_agent(FakeMessagesListChatModel(responses=[]), [])",
                holds=Holding.ARGUMENTS,
            ),
            Made(
                "langchain.agents.create_agent()",
                "from langchain_core.language_models import FakeMessagesListChatModel; "
                "from langchain.agents import create_agent; "
                "value = create_agent(FakeMessagesListChatModel(responses=[]), tools=[])",
                holds=Holding.ARGUMENTS,
                needs=("langchain",),
            ),
            Made(
                "langgraph.graph.StateGraph.compile()",
                _GRAPH + "value = _g.compile()",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        package="langgraph",
        version="1.2.24",
    ),
    TypeRow(
        "langgraph.graph.state.StateGraph",
        # the reducer of MessagesState's messages is a function defined inside another
        Kind.LOCAL_OBJECT,
        made_by=(
            Made(
                "langgraph.graph.StateGraph()",
                "from langgraph.graph import StateGraph, MessagesState; "
                "value = StateGraph(MessagesState)",
            ),
        ),
        aliases=("langgraph.graph.StateGraph",),
        built="refused with a state whose fields have reducers (MessagesState, add_messages), "
        "as agent apps build it; a plain TypedDict state pickles",
        package="langgraph",
        version="1.2.24",
    ),
    TypeRow(
        "langgraph.checkpoint.memory.InMemorySaver",
        # its serializer keeps a function defined inside another (ext_hook)
        Kind.LOCAL_OBJECT,
        made_by=(
            Made(
                "langgraph.checkpoint.memory.MemorySaver()",
                "from langgraph.checkpoint.memory import MemorySaver; value = MemorySaver()",
            ),
        ),
        aliases=("langgraph.checkpoint.memory.MemorySaver",),
        package="langgraph",
        version="1.2.24",
    ),
)

REEXPORTED = (
    "cache",
    "callbacks",
    "chat_models",
    "docstore",
    "document_loaders",
    "document_transformers",
    "embeddings",
    "graphs",
    "llms",
    "retrievers",
    "storage",
    "tools",
    "utilities",
    "vectorstores",
)
"""The modules of ``langchain_community`` that LangChain up to 0.3 re-exports at
the same paths under ``langchain`` (``langchain.embeddings.openai`` gives
``langchain_community.embeddings.openai``'s classes), as apps written for
LangChain 0.0 and 0.1 import them."""


_NOT_REEXPORTED = frozenset({"langchain.document_loaders.pdf.PyPDFLoader"})
"""Names of that form LangChain 0.3 does not give (its ``document_loaders.pdf``
re-exports some of the loaders only), as the probes of the aliases find."""


def with_legacy_names(rows: tuple[TypeRow, ...]) -> tuple[TypeRow, ...]:
    """The rows, each type of ``langchain_community`` also under the names
    LangChain up to 0.3 gives it (the evidence tests check each such alias
    where it imports: the same type)."""
    found = []
    for row in rows:
        names = (row.name, *row.aliases)
        legacy = tuple(
            f"langchain.{rest}"
            for name in names
            if name.startswith("langchain_community.")
            and (rest := name.removeprefix("langchain_community.")).split(".")[0] in REEXPORTED
            and f"langchain.{rest}" not in (*names, *_NOT_REEXPORTED)
        )
        found.append(replace(row, aliases=(*row.aliases, *legacy)) if legacy else row)
    return tuple(found)


ALL: tuple[TypeRow, ...] = with_legacy_names(
    (
        *CHAT_MODELS,
        *MESSAGES,
        *CORE,
        *VECTOR_STORES,
        *CLASSIC,
        *SQL,
        *BEDROCK,
        *MODELS,
        *TEXT,
        *LOADERS,
        *STORES,
        *INTEGRATIONS,
        *AGENTS,
    )
)
