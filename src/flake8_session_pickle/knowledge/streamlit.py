"""Streamlit's API: where it pickles, what it keeps, and the types it makes."""

from __future__ import annotations

from collections.abc import Mapping

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.rows import Made, TypeRow

STREAMLIT = "streamlit"
SESSION_STATE_ATTRIBUTE = "session_state"
SESSION_STATE = f"{STREAMLIT}.{SESSION_STATE_ATTRIBUTE}"

CACHE_DATA = frozenset({"streamlit.cache_data", "streamlit.experimental_memo"})
"""Decorators whose function's return values are pickled; ``st.cache_resource``
keeps its values as they are and is not one."""

CACHE_RESOURCE = frozenset({"streamlit.cache_resource", "streamlit.experimental_singleton"})
"""Decorators whose function's return values are kept as they are, across script
runs and sessions."""

IMPORT_TIME_CALLS = frozenset({"declare_component"})
"""Streamlit functions a component package calls at the top of its module, once,
when the app imports it (``components.declare_component(name, path=...)``):
a call of one is no sign that the file runs as an app script."""

OPTION_WIDGETS: Mapping[str, tuple[str, int | None]] = {
    "selectbox": ("options", 1),
    "radio": ("options", 1),
    "select_slider": ("options", 1),
    "multiselect": ("default", 2),
    "pills": ("default", None),
    "segmented_control": ("default", None),
}
"""Widgets whose value is one or more of their options, which Streamlit keeps in
session state as the widget's state from one run to the next; each with the
argument, by keyword and position, that gives the value it starts with: one of
its ``options`` (the first, unless ``index=None``), or its ``default``."""

PLAIN_WIDGETS = frozenset(
    {
        "text_input",
        "text_area",
        "chat_input",
        "number_input",
        "slider",
        "checkbox",
        "toggle",
        "button",
        "form_submit_button",
        "download_button",
        "color_picker",
        "date_input",
        "time_input",
        "feedback",
    }
)
"""Widgets whose value, whatever their arguments, is plain data: text, a number,
a bool, a date or time, a tuple of them, or None, or the chat input's
``ChatInputValue`` of text and uploaded files, which pickles (measured with
streamlit 1.67.0). Streamlit builds it afresh from what the browser sends
(their annotations in 1.67.0: ``str | None``, ``Number | None``, ``bool``,
``DateWidgetReturn``, ``time | None``, ``int | None``,
``str | ChatInputValue | None``; the slider's value is a number, date, time or
datetime, or a pair of them). Not here: widgets that give back one of their
options (:data:`OPTION_WIDGETS`), a link button (``bool | DeltaGenerator``),
and the editors and uploaders."""

TYPES: tuple[TypeRow, ...] = (
    TypeRow(
        "streamlit.connections.BaseConnection",
        Kind.DATABASE,
        made_by=(
            Made(
                "streamlit.connection()",
                "import streamlit as st; value = st.connection('db', type='sql', url='sqlite://')",
            ),
        ),
        package="streamlit",
        version="1.67.0",
    ),
    TypeRow(
        "streamlit.runtime.secrets.Secrets",
        Kind.INTERPRETER_OBJECT,
        made_by=(
            Made(
                "streamlit.secrets",
                # iterating st.secrets without a secrets file raises, so give it one
                "import os; os.makedirs('.streamlit', exist_ok=True); "
                "open(os.path.join('.streamlit', 'secrets.toml'), 'w').write('key = 1\\n'); "
                "import streamlit as st; value = st.secrets",
            ),
        ),
        iterator_pickles=True,  # iterates over the keys of a parsed copy
        package="streamlit",
        version="1.67.0",
    ),
)
