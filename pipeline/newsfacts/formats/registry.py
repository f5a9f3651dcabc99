"""The registry of output formats: ``{command: {format name: writer class}}``.

A writer registers itself with :func:`register` under its name for the commands that offer it
(``"extract"``: ``newsfacts extract --format``; ``"export"``: ``newsfacts export --format`` and
:meth:`newsfacts.store.Store.export`). The commands list and look up formats here only, so a new
format is one new module in :mod:`newsfacts.formats` and nothing else.
"""

from __future__ import annotations

from typing import Callable, TypeVar

#: The command ``newsfacts extract`` (writers of :class:`~newsfacts.formats.base.RecordWriter` kind).
EXTRACT = "extract"
#: The command ``newsfacts export`` / :meth:`Store.export` (writers with an ``export`` class method).
EXPORT = "export"

_WRITERS: dict[str, dict[str, type]] = {EXTRACT: {}, EXPORT: {}}

W = TypeVar("W", bound=type)


class UnknownFormat(ValueError):
    """A format name no writer is registered under for that command."""


def register(name: str, *commands: str) -> Callable[[W], W]:
    """Class decorator: register a writer as ``name`` for ``commands`` (``EXTRACT``, ``EXPORT``).

    Raises:
        ValueError: an unknown command, or the name is taken for that command.
    """

    def deco(cls: W) -> W:
        for command in commands:
            if command not in _WRITERS:
                raise ValueError(f"unknown command {command!r}: use {EXTRACT!r} or {EXPORT!r}")
            if name in _WRITERS[command]:
                raise ValueError(f"format {name!r} is registered twice for {command}")
            _WRITERS[command][name] = cls
        cls.name = name
        return cls

    return deco


def names(command: str) -> list[str]:
    """The format names of ``command``, in registration order."""
    return list(_WRITERS[command])


def choices(command: str) -> str:
    """The format names of ``command`` as a phrase: "jsonl, csv or parquet"."""
    found = names(command)
    return ", ".join(found[:-1]) + " or " + found[-1] if len(found) > 1 else "".join(found)


def describe(command: str) -> str:
    """The formats of ``command`` with their ``label`` (for ``--help``)."""
    labels = [w.label or n for n, w in _WRITERS[command].items()]
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else "".join(labels)


def writer(command: str, name: str) -> type:
    """The writer class registered as ``name`` for ``command``.

    Raises:
        UnknownFormat: no such format for that command (the message lists the ones there are).
    """
    try:
        return _WRITERS[command][name]
    except KeyError:
        raise UnknownFormat(f"unknown {command} format {name!r}: use {choices(command)}") from None
