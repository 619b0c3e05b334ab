"""Writers for extracted infoboxes: SQLite (default), JSON Lines. Each commits whole batches."""

from .jsonl import JsonlWriter
from .sqlite import SqliteWriter

WRITERS = {"sqlite": SqliteWriter, "jsonl": JsonlWriter}

__all__ = ["WRITERS", "JsonlWriter", "SqliteWriter"]
