"""The names of Streamlit's API the plugin looks for, kept free of libcst so that
the gate can use them without importing it."""

from __future__ import annotations

SESSION_STATE_PATH = "streamlit.session_state"

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
