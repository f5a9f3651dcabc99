"""Named rules in a fixed order: the registries of the claims stage.

A :class:`Registry` is a list of ``(name, rule)`` pairs in the order the rules were defined; its
:meth:`~Registry.rule` decorator adds one (as ``@pattern`` does for the date rules of
:mod:`newsfacts.components.dates.rules`). Each module of the package that chains rules has one
(``EXCLUSIONS``, ``NUMBER_READERS``, ``JOINS``, ``CONCEPT_SOURCES``, ``CHANGE_SOURCES``,
``HOLDER_RULES``, ``POST_PASSES``) and iterates it in that order.
"""

from __future__ import annotations

from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)


class Registry(list):
    """An ordered list of named rules, ``(name, function)``, filled by :meth:`rule`.

    Args:
        kind: what the rules are ("exclusion", "join", ...), for error messages.
    """

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def rule(self, name: str) -> Callable[[F], F]:
        """Decorator: register the function under ``name`` after the rules defined before it.

        Raises:
            ValueError: ``name`` is already registered.
        """

        def deco(fn: F) -> F:
            if name in self.names():
                raise ValueError(f"{self.kind} rule {name!r} is registered twice")
            self.append((name, fn))
            return fn

        return deco

    def names(self) -> list[str]:
        """The rule names in order."""
        return [name for name, _ in self]
