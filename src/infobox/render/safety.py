"""What may reach an HTML attribute: URLs by scheme whitelist, ids from a safe alphabet.

Text never needs more than escaping: renderers only build tags of their own from the inline
node kinds, so no markup from the input can pass (MediaWiki's sanitiser whitelists tags; here
the whitelist is the set of node kinds). ``style`` attributes from the input are never copied.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

SCHEMES = ("http:", "https:", "mailto:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff]+")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is http(s), protocol-relative or mailto — after undoing entity and
    whitespace tricks (``jav&#x61;script:``, ``java\\tscript:``) — else None."""
    if not url:
        return None
    probe = _INVISIBLE.sub("", html.unescape(html.unescape(url))).lower()
    if probe.startswith("//") or probe.startswith(SCHEMES):
        return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")
    return None


def anchor(text: str) -> str:
    """A reference name as Cite puts it in ids (HTML5 mode): white space and underscores → one ``_``.

    Other characters stay as they are: attribute escaping keeps them harmless.
    """
    return re.sub(r"[\s_]+", "_", text.strip())
