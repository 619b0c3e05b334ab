"""Writers for extracted infoboxes: SQLite (default), Parquet, JSON Lines. Each commits whole batches."""

from .jsonl import JsonlWriter
from .parquet import ParquetWriter
from .sqlite import SqliteWriter

WRITERS = {"sqlite": SqliteWriter, "parquet": ParquetWriter, "jsonl": JsonlWriter}

__all__ = ["WRITERS", "JsonlWriter", "ParquetWriter", "SqliteWriter"]
