"""``st.cache_data``: Streamlit pickles every value a function decorated with it
returns, in the run that calls it."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from flake8_session_pickle.codes import Kind, Sink, code_for
from flake8_session_pickle.events import Defined, Event, Returned
from flake8_session_pickle.knowledge.streamlit import CACHE_DATA, STREAMLIT
from flake8_session_pickle.sinks import Mentions, Statement, Write
from flake8_session_pickle.values import Definition, Object, Place

_NAMES = frozenset(path.rsplit(".", 1)[-1] for path in CACHE_DATA)


class CacheData:
    number = Sink.CACHE_DATA
    rerun_trap = False
    pickled_as_written = True
    modules = frozenset({STREAMLIT})
    attributes = _NAMES
    gate_words = _NAMES
    roots: frozenset[str] = frozenset()

    def selects(self, statement: Statement, mentions: Mentions) -> bool:
        return any(mentions.denotes(decorator) for decorator in statement.decorators)

    def key_of(self, place: Place) -> Hashable:
        return None

    def writes(self, event: Event) -> Iterator[Write]:
        if isinstance(event, Returned):
            owner = event.scope.owner
            if (
                event.value is not None
                and owner is not None
                and _caches_data(owner)
                and not owner.yields  # its value is its generator, reported at its name
            ):
                yield Write(event.value, f"'{owner.name}'", event.scope)
        elif isinstance(event, Defined):
            function = event.function
            if _caches_data(function) and function.yields:
                # Streamlit awaits a cached coroutine function and pickles what
                # it returns, but a generator is what the call itself returns.
                what = "async generator" if function.is_async else "generator"
                made = Object(
                    f"builtins.{what.replace(' ', '_')}", "", described_as=f"{what} object"
                )
                yield Write(event.node.name, f"'{function.name}'", event.scope, made=(made,))

    def message(self, kind: Kind, what: str, place: str) -> str | None:
        info = kind.info
        if info.cache_fix is None:
            return None
        return (
            f"{code_for(self.number, kind)} {what} returned by st.cache_data function "
            f"{place} cannot be pickled ({info.why}); {info.cache_fix}"
        )


def _caches_data(function: Definition) -> bool:
    return any(names & CACHE_DATA for names in function.decorators)
