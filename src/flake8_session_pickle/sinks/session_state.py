"""Streamlit's session state: every value in it is pickled after each script run
(with ``runner.enforceSerializableSessionState``, and where sessions are
persisted or moved), and what a run leaves there meets later runs."""

from __future__ import annotations

import ast
from collections.abc import Hashable, Iterator

from flake8_session_pickle.codes import Kind, Sink, code_for
from flake8_session_pickle.events import Called, Event, Stored, StoreForm, Target
from flake8_session_pickle.knowledge.streamlit import OPTION_WIDGETS, STREAMLIT
from flake8_session_pickle.selection import is_constant, root_name
from flake8_session_pickle.sinks import Mentions, Statement, Write
from flake8_session_pickle.values import Constant, Named, Place, Spread


class SessionState:
    number = Sink.SESSION_STATE
    rerun_trap = True
    pickled_as_written = False

    def __init__(self, session_paths: frozenset[str]) -> None:
        self.roots = session_paths
        self.modules = frozenset(path.split(".", 1)[0] for path in session_paths)
        self.attributes = frozenset(path.rsplit(".", 1)[-1] for path in session_paths)
        self.gate_words = self.attributes | {f"{widget}(" for widget in OPTION_WIDGETS}

    def selects(self, statement: Statement, mentions: Mentions) -> bool:
        return (
            any(_target_rooted(target, mentions) for target in statement.targets)
            or any(mentions.rooted(receiver) for receiver in statement.receivers)
            or any(
                _offers_options(call) and root_name(call.func) in mentions.modules
                for call in statement.calls
            )
        )

    def key_of(self, place: Place) -> Hashable:
        return place.key

    def writes(self, event: Event) -> Iterator[Write]:
        if isinstance(event, Stored):
            yield from self._stored(event)
        elif isinstance(event, Called):
            yield from self._widget_state(event)

    def _stored(self, event: Stored) -> Iterator[Write]:
        places = [self._place(target) for target in event.targets]
        watched = [place for place in places if place is not None]
        if not watched:
            return
        if len(watched) < len(places) or event.unpacked_into_names:
            return  # which of the items reach session state is not known
        place = watched[0]
        depth = len(place.segments)
        form = event.form
        yield Write(
            event.value,
            event.targets,
            event.scope,
            spread=event.spread,
            persists=form is not StoreForm.SET or depth > 1,
            key=self.key_of(place),
            replaces_key=form is StoreForm.SET and depth == 1 and len(event.targets) == 1,
            made=event.made,
            at=place if len(watched) == 1 else None,
            adds=form is StoreForm.ADD,
        )

    def _place(self, target: Target) -> Place | None:
        for owner in target.owners:
            if isinstance(owner, Place) and owner.root in self.roots:
                return owner if target.segment is None else owner.child(target.segment)
        return None

    def _widget_state(self, event: Called) -> Iterator[Write]:
        """A widget offering options (``st.radio("Page", [home, about])``) keeps the
        value it starts with in session state as its state, from one run to the
        next."""
        name = event.name
        if name not in OPTION_WIDGETS or not any(
            isinstance(value, Named)
            and value.name.startswith(f"{STREAMLIT}.")
            and value.name.endswith(f".{name}")
            for value in event.callee()
        ):
            return
        keyword, position = OPTION_WIDGETS[name]
        arguments = dict(event.keywords)
        if position is not None and len(event.positional) > position:
            arguments.setdefault(keyword, event.positional[position])
        starts_with = arguments.get(keyword)
        index = arguments.get("index")
        if starts_with is None or (index is not None and Constant(None) in event.evaluate(index)):
            return
        # Without a key, the widget's state keeps the object of the run that chose
        # it; with one, only while it equals one of that run's options.
        keyed = "key" in arguments
        yield Write(
            starts_with,
            f"the state of st.{name}",
            event.scope,
            spread=Spread.ITEMS if keyword == "options" else None,
            persists=not keyed,
            persists_if_equal=keyed,
        )

    def message(self, kind: Kind, what: str, place: str) -> str:
        info = kind.info
        return (
            f"{code_for(self.number, kind)} {what} stored in {place} "
            f"cannot be pickled ({info.why}); {info.fix}"
        )


def _target_rooted(target: ast.expr, mentions: Mentions) -> bool:
    """Whether an assignment target writes into a place reached from session state;
    a bare name only rebinds the name."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_target_rooted(element, mentions) for element in target.elts)
    if isinstance(target, ast.Starred):
        return _target_rooted(target.value, mentions)
    return not isinstance(target, ast.Name) and mentions.rooted(target)


def _offers_options(call: ast.Call) -> bool:
    """A call of an option widget whose starting value is not a literal."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else ""
    if isinstance(func, ast.Name):
        name = func.id
    if name not in OPTION_WIDGETS:
        return False
    keyword, position = OPTION_WIDGETS[name]
    values = [argument.value for argument in call.keywords if argument.arg == keyword]
    if position is not None:
        values.extend(call.args[position : position + 1])
    return any(
        not (
            is_constant(value)
            or (
                isinstance(value, (ast.List, ast.Tuple, ast.Set))
                and all(map(is_constant, value.elts))
            )
        )
        for value in values
    )
