"""libcst's parse of the selected statements, without checking the nodes it builds.

Every libcst node checks itself when it is made: ``CSTNode.__post_init__`` calls
``_validate``. libcst's parser makes its nodes through the same constructors, so
each node of a parsed tree is checked, although a tree made from source that
Python's own parser accepted (every file the plugin parses) is valid by
construction; libcst's own comment on that method notes the cost. The checks
take an eighth of the parse. While the plugin parses, that method is replaced by
one that does nothing, only where it is still libcst's own and does nothing but
check; nodes made at any other time are checked as usual.
"""

from __future__ import annotations

import libcst as cst

_CHECK = cst.CSTNode.__post_init__
_ONLY_CHECKS = _CHECK.__code__.co_names == ("_validate",)


def _unchecked(self: cst.CSTNode) -> None:
    pass


def parse_module(text: str) -> cst.Module:
    """``libcst.parse_module(text)``, the same tree."""
    if not _ONLY_CHECKS or cst.CSTNode.__post_init__ is not _CHECK:
        return cst.parse_module(text)
    cst.CSTNode.__post_init__ = _unchecked  # type: ignore[method-assign]
    try:
        return cst.parse_module(text)
    finally:
        cst.CSTNode.__post_init__ = _CHECK  # type: ignore[method-assign]
