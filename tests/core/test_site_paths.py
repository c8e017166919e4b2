"""The site's URL scheme: where MkDocs puts each page, as every place that names a built page reads it."""

from __future__ import annotations

import pytest

from coursegen.site_paths import page_url


@pytest.mark.parametrize(
    ("page", "served", "offline"),
    [
        ("index.md", "", "index.html"),
        ("hr-guide.md", "hr-guide/", "hr-guide.html"),
        ("cases/index.md", "cases/", "cases/index.html"),
        ("lectures/l1.md", "lectures/l1/", "lectures/l1.html"),
        ("reindex.md", "reindex/", "reindex.html"),  # a name that merely ends in "index" is a page of its own
    ],
)
def test_a_page_has_a_folder_address_or_with_directory_urls_off_an_html_file(page: str, served: str, offline: str) -> None:
    assert page_url(page) == served
    assert page_url(page, directory_urls=False) == offline
