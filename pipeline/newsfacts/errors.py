"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 1.

Bugs are not caught: they stay tracebacks.
"""


class NewsfactsError(Exception):
    """Base class of every error caused by input, configuration or environment."""


class InputError(NewsfactsError):
    """An article or input file cannot be read or is invalid. The message names the input (and line)."""


class ModelError(NewsfactsError):
    """A model is missing, corrupt, or would need a download (the project never downloads at run time)."""


class ConfigError(NewsfactsError):
    """A setting (flag or ``NEWSFACTS_*`` environment variable) has an invalid value."""


class StoreError(NewsfactsError):
    """The knowledge table cannot be opened, migrated or written."""


class RecordRejected(StoreError):
    """The store refused one article's record because of its data (a value the database cannot
    hold, e.g. an id longer than the column), not because the store is unusable: a batch records
    the article in ``failed_inputs`` and goes on."""
