"""``python -m generator`` runs the coursegen command."""

from __future__ import annotations

from .cli import main

main()
