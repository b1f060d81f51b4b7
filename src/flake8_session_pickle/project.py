"""The app's own modules: where an import of the checked file leads, the way
Streamlit runs the app, among the files of its project.

Streamlit puts the main script's folder on ``sys.path``, and runs a page under
``pages/`` with the main script's folder there too; a module the app imports
from a folder of its own (``tabs/chat.py``) runs with the app's folder there,
which may be any folder above it. So the checked file's folder (the main
script's, for a page) and each folder above it up to the project root (the
nearest folder up with ``pyproject.toml``, ``setup.cfg``, ``.git`` or
``.streamlit``) are searched, nearest first, then the working directory and the
root's ``src/``. Only files inside the project root are read, as text; nothing
is imported or run.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

_MARKERS = ("pyproject.toml", "setup.cfg", ".git", ".streamlit")
_PAGES = "pages"
_REQUIREMENTS = "requirements.txt"
_PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([0-9][^\s;#,]*)")
"""``name==release`` at the start of a requirement line (extras allowed)."""
_PACKAGE_TABLE = re.compile(r'^name = "([^"]+)"\r?\nversion = "([0-9][^"]*)"', re.MULTILINE)
"""The start of a ``[[package]]`` table of a TOML lock file: its name, then its version."""
_LOCKED = (
    ("uv.lock", _PACKAGE_TABLE),
    ("poetry.lock", _PACKAGE_TABLE),
    # pixi: each PyPI package's entry names it, then its version
    ("pixi.lock", re.compile(r"^ +name: (\S+)\r?\n +version: ([0-9]\S*)", re.MULTILINE)),
    # Pipfile.lock: ``"name": {..., "version": "==release"}`` (JSON)
    (
        "Pipfile.lock",
        re.compile(r'"([A-Za-z0-9][A-Za-z0-9._-]*)": \{[^{}]*?"version": "==([0-9][^"]*)"'),
    ),
)
"""The lock files of the installers apps use, and how each records the release
it installs of a package."""
_MAX_LOCK = 5_000_000
"""Characters of a lock file read at most."""
_METHOD_CALL = re.compile(r"\.\s*([A-Za-z_]\w*)\s*\(")
"""A call of a method by name, as text: ``.send_message(``."""
MAX_APP_FILES = 500
"""Python files of an app's folder read for the methods they call, at most; an
app with more is taken to call any method."""
MAX_APP_FILE_SIZE = 1_000_000
"""Characters of each file read at most."""
_NOT_THE_APP = frozenset({"node_modules", "site-packages", "__pycache__"})


class Project:
    """The files an app's imports may lead to, for the files checked that run with
    one main script's folder on ``sys.path``."""

    def __init__(self, main_folder: Path) -> None:
        self.root = _root(main_folder)
        # A file imported by the app (``tabs/chat.py`` beside ``app.py``) runs with
        # the app's folder on ``sys.path``, which may be any folder above it.
        above = [main_folder, *main_folder.parents]
        within = above[: above.index(self.root) + 1] if self.root in above else [main_folder]
        candidates = [*within, Path.cwd().resolve(), self.root / "src"]
        self.folders = tuple(
            candidate
            for candidate in dict.fromkeys(candidates)
            if candidate.is_dir() and _inside(candidate, self.root)
        )
        """The folders imports are searched in, in order."""
        self._main_folder = main_folder
        self._tops: dict[str, bool] = {}
        self._files: dict[str, Path | None] = {}
        self._pins: dict[str, str] | None = None
        self._called: dict[Path, frozenset[str]] | None = None

    @property
    def pins(self) -> dict[str, str]:
        """The releases the app runs with, by distribution (normalised:
        ``langchain-openai``): those its ``requirements.txt`` pins with ``==``,
        then those a lock file (``uv.lock``, ``poetry.lock``, ``pixi.lock``,
        ``Pipfile.lock``) installs; the main script's folder's, then the project
        root's. Read when a verdict first depends on a release."""
        if self._pins is None:
            self._pins = {}
            for folder in dict.fromkeys(
                (self.folders[0] if self.folders else self.root, self.root)
            ):
                for name, release in _pinned(folder / _REQUIREMENTS).items():
                    self._pins.setdefault(name, release)
                for lock, entry in _LOCKED:
                    for name, release in _locked(folder / lock, entry).items():
                        self._pins.setdefault(name, release)
        return self._pins

    def calls_elsewhere(self, methods: frozenset[str], checked: Path) -> str | None:
        """One of the methods that a Python file of the app's folder (the main
        script's, and the folders below it) other than ``checked`` calls, as its
        text shows: session state is shared by the app's pages and modules, so
        what one file stores another may use. The folder's files are read once,
        when a verdict first depends on it; in a folder of more than
        :data:`MAX_APP_FILES` files, any of the methods may be called."""
        if self._called is None:
            self._called = _methods_called(self._main_folder)
        if len(self._called) > MAX_APP_FILES:
            return min(methods)
        for path, called in self._called.items():
            found = methods & called
            if found and path != checked:
                return min(found)
        return None

    def module_file(self, dotted: str) -> Path | None:
        """The file of a module of the project, by its dotted name."""
        if dotted not in self._files:
            self._files[dotted] = self._find(dotted)
        return self._files[dotted]

    def _find(self, dotted: str) -> Path | None:
        parts = dotted.split(".")
        if not all(parts) or not self._has_top(parts[0]):
            return None
        for folder in self.folders:
            base = folder.joinpath(*parts)
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file() and _inside(candidate.resolve(), self.root):
                    return candidate.resolve()
        return None

    def split(self, qualified: str) -> tuple[Path, list[str]] | None:
        """The module of the project a qualified name is in, and the names that
        lead from the module to the object (``utils.db.get_engine`` is
        ``get_engine`` in ``utils/db.py``)."""
        parts = qualified.split(".")
        if not self._has_top(parts[0]):
            return None
        for end in range(len(parts), 0, -1):
            found = self.module_file(".".join(parts[:end]))
            if found is not None:
                return found, parts[end:]
        return None

    def absolute(self, relative: str, importer: Path) -> str | None:
        """The dotted name of a relative import (``..db``) made in ``importer``,
        where the importer's package is inside the project."""
        level = len(relative) - len(relative.lstrip("."))
        package = importer.parent
        for _ in range(level - 1):
            package = package.parent
        folder = next((folder for folder in self.folders if _inside(package, folder)), None)
        if folder is None:
            return None
        parts = list(package.relative_to(folder).parts)
        rest = relative[level:]
        return ".".join([*parts, *([rest] if rest else [])]) or None

    def _has_top(self, name: str) -> bool:
        """Whether any searched folder has a module or package of that name (also a
        namespace package: a folder without ``__init__.py``); known answers are
        kept, since most names an app uses are not its own."""
        known = self._tops.get(name)
        if known is None:
            known = self._tops[name] = not _imported_first(name) and (
                any(
                    (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
                    for folder in self.folders
                )
                or (
                    not _known_package(name)
                    and any((folder / name).is_dir() for folder in self.folders)
                )
            )
        return known


def _imported_first(name: str) -> bool:
    """Whether the module is taken to be in ``sys.modules`` before the app runs,
    so that no file of the app stands for it: Streamlit itself, which runs the
    app, and the standard library, most of which it has imported by then."""
    from flake8_session_pickle.knowledge.language import STANDARD_LIBRARY
    from flake8_session_pickle.knowledge.streamlit import STREAMLIT

    return name == STREAMLIT or name in STANDARD_LIBRARY


def _known_package(name: str) -> bool:
    """Whether a package the knowledge tables know has the top-level name: as a
    regular package it comes before a folder of the app without ``__init__.py``
    (a namespace package), which counts only where no regular one is found."""
    from flake8_session_pickle.knowledge import rows

    return any(row.package.split(".")[0] == name for row in rows())


def _pinned(requirements: Path) -> dict[str, str]:
    """The ``==`` pins of a requirements file; nothing where it cannot be read."""
    try:
        text = requirements.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _PIN.match(line.strip())
        if match is not None:
            found[normalised(match.group(1))] = match.group(2)
    return found


def _locked(lock: Path, entry: re.Pattern[str]) -> dict[str, str]:
    """The releases a lock file installs; nothing where it cannot be read."""
    try:
        with lock.open(encoding="utf-8", errors="replace") as handle:
            text = handle.read(_MAX_LOCK)
    except OSError:
        return {}
    found: dict[str, str] = {}
    for match in entry.finditer(text):
        found.setdefault(normalised(match.group(1)), match.group(2))
    return found


def _methods_called(folder: Path) -> dict[Path, frozenset[str]]:
    """The names of the methods each Python file below ``folder`` calls, for at
    most one more file than :data:`MAX_APP_FILES`; hidden folders and installed
    packages are not the app's."""
    found: dict[Path, frozenset[str]] = {}
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in _NOT_THE_APP
        )
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = Path(current, name)
            try:
                with path.open(encoding="utf-8", errors="replace") as handle:
                    text = handle.read(MAX_APP_FILE_SIZE)
            except OSError:
                continue
            found[path.resolve()] = frozenset(_METHOD_CALL.findall(text))
            if len(found) > MAX_APP_FILES:
                return found
    return found


def normalised(distribution: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


@cache
def _root(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in _MARKERS):
            return candidate
    return folder


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath((path, folder)) == str(folder)


def project_of(checked: Path) -> Project:
    """The project of a checked file (``checked``: its path, resolved), shared by
    the files whose imports are searched from the same main script's folder (the
    app and its pages), so that what is known of the folders searched is learned
    once."""
    folder = checked.parent
    return _project(folder.parent if folder.name == _PAGES else folder)


@cache
def _project(main_folder: Path) -> Project:
    return Project(main_folder)
