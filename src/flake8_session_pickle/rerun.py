"""The rerun trap: Streamlit runs the script again on every interaction, defining
its classes and functions anew, so a value a run leaves in session state meets
the classes of a later run. Which writes a later run may skip, so that what they
stored outlives the run that made it, is decided here."""

from __future__ import annotations

from collections.abc import Hashable

from flake8_session_pickle.facts import FileFacts
from flake8_session_pickle.scopes import Scope, ScopeKind
from flake8_session_pickle.values import Definition


class RerunPolicy:
    def __init__(self, facts: FileFacts) -> None:
        self._facts = facts

    def outlives_run(self, scope: Scope, called_from: Scope | None = None) -> bool:
        """Whether a write made here may be skipped by a later run, so that what it
        stored outlives the run that made it: it is conditional, in a lambda, or
        in a function the script does not run in full on every run. A function
        of a module of the app, run at a call of the checked file that stands
        at ``called_from``, runs when that call does."""
        current: Scope | None = scope
        while current is not None:
            if current.conditional or current.kind is ScopeKind.LAMBDA:
                return True
            if current.kind is ScopeKind.FUNCTION:
                owner = current.owner
                if called_from is not None and owner is not None and owner.module is not None:
                    current, called_from = called_from, None
                    continue
                if not self._runs_every_time(owner):
                    return True
            current = current.parent
        return False

    def _runs_every_time(self, function: Definition | None) -> bool:
        """Whether the script calls the function, or the method of a module-level
        class, in full on every run."""
        if function is None:
            return False
        if function.is_module_level:
            return function.name in self._facts.functions_every_run
        defined_in = function.scope
        return (
            defined_in.kind is ScopeKind.CLASS
            and defined_in.parent is not None
            and defined_in.parent.kind is ScopeKind.MODULE
            and function.name in self._facts.methods_every_run
        )

    def renew(self, scope: Scope, key: Hashable) -> None:
        """A new container is written under ``key`` on every run here, so that
        what is added to it afterwards in this scope does not outlive the run."""
        if not self.outlives_run(scope):
            scope.fresh.add(key)

    @staticmethod
    def renewed(scope: Scope, key: Hashable) -> bool:
        return key in scope.fresh
