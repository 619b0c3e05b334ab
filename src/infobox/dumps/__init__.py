"""Sources of pages: .wiki files, folders of them, and MediaWiki XML dumps (plain, bz2, gz, xz)."""

from .reader import DumpError, Page, count_source_bytes, iter_pages

__all__ = ["DumpError", "Page", "count_source_bytes", "iter_pages"]
