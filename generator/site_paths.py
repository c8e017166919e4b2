"""Where each generated page lives, relative to the docs folder: the site's URL scheme in one place.

Ids become addresses, so these paths are stable as long as ids are. The renderer writes pages here, and
``coursegen check`` reads the same scheme to validate the links a trainer writes without rendering anything
(so it sits beside the model, not inside :mod:`coursegen.render`). :func:`page_url` turns such a path into the
address of the built page, for whatever names one (the CLI's messages, the SCORM launch page, the handbook's print).
"""

from __future__ import annotations

HOME = "index.md"
AGENDA = "agenda.md"
CASES_INDEX = "cases/index.md"
PROGRESS = "progress.md"
REVIEW = "review.md"
HANDBOOK = "handbook.md"
COMPLETION = "completion.md"
"""The completion record (结业证明), which cg-certificate.js fills in from the trainee's records."""
ASSETS = "assets/coursegen"

_ITEM_PAGES = {
    "lecture": "lectures/{id}.md",
    "case": "cases/{id}.md",
    "discussion": "discussions/{id}.md",
    "drill": "drills/{id}.md",
    "scenario": "scenarios/{id}.md",
    "homework": "homework/{id}.md",
    "quiz": "quizzes/{id}.md",
}


def item_page(kind: str, item_id: str) -> str:
    """The page of a lecture, case, discussion, drill, homework or quiz."""
    return _ITEM_PAGES[kind].format(id=item_id)


def asset(name: str) -> str:
    return f"{ASSETS}/{name}"


SEARCH_DIALOG_CSS = asset("cg-search-dialog.css")
"""Material's styles for its search dialog, which coursegen's dialog wears, written into a Zensical build:
Zensical's stylesheets, made for Zensical's own search, have none of them."""
IFRAME_WORKER_SHIM = asset("vendor/iframe-worker.js")
"""The polyfill an offline site ships (the ``iframe-worker`` shim). Its name contains ``iframe-worker``: should a
trainer also enable Material's ``offline`` plugin, that plugin then sees the shim present and adds no outside copy."""


def page_url(page: str, *, directory_urls: bool = True) -> str:
    """The address MkDocs gives the page at ``page`` (a docs path), relative to the site's root.

    ``hr-guide.md`` → ``hr-guide/``, ``cases/index.md`` → ``cases/``, ``index.md`` → ``""``; without directory
    URLs (an offline site, a SCORM package: ``use_directory_urls: false``) → ``hr-guide.html``,
    ``cases/index.html``. One rule for every place that names a built page, so none of them drifts from MkDocs'.
    """
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


DOWNLOADS = "downloads"


def download(item_id: str, suffix: str) -> str:
    """A file offered for download, e.g. a homework's blank template (``.docx``).

    Markdown is shipped as ``.md.txt``: a ``.md`` file in the docs folder would be built into a page.
    """
    return f"{DOWNLOADS}/{item_id}{suffix}"
