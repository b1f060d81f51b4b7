"""Facts about the file as a whole, read from Python's own ``ast`` of all of it,
since libcst sees only the statements the analysis needs. Each is worked out
only when the analysis first asks for it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from flake8_session_pickle.knowledge.streamlit import IMPORT_TIME_CALLS, SESSION_STATE_ATTRIBUTE
from flake8_session_pickle.selection import TRY_STATEMENTS, dotted_name, push_children, root_name

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


@dataclass(frozen=True)
class _EveryRun:
    functions: frozenset[str]
    methods: frozenset[str]


class FileFacts:
    def __init__(self, tree: ast.Module | None, source: str, module_names: frozenset[str]) -> None:
        """``tree`` is Python's parse of ``source``; without it, the text is parsed
        again whenever a fact needs it, so that facts kept for a long time (those
        of the app's modules) do not keep a tree."""
        self._given = tree
        self._source = source
        self._module_names = module_names
        """Names bound to the modules session state comes from (``st``)."""

    @classmethod
    def of_module(cls, tree: ast.Module, source: str) -> FileFacts:
        """The facts of a module of the app (``tree`` is Python's parse of
        ``source``), kept as long as the module is: which names the file uses
        is worked out now from ``tree``, which is not kept."""
        facts = cls(None, source, frozenset())
        facts._walked = _walk_whole(tree)
        return facts

    @property
    def _tree(self) -> ast.Module:
        return self._given if self._given is not None else ast.parse(self._source)

    @cached_property
    def is_script(self) -> bool:
        """Whether the file runs as a Streamlit app script: at module level, outside
        any function or class body, it calls Streamlit or one of its own functions
        or classes (``App().run()``),
        or otherwise uses Streamlit (``if "k" not in st.session_state:``), which an
        imported module's top level, run once per process, has no reason to do.
        Binding a name to a part of Streamlit (``state = st.session_state``) is not
        a use, nor is a call a component package makes as it is imported
        (``components.declare_component(...)``)."""
        functions = self._module_level_functions
        # the callees of calls made at import, and their parts: the walk meets a
        # call before its callee
        at_import: set[int] = set()
        for node, bound_value in _module_level_nodes(self._tree):
            if isinstance(node, ast.Call):
                root = root_name(node.func)
                if _called_at_import(node.func):
                    at_import.add(id(node.func))
                elif root in functions or root in self._module_names:
                    return True
            elif isinstance(node, ast.Attribute) and id(node) in at_import:
                at_import.add(id(node.value))
            elif (
                not bound_value
                and isinstance(node, ast.Name)
                and isinstance(node.ctx, ast.Load)
                and node.id in self._module_names
                and id(node) not in at_import
            ):
                return True
        return False

    @cached_property
    def renders(self) -> bool:
        """Whether, at module level, it calls Streamlit otherwise than on session
        state (``st.title(...)``, ``st.sidebar.button(...)``), as a page does and a
        module that initialises session state for the pages importing it has no
        reason to."""
        for node, _ in _module_level_nodes(self._tree):
            if (
                isinstance(node, ast.Call)
                and root_name(node.func) in self._module_names
                and not _called_at_import(node.func)
                and not _through_session_state(node.func)
            ):
                return True
        return False

    @cached_property
    def _module_level_functions(self) -> frozenset[str]:
        """The file's module-level functions and classes: calling a class runs
        its ``__init__``."""
        return frozenset(
            node.name
            for node in _module_level_statements(self._tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        )

    @property
    def functions_every_run(self) -> frozenset[str]:
        """Names of functions the script runs in full on every run: called as a
        whole statement outside any condition (``main()``), at module level or in
        the body of another such function or method, and referred to nowhere
        else."""
        return self._every_run.functions

    @property
    def methods_every_run(self) -> frozenset[str]:
        """Likewise for the names of methods (``App().run()``, ``page.render()``,
        ``self.setup()``), referred to nowhere else as attributes."""
        return self._every_run.methods

    def uses_attribute_outside_self(self, name: str) -> bool:
        """Whether the file reads or writes the attribute ``name`` on something other
        than a method's own instance (``app.run()``, ``self.client.close()``, but
        not ``self.setup()``): the methods that name leads to may be called by any
        code, while what a method calls on ``self`` runs only if it does."""
        # A name the text does not hold is used nowhere, which spares the walk of
        # the whole file; Python reads identifiers in their NFKC form, which only
        # non-ASCII text can spell otherwise.
        if name not in self._source and self._source.isascii():
            return False
        return name in self._walked[1]

    def uses_attribute_on(self, receiver: str, name: str) -> bool:
        """Whether the file reads or writes the attribute ``name`` on the name
        ``receiver`` (``Database.init()``)."""
        if name not in self._source and self._source.isascii():
            return False
        return (receiver, name) in self._walked[2]

    @cached_property
    def _walked(self) -> tuple[dict[str, list[int]], frozenset[str], frozenset[tuple[str, str]]]:
        return _walk_whole(self._tree)

    @cached_property
    def _every_run(self) -> _EveryRun:
        tree = self._tree  # one tree: what follows compares its nodes by ``id``
        # The tree the uses were gathered from, where it is kept.
        uses = self._walked[0] if self._given is not None else _walk_whole(tree)[0]
        return _EveryRun(*_every_run(tree, uses, self._module_names))

    @cached_property
    def registered_with_copyreg(self) -> frozenset[str]:
        """Names of classes given a reducer by ``copyreg.pickle(cls, ...)``."""
        if "copyreg" not in self._source:
            return frozenset()
        tree = self._tree
        reducers: set[str] = set()  # names bound to ``copyreg.pickle``
        modules: set[str] = set()  # names bound to ``copyreg``
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(a.asname or a.name for a in node.names if a.name == "copyreg")
            elif isinstance(node, ast.ImportFrom) and node.module == "copyreg":
                reducers.update(a.asname or a.name for a in node.names if a.name == "pickle")
        registered: set[str] = set()
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            if (isinstance(func, ast.Name) and func.id in reducers) or (
                isinstance(func, ast.Attribute)
                and func.attr == "pickle"
                and isinstance(func.value, ast.Name)
                and func.value.id in modules
            ):
                name = dotted_name(node.args[0])
                if name is not None:
                    registered.add(name)
        return frozenset(registered)


def _module_level_definitions(
    tree: ast.Module,
) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Module-level functions by name, and methods of module-level classes by
    ``.name``."""
    found: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for node in _module_level_statements(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.setdefault(f".{method.name}", []).append(method)
    return found


def _walk_whole(
    tree: ast.Module,
) -> tuple[dict[str, list[int]], frozenset[str], frozenset[tuple[str, str]]]:
    """In one walk of every node: each use of a name, and of an attribute name as
    ``.name``, with the ``id`` of each node that uses it; the attribute names
    used on something other than the instance of the method they are in; and the
    attribute names used on a name, with that name."""
    uses: dict[str, list[int]] = {}
    outside_self: set[str] = set()
    on_names: set[tuple[str, str]] = set()
    # Each method is walked apart, knowing the name of its instance; the
    # innermost method a node is in decides.
    pending: list[tuple[ast.AST, str | None]] = [(tree, None)]
    while pending:
        root, self_name = pending.pop()
        stack = [root]
        while stack:
            node = stack.pop()
            node_type = type(node)
            if node_type is ast.Constant:
                continue
            if node_type is ast.Name:
                assert isinstance(node, ast.Name)
                uses.setdefault(node.id, []).append(id(node))
                continue
            if node_type is ast.Attribute:
                assert isinstance(node, ast.Attribute)
                uses.setdefault(f".{node.attr}", []).append(id(node))
                value = node.value
                if isinstance(value, ast.Name):
                    on_names.add((value.id, node.attr))
                if not (isinstance(value, ast.Name) and value.id == self_name):
                    outside_self.add(node.attr)
            elif node_type is ast.ClassDef:
                assert isinstance(node, ast.ClassDef)
                stack.extend((*node.decorator_list, *node.bases, *node.keywords))
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        pending.append((item, _self_parameter(item)))
                    else:
                        stack.append(item)
                continue
            push_children(stack, node)
    return uses, frozenset(outside_self), frozenset(on_names)


def _every_run(
    tree: ast.Module, uses: dict[str, list[int]], module_names: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    functions: set[str] = set()
    methods: set[str] = set()
    calls: set[int] = set()
    _every_run_calls(tree.body, functions, methods, calls, module_names)
    definitions = _module_level_definitions(tree)
    followed: set[int] = set()
    while True:
        every_run_functions = {
            name for name in functions if all(use in calls for use in uses.get(name, ()))
        }
        every_run_methods = {
            name for name in methods if all(use in calls for use in uses.get(f".{name}", ()))
        }
        bodies = [
            definition
            for name in (*every_run_functions, *(f".{name}" for name in every_run_methods))
            for definition in definitions.get(name, ())
            if id(definition) not in followed
        ]
        if not bodies:
            return frozenset(every_run_functions), frozenset(every_run_methods)
        for definition in bodies:
            followed.add(id(definition))
            _every_run_calls(definition.body, functions, methods, calls, module_names)


def _every_run_calls(
    body: list[ast.stmt],
    functions: set[str],
    methods: set[str],
    calls: set[int],
    module_names: frozenset[str],
) -> None:
    """Gather what the block calls as whole statements on every run; calls of
    Streamlit's own functions (``st.title()``) are not calls of methods."""
    for statement in body:
        if isinstance(statement, (ast.Expr, ast.Assign)):
            value = statement.value
            if isinstance(value, ast.Call):
                if isinstance(value.func, ast.Name):
                    functions.add(value.func.id)
                    calls.add(id(value.func))
                elif (
                    isinstance(value.func, ast.Attribute)
                    and root_name(value.func.value) not in module_names
                ):
                    methods.add(value.func.attr)
                    calls.add(id(value.func))
        elif isinstance(statement, ast.If):
            if _is_main_guard(statement.test):  # Streamlit runs the script as __main__
                _every_run_calls(statement.body, functions, methods, calls, module_names)
        elif isinstance(statement, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
            _every_run_calls(statement.body, functions, methods, calls, module_names)
            _every_run_calls(
                getattr(statement, "orelse", []), functions, methods, calls, module_names
            )
        elif isinstance(statement, TRY_STATEMENTS):
            for block in ("body", "orelse", "finalbody"):
                _every_run_calls(getattr(statement, block), functions, methods, calls, module_names)


def _is_main_guard(test: ast.expr) -> bool:
    """``__name__ == "__main__"``, which holds whenever Streamlit runs the script."""
    if not (
        isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
    ):
        return False
    sides = (test.left, test.comparators[0])
    return any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides) and any(
        isinstance(side, ast.Constant) and side.value == "__main__" for side in sides
    )


def _module_level_nodes(tree: ast.Module) -> Iterator[tuple[ast.AST, bool]]:
    """Every node outside function, class and lambda bodies (those nodes included),
    each with whether it stands in the value of an assignment to plain names."""
    stack: list[tuple[ast.AST, bool]] = [(node, False) for node in reversed(tree.body)]
    while stack:
        node, bound_value = stack.pop()
        yield node, bound_value
        if isinstance(node, _SCOPES):
            continue
        if _binds_names_only(node):
            assert isinstance(node, (ast.Assign, ast.AnnAssign))
            if node.value is not None:
                stack.append((node.value, True))
            continue
        stack.extend((child, bound_value) for child in reversed(list(ast.iter_child_nodes(node))))


def _module_level_statements(tree: ast.Module) -> Iterator[ast.stmt]:
    """The statements outside function and class bodies (those statements included)."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        statement = stack.pop()
        yield statement
        if isinstance(statement, _SCOPES):
            continue
        for block in ("body", "orelse", "finalbody"):
            stack.extend(getattr(statement, block, ()))
        for clause in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
            stack.extend(clause.body)


def _binds_names_only(node: ast.AST) -> bool:
    if isinstance(node, ast.Assign):
        return all(isinstance(target, ast.Name) for target in node.targets)
    return isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)


def _self_parameter(method: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The parameter a method's instance is bound to; None for a static or class
    method."""
    if any(
        isinstance(decorator, ast.Name) and decorator.id in ("staticmethod", "classmethod")
        for decorator in method.decorator_list
    ):
        return None
    parameters = [*method.args.posonlyargs, *method.args.args]
    return parameters[0].arg if parameters else None


def _through_session_state(func: ast.expr) -> bool:
    """A call reached through session state (``st.session_state.get``)."""
    node = func
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        if isinstance(node, ast.Attribute) and node.attr == SESSION_STATE_ATTRIBUTE:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _called_at_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in IMPORT_TIME_CALLS
    return isinstance(func, ast.Attribute) and func.attr in IMPORT_TIME_CALLS
