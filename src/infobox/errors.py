"""Exceptions of the public API."""


class InfoboxError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(InfoboxError):
    """The input cannot be read as wikitext (missing file, not UTF-8, …); the message says why."""
