"""What the theme itself shows in the course's language: the texts of coursegen's Material overrides.

Material writes a few strings of its own in English whatever ``theme.language`` says (the heading links'
"Permanent link", the 404 page's "404 - Not found", the "Made with Material for MkDocs" credit), and leaves
its search dialog without an accessible name. The overrides in ``generator/theme/`` (see
:mod:`coursegen.builder.workspace`) read these texts from ``extra.coursegen`` in the generated mkdocs.yml;
the texts themselves stay in ``generator/strings/``, beside every other string a trainee sees.
"""

from __future__ import annotations

from .environment import RenderContext
from .site import Theme

CREDIT_LANGUAGES = frozenset({"en"})
"""Languages whose sites show Material's English "Made with Material for MkDocs" credit unless the trainer
says otherwise (``extra.generator`` in mkdocs.yml): an English line in a Chinese footer is one a trainee cannot
read, so a ``zh`` course leaves it out by default."""

TRAINER_PRIMARY = "brown"
"""The trainer edition's header colour (a Material palette name), unlike any trainee site's: with the 讲师版 badge,
a projected or forwarded trainer page is told apart at a glance. Brown keeps white header text readable (7:1)."""


def site_theme(ctx: RenderContext) -> Theme:
    """The theme settings of the course's language and edition."""
    t = ctx.t
    texts = {
        "search_dialog": t["search_dialog"],
        "not_found": t["not_found"],
        "not_found_hint": t["not_found_hint"],
        "home": t["home"],
        "permalink": t["permalink"],
    }
    if ctx.trainer:
        texts["badge"] = t["trainer_badge"]
    return Theme(texts, ctx.project.course.language in CREDIT_LANGUAGES, TRAINER_PRIMARY if ctx.trainer else None)
