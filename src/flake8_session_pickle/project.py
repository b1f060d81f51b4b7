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

import ast
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from flake8_session_pickle.limits import exceeded

_MARKERS = ("pyproject.toml", "setup.cfg", ".git", ".streamlit")
PAGES = "pages"
"""The folder of an app's pages, each run as a script with the main script's folder."""
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
_METHOD_CALL = re.compile(r"\.\s*([A-Za-z_]\w*)\s*\(|\b(async\s+)?with\b")
"""A call of a method by name, as text (``.send_message(``), or a ``with`` or
``async with`` statement, which calls ``__enter__`` or ``__aenter__``."""
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\(?([\w., \t]+)|import[ \t]+([\w., \t]+))",
    re.MULTILINE,
)
"""An import statement's first line, as text: ``from .db import x, y`` (its dots,
module and first names) or ``import a.b as c, d``."""
MAX_PROJECT_FILES = 500
"""Python files of a project read for the methods they call, at most; a project
with more is taken to call any method."""
MAX_PROJECT_ENTRIES = 20_000
"""Files and folders of a project looked at for its Python files, at most."""
MAX_IMPORT_DEPTH = 6
"""Modules read one inside another, from the checked file's imports; a module
imported deeper makes its names unknown. A package's ``__init__`` that
re-exports what its modules define is a step of its own."""
MAX_MODULE_CHARACTERS = 500_000
"""A larger module of the app is not analysed: the names it binds are unknown,
and it has no functions storing what they are given."""
MAX_PROJECT_FILE_SIZE = 1_000_000
"""Characters of each file read at most."""
_NOT_THE_APP = frozenset({"node_modules", "site-packages", "dist-packages", "__pycache__"})


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
        self._tops: dict[str, bool] = {}
        self._files: dict[str, Path | None] = {}
        self._pins: dict[str, str] | None = None
        self._texts: dict[Path, _Text] | None = None
        self._called_on: dict[tuple[str, ...], bool] = {}

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

    def calls(self, methods: frozenset[str], besides: Path | None) -> str | None:
        """One of the methods that a Python file of the project other than
        ``besides`` calls, as its text shows; ``""`` where the project is too
        large to tell (more than :data:`MAX_PROJECT_FILES` Python files or
        :data:`MAX_PROJECT_ENTRIES` entries), as any may be called. Session state
        is shared by an app's pages and modules, so what one file stores another
        may use. The project's files are read once, when a verdict first
        depends on them."""
        texts = self._read()
        if texts is None:
            return ""
        for path, text in texts.items():
            found = methods & text.methods
            if found and path != besides:
                return min(found)
        return None

    def calls_on(self, receiver: str, method: str, module: Path, checked: Path | None) -> bool:
        """Whether a file of the app that imports ``module`` calls ``method`` on
        the name ``receiver`` (``Database.init()``, also ``db.Database.init()``),
        as its code outside comments shows (:meth:`_callers`)."""
        call = rf"\b{re.escape(receiver)}\s*\.\s*{re.escape(method)}\s*\("
        return self._callers(("on", receiver, method), call, method, module, checked)

    def calls_naming(self, name: str, method: str, module: Path, checked: Path | None) -> bool:
        """Whether a file of the app that imports ``module`` and names ``name`` (a
        class of it) calls ``method`` by name on something: the method of an
        instance of that class it keeps (``self.client.verify_api()`` in a page
        that imports ``GeminiClient``) (:meth:`_callers`)."""
        named = rf"\b{re.escape(name)}\b"
        return self._callers(("naming", name, method), named, method, module, checked)

    def _callers(
        self, key: tuple[str, ...], pattern: str, method: str, module: Path, checked: Path | None
    ) -> bool:
        """Whether the code of a file that runs with the app (the checked file, a
        page, or a module another file imports; not a test's, nor a script run
        on its own), imports ``module``, calls ``method`` by name and holds
        ``pattern`` on a line outside a comment. Only the files that call the
        method at all are read again, once per question; a project too large to
        read calls nothing known."""
        if key not in self._called_on:
            texts = self._read()
            code = re.compile(rf"^[^#\n]*{pattern}", re.MULTILINE)
            names = self._module_names(module)
            self._called_on[key] = texts is not None and any(
                method in text.methods
                and (path in text.files or not names.isdisjoint(text.imports))
                and not _is_test(path)
                and (path == checked or path.parent.name == PAGES or self.imported(path))
                and code.search(_read_text(path) or "") is not None
                for path, text in texts.items()
            )
        return self._called_on[key]

    def imported(self, path: Path) -> bool:
        """Whether another Python file of the project, other than a test's, imports
        the file (its path, resolved) as a module, as the files' text shows: a
        module the app imports runs once per process, however often the script
        reruns. A project too large to read imports nothing known."""
        texts = self._read()
        if texts is None:
            return False
        names = self._module_names(path)
        return any(
            other != path
            and not _is_test(other)
            and (path in text.files or not names.isdisjoint(text.imports))
            for other, text in texts.items()
        )

    def _module_names(self, path: Path) -> frozenset[str]:
        """The dotted names a file may be imported by: from each folder it is in,
        up to the project root."""
        parts = [*path.with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        depth = len(self.root.parts)
        return frozenset(
            ".".join(parts[start:]) for start in range(depth, len(parts)) if parts[start:]
        )

    def _read(self) -> dict[Path, _Text] | None:
        if self._texts is None:
            self._texts = _read_texts(self.root)
        return None if self._texts is _TOO_LARGE else self._texts

    def module_file(self, dotted: str) -> Path | None:
        """The file of a module of the project, by its dotted name."""
        if dotted not in self._files:
            try:
                self._files[dotted] = self._find(dotted)
            except OSError:  # a name no file system takes (too long)
                self._files[dotted] = None
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
            try:
                known = self._found_top(name)
            except OSError:  # a name no file system takes (too long)
                known = False
            self._tops[name] = known
        return known

    def _found_top(self, name: str) -> bool:
        return not _imported_first(name) and (
            any(
                (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
                for folder in self.folders
            )
            or (
                not _known_package(name)
                and any((folder / name).is_dir() for folder in self.folders)
            )
        )


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


@dataclass(frozen=True)
class _Text:
    """What the text of a file of the project shows."""

    methods: frozenset[str]
    """The methods it calls by name, and ``__enter__``/``__aenter__`` for its
    ``with`` and ``async with`` statements."""
    imports: frozenset[str]
    """The dotted names its absolute imports name: each module, and each module
    and name of a ``from`` import, which may be a submodule."""
    files: frozenset[Path]
    """The files its relative imports may lead to."""


_TOO_LARGE: dict[Path, _Text] = {}


def _read_texts(root: Path) -> dict[Path, _Text]:
    """What the text of each Python file of the project shows, or
    :data:`_TOO_LARGE`; hidden folders, virtual environments and installed
    packages are not the app's, and only regular files are read."""
    found: dict[Path, _Text] = {}
    entries = 0
    for current, folders, files in os.walk(root):
        entries += len(folders) + len(files)
        if entries > MAX_PROJECT_ENTRIES:
            return _TOO_LARGE
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in _NOT_THE_APP
            and not os.path.exists(os.path.join(current, name, "pyvenv.cfg"))
        )
        for name in sorted(files):
            path = Path(current, name)
            if not name.endswith(".py") or not path.is_file():
                continue
            if len(found) == MAX_PROJECT_FILES:
                return _TOO_LARGE
            text = _read_text(path)
            if text is None:
                continue
            resolved = path.resolve()
            found[resolved] = _Text(
                frozenset(_methods_in(text)), *_imports_in(text, resolved.parent)
            )
    return found


def _read_text(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read(MAX_PROJECT_FILE_SIZE)
    except OSError:
        return None


def _methods_in(text: str) -> Iterator[str]:
    """Each method the text calls by name, and what ``with`` statements call."""
    for match in _METHOD_CALL.finditer(text):
        method, asynchronous = match.groups()
        if method is not None:
            yield method
        else:
            yield "__aenter__" if asynchronous else "__enter__"


def _imports_in(text: str, folder: Path) -> tuple[frozenset[str], frozenset[Path]]:
    """The dotted names the text's absolute imports name, and the files its
    relative imports (from a file in ``folder``) may lead to."""
    names: set[str] = set()
    files: set[Path] = set()
    for match in _IMPORT.finditer(text):
        dots, module, imported, plain = match.groups()
        if plain is not None:
            names.update(part.split()[0] for part in plain.split(",") if part.split())
            continue
        members = [part.split()[0] for part in imported.split(",") if part.split()]
        if not dots:
            names.add(module)
            names.update(f"{module}.{member}" for member in members)
            continue
        base = folder
        for _ in range(len(dots) - 1):
            base = base.parent
        for dotted in [module] if module else members:
            target = base.joinpath(*dotted.split("."))
            files.update((target.with_suffix(".py"), target / "__init__.py"))
    return frozenset(names), frozenset(files)


def _is_test(path: Path) -> bool:
    """A test's file, which imports the app's modules, and its scripts, as no run
    of the app does."""
    return (
        path.name.startswith("test_")
        or path.stem.endswith("_test")
        or path.name == "conftest.py"
        or "tests" in path.parts
        or "test" in path.parts
    )


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


class ModuleSource:
    """A module of the app as read from disk, with Python's parse of it once
    asked for."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tree(self) -> ast.Module | None:
        """None where Python cannot parse the text."""
        try:
            return ast.parse(self.text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None

    @cached_property
    def analysable(self) -> bool:
        """Whether Python parses it and libcst can take it safely."""
        return self.tree is not None and exceeded(self.tree, self.text) is None


MAX_READ_MODULES = 16
"""Modules kept as read, with their parse, while one file is checked, the most
recently read: the writers a file imports are learned from the modules it
imports just before the analysis reads them."""

_READ: dict[tuple[Path, int, int], ModuleSource | None] = {}
"""By path, modification time and size, the most recent last."""


def read_module(path: Path) -> ModuleSource | None:
    """The module at ``path`` as read from disk; None where it cannot be read as
    UTF-8 or holds more than :data:`MAX_MODULE_CHARACTERS`."""
    try:
        status = path.stat()
    except OSError:
        return None
    key = (path, status.st_mtime_ns, status.st_size)
    if key in _READ:
        source = _READ[key] = _READ.pop(key)
        return source
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        source = None
    else:
        source = ModuleSource(text) if len(text) <= MAX_MODULE_CHARACTERS else None
    _READ[key] = source
    while len(_READ) > MAX_READ_MODULES:
        del _READ[next(iter(_READ))]
    return source


def forget_read_modules() -> None:
    """Drop the modules read, once a file is checked: what is kept of a module
    for the files checked after it is kept apart, without its parse, which is
    large and would cost every collection of the garbage."""
    _READ.clear()


def project_of(checked: Path) -> Project:
    """The project of a checked file (``checked``: its path, resolved), shared by
    the files whose imports are searched from the same main script's folder (the
    app and its pages), so that what is known of the folders searched is learned
    once."""
    folder = checked.parent
    return _project(folder.parent if folder.name == PAGES else folder)


@cache
def _project(main_folder: Path) -> Project:
    return Project(main_folder)
