"""Page-title, template-name and URL normalisation (MediaWiki's rules, English Wikipedia)."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote

WIKI_BASE = "https://en.wikipedia.org/wiki/"
UPLOAD_BASE = "https://upload.wikimedia.org/wikipedia/"

_SPACES = re.compile(r"[\s_\u00a0]+")
_TEMPLATE_PREFIX = re.compile(r"^\s*(?:template|tl|msg)\s*:\s*", re.IGNORECASE)
_FILE_PREFIX = re.compile(r"^\s*:?\s*(?:file|image)\s*:\s*", re.IGNORECASE)


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """Database form of a page title, with spaces: ``khojaly_(town)`` → ``Khojaly (town)``."""
    t = _SPACES.sub(" ", title).strip().lstrip(":").strip()
    return t[:1].upper() + t[1:]


def split_fragment(target: str) -> tuple[str, str | None]:
    """``Page#Section`` → (``Page``, ``Section``)."""
    page, sep, frag = target.partition("#")
    return page, (frag.strip() or None) if sep else None


def template_name(name: str) -> str:
    """Canonical template name: ``template:infobox_Civilian attack`` → ``Infobox Civilian attack``."""
    return normalize_title(_TEMPLATE_PREFIX.sub("", name))


def template_key(name: str) -> str:
    """Case-folded lookup key for the template registry and schemas."""
    return template_name(name).lower()


@lru_cache(maxsize=65536)
def wiki_url(title: str, fragment: str | None = None) -> str:
    """``https://en.wikipedia.org/wiki/…`` with MediaWiki's ``wfUrlencode`` escaping."""
    url = WIKI_BASE + quote(normalize_title(title).replace(" ", "_"), safe=";@$!*(),/~:")
    if fragment:
        url += "#" + quote(fragment.replace(" ", "_"), safe=";@$!*(),/~:.")
    return url


def file_name(name: str) -> str:
    """Database-key form of a file name: no ``File:`` prefix, ``_`` for spaces, first letter upper."""
    return normalize_title(_FILE_PREFIX.sub("", name)).replace(" ", "_")


def upload_url(name: str, repo: str = "commons", width: int | None = None) -> str:
    """Original (or ``width``-px thumbnail) URL of a file, by MediaWiki's two-level MD5 hash path."""
    key = file_name(name)
    h = hashlib.md5(key.encode("utf-8")).hexdigest()
    enc = quote(key, safe="")
    if width is None:
        return f"{UPLOAD_BASE}{repo}/{h[0]}/{h[:2]}/{enc}"
    thumb = f"{width}px-{enc}"
    if not re.search(r"\.(jpe?g|png|gif|webp)$", key, re.IGNORECASE):
        thumb += ".png"
    return f"{UPLOAD_BASE}{repo}/thumb/{h[0]}/{h[:2]}/{enc}/{thumb}"
