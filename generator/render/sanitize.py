"""What a course's text may carry into the site: plain text is always escaped; HTML in Markdown is cleaned.

A course may be edited by many hands, and its site runs on trainees' PCs inside a bank's intranet: a
``<script>``, an ``onerror=`` or a ``javascript:`` link in a lecture must not reach them by accident. Plain-text
fields (titles, labels, points) are escaped wherever they are written; Markdown fields keep their Markdown and
any harmless HTML (``<br>``, ``<sup>``, tables), while scripts, event handlers, frames and script addresses are
removed by nh3 (the Rust ``ammonia`` sanitiser), unless the course sets ``allow_raw_html: true``.
"""

from __future__ import annotations

import html
import re

import nh3

_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "*": {"class", "id", "title", "lang"}, "a": {"href", "hreflang", "title"}}
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z!/?]")
"""A tag, comment or declaration may start here; text without one has nothing to clean (most course text)."""


def clean_html(html: str) -> str:
    """HTML with scripts, event handlers, frames and ``javascript:`` addresses removed, the rest kept."""
    if not _LOOKS_LIKE_HTML.search(html):
        return html
    return nh3.clean(html, attributes=_ATTRIBUTES, link_rel=None)


def clean_markdown(text: str) -> str:
    """Markdown whose raw HTML is cleaned as :func:`clean_html` does, its Markdown left as written.

    The sanitiser reads the whole text as HTML, so it writes ``>`` and ``&`` of ordinary text as entities;
    they are put back (a blockquote's ``>`` must stay Markdown), which is safe: neither can open a tag, and
    an ``&lt;`` the sanitiser wrote for a stray ``<`` stays escaped.
    """
    if _LOOKS_LIKE_HTML.search(text):
        text = clean_html(text).replace("&gt;", ">").replace("&amp;", "&")
    return _safe_destinations(text) if "](" in text or "]:" in text else text


LINK_DESTINATION = re.compile(r"(\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)((?:[^\s()<>]|\([^\s()]*\))+)", re.MULTILINE)
"""A Markdown link's or image's address: inline ``[text](address)`` or a reference ``[name]: address``."""
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def _safe_destinations(text: str) -> str:
    """Markdown links whose address would run a script lead nowhere (``#``) instead; entities, case and
    control characters are seen through, as a browser would."""

    def check(match: re.Match[str]) -> str:
        address = re.sub(r"[\x00-\x20]", "", html.unescape(match.group(2))).lower()
        return match.group(1) + "#" if address.startswith(_SCRIPT_SCHEMES) else match.group(0)

    return LINK_DESTINATION.sub(check, text)
