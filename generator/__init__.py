"""coursegen: a training course written as YAML, turned into a static e-learning site.

Data flows one way: YAML files → :mod:`coursegen.load` (validated :mod:`coursegen.model`)
→ :mod:`coursegen.render` (Markdown pages and static assets) → a builder that reads ``mkdocs.yml``.
"""

from __future__ import annotations

__version__ = "0.1.0"
