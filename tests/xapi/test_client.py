"""The xAPI client's weight, and its absence from a course that names no LRS (issue 32's page-weight caps)."""

from __future__ import annotations

from pathlib import Path

from bench.page_weight import XAPI_CAP, XAPI_CLIENT as SENDER, xapi_client_gzip


def test_the_xapi_client_adds_at_most_6_kib_gzipped() -> None:
    """As a page gets them: minified, then gzipped (the build benchmark's goal 9 is the same number)."""
    size = xapi_client_gzip()
    assert XAPI_CAP == 6 * 1024
    assert size <= XAPI_CAP, f"cg-xapi.js with its response patterns is {size} bytes gzipped"


def test_a_course_without_an_lrs_loads_no_sender_and_its_config_says_none(example_site: Path) -> None:
    folder = example_site / "assets" / "coursegen"
    assert (folder / "cg-core.js").is_file()
    assert not any((folder / name).exists() for name in SENDER)
    config = (folder / "cg-config.js").read_text(encoding="utf-8")
    assert '"lrs":null' in config and '"xapi.' not in config  # nor the sender's strings
    assert "cg-xapi.js" not in (example_site / "index.html").read_text(encoding="utf-8")
