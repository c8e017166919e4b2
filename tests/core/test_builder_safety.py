"""Running MkDocs: whatever stops it, the last good site stays and no half-built folder is left; the
garbage collector's pause is safe across threads."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from coursegen.builder import collector_paused
from coursegen.builder.mkdocs_build import build_site
from coursegen.errors import UserError


def small_project(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: 测试\n", encoding="utf-8")
    return config


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), TypeError("a plugin's bug"), UserError("search check failed")],
                         ids=lambda e: type(e).__name__)
def test_an_interrupted_build_keeps_the_site_and_leaves_no_staging_folder(tmp_path: Path, stop: BaseException) -> None:
    config = small_project(tmp_path)
    build_site(config, tmp_path / "site")
    good = (tmp_path / "site" / "index.html").read_bytes()

    def interrupt(_config: object) -> None:
        raise stop

    with pytest.raises(type(stop)):
        build_site(config, tmp_path / "site", check=interrupt)
    assert (tmp_path / "site" / "index.html").read_bytes() == good
    assert leftovers(tmp_path) == []


def test_a_successful_build_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    config = small_project(tmp_path)
    build_site(config, tmp_path / "site")
    (tmp_path / "docs" / "index.md").write_text("# 新首页\n", encoding="utf-8")
    build_site(config, tmp_path / "site")
    assert "新首页" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_overlapping_pauses_of_the_garbage_collector_end_with_the_last_one() -> None:
    """serve regenerates in its watcher thread: one thread's pause must not end another's, nor leave it off."""
    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with collector_paused:
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused:
            second_in.set()
            first_out.wait(5)
            seen["after the first pause ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"after the first pause ended": False}
    assert gc.isenabled()
