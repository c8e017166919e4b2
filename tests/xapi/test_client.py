"""The xAPI client's weight, and its absence from a course that names no LRS (issue 32's page-weight caps)."""

from __future__ import annotations

import gzip
from pathlib import Path

from coursegen.render.assets import PARTS, shipped

from tests.conftest import ROOT

ASSETS = ROOT / "generator" / "assets"
SENDER = PARTS["xapi"].files + PARTS["interactions"].files
"""The statement sender and the response patterns it reports with."""


def test_the_xapi_client_adds_at_most_6_kib_gzipped() -> None:
    """As a page gets them: minified, then gzipped."""
    size = sum(len(gzip.compress(shipped(name, (ASSETS / name).read_bytes(), minify=True), 9)) for name in SENDER)
    assert size <= 6 * 1024, f"cg-xapi.js with its response patterns is {size} bytes gzipped"


def test_a_course_without_an_lrs_loads_no_sender_and_its_config_says_none(example_site: Path) -> None:
    folder = example_site / "assets" / "coursegen"
    assert (folder / "cg-core.js").is_file()
    assert not any((folder / name).exists() for name in SENDER)
    config = (folder / "cg-config.js").read_text(encoding="utf-8")
    assert '"lrs":null' in config and '"xapi.' not in config  # nor the sender's strings
    assert "cg-xapi.js" not in (example_site / "index.html").read_text(encoding="utf-8")
