"""The names of Streamlit's API the plugin looks for, kept free of libcst so that
the gate can use them without importing it."""

from __future__ import annotations

from collections.abc import Mapping

STREAMLIT = "streamlit"
SESSION_STATE_PATH = f"{STREAMLIT}.session_state"

CACHE_DATA_PATHS = frozenset({"streamlit.cache_data", "streamlit.experimental_memo"})
"""Decorators whose function's return values are pickled; ``st.cache_resource``
keeps its values as they are and is not one."""

CACHE_RESOURCE_PATHS = frozenset({"streamlit.cache_resource", "streamlit.experimental_singleton"})
"""Decorators whose function's return values are kept as they are, across script
runs and sessions."""

CONTAINER_WRITE_METHODS = frozenset(
    {
        "append",
        "appendleft",
        "add",
        "extend",
        "extendleft",
        "insert",
        "update",
        "setdefault",
        "__setitem__",
    }
)
"""Methods that store a value into a container kept in session state."""

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
